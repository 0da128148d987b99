//! Dutch printed numbers into a value and a kind, keeping the printed text untouched elsewhere.
//!
//! Owns: thousands separators ("." or a space: plain, U+00A0, U+2009, U+202F), the decimal comma,
//! the many minus signs of these documents ("‒ 350.485" with U+2012, "– 9" and "–202" with U+2013,
//! "−5" with U+2212, "-5", and the older "–/– 8.615"), a leading "€", percentages ("51%",
//! "3,25%", "47% (2015)" keeps its trailing note as text so it is `Text`), halves and quarters
//! as the economic forecasts print them ("1 1/2", "– 3/4"), and the non-numbers
//! that must never become 0: empty, nil ("-", "–", "nihil"), "pm"/"p.m.", "n.v.t.", codes with a
//! leading zero ("01"), and any other text. Footnote markers are split off by
//! the footnote stage before this runs.

use crate::table::ValueKind;

/// A parsed cell: the value (for numbers and percentages only) and what kind of text it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    /// The number, for `Number` and `Percent`; `None` for every other kind.
    pub value: Option<f64>,
    /// What the text is.
    pub kind: ValueKind,
}

impl ParsedNumber {
    fn of(kind: ValueKind) -> ParsedNumber {
        ParsedNumber { value: None, kind }
    }
}

/// Reads a cell's printed text.
///
/// Steps, in this order: trim; classify the words that are not numbers (nil, pm, n.v.t.); strip a
/// leading "€"; take a leading minus sign of any kind, with or without a space after it, or the
/// older "-/-" ("–/– 8.615", negative) and "+/+" (positive); take a
/// trailing "%"; then read the digits. Thousands groups must be exactly three digits after a "." or
/// a space ("1.522", "1 569 535"), so "1.5" is not read as 15 but is `Text`; a comma is the decimal
/// separator. A string of digits with a single "." and one or two digits after it ("2.5") is Text,
/// never silently a decimal point. A zero before more digits ("01", "0.250") is `Text`: figures
/// never print one, codes do. Fails (gives `Text`) on anything else, including a number cut off
/// by the end of the input ("2.357.").
pub fn parse_dutch_number(printed: &str) -> ParsedNumber {
    read_printed(printed, Reading::WithValue)
}

/// What [`parse_dutch_number`] would say the text is, without working out the value: the test
/// whether a text is a figure, run many times on every cell, needs only this.
pub fn dutch_number_kind(printed: &str) -> ValueKind {
    read_printed(printed, Reading::KindOnly).kind
}

/// How much of a printed number to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// The kind and the value.
    WithValue,
    /// The kind only: the value of a number is not worked out (0).
    KindOnly,
}

/// [`parse_dutch_number`], or only the kind of text it is.
fn read_printed(printed: &str, reading: Reading) -> ParsedNumber {
    let text = printed.trim_matches(is_blank);
    if text.is_empty() {
        return ParsedNumber::of(ValueKind::Empty);
    }
    // The words below never start with a digit, and most cells do. Their letters are ASCII, so
    // a case-blind ASCII comparison finds them without lowering a copy of every label.
    if !text.as_bytes()[0].is_ascii_digit() && text.len() <= LONGEST_NON_NUMBER_WORD {
        let is_one_of = |words: &[&str]| words.iter().any(|word| text.eq_ignore_ascii_case(word));
        if is_one_of(&["-", "–", "‒", "—", "−", "nihil", "--"]) {
            return ParsedNumber::of(ValueKind::Nil);
        }
        if is_one_of(&["pm", "p.m.", "p.m", "pm."]) {
            return ParsedNumber::of(ValueKind::Pm);
        }
        if is_one_of(&["n.v.t.", "n.v.t", "nvt", "n.v.t.."]) {
            return ParsedNumber::of(ValueKind::Nvt);
        }
    }
    // Every number opens with a digit, a sign or "€": a label fails here without the passes below.
    let opens_a_number =
        text.starts_with(|c: char| c.is_ascii_digit() || c == '€' || c == '+' || is_minus(c));
    if !opens_a_number {
        return ParsedNumber::of(ValueKind::Text);
    }
    match read_signed(text, reading) {
        Some((value, is_percent)) => ParsedNumber {
            value: Some(value),
            kind: if is_percent { ValueKind::Percent } else { ValueKind::Number },
        },
        None => ParsedNumber::of(ValueKind::Text),
    }
}

/// The byte length of the longest word [`parse_dutch_number`] reads as nil, pm or n.v.t.
const LONGEST_NON_NUMBER_WORD: usize = "n.v.t..".len();

/// How many decimals a printed number shows after its comma ("13.553,7" → 1, "1.522" → 0): the
/// precision its rounding is judged by, wherever a sum is checked.
pub fn printed_decimals(text: &str) -> u32 {
    text.rsplit_once(',')
        .map_or(0, |(_, fraction)| fraction.chars().take_while(char::is_ascii_digit).count() as u32)
}

/// True for the blanks that may stand around or inside a printed number.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2007}')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '‒' | '–' | '—' | '−')
}

/// Reads "[€] [minus] digits [%]" (or "digits minus": "644-") and returns the value and whether
/// it was a percentage.
fn read_signed(text: &str, reading: Reading) -> Option<(f64, bool)> {
    let mut rest = text;
    if let Some(after) = rest.strip_prefix('€') {
        rest = after.trim_start_matches(is_blank);
    }
    let mut negative = false;
    // "-/- 8.615" and "+/+ 93": the sign printed on both sides of a slash, as in older reports.
    let mut chars = rest.chars();
    if let (Some(first), Some('/'), Some(third)) = (chars.next(), chars.next(), chars.next())
        && ((is_minus(first) && is_minus(third)) || (first == '+' && third == '+'))
    {
        let after = rest[first.len_utf8() + 1 + third.len_utf8()..].trim_start_matches(is_blank);
        let (magnitude, is_percent) = read_magnitude(after, reading)?;
        return Some((if is_minus(first) { -magnitude } else { magnitude }, is_percent));
    }
    if let Some(first) = rest.chars().next() {
        if is_minus(first) {
            negative = true;
            rest = rest[first.len_utf8()..].trim_start_matches(is_blank);
        } else if first == '+' {
            rest = rest[1..].trim_start_matches(is_blank);
        }
    }
    // A minus printed after the digits, as older statements print negatives ("644-", "11.625-").
    // Only an amount grouped by thousands takes a minus after it: "2019-" is a range cut short.
    if !negative
        && let Some(last) = rest.chars().next_back()
        && is_minus(last)
        && rest[..rest.len() - last.len_utf8()].ends_with(|c: char| c.is_ascii_digit())
        && is_grouped_before_minus(&rest[..rest.len() - last.len_utf8()])
    {
        negative = true;
        rest = &rest[..rest.len() - last.len_utf8()];
    }
    let (magnitude, is_percent) = read_magnitude(rest, reading)?;
    Some((if negative { -magnitude } else { magnitude }, is_percent))
}

/// One to three digits, then groups of three after a dot or a blank, then decimals after a
/// comma ("644", "11.625", "1 204,5"): what may stand before a trailing minus.
pub(crate) fn is_grouped_before_minus(text: &str) -> bool {
    let (whole, decimals) = text.split_once(',').unwrap_or((text, "1"));
    let mut groups = whole.split(|c: char| c == '.' || is_blank(c));
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()))
        && !decimals.is_empty()
        && decimals.bytes().all(|b| b.is_ascii_digit())
}

/// Reads "[€] digits [%]" after the sign and returns the magnitude and whether it was a
/// percentage.
fn read_magnitude(text: &str, reading: Reading) -> Option<(f64, bool)> {
    let mut rest = text;
    if let Some(after) = rest.strip_prefix('€') {
        rest = after.trim_start_matches(is_blank);
    }
    let mut is_percent = false;
    if let Some(before) = rest.strip_suffix('%') {
        is_percent = true;
        rest = before.trim_end_matches(is_blank);
    }
    Some((read_unsigned(rest, reading)?, is_percent))
}

/// The most whole digits a number can print and still be read: fifteen, as many as a double
/// holds exactly.
const MOST_WHOLE_DIGITS: usize = 15;

/// Reads "1.522", "1 569 535", "13.553,7", "0,5", "1522". Thousands groups after the first must
/// be exactly three digits and use one separator kind throughout.
fn read_unsigned(text: &str, reading: Reading) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    if text.contains('/') {
        return read_quarters(text);
    }
    let (integer_part, fraction_part) = match text.split_once(',') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (text, None),
    };
    if let Some(fraction) = fraction_part
        && (fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // More whole digits than a double holds exactly is no figure of these documents (the whole
    // state budget in euros has twelve): digits run together ("2006454454454454454454454", wild
    // page t1_04), never silently a number.
    if integer_part.bytes().filter(u8::is_ascii_digit).count() > MOST_WHOLE_DIGITS {
        return None;
    }
    let mut separator: Option<char> = None;
    let mut groups = 0usize;
    for (index, group) in integer_part.split(|c: char| c == '.' || is_blank(c)).enumerate() {
        if group.is_empty() || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if index == 0 {
            if group.len() > 3 && integer_part.len() != group.len() {
                return None;
            }
            // A figure never opens with a zero before more digits ("01", "007", "0.250"): that is
            // a code ("01 Investeren in waterveiligheid") or a typo, never silently a number.
            if group.starts_with('0') && (group.len() > 1 || integer_part.len() > 1) {
                return None;
            }
        } else if group.len() != 3 {
            return None;
        }
        groups += 1;
    }
    if groups > 1 {
        // One separator kind throughout: "1.234 567" is not a number.
        for c in integer_part.chars() {
            if c == '.' || is_blank(c) {
                let kind = if c == '.' { '.' } else { ' ' };
                match separator {
                    None => separator = Some(kind),
                    Some(seen) if seen != kind => return None,
                    Some(_) => {}
                }
            }
        }
    }
    if reading == Reading::KindOnly {
        return Some(0.0);
    }
    // Only a text that reads as a number gets this far (most texts fail above without a copy).
    let mut digits = String::with_capacity(text.len());
    for group in integer_part.split(|c: char| c == '.' || is_blank(c)) {
        digits.push_str(group);
    }
    if let Some(fraction) = fraction_part {
        digits.push('.');
        digits.push_str(fraction);
    }
    digits.parse().ok()
}

/// A figure in halves or quarters, as the economic forecasts print growth and inflation ("1/2",
/// "3/4", "1 1/2", "4 1/4"; wild page b3_02, Voorjaarsnota 2014 Tabel 1): a whole number of at
/// most three digits, a space, then one of 1/2, 1/4 and 3/4, or that fraction alone. Any other
/// slash ("23/24", a pair of article codes; "1/3"; a date "1/1/2020") is no figure.
fn read_quarters(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.rsplit_once(is_blank) {
        Some((whole, fraction)) => (Some(whole.trim_matches(is_blank)), fraction),
        None => (None, text),
    };
    let part = match fraction {
        "1/2" => 0.5,
        "1/4" => 0.25,
        "3/4" => 0.75,
        _ => return None,
    };
    let whole = match whole {
        None => 0.0,
        Some(digits)
            if (1..=3).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !(digits.starts_with('0') && digits.len() > 1) =>
        {
            digits.parse::<f64>().ok()?
        }
        Some(_) => return None,
    };
    Some(whole + part)
}

/// Formats a number the Dutch way: "." between thousands, "," before `decimals` decimals, and
/// "‒ " (U+2012 and a space) for negatives, as rijksfinancien.nl prints them. The inverse of
/// [`parse_dutch_number`] for the kinds it produces.
pub fn format_dutch_number(value: f64, decimals: usize) -> String {
    let negative = value < 0.0;
    let fixed = format!("{:.*}", decimals, value.abs());
    let (integer, fraction) = match fixed.split_once('.') {
        Some((integer, fraction)) => (integer.to_string(), Some(fraction.to_string())),
        None => (fixed, None),
    };
    let mut grouped = String::new();
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let mut out = String::new();
    if negative
        && (grouped.chars().any(|c| c != '0' && c != '.')
            || fraction.as_deref().is_some_and(|f| f.chars().any(|c| c != '0')))
    {
        out.push_str("‒ ");
    }
    out.push_str(&grouped);
    if let Some(fraction) = fraction {
        out.push(',');
        out.push_str(&fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(text: &str) -> Option<f64> {
        parse_dutch_number(text).value
    }

    fn kind(text: &str) -> ValueKind {
        parse_dutch_number(text).kind
    }

    #[test]
    fn thousands_and_decimals() {
        assert_eq!(value("1.522"), Some(1522.0));
        assert_eq!(value("13.553,7"), Some(13553.7));
        assert_eq!(value("1 569 535"), Some(1_569_535.0));
        assert_eq!(value("1\u{a0}569\u{a0}535"), Some(1_569_535.0));
        assert_eq!(value("1\u{2009}569\u{202f}535"), Some(1_569_535.0));
        assert_eq!(value("8 108,276"), Some(8108.276));
        assert_eq!(value("72,7"), Some(72.7));
        assert_eq!(value("3.102.765"), Some(3_102_765.0));
        assert_eq!(value("0"), Some(0.0));
        assert_eq!(value("1522"), Some(1522.0));
        assert_eq!(value("€ 8 108,276"), Some(8108.276));
        // Fifteen whole digits still read; more are digits run together (wild page t1_04).
        assert_eq!(value("123.456.789.012.345"), Some(123_456_789_012_345.0));
        assert_eq!(value("2006454454454454454454454"), None);
    }

    #[test]
    fn halves_and_quarters_of_the_forecasts() {
        // Voorjaarsnota 2014, Tabel 1 (wild page b3_02, lines 20-33).
        assert_eq!(value("1/2"), Some(0.5));
        assert_eq!(value("3/4"), Some(0.75));
        assert_eq!(value("1 1/2"), Some(1.5));
        assert_eq!(value("– 1/2"), Some(-0.5));
        assert_eq!(value("4 1/4"), Some(4.25));
        // Article codes, other fractions and dates are no figures.
        assert_eq!(value("23/24"), None);
        assert_eq!(value("1/3"), None);
        assert_eq!(value("1/1/2020"), None);
        assert_eq!(value("01 1/2"), None);
    }

    #[test]
    fn every_minus_sign() {
        assert_eq!(value("‒ 21,7"), Some(-21.7));
        assert_eq!(value("‒ 350.485"), Some(-350_485.0));
        assert_eq!(value("– 9"), Some(-9.0));
        assert_eq!(value("–202"), Some(-202.0));
        assert_eq!(value("−5"), Some(-5.0));
        // A minus printed after the digits, as older statements do (wild page j2_01).
        assert_eq!(value("644-"), Some(-644.0));
        assert_eq!(value("11.625-"), Some(-11_625.0));
        assert_eq!(value("6.516‒"), Some(-6_516.0));
        assert_eq!(kind("- 644-"), ValueKind::Text);
        assert_eq!(kind("2019-"), ValueKind::Text);
        assert_eq!(kind("12 -"), ValueKind::Text);
        assert_eq!(value("-5"), Some(-5.0));
        assert_eq!(value("– 76.300"), Some(-76_300.0));
        // The older slash notation (jaarverslag 2014 of the Diergezondheidsfonds, Slotwetmutaties).
        assert_eq!(value("–/– 8.615"), Some(-8_615.0));
        assert_eq!(value("-/- 93"), Some(-93.0));
        assert_eq!(value("+/+ 12"), Some(12.0));
        assert_eq!(value("-/+ 12"), None);
    }

    #[test]
    fn a_leading_zero_before_more_digits_is_no_figure() {
        // Article codes as the Deltafonds prints them ("01", "02"; wild page c6_02).
        for code in ["01", "02", "007", "0.250", "0 250"] {
            assert_eq!(parse_dutch_number(code).kind, ValueKind::Text, "{code}");
        }
        assert_eq!(value("0"), Some(0.0));
        assert_eq!(value("0,5"), Some(0.5));
        assert_eq!(value("– 0,25"), Some(-0.25));
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_dutch_number("51%"), ParsedNumber { value: Some(51.0), kind: ValueKind::Percent });
        assert_eq!(parse_dutch_number("3,25%"), ParsedNumber { value: Some(3.25), kind: ValueKind::Percent });
        assert_eq!(parse_dutch_number("100 %").value, Some(100.0));
        assert_eq!(kind("47% (2015)"), ValueKind::Text);
    }

    #[test]
    fn non_numbers_never_become_zero() {
        assert_eq!(parse_dutch_number(""), ParsedNumber { value: None, kind: ValueKind::Empty });
        assert_eq!(kind(" \u{a0} "), ValueKind::Empty);
        assert_eq!(kind("-"), ValueKind::Nil);
        assert_eq!(kind("–"), ValueKind::Nil);
        assert_eq!(kind("nihil"), ValueKind::Nil);
        assert_eq!(kind("pm"), ValueKind::Pm);
        assert_eq!(kind("p.m."), ValueKind::Pm);
        assert_eq!(kind("n.v.t."), ValueKind::Nvt);
        assert_eq!(kind("nee"), ValueKind::Text);
        assert_eq!(kind("po"), ValueKind::Text);
        assert_eq!(value("nee"), None);
    }

    #[test]
    fn malformed_numbers_are_text() {
        // Cut off by the end of an excerpt: never a wrong number.
        assert_eq!(kind("2.357."), ValueKind::Text);
        assert_eq!(kind("1.5"), ValueKind::Text);
        assert_eq!(kind("1.2345"), ValueKind::Text);
        assert_eq!(kind("12,"), ValueKind::Text);
        assert_eq!(kind("1.234 567"), ValueKind::Text);
        assert_eq!(kind("Artikel 31"), ValueKind::Text);
    }

    #[test]
    fn formats_like_the_documents() {
        assert_eq!(format_dutch_number(1522.0, 0), "1.522");
        assert_eq!(format_dutch_number(13553.7, 1), "13.553,7");
        assert_eq!(format_dutch_number(-350485.0, 0), "‒ 350.485");
        assert_eq!(format_dutch_number(-0.0, 0), "0");
    }

    proptest! {
        /// The kind alone, read without the value, is the kind the full reading gives, on
        /// printed figures and on anything else.
        #[test]
        fn kind_alone_is_the_full_readings_kind(
            text in "(€ ?)?[-+–‒−]?( |/[-+–])?[0-9]{0,4}([. \u{a0}][0-9]{1,4}){0,3}(,[0-9]{0,3})?%?-?|\\PC{0,12}"
        ) {
            prop_assert_eq!(dutch_number_kind(&text), parse_dutch_number(&text).kind, "{:?}", text);
        }

        #[test]
        fn integers_round_trip(n in -10_000_000_000i64..10_000_000_000i64) {
            let printed = format_dutch_number(n as f64, 0);
            prop_assert_eq!(parse_dutch_number(&printed).value, Some(n as f64));
        }

        #[test]
        fn decimals_round_trip(units in -100_000_000i64..100_000_000i64, decimals in 1usize..4) {
            let value = units as f64 / 10f64.powi(decimals as i32);
            let printed = format_dutch_number(value, decimals);
            let parsed = parse_dutch_number(&printed).value.unwrap();
            prop_assert!((parsed - value).abs() < 1e-9, "{} -> {}", printed, parsed);
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = parse_dutch_number(&text);
        }
    }
}
