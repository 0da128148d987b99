//! Hostile and broken inputs: each is failed or flagged with a reason a person understands, none
//! panics or hangs, and a batch mixing them with good documents extracts the good ones. The table
//! in docs/robustness.md lists the same inputs; keep them in step.

use std::path::Path;
use std::process::Command;

use begroting::pipeline::{Document, ExtractOptions, extract_bytes};
use begroting::{ErrorKind, WarningKind};

fn extract(name: &str, bytes: &[u8]) -> Result<Document, begroting::Error> {
    extract_bytes(Path::new(name), bytes, None, &ExtractOptions::default())
}

fn has_warning(document: &Document, kind: WarningKind) -> bool {
    document.warnings.iter().any(|warning| warning.kind == kind)
}

#[test]
fn span_bombs_are_clamped_as_browsers_clamp_them() {
    let page = "<table><tr><th>Artikel</th><th colspan=\"100000\" rowspan=\"100000\">2021</th></tr>\
                <tr><td>Uitgaven</td><td>1.522</td></tr></table>";
    let document = extract("bomb.html", page.as_bytes()).unwrap();
    assert!(has_warning(&document, WarningKind::SpanClamped), "{:?}", document.warnings);
    for table in &document.tables {
        // The stub column, 1000 columns under the clamped colspan, and the column of "1.522".
        assert!(table.columns.len() <= 1001, "colspan clamped to 1000: {} columns", table.columns.len());
        assert!(table.rows.iter().all(|row| row.cells.len() == table.columns.len()), "rectangular");
    }
}

#[test]
fn deep_nesting_is_bounded_not_a_stack_overflow() {
    let page = format!(
        "{}<table><tr><td>a</td><td>1</td></tr></table>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let document = extract("deep.html", page.as_bytes()).unwrap();
    let warning = document
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LimitReached)
        .expect("the limit is reported");
    assert!(warning.message.contains("nest deeper than 512 levels"), "{}", warning.message);
    let nested_tables = "<table><tr><td>".repeat(20_000) + "x" + &"</td></tr></table>".repeat(20_000);
    assert!(extract("tables.html", nested_tables.as_bytes()).is_ok());
}

#[test]
fn garbage_fails_with_a_reason() {
    let cases: [(&str, &[u8], &str); 6] = [
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", "PNG image"),
        ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("archive.txt", b"PK\x03\x04\x14\0\0\0\x08\0", "ZIP archive"),
        ("empty.html", b"", "empty"),
        ("blank.txt", b" \n\n \n\t\n", "empty"),
        ("noise.txt", &[0x13, 0x88, 0x00, 0xfe, 0x07, 0x01, 0x9a, 0x00, 0x02, 0x03], "not a text document"),
    ];
    for (name, bytes, reason) in cases {
        let error = extract(name, bytes).expect_err(name);
        assert!(error.to_string().contains(reason), "{name}: {error}");
        assert!(matches!(error.kind, ErrorKind::Empty | ErrorKind::Binary { .. }), "{name}");
    }
    // Random bytes from a fixed seed: failed as binary, or read as Windows-1252 text with a
    // warning; never a panic.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    match extract("random.txt", &random) {
        Err(error) => assert!(matches!(error.kind, ErrorKind::Binary { .. })),
        Ok(document) => assert!(has_warning(&document, WarningKind::InvalidEncoding)),
    }
}

#[test]
fn error_pages_and_truncated_files_are_read_or_flagged() {
    let error_page = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Pagina niet gevonden</h1><p>De pagina bestaat niet.</p></body></html>";
    let document = extract("missing.html", error_page.as_bytes()).unwrap();
    assert!(document.tables.is_empty(), "an error page has no tables and is no error");

    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html/veiligheidsagenda-owb-2022-VI.html"),
    )
    .unwrap();
    let cut = seed.find("1.529").expect("the seed holds 1.529") + 3;
    let mid_table = extract("cut.html", &seed.as_bytes()[..cut]).unwrap();
    assert_eq!(mid_table.tables.len(), 1);
    assert!(mid_table.tables[0].truncated, "a page cut inside its table is flagged truncated");
    assert!(has_warning(&mid_table, WarningKind::TruncatedTable));
    let inside_tag = seed.find(">1.522<").expect("the seed holds 1.522") - 5; // within <td class="number">
    let mid_tag = extract("cut-tag.html", &seed.as_bytes()[..inside_tag]).unwrap();
    assert!(mid_tag.tables.iter().all(|t| t.truncated), "cut inside a tag: still flagged, never a panic");
}

#[test]
fn a_batch_of_garbage_and_good_documents_extracts_the_good_ones() {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    std::fs::copy(fixtures.join("text/veiligheidsagenda-owb-2022-VI.txt"), inputs.join("a_seed.txt"))
        .unwrap();
    std::fs::write(inputs.join("b_image.html"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::fs::write(inputs.join("c_deep.html"), "<div>".repeat(50_000)).unwrap();
    std::fs::write(inputs.join("d_blank.txt"), " \n\n".repeat(10_000)).unwrap();
    std::fs::copy(fixtures.join("html/veiligheidsagenda-owb-2022-VI.html"), inputs.join("e_seed.html"))
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_begroting"))
        .args(["extract", "in", "-o", "out", "--quiet"])
        .current_dir(work.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("out/report.json")).unwrap()).unwrap();
    let statuses: Vec<&str> = report.iter().map(|e| e["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["ok", "failed", "ok", "failed", "ok"]);
    assert_eq!(report[0]["cells"], 64);
    assert_eq!(report[4]["cells"], 64);
}

#[test]
fn a_document_over_the_limit_fails_without_being_read() {
    let work = tempfile::tempdir().unwrap();
    let big = work.path().join("big.txt");
    std::fs::write(&big, "Uitgaven 1.522 ".repeat(100)).unwrap();
    let error = begroting::source::read_bytes_limited(&big, 1000).unwrap_err();
    assert!(matches!(error.kind, ErrorKind::TooLarge { limit: 1000 }));
    assert!(
        error.to_string().contains("larger than 1000 bytes")
            && error.to_string().contains("--max-document-mb")
    );
    // A gzip bomb: small on disk, past the limit once unpacked.
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&vec![b' '; 100_000]).unwrap();
    let packed = work.path().join("bomb.txt.gz");
    std::fs::write(&packed, encoder.finish().unwrap()).unwrap();
    assert!(std::fs::metadata(&packed).unwrap().len() < 1000);
    let error = begroting::source::read_bytes_limited(&packed, 1000).unwrap_err();
    assert!(matches!(error.kind, ErrorKind::TooLarge { .. }), "{error}");
}
