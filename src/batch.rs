//! Many documents: finding the inputs, running them in parallel, keeping input order, and the run
//! report.
//!
//! Owns: walking directories (sorted, so every run sees the same order), skipping files that are
//! not documents (recorded, not dropped), running the pipeline on every document with rayon,
//! catching a panic in any stage so that one document never stops a batch, and the per-input
//! outcome that `report.json` lists. Progress goes through the [`Observer`] trait, which the CLI
//! implements with progress bars; the library itself prints nothing. Outcomes come back in input
//! order whatever the thread timing.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::cache::{DocumentCache, cache_key, content_hash};
use crate::error::{Error, ErrorKind, Warning};
use crate::pipeline::{Document, ExtractOptions, extract_bytes_addressed};
use crate::source::SourceFormat;

/// One input file, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path.
    pub path: PathBuf,
    /// Its address from a manifest, when one names it (a `.url` sidecar is read later).
    pub url: Option<String>,
    /// Its document id ([`discover`]).
    pub id: String,
}

/// What became of one input.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted (possibly with warnings).
    Done(Box<Document>),
    /// The document failed; the error names the file.
    Failed(Error),
    /// Not a document this tool reads (wrong extension): listed, not read.
    Skipped {
        /// The path.
        path: PathBuf,
        /// Why it was skipped.
        reason: String,
    },
}

/// Told about progress; implemented by the CLI with progress bars. Called from worker threads.
pub trait Observer: Sync {
    /// The batch is about to start with this many inputs and bytes.
    fn started(&self, _inputs: usize, _bytes: u64) {}
    /// One input is finished (in completion order, not input order).
    fn finished(&self, _path: &Path, _bytes: u64, _failed: bool) {}
}

/// An observer that ignores everything.
pub struct Silent;
impl Observer for Silent {}

/// One entry of the input list: a document to read, or a file that is listed but not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovered {
    /// A document to read.
    Read(InputFile),
    /// A file named on the command line that is not a document this tool reads: reported as
    /// failed (the user asked for it by name).
    Refuse {
        /// The path.
        path: PathBuf,
        /// The extension as found.
        extension: String,
    },
    /// A folder or link under an input folder that could not be read (no permission, a link
    /// loop): reported as failed with the reason.
    Unreadable {
        /// The path.
        path: PathBuf,
        /// Why it could not be read.
        message: String,
    },
    /// Not a document this tool reads: reported as skipped.
    Skip {
        /// The path.
        path: PathBuf,
        /// Why it is skipped.
        reason: String,
    },
}

impl Discovered {
    /// The path of the entry.
    pub fn path(&self) -> &Path {
        match self {
            Discovered::Read(input) => &input.path,
            Discovered::Skip { path, .. }
            | Discovered::Refuse { path, .. }
            | Discovered::Unreadable { path, .. } => path,
        }
    }
}

/// Expands the command line's paths into one ordered input list: files are taken as given,
/// directories are walked recursively in sorted order. Files with extensions the tool does not
/// read are listed as skipped (so they appear in the report); `.url` sidecars and other companion
/// files found in directories (`.json`, `.md`, `.csv`, `.toml`) are not inputs and not listed.
///
/// Document ids: a file found in a named folder is known by its path relative to that folder
/// ("text/page.txt" for `fixtures/text/page.txt` found under `fixtures`, however `fixtures` was
/// typed: `./fixtures`, `fixtures/` or an absolute path); a file named on its own by its file
/// name; standard input as `stdin`. The extension is kept, so `page.html` and `page.txt` are two
/// documents. Where two different files would get the same id (`a/x.txt` and `b/x.txt` named
/// side by side), each of them takes as many more folders of its full path as makes them apart.
pub fn discover(paths: &[PathBuf]) -> Vec<Discovered> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            let mut unreadable = Vec::new();
            walk(path, &mut files, &mut unreadable);
            files.sort();
            for file in files {
                let id = relative_id(&file, path);
                if let Some(entry) = classify(file, id, false) {
                    found.push(entry);
                }
            }
            found.extend(unreadable);
        } else {
            let id = crate::pipeline::default_doc_id(path);
            if let Some(entry) = classify(path.clone(), id, true) {
                found.push(entry);
            }
        }
    }
    separate_equal_ids(&mut found);
    found
}

/// The folder and file names of a path, without `.`, `..` or a root.
fn name_parts(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|part| match part {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

/// A file's path relative to the folder it was found under, with `/` separators.
fn relative_id(file: &Path, root: &Path) -> String {
    name_parts(file.strip_prefix(root).unwrap_or(file)).join("/")
}

/// Gives different files that share an id longer ids from their full paths (see [`discover`]).
/// The same file named twice keeps one id: it is one document. Each full path is looked up once.
fn separate_equal_ids(found: &mut [Discovered]) {
    // Per entry that shares its id: its canonical path (when it exists) and that path's names.
    let mut full_paths: std::collections::HashMap<usize, (Option<PathBuf>, Vec<String>)> =
        std::collections::HashMap::new();
    for _ in 0..64 {
        let mut by_id: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (index, entry) in found.iter().enumerate() {
            if let Discovered::Read(input) = entry {
                by_id.entry(input.id.clone()).or_default().push(index);
            }
        }
        let mut changed = false;
        for indexes in by_id.into_values().filter(|indexes| indexes.len() > 1) {
            for &index in &indexes {
                full_paths.entry(index).or_insert_with(|| {
                    let canonical = std::fs::canonicalize(found[index].path()).ok();
                    let parts = name_parts(canonical.as_deref().unwrap_or(found[index].path()));
                    (canonical, parts)
                });
            }
            let first = &full_paths[&indexes[0]].0;
            if first.is_some() && indexes.iter().all(|index| &full_paths[index].0 == first) {
                continue;
            }
            for index in indexes {
                let parts = &full_paths[&index].1;
                if let Discovered::Read(input) = &mut found[index] {
                    let count = input.id.split('/').count() + 1;
                    let longer = parts[parts.len().saturating_sub(count)..].join("/");
                    if longer != input.id {
                        input.id = longer;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// Every file under `directory` (the `walkdir` crate): symbolic links are followed, a link that
/// leads back into a folder being walked is a loop and is not followed again, and a folder or link
/// that cannot be read is an entry of its own that fails with the reason, so it is in the report.
fn walk(directory: &Path, files: &mut Vec<PathBuf>, unreadable: &mut Vec<Discovered>) {
    for entry in walkdir::WalkDir::new(directory).follow_links(true).min_depth(1) {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let path = error.path().map_or_else(|| directory.to_path_buf(), Path::to_path_buf);
                let message = match error.loop_ancestor() {
                    Some(ancestor) => {
                        format!("a link loops back to {}: not followed again", ancestor.display())
                    }
                    None => error.io_error().map_or_else(|| error.to_string(), |io| io.to_string()),
                };
                unreadable.push(Discovered::Unreadable { path, message });
            }
        }
    }
}

/// Sidecar and ground-truth files that live beside documents and are never documents.
fn is_companion(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    name.starts_with('.')
        || matches!(
            path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref(),
            Some("url" | "json" | "md" | "toml" | "csv")
        )
}

fn classify(path: PathBuf, id: String, named: bool) -> Option<Discovered> {
    // A named path that does not exist is still read, so that the failure is reported.
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    if SourceFormat::from_extension(&path).is_some() || (named && !path.exists()) || path == Path::new("-") {
        Some(Discovered::Read(InputFile { path, url: None, id }))
    } else if named {
        Some(Discovered::Refuse { path, extension })
    } else if !is_companion(&path) {
        Some(Discovered::Skip {
            path,
            reason: format!(
                "not a document this tool reads (extension \"{extension}\"; it reads .html, .htm, .xhtml, .xml and .txt, also gzip-compressed as .gz)"
            ),
        })
    } else {
        None
    }
}

/// How many documents are in flight at once per worker thread. Memory is bounded by this window,
/// not by the number of inputs: each window is extracted in parallel, handed to the sink in input
/// order, and dropped.
pub const DOCUMENTS_PER_THREAD_IN_FLIGHT: usize = 16;

static STOP_REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks a running batch to stop after the documents in flight (for Ctrl-C). The batch then
/// returns [`ErrorKind::Interrupted`] and writes nothing.
pub fn request_stop() {
    STOP_REQUESTED.store(true, Ordering::SeqCst);
}

/// True once [`request_stop`] was called.
pub fn stop_requested() -> bool {
    STOP_REQUESTED.load(Ordering::SeqCst)
}

/// Forgets an earlier [`request_stop`]: every batch starts with this.
pub(crate) fn clear_stop_request() {
    STOP_REQUESTED.store(false, Ordering::SeqCst);
}

/// One finished entry: what became of it, with the facts the run report needs.
#[derive(Debug)]
pub struct Processed {
    /// Bytes of the input file.
    pub bytes: u64,
    /// What became of it.
    pub outcome: Outcome,
    /// Hex xxh3-64 of the input's bytes, when they could be read.
    pub content_hash: Option<String>,
}

/// Runs the pipeline on every entry in parallel and hands each result to `sink` in input order
/// (skipped entries included), while the next window of documents is already being extracted.
/// `prepare` runs on the worker thread right after a document is extracted (the writers
/// serialize there, so that the sink's thread only appends); its result goes to `sink` with the
/// entry. A panic inside any stage is caught and reported as that document's failure. Returns
/// the sink's first error, or `Interrupted` when [`request_stop`] was called.
pub fn run_streaming<P: Send>(
    entries: &[Discovered],
    options: &ExtractOptions,
    cache: Option<&DocumentCache>,
    observer: &dyn Observer,
    prepare: impl Fn(&Processed) -> P + Sync,
    mut sink: impl FnMut(Processed, P) -> Result<(), Error> + Send,
) -> Result<(), Error> {
    clear_stop_request();
    // Skipped entries are not read, so they count no bytes.
    let sizes: Vec<u64> = entries.iter().map(entry_bytes).collect();
    observer.started(entries.len(), sizes.iter().sum());
    if rayon::current_num_threads() <= 1 {
        // One job is one core: each document is extracted, prepared and handed to the sink in
        // turn on this thread, with no writer thread beside it.
        for (entry, &bytes) in entries.iter().zip(&sizes) {
            if stop_requested() {
                return Err(Error::new("batch", ErrorKind::Interrupted));
            }
            let (processed, prepared) = process_and_prepare(entry, bytes, options, cache, &prepare);
            observer.finished(entry.path(), bytes, matches!(processed.outcome, Outcome::Failed(_)));
            sink(processed, prepared)?;
        }
        if stop_requested() {
            return Err(Error::new("batch", ErrorKind::Interrupted));
        }
        return Ok(());
    }
    let window = rayon::current_num_threads() * DOCUMENTS_PER_THREAD_IN_FLIGHT;
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<(Processed, P)>>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<(), Error> {
            for processed_window in receiver {
                for (processed, prepared) in processed_window {
                    sink(processed, prepared)?;
                }
            }
            Ok(())
        });
        let mut interrupted = false;
        for (entry_window, size_window) in entries.chunks(window).zip(sizes.chunks(window)) {
            if stop_requested() {
                interrupted = true;
                break;
            }
            let processed: Vec<(Processed, P)> = entry_window
                .par_iter()
                .zip(size_window.par_iter())
                .map(|(entry, &bytes)| {
                    let (processed, prepared) = process_and_prepare(entry, bytes, options, cache, &prepare);
                    observer.finished(entry.path(), bytes, matches!(processed.outcome, Outcome::Failed(_)));
                    (processed, prepared)
                })
                .collect();
            if sender.send(processed).is_err() {
                break; // the writer stopped with an error; join() reports it
            }
        }
        drop(sender);
        let written = writer.join().unwrap_or_else(|panic| {
            Err(Error::new("output", ErrorKind::Panic { message: panic_message(panic.as_ref()) }))
        });
        written?;
        if interrupted || stop_requested() {
            return Err(Error::new("batch", ErrorKind::Interrupted));
        }
        Ok(())
    })
}

/// Runs every entry and returns the outcomes in input order (for library users and tests that
/// want everything in memory; the CLI streams).
pub fn run(entries: &[Discovered], options: &ExtractOptions, observer: &dyn Observer) -> Vec<Outcome> {
    let mut outcomes = Vec::with_capacity(entries.len());
    let result = run_streaming(
        entries,
        options,
        None,
        observer,
        |_| (),
        |processed, ()| {
            outcomes.push(processed.outcome);
            Ok(())
        },
    );
    // Only an interruption can end it early; what ran is returned.
    let _ = result;
    outcomes
}

/// The document ids of the entries that are read, in input order (what an overrides file's
/// entries must name).
pub fn document_ids(entries: &[Discovered]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|entry| match entry {
            Discovered::Read(input) => Some(input.id.clone()),
            _ => None,
        })
        .collect()
}

/// Gives each entry that is read the address a manifest names for it.
pub fn apply_manifest(entries: &mut [Discovered], manifest: &crate::manifest::Manifest) {
    for entry in entries {
        if let Discovered::Read(input) = entry {
            input.url = manifest.url_for(&input.path).map(str::to_string);
        }
    }
}

/// The bytes an entry's file holds on disk (0 for entries that are not read, or cannot be).
fn entry_bytes(entry: &Discovered) -> u64 {
    match entry {
        Discovered::Read(input) => std::fs::metadata(&input.path).map(|m| m.len()).unwrap_or(0),
        Discovered::Skip { .. } | Discovered::Refuse { .. } | Discovered::Unreadable { .. } => 0,
    }
}

/// Runs one entry of [`discover`]: reads its file and extracts it, a panic caught as its failure,
/// as [`run_streaming`] does for each entry. For callers that pace a batch themselves (a stream of
/// cells pulled by its consumer).
pub fn process_entry(entry: &Discovered, options: &ExtractOptions) -> Processed {
    process(entry, entry_bytes(entry), options, None)
}

fn process(
    entry: &Discovered,
    bytes: u64,
    options: &ExtractOptions,
    cache: Option<&DocumentCache>,
) -> Processed {
    let (outcome, content_hash) = match entry {
        Discovered::Read(input) => run_one(input, options, cache),
        Discovered::Skip { path, reason } => {
            (Outcome::Skipped { path: path.clone(), reason: reason.clone() }, None)
        }
        Discovered::Unreadable { path, message } => {
            (Outcome::Failed(Error::new(path, ErrorKind::Read { message: message.clone() })), None)
        }
        Discovered::Refuse { path, extension } => (
            Outcome::Failed(Error::new(path, ErrorKind::UnsupportedFormat { extension: extension.clone() })),
            None,
        ),
    };
    Processed { bytes, outcome, content_hash }
}

/// [`process`], then `prepare` on the result. `prepare` is a stage too: when it panics, the
/// document fails with the panic message (and is prepared again as failed), and the batch goes on.
fn process_and_prepare<P>(
    entry: &Discovered,
    bytes: u64,
    options: &ExtractOptions,
    cache: Option<&DocumentCache>,
    prepare: &(impl Fn(&Processed) -> P + Sync),
) -> (Processed, P) {
    let mut processed = process(entry, bytes, options, cache);
    match catch_unwind(AssertUnwindSafe(|| prepare(&processed))) {
        Ok(prepared) => (processed, prepared),
        Err(panic) => {
            let message = panic_message(panic.as_ref());
            processed.outcome = Outcome::Failed(Error::new(entry.path(), ErrorKind::Panic { message }));
            let prepared = prepare(&processed);
            (processed, prepared)
        }
    }
}

/// The message a panic carried, as text.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

fn run_one(
    input: &InputFile,
    options: &ExtractOptions,
    cache: Option<&DocumentCache>,
) -> (Outcome, Option<String>) {
    let bytes = match crate::source::read_bytes_limited(&input.path, options.max_document_bytes) {
        Ok(bytes) => bytes,
        Err(error) => return (Outcome::Failed(error), None),
    };
    let hash = content_hash(&bytes);
    let url = input.url.clone().or_else(|| crate::source::sidecar_url(&input.path));
    let key = cache.map(|_| cache_key(&input.path, &input.id, &bytes, url.as_deref(), &options.fingerprint));
    if let (Some(cache), Some(key)) = (cache, &key)
        && let Some(document) = cache.get(key)
    {
        return (Outcome::Done(Box::new(document)), Some(hash));
    }
    let outcome = match extract_caught(Some(input.id.clone()), &input.path, &bytes, url, options) {
        Ok(document) => {
            if let (Some(cache), Some(key)) = (cache, &key) {
                cache.put(key, &document);
            }
            Outcome::Done(Box::new(document))
        }
        Err(error) => Outcome::Failed(error),
    };
    (outcome, Some(hash))
}

/// Runs every stage on one document already in memory (a Python `bytes`, a Spark row), as a batch
/// runs a file: gzip unpacked, refused above the options' size limit, and a panic in any stage
/// caught as the document's failure. `path` names the document; `id` is its document id (`None`:
/// the file name). With `url` `None`, a `.url` sidecar beside `path` is read only when
/// `read_sidecar` says the name is a local file's. Returns the outcome with the hex xxh3-64 of the
/// unpacked bytes, as `report.json` gives it.
pub fn extract_held(
    path: &Path,
    id: Option<String>,
    raw: Vec<u8>,
    url: Option<String>,
    read_sidecar: bool,
    options: &ExtractOptions,
) -> (Outcome, Option<String>) {
    let bytes = match crate::source::unpack_limited(path, raw, options.max_document_bytes) {
        Ok(bytes) => bytes,
        Err(error) => return (Outcome::Failed(error), None),
    };
    let hash = content_hash(&bytes);
    let url = if read_sidecar { url.or_else(|| crate::source::sidecar_url(path)) } else { url };
    match extract_caught(id, path, &bytes, url, options) {
        Ok(document) => (Outcome::Done(Box::new(document)), Some(hash)),
        Err(error) => (Outcome::Failed(error), Some(hash)),
    }
}

/// [`extract_bytes_addressed`] with a panic turned into the document's failure.
fn extract_caught(
    id: Option<String>,
    path: &Path,
    bytes: &[u8],
    url: Option<String>,
    options: &ExtractOptions,
) -> Result<Document, Error> {
    catch_unwind(AssertUnwindSafe(|| extract_bytes_addressed(id, path, bytes, url, options))).unwrap_or_else(
        |panic| Err(Error::new(path, ErrorKind::Panic { message: panic_message(panic.as_ref()) })),
    )
}

/// One line of `report.json`: what became of one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportEntry {
    /// The input path.
    pub source: String,
    /// What the input is to the run: `document`, or `overrides` for the `--overrides` file.
    pub input: &'static str,
    /// ok, failed or skipped.
    pub status: &'static str,
    /// Tables found (all kinds).
    pub tables: usize,
    /// Long-format cells written.
    pub cells: usize,
    /// Warning counts by kind.
    pub warnings_by_kind: std::collections::BTreeMap<&'static str, usize>,
    /// Every warning, as a sentence with its location.
    pub warnings: Vec<String>,
    /// Why it failed or was skipped.
    pub error: Option<String>,
    /// For a failed input, the error's stable kind (`read`, `empty`, `binary`, `too_large`,
    /// `unsupported_format`, `panic`, …; see [`ErrorKind::name`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_kind: Option<&'static str>,
    /// Hex xxh3-64 of the input's bytes (gzip unpacked), when they could be read.
    pub content_hash: Option<String>,
    /// The version of begroting that wrote the entry.
    pub tool_version: &'static str,
}

/// The report entry of an outcome; `cells` is the number of long-format records it produced.
pub fn report_entry(outcome: &Outcome, cells: usize, content_hash: Option<String>) -> ReportEntry {
    let mut entry = ReportEntry {
        source: String::new(),
        input: "document",
        status: "ok",
        tables: 0,
        cells: 0,
        warnings_by_kind: Default::default(),
        warnings: Vec::new(),
        error: None,
        error_kind: None,
        content_hash,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    match outcome {
        Outcome::Done(document) => {
            entry.source = document.source.clone();
            entry.tables = document.tables.len();
            entry.cells = cells;
            entry.warnings_by_kind = count_by_kind(&document.warnings);
            entry.warnings = document.warnings.iter().map(|w| w.to_string()).collect();
        }
        Outcome::Failed(error) => {
            entry.source = error.file.to_string_lossy().into_owned();
            entry.status = "failed";
            entry.error = Some(error.to_string());
            entry.error_kind = Some(error.kind.name());
        }
        Outcome::Skipped { path, reason } => {
            entry.source = path.to_string_lossy().into_owned();
            entry.status = "skipped";
            entry.error = Some(reason.clone());
        }
    }
    entry
}

/// How many warnings of each kind.
fn count_by_kind(warnings: &[Warning]) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for warning in warnings {
        *counts.entry(warning.kind.name()).or_insert(0) += 1;
    }
    counts
}

/// The report entry of the `--overrides` file: its warnings are the entries that settle nothing
/// because they name no document of the run (`unused_override`), so a misspelt name shows up in
/// `report.json` as well as on standard error.
pub fn overrides_report_entry(path: &Path, warnings: &[Warning]) -> ReportEntry {
    ReportEntry {
        source: path.to_string_lossy().into_owned(),
        input: "overrides",
        status: "ok",
        tables: 0,
        cells: 0,
        warnings_by_kind: count_by_kind(warnings),
        warnings: warnings.iter().map(|w| format!("{} ({})", w.message, w.kind.name())).collect(),
        error: None,
        error_kind: None,
        content_hash: None,
        tool_version: env!("CARGO_PKG_VERSION"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `prepare` that panics on one document fails that document, in input order, and the
    /// others go through, with one job or two.
    #[test]
    fn a_panic_while_preparing_fails_that_document_only() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
        let entries = discover(&[folder]);
        assert!(entries.len() >= 3, "fixtures/text holds several documents");
        let victim = entries[1].path().to_path_buf();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut seen = Vec::new();
            pool.install(|| {
                run_streaming(
                    &entries,
                    &ExtractOptions::default(),
                    None,
                    &Silent,
                    |processed| {
                        if let Outcome::Done(document) = &processed.outcome
                            && Path::new(&document.source) == victim
                        {
                            panic!("serializer broke on purpose");
                        }
                    },
                    |processed, ()| {
                        seen.push(processed.outcome);
                        Ok(())
                    },
                )
                .unwrap();
            });
            assert_eq!(seen.len(), entries.len(), "{threads} threads: every input is accounted for");
            for (index, outcome) in seen.iter().enumerate() {
                match outcome {
                    Outcome::Failed(error) if index == 1 => {
                        assert!(error.to_string().contains("serializer broke on purpose"), "{error}");
                        assert!(error.to_string().contains(&*victim.to_string_lossy()), "{error}");
                    }
                    Outcome::Done(_) | Outcome::Skipped { .. } if index != 1 => {}
                    other => panic!("{threads} threads, input {index}: {other:?}"),
                }
            }
        }
    }
}
