//! What a printed text is, decided once for every stage that only needs to know whether a text
//! is a figure or a year (the coverage audit and the confidence score).
//!
//! The definition rests on [`crate::normalize::number::parse_dutch_number`], the same parser that
//! gives cells their values, so "a figure" here means exactly "a text that gets a value".

use crate::normalize::number::dutch_number_kind;
use crate::table::ValueKind;

/// Whether the text holds at least `count` words (runs of non-white-space, as `split_whitespace`
/// cuts them), reading no further than the word that settles it.
pub fn has_words(text: &str, count: usize) -> bool {
    count == 0 || text.split_whitespace().nth(count - 1).is_some()
}

/// The word a site prints over a note, on its own line above the note's marker: "Noot",
/// "Noten", "Voetnoot" (any case), also after the "X" of a pop-up's close button ("X Noot":
/// zoek.officielebekendmakingen.nl prints every note of a Kamerstuk so).
pub fn is_note_heading(text: &str) -> bool {
    let text = text.trim();
    let word = text.strip_prefix("X ").unwrap_or(text);
    ["noot", "noten", "voetnoot", "voetnoten"].iter().any(|heading| word.eq_ignore_ascii_case(heading))
}

/// True when the text is a printed number or percentage ("1.522", "‒ 21,7", "51%", "2019"),
/// also with trailing footnote stars ("1.522*") or a parenthesised remark after it
/// ("47% (2015)"). Nil, "pm", "n.v.t." and words are not figures.
pub fn is_figure(text: &str) -> bool {
    let trimmed = text.trim();
    let without_stars = trimmed.trim_end_matches('*').trim_end();
    let core = match without_stars.find(" (") {
        Some(at) if without_stars.ends_with(')') => &without_stars[..at],
        _ => without_stars,
    };
    matches!(dutch_number_kind(core), ValueKind::Number | ValueKind::Percent)
}

/// A number or percentage as printed, nothing around it: no remark in parentheses ("2010 (1)" is
/// a column heading) and no footnote stars.
pub(crate) fn is_plain_figure(text: &str) -> bool {
    matches!(dutch_number_kind(text), ValueKind::Number | ValueKind::Percent)
}

/// True for the words printed in figure columns instead of a figure: nil signs, "pm", "n.v.t.".
pub fn is_figure_placeholder(text: &str) -> bool {
    matches!(dutch_number_kind(text), ValueKind::Nil | ValueKind::Pm | ValueKind::Nvt)
}

/// A value word with a note marker glued to it ("n.v.t.3", "pm1"): the word and the marker. A
/// value word never ends in a digit.
pub fn value_word_and_marker(text: &str) -> Option<(&str, &str)> {
    let (word, marker) = split_trailing_digits(text);
    ((1..=2).contains(&marker.len()) && VALUE_WORDS_AS_PRINTED.contains(&word)).then_some((word, marker))
}

/// The words that stand for a value in a cell, as the pages print them before a note marker
/// (lower case: "PM10" is a particle, "Nihil1" a label).
const VALUE_WORDS_AS_PRINTED: &[&str] = &["n.v.t.", "n.v.t", "nvt", "pm", "p.m.", "p.m", "nihil"];

/// A text cut before its trailing ASCII digits ("Beginsaldo00000000" → "Beginsaldo",
/// "00000000"); the digits are empty when it does not end in one. Cuts on a character boundary.
pub fn split_trailing_digits(text: &str) -> (&str, &str) {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    text.split_at(text.len() - digits)
}

/// A text that names the period a column covers: a year or year range ("2019", "2020-2021"),
/// or a date ("31-12-2019", "31.12.2019").
pub fn is_period_heading(text: &str) -> bool {
    is_year_heading(text) || is_date(text)
}

/// A date as a balance's column prints it: day, month and year ("31-12-2019", "31.12.2019",
/// "1/1/2020").
pub fn is_date(text: &str) -> bool {
    let mut parts = text.split(['-', '.', '/']);
    let (Some(day), Some(month), Some(year), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (1..=2).contains(&day.len())
        && (1..=2).contains(&month.len())
        && [day, month, year].iter().all(|part| part.bytes().all(|b| b.is_ascii_digit()))
        && is_year(year)
}

/// True for the marks printed in figure columns where a figure is not available: "...", "…",
/// "." and ".." (the CBS convention these tables follow). They stand in a figure's place, so a
/// reader lays them out like figures; they carry no value.
pub fn is_not_available_mark(text: &str) -> bool {
    matches!(text.trim(), "." | ".." | "..." | "…" | ". . .")
}

/// True for a text that stands in a figure column's place, as the structure stage tells headers
/// and stubs from data: a number, a percentage, nil, pm or n.v.t., but not a year (years head
/// columns). Unlike [`is_figure`], nil, "pm" and "n.v.t." count.
pub fn stands_for_figure(text: &str) -> bool {
    if is_year_heading(text) {
        return false;
    }
    matches!(
        dutch_number_kind(text),
        ValueKind::Number | ValueKind::Percent | ValueKind::Nil | ValueKind::Pm | ValueKind::Nvt
    )
}

/// "2019", "2019*", "2019–2020", "2019/2020": a year or a range of years, as a header prints it;
/// also a year the page leaves open: the budget year as a model page prints it ("20..") and a
/// year counted from it ("t+1", "t-2", "T + 4").
pub(crate) fn is_year_heading(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches('*');
    if is_open_year(trimmed) {
        return true;
    }
    let mut parts = trimmed.split(['-', '–', '/']).map(str::trim);
    let year = |part: &str| {
        part.len() == 4
            && part.bytes().all(|b| b.is_ascii_digit())
            && matches!(part.parse::<i32>(), Ok(1900..=2100))
    };
    let Some(first) = parts.next() else { return false };
    year(first)
        && parts.all(|part| year(part) || (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit())))
}

/// A year the page leaves open: "20.." (or "19..") on a model page, "t+1", "t-2", "T + 4"
/// counted from the budget year. (A bare "t" is not: it is as often tonnes or a code.)
pub(crate) fn is_open_year(text: &str) -> bool {
    if matches!(text, "20.." | "19..") {
        return true;
    }
    let Some(rest) = text.strip_prefix(['t', 'T']) else { return false };
    let Some(count) = rest.trim_start().strip_prefix(['+', '-', '–']).map(str::trim_start) else {
        return false;
    };
    (1..=2).contains(&count.len()) && count.bytes().all(|b| b.is_ascii_digit())
}

/// The words budget tables print over a column before its year: what kind of figure the column
/// holds ("Realisatie 2010", "Raming 2011", "Vastgestelde begroting 2012", "Stand 2013",
/// "Slotwet 2011"). A closed list, lower case.
const MEASURE_WORDS: &[&str] = &[
    "realisatie",
    "realisaties",
    "raming",
    "ramingen",
    "begroting",
    "ontwerpbegroting",
    "ontwerp-begroting",
    "stand",
    "mutatie",
    "mutaties",
    "norm",
    "streefwaarde",
    "basiswaarde",
    "prognose",
    "verwachting",
    "uitkomst",
    "uitkomsten",
    "slotwet",
    "jaarverslag",
];

/// A column heading made of a measure word and a year, perhaps with a note marker of one or two
/// digits glued to the year: "Realisatie 2010", "Raming 20112" (note 2), "Vastgestelde begroting
/// 2012". Such a line is a heading, never a label run together with a figure, though it ends in
/// digits ("Realisatie 20101" is not "Realisatie" and 20,101).
pub fn is_measure_year_heading(text: &str) -> bool {
    let Some((words, last)) = text.trim().rsplit_once(char::is_whitespace) else { return false };
    let year_with_marker =
        last.len() >= 4 && last.len() <= 6 && last.bytes().all(|b| b.is_ascii_digit()) && is_year(&last[..4]);
    let measure = words
        .split_whitespace()
        .last()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
        .is_some_and(|word| MEASURE_WORDS.contains(&word.as_str()));
    year_with_marker && measure
}

/// True when one of the text's words names what kind of figure a column holds ("Vastgestelde
/// begroting", "Mutaties (+ of –) 1e suppletoire begroting", "Stand 4e ISB"): a column's title,
/// not a stub's heading or a unit.
pub fn names_a_measure(text: &str) -> bool {
    // The measure words are ASCII: compared without a lower-cased copy of every word.
    text.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        MEASURE_WORDS.iter().any(|measure| measure.eq_ignore_ascii_case(word))
    })
}

/// A cell's text that reads as a column heading of a measure and a year or years ("Realisatie
/// 2024", "Streefwaarde 2021-2025 (1)", "Raming 20112"), a column number or a star after it
/// allowed: where it stands among the data cells, the header was cut short. (A row label may
/// name a measure and a year, "Vastgestelde begroting 2024"; a data cell does not.)
pub fn is_column_heading_text(text: &str) -> bool {
    let text = text.trim().trim_end_matches('*');
    // Cheap out: a heading opens with its measure word (most cells are figures).
    if !text.starts_with(char::is_alphabetic) || !text.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
        return false;
    }
    let text = match text.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')) {
        Some((before, number))
            if (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            before.trim_end()
        }
        _ => text,
    };
    if is_measure_year_heading(text) {
        return true;
    }
    let Some((words, last)) = text.rsplit_once(char::is_whitespace) else { return false };
    let measure = words
        .split_whitespace()
        .last()
        .is_some_and(|word| MEASURE_WORDS.contains(&word.to_lowercase().as_str()));
    measure && is_year_heading(last) && last.contains(['-', '–', '/'])
}

/// The number a header gives its column: "(N)" (N of one or two digits) that is not an operand
/// of a formula, or the N a formula defines ("(3)=(1)+(2)", "(3 = 2 – 1)"). "Realisatie 2010 (2)"
/// is column 2; "Verschil (2) – (1)" computes from columns 2 and 1 without a number of its own.
pub fn column_number(header: &str) -> Option<u32> {
    let compact: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    let operator =
        |c: Option<char>| c.is_some_and(|c| matches!(c, '+' | '-' | '–' | '‒' | '−' | '×' | '*' | '/'));
    // (number, character before the "(", character after the number's closing ")" or "=").
    let mut numbers = Vec::new();
    let mut rest = compact.as_str();
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let digits_end = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        let digits = &after[..digits_end];
        let next = after[digits_end..].chars().next();
        if (1..=2).contains(&digits.len()) {
            let defines =
                next == Some('=') || (next == Some(')') && after[digits_end + 1..].starts_with('='));
            if defines {
                return digits.parse().ok();
            }
            if next == Some(')') {
                let following = after[digits_end + 1..].chars().next();
                numbers.push((digits.parse::<u32>().ok()?, rest[..open].chars().next_back(), following));
            }
        }
        rest = &after[digits_end..];
    }
    match numbers.as_slice() {
        [(number, before, next)] if !operator(*before) && !operator(*next) && *before != Some('=') => {
            Some(*number)
        }
        _ => None,
    }
}

/// A whole number of one to three digits as printed ("4", "12", "099"): a small figure among
/// figures, a reference or code among texts ("Toelichting", "4", "a"), so a column-coherence
/// test counts it with either sort.
pub fn is_short_whole_number(text: &str) -> bool {
    let text = text.trim();
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// A dash or plus sign that opens a negative or positive figure ("-", "–", "‒", "—", "−", "+").
pub fn is_sign(c: char) -> bool {
    matches!(c, '-' | '–' | '‒' | '—' | '−' | '+')
}

/// A plain year from 1900 to 2100 ("2019").
pub fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && matches!(text.parse::<i32>(), Ok(1900..=2100))
}

/// A line of running prose: eight words or more, not ending in a figure (a long row label
/// followed by its figures is no sentence).
pub fn is_sentence(line: &str) -> bool {
    let line = line.trim();
    has_words(line, 8) && !line.ends_with(|c: char| c.is_ascii_digit() || c == '%')
}

/// True for a short number on a line of its own that is a note's marker rather than a figure:
/// one to three digits, with the next non-blank line a sentence ([`is_sentence`]), as notes are
/// printed in flattened text ("58", a blank line, "Voor de baten-lastenagentschappen …").
pub fn is_note_marker_before_text(line: &str, next_text: Option<&str>) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.len() <= 3
        && line.bytes().all(|b| b.is_ascii_digit())
        && next_text.is_some_and(is_sentence)
}

/// The word a page prints over a column of article codes: "Art.", "Art.nr.", "Art. nr",
/// "Artikelnr.", "Artikel", "Artikelnummer" (any case, full stops and spaces ignored). It names
/// the stub's code column, never a column of figures; whether the column it heads is the stub or
/// a text column printed after the figures is for the caller to decide from where it stands.
/// A longer header ("Artikel (onderdeel)", "Artikelonderdeel") is not one of these words.
pub fn is_code_column_header(text: &str) -> bool {
    let folded: String =
        text.chars().filter(|c| !c.is_whitespace() && *c != '.').flat_map(char::to_lowercase).collect();
    matches!(folded.as_str(), "art" | "artnr" | "artnummer" | "artikel" | "artikelnr" | "artikelnummer")
}

/// A heading that names the stub's column of row names: "Omschrijving" (and "Artikelomschrijving",
/// "Naam artikel"), beside the code column's word. It heads the names, never figures.
pub fn is_name_column_header(text: &str) -> bool {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != ':')
        .flat_map(char::to_lowercase)
        .collect();
    matches!(folded.as_str(), "omschrijving" | "artikelomschrijving" | "naamartikel" | "artikelnaam")
}

/// A heading that names the column of row names, alone or as the last part of a compound:
/// [`is_name_column_header`]'s words, and "Projectomschrijving", "Maatregelomschrijving" (a word
/// ending in "omschrijving"). It heads names or descriptions, never figures.
pub fn heads_name_column(heading: &str) -> bool {
    is_name_column_header(heading) || {
        let trimmed = heading.trim().trim_end_matches([':', '.']);
        !trimmed.contains(char::is_whitespace) && trimmed.to_lowercase().ends_with("omschrijving")
    }
}

/// How many figures among a heading's or a caption's words make a row read into it: a column
/// heading names its column, a caption its table, with words and perhaps a year, a number or a
/// bracket's bounds ("Realisatie 2019", "(3)=(1)+(2)", "Schijf 2 € 73.031 - € 100.000", "Tabel
/// 3.1", "artikelen 11 en 12"), never with a row of figures.
pub const FIGURES_OF_A_ROW: usize = 5;

/// A heading that names a column of article codes: the word alone ("Artikelnr.", "Art.") or
/// with the period the table is about ("Artikelnr. 2016": the code column's heading of a
/// Najaarsnota overview, printed after the amounts' heading).
pub fn heads_code_column(heading: &str) -> bool {
    is_code_column_header(heading)
        || heading
            .trim()
            .split_once(' ')
            .is_some_and(|(word, period)| is_code_column_header(word) && is_period_heading(period.trim()))
}

/// A row label naming an extrapolation ("Extrapolatie", "Extrapolatie 2026", "extrapolatie1"
/// with a note marker): the row that extends a table's multi-year estimates by the one year that
/// enters it, so its figure stands in the last year's column.
pub fn is_extrapolation_label(label: &str) -> bool {
    let folded = label.trim().to_lowercase();
    folded.strip_prefix("extrapolatie").is_some_and(|rest| {
        rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit() || c == '(')
    })
}

/// A short article or chapter code: "31", "1.1", "IIA", "B", "31.1a", "9B", also with a closing
/// full stop ("I.", "1.1.").
pub fn is_code(text: &str) -> bool {
    // A code printed with a closing full stop ("I.", "1.1.", "A.") is the same code.
    let text = text.trim();
    let text = text.strip_suffix('.').filter(|rest| !rest.is_empty()).unwrap_or(text);
    if text.is_empty() || text.chars().count() > 8 {
        return false;
    }
    let digits = text.starts_with(|c: char| c.is_ascii_digit())
        && text
            .trim_end_matches(|c: char| c.is_ascii_lowercase())
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.');
    digits || is_chapter_code(text) || is_numbered_chapter_part(text)
}

/// A chapter split in two parts, numbered as a table of the budget's chapters prints it: "2A",
/// "2B", "9A", "9B" (IIA and IIB, IXA and IXB; wild page b3_07). Only A and B: other capitals
/// after a number are levels or grades ("1F", "2F", "1S": reference levels of reading and
/// arithmetic), no codes.
fn is_numbered_chapter_part(text: &str) -> bool {
    text.strip_suffix(['A', 'B'])
        .is_some_and(|number| (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()))
}

/// A budget chapter's or fund's code: a Roman numeral, perhaps with one letter ("XVIII", "IIA",
/// "IXB"), or one capital letter ("B", "F", "J"). At most eight characters. Not a word in
/// capitals ("ICT", "IND", "CBS").
pub fn is_chapter_code(text: &str) -> bool {
    if text.is_empty() || text.len() > 8 {
        return false;
    }
    // At most one letter after the numeral ("IXA", "IIB"): "ICT", "IND" or "CBS" is a word.
    let body = text.strip_suffix(|c: char| c.is_ascii_uppercase() && !"IVXLC".contains(c)).unwrap_or(text);
    let letter = text.len() == 1 && text.chars().all(|c| c.is_ascii_uppercase());
    is_chapter_numeral(body) || letter
}

/// A Roman numeral from I to XXXIX written the usual way ("IV", "IX", "XVIII"; not "IC", "IIII").
fn is_chapter_numeral(text: &str) -> bool {
    let tens = text.len() - text.trim_start_matches('X').len();
    let units = &text[tens..];
    let units_ok = matches!(units, "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX");
    !text.is_empty() && tens <= 3 && units_ok
}

/// What a column's header says its cells hold, where the header names a kind of value that rules
/// some cells out: a date ("Datum publicatie", "Datum brief") or a number of some sort ("Dossier-
/// en ondernummer", "Artikelnr."). Anything else can hold any text. (Years are no such kind:
/// "Vergaderjaar" holds "2008-2009", but "Realisatie verslagjaar" and "Boekjaar" head figures.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderValueKind {
    /// "Datum …": a date, or what stands for one.
    Date,
    /// "…nummer", "…nr.": a number, or what stands for one.
    Numbered,
    /// Any other header: any text.
    AnyText,
}

/// The kind of value the header names ([`HeaderValueKind`]); words are matched in lower case as
/// parts of the header's words ("ondernummer" holds "nummer"), in headers of at most three words
/// (field names); a year column heading ("2019") or a longer header is
/// [`HeaderValueKind::AnyText`].
pub fn header_value_kind(header: &str) -> HeaderValueKind {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() > 3 {
        return HeaderValueKind::AnyText;
    }
    if words.iter().any(|word| word.starts_with("datum")) {
        HeaderValueKind::Date
    } else if words.iter().any(|word| word.ends_with("nummer") || *word == "nr" || word.ends_with("nr")) {
        HeaderValueKind::Numbered
    } else {
        HeaderValueKind::AnyText
    }
}

/// True when a printed cell can stand in a column whose header names `kind`. The test only rules
/// out what clearly is something else: a date column takes a text that names a month or a year
/// ("15 mei 2009", "januari 2020", "medio 2019", "Q3 2019") or one word without digits ("n.t.b."),
/// not "Tweede Kamer der Staten-Generaal" nor "31951 nr. 1"; a number column takes anything but
/// two words or more with no digit and no month ("32360-XII nr. 2", "n.v.t.", not "Tweede Kamer
/// der Staten-Generaal").
pub fn fits_header_value_kind(kind: HeaderValueKind, text: &str) -> bool {
    let text = text.trim();
    let clearly_words =
        || has_words(text, 2) && !text.bytes().any(|b| b.is_ascii_digit()) && !names_a_month(text);
    match kind {
        // A date names a month or a year, or is a word standing for one ("n.t.b.", "medio").
        HeaderValueKind::Date => {
            let names_a_year = text.split(|c: char| !c.is_ascii_digit()).any(is_year);
            let placeholder = !text.bytes().any(|b| b.is_ascii_digit()) && !has_words(text, 2);
            names_a_month(text) || names_a_year || placeholder
        }
        HeaderValueKind::Numbered => !clearly_words(),
        HeaderValueKind::AnyText => true,
    }
}

/// True when a word of the text is a Dutch month name ("15 mei 2009", "januari 2020").
fn names_a_month(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    text.split_whitespace().any(|word| MONTHS.contains(&word.to_lowercase().trim_end_matches('.')))
}

/// True when the label, after a leading dash, bullet or parenthesis, opens with one of `words` as
/// a word of its own (or with a word ending in a full stop: "w.v.").
fn starts_with_word(label: &str, words: &[&str]) -> bool {
    let lowered = label
        .trim_start_matches(|c: char| matches!(c, '-' | '–' | '‒' | '—' | '•' | '(') || c.is_whitespace())
        .to_lowercase();
    words.iter().any(|word| {
        lowered.strip_prefix(word).is_some_and(|rest| {
            word.ends_with('.') || rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric())
        })
    })
}

/// "waarvan …", "wrv …", "w.v. …" after a leading dash, bullet or parenthesis: a part of the row
/// above it (rule 3 of [`crate::normalize::rows`]).
pub(crate) fn is_waarvan_label(label: &str) -> bool {
    starts_with_word(label, &["waarvan", "wrv", "w.v.", "wv."])
}

/// "Totaal …", "Totale …", "Subtotaal …", or a "(som …)" formula.
pub(crate) fn is_total_label(label: &str) -> bool {
    starts_with_word(label, &["totaal", "totale", "subtotaal"]) || label.to_lowercase().contains("(som ")
}

/// True for a label that ends in a word that is always followed by a number ("Artikel", "art.",
/// "Hoofdstuk", "nr.", or "Artikel" glued to the cell before it: "JaArtikel") or in a list of
/// numbers left open ("Artikel 22 en", "Artikel 23, 25,"): the number it asks for is printed
/// next, so a figure right after it may begin with it. Plurals and compounds ("artikelen",
/// "Niet-beleidsartikel") ask for none, nor do the words a contents entry ends in.
pub fn asks_for_a_number(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let Some(&last) = words.last() else { return false };
    let numbered = matches!(
        last.to_lowercase().trim_end_matches(':'),
        "artikel" | "art." | "art" | "hoofdstuk" | "nr." | "nummer"
    ) || last.ends_with("Artikel");
    let is_number = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    let open_list = matches!(last, "en" | "t/m" | "of")
        && words.len() >= 2
        && is_number(words[words.len() - 2].trim_end_matches(','))
        || last.ends_with(',') && is_number(last.trim_end_matches(','));
    numbered || open_list
}

/// A word that a number follows as part of a name: a phase, tranche, round or part ("fase 1",
/// "tranche 2", "ronde 3").
pub fn names_a_numbered_item(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "fase"
            | "tranche"
            | "ronde"
            | "deel"
            | "stap"
            | "regio"
            | "niveau"
            | "groep"
            | "cohort"
            | "pijler"
            | "module"
            | "lijn"
            | "schaal"
            | "categorie"
            | "prioriteit"
            | "scenario"
            | "klasse"
            | "periode"
            | "week"
            | "blok"
            | "versie"
            | "kwartaal"
            | "golf"
            | "pakket"
            | "spoor"
            | "thema"
            | "route"
            | "cluster"
            | "zone"
            | "type"
            | "variant"
            | "optie"
            | "lot"
            | "gebied"
            | "bijlage"
            | "tabel"
            | "figuur"
            | "paragraaf"
            | "lid"
            | "sub"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn has_words_answers_as_counting_every_word_does(text in "[a-z \t\n\u{a0}\u{2003}]{0,40}", count in 0usize..8) {
            prop_assert_eq!(has_words(&text, count), text.split_whitespace().count() >= count);
        }
    }

    #[test]
    fn periods_that_head_a_column() {
        assert!(
            is_period_heading("2020-2021") && is_period_heading("2019") && is_period_heading("31-12-2019")
        );
        assert!(!is_period_heading("12-2019") && !is_period_heading("Realisatie 2019"));
        assert_eq!(split_trailing_digits("Beginsaldo00000000"), ("Beginsaldo", "00000000"));
        assert_eq!(split_trailing_digits("Comensha"), ("Comensha", ""));
        assert_eq!(value_word_and_marker("n.v.t.3"), Some(("n.v.t.", "3")));
        assert_eq!(value_word_and_marker("PM10"), None);
    }

    #[test]
    fn column_headings_are_told_from_cells() {
        // Wild page j1_05, Tabel 39: the header cells that landed among the data cells.
        for heading in ["Streefwaarde 2024", "Realisatie 2024", "Streefwaarde 2021-2025 (1)", "Raming 20112"]
        {
            assert!(is_column_heading_text(heading), "{heading}");
        }
        for cell in ["41% in 2023", "N.v.t.", "SDG 8 Inclusieve en duurzame groei", "2024", "1137 van 5456"] {
            assert!(!is_column_heading_text(cell), "{cell}");
        }
    }

    #[test]
    fn open_years_are_year_headings() {
        for open in ["20..", "t+1", "T + 4", "t-2"] {
            assert!(is_year_heading(open), "{open}");
        }
        for other in ["t", "T", "t+", "tot", "t+123", "20.", "2.0.."] {
            assert!(!is_open_year(other), "{other}");
        }
    }

    #[test]
    fn chapter_codes_are_numerals_with_at_most_one_letter_or_one_letter() {
        for code in ["I", "IIA", "IIB", "IXA", "IXB", "XIII", "XVIII", "XIX", "F", "J", "B"] {
            assert!(is_chapter_code(code), "{code}");
        }
        for word in ["ICT", "IND", "CBS", "COA", "CPB", "IIII", "IC", "XVIIIAB", "", "Koning"] {
            assert!(!is_chapter_code(word), "{word}");
        }
    }

    #[test]
    fn a_column_number_is_the_one_no_formula_uses() {
        // Headers as corpus page 008 and wild page c4_07 (lines 10-16) print them.
        assert_eq!(column_number("Realisatie 2010 (2)"), Some(2));
        assert_eq!(column_number("(3)=(2)-(1) Verschil realisatie"), Some(3));
        assert_eq!(column_number("(3) = (1) + (2)"), Some(3));
        // One parenthesis around the whole formula, as c4_06 (line 39) prints it.
        assert_eq!(column_number("(3 = 2 – 1)"), Some(3));
        assert_eq!(
            column_number("Verschil realisatie en oorspronkelijk vastgestelde begroting (2) – (1)"),
            None
        );
        assert_eq!(column_number("Stand ontwerp-begroting 2012"), None);
        assert_eq!(column_number("Bedragen (x € 1.000)"), None);
    }

    #[test]
    fn figures_are_the_texts_that_get_a_value() {
        for figure in ["1.522", "13.553,7", "1 569 535", "‒ 21,7", "51%", "2019", "1.522*", "47% (2015)"] {
            assert!(is_figure(figure), "{figure}");
        }
        for text in ["", "-", "pm", "n.v.t.", "Politie", "1.5", "Tabel 2"] {
            assert!(!is_figure(text), "{text}");
        }
    }

    #[test]
    fn measure_year_headings() {
        for text in ["Realisatie 2010", "Realisatie 20101", "Raming 201012", "Vastgestelde begroting 2012"] {
            assert!(is_measure_year_heading(text), "{text}");
        }
        for text in
            ["Rentebaten 1 204", "Netto-uitgaven 2015", "Realisatie 13 285", "Realisatie 2010123", "2012"]
        {
            assert!(!is_measure_year_heading(text), "{text}");
        }
    }

    #[test]
    fn extrapolation_labels() {
        for label in ["Extrapolatie", "extrapolatie 2026", "Extrapolatie1", "Extrapolatie (2025)"] {
            assert!(is_extrapolation_label(label), "{label}");
        }
        for label in ["Extrapolaties naar later", "Totaal", "Mutatie extrapolatie", ""] {
            assert!(!is_extrapolation_label(label), "{label}");
        }
    }

    #[test]
    fn code_column_headers_are_the_short_article_words() {
        for word in ["Art.", "Art.nr.", "Art. nr", "ART.NR", "Artikelnr.", "Artikel", "artikelnummer"] {
            assert!(is_code_column_header(word), "{word}");
        }
        for text in ["Artikel (onderdeel)", "Artikelonderdeel", "Omschrijving", "2019", "Art. 3", ""] {
            assert!(!is_code_column_header(text), "{text}");
        }
    }

    #[test]
    fn not_available_marks_are_dots_only() {
        for mark in ["...", "…", ".", ".."] {
            assert!(is_not_available_mark(mark), "{mark}");
        }
        for text in ["1.", "... en meer", "n.v.t.", ""] {
            assert!(!is_not_available_mark(text), "{text}");
        }
    }

    #[test]
    fn header_value_kinds_and_the_cells_that_fit_them() {
        // The header of a Kamerstuk's page information (wild page c6_18, line 2).
        assert_eq!(header_value_kind("Datum publicatie"), HeaderValueKind::Date);
        assert_eq!(header_value_kind("Dossier- en ondernummer"), HeaderValueKind::Numbered);
        assert_eq!(header_value_kind("Artikelnr."), HeaderValueKind::Numbered);
        assert_eq!(header_value_kind("Organisatie"), HeaderValueKind::AnyText);
        assert_eq!(header_value_kind("Vergaderjaar"), HeaderValueKind::AnyText);
        assert_eq!(header_value_kind("Realisatie verslagjaar"), HeaderValueKind::AnyText);
        assert_eq!(header_value_kind("2019"), HeaderValueKind::AnyText);
        assert_eq!(header_value_kind("Mutatie t.o.v. vorige nummer"), HeaderValueKind::AnyText);
        assert!(fits_header_value_kind(HeaderValueKind::Date, "15 mei 2009"));
        assert!(fits_header_value_kind(HeaderValueKind::Date, "januari 2020"));
        assert!(fits_header_value_kind(HeaderValueKind::Date, "n.t.b."));
        assert!(fits_header_value_kind(HeaderValueKind::Date, "Q3 2019"));
        assert!(!fits_header_value_kind(HeaderValueKind::Date, "Tweede Kamer der Staten-Generaal"));
        assert!(!fits_header_value_kind(HeaderValueKind::Date, "31951 nr. 1"));
        assert!(fits_header_value_kind(HeaderValueKind::Numbered, "31951 nr. 1"));
        assert!(fits_header_value_kind(HeaderValueKind::Numbered, "n.v.t."));
        assert!(!fits_header_value_kind(HeaderValueKind::Numbered, "Tweede Kamer der Staten-Generaal"));
    }

    #[test]
    fn a_chapters_part_numbered_is_a_code_a_level_is_not() {
        assert!(is_code("2A"));
        assert!(is_code("9B"));
        assert!(is_code("IXB"));
        assert!(!is_code("1F"));
        assert!(!is_code("1S"));
        assert!(!is_code("123A"));
    }

    #[test]
    fn the_names_heading_alone_or_compounded() {
        assert!(heads_name_column("Omschrijving"));
        assert!(heads_name_column("Projectomschrijving"));
        assert!(heads_name_column("Naam artikel"));
        assert!(!heads_name_column("Omschrijving van de maatregel 2022"));
        assert!(!heads_name_column("huidig"));
    }

    #[test]
    fn note_headings_as_sites_print_them() {
        assert!(is_note_heading("X Noot"));
        assert!(is_note_heading("Noten"));
        assert!(is_note_heading(" voetnoot "));
        assert!(!is_note_heading("Noot 1: bron CBS"));
        assert!(!is_note_heading("X"));
    }
}
