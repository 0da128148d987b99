//! A file being written: a temporary file beside its final name, renamed into place on commit.

use std::fs::File;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, ErrorKind};

/// An output file under construction. Dropping it without [`PendingFile::commit`] removes the
/// temporary file, so an interrupted or failed run leaves the previous output as it was.
#[derive(Debug)]
pub struct PendingFile {
    temporary: NamedTempFile,
    final_path: PathBuf,
}

impl PendingFile {
    /// Creates the temporary file in the final file's directory (creating that directory). Fails
    /// at once when the final path is a directory, so a run that could never be committed stops
    /// before it replaces anything.
    pub fn create(final_path: &Path) -> Result<PendingFile, Error> {
        if final_path.is_dir() {
            return Err(write_error(final_path, "a directory stands where this output file must go"));
        }
        let directory = match final_path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(directory).map_err(|error| write_error(final_path, error))?;
        let temporary = tempfile::Builder::new()
            .prefix(".begroting-")
            .suffix(".tmp")
            .tempfile_in(directory)
            .map_err(|error| write_error(final_path, error))?;
        Ok(PendingFile { temporary, final_path: final_path.to_path_buf() })
    }

    /// A second handle on the temporary file, for a writer that takes ownership of its file.
    pub fn handle(&self) -> Result<File, Error> {
        self.temporary.as_file().try_clone().map_err(|error| write_error(&self.final_path, error))
    }

    /// The final path.
    pub fn final_path(&self) -> &Path {
        &self.final_path
    }

    /// Syncs the data to disk, makes the file readable like any other output (0644) and renames
    /// it over the final path.
    pub fn commit(self) -> Result<(), Error> {
        let path = self.final_path.clone();
        self.temporary.as_file().sync_all().map_err(|error| write_error(&path, error))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = self.temporary.as_file().set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        self.temporary.persist(&path).map_err(|error| write_error(&path, error.error))?;
        Ok(())
    }
}

/// An error writing `path`.
pub fn write_error(path: &Path, error: impl std::fmt::Display) -> Error {
    Error::new(path, ErrorKind::Write { file: path.to_path_buf(), message: error.to_string() })
}
