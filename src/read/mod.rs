//! Readers: one per input format, each turning decoded text into the shared [`crate::table`] model.
//!
//! HTML, flattened text and the official publication XML each have one. A reader finds every table of a document, rebuilds its grid (header paths, stub columns, one cell
//! per data column per row), records the caption, unit, section and notes it sees, and returns its
//! warnings next to the tables. Readers do not parse numbers, split footnote markers or decide row
//! roles beyond the structural ones (spacer, repeated header, note row): the later stages do that the
//! same way for every format. Readers never touch the file system.

pub mod html;
pub mod text;
pub mod xml;
