//! `begroting` turns the tables of Dutch central-government budget documents into tidy data.
//!
//! The pipeline, one module per stage, data flowing one way: [`source`] reads and decodes a file
//! and detects its format; [`meta`] works out the document's year, type and chapter; a reader in
//! [`read`] (HTML or flattened text) finds every table and rebuilds its grid in the shared
//! [`table`] model; [`footnote`] splits markers off labels, numbers and headers and links them to
//! the notes printed with the table; [`interpret`] audits that every printed figure landed somewhere
//! and scores each table's structure confidence; [`overrides`] applies a person's settled placements;
//! [`normalize`] parses Dutch numbers and decides row roles; [`frame`] turns documents into one
//! long-format frame (one row per data cell) and [`mod@write`] writes it as Parquet, JSON or CSV,
//! atomically. [`pipeline`] is the only place that knows the order of the stages; [`batch`] runs
//! many documents in parallel. Warnings are data ([`error::Warning`]), returned next to results.
//!
//! ```
//! use begroting::pipeline::{extract_str, DocumentInput, ExtractOptions};
//! use begroting::source::SourceFormat;
//!
//! let text = "Tabel 1 Voorbeeld\n\nArtikel\n\n2021\n\n2022\n\nUitgaven\n\n1.522\n\n‒ 21,7\n";
//! let input = DocumentInput::new("voorbeeld.txt", SourceFormat::Text);
//! let document = extract_str(&input, text, &ExtractOptions::default());
//! # let _ = document;
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod cache;
pub mod check;
pub mod error;
pub mod footnote;
pub mod frame;
pub mod interpret;
pub mod manifest;
pub mod meta;
pub mod normalize;
pub mod overrides;
pub mod pipeline;
pub mod read;
pub mod review;
pub mod score;
pub mod source;
pub mod table;
pub mod write;

pub use error::{Error, ErrorKind, Location, SetProblem, Warning, WarningKind};
pub use table::{
    Cell, CellFlag, Column, Note, Placement, ReadOutcome, Row, RowKind, Table, TableKind, ValueKind,
};
