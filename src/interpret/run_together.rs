//! Lines that run a label and its figures together, cut where the figures start: "Netto-uitgaven
//! buiten het kader– 4 512", "Rentebaten1 204", "Uitgaven 1.522 1.529 1.370", space-grouped rows
//! ("Stand ontwerpbegroting 2009 4 744 138 4 682 192 …") cut into as many figures as the heading
//! has years (or into the fewest figures when they cannot fill the years), and year headings
//! glued together. Owns only the cutting of one printed line and whether the cut is certain; the
//! text reader decides which lines to cut (from their neighbours), the coverage audit uses
//! [`trailing_figures`] to find figures a table left out. Figures glued to each other are
//! [`super::glued_figures`]'s, rows printed one space a cell [`super::spaced_cells`]'.

use super::vocabulary::{
    self, is_code, is_plain_figure, is_short_whole_number, is_sign, is_year, split_trailing_digits,
};

/// The figures at the end of a line that runs a label and its figures together
/// ("Netto-uitgaven buiten het kader– 4 512" ends in "4 512"; "Uitgaven 1.522 1.529 1.370" in
/// three; "Voorwoord9" in one glued to the label). Returns the byte offset where the figures start and how many whitespace-separated
/// tokens they span, or `None` when the line does not end in a figure, has no letters before it,
/// or reads like prose (it ends with a full stop, or is longer than 160 characters).
///
/// Known limit: a label that itself ends in a number ("Artikel 31") is indistinguishable from a
/// label and one figure, so callers only trust this for runs of several such lines.
pub fn trailing_figures(line: &str) -> Option<(usize, usize)> {
    let trimmed = line.trim_end();
    if trimmed.is_empty() || too_long_for_a_label(trimmed) || trimmed.ends_with('.') {
        return None;
    }
    let mut start = trimmed.len();
    let mut tokens = 0;
    let mut rest = trimmed;
    while let Some(at) = rest.rfind(char::is_whitespace) {
        let token = &rest[at..].trim();
        if !is_figure_token(token) {
            break;
        }
        tokens += 1;
        start = at + rest[at..].len() - rest[at..].trim_start().len();
        rest = rest[..at].trim_end();
    }
    if tokens == 0 {
        return glued_trailing_figure(trimmed).map(|start| (start, 1));
    }
    // One year after words is a date or a heading ("Ontvangen 10 november 2021", "voor het
    // jaar 2022"), not a row of figures.
    if tokens == 1 && is_year(&trimmed[start..]) {
        return None;
    }
    let label = &trimmed[..start];
    (label.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some((start, tokens))
}

/// A line too long to be a label and its figures: over 160 characters, or over 120 when it runs
/// two contents entries together (a page number, then the next entry's section number: "… in de
/// Rijksrekening 2015 10 1.3 Ontwikkelingen …", wild page i1_08; the coverage audit names such
/// lines). A single contents entry of 125 characters is still one (wild page r3_02).
fn too_long_for_a_label(trimmed: &str) -> bool {
    let characters = if trimmed.len() <= 120 { trimmed.len() } else { trimmed.chars().count() };
    (longer_than_a_label(trimmed) && !one_title_and_its_page(trimmed))
        || (characters > 120 && runs_contents_entries_together(trimmed))
}

/// True for a line over 160 characters: longer than a row's label runs, but for a contents
/// entry's title ([`one_title_and_its_page`], whose split only a block of contents entries keeps).
pub fn longer_than_a_label(trimmed: &str) -> bool {
    trimmed.len() > 160 && trimmed.chars().count() > 160
}

/// True for a long contents entry: one title, no sentence break in it, and a page of two or three
/// digits glued to its last word ("Bijlage Publicatieplicht op grond van de Wet … Landbouw,
/// Natuur en Voedselkwaliteit144", 170 characters; wild page x4_01, line 55). Only a block of
/// contents entries keeps its split (`read::text::line_splits`): prose ending in a glued note
/// marker reads so too.
fn one_title_and_its_page(trimmed: &str) -> bool {
    let (before, digits) = split_trailing_digits(trimmed);
    (2..=3).contains(&digits.len())
        && before.ends_with(char::is_lowercase)
        && !trimmed.contains(". ")
        && !trimmed.contains(": ")
        && trimmed.len() <= 480
}

/// True when the words hold a short whole number followed by a section number and a word ("10
/// 1.3 Ontwikkelingen", "10 1.3 ‘Ontwikkelingen’"): one contents entry's page, then the next
/// entry's number and title. A section number followed by a figure is a figure ("0 32.6113
/// 9501": a row's figures).
pub fn runs_contents_entries_together(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).any(|words| {
        is_short_whole_number(words[0])
            && words[1].contains('.')
            && words[1].starts_with(|c: char| c.is_ascii_digit())
            && is_code(words[1])
            && !words[2].starts_with(|c: char| c.is_ascii_digit() || is_sign(c))
    })
}

/// Where a figure glued to the end of a label starts ("Voorwoord9", "Rentebaten1 204" is found
/// by the token rule, "Fondsen969", "BBP-2,3%", "arbeidsmarkt10"): digits with "." "," and a
/// trailing "%", an optional minus sign before them, right after a letter, ")" or ":".
fn glued_trailing_figure(line: &str) -> Option<usize> {
    let figure_start = line
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
        .last()
        .map(|(at, _)| at)?;
    let figure = &line[figure_start..];
    if !figure.starts_with(|c: char| c.is_ascii_digit())
        || figure.chars().filter(char::is_ascii_digit).count() > 6
    {
        return None;
    }
    let before = &line[..figure_start];
    let (start, before) = match before.char_indices().next_back() {
        Some((at, sign)) if is_sign(sign) && sign != '+' => (at, &before[..at]),
        _ => (figure_start, before),
    };
    before.chars().next_back().is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | ':')).then_some(start)
}

/// A line that runs a label and its figures together, split where the figures start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunTogether {
    /// Byte range of the label in the line (trimmed of trailing spaces); a range of blanks for
    /// a header line's empty stub header cells, which the reader turns into one empty cell.
    pub label: std::ops::Range<usize>,
    /// Byte ranges of the cells after the label, left to right: figures, and where a line prints
    /// its empty cells as spaces, a one-space range for each; a header line's words.
    pub figures: Vec<std::ops::Range<usize>>,
    /// False when the print leaves the split point open: the first figure is glued to the label
    /// and its first digit group could be a footnote marker or part of the label ("Overig2 578":
    /// "Overig" and 2 578, or "Overig2" and 578).
    pub certain: bool,
    /// False when the figures print their thousands with spaces and the digit groups could be
    /// cut into that many figures in more than one way ([`split_space_grouped`]): every figure
    /// of the line is then in doubt.
    pub grouping_certain: bool,
}

/// Splits a line that runs a label and its figures together ("Netto-uitgaven buiten het kader–
/// 4 512", "Rentebaten1 204", "BBP (in miljarden euro's)476", "Uitgaven 1.522 1.529").
///
/// Steps, in this order:
/// 1. the last figure is the longest suffix that reads as one Dutch number (so "– 4 512" and
///    "1 204" stay whole), with at least two letters before it and not a lone year;
/// 2. more figures before it are whitespace-separated tokens that read as numbers and carry a
///    "." "," or "%" (so a space-separated thousands group is never taken for a figure of its own),
///    and a sign printed apart from the figure after it ("0,0 ‒ 0,1") belongs to that figure (the
///    split is then uncertain: a dash alone may be a nil cell);
/// 3. a label that still ends in a group of one to three digits means figures with space
///    thousands separators ran together ("4 744 138 4 682 192"): the line is not split (a longer
///    number, "Miljoenennota 2010 70,2", is the label's own and the split goes on, uncertain);
/// 4. the split is uncertain when the first figure is glued to the label and begins with a
///    group of one or two digits followed by a space group (a footnote marker glued to the label
///    reads the same way), or its whole part is a run of five or more digits without thousands
///    separators (a year of the label may be in it: "economie in 200627", "Miljoenennota
///    20080,0"), or the label ends in a digit.
///
/// `None` for prose-like lines (longer than 160 characters, or than 120 when they run two
/// contents entries together; ending in a full stop; holding `|`).
/// Several figures that all use spaces as thousands separators ("4 744 138 4 682 192") are not
/// split here: how many figures there are comes from the lines around ([`split_space_grouped`]).
pub fn split_run_together(line: &str) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if trimmed.is_empty() || trimmed.len() > 480 || too_long_for_a_label(trimmed) || trimmed.contains('|') {
        return None;
    }
    if trimmed.ends_with('.') && !trimmed.ends_with("..") || ends_in_unit_scale(trimmed) {
        return None;
    }
    // Where the second letter ends: a label needs two letters before its figures.
    let label_minimum =
        trimmed.char_indices().filter(|(_, c)| c.is_alphabetic()).nth(1).map(|(at, c)| at + c.len_utf8())?;
    let letters_before = |end: usize| end >= label_minimum;
    // Only a sign, a euro sign or a digit can open a figure; the figure test runs on those alone.
    // A sign and a space open a figure even right after the label's year: "Najaarsnota 2007– 0,4"
    // is "Najaarsnota 2007" and – 0,4 (not a year range: the figure itself is no year).
    let last_start = trimmed.char_indices().find_map(|(at, c)| {
        let opens = c.is_ascii_digit() || c == '€' || is_sign(c);
        let signed =
            is_sign(c) && trimmed[at + c.len_utf8()..].starts_with(' ') && ends_in_year(&trimmed[..at]);
        let after_number = trimmed[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        (opens && at >= label_minimum && (signed || !after_number) && is_run_figure(&trimmed[at..]))
            .then_some(at)
    })?;
    // The older minus printed on both sides of a slash ("–/- 34,0"): the slash and the sign
    // before it open the figure too.
    let last_start = match (trimmed[..last_start].strip_suffix('/'), trimmed[last_start..].chars().next()) {
        (Some(before), Some(after)) if is_sign(after) => match before.chars().next_back() {
            // Minus on both sides ("–/- 34,0", any dash), or plus on both ("+/+ 93"); "+/-" is
            // "about", no sign.
            Some(sign) if is_sign(sign) && (sign == '+') == (after == '+') => {
                let start = before.len() - sign.len_utf8();
                if letters_before(start) { start } else { last_start }
            }
            _ => last_start,
        },
        _ => last_start,
    };
    let last_figure =
        trimmed[last_start..].trim_start_matches(|c: char| is_sign(c) || c.is_whitespace() || c == '/');
    if is_year(&trimmed[last_start..]) && trimmed[..last_start].ends_with(char::is_whitespace)
        || is_year(last_figure) && ends_in_year(&trimmed[..last_start])
    {
        return None;
    }
    let mut figures = Vec::new();
    figures.push(last_start..trimmed.len());
    let mut label_end = last_start;
    let mut sign_apart = false;
    loop {
        let before = trimmed[..label_end].trim_end();
        let Some((space, blank)) = before.char_indices().rev().find(|(_, c)| c.is_whitespace()) else {
            break;
        };
        // The token starts after the blank, which may be wider than a byte (U+2002, U+00A0).
        let token_start = space + blank.len_utf8();
        let token = &before[token_start..];
        if token.contains(['.', ',', '%']) && is_run_figure(token) && letters_before(space) {
            figures.insert(0, token_start..before.len());
            label_end = token_start;
        } else if token.chars().count() == 1
            && token.chars().all(is_sign)
            && letters_before(space)
            && figures.first().is_some_and(|first| !trimmed[first.clone()].starts_with(is_sign))
        {
            // A sign printed apart from its figure ("0,0 ‒ 0,1 0,0"): the figure's own, though a
            // dash alone can be a nil cell, so the split is in doubt.
            figures[0].start = token_start;
            label_end = token_start;
            sign_apart = true;
        } else {
            break;
        }
    }
    let label = trimmed[..label_end].trim_end();
    // A label that still ends in a number token is a run of figures that use spaces as
    // thousands separators ("4 744 138 4 682 192"): where one ends and the next begins only the
    // table's arithmetic can tell, so the line is not split (and the coverage audit names it).
    let mut tokens = label.split_whitespace();
    let last_token = tokens.next_back().unwrap_or_default();
    let more_tokens = tokens.next().is_some();
    // (A signed figure glued to the label's year, "Najaarsnota 2007– 0,4", is not such a run.)
    let glued_to_year = !trimmed[..figures[0].start].ends_with(char::is_whitespace) && is_year(last_token);
    // Only a group of one to three digits can open such a figure: a longer number ("Miljoenennota
    // 2010 70,2") ends the label, and the label ending in a digit makes the split uncertain.
    if more_tokens && !glued_to_year && super::vocabulary::is_short_whole_number(last_token) {
        return None;
    }
    let mut label_range = 0..label.len();
    let first = &trimmed[figures[0].clone()];
    // Glued digits: a sign between label and figure ("eng– 93 011") keeps them apart.
    let glued = !trimmed[..figures[0].start].ends_with(char::is_whitespace)
        && first.starts_with(|c: char| c.is_ascii_digit());
    let short_first_group = first
        .split_once(' ')
        .is_some_and(|(group, rest)| group.len() <= 2 && rest.starts_with(|c: char| c.is_ascii_digit()));
    let label_ends_in_digit = label.ends_with(|c: char| c.is_ascii_digit());
    // A run of five or more digits without a thousands separator is no figure as these documents
    // print them: it may hold a year of the label and a figure ("economie in 200627").
    let whole = first.split(',').next().unwrap_or_default();
    let long_glued = whole.len() >= 5 && whole.bytes().all(|b| b.is_ascii_digit());
    // An amount with decimals glued to a word, its whole part printed without a thousands
    // separator in two digits or more ("Voedsel en Warenautoriteit259,3"): its leading digits may
    // be the label's (an article number or a note marker run into the amount: "25" and 9,3,
    // wild page r3_03). A page number has no decimals, a thousands dot or space splits it.
    let glued_decimals =
        glued && first.contains(',') && whole.len() >= 2 && whole.bytes().all(|b| b.is_ascii_digit());
    // A label that ends in a word asking for a number ("Artikel", "nr.") or in a list of numbers
    // still open ("Artikel 22 en") had its number run into the figure ("Artikel 2312": article 23
    // and 12; "Artikel 23, 25, 30, 31 en 321 649": 32 and 1 649, wild page t3_06) when the
    // figure opens with two digits or more.
    let leading_digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let number_run_in = vocabulary::asks_for_a_number(label) && leading_digits >= 2;
    let certain = !(label_ends_in_digit
        || long_glued
        || glued && short_first_group
        || sign_apart
        || glued_decimals
        || number_run_in);
    // Such a run that opens with a year and has one to three digits after it is the label's year
    // and a figure ("De Nederlandse economie in 200627": "… in 2006" and 27, a page number): the
    // year goes back to the label. Still uncertain, and flagged: a year and one digit ("20221")
    // may be a year and a footnote marker, but never the figure 20 221, which these documents
    // print with a separator. (Column headings such as "Vastgestelde begroting 20221" never get
    // here: `is_measure_year_heading` keeps them whole.)
    if long_glued
        && figures.len() == 1
        && (5..=7).contains(&whole.len())
        && whole.get(..4).is_some_and(is_year)
    {
        let year_end = figures[0].start + 4;
        label_range = 0..year_end;
        figures[0].start = year_end;
    }
    Some(RunTogether { label: label_range, figures, certain, grouping_certain: true })
}

/// A heading line that runs a label and two or more years together ("2. Politie 2009 2010 2011
/// 2012 2013 2014"): the label and each year, as a run-together row's split. `None` for any
/// other line.
pub fn split_year_heading(line: &str) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if !trimmed.ends_with(|c: char| c.is_ascii_digit()) || trimmed.len() > 480 || trimmed.contains('|') {
        return None;
    }
    if let Some(glued) = glued_years(trimmed) {
        return Some(glued);
    }
    let tokens: Vec<(usize, &str)> = trimmed
        .split_whitespace()
        .map(|token| (token.as_ptr() as usize - trimmed.as_ptr() as usize, token))
        .collect();
    let years = tokens.iter().rev().take_while(|(_, token)| is_year(token)).count();
    if years < 2 || years == tokens.len() {
        return None;
    }
    let first_year = tokens.len() - years;
    let label = trimmed[..tokens[first_year].0].trim_end();
    if label.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let figures = tokens[first_year..].iter().map(|(start, token)| *start..start + token.len()).collect();
    Some(RunTogether { label: 0..label.len(), figures, certain: true, grouping_certain: true })
}

/// A heading of consecutive years glued together with nothing between them
/// (" 20052006200720082009", as the pre-2010 one-row-a-line tables print it), or with single
/// spaces between some of them (" 2008 2009 20102011 2012"): each year, and the blank before
/// them as the stub header's empty cell, or the stub header's word glued to the first year
/// ("Omschrijving2005200620072008200920102011", wild page s1_04). Two years at least, one apart, and two of them glued.
/// Takes the line trimmed at its end.
pub fn glued_years(trimmed: &str) -> Option<RunTogether> {
    if let Some(heading) = unit_glued_to_years(trimmed) {
        return Some(heading);
    }
    // The stub header may be glued to the first year ("Omschrijving2005200620072008200920102011"):
    // a word of two letters or more, no digit in it.
    let first_digit = trimmed.find(|c: char| c.is_ascii_digit())?;
    let (head, digits) = trimmed.split_at(first_digit);
    // Not a row's label: a list dash or star opens none of a header's cells ("– Rente2000…").
    let glued_header = !head.trim().is_empty()
        && !head.trim_start().starts_with(['–', '-', '‒', '—', '*', '•'])
        && head.len() <= 60
        && head.ends_with(char::is_alphabetic)
        && head.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !head.trim().is_empty() && !glued_header {
        return None;
    }
    let lead = head.len();
    if digits.len() < 8 || !digits.bytes().all(|b| b.is_ascii_digit() || b == b' ') || digits.contains("  ") {
        return None;
    }
    let mut figures = Vec::new();
    let mut glued = false;
    for token in digits.split(' ') {
        let at = token.as_ptr() as usize - trimmed.as_ptr() as usize;
        if token.is_empty() || !token.len().is_multiple_of(4) {
            return None;
        }
        glued |= token.len() > 4;
        figures.extend((0..token.len() / 4).map(|i| at + 4 * i..at + 4 * i + 4));
    }
    let years: Vec<u32> = figures.iter().map(|range| trimmed[range.clone()].parse().unwrap_or(0)).collect();
    let consecutive = years.windows(2).all(|pair| pair[1] == pair[0] + 1);
    if !glued || !consecutive || !is_year(&trimmed[figures[0].clone()]) {
        return None;
    }
    Some(RunTogether { label: 0..lead, figures, certain: true, grouping_certain: true })
}

/// The unit printed where the stub header stands, its last digit glued to a heading of
/// consecutive glued years ("Bedragen x € 1 0002005200620072008200920102011", wild page v2_01):
/// the unit and each year. The years are read from the end, as many as run one apart back from
/// the last, and the rest must be a unit line and nothing else (`caption::unit_only`, as the text
/// reader asks of a unit line: "Bedragen x € 1 000", not "Artikel 1" or "Aantal").
fn unit_glued_to_years(trimmed: &str) -> Option<RunTogether> {
    let digits_at = trimmed.len() - trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
    let run = &trimmed[digits_at..];
    let year_at = |index: usize| -> Option<u32> {
        let start = trimmed.len().checked_sub(4 * (index + 1)).filter(|&start| start >= digits_at)?;
        trimmed[start..start + 4].parse().ok()
    };
    let last = year_at(0).filter(|year| is_year(&year.to_string()))?;
    let mut years = 1;
    while year_at(years).is_some_and(|year| year + years as u32 == last) {
        years += 1;
    }
    if years < 2 || run.len() == 4 * years {
        return None;
    }
    let label = trimmed[..trimmed.len() - 4 * years].trim_end();
    crate::interpret::caption::unit_only(label)?;
    let start = trimmed.len() - 4 * years;
    let figures = (0..years).map(|i| start + 4 * i..start + 4 * i + 4).collect();
    Some(RunTogether { label: 0..label.len(), figures, certain: true, grouping_certain: true })
}

/// One piece of a run of figures that print their thousands with spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A sign on its own ("–" in "– 76").
    Sign,
    /// A group of one to three digits; `decimals` when it ends in ",5" (nothing may follow it in
    /// its figure).
    Group { digits: usize, decimals: bool },
    /// A figure that is whole on its own ("4,3", "1.522", "12%").
    Whole,
}

/// A piece and its byte range in the line.
type PrintedPiece = (Piece, std::ops::Range<usize>);

/// The pieces of the figure run at the end of a line, with their byte ranges, and where the
/// label ends; `None` when the line does not end in such a run after a label of two letters.
/// Number tokens of four digits or more right after the label's last word belong to the label
/// (a year: "Stand ontwerpbegroting 2009").
fn figure_pieces(line: &str) -> Option<(usize, Vec<PrintedPiece>)> {
    let tokens: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|token| (token.as_ptr() as usize - line.as_ptr() as usize, token))
        .collect();
    let label_token = tokens.iter().rposition(|(_, token)| token.chars().any(char::is_alphabetic))?;
    let (label_start, label_text) = tokens[label_token];
    let mut label_end = label_start + label_text.len();
    let group = |text: &str| -> Option<(usize, bool)> {
        let (whole, decimals) = match text.split_once(',') {
            Some((whole, decimals))
                if !decimals.is_empty() && decimals.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (whole, true)
            }
            Some(_) => return None,
            None => (text, false),
        };
        ((1..=3).contains(&whole.len()) && whole.bytes().all(|b| b.is_ascii_digit()))
            .then_some((whole.len(), decimals))
    };
    let mut pieces = Vec::new();
    for &(start, token) in &tokens[label_token + 1..] {
        let range = start..start + token.len();
        if matches!(token, "-" | "–" | "‒" | "−" | "—" | "+") {
            pieces.push((Piece::Sign, range));
        } else if let Some((digits, decimals)) = group(token) {
            pieces.push((Piece::Group { digits, decimals }, range));
        } else if pieces.is_empty() && token.len() >= 4 && token.bytes().all(|b| b.is_ascii_digit()) {
            label_end = range.end;
        } else if token.contains(['.', ',', '%']) && is_run_figure(token) {
            pieces.push((Piece::Whole, range));
        } else {
            return None;
        }
    }
    let letters = line[..label_end].chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !pieces.is_empty()).then_some((label_end, pieces))
}

/// Splits a line that ends in figures printing their thousands with spaces into its label and
/// exactly `columns` figures ("Stand ontwerpbegroting 2009 4 744 138 4 682 192 …" with six
/// columns: "4 744 138", "4 682 192", …; "Mutatie NvW – 76 – 100" with two: "– 76", "– 100").
///
/// A figure is an optional sign, then a whole figure ("4,3", "1.522"), or a group of one to three
/// digits followed by groups of exactly three (a group with decimals ends it). When more than one cut gives
/// `columns` figures, the most even one (by groups per figure) is taken and `grouping_certain`
/// is false: the reader flags every figure of the row. `None` when no cut gives `columns`
/// figures.
pub fn split_space_grouped(line: &str, columns: usize) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if columns == 0 || trimmed.len() > 480 || trimmed.contains('|') {
        return None;
    }
    let (label_end, pieces) = figure_pieces(trimmed)?;
    let n = pieces.len();
    if n > 200 || columns > n {
        return None;
    }
    let ends_from = |i: usize| {
        // Every end of a figure that starts at piece i, with its group count.
        let mut ends = Vec::new();
        let mut at = i;
        if pieces[at].0 == Piece::Sign {
            at += 1;
        }
        match pieces.get(at).map(|piece| piece.0) {
            Some(Piece::Whole) => ends.push((at + 1, 1)),
            Some(Piece::Group { decimals, .. }) => {
                let mut groups = 1;
                ends.push((at + 1, groups));
                let mut open = !decimals;
                while open {
                    match pieces.get(at + groups).map(|piece| piece.0) {
                        Some(Piece::Group { digits: 3, decimals }) => {
                            groups += 1;
                            ends.push((at + groups, groups));
                            open = !decimals;
                        }
                        _ => break,
                    }
                }
            }
            _ => {}
        }
        ends
    };
    let (cut, unique) = most_even_cut(n, columns, ends_from)?;
    let figures = cut.into_iter().map(|(start, end)| pieces[start].1.start..pieces[end - 1].1.end).collect();
    let label = trimmed[..label_end].trim_end();
    Some(RunTogether { label: 0..label.len(), figures, certain: true, grouping_certain: unique })
}

/// The most even cut of positions `0..n` into exactly `wanted` consecutive pieces, each piece
/// one that `ends_from(start)` offers as `(end, weight)`: the cut with the least sum of squared
/// weights (so "4 744 138 4 682 192" is cut into two figures of three groups, not one of two and
/// one of four), as `(start, end)` pairs, and whether it is the only cut. `None` when no cut
/// reaches `n` in `wanted` pieces. The shared search of [`split_space_grouped`] (pieces are
/// printed tokens) and [`super::glued_figures`] (pieces are bytes).
pub(super) fn most_even_cut(
    n: usize,
    wanted: usize,
    ends_from: impl Fn(usize) -> Vec<(usize, usize)>,
) -> Option<(Vec<(usize, usize)>, bool)> {
    // ways[i][c]: cuts of i.. into c pieces (2 means two or more); cost: the least sum of squared
    // weights; next: where the first piece of the best cut ends.
    const NONE: usize = usize::MAX;
    let mut ways = vec![vec![0u8; wanted + 1]; n + 1];
    let mut cost = vec![vec![NONE; wanted + 1]; n + 1];
    let mut next = vec![vec![0usize; wanted + 1]; n + 1];
    ways[n][0] = 1;
    cost[n][0] = 0;
    for i in (0..n).rev() {
        for (end, weight) in ends_from(i) {
            for c in 1..=wanted {
                if ways[end][c - 1] == 0 {
                    continue;
                }
                ways[i][c] = (ways[i][c] + ways[end][c - 1]).min(2);
                let total = cost[end][c - 1] + weight * weight;
                if total < cost[i][c] {
                    cost[i][c] = total;
                    next[i][c] = end;
                }
            }
        }
    }
    if ways[0][wanted] == 0 {
        return None;
    }
    let mut cut = Vec::with_capacity(wanted);
    let (mut i, mut c) = (0, wanted);
    while c > 0 {
        let end = next[i][c];
        cut.push((i, end));
        i = end;
        c -= 1;
    }
    Some((cut, ways[0][wanted] == 1))
}

/// Splits a line of space-grouped figures that cannot be cut into `columns` figures into the
/// fewest it can be ("bijzondere baten25 5 092 1 286 2 919" under seven years: 25, 5 092, 1 286
/// and 2 919, each space before three digits read as a thousands space): a row that prints fewer
/// figures than the heading has years, whose columns the table's placement then decides. How
/// many figures the print holds is a reading, not a fact: `grouping_certain` is false. `None`
/// when the line cuts into `columns` figures ([`split_space_grouped`] reads it), or into none.
///
/// Digits glued to the label's last word ("baten25") are read as its first figure, and the
/// split point is then in doubt as well (`certain` false: they may be a footnote marker).
pub fn split_fewest_space_grouped(line: &str, columns: usize) -> Option<RunTogether> {
    if split_space_grouped(line, columns).is_some() {
        return None;
    }
    let trimmed = line.trim_end();
    // The label's last word, when digits end it.
    let glued_digits =
        trimmed.split_whitespace().rev().find(|token| token.chars().any(char::is_alphabetic)).and_then(
            |token| {
                let digits = token.len() - token.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let at = token.as_ptr() as usize - trimmed.as_ptr() as usize + token.len() - digits;
                (1..=3).contains(&digits).then_some(at)
            },
        );
    let fewest = |text: &str| (1..columns.min(200)).find_map(|fewer| split_space_grouped(text, fewer));
    if let Some(at) = glued_digits {
        let parted = format!("{} {}", &trimmed[..at], &trimmed[at..]);
        if let Some(split) = fewest(&parted) {
            let back = |offset: usize| if offset > at { offset - 1 } else { offset };
            return Some(RunTogether {
                label: 0..trimmed[..at].trim_end().len(),
                figures: split.figures.iter().map(|range| back(range.start)..back(range.end)).collect(),
                certain: false,
                grouping_certain: false,
            });
        }
    }
    fewest(trimmed).map(|split| RunTogether { grouping_certain: false, ..split })
}

/// True when a line ends in the scale of a unit phrase: a power of ten from a thousand up after
/// a currency or "x" ("Meerjarige begroting van baten en lasten x € 1000", "Bedragen in €
/// 1 000", "x 1.000"): a caption's unit, never a row's figure.
fn ends_in_unit_scale(trimmed: &str) -> bool {
    let scale_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ' ' | '.'))
        .last()
        .map_or(trimmed.len(), |(at, _)| at);
    let scale: String = trimmed[scale_start..].chars().filter(char::is_ascii_digit).collect();
    let power_of_ten = scale.len() >= 4 && scale.starts_with('1') && scale[1..].bytes().all(|b| b == b'0');
    let before = trimmed[..scale_start].trim_end().to_lowercase();
    // The word right before the scale, a bracket before it left out ("(x", "in €").
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or_default().trim_start_matches('(');
    power_of_ten && matches!(last_word, "€" | "x" | "eur" | "euro")
}

/// True when the text ends in a year that stands as a word of its own, a dash after it allowed
/// ("Najaarsnota 2007", "Ramingen 2019–").
fn ends_in_year(text: &str) -> bool {
    let text = text.trim_end_matches(|c: char| is_sign(c) || c.is_whitespace());
    is_year(text.rsplit(char::is_whitespace).next().unwrap_or_default())
}

/// A figure of a run-together line: a Dutch figure, but never one ending in a minus ("0,16–"):
/// where figures run together, a minus opens the next figure ("– 0,16– 0,37").
fn is_run_figure(token: &str) -> bool {
    is_plain_figure(token) && !token.trim_end().ends_with(is_sign)
}

/// One whitespace-separated token that can be part of a figure: digits with "." or ",", a
/// percent sign, or a lone minus sign.
pub fn is_figure_token(token: &str) -> bool {
    let token = token.trim_end_matches('*');
    if token.is_empty() {
        return false;
    }
    if matches!(token, "-" | "–" | "‒" | "—" | "−") {
        return true;
    }
    let digits = token.trim_start_matches(['-', '–', '‒', '—', '−']).trim_end_matches('%');
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interpret::glued_figures::{shows_glued_figures, split_glued_wholes};
    use crate::interpret::spaced_cells::{split_spaced_cells, split_spaced_header};

    fn space_grouped(line: &str, columns: usize) -> Option<(String, Vec<String>, bool)> {
        split_space_grouped(line, columns).map(|split| {
            let figures = split.figures.iter().map(|range| line[range.clone()].to_string()).collect();
            (line[split.label].to_string(), figures, split.grouping_certain)
        })
    }

    #[test]
    fn a_year_glued_to_a_page_number_goes_back_to_the_label() {
        // Lines 42 and 52 of fixtures/wild/dev/c5_11.txt (FJR 2006, table of contents).
        for (line, label, figure) in [
            ("2.1.De Nederlandse economie in 200627", "2.1.De Nederlandse economie in 2006", "27"),
            (
                "3.1.3.Het gevoerde financieel en materieelbeheer200643",
                "3.1.3.Het gevoerde financieel en materieelbeheer2006",
                "43",
            ),
        ] {
            let split = split_run_together(line).unwrap();
            assert_eq!(&line[split.label.clone()], label);
            assert_eq!(&line[split.figures[0].clone()], figure);
            assert!(!split.certain, "a judgement: flagged");
        }
    }

    /// Wild page r3_03 (LNV 2SUPP 2007), lines 31 and 34: an amount glued to the label with
    /// decimals, and the older minus on both sides of a slash. Both are in doubt: the label's
    /// article number ran into them ("23/24" and 5,9; "21" and –/- 34,0).
    #[test]
    fn glued_decimals_and_the_slashed_minus_are_cut_in_doubt() {
        let line = "4) Bufferzones, milieukwaliteit EHS en bodemsanering23/245,9";
        let split = split_run_together(line).unwrap();
        assert_eq!(&line[split.figures[0].clone()], "245,9");
        assert!(!split.certain);
        let line = "7) Glastuinbouw21–/- 34,0";
        let split = split_run_together(line).unwrap();
        assert_eq!(&line[split.label.clone()], "7) Glastuinbouw21");
        assert_eq!(&line[split.figures[0].clone()], "–/- 34,0");
        assert!(!split.certain, "the label ends in digits");
        // A page number glued to a contents entry stays certain.
        assert!(split_run_together("Leeswijzer 9").unwrap().certain);
    }

    /// Wild page r3_02 (jaarverslag 2009 Verkeer en Waterstaat), line 30: a contents entry of
    /// 125 characters is still a label and its page; prose runs longer (or ends in a full stop).
    #[test]
    fn a_long_contents_entry_is_still_cut_at_its_page() {
        let line = "  7.2 De samenvattende verantwoordingsstaat 2009 van de baten-lastendiensten van het ministerie van Verkeer en Waterstaat 149";
        assert!(line.chars().count() > 120);
        let split = split_run_together(line).unwrap();
        assert_eq!(&line[split.figures[0].clone()], "149");
        assert_eq!(trailing_figures(line).map(|(start, _)| &line[start..]), Some("149"));
        // Two entries run together on one line stay too long for one label (wild page i1_08,
        // line 68): the coverage audit names them.
        let two = "1.2 Overzicht van gevonden fouten in de Rijksrekening 2015 10 1.3 Ontwikkelingen op het gebied van de rechtmatigheid van de uitgaven van het Rijk 16";
        assert_eq!(split_run_together(two), None);
        assert_eq!(trailing_figures(two), None);
        let prose = "In 2009 is het ministerie begonnen met de herziening van de verantwoordingsstaten, zodat de baten-lastendiensten voortaan per kwartaal rapporteren over 2009 en verder 12";
        assert!(prose.chars().count() > 160);
        assert_eq!(split_run_together(prose), None);
    }

    #[test]
    fn space_grouped_figures_are_cut_into_the_columns() {
        // Lines of fixtures/wild/dev/c1_02.txt (six year columns).
        assert_eq!(
            space_grouped("2.1 Apparaat 11 553 10 852 9 421 9 358 9 380 9 380", 6),
            Some((
                "2.1 Apparaat".to_string(),
                ["11 553", "10 852", "9 421", "9 358", "9 380", "9 380"].map(String::from).to_vec(),
                true
            ))
        );
        let (label, figures, certain) = space_grouped(
            "Stand ontwerpbegroting 2009 4 744 138 4 682 192 4 683 540 4 693 155 4 685 975 4 672 665",
            6,
        )
        .unwrap();
        assert_eq!(label, "Stand ontwerpbegroting 2009");
        assert_eq!(figures[0], "4 744 138");
        assert!(certain);
        let (_, figures, certain) =
            space_grouped("2.3 Politie op bovenregionaal en landelijk niveau 618 834 617 818 621 839 623 448 625 338 627 177", 6)
                .unwrap();
        assert_eq!(figures, ["618 834", "617 818", "621 839", "623 448", "625 338", "627 177"]);
        assert!(!certain, "twelve groups of three can be cut into six figures in many ways");
        assert_eq!(space_grouped("Mutatie NvW en amendementen – 76 – 100", 2).unwrap().1, ["– 76", "– 100"]);
        // No cut gives the wanted count: not split.
        assert_eq!(space_grouped("2.1 Apparaat 11 553 10 852", 5), None);
        assert_eq!(space_grouped("(x € 1 000)", 1), None);
    }

    fn split(line: &str) -> (String, Vec<String>, bool) {
        let found = split_run_together(line).unwrap_or_else(|| panic!("{line}"));
        (
            line[found.label.clone()].to_string(),
            found.figures.iter().map(|r| line[r.clone()].to_string()).collect(),
            found.certain,
        )
    }

    #[test]
    fn run_together_rows_split_where_the_figures_start() {
        // Budgettaire kerngegevens of the Voorjaarsnota 2005 and 2008 (wild pages c5_01, c5_02).
        assert_eq!(
            split("1. Netto-uitgaven onder het kader RBG-eng– 93 011"),
            ("1. Netto-uitgaven onder het kader RBG-eng".into(), vec!["– 93 011".into()], true)
        );
        assert_eq!(
            split("BBP (in miljarden euro's)476"),
            ("BBP (in miljarden euro's)".into(), vec!["476".into()], true)
        );
        assert_eq!(split("idem, in % BBP-2,3%"), ("idem, in % BBP".into(), vec!["-2,3%".into()], true));
        assert_eq!(split("6. Belastingen 145 518"), ("6. Belastingen".into(), vec!["145 518".into()], true));
        assert_eq!(
            split("Uitgaven 1.522 1.529 ‒ 21,7"),
            ("Uitgaven".into(), vec!["1.522".into(), "1.529".into(), "‒ 21,7".into()], true)
        );
        // "Overig2 578": footnote 2 and 578, or 2 578? The print does not say.
        assert_eq!(split("6. Overig2 578"), ("6. Overig".into(), vec!["2 578".into()], false));
        assert_eq!(split_run_together("Realisatie 2019"), None, "a year heads a column");
        assert_eq!(split_run_together("Realisatie 2010 (2)"), None, "and so does a numbered year");
        assert_eq!(split_run_together("In 2019 stegen de uitgaven met 12."), None);
        assert_eq!(split_run_together("| a | 1 |"), None);
        // Captions' units (line 9 of fixtures/wild/dev/j2_04.txt, the end of line 24 of g1_04.txt).
        assert_eq!(split_run_together("Meerjarige begroting van baten en lasten x € 1000"), None);
        assert_eq!(split_run_together("Agentschap Uitvoering Bedragen in € 1000"), None);
        assert_eq!(split_run_together("Uitgaven (x 1.000)"), None, "hand-made: a bracketed scale");
        assert!(split_run_together("Kosten per inwoner in € 1.522").is_some(), "no power of ten");
        assert!(split_run_together("Toelage directeur 10 000").is_some(), "no currency word");
        assert_eq!(
            split_run_together("2.1 Bureau 4 744 138 4 682 192"),
            None,
            "only arithmetic splits these"
        );
        assert!(!split("2.1.De Nederlandse economie in 200627").2, "a year may hide in the glued digits");
    }

    #[test]
    fn a_sign_printed_apart_from_its_figure_belongs_to_it() {
        // Wild page i2_07 (Miljoenennota 2024 key figures, line 46): "‒ 0,1" among six more.
        let (label, figures, certain) = split(
            "Steunmaatregelen corona relevant voor het EMU-saldo (uitgaven) 11,2 3,0 0,5 0,1 0,0 ‒ 0,1 0,0",
        );
        assert_eq!(label, "Steunmaatregelen corona relevant voor het EMU-saldo (uitgaven)");
        assert_eq!(figures, ["11,2", "3,0", "0,5", "0,1", "0,0", "‒ 0,1", "0,0"]);
        // A dash alone may be a nil cell: the reading is flagged.
        assert!(!certain);
    }

    #[test]
    fn a_signed_figure_after_the_labels_year_keeps_its_sign() {
        // Wild page f1_05 (Najaarsnota 2007), Tabel 2.1, lines 36 and 40.
        let (label, figures, certain) = split("Najaarsnota 2007– 0,4");
        assert_eq!(
            (label.as_str(), figures, certain),
            ("Najaarsnota 2007", vec!["– 0,4".to_string()], false)
        );
        let (label, figures, certain) = split("Miljoenennota 20080,0");
        assert_eq!(
            (label.as_str(), figures, certain),
            ("Miljoenennota 2008", vec!["0,0".to_string()], false)
        );
        // A year range is no label and figure, with or without a space after the dash.
        assert!(split_run_together("Ramingen 2019– 2022").is_none());
        assert!(split_run_together("Ramingen 2019–2022").is_none());
    }

    #[test]
    fn glued_years_are_a_heading() {
        // Wild page f1_02, line 18.
        let line = " 200520062007200820092010";
        let heading = split_year_heading(line).expect("a heading");
        let years: Vec<&str> = heading.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(years, ["2005", "2006", "2007", "2008", "2009", "2010"]);
        assert_eq!(&line[heading.label], " ");
        // Not years one apart, or not a multiple of four digits: no heading.
        assert!(split_year_heading(" 20052007").is_none());
        assert!(split_year_heading(" 2005200").is_none());
        // The stub header glued to the first year: wild page s1_04 (OWB 2007 VI, DJI), line 13,
        // and s3_02 (MN 2006, guarantees), line 12.
        let line = "Omschrijving2005200620072008200920102011";
        let heading = glued_years(line).expect("a heading with its stub header");
        assert_eq!(&line[heading.label.clone()], "Omschrijving");
        assert_eq!(heading.figures.len(), 7);
        let line = " Garantie op kredieten20052006";
        let heading = glued_years(line).expect("a heading with its stub header");
        assert_eq!(line[heading.label.clone()].trim(), "Garantie op kredieten");
        // A label that holds a digit, or a year that is not glued to another: no heading.
        assert!(glued_years("Artikel 12005200620072008").is_none());
        assert!(glued_years("Omschrijving2005").is_none());
        // Review of session 21: a row's label after a list dash, glued to figures that happen to
        // count up like years, is no heading.
        assert!(glued_years("– Rente2000200120022003").is_none());
        // The unit in the stub header's place, its "1 000" glued to the years: wild page v2_01
        // (OWB 2007 XI, Tabel 15.1), line 28.
        let line = "Bedragen x € 1 0002005200620072008200920102011";
        let heading = glued_years(line).expect("a heading with its unit");
        assert_eq!(&line[heading.label.clone()], "Bedragen x € 1 000");
        let years: Vec<&str> = heading.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(years, ["2005", "2006", "2007", "2008", "2009", "2010", "2011"]);
        // A label that names no unit is no unit ("Artikel 1" before 2005…2008).
        assert!(unit_glued_to_years("Artikel 12005200620072008").is_none());
    }

    #[test]
    fn a_label_asking_for_a_number_makes_a_glued_figure_uncertain() {
        // Wild page t3_06 (OWB 2007 XV, Tabel 9.1, lines 11 and 14): the article number run into
        // the amount ("Artikel 23" and 12; "… 31 en 32" and 1 649).
        assert!(!split_run_together("Raad voor Werk en Inkomen (RWI)Ja Artikel 2312").unwrap().certain);
        assert!(!split_run_together("(UWV)JaJaArtikel 23, 25, 30, 31 en 321 649").unwrap().certain);
        assert!(vocabulary::asks_for_a_number("Kunstenaars&COJa Artikel"));
        assert!(vocabulary::asks_for_a_number("veiligheid JaArtikel"));
        assert!(!vocabulary::asks_for_a_number("Bijdrage aan het Gemeentefonds"));
        // Plurals, compounds and the words contents entries end in ask for no number.
        assert!(!vocabulary::asks_for_a_number("Overige artikelen"));
        assert!(!vocabulary::asks_for_a_number("5Niet-beleidsartikel"));
        assert!(!vocabulary::asks_for_a_number("3. Tabel"));
        assert!(!vocabulary::asks_for_a_number("7. Bijlage"));
        // Contents entries run together need the next entry's title after its number; a row's
        // figures do not ("0 32.6113 9501", wild page t1_08).
        assert!(runs_contents_entries_together("Overzicht 10 1.3 Ontwikkelingen"));
        assert!(!runs_contents_entries_together("ABN AMRO 0 0 0 32.6113 9501 9501"));
    }

    #[test]
    fn trailing_figures_find_where_run_together_figures_start() {
        let line = "Netto-uitgaven buiten het kader– 4 512";
        let (start, tokens) = trailing_figures(line).unwrap();
        assert_eq!(&line[start..], "4 512");
        assert_eq!(tokens, 2);
        let line = "Uitgaven 1.522 1.529 – 1.370";
        let (start, tokens) = trailing_figures(line).unwrap();
        assert_eq!(&line[start..], "1.522 1.529 – 1.370");
        assert_eq!(tokens, 4);
        assert_eq!(trailing_figures("In 2019 stegen de uitgaven met 12."), None);
        assert_eq!(trailing_figures("2019 2020"), None);
        assert_eq!(trailing_figures("Politie"), None);
        assert_eq!(trailing_figures("Ontvangen 10 november 2021"), None);
        let line = "1.1.Economie en arbeidsmarkt10";
        assert_eq!(&line[trailing_figures(line).unwrap().0..], "10");
        let line = "BBP-2,3%";
        assert_eq!(&line[trailing_figures(line).unwrap().0..], "-2,3%");
        assert_eq!(trailing_figures("Voorwoord"), None);
        assert!(trailing_figures("Ontvangsten 2021 2022").is_some());
    }

    fn holds_in_line(line: &str, split: &RunTogether) {
        for range in std::iter::once(&split.label).chain(&split.figures) {
            assert!(range.start <= range.end && range.end <= line.len(), "{line:?}: {range:?}");
            assert!(line.is_char_boundary(range.start) && line.is_char_boundary(range.end), "{line:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]

        /// The cuts of glued and one-space-a-cell rows never panic and give ranges inside the
        /// line, on character boundaries, whatever the line.
        #[test]
        fn cuts_stay_inside_the_line(
            line in "[A-Za-z0-9 ,.%()*\u{2013}\u{20ac}\u{a0}-]{0,60}",
            columns in 0usize..12,
        ) {
            for split in [
                split_glued_wholes(&line, columns),
                split_fewest_space_grouped(&line, columns),
                split_spaced_cells(&line),
                split_spaced_header(&line),
                split_run_together(&line),
                glued_years(line.trim_end()),
            ]
            .into_iter()
            .flatten()
            {
                holds_in_line(&line, &split);
            }
            let _ = shows_glued_figures(&line);
        }
    }
}
