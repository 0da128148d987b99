//! Units as data: what a printed unit phrase means, and which phrase applies to each cell.
//!
//! A table states its unit in many spellings ("x € 1.000", "x € 1 000", "x €1000", "in EUR
//! 1.000", "x € 1 mln.", "In miljoenen euro's (excl. HGIS)", "in miljarden euro; – is
//! saldoverbeterend", "%", "fte"). [`parse_unit`] turns one phrase into a [`UnitMeaning`]: a
//! multiplier (1, 1 000, 10^6, 10^9), a currency ("EUR" or none) and a kind (amount, percent,
//! count, fte, ratio, other), so that figures of different tables can be summed in euros.
//!
//! A unit can be printed for the whole table (caption, unit line, stub header: found by
//! `interpret::caption`), for one column (a header part "Bedragen x € 1.000", "%", "(fte)",
//! "Verplichtingen (€ mln.)") or for one row (a label "BBP (in miljarden euro's)", "EMU-saldo in %
//! bbp", "Aantal complexe onderzoeken"). [`annotate_units`] finds the column and row phrases
//! ([`unit_in_label`]) and warns `unknown_unit` for any phrase it cannot read; the long format
//! takes, per cell, the row's phrase, else the column's, else the table's, and a cell printed as
//! a percentage ("51%") is a percentage whatever the table says.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::error::{Location, Warning, WarningKind};
use crate::table::Table;

/// What sort of quantity a unit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Money ("x € 1.000", "in miljoenen euro", "in mld").
    Amount,
    /// A percentage ("%", "in procenten bbp").
    Percent,
    /// A number of things ("aantal", "x 1.000 personen").
    Count,
    /// Full-time equivalents.
    Fte,
    /// A ratio or index ("ratio", "verhouding").
    Ratio,
    /// A scale without a quantity ("x 1.000").
    Other,
}

impl UnitKind {
    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Amount => "amount",
            UnitKind::Percent => "percent",
            UnitKind::Count => "count",
            UnitKind::Fte => "fte",
            UnitKind::Ratio => "ratio",
            UnitKind::Other => "other",
        }
    }
}

/// What a unit phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitMeaning {
    /// What one printed unit is worth: 1, 1 000, 1 000 000, …
    pub multiplier: i64,
    /// "EUR" when the phrase names euros.
    pub currency: Option<&'static str>,
    /// What sort of quantity.
    pub kind: UnitKind,
}

impl UnitMeaning {
    /// A plain percentage, as a cell printed with "%" states.
    pub const PERCENT: UnitMeaning = UnitMeaning { multiplier: 1, currency: None, kind: UnitKind::Percent };

    /// The figure in the unit's base (euros for amounts): `value × multiplier` for amounts, else
    /// `None` (counts, percentages and ratios are not summed across tables as money is).
    pub fn scaled(&self, value: f64) -> Option<f64> {
        (self.kind == UnitKind::Amount).then_some(value * self.multiplier as f64)
    }
}

/// Euros: "€", "EUR", "euro", "euro's".
static CURRENCY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"€|\beur\b|\beuro").expect("valid regex"));

/// Scale words and their worth.
static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(mln|miljoen|miljoenen)|(mld|mrd|miljard|miljarden)|(duizend|duizenden))\b")
        .expect("valid regex")
});

/// A printed scale figure: "1.000", "1 000", "1000", "1", "1.000.000", glued to "€" or "x" or not.
static SCALE_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(x×€])(\d{1,3}(?:[. ]\d{3})+|\d{1,10})(?:$|[\s)])").expect("valid regex")
});

/// Words of a count.
static COUNT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:aantal|aantallen|personen|stuks)\b").expect("valid regex"));

/// Words of a ratio.
static RATIO_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:ratio|verhouding)\b").expect("valid regex"));

/// The phrase in lower case with its blanks and apostrophes made plain, "bedragen" and outer
/// parentheses dropped, and cut before any comment after it ("; – is saldoverbeterend", ",
/// tenzij anders aangegeven", " (excl. HGIS)").
fn plain_phrase(phrase: &str) -> String {
    let lowered: String = phrase
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            '’' | '‘' => '\'',
            other => other,
        })
        .collect();
    let mut plain = lowered.trim();
    if let Some(inner) = plain.strip_prefix('(') {
        plain = inner.strip_suffix(')').unwrap_or(inner).trim();
    }
    if let Some(rest) = plain.strip_prefix("bedragen") {
        plain = rest.trim_start();
    }
    let mut end = plain.len();
    for (at, c) in plain.char_indices() {
        let comment = match c {
            ';' => true,
            ',' => !plain[at + 1..].starts_with(|d: char| d.is_ascii_digit()),
            '(' => at > 0,
            _ => false,
        };
        if comment {
            end = at;
            break;
        }
    }
    plain[..end].trim().to_string()
}

/// What a printed unit phrase means; `None` when the phrase names no unit this tool knows.
///
/// Rules, on the phrase in lower case and cut before any comment: "%" or "procent" is a
/// percentage; "fte" counts full-time equivalents; a currency ("€", "EUR", "euro") or a scale word
/// ("mln", "miljoen", "mld", "mrd", "miljard", "duizend") makes an amount; "aantal", "personen",
/// "stuks" a count; "ratio", "verhouding" a ratio; a scale figure alone ("x 1.000") is a scale of
/// something unnamed (`Other`). The multiplier is the printed scale figure (1 when none) times
/// the scale word's worth.
pub fn parse_unit(phrase: &str) -> Option<UnitMeaning> {
    let plain = plain_phrase(phrase);
    if plain.is_empty() {
        return None;
    }
    if plain.contains('%') || plain.contains("procent") {
        return Some(UnitMeaning::PERCENT);
    }
    // Only a power of ten scales ("1", "1.000", "1 000 000"); "2015" (four digits, no separator)
    // in a phrase is a year. With no power of ten, any other figure makes the phrase an amount
    // ("EUR 1.472 mln.", a text cell), not a unit.
    let mut figure = None;
    let mut other_figure = false;
    for captures in SCALE_FIGURE.captures_iter(&plain) {
        let printed = &captures[1];
        let digits: String = printed.chars().filter(char::is_ascii_digit).collect();
        let Ok(value) = digits.parse::<i64>() else { continue };
        if (0..=9).any(|power| value == 10i64.pow(power)) {
            figure.get_or_insert(value);
        } else if !(printed.len() == 4 && (1900..=2100).contains(&value)) {
            other_figure = true;
        }
    }
    if figure.is_none() && other_figure {
        return None;
    }
    let word = MAGNITUDE.captures(&plain).map(|captures| {
        if captures.get(1).is_some() {
            1_000_000
        } else if captures.get(2).is_some() {
            1_000_000_000
        } else {
            1_000
        }
    });
    let multiplier = figure.unwrap_or(1).saturating_mul(word.unwrap_or(1));
    let currency = CURRENCY.is_match(&plain).then_some("EUR");
    let kind = if plain.split(|c: char| !c.is_alphanumeric()).any(|w| w == "fte") {
        UnitKind::Fte
    } else if currency.is_some() {
        UnitKind::Amount
    } else if COUNT_WORD.is_match(&plain) {
        // "in duizenden personen": thousands of people, no amount (wild page b3_02).
        UnitKind::Count
    } else if word.is_some()
        || phrase
            .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
            .to_lowercase()
            .starts_with("bedragen")
    {
        // "Bedragen x 1.000" says amounts, its currency unprinted (wild page b4_05).
        UnitKind::Amount
    } else if RATIO_WORD.is_match(&plain) {
        UnitKind::Ratio
    } else if figure.is_some() && plain.starts_with(['x', '×']) {
        UnitKind::Other
    } else {
        return None;
    };
    Some(UnitMeaning { multiplier, currency, kind })
}

/// True for a word that only ever belongs to a unit statement.
fn is_unit_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| matches!(c, '.' | ',' | '(' | ')' | ':')).to_lowercase();
    let word = word.replace('’', "'");
    let word = word.as_str();
    word.is_empty()
        || (word.contains('%') && !word.chars().any(|c| c.is_ascii_digit()))
        || word.contains('€')
        || word.chars().all(|c| c.is_ascii_digit() || c == '.')
        || matches!(
            word,
            "x" | "×"
                | "in"
                | "bedragen"
                | "eur"
                | "euro"
                | "euro's"
                | "mln"
                | "miljoen"
                | "miljoenen"
                | "mld"
                | "mrd"
                | "miljard"
                | "miljarden"
                | "duizend"
                | "duizenden"
                | "procent"
                | "procenten"
                | "bbp"
                | "fte"
                | "fte's"
                | "aantal"
                | "aantallen"
                | "personen"
        )
}

/// True when a text is made of unit words only and says something ("x € 1.000", "(fte)", "in %
/// bbp"; not "in" or "x" alone).
fn is_unit_text(text: &str) -> bool {
    let plain = plain_phrase(text);
    let words: Vec<&str> = plain.split_whitespace().collect();
    !words.is_empty() && words.iter().all(|word| is_unit_word(word)) && parse_unit(&plain).is_some()
}

/// The unit a column header part or a row label prints, as printed, or `None`:
/// 1. the whole text is a unit ("Bedragen x € 1.000", "%", "Fte", "Aantallen", "(x € 1.000)");
/// 2. a parenthesised group of unit words closes it ("EMU-saldo (in procenten bbp)",
///    "Verplichtingen (€ mln.)", "Omvang dienstverband (fte)", "BBP (in miljarden euro's)");
/// 3. a run of unit words from an "in" closes it ("idem, in % BBP", "… in € miljoen");
/// 4. a label that opens with the word "Aantal" counts ("Aantal complexe onderzoeken" → "Aantal").
pub fn unit_in_label(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    if is_unit_text(trimmed) {
        let inner = trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(trimmed);
        return Some(inner.trim().to_string());
    }
    if let Some(body) = trimmed.strip_suffix(')')
        && let Some(open) = body.rfind('(')
        && is_unit_text(&body[open + 1..])
    {
        return Some(body[open + 1..].trim().to_string());
    }
    let words: Vec<(usize, &str)> = trimmed
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - trimmed.as_ptr() as usize, word))
        .collect();
    for (index, (start, word)) in words.iter().enumerate().skip(1) {
        if word.eq_ignore_ascii_case("in") && words[index..].iter().all(|(_, w)| is_unit_word(w)) {
            let phrase = &trimmed[*start..];
            if parse_unit(phrase).is_some() && phrase.len() > 3 {
                return Some(phrase.trim_end_matches(')').trim().to_string());
            }
        }
    }
    let first = trimmed.split_whitespace().next().unwrap_or_default();
    (first.eq_ignore_ascii_case("aantal") && trimmed.len() > first.len()).then(|| first.to_string())
}

/// Finds the unit phrase of every column (in its header path, lowest part first) and of every
/// row that carries figures (in its label), and warns `unknown_unit` for a table's phrase that
/// [`parse_unit`] cannot read (the phrase stays as printed; its meaning is null). Column and row
/// phrases are only taken when they read, so they are never unknown.
pub fn annotate_units(tables: &mut [Table]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for table in tables.iter_mut() {
        let location = Location::table(table.index, table.lines.map(|(first, _)| first));
        if let Some(unit) = &table.unit
            && parse_unit(unit).is_none()
        {
            warnings.push(Warning::new(
                WarningKind::UnknownUnit,
                location.clone(),
                format!(
                    "the table's unit \"{unit}\" is not a unit this tool can read; its meaning is left empty"
                ),
            ));
        }
        for column in &mut table.columns {
            column.unit = column.path.iter().rev().find_map(|part| unit_in_label(part));
        }
        for row in &mut table.rows {
            row.unit = if row.kind.carries_data() { unit_in_label(&row.label) } else { None };
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(phrase: &str) -> Option<(i64, Option<&'static str>, &'static str)> {
        parse_unit(phrase).map(|m| (m.multiplier, m.currency, m.kind.name()))
    }

    /// Unit phrases with what they mean: the spellings the bundled pages print (captions, unit
    /// lines, column headers, row labels; tests/analyst_dataset.rs holds the fixtures to this),
    /// and a few that budget documents print elsewhere ("x 1.000 personen", "in euro's", "ratio").
    #[test]
    fn every_phrase_of_the_corpus_and_its_meaning() {
        let eur = Some("EUR");
        let thousand = Some((1_000, eur, "amount"));
        let million = Some((1_000_000, eur, "amount"));
        let billion = Some((1_000_000_000, eur, "amount"));
        let percent = Some((1, None, "percent"));
        for (phrase, expected) in [
            ("x € 1.000", thousand),
            ("x € 1 000", thousand),
            ("x € 1000", thousand),
            ("x €1000", thousand),
            ("in € 1 000", thousand),
            ("in € 1.000", thousand),
            ("x EUR 1.000", thousand),
            ("x EUR 1 000", thousand),
            ("in EUR 1.000", thousand),
            ("in EUR 1 000", thousand),
            ("Bedragen € 1.000", thousand),
            ("(bedragen x € 1.000)", thousand),
            ("x € 1 mln.", million),
            ("x € 1 mln", million),
            ("x € 1 miljoen", million),
            ("In miljoenen euro's (excl. HGIS)", million),
            ("In miljoenen euro", million),
            ("in miljoenen euro, plus = uitgave", million),
            ("in miljoenen euro, – is kasuitgave / kastekort", million),
            ("in miljoenen euro (in lopende prijzen; min betekent uitgaven", million),
            ("in miljoenen euro, min = uitgave/tekort", million),
            ("in mln. euro’s", million),
            ("€ mln.", million),
            ("in € miljoen", million),
            ("ondergrens in € miljoen", million),
            ("in miljarden euro; – is saldoverbeterend", billion),
            ("in miljarden euro, min = tekort", billion),
            ("in miljarden euro, tenzij anders aangegeven", billion),
            ("in miljarden euro; «–» is onderschrijding", billion),
            ("in miljarden euro; + is schuldverhogend", billion),
            ("in miljarden euro", billion),
            ("in miljarden euro's", billion),
            ("in mld. euro's", billion),
            ("in mld", Some((1_000_000_000, None, "amount"))),
            ("in euro's", Some((1, eur, "amount"))),
            ("%", percent),
            ("in %", percent),
            ("in procenten bbp", percent),
            ("in % BBP", percent),
            ("%BBP", percent),
            ("fte", Some((1, None, "fte"))),
            ("Fte", Some((1, None, "fte"))),
            ("Aantal", Some((1, None, "count"))),
            ("Aantallen", Some((1, None, "count"))),
            ("x 1.000 personen", Some((1_000, None, "count"))),
            ("ratio", Some((1, None, "ratio"))),
            ("x 1.000", Some((1_000, None, "other"))),
            ("Bedragen x 1.000", Some((1_000, None, "amount"))),
            ("in duizenden personen, nationale definitie", Some((1_000, None, "count"))),
            // A year in the phrase is no scale.
            ("in € mln 2015", million),
            // Any other figure makes an amount, not a unit (a text cell of wild page j1_06).
            ("EUR 1.472 mln.", None),
            ("EUR 2.000 mln.", None),
            ("stand per 31 december x € 1.000", Some((1_000, Some("EUR"), "amount"))),
            ("Realisatie", None),
            ("2019", None),
            ("", None),
        ] {
            assert_eq!(meaning(phrase), expected, "{phrase:?}");
        }
    }

    #[test]
    fn units_printed_in_headers_and_labels() {
        for (text, expected) in [
            ("Bedragen x € 1.000", Some("Bedragen x € 1.000")),
            ("(x € 1.000)", Some("x € 1.000")),
            ("%", Some("%")),
            ("Fte", Some("Fte")),
            ("Aantallen", Some("Aantallen")),
            ("EMU-saldo collectieve sector (in procenten bbp)", Some("in procenten bbp")),
            ("Verplichtingen (€ mln.)", Some("€ mln.")),
            ("Verplichtingen ( € miljoen)", Some("€ miljoen")),
            ("Omvang dienstverband (fte)", Some("fte")),
            ("BBP (in miljarden euro's)", Some("in miljarden euro's")),
            ("Conservatoir beslag (in mln. euro’s)", Some("in mln. euro’s")),
            ("idem, in % BBP", Some("in % BBP")),
            ("EMU-saldo in %BBP", Some("in %BBP")),
            ("Omvang begrotingsartikel (stand ontwerp-begroting) in € miljoen", Some("in € miljoen")),
            (
                "Budgettaire gevolgen van uitvoering: Eerste suppletoire begroting 2018 (Bedragen € 1.000)",
                Some("Bedragen € 1.000"),
            ),
            ("Aantal complexe onderzoeken", Some("Aantal")),
            // Not units: a year, a plain label, a label that only mentions money.
            ("2019", None),
            ("Realisatie", None),
            ("Bijdrage J&V voor de eurostar trein", None),
            ("Stand Miljoenennota 2022", None),
            ("Mutaties Miljoenennota", None),
            ("7. 2-miljard pakket", None),
            ("Kabinet van de Gouverneur van Aruba", None),
            ("0,19 fte", None),
            // A printed norm ("<6%", ">94%") is a value, not a unit.
            ("<6%", None),
            (">94%", None),
        ] {
            assert_eq!(unit_in_label(text).as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn amounts_scale_to_euros_and_nothing_else_does() {
        let thousand = parse_unit("x € 1.000").unwrap();
        assert_eq!(thousand.scaled(1522.0), Some(1_522_000.0));
        assert_eq!(parse_unit("%").unwrap().scaled(51.0), None);
        assert_eq!(parse_unit("x 1.000 personen").unwrap().scaled(3.0), None);
    }
}
