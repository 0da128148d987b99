//! Where a pipe table's body cells stand (step 3 of [`super::pipe`], after the header rows'
//! width): sites drop a row's empty code cell and pad the row at its end, push every empty cell
//! of a row to its end, or print a bullet item in the first cell under a cell that spanned
//! several rows. Each habit is recognised from what the body's columns hold; a row is moved
//! where the print decides its columns, and left short (placed by rule and flagged by the
//! reader) where it does not. Rows are `(line, is_header_row, cells)`, as in
//! [`super::pipe_header`].

use crate::interpret::vocabulary::{is_code, is_code_column_header, is_figure};

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
            cells.first().is_some_and(|cell| is_code(cell)) || opens_with_text_and_lost_code(cells)
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
