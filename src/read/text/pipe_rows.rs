//! Where a pipe table's body cells stand (step 3 of [`super::pipe`], after the header rows'
//! width): sites drop a row's empty code cell and pad the row at its end, push every empty cell
//! of a row to its end, or print a bullet item in the first cell under a cell that spanned
//! several rows. Each habit is recognised from what the body's columns hold; a row is moved
//! where the print decides its columns, and left short (placed by rule and flagged by the
//! reader) where it does not. Rows are `(line, is_header_row, cells)`, as in
//! [`super::pipe_header`].

use super::printed;
use crate::interpret::vocabulary::{self, is_code, is_code_column_header, is_figure, is_period_heading};

/// Puts back the empty code cell of body rows that lost it, and leaves short the rows of a copy
/// that pushes empty cells to a row's end (the steps below). Returns whether the table has a code
/// stub column (most body rows open with a code, or the columns say so).
pub(super) fn empty_code_cells_put_back(rows: &mut [(usize, bool, Vec<String>)], body_width: usize) -> bool {
    // A body row whose code cell vanished: where most body rows open with a code (or the code
    // column's own header word, printed in the first body row: "Art.nr. | Verplichtingen: | …"),
    // a row that opens with text and ends in an empty cell, or is one cell short, has lost its
    // empty code cell at the front ("Voorwoord | 8 | |" among "1.1. | De Nederlandse economie in
    // 2008 | 9 |").
    let body: Vec<&Vec<String>> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells).collect();
    // Every body row prints its cells as one run from its first cell, with only empty cells
    // after it (as copied, before any cell is moved below): the mark of a copy that pushes a
    // row's empty cells to its end; a row with an empty cell between printed ones shows the
    // copy keeps them in place.
    let one_run = |cells: &Vec<String>| {
        let printed = cells.iter().rposition(|cell| !cell.is_empty()).map_or(0, |last| last + 1);
        cells[..printed].iter().all(|cell| !cell.is_empty())
    };
    let every_row_one_run = body.iter().all(|cells| one_run(cells));
    let opens_with_code = body
        .iter()
        .filter(|cells| cells.first().is_some_and(|cell| is_code(cell) || is_code_column_header(cell)))
        .count();
    // Or, two or more rows open with a code, however many open with text, and the columns say the
    // same: every row that opens with a code ends in a figure, and every row that opens with text has a figure just
    // before its empty last cell ("1. | Leeswijzer | 3 |" beside "1: Wetgeving … | 5 | |"), or
    // ends in a figure one cell short, as the moving below allows ("2. Ontvangsten | 25 |"); rows
    // without figures, a header printed as the first row, say, do not count.
    let opens_with_text_and_lost_code = |cells: &&Vec<String>| {
        let figure_before_empty_last = cells.len() == body_width
            && cells.last().is_some_and(String::is_empty)
            && cells.len() >= 2
            && is_figure(&cells[cells.len() - 2]);
        let figure_last_one_short = cells.len() >= 2
            && cells.len() + 1 == body_width
            && cells.last().is_some_and(|cell| is_figure(cell));
        cells.first().is_some_and(|cell| !cell.is_empty() && !is_code(cell))
            && (figure_before_empty_last || figure_last_one_short)
    };
    let coded_end_in_figures = body
        .iter()
        .filter(|cells| cells.first().is_some_and(|cell| is_code(cell)))
        .all(|cells| cells.len() == body_width && cells.last().is_some_and(|cell| is_figure(cell)));
    let columns_agree = opens_with_code >= 2
        && coded_end_in_figures
        && body.iter().filter(|cells| cells.iter().any(|cell| is_figure(cell))).all(|cells| {
            // (The code column's own word printed in the first body row's code cell, "Art. |
            // Verplichtingen | 61.247 | …", stands where a code does: wild page b4_03.)
            cells.first().is_some_and(|cell| is_code(cell) || is_code_column_header(cell))
                || opens_with_text_and_lost_code(cells)
        });
    let code_stub = opens_with_code * 2 > body.len() || columns_agree;
    // Rows that lost their empty code cell at the front and got an empty cell at the end, all
    // as wide as the header: the copy pushed the row's empty cells to its end.
    let mut empty_cells_pushed_to_the_end = 0;
    if code_stub {
        for (_, head, cells) in rows.iter_mut() {
            let opens_with_text = cells
                .first()
                .is_some_and(|cell| !cell.is_empty() && !is_code(cell) && !is_code_column_header(cell));
            let ends_empty = cells.len() == body_width && cells.last().is_some_and(String::is_empty);
            let one_short = cells.len() + 1 == body_width;
            if !*head && opens_with_text && (ends_empty || one_short) {
                if ends_empty {
                    cells.pop();
                    empty_cells_pushed_to_the_end += 1;
                }
                cells.insert(0, String::new());
            }
        }
    }
    // A copy that pushes every row's empty cells to its end (every body row one run, above) puts
    // names where the codes stand: two or more rows open with a code and two or more with a name (wild page v4_03:
    // "2 | Curatieve zorg | Nee1 | ||||||||" under seven years and "Geheel artikel?", its
    // sub-items "Kwaliteit en veiligheid | |||||||||" in the code slot), or rows lost their code
    // cell at the front and got an empty cell at the end (moved above). Such a row that prints a
    // data cell and ends in empty cells does not say under which columns its printed cells
    // stand: its trailing empty cells are dropped, so it reads as the short row it is and is
    // placed by rule and flagged.
    let body: Vec<&Vec<String>> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells).collect();
    let open_with = |code: bool| {
        body.iter()
            .filter(|cells| cells.first().is_some_and(|cell| !cell.is_empty() && is_code(cell) == code))
            .count()
    };
    // Names after the first coded row: names above it are the header's lines printed in the body.
    let first_coded = body.iter().position(|cells| cells.first().is_some_and(|cell| is_code(cell)));
    let names_among_codes = first_coded.map_or(0, |first| {
        body[first..]
            .iter()
            .filter(|cells| cells.first().is_some_and(|cell| !cell.is_empty() && !is_code(cell)))
            .count()
    });
    let names_in_the_code_slot = open_with(true) >= 2 && names_among_codes >= 2;
    if every_row_one_run && (empty_cells_pushed_to_the_end >= 2 || names_in_the_code_slot) {
        for (_, head, cells) in rows.iter_mut() {
            // A row that opens with its code has its data after the name; a name in the code
            // slot is followed by its data. A row whose empty code cell was put back above is
            // left to the rule for rows that lost their code cell (`read_tables`).
            let Some(first) = cells.first().filter(|cell| !cell.is_empty()) else {
                continue;
            };
            let data_from = if is_code(first) { 2 } else { 1 };
            let prints_data = cells.iter().skip(data_from).any(|cell| !cell.is_empty());
            if !*head && prints_data && cells.last().is_some_and(String::is_empty) {
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
            }
        }
    }
    code_stub
}

/// A copy that pushes every row's empty cells to its end, told by a row of titles printed from
/// its first cell with its empty top-left cells at its end: the titles start over the labels,
/// which a title never heads when it is a period ("2019 | … | 2024 | |" over "Stand … | 38,3 |
/// …", wild page y4_06) or names a measure under a row of titles that already prints the stub's
/// header ("Omschrijving | 1 | 2 | 3 = (1) + (2)" over "Vastgestelde begroting | Mutaties … |
/// Totaal geraamd | |", wild page w4_05; a unit or "Nr." there is the second header row's stub
/// cell), as many empty cells as the stub has columns (one or more), the last column holding
/// more than note markers; and every other row, as copied, prints its cells as one run from its
/// first cell. Returns the rows of titles so printed, `None` where the copy is not told.
/// Asked of the rows as copied, before any cell is moved; [`titles_and_rows_pushed_to_the_end_placed`]
/// then moves them.
///
/// Rows of titles are the header rows and the body rows right under them before the first body
/// row with a figure, of two printed cells or more, no figure but periods, and no code in the
/// first cell; a table without a row of figures tells nothing.
pub(super) fn titles_printed_with_empty_cells_at_the_end(
    rows: &[(usize, bool, Vec<String>)],
    body_width: usize,
) -> Option<Vec<usize>> {
    let first_figure_row = first_figure_row(rows);
    if first_figure_row == rows.len() {
        return None;
    }
    // A last column empty in every row is padding (dropped later, step 3): rows are judged
    // without it.
    let widest = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
    let padded =
        widest >= 2 && rows.iter().all(|(_, _, cells)| cells.len() < widest || cells[widest - 1].is_empty());
    let body_width = if padded && body_width == widest { widest - 1 } else { body_width };
    let unpadded_len =
        |cells: &[String]| -> usize { if padded { cells.len().min(widest - 1) } else { cells.len() } };
    // The stub: the leading columns where most body rows that print a cell print no figure.
    let body: Vec<&[String]> =
        rows[first_figure_row..].iter().map(|(_, _, cells)| &cells[..unpadded_len(cells)]).collect();
    let stub_columns = (0..body_width)
        .take_while(|&column| {
            let printed: Vec<&String> =
                body.iter().filter_map(|cells| cells.get(column)).filter(|cell| !cell.is_empty()).collect();
            printed.iter().filter(|cell| is_plain_figure(cell)).count() * 2 <= printed.len()
        })
        .count();
    // The titles, moved, head every data column: the last one holds something a title can head,
    // not only note markers ("2023 | Begroting | Realisatie | |" over a column of "1)", "2)":
    // the last column is the notes', unheaded as printed).
    let last_column_headed = body
        .iter()
        .filter_map(|cells| cells.get(body_width.wrapping_sub(1)))
        .any(|cell| !cell.is_empty() && !printed::is_note_marker(cell));
    if stub_columns == 0 || !last_column_headed {
        return None;
    }
    let mut stub_header_printed = false;
    let mut pushed_titles: Vec<usize> = Vec::new();
    for (index, (_, head, cells)) in rows[..first_figure_row].iter().enumerate() {
        let cells = &cells[..unpadded_len(cells)];
        let printed = printed_run(cells);
        // A row opening with a code is a row of the body (a group row "A. | ABN AMRO | ||||").
        let titles = printed >= 2
            && (!is_code(&cells[0]) || is_period_heading(&cells[0]))
            && !cells.iter().any(|cell| is_plain_figure(cell));
        // The rows of titles run from the first row on: a body row after a group row ("Baten |
        // |||") is the body's.
        if !titles && !*head {
            break;
        }
        // As many empty cells at its end as the stub has columns: the titles head the data
        // columns, every one (fewer empty cells: the titles leave a last column unheaded, a
        // column of note markers).
        if titles
            && printed + stub_columns == cells.len()
            && cells.len() == body_width
            && one_run(cells)
            && (is_period_heading(&cells[0])
                || (stub_header_printed && vocabulary::names_a_measure(&cells[0])))
        {
            pushed_titles.push(index);
        }
        stub_header_printed |= cells.first().is_some_and(|cell| !cell.is_empty());
    }
    let body_one_run = rows[first_figure_row..].iter().all(|(_, _, cells)| one_run(cells));
    (!pushed_titles.is_empty() && body_one_run).then_some(pushed_titles)
}

/// In a copy told by [`titles_printed_with_empty_cells_at_the_end`]: each of its rows of titles
/// moves right by its empty cells (they are the stub's) and becomes a header row; no data row's
/// pipes say where its printed cells stand, so a row with figures that ends in empty cells is
/// left short, to be placed by rule and flagged, and, in a table without a code column, one
/// that prints figures only lost its empty label cell at the front (the label-less subtotal
/// "0,0 | … | 0,0 | ||").
/// Rows that print every cell stand where they are; a row's data starts after its name (after
/// its code and name where the table has a code column, `code_stub`).
pub(super) fn titles_and_rows_pushed_to_the_end_placed(
    rows: &mut [(usize, bool, Vec<String>)],
    pushed_titles: &[usize],
    code_stub: bool,
) {
    for &index in pushed_titles {
        let (_, head, cells) = &mut rows[index];
        let empty = cells.len() - printed_run(cells);
        cells.rotate_right(empty);
        *head = true;
    }
    let first_figure_row = first_figure_row(rows);
    for (_, head, cells) in rows[first_figure_row..].iter_mut() {
        if *head || !cells.last().is_some_and(String::is_empty) {
            continue;
        }
        if !code_stub && cells.iter().all(|cell| cell.is_empty() || is_plain_figure(cell)) {
            cells.insert(0, String::new());
        }
        let data_from = if code_stub { 2 } else { 1 };
        // A row of texts only is a group row with its code ("1 | Grondwettelijke uitkering … |
        // ||||||"), or a note: it is left as printed.
        if cells.iter().skip(data_from).any(|cell| is_figure(cell)) {
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
        }
    }
}

/// A number or percentage that is no period ("1." and "A." are codes, "2019" heads a column).
fn is_plain_figure(cell: &str) -> bool {
    vocabulary::is_plain_figure(cell) && !is_period_heading(cell)
}

/// The first body row that prints a figure (no period), or the rows' count.
fn first_figure_row(rows: &[(usize, bool, Vec<String>)]) -> usize {
    rows.iter()
        .position(|(_, head, cells)| !head && cells.iter().any(|cell| is_plain_figure(cell)))
        .unwrap_or(rows.len())
}

/// How many cells a row prints before its first empty one.
fn printed_run(cells: &[String]) -> usize {
    cells.iter().take_while(|cell| !cell.is_empty()).count()
}

/// True when a row prints its cells as one run from its first cell, only empty cells after it.
fn one_run(cells: &[String]) -> bool {
    cells[printed_run(cells)..].iter().all(String::is_empty)
}

/// A bullet item printed alone in the first cell of a row whose other cells are empty, in a
/// table whose second column holds the bullet items and whose first column none: the item is the
/// second column's, under a first cell that spanned several rows in the source and was printed
/// only on its first ("Hoofdwegen | – Verkeersmanagement … |" over "– Beheer en onderhoud … | |",
/// wild page r4_04). The columns decide it: every row that prints a name in the first cell prints
/// an item opening with a dash or bullet in the second, and no name opens so. At least two such
/// rows are needed; an item is a dash or bullet, a space and a word (a nil dash or a signed
/// figure is none).
pub(super) fn bullet_items_move_under_their_column(rows: &mut [(usize, bool, Vec<String>)]) {
    // An item: a dash or bullet, a space and a word (never a nil dash or a signed figure).
    let opens_with_bullet = |text: &str| {
        let mut chars = text.chars();
        matches!(chars.next(), Some('–' | '-' | '•' | '·' | '—'))
            && chars.next() == Some(' ')
            && chars.next().is_some_and(char::is_alphabetic)
    };
    let named: Vec<&Vec<String>> = rows
        .iter()
        .filter(|(_, head, cells)| {
            !head && cells.first().is_some_and(|cell| !cell.is_empty() && !opens_with_bullet(cell))
        })
        .map(|(_, _, cells)| cells)
        .collect();
    let items_in_second = named.len() >= 2
        && named.iter().all(|cells| cells.get(1).is_some_and(|cell| opens_with_bullet(cell)));
    if !items_in_second {
        return;
    }
    for (_, head, cells) in rows.iter_mut() {
        let lone_item = cells.first().is_some_and(|cell| opens_with_bullet(cell))
            && cells.iter().skip(1).all(String::is_empty);
        if !*head && lone_item {
            let item = std::mem::take(&mut cells[0]);
            match cells.get_mut(1) {
                Some(cell) => *cell = item,
                None => cells.push(item),
            }
        }
    }
}
