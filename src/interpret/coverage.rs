//! No silent loss: every figure the source prints in a table-like place lands in a cell or is named
//! in a warning.
//!
//! A reader can fail in silence in two ways: it never sees a table at all (a pipe table, rows that
//! run label and figures together on one line, a one-column list of figures), or it rebuilds a
//! table and drops some of what was printed in it. This stage looks at the source again, after the
//! reader, and compares what was printed with what landed in cells:
//! - a run of figures outside every table becomes a [`TableKind::Unrecovered`] table that keeps its
//!   raw lines (so `tables.json` has them) and a `table_not_read` warning with its line range;
//! - figures inside a table's lines that landed in no cell, header, label or note become one
//!   `figure_not_read` warning for that table, naming the lines;
//! - every line printed inside a table that landed nowhere, figure or text, is kept in the table's
//!   `texts_not_placed`, and the table's `texts_printed` counts its lines, for the structure
//!   confidence ([`crate::interpret::confidence`]).
//!
//! What counts as a figure line in flattened text, in this order:
//! 1. a line that is one figure ([`vocabulary::is_figure`]: "1.522", "‒ 21,7", "51%", "2019"),
//!    also between pipes ("587 |", a pipe table printed one cell per line);
//! 2. a pipe-table line (two or more `|`) with a figure in one of its cells;
//! 3. a line that ends in figures after a label ([`run_together::trailing_figures`]:
//!    "Rentebaten 1 204"), but only in a run of at least two such lines, because a single heading
//!    such as "Artikel 31" ends in a number too, and not right above running prose (a heading
//!    again); a line that ends in three number tokens or more is a row on its own and needs no
//!    company;
//!    An amount in brackets (decimals, thousands or a sign: not a year or a column's number)
//!    glued to the line's end ("wetsvoorstel175,1(– 33,6)") counts as one more figure after it;
//! 4. a short line (at most six words) that prints an amount with its unit or a bound: a number
//!    next to "mln.", "mld.", "miljoen", "miljard" or "%", or after "€" ("Ontvangsten: 2 mln.",
//!    "< € 4,5 mln.", "> 50%"), the values of a table whose cells are text; like 3, only in a run
//!    of at least two such lines (a heading may name one amount), and, like 3, not right above
//!    running prose (then it heads the paragraph that explains the amount);
//! 5. a line too long for a row label (over 120 characters) that runs contents entries together:
//!    it ends in a page number after a word, and holds another short number and a section
//!    number ("1.2 Overzicht … 2015 10 1.3 Ontwikkelingen … van het Rijk 16").
//!
//! A short number on its own line followed by a sentence is a note's marker, not a figure
//! ([`vocabulary::is_note_marker_before_text`]).
//!
//! A line counts as accounted for when it is a table's header or caption line (between the
//! table's first line and its first row; not a row run together with three figures or more that
//! a caption or header swallowed, nor in a table of contents an entry with its page glued to it,
//! "Voorwoord5"), the line of a row, a stub cell, a cell or a note (and a
//! note's marker printed on its own line just above the note), or any line of an unrecovered
//! table; a heading line that glues its years together counts as the header's when each of its
//! years is in the header. Known limit: accounting is per line, so a line that holds several
//! figures (a pipe row, a run-together row) counts as read when any of them landed; and figures in
//! running prose ("in 2019 stegen de uitgaven") are not looked at.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use crate::error::{Location, Warning, WarningKind};
use crate::interpret::run_together::{glued_years, runs_contents_entries_together, trailing_figures};
use crate::interpret::vocabulary::{
    has_words, is_figure, is_note_marker_before_text, is_plain_figure, is_sentence, is_short_whole_number,
};
use crate::normalize::unit::parse_unit;
use crate::normalize::{collapse_whitespace, collapsed_whitespace};
use crate::table::{PrintedText, Table, TableKind, renumber_in_print_order};

/// How far apart (in lines) two lost figure lines may be and still belong to one unread table:
/// flattened text puts a blank line between cells, and a label and a whitespace cell between
/// figures of one row.
const RUN_GAP_LINES: usize = 6;

/// Why a source line was taken for table material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FigureLine {
    /// The line is one figure.
    Lone,
    /// A pipe-table line with a figure in a cell.
    Pipe,
    /// A label followed by one or two number tokens on one line.
    Trailing,
    /// A label followed by three number tokens or more on one line: a row, never a heading.
    TrailingRow,
    /// Entries of a table of contents run together on a line too long for a label, ending in a
    /// page number ("1.2 Overzicht … 2015 10 1.3 Ontwikkelingen … van het Rijk 16").
    RunTogetherEntries,
    /// A short line printing an amount with its unit or a bound ("Ontvangsten: 2 mln.").
    Amount,
}

impl FigureLine {
    /// A line of this shape counts only with another such line near it: on its own it may be a
    /// heading that names a number.
    fn needs_company(self) -> bool {
        matches!(self, FigureLine::Trailing | FigureLine::Amount)
    }

    /// Lines of one family keep each other company: a run-together row of two figures beside
    /// one of three is a row too.
    fn family(self) -> FigureLine {
        match self {
            FigureLine::TrailingRow => FigureLine::Trailing,
            other => other,
        }
    }
}

/// A short line (at most six words, 60 characters) with a number printed beside its unit: a unit
/// word after it ([`parse_unit`] reads it: "2 mln.", "50 %", "3 fte"), a "%" or "€" glued to it
/// ("50%", "€4,5"), or "€" before it ("€ 4,5"). That is how a table whose cells are text prints
/// its amounts. Not a bullet of a list ("- € 10 mln. voor politie;", "• …"), a line ending a list
/// item (";"), or a unit line ("Bedragen x € 1.000", "(x € 1 mln)"): those print amounts in prose
/// or say what a table's figures count.
fn is_amount_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || line.chars().count() > 60 {
        return false;
    }
    let bullet = matches!(words[0], "-" | "–" | "•" | "*" | "·");
    let unit_line = line.to_lowercase().contains("bedragen")
        || words.iter().any(|word| matches!(word.trim_start_matches('('), "x" | "×"));
    if bullet || line.ends_with(';') || unit_line {
        return false;
    }
    words.iter().enumerate().any(|(at, word)| {
        is_plain_figure(word.trim_start_matches('€').trim_end_matches([',', ';', ':']))
            && (word.starts_with('€')
                || word.ends_with('%')
                || at.checked_sub(1).is_some_and(|before| matches!(words[before], "€" | "EUR"))
                || words.get(at + 1).is_some_and(|after| parse_unit(after).is_some()))
    })
}

fn classify(line: &str) -> Option<FigureLine> {
    let trimmed = line.trim();
    // Short lines only, and the cheap test first: most lines are prose.
    if trimmed.len() <= 80
        && !trimmed.contains('|')
        && is_amount_line(trimmed)
        && !is_figure(trimmed)
        && trailing_figures(trimmed).is_none()
    {
        return Some(FigureLine::Amount);
    }
    // Every figure line ends in a digit, "%", a star or a pipe; prose and labels mostly do not.
    if !trimmed.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '*' | '|' | ')'))
        && !trimmed.contains('|')
    {
        return None;
    }
    // A cell of a pipe table printed one cell per line ("587 |") is a lone figure too.
    if is_figure(trimmed.trim_matches(|c: char| c == '|' || c.is_whitespace())) {
        return Some(FigureLine::Lone);
    }
    if trimmed.matches('|').count() >= 2 {
        return trimmed.split('|').any(is_figure).then_some(FigureLine::Pipe);
    }
    if let Some((_, tokens)) = trailing_figures(trimmed) {
        return Some(if tokens >= 3 { FigureLine::TrailingRow } else { FigureLine::Trailing });
    }
    // A figure in brackets glued to the end ("Mutatie onderhavig wetsvoorstel175,1(– 33,6)": the
    // second column's figure in brackets, wild page z1_03): the line with it left off ends in
    // figures too, or is a label beside that one figure.
    if let Some(before) = trimmed.strip_suffix(')').and_then(|rest| {
        let (before, inside) = rest.rsplit_once('(')?;
        // An amount: with decimals, thousands or a sign, not a year or a column's number ("(2019)",
        // "Vastgestelde begroting (1)").
        let amount = inside.contains([',', '.', '–', '-', '‒', ' ']);
        (amount && is_figure(&collapse_whitespace(inside).replace(' ', ""))).then_some(before.trim_end())
    }) && before.chars().filter(|c| c.is_alphabetic()).count() >= 2
    {
        let tokens = trailing_figures(before).map_or(1, |(_, tokens)| tokens + 1);
        return Some(if tokens >= 3 { FigureLine::TrailingRow } else { FigureLine::Trailing });
    }
    // Too long for a row label ([`trailing_figures`] stops at 120 characters for a line that runs
    // two contents entries together), ending in a
    // page number after words, not a full stop: entries of a table of contents run together
    // ("1.2 Overzicht … 2015 10 1.3 Ontwikkelingen … van het Rijk 16").
    let last = trimmed.rsplit(char::is_whitespace).next().unwrap_or_default();
    let words = trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    let long_entries = trimmed.chars().count() > 120
        && is_short_whole_number(last)
        && words.ends_with(char::is_alphabetic)
        && runs_contents_entries_together(words);
    long_entries.then_some(FigureLine::RunTogetherEntries)
}

/// The source lines (1-based) that a table accounts for. A line above the first row counts when
/// its text is part of the table's caption or header (a header figure that the header rows
/// dropped does not), but for a row run together with three figures or more, or in a table of
/// contents a line ending in a figure glued to a word, which count only as a heading of glued
/// years each in the header.
fn accounted_lines(table: &Table, lines: &[&str], accounted: &mut BTreeSet<usize>) {
    let Some((first, last)) = table.lines else {
        return;
    };
    if table.kind == TableKind::Unrecovered {
        accounted.extend(first..=last);
        return;
    }
    let first_row_line = table.rows.iter().filter_map(|row| row.line).min().unwrap_or(last + 1);
    let header_text = {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(table.columns.iter().flat_map(|column| column.path.iter().map(String::as_str)));
        parts.extend(
            [&table.title, &table.unit, &table.number, &table.stub_header]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        collapse_whitespace(&parts.join(" | "))
    };
    for line in first..first_row_line.max(first) {
        let text = lines.get(line - 1).map_or("", |text| text.trim());
        let in_header = |piece: &str| header_text.contains(&collapse_whitespace(piece.trim()));
        let read = match classify(text) {
            None => true,
            Some(FigureLine::Pipe) => text.split('|').filter(|cell| is_figure(cell)).all(in_header),
            // A row run together with three figures or more is no header line, even when a
            // caption or header cell swallowed it; nor, in a table of contents (whose header
            // prints no note markers), is a line ending in a figure glued to a word
            // ("Voorwoord5"): it is an entry and its page. Years are a heading's, not a row's.
            Some(FigureLine::TrailingRow) if !ends_in_years(text) => {
                heading_years(text).is_some_and(|years| years.into_iter().all(in_header))
            }
            Some(FigureLine::Trailing)
                if table.kind == TableKind::Contents
                    && ends_in_glued_figure(text)
                    && !ends_in_years(text) =>
            {
                heading_years(text).is_some_and(|years| years.into_iter().all(in_header))
            }
            Some(_) => {
                in_header(text) || heading_years(text).is_some_and(|years| years.into_iter().all(in_header))
            }
        };
        if read {
            accounted.insert(line);
        }
    }
    for row in &table.rows {
        accounted.extend(row.line);
        accounted.extend(row.stub.iter().filter_map(|cell| cell.line));
        accounted.extend(row.cells.iter().filter_map(|cell| cell.line));
    }
    accounted.extend(table.notes.iter().filter_map(|note| note.line));
}

/// True for a line whose trailing figures are all years ("… van het Rijk2007", "2019 2020 2021").
fn ends_in_years(text: &str) -> bool {
    trailing_figures(text)
        .is_some_and(|(start, _)| text[start..].split_whitespace().all(crate::interpret::vocabulary::is_year))
}

/// True for a line that ends in a figure glued to a letter ("Voorwoord5", "Fondsen969").
fn ends_in_glued_figure(text: &str) -> bool {
    trailing_figures(text).is_some_and(|(start, _)| text[..start].ends_with(char::is_alphabetic))
}

/// The years of a heading line that glues them together ("200520062007"), which land in the
/// header one by one.
fn heading_years(text: &str) -> Option<Vec<&str>> {
    let heading = glued_years(text)?;
    Some(heading.figures.iter().map(|range| &text[range.clone()]).collect())
}

/// The lines of notes whose marker is printed as a paragraph of its own above the note's text
/// ("1", a blank line, then the text): the marker line is part of the note, and so is the word
/// a site prints over the marker ("X Noot", [`crate::interpret::vocabulary::is_note_heading`]).
fn note_marker_lines(table: &Table, lines: &[&str], accounted: &mut BTreeSet<usize>) {
    let line_text = |line: usize| line.checked_sub(1).and_then(|at| lines.get(at)).map(|text| text.trim());
    for note in &table.notes {
        let Some(text_line) = note.line else { continue };
        for marker_line in text_line.saturating_sub(2)..text_line {
            if line_text(marker_line) == Some(note.marker.as_str()) {
                accounted.insert(marker_line);
                if let Some(heading_line) = marker_line.checked_sub(1)
                    && line_text(heading_line).is_some_and(crate::interpret::vocabulary::is_note_heading)
                {
                    accounted.insert(heading_line);
                }
            }
        }
    }
}

/// The most lines of one table looked up by their text (a search through the table's texts each):
/// beyond this the audit of that table gives up (it counts nothing, and lowers no confidence), so
/// a hostile table cannot make the audit quadratic.
const MOST_TEXT_LOOKUPS: usize = 500;

/// Counts the lines printed inside `table` and keeps those that landed in no cell, header, label,
/// caption or note ([`Table::texts_not_placed`], [`Table::texts_printed`]). The lines looked at
/// run from the first line that landed to the last one (a heading just above the caption or
/// below the last row is no part of the table); blank lines and a pipe table's separator (pipes,
/// dashes and colons) are no texts. A line landed when a row, cell or note stands on it, or when
/// its text (also without a footnote marker glued to a word at its end, "Kaderwet1") is part
/// of the caption, a column header, a label, a cell or a note (a header cell or label printed
/// over two lines), or it holds the title or the unit (a caption line that also prints the number
/// or "Bedragen"). A pipe line landed when each of its cells did.
fn audit_printed_texts(table: &mut Table, lines: &[&str], claimed_by_others: &BTreeSet<usize>) {
    let Some((first, last)) = table.lines else { return };
    let last = last.min(lines.len());
    if table.kind == TableKind::Unrecovered || first == 0 || first > last {
        return;
    }
    // Lines a row, cell or note stands on, over the table's range.
    let mut claimed = vec![false; last - first + 1];
    let mut claim = |line: usize| {
        if (first..=last).contains(&line) {
            claimed[line - first] = true;
        }
    };
    for row in &table.rows {
        row.line
            .into_iter()
            .chain(row.stub.iter().chain(&row.cells).filter_map(|cell| cell.line))
            .for_each(&mut claim);
    }
    let mut note_lines = BTreeSet::new();
    note_marker_lines(table, lines, &mut note_lines);
    table.notes.iter().filter_map(|note| note.line).chain(note_lines).for_each(&mut claim);
    // What the caption and header hold is looked through first (most lines no row claims are
    // header cells); the rows' and notes' texts only when that fails, built once.
    let caption_and_header = {
        let mut pieces: Vec<&str> = [&table.title, &table.unit, &table.number, &table.stub_header]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        pieces.extend(table.columns.iter().flat_map(|column| column.path.iter().map(String::as_str)));
        collapse_whitespace(&pieces.join(" | "))
    };
    let mut body: Option<String> = None;
    let caption_pieces: Vec<String> = [&table.title, &table.unit]
        .into_iter()
        .flatten()
        .map(|piece| collapse_whitespace(piece))
        .filter(|piece| piece.chars().count() >= 4)
        .collect();
    let mut lookups = 0;
    let mut gave_up = false;
    let rows = &table.rows;
    let notes = &table.notes;
    let mut found = |text: &str| {
        let collapsed = collapse_whitespace(text);
        if collapsed.is_empty() {
            return true;
        }
        lookups += 1;
        if lookups > MOST_TEXT_LOOKUPS {
            gave_up = true;
            return true;
        }
        // A footnote marker glued to a word ("Kaderwet1", "onderzoeken*"), never the digits of
        // a figure ("1.522").
        let stripped = collapsed.trim_end_matches(|c: char| c.is_ascii_digit() || c == '*');
        let without_marker =
            if stripped.ends_with(|c: char| c.is_alphabetic() || c == ')') { stripped } else { "" };
        let in_text = |haystack: &str| {
            haystack.contains(&collapsed) || (!without_marker.is_empty() && haystack.contains(without_marker))
        };
        in_text(&caption_and_header)
            || caption_pieces.iter().any(|piece| collapsed.contains(piece.as_str()))
            || in_text(body.get_or_insert_with(|| {
                let mut pieces: Vec<&str> = Vec::new();
                for row in rows {
                    pieces.push(&row.label);
                    pieces.extend(row.stub.iter().chain(&row.cells).map(|cell| cell.text.as_str()));
                }
                pieces.extend(notes.iter().map(|note| note.text.as_str()));
                collapse_whitespace(&pieces.join(" | "))
            }))
    };
    // (line, landed) for every text line of the table's range.
    let mut texts: Vec<(usize, bool)> = Vec::new();
    for line in first..=last {
        let text = lines[line - 1].trim();
        // Blank lines and a pipe table's separator ("|---|:--|") are no texts; a lone "-" is a
        // nil cell. A line another table's rows stand on is that table's (a key/value block
        // inside the lines a paragraph reading spans).
        let separator = text.contains('|') || text.len() >= 3;
        if text.is_empty()
            || (separator && text.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')))
            || (!claimed[line - first] && claimed_by_others.contains(&line))
        {
            continue;
        }
        let landed = claimed[line - first]
            || if text.matches('|').count() >= 2 {
                text.split('|').map(str::trim).filter(|cell| !cell.is_empty()).all(&mut found)
            } else {
                found(text)
                    || heading_years(text).is_some_and(|years| years.into_iter().all(&mut found))
                    || header_words_landed(text, &caption_and_header)
            };
        texts.push((line, landed));
    }
    if gave_up {
        // Too many lines to look up: the audit says nothing rather than count lines as lost.
        return;
    }
    let from = texts.iter().position(|&(_, landed)| landed).unwrap_or(texts.len());
    let to = texts.iter().rposition(|&(_, landed)| landed).map_or(from, |at| at + 1);
    let inside = &texts[from..to.max(from)];
    table.texts_printed = inside.len();
    table.texts_not_placed = inside
        .iter()
        .filter(|(_, landed)| !landed)
        .map(|&(line, _)| PrintedText { line, text: lines[line - 1].trim().to_string() })
        .collect();
}

/// True when another table's rows stand on a line within the range of lines of table `index`
/// (cheap: most documents print their tables one after another).
fn tables_overlap(row_lines: &[BTreeSet<usize>], index: usize) -> bool {
    let Some((&first, &last)) = row_lines[index].first().zip(row_lines[index].last()) else { return false };
    row_lines
        .iter()
        .enumerate()
        .any(|(other, set)| other != index && set.range(first..=last).next().is_some())
}

/// True when a line of two or more words, each a header cell of its own, landed in the header:
/// a header row printed on one line with one space between its cells (" Realisatie
/// Geactualiseerd     ", under a heading of glued years).
fn header_words_landed(text: &str, caption_and_header: &str) -> bool {
    let cells: Vec<&str> = caption_and_header.split(" | ").collect();
    has_words(text, 2) && text.split_whitespace().all(|word| cells.contains(&word))
}

/// Audits a flattened-text document after its reader: adds an unrecovered table (with a
/// `table_not_read` warning) for every run of figures outside every table, and a
/// `figure_not_read` warning for figures inside a table's lines that landed nowhere. Tables are
/// re-indexed in print order and the table indexes of `warnings` follow them.
pub fn audit_flattened_text(source: &str, tables: &mut Vec<Table>, warnings: &mut Vec<Warning>) {
    let lines: Vec<&str> = source.lines().collect();
    // The lines each table's rows stand on, to leave out of every other table's audit.
    let row_lines: Vec<BTreeSet<usize>> = tables
        .iter()
        .map(|table| {
            table
                .rows
                .iter()
                .flat_map(|row| {
                    row.line.into_iter().chain(row.stub.iter().chain(&row.cells).filter_map(|cell| cell.line))
                })
                .collect()
        })
        .collect();
    for (index, table) in tables.iter_mut().enumerate() {
        let others: BTreeSet<usize> = if tables_overlap(&row_lines, index) {
            row_lines
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .flat_map(|(_, set)| set.iter().copied())
                .collect()
        } else {
            BTreeSet::new()
        };
        audit_printed_texts(table, &lines, &others);
    }
    let mut accounted = BTreeSet::new();
    for table in tables.iter() {
        accounted_lines(table, &lines, &mut accounted);
        note_marker_lines(table, &lines, &mut accounted);
    }
    super::unsplit_figures::name_labels_with_unsplit_digits(tables, warnings);
    super::unsplit_figures::name_contents_entries_run_together(tables, warnings);
    let next_text = |index: usize| lines[index + 1..].iter().map(|l| l.trim()).find(|l| !l.is_empty());
    // Lines a table accounts for are not looked at again (most figure lines are cells).
    let lost: Vec<(usize, FigureLine)> = lines
        .iter()
        .enumerate()
        .filter(|&(index, _)| !accounted.contains(&(index + 1)))
        .filter_map(|(index, line)| classify(line).map(|shape| (index, shape)))
        .filter(|&(index, _)| !is_note_marker_before_text(lines[index], next_text(index)))
        .filter(|&(index, shape)| !shape.needs_company() || !next_text(index).is_some_and(is_sentence))
        .map(|(index, shape)| (index + 1, shape))
        .collect();
    if lost.is_empty() {
        return;
    }
    // Table line ranges sorted by their first line, for binary search (the regions of one text
    // do not overlap); every look-up below is logarithmic, so the audit stays linear-ish on
    // inputs with many tables and many lost lines.
    let mut ranges: Vec<(usize, usize, usize)> = tables
        .iter()
        .enumerate()
        .filter_map(|(index, table)| table.lines.map(|(first, last)| (first, last, index)))
        .collect();
    ranges.sort_unstable();
    let range_at = |line: usize| {
        let after = ranges.partition_point(|&(first, _, _)| first <= line);
        after.checked_sub(1).map(|i| ranges[i]).filter(|&(_, last, _)| line <= last)
    };
    let inside = |line: usize| {
        range_at(line)
            .map(|(_, _, index)| index)
            .filter(|&index| tables[index].kind != TableKind::Unrecovered)
    };
    let mut dropped_in_table: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut outside: Vec<(usize, FigureLine)> = Vec::new();
    for &(line, shape) in &lost {
        match inside(line) {
            // In a table of contents a title with its page glued to it ("Voorwoord5") needs no
            // company: a heading that names a number prints a space before it ("Artikel 31").
            Some(table)
                if !shape.needs_company()
                    || (tables[table].kind == TableKind::Contents
                        && ends_in_glued_figure(lines[line - 1].trim())
                        && !ends_in_years(lines[line - 1].trim()))
                    || lost_neighbour_of_its_shape(&lost, line, shape) =>
            {
                match dropped_in_table.last_mut().filter(|(t, _)| *t == table) {
                    Some((_, found)) => found.push(line),
                    None => dropped_in_table.push((table, vec![line])),
                }
            }
            Some(_) => {}
            None => outside.push((line, shape)),
        }
    }
    for (table_index, found) in dropped_in_table {
        let named =
            first_five(found.iter().map(|&line| format!("line {line} \"{}\"", lines[line - 1].trim())));
        warnings.push(Warning::new(
            WarningKind::FigureNotRead,
            Location::table(table_index, found.first().copied()),
            format!(
                "{} figure line(s) printed inside this table landed in no cell, header, label or note: {named}",
                found.len()
            ),
        ));
    }
    let unread = unread_runs(&outside, |from, to| {
        let after = ranges.partition_point(|&(first, _, _)| first <= to);
        after.checked_sub(1).is_some_and(|i| ranges[i].1 >= from)
    });
    if unread.is_empty() {
        return;
    }
    let new_tables: Vec<Table> = unread
        .into_iter()
        .map(|(first, last, figures)| Table {
            kind: TableKind::Unrecovered,
            lines: Some((first, last)),
            raw_lines: lines[first - 1..last].iter().map(|line| line.to_string()).collect(),
            title: Some(format!("figures on lines {first}–{last} ({figures} figure lines) read as no table")),
            ..Table::default()
        })
        .collect();
    insert_in_print_order(tables, new_tables, warnings);
}

/// The first five of `items` joined with commas, and how many more there are ("…, line 9 \"x\"
/// and 3 more"): a warning names a few places, not all of them.
pub(super) fn first_five(items: impl ExactSizeIterator<Item = String>) -> String {
    let total = items.len();
    let named: Vec<String> = items.take(5).collect();
    let more = if total > 5 { format!(" and {} more", total - 5) } else { String::new() };
    format!("{}{more}", named.join(", "))
}

/// True when a lost line of a shape that needs company (a run-together line, an amount line) has
/// another lost line of that shape within the run gap: a single one is more likely a heading that
/// ends in a number.
fn lost_neighbour_of_its_shape(lost: &[(usize, FigureLine)], line: usize, shape: FigureLine) -> bool {
    // `lost` is in line order: only the lines within the gap around `line` are looked at.
    let from = lost.partition_point(|&(other, _)| other + RUN_GAP_LINES < line);
    lost[from..]
        .iter()
        .take_while(|&&(other, _)| other <= line + RUN_GAP_LINES)
        .any(|&(other, other_shape)| other != line && other_shape.family() == shape.family())
}

/// Groups lost figure lines outside tables into runs (first line, last line, figure lines); a run
/// never spans a table (`crosses_table`), and a run of only lines that need company (run-together
/// lines, amount lines) needs two of one shape.
fn unread_runs(
    outside: &[(usize, FigureLine)],
    crosses_table: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut runs: Vec<Vec<(usize, FigureLine)>> = Vec::new();
    for &(line, shape) in outside {
        match runs.last_mut() {
            Some(run)
                if line - run.last().map_or(line, |last| last.0) <= RUN_GAP_LINES
                    && !crosses_table(run[0].0, line) =>
            {
                run.push((line, shape))
            }
            _ => runs.push(vec![(line, shape)]),
        }
    }
    runs.into_iter()
        .filter(|run| {
            run.iter().any(|&(_, shape)| !shape.needs_company())
                || [FigureLine::Trailing, FigureLine::Amount]
                    .iter()
                    .any(|wanted| run.iter().filter(|(_, shape)| shape.family() == *wanted).count() >= 2)
        })
        .map(|run| (run[0].0, run[run.len() - 1].0, run.len()))
        .collect()
}

/// Adds the unread tables after the existing ones, each with a `table_not_read` warning, and
/// puts them all in print order ([`renumber_in_print_order`]).
fn insert_in_print_order(tables: &mut Vec<Table>, added: Vec<Table>, warnings: &mut Vec<Warning>) {
    for mut table in added {
        table.index = tables.len();
        let (first, last) = table.lines.unwrap_or_default();
        warnings.push(Warning::new(
            WarningKind::TableNotRead,
            Location::table(table.index, Some(first)),
            format!(
                "lines {first}–{last} print figures that no table was read from; their raw lines are kept in this unrecovered table: \"{}\"",
                preview(&table.raw_lines)
            ),
        ));
        tables.push(table);
    }
    renumber_in_print_order(tables, warnings);
}

/// The first non-blank raw lines, shortened, for a warning a person reads.
fn preview(raw_lines: &[String]) -> String {
    let joined =
        raw_lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).take(6).collect::<Vec<_>>().join(" / ");
    let collapsed = collapse_whitespace(&joined);
    if collapsed.chars().count() > 120 {
        format!("{}…", collapsed.chars().take(120).collect::<String>())
    } else {
        collapsed
    }
}

/// The figures printed in a table's source (an HTML grid's cells, say) that are in none of the
/// rebuilt table's texts: cells, stub cells, header paths, caption and notes. Compared as
/// multisets of whitespace-collapsed texts, so a figure printed twice must land twice.
pub fn figures_missing_from(printed: &[&str], table: &Table) -> Vec<String> {
    // Most printed cells are not figures: the test runs on the trimmed text before any copy.
    let printed_figures: Vec<Cow<'_, str>> =
        printed.iter().filter(|text| is_figure(text)).map(|text| collapsed_whitespace(text.trim())).collect();
    if printed_figures.is_empty() {
        return Vec::new();
    }
    // How often each printed figure's text stands among the table's own texts, counted only for
    // the figures printed (a text that is no printed figure can match none).
    let mut available: HashMap<&str, usize> = printed_figures.iter().map(|key| (key.as_ref(), 0)).collect();
    let mut add = |text: &str| {
        let key = collapsed_whitespace(text.trim());
        if let Some(count) = available.get_mut(key.as_ref()) {
            *count += 1;
        }
    };
    for row in &table.rows {
        row.stub.iter().chain(&row.cells).for_each(|cell| add(&cell.text));
    }
    table.columns.iter().flat_map(|column| &column.path).for_each(|part| add(part));
    for text in [&table.title, &table.unit, &table.number, &table.stub_header].into_iter().flatten() {
        add(text);
    }
    table.notes.iter().for_each(|note| add(&note.text));
    // Built only when a figure is not found as a text of its own (rare).
    let all_text = std::cell::OnceCell::new();
    let all_text_of = || {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(table.title.as_deref());
        parts.extend(table.unit.as_deref());
        parts.extend(table.notes.iter().map(|note| note.text.as_str()));
        parts.extend(table.columns.iter().flat_map(|column| column.path.iter().map(String::as_str)));
        parts.extend(table.rows.iter().flat_map(|row| row.stub.iter().map(|cell| cell.text.as_str())));
        collapse_whitespace(&parts.join(" "))
    };
    let mut missing = Vec::new();
    for key in &printed_figures {
        match available.get_mut(key.as_ref()) {
            Some(count) if *count > 0 => *count -= 1,
            // A figure that is part of a longer caption, header or label text ("Tabel 2 … 2019")
            // was read, as part of that text.
            _ if all_text.get_or_init(all_text_of).contains(key.as_ref()) => {}
            _ => missing.push(key.to_string()),
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Cell, Row};

    #[test]
    fn glued_figures_and_trailing_years() {
        assert!(ends_in_glued_figure("Voorwoord5"));
        assert!(!ends_in_glued_figure("Artikel 31"));
        assert!(!ends_in_glued_figure("Inleiding"));
        assert!(ends_in_years("Financieel jaarverslag van het Rijk2007"));
        assert!(ends_in_years("Raming 2019 2020 2021"));
        assert!(!ends_in_years("Voorwoord5"));
        assert!(!ends_in_years("Belastingen 130 891 134 967"));
    }

    #[test]
    fn a_bracketed_amount_glued_to_a_line_is_a_figure_but_a_year_or_column_number_is_not() {
        // Wild page z1_03, line 36; the review's made-up headings.
        assert_eq!(classify("Mutatie onderhavig wetsvoorstel175,1(– 33,6)"), Some(FigureLine::Trailing));
        assert_eq!(
            classify("1. Mutatie verwerkt in de Miljoenennota 2007217,1(60,8)"),
            Some(FigureLine::Trailing)
        );
        assert_eq!(classify("Beleidsdoorlichting artikel 3 (2019)"), None);
        assert_eq!(classify("Vastgestelde begroting (1)"), None);
    }

    fn table_on_lines(first: usize, last: usize, rows: Vec<Row>) -> Table {
        Table { lines: Some((first, last)), rows, ..Table::default() }
    }

    #[test]
    fn figures_outside_every_table_become_an_unread_table() {
        let source = "Tekst\n\nUitgaven\n\n1.522\n\nOntvangsten\n\n30\n\nMeer tekst over het beleid.\n";
        let mut tables = Vec::new();
        let mut warnings = Vec::new();
        audit_flattened_text(source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].kind, TableKind::Unrecovered);
        assert_eq!(tables[0].lines, Some((5, 9)));
        assert_eq!(tables[0].raw_lines, vec!["1.522", "", "Ontvangsten", "", "30"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::TableNotRead);
        assert_eq!(warnings[0].location.table_index, Some(0));
        assert_eq!(warnings[0].location.line, Some(5));
    }

    #[test]
    fn a_row_of_glued_figures_and_contents_entries_run_together_are_named() {
        // Wild page i2_04 (line 46): a budget statement's only complete row, its figures glued
        // together; no table was read, and one run-together line of three figures or more is
        // a row, not a heading.
        let source = "Tekst.

 TOTAAL35 193 49835 193 49824 005 8395 594 3725 594 3721 141 708

Meer tekst over het beleid.
";
        let (mut tables, mut warnings) = (Vec::new(), Vec::new());
        audit_flattened_text(source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 1, "{warnings:?}");
        assert_eq!(tables[0].lines, Some((3, 3)));
        // Wild page i1_08 (line 68): two contents entries on a line too long for a label, right
        // after a table of contents.
        let long = "1.2 Overzicht van gevonden fouten in de Rijksrekening 2015 10 1.3 Ontwikkelingen op het gebied van de rechtmatigheid van de uitgaven van het Rijk 16";
        let source = format!("Inhoud\n\nVoorwoord\n\n4\n\n{long}\n");
        let mut row = Row::printed("Voorwoord", &["4"]);
        row.line = Some(3);
        row.cells[0].line = Some(5);
        let (mut tables, mut warnings) = (vec![table_on_lines(1, 5, vec![row])], Vec::new());
        audit_flattened_text(&source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 2, "{warnings:?}");
        assert_eq!(tables[1].lines, Some((7, 7)));
        // A heading that ends in a number, far from any table, stays a heading.
        let (mut tables, mut warnings) = (Vec::new(), Vec::new());
        audit_flattened_text(
            "Artikel 31\n\nTekst over het beleid van dit artikel.\n",
            &mut tables,
            &mut warnings,
        );
        assert!(tables.is_empty());
    }

    #[test]
    fn a_table_that_holds_its_figures_gives_no_warning_and_later_tables_move_up() {
        let source = "1.522\n\n| a | 7 |\n\nkop\n\nLabel\n\n30\n";
        let mut row = Row::printed("Label", &["30"]);
        row.line = Some(7);
        row.stub[0].line = Some(7);
        row.cells[0].line = Some(9);
        let mut tables = vec![table_on_lines(5, 9, vec![row])];
        let mut warnings = vec![Warning::new(WarningKind::RaggedRow, Location::table(0, Some(7)), "x")];
        audit_flattened_text(source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 2, "the lone figure and the pipe line are one unread run");
        assert_eq!(tables[0].kind, TableKind::Unrecovered);
        assert_eq!(tables[0].lines, Some((1, 3)));
        assert_eq!(tables[1].index, 1);
        assert_eq!(warnings[0].location.table_index, Some(1), "the old table's warning follows it");
    }

    #[test]
    fn a_figure_dropped_inside_a_table_is_named() {
        let source = "Label\n\n30\n\n40\n";
        let mut row = Row::printed("Label", &["30"]);
        row.line = Some(1);
        row.cells[0].line = Some(3);
        let mut tables = vec![table_on_lines(1, 5, vec![row])];
        let mut warnings = Vec::new();
        audit_flattened_text(source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::FigureNotRead);
        assert!(warnings[0].message.contains("line 5 \"40\""), "{}", warnings[0].message);
    }

    #[test]
    fn one_heading_ending_in_a_number_is_not_a_table_but_two_run_together_rows_are() {
        let mut tables = Vec::new();
        let mut warnings = Vec::new();
        audit_flattened_text("Artikel 31\n\nDit artikel gaat over de politie.\n", &mut tables, &mut warnings);
        assert!(tables.is_empty() && warnings.is_empty());
        audit_flattened_text("Rentebaten 1 204\nRentelasten 3 312\n", &mut tables, &mut warnings);
        assert_eq!(tables.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::TableNotRead);
    }

    #[test]
    fn amounts_printed_with_their_unit_are_a_table_of_text_values_nobody_read() {
        // The tolerance table of the Infrastructuurfonds OWB 2016 (fixtures/wild/dev/c7_01.txt,
        // lines 18-36): every value is an amount with its bound and unit, none a bare figure.
        let source = "Begrotingsbedrag\n\nVerschil\n\n< € 4,5 mln.\n\n> 50%\n\n€ 4,5 – € 22,5 mln.\n\n> € 2,5 mln.\n\n\
                      > € 22,5 mln.\n\n> 10%\n";
        let mut tables = Vec::new();
        let mut warnings = Vec::new();
        audit_flattened_text(source, &mut tables, &mut warnings);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].lines, Some((5, 15)));
        assert_eq!(warnings[0].kind, WarningKind::TableNotRead);
        assert!(is_amount_line("Verplichtingen/Uitgaven: 1 mln."));
        // A bullet of a list, the end of a list item and a unit line print amounts too.
        assert!(!is_amount_line("- € 10 mln. voor politie;"));
        assert!(!is_amount_line("Bedragen x € 1.000"));
        assert!(!is_amount_line("(x € 1 mln)"));
        assert!(!is_amount_line("Het restant van € 0,2 mln. uit het budget 2011 valt in 2012 vrij."));
    }

    #[test]
    fn headings_that_name_an_amount_or_a_number_above_prose_are_no_table() {
        // A jaarverslag's explanation of baten (fixtures/wild/dev/c7_14.txt, lines 229-235) and the
        // articles of a suppletoire wet (c6_11.txt, lines 12-18): each line above a paragraph.
        let explanations = "Vrijval Voorziening (+ € 0,2 mln.)\n\nDit jaar vallen drie voorzieningen geheel of \
                            gedeeltelijk vrij, per saldo € 0,3 mln. tegenover een raming van € 0,1 mln. Het \
                            voorzieningenoverzicht bij de toelichting op de balans geeft de details.\n\nBijzondere \
                            Baten (+ € 0,4 mln.)\n\nHet restant van € 0.2 mln. uit het budget 2011 voor het \
                            Sociaal Flankerend Beleid valt in 2012 vrij. Verder heeft DRZ € 0,2 mln. ontvangen \
                            uit de verkoop van activa in 2011.\n";
        let articles = "Artikel 1\nDe bij deze wet horende staat laat zien hoe de departementale begrotingsstaat\n\
                        van het Infrastructuurfonds voor 2009 wordt aangepast.\nArtikel 2\nDe in artikel 1 \
                        genoemde begrotingsstaat wordt vastgesteld in\nduizenden euro’s.\nArtikel 3\nDeze wet \
                        gaat in op 1 december van het lopende begrotingsjaar. Verschijnt\n";
        for source in [explanations, articles] {
            let mut tables = Vec::new();
            let mut warnings = Vec::new();
            audit_flattened_text(source, &mut tables, &mut warnings);
            assert!(tables.is_empty() && warnings.is_empty(), "{source}: {warnings:?}");
        }
    }

    #[test]
    fn missing_figures_are_a_multiset_difference() {
        let mut row = Row::printed("Uitgaven", &["1.522", "30"]);
        row.cells.push(Cell::printed("", None));
        let table = Table { rows: vec![row], title: Some("Begroting 2019".into()), ..Table::default() };
        assert!(figures_missing_from(&["1.522", "30", "2019", "tekst"], &table).is_empty());
        assert_eq!(figures_missing_from(&["1.522", "1.522"], &table), vec!["1.522"]);
    }
}
