//! A `<table>` element as the raw grid of [`crate::interpret::grid`]: its rows and cells, with
//! their spans as HTML states them.
//!
//! Owns: which rows belong to a table (its own `<tr>`s, directly or in `<thead>`, `<tbody>`,
//! `<tfoot>`, never those of a table nested in a cell), their order as a browser shows them (the
//! first `<thead>` on top, `<tfoot>`s at the bottom, everything else in source order), hidden rows
//! and cells left out as if absent (a browser does not lay them out), and span attributes read as
//! browsers read them (leading digits; `rowspan="0"` reaches to the end of its row group). The
//! placement of cells in slots is [`crate::interpret::grid::lay_out`]'s, the same for every format;
//! header rows, stub columns and row kinds are [`crate::interpret::structure`]'s.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::content::{self, NestedTables};
use crate::interpret::grid::{self, Grid, RawCell, RawRow, RawTable, RowSpan, Section};

/// Source lines of `<tr>` and cell tags, when they could be paired with the tree's elements.
pub(super) trait LineOf {
    /// Line of a `<tr>` element.
    fn row_line(&self, node: NodeId) -> Option<usize>;
    /// Line of a `<td>`/`<th>` element.
    fn cell_line(&self, node: NodeId) -> Option<usize>;
}

/// A `<tr>` and its cells, as found in the tree.
struct FoundRow<'a> {
    section: Section,
    group: usize,
    tr: NodeRef<'a, Node>,
    cells: Vec<NodeRef<'a, Node>>,
}

/// The rows of a table element, in the order a browser shows them.
fn found_rows<'a>(table: NodeRef<'a, Node>) -> Vec<FoundRow<'a>> {
    let mut head = Vec::new();
    let mut body = Vec::new();
    let mut foot = Vec::new();
    let mut seen_head = false;
    for (group, child) in table.children().enumerate() {
        let Some(element) = child.value().as_element() else { continue };
        if content::is_not_content(element) {
            continue;
        }
        let (section, trs): (Section, Vec<NodeRef<'a, Node>>) = match element.name() {
            "tr" => (Section::Body, vec![child]),
            "thead" | "tbody" | "tfoot" => {
                let section = match element.name() {
                    "thead" if !seen_head => Section::Head,
                    "tfoot" => Section::Foot,
                    _ => Section::Body,
                };
                let trs =
                    child.children().filter(|tr| tr.value().as_element().is_some_and(|e| e.name() == "tr"));
                (section, trs.collect())
            }
            _ => continue,
        };
        if section == Section::Head {
            seen_head = true;
        }
        for tr in trs {
            let Some(tr_element) = tr.value().as_element() else { continue };
            if content::is_not_content(tr_element) {
                continue;
            }
            let cells = tr
                .children()
                .filter(|cell| {
                    cell.value()
                        .as_element()
                        .is_some_and(|e| matches!(e.name(), "td" | "th") && !content::is_not_content(e))
                })
                .collect();
            let found = FoundRow { section, group, tr, cells };
            match section {
                Section::Head => head.push(found),
                Section::Body => body.push(found),
                Section::Foot => foot.push(found),
            }
        }
    }
    head.into_iter().chain(body).chain(foot).collect()
}

/// A span attribute as browsers read it: leading digits, anything else gives `default`.
fn span_attribute(value: Option<&str>, default: usize) -> usize {
    let Some(value) = value else { return default };
    let digits: String = value.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return default;
    }
    digits.parse::<usize>().unwrap_or(usize::MAX)
}

/// Reads a table element's rows and cells and lays them out. Returns the grid and, per printed
/// cell ([`crate::interpret::grid::PrintedCell::origin`]), its element.
pub(super) fn build(table: NodeRef<'_, Node>, lines: &dyn LineOf) -> (Grid, Vec<NodeId>) {
    let mut elements = Vec::new();
    let mut raw = RawTable::default();
    for row in found_rows(table) {
        let cells = row
            .cells
            .iter()
            .map(|cell_node| {
                let element = cell_node.value().as_element().expect("cells are elements");
                let rowspan = match span_attribute(element.attr("rowspan"), 1) {
                    0 => RowSpan::ToGroupEnd,
                    rows => RowSpan::Rows(rows),
                };
                let pieces = content::pieces_of(*cell_node, NestedTables::Skip);
                elements.push(cell_node.id());
                RawCell {
                    bold: is_bold(*cell_node),
                    pieces,
                    is_header_cell: element.name() == "th",
                    colspan: span_attribute(element.attr("colspan"), 1),
                    rowspan,
                    start_column: None,
                    line: lines.cell_line(cell_node.id()),
                    origin: elements.len() - 1,
                }
            })
            .collect();
        raw.rows.push(RawRow {
            section: row.section,
            group: row.group,
            line: lines.row_line(row.tr.id()),
            cells,
        });
    }
    (grid::lay_out(raw), elements)
}

/// True when a cell's text sits wholly inside `<b>` or `<strong>` (and it has text). One walk:
/// the open bold elements are counted on the way in and out.
fn is_bold(cell: NodeRef<'_, Node>) -> bool {
    let is_bold_element = |node: NodeRef<'_, Node>| {
        node.value().as_element().is_some_and(|e| matches!(e.name(), "b" | "strong"))
    };
    let mut open_bold = 0usize;
    let mut any_text = false;
    for edge in cell.traverse() {
        match edge {
            Edge::Open(node) if is_bold_element(node) => open_bold += 1,
            Edge::Close(node) if is_bold_element(node) => open_bold = open_bold.saturating_sub(1),
            Edge::Open(node) => {
                if let Node::Text(text) = node.value()
                    && !text.trim().is_empty()
                {
                    if open_bold == 0 {
                        return false;
                    }
                    any_text = true;
                }
            }
            Edge::Close(_) => {}
        }
    }
    any_text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::WarningKind;
    use crate::interpret::grid::Slot;
    use scraper::Html;

    struct NoLines;
    impl LineOf for NoLines {
        fn row_line(&self, _: NodeId) -> Option<usize> {
            None
        }
        fn cell_line(&self, _: NodeId) -> Option<usize> {
            None
        }
    }

    fn grid_of(html: &str) -> Grid {
        let document = Html::parse_document(html);
        let table = document
            .tree
            .nodes()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
            .unwrap();
        build(table, &NoLines).0
    }

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        (0..grid.rows.len())
            .map(|r| (0..grid.width).map(|c| grid.text_at(r, c).to_string()).collect())
            .collect()
    }

    #[test]
    fn spans_expand_into_every_slot() {
        let grid = grid_of(
            "<table><thead><tr><th rowspan=2>Beleidsafspraken</th><th colspan=2>Realisatie</th><th colspan=2>Norm</th></tr>\
             <tr><th>2019</th><th>2020</th><th>2021</th><th>2022</th></tr></thead>\
             <tbody><tr><td>Aantal</td><td>1.522</td><td>1.529</td><td>1.370</td><td></td></tr></tbody></table>",
        );
        assert_eq!(grid.width, 5);
        assert_eq!(texts(&grid)[0], ["Beleidsafspraken", "Realisatie", "Realisatie", "Norm", "Norm"]);
        assert_eq!(texts(&grid)[1], ["Beleidsafspraken", "2019", "2020", "2021", "2022"]);
        assert_eq!(grid.rows[1].slots[0], Slot::Covered(0));
        assert!(grid.warnings.is_empty());
    }

    #[test]
    fn runaway_spans_are_cut_and_short_rows_padded() {
        let grid = grid_of(
            "<table><tr><td colspan=50>Groep</td></tr><tr><td rowspan=9>a</td><td>1</td><td>2</td></tr>\
             <tr><td>3</td></tr></table>",
        );
        assert_eq!(grid.width, 3);
        assert_eq!(texts(&grid), [["Groep", "Groep", "Groep"], ["a", "1", "2"], ["a", "3", ""]]);
        assert_eq!(grid.rows[2].slots[2], Slot::Padded);
        let kinds: Vec<WarningKind> = grid.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(kinds, [WarningKind::SpanClamped, WarningKind::SpanClamped, WarningKind::RaggedRow]);
    }
}
