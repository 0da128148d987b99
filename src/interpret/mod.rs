//! Interpretation that is the same for every input format: judgements about tables that a
//! reader has rebuilt, made without knowing whether they came from HTML or flattened text.
//!
//! Owns, one submodule each:
//! - [`vocabulary`]: what a printed text is (a figure, a year), one definition that the stages
//!   below share;
//! - [`coverage`]: the "no silent loss" audit: every figure the source prints in a table-like place
//!   lands in a cell or is named in a warning (`table_not_read`, `figure_not_read`), and a run of
//!   figures that no reader turned into a table is kept as an unrecovered table with its raw lines;
//! - [`confidence`]: each table's structure confidence (how well its columns cohere, how many
//!   rows were placed by rule or padded) and the `low_confidence` cell flag below a documented
//!   threshold.
//!
//! Leaves to the readers everything that depends on the format (markup and spans, paragraphs and
//! whitespace), and to [`crate::normalize`] the parsing of numbers and row roles.

pub mod confidence;
pub mod coverage;
pub mod vocabulary;
