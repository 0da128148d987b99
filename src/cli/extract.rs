//! `begroting extract`: inputs → output directory, streamed.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use begroting::batch::{self, Discovered, Outcome, Processed};
use begroting::cache::DocumentCache;
use begroting::manifest::Manifest;
use begroting::write::commit::{holds_output, open_committed_sizes_only};
use begroting::write::{OutputFormat, PartitionColumn, RunLayout, RunWriter};

use super::progress::Bars;
use super::{EXIT_ERROR, EXIT_OK, extract_options, write_review};

#[derive(Debug, clap::Args)]
pub struct ExtractArguments {
    /// Files, directories (walked recursively) or `-` for standard input. `.html`, `.htm`,
    /// `.xhtml` and `.txt` are read, also gzip-compressed (`.gz`).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory (created if missing). A run's files become visible together, by one
    /// atomic commit that ends in `_manifest.json` (docs/schema.md); a killed run leaves the
    /// previous set.
    #[arg(short, long, default_value = "output")]
    output: PathBuf,
    /// Formats of the long-format cells, comma-separated: parquet (cells.parquet), json
    /// (cells.json), ndjson (cells.ndjson), csv (cells.csv). tables.json and report.json are
    /// always written.
    #[arg(long, value_delimiter = ',', default_value = "parquet")]
    format: Vec<String>,
    /// Write Parquet as a Hive-partitioned dataset under OUT/cells/ by these columns
    /// (comma-separated: year, doc_type, chapter).
    #[arg(long, value_delimiter = ',')]
    partition_by: Vec<String>,
    /// Process only shard I of N (I from 0) of the input list: inputs whose position modulo N is I.
    /// The shard's files carry its name (`tables-shard-00001-of-00004.json`, partition files
    /// `part-00001-of-00004.parquet`, `_manifest-shard-00001-of-00004.json`), so all N shards can
    /// share one output directory; `check` on it says which shards have not committed.
    #[arg(long, value_name = "I/N")]
    shard: Option<String>,
    /// CSV file of `path,url` lines giving documents their page addresses.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Overrides file settling the placement of inferred cells.
    #[arg(long)]
    overrides: Option<PathBuf>,
    /// Reuse documents of the previous `--resume` run in OUT whose bytes, address, options and
    /// tool version are unchanged (cached in OUT/.begroting-cache/); the output equals a full run.
    #[arg(long)]
    resume: bool,
    /// Also write a self-contained review page (each table beside its source lines) to this file.
    /// Keeps every document in memory until the end.
    #[arg(long)]
    html: Option<PathBuf>,
    /// Write into an output directory that holds files begroting did not write.
    #[arg(long)]
    force: bool,
    /// The largest document read, in MiB after unpacking gzip; larger ones fail with a clear error.
    #[arg(long, default_value_t = 64)]
    max_document_mb: u64,
    /// Worker threads (default: all cores). With 1, everything (extracting and writing) runs on
    /// one thread; with more, a writer thread appends and encodes Parquet beside the workers.
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

/// Reads "I/N" with I < N.
fn parse_shard(text: &str) -> Option<(usize, usize)> {
    let (index, count) = text.split_once('/')?;
    let (index, count): (usize, usize) = (index.trim().parse().ok()?, count.trim().parse().ok()?);
    (count > 0 && index < count).then_some((index, count))
}

/// Whether a review page path is the output folder's own `review.html`.
fn is_in_output(path: &std::path::Path, output: &std::path::Path) -> bool {
    let same_folder = match (path.parent(), std::fs::canonicalize(output)) {
        (Some(parent), Ok(output)) => {
            let parent = if parent.as_os_str().is_empty() { std::path::Path::new(".") } else { parent };
            std::fs::canonicalize(parent).is_ok_and(|parent| parent == output)
        }
        _ => false,
    };
    same_folder && path.file_name().is_some_and(|name| name == "review.html")
}

fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("begroting: {message}");
    EXIT_ERROR
}

pub fn run(arguments: ExtractArguments) -> u8 {
    let started = Instant::now();
    let mut formats = Vec::new();
    for name in &arguments.format {
        match OutputFormat::parse(name) {
            Some(format) if !formats.contains(&format) => formats.push(format),
            Some(_) => {}
            None => return fail(format!("unknown format \"{name}\" (use parquet, json, ndjson or csv)")),
        }
    }
    let mut partition_by = Vec::new();
    for name in &arguments.partition_by {
        match PartitionColumn::parse(name) {
            Some(column) if !partition_by.contains(&column) => partition_by.push(column),
            Some(_) => {}
            None => return fail(format!("cannot partition by \"{name}\" (use year, doc_type or chapter)")),
        }
    }
    if !partition_by.is_empty() && !formats.contains(&OutputFormat::Parquet) {
        return fail("--partition-by writes a Parquet dataset: add parquet to --format");
    }
    let shard = match arguments.shard.as_deref().map(|text| (text, parse_shard(text))) {
        None => None,
        Some((_, Some(shard))) => Some(shard),
        Some((text, None)) => return fail(format!("--shard takes I/N with 0 ≤ I < N, not \"{text}\"")),
    };
    let mut options = match extract_options(arguments.overrides.as_ref()) {
        Ok(options) => options,
        Err(error) => return fail(error),
    };
    options.max_document_bytes = arguments.max_document_mb.saturating_mul(1 << 20);
    let manifest = match arguments.manifest.as_deref().map(Manifest::load).transpose() {
        Ok(manifest) => manifest,
        Err(error) => return fail(error),
    };
    if let Some(jobs) = arguments.jobs
        && let Err(error) = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global()
    {
        return fail(format!("cannot start {jobs} worker threads: {error}"));
    }
    // A path typed on the command line that is not there is a mistake in the command: say so
    // and write nothing, rather than an output that holds only the failure.
    let missing = super::missing_inputs(&arguments.inputs);
    if !missing.is_empty() {
        return fail(format!("input not found: {}; nothing was written", missing.join(", ")));
    }
    let mut entries = batch::discover(&arguments.inputs);
    if !entries.iter().any(|entry| !matches!(entry, Discovered::Skip { .. })) {
        let inputs: Vec<String> = arguments.inputs.iter().map(|path| path.display().to_string()).collect();
        return fail(format!(
            "no document found in {} (it reads .html, .htm, .xhtml, .xml and .txt, also gzip-compressed as .gz); nothing was written",
            inputs.join(", ")
        ));
    }
    // Override entries that name no document of the run (all shards' documents count): a
    // misspelt name must not end in a run that looks settled. Said on standard error and in
    // report.json, as the overrides file's entry (the first shard's, so a merged report has it
    // once).
    let mut unused_overrides = Vec::new();
    if let Some(overrides) = &options.overrides {
        let ids = batch::document_ids(&entries);
        unused_overrides = begroting::overrides::entries_matching_no_document(overrides, &ids);
        for warning in &unused_overrides {
            eprintln!("begroting: warning: {} ({})", warning.message, warning.kind.name());
        }
    }
    if let Some((index, count)) = shard {
        entries = entries
            .into_iter()
            .enumerate()
            .filter(|(position, _)| position % count == index)
            .map(|(_, e)| e)
            .collect();
    }
    if let Some(manifest) = &manifest {
        batch::apply_manifest(&mut entries, manifest);
    }
    let _ = ctrlc::set_handler(|| {
        batch::request_stop();
        eprintln!(
            "begroting: interrupted: stopping after the documents in flight; the previous output is kept"
        );
    });
    // --resume reuses documents from the cache, never the previous set's files; still, a
    // previous set that is not whole is worth a word before it is replaced.
    if arguments.resume
        && !arguments.quiet
        && holds_output(&arguments.output)
        && let Err(error) = open_committed_sizes_only(&arguments.output)
    {
        eprintln!("begroting: note: the previous output is replaced by a whole new set: {error}");
    }
    let layout = RunLayout {
        formats,
        partition_by,
        shard,
        force: arguments.force,
        extraction_fingerprint: options.fingerprint.clone(),
        max_document_bytes: options.max_document_bytes,
    };
    let mut writer = match RunWriter::create(&arguments.output, layout.clone()) {
        Ok(writer) => writer,
        Err(error) => return fail(error),
    };
    if let Some(path) = &arguments.overrides
        && shard.is_none_or(|(index, _)| index == 0)
        && let Err(error) = writer.add_report_entry(&batch::overrides_report_entry(path, &unused_overrides))
    {
        return fail(error);
    }
    let cache = if arguments.resume {
        match DocumentCache::open(&arguments.output) {
            Ok(cache) => Some(cache),
            Err(error) => {
                return fail(format!(
                    "cannot open the resume cache in {}: {error}",
                    arguments.output.display()
                ));
            }
        }
    } else {
        None
    };
    let bars = Bars::new(!arguments.quiet && std::io::stderr().is_terminal());
    let mut reviewed = Vec::new();
    let keep_for_review = arguments.html.is_some();
    let prepare = |processed: &Processed| layout.prepare(processed);
    let result =
        batch::run_streaming(&entries, &options, cache.as_ref(), &bars, prepare, |processed, prepared| {
            match &processed.outcome {
                Outcome::Failed(error) => bars.println(format!("begroting: failed: {error}")),
                Outcome::Done(document) if keep_for_review => reviewed.push((**document).clone()),
                _ => {}
            }
            writer.add_prepared(processed, prepared)
        });
    bars.finish();
    if let Err(error) = result {
        return fail(error);
    }
    // A review page asked for as OUT/review.html belongs to the run's set and commits with it;
    // one asked for elsewhere is written on its own, after the commit.
    let review_in_set = arguments.html.as_deref().filter(|path| is_in_output(path, &arguments.output));
    if review_in_set.is_some()
        && let Err(error) = write_review(&writer.staged_path("review.html"), &reviewed, &[])
    {
        return fail(error);
    }
    let totals = match writer.finish() {
        Ok(totals) => totals,
        Err(error) => return fail(error),
    };
    if let Some(cache) = &cache {
        cache.prune();
    }
    if let Some(path) = &arguments.html
        && review_in_set.is_none()
        && let Err(error) = write_review(path, &reviewed, &[])
    {
        return fail(error);
    }
    if !arguments.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let warnings: Vec<String> =
            totals.warnings_by_kind.iter().map(|(kind, count)| format!("{count} {kind}")).collect();
        eprintln!(
            "begroting: {} documents ok, {} failed, {} skipped; {} tables, {} cells; {:.1} s ({:.1} MB/s) → {}",
            totals.ok,
            totals.failed,
            totals.skipped,
            totals.tables,
            totals.cells,
            seconds,
            totals.bytes as f64 / 1e6 / seconds.max(1e-9),
            arguments.output.display()
        );
        if !warnings.is_empty() {
            eprintln!("begroting: warnings: {}", warnings.join(", "));
        }
    }
    if totals.failed > 0 { EXIT_ERROR } else { EXIT_OK }
}
