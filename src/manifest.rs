//! The `--manifest` file: a CSV of `path,url` lines that gives documents their page addresses.
//!
//! Owns reading that file, with a real CSV parser (the `csv` crate: quoted fields may hold commas
//! and quotes, `"a, b.txt"`). A header line `path,url` is allowed; paths are relative to the
//! manifest's own folder unless absolute; an address may also hold commas without quotes
//! (`…/kamerstukken,2018/…`): every field after the path is the address. Blank lines and lines
//! starting with `#` are skipped. A line with one field only is an error naming the line.

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
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|error| {
                let line = error.position().map_or(0, |position| position.line() as usize);
                (line, error.to_string())
            })?;
            let line = record.position().map_or(index + 1, |position| position.line() as usize);
            let fields: Vec<&str> = record.iter().collect();
            if fields.iter().all(|field| field.is_empty()) {
                continue;
            }
            if index == 0
                && fields.len() == 2
                && fields[0].eq_ignore_ascii_case("path")
                && fields[1].eq_ignore_ascii_case("url")
            {
                continue;
            }
            if fields.len() < 2 {
                return Err((line, format!("expected \"path,url\", found \"{}\"", fields.join(","))));
            }
            // An address may hold commas without quotes ("…/kamerstukken,2018/…"): the fields
            // after the path are one address.
            let (path, url) = (fields[0], fields[1..].join(","));
            if path.is_empty() || url.is_empty() {
                return Err((line, "the path and the url must both be given".to_string()));
            }
            let path = Path::new(path);
            let path = if path.is_absolute() { path.to_path_buf() } else { base.join(path) };
            urls.insert(normalize(&path), url);
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

    #[test]
    fn quoted_fields_hold_commas_and_quotes() {
        let text = "path,url\n\"jaarverslag, 2019.html\",\"https://example.org/a,b?q=\"\"x\"\"\"\n";
        let manifest = Manifest::parse(text, Path::new("")).unwrap();
        assert_eq!(
            manifest.url_for(Path::new("jaarverslag, 2019.html")),
            Some("https://example.org/a,b?q=\"x\"")
        );
    }
}
