//! The text formats of the long-format cells, written straight from a document: one JSON object
//! per cell (the lines of `cells.ndjson`, the items of the array in `cells.json`) and one CSV line per cell.
//!
//! Owns the byte layout of those formats. The worker thread that extracted a document writes its
//! cells here, so a run's text output is made on every core and the writer thread only appends
//! bytes in input order. The columns and their order are [`CellView`]'s (docs/schema.md). Each
//! JSON value is serde_json's and the objects are byte for byte what serde_json writes for a
//! [`crate::frame::CellRecord`] (a test holds them to it); CSV follows RFC 4180: a field is quoted when it holds a comma, a quote or a line
//! break, or is the empty string (so that `""` and a missing value stay apart: null is an empty
//! field), and a list column holds the JSON text of its array (`["1","*"]`).

use serde::Serialize;

use crate::frame::{CellView, for_each_cell};
use crate::pipeline::Document;

/// The CSV header line, column names in column order.
pub const CSV_HEADER: &str = "doc_id,doc_sha256,source,url,year,doc_type,chapter,dossier,stuk,section,table_index,table_number,table_title,row_index,row_label,row_code,row_article,row_stub,row_group,row_kind,parent_row_index,column_index,column_header,column_path,column_year,column_measure,raw,value,value_kind,value_scaled,unit,unit_multiplier,unit_currency,unit_kind,footnote_markers,footnote_texts,flags,line\n";

/// How each cell's JSON object is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonFraming {
    /// A line of `cells.ndjson`: the object and a newline.
    Line,
    /// An item of the array in `cells.json`: `,\n` and the object. The writer turns the very first
    /// item's `,` into the array's `[`.
    ArrayItem,
}

/// Appends one JSON object per cell to `out`, framed as `framing` says. Returns the cell count.
pub fn json_cells(document: &Document, framing: JsonFraming, out: &mut Vec<u8>) -> usize {
    write_cells(document, &mut Json { framing }, out)
}

/// Appends one CSV line per cell to `out` (no header). Returns the cell count.
pub fn csv_lines(document: &Document, out: &mut Vec<u8>) -> usize {
    write_cells(document, &mut Csv, out)
}

/// A text format of cells, written in five parts: most of a cell's columns belong to its
/// document, table, row or column, so those parts are written once and copied into each of their
/// cells ([`write_cells`]). Each part ends with its field separator; the cell part ends the record.
trait CellFormat {
    /// doc_id … stuk.
    fn document_part(&mut self, cell: &CellView, out: &mut Vec<u8>);
    /// section … table_title.
    fn table_part(&mut self, cell: &CellView, out: &mut Vec<u8>);
    /// row_index … parent_row_index.
    fn row_part(&mut self, cell: &CellView, out: &mut Vec<u8>);
    /// column_index … column_measure.
    fn column_part(&mut self, cell: &CellView, out: &mut Vec<u8>);
    /// raw … line, and the end of the record.
    fn cell_part(&mut self, cell: &CellView, out: &mut Vec<u8>);
    /// Bytes written before each record.
    fn record_start(&self) -> &'static [u8] {
        b""
    }
}

fn write_cells(document: &Document, format: &mut impl CellFormat, out: &mut Vec<u8>) -> usize {
    let mut document_part = Vec::new();
    let mut table_part = Vec::new();
    let mut row_part = Vec::new();
    let mut column_parts: Vec<Option<Vec<u8>>> = Vec::new();
    let mut at: Option<(usize, usize)> = None;
    for_each_cell(document, |cell| {
        if document_part.is_empty() {
            format.document_part(cell, &mut document_part);
        }
        let (table, row) = (cell.table_position, cell.row_index as usize);
        if at.is_none_or(|(at_table, _)| at_table != table) {
            table_part.clear();
            format.table_part(cell, &mut table_part);
            column_parts.clear();
        }
        if at != Some((table, row)) {
            row_part.clear();
            format.row_part(cell, &mut row_part);
            at = Some((table, row));
        }
        let column = cell.column_index as usize;
        if column_parts.len() <= column {
            column_parts.resize(column + 1, None);
        }
        let column_part = column_parts[column].get_or_insert_with(|| {
            let mut part = Vec::new();
            format.column_part(cell, &mut part);
            part
        });
        out.extend_from_slice(format.record_start());
        out.extend_from_slice(&document_part);
        out.extend_from_slice(&table_part);
        out.extend_from_slice(&row_part);
        out.extend_from_slice(column_part);
        format.cell_part(cell, out);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {})
}

/// JSON objects as serde_json writes them: `{"doc_id":"…",…,"line":32}`.
struct Json {
    framing: JsonFraming,
}

/// `"name":value,`
fn json_field(out: &mut Vec<u8>, name: &str, value: &impl Serialize) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
    serde_json::to_writer(&mut *out, value).expect("writing JSON to memory cannot fail");
    out.push(b',');
}

impl CellFormat for Json {
    fn record_start(&self) -> &'static [u8] {
        match self.framing {
            JsonFraming::ArrayItem => b",\n{",
            JsonFraming::Line => b"{",
        }
    }

    fn document_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        json_field(out, "doc_id", &cell.doc_id);
        json_field(out, "doc_sha256", &cell.doc_sha256);
        json_field(out, "source", &cell.source);
        json_field(out, "url", &cell.url);
        json_field(out, "year", &cell.year);
        json_field(out, "doc_type", &cell.doc_type);
        json_field(out, "chapter", &cell.chapter);
        json_field(out, "dossier", &cell.dossier);
        json_field(out, "stuk", &cell.stuk);
    }

    fn table_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        json_field(out, "section", &cell.section);
        json_field(out, "table_index", &cell.table_index);
        json_field(out, "table_number", &cell.table_number);
        json_field(out, "table_title", &cell.table_title);
    }

    fn row_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        json_field(out, "row_index", &cell.row_index);
        json_field(out, "row_label", &cell.row_label);
        json_field(out, "row_code", &cell.row_code);
        json_field(out, "row_article", &cell.row_article);
        json_field(out, "row_stub", &cell.row_stub);
        json_field(out, "row_group", &cell.row_group);
        json_field(out, "row_kind", &cell.row_kind);
        json_field(out, "parent_row_index", &cell.parent_row_index);
    }

    fn column_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        json_field(out, "column_index", &cell.column_index);
        json_field(out, "column_header", &cell.column_header);
        json_field(out, "column_path", &cell.column_path);
        json_field(out, "column_year", &cell.column_year);
        json_field(out, "column_measure", &cell.column_measure);
    }

    fn cell_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        json_field(out, "raw", &cell.raw);
        json_field(out, "value", &cell.value);
        json_field(out, "value_kind", &cell.value_kind);
        json_field(out, "value_scaled", &cell.value_scaled);
        json_field(out, "unit", &cell.unit);
        json_field(out, "unit_multiplier", &cell.unit_multiplier);
        json_field(out, "unit_currency", &cell.unit_currency);
        json_field(out, "unit_kind", &cell.unit_kind);
        json_field(out, "footnote_markers", &cell.footnote_markers);
        json_field(out, "footnote_texts", &cell.footnote_texts);
        json_field(out, "flags", &cell.flags);
        json_field(out, "line", &cell.line);
        // The last field's comma closes the object.
        if let Some(last) = out.last_mut() {
            *last = b'}';
        }
        if self.framing == JsonFraming::Line {
            out.push(b'\n');
        }
    }
}

/// CSV lines (see the module doc).
struct Csv;

impl CellFormat for Csv {
    fn document_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        text(out, cell.doc_id);
        text(out, cell.doc_sha256);
        text(out, cell.source);
        optional_text(out, cell.url);
        number(out, cell.year);
        optional_text(out, cell.doc_type);
        optional_text(out, cell.chapter);
        optional_text(out, cell.dossier);
        optional_text(out, cell.stuk);
    }

    fn table_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        optional_text(out, cell.section);
        number(out, Some(cell.table_index));
        optional_text(out, cell.table_number);
        optional_text(out, cell.table_title);
    }

    fn row_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        number(out, Some(cell.row_index));
        text(out, cell.row_label);
        optional_text(out, cell.row_code);
        optional_text(out, cell.row_article);
        list(out, cell.row_stub);
        optional_text(out, cell.row_group);
        text(out, cell.row_kind);
        number(out, cell.parent_row_index);
    }

    fn column_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        number(out, Some(cell.column_index));
        text(out, cell.column_header);
        list(out, cell.column_path);
        number(out, cell.column_year);
        optional_text(out, cell.column_measure);
    }

    fn cell_part(&mut self, cell: &CellView, out: &mut Vec<u8>) {
        text(out, cell.raw);
        number(out, cell.value);
        text(out, cell.value_kind);
        number(out, cell.value_scaled);
        optional_text(out, cell.unit);
        number(out, cell.unit_multiplier);
        optional_text(out, cell.unit_currency);
        optional_text(out, cell.unit_kind);
        list(out, cell.footnote_markers);
        list(out, cell.footnote_texts);
        list(out, cell.flags);
        number(out, cell.line);
        // The last field's separator becomes the line end.
        if let Some(last) = out.last_mut() {
            *last = b'\n';
        }
    }
}

/// A text field and its separator.
fn text(out: &mut Vec<u8>, value: &str) {
    let needs_quotes = value.is_empty() || value.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if needs_quotes {
        out.push(b'"');
        for piece in value.split_inclusive('"') {
            out.extend_from_slice(piece.as_bytes());
            if piece.ends_with('"') {
                out.push(b'"');
            }
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(value.as_bytes());
    }
    out.push(b',');
}

/// A text field that may be missing (an empty field).
fn optional_text(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => text(out, value),
        None => out.push(b','),
    }
}

/// A number field, written as JSON writes it (`3102765.0`, `2019`), or an empty field.
fn number<N: Serialize>(out: &mut Vec<u8>, value: Option<N>) {
    if let Some(value) = value {
        serde_json::to_writer(&mut *out, &value).expect("writing a number to memory cannot fail");
    }
    out.push(b',');
}

/// A list field: the JSON text of the array, quoted as CSV text.
fn list<S: AsRef<str> + Serialize>(out: &mut Vec<u8>, items: &[S]) {
    let mut json = Vec::with_capacity(2 + items.iter().map(|item| item.as_ref().len() + 3).sum::<usize>());
    serde_json::to_writer(&mut json, items).expect("writing JSON to memory cannot fail");
    text(out, std::str::from_utf8(&json).expect("serde_json writes UTF-8"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::cell_records;
    use crate::pipeline::{DocumentInput, ExtractOptions, extract_str};
    use crate::source::SourceFormat;

    /// The seed page (Tabel 2 of the OWB 2022, chapter VI) with its settled overrides.
    fn seed() -> Document {
        let text = include_str!("../../fixtures/text/veiligheidsagenda-owb-2022-VI.txt");
        let overrides = crate::overrides::Overrides::parse(
            std::path::Path::new("veiligheidsagenda-owb-2022-VI.json"),
            include_str!("../../fixtures/overrides/veiligheidsagenda-owb-2022-VI.json"),
        )
        .unwrap();
        let input = DocumentInput::new("veiligheidsagenda-owb-2022-VI.txt", SourceFormat::Text);
        extract_str(&input, text, &ExtractOptions { overrides: Some(overrides), ..ExtractOptions::default() })
    }

    #[test]
    fn json_lines_are_serde_json_of_each_record() {
        let document = seed();
        let records = cell_records(&document);
        assert_eq!(records.len(), 64, "Tabel 2: 16 rows of 4 columns");
        let mut out = Vec::new();
        assert_eq!(json_cells(&document, JsonFraming::Line, &mut out), 64);
        let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
        for (line, record) in lines.iter().zip(&records) {
            assert_eq!(*line, serde_json::to_string(record).unwrap());
        }
        // "Totale inzet", Realisatie 2020: printed 478 (its parts sum to 442; the source says 478).
        let totale_inzet = records
            .iter()
            .position(|r| r.row_label == "Totale inzet" && r.column_header == "Realisatie 2020")
            .unwrap();
        assert!(lines[totale_inzet].contains(r#""raw":"478","value":478.0,"value_kind":"number""#));
        let mut items = Vec::new();
        json_cells(&document, JsonFraming::ArrayItem, &mut items);
        let array = format!("[{}]", std::str::from_utf8(&items[1..]).unwrap());
        let parsed: Vec<serde_json::Value> = serde_json::from_str(&array).unwrap();
        assert_eq!(parsed, records.iter().map(|r| serde_json::to_value(r).unwrap()).collect::<Vec<_>>());
    }

    /// The keys of a JSON object, in the order they are written.
    struct KeysInOrder(Vec<String>);

    impl<'de> serde::Deserialize<'de> for KeysInOrder {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Keys;
            impl<'de> serde::de::Visitor<'de> for Keys {
                type Value = KeysInOrder;
                fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                    formatter.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<KeysInOrder, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        keys.push(key);
                    }
                    Ok(KeysInOrder(keys))
                }
            }
            deserializer.deserialize_map(Keys)
        }
    }

    #[test]
    fn csv_header_names_the_json_fields_in_their_order() {
        let mut out = Vec::new();
        json_cells(&seed(), JsonFraming::Line, &mut out);
        let first = std::str::from_utf8(&out).unwrap().lines().next().unwrap();
        let KeysInOrder(names) = serde_json::from_str(first).unwrap();
        assert_eq!(names.len(), 38);
        assert_eq!(format!("{}\n", names.join(",")), CSV_HEADER);
    }

    #[test]
    fn csv_has_one_line_per_record_with_every_column() {
        let document = seed();
        let mut out = Vec::new();
        assert_eq!(csv_lines(&document, &mut out), 64);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 64);
        let first = text.lines().next().unwrap();
        // No address was given, so url, year, type and chapter are missing, and flattened text
        // states no dossier or stuk: empty fields. The hash is `sha256sum` of the fixture.
        assert_eq!(
            first,
            "veiligheidsagenda-owb-2022-VI.txt,\
             6035f9a1a18a8c7638db18520236c3c3acfcc7ef1354c306d46d50a2265e5d0e,\
             veiligheidsagenda-owb-2022-VI.txt,,,,,,,2.2 Veiligheidsagenda,0,2,\
             Veiligheidsagenda 2019-2022,1,Aantal aangepakte CSV's,,,\"[\"\"Aantal aangepakte CSV's\"\"]\",\
             Ondermijning,data,,0,Realisatie 2019,\"[\"\"Realisatie\"\",\"\"2019\"\"]\",2019,realisatie,\
             1.522,1522.0,number,,Aantal,1,,count,[],[],[],43"
        );
        assert!(text.contains(",Totale inzet,"));
        assert!(text.contains(",478,478.0,number,"), "Totale inzet, Realisatie 2020, as printed");
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = Vec::new();
        text(&mut out, "Totaal");
        text(&mut out, "");
        text(&mut out, "x € 1.000, excl. btw");
        text(&mut out, "de \"Norm\"");
        optional_text(&mut out, None);
        number(&mut out, Some(3_102_765.0f64));
        number(&mut out, Some(-21.7f64));
        number::<u32>(&mut out, None);
        list(&mut out, &["1", "*"]);
        list::<&str>(&mut out, &[]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Totaal,\"\",\"x € 1.000, excl. btw\",\"de \"\"Norm\"\"\",,3102765.0,-21.7,,\"[\"\"1\"\",\"\"*\"\"]\",[],"
        );
    }
}
