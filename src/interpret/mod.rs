//! Interpretation that is the same for every input format: judgements about tables that a
//! reader has rebuilt, made without knowing whether they came from HTML or flattened text.
//!
//! Owns, one submodule each:
//! - [`grid`]: the raw grid every reader (HTML, CALS XML, pipe tables of text) hands over, and the
//!   placement of its cells and spans in slots;
//! - [`structure`]: from a grid to a table: caption rows, header rows and paths, stub columns,
//!   row kinds and note rows;
//! - [`caption`]: what a table is called: "Tabel N", title, unit, from whichever text holds them;
//! - [`notes`]: note texts read into markers and texts;
//! - [`contents`]: which tables are tables of contents, and their habits (a page word glued to
//!   the caption, entries numbered in front of their titles);
//! - [`vocabulary`]: what a printed text is (a figure, a year), one definition that the stages
//!   below share;
//! - [`run_together`]: a line that runs a label and its figures together, cut where the figures
//!   start; [`glued_figures`]: figures printed against each other with no separator, cut into a
//!   given number; [`spaced_cells`]: a row printed one space a cell, empty cells as spaces;
//! - [`titled_repeats`]: tables printed one after another under the same header, each under its
//!   own title, told apart again;
//! - [`coverage`]: the "no silent loss" audit: every figure the source prints in a table-like place
//!   lands in a cell or is named in a warning (`table_not_read`, `figure_not_read`), and a run of
//!   figures that no reader turned into a table is kept as an unrecovered table with its raw lines;
//! - [`unsplit_figures`]: the part of that audit that names figures nobody split apart (run into
//!   a label, a cell, a heading or a title) and flags their rows;
//! - [`confidence`]: each table's structure confidence (how well its columns cohere, how many
//!   rows were placed by rule or padded) and the `low_confidence` cell flag below a documented
//!   threshold.
//!
//! Leaves to the readers everything that depends on the format (markup and spans, paragraphs and
//! whitespace), and to [`crate::normalize`] the parsing of numbers and row roles.

pub(crate) mod assemble;
pub(crate) mod caption;
pub mod confidence;
pub mod contents;
pub mod coverage;
pub mod glued_figures;
pub(crate) mod grid;
pub(crate) mod notes;
pub mod run_together;
pub mod spaced_cells;
pub(crate) mod structure;
pub mod titled_repeats;
pub mod unsplit_figures;
pub mod vocabulary;
