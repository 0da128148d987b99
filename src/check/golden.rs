//! Golden outputs: this run's cells compared with a previous run's `cells.json`, cell by cell.
//!
//! Cells are matched by a key that survives rows being added or removed elsewhere: document,
//! table (index and number), row group, row label, the how-many-th row with that label, column
//! header and column position. A cell only in the golden output is "removed", one only in this run "added", and one in
//! both with another printed text, value, kind, flags or markers "changed". Each difference is one
//! finding naming table, row and column, with the old and new text.

use std::collections::BTreeMap;
use std::path::Path;

use crate::check::{Finding, Severity};
use crate::error::{Error, ErrorKind, Location};
use crate::frame::CellRecord;

type Key = (String, u32, Option<String>, Option<String>, String, usize, String, u32);

fn keyed(records: &[CellRecord]) -> BTreeMap<Key, &CellRecord> {
    let mut occurrences: BTreeMap<(String, u32, Option<String>, String, String), usize> = BTreeMap::new();
    let mut seen_rows: BTreeMap<(String, u32, u32), usize> = BTreeMap::new();
    let mut map = BTreeMap::new();
    for record in records {
        let row_key = (record.doc_id.clone(), record.table_index, record.row_index);
        let occurrence = *seen_rows.entry(row_key).or_insert_with(|| {
            let counter = occurrences
                .entry((
                    record.doc_id.clone(),
                    record.table_index,
                    record.row_group.clone(),
                    record.row_label.clone(),
                    record.column_header.clone(),
                ))
                .or_insert(0);
            *counter += 1;
            *counter
        });
        map.insert(
            (
                record.doc_id.clone(),
                record.table_index,
                record.table_number.clone(),
                record.row_group.clone(),
                record.row_label.clone(),
                occurrence,
                record.column_header.clone(),
                // Two columns can share a header (the `keys` rule warns); the position keeps
                // them apart.
                record.column_index,
            ),
            record,
        );
    }
    map
}

/// Reads a golden directory's `cells.json`.
pub fn load_golden(directory: &Path) -> Result<Vec<CellRecord>, Error> {
    let file = directory.join("cells.json");
    let text = std::fs::read_to_string(&file).map_err(|error| {
        Error::new(
            &file,
            ErrorKind::Read { message: format!("{error} (write it with `check --golden DIR --update`)") },
        )
    })?;
    serde_json::from_str(&text).map_err(|error| {
        Error::new(
            &file,
            ErrorKind::Config { file: file.clone(), line: error.line(), message: error.to_string() },
        )
    })
}

fn place(record: &CellRecord) -> String {
    let table = match (&record.table_number, &record.table_title) {
        (Some(number), Some(title)) => format!("table {} (Tabel {number} {title})", record.table_index),
        (None, Some(title)) => format!("table {} ({title})", record.table_index),
        (Some(number), None) => format!("table {} (Tabel {number})", record.table_index),
        (None, None) => format!("table {}", record.table_index),
    };
    format!("{table}, row \"{}\", column \"{}\"", record.row_label, record.column_header)
}

fn location(record: &CellRecord) -> Location {
    Location::table(record.table_index as usize, record.line.map(|line| line as usize))
        .with_row(record.row_index as usize)
        .with_column(record.column_index as usize)
}

fn describe(record: &CellRecord) -> String {
    let mut text = format!("\"{}\"", record.raw);
    if !record.flags.is_empty() {
        text.push_str(&format!(" [{}]", record.flags.join(", ")));
    }
    if !record.footnote_markers.is_empty() {
        text.push_str(&format!(" (markers {})", record.footnote_markers.join(",")));
    }
    text
}

/// Compares this run's cells with the golden cells; one finding per difference, in key order.
pub fn compare(current: &[CellRecord], golden: &[CellRecord]) -> Vec<Finding> {
    let now = keyed(current);
    let before = keyed(golden);
    let mut findings = Vec::new();
    let finding = |record: &CellRecord, message: String| Finding {
        rule: "golden",
        severity: Severity::Error,
        doc_id: record.doc_id.clone(),
        location: location(record),
        message,
    };
    for (key, old) in &before {
        match now.get(key) {
            None => findings.push(finding(old, format!("removed: {} was {}", place(old), describe(old)))),
            Some(new) => {
                let same = old.raw == new.raw
                    && old.value == new.value
                    && old.value_kind == new.value_kind
                    && old.flags == new.flags
                    && old.footnote_markers == new.footnote_markers;
                if !same {
                    findings.push(finding(
                        new,
                        format!("changed: {}: {} → {}", place(new), describe(old), describe(new)),
                    ));
                }
            }
        }
    }
    for (key, new) in &now {
        if !before.contains_key(key) {
            findings.push(finding(new, format!("added: {} is {}", place(new), describe(new))));
        }
    }
    findings
}
