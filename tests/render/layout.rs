//! What a rendering prints where, whatever its markup: the caption's texts, the header rows with
//! their spans, and each row's stub cells. [`super::styles`] marks these up.

use super::truth::{HeaderPath, Stub, TruthRow, TruthTable};

/// "Tabel N Title" (or only one of them), without the unit.
pub fn caption_text(table: &TruthTable) -> String {
    let mut parts = Vec::new();
    if let Some(number) = &table.number {
        parts.push(format!("Tabel {number}"));
    }
    if let Some(title) = &table.title {
        parts.push(title.clone());
    }
    parts.join(" ")
}

/// The unit as a caption prints it after the title, when the stub header does not already say it.
pub fn unit_in_caption(table: &TruthTable) -> Option<String> {
    let unit = table.unit.as_deref()?;
    let already = table.stub_header.as_deref().is_some_and(|stub| stub.contains(unit));
    (!already).then(|| format!("({unit})"))
}

/// The unit as a paragraph of its own prints it ("Bedragen x € 1.000").
pub fn unit_line(unit: &str) -> String {
    if unit.starts_with(['x', '×']) { format!("Bedragen {unit}") } else { unit.to_string() }
}

/// Caption text with the unit after it.
pub fn caption_with_unit(table: &TruthTable) -> String {
    let mut text = caption_text(table);
    if let Some(unit) = unit_in_caption(table) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&unit);
    }
    text
}

/// Where a header shorter than the header rows prints its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortHeaders {
    /// Its top part spans down (`rowspan`) to where its lower parts start; the stub header spans
    /// every header row.
    SpanDown,
    /// Its parts sit in the bottom rows, empty cells above; the stub header sits in the bottom row.
    Bottom,
}

/// One header cell to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadCell {
    /// The header text ("" for an empty cell).
    pub text: String,
    /// Markers printed after it.
    pub markers: Vec<String>,
    /// Columns it spans.
    pub colspan: usize,
    /// Header rows it spans.
    pub rowspan: usize,
    /// True for the cell over the stub columns.
    pub stub: bool,
}

#[derive(Debug, Clone)]
enum HeadSlot {
    /// A part of the column's path; `last` when it is the bottom part.
    Part {
        text: String,
        markers: Vec<String>,
        rowspan: usize,
        prefix: Vec<String>,
        last: bool,
    },
    Empty,
    /// Under a part that spans down.
    Covered,
}

fn head_slots(column: &HeaderPath, levels: usize, short: ShortHeaders) -> Vec<HeadSlot> {
    let parts = column.path.len();
    let mut slots = vec![HeadSlot::Empty; levels];
    if parts == 0 {
        return slots;
    }
    let start = levels - parts;
    for (at, text) in column.path.iter().enumerate() {
        let last = at + 1 == parts;
        let markers = if last { column.markers.clone() } else { Vec::new() };
        let prefix = column.path[..=at].to_vec();
        let (row, rowspan) = match (short, at) {
            (ShortHeaders::SpanDown, 0) => (0, start + 1),
            _ => (start + at, 1),
        };
        slots[row] = HeadSlot::Part { text: text.clone(), markers, rowspan, prefix, last };
        for covered in slots.iter_mut().take(row + rowspan).skip(row + 1) {
            *covered = HeadSlot::Covered;
        }
    }
    slots
}

/// The header rows: a stub header cell (spanning the stub columns) and the column parts, with
/// neighbouring columns that share a top part printing it once (`colspan`).
pub fn header_rows(table: &TruthTable, short: ShortHeaders) -> Vec<Vec<HeadCell>> {
    let levels = table.header_levels();
    let slots: Vec<Vec<HeadSlot>> = table.columns.iter().map(|c| head_slots(c, levels, short)).collect();
    let stub_text = table.stub_header.clone().unwrap_or_default();
    let mut rows = Vec::new();
    for level in 0..levels {
        let mut row = Vec::new();
        match short {
            ShortHeaders::SpanDown if level == 0 => row.push(HeadCell {
                text: stub_text.clone(),
                markers: Vec::new(),
                colspan: table.stub_columns,
                rowspan: levels,
                stub: true,
            }),
            ShortHeaders::SpanDown => {}
            ShortHeaders::Bottom => row.push(HeadCell {
                text: if level + 1 == levels { stub_text.clone() } else { String::new() },
                markers: Vec::new(),
                colspan: table.stub_columns,
                rowspan: 1,
                stub: true,
            }),
        }
        let mut column = 0;
        while column < slots.len() {
            match &slots[column][level] {
                HeadSlot::Covered => column += 1,
                HeadSlot::Empty => {
                    row.push(HeadCell {
                        text: String::new(),
                        markers: Vec::new(),
                        colspan: 1,
                        rowspan: 1,
                        stub: false,
                    });
                    column += 1;
                }
                HeadSlot::Part { text, markers, rowspan, prefix, last } => {
                    let mut end = column + 1;
                    if !*last && *rowspan == 1 {
                        while end < slots.len()
                            && matches!(&slots[end][level], HeadSlot::Part { prefix: other, rowspan: 1, last: false, .. } if other == prefix)
                        {
                            end += 1;
                        }
                    }
                    row.push(HeadCell {
                        text: text.clone(),
                        markers: markers.clone(),
                        colspan: end - column,
                        rowspan: *rowspan,
                        stub: false,
                    });
                    column = end;
                }
            }
        }
        rows.push(row);
    }
    rows
}

/// The repeated header row printed in the body: empty stub cells (the stub header when there is
/// one) and each column's bottom part.
pub fn repeated_header(table: &TruthTable) -> (Vec<String>, Vec<String>) {
    let mut stub = vec![String::new(); table.stub_columns];
    if let Some(text) = &table.stub_header {
        stub[table.stub_columns - 1] = text.clone();
    }
    let cells = table.columns.iter().map(|c| c.path.last().cloned().unwrap_or_default()).collect();
    (stub, cells)
}

/// One stub cell to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StubCell {
    /// Its paragraphs (none for an empty cell; two for a name printed over two lines).
    pub paragraphs: Vec<String>,
    /// Markers printed after it (the row's, on the label's cell).
    pub markers: Vec<String>,
    /// Stub columns it spans.
    pub colspan: usize,
}

impl StubCell {
    fn empty() -> StubCell {
        StubCell { paragraphs: Vec::new(), markers: Vec::new(), colspan: 1 }
    }
}

/// A row's stub cells, covering every stub column. `spanning` says how a label over several stub
/// columns prints.
pub fn stub_cells(table: &TruthTable, row: &TruthRow, spanning: SpanningLabel) -> Vec<StubCell> {
    match &row.stub {
        Stub::Spanning(label) if table.stub_columns == 1 || spanning == SpanningLabel::Colspan => {
            vec![StubCell {
                paragraphs: vec![label.clone()],
                markers: row.markers.clone(),
                colspan: table.stub_columns,
            }]
        }
        Stub::Spanning(label) => {
            let mut cells = vec![StubCell::empty(); table.stub_columns - 1];
            cells.push(StubCell {
                paragraphs: vec![label.clone()],
                markers: row.markers.clone(),
                colspan: 1,
            });
            cells
        }
        Stub::Columns { cells, label_at } => {
            let mut out: Vec<StubCell> = cells
                .iter()
                .enumerate()
                .map(|(at, paragraphs)| StubCell {
                    paragraphs: paragraphs.iter().filter(|p| !p.is_empty()).cloned().collect(),
                    markers: if at == *label_at { row.markers.clone() } else { Vec::new() },
                    colspan: 1,
                })
                .collect();
            out.resize(table.stub_columns.max(out.len()), StubCell::empty());
            out
        }
    }
}

/// How a label printed over several stub columns is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanningLabel {
    /// One cell with `colspan`.
    Colspan,
    /// Empty stub cells, then the label in the last stub column.
    LastColumn,
}
