//! Which [`Layout`] explains a table body best: every candidate layout is fitted to the raw rows
//! ([`super::grid`] does the fitting) and scored, and the best score wins.
//!
//! The score ([`choose_layout`], [`Score`]) prefers, in this order of weight: exact rows with
//! figures; no short rows, no rows split off surplus figures (surplus empty cells split off say
//! nothing); a first stub cell that reads as a code when there are two or more stub columns (and
//! at least one row printing one); few dropped empty cells; no code that cannot be a figure ("2.", "12.01": the number parser reads it as
//! text) in a data column (it is the next row's code, printed before its label, which a layout
//! with a code stub column carries). A row the input cuts off is left out.
//!
//! Where no whitespace line of the body stands before a value of its row (empty cells vanish
//! without a trace; whitespace after a row's last value is the source's indentation), a short row
//! with figures is the page's habit: it counts a little for the layout instead of against it. So
//! the width is the one the fullest rows print rather than the one most rows happen to fill (a
//! column empty in many rows no longer makes the table a column narrower and the fullest rows
//! split in two).
//!
//! Cost: a body start can have well over a hundred candidate layouts, so the search is kept
//! cheap without changing its answer. What does not depend on the layout (texts, joined names,
//! whitespace expanded under each convention) is prepared once per body; a candidate is scored
//! row by row as it is fitted, over reused buffers, and nothing is kept; the likely winner is
//! scored first, and any other candidate is given up as soon as its points so far plus the most
//! its remaining rows could add cannot beat the best (a tie goes to the earlier candidate in the
//! documented order, so a candidate that can at most tie a later one still runs); and column
//! counts beyond the widest row + 1 are not tried, since every row fits them alike.
//!

use super::grid::{
    Fit, FitBuffers, FittedView, Layout, PreparedRow, PreparedRows, RawRow, RowSink, Slot, code_like,
    convention_index, fit_prepared, stub_code_like,
};
use super::paragraph::{Paragraph, SpaceConvention};
use super::printed;
use crate::normalize::number::parse_dutch_number;

/// How well a layout explains the rows, summed row by row as they are fitted: exact rows with
/// figures count most (a code carried from the row above costs nothing: that is how code
/// columns print); rows that dropped surplus empty cells count less; short rows, rows without
/// label split off surplus figures, labels left alone and first stub cells that are no code
/// count against it.
#[derive(Debug, Default)]
struct Score {
    /// The sum of the rows' points so far.
    points: i64,
    /// True once any row was fitted.
    any_row: bool,
    /// True once a row other than a note printed a code in its first stub cell.
    code_in_first_stub: bool,
    /// Labelled rows that took two or more leading empty stub cells from a whitespace line
    /// printed before their label: indents, which stub columns without codes explain.
    indented_labels: usize,
}

impl Score {
    fn add(&mut self, row: &FittedView<'_, '_>, habits: BodyHabits) {
        self.any_row = true;
        if row.marks.note {
            return;
        }
        let first = &row.stub[0].text;
        let first_is_code = stub_code_like(first);
        self.code_in_first_stub |= first_is_code;
        if let [leading @ .., label] = row.stub
            && row.marks.indent_cells >= 2
            && leading.iter().all(Slot::is_empty)
            && !label.is_empty()
        {
            self.indented_labels += 1;
        }
        self.points += row_points(row, first_is_code, habits);
    }

    /// The layout's score. Two or more stub columns need at least one row that prints a code in
    /// the first one, or [`INDENTED_ROWS`] rows indented by a whitespace line of two or more
    /// empty stub cells before their label (a stub of levels printed as indents: wild pages
    /// s2_08, s4_05; one such line alone is as likely a spacer, g1_07), or a header that opens
    /// with exactly that many empty stub cells (`header_stub_cells`: a code column whose rows
    /// never print their empty code cell, wild page a6_02).
    fn total(&self, stub_columns: usize, header_stub_cells: Option<usize>) -> i64 {
        let indented = self.indented_labels >= INDENTED_ROWS;
        let declared = header_stub_cells == Some(stub_columns);
        if self.any_row && stub_columns >= 2 && !self.code_in_first_stub && !indented && !declared {
            return i64::MIN / 2;
        }
        self.points
    }
}

/// How many indented rows let stub columns without a code explain a table ([`Score::total`]).
const INDENTED_ROWS: usize = 3;

/// The most points a row can score: an exact row with figures, and 5 more for its carried code
/// in a table that opens with one.
fn most_row_points(starts_with_code: bool) -> i64 {
    if starts_with_code { 35 } else { 30 }
}

/// What a body's print shows of its habits, the same for every candidate layout.
#[derive(Debug, Clone, Copy)]
struct BodyHabits {
    /// The body opens with a code before its first label.
    starts_with_code: bool,
    /// No whitespace line of the body stands before a value of its row: an empty cell vanishes
    /// without a trace, so a row with fewer figures than columns is the page's habit
    /// rather than a sign of a wrong width.
    empty_cells_vanish: bool,
}

/// A candidate layout being scored, given up as soon as it can no longer beat the best so far.
struct Candidate<'b> {
    score: Score,
    habits: BodyHabits,
    /// For each raw row, the most the rows from it to the end can add: [`most_row_points`] for
    /// every raw row that is not a note, plus one point for each spacer row it can make (its
    /// surplus rows otherwise only cost points).
    most_from: &'b [i64],
    /// The best score so far, which the candidate must beat.
    to_beat: Option<BestSoFar>,
    /// The candidate's place in the order ties are settled by.
    order: usize,
    /// True when the fit stopped early.
    given_up: bool,
    /// How many raw rows are scored: all but a last row the input cuts off.
    scored_rows: usize,
}

/// The best candidate so far: its score and its place in the order ties are settled by.
#[derive(Debug, Clone, Copy)]
struct BestSoFar {
    points: i64,
    order: usize,
}

impl BestSoFar {
    /// True when a candidate scoring `points` at place `order` beats this one: more points, or as
    /// many and earlier in the order.
    fn beaten_by(self, points: i64, order: usize) -> bool {
        points > self.points || (points == self.points && order < self.order)
    }
}

impl<'a> RowSink<'a> for Candidate<'_> {
    fn take(&mut self, row: FittedView<'_, 'a>) {
        self.score.add(&row, self.habits);
    }

    fn wants_row(&mut self, row_index: usize) -> bool {
        if row_index >= self.scored_rows {
            return false;
        }
        let most = self.score.points + self.most_from[row_index];
        let can_win = self.to_beat.is_none_or(|best| best.beaten_by(most, self.order));
        self.given_up |= !can_win;
        can_win
    }
}

/// The points of one row that is not a note (see [`Score`]); `first_is_code` tells whether its
/// first stub cell reads as a code.
fn row_points(row: &FittedView<'_, '_>, first_is_code: bool, habits: BodyHabits) -> i64 {
    let marks = row.marks;
    // Surplus figures split off into a row without label speak against the layout; surplus
    // empty cells (a whitespace line wider than what is left of its row) say nothing.
    if marks.split_off {
        return if row.data.iter().any(|slot| !slot.is_empty()) { -25 } else { 0 };
    }
    if marks.alone {
        return -5;
    }
    // With two or more stub columns, the first stub cell should read as a code.
    let first_is_empty = row.stub[0].is_empty();
    let more_texts = row.stub[1..].iter().any(|slot| !slot.is_empty());
    if row.stub.len() >= 2 && !first_is_empty && more_texts && !first_is_code {
        return -10;
    }
    // A short whole number alone in the last column, after a label ("Beleidsartikelen", nine
    // empty cells, "1"), is the next row's code printed at the end of this one, not a figure:
    // a layout that makes a column of it explains nothing more than one without.
    let only_a_code_in_last = matches!(row.data.iter().rposition(|s| !s.is_empty()), Some(last)
        if last + 1 == row.data.len()
            && last > 0
            && row.data[..last].iter().all(Slot::is_empty)
            && printed::is_code_like(&row.data[last].text)
            && row.data[last].text.len() <= 2);
    let has_figure = row.data.iter().any(|s| !s.is_empty()) && !only_a_code_in_last;
    match marks.fit {
        Fit::Exact if !has_figure => 1,
        Fit::Exact => {
            let label_less = row.stub.iter().all(Slot::is_empty);
            let mut points = 30;
            if marks.dropped_empty_cells {
                points -= 12;
            }
            // A dash read as the label's list dash is a little less sure than a printed cell: a
            // layout with one more column that holds it as a nil figure wins a tie.
            if marks.list_dash {
                points -= 2;
            }
            if label_less {
                points -= 10;
            }
            // A code that cannot be a figure ("2.", "12.01") in a data column is the next
            // row's code, printed before its label, that the layout failed to carry.
            if row.data.iter().any(|slot| is_code_not_figure(&slot.text)) {
                points -= 15;
            }
            // A table that opens with a code prints every code before its label: a layout that
            // carries them explains it better than one with an extra column.
            if habits.starts_with_code && marks.carried_code && first_is_code {
                points += 5;
            }
            points
        }
        // Where empty cells vanish, a short row with figures is still a row of the table (its
        // figures are placed and flagged later); it only counts less than an exact one, and more
        // than a row's surplus figures split off into a label-less row of their own.
        Fit::Short if habits.empty_cells_vanish && has_figure => 5,
        Fit::Short => -20,
    }
}

/// True when a whitespace line of the row stands before one of its values: an empty cell
/// printed in its place (between figures, or after a label). Whitespace after the row's last
/// value only (the indentation of a source before the next row) does not show that empty cells
/// survive.
fn whitespace_before_a_value(paragraphs: &[Paragraph], row: &[usize]) -> bool {
    let Some(last_value) = row.iter().rposition(|&i| paragraphs[i].is_value()) else { return false };
    row[..last_value].iter().any(|&i| paragraphs[i].is_whitespace())
}

/// A code that cannot be a figure: code-like ("2.", "12.01", "17.03.01", "A.") and read by the
/// number parser as text (its groups after a dot are not thousands groups, or it has letters).
fn is_code_not_figure(text: &str) -> bool {
    code_like(text) && parse_dutch_number(text).value.is_none()
}

/// Chooses the layout that best explains the body rows (see [`Score`]). Candidates: 1 to 3 stub
/// columns, the data column counts of `columns` (from the columns the header numbers, or 1, to the
/// longest run of figures), both whitespace conventions (2N−1 only when no whitespace line of the
/// body, nor of the header above it (`even_space_line_above`), has an even length). When the input
/// ends in the table (`last_row_may_be_cut`), its last raw row is left out of the score. When the
/// body opens with a code before its first label (`starts_with_code`), rows whose code was carried
/// from the row above score a little more. Ties go to fewer stub columns, then to 2N−1 (only tried
/// when every space-only line has an odd length), then to fewer data columns.
///
/// The rows are prepared once for all candidates, and a candidate is scored as its rows are
/// fitted, without keeping them. Column counts beyond one more than the widest row's cells are not
/// tried: every row fits them exactly as it fits that one, so they only tie with it.
pub fn choose_layout(
    paragraphs: &[Paragraph],
    rows: &[RawRow<'_>],
    columns: std::ops::RangeInclusive<usize>,
    last_row_may_be_cut: bool,
    starts_with_code: bool,
    even_space_line_above: bool,
    header_corner: Option<usize>,
) -> Option<(Layout, i64)> {
    // A row cut off by the end of the input says nothing about the layout.
    // With nothing else to judge by, the caller falls back on the header.
    // It is still fitted as the row after the one before it (whose surplus code it takes), but
    // neither scored nor fitted itself.
    let all_rows = rows;
    let rows = match (last_row_may_be_cut, rows.len()) {
        (true, 0 | 1) => return None,
        (true, n) => &rows[..n - 1],
        (false, _) => rows,
    };
    let even_space_line = even_space_line_above
        || rows.iter().flat_map(|row| row.paragraphs.iter()).any(|&i| is_even_space_line(&paragraphs[i]));
    let conventions: &[SpaceConvention] = if even_space_line {
        &[SpaceConvention::OnePerCell]
    } else {
        &[SpaceConvention::TwoMinusOne, SpaceConvention::OnePerCell]
    };
    let habits = BodyHabits {
        starts_with_code,
        empty_cells_vanish: !rows.iter().any(|row| whitespace_before_a_value(paragraphs, row.paragraphs)),
    };
    let prepared = PreparedRows::new(paragraphs, all_rows);
    let scored_rows = rows.len();
    // Every candidate, in the order ties are settled by: fewer stub columns, 2N−1 before N,
    // fewer columns.
    let mut candidates: Vec<Layout> = Vec::new();
    for stub_columns in 1..=3 {
        for &convention in conventions {
            let widest = prepared.rows[..scored_rows].iter().map(|row| row.cell_count(convention)).max();
            let most_columns = (*columns.end()).max(1).min(widest.unwrap_or(0) + 1);
            let fewest_columns = (*columns.start()).clamp(1, most_columns);
            candidates.extend((fewest_columns..=most_columns).map(|columns| Layout {
                stub_columns,
                columns,
                convention,
            }));
        }
    }
    let most_from = [SpaceConvention::OnePerCell, SpaceConvention::TwoMinusOne]
        .map(|convention| most_points_from(&prepared.rows[..scored_rows], convention, starts_with_code));
    // The likely winner is scored first, so that the others can be given up early; the order
    // still settles ties.
    let first = likely_layout(&prepared, scored_rows, conventions[0])
        .and_then(|likely| candidates.iter().position(|&layout| layout == likely));
    let mut buffers = FitBuffers::default();
    let mut best: Option<BestSoFar> = None;
    for order in first.into_iter().chain((0..candidates.len()).filter(|&order| Some(order) != first)) {
        let layout = candidates[order];
        let mut candidate = Candidate {
            score: Score::default(),
            habits,
            most_from: &most_from[convention_index(layout.convention)],
            to_beat: best,
            order,
            given_up: false,
            scored_rows,
        };
        fit_prepared(&prepared, layout, &mut buffers, &mut candidate);
        if candidate.given_up {
            continue;
        }
        let header_stub_cells = header_corner.map(|index| paragraphs[index].empty_cells(layout.convention));
        let points = candidate.score.total(layout.stub_columns, header_stub_cells);
        if best.is_none_or(|best| best.beaten_by(points, order)) {
            best = Some(BestSoFar { points, order });
        }
    }
    best.map(|best| (candidates[best.order], best.points))
}

/// A whitespace line of an even number of spaces (no non-breaking space among them): no count of
/// empty cells under the 2N−1 convention prints it, so the page writes one space per cell.
pub fn is_even_space_line(paragraph: &Paragraph) -> bool {
    paragraph.is_whitespace()
        && !paragraph.raw.contains('\u{a0}')
        && paragraph.raw.chars().filter(|c| c.is_whitespace()).count() % 2 == 0
}

/// For each raw row, the most the rows from it to the end can score under `convention`: see
/// [`Candidate::most_from`].
fn most_points_from(rows: &[PreparedRow], convention: SpaceConvention, starts_with_code: bool) -> Vec<i64> {
    let mut most_from = vec![0; rows.len() + 1];
    for (index, row) in rows.iter().enumerate().rev() {
        let most = if row.note {
            0
        } else {
            most_row_points(starts_with_code) + row.spacer_lines[convention_index(convention)] as i64
        };
        most_from[index] = most_from[index + 1] + most;
    }
    most_from
}

/// The layout most rows look like on their own: one stub column, and as many data columns as
/// rows with a figure most often have cells (the fewer on a tie). `None` without such rows.
fn likely_layout(
    prepared: &PreparedRows<'_>,
    scored_rows: usize,
    convention: SpaceConvention,
) -> Option<Layout> {
    let mut rows_by_width: Vec<usize> = Vec::new();
    for row in prepared.rows[..scored_rows].iter().filter(|row| !row.note) {
        let cells = prepared.cells(row, convention);
        if cells.iter().any(|slot| !slot.is_empty()) {
            if rows_by_width.len() <= cells.len() {
                rows_by_width.resize(cells.len() + 1, 0);
            }
            rows_by_width[cells.len()] += 1;
        }
    }
    let (columns, _) = rows_by_width.iter().enumerate().rev().max_by_key(|&(_, &count)| count)?;
    (columns > 0).then_some(Layout { stub_columns: 1, columns, convention })
}
