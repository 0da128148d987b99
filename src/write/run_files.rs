//! The files of one extraction run: cells in each chosen format, `tables.json` and `report.json`.

use std::path::Path;

use serde::Serialize;

use super::{OutputFormat, write_frame, write_json_value};
use crate::batch::{Outcome, ReportEntry, report_entry};
use crate::error::{Error, ErrorKind, Warning};
use crate::frame::{CellRecord, cell_records, records_to_frame};
use crate::meta::DocMeta;
use crate::table::Table;

/// One document in `tables.json`: its metadata, its tables as rebuilt, and its warnings by table.
#[derive(Debug, Serialize)]
struct DocumentTables<'d> {
    doc_id: &'d str,
    source: &'d str,
    url: Option<&'d str>,
    meta: &'d DocMeta,
    tables: Vec<TableView<'d>>,
    /// Warnings that belong to no table (metadata, decoding).
    warnings: Vec<&'d Warning>,
}

#[derive(Debug, Serialize)]
struct TableView<'d> {
    #[serde(flatten)]
    table: &'d Table,
    column_headers: Vec<String>,
    warnings: Vec<&'d Warning>,
}

/// What a run wrote, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunTotals {
    /// Documents extracted.
    pub ok: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Inputs skipped.
    pub skipped: usize,
    /// Tables found.
    pub tables: usize,
    /// Long-format cells written.
    pub cells: usize,
    /// Warnings in all documents.
    pub warnings: usize,
}

/// Writes every output file of a run into `directory` (created if missing) and returns the totals.
pub fn write_run(
    outcomes: &[Outcome],
    directory: &Path,
    formats: &[OutputFormat],
) -> Result<RunTotals, Error> {
    std::fs::create_dir_all(directory).map_err(|error| {
        Error::new(directory, ErrorKind::Write { file: directory.to_path_buf(), message: error.to_string() })
    })?;
    let mut records: Vec<CellRecord> = Vec::new();
    let mut report: Vec<ReportEntry> = Vec::new();
    let mut documents = Vec::new();
    let mut totals = RunTotals::default();
    for outcome in outcomes {
        let before = records.len();
        if let Outcome::Done(document) = outcome {
            records.extend(cell_records(document));
            documents.push(document_tables(document));
            totals.ok += 1;
            totals.tables += document.tables.len();
            totals.warnings += document.warnings.len();
        } else if matches!(outcome, Outcome::Failed(_)) {
            totals.failed += 1;
        } else {
            totals.skipped += 1;
        }
        report.push(report_entry(outcome, records.len() - before));
    }
    totals.cells = records.len();
    let mut frame = records_to_frame(&records).map_err(|error| {
        Error::new(directory, ErrorKind::Write { file: directory.to_path_buf(), message: error.to_string() })
    })?;
    for &format in formats {
        write_frame(&mut frame, directory, format)?;
    }
    write_json_value(&directory.join("tables.json"), &documents)?;
    write_json_value(&directory.join("report.json"), &report)?;
    Ok(totals)
}

fn document_tables(document: &crate::pipeline::Document) -> DocumentTables<'_> {
    let tables = document
        .tables
        .iter()
        .map(|table| TableView {
            table,
            column_headers: table.columns.iter().map(|column| column.header()).collect(),
            warnings: document
                .warnings
                .iter()
                .filter(|w| w.location.table_index == Some(table.index))
                .collect(),
        })
        .collect();
    DocumentTables {
        doc_id: &document.doc_id,
        source: &document.source,
        url: document.url.as_deref(),
        meta: &document.meta,
        tables,
        warnings: document.warnings.iter().filter(|w| w.location.table_index.is_none()).collect(),
    }
}
