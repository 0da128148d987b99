//! Writers: the long-format frame as Parquet, JSON, NDJSON or CSV, and the per-document JSON files
//! (`tables.json`, `report.json`).
//!
//! Owns the output directory's files and their atomicity: every file of a run is staged and the
//! run's files are committed as one set by one atomic step, with a manifest naming each file
//! ([`commit`]), so a crash or a full disk never leaves a half-written file or a mix of two runs,
//! and the previous complete set stays until the new one replaces it. A file written on its own
//! (the review page, a cache entry) goes to a temporary file beside its final name and is renamed
//! when complete ([`write_atomically`]). Knows nothing about how tables were found.

mod atomic;
pub mod cell_text;
pub mod commit;
#[cfg(feature = "frames")]
mod frame_formats;
#[cfg(feature = "frames")]
mod parquet_file;
mod pending;
#[cfg(feature = "frames")]
mod run_writer;

use std::path::Path;

pub use atomic::write_atomically;
#[cfg(feature = "frames")]
pub use frame_formats::OutputFormat;
pub use pending::PendingFile;
#[cfg(feature = "frames")]
pub use run_writer::{
    PartitionColumn, PreparedOutputs, ROW_GROUP_RECORDS, RunLayout, RunTotals, RunWriter, tables_json_entry,
};

use crate::error::Error;

/// Writes any serializable value as pretty JSON, atomically.
pub fn write_json_value<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), Error> {
    write_atomically(path, |file| {
        serde_json::to_writer_pretty(&mut *file, value).map_err(|error| error.to_string())?;
        use std::io::Write;
        file.write_all(b"\n").map_err(|error| error.to_string())
    })
}
