//! Checks: rules and expectations applied to extracted documents, giving findings.
//!
//! Owns what `begroting check` decides: the built-in consistency rules ([`rules`]), the
//! human-written expectation files ([`expect`]), the comparison with a golden output
//! ([`golden`]), and the findings' JSON and JUnit forms ([`junit`]). A finding always names its
//! rule, its severity, its document and its place (table, row, column, line) and says in words
//! what is wrong. Nothing here prints or exits: [`check_inputs`] reads the inputs (extracting
//! documents, loading finished output directories) and gathers every finding, for the CLI and
//! the Python package alike; they decide how to show them and what the exit means.

pub mod expect;
pub mod golden;
pub mod junit;
pub mod rules;
pub mod saved;

use std::path::PathBuf;

use serde::Serialize;

use crate::batch::{self, Outcome, Silent};
use crate::error::{Error, Location, WarningKind};
use crate::pipeline::{Document, ExtractOptions};

/// How serious a finding is. `--fail-on error` fails a run on errors only; `--fail-on warning` on
/// both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; fails a run only with `--fail-on warning`.
    Warning,
    /// Fails the run.
    Error,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's stable name ("totals", "waarvan", "footnotes", "placement", "expect", "golden", …).
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The document's id (empty for findings about the whole run).
    pub doc_id: String,
    /// Where in the document.
    pub location: Location,
    /// What is wrong, in words a person understands.
    pub message: String,
}

impl Finding {
    /// Builds a finding about a document.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        document: &Document,
        location: Location,
        message: impl Into<String>,
    ) -> Finding {
        Finding { rule, severity, doc_id: document.doc_id.clone(), location, message: message.into() }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let document = if self.doc_id.is_empty() { "run".to_string() } else { self.doc_id.clone() };
        write!(f, "{severity}[{}] {document}, {}: {}", self.rule, self.location, self.message)
    }
}

/// Runs every built-in rule over the documents, in document order.
pub fn check_documents(documents: &[Document]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for document in documents {
        findings.extend(rules::check_document(document));
    }
    findings
}

/// True when the findings fail a run at the given threshold.
pub fn fails(findings: &[Finding], fail_on: Severity) -> bool {
    findings.iter().any(|finding| finding.severity >= fail_on)
}

/// What checking some inputs found: the documents read, and every finding before expectation
/// files accept any (see [`partition_accepted`]).
#[derive(Debug)]
pub struct CheckRun {
    /// The documents extracted or loaded, in input order.
    pub documents: Vec<Document>,
    /// Every finding: extraction failures, the built-in rules, overrides that settle nothing,
    /// and the expectation files' own findings.
    pub findings: Vec<Finding>,
}

/// Checks inputs: documents and folders of documents are extracted (a document that fails is an
/// `extract` error finding, a skipped input an `extract` warning; the others go on), output
/// directories of `begroting extract` are loaded as written. Then the built-in rules, the
/// overrides' unused entries and every expectation file run over all of them. Fails only when an
/// output directory cannot be loaded.
pub fn check_inputs(
    inputs: &[PathBuf],
    options: &ExtractOptions,
    expectations: &[expect::Expectations],
) -> Result<CheckRun, Error> {
    let mut documents: Vec<Document> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut to_extract = Vec::new();
    for input in inputs {
        if input.is_dir() && saved::is_output_directory(input) {
            documents.extend(saved::load_output_directory(input)?);
        } else {
            to_extract.push(input.clone());
        }
    }
    let entries = batch::discover(&to_extract);
    for outcome in batch::run(&entries, options, &Silent) {
        match outcome {
            Outcome::Done(document) => documents.push(*document),
            Outcome::Failed(error) => findings.push(Finding {
                rule: "extract",
                severity: Severity::Error,
                doc_id: error.file.to_string_lossy().into_owned(),
                location: Location::default(),
                message: format!("the document could not be extracted: {error}"),
            }),
            Outcome::Skipped { path, reason } => findings.push(Finding {
                rule: "extract",
                severity: Severity::Warning,
                doc_id: path.to_string_lossy().into_owned(),
                location: Location::default(),
                message: format!("the input was not checked: {reason}"),
            }),
        }
    }
    findings.extend(check_documents(&documents));
    // Override entries that settled nothing: for a document (no such table or row, other texts),
    // or for no document of the run at all.
    if let Some(overrides) = &options.overrides {
        for document in &documents {
            for warning in document.warnings.iter().filter(|w| w.kind == WarningKind::UnusedOverride) {
                findings.push(Finding::new(
                    "overrides",
                    Severity::Warning,
                    document,
                    warning.location.clone(),
                    &warning.message,
                ));
            }
        }
        let ids: Vec<String> = documents.iter().map(|document| document.doc_id.clone()).collect();
        for warning in crate::overrides::entries_matching_no_document(overrides, &ids) {
            findings.push(Finding {
                rule: "overrides",
                severity: Severity::Warning,
                doc_id: String::new(),
                location: Location::default(),
                message: warning.message,
            });
        }
    }
    for expectation in expectations {
        findings.extend(expectation.check(&documents));
    }
    Ok(CheckRun { documents, findings })
}

/// Splits findings into those an expectation file accepts (known and accepted misreadings) and
/// the rest, which decide the run.
pub fn partition_accepted(
    findings: Vec<Finding>,
    expectations: &[expect::Expectations],
    documents: &[Document],
) -> (Vec<Finding>, Vec<Finding>) {
    findings.into_iter().partition(|finding| expectations.iter().any(|e| e.accepts(finding, documents)))
}
