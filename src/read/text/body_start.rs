//! Where a flattened table's body starts and which layout (stub and data columns, whitespace
//! convention) its rows take: the candidate first rows, the header's least width (numbered
//! columns, a run of years), the layout search over each candidate, and the fall-backs when empty
//! cells vanish or the input ends right after the header. Fitting and scoring one layout belong
//! to `grid` and `layout_search`; building the table from the answer to `mod.rs`.

use std::sync::LazyLock;

use regex::Regex;

use super::grid::{self, Layout};
use super::paragraph::{self, Paragraph};
use super::region::{self, Region};
use super::{MAX_COLUMNS, layout_search, printed};

/// Where the body starts and which layout fits it, by these steps:
/// 1. Candidate first figures: the first figure of the region, and the first one that is not a
///    short number (header column numbers "1", "2" look like figures).
/// 2. For each, the first row starts at its label (the nearest text before it), or at the figure
///    itself when that is a code followed by its label; a label with header years between it and
///    the figure is a header cell and is not tried when the code reading exists.
///    The header's least width: the columns it numbers, a run of years, or a bottom row of
///    repeated runs under titles with some left over ([`super::header_spans::least_columns_under_runs`]).
/// 3. Every candidate start gets the layout that explains its rows best ([`layout_search::choose_layout`]);
///    the best score wins, ties going to the earlier candidate. Where no whitespace line stands
///    for an empty cell, a layout narrower than the widest row is widened to the header's count
///    when the two agree ([`widened_by_header`]).
/// 4. When no candidate fits a row with figures because the input ends after at most one row (a table
///    cut off right after its header), the header decides: its last row (rows being told apart
///    by single newlines) has one stub cell and one cell per data column.
///
/// Returns `None` when nothing fits: the region is then kept as an unrecovered table.
pub(super) fn choose_body_start(
    paragraphs: &[Paragraph],
    region: &Region,
    cells: &[usize],
    first_figure: usize,
) -> Option<(usize, Layout)> {
    let mut figures = vec![first_figure];
    if let Some(plain) = cells
        .iter()
        .position(|&i| region::is_figure(&paragraphs[i]) && !printed::is_code_like(paragraphs[i].text))
        && plain != first_figure
    {
        figures.push(plain);
    }
    let mut starts: Vec<(usize, bool)> = Vec::new();
    for &figure in &figures {
        let label_start = cells[..figure].iter().rposition(|&i| paragraphs[i].is_text()).unwrap_or(figure);
        let code_first = printed::is_code_like(paragraphs[cells[figure]].text)
            && cells.get(figure + 1).is_some_and(|&next| paragraphs[next].is_text());
        let years_between = cells[label_start..figure].iter().any(|&i| paragraphs[i].is_year_like());
        if !(code_first && years_between) {
            // The label's own code printed before it ("A.", "ARTIKELSGEWIJZE TOELICHTING …", "2"):
            // the row starts at the code.
            if let Some(code) = label_start.checked_sub(1)
                && label_start < figure
                && crate::interpret::vocabulary::is_code(paragraphs[cells[code]].text)
                && !paragraphs[cells[code]].is_year_like()
            {
                starts.push((code, true));
            }
            starts.push((label_start, false));
        }
        if code_first {
            starts.push((figure, true));
        }
    }
    let mut best: Option<(usize, Layout, i64)> = None;
    for &(start, starts_with_code) in &starts {
        let raw = grid::raw_rows(paragraphs, &cells[start..]);
        let header = &cells[..start];
        let header_texts: Vec<&str> = header.iter().map(|&i| paragraphs[i].text).collect();
        let fewest_columns = numbered_columns(paragraphs, header)
            .max(year_run_columns(paragraphs, header))
            .max(super::header_spans::least_columns_under_runs(&header_texts))
            .max(1);
        let max_columns = longest_value_run(paragraphs, &raw).clamp(1, MAX_COLUMNS);
        if let Some((layout, points)) = layout_search::choose_layout(
            paragraphs,
            &raw,
            fewest_columns..=max_columns,
            region.runs_to_end,
            starts_with_code,
            cells[..start].iter().any(|&i| layout_search::is_even_space_line(&paragraphs[i])),
            header_corner(paragraphs, header),
        ) && best.is_none_or(|(_, _, best_points)| points > best_points)
        {
            best = Some((start, layout, points));
        }
    }
    match best {
        // At least one row with figures must fit exactly (a row scores 30 at most).
        Some((start, layout, points)) if points >= 20 => {
            Some((start, widened_by_header(paragraphs, cells, start, layout)))
        }
        _ if region.runs_to_end => {
            let &(start, _) = starts.last()?;
            header_led_layout(paragraphs, &cells[..start]).map(|layout| (start, layout))
        }
        _ => None,
    }
}

/// The empty top-left cells over the stub columns, where a header of two rows or more opens
/// each with the same whitespace line before its titles ("   " before "Stand ontwerpbegroting
/// 2015" and again before "(1)": a code and a name column, wild page a6_02). One such line
/// alone says less: the corner of a one-row header may also hold the stub header's own cell
/// (corpus page 034).
fn header_corner(paragraphs: &[Paragraph], header: &[usize]) -> Option<usize> {
    let corners: Vec<usize> = (0..header.len().saturating_sub(1))
        .filter(|&at| paragraphs[header[at]].is_whitespace() && !paragraphs[header[at + 1]].is_whitespace())
        .collect();
    let first = *corners.first()?;
    // Each corner opens a row of two titles or more: a corner before one label is an indent
    // before a group ("   ", "Actieven", "   ", "Alleenverdiener met kinderen"; wild page s3_08).
    let row_ends = corners.iter().skip(1).copied().chain(std::iter::once(header.len()));
    let rows_of_titles = corners.iter().zip(row_ends).all(|(&corner, end)| {
        header[corner + 1..end].iter().filter(|&&index| !paragraphs[index].is_whitespace()).count() >= 2
    });
    let alike =
        corners.iter().all(|&corner| paragraphs[header[corner]].text == paragraphs[header[first]].text);
    (corners.len() >= 2 && rows_of_titles && alike).then_some(header[first])
}

/// A row is never wider than its table. Where empty cells vanish without a trace (no whitespace
/// line anywhere in the body), most rows print fewer figures than there are columns and a layout
/// narrower than the table explains more of them; then, when the header prints exactly as many
/// cells as the widest row prints figures, every header cell heads a data column (the top-left
/// cell vanished too) and the layout takes that many columns.
///
/// Known failure: a header cell split over two paragraphs counts twice.
fn widened_by_header(paragraphs: &[Paragraph], cells: &[usize], start: usize, layout: Layout) -> Layout {
    let body = &cells[start..];
    if body.iter().any(|&i| paragraphs[i].is_whitespace()) {
        return layout;
    }
    let header_cells = cells[..start]
        .iter()
        .filter(|&&i| !paragraphs[i].is_whitespace() && printed::unit_line(paragraphs[i].text).is_none())
        .count();
    let raw = grid::raw_rows(paragraphs, body);
    let widest = raw
        .iter()
        .filter(|row| !row.note)
        .map(|row| row.paragraphs.iter().filter(|&&i| paragraphs[i].is_value()).count())
        .max()
        .unwrap_or(0);
    if header_cells == widest && widest > layout.columns && widest <= MAX_COLUMNS {
        Layout { columns: widest, ..layout }
    } else {
        layout
    }
}

/// The layout a header alone gives (step 4 of [`choose_body_start`]): its last row, rows told
/// apart by single newlines, is one stub cell and one cell per data column.
///
/// A group row printed between the header and the first data row ("Baten" and a whitespace line
/// of one empty cell per data column) is left out of the header row first.
fn header_led_layout(paragraphs: &[Paragraph], header: &[usize]) -> Option<Layout> {
    use paragraph::SpaceConvention::{OnePerCell, TwoMinusOne};
    let last_row_start = header.iter().rposition(|&i| paragraphs[i].attached).unwrap_or(0);
    let mut row = &header[last_row_start..];
    let cells_of =
        |row: &[usize]| -> usize { row.iter().map(|&i| paragraphs[i].empty_cells(OnePerCell).max(1)).sum() };
    let mut convention = OnePerCell;
    while let [rest @ .., label, whitespace] = row
        && paragraphs[*label].is_text()
        && paragraphs[*whitespace].is_whitespace()
    {
        let columns = cells_of(rest).saturating_sub(1);
        let Some(matched) = [OnePerCell, TwoMinusOne]
            .into_iter()
            .find(|&c| columns > 0 && paragraphs[*whitespace].empty_cells(c) == columns)
        else {
            break;
        };
        convention = matched;
        row = rest;
    }
    let width = cells_of(row);
    (width >= 2).then(|| Layout { stub_columns: 1, columns: width - 1, convention })
}

/// How many data columns the header numbers: budget tables print "(1)", "(2)", "(3)=(1+2)" or
/// "(5 = 3+4)" under their column headings, and a header that numbers 1 to n without a gap has
/// at least n data columns. 0 when the header numbers none (or fewer than three).
fn numbered_columns(paragraphs: &[Paragraph], header: &[usize]) -> usize {
    static COLUMN_NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\((\d{1,2})\s*(?:\)|=)").expect("valid regex"));
    let mut numbered = [false; 100];
    for &index in header {
        for found in COLUMN_NUMBER.captures_iter(paragraphs[index].text) {
            if let Ok(number) = found[1].parse::<usize>() {
                numbered[number] = true;
            }
        }
    }
    let gapless = numbered[1..].iter().take_while(|&&numbered| numbered).count();
    if gapless >= 3 { gapless } else { 0 }
}

/// How many data columns a run of consecutive years in the header names: "2021", "2022", …,
/// "2025" printed one after another (nothing but whitespace between them) head one column each,
/// so the table has at least that many data columns, however few figures most rows print (empty
/// cells vanish without a trace in many flattened tables). A width no row fills is not tried
/// (one row must fit exactly, see [`choose_body_start`]). 0 for a run shorter than three.
fn year_run_columns(paragraphs: &[Paragraph], header: &[usize]) -> usize {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<i32> = None;
    for &index in header {
        let paragraph = &paragraphs[index];
        if paragraph.is_whitespace() {
            continue;
        }
        let year = crate::interpret::vocabulary::is_year(paragraph.text)
            .then(|| paragraph.text.trim().parse::<i32>().ok())
            .flatten();
        run = match (year, previous) {
            (Some(year), Some(before)) if year == before + 1 => run + 1,
            (Some(_), _) => 1,
            (None, _) => 0,
        };
        previous = year;
        longest = longest.max(run);
    }
    if longest >= 3 { longest } else { 0 }
}

/// The longest run of figure and whitespace cells in any raw row (whitespace counted one cell
/// per space), plus room for a carried code: the widest layout worth trying.
fn longest_value_run(paragraphs: &[Paragraph], rows: &[grid::RawRow<'_>]) -> usize {
    rows.iter()
        .map(|row| {
            row.paragraphs
                .iter()
                .filter(|&&i| !paragraphs[i].is_text())
                .map(|&i| paragraphs[i].empty_cells(paragraph::SpaceConvention::OnePerCell).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_consecutive_years_gives_the_least_width() {
        let width_of = |text: &str| {
            let paragraphs = paragraph::paragraphs(text);
            let all: Vec<usize> = (0..paragraphs.len()).collect();
            year_run_columns(&paragraphs, &all)
        };
        assert_eq!(width_of("2021\n\n2022\n\n2023\n\n2024\n\n2025"), 5);
        // Whitespace between the years is allowed; a text breaks the run; two years say nothing.
        assert_eq!(width_of("2021\n\n \n\n2022\n\n2023"), 3);
        assert_eq!(width_of("2021\n\n2022\n\nRealisatie\n\n2023\n\n2024"), 0);
        assert_eq!(width_of("2021\n\n2023\n\n2025"), 0);
    }
}
