//! End-to-end tests of `begroting extract` on bad and mixed inputs: each runs the binary in its own
//! temporary directory and asserts exit codes, the run report and the files written.

use std::path::Path;

mod common;
use common::begroting;

fn report(directory: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(directory.join("report.json")).expect("report.json written");
    serde_json::from_str(&text).expect("report.json is JSON")
}

const SMALL_TEXT_TABLE: &str = "Tabel 1 Uitgaven\n\nArtikel\n\n2021\n\n2022\n\nUitgaven\n\n1.522\n\n‒ 21,7\n";

#[test]
fn bad_documents_fail_alone_and_are_named() {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("a_good.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::write(inputs.join("b_empty.html"), b"").unwrap();
    std::fs::write(inputs.join("c_image.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(inputs.join("d_binary.txt"), b"\x01\x02\x03\x04\x05\x06\0\x07\x08").unwrap();
    std::fs::write(inputs.join("e_notes.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(inputs.join("e_notes.url"), b"https://www.rijksfinancien.nl/x").unwrap();

    let output = begroting(&["extract", "in", "-o", "out", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(2), "a failed document makes exit code 2");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("b_empty.html: the file is empty"), "{stderr}");
    assert!(stderr.contains("c_image.html: not a text document: PNG image"), "{stderr}");
    assert!(stderr.contains("d_binary.txt: not a text document: NUL bytes"), "{stderr}");

    let out = work.path().join("out");
    let entries = report(&out);
    let statuses: Vec<(String, String)> = entries
        .iter()
        .map(|e| {
            let source = e["source"].as_str().unwrap();
            let name = Path::new(source).file_name().unwrap().to_string_lossy().into_owned();
            (name, e["status"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("a_good.txt".to_string(), "ok".to_string()),
            ("b_empty.html".to_string(), "failed".to_string()),
            ("c_image.html".to_string(), "failed".to_string()),
            ("d_binary.txt".to_string(), "failed".to_string()),
            ("e_notes.pdf".to_string(), "skipped".to_string()),
        ],
        "every input once, in input order; the .url sidecar is not an input"
    );
    for name in ["cells.parquet", "tables.json", "report.json"] {
        assert!(out.join(name).is_file(), "{name} written");
    }
    assert!(!out.join("cells.json").exists(), "cells.json is written only when --format asks for json");
    let tables = std::fs::read_to_string(out.join("tables.json")).unwrap();
    for default in ["\"span_origin\":null", "\"flags\":[]", "\"markers\":[]", "\"value_kind\":\"empty\""] {
        assert!(!tables.contains(default), "tables.json leaves out {default}");
    }
    // The row "Uitgaven" on line 9, its figures two lines apart on lines 11 and 13, in the short
    // forms of docs/schema.md: what is not a default stays.
    assert!(
        tables.contains(r#"{"stub":["Uitgaven"],"cells":[["1.522",1522],["‒ 21,7",-21.7]],"kind":"data","line":9,"line_step":2}"#),
        "{tables}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
}

#[test]
fn a_run_without_failures_exits_zero_and_writes_chosen_formats() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    let output =
        begroting(&["extract", "page.txt", "-o", "out", "--format", "csv,ndjson", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let out = work.path().join("out");
    assert!(out.join("cells.csv").is_file());
    assert!(out.join("cells.ndjson").is_file());
    assert!(!out.join("cells.parquet").exists(), "only the chosen formats");
    let csv = std::fs::read_to_string(out.join("cells.csv")).unwrap();
    assert!(
        csv.starts_with(
            "doc_id,doc_sha256,source,url,year,doc_type,chapter,dossier,stuk,section,table_index,"
        ),
        "{csv}"
    );
}

#[test]
fn an_unknown_format_or_missing_input_is_an_error() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    let output = begroting(&["extract", "page.txt", "-o", "out", "--format", "xlsx"], work.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown format \"xlsx\""));

    // A path that is not there is a mistake in the command: exit 2, nothing written, not even
    // beside an input that is there.
    let output = begroting(&["extract", "page.txt", "missing.html", "-o", "out", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("input not found: missing.html; nothing was written"), "{stderr}");
    assert!(!work.path().join("out").exists(), "no output folder for a mistyped command");
}

#[test]
fn no_document_in_the_inputs_is_an_error_and_a_named_non_document_fails() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join("empty")).unwrap();
    std::fs::write(work.path().join("empty/notes.md"), "# notes").unwrap();
    let output = begroting(&["extract", "empty", "-o", "out", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no document found in empty"), "{stderr}");
    assert!(!work.path().join("out").exists());

    // Named by the user, a PDF is a failure (exit 2, in the report), not a quiet skip.
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::write(work.path().join("notes.pdf"), b"%PDF-1.4").unwrap();
    let output = begroting(&["extract", "page.txt", "notes.pdf", "-o", "out", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(2));
    let entries = report(&work.path().join("out"));
    assert_eq!(entries[0]["status"], "ok");
    assert_eq!(entries[1]["status"], "failed");
    assert!(
        entries[1]["error"].as_str().unwrap().contains("not a document this tool reads (extension \"pdf\"")
    );
}

#[test]
fn a_manifest_gives_addresses_and_metadata() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::write(
        work.path().join("paths.csv"),
        "path,url\npage.txt,https://www.rijksfinancien.nl/memorie-van-toelichting/2016/1SUPP/IX/onderdeel/d16e703\n",
    )
    .unwrap();
    let output =
        begroting(&["extract", "page.txt", "-o", "out", "--manifest", "paths.csv", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let tables: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("out/tables.json")).unwrap()).unwrap();
    assert_eq!(tables[0]["meta"]["year"], 2016);
    assert_eq!(tables[0]["meta"]["doc_type"], "1SUPP");
    assert_eq!(tables[0]["meta"]["chapter"], "IX");
}

#[test]
fn a_directory_of_someone_elses_files_is_refused_unless_forced() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::create_dir(work.path().join("out")).unwrap();
    std::fs::write(work.path().join("out/thesis.docx"), "precious").unwrap();
    std::fs::write(work.path().join("out/.gitkeep"), "").unwrap();
    let refused = begroting(&["extract", "page.txt", "-o", "out", "--quiet"], work.path());
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("holds files begroting did not write (thesis.docx)"), "{stderr}");
    assert!(!work.path().join("out/cells.json").exists(), "nothing written");
    let forced = begroting(&["extract", "page.txt", "-o", "out", "--quiet", "--force"], work.path());
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(work.path().join("out/thesis.docx")).unwrap(), "precious");
    let again = begroting(&["extract", "page.txt", "-o", "out", "--quiet", "--force"], work.path());
    assert_eq!(again.status.code(), Some(0), "a directory of our own output is reused");
}

#[test]
fn show_check_and_the_review_page_work_on_official_xml() {
    // The Defensie begrotingsstaten 2027 (Kamerstuk 37 020 X, nr. 1) in the government's XML.
    let work = tempfile::tempdir().unwrap();
    let xml = common::fixtures().join("xml/kst-37020-X-1.xml");
    let xml = xml.to_str().unwrap();

    let shown = begroting(&["show", xml], work.path());
    assert_eq!(shown.status.code(), Some(0), "{}", String::from_utf8_lossy(&shown.stderr));
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(shown.contains("(2 tables)"), "{shown}");
    assert!(shown.contains("chapter X"), "{shown}");

    let extracted =
        begroting(&["extract", xml, "-o", "out", "--quiet", "--html", "review.html"], work.path());
    assert_eq!(extracted.status.code(), Some(0), "{}", String::from_utf8_lossy(&extracted.stderr));
    let review = std::fs::read_to_string(work.path().join("review.html")).expect("review page written");
    assert!(review.contains("Paresto"), "the review page shows the agency table beside its source lines");

    let checked = begroting(&["check", "out"], work.path());
    assert_eq!(checked.status.code(), Some(0), "{}", String::from_utf8_lossy(&checked.stdout));
}

#[test]
fn an_override_for_no_document_of_the_run_is_named() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("page.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::write(
        work.path().join("o.json"),
        r#"{"overrides": [{"document": "pgae", "table": "1", "row": "Uitgaven", "cells": ["1.522", "‒ 21,7"]}]}"#,
    )
    .unwrap();
    let output =
        begroting(&["extract", "page.txt", "-o", "out", "--overrides", "o.json", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("o.json, entry 1 (document \"pgae\", table \"1\", row \"Uitgaven\") matches no document of this run (unused_override)"),
        "{stderr}"
    );
    // The report accounts for the overrides file as an input of the run, with the same warning.
    let entries = report(&work.path().join("out"));
    assert_eq!(entries.len(), 2, "the overrides file and the page");
    assert_eq!(entries[0]["input"], "overrides");
    assert_eq!(entries[0]["source"], "o.json");
    assert_eq!(entries[0]["warnings_by_kind"]["unused_override"], 1);
    assert!(entries[0]["warnings"][0].as_str().unwrap().contains("document \"pgae\""), "{}", entries[0]);
    assert_eq!(entries[1]["input"], "document");
    assert_eq!(entries[1]["source"], "page.txt");
}

#[cfg(unix)]
#[test]
fn links_are_followed_and_a_link_loop_is_reported() {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("in");
    std::fs::create_dir_all(inputs.join("a")).unwrap();
    std::fs::create_dir_all(work.path().join("elsewhere")).unwrap();
    std::fs::write(work.path().join("elsewhere/linked.txt"), SMALL_TEXT_TABLE).unwrap();
    std::fs::write(inputs.join("a/page.txt"), SMALL_TEXT_TABLE).unwrap();
    std::os::unix::fs::symlink(work.path().join("elsewhere"), inputs.join("b")).unwrap();
    std::os::unix::fs::symlink(&inputs, inputs.join("a/loop")).unwrap();
    let output = begroting(&["extract", "in", "-o", "out", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(2), "the loop is a failed entry");
    let entries = report(&work.path().join("out"));
    let ok: Vec<&str> =
        entries.iter().filter(|e| e["status"] == "ok").map(|e| e["source"].as_str().unwrap()).collect();
    assert_eq!(ok, ["in/a/page.txt", "in/b/linked.txt"], "the linked folder is walked");
    let failed: Vec<&serde_json::Value> = entries.iter().filter(|e| e["status"] == "failed").collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["error"].as_str().unwrap().contains("loops back"), "{:?}", failed[0]);
}
