//! Any text through the whole pipeline as official publication XML: no panic, every grid
//! rectangular. Seed it with the real Kamerstukken: `mkdir -p corpus/xml_reader && cp ../fixtures/xml/*.xml corpus/xml_reader/`.
#![no_main]

use begroting::pipeline::{extract_str, DocumentInput, ExtractOptions};
use begroting::source::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let input = DocumentInput::new("fuzz.xml", SourceFormat::Xml);
    let document = extract_str(&input, text, &ExtractOptions::default());
    for table in &document.tables {
        for row in &table.rows {
            assert_eq!(row.cells.len(), table.columns.len(), "rectangular grid");
        }
    }
    let _ = begroting::frame::cell_records(&document);
});
