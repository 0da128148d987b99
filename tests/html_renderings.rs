//! HTML from text: every corpus truth table (`fixtures/corpus/pages/*.json` and the seed page)
//! printed as HTML in four markup styles that real sites use (see `render::styles`), read back
//! through the library as HTML and scored against the same truth with
//! [`begroting::score::score_document`]. Whatever the markup, the cells must come back.
//!
//! What is rendered and scored is decided in `render::truth`: uncertain tables are skipped,
//! ambiguous rows are printed with the seed's resolved placement where the truth has one and are
//! otherwise left out of both the rendering and the truth it is scored against.
//!
//! Set `BEGROTING_RENDERINGS=<folder>` to write every rendering there, to look at in a browser.

mod common;
mod render;

use std::path::PathBuf;

use begroting::pipeline::{Document, DocumentInput, ExtractOptions, extract_str};
use begroting::source::SourceFormat;
use render::reading::{assert_seed_table_2, read_style, seed, truth_pages};
use render::styles::{Style, render_page};
use render::truth::{TruthPage, read_page};

/// The per-style targets: the cells of every rendering must come back.
const CELL_ACCURACY: f64 = 0.99;
const TABLE_RECALL: f64 = 0.98;

/// One rendering through the whole pipeline, as an HTML document at the truth's address.
fn extract(page: &TruthPage, style: Style) -> Document {
    let html = render_page(page, style);
    let file_name = format!("{}-{}.html", page.name, style.name());
    if let Some(folder) = std::env::var_os("BEGROTING_RENDERINGS") {
        let folder = PathBuf::from(folder);
        std::fs::create_dir_all(&folder).expect("the renderings folder");
        std::fs::write(folder.join(&file_name), &html).expect("the rendering is written");
    }
    let input =
        DocumentInput { url: Some(page.url.clone()), ..DocumentInput::new(file_name, SourceFormat::Html) };
    extract_str(&input, &html, &ExtractOptions::default())
}

#[test]
fn every_style_reads_to_the_truths_cells() {
    let pages = truth_pages();
    let resolved: usize = pages.iter().map(|p| p.rows_resolved).sum();
    let left_out: usize = pages.iter().map(|p| p.rows_left_out).sum();
    assert_eq!(resolved, 3, "the seed's three resolved rows are rendered");
    assert_eq!(left_out, 12, "the corpus's twelve ambiguous rows have no placement to render");
    let tables_left_out: usize = pages.iter().map(|p| p.tables_left_out).sum();
    assert_eq!(tables_left_out, 1, "011's Tabel 110 has only an ambiguous row");
    let tables: usize = pages.iter().map(|p| p.tables.len()).sum();
    assert_eq!(tables, 44, "47 truth tables, 2 uncertain, 1 left out");

    let mut summary = String::new();
    let mut missed = Vec::new();
    for style in Style::ALL {
        let result = read_style(&pages, "html", |page| extract(page, style));
        result.summary_line(style.name(), &mut summary);
        missed.extend(result.missed_targets(style.name(), CELL_ACCURACY, TABLE_RECALL));
    }
    println!("{summary}");
    assert!(missed.is_empty(), "{summary}\n{}", missed.join("\n"));
}

/// The seed's Tabel 2, asserted cell by cell in every style (see [`assert_seed_table_2`]).
#[test]
fn seed_table_2_reads_the_same_in_every_style() {
    let page = read_page(&seed());
    for style in Style::ALL {
        assert_seed_table_2(&extract(&page, style), style.name());
    }
}
