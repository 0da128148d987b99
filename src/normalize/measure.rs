//! What kind of figure a column holds, and which budget article a row is about.
//!
//! [`Measure`] is a closed vocabulary (docs/schema.md): the header path says whether a column holds
//! a realisation, a budget at some stage, an estimate, a change, a norm or target, or, when it says
//! nothing of that, whether it holds commitments, expenditure or receipts. A header that names
//! none of these gives no measure: the tool does not guess one from the page's habits.
//!
//! [`row_article`] reads the budget article a row belongs to from what is printed: the word
//! "artikel" in the row's label, the group rows above it, or the table's title and section
//! heading ("Artikel 6. Kabinet van de Gouverneur van Aruba", "Budgettaire gevolgen van beleid
//! artikel 31", "3.1 Artikel 31 Politie"), else the label's leading number ("31 Politie") or its
//! code cell ("31").

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::table::{Row, Table};

/// The kind of figure a column holds, from its header path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// "Realisatie".
    Realisatie,
    /// "Vastgestelde begroting", "Stand vastgestelde begroting".
    VastgesteldeBegroting,
    /// "Ontwerpbegroting", "Stand ontwerpbegroting".
    Ontwerpbegroting,
    /// "1e suppletoire begroting", "Eerste suppletoire".
    Suppletoire1,
    /// "2e suppletoire begroting", "Tweede suppletoire".
    Suppletoire2,
    /// "Suppletoire begroting" without saying which.
    Suppletoire,
    /// "Raming", "Totaal geraamd".
    Raming,
    /// "Mutatie", "Mutaties 1e suppletoire begroting".
    Mutatie,
    /// "Verschil", "Slotverschillen".
    Verschil,
    /// "Stand Miljoenennota 2022".
    Stand,
    /// "Norm".
    Norm,
    /// "Streefwaarde".
    Streefwaarde,
    /// "Basiswaarde", "Nulmeting".
    Basiswaarde,
    /// "Verplichtingen", where the header names no measure above.
    Verplichtingen,
    /// "Uitgaven", where the header names no measure above.
    Uitgaven,
    /// "Ontvangsten", where the header names no measure above.
    Ontvangsten,
}

impl Measure {
    /// The stable snake_case name used in every output.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Realisatie => "realisatie",
            Measure::VastgesteldeBegroting => "vastgestelde_begroting",
            Measure::Ontwerpbegroting => "ontwerpbegroting",
            Measure::Suppletoire1 => "suppletoire_1",
            Measure::Suppletoire2 => "suppletoire_2",
            Measure::Suppletoire => "suppletoire",
            Measure::Raming => "raming",
            Measure::Mutatie => "mutatie",
            Measure::Verschil => "verschil",
            Measure::Stand => "stand",
            Measure::Norm => "norm",
            Measure::Streefwaarde => "streefwaarde",
            Measure::Basiswaarde => "basiswaarde",
            Measure::Verplichtingen => "verplichtingen",
            Measure::Uitgaven => "uitgaven",
            Measure::Ontvangsten => "ontvangsten",
        }
    }
}

/// The header words of each measure, in the order they are tried: a change or difference first
/// ("Mutaties 1e suppletoire begroting" is a change, not the budget), then the budget stages
/// ("Vastgestelde begroting (incl. suppletoire begrotingen …)" is the adopted budget; then the
/// most specific supplementary one), then the rest; the budget-kind words last.
static MEASURE_WORDS: LazyLock<Vec<(Regex, Measure)>> = LazyLock::new(|| {
    [
        (r"verschil", Measure::Verschil),
        (r"\bmutaties?\b|\bwijziging", Measure::Mutatie),
        (r"\bvastgesteld", Measure::VastgesteldeBegroting),
        (r"\b(?:2e|2de|tweede)\s+supp", Measure::Suppletoire2),
        (r"\b(?:1e|1ste|eerste)\s+supp", Measure::Suppletoire1),
        (r"\bsuppletoire", Measure::Suppletoire),
        (r"\bontwerp-?\s*begroting", Measure::Ontwerpbegroting),
        (r"\brealisaties?\b|\bgerealiseerd", Measure::Realisatie),
        (r"\braming(?:en)?\b|\bgeraamd", Measure::Raming),
        (r"\bnorm(?:en)?\b", Measure::Norm),
        (r"\bstreefwaarden?\b", Measure::Streefwaarde),
        (r"\bbasiswaarden?\b|\bnulmeting", Measure::Basiswaarde),
        (r"\bstand\b", Measure::Stand),
        (r"\bverplichtingen\b", Measure::Verplichtingen),
        (r"\buitgaven\b", Measure::Uitgaven),
        (r"\bontvangsten\b", Measure::Ontvangsten),
    ]
    .into_iter()
    .map(|(pattern, measure)| (Regex::new(&format!("(?i){pattern}")).expect("valid regex"), measure))
    .collect()
});

/// The measure a header path names, or `None`.
pub fn column_measure(path: &[String]) -> Option<Measure> {
    let header = path.join(" ");
    MEASURE_WORDS.iter().find(|(words, _)| words.is_match(&header)).map(|(_, measure)| *measure)
}

/// "Artikel 31", "art. 31", "beleidsartikel 31" (not "artikel 2.7", a law's article).
static ARTICLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:beleids|niet-beleids)?(?:artikel|art\.)\s*(\d{1,3}[a-z]?)\b(?:$|[^.\d]|\.(?:\D|$))")
        .expect("valid regex")
});

/// A label that opens with an article number and its name: "31 Politie".
static NUMBERED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\s+\p{Lu}\p{Ll}").expect("valid regex"));

/// The article a text names with the word "artikel".
fn named_article(text: &str) -> Option<String> {
    ARTICLE_WORD.captures(text).map(|captures| captures[1].to_lowercase())
}

/// The budget article a row is about, from what is printed: the word "artikel" first, nearest
/// first (the label: "Artikel 6. …"; the group rows it sits under, innermost first; the table's
/// title, then its section heading: "3.1 Artikel 31 Politie"), then a label that opens with a
/// number and a name ("31 Politie") or a code cell of one to three digits ("31") in a table whose
/// headings name no article (in "… artikel 31" a row coded "1" is a part of article 31, not
/// article 1). `None` when nothing printed names one.
pub fn row_article(table: &Table, row: &Row) -> Option<String> {
    // The label, or the article's word and number cut from it into the code ("Artikel 3.").
    if let Some(article) = named_article(&row.label).or_else(|| row.code.as_deref().and_then(named_article)) {
        return Some(article);
    }
    if let Some(group) = &row.group
        && let Some(article) = group.rsplit(" > ").find_map(named_article)
    {
        return Some(article);
    }
    if let Some(article) =
        [&table.title, &table.section].into_iter().flatten().find_map(|text| named_article(text))
    {
        return Some(article);
    }
    if let Some(captures) = NUMBERED_NAME.captures(&row.label) {
        return Some(captures[1].to_string());
    }
    row.code
        .as_ref()
        .filter(|code| (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()))
        .cloned()
}

/// Sets every column's measure and every data row's article.
pub fn annotate_measures_and_articles(tables: &mut [Table]) {
    for table in tables {
        for column in &mut table.columns {
            column.measure = column_measure(&column.path);
        }
        let articles: Vec<Option<String>> = table
            .rows
            .iter()
            .map(|row| if row.kind.carries_data() { row_article(table, row) } else { None })
            .collect();
        for (row, article) in table.rows.iter_mut().zip(articles) {
            row.article = article;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(parts: &[&str]) -> Option<&'static str> {
        column_measure(&parts.iter().map(|p| p.to_string()).collect::<Vec<_>>()).map(Measure::name)
    }

    /// Header paths as the bundled pages print them (fixtures/wild/dev/c7_03.txt: the slotwet
    /// table of the Diergezondheidsfonds; the seed's "Realisatie" over "2019"; indicator tables).
    #[test]
    fn measures_from_printed_headers() {
        for (path, expected) in [
            (&["Realisatie", "2019"][..], Some("realisatie")),
            (&["(1) Stand vastgestelde begroting 2017"], Some("vastgestelde_begroting")),
            (&["(2) Mutaties 1e suppletoire begroting 2017"], Some("mutatie")),
            (&["(3) Mutaties 2e suppletoire begroting 2017"], Some("mutatie")),
            (&["(4)=(1)+(2)+(3) Totaal geraamd"], Some("raming")),
            (&["(5) Realisatie"], Some("realisatie")),
            (&["(6)=(5)-(4) Slotverschillen (+ of -)"], Some("verschil")),
            (&["Stand ontwerpbegroting 2019"], Some("ontwerpbegroting")),
            (&["Stand 1e suppletoire begroting"], Some("suppletoire_1")),
            (
                &["Vastgestelde begroting (incl. Suppletoire begrotingen, NvW en amendementen)"],
                Some("vastgestelde_begroting"),
            ),
            (&["Stand ontwerp- begroting (1)"], Some("ontwerpbegroting")),
            (&["Tweede suppletoire begroting 2016"], Some("suppletoire_2")),
            (&["Stand Miljoenennota 2022"], Some("stand")),
            (&["Streefwaarde 2025"], Some("streefwaarde")),
            (&["Basiswaarde"], Some("basiswaarde")),
            (&["Norm"], Some("norm")),
            (&["Raming 2023"], Some("raming")),
            (&["Uitgaven"], Some("uitgaven")),
            (&["Realisatie uitgaven 2019"], Some("realisatie")),
            (&["2019"], None),
            (&["Totaal"], None),
            (&["Normaal"], None),
            (&["Standaard"], None),
        ] {
            assert_eq!(measure(path), expected, "{path:?}");
        }
    }

    #[test]
    fn articles_from_labels_codes_groups_and_headings() {
        let table = Table { section: Some("3.2 Artikel 31 Politie".into()), ..Table::default() };
        let row = |label: &str, code: Option<&str>, group: Option<&str>| Row {
            label: label.into(),
            code: code.map(str::to_string),
            group: group.map(str::to_string),
            ..Row::default()
        };
        let plain = Table::default();
        for (row, table, expected) in [
            (row("Artikel 6. Kabinet van de Gouverneur van Aruba", None, None), &plain, Some("6")),
            (row("31 Politie", None, None), &plain, Some("31")),
            (row("Politie", Some("31"), None), &plain, Some("31")),
            // The article's word and number cut from a name glued to it (wild page b2_08).
            (row("Garanderen van keuzemogelijkheden", Some("Artikel 3."), None), &table, Some("3")),
            (row("Apparaat", Some("IIA"), None), &plain, None),
            (row("Personeel", None, Some("Artikel 32 Rechtspleging > Uitgaven")), &plain, Some("32")),
            (row("Subsidies", None, None), &table, Some("31")),
            // In a table about article 31, a row coded "1" is a part of it, not article 1.
            (row("Opdrachten", Some("1"), None), &table, Some("31")),
            (row("Bekostiging volgens artikel 2.7 van de wet", None, None), &plain, None),
            (row("2 578", None, None), &plain, None),
        ] {
            assert_eq!(row_article(table, &row).as_deref(), expected, "{:?}", row.label);
        }
    }
}
