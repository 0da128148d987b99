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
//!    one empty slot per empty cell it stands for (both space conventions are tried).
//! 2. For each width W from 3 up, and each header of k rows (k = 1..3) missing d of its top-left
//!    cells (d = 0..2), the slots after the header must cut into rows of W slots (the last one
//!    may be short when the input ends inside the table), with at least two rows.
//! 3. Every column must be coherent: of its non-empty cells, at least 90% are of one sort
//!    (figure-like: figures, nil, pm, n.v.t., "..."; or text). At least one column holds figures,
//!    a text column (the labels) stands among the first three, every column left of it holds
//!    only short codes or nothing, and no header cell is a figure other than a year or a column
//!    number. The bottom header row names every data column, and a header row above it names
//!    all of them or none.
//! 4. The smallest width that passes wins (a multiple of the true width passes too), then the
//!    fewest header rows, then the fewest missing header cells.
//!
//! Known failures: a label or header cell split over two paragraphs, a header cell printed once
//! over several columns, or a cell that vanished without a whitespace line breaks the rhythm, and
//! this reading gives nothing (the usual reader's result stands).

use super::paragraph::{Paragraph, SpaceConvention};
use super::printed::is_code_like;
use crate::table::{Cell, Column, Row, RowKind, Table};

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
}

impl RhythmTable {
    /// Puts this reading into `table`: stub columns and header, column paths (header rows top
    /// to bottom, empty parts left out), and one row per cut, a row of empty cells being a
    /// spacer. Caption, notes and lines stay as they are.
    pub fn fill(&self, table: &mut Table) {
        table.stub_columns = self.stub_columns;
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
                let all_empty = slots.iter().all(|slot| slot.text.is_empty());
                let mut stub: Vec<Cell> = slots.iter().take(self.stub_columns).map(cell).collect();
                stub.resize(self.stub_columns, Cell::empty(None));
                Row {
                    stub,
                    cells,
                    kind: if all_empty { RowKind::Spacer } else { RowKind::Data },
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
    Text,
}

fn sort_of(paragraph_text: &str, is_value: bool) -> Sort {
    if paragraph_text.trim().is_empty() {
        Sort::Empty
    } else if is_value {
        Sort::FigureLike
    } else {
        Sort::Text
    }
}

/// The widest table tried.
const MAX_WIDTH: usize = 32;

/// Reads `cells` (paragraph indices of a region, caption excluded) by width, or `None` when no
/// width makes every column coherent (steps of the module doc).
pub fn read_by_width(paragraphs: &[Paragraph], cells: &[usize], runs_to_end: bool) -> Option<RhythmTable> {
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
        if let Some(table) = best_width(&slots, runs_to_end) {
            return Some(table);
        }
    }
    None
}

fn best_width(slots: &[(RhythmSlot, Sort)], runs_to_end: bool) -> Option<RhythmTable> {
    for width in 3..=MAX_WIDTH.min(slots.len() / 2) {
        for header_rows in 1..=3 {
            for missing in 0..=2usize {
                let Some(header_len) = (width * header_rows).checked_sub(missing) else { continue };
                if header_len == 0 || header_len >= slots.len() {
                    continue;
                }
                if let Some(table) = try_layout(slots, width, header_len, missing, runs_to_end) {
                    return Some(table);
                }
            }
        }
    }
    None
}

fn try_layout(
    slots: &[(RhythmSlot, Sort)],
    width: usize,
    header_len: usize,
    missing: usize,
    runs_to_end: bool,
) -> Option<RhythmTable> {
    let (header, body) = slots.split_at(header_len);
    let full_rows = body.len() / width;
    let rest = body.len() % width;
    if full_rows < 2 || (rest != 0 && !runs_to_end) {
        return None;
    }
    // No header cell is a figure other than a year or a column number.
    if header.iter().any(|(slot, sort)| *sort == Sort::FigureLike && !is_header_figure(&slot.text)) {
        return None;
    }
    // Column coherence over the full rows.
    let mut sorts = vec![(0usize, 0usize); width];
    for row in body[..full_rows * width].chunks(width) {
        for (column, (_, sort)) in row.iter().enumerate() {
            match sort {
                Sort::FigureLike => sorts[column].0 += 1,
                Sort::Text => sorts[column].1 += 1,
                Sort::Empty => {}
            }
        }
    }
    let coherent = |(figures, texts): (usize, usize)| {
        let filled = figures + texts;
        filled == 0 || figures.max(texts) * 10 >= filled * 9
    };
    if !sorts.iter().all(|&counts| coherent(counts)) {
        return None;
    }
    if !sorts.iter().any(|&(figures, texts)| figures > texts) {
        return None;
    }
    // The label column: the first text column among the first three; left of it only codes.
    let label_column = (0..width.min(3)).find(|&c| sorts[c].1 > sorts[c].0)?;
    let codes_only = body[..full_rows * width].chunks(width).all(|row| {
        row[..label_column].iter().all(|(slot, _)| slot.text.is_empty() || is_code_like(&slot.text))
    });
    if !codes_only || label_column + 1 >= width {
        return None;
    }
    // Every data column is named in the bottom header row, and a header row above it names
    // every data column or none: a header cell printed once over several columns does not cut
    // into rows of one width, and a cut that seems to fit it is a coincidence.
    let header_texts: Vec<&str> =
        std::iter::repeat_n("", missing).chain(header.iter().map(|(slot, _)| slot.text.as_str())).collect();
    let header_rows: Vec<&[&str]> = header_texts.chunks(width).collect();
    let named = |row: &[&str]| row[label_column + 1..].iter().filter(|text| !text.is_empty()).count();
    let data_columns = width - label_column - 1;
    let (bottom, above) = header_rows.split_last()?;
    if named(bottom) != data_columns
        || above.iter().any(|row| !matches!(named(row), 0) && named(row) != data_columns)
    {
        return None;
    }
    let first_line = header.first().map_or(0, |(slot, _)| slot.line);
    let mut header_slots: Vec<RhythmSlot> =
        (0..missing).map(|_| RhythmSlot { text: String::new(), line: first_line }).collect();
    header_slots.extend(header.iter().map(|(slot, _)| slot.clone()));
    Some(RhythmTable {
        header: header_slots.chunks(width).map(<[RhythmSlot]>::to_vec).collect(),
        rows: body.chunks(width).map(|row| row.iter().map(|(slot, _)| slot.clone()).collect()).collect(),
        stub_columns: label_column + 1,
        width,
    })
}

/// A figure that may head a column: a year or year range ("2019", "2019/2020"), or a column
/// number ("1", "(3)").
fn is_header_figure(text: &str) -> bool {
    let text = text.trim().trim_start_matches('(').trim_end_matches(')');
    super::printed::is_year_like(text) || (text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
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
    fn mixed_columns_are_no_layout() {
        assert_eq!(read("a\n\n1\n\nb\n\nc\n\n2\n\n3\n\nd\n\n4\n"), None);
    }
}
