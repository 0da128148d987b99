//! The seed page in every encoding the tool reads gives the same cells as the UTF-8 original, and
//! says how it decoded and what it had to repair.

use std::path::Path;

use begroting::WarningKind;
use begroting::frame::cell_records;
use begroting::pipeline::{Document, ExtractOptions, extract_path};

mod common;
use common::fixture;

fn extract(name: &str) -> Document {
    let path = fixture(name);
    assert!(path.is_file(), "missing fixture {}", path.display());
    extract_path(&path, None, &ExtractOptions::default()).expect("extracts")
}

/// What must not change with the encoding: every cell's row, column, text, value, flags and line.
fn cells(document: &Document) -> Vec<String> {
    cell_records(document)
        .iter()
        .map(|c| {
            format!(
                "{}|{}|{}|{:?}|{:?}|{:?}|{:?}",
                c.row_label, c.column_header, c.raw, c.value, c.flags, c.footnote_markers, c.line
            )
        })
        .collect()
}

#[test]
fn text_encodings_give_the_utf8_cells() {
    let original = extract("text/veiligheidsagenda-owb-2022-VI.txt");
    let expected = cells(&original);
    assert_eq!(expected.len(), 64);
    assert!(
        expected.iter().any(|c| c.starts_with("Conservatoir beslag (in mln. euro’s)|")),
        "the ’ survives"
    );
    for (name, encoding) in [
        ("encodings/seed_utf8_bom.txt", "utf-8 (bom)"),
        ("encodings/seed_utf16le_bom.txt", "utf-16le (bom)"),
        ("encodings/seed_utf16be_bom.txt", "utf-16be (bom)"),
        ("encodings/seed_windows1252_undeclared.txt", "windows-1252"),
        ("encodings/seed_crlf_line_endings.txt", "utf-8"),
        ("encodings/seed_cr_line_endings.txt", "utf-8"),
    ] {
        let document = extract(name);
        assert_eq!(document.encoding, encoding, "{name}");
        assert_eq!(cells(&document), expected, "{name}");
        assert_eq!(document.meta, original.meta, "{name}");
    }
    let guessed = extract("encodings/seed_windows1252_undeclared.txt");
    let warning =
        guessed.warnings.iter().find(|w| w.kind == WarningKind::InvalidEncoding).expect("a warning says so");
    assert!(warning.message.contains("no charset declared"), "{}", warning.message);
    assert_eq!(
        warning.location.line,
        Some(5),
        "the first byte that is not UTF-8: the en dash of \"2019–2022\" on line 5"
    );
}

#[test]
fn html_encodings_give_the_utf8_cells() {
    let expected = cells(&extract("html/veiligheidsagenda-owb-2022-VI.html"));
    assert_eq!(expected.len(), 64);
    for (name, encoding) in [
        ("encodings/seed_windows1252_meta_charset.html", "windows-1252"),
        ("encodings/seed_iso88591_http_equiv.html", "windows-1252"),
        ("encodings/seed_declared_iso88591_but_utf8.html", "utf-8"),
        ("encodings/seed_utf16le_bom.html", "utf-16le (bom)"),
    ] {
        let document = extract(name);
        assert_eq!(document.encoding, encoding, "{name}");
        let got = cells(&document);
        assert_eq!(got.len(), expected.len(), "{name}");
        // Line numbers may shift by the one line the declaration was put on.
        let strip_line = |c: &String| c.rsplit_once('|').unwrap().0.to_string();
        assert_eq!(
            got.iter().map(strip_line).collect::<Vec<_>>(),
            expected.iter().map(strip_line).collect::<Vec<_>>(),
            "{name}"
        );
    }
    let wrong = extract("encodings/seed_declared_iso88591_but_utf8.html");
    assert!(wrong.warnings.iter().any(|w| w.kind == WarningKind::InvalidEncoding
        && w.message.contains("declares windows-1252 but its bytes are valid UTF-8")));
}

#[test]
fn invalid_bytes_in_the_declared_encoding_are_replaced_and_located() {
    let decoded =
        begroting::source::decode(Path::new("x.txt"), b"Tabel 1\n\nlabel\n\nab\xffcd\xfe\n").unwrap();
    assert_eq!(decoded.encoding, "windows-1252");
    assert!(decoded.text.contains("abÿcdþ"), "every byte maps in Windows-1252");
    assert_eq!(decoded.warnings[0].location.line, Some(5));
    let shift_jis =
        begroting::source::decode(Path::new("x.html"), b"<meta charset=\"shift_jis\">\n<p>\x82\xa0\x81</p>")
            .unwrap();
    assert_eq!(shift_jis.encoding, "Shift_JIS");
    assert!(
        shift_jis.warnings.iter().any(|w| w.message.contains("replaced by U+FFFD")),
        "{:?}",
        shift_jis.warnings
    );
}
