//! Page addresses → metadata: what the publisher's own address says about a document.
//!
//! Owns the reading of an address as found in a `.url` sidecar or a `--manifest` entry: its host,
//! its path with `%XX` escapes decoded, and the rules of the sites that file budget documents
//! under telling paths. What an address does not say is left to the path and the text (see
//! [`super::infer_meta`] for the order); nothing here reads a document's contents.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::{CHAPTER, DocMeta, chapter_code, doc_type_code, year_of};

/// Reads a page address.
///
/// Steps, in this order:
/// 1. Split off the scheme (`http`, `https`, or none), the query and the fragment; the host is
///    compared without `www.`, port or letter case.
/// 2. Decode `%XX` escapes in the path (`index%2ephp` is `index.php`), then split it into its
///    non-empty parts. Decoding comes first so that an escaped name reads like a plain one.
/// 3. By site:
///    - rijksfinancien.nl: the first part that names a kind of document, wherever it stands
///      (`/index.php/…`, `/nl/…` and the like before it are skipped), then `YEAR`, then an
///      optional type part, then an optional chapter part: `/memorie-van-toelichting/YEAR/TYPE/
///      CHAPTER/…` (the type part says OWB, 1SUPP, 2SUPP, JV…), `/jaarverslag/YEAR/CHAPTER/…`
///      (JV), `/slotwet/YEAR/CHAPTER/…`, `/nota-van-wijziging/YEAR/…` (NvW),
///      `/financieel-jaarverslag/YEAR/…` (FJR), `/voorstel-van-wet/YEAR/TYPE/CHAPTER/…` (like the
///      memorie van toelichting, except that the bill filed under JV is the slotwet: the
///      jaarverslag is no bill), `/miljoenennota/YEAR/…` (MN),
///      `/voorjaarsnota/YEAR/…` (VJN), `/najaarsnota/YEAR/…` (NJN).
///    - rijksbegroting.nl and rijksbegroting.minfin.nl: the first part is the year; a later part
///      names the type where the site files by type (`voorbereiding/begroting,kst….html` OWB,
///      `voorbereiding/miljoenennota` MN, `verantwoording/jaarverslag` JV,
///      `financieel_jaarverslag` FJR, `uitvoering/1e_suppletoire` 1SUPP and `2e_suppletoire` 2SUPP,
///      also as the site misspells them, `1e_suppletore`; the part's name is read before its `,`).
///      `suppletoire begrotingen` does not say which of the two, and `kamerstukken,YEAR/…` names no type at
///      all: the year after `kamerstukken,` is the year of publication, not of the budget.
///    - rekenkamer.nl: ARK (the year on that site's addresses is the publication's, so it is not
///      read).
/// 4. On any host, a part shaped like a kamerstuk id, `kst-DOSSIER-CHAPTER-NUMBER` with an
///    optional extension (`.html`, `.xml`, `.pdf`) and herdruk suffix (`-n1`), gives the chapter
///    (`kst-36200-XIV-11` XIV, `kst-36800-K-6` K). A dossier without a chapter part
///    (`kst-31031-1`, the subdossier `kst-32500-29-n1`) gives none. This is how
///    zoek.officielebekendmakingen.nl and repository.overheid.nl name kamerstukken; their type
///    and year are only in the text.
/// 5. Otherwise, on any host, a path part that is a dossier with its chapter, `DOSSIER-CHAPTER`
///    (`/kamerstuk/34000-IIB/2/`, as copies of kamerstukken file them), gives the chapter.
///
/// Known limits: a host this function does not know (including look-alikes such as
/// `rbv.rijksfinancien.nl` or `noordrekenkamer.nl`, and archive copies such as
/// `web.archive.org/web/…/https://www.rijksfinancien.nl/…`) gives only a kamerstuk chapter.
pub fn from_address(url: &str) -> DocMeta {
    let address = Address::parse(url);
    let mut meta = match Site::of(&address.host) {
        Site::Rijksfinancien => rijksfinancien(&address.segments),
        Site::Rijksbegroting => rijksbegroting(&address.segments),
        Site::Rekenkamer => DocMeta { doc_type: Some("ARK".to_string()), ..DocMeta::default() },
        Site::Other => DocMeta::default(),
    };
    if meta.chapter.is_none() {
        meta.chapter = address.segments.iter().find_map(|segment| kamerstuk_id_chapter(segment));
    }
    if meta.chapter.is_none() {
        meta.chapter = dossier_path_chapter(&address.segments);
    }
    meta
}

/// The chapter of a dossier named as a path part of its own, the way copies of kamerstukken
/// are filed (`/kamerstuk/34000-IIB/2/`, `/dossier/36200-XIV/`): digits, a dash, then a chapter
/// code. A dossier number alone (`/kamerstuk/31031/1`) gives none.
fn dossier_path_chapter(segments: &[String]) -> Option<String> {
    static DOSSIER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)^\d{{4,6}}-({CHAPTER})$")).expect("valid regex"));
    segments.iter().find_map(|segment| DOSSIER.captures(segment).map(|c| c[1].to_ascii_uppercase()))
}

/// An address taken apart: the host (lower case, without `www.`, port or user) and the decoded
/// non-empty path parts, in order.
struct Address {
    host: String,
    segments: Vec<String>,
}

impl Address {
    fn parse(url: &str) -> Address {
        let url = url.trim();
        let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let without_query = without_scheme.split(['?', '#']).next().unwrap_or_default();
        let (authority, path) = without_query.split_once('/').unwrap_or((without_query, ""));
        let host_and_port = authority.rsplit('@').next().unwrap_or_default();
        let host = host_and_port.split(':').next().unwrap_or_default().trim_end_matches('.');
        let host = host.to_ascii_lowercase();
        let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
        let segments = percent_decoded(path)
            .split('/')
            .map(str::trim)
            .filter(|segment| !segment.is_empty())
            .map(str::to_string)
            .collect();
        Address { host, segments }
    }
}

/// The sites whose addresses say something about the document. A host is one of them when it
/// is the site's own domain (with or without `www.`), not any name ending in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Site {
    Rijksfinancien,
    Rijksbegroting,
    Rekenkamer,
    Other,
}

impl Site {
    fn of(host: &str) -> Site {
        match host {
            "rijksfinancien.nl" => Site::Rijksfinancien,
            "rijksbegroting.nl" | "rijksbegroting.minfin.nl" => Site::Rijksbegroting,
            "rekenkamer.nl" => Site::Rekenkamer,
            _ => Site::Other,
        }
    }
}

/// The kinds of document rijksfinancien.nl files under a path part of their own, and the type
/// each gives (`None`: a type part follows the year).
fn rijksfinancien_kind(segment: &str) -> Option<Option<&'static str>> {
    match segment.to_ascii_lowercase().as_str() {
        // The bill itself ("voorstel van wet") is filed like its explanatory memorandum.
        "memorie-van-toelichting" | "voorstel-van-wet" => Some(None),
        kind @ ("jaarverslag"
        | "slotwet"
        | "nota-van-wijziging"
        | "financieel-jaarverslag"
        | "miljoenennota"
        | "voorjaarsnota"
        | "najaarsnota") => Some(doc_type_code(kind)),
        _ => None,
    }
}

/// Reads `…/KIND/YEAR[/TYPE][/CHAPTER]/…` from the first kind part on. Without a year after the
/// kind the parts after it are not read: their layout is unknown.
fn rijksfinancien(segments: &[String]) -> DocMeta {
    let mut meta = DocMeta::default();
    let Some((start, kind_type)) =
        segments.iter().enumerate().find_map(|(index, segment)| Some((index, rijksfinancien_kind(segment)?)))
    else {
        return meta;
    };
    meta.doc_type = kind_type.map(str::to_string);
    let mut rest = segments[start + 1..].iter().peekable();
    meta.year = rest.next().and_then(|segment| year_of(segment));
    if meta.year.is_none() {
        return meta;
    }
    if let Some(code) = rest.peek().and_then(|segment| doc_type_code(segment)) {
        rest.next();
        // The jaarverslag is no bill: the bill filed under JV is the slotwet, which the site files
        // with the jaarverslag it closes.
        let bill = segments[start].eq_ignore_ascii_case("voorstel-van-wet");
        let code = if bill && code == "JV" { "slotwet" } else { code };
        meta.doc_type.get_or_insert_with(|| code.to_string());
    } else if kind_type.is_none() && rest.peek().is_some_and(|segment| chapter_code(segment).is_none()) {
        // A type part that is none of ours ("PSUPP", the suppletoire begroting of Prinsjesdag):
        // the type stays unknown, and the chapter part follows it.
        rest.next();
    }
    meta.chapter = rest.next().and_then(|segment| chapter_code(segment));
    meta
}

/// Reads `/YEAR/…/SECTION,….html`: the year, and the type where a section names one.
fn rijksbegroting(segments: &[String]) -> DocMeta {
    DocMeta {
        year: segments.first().and_then(|segment| year_of(segment)),
        doc_type: segments
            .iter()
            .skip(1)
            .find_map(|segment| rijksbegroting_section(segment))
            .map(str::to_string),
        ..DocMeta::default()
    }
}

/// The type a rijksbegroting.nl section part names: its name before any `,`, with `_` and
/// spaces read as `-` (`financieel_jaarverslag`, `suppletoire%20begrotingen`).
fn rijksbegroting_section(segment: &str) -> Option<&'static str> {
    let name = segment.split(',').next().unwrap_or_default().to_ascii_lowercase().replace(['_', ' '], "-");
    match name.as_str() {
        "begroting" => Some("OWB"),
        "1e-suppletoire" | "1e-suppletore" => Some("1SUPP"),
        "2e-suppletoire" | "2e-suppletore" => Some("2SUPP"),
        other => doc_type_code(other),
    }
}

/// The chapter in a kamerstuk id (`kst-36200-XIV-11.html` → XIV), `None` for an id without a
/// chapter part or a part that is no kamerstuk id.
fn kamerstuk_id_chapter(segment: &str) -> Option<String> {
    static KST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^kst-\d+-(?:({CHAPTER})-)?(?:\d+|[A-Z]{{1,2}})(?:-n\d+)?(?:\.[a-z]+)?$"))
            .expect("valid regex")
    });
    KST.captures(segment)?.get(1).map(|chapter| chapter.as_str().to_ascii_uppercase())
}

/// `text` with every `%XX` escape (either case) decoded; a `%` without two hex digits after it
/// stays as it is, and decoded bytes that are no UTF-8 become U+FFFD.
fn percent_decoded(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escape = match bytes.get(at..at + 3) {
            Some([b'%', high, low]) if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                Some(hex_value(*high) * 16 + hex_value(*low))
            }
            _ => None,
        };
        match escape {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&decoded).into_owned())
}

/// The value of one ASCII hex digit (the caller has checked it is one).
fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit - b'A' + 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(year: Option<i32>, doc_type: Option<&str>, chapter: Option<&str>) -> DocMeta {
        DocMeta {
            year,
            doc_type: doc_type.map(str::to_string),
            chapter: chapter.map(str::to_string),
            ..DocMeta::default()
        }
    }

    #[test]
    fn rijksfinancien_addresses() {
        let seed = "https://www.rijksfinancien.nl/memorie-van-toelichting/2022/OWB/VI/onderdeel/1033739";
        assert_eq!(from_address(seed), meta(Some(2022), Some("OWB"), Some("VI")));
        // Wild page n1_04: a type part none of ours names; the chapter still follows it.
        assert_eq!(
            from_address(
                "https://www.rijksfinancien.nl/memorie-van-toelichting/2023/PSUPP/XII/onderdeel/1902004"
            ),
            meta(Some(2023), None, Some("XII"))
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/jaarverslag/2018/A/onderdeel/d17e24520"),
            meta(Some(2018), Some("JV"), Some("A"))
        );
        // The BTW-compensatiefonds (G) and Klimaat en Groene Groei (XXIII) are chapters too
        // (the first as on wild page c4_08).
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/jaarverslag/2008/G/onderdeel/IDAKDAR"),
            meta(Some(2008), Some("JV"), Some("G"))
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/memorie-van-toelichting/2024/OWB/XXIII/onderdeel/1"),
            meta(Some(2024), Some("OWB"), Some("XXIII"))
        );
        assert_eq!(
            from_address(
                "https://rijksfinancien.nl/memorie-van-toelichting/2011/OWB/IXA/onderdeel/d2738e5239"
            ),
            meta(Some(2011), Some("OWB"), Some("IXA"))
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/najaarsnota/2014/d16e1166"),
            meta(Some(2014), Some("NJN"), None)
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/financieel-jaarverslag/2018/bijlage/122767"),
            meta(Some(2018), Some("FJR"), None)
        );
    }

    #[test]
    fn rijksfinancien_paths_behind_other_parts() {
        assert_eq!(
            from_address("https://rijksfinancien.nl/index%2ephp/financieel-jaarverslag/2008/IDAZCAR"),
            meta(Some(2008), Some("FJR"), None)
        );
        assert_eq!(
            from_address("http://rijksfinancien.nl/index%2Ephp/financieel-jaarverslag/2008/IDAZCAR"),
            meta(Some(2008), Some("FJR"), None)
        );
        assert_eq!(
            from_address(
                "https://www.rijksfinancien.nl/index.php/memorie-van-toelichting/2015/OWB/VI/onderdeel/123"
            ),
            meta(Some(2015), Some("OWB"), Some("VI"))
        );
        assert_eq!(
            from_address("http://www.rijksfinancien.nl/nl/jaarverslag/2019/A/onderdeel/446227?x=1#top"),
            meta(Some(2019), Some("JV"), Some("A"))
        );
        assert_eq!(
            from_address("https://WWW.Rijksfinancien.NL:443/slotwet/2012/xiii/onderdeel/9"),
            meta(Some(2012), Some("slotwet"), Some("XIII"))
        );
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/nota-van-wijziging/2023/XIV/1234"),
            meta(Some(2023), Some("NvW"), Some("XIV"))
        );
    }

    #[test]
    fn rijksfinancien_kind_without_a_year_reads_no_further() {
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/miljoenennota/bijlage/VI"),
            meta(None, Some("MN"), None)
        );
        assert_eq!(from_address("https://www.rijksfinancien.nl/index.php/zoeken"), DocMeta::default());
    }

    #[test]
    fn rijksbegroting_addresses() {
        // kamerstukken,YEAR: the second year is the year of publication, and no type is named.
        assert_eq!(
            from_address("http://www.rijksbegroting.nl/2018/kamerstukken,2019/5/15/kst260576_5.html"),
            meta(Some(2018), None, None)
        );
        assert_eq!(
            from_address("http://rijksbegroting.minfin.nl/2017/kamerstukken,2018/5/16/kst244574_1.html"),
            meta(Some(2017), None, None)
        );
        assert_eq!(
            from_address("http://www.rijksbegroting.nl/2010/voorbereiding/begroting,kst136474.html"),
            meta(Some(2010), Some("OWB"), None)
        );
        assert_eq!(
            from_address("http://www.rijksbegroting.nl/2013/verantwoording/jaarverslag,kst179400_9.html"),
            meta(Some(2013), Some("JV"), None)
        );
        // The site files suppletoire begrotingen under a misspelled part (wild pages c6_09, c6_15).
        assert_eq!(
            from_address("http://rijksbegroting.nl/2016/uitvoering/2e_suppletore,kst229211.html"),
            meta(Some(2016), Some("2SUPP"), None)
        );
        assert_eq!(
            from_address("http://www.rijksbegroting.nl/2019/uitvoering/2e_suppletoire,kst263234.html"),
            meta(Some(2019), Some("2SUPP"), None),
            "the part spelt right"
        );
        assert_eq!(
            from_address("http://www.rijksbegroting.nl/2019/uitvoering/1e_suppletore,kst263234.html"),
            meta(Some(2019), Some("1SUPP"), None)
        );
        assert_eq!(
            from_address("https://rijksbegroting.nl/2014/voorbereiding/miljoenennota,kst190000.html"),
            meta(Some(2014), Some("MN"), None)
        );
        assert_eq!(
            from_address(
                "http://www.rijksbegroting.nl/2012/verantwoording/financieel_jaarverslag,kst170000.html"
            ),
            meta(Some(2012), Some("FJR"), None)
        );
        assert_eq!(
            from_address(
                "http://www.rijksbegroting.nl/2011/uitvoering/suppletoire%20begrotingen,kst150000.html"
            ),
            meta(Some(2011), None, None)
        );
    }

    #[test]
    fn dossier_path_parts_and_bills_give_their_chapter() {
        assert_eq!(
            from_address("https://openkamer.org/kamerstuk/34000-IIB/2/").chapter.as_deref(),
            Some("IIB")
        );
        assert_eq!(
            from_address("https://www.openkamer.org/kamerstuk/36120-IV/3").chapter.as_deref(),
            Some("IV")
        );
        assert_eq!(from_address("https://openkamer.org/kamerstuk/31031/1").chapter, None);
        assert_eq!(
            from_address("https://www.rijksfinancien.nl/voorstel-van-wet/2012/JV/I"),
            meta(Some(2012), Some("slotwet"), Some("I")),
            "the bill filed with the jaarverslag of the Koning 2012 is its slotwet (wild page e1_01)"
        );
        assert_eq!(
            from_address("https://rijksfinancien.nl/index%2ephp/voorstel-van-wet/2015/OWB/IIB"),
            meta(Some(2015), Some("OWB"), Some("IIB"))
        );
    }

    #[test]
    fn kamerstuk_ids_give_the_chapter_of_their_dossier() {
        let chapter = |url| from_address(url).chapter;
        assert_eq!(
            chapter("https://zoek.officielebekendmakingen.nl/kst-36200-XIV-11.html").as_deref(),
            Some("XIV")
        );
        assert_eq!(
            chapter("https://zoek.officielebekendmakingen.nl/dossier/kst-35925-VII-50.html").as_deref(),
            Some("VII")
        );
        assert_eq!(
            chapter("https://zoek.officielebekendmakingen.nl/kst-36800-K-6.html").as_deref(),
            Some("K")
        );
        assert_eq!(
            chapter("https://zoek.officielebekendmakingen.nl/kst-36200-IXB-3.pdf").as_deref(),
            Some("IXB")
        );
        assert_eq!(
            chapter("https://zoek.officielebekendmakingen.nl/kst-36200-xiv-11.xml").as_deref(),
            Some("XIV")
        );
        assert_eq!(
            chapter(
                "https://repository.overheid.nl/frbr/officielepublicaties/kst/36200/kst-36200-XIV-11/1/xml/kst-36200-XIV-11.xml"
            )
            .as_deref(),
            Some("XIV")
        );
        assert_eq!(chapter("https://zoek.officielebekendmakingen.nl/kst-32500-29-n1.html"), None);
        assert_eq!(chapter("https://zoek.officielebekendmakingen.nl/kst-31031-1.html"), None);
        assert_eq!(
            from_address("https://zoek.officielebekendmakingen.nl/kst-36200-XIV-11.html").doc_type,
            None
        );
    }

    #[test]
    fn rekenkamer_and_look_alike_hosts() {
        assert_eq!(
            from_address(
                "https://www.rekenkamer.nl/publicaties/rapporten/2023/05/17/resultaten-verantwoordingsonderzoek-2022"
            ),
            meta(None, Some("ARK"), None)
        );
        assert_eq!(from_address("https://www.noordrekenkamer.nl/publicaties/2023/x"), DocMeta::default());
        assert_eq!(
            from_address("https://rbv.rijksfinancien.nl/voorschriften/2021/jaarverslag/744089"),
            DocMeta::default()
        );
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decoded("index%2ephp%2E%41"), "index.php.A");
        assert_eq!(percent_decoded("100%"), "100%");
        assert_eq!(percent_decoded("%zz%4"), "%zz%4");
        assert_eq!(percent_decoded("%+1"), "%+1");
        assert_eq!(percent_decoded("caf%C3%A9"), "café");
        assert!(matches!(percent_decoded("plain"), Cow::Borrowed("plain")));
    }
}
