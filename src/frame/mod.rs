//! The long format: one record per data cell, and its polars frame.
//!
//! Owns the shape of the output every writer shares: which columns, in which order, with which
//! types (see `docs/schema.md`). [`cell_records`] is pure Rust and says what goes in each column
//! (for tests, `check` and library users); `FrameBuilder` (feature `frames`) appends the same
//! cells straight into polars column builders, which is what the writers use. Only cells of data,
//! total and waarvan rows of budget tables become records; group, spacer, header and note rows
//! are in `tables.json`, not here. Empty cells are records too (value kind `empty`).
use crate::footnote::note_text;
use crate::normalize::unit::{UnitKind, UnitMeaning, parse_unit};
use crate::pipeline::Document;
use crate::table::{Cell, CellFlag, Table, TableKind, ValueKind};

/// One data cell with where it came from. Field order is column order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CellRecord {
    /// The document id.
    pub doc_id: String,
    /// Hex SHA-256 of the document's bytes.
    pub doc_sha256: String,
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
    /// Kamerstuk dossier number ("35470").
    pub dossier: Option<String>,
    /// Stuk number within the dossier ("4").
    pub stuk: Option<String>,
    /// Nearest section heading above the table.
    pub section: Option<String>,
    /// Table position in the document, from 0.
    pub table_index: u32,
    /// The N of "Tabel N".
    pub table_number: Option<String>,
    /// Table caption without number and unit.
    pub table_title: Option<String>,
    /// Row position in the table, from 0, in print order (group rows count).
    pub row_index: u32,
    /// The row label, markers removed.
    pub row_label: String,
    /// The code stub cell, where the table has a code column.
    pub row_code: Option<String>,
    /// The budget article the row is about, where the print names one.
    pub row_article: Option<String>,
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
    /// What kind of figure the column holds (realisatie, raming, …), when its header says.
    pub column_measure: Option<String>,
    /// The printed text, markers removed.
    pub raw: String,
    /// The number, for number and percent kinds.
    pub value: Option<f64>,
    /// number, percent, empty, nil, pm, nvt or text.
    pub value_kind: String,
    /// The value times the unit's multiplier, for amounts (euros for a euro unit).
    pub value_scaled: Option<f64>,
    /// The unit that applies to the cell, as printed (the row's, else the column's, else the table's).
    pub unit: Option<String>,
    /// What one printed unit is worth (1, 1000, 1000000, …).
    pub unit_multiplier: Option<i64>,
    /// "EUR" when the unit names euros.
    pub unit_currency: Option<String>,
    /// amount, percent, count, fte, ratio or other.
    pub unit_kind: Option<String>,
    /// Markers that apply to the cell: its row's, its column's, its own.
    pub footnote_markers: Vec<String>,
    /// The note text for each marker, in the same order; empty when the marker has no note.
    pub footnote_texts: Vec<String>,
    /// Flags: unresolved_footnote, truncated_table, column_inferred, overridden, cut_cell, …
    pub flags: Vec<String>,
    /// 1-based source line of the cell (of the row when the cell vanished), when known.
    pub line: Option<u32>,
}

/// One data cell as its columns, borrowed from the document: what every output writes for it.
/// [`CellRecord`] is its owned copy; the JSON and CSV writers (`write::cell_text`) write its
/// fields, and the frame builder appends them to its column builders. Field order is column
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct CellView<'d> {
    /// The document id.
    pub doc_id: &'d str,
    /// Hex SHA-256 of the document's bytes.
    pub doc_sha256: &'d str,
    /// The source path as given.
    pub source: &'d str,
    /// The page address, when known.
    pub url: Option<&'d str>,
    /// Budget year of the document.
    pub year: Option<i32>,
    /// Document type.
    pub doc_type: Option<&'d str>,
    /// Budget chapter.
    pub chapter: Option<&'d str>,
    /// Kamerstuk dossier number.
    pub dossier: Option<&'d str>,
    /// Stuk number within the dossier.
    pub stuk: Option<&'d str>,
    /// Nearest section heading above the table.
    pub section: Option<&'d str>,
    /// Table position in the document, from 0.
    pub table_index: u32,
    /// The N of "Tabel N".
    pub table_number: Option<&'d str>,
    /// Table caption without number and unit.
    pub table_title: Option<&'d str>,
    /// Row position in the table, from 0.
    pub row_index: u32,
    /// The row label, markers removed.
    pub row_label: &'d str,
    /// The code stub cell.
    pub row_code: Option<&'d str>,
    /// The budget article the row is about.
    pub row_article: Option<&'d str>,
    /// All stub cells, left to right.
    pub row_stub: &'d [&'d str],
    /// The group the row sits under.
    pub row_group: Option<&'d str>,
    /// data, total or waarvan.
    pub row_kind: &'static str,
    /// For waarvan rows: the row index of the parent row.
    pub parent_row_index: Option<u32>,
    /// Data column position, from 0.
    pub column_index: u32,
    /// Header path joined with spaces.
    pub column_header: &'d str,
    /// Header path, top row first.
    pub column_path: &'d [String],
    /// The year the column is about.
    pub column_year: Option<i32>,
    /// What kind of figure the column holds.
    pub column_measure: Option<&'static str>,
    /// The printed text, markers removed.
    pub raw: &'d str,
    /// The number, for number and percent kinds.
    pub value: Option<f64>,
    /// number, percent, empty, nil, pm, nvt or text.
    pub value_kind: &'static str,
    /// The value times the unit's multiplier, for amounts.
    pub value_scaled: Option<f64>,
    /// The unit that applies to the cell, as printed.
    pub unit: Option<&'d str>,
    /// What one printed unit is worth.
    pub unit_multiplier: Option<i64>,
    /// "EUR" when the unit names euros.
    pub unit_currency: Option<&'static str>,
    /// amount, percent, count, fte, ratio or other.
    pub unit_kind: Option<&'static str>,
    /// Markers that apply to the cell: its row's, its column's, its own (each once).
    pub footnote_markers: &'d [&'d str],
    /// The note text for each marker; empty when the marker has no note.
    pub footnote_texts: &'d [&'d str],
    /// Flags.
    pub flags: &'d [&'static str],
    /// 1-based source line of the cell (of the row when the cell vanished).
    pub line: Option<u32>,
    /// Not a column: the table's position in the document's list of tables, which tells the
    /// cells of one table from the next even where two tables share an index.
    pub table_position: usize,
}

impl CellView<'_> {
    /// The owned record of this cell.
    pub fn to_record(&self) -> CellRecord {
        let owned = |text: &str| text.to_string();
        let strings = |texts: &[&str]| texts.iter().map(|text| text.to_string()).collect();
        CellRecord {
            doc_id: owned(self.doc_id),
            doc_sha256: owned(self.doc_sha256),
            source: owned(self.source),
            url: self.url.map(owned),
            year: self.year,
            doc_type: self.doc_type.map(owned),
            chapter: self.chapter.map(owned),
            dossier: self.dossier.map(owned),
            stuk: self.stuk.map(owned),
            section: self.section.map(owned),
            table_index: self.table_index,
            table_number: self.table_number.map(owned),
            table_title: self.table_title.map(owned),
            row_index: self.row_index,
            row_label: owned(self.row_label),
            row_code: self.row_code.map(owned),
            row_article: self.row_article.map(owned),
            row_stub: strings(self.row_stub),
            row_group: self.row_group.map(owned),
            row_kind: owned(self.row_kind),
            parent_row_index: self.parent_row_index,
            column_index: self.column_index,
            column_header: owned(self.column_header),
            column_path: self.column_path.to_vec(),
            column_year: self.column_year,
            column_measure: self.column_measure.map(owned),
            raw: owned(self.raw),
            value: self.value,
            value_kind: owned(self.value_kind),
            value_scaled: self.value_scaled,
            unit: self.unit.map(owned),
            unit_multiplier: self.unit_multiplier,
            unit_currency: self.unit_currency.map(owned),
            unit_kind: self.unit_kind.map(owned),
            footnote_markers: strings(self.footnote_markers),
            footnote_texts: strings(self.footnote_texts),
            flags: self.flags.iter().map(|flag| flag.to_string()).collect(),
            line: self.line,
        }
    }
}

/// The long-format records of one document, in document order (table, row, column).
pub fn cell_records(document: &Document) -> Vec<CellRecord> {
    let mut records = Vec::with_capacity(cell_count(document));
    for_each_cell(document, |cell| {
        records.push(cell.to_record());
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {});
    records
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

/// Every data cell of a document as a [`CellView`], in document order (table, row, column): the
/// one walk that decides which cells become records, shared by every writer.
pub fn for_each_cell<E>(
    document: &Document,
    mut visit: impl FnMut(&CellView) -> Result<(), E>,
) -> Result<usize, E> {
    let mut cells = 0;
    let mut lists = CellLists::default();
    for (table_position, table) in document.tables.iter().enumerate() {
        if table.kind != TableKind::Budget {
            continue;
        }
        let headers: Vec<String> = table.columns.iter().map(|column| column.header()).collect();
        let years: Vec<Option<i32>> = table.columns.iter().map(|column| column.year()).collect();
        let table_unit = table.unit.as_deref().map(AppliedUnit::of);
        let column_units: Vec<Option<AppliedUnit>> =
            table.columns.iter().map(|column| column.unit.as_deref().map(AppliedUnit::of)).collect();
        for (row_index, row) in table.rows.iter().enumerate() {
            if !row.kind.carries_data() {
                continue;
            }
            let row_unit = row.unit.as_deref().map(AppliedUnit::of);
            for column_index in 0..row.cells.len() {
                lists.fill(table, row_index, column_index);
                let header = headers.get(column_index).map_or("", String::as_str);
                let year = years.get(column_index).copied().flatten();
                let place = CellPlace { table_position, row_index, column_index };
                let unit = row_unit.or(column_units.get(column_index).copied().flatten()).or(table_unit);
                let unit = AppliedUnit::for_cell(unit, &row.cells[column_index]);
                visit(&view(document, table, place, ColumnFacts { header, year, unit }, &lists))?;
                cells += 1;
            }
        }
    }
    Ok(cells)
}

/// The list columns of one cell, in buffers that are refilled cell after cell rather than
/// allocated for each.
#[derive(Default)]
struct CellLists<'d> {
    stub: Vec<&'d str>,
    markers: Vec<&'d str>,
    texts: Vec<&'d str>,
    flags: Vec<&'static str>,
}

impl<'d> CellLists<'d> {
    /// Fills the lists for one cell. The markers that apply to a cell are its row's, its
    /// column's and its own, each once, first occurrence first, without copying them; a note
    /// text per marker.
    fn fill(&mut self, table: &'d Table, row_index: usize, column_index: usize) {
        let row = &table.rows[row_index];
        let cell = &row.cells[column_index];
        self.stub.clear();
        self.stub.extend(row.stub.iter().map(|stub| stub.text.as_str()));
        let column =
            table.columns.get(column_index).map(|column| column.markers.as_slice()).unwrap_or_default();
        self.markers.clear();
        for marker in row.markers.iter().chain(column).chain(&cell.markers) {
            if !self.markers.contains(&marker.as_str()) {
                self.markers.push(marker);
            }
        }
        self.texts.clear();
        self.texts.extend(self.markers.iter().map(|marker| note_text(table, marker).unwrap_or_default()));
        self.flags.clear();
        self.flags.extend(cell.flags.iter().map(|flag| flag.name()));
        if table.truncated && !cell.flags.contains(&CellFlag::TruncatedTable) {
            self.flags.push(CellFlag::TruncatedTable.name());
        }
    }
}

/// The unit that applies to a cell: the phrase as printed and what it means.
#[derive(Debug, Clone, Copy)]
struct AppliedUnit<'d> {
    printed: &'d str,
    meaning: Option<UnitMeaning>,
}

impl<'d> AppliedUnit<'d> {
    fn of(printed: &'d str) -> AppliedUnit<'d> {
        AppliedUnit { printed, meaning: parse_unit(printed) }
    }

    /// The unit of one cell: the one that applies to its row and column, except that a cell
    /// printed as a percentage ("51%") is one whatever the table says.
    fn for_cell(applied: Option<AppliedUnit<'d>>, cell: &Cell) -> Option<AppliedUnit<'d>> {
        let percent = Some(UnitKind::Percent);
        if cell.value_kind == ValueKind::Percent && applied.and_then(|a| a.meaning).map(|m| m.kind) != percent
        {
            return Some(AppliedUnit { printed: "%", meaning: Some(UnitMeaning::PERCENT) });
        }
        applied
    }
}

/// What a cell takes from its column and its row: the header, the year and the unit.
struct ColumnFacts<'a> {
    header: &'a str,
    year: Option<i32>,
    unit: Option<AppliedUnit<'a>>,
}

/// Where a cell stands: its table's position in the document, its row and its column.
struct CellPlace {
    table_position: usize,
    row_index: usize,
    column_index: usize,
}

fn view<'a>(
    document: &'a Document,
    table: &'a Table,
    place: CellPlace,
    facts: ColumnFacts<'a>,
    lists: &'a CellLists<'a>,
) -> CellView<'a> {
    let CellPlace { table_position, row_index, column_index } = place;
    let ColumnFacts { header: column_header, year: column_year, unit } = facts;
    let meaning = unit.and_then(|unit| unit.meaning);
    let value_scaled = match (cell_value_for_scaling(&table.rows[row_index].cells[column_index]), meaning) {
        (Some(value), Some(meaning)) => meaning.scaled(value),
        _ => None,
    };
    let row = &table.rows[row_index];
    let cell = &row.cells[column_index];
    let column = table.columns.get(column_index);
    CellView {
        doc_id: &document.doc_id,
        doc_sha256: &document.sha256,
        source: &document.source,
        url: document.url.as_deref(),
        year: document.meta.year,
        doc_type: document.meta.doc_type.as_deref(),
        chapter: document.meta.chapter.as_deref(),
        dossier: document.meta.dossier.as_deref(),
        stuk: document.meta.stuk.as_deref(),
        section: table.section.as_deref(),
        table_index: table.index as u32,
        table_number: table.number.as_deref(),
        table_title: table.title.as_deref(),
        row_index: row_index as u32,
        row_label: &row.label,
        row_code: row.code.as_deref(),
        row_article: row.article.as_deref(),
        row_stub: &lists.stub,
        row_group: row.group.as_deref(),
        row_kind: row.kind.name(),
        parent_row_index: row.parent_row_index.map(|index| index as u32),
        column_index: column_index as u32,
        column_header,
        column_path: column.map(|c| c.path.as_slice()).unwrap_or_default(),
        column_year,
        column_measure: column.and_then(|c| c.measure).map(|m| m.name()),
        raw: &cell.text,
        value: cell.value,
        value_kind: cell.value_kind.name(),
        value_scaled,
        unit: unit.map(|unit| unit.printed),
        unit_multiplier: meaning.map(|m| m.multiplier),
        unit_currency: meaning.and_then(|m| m.currency),
        unit_kind: meaning.map(|m| m.kind.name()),
        footnote_markers: &lists.markers,
        footnote_texts: &lists.texts,
        flags: &lists.flags,
        line: cell.line.or(row.line).map(|line| line as u32),
        table_position,
    }
}

/// The value a unit may scale: a plain number's (a percentage is never scaled).
fn cell_value_for_scaling(cell: &Cell) -> Option<f64> {
    if cell.value_kind == ValueKind::Number { cell.value } else { None }
}

/// The columns of the long format that hold a value in every row (docs/schema.md: the ones whose
/// type is not marked "null"); the Parquet writer declares them `REQUIRED`.
pub const NEVER_NULL_COLUMNS: &[&str] = &[
    "doc_id",
    "doc_sha256",
    "source",
    "table_index",
    "row_index",
    "row_label",
    "row_stub",
    "row_kind",
    "column_index",
    "column_header",
    "column_path",
    "raw",
    "value_kind",
    "footnote_markers",
    "footnote_texts",
    "flags",
];

#[cfg(feature = "frames")]
pub use columns::FrameBuilder;

/// The columnar builder (polars): see [`columns`].
#[cfg(feature = "frames")]
mod columns;
#[cfg(feature = "frames")]
mod runs;

#[cfg(feature = "frames")]
pub mod arrow_stream;
#[cfg(feature = "frames")]
pub mod collect;

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
            sha256: String::new(),
            source: "seed.txt".into(),
            url: None,
            format: SourceFormat::Text,
            encoding: "utf-8".into(),
            meta: DocMeta {
                year: Some(2022),
                doc_type: Some("OWB".into()),
                chapter: Some("VI".into()),
                ..DocMeta::default()
            },
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
        use polars::prelude::DataType;
        for document in [executie_document(), Document { tables: Vec::new(), ..executie_document() }] {
            let mut builder = FrameBuilder::new(16);
            let cells = builder.push_document(&document, usize::MAX, |_| Ok::<(), ()>(())).unwrap();
            assert_eq!(cells, cell_records(&document).len());
            let frame = builder.take_frame().unwrap();
            assert_eq!(frame.height(), cells);
            // The builder and the records are two writings of the same columns: same values.
            let records = cell_records(&document);
            let raw: Vec<Option<&str>> = frame.column("raw").unwrap().str().unwrap().iter().collect();
            assert_eq!(raw, records.iter().map(|r| Some(r.raw.as_str())).collect::<Vec<_>>());
            let values: Vec<Option<f64>> = frame.column("value").unwrap().f64().unwrap().iter().collect();
            assert_eq!(values, records.iter().map(|r| r.value).collect::<Vec<_>>());
            let groups: Vec<Option<&str>> =
                frame.column("row_group").unwrap().str().unwrap().iter().collect();
            assert_eq!(groups, records.iter().map(|r| r.row_group.as_deref()).collect::<Vec<_>>());
            let dtype = |name: &str| frame.column(name).unwrap().dtype().clone();
            assert_eq!(dtype("year"), DataType::Int32);
            assert_eq!(dtype("value"), DataType::Float64);
            assert_eq!(dtype("table_index"), DataType::UInt32);
            assert_eq!(dtype("url"), DataType::String);
            assert_eq!(dtype("flags"), DataType::List(Box::new(DataType::String)));
            assert_eq!(dtype("row_stub"), DataType::List(Box::new(DataType::String)));
            assert_eq!(dtype("dossier"), DataType::String);
            assert_eq!(frame.width(), 38);
        }
    }

    #[test]
    fn never_null_columns_are_the_ones_docs_schema_md_types_without_null() {
        let schema_md = include_str!("../../docs/schema.md");
        let table = schema_md
            .lines()
            .skip_while(|line| !line.starts_with("| column | Parquet / Arrow type"))
            .skip(2)
            .take_while(|line| line.starts_with("| `"));
        let mut columns = 0;
        let mut never_null = Vec::new();
        for line in table {
            let cells: Vec<&str> = line.split(" | ").collect();
            columns += 1;
            if !cells[1].contains("null") {
                never_null.push(cells[0].trim_start_matches("| `").trim_end_matches('`'));
            }
        }
        assert_eq!(columns, 38, "the cells table of docs/schema.md lists every column in one table");
        assert_eq!(never_null, NEVER_NULL_COLUMNS);
    }
}
