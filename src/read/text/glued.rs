//! Rows whose cells were run together: a small HTML table whose text was taken out without any
//! separator between its cells, so that each row is one line with its cells glued
//! ("Datum publicatieOrganisatieVergaderjaarDossier- en ondernummer" over "Tweede Kamer der
//! Staten-Generaal2014-201532620 nr. 148", the page-information table of
//! zoek.officielebekendmakingen.nl as some archives print it).
//!
//! Owns finding such a header line and the row under it, and rewriting both as pipe rows, so
//! that the pipe reading ([`super::pipe`]) reads them as any other table: the header's cells as
//! columns, and a row with fewer cells than columns placed by its rule and flagged (nothing on
//! the line says which cell vanished).
//!
//! Where one cell ends and the next begins, on a line without a separator:
//! - a lower-case letter followed by an upper-case letter that opens a word
//!   ("publicatie|Organisatie");
//! - in the row only, a letter followed by a digit ("Staten-Generaal|2014"), a digit followed by
//!   a capital that opens a word ("22-09-2020|Tweede"), and a parliamentary year "2014-2015"
//!   (any dash) followed by more digits ("2014-2015|32620": a year range never goes on with a
//!   digit).
//!
//! A header line is one with at least two glue points of the first kind, at most
//! [`MAX_LINE_BYTES`] long, without sentence punctuation; the row is the line right under it,
//! with three cells or more, as many as the header or one fewer; the two lines stand alone, with
//! a blank line (or the text's edge) above and below. Prose has no such pair of lines: a capital
//! glued to a lower-case letter twice in one short line is what a lost cell separator leaves.
//! Known limit: a site's menu glued into one line ("HomeNieuwsbriefContact") over a glued line of
//! three cells reads as a table too; its row is one cell short or its cells are text, and it is
//! flagged as any inferred row.

use std::borrow::Cow;

use super::pipe::{PipeBlock, with_lines_replaced};

/// The longest line, in bytes, read as glued cells: these tables are a site's small tables.
const MAX_LINE_BYTES: usize = 160;

/// The text with every glued header line and the row under it rewritten as pipe rows ("Datum
/// publicatie | Organisatie | …|"), line numbers unchanged, and those two lines as a pipe block
/// with one header line. The text itself when there are none.
pub(super) fn as_pipe_rows(text: &str) -> (Cow<'_, str>, Vec<PipeBlock>) {
    // Cheap out: a header needs a lower-case letter glued to an upper-case one.
    if !has_glue_point(text) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut rewritten: Vec<(usize, String)> = Vec::new();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index + 1 < lines.len() {
        let Some(header) = header_cells(lines[index]) else {
            index += 1;
            continue;
        };
        let Some(row) = row_cells(lines[index + 1]) else {
            index += 1;
            continue;
        };
        // The two lines stand alone (a blank line or the text's edge above and below), and at
        // most one cell of the row vanished: a line of a wider glued table (a header's second
        // line over a row of glued figures) is left to the paragraph reading.
        let alone = (index == 0 || lines[index - 1].trim().is_empty())
            && lines.get(index + 2).is_none_or(|below| below.trim().is_empty());
        if !alone || row.len() < 3 || row.len() > header.len() || row.len() + 1 < header.len() {
            index += 1;
            continue;
        }
        rewritten.push((index, as_pipe_line(&header)));
        rewritten.push((index + 1, as_pipe_line(&row)));
        blocks.push(PipeBlock {
            first_line: index + 1,
            last_line: index + 2,
            separator: 1,
            key_value: false,
        });
        index += 2;
    }
    if blocks.is_empty() {
        return (Cow::Borrowed(text), blocks);
    }
    (Cow::Owned(with_lines_replaced(text, &rewritten)), blocks)
}

fn as_pipe_line(cells: &[String]) -> String {
    let mut line = cells.join(" | ");
    line.push_str(" |");
    line
}

/// True when some lower-case letter is followed by an upper-case letter.
fn has_glue_point(text: &str) -> bool {
    let mut previous_lower = false;
    text.chars().any(|c| {
        let glued = previous_lower && c.is_uppercase();
        previous_lower = c.is_lowercase();
        glued
    })
}

/// The cells of a glued header line, or `None` when it is not one.
fn header_cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.len() > MAX_LINE_BYTES
        || !has_glue_point(line)
        || line.contains('|')
        || line.chars().any(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
    {
        return None;
    }
    let cells = split_at(line, &word_glue_points(line));
    (cells.len() >= 3).then_some(cells)
}

/// The cells of the row under a glued header, or `None` when it shows no glue point.
fn row_cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_LINE_BYTES || line.contains('|') {
        return None;
    }
    let mut points = word_glue_points(line);
    points.extend(digit_glue_points(line));
    points.sort_unstable();
    points.dedup();
    let cells = split_at(line, &points);
    (cells.len() >= 2).then_some(cells)
}

/// Byte offsets where a lower-case letter is followed by an upper-case letter that opens a word
/// (another lower-case letter follows it: "publicatie|Organisatie", not "KvK").
fn word_glue_points(line: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase() && w[2].1.is_lowercase())
        .map(|w| w[1].0)
        .collect()
}

/// Byte offsets where a letter is followed by a digit ("Generaal|2014"), a digit by a capital
/// that opens a word ("2020|Tweede"), and where a year range of two consecutive years, with any
/// dash, goes on with a digit ("2014-2015|32620", "2019‒2020|35350").
fn digit_glue_points(line: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut points: Vec<usize> = chars
        .windows(2)
        .filter(|w| w[0].1.is_alphabetic() && w[1].1.is_ascii_digit())
        .map(|w| w[1].0)
        .collect();
    points.extend(
        chars
            .windows(3)
            .filter(|w| w[0].1.is_ascii_digit() && w[1].1.is_uppercase() && w[2].1.is_lowercase())
            .map(|w| w[1].0),
    );
    let year_at = |at: usize| -> Option<u32> {
        let digits = chars.get(at..at + 4)?;
        digits.iter().try_fold(0, |year, &(_, c)| c.to_digit(10).map(|digit| year * 10 + digit))
    };
    for start in 0..chars.len().saturating_sub(9) {
        let starts_a_number = start == 0 || !chars[start - 1].1.is_ascii_digit();
        if starts_a_number
            && matches!(chars[start + 4].1, '-' | '‐' | '‒' | '–' | '—')
            && let (Some(first), Some(second)) = (year_at(start), year_at(start + 5))
            && (1800..2200).contains(&first)
            && second == first + 1
            && chars[start + 9].1.is_ascii_digit()
        {
            points.push(chars[start + 9].0);
        }
    }
    points
}

fn split_at(line: &str, points: &[usize]) -> Vec<String> {
    let mut cells = Vec::with_capacity(points.len() + 1);
    let mut from = 0;
    for &point in points {
        cells.push(line[from..point].trim().to_string());
        from = point;
    }
    cells.push(line[from..].trim().to_string());
    cells.retain(|cell| !cell.is_empty());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_header_and_row_become_pipe_rows() {
        // Wild page q1_04 (zoek.officielebekendmakingen.nl, kst-32620-148), lines 1-4 verbatim and
        // line 6 cut.
        let text = "Kamerstuk\n\nDatum publicatieOrganisatieVergaderjaarDossier- en ondernummer\n\
                    Tweede Kamer der Staten-Generaal2014-201532620 nr. 148\n\n32 620 Beleidsdoelstellingen\n";
        let (rewritten, blocks) = as_pipe_rows(text);
        assert_eq!(blocks, vec![PipeBlock { first_line: 3, last_line: 4, separator: 1, key_value: false }]);
        let lines: Vec<&str> = rewritten.lines().collect();
        assert_eq!(lines.len(), text.lines().count());
        assert_eq!(lines[2], "Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |");
        assert_eq!(lines[3], "Tweede Kamer der Staten-Generaal | 2014-2015 | 32620 nr. 148 |");
        assert_eq!(lines[5], "32 620 Beleidsdoelstellingen");
    }

    #[test]
    fn prose_and_lone_glue_are_left_alone() {
        for text in [
            "De KvK en de iPhone-app.\nNog een zin.\n",
            "Beleidsdoorlichting Politie\n2019 2020\n",
            "Zie ook: bijlage VIIIVerdiepingsbijlage\nTabel 2\n",
            "Datum publicatieOrganisatieVergaderjaar\n\nTweede Kamer2014\n",
            // A menu glued into one line over a row of two cells.
            "HomeNieuwsbriefContact\nStichting Rijksbegroting2021\n",
            // Wild page i2_04, lines 44-46 (cut): a wider glued table's second header line over
            // a row of glued figures.
            "Art.OmschrijvingOorspronkelijk vastgestelde begroting\n  Verplich- tingenUitgavenOntvangstenVerplich-tingenUitgavenOntvang-sten\n TOTAAL35 193 49835 193 498\n",
        ] {
            let (rewritten, blocks) = as_pipe_rows(text);
            assert!(blocks.is_empty(), "{text:?}");
            assert_eq!(rewritten, text);
        }
    }

    #[test]
    fn a_year_range_glued_to_a_number_is_cut_after_the_range() {
        assert_eq!(
            row_cells("Generaal2017-201834845-A nr. 2").unwrap(),
            ["Generaal", "2017-2018", "34845-A nr. 2"]
        );
        assert_eq!(row_cells("Vergaderjaar 2019-2020"), None);
    }
}
