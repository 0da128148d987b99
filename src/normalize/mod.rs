//! Normalization: what a printed table means, the same for every reader.
//!
//! [`number`] reads Dutch numbers; [`rows`] decides labels, codes, row roles (group, total,
//! waarvan), groups and parents; [`unit`] finds and reads the unit phrases of tables, columns
//! and rows; [`measure`] names the kind of figure each column holds and the article each row is
//! about. Runs after footnote markers are split off and overrides applied.
//! [`collapse_whitespace`] is the one rule for runs of blanks in a printed text, which the readers
//! and everything that compares labels (overrides, scoring) share.

pub mod measure;
pub mod number;
pub mod rows;
pub mod unit;

/// A printed text with its blanks collapsed: trimmed, and every run of whitespace (Unicode
/// White_Space, so U+00A0 too) one space.
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}
