//! Incremental reruns: a cache of finished documents keyed by everything that decides them.
//!
//! With `--resume`, every extracted document is stored in `OUT/.begroting-cache/KEY.json`, where
//! KEY is a hash of the input's bytes, its page address, the tool version and the run's options
//! (the overrides), and its path. A later run with `--resume` that meets the same key loads the document
//! instead of extracting it again; since extraction is deterministic, the output equals a full
//! rerun. Entries not used by a run are removed at its end, so the cache never outgrows the
//! inputs. A cache file that cannot be read is ignored (the document is extracted again).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use xxhash_rust::xxh3::Xxh3;

use crate::pipeline::Document;

/// The cache folder inside an output directory.
pub const CACHE_DIRECTORY: &str = ".begroting-cache";

/// The key of one input: a hex xxh3-128 of its path, document id, bytes, address, tool version,
/// extraction revision and options. The path and id are part of it because the document records
/// where it came from and under which id.
pub fn cache_key(
    path: &Path,
    id: &str,
    bytes: &[u8],
    url: Option<&str>,
    options_fingerprint: &str,
) -> String {
    let mut hasher = Xxh3::new();
    let path = path.to_string_lossy();
    let revision = crate::pipeline::EXTRACTION_REVISION.to_le_bytes();
    for part in [
        env!("CARGO_PKG_VERSION").as_bytes(),
        &revision,
        id.as_bytes(),
        options_fingerprint.as_bytes(),
        url.unwrap_or("").as_bytes(),
        path.as_bytes(),
    ] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.update(bytes);
    format!("{:032x}", hasher.digest128())
}

/// The hash of a file's content alone, as `report.json` records it (hex xxh3-64).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The document cache of one output directory.
#[derive(Debug)]
pub struct DocumentCache {
    directory: PathBuf,
    used: Mutex<BTreeSet<String>>,
}

impl DocumentCache {
    /// Opens (creating) the cache folder of an output directory.
    pub fn open(output_directory: &Path) -> std::io::Result<DocumentCache> {
        let directory = output_directory.join(CACHE_DIRECTORY);
        std::fs::create_dir_all(&directory)?;
        Ok(DocumentCache { directory, used: Mutex::new(BTreeSet::new()) })
    }

    fn path(&self, key: &str) -> PathBuf {
        self.directory.join(format!("{key}.json"))
    }

    /// The cached document for a key, if there is a readable one.
    pub fn get(&self, key: &str) -> Option<Document> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        let document = serde_json::from_slice(&bytes).ok()?;
        self.used.lock().expect("cache lock").insert(key.to_string());
        Some(document)
    }

    /// Stores a document (atomically; a failure only means no reuse next time). When the cache
    /// folder has gone (the output folder was removed under the run), nothing is stored: the
    /// cache never makes an output folder appear again.
    pub fn put(&self, key: &str, document: &Document) {
        self.used.lock().expect("cache lock").insert(key.to_string());
        if !self.directory.is_dir() {
            return;
        }
        let _ = crate::write::write_json_value(&self.path(key), document);
    }

    /// Removes the entries this run did not use.
    pub fn prune(&self) {
        let used = self.used.lock().expect("cache lock");
        let Ok(entries) = std::fs::read_dir(&self.directory) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let key = name.strip_suffix(".json").unwrap_or(&name);
            if !used.contains(key) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
