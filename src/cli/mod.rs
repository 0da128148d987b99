//! Command-line arguments and the subcommands they dispatch to.

mod check;
mod extract;
mod progress;
mod score;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: everything held.
pub const EXIT_OK: u8 = 0;
/// Exit code: a check failed (used by `check`).
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Exit code: a document failed, or the run could not be done.
pub const EXIT_ERROR: u8 = 2;

/// Extract every table of Dutch budget documents (HTML, flattened text and official publication XML) into tidy long-format data.
#[derive(Debug, Parser)]
#[command(name = "begroting", version, about)]
struct Arguments {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract every table of the inputs into long-format cells (Parquet, JSON, CSV) in an output directory.
    Extract(extract::ExtractArguments),
    /// Check an extraction: built-in consistency rules, expectation files, a golden output.
    Check(check::CheckArguments),
    /// Print each rebuilt table of one document as an aligned grid, to compare with the source.
    Show(show::ShowArguments),
    /// Score the extraction of NNN.txt pages against their NNN.json truth; exit 1 when a target is missed.
    Score(score::ScoreArguments),
}

/// Parses the command line and runs the subcommand; returns the process exit code.
pub fn run() -> ExitCode {
    let arguments = Arguments::parse();
    let code = match arguments.command {
        Command::Extract(arguments) => extract::run(arguments),
        Command::Show(arguments) => show::run(arguments),
        Command::Check(arguments) => check::run(arguments),
        Command::Score(arguments) => score::run(arguments),
    };
    ExitCode::from(code)
}

/// The paths typed on the command line that are not there ("-", standard input, always is): a
/// mistake in the command, which `extract` and `check` refuse before doing anything.
fn missing_inputs(inputs: &[PathBuf]) -> Vec<String> {
    inputs
        .iter()
        .filter(|path| path.as_os_str() != "-" && !path.exists())
        .map(|path| path.display().to_string())
        .collect()
}

/// The extraction options named on the command line: the overrides file, if any, and a
/// fingerprint of it (so `--resume` never reuses a document extracted under other overrides).
fn extract_options(
    overrides: Option<&PathBuf>,
) -> Result<begroting::pipeline::ExtractOptions, begroting::Error> {
    match overrides {
        Some(path) => begroting::pipeline::ExtractOptions::with_overrides_file(path),
        None => Ok(begroting::pipeline::ExtractOptions::default()),
    }
}

/// Writes the review page for documents (re-reading each source for its line panes).
fn write_review(
    path: &std::path::Path,
    documents: &[begroting::pipeline::Document],
    findings: &[begroting::check::Finding],
) -> Result<(), begroting::Error> {
    use begroting::review::{ReviewDocument, render_review};
    let reviews: Vec<ReviewDocument<'_>> = documents
        .iter()
        .map(|document| ReviewDocument {
            document,
            source_text: begroting::source::load(std::path::Path::new(&document.source)).ok().map(|s| s.text),
            findings: findings.iter().filter(|f| f.doc_id == document.doc_id).collect(),
        })
        .collect();
    let page = render_review(&reviews);
    begroting::write::write_atomically(path, |file| {
        std::io::Write::write_all(file, page.as_bytes()).map_err(|e| e.to_string())
    })
}
