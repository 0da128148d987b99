//! The `--manifest` file: a CSV of `path,url` lines that gives documents their page addresses.
//!
//! Owns reading that file. A header line `path,url` is allowed; paths are relative to the
//! manifest's own folder unless absolute; the URL is everything after the first comma (addresses
//! such as `…/kamerstukken,2018/…` hold commas) and may be quoted. Blank lines and lines starting
//! with `#` are skipped. A line without a comma is an error naming the line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};

/// Addresses by input path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    urls: HashMap<PathBuf, String>,
}

impl Manifest {
    /// Reads a manifest file.
    pub fn load(file: &Path) -> Result<Manifest, Error> {
        let text = std::fs::read_to_string(file)
            .map_err(|error| Error::new(file, ErrorKind::Read { message: error.to_string() }))?;
        let base = file.parent().unwrap_or(Path::new(""));
        Manifest::parse(&text, base).map_err(|(line, message)| {
            Error::new(file, ErrorKind::Config { file: file.to_path_buf(), line, message })
        })
    }

    /// Parses manifest text; relative paths are joined to `base`. Errors give the 1-based line.
    pub fn parse(text: &str, base: &Path) -> Result<Manifest, (usize, String)> {
        let mut urls = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty()
                || line.starts_with('#')
                || (index == 0 && line.eq_ignore_ascii_case("path,url"))
            {
                continue;
            }
            let Some((path, url)) = line.split_once(',') else {
                return Err((index + 1, format!("expected \"path,url\", found \"{line}\"")));
            };
            let path = path.trim().trim_matches('"');
            let url = url.trim().trim_matches('"');
            if path.is_empty() || url.is_empty() {
                return Err((index + 1, "the path and the url must both be given".to_string()));
            }
            let path = Path::new(path);
            let path = if path.is_absolute() { path.to_path_buf() } else { base.join(path) };
            urls.insert(normalize(&path), url.to_string());
        }
        Ok(Manifest { urls })
    }

    /// The address the manifest gives for an input, if any.
    pub fn url_for(&self, path: &Path) -> Option<&str> {
        self.urls.get(&normalize(path)).map(String::as_str)
    }
}

/// Drops "." parts so "./a/b.html" and "a/b.html" match.
fn normalize(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_in_addresses_and_errors_with_lines() {
        let text = "path,url\n005.txt,http://rijksbegroting.minfin.nl/2017/kamerstukken,2018/5/16/kst244574_1.html\n\n# note\n";
        let manifest = Manifest::parse(text, Path::new("pages")).unwrap();
        assert_eq!(
            manifest.url_for(Path::new("./pages/005.txt")),
            Some("http://rijksbegroting.minfin.nl/2017/kamerstukken,2018/5/16/kst244574_1.html")
        );
        assert_eq!(Manifest::parse("a.txt,x\nbroken\n", Path::new("")).unwrap_err().0, 2);
    }
}
