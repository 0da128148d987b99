//! `begroting check`: extraction (or a finished output directory) judged by the built-in rules,
//! expectation files and a golden output; findings on stderr, as JSON and as JUnit XML.

use std::path::PathBuf;

use begroting::batch::{Outcome, Processed};
use begroting::check::expect::Expectations;
use begroting::check::{self, Severity, golden, junit};
use begroting::frame::{cell_count, cell_records};
use begroting::pipeline::Document;
use begroting::write::{OutputFormat, RunLayout, RunWriter};

use super::{EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK, extract_options, missing_inputs, write_review};

#[derive(Debug, clap::Args)]
pub struct CheckArguments {
    /// Documents, directories of documents, or output directories of `begroting extract`.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Expectation files (TOML, see docs/check.md); may be given more than once.
    #[arg(long = "expect")]
    expectations: Vec<PathBuf>,
    /// Compare the cells with this golden output directory's cells.json.
    #[arg(long)]
    golden: Option<PathBuf>,
    /// Rewrite the golden output with this run's cells instead of comparing.
    #[arg(long, requires = "golden")]
    update: bool,
    /// Fail on findings of this severity or worse.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Write the findings as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Write the findings as JUnit XML to this file.
    #[arg(long)]
    junit: Option<PathBuf>,
    /// Write a self-contained review page (tables beside their source lines, findings marked).
    #[arg(long)]
    html: Option<PathBuf>,
    /// Overrides file settling the placement of inferred cells.
    #[arg(long)]
    overrides: Option<PathBuf>,
    /// Only the summary line on stderr.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("begroting: {message}");
    EXIT_ERROR
}

pub fn run(arguments: CheckArguments) -> u8 {
    let fail_on = match arguments.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    let mut expectations = Vec::new();
    for file in &arguments.expectations {
        match Expectations::load(file) {
            Ok(loaded) => expectations.push(loaded),
            Err(error) => return fail(error),
        }
    }
    let options = match extract_options(arguments.overrides.as_ref()) {
        Ok(options) => options,
        Err(error) => return fail(error),
    };
    let missing = missing_inputs(&arguments.inputs);
    if !missing.is_empty() {
        return fail(format!("input not found: {}", missing.join(", ")));
    }
    let run = match check::check_inputs(&arguments.inputs, &options, &expectations) {
        Ok(run) => run,
        Err(error) => return fail(error),
    };
    let documents = run.documents;
    let mut findings = run.findings;
    if let Some(golden_directory) = &arguments.golden {
        if arguments.update {
            if let Err(error) = write_golden(golden_directory, &documents) {
                return fail(error);
            }
            let cells: usize = documents.iter().map(cell_count).sum();
            eprintln!("begroting: golden output {} rewritten ({cells} cells)", golden_directory.display());
        } else {
            let records: Vec<_> = documents.iter().flat_map(cell_records).collect();
            match golden::load_golden(golden_directory) {
                Ok(golden_records) => findings.extend(golden::compare(&records, &golden_records)),
                Err(error) => return fail(error),
            }
        }
    }
    let (accepted, findings) = check::partition_accepted(findings, &expectations, &documents);

    if let Some(path) = &arguments.json {
        let report = serde_json::json!({
            "documents": documents.len(),
            "fail_on": if fail_on == Severity::Error { "error" } else { "warning" },
            "failed": check::fails(&findings, fail_on),
            "findings": findings,
            "accepted": accepted,
        });
        if let Err(error) = begroting::write::write_json_value(path, &report) {
            return fail(error);
        }
    }
    if let Some(path) = &arguments.junit {
        let ids: Vec<String> = documents.iter().map(|d| d.doc_id.clone()).collect();
        let xml = junit::to_junit(&findings, &ids, fail_on);
        if let Err(error) = begroting::write::write_atomically(path, |file| {
            std::io::Write::write_all(file, xml.as_bytes()).map_err(|e| e.to_string())
        }) {
            return fail(error);
        }
    }
    if let Some(path) = &arguments.html
        && let Err(error) = write_review(path, &documents, &findings)
    {
        return fail(error);
    }
    // Findings are the command's output (so `| grep` works); the summary is a note on stderr.
    if !arguments.quiet {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        for finding in &findings {
            if writeln!(out, "{finding}").is_err() {
                break;
            }
        }
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    let failed = check::fails(&findings, fail_on);
    eprintln!(
        "begroting check: {} documents; {errors} errors, {warnings} warnings, {} accepted by expectation files — {}",
        documents.len(),
        accepted.len(),
        if failed { "FAILED" } else { "ok" }
    );
    if failed { EXIT_CHECK_FAILED } else { EXIT_OK }
}

fn write_golden(directory: &std::path::Path, documents: &[Document]) -> Result<(), begroting::Error> {
    let layout = RunLayout { formats: vec![OutputFormat::Json], ..RunLayout::default() };
    let mut writer = RunWriter::create(directory, layout)?;
    for document in documents {
        writer.add(Processed {
            bytes: 0,
            outcome: Outcome::Done(Box::new(document.clone())),
            content_hash: None,
        })?;
    }
    writer.finish().map(|_| ())
}
