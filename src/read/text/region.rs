//! Regions: where each table of a flattened text starts and ends, and what is printed around it
//! (caption, title, unit, section heading, notes).
//!
//! The steps, in this order:
//! 1. Every paragraph gets a role: a "Tabel N" caption (not a bare "Tabel N" right after a
//!    figure: that is a cell referring to another table) or a heading that names a table of
//!    contents ("Inhoudsopgave"; not one over three numbered headings that print no page, a
//!    page's navigation list, which is prose), site boilerplate ("Licence", navigation, bullets,
//!    but not a bullet item followed by a figure: that is a row label), running prose, a note
//!    ("* Gaat om …", or a lone marker followed by prose; a number right under a caption that
//!    has a title is no marker but the stub's or a column's heading), or a cell (anything else:
//!    labels, headers, figures, whitespace).
//! 2. A caption opens a region. Outside a region, the first cell opens one. Prose, boilerplate
//!    and another caption close it. A long paragraph is still a cell when the next paragraph is a
//!    figure (a mutation explained in a sentence is a row label), or when it fills the open row of
//!    a captioned table that has no figures at all (a text table).
//! 3. Inside an open region, a unit line, a run of four texts, a text followed by a row of
//!    years, a title that ends in its unit and is followed by a text (a caption without
//!    "Tabel N"), or a line alone between rows printed one a line (not in a table of contents,
//!    where it is an entry without its page), met after figures have started, opens a new
//!    region: it is the start of the next table, printed without a caption. Figures have started
//!    at a figure that cannot be a code, or at a short number opening a row of three figures
//!    after its label that does not count 1, 2, 3 (a table of small amounts, not a header's
//!    column numbers). In a table printed one
//!    cell per line, a separator line ("---|---|") under a header row closes that header: the
//!    header's cells open a new region whatever came before (tables printed one under the other).
//! 4. Notes directly under a region (a marker line followed by prose, or prose starting with its
//!    marker) belong to it, when the region cites the marker (a star, or a cell ending in it); notes inside the body are kept as note rows by the grid.
//! 5. A region without a single figure that is not a year, and without a caption, is not a table.
//!
//! Known failure: a caption printed twice in different words (page 019) gives a first region of
//! one text that is dropped by step 5, which is what we want, but a heading that happens to end
//! in a number can open a region that holds only that number.

use super::paragraph::{self, Paragraph};
use super::printed;
use crate::interpret::vocabulary::has_words;

/// A stretch of paragraphs that holds one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Region {
    /// Index of the caption paragraph, when the table has a "Tabel N" caption.
    pub caption: Option<usize>,
    /// Paragraph indices of the region (caption excluded), in order.
    pub cells: Vec<usize>,
    /// Notes printed under the region or inside it: marker, text, line.
    pub notes: Vec<(String, String, usize)>,
    /// Index of the last paragraph before the region that reads as a numbered heading.
    pub section: Option<usize>,
    /// True when the input ends inside the region (no prose, caption or boilerplate after it).
    pub runs_to_end: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Caption,
    Boilerplate,
    Prose,
    Cell,
}

/// A lone marker ("1", "*") that can stand before a note: never "0", which is a figure.
fn lone_marker(text: &str) -> bool {
    printed::is_note_marker(text) && text != "0"
}

/// A note's text after a lone marker: a sentence (six words or more) not followed by a figure,
/// nor by a sub-label and a figure (then the number is an indicator's row number and the
/// sentence its name, see [`next_is_short_text_then_figure`]), nor by a label and two figures
/// where the table's rows above end in such a text too, or the row it ends is shaped like the
/// next ([`rows_alike_around`]) (the next row: the "marker" was a row's last figure and the
/// sentence a cell of a text column, "Kamerstukken II 2020/21, 35420, nr. 207 en …" after "15",
/// "15"; wild pages n2_02, a7_03).
fn note_text_after_marker(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    paragraph.is_text()
        && has_words(paragraph.text, 6)
        && paragraphs.get(index + 1).is_none_or(|next| next.is_text())
        && !next_is_short_text_then_figure(paragraphs, index)
        && !(next_is_a_row_of_figures(paragraphs, index)
            && (a_text_ended_a_row_above(paragraphs, index) || rows_alike_around(paragraphs, index)))
}

/// True when the figures printed right before the text at `index` (the "marker" the last of
/// them) are as many as the figures printed after the next row's label, two or more: the text
/// ends a row shaped like the next one, a cell of a text column in the table's first row
/// ("Voedselpakketten …", "42", "40", "Kamerstukken II 2019/20, …", then "Inkomstenderving
/// …", "3", "3"; wild page a7_03). A note under a table follows its marker, one more than the
/// last row's figures, so the row above must print as many as the row the text ends, where it
/// prints any; and a sentence ending in a full stop or a source line ("Bron: …") is no cell.
fn rows_alike_around(paragraphs: &[Paragraph], index: usize) -> bool {
    let text = paragraphs[index].text;
    // A sentence or a source line after a table is no cell ("… is afgesproken.", "Bron: …").
    if text.ends_with('.') || text.starts_with("Bron") {
        return false;
    }
    // Walking back over the printed paragraphs: the row's figures, its label (and any texts
    // before it), then the row above's figures.
    let mut back = (0..index).rev().filter(|&at| !paragraphs[at].is_whitespace()).peekable();
    let mut run_of = |figures: bool| {
        let mut count = 0;
        while back.next_if(|&at| is_figure(&paragraphs[at]) == figures).is_some() {
            count += 1;
        }
        count
    };
    let before = run_of(true);
    if before < 2 {
        return false;
    }
    run_of(false);
    // The row above the row the text ends, where it prints figures, prints as many: a marker
    // after the last row's figures makes that row one longer than the rows above it ("Totaal",
    // "345", "370", "1" under rows of two figures).
    let row_above = run_of(true);
    let Some(label) = paragraph::next_printed_index(paragraphs, index) else { return false };
    let printed_after = (label + 1..paragraphs.len()).filter(|&at| !paragraphs[at].is_whitespace());
    let after = printed_after.take_while(|&at| is_figure(&paragraphs[at])).count();
    before == after && (row_above == 0 || row_above == before)
}

/// How far back [`a_text_ended_a_row_above`] looks, in printed paragraphs.
const ROWS_BACK: usize = 40;

/// True when, among the [`ROWS_BACK`] printed paragraphs before the one after the marker at
/// `index - 1`, a text of three words or more stands right after a figure and before a row of
/// figures ([`next_is_a_row_of_figures`]): the table's rows end in a text column, so this text
/// is one more of its cells, not a note. A real note's text after an uncited marker, with the
/// next table's first row after it, has no such text above it.
fn a_text_ended_a_row_above(paragraphs: &[Paragraph], index: usize) -> bool {
    let printed: Vec<usize> = (0..index.saturating_sub(1))
        .rev()
        .filter(|&at| !paragraphs[at].is_whitespace())
        .take(ROWS_BACK)
        .collect();
    printed.windows(2).any(|pair| {
        let (text, before) = (pair[0], pair[1]);
        paragraphs[text].is_text()
            && has_words(paragraphs[text].text, 3)
            && printed::caption(paragraphs[text].text).is_none()
            && is_figure(&paragraphs[before])
            && next_is_a_row_of_figures(paragraphs, text)
    })
}

/// True when the next printed paragraph is a label (a text, no caption, no prose) and the two
/// printed after it are figures (not years: a heading over a header of years is no row).
fn next_is_a_row_of_figures(paragraphs: &[Paragraph], index: usize) -> bool {
    let Some(label) = paragraph::next_printed_index(paragraphs, index) else { return false };
    let Some(first) = paragraph::next_printed_index(paragraphs, label) else { return false };
    let label = &paragraphs[label];
    label.is_text()
        && printed::caption(label.text).is_none()
        && !printed::is_prose(label.text)
        && is_figure(&paragraphs[first])
        && paragraph::next_printed(paragraphs, first).is_some_and(is_figure)
}

/// A short sentence after a lone marker that a text above cites: three words or more ending in
/// a full stop ("1" / "Inclusief ISB, NvW en amendementen."), where one of the
/// [`CITING_TEXTS_BACK`] paragraphs above ends in that marker glued to a lower-case letter or ")"
/// ("Vastgestelde begroting1"). A sentence shorter than a note's usual six words is then still
/// the note's text: the marker was cited, and a cell of a text column does not end in a full
/// stop after a lone small number that a heading above glues to its last word (wild page r4_03).
/// Likewise a name that spells out an abbreviation citing the marker (wild pages x2_07 and w4_06:
/// "Rekening-courant RHB1" in a saldibalans, "1" and "De Rijkshoofdboekhouding" under it).
fn short_note_of_a_cited_marker(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    let sentence = paragraph.is_text() && paragraph.text.ends_with('.') && has_words(paragraph.text, 3);
    // Or a name of two words or more without digits whose marker an abbreviation cites ("RHB1"
    // over "1", "De Rijkshoofdboekhouding": the note spells out what the label shortens), with
    // no row's cells after it: the next printed paragraph is a text.
    let spelled_out = paragraph.is_text()
        && has_words(paragraph.text, 2)
        && !paragraph.text.contains(|c: char| c.is_ascii_digit())
        && paragraphs[index + 1..]
            .iter()
            .find(|next| !next.is_whitespace())
            .is_none_or(|next| next.is_text());
    if !(sentence || spelled_out) {
        return false;
    }
    // A numbered row's name ("1", "Renovatie van kantoren.", "1.200") is followed by its figure.
    if paragraphs.get(index + 1).is_some_and(|next| !next.is_text())
        || next_is_short_text_then_figure(paragraphs, index)
    {
        return false;
    }
    let Some(marker_at) = index.checked_sub(1) else { return false };
    let marker = paragraphs[marker_at].text;
    if !marker.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    paragraphs[marker_at.saturating_sub(CITING_TEXTS_BACK)..marker_at].iter().any(|above| {
        above.is_text()
            && above.text.strip_suffix(marker).is_some_and(|before| {
                let mut letters = before.chars().rev();
                let last = letters.next();
                last.is_some_and(|c| c.is_lowercase() || c == ')')
                    // An abbreviation of two capitals or more ("Rekening-courant RHB1").
                    || (!sentence
                        && last.is_some_and(char::is_uppercase)
                        && letters.next().is_some_and(char::is_uppercase))
            })
    })
}

/// How far above a lone marker [`short_note_of_a_cited_marker`] looks for the text citing it.
const CITING_TEXTS_BACK: usize = 400;

/// A short text after marker "k" that is note k of a numbered run: the next paragraphs are marker
/// "k+1" and its text, and so on, up to a marker whose text is a sentence
/// ([`note_text_after_marker`]). Notes are numbered in order, so once a run of them ends in a
/// sure note, the short ones before it ("1", "Slotwet", "2", "Vastgestelde 1e suppletoire
/// begroting", "3", "De onttrekking aan de bestemmingsreserve 2011 omvat …") are notes too, not
/// rows of the table. Looks at most nine notes ahead, and only from note 1 on: the page numbers
/// of a table of contents run on in steps of one too ("Afkortingenlijst", "45",
/// "Trefwoordenregister", "46", a heading of six words), and a run of notes starts at 1.
fn numbered_before_a_note(paragraphs: &[Paragraph], index: usize) -> bool {
    let marker_number = |at: usize| paragraphs[at].text.parse::<u32>().ok();
    let Some(mut number) = index.checked_sub(1).and_then(marker_number) else { return false };
    if number != 1 {
        // Note k > 1 of a run is reached from note 1, whose text is this rule's business too.
        let from_one = (1..number).rev().try_fold(index - 1, |marker, expected| {
            let text = marker.checked_sub(1)?;
            let previous = text.checked_sub(1)?;
            (paragraphs[text].is_text() && marker_number(previous) == Some(expected)).then_some(previous)
        });
        if from_one.is_none() {
            return false;
        }
    }
    let mut text = index;
    for _ in 0..9 {
        if !paragraphs[text].is_text() {
            return false;
        }
        let next_marker = text + 1;
        if paragraphs.get(next_marker).is_none_or(|p| !lone_marker(p.text))
            || marker_number(next_marker) != Some(number + 1)
        {
            return false;
        }
        number += 1;
        text = next_marker + 1;
        if text >= paragraphs.len() {
            return false;
        }
        if note_text_after_marker(paragraphs, text) {
            return true;
        }
    }
    false
}

fn role_of(paragraphs: &[Paragraph], index: usize) -> Role {
    let paragraph = &paragraphs[index];
    if !paragraph.is_text() {
        return Role::Cell;
    }
    if let Some((_, title)) = printed::caption(paragraph.text) {
        // A bare "Tabel 4.6.1" right after a figure, and not followed by a unit line, is a cell
        // that refers to another table (a "bron" column), not the caption of a new table.
        let after_value =
            paragraphs[..index].iter().rev().find(|p| !p.is_whitespace()).is_some_and(|p| p.is_value());
        let unit_follows =
            paragraph::next_printed(paragraphs, index).is_some_and(|p| printed::unit_line(p.text).is_some());
        if !(title.trim().is_empty() && after_value && !unit_follows) {
            return Role::Caption;
        }
    }
    if printed::is_contents_heading(paragraph.text) {
        if lists_headings_without_pages(paragraphs, index) {
            return Role::Prose;
        }
        return Role::Caption;
    }
    // A bullet item followed by a figure is a row label ("• eigen personeel", "5.858"), as a
    // long text followed by a figure is.
    if printed::is_boilerplate(paragraph.text)
        && !(paragraph.text.starts_with('•') && next_is_figure(paragraphs, index))
    {
        return Role::Boilerplate;
    }
    // A label wrapped onto the next line, breaking a word, is a cell whatever its length and
    // whatever stands before it (a page number "7" above it is no note marker).
    if wraps_into_a_row(paragraphs, index) {
        return Role::Cell;
    }
    // A number printed right under a table's caption ("Tabel N" and a title: a bare "Tabel 4.6.1"
    // may be a cell citing another table) is no note marker: a note is cited after what it
    // annotates, and a number there heads the stub (the article's number, "11") or a column.
    let after_marker = index.checked_sub(1).is_some_and(|previous| {
        lone_marker(paragraphs[previous].text)
            && paragraphs[..previous].iter().rev().find(|above| !above.is_whitespace()).is_none_or(|above| {
                printed::caption(above.text).is_none_or(|(_, title)| title.trim().is_empty())
            })
    });
    if after_marker
        && (note_text_after_marker(paragraphs, index)
            || numbered_before_a_note(paragraphs, index)
            || short_note_of_a_cited_marker(paragraphs, index))
    {
        return Role::Prose;
    }
    // A Kamerstuk's signature and the name under it end a part of the document; the next part
    // may open with a table, but never under the signature (wild pages r2_06, r3_05).
    let after_signature = || {
        paragraphs[..index]
            .iter()
            .rev()
            .find(|above| !above.is_whitespace())
            .is_some_and(|above| printed::is_signature(above.text))
    };
    if printed::is_signature(paragraph.text)
        || (printed::is_signatory_name(paragraph.text) && after_signature())
    {
        return Role::Prose;
    }
    // A label split off its own line's figures ("Brief van … over de toeslagen in 2020 598") is a
    // label however long: its figures stand on its line.
    let figures_on_its_line =
        || paragraph::next_printed(paragraphs, index).is_some_and(|next| next.line == paragraph.line);
    // A long text that ends a row shaped like the next is that row's cell (wild page a7_07).
    let ends_a_row_like_the_next =
        || next_is_a_row_of_figures(paragraphs, index) && rows_alike_around(paragraphs, index);
    if printed::is_prose(paragraph.text)
        && !figures_on_its_line()
        && !next_is_figure(paragraphs, index)
        && !next_is_short_text_then_figure(paragraphs, index)
        && !ends_a_row_like_the_next()
    {
        return Role::Prose;
    }
    Role::Cell
}

/// A long label that breaks a word at its end ("… voldoet nog niet aan wet-") and goes on in the
/// next paragraph, in lower case, on a line that ends in the row's figures ("en regelgeving 7"):
/// one entry wrapped over two lines in a copy of a printed page (wild page a3_07, a table of
/// contents), not prose that ends the table.
fn wraps_into_a_row(paragraphs: &[Paragraph], index: usize) -> bool {
    let text = paragraphs[index].text.trim_end();
    let breaks_a_word =
        text.strip_suffix('-').is_some_and(|rest| rest.ends_with(|c: char| c.is_alphabetic()));
    let Some(next_index) = (index + 1..paragraphs.len()).find(|&at| !paragraphs[at].is_whitespace()) else {
        return false;
    };
    let next = &paragraphs[next_index];
    let figures_follow_on_its_line =
        paragraphs.get(next_index + 1).is_some_and(|after| after.line == next.line && after.is_value());
    breaks_a_word
        && next.is_text()
        && next.text.starts_with(|c: char| c.is_lowercase())
        && figures_follow_on_its_line
}

/// How many numbered headings ("1. Aanbieding …", "3.1. Realisatie …") in a row, with no figure
/// between them, show a contents heading to head a list of headings, not a table of contents:
/// a table of contents prints each entry's page beside it.
const HEADINGS_WITHOUT_PAGES: usize = 3;

/// True when the contents heading at `index` is followed, before any figure, by
/// [`HEADINGS_WITHOUT_PAGES`] numbered headings that print no page at their end (the navigation
/// list a Kamerstuk's web page opens with: "Inhoudsopgave", "A. ALGEMEEN", "1. AANBIEDING VAN HET
/// JAARVERSLAG …", "2. LEESWIJZER", "B. BELEIDSVERSLAG", "3. BELEIDSPRIORITEITEN").
fn lists_headings_without_pages(paragraphs: &[Paragraph], index: usize) -> bool {
    paragraphs[index + 1..]
        .iter()
        .filter(|paragraph| !paragraph.is_whitespace())
        .take_while(|paragraph| paragraph.is_text())
        .filter(|paragraph| {
            is_numbered_heading(paragraph.text) && !paragraph.text.ends_with(|c: char| c.is_ascii_digit())
        })
        .nth(HEADINGS_WITHOUT_PAGES - 1)
        .is_some()
}

/// True when the next paragraph that is not whitespace is a short text (one or two words: a
/// unit, a sub-label such as "%" or "Aantallen") followed by a figure: the long paragraph is an
/// indicator's name whose first row is that sub-label (wild page c4_17, "Aandeel thuiszittende
/// leerlingen dat drie of meer maanden thuis zit …", "%", "0,08%").
fn next_is_short_text_then_figure(paragraphs: &[Paragraph], index: usize) -> bool {
    let Some(next) = paragraph::next_printed_index(paragraphs, index) else { return false };
    let short = &paragraphs[next];
    short.is_text()
        && !has_words(short.text, 3)
        && printed::caption(short.text).is_none()
        && next_is_figure(paragraphs, next)
}

/// True when the next paragraph that is not whitespace is a value and no lone note marker. A
/// short number that could be a marker ("0", "2") is a figure when another value follows it: a
/// marker is followed by its note's text, a row's first figure by the rest of the row (a mutation
/// explained in sentences, then "0", "5.800", "6.200", wild page e2_04).
fn next_is_figure(paragraphs: &[Paragraph], index: usize) -> bool {
    let Some(next) = paragraph::next_printed_index(paragraphs, index) else { return false };
    let value = &paragraphs[next];
    value.is_value()
        && (!printed::is_note_marker(value.text)
            || paragraph::next_printed(paragraphs, next).is_some_and(Paragraph::is_value))
}

/// True for a heading that starts with a section number ("2.2 Veiligheidsagenda", "4. De
/// beleidsartikelen").
pub fn is_numbered_heading(text: &str) -> bool {
    let mut parts = text.splitn(2, ' ');
    let number = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default();
    // The cheap tests first; characters are counted only for a text of 100 bytes or more.
    !rest.is_empty()
        && number
            .trim_end_matches('.')
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && rest.starts_with(|c: char| c.is_alphabetic())
        && (text.len() < 100 || text.chars().count() < 100)
}

/// Whether the open region's cells hold a body figure, looked at cell by cell as they come.
#[derive(Default)]
struct FiguresSeen {
    /// Cells already looked at.
    looked_at: usize,
    /// A body figure was among them.
    found: bool,
}

impl FiguresSeen {
    /// True when a cell of `cells` is a body figure; looks only at cells added since last time.
    fn update(&mut self, cells: &[usize], body_figure: &[bool]) -> bool {
        if !self.found {
            let new = &cells[self.looked_at.min(cells.len())..];
            self.found = new.iter().any(|&i| body_figure[i]);
            self.looked_at = cells.len();
        }
        self.found
    }
}

/// A figure of a table body, as step 3 counts them: a figure that cannot be a code, or a short
/// number that opens a row of three or more figures right after its label ("Stand Miljoenennota
/// 2024", "31", "31", "31": a table of small amounts) unless the run counts 1, 2, 3 (the column
/// numbers a header prints).
fn is_body_figure(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    if !is_figure(paragraph) {
        return false;
    }
    if !printed::is_code_like(paragraph.text) {
        return true;
    }
    let after_label = index.checked_sub(1).is_some_and(|previous| paragraphs[previous].is_text());
    let run: Vec<&str> =
        paragraphs[index..].iter().take(3).take_while(|p| is_figure(p)).map(|p| p.text).collect();
    let counts_columns = run.iter().enumerate().all(|(at, text)| text.parse::<usize>().ok() == Some(at + 1));
    after_label && run.len() == 3 && !counts_columns
}

/// Finds the regions of a document (steps 1–5 of the module doc).
pub fn find_regions(paragraphs: &[Paragraph]) -> Vec<Region> {
    let roles: Vec<Role> = (0..paragraphs.len()).map(|index| role_of(paragraphs, index)).collect();
    // Figures of a body, as step 3 counts them: column numbers in a header ("1", "2") are not.
    let body_figure: Vec<bool> =
        (0..paragraphs.len()).map(|index| is_body_figure(paragraphs, index)).collect();
    let mut regions: Vec<Region> = Vec::new();
    let mut open: Option<Region> = None;
    // Whether the open region holds a body figure yet, and how many of its cells that answer
    // covers: a region's cells only grow while it is open (the two places that take a cell
    // back close the region right after), so each cell is looked at once, not once per
    // paragraph after it. Reset wherever a region is opened.
    let mut figures_seen = FiguresSeen::default();
    let mut last_heading: Option<usize> = None;
    let mut index = 0;
    while index < paragraphs.len() {
        let paragraph = &paragraphs[index];
        match roles[index] {
            Role::Caption => {
                close(&mut open, &mut regions, false);
                open = Some(Region { caption: Some(index), section: last_heading, ..Region::default() });
                figures_seen = FiguresSeen::default();
                // A caption continued on attached lines ("Tabel 1 Externe inhuur\nMinisterie …").
                while index + 1 < paragraphs.len()
                    && printed::caption(paragraph.text).is_some()
                    && paragraphs[index + 1].attached
                    && paragraphs[index + 1].is_text()
                    && paragraph::whole_line(paragraphs, index + 1)
                    && roles[index + 1] == Role::Cell
                {
                    index += 1;
                    if let Some(region) = open.as_mut() {
                        region.cells.push(index);
                    }
                }
            }
            Role::Boilerplate => close(&mut open, &mut regions, false),
            Role::Prose => {
                let text_table_cell = open.as_ref().is_some_and(|region| {
                    region.caption.is_some()
                        && !region.cells.iter().any(|&i| is_figure(&paragraphs[i]))
                        && region.cells.iter().filter(|&&i| paragraphs[i].is_text()).count() >= 2
                        && paragraphs.get(index + 1).is_none_or(|next| {
                            matches!(roles[index + 1], Role::Caption | Role::Boilerplate | Role::Prose)
                                || next.is_text()
                        })
                });
                if text_table_cell {
                    if let Some(region) = open.as_mut() {
                        region.cells.push(index);
                    }
                } else if let Some(region) = open.as_mut() {
                    // A lone marker right before prose: the prose is a note of the region.
                    let marker = region.cells.last().copied().filter(|&last| {
                        lone_marker(paragraphs[last].text)
                            && last + 1 == index
                            && is_cited(paragraphs, region, last)
                    });
                    if let Some(last) = marker {
                        region.cells.pop();
                        // The word over the note ("X Noot") is part of it.
                        if region.cells.last().is_some_and(|&heading| {
                            heading + 1 == last
                                && crate::interpret::vocabulary::is_note_heading(paragraphs[heading].text)
                        }) {
                            region.cells.pop();
                        }
                        region.notes.push((
                            paragraphs[last].text.to_string(),
                            paragraph.text.to_string(),
                            paragraph.line,
                        ));
                        // Further notes: marker + prose pairs, or prose starting with a marker.
                        let mut next = index + 1;
                        loop {
                            // The word over the next note ("X Noot"), when a note follows it.
                            if next + 2 < paragraphs.len()
                                && crate::interpret::vocabulary::is_note_heading(paragraphs[next].text)
                                && lone_marker(paragraphs[next + 1].text)
                                && (roles[next + 2] == Role::Prose
                                    || note_text_after_marker(paragraphs, next + 2))
                            {
                                next += 1;
                            }
                            if next + 1 < paragraphs.len()
                                && lone_marker(paragraphs[next].text)
                                && (roles[next + 1] == Role::Prose
                                    || note_text_after_marker(paragraphs, next + 1))
                            {
                                region.notes.push((
                                    paragraphs[next].text.to_string(),
                                    paragraphs[next + 1].text.to_string(),
                                    paragraphs[next + 1].line,
                                ));
                                next += 2;
                            } else {
                                break;
                            }
                        }
                        index = next - 1;
                        close(&mut open, &mut regions, false);
                    } else if let Some((marker, text)) = printed::note_with_marker(paragraph.text) {
                        region.notes.push((marker, text, paragraph.line));
                        region.cells.push(index);
                    } else {
                        close(&mut open, &mut regions, false);
                    }
                }
                if open.is_none() && is_numbered_heading(paragraph.text) {
                    last_heading = Some(index);
                }
            }
            Role::Cell => {
                if paragraph.is_text() && is_numbered_heading(paragraph.text) && open.is_none() {
                    last_heading = Some(index);
                }
                // Column numbers in a header ("1", "2", "3=2–1") are no figures of a body.
                let figures_started =
                    open.as_ref().is_some_and(|region| figures_seen.update(&region.cells, &body_figure));
                let unit_line =
                    figures_started && paragraph.is_text() && printed::unit_line(paragraph.text).is_some();
                let starts_new_table = figures_started
                    && (unit_line
                        || text_run_reaches(paragraphs, index, 4)
                        || heads_year_row(paragraphs, index)
                        || titled_with_unit(paragraphs, index)
                        || (titles_one_line_rows(paragraphs, index)
                            && !in_contents(open.as_ref(), paragraphs)));
                // A separator line under a header row of a table printed one cell per line
                // closes that header: its cells open a new table (step 3).
                // Only when something of the open region stays before the header (a caption
                // over just this header keeps its table).
                let separated_from = paragraph.header_above_from.filter(|&from_line| {
                    open.as_ref().is_some_and(|region| {
                        region.cells.first().is_some_and(|&first| paragraphs[first].line < from_line)
                    })
                });
                // How many of the open region's last cells open the new table with it.
                let trailing = |keep: &dyn Fn(usize) -> bool, most: usize| {
                    open.as_ref().map_or(0, |region: &Region| {
                        region.cells.iter().rev().take_while(|&&i| keep(i)).count().min(most)
                    })
                };
                let reopen = if let Some(from_line) = separated_from {
                    Some(trailing(&|i| paragraphs[i].line >= from_line, usize::MAX))
                } else if starts_new_table {
                    // The new table's title is the text run just before its unit line.
                    let holds_unit_line = if paragraph.is_text() {
                        unit_line
                    } else {
                        printed::unit_line(paragraph.text).is_some()
                    };
                    Some(if holds_unit_line { trailing(&|i| paragraphs[i].is_text(), 2) } else { 0 })
                } else {
                    None
                };
                if let Some(count) = reopen {
                    let moved = open
                        .as_mut()
                        .map(|region| region.cells.split_off(region.cells.len() - count))
                        .unwrap_or_default();
                    close(&mut open, &mut regions, false);
                    open = Some(Region { cells: moved, section: last_heading, ..Region::default() });
                    figures_seen = FiguresSeen::default();
                }
                match open.as_mut() {
                    Some(region) => {
                        if let Some((marker, text)) =
                            paragraph.is_text().then(|| printed::note_with_marker(paragraph.text)).flatten()
                        {
                            region.notes.push((marker, text, paragraph.line));
                        }
                        region.cells.push(index);
                    }
                    None => {
                        open =
                            Some(Region { cells: vec![index], section: last_heading, ..Region::default() });
                        figures_seen = FiguresSeen::default();
                    }
                }
            }
        }
        index += 1;
    }
    close(&mut open, &mut regions, true);
    regions
        .retain(|region| region.caption.is_some() || region.cells.iter().any(|&i| is_figure(&paragraphs[i])));
    regions
}

/// True when the lone marker at `marker` is cited by the region it would close: a star always
/// is, a number only when some other cell of the region (or its caption) ends in it glued to
/// its text ("Comensha1", "20141", "80,21"). A lone number that nothing cites is the table's last
/// figure (a page number in a table of contents), not a note's marker.
fn is_cited(paragraphs: &[Paragraph], region: &Region, marker: usize) -> bool {
    let text = paragraphs[marker].text.trim();
    if text.starts_with('*') {
        return true;
    }
    let cites = |cell: &str| {
        let cell = cell.trim();
        cell.len() > text.len() && cell.ends_with(text) && {
            let before = cell[..cell.len() - text.len()].chars().next_back();
            before.is_some_and(|c| !c.is_whitespace())
        }
    };
    region.caption.iter().chain(&region.cells).any(|&i| i != marker && cites(paragraphs[i].text))
}

/// A text followed (after whitespace) by a row of at least three years: the heading and header of
/// the next table, printed without caption ("V BUITENLANDSE ZAKEN: NIET-BELASTINGONTVANGSTEN").
fn heads_year_row(paragraphs: &[Paragraph], index: usize) -> bool {
    paragraphs[index].is_text()
        && paragraphs[index + 1..]
            .iter()
            .skip_while(|p| p.is_whitespace())
            .take(3)
            .filter(|p| p.is_value() && p.is_year_like())
            .count()
            == 3
}

/// A title that ends in its unit ("Overzicht met belangrijkste suppletoire
/// ontvangstenmutaties 2015 (Najaarsnota) Bedragen in EUR 1.000"), with four words or more
/// before the unit and a text, not a figure, as the next paragraph that is not whitespace: a
/// caption without "Tabel N". A row label with its unit ("Conservatoir beslag (in mln. euro’s)")
/// is followed by its figures.
fn titled_with_unit(paragraphs: &[Paragraph], index: usize) -> bool {
    let paragraph = &paragraphs[index];
    if !paragraph.is_text() {
        return false;
    }
    let text = paragraph.text.trim_end();
    let Some((start, end, _)) = printed::find_unit(text) else { return false };
    let ends_in_unit =
        text[end..].trim_matches(|c: char| c == ')' || c == '.' || c.is_whitespace()).is_empty();
    ends_in_unit
        && has_words(&text[..start], 4)
        && paragraph::next_printed(paragraphs, index).is_some_and(Paragraph::is_text)
}

/// A text line standing alone between blank lines, with rows printed one a line (a label and
/// its figure on one line) right above and right below it: the title of the next table, not a
/// group row ("Samenvatting uitgavenmutaties in begrotingen" between two blocks of "Vastgestelde
/// begroting 2009 (Stb. 2009, 219) 2 783,9" rows, wild page g1_05). A group row of such rows is
/// printed against the rows it names, and a flattened page never prints a label and its figure
/// on one line.
fn titles_one_line_rows(paragraphs: &[Paragraph], index: usize) -> bool {
    // The row above (its last two paragraphs), the title, the row below (its first two).
    let Some([before_figure, figure_above, title, label_below, after_label]) =
        index.checked_sub(2).and_then(|from| paragraphs.get(from..from + 5))
    else {
        return false;
    };
    let row_above_on_one_line = is_figure(figure_above) && before_figure.line == figure_above.line;
    let row_below_on_one_line =
        label_below.is_text() && is_figure(after_label) && label_below.line == after_label.line;
    title.is_text()
        && printed::caption(title.text).is_none()
        && figure_above.line + 2 <= title.line
        && title.line + 2 <= label_below.line
        && row_above_on_one_line
        && row_below_on_one_line
}

/// True when the open region is a table of contents (its caption is a contents heading): its
/// entries are one-line rows, and an entry printed without its page between them, or wrapped
/// onto the next line, is no title of a next table.
fn in_contents(open: Option<&Region>, paragraphs: &[Paragraph]) -> bool {
    open.and_then(|region| region.caption)
        .is_some_and(|caption| printed::is_contents_heading(paragraphs[caption].text))
}

/// True when at least `length` text paragraphs that are no caption follow one another from
/// `index` (whitespace breaks the run).
fn text_run_reaches(paragraphs: &[Paragraph], index: usize, length: usize) -> bool {
    paragraphs[index..]
        .iter()
        .take_while(|p| p.is_text() && printed::caption(p.text).is_none())
        .take(length)
        .count()
        == length
}

/// A value that is a figure of the body rather than a year of the header.
pub fn is_figure(paragraph: &Paragraph) -> bool {
    paragraph.is_value() && !paragraph.is_year_like()
}

fn close(open: &mut Option<Region>, regions: &mut Vec<Region>, at_end: bool) {
    if let Some(mut region) = open.take() {
        region.runs_to_end = at_end;
        regions.push(region);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::paragraph::paragraphs;

    #[test]
    fn prose_ends_a_table_and_notes_follow_it() {
        let text = "Intro zin die lang genoeg is om proza te zijn, met heel veel woorden erin, echt waar, zeker weten.\n\nTabel 1 Iets\n\nRij1\n\n12\n\n1\n\nDit is de tekst van de voetnoot bij de tabel, lang genoeg om als proza te gelden.\n\nLicence";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].notes.len(), 1);
        assert_eq!(regions[0].notes[0].0, "1");
        assert!(!regions[0].runs_to_end);
        assert_eq!(regions[0].cells.iter().map(|&i| paragraphs[i].text).collect::<Vec<_>>(), ["Rij1", "12"]);
    }

    #[test]
    fn a_short_note_of_a_cited_marker_and_the_word_over_it_belong_to_the_notes() {
        // Wild page r4_03, lines 230-255 shortened: the last row, then two notes under "X Noot",
        // the first of five words only; "begroting1" and "begroting2" cite them.
        let text = "Tabel 1 Begrotingsstaat\n\nArt.\n\nVastgestelde begroting1\n\nMutaties 1e suppletoire begroting2\n\n\
                    Totaal\n\n36.216.810\n\n12.857.886\n\n11\n\nNog onverdeeld\n\n25.000\n\n326.628\n\n\
                    X Noot\n1\n\nInclusief ISB, NvW en amendementen.\n\nX Noot\n2\n\nInclusief de NvW bij de 1e suppletoire begroting.\n";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 1);
        let notes: Vec<(&str, &str)> =
            regions[0].notes.iter().map(|(marker, text, _)| (marker.as_str(), text.as_str())).collect();
        assert_eq!(
            notes,
            [
                ("1", "Inclusief ISB, NvW en amendementen."),
                ("2", "Inclusief de NvW bij de 1e suppletoire begroting.")
            ]
        );
        assert!(regions[0].cells.iter().all(|&i| paragraphs[i].text != "X Noot"));
        // Uncited, a short sentence after a lone number stays a cell.
        let uncited = text.replace("begroting1", "begroting").replace("begroting2", "begroting");
        let paragraphs = super::paragraph::paragraphs(&uncited);
        let at = paragraphs.iter().position(|p| p.text == "Inclusief ISB, NvW en amendementen.").unwrap();
        assert!(!short_note_of_a_cited_marker(&paragraphs, at));
        // Review of session 21: a numbered row's short name followed by its figure is no note,
        // even under a heading that glues the same number to a word.
        let numbered = "Budgettaire gevolgen van de maatregelen1\n\nTabel 2 Maatregelen\n\nNr\n\nMaatregel\n\nBedrag\n\n\
                        1\n\nRenovatie van kantoren.\n\n1.200\n\n2\n\nVerbouwing van de kantine.\n\n300\n";
        let paragraphs = super::paragraph::paragraphs(numbered);
        let at = paragraphs.iter().position(|p| p.text == "Renovatie van kantoren.").unwrap();
        assert!(!short_note_of_a_cited_marker(&paragraphs, at));
    }

    #[test]
    fn a_contents_heading_over_numbered_headings_without_pages_is_no_table() {
        // Wild page p1_04 (tweedekamer.nl, jaarverslag Gemeentefonds 2018), lines 3-10 verbatim:
        // the page's navigation list, no page anywhere.
        let text = "Inhoudsopgave\nA. ALGEMEEN\n1. AANBIEDING VAN HET JAARVERSLAG EN VERZOEK TOT DECHARGEVERLENING\n2. LEESWIJZER\nB. BELEIDSVERSLAG\n3. BELEIDSPRIORITEITEN\n3.1. Realisatie van de beleidsprioriteiten 2018\n3.2. Budgettaire en financiële consequenties van de beleidsprioriteiten 2018\n";
        let navigation = paragraphs(text);
        assert_eq!(role_of(&navigation, 0), Role::Prose);
        // (Hand-made.) Entries that print their page at their end make a table of contents.
        let with_pages =
            paragraphs("Inhoudsopgave\n1. Inleiding 3\n2. Beleidsagenda 7\n3. Beleidsartikelen 15\n");
        assert_eq!(role_of(&with_pages, 0), Role::Caption);
    }

    #[test]
    fn a_number_right_under_a_caption_heads_the_stub_and_cites_no_note() {
        // Wild page p1_01 (Prinsjesdag suppletoire 2023 of the Mobiliteitsfonds), lines 63-80
        // verbatim: the article's number "11" over the stub, then a header cell of nine words.
        let text = "Tabel 1 Budgettaire gevolgen van uitvoering art. 11 Verkenningen, reserveringen en investeringsruimte\n\n11\n\n(1) Vastgestelde begroting (incl. Suppletoire Begrotingen, NvW en amendementen)\n\n(2) Mutaties suppletoire begroting Prinsjesdag\n\nStand suppletoire begroting Prinsjesdag (3) = (1) + (2)\n\nVerplichtingen\n\n106.849\n\n131.548\n\n238.397\n";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 1);
        assert!(regions[0].notes.is_empty());
        let cells: Vec<&str> = regions[0].cells.iter().map(|&i| paragraphs[i].text).collect();
        assert_eq!(
            cells[..2],
            ["11", "(1) Vastgestelde begroting (incl. Suppletoire Begrotingen, NvW en amendementen)"]
        );
        assert_eq!(cells.len(), 8);
    }

    #[test]
    fn a_separator_under_a_header_printed_one_cell_per_line_opens_a_table_but_keeps_its_caption() {
        // One cell per line, two tables one under the other (as wild page g1_08 prints them),
        // the first under its caption.
        let text = "Tabel 1 Inkomsten\n2012 |\n|\n---|---|\nInkomsten |\n232,4 |\nUitgaven |\n254,6 |\n\
                    2012 |\n|\n---|---|\nZorg |\n75,5 |\n";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 2);
        assert!(regions[0].caption.is_some());
        let texts = |region: &Region| region.cells.iter().map(|&i| paragraphs[i].text).collect::<Vec<_>>();
        assert_eq!(texts(&regions[0]), ["2012", "Inkomsten", "232,4", "Uitgaven", "254,6"]);
        assert_eq!(texts(&regions[1]), ["2012", "Zorg", "75,5"]);
    }

    #[test]
    fn a_sentence_before_a_row_of_figures_that_opens_with_0_is_a_row_label() {
        // Wild page e2_04 (OWB 2020 XVI), "Toelichting belangrijkste nieuwe mutaties": the
        // mutation is explained in sentences, then its figures, the first of them 0.
        let label = "Dit betreft een overboeking vanaf de aanvullende post. In het regeerakkoord is \
                     afgesproken om het dierenwelzijn en de voedselveiligheid te borgen.";
        let text = format!(
            "Toelichting belangrijkste nieuwe mutaties (bedragen x € 1.000)\n\n2019\n\n2020\n\n{label}\n\n0\n\n5.800\n"
        );
        let paragraphs = paragraphs(&text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 1);
        let cells: Vec<&str> = regions[0].cells.iter().map(|&i| paragraphs[i].text).collect();
        assert_eq!(cells[1..], ["2019", "2020", label, "0", "5.800"]);
        // A marker before a note stays a marker: its note's text follows it, not a figure.
        let noted = format!("Tabel 1 Iets\n\nRij1\n\n12\n\n{label}\n\n1\n\n{label}\n");
        let noted = super::paragraph::paragraphs(&noted);
        assert_eq!(role_of(&noted, 3), Role::Prose);
    }

    #[test]
    fn a_numbered_indicator_named_in_a_sentence_stays_in_its_table() {
        // Jaarverslag 2020 VIII (wild page c4_17), "Tabel 12 Kengetallen": row number "1", the
        // indicator's name in a sentence, its sub-label "%" and the figures.
        let text = "Tabel 12 Kengetallen\n\nKengetal\n\n2016\n\n2017\n\n1\n\nAandeel thuiszittende \
                    leerlingen dat drie of meer maanden thuis zit zonder passend onderwijsaanbod1\n\n%\n\n \n\n\
                    0,08%\n\n0,09%\n";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert_eq!(regions.len(), 1);
        let cells: Vec<&str> = regions[0].cells.iter().map(|&i| paragraphs[i].text).collect();
        assert!(cells.contains(&"0,09%") && cells.contains(&"%"), "{cells:?}");
    }

    #[test]
    fn a_lone_number_nothing_cites_is_the_last_figure_not_a_note_marker() {
        // The end of a table of contents (wild page c1_06): "Trefwoordenregister", page 46, then
        // the next part's heading, six words long.
        let text = "Tabel 1 Inhoud\n\nAfkortingenlijst\n\n45\n\nTrefwoordenregister\n\n46\n\nA. ARTIKELSGEWIJZE TOELICHTING BIJ HET BEGROTINGSVOORSTEL\n";
        let paragraphs = paragraphs(text);
        let regions = find_regions(&paragraphs);
        assert!(regions[0].notes.is_empty(), "{:?}", regions[0].notes);
        assert!(regions[0].cells.iter().any(|&i| paragraphs[i].text == "46"));
    }

    #[test]
    fn numbered_headings() {
        assert!(is_numbered_heading("2.2 Veiligheidsagenda"));
        assert!(is_numbered_heading("4. De beleidsartikelen"));
        assert!(!is_numbered_heading("2019"));
        assert!(!is_numbered_heading("Realisatie 2019"));
    }
}
