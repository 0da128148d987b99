//! Source lines of tables, rows and cells, found by scanning the raw HTML text for their tags.
//!
//! The HTML parser does not report positions, so this module finds them the cheap way: one pass
//! over the source that notes the 1-based line of every `<table`, `</table`, `<tr`, `<td` and `<th`
//! tag, skipping comments and the raw-text elements whose content is not markup (`<script>`,
//! `<style>`, `<textarea>`, `<title>`, `<noscript>`, `<xmp>`, `<iframe>`, `<noembed>`,
//! `<noframes>`). The reader then pairs the n-th table (row, cell) element of the parsed tree with
//! the n-th tag of that kind found here.
//!
//! Steps, in order: scan tags; pair `<table` with `</table` on a stack, so each table knows its last
//! line and whether the input ends inside it; count. The pairing of tree elements with tags is only
//! used when the counts agree: a parser-made element (a `<tr>` implied around a stray `<td>`, a
//! `<td>` dropped because it stood outside any table) shifts every later pairing, so when the counts
//! differ that kind of element gets no line at all rather than a wrong one.
//!
//! Measured against html5ever's own line tracking (`set_current_line` at `create_element`): on the
//! fixture pages and the 2,000 generated pages every table, row and cell line agrees (1,169,142 of
//! 1,169,142), and scan + pairing costs 2.5 ms/MB (8 % of the reader) against 0.7 ms/MB for noting
//! html5ever's lines while parsing. Kept ours: html5ever gives a tag the line of its `>`, not of its
//! `<` (a `<td` whose attributes run over lines gets their last line); the reader parses the pruned
//! page, whose cuts drop lines; and this scan is needed anyway for `</table` lines, offsets and
//! truncation. Theirs is better only where ours gives no line (a parser-made `<tr>`, a `<td` inside
//! an attribute value), seen in neither corpus. Rerun:
//! `cargo bench --no-default-features --bench html_lines -- fixtures /tmp/begroting-bench-2000/html`

/// The tags of one kind, in source order, with their lines.
#[derive(Debug, Default)]
pub(super) struct SourceTags {
    /// Per `<table` tag: its line, and the line of its `</table` when it has one.
    pub tables: Vec<TableTag>,
    /// The line of every `<tr` tag.
    pub rows: Vec<usize>,
    /// The line of every `<td` and `<th` tag.
    pub cells: Vec<usize>,
    /// Line of the last line of the source.
    pub last_line: usize,
    /// Per table: true when a `</body` or `</html` tag follows it, so the page was not cut off.
    pub closes_document_after: Vec<bool>,
    /// True when the source ends in text (not in or right after a tag): a cut-off cell.
    pub ends_in_text: bool,
}

use ego_tree::NodeId;
use scraper::Html;

use super::byte_search::{find_byte, find_end_tag};
use super::element_kind::{is_raw_text, lower};
use super::grid::LineOf;

/// Where one table's tags are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TableTag {
    /// 1-based line of `<table`.
    pub start_line: usize,
    /// 1-based line of the matching `</table`, when the source has one.
    pub end_line: Option<usize>,
    /// Byte offset of `<table` in the source.
    pub offset: usize,
    /// Byte offset of the matching `</table`, when the source has one.
    pub end_offset: Option<usize>,
}

impl SourceTags {
    /// Scans the source once.
    pub fn scan(source: &str) -> SourceTags {
        let bytes = source.as_bytes();
        let mut tags = SourceTags::default();
        let mut line = 1;
        let mut counted_to = 0;
        let mut open_tables: Vec<usize> = Vec::new();
        let mut document_closes: Vec<usize> = Vec::new();
        let mut at = 0;
        let line_at = |offset: usize, line: &mut usize, counted_to: &mut usize| {
            *line += bytes[*counted_to..offset].iter().filter(|&&b| b == b'\n').count();
            *counted_to = offset;
            *line
        };
        while let Some(found) = find_byte(bytes, at, b'<') {
            at = found + 1;
            let rest = &bytes[found..];
            if rest.starts_with(b"<!--") {
                at = source[found + 4..].find("-->").map_or(bytes.len(), |end| found + 4 + end + 3);
                continue;
            }
            let closing = rest.get(1) == Some(&b'/');
            let name_start = found + if closing { 2 } else { 1 };
            let name_end = bytes[name_start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| name_start + p);
            if name_end == name_start {
                continue;
            }
            // Names too long for `lower` are none of those below: they stay empty.
            let lowered = lower(&bytes[name_start..name_end]);
            let name: &[u8] = lowered.as_str().as_bytes();
            if !closing && is_raw_text(lowered.as_str()) {
                at = find_end_tag(bytes, name_end, name).unwrap_or(bytes.len());
                continue;
            }
            let tag_line = line_at(found, &mut line, &mut counted_to);
            match (closing, name) {
                (false, b"table") => {
                    open_tables.push(tags.tables.len());
                    tags.tables.push(TableTag {
                        start_line: tag_line,
                        end_line: None,
                        offset: found,
                        end_offset: None,
                    });
                }
                (true, b"table") => {
                    if let Some(index) = open_tables.pop() {
                        tags.tables[index].end_line = Some(tag_line);
                        tags.tables[index].end_offset = Some(found);
                    }
                }
                (false, b"tr") => tags.rows.push(tag_line),
                (false, b"td" | b"th") => tags.cells.push(tag_line),
                (true, b"body" | b"html") => document_closes.push(found),
                _ => {}
            }
        }
        tags.last_line = line_at(bytes.len(), &mut line, &mut counted_to);
        let after_last_tag = source.rfind('>').map_or(source, |end| &source[end + 1..]);
        tags.ends_in_text = !after_last_tag.trim().is_empty() && !after_last_tag.contains('<');
        tags.closes_document_after = tags
            .tables
            .iter()
            .map(|table| document_closes.iter().any(|&offset| offset > table.offset))
            .collect();
        tags
    }

    /// True when the input ends inside the `index`-th table: it has no `</table` and no
    /// `</body>`/`</html>` follows it.
    pub fn ends_inside(&self, index: usize) -> bool {
        match self.tables.get(index) {
            Some(table) => table.end_line.is_none() && !self.closes_document_after[index],
            None => false,
        }
    }
}

/// The 1-based line where `text` (its first words, up to 24 characters) first appears in the
/// source at or after byte `from`, which is on line `from_line`. `None` when it does not appear as
/// such (an entity or a tag inside those words hides it): a line is given only when it is certain.
pub(super) fn line_of_text(source: &str, from: usize, from_line: usize, text: &str) -> Option<usize> {
    let needle_end = text.char_indices().nth(24).map_or(text.len(), |(end, _)| end);
    let needle = &text[..needle_end];
    if needle.trim().is_empty() {
        return None;
    }
    let found = from + source.get(from..)?.find(needle)?;
    Some(from_line + source.as_bytes()[from..found].iter().filter(|&&b| b == b'\n').count())
}

/// Source lines of the tree's table, row and cell elements (see the module doc).
#[derive(Debug, Default)]
pub(super) struct TreeLines {
    tables: ElementLines,
    rows: ElementLines,
    cells: ElementLines,
}

/// Elements of one kind and their values, sorted by element (a page that is one large table has
/// about a million cells: sixteen bytes each here, twice that in a hash map).
#[derive(Debug, Default)]
struct ElementLines(Vec<(NodeId, usize)>);

impl ElementLines {
    /// The elements in the order the parser made them (their ids ascend), paired with `values`
    /// when the counts agree; none paired when they do not.
    fn pair(elements: Vec<NodeId>, values: impl ExactSizeIterator<Item = usize>) -> ElementLines {
        if elements.len() != values.len() {
            return ElementLines::default();
        }
        ElementLines(elements.into_iter().zip(values).collect())
    }

    fn get(&self, element: NodeId) -> Option<usize> {
        let at = self.0.binary_search_by_key(&element, |&(id, _)| id).ok()?;
        Some(self.0[at].1)
    }
}

impl TreeLines {
    /// Pairs the n-th element of each kind, in the order the parser made them, with the n-th tag
    /// of that kind in the source, when their counts agree.
    pub fn pair(document: &Html, tags: &SourceTags) -> TreeLines {
        let mut tables = Vec::new();
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        // `nodes()` walks the tree's vector in order: the ids ascend, as `ElementLines` needs.
        for node in document.tree.nodes() {
            let Some(element) = node.value().as_element() else { continue };
            match element.name() {
                "table" => tables.push(node.id()),
                "tr" => rows.push(node.id()),
                "td" | "th" => cells.push(node.id()),
                _ => {}
            }
        }
        TreeLines {
            tables: ElementLines::pair(tables, 0..tags.tables.len()),
            rows: ElementLines::pair(rows, tags.rows.iter().copied()),
            cells: ElementLines::pair(cells, tags.cells.iter().copied()),
        }
    }

    /// The index in [`SourceTags::tables`] of a table element.
    pub fn table_tag(&self, node: NodeId) -> Option<usize> {
        self.tables.get(node)
    }
}

impl LineOf for TreeLines {
    fn row_line(&self, node: NodeId) -> Option<usize> {
        self.rows.get(node)
    }

    fn cell_line(&self, node: NodeId) -> Option<usize> {
        self.cells.get(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_tags_outside_comments_and_scripts() {
        let source = "<p>x</p>\n<!-- <table> -->\n<script>'<table>'</script>\n<TABLE>\n<tr><th>a</th>\n<td>1</td></tr>\n</table>\n<table><thead>\n<tr><td>";
        let tags = SourceTags::scan(source);
        assert_eq!(tags.tables.len(), 2);
        assert_eq!(
            tags.tables[0],
            TableTag { start_line: 4, end_line: Some(7), offset: 53, end_offset: Some(92) }
        );
        assert_eq!(line_of_text(source, 0, 1, "1</td>"), Some(6));
        assert_eq!(line_of_text(source, 53, 4, "1</td>"), Some(6));
        assert_eq!(line_of_text(source, 0, 1, "niet"), None);
        assert_eq!(tags.rows, vec![5, 9]);
        assert_eq!(tags.cells, vec![5, 6, 9]);
        assert!(!tags.ends_inside(0));
        assert!(tags.ends_inside(1));
        assert_eq!(tags.last_line, 9);
    }
}
