//! Checks: rules and expectations applied to extracted documents, giving findings.
//!
//! Owns what `begroting check` decides: the built-in consistency rules ([`rules`]), the
//! human-written expectation files ([`expect`]), the comparison with a golden output
//! ([`golden`]), and the findings' JSON and JUnit forms ([`junit`]). A finding always names its
//! rule, its severity, its document and its place (table, row, column, line) and says in words
//! what is wrong. Nothing here extracts, prints or exits: the CLI runs the extraction (or reads an
//! existing output directory), calls [`check_documents`] and decides the exit code.

pub mod expect;
pub mod golden;
pub mod junit;
pub mod rules;
pub mod saved;

use serde::Serialize;

use crate::error::Location;
use crate::pipeline::Document;

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
