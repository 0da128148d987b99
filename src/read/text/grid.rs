//! The grid of one region: how many stub and data columns it has, where the header ends, and
//! which cell of each row goes in which column.
//!
//! Rows are first cut into *raw rows* without knowing the column count, by three boundaries that
//! hold in every page seen: a line attached to the line above it by a single newline starts a new
//! row (two whitespace lines joined that way straddle a row boundary), except in a body without a
//! single blank line, printed one cell a line, where every line is attached; a text that follows a
//! figure or whitespace starts a new row (a label comes first in its row; a number that cannot be
//! a figure, "0.25", followed right away by a figure is such a label: [`reads_as_label`]); and a
//! note printed in the body ("* Gaat om …") is a row of its own.
//!
//! A [`Layout`] (stub columns `k`, data columns `c`, and how whitespace lines count empty cells)
//! is then chosen by fitting every candidate to the raw rows and keeping the best score (see
//! [`super::layout_search`], which uses the fitting here). Fitting one raw row ([`fit_row`]), in
//! this order:
//! 1. The stub is a code carried over from the row above (a code is printed at the end of the
//!    row before its own: "24.765", "2", "Nationale veiligheid"; or as the only cell of a group
//!    label without a code: "Niet-beleidsartikelen", "1", "Grondwettelijke uitkering …"), then
//!    the row's texts.
//! 2. More stub texts than there is room for: a text ending in a word that cannot end a name
//!    ("van", "en", …) or a comma is joined with the next one (a name split over two paragraphs);
//!    other surplus texts are rows of their own whose cells all vanished ("– immaterieel").
//! 3. Leading empty cells go to the stub when the row has more cells than `c`: in front of a
//!    label that spans the stub columns ("Voorwoord", " ", "7"), or as the empty label of a
//!    subtotal row or spacer row — but not the cells that are the next row's code, nor those
//!    of a whitespace line at least a full row wide that ends the row (a spacer of its own).
//! 4. Data cells (figures, and whitespace expanded to its count of empty cells): exactly `c` is
//!    an exact row. Surplus cells, in order: a whole spacer row (one whitespace line of the full
//!    width), a code (or empty code cell) for the next row when that row has room for one, empty
//!    cells of the row's last whitespace line (dropped), a lone dash right before the next row's
//!    label (its list dash: "–", "Personele kosten" is the row "– Personele kosten"), figures
//!    that make a row without label (a whitespace line of the stub's width before them is that
//!    row's empty label, not its first figure: a subtotal printed after a row).
//!    Fewer than `c` with a figure among them: the row is *short*; the caller places it
//!    (`place`). A row without any figure has nothing to place: its cells are all empty.
//!
//! Known failure: a table whose last column holds short reference numbers ("1" … "10") looks
//! like a table with a code column; the fit keeps the reference column unless the body opens
//! with a code before its first label (pages 010 and 046 against 017 and 037).

use std::borrow::Cow;
use std::ops::Range;

use super::paragraph::{Paragraph, SpaceConvention};
use super::printed;

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
pub struct Slot<'a> {
    /// Trimmed text, "" for an empty cell. Borrowed from its paragraph; owned only when a name
    /// split over two paragraphs was joined.
    pub text: Cow<'a, str>,
    /// 1-based source line.
    pub line: usize,
    /// Index of the paragraph it came from.
    pub paragraph: usize,
}

impl<'a> Slot<'a> {
    /// True for an empty cell.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// An empty cell printed at `line`, from paragraph `paragraph`.
    pub(super) fn empty(line: usize, paragraph: usize) -> Self {
        Slot { text: Cow::Borrowed(""), line, paragraph }
    }

    /// The printed text of paragraph `index`.
    pub(super) fn printed(paragraphs: &'a [Paragraph], index: usize) -> Self {
        let paragraph = &paragraphs[index];
        Slot { text: Cow::Borrowed(paragraph.text), line: paragraph.line, paragraph: index }
    }

    /// Appends `next` after a space: one name printed over two paragraphs.
    pub(super) fn join(&mut self, next: &str) {
        self.text = Cow::Owned(format!("{} {next}", self.text));
    }
}

/// A raw row: consecutive paragraphs between row boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow<'b> {
    /// Paragraph indices, in order: a run of the body's.
    pub paragraphs: &'b [usize],
    /// True for a note printed inside the body.
    pub note: bool,
}

/// How a fitted row's data cells were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// As many data cells as columns.
    Exact,
    /// Fewer cells survived than there are columns.
    Short,
}

/// How a row was fitted: everything about it but its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowMarks {
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
    /// True when the label got the list dash printed at the end of the row above ("–",
    /// "Personele kosten").
    pub list_dash: bool,
    /// How many empty cells carried over from the row above stand before the label: the cells
    /// of a whitespace line of its own printed before it (an indent), 0 when a code or part of
    /// a wider whitespace line was carried.
    pub indent_cells: usize,
}

impl RowMarks {
    /// An exact row with none of the other marks.
    pub(super) const EXACT: RowMarks = RowMarks {
        fit: Fit::Exact,
        note: false,
        dropped_empty_cells: false,
        carried_code: false,
        split_off: false,
        alone: false,
        list_dash: false,
        indent_cells: 0,
    };
}

/// A row after fitting: stub slots (exactly `k`), data slots, and how they were found.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedRow<'a> {
    /// Exactly `k` stub slots.
    pub stub: Vec<Slot<'a>>,
    /// The data slots: exactly `c` when the fit is exact, fewer when short.
    pub data: Vec<Slot<'a>>,
    /// How the row was fitted.
    pub marks: RowMarks,
}

/// A fitted row as [`fit_prepared`] hands it over: its slots borrowed from the prepared rows or
/// the fit's buffers, so that scoring a candidate layout copies and allocates nothing.
pub(super) struct FittedView<'s, 'a> {
    pub stub: &'s [Slot<'a>],
    pub data: &'s [Slot<'a>],
    pub marks: RowMarks,
}

impl<'a> FittedView<'_, 'a> {
    fn to_owned_row(&self) -> FittedRow<'a> {
        FittedRow { stub: self.stub.to_vec(), data: self.data.to_vec(), marks: self.marks }
    }
}

/// Raw rows with everything that does not depend on the layout worked out once, so that the
/// many candidate layouts of [`super::layout_search::choose_layout`] only redo what does. The slots of every row live
/// in one vector.
pub(super) struct PreparedRows<'a> {
    /// The paragraphs the rows were cut from.
    paragraphs: &'a [Paragraph<'a>],
    pub rows: Vec<PreparedRow>,
    slots: Vec<Slot<'a>>,
}

/// One prepared raw row; its slots are ranges of [`PreparedRows::slots`].
pub(super) struct PreparedRow {
    /// A note printed inside the body (its one text is the first name).
    pub note: bool,
    /// The row's leading texts, a name split over two paragraphs already joined (step 2 of the
    /// module doc; the joins do not depend on the layout).
    names: Range<usize>,
    /// The cells after the texts, whitespace expanded to empty cells, per convention (indexed
    /// by [`convention_index`]; the same range when the row has no whitespace line).
    cells: [Range<usize>; 2],
    /// The row's last paragraph.
    last_paragraph: Option<usize>,
    /// Only whitespace and codes: a row that can be the code of the row below it.
    stub_only: bool,
    /// Per convention: whitespace lines among the cells that stand for two or more empty cells,
    /// each of which can make one spacer row.
    pub spacer_lines: [usize; 2],
}

pub(super) fn convention_index(convention: SpaceConvention) -> usize {
    match convention {
        SpaceConvention::OnePerCell => 0,
        SpaceConvention::TwoMinusOne => 1,
    }
}

impl<'a> PreparedRows<'a> {
    pub fn new(paragraphs: &'a [Paragraph<'a>], raw_rows: &[RawRow<'_>]) -> Self {
        let mut prepared =
            PreparedRows { paragraphs, rows: Vec::with_capacity(raw_rows.len()), slots: Vec::new() };
        for raw in raw_rows {
            let row = prepared.prepare(raw);
            prepared.rows.push(row);
        }
        prepared
    }

    fn prepare(&mut self, raw: &RawRow<'_>) -> PreparedRow {
        let paragraphs = self.paragraphs;
        let slots = &mut self.slots;
        let text_count = raw.paragraphs.iter().take_while(|&&i| reads_as_label(paragraphs, i)).count();
        let names_start = slots.len();
        for &index in &raw.paragraphs[..text_count] {
            let has_name = slots.len() > names_start;
            match slots.last_mut() {
                // A joined name ends like its last part, so `continues` on it asks the same.
                Some(previous) if has_name && continues(&previous.text) => {
                    previous.join(paragraphs[index].text)
                }
                _ => slots.push(Slot::printed(paragraphs, index)),
            }
        }
        let names = names_start..slots.len();
        let values = &raw.paragraphs[text_count..];
        let mut expand = |convention: SpaceConvention| {
            let start = slots.len();
            for &index in values {
                expand_into(paragraphs, index, convention, slots);
            }
            start..slots.len()
        };
        let one_per_cell = expand(SpaceConvention::OnePerCell);
        let has_whitespace = values.iter().any(|&i| paragraphs[i].is_whitespace());
        let two_minus_one =
            if has_whitespace { expand(SpaceConvention::TwoMinusOne) } else { one_per_cell.clone() };
        let stub_only = !raw.note
            && raw.paragraphs.iter().all(|&i| {
                paragraphs[i].is_whitespace()
                    || (paragraphs[i].is_value() && printed::is_code_like(paragraphs[i].text))
            });
        let spacer_lines = |convention: SpaceConvention| {
            values.iter().filter(|&&i| paragraphs[i].empty_cells(convention) >= 2).count()
        };
        PreparedRow {
            spacer_lines: [
                spacer_lines(SpaceConvention::OnePerCell),
                spacer_lines(SpaceConvention::TwoMinusOne),
            ],
            note: raw.note,
            names,
            cells: [one_per_cell, two_minus_one],
            last_paragraph: raw.paragraphs.last().copied(),
            stub_only,
        }
    }

    /// The row's names (see [`PreparedRow::names`]).
    fn names(&self, row: &PreparedRow) -> &[Slot<'a>] {
        &self.slots[row.names.clone()]
    }

    /// The row's cells under `convention`.
    pub fn cells(&self, row: &PreparedRow, convention: SpaceConvention) -> &[Slot<'a>] {
        &self.slots[row.cells[convention_index(convention)].clone()]
    }
}

impl PreparedRow {
    /// How many labels the row opens with: its leading texts, a split name counted once.
    fn label_count(&self) -> usize {
        self.names.len()
    }

    /// How many cells the row has under `convention`.
    pub fn cell_count(&self, convention: SpaceConvention) -> usize {
        self.cells[convention_index(convention)].len()
    }
}

/// Buffers a fit reuses from row to row and from layout to layout.
#[derive(Default)]
pub(super) struct FitBuffers<'a> {
    /// The stub of the row being fitted.
    stub: Vec<Slot<'a>>,
    /// The empty stub of a row of its own (a label left alone, figures split off).
    padding: Vec<Slot<'a>>,
    /// Rows made of surplus cells, in order, as ranges of the row's cells.
    surplus: Vec<SurplusRow>,
}

/// A row made of cells left over after a row was full (step 4 of the module doc).
enum SurplusRow {
    /// One whitespace line of the full width: stub and data cells all empty.
    Spacer(Range<usize>),
    /// Figures that make a row without label.
    SplitOff(Range<usize>),
}

/// A first stub cell that reads as a code: "31", "1.01", "IIA", or a short part name ending in a
/// colon or number ("Hoofdstuk 1:", "Bijlage 10:").
pub(super) fn stub_code_like(text: &str) -> bool {
    code_like(text)
        || (text.chars().count() <= 20
            && (text.ends_with(':') || text.ends_with(|c: char| c.is_ascii_digit())))
}

/// A note printed inside the body: a text that starts with its marker ("* Gaat om …") and is not
/// followed by a figure (which would make it a numbered row label, "1) Eindejaarsmarge 2013").
pub fn is_body_note(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    paragraph.is_text()
        && printed::note_with_marker(paragraph.text).is_some()
        && !super::paragraph::next_printed(paragraphs, index).is_some_and(Paragraph::is_value)
}

/// Cuts body paragraphs into raw rows (the boundaries of the module doc).
pub fn raw_rows<'b>(paragraphs: &[Paragraph], body: &'b [usize]) -> Vec<RawRow<'b>> {
    let mut rows = Vec::new();
    // The open row is `body[start..position]`; `after_cells` tells whether it holds a figure or
    // whitespace.
    let mut start = 0;
    let mut after_cells = false;
    // A body printed one cell a line without a blank line anywhere (a Kamerstuk's staat copied
    // as plain text): every line is attached, so the single newline marks no row boundary.
    let lines_are_cells = body.len() > 1 && body.iter().all(|&i| paragraphs[i].attached);
    for (position, &index) in body.iter().enumerate() {
        let paragraph = &paragraphs[index];
        if is_body_note(paragraphs, index) {
            if start < position {
                rows.push(RawRow { paragraphs: &body[start..position], note: false });
            }
            rows.push(RawRow { paragraphs: &body[position..=position], note: true });
            start = position + 1;
            after_cells = false;
            continue;
        }
        let label = reads_as_label(paragraphs, index);
        if start < position && ((paragraph.attached && !lines_are_cells) || (label && after_cells)) {
            rows.push(RawRow { paragraphs: &body[start..position], note: false });
            start = position;
            after_cells = false;
        }
        after_cells |= !label;
    }
    if start < body.len() {
        rows.push(RawRow { paragraphs: &body[start..], note: false });
    }
    rows
}

/// True for a paragraph that names its row: a text, or a number that cannot be a figure ("0.25",
/// "1.2": the Dutch decimal sign is a comma) followed right away by a figure, as rows named by a
/// weight or a class print it ("0.25", "37,5", "0,0", …). A code before a text label ("12.01",
/// "Exploitatie") is not one.
pub(super) fn reads_as_label(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    if paragraph.is_text() {
        return true;
    }
    paragraph.is_value()
        && printed::is_code_like(paragraph.text)
        && crate::normalize::number::parse_dutch_number(paragraph.text).value.is_none()
        && paragraphs.get(index + 1).is_some_and(|next| {
            next.is_value()
                && !printed::is_code_like(next.text)
                && crate::normalize::number::parse_dutch_number(next.text).value.is_some()
        })
}

/// Words that do not end a name: a text ending in one continues in the next paragraph.
fn continues(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "van", "en", "de", "het", "voor", "in", "op", "met", "bij", "aan", "tot", "of", "te", "door", "naar",
        "over", "uit", "om", "der", "des", "een",
    ];
    // Compared without allocating: no character outside ASCII lower-cases to a letter of these
    // words (only U+212A KELVIN SIGN, to "k", and U+0130, to "i" with a combining dot that no
    // word here has, lower-case to ASCII), so ASCII case folding asks the same as `to_lowercase`.
    let last = text.split_whitespace().next_back().unwrap_or_default();
    text.ends_with(',') || text.ends_with('-') || WORDS.iter().any(|word| word.eq_ignore_ascii_case(last))
}

/// A code cell: "31", "1.01", "2.", a chapter or fund code ("XVIII", "IIA", "F": see
/// [`crate::interpret::vocabulary::is_chapter_code`]), or
/// a capital letter with its closing dot ("A.", "B.": the parts of a table of contents).
pub fn code_like(text: &str) -> bool {
    printed::is_code_like(text)
        || crate::interpret::vocabulary::is_chapter_code(text)
        || matches!(text.as_bytes(), [b'A'..=b'Z', b'.'])
}

/// Appends the slots of paragraph `index`: its text, or one empty slot per empty cell of a
/// whitespace line.
fn expand_into<'a>(
    paragraphs: &'a [Paragraph],
    index: usize,
    convention: SpaceConvention,
    out: &mut Vec<Slot<'a>>,
) {
    let paragraph = &paragraphs[index];
    if paragraph.is_whitespace() {
        let empty = Slot::empty(paragraph.line, index);
        out.extend(std::iter::repeat_n(empty, paragraph.empty_cells(convention)));
    } else {
        out.push(Slot::printed(paragraphs, index));
    }
}

/// Fits one prepared row to a layout (steps 1–4 of the module doc) and hands each fitted row
/// to `sink`, in order. `carry_in` is a code (or a list dash) carried over from the row above;
/// `next` tells what the next raw row opens with. Emits more than one row when surplus texts or
/// figures make rows of their own; returns the slots to carry into the next row.
fn fit_row<'p, 'a>(
    prepared: &'p PreparedRows<'a>,
    row: &'p PreparedRow,
    layout: Layout,
    carry_in: &'p [Slot<'a>],
    next: NextRow,
    buffers: &mut FitBuffers<'a>,
    sink: &mut impl RowSink<'a>,
) -> &'p [Slot<'a>] {
    let next_has_room_for_code = next.has_room_for_code;
    let k = layout.stub_columns;
    let c = layout.columns;
    let FitBuffers { stub, padding, surplus } = buffers;
    stub.clear();
    if row.note {
        let slot = &prepared.names(row)[0];
        stub.resize(k, Slot::empty(slot.line, slot.paragraph));
        stub[k - 1] = slot.clone();
        sink.take(FittedView { stub, data: &[], marks: RowMarks { note: true, ..RowMarks::EXACT } });
        return &[];
    }
    let cells = prepared.cells(row, layout.convention);
    // Step 1: the carried code, then the row's texts; a carried list dash goes before the label.
    let list_dash = matches!(carry_in, [dash] if is_list_dash(&dash.text));
    if !list_dash {
        stub.extend_from_slice(carry_in);
    }
    let mut carried_code = !carry_in.is_empty() && !list_dash;
    // An indent is a whitespace line of its own before the label, all of whose cells were carried
    // (not the last cells of a spacer line wider than the indent: a one-stub table's spacer).
    let whole_line = carry_in.first().is_some_and(|first| {
        carry_in.iter().all(|slot| slot.is_empty() && slot.paragraph == first.paragraph)
            && prepared.paragraphs[first.paragraph].is_whitespace()
            && prepared.paragraphs[first.paragraph].empty_cells(layout.convention) == carry_in.len()
    });
    let indent_cells = if carried_code && whole_line { carry_in.len() } else { 0 };

    // Step 2: surplus texts (split names already joined) become rows of their own.
    let stub_room = k.saturating_sub(stub.iter().filter(|s| !s.is_empty()).count()).max(1);
    let mut names: &[Slot<'a>] = prepared.names(row);
    while names.len() > stub_room {
        // A carried code that pushes a label out of its row is no code of this row.
        carried_code = false;
        let alone = &names[0];
        names = &names[1..];
        padding.clear();
        padding.resize(k, Slot::empty(alone.line, alone.paragraph));
        padding[k - 1] = alone.clone();
        sink.take(FittedView {
            stub: padding,
            data: &[],
            marks: RowMarks { alone: true, ..RowMarks::EXACT },
        });
    }
    let first_name = stub.len();
    stub.extend_from_slice(names);
    if list_dash && let (Some(label), [dash]) = (stub.get_mut(first_name), carry_in) {
        label.text = Cow::Owned(format!("{} {}", dash.text, label.text));
    }

    // Step 3: leading empty cells of a row without a label belong to the stub. The row's data
    // are `cells[start..]` from here on.
    let has_label = stub.iter().any(|s| !s.is_empty() && !code_like(&s.text));
    // An empty cell after a label that spans the stub columns ("Voorwoord", " ", "7"), or the
    // empty third stub cell after a name ("1", "Investeren in waterveiligheid", " ").
    // Not the cells that are the next row's code ("Programma- en apparaatskosten:", " ", "1").
    let code_for_next = usize::from(
        next_has_room_for_code && cells.last().is_some_and(|s| !s.is_empty() && code_like(&s.text)),
    );
    // A whitespace line at least as wide as a full row that ends the row (before the next row's
    // code, if any) is spacing of its own (a spacer row, step 4), not cells of this row: its
    // cells do not count here ("waarvan: Apparaat", " ", six zeros, then a spacer line: the " "
    // is the first data cell, not a stub cell).
    let before_code = &cells[..cells.len() - code_for_next];
    let spacer_cells = before_code.last().map_or(0, |last| {
        let paragraph = last.paragraph;
        let run = before_code.iter().rev().take_while(|s| s.is_empty() && s.paragraph == paragraph).count();
        if prepared.paragraphs[paragraph].is_whitespace() { run } else { 0 }
    });
    let own_cells = if spacer_cells >= layout.width() && spacer_cells < before_code.len() {
        cells.len() - spacer_cells
    } else {
        cells.len()
    };
    let mut start = 0;
    while own_cells - start > c + code_for_next && stub.len() < k && cells[start].is_empty() {
        stub.push(cells[start].clone());
        start += 1;
    }
    if !has_label {
        while own_cells - start > c && stub.len() < k + 1 && cells[start].is_empty() {
            stub.push(cells[start].clone());
            start += 1;
        }
    }
    // Keep exactly k stub slots: drop surplus empty ones, pad in front (the label stays last).
    while stub.len() > k {
        if let Some(position) = stub.iter().position(Slot::is_empty) {
            stub.remove(position);
        } else {
            let last = stub.pop().unwrap_or_else(unreachable_slot);
            if let Some(previous) = stub.last_mut() {
                previous.join(&last.text);
            }
        }
    }
    while stub.len() < k {
        let first = stub.first().or(cells.get(start));
        let line = first.map_or(0, |s| s.line);
        let paragraph = first.map_or(0, |s| s.paragraph);
        stub.insert(0, Slot::empty(line, paragraph));
    }

    // Step 4: data cells against the column count. Surplus cells, in order: a whole spacer row
    // (one whitespace line of the full width), a code for the next row, empty cells of the row's
    // last whitespace line (dropped), or figures that make rows without label.
    let mut carry_out: &'p [Slot<'a>] = &[];
    // A label without a code whose one and only cell is a code on a line of its own right before
    // the next row's label, where a row has two or more data cells ("Niet-beleidsartikelen", "1",
    // "Grondwettelijke uitkering …"): the code is the next row's, and this row (a group) has no
    // cells. Not in a row with a code of its own (its one surviving figure may look like a code,
    // "IIA", "Staten-Generaal", "12"), not a marker split off the label's own line ("…haalt2"),
    // not a value after the row's empty cells, and not in a table of one data column, where one
    // cell is the whole row (a page number).
    let mut cells_end = cells.len();
    if k >= 2
        && c >= 2
        && code_for_next == 1
        && has_label
        && !carried_code
        && stub.iter().filter(|slot| !slot.is_empty()).count() == 1
        && cells_end - start == 1
        && stub.iter().all(|name| name.line != cells[cells_end - 1].line)
    {
        cells_end -= 1;
        carry_out = &cells[cells_end..];
    }
    let mut dropped_empty_cells = false;
    let width = layout.width();
    let data_end = if cells_end - start > c { start + c } else { cells_end };
    surplus.clear();
    let mut rest = data_end..cells_end;
    while !rest.is_empty() {
        let left = &cells[rest.clone()];
        let whole_spacer = left.len() >= width
            && left[..width].iter().all(|s| s.is_empty() && s.paragraph == left[0].paragraph)
            && prepared.paragraphs[left[0].paragraph].empty_cells(layout.convention) == width;
        if whole_spacer {
            surplus.push(SurplusRow::Spacer(rest.start..rest.start + width));
            rest.start += width;
            continue;
        }
        if next_has_room_for_code
            && k >= 2
            && left.len() < k
            && left.iter().all(|s| s.is_empty() || code_like(&s.text))
        {
            carry_out = left;
            break;
        }
        if left.iter().all(|s| s.is_empty() && Some(s.paragraph) == row.last_paragraph) {
            dropped_empty_cells = true;
            break;
        }
        // A dash after a full row, right before the next row's label, is that label's list
        // dash ("–", "Personele kosten"), not a cell.
        if next.opens_with_label
            && matches!(left, [dash] if is_list_dash(&dash.text) && Some(dash.paragraph) == row.last_paragraph)
        {
            carry_out = left;
            break;
        }
        // A row without a label printed after a full row opens with its empty label cell(s) (" ",
        // then its figures: a subtotal): they are its stub, not its first data cell.
        let empty_stub = left.len() >= k + c
            && left[..k].iter().all(|s| s.is_empty() && s.paragraph == left[0].paragraph)
            && prepared.paragraphs[left[0].paragraph].empty_cells(layout.convention) == k
            && left[k..k + c].iter().any(|s| !s.is_empty());
        if empty_stub {
            rest.start += k;
        }
        let left = &cells[rest.clone()];
        let taken = c.min(left.len());
        surplus.push(SurplusRow::SplitOff(rest.start..rest.start + taken));
        rest.start += taken;
    }
    // A row without a single figure has nothing to place: every cell is empty.
    let data = &cells[start..data_end];
    let has_figure = data.iter().any(|s| !s.is_empty());
    let fit = if data.len() == c || !has_figure { Fit::Exact } else { Fit::Short };
    sink.take(FittedView {
        stub,
        data,
        marks: RowMarks {
            fit,
            dropped_empty_cells,
            carried_code,
            list_dash,
            indent_cells,
            ..RowMarks::EXACT
        },
    });
    for surplus_row in surplus.iter() {
        match surplus_row {
            SurplusRow::Spacer(range) => {
                let spacer = &cells[range.clone()];
                sink.take(FittedView { stub: &spacer[..k], data: &spacer[k..], marks: RowMarks::EXACT });
            }
            SurplusRow::SplitOff(range) => {
                let chunk = &cells[range.clone()];
                padding.clear();
                padding.resize(k, Slot::empty(chunk[0].line, chunk[0].paragraph));
                let fit = if chunk.len() == c || chunk.iter().all(Slot::is_empty) {
                    Fit::Exact
                } else {
                    Fit::Short
                };
                sink.take(FittedView {
                    stub: padding,
                    data: chunk,
                    marks: RowMarks { fit, split_off: true, ..RowMarks::EXACT },
                });
            }
        }
    }
    carry_out
}

/// What the row after the one being fitted opens with.
#[derive(Debug, Clone, Copy)]
struct NextRow {
    /// It opens with fewer labels than stub columns, so that a code printed before it fits.
    has_room_for_code: bool,
    /// It opens with a label.
    opens_with_label: bool,
}

/// A dash on its own: a nil figure in a column, or a list dash printed before a label.
fn is_list_dash(text: &str) -> bool {
    matches!(text.trim(), "–" | "-" | "‒" | "—" | "−")
}

fn unreachable_slot<'a>() -> Slot<'a> {
    Slot::empty(0, 0)
}

/// Where fitted rows go: kept (the chosen layout) or only scored (a candidate).
pub(super) trait RowSink<'a> {
    /// Takes the next fitted row.
    fn take(&mut self, row: FittedView<'_, 'a>);

    /// Asked before the raw row `row_index` (from 0) is fitted: false stops the fit.
    fn wants_row(&mut self, row_index: usize) -> bool;
}

impl<'a> RowSink<'a> for Vec<FittedRow<'a>> {
    fn take(&mut self, row: FittedView<'_, 'a>) {
        self.push(row.to_owned_row());
    }

    fn wants_row(&mut self, _row_index: usize) -> bool {
        true
    }
}

/// Fits every prepared row to a layout, carrying codes from row to row, and hands the fitted
/// rows to `sink` in order (until the sink wants no more).
pub(super) fn fit_prepared<'a>(
    prepared: &PreparedRows<'a>,
    layout: Layout,
    buffers: &mut FitBuffers<'a>,
    sink: &mut impl RowSink<'a>,
) {
    let rows = &prepared.rows;
    let mut carry: &[Slot<'a>] = &[];
    for (index, row) in rows.iter().enumerate() {
        if !sink.wants_row(index) {
            return;
        }
        let next_labels = rows.get(index + 1).filter(|next| !next.note).map_or(0, PreparedRow::label_count);
        let next_has_room_for_code = next_labels >= 1 && next_labels < layout.stub_columns;
        if row.stub_only && next_has_room_for_code && layout.stub_columns >= 2 {
            let slots = prepared.cells(row, layout.convention);
            if slots.len() < layout.stub_columns && carry.is_empty() {
                // An empty code cell (or a code) on its own before the label of the next row.
                carry = slots;
                continue;
            }
        }
        let next = NextRow { has_room_for_code: next_has_room_for_code, opens_with_label: next_labels >= 1 };
        carry = fit_row(prepared, row, layout, carry, next, buffers, sink);
    }
}

/// Fits every raw row to a layout, carrying codes from row to row.
pub fn fit_rows<'a>(paragraphs: &'a [Paragraph], rows: &[RawRow<'_>], layout: Layout) -> Vec<FittedRow<'a>> {
    let prepared = PreparedRows::new(paragraphs, rows);
    let mut out = Vec::new();
    fit_prepared(&prepared, layout, &mut FitBuffers::default(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::layout_search::choose_layout;
    use crate::read::text::paragraph::paragraphs;

    fn texts(rows: &[FittedRow]) -> Vec<(Vec<String>, Vec<String>, bool)> {
        rows.iter()
            .map(|row| {
                (
                    row.stub.iter().map(|s| s.text.to_string()).collect(),
                    row.data.iter().map(|s| s.text.to_string()).collect(),
                    row.marks.fit == Fit::Exact,
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
        let (layout, _) = choose_layout(&paragraphs, &rows, 1..=6, false, false, false, None).unwrap();
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
        let (layout, _) = choose_layout(&paragraphs, &rows, 1..=6, false, false, false, None).unwrap();
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
