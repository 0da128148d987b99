//! End-to-end tests of `begroting check`: exit codes, the seed's one totals inconsistency, the
//! placement rule and overrides, expectation files, golden outputs, JSON and JUnit findings, and
//! checking a finished output directory.

use std::path::Path;
use std::process::Output;

mod common;
use common::{begroting, fixture};

/// `begroting check` on the seed page with its overrides file and the extra arguments.
fn check_seed_with_overrides(extra: &[&str], directory: &Path) -> Output {
    let mut arguments = vec!["check", "veiligheidsagenda-owb-2022-VI.txt", "--overrides", "overrides.json"];
    arguments.extend_from_slice(extra);
    begroting(&arguments, directory)
}

fn seed_workspace() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    for name in ["veiligheidsagenda-owb-2022-VI.txt", "veiligheidsagenda-owb-2022-VI.url"] {
        std::fs::copy(fixture(&format!("text/{name}")), work.path().join(name)).unwrap();
    }
    std::fs::copy(
        fixture("overrides/veiligheidsagenda-owb-2022-VI.json"),
        work.path().join("overrides.json"),
    )
    .unwrap();
    work
}

fn findings(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_seed_has_one_totals_inconsistency_and_three_unsettled_rows() {
    let work = seed_workspace();
    let output = begroting(
        &["check", "veiligheidsagenda-owb-2022-VI.txt", "--json", "f.json", "--junit", "f.xml"],
        work.path(),
    );
    assert_eq!(output.status.code(), Some(1), "inferred placements fail the check");
    let report = findings(&work.path().join("f.json"));
    let all = report["findings"].as_array().unwrap();
    let totals: Vec<_> = all.iter().filter(|f| f["rule"] == "totals").collect();
    assert_eq!(totals.len(), 1, "exactly one totals finding: {totals:#?}");
    let message = totals[0]["message"].as_str().unwrap();
    assert!(message.contains("\"Totale inzet\"") && message.contains("\"Realisatie 2020\""), "{message}");
    assert!(
        message.contains("printed as 478") && message.contains("sum to 442 (113 + 14 + 315)"),
        "{message}"
    );
    assert!(
        message.contains("inconsistency in the source document itself, not an extraction error"),
        "{message}"
    );
    assert_eq!(totals[0]["severity"], "warning");
    assert_eq!(totals[0]["location"]["column_index"], 1);
    let placement: Vec<&str> =
        all.iter().filter(|f| f["rule"] == "placement").map(|f| f["message"].as_str().unwrap()).collect();
    assert_eq!(placement.len(), 3);
    assert!(placement[0].contains("Conservatoir beslag"));
    let footnotes: Vec<_> = all.iter().filter(|f| f["rule"] == "footnotes").collect();
    assert_eq!(footnotes.len(), 1, "the \"*\" has no note");
    let xml = std::fs::read_to_string(work.path().join("f.xml")).unwrap();
    assert!(
        xml.starts_with("<?xml") && xml.contains("<testsuite name=\"placement\" tests=\"1\" failures=\"1\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<testsuite name=\"totals\" tests=\"1\" failures=\"0\">"),
        "a warning does not fail by default"
    );

    let settled = check_seed_with_overrides(&[], work.path());
    assert_eq!(settled.status.code(), Some(0), "{}", String::from_utf8_lossy(&settled.stderr));
    let strict = check_seed_with_overrides(&["--fail-on", "warning", "-q"], work.path());
    assert_eq!(strict.status.code(), Some(1), "the totals warning fails with --fail-on warning");
}

#[test]
fn expectation_files_pass_fail_and_accept() {
    let work = seed_workspace();
    std::fs::write(
        work.path().join("good.toml"),
        r#"
[run]
min_documents = 1
min_cells = 64

[[document]]
source = "veiligheidsagenda-owb-2022-VI"
year = 2022
doc_type = "OWB"
chapter = "VI"

[[document.table]]
number = "2"
columns = ["Realisatie 2019", "Realisatie 2020", "Norm 2021", "Norm 2022"]
rows = ["Aantal aangepakte CSV's", "Totale inzet"]
min_rows = 16

[[document.table.cell]]
row = "Aantal aangepakte CSV's"
column = "Realisatie 2019"
raw = "1.522"
value = 1522

[[document.accept]]
rule = "placement"
reason = "The three rows whose empty cells vanished; see fixtures/overrides."
"#,
    )
    .unwrap();
    let output = begroting(
        &["check", "veiligheidsagenda-owb-2022-VI.txt", "--expect", "good.toml", "--json", "f.json"],
        work.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(findings(&work.path().join("f.json"))["accepted"].as_array().unwrap().len(), 3);

    std::fs::write(
        work.path().join("bad.toml"),
        "[[document]]\nsource = \"veiligheidsagenda\"\n[[document.table]]\nnumber = \"2\"\n[[document.table.cell]]\nrow = \"Totale inzet\"\ncolumn = \"Realisatie 2020\"\nvalue = 442\n",
    )
    .unwrap();
    let output = check_seed_with_overrides(&["--expect", "bad.toml"], work.path());
    assert_eq!(output.status.code(), Some(1));
    // Findings on stdout (for `| grep`), the summary on stderr.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("expected the value 442, found Some(478.0) (printed \"478\")"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("begroting check: 1 documents;"));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("begroting check:"));

    std::fs::write(work.path().join("broken.toml"), "[[document]]\nsourc = 1\n").unwrap();
    let output =
        begroting(&["check", "veiligheidsagenda-owb-2022-VI.txt", "--expect", "broken.toml"], work.path());
    assert_eq!(output.status.code(), Some(2), "a broken expectation file means the check could not run");
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.toml, line 2"));
}

#[test]
fn golden_outputs_report_changed_cells_readably() {
    let work = seed_workspace();
    let update = check_seed_with_overrides(&["--golden", "golden", "--update"], work.path());
    assert_eq!(update.status.code(), Some(0), "{}", String::from_utf8_lossy(&update.stderr));
    assert!(work.path().join("golden/cells.json").is_file());
    let same = check_seed_with_overrides(&["--golden", "golden"], work.path());
    assert_eq!(same.status.code(), Some(0));

    let page = work.path().join("veiligheidsagenda-owb-2022-VI.txt");
    let text = std::fs::read_to_string(&page).unwrap().replace("\n478\n", "\n442\n");
    std::fs::write(&page, text).unwrap();
    let changed = check_seed_with_overrides(&["--golden", "golden"], work.path());
    assert_eq!(changed.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&changed.stdout);
    assert!(
        stdout.contains("changed: table 0 (Tabel 2 Veiligheidsagenda 2019-2022), row \"Totale inzet\", column \"Realisatie 2020\": \"478\" → \"442\""),
        "{stdout}"
    );
    // A missing input is a mistake in the command: exit 2, as for any check that could not run.
    let missing = begroting(&["check", "missing.txt"], work.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("input not found: missing.txt"));
}

#[test]
fn a_finished_output_directory_is_checked_without_extracting_again() {
    let work = seed_workspace();
    let extract = begroting(
        &["extract", "veiligheidsagenda-owb-2022-VI.txt", "-o", "out", "--overrides", "overrides.json", "-q"],
        work.path(),
    );
    assert_eq!(extract.status.code(), Some(0));
    std::fs::remove_file(work.path().join("veiligheidsagenda-owb-2022-VI.txt")).unwrap();
    let output = begroting(&["check", "out", "--json", "f.json"], work.path());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let report = findings(&work.path().join("f.json"));
    assert_eq!(report["documents"], 1);
    assert_eq!(report["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "totals").count(), 1);
}

#[test]
fn an_override_that_settles_nothing_is_a_finding() {
    let work = seed_workspace();
    std::fs::write(
        work.path().join("typo.json"),
        r#"{"overrides": [{"document": "veiligheidsagneda-owb-2022-VI", "table": "2", "row": "Totale inzet", "cells": ["1", "", "", ""]}]}"#,
    )
    .unwrap();
    let output = begroting(
        &["check", "veiligheidsagenda-owb-2022-VI.txt", "--overrides", "typo.json", "--fail-on", "warning"],
        work.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("warning[overrides]") && stdout.contains("matches no document of this run"),
        "{stdout}"
    );
}
