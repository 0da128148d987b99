//! Errors and warnings, and where they happened.
//!
//! An [`Error`] stops one document (never a batch): it names the file and, where it applies, the
//! line. A [`Warning`] is data: readers and later stages return warnings next to their result, each
//! with a [`Location`] precise enough to find the spot in the source (line, table, row, column). The
//! `check` stage decides which warnings fail a CI run; nothing here prints.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// Where in a document something was seen. Every field is optional because not every finding has
/// every coordinate (a metadata warning has no table, a caption warning has no row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Location {
    /// 1-based line in the decoded source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Table index within the document, counting from 0 in print order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_index: Option<usize>,
    /// Row index within the table, counting from 0 in print order (group and spacer rows count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_index: Option<usize>,
    /// Data column index, counting from 0 (stub columns do not count).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_index: Option<usize>,
}

impl Location {
    /// A location that is only a source line.
    pub fn line(line: usize) -> Location {
        Location { line: Some(line), ..Location::default() }
    }

    /// A location inside a table, with the source line when known.
    pub fn table(table_index: usize, line: Option<usize>) -> Location {
        Location { line, table_index: Some(table_index), ..Location::default() }
    }

    /// The same location narrowed to a row.
    pub fn with_row(mut self, row_index: usize) -> Location {
        self.row_index = Some(row_index);
        self
    }

    /// The same location narrowed to a data column.
    pub fn with_column(mut self, column_index: usize) -> Location {
        self.column_index = Some(column_index);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(table) = self.table_index {
            parts.push(format!("table {table}"));
        }
        if let Some(row) = self.row_index {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = self.column_index {
            parts.push(format!("column {column}"));
        }
        if parts.is_empty() { f.write_str("document") } else { f.write_str(&parts.join(", ")) }
    }
}

/// What a warning is about. The names are stable: they appear in `report.json`, in `tables.json` and
/// in `check` rules, so renaming one is a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A footnote marker with no note printed with its table; the marker is kept.
    UnresolvedFootnote,
    /// Fewer cells survived than there are columns and nothing in the source decides where they go.
    ColumnInferred,
    /// The input ends inside this table.
    TruncatedTable,
    /// A cell is cut off by the end of the input ("2.357."): its value is not trusted.
    CutCell,
    /// A row has more or fewer cells than the table has columns; it was padded or clamped.
    RaggedRow,
    /// A colspan or rowspan was clamped (too large, or running past the table).
    SpanClamped,
    /// The document's year, type or chapter could not be determined.
    UnknownMetadata,
    /// A table whose structure could not be recovered; its raw lines are kept.
    UnrecoveredTable,
    /// A cell whose text could not be read as a number in a column of numbers.
    UnreadableNumber,
    /// An override entry matched no row of the document.
    UnusedOverride,
    /// The source was not valid in its encoding; bytes were replaced.
    InvalidEncoding,
    /// A limit on work (cells, depth) was reached; the rest was not read.
    LimitReached,
    /// The source prints a run of figures that no table was read from; the run is kept as an
    /// unrecovered table with its raw lines.
    TableNotRead,
    /// Figures printed inside a table's lines landed in no cell, header, label or note.
    FigureNotRead,
    /// A row printed its label and figures run together and the split point is not certain.
    SplitUncertain,
    /// The markup is not well-formed (an unclosed or mismatched element, an undefined entity, a
    /// root element that is not a publication's): what was read before it is kept.
    MalformedMarkup,
    /// A row whose cells an overrides entry placed (the reader could only infer them): not a
    /// problem, a record of who settled what.
    Overridden,
    /// A unit phrase (of a table, column or row) that the unit parser cannot read; the phrase is
    /// kept as printed and its meaning left empty.
    UnknownUnit,
}

impl WarningKind {
    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            WarningKind::UnresolvedFootnote => "unresolved_footnote",
            WarningKind::ColumnInferred => "column_inferred",
            WarningKind::TruncatedTable => "truncated_table",
            WarningKind::CutCell => "cut_cell",
            WarningKind::RaggedRow => "ragged_row",
            WarningKind::SpanClamped => "span_clamped",
            WarningKind::UnknownMetadata => "unknown_metadata",
            WarningKind::UnrecoveredTable => "unrecovered_table",
            WarningKind::UnreadableNumber => "unreadable_number",
            WarningKind::UnusedOverride => "unused_override",
            WarningKind::InvalidEncoding => "invalid_encoding",
            WarningKind::LimitReached => "limit_reached",
            WarningKind::TableNotRead => "table_not_read",
            WarningKind::FigureNotRead => "figure_not_read",
            WarningKind::SplitUncertain => "split_uncertain",
            WarningKind::MalformedMarkup => "malformed_markup",
            WarningKind::UnknownUnit => "unknown_unit",
            WarningKind::Overridden => "overridden",
        }
    }
}

/// A problem that did not stop the document: what, where, and a sentence for a person.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// Where it was seen.
    pub location: Location,
    /// A sentence a person understands, naming the text involved.
    pub message: String,
}

impl Warning {
    /// Builds a warning.
    pub fn new(kind: WarningKind, location: Location, message: impl Into<String>) -> Warning {
        Warning { kind, location, message: message.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.location, self.message, self.kind.name())
    }
}

/// What is wrong with an output folder's committed set, one file or shard at a time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SetProblem {
    /// Output files stand in the folder but no manifest commits them: a run that never finished,
    /// or an output written before manifests existed.
    #[error("{directory} holds output files ({files}) but no manifest (_manifest.json) commits them")]
    NoManifest {
        /// The output folder.
        directory: PathBuf,
        /// Some of the files found, comma-separated.
        files: String,
    },
    /// The folder holds no output at all.
    #[error("{directory} holds no begroting output")]
    NoOutput {
        /// The output folder.
        directory: PathBuf,
    },
    /// A manifest could not be read.
    #[error("manifest {manifest} cannot be read: {message}")]
    BadManifest {
        /// The manifest file.
        manifest: PathBuf,
        /// Why.
        message: String,
    },
    /// A file the manifest names is not there.
    #[error("{file} is named by {manifest} but missing")]
    Missing {
        /// The missing file.
        file: PathBuf,
        /// The manifest naming it.
        manifest: String,
    },
    /// A file differs from what the manifest recorded (size or SHA-256).
    #[error("{file} differs from {manifest}: {what}")]
    Changed {
        /// The file.
        file: PathBuf,
        /// The manifest naming it.
        manifest: String,
        /// What differs ("12 bytes, the manifest says 3 400").
        what: String,
    },
    /// A cell file of the tool's naming that no manifest names: a glob over the folder would
    /// read cells of another run.
    #[error("{file} is not part of any committed set (a file of an earlier or unfinished run)")]
    Stray {
        /// The file.
        file: PathBuf,
    },
    /// A commit was decided but not finished, and could not be finished here.
    #[error(
        "{commit} holds a commit a killed run left unfinished, and it cannot be finished here: {message}"
    )]
    PendingCommit {
        /// The commit folder.
        commit: PathBuf,
        /// Why it could not be finished.
        message: String,
    },
    /// Some shards of a sharded output have not committed.
    #[error("shards {missing} of {count} have not committed (their manifests are missing)")]
    ShardsMissing {
        /// The missing shard numbers, comma-separated (counted from 0, as `--shard I/N`).
        missing: String,
        /// N.
        count: usize,
    },
    /// Manifests of different runs that cannot form one set (a whole run beside shards, or
    /// shards of different counts).
    #[error("the folder mixes sets that do not belong together: {what}")]
    Mixed {
        /// Which manifests.
        what: String,
    },
}

/// Why a document (or an output file) could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    #[error("cannot read: {message}")]
    Read {
        /// The operating system's message.
        message: String,
    },
    /// The file holds no bytes (or only whitespace).
    #[error("the file is empty (or holds only whitespace)")]
    Empty,
    /// The bytes are not text: a binary format was recognised, or control bytes were found.
    #[error("not a text document: {what} (first offending byte at offset {offset})")]
    Binary {
        /// What the bytes look like ("PNG image", "NUL bytes", ...).
        what: String,
        /// Byte offset, from 0, of the first byte that shows it.
        offset: usize,
    },
    /// The document is larger than the run's limit (after unpacking gzip).
    #[error(
        "the document is larger than {limit} bytes, the limit per document (raise it with --max-document-mb)"
    )]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The file's extension names a format this tool does not read.
    #[error(
        "not a document this tool reads (extension \"{extension}\"; it reads .html, .htm, .xhtml, .xml and .txt, also gzip-compressed as .gz)"
    )]
    UnsupportedFormat {
        /// The extension as found.
        extension: String,
    },
    /// An XML document whose root element is not an official publication's.
    #[error(
        "the XML root element <{root}> is not an official publication (<officiele-publicatie> or <kamerwrk>); this tool reads only those"
    )]
    UnsupportedXml {
        /// The root element found ("" when there is none).
        root: String,
    },
    /// An output file could not be written.
    #[error("cannot write {file}: {message}")]
    Write {
        /// The file that was being written.
        file: PathBuf,
        /// The operating system's or writer's message.
        message: String,
    },
    /// A configuration file (manifest, overrides) is malformed.
    #[error("{file}, line {line}: {message}")]
    Config {
        /// The configuration file.
        file: PathBuf,
        /// 1-based line of the problem (0 when the whole file is at fault).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An output folder does not hold one whole committed set of files (see
    /// `write::commit`): no manifest, a file missing or changed, a commit left half done that
    /// cannot be finished here, shards missing.
    #[error("not a complete committed output: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    OutputSet {
        /// Every problem found, each naming the file or shard concerned.
        problems: Vec<SetProblem>,
    },
    /// The run was interrupted (Ctrl-C) before it finished; nothing was written.
    #[error("interrupted before the run finished; the previous output (if any) is left as it was")]
    Interrupted,
    /// A reader panicked on this document; the batch went on.
    #[error("internal error while reading: {message}")]
    Panic {
        /// The panic message.
        message: String,
    },
}

/// An error that stopped one document, with the file it happened in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {kind}", file.display())]
pub struct Error {
    /// The input (or output) file concerned.
    pub file: PathBuf,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// Builds an error for a file.
    pub fn new(file: impl Into<PathBuf>, kind: ErrorKind) -> Error {
        Error { file: file.into(), kind }
    }
}

impl ErrorKind {
    /// The kind's stable snake_case name, for callers that sort errors without parsing messages
    /// (the Python package's exception and failure frames).
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::Read { .. } => "read",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary { .. } => "binary",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::UnsupportedFormat { .. } => "unsupported_format",
            ErrorKind::UnsupportedXml { .. } => "unsupported_xml",
            ErrorKind::Write { .. } => "write",
            ErrorKind::Config { .. } => "config",
            ErrorKind::OutputSet { .. } => "output_set",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::Panic { .. } => "panic",
        }
    }

    /// The 1-based line the error names, for kinds that name one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ErrorKind::Config { line, .. } if *line > 0 => Some(*line),
            _ => None,
        }
    }
}
