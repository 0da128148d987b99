//! Paragraphs: the flattened text cut into lines, each line classified by what it can be.
//!
//! Owns the one pass over the raw text: every non-blank line becomes a [`Paragraph`] with its
//! 1-based line number, whether it is *attached* (the line right above it is not blank: the
//! single-newline join that usually marks a row boundary), and its [`ParagraphKind`]. What a
//! text can be ("is this a figure?", "is this a unit line?") is [`super::printed`]'s. It decides
//! nothing about tables, but for one kind its neighbours decide: a bound (">95%") is a value
//! after a value of its row and a text where it names a row ([`bounds_after_values_are_values`]).
//! Lines that run a label and its figures together are cut into several paragraphs, where
//! [`super::line_splits`] decides; in a block of contents entries printed one a line an entry
//! without its page gets an empty cell, one a line, as the entries with a page get theirs.
//!
//! Paragraphs borrow their text from the input.

use super::line_splits::run_together_lines;
use super::printed::{is_bound, is_value, is_year_like};

/// One non-blank line of the input, borrowed from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The line as printed (not trimmed).
    pub raw: &'a str,
    /// The line trimmed of every kind of white space (U+00A0 included).
    pub text: &'a str,
    /// True when the line above is a non-blank line: the two were joined by a single newline.
    pub attached: bool,
    /// What the line can be.
    pub kind: ParagraphKind,
    /// How many empty cells the line stands for, under one cell per space and under 2N−1
    /// spaces per N cells; 0 unless it is whitespace. Counted once, asked for very often.
    empty_cells: [usize; 2],
    /// [`is_year_like`] of the text, asked once.
    year_like: bool,
    /// True for a figure split off a line that ran its label and figures together where the
    /// print leaves the split point open ([`crate::interpret::run_together::split_run_together`]).
    pub split_uncertain: bool,
    /// True for a figure cut out of a run of figures that print their thousands with spaces
    /// where the groups could be cut in more than one way
    /// ([`crate::interpret::run_together::split_space_grouped`]).
    pub grouping_uncertain: bool,
    /// On the first cell after a separator line ("---|---|") of a table printed one cell per
    /// line: the line where the header row right above the separator starts. A separator
    /// closes a header, so the cells from that line on open a new table
    /// ([`header_above_separator`]).
    pub header_above_from: Option<usize>,
}

/// What a paragraph can be, judged on its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Only white space: one or more empty cells (how many depends on the table's convention).
    Whitespace,
    /// A figure or another short cell value ("1.522", "‒ 21,7", "51%", "n.v.t.", "-", "2.357.").
    Value,
    /// Any other text: labels, headers, captions, headings, prose.
    Text,
}

impl<'a> Paragraph<'a> {
    /// True for a whitespace-only paragraph.
    pub fn is_whitespace(&self) -> bool {
        self.kind == ParagraphKind::Whitespace
    }

    /// True for a value paragraph.
    pub fn is_value(&self) -> bool {
        self.kind == ParagraphKind::Value
    }

    /// True for a text paragraph.
    pub fn is_text(&self) -> bool {
        self.kind == ParagraphKind::Text
    }

    /// How many empty cells a whitespace paragraph stands for under `convention`; 0 for others.
    pub fn empty_cells(&self, convention: SpaceConvention) -> usize {
        match convention {
            SpaceConvention::OnePerCell => self.empty_cells[0],
            SpaceConvention::TwoMinusOne => self.empty_cells[1],
        }
    }

    /// True when the text is a year or a year range ([`is_year_like`]).
    pub fn is_year_like(&self) -> bool {
        self.year_like
    }

    fn new(line: usize, raw: &'a str, text: &'a str, attached: bool) -> Self {
        let year_like = is_year_like(text);
        let kind = if text.is_empty() {
            ParagraphKind::Whitespace
        } else if year_like || is_value(text) {
            // A year range ("2020 ‒ 2034") heads a column of figures like a year does.
            ParagraphKind::Value
        } else {
            ParagraphKind::Text
        };
        let empty_cells = if kind == ParagraphKind::Whitespace { count_empty_cells(raw) } else { [0, 0] };
        Paragraph {
            line,
            raw,
            text,
            attached,
            kind,
            empty_cells,
            year_like,
            split_uncertain: false,
            grouping_uncertain: false,
            header_above_from: None,
        }
    }
}

/// The empty cells a whitespace line stands for: [one per space, 2N−1 spaces per N cells].
fn count_empty_cells(raw: &str) -> [usize; 2] {
    let nbsp = raw.chars().filter(|&c| c == '\u{a0}').count();
    if nbsp > 0 {
        // The seed's style: "\u{a0} " once per empty cell, whatever the convention.
        return [nbsp, nbsp];
    }
    let spaces = raw.chars().filter(|c| c.is_whitespace()).count().max(1);
    [spaces, spaces.div_ceil(2)]
}

/// How a table writes runs of empty cells as one whitespace line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpaceConvention {
    /// N spaces for N empty cells.
    OnePerCell,
    /// 2N−1 spaces for N empty cells (cells joined by single spaces).
    TwoMinusOne,
}

/// True when the paragraph is a whole line (not one cell of a pipe-table line).
pub fn whole_line(paragraphs: &[Paragraph<'_>], index: usize) -> bool {
    let line = paragraphs[index].line;
    let before = index.checked_sub(1).is_some_and(|i| paragraphs[i].line == line);
    let after = paragraphs.get(index + 1).is_some_and(|p| p.line == line);
    !before && !after
}

/// The first paragraph after `index` that is not whitespace: what a paragraph is followed by.
pub fn next_printed<'p, 'a>(paragraphs: &'p [Paragraph<'a>], index: usize) -> Option<&'p Paragraph<'a>> {
    next_printed_index(paragraphs, index).map(|at| &paragraphs[at])
}

/// The index of the next paragraph after `index` that is not whitespace.
pub fn next_printed_index(paragraphs: &[Paragraph], index: usize) -> Option<usize> {
    (index + 1..paragraphs.len()).find(|&at| !paragraphs[at].is_whitespace())
}

/// Cuts the text into paragraphs. Blank lines ("") only separate; a line holding only spaces or
/// U+00A0 is a whitespace paragraph.
///
/// A pipe-table line ("| Uitgaven | 1.522 | ‒ 21,7 |") is cut into one paragraph per cell, all
/// with the line's number; its first cell is attached (a row boundary, like a single newline)
/// and an empty cell is a whitespace paragraph of one cell. Separator lines ("|---|---|",
/// "---|---|") are skipped. A line of a table printed one cell per line ("587 |") is one
/// paragraph, not attached; a line of pipes alone ("|", "||") ends the row, so the cell after it
/// is attached.
pub fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    // Each line without its line break, cut once for every step below.
    let lines: Vec<&str> = text.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line)).collect();
    // One paragraph a line at most, but for pipe-table lines and run-together rows.
    let mut out = Vec::with_capacity(lines.len());
    let mut previous_blank = true;
    // After a line of pipes alone, in a table printed one cell per line.
    let mut row_ended = false;
    let (run_together, contents) = run_together_lines(&lines);
    // At each separator line of a table printed one cell per line: how many paragraphs there
    // were, and the line its header starts on; the next paragraph gets that line.
    let mut separated_headers: Vec<(usize, usize)> = Vec::new();
    for (index, &raw) in lines.iter().enumerate() {
        if raw.is_empty() {
            previous_blank = true;
            continue;
        }
        if let Some(Some(split)) = run_together.get(index) {
            let trimmed = raw.trim_end_matches('\r');
            // An empty label or figure (a heading's blank stub header, a trailing space of a
            // glued row) is one empty cell.
            let label = trimmed[split.label.clone()].trim_matches(|c: char| c.is_whitespace());
            out.push(Paragraph::new(index + 1, if label.is_empty() { " " } else { label }, label, true));
            for (n, figure) in split.figures.iter().enumerate() {
                let figure = trimmed[figure.clone()].trim();
                let raw = if figure.is_empty() { " " } else { figure };
                let mut paragraph = Paragraph::new(index + 1, raw, figure, false);
                // Cut out as a figure, so a value even where it prints in brackets ("(-2,78)").
                if paragraph.kind == ParagraphKind::Text && figure.contains(|c: char| c.is_ascii_digit()) {
                    paragraph.kind = ParagraphKind::Value;
                }
                paragraph.split_uncertain = n == 0 && !split.certain;
                paragraph.grouping_uncertain = !split.grouping_certain;
                out.push(paragraph);
            }
            previous_blank = false;
            continue;
        }
        // A pipe table printed one cell per line: each line is one cell, and the line breaks
        // between them are no row boundaries (rows are found as in any flattened text).
        // A line of pipes alone ends the row: the next cell starts one.
        if super::pipe::is_cell_line(raw) {
            let cell = raw.trim().trim_end_matches('|').trim_matches(|c: char| c.is_whitespace());
            if cell.is_empty() {
                row_ended = true;
            } else {
                out.push(Paragraph::new(index + 1, cell, cell, row_ended));
                row_ended = false;
            }
            previous_blank = false;
            continue;
        }
        row_ended = false;
        if super::pipe::is_separator(raw) {
            previous_blank = true;
            if let Some(from) = header_above_separator(&lines, index) {
                separated_headers.push((out.len(), from));
            }
            continue;
        }
        if let Some(cells) = pipe_cells(raw) {
            for (n, cell) in cells.into_iter().enumerate() {
                let raw_cell = if cell.is_empty() { " " } else { cell };
                out.push(Paragraph::new(index + 1, raw_cell, cell, n == 0));
            }
            previous_blank = false;
            continue;
        }
        let text = raw.trim_matches(|c: char| c.is_whitespace());
        out.push(Paragraph::new(index + 1, raw, text, !previous_blank));
        // An entry of a table of contents printed one a line without its page ("2 Economisch
        // beeld" between "1 Inleiding 3" and "3 Uitgaven 3"): its page cell is empty. Not a line
        // that opens in lower case (it continues the entry above), nor the page column's header
        // ("Blz.").
        if contents.get(index).copied().unwrap_or(false)
            && !text.is_empty()
            && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !crate::interpret::contents::is_page_word(text)
        {
            out.push(Paragraph::new(index + 1, " ", "", false));
        }
        previous_blank = false;
    }
    for (count, from) in separated_headers {
        if let Some(first) = out.get_mut(count) {
            first.header_above_from = Some(from);
        }
    }
    bounds_after_values_are_values(&mut out);
    quarters_among_values_are_values(&mut out);
    out
}

/// A figure in halves or quarters ("1/2", "1 1/2", "– 3/4": the forecasts' growth and inflation,
/// wild page b3_02) is a value where the text prints any quarter with a whole part or a sign
/// (such a text writes its figures so). Where it prints bare quarters only, their neighbours
/// decide: between a plain value or a year before and a plain value after (past empty cells) a
/// quarter names a row ("12", "1/4", "13": a part-time factor between the counts of the rows),
/// and beside a date-like slash ("1/1", "1/4", "1/7"; "1/2", "2/2") it is one of a row of
/// headings; elsewhere it is a value.
fn quarters_among_values_are_values(paragraphs: &mut [Paragraph<'_>]) {
    use super::printed::is_figure_in_quarters;
    let quarter = |p: &Paragraph| p.kind == ParagraphKind::Text && is_figure_in_quarters(p.text);
    if !paragraphs.iter().any(quarter) {
        return;
    }
    let written_as_figures =
        paragraphs.iter().filter(|p| quarter(p)).any(|p| p.text.trim().contains(|c: char| c.is_whitespace()));
    let date_like_slash = |p: &Paragraph| {
        p.kind == ParagraphKind::Text
            && p.text.contains('/')
            && !is_figure_in_quarters(p.text)
            && p.text.trim().chars().all(|c| c.is_ascii_digit() || c == '/' || c == '-' || c == '.')
    };
    let plain_value = |p: &Paragraph| p.kind == ParagraphKind::Value && !is_figure_in_quarters(p.text);
    for index in 0..paragraphs.len() {
        if !quarter(&paragraphs[index]) {
            continue;
        }
        let settled = written_as_figures || {
            let printed_before =
                paragraphs[..index].iter().rev().find(|p| p.kind != ParagraphKind::Whitespace);
            let printed_after = paragraphs[index + 1..].iter().find(|p| p.kind != ParagraphKind::Whitespace);
            let names_a_row = printed_after.is_some_and(plain_value)
                && printed_before.is_some_and(|before| plain_value(before) || is_year_like(before.text));
            let among_dates =
                printed_before.is_some_and(date_like_slash) || printed_after.is_some_and(date_like_slash);
            !names_a_row && !among_dates
        };
        if settled {
            paragraphs[index].kind = ParagraphKind::Value;
        }
    }
}

/// A bound (">95%", "<6%", "≥ 80%": a norm or target an indicator table prints as its value) is
/// a value where it follows a value of its row (an empty cell between them allowed) and no value
/// follows it (empty cells between them passed over): the cells of a row run on into its norms.
/// A bound that opens its row, or that a value follows, names the row ("< 50", "1", "2", "=> 50
/// en < 200", "2", "4": a table of amount classes whose thresholds are its labels) and stays a
/// text.
fn bounds_after_values_are_values(paragraphs: &mut [Paragraph<'_>]) {
    for index in 1..paragraphs.len() {
        if paragraphs[index].kind != ParagraphKind::Text || !is_bound(paragraphs[index].text) {
            continue;
        }
        let before = &paragraphs[index - 1];
        let after_value = before.kind == ParagraphKind::Value
            || (before.kind == ParagraphKind::Whitespace
                && index >= 2
                && paragraphs[index - 2].kind == ParagraphKind::Value);
        // The next printed cell, past empty ones ("=> 50", " ", "4": a class whose first cell is
        // empty).
        let value_follows = paragraphs[index + 1..]
            .iter()
            .find(|next| next.kind != ParagraphKind::Whitespace)
            .is_some_and(|next| next.kind == ParagraphKind::Value);
        if after_value && !value_follows {
            paragraphs[index].kind = ParagraphKind::Value;
        }
    }
}

/// In a table printed one cell per line ("2012 |", "|", "---|---|"), the 1-based line where the
/// header row right above the separator at `separator` starts: the cell lines above it, back
/// over the lone pipe that closes the header row, up to a figure that is no year (the last cell
/// of the rows before) or a lone pipe (the end of the row before). `None` when the line above
/// is no such cell line.
fn header_above_separator(lines: &[&str], separator: usize) -> Option<usize> {
    let mut first = None;
    for at in (0..separator).rev() {
        let line = lines[at].trim();
        if line.is_empty() {
            continue;
        }
        if line.bytes().all(|byte| byte == b'|') {
            if first.is_some() {
                break;
            }
            continue;
        }
        if !super::pipe::is_cell_line(line) {
            break;
        }
        let cell = line.trim_end_matches('|').trim();
        if is_value(cell) && !is_year_like(cell) {
            break;
        }
        first = Some(at + 1);
    }
    first
}

/// The cells of a pipe-table line: a line that starts and ends with "|" and holds at least one
/// more. A separator line ("|---|:--|") gives no cells. `None` for any other line.
fn pipe_cells(raw: &str) -> Option<Vec<&str>> {
    let trimmed = raw.trim();
    let inner = trimmed.strip_prefix('|')?.strip_suffix('|')?;
    if !inner.contains('|') {
        return None;
    }
    if inner.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '+' | '=')) {
        return Some(Vec::new());
    }
    Some(inner.split('|').map(|cell| cell.trim_matches(|c: char| c.is_whitespace())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contents_block_needs_entries_with_a_page() {
        // Wild page q2_06, lines 34 and 36-42 (line 41 cut): entries one a line, four of six with
        // a page, then a blank line and the first chapter.
        let text = "Inhoudsopgave\n\nVoorjaarsnota 3\n1 Inleiding 3\n2 Economisch beeld\n3 Uitgaven 3\n\
                    4 Inkomsten\nBijlagen 16\n\n1 Inleiding\n";
        let lines: Vec<&str> = text.split('\n').collect();
        let (_, contents) = run_together_lines(&lines);
        assert_eq!(contents.iter().filter(|&&c| c).count(), 6);
        let cells: Vec<(usize, &str)> = paragraphs(text).iter().map(|p| (p.line, p.text)).collect();
        assert!(cells.contains(&(5, "2 Economisch beeld")) && cells.contains(&(5, "")), "{cells:?}");
        // The page column's header under the heading is no entry without a page.
        let headed = "Inhoudsopgave\n\nBlz.\n1 Inleiding 3\n2 Uitgaven 5\n3 Ontvangsten 9\n";
        let cells: Vec<(usize, &str)> = paragraphs(headed).iter().map(|p| (p.line, p.text)).collect();
        assert_eq!(cells.iter().filter(|(line, _)| *line == 3).count(), 1, "{cells:?}");
        // Wild page p1_04, whole: no blank line anywhere, a navigation list under the heading and
        // tables and prose below it. With its total of 29.083 made a small one (983), two lines
        // of the page end in a small number ("Nr. 1" is the other), far fewer than one in four.
        let page = include_str!("../../../fixtures/wild/dev/p1_04.txt").replace("29.083", "983");
        let lines: Vec<&str> = page.split('\n').collect();
        let (_, contents) = run_together_lines(&lines);
        assert!(contents.iter().all(|&c| !c));
    }

    #[test]
    fn note_markers_glued_to_header_titles_that_count_up_are_no_figures() {
        // Wild page r4_03 (nota van wijziging VWS 2023, zoek.officielebekendmakingen.nl), lines
        // 19-25 and the notes of lines 246-255 verbatim: two titles glue markers 1 and 2, the
        // notes print them alone over their texts.
        let header = "Art.\n\nOmschrijving\n\nVastgestelde begroting1\n\nMutaties 1e suppletoire begroting2\n\n   \n\nVerplichtingen\n\nTotaal\n\n36.216.810\n\n";
        let notes = "X Noot\n1\n\nInclusief ISB, NvW en amendementen.\n\nX Noot\n2\n\nInclusief de NvW bij de 1e suppletoire begroting.\n";
        let texts =
            |text: &str| -> Vec<String> { paragraphs(text).iter().map(|p| p.text.to_string()).collect() };
        let read = texts(&format!("{header}{notes}"));
        assert!(read.contains(&"Vastgestelde begroting1".to_string()), "{read:?}");
        assert!(read.contains(&"Mutaties 1e suppletoire begroting2".to_string()), "{read:?}");
        // Without the notes the two are rows of one figure each, as before.
        let read = texts(header);
        assert!(
            read.contains(&"Vastgestelde begroting".to_string()) && read.contains(&"1".to_string()),
            "{read:?}"
        );
        // Wild page c6_04 (OWB 2007 IIB), lines 29-34 verbatim: pages 5 and 6 glued to contents
        // entries, and an entry "5 Kabinet …" below is no note's text.
        let contents = "  2.1. Tabel budgettaire gevolgen van beleid5\n  2.2. De artikelen6\n   1 Raad van State6\n   2 Algemene Rekenkamer16\n   5 Kabinet van de Gouverneur van de Nederlandse Antillen33\n";
        let read = texts(contents);
        assert!(
            read.contains(&"2.2. De artikelen".to_string()) && read.contains(&"6".to_string()),
            "{read:?}"
        );
        // Review of session 21: rows of small figures that count up (3, 4) among other split rows
        // stay rows, whatever notes numbered 3 and 4 a later part prints.
        let rows = "Rechtbanken11\n\nBijzondere colleges3\n\nGerechtshoven4\n\nCentrale Raad van Beroep1\n\n\
                    3\n\nDe uitgaven aan huisvesting stijgen door hogere energieprijzen.\n\n\
                    4\n\nHet kabinet investeert daarnaast in de digitalisering.\n";
        let read = texts(rows);
        assert!(
            read.contains(&"Bijzondere colleges".to_string()) && read.contains(&"Gerechtshoven".to_string()),
            "{read:?}"
        );
    }

    #[test]
    fn a_bound_after_a_value_of_its_row_is_a_value_one_that_opens_a_row_a_label() {
        // OWB 2018 IX (wild page k1_01): "95,3%", "94,9%", ">95%", ">95%", the next label.
        let indicator = paragraphs("Percentage tijdig\n\n95,3%\n\n94,9%\n\n>95%\n\n>95%\n\nVolgende\n");
        let kinds: Vec<ParagraphKind> = indicator.iter().map(|p| p.kind).collect();
        use ParagraphKind::{Text, Value};
        assert_eq!(kinds, [Text, Value, Value, Value, Value, Text]);
        // Corpus page 014, lines 17-39: amount classes that name their rows.
        let classes = paragraphs(
            "< 50\n\n1\n\n2\n\n=> 50 en < 200\n\n2\n\n4\n\n=> 200 < 1000\n\n5\n\n10\n\n=> 1000\n\n10\n\n20\n",
        );
        let kinds: Vec<ParagraphKind> = classes.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Text, Value, Value, Text, Value, Value, Text, Value, Value, Text, Value, Value]);
        // A class whose first cell is empty is still a label.
        let empty_first = paragraphs("=> 1000\n\n5\n\n10\n\n=> 2000\n\n \n\n20\n");
        assert_eq!(empty_first[3].kind, Text);
    }

    #[test]
    fn quarters_are_values_unless_their_neighbours_make_them_names_or_headings() {
        use ParagraphKind::{Text, Value};
        let kinds = |text: &str| paragraphs(text).iter().map(|p| p.kind).collect::<Vec<_>>();
        // Voorjaarsnota 2014 (wild page b3_02, lines 20-33): a row of quarters, then one whose
        // figures end in a plain one.
        assert_eq!(
            kinds("Volumegroei bbp\n\n1/2\n\n3/4\n\n1/4\n\nContractloon\n\n1 1/2\n\n1 1/2\n\n0\n"),
            [Text, Value, Value, Value, Text, Value, Value, Value]
        );
        // Between the counts of the rows a quarter names its row (a part-time factor).
        assert_eq!(
            kinds("Werktijdfactor\n\n2023\n\n2024\n\n1/4\n\n5.100\n\n5.300\n\n1/2\n\n10.200\n\n10.600\n")
                [3..],
            [Text, Value, Value, Text, Value, Value]
        );
        // Among dates it is one of them.
        assert_eq!(kinds("Peildatum\n\n1/1\n\n1/4\n\n1/7\n")[2], Text);
        // A text that prints a quarter with a whole part writes its figures so: between plain
        // figures, and beside a label with a slash, a quarter is a value (review of session 28).
        assert_eq!(
            kinds("Volumegroei bbp (%/jaar)\n\n1/2\n\n1\n\nWerkloosheid\n\n7\n\n7 1/4\n\n7\n"),
            [Text, Value, Value, Text, Value, Value, Value]
        );
    }

    #[test]
    fn whitespace_lines_count_cells_by_convention() {
        let paragraphs = paragraphs("a\n\n       \n\u{a0} \u{a0} \u{a0} \u{a0} \n");
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[1].empty_cells(SpaceConvention::TwoMinusOne), 4);
        assert_eq!(paragraphs[1].empty_cells(SpaceConvention::OnePerCell), 7);
        assert_eq!(paragraphs[2].empty_cells(SpaceConvention::TwoMinusOne), 4);
        assert!(paragraphs[2].attached);
        assert!(!paragraphs[1].attached);
    }

    #[test]
    fn pipe_tables_are_cut_into_cells() {
        let paragraphs = paragraphs("| Artikel | 2021 | 2022 |\n|---|---|---|\n| Uitgaven | 1.522 |  |\n");
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text).collect();
        assert_eq!(texts, ["Artikel", "2021", "2022", "Uitgaven", "1.522", ""]);
        assert!(paragraphs[3].attached && !paragraphs[4].attached);
        assert_eq!(paragraphs[5].kind, ParagraphKind::Whitespace);
        assert_eq!(paragraphs[4].line, 3);
    }
}
