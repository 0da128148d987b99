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
    warnings: Vec<Warning>,
}

/// True when `directory` looks like the output of `begroting extract`.
pub fn is_output_directory(directory: &Path) -> bool {
    directory.join("tables.json").is_file() && directory.join("report.json").is_file()
}

/// Reads `tables.json` of an output directory into documents, in their order.
pub fn load_output_directory(directory: &Path) -> Result<Vec<Document>, Error> {
    let file = directory.join("tables.json");
    let text = std::fs::read_to_string(&file)
        .map_err(|error| Error::new(&file, ErrorKind::Read { message: error.to_string() }))?;
    let saved: Vec<SavedDocument> = serde_json::from_str(&text).map_err(|error| {
        Error::new(
            &file,
            ErrorKind::Config { file: file.clone(), line: error.line(), message: error.to_string() },
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
