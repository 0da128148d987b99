//! Helpers every integration test shares: where the fixtures are, and running the command.
//! Each test crate uses some of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A file or folder under `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// Runs the `begroting` command with `arguments` in `directory`.
pub fn begroting(arguments: &[&str], directory: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_begroting"))
        .args(arguments)
        .current_dir(directory)
        .output()
        .expect("the binary runs")
}

/// What a run left half done in an output folder: temporary files, staging or commit folders.
/// Empty after every run that ended, however it ended (src/write/commit/).
pub fn half_done(output: &Path) -> Vec<String> {
    std::fs::read_dir(output)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| {
                    name.ends_with(".tmp")
                        || name.starts_with(".begroting-staging")
                        || name.starts_with(".begroting-commit")
                })
                .collect()
        })
        .unwrap_or_default()
}
