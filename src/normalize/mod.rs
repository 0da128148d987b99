//! Normalization: what a printed table means, the same for every reader.
//!
//! [`number`] reads Dutch numbers; [`rows`] decides labels, codes, row roles (group, total,
//! waarvan), groups and parents. Runs after footnote markers are split off and overrides applied.
//! [`collapse_whitespace`] is the one rule for runs of blanks in a printed text, which the readers
//! and everything that compares labels (overrides, scoring) share.

pub mod number;
pub mod rows;

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
