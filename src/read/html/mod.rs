//! HTML → tables: every data table of a page, rebuilt as a rectangular grid in the shared
//! [`crate::table`] model.
//!
//! Owns: finding the tables of a page (visible `<table>` elements, nested ones included, in the
//! order they start), telling data tables from layout tables, expanding spans into a grid, header
//! rows and their paths, stub columns, the structural row kinds (spacer, repeated header, note row),
//! `<sup>` footnote markers, the notes printed with a table, its "Tabel N" number, title, unit and
//! section, and source lines. Leaves numbers, row roles (group, total, waarvan) and glued markers
//! ("Comensha1") to the later stages, which treat every reader's tables alike.
//!
//! The stages, in order, each in its own module:
//! 1. [`page`] walks the document once: text blocks (with headings marked) and table starts;
//! 2. [`source_lines`] scans the raw text for tag lines, paired with the tree's elements;
//! 3. per table, [`grid`] expands spans into slots (clamping what runs past the table, padding short
//!    rows, with warnings);
//! 4. layout tables are dropped (see [`is_layout_table`]);
//! 5. [`structure`] decides caption rows, header rows, stub columns, columns and row kinds;
//! 6. [`caption`] reads number, title and unit from a `<caption>`, a caption row or the blocks above;
//!    [`notes`] reads the notes under the table; tables of contents are marked
//!    [`TableKind::Contents`];
//! 7. truncation: a table the input ends inside is marked, its cells flagged.
//!
//! Nested tables: an inner table is a table of its own; its text is *not* part of the cell that
//! holds it. So a layout table wrapping a data table loses nothing, and is itself dropped at step 4
//! when what remains of it holds no figures.
//!
//! Never panics: every index is checked, every walk is iterative (any depth is safe), and grids are
//! capped (see [`grid::MAX_SLOTS`]).

mod caption;
mod content;
mod grid;
mod notes;
mod page;
mod source_lines;
mod structure;

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::error::{Location, Warning, WarningKind};
use crate::table::{CellFlag, ReadOutcome, Table, TableKind};
use content::NestedTables;
use grid::{Grid, LineOf};
use source_lines::SourceTags;

/// Finds every data table of an HTML page and rebuilds it as a rectangular grid.
///
/// Returns the tables in print order (`Table::index` from 0) and the reader's warnings (ragged
/// rows, clamped spans, limits, truncation), each located by table, row and line. Layout and
/// navigation tables are left out; tables of contents are kept as [`TableKind::Contents`].
pub fn read_html(html: &str) -> ReadOutcome {
    let document = Html::parse_document(html);
    let tags = SourceTags::scan(html);
    let lines = TreeLines::pair(&document, &tags);
    let page = page::Page::walk(&document);
    let mut outcome = ReadOutcome::default();
    for (at, node_id, parent) in page.tables() {
        let Some(node) = document.tree.get(node_id) else { continue };
        let grid = grid::build(node, &lines);
        if is_layout_table(node, &grid) {
            continue;
        }
        let index = outcome.tables.len();
        let built = structure::structure(&grid);
        let mut table = built.table;
        table.index = index;

        let caption = match caption_element(node) {
            Some(text) => caption::read_caption(&text),
            None if built.caption.number.is_some() || built.caption.title.is_some() => built.caption.clone(),
            None => {
                let mut from_blocks = caption::caption_from_blocks(&page.blocks_above(at, parent, 3));
                from_blocks.unit = from_blocks.unit.or(built.caption.unit.clone());
                from_blocks
            }
        };
        table.number = caption.number;
        table.title = caption.title;
        table.unit = caption.unit.or(built.caption.unit).or(table.unit.take());
        table.section = page.section_above(at);
        table.notes.extend(notes::notes_after(node));
        if is_contents(node, &table) {
            table.kind = TableKind::Contents;
        }

        let mut warnings = built.warnings;
        if let Some(tag) = lines.table_tag(node_id) {
            let source = &tags.tables[tag];
            table.lines = Some((source.start_line, source.end_line.unwrap_or(tags.last_line)));
            if tags.ends_inside(tag) {
                mark_truncated(&mut table, &grid, tags.ends_in_text, &mut warnings);
            }
        }
        for warning in &mut warnings {
            warning.location.table_index = Some(index);
        }
        outcome.warnings.extend(warnings);
        outcome.tables.push(table);
    }
    outcome
}

/// The text of a table's own `<caption>`, when it has one with text.
fn caption_element(table: NodeRef<'_, Node>) -> Option<String> {
    let caption = table.children().find(|child| {
        child.value().as_element().is_some_and(|e| e.name() == "caption" && !content::is_not_content(e))
    })?;
    let text = content::join_text(&content::pieces_of(caption, NestedTables::Include));
    (!text.is_empty()).then_some(text)
}

/// True for a table that only lays out a page, not data. In this order:
/// 1. `role="presentation"` or `role="none"`;
/// 2. fewer than two columns, or fewer than two rows with text: nothing tabular;
/// 3. no figure anywhere right of the first column, and either a table nested in one of its cells
///    (a wrapper around the real table) or mostly link text (a menu).
///
/// Known failure: a real two-row table (a header and one row of figures) is kept, but a
/// one-column list of figures is dropped by rule 2.
fn is_layout_table(table: NodeRef<'_, Node>, grid: &Grid) -> bool {
    let element = table.value().as_element();
    if element
        .and_then(|e| e.attr("role"))
        .is_some_and(|role| role.eq_ignore_ascii_case("presentation") || role.eq_ignore_ascii_case("none"))
    {
        return true;
    }
    let rows_with_text =
        (0..grid.rows.len()).filter(|&r| (0..grid.width).any(|c| !grid.text_at(r, c).is_empty())).count();
    if grid.width < 2 || rows_with_text < 2 {
        return true;
    }
    let has_figure = grid.cells.iter().any(|cell| cell.column >= 1 && structure::is_figure(&cell.text));
    if has_figure {
        return false;
    }
    let holds_table = grid.cells.iter().any(|cell| {
        table.tree().get(cell.node).is_some_and(|node| {
            node.descendants().skip(1).any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
        })
    });
    let cells_with_text: Vec<_> = grid.cells.iter().filter(|cell| !cell.text.is_empty()).collect();
    let link_cells = cells_with_text
        .iter()
        .filter(|cell| table.tree().get(cell.node).is_some_and(|node| mostly_links(node, &cell.text)))
        .count();
    holds_table || link_cells * 2 > cells_with_text.len()
}

/// True when at least 80% of an element's text is link text.
fn mostly_links(node: NodeRef<'_, Node>, text: &str) -> bool {
    let link_chars: usize = node
        .descendants()
        .filter(|d| d.value().as_element().is_some_and(|e| e.name() == "a"))
        .map(|a| content::join_text(&content::pieces_of(a, NestedTables::Skip)).chars().count())
        .sum();
    let total = text.chars().count();
    total > 0 && link_chars * 5 >= total * 4
}

/// True for a table of contents: titled or headed "Inhoud"/"Inhoudsopgave", or marked as one by
/// its class or id ("toc", "inhoud").
fn is_contents(node: NodeRef<'_, Node>, table: &Table) -> bool {
    let named = |text: &Option<String>| {
        text.as_deref().is_some_and(|t| {
            let lowered = t.trim().to_lowercase();
            lowered.starts_with("inhoudsopgave") || lowered == "inhoud"
        })
    };
    let marked = node.value().as_element().is_some_and(|e| {
        let id = e.id().unwrap_or_default().to_ascii_lowercase();
        let classes: Vec<String> = e.classes().map(|c| c.to_ascii_lowercase()).collect();
        id.contains("toc")
            || id.contains("inhoud")
            || classes.iter().any(|c| c == "toc" || c.contains("inhoud"))
    });
    named(&table.title) || named(&table.stub_header) || marked
}

/// Marks a table the input ends inside: a warning, every cell flagged, and when the input stops in
/// the middle of a cell's text, that cell flagged cut.
fn mark_truncated(table: &mut Table, grid: &Grid, ends_in_text: bool, warnings: &mut Vec<Warning>) {
    table.truncated = true;
    warnings.push(Warning::new(
        WarningKind::TruncatedTable,
        Location::table(table.index, table.lines.map(|(start, _)| start)),
        "the input ends inside this table (no </table>); the rows read so far are kept",
    ));
    for row in &mut table.rows {
        for cell in &mut row.cells {
            cell.flag(CellFlag::TruncatedTable);
        }
    }
    let last_printed = grid.cells.last().map(|cell| (cell.row, cell.column));
    if !ends_in_text {
        return;
    }
    let row_count = table.rows.len();
    let stub_columns = table.stub_columns;
    if let (Some((_, column)), Some(last_row)) = (last_printed, table.rows.last_mut())
        && column >= stub_columns
        && let Some(cell) = last_row.cells.get_mut(column - stub_columns)
        && !cell.text.is_empty()
    {
        cell.flag(CellFlag::CutCell);
        warnings.push(Warning::new(
            WarningKind::CutCell,
            Location::table(table.index, cell.line)
                .with_row(row_count - 1)
                .with_column(column - stub_columns),
            format!("the input ends inside the cell \"{}\"; its value is not trusted", cell.text),
        ));
    }
}

/// Source lines of the tree's table, row and cell elements (see [`source_lines`]).
#[derive(Debug, Default)]
struct TreeLines {
    tables: HashMap<NodeId, usize>,
    rows: HashMap<NodeId, usize>,
    cells: HashMap<NodeId, usize>,
}

impl TreeLines {
    /// Pairs the n-th element of each kind, in the order the parser made them, with the n-th tag
    /// of that kind in the source, when their counts agree.
    fn pair(document: &Html, tags: &SourceTags) -> TreeLines {
        let mut tables = Vec::new();
        let mut rows = Vec::new();
        let mut cells = Vec::new();
        for node in document.tree.nodes() {
            let Some(element) = node.value().as_element() else { continue };
            match element.name() {
                "table" => tables.push(node.id()),
                "tr" => rows.push(node.id()),
                "td" | "th" => cells.push(node.id()),
                _ => {}
            }
        }
        let pair = |ids: Vec<NodeId>, values: Vec<usize>| -> HashMap<NodeId, usize> {
            if ids.len() == values.len() { ids.into_iter().zip(values).collect() } else { HashMap::new() }
        };
        TreeLines {
            tables: pair(tables, (0..tags.tables.len()).collect()),
            rows: pair(rows, tags.rows.clone()),
            cells: pair(cells, tags.cells.clone()),
        }
    }

    /// The index in [`SourceTags::tables`] of a table element.
    fn table_tag(&self, node: NodeId) -> Option<usize> {
        self.tables.get(&node).copied()
    }
}

impl LineOf for TreeLines {
    fn row_line(&self, node: NodeId) -> Option<usize> {
        self.rows.get(&node).copied()
    }

    fn cell_line(&self, node: NodeId) -> Option<usize> {
        self.cells.get(&node).copied()
    }
}
