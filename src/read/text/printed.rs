//! What a paragraph's text can be: a figure or one of the words printed in figure columns, a
//! year, a code, a note marker or a note, a "Tabel N" caption, a unit, boilerplate, prose.
//!
//! Owns the small text tests the flattened-text reader asks of one paragraph at a time; it knows
//! nothing of lines, paragraphs or tables. The tests that run on every paragraph, or inside the
//! layout search, answer ASCII text by hand and rule texts out by their first bytes; their regular
//! expressions decide the rest, and the unit tests check that both ways agree.
//!
//! These are the text reader's own definitions. The grid formats (HTML, XML, pipe tables) ask
//! [`crate::interpret::vocabulary`] and [`crate::interpret::caption`]; bringing the two under one
//! vocabulary is the open half of moving the text reader onto the shared interpretation stage.

use std::sync::LazyLock;

use regex::Regex;

use crate::interpret::vocabulary::has_words;

// The patterns behind the text tests. The tests that run on every paragraph or in the fit's
// inner loop answer ASCII text by hand, or rule a text out by its first bytes, and leave the rest
// to these; the unit tests check that both ways agree.

/// A Dutch figure: sign, euro sign, digits with separators and spaces, a minus printed after the
/// digits (older statements: "644-"), percent, a year in parentheses, stars, a glued footnote
/// marker.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}(?:[.\s\u{a0}]\d{3})*(?:,\d+)?[‒–\-−]|(?:[‒–\-−]/[‒–\-−]|\+/\+|[‒–\-−+])?\s?(?:€\s?)?\d[\d.,\s\u{a0}\u{2009}\u{202f}]*%?(?:\s?\(\d{4}\))?\**(?:\d{1,2}(?:,\d{1,2})*)?)$")
        .expect("valid regex")
});

/// A year, a year with a glued marker, or a year range.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:19|20)\d\d(?:\*{0,3}\d?)?(?:\s?[‒–\-]\s?(?:19|20)\d\d)?$").expect("valid regex")
});

/// A code: groups of one or two digits joined by dots, with an optional closing dot ("2.",
/// "12.01."), as codes are printed in front of their labels in enumerated tables.
static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2})*\.?$").expect("valid regex"));

/// A lone note marker.
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\*{1,3}|\d{1,2}\)?|[a-z]\))$").expect("valid regex"));

/// A note with its marker in front: the marker, then the note's text.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\*{1,3}|[0-9]{1,2}\))|[Nn]oot\s+([0-9]{1,2})[:.])\s+(\S.{15,})$").expect("valid regex")
});

/// A cell value: a Dutch figure (with sign, euro sign, percent, a glued footnote marker, or cut
/// off at the end of the input), or one of the short words printed in figure columns.
pub fn is_value(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "-", "–", "‒", "—", "−", "nihil", "pm", "p.m.", "n.v.t.", "nvt", "n.v.t", "nee", "ja", "po", "x",
        "n.b.", "k.p.m.", "--", "0%",
    ];
    let without_stars = text.trim_end_matches('*');
    // No word is longer than 6 characters and lower-casing never shortens a text in characters
    // (nor adds a trailing '*'), so a text longer than 32 bytes before its stars is no word.
    // ASCII text lower-cases by ASCII rules: it is compared without a lower-cased copy.
    let is_word = without_stars.len() <= 32
        && if text.is_ascii() {
            WORDS.iter().any(|word| word.eq_ignore_ascii_case(without_stars))
        } else {
            let lowered = text.to_lowercase();
            WORDS.contains(&lowered.trim_end_matches('*'))
        };
    is_word
        || crate::interpret::vocabulary::value_word_and_marker(text).is_some()
        || crate::interpret::vocabulary::is_not_available_mark(text)
        || is_figure_text(text)
        || is_figure_with_former_figure(text)
        || is_bracketed_amount(text)
}

/// A figure in halves or quarters ("1 1/2", "– 3/4"), as the number stage reads it: the economic
/// forecasts' way of printing growth and inflation. Whether it is a value or names a row is for
/// its neighbours to say ([`super::paragraph`]).
pub fn is_figure_in_quarters(text: &str) -> bool {
    text.contains('/') && crate::normalize::number::dutch_number_kind(text) == crate::table::ValueKind::Number
}

/// An amount printed in round brackets, as budget tables print a memo amount that their totals
/// leave out ("(4.926)", "(416)": HGIS shares in the FJR's annex) or a financial transaction
/// ("(-2,78)"): a figure whose every full stop groups thousands (three digits after it) and that
/// has a thousands separator, a decimal comma, or three digits or more, and is no year. A
/// column's number ("(1)", "(12)"), a note marker ("(3)"), a year ("(2015)") and a reference or
/// code ("(4.1)", "(12.01)") stay texts.
fn is_bracketed_amount(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(').and_then(|rest| rest.strip_suffix(')')) else {
        return false;
    };
    let inner = inner.trim();
    let digits = inner.bytes().filter(u8::is_ascii_digit).count();
    let groups_thousands =
        inner.split('.').skip(1).all(|after| after.bytes().take_while(u8::is_ascii_digit).count() == 3);
    is_figure_text(inner)
        && groups_thousands
        && (inner.contains(['.', ',']) || digits >= 3)
        && !is_year_like(inner)
}

/// A bound: a comparison sign, then a figure ("> 95%", "<6%", "≥ 80%", "> € 2,5 mln."); the reader
/// decides from the neighbours whether it is a value or a label
/// ([`super::paragraph::paragraphs`]).
pub fn is_bound(text: &str) -> bool {
    let rest = ["<=", ">=", "=>", "=<", "<", ">", "≤", "≥", "‹", "›"]
        .iter()
        .find_map(|sign| text.strip_prefix(sign))
        .map(str::trim_start);
    rest.is_some_and(|rest| {
        let rest = rest.strip_prefix('€').map_or(rest, str::trim_start);
        let figure =
            rest.strip_suffix("mln.").or_else(|| rest.strip_suffix("mld.")).map_or(rest, str::trim_end);
        is_figure_text(figure)
    })
}

/// A figure followed by the figure it replaces in square brackets, as a table that revises its
/// figures prints both ("1,5 [2]", "0,2 [-]": the new count, and the one first budgeted).
fn is_figure_with_former_figure(text: &str) -> bool {
    text.strip_suffix(']').and_then(|rest| rest.rsplit_once('[')).is_some_and(|(figure, former)| {
        let former = former.trim();
        figure.ends_with(' ')
            && is_figure_text(figure.trim_end())
            && (is_figure_text(former) || matches!(former, "-" | "–"))
    })
}

/// A Dutch figure ([`FIGURE`]): by hand for ASCII text, and without the pattern for a
/// text whose first character cannot open a figure (an ASCII character other than a sign, a
/// space or a digit), which is every line of prose.
fn is_figure_text(text: &str) -> bool {
    let Some(&first) = text.as_bytes().first() else { return false };
    let is_space = |byte: u8| char::from(byte).is_whitespace();
    if first.is_ascii() && !(first == b'-' || first == b'+' || first.is_ascii_digit() || is_space(first)) {
        return false;
    }
    if !text.is_ascii() {
        return FIGURE.is_match(text);
    }
    // The pattern on ASCII, read left to right. The run of digits, separators and spaces is taken
    // whole: what may follow it either cannot be part of it ('%', '(', '*'), or can (the digits
    // of a glued marker, the space before "(2015)") and then is allowed whether taken by the run
    // or not.
    let bytes = text.as_bytes();
    let at_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut at = 0;
    if matches!(bytes.get(at), Some(b'-' | b'+')) {
        at += 1;
        // "-/- 93", "+/+ 12": the sign on both sides of a slash.
        if bytes.get(at) == Some(&b'/') && bytes.get(at + 1) == bytes.first() {
            at += 2;
        }
    }
    if bytes.get(at).is_some_and(|&byte| is_space(byte)) {
        at += 1;
    }
    if !at_digit(at) {
        return false;
    }
    let digits_from = at;
    at += 1;
    while bytes
        .get(at)
        .is_some_and(|&byte| byte.is_ascii_digit() || byte == b'.' || byte == b',' || is_space(byte))
    {
        at += 1;
    }
    // A minus printed right after an amount grouped by thousands, with no sign before it and
    // nothing after it ("644-", "11.625-"; not "2019-", a range cut short, nor "6-1").
    if digits_from == 0
        && bytes.get(at) == Some(&b'-')
        && at + 1 == bytes.len()
        && crate::normalize::number::is_grouped_before_minus(&text[..at])
    {
        return true;
    }
    if bytes.get(at) == Some(&b'%') {
        at += 1;
    }
    // A year in parentheses, "(2015)", after at most one space.
    let open = if bytes.get(at).is_some_and(|&byte| is_space(byte)) { at + 1 } else { at };
    if bytes.get(open) == Some(&b'(')
        && bytes.get(open + 5) == Some(&b')')
        && bytes[open + 1..open + 5].iter().all(u8::is_ascii_digit)
    {
        at = open + 6;
    }
    while bytes.get(at) == Some(&b'*') {
        at += 1;
    }
    // A glued marker: groups of one or two digits joined by commas.
    if at_digit(at) {
        loop {
            let digits = bytes[at..].iter().take_while(|byte| byte.is_ascii_digit()).count();
            if !(1..=2).contains(&digits) {
                return false;
            }
            at += digits;
            if bytes.get(at) == Some(&b',') {
                at += 1;
            } else {
                break;
            }
        }
    }
    at == bytes.len()
}

/// A plain year ("2019", "2019*", "20141" with a glued marker) or a year range ("2020 ‒ 2034"):
/// the typical header cell that is also a figure. A year the page leaves open ("20..", "t+1":
/// [`crate::interpret::vocabulary::is_open_year`]) heads a column the same way.
pub fn is_year_like(text: &str) -> bool {
    if crate::interpret::vocabulary::is_open_year(text) {
        return true;
    }
    // Every year starts with "19" or "20": an ASCII first byte other than '1' or '2' rules the
    // text out without reading the rest.
    if text.as_bytes().first().is_none_or(|&first| first.is_ascii() && first != b'1' && first != b'2') {
        return false;
    }
    if text.is_ascii() {
        return is_year_like_ascii(text.as_bytes());
    }
    YEAR.is_match(text)
}

/// [`is_year_like`] on ASCII text, by hand: the pattern read left to right. Every optional
/// part is followed by something it cannot start with, so taking each one when it is there never
/// loses a match the pattern would find.
fn is_year_like_ascii(bytes: &[u8]) -> bool {
    let is_year = |b: &[u8]| {
        b.len() >= 4 && matches!(&b[..2], b"19" | b"20") && b[2].is_ascii_digit() && b[3].is_ascii_digit()
    };
    let is_space = |b: Option<&u8>| b.is_some_and(|&b| char::from(b).is_whitespace());
    if !is_year(bytes) {
        return false;
    }
    // A glued marker: up to three stars, then a digit.
    let mut at = 4 + bytes[4..].iter().take_while(|&&b| b == b'*').count();
    if at > 7 {
        return false;
    }
    if bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    if at == bytes.len() {
        return true;
    }
    // A range: optional space, a dash, optional space, a second year, and nothing after it.
    if is_space(bytes.get(at)) {
        at += 1;
    }
    if bytes.get(at) != Some(&b'-') {
        return false;
    }
    at += 1;
    if is_space(bytes.get(at)) {
        at += 1;
    }
    is_year(&bytes[at..]) && bytes.len() == at + 4
}

/// A short code that can stand in a code stub column ("1", "12", "1.01", "17.03.01"), also with
/// a closing dot ("2.", "12.01.").
pub fn is_code_like(text: &str) -> bool {
    // By hand while the text is ASCII: groups of one or two digits joined by dots, and at most
    // one dot after the last group. An ASCII byte that breaks the pattern rules the text out; a
    // digit outside ASCII is left to the pattern.
    let mut digits_in_group = 0;
    for &byte in text.as_bytes() {
        match byte {
            b'0'..=b'9' if digits_in_group < 2 => digits_in_group += 1,
            b'.' if digits_in_group > 0 => digits_in_group = 0,
            _ if !byte.is_ascii() => return CODE.is_match(text),
            _ => return false,
        }
    }
    digits_in_group > 0 || (text.len() > 1 && text.ends_with('.'))
}

/// A marker printed alone in front of a note ("1", "*", "**", "a").
pub fn is_note_marker(text: &str) -> bool {
    match text.as_bytes() {
        [b'*'] | [b'*', b'*'] | [b'*', b'*', b'*'] => return true,
        [digits @ .., b')'] | digits @ ([_] | [_, _]) if text.is_ascii() => {
            let letter = matches!(digits, [b'a'..=b'z']) && text.ends_with(')');
            let number = matches!(digits.len(), 1 | 2) && digits.iter().all(u8::is_ascii_digit);
            return letter || number;
        }
        // The longest marker is two digits of four bytes each and a parenthesis.
        bytes if bytes.len() > 9 || text.is_ascii() => return false,
        _ => {}
    }
    MARKER.is_match(text)
}

/// A note printed with its marker in front ("* Gaat om …", "1) Bron: …") or under its word and
/// number ("Noot 1: …"): the marker and text.
pub fn note_with_marker(text: &str) -> Option<(String, String)> {
    // The marker starts with a star or a digit, or the word "Noot" does; a text that opens
    // with none of them is ruled out without the pattern.
    let first = *text.as_bytes().first()?;
    let opens_with_noot = text.as_bytes().get(..4).is_some_and(|word| word.eq_ignore_ascii_case(b"noot"));
    if first.is_ascii() && first != b'*' && !first.is_ascii_digit() && !opens_with_noot {
        return None;
    }
    note_parts(text)
}

/// The marker and text of a note line by [`NOTE`].
fn note_parts(text: &str) -> Option<(String, String)> {
    let captures = NOTE.captures(text)?;
    let marker = captures.get(1).or_else(|| captures.get(2))?.as_str().trim_end_matches(')').to_string();
    Some((marker, captures[3].to_string()))
}

/// A "Tabel N" caption: the number and the rest of the line (which may be empty), by the one
/// caption rule every format uses ([`crate::interpret::caption::tabel_number`], which rules out
/// nearly every text by its first word before its pattern runs).
pub fn caption(text: &str) -> Option<(String, String)> {
    crate::interpret::caption::tabel_number(text)
}

/// A heading that names a table of contents: "Inhoud", "Inhoudsopgave", "INHOUDSOPGAVE", also
/// with a short name after it ("Inhoudsopgave Buitenlandse Zaken (V)"); no figure in it.
pub fn is_contents_heading(text: &str) -> bool {
    let text = text.trim();
    // A part's title in capitals before the word ("MEMORIE VAN TOELICHTING INHOUDSOPGAVE", wild
    // page a1_06), as a heading prints it; not a link back to the contents ("Terug naar
    // Inhoudsopgave") nor a sentence.
    if text.ends_with(" INHOUDSOPGAVE") {
        return text.chars().count() <= 60 && !text.chars().any(|c| c.is_ascii_digit() || c.is_lowercase());
    }
    // Asked of every line of a text: most fail on their first six letters.
    if !crate::interpret::contents::opens_with_contents_word(text) {
        return false;
    }
    let word = text.split_whitespace().next().unwrap_or("");
    (word.eq_ignore_ascii_case("inhoud") || word.eq_ignore_ascii_case("inhoudsopgave"))
        && text.chars().count() <= 60
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// A unit in a caption or on a line of its own: "(bedragen x € 1.000)", "Bedragen x € 1 000",
/// "In miljoenen euro's (excl. HGIS)", "(in miljarden euro, min = tekort)": the span of the unit
/// inside `text` (byte offsets) and the unit as it is reported, by the one unit rule every format
/// uses ([`crate::interpret::caption::find_unit`]), after a cheap first look.
pub fn find_unit(text: &str) -> Option<(usize, usize, String)> {
    if !may_hold_unit(text) {
        return None;
    }
    crate::interpret::caption::find_unit(text)
}

/// Whether a unit can be in the text at all, as the text reader sees units: each starts with an
/// "x" (or "×") or with "in" and a space, in either case (no character outside ASCII case-folds to "x",
/// "i" or "n"). Most labels have neither, and are ruled out without running a pattern. ("%" on
/// its own is a column header in flattened text, not a unit line.)
fn may_hold_unit(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(|&byte| byte == b'x' || byte == b'X')
        || text.contains('×')
        || bytes.windows(2).enumerate().any(|(at, pair)| {
            pair.eq_ignore_ascii_case(b"in") && text[at + 2..].starts_with(char::is_whitespace)
        })
}

/// A line that is only a unit ("Bedragen x € 1 000", "(x € 1.000)", "In miljoenen euro's (excl.
/// HGIS)"): the unit as reported ([`crate::interpret::caption::unit_only`]).
pub fn unit_line(text: &str) -> Option<String> {
    if !may_hold_unit(text) {
        return None;
    }
    crate::interpret::caption::unit_only(text)
}

/// Site furniture that is never part of a table: licence lines, navigation, bullets.
pub fn is_boilerplate(text: &str) -> bool {
    // Compared with ASCII case folding, which here asks the same as lower-casing the text: only
    // U+212A KELVIN SIGN (to "k") and U+0130 (to "i" and a combining dot) lower-case to ASCII, no
    // prefix holds a "k", and none ends in an "i" that the dot could follow.
    let starts_with = |prefix: &str| {
        text.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    starts_with("licence")
        || starts_with("license")
        || starts_with("base description which applies")
        || starts_with("direct naar")
        || starts_with("+toon ")
        || text.starts_with('•')
        || text.eq_ignore_ascii_case("download pdf")
}

/// Running prose: a long line that reads as sentences. Labels can be long too (a mutation
/// explained in a sentence), so callers also look at what follows.
pub fn is_prose(text: &str) -> bool {
    // A character takes one to four bytes: characters are counted only when the byte length
    // leaves the answer open, and words only up to the count asked.
    let at_least_chars =
        |count: usize| text.len() >= 4 * count || (text.len() >= count && text.chars().count() >= count);
    (at_least_chars(100) && has_words(text, 14))
        || ((text.ends_with('.') || text.ends_with(':')) && at_least_chars(60) && has_words(text, 9))
}

/// The signature under a Kamerstuk's part ("De Minister van Justitie,", "De minister van
/// Infrastructuur en Milieu, M.H. Schultz van Haegen-Maas Geesteranus"): an office, never a cell
/// of a table, though the next part of the document often opens with one.
pub fn is_signature(text: &str) -> bool {
    const OFFICES: [&str; 4] =
        ["de minister van ", "de minister voor ", "de staatssecretaris van ", "de minister-president"];
    text.len() <= 200
        && text.starts_with(['D', 'd'])
        && !text.contains(|c: char| c.is_ascii_digit())
        && !text.ends_with('.')
        && {
            let lowered = text.to_lowercase();
            OFFICES.iter().any(|office| lowered.starts_with(office))
        }
}

/// The name printed under a signature ("E. M. H. Hirsch Ballin", "G. Verburg", "M.G.J.
/// Harbers"): initials and a surname, at most six words, no figure.
pub fn is_signatory_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && !text.contains(|c: char| c.is_ascii_digit())
        && words[0].len() <= 8
        && words[0].ends_with('.')
        && words[0].starts_with(char::is_uppercase)
        && words.last().is_some_and(|word| word.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Signatures as Kamerstukken print them (wild pages r2_06 lines 13-15, r3_05 line 13).
    #[test]
    fn signatures_and_their_names() {
        assert!(is_signature("De Minister van Justitie,"));
        // "ë" straddles the 24th byte: the test must not cut the text there.
        assert!(is_signature("De Minister van Financiën,"));
        assert!(is_signature(
            "De minister van Infrastructuur en Milieu, M.H. Schultz van Haegen-Maas Geesteranus"
        ));
        assert!(is_signatory_name("E. M. H. Hirsch Ballin"));
        assert!(is_signatory_name("G. Verburg"));
        assert!(is_signatory_name("M.G.J. Harbers"));
        assert!(!is_signature("De minister van Financiën heeft in 2019 12 miljoen uitgegeven."));
        assert!(!is_signature("Programma-uitgaven"));
        assert!(!is_signatory_name("B. BEGROTINGSTOELICHTING 2"));
        assert!(!is_signatory_name("Vastgestelde begroting"));
    }

    /// What `caption` answers without the first look at the opening word: the pattern alone.
    fn caption_by_pattern(text: &str) -> Option<(String, String)> {
        crate::interpret::caption::tabel_number_by_pattern(text)
    }

    /// Every hand-written test answers as its pattern does.
    fn assert_agrees_with_patterns(text: &str) {
        assert_eq!(is_figure_text(text), FIGURE.is_match(text), "figure {text:?}");
        let open_year = crate::interpret::vocabulary::is_open_year(text);
        assert_eq!(is_year_like(text), YEAR.is_match(text) || open_year, "year {text:?}");
        assert_eq!(is_code_like(text), CODE.is_match(text), "code {text:?}");
        assert_eq!(is_note_marker(text), MARKER.is_match(text), "marker {text:?}");
        assert_eq!(note_with_marker(text), note_parts(text), "note {text:?}");
        assert_eq!(caption(text), caption_by_pattern(text), "caption {text:?}");
        let phrase = &crate::interpret::caption::UNIT_PHRASE;
        assert_eq!(may_hold_unit(text) && phrase.is_match(text), phrase.is_match(text), "unit {text:?}");
        let lowered = text.to_lowercase();
        let word_before = ["-", "–", "‒", "—", "−", "nihil", "pm", "p.m.", "n.v.t.", "nvt", "n.v.t", "nee"]
            .into_iter()
            .chain(["ja", "po", "x", "n.b.", "k.p.m.", "--", "0%"])
            .any(|word| word == lowered.trim_end_matches('*'));
        let not_available = crate::interpret::vocabulary::is_not_available_mark(text);
        assert_eq!(is_value(text), word_before || not_available || FIGURE.is_match(text), "value {text:?}");
    }

    #[test]
    fn hand_written_tests_agree_with_their_patterns_on_samples() {
        let samples = [
            "",
            "1",
            "12",
            "123",
            "1.01",
            "17.03.01",
            "1.",
            ".1",
            "1..2",
            "١٢",
            "2019",
            "2019*",
            "2019***1",
            "2019****",
            "20141",
            "2019-2020",
            "2019 - 2020",
            "2019 ‒ 2034",
            "2019  - 2020",
            "2019-",
            "12 -",
            "1 204,5-",
            "6-1",
            " 6-1",
            "-644-",
            "€ 644-",
            "1999",
            "2100",
            "1.522",
            "‒ 21,7",
            "644-",
            "11.625-",
            "6.516‒",
            "–/– 8.615",
            "-/- 93",
            "+/+ 12",
            "-/+ 12",
            "-/",
            "– 9",
            "-5",
            "+ 5",
            "- 5",
            "51%",
            "3,25%",
            "47% (2015)",
            "47%  (2015)",
            "12 (2015)",
            "12 (201)",
            "12*1",
            "12**1,2",
            "12*123",
            "12*1,",
            "€ 8 108,276",
            "1\u{a0}569",
            "2.357.",
            "*",
            "**",
            "***",
            "****",
            "1)",
            "12)",
            "123)",
            "a)",
            "a",
            ")",
            "A)",
            "* Gaat om rijksuitgaven die niet",
            "1) Bron: het ministerie van Financiën",
            "12) x",
            "Tabel 1 Iets",
            "TABEL 2: Iets",
            "tabel 3 bouwt op.",
            "Tabellen",
            "Tabel",
            "nihil",
            "N.V.T.",
            "n.v.t.*",
            "K.P.M.",
            "\u{212a}.p.m.",
            "PM",
            "X",
            "0%",
            "--",
            "Realisatie",
            "(1)",
            "3=2–1",
            "< 50",
            "İ",
            "(bedragen x € 1.000)",
            "Bedragen x € 1 000",
            "In miljoenen euro's (excl. HGIS)",
            "(in miljarden euro, min = tekort)",
            "x € mln",
            "IN\u{a0}MLN euro",
            "Bijdragen in mln euro",
            "Inkomsten",
            "x",
            "\u{b}2019",
        ];
        for text in samples {
            assert_agrees_with_patterns(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn hand_written_tests_agree_with_their_patterns_on_near_misses(
            text in prop_oneof![
                "([‒+\\-]/?[‒+\\-]?)?[ ]?€?[0-9]{1,3}([., \u{a0}][0-9]{1,3}){0,3}%?( {0,2}\\([0-9]{3,5}[)*]?)?\\*{0,4}([0-9]{1,3}(,[0-9]{0,3}){0,2})?",
                "(19|20|21)[0-9]{1,3}\\*{0,4}[0-9]{0,2}( {0,2}[‒\\-]? {0,2}(19|20)[0-9]{1,3})?",
                "[0-9١]{0,3}(\\.[0-9]{0,3}){0,3}",
                "(\\*{1,4}|[0-9]{1,3}\\)?|[a-zA-Z]\\)?)( {0,2}[a-zA-Z ,]{10,20})?",
                "[Tt\u{212a}](abel|ABEL|abl) {0,2}[A-Z]{0,3}[0-9]{0,2}(\\.[0-9])?[a-z]?[:.]? ?[A-Za-z .]{0,10}",
                "[0-9.,*()%+\\- \u{a0}€‒Tabelin:)aKk\u{212a}]{0,12}",
                "\\(?[a-zA-Z ]{0,4}(x|X|in|IN|iN|ın|İn)[ \u{a0}\t]{0,2}(€|mln|MLD|miljoenen|1)?[ 0-9.]{0,4}(euro|EURO's)?[a-z )]{0,4}",
            ]
        ) {
            assert_agrees_with_patterns(&text);
        }

        #[test]
        fn hand_written_tests_agree_with_their_patterns_on_any_text(text in "\\PC{0,14}") {
            assert_agrees_with_patterns(&text);
        }
    }

    #[test]
    fn values_and_texts() {
        for value in
            ["1.522", "‒ 21,7", "– 9", "–202", "51%", "3,25%", "47% (2015)", "€ 8 108,276", "– € 69,507"]
        {
            assert!(is_value(value), "{value}");
        }
        for value in ["1 569 535", "2.357.", "80,21", "12*", "n.v.t.", "-", "nee", "po", "20.471.98"] {
            assert!(is_value(value), "{value}");
        }
        for text in ["Realisatie", "(1)", "3=2–1", "Totaal", "< 50", "=> 1000", "17.01 Westerscheldetunnel"]
        {
            assert!(!is_value(text), "{text}");
        }
        // A revised figure with the one first budgeted (wild page l1_03, Defensie 1SUPP 2012).
        for value in ["1,5 [2]", "0,2 [-]", "1 [0,8]", "2 [3]", "n.v.t.3", "pm1"] {
            assert!(is_value(value), "{value}");
        }
        for text in ["Artikel 2 [vervallen]", "[2]", "1,5[2]", "Noot [1]", "PM10", "Nihil1"] {
            assert!(!is_value(text), "{text}");
        }
        // Amounts in brackets: the HGIS memo row of wild page p2_01 (FJR 2016, Tabel 5.1) and the
        // financial transaction of f1_01; a reference, a code, a year or a column number is none.
        for value in ["(4.926)", "(5.342)", "(416)", "(-2,78)"] {
            assert!(is_value(value), "{value}");
        }
        for text in ["(4.1)", "(12.01)", "(2015)", "(12)", "(3)"] {
            assert!(!is_value(text), "{text}");
        }
    }

    #[test]
    fn captions_units_and_markers() {
        // Corpus page 025: prose that names a table is not its caption.
        assert_eq!(
            caption(
                "Tabel 1 bouwt de rentelasten van de vaste schuld op: de rente op leningen die al bestaan."
            ),
            None
        );
        assert_eq!(
            caption("Tabel 2 Veiligheidsagenda 2019-2022"),
            Some(("2".into(), "Veiligheidsagenda 2019-2022".into()))
        );
        assert_eq!(
            caption("Tabel 1: Opbouw van de rentelasten"),
            Some(("1".into(), "Opbouw van de rentelasten".into()))
        );
        assert_eq!(caption("Tabel 20"), Some(("20".into(), String::new())));
        assert_eq!(
            caption("Tabel B1 Budgettaire gevolgen"),
            Some(("B1".into(), "Budgettaire gevolgen".into()))
        );
        assert_eq!(unit_line("Bedragen x € 1.000").as_deref(), Some("x € 1.000"));
        assert_eq!(
            unit_line("In miljoenen euro's (excl. HGIS)").as_deref(),
            Some("In miljoenen euro's (excl. HGIS)")
        );
        assert_eq!(unit_line("Realisatie"), None);
        assert!(is_year_like("2019") && is_year_like("20141") && is_year_like("2020 ‒ 2034"));
        assert!(is_note_marker("1") && is_note_marker("**"));
        assert_eq!(
            note_with_marker("* Gaat om rijksuitgaven die niet onder de plafonds vallen").map(|n| n.0),
            Some("*".into())
        );
        // A note under its word ("Noot 1: …", wild page e2_02); the word alone names no note.
        assert_eq!(
            note_with_marker("Noot 1: noot: In deze tabel wordt het begrip externe inhuur ruimer opgevat"),
            Some(("1".into(), "noot: In deze tabel wordt het begrip externe inhuur ruimer opgevat".into()))
        );
        assert_eq!(
            note_with_marker("Noot 2. De raming is verhoogd met de loonbijstelling 2019"),
            Some(("2".into(), "De raming is verhoogd met de loonbijstelling 2019".into()))
        );
        assert_eq!(note_with_marker("Nootmuskaat 1: een specerij uit de Molukken, verhandeld"), None);
        assert_eq!(note_with_marker("Noot: zie de toelichting bij artikel 3 van deze begroting"), None);
    }

    #[test]
    fn a_part_title_in_capitals_before_inhoudsopgave_is_a_contents_heading() {
        // Wild page a1_06, line 33; a link back to the contents is no heading (review).
        assert!(is_contents_heading("MEMORIE VAN TOELICHTING INHOUDSOPGAVE"));
        assert!(!is_contents_heading("Terug naar Inhoudsopgave"));
        assert!(!is_contents_heading("Zie ook de INHOUDSOPGAVE"));
        assert!(is_contents_heading("Inhoudsopgave"));
    }
}
