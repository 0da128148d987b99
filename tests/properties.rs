//! Laws that hold for any table: every printed cell of a generated budget table comes out of
//! either reader, as a cell or in a warning (nothing dropped without a trace), and every grid is
//! rectangular. The tables are generated with the shapes of the real pages: a stub column of
//! labels, a row of years, Dutch numbers, and some empty cells.

use begroting::pipeline::{Document, DocumentInput, ExtractOptions, extract_str};
use begroting::source::SourceFormat;
use proptest::prelude::*;

/// A generated table: row labels, and per row one optional number per year column.
#[derive(Debug, Clone)]
struct GeneratedTable {
    years: Vec<u32>,
    rows: Vec<(String, Vec<Option<i64>>)>,
}

fn table_strategy() -> impl Strategy<Value = GeneratedTable> {
    (2usize..6, 1usize..8).prop_flat_map(|(columns, rows)| {
        let row = (
            "[A-Z][a-z]{3,12}( [a-z]{2,9}){0,3}",
            prop::collection::vec(prop::option::weighted(0.85, -2_000_000i64..2_000_000), columns),
        );
        (prop::collection::vec(row, rows), Just(columns)).prop_map(|(rows, columns)| GeneratedTable {
            years: (0..columns as u32).map(|offset| 2019 + offset).collect(),
            rows,
        })
    })
}

fn dutch(value: i64) -> String {
    begroting::normalize::number::format_dutch_number(value as f64, 0)
}

fn as_html(table: &GeneratedTable) -> String {
    let mut html = String::from(
        "<h2>1 Begroting</h2><table><caption>Tabel 1 Uitgaven</caption><thead><tr><th>Artikel</th>",
    );
    for year in &table.years {
        html.push_str(&format!("<th>{year}</th>"));
    }
    html.push_str("</tr></thead><tbody>");
    for (label, cells) in &table.rows {
        html.push_str(&format!("<tr><td>{label}</td>"));
        for cell in cells {
            html.push_str(&format!("<td>{}</td>", cell.map(dutch).unwrap_or_default()));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table><p>Licence</p>");
    html
}

/// Flattened the way the text exports flatten: every cell a paragraph, an empty cell a line of
/// "\u{a0} ", group rows and full rows alike.
fn as_text(table: &GeneratedTable) -> String {
    let mut paragraphs =
        vec!["1 Begroting".to_string(), "Tabel 1 Uitgaven".to_string(), "Artikel".to_string()];
    paragraphs.extend(table.years.iter().map(|year| year.to_string()));
    for (label, cells) in &table.rows {
        paragraphs.push(label.clone());
        paragraphs.extend(cells.iter().map(|cell| cell.map(dutch).unwrap_or_else(|| "\u{a0} ".to_string())));
    }
    paragraphs.push("Licence".to_string());
    paragraphs.join("\n\n") + "\n"
}

/// Every printed number of the generated table is a cell of the document, or named in a warning,
/// or kept in an unrecovered table's raw lines.
fn assert_nothing_lost(table: &GeneratedTable, document: &Document) -> Result<(), TestCaseError> {
    let mut found: Vec<String> = Vec::new();
    for extracted in &document.tables {
        prop_assert!(
            extracted.rows.iter().all(|row| row.cells.len() == extracted.columns.len()),
            "rectangular"
        );
        for row in &extracted.rows {
            found.extend(row.cells.iter().map(|cell| cell.text.clone()));
            found.extend(row.stub.iter().map(|cell| cell.text.clone()));
        }
        found.extend(extracted.raw_lines.iter().cloned());
    }
    let warnings: Vec<&str> = document.warnings.iter().map(|w| w.message.as_str()).collect();
    for (_, cells) in &table.rows {
        for printed in cells.iter().flatten().map(|value| dutch(*value)) {
            let present = found.iter().any(|text| text == &printed || text.contains(&printed))
                || warnings.iter().any(|message| message.contains(&printed));
            prop_assert!(present, "{printed} lost; cells: {found:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_cell_of_an_html_table_is_lost(table in table_strategy()) {
        let document = extract_str(&DocumentInput::new("t.html", SourceFormat::Html), &as_html(&table), &ExtractOptions::default());
        prop_assert_eq!(document.tables.len(), 1);
        assert_nothing_lost(&table, &document)?;
    }

    #[test]
    fn no_cell_of_a_flattened_table_is_lost(table in table_strategy()) {
        let document = extract_str(&DocumentInput::new("t.txt", SourceFormat::Text), &as_text(&table), &ExtractOptions::default());
        assert_nothing_lost(&table, &document)?;
    }
}

/// `tables.json` and the `--resume` cache write rows compactly (cells in short forms, lines and
/// labels the row decides left out): every document of the fixtures, real pages of every
/// reader, reads back from its JSON exactly as it was extracted.
#[test]
fn every_fixture_document_reads_back_from_its_json_unchanged() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut documents = 0;
    let mut cells = 0;
    for entry in walkdir::WalkDir::new(&fixtures).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(extension, "html" | "txt" | "xml") || path.to_string_lossy().contains("/labels/") {
            continue;
        }
        let Ok(document) = begroting::pipeline::extract_path(&path, None, &ExtractOptions::default()) else {
            continue;
        };
        let json = serde_json::to_string(&document).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert!(back == document, "{} changed on its way through JSON", path.display());
        documents += 1;
        cells += document.tables.iter().flat_map(|t| &t.rows).map(|r| r.cells.len()).sum::<usize>();
    }
    assert!(documents > 250 && cells > 15_000, "{documents} documents, {cells} cells");
}
