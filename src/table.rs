//! The one table model that every reader produces and every later stage reads.
//!
//! A reader (HTML, flattened text) fills in what it sees: the caption, the header paths of the data
//! columns, and per row the stub cells and exactly one [`Cell`] per data column, each with its
//! printed text and source line. Later stages fill in the rest, in this order: the footnote stage
//! splits markers off texts ([`Cell::markers`], [`Row::markers`], [`Column::markers`]) and links them
//! to [`Table::notes`]; overrides re-place cells the reader could only infer; normalization parses
//! numbers ([`Cell::value`], [`Cell::value_kind`]) and decides row roles ([`Row::kind`],
//! [`Row::group`], [`Row::parent_row_index`], [`Row::label`], [`Row::code`]). Fields a stage has not
//! reached yet hold their `Default`.
//!
//! Invariant kept by every reader: `row.cells.len() == table.columns.len()` for every row (the grid
//! is rectangular). Readers pad with empty cells flagged by a warning rather than break it.

use serde::Serialize;

mod row_json;

/// A table as printed in a document, rebuilt as a rectangular grid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Table {
    /// Position of the table in the document, counting from 0 in print order.
    pub index: usize,
    /// The N of "Tabel N" ("2", "1.1", "B1"), as printed; `None` when the table has no number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The caption without "Tabel N" and without the unit, or the heading that introduces the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The unit as printed ("x € 1.000", "in mln. euro’s", "%"), when a caption or header states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Footnote markers split off the caption (set by the footnote stage). They concern the whole
    /// table; they are in `tables.json`, not repeated on every cell.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption_markers: Vec<String>,
    /// The nearest section heading above the table ("2.2 Veiligheidsagenda").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Budget data, a table of contents, or a table whose structure was not recovered.
    pub kind: TableKind,
    /// The text of the top-left header cell (the stub column's header), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stub_header: Option<String>,
    /// How many stub columns (row labels: a code column plus a name column, say) each row has.
    pub stub_columns: usize,
    /// The data columns, left to right (stub columns excluded).
    pub columns: Vec<Column>,
    /// The rows in print order, group and spacer rows included.
    pub rows: Vec<Row>,
    /// Notes printed with the table (under it, or inside its body), in print order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// First and last source line of the table (1-based, inclusive), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<(usize, usize)>,
    /// True when the input ends inside this table.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
    /// The raw source lines of a table whose structure could not be recovered, so nothing is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raw_lines: Vec<String>,
    /// Texts printed inside the table's lines that landed in no cell, header, label, caption or
    /// note (flattened text; set by [`crate::interpret::coverage`]): kept so nothing is lost, and
    /// counted against the table's structure confidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts_not_placed: Vec<PrintedText>,
    /// How many lines of text the table prints, from the first that landed to the last (blank
    /// lines and pipe-table separators left out), of which `texts_not_placed` landed nowhere; 0
    /// when not counted (HTML and XML, whose grids place every printed cell).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub texts_printed: usize,
    /// How far to trust the rebuilt structure (set by [`crate::interpret::confidence`]); `None`
    /// before that stage ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<crate::interpret::confidence::StructureConfidence>,
}

/// What a table holds. Only [`TableKind::Budget`] tables produce long-format cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// A data table: figures per row and column.
    #[default]
    Budget,
    /// A table of contents or a similar list flattened like a table: not budget data.
    Contents,
    /// The reader saw a table but could not rebuild its grid; see [`Table::raw_lines`].
    Unrecovered,
}

/// One data column: its header path, top header row first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Column {
    /// Header cells from the top header row down (["Realisatie", "2019"]); a spanning header cell
    /// appears in the path of every column it covers. Markers are removed by the footnote stage.
    pub path: Vec<String>,
    /// Footnote markers split off the header cells ("20141" gives path "2014" and marker "1").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<String>,
    /// The unit a header part prints for this column ("Bedragen x € 1.000", "%", "fte"), as
    /// printed (set by normalization, [`crate::normalize::unit`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What kind of figure the header says the column holds (set by normalization,
    /// [`crate::normalize::measure`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<crate::normalize::measure::Measure>,
}

impl Column {
    /// The header path joined with single spaces ("Realisatie 2019"); empty parts are skipped.
    pub fn header(&self) -> String {
        let parts: Vec<&str> = self.path.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
        parts.join(" ")
    }

    /// The year this column is about: the last path part that is a plain year from 1900 to 2100
    /// ("2019", or "2019*" after markers were split off). `None` when no part is a year.
    pub fn year(&self) -> Option<i32> {
        self.path.iter().rev().find_map(|part| {
            let digits = part.trim();
            if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
                let year: i32 = digits.parse().ok()?;
                (1900..=2100).contains(&year).then_some(year)
            } else {
                None
            }
        })
    }
}

/// One printed row. Written to JSON compactly by [`row_json`] (serde by hand: cells in short forms, lines and
/// label left out where the row decides them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The stub cells as printed, left to right (one per stub column; a name split over two
    /// paragraphs is joined with a space by the reader).
    pub stub: Vec<Cell>,
    /// Exactly one cell per data column.
    pub cells: Vec<Cell>,
    /// The row's role. Readers set `Data`, `Spacer`, `Header` or `Footnote` (and `Total` for a bold
    /// label-less row of figures); normalization turns
    /// `Data` rows into `Group`, `Total` or `Waarvan` where the row says so.
    pub kind: RowKind,
    /// The row's name: the last non-empty stub cell, markers removed (set by normalization).
    pub label: String,
    /// The code stub cell ("31", "IIA") where the table has a code column (set by normalization).
    pub code: Option<String>,
    /// Footnote markers glued to the stub (set by the footnote stage).
    pub markers: Vec<String>,
    /// The label of the group row this row sits under (set by normalization).
    pub group: Option<String>,
    /// For `Waarvan` rows: the index of the row it is part of (set by normalization).
    pub parent_row_index: Option<usize>,
    /// How the cells were put in their columns.
    pub placement: Placement,
    /// 1-based source line of the row's first stub cell (or first cell when it has no stub).
    pub line: Option<usize>,
    /// The unit the row's label prints ("BBP (in miljarden euro's)" → "in miljarden euro's"), as
    /// printed (set by normalization, [`crate::normalize::unit`]).
    pub unit: Option<String>,
    /// The budget article the row is about, as printed in its label, code, group or the table's
    /// headings ("31"; set by normalization, [`crate::normalize::measure`]).
    pub article: Option<String>,
}

impl Row {
    /// The row's name as printed: its last non-empty stub cell, markers not yet split off ("" for
    /// none). What readers and early stages call the row before normalization sets `label`.
    pub fn printed_label(&self) -> &str {
        self.stub.iter().rev().find(|cell| !cell.text.is_empty()).map_or("", |cell| cell.text.as_str())
    }

    /// A row with one stub cell and printed cells, as a reader would build it (no lines): for
    /// tests and library users building tables by hand.
    pub fn printed(label: &str, cells: &[&str]) -> Row {
        Row {
            stub: vec![Cell::printed(label, None)],
            cells: cells.iter().map(|text| Cell::printed(*text, None)).collect(),
            ..Row::default()
        }
    }
}

/// A row's role in its table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// A row of figures.
    #[default]
    Data,
    /// A row that totals the rows above it ("Totaal …", "Totale …").
    Total,
    /// A part of the row above it ("waarvan …", "wrv …", "w.v. …").
    Waarvan,
    /// A label without values that names the rows below it ("Ondermijning").
    Group,
    /// An empty row that only separates.
    Spacer,
    /// A header row repeated inside the body.
    Header,
    /// A note printed inside the table body.
    Footnote,
}

impl RowKind {
    /// True for rows whose cells go into the long-format output.
    pub fn carries_data(self) -> bool {
        matches!(self, RowKind::Data | RowKind::Total | RowKind::Waarvan)
    }

    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            RowKind::Data => "data",
            RowKind::Total => "total",
            RowKind::Waarvan => "waarvan",
            RowKind::Group => "group",
            RowKind::Spacer => "spacer",
            RowKind::Header => "header",
            RowKind::Footnote => "footnote",
        }
    }
}

/// How a row's cells were assigned to columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "how")]
pub enum Placement {
    /// The source decides every position (HTML grid, or as many surviving cells as columns).
    #[default]
    Exact,
    /// Fewer cells survived than there are columns; they were placed by `rule`. Every cell of the
    /// row carries [`CellFlag::ColumnInferred`].
    Inferred {
        /// The documented rule that placed them, in words.
        rule: String,
        /// The cell texts that survived, in order, as read.
        surviving: Vec<String>,
    },
    /// An overrides file stated the placement.
    Overridden {
        /// Where the override came from ("overrides.json, entry 3").
        source: String,
    },
}

impl Placement {
    /// True for [`Placement::Exact`] (left out of `tables.json`, which writes defaults by omission).
    pub fn is_exact(&self) -> bool {
        *self == Placement::Exact
    }
}

/// One cell: what was printed, and what later stages made of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Cell {
    /// The printed text, trimmed; after the footnote stage, without its markers. Empty for an
    /// empty cell.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// 1-based source line, when known (an empty cell that vanished has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a slot covered by a spanning HTML cell: the (row, column) of the grid slot, from 0, where
    /// the spanning cell was printed. `None` for a cell printed in its own slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_origin: Option<(usize, usize)>,
    /// Footnote markers split off the text (set by the footnote stage).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<String>,
    /// Parsed number (set by normalization); `None` for anything that is not a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// What the text is (set by normalization).
    #[serde(default, skip_serializing_if = "ValueKind::is_empty")]
    pub value_kind: ValueKind,
    /// Everything a consumer must know about how far to trust this cell.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<CellFlag>,
}

impl Cell {
    /// A cell with printed text and a source line.
    pub fn printed(text: impl Into<String>, line: Option<usize>) -> Cell {
        Cell { text: text.into().trim().to_string(), line, ..Cell::default() }
    }

    /// An empty cell (a whitespace paragraph, an empty `<td>`, or a vanished cell).
    pub fn empty(line: Option<usize>) -> Cell {
        Cell { line, ..Cell::default() }
    }

    /// Adds a flag once.
    pub fn flag(&mut self, flag: CellFlag) {
        if !self.flags.contains(&flag) {
            self.flags.push(flag);
        }
    }
}

/// What a cell's text is. `Empty`, `Nil`, `Pm`, `Nvt` and `Text` never carry a value: they never
/// become 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// A number ("1.522", "‒ 21,7").
    Number,
    /// A percentage ("51%", "3,25%"); the value is the printed number (51, not 0.51).
    Percent,
    /// Nothing printed.
    #[default]
    Empty,
    /// Printed as nil: "-", "–" alone, "nihil".
    Nil,
    /// "pm" / "p.m.": pro memorie, an amount not yet known.
    Pm,
    /// "n.v.t.": not applicable.
    Nvt,
    /// Any other text ("nee", "po").
    Text,
}

impl ValueKind {
    /// True for [`ValueKind::Empty`] (left out of `tables.json`, which writes defaults by omission).
    pub fn is_empty(&self) -> bool {
        *self == ValueKind::Empty
    }

    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Number => "number",
            ValueKind::Percent => "percent",
            ValueKind::Empty => "empty",
            ValueKind::Nil => "nil",
            ValueKind::Pm => "pm",
            ValueKind::Nvt => "nvt",
            ValueKind::Text => "text",
        }
    }
}

/// A fact about a cell a consumer must see. Names are stable (they are the `flags` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CellFlag {
    /// A footnote marker on this cell (or its row label or column header) has no note.
    UnresolvedFootnote,
    /// The table is cut off by the end of the input.
    TruncatedTable,
    /// The cell's column was inferred, not read: see the row's [`Placement`].
    ColumnInferred,
    /// The cell's column was set by an overrides file.
    Overridden,
    /// The text is cut off by the end of the input ("2.357."): its value is not trusted.
    CutCell,
    /// The cell was added or dropped to keep the grid rectangular (ragged row, clamped span).
    Padded,
    /// The text looks like a number but could not be read as one.
    UnreadableNumber,
    /// The figure was printed run together with its row's label ("Overig2 578") and the print
    /// leaves open where the label ends: a glued footnote marker or a digit of the label would
    /// read the same. The value is the reading that takes the longest figure.
    SplitUncertain,
    /// The table's structure confidence is below the documented threshold
    /// ([`crate::interpret::confidence::LOW_CONFIDENCE_THRESHOLD`]): route it to review.
    LowConfidence,
}

impl CellFlag {
    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            CellFlag::UnresolvedFootnote => "unresolved_footnote",
            CellFlag::TruncatedTable => "truncated_table",
            CellFlag::ColumnInferred => "column_inferred",
            CellFlag::Overridden => "overridden",
            CellFlag::CutCell => "cut_cell",
            CellFlag::Padded => "padded",
            CellFlag::UnreadableNumber => "unreadable_number",
            CellFlag::SplitUncertain => "split_uncertain",
            CellFlag::LowConfidence => "low_confidence",
        }
    }
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

fn is_false(flag: &bool) -> bool {
    !*flag
}

/// A line of text as printed in the source, with its 1-based line number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct PrintedText {
    /// 1-based source line.
    pub line: usize,
    /// The line's text, trimmed.
    pub text: String,
}

/// A note printed with a table ("1 Het aantal door de politie …").
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Note {
    /// The marker as printed ("1", "*", "a").
    pub marker: String,
    /// The note's text, without its marker.
    pub text: String,
    /// 1-based source line of the note's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// Puts tables in print order by their first source line (a table without lines stays right
/// after the table before it; the sort is stable), renumbers [`Table::index`] from 0, and moves
/// the table index of every warning along with its table. For stages that add tables to a
/// document or merge two readings of it.
pub fn renumber_in_print_order(tables: &mut Vec<Table>, warnings: &mut [crate::error::Warning]) {
    let mut key = 0;
    let keys: Vec<usize> = tables
        .iter()
        .map(|table| {
            if let Some((first, _)) = table.lines {
                key = first;
            }
            key
        })
        .collect();
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by_key(|&index| keys[index]);
    let mut new_index = vec![0; order.len()];
    for (position, &old) in order.iter().enumerate() {
        new_index[old] = position;
    }
    let mut taken: Vec<Option<Table>> = std::mem::take(tables).into_iter().map(Some).collect();
    tables.extend(order.iter().filter_map(|&old| taken[old].take()));
    for (position, table) in tables.iter_mut().enumerate() {
        table.index = position;
    }
    for warning in warnings {
        if let Some(index) = warning.location.table_index {
            warning.location.table_index = new_index.get(index).copied();
        }
    }
}

/// The result of a reader: the tables it found and what it noticed, both in document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct ReadOutcome {
    /// Tables in print order; `Table::index` equals the position in this list.
    pub tables: Vec<Table>,
    /// Warnings, each with a location.
    pub warnings: Vec<crate::error::Warning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_written_without_its_defaults_reads_back_the_same() {
        // The seed's first rows as the text reader gives them: a group row of empty cells, a data
        // row with a marker and an inferred placement, and a flagged cell.
        let mut group = Row::printed("Ondermijning", &["", ""]);
        group.kind = RowKind::Group;
        group.line = Some(37);
        for cell in group.stub.iter_mut().chain(group.cells.iter_mut()) {
            cell.line = Some(37);
        }
        let mut data = Row::printed("Aantal gemelde slachtoffers bij Comensha", &["975", ""]);
        data.markers = vec!["1".to_string()];
        group.label = "Ondermijning".to_string();
        data.label = "Aantal gemelde slachtoffers bij Comensha".to_string();
        data.cells[0].value = Some(975.0);
        data.cells[0].value_kind = ValueKind::Number;
        data.cells[1].flag(CellFlag::ColumnInferred);
        data.placement =
            Placement::Inferred { rule: "left_fill".to_string(), surviving: vec!["975".to_string()] };
        let table = Table {
            number: Some("2".to_string()),
            columns: vec![Column {
                path: vec!["Realisatie".to_string(), "2019".to_string()],
                ..Column::default()
            }],
            rows: vec![group, data],
            stub_columns: 1,
            lines: Some((30, 60)),
            ..Table::default()
        };
        let json = serde_json::to_string(&table).unwrap();
        assert!(!json.contains("[]") && !json.contains(r#""line":null"#), "{json}");
        assert!(
            json.contains(r#"{"stub":["Ondermijning"],"cells":[null,null],"kind":"group","line":37}"#),
            "{json}"
        );
        let back: Table = serde_json::from_str(&json).unwrap();
        assert_eq!(back, table);
        // A note without a line, and a confidence written before `texts_placed` existed.
        let note = Note {
            marker: "1".to_string(),
            text: "Het aantal door de politie gemelde slachtoffers".to_string(),
            line: None,
        };
        assert!(!serde_json::to_string(&note).unwrap().contains("line"));
        let old: crate::interpret::confidence::StructureConfidence = serde_json::from_str(
            r#"{"score":1.0,"column_coherence":1.0,"placed":1.0,"unpadded":1.0,"labelled":1.0,"reasons":[]}"#,
        )
        .unwrap();
        assert_eq!((old.texts_placed, old.reasons.len()), (1.0, 0));
        assert_eq!(crate::interpret::confidence::StructureConfidence::default().texts_placed, 1.0);
    }
}
