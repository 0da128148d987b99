//! The HTML reader through the whole pipeline, on the fixtures under `fixtures/html/`: each test
//! reads one fixture (a missing fixture fails, it never skips) and asserts the values printed in
//! it.

use std::path::PathBuf;

use begroting::pipeline::{extract_path, Document, ExtractOptions};
use begroting::{CellFlag, RowKind, Table, TableKind, ValueKind, WarningKind};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/html").join(name)
}

fn extract(name: &str) -> Document {
    let path = fixture(name);
    assert!(path.exists(), "fixture {} is missing", path.display());
    extract_path(&path, None, &ExtractOptions::default()).expect("the fixture reads")
}

fn only_table(document: &Document) -> &Table {
    assert_eq!(document.tables.len(), 1, "tables: {:#?}", document.tables.iter().map(|t| &t.title).collect::<Vec<_>>());
    &document.tables[0]
}

fn headers(table: &Table) -> Vec<String> {
    table.columns.iter().map(|column| column.header()).collect()
}

fn labels(table: &Table) -> Vec<&str> {
    table.rows.iter().map(|row| row.label.as_str()).collect()
}

fn texts(table: &Table, row: usize) -> Vec<&str> {
    table.rows[row].cells.iter().map(|cell| cell.text.as_str()).collect()
}

fn kinds(table: &Table) -> Vec<RowKind> {
    table.rows.iter().map(|row| row.kind).collect()
}

/// The seed page's Tabel 2, as the truth file gives it: (group, label, markers, cells).
const VEILIGHEIDSAGENDA: &[(&str, &str, &[&str], [&str; 4])] = &[
    ("Ondermijning", "Aantal aangepakte CSV's", &[], ["1.522", "1.529", "1.370", ""]),
    ("Ondermijning", "Conservatoir beslag (in mln. euro’s)", &[], ["", "", "180", ""]),
    ("Mensenhandel", "Aantal gemelde slachtoffers bij Comensha", &["1"], ["975", "490", "", ""]),
    ("Mensenhandel", "Aantal OM-verdachten mensenhandel", &[], ["145", "187", "205", ""]),
    ("Mensenhandel", "Aantal complexe onderzoeken", &[], ["39", "7", "", ""]),
    ("Cybercrime", "Aantal cybercrime regulier", &[], ["381", "468", "310", ""]),
    ("Cybercrime", "wrv alternatieve of aanvullende interventies", &[], ["36", "38", "77", ""]),
    ("Cybercrime", "Aantal fenomeenonderzoeken", &[], ["21", "39", "41", ""]),
    ("Cybercrime", "wrv alternatieve of aanvullende interventies", &[], ["0", "0", "20", ""]),
    ("Cybercrime", "Aantal high tech crime onderzoeken", &["*"], ["19", "12", "20", ""]),
    ("Cybercrime", "Totaal aantal onderzoeken", &[], ["421", "519", "371", ""]),
    ("Online seksueel kindermisbruik", "Inzet gericht op misbruikers / vervaardigers", &[], ["193", "113", "100", ""]),
    ("Online seksueel kindermisbruik", "Inzet gericht op keyplayers (/ netwerken)", &[], ["15", "14", "15", ""]),
    ("Online seksueel kindermisbruik", "Inzet gericht op bezitters / verspreiders", &[], ["632", "315", "400", ""]),
    ("Online seksueel kindermisbruik", "Totale inzet", &[], ["840", "478", "515", ""]),
    ("Executie", "Positief afgedane dossiers", &["2"], ["51%", "26%", "40%", ""]),
];

#[test]
fn veiligheidsagenda_reads_as_the_true_table() {
    let document = extract("veiligheidsagenda-owb-2022-VI.html");
    assert_eq!(document.meta.year, Some(2022));
    assert_eq!(document.meta.doc_type.as_deref(), Some("OWB"));
    assert_eq!(document.meta.chapter.as_deref(), Some("VI"));
    // The navigation, breadcrumb and hidden search tables are not budget tables.
    let table = only_table(&document);
    assert_eq!(table.kind, TableKind::Budget);
    assert_eq!(table.number.as_deref(), Some("2"));
    assert_eq!(table.title.as_deref(), Some("Veiligheidsagenda 2019-2022"));
    assert_eq!(table.unit, None);
    assert_eq!(table.stub_header.as_deref(), Some("Beleidsafspraken"));
    assert_eq!(table.section.as_deref(), Some("2.2 Veiligheidsagenda"));
    assert_eq!(table.stub_columns, 1);
    assert_eq!(headers(table), ["Realisatie 2019", "Realisatie 2020", "Norm 2021", "Norm 2022"]);
    assert_eq!(table.columns[0].path, ["Realisatie", "2019"]);
    assert_eq!(table.columns.iter().map(|c| c.year()).collect::<Vec<_>>(), [Some(2019), Some(2020), Some(2021), Some(2022)]);

    let groups: Vec<&str> =
        table.rows.iter().filter(|row| row.kind == RowKind::Group).map(|row| row.label.as_str()).collect();
    assert_eq!(groups, ["Ondermijning", "Mensenhandel", "Cybercrime", "Online seksueel kindermisbruik", "Executie"]);
    let data: Vec<(usize, &begroting::Row)> =
        table.rows.iter().enumerate().filter(|(_, row)| row.kind.carries_data()).collect();
    assert_eq!(data.len(), 16);
    assert_eq!(table.rows.len(), 21);
    let mut cells_checked = 0;
    for ((index, row), (group, label, markers, cells)) in data.iter().zip(VEILIGHEIDSAGENDA) {
        assert_eq!(row.label, *label);
        assert_eq!(row.group.as_deref(), Some(*group), "group of {label}");
        assert_eq!(row.markers, *markers, "markers of {label}");
        assert_eq!(row.cells.len(), 4);
        for (cell, printed) in row.cells.iter().zip(cells) {
            assert_eq!(cell.text, *printed, "{label}");
            let expected_kind = if printed.is_empty() {
                ValueKind::Empty
            } else if printed.ends_with('%') {
                ValueKind::Percent
            } else {
                ValueKind::Number
            };
            assert_eq!(cell.value_kind, expected_kind, "{label}: {printed}");
            let expected_value = (!printed.is_empty())
                .then(|| printed.trim_end_matches('%').replace('.', "").parse::<f64>().unwrap());
            assert_eq!(cell.value, expected_value, "{label}: {printed}");
            assert!(cell.line.is_some(), "{label}: every printed cell has a line");
            cells_checked += 1;
        }
        let expected_kind = match *label {
            "Totaal aantal onderzoeken" | "Totale inzet" => RowKind::Total,
            l if l.starts_with("wrv") => RowKind::Waarvan,
            _ => RowKind::Data,
        };
        assert_eq!(row.kind, expected_kind, "{label}");
        if row.kind == RowKind::Waarvan {
            assert_eq!(row.parent_row_index, Some(index - 1), "{label} is part of the row above it");
        }
    }
    assert_eq!(cells_checked, 64);
    assert_eq!(table.rows[1].cells[0].value, Some(1522.0));
    assert_eq!(table.rows[20].cells[0].value, Some(51.0));
    assert_eq!(table.rows[1].line, Some(56), "the line of the label's <td>");

    let note = |marker: &str| table.notes.iter().find(|note| note.marker == marker).map(|note| note.text.as_str());
    assert!(note("1").unwrap().starts_with("Het aantal door de politie gemelde slachtoffers bij Comensha"));
    assert!(note("2").unwrap().starts_with("Voor 2020 e.v. zijn met de politie nieuwe"));
    assert_eq!(note("*"), None);
    let starred = &table.rows[12];
    assert_eq!(starred.label, "Aantal high tech crime onderzoeken");
    assert!(starred.cells.iter().all(|cell| cell.flags.contains(&CellFlag::UnresolvedFootnote)));
    let unresolved: Vec<_> =
        document.warnings.iter().filter(|w| w.kind == WarningKind::UnresolvedFootnote).collect();
    assert_eq!(unresolved.len(), 1);
    assert_eq!(unresolved[0].location.row_index, Some(12));
    assert!(table.rows[4].cells.iter().all(|cell| !cell.flags.contains(&CellFlag::UnresolvedFootnote)));
    assert_eq!(table.lines, Some((41, 116)));
    assert!(!table.truncated);
    assert!(document.warnings.iter().all(|w| w.kind == WarningKind::UnresolvedFootnote), "{:#?}", document.warnings);
}
