//! Writers: the long-format frame as Parquet, JSON, NDJSON or CSV, and the per-document JSON files
//! (`tables.json`, `report.json`).
//!
//! Owns the output directory's files and their atomicity: every file is written to a temporary
//! file in the same directory and renamed over its final name only when complete, so a crash or a
//! full disk never leaves a half-written file, and a previous complete file stays until the new
//! one replaces it. Knows nothing about how tables were found.

mod atomic;
pub mod cell_text;
#[cfg(feature = "frames")]
mod frame_formats;
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
    OUTPUT_NAMES, PartitionColumn, PreparedOutputs, ROW_GROUP_RECORDS, RunLayout, RunTotals, RunWriter,
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
