//! One document through every stage. This is the only module that knows the order of the stages.
//!
//! Order, and why: the reader rebuilds grids; the footnote stage splits markers off texts first,
//! because a marker glued to a label ("Totaal1") or a number ("80,21") would otherwise spoil row
//! roles and values; overrides come next because they are keyed by the clean row label and only
//! move printed texts; normalization parses the texts that are now final; the structure
//! confidence is scored last, because it needs value kinds and row roles. The coverage audit of
//! flattened text runs right after the reader: it may add unrecovered tables, and every later
//! stage must see the final table indexes.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Warning};
use crate::footnote;
use crate::interpret;
use crate::meta::{self, DocMeta};
use crate::normalize;
use crate::overrides::Overrides;
use crate::read;
use crate::source::{self, SourceFormat};
use crate::table::Table;

/// Raised whenever a change to the stages changes what a document extracts to: part of the
/// `--resume` cache key, so that documents cached by an older build are extracted again.
pub const EXTRACTION_REVISION: u32 = 5;

/// Everything the pipeline needs to know about a document besides its text.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInput {
    /// Where the document came from (a path, or "-" for standard input).
    pub source: PathBuf,
    /// The reader to use.
    pub format: SourceFormat,
    /// The page address, from a sidecar `.url` file or a manifest.
    pub url: Option<String>,
    /// The document id the batch gave it (relative to the input root that was named, see
    /// [`crate::batch::discover`]); `None` gives [`default_doc_id`] of the source.
    pub id: Option<String>,
}

impl DocumentInput {
    /// An input with no known address.
    pub fn new(source: impl Into<PathBuf>, format: SourceFormat) -> DocumentInput {
        DocumentInput { source: source.into(), format, url: None, id: None }
    }

    /// The document id: the one the batch gave, else [`default_doc_id`].
    pub fn doc_id(&self) -> String {
        self.id.clone().unwrap_or_else(|| default_doc_id(&self.source))
    }
}

/// The id of a document named on its own: its file name, extension kept ("page.html" and
/// "page.txt" are two documents), so it is the same however the path was typed; `stdin` for
/// standard input.
pub fn default_doc_id(source: &Path) -> String {
    if source == Path::new("-") {
        return "stdin".to_string();
    }
    match source.file_name() {
        Some(name) => name.to_string_lossy().into_owned(),
        None => source.to_string_lossy().replace('\\', "/"),
    }
}

/// The hex SHA-256 of a document's bytes (gzip unpacked): joins the same document across runs
/// and machines whatever its path.
pub fn document_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// A document after every stage: its metadata, its tables and all warnings, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Document {
    /// Stable id of the document (see [`DocumentInput::doc_id`]).
    pub doc_id: String,
    /// Hex SHA-256 of the document's bytes (gzip unpacked; of the text's UTF-8 for
    /// [`extract_str`]).
    #[serde(default)]
    pub sha256: String,
    /// The source path as given.
    pub source: String,
    /// The page address, when known.
    pub url: Option<String>,
    /// Which reader read it.
    pub format: SourceFormat,
    /// How its bytes were decoded.
    pub encoding: String,
    /// Year, type and chapter.
    pub meta: DocMeta,
    /// The tables, in print order.
    pub tables: Vec<Table>,
    /// Every warning of every stage.
    pub warnings: Vec<Warning>,
}

/// Settings that change what the stages do, shared by every document of a run.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Settled placements for cells a reader could only infer.
    pub overrides: Option<Overrides>,
    /// A stable summary of these options (the CLI uses a hash of the overrides file), part of
    /// the key under which `--resume` caches documents: change an option, and nothing cached
    /// under the old one is reused.
    pub fingerprint: String,
    /// The largest document read, in bytes after unpacking gzip (default
    /// [`source::DEFAULT_MAX_DOCUMENT_BYTES`]); a larger one fails with an error saying so.
    pub max_document_bytes: u64,
}

impl Default for ExtractOptions {
    fn default() -> ExtractOptions {
        ExtractOptions {
            overrides: None,
            fingerprint: String::new(),
            max_document_bytes: source::DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

impl ExtractOptions {
    /// Options that apply an overrides file (read once, so the fingerprint is of the very bytes
    /// that were parsed). Fails naming the file, and the line for a malformed entry.
    pub fn with_overrides_file(path: &Path) -> Result<ExtractOptions, Error> {
        let read_error = |message: String| Error::new(path, crate::error::ErrorKind::Read { message });
        let bytes = std::fs::read(path).map_err(|error| read_error(error.to_string()))?;
        let text = std::str::from_utf8(&bytes).map_err(|error| read_error(format!("not UTF-8: {error}")))?;
        let loaded = Overrides::parse(path, text)?;
        Ok(ExtractOptions {
            overrides: Some(loaded),
            fingerprint: format!("overrides:{}", crate::cache::content_hash(&bytes)),
            ..ExtractOptions::default()
        })
    }
}

/// Runs every stage on decoded text. Never fails: problems become warnings.
pub fn extract_str(input: &DocumentInput, text: &str, options: &ExtractOptions) -> Document {
    run_stages(input, text, document_sha256(text.as_bytes()), options)
}

fn run_stages(input: &DocumentInput, text: &str, sha256: String, options: &ExtractOptions) -> Document {
    let mut publication_head = None;
    let outcome = match input.format {
        SourceFormat::Html => read::html::read_html(text),
        SourceFormat::Text => read::text::read_text(text),
        SourceFormat::Xml => {
            let read = read::xml::read_official_xml(text);
            publication_head = Some(read.head);
            read.outcome
        }
    };
    let mut tables = outcome.tables;
    let mut warnings = outcome.warnings;
    interpret::titled_repeats::split_at_titled_repeats(&mut tables, &mut warnings);
    // The HTML reader audits its own tables (it knows which cells each table printed); flattened
    // text is audited against its lines here, before any stage changes a table index.
    if input.format == SourceFormat::Text {
        interpret::coverage::audit_flattened_text(text, &mut tables, &mut warnings);
    }
    warnings.extend(footnote::link_footnotes(&mut tables));
    if let Some(overrides) = &options.overrides {
        warnings.extend(overrides.apply(&input.doc_id(), &mut tables));
        report_settled_rows(&tables, &mut warnings);
    }
    normalize::rows::normalize_tables(&mut tables);
    warnings.extend(normalize::unit::annotate_units(&mut tables));
    normalize::measure::annotate_measures_and_articles(&mut tables);
    interpret::confidence::score_tables(&mut tables);
    let visible_head = match (input.format, &publication_head) {
        (SourceFormat::Xml, Some(head)) => head.as_printed_head(),
        (SourceFormat::Html, _) => meta::visible_text_of_markup(text),
        _ => text.to_string(),
    };
    // A publication's XML names its own address when no sidecar or manifest gives one.
    let url = input.url.clone().or_else(|| publication_head.as_ref().and_then(|head| head.address()));
    let (mut meta, meta_warnings) = meta::infer_meta(url.as_deref(), &input.source, &visible_head);
    // Year, type and chapter came from the head as printed; dossier and stuk only it states.
    if let Some(head) = &publication_head {
        meta.dossier = head.dossier.clone();
        meta.stuk = head.stuk.clone();
    }
    let mut all_warnings = meta_warnings;
    all_warnings.append(&mut warnings);
    Document {
        doc_id: input.doc_id(),
        sha256,
        source: input.source.to_string_lossy().into_owned(),
        url,
        format: input.format,
        encoding: "utf-8".to_string(),
        meta,
        tables,
        warnings: all_warnings,
    }
}

/// A row an overrides entry settled is reported as `overridden`, naming the entry, instead of the
/// reader's `column_inferred`: the doubt was settled by a person.
fn report_settled_rows(tables: &[Table], warnings: &mut Vec<Warning>) {
    let settled = |table: Option<usize>, row: Option<usize>| {
        let row = table.and_then(|t| tables.iter().find(|candidate| candidate.index == t)).zip(row);
        row.and_then(|(table, row)| table.rows.get(row))
            .is_some_and(|row| matches!(row.placement, crate::table::Placement::Overridden { .. }))
    };
    warnings.retain(|warning| {
        warning.kind != crate::error::WarningKind::ColumnInferred
            || !settled(warning.location.table_index, warning.location.row_index)
    });
    for table in tables {
        for (row_index, row) in table.rows.iter().enumerate() {
            if let crate::table::Placement::Overridden { source } = &row.placement {
                let label = row.printed_label();
                warnings.push(Warning::new(
                    crate::error::WarningKind::Overridden,
                    crate::error::Location::table(table.index, row.line).with_row(row_index),
                    format!(
                        "row \"{label}\": the print does not say which columns its cells belong to; placed by {source}"
                    ),
                ));
            }
        }
    }
}

/// Loads a file (its `.url` sidecar too, unless `url` is given) and runs every stage on it.
pub fn extract_path(path: &Path, url: Option<String>, options: &ExtractOptions) -> Result<Document, Error> {
    let bytes = source::read_bytes_limited(path, options.max_document_bytes)?;
    extract_bytes(path, &bytes, url, options)
}

/// Runs every stage on a file's bytes (already read, gzip already unpacked); `path` names the
/// document and locates its `.url` sidecar.
pub fn extract_bytes(
    path: &Path,
    bytes: &[u8],
    url: Option<String>,
    options: &ExtractOptions,
) -> Result<Document, Error> {
    extract_bytes_as(None, path, bytes, url, options)
}

/// [`extract_bytes`] under a document id of the caller's (the batch's, relative to the input
/// root that was named); `None` gives [`default_doc_id`].
pub fn extract_bytes_as(
    id: Option<String>,
    path: &Path,
    bytes: &[u8],
    url: Option<String>,
    options: &ExtractOptions,
) -> Result<Document, Error> {
    let url = url.or_else(|| source::sidecar_url(path));
    extract_bytes_addressed(id, path, bytes, url, options)
}

/// [`extract_bytes_as`] without looking for a `.url` sidecar: the address is `url` or none. For
/// documents that are not files (a Python `bytes`, a web request), whose name must not reach
/// the file system.
pub fn extract_bytes_addressed(
    id: Option<String>,
    path: &Path,
    bytes: &[u8],
    url: Option<String>,
    options: &ExtractOptions,
) -> Result<Document, Error> {
    let decoded = source::decode(path, bytes)?;
    // The content decides first: an official publication is read as one whatever its name.
    let publication = SourceFormat::is_publication_xml(&decoded.text);
    let format = if publication {
        SourceFormat::Xml
    } else {
        SourceFormat::from_extension(path).unwrap_or_else(|| SourceFormat::sniff(&decoded.text))
    };
    if format == SourceFormat::Xml && !publication {
        let root = read::xml::root_element(decoded.text.trim_start()).unwrap_or_default();
        return Err(Error::new(path, crate::error::ErrorKind::UnsupportedXml { root }));
    }
    let input = DocumentInput { source: path.to_path_buf(), format, url, id };
    let mut document = run_stages(&input, &decoded.text, document_sha256(bytes), options);
    document.encoding = decoded.encoding.to_string();
    let mut warnings = decoded.warnings;
    warnings.append(&mut document.warnings);
    document.warnings = warnings;
    Ok(document)
}
