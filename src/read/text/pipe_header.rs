//! Where a pipe table's header rows stand over their columns (step 3 of [`super::pipe`]): sites
//! print a header row without the stub's top-left cell, flush left, or with the code column's
//! word in the first body row; each habit is recognised from what the body's columns hold and the
//! row is moved over the columns it heads. Rows are `(line, is_header_row, cells)`.

use crate::interpret::vocabulary::{
    is_code, is_code_column_header, is_figure, is_measure_year_heading, is_period_heading, is_year_heading,
};

/// The code column's header word printed as the first cell of the first body row ("Art.nr. |
/// Verplichtingen: | – 1.957 | …" under a header row that starts with the first title): it heads
/// the codes, so it moves to the empty top-left cell of the last header row and leaves the body
/// row's code cell empty. Only called where most body rows open with a code.
pub(super) fn code_column_header_printed_in_the_body_moves_up(rows: &mut [(usize, bool, Vec<String>)]) {
    let Some(first_body) = rows.iter().position(|(_, head, _)| !head) else { return };
    let Some(last_head) = first_body.checked_sub(1) else { return };
    let word = match rows[first_body].2.first() {
        Some(cell) if is_code_column_header(cell) => cell.clone(),
        _ => return,
    };
    if rows[last_head].2.first().is_some_and(|cell| !cell.is_empty()) {
        return;
    }
    rows[first_body].2[0] = String::new();
    if let Some(cell) = rows[last_head].2.first_mut() {
        *cell = word;
    }
}

/// Header rows printed flush left, without the stub's empty cells, and padded at the end (step 3):
/// a header row whose titles fill its first cells and whose other cells are empty, with exactly
/// as many titles as the table has figure columns at its right (columns in which most body rows
/// print a figure), moves right until its titles stand over those columns ("Ontwerp begroting
/// 2018 | … | Mutatie 2022 | | |" over "10.1 | Loonbijstelling | 0 | … | 2.556 |"). Why: a title
/// heads the figures under it; left where it was printed, the first titles fall on the code and
/// label columns and every title heads the column two to the left of its own.
///
/// One title more than there are figure columns, in a table of two stub columns or more, is the
/// stub's header spanning them, then a title per figure column ("Onderdeel | Oorspronkelijk |
/// Realisatie | Verschil | |" over "I | Koning | 43.252 | 43.900 | 648 |"): the titles after the
/// first move over the figures; lines right under the separator that print one text opening in
/// lower case ("vastgestelde | ||||") continue the first of them, as header rows.
///
/// Runs after [`header_rows_without_top_left_cell_move_right`], which moves rows that lack only
/// the top-left cell. Known failure: titles that span several columns (fewer titles than figure
/// columns) are left as they are, since which columns each spans is not printed.
pub(super) fn flush_left_header_rows_move_over_the_figures(rows: &mut [(usize, bool, Vec<String>)]) {
    let width = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
    if width < 3 {
        return;
    }
    let body: Vec<&Vec<String>> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells).collect();
    let figure_column = |column: usize| holds_figures(&body, column);
    // The figure columns at the right: the first column from which every column is one.
    let mut first_figure = width;
    while first_figure > 0 && figure_column(first_figure - 1) {
        first_figure -= 1;
    }
    let figure_columns = width - first_figure;
    if first_figure == 0 || figure_columns < 2 {
        return;
    }
    let mut moved_stub_header = false;
    for (_, head, cells) in rows.iter_mut() {
        let titles = cells.iter().take_while(|cell| !cell.is_empty()).count();
        let flush_left = *head && cells.len() == width && cells[titles..].iter().all(String::is_empty);
        if flush_left && titles == figure_columns {
            cells.rotate_right(first_figure);
        } else if flush_left && titles == figure_columns + 1 && first_figure >= 2 {
            // The stub's header first, spanning the stub columns ("Onderdeel" over code and
            // name), then one title per figure column.
            cells[1..].rotate_right(first_figure - 1);
            moved_stub_header = true;
        }
    }
    // A title's next lines, printed flush left as rows of their own right under the separator
    // ("vastgestelde | ||||", "begroting | ||||" under "Oorspronkelijk"): one text that opens in
    // lower case, before any row with a figure, continues the first title over the figures.
    if moved_stub_header {
        let first_body = rows.iter().position(|(_, head, _)| !head).unwrap_or(rows.len());
        for (_, head, cells) in rows[first_body..].iter_mut() {
            // (Its text in the code or label column: a row that lost its code cell was moved.)
            let printed: Vec<usize> = (0..cells.len()).filter(|&at| !cells[at].is_empty()).collect();
            let continuation = cells.len() == width
                && matches!(printed.as_slice(), [at] if *at < first_figure
                    && cells[*at].starts_with(|c: char| c.is_lowercase()));
            if !continuation {
                break;
            }
            cells.swap(printed[0], first_figure);
            *head = true;
        }
    }
}

/// Header rows printed without their top-left cell but at the body's width, closed by an empty
/// cell (step 3): a row whose first cell is a year standing over a column in which no body row
/// prints a figure other than a code (the labels, maybe with their codes), and whose last cell is empty over a column in which some body
/// row does, moves one cell to the right: the empty cell goes to the front, over the labels.
/// Why: a year heads a column of figures, never the stub; left in place, the first year becomes
/// the stub header and every year heads the column left of its own.
///
/// Runs after the always-empty last column is dropped, so a header closed by two empty cells
/// ("2023 | … | 2028 | ||") over a body with one padding column is judged at the table's width.
/// Known failure: a header that prints a text (not a year) first in the same way is left as it
/// is, as that text may be the stub's own header.
pub(super) fn header_rows_without_top_left_cell_move_right(rows: &mut [(usize, bool, Vec<String>)]) {
    let body: Vec<&Vec<String>> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells).collect();
    let width = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
    if width < 2 {
        return;
    }
    let figure_at =
        |column: usize| body.iter().any(|cells| cells.get(column).is_some_and(|cell| is_figure(cell)));
    // The first column holds the stub: labels, and maybe codes ("1", "2"), but no other figure.
    let stub_first = opens_with_labels(&body);
    if !stub_first || !figure_at(width - 1) {
        return;
    }
    for (_, head, cells) in rows.iter_mut() {
        let shifted = *head
            && cells.len() == width
            && cells.first().is_some_and(|cell| is_year_heading(cell))
            && cells.last().is_some_and(String::is_empty);
        if shifted {
            cells.pop();
            cells.insert(0, String::new());
        }
    }
}

/// A header row one cell wider than the body's stub and figures, every cell printed, over a
/// body whose last cell is empty in every row (step 3): its first two cells head the one stub
/// column together (an article's code and name: "26 | Bijdrage investeringsfondsen |
/// StandVastgesteldeBegroting(1) | …" over "Verplichtingen | 7.795.954 | … | |", wild page
/// t4_05), so they are joined into the stub's header and the titles move one cell left, each
/// over the figures it heads; the empty last column is then padding. Why: left in place, the
/// name heads the first figures and every title the column left of its own.
///
/// Taken only when the header row's first cell is a code and its second a name (no period or
/// measure heading: "Omschrijving | 2021 | … | 2024" over a body whose 2024 column is still
/// empty is an ordinary header), the body's first column holds labels (no figure but codes) and
/// every column between it and the empty last one holds figures in most rows.
pub(super) fn two_stub_header_cells_over_one_stub_column_join(rows: &mut [(usize, bool, Vec<String>)]) {
    let width = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
    if width < 4 {
        return;
    }
    let body: Vec<&Vec<String>> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells).collect();
    if body.is_empty() {
        return;
    }
    let last_empty = body.iter().all(|cells| cells.get(width - 1).is_none_or(String::is_empty));
    let labels_first = opens_with_labels(&body);
    let figure_column = |column: usize| holds_figures(&body, column);
    if !last_empty || !labels_first || !(1..width - 1).all(figure_column) {
        return;
    }
    for (_, head, cells) in rows.iter_mut() {
        let full = *head
            && cells.len() == width
            && cells.iter().all(|cell| !cell.is_empty())
            && is_code(&cells[0])
            && !is_year_heading(&cells[1])
            && !is_measure_year_heading(&cells[1])
            && !is_period_heading(&cells[1]);
        if full {
            let name = cells.remove(1);
            cells[0] = format!("{} {name}", cells[0]);
            cells.push(String::new());
        }
    }
}

/// True when most body rows that print something in `column` print a figure there.
fn holds_figures(body: &[&Vec<String>], column: usize) -> bool {
    let printed: Vec<&String> =
        body.iter().filter_map(|cells| cells.get(column)).filter(|cell| !cell.is_empty()).collect();
    !printed.is_empty() && printed.iter().filter(|cell| is_figure(cell)).count() * 2 > printed.len()
}

/// True when the body's first column holds the stub: labels, and maybe codes ("1", "2"), but no
/// other figure.
fn opens_with_labels(body: &[&Vec<String>]) -> bool {
    body.iter().all(|cells| cells.first().is_none_or(|cell| !is_figure(cell) || is_code(cell)))
        && body.iter().any(|cells| cells.first().is_some_and(|cell| !cell.is_empty() && !is_figure(cell)))
}
