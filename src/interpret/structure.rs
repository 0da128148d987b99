//! From a raw grid to the shared model, the same for every format: caption rows, header rows and
//! their paths, stub columns, and the structural kind of every body row.
//!
//! Owns the decisions the markup does not state outright. Leaves number parsing and the roles
//! group / total / waarvan to normalization, and glued markers to the footnote stage; it only
//! *classifies* texts as "looks like a figure" to find headers and stubs. The rules below speak
//! HTML's words because HTML came first; each reader maps its own onto them: a header cell
//! (`<th>`), the head, body and foot row groups (`<thead>`, `<tbody>`, `<tfoot>`; CALS has the
//! same three), a marker the format sets apart (`<sup>`, CALS `noot`).
//!
//! The steps, in this order (each needs the one before):
//! 1. **Caption rows.** Leading rows holding one text that is "Tabel N …" or only a unit
//!    ("Bedragen x € 1.000") are the caption, not rows (at most two); so is a first row that
//!    prints a title of three words or more in the first column and only a unit beside it, above
//!    a row of headers ("Staat van baten en lasten | Bedragen x € 1.000").
//! 2. **Header rows.** With a `<thead>`: its rows, plus following rows that print something right
//!    of the first column and no figure, and are made only of `<th>`s or are a row of years with no
//!    label (a year row printed as `<td>`s under a `<thead>` of period names). Without one: the leading rows that
//!    print something right of the first column and either are all `<th>` or hold no figure (a year
//!    such as "2019" is not a figure here). A group row ("Ondermijning" with empty cells) prints
//!    nothing right of the first column, so it ends the header; so does a row whose one text runs
//!    from right of the first column to the end of the row (a group label after an empty code
//!    cell), unless a header row follows it (then it is a header part printed once over the parts
//!    below it). In a table that has figures, a header row prints some text over a column that
//!    holds figures (a group label in the name column, even in `<th>`s, does not; this also holds
//!    for the rows after a `<thead>`). When every row with text would qualify (a table of text;
//!    empty rows such as the row of column widths Word ends a table with do not count), only its
//!    leading all-`<th>` rows are headers, or else its first row.
//! 3. **Stub columns.** The first column is the stub. When it is a code column (every body text in
//!    it that does not span on is a code: "31", "1.1", "IIA", "B"), each next column that holds text
//!    but no figure and whose header is no year joins it, up to the first that does not (one column
//!    is always left for data): "31 | Politie | 1.000", "1.01 | Grote projecten | Uitgaven |
//!    153.978". Whatever the first column holds, a header cell over it that spans several columns
//!    makes the columns it spans stub columns, up to the first that holds a figure: the header
//!    names them as one ("Omschrijving" over "Hoofdstuk 1:" | "Het economische beeld"; an empty
//!    cell over an indent column, left empty by sub-items printed one column in and spanned by
//!    every other label).
//! 4. **Columns.** Each data column's path is its header texts top down, a part skipped when it is
//!    empty, when a rowspan repeats the part above, or when it is only a unit (which becomes the
//!    table's unit). `<sup>` markers of header cells go to the column. The stub header is the header
//!    text over the stub column(s); a stub header that is a unit is also the unit.
//! 5. **Rows.** Per body row: no text at all → `Spacer`; the same texts as a header row (or text
//!    right of the first column, no figure, a year, and all `<th>` or no label) → `Header`; one text that reads as
//!    notes (see [`super::notes`]) and either starts with a `<sup>` marker, or sits in a `<tfoot>`,
//!    or sits below the last figure of the table and spans several columns or starts with "*" →
//!    its notes go to the table, and the row is
//!    a `Footnote` row (a `<tfoot>` note row is not a row at all); a row of figures with no label
//!    whose every printed text is bold → `Total` (the print says so); otherwise `Data`.
//!
//! Span origins are given in the model's coordinates: the row index in [`Table::rows`] and the
//! column index among the data columns (or among the stub columns, for a stub cell). A covered slot
//! repeats the text of the cell that covers it, with two exceptions: a data slot covered by a stub
//! cell's colspan (a group label or a note spanning the row, `<td colspan="5">Ondermijning</td>`)
//! is empty and has no origin, since a label is not a figure of the columns it runs over; and a
//! slot covered by a cell printed in a header or caption row keeps the text but has no origin.
//!
//! Known failures: a table without `<thead>` whose first body row is text only ("Rol | Toelichting")
//! takes that row as a header; a code column whose codes are plain numbers and whose names are in a
//! column headed by a year is read as a data column.

use super::caption::{self, Caption};
use super::grid::{Grid, Piece, Section, Slot};
use super::notes;
use super::vocabulary;
use crate::error::Warning;
use crate::table::{Cell, CellFlag, Column, Row, RowKind, Table};

/// A table's structure as read from its grid (no index, section or caption element yet).
#[derive(Debug, Default)]
pub(crate) struct Structure {
    /// The table, with stub, columns, rows and notes filled.
    pub table: Table,
    /// A caption read from caption rows inside the table.
    pub caption: Caption,
    /// The grid's warnings, remapped to row indices of `table.rows` (and data column indices).
    pub warnings: Vec<Warning>,
}

/// Facts about one grid row used by several steps.
struct RowFacts {
    /// Some printed cell starting right of the first column has text.
    text_right_of_first: bool,
    /// Every printed cell with text is a `<th>` (and there is one).
    all_th: bool,
    /// Every printed cell of the row's own with text is bold (and there is one).
    all_bold: bool,
    /// Some printed cell starting right of the first column holds a figure.
    has_figure: bool,
    /// Some cell holds a year.
    has_year: bool,
    /// No slot has text.
    empty: bool,
    /// The first column's slot has no text (no label).
    no_label: bool,
    /// The one printed cell with text, when there is exactly one.
    single_text_cell: Option<usize>,
}

/// A first row that prints a title in the first column and only a unit beside it, above a row
/// of headers ("Staat van baten en lasten | Bedragen x € 1.000 | | | |", then "Omschrijving |
/// Oorspronkelijk vastgestelde begroting (1) | …", wild page c4_05, a pipe table whose header
/// line is its caption): the title and unit of the table. A title has three words or more, so a
/// stub header beside a unit ("Omschrijving | x € 1.000") stays a header.
fn title_beside_unit(grid: &Grid, all_facts: &[RowFacts]) -> Option<(String, String)> {
    let next = all_facts.get(1)?;
    if !next.text_right_of_first || next.has_figure || grid.rows.len() < 3 {
        return None;
    }
    let mut title = None;
    let mut unit = None;
    let mut last = None;
    for slot in &grid.rows.first()?.slots {
        let (Slot::Origin(cell) | Slot::Covered(cell)) = *slot else { continue };
        // A cell covers adjacent slots of a row: one look back finds its repeats.
        if last.replace(cell) == Some(cell) {
            continue;
        }
        let printed = &grid.cells[cell];
        if printed.text.is_empty() {
            continue;
        }
        if printed.column == 0 && title.is_none() {
            title = Some(printed.text.clone());
        } else if unit.is_none() {
            unit = Some(printed.text.clone());
        } else {
            return None;
        }
    }
    let title = title?;
    let unit = caption::unit_beside_title(&title, &unit?)?;
    Some((title, unit))
}

fn facts(grid: &Grid, row: usize) -> RowFacts {
    let slots = &grid.rows[row].slots;
    let mut seen: Vec<usize> = Vec::new();
    if slots.len() <= 32 {
        // A short row: a look through what was seen costs less than hashing.
        for slot in slots {
            if let Slot::Origin(n) | Slot::Covered(n) = slot
                && !seen.contains(n)
            {
                seen.push(*n);
            }
        }
    } else {
        let mut seen_set = std::collections::HashSet::new();
        for slot in slots {
            if let Slot::Origin(n) | Slot::Covered(n) = slot
                && seen_set.insert(*n)
            {
                seen.push(*n);
            }
        }
    }
    let with_text: Vec<usize> = seen.iter().copied().filter(|&n| !grid.cells[n].text.is_empty()).collect();
    let own: Vec<usize> = with_text.iter().copied().filter(|&n| grid.cells[n].row == row).collect();
    RowFacts {
        text_right_of_first: with_text.iter().any(|&n| grid.cells[n].column >= 1),
        all_th: !own.is_empty() && own.iter().all(|&n| grid.cells[n].is_header_cell),
        all_bold: !own.is_empty() && own.iter().all(|&n| grid.cells[n].bold),
        has_figure: with_text
            .iter()
            .any(|&n| grid.cells[n].column >= 1 && vocabulary::stands_for_figure(&grid.cells[n].text)),
        has_year: with_text.iter().any(|&n| vocabulary::is_year_heading(&grid.cells[n].text)),
        empty: with_text.is_empty(),
        no_label: grid.text_at(row, 0).is_empty(),
        single_text_cell: (with_text.len() == 1).then(|| with_text[0]),
    }
}

/// Rebuilds the structure of a grid (steps 1–5 of the module doc).
pub(crate) fn structure(grid: &Grid) -> Structure {
    let all_facts: Vec<RowFacts> = (0..grid.rows.len()).map(|row| facts(grid, row)).collect();
    let mut result = Structure::default();

    // Step 1: caption rows.
    let mut first_row = 0;
    if let Some((title, unit)) = title_beside_unit(grid, &all_facts) {
        result.caption.title = Some(title);
        result.caption.unit = Some(unit);
        first_row = 1;
    }
    while first_row < grid.rows.len().min(2) {
        let Some(cell) = all_facts[first_row].single_text_cell else { break };
        let text = &grid.cells[cell].text;
        if caption::tabel_number(text).is_some() {
            let read = caption::read_caption(text);
            result.caption.number = read.number;
            result.caption.title = read.title;
            result.caption.unit = result.caption.unit.take().or(read.unit);
        } else if let Some(unit) = caption::unit_only(text) {
            result.caption.unit.get_or_insert(unit);
        } else {
            break;
        }
        first_row += 1;
    }

    // Step 2: header rows.
    let header_end = header_end(grid, &all_facts, first_row);

    // Step 3: stub columns.
    let body: Vec<usize> =
        (header_end..grid.rows.len()).filter(|&r| all_facts[r].single_text_cell.is_none()).collect();
    let stub_columns = stub_columns(grid, &body, first_row..header_end);

    // Step 4: columns, stub header and unit.
    let mut unit = result.caption.unit.clone();
    // The stub header is the header over the label (last stub) column, else over any stub column.
    let header_over = |column: usize| -> Vec<usize> {
        let mut cells: Vec<usize> = Vec::new();
        for header_row in first_row..header_end {
            if let Some(n) = grid.cell_index_at(header_row, column)
                && !grid.cells[n].text.is_empty()
                && !cells.contains(&n)
            {
                cells.push(n);
            }
        }
        cells
    };
    let mut stub_parts = if stub_columns > 0 { header_over(stub_columns - 1) } else { Vec::new() };
    if stub_parts.is_empty() {
        stub_parts = (0..stub_columns).map(header_over).find(|cells| !cells.is_empty()).unwrap_or_default();
    }
    let stub_header = stub_parts.iter().map(|&n| grid.cells[n].text.as_str()).collect::<Vec<_>>().join(" ");
    if !stub_header.is_empty() {
        if let Some(found) = caption::unit_only(&stub_header) {
            unit.get_or_insert(found);
        }
        result.table.stub_header = Some(stub_header);
    }
    for column in stub_columns..grid.width {
        let mut path = Vec::new();
        let mut markers: Vec<String> = Vec::new();
        for header_row in first_row..header_end {
            let Some(cell) = grid.cell_at(header_row, column) else { continue };
            let repeats_above = header_row > first_row
                && matches!(
                    (grid.rows[header_row - 1].slots[column], grid.rows[header_row].slots[column]),
                    (Slot::Origin(a) | Slot::Covered(a), Slot::Covered(b)) if a == b
                );
            if cell.text.is_empty() || repeats_above {
                continue;
            }
            if let Some(found) = caption::unit_only(&cell.text) {
                unit.get_or_insert(found);
                continue;
            }
            path.push(cell.text.clone());
            for marker in &cell.markers {
                if !markers.contains(marker) {
                    markers.push(marker.clone());
                }
            }
        }
        result.table.columns.push(Column { path, markers, ..Column::default() });
    }
    result.table.unit = unit;
    result.table.stub_columns = stub_columns;

    // Step 5: rows.
    let last_figure_row = (header_end..grid.rows.len()).rev().find(|&r| all_facts[r].has_figure);
    let mut output_row_of: Vec<Option<usize>> = vec![None; grid.rows.len()];
    for row in header_end..grid.rows.len() {
        let facts = &all_facts[row];
        let section = grid.rows[row].section;
        let mut kind = RowKind::Data;
        if facts.empty {
            kind = RowKind::Spacer;
        } else if repeats_header(grid, row, first_row..header_end)
            || (facts.text_right_of_first
                && !facts.has_figure
                && facts.has_year
                && (facts.all_th || facts.no_label))
        {
            kind = RowKind::Header;
        } else if let Some(cell) = facts.single_text_cell {
            let pieces = &grid.cells[cell].pieces();
            let below_figures = last_figure_row.is_none_or(|last| row > last);
            let spans_columns =
                (0..grid.width).filter(|&c| grid.cell_index_at(row, c) == Some(cell)).count() > 1;
            let starred = grid.cells[cell].text.starts_with('*');
            let may_be_notes = starts_with_marker(pieces)
                || section == Section::Foot
                || (below_figures && (spans_columns || starred));
            if may_be_notes && let Some(found) = notes::notes_in(pieces, grid.cells[cell].line) {
                result.table.notes.extend(found);
                if section == Section::Foot {
                    continue;
                }
                kind = RowKind::Footnote;
            }
        }
        output_row_of[row] = Some(result.table.rows.len());
        result.table.rows.push(Row { kind, ..Row::default() });
    }
    for row in header_end..grid.rows.len() {
        let Some(index) = output_row_of[row] else { continue };
        let cell_of = |column: usize| -> Cell {
            let slot = grid.rows[row].slots[column];
            let (n, covered) = match slot {
                Slot::Origin(n) => (n, false),
                Slot::Covered(n) => (n, true),
                Slot::Padded => {
                    let mut cell = Cell::empty(None);
                    cell.flag(CellFlag::Padded);
                    return cell;
                }
            };
            let printed = &grid.cells[n];
            if covered && printed.column < stub_columns && column >= stub_columns {
                // A label (or note) spanning into the data columns is not a figure of them.
                return Cell::empty(printed.line);
            }
            let mut cell = Cell::printed(printed.text.clone(), printed.line);
            cell.markers = printed.markers.clone();
            if covered {
                let origin_row = output_row_of.get(printed.row).copied().flatten();
                let origin_column = if column < stub_columns {
                    printed.column
                } else {
                    printed.column.saturating_sub(stub_columns)
                };
                let same_part = (printed.column < stub_columns) == (column < stub_columns);
                cell.span_origin = origin_row.filter(|_| same_part).map(|r| (r, origin_column));
            }
            cell
        };
        let stub: Vec<Cell> = (0..stub_columns).map(cell_of).collect();
        let cells: Vec<Cell> = (stub_columns..grid.width).map(cell_of).collect();
        let out = &mut result.table.rows[index];
        if out.kind != RowKind::Footnote {
            for cell in &stub {
                for marker in &cell.markers {
                    if !out.markers.contains(marker) {
                        out.markers.push(marker.clone());
                    }
                }
            }
        }
        let mut stub = stub;
        for cell in &mut stub {
            cell.markers.clear();
        }
        if out.kind == RowKind::Data
            && all_facts[row].no_label
            && all_facts[row].has_figure
            && all_facts[row].all_bold
        {
            // The print marks a label-less row of figures as a total by setting it bold.
            out.kind = RowKind::Total;
        }
        out.line = stub.iter().chain(cells.iter()).find_map(|cell| cell.line).or(grid.rows[row].line);
        out.stub = stub;
        out.cells = cells;
    }

    // Warnings: grid rows to table rows, grid columns to data columns.
    for warning in &grid.warnings {
        let mut warning = warning.clone();
        let grid_row = warning.location.row_index;
        warning.location.row_index = grid_row.and_then(|r| output_row_of.get(r).copied().flatten());
        if warning.location.line.is_none() {
            warning.location.line = grid_row.and_then(|r| grid.rows.get(r)).and_then(|r| r.line);
        }
        warning.location.column_index =
            warning.location.column_index.and_then(|c| c.checked_sub(stub_columns));
        result.warnings.push(warning);
    }
    result
}

/// Where the header rows end (step 2 of the module doc): the grid row index of the first body row.
fn header_end(grid: &Grid, facts: &[RowFacts], first_row: usize) -> usize {
    let rows = grid.rows.len();
    // A header names columns of figures: in a table that has figures, a row whose texts right of
    // the first column all sit over columns without any is a body row (a group label in the name
    // column after an empty code cell, printed in `<th>`s as row headers often are). Worked out
    // only when a row gets that far.
    let figure_columns = std::cell::OnceCell::new();
    let names_figures = |r: usize| {
        let columns: &Vec<bool> = figure_columns.get_or_init(|| {
            let mut columns = vec![false; grid.width];
            for cell in &grid.cells {
                if cell.column >= 1 && cell.column < grid.width && vocabulary::stands_for_figure(&cell.text) {
                    columns[cell.column] = true;
                }
            }
            columns
        });
        !columns.contains(&true) || (1..grid.width).any(|c| columns[c] && !grid.text_at(r, c).is_empty())
    };
    let has_thead = grid.rows.get(first_row).is_some_and(|row| row.section == Section::Head);
    if has_thead {
        let mut end = first_row;
        while end < rows && grid.rows[end].section == Section::Head {
            end += 1;
        }
        while end < rows
            && facts[end].text_right_of_first
            && !facts[end].has_figure
            && (facts[end].all_th || (facts[end].no_label && facts[end].has_year))
            && names_figures(end)
        {
            end += 1;
        }
        return end;
    }
    let qualifies = |r: usize| facts[r].text_right_of_first && (facts[r].all_th || !facts[r].has_figure);
    let text_rows = (first_row..rows).filter(|&r| !facts[r].empty);
    if text_rows.clone().next().is_some() && text_rows.clone().all(qualifies) {
        // A table of text. Empty rows do not make it one of figures (Word ends every table with
        // a row of empty cells that only carry the column widths).
        let mut th_end = first_row;
        while th_end < rows && facts[th_end].all_th && facts[th_end].text_right_of_first {
            th_end += 1;
        }
        let mut end = if th_end > first_row && th_end < rows { th_end } else { first_row + 1 };
        if end >= rows {
            end = first_row;
        }
        return end;
    }
    let heads = |r: usize| qualifies(r) && names_figures(r);
    // A row whose one text runs from right of the first column to the end of the row is a label
    // over that row (a group row after an empty code cell: "| Beleidsartikelen ……") unless a
    // header row follows it: a header part printed once over several columns has their own
    // parts below it.
    let starts_body = |r: usize| lone_span_to_end(grid, &facts[r], r) && !(r + 1 < rows && heads(r + 1));
    let mut end = first_row;
    while end < rows && end - first_row < 6 && heads(end) && !starts_body(end) {
        end += 1;
    }
    end
}

/// True when a row's one text is a cell that starts right of the first column and runs over two
/// or more columns to the end of the row.
fn lone_span_to_end(grid: &Grid, facts: &RowFacts, row: usize) -> bool {
    let Some(cell) = facts.single_text_cell else { return false };
    let start = grid.cells[cell].column;
    start >= 1
        && grid.width >= start + 2
        && (start..grid.width).all(|c| grid.cell_index_at(row, c) == Some(cell))
}

/// The number of stub columns (step 3 of the module doc).
fn stub_columns(grid: &Grid, body: &[usize], header_rows: std::ops::Range<usize>) -> usize {
    if grid.width < 2 {
        return 0;
    }
    let own_text = |row: usize, column: usize| -> Option<&str> {
        // Text of a cell printed in this slot alone (not spanning into the next column).
        match grid.rows[row].slots[column] {
            Slot::Origin(n) => {
                let spans_on = grid.rows[row].slots.get(column + 1) == Some(&Slot::Covered(n));
                (!spans_on).then(|| grid.cells[n].text.as_str())
            }
            _ => None,
        }
    };
    // A header cell over the first column that spans several columns heads them all: they are
    // the stub ("Omschrijving" over a code and a name; an empty cell over an indent column and a
    // name column), up to the first that holds a figure, and one column is always left for data.
    let header_span = header_rows
        .clone()
        .filter_map(|r| {
            let slots = &grid.rows[r].slots;
            let (Slot::Origin(n) | Slot::Covered(n)) = slots[0] else { return None };
            Some(
                slots
                    .iter()
                    .take_while(|slot| matches!(slot, Slot::Origin(m) | Slot::Covered(m) if *m == n))
                    .count(),
            )
        })
        .max()
        .unwrap_or(0);
    let by_header = (0..header_span.min(grid.width - 1))
        .take_while(|&column| body.iter().all(|&r| !vocabulary::stands_for_figure(grid.text_at(r, column))))
        .count()
        .max(1);
    // A first column of codes, or one empty in every row (an article-code column whose rows
    // print no code, under an empty or &nbsp; header): the text columns after it are stub too.
    let first_is_code = {
        let texts: Vec<&str> =
            body.iter().filter_map(|&r| own_text(r, 0)).filter(|t| !t.is_empty()).collect();
        let empty_everywhere = body.iter().all(|&r| grid.text_at(r, 0).is_empty());
        (!texts.is_empty() && texts.iter().all(|t| vocabulary::is_code(t)))
            || (empty_everywhere && !body.is_empty())
    };
    if !first_is_code {
        return by_header;
    }
    let mut stubs = 1;
    for column in 1..grid.width - 1 {
        let texts: Vec<&str> =
            body.iter().filter_map(|&r| own_text(r, column)).filter(|t| !t.is_empty()).collect();
        let is_text = !texts.is_empty()
            && texts.iter().all(|t| !vocabulary::stands_for_figure(t) && !vocabulary::is_year_heading(t));
        let header_is_year =
            header_rows.clone().any(|r| vocabulary::is_year_heading(grid.text_at(r, column)));
        if is_text && !header_is_year {
            stubs += 1;
        } else {
            break;
        }
    }
    stubs.max(by_header)
}

fn repeats_header(grid: &Grid, row: usize, header_rows: std::ops::Range<usize>) -> bool {
    header_rows.into_iter().any(|header| {
        (0..grid.width).all(|c| grid.text_at(row, c) == grid.text_at(header, c))
            && (0..grid.width).any(|c| !grid.text_at(header, c).is_empty())
    })
}

fn starts_with_marker(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .find(|piece| {
            !matches!(piece, Piece::Break) && !matches!(piece, Piece::Text(t) if t.trim().is_empty())
        })
        .is_some_and(|piece| matches!(piece, Piece::Marker(_)))
}
