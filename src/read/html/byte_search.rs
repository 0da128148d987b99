//! Finding one byte in page text, fast over the short distances between tags.
//!
//! Owns only that: the source scans (`prune`, `depth`, `source_lines`) look for the next `<`,
//! `>` or quote hundreds of times per page, mostly a few dozen bytes away, where the standard
//! library's search spends more on setting up than on searching. This one reads eight bytes at a
//! time with no setup (the classic "has a zero byte" word trick) and finishes byte by byte.

/// The offset of the first `needle` in `haystack` at or after `from`; `None` when there is none
/// (or `from` is past the end).
pub(super) fn find_byte(haystack: &[u8], from: usize, needle: u8) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let spread = ONES * u64::from(needle);
    let mut at = from;
    while let Some(chunk) = haystack.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ spread;
        let zero_bytes = word.wrapping_sub(ONES) & !word & HIGHS;
        if zero_bytes != 0 {
            // The lowest flagged byte is the first match (higher ones may be false positives).
            return Some(at + (zero_bytes.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    haystack.get(at..)?.iter().position(|&b| b == needle).map(|offset| at + offset)
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
