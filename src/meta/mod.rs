//! Document metadata: the budget year, the document type and the budget chapter.
//!
//! Owns the reading of page addresses (a `.url` sidecar or a `--manifest` entry), of
//! rijksfinancien-style file paths (`…/2022/OWB/VI/…`), and of the document's own opening lines
//! (a kamerstuk's title, a chapter heading). Unknown stays `None` with a warning; nothing is
//! guessed.
//!
//! The order of sources, per field: the address first (it is what the publisher filed the page
//! under), then the file path, then the opening lines of the text. Each rule is listed at
//! [`from_address`], [`from_path`] and [`from_text`]. Known limit: an address of a host this module
//! does not know (not rijksfinancien.nl, rijksbegroting.minfin.nl or officielebekendmakingen.nl)
//! gives only what the path and text give.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::error::{Location, Warning, WarningKind};

/// What a document is: year, type and chapter, each `None` when the inputs do not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DocMeta {
    /// The budget year (the year the budget, report or note is about).
    pub year: Option<i32>,
    /// The document type code: OWB, 1SUPP, 2SUPP, JV, slotwet, MN, VJN, NJN, FJR, NvW.
    pub doc_type: Option<String>,
    /// The budget chapter: a Roman numeral with an optional letter (VI, IXB, IIA) or a fund
    /// letter (A, B, C, F, H, J, K).
    pub chapter: Option<String>,
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
    }
}

/// Document types that cover the whole State, and so have no chapter.
const WHOLE_STATE_TYPES: &[&str] = &["FJR"];

/// Works out the metadata of a document from its address, its path and its text, and warns for
/// every field that stays unknown (a chapter is not expected of whole-State documents, nor of
/// the Miljoenennota's, Voorjaarsnota's and Najaarsnota's general annexes).
pub fn infer_meta(url: Option<&str>, path: &Path, text: &str) -> (DocMeta, Vec<Warning>) {
    let mut meta = url.map(from_address).unwrap_or_default();
    meta.fill_from(from_path(path));
    let from_content = from_text(text);
    // The text only decides a type the address did not give; its chapter heading is used for
    // documents whose address has no chapter part.
    meta.fill_from(from_content);
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
    // rijksfinancien.nl files both parts of chapter IX under "IX"; the Nationale Schuld is
    // always IXA (Financiën itself stays "IX", as the address says).
    if meta.chapter.as_deref() == Some("IX") && mentions_nationale_schuld(text) {
        meta.chapter = Some("IXA".to_string());
    }
    if meta.doc_type.as_deref().is_some_and(|t| WHOLE_STATE_TYPES.contains(&t)) {
        meta.chapter = None;
    }
    (meta, warnings)
}

/// True when the opening lines name the Nationale Schuld (chapter IXA).
fn mentions_nationale_schuld(text: &str) -> bool {
    text.lines().take(40).any(|line| line.to_lowercase().contains("nationale schuld"))
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

/// Budget chapters: Roman numerals I to XIX with an optional letter (IIA, IXB), or a fund letter.
/// Longest alternatives first, so an unanchored match takes "XIV" rather than "X".
static CHAPTER: &str =
    r"(?:(?:XVIII|XVII|XVI|XIV|XIX|XIII|XII|XV|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)[A-C]?|[ABCFHJK])";

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

/// Reads a page address.
///
/// Rules: on rijksfinancien.nl, `/memorie-van-toelichting/YEAR/TYPE/CHAPTER/…`,
/// `/jaarverslag/YEAR/CHAPTER/…` (JV), `/financieel-jaarverslag/YEAR/…` (FJR),
/// `/miljoenennota/YEAR/…` (MN), `/voorjaarsnota/YEAR/…` (VJN), `/najaarsnota/YEAR/…` (NJN),
/// `/slotwet/YEAR/CHAPTER/…`; on rijksbegroting.minfin.nl the first path part is the year; on
/// officielebekendmakingen.nl a `kst-DOSSIER-CHAPTER-NR` name gives the chapter.
pub fn from_address(url: &str) -> DocMeta {
    let mut meta = DocMeta::default();
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let without_query = without_scheme.split(['?', '#']).next().unwrap_or_default();
    let mut parts = without_query.split('/');
    let host = parts.next().unwrap_or_default().to_ascii_lowercase();
    let segments: Vec<&str> = parts.filter(|s| !s.is_empty()).collect();
    if host.ends_with("rijksfinancien.nl") {
        let kind = segments.first().copied().unwrap_or_default();
        let year = segments.get(1).and_then(|s| year_of(s));
        meta.year = year;
        match kind {
            "memorie-van-toelichting" => {
                meta.doc_type = segments.get(2).and_then(|s| doc_type_code(s)).map(str::to_string);
                meta.chapter = segments.get(3).and_then(|s| chapter_code(s));
            }
            "jaarverslag" | "slotwet" => {
                meta.doc_type = doc_type_code(kind).map(str::to_string);
                meta.chapter = segments.get(2).and_then(|s| chapter_code(s));
            }
            other => meta.doc_type = doc_type_code(other).map(str::to_string),
        }
    } else if host.ends_with("rijksbegroting.minfin.nl") {
        meta.year = segments.first().and_then(|s| year_of(s));
    } else if host.ends_with("officielebekendmakingen.nl") {
        static KST: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!(r"kst-\d+-({CHAPTER})-\d+")).expect("valid regex"));
        if let Some(last) = segments.last()
            && let Some(captures) = KST.captures(last)
        {
            meta.chapter = Some(captures[1].to_string());
        }
    }
    meta
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
/// Rules: "Financieel Jaarverslag van het Rijk YEAR" → FJR and YEAR (a kamerstuk's title, or the
/// annex's own prose naming the report); "NOTA VAN WIJZIGING" → NvW; "voor het jaar YEAR" → YEAR;
/// an upper-case chapter heading ("VII BINNENLANDSE ZAKEN …", "C PROVINCIEFONDS") → the chapter,
/// and, when the type is still unknown, MN (this is the layout of the Miljoenennota's
/// verdiepingshoofdstuk, the only document printing its chapters as such headings); "H2A
/// Staten-Generaal" (a Voorjaarsnota-style table heading) → chapter IIA.
pub fn from_text(text: &str) -> DocMeta {
    static FJR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)financieel jaarverslag van het rijk(?:\s+(\d{4}))?").expect("valid regex")
    });
    static YEAR_OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"voor het jaar (\d{4})").expect("valid regex"));
    static CAPS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^({CHAPTER}) [A-ZËÏÖÜ][A-ZËÏÖÜ\- ,:]{{4,}}$")).expect("valid regex")
    });
    static H_HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^H(\d{1,2})([A-C])? [A-Z]").expect("valid regex"));
    let mut meta = DocMeta::default();
    let head: Vec<&str> = text.lines().take(OPENING_LINES).map(str::trim).collect();
    let mut caps_chapter = None;
    for line in &head {
        if let Some(captures) = FJR.captures(line) {
            meta.doc_type.get_or_insert_with(|| "FJR".to_string());
            if let Some(year) = captures.get(1).and_then(|m| year_of(m.as_str())) {
                meta.year.get_or_insert(year);
            }
        }
        if line.contains("NOTA VAN WIJZIGING") {
            meta.doc_type = Some("NvW".to_string());
        }
        if let Some(captures) = YEAR_OF.captures(line)
            && let Some(year) = year_of(&captures[1])
        {
            meta.year.get_or_insert(year);
        }
        if caps_chapter.is_none()
            && let Some(captures) = CAPS_HEADING.captures(line)
        {
            caps_chapter = Some(captures[1].to_string());
        }
        if meta.chapter.is_none()
            && let Some(captures) = H_HEADING.captures(line)
            && let Ok(number) = captures[1].parse::<usize>()
        {
            meta.chapter = roman(number)
                .map(|numeral| format!("{numeral}{}", captures.get(2).map_or("", |m| m.as_str())));
        }
    }
    if let Some(chapter) = caps_chapter {
        meta.chapter = Some(chapter);
        meta.doc_type.get_or_insert_with(|| "MN".to_string());
    }
    meta
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
        }
    }

    #[test]
    fn rijksfinancien_addresses() {
        let seed = "https://www.rijksfinancien.nl/memorie-van-toelichting/2022/OWB/VI/onderdeel/1033739";
        assert_eq!(from_address(seed), meta(2022, "OWB", Some("VI")));
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/jaarverslag/2018/A/onderdeel/d17e24520"),
            meta(2018, "JV", Some("A"))
        );
        assert_eq!(
            from_address(
                "https://rijksfinancien.nl/memorie-van-toelichting/2011/OWB/IXA/onderdeel/d2738e5239"
            ),
            meta(2011, "OWB", Some("IXA"))
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/najaarsnota/2014/d16e1166"),
            meta(2014, "NJN", None)
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/financieel-jaarverslag/2018/bijlage/122767"),
            meta(2018, "FJR", None)
        );
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
