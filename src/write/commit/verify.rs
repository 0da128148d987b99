//! Reading an output folder back as committed sets: the reader of the module doc of `super`. It
//! finishes a commit a killed run left decided, then checks every file the manifests name (size,
//! and SHA-256 unless asked for sizes only), the slots (one whole run, or all N shards) and stray
//! cell files, and names every problem ([`SetProblem`]).

use std::fs;
use std::path::{Path, PathBuf};

use super::manifest::{SetManifest, read_manifest, size_and_hash};
use super::names::{OutputSlot, hidden_slot_folders, output_files, visible_manifests};
use super::{finish_commit, lock_slot};
use crate::error::{Error, ErrorKind, SetProblem};

/// An output folder read back as committed sets, verified file by file.
#[derive(Debug, Clone)]
pub struct CommittedOutput {
    /// The output folder.
    pub directory: PathBuf,
    /// Each committed set with its slot, the whole run's first, then shards in order.
    pub sets: Vec<(OutputSlot, SetManifest)>,
    /// Commits a killed run left half done that were finished on opening.
    pub finished_commits: usize,
}

impl CommittedOutput {
    /// The `tables.json` files of the sets, in order.
    pub fn tables_files(&self) -> Vec<PathBuf> {
        self.sets.iter().map(|(slot, _)| self.directory.join(slot.file_name("tables.json"))).collect()
    }
}

/// Whether a folder holds any output of this tool (committed or not).
pub fn holds_output(directory: &Path) -> bool {
    !visible_manifests(directory).is_empty()
        || !output_files(directory).is_empty()
        || !hidden_slot_folders(directory, ".begroting-commit").is_empty()
}

/// Opens an output folder as the reader of the module doc: finishes every commit a killed run left
/// decided (waiting for a run that is finishing one), then verifies that the visible manifests
/// form one whole set (a whole run, or all N shards of one count) and that every file they name is
/// there with its size and SHA-256, and that no cell file of the tool's naming stands outside
/// them. Every problem found is named in the error.
pub fn open_committed(directory: &Path) -> Result<CommittedOutput, Error> {
    open_verified(directory, true)
}

/// [`open_committed`] with sizes compared but not hashes: what a `--resume` run says of the set it
/// is about to replace, without reading gigabytes of output first.
pub fn open_committed_sizes_only(directory: &Path) -> Result<CommittedOutput, Error> {
    open_verified(directory, false)
}

fn open_verified(directory: &Path, hashes: bool) -> Result<CommittedOutput, Error> {
    let mut problems = Vec::new();
    let mut finished_commits = 0;
    for (name, slot) in hidden_slot_folders(directory, ".begroting-commit") {
        let commit = directory.join(&name);
        let finished = lock_slot(directory, slot, true).and_then(|_lock| finish_commit(directory, slot));
        match finished {
            Ok(true) => finished_commits += 1,
            Ok(false) => {}
            Err(error) => {
                problems.push(SetProblem::PendingCommit { commit, message: error.kind.to_string() })
            }
        }
    }
    let mut sets = Vec::new();
    for name in visible_manifests(directory) {
        let path = directory.join(&name);
        let slot = OutputSlot::of_manifest(&name).expect("listed as a manifest");
        match read_manifest(&path) {
            Ok(manifest) => sets.push((slot, manifest)),
            Err(message) => problems.push(SetProblem::BadManifest { manifest: path, message }),
        }
    }
    sets.sort_by_key(|(slot, _)| *slot);
    let files = output_files(directory);
    if sets.is_empty() && problems.is_empty() {
        let problem = if files.is_empty() {
            SetProblem::NoOutput { directory: directory.to_path_buf() }
        } else {
            let mut shown: Vec<String> = files.iter().take(4).cloned().collect();
            if files.len() > 4 {
                shown.push(format!("and {} more", files.len() - 4));
            }
            SetProblem::NoManifest { directory: directory.to_path_buf(), files: shown.join(", ") }
        };
        problems.push(problem);
    }
    problems.extend(slot_problems(&sets));
    let mut listed = std::collections::BTreeSet::new();
    for (slot, manifest) in &sets {
        let manifest_name = slot.manifest_name();
        for file in &manifest.files {
            listed.insert(file.path.clone());
            let path = directory.join(&file.path);
            let measured = if hashes {
                size_and_hash(&path)
            } else {
                fs::metadata(&path).map(|metadata| (metadata.len(), file.sha256.clone()))
            };
            match measured {
                Err(_) if !path.exists() => {
                    problems.push(SetProblem::Missing { file: path, manifest: manifest_name.clone() })
                }
                Err(error) => problems.push(SetProblem::Changed {
                    file: path,
                    manifest: manifest_name.clone(),
                    what: format!("cannot be read: {error}"),
                }),
                Ok((bytes, _)) if bytes != file.bytes => problems.push(SetProblem::Changed {
                    file: path,
                    manifest: manifest_name.clone(),
                    what: format!("{bytes} bytes, the manifest says {}", file.bytes),
                }),
                Ok((_, sha256)) if sha256 != file.sha256 => problems.push(SetProblem::Changed {
                    file: path,
                    manifest: manifest_name.clone(),
                    what: "its SHA-256 is not the one the manifest records".to_string(),
                }),
                Ok(_) => {}
            }
        }
    }
    if !sets.is_empty() {
        for relative in &files {
            let is_cells = relative.starts_with("cells");
            if is_cells && !listed.contains(relative) {
                problems.push(SetProblem::Stray { file: directory.join(relative) });
            }
        }
    }
    if problems.is_empty() {
        Ok(CommittedOutput { directory: directory.to_path_buf(), sets, finished_commits })
    } else {
        Err(Error::new(directory, ErrorKind::OutputSet { problems }))
    }
}

/// Whether the committed sets belong together: one whole run, or shards of one count, all there.
fn slot_problems(sets: &[(OutputSlot, SetManifest)]) -> Vec<SetProblem> {
    let whole = sets.iter().any(|(slot, _)| slot.shard().is_none());
    let counts: std::collections::BTreeSet<usize> =
        sets.iter().filter_map(|(slot, _)| slot.shard().map(|(_, count)| count)).collect();
    if whole && !counts.is_empty() {
        return vec![SetProblem::Mixed {
            what: "a whole run's _manifest.json beside shard manifests".to_string(),
        }];
    }
    if counts.len() > 1 {
        let counts: Vec<String> = counts.iter().map(ToString::to_string).collect();
        return vec![SetProblem::Mixed { what: format!("shards of {} runs", counts.join(" and ")) }];
    }
    let Some(&count) = counts.first() else { return Vec::new() };
    let present: std::collections::BTreeSet<usize> =
        sets.iter().filter_map(|(slot, _)| slot.shard().map(|(index, _)| index)).collect();
    let missing: Vec<String> =
        (0..count).filter(|index| !present.contains(index)).map(|i| i.to_string()).collect();
    if missing.is_empty() {
        Vec::new()
    } else {
        vec![SetProblem::ShardsMissing { missing: missing.join(", "), count }]
    }
}
