//! Reading a finished output directory back into documents, so `check` can judge an extraction
//! that already ran (in another CI step, say) without running it again.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Warning};
use crate::meta::DocMeta;
use crate::pipeline::Document;
use crate::source::SourceFormat;
use crate::table::Table;

#[derive(Deserialize)]
struct SavedDocument {
    doc_id: String,
    #[serde(default)]
    doc_sha256: String,
    source: String,
    url: Option<String>,
    format: SourceFormat,
    encoding: String,
    meta: DocMeta,
    tables: Vec<SavedTable>,
    warnings: Vec<Warning>,
}

#[derive(Deserialize)]
struct SavedTable {
    #[serde(flatten)]
    table: Table,
    #[serde(default)]
    warnings: Vec<Warning>,
}

/// True when `directory` holds output of `begroting extract`, committed or not (so that `check`
/// reads it as an output, and says what is wrong when it is not one whole committed set).
pub fn is_output_directory(directory: &Path) -> bool {
    crate::write::commit::holds_output(directory)
}

/// Reads an output directory's committed set (or all its shards' sets) back into documents, in
/// their order. The folder is opened as [`crate::write::commit::open_committed`] opens it: a
/// commit a killed run left half done is finished first, and a folder that is not one whole
/// committed set (no manifest, a file missing or changed, shards missing) is an error that names
/// every problem.
pub fn load_output_directory(directory: &Path) -> Result<Vec<Document>, Error> {
    let committed = crate::write::commit::open_committed(directory)?;
    let mut documents = Vec::new();
    for file in committed.tables_files() {
        documents.extend(load_tables_file(&file)?);
    }
    Ok(documents)
}

/// Reads one `tables.json` into documents.
fn load_tables_file(file: &Path) -> Result<Vec<Document>, Error> {
    let text = std::fs::read_to_string(file)
        .map_err(|error| Error::new(file, ErrorKind::Read { message: error.to_string() }))?;
    let saved: Vec<SavedDocument> = serde_json::from_str(&text).map_err(|error| {
        Error::new(
            file,
            ErrorKind::Config { file: file.to_path_buf(), line: error.line(), message: error.to_string() },
        )
    })?;
    Ok(saved
        .into_iter()
        .map(|document| {
            let mut warnings = document.warnings;
            let mut tables = Vec::with_capacity(document.tables.len());
            for saved_table in document.tables {
                warnings.extend(saved_table.warnings);
                tables.push(saved_table.table);
            }
            Document {
                doc_id: document.doc_id,
                sha256: document.doc_sha256,
                source: document.source,
                url: document.url,
                format: document.format,
                encoding: document.encoding,
                meta: document.meta,
                tables,
                warnings,
            }
        })
        .collect())
}
