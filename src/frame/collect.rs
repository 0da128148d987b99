//! A run collected in memory instead of written to files: the cells of every document as one
//! frame, the per-input report (the rows of `report.json`) and every warning as a record.
//!
//! Owns what the in-process front ends (the Python package, its Spark path) get back from a
//! batch: the same cells, in the same order, as `cells.parquet` of `begroting extract` over the
//! same inputs, and the same per-input outcome as `report.json`, so that one bad document is a
//! row of the report and never an exception that loses the others. Documents are extracted a
//! window at a time and dropped once their cells are appended (unless the caller keeps them for
//! their tables), as the file writer does, so memory holds the frame, not the documents.

use std::path::Path;
use std::sync::{Arc, Mutex};

use polars::prelude::*;
use serde::Serialize;

use super::FrameBuilder;
use crate::batch::{self, Discovered, Observer, Outcome, ReportEntry};
use crate::error::{Error, ErrorKind};
use crate::pipeline::{Document, ExtractOptions};

/// Rows buffered in the builders before they become a chunk of the frame.
const CHUNK_ROWS: usize = 64 * 1024;

/// One warning of one document, as a record (a row of the Python package's warnings frame).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningRecord {
    /// The document's id.
    pub doc_id: String,
    /// The input path as given.
    pub source: String,
    /// The warning kind's stable name (`table_not_read`, `column_inferred`, …).
    pub kind: &'static str,
    /// 1-based source line, when known.
    pub line: Option<usize>,
    /// Table index, when the warning is about a table.
    pub table_index: Option<usize>,
    /// Row index within the table, when about a row.
    pub row_index: Option<usize>,
    /// Data column index, when about a column.
    pub column_index: Option<usize>,
    /// The sentence, naming the text involved.
    pub message: String,
}

/// A whole run in memory.
pub struct CollectedRun {
    /// The long-format cells of every document that was read, in input order.
    pub cells: DataFrame,
    /// One entry per input, in input order: what became of it.
    pub report: Vec<ReportEntry>,
    /// Every warning of every document, in input order.
    pub warnings: Vec<WarningRecord>,
    /// The documents themselves, when the collector was asked to keep them (`tables.json`'s
    /// content); empty otherwise.
    pub documents: Vec<Document>,
}

/// Gathers outcomes into a [`CollectedRun`].
pub struct Collector {
    builder: FrameBuilder,
    chunks: Vec<DataFrame>,
    report: Vec<ReportEntry>,
    warnings: Vec<WarningRecord>,
    keep_documents: bool,
    documents: Vec<Document>,
}

impl Collector {
    /// An empty collector; with `keep_documents`, the documents are kept besides their cells.
    pub fn new(keep_documents: bool) -> Collector {
        Collector {
            builder: FrameBuilder::new(CHUNK_ROWS),
            chunks: Vec::new(),
            report: Vec::new(),
            warnings: Vec::new(),
            keep_documents,
            documents: Vec::new(),
        }
    }

    /// Adds one input's outcome (its cells, report entry and warnings).
    pub fn add(&mut self, outcome: Outcome, content_hash: Option<String>) -> Result<(), Error> {
        let cells = match &outcome {
            Outcome::Done(document) => {
                let chunks = &mut self.chunks;
                let cells = self.builder.push_document(document, CHUNK_ROWS, |builder| {
                    chunks.push(builder.take_frame().map_err(frame_error)?);
                    Ok::<(), Error>(())
                })?;
                self.warnings.extend(document.warnings.iter().map(|warning| WarningRecord {
                    doc_id: document.doc_id.clone(),
                    source: document.source.clone(),
                    kind: warning.kind.name(),
                    line: warning.location.line,
                    table_index: warning.location.table_index,
                    row_index: warning.location.row_index,
                    column_index: warning.location.column_index,
                    message: warning.message.clone(),
                }));
                cells
            }
            Outcome::Failed(_) | Outcome::Skipped { .. } => 0,
        };
        self.report.push(batch::report_entry(&outcome, cells, content_hash));
        if self.keep_documents
            && let Outcome::Done(document) = outcome
        {
            self.documents.push(*document);
        }
        Ok(())
    }

    /// The run: the buffered rows become the frame's last chunk.
    pub fn finish(mut self) -> Result<CollectedRun, Error> {
        let last = self.builder.take_frame().map_err(frame_error)?;
        let mut cells = match self.chunks.first() {
            Some(first) => first.clear(),
            None => last.clear(),
        };
        for chunk in self.chunks.iter().chain(std::iter::once(&last)) {
            if chunk.height() > 0 {
                cells.vstack_mut(chunk).map_err(frame_error)?;
            }
        }
        Ok(CollectedRun { cells, report: self.report, warnings: self.warnings, documents: self.documents })
    }
}

/// Runs a batch (the entries of [`batch::discover`]) and collects it in memory, in input order,
/// on the current rayon pool.
pub fn collect_files(
    entries: &[Discovered],
    options: &ExtractOptions,
    observer: &dyn Observer,
    keep_documents: bool,
) -> Result<CollectedRun, Error> {
    let mut collector = Collector::new(keep_documents);
    batch::run_streaming(
        entries,
        options,
        None,
        observer,
        |_| (),
        |processed, ()| collector.add(processed.outcome, processed.content_hash),
    )?;
    collector.finish()
}

/// One document already in memory: its name (a path or any name; its extension picks the reader
/// when the content does not), its document id (`None`: the name's file name), its bytes (gzip
/// is unpacked) and its address.
pub struct HeldDocument {
    /// Names the document: the `source` column, and the file in errors.
    pub name: String,
    /// The document id; `None` gives the file name of `name`.
    pub id: Option<String>,
    /// The document's bytes as stored.
    pub bytes: Vec<u8>,
    /// The page address, when known.
    pub url: Option<String>,
    /// Whether `name` is a local file whose `.url` sidecar may give the address when `url` is
    /// `None` (a Spark row read from `file:`); false for bytes that are no file.
    pub read_sidecar: bool,
}

/// Runs documents already in memory (a Spark partition, Python `bytes`) on the current rayon
/// pool and collects them in input order. They are extracted a window at a time (a few per
/// thread), and each window's documents are dropped once their cells are appended, so a large
/// partition never holds all its documents at once.
pub fn collect_held(
    documents: Vec<HeldDocument>,
    options: &ExtractOptions,
    keep_documents: bool,
) -> Result<CollectedRun, Error> {
    use rayon::prelude::*;
    let window = rayon::current_num_threads().max(1) * batch::DOCUMENTS_PER_THREAD_IN_FLIGHT;
    batch::clear_stop_request();
    let mut collector = Collector::new(keep_documents);
    let mut documents = documents.into_iter().peekable();
    while documents.peek().is_some() {
        if batch::stop_requested() {
            return Err(Error::new("batch", ErrorKind::Interrupted));
        }
        let held: Vec<HeldDocument> = documents.by_ref().take(window).collect();
        let outcomes: Vec<(Outcome, Option<String>)> = held
            .into_par_iter()
            .map(|held| {
                let path = Path::new(&held.name);
                batch::extract_held(path, held.id, held.bytes, held.url, held.read_sidecar, options)
            })
            .collect();
        for (outcome, hash) in outcomes {
            collector.add(outcome, hash)?;
        }
    }
    collector.finish()
}

/// What a run pulled a window at a time has reported so far: every input's report entry and the
/// warnings, in input order, and whether the last input is done.
#[derive(Debug, Default)]
pub struct RunSoFar {
    /// One entry per input handled so far.
    pub report: Vec<ReportEntry>,
    /// The warnings of the documents handled so far.
    pub warnings: Vec<WarningRecord>,
    /// True once every input was handled.
    pub finished: bool,
}

/// A batch extracted as its consumer asks for cells: each step extracts the next window of
/// inputs (a few per thread, in parallel on its own pool) and yields their cells as one frame,
/// so memory holds one window's documents and cells, however many inputs there are. What became
/// of each input is gathered in [`CellWindows::so_far`], shared with whoever reads it after (or
/// while) the frames are consumed.
pub struct CellWindows {
    entries: Vec<Discovered>,
    options: ExtractOptions,
    next: usize,
    window: usize,
    pool: rayon::ThreadPool,
    so_far: Arc<Mutex<RunSoFar>>,
}

impl CellWindows {
    /// A run over `entries` on `pool`, nothing extracted yet.
    pub fn new(entries: Vec<Discovered>, options: ExtractOptions, pool: rayon::ThreadPool) -> CellWindows {
        let window = pool.current_num_threads().max(1) * batch::DOCUMENTS_PER_THREAD_IN_FLIGHT;
        CellWindows { entries, options, next: 0, window, pool, so_far: Arc::default() }
    }

    /// The report and warnings gathered so far.
    pub fn so_far(&self) -> Arc<Mutex<RunSoFar>> {
        Arc::clone(&self.so_far)
    }
}

impl Iterator for CellWindows {
    type Item = Result<DataFrame, Error>;

    fn next(&mut self) -> Option<Result<DataFrame, Error>> {
        use rayon::prelude::*;
        loop {
            if self.next >= self.entries.len() {
                self.so_far.lock().expect("no panic while holding it").finished = true;
                return None;
            }
            let end = (self.next + self.window).min(self.entries.len());
            let (entries, options) = (&self.entries[self.next..end], &self.options);
            let processed: Vec<batch::Processed> = self
                .pool
                .install(|| entries.par_iter().map(|entry| batch::process_entry(entry, options)).collect());
            self.next = end;
            let mut collector = Collector::new(false);
            for done in processed {
                if let Err(error) = collector.add(done.outcome, done.content_hash) {
                    return Some(Err(error));
                }
            }
            let run = match collector.finish() {
                Ok(run) => run,
                Err(error) => return Some(Err(error)),
            };
            let mut so_far = self.so_far.lock().expect("no panic while holding it");
            so_far.report.extend(run.report);
            so_far.warnings.extend(run.warnings);
            if run.cells.height() > 0 {
                return Some(Ok(run.cells));
            }
        }
    }
}

fn frame_error(error: PolarsError) -> Error {
    Error::new("cells", ErrorKind::Write { file: "cells".into(), message: error.to_string() })
}
