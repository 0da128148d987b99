//! What every file and folder of an output folder is called, slot by slot (the whole run, or one
//! `--shard I/N`), and which names a slot owns; the listings of a folder by those names. Knows
//! nothing of the order in which a commit renames them (`super`).

use std::fs;
use std::path::{Path, PathBuf};

use super::super::pending::write_error;
use crate::error::Error;

/// The files a run may write at the top of its output folder (a shard's carry its name, see
/// [`OutputSlot::file_name`]).
pub const FLAT_OUTPUTS: &[&str] = &[
    "cells.parquet",
    "cells.json",
    "cells.ndjson",
    "cells.csv",
    "tables.json",
    "report.json",
    "review.html",
];

/// The folder of the Hive-partitioned Parquet dataset.
pub const DATASET_DIRECTORY: &str = "cells";

const MANIFEST_BASE: &str = "_manifest.json";

/// Whose files a set holds: the whole run's, or one shard's. Every name in the output folder is
/// derived here, so that shards sharing one folder never write, replace or remove each other's
/// files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct OutputSlot {
    shard: Option<(usize, usize)>,
}

impl OutputSlot {
    /// The slot of a run, sharded (`--shard I/N`) or not.
    pub fn new(shard: Option<(usize, usize)>) -> OutputSlot {
        OutputSlot { shard }
    }

    /// The shard, when the slot is one.
    pub fn shard(self) -> Option<(usize, usize)> {
        self.shard
    }

    pub(super) fn suffix(self) -> String {
        match self.shard {
            None => String::new(),
            Some((index, count)) => format!("-shard-{index:05}-of-{count:05}"),
        }
    }

    /// The slot's name for a top-level output file: `tables.json` for the whole run,
    /// `tables-shard-00001-of-00004.json` for shard 1 of 4.
    pub fn file_name(self, base: &str) -> String {
        match base.split_once('.') {
            Some((stem, extension)) => format!("{stem}{}.{extension}", self.suffix()),
            None => format!("{base}{}", self.suffix()),
        }
    }

    /// The slot's file name inside each partition folder of the Hive dataset.
    pub fn partition_file_name(self) -> String {
        match self.shard {
            None => "part-00000.parquet".to_string(),
            Some((index, count)) => format!("part-{index:05}-of-{count:05}.parquet"),
        }
    }

    /// The slot's manifest.
    pub fn manifest_name(self) -> String {
        self.file_name(MANIFEST_BASE)
    }

    pub(super) fn staging_name(self) -> String {
        format!(".begroting-staging{}", self.suffix())
    }

    pub(super) fn commit_name(self) -> String {
        format!(".begroting-commit{}", self.suffix())
    }

    pub(super) fn lock_name(self) -> String {
        format!(".begroting-lock{}", self.suffix())
    }

    /// Reads a slot back from the suffix of a name ("" or "-shard-00001-of-00004").
    pub(super) fn from_suffix(suffix: &str) -> Option<OutputSlot> {
        if suffix.is_empty() {
            return Some(OutputSlot { shard: None });
        }
        let (index, count) = suffix.strip_prefix("-shard-")?.split_once("-of-")?;
        let (index, count): (usize, usize) = (index.parse().ok()?, count.parse().ok()?);
        (index < count).then_some(OutputSlot { shard: Some((index, count)) })
    }

    /// The slot whose manifest is called `name`.
    pub(super) fn of_manifest(name: &str) -> Option<OutputSlot> {
        OutputSlot::from_suffix(name.strip_prefix("_manifest")?.strip_suffix(".json")?)
    }

    /// Whether a file at `relative` (with `/`) is one this slot's runs write, so that a new set of
    /// the slot replaces it. The whole run owns every output file of every slot (a whole run
    /// holds all inputs, so earlier shards' files are stale); a shard owns only its own.
    pub(super) fn owns(self, relative: &str) -> bool {
        if self.shard.is_none() {
            return is_output_file(relative);
        }
        if let Some(inside) = relative.strip_prefix("cells/") {
            return inside.rsplit('/').next() == Some(self.partition_file_name().as_str());
        }
        FLAT_OUTPUTS.iter().any(|base| self.file_name(base) == relative)
    }
}

/// Whether `relative` is named like a cell, table, report or review file of some slot.
pub(super) fn is_output_file(relative: &str) -> bool {
    if let Some(inside) = relative.strip_prefix("cells/") {
        let name = inside.rsplit('/').next().unwrap_or("");
        return name.starts_with("part-") && name.ends_with(".parquet");
    }
    !relative.contains('/') && slot_of_flat_name(relative).is_some()
}

/// The slot of a top-level output file name (`cells.parquet`, `report-shard-00000-of-00002.json`).
fn slot_of_flat_name(name: &str) -> Option<OutputSlot> {
    FLAT_OUTPUTS.iter().find_map(|base| {
        let (stem, extension) = base.split_once('.')?;
        let suffix = name.strip_prefix(stem)?.strip_suffix(extension)?.strip_suffix('.')?;
        OutputSlot::from_suffix(suffix)
    })
}

/// Whether a name in an output folder is one this tool writes (an output file of any slot, a
/// manifest, the dataset folder, or a hidden file of its own), so that `extract` can refuse a
/// folder holding anything else.
pub fn is_tool_name(name: &str) -> bool {
    name == DATASET_DIRECTORY
        || name.starts_with('.')
        || OutputSlot::of_manifest(name).is_some()
        || is_output_file(name)
}

/// The `.begroting-staging…` or `.begroting-commit…` folders of an output folder, with their slots.
pub(super) fn hidden_slot_folders(directory: &Path, prefix: &str) -> Vec<(String, OutputSlot)> {
    let Ok(entries) = fs::read_dir(directory) else { return Vec::new() };
    let mut found: Vec<(String, OutputSlot)> = entries
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let slot = OutputSlot::from_suffix(name.strip_prefix(prefix)?)?;
            Some((name, slot))
        })
        .collect();
    found.sort();
    found
}

/// The names of the manifests visible in an output folder, sorted.
pub(super) fn visible_manifests(directory: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(directory) else { return Vec::new() };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| OutputSlot::of_manifest(name).is_some())
        .collect();
    names.sort();
    names
}

/// Every output-named file of the folder (top-level output files and the dataset's part files),
/// relative with `/`, sorted; hidden entries (staging, commit, cache) are not looked into.
pub(super) fn output_files(directory: &Path) -> Vec<String> {
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(directory) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && is_output_file(&name) {
                found.push(name);
            }
        }
    }
    let dataset = directory.join(DATASET_DIRECTORY);
    if dataset.is_dir() {
        for relative in list_files(&dataset).unwrap_or_default() {
            let relative = format!("{DATASET_DIRECTORY}/{relative}");
            if is_output_file(&relative) {
                found.push(relative);
            }
        }
    }
    found.sort();
    found
}

/// Every file under `root`, relative with `/`, sorted; symbolic links are not followed.
pub(super) fn list_files(root: &Path) -> Result<Vec<String>, Error> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        let folder = root.join(&relative);
        let entries = fs::read_dir(&folder).map_err(|error| write_error(&folder, error))?;
        for entry in entries {
            let entry = entry.map_err(|error| write_error(&folder, error))?;
            let kind = entry.file_type().map_err(|error| write_error(&entry.path(), error))?;
            let path = relative.join(entry.file_name());
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                let parts: Vec<String> =
                    path.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
                found.push(parts.join("/"));
            }
        }
    }
    found.sort();
    Ok(found)
}
