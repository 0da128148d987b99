//! The long format as a dataset analysts sum and join: units as numbers (multiplier, currency,
//! kind, scaled value), column measures and row articles, and document ids that stay the same
//! however the input path is typed and differ for every input file. Values are the pages' own.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{begroting, fixture};

use begroting::frame::{CellRecord, cell_records};
use begroting::normalize::unit::parse_unit;
use begroting::pipeline::{ExtractOptions, extract_path};

fn records_of(name: &str) -> Vec<CellRecord> {
    cell_records(&extract_path(&fixture(name), None, &ExtractOptions::default()).expect("reads"))
}

fn cell<'r>(records: &'r [CellRecord], label: &str, column: u32) -> &'r CellRecord {
    records
        .iter()
        .find(|r| r.row_label == label && r.column_index == column)
        .unwrap_or_else(|| panic!("no cell of \"{label}\" in column {column}"))
}

/// The seed's Tabel 2 (fixtures/text/veiligheidsagenda-owb-2022-VI.txt) mixes counts, a
/// percentage and an amount in one table, each stated by the row: line 51 "Conservatoir beslag
/// (in mln. euro’s)" with 180 under Realisatie 2019 (line 53); line 43 "1.522" aangepakte CSV's;
/// line 201 "51%" positief afgedane dossiers.
#[test]
fn the_seed_states_its_units_per_row() {
    let records = records_of("text/veiligheidsagenda-owb-2022-VI.txt");
    let beslag = cell(&records, "Conservatoir beslag (in mln. euro’s)", 0);
    assert_eq!(beslag.raw, "180");
    assert_eq!(beslag.unit.as_deref(), Some("in mln. euro’s"));
    assert_eq!(beslag.unit_multiplier, Some(1_000_000));
    assert_eq!(beslag.unit_currency.as_deref(), Some("EUR"));
    assert_eq!(beslag.unit_kind.as_deref(), Some("amount"));
    assert_eq!(beslag.value_scaled, Some(180_000_000.0));
    assert_eq!(beslag.column_measure.as_deref(), Some("realisatie"));

    let csvs = cell(&records, "Aantal aangepakte CSV's", 0);
    assert_eq!((csvs.raw.as_str(), csvs.value), ("1.522", Some(1522.0)));
    assert_eq!(csvs.unit_kind.as_deref(), Some("count"));
    assert_eq!(csvs.value_scaled, None, "counts are not scaled into euros");

    let dossiers = cell(&records, "Positief afgedane dossiers", 0);
    assert_eq!((dossiers.raw.as_str(), dossiers.value), ("51%", Some(51.0)));
    assert_eq!(dossiers.unit.as_deref(), Some("%"));
    assert_eq!(dossiers.unit_kind.as_deref(), Some("percent"));
    assert_eq!(dossiers.value_scaled, None);
}

/// fixtures/corpus/pages/028.txt prints the unit as a header part of its amount column ("(x €
/// 1.000)", line 9); "Interim management" (line 13) has 8 in it (line 15): 8 000 euros.
#[test]
fn a_column_states_its_own_unit() {
    let records = records_of("corpus/pages/028.txt");
    let interim = cell(&records, "Interim management", 0);
    assert_eq!(interim.raw, "8");
    assert_eq!(interim.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(interim.unit_multiplier, Some(1_000));
    assert_eq!(interim.value_scaled, Some(8_000.0));
}

/// The fixture folders whose documents the unit list covers.
const SETS: [&str; 6] = ["text", "html", "corpus/pages", "xml", "wild/dev", "wild/validation"];

/// Multiplier, currency and kind of a unit phrase.
type Meaning = (i64, Option<&'static str>, &'static str);

/// Every unit phrase the bundled pages print, and what it means: a new spelling in a fixture
/// fails here until it is read (or named unknown) on purpose.
#[test]
fn every_unit_phrase_of_the_fixtures_is_read() {
    let eur = Some("EUR");
    let expected: BTreeMap<&str, Option<Meaning>> = [
        ("x € 1.000", Some((1_000, eur, "amount"))),
        ("x € 1 000", Some((1_000, eur, "amount"))),
        // Round w (session 24): units printed with the word "bedragen" kept as read, one in
        // millions (w1_04, Tabel 13.1, "in mln. euro") and one in euros (w4_04, Tabel 92, "in €").
        ("bedragen x € 1.000", Some((1_000, eur, "amount"))),
        ("in mln. euro", Some((1_000_000, eur, "amount"))),
        ("in €", Some((1, eur, "amount"))),
        // Round x (session 25): a capital X (x2_04, "(bedragen X € 1.000)").
        ("X € 1.000", Some((1_000, eur, "amount"))),
        ("x € 1000", Some((1_000, eur, "amount"))),
        ("x €1000", Some((1_000, eur, "amount"))),
        ("x €1.000", Some((1_000, eur, "amount"))),
        ("x € 1 mln.", Some((1_000_000, eur, "amount"))),
        ("x € 1 mln", Some((1_000_000, eur, "amount"))),
        ("x € 1 miljoen", Some((1_000_000, eur, "amount"))),
        ("x EUR 1.000", Some((1_000, eur, "amount"))),
        ("x EUR 1 000", Some((1_000, eur, "amount"))),
        ("in EUR 1.000", Some((1_000, eur, "amount"))),
        ("in EUR 1 000", Some((1_000, eur, "amount"))),
        ("in € 1 000", Some((1_000, eur, "amount"))),
        ("in € 1.000", Some((1_000, eur, "amount"))),
        ("in € miljoen", Some((1_000_000, eur, "amount"))),
        ("in € 1 mln.", Some((1_000_000, eur, "amount"))),
        ("€ mln.", Some((1_000_000, eur, "amount"))),
        ("Bedragen € 1.000", Some((1_000, eur, "amount"))),
        // Wild page b4_05 (JV 2013 XIII, line 238): amounts, the currency unprinted.
        ("Bedragen x 1.000", Some((1_000, None, "amount"))),
        // Wild page b3_02 (VJN 2014, line 44): thousands of people.
        ("in duizenden personen, nationale definitie", Some((1_000, None, "count"))),
        ("in duizenden euro", Some((1_000, eur, "amount"))),
        ("In miljoenen euro", Some((1_000_000, eur, "amount"))),
        ("Miljoenen euro", Some((1_000_000, eur, "amount"))),
        ("In miljoenen euro's", Some((1_000_000, eur, "amount"))),
        // Round z (session 27): a unit with the sign's meaning after it (z2_04, z2_07 EMU
        // tables: "in miljoenen euro, + is overschot").
        ("in miljoenen euro, + is overschot", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro, + is uitgave", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro’s", Some((1_000_000, eur, "amount"))),
        ("In miljoenen euro's (excl. HGIS)", Some((1_000_000, eur, "amount"))),
        ("In miljoenen euro (excl. HGIS)", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro, plus = uitgave", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro, – is kasuitgave / kastekort", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro, min = uitgave/tekort", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro (in lopende prijzen; min betekent uitgaven", Some((1_000_000, eur, "amount"))),
        ("in mln. euro’s", Some((1_000_000, eur, "amount"))),
        ("x € 1 miljard", Some((1_000_000_000, eur, "amount"))),
        // Wild u2_01, FJR 2007 Tabel 3.1 and 3.2: "(x € miljard)".
        ("x € miljard", Some((1_000_000_000, eur, "amount"))),
        // Wild pages t1_07 (FJR 2007, line 18) and t1_06 (MN 2006, line 10): a note after the unit.
        ("x miljard euro, min betekent onderschrijding", Some((1_000_000_000, eur, "amount"))),
        ("x € miljoen; in lopende prijzen; min betekent uitgaven", Some((1_000_000, eur, "amount"))),
        // Wild pages s1_08 (JV 2012 VII saldibalans, line 7) and t3_01 (OWB 2019 IIB, a header
        // cell): the amount's ",-" after the thousand.
        ("x € 1.000,-", Some((1_000, eur, "amount"))),
        ("x € 1.000,–", Some((1_000, eur, "amount"))),
        ("in miljarden euro", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro's", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro’s", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro; – is saldoverbeterend", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro, min = onderschrijding", Some((1_000_000_000, eur, "amount"))),
        // Wild f1_05's caption ends "(min is onderschrijding)"; its closing bracket is read as the
        // unit's own.
        ("in miljarden euro (min is onderschrijding", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro, min = tekort", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro, tenzij anders aangegeven", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro; «–» is onderschrijding", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro; «-» is onderschrijding", Some((1_000_000_000, eur, "amount"))),
        // Wild v2_08 (Najaarsnota 2012, Tabel 2.1) prints its closing quote the wrong way round.
        ("in miljarden euro; «-« is onderschrijding", Some((1_000_000_000, eur, "amount"))),
        ("in miljarden euro; – is onderschrijding", Some((1_000_000_000, eur, "amount"))),
        ("In miljarden euro’s, + is saldobelastend", Some((1_000_000_000, eur, "amount"))),
        // Wild page m1_01 prints "€ mln" over figures that are thousands; the unit is read as printed.
        ("in € mln", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro's", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro", Some((1_000_000, eur, "amount"))),
        ("in € mln.", Some((1_000_000, eur, "amount"))),
        // Wild h2_08's last column, "Verschil 2028-2023 in mld.", beside columns in millions.
        ("in mld.", Some((1_000_000_000, None, "amount"))),
        ("in € 1000", Some((1_000, eur, "amount"))),
        ("in miljarden euro; + is schuldverhogend", Some((1_000_000_000, eur, "amount"))),
        ("in mld. euro's", Some((1_000_000_000, eur, "amount"))),
        ("in mld", Some((1_000_000_000, None, "amount"))),
        ("mld", Some((1_000_000_000, None, "amount"))),
        ("€ miljoen", Some((1_000_000, eur, "amount"))),
        // Wild e1_02's column headers "(€ mln)" beside "(% verantwoord bedrag)".
        ("€ mln", Some((1_000_000, eur, "amount"))),
        ("%", Some((1, None, "percent"))),
        ("in procenten bbp", Some((1, None, "percent"))),
        // Round y (session 26): units as column headings (y2_04, "Miljoenen euro" beside
        // "Procenten bbp").
        ("Procenten bbp", Some((1, None, "percent"))),
        ("in % bbp", Some((1, None, "percent"))),
        ("in % BBP", Some((1, None, "percent"))),
        ("in %BBP", Some((1, None, "percent"))),
        ("Aantal", Some((1, None, "count"))),
        ("Aantallen", Some((1, None, "count"))),
        // Wild q1_07's sub-columns "aantal" and "bedrag" under each year.
        ("aantal", Some((1, None, "count"))),
        ("fte", Some((1, None, "fte"))),
        ("Fte", Some((1, None, "fte"))),
        // Round a (session 29): a1_07's caption "(Bedragen in EUR 1.000)" (line 5); a4_05's
        // unit lines "(in miljoenen euro, – is tekort)" (line 9), "(in miljoen euro, – is
        // uitgave)" (line 59) and the label "EMU-schuldquote (procent bbp)" (line 157).
        ("Bedragen in EUR 1.000", Some((1_000, eur, "amount"))),
        ("in miljoen euro, – is uitgave", Some((1_000_000, eur, "amount"))),
        ("in miljoenen euro, – is tekort", Some((1_000_000, eur, "amount"))),
        ("procent bbp", Some((1, None, "percent"))),
        // a6_08's caption "(Bedragen in x € 1.000)" (line 9); validation a8_04's "Tabel 4.11
        // Kadertoetsing (in € miljard)" (line 26).
        ("in x € 1.000", Some((1_000, eur, "amount"))),
        ("in € miljard", Some((1_000_000_000, eur, "amount"))),
        // a7_04's unit line where the stub header stands, "In mln. euro's" (line 13).
        ("In mln. euro's", Some((1_000_000, eur, "amount"))),
    ]
    .into_iter()
    .collect();
    let mut seen: BTreeMap<String, Option<(i64, Option<String>, String)>> = BTreeMap::new();
    for set in SETS {
        let entries = std::fs::read_dir(fixture(set)).unwrap_or_else(|e| panic!("fixtures/{set}: {e}"));
        for entry in entries.flatten() {
            let path = entry.path();
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "html" | "htm" | "xml")) {
                continue;
            }
            let document = extract_path(&path, None, &ExtractOptions::default())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for record in cell_records(&document) {
                if let Some(unit) = record.unit {
                    let meaning = record.unit_multiplier.map(|m| {
                        (m, record.unit_currency.clone(), record.unit_kind.clone().unwrap_or_default())
                    });
                    seen.insert(unit, meaning);
                }
            }
        }
    }
    let mut unlisted = Vec::new();
    for (phrase, meaning) in &seen {
        match expected.get(phrase.as_str()) {
            Some(wanted) => {
                let wanted = wanted.map(|(m, c, k)| (m, c.map(str::to_string), k.to_string()));
                assert_eq!(meaning, &wanted, "{phrase:?}");
                assert_eq!(
                    parse_unit(phrase).map(|m| m.multiplier),
                    wanted.as_ref().map(|w| w.0),
                    "{phrase:?}"
                );
            }
            None => unlisted.push(phrase.clone()),
        }
    }
    assert!(unlisted.is_empty(), "unit phrases printed in the fixtures but not listed here: {unlisted:?}");
    let unseen: Vec<&&str> = expected.keys().filter(|phrase| !seen.contains_key(**phrase)).collect();
    assert!(unseen.is_empty(), "listed here but printed in no fixture: {unseen:?}");
}

fn cells_json(output: &Path) -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(output.join("cells.json")).expect("cells.json")).unwrap()
}

fn ids_and_hashes(output: &Path) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = cells_json(output)
        .iter()
        .map(|c| (c["doc_id"].as_str().unwrap().to_string(), c["doc_sha256"].as_str().unwrap().to_string()))
        .collect();
    pairs.dedup();
    pairs
}

/// `./in`, `in/`, `in` and the absolute path name the same folder: the same ids; the ids are the
/// paths relative to it, extension kept, and the hash is the bytes' SHA-256.
#[test]
fn document_ids_do_not_depend_on_how_the_path_was_typed() {
    let work = tempfile::tempdir().unwrap();
    let inputs = work.path().join("in");
    std::fs::create_dir_all(inputs.join("2022")).unwrap();
    let seed = std::fs::read(fixture("text/veiligheidsagenda-owb-2022-VI.txt")).unwrap();
    std::fs::write(inputs.join("2022/seed.txt"), &seed).unwrap();
    let absolute = inputs.to_string_lossy().into_owned();
    let mut runs = Vec::new();
    for (index, typed) in ["in", "./in", "in/", absolute.as_str()].into_iter().enumerate() {
        let out = format!("out{index}");
        let output = begroting(&["extract", typed, "-o", &out, "--format", "json", "--quiet"], work.path());
        assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
        runs.push(ids_and_hashes(&work.path().join(out)));
    }
    assert_eq!(
        runs[0],
        [(
            "2022/seed.txt".to_string(),
            // `sha256sum fixtures/text/veiligheidsagenda-owb-2022-VI.txt`
            "6035f9a1a18a8c7638db18520236c3c3acfcc7ef1354c306d46d50a2265e5d0e".to_string()
        )]
    );
    for run in &runs[1..] {
        assert_eq!(run, &runs[0]);
    }
}

/// page.html and page.txt are two documents; so are a/x.txt and b/x.txt named side by side.
#[test]
fn every_input_file_has_its_own_id() {
    let work = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("text/veiligheidsagenda-owb-2022-VI.txt")).unwrap();
    for folder in ["a", "b"] {
        std::fs::create_dir(work.path().join(folder)).unwrap();
        std::fs::write(work.path().join(folder).join("x.txt"), &text).unwrap();
    }
    std::fs::write(work.path().join("a/page.txt"), &text).unwrap();
    std::fs::write(
        work.path().join("a/page.html"),
        "<table><caption>Tabel 1 Uitgaven</caption><tr><th></th><th>2021</th></tr><tr><td>Uitgaven</td><td>1.522</td></tr></table>",
    )
    .unwrap();
    let output = begroting(&["extract", "a", "b", "-o", "out", "--format", "json", "--quiet"], work.path());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut ids: Vec<String> =
        ids_and_hashes(&work.path().join("out")).into_iter().map(|(id, _)| id).collect();
    ids.dedup();
    // Relative to the folder named: page.html and page.txt keep their names (their extensions set
    // them apart); the two x.txt take one more folder each.
    assert_eq!(ids, ["page.html", "page.txt", "a/x.txt", "b/x.txt"]);
    let tables: Value =
        serde_json::from_str(&std::fs::read_to_string(work.path().join("out/tables.json")).unwrap()).unwrap();
    let hash = tables[0]["doc_sha256"].as_str().unwrap();
    assert_eq!(hash.len(), 64, "tables.json carries the hash too");
}
