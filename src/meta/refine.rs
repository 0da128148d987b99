//! What a page's own text says that refines the chapter or type its address gives.
//!
//! Owns three readings of a page's opening lines, each about a filing the address cannot tell
//! apart: a fund's page filed under the ministry that manages the fund, the slotwet filed with the
//! jaarverslag, and the Nationale Schuld (IXA) filed with Financiën under "IX". The order in which
//! they are applied, and to which fields, is [`super::infer_meta`]'s; nothing here reads an address.

use std::sync::LazyLock;

use regex::Regex;

/// The budget funds and their chapter letters: a fund keeps its letter whichever ministry
/// manages it (the Diergezondheidsfonds is F under Economische Zaken (XIII) and under
/// Landbouw (XIV) alike). The Mobiliteitsfonds is the Infrastructuurfonds's name since 2022.
const FUNDS: &[(&str, &str)] = &[
    ("infrastructuurfonds", "A"),
    ("mobiliteitsfonds", "A"),
    ("gemeentefonds", "B"),
    ("provinciefonds", "C"),
    ("diergezondheidsfonds", "F"),
    ("bes-fonds", "H"),
    ("deltafonds", "J"),
    ("defensiematerieelbegrotingsfonds", "K"),
];

/// The funds a line names (case-insensitive), in the order of [`FUNDS`], with their chapter letters.
fn funds_named_in(line: &str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let lower = line.to_lowercase();
    FUNDS.iter().copied().filter(move |(name, _)| lower.contains(name))
}

/// True for a line that holds only figures (and the pipes of a pipe table): the first row of a
/// table, years in its header included. Lines above it are the page's title and opening prose.
fn is_figure_line(line: &str) -> bool {
    static FIGURE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[–-]?\s*\d[\d.,]*$").expect("valid regex"));
    let mut cells = line.split('|').map(str::trim).filter(|cell| !cell.is_empty()).peekable();
    cells.peek().is_some() && cells.all(|cell| FIGURE.is_match(cell))
}

/// The chapter of the fund a page introduces itself by, when it does.
///
/// Steps: (1) take the lines above the page's first figure line (its title, headings and
/// opening prose; a fund named in a table below is a row or a column, not the page's subject);
/// (2) every fund named there must be the same fund (a page naming two, "de bijdragen naar het
/// Mobiliteitsfonds en het Deltafonds", is no fund's); (3) the first line naming it must name it
/// in one of the ways a page states its own subject:
/// - as a heading: the fund's name alone, after an optional chapter letter or "Budgettaire
///   gevolgen", before an optional abbreviation or ": part" ("Diergezondheidsfonds (DGF)",
///   "Diergezondheidsfonds: Uitgaven", "Budgettaire gevolgen Diergezondheidsfonds (DGF)",
///   "C PROVINCIEFONDS");
/// - as the subject of the page's first sentence about it ("Het BES-fonds bestaat om …");
/// - as the page calling itself the fund's budget ("Deze begroting van het Infrastructuurfonds
///   …", "Deze suppletoire begroting voor het Defensiematerieelbegrotingsfonds …").
///
/// A fund first named any other way gives nothing: in an annex heading of its ministry's
/// document ("Bijlage 2: Verdiepingsbijlage BES-fonds", which the labels file under the
/// ministry), in passing in prose, in an article heading ("3.1 Artikel 1 gemeentefonds"; the
/// address of such pages names the fund already). Known limits: a ministry's page whose title,
/// or whose first sentence's subject, is a fund it pays into would read as the fund's; a fund's
/// page whose title stands below a first table is not recognised.
pub(super) fn fund_chapter(lines: &[&str]) -> Option<String> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[A-Z]\.?\s+)?(?:budgettaire gevolgen\s+(?:van\s+)?)?(?:het\s+)?(?P<name>[a-z-]+)(?:\s*\([^)]*\))?(?:\s*:.*)?$")
            .expect("valid regex")
    });
    static SUBJECT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:Het|De)\s+(?P<name>[\p{L}-]+)\s").expect("valid regex"));
    static OWN_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bdeze\s+(?:\w+\s+)?begroting\s+(?:van|voor)\s+(?:het\s+|de\s+)?(?P<name>[\p{L}-]+)")
            .expect("valid regex")
    });
    let above_figures: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .take_while(|line| !is_figure_line(line))
        .filter(|line| !line.is_empty())
        .collect();
    let mut named = above_figures.iter().flat_map(|line| funds_named_in(line).map(move |fund| (*line, fund)));
    let (first_line, (fund, chapter)) = named.next()?;
    if named.any(|(_, (_, other))| other != chapter) {
        return None;
    }
    let names_fund = |regex: &Regex| {
        regex.captures(first_line).is_some_and(|captures| captures["name"].eq_ignore_ascii_case(fund))
    };
    (names_fund(&HEADING) || names_fund(&SUBJECT) || names_fund(&OWN_BUDGET)).then(|| chapter.to_string())
}

/// True when the opening lines show the slotwet's own wording: a heading naming it in
/// parentheses, as its bill's title does ("Suppletoire begroting 2012 (slotwet)"), the columns
/// of its staat, "Slotwetmutaties" or "Slotverschillen" (what the slotwet adds to the year's last
/// estimate to match the realisation), a heading in capitals that ends in it ("B.
/// BEGROTINGSTOELICHTING SLOTWET"), or the page speaking of itself as "deze slotwet". The
/// jaarverslag prints none of these; a budget that only quotes an earlier slotwet as a column
/// ("Stand slotwet 2013") is not matched.
pub(super) fn shows_slotwet(lines: &[&str]) -> bool {
    static SLOTWET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\(slotwet\)|\bslotwetmutaties\b|\bslotverschillen\b|\bdeze slotwet\b")
            .expect("valid regex")
    });
    // A heading in capitals that ends in the word, but not the dossier's "JAARVERSLAG EN SLOTWET".
    static HEADING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z][A-Z. ]*\bSLOTWET$").expect("valid regex"));
    lines
        .iter()
        .any(|line| SLOTWET.is_match(line) || (HEADING.is_match(line) && !line.contains("EN SLOTWET")))
}

/// How many opening lines [`shows_nationale_schuld`] reads: the page's headings, above the body
/// of a long page where Financiën's own articles may quote the State debt.
const NATIONALE_SCHULD_LINES: usize = 40;

/// True when the opening lines name the Nationale Schuld (chapter IXA): by name, or by a heading
/// of one of its two articles, "Financiering staatsschuld" and "Kasbeheer" ("4.1 Artikel 11
/// Financiering staatsschuld"); Financiën's own articles (IXB) have neither name. The State debt
/// named in prose is not enough: Financiën's pages speak of it too.
pub(super) fn shows_nationale_schuld(lines: &[&str]) -> bool {
    static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:beleids)?artikel\s+\d+\.?\s+)?(?:financiering staatsschuld|kasbeheer)\b")
            .expect("valid regex")
    });
    lines.iter().take(NATIONALE_SCHULD_LINES).any(|line| {
        let line = line.trim();
        line.to_lowercase().contains("nationale schuld") || ARTICLE.is_match(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn a_fund_as_the_page_heading() {
        // rijksfinancien.nl/memorie-van-toelichting/2017/JV/XIII/… (wild page c7_03).
        let dgf = "Base description which applies to whole site\n\n+Toon begrotingsfasen\n\nDiergezondheidsfonds (DGF)\n\nBedragen x € 1.000\n\n(1)\n\nStand vastgestelde begroting 2017\n";
        assert_eq!(fund_chapter(&lines(dgf)).as_deref(), Some("F"));
        // rijksfinancien.nl/voorjaarsnota/2024/2744854 (c7_05).
        let vjn = "Base description which applies to whole site\nDiergezondheidsfonds\nDiergezondheidsfonds: Uitgaven\nIn miljoenen euro\n2024\n2025\n";
        assert_eq!(fund_chapter(&lines(vjn)).as_deref(), Some("F"));
        let jv = "Base description which applies to whole site\nB. BEGROTINGSTOELICHTING\nBudgettaire gevolgen Diergezondheidsfonds (DGF)\nBedragen x € 1.000\n";
        assert_eq!(fund_chapter(&lines(jv)).as_deref(), Some("F"));
        assert_eq!(fund_chapter(&lines("Direct naar\nC PROVINCIEFONDS\n")).as_deref(), Some("C"));
    }

    #[test]
    fn a_fund_as_the_subject_or_the_page_s_own_budget() {
        // rijksfinancien.nl/…/2021/OWB/IV/onderdeel/645572 (c7_10).
        let bes = "Het BES-fonds bestaat om geld te verstrekken aan de Openbare Lichamen Bonaire, Sint Eustatius en Saba.\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties is verantwoordelijk voor:\n2019 | 2020 | 2021 |\n";
        assert_eq!(fund_chapter(&lines(bes)).as_deref(), Some("H"));
        // rijksbegroting.nl/2016/voorbereiding/begroting,kst212300_3.html (c7_01).
        let infra = "Direct naar (in deze pagina): inhoud, zoekveld of menu.\n • Download PDF\n1. LEESWIJZER\nAlgemeen\nDeze begroting van het Infrastructuurfonds volgt in opbouw en indeling de rijksbegrotingsvoorschriften.\nNa overleg met de Tweede Kamer zijn voor dit fonds de volgende punten verwerkt.\n";
        assert_eq!(fund_chapter(&lines(infra)).as_deref(), Some("A"));
        let supp = "1 Leeswijzer\nDeze suppletoire begroting voor het Defensiematerieelbegrotingsfonds volgt in opzet en structuur de voorschriften.\n";
        assert_eq!(fund_chapter(&lines(supp)).as_deref(), Some("K"));
    }

    #[test]
    fn a_fund_named_otherwise_is_not_the_page_s_subject() {
        // The annex of the Koninkrijksrelaties budget (c2_06, labelled IV).
        let annex = "Base description which applies to whole site\nBijlage 2: Verdiepingsbijlage BES-fonds\nArtikel 1. BES-fonds\nUitgaven\n";
        assert_eq!(fund_chapter(&lines(annex)), None);
        let two = "Via dit artikel gaan de bijdragen naar het Mobiliteitsfonds en het Deltafonds.\n";
        assert_eq!(fund_chapter(&lines(two)), None);
        let article =
            "3.1 Artikel 1 gemeentefonds\nTabel 3 Budgettaire gevolgen van beleid Artikel 1 gemeentefonds\n";
        assert_eq!(fund_chapter(&lines(article)), None);
        // A fund named only in a table, below its first figures, is a row.
        let row = "Tabel 2 Uitgaven\n2023\n2024\nGemeentefonds\n31.234\n";
        assert_eq!(fund_chapter(&lines(row)), None);
        let prose = "Met het oog op het Coalitieakkoord gaat ook de vrije uitkering (BES-fonds) omhoog.\n";
        assert_eq!(fund_chapter(&lines(prose)), None);
    }

    #[test]
    fn the_slotwet_by_its_title_and_columns() {
        assert!(shows_slotwet(&lines("Domeinen Roerende Zaken\nSuppletoire begroting 2012 (slotwet)\n")));
        assert!(shows_slotwet(&lines("Totaal geraamd\nRealisatie\nSlotwetmutaties\n")));
        assert!(shows_slotwet(&lines("(6)=(5)-(4)\nSlotverschillen\n(+ of -)\n")));
        assert!(!shows_slotwet(&lines("Stand Slotwet\n2013 Stand Slotwet\nRealisatie\n")));
        assert!(!shows_slotwet(&lines("Jaarverslag en slotwet Ministerie van Buitenlandse Zaken 2018\n")));
        // Slotwet 2016 VIII filed as JV (wild page c3_12): its heading, and its prose about itself.
        assert!(shows_slotwet(&lines("B. BEGROTINGSTOELICHTING SLOTWET\n")));
        assert!(shows_slotwet(&lines(
            "Volgens de Rijksbegrotingsvoorschriften licht deze slotwet de mutaties toe\n"
        )));
        assert!(!shows_slotwet(&lines("JAARVERSLAG EN SLOTWET\n")), "a dossier's title names both");
    }

    #[test]
    fn the_nationale_schuld_by_name_or_by_its_articles() {
        assert!(shows_nationale_schuld(&lines("2.4 De beleidsartikelen (Nationale Schuld)\n")));
        assert!(shows_nationale_schuld(&lines(
            "Base description which applies to whole site\n4.1 Artikel 11 Financiering staatsschuld\n"
        )));
        assert!(shows_nationale_schuld(&lines("Artikel 12 Kasbeheer\n")));
        assert!(!shows_nationale_schuld(&lines("2.2 De beleidsartikelen (Financiën)\n")));
        assert!(!shows_nationale_schuld(&lines("De rente op de staatsschuld daalt.\n")));
    }
}
