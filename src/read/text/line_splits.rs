//! Where a line of flattened text that runs cells together is cut (the paragraphs of
//! [`super::paragraph`] come from these cuts): a label run into its figures, figures glued
//! together or grouped by spaces, a heading of glued years, a row printed one space a cell. A
//! line's neighbours decide where the line alone cannot: a series of note markers glued to
//! labels stays unsplit, lines in a block of contents entries keep their pages, rows printed one
//! space a cell under a heading of glued years, and a line cut as its neighbours are.

use super::printed::{self, is_value};
use crate::interpret::glued_figures::{shows_glued_figures, split_glued_decimals, split_glued_wholes};
use crate::interpret::run_together::{
    RunTogether, glued_years, split_fewest_space_grouped, split_run_together, split_space_grouped,
    split_year_heading,
};
use crate::interpret::spaced_cells::{
    header_words_and_empty_cells, label_and_empty_cells, split_spaced_cells, split_spaced_header,
};
use crate::interpret::vocabulary::is_short_whole_number;

/// For each line (by index), its split when it runs a label and figures together and stands in a
/// run of at least two such lines (whitespace-only lines between them allowed): one such line
/// alone is as likely a heading that ends in a number ("Artikel 31"). A column heading of a
/// measure word and a year ("Realisatie 20101", with note marker 1) is never split
/// ([`crate::interpret::vocabulary::is_measure_year_heading`]).
pub(super) fn run_together_lines(lines: &[&str]) -> (Vec<Option<RunTogether>>, Vec<bool>) {
    // Cheap out: no line ends in a digit or "%".
    if !lines.iter().any(|line| line.trim_end().ends_with(|c: char| c.is_ascii_digit() || c == '%')) {
        return (Vec::new(), Vec::new());
    }
    let splits: Vec<Option<RunTogether>> = lines
        .iter()
        .map(|line| {
            let trimmed = line.trim();
            // Most lines are ruled out by their last character, figures by `is_value`.
            let ends_in_figure = trimmed.ends_with(|c: char| c.is_ascii_digit() || c == '%');
            if !ends_in_figure
                || trimmed.starts_with('|')
                || is_value(trimmed)
                || crate::interpret::vocabulary::is_measure_year_heading(trimmed)
            {
                None
            } else if let Some(heading) =
                glued_years(line.trim_end()).filter(|heading| !line[heading.label.clone()].trim().is_empty())
            {
                // The stub header glued to a heading of glued years ("Omschrijving2005…2011").
                Some(heading)
            } else {
                split_run_together(line)
            }
        })
        .collect();
    let mut splits = splits;
    unsplit_note_marker_series(lines, &mut splits);
    split_by_neighbours(lines, &mut splits);
    split_spaced_rows(lines, &mut splits);
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
    let in_contents_block = contents_blocks(lines, &splits);
    let long = |at: usize| crate::interpret::run_together::longer_than_a_label(lines[at].trim());
    let split_at = |position: usize, step: isize| {
        let at = position as isize + step;
        (at >= 0)
            .then(|| content.get(at as usize))
            .flatten()
            .copied()
            .filter(|&other| splits[other].is_some())
    };
    // A line longer than a label is split as a contents entry, or between two split lines no
    // longer than labels (x4_01, line 55, between two appendices and their pages; not prose
    // ending in a glued note marker after a numbered heading). Only such a line kept is a
    // neighbour of the lines beside it.
    let long_kept: Vec<bool> = (0..content.len())
        .map(|position| {
            let index = content[position];
            long(index)
                && splits[index].is_some()
                && (in_contents_block[index]
                    || [-1, 1].iter().all(|&step| split_at(position, step).is_some_and(|other| !long(other))))
        })
        .collect();
    let mut keep = vec![false; lines.len()];
    for (position, &index) in content.iter().enumerate() {
        if splits[index].is_none() {
            continue;
        }
        if long(index) {
            keep[index] = long_kept[position];
            continue;
        }
        let neighbour = |step: isize| {
            split_at(position, step)
                .is_some_and(|other| !long(other) || long_kept[(position as isize + step) as usize])
        };
        // A heading of years was split only for a split row below it (`split_by_neighbours`),
        // which may stand after group rows that are no split themselves ("Baten").
        let heading = split_year_heading(lines[index]).is_some();
        keep[index] = in_contents_block[index] || heading || neighbour(-1) || neighbour(1);
    }
    let kept = splits.into_iter().zip(keep).map(|(split, keep)| split.filter(|_| keep)).collect();
    (kept, in_contents_block)
}

/// Takes back, in place, the splits of lines that glue a note marker to a heading rather than a
/// figure to a label: consecutive lines (blank and whitespace-only lines between them allowed)
/// whose only "figure" is one or two digits glued to a lower-case letter or ")" ("Vastgestelde
/// begroting1", "Mutaties 1e suppletoire begroting2"), where those numbers run k, k+1, … in print
/// order, with no split row right above or below them, and each is printed again further down
/// as a note's marker, the notes one block in the same order, alone on their line above a
/// sentence or opening one ("1" / "Inclusief ISB, NvW en amendementen."; a contents entry "5
/// Kabinet van de Gouverneur33" is no sentence). Notes are numbered in print
/// order and cited before they are printed; two figures of adjacent rows that count up by one
/// and are each printed again as a note's number are not what a body holds (wild page r4_03: the
/// two titles of a begrotingsstaat's header had become two rows of one figure each). The
/// footnote stage splits the markers off the header texts ([`crate::footnote`]).
fn unsplit_note_marker_series(lines: &[&str], splits: &mut [Option<RunTogether>]) {
    // The glued number of a split line that can be a marker, with the line's index.
    let glued: Vec<Option<u32>> = (0..lines.len())
        .map(|index| {
            let split = splits[index].as_ref()?;
            let [figure] = split.figures.as_slice() else { return None };
            // The footnote stage's own test: one or two digits glued to a lower-case letter or
            // ")", no area or volume unit ("m2").
            let (_, marker) = crate::footnote::glued_to_a_word(lines[index].get(..figure.end)?)?;
            (lines[index].get(figure.clone())? == marker).then(|| marker.parse().ok()).flatten()
        })
        .collect();
    if glued.iter().all(Option::is_none) {
        return;
    }
    let glued_marker = |index: usize| glued[index];
    // A note's text: a sentence (ending in a full stop, or six words or more) that does not
    // end in a figure (a contents entry's page, a row's amount).
    let note_text = |text: &str| {
        let text = text.trim();
        (text.ends_with('.') || crate::interpret::vocabulary::has_words(text, 6))
            && !text.ends_with(|c: char| c.is_ascii_digit())
            && text.starts_with(char::is_alphabetic)
    };
    // For each marker number (one or two digits), the lines that print it as a note's marker:
    // alone over a sentence, or opening one. One pass, so a page of many runs stays linear.
    let mut note_lines: Vec<Vec<usize>> = vec![Vec::new(); 100];
    for (at, line) in lines.iter().enumerate() {
        let line = line.trim();
        let (digits, rest) = line.split_at(line.bytes().take_while(u8::is_ascii_digit).count());
        if !(1..=2).contains(&digits.len()) {
            continue;
        }
        let is_note = if rest.is_empty() {
            lines[at + 1..].iter().find(|next| !next.trim().is_empty()).is_some_and(|next| note_text(next))
        } else {
            rest.strip_prefix(' ').is_some_and(note_text)
        };
        if is_note && let Ok(number) = digits.parse::<usize>() {
            note_lines[number].push(at);
        }
    }
    // The notes of `numbers` printed below line `after` as one block, in order: each the first
    // such note after the one before, at most [`NOTE_BLOCK_GAP`] lines apart.
    let printed_as_notes = |numbers: std::ops::Range<u32>, after: usize| {
        let mut previous = after;
        numbers.enumerate().all(|(position, number)| {
            let lines = &note_lines[number as usize];
            let Some(&at) = lines.get(lines.partition_point(|&line| line <= previous)) else { return false };
            let close = position == 0 || at - previous <= NOTE_BLOCK_GAP;
            previous = at;
            close
        })
    };
    // A split line with figures right above or below a run makes it part of a body of rows.
    let is_split: Vec<bool> = splits.iter().map(Option::is_some).collect();
    let split_row = |at: Option<usize>| at.is_some_and(|at| is_split[at]);
    let non_blank_before = |at: usize| (0..at).rev().find(|&i| !lines[i].trim().is_empty());
    let non_blank_after = |at: usize| (at + 1..lines.len()).find(|&i| !lines[i].trim().is_empty());
    let mut index = 0;
    while index < lines.len() {
        let Some(first) = glued_marker(index) else {
            index += 1;
            continue;
        };
        // The run: each next non-blank line continues the count.
        let mut run = vec![index];
        let mut expected = first + 1;
        let mut at = index + 1;
        while at < lines.len() {
            if lines[at].trim().is_empty() {
                at += 1;
                continue;
            }
            if glued_marker(at) == Some(expected) {
                run.push(at);
                expected += 1;
                at += 1;
            } else {
                break;
            }
        }
        let last = *run.last().unwrap_or(&index);
        if run.len() >= 2
            && !split_row(non_blank_before(index))
            && !split_row(non_blank_after(last))
            && printed_as_notes(first..expected, last)
        {
            for &line in &run {
                splits[line] = None;
            }
        }
        index = last + 1;
    }
}

/// The most lines between two notes of one block ([`unsplit_note_marker_series`]).
const NOTE_BLOCK_GAP: usize = 12;

/// For each line, whether it stands in a block of contents entries printed one a line right
/// under a contents heading ("Inhoudsopgave", then "Voorjaarsnota 3" / "1 Inleiding 3" / "2
/// Economisch beeld" / "3 Uitgaven 3"): in a table of contents an entry that ends in its page is
/// one alone, without a split neighbour (the entries between print no page).
///
/// The block starts at the first non-blank line under the heading and ends before the first blank
/// line, the next contents heading, or a line no entry is (over [`MAX_ENTRY_CHARS`] characters
/// without a page at its end, or ending in a full stop: prose). It counts when it holds three lines or more and at least one in
/// [`LINES_A_PAGE`] of them, two at the least, ends in a page number (`splits`, before their
/// neighbours are asked; [`ends_in_page`]). A page's navigation list, whose lines print no page,
/// is no block; neither is a page printed without blank lines, whose "block" runs on through
/// tables and prose with few small figures in it. Known limit: a table of contents whose entries
/// print their pages on fewer than one line in four is not read this way.
fn contents_blocks(lines: &[&str], splits: &[Option<RunTogether>]) -> Vec<bool> {
    let mut in_block = vec![false; lines.len()];
    // A long entry still ends in its page (an appendix's title of 170 characters, wild page
    // x4_01, line 55).
    let no_entry = |at: usize| {
        let line = lines[at].trim();
        line.is_empty()
            || (line.chars().count() > MAX_ENTRY_CHARS && !ends_in_page(line, splits[at].as_ref()))
            || line.ends_with('.')
            || printed::is_contents_heading(line)
    };
    for (at, line) in lines.iter().enumerate() {
        if !printed::is_contents_heading(line) {
            continue;
        }
        let Some(first) = (at + 1..lines.len()).find(|&i| !lines[i].trim().is_empty()) else { continue };
        let end = (first..lines.len()).find(|&i| no_entry(i)).unwrap_or(lines.len());
        let with_page = (first..end).filter(|&i| ends_in_page(lines[i], splits[i].as_ref())).count();
        let length = end - first;
        if length >= 3 && with_page >= 2 && with_page * LINES_A_PAGE >= length {
            in_block[first..end].iter_mut().for_each(|flag| *flag = true);
        }
    }
    in_block
}

/// The longest line read as a contents entry, in characters.
const MAX_ENTRY_CHARS: usize = 100;

/// A contents block holds a page number on at least one line in this many.
const LINES_A_PAGE: usize = 4;

/// True when a line's split leaves one figure that can be a page number: a whole number of at
/// most three digits ("3", "16"; not "29.083").
fn ends_in_page(line: &str, split: Option<&RunTogether>) -> bool {
    let Some(split) = split else { return false };
    let [figure] = split.figures.as_slice() else { return false };
    is_short_whole_number(line.get(figure.clone()).unwrap_or(""))
}

/// How many lines in a row must agree on their cell count before rows printed one space a cell
/// are read so.
const SPACED_ROWS_AGREEING: usize = 3;

/// Splits, in place, the rows of a table printed one row a line with one space between cells and
/// one space for each empty cell ([`crate::interpret::spaced_cells::split_spaced_cells`]). One
/// line read that way proves nothing (a label and one figure reads the same in any layout), so
/// the cut is taken for a run of consecutive lines that read so, where at least
/// [`SPACED_ROWS_AGREEING`] of them come to one cell count of two or more, some line holds an
/// empty cell and some line two figures one space apart; the lines of that count take the cut
/// (over any other), the others keep theirs.
fn split_spaced_rows(lines: &[&str], splits: &mut [Option<RunTogether>]) {
    // Cheap out: no line prints an empty cell the way these rows do (three spaces between two
    // cells, or two after the last).
    let prints_empty_cell = |line: &&str| {
        let content = line.trim_end_matches([' ', '\r']);
        let cells = content.trim_start_matches(' ');
        !cells.is_empty() && (line.len() - content.len() >= 2 || cells.contains("   "))
    };
    if !lines.iter().any(prints_empty_cell) {
        return;
    }
    let mut index = 0;
    while index < lines.len() {
        let mut run = Vec::new();
        while let Some(split) = lines.get(index).and_then(|line| split_spaced_cells(line)) {
            run.push((index, split));
            index += 1;
        }
        index += 1;
        if run.len() < SPACED_ROWS_AGREEING {
            continue;
        }
        let mut counts = std::collections::BTreeMap::new();
        for (_, split) in &run {
            *counts.entry(split.figures.len()).or_insert(0usize) += 1;
        }
        let agreeing =
            counts.into_iter().filter(|&(cells, lines)| cells >= 2 && lines >= SPACED_ROWS_AGREEING);
        let Some((cells, _)) = agreeing.max_by_key(|&(_, lines)| lines) else {
            continue;
        };
        let has_empty = run
            .iter()
            .any(|(at, split)| split.figures.iter().any(|range| lines[*at][range.clone()].trim().is_empty()));
        // Two figures one space apart: one space parts cells (three spaces apart they would be
        // a table spaced wider, whose gaps say nothing of empty cells).
        let one_space_apart = run.iter().any(|(at, split)| {
            split.figures.windows(2).any(|pair| {
                let filled = |range: &std::ops::Range<usize>| !lines[*at][range.clone()].trim().is_empty();
                filled(&pair[0]) && filled(&pair[1]) && pair[1].start == pair[0].end + 1
            })
        });
        if !has_empty || !one_space_apart {
            continue;
        }
        let first = run[0].0;
        for (at, split) in run {
            if split.figures.len() == cells {
                splits[at] = Some(split);
            }
        }
        // Header lines right above the rows, read the same way, with as many cells.
        for above in (first.saturating_sub(3)..first).rev() {
            match split_spaced_header(lines[above]).filter(|header| header.figures.len() == cells) {
                Some(header) => splits[above] = Some(header),
                None if lines[above].trim().is_empty() => break,
                None => {}
            }
        }
    }
}

/// How far above a row its heading of years may stand, in lines.
const HEADING_REACH: usize = 40;

/// Splits what only the lines around can decide, in place:
/// 1. a heading line that runs a label and two or more years together ("2. Politie 2009 2010 …
///    2014") becomes the label and the years, when a line below it runs a label and figures
///    together;
/// 2. a line whose figures print their thousands with spaces ("Stand ontwerpbegroting 2009
///    4 744 138 4 682 192 …") is cut into as many figures as the nearest such heading above it
///    has years (up to the next "Tabel N" caption), else as the nearest split
///    line above or below it has figures
///    ([`crate::interpret::run_together::split_space_grouped`]).
fn split_by_neighbours(lines: &[&str], splits: &mut [Option<RunTogether>]) {
    let headings: Vec<Option<RunTogether>> = lines.iter().map(|line| split_year_heading(line)).collect();
    if headings.iter().all(Option::is_none) && splits.iter().all(Option::is_none) {
        return;
    }
    // The nearest year heading above: its line, its years, and whether they are glued.
    let mut heading_years: Option<(usize, usize, bool)> = None;
    for index in 0..lines.len() {
        // A caption ends the rows of a heading printed line by line: the next table's rows take
        // their own count. (Blank lines do not: such rows may stand a blank line apart.)
        if crate::interpret::caption::tabel_number(lines[index]).is_some() {
            heading_years = None;
            continue;
        }
        if let Some(heading) = &headings[index] {
            let glued = glued_years(lines[index].trim_end()).is_some();
            heading_years = Some((index, heading.figures.len(), glued));
            continue;
        }
        let trimmed = lines[index].trim();
        // Only a heading of glued years speaks for rows printed one space a cell (they end in
        // the spaces of their empty cells).
        if lines[index].ends_with(' ')
            && splits[index].is_none()
            && let Some((at, years, true)) = heading_years.filter(|(at, _, _)| index - at <= HEADING_REACH)
            && let Some(group) = label_and_empty_cells(lines[index], years).or_else(|| {
                (index == at + 1).then(|| header_words_and_empty_cells(lines[index], years)).flatten()
            })
        {
            splits[index] = Some(group);
            continue;
        }
        let ends_in_figure = trimmed.ends_with(|c: char| c.is_ascii_digit() || c == '%')
            || trimmed.strip_suffix(')').is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
        if !ends_in_figure || trimmed.starts_with('|') {
            continue;
        }
        let from_heading =
            heading_years.filter(|(at, _, _)| index - at <= HEADING_REACH).map(|(_, years, _)| years);
        // A blank line of spaces, one a cell, near a run of glued figures gives their count.
        let from_blanks = || {
            blank_cells_near(lines, index)
                .filter(|_| shows_glued_figures(lines[index]))
                .map(|cells| cells - 1)
        };
        // A line already split keeps its split unless it gave fewer figures than the heading
        // has years (a run of space-grouped figures read as one), or than the blank lines near
        // it have value cells (a run of glued figures read as one).
        if let Some(split) = &splits[index] {
            if from_heading.is_none()
                && let Some(columns) = from_blanks().filter(|&columns| split.figures.len() < columns)
                && let Some(regrouped) = split_glued_wholes(lines[index], columns)
            {
                splits[index] = Some(regrouped);
                continue;
            }
            if let Some(columns) = from_heading.filter(|&columns| split.figures.len() < columns)
                && let Some(regrouped) = split_space_grouped(lines[index], columns)
                    .or_else(|| split_glued_decimals(lines[index], columns))
                    .or_else(|| split_glued_wholes(lines[index], columns))
            {
                splits[index] = Some(regrouped);
            }
            continue;
        }
        let from_rows = || {
            let figures_of = |other: usize| {
                splits.get(other)?.as_ref().map(|split| split.figures.len()).filter(|&n| n >= 2)
            };
            (1..=3).find_map(|step| {
                index.checked_sub(step).and_then(figures_of).or_else(|| figures_of(index + step))
            })
        };
        if let Some(columns) = from_heading.or_else(from_rows) {
            splits[index] = split_space_grouped(lines[index], columns)
                .or_else(|| split_glued_decimals(lines[index], columns))
                .or_else(|| split_glued_wholes(lines[index], columns))
                .or_else(|| {
                    from_heading.and_then(|columns| split_fewest_space_grouped(lines[index], columns))
                });
        } else if let Some(columns) = from_blanks() {
            splits[index] = split_glued_wholes(lines[index], columns);
        }
    }
    for (index, heading) in headings.into_iter().enumerate() {
        if heading.is_none() {
            continue;
        }
        let row_below = (index + 1..lines.len().min(index + 4)).any(|below| splits[below].is_some());
        if row_below && splits[index].is_none() {
            splits[index] = heading;
        }
    }
}

/// How far from a row a blank line may stand to give its cell count, in lines.
const BLANK_REACH: usize = 12;

/// The cells of the nearest blank line of plain spaces within [`BLANK_REACH`] lines of `index`
/// (above first), one space a cell, as the pages that print one row a line with glued figures
/// print their empty rows ("    ": a stub and three value cells). Three cells at least.
fn blank_cells_near(lines: &[&str], index: usize) -> Option<usize> {
    let cells = |at: usize| {
        let line = lines.get(at)?.strip_suffix('\r').unwrap_or(lines[at]);
        (line.len() >= 3 && line.bytes().all(|b| b == b' ')).then_some(line.len())
    };
    (1..=BLANK_REACH).find_map(|step| index.checked_sub(step).and_then(cells).or_else(|| cells(index + step)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which of `lines` are split into a label and figures.
    fn split_lines(lines: &[&str]) -> Vec<bool> {
        let (splits, _) = run_together_lines(lines);
        (0..lines.len()).map(|at| splits.get(at).is_some_and(Option::is_some)).collect()
    }

    #[test]
    fn a_contents_title_longer_than_a_label_keeps_its_page_between_two_entries() {
        // Wild page x4_01 (JV 2005 XIV, contents, lines 54-56): an appendix's title of 170
        // characters, its page glued, between two entries that print theirs.
        let long = " Bijlage Publicatieplicht op grond van de Wet Openbaar- making uit publieke middelen gefinancierde topinkomens bij het departement van Landbouw, Natuur en Voedselkwaliteit144";
        let lines = [
            " Bijlage Opvolging van de aanbeveling van de Algemene Rekenkamer141",
            long,
            " Bijlage Lijst met gebruikte afkortingen145",
        ];
        assert_eq!(split_lines(&lines), [true, true, true]);
    }

    #[test]
    fn prose_longer_than_a_label_ending_in_a_glued_marker_is_no_row() {
        // Review of session 25: a numbered heading, then a paragraph of 230 characters that ends
        // in a note marker glued to its last word; neither is a row of figures.
        let prose = "Met de middelen uit de Regio Deal wordt samen met de provincie en de gemeenten gewerkt aan de brede welvaart in de regio, waarbij de nadruk ligt op de versterking van de economie en de leefbaarheid in het landelijk gebied en de kernen23";
        let lines =
            ["3.2 Beleidsartikel 12", "", prose, "", "Tabel 8 Budgettaire gevolgen (bedragen x € 1.000)"];
        assert_eq!(split_lines(&lines), [false, false, false, false, false]);
    }
}
