//! `begroting score PAGES_DIR [--json]`: the whole pipeline against hand-made truth files.
//!
//! Prints the report (a text table, or JSON with `--json`) and exits 0 when every target is met,
//! 1 when one is missed, 2 when the directory cannot be read.

use std::path::PathBuf;

use begroting::score::score_pages;

use super::{EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct ScoreArguments {
    /// Directory holding NNN.txt pages with NNN.json truth (and NNN.url sidecars).
    pages: PathBuf,
    /// Print the report as JSON instead of a text table.
    #[arg(long)]
    json: bool,
}

pub fn run(arguments: ScoreArguments) -> u8 {
    let report = match score_pages(&arguments.pages) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    let text = if arguments.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => json + "\n",
            Err(error) => {
                eprintln!("begroting: cannot write the report: {error}");
                return EXIT_ERROR;
            }
        }
    } else {
        report.render()
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(error) => {
            eprintln!("begroting: cannot write to stdout: {error}");
            return EXIT_ERROR;
        }
    }
    if report.targets_met() { EXIT_OK } else { EXIT_CHECK_FAILED }
}
