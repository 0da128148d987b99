//! Source lines of `<table>`, `<tr>`, `<td>`/`<th>`: our scan of the raw text
//! (`src/read/html/source_lines.rs`) against html5ever's own line tracking, for exactness and speed.
//!
//!     cargo bench --no-default-features --bench html_lines -- fixtures /tmp/begroting-bench-2000/html [--rounds N] [--examples N]
//!
//! Every FOLDER is one corpus: all `.html`/`.htm` files under it (recursively), decoded as the
//! pipeline decodes them (`source::decode`, which also turns CRLF and lone CR into LF). Per file:
//! - our scan is the reader's own code, compiled into this bench from its source file (nothing is
//!   made public for it): `SourceTags::scan`, then `TreeLines::pair` with the parsed tree, which
//!   is the line the reader gives each element;
//! - html5ever's tokenizer alone, with a `TokenSink` that notes the line it reports with every
//!   `table`/`tr`/`td`/`th` start tag (and switches to raw text after `script`, `style`, … as the
//!   tree builder would);
//! - html5ever's tree builder with scraper's tree sink wrapped in one that notes the line of the
//!   last `set_current_line` at every `create_element` of those names: the line html5ever gives
//!   each element of the very tree the reader walks.
//!
//! Compared: our tag lines against the tokenizer's, tag by tag (the n-th of a kind with the n-th,
//! when a file's counts agree), and our element lines against the tree builder's, element by
//! element. A few disagreements per corpus are printed with both source lines so they can be
//! judged. Before the corpora, a handful of made-up probes show what each side gives for the hard
//! cases (a tag over two lines, CRLF, lone CR, tags in scripts and comments, parser-made rows).
//!
//! Speed: every pass runs `--rounds` times (default 5), rounds interleaved, and the fastest round
//! counts, in MB/s of input on one core. Every file is read and decoded beforehand.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use begroting::read;
use begroting::source;
use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

// The reader's scan, compiled from its own source files. `source_lines` reaches its siblings as
// `super::…`, which here is this crate's root; the `grid` module it names only for the `LineOf`
// trait is stood in for by the trait alone.
#[allow(dead_code, unused_imports)]
#[path = "../src/read/html/byte_search.rs"]
mod byte_search;
#[allow(dead_code, unused_imports)]
#[path = "../src/read/html/element_kind.rs"]
mod element_kind;
#[allow(dead_code, unused_imports)]
#[path = "../src/read/html/source_lines.rs"]
mod source_lines;
mod grid {
    /// As in `src/read/html/grid.rs`.
    pub(crate) trait LineOf {
        fn row_line(&self, node: ego_tree::NodeId) -> Option<usize>;
        fn cell_line(&self, node: ego_tree::NodeId) -> Option<usize>;
    }
}
use grid::LineOf;
use source_lines::{SourceTags, TreeLines};

/// The element kinds whose lines the reader keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum TablePart {
    Table,
    Row,
    Cell,
}

impl TablePart {
    fn of(name: &str) -> Option<TablePart> {
        match name {
            "table" => Some(TablePart::Table),
            "tr" => Some(TablePart::Row),
            "td" | "th" => Some(TablePart::Cell),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            TablePart::Table => "table",
            TablePart::Row => "tr",
            TablePart::Cell => "td",
        }
    }

    fn tag(self) -> &'static str {
        match self {
            TablePart::Table => "<table>",
            TablePart::Row => "<tr>",
            TablePart::Cell => "<td>/<th>",
        }
    }
}

/// The tags of each kind in source order, with their lines.
#[derive(Debug, Default, Clone, PartialEq)]
struct TagLines {
    tables: Vec<usize>,
    rows: Vec<usize>,
    cells: Vec<usize>,
}

impl TagLines {
    fn of(&mut self, part: TablePart) -> &mut Vec<usize> {
        match part {
            TablePart::Table => &mut self.tables,
            TablePart::Row => &mut self.rows,
            TablePart::Cell => &mut self.cells,
        }
    }

    fn from_scan(tags: &SourceTags) -> TagLines {
        TagLines {
            tables: tags.tables.iter().map(|table| table.start_line).collect(),
            rows: tags.rows.clone(),
            cells: tags.cells.clone(),
        }
    }

    fn count(&self) -> usize {
        self.tables.len() + self.rows.len() + self.cells.len()
    }
}

/// A token sink for html5ever's tokenizer alone: notes the line it reports with every table,
/// row and cell start tag. Without a tree builder nobody tells the tokenizer that a `<script>`'s
/// content is not markup, so this sink does, for the elements the tree builder does it for
/// (scripting on, as scraper parses).
#[derive(Default)]
struct TagLineSink {
    lines: RefCell<TagLines>,
}

impl TokenSink for TagLineSink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        if let TagToken(tag) = token
            && tag.kind == StartTag
        {
            let name: &str = &tag.name;
            if let Some(part) = TablePart::of(name) {
                self.lines.borrow_mut().of(part).push(line_number as usize);
            }
            return match name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                "plaintext" => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            };
        }
        TokenSinkResult::Continue
    }
}

/// The tokenizer's line of every table, row and cell start tag.
fn tokenizer_lines(text: &str) -> TagLines {
    let tokenizer = Tokenizer::new(TagLineSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    tokenizer.sink.lines.take()
}

/// scraper's tree sink, noting the line html5ever last reported (`set_current_line`) at the
/// creation of every table, row and cell element. Everything else is scraper's.
struct LineRecordingSink {
    scraper: HtmlTreeSink,
    current_line: Cell<u64>,
    element_lines: RefCell<Vec<(NodeId, usize)>>,
}

impl LineRecordingSink {
    fn new() -> LineRecordingSink {
        LineRecordingSink {
            scraper: HtmlTreeSink::new(Html::new_document()),
            current_line: Cell::new(1),
            element_lines: RefCell::new(Vec::new()),
        }
    }
}

impl TreeSink for LineRecordingSink {
    type Handle = NodeId;
    type Output = (Html, HashMap<NodeId, usize>);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self::Output {
        (self.scraper.finish(), self.element_lines.into_inner().into_iter().collect())
    }
    fn set_current_line(&self, line_number: u64) {
        self.current_line.set(line_number);
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let part = TablePart::of(&name.local);
        let id = self.scraper.create_element(name, attrs, flags);
        if part.is_some() {
            self.element_lines.borrow_mut().push((id, self.current_line.get() as usize));
        }
        id
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.scraper.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.scraper.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.scraper.elem_name(target)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.scraper.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.scraper.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.scraper.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.scraper.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.scraper.append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.scraper.mark_script_already_started(node)
    }
    fn pop(&self, node: &NodeId) {
        self.scraper.pop(node)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.scraper.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.scraper.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.scraper.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.scraper.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.scraper.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(&self, target: &NodeId, form: &NodeId, nodes: (&NodeId, Option<&NodeId>)) {
        self.scraper.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.scraper.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.scraper.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.scraper.is_mathml_annotation_xml_integration_point(handle)
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.scraper.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(&self, location: &NodeId, template: &NodeId, attrs: &[Attribute]) -> bool {
        self.scraper.attach_declarative_shadow(location, template, attrs)
    }
}

/// The tree scraper builds (the same as `Html::parse_document`), with html5ever's line of every
/// table, row and cell element.
fn parse_recording_lines(text: &str) -> (Html, HashMap<NodeId, usize>) {
    html5ever::driver::parse_document(LineRecordingSink::new(), Default::default()).one(text)
}

/// One table, row or cell element of the tree, in the order the reader pairs them, with the
/// line each side gives it.
struct ElementLines {
    part: TablePart,
    ours: Option<usize>,
    theirs: Option<usize>,
}

fn element_lines(document: &Html, tags: &SourceTags, theirs: &HashMap<NodeId, usize>) -> Vec<ElementLines> {
    let ours = TreeLines::pair(document, tags);
    document
        .tree
        .nodes()
        .filter_map(|node| {
            let part = TablePart::of(node.value().as_element()?.name())?;
            let id = node.id();
            let line = match part {
                TablePart::Table => ours.table_tag(id).map(|index| tags.tables[index].start_line),
                TablePart::Row => ours.row_line(id),
                TablePart::Cell => ours.cell_line(id),
            };
            Some(ElementLines { part, ours: line, theirs: theirs.get(&id).copied() })
        })
        .collect()
}

/// Agreement counts of one comparison over a corpus.
#[derive(Default)]
struct Tally {
    compared: usize,
    agree: usize,
    /// Both gave a line, a different one.
    differ: usize,
    /// Only html5ever gave a line (ours gives none when the counts of a kind differ).
    only_theirs: usize,
    only_ours: usize,
    /// Tag comparison only: files (and their tags) where the counts of a kind differ.
    count_mismatch_files: usize,
    count_mismatch_tags: usize,
    by_kind: HashMap<&'static str, usize>,
}

/// Up to `limit` examples of disagreement, per kind of disagreement.
struct Examples {
    limit: usize,
    printed: HashMap<&'static str, usize>,
}

impl Examples {
    fn show(&mut self, what: &'static str, path: &Path, text: &str, detail: String, lines: &[Option<usize>]) {
        let printed = self.printed.entry(what).or_default();
        if *printed >= self.limit {
            return;
        }
        *printed += 1;
        println!("    [{what}] {}: {detail}", path.display());
        let source: Vec<&str> = text.split('\n').collect();
        let mut shown: Vec<usize> = lines.iter().flatten().copied().collect();
        shown.sort_unstable();
        shown.dedup();
        if let (Some(&first), Some(&last)) = (shown.first(), shown.last())
            && last - first <= 3
        {
            shown = (first..=last).collect();
        }
        for line in shown {
            let content = source.get(line.wrapping_sub(1)).copied().unwrap_or("<past the end>");
            let clipped: String = content.chars().take(150).collect();
            println!("      {line:>6} | {clipped}");
        }
    }
}

fn compare_tags(
    path: &Path,
    text: &str,
    ours: &TagLines,
    theirs: &TagLines,
    tally: &mut Tally,
    examples: &mut Examples,
) {
    let mut any_mismatch = false;
    for (part, our_lines, their_lines) in [
        (TablePart::Table, &ours.tables, &theirs.tables),
        (TablePart::Row, &ours.rows, &theirs.rows),
        (TablePart::Cell, &ours.cells, &theirs.cells),
    ] {
        if our_lines.len() != their_lines.len() {
            any_mismatch = true;
            tally.count_mismatch_tags += our_lines.len().max(their_lines.len());
            let first_difference = our_lines
                .iter()
                .zip(their_lines)
                .position(|(a, b)| a != b)
                .unwrap_or(our_lines.len().min(their_lines.len()));
            examples.show(
                "tag count differs",
                path,
                text,
                format!(
                    "{}: ours {} tags, tokenizer {}; first difference at #{first_difference}: ours {:?}, tokenizer {:?}",
                    part.tag(),
                    our_lines.len(),
                    their_lines.len(),
                    our_lines.get(first_difference),
                    their_lines.get(first_difference)
                ),
                &[our_lines.get(first_difference).copied(), their_lines.get(first_difference).copied()],
            );
            continue;
        }
        for (index, (&our_line, &their_line)) in our_lines.iter().zip(their_lines).enumerate() {
            tally.compared += 1;
            if our_line == their_line {
                tally.agree += 1;
            } else {
                tally.differ += 1;
                let kind = if their_line > our_line { "tokenizer later" } else { "tokenizer earlier" };
                *tally.by_kind.entry(kind).or_default() += 1;
                examples.show(
                    kind,
                    path,
                    text,
                    format!("{} #{index}: ours line {our_line}, tokenizer line {their_line}", part.tag()),
                    &[Some(our_line), Some(their_line)],
                );
            }
        }
    }
    if any_mismatch {
        tally.count_mismatch_files += 1;
    }
}

fn compare_elements(
    path: &Path,
    text: &str,
    elements: &[ElementLines],
    tally: &mut Tally,
    examples: &mut Examples,
) {
    let mut index_of_kind: HashMap<TablePart, usize> = HashMap::new();
    for element in elements {
        let index = index_of_kind.entry(element.part).or_default();
        let this_index = *index;
        *index += 1;
        tally.compared += 1;
        let (kind, detail) = match (element.ours, element.theirs) {
            (Some(ours), Some(theirs)) if ours == theirs => {
                tally.agree += 1;
                continue;
            }
            (Some(ours), Some(theirs)) => {
                tally.differ += 1;
                (
                    if theirs > ours { "tree builder later" } else { "tree builder earlier" },
                    format!("ours {ours}, html5ever {theirs}"),
                )
            }
            (None, Some(theirs)) => {
                tally.only_theirs += 1;
                ("only html5ever has a line", format!("ours none, html5ever {theirs}"))
            }
            (Some(ours), None) => {
                tally.only_ours += 1;
                ("only ours has a line", format!("ours {ours}, html5ever none"))
            }
            (None, None) => ("neither has a line", String::new()),
        };
        *tally.by_kind.entry(kind).or_default() += 1;
        examples.show(
            kind,
            path,
            text,
            format!("{} element #{this_index}: {detail}", element.part.tag()),
            &[element.ours, element.theirs],
        );
    }
}

fn print_tally(title: &str, tally: &Tally) {
    println!(
        "  {title}: {} / {} agree ({:.3} %), {} differ, {} only html5ever, {} only ours",
        tally.agree,
        tally.compared,
        100.0 * tally.agree as f64 / tally.compared.max(1) as f64,
        tally.differ,
        tally.only_theirs,
        tally.only_ours
    );
    if tally.count_mismatch_files > 0 {
        println!(
            "    not compared: {} files where a kind's tag count differs ({} tags)",
            tally.count_mismatch_files, tally.count_mismatch_tags
        );
    }
    let mut kinds: Vec<_> = tally.by_kind.iter().collect();
    kinds.sort();
    for (kind, count) in kinds {
        println!("    {kind}: {count}");
    }
}

/// Made-up pages for the hard cases, as raw text (not decoded: CR stays CR).
const PROBES: &[(&str, &str)] = &[
    ("start tag's '>' on the next line", "<table\n><tr\n><td\n>x</td></tr></table>"),
    (
        "attributes over three lines",
        "<table>\n<tr>\n<td class=\"a\"\n    colspan=\"2\"\n    title=\"b\">x</td></tr></table>",
    ),
    (
        "tags inside a <script>",
        "<script>\nvar s = '<table><tr><td>';\n</script>\n<table><tr><td>x</td></tr></table>",
    ),
    ("tags inside a comment", "<!--\n<table><tr><td>\n-->\n<table><tr><td>x</td></tr></table>"),
    ("CRLF line endings", "<table>\r\n<tr>\r\n<td>x</td>\r\n</tr>\r\n</table>"),
    ("lone CR line endings", "<table>\r<tr>\r<td>x</td>\r</tr>\r</table>"),
    ("implied <tbody> and <tr>", "<table>\n<td>a</td>\n<td>b</td>\n</table>"),
    ("implied <tr> after a stray <td> is dropped", "<td>stray</td>\n<table>\n<td>a</td>\n</table>"),
    ("'<td>' inside an attribute value", "<a title=\"<td>\">x</a>\n<table>\n<tr><td>y</td></tr></table>"),
    (
        "an implied <tr> and a '<tr' in an attribute value: counts agree, pairing is off",
        "<table>\n<td>a</td>\n</table>\n<p title=\"<tr>\">x</p>",
    ),
    ("'<!-->' (an empty comment)", "<!-->\n<table>\n<tr><td>x</td></tr></table>\n<!-- -->"),
    ("<td-x> custom element", "<table>\n<tr><td-x>a</td-x>\n<td>b</td></tr></table>"),
    (
        "<title> inside <svg> (not raw text there, but an HTML integration point)",
        "<svg><title>\n<td>\n</title></svg>\n<table>\n<tr><td>x</td></tr></table>",
    ),
];

fn run_probes() {
    println!(
        "probes (ours = the reader's element line; html5ever = its line at create_element; tokenizer = its line with each start tag)"
    );
    for (name, page) in PROBES {
        let tags = SourceTags::scan(page);
        let (document, theirs) = parse_recording_lines(page);
        let elements = element_lines(&document, &tags, &theirs);
        let show = |line: Option<usize>| line.map_or("-".to_string(), |line| line.to_string());
        let ours: Vec<String> =
            elements.iter().map(|e| format!("{}:{}", e.part.name(), show(e.ours))).collect();
        let html5ever: Vec<String> =
            elements.iter().map(|e| format!("{}:{}", e.part.name(), show(e.theirs))).collect();
        let tokens = tokenizer_lines(page);
        println!("  {name}: {page:?}");
        println!(
            "    ours      {}\n    html5ever {}\n    scan tags {:?}\n    tokenizer {:?}",
            ours.join(" "),
            html5ever.join(" "),
            TagLines::from_scan(&tags),
            tokens
        );
    }
}

fn html_files(folder: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.into_path())
        .filter(|path| {
            path.extension().and_then(|extension| extension.to_str()).is_some_and(|extension| {
                extension.eq_ignore_ascii_case("html") || extension.eq_ignore_ascii_case("htm")
            })
        })
        .collect();
    paths.sort();
    paths
}

fn main() {
    let mut folders = Vec::new();
    let mut rounds = 5;
    let mut example_limit = 4;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--bench" => {}
            "--rounds" => rounds = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--examples" => {
                example_limit = arguments.next().and_then(|n| n.parse().ok()).unwrap_or(example_limit)
            }
            _ => folders.push(PathBuf::from(argument)),
        }
    }
    if folders.is_empty() {
        eprintln!(
            "usage: cargo bench --no-default-features --bench html_lines -- FOLDER... [--rounds N] [--examples N]"
        );
        std::process::exit(2);
    }
    run_probes();
    for folder in &folders {
        measure_corpus(folder, rounds, example_limit);
    }
}

fn measure_corpus(folder: &Path, rounds: usize, example_limit: usize) {
    let documents: Vec<(PathBuf, String)> = html_files(folder)
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let text = source::decode(&path, &bytes).ok()?.text;
            Some((path, text))
        })
        .collect();
    let megabytes = documents.iter().map(|(_, text)| text.len()).sum::<usize>() as f64 / 1e6;
    println!("\n{}: {} HTML documents, {megabytes:.1} MB decoded", folder.display(), documents.len());

    // Exactness.
    let mut tag_tally = Tally::default();
    let mut element_tally = Tally::default();
    let mut tag_examples = Examples { limit: example_limit, printed: HashMap::new() };
    let mut element_examples = Examples { limit: example_limit, printed: HashMap::new() };
    let mut trees = Vec::with_capacity(documents.len());
    println!("  examples, tags (ours against the tokenizer):");
    for (path, text) in &documents {
        let tags = SourceTags::scan(text);
        compare_tags(
            path,
            text,
            &TagLines::from_scan(&tags),
            &tokenizer_lines(text),
            &mut tag_tally,
            &mut tag_examples,
        );
        let (document, theirs) = parse_recording_lines(text);
        trees.push((path, text, document, theirs, tags));
    }
    println!("  examples, elements (the reader's line against html5ever's tree builder):");
    for (path, text, document, theirs, tags) in &trees {
        compare_elements(
            path,
            text,
            &element_lines(document, tags, theirs),
            &mut element_tally,
            &mut element_examples,
        );
    }
    print_tally("tags, ours vs html5ever tokenizer", &tag_tally);
    print_tally("elements, ours (scan + pairing) vs html5ever tree builder", &element_tally);

    // Speed: rounds interleaved, fastest round per pass.
    type Pass<'a> = (&'a str, Box<dyn Fn() -> usize + 'a>);
    let passes: Vec<Pass> = vec![
        (
            "ours: scan",
            Box::new(|| documents.iter().map(|(_, text)| SourceTags::scan(text).cells.len()).sum()),
        ),
        (
            "ours: scan + pair with the tree",
            Box::new(|| {
                trees
                    .iter()
                    .map(|(_, text, document, _, _)| {
                        let tags = SourceTags::scan(text);
                        std::hint::black_box(TreeLines::pair(document, &tags));
                        tags.cells.len()
                    })
                    .sum()
            }),
        ),
        (
            "html5ever: tokenizer only, noting lines",
            Box::new(|| documents.iter().map(|(_, text)| tokenizer_lines(text).count()).sum()),
        ),
        (
            "scraper parse (Html::parse_document)",
            Box::new(|| {
                documents.iter().map(|(_, text)| Html::parse_document(text).tree.values().count()).sum()
            }),
        ),
        (
            "scraper parse noting html5ever lines",
            Box::new(|| documents.iter().map(|(_, text)| parse_recording_lines(text).1.len()).sum()),
        ),
        (
            "reader: read_html, all of it",
            Box::new(|| documents.iter().map(|(_, text)| read::html::read_html(text).tables.len()).sum()),
        ),
    ];
    let mut fastest = vec![f64::INFINITY; passes.len()];
    let mut counts = vec![0; passes.len()];
    for _ in 0..rounds {
        for (index, (_, pass)) in passes.iter().enumerate() {
            let started = Instant::now();
            counts[index] = pass();
            fastest[index] = fastest[index].min(started.elapsed().as_secs_f64());
        }
    }
    println!("  speed (fastest of {rounds} rounds, one core):");
    for (index, (name, _)) in passes.iter().enumerate() {
        println!(
            "    {name:<40} {:>8.4} s {:>9.1} MB/s {:>8.2} ms/MB  ({})",
            fastest[index],
            megabytes / fastest[index],
            1e3 * fastest[index] / megabytes,
            counts[index]
        );
    }
    let [scan, scan_and_pair, _, parse, parse_noting, reader] = fastest[..] else { unreachable!() };
    println!(
        "    => lines cost per MB: ours (scan + pair) {:.2} ms; html5ever's (parse noting − parse) {:.2} ms; the reader {:.1} ms (ours = {:.1} % of it; scan alone {:.2} ms)",
        1e3 * scan_and_pair / megabytes,
        1e3 * (parse_noting - parse) / megabytes,
        1e3 * reader / megabytes,
        100.0 * scan_and_pair / reader,
        1e3 * scan / megabytes
    );
}
