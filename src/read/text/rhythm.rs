//! Fixed-width reading: a table whose every cell survived as a paragraph (empty ones as
//! whitespace) is a sequence of cells that cuts into rows of one width, and the right width is the
//! one under which every column is coherent.
//!
//! This is the candidate-layout idea of ExtracTable and the column-coherence idea of Pytheas,
//! applied to flattened text: the usual reader finds rows by their labels (a text paragraph starts
//! a row), which fails when a data column holds text (a "bron" column citing "Tabel 4.6.1", an
//! "Artikelnr." column with "Div"), or a placeholder that reads like a label. Cutting by width
//! does not care what a cell says, only that each column holds one sort of thing.
//!
//! The steps, in this order:
//! 1. The region's cells after the caption are expanded into slots: a whitespace paragraph gives
//!    one empty slot per empty cell it stands for (both space conventions are read, and the one
//!    whose cut needs fewer irregular spacer rows wins, step 4). Up to two leading texts may be title
//!    lines above the header (a heading printed again, a section name), and unit lines among or
//!    after them are passed over too; the titles become the title when the table has none.
//! 2. For each width W from 3 up, each number of title lines, and each header of k rows
//!    (k = 1..3) missing d of its top-left cells (d = 0..2), the slots after the header are cut
//!    into rows of W slots (the last one may be short when the input ends inside the table; it
//!    is then placed by rule and flagged like any short row), with at least two full rows. A
//!    run of whitespace at the start of a row, followed by a text, that falls at most two slots
//!    short of W or exceeds it is one spacer row: the whitespace between two rows can lose a
//!    cell at the row boundary. A shorter run is cells of the row (a spacer that short could
//!    swallow a cell and realign a wrong cut), and so is whitespace right after the header (its
//!    last empty cells).
//! 3. Every column must be coherent: of its non-empty cells, at least 90% are of one sort
//!    (figure-like: figures, nil, pm, n.v.t., "..."; or text), a short whole number, code or plain
//!    year ("4", "12", "2.", "2019") siding with either (a small figure, or a reference or date among
//!    texts). At least one column holds figures that are not all short numbers, or two columns or
//!    more right of the labels hold short numbers only (page numbers beside titles make a table of
//!    contents, not a table; "249 | 249 | 0" is a table of small amounts), a text column (the labels)
//!    stands among the first three, every column left of it holds only short codes or nothing (or a
//!    total's label printed across the code and name columns: "Totaal", " "), and no header cell is a
//!    figure other than a year, a date or a column number; no row of the body prints dates only
//!    ("31-12-2013", "31-12-2012": a header row). An item number ("1)", "9a)") is a code. The
//!    bottom header row names every data column (a last column of texts and codes, the notes or
//!    references, may go unnamed, and so may a column of codes right before a column of labels:
//!    the second side of a balance printed beside the first), and a header row above it names all
//!    of them or none, and not as the bottom row names them (one side's header printed again
//!    beside the other's is one row of a table twice as wide).
//! 4. The smallest width that passes wins (a multiple of the true width passes too); of the two
//!    space conventions, the one whose winning cut has fewer irregular spacer rows, then the
//!    narrower; among its
//!    cuts, the one with the fewest irregular spacer rows, then the one whose labels repeat least
//!    (labels name their rows: a cut a few cells off takes a column of "geen" for the labels),
//!    then the fewest title lines, header rows and missing header cells.
//!
//! A region of more than 20,000 cells is not read by width (each candidate cut is a pass over
//! the cells; such a region keeps the usual reading).
//!
//! Known failures: a label or header cell split over two paragraphs, a header cell printed once
//! over several columns, or a cell that vanished without a whitespace line breaks the rhythm, and
//! this reading gives nothing (the usual reader's result stands).

use super::paragraph::{Paragraph, SpaceConvention};
use super::place::LEFT_FILL_RULE;
use super::printed::is_code_like;
use crate::interpret::vocabulary::{is_date, is_period_heading, is_short_whole_number, is_year};
use crate::table::{Cell, CellFlag, Column, Placement, Row, RowKind, Table};

/// One cell of the fixed-width reading: its text (empty for an empty cell) and source line.
#[derive(Debug, Clone, PartialEq)]
pub struct RhythmSlot {
    /// The printed text, trimmed; empty for an empty cell.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
}

/// A table read by width.
#[derive(Debug, Clone, PartialEq)]
pub struct RhythmTable {
    /// Header rows, each with one slot per column (stub columns included); top-left cells that
    /// vanished are empty slots with the line of the first header cell.
    pub header: Vec<Vec<RhythmSlot>>,
    /// Body rows of `width` slots; the last may be shorter when the input ends inside the table.
    pub rows: Vec<Vec<RhythmSlot>>,
    /// How many leading columns are the stub (codes, then the labels).
    pub stub_columns: usize,
    /// Slots per row.
    pub width: usize,
    /// Texts printed above the header that are no cells of the grid (a title, a section
    /// heading), in order.
    pub titles: Vec<String>,
    /// Spacer rows whose whitespace does not add up to the width.
    irregular_spacers: usize,
}

impl RhythmTable {
    /// Puts this reading into `table`: stub columns and header, column paths (header rows top
    /// to bottom, empty parts left out), and one row per cut, a row of empty cells being a
    /// spacer. Caption, notes and lines stay as they are.
    pub fn fill(&self, table: &mut Table) {
        table.stub_columns = self.stub_columns;
        if table.title.is_none() {
            table.title =
                self.titles.iter().rev().find(|title| table.section.as_ref() != Some(*title)).cloned();
        }
        let last_header = self.header.last().cloned().unwrap_or_default();
        let stub_header: Vec<&str> = last_header[..self.stub_columns]
            .iter()
            .map(|slot| slot.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        table.stub_header = (!stub_header.is_empty()).then(|| stub_header.join(" "));
        table.columns = (self.stub_columns..self.width)
            .map(|column| Column {
                path: self
                    .header
                    .iter()
                    .map(|row| row[column].text.clone())
                    .filter(|text| !text.is_empty())
                    .collect(),
                ..Column::default()
            })
            .collect();
        table.rows = self
            .rows
            .iter()
            .map(|slots| {
                let cell = |slot: &RhythmSlot| Cell::printed(slot.text.clone(), Some(slot.line));
                let mut cells: Vec<Cell> = slots.iter().skip(self.stub_columns).map(cell).collect();
                cells.resize(self.width - self.stub_columns, Cell::empty(None));
                // The last row of a table the input cuts off: its cells after the cut are
                // unknown, so it is placed by rule and flagged like any short row.
                let placement = if slots.len() < self.width {
                    for cell in &mut cells {
                        cell.flag(CellFlag::ColumnInferred);
                    }
                    let surviving =
                        slots.iter().skip(self.stub_columns).map(|slot| slot.text.clone()).collect();
                    Placement::Inferred { rule: LEFT_FILL_RULE.to_string(), surviving }
                } else {
                    Placement::Exact
                };
                let all_empty = slots.iter().all(|slot| slot.text.is_empty());
                let mut stub: Vec<Cell> = slots.iter().take(self.stub_columns).map(cell).collect();
                stub.resize(self.stub_columns, Cell::empty(None));
                Row {
                    stub,
                    cells,
                    kind: if all_empty { RowKind::Spacer } else { RowKind::Data },
                    placement,
                    line: slots
                        .iter()
                        .find(|slot| !slot.text.is_empty())
                        .or(slots.first())
                        .map(|slot| slot.line),
                    ..Row::default()
                }
            })
            .collect();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Empty,
    FigureLike,
    /// A short whole number or a code ("4", "12", "2."): a small figure in a column of figures,
    /// a reference in a column of texts ("Toelichting", "4", "a"); it sides with either. So does
    /// a plain year ("2019"): a date in a column of texts ("Volgende evaluatie (jaartal)": "geen",
    /// "2019", "jaarlijks"), where amounts of that size print a thousands point ("2.019"), and an
    /// item number closed by a bracket ("1)", "9a)": a balance's items).
    Code,
    Text,
}

fn sort_of(paragraph_text: &str, is_value: bool) -> Sort {
    if paragraph_text.trim().is_empty() {
        Sort::Empty
    } else if is_value && (is_short_code(paragraph_text) || is_year(paragraph_text)) {
        Sort::Code
    } else if is_value {
        Sort::FigureLike
    } else if is_item_number(paragraph_text.trim()) {
        Sort::Code
    } else {
        Sort::Text
    }
}

/// An item's number closed by a bracket, as a balance numbers its items ("1)", "9a)", "15a)"):
/// one to three digits and at most one lower-case letter.
fn is_item_number(text: &str) -> bool {
    let Some(number) = text.strip_suffix(')') else { return false };
    let digits = number.trim_end_matches(|c: char| c.is_ascii_lowercase());
    number.len() - digits.len() <= 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A whole number of at most three digits, or a code of the code column ("2.", "12.01").
fn is_short_code(text: &str) -> bool {
    is_short_whole_number(text) || is_code_like(text.trim())
}

/// How many non-empty cells of a column are of each sort.
#[derive(Debug, Clone, Copy, Default)]
struct ColumnSorts {
    figures: usize,
    codes: usize,
    texts: usize,
}

impl ColumnSorts {
    fn add(&mut self, sort: Sort) {
        match sort {
            Sort::FigureLike => self.figures += 1,
            Sort::Code => self.codes += 1,
            Sort::Text => self.texts += 1,
            Sort::Empty => {}
        }
    }

    /// At least 90% of the non-empty cells are figures (codes among them) or texts (codes
    /// among them).
    fn coherent(self) -> bool {
        let filled = self.figures + self.codes + self.texts;
        filled == 0
            || (self.figures + self.codes) * 10 >= filled * 9
            || (self.texts + self.codes) * 10 >= filled * 9
    }

    /// A column of figures: more figures and codes than texts, and a figure that is no short
    /// code among them (a column of page numbers beside titles is a table of contents).
    fn holds_figures(self) -> bool {
        self.figures + self.codes > self.texts && self.figures > 0
    }

    /// A column of texts and codes only, with a text among them (notes, references).
    fn holds_labels_or_codes(self) -> bool {
        self.figures == 0 && self.texts > 0
    }

    /// A column of labels: more texts than figures and codes.
    fn holds_labels(self) -> bool {
        self.texts > self.figures + self.codes
    }
}

/// The widest table tried.
const MAX_WIDTH: usize = 32;

/// The most title lines (texts above the header that are no cells of the grid) passed over.
const MAX_LEAD: usize = 2;

/// The most cells a region may have to be read by width: every candidate cut costs a pass over
/// the cells, and a region larger than this (a hostile input, a table no page prints) keeps the
/// usual reading.
const MAX_SLOTS: usize = 20_000;

/// Reads `cells` (paragraph indices of a region, caption excluded) by width, or `None` when no
/// width makes every column coherent (steps of the module doc).
pub fn read_by_width(paragraphs: &[Paragraph], cells: &[usize], runs_to_end: bool) -> Option<RhythmTable> {
    // Both conventions are read; the one whose cut needs fewer irregular spacer rows wins (a
    // whitespace line read under the wrong convention stands for too many or too few cells, and
    // the cut only realigns at a spacer), then the narrower, then one empty cell a space.
    let mut best: Option<RhythmTable> = None;
    for convention in [SpaceConvention::OnePerCell, SpaceConvention::TwoMinusOne] {
        let mut slots: Vec<(RhythmSlot, Sort)> = Vec::new();
        for &index in cells {
            let paragraph = &paragraphs[index];
            if paragraph.is_whitespace() {
                for _ in 0..paragraph.empty_cells(convention).max(1) {
                    slots.push((RhythmSlot { text: String::new(), line: paragraph.line }, Sort::Empty));
                }
            } else {
                let text = paragraph.text.trim().to_string();
                let sort = sort_of(&text, paragraph.is_value());
                slots.push((RhythmSlot { text, line: paragraph.line }, sort));
            }
        }
        if slots.len() > MAX_SLOTS {
            return None;
        }
        if let Some(table) = best_width(&slots, runs_to_end)
            && best.as_ref().is_none_or(|best: &RhythmTable| {
                (table.irregular_spacers, table.width) < (best.irregular_spacers, best.width)
            })
        {
            best = Some(table);
        }
    }
    best
}

fn best_width(slots: &[(RhythmSlot, Sort)], runs_to_end: bool) -> Option<RhythmTable> {
    // Title lines printed above the header (a heading repeated, a section name) are no cells, nor
    // is a unit line among or after them ("(bedragen x € 1.000)").
    let mut most_lead = 0;
    let mut title_lines = 0;
    for (slot, _) in slots.iter().take_while(|(_, sort)| *sort == Sort::Text) {
        if super::printed::unit_line(&slot.text).is_none() {
            if title_lines == MAX_LEAD {
                break;
            }
            title_lines += 1;
        }
        most_lead += 1;
    }
    for width in 3..=MAX_WIDTH.min(slots.len() / 2) {
        // Of the cuts of this width that pass, the one with the fewest irregular spacer rows
        // (a spacer can swallow a cell and realign a cut that went wrong), then the one whose
        // labels repeat least (labels name their rows; a cut that went wrong by a few cells
        // takes a text column of "geen", "jaarlijks" for the labels), then the first.
        let mut best: Option<RhythmTable> = None;
        for lead in 0..=most_lead {
            let (titles, slots) = slots.split_at(lead);
            for header_rows in 1..=3 {
                for missing in 0..=2usize {
                    let Some(header_len) = (width * header_rows).checked_sub(missing) else { continue };
                    if header_len == 0 || header_len >= slots.len() {
                        continue;
                    }
                    if let Some(mut table) = try_layout(slots, width, header_len, missing, runs_to_end)
                        && best.as_ref().is_none_or(|best| table.rank() < best.rank())
                    {
                        table.titles = titles
                            .iter()
                            .filter(|(slot, _)| super::printed::unit_line(&slot.text).is_none())
                            .map(|(slot, _)| slot.text.clone())
                            .collect();
                        best = Some(table);
                    }
                }
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

impl RhythmTable {
    /// How a cut ranks among the passing cuts of one width, lower first: its irregular spacer
    /// rows, then how many of its labels repeat a label above them (totals, which every block
    /// repeats, left out), then its header rows.
    fn rank(&self) -> (usize, usize, usize) {
        let label_column = self.stub_columns.saturating_sub(1);
        let mut seen = std::collections::HashSet::new();
        let repeated = self
            .rows
            .iter()
            .filter_map(|row| row.get(label_column))
            .filter(|slot| !slot.text.is_empty() && !crate::interpret::vocabulary::is_total_label(&slot.text))
            .filter(|slot| !seen.insert(slot.text.as_str()))
            .count();
        // Then the fewer header rows: a caption and its unit line above the header are titles,
        // not a header row over it (wild page w3_02).
        (self.irregular_spacers, repeated, self.header.len())
    }
}

fn try_layout(
    slots: &[(RhythmSlot, Sort)],
    width: usize,
    header_len: usize,
    missing: usize,
    runs_to_end: bool,
) -> Option<RhythmTable> {
    let (header, body) = slots.split_at(header_len);
    // No header cell is a figure other than a year or a column number.
    if header
        .iter()
        .any(|(slot, sort)| *sort != Sort::Empty && *sort != Sort::Text && !is_header_figure(&slot.text))
    {
        return None;
    }
    (0..width.min(3)).find_map(|label_column| {
        let rows = cut_rows(body, width, label_column, runs_to_end)?;
        judge_cut(header, rows, width, missing, label_column)
    })
}

/// One row of the cut: `width` slots, or fewer for the last row of a table the input cuts off;
/// an irregular spacer row is empty.
type CutRow<'s> = Vec<&'s (RhythmSlot, Sort)>;

/// Cuts the body into rows of `width` slots, the labels standing in column `label_column`. A run
/// of empty slots at the start of a row that is followed by a text is a spacer row when it falls
/// short of the width by at most two slots or exceeds it (the whitespace lines between two rows
/// lose a cell at the row boundary), unless it is exactly the row's empty cells before its label
/// (whole spacer rows of `width` slots included) or stands right after the header (the header's
/// last empty cells). A shorter run is cells of the row: a spacer that short could swallow a
/// cell and realign a cut that went wrong.
/// At least two full rows; a short last row only when the input ends inside the table.
fn cut_rows(
    body: &[(RhythmSlot, Sort)],
    width: usize,
    label_column: usize,
    runs_to_end: bool,
) -> Option<Vec<CutRow<'_>>> {
    let mut rows: Vec<CutRow<'_>> = Vec::new();
    let mut position = 0;
    while position < body.len() {
        let run = body[position..].iter().take_while(|(_, sort)| *sort == Sort::Empty).count();
        let followed_by_text = body.get(position + run).is_none_or(|(_, sort)| *sort == Sort::Text);
        // Not right after the header: whitespace there is the header's last empty cells.
        if run + 2 >= width && followed_by_text && run % width != label_column && position > 0 {
            rows.push(Vec::new());
            position += run;
            continue;
        }
        let end = (position + width).min(body.len());
        rows.push(body[position..end].iter().collect());
        position = end;
    }
    let full = rows.iter().filter(|row| row.len() == width).count();
    let short_last = rows.last().is_some_and(|row| !row.is_empty() && row.len() < width);
    let short_inside = rows.iter().rev().skip(1).any(|row| !row.is_empty() && row.len() < width);
    (full >= 2 && !short_inside && (!short_last || runs_to_end)).then_some(rows)
}

/// The cut as a table when every column is coherent and the header names the data columns
/// (step 3 of the module doc), the labels in column `label_column`.
fn judge_cut(
    header: &[(RhythmSlot, Sort)],
    rows: Vec<CutRow<'_>>,
    width: usize,
    missing: usize,
    label_column: usize,
) -> Option<RhythmTable> {
    // Column coherence over the full rows.
    let mut sorts = vec![ColumnSorts::default(); width];
    for row in rows.iter().filter(|row| row.len() == width) {
        for (column, (_, sort)) in row.iter().enumerate() {
            sorts[column].add(*sort);
        }
    }
    if !sorts.iter().all(|counts| counts.coherent()) {
        return None;
    }
    // The label column: the first text column among the first three; left of it only codes.
    if (0..width.min(3)).find(|&c| sorts[c].holds_labels()) != Some(label_column) {
        return None;
    }
    // Figures right of the labels: a column holding a figure that is no short code, or two
    // columns or more of short numbers side by side ("249 | 249 | 0": a table of small amounts;
    // a table of contents has one column of page numbers).
    let short_number_columns =
        sorts[label_column + 1..].iter().filter(|c| c.codes > 0 && c.figures == 0 && c.texts == 0).count();
    if !sorts.iter().any(|counts| counts.holds_figures()) && short_number_columns < 2 {
        return None;
    }
    // Left of the labels only codes, but for a total's label printed across the code and name
    // columns ("Totaal", " ", figures): it stands in the code column and the name cell is empty.
    let codes_only = rows.iter().all(|row| {
        let spanning_total = |slot: &RhythmSlot| {
            crate::interpret::vocabulary::is_total_label(&slot.text)
                && row.get(label_column).is_some_and(|(name, _)| name.text.is_empty())
        };
        row.iter().take(label_column).all(|(slot, _)| {
            slot.text.is_empty()
                || is_code_like(&slot.text)
                || is_item_number(&slot.text)
                || spanning_total(slot)
        })
    });
    if !codes_only || label_column + 1 >= width {
        return None;
    }
    // A row whose filled data cells are all dates ("31-12-2013", "31-12-2012") is a header row:
    // a cut that reads one as a row of figures starts the body too early.
    let period_row = rows.iter().any(|row| {
        let filled: Vec<&str> = row
            .iter()
            .skip(label_column + 1)
            .map(|(slot, _)| slot.text.as_str())
            .filter(|text| !text.is_empty())
            .collect();
        filled.len() >= 2 && filled.iter().all(|text| is_date(text))
    });
    if period_row {
        return None;
    }
    // Every data column is named in the bottom header row (but for a last column of notes or
    // references, which may go unnamed), and a header row above it names every data column or
    // none: a header cell printed once over several columns does not cut into rows of one
    // width, and a cut that seems to fit it is a coincidence.
    let header_texts: Vec<&str> =
        std::iter::repeat_n("", missing).chain(header.iter().map(|(slot, _)| slot.text.as_str())).collect();
    let header_rows: Vec<&[&str]> = header_texts.chunks(width).collect();
    let named = |row: &[&str]| row[label_column + 1..].iter().filter(|text| !text.is_empty()).count();
    let data_columns = width - label_column - 1;
    let (bottom, above) = header_rows.split_last()?;
    let last_unnamed =
        bottom.last().is_some_and(|text| text.is_empty()) && sorts[width - 1].holds_labels_or_codes();
    // A column of codes right before a column of labels names itself, as the stub's code column
    // does: the second side of a balance printed beside the first ("2)", "Ontvangsten …").
    let unnamed_codes = (label_column + 1..width.saturating_sub(1))
        .filter(|&column| {
            let codes = rows.iter().filter_map(|row| row.get(column)).map(|(slot, _)| slot.text.as_str());
            bottom[column].is_empty()
                && sorts[column].codes > 0
                && codes
                    .filter(|text| !text.is_empty())
                    .all(|text| is_item_number(text) || is_code_like(text))
                && sorts[column + 1].holds_labels()
        })
        .count();
    let bottom_names_all = named(bottom) + unnamed_codes == data_columns
        || (last_unnamed && named(bottom) + unnamed_codes + 1 == data_columns);
    if !bottom_names_all || above.iter().any(|row| named(row) != 0 && named(row) != data_columns) {
        return None;
    }
    // A header row above the bottom one that names the data columns as the bottom row does is no
    // row above it: the header of one side printed again beside the other ("Debet", "31-12-2013",
    // "31-12-2012", "Credit", "31-12-2013", "31-12-2012"), and the table is twice as wide.
    if above.iter().any(|row| named(row) > 0 && row[label_column + 1..] == bottom[label_column + 1..]) {
        return None;
    }
    let first_line = header.first().map_or(0, |(slot, _)| slot.line);
    let mut header_slots: Vec<RhythmSlot> =
        (0..missing).map(|_| RhythmSlot { text: String::new(), line: first_line }).collect();
    header_slots.extend(header.iter().map(|(slot, _)| slot.clone()));
    // An irregular spacer row stands on the line of the last cell before it.
    let mut last_line = first_line;
    let body_rows = rows
        .iter()
        .map(|row| {
            if row.is_empty() {
                vec![RhythmSlot { text: String::new(), line: last_line }; width]
            } else {
                last_line = row.last().map_or(last_line, |(slot, _)| slot.line);
                row.iter().map(|(slot, _)| slot.clone()).collect()
            }
        })
        .collect();
    Some(RhythmTable {
        header: header_slots.chunks(width).map(<[RhythmSlot]>::to_vec).collect(),
        rows: body_rows,
        stub_columns: label_column + 1,
        width,
        titles: Vec::new(),
        irregular_spacers: rows.iter().filter(|row| row.is_empty()).count(),
    })
}

/// A figure that may head a column: a year or year range ("2019", "2019/2020"), a date
/// ("31-12-2013"), or a column number ("1", "(3)").
fn is_header_figure(text: &str) -> bool {
    let text = text.trim().trim_start_matches('(').trim_end_matches(')');
    super::printed::is_year_like(text)
        || is_period_heading(text)
        || (text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::super::paragraph::paragraphs;
    use super::*;

    fn read(text: &str) -> Option<RhythmTable> {
        let paragraphs = paragraphs(text);
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        read_by_width(&paragraphs, &cells, false)
    }

    #[test]
    fn a_balance_printed_side_by_side_is_one_row_per_printed_row() {
        // Wild page p2_06 (saldibalans EZ 2013), lines 3-51 verbatim: a section heading, the
        // caption, its unit line, then debit and credit side by side, each with an item number,
        // a name and two dates; item 3 has no credit side (a 7-space line: 4 empty cells).
        let text = "1.4.4 SALDIBALANS EZ PER 31 DECEMBER 2013\n\nSaldibalans per 31 december 2013 van het Ministerie van Economische Zaken (Hoofdstuk XIII)\n(bedragen x \u{20ac} 1.000)\n \n\nDebet\n\n31-12-2013\n\n31-12-2012\n\n \n\nCredit\n\n31-12-2013\n\n31-12-2012\n\n1)\n\nUitgaven ten laste van de begroting\n\n5.014.864\n\n4.853.752\n\n2)\n\nOntvangsten ten gunste van de begroting\n\n17.974.573\n\n12.543.580\n\n3)\n\nLiquide middelen\n\n96.711\n\n92.890\n\n       \n\n4)\n\nRekening-courant RHB\n\n13.018.044\n\n7 538 587\n\n5)\n\nBegrotingsreserve\n\n669.155\n\n451.378\n";
        let table = read(text).expect("read by width");
        assert_eq!((table.width, table.stub_columns), (8, 2));
        // The unit line is passed over and is no title.
        assert_eq!(
            table.titles,
            [
                "1.4.4 SALDIBALANS EZ PER 31 DECEMBER 2013",
                "Saldibalans per 31 december 2013 van het Ministerie van Economische Zaken (Hoofdstuk XIII)"
            ]
        );
        let header: Vec<&str> = table.header[0].iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            header,
            ["", "Debet", "31-12-2013", "31-12-2012", "", "Credit", "31-12-2013", "31-12-2012"]
        );
        let rows: Vec<Vec<&str>> =
            table.rows.iter().map(|row| row.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(
            rows,
            [
                vec![
                    "1)",
                    "Uitgaven ten laste van de begroting",
                    "5.014.864",
                    "4.853.752",
                    "2)",
                    "Ontvangsten ten gunste van de begroting",
                    "17.974.573",
                    "12.543.580"
                ],
                vec!["3)", "Liquide middelen", "96.711", "92.890", "", "", "", ""],
                vec![
                    "4)",
                    "Rekening-courant RHB",
                    "13.018.044",
                    "7 538 587",
                    "5)",
                    "Begrotingsreserve",
                    "669.155",
                    "451.378"
                ],
            ]
        );
    }

    #[test]
    fn a_text_column_after_the_figures_keeps_its_rows() {
        // Tabel 6.1 of the Miljoenennota 2023 (EMU-saldo): code, label, two years, a "bron" column.
        let text = " \n\n \n\n2021\n\n2022\n\nbron\n\n1\n\nBelasting- en premieontvangsten\n\n322.365\n\n349.179\n\nTabel 4.6.1\n\n2\n\nAf: Totale netto-uitgaven\n\n367.743\n\n388.375\n\nTabel 2.1\n";
        let table = read(text).expect("read by width");
        assert_eq!(table.width, 5);
        assert_eq!(table.stub_columns, 2);
        assert_eq!(table.header.len(), 1);
        assert_eq!(table.header[0][4].text, "bron");
        assert_eq!(table.rows.len(), 2);
        let texts: Vec<&str> = table.rows[1].iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["2", "Af: Totale netto-uitgaven", "367.743", "388.375", "Tabel 2.1"]);
    }

    #[test]
    fn placeholders_that_read_like_labels_stay_in_their_column() {
        let text = " \n\n2014\n\n2015\n\nVerplichtingen\n\n0\n\n472\n\nOnvoorzien\n\n...\n\n429\n\nLoonbijstelling\n\n...\n\n16\n";
        let table = read(text).expect("read by width");
        assert_eq!(table.width, 3);
        assert_eq!(table.rows[1][1].text, "...");
    }

    #[test]
    fn a_spacer_row_a_cell_short_and_an_unheaded_reference_column() {
        // As on a verdiepingsbijlage (2e suppletoire 2014, Deltafonds): a text column after the
        // label, references ("Toelichting", "4", "1") in an unheaded last column, and a spacer
        // row whose whitespace stands for one cell fewer than the width.
        let text = " \n\nCategorie\n\n2014\n\n2015\n\n \n\nAlpha\n\n \n\n1.200\n\n1.300\n\nToelichting\n\nBeta\n\nDesaldering\n\n600\n\n700\n\n4\n\nGamma\n\n \n\n2.000\n\n2.100\n\n \n   \n\n   \n\nDelta\n\n \n\n1.111\n\n2.222\n\n1\n";
        let table = read(text).expect("read by width");
        assert_eq!(table.width, 5);
        assert_eq!(table.stub_columns, 1);
        let rows: Vec<Vec<&str>> =
            table.rows.iter().map(|row| row.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(rows[1], ["Beta", "Desaldering", "600", "700", "4"]);
        assert_eq!(rows[3], ["", "", "", "", ""]);
        assert_eq!(rows[4], ["Delta", "", "1.111", "2.222", "1"]);
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn titles_with_page_numbers_are_no_table() {
        let text =
            " \n\n \n\nblz.\n\n1.\n\nLeeswijzer\n\n3\n\n2.\n\nHet beleid\n\n5\n\n3.\n\nDe artikelen\n\n9\n";
        assert_eq!(read(text), None);
    }

    #[test]
    fn mixed_columns_are_no_layout() {
        assert_eq!(read("a\n\n1\n\nb\n\nc\n\n2\n\n3\n\nd\n\n4\n"), None);
    }
}
