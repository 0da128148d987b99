//! Footnote markers: split off the texts they are glued to, and linked to the notes of their table.
//!
//! Owns: finding markers at the end of row labels ("Comensha1"), numbers ("80,21"), column headers
//! ("20141") and captions, and checking each against [`Table::notes`]. Readers have already put
//! markers they could see as markup (`<sup>`) into the `markers` fields; this stage only adds the
//! glued ones and then links them all. Leaves number parsing and row roles to normalization.
//!
//! The splitting rule, in this order:
//! 1. A trailing run of stars ("onderzoeken*", "**") is always a marker, with or without a note: a
//!    star is never part of a label or number. It may carry numbers after it ("*1,2,3").
//! 2. Trailing digits (or "1,2" lists) glued to a letter, ")" or "%" are a marker only when the
//!    table prints a note with each of those markers, or, on row labels, when the same one or two
//!    digits are glued to a lower-case letter or ")" at the end of two or more labels of the table,
//!    or to ")" at the end of one (a table cut off before its notes: the marker stays unresolved),
//!    or when the numbers glued to lower-case words or ")" at the end of the table's labels and
//!    text cells run 1, 2, …, n (n ≥ 3) without a gap (notes are numbered in print order; the
//!    text cells only vouch for the series, labels are split; any member may be glued to a value
//!    word, "n.v.t.3", and one, alone of its kind in the table, to a capitalised abbreviation of
//!    three letters or more, "MKB1"). Without a printed note a marker is split only after a
//!    lower-case letter or ")", or as that one member of such a series.
//!    "Artikel 31" (a space before the digits) is never split; "CO2" without a note "2" stays
//!    whole, and so do "m2" and "m3".
//! 3. On a number cell, trailing digits are split only when a note with that marker exists and
//!    the text without them is still a number with the decimals its column usually has ("80,21" in
//!    a column printed with one decimal becomes "80,2" + "1"); a year header "20141" becomes the
//!    year "2014" and marker "1", also as a header's last word ("Vastgestelde Begroting 20221"):
//!    a header never prints a five- or six-digit number, so a note is not needed (a list
//!    "20141,2" needs its notes).
//!
//! Known failure: a number column whose figures really have one decimal more than the rest, in a
//! table that prints a note with that last digit, would be split wrongly; no page seen so far does.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Location, Warning, WarningKind};
use crate::interpret::vocabulary::is_plain_figure;
use crate::table::{CellFlag, Table};

/// Splits glued markers off every text of every table and links all markers to the notes.
/// Returns a warning for each marker that has no note (the marker is kept, and the cells it
/// touches are flagged `unresolved_footnote`).
pub fn link_footnotes(tables: &mut [Table]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for table in tables.iter_mut() {
        split_table_markers(table);
        warnings.extend(flag_unresolved(table));
    }
    warnings
}

/// The markers a table prints notes for.
fn note_markers(table: &Table) -> BTreeSet<String> {
    table.notes.iter().map(|note| note.marker.clone()).collect()
}

fn split_table_markers(table: &mut Table) {
    let notes = note_markers(table);
    for column in &mut table.columns {
        for part in &mut column.path {
            let (clean, markers) = split_header_marker(part, &notes);
            *part = clean;
            column.markers.extend(markers);
        }
    }
    if let Some(title) = &table.title {
        let (clean, markers) = split_label_marker(title, &notes);
        table.title = Some(clean);
        table.caption_markers.extend(markers);
    }
    // Every cell is parsed once: for its column's usual decimals and for its own split.
    let is_number: Vec<Vec<bool>> = table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|cell| is_plain_figure(&cell.text)).collect())
        .collect();
    let column_decimals: Vec<Option<usize>> =
        (0..table.columns.len()).map(|index| usual_decimals(table, &is_number, index)).collect();
    let series = glued_marker_series(table, &is_number);
    let inferred = inferred_label_markers(table, &series);
    let spaced = spaced_label_markers(table, &is_number);
    for (row, is_number) in table.rows.iter_mut().zip(&is_number) {
        if let Some(last) = row.stub.iter_mut().rev().find(|cell| !cell.text.is_empty())
            && let Some((clean, markers)) = label_marker_split(&last.text, &notes)
                .or_else(|| label_year_marker_split(&last.text, &notes))
                .or_else(|| inferred_marker_split(&last.text, &inferred))
                .or_else(|| series_marker_split(&last.text, &series))
                .or_else(|| spaced_marker_split(&last.text, &spaced))
        {
            last.text = clean;
            row.markers.extend(markers);
        }
        for (index, cell) in row.cells.iter_mut().enumerate() {
            let decimals = column_decimals.get(index).copied().flatten();
            if let Some((clean, markers)) =
                split_parsed_number_marker(&cell.text, is_number[index], &notes, decimals)
            {
                cell.text = clean;
                cell.markers.extend(markers);
            }
        }
    }
}

/// The markers a table's labels may carry without a printed note (a table cut off before its
/// notes; such a marker stays unresolved): a number of one or two digits glued to a lower-case
/// letter or ")" at the end of two or more row labels ("Rentelasten2", "Afschrijvingskosten
/// materieel2"), or to ")" at the end of one ("Bijzondere baten (bv. zaagtand)1": digits glued to
/// a closing bracket end no word), and the numbers of a gapless series
/// ([`glued_marker_series`]). Only labels are split by them ([`inferred_marker_split`]): "m2" and
/// "m3" are units, and "CO2" or "A2" (glued to a capital) never split without a printed note.
/// `series` is the table's gapless series.
fn inferred_label_markers(table: &Table, series: &BTreeSet<String>) -> BTreeSet<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for row in &table.rows {
        let Some(last) = row.stub.iter().rev().find(|cell| !cell.text.is_empty()) else { continue };
        let Some((before, marker)) = glued_to_a_word(&last.text) else { continue };
        // Digits glued to a closing bracket end no word: a marker even on one label.
        let weight = if before.ends_with(')') { 2 } else { 1 };
        *counts.entry(marker).or_default() += weight;
    }
    let mut markers = series.clone();
    markers.extend(counts.into_iter().filter(|&(_, count)| count >= 2).map(|(marker, _)| marker.to_string()));
    markers
}

/// The text before and the number of one or two digits glued to a lower-case letter or ")" at
/// the end of `text` ("Rentelasten2" → "Rentelasten", "2"), unless that is an area or volume
/// unit ("m2", "per m3", "km2").
pub(crate) fn glued_to_a_word(text: &str) -> Option<(&str, &str)> {
    static GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{Ll})](\d{1,2})$").expect("valid regex"));
    let text = text.trim_end();
    let marker = GLUED.captures(text)?.get(1)?.as_str();
    let before = &text[..text.len() - marker.len()];
    (!is_area_or_volume_unit(before, marker)).then_some((before, marker))
}

/// "m2", "km2", "cm3", "per m3": a metre unit with its power, not a word with a marker
/// ("systeem2" is one: a letter other than k, c or d before the "m").
fn is_area_or_volume_unit(before: &str, marker: &str) -> bool {
    matches!(marker, "2" | "3")
        && before.strip_suffix('m').is_some_and(|rest| {
            rest.chars().next_back().is_none_or(|c| !c.is_alphabetic() || matches!(c, 'k' | 'c' | 'd'))
        })
}

/// Splits an inferred marker ([`inferred_label_markers`]) off a label: only one glued to a
/// lower-case letter or ")", never a unit.
fn inferred_marker_split(text: &str, inferred: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    let (before, marker) = glued_to_a_word(text)?;
    inferred.contains(marker).then(|| (before.to_string(), vec![marker.to_string()]))
}

/// The numbers glued to a lower-case letter or ")" at the end of the table's labels and text
/// cells ("leerlingen3", "geen2", "jaarlijks1"), when together they run 1, 2, …, n without a gap
/// (n ≥ 3): notes are numbered in print order, and a word does not end in a digit, so such a
/// series is the table's markers even when the notes were not printed. The text cells only vouch
/// for the series: they keep their digits (a text cell's marker is not split off). Empty
/// otherwise. `is_number` says per row and cell which cells are numbers.
///
/// Numbers glued to a value word ("n.v.t.3") count like those glued to a lower-case letter. One
/// number glued to a capitalised abbreviation of three letters or more ("…nalevingstekort MKB1")
/// may fill the series' one gap, when it is the only such number in the table: "CO2", "NH3",
/// "PM10" and road names ("A2") have fewer capitals and never count.
fn glued_marker_series(table: &Table, is_number: &[Vec<bool>]) -> BTreeSet<String> {
    let (mut numbers, after_capitals) = numbers_glued_to_words(table, is_number);
    if let [number] = after_capitals.as_slice() {
        numbers.insert(*number);
    }
    let gapless = numbers.iter().enumerate().all(|(at, &number)| number as usize == at + 1);
    if gapless && numbers.len() >= 3 { numbers.iter().map(u32::to_string).collect() } else { BTreeSet::new() }
}

/// The numbers glued to a lower-case letter, ")" or a value word at the end of the table's
/// labels and text cells, and apart from them those glued to a capitalised abbreviation of three
/// letters or more ([`glued_marker_series`]).
fn numbers_glued_to_words(table: &Table, is_number: &[Vec<bool>]) -> (BTreeSet<u32>, Vec<u32>) {
    let mut numbers = BTreeSet::new();
    let mut after_capitals: Vec<u32> = Vec::new();
    for (row, is_number) in table.rows.iter().zip(is_number) {
        let label = row.stub.iter().rev().find(|cell| !cell.text.is_empty());
        let texts = row.cells.iter().zip(is_number).filter(|(_, number)| !**number).map(|(cell, _)| cell);
        for cell in label.into_iter().chain(texts) {
            let lower = glued_to_a_word(&cell.text)
                .or_else(|| crate::interpret::vocabulary::value_word_and_marker(cell.text.trim_end()));
            if let Some((_, marker)) = lower
                && let Ok(number) = marker.parse::<u32>()
            {
                numbers.insert(number);
            } else if let Some((_, marker)) = glued_to_an_abbreviation(&cell.text)
                && let Ok(number) = marker.parse::<u32>()
            {
                after_capitals.push(number);
            }
        }
    }
    (numbers, after_capitals)
}

/// The text before and the number of one or two digits printed after a space at the end of a
/// label, right after a lower-case letter or ")" ("EMU-staatsschuld 1", "… met een handicap
/// (UWV) 1"), unless the word before asks for a number ("Artikel 1", "nr. 2").
fn spaced_after_a_word(text: &str) -> Option<(&str, &str)> {
    static SPACED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{Ll})] ([1-9]\d?)$").expect("valid regex"));
    let text = text.trim_end();
    let marker = SPACED.captures(text)?.get(1)?.as_str();
    let before = text[..text.len() - marker.len()].trim_end();
    let last_word = before.rsplit(' ').next().unwrap_or(before);
    (!crate::interpret::vocabulary::asks_for_a_number(before)
        && !crate::interpret::vocabulary::names_a_numbered_item(last_word))
    .then_some((before, marker))
}

/// The markers printed after a space at the end of labels ([`spaced_after_a_word`]), which only
/// a series can tell from a label that ends in its number ("Fase 2"): two or more such labels,
/// each ending in another word, their numbers rising in print order, that together with the
/// markers glued to the table's labels and text cells (at least one) and the years with a digit
/// glued to them in a column of years ("20182" among "2015", "2017") run 1, 2, …, n without a gap
/// (wild pages c4_09: "EMU-staatsschuld 1", "Interne schuldverhouding 2", "(artikel 2)2"; s3_01).
/// Empty otherwise. Numbered items of one series share their word ("Fase 1", "Fase 2") and
/// never count.
fn spaced_label_markers(table: &Table, is_number: &[Vec<bool>]) -> BTreeSet<String> {
    let mut spaced: Vec<(String, u32)> = Vec::new();
    for row in &table.rows {
        let Some(last) = row.stub.iter().rev().find(|cell| !cell.text.is_empty()) else { continue };
        if let Some((before, marker)) = spaced_after_a_word(&last.text)
            && let Ok(number) = marker.parse::<u32>()
        {
            let word = before.rsplit(' ').next().unwrap_or(before).to_lowercase();
            spaced.push((word, number));
        }
    }
    let rising = spaced.windows(2).all(|pair| pair[0].1 < pair[1].1);
    let words: BTreeSet<&str> = spaced.iter().map(|(word, _)| word.as_str()).collect();
    if spaced.len() < 2 || !rising || words.len() < spaced.len() {
        return BTreeSet::new();
    }
    let (mut glued, _) = numbers_glued_to_words(table, is_number);
    glued.extend(years_with_a_glued_digit(table));
    if glued.is_empty() {
        return BTreeSet::new();
    }
    let mut numbers = glued;
    numbers.extend(spaced.iter().map(|&(_, number)| number));
    let gapless = numbers.iter().enumerate().all(|(at, &number)| number as usize == at + 1);
    if gapless { spaced.iter().map(|(_, number)| number.to_string()).collect() } else { BTreeSet::new() }
}

/// The digits glued to a year in a column whose other figures are all years ("20182" among
/// "2015", "2017", "geen": an evaluation year with its note): a column of years never prints a
/// five-digit number.
fn years_with_a_glued_digit(table: &Table) -> Vec<u32> {
    let mut digits = Vec::new();
    for column in 0..table.columns.len() {
        let texts: Vec<&str> = table
            .rows
            .iter()
            .filter_map(|row| row.cells.get(column))
            .map(|cell| cell.text.trim())
            .filter(|text| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let years = texts.iter().filter(|text| crate::interpret::vocabulary::is_year(text)).count();
        let glued: Vec<u32> = texts
            .iter()
            .filter_map(|text| year_and_markers(text))
            .filter(|(_, digit)| digit.len() == 1)
            .filter_map(|(_, digit)| digit.parse().ok())
            .filter(|&digit| digit > 0)
            .collect();
        if years >= 1 && years + glued.len() == texts.len() {
            digits.extend(glued);
        }
    }
    digits
}

/// Splits a marker of [`spaced_label_markers`] off a label.
fn spaced_marker_split(text: &str, spaced: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    let (before, marker) = spaced_after_a_word(text)?;
    spaced.contains(marker).then(|| (before.to_string(), vec![marker.to_string()]))
}

/// The text before and the number of one or two digits glued to a capitalised abbreviation of
/// three letters or more at the end of `text` ("…nalevingstekort MKB1").
fn glued_to_an_abbreviation(text: &str) -> Option<(&str, &str)> {
    let (before, marker) = crate::interpret::vocabulary::split_trailing_digits(text.trim_end());
    let capitals = before.chars().rev().take_while(|c| c.is_uppercase()).count();
    let word_start = before.chars().rev().nth(capitals).is_none_or(|c| !c.is_alphanumeric());
    ((1..=2).contains(&marker.len()) && capitals >= 3 && word_start).then_some((before, marker))
}

/// Splits a marker of the table's gapless series ([`glued_marker_series`]) off a label where it
/// is glued to a capitalised abbreviation ("…nalevingstekort MKB1"); one glued to a lower-case
/// letter or ")" is [`inferred_marker_split`]'s.
fn series_marker_split(text: &str, series: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    let (before, marker) = glued_to_an_abbreviation(text)?;
    series.contains(marker).then(|| (before.to_string(), vec![marker.to_string()]))
}

/// Splits a trailing star run, with any "1,2" list after it. Returns the text before the stars
/// and the markers ("*" and then each listed number).
fn split_stars(text: &str) -> Option<(String, Vec<String>)> {
    if !text.contains('*') {
        // What the expression below needs first; most texts have none.
        return None;
    }
    static STARS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(.*?)(\*+)(\d{1,2}(?:,\d{1,2})*)?$").expect("valid regex"));
    let captures = STARS.captures(text)?;
    let mut markers = vec![captures[2].to_string()];
    if let Some(listed) = captures.get(3) {
        markers.extend(listed.as_str().split(',').map(str::to_string));
    }
    Some((captures[1].trim_end().to_string(), markers))
}

/// "1", "1,2", "1,2,3": a list of small numbers separated by commas, no spaces.
fn is_number_list(text: &str) -> bool {
    !text.is_empty()
        && text
            .split(',')
            .all(|part| !part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Splits the longest trailing "1" or "1,2" list whose every marker has a note. `glued_to` says
/// which character may stand right before the marker.
fn split_listed_marker(
    text: &str,
    notes: &BTreeSet<String>,
    glued_to: impl Fn(char) -> bool,
) -> Option<(String, Vec<String>)> {
    if notes.is_empty() {
        return None;
    }
    // A list is digits and commas, so it can only start inside the text's trailing run of them.
    let run_start = text.len() - text.bytes().rev().take_while(|b| b.is_ascii_digit() || *b == b',').count();
    if run_start == text.len() {
        return None;
    }
    // Try the longest candidate first: "Totaal1,2" → ["1", "2"] before "Totaal1,"+"2".
    let candidates = text[run_start..].bytes().enumerate().filter(|(_, b)| b.is_ascii_digit());
    for start in candidates.map(|(offset, _)| run_start + offset) {
        let tail = &text[start..];
        let head = &text[..start];
        let Some(before) = head.chars().next_back() else { continue };
        if !glued_to(before) || !is_number_list(tail) {
            continue;
        }
        let markers: Vec<String> = tail.split(',').map(str::to_string).collect();
        if markers.iter().all(|marker| notes.contains(marker)) {
            return Some((head.to_string(), markers));
        }
    }
    None
}

/// Splits a marker off a row label, caption or other text.
fn split_label_marker(text: &str, notes: &BTreeSet<String>) -> (String, Vec<String>) {
    label_marker_split(text, notes).unwrap_or_else(|| (text.to_string(), Vec::new()))
}

/// [`split_label_marker`], or `None` when the text keeps no marker (and stays as it is).
fn label_marker_split(text: &str, notes: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    if let Some(split) = split_stars(text) {
        return Some(split);
    }
    let glued = |c: char| c.is_alphabetic() || c == ')' || c == '%' || c == '’' || c == '\'';
    split_listed_marker(text, notes, glued).or_else(|| {
        // A second marker after a space, the first glued ("EFSF1 2", wild page z3_05; each with
        // its note): only after a glued one, so "Artikel 2" keeps its number.
        let (head, last) = text.rsplit_once(' ')?;
        let last_is_a_marker =
            (1..=2).contains(&last.len()) && last.bytes().all(|b| b.is_ascii_digit()) && notes.contains(last);
        let (clean, mut markers) = split_listed_marker(head, notes, glued).filter(|_| last_is_a_marker)?;
        markers.push(last.to_string());
        Some((clean, markers))
    })
}

/// Splits a printed note's marker glued to a year that ends a row label ("Stand
/// ontwerpbegroting 20121" → "Stand ontwerpbegroting 2012" + "1", wild page u1_05, whose note
/// "1" stands under the table): the label's last word, a year and one or more markers, each
/// with its note (unlike a header, a label may end in a number of its own, so the notes decide).
fn label_year_marker_split(text: &str, notes: &BTreeSet<String>) -> Option<(String, Vec<String>)> {
    let (words, last) = text.trim().rsplit_once(char::is_whitespace)?;
    let (year, tail) = year_and_markers(last)?;
    (!tail.starts_with('0') && tail.split(',').all(|marker| notes.contains(marker)))
        .then(|| (format!("{} {year}", words.trim_end()), tail.split(',').map(str::to_string).collect()))
}

/// A year with one marker or a list of them glued to it ("20121" → "2012", "1"; "20141,2"), as
/// a header, a label or a cell of years prints it; whether the tail is a marker is the caller's
/// to decide (a note, a tail not opening with 0).
fn year_and_markers(word: &str) -> Option<(&str, &str)> {
    if word.len() <= 4 || !word.is_char_boundary(4) {
        return None;
    }
    let (year, tail) = word.split_at(4);
    (crate::interpret::vocabulary::is_year(year) && is_number_list(tail)).then_some((year, tail))
}

/// Splits a marker off a column header part: a label rule, plus a year with a marker glued to it
/// as the part or as its last word: "20141" → "2014" + "1", "Vastgestelde Begroting 20221" →
/// "Vastgestelde Begroting 2022" + "1", with or without a printed note "1" (a list "20141,2"
/// needs its notes; a tail opening with 0, "19500", is an amount).
fn split_header_marker(text: &str, notes: &BTreeSet<String>) -> (String, Vec<String>) {
    let (clean, markers) = split_label_marker(text, notes);
    if !markers.is_empty() {
        return (clean, markers);
    }
    let trimmed = text.trim();
    let (words, last) = match trimmed.rsplit_once(char::is_whitespace) {
        Some((words, last)) => (Some(words.trim_end()), last),
        None => (None, trimmed),
    };
    if let Some((year, tail)) = year_and_markers(last) {
        // A column header never prints a five- or six-digit number: a year and its marker
        // ("20131" over a column of 2013), even where the note stands under another table.
        // (Markers count from 1: "19500" and "20000" are amounts.)
        let bare = !tail.contains(',') && !tail.starts_with('0');
        if bare || tail.split(',').all(|m| notes.contains(m)) {
            let clean = words.map_or_else(|| year.to_string(), |words| format!("{words} {year}"));
            return (clean, tail.split(',').map(str::to_string).collect());
        }
    }
    (text.to_string(), Vec::new())
}

/// Splits a marker off a data cell. Stars always; digits only under rule 3 of the module doc.
/// `is_number` says whether the text reads as a number (the caller has parsed it already).
/// Returns `None` when the text keeps no marker (and stays as it is).
fn split_parsed_number_marker(
    text: &str,
    is_number: bool,
    notes: &BTreeSet<String>,
    column_decimals: Option<usize>,
) -> Option<(String, Vec<String>)> {
    if text.is_empty() {
        return None;
    }
    if let Some(split) = split_stars(text) {
        return Some(split);
    }
    if !is_number {
        // Text cells ("n.v.t.1", "pm1") follow the label rule.
        return label_marker_split(text, notes);
    }
    let expected = column_decimals?;
    let digit_or_percent = |c: char| c.is_ascii_digit() || c == '%';
    let (head, markers) = split_listed_marker(text, notes, digit_or_percent)?;
    (is_plain_figure(&head) && decimals_of(&head) == expected && decimals_of(text) != expected)
        .then_some((head, markers))
}

/// The number of decimals most number cells of a column are printed with, when there are at
/// least two such cells. `is_number` says, per row and cell, whether the cell reads as a number.
fn usual_decimals(table: &Table, is_number: &[Vec<bool>], column_index: usize) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for (row, is_number) in table.rows.iter().zip(is_number) {
        let Some(cell) = row.cells.get(column_index) else { continue };
        if is_number[column_index] {
            *counts.entry(decimals_of(&cell.text)).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (decimals, count) = counts.into_iter().max_by_key(|&(_, count)| count)?;
    (total >= 2 && count * 2 > total).then_some(decimals)
}

fn decimals_of(text: &str) -> usize {
    match text.rsplit_once(',') {
        Some((_, fraction)) => fraction.chars().take_while(|c| c.is_ascii_digit()).count(),
        None => 0,
    }
}

/// Warns once per unresolved marker occurrence and flags the cells it touches.
fn flag_unresolved(table: &mut Table) -> Vec<Warning> {
    let notes = note_markers(table);
    let mut warnings = Vec::new();
    let index = table.index;
    for marker in table.caption_markers.iter().filter(|m| !notes.contains(*m)) {
        warnings.push(Warning::new(
            WarningKind::UnresolvedFootnote,
            Location::table(index, table.lines.map(|(first, _)| first)),
            format!("the caption has footnote marker \"{marker}\" but the table prints no note \"{marker}\""),
        ));
    }
    let mut unresolved_columns = Vec::new();
    for (column_index, column) in table.columns.iter().enumerate() {
        for marker in column.markers.iter().filter(|m| !notes.contains(*m)) {
            unresolved_columns.push(column_index);
            warnings.push(Warning::new(
                WarningKind::UnresolvedFootnote,
                Location::table(index, None).with_column(column_index),
                format!("column \"{}\" has footnote marker \"{marker}\" but the table prints no note \"{marker}\"", column.header()),
            ));
        }
    }
    for (row_index, row) in table.rows.iter_mut().enumerate() {
        let label = row.printed_label().to_string();
        let row_unresolved = row.markers.iter().any(|m| !notes.contains(m));
        let starred = row.markers.iter().any(|m| m.starts_with('*'));
        // A number of two digits or more printed right after a star, alone (not a list "*1,2,3"),
        // with no note of its own may be the row's figure glued to the star
        // ("Durfkapitaalregeling*23", wild page u2_07).
        let numbers_after_star = row.markers.iter().filter(|m| m.bytes().all(|b| b.is_ascii_digit())).count();
        // Likewise a number of two digits or more glued to the label of a row that prints no
        // figure, with no note of its own: the row's figure run into its label
        // ("1Verkiezingsproces (Stemmachines)68", wild page b3_03).
        let no_figures = row.cells.iter().all(|cell| cell.text.trim().is_empty());
        for marker in row.markers.iter().filter(|m| !notes.contains(*m)) {
            let figure = (starred && numbers_after_star == 1 || no_figures && !starred)
                && marker.len() >= 2
                && marker.bytes().all(|b| b.is_ascii_digit());
            warnings.push(if figure {
                Warning::new(
                    WarningKind::FigureNotRead,
                    Location::table(index, row.line).with_row(row_index),
                    format!("row \"{label}\" prints \"{marker}\" after its {}, with no note \"{marker}\": it may be the row's figure glued to it", if starred { "star" } else { "label" }),
                )
            } else {
                Warning::new(
                    WarningKind::UnresolvedFootnote,
                    Location::table(index, row.line).with_row(row_index),
                    format!("row \"{label}\" has footnote marker \"{marker}\" but the table prints no note \"{marker}\""),
                )
            });
        }
        for (column_index, cell) in row.cells.iter_mut().enumerate() {
            let cell_unresolved: Vec<String> =
                cell.markers.iter().filter(|m| !notes.contains(*m)).cloned().collect();
            for marker in &cell_unresolved {
                warnings.push(Warning::new(
                    WarningKind::UnresolvedFootnote,
                    Location::table(index, cell.line).with_row(row_index).with_column(column_index),
                    format!("cell \"{}\" of row \"{label}\" has footnote marker \"{marker}\" but the table prints no note \"{marker}\"", cell.text),
                ));
            }
            if row_unresolved || !cell_unresolved.is_empty() || unresolved_columns.contains(&column_index) {
                cell.flag(CellFlag::UnresolvedFootnote);
            }
        }
    }
    warnings
}

/// The note text for a marker, when the table prints one.
pub fn note_text<'t>(table: &'t Table, marker: &str) -> Option<&'t str> {
    table.notes.iter().find(|note| note.marker == marker).map(|note| note.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Cell, Column, Note, Row};

    fn split_number_marker(
        text: &str,
        notes: &BTreeSet<String>,
        column_decimals: Option<usize>,
    ) -> (String, Vec<String>) {
        split_parsed_number_marker(text, is_plain_figure(text), notes, column_decimals)
            .unwrap_or_else(|| (text.to_string(), Vec::new()))
    }

    fn notes(markers: &[&str]) -> BTreeSet<String> {
        markers.iter().map(|m| m.to_string()).collect()
    }

    #[test]
    fn label_markers_need_a_note_unless_starred() {
        let with_one = notes(&["1", "2"]);
        assert_eq!(split_label_marker("Comensha1", &with_one), ("Comensha".into(), vec!["1".into()]));
        assert_eq!(split_label_marker("Artikel 31", &with_one), ("Artikel 31".into(), vec![]));
        assert_eq!(split_label_marker("CO2", &notes(&["1"])), ("CO2".into(), vec![]));
        assert_eq!(split_label_marker("onderzoeken*", &notes(&[])), ("onderzoeken".into(), vec!["*".into()]));
        assert_eq!(
            split_label_marker("Totaal*1,2", &with_one),
            ("Totaal".into(), vec!["*".into(), "1".into(), "2".into()])
        );
        assert_eq!(
            split_label_marker("Totaal1,2", &with_one),
            ("Totaal".into(), vec!["1".into(), "2".into()])
        );
        assert_eq!(split_label_marker("dossiers2", &with_one), ("dossiers".into(), vec!["2".into()]));
        // A second marker after a space, the first glued (Miljoennota 2013, Tabel 4.2, wild page
        // z3_05: "EFSF1 2", notes 1 and 2 under the table); only after a glued one.
        assert_eq!(split_label_marker("EFSF1 2", &with_one), ("EFSF".into(), vec!["1".into(), "2".into()]));
        assert_eq!(split_label_marker("Artikel 2", &with_one), ("Artikel 2".into(), vec![]));
        assert_eq!(split_label_marker("EFSF1 3", &with_one), ("EFSF1 3".into(), vec![]));
    }

    #[test]
    fn a_marker_glued_to_several_labels_is_one_without_a_printed_note() {
        // Jaarverslag 2015 XIII, Tabel 10.2.1, cut off before its notes (wild page c4_16).
        let labels = [
            "– Afschrijvingskosten materieel2",
            "– Rentelasten2",
            "Bijzondere baten (bv. zaagtand)1",
            "CO2",
            "per m2",
            "per m2",
        ];
        let table = Table {
            rows: labels
                .iter()
                .map(|label| Row { stub: vec![Cell::printed(*label, None)], ..Row::default() })
                .collect(),
            ..Table::default()
        };
        // "2" is glued to two labels; "1" to one, but after a closing bracket, which ends no
        // word. "CO2" and "m2" stay whole.
        assert_eq!(inferred_of(&table), notes(&["1", "2"]));
        let one_lower_case = Table {
            rows: vec![Row { stub: vec![Cell::printed("Rentebaten1", None)], ..Row::default() }],
            ..Table::default()
        };
        assert_eq!(inferred_of(&one_lower_case), notes(&[]));
    }

    /// Which cells of a table's rows are numbers, as `split_table_markers` works it out.
    fn numbers_of(table: &Table) -> Vec<Vec<bool>> {
        table
            .rows
            .iter()
            .map(|row| row.cells.iter().map(|cell| is_plain_figure(&cell.text)).collect())
            .collect()
    }

    /// The markers `split_table_markers` infers for a table's labels without printed notes.
    fn inferred_of(table: &Table) -> BTreeSet<String> {
        inferred_label_markers(table, &glued_marker_series(table, &numbers_of(table)))
    }

    /// A row with one label and these cells.
    fn row(label: &str, cells: &[&str]) -> Row {
        Row {
            stub: vec![Cell::printed(label, None)],
            cells: cells.iter().map(|text| Cell::printed(*text, None)).collect(),
            ..Row::default()
        }
    }

    #[test]
    fn markers_after_a_space_need_a_series_with_a_glued_one() {
        // Jaarverslag 2010 IXA, Tabel 1, cut off before its notes (wild page c4_09, lines 35,
        // 51 and 75).
        let table = Table {
            columns: vec![Column::default(); 3],
            rows: vec![
                row("EMU-schuld", &["371", "381", "– 10"]),
                row("EMU-staatsschuld 1", &["308", "328", "– 20"]),
                row("Interne schuldverhouding 2", &["– 9.3", "– 15,8", "6,6"]),
                row("Rentekosten interne schuldverhoudingen (artikel 2)2", &["", "", ""]),
            ],
            ..Table::default()
        };
        assert_eq!(spaced_label_markers(&table, &numbers_of(&table)), notes(&["1", "2"]));
        assert_eq!(
            spaced_marker_split("EMU-staatsschuld 1", &notes(&["1", "2"])),
            Some(("EMU-staatsschuld".into(), vec!["1".into()]))
        );
        // OWB 2019 VIII, subsidies (wild page s3_01): the series 1-5 runs over two labels after
        // a space, a year with its marker in the evaluation column and two value words.
        let subsidies = Table {
            columns: vec![Column::default(); 2],
            rows: vec![
                row("Regeling Onderwijsvoorzieningen jongeren met een handicap (UWV) 1", &["geen", "2019"]),
                row("Regeling Onderwijs in het buitenland (Stichting NOB)", &["20182", "2023"]),
                row("WOOS: Humanistisch vormend en godsdienstonderwijs", &["2015", "geen3"]),
                row(
                    "WPO: Academische ziekenhuizen en SBD’s voor onderwijs aan zieke leerlingen 4",
                    &["geen", "2019"],
                ),
                row("WOOS: Arbeids- en kennisactiviteiten PO", &["geen", "geen5"]),
            ],
            ..Table::default()
        };
        assert_eq!(spaced_label_markers(&subsidies, &numbers_of(&subsidies)), notes(&["1", "4"]));
        // Items numbered in one series share their word; without a glued marker nothing says
        // the table has markers at all; a word asking for a number keeps it.
        let phases = Table {
            rows: vec![row("Fase 1", &[]), row("Fase 2", &[]), row("Ronde 3)3", &[])],
            ..Table::default()
        };
        // Nor do numbered items of other words beside a glued note marker ("geen1").
        let items = Table {
            columns: vec![Column::default()],
            rows: vec![
                row("Regeling Lerarenbeurs fase 1", &["geen1"]),
                row("Subsidieregeling zij-instroom tranche 2", &["2021"]),
            ],
            ..Table::default()
        };
        assert_eq!(spaced_label_markers(&items, &numbers_of(&items)), notes(&[]));
        assert_eq!(spaced_label_markers(&phases, &numbers_of(&phases)), notes(&[]));
        let unmarked = Table {
            rows: vec![row("EMU-staatsschuld 1", &[]), row("Interne schuldverhouding 2", &[])],
            ..Table::default()
        };
        assert_eq!(spaced_label_markers(&unmarked, &numbers_of(&unmarked)), notes(&[]));
        assert_eq!(spaced_after_a_word("Bijdrage Artikel 2"), None);
    }

    #[test]
    fn a_marker_glued_to_a_year_ending_a_label_needs_its_note() {
        // OWB 2013 VIII, artikel 14 (wild page u1_05, line 21; note "1" under the table).
        assert_eq!(
            label_year_marker_split("Stand ontwerpbegroting 20121", &notes(&["1"])),
            Some(("Stand ontwerpbegroting 2012".into(), vec!["1".into()]))
        );
        assert_eq!(label_year_marker_split("Stand ontwerpbegroting 20121", &notes(&[])), None);
        assert_eq!(label_year_marker_split("Kasschuif 20120", &notes(&["0"])), None);
        assert_eq!(label_year_marker_split("20121", &notes(&["1"])), None);
    }

    #[test]
    fn inferred_markers_split_only_words_never_units_or_capitals() {
        let inferred = notes(&["1", "2", "3"]);
        assert_eq!(
            inferred_marker_split("leerlingen3", &inferred),
            Some(("leerlingen".into(), vec!["3".into()]))
        );
        assert_eq!(
            inferred_marker_split("zaagtand)1", &inferred),
            Some(("zaagtand)".into(), vec!["1".into()]))
        );
        assert_eq!(inferred_marker_split("systeem2", &inferred), Some(("systeem".into(), vec!["2".into()])));
        for whole in [
            "Compensatie indirecte kosten CO2",
            "Rijksweg A2",
            "Huurprijs per m2",
            "km2",
            "cm3",
            "leerlingen4",
        ] {
            assert_eq!(inferred_marker_split(whole, &inferred), None, "{whole}");
        }
    }

    #[test]
    fn markers_glued_to_words_in_a_gapless_series_need_no_note() {
        // OWB 2016 VIII, subsidies (wild page i2_01), cut off before its notes: "jaarlijks1",
        // "geen2" and "geen4" in text cells, "leerlingen3" on a label.
        let mut table = Table {
            rows: vec![
                row("Regeling Onderwijsvoorzieningen", &["23.000", "geen", "2019", "jaarlijks1"]),
                row("WOOS: Herstart en Op de Rails", &["7.098", "http://kennisbank", "geen2", "2014"]),
                row("WPO: onderwijs aan zieke leerlingen3", &["6.840", "geen", "2019", "jaarlijks1"]),
                row("WOOS: Arbeidsmarkt", &["0", "geen", "geen4", "2015"]),
            ],
            ..Table::default()
        };
        assert_eq!(inferred_of(&table), notes(&["1", "2", "3", "4"]));
        split_table_markers(&mut table);
        assert_eq!(table.rows[2].stub[0].text, "WPO: onderwijs aan zieke leerlingen");
        assert_eq!(table.rows[2].markers, ["3"]);
        // Text cells only vouch for the series: they keep their digits.
        assert_eq!(table.rows[1].cells[2].text, "geen2");
        // A gap in the series ("1", "2", "4") says nothing.
        assert_eq!(inferred_of(&table), notes(&[]));
    }

    #[test]
    fn a_series_may_count_one_marker_glued_to_a_capital_and_any_glued_to_a_value_word() {
        // OWB 2018 IX, prestatie-indicatoren (wild page k1_01), cut off before its notes: "…MKB1",
        // "…Particulieren2" on labels, "n.v.t.3" in a norm cell.
        let mut table = Table {
            rows: vec![
                row("nalevingstekort MKB1", &["6,0%", "<6%"]),
                row("nalevingstekort Particulieren2", &["1,1%", "<1,1%"]),
                row("tijdig ontvangen", &["94,5%", "n.v.t.3"]),
            ],
            ..Table::default()
        };
        assert_eq!(glued_marker_series(&table, &numbers_of(&table)), notes(&["1", "2", "3"]));
        split_table_markers(&mut table);
        assert_eq!(table.rows[0].stub[0].text, "nalevingstekort MKB");
        assert_eq!(table.rows[0].markers, ["1"]);
        assert_eq!(table.rows[1].stub[0].text, "nalevingstekort Particulieren");
        assert_eq!(table.rows[2].cells[1].text, "n.v.t.3");
        // Names with fewer than three capitals ("CO2", "A2", "PM10") never count, and stay whole
        // beside a series of the table's other markers.
        let mut names = Table {
            rows: vec![
                row("energie1", &["3"]),
                row("Reductie uitstoot CO2", &["4"]),
                row("laadpalen3", &["5"]),
                row("projecten2", &["6"]),
                row("Verbreding A2", &["7"]),
            ],
            ..Table::default()
        };
        assert_eq!(glued_marker_series(&names, &numbers_of(&names)), notes(&["1", "2", "3"]));
        split_table_markers(&mut names);
        assert_eq!(names.rows[1].stub[0].text, "Reductie uitstoot CO2");
        assert_eq!(names.rows[4].stub[0].text, "Verbreding A2");
        let gap = Table {
            rows: vec![row("energie1", &["3"]), row("Uitstoot CO2", &["4"]), row("laadpalen3", &["5"])],
            ..Table::default()
        };
        assert_eq!(glued_marker_series(&gap, &numbers_of(&gap)), notes(&[]));
    }

    #[test]
    fn year_headers_and_numbers() {
        let one = notes(&["1"]);
        assert_eq!(split_header_marker("20141", &one), ("2014".into(), vec!["1".into()]));
        assert_eq!(split_header_marker("2014", &one), ("2014".into(), vec![]));
        // A header never prints a five-digit number: without a note the marker is split off all
        // the same (it stays unresolved); a list of markers needs its notes.
        assert_eq!(split_header_marker("20141", &notes(&[])), ("2014".into(), vec!["1".into()]));
        assert_eq!(split_header_marker("20141,2", &one), ("20141,2".into(), vec![]));
        assert_eq!(split_header_marker("tot € 19500", &notes(&[])), ("tot € 19500".into(), vec![]));
        assert_eq!(split_header_marker("20000", &notes(&[])), ("20000".into(), vec![]));
        assert_eq!(
            split_header_marker("Vastgestelde Begroting 20221", &one),
            ("Vastgestelde Begroting 2022".into(), vec!["1".into()])
        );
        assert_eq!(split_header_marker("Raming 20112", &one), ("Raming 2011".into(), vec!["2".into()]));
        assert_eq!(split_number_marker("80,21", &one, Some(1)), ("80,2".into(), vec!["1".into()]));
        assert_eq!(split_number_marker("80,21", &one, Some(2)), ("80,21".into(), vec![]));
        assert_eq!(split_number_marker("1.522", &notes(&["2"]), Some(0)), ("1.522".into(), vec![]));
        assert_eq!(split_number_marker("12*", &notes(&[]), Some(0)), ("12".into(), vec!["*".into()]));
    }

    #[test]
    fn unresolved_markers_are_kept_and_flagged() {
        let mut table = Table {
            columns: vec![Column { path: vec!["2020".into()], ..Column::default() }],
            rows: vec![
                Row {
                    stub: vec![Cell::printed("Aantal high tech crime onderzoeken*", Some(131))],
                    cells: vec![Cell::printed("19", Some(133))],
                    ..Row::default()
                },
                Row {
                    stub: vec![Cell::printed("Aantal gemelde slachtoffers bij Comensha1", Some(61))],
                    cells: vec![Cell::printed("975", Some(63))],
                    ..Row::default()
                },
            ],
            notes: vec![Note { marker: "1".into(), text: "Het aantal".into(), line: Some(211) }],
            ..Table::default()
        };
        let warnings = link_footnotes(std::slice::from_mut(&mut table));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::UnresolvedFootnote);
        assert_eq!(warnings[0].location.row_index, Some(0));
        assert_eq!(table.rows[0].markers, vec!["*"]);
        assert_eq!(table.rows[0].stub[0].text, "Aantal high tech crime onderzoeken");
        assert!(table.rows[0].cells[0].flags.contains(&CellFlag::UnresolvedFootnote));
        assert_eq!(table.rows[1].markers, vec!["1"]);
        assert_eq!(table.rows[1].stub[0].text, "Aantal gemelde slachtoffers bij Comensha");
        assert!(table.rows[1].cells[0].flags.is_empty());
        assert_eq!(note_text(&table, "1"), Some("Het aantal"));

        let mut starred = Table { title: Some("Uitgaven*".into()), ..Table::default() };
        let warnings = link_footnotes(std::slice::from_mut(&mut starred));
        assert_eq!(starred.title.as_deref(), Some("Uitgaven"));
        assert_eq!(starred.caption_markers, vec!["*"], "a caption's marker is kept, not thrown away");
        assert_eq!(warnings.len(), 1, "and reported when it has no note");
    }
}
