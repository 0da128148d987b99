//! What a table is called: "Tabel N", its title, its unit, and the section it stands in.
//!
//! Owns the reading of caption texts (from a `<caption>` or CALS `<title>`, a caption row inside
//! the table, the paragraphs just above it, or a paragraph of flattened text), the same for every
//! format: the "Tabel N" rule ([`tabel_number`]) and the unit rule ([`find_unit`], [`unit_only`],
//! [`split_unit`]) for statements such as "(bedragen x € 1.000)", "x € 1 mln.", "in EUR 1.000",
//! "(in miljoenen euro, plus = uitgave)", "(in %)". The flattened-text reader asks the same rules
//! after a cheap first look of its own. Finding those texts in the page is the page
//! walk's job; this module only reads them.
//!
//! The caption rule for the paragraphs above a table (used only when the table has no `<caption>`),
//! looking at the nearest three text blocks above it that sit in the same place (the page, or the
//! same cell of an enclosing layout table), nearest first, and stopping at the previous table:
//! 1. a block "Tabel N …" is the caption: N is the number, the rest the title (its unit removed);
//! 2. a block that is only a unit ("Bedragen x € 1.000") between the caption and the table gives the
//!    unit;
//! 3. a block "Tabel N" alone, with the block below it holding a title, takes that block as title;
//! 4. with no "Tabel N" at all, a short block (at most 200 characters) right above the table that
//!    states a unit is its caption ("Overzicht suppletoire uitgavenmutaties (bedragen x € 1.000)");
//! 5. else a heading (`<h1>`–`<h6>`) right above the table is its title.
//!
//! Known failures: a caption printed more than two blocks above the table (with prose between) is
//! not found; a title that ends in a parenthesised unit-like phrase that is not a unit
//! ("(in miljoenen)" without "euro") keeps it.

use crate::interpret::vocabulary::has_words;
use std::sync::LazyLock;

use regex::Regex;

/// "Tabel N Title": the number as printed ("2", "1.1", "B1", "49.1") and the rest, in every
/// format. A sentence that merely starts with "Tabel N" ("Tabel 1 bouwt de rentelasten … op.")
/// is prose, not a caption: its rest starts with a lower-case word and ends with a full stop.
pub(crate) fn tabel_number(text: &str) -> Option<(String, String)> {
    // Every line of every document is asked; nearly all fail on their first word. No character
    // outside ASCII case-folds to a letter of "tabel", so this first look answers as the pattern.
    let opening = text.trim_start().as_bytes();
    if !opening.get(..5).is_some_and(|word| word.eq_ignore_ascii_case(b"tabel")) {
        return None;
    }
    tabel_number_by_pattern(text)
}

/// [`tabel_number`] without its first look at the opening word: the pattern alone.
pub(crate) fn tabel_number_by_pattern(text: &str) -> Option<(String, String)> {
    let captures = TABEL.captures(text)?;
    let rest = captures[2].trim();
    if rest.starts_with(|c: char| c.is_lowercase()) && rest.ends_with('.') {
        return None;
    }
    Some((captures[1].to_string(), rest.to_string()))
}

/// The pattern of [`tabel_number`].
static TABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*tabel\s+([a-z]{0,2}\d+(?:\.\d+)*[a-z]?)(?:\s*[:.–-]\s*|\s+|$)(.*)$")
        .expect("valid regex")
});

/// A table's caption printed as its first row: a title in the first cell and only a unit beside
/// it ("Staat van baten en lasten" and "Bedragen x € 1.000"), the one test of every reader. The
/// title has three words or more, no unit and no figure of its own (a stub header beside a unit,
/// "Omschrijving" and "x € 1.000", stays a header). Returns the unit.
pub(crate) fn unit_beside_title(title: &str, unit: &str) -> Option<String> {
    let title = title.trim();
    let is_title =
        has_words(title, 3) && find_unit(title).is_none() && !crate::interpret::vocabulary::is_figure(title);
    is_title.then(|| unit_only(unit)).flatten()
}

/// The unit, when the whole text is a unit statement: "(bedragen x € 1.000)" → "x € 1.000",
/// "Bedragen x € 1 miljoen" → "x € 1 miljoen", "(in miljoenen euro, plus = uitgave)" →
/// "in miljoenen euro, plus = uitgave", "In miljoenen euro's (excl. HGIS)" and "(x miljard euro,
/// min betekent onderschrijding)" → themselves, "(in %)" or
/// "%" → "%". `None` for anything else.
pub(crate) fn unit_only(text: &str) -> Option<String> {
    let mut inner = text.trim();
    if let Some(stripped) = inner.strip_prefix('(').and_then(|t| t.strip_suffix(')'))
        && !stripped.contains(['(', ')'])
    {
        inner = stripped.trim();
    }
    let candidate = match inner.get(..8) {
        Some(head) if head.eq_ignore_ascii_case("bedragen") => inner[8..].trim(),
        _ => inner,
    };
    if matches!(candidate, "%" | "in %" | "in procenten") {
        return Some("%".to_string());
    }
    if let Some(found) = X_EURO.find(candidate)
        && found.start() == 0
    {
        // The currency or a note on signs may follow the magnitude: "x miljard euro, min
        // betekent onderschrijding" (FJR 2007, wild page t1_07).
        let rest = candidate[found.end()..].trim_start().to_lowercase();
        if rest.is_empty()
            || (rest.starts_with("euro") || rest.starts_with([',', ';'])) && candidate.len() <= 80
        {
            return Some(candidate.to_string());
        }
    }
    let lowered = candidate.to_lowercase();
    if lowered.starts_with("in ") && MONEY_WORD.is_match(&lowered) && candidate.len() <= 80 {
        return Some(candidate.to_string());
    }
    None
}

/// "x € 1.000", "x €1000", "x € 1 000", "x € 1 mln.", "x € 1 miljoen", "× € 1.000", "in EUR
/// 1.000", "x EUR 1.000", "x mln", "x € mln".
static X_EURO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:[x×]|in)\s*(?:€|eur\b)\s*\d+(?:[.\u{a0} ]\d{3})*(?:\s*(?:mln|mld|mrd|miljoen|miljard)\b\.?)?|[x×]\s*€?\s*(?:1\s*)?(?:mln|mld|mrd|miljoen|miljard)\b\.?)")
        .expect("valid regex")
});

/// Words that make an "in …" phrase a unit.
static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"euro|€|\bmln\b|\bmld\b|\bmrd\b|miljoen|miljard|duizend").expect("valid regex")
});

/// A unit phrase printed in running text, without parentheses of its own: "x € 1.000", "x €
/// 1 mln", "x mln", "in EUR 1.000", "in mln. euro", "in miljoenen euro's (excl. HGIS)", with
/// "bedragen" and parentheses around it.
pub(crate) static UNIT_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(?\s*(?:bedragen\s+)?(?:(?:[x×]\s*|in\s+)(?:€|eur\b)\s*[\d .]*\d(?:\s*(?:mln|mld|mrd|miljoen|miljard)\.?)?|[x×]\s*€?\s*(?:1\s*)?(?:mln|mld|mrd|miljoen|miljard)\.?|in\s+(?:mln|mld|miljoenen|miljarden|duizenden)\.?\s+euro(?:['’]s)?(?:,[^)]*)?(?:\s*\([^)]*\))?)\s*\)?",
    )
    .expect("valid regex")
});

/// The unit statement inside a text, the one rule for every format: the last parenthesised group
/// that is a unit on its own ("… beleid (bedragen x € 1.000)", "(in %)"), else the first unit
/// phrase printed without parentheses ([`UNIT_PHRASE`]: "Budgettaire gevolgen van beleid x €
/// 1.000", "Bedragen in EUR 1.000"). Returns its byte span in `text` and the unit as reported
/// ("bedragen" and the parentheses left out).
pub(crate) fn find_unit(text: &str) -> Option<(usize, usize, String)> {
    static PARENTHESISED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(([^()]*)\)").expect("valid regex"));
    if text.contains('(') {
        for found in PARENTHESISED.find_iter(text).collect::<Vec<_>>().into_iter().rev() {
            if let Some(unit) = unit_only(found.as_str()) {
                return Some((found.start(), found.end(), unit));
            }
        }
    }
    let found = UNIT_PHRASE.find(text)?;
    let unit = found.as_str().trim().trim_start_matches('(').trim_end_matches(')').trim();
    let unit = match unit.get(..9) {
        Some(head) if head.eq_ignore_ascii_case("bedragen ") => unit[9..].trim(),
        _ => unit,
    };
    Some((found.start(), found.end(), unit.to_string()))
}

/// Splits a unit off a title ([`find_unit`]). A caption that ends in its unit and a full stop
/// ("… per instrument (Bedragen x € 1 mln).") ends there: the stop goes with the unit. Returns
/// the title without it and the unit.
pub(crate) fn split_unit(title: &str) -> (String, Option<String>) {
    match find_unit(title) {
        Some((start, end, unit)) => {
            let after = title[end..].trim();
            let after = if after == "." { "" } else { after };
            (tidy_title(&format!("{} {after}", &title[..start])), Some(unit))
        }
        None => (tidy_title(title), None),
    }
}

/// Collapses whitespace and trims separators left at the ends of a title.
fn tidy_title(text: &str) -> String {
    let collapsed = crate::normalize::collapse_whitespace(text);
    collapsed.trim_matches(|c: char| c == ':' || c == ',' || c == ';' || c.is_whitespace()).to_string()
}

/// Number, title and unit of a table, as far as its caption texts say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Caption {
    /// The N of "Tabel N".
    pub number: Option<String>,
    /// The title without "Tabel N" and without the unit.
    pub title: Option<String>,
    /// The unit as printed.
    pub unit: Option<String>,
}

/// Reads one caption text ("Tabel 2 Veiligheidsagenda 2019-2022 (x € 1.000)").
pub(crate) fn read_caption(text: &str) -> Caption {
    let (number, rest) = match tabel_number(text) {
        Some((number, rest)) => (Some(number), rest),
        None => (None, text.to_string()),
    };
    let (title, unit) = split_unit(&rest);
    Caption { number, title: (!title.is_empty()).then_some(title), unit }
}

/// One text block above a table, nearest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlockAbove {
    /// Its text.
    pub text: String,
    /// True for `<h1>`–`<h6>`.
    pub is_heading: bool,
}

/// Applies the caption rule of the module doc to the blocks above a table (nearest first).
pub(crate) fn caption_from_blocks(blocks: &[BlockAbove]) -> Caption {
    let mut unit = None;
    for (index, block) in blocks.iter().take(3).enumerate() {
        if let Some(found) = unit_only(&block.text) {
            unit.get_or_insert(found);
            continue;
        }
        if tabel_number(&block.text).is_some() {
            let mut caption = read_caption(&block.text);
            if caption.title.is_none() && index > 0 {
                let below = &blocks[index - 1];
                if unit_only(&below.text).is_none() {
                    let (title, below_unit) = split_unit(&below.text);
                    caption.title = (!title.is_empty()).then_some(title);
                    caption.unit = caption.unit.or(below_unit);
                }
            }
            caption.unit = caption.unit.or(unit);
            return caption;
        }
        if index + 1 < blocks.len() && tabel_number(&blocks[index + 1].text).is_some() {
            // Rule 3: this block is the title under a bare "Tabel N"; handled when we get there.
            continue;
        }
        if index == 0 && block.text.chars().count() <= 200 && split_unit(&block.text).1.is_some() {
            // Rule 5: a short block right above the table that ends in a unit is its caption.
            let (title, block_unit) = split_unit(&block.text);
            return Caption { number: None, title: (!title.is_empty()).then_some(title), unit: block_unit };
        }
        if index == 0 && block.is_heading {
            let (title, heading_unit) = split_unit(&block.text);
            return Caption {
                number: None,
                title: (!title.is_empty()).then_some(title),
                unit: heading_unit.or(unit),
            };
        }
        break;
    }
    Caption { unit, ..Caption::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabel_numbers_as_printed() {
        assert_eq!(
            tabel_number("Tabel 2 Veiligheidsagenda 2019-2022"),
            Some(("2".into(), "Veiligheidsagenda 2019-2022".into()))
        );
        assert_eq!(
            tabel_number("Tabel B1: Budgettaire gevolgen"),
            Some(("B1".into(), "Budgettaire gevolgen".into()))
        );
        assert_eq!(tabel_number("Tabel 1.1 Verplichtingen"), Some(("1.1".into(), "Verplichtingen".into())));
        // A sentence that starts with "Tabel N" is prose, in every format.
        assert_eq!(tabel_number("Tabel 1 bouwt de rentelasten van 2010 tot 2015 op."), None);
        assert_eq!(tabel_number("Tabel 3 – Rentelasten"), Some(("3".into(), "Rentelasten".into())));
        assert_eq!(tabel_number("Tabel 20"), Some(("20".into(), String::new())));
        assert_eq!(tabel_number("Tabellen"), None);
    }

    #[test]
    fn units_in_captions_and_cells() {
        assert_eq!(
            read_caption("Tabel 49.1 Begrotingsuitgaven artikel 49 (x € 1.000)"),
            Caption {
                number: Some("49.1".into()),
                title: Some("Begrotingsuitgaven artikel 49".into()),
                unit: Some("x € 1.000".into())
            }
        );
        assert_eq!(
            split_unit("Opbouw van de rentelasten, 2010–2015 (x € 1 mln.)").1.as_deref(),
            Some("x € 1 mln.")
        );
        // Wild page t1_07 (FJR 2007, line 18): the currency and a note on signs after the
        // magnitude belong to the unit.
        assert_eq!(
            read_caption("Tabel 1.2.1. Kadertoetsing (x miljard euro, min betekent onderschrijding)")
                .unit
                .as_deref(),
            Some("x miljard euro, min betekent onderschrijding")
        );
        assert_eq!(
            split_unit("Verplichtingen ( x €1000)"),
            ("Verplichtingen".into(), Some("x €1000".into()))
        );
        assert_eq!(
            split_unit("Budgettaire gevolgen van beleid x € 1.000"),
            ("Budgettaire gevolgen van beleid".into(), Some("x € 1.000".into()))
        );
        assert_eq!(split_unit("Kerngegevens (in miljarden euro)").1.as_deref(), Some("in miljarden euro"));
        assert_eq!(split_unit("Conservatoir beslag (in mln. euro’s)").1.as_deref(), Some("in mln. euro’s"));
        assert_eq!(split_unit("Veiligheidsagenda 2019-2022"), ("Veiligheidsagenda 2019-2022".into(), None));
        assert_eq!(unit_only("(Bedragen x € 1 mln.)").as_deref(), Some("x € 1 mln."));
        assert_eq!(unit_only("Bedragen x € 1 000").as_deref(), Some("x € 1 000"));
        assert_eq!(
            unit_only("In miljoenen euro's (excl. HGIS)").as_deref(),
            Some("In miljoenen euro's (excl. HGIS)")
        );
        assert_eq!(unit_only("(in %)").as_deref(), Some("%"));
        assert_eq!(unit_only("Bedragen in EUR 1.000").as_deref(), Some("in EUR 1.000"));
        // Miljoenennota 2010 annexes and the Financieel Jaarverslag print units in parentheses
        // with a remark after a semicolon, or as a bare "in mld".
        assert_eq!(
            split_unit("Budgettaire kerngegevens (in mld)"),
            ("Budgettaire kerngegevens".into(), Some("in mld".into()))
        );
        assert_eq!(
            split_unit("Kadertoetsing (in miljarden euro; «–» is onderschrijding)"),
            ("Kadertoetsing".into(), Some("in miljarden euro; «–» is onderschrijding".into()))
        );
        assert_eq!(split_unit("Rentelasten x mln").1.as_deref(), Some("x mln"));
        assert_eq!(find_unit("Uitgaven (x € 1.000) per artikel").map(|(s, e, _)| (s, e)), Some((9, 22)));
        assert_eq!(
            split_unit(
                "Overzicht met belangrijkste suppletoire uitgavenmutaties 2015 (Najaarsnota) Bedragen in EUR 1.000"
            ),
            (
                "Overzicht met belangrijkste suppletoire uitgavenmutaties 2015 (Najaarsnota)".into(),
                Some("in EUR 1.000".into())
            )
        );
        assert_eq!(unit_only("Omschrijving"), None);
    }

    #[test]
    fn caption_from_paragraphs_above() {
        let block = |text: &str, is_heading| BlockAbove { text: text.into(), is_heading };
        let split = caption_from_blocks(&[
            block("Bedragen x € 1.000", false),
            block("Voeding van het Deltafonds", false),
            block("Tabel 29", false),
        ]);
        assert_eq!(
            split,
            Caption {
                number: Some("29".into()),
                title: Some("Voeding van het Deltafonds".into()),
                unit: Some("x € 1.000".into())
            }
        );
        let heading = caption_from_blocks(&[block("Budgettaire gevolgen van beleid", true)]);
        assert_eq!(heading.title.as_deref(), Some("Budgettaire gevolgen van beleid"));
        assert_eq!(caption_from_blocks(&[block("Een alinea over het beleid.", false)]), Caption::default());
    }
}
