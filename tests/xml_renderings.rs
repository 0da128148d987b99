//! XML from truth: every corpus truth table (`fixtures/corpus/pages/*.json` and the seed page)
//! printed as an official publication (KOOP "officiele-publicatie" XML with CALS tables) in each
//! [`CalsStyle`] (see `render::cals`), read back through the library as XML at the truth's address
//! and scored against the same truth with [`begroting::score::score_document`]. Whatever the
//! markup, the cells, notes and metadata must come back.
//!
//! What is rendered and scored is decided in `render::truth`, as for the HTML renderings:
//! uncertain tables are skipped, ambiguous rows are printed with the seed's resolved placement
//! where the truth has one and are otherwise left out of both the rendering and the truth.
//!
//! Set `BEGROTING_RENDERINGS=<folder>` to write every rendering there, to look at.

mod common;
mod render;

use std::path::PathBuf;

use begroting::pipeline::{Document, DocumentInput, ExtractOptions, extract_str};
use begroting::source::SourceFormat;
use render::cals::{CalsStyle, render_publication, render_publication_in, unreferenced_notes};
use render::reading::{assert_seed_table_2, read_style, seed, truth_pages};
use render::truth::{TruthPage, read_page};

/// The per-style targets: the cells of every rendering must come back.
const CELL_ACCURACY: f64 = 0.995;
const TABLE_RECALL: f64 = 0.98;

/// One rendering, written to `BEGROTING_RENDERINGS` when set.
fn render(page: &TruthPage, style: CalsStyle) -> (String, String) {
    let xml = render_publication_in(page, style);
    let file_name = format!("{}-{}.xml", page.name, style.name());
    if let Some(folder) = std::env::var_os("BEGROTING_RENDERINGS") {
        let folder = PathBuf::from(folder);
        std::fs::create_dir_all(&folder).expect("the renderings folder");
        std::fs::write(folder.join(&file_name), &xml).expect("the rendering is written");
    }
    (file_name, xml)
}

/// One rendering through the whole pipeline, as publication XML at the truth's address.
fn extract(page: &TruthPage, style: CalsStyle) -> Document {
    let (file_name, xml) = render(page, style);
    let input =
        DocumentInput { url: Some(page.url.clone()), ..DocumentInput::new(file_name, SourceFormat::Xml) };
    extract_str(&input, &xml, &ExtractOptions::default())
}

#[test]
fn every_style_reads_to_the_truths_cells() {
    let pages = truth_pages();
    let tables: usize = pages.iter().map(|p| p.tables.len()).sum();
    assert_eq!(tables, 44, "47 truth tables, 2 uncertain, 1 left out");

    let mut summary = String::new();
    let mut missed = Vec::new();
    for style in CalsStyle::ALL {
        let result = read_style(&pages, "xml", |page| extract(page, style));
        result.summary_line(style.name(), &mut summary);
        missed.extend(result.missed_targets(style.name(), CELL_ACCURACY, TABLE_RECALL));
    }
    println!("{summary}");
    assert!(missed.is_empty(), "{summary}\n{}", missed.join("\n"));
}

/// Every note text of the truth is printed once: as a `noot` at its marker's first use (or in
/// the title when nothing refers to it), every later use a `nootref`.
#[test]
fn every_note_is_printed_once_and_read_back() {
    let pages = truth_pages();
    let mut notes = 0;
    for page in &pages {
        let printed: Vec<String> = page
            .tables
            .iter()
            .flat_map(|table| &table.notes)
            .map(|(_, text)| {
                let text = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                format!("<noot.al>{text}</noot.al>")
            })
            .collect();
        notes += printed.len();
        for style in CalsStyle::ALL {
            let (_, xml) = render(page, style);
            assert_eq!(xml.matches("<noot ").count(), printed.len(), "{} {}", page.name, style.name());
            for note in &printed {
                assert!(xml.contains(note.as_str()), "{} {}: {note}", page.name, style.name());
            }
        }
    }
    assert_eq!(notes, 7, "the truth's notes with a text");
    // Read back: every note is its table's, under its marker, and every marker is where the
    // truth puts it on row labels and column headers (the caption's: see
    // `caption_markers_come_back`).
    for page in pages.iter().filter(|page| page.tables.iter().any(|table| !table.notes.is_empty())) {
        for style in CalsStyle::ALL {
            let document = extract(page, style);
            let at = format!("{} {}", page.name, style.name());
            assert_eq!(document.tables.len(), page.tables.len(), "{at}: a table for each printed one");
            for (truth, read) in page.tables.iter().zip(&document.tables) {
                let mut read_notes: Vec<(String, String)> =
                    read.notes.iter().map(|note| (note.marker.clone(), note.text.clone())).collect();
                let mut truth_notes = truth.notes.clone();
                read_notes.sort();
                truth_notes.sort();
                assert_eq!(read_notes, truth_notes, "{at}: the notes of {:?}", truth.title);
                let read_column_markers: Vec<&Vec<String>> =
                    read.columns.iter().map(|c| &c.markers).collect();
                let truth_column_markers: Vec<&Vec<String>> =
                    truth.columns.iter().map(|c| &c.markers).collect();
                assert_eq!(
                    read_column_markers, truth_column_markers,
                    "{at}: column markers of {:?}",
                    truth.title
                );
                for row in truth.rows.iter().filter(|row| !row.markers.is_empty()) {
                    let label = row.label();
                    let read_row = read
                        .rows
                        .iter()
                        .find(|read_row| read_row.label == label)
                        .unwrap_or_else(|| panic!("{at}: no row {label:?}"));
                    assert_eq!(read_row.markers, row.markers, "{at}: markers of {label:?}");
                }
            }
        }
    }
    let unreferenced: usize = pages.iter().flat_map(|p| &p.tables).map(|t| unreferenced_notes(t).len()).sum();
    assert_eq!(unreferenced, 0, "every note of the truth has a marker in its table");
    // The default rendering is the one with a <thead>.
    let seed = read_page(&seed());
    assert_eq!(render_publication(&seed), render_publication_in(&seed, CalsStyle::Thead));
}

/// The seed's Tabel 2, asserted cell by cell in every style (see [`assert_seed_table_2`]), and
/// the stuk number the XML head states.
#[test]
fn seed_table_2_reads_the_same_in_every_style() {
    let page = read_page(&seed());
    for style in CalsStyle::ALL {
        let document = extract(&page, style);
        assert_seed_table_2(&document, style.name());
        assert_eq!(document.meta.stuk.as_deref(), Some("2"), "{}: the stuk from the XML head", style.name());
    }
}

/// A note printed in a table's `<title>` (page 025's Tabel 1, "…, 2010–2015 (bedragen x € 1 mln.)"
/// with note 1 after it) marks the caption: the note is the table's and its marker a caption
/// marker. (The HTML reader still loses a `<sup>` printed after a caption.)
#[test]
fn caption_markers_come_back() {
    let page = read_page(&common::fixture("corpus/pages/025.json"));
    for style in CalsStyle::ALL {
        let document = extract(&page, style);
        assert_eq!(document.tables[0].caption_markers, ["1"], "{}", style.name());
        assert_eq!(page.tables[0].caption_markers, ["1"]);
    }
}
