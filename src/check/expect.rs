//! Expectation files: what a person states must hold in an extraction, in TOML.
//!
//! The format is documented in `docs/check.md`. In short: a `[run]` table with minimum counts,
//! and `[[document]]` entries (matched by a part of their path) listing the tables they must hold
//! (by `number` or a `title` pattern), the tables' column headers, row labels, minimum rows,
//! specific cells, and `[[document.accept]]` entries that acknowledge known findings (a row whose
//! placement is known to be inferred, say) so they do not fail the run.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use crate::check::{Finding, Severity};
use crate::error::{Error, ErrorKind, Location};
use crate::pipeline::Document;
use crate::table::{Table, TableKind};

/// One expectation file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    /// Where it was loaded from (set by [`Expectations::load`]).
    #[serde(skip)]
    pub file: PathBuf,
    /// Minimum counts over the whole run.
    #[serde(default)]
    pub run: RunExpectation,
    /// Per-document expectations.
    #[serde(default)]
    pub document: Vec<DocumentExpectation>,
}

/// Minimum counts over the whole run.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunExpectation {
    /// At least this many documents extracted.
    pub min_documents: Option<usize>,
    /// At least this many budget tables.
    pub min_tables: Option<usize>,
    /// At least this many long-format cells.
    pub min_cells: Option<usize>,
}

/// What must hold for the documents whose id or path contains `source`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentExpectation {
    /// A part of the document's path or id ("veiligheidsagenda-owb-2022-VI"); it must match at
    /// least one document.
    pub source: String,
    /// At least this many budget tables.
    pub min_tables: Option<usize>,
    /// Expected metadata.
    pub year: Option<i32>,
    /// Expected document type.
    pub doc_type: Option<String>,
    /// Expected chapter.
    pub chapter: Option<String>,
    /// Tables that must be present.
    #[serde(default)]
    pub table: Vec<TableExpectation>,
    /// Known findings that must not fail the run.
    #[serde(default)]
    pub accept: Vec<Acceptance>,
}

/// A table that must be present, found by number or title pattern.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableExpectation {
    /// The N of "Tabel N".
    pub number: Option<String>,
    /// A regular expression the title must match.
    pub title: Option<String>,
    /// The column headers, in order (each header path joined by a space).
    pub columns: Option<Vec<String>>,
    /// Row labels that must be present.
    #[serde(default)]
    pub rows: Vec<String>,
    /// At least this many data, total and waarvan rows.
    pub min_rows: Option<usize>,
    /// Specific cells.
    #[serde(default)]
    pub cell: Vec<CellExpectation>,
}

/// One cell, by row label and column header, with its printed text and/or value.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellExpectation {
    /// The row label (markers removed). The first row with this label is taken.
    pub row: String,
    /// The column header ("Realisatie 2019").
    pub column: String,
    /// The printed text, markers removed.
    pub raw: Option<String>,
    /// The parsed value.
    pub value: Option<f64>,
}

/// A finding that is known and accepted: it is reported but does not fail the run.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The rule's name ("placement", "totals", …).
    pub rule: String,
    /// Only findings on the row with this label; all rows when absent.
    pub row: Option<String>,
    /// Why it is accepted (for the reader of the file; required so nobody accepts silently).
    pub reason: String,
}

impl Expectations {
    /// Loads and validates an expectation file.
    pub fn load(file: &Path) -> Result<Expectations, Error> {
        let text = std::fs::read_to_string(file)
            .map_err(|error| Error::new(file, ErrorKind::Read { message: error.to_string() }))?;
        let config_error = |line: usize, message: String| {
            Error::new(file, ErrorKind::Config { file: file.to_path_buf(), line, message })
        };
        let mut expectations: Expectations = toml::from_str(&text).map_err(|error| {
            let line =
                error.span().map_or(0, |span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            config_error(line, error.message().to_string())
        })?;
        for document in &expectations.document {
            for table in &document.table {
                if table.number.is_none() && table.title.is_none() {
                    return Err(config_error(
                        0,
                        format!("a table of document \"{}\" needs a number or a title", document.source),
                    ));
                }
                if let Some(pattern) = &table.title {
                    Regex::new(pattern)
                        .map_err(|error| config_error(0, format!("title pattern \"{pattern}\": {error}")))?;
                }
            }
        }
        expectations.file = file.to_path_buf();
        Ok(expectations)
    }

    /// Checks the documents against these expectations.
    pub fn check(&self, documents: &[Document]) -> Vec<Finding> {
        let mut findings = Vec::new();
        let run_finding = |message: String| Finding {
            rule: "expect",
            severity: Severity::Error,
            doc_id: String::new(),
            location: Location::default(),
            message: format!("{}: {message}", self.file.display()),
        };
        let budget_tables = |document: &Document| {
            document.tables.iter().filter(|table| table.kind == TableKind::Budget).count()
        };
        let tables: usize = documents.iter().map(budget_tables).sum();
        let cells: usize = documents.iter().map(crate::frame::cell_count).sum();
        for (what, minimum, found) in [
            ("documents", self.run.min_documents, documents.len()),
            ("budget tables", self.run.min_tables, tables),
            ("cells", self.run.min_cells, cells),
        ] {
            if let Some(minimum) = minimum
                && found < minimum
            {
                findings.push(run_finding(format!("expected at least {minimum} {what}, found {found}")));
            }
        }
        for expectation in &self.document {
            let matching: Vec<&Document> = documents
                .iter()
                .filter(|document| {
                    document.doc_id.contains(&expectation.source)
                        || document.source.contains(&expectation.source)
                })
                .collect();
            if matching.is_empty() {
                findings.push(run_finding(format!("no document matches \"{}\"", expectation.source)));
            }
            for document in matching {
                findings.extend(self.check_document(expectation, document, budget_tables(document)));
            }
        }
        findings
    }

    fn check_document(
        &self,
        expectation: &DocumentExpectation,
        document: &Document,
        tables: usize,
    ) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut fail = |location: Location, message: String| {
            findings.push(Finding::new(
                "expect",
                Severity::Error,
                document,
                location,
                format!("{}: {message}", self.file.display()),
            ));
        };
        if let Some(minimum) = expectation.min_tables
            && tables < minimum
        {
            fail(Location::default(), format!("expected at least {minimum} budget tables, found {tables}"));
        }
        let meta = &document.meta;
        if expectation.year.is_some() && expectation.year != meta.year {
            fail(Location::default(), format!("expected year {:?}, found {:?}", expectation.year, meta.year));
        }
        if expectation.doc_type.is_some() && expectation.doc_type != meta.doc_type {
            fail(
                Location::default(),
                format!("expected document type {:?}, found {:?}", expectation.doc_type, meta.doc_type),
            );
        }
        if expectation.chapter.is_some() && expectation.chapter != meta.chapter {
            fail(
                Location::default(),
                format!("expected chapter {:?}, found {:?}", expectation.chapter, meta.chapter),
            );
        }
        for table_expectation in &expectation.table {
            let Some(table) = find_table(document, table_expectation) else {
                let found: Vec<String> = document
                    .tables
                    .iter()
                    .map(|t| {
                        format!(
                            "{} \"{}\"",
                            t.number.as_deref().unwrap_or("-"),
                            t.title.as_deref().unwrap_or("")
                        )
                    })
                    .collect();
                fail(
                    Location::default(),
                    format!(
                        "expected a table {}; the document has: {}",
                        describe(table_expectation),
                        found.join(", ")
                    ),
                );
                continue;
            };
            let here = Location::table(table.index, table.lines.map(|(first, _)| first));
            if let Some(columns) = &table_expectation.columns {
                let found: Vec<String> = table.columns.iter().map(|c| c.header()).collect();
                if &found != columns {
                    fail(here.clone(), format!("expected columns {columns:?}, found {found:?}"));
                }
            }
            for label in &table_expectation.rows {
                if !table.rows.iter().any(|row| &row.label == label) {
                    fail(here.clone(), format!("expected a row \"{label}\""));
                }
            }
            let data_rows = table.rows.iter().filter(|row| row.kind.carries_data()).count();
            if let Some(minimum) = table_expectation.min_rows
                && data_rows < minimum
            {
                fail(here.clone(), format!("expected at least {minimum} data rows, found {data_rows}"));
            }
            for cell_expectation in &table_expectation.cell {
                if let Some(message) = check_cell(table, cell_expectation) {
                    fail(here.clone(), message);
                }
            }
        }
        findings
    }

    /// True when a finding is acknowledged by an `accept` entry of the document it is about.
    pub fn accepts(&self, finding: &Finding, documents: &[Document]) -> bool {
        let Some(document) = documents.iter().find(|document| document.doc_id == finding.doc_id) else {
            return false;
        };
        let row_label = finding
            .location
            .table_index
            .and_then(|table| document.tables.iter().find(|t| t.index == table))
            .and_then(|table| finding.location.row_index.and_then(|row| table.rows.get(row)))
            .map(|row| row.label.as_str());
        self.document
            .iter()
            .filter(|e| document.doc_id.contains(&e.source) || document.source.contains(&e.source))
            .flat_map(|e| &e.accept)
            .any(|acceptance| {
                acceptance.rule == finding.rule
                    && acceptance.row.as_deref().is_none_or(|row| Some(row) == row_label)
            })
    }
}

fn describe(expectation: &TableExpectation) -> String {
    match (&expectation.number, &expectation.title) {
        (Some(number), _) => format!("numbered \"{number}\""),
        (None, Some(title)) => format!("titled like /{title}/"),
        (None, None) => "(any)".to_string(),
    }
}

/// The first budget table matching the expectation (tables of contents and unrecovered tables are
/// never what an expectation means).
fn find_table<'d>(document: &'d Document, expectation: &TableExpectation) -> Option<&'d Table> {
    let title = expectation.title.as_deref().and_then(|pattern| Regex::new(pattern).ok());
    document.tables.iter().filter(|table| table.kind == TableKind::Budget).find(|table| {
        expectation.number.as_ref().is_none_or(|number| table.number.as_ref() == Some(number))
            && title
                .as_ref()
                .is_none_or(|pattern| table.title.as_deref().is_some_and(|t| pattern.is_match(t)))
    })
}

fn check_cell(table: &Table, expectation: &CellExpectation) -> Option<String> {
    let Some(row) = table.rows.iter().find(|row| row.label == expectation.row) else {
        return Some(format!("expected a row \"{}\" for a cell", expectation.row));
    };
    let Some(column_index) = table.columns.iter().position(|c| c.header() == expectation.column) else {
        return Some(format!("expected a column \"{}\" for a cell", expectation.column));
    };
    let cell = &row.cells[column_index];
    if let Some(raw) = &expectation.raw
        && &cell.text != raw
    {
        return Some(format!(
            "cell \"{}\" / \"{}\": expected \"{raw}\", found \"{}\"",
            expectation.row, expectation.column, cell.text
        ));
    }
    if let Some(value) = expectation.value
        && cell.value.is_none_or(|found| (found - value).abs() > 1e-9)
    {
        return Some(format!(
            "cell \"{}\" / \"{}\": expected the value {value}, found {:?} (printed \"{}\")",
            expectation.row, expectation.column, cell.value, cell.text
        ));
    }
    None
}
