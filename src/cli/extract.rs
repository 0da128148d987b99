//! `begroting extract`: inputs → output directory.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use begroting::batch::{self, Discovered, Outcome};
use begroting::manifest::Manifest;
use begroting::pipeline::ExtractOptions;
use begroting::write::{OutputFormat, write_run};

use super::progress::Bars;
use super::{EXIT_ERROR, EXIT_OK, load_overrides};

#[derive(Debug, clap::Args)]
pub struct ExtractArguments {
    /// Files or directories (walked recursively) to extract.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory (created if missing).
    #[arg(short, long, default_value = "output")]
    output: PathBuf,
    /// Output formats, comma-separated: parquet, json, ndjson, csv.
    #[arg(long, value_delimiter = ',', default_value = "parquet,json")]
    format: Vec<String>,
    /// CSV file of `path,url` lines giving documents their page addresses.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Overrides file settling the placement of inferred cells.
    #[arg(long)]
    overrides: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(arguments: ExtractArguments) -> u8 {
    let started = Instant::now();
    let mut formats = Vec::new();
    for name in &arguments.format {
        match OutputFormat::parse(name) {
            Some(format) if !formats.contains(&format) => formats.push(format),
            Some(_) => {}
            None => {
                eprintln!("begroting: unknown format \"{name}\" (use parquet, json, ndjson or csv)");
                return EXIT_ERROR;
            }
        }
    }
    let overrides = match load_overrides(arguments.overrides.as_ref()) {
        Ok(overrides) => overrides,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    let manifest = match arguments.manifest.as_deref().map(Manifest::load).transpose() {
        Ok(manifest) => manifest,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    if let Some(jobs) = arguments.jobs
        && let Err(error) = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global()
    {
        eprintln!("begroting: cannot start {jobs} worker threads: {error}");
        return EXIT_ERROR;
    }
    let mut entries = batch::discover(&arguments.inputs);
    if let Some(manifest) = &manifest {
        for entry in &mut entries {
            if let Discovered::Read(input) = entry {
                input.url = manifest.url_for(&input.path).map(str::to_string);
            }
        }
    }
    let options = ExtractOptions { overrides };
    let show_progress = !arguments.quiet && std::io::stderr().is_terminal();
    let bars = Bars::new(show_progress);
    let outcomes = batch::run(&entries, &options, &bars);
    bars.finish();
    for outcome in &outcomes {
        if let Outcome::Failed(error) = outcome {
            eprintln!("begroting: failed: {error}");
        }
    }
    let totals = match write_run(&outcomes, &arguments.output, &formats) {
        Ok(totals) => totals,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    if !arguments.quiet {
        eprintln!(
            "begroting: {} documents ok, {} failed, {} skipped; {} tables, {} cells, {} warnings; {:.1} s → {}",
            totals.ok,
            totals.failed,
            totals.skipped,
            totals.tables,
            totals.cells,
            totals.warnings,
            started.elapsed().as_secs_f64(),
            arguments.output.display()
        );
    }
    if totals.failed > 0 { EXIT_ERROR } else { EXIT_OK }
}
