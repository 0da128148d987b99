//! Finding tag openings in page text: the next `<`, `</` or `</name` from an offset.
//!
//! Owns only that: the source scans (`prune`, `depth`, `source_lines`) look for the next `<`,
//! `>` or quote hundreds of times per page, mostly a few dozen bytes away. The byte search is the
//! `memchr` crate's (SIMD, and no slower than the eight-bytes-at-a-time loop this module had on
//! the 2,000-page benchmark: `cargo bench --no-default-features --bench stages`).

/// The offset of the first `needle` in `haystack` at or after `from`; `None` when there is none
/// (or `from` is past the end).
pub(super) fn find_byte(haystack: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, haystack.get(from..)?).map(|offset| from + offset)
}

/// The offset of the first `<` of a `</` in `haystack` at or after `from`.
pub(super) fn find_end_tag_open(haystack: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let found = find_byte(haystack, at, b'<')?;
        if haystack.get(found + 1) == Some(&b'/') {
            return Some(found);
        }
        at = found + 1;
    }
}

/// The offset of the first `</name` (any case) in `haystack` from `from` on: where a raw-text
/// element (`<script>`, `<style>`, …) ends.
pub(super) fn find_end_tag(haystack: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let found = find_end_tag_open(haystack, at)?;
        let after = &haystack[found + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return Some(found);
        }
        at = found + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_at_any_offset() {
        let text = b"abc<def>ghijklmnopqrstuv<wxyz</a>";
        for from in 0..=text.len() + 2 {
            let expected =
                text.get(from..).and_then(|rest| rest.iter().position(|&b| b == b'<')).map(|p| from + p);
            assert_eq!(find_byte(text, from, b'<'), expected, "from {from}");
        }
        assert_eq!(find_byte("ĳ<".as_bytes(), 0, b'<'), Some(2));
        assert_eq!(find_byte(&[0x81, 0x3c, 0x3c], 0, 0x3c), Some(1), "no borrow from a high byte");
        assert_eq!(find_end_tag_open(text, 0), Some(29));
    }
}
