//! Parsing less of a page: the parts the reader can do without, found by one cheap scan of the
//! source and cut out before the page is parsed.
//!
//! Owns the decision *what* may be cut and the proof obligations that come with it; leaves using
//! the cuts to the reader (see [`super::read_html`]), which reads the pruned page and, when its
//! walk runs into a cut it would have needed, reads the whole page instead.
//!
//! What is cut: whole block elements (`<div>`, `<p>`, `<ul>`, `<nav>`, `<header>`, `<footer>`, …)
//! holding no table and no heading, standing in the body among plain containers only, and not
//! among the nearest text-holding blocks around a table ([`Pruning::READER`]: three above, three
//! below; a caption, a unit line or notes live there). Each becomes the comment [`CUT_MARKER`],
//! so the page walk knows where something was (a block edge that held no heading), and the reader
//! can tell when it would have looked at it (the text blocks above a table, the notes below it).
//! A page that leaves the model (below) only after its last table loses its whole tail instead,
//! from the start of a block past that table's kept blocks (see [`Scan::tail_start`]).
//!
//! Why the parse tree of the pruned page is the tree of the whole page with those elements
//! replaced by a comment: the scan follows the HTML tokenizer and the tree builder's stack of
//! open elements, and gives up (returns `None`) at anything whose effect it does not model
//! exactly. In order:
//! 1. tokens: comments (not the `<!-->` forms, nor with `--!`), one doctype first, start and end
//!    tags with their attributes (quotes as the tokenizer reads them), and the raw text of
//!    `script`, `style`, `title`, `textarea`, `xmp`, `iframe`, `noembed`, `noframes` and
//!    `noscript` (the parser runs with scripting on); a `<!--` inside a script, a `<?`, a CDATA
//!    section, a NUL, or a page that ends inside a tag or comment: give up;
//! 2. the head: only head elements and whitespace before `<body>`; the body starts at `<body>` or
//!    at the first thing that is not head content;
//! 3. the body, outside tables: every end tag closes the element on top of the stack (no end tag
//!    left out, no misnesting, so the list of active formatting elements never holds a stale
//!    entry); no block that would close an open `<p>`; no heading in a heading, no `<a>` in an
//!    `<a>`, no `<li>`/`<dd>`/`<dt>` that would close another one; no `form` in a `form`, no
//!    `button` in a `button`; never `select`, `option`, `template`, `svg`, `math`, `object`,
//!    `applet`, `marquee`, `nobr`, `plaintext`, `image`, a second `html`/`head`/`body`, a frame,
//!    nor a table part outside a table; after `</body>` nothing but whitespace and comments;
//! 4. tables are kept whole, and only their bounds are tracked: which cell or caption is open in
//!    each nested table. Outside its cells a table may hold only its own parts, whitespace,
//!    comments, scripts and styles (anything else is foster-parented out of the table, and a
//!    formatting element left behind there could reopen after it); a `form` in a table, or an end
//!    tag of a row group in a cell: give up.
//!
//! With 3 and 4, a cut element is a balanced run of tokens that starts and ends with the same
//! stack of open elements and the same (empty past the last marker) list of active formatting
//! elements, so the tokens after it build the same tree whether it was there or not.
//!
//! Source lines are not this module's concern: the reader takes them from the whole page.

use std::ops::Range;

mod tokens;

use self::tokens::Tag;
use super::byte_search::find_byte;
use super::element_kind::{
    closes_p, is_container, is_head_content, is_heading, is_heading_bytes, is_raw_text, is_refused,
    is_special, is_table_part, is_void, lower,
};

/// The comment that stands where a block was cut. A page that already holds this comment is not
/// pruned.
pub(super) const CUT_MARKER: &str = "begroting:cut";

/// Whether a document's [`CUT_MARKER`] comments stand for cut blocks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum CutMarkers {
    /// The whole page: every comment is only a comment.
    #[default]
    Absent,
    /// A pruned page: a [`CUT_MARKER`] comment stands where a block was cut.
    Present,
}

impl CutMarkers {
    /// True for a comment that stands for a cut block.
    pub fn is_cut(self, comment: &str) -> bool {
        self == CutMarkers::Present && comment == CUT_MARKER
    }

    /// True when a cut stands anywhere in `node`'s subtree (itself included).
    pub fn any_in(self, node: ego_tree::NodeRef<'_, scraper::Node>) -> bool {
        self == CutMarkers::Present
            && node.descendants().any(|d| d.value().as_comment().is_some_and(|c| self.is_cut(c)))
    }
}

/// How much is kept around each table. Keeping less never changes what is read (a reading that
/// meets a cut it needs reads the whole page instead), only how often that happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pruning {
    /// How many text-holding blocks right above a table are kept (where its caption rule reads).
    pub kept_above: usize,
    /// How many text-holding blocks right below a table are kept (where its notes are).
    pub kept_below: usize,
    /// No cut is shorter than this many bytes (a short cut saves less parsing than it costs).
    pub smallest_cut: usize,
}

/// The most blocks one walk from a table looks at when choosing what to keep near it.
const MAX_KEEP_WALK: usize = 256;

impl Pruning {
    /// What the reader uses: three blocks above (the caption rule's), three below (notes, and
    /// the block that ends them), cuts of 256 bytes or more.
    pub const READER: Pruning = Pruning { kept_above: 3, kept_below: 3, smallest_cut: 256 };
}

/// Pages nesting deeper than this outside tables are left whole (the depth bound of
/// `super::depth` is the reader's business, on the whole page).
const DEEPEST: usize = 256;

/// The page with its cut blocks replaced by [`CUT_MARKER`] comments, or `None` when the page is
/// better read whole: nothing worth cutting, or something the scan does not model (see the
/// module doc).
pub(super) fn prune(html: &str, pruning: Pruning) -> Option<String> {
    let cuts = Scan::new(html).run(pruning)?;
    if cuts.is_empty() {
        return None;
    }
    let marker = format!("<!--{CUT_MARKER}-->");
    let removed: usize = cuts.iter().map(|cut| cut.len()).sum();
    let mut pruned = String::with_capacity(html.len() - removed + cuts.len() * marker.len());
    let mut copied_to = 0;
    for cut in &cuts {
        pruned.push_str(&html[copied_to..cut.start]);
        pruned.push_str(&marker);
        copied_to = cut.end;
    }
    pruned.push_str(&html[copied_to..]);
    Some(pruned)
}

/// Where the tree builder is, as far as the scan follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before `<html>`: a doctype, comments, whitespace.
    Initial,
    /// After `<html>`, before `<head>`.
    BeforeHead,
    /// Inside the head.
    InHead,
    /// After `</head>`, before the body.
    AfterHead,
    /// In the body.
    InBody,
    /// After `</body>` or `</html>`: only whitespace and comments may follow.
    AfterBody,
}

/// What is open in one table of a run of nested tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TablePart {
    /// Between cells: only table parts may come.
    Structure,
    /// Inside a `<td>` (`false`) or `<th>` (`true`).
    Cell { header: bool },
    /// Inside a `<caption>`.
    Caption,
}

/// An element open in the body, outside tables.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Where its name is in the source.
    name: (usize, usize),
    /// True for a plain container a cut block may stand in.
    container: bool,
}

/// A block element that may be cut, while it is open.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Where its start tag begins.
    start: usize,
    /// The stack depth with it open.
    depth: usize,
    /// False once a table or heading was seen inside it.
    cuttable: bool,
    /// True once text was seen inside it.
    has_text: bool,
}

/// A candidate that ended cuttable.
#[derive(Debug, Clone)]
struct Block {
    range: Range<usize>,
    has_text: bool,
}

struct Scan<'a> {
    html: &'a str,
    bytes: &'a [u8],
    at: usize,
    phase: Phase,
    stack: Vec<Open>,
    tables: Vec<TablePart>,
    /// Byte range of every top-level table, in order.
    table_ranges: Vec<Range<usize>>,
    candidates: Vec<Candidate>,
    /// Where every candidate started, in order (see [`Scan::tail_start`]).
    block_starts: Vec<usize>,
    blocks: Vec<Block>,
}

impl<'a> Scan<'a> {
    fn new(html: &'a str) -> Scan<'a> {
        Scan {
            html,
            bytes: html.as_bytes(),
            at: 0,
            phase: Phase::Initial,
            stack: Vec::new(),
            tables: Vec::new(),
            table_ranges: Vec::new(),
            candidates: Vec::new(),
            block_starts: Vec::new(),
            blocks: Vec::new(),
        }
    }

    /// Scans the page; `None` to give up, else the ranges to cut, in order.
    fn run(mut self, pruning: Pruning) -> Option<Vec<Range<usize>>> {
        if self.follow().is_some() {
            return Some(self.choose_cuts(pruning, self.bytes.len()));
        }
        // The page left the model. When that happened after the last table, cut the rest.
        if !self.tables.is_empty() || !matches!(self.phase, Phase::InBody | Phase::AfterBody) {
            return None;
        }
        let tail = self.tail_start(pruning)?;
        if self.table_ranges.last().is_some_and(|table| table.end > tail) {
            return None;
        }
        self.scan_tail(tail)?;
        self.blocks.retain(|block| block.range.end <= tail);
        let mut cuts = self.choose_cuts(pruning, tail);
        cuts.push(tail..self.bytes.len());
        Some(cuts)
    }

    /// Follows the page through the model to its end; `None` where it leaves the model.
    fn follow(&mut self) -> Option<()> {
        loop {
            let next = find_byte(self.bytes, self.at, b'<');
            let text_end = next.unwrap_or(self.bytes.len());
            self.text(self.at, text_end)?;
            let Some(lt) = next else { break };
            match self.bytes.get(lt + 1) {
                Some(b'!') => self.markup_declaration(lt)?,
                Some(b'/') => {
                    if !self.bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                        return None;
                    }
                    let tag = self.tag(lt + 2)?;
                    self.end_tag(&tag)?;
                    self.at = tag.end;
                }
                Some(b) if b.is_ascii_alphabetic() => {
                    let tag = self.tag(lt + 1)?;
                    self.at = tag.end;
                    self.start_tag(lt, &tag)?;
                }
                Some(b'?') => return None,
                _ => {
                    // A "<" that starts no tag is text.
                    self.text(lt, lt + 1)?;
                    self.at = lt + 1;
                }
            }
        }
        Some(())
    }

    /// Where the rest of a page that left the model may be cut from: the start of the first
    /// cuttable block past the last table and the text-holding blocks kept below it, not inside
    /// a block that ended. At such a start the stack holds only plain containers (no formatting
    /// element a later end tag could make the tree builder move nodes for) and no table is
    /// open, so what follows can only add nodes after it: the tree before it is the same with
    /// or without the rest.
    fn tail_start(&self, pruning: Pruning) -> Option<usize> {
        let last_table_end = self.table_ranges.last().map_or(0, |table| table.end);
        let mut kept_to = last_table_end;
        let mut kept = 0;
        for block in self.blocks.iter().filter(|block| block.range.start >= last_table_end) {
            if kept == pruning.kept_below {
                break;
            }
            kept_to = block.range.end;
            kept += usize::from(block.has_text);
        }
        // A start lies inside a block that ended when some block that starts before it ends
        // after it: sweep the starts in order against the blocks by start, keeping the furthest
        // end seen (one pass each, however many blocks and starts a page has).
        let mut blocks: Vec<&Range<usize>> = self.blocks.iter().map(|block| &block.range).collect();
        blocks.sort_unstable_by_key(|range| range.start);
        let mut next_block = 0;
        let mut furthest_end = 0;
        for &start in &self.block_starts {
            while next_block < blocks.len() && blocks[next_block].start < start {
                furthest_end = furthest_end.max(blocks[next_block].end);
                next_block += 1;
            }
            if start >= kept_to && furthest_end <= start {
                return Some(start);
            }
        }
        None
    }

    /// Checks the rest of a page from `from`, to be cut whole: only the tokenizer is followed
    /// (its raw-text elements), and any table, any `html`/`head`/`body` start tag (whose
    /// attributes would be added to the elements before it) and any refused element gives up.
    fn scan_tail(&mut self, from: usize) -> Option<()> {
        self.at = from;
        loop {
            let Some(lt) = find_byte(self.bytes, self.at, b'<') else {
                return (!self.bytes[self.at..].contains(&0)).then_some(());
            };
            if self.bytes[self.at..lt].contains(&0) {
                return None;
            }
            match self.bytes.get(lt + 1) {
                Some(b'!') => {
                    if !self.html[lt..].starts_with("<!--") {
                        return None;
                    }
                    self.markup_declaration(lt)?;
                }
                Some(b'/') => {
                    if !self.bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                        return None;
                    }
                    self.at = self.tag(lt + 2)?.end;
                }
                Some(b) if b.is_ascii_alphabetic() => {
                    let tag = self.tag(lt + 1)?;
                    self.at = tag.end;
                    let name = lower(self.name(tag.name));
                    let name = name.as_str();
                    if is_refused(name)
                        || is_table_part(name)
                        || matches!(name, "table" | "html" | "head" | "body")
                    {
                        return None;
                    }
                    self.raw_text_of(name)?;
                }
                Some(b'?') => return None,
                _ => self.at = lt + 1,
            }
        }
    }

    fn start_tag(&mut self, lt: usize, tag: &Tag) -> Option<()> {
        let name = lower(self.name(tag.name));
        let name = name.as_str();
        if is_refused(name) {
            return None;
        }
        match self.phase {
            Phase::Initial | Phase::BeforeHead if name == "html" && self.phase == Phase::Initial => {
                self.phase = Phase::BeforeHead;
                return Some(());
            }
            Phase::Initial | Phase::BeforeHead if name == "head" => {
                self.phase = Phase::InHead;
                return Some(());
            }
            Phase::Initial | Phase::BeforeHead | Phase::InHead if is_head_content(name) => {
                self.phase = Phase::InHead;
                return self.raw_text_of(name);
            }
            Phase::Initial | Phase::BeforeHead | Phase::InHead | Phase::AfterHead if name == "body" => {
                self.phase = Phase::InBody;
                return Some(());
            }
            Phase::AfterHead if is_head_content(name) => return None,
            Phase::Initial | Phase::BeforeHead | Phase::InHead | Phase::AfterHead => {
                if matches!(name, "html" | "head" | "body") {
                    return None;
                }
                self.phase = Phase::InBody;
            }
            Phase::InBody => {
                if matches!(name, "html" | "head" | "body") {
                    return None;
                }
            }
            Phase::AfterBody => return None,
        }
        if !self.tables.is_empty() {
            return self.start_tag_in_table(name);
        }
        if is_table_part(name) {
            return None;
        }
        if name == "form" && self.open("form") {
            return None;
        }
        if name == "button" && self.open("button") {
            return None;
        }
        if name == "a" && self.open("a") {
            return None;
        }
        if closes_p(name) && self.open("p") {
            return None;
        }
        if is_heading(name) && self.stack.iter().any(|open| is_heading_bytes(self.name(open.name))) {
            return None;
        }
        if matches!(name, "li" | "dd" | "dt") && self.would_close_item(name) {
            return None;
        }
        if name == "table" || is_heading(name) {
            for candidate in &mut self.candidates {
                candidate.cuttable = false;
            }
        }
        if name == "table" {
            self.table_ranges.push(lt..lt);
            self.tables.push(TablePart::Structure);
            return Some(());
        }
        if is_void(name) {
            return Some(());
        }
        if is_raw_text(name) {
            return self.raw_text_of(name);
        }
        if is_cuttable(name) && self.stack.iter().all(|open| open.container) {
            self.block_starts.push(lt);
            self.candidates.push(Candidate {
                start: lt,
                depth: self.stack.len() + 1,
                cuttable: true,
                has_text: false,
            });
        }
        self.stack.push(Open { name: tag.name, container: is_container(name) });
        (self.stack.len() <= DEEPEST).then_some(())
    }

    /// A start tag inside a table (the innermost open one).
    fn start_tag_in_table(&mut self, name: &str) -> Option<()> {
        let part = *self.tables.last()?;
        if name == "form" {
            return None;
        }
        match name {
            "td" | "th" => *self.tables.last_mut()? = TablePart::Cell { header: name == "th" },
            "caption" => *self.tables.last_mut()? = TablePart::Caption,
            "tr" | "tbody" | "thead" | "tfoot" | "col" | "colgroup" => {
                *self.tables.last_mut()? = TablePart::Structure;
            }
            "table" if part == TablePart::Structure => return None,
            "table" => self.tables.push(TablePart::Structure),
            "script" | "style" => return self.raw_text_of(name),
            _ if part == TablePart::Structure => return None,
            _ if is_raw_text(name) => return self.raw_text_of(name),
            _ => {}
        }
        Some(())
    }

    /// Skips the raw text after a start tag, when the element has it.
    fn raw_text_of(&mut self, name: &str) -> Option<()> {
        if is_raw_text(name) { self.skip_raw_text(name.as_bytes(), name == "script") } else { Some(()) }
    }

    fn end_tag(&mut self, tag: &Tag) -> Option<()> {
        let name = lower(self.name(tag.name));
        let name = name.as_str();
        match self.phase {
            Phase::Initial | Phase::BeforeHead | Phase::AfterHead | Phase::AfterBody => {
                return (self.phase == Phase::AfterBody && name == "html").then_some(());
            }
            Phase::InHead => {
                return (name == "head").then(|| self.phase = Phase::AfterHead);
            }
            Phase::InBody => {}
        }
        if let Some(&part) = self.tables.last() {
            return self.end_tag_in_table(part, name, tag.end);
        }
        if matches!(name, "body" | "html") {
            return self.stack.is_empty().then(|| self.phase = Phase::AfterBody);
        }
        if is_void(name) || is_table_part(name) {
            return None;
        }
        let top = self.stack.last()?;
        if !self.name(top.name).eq_ignore_ascii_case(name.as_bytes()) {
            return None;
        }
        self.stack.pop();
        if let Some(candidate) = self.candidates.last()
            && candidate.depth == self.stack.len() + 1
        {
            let candidate = self.candidates.pop()?;
            if candidate.cuttable {
                while self.blocks.last().is_some_and(|block| block.range.start > candidate.start) {
                    self.blocks.pop();
                }
                self.blocks.push(Block { range: candidate.start..tag.end, has_text: candidate.has_text });
            }
            if let Some(outer) = self.candidates.last_mut() {
                outer.has_text |= candidate.has_text;
            }
        }
        Some(())
    }

    /// An end tag inside a table (the innermost open one).
    fn end_tag_in_table(&mut self, part: TablePart, name: &str, tag_end: usize) -> Option<()> {
        match (part, name) {
            (_, "table") => {
                self.tables.pop();
                if self.tables.is_empty() {
                    self.table_ranges.last_mut()?.end = tag_end;
                }
            }
            (_, "form") => return None,
            // A `</th>` does not close a `<td>` (nor the other way round): the tree builder
            // ignores it.
            (TablePart::Cell { header }, "td" | "th") if header == (name == "th") => {
                *self.tables.last_mut()? = TablePart::Structure;
            }
            (TablePart::Cell { .. }, "tr") | (TablePart::Caption, "caption") => {
                *self.tables.last_mut()? = TablePart::Structure;
            }
            (TablePart::Cell { .. }, "tbody" | "thead" | "tfoot") => return None,
            (TablePart::Structure, _) if !is_table_part(name) => return None,
            _ => {}
        }
        Some(())
    }

    /// True when an element of this name is open (outside tables).
    fn open(&self, name: &str) -> bool {
        self.stack.iter().any(|open| self.name(open.name).eq_ignore_ascii_case(name.as_bytes()))
    }

    /// True when a `<li>` (`<dd>`, `<dt>`) start tag would close an open item, as the tree
    /// builder's loop over the stack does: it passes non-special elements and `address`, `div`
    /// and `p`, and stops at any other special element.
    fn would_close_item(&self, name: &str) -> bool {
        for open in self.stack.iter().rev() {
            let open_name = lower(self.name(open.name));
            let open_name = open_name.as_str();
            let same = if name == "li" { open_name == "li" } else { matches!(open_name, "dd" | "dt") };
            if same {
                return true;
            }
            if is_special(open_name) && !matches!(open_name, "address" | "div" | "p") {
                return false;
            }
        }
        false
    }

    /// Which cuttable blocks (all ending by `until`) to cut: all but the nearest text-holding
    /// ones above and below each table (as many as `pruning` says), and none shorter than its
    /// smallest cut.
    fn choose_cuts(&self, pruning: Pruning, until: usize) -> Vec<Range<usize>> {
        let mut keep = vec![false; self.blocks.len()];
        for table in &self.table_ranges {
            let above = self.blocks.partition_point(|block| block.range.end <= table.start);
            let mut kept = 0;
            // Each walk looks at a bounded number of blocks, so that many empty blocks between
            // many tables cost linear time; a block it does not reach is cut, and a reading that
            // needed it falls back to the whole page.
            for index in (0..above).rev().take(MAX_KEEP_WALK) {
                if kept == pruning.kept_above {
                    break;
                }
                keep[index] = true;
                kept += usize::from(self.blocks[index].has_text);
            }
            let below = self.blocks.partition_point(|block| block.range.start < table.end);
            let mut kept = 0;
            for (index, block) in self.blocks.iter().enumerate().skip(below).take(MAX_KEEP_WALK) {
                if kept == pruning.kept_below {
                    break;
                }
                keep[index] = true;
                kept += usize::from(block.has_text);
            }
        }
        self.blocks
            .iter()
            .zip(keep)
            .filter(|(block, keep)| {
                !keep && block.range.len() >= pruning.smallest_cut && block.range.end <= until
            })
            .map(|(block, _)| block.range.clone())
            .collect()
    }
}

/// Block elements that may be cut: every one breaks a line in the page walk (it is one of
/// [`super::content::is_block`]'s, which this checks rather than trusts), so cutting one never
/// joins the text on its two sides.
fn is_cuttable(name: &str) -> bool {
    super::content::is_block(name)
        && matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "div"
                | "dl"
                | "figure"
                | "footer"
                | "header"
                | "main"
                | "nav"
                | "ol"
                | "p"
                | "section"
                | "ul"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!("<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")
    }

    #[test]
    fn cuts_far_blocks_and_keeps_the_near_ones() {
        let prose = format!("<p>{}</p>", "proza ".repeat(60));
        let body = format!(
            "<header><nav><ul><li><a href=/>{}</a></li></ul></nav></header>{prose}{prose}{prose}{prose}<h2>Kop</h2>{prose}{prose}<table><tr><td>a</td></tr></table><div>noot</div>{prose}{prose}{prose}",
            "menu ".repeat(80)
        );
        let pruned = prune(&page(&body), Pruning::READER).expect("prunable");
        let marker = format!("<!--{CUT_MARKER}-->");
        // The header and the first three paragraphs go; the paragraph before the heading and the
        // two after it stay (three text blocks above the table), as do the note and two
        // paragraphs below it; the last paragraph goes.
        assert_eq!(pruned.matches(&marker).count(), 5, "{pruned}");
        assert!(pruned.contains("<h2>Kop</h2>"));
        assert!(pruned.contains("<div>noot</div>"));
    }

    #[test]
    fn gives_up_on_what_it_does_not_model() {
        let prose = format!("<p>{}</p>", "proza ".repeat(60));
        for odd in [
            "<p>open<div>block in p</div></p>",
            "<div><span></div></span>",
            "<!--> -->",
            "<td>stray cell</td>",
            "<table><tr><td>a</td></tr>tekst</table>",
            "<select><option>x</select>",
            "<script>a<!--b</script>",
        ] {
            let body = format!(
                "{prose}{prose}{prose}{prose}{odd}{prose}{prose}{prose}{prose}<table><tr><td>a</td></tr></table>"
            );
            assert_eq!(prune(&page(&body), Pruning::READER), None, "{odd}");
        }
    }
}
