//! Command-line arguments and the subcommands they dispatch to.

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

/// Extract every table of Dutch budget documents (HTML and flattened text) into tidy long-format data.
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
        Command::Score(arguments) => score::run(arguments),
    };
    ExitCode::from(code)
}

/// Loads the overrides file named on the command line, if any.
fn load_overrides(
    path: Option<&PathBuf>,
) -> Result<Option<begroting::overrides::Overrides>, begroting::Error> {
    path.map(|path| begroting::overrides::Overrides::load(path)).transpose()
}
