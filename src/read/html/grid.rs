//! A `<table>` element as a rectangular grid of slots, with colspan and rowspan expanded.
//!
//! Owns: which rows belong to a table (its own `<tr>`s, directly or in `<thead>`, `<tbody>`,
//! `<tfoot>`, never those of a table nested in a cell), their order as a browser shows them (the
//! first `<thead>` on top, `<tfoot>`s at the bottom, everything else in source order), and the
//! placement of every cell. Leaves header rows, stub columns and row kinds to the structure module.
//!
//! The placement follows the HTML table model, in this order:
//! 1. hidden rows and cells are left out as if absent (a browser does not lay them out);
//! 2. colspan is read as a number clamped to 1..=1000, rowspan to 0..=65534 (0 means "to the end of
//!    its row group"), as browsers do; a clamp to 1000/65534 is warned about;
//! 3. each cell takes the first slot of its row not covered by a rowspan from above; a rowspan never
//!    runs out of its row group (`<thead>`, `<tbody>`, `<tfoot>`): one that would is cut, with a
//!    [`WarningKind::SpanClamped`] warning;
//! 4. the table's width is the largest column in which any cell *starts*, plus one: a colspan running
//!    past every other row is cut to that width (warned), so `colspan="50"` on a group row does not
//!    make fifty empty columns;
//! 5. rows narrower than the width are padded at the end with empty slots flagged padded, with a
//!    [`WarningKind::RaggedRow`] warning (a `<tr>` with no cells at all is padded silently: there
//!    was nothing in it to misplace).
//!
//! Limits: at most [`MAX_COLUMNS`] columns and [`MAX_SLOTS`] slots per table; past them the rest is
//! not read and a [`WarningKind::LimitReached`] warning says so. Known failure: a table whose last
//! column only ever appears under a colspan (every row ends in `colspan="2"`) loses that column, as
//! rule 4 cuts every such span.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::content::{self, NestedTables, Piece};
use crate::error::{Location, Warning, WarningKind};

/// At most this many columns per table.
pub(super) const MAX_COLUMNS: usize = 2_000;
/// At most this many slots (rows × columns) per table.
pub(super) const MAX_SLOTS: usize = 2_000_000;

/// Which row group a row was printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    /// A `<thead>` row.
    Head,
    /// A `<tbody>` row, or a `<tr>` directly in the table.
    Body,
    /// A `<tfoot>` row.
    Foot,
}

/// One printed cell (`<td>` or `<th>`) of the table.
#[derive(Debug, Clone)]
pub(super) struct PrintedCell {
    /// The element.
    pub node: NodeId,
    /// Its visible content (nested tables left out).
    pub pieces: Vec<Piece>,
    /// Its text: whitespace collapsed, markers left out.
    pub text: String,
    /// Its `<sup>` markers.
    pub markers: Vec<String>,
    /// True for a `<th>`.
    pub is_th: bool,
    /// Grid row and column of its top-left slot, from 0.
    pub row: usize,
    /// See `row`.
    pub column: usize,
    /// 1-based source line of its tag, when known.
    pub line: Option<usize>,
}

/// What fills one slot of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// The top-left slot of printed cell `n` (an index into [`Grid::cells`]).
    Origin(usize),
    /// A slot covered by the span of printed cell `n`.
    Covered(usize),
    /// Nothing was printed here: the row was shorter than the table (flagged padded).
    Padded,
}

/// One row of the grid.
#[derive(Debug, Clone)]
pub(super) struct GridRow {
    /// The row group it was printed in.
    pub section: Section,
    /// Exactly `Grid::width` slots.
    pub slots: Vec<Slot>,
    /// 1-based source line of its `<tr>`, when known.
    pub line: Option<usize>,
}

/// A table as a rectangular grid.
#[derive(Debug, Clone, Default)]
pub(super) struct Grid {
    /// Every printed cell, in placement order.
    pub cells: Vec<PrintedCell>,
    /// The rows, as a browser shows them.
    pub rows: Vec<GridRow>,
    /// The number of columns; every row has this many slots.
    pub width: usize,
    /// Placement problems, located by grid row (in `row_index`, to be remapped by the caller) and
    /// with no table index yet.
    pub warnings: Vec<Warning>,
}

impl Grid {
    /// The printed cell behind a slot, if any.
    pub fn cell_at(&self, row: usize, column: usize) -> Option<&PrintedCell> {
        match self.rows.get(row)?.slots.get(column)? {
            Slot::Origin(n) | Slot::Covered(n) => self.cells.get(*n),
            Slot::Padded => None,
        }
    }

    /// The index in [`Grid::cells`] of the printed cell behind a slot, if any.
    pub fn cell_index_at(&self, row: usize, column: usize) -> Option<usize> {
        match self.rows.get(row)?.slots.get(column)? {
            Slot::Origin(n) | Slot::Covered(n) => Some(*n),
            Slot::Padded => None,
        }
    }

    /// The text in a slot ("" when padded).
    pub fn text_at(&self, row: usize, column: usize) -> &str {
        self.cell_at(row, column).map_or("", |cell| cell.text.as_str())
    }
}

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

/// A rowspan reaching down from an earlier row.
#[derive(Debug, Clone, Copy)]
struct Reaching {
    cell: usize,
    rows_left: usize,
}

/// Lays out a table element's rows and cells (rules 1–5 of the module doc).
pub(super) fn build(table: NodeRef<'_, Node>, lines: &dyn LineOf) -> Grid {
    let found = found_rows(table);
    let mut grid = Grid::default();
    // Per column: the rowspan reaching into the next row, if any.
    let mut reaching: Vec<Option<Reaching>> = Vec::new();
    let mut row_cell_counts: Vec<usize> = Vec::new();
    let mut raw_rows: Vec<Vec<Slot>> = Vec::new();
    let mut spans: Vec<usize> = Vec::new();
    // Rows left in each row's group after it, counted once from the end.
    let mut rows_after_in_group = vec![0; found.len()];
    for index in (0..found.len().saturating_sub(1)).rev() {
        if found[index + 1].group == found[index].group {
            rows_after_in_group[index] = rows_after_in_group[index + 1] + 1;
        }
    }
    let mut slots_so_far = 0;
    for (row_index, row) in found.iter().enumerate() {
        let next_in_group = rows_after_in_group[row_index];
        if row_index > 0 && found[row_index - 1].group != row.group {
            reaching.iter_mut().for_each(|slot| *slot = None);
        }
        let mut slots: Vec<Slot> = Vec::new();
        let mut column = 0;
        let fill_reaching = |slots: &mut Vec<Slot>, column: usize, reaching: &mut Vec<Option<Reaching>>| {
            if let Some(Some(reach)) = reaching.get_mut(column) {
                while slots.len() < column {
                    slots.push(Slot::Padded);
                }
                slots.push(Slot::Covered(reach.cell));
                reach.rows_left -= 1;
                if reach.rows_left == 0 {
                    reaching[column] = None;
                }
                true
            } else {
                false
            }
        };
        for cell_node in &row.cells {
            while column < MAX_COLUMNS && fill_reaching(&mut slots, column, &mut reaching) {
                column += 1;
            }
            if column >= MAX_COLUMNS {
                grid.warnings.push(limit_warning(
                    row_index,
                    format!("a row reaches past {MAX_COLUMNS} columns; the rest of the row was not read"),
                ));
                break;
            }
            let element = cell_node.value().as_element().expect("cells are elements");
            let mut colspan = span_attribute(element.attr("colspan"), 1).max(1);
            if colspan > 1000 {
                grid.warnings.push(span_warning(
                    row_index,
                    column,
                    format!("colspan {colspan} was clamped to 1000, as browsers do"),
                ));
                colspan = 1000;
            }
            let mut rowspan = span_attribute(element.attr("rowspan"), 1);
            if rowspan > 65534 {
                grid.warnings.push(span_warning(
                    row_index,
                    column,
                    format!("rowspan {rowspan} was clamped to 65534, as browsers do"),
                ));
                rowspan = 65534;
            }
            let rows_available = next_in_group + 1;
            if rowspan == 0 {
                rowspan = rows_available;
            } else if rowspan > rows_available {
                grid.warnings.push(span_warning(row_index, column, format!(
                    "rowspan {rowspan} runs past the end of its row group ({rows_available} rows left); it was cut"
                )));
                rowspan = rows_available;
            }
            let pieces = content::pieces_of(*cell_node, NestedTables::Skip);
            let cell_index = grid.cells.len();
            grid.cells.push(PrintedCell {
                node: cell_node.id(),
                text: content::join_text(&pieces),
                markers: content::markers_of(&pieces),
                pieces,
                is_th: element.name() == "th",
                row: row_index,
                column,
                line: lines.cell_line(cell_node.id()),
            });
            spans.push(colspan);
            while slots.len() < column {
                slots.push(Slot::Padded);
            }
            let colspan = colspan.min(MAX_COLUMNS - column);
            for offset in 0..colspan {
                slots.push(if offset == 0 { Slot::Origin(cell_index) } else { Slot::Covered(cell_index) });
                if rowspan > 1 {
                    if reaching.len() <= column + offset {
                        reaching.resize(column + offset + 1, None);
                    }
                    // A new cell overlapping an older rowspan ends the older one (an authoring error).
                    reaching[column + offset] = Some(Reaching { cell: cell_index, rows_left: rowspan - 1 });
                }
            }
            column += colspan;
        }
        // Rowspans from above that reach past this row's own cells.
        let mut trailing = column;
        while trailing < reaching.len() {
            fill_reaching(&mut slots, trailing, &mut reaching);
            trailing += 1;
        }
        row_cell_counts.push(row.cells.len());
        slots_so_far += slots.len();
        raw_rows.push(slots);
        grid.rows.push(GridRow {
            section: row.section,
            slots: Vec::new(),
            line: lines.row_line(row.tr.id()),
        });
        if slots_so_far > MAX_SLOTS {
            grid.warnings.push(limit_warning(
                row_index,
                format!("the table holds more than {MAX_SLOTS} cells; the rows after this one were not read"),
            ));
            break;
        }
    }
    // Rule 4: the width is the largest starting column plus one (rowspans start where their cell does).
    grid.width = grid.cells.iter().map(|cell| cell.column + 1).max().unwrap_or(0);
    let width = grid.width;
    for (cell_index, cell) in grid.cells.iter().enumerate() {
        if cell.column + spans[cell_index] > width && spans[cell_index] > 1 {
            let location = Location {
                row_index: Some(cell.row),
                column_index: Some(cell.column),
                ..Location::default()
            };
            grid.warnings.push(Warning::new(
                WarningKind::SpanClamped,
                location,
                format!(
                    "colspan {} of \"{}\" runs past the table's {width} columns; it was cut",
                    spans[cell_index], cell.text
                ),
            ));
        }
    }
    for (row_index, mut slots) in raw_rows.into_iter().enumerate() {
        slots.truncate(width);
        let short = slots.len() < width;
        if short && row_cell_counts[row_index] > 0 {
            grid.warnings.push(Warning::new(
                WarningKind::RaggedRow,
                Location {
                    row_index: Some(row_index),
                    line: grid.rows[row_index].line,
                    ..Location::default()
                },
                format!(
                    "the row has {} of the table's {width} columns; it was padded with empty cells",
                    slots.len()
                ),
            ));
        }
        slots.resize(width, Slot::Padded);
        grid.rows[row_index].slots = slots;
    }
    grid
}

fn span_warning(row_index: usize, column: usize, message: String) -> Warning {
    let location = Location { row_index: Some(row_index), column_index: Some(column), ..Location::default() };
    Warning::new(WarningKind::SpanClamped, location, message)
}

fn limit_warning(row_index: usize, message: String) -> Warning {
    Warning::new(
        WarningKind::LimitReached,
        Location { row_index: Some(row_index), ..Location::default() },
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
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
        build(table, &NoLines)
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
