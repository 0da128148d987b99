//! How a [`Row`] is written as JSON (in `tables.json` and the `--resume` cache) and read back:
//! compactly, leaving out everything the row itself already says, and always back to exactly the
//! same row.
//!
//! Every cell has an expected line: the first stub cell (or the first cell, in a row without
//! stub cells) the row's own `line`, every later one the line of the cell before it (stub cells
//! first, then data cells) plus the row's `line_step` (left out when 0, as in HTML, where a row
//! is one line; 2 in flattened text with a blank line between paragraphs).
//! Most of a budget table is figures on their expected line, so a cell is written in the
//! shortest of four forms, each exactly equivalent to the object form:
//! - `null`: an empty cell on its expected line;
//! - `"text"`: a cell with printed text and nothing else (a stub cell, say), on its expected line;
//! - `["text", value]`: a number (`value_kind` "number") on its expected line, with no markers
//!   or flags;
//! - an object with [`Cell`]'s fields, defaults left out, where a left-out `line` is the expected
//!   line and `"line": null` says the cell has none.
//!
//! A row leaves out `label` when it is its printed label (the last non-empty stub cell), and a
//! value that is a whole number is written without a fraction (`99013`, not `99013.0`).
//! docs/schema.md states the same rules for readers in other languages.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use super::{Cell, CellFlag, Placement, Row, RowKind, ValueKind};

/// The largest whole number an f64 holds exactly, so that writing it as an integer reads back
/// as the same f64.
const EXACT_WHOLE_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let step = self.line_step();
        let mut map = serializer.serialize_map(None)?;
        let first = Expected::RowLine(self.line);
        map.serialize_entry("stub", &CellsInRow { cells: &self.stub, first, step })?;
        let first = match self.stub.last() {
            Some(cell) => Expected::After(cell.line),
            None => first,
        };
        map.serialize_entry("cells", &CellsInRow { cells: &self.cells, first, step })?;
        map.serialize_entry("kind", &self.kind)?;
        if self.label != self.printed_label() {
            map.serialize_entry("label", &self.label)?;
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        if !self.markers.is_empty() {
            map.serialize_entry("markers", &self.markers)?;
        }
        if let Some(group) = &self.group {
            map.serialize_entry("group", group)?;
        }
        if let Some(parent) = self.parent_row_index {
            map.serialize_entry("parent_row_index", &parent)?;
        }
        if !self.placement.is_exact() {
            map.serialize_entry("placement", &self.placement)?;
        }
        if let Some(line) = self.line {
            map.serialize_entry("line", &line)?;
        }
        if step != 0 {
            map.serialize_entry("line_step", &step)?;
        }
        if let Some(unit) = &self.unit {
            map.serialize_entry("unit", unit)?;
        }
        if let Some(article) = &self.article {
            map.serialize_entry("article", article)?;
        }
        map.end()
    }
}

impl Row {
    /// How many lines each cell of the row lies below the one before it (stub cells, then data
    /// cells): 0 for a row printed on one line (HTML), 1 or 2 for flattened text, where every
    /// cell is a paragraph. The step that the most cells keep, the smallest of equals; cells that
    /// keep it are written without their line.
    fn line_step(&self) -> usize {
        let lines: Vec<Option<usize>> = self.stub.iter().chain(&self.cells).map(|cell| cell.line).collect();
        // A step keeps exactly the pairs of neighbours that far apart: the most common gap wins.
        let mut gaps: Vec<usize> = lines
            .windows(2)
            .filter_map(|pair| match (pair[0], pair[1]) {
                (Some(before), Some(after)) if after >= before => Some(after - before),
                _ => None,
            })
            .collect();
        gaps.sort_unstable();
        let mut best = (0, 0);
        for run in gaps.chunk_by(|a, b| a == b) {
            if run.len() > best.0 {
                best = (run.len(), run[0]);
            }
        }
        best.1
    }
}

/// Where the first cell of a run of cells is expected: on the row's line (the first stub cell),
/// or a step after the cell before it (the first data cell, after the last stub cell).
#[derive(Clone, Copy)]
enum Expected {
    RowLine(Option<usize>),
    After(Option<usize>),
}

impl Expected {
    fn line(self, step: usize) -> Option<usize> {
        match self {
            Expected::RowLine(line) => line,
            Expected::After(line) => line.and_then(|before| before.checked_add(step)),
        }
    }
}

/// A row's stub or data cells, each written against the line it is expected on.
struct CellsInRow<'r> {
    cells: &'r [Cell],
    first: Expected,
    step: usize,
}

impl Serialize for CellsInRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.cells.len()))?;
        let mut expected = self.first;
        for cell in self.cells {
            seq.serialize_element(&CellInRow { cell, expected_line: expected.line(self.step) })?;
            expected = Expected::After(cell.line);
        }
        seq.end()
    }
}

struct CellInRow<'c> {
    cell: &'c Cell,
    expected_line: Option<usize>,
}

impl Serialize for CellInRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let cell = self.cell;
        let on_expected_line = cell.line == self.expected_line;
        let bare = on_expected_line
            && cell.span_origin.is_none()
            && cell.markers.is_empty()
            && cell.flags.is_empty();
        if bare {
            match (cell.text.is_empty(), cell.value, cell.value_kind) {
                (true, None, ValueKind::Empty) => return serializer.serialize_unit(),
                (false, None, ValueKind::Empty) => return serializer.serialize_str(&cell.text),
                (false, Some(value), ValueKind::Number) if value.is_finite() => {
                    return (cell.text.as_str(), Figure(value)).serialize(serializer);
                }
                _ => {}
            }
        }
        let mut map = serializer.serialize_map(None)?;
        if !cell.text.is_empty() {
            map.serialize_entry("text", &cell.text)?;
        }
        if !on_expected_line {
            map.serialize_entry("line", &cell.line)?;
        }
        if let Some(origin) = cell.span_origin {
            map.serialize_entry("span_origin", &origin)?;
        }
        if !cell.markers.is_empty() {
            map.serialize_entry("markers", &cell.markers)?;
        }
        if let Some(value) = cell.value {
            map.serialize_entry("value", &Figure(value))?;
        }
        if !cell.value_kind.is_empty() {
            map.serialize_entry("value_kind", &cell.value_kind)?;
        }
        if !cell.flags.is_empty() {
            map.serialize_entry("flags", &cell.flags)?;
        }
        map.end()
    }
}

/// A value written as an integer when it is a whole number an f64 holds exactly (and not -0).
struct Figure(f64);

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = self.0;
        let whole = value.fract() == 0.0 && value.abs() < EXACT_WHOLE_LIMIT;
        if whole && !(value == 0.0 && value.is_sign_negative()) {
            serializer.serialize_i64(value as i64)
        } else {
            serializer.serialize_f64(value)
        }
    }
}

/// A row as written: cells in any of their forms, `label` perhaps left out.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RowFields {
    stub: Vec<CellRead>,
    cells: Vec<CellRead>,
    kind: RowKind,
    label: Option<String>,
    code: Option<String>,
    markers: Vec<String>,
    group: Option<String>,
    parent_row_index: Option<usize>,
    placement: Placement,
    line: Option<usize>,
    line_step: usize,
    unit: Option<String>,
    article: Option<String>,
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Row, D::Error> {
        let fields = RowFields::deserialize(deserializer)?;
        let line = fields.line;
        let mut expected = Expected::RowLine(line);
        let mut on_expected_line = |read: CellRead| {
            let mut cell = read.cell;
            if !read.line_given {
                cell.line = expected.line(fields.line_step);
            }
            expected = Expected::After(cell.line);
            cell
        };
        let stub: Vec<Cell> = fields.stub.into_iter().map(&mut on_expected_line).collect();
        let cells: Vec<Cell> = fields.cells.into_iter().map(&mut on_expected_line).collect();
        let mut row = Row {
            stub,
            cells,
            kind: fields.kind,
            label: String::new(),
            code: fields.code,
            markers: fields.markers,
            group: fields.group,
            parent_row_index: fields.parent_row_index,
            placement: fields.placement,
            line,
            unit: fields.unit,
            article: fields.article,
        };
        row.label = match fields.label {
            Some(label) => label,
            None => row.printed_label().to_string(),
        };
        Ok(row)
    }
}

/// A cell as read, and whether it said its line (a cell that did not is on its expected line).
struct CellRead {
    cell: Cell,
    line_given: bool,
}

impl<'de> Deserialize<'de> for CellRead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CellRead, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = CellRead;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a cell: null, a text, [text, value] or an object")
    }

    fn visit_unit<E: de::Error>(self) -> Result<CellRead, E> {
        Ok(CellRead { cell: Cell::default(), line_given: false })
    }

    fn visit_none<E: de::Error>(self) -> Result<CellRead, E> {
        self.visit_unit()
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<CellRead, E> {
        Ok(CellRead { cell: Cell { text: text.to_string(), ..Cell::default() }, line_given: false })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<CellRead, A::Error> {
        let text: String = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let value: f64 = seq.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(3, &self));
        }
        let cell = Cell { text, value: Some(value), value_kind: ValueKind::Number, ..Cell::default() };
        Ok(CellRead { cell, line_given: false })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CellRead, A::Error> {
        let mut read = CellRead { cell: Cell::default(), line_given: false };
        while let Some(key) = map.next_key::<CellField>()? {
            let cell = &mut read.cell;
            match key {
                CellField::Text => cell.text = map.next_value()?,
                CellField::Line => {
                    cell.line = map.next_value()?;
                    read.line_given = true;
                }
                CellField::SpanOrigin => cell.span_origin = map.next_value()?,
                CellField::Markers => cell.markers = map.next_value()?,
                CellField::Value => cell.value = map.next_value()?,
                CellField::ValueKind => cell.value_kind = map.next_value()?,
                CellField::Flags => cell.flags = map.next_value::<Vec<CellFlag>>()?,
                CellField::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(read)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum CellField {
    Text,
    Line,
    SpanOrigin,
    Markers,
    Value,
    ValueKind,
    Flags,
    #[serde(other)]
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(row: &Row) -> String {
        let json = serde_json::to_string(row).unwrap();
        let back: Row = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, row, "{json}");
        json
    }

    #[test]
    fn figures_on_the_rows_line_are_written_as_text_and_value() {
        // The seed's "Aantal aangepakte CSV's" row, line 43: 1.522 and 1.529.
        let mut row = Row::printed("Aantal aangepakte CSV's", &["1.522", "1.529", ""]);
        row.line = Some(43);
        for cell in row.stub.iter_mut().chain(row.cells.iter_mut()) {
            cell.line = Some(43);
        }
        for (cell, value) in row.cells.iter_mut().zip([1522.0, 1529.0]) {
            cell.value = Some(value);
            cell.value_kind = ValueKind::Number;
        }
        row.label = "Aantal aangepakte CSV's".to_string();
        assert_eq!(
            round_trip(&row),
            r#"{"stub":["Aantal aangepakte CSV's"],"cells":[["1.522",1522],["1.529",1529],null],"kind":"data","line":43}"#
        );
    }

    #[test]
    fn what_the_row_does_not_decide_is_written_out() {
        // A cell on another line, one with no line, a marker, a flag, a percentage, a fraction,
        // minus zero, and a label that is not the printed one.
        let mut row = Row::printed("Rentebaten1", &["13.553,7", "51%", "‒ 0", "x", "1.522"]);
        row.line = Some(7);
        row.stub[0].line = Some(7);
        row.stub[0].markers = vec!["1".to_string()];
        row.label = "Rentebaten".to_string();
        row.cells[0].line = Some(8);
        row.cells[0].value = Some(13553.7);
        row.cells[0].value_kind = ValueKind::Number;
        row.cells[1].line = Some(7);
        row.cells[1].value = Some(51.0);
        row.cells[1].value_kind = ValueKind::Percent;
        row.cells[2].line = Some(7);
        row.cells[2].value = Some(-0.0);
        row.cells[2].value_kind = ValueKind::Number;
        row.cells[3].line = None;
        row.cells[3].value_kind = ValueKind::Text;
        row.cells[4].line = Some(7);
        row.cells[4].value = Some(1522.0);
        row.cells[4].value_kind = ValueKind::Number;
        row.cells[4].flag(CellFlag::ColumnInferred);
        let json = round_trip(&row);
        for written in [
            r#"{"text":"Rentebaten1","markers":["1"]}"#,
            r#"{"text":"13.553,7","line":8,"value":13553.7,"value_kind":"number"}"#,
            r#"{"text":"51%","line":7,"value":51,"value_kind":"percent"}"#,
            r#"["‒ 0",-0.0]"#,
            r#"{"text":"x","line":null,"value_kind":"text"}"#,
            r#"{"text":"1.522","line":7,"value":1522,"value_kind":"number","flags":["column_inferred"]}"#,
            r#""label":"Rentebaten""#,
        ] {
            assert!(json.contains(written), "{written} in {json}");
        }
    }

    #[test]
    fn a_row_without_a_line_keeps_its_cells_lines() {
        let mut row = Row::printed("Totaal", &["5", ""]);
        row.cells[0].line = Some(12);
        row.cells[0].value = Some(5.0);
        row.cells[0].value_kind = ValueKind::Number;
        row.label = String::new();
        let json = round_trip(&row);
        assert!(json.contains(r#""label":"""#), "an emptied label is written: {json}");
        assert!(json.contains(r#"{"text":"5","line":12,"value":5,"value_kind":"number"}"#), "{json}");
    }

    #[test]
    fn a_flattened_row_writes_its_step_once_instead_of_every_cells_line() {
        // Flattened text: the label on line 41, then a paragraph every other line, one cell empty.
        let mut row = Row::printed("Leningen", &["", "54.538", "24.104"]);
        row.line = Some(41);
        row.stub[0].line = Some(41);
        for (cell, line) in row.cells.iter_mut().zip([43, 45, 47]) {
            cell.line = Some(line);
        }
        for cell in &mut row.cells[1..] {
            cell.value = Some(cell.text.replace('.', "").parse().unwrap());
            cell.value_kind = ValueKind::Number;
        }
        row.label = "Leningen".to_string();
        assert_eq!(
            round_trip(&row),
            r#"{"stub":["Leningen"],"cells":[null,["54.538",54538],["24.104",24104]],"kind":"data","line":41,"line_step":2}"#
        );
        // A cell off the step says its line, and the next cell steps on from it.
        row.cells[1].line = Some(50);
        row.cells[2].line = Some(52);
        assert!(
            round_trip(&row).contains(
                r#"{"text":"54.538","line":50,"value":54538,"value_kind":"number"},["24.104",24104]"#
            )
        );
    }

    #[test]
    fn a_value_json_cannot_hold_and_a_line_past_the_end_neither_break_the_file() {
        // "1" and 309 zeros reads as an infinite value; JSON has no infinity, so the cell is
        // written as an object whose value is null, and the row still reads.
        let mut row = Row::printed("Overig", &[&format!("1{}", "0".repeat(309))]);
        row.cells[0].value = Some(f64::INFINITY);
        row.cells[0].value_kind = ValueKind::Number;
        let json = serde_json::to_string(&row).unwrap();
        let back: Row = serde_json::from_str(&json).unwrap();
        assert_eq!((back.cells[0].value, back.cells[0].value_kind), (None, ValueKind::Number), "{json}");
        let crafted = r#"{"stub":[null,null],"line":18446744073709551615,"line_step":1}"#;
        let row: Row = serde_json::from_str(crafted).unwrap();
        assert_eq!((row.stub[0].line, row.stub[1].line), (Some(usize::MAX), None));
    }

    #[test]
    fn the_object_form_written_before_the_short_forms_still_reads() {
        let old = r#"{"stub":[{"text":"Politie","line":4}],"cells":[{"text":"2","line":4,"value":2.0,"value_kind":"number"},{"line":4}],"kind":"data","label":"Politie","line":4}"#;
        let row: Row = serde_json::from_str(old).unwrap();
        assert_eq!(
            (row.label.as_str(), row.cells[0].value, row.cells[1].line),
            ("Politie", Some(2.0), Some(4))
        );
        assert!(serde_json::from_str::<Row>(r#"{"cells":[["1"]]}"#).is_err(), "a figure needs its value");
    }
}
