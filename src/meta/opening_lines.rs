//! The line rules of [`super::from_text`]: what a document's opening lines say of its type, year
//! and chapter outside a kamerstuk's head (the FJR's and a nota's title, a budget bill's part A,
//! the Rekenkamer's report, a suppletoire staat's title, "voor het jaar YEAR", an upper-case
//! chapter heading, an "H7 …" heading, a budget statement's "(VII) voor het jaar 2007"). Each rule
//! is one pattern; the kamerstuk head is [`super::kamerstuk`]'s, the order of sources
//! [`super::infer_meta`]'s.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::{CHAPTER, DocMeta, doc_type_code, kamerstuk, roman, year_of};

/// What the line rules found.
pub(super) struct LineReading {
    pub(super) meta: DocMeta,
    /// Whether an upper-case chapter heading ("VII BINNENLANDSE ZAKEN …") was among the lines.
    pub(super) has_chapter_heading: bool,
}

/// The opening-line rules of [`read_lines`], one pattern each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineRule {
    Fjr,
    BudgetBillPartA,
    RekenkamerReport,
    YearOf,
    SuppletoireTitle,
    NotaTitle,
    CapsHeading,
    HHeading,
    StatementChapter,
    PartHeading,
    /// Not a rule of its own: no ASCII line says "nota over de toestand van" in capitals
    /// without it.
    Toestand,
}

impl LineRule {
    /// Every rule in the order of its discriminant, which is its pattern's index in the set.
    const ALL: [LineRule; 11] = [
        LineRule::Fjr,
        LineRule::BudgetBillPartA,
        LineRule::RekenkamerReport,
        LineRule::YearOf,
        LineRule::SuppletoireTitle,
        LineRule::NotaTitle,
        LineRule::CapsHeading,
        LineRule::HHeading,
        LineRule::StatementChapter,
        LineRule::PartHeading,
        LineRule::Toestand,
    ];

    fn pattern(self) -> String {
        match self {
            LineRule::Fjr => r"(?i)financieel jaarverslag van het rijk(?:\s+(\d{4}))?".to_string(),
            LineRule::BudgetBillPartA => {
                r"(?i)\bartikelsgewijze toelichting bij het begrotings(?:wets)?voorstel\b".to_string()
            }
            LineRule::RekenkamerReport => {
                r#"(?i)\bons\s+[«"“']?rapport bij het (?:financieel )?jaarverslag (\d{4})\b"#.to_string()
            }
            LineRule::YearOf => r"voor het jaar (\d{4})".to_string(),
            LineRule::SuppletoireTitle => {
                r"(?i)voor het jaar \d{4}\s*\((eerste|tweede|1e|2e) suppletoire begroting\)".to_string()
            }
            LineRule::NotaTitle => {
                r"(?i)^(?:tekstgedeelte van de\s+)?(miljoenennota|voorjaarsnota|najaarsnota)\s+(\d{4})$"
                    .to_string()
            }
            LineRule::CapsHeading => format!(r"^({CHAPTER}) [A-ZËÏÖÜ][A-ZËÏÖÜ\- ,:]{{4,}}$"),
            LineRule::HHeading => r"^H(\d{1,2})([A-C])? [A-Z]".to_string(),
            // The first chapter of a title that names a ministry and the fund it manages: "…
            // Voedselkwaliteit (XIV) en het Diergezondheidsfonds (F) voor het jaar 2021" is the
            // ministry's document (its dossier number says XIV).
            LineRule::StatementChapter => {
                format!(r"\(({CHAPTER})\)(?:\s+en\s+(?:het|de)\s+[^()]+\([A-Z]\))?\s+voor het jaar \d{{4}}")
            }
            // A nota's part on one chapter, its expenditure or receipts: "IV Koninkrijksrelaties:
            // Uitgaven" (the Voorjaarsnota 2024's vertical explanation, wild page v2_07).
            LineRule::PartHeading => format!(r"^({CHAPTER}) [A-Z][^:]{{3,}}: (?:Uitgaven|Ontvangsten)$"),
            LineRule::Toestand => r"(?i)toestand".to_string(),
        }
    }
}

/// The line rules of [`super::from_text`] (its step 2).
pub(super) fn read_lines(head: &[&str]) -> LineReading {
    // A set of every rule's pattern is run once per line; only the rules whose pattern matched
    // are run again for their captures.
    static RULES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        LineRule::ALL.iter().map(|rule| Regex::new(&rule.pattern()).expect("valid regex")).collect()
    });
    static ANY_RULE: LazyLock<RegexSet> = LazyLock::new(|| {
        RegexSet::new(LineRule::ALL.iter().map(|rule| rule.pattern())).expect("valid regex set")
    });
    let mut meta = DocMeta::default();
    let mut caps_chapter = None;
    // The chapters of a nota's part headings: a page of one chapter's parts names one.
    let mut part_chapters: Vec<String> = Vec::new();
    let mut above_tables = true;
    for line in head {
        let matched = ANY_RULE.matches(line);
        let captures_of = |rule: LineRule| {
            matched.matched(rule as usize).then(|| RULES[rule as usize].captures(line)).flatten()
        };
        if let Some(captures) = captures_of(LineRule::Fjr) {
            meta.doc_type.get_or_insert_with(|| "FJR".to_string());
            if let Some(year) = captures.get(1).and_then(|m| year_of(m.as_str())) {
                meta.year.get_or_insert(year);
            }
        }
        if line.contains("NOTA VAN WIJZIGING") {
            meta.doc_type = Some("NvW".to_string());
        }
        // A nota's title heads the page, above its first table: further down, "Miljoenennota
        // 2015" is a table's row.
        // A kamerstuk's dossier number ("33 000", "36 725 VII") heads the page and is no figure.
        let dossier_number = kamerstuk::is_dossier_number(line);
        if (crate::interpret::vocabulary::is_figure(line) && !dossier_number)
            || crate::interpret::caption::tabel_number(line).is_some()
        {
            above_tables = false;
        }
        if above_tables && let Some(captures) = captures_of(LineRule::NotaTitle) {
            let nota = doc_type_code(&captures[1]).expect("the title rule names only nota types");
            meta.doc_type.get_or_insert_with(|| nota.to_string());
            if let Some(year) = year_of(&captures[2]) {
                meta.year.get_or_insert(year);
            }
        }
        // (Outside ASCII, upper-casing may spell the word with letters the pattern does not
        // fold: "toeﬆand".)
        if matched.matched(LineRule::Toestand as usize) || !line.is_ascii() {
            let upper = line.to_uppercase();
            if upper.contains("NOTA OVER DE TOESTAND VAN") && upper.contains("RIJKS FINANCIËN") {
                meta.doc_type.get_or_insert_with(|| "MN".to_string());
            }
        }
        if matched.matched(LineRule::BudgetBillPartA as usize) {
            meta.doc_type.get_or_insert_with(|| "OWB".to_string());
        }
        if let Some(captures) = captures_of(LineRule::RekenkamerReport) {
            meta.doc_type.get_or_insert_with(|| "ARK".to_string());
            if let Some(year) = year_of(&captures[1]) {
                meta.year.get_or_insert(year);
            }
        }
        // A changed budget statement's title names its suppletoire begroting ("… (XV) voor het
        // jaar 2025 (Eerste suppletoire begroting)"); an incidentele one is no such type.
        if let Some(captures) = captures_of(LineRule::SuppletoireTitle) {
            let first = matches!(captures[1].to_lowercase().as_str(), "eerste" | "1e");
            meta.doc_type.get_or_insert_with(|| if first { "1SUPP" } else { "2SUPP" }.to_string());
        }
        if let Some(captures) = captures_of(LineRule::YearOf)
            && let Some(year) = year_of(&captures[1])
        {
            meta.year.get_or_insert(year);
        }
        if caps_chapter.is_none()
            && let Some(captures) = captures_of(LineRule::CapsHeading)
        {
            caps_chapter = Some(captures[1].to_string());
        }
        // A budget statement's title names its chapter before its year: "Vaststelling van de
        // begrotingsstaat van … (IIB) voor het jaar 2007"; the ministry's when it names the fund
        // it manages after it ("… (XIV) en het Diergezondheidsfonds (F) voor het jaar 2021").
        if meta.chapter.is_none()
            && let Some(captures) = captures_of(LineRule::StatementChapter)
        {
            meta.chapter = Some(captures[1].to_string());
        }
        if let Some(captures) = captures_of(LineRule::PartHeading) {
            part_chapters.push(captures[1].to_string());
        }
        if meta.chapter.is_none()
            && let Some(captures) = captures_of(LineRule::HHeading)
            && let Ok(number) = captures[1].parse::<usize>()
        {
            meta.chapter = roman(number)
                .map(|numeral| format!("{numeral}{}", captures.get(2).map_or("", |m| m.as_str())));
        }
    }
    // A nota's part headings name the page's chapter only when they all name the same one (a
    // page of several chapters' parts is about none of them).
    part_chapters.dedup();
    if meta.chapter.is_none()
        && let [chapter] = part_chapters.as_slice()
    {
        meta.chapter = Some(chapter.clone());
    }
    let has_chapter_heading = caps_chapter.is_some();
    if let Some(chapter) = caps_chapter {
        meta.chapter = Some(chapter);
    }
    LineReading { meta, has_chapter_heading }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_rules_are_listed_in_the_order_of_their_patterns() {
        for (index, rule) in LineRule::ALL.iter().enumerate() {
            assert_eq!(*rule as usize, index, "{rule:?}");
        }
    }
}
