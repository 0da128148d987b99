//! Normalization: what a printed table means, the same for every reader.
//!
//! [`number`] reads Dutch numbers; [`rows`] decides labels, codes, row roles (group, total,
//! waarvan), groups and parents; [`unit`] finds and reads the unit phrases of tables, columns
//! and rows; [`measure`] names the kind of figure each column holds and the article each row is
//! about. Runs after footnote markers are split off and overrides applied.
//! [`collapse_whitespace`] is the one rule for runs of blanks in a printed text, which the readers
//! and everything that compares labels (overrides, scoring) share.

use std::borrow::Cow;

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
pub fn collapsed_whitespace(text: &str) -> Cow<'_, str> {
    // Collapsed: no blank first or last, and no blank but one space after a non-blank.
    let is_collapsed = if text.is_ascii() {
        // The same test on bytes: the ASCII blanks are exactly the ASCII chars `char::is_whitespace` takes.
        let bytes = text.as_bytes();
        !bytes.is_empty()
            && !is_ascii_blank(bytes[0])
            && !is_ascii_blank(bytes[bytes.len() - 1])
            && bytes
                .windows(2)
                .all(|pair| !is_ascii_blank(pair[1]) || (pair[1] == b' ' && !is_ascii_blank(pair[0])))
    } else {
        let mut previous_blank = true;
        text.chars().all(|c| {
            let blank = c.is_whitespace();
            let fits = !blank || (c == ' ' && !previous_blank);
            previous_blank = blank;
            fits
        }) && !previous_blank
    };
    if is_collapsed { Cow::Borrowed(text) } else { Cow::Owned(collapse_into_new(text)) }
}

/// The ASCII chars `char::is_whitespace` takes: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_ascii_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule as first written: split on Unicode whitespace, join with one space.
    fn reference(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn blanks_collapse_to_one_space() {
        assert_eq!(collapsed_whitespace("Apparaatskosten"), "Apparaatskosten");
        assert!(matches!(collapsed_whitespace("Tabel 2 Veiligheidsagenda"), Cow::Borrowed(_)));
        assert_eq!(collapsed_whitespace("  1 569\u{a0}535 \n"), "1 569 535");
        assert_eq!(collapsed_whitespace("a\u{b}b\u{c}c\rd"), "a b c d");
        assert_eq!(collapsed_whitespace(" "), "");
        assert_eq!(collapsed_whitespace(""), "");
    }

    proptest! {
        #[test]
        fn collapsing_equals_splitting_on_whitespace(text in "[ a\\t\\n\\r\\u{b}\\u{c}\\u{1c}\\u{1f}\\u{85}\\u{a0}\\u{2009}é]{0,12}") {
            prop_assert_eq!(collapsed_whitespace(&text).into_owned(), reference(&text));
        }
    }
}
