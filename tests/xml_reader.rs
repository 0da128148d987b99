//! The official publication XML reader: the two real Kamerstukken against their hand-made truth
//! (`fixtures/xml/kst-*.json`), values asserted from the files themselves, notes, the older
//! dialect, choosing the reader by content, and bad input.

mod common;

use std::path::Path;

use begroting::error::{ErrorKind, WarningKind};
use begroting::pipeline::{Document, ExtractOptions, extract_bytes, extract_path};
use begroting::read::xml::read_official_xml;
use begroting::score::score_pages;
use begroting::source::SourceFormat;
use begroting::{RowKind, TableKind};

fn extract(name: &str) -> Document {
    extract_path(&common::fixture(&format!("xml/{name}")), None, &ExtractOptions::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn texts(row: &begroting::Row) -> Vec<&str> {
    row.cells.iter().map(|cell| cell.text.as_str()).collect()
}

#[test]
fn the_real_kamerstukken_read_exactly_as_their_truth() {
    let report = score_pages(&common::fixture("xml")).expect("the folder reads");
    assert_eq!(report.pages.len(), 2, "both truths are scored");
    assert_eq!(report.failed_pages(), 0, "{}", report.render());
    assert_eq!(report.table_recall(), 1.0, "{}", report.render());
    assert_eq!(report.cell_accuracy(), 1.0, "{}", report.render());
    assert_eq!(report.meta_pages_right(), 2, "{}", report.render());
    let cells: usize = report.pages.iter().map(|page| page.cells_truth).sum();
    assert_eq!(cells, 98, "every figure cell of both files is in the truth");
}

#[test]
fn the_defensie_begrotingsstaat_as_printed() {
    // kst-37020-X-1.xml lines 80–344: a two-row <thead> with "Vastgestelde begroting" spanning
    // col3..col5 (namest/nameend), a bold Totaal first, section rows, two stub columns.
    let document = extract("kst-37020-X-1.xml");
    assert_eq!(document.format, SourceFormat::Xml);
    assert_eq!(document.meta.year, Some(2027));
    assert_eq!(document.meta.doc_type.as_deref(), Some("OWB"));
    assert_eq!(document.meta.chapter.as_deref(), Some("X"));
    assert_eq!(document.meta.dossier.as_deref(), Some("37020"));
    assert_eq!(document.meta.stuk.as_deref(), Some("1"));
    assert_eq!(document.url.as_deref(), Some("https://zoek.officielebekendmakingen.nl/kst-37020-X-1.xml"));
    assert_eq!(document.tables.len(), 2);
    let table = &document.tables[0];
    assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
    assert_eq!(
        table.title.as_deref(),
        Some(
            "Vastgestelde departementale begrotingsstaat van het ministerie van Defensie (X) voor het jaar 2027"
        )
    );
    assert_eq!(table.stub_columns, 2);
    assert_eq!(table.columns[0].path, ["Vastgestelde begroting", "Verplichtingen"]);
    assert_eq!(table.columns[2].path, ["Vastgestelde begroting", "Ontvangsten"]);
    let totaal = &table.rows[0];
    assert_eq!((totaal.label.as_str(), totaal.kind), ("Totaal", RowKind::Total));
    assert_eq!(texts(totaal), ["14.475.618", "14.792.147", "242.531"]);
    assert_eq!(totaal.cells[0].value, Some(14_475_618.0));
    let inzet = table.rows.iter().find(|row| row.label == "Inzet").expect("article 1");
    assert_eq!(inzet.code.as_deref(), Some("1"));
    assert_eq!(inzet.group.as_deref(), Some("Beleidsartikelen"));
    assert_eq!(texts(inzet), ["2.727.644", "2.856.815", "97.087"]);
    let geheim = table.rows.iter().find(|row| row.label == "Geheim").expect("article 11");
    assert_eq!(geheim.group.as_deref(), Some("Niet-beleidsartikelen"));
    assert_eq!(texts(geheim), ["21.764", "21.764", "0"]);
    // The printed total is the sum of the articles, as the file prints them.
    let sum: f64 =
        table.rows.iter().filter(|row| row.kind == RowKind::Data).filter_map(|row| row.cells[0].value).sum();
    assert_eq!(sum, 14_475_618.0);
    assert_eq!(document.tables[1].stub_header.as_deref(), Some("Naam baten- lastenagentschap"));
}

#[test]
fn the_slotwet_tables_with_their_header_row_in_the_body() {
    // kst-35470-XIV-4.xml: "(Bedragen x € 1 mln)." titles, the header row printed as the first
    // row of <tbody> in bold, empty self-closing entries, U+2012 minus signs.
    let document = extract("kst-35470-XIV-4.xml");
    assert_eq!(document.meta.doc_type.as_deref(), Some("slotwet"));
    assert_eq!(document.meta.year, Some(2019));
    assert_eq!(document.meta.dossier.as_deref(), Some("35470"));
    assert_eq!(document.meta.stuk.as_deref(), Some("4"));
    let table = &document.tables[1];
    assert_eq!(table.title.as_deref(), Some("Slotverschillen Artikel 11 per instrument"));
    assert_eq!(table.unit.as_deref(), Some("x € 1 mln"));
    let headers: Vec<String> = table.columns.iter().map(|column| column.header()).collect();
    assert_eq!(headers, ["Verplichtingen", "Uitgaven", "Ontvangsten"]);
    assert_eq!(table.rows[0].label, "Totaal Art. 11");
    assert_eq!(texts(&table.rows[0]), ["‒ 9,9", "‒ 9,5", "0,4"]);
    assert_eq!(table.rows[0].cells[0].value, Some(-9.9));
    assert_eq!(table.rows[1].kind, RowKind::Group);
    let garanties = table.rows.iter().find(|row| row.label == "Garanties").expect("a row");
    assert_eq!(texts(garanties), ["‒ 33,7", "‒ 0,3", ""]);
    assert_eq!(garanties.group.as_deref(), Some("Uitgesplitst per instrument:"));
    assert_eq!(document.tables[0].section.as_deref(), Some("1 Leeswijzer"));
}

#[test]
fn noot_and_nootref_are_markers_linked_to_the_tables_notes() {
    let document = extract("table_notes_noot_nootref_and_a_processing_instruction_in_a_word.xml");
    assert_eq!(document.tables.len(), 1);
    let table = &document.tables[0];
    assert_eq!(table.number.as_deref(), Some("2"));
    assert_eq!(table.section.as_deref(), Some("2.2 Veiligheidsagenda"));
    let notes: Vec<(&str, &str)> =
        table.notes.iter().map(|note| (note.marker.as_str(), note.text.as_str())).collect();
    assert_eq!(
        notes,
        [
            (
                "1",
                "Het aantal door de politie gemelde slachtoffers bij Comensha betreft het definitieve aantal voor 2020."
            ),
            ("2", "Voorlopig cijfer."),
        ],
        "the running text's own note is not the table's"
    );
    let comensha = &table.rows[0];
    assert_eq!(comensha.label, "Aantal gemelde slachtoffers bij Comensha");
    assert_eq!(comensha.markers, ["1"]);
    assert_eq!(texts(comensha), ["975", "490"]);
    assert_eq!(comensha.cells[1].markers, ["2"]);
    assert_eq!(comensha.cells[1].value, Some(490.0));
    let second = &table.rows[1];
    assert_eq!(second.label, "Aantal complexe onderzoeken", "the processing instruction splits no word");
    assert_eq!(second.markers, ["1"], "the nootref repeats note 1");
    assert_eq!(table.rows[2].kind, RowKind::Total);
    assert!(
        !document.warnings.iter().any(|w| w.kind == WarningKind::UnresolvedFootnote),
        "{:?}",
        document.warnings
    );
}

#[test]
fn the_older_kamerwrk_dialect_is_read() {
    // kst-24138-3.xml (1994–1995): its table of contents is a CALS table whose entries hold
    // their text directly; the head is in <onderw> and <stuk><nummer>.
    let document = extract("kst-24138-3.xml");
    assert_eq!(document.format, SourceFormat::Xml);
    assert_eq!(document.meta.dossier.as_deref(), Some("24138"));
    assert_eq!(document.meta.stuk.as_deref(), Some("3"));
    assert_eq!(document.tables.len(), 1);
    let contents = &document.tables[0];
    assert_eq!(contents.kind, TableKind::Contents);
    let achtergrond = contents.rows.iter().find(|row| row.label == "Achtergrond").expect("a contents row");
    assert_eq!(achtergrond.code.as_deref(), Some("1.1."));
    assert_eq!(texts(achtergrond), ["1"]);
    assert!(!document.warnings.iter().any(|w| w.kind == WarningKind::MalformedMarkup));
}

#[test]
fn a_publication_is_read_as_xml_whatever_its_name() {
    let bytes = std::fs::read(common::fixture("xml/kst-37020-X-1.xml")).expect("the fixture");
    let document = extract_bytes(Path::new("defensie.html"), &bytes, None, &ExtractOptions::default())
        .expect("it reads");
    assert_eq!(document.format, SourceFormat::Xml);
    assert_eq!(document.tables.len(), 2);
    let other = extract_bytes(
        Path::new("feed.xml"),
        b"<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>",
        None,
        &ExtractOptions::default(),
    );
    let error = other.expect_err("an XML file that is no publication fails");
    assert!(matches!(&error.kind, ErrorKind::UnsupportedXml { root } if root == "rss"), "{error}");
    assert!(error.to_string().contains("<rss>"), "{error}");
}

/// A minimal publication around one table body, for the bad-input tests.
fn publication(table: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<officiele-publicatie>\n<kamerstuk>\n<al>Tekst.</al>\n{table}\n</kamerstuk>\n</officiele-publicatie>\n"
    )
}

const GOOD_TABLE: &str = "<table><title>Tabel 1 Uitgaven (bedragen x € 1.000)</title><tgroup cols=\"2\">\n\
<thead><row><entry colname=\"col1\"><al>Artikel</al></entry><entry colname=\"col2\"><al>2024</al></entry></row></thead>\n\
<tbody><row><entry colname=\"col1\"><al>Politie</al></entry><entry colname=\"col2\"><al>1.522</al></entry></row></tbody>\n\
</tgroup></table>";

#[test]
fn a_document_cut_off_inside_a_table_keeps_what_was_read() {
    let whole = publication(&format!("{GOOD_TABLE}\n{GOOD_TABLE}"));
    let cut = &whole[..whole.rfind("1.522").expect("the second figure")];
    let read = read_official_xml(cut);
    assert_eq!(read.outcome.tables.len(), 2);
    assert!(!read.outcome.tables[0].truncated);
    assert_eq!(read.outcome.tables[0].rows[0].cells[0].text, "1.522");
    assert!(read.outcome.tables[1].truncated);
    let malformed: Vec<_> =
        read.outcome.warnings.iter().filter(|w| w.kind == WarningKind::MalformedMarkup).collect();
    assert_eq!(malformed.len(), 1, "{:?}", read.outcome.warnings);
    assert!(malformed[0].location.line.is_some());
    assert!(malformed[0].message.contains("ends inside"), "{}", malformed[0].message);
}

#[test]
fn a_mismatched_end_tag_names_its_line() {
    let text = publication(
        "<table><tgroup cols=\"1\"><tbody><row><entry><al>1</entry></row></tbody></tgroup></table>",
    );
    let read = read_official_xml(&text);
    let warning =
        read.outcome.warnings.iter().find(|w| w.kind == WarningKind::MalformedMarkup).expect("a warning");
    assert_eq!(warning.location.line, Some(5), "{}", warning.message);
    assert!(read.outcome.tables.iter().all(|table| table.truncated));
}

#[test]
fn declared_entities_are_never_expanded() {
    // A billion-laughs DOCTYPE: the entity is left as printed, with a warning; nothing grows.
    let mut doctype = String::from("<!DOCTYPE officiele-publicatie [\n<!ENTITY lol \"lol\">\n");
    for level in 1..10 {
        let previous = if level == 1 { "lol".to_string() } else { format!("lol{}", level - 1) };
        doctype.push_str(&format!("<!ENTITY lol{level} \"{}\">\n", format!("&{previous};").repeat(10)));
    }
    doctype.push_str("]>\n");
    let table = GOOD_TABLE.replace("Politie", "Politie &lol9;");
    let text = publication(&table).replacen(
        "<officiele-publicatie>",
        &format!("{doctype}<officiele-publicatie>"),
        1,
    );
    let read = read_official_xml(&text);
    let row = &read.outcome.tables[0].rows[0];
    assert_eq!(row.stub[0].text, "Politie &lol9;");
    assert!(
        read.outcome
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::MalformedMarkup && w.message.contains("&lol9;"))
    );
    // The predefined entities and character references are read.
    let read = read_official_xml(&publication(
        &GOOD_TABLE.replace("Politie", "Politie &amp; Justitie &#8210; &#x20AC;"),
    ));
    assert_eq!(read.outcome.tables[0].rows[0].stub[0].text, "Politie & Justitie ‒ €");
}

#[test]
fn an_empty_emphasis_inside_bold_keeps_the_bold() {
    // A label-less row of figures is a total when the print sets it bold; an empty italic
    // element inside the bold must not undo that.
    let table = "<table><tgroup cols=\"2\"><tbody>\
        <row><entry colname=\"col1\"><al>Politie</al></entry><entry colname=\"col2\"><al>9.000</al></entry></row>\
        <row><entry colname=\"col1\"><al>OM</al></entry><entry colname=\"col2\"><al>999</al></entry></row>\
        <row><entry colname=\"col1\"/><entry colname=\"col2\"><al><nadruk type=\"vet\"><nadruk type=\"cur\"/>9.999</nadruk></al></entry></row>\
        </tbody></tgroup></table>";
    let read = read_official_xml(&publication(table));
    assert_eq!(read.outcome.tables[0].rows[2].kind, RowKind::Total);
}

#[test]
fn span_and_width_bombs_are_bounded() {
    let bomb = "<table><tgroup cols=\"999999999\"><tbody>\
        <row><entry colname=\"col1\" morerows=\"99999999999\"><al>a</al></entry><entry colname=\"col2\"><al>1</al></entry></row>\
        <row><entry colname=\"col2\"><al>2</al></entry></row>\
        <row><entry namest=\"col1\" nameend=\"col999999\"><al>b</al></entry></row>\
        </tbody></tgroup></table>";
    let read = read_official_xml(&publication(bomb));
    let table = &read.outcome.tables[0];
    // Entries start in two columns; neither the declared width nor a span to a column no
    // colspec names makes more: a stub column and one data column.
    assert_eq!(table.columns.len(), 1);
    let texts: Vec<Vec<&str>> =
        table.rows.iter().map(|row| row.cells.iter().map(|cell| cell.text.as_str()).collect()).collect();
    // The morerows bomb reaches to its group's end (row 3 too), so "b", which names column 1,
    // takes the next free slot, as the table model places a cell that collides with a rowspan.
    assert_eq!(texts, [["1"], ["2"], ["b"]]);
    assert_eq!(table.rows[2].stub[0].text, "a");
    let messages: Vec<&str> = read.outcome.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(messages.iter().any(|m| m.contains("declares 999999999 columns")), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("rowspan") && m.contains("was cut")), "{messages:?}");
}

#[test]
fn entries_past_the_declared_columns_are_named() {
    let table = "<table><tgroup cols=\"2\"><tbody>\
        <row><entry colname=\"col1\"><al>Politie</al></entry><entry colname=\"col2\"><al>1</al></entry><entry colname=\"col3\"><al>77</al></entry></row>\
        <row><entry colname=\"col1\"><al>OM</al></entry><entry colname=\"col2\"><al>2</al></entry></row>\
        </tbody></tgroup></table>";
    let read = read_official_xml(&publication(table));
    assert_eq!(read.outcome.tables[0].columns.len(), 1);
    let warning = read
        .outcome
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LimitReached)
        .expect("the cell past the declared width is named");
    assert!(warning.message.contains("\"77\""), "{}", warning.message);
    assert_eq!(warning.location.table_index, Some(0));
}
