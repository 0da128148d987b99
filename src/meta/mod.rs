//! Document metadata: the budget year, the document type and the budget chapter.
//!
//! Owns the reading of page addresses (a `.url` sidecar or a `--manifest` entry; in
//! `meta/address.rs`), of rijksfinancien-style file paths (`…/2022/OWB/VI/…`), and of the
//! document's own opening lines (a kamerstuk's head, in `meta/kamerstuk.rs`; titles and
//! headings, in `meta/opening_lines.rs`).
//! Unknown stays `None` with a warning; nothing is guessed.
//!
//! The order of sources, per field: the address first (it is what the publisher filed the page
//! under), then the file path, then the opening lines of the text; a later source only fills a
//! field the earlier ones left `None`. Within the text, a kamerstuk's head comes before the other
//! line rules. Then the page's own words refine what the address cannot tell apart (a fund's page
//! filed under its ministry, the slotwet filed with the jaarverslag, the Nationale Schuld filed
//! with Financiën; in `meta/refine.rs`). Each rule is listed at [`from_address`], [`from_path`],
//! [`from_text`] and [`infer_meta`]. Known limit: an address of a host this module does not know
//! gives only what a kamerstuk id in it, the path and the text give.

mod address;
mod kamerstuk;
mod opening_lines;
mod refine;

pub use address::from_address;

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::error::{Location, Warning, WarningKind};
use kamerstuk::KamerstukHead;
use opening_lines::read_lines;

/// What a document is: year, type and chapter, each `None` when the inputs do not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DocMeta {
    /// The budget year (the year the budget, report or note is about).
    pub year: Option<i32>,
    /// The document type code: OWB, 1SUPP, 2SUPP, JV, slotwet, MN, VJN, NJN, FJR, NvW, or ARK
    /// (a report or letter of the Algemene Rekenkamer).
    pub doc_type: Option<String>,
    /// The budget chapter: a Roman numeral with an optional letter (VI, IXB, IIA) or a fund
    /// letter (A, B, C, F, H, J, K).
    pub chapter: Option<String>,
    /// The Kamerstuk dossier number, without spaces ("35470"), where the document or its
    /// address states one.
    #[serde(default)]
    pub dossier: Option<String>,
    /// The number of the stuk within its dossier ("4"), where the document or its address
    /// states one.
    #[serde(default)]
    pub stuk: Option<String>,
}

impl DocMeta {
    /// Fills the fields that are still `None` from `other`.
    fn fill_from(&mut self, other: DocMeta) {
        if self.year.is_none() {
            self.year = other.year;
        }
        if self.doc_type.is_none() {
            self.doc_type = other.doc_type;
        }
        if self.chapter.is_none() {
            self.chapter = other.chapter;
        }
        if self.dossier.is_none() {
            self.dossier = other.dossier;
        }
        if self.stuk.is_none() {
            self.stuk = other.stuk;
        }
    }
}

/// Document types that cover the whole State, and so have no chapter.
const WHOLE_STATE_TYPES: &[&str] = &["FJR"];

/// True for a document type that covers the whole State and so has no chapter (the FJR).
fn is_whole_state_type(doc_type: Option<&str>) -> bool {
    doc_type.is_some_and(|t| WHOLE_STATE_TYPES.contains(&t))
}

/// Works out the metadata of a document from its address, its path and its text, and warns for
/// every field that stays unknown (a chapter is not expected of whole-State documents, nor of
/// the Miljoenennota's, Voorjaarsnota's and Najaarsnota's general annexes).
///
/// Steps, in this order:
/// 1. The address, then the path, then the text ([`from_text`]): a later source only fills a
///    field the earlier ones left `None`.
/// 2. The page's own words refine what the address files it under, where the address cannot tell
///    (the rules are in `meta/refine.rs`). On a page without a kamerstuk head (a head is the
///    paper's own statement and stands):
///    - a jaarverslag (JV) whose page shows the slotwet's title or columns is the slotwet: the
///      two are filed together (one "Jaarverslag en slotwet" dossier; rijksfinancien.nl files the
///      slotwet's memorie van toelichting under `…/YEAR/JV/…`);
///    - a page that introduces itself by a budget fund is that fund's chapter, whatever chapter
///      the address names: a fund is published in, and filed under, the document of the
///      ministry that manages it (the BES-fonds with Koninkrijksrelaties, IV).
///
///    On any page, chapter IX with the Nationale Schuld named in the opening lines (by name or
///    by one of its articles) is IXA: rijksfinancien.nl files both parts of chapter IX under
///    "IX" (Financiën itself stays "IX", as the address says).
/// 3. A whole-State document (the FJR) has no chapter, but for a page of it that introduces
///    itself by a budget fund (step 2): that page is about the fund.
pub fn infer_meta(url: Option<&str>, path: &Path, text: &str) -> (DocMeta, Vec<Warning>) {
    let mut meta = url.map(from_address).unwrap_or_default();
    meta.fill_from(from_path(path));
    meta.fill_from(from_text(text));
    let opening: Vec<&str> = text.lines().take(OPENING_LINES).map(str::trim).collect();
    let kamerstuk = KamerstukHead::find(&opening).is_some();
    if !kamerstuk && meta.doc_type.as_deref() == Some("JV") && refine::shows_slotwet(&opening) {
        meta.doc_type = Some("slotwet".to_string());
    }
    let fund = if kamerstuk { None } else { refine::fund_chapter(&opening) };
    if let Some(fund) = &fund {
        meta.chapter = Some(fund.clone());
    }
    if meta.chapter.as_deref() == Some("IX") && refine::shows_nationale_schuld(&opening) {
        meta.chapter = Some("IXA".to_string());
    }
    // A page of a whole-State document that introduces itself by one fund (the FJR's annex on
    // the Defensiematerieelbegrotingsfonds' mutations) is about that fund's chapter.
    if is_whole_state_type(meta.doc_type.as_deref()) && fund.is_none() {
        meta.chapter = None;
    }
    let mut warnings = Vec::new();
    if meta.year.is_none() {
        warnings.push(unknown("year", url));
    }
    if meta.doc_type.is_none() {
        warnings.push(unknown("document type", url));
    }
    let chapter_expected =
        matches!(meta.doc_type.as_deref(), Some("OWB" | "1SUPP" | "2SUPP" | "JV" | "slotwet" | "NvW"));
    if meta.chapter.is_none() && chapter_expected {
        warnings.push(unknown("chapter", url));
    }
    (meta, warnings)
}

fn unknown(field: &str, url: Option<&str>) -> Warning {
    let from = match url {
        Some(url) => format!("neither the address {url} nor the path or text"),
        None => "neither the path nor the text (no address: add a NAME.url sidecar or a --manifest entry)"
            .to_string(),
    };
    Warning::new(
        WarningKind::UnknownMetadata,
        Location::default(),
        format!("the {field} is unknown: {from} says it"),
    )
}

/// Budget chapters: Roman numerals I to XXIII with an optional letter (IIA, IXB; XXIII is Klimaat
/// en Groene Groei), or a fund letter: A Infrastructuur-/Mobiliteitsfonds, B Gemeentefonds, C
/// Provinciefonds, D Fonds Economische Structuurversterking, F Diergezondheidsfonds, G
/// BTW-compensatiefonds, H BES-fonds, J Deltafonds, K Defensiematerieelbegrotingsfonds, L
/// Nationaal Groeifonds, M Klimaatfonds. Longest alternatives first, so an unanchored match takes
/// "XIV" rather than "X".
static CHAPTER: &str = r"(?:(?:XXIII|XXII|XXI|XX|XVIII|XVII|XVI|XIV|XIX|XIII|XII|XV|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)[A-C]?|[A-DF-HJ-M])";

/// A chapter code as used in addresses and paths ("VI", "IXB", "K"), case-insensitive.
fn chapter_code(segment: &str) -> Option<String> {
    static CODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("^(?i:{CHAPTER})$")).expect("valid regex"));
    CODE.is_match(segment).then(|| segment.to_ascii_uppercase())
}

/// A document type as used in addresses and paths.
fn doc_type_code(segment: &str) -> Option<&'static str> {
    Some(match segment.to_ascii_lowercase().as_str() {
        "owb" | "ontwerpbegroting" => "OWB",
        "1supp" | "1esuppletoire" => "1SUPP",
        "2supp" | "2esuppletoire" => "2SUPP",
        "jv" | "jaarverslag" => "JV",
        "slotwet" => "slotwet",
        "mn" | "miljoenennota" => "MN",
        "vjn" | "voorjaarsnota" => "VJN",
        "njn" | "najaarsnota" => "NJN",
        "fjr" | "financieel-jaarverslag" => "FJR",
        "nvw" | "nota-van-wijziging" => "NvW",
        _ => return None,
    })
}

fn year_of(segment: &str) -> Option<i32> {
    let year: i32 = segment.parse().ok()?;
    (segment.len() == 4 && (1990..=2100).contains(&year)).then_some(year)
}

/// Reads rijksfinancien-style parts of a file path: a year part, a type part and a chapter part
/// in any folder ("archief/2022/OWB/VI/2.2.html"). A chapter part is only taken next to a type
/// part, so a folder named "C" alone says nothing.
pub fn from_path(path: &Path) -> DocMeta {
    let mut meta = DocMeta::default();
    let parts: Vec<String> = path
        .parent()
        .map(|parent| parent.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    for (index, part) in parts.iter().enumerate() {
        if meta.year.is_none() {
            meta.year = year_of(part);
        }
        if meta.doc_type.is_none()
            && let Some(code) = doc_type_code(part)
        {
            meta.doc_type = Some(code.to_string());
            meta.chapter = parts.get(index + 1).and_then(|next| chapter_code(next));
        }
    }
    meta
}

/// How many opening lines of a document's text [`from_text`] reads.
pub const OPENING_LINES: usize = 80;

/// Reads the opening lines of a document (the first [`OPENING_LINES`] lines).
///
/// Steps, in this order:
/// 1. A kamerstuk's head ("35 925 VII Vaststelling van de begrotingsstaten … voor het jaar 2022",
///    "Nr. 50 NOTA VAN WIJZIGING"; the rules are in `meta/kamerstuk.rs`) gives the year, the type and
///    the chapter: it is the paper's own statement of what it is.
/// 2. The line rules fill what the head left unknown (or everything, on a page without one):
///    "Financieel Jaarverslag van het Rijk YEAR" → FJR and YEAR (the annex's own prose naming
///    the report); "NOTA VAN WIJZIGING" → NvW; "Artikelsgewijze toelichting bij het
///    begrotingswetsvoorstel" (or "… begrotingsvoorstel"), the heading of part A of a budget's
///    memorie van toelichting, → OWB (a suppletoire begroting's says "… bij het wetsvoorstel",
///    which names no type); the Algemene Rekenkamer sending "ons «Rapport bij het Jaarverslag
///    YEAR …»" (a series only it writes) → ARK and YEAR; a line above the page's first table
///    that is only a nota's title and its year ("Voorjaarsnota 2025", "Miljoenennota 2012",
///    "Najaarsnota 2007", and the Miljoenennota's subtitle "Tekstgedeelte van de Miljoenennota
///    2012") → that type and YEAR; "Nota over de toestand van 's Rijks financiën" (the Miljoenennota's formal title) →
///    MN; a budget statement's title "… voor het jaar YEAR (Eerste suppletoire begroting)" →
///    1SUPP (2SUPP for "Tweede"); "voor het jaar YEAR" → YEAR, and a chapter in brackets before
///    it ("… Aruba (IIB) voor het jaar 2007") → that chapter; an upper-case
///    chapter heading ("VII BINNENLANDSE ZAKEN …", "C PROVINCIEFONDS") → the chapter; "H2A
///    Staten-Generaal" (a Voorjaarsnota-style table heading) → chapter IIA.
/// 3. On a page without a kamerstuk head, an upper-case chapter heading with the type still
///    unknown means MN: this is the layout of the Miljoenennota's verdiepingshoofdstuk, the only
///    document printing its chapters as such headings.
/// 4. With the year still unknown, the whole text is read for the sentences of a budget bill's
///    explanation that state the year the bill sets (`budget_bill_year`): they stand in its
///    part A, which follows a table of contents that can run past the opening lines.
///
/// No rule reads "Vergaderjaar 2009–2010": that is the parliamentary session, not the budget
/// year. A year printed alone (a table's column header) is not read either.
pub fn from_text(text: &str) -> DocMeta {
    let head: Vec<&str> = text.lines().take(OPENING_LINES).map(str::trim).collect();
    let lines = read_lines(&head);
    let mut meta = match KamerstukHead::find(&head) {
        Some(kamerstuk) => {
            let mut meta = kamerstuk.meta();
            meta.fill_from(lines.meta);
            meta
        }
        None => {
            let mut meta = lines.meta;
            if lines.has_chapter_heading {
                meta.doc_type.get_or_insert_with(|| "MN".to_string());
            }
            meta
        }
    };
    if meta.year.is_none() {
        meta.year = budget_bill_year(text);
    }
    meta
}

/// The year a budget bill sets, as the standard text of its explanation's part A ("Artikelsgewijze
/// toelichting bij het begrotingswetsvoorstel") states it: "Samen vormen alle begrotingswetten …
/// de Rijksbegroting voor 2015" (also "… de Rijksbegroting 2009"), or the budget naming itself,
/// "Dit is de begroting 2019 van …", or the bill's own title, "(het wetsvoorstel tot) vaststelling
/// [wijziging] van de begrotingsstaat(en) van … voor (het jaar) 2011". The first such sentence in
/// the text counts. Other sentences naming a Rijksbegroting or a begroting with a year are not
/// read: they compare with other years ("Vergeleken met de begroting 2018 …").
fn budget_bill_year(text: &str) -> Option<i32> {
    static BILL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bbegrotingswetten\b.*\brijksbegroting\s+(?:voor\s+)?(\d{4})\b|\bdit is de begroting\s+(\d{4})\b|\b(?:vaststelling|wijziging) van de begrotingsstaat(?:en)?\b[^.]*?\bvoor\s+(?:het\s+jaar\s+)?(\d{4})\b",
        )
        .expect("valid regex")
    });
    // Each sentence holds one of these words: one search of the whole text for them rules out
    // nearly every document before any line is read.
    static BILL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)begrotingswetten|dit is de begroting|begrotingsstaat").expect("valid regex")
    });
    if !BILL_WORDS.is_match(text) {
        return None;
    }
    text.lines().find_map(|line| {
        let captures = BILL_YEAR.captures(line)?;
        year_of(captures.get(1).or_else(|| captures.get(2)).or_else(|| captures.get(3))?.as_str())
    })
}

/// The opening lines of the text of an HTML page (its first [`OPENING_LINES`] lines, within its
/// first 64 KiB) with its tags turned into line breaks, good enough for [`from_text`]'s line
/// rules, which read no further. Scripts and styles are dropped. One pass over the bytes, no
/// regular expression, and it stops once it has the lines: this runs on every page.
pub fn visible_text_of_markup(html: &str) -> String {
    let mut end = html.len().min(64 * 1024);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let lowered = head.as_bytes();
    let mut text = String::new();
    let mut lines = 0;
    let mut at = 0;
    while at < head.len() && lines < OPENING_LINES {
        let Some(offset) = head[at..].find('<') else {
            text.push_str(&head[at..]);
            break;
        };
        let between = &head[at..at + offset];
        lines += between.bytes().filter(|&b| b == b'\n').count();
        text.push_str(between);
        let tag = at + offset;
        let is_raw = |name: &[u8]| {
            lowered.len() >= tag + 1 + name.len()
                && lowered[tag + 1..tag + 1 + name.len()].eq_ignore_ascii_case(name)
        };
        let close = if is_raw(b"script") {
            find_case_insensitive(&head[tag..], "</script").map(|found| tag + found)
        } else if is_raw(b"style") {
            find_case_insensitive(&head[tag..], "</style").map(|found| tag + found)
        } else {
            Some(tag)
        };
        let Some(close) = close else { break };
        match head[close..].find('>') {
            Some(found) => at = close + found + 1,
            None => break,
        }
        text.push('\n');
        lines += 1;
    }
    text.replace("&nbsp;", " ").replace("&amp;", "&")
}

/// A case-blind substring search over a page's head (a few kilobytes); `memchr::memmem` only
/// matches exact bytes, so this stays a plain window scan.
fn find_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle))
}

/// Roman numerals for budget chapters 1 to 19.
fn roman(number: usize) -> Option<&'static str> {
    const NUMERALS: [&str; 19] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX",
    ];
    NUMERALS.get(number.checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(year: i32, doc_type: &str, chapter: Option<&str>) -> DocMeta {
        DocMeta {
            year: Some(year),
            doc_type: Some(doc_type.to_string()),
            chapter: chapter.map(str::to_string),
            ..DocMeta::default()
        }
    }

    #[test]
    fn kamerstukken_need_their_text() {
        let address = "https://zoek.officielebekendmakingen.nl/dossier/kst-35925-VII-50.html";
        let text = "35 925 VII Vaststelling van de begrotingsstaten van het Ministerie (VII) voor het jaar 2022\n\nNr. 50 NOTA VAN WIJZIGING\n";
        let (found, warnings) = infer_meta(Some(address), Path::new("017.txt"), text);
        assert_eq!(found, meta(2022, "NvW", Some("VII")));
        assert!(warnings.is_empty());
        let fjr =
            "34 475 Financieel Jaarverslag van het Rijk 2015\n\nNr. 1 FINANCIEEL JAARVERSLAG VAN HET RIJK\n";
        let (found, _) = infer_meta(
            Some("https://zoek.officielebekendmakingen.nl/kst-34475-1.html"),
            Path::new("x.txt"),
            fjr,
        );
        assert_eq!(found, meta(2015, "FJR", None));
    }

    #[test]
    fn address_then_path_then_text() {
        let owb = "36 200 XIV Vaststelling van de begrotingsstaten van het Ministerie van Landbouw, Natuur en Voedselkwaliteit (XIV) voor het jaar 2023\n\nNr. 2 MEMORIE VAN TOELICHTING\n";
        // The address names only the year; the path names type and chapter; the text all three.
        let (found, _) = infer_meta(
            Some("http://www.rijksbegroting.nl/2018/kamerstukken,2019/5/15/kst260576_5.html"),
            Path::new("archief/2016/JV/VII/p.txt"),
            owb,
        );
        assert_eq!(found, meta(2018, "JV", Some("VII")));
        let (found, _) = infer_meta(
            Some("http://www.rijksbegroting.nl/2018/kamerstukken,2019/5/15/kst260576_5.html"),
            Path::new("p.txt"),
            owb,
        );
        assert_eq!(found, meta(2018, "OWB", Some("XIV")));
        let (found, warnings) = infer_meta(
            Some("https://zoek.officielebekendmakingen.nl/kst-36200-XIV-2.html"),
            Path::new("p.txt"),
            owb,
        );
        assert_eq!(found, meta(2023, "OWB", Some("XIV")));
        assert!(warnings.is_empty());
    }

    #[test]
    fn the_vergaderjaar_is_not_the_budget_year() {
        let text = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2009–2010\n\n2010\n\nTabel 1 Iets\n";
        let (found, warnings) = infer_meta(
            Some("https://zoek.officielebekendmakingen.nl/kst-32123-VII-5.html"),
            Path::new("p.txt"),
            text,
        );
        assert_eq!(found.year, None);
        assert_eq!(found.chapter.as_deref(), Some("VII"));
        assert!(warnings.iter().any(|w| w.message.contains("the year is unknown")), "{warnings:?}");
    }

    #[test]
    fn algemene_rekenkamer() {
        let letter = "35 000 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2019\n\nNr. 5 BRIEF VAN DE ALGEMENE REKENKAMER\n";
        let (found, warnings) = infer_meta(
            Some("https://zoek.officielebekendmakingen.nl/kst-35000-X-5.html"),
            Path::new("p.txt"),
            letter,
        );
        assert_eq!(found, meta(2019, "ARK", Some("X")));
        assert!(warnings.is_empty());
        let (found, warnings) = infer_meta(
            Some(
                "https://www.rekenkamer.nl/publicaties/rapporten/2023/05/17/resultaten-verantwoordingsonderzoek",
            ),
            Path::new("p.txt"),
            "Resultaten verantwoordingsonderzoek\n",
        );
        assert_eq!(found, DocMeta { doc_type: Some("ARK".to_string()), ..DocMeta::default() });
        assert_eq!(warnings.len(), 1, "only the year is missing: {warnings:?}");
    }

    #[test]
    fn a_kamerstuk_head_is_no_miljoenennota_chapter_page() {
        // An incidentele suppletoire begroting: the title names no type, and its upper-case
        // chapter heading must not make it the Miljoenennota.
        let isb = "35 420 XV Wijziging van de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het jaar 2020 (Tweede incidentele suppletoire begroting)\nNr. 3 MEMORIE VAN TOELICHTING\nXV SOCIALE ZAKEN EN WERKGELEGENHEID\n";
        assert_eq!(
            from_text(isb),
            DocMeta {
                year: Some(2020),
                doc_type: None,
                chapter: Some("XV".to_string()),
                ..DocMeta::default()
            }
        );
        // A table row naming the Miljoenennota is no title.
        assert_eq!(
            from_text("Tabel 1 Stand\n\nStand Miljoenennota 2022\n\nMiljoenennota 2015\n"),
            DocMeta::default()
        );
    }

    #[test]
    fn a_kamerstuk_head_in_markup() {
        let html = "<h1 class=\"dossiertitel\"><span class=\"dossiernummer\">36 800 K</span> Vaststelling van de begrotingsstaat van het Defensiematerieelbegrotingsfonds voor het jaar 2026</h1><h1 class=\"stuktitel\"><span class=\"stuknummer\">Nr. 6</span> NOTA VAN WIJZIGING</h1>";
        assert_eq!(from_text(&visible_text_of_markup(html)), meta(2026, "NvW", Some("K")));
    }

    #[test]
    fn chapter_headings_in_the_text() {
        let text = "Direct naar\n\nStaten Generaal\n\nIIA STATEN-GENERAAL\n \n\n2019\n";
        let (found, _) = infer_meta(
            Some("http://rijksbegroting.minfin.nl/2020/kamerstukken,2019/1/1/kst264817_60.html"),
            Path::new("044.txt"),
            text,
        );
        assert_eq!(found, meta(2020, "MN", Some("IIA")));
        let vjn = "Staten Generaal\n\nTabel 20\n\nH2A Staten-Generaal - Uitgaven\n";
        let (found, _) = infer_meta(
            Some("https://www.rijksfinancien.nl/voorjaarsnota/2022/1338466"),
            Path::new("x.txt"),
            vjn,
        );
        assert_eq!(found, meta(2022, "VJN", Some("IIA")));
        // Wild page v2_07, line 5: the Voorjaarsnota 2024's part on chapter IV.
        let part = "Base description which applies to whole site\n\nKoninkrijksrelaties\n\nIV Koninkrijksrelaties: Uitgaven\n\nIn miljoenen euro\n";
        let (found, _) = infer_meta(
            Some("https://rijksfinancien.nl/voorjaarsnota/2024/2744773"),
            Path::new("x.txt"),
            part,
        );
        assert_eq!(found, meta(2024, "VJN", Some("IV")));
        // Review of session 24: a page of several chapters' parts names none.
        let parts = "Verticale toelichting per begrotingshoofdstuk\n\nI De Koning: Uitgaven\n\n223\n\nIIA Staten-Generaal: Uitgaven\n";
        let (found, _) = infer_meta(
            Some("https://rijksfinancien.nl/voorjaarsnota/2024/2744700"),
            Path::new("x.txt"),
            parts,
        );
        assert_eq!(found.chapter, None);
        // A budget statement's title (wild page c6_04, whose address names no chapter).
        let statement = "A. Artikelsgewijze toelichting bij het begrotingswetsvoorstel\n\nVaststelling van de \
            begrotingsstaat van de Raad van State, … en het kabinet van de Gouverneur van Aruba (IIB) voor het jaar 2007\n";
        let (found, _) = infer_meta(
            Some("http://rijksbegroting.nl/2007/voorbereiding/begroting,kst99322_2_1.html"),
            Path::new("x.txt"),
            statement,
        );
        assert_eq!(found, meta(2007, "OWB", Some("IIB")));
        // A title that names the ministry and the fund it manages (wild page q1_03, line 2, a
        // berthub.eu copy of kst-35570-XIV-2): the ministry's document.
        let ministry_and_fund = "Memorie van toelichting\nVaststelling van de begrotingsstaten van het \
            Ministerie van Landbouw, Natuur en Voedselkwaliteit (XIV) en het Diergezondheidsfonds (F) voor het jaar 2021\n";
        let (found, _) = infer_meta(
            Some("https://berthub.eu/tkconv/document.html?nummer=2020D33205"),
            Path::new("x.txt"),
            ministry_and_fund,
        );
        assert_eq!(found.chapter.as_deref(), Some("XIV"));
    }

    #[test]
    fn nationale_schuld_is_ixa() {
        let address =
            "https://www.rijksfinancien.nl/memorie-van-toelichting/2016/1SUPP/IX/onderdeel/d16e10700";
        let (found, _) =
            infer_meta(Some(address), Path::new("026.txt"), "2.4 De beleidsartikelen (Nationale Schuld)\n");
        assert_eq!(found.chapter.as_deref(), Some("IXA"));
        let (found, _) =
            infer_meta(Some(address), Path::new("001.txt"), "2.2 De beleidsartikelen (Financiën)\n");
        assert_eq!(found.chapter.as_deref(), Some("IX"));
    }

    #[test]
    fn the_nationale_schuld_by_its_article_heading() {
        // Wild page c3_18: filed under IX, headed by an article of the Nationale Schuld.
        let address = "https://www.rijksfinancien.nl/memorie-van-toelichting/2021/1SUPP/IX/onderdeel/941306";
        let text = "Base description which applies to whole site\n\n4.1 Artikel 11 Financiering staatsschuld\n\nBudgettaire gevolgen van beleid\n";
        let (found, _) = infer_meta(Some(address), Path::new("c3_18.txt"), text);
        assert_eq!(found, meta(2021, "1SUPP", Some("IXA")));
    }

    #[test]
    fn the_slotwet_filed_under_the_jaarverslag() {
        // Wild page c7_14: the slotwet's own title on a page filed under JV.
        let address = "https://www.rijksfinancien.nl/memorie-van-toelichting/2012/JV/IXB/onderdeel/d16e661";
        let text = "Base description which applies to whole site\nII. Toelichting begrotingsstaat inzake de baten-lastendiensten\nDomeinen Roerende Zaken\nSuppletoire begroting 2012 (slotwet)\n";
        let (found, _) = infer_meta(Some(address), Path::new("c7_14.txt"), text);
        assert_eq!(found, meta(2012, "slotwet", Some("IXB")));
        // Wild page c7_03: the slotwet's columns, on the page of a fund filed under its ministry.
        let address =
            "https://www.rijksfinancien.nl/memorie-van-toelichting/2017/JV/XIII/onderdeel/d17e14291";
        let text = "Base description which applies to whole site\n+Toon begrotingsfasen\nDiergezondheidsfonds (DGF)\nBedragen x € 1.000\n(1)\nStand vastgestelde begroting 2017\n(5)\nRealisatie\n(6)=(5)-(4)\nSlotverschillen\n(+ of -)\n01 Bewaking en bestrijding van dierziekten\nVerplichtingen\n32.550\n";
        let (found, _) = infer_meta(Some(address), Path::new("c7_03.txt"), text);
        assert_eq!(found, meta(2017, "slotwet", Some("F")));
        // A jaarverslag page stays JV (corpus page 014 names no slotwet), and a kamerstuk head
        // stands: its jaarverslag quoting the slotwet is the jaarverslag.
        let address = "https://www.rijksfinancien.nl/memorie-van-toelichting/2021/JV/K/onderdeel/1304029";
        let (found, _) = infer_meta(
            Some(address),
            Path::new("014.txt"),
            "1 Leeswijzer\nDeze suppletoire begroting voor het Defensiematerieelbegrotingsfonds volgt de voorschriften.\n",
        );
        assert_eq!(found, meta(2021, "JV", Some("K")));
        let head = "35 200 V Jaarverslag en slotwet Ministerie van Buitenlandse Zaken 2018\nNr. 1 JAARVERSLAG\nSlotwetmutaties\n";
        let (found, _) = infer_meta(Some("https://example.org/jv/2018/JV/V/1"), Path::new("p.txt"), head);
        assert_eq!(found.doc_type.as_deref(), Some("JV"));
    }

    #[test]
    fn a_budget_statements_title_names_its_suppletoire_begroting() {
        // Wild page g2_01 (an openkamer copy of kst-36725-XV-2, line 23): the first table's
        // caption is the changed budget statement's title.
        let text = "Nr. 2 MEMORIE VAN TOELICHTING\nTabel 1 Wijziging begrotingsstaat premiegefinancierd van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het jaar 2025 (Eerste suppletoire begroting) (bedragen x € 1.000)\n";
        let found = from_text(text);
        assert_eq!((found.year, found.doc_type.as_deref()), (Some(2025), Some("1SUPP")));
        let second = "Gewijzigde begrotingsstaat van Staten-Generaal (IIA) voor het jaar 2014 (Tweede suppletoire begroting)\n";
        assert_eq!(from_text(second).doc_type.as_deref(), Some("2SUPP"));
        // A column header names the suppletoire begroting of a jaarverslag's table: no type.
        assert_eq!(from_text("Mutaties 1e suppletoire begroting\n").doc_type, None);
    }

    #[test]
    fn a_notas_title_line_names_its_type_and_year() {
        // Wild page f2_03 (answers on the Voorjaarsnota 2025, at an address that says nothing):
        // its second line is the nota's title and year.
        let text = "Lijst van vragen en antwoorden over de Voorjaarsnota 2025 (Kamerstuk 36725-1)\nVoorjaarsnota 2025\nLijst van vragen en antwoorden\n";
        assert_eq!(from_text(text), meta(2025, "VJN", None));
        // Wild page f2_05: the Miljoenennota by its formal title, its year in its subtitle.
        let text = "33 000\n\nNr. 1 NOTA OVER DE TOESTAND VAN 'S RIJKS FINANCIËN\n\nAangeboden 20 september 2011\n\nTekstgedeelte van de Miljoenennota 2012\n";
        assert_eq!(from_text(text), meta(2012, "MN", None));
        // A title with more words ("sinds de Miljoenennota 2008") is prose, not the page's title.
        let prose = "Sinds de Miljoenennota 2008 zijn de uitgaven gedaald.\n";
        assert_eq!(from_text(prose), DocMeta::default());
    }

    #[test]
    fn a_financieel_jaarverslag_page_on_one_fund_is_the_fund_s() {
        // Wild page f1_03: the FJR 2021's annex on the Defensiematerieelbegrotingsfonds, headed by
        // the fund's name; the FJR as a whole has no chapter.
        let text = "Base description which applies to whole site\n\nDefensiematerieelbegrotingsfonds\n\nDEFENSIEMATERIEELBEGROTINGSFONDS: UITGAVEN\n \n\n2021\n";
        let address = "https://www.rijksfinancien.nl/financieel-jaarverslag/2021/bijlage/1327756";
        let (found, _) = infer_meta(Some(address), Path::new("f1_03.txt"), text);
        assert_eq!(found, meta(2021, "FJR", Some("K")));
        let whole =
            "Base description which applies to whole site\n\nFinancieel Jaarverslag van het Rijk 2021\n";
        let (found, _) = infer_meta(Some(address), Path::new("fjr.txt"), whole);
        assert_eq!(found, meta(2021, "FJR", None));
    }

    #[test]
    fn a_fund_s_page_is_the_fund_s_chapter() {
        // Wild page c7_10: the BES-fonds (H), filed with Koninkrijksrelaties (IV).
        let address =
            "https://rijksfinancien.nl/index%2Ephp/memorie-van-toelichting/2021/OWB/IV/onderdeel/645572";
        let text = "Het BES-fonds bestaat om geld te verstrekken aan de Openbare Lichamen Bonaire, Sint Eustatius en Saba.\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties is verantwoordelijk voor:\n2019 | 2020 | 2021 |\n";
        let (found, _) = infer_meta(Some(address), Path::new("c7_10.txt"), text);
        assert_eq!(found, meta(2021, "OWB", Some("H")));
        // Wild page c2_06: the annex of that ministry's budget stays the ministry's.
        let address = "https://www.rijksfinancien.nl/memorie-van-toelichting/2020/OWB/IV/onderdeel/232308";
        let text = "Base description which applies to whole site\n\nBijlage 2: Verdiepingsbijlage BES-fonds\n\nArtikel 1. BES-fonds\n";
        let (found, _) = infer_meta(Some(address), Path::new("c2_06.txt"), text);
        assert_eq!(found, meta(2020, "OWB", Some("IV")));
        // Wild pages c7_05 and c7_01: addresses without a chapter.
        let (found, warnings) = infer_meta(
            Some("https://rijksfinancien.nl/voorjaarsnota/2024/2744854"),
            Path::new("c7_05.txt"),
            "Base description which applies to whole site\nDiergezondheidsfonds\nDiergezondheidsfonds: Uitgaven\nIn miljoenen euro\n2024\n",
        );
        assert_eq!(found, meta(2024, "VJN", Some("F")));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (found, warnings) = infer_meta(
            Some("http://rijksbegroting.nl/2016/voorbereiding/begroting,kst212300_3.html"),
            Path::new("c7_01.txt"),
            "Direct naar (in deze pagina): inhoud, zoekveld of menu.\n1. LEESWIJZER\nAlgemeen\nDeze begroting van het Infrastructuurfonds volgt in opbouw en indeling de rijksbegrotingsvoorschriften die het Ministerie van Financiën heeft vastgesteld.\n",
        );
        assert_eq!(found, meta(2016, "OWB", Some("A")));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn part_a_of_a_budget_s_memorie_van_toelichting() {
        // Wild page c7_18 (openkamer.org/kamerstuk/31700-IIA/2): heading and year sentence.
        let text = "A. ARTIKELSGEWIJZE TOELICHTING BIJ HET BEGROTINGSWETSVOORSTEL\nOp grond van artikel 1, derde lid, van de Comptabiliteitswet 2001 wordt iedere begrotingsstaat van de Rijksbegroting bij een aparte wet vastgesteld. Dit wetsvoorstel stelt de begrotingsstaat van de Staten-Generaal (IIA) voor 2009 vast.\nSamen vormen alle begrotingswetten voor dit jaar de Rijksbegroting 2009; de Miljoenennota 2009 licht die als geheel toe.\n";
        let (found, warnings) =
            infer_meta(Some("https://openkamer.org/kamerstuk/31700-IIA/2"), Path::new("c7_18.txt"), text);
        assert_eq!(found, meta(2009, "OWB", Some("IIA")));
        assert!(warnings.is_empty(), "{warnings:?}");
        // Wild page c7_07: the year sentence stands after a table of contents of 100 lines.
        let contents = "Blz.\n\n3\n\n".repeat(30);
        let text = format!(
            "Nr. 2 MEMORIE VAN TOELICHTING\n\nInhoudsopgave\n\nA.\n\nARTIKELSGEWIJZE TOELICHTING BIJ HET BEGROTINGSWETSVOORSTEL\n{contents}Samen vormen alle begrotingswetten die voor dit jaar worden vastgesteld de Rijksbegroting voor 2015. De Miljoenennota 2015 licht de Rijksbegroting als geheel toe.\n"
        );
        assert!(text.lines().count() > OPENING_LINES);
        let (found, _) = infer_meta(
            Some("https://www.openkamer.org/kamerstuk/34000-IIB/2/"),
            Path::new("c7_07.txt"),
            &text,
        );
        assert_eq!(found, meta(2015, "OWB", Some("IIB")));
        // Wild page c7_08: the budget naming itself.
        assert_eq!(
            from_text("Wetsartikel 1\nDit is de begroting 2019 van de overige Hoge Colleges van Staat, de Kabinetten van de Gouverneurs en de Kiesraad (IIB).\nVergeleken met de begroting 2018 verandert er niets.\n").year,
            Some(2019)
        );
        // Wild page m1_02 (openkamer copy of 32 500 D, nr. 4): the bill's own title.
        assert_eq!(
            from_text("Nr. 4 NOTA VAN WIJZIGING\nHet wetsvoorstel tot vaststelling van de begrotingsstaat van het Fonds economische structuurversterking voor 2011 (Kamerstukken II, 2010–2011, 32 500 D, nr. 1) wordt gewijzigd.\n").year,
            Some(2011)
        );
        // A suppletoire begroting's part A names no type; a comparison names no year.
        assert_eq!(from_text("A. ARTIKELSGEWIJZE TOELICHTING BIJ HET WETSVOORSTEL\n").doc_type, None);
        assert_eq!(from_text("Vergeleken met de begroting 2018 verandert er niets.\n").year, None);
    }

    #[test]
    fn the_rekenkamer_sending_its_report() {
        // Wild page c6_01 (kst-32360-XII-2): the letter has no kamerstuk head.
        let text = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n’s-Gravenhage, 19 mei 2010\nWij zenden u hierbij ons «Rapport bij het Jaarverslag 2009 van het Ministerie van Verkeer en Waterstaat (XII)», dat wij op 7 mei 2010 hebben vastgesteld.\nAlgemene Rekenkamer\n";
        let (found, warnings) = infer_meta(
            Some("https://zoek.officielebekendmakingen.nl/kst-32360-XII-2.html"),
            Path::new("c6_01.txt"),
            text,
        );
        assert_eq!(found, meta(2009, "ARK", Some("XII")));
        assert!(warnings.is_empty(), "{warnings:?}");
        // A ministry quoting the Rekenkamer's report is no report of the Rekenkamer.
        let quoted = "In haar Rapport bij het Jaarverslag 2009 constateert de Algemene Rekenkamer een onvolkomenheid.\n";
        assert_eq!(from_text(quoted), DocMeta::default());
    }

    #[test]
    fn visible_text_drops_tags_scripts_and_styles() {
        let html = "<html><head><style>p{x:1}</style><script>var a='<h1>IX FAKE</h1>';</script></head><body><h1>IIA STATEN-GENERAAL</h1><p>a&nbsp;b</p>";
        let text = visible_text_of_markup(html);
        assert!(text.lines().any(|line| line == "IIA STATEN-GENERAAL"), "{text:?}");
        assert!(!text.contains("FAKE") && !text.contains("p{x:1}"), "{text:?}");
        assert!(text.contains("a b"));
    }

    #[test]
    fn paths_and_unknowns() {
        assert_eq!(from_path(Path::new("archief/2022/OWB/VI/2.2.html")), meta(2022, "OWB", Some("VI")));
        assert_eq!(from_path(Path::new("C/page.html")), DocMeta::default());
        let (found, warnings) = infer_meta(None, Path::new("page.html"), "Tabel 1 Iets\n");
        assert_eq!(found, DocMeta::default());
        assert_eq!(warnings.len(), 2);
        assert!(warnings.iter().all(|w| w.kind == WarningKind::UnknownMetadata));
    }
}
