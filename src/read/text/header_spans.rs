//! How a header's top cells span its bottom row's columns, the rules [`super::header`] applies
//! once it has cut the header cells into rows: a bottom row under the one numbered top cell, a
//! full bottom row of column numbers, runs of headings repeated under titles (with titles left
//! over, or one per run), the first top cell covering what the others leave, and titles that
//! span up to a heading printed twice side by side. Each rule takes the header's texts and the
//! body's layout and returns column paths; none reads paragraphs.

use super::grid::Layout;
use super::place;
use crate::interpret::vocabulary;
use crate::table::Column;

/// A header of numbered columns with one second-row cell too many for one row: the stub's empty
/// cells, then the top row's titles, some of them numbered ("Vastgestelde begroting (1)", "Stand
/// 1e suppletoire begroting (2)", "Mutaties 2e suppletoire begroting (3)", "Stand 2e suppletoire
/// begroting (4)=(2+3)"), then titles without a number, after the stub's empty cells again or
/// not ("Mutaties Miljoenennota", "Overige mutaties 2e suppletoire begroting"): a bottom row
/// under the one top cell that shares a word
/// with each of its cells ("mutaties"), which spans them. Taken only when the titles number one
/// more than the data columns, two top cells at least print a column number and the highest
/// number is the top row's count of cells, the bottom row has two cells or more and exactly one
/// top cell shares a word with all of them.
pub(super) fn bottom_row_under_one_numbered_cell(header: &[String], layout: Layout) -> Option<Vec<Column>> {
    let numbered = |text: &str| vocabulary::column_number(text).is_some();
    let k = layout.stub_columns;
    if header.len() < k || header[..k].iter().any(|cell| !cell.is_empty()) {
        return None;
    }
    let titles = &header[k..];
    let bottom_len = titles.iter().rev().take_while(|title| !title.is_empty() && !numbered(title)).count();
    let (top, bottom) = titles.split_at(titles.len() - bottom_len);
    // The bottom row may print its own empty stub cells before its titles.
    let top = top.strip_suffix(&header[..k]).filter(|top| !top.is_empty()).unwrap_or(top);
    if top.len() + bottom.len() != layout.columns + 1 || top.iter().any(String::is_empty) {
        return None;
    }
    if bottom.len() < 2 || top.iter().filter(|title| numbered(title)).count() < 2 {
        return None;
    }
    // The top row numbers its own cells: its highest column number is its last cell's
    // ("(4)=(2+3)" over four top cells), so the unnumbered cells after it are no more top cells.
    let highest_number = top.iter().filter_map(|title| vocabulary::column_number(title)).max();
    if highest_number.map(|number| number as usize) != Some(top.len()) {
        return None;
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|word| word.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let shares_a_word = |top: &str, bottom: &str| {
        let bottom_words = words(bottom);
        words(top).iter().any(|word| bottom_words.contains(word))
    };
    let mut spanning =
        top.iter().enumerate().filter(|(_, cell)| bottom.iter().all(|b| shares_a_word(cell, b)));
    let (span, _) = spanning.next()?;
    if spanning.next().is_some() {
        return None;
    }
    let mut columns = Vec::new();
    for (at, cell) in top.iter().enumerate() {
        if at == span {
            columns.extend(
                bottom
                    .iter()
                    .map(|under| Column { path: vec![cell.clone(), under.clone()], ..Column::default() }),
            );
        } else {
            columns.push(Column { path: vec![cell.clone()], ..Column::default() });
        }
    }
    Some(columns)
}

/// See the call in [`super::header`]'s `fill_columns`: the last full row of cells is the stub header and one title
/// per data column, and every printed cell above it is a column number or formula, no more of
/// them than there are columns.
pub(super) fn numbers_over_a_full_bottom_row(
    header: &[String],
    layout: Layout,
) -> Option<(String, Vec<Column>)> {
    let (width, c) = (layout.width(), layout.columns);
    if layout.stub_columns != 1 || header.len() <= width || c < 2 {
        return None;
    }
    let (top, bottom) = header.split_at(header.len() - width);
    let numbers: Vec<&String> = top.iter().filter(|cell| !cell.is_empty()).collect();
    let full_bottom = bottom.iter().all(|cell| !cell.is_empty());
    let only_numbers = !numbers.is_empty()
        && numbers.len() <= c
        && numbers.iter().all(|cell| place::is_column_formula(cell));
    if !full_bottom || !only_numbers {
        return None;
    }
    let columns = (0..c)
        .map(|j| {
            let mut path: Vec<String> = numbers.get(j).map(|number| number.to_string()).into_iter().collect();
            path.push(bottom[1 + j].clone());
            Column { path, ..Column::default() }
        })
        .collect();
    Some((bottom[0].clone(), columns))
}

/// A bottom row that repeats one run of headings under the first top titles and stops short of
/// the last columns, whose titles span both rows, printed after the second row's own stub header
/// cell: "Realisatieprogramma hoofdwegennet (12.03.01)", "Kasbudget 2021", "Projectbudget",
/// "Openstelling", "Toelichting", then "Projectomschrijving", "huidig", "vorig" three times (wild
/// page s3_05): each of the first top titles spans one run, the titles left over head one column
/// each, and the stub header joins the stub's cells of both rows. Taken only when the run has two
/// to four distinct headings repeated twice or more, covers fewer columns than the table has, the
/// cell before it is a text of its own, and the top cells number one or more stub header cells,
/// one title a run and one a column left over.
pub(super) fn runs_then_single_columns(header: &[String], layout: Layout) -> Option<(String, Vec<Column>)> {
    let c = layout.columns;
    let k = layout.stub_columns;
    // An empty cell closing the header row is no heading.
    let header = &header[..header.iter().rposition(|cell| !cell.is_empty()).map_or(0, |last| last + 1)];
    for period in 2..=4 {
        for runs in (2..=c.saturating_sub(1) / period).rev() {
            let covered = runs * period;
            if covered >= c || header.len() < covered + 2 {
                continue;
            }
            let (before, bottom) = header.split_at(header.len() - covered);
            let Some((second_stub, above)) = before.split_last() else { continue };
            if !ends_in_runs(before, bottom, period) {
                continue;
            }
            let top: Vec<&String> = above.iter().filter(|cell| !cell.is_empty()).collect();
            let singles = c - covered;
            let Some(stub_cells) = top.len().checked_sub(runs + singles) else { continue };
            if !(1..=k).contains(&stub_cells) {
                continue;
            }
            let stub_header = top[..stub_cells]
                .iter()
                .map(|cell| cell.as_str())
                .chain(std::iter::once(second_stub.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            let titles = &top[stub_cells..];
            let columns = (0..c)
                .map(|j| {
                    let path = if j < covered {
                        vec![titles[j / period].clone(), bottom[j].clone()]
                    } else {
                        vec![titles[runs + (j - covered)].clone()]
                    };
                    Column { path, ..Column::default() }
                })
                .collect();
            return Some((stub_header, columns));
        }
    }
    None
}

/// A full bottom row that opens with its empty stub cells and repeats one run of headings
/// ("", "", Verplichtingen, Uitgaven, Ontvangsten three times), under one or more rows that each
/// print the stub's cells and one title a run ("", "", "(1)", "(2)", "(3) = (2) – (1)"; "Art.",
/// "Omschrijving", "Oorspronkelijk vastgestelde begroting", "Realisatie", "Verschil …"; wild page
/// b2_02, a departementale verantwoordingsstaat): each title spans its run, the rows' titles
/// joined top to bottom before the run's heading, and the stub's printed cells head the stub.
/// `None` for any other shape.
pub(super) fn rows_of_titles_over_runs(
    header: &[String],
    layout: Layout,
) -> Option<(Option<String>, Vec<Column>)> {
    let (k, c, width) = (layout.stub_columns, layout.columns, layout.width());
    let split = header.len().checked_sub(width)?;
    let (top, bottom) = header.split_at(split);
    let bottom_runs = &bottom[k..];
    let period =
        (2..=c / 2).find(|&period| c.is_multiple_of(period) && repeats_one_run(bottom_runs, period))?;
    let runs = c / period;
    let row = k + runs;
    if top.is_empty()
        || !bottom[..k].iter().all(String::is_empty)
        || !top.len().is_multiple_of(row)
        || !top.chunks(row).all(|cells| {
            // One title a run in each row, and no word of the stub among them ("Art.",
            // "Omschrijving" there say the rows were cut elsewhere).
            cells[k..].iter().all(|title| {
                !title.trim().is_empty()
                    && !vocabulary::heads_name_column(title)
                    && !vocabulary::is_code_column_header(title)
            })
        })
    {
        return None;
    }
    let stub: Vec<&str> = top
        .chunks(row)
        .flat_map(|cells| cells[..k].iter())
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
        .collect();
    let columns = (0..c)
        .map(|j| {
            let mut path: Vec<String> = top.chunks(row).map(|cells| cells[k + j / period].clone()).collect();
            path.push(bottom_runs[j].clone());
            Column { path, ..Column::default() }
        })
        .collect();
    Some(((!stub.is_empty()).then(|| stub.join(" ")), columns))
}

/// True when `bottom` repeats one run of `period` distinct headings, none empty, and the cell
/// before it (the last of `before`) is a text of its own, no heading of the run: the second
/// header row's stub header cell ([`runs_then_single_columns`]).
fn ends_in_runs<S: AsRef<str>>(before: &[S], bottom: &[S], period: usize) -> bool {
    let Some(second_stub) = before.last().map(AsRef::as_ref) else { return false };
    repeats_one_run(bottom, period)
        && !second_stub.is_empty()
        && !bottom[..period].iter().any(|cell| cell.as_ref() == second_stub)
}

/// True when `cells` are one run of `period` distinct headings, none empty, printed twice or
/// more ("Verplichtingen", "Uitgaven", "Ontvangsten", then the same again): the header shape
/// every run rule of this module starts from ("Bedrag" four times is no run of two).
fn repeats_one_run<S: AsRef<str>>(cells: &[S], period: usize) -> bool {
    period >= 1
        && cells.len() >= 2 * period
        && cells.len().is_multiple_of(period)
        && cells.iter().all(|cell| !cell.as_ref().is_empty())
        && (period..cells.len()).all(|j| cells[j].as_ref() == cells[j - period].as_ref())
        && (1..period).all(|j| !cells[..j].iter().any(|cell| cell.as_ref() == cells[j].as_ref()))
}

/// The least number of data columns a header of [`runs_then_single_columns`]'s shape says the
/// table has (its non-empty cells in print order): the columns the repeated runs cover, and one
/// for each top title left over after one stub header cell and one title a run. 0 when the
/// header has no such shape. The body's layout takes at least that many (one stub header cell
/// is the least a header prints; a second one would make the count one too high, so the shape
/// must leave a title over). A group row's label after the runs, the body's, is looked past.
pub(super) fn least_columns_under_runs(texts: &[&str]) -> usize {
    // Where each printed text stood, and whether an empty cell (a whitespace line) stood right
    // before it: a bottom row that opens with its empty stub cells has no stub header of its own
    // (wild page b2_02: "(1)", "(2)", "(3) = (2) – (1)", "Art.", "Omschrijving", three titles,
    // then "   " and Verplichtingen, Uitgaven, Ontvangsten three times).
    let mut after_empty: Vec<bool> = Vec::with_capacity(texts.len());
    let mut printed: Vec<&str> = Vec::with_capacity(texts.len());
    let mut empty_before = false;
    for text in texts {
        if text.trim().is_empty() {
            empty_before = true;
        } else {
            printed.push(text);
            after_empty.push(empty_before);
            empty_before = false;
        }
    }
    // The body's first rows may still stand at the end: a group row's label before the first
    // row with figures ("Projecten Nationaal").
    (0..=1)
        .map(|body| {
            let end = printed.len().saturating_sub(body);
            least_columns_ending_in_runs(&printed[..end], &after_empty[..end])
        })
        .max()
        .unwrap_or(0)
}

fn least_columns_ending_in_runs(texts: &[&str], after_empty: &[bool]) -> usize {
    for period in 2..=4 {
        for runs in (2..=texts.len() / period).rev() {
            let covered = runs * period;
            let Some(split) = texts.len().checked_sub(covered) else { continue };
            let (before, bottom) = texts.split_at(split);
            if before.len() < 2 || after_empty[split] || !ends_in_runs(before, bottom, period) {
                continue;
            }
            let top = before.len() - 1;
            if let Some(singles) = top.checked_sub(runs + 1).filter(|&singles| singles >= 1) {
                return covered + singles;
            }
        }
    }
    0
}

/// Column paths from top cells spanning a bottom row (rule 2 of the module doc). Up to `k` top
/// cells are stub header cells (all of them when there are no more than `k`, else the first
/// `k`); the first remaining top cell covers the columns the others leave over.
pub(super) fn spanned_columns(
    mut top: Vec<String>,
    bottom: Vec<String>,
    layout: Layout,
) -> (Option<String>, Vec<Column>) {
    let c = layout.columns;
    let k = layout.stub_columns;
    let stub_header;
    if let Some(runs) = runs_for_the_last_top_cells(&top, &bottom, layout) {
        // The bottom row repeats one run of headings, and the top cells after the stub's headers
        // are as many as the runs: each spans one run, whatever the stub's width (an indent
        // column beside the code and name columns prints no header: "Art.", "Omschrijving",
        // "Vastgestelde begroting", "Mutaties 1e suppletoire begroting" over Verplichtingen,
        // Uitgaven, Ontvangsten twice; wild page r4_03).
        let titles = top.split_off(top.len() - runs);
        let stub_header = top.last().cloned();
        let period = c / runs;
        let columns = (0..c)
            .map(|j| Column {
                path: vec![titles[j / period].clone(), bottom[j].clone()],
                ..Column::default()
            })
            .collect();
        return (stub_header, columns);
    }
    if top.iter().filter(|cell| !cell.is_empty()).count() <= k {
        // Only stub header cells above the bottom row ("Onderdeel" over code and name).
        stub_header = top.iter().rev().find(|cell| !cell.is_empty()).cloned();
        top.clear();
    } else {
        stub_header = top.get(k - 1).cloned().filter(|cell| !cell.is_empty());
        top.drain(..k);
    }
    top.truncate(c);
    // A bottom row that repeats one run of headings once per top cell ("Verplichtingen",
    // "Uitgaven", "Ontvangsten" under each of three titles): every top cell spans one run.
    let period = (top.len() >= 2 && c.is_multiple_of(top.len())).then(|| c / top.len());
    let repeats_per_top = period.is_some_and(|period| {
        period >= 2
            && bottom.len() == c
            && (period..c).all(|j| !bottom[j].is_empty() && bottom[j] == bottom[j - period])
    });
    let spans: Vec<usize> = match period {
        Some(period) if repeats_per_top => vec![period; top.len()],
        _ => (0..top.len()).map(|j| if j == 0 { c + 1 - top.len() } else { 1 }).collect(),
    };
    let mut top_of_column: Vec<String> = Vec::new();
    for (cell, span) in top.iter().zip(&spans) {
        top_of_column.extend(std::iter::repeat_n(cell.clone(), *span));
    }
    let offset = c.saturating_sub(bottom.len());
    let columns = (0..c)
        .map(|j| {
            let mut path = Vec::new();
            if let Some(top) = top_of_column.get(j) {
                path.push(top.clone());
            }
            if let Some(bottom) = j.checked_sub(offset).and_then(|b| bottom.get(b)) {
                path.push(bottom.clone());
            }
            Column { path, ..Column::default() }
        })
        .collect();
    (stub_header, columns)
}

/// How many runs the bottom row repeats, when the top cells end in one title per run after one
/// stub header cell or more, but fewer than the stub's width (the stub's other columns print no
/// header); `None` otherwise, or when the stub's width already gives the titles their runs.
fn runs_for_the_last_top_cells(top: &[String], bottom: &[String], layout: Layout) -> Option<usize> {
    let c = layout.columns;
    let k = layout.stub_columns;
    if bottom.len() != c || top.iter().any(String::is_empty) {
        return None;
    }
    // The shortest run of distinct headings the row repeats.
    let period = (2..c).find(|&period| repeats_one_run(bottom, period))?;
    let runs = c / period;
    let stub_cells = top.len().checked_sub(runs)?;
    // Taken only where the stub's width does not already fit (k stub header cells, then one
    // title a run), and every run's title differs from the others.
    let titles = &top[stub_cells..];
    let distinct = titles.iter().enumerate().all(|(i, title)| !titles[..i].contains(title));
    (stub_cells >= 1 && stub_cells < k && runs >= 2 && distinct).then_some(runs)
}

/// Rule 3 of the module doc: two-level headers whose bottom row repeats a heading side by side
/// get their top titles re-spanned by [`spans_between_repeated_bottoms`], whichever rule placed
/// them (a full-rows reading puts the titles over the last columns when whitespace before them
/// counted as empty cells: "Realisatie" over 2012 alone).
pub(super) fn titles_span_to_repeated_headings(columns: &mut [Column]) {
    if columns.iter().any(|column| column.path.len() > 2) {
        return;
    }
    let bottom: Vec<String> =
        columns.iter().map(|column| column.path.last().cloned().unwrap_or_default()).collect();
    let top: Vec<String> = columns
        .iter()
        .map(|column| if column.path.len() == 2 { column.path[0].clone() } else { String::new() })
        .collect();
    let Some((titles, spans)) = spans_between_repeated_bottoms(&top, &bottom, columns.len()) else { return };
    let mut column = 0;
    for (title, span) in titles.iter().zip(spans) {
        for _ in 0..span {
            columns[column].path = vec![title.clone(), bottom[column].clone()];
            column += 1;
        }
    }
}

/// Where a bottom row prints the same heading twice side by side ("… 2011 | 2012 | 2012" under
/// "Realisatie" and "Raming"), the repeat is where one top cell's columns end and the next one's
/// begin: a year is realised and estimated, never realised twice. With one more top title than
/// such repeats, each title spans the columns up to its repeat ("Realisatie" over 2008–2012,
/// "Raming" over the second 2012). Returns the titles and their spans; `None` when the bottom
/// row does not cover every column or the counts differ.
fn spans_between_repeated_bottoms(
    top: &[String],
    bottom: &[String],
    columns: usize,
) -> Option<(Vec<String>, Vec<usize>)> {
    if bottom.len() != columns || columns < 2 {
        return None;
    }
    let repeats: Vec<usize> =
        (1..columns).filter(|&j| !bottom[j].is_empty() && bottom[j] == bottom[j - 1]).collect();
    let titles: Vec<String> = top.iter().filter(|cell| !cell.is_empty()).cloned().collect();
    if repeats.is_empty() || titles.len() != repeats.len() + 1 {
        return None;
    }
    let mut spans = Vec::with_capacity(titles.len());
    let mut start = 0;
    for &end in &repeats {
        spans.push(end - start);
        start = end;
    }
    spans.push(columns - start);
    Some((titles, spans))
}
