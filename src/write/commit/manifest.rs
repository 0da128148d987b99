//! The manifest of a committed set (`_manifest.json`): its fields (docs/schema.md), reading it
//! back, and the size and SHA-256 of a file it names.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::names::OutputSlot;

/// The manifest's `format`, so a reader knows what it holds.
pub const MANIFEST_FORMAT: &str = "begroting-output-set";

/// The manifest layout's version; raised when a field changes meaning.
pub const MANIFEST_VERSION: u32 = 1;

/// One file of a committed set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetFile {
    /// Its path relative to the output folder, with `/`.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Hex SHA-256 of its bytes.
    pub sha256: String,
    /// The records it holds, when it holds records: cells for a cell file, documents for
    /// `tables.json`, inputs for `report.json`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub records: Option<usize>,
}

/// The options of a run that change its output, as the manifest records them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetOptions {
    /// Cell formats written.
    pub formats: Vec<String>,
    /// Hive partition columns (empty: one file per format).
    pub partition_by: Vec<String>,
    /// What decides extraction besides the inputs (the overrides file's hash), as `--resume`
    /// keys its cache.
    pub extraction: String,
    /// The largest document read, in bytes.
    pub max_document_bytes: u64,
}

/// The inputs of a run, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetInputs {
    /// Inputs the run was given (after sharding).
    pub total: usize,
    /// Documents extracted.
    pub ok: usize,
    /// Documents that failed.
    pub failed: usize,
    /// Inputs skipped.
    pub skipped: usize,
    /// Bytes of input read.
    pub bytes: u64,
}

/// A shard as the manifest names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetShard {
    /// I of `--shard I/N`, from 0.
    pub index: usize,
    /// N.
    pub count: usize,
}

/// The manifest of a committed set (`_manifest.json`): what a consumer needs to verify a folder
/// without rereading the inputs. docs/schema.md documents every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetManifest {
    /// Always [`MANIFEST_FORMAT`].
    pub format: String,
    /// [`MANIFEST_VERSION`].
    pub format_version: u32,
    /// The version of `begroting` that wrote the set.
    pub tool_version: String,
    /// A name for this run, unique per commit (time, process and a counter).
    pub run_id: String,
    /// When the set was committed, in seconds since 1970 (UTC).
    pub committed_unix_seconds: u64,
    /// The shard, when the set is one.
    pub shard: Option<SetShard>,
    /// The options that change output.
    pub options: SetOptions,
    /// The inputs, counted.
    pub inputs: SetInputs,
    /// Tables found.
    pub tables: usize,
    /// Long-format cells written (per format).
    pub cells: usize,
    /// Every file of the set, in path order.
    pub files: Vec<SetFile>,
}

impl SetManifest {
    /// A manifest for the facts of a run; [`StagedRun::commit`] fills in the files and the id.
    pub fn new(
        slot: OutputSlot,
        options: SetOptions,
        inputs: SetInputs,
        tables: usize,
        cells: usize,
    ) -> SetManifest {
        SetManifest {
            format: MANIFEST_FORMAT.to_string(),
            format_version: MANIFEST_VERSION,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            run_id: String::new(),
            committed_unix_seconds: 0,
            shard: slot.shard().map(|(index, count)| SetShard { index, count }),
            options,
            inputs,
            tables,
            cells,
            files: Vec::new(),
        }
    }
}

/// The size and hex SHA-256 of a file.
pub(super) fn size_and_hash(path: &Path) -> std::io::Result<(u64, String)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut bytes = 0u64;
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
        bytes += read as u64;
    }
    let digest = hasher.finalize();
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok((bytes, hex))
}

pub(super) fn read_manifest(path: &Path) -> Result<SetManifest, String> {
    let text = fs::read_to_string(path).map_err(|error| error.to_string())?;
    let manifest: SetManifest = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    if manifest.format != MANIFEST_FORMAT {
        return Err(format!("its format is \"{}\", not \"{MANIFEST_FORMAT}\"", manifest.format));
    }
    if manifest.format_version > MANIFEST_VERSION {
        return Err(format!(
            "it was written by a newer begroting (manifest version {}; this one reads up to {MANIFEST_VERSION})",
            manifest.format_version
        ));
    }
    Ok(manifest)
}

/// A name unique to this commit: the time in nanoseconds, the process and a counter.
pub(super) fn run_id() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos())
        .unwrap_or(0);
    format!("{nanos:x}-{:x}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}
