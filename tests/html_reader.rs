//! The HTML reader through the whole pipeline, on the fixtures under `fixtures/html/`: each test
//! reads one fixture (a missing fixture fails, it never skips) and asserts the values printed in
//! it.

use std::path::PathBuf;

use begroting::pipeline::{Document, ExtractOptions, extract_path};
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
    assert_eq!(
        document.tables.len(),
        1,
        "tables: {:#?}",
        document.tables.iter().map(|t| &t.title).collect::<Vec<_>>()
    );
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
    (
        "Online seksueel kindermisbruik",
        "Inzet gericht op misbruikers / vervaardigers",
        &[],
        ["193", "113", "100", ""],
    ),
    (
        "Online seksueel kindermisbruik",
        "Inzet gericht op keyplayers (/ netwerken)",
        &[],
        ["15", "14", "15", ""],
    ),
    (
        "Online seksueel kindermisbruik",
        "Inzet gericht op bezitters / verspreiders",
        &[],
        ["632", "315", "400", ""],
    ),
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
    assert_eq!(
        table.columns.iter().map(|c| c.year()).collect::<Vec<_>>(),
        [Some(2019), Some(2020), Some(2021), Some(2022)]
    );

    let groups: Vec<&str> =
        table.rows.iter().filter(|row| row.kind == RowKind::Group).map(|row| row.label.as_str()).collect();
    assert_eq!(
        groups,
        ["Ondermijning", "Mensenhandel", "Cybercrime", "Online seksueel kindermisbruik", "Executie"]
    );
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

    let note =
        |marker: &str| table.notes.iter().find(|note| note.marker == marker).map(|note| note.text.as_str());
    assert!(note("1").unwrap().starts_with("Het aantal door de politie gemelde slachtoffers bij Comensha"));
    assert!(note("2").unwrap().starts_with("Voor 2020 e.v. zijn met de politie nieuwe"));
    assert_eq!(note("*"), None);
    let note_lines: Vec<Option<usize>> = table.notes.iter().map(|note| note.line).collect();
    assert_eq!(note_lines, [Some(118), Some(119)]);
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
    assert!(
        document.warnings.iter().all(|w| w.kind == WarningKind::UnresolvedFootnote),
        "{:#?}",
        document.warnings
    );
}

#[test]
fn header_spans_colspan_rowspan_head_every_column_they_cover() {
    let document = extract("header_spans_colspan_rowspan.html");
    let table = only_table(&document);
    assert_eq!(
        headers(table),
        [
            "Realisatie 2014",
            "Realisatie 2015",
            "Realisatie 2016",
            "Realisatie 2017",
            "Realisatie 2018",
            "Begroting 2018",
            "Verschil 2018"
        ]
    );
    // A rowspan repeats no part: "Begroting 2018" covers both header rows but is one part.
    assert_eq!(table.columns[5].path, ["Begroting 2018"]);
    assert_eq!(table.columns[4].year(), Some(2018));
    assert_eq!(table.stub_header, None);
    assert_eq!(
        table.title.as_deref(),
        Some(
            "Overzicht van de budgettaire gevolgen van de uitvoering van artikel 17 Megaprojecten Verkeer en Vervoer"
        )
    );
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(table.section.as_deref(), Some("Budgettaire gevolgen van beleid"));
    assert_eq!(
        labels(table),
        [
            "Verplichtingen",
            "Uitgaven",
            "17.01 Westerscheldetunnel",
            "17.02 Betuweroute",
            "17.03 Hogesnelheidstrein-Zuid"
        ]
    );
    assert_eq!(texts(table, 3), ["1.709", "778", "1.689", "1.289", "1.599", "4.942", "– 3.343"]);
    assert_eq!(table.rows[3].cells[6].value, Some(-3343.0));
    assert_eq!(table.rows[0].cells[4].value, Some(1_039_763.0));
    assert!(table.rows.iter().all(|row| row.cells.iter().all(|cell| cell.span_origin.is_none())));
}

#[test]
fn caption_element_gives_number_title_and_unit() {
    let document = extract("caption_element.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("108"));
    assert_eq!(table.title.as_deref(), Some("Samenvatting budgettaire gevolgen van beleid artikel 26"));
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(table.section.as_deref(), Some("26 Bijdrage investeringsfondsen"));
    assert_eq!(headers(table), ["2022", "2023", "2024", "2025", "2026", "2027", "2028"]);
    assert_eq!(
        kinds(table),
        [
            RowKind::Data,
            RowKind::Spacer,
            RowKind::Data,
            RowKind::Spacer,
            RowKind::Group,
            RowKind::Data,
            RowKind::Data,
            RowKind::Spacer,
            RowKind::Data
        ]
    );
    assert_eq!(table.rows[5].label, "1 Bijdrage Investeringsfondsen (Mobiliteitsfonds)");
    assert_eq!(table.rows[5].group.as_deref(), Some("Uitgaven onderverdeeld per artikelonderdeel"));
    assert_eq!(table.rows[5].cells[3].value, Some(18_771_630.0));
    assert_eq!(texts(table, 8), ["0"; 7]);
    assert_eq!(table.rows[8].cells[0].value_kind, ValueKind::Number);
}

#[test]
fn tabel_n_in_preceding_paragraph_is_the_caption() {
    let document = extract("tabel_n_in_preceding_paragraph.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("1"));
    assert_eq!(table.title.as_deref(), Some("Opbouw van de rentelasten kapitaalmarktberoep, 2010–2015"));
    assert_eq!(table.unit.as_deref(), Some("x € 1 mln."));
    assert_eq!(table.section.as_deref(), Some("Rentelasten"));
    assert_eq!(headers(table), ["KMB", "Rekenrente", "2010", "2011", "2012", "2013", "2014", "2015"]);
    assert_eq!(table.stub_header, None);
    assert_eq!(texts(table, 1), ["11 050", "3,25%", "120", "359", "359", "359", "359", "359"]);
    assert_eq!(table.rows[1].cells[0].value, Some(11050.0));
    assert_eq!(table.rows[1].cells[1].value, Some(3.25));
    assert_eq!(table.rows[1].cells[1].value_kind, ValueKind::Percent);
    assert_eq!(table.rows[0].cells[0].value_kind, ValueKind::Empty);
    assert_eq!(table.notes.len(), 1);
    assert_eq!(table.notes[0].marker, "1");
    assert_eq!(
        table.notes[0].text,
        "Door afronding op miljoenen tellen de onderdelen niet altijd op tot het totaal."
    );
}

#[test]
fn sup_footnote_markers_go_to_rows_and_link_to_notes() {
    let document = extract("sup_footnote_markers.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("26"));
    assert_eq!(table.title.as_deref(), Some("EMU-saldo"));
    assert_eq!(table.unit.as_deref(), Some("in miljarden euro, min = tekort"));
    assert_eq!(table.stub_header.as_deref(), Some("(in miljarden euro, min = tekort)"));
    assert_eq!(table.stub_columns, 2);
    assert_eq!(headers(table), ["2024", "2025", "2026", "2027", "2028", "2029"]);
    let waarvan = &table.rows[2];
    assert_eq!(waarvan.label, "w.v. Niet-relevante rijksuitgaven, wel relevant voor EMU-saldo");
    assert_eq!(waarvan.markers, ["*"]);
    assert_eq!(waarvan.kind, RowKind::Waarvan);
    assert_eq!(waarvan.parent_row_index, Some(1));
    assert_eq!(waarvan.code, None);
    let niet_relevant = &table.rows[3];
    assert_eq!(niet_relevant.label, "Niet EMU-saldo relevante uitgaven");
    assert_eq!(niet_relevant.code.as_deref(), Some("3"));
    assert_eq!(niet_relevant.markers, ["**"]);
    assert_eq!(niet_relevant.cells[0].value, Some(-57.4));
    let notes: Vec<(&str, &str)> = table.notes.iter().map(|n| (n.marker.as_str(), n.text.as_str())).collect();
    assert_eq!(
        notes,
        [
            (
                "*",
                "Gaat om rijksuitgaven die niet onder de uitgavenplafonds vallen maar wel meetellen voor het EMU-saldo; Tabel 27 licht ze toe."
            ),
            ("**", "Uitgaven die niet meetellen voor het EMU-saldo worden in Tabel 28 uitgelegd.")
        ]
    );
    assert!(document.warnings.iter().all(|w| w.kind != WarningKind::UnresolvedFootnote));
}

#[test]
fn notes_in_table_body_become_footnote_rows_and_notes() {
    let document = extract("notes_in_table_body.html");
    let table = only_table(&document);
    assert_eq!(kinds(table)[4..], [RowKind::Footnote, RowKind::Footnote]);
    assert_eq!(table.notes.len(), 2);
    assert_eq!(table.notes[0].marker, "*");
    assert!(
        table.notes[0].text.starts_with("Gaat om rijksuitgaven die niet onder de uitgavenplafonds vallen")
    );
    assert_eq!(table.notes[1].marker, "**");
    assert!(table.notes[1].text.starts_with("Uitgaven die niet meetellen voor het EMU-saldo"));
    // The note spans the data columns from the stub: those cells stay empty.
    assert!(table.rows[4].cells.iter().all(|cell| cell.text.is_empty()));
    // The glued markers are split by the footnote stage and resolve against the body notes.
    assert_eq!(table.rows[1].label, "w.v. Niet-relevante rijksuitgaven, wel relevant voor EMU-saldo");
    assert_eq!(table.rows[1].markers, ["*"]);
    assert_eq!(table.rows[2].markers, ["**"]);
    assert_eq!(table.rows[3].cells[0].value, Some(-2.5));
    assert_eq!(table.rows[3].cells[0].value_kind, ValueKind::Percent);
    assert!(document.warnings.iter().all(|w| w.kind != WarningKind::UnresolvedFootnote));
}

#[test]
fn hidden_rows_and_scripts_are_not_content() {
    let document = extract("hidden_rows_and_scripts.html");
    let table = only_table(&document);
    assert_eq!(table.title.as_deref(), Some("C PROVINCIEFONDS"));
    assert_eq!(table.stub_header.as_deref(), Some("In miljoenen euro's"));
    assert_eq!(headers(table), ["2021", "2022", "2023", "2024", "2025", "2026"]);
    assert_eq!(labels(table), ["totaal uitgaven", "totaal niet-belastingontvangsten", "Uitgaven"]);
    assert_eq!(texts(table, 0), ["2.520,10", "2.540,70", "2.531,50", "2.522,00", "2.511,00", "2.511,70"]);
    // The hidden cell is left out as a browser leaves it out: the row keeps six empty cells.
    assert_eq!(texts(table, 1), [""; 6]);
    assert!(
        table.rows[1].cells.iter().all(|cell| cell.value_kind == ValueKind::Empty && cell.value.is_none())
    );
    assert_eq!(table.rows[2].cells[0].value, Some(2520.1));
    assert!(
        document.warnings.iter().all(|w| w.kind == WarningKind::UnknownMetadata),
        "{:#?}",
        document.warnings
    );
}

#[test]
fn nested_table_is_its_own_table_and_the_layout_table_is_dropped() {
    let document = extract("nested_table.html");
    let table = only_table(&document);
    assert_eq!(table.title.as_deref(), Some("Overzicht suppletoire uitgavenmutaties"));
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(table.section.as_deref(), Some("Toelichting op de mutaties"));
    assert_eq!(headers(table), ["uitgaven"]);
    assert_eq!(
        labels(table),
        [
            "Stand ontwerpbegroting 2014",
            "",
            "Suppletoire mutaties:",
            "1) Eindejaarsmarge 2013",
            "2) Loon- en prijsbijstelling toedeling",
            "",
            "Stand na 1e suppletoire begroting 2014"
        ]
    );
    assert_eq!(kinds(table)[2], RowKind::Group);
    assert_eq!(table.rows[3].group.as_deref(), Some("Suppletoire mutaties:"));
    assert_eq!(table.rows[6].cells[0].value, Some(2360.0));
}

#[test]
fn table_without_thead_finds_its_header_row() {
    let document = extract("table_without_thead.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("1"));
    assert_eq!(
        table.title.as_deref(),
        Some("Externe inhuur Ministerie van Onderwijs, Cultuur en Wetenschap Verslagjaar 2015")
    );
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(headers(table), ["2015"]);
    assert_eq!(table.rows.len(), 7);
    assert_eq!(table.rows[0].kind, RowKind::Group);
    assert_eq!(table.rows[0].label, "Programma- en apparaatskosten:");
    assert_eq!(table.rows[4].cells[0].value, Some(1022.0));
    assert_eq!(table.rows[5].kind, RowKind::Total);
    assert_eq!(table.rows[6].cells[0].value, Some(10.05));
}

#[test]
fn stub_header_over_an_indent_column_makes_both_stub_columns() {
    let document = extract("stub_header_over_an_indent_column.html");
    let table = only_table(&document);
    assert_eq!(table.stub_columns, 2);
    assert_eq!(
        headers(table),
        [
            "Stand vastgestelde begroting",
            "Stand 1e suppletoire begroting",
            "Mutaties 2e suppletoire begroting",
            "Stand 2e suppletoire begroting"
        ]
    );
    assert_eq!(
        labels(table),
        [
            "Verplichtingen",
            "",
            "12.2 Adequate toegang tot het rechtsbestel",
            "Waarvan juridisch verplicht",
            "12.2.1 Raden voor rechtsbijstand",
            "12.2.2 Overig"
        ]
    );
    assert_eq!(texts(table, 3), ["", "", "", "529 138"]);
    assert_eq!(table.rows[3].kind, RowKind::Waarvan);
    assert_eq!(texts(table, 5), ["29 896", "29 938", "– 9", "29 929"]);
    assert_eq!(table.rows[5].cells[2].value, Some(-9.0));
    assert_eq!(table.rows[4].stub[0].text, "", "the indent cell is empty, not a code");
    assert_eq!(table.rows[4].code, None);
}

#[test]
fn group_row_right_of_an_empty_code_cell_is_not_a_header() {
    let document = extract("group_row_right_of_an_empty_code_cell.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("1"));
    assert_eq!(headers(table), ["2015"]);
    assert_eq!(table.stub_columns, 2);
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.rows[0].kind, RowKind::Group);
    assert_eq!(table.rows[0].label, "Programma- en apparaatskosten:");
    assert_eq!(table.rows[1].code.as_deref(), Some("1"));
    assert_eq!(table.rows[1].label, "Interim-management");
    assert_eq!(table.rows[1].group.as_deref(), Some("Programma- en apparaatskosten:"));
    assert_eq!(texts(table, 4), ["1.022"]);
    assert_eq!(table.rows[5].kind, RowKind::Total);
    assert_eq!(table.rows[5].cells[0].value, Some(2619.0));
}

#[test]
fn row_header_cells_with_a_group_label_in_the_name_column() {
    let document = extract("row_header_cells_with_a_group_label_in_the_name_column.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("1"));
    assert_eq!(headers(table), ["2015"]);
    assert_eq!(table.stub_header, None);
    assert_eq!(table.stub_columns, 2);
    assert_eq!(kinds(table)[..2], [RowKind::Group, RowKind::Data]);
    assert_eq!(table.rows[0].label, "Programma- en apparaatskosten:");
    assert_eq!(table.rows[4].group.as_deref(), Some("Programma- en apparaatskosten:"));
    assert_eq!((table.rows[4].code.as_deref(), texts(table, 4)), (Some("4"), vec!["1.022"]));
    assert_eq!(table.rows[5].kind, RowKind::Total);
}

#[test]
fn text_table_with_word_width_row_has_one_header_row() {
    let document = extract("text_table_with_word_width_row.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("109"));
    assert_eq!(table.title.as_deref(), Some("Rol en verantwoordelijkheden"));
    assert_eq!(table.stub_header.as_deref(), Some("Rol"));
    assert_eq!(headers(table), ["Toelichting"]);
    assert_eq!(labels(table), ["Financieren", ""]);
    assert!(texts(table, 0)[0].starts_with("Wat via het Mobiliteitsfonds en het Deltafonds loopt"));
    assert_eq!(table.rows[0].cells[0].value_kind, ValueKind::Text);
    assert_eq!(table.rows[1].kind, RowKind::Spacer, "Word's row of column widths");
}

#[test]
fn unit_in_caption_and_header_is_found_in_each_place() {
    let document = extract("unit_in_caption_and_header.html");
    assert_eq!(document.tables.len(), 3);
    let caption = &document.tables[0];
    assert_eq!(caption.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(
        caption.title.as_deref(),
        Some(
            "Vastgestelde departementale begrotingsstaat van het Ministerie van Landbouw, Natuur en Voedselkwaliteit (XIV) voor het jaar 2023"
        )
    );
    assert_eq!(caption.stub_header.as_deref(), Some("Omschrijving"));
    assert_eq!(caption.rows[0].cells[1].value, Some(3_177_915.0));
    let stub_header = &document.tables[1];
    assert_eq!(stub_header.number.as_deref(), Some("27"));
    assert_eq!(stub_header.unit.as_deref(), Some("in miljoenen euro, plus = uitgave"));
    assert_eq!(stub_header.stub_header.as_deref(), Some("(in miljoenen euro, plus = uitgave)"));
    assert_eq!(stub_header.rows[0].cells[5].value, Some(-5669.0));
    let header_row = &document.tables[2];
    assert_eq!(header_row.unit.as_deref(), Some("x € 1 miljoen"));
    assert_eq!(headers(header_row), ["Inzet", "CZSK", "CLAS"]);
    assert_eq!(header_row.stub_header.as_deref(), Some("Omschrijving"));
    assert_eq!(header_row.rows[0].cells[2].text, "1 242,9");
    assert_eq!(header_row.rows[0].cells[2].value, Some(1242.9));
}

#[test]
fn two_column_stub_code_and_name() {
    let document = extract("two_column_stub_code_and_name.html");
    let table = only_table(&document);
    assert_eq!(table.stub_columns, 2);
    assert_eq!(table.stub_header.as_deref(), Some("Omschrijving"));
    assert_eq!(
        headers(table),
        [
            "Vastgestelde begroting Verplichtingen",
            "Vastgestelde begroting Uitgaven",
            "Vastgestelde begroting Ontvangsten"
        ]
    );
    let land = &table.rows[3];
    assert_eq!(land.stub.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["21", "Land- en tuinbouw"]);
    assert_eq!(land.code.as_deref(), Some("21"));
    assert_eq!(land.label, "Land- en tuinbouw");
    assert_eq!(land.cells[1].value, Some(649_814.0));
    assert_eq!(table.rows[0].label, "Totaal");
    assert_eq!(table.rows[0].code, None);
    assert_eq!(table.rows[0].kind, RowKind::Total);
    assert_eq!(table.rows[1].kind, RowKind::Spacer);
    assert_eq!(table.rows[10].label, "Nominaal en onvoorzien");
    assert_eq!(texts(table, 10), ["50.537", "50.537", ""]);
}

#[test]
fn ragged_rows_and_runaway_spans_keep_the_grid_rectangular() {
    let document = extract("ragged_rows_and_runaway_spans.html");
    let table = only_table(&document);
    assert!(table.rows.iter().all(|row| row.stub.len() + row.cells.len() == 5 && row.cells.len() == 4));
    assert_eq!(table.rows[1].kind, RowKind::Spacer);
    assert!(table.rows[1].cells.iter().all(|cell| cell.flags.contains(&CellFlag::Padded)));
    assert!(table.rows[5].cells.iter().all(|cell| !cell.flags.contains(&CellFlag::Padded)));
    assert_eq!(table.rows[4].kind, RowKind::Waarvan);
    assert_eq!(table.rows[4].parent_row_index, Some(3));
    assert_eq!(table.rows[4].cells[3].value, Some(529_138.0));
    assert_eq!(texts(table, 6), ["302 882", "256 882", "0", "256 882"]);
    let warned: Vec<(WarningKind, Option<usize>)> = document
        .warnings
        .iter()
        .filter(|w| w.kind != WarningKind::UnknownMetadata)
        .map(|w| (w.kind, w.location.row_index))
        .collect();
    assert_eq!(
        warned,
        [
            (WarningKind::SpanClamped, Some(6)),
            (WarningKind::SpanClamped, Some(5)),
            (WarningKind::RaggedRow, Some(1))
        ]
    );
    assert!(
        document.warnings.iter().filter(|w| w.kind != WarningKind::UnknownMetadata).all(|w| w
            .location
            .table_index
            == Some(0)
            && w.location.line.is_some())
    );
}

#[test]
fn header_repeated_mid_table_is_a_header_row() {
    let document = extract("header_repeated_mid_table.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("29"));
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(table.stub_columns, 3);
    assert_eq!(table.columns.len(), 16);
    assert_eq!(table.columns[15].header(), "2020 ‒ 2034");
    let header_rows: Vec<usize> =
        table.rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Header).map(|(i, _)| i).collect();
    assert_eq!(header_rows, [9]);
    assert_eq!(table.rows[10].code.as_deref(), Some("2"));
    assert_eq!(table.rows[10].cells[15].value, Some(111_612.0));
    assert_eq!(table.rows[11].stub[2].text, "Uitgaven");
    assert_eq!(table.rows[1].cells[12].text, "8.951");
    assert_eq!(table.rows[1].cells[9].value_kind, ValueKind::Empty);
}

#[test]
fn table_of_contents_is_marked_as_contents() {
    let document = extract("table_of_contents.html");
    let table = only_table(&document);
    assert_eq!(table.kind, TableKind::Contents);
    assert_eq!(table.title.as_deref(), Some("Inhoudsopgave"));
    assert_eq!(headers(table), ["", "blz."]);
    assert_eq!(table.rows[1].stub[0].text, "Hoofdstuk 1:");
    assert_eq!(table.rows.len(), 4);
}

#[test]
fn truncated_table_is_marked_and_its_rows_kept() {
    let document = extract("truncated_table.html");
    let table = only_table(&document);
    assert!(table.truncated);
    assert_eq!(table.number.as_deref(), Some("1.1"));
    assert_eq!(table.unit.as_deref(), Some("x €1000"));
    assert_eq!(table.stub_columns, 2);
    assert_eq!(table.stub_header.as_deref(), Some("Onderdeel"));
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.rows[3].cells[2].value, Some(-350_485.0));
    assert_eq!(table.rows[4].stub[1].text, "Justit");
    assert!(table.rows[0].cells.iter().all(|cell| cell.flags.contains(&CellFlag::TruncatedTable)));
    assert!(
        document
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::TruncatedTable && w.location.table_index == Some(0))
    );
}

/// A compact rendering of a document's tables for snapshots: one line per column and per row
/// (kind, group, label with markers, cells), then the notes.
fn render(document: &Document) -> String {
    let mut out = String::new();
    for table in &document.tables {
        out.push_str(&format!(
            "table {} {:?} number={:?} title={:?} unit={:?} section={:?} stub_header={:?} stub_columns={} lines={:?} truncated={}\n",
            table.index,
            table.kind,
            table.number,
            table.title,
            table.unit,
            table.section,
            table.stub_header,
            table.stub_columns,
            table.lines,
            table.truncated
        ));
        for column in &table.columns {
            out.push_str(&format!("  column {:?} markers={:?}\n", column.path, column.markers));
        }
        for (index, row) in table.rows.iter().enumerate() {
            let stub: Vec<&str> = row.stub.iter().map(|cell| cell.text.as_str()).collect();
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|cell| {
                    let mut shown = if cell.text.is_empty() { "·".to_string() } else { cell.text.clone() };
                    for marker in &cell.markers {
                        shown.push_str(&format!("[{marker}]"));
                    }
                    shown
                })
                .collect();
            out.push_str(&format!(
                "  {index:>2} {:<8} {:?} {:?}{} | {}\n",
                row.kind.name(),
                row.group.as_deref().unwrap_or(""),
                stub,
                row.markers.iter().map(|m| format!("[{m}]")).collect::<String>(),
                cells.join(" | ")
            ));
        }
        for note in &table.notes {
            out.push_str(&format!("  note [{}] {}\n", note.marker, note.text));
        }
    }
    for warning in &document.warnings {
        out.push_str(&format!("warning {warning}\n"));
    }
    out
}

#[test]
fn every_fixture_reads_as_its_reviewed_snapshot() {
    let mut names: Vec<String> = std::fs::read_dir(fixture(""))
        .expect("fixtures/html exists")
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .collect();
    names.sort();
    assert!(names.len() >= 14, "fixtures: {names:?}");
    for name in names {
        let document = extract(&name);
        insta::assert_snapshot!(name.trim_end_matches(".html").to_string(), render(&document));
    }
}

/// Removes what only says where or how a format printed a thing: source lines, the count of
/// printed lines the text format audits, and the placement and flags of cells the text format
/// could only infer (settled there by overrides).
fn without_positions(tables: &mut [begroting::table::Table]) {
    for table in tables {
        table.lines = None;
        table.texts_printed = 0;
        table.notes.iter_mut().for_each(|note| note.line = None);
        for row in &mut table.rows {
            row.line = None;
            row.placement = begroting::table::Placement::Exact;
            for cell in row.stub.iter_mut().chain(row.cells.iter_mut()) {
                cell.line = None;
                cell.flags.clear();
            }
        }
    }
}

#[test]
fn seed_as_html_equals_seed_as_text_with_its_overrides() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let overrides =
        begroting::overrides::Overrides::load(&root.join("overrides/veiligheidsagenda-owb-2022-VI.json"))
            .expect("the seed's overrides load");
    let text = extract_path(
        &root.join("text/veiligheidsagenda-owb-2022-VI.txt"),
        None,
        &ExtractOptions { overrides: Some(overrides), ..ExtractOptions::default() },
    )
    .expect("the text seed reads");
    let html = extract("veiligheidsagenda-owb-2022-VI.html");
    assert_eq!(html.meta, text.meta);
    let (mut from_html, mut from_text) = (html.tables, text.tables);
    without_positions(&mut from_html);
    without_positions(&mut from_text);
    assert_eq!(serde_json::to_value(&from_html).unwrap(), serde_json::to_value(&from_text).unwrap());
}

#[test]
fn an_empty_leading_code_column_and_an_unheaded_label_column_are_the_stub() {
    // Values from rijksfinancien.nl, OWB 2018 IV, artikel 7 (wild page c2_05, hand-labelled).
    for name in ["empty_code_column_and_unheaded_label_column.html", "empty_code_column_in_every_row.html"] {
        let document = extract(name);
        let table = only_table(&document);
        assert_eq!(table.stub_columns, 2, "{name}");
        assert_eq!(table.columns[0].header(), "2016", "{name}");
        let first = &table.rows[0];
        assert_eq!(first.label, "Verplichtingen:", "{name}: the label is a label, not data");
        assert_eq!(first.kind, RowKind::Data, "{name}");
        assert_eq!(first.cells[1].text, "3.587", "{name}");
        assert_eq!(first.cells[1].value, Some(3587.0), "{name}");
    }
}

#[test]
fn markers_linked_by_nootnum_into_div_noten_find_their_notes() {
    // The officielebekendmakingen markup rijksfinancien.nl imports (../shared/official-xml README):
    // the table in div.table-container under its div.table-header, markers as
    // sup > a.nootnum href="#ID-…", notes at the end of the page in div#noten, past a heading and
    // prose (one as a div.noot with the id, one as a dt anchor with the text in its dd). Rows and
    // notes are the seed's Tabel 2.
    let document = extract("notes_linked_by_nootnum_into_div_noten.html");
    let table = only_table(&document);
    assert_eq!(table.number.as_deref(), Some("2"));
    assert_eq!(table.title.as_deref(), Some("Veiligheidsagenda 2019-2022"));
    let notes: Vec<(&str, &str)> = table.notes.iter().map(|n| (n.marker.as_str(), n.text.as_str())).collect();
    assert_eq!(
        notes,
        [
            (
                "1",
                "Het aantal door de politie gemelde slachtoffers bij Comensha betreft het definitieve aantal voor 2020 (vastgesteld door Comensha april 2021)."
            ),
            (
                "2",
                "Voor 2020 e.v. zijn met de politie nieuwe prestatieafspraken gemaakt over de tenuitvoerlegging van vrijheidsstraffen, i.c. het opsporen van onvindbare veroordeelden."
            ),
        ]
    );
    let comensha =
        table.rows.iter().find(|row| row.label == "Aantal gemelde slachtoffers bij Comensha").unwrap();
    assert_eq!(comensha.markers, ["1"]);
    assert_eq!(texts(table, 1), ["975", "490", "", ""]);
    assert!(table.notes.iter().all(|note| note.line.is_some()), "each note keeps its source line");
}
