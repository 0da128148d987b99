//! Atomic file replacement: temporary file in the target's directory, then rename.

use std::io::{BufWriter, Write};
use std::path::Path;

use crate::error::{Error, ErrorKind};

/// Writes `path` through `fill`, atomically: the data goes to a temporary file beside `path`,
/// is flushed and synced, and only then renamed to `path`. On any error the temporary file is
/// removed and `path` is untouched.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<std::fs::File>) -> Result<(), String>,
) -> Result<(), Error> {
    let fail = |message: String| Error::new(path, ErrorKind::Write { file: path.to_path_buf(), message });
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temporary = tempfile::Builder::new()
        .prefix(".begroting-")
        .suffix(".tmp")
        .tempfile_in(directory)
        .map_err(|error| fail(error.to_string()))?;
    let (file, temporary_path) = temporary.into_parts();
    let mut writer = BufWriter::new(file);
    fill(&mut writer).map_err(fail)?;
    writer.flush().map_err(|error| fail(error.to_string()))?;
    let file = writer.into_inner().map_err(|error| fail(error.to_string()))?;
    file.sync_all().map_err(|error| fail(error.to_string()))?;
    // Temporary files are created private (0600); outputs are ordinary files others may read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&temporary_path, std::fs::Permissions::from_mode(0o644));
    }
    temporary_path.persist(path).map_err(|error| fail(error.to_string()))?;
    Ok(())
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
