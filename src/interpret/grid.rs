//! The raw grid every reader hands to interpretation: printed cells with their spans laid out in
//! a rectangle of slots.
//!
//! Owns the one shape that HTML tables, CALS tables of the official publication XML and pipe
//! tables of flattened text are all turned into, and the placement of cells in it. A reader fills
//! a [`RawTable`]: rows in print order with their row group (head, body, foot), and per printed
//! cell its content as [`Piece`]s (text, footnote markers, line breaks), its spans, the column it
//! says it starts in (CALS names it; HTML does not), the hints its format gives (a header cell, a
//! bold cell) and its source line. [`lay_out`] turns that into a [`Grid`]. What the cells mean
//! (caption rows, header rows, stub columns, row kinds) is decided from the grid by
//! [`super::structure`], the same for every format.
//!
//! The placement follows the HTML table model, which CALS shares, in this order:
//! 1. colspan is clamped to 1..=1000 and rowspan to 1..=65534 (a clamp is warned about); a rowspan
//!    "to the end of its row group" (HTML's `rowspan="0"`) reaches that far;
//! 2. each cell takes the first slot of its row not covered by a rowspan from above, or the column
//!    it names when that is further right (the slots skipped are empty); a rowspan never runs out of its row
//!    group: one that would is cut, with a [`WarningKind::SpanClamped`] warning;
//! 3. the table's width is the width it declares (CALS `cols`), else the largest column in which
//!    any cell *starts*, plus one: a colspan running past it is cut (warned), so `colspan="50"` on a
//!    group row does not make fifty empty columns; a cell that starts past a declared width is
//!    not placed, with a warning quoting it;
//! 4. rows narrower than the width are padded at the end with empty slots flagged padded, with a
//!    [`WarningKind::RaggedRow`] warning (a row with no cells at all is padded silently: there
//!    was nothing in it to misplace).
//!
//! Limits: at most [`MAX_COLUMNS`] columns and [`MAX_SLOTS`] slots per table; past them the rest is
//! not read and a [`WarningKind::LimitReached`] warning says so. Known failure: without a declared
//! width, a table whose last column only ever appears under a colspan (every row ends in
//! `colspan="2"`) loses that column, as rule 3 cuts every such span.

use crate::error::{Location, Warning, WarningKind};

/// At most this many columns per table.
pub(crate) const MAX_COLUMNS: usize = 2_000;
/// At most this many slots (rows × columns) per table.
pub(crate) const MAX_SLOTS: usize = 2_000_000;
/// The largest colspan taken as printed (browsers clamp at the same number).
const MAX_COLSPAN: usize = 1_000;
/// The largest rowspan taken as printed (browsers clamp at the same number).
const MAX_ROWSPAN: usize = 65_534;

/// One piece of a cell's visible content, in print order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Visible text as in the source (whitespace not yet collapsed).
    Text(String),
    /// A footnote marker the format sets apart (an HTML `<sup>`, a CALS `noot` or `nootref`),
    /// parentheses removed: "1", "*", "1,2".
    Marker(String),
    /// A line break: `<br>`, the edge of a block element, the edge of a CALS `<al>`. Reads as a
    /// space in a cell, and separates notes in a list of notes.
    Break,
}

/// The text of pieces with markers left out, breaks read as spaces and whitespace collapsed
/// (non-breaking spaces included, so a cell of only `&nbsp;` is empty).
pub(crate) fn join_text(pieces: &[Piece]) -> String {
    // What collapsing the whitespace of the pieces joined (breaks and markers as spaces) would
    // give, written in one pass: a space is put down only before the next word.
    let mut joined = String::new();
    let mut space_pending = false;
    for piece in pieces {
        let Piece::Text(text) = piece else {
            space_pending = true;
            continue;
        };
        let mut words = text.split_whitespace();
        if text.starts_with(char::is_whitespace) {
            space_pending = true;
        }
        if let Some(first) = words.next() {
            if space_pending && !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(first);
            for word in words {
                joined.push(' ');
                joined.push_str(word);
            }
            space_pending = text.ends_with(char::is_whitespace);
        }
    }
    joined
}

/// The markers among pieces, in order; a "1,2" marker gives "1" and "2".
pub(crate) fn markers_of(pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Marker(marker) => Some(marker.split(',').map(str::to_string).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Which row group a row was printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// A head row (`<thead>`).
    Head,
    /// A body row (`<tbody>`, or a row directly in the table).
    Body,
    /// A foot row (`<tfoot>`).
    Foot,
}

/// How many rows a cell reaches down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowSpan {
    /// This many rows, its own included (1 for a cell that spans nothing; CALS `morerows="n"` is
    /// `n + 1`).
    Rows(usize),
    /// To the last row of its row group (HTML's `rowspan="0"`).
    ToGroupEnd,
}

/// One printed cell as a reader found it, before placement.
#[derive(Debug, Clone)]
pub(crate) struct RawCell {
    /// Its visible content.
    pub pieces: Vec<Piece>,
    /// The format marks it a header cell (`<th>`).
    pub is_header_cell: bool,
    /// Its whole text is bold (`<b>`, `<strong>`, CALS `nadruk type="vet"`).
    pub bold: bool,
    /// Columns it spans, its own included (at least 1 is used).
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: RowSpan,
    /// The column (from 0) it names as its start (CALS `colname`/`namest`), when the format names one.
    pub start_column: Option<usize>,
    /// 1-based source line of the cell, when known.
    pub line: Option<usize>,
    /// The reader's own handle on the cell (an index into its own list of elements), carried to
    /// [`PrintedCell::origin`].
    pub origin: usize,
}

/// One row as a reader found it.
#[derive(Debug, Clone)]
pub(crate) struct RawRow {
    /// The row group it was printed in.
    pub section: Section,
    /// Which row group element it came from, counted from 0 in print order: a rowspan never runs
    /// out of its group.
    pub group: usize,
    /// 1-based source line of the row, when known.
    pub line: Option<usize>,
    /// Its cells, left to right.
    pub cells: Vec<RawCell>,
}

/// A table as a reader found it: rows in the order they are shown.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawTable {
    /// The rows, head rows first and foot rows last, as shown.
    pub rows: Vec<RawRow>,
    /// The number of columns the format declares (CALS `tgroup cols`), when it declares one.
    pub declared_width: Option<usize>,
}

/// One printed cell, placed.
#[derive(Debug, Clone)]
pub(crate) struct PrintedCell {
    /// Its visible content (nested tables left out); empty when that is one text piece (most
    /// cells: a figure, a label), which [`PrintedCell::pieces`] gives back from `text`. Keeping
    /// only the text saves a huge table a list per cell.
    kept_pieces: Vec<Piece>,
    /// Its text: whitespace collapsed, markers left out.
    pub text: String,
    /// Its footnote markers.
    pub markers: Vec<String>,
    /// The format marks it a header cell.
    pub is_header_cell: bool,
    /// Its whole text is bold.
    pub bold: bool,
    /// Grid row and column of its top-left slot, from 0.
    pub row: usize,
    /// See `row`.
    pub column: usize,
    /// 1-based source line of the cell, when known.
    pub line: Option<usize>,
    /// The reader's handle on it ([`RawCell::origin`]).
    pub origin: usize,
}

impl PrintedCell {
    /// Its visible content (nested tables left out): as the reader gave it, or, for a cell whose
    /// content is one text piece, that piece as `text` (whitespace collapsed; the blank pieces
    /// and line breaks around it, which separate nothing, left out). `text` must therefore not
    /// be changed after the grid is laid out.
    pub fn pieces(&self) -> std::borrow::Cow<'_, [Piece]> {
        if self.kept_pieces.is_empty() && !self.text.is_empty() {
            std::borrow::Cow::Owned(vec![Piece::Text(self.text.clone())])
        } else {
            std::borrow::Cow::Borrowed(&self.kept_pieces)
        }
    }

    /// Drops the pieces when one text piece holds all the cell prints: line breaks and blank
    /// text around it (the cell's own block edges) separate nothing, so the text alone gives
    /// the same notes and markers back.
    fn shed_plain_pieces(&mut self) {
        let mut printed = self.kept_pieces.iter().filter(|piece| {
            !matches!(piece, Piece::Break) && !matches!(piece, Piece::Text(t) if t.trim().is_empty())
        });
        if matches!(printed.next(), Some(Piece::Text(_))) && printed.next().is_none() {
            self.kept_pieces = Vec::new();
        }
    }
}

/// What fills one slot of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The top-left slot of printed cell `n` (an index into [`Grid::cells`]).
    Origin(usize),
    /// A slot covered by the span of printed cell `n`.
    Covered(usize),
    /// Nothing was printed here: the row was shorter than the table (flagged padded), or a cell
    /// named a column further right.
    Padded,
}

/// One row of the grid.
#[derive(Debug, Clone)]
pub(crate) struct GridRow {
    /// The row group it was printed in.
    pub section: Section,
    /// Exactly `Grid::width` slots.
    pub slots: Vec<Slot>,
    /// 1-based source line of the row, when known.
    pub line: Option<usize>,
}

/// A table as a rectangular grid.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// Every printed cell, in placement order.
    pub cells: Vec<PrintedCell>,
    /// The rows, as shown.
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

/// A rowspan reaching down from an earlier row.
#[derive(Debug, Clone, Copy)]
struct Reaching {
    cell: usize,
    rows_left: usize,
}

/// Lays out a reader's rows and cells (rules 1–4 of the module doc).
pub(crate) fn lay_out(raw: RawTable) -> Grid {
    let found = raw.rows;
    let mut grid = Grid::default();
    // Sized once: grown by doubling, a table of a million cells would hold up to twice the room
    // it needs, and both the old and the new block at each growth.
    grid.cells.reserve_exact(found.iter().map(|row| row.cells.len()).sum());
    let column_limit = raw.declared_width.map_or(MAX_COLUMNS, |declared| declared.min(MAX_COLUMNS));
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
    let mut previous_group = None;
    for (row_index, row) in found.into_iter().enumerate() {
        let next_in_group = rows_after_in_group[row_index];
        if previous_group.is_some_and(|group| group != row.group) {
            reaching.iter_mut().for_each(|slot| *slot = None);
        }
        previous_group = Some(row.group);
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
        let cell_count = row.cells.len();
        for cell in row.cells {
            while column < column_limit && fill_reaching(&mut slots, column, &mut reaching) {
                column += 1;
            }
            if let Some(named) = cell.start_column
                && named > column
            {
                // The cell names a column further right: the slots before it were left empty,
                // unless a rowspan from above covers them.
                while column < named.min(column_limit) {
                    if !fill_reaching(&mut slots, column, &mut reaching) {
                        slots.resize(column + 1, Slot::Padded);
                    }
                    column += 1;
                }
            }
            if column >= column_limit {
                let text = join_text(&cell.pieces);
                let message = if column_limit < MAX_COLUMNS {
                    format!(
                        "a cell (\"{text}\") starts past the {column_limit} columns the table declares; it and the rest of the row were not placed"
                    )
                } else {
                    format!("a row reaches past {MAX_COLUMNS} columns; the rest of the row was not read")
                };
                grid.warnings.push(limit_warning(row_index, row.line, message));
                break;
            }
            let mut colspan = cell.colspan.max(1);
            if colspan > MAX_COLSPAN {
                grid.warnings.push(span_warning(
                    row_index,
                    column,
                    format!("colspan {colspan} was clamped to {MAX_COLSPAN}, as browsers do"),
                ));
                colspan = MAX_COLSPAN;
            }
            let rows_available = next_in_group + 1;
            let rowspan = match cell.rowspan {
                RowSpan::ToGroupEnd => rows_available,
                RowSpan::Rows(rows) => {
                    let mut rowspan = rows.max(1);
                    if rowspan > MAX_ROWSPAN {
                        grid.warnings.push(span_warning(
                            row_index,
                            column,
                            format!("rowspan {rowspan} was clamped to {MAX_ROWSPAN}, as browsers do"),
                        ));
                        rowspan = MAX_ROWSPAN;
                    }
                    if rowspan > rows_available {
                        grid.warnings.push(span_warning(row_index, column, format!(
                            "rowspan {rowspan} runs past the end of its row group ({rows_available} rows left); it was cut"
                        )));
                        rowspan = rows_available;
                    }
                    rowspan
                }
            };
            let cell_index = grid.cells.len();
            let mut printed = PrintedCell {
                text: join_text(&cell.pieces),
                markers: markers_of(&cell.pieces),
                kept_pieces: cell.pieces,
                is_header_cell: cell.is_header_cell,
                bold: cell.bold,
                row: row_index,
                column,
                line: cell.line,
                origin: cell.origin,
            };
            printed.shed_plain_pieces();
            grid.cells.push(printed);
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
        row_cell_counts.push(cell_count);
        slots_so_far += slots.len();
        raw_rows.push(slots);
        grid.rows.push(GridRow { section: row.section, slots: Vec::new(), line: row.line });
        if slots_so_far > MAX_SLOTS {
            grid.warnings.push(limit_warning(
                row_index,
                row.line,
                format!("the table holds more than {MAX_SLOTS} cells; the rows after this one were not read"),
            ));
            break;
        }
    }
    // Rule 3: the declared width, else the largest starting column plus one (rowspans start where
    // their cell does).
    grid.width = match raw.declared_width {
        Some(declared) => declared.min(MAX_COLUMNS),
        None => grid.cells.iter().map(|cell| cell.column + 1).max().unwrap_or(0),
    };
    let width = grid.width;
    for (cell_index, cell) in grid.cells.iter().enumerate() {
        if cell.column + spans[cell_index] > width && spans[cell_index] > 1 {
            let location = Location {
                row_index: Some(cell.row),
                column_index: Some(cell.column),
                line: cell.line,
                ..Location::default()
            };
            grid.warnings.push(Warning::new(
                WarningKind::SpanClamped,
                location,
                format!(
                    "a span of {} columns from \"{}\" runs past the table's {width} columns; it was cut",
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

fn limit_warning(row_index: usize, line: Option<usize>, message: String) -> Warning {
    Warning::new(
        WarningKind::LimitReached,
        Location { row_index: Some(row_index), line, ..Location::default() },
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_one_text_piece_sheds_its_pieces_and_reads_the_same() {
        use crate::interpret::notes::notes_in;
        let text = |t: &str| Piece::Text(t.to_string());
        // The pieces, and whether they are shed.
        let cases = vec![
            (vec![text("1.234")], true),
            (vec![Piece::Break, text(" 1) Bron: CBS "), Piece::Break, text("  ")], true),
            (vec![text("\n * Voorlopige cijfers\u{a0}"), Piece::Break], true),
            (vec![Piece::Marker("1".into()), text("Bron: CBS")], false),
            (vec![text("a"), Piece::Break, text("2) b")], false),
        ];
        for (pieces, shed) in cases {
            let mut printed = PrintedCell {
                text: join_text(&pieces),
                markers: markers_of(&pieces),
                kept_pieces: pieces.clone(),
                is_header_cell: false,
                bold: false,
                row: 0,
                column: 0,
                line: Some(3),
                origin: 0,
            };
            printed.shed_plain_pieces();
            assert_eq!(printed.kept_pieces.is_empty(), shed, "{pieces:?}");
            assert_eq!(notes_in(&printed.pieces(), Some(3)), notes_in(&pieces, Some(3)), "{pieces:?}");
            assert_eq!(join_text(&printed.pieces()), join_text(&pieces));
        }
    }

    fn cell(text: &str, colspan: usize, rowspan: usize) -> RawCell {
        RawCell {
            pieces: vec![Piece::Text(text.to_string())],
            is_header_cell: false,
            bold: false,
            colspan,
            rowspan: RowSpan::Rows(rowspan),
            start_column: None,
            line: None,
            origin: 0,
        }
    }

    fn row(group: usize, cells: Vec<RawCell>) -> RawRow {
        RawRow { section: Section::Body, group, line: None, cells }
    }

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        (0..grid.rows.len())
            .map(|r| (0..grid.width).map(|c| grid.text_at(r, c).to_string()).collect())
            .collect()
    }

    #[test]
    fn named_columns_leave_the_skipped_slots_empty() {
        // CALS: an entry that names col3 after one in col1 leaves col2 empty.
        let mut third = cell("1.522", 1, 1);
        third.start_column = Some(2);
        let grid = lay_out(RawTable {
            rows: vec![row(0, vec![cell("Politie", 1, 1), third]), row(0, vec![cell("Totaal", 1, 1)])],
            declared_width: Some(3),
        });
        assert_eq!(grid.width, 3);
        assert_eq!(texts(&grid), [["Politie", "", "1.522"], ["Totaal", "", ""]]);
        assert_eq!(grid.rows[0].slots[1], Slot::Padded);
        let kinds: Vec<WarningKind> = grid.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(kinds, [WarningKind::RaggedRow], "only the short second row is warned about");
    }

    #[test]
    fn a_declared_width_keeps_empty_last_columns_and_refuses_cells_past_it() {
        let mut past = cell("99", 1, 1);
        past.start_column = Some(4);
        let grid = lay_out(RawTable {
            rows: vec![row(0, vec![cell("a", 1, 1), cell("b", 3, 1)]), row(0, vec![cell("c", 1, 1), past])],
            declared_width: Some(3),
        });
        assert_eq!(grid.width, 3);
        assert_eq!(texts(&grid), [["a", "b", "b"], ["c", "", ""]]);
        let messages: Vec<&str> = grid.warnings.iter().map(|w| w.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("\"99\"") && m.contains("declares")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("span of 3 columns from \"b\"")), "{messages:?}");
    }

    #[test]
    fn rowspans_stop_at_their_group() {
        let grid = lay_out(RawTable {
            rows: vec![
                row(0, vec![cell("a", 1, 9), cell("1", 1, 1)]),
                row(0, vec![cell("2", 1, 1)]),
                row(1, vec![cell("b", 1, 1), cell("3", 1, 1)]),
            ],
            declared_width: None,
        });
        assert_eq!(texts(&grid), [["a", "1"], ["a", "2"], ["b", "3"]]);
        assert_eq!(grid.warnings.len(), 1);
        assert!(grid.warnings[0].message.contains("runs past the end of its row group"));
    }

    #[test]
    fn breaks_and_markers_read_as_spaces() {
        let pieces = vec![
            Piece::Text("a".into()),
            Piece::Break,
            Piece::Text("b".into()),
            Piece::Marker("1,2".into()),
            Piece::Text("c ".into()),
        ];
        assert_eq!(join_text(&pieces), "a b c");
        assert_eq!(markers_of(&pieces), ["1", "2"]);
    }

    #[test]
    fn joined_text_is_the_collapsed_join() {
        let text = |t: &str| Piece::Text(t.to_string());
        let cases = [
            vec![text("a"), text("b")],
            vec![text(" a "), text(" b")],
            vec![text("a"), Piece::Break, text("b"), Piece::Marker("1".into()), text("c ")],
            vec![Piece::Break, text("  "), text("\u{a0}x\ty\n"), text(""), text("z")],
            vec![text("a "), text("  "), text("b")],
            vec![],
        ];
        for pieces in cases {
            let mut joined = String::new();
            for piece in &pieces {
                match piece {
                    Piece::Text(t) => joined.push_str(t),
                    _ => joined.push(' '),
                }
            }
            assert_eq!(join_text(&pieces), crate::normalize::collapse_whitespace(&joined), "{pieces:?}");
        }
    }
}
