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
    collapsed_whitespace(text).into_owned()
}

/// [`collapse_whitespace`] without a copy when the text is collapsed already (most cell texts are).
pub fn collapsed_whitespace(text: &str) -> std::borrow::Cow<'_, str> {
    let mut previous_blank = true;
    let is_collapsed = text.chars().all(|c| {
        let blank = c.is_whitespace();
        let fits = if blank { c == ' ' && !previous_blank } else { true };
        previous_blank = blank;
        fits
    }) && !previous_blank;
    if is_collapsed {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(collapse_into_new(text))
}

fn collapse_into_new(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}
