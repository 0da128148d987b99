//! Loading a source: read the bytes, refuse what is not text, decode, and detect the format.
//!
//! Owns: the file system reads of inputs (and of `.url` sidecars), the "is this text at all?"
//! decision (empty files, NUL bytes, known binary signatures such as PNG, PDF, ZIP, gzip), decoding
//! (UTF-8 with or without BOM; anything else is read as Windows-1252 with a warning), and choosing a
//! reader by extension, or by sniffing the first bytes when the extension does not say. Leaves
//! everything about tables to the readers.

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Location, Warning, WarningKind};

/// Which reader a document goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// An HTML page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// Flattened text: every table cell its own paragraph (`.txt`).
    Text,
}

impl SourceFormat {
    /// The format named by a file's extension, if the extension names one. A `.gz` extension is
    /// looked through: `page.html.gz` is HTML.
    pub fn from_extension(path: &Path) -> Option<SourceFormat> {
        let mut extension = path.extension()?.to_str()?.to_ascii_lowercase();
        if extension == "gz" {
            extension = Path::new(path.file_stem()?).extension()?.to_str()?.to_ascii_lowercase();
        }
        match extension.as_str() {
            "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
            "txt" | "text" => Some(SourceFormat::Text),
            _ => None,
        }
    }

    /// Guesses the format from the text itself: markup near the start means HTML.
    pub fn sniff(text: &str) -> SourceFormat {
        let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
        let trimmed = head.trim_start();
        if trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<?xml")
            || head.contains("<table")
            || head.contains("<body")
        {
            SourceFormat::Html
        } else {
            SourceFormat::Text
        }
    }
}

/// A decoded source, ready for a reader.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedSource {
    /// The decoded text (a BOM removed).
    pub text: String,
    /// How the bytes were decoded ("utf-8", "utf-8 (bom)", "windows-1252").
    pub encoding: &'static str,
    /// Problems met while decoding, with their positions.
    pub warnings: Vec<Warning>,
}

/// Binary signatures recognised at the start of a file, with a name a person understands.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
];

/// Decodes a document's bytes into text, or says why they are not a text document.
///
/// `file` is only used to name the file in an error. Steps: empty (or whitespace-only) input fails;
/// a known binary signature fails; a UTF-8 BOM is dropped; valid UTF-8 is taken as is; otherwise
/// the bytes are read as Windows-1252 (every byte maps to a character) with a warning at the first
/// invalid UTF-8 byte. A NUL byte or a run of control bytes anywhere fails the document as binary.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<DecodedSource, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(file, ErrorKind::Empty));
    }
    for (signature, what) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Err(Error::new(file, ErrorKind::Binary { what: what.to_string(), offset: 0 }));
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(file, ErrorKind::Binary { what: "NUL bytes".to_string(), offset }));
    }
    let control_bytes =
        bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    if control_bytes * 20 > bytes.len() {
        let offset = bytes.iter().position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
        return Err(Error::new(
            file,
            ErrorKind::Binary { what: "control bytes".to_string(), offset: offset.unwrap_or(0) },
        ));
    }
    let (body, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(body) => (body, "utf-8 (bom)"),
        None => (bytes, "utf-8"),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok(DecodedSource { text: normalize_line_endings(text), encoding, warnings: Vec::new() }),
        Err(error) => {
            let offset = error.valid_up_to();
            let line = body[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            let text: String = body.iter().map(|&b| windows_1252_char(b)).collect();
            Ok(DecodedSource {
                text: normalize_line_endings(&text),
                encoding: "windows-1252",
                warnings: vec![Warning::new(
                    WarningKind::InvalidEncoding,
                    Location::line(line),
                    format!("not valid UTF-8 at byte offset {offset}; the file was read as Windows-1252"),
                )],
            })
        }
    }
}

/// CRLF and lone CR become LF, so line numbers count the same on every platform.
fn normalize_line_endings(text: &str) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() }
}

/// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
fn windows_1252_char(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// The most bytes a gzip-compressed input may unpack to (1 GiB): a "zip bomb" fails instead of
/// exhausting memory.
pub const MAX_DECOMPRESSED_BYTES: u64 = 1 << 30;

/// Reads a file's bytes, unpacking gzip (`.gz`) on the way. `-` reads standard input.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>, Error> {
    let read_error = |error: std::io::Error| Error::new(file, ErrorKind::Read { message: error.to_string() });
    let raw = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(read_error)?;
        bytes
    } else {
        std::fs::read(file).map_err(read_error)?
    };
    if !raw.starts_with(b"\x1f\x8b") {
        return Ok(raw);
    }
    let mut unpacked = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
    let mut limited = std::io::Read::take(decoder, MAX_DECOMPRESSED_BYTES + 1);
    std::io::Read::read_to_end(&mut limited, &mut unpacked).map_err(|error| {
        Error::new(file, ErrorKind::Read { message: format!("broken gzip data: {error}") })
    })?;
    if unpacked.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(Error::new(
            file,
            ErrorKind::Read {
                message: format!("gzip data unpacks to more than {MAX_DECOMPRESSED_BYTES} bytes"),
            },
        ));
    }
    Ok(unpacked)
}

/// Reads a file from disk (or standard input for `-`), unpacks gzip, and decodes it.
pub fn load(file: &Path) -> Result<DecodedSource, Error> {
    decode(file, &read_bytes(file)?)
}

/// Reads the first non-empty line of the `.url` sidecar beside `file` (`NAME.url` for `NAME.txt`
/// and for `NAME.txt.gz`), when there is one.
pub fn sidecar_url(file: &Path) -> Option<String> {
    let mut stem = file.to_path_buf();
    if stem.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        stem = stem.with_extension("");
    }
    let sidecar = stem.with_extension("url");
    let text = std::fs::read_to_string(sidecar).ok()?;
    text.lines().map(str::trim).find(|line| !line.is_empty()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_text() {
        let path = Path::new("x.html");
        assert_eq!(decode(path, b"").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode(path, b" \n\t ").unwrap_err().kind, ErrorKind::Empty);
        assert!(matches!(decode(path, b"\x89PNG\r\n\x1a\n....").unwrap_err().kind, ErrorKind::Binary { .. }));
        assert!(matches!(decode(path, b"abc\0def").unwrap_err().kind, ErrorKind::Binary { offset: 3, .. }));
    }

    #[test]
    fn decodes_utf8_bom_and_windows_1252() {
        let path = Path::new("x.txt");
        let bom = decode(path, b"\xEF\xBB\xBFTabel 2\r\n").unwrap();
        assert_eq!(bom.text, "Tabel 2\n");
        assert_eq!(bom.encoding, "utf-8 (bom)");
        let latin = decode(path, b"x \x80 1.000\neuro\x92s").unwrap();
        assert_eq!(latin.text, "x € 1.000\neuro’s");
        assert_eq!(latin.warnings[0].location.line, Some(1));
    }

    #[test]
    fn detects_format() {
        assert_eq!(SourceFormat::from_extension(Path::new("a/b.HTM")), Some(SourceFormat::Html));
        assert_eq!(SourceFormat::from_extension(Path::new("a/b.txt")), Some(SourceFormat::Text));
        assert_eq!(SourceFormat::from_extension(Path::new("a/b.html.gz")), Some(SourceFormat::Html));
        assert_eq!(SourceFormat::from_extension(Path::new("a/b.gz")), None);
        assert_eq!(SourceFormat::sniff("  <!DOCTYPE html><html>"), SourceFormat::Html);
        assert_eq!(SourceFormat::sniff("Tabel 2 Veiligheidsagenda"), SourceFormat::Text);
    }
}
