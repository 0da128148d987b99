//! The files of one extraction run, written as documents arrive: cells in each chosen format
//! (as a single file or a Hive-partitioned Parquet dataset), `tables.json` and `report.json`.
//!
//! Memory stays bounded by the work in flight: cells are buffered up to
//! [`ROW_GROUP_RECORDS`] and then written as one Parquet row group and appended to the JSON,
//! NDJSON and CSV files; each document's `tables.json` entry is written as soon as it arrives.
//! The per-input report is streamed too. Every file is written into the run's staging folder
//! and [`RunWriter::finish`] commits them as one set ([`super::commit`]); dropping the writer (an
//! error, Ctrl-C) removes the staging and leaves the previous output untouched.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::Serialize;

use super::OutputFormat;
use super::cell_text::{CSV_HEADER, JsonFraming, csv_lines, json_cells};
use super::commit::{OutputSlot, SetInputs, SetManifest, SetOptions, StagedRun, crash_point, is_tool_name};
use super::parquet_file::ParquetOut;
use super::pending::{PendingFile, write_error};
use crate::batch::{Outcome, Processed, ReportEntry, report_entry};
use crate::error::{Error, Warning};
use crate::frame::{FrameBuilder, cell_count};
use crate::meta::DocMeta;
use crate::pipeline::Document;
use crate::table::Table;

/// Cells per Parquet row group, and per append to the text formats.
pub const ROW_GROUP_RECORDS: usize = 32_768;

/// A column the Parquet dataset can be partitioned by (`--partition-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartitionColumn {
    /// The document's budget year.
    Year,
    /// The document type.
    DocType,
    /// The budget chapter.
    Chapter,
}

impl PartitionColumn {
    /// Reads a column name as given on the command line.
    pub fn parse(name: &str) -> Option<PartitionColumn> {
        match name.trim() {
            "year" => Some(PartitionColumn::Year),
            "doc_type" => Some(PartitionColumn::DocType),
            "chapter" => Some(PartitionColumn::Chapter),
            _ => None,
        }
    }

    /// The column name in the frame and in the directory names.
    pub fn name(self) -> &'static str {
        match self {
            PartitionColumn::Year => "year",
            PartitionColumn::DocType => "doc_type",
            PartitionColumn::Chapter => "chapter",
        }
    }
}

/// Hive's name for a null partition value, which DuckDB, Spark and polars read back as null.
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// How the run's output is laid out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunLayout {
    /// Cell formats to write.
    pub formats: Vec<OutputFormat>,
    /// When non-empty, Parquet is written as a Hive-partitioned dataset under `cells/`.
    pub partition_by: Vec<PartitionColumn>,
    /// The shard this run is (`--shard I/N`), named in partition file names so shards can share
    /// one dataset directory.
    pub shard: Option<(usize, usize)>,
    /// Write into a directory that holds files this tool did not write (`--force`).
    pub force: bool,
    /// What decides extraction besides the inputs (the overrides' fingerprint), for the manifest.
    pub extraction_fingerprint: String,
    /// The largest document read, in bytes, for the manifest.
    pub max_document_bytes: u64,
}

/// Refuses an output directory holding files the tool did not write (see
/// [`super::commit::is_tool_name`]: output files of any slot, manifests, the dataset folder;
/// hidden files such as `.gitkeep` are allowed).
fn check_output_directory(directory: &Path) -> Result<(), Error> {
    let Ok(entries) = std::fs::read_dir(directory) else { return Ok(()) };
    let foreign: Vec<String> = entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !is_tool_name(name))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let mut shown: Vec<String> = foreign.iter().take(5).cloned().collect();
    if foreign.len() > 5 {
        shown.push(format!("and {} more", foreign.len() - 5));
    }
    Err(write_error(
        directory,
        format!(
            "the output directory holds files begroting did not write ({}); choose an empty directory or pass --force",
            shown.join(", ")
        ),
    ))
}

/// What a run wrote, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunTotals {
    /// Documents extracted.
    pub ok: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Inputs skipped.
    pub skipped: usize,
    /// Tables found.
    pub tables: usize,
    /// Long-format cells written.
    pub cells: usize,
    /// Warnings in all documents, by kind.
    pub warnings_by_kind: BTreeMap<&'static str, usize>,
    /// Bytes of input read.
    pub bytes: u64,
}

struct TextOut {
    pending: PendingFile,
    writer: BufWriter<File>,
    items: usize,
}

impl TextOut {
    fn create(path: &Path) -> Result<TextOut, Error> {
        let pending = PendingFile::create(path)?;
        let writer = BufWriter::new(pending.handle()?);
        Ok(TextOut { pending, writer, items: 0 })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.writer.write_all(bytes).map_err(|error| write_error(self.pending.final_path(), error))
    }

    /// Writes one element of a JSON array that this file holds.
    fn array_item(&mut self, json: &[u8]) -> Result<(), Error> {
        let separator: &[u8] = if self.items == 0 { b"[\n" } else { b",\n" };
        self.write(separator)?;
        self.write(json)?;
        self.items += 1;
        Ok(())
    }

    fn finish_array(mut self) -> Result<(), Error> {
        let end: &[u8] = if self.items == 0 { b"[]\n" } else { b"\n]\n" };
        self.write(end)?;
        self.finish()
    }

    fn finish(mut self) -> Result<(), Error> {
        self.writer.flush().map_err(|error| write_error(self.pending.final_path(), error))?;
        drop(self.writer);
        self.pending.commit()
    }
}

/// One document in `tables.json`: its metadata, its tables as rebuilt, and its warnings by table.
#[derive(Debug, Serialize)]
struct DocumentTables<'d> {
    doc_id: &'d str,
    doc_sha256: &'d str,
    source: &'d str,
    url: Option<&'d str>,
    format: crate::source::SourceFormat,
    encoding: &'d str,
    meta: &'d DocMeta,
    tables: Vec<TableView<'d>>,
    /// Warnings that belong to no table (metadata, decoding).
    warnings: Vec<&'d Warning>,
}

#[derive(Debug, Serialize)]
struct TableView<'d> {
    #[serde(flatten)]
    table: &'d Table,
    column_headers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<&'d Warning>,
}

/// One document's entry of `tables.json`, as JSON (what the in-process front ends hand over as
/// "the nested tables").
pub fn tables_json_entry(document: &Document) -> Vec<u8> {
    serde_json::to_vec(&document_tables(document)).expect("a document serializes to JSON")
}

fn document_tables(document: &Document) -> DocumentTables<'_> {
    let tables = document
        .tables
        .iter()
        .map(|table| TableView {
            table,
            column_headers: table.columns.iter().map(|column| column.header()).collect(),
            warnings: document
                .warnings
                .iter()
                .filter(|w| w.location.table_index == Some(table.index))
                .collect(),
        })
        .collect();
    DocumentTables {
        doc_id: &document.doc_id,
        doc_sha256: &document.sha256,
        source: &document.source,
        url: document.url.as_deref(),
        format: document.format,
        encoding: &document.encoding,
        meta: &document.meta,
        tables,
        warnings: document.warnings.iter().filter(|w| w.location.table_index.is_none()).collect(),
    }
}

/// The single-file cell outputs (everything but the partitioned dataset).
struct FlatOutputs {
    parquet: Option<ParquetOut>,
    json: Option<TextOut>,
    ndjson: Option<TextOut>,
    csv: Option<(TextOut, bool)>,
}

impl FlatOutputs {
    /// Writes one frame as a Parquet row group.
    fn write(&mut self, frame: &DataFrame) -> Result<(), Error> {
        if frame.height() == 0 {
            return Ok(());
        }
        if let Some(parquet) = &mut self.parquet {
            parquet.write(frame)?;
        }
        Ok(())
    }

    /// Appends a document's prepared cells to the JSON, NDJSON and CSV files.
    fn append_text(&mut self, prepared: &PreparedOutputs) -> Result<(), Error> {
        if let (Some(ndjson), Some(lines)) = (&mut self.ndjson, &prepared.ndjson_lines) {
            ndjson.write(lines)?;
        }
        if let (Some(json), Some(items)) = (&mut self.json, &prepared.json_items)
            && !items.is_empty()
        {
            // Every item starts with ",\n"; the array's first starts with "[\n" instead.
            if json.items == 0 {
                json.write(b"[")?;
                json.write(&items[1..])?;
            } else {
                json.write(items)?;
            }
            json.items += 1;
        }
        if let (Some((csv, header_written)), Some(lines)) = (&mut self.csv, &prepared.csv_lines) {
            if !*header_written {
                csv.write(CSV_HEADER.as_bytes())?;
                *header_written = true;
            }
            csv.write(lines)?;
        }
        Ok(())
    }
}

/// What a worker thread prepares from one processed input for the writer, so that serializing
/// runs on every core and the writer thread only appends bytes in input order: the document's
/// `tables.json` entry and its cells as JSON lines and CSV lines (each only when a chosen format
/// needs it).
#[derive(Debug, Default)]
pub struct PreparedOutputs {
    tables_json: Option<Vec<u8>>,
    json_items: Option<Vec<u8>>,
    ndjson_lines: Option<Vec<u8>>,
    csv_lines: Option<Vec<u8>>,
    cells: usize,
}

impl RunLayout {
    /// Serializes what the text outputs need of one processed input (see [`PreparedOutputs`]).
    /// Pure and thread-safe: the batch calls it on the worker that extracted the document.
    pub fn prepare(&self, processed: &Processed) -> PreparedOutputs {
        let Outcome::Done(document) = &processed.outcome else { return PreparedOutputs::default() };
        let wants = |format| self.formats.contains(&format);
        let mut prepared = PreparedOutputs {
            tables_json: serde_json::to_vec(&document_tables(document)).ok(),
            cells: cell_count(document),
            ..PreparedOutputs::default()
        };
        let json = |framing| {
            let mut out = Vec::with_capacity(prepared.cells * 800);
            json_cells(document, framing, &mut out);
            out
        };
        prepared.json_items = wants(OutputFormat::Json).then(|| json(JsonFraming::ArrayItem));
        prepared.ndjson_lines = wants(OutputFormat::Ndjson).then(|| json(JsonFraming::Line));
        if wants(OutputFormat::Csv) {
            let mut lines = Vec::with_capacity(prepared.cells * 400);
            csv_lines(document, &mut lines);
            prepared.csv_lines = Some(lines);
        }
        prepared
    }
}

/// One partition of the Hive dataset: its builder, its Parquet file, its path in the set and
/// the cells written to it.
struct Partition {
    builder: FrameBuilder,
    out: ParquetOut,
    relative: String,
    cells: usize,
}

/// Writes a run's files as documents arrive. See the module doc.
pub struct RunWriter {
    /// Where the files go until the commit (the output folder's staging).
    staged: StagedRun,
    directory: PathBuf,
    layout: RunLayout,
    schema: Schema,
    builder: FrameBuilder,
    flat: FlatOutputs,
    partitions: BTreeMap<Vec<Option<String>>, Partition>,
    tables: TextOut,
    report: TextOut,
    totals: RunTotals,
}

impl RunWriter {
    /// Starts a run in `directory` (created if missing): takes the output's lock, finishes or
    /// clears what a killed run left there, and stages every file. Nothing is visible there until
    /// [`RunWriter::finish`]. A directory holding files this tool did not write is refused unless
    /// `layout.force`.
    pub fn create(directory: &Path, layout: RunLayout) -> Result<RunWriter, Error> {
        if !layout.force {
            check_output_directory(directory)?;
        }
        let staged = StagedRun::begin(directory, OutputSlot::new(layout.shard))?;
        let slot = staged.slot();
        let staged_file = |format: OutputFormat| staged.staged_path(&slot.file_name(format.file_name()));
        let schema = FrameBuilder::new(0)
            .take_frame()
            .map_err(|error| write_error(directory, error))?
            .schema()
            .as_ref()
            .clone();
        let wants = |format| layout.formats.contains(&format);
        let parquet = if wants(OutputFormat::Parquet) && layout.partition_by.is_empty() {
            Some(ParquetOut::create(&staged_file(OutputFormat::Parquet), &schema)?)
        } else {
            None
        };
        let json = wants(OutputFormat::Json)
            .then(|| TextOut::create(&staged_file(OutputFormat::Json)))
            .transpose()?;
        let ndjson = wants(OutputFormat::Ndjson)
            .then(|| TextOut::create(&staged_file(OutputFormat::Ndjson)))
            .transpose()?;
        let csv = wants(OutputFormat::Csv)
            .then(|| TextOut::create(&staged_file(OutputFormat::Csv)).map(|out| (out, false)))
            .transpose()?;
        let tables = TextOut::create(&staged.staged_path(&slot.file_name("tables.json")))?;
        let report = TextOut::create(&staged.staged_path(&slot.file_name("report.json")))?;
        Ok(RunWriter {
            staged,
            directory: directory.to_path_buf(),
            layout,
            schema,
            builder: FrameBuilder::new(ROW_GROUP_RECORDS),
            flat: FlatOutputs { parquet, json, ndjson, csv },
            partitions: BTreeMap::new(),
            tables,
            report,
            totals: RunTotals::default(),
        })
    }

    /// Adds one finished entry (in input order), serializing it here.
    pub fn add(&mut self, processed: Processed) -> Result<(), Error> {
        let prepared = self.layout.prepare(&processed);
        self.add_prepared(processed, prepared)
    }

    /// Adds one finished entry (in input order) with what [`RunLayout::prepare`] made of it,
    /// usually on another thread.
    pub fn add_prepared(&mut self, processed: Processed, prepared: PreparedOutputs) -> Result<(), Error> {
        let Processed { bytes, outcome, content_hash } = processed;
        self.totals.bytes += bytes;
        let mut cells = 0;
        match &outcome {
            Outcome::Done(document) => {
                self.totals.ok += 1;
                self.totals.tables += document.tables.len();
                let tables_path = || self.directory.join("tables.json");
                let json = prepared.tables_json.as_deref().ok_or_else(|| {
                    write_error(&tables_path(), "the document's tables could not be serialized")
                })?;
                self.tables.array_item(json)?;
                cells = prepared.cells;
                self.flat.append_text(&prepared)?;
                if self.flat.parquet.is_some() {
                    let flat = &mut self.flat;
                    let directory = &self.directory;
                    self.builder.push_document(document, ROW_GROUP_RECORDS, |builder| {
                        let frame = builder.take_frame().map_err(|error| write_error(directory, error))?;
                        flat.write(&frame)
                    })?;
                }
                if !self.layout.partition_by.is_empty()
                    && self.layout.formats.contains(&OutputFormat::Parquet)
                {
                    self.add_to_partition(document)?;
                }
            }
            Outcome::Failed(_) => self.totals.failed += 1,
            Outcome::Skipped { .. } => self.totals.skipped += 1,
        }
        self.add_report_entry(&report_entry(&outcome, cells, content_hash))?;
        self.totals.cells += cells;
        crash_point("document written");
        Ok(())
    }

    /// Adds an entry to `report.json` and its warnings to the totals: each document's, through
    /// [`RunWriter::add_prepared`], and the run's other inputs' (the overrides file).
    pub fn add_report_entry(&mut self, entry: &ReportEntry) -> Result<(), Error> {
        for (kind, count) in &entry.warnings_by_kind {
            *self.totals.warnings_by_kind.entry(kind).or_default() += count;
        }
        let entry = serde_json::to_vec_pretty(entry)
            .map_err(|error| write_error(&self.directory.join("report.json"), error))?;
        self.report.array_item(&entry)
    }

    /// Where a further file of the set (`review.html`) is staged, so that it commits with the
    /// rest; named for this run's slot.
    pub fn staged_path(&self, base: &str) -> PathBuf {
        self.staged.staged_path(&self.staged.slot().file_name(base))
    }

    /// Year, type and chapter belong to the document, so a whole document goes to one partition.
    fn add_to_partition(&mut self, document: &Document) -> Result<(), Error> {
        let columns = self.layout.partition_by.clone();
        let key: Vec<Option<String>> = columns
            .iter()
            .map(|column| match column {
                PartitionColumn::Year => document.meta.year.map(|year| year.to_string()),
                PartitionColumn::DocType => document.meta.doc_type.clone(),
                PartitionColumn::Chapter => document.meta.chapter.clone(),
            })
            .collect();
        if !self.partitions.contains_key(&key) {
            let mut relative = super::commit::DATASET_DIRECTORY.to_string();
            for (column, value) in columns.iter().zip(&key) {
                let value = value.as_deref().map(hive_escape).unwrap_or(HIVE_NULL.to_string());
                relative.push_str(&format!("/{}={value}", column.name()));
            }
            relative.push('/');
            relative.push_str(&self.staged.slot().partition_file_name());
            let mut schema = self.schema.clone();
            for column in &columns {
                schema.shift_remove(column.name());
            }
            let out = ParquetOut::create(&self.staged.staged_path(&relative), &schema)?;
            let builder = FrameBuilder::new(ROW_GROUP_RECORDS);
            self.partitions.insert(key.clone(), Partition { builder, out, relative, cells: 0 });
        }
        let partition = self.partitions.get_mut(&key).expect("inserted above");
        partition.cells += cell_count(document);
        let names: Vec<&str> = columns.iter().map(|column| column.name()).collect();
        let directory = &self.directory;
        let Partition { builder, out, .. } = partition;
        builder.push_document(document, ROW_GROUP_RECORDS, |builder| {
            write_partition(builder, out, &names, directory)
        })?;
        Ok(())
    }

    /// Writes what is buffered, closes every file and commits them as one set, with a manifest
    /// that names each file, its size, its SHA-256 and its records ([`super::commit`]). Returns
    /// the totals.
    pub fn finish(mut self) -> Result<RunTotals, Error> {
        if !self.builder.is_empty() {
            let frame = self.builder.take_frame().map_err(|error| write_error(&self.directory, error))?;
            self.flat.write(&frame)?;
        }
        let slot = self.staged.slot();
        let mut records = BTreeMap::new();
        let cells = self.totals.cells;
        if let Some(parquet) = self.flat.parquet.take() {
            parquet.finish()?;
            records.insert(slot.file_name(OutputFormat::Parquet.file_name()), cells);
        }
        let names: Vec<&str> = self.layout.partition_by.iter().map(|column| column.name()).collect();
        for (_, mut partition) in std::mem::take(&mut self.partitions) {
            if !partition.builder.is_empty() {
                write_partition(&mut partition.builder, &mut partition.out, &names, &self.directory)?;
            }
            partition.out.finish()?;
            records.insert(partition.relative, partition.cells);
        }
        if let Some(json) = self.flat.json.take() {
            json.finish_array()?;
            records.insert(slot.file_name(OutputFormat::Json.file_name()), cells);
        }
        if let Some(ndjson) = self.flat.ndjson.take() {
            ndjson.finish()?;
            records.insert(slot.file_name(OutputFormat::Ndjson.file_name()), cells);
        }
        if let Some((mut csv, header_written)) = self.flat.csv.take() {
            if !header_written {
                csv.write(CSV_HEADER.as_bytes())?;
            }
            csv.finish()?;
            records.insert(slot.file_name(OutputFormat::Csv.file_name()), cells);
        }
        let documents = self.tables.items;
        self.tables.finish_array()?;
        records.insert(slot.file_name("tables.json"), documents);
        let inputs = self.report.items;
        self.report.finish_array()?;
        records.insert(slot.file_name("report.json"), inputs);
        crash_point("files staged");
        let totals = self.totals;
        let options = SetOptions {
            formats: self.layout.formats.iter().map(|format| format.name().to_string()).collect(),
            partition_by: self.layout.partition_by.iter().map(|column| column.name().to_string()).collect(),
            extraction: self.layout.extraction_fingerprint.clone(),
            max_document_bytes: self.layout.max_document_bytes,
        };
        // Documents only: the overrides file's entry in report.json is no document.
        let counted = SetInputs {
            total: totals.ok + totals.failed + totals.skipped,
            ok: totals.ok,
            failed: totals.failed,
            skipped: totals.skipped,
            bytes: totals.bytes,
        };
        let manifest = SetManifest::new(slot, options, counted, totals.tables, totals.cells);
        self.staged.commit(manifest, &records)?;
        Ok(totals)
    }
}

/// Writes a partition's buffered rows as one row group, without the partition columns (they live
/// in the directory names).
fn write_partition(
    builder: &mut FrameBuilder,
    out: &mut ParquetOut,
    names: &[&str],
    directory: &Path,
) -> Result<(), Error> {
    let frame = builder.take_frame().map_err(|error| write_error(directory, error))?;
    out.write(&frame.drop_many(names.iter().copied()))
}

/// Escapes what may not stand in a Hive directory name.
fn hive_escape(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '/' | '\\' | '=' | ':' | '%' | '"' | '\'' | '#' | '?' | '*' | '\n' | '\r' => {
                format!("%{:02X}", c as u32)
            }
            other => other.to_string(),
        })
        .collect()
}
