//! The printed head of a kamerstuk (a parliamentary paper) → metadata.
//!
//! A kamerstuk opens with its dossier (number, the budget chapter for a budget dossier, and the
//! dossier's title) and then its own number and heading:
//!
//! ```text
//! 35 925 VII Vaststelling van de begrotingsstaten van het Ministerie van … (VII) voor het jaar 2022
//!
//! Nr. 50 NOTA VAN WIJZIGING
//! ```
//!
//! This module finds that head in a document's opening lines and reads the year, type and
//! chapter from it. It owns nothing else of the text: the other opening-line rules and the order
//! of sources are in [`super::from_text`] and [`super::infer_meta`].

use std::sync::LazyLock;

use regex::Regex;

use super::{CHAPTER, DocMeta, chapter_code, year_of};

/// What the head of a kamerstuk says, as found in the opening lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct KamerstukHead {
    /// The chapter part of the dossier number ("VII" in "35 925 VII"); `None` for a dossier
    /// without one (the Financieel Jaarverslag, the Miljoenennota) and for a title found alone.
    chapter: Option<String>,
    /// The dossier title, its wrapped lines joined with single spaces.
    title: String,
    /// The paper's own heading after its number ("NOTA VAN WIJZIGING"), when printed.
    heading: Option<String>,
}

/// A title found alone with the lines that continue it: a title wraps onto lines that open in
/// lower case ("Wijziging van de begrotingsstaat van het Infrastructuurfonds" / "voor het jaar
/// 2009 (wijziging samenhangende met de Najaarsnota)", printed above a suppletoire staat), and
/// what it says about the type is often on the wrapped line.
fn wrapped_title(lines: &[&str]) -> String {
    let continues =
        |line: &&&str| line.chars().next().is_some_and(|first| first.is_lowercase() || first == '(');
    let mut parts = vec![lines[0]];
    parts.extend(lines[1..].iter().take_while(continues).take(TITLE_LINES));
    parts.join(" ")
}

/// How many lines after the dossier line the "Nr." line may come (the title wraps over a few
/// lines in some renderings). Further on, the dossier line was something else.
const TITLE_LINES: usize = 4;

/// Title openings distinctive enough to be read as a dossier title when no dossier number is
/// printed before them (a page that shows a kamerstuk's title alone). Shorter titles
/// ("Miljoenennota 2015", "Slotwet …") are also table labels, so they count only after a
/// dossier number.
const STANDALONE_TITLES: &[&str] = &[
    "vaststelling van de begrotingsstaat",
    "vaststelling van de begrotingsstaten",
    "wijziging van de begrotingsstaat",
    "wijziging van de begrotingsstaten",
    "jaarverslag en slotwet",
];

/// True for a title that opens with one of the [`STANDALONE_TITLES`].
fn is_standalone_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    STANDALONE_TITLES.iter().any(|opening| lower.starts_with(opening))
}

/// A dossier line: the dossier number ("35 925", "34620", "33 000-1"), its chapter part and the
/// dossier's title, each after the number optional.
static DOSSIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\d{{2}} ?\d{{3}}(?:-\d+)?(?:\s+({CHAPTER}))?(?:\s+(.+))?$")).expect("valid regex")
});

/// True for a line that is only a dossier number, perhaps with its chapter part ("33 000",
/// "36 725 VII"): a kamerstuk's first line, not a figure.
pub(super) fn is_dossier_number(line: &str) -> bool {
    DOSSIER.captures(line.trim()).is_some_and(|captures| captures.get(2).is_none())
}

impl KamerstukHead {
    /// Finds the head in `lines` (trimmed opening lines).
    ///
    /// Steps: (1) a dossier line, "35 925 VII Titel…" (also with the number unspaced, "34620 J 2
    /// Memorie van toelichting", as the site's own copies print it) or the number alone with the title on the
    /// next non-empty line (and the chapter part on a line of its own before it, where a page's
    /// markup puts number and chapter in elements of their own), counts only when a "Nr. N" line
    /// follows within [`TITLE_LINES`] non-empty lines (so a table row that starts with "12 345"
    /// is no dossier); failing that, the first dossier line whose title opens with one of the
    /// [`STANDALONE_TITLES`] counts alone (its title as printed on that line, no heading); the
    /// lines in between continue the title, and the heading is the rest of the "Nr." line or, when that holds only the number, the next non-empty line; a number and
    /// chapter with no title before the bare "Nr." line take a dossier title (one of the
    /// [`STANDALONE_TITLES`]) from the line after it, and the heading from the next. (2) Failing
    /// that, a budget dossier's title behind a "Dossier:" label, as copies of kamerstukken print
    /// it (see `find_labelled_dossier`). (3) Failing that, the first line opening with one of the
    /// [`STANDALONE_TITLES`] is the title, with the lines that continue it (`wrapped_title`), no
    /// chapter and no heading. The "Vergaderjaar 2009–2010" line above a head is never part of it.
    pub(super) fn find(lines: &[&str]) -> Option<KamerstukHead> {
        static NUMBER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?i:nr\.)\s*\d+\s*(.*)$").expect("valid regex"));
        let lines: Vec<&str> = lines.iter().map(|line| line.trim()).filter(|line| !line.is_empty()).collect();
        let mut standalone_dossier = None;
        for (index, line) in lines.iter().enumerate() {
            let Some(dossier) = DOSSIER.captures(line) else { continue };
            let following = &lines[index + 1..lines.len().min(index + 1 + TITLE_LINES)];
            let Some(number_at) = following.iter().position(|line| NUMBER.is_match(line)) else {
                // A dossier title distinctive enough to stand alone needs no "Nr." line to tell
                // it from a table row ("35 200 B Jaarverslag en slotwet Gemeentefonds 2018"
                // above a page's navigation list).
                // It counts when no dossier line with its "Nr." line follows.
                if let Some(title) = dossier.get(2).map(|m| m.as_str())
                    && is_standalone_title(title)
                    && standalone_dossier.is_none()
                {
                    let chapter = dossier.get(1).map(|m| m.as_str().to_string());
                    standalone_dossier =
                        Some(KamerstukHead { chapter, title: title.to_string(), heading: None });
                }
                continue;
            };
            let mut chapter = dossier.get(1).map(|m| m.as_str().to_string());
            let mut title_from = 0;
            if chapter.is_none()
                && dossier.get(2).is_none()
                && let Some(code) = following.first().and_then(|line| chapter_code(line))
            {
                chapter = Some(code);
                title_from = 1;
            }
            let mut title_parts: Vec<&str> = dossier.get(2).map(|m| m.as_str()).into_iter().collect();
            title_parts.extend(following.get(title_from..number_at).unwrap_or_default());
            let number_line = NUMBER.captures(following[number_at]).expect("matched above");
            let after_number = index + 2 + number_at;
            // A copy that prints the dossier number and chapter alone and the dossier's title
            // after the "Nr." line ("35 470 VI" / "Nr. 1" / "Jaarverslag en slotwet … 2019" /
            // "DEPARTEMENTAAL JAARVERSLAG …"): the title is the line after it, the heading the
            // next, when the title is a dossier title.
            let title_after_number =
                (title_parts.is_empty() && chapter.is_some() && number_line[1].trim().is_empty())
                    .then(|| lines.get(after_number))
                    .flatten()
                    .filter(|title| is_standalone_title(title));
            if let Some(title) = title_after_number {
                let heading = lines.get(after_number + 1).map(|line| line.to_string());
                return Some(KamerstukHead { chapter, title: title.to_string(), heading });
            }
            if title_parts.is_empty() {
                continue;
            }
            let heading = match number_line[1].trim() {
                "" => lines.get(after_number).map(|line| line.to_string()),
                rest => Some(rest.to_string()),
            };
            return Some(KamerstukHead { chapter, title: title_parts.join(" "), heading });
        }
        if standalone_dossier.is_some() {
            return standalone_dossier;
        }
        if let Some(head) = Self::find_labelled_dossier(&lines, &NUMBER) {
            return Some(head);
        }
        let title_at = lines.iter().position(|line| is_standalone_title(line))?;
        Some(KamerstukHead { chapter: None, title: wrapped_title(&lines[title_at..]), heading: None })
    }

    /// Step (2) of [`KamerstukHead::find`]: the head as copies of kamerstukken print it
    /// (openkamer.org): the dossier title behind a "Dossier:" label, and the paper's heading on
    /// the first "Nr. N" line after it ("Dossier: Jaarverslag en slotwet Ministerie van
    /// Buitenlandse Zaken 2018" … "Nr. 1 JAARVERSLAG VAN HET MINISTERIE …"). The label alone is
    /// common on other sites, so the title counts only when it is a budget dossier's (its type
    /// is known, or it says "voor het jaar YEAR"). The chapter stays with the address, whose
    /// dossier part names it.
    fn find_labelled_dossier(lines: &[&str], number: &Regex) -> Option<KamerstukHead> {
        let (at, title) = lines.iter().enumerate().find_map(|(at, line)| {
            let title = line.strip_prefix("Dossier:")?.trim();
            let is_budget_dossier =
                title_type(title).is_some() || title.to_lowercase().contains("voor het jaar");
            is_budget_dossier.then(|| (at, title.to_string()))
        })?;
        let heading = lines[at + 1..].iter().find_map(|line| {
            let rest = number.captures(line)?[1].trim().to_string();
            Some(rest).filter(|rest| !rest.is_empty())
        });
        Some(KamerstukHead { chapter: None, title, heading })
    }

    /// What the head says: the type from the paper's heading first (a nota van wijziging or a
    /// letter of the Algemene Rekenkamer in a budget dossier is that, whatever the dossier is),
    /// then from the dossier title; the year from the title ("voor het jaar YEAR", else the last
    /// year in it: "Jaarverslag en slotwet … 2018", "Miljoenennota 2015"); the chapter from the
    /// dossier number.
    pub(super) fn meta(&self) -> DocMeta {
        static FOR_THE_YEAR: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)voor het jaar (\d{4})").expect("valid regex"));
        static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{4}\b").expect("valid regex"));
        let year = FOR_THE_YEAR
            .captures(&self.title)
            .and_then(|captures| year_of(&captures[1]))
            .or_else(|| ANY_YEAR.find_iter(&self.title).filter_map(|m| year_of(m.as_str())).last());
        let doc_type = self
            .heading
            .as_deref()
            .and_then(heading_type)
            .or_else(|| {
                self.heading
                    .as_deref()
                    .and_then(|heading| bill_in_annual_report_dossier(&self.title, heading))
            })
            .or_else(|| title_type(&self.title));
        DocMeta {
            year,
            doc_type: doc_type.map(str::to_string),
            chapter: self.chapter.clone(),
            ..DocMeta::default()
        }
    }
}

/// The type a paper's own heading gives regardless of its dossier: NvW for "NOTA VAN
/// WIJZIGING" (also "TWEEDE NOTA VAN WIJZIGING"), ARK for a letter or report whose heading names
/// the Algemene Rekenkamer as its sender ("BRIEF VAN DE ALGEMENE REKENKAMER"), or that is one of
/// its reports on a jaarverslag ("RAPPORT BIJ HET JAARVERSLAG 2012 VAN …", a series only the
/// Rekenkamer writes, signed by it below the heading). A list of
/// questions put to the Rekenkamer does not name it in its heading and keeps its dossier's type.
fn heading_type(heading: &str) -> Option<&'static str> {
    static ARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:brief|rapport)\b.*\balgemene rekenkamer\b|rapport bij het (?:financieel )?jaarverslag\b)")
            .expect("valid regex")
    });
    if heading.to_lowercase().contains("nota van wijziging") {
        Some("NvW")
    } else if ARK.is_match(heading) {
        Some("ARK")
    } else {
        None
    }
}

/// The slotwet for a bill or its explanation in a "Jaarverslag en slotwet" dossier: the dossier
/// holds the annual report and the one bill that settles the year's accounts, so a paper headed
/// "VOORSTEL VAN WET" or "MEMORIE VAN TOELICHTING" in it is that bill's.
fn bill_in_annual_report_dossier(title: &str, heading: &str) -> Option<&'static str> {
    let heading = heading.trim().to_lowercase();
    let is_bill = heading.starts_with("voorstel van wet") || heading.starts_with("memorie van toelichting");
    (is_bill && title.to_lowercase().starts_with("jaarverslag en slotwet")).then_some("slotwet")
}

/// The type a dossier title gives.
///
/// "Vaststelling van de begrotingsstaat(en) …" → OWB; "Wijziging van de begrotingsstaat(en) …"
/// → slotwet when it says "slotwet", 1SUPP when it names the Voorjaarsnota, 2SUPP the
/// Najaarsnota, and nothing otherwise (an incidentele suppletoire begroting is neither, and "eerste
/// incidentele suppletoire" must not read as the first suppletoire); "Jaarverslag (en slotwet) …"
/// → JV; "Slotwet …" → slotwet; "Financieel jaarverslag van het Rijk …" → FJR; "Miljoenennota",
/// "Voorjaarsnota", "Najaarsnota" → MN, VJN, NJN.
fn title_type(title: &str) -> Option<&'static str> {
    let title = title.to_lowercase();
    let opens = |opening: &str| title.starts_with(opening);
    // "begrotingsstaten" does not start with "begrotingsstaat": both forms are listed.
    if opens("vaststelling van de begrotingsstaat") || opens("vaststelling van de begrotingsstaten") {
        Some("OWB")
    } else if opens("wijziging van de begrotingsstaat") || opens("wijziging van de begrotingsstaten") {
        if title.contains("slotwet") {
            Some("slotwet")
        } else if title.contains("voorjaarsnota") {
            Some("1SUPP")
        } else if title.contains("najaarsnota") {
            Some("2SUPP")
        } else {
            None
        }
    } else if opens("jaarverslag") {
        Some("JV")
    } else if opens("slotwet") {
        Some("slotwet")
    } else if opens("financieel jaarverslag van het rijk") {
        Some("FJR")
    } else if opens("miljoenennota") {
        Some("MN")
    } else if opens("voorjaarsnota") {
        Some("VJN")
    } else if opens("najaarsnota") {
        Some("NJN")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<DocMeta> {
        let lines: Vec<&str> = text.lines().collect();
        KamerstukHead::find(&lines).map(|head| head.meta())
    }

    fn meta(year: Option<i32>, doc_type: Option<&str>, chapter: Option<&str>) -> Option<DocMeta> {
        Some(DocMeta {
            year,
            doc_type: doc_type.map(str::to_string),
            chapter: chapter.map(str::to_string),
            ..DocMeta::default()
        })
    }

    #[test]
    fn head_on_two_lines() {
        let text = "36 200 XIV Vaststelling van de begrotingsstaten van het Ministerie van Landbouw, Natuur en Voedselkwaliteit (XIV) en het Diergezondheidsfonds (F) voor het jaar 2023\n\nNr. 2 MEMORIE VAN TOELICHTING\n";
        assert_eq!(read(text), meta(Some(2023), Some("OWB"), Some("XIV")));
        let nvw = "36 800 K Vaststelling van de begrotingsstaat van het Defensiematerieelbegrotingsfonds voor het jaar 2026\n\nNr. 6 NOTA VAN WIJZIGING\n";
        assert_eq!(read(nvw), meta(Some(2026), Some("NvW"), Some("K")));
    }

    #[test]
    fn head_spread_over_lines_under_the_vergaderjaar() {
        let text = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2022\n\n2023\n\n36 360 IIB\n\nJaarverslag en Slotwet overige Hoge Colleges van Staat, Kabinetten van de Gouverneurs en de Kiesraad 2022\n\nNr. 1\n\nJAARVERSLAG VAN DE OVERIGE HOGE COLLEGES VAN STAAT\n";
        assert_eq!(read(text), meta(Some(2022), Some("JV"), Some("IIB")));
        let markup_lines = "35 925\n\nVII\n\nVaststelling van de begrotingsstaten van het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (VII) voor het jaar 2022\n\nNr. 50\n\nNOTA VAN WIJZIGING\n";
        assert_eq!(read(markup_lines), meta(Some(2022), Some("NvW"), Some("VII")));
        let wrapped = "Vergaderjaar 2009–2010\n32 360 IXB Jaarverslag en slotwet Ministerie van\nFinanciën 2009\nNr. 1\nJAARVERSLAG\n";
        assert_eq!(read(wrapped), meta(Some(2009), Some("JV"), Some("IXB")));
    }

    #[test]
    fn a_dossier_title_printed_after_the_number_line() {
        // Wild page q1_01 (parlementairemonitor.nl, jaarverslag JenV 2019), lines 21-31 verbatim:
        // number and chapter alone, "Nr. 1", then the dossier title and the paper's heading.
        let text = "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2019-2020\n\n35 470 VI\n\nNr. 1\n\n\
            Jaarverslag en slotwet Ministerie van Justitie en Veiligheid 2019\n\n\
            DEPARTEMENTAAL JAARVERSLAG 2019 JUSTITIE EN VEILIGHEID (VI)\n";
        assert_eq!(read(text), meta(Some(2019), Some("JV"), Some("VI")));
        // Not when the line after "Nr." is no dossier title: a row "12 345 VI" over "Nr. 1".
        assert_eq!(KamerstukHead::find(&["35 470 VI", "Nr. 1", "Inleiding"]), None);
    }

    #[test]
    fn a_distinctive_dossier_title_needs_no_number_line() {
        // Wild page p1_04 (tweedekamer.nl, jaarverslag Gemeentefonds 2018), lines 1-5 verbatim:
        // the dossier line, then the page's navigation list; "Nr. 1" comes 23 lines further.
        let text = "Jaarverslag : Jaarverslag Gemeentefonds 2018\n35 200 B Jaarverslag en slotwet Gemeentefonds 2018\nInhoudsopgave\nA. ALGEMEEN\n1. AANBIEDING VAN HET JAARVERSLAG EN VERZOEK TOT DECHARGEVERLENING\n";
        assert_eq!(read(text), meta(Some(2018), Some("JV"), Some("B")));
        // (Hand-made.) A table row that opens with a number of five digits is no dossier.
        assert_eq!(read("12 345 Uitgaven ten laste van de begroting 2018\n"), None);
        // (Hand-made.) A dossier line with its "Nr." line further on is the head, with its
        // heading.
        let later = "35 200 B Jaarverslag en slotwet Gemeentefonds 2018\nInhoudsopgave\n1. Leeswijzer\n2. Beleid\n3. Bedrijfsvoering\n4. Bijlagen\n35 200 B Jaarverslag en slotwet Gemeentefonds 2018\nNr. 3\nRAPPORT BIJ HET JAARVERSLAG 2018 VAN HET GEMEENTEFONDS (B)\n";
        assert_eq!(read(later), meta(Some(2018), Some("ARK"), Some("B")));
    }

    #[test]
    fn a_dossier_number_printed_without_its_space() {
        // rijksbegroting.nl's copy of 34 620 J nr. 2 (wild page c6_09): the title above the
        // dossier line, and the number, chapter and stuk run together under it.
        let text = "Wijziging begroting Deltafonds 2016 (wijziging samenhangende met de Najaarsnota)\n\n34620 J 2 Memorie van toelichting\n\nVergaderjaar 2016-2017\n\nNr. 2\n";
        assert_eq!(read(text).and_then(|meta| meta.chapter), Some("J".to_string()));
    }

    #[test]
    fn suppletoire_begrotingen_by_the_nota_they_go_with() {
        let spring = "36 350 VII Wijziging van de begrotingsstaten van het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (VII) voor het jaar 2023 (wijziging samenhangende met de Voorjaarsnota)\nNr. 2 MEMORIE VAN TOELICHTING\n";
        assert_eq!(read(spring), meta(Some(2023), Some("1SUPP"), Some("VII")));
        let autumn = "36 460 B Wijziging van de begrotingsstaat van het Gemeentefonds voor het jaar 2023 (wijziging samenhangende met de Najaarsnota)\nNr. 1 VOORSTEL VAN WET\n";
        assert_eq!(read(autumn), meta(Some(2023), Some("2SUPP"), Some("B")));
        let incidental = "35 420 XV Wijziging van de begrotingsstaten van het Ministerie van Sociale Zaken en Werkgelegenheid (XV) voor het jaar 2020 (Tweede incidentele suppletoire begroting inzake noodpakket banen en economie)\nNr. 3 MEMORIE VAN TOELICHTING\n";
        assert_eq!(read(incidental), meta(Some(2020), None, Some("XV")));
        let memorie = "35 470 XIV Jaarverslag en slotwet Ministerie van Landbouw, Natuur en Voedselkwaliteit en Diergezondheidsfonds 2019\n\nNr. 4 MEMORIE VAN TOELICHTING\n";
        assert_eq!(read(memorie), meta(Some(2019), Some("slotwet"), Some("XIV")));
        let slotwet = "35 470 X Wijziging van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2019 (slotwet)\nNr. 2 MEMORIE VAN TOELICHTING\n";
        assert_eq!(read(slotwet), meta(Some(2019), Some("slotwet"), Some("X")));
    }

    #[test]
    fn whole_state_titles_and_the_slotwet_alone() {
        let fjr =
            "31 031 Financieel jaarverslag van het Rijk 2008\nNr. 1 FINANCIEEL JAARVERSLAG VAN HET RIJK\n";
        assert_eq!(read(fjr), meta(Some(2008), Some("FJR"), None));
        let mn = "34 000 Miljoenennota 2015\n\nNr. 1 MILJOENENNOTA 2015\n";
        assert_eq!(read(mn), meta(Some(2015), Some("MN"), None));
        let slotwet = "33 240 XIII Slotwet Ministerie van Economische Zaken, Landbouw en Innovatie 2011\nNr. 1 VOORSTEL VAN WET\n";
        assert_eq!(read(slotwet), meta(Some(2011), Some("slotwet"), Some("XIII")));
    }

    #[test]
    fn rekenkamer_letters_and_questions_to_the_rekenkamer() {
        let letter = "35 000 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2019\n\nNr. 5 BRIEF VAN DE ALGEMENE REKENKAMER\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n";
        assert_eq!(read(letter), meta(Some(2019), Some("ARK"), Some("X")));
        // The Rekenkamer's report on a jaarverslag (kst-33605-VII-2, wild page c6_13).
        let report = "33 605 VII Jaarverslag en slotwet van het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties 2012\n\nNr. 2 RAPPORT BIJ HET JAARVERSLAG 2012 VAN HET MINISTERIE VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES (VII)\n";
        assert_eq!(read(report), meta(Some(2012), Some("ARK"), Some("VII")));
        let questions = "36 100 Financieel jaarverslag van het Rijk 2021\nNr. 4\nLIJST VAN VRAGEN EN ANTWOORDEN\nDe commissie heeft vragen voorgelegd aan de Algemene\nRekenkamer over de brief van de Algemene Rekenkamer\n";
        assert_eq!(read(questions), meta(Some(2021), Some("FJR"), None));
    }

    #[test]
    fn a_dossier_title_behind_a_label() {
        // openkamer.org/kamerstuk/35200-V-1 (wild page c7_24).
        let text = "Kamerstuk 35200-V-1\n\nJaarverslag Ministerie van Buitenlandse Zaken 2018\n\nDossier: Jaarverslag en slotwet Ministerie van Buitenlandse Zaken 2018\n\nGepubliceerd: 15 mei 2019\nIndiener(s): Stef Blok (minister buitenlandse zaken) (VVD)\nOnderwerpen: begroting financiën\nBron: https://zoek.officielebekendmakingen.nl/kst-35200-V-1.html\nID: 35200-V-1\n\nNr. 1 JAARVERSLAG VAN HET MINISTERIE VAN BUITENLANDSE ZAKEN (V)\n";
        assert_eq!(read(text), meta(Some(2018), Some("JV"), None));
        let nvw = "Dossier: Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2019\nNr. 7 NOTA VAN WIJZIGING\n";
        assert_eq!(read(nvw), meta(Some(2019), Some("NvW"), None));
        // The label on other matters is no budget dossier.
        assert_eq!(read("Dossier: Staat van de Europese Unie 2019\nNr. 1 BRIEF\n"), None);
    }

    #[test]
    fn a_title_alone_wraps_onto_lower_case_lines() {
        // kst-32222-A-1 (wild page c6_11): the title above the suppletoire staat.
        let text = "De Minister van Verkeer en Waterstaat,\nWijziging van de begrotingsstaat van het Infrastructuurfonds\nvoor het jaar 2009 (wijziging samenhangende met de Najaarsnota)\nDepartementale suppletore begrotingsstaat (Najaarsnota)\n";
        assert_eq!(read(text), meta(Some(2009), Some("2SUPP"), None));
    }

    #[test]
    fn a_title_alone_and_what_is_no_head() {
        let alone = "Vaststelling van de begrotingsstaten van het Ministerie van Financiën (IXB) voor het jaar 2019\n";
        assert_eq!(read(alone), meta(Some(2019), Some("OWB"), None));
        // A short title is a table label unless a dossier number stands before it.
        assert_eq!(read("Tabel 3 Stand\n\nMiljoenennota 2015\n\n1.234\n"), None);
        // A number that looks like a dossier number with no "Nr." line after it.
        assert_eq!(read("12 345 Miljoenennota 2015\n\n1.234\n\n5.678\n\n9.012\n\n3.456\n\nNr. 1 X\n"), None);
        assert_eq!(read("Vergaderjaar 2009–2010\n"), None);
    }
}
