//! A run's output files committed as one set: a kill at any moment leaves the previous complete
//! set or the new one, never a mix.
//!
//! Owns the protocol, the manifest it ends in, and reading a folder back as a committed set.
//! Each file on its own was always whole (written to a temporary name, renamed when complete), but
//! renaming the files of a run one at a time let a run killed between two renames leave new cells
//! beside an old `report.json`. The steps, for one *slot* (the whole run, or one `--shard I/N`,
//! whose files carry the shard in their names so shards can share a folder):
//!
//! 1. **Begin.** Take the slot's lock (`.begroting-lock[-shard-…]`, so two runs of one slot
//!    cannot interleave), finish a commit a killed run left decided (step 4), and remove staging a
//!    killed run left behind (its own slot's, and any other slot's whose lock is free).
//! 2. **Stage.** Every file is written into `.begroting-staging[-shard-…]/` inside the output
//!    folder (the same file system, so renames cannot copy), under its final relative name.
//! 3. **Commit.** The manifest (`_manifest.json`, or `_manifest-shard-IIIII-of-NNNNN.json`), which
//!    names every file with its size and SHA-256 and records the tool version, the options that
//!    change output, the input count and the row counts, is written into the staging folder;
//!    everything is synced; the staging folder is renamed to `.begroting-commit[-shard-…]`. That
//!    one rename is the commit point: before it the folder holds the previous set and the run
//!    left no trace a reader sees; after it the new set is decided and on disk.
//! 4. **Place.** The visible manifest is withdrawn, each file is renamed into place, files of the
//!    slot the new set does not name (a format no longer asked for, a partition that emptied) are
//!    removed, and the new manifest is renamed into place last; then the commit folder goes.
//!    Every step can be redone, so whoever meets a commit folder (the next run, `check`, a resumed
//!    run) finishes it first, the way SQLite's next reader replays a hot journal.
//!
//! So a reader that trusts only a visible manifest whose files match it sees exactly the previous
//! set or exactly the new one, as Spark readers wait for `_SUCCESS` and Delta Lake readers for a
//! commit file; only while step 4 runs (milliseconds, or until the next `begroting` command after
//! a kill there) is there no visible manifest, and `begroting` readers finish the commit before
//! they read. [`open_committed`] is that reader: it names every problem it finds ([`SetProblem`]).
//!
//! Where it fails: a file system without atomic rename of a folder (some network mounts) loses
//! the guarantee of step 3; the lock is advisory (`flock`), so it does not keep out another
//! program, and over NFS it is only as good as the server's locking.

mod manifest;
mod names;
mod verify;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use manifest::{
    MANIFEST_FORMAT, MANIFEST_VERSION, SetFile, SetInputs, SetManifest, SetOptions, SetShard,
};
use manifest::{read_manifest, run_id, size_and_hash};
pub use names::{DATASET_DIRECTORY, FLAT_OUTPUTS, OutputSlot, is_tool_name};
use names::{hidden_slot_folders, list_files, output_files, visible_manifests};
pub use verify::{CommittedOutput, holds_output, open_committed, open_committed_sizes_only};

use super::pending::write_error;
use crate::error::Error;

/// A run's staging folder, held under the slot's lock from [`StagedRun::begin`] to
/// [`StagedRun::commit`]. Dropping it uncommitted (an error, Ctrl-C) removes the staging, and
/// the folder keeps its previous set.
#[derive(Debug)]
pub struct StagedRun {
    directory: PathBuf,
    slot: OutputSlot,
    staging: PathBuf,
    /// Held for the lock's sake: closing it releases the lock.
    _lock: File,
    committed: bool,
}

impl StagedRun {
    /// Steps 1 and 2 of the module doc: locks the slot, finishes or clears what a killed run
    /// left, and makes a fresh staging folder. Fails when another run holds the slot.
    pub fn begin(directory: &Path, slot: OutputSlot) -> Result<StagedRun, Error> {
        fs::create_dir_all(directory).map_err(|error| write_error(directory, error))?;
        let lock = lock_slot(directory, slot, false)?.ok_or_else(|| {
            write_error(
                &directory.join(slot.lock_name()),
                "another begroting run is writing this output (it holds the lock); wait for it or choose another folder",
            )
        })?;
        finish_commit(directory, slot)?;
        remove_abandoned_staging(directory, slot)?;
        let staging = directory.join(slot.staging_name());
        fs::create_dir(&staging).map_err(|error| write_error(&staging, error))?;
        crash_point("staging folder made");
        Ok(StagedRun { directory: directory.to_path_buf(), slot, staging, _lock: lock, committed: false })
    }

    /// Where a file of the set is written before the commit (`relative` with `/`).
    pub fn staged_path(&self, relative: &str) -> PathBuf {
        self.staging.join(relative)
    }

    /// The slot.
    pub fn slot(&self) -> OutputSlot {
        self.slot
    }

    /// Steps 3 and 4 of the module doc. `records` gives the record count of files that hold
    /// records, by relative path. Returns the manifest as committed.
    pub fn commit(
        mut self,
        mut manifest: SetManifest,
        records: &BTreeMap<String, usize>,
    ) -> Result<SetManifest, Error> {
        let mut files = Vec::new();
        for relative in list_files(&self.staging)? {
            let path = self.staging.join(&relative);
            let (bytes, sha256) = size_and_hash(&path).map_err(|error| write_error(&path, error))?;
            files.push(SetFile { records: records.get(&relative).copied(), path: relative, bytes, sha256 });
        }
        manifest.files = files;
        manifest.run_id = run_id();
        manifest.committed_unix_seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs())
            .unwrap_or(0);
        super::write_json_value(&self.staging.join(self.slot.manifest_name()), &manifest)?;
        sync_tree(&self.staging);
        crash_point("manifest staged");
        let commit = self.directory.join(self.slot.commit_name());
        fs::rename(&self.staging, &commit).map_err(|error| write_error(&commit, error))?;
        self.committed = true;
        sync_directory(&self.directory);
        crash_point("committed (staging renamed)");
        finish_commit(&self.directory, self.slot)?;
        Ok(manifest)
    }
}

impl Drop for StagedRun {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Opens the slot's lock file and takes its exclusive lock; `None` when another process holds it
/// and `wait` is false.
fn lock_slot(directory: &Path, slot: OutputSlot, wait: bool) -> Result<Option<File>, Error> {
    let path = directory.join(slot.lock_name());
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| write_error(&path, error))?;
    if wait {
        file.lock().map_err(|error| write_error(&path, error))?;
        return Ok(Some(file));
    }
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(error)) => Err(write_error(&path, error)),
    }
}

/// Step 4 of the module doc, for one slot, from wherever a killed run stopped; true when there
/// was a commit to finish. The caller holds the slot's lock.
fn finish_commit(directory: &Path, slot: OutputSlot) -> Result<bool, Error> {
    let commit = directory.join(slot.commit_name());
    if !commit.is_dir() {
        return Ok(false);
    }
    let staged_manifest = commit.join(slot.manifest_name());
    if staged_manifest.is_file() {
        let manifest =
            read_manifest(&staged_manifest).map_err(|message| write_error(&staged_manifest, message))?;
        // Withdraw the visible manifests this set replaces: from here until the new one is in
        // place the folder is visibly uncommitted, never a mix that claims to be a set.
        for name in visible_manifests(directory) {
            let owned =
                OutputSlot::of_manifest(&name).is_some_and(|other| slot.shard().is_none() || other == slot);
            if owned {
                let path = directory.join(&name);
                fs::remove_file(&path).map_err(|error| write_error(&path, error))?;
                crash_point("previous manifest withdrawn");
            }
        }
        for file in &manifest.files {
            let from = commit.join(&file.path);
            let to = directory.join(&file.path);
            if !from.exists() {
                continue; // placed before a kill
            }
            place_file(&from, &to)?;
            crash_point("file placed");
        }
        remove_unlisted(directory, slot, &manifest)?;
        crash_point("files of the previous set removed");
        sync_tree_of(directory, &manifest);
        let visible = directory.join(slot.manifest_name());
        fs::rename(&staged_manifest, &visible).map_err(|error| write_error(&visible, error))?;
        sync_directory(directory);
        crash_point("manifest placed");
    }
    fs::remove_dir_all(&commit).map_err(|error| write_error(&commit, error))?;
    crash_point("commit folder removed");
    Ok(true)
}

/// Renames a committed file into place, making its folder. A shard committing at the same time
/// may remove a partition folder it emptied between the two steps, so a rename that finds its
/// folder gone makes it again and retries.
fn place_file(from: &Path, to: &Path) -> Result<(), Error> {
    let mut attempts = 0;
    loop {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|error| write_error(parent, error))?;
        }
        match fs::rename(from, to) {
            Ok(()) => return Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && from.exists() && attempts < 3 => {
                attempts += 1;
            }
            Err(error) => return Err(write_error(to, error)),
        }
    }
}

/// Removes the staging a killed run left: this slot's (the caller holds its lock), and every
/// other slot's whose lock is free (a run of it still going holds its lock and keeps its staging).
/// A commit folder of another slot whose lock is free is finished, not removed.
fn remove_abandoned_staging(directory: &Path, slot: OutputSlot) -> Result<(), Error> {
    let own = directory.join(slot.staging_name());
    if own.exists() {
        fs::remove_dir_all(&own).map_err(|error| write_error(&own, error))?;
    }
    for (name, other) in hidden_slot_folders(directory, ".begroting-staging") {
        if other == slot {
            continue;
        }
        if let Some(_lock) = lock_slot(directory, other, false)? {
            let path = directory.join(name);
            fs::remove_dir_all(&path).map_err(|error| write_error(&path, error))?;
        }
    }
    Ok(())
}

/// Removes the files the slot owns that the new set does not name, and dataset folders left empty.
fn remove_unlisted(directory: &Path, slot: OutputSlot, manifest: &SetManifest) -> Result<(), Error> {
    let listed: std::collections::BTreeSet<&str> =
        manifest.files.iter().map(|file| file.path.as_str()).collect();
    let mut emptied = std::collections::BTreeSet::new();
    for relative in output_files(directory) {
        if slot.owns(&relative) && !listed.contains(relative.as_str()) {
            let path = directory.join(&relative);
            fs::remove_file(&path).map_err(|error| write_error(&path, error))?;
            emptied.extend(path.parent().map(Path::to_path_buf));
        }
    }
    // Only the folders this removal emptied (deepest first), up to the dataset folder itself:
    // another shard may be placing files into folders of its own at this moment.
    let dataset = directory.join(DATASET_DIRECTORY);
    for folder in emptied.iter().rev() {
        let mut current = folder.as_path();
        while current.starts_with(&dataset) && fs::remove_dir(current).is_ok() {
            match current.parent() {
                Some(parent) => current = parent,
                None => break,
            }
        }
    }
    Ok(())
}

/// Makes a folder's entries durable. Errors are ignored: some file systems refuse to sync a
/// folder, and the files themselves were synced when they were written.
fn sync_directory(directory: &Path) {
    if let Ok(folder) = File::open(directory) {
        let _ = folder.sync_all();
    }
}

/// Syncs a staged tree's folders (the files were synced as they were closed).
fn sync_tree(root: &Path) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(folder) = stack.pop() {
        if let Ok(entries) = fs::read_dir(&folder) {
            stack.extend(entries.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()));
        }
        sync_directory(&folder);
    }
}

/// Syncs the folders the set's files were placed into.
fn sync_tree_of(directory: &Path, manifest: &SetManifest) {
    let folders: std::collections::BTreeSet<PathBuf> = manifest
        .files
        .iter()
        .filter_map(|file| directory.join(&file.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        sync_directory(&folder);
    }
}

/// The test hook behind the crash tests (tests/crash_consistency.rs), off unless its environment
/// variables are set. Each durable step of a run calls it; with `BEGROTING_TEST_TRACE_STEPS` set,
/// it names the step on standard error; with `BEGROTING_TEST_PAUSE_AT_STEP=K`, step K says
/// `begroting-test: paused at step K` and waits for a line on standard input, so a test can kill
/// the process there (SIGKILL) or change the folder under it and let it go on. This is the one
/// place the library writes to standard error, and only under these variables.
pub fn crash_point(what: &str) {
    static SETTINGS: OnceLock<(bool, Option<usize>)> = OnceLock::new();
    static STEP: AtomicUsize = AtomicUsize::new(0);
    let (trace, pause_at) = *SETTINGS.get_or_init(|| {
        let trace = std::env::var_os("BEGROTING_TEST_TRACE_STEPS").is_some();
        let pause_at = std::env::var("BEGROTING_TEST_PAUSE_AT_STEP").ok().and_then(|k| k.parse().ok());
        (trace, pause_at)
    });
    if !trace && pause_at.is_none() {
        return;
    }
    let step = STEP.fetch_add(1, Ordering::SeqCst) + 1;
    if trace {
        eprintln!("begroting-test: step {step}: {what}");
    }
    if pause_at == Some(step) {
        eprintln!("begroting-test: paused at step {step}: {what}");
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(directory: &Path, slot: OutputSlot, files: &[(&str, &str)]) -> SetManifest {
        let run = StagedRun::begin(directory, slot).unwrap();
        for (relative, text) in files {
            let path = run.staged_path(relative);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let manifest = SetManifest::new(slot, SetOptions::default(), SetInputs::default(), 0, 0);
        run.commit(manifest, &BTreeMap::new()).unwrap()
    }

    #[test]
    fn names_carry_the_shard() {
        let shard = OutputSlot::new(Some((1, 4)));
        assert_eq!(shard.file_name("tables.json"), "tables-shard-00001-of-00004.json");
        assert_eq!(shard.manifest_name(), "_manifest-shard-00001-of-00004.json");
        assert_eq!(OutputSlot::of_manifest("_manifest-shard-00001-of-00004.json"), Some(shard));
        assert_eq!(OutputSlot::new(None).file_name("cells.parquet"), "cells.parquet");
        assert!(shard.owns("cells/year=2022/part-00001-of-00004.parquet"));
        assert!(!shard.owns("cells/year=2022/part-00002-of-00004.parquet"));
        assert!(!shard.owns("tables.json"));
        assert!(OutputSlot::new(None).owns("report-shard-00003-of-00004.json"));
        assert!(is_tool_name("_manifest.json") && is_tool_name("cells") && !is_tool_name("notes.txt"));
    }

    #[test]
    fn a_new_set_replaces_the_old_one_whole() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        let slot = OutputSlot::new(None);
        stage(
            root,
            slot,
            &[("cells.csv", "old"), ("tables.json", "[]"), ("cells/year=2020/part-00000.parquet", "p")],
        );
        let manifest =
            stage(root, slot, &[("tables.json", "[1]"), ("cells/year=2021/part-00000.parquet", "q")]);
        assert_eq!(manifest.files.len(), 2);
        assert_eq!(manifest.files[0].path, "cells/year=2021/part-00000.parquet");
        assert_eq!(manifest.files[1].bytes, 3);
        assert!(!root.join("cells.csv").exists(), "a format no longer written goes");
        assert!(!root.join("cells/year=2020").exists(), "an emptied partition goes");
        assert_eq!(fs::read_to_string(root.join("tables.json")).unwrap(), "[1]");
        let opened = open_committed(root).unwrap();
        assert_eq!(opened.sets.len(), 1);
        let hidden: Vec<String> = fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".begroting-s") || name.starts_with(".begroting-c"))
            .collect();
        assert!(hidden.is_empty(), "no staging or commit folder is left: {hidden:?}");
    }

    #[test]
    fn a_changed_file_and_a_missing_shard_are_named() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        stage(root, OutputSlot::new(Some((0, 2))), &[("tables-shard-00000-of-00002.json", "[]")]);
        let error = open_committed(root).unwrap_err();
        assert!(error.to_string().contains("shards 1 of 2 have not committed"), "{error}");
        stage(root, OutputSlot::new(Some((1, 2))), &[("tables-shard-00001-of-00002.json", "[]")]);
        assert_eq!(open_committed(root).unwrap().sets.len(), 2);
        fs::write(root.join("tables-shard-00001-of-00002.json"), "[2]").unwrap();
        let error = open_committed(root).unwrap_err();
        assert!(error.to_string().contains("tables-shard-00001-of-00002.json differs"), "{error}");
        assert!(error.to_string().contains("3 bytes, the manifest says 2"), "{error}");
    }

    #[test]
    fn a_commit_left_half_placed_is_finished_by_the_reader() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        let slot = OutputSlot::new(None);
        stage(root, slot, &[("tables.json", "old"), ("report.json", "old")]);
        // A run killed in step 4: its commit folder holds the manifest and one file not yet
        // placed; the other file and the withdrawal of the old manifest already happened.
        let commit = root.join(slot.commit_name());
        fs::create_dir(&commit).unwrap();
        fs::write(commit.join("report.json"), "new-report").unwrap();
        fs::write(root.join("tables.json"), "new-tables").unwrap();
        let files = ["report.json", "tables.json"]
            .iter()
            .map(|name| {
                let text = if *name == "report.json" { "new-report" } else { "new-tables" };
                let path = root.join("probe");
                fs::write(&path, text).unwrap();
                let (bytes, sha256) = size_and_hash(&path).unwrap();
                fs::remove_file(path).unwrap();
                SetFile { path: name.to_string(), bytes, sha256, records: None }
            })
            .collect();
        let mut manifest = SetManifest::new(slot, SetOptions::default(), SetInputs::default(), 0, 0);
        manifest.files = files;
        fs::write(commit.join(slot.manifest_name()), serde_json::to_string(&manifest).unwrap()).unwrap();
        fs::remove_file(root.join("_manifest.json")).unwrap();
        let opened = open_committed(root).unwrap();
        assert_eq!(opened.finished_commits, 1);
        assert_eq!(fs::read_to_string(root.join("report.json")).unwrap(), "new-report");
        assert!(!commit.exists());
    }

    #[test]
    fn an_uncommitted_folder_is_named_as_such() {
        let directory = tempfile::tempdir().unwrap();
        fs::write(directory.path().join("cells.parquet"), "x").unwrap();
        let error = open_committed(directory.path()).unwrap_err();
        assert!(error.to_string().contains("but no manifest (_manifest.json) commits them"), "{error}");
    }
}
