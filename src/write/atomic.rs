//! Atomic file replacement: temporary file in the target's directory, then rename.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::pending::{PendingFile, write_error};
use crate::error::Error;

/// Writes `path` through `fill`, atomically: the data goes to a temporary file beside `path`,
/// is flushed and synced, and only then renamed to `path`. On any error the temporary file is
/// removed and `path` is untouched.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<(), String>,
) -> Result<(), Error> {
    let pending = PendingFile::create(path)?;
    let mut writer = BufWriter::new(pending.handle()?);
    fill(&mut writer).map_err(|message| write_error(path, message))?;
    writer.flush().map_err(|error| write_error(path, error))?;
    drop(writer);
    pending.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_previous_file() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cells.json");
        write_atomically(&path, |file| file.write_all(b"first").map_err(|e| e.to_string())).unwrap();
        let error = write_atomically(&path, |file| {
            file.write_all(b"half").map_err(|e| e.to_string())?;
            Err("disk full".to_string())
        })
        .unwrap_err();
        assert!(error.to_string().contains("disk full"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let leftovers = std::fs::read_dir(directory.path()).unwrap().count();
        assert_eq!(leftovers, 1, "the temporary file was removed");
    }
}
