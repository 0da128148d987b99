//! The long format: one record per data cell, and its polars frame.
//!
//! Owns the shape of the output every writer shares: which columns, in which order, with which
//! types (see `docs/schema.md`). [`cell_records`] is pure Rust and says what goes in each column;
//! [`records_to_frame`] turns records into a polars `DataFrame`. Only cells of data, total and
//! waarvan rows of budget tables become records; group, spacer, header and note rows are in
//! `tables.json`, not here. Empty cells are records too (value kind `empty`).

#[cfg(feature = "frames")]
use polars::prelude::*;

use crate::footnote::{cell_markers, note_text};
use crate::pipeline::Document;
use crate::table::{CellFlag, TableKind};

/// One data cell with where it came from. Field order is column order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CellRecord {
    /// The document id.
    pub doc_id: String,
    /// The source path as given.
    pub source: String,
    /// The page address, when known.
    pub url: Option<String>,
    /// Budget year of the document.
    pub year: Option<i32>,
    /// Document type (OWB, JV, …).
    pub doc_type: Option<String>,
    /// Budget chapter (VI, IXB, K, …).
    pub chapter: Option<String>,
    /// Nearest section heading above the table.
    pub section: Option<String>,
    /// Table position in the document, from 0.
    pub table_index: u32,
    /// The N of "Tabel N".
    pub table_number: Option<String>,
    /// Table caption without number and unit.
    pub table_title: Option<String>,
    /// Unit as printed.
    pub unit: Option<String>,
    /// Row position in the table, from 0, in print order (group rows count).
    pub row_index: u32,
    /// The row label, markers removed.
    pub row_label: String,
    /// The code stub cell, where the table has a code column.
    pub row_code: Option<String>,
    /// All stub cells, left to right.
    pub row_stub: Vec<String>,
    /// The group the row sits under ("Outer > Inner" for subgroups).
    pub row_group: Option<String>,
    /// data, total or waarvan.
    pub row_kind: String,
    /// For waarvan rows: the row index of the parent row.
    pub parent_row_index: Option<u32>,
    /// Data column position, from 0 (stub columns excluded).
    pub column_index: u32,
    /// Header path joined with spaces.
    pub column_header: String,
    /// Header path, top row first.
    pub column_path: Vec<String>,
    /// The year the column is about, when its header names one.
    pub column_year: Option<i32>,
    /// The printed text, markers removed.
    pub raw: String,
    /// The number, for number and percent kinds.
    pub value: Option<f64>,
    /// number, percent, empty, nil, pm, nvt or text.
    pub value_kind: String,
    /// Markers that apply to the cell: its row's, its column's, its own.
    pub footnote_markers: Vec<String>,
    /// The note text for each marker, in the same order; empty when the marker has no note.
    pub footnote_texts: Vec<String>,
    /// Flags: unresolved_footnote, truncated_table, column_inferred, overridden, cut_cell, …
    pub flags: Vec<String>,
    /// 1-based source line of the cell (of the row when the cell vanished), when known.
    pub line: Option<u32>,
}

/// The long-format records of one document, in document order (table, row, column).
pub fn cell_records(document: &Document) -> Vec<CellRecord> {
    CellRecords::new(document).collect()
}

/// The number of long-format records a document gives, without building them.
pub fn cell_count(document: &Document) -> usize {
    document
        .tables
        .iter()
        .filter(|table| table.kind == TableKind::Budget)
        .flat_map(|table| &table.rows)
        .filter(|row| row.kind.carries_data())
        .map(|row| row.cells.len())
        .sum()
}

/// The long-format records of one document, built one at a time, so that a document with a
/// million cells never holds a million records at once.
pub struct CellRecords<'d> {
    document: &'d Document,
    table_index: usize,
    row_index: usize,
    column_index: usize,
}

impl<'d> CellRecords<'d> {
    /// Starts at the document's first cell.
    pub fn new(document: &'d Document) -> CellRecords<'d> {
        CellRecords { document, table_index: 0, row_index: 0, column_index: 0 }
    }
}

impl Iterator for CellRecords<'_> {
    type Item = CellRecord;

    fn next(&mut self) -> Option<CellRecord> {
        let document = self.document;
        loop {
            let table = document.tables.get(self.table_index)?;
            if table.kind != TableKind::Budget || self.row_index >= table.rows.len() {
                self.table_index += 1;
                self.row_index = 0;
                self.column_index = 0;
                continue;
            }
            let row = &table.rows[self.row_index];
            if !row.kind.carries_data() || self.column_index >= row.cells.len() {
                self.row_index += 1;
                self.column_index = 0;
                continue;
            }
            let (row_index, column_index) = (self.row_index, self.column_index);
            self.column_index += 1;
            return Some(record(document, table, row_index, column_index));
        }
    }
}

fn record(
    document: &Document,
    table: &crate::table::Table,
    row_index: usize,
    column_index: usize,
) -> CellRecord {
    let row = &table.rows[row_index];
    let cell = &row.cells[column_index];
    let column = table.columns.get(column_index);
    let footnote_markers = cell_markers(table, row_index, column_index);
    let footnote_texts = footnote_markers
        .iter()
        .map(|marker| note_text(table, marker).unwrap_or_default().to_string())
        .collect();
    let mut flags: Vec<String> = cell.flags.iter().map(|flag| flag.name().to_string()).collect();
    if table.truncated && !cell.flags.contains(&CellFlag::TruncatedTable) {
        flags.push(CellFlag::TruncatedTable.name().to_string());
    }
    CellRecord {
        doc_id: document.doc_id.clone(),
        source: document.source.clone(),
        url: document.url.clone(),
        year: document.meta.year,
        doc_type: document.meta.doc_type.clone(),
        chapter: document.meta.chapter.clone(),
        section: table.section.clone(),
        table_index: table.index as u32,
        table_number: table.number.clone(),
        table_title: table.title.clone(),
        unit: table.unit.clone(),
        row_index: row_index as u32,
        row_label: row.label.clone(),
        row_code: row.code.clone(),
        row_stub: row.stub.iter().map(|cell| cell.text.clone()).collect(),
        row_group: row.group.clone(),
        row_kind: row.kind.name().to_string(),
        parent_row_index: row.parent_row_index.map(|index| index as u32),
        column_index: column_index as u32,
        column_header: column.map(|c| c.header()).unwrap_or_default(),
        column_path: column.map(|c| c.path.clone()).unwrap_or_default(),
        column_year: column.and_then(|c| c.year()),
        raw: cell.text.clone(),
        value: cell.value,
        value_kind: cell.value_kind.name().to_string(),
        footnote_markers,
        footnote_texts,
        flags,
        line: cell.line.or(row.line).map(|line| line as u32),
    }
}

#[cfg(feature = "frames")]
fn list_column(name: &str, lists: impl Iterator<Item = Vec<String>>) -> Column {
    let series: Vec<Series> = lists.map(|items| Series::new(PlSmallStr::EMPTY, items)).collect();
    let mut list = Series::new(name.into(), series);
    if list.dtype() != &DataType::List(Box::new(DataType::String)) {
        // An all-empty batch infers List(Null); the schema promises List(String).
        list = list
            .cast(&DataType::List(Box::new(DataType::String)))
            .expect("casting empty lists to List(String) cannot fail");
    }
    list.into()
}

#[cfg(feature = "frames")]
/// Builds the frame of the documented schema from records (an empty frame keeps every column
/// and type).
pub fn records_to_frame(records: &[CellRecord]) -> PolarsResult<DataFrame> {
    macro_rules! column {
        ($name:literal, $field:ident) => {
            Column::new($name.into(), records.iter().map(|r| r.$field.clone()).collect::<Vec<_>>())
        };
    }
    let columns = vec![
        column!("doc_id", doc_id),
        column!("source", source),
        column!("url", url),
        column!("year", year),
        column!("doc_type", doc_type),
        column!("chapter", chapter),
        column!("section", section),
        column!("table_index", table_index),
        column!("table_number", table_number),
        column!("table_title", table_title),
        column!("unit", unit),
        column!("row_index", row_index),
        column!("row_label", row_label),
        column!("row_code", row_code),
        list_column("row_stub", records.iter().map(|r| r.row_stub.clone())),
        column!("row_group", row_group),
        column!("row_kind", row_kind),
        column!("parent_row_index", parent_row_index),
        column!("column_index", column_index),
        column!("column_header", column_header),
        list_column("column_path", records.iter().map(|r| r.column_path.clone())),
        column!("column_year", column_year),
        column!("raw", raw),
        column!("value", value),
        column!("value_kind", value_kind),
        list_column("footnote_markers", records.iter().map(|r| r.footnote_markers.clone())),
        list_column("footnote_texts", records.iter().map(|r| r.footnote_texts.clone())),
        list_column("flags", records.iter().map(|r| r.flags.clone())),
        column!("line", line),
    ];
    let mut frame = DataFrame::new(records.len(), columns)?;
    // Null-only columns infer type Null; cast them to the documented types.
    let string_columns = [
        "url",
        "doc_type",
        "chapter",
        "section",
        "table_number",
        "table_title",
        "unit",
        "row_code",
        "row_group",
    ];
    for name in string_columns {
        frame = cast_column(frame, name, DataType::String)?;
    }
    for (name, dtype) in [
        ("year", DataType::Int32),
        ("column_year", DataType::Int32),
        ("parent_row_index", DataType::UInt32),
        ("line", DataType::UInt32),
        ("value", DataType::Float64),
    ] {
        frame = cast_column(frame, name, dtype)?;
    }
    Ok(frame)
}

#[cfg(feature = "frames")]
fn cast_column(mut frame: DataFrame, name: &str, dtype: DataType) -> PolarsResult<DataFrame> {
    let current = frame.column(name)?;
    if current.dtype() != &dtype {
        let cast = current.cast(&dtype)?;
        frame.replace(name, cast)?;
    }
    Ok(frame)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::DocMeta;
    use crate::source::SourceFormat;
    use crate::table::{Cell, Column as TableColumn, Note, Row, Table};

    /// The Executie group of the seed's Tabel 2, built by hand as a reader would.
    fn executie_document() -> Document {
        let mut table = Table {
            number: Some("2".into()),
            title: Some("Veiligheidsagenda 2019-2022".into()),
            columns: ["2019", "2020"]
                .iter()
                .map(|year| TableColumn {
                    path: vec!["Realisatie".into(), year.to_string()],
                    ..Default::default()
                })
                .collect(),
            rows: vec![
                Row {
                    stub: vec![Cell::printed("Executie", Some(195))],
                    cells: vec![Cell::empty(None), Cell::empty(None)],
                    ..Row::default()
                },
                Row {
                    stub: vec![Cell::printed("Positief afgedane dossiers2", Some(199))],
                    cells: vec![Cell::printed("51%", Some(201)), Cell::printed("26%", Some(203))],
                    ..Row::default()
                },
            ],
            notes: vec![Note { marker: "2".into(), text: "Voor 2020 e.v.".into(), line: Some(213) }],
            ..Table::default()
        };
        let mut tables = vec![table.clone()];
        crate::footnote::link_footnotes(&mut tables);
        crate::normalize::rows::normalize_tables(&mut tables);
        table = tables.remove(0);
        Document {
            doc_id: "seed".into(),
            source: "seed.txt".into(),
            url: None,
            format: SourceFormat::Text,
            encoding: "utf-8".into(),
            meta: DocMeta { year: Some(2022), doc_type: Some("OWB".into()), chapter: Some("VI".into()) },
            tables: vec![table],
            warnings: Vec::new(),
        }
    }

    #[test]
    fn one_record_per_cell_of_data_rows() {
        let records = cell_records(&executie_document());
        assert_eq!(records.len(), 2, "the group row gives no records");
        let first = &records[0];
        assert_eq!(first.row_label, "Positief afgedane dossiers");
        assert_eq!(first.row_group.as_deref(), Some("Executie"));
        assert_eq!(first.row_index, 1);
        assert_eq!(first.column_header, "Realisatie 2019");
        assert_eq!(first.column_year, Some(2019));
        assert_eq!(first.value, Some(51.0));
        assert_eq!(first.value_kind, "percent");
        assert_eq!(first.footnote_markers, vec!["2"]);
        assert_eq!(first.footnote_texts, vec!["Voor 2020 e.v."]);
        assert_eq!(first.line, Some(201));
    }

    #[test]
    #[cfg(feature = "frames")]
    fn frame_has_the_documented_types_even_when_empty() {
        for records in [cell_records(&executie_document()), Vec::new()] {
            let frame = records_to_frame(&records).unwrap();
            let dtype = |name: &str| frame.column(name).unwrap().dtype().clone();
            assert_eq!(dtype("year"), DataType::Int32);
            assert_eq!(dtype("value"), DataType::Float64);
            assert_eq!(dtype("table_index"), DataType::UInt32);
            assert_eq!(dtype("url"), DataType::String);
            assert_eq!(dtype("flags"), DataType::List(Box::new(DataType::String)));
            assert_eq!(dtype("row_stub"), DataType::List(Box::new(DataType::String)));
            assert_eq!(frame.width(), 29);
        }
    }
}
