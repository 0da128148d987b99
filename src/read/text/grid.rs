//! The grid of one region: how many stub and data columns it has, where the header ends, and
//! which cell of each row goes in which column.
//!
//! Rows are first cut into *raw rows* without knowing the column count, by three boundaries that
//! hold in every page seen: a line attached to the line above it by a single newline starts a new
//! row (two whitespace lines joined that way straddle a row boundary); a text that follows a
//! figure or whitespace starts a new row (a label comes first in its row); and a note printed in
//! the body ("* Gaat om …") is a row of its own.
//!
//! A [`Layout`] (stub columns `k`, data columns `c`, and how whitespace lines count empty cells)
//! is then chosen by fitting every candidate to the raw rows and keeping the best score
//! ([`choose_layout`]). Fitting one raw row ([`fit_row`]), in this order:
//! 1. The stub is a code carried over from the row above (a code is printed at the end of the
//!    row before its own: "24.765", "2", "Nationale veiligheid"), then the row's texts.
//! 2. More stub texts than there is room for: a text ending in a word that cannot end a name
//!    ("van", "en", …) or a comma is joined with the next one (a name split over two paragraphs);
//!    other surplus texts are rows of their own whose cells all vanished ("– immaterieel").
//! 3. Leading empty cells go to the stub when the row has more cells than `c`: in front of a
//!    label that spans the stub columns ("Voorwoord", " ", "7"), or as the empty label of a
//!    subtotal row or spacer row — but not the cells that are the next row's code.
//! 4. Data cells (figures, and whitespace expanded to its count of empty cells): exactly `c` is
//!    an exact row. Surplus cells, in order: a whole spacer row (one whitespace line of the full
//!    width), a code (or empty code cell) for the next row when that row has room for one, empty
//!    cells of the row's last whitespace line (dropped), figures that make a row without label.
//!    Fewer than `c` with a figure among them: the row is *short*; the caller places it
//!    (`place`). A row without any figure has nothing to place: its cells are all empty.
//!
//! The score ([`choose_layout`]) prefers, in this order of weight: exact rows with figures; no
//! short rows, no rows split off surplus figures; a first stub cell that reads as a code when
//! there are two or more stub columns (and at least one row printing one); few dropped empty
//! cells. A row the input cuts off is left out.
//!
//! Known failure: a table whose last column holds short reference numbers ("1" … "10") looks
//! like a table with a code column; the fit keeps the reference column unless the body opens
//! with a code before its first label (pages 010 and 046 against 017 and 037).

use super::paragraph::{self, Paragraph, SpaceConvention};

/// The shape of a table: stub columns, data columns, and the whitespace convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Stub columns (row labels), at least 1.
    pub stub_columns: usize,
    /// Data columns, at least 1.
    pub columns: usize,
    /// How a whitespace line counts its empty cells.
    pub convention: SpaceConvention,
}

impl Layout {
    /// Cells of a full row: stub and data.
    pub fn width(&self) -> usize {
        self.stub_columns + self.columns
    }
}

/// One printed cell before placement: its text ("" for an empty cell) and source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Trimmed text, "" for an empty cell.
    pub text: String,
    /// 1-based source line.
    pub line: usize,
    /// Index of the paragraph it came from.
    pub paragraph: usize,
}

impl Slot {
    /// True for an empty cell.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A raw row: consecutive paragraphs between row boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// Paragraph indices, in order.
    pub paragraphs: Vec<usize>,
    /// True for a note printed inside the body.
    pub note: bool,
}

/// How a fitted row's data cells were found.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    /// As many data cells as columns.
    Exact,
    /// Fewer cells survived than there are columns.
    Short,
}

/// A row after fitting: stub slots (exactly `k`), data slots, and how they were found.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedRow {
    /// Exactly `k` stub slots.
    pub stub: Vec<Slot>,
    /// The data slots: exactly `c` when `fit` is exact, fewer when short.
    pub data: Vec<Slot>,
    /// Exact or short.
    pub fit: Fit,
    /// A note row printed inside the body.
    pub note: bool,
    /// True when trailing empty cells beyond the column count were dropped.
    pub dropped_empty_cells: bool,
    /// True when the row's code was carried over from the figures of the row above.
    pub carried_code: bool,
    /// True for a row made of figures left over after the row above was full.
    pub split_off: bool,
    /// True for a label whose cells all vanished, split off the texts of the row below it.
    pub alone: bool,
}

/// A first stub cell that reads as a code: "31", "1.01", "IIA", or a short part name ending in a
/// colon or number ("Hoofdstuk 1:", "Bijlage 10:").
fn stub_code_like(text: &str) -> bool {
    code_like(text)
        || (text.chars().count() <= 20
            && (text.ends_with(':') || text.ends_with(|c: char| c.is_ascii_digit())))
}

/// A note printed inside the body: a text that starts with its marker ("* Gaat om …") and is not
/// followed by a figure (which would make it a numbered row label, "1) Eindejaarsmarge 2013").
pub fn is_body_note(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    paragraph.is_text()
        && paragraph::note_with_marker(&paragraph.text).is_some()
        && !paragraphs[index + 1..].iter().find(|p| !p.is_whitespace()).is_some_and(Paragraph::is_value)
}

/// Cuts body paragraphs into raw rows (the boundaries of the module doc).
pub fn raw_rows(paragraphs: &[Paragraph], body: &[usize]) -> Vec<RawRow> {
    let mut rows = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for &index in body {
        let paragraph = &paragraphs[index];
        if is_body_note(paragraphs, index) {
            if !current.is_empty() {
                rows.push(RawRow { paragraphs: std::mem::take(&mut current), note: false });
            }
            rows.push(RawRow { paragraphs: vec![index], note: true });
            continue;
        }
        let after_cells = current.iter().any(|&i| !paragraphs[i].is_text());
        if !current.is_empty() && (paragraph.attached || (paragraph.is_text() && after_cells)) {
            rows.push(RawRow { paragraphs: std::mem::take(&mut current), note: false });
        }
        current.push(index);
    }
    if !current.is_empty() {
        rows.push(RawRow { paragraphs: current, note: false });
    }
    rows
}

/// Words that do not end a name: a text ending in one continues in the next paragraph.
fn continues(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "van", "en", "de", "het", "voor", "in", "op", "met", "bij", "aan", "tot", "of", "te", "door", "naar",
        "over", "uit", "om", "der", "des", "een",
    ];
    let last = text.split_whitespace().last().unwrap_or_default().to_lowercase();
    text.ends_with(',') || text.ends_with('-') || WORDS.contains(&last.as_str())
}

/// A code cell: "31", "1.01", or a Roman chapter numeral with an optional letter ("IIA").
pub fn code_like(text: &str) -> bool {
    paragraph::is_code_like(text)
        || (text.len() <= 4
            && text.trim_end_matches(|c: char| "ABC".contains(c)).chars().all(|c| "IVXLC".contains(c))
            && !text.is_empty())
}

fn expand(paragraphs: &[Paragraph], index: usize, convention: SpaceConvention) -> Vec<Slot> {
    let paragraph = &paragraphs[index];
    if paragraph.is_whitespace() {
        (0..paragraph.empty_cells(convention))
            .map(|_| Slot { text: String::new(), line: paragraph.line, paragraph: index })
            .collect()
    } else {
        vec![Slot { text: paragraph.text.clone(), line: paragraph.line, paragraph: index }]
    }
}

/// Fits one raw row to a layout (steps 1–4 of the module doc). `carry_in` is a code carried over
/// from the row above; `next_has_room_for_code` tells whether the next raw row opens with fewer
/// labels than stub columns, so that a code printed before it fits.
/// Returns the fitted rows (more than one when surplus texts or figures make rows of their own)
/// and the slots to carry into the next row.
pub fn fit_row(
    paragraphs: &[Paragraph],
    raw: &RawRow,
    layout: Layout,
    carry_in: Vec<Slot>,
    next_has_room_for_code: bool,
) -> (Vec<FittedRow>, Vec<Slot>) {
    let k = layout.stub_columns;
    let c = layout.columns;
    if raw.note {
        let slot = expand(paragraphs, raw.paragraphs[0], layout.convention);
        let mut stub =
            vec![Slot { text: String::new(), line: slot[0].line, paragraph: slot[0].paragraph }; k];
        stub[k - 1] = slot[0].clone();
        return (
            vec![FittedRow {
                stub,
                data: Vec::new(),
                fit: Fit::Exact,
                note: true,
                dropped_empty_cells: false,
                carried_code: false,
                split_off: false,
                alone: false,
            }],
            Vec::new(),
        );
    }
    let text_count = raw.paragraphs.iter().take_while(|&&i| paragraphs[i].is_text()).count();
    let mut stub: Vec<Slot> = carry_in;
    let mut carried_code = !stub.is_empty();
    let texts: Vec<Slot> = raw.paragraphs[..text_count]
        .iter()
        .map(|&index| Slot {
            text: paragraphs[index].text.clone(),
            line: paragraphs[index].line,
            paragraph: index,
        })
        .collect();
    let mut data: Vec<Slot> = Vec::new();
    for &index in &raw.paragraphs[text_count..] {
        data.extend(expand(paragraphs, index, layout.convention));
    }
    let last_paragraph = raw.paragraphs.last().copied();

    // Step 3: surplus texts are joined (split names) or become rows of their own.
    let mut out = Vec::new();
    let stub_room = k.saturating_sub(stub.iter().filter(|s| !s.is_empty()).count()).max(1);
    let mut names: Vec<Slot> = Vec::new();
    for text in texts {
        match names.last_mut() {
            Some(previous) if continues(&previous.text) => {
                previous.text = format!("{} {}", previous.text, text.text);
            }
            _ => names.push(text),
        }
    }
    while names.len() > stub_room {
        // A carried code that pushes a label out of its row is no code of this row.
        carried_code = false;
        let alone = names.remove(0);
        let mut alone_stub =
            vec![Slot { text: String::new(), line: alone.line, paragraph: alone.paragraph }; k];
        alone_stub[k - 1] = alone;
        out.push(FittedRow {
            stub: alone_stub,
            data: Vec::new(),
            fit: Fit::Exact,
            note: false,
            dropped_empty_cells: false,
            carried_code: false,
            split_off: false,
            alone: true,
        });
    }
    stub.extend(names);

    // Step 2: leading empty cells of a row without a label belong to the stub.
    let has_label = stub.iter().any(|s| !s.is_empty() && !code_like(&s.text));
    // An empty cell after a label that spans the stub columns ("Voorwoord", " ", "7"), or the
    // empty third stub cell after a name ("1", "Investeren in waterveiligheid", " ").
    // Not the cells that are the next row's code ("Programma- en apparaatskosten:", " ", "1").
    let code_for_next = usize::from(
        next_has_room_for_code && data.last().is_some_and(|s| !s.is_empty() && code_like(&s.text)),
    );
    while data.len() > c + code_for_next && stub.len() < k && data.first().is_some_and(Slot::is_empty) {
        stub.push(data.remove(0));
    }
    if !has_label {
        while data.len() > c && stub.len() < k + 1 && data.first().is_some_and(Slot::is_empty) {
            stub.push(data.remove(0));
        }
    }
    // Keep exactly k stub slots: drop surplus empty ones, pad in front (the label stays last).
    while stub.len() > k {
        if let Some(position) = stub.iter().position(Slot::is_empty) {
            stub.remove(position);
        } else {
            let last = stub.pop().unwrap_or_else(unreachable_slot);
            if let Some(previous) = stub.last_mut() {
                previous.text = format!("{} {}", previous.text, last.text);
            }
        }
    }
    while stub.len() < k {
        let line = stub.first().or(data.first()).map_or(0, |s| s.line);
        let paragraph = stub.first().or(data.first()).map_or(0, |s| s.paragraph);
        stub.insert(0, Slot { text: String::new(), line, paragraph });
    }

    // Step 4: data cells against the column count. Surplus cells, in order: a whole spacer row
    // (one whitespace line of the full width), a code for the next row, empty cells of the row's
    // last whitespace line (dropped), or figures that make rows without label.
    let mut carry_out = Vec::new();
    let mut dropped_empty_cells = false;
    let mut after: Vec<FittedRow> = Vec::new();
    let width = layout.width();
    let mut rest: Vec<Slot> = if data.len() > c { data.split_off(c) } else { Vec::new() };
    while !rest.is_empty() {
        let whole_spacer = rest.len() >= width
            && rest[..width].iter().all(|s| s.is_empty() && s.paragraph == rest[0].paragraph)
            && paragraphs[rest[0].paragraph].empty_cells(layout.convention) == width;
        if whole_spacer {
            let spacer: Vec<Slot> = rest.drain(..width).collect();
            after.push(FittedRow {
                stub: spacer[..k].to_vec(),
                data: spacer[k..].to_vec(),
                fit: Fit::Exact,
                note: false,
                dropped_empty_cells: false,
                carried_code: false,
                split_off: false,
                alone: false,
            });
            continue;
        }
        if next_has_room_for_code
            && k >= 2
            && rest.len() < k
            && rest.iter().all(|s| s.is_empty() || code_like(&s.text))
        {
            carry_out = std::mem::take(&mut rest);
            break;
        }
        if rest.iter().all(|s| s.is_empty() && Some(s.paragraph) == last_paragraph) {
            rest.clear();
            dropped_empty_cells = true;
            break;
        }
        let chunk: Vec<Slot> = rest.drain(..c.min(rest.len())).collect();
        let line = chunk[0].line;
        let paragraph = chunk[0].paragraph;
        let fit = if chunk.len() == c || chunk.iter().all(Slot::is_empty) { Fit::Exact } else { Fit::Short };
        after.push(FittedRow {
            stub: vec![Slot { text: String::new(), line, paragraph }; k],
            data: chunk,
            fit,
            note: false,
            dropped_empty_cells: false,
            carried_code: false,
            split_off: true,
            alone: false,
        });
    }
    // A row without a single figure has nothing to place: every cell is empty.
    let has_figure = data.iter().any(|s| !s.is_empty());
    let fit = if data.len() == c || !has_figure { Fit::Exact } else { Fit::Short };
    out.push(FittedRow {
        stub,
        data,
        fit,
        note: false,
        dropped_empty_cells,
        carried_code,
        split_off: false,
        alone: false,
    });
    out.extend(after);
    (out, carry_out)
}

fn unreachable_slot() -> Slot {
    Slot { text: String::new(), line: 0, paragraph: 0 }
}

/// How many labels a raw row opens with: its leading texts, a name split over two paragraphs
/// counted once.
fn label_count(paragraphs: &[Paragraph], raw: &RawRow) -> usize {
    let texts: Vec<&str> = raw
        .paragraphs
        .iter()
        .map(|&i| &paragraphs[i])
        .take_while(|p| p.is_text())
        .map(|p| p.text.as_str())
        .collect();
    texts.iter().enumerate().filter(|(i, _)| *i == 0 || !continues(texts[i - 1])).count()
}

/// Fits every raw row to a layout, carrying codes from row to row.
pub fn fit_rows(paragraphs: &[Paragraph], rows: &[RawRow], layout: Layout) -> Vec<FittedRow> {
    let mut out = Vec::new();
    let mut carry = Vec::new();
    for (index, raw) in rows.iter().enumerate() {
        let next_has_room_for_code = rows.get(index + 1).is_some_and(|next| {
            let labels = label_count(paragraphs, next);
            !next.note && labels >= 1 && labels < layout.stub_columns
        });
        let stub_only = !raw.note
            && raw.paragraphs.iter().all(|&i| {
                paragraphs[i].is_whitespace()
                    || (paragraphs[i].is_value() && paragraph::is_code_like(&paragraphs[i].text))
            });
        if stub_only && next_has_room_for_code && layout.stub_columns >= 2 {
            let slots: Vec<Slot> =
                raw.paragraphs.iter().flat_map(|&i| expand(paragraphs, i, layout.convention)).collect();
            if slots.len() < layout.stub_columns && carry.is_empty() {
                // An empty code cell (or a code) on its own before the label of the next row.
                carry = slots;
                continue;
            }
        }
        let (fitted, carry_out) =
            fit_row(paragraphs, raw, layout, std::mem::take(&mut carry), next_has_room_for_code);
        out.extend(fitted);
        carry = carry_out;
    }
    out
}

/// How well a layout explains the rows: exact rows with figures count most (a code carried from
/// the row above costs nothing: that is how code columns print); rows that dropped surplus empty
/// cells count less; short rows, rows without label split off surplus figures, labels left
/// alone and first stub cells that are no code count against it.
fn score(rows: &[FittedRow], starts_with_code: bool) -> i64 {
    // Two or more stub columns need at least one row that prints something in the first one.
    let stub_columns = rows.first().map_or(1, |row| row.stub.len());
    if stub_columns >= 2 && !rows.iter().any(|row| !row.note && stub_code_like(&row.stub[0].text)) {
        return i64::MIN / 2;
    }
    rows.iter()
        .filter(|row| !row.note)
        .map(|row| {
            if row.split_off {
                return -25;
            }
            if row.alone {
                return -5;
            }
            // With two or more stub columns, the first stub cell should read as a code.
            let first = &row.stub[0].text;
            let more_texts = row.stub[1..].iter().any(|slot| !slot.is_empty());
            if row.stub.len() >= 2 && !first.is_empty() && more_texts && !stub_code_like(first) {
                return -10;
            }
            let has_figure = row.data.iter().any(|s| !s.is_empty());
            match row.fit {
                Fit::Exact if !has_figure => 1,
                Fit::Exact => {
                    let label_less = row.stub.iter().all(Slot::is_empty);
                    let mut points = 30;
                    if row.dropped_empty_cells {
                        points -= 12;
                    }

                    if label_less {
                        points -= 10;
                    }
                    // A table that opens with a code prints every code before its label: a
                    // layout that carries them explains it better than one with an extra column.
                    if starts_with_code && row.carried_code && stub_code_like(&row.stub[0].text) {
                        points += 5;
                    }
                    points
                }
                Fit::Short => -20,
            }
        })
        .sum()
}

/// Chooses the layout that best explains the body rows (see [`score`]). Candidates: 1 to 3 stub
/// columns, 1 to `max_columns` data columns, both whitespace conventions. When the input ends in
/// the table (`last_row_may_be_cut`), its last raw row is left out of the score. When the body
/// opens with a code before its first label (`starts_with_code`), rows whose code was carried
/// from the row above score a little more. Ties go to fewer stub
/// columns, then to 2N−1 (only tried when every space-only line has an odd length), then to
/// fewer data columns.
pub fn choose_layout(
    paragraphs: &[Paragraph],
    rows: &[RawRow],
    max_columns: usize,
    last_row_may_be_cut: bool,
    starts_with_code: bool,
) -> Option<(Layout, i64)> {
    // A row cut off by the end of the input says nothing about the layout.
    // With nothing else to judge by, the caller falls back on the header.
    let rows = match (last_row_may_be_cut, rows.len()) {
        (true, 0 | 1) => return None,
        (true, n) => &rows[..n - 1],
        (false, _) => rows,
    };
    let even_space_line = rows.iter().flat_map(|row| row.paragraphs.iter()).any(|&i| {
        let p = &paragraphs[i];
        p.is_whitespace()
            && !p.raw.contains('\u{a0}')
            && p.raw.chars().filter(|c| c.is_whitespace()).count() % 2 == 0
    });
    let conventions: &[SpaceConvention] = if even_space_line {
        &[SpaceConvention::OnePerCell]
    } else {
        &[SpaceConvention::TwoMinusOne, SpaceConvention::OnePerCell]
    };
    let mut best: Option<(i64, Layout)> = None;
    for stub_columns in 1..=3 {
        for &convention in conventions {
            for columns in 1..=max_columns.max(1) {
                let layout = Layout { stub_columns, columns, convention };
                let fitted = fit_rows(paragraphs, rows, layout);
                let points = score(&fitted, starts_with_code);
                // Ties keep the earlier candidate: fewer stub columns, 2N−1 before N, fewer columns.
                let better = best.is_none_or(|(best_points, _)| points > best_points);
                if better {
                    best = Some((points, layout));
                }
            }
        }
    }
    best.map(|(points, layout)| (layout, points))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::paragraph::paragraphs;

    fn texts(rows: &[FittedRow]) -> Vec<(Vec<String>, Vec<String>, bool)> {
        rows.iter()
            .map(|row| {
                (
                    row.stub.iter().map(|s| s.text.clone()).collect(),
                    row.data.iter().map(|s| s.text.clone()).collect(),
                    row.fit == Fit::Exact,
                )
            })
            .collect()
    }

    #[test]
    fn code_column_and_split_name() {
        let text = "I\n\nKoning\n\n42.284\n\n42.813\n\n529\n\nIIB\n\nOverige Hoge Colleges van\n\nStaat en Kabinetten\n\n113.363\n\n127.843\n\n14.480";
        let paragraphs = paragraphs(text);
        let body: Vec<usize> = (0..paragraphs.len()).collect();
        let rows = raw_rows(&paragraphs, &body);
        let (layout, _) = choose_layout(&paragraphs, &rows, 6, false, false).unwrap();
        assert_eq!((layout.stub_columns, layout.columns), (2, 3));
        let fitted = fit_rows(&paragraphs, &rows, layout);
        assert_eq!(fitted[1].stub[1].text, "Overige Hoge Colleges van Staat en Kabinetten");
        assert_eq!(fitted[1].stub[0].text, "IIB");
    }

    #[test]
    fn numeric_codes_carry_to_the_next_row() {
        let text = "1\n\nOpenbaar bestuur\n\n96.576\n\n96.576\n\n24.765\n\n2\n\nNationale veiligheid\n\n344.621\n\n344.621\n\n14.714\n\n3\n\nWoningmarkt\n\n1\n\n2\n\n3";
        let paragraphs = paragraphs(text);
        let body: Vec<usize> = (0..paragraphs.len()).collect();
        let rows = raw_rows(&paragraphs, &body);
        let (layout, _) = choose_layout(&paragraphs, &rows, 6, false, false).unwrap();
        let fitted = fit_rows(&paragraphs, &rows, layout);
        assert_eq!(
            texts(&fitted)[1],
            (
                vec!["2".into(), "Nationale veiligheid".into()],
                vec!["344.621".into(), "344.621".into(), "14.714".into()],
                true
            )
        );
    }
}
