//! The review page opened in a real headless Chromium: the seed's Tabel 2 is shown with its three
//! rows placed by inference and the totals finding on "Totale inzet". The counts at the top of the
//! page are computed by the page's own script, so they only appear when a browser ran it.
//!
//! Needs Chromium (`/usr/bin/chromium`, Debian's package): `.ci/run` installs it and runs this test
//! with `--ignored`; without Chromium the test fails with a message saying so.

use std::path::Path;
use std::process::Command;

fn chromium() -> &'static str {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(candidate).exists() {
            return candidate;
        }
    }
    panic!("Chromium is not installed (apt-get install chromium); .ci/run installs it");
}

#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this test"]
fn seed_review_page_in_chromium() {
    let work = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text/veiligheidsagenda-owb-2022-VI.txt");
    let page = work.path().join("review.html");
    let status = Command::new(env!("CARGO_BIN_EXE_begroting"))
        .args(["check", seed.to_str().unwrap(), "--quiet", "--html", page.to_str().unwrap()])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the three inferred rows fail the placement rule");

    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.path().display()),
            "--dump-dom",
            &format!("file://{}", page.display()),
        ])
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("Tabel 2 Veiligheidsagenda 2019-2022"), "the table's caption is shown");
    assert!(dom.contains("<span id=\"count-tables\">1</span>"), "the page script ran and counted one table");
    assert!(dom.contains("<span id=\"count-flagged-rows\">3</span>"), "three rows placed by inference");
    for label in [
        "Conservatoir beslag (in mln. euro’s)",
        "Aantal gemelde slachtoffers bij Comensha",
        "Aantal complexe onderzoeken",
    ] {
        let row_start =
            dom.find(&format!("<td class=\"label\">{label}")).unwrap_or_else(|| panic!("row {label} shown"));
        let row_open = dom[..row_start].rfind("<tr").unwrap();
        assert!(dom[row_open..row_start].contains("data-inferred=\"true\""), "{label} is flagged");
        let row_end = row_start + dom[row_start..].find("</tr>").unwrap();
        assert!(dom[row_start..row_end].contains("column_inferred"), "{label}'s cells are highlighted");
    }
    let totals = dom.find("data-rule=\"totals\"").expect("the totals finding is shown");
    let finding = &dom[totals..totals + dom[totals..].find("</li>").unwrap()];
    assert!(
        finding.contains("Totale inzet")
            && finding.contains("printed as 478")
            && finding.contains("sum to 442"),
        "{finding}"
    );
    assert!(dom.contains("\"row\": \"Aantal complexe onderzoeken\""), "an overrides entry to paste");
}
