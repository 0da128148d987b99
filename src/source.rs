//! Loading a source: read the bytes, refuse what is not text, decode, and detect the format.
//!
//! Owns: the file system reads of inputs (and of `.url` sidecars), the "is this text at all?"
//! decision (empty files, NUL bytes, known binary signatures such as PNG, PDF, ZIP, gzip), decoding
//! (byte-order marks, UTF-16, declared charsets, UTF-8, Windows-1252: see [`decode`]), and choosing a
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
    /// The government's official publication XML (`.xml`): a Kamerstuk with CALS tables, root
    /// `<officiele-publicatie>` or, before about 2009, `<kamerwrk>`.
    Xml,
}

impl SourceFormat {
    /// True when the text is XML whose root element is an official publication's
    /// (`<officiele-publicatie>`, `<kamerwrk>`), whatever the file is called.
    pub fn is_publication_xml(text: &str) -> bool {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        head.starts_with('<')
            && crate::read::xml::root_element(head)
                .is_some_and(|root| crate::read::xml::is_publication_root(&root))
    }

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
            "xml" => Some(SourceFormat::Xml),
            _ => None,
        }
    }

    /// Guesses the format from the text itself: an official publication's root element means
    /// XML, other markup near the start means HTML.
    pub fn sniff(text: &str) -> SourceFormat {
        if SourceFormat::is_publication_xml(text) {
            return SourceFormat::Xml;
        }
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
/// `file` is only used to name the file in an error. Steps, in this order:
/// 1. empty (or whitespace-only) input fails; a known binary signature (PNG, PDF, ZIP, …) fails;
/// 2. a byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (the mark is dropped);
/// 3. without a mark, text whose every other byte is NUL in its first kilobyte is UTF-16 (LE or
///    BE by the side the NULs are on);
/// 4. any other NUL byte, or a large share of control bytes, fails the document as binary;
/// 5. bytes that are valid UTF-8 are UTF-8, whatever the page declares (a declared charset that
///    disagrees is reported: declarations are often wrong, valid UTF-8 by chance almost never);
/// 6. otherwise the charset the page declares (`<meta charset>`, `http-equiv` content-type, or an
///    XML prolog's `encoding`) is used, else Windows-1252 (which also covers ISO-8859-1 as browsers
///    read it); a warning gives the first byte offset and line that were not valid UTF-8, and any
///    bytes invalid in the chosen encoding are replaced and reported.
pub fn decode(file: &Path, bytes: &[u8]) -> Result<DecodedSource, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(file, ErrorKind::Empty));
    }
    for (signature, what) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Err(Error::new(file, ErrorKind::Binary { what: what.to_string(), offset: 0 }));
        }
    }
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_length..], bom_label(encoding), Vec::new()));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(decode_with(encoding, bytes, encoding.name(), Vec::new()));
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::new(file, ErrorKind::Binary { what: "NUL bytes".to_string(), offset }));
    }
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c);
    // A sum of 0s and 1s, which the compiler turns into vector instructions.
    let control_bytes: usize = bytes.iter().map(|&b| usize::from(is_control(b))).sum();
    if control_bytes * 20 > bytes.len() {
        let offset = bytes.iter().position(|&b| is_control(b));
        return Err(Error::new(
            file,
            ErrorKind::Binary { what: "control bytes".to_string(), offset: offset.unwrap_or(0) },
        ));
    }
    let declared = declared_charset(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut warnings = Vec::new();
            if let Some(declared) = declared
                && declared != encoding_rs::UTF_8
                && !text.is_ascii()
            {
                warnings.push(Warning::new(
                    WarningKind::InvalidEncoding,
                    Location::default(),
                    format!(
                        "the page declares {} but its bytes are valid UTF-8; it was read as UTF-8",
                        declared.name()
                    ),
                ));
            }
            Ok(DecodedSource { text: normalize_line_endings(text), encoding: "utf-8", warnings })
        }
        Err(error) => {
            let offset = error.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            let encoding = declared.filter(|&e| e != encoding_rs::UTF_8).unwrap_or(encoding_rs::WINDOWS_1252);
            let why = match declared {
                Some(declared) if declared == encoding_rs::UTF_8 => {
                    format!("the page declares UTF-8 but is not valid UTF-8 at byte offset {offset}")
                }
                Some(_) => format!(
                    "not valid UTF-8 at byte offset {offset}; read as the declared {}",
                    encoding.name()
                ),
                None => format!("not valid UTF-8 at byte offset {offset} and no charset declared"),
            };
            let warning = Warning::new(
                WarningKind::InvalidEncoding,
                Location::line(line),
                format!("{why}; the file was read as {}", encoding.name()),
            );
            Ok(decode_with(encoding, bytes, encoding.name(), vec![warning]))
        }
    }
}

fn bom_label(encoding: &'static encoding_rs::Encoding) -> &'static str {
    if encoding == encoding_rs::UTF_8 {
        "utf-8 (bom)"
    } else if encoding == encoding_rs::UTF_16LE {
        "utf-16le (bom)"
    } else {
        "utf-16be (bom)"
    }
}

/// Decodes with an encoding, replacing invalid sequences and reporting where the first was.
fn decode_with(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    label: &'static str,
    mut warnings: Vec<Warning>,
) -> DecodedSource {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = normalize_line_endings(&text);
    if had_errors {
        let line = text.lines().position(|line| line.contains('\u{FFFD}')).map_or(1, |index| index + 1);
        let count = text.matches('\u{FFFD}').count();
        warnings.push(Warning::new(
            WarningKind::InvalidEncoding,
            Location::line(line),
            format!(
                "{count} byte sequence(s) invalid in {} were replaced by U+FFFD, the first on line {line}",
                encoding.name()
            ),
        ));
    }
    DecodedSource { text, encoding: label, warnings }
}

/// UTF-16 without a byte-order mark: in the first kilobyte, nearly every odd (LE) or even (BE)
/// byte is NUL, as it is for Latin text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let even_nuls = head.iter().step_by(2).filter(|&&b| b == 0).count();
    if odd_nuls * 10 >= pairs * 9 && even_nuls * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nuls * 10 >= pairs * 9 && odd_nuls * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The charset a page declares in its first 2 KiB: `<meta charset=…>`, a content-type
/// `<meta http-equiv>`, or an XML prolog's `encoding="…"`.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    use std::sync::LazyLock;
    static DECLARATION: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(
            r#"(?i)(?:<meta[^>]*charset\s*=\s*["']?|<\?xml[^>]*encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)"#,
        )
        .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(2048)];
    let label = DECLARATION.captures(head)?.get(1)?.as_bytes();
    // As browsers do: a page that declares UTF-16 in ASCII bytes is not UTF-16 (it would have a
    // byte-order mark), so the declaration means UTF-8.
    encoding_rs::Encoding::for_label(label).map(|encoding| encoding.output_encoding())
}

/// CRLF and lone CR become LF, so line numbers count the same on every platform.
fn normalize_line_endings(text: &str) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() }
}

/// The largest document read by default (64 MiB, unpacked): budget pages are a few megabytes, and
/// every reader holds a document whole, so this bounds a run's memory. A larger document fails
/// with an error saying so; `--max-document-mb` raises the bound.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// Reads a file's bytes (at most [`DEFAULT_MAX_DOCUMENT_BYTES`]), unpacking gzip on the way. `-`
/// reads standard input.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>, Error> {
    read_bytes_limited(file, DEFAULT_MAX_DOCUMENT_BYTES)
}

/// Reads a file's bytes, unpacking gzip (`.gz`) on the way; `-` reads standard input. A document
/// larger than `limit` bytes (before or after unpacking: a "zip bomb" too) fails without being
/// read further.
pub fn read_bytes_limited(file: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let read_error = |error: std::io::Error| Error::new(file, ErrorKind::Read { message: error.to_string() });
    let too_large = || Error::new(file, ErrorKind::TooLarge { limit });
    let mut raw = Vec::new();
    if file == Path::new("-") {
        std::io::Read::read_to_end(&mut std::io::Read::take(std::io::stdin().lock(), limit + 1), &mut raw)
            .map_err(read_error)?;
    } else {
        let opened = std::fs::File::open(file).map_err(read_error)?;
        if opened.metadata().map(|m| m.len()).unwrap_or(0) > limit {
            return Err(too_large());
        }
        std::io::Read::read_to_end(&mut std::io::Read::take(opened, limit + 1), &mut raw)
            .map_err(read_error)?;
    }
    unpack_limited(file, raw, limit)
}

/// A document's bytes as read from anywhere (a file, a Spark row, a Python `bytes`), gzip
/// unpacked when they start with its magic number, and refused when larger than `limit` before
/// or after unpacking. `file` names the document in the error.
pub fn unpack_limited(file: &Path, raw: Vec<u8>, limit: u64) -> Result<Vec<u8>, Error> {
    let too_large = || Error::new(file, ErrorKind::TooLarge { limit });
    if raw.len() as u64 > limit {
        return Err(too_large());
    }
    if !raw.starts_with(b"\x1f\x8b") {
        return Ok(raw);
    }
    let mut unpacked = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(raw.as_slice());
    std::io::Read::read_to_end(&mut std::io::Read::take(decoder, limit + 1), &mut unpacked).map_err(
        |error| Error::new(file, ErrorKind::Read { message: format!("broken gzip data: {error}") }),
    )?;
    if unpacked.len() as u64 > limit {
        return Err(too_large());
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
