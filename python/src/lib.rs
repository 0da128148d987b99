//! `begroting._native`: the Python package's bridge to the library, and nothing more.
//!
//! Owns the crossing: Python arguments in, and out the cells as an Arrow C stream (a capsule
//! behind `__arrow_c_stream__`, which pyarrow, polars and pandas take without a row being copied
//! through Python), the per-input report, the warnings, the tables and check findings as JSON
//! text that the Python layer turns into frames and dicts. Every decision (which inputs, in which
//! order, what becomes of a bad document) is the library's, exactly as for the CLI: a document
//! that fails is a `failed` row of the report, never an exception; an exception means the call
//! itself is wrong (an overrides file or manifest that cannot be read, an unknown option), and it
//! names the file and the line. Extraction runs off the Python thread with the GIL released;
//! that thread wakes every 100 ms so that Ctrl-C stops the batch after the documents in flight.

use std::ffi::CString;
use std::path::{Path, PathBuf};

use begroting::batch::{self, Discovered, Observer};
use begroting::check::{self, Severity, expect::Expectations};
use begroting::frame::FrameBuilder;
use begroting::frame::arrow_stream::{
    ArrowArrayStream, StringLayout, cells_arrow_stream, frames_arrow_stream,
};
use begroting::frame::collect::{
    CellWindows, CollectedRun, HeldDocument, RunSoFar, WarningRecord, collect_files, collect_held,
};
use begroting::manifest::Manifest;
use begroting::overrides::Overrides;
use begroting::pipeline::ExtractOptions;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule};

pyo3::create_exception!(
    _native,
    NativeError,
    pyo3::exceptions::PyException,
    "A call the library refused; its one argument is a JSON object (message, file, kind, line)."
);

/// The library's error as the JSON payload of [`NativeError`] (the Python layer raises
/// `begroting.BegrotingError` with these as attributes).
fn native_error(error: &begroting::Error) -> PyErr {
    let payload = serde_json::json!({
        "message": error.to_string(),
        "file": error.file.to_string_lossy(),
        "kind": error.kind.name(),
        "line": error.kind.line(),
    });
    NativeError::new_err(payload.to_string())
}

/// The cells of a run, handed over once by the Arrow PyCapsule interface.
#[pyclass(module = "begroting._native")]
struct CellStream {
    stream: std::sync::Mutex<Option<ArrowArrayStream>>,
    rows: usize,
}

#[pymethods]
impl CellStream {
    /// The Arrow C stream capsule (`arrow_array_stream`); the stream can be taken once. A
    /// capsule dropped unconsumed releases the stream.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        // The schema is the documented one; a consumer asking for another casts afterwards.
        let _ = requested_schema;
        take_stream(&self.stream, py)
    }

    /// Rows in the stream.
    #[getter]
    fn rows(&self) -> usize {
        self.rows
    }
}

/// Takes the stream out of its slot, once.
fn take_stream<'py>(
    slot: &std::sync::Mutex<Option<ArrowArrayStream>>,
    py: Python<'py>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let stream = slot
        .lock()
        .map_err(|_| PyRuntimeError::new_err("the cell stream's lock is poisoned"))?
        .take()
        .ok_or_else(|| PyRuntimeError::new_err("the cell stream was already consumed"))?;
    let name = CString::new("arrow_array_stream").expect("no NUL in the capsule name");
    PyCapsule::new(py, stream, Some(name))
}

/// The cells of a run extracted as they are read: each batch the consumer takes extracts the
/// next window of documents, so memory holds one window however many documents there are.
/// What became of each input is asked for with `report()`, complete once the stream is read
/// to its end.
#[pyclass(module = "begroting._native")]
struct CellBatches {
    stream: std::sync::Mutex<Option<ArrowArrayStream>>,
    so_far: std::sync::Arc<std::sync::Mutex<RunSoFar>>,
}

#[pymethods]
impl CellBatches {
    /// The Arrow C stream capsule (`arrow_array_stream`); the stream can be taken once.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        take_stream(&self.stream, py)
    }

    /// (report JSON, warnings JSON, finished): the inputs handled so far.
    fn report(&self) -> PyResult<(String, String, bool)> {
        let so_far =
            self.so_far.lock().map_err(|_| PyRuntimeError::new_err("the run's report lock is poisoned"))?;
        let json_error = |error: serde_json::Error| PyRuntimeError::new_err(error.to_string());
        Ok((
            serde_json::to_string(&so_far.report).map_err(json_error)?,
            serde_json::to_string(&so_far.warnings).map_err(json_error)?,
            so_far.finished,
        ))
    }
}

/// What a run hands to Python: the cells, then report, warnings and (when asked) tables as JSON.
type RunResult = (CellStream, String, String, Option<String>);

/// A run made ready for Python (built without the GIL: the JSON may be large); `views` hands the
/// strings over as polars' string views (for a polars consumer) instead of the file's large
/// strings.
fn run_result(run: CollectedRun, keep_documents: bool, views: bool) -> PyResult<RunResult> {
    let json_error = |error: serde_json::Error| PyRuntimeError::new_err(error.to_string());
    let layout = if views { StringLayout::Views } else { StringLayout::Large };
    let report = serde_json::to_string(&run.report).map_err(json_error)?;
    let warnings = serde_json::to_string(&run.warnings).map_err(json_error)?;
    let tables = keep_documents.then(|| tables_json(&run.documents));
    let rows = run.cells.height();
    let stream =
        CellStream { rows, stream: std::sync::Mutex::new(Some(cells_arrow_stream(run.cells, layout))) };
    Ok((stream, report, warnings, tables))
}

/// The documents as `tables.json` holds them: a JSON array of entries.
fn tables_json(documents: &[begroting::pipeline::Document]) -> String {
    let mut out = Vec::from(*b"[");
    for (position, document) in documents.iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        out.extend(begroting::write::tables_json_entry(document));
    }
    out.push(b']');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

fn options(overrides: Option<PathBuf>, max_document_mb: Option<u64>) -> PyResult<ExtractOptions> {
    let mut options = match overrides {
        Some(path) => ExtractOptions::with_overrides_file(&path).map_err(|e| native_error(&e))?,
        None => ExtractOptions::default(),
    };
    if let Some(megabytes) = max_document_mb {
        options.max_document_bytes = megabytes.saturating_mul(1 << 20);
    }
    Ok(options)
}

/// Runs `work` off the Python thread, with the GIL released, while this thread wakes every
/// 100 ms to let Python handle signals: Ctrl-C asks the batch to stop after the documents in
/// flight, and its KeyboardInterrupt is raised once the work has returned.
fn interruptible<T: Send>(py: Python<'_>, work: impl FnOnce() -> PyResult<T> + Send) -> PyResult<T> {
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        // Waited on with the GIL released, so shared with that closure through a lock.
        let receiver = std::sync::Mutex::new(receiver);
        scope.spawn(move || {
            let _ = sender.send(work());
        });
        let mut interrupted: Option<PyErr> = None;
        loop {
            let wait = || {
                let receiver = receiver.lock().expect("only this thread waits");
                receiver.recv_timeout(std::time::Duration::from_millis(100))
            };
            match py.detach(wait) {
                Ok(result) => return interrupted.map_or(result, Err),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    if interrupted.is_none()
                        && let Err(error) = py.check_signals()
                    {
                        batch::request_stop();
                        interrupted = Some(error);
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(interrupted.unwrap_or_else(|| {
                        PyRuntimeError::new_err("the extraction thread stopped without a result")
                    }));
                }
            }
        }
    })
}

/// A pool of `jobs` worker threads (all cores when `None`).
fn thread_pool(jobs: Option<usize>) -> PyResult<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs.max(1));
    }
    builder.build().map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))
}

/// Runs `work` on a pool of `jobs` threads (all cores when `None`).
fn on_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    Ok(thread_pool(jobs)?.install(work))
}

/// A progress bar on standard error, as the CLI draws it, when asked for.
struct Progress {
    bar: indicatif::ProgressBar,
}

impl Observer for Progress {
    fn started(&self, inputs: usize, _bytes: u64) {
        self.bar.set_length(inputs as u64);
    }
    fn finished(&self, _path: &Path, _bytes: u64, _failed: bool) {
        self.bar.inc(1);
    }
}

/// The overrides file's own report entry, first, as the command writes it: the entries that name
/// no document of the run (a misspelt name must not look settled), also among the warnings.
fn report_unused_overrides(run: &mut CollectedRun, overrides: &Overrides, entries: &[Discovered]) {
    let unused = begroting::overrides::entries_matching_no_document(overrides, &batch::document_ids(entries));
    let source = overrides.file.to_string_lossy().into_owned();
    let records = unused.iter().map(|warning| WarningRecord {
        doc_id: String::new(),
        source: source.clone(),
        kind: warning.kind.name(),
        line: warning.location.line,
        table_index: None,
        row_index: None,
        column_index: None,
        message: warning.message.clone(),
    });
    run.warnings.splice(0..0, records);
    run.report.insert(0, batch::overrides_report_entry(&overrides.file, &unused));
}

/// Extracts files and folders (walked as the CLI walks them) into memory.
#[pyfunction]
#[pyo3(signature = (paths, overrides=None, manifest=None, jobs=None, progress=false, keep_tables=false, max_document_mb=None, views=false))]
#[allow(clippy::too_many_arguments)]
fn extract_files(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    overrides: Option<PathBuf>,
    manifest: Option<PathBuf>,
    jobs: Option<usize>,
    progress: bool,
    keep_tables: bool,
    max_document_mb: Option<u64>,
    views: bool,
) -> PyResult<RunResult> {
    if paths.is_empty() {
        return Err(PyValueError::new_err("no paths given"));
    }
    let options = options(overrides, max_document_mb)?;
    let manifest = manifest.map(|path| Manifest::load(&path)).transpose().map_err(|e| native_error(&e))?;
    interruptible(py, || {
        let mut entries = batch::discover(&paths);
        if let Some(manifest) = &manifest {
            batch::apply_manifest(&mut entries, manifest);
        }
        let bar = indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template("begroting {bar:30} {pos}/{len} documents {elapsed}")
                .expect("a valid progress template"),
        );
        if !progress {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        let observer = Progress { bar };
        let run = on_pool(jobs, || collect_files(&entries, &options, &observer, keep_tables))?;
        observer.bar.finish_and_clear();
        let mut run = run.map_err(|e| native_error(&e))?;
        if let Some(overrides) = &options.overrides {
            report_unused_overrides(&mut run, overrides, &entries);
        }
        run_result(run, keep_tables, views)
    })
}

/// A run over files and folders that extracts a window of documents each time its consumer takes
/// a batch of cells (strings as the file's large strings).
#[pyfunction]
#[pyo3(signature = (paths, overrides=None, manifest=None, jobs=None, max_document_mb=None))]
fn extract_windows(
    paths: Vec<PathBuf>,
    overrides: Option<PathBuf>,
    manifest: Option<PathBuf>,
    jobs: Option<usize>,
    max_document_mb: Option<u64>,
) -> PyResult<CellBatches> {
    if paths.is_empty() {
        return Err(PyValueError::new_err("no paths given"));
    }
    let options = options(overrides, max_document_mb)?;
    let manifest = manifest.map(|path| Manifest::load(&path)).transpose().map_err(|e| native_error(&e))?;
    let mut entries = batch::discover(&paths);
    if let Some(manifest) = &manifest {
        batch::apply_manifest(&mut entries, manifest);
    }
    let pool = thread_pool(jobs)?;
    let schema = FrameBuilder::new(0)
        .take_frame()
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?
        .schema()
        .clone();
    let mut first = CollectedRun {
        cells: Default::default(),
        report: Vec::new(),
        warnings: Vec::new(),
        documents: Vec::new(),
    };
    if let Some(overrides) = &options.overrides {
        report_unused_overrides(&mut first, overrides, &entries);
    }
    let windows = CellWindows::new(entries, options, pool);
    let so_far = windows.so_far();
    {
        let mut started =
            so_far.lock().map_err(|_| PyRuntimeError::new_err("the run's report lock is poisoned"))?;
        started.report = first.report;
        started.warnings = first.warnings;
    }
    let stream = frames_arrow_stream(windows, &schema, StringLayout::Large);
    Ok(CellBatches { stream: std::sync::Mutex::new(Some(stream)), so_far })
}

/// One document as Python hands it over: (name, document id or None, bytes, url or None, whether
/// the name is a local file whose `.url` sidecar may give the address).
type HeldTuple<'py> = (String, Option<String>, Bound<'py, PyBytes>, Option<String>, bool);

/// Extracts documents already in memory, in order.
#[pyfunction]
#[pyo3(signature = (documents, overrides=None, jobs=None, keep_tables=false, max_document_mb=None, views=false))]
fn extract_held(
    py: Python<'_>,
    documents: Vec<HeldTuple<'_>>,
    overrides: Option<PathBuf>,
    jobs: Option<usize>,
    keep_tables: bool,
    max_document_mb: Option<u64>,
    views: bool,
) -> PyResult<RunResult> {
    let options = options(overrides, max_document_mb)?;
    let held: Vec<HeldDocument> = documents
        .into_iter()
        .map(|(name, id, bytes, url, read_sidecar)| HeldDocument {
            name,
            id,
            bytes: bytes.as_bytes().to_vec(),
            url,
            read_sidecar,
        })
        .collect();
    interruptible(py, || {
        let run = on_pool(jobs, || collect_held(held, &options, keep_tables))?;
        run_result(run.map_err(|e| native_error(&e))?, keep_tables, views)
    })
}

/// Checks inputs (documents, folders, output directories) with the built-in rules and expectation
/// files. Returns (findings JSON, accepted findings JSON, failed, documents checked).
#[pyfunction]
#[pyo3(signature = (inputs, expect=Vec::new(), overrides=None, fail_on="error"))]
fn check_inputs(
    py: Python<'_>,
    inputs: Vec<PathBuf>,
    expect: Vec<PathBuf>,
    overrides: Option<PathBuf>,
    fail_on: &str,
) -> PyResult<(String, String, bool, usize)> {
    let fail_on = match fail_on {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        other => {
            return Err(PyValueError::new_err(format!(
                "fail_on is \"error\" or \"warning\", not \"{other}\""
            )));
        }
    };
    let options = options(overrides, None)?;
    let mut expectations = Vec::new();
    for file in &expect {
        expectations.push(Expectations::load(file).map_err(|e| native_error(&e))?);
    }
    interruptible(py, || {
        let run = check::check_inputs(&inputs, &options, &expectations).map_err(|e| native_error(&e))?;
        let (accepted, findings) = check::partition_accepted(run.findings, &expectations, &run.documents);
        let failed = check::fails(&findings, fail_on);
        let json = |findings: &[check::Finding]| {
            serde_json::to_string(findings).map_err(|e| PyRuntimeError::new_err(e.to_string()))
        };
        Ok((json(&findings)?, json(&accepted)?, failed, run.documents.len()))
    })
}

/// The version of the library inside.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<CellStream>()?;
    module.add_class::<CellBatches>()?;
    module.add_function(wrap_pyfunction!(extract_windows, module)?)?;
    module.add_function(wrap_pyfunction!(extract_files, module)?)?;
    module.add_function(wrap_pyfunction!(extract_held, module)?)?;
    module.add_function(wrap_pyfunction!(check_inputs, module)?)?;
    module.add_function(wrap_pyfunction!(version, module)?)?;
    module.add("NativeError", module.py().get_type::<NativeError>())?;
    Ok(())
}
