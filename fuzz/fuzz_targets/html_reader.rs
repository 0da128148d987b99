//! Any text through the whole pipeline as HTML: no panic, every grid rectangular.
#![no_main]

use begroting::pipeline::{extract_str, DocumentInput, ExtractOptions};
use begroting::source::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let input = DocumentInput::new("fuzz.html", SourceFormat::Html);
    let document = extract_str(&input, text, &ExtractOptions::default());
    for table in &document.tables {
        for row in &table.rows {
            assert_eq!(row.cells.len(), table.columns.len(), "rectangular grid");
        }
    }
    let _ = begroting::frame::cell_records(&document);
});
