//! A flattened table printed one cell a line whose data columns hold texts and codes beside the
//! figures, read by the kinds of its columns: the passiva side of a two-sided saldibalans (its
//! code and name after the activa's figures, wild pages u4_01, t2_01, l2_03), a project list's
//! department column (t2_02). The layout search of [`super::layout_search`] cuts rows where a
//! text follows figures, so such a table's rows fall apart there; here every cell keeps its
//! place in the row instead, as in Pytheas and ExtracTable: a reading is a profile of column
//! kinds (code, text, figure), and the best one is the one the cells cohere with.
//!
//! The reading, for each width the header allows:
//! 1. The header is the first row (after the title and unit of a table without caption, as
//!    [`super::header`] finds them): as many cells as the width, whitespace lines counting their
//!    empty cells, none a figure but for periods ("2021", "31-12-2020"); or one cell less, its
//!    first title over the stub's code and name columns; or a top row of titles each printed
//!    once over a run of columns whose bottom headings are empty, then a full bottom row; or one
//!    cell more, without the one empty cell that makes its halves alike (a saldibalans' sides);
//!    or two side titles over a bottom row whose empty cells each span a side's code and name
//!    (see `header_shapes`).
//! 2. The body's cells are a stream, whitespace lines expanded to their empty cells. Candidate
//!    profiles come from the body itself: the kinds of the cells of a row's width from each
//!    code or text that may open a row; each candidate is refined by the majority kind of each
//!    column after one fill. A year ("2021") fits a figure column and a text column alike (a
//!    project list's "voorkeursbeslissing": "2021", "nnb", "Regio"; wild page w3_06) and, like a
//!    short whole number, does not decide a column's kind.
//! 3. A fill places the cells row by row, each in the next column. A short whole number fits
//!    a code or a figure column. A text where a code column stands before a text column spans
//!    both (a group or total row printed across the code, "Intra-comptabele posten"); a text
//!    alone at a row's start that is followed by the opening of the next row is a group row
//!    whose empty cells vanished ("Definitieve toekenningen"). A column headed by what it
//!    measures ("Streefwaarde") takes figures and texts alike; a text after a numbered item's
//!    name, before its figures, goes on the name (a name over two paragraphs). Any other cell
//!    out of its kind is a mismatch (`fill`).
//! 4. A reading counts only when nearly every printed cell fits its column (at most one in
//!    fifty out of kind), it has three rows or more, a data column (after the stub: the leading
//!    codes, a column headed "Art." among them, and the first text column) holds texts or
//!    codes, every period heading (and every heading of an amount or a budget's stage with a
//!    year, "Verplichtingen 2022") stands over figures, at least half the data columns (and two)
//!    are headed, the stub ends in its name column and holds at least half as many names as any
//!    text column among the data. Ties go to the reading with more complete rows, then to more
//!    leading code columns. `mod.rs` decides when a reading replaces the layout search's.
//! 5. What follows the last row is cut off when the whole does not read: texts (the headings of
//!    what comes next), each counting against the reading, or a note marker the caption cites
//!    with its note's text (`note_marker`), which becomes the table's note.
//!
//! The same idea as [`super::rhythm`], cutting a stream of cells by width, with two allowances
//! that one lacks (a name spanning the code column, a group row whose empty cells vanished);
//! the two are to become one stage. Cost: a region over 20,000 cells, or whose whitespace lines
//! stand for more empty cells than that, is not read so; a fill stops at the first cell out of
//! kind past the allowance.

mod fill;
mod header_shapes;
mod note_marker;

use super::grid::{FittedRow, Layout, RowMarks, Slot};
use super::paragraph::{Paragraph, SpaceConvention};
use crate::interpret::vocabulary;
use crate::normalize::measure::{Measure, column_measure};
use fill::{Fill, fill, refined};
use header_shapes::{Opening, header_shapes};

/// What a printed cell is, for fitting it to a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellKind {
    /// A whitespace line's empty cell.
    Empty,
    /// A whole number of one to three digits: a small figure or a code.
    Short,
    /// A year ("2021"): a figure, or a date in a column of texts ("voorkeursbeslissing": "2021",
    /// "nnb").
    Year,
    Code,
    Text,
    Figure,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    Code,
    Text,
    Figure,
}

/// One cell of the stream: its kind and the paragraph it was printed in.
#[derive(Debug, Clone, Copy)]
struct Token {
    kind: CellKind,
    paragraph: usize,
}

/// A reading by column kinds: the layout, the rows, the header row.
#[derive(Clone)]
pub(super) struct KindReading<'a> {
    pub layout: Layout,
    /// True when every printed cell fits its column and nine rows in ten or more are complete.
    pub clean: bool,
    /// True when every printed cell fits its column and nine rows in ten or more are complete
    /// but for the last row, which may be cut short (a table the input ends inside).
    pub clean_but_the_last_row: bool,
    pub rows: Vec<FittedRow<'a>>,
    /// The header's cell texts, one per column of the width ("" for an empty cell).
    pub header: Vec<String>,
    /// True when the text columns repeat in blocks side by side ([code, name, figure, figure]
    /// twice; a short code may read as a figure): two printed rows read as one, unless the header
    /// heads two sides.
    pub repeats_a_block: bool,
    /// The title and unit printed above the header of a table without caption.
    pub title: Option<String>,
    pub unit: Option<String>,
    /// A note marker printed after the last row and left out of it, with the text after it
    /// (the note) and the marker's line.
    pub note: Option<(String, String, usize)>,
}

/// The most columns a reading by kinds tries.
pub(super) const MOST_COLUMNS: usize = 24;
/// The most cells of a region read by kinds.
const MOST_CELLS: usize = 20_000;
/// The most candidate profiles tried per width.
const MOST_PROFILES: usize = 40;

// A candidate profile is told from the others by a number of two bits a column: every kind
// fits two bits, and every column of the widest reading fits a u64.
const _: () = assert!(2 * MOST_COLUMNS <= 64);
const _: () = assert!(
    (ColumnKind::Code as u64) < 4 && (ColumnKind::Text as u64) < 4 && (ColumnKind::Figure as u64) < 4
);

fn kind_of(paragraph: &Paragraph) -> CellKind {
    let text = paragraph.text;
    if paragraph.is_whitespace() {
        CellKind::Empty
    } else if vocabulary::is_short_whole_number(text) {
        CellKind::Short
    } else if vocabulary::is_year(text) {
        CellKind::Year
    } else if is_row_code(text) {
        CellKind::Code
    } else if paragraph.is_text() {
        CellKind::Text
    } else {
        CellKind::Figure
    }
}

/// A code that opens a row: an article code ("1.1", "01") that is no figure, a reference ("1)",
/// "4a)"), or articles joined by a plus ("16 + 98").
fn is_row_code(text: &str) -> bool {
    let reference = text.strip_suffix(')').is_some_and(|inner| {
        (1..=4).contains(&inner.len())
            && inner.starts_with(|c: char| c.is_ascii_digit())
            && inner.chars().all(|c| c.is_ascii_alphanumeric())
    });
    // Articles printed together ("16 + 98": a measure paid from two articles, wild page w3_04;
    // "1, 3": wild page w3_05).
    let joined_articles = text.starts_with(|c: char| c.is_ascii_digit())
        && [" + ", ", "].iter().any(|joint| {
            text.contains(joint)
                && text.split(joint).all(|part| vocabulary::is_short_whole_number(part) || is_row_code(part))
        });
    // The word an article column prints for a measure paid from several articles ("diverse",
    // wild page w3_05), in lower case only: "Diverse" is a row's name.
    let several_articles = ["diverse", "div.", "div"].contains(&text);
    reference
        || joined_articles
        || several_articles
        || (vocabulary::is_code(text) && !vocabulary::is_plain_figure(text) && !text.contains(' '))
}

/// The cells of a stream, whitespace lines expanded under `convention`; `kinds` gives each
/// cell's kind (worked out once for both conventions).
fn tokens(
    paragraphs: &[Paragraph],
    cells: &[usize],
    kinds: &[CellKind],
    convention: SpaceConvention,
) -> Vec<Token> {
    let mut out = Vec::with_capacity(cells.len());
    for (&index, &kind) in cells.iter().zip(kinds) {
        let paragraph = &paragraphs[index];
        let count = if paragraph.is_whitespace() { paragraph.empty_cells(convention) } else { 1 };
        out.extend(std::iter::repeat_n(Token { kind, paragraph: index }, count));
    }
    out
}

/// Candidate profiles: the kinds of `width` cells from each printed code or text that may open
/// a row, a short number taken as a figure and an empty cell as whatever the refinement finds
/// (a figure first).
fn candidate_profiles(tokens: &[Token], width: usize) -> Vec<Vec<ColumnKind>> {
    let mut out: Vec<Vec<ColumnKind>> = Vec::new();
    // Each profile also as a number, two bits a column (at most [`MOST_COLUMNS`] of them), to
    // tell a profile seen before without comparing it column by column with every other.
    let mut seen: Vec<u64> = Vec::new();
    for start in 0..=tokens.len().saturating_sub(width) {
        if out.len() >= MOST_PROFILES || start + width > tokens.len() {
            break;
        }
        if !matches!(tokens[start].kind, CellKind::Code | CellKind::Text | CellKind::Short) {
            continue;
        }
        // Short numbers in the leading run of codes are codes (article and round: "1", "1").
        let window = &tokens[start..start + width];
        let leading_codes =
            window.iter().take_while(|t| matches!(t.kind, CellKind::Code | CellKind::Short)).count();
        let kind_at = |at: usize| match window[at].kind {
            CellKind::Code => ColumnKind::Code,
            CellKind::Short if at < leading_codes => ColumnKind::Code,
            // A short number before a name and its figures opens the other side's row
            // ("2", "Ontvangsten ten gunste van de begroting", "706 504" after the activa's
            // amount; wild page x2_01), not a figure before a column of references.
            CellKind::Short
                if window.get(at + 1).is_some_and(|next| next.kind == CellKind::Text)
                    && window.get(at + 2).is_some_and(|next| next.kind == CellKind::Figure) =>
            {
                ColumnKind::Code
            }
            CellKind::Text => ColumnKind::Text,
            _ => ColumnKind::Figure,
        };
        let key = (0..width).fold(0u64, |key, at| key << 2 | kind_at(at) as u64);
        if !seen.contains(&key) {
            seen.push(key);
            out.push((0..width).map(kind_at).collect());
        }
    }
    out
}

/// True when a header row heads two sides: a period heading ("31-12-2020", "2019") printed
/// twice, with a text between the two; or two alike halves that print a period or a unit.
pub(super) fn heads_two_sides(header: &[String]) -> bool {
    // Or two halves alike that head their figures with a period or a unit ("", "", "x EUR 1 000"
    // over each side: wild page x2_01).
    let half = header.len() / 2;
    let alike_halves = header.len().is_multiple_of(2)
        && half >= 2
        && header[..half] == header[half..]
        && header[..half]
            .iter()
            .any(|text| vocabulary::is_period_heading(text) || super::printed::find_unit(text).is_some());
    alike_halves
        || header.iter().enumerate().any(|(at, text)| {
            vocabulary::is_period_heading(text)
                && header[at + 1..].iter().position(|later| later == text).is_some_and(|gap| {
                    header[at + 1..at + 1 + gap]
                        .iter()
                        .any(|between| !between.is_empty() && !vocabulary::is_period_heading(between))
                })
        })
}

/// True for a heading of words that ends in a year ("Verplichtingen 2022", "Bedrag uitgaven
/// 2022", "Realisatie 2019"): what a column of figures counts, and for which year.
fn names_what_and_when(heading: &str) -> bool {
    heading.trim().rsplit_once(' ').is_some_and(|(words, last)| {
        vocabulary::is_year(last) && words.chars().next().is_some_and(char::is_alphabetic)
    })
}

/// True for a heading that names an amount or a budget's stage and a year ("Verplichtingen
/// 2022", "Bedrag uitgaven 2022", "Mutatie 2015"): a column of figures. Not a target
/// ("Streefwaarde 2025", "Norm 2013": "Stijgend", "Minimaal 7,5") or a status ("Status 2023"),
/// which may be texts. The measure is read as everywhere else ([`column_measure`]).
fn names_an_amount_and_year(heading: &str) -> bool {
    names_what_and_when(heading)
        && column_measure(&[heading.to_string()]).is_some_and(|measure| {
            !matches!(measure, Measure::Norm | Measure::Streefwaarde | Measure::Basiswaarde)
        })
}

/// What a heading says of the column under it, asked once per heading ([`read_cells`]).
#[derive(Clone, Copy)]
struct HeadingSays {
    /// It names what the column measures: the column holds values, figures or texts.
    values: bool,
    /// It is a period or an amount with its year: the column holds figures.
    figures: bool,
}

/// How many stub columns a profile has: its leading codes (a column headed by the word for
/// article codes counts as one, whatever it prints: "Art." over "Beleidsartikel 01") and the
/// first text column after them.
fn stub_columns(profile: &[ColumnKind], header: &[&str]) -> usize {
    let codes = profile
        .iter()
        .zip(header)
        .take_while(|&(&kind, heading)| {
            kind == ColumnKind::Code || vocabulary::is_code_column_header(heading)
        })
        .count();
    if profile.get(codes) == Some(&ColumnKind::Text) { codes + 1 } else { codes.max(1) }
}

/// True when the stub's name column holds at least half as many names as any text column among
/// the data: the rows' names are in the stub, not cut a few cells into the data.
fn names_in_the_stub(filled: &Fill, profile: &[ColumnKind], stub: usize) -> bool {
    let printed = |column: usize| filled.rows().filter(|row| row[column].is_some()).count();
    let names = printed(stub - 1);
    (stub..profile.len())
        .filter(|&column| profile[column] == ColumnKind::Text)
        .all(|column| 2 * names >= printed(column))
}

/// The best reading of each run of cells at the narrowest width a reading over several widths
/// tried, kept so that reading that width alone again (the text reader does, where the best
/// reading is wider and cannot win) costs nothing: keyed by where the cells lie and the width.
#[derive(Default)]
pub(super) struct KindsCache<'a> {
    narrowest: Vec<(CellsAndWidth, Option<(i64, KindReading<'a>)>)>,
}

/// Where a run of cells lies (its first cell's address and its length) and a width.
type CellsAndWidth = (*const usize, usize, usize);

/// Reads `cells` (a region's cells after its caption) by the kinds of their columns, or `None`
/// when no reading meets step 4 of the module doc. `cache` keeps the best reading at the
/// narrowest of `widths` for a later reading of that width alone.
pub(super) fn read_by_column_kinds<'a>(
    paragraphs: &'a [Paragraph<'a>],
    cells: &[usize],
    widths: std::ops::RangeInclusive<usize>,
    cache: &mut KindsCache<'a>,
) -> Option<KindReading<'a>> {
    // A bound for hostile input: a table this long is no saldibalans or project list.
    if cells.len() > MOST_CELLS {
        return None;
    }
    // A table without caption may print its title and unit above the header; or, without a
    // unit there, up to [`MOST_TITLE_LINES`] lines of titles (a page's heading, the ministry,
    // the table's own title: wild page x2_01), the last one the table's title.
    let starts: Vec<(usize, Option<String>, Option<String>)> =
        match super::header::title_and_unit_above(paragraphs, cells) {
            Some(above) => vec![(above.cells, above.title, above.unit)],
            None => (0..=MOST_TITLE_LINES.min(cells.len()))
                .take_while(|&skipped| cells[..skipped].iter().all(|&index| paragraphs[index].is_text()))
                .map(|skipped| {
                    let title = skipped.checked_sub(1).map(|last| paragraphs[cells[last]].text.to_string());
                    (skipped, title, None)
                })
                .collect(),
        };
    let kinds: Vec<CellKind> = cells.iter().map(|&index| kind_of(&paragraphs[index])).collect();
    let mut best: Option<(i64, KindReading<'a>)> = None;
    for (skipped, title, unit) in starts {
        let Some((points, reading)) =
            read_after_titles(paragraphs, &cells[skipped..], &kinds[skipped..], widths.clone(), cache)
        else {
            continue;
        };
        // Of readings alike, the one with fewer lines taken as titles ("Art." heads a column).
        if best.as_ref().is_none_or(|(best_points, _)| points > *best_points) {
            best = Some((points, KindReading { title, unit, ..reading }));
        }
    }
    best.map(|(_, reading)| reading)
}

/// The most lines of titles a table without caption prints above its header, skipped in turn.
const MOST_TITLE_LINES: usize = 4;

/// The best reading by kinds of `cells` (of kinds `kinds`) from their first cell on, with its
/// points.
fn read_after_titles<'a>(
    paragraphs: &'a [Paragraph<'a>],
    cells: &[usize],
    kinds: &[CellKind],
    widths: std::ops::RangeInclusive<usize>,
    cache: &mut KindsCache<'a>,
) -> Option<(i64, KindReading<'a>)> {
    // One cell a line: a printed cell joined to the line before by a single newline is a row
    // of cells on lines of their own, not this layout.
    let printed: Vec<&Paragraph> =
        cells.iter().map(|&index| &paragraphs[index]).filter(|p| !p.is_whitespace()).collect();
    let attached = printed.iter().filter(|p| p.attached).count();
    if printed.is_empty() || attached * 10 > printed.len() {
        return None;
    }
    // A whitespace line of a million spaces stands for a million empty cells: not read so.
    let most_empty: usize = cells
        .iter()
        .map(|&index| paragraphs[index].empty_cells(SpaceConvention::OnePerCell))
        .fold(0, usize::saturating_add);
    if most_empty > MOST_CELLS {
        return None;
    }
    // Texts after the last row's values and its empty cells are the headings of what follows
    // the table ("Toelichting", wild page w3_04), not a row of it: when the table read with
    // them is not clean and the table read without them ends in a complete row (texts that
    // complete the last row, a status column's "gereed", stay).
    let last_value = kinds.iter().rposition(|&kind| !matches!(kind, CellKind::Text | CellKind::Empty));
    let end = last_value.map_or(cells.len(), |last_value| {
        last_value + 1 + kinds[last_value + 1..].iter().take_while(|&&kind| kind == CellKind::Empty).count()
    });
    let whole = read_cells(paragraphs, cells, kinds, widths.clone(), cache);
    if whole.as_ref().is_some_and(|(_, reading)| reading.clean) {
        return whole;
    }
    // The cells up to `end` read with a complete last row; the texts left out count against the
    // reading, as cells out of kind would: a reading of the whole that takes its title lines off
    // does not lose to one that cuts texts off its end.
    let mut cut = |end: usize| {
        let dropped = kinds[end..].iter().filter(|&&kind| kind != CellKind::Empty).count() as i64;
        read_cells(paragraphs, &cells[..end], &kinds[..end], widths.clone(), cache)
            .filter(|(_, reading)| {
                reading.rows.last().is_some_and(|row| row.marks.fit != super::grid::Fit::Short)
            })
            .map(|(points, reading)| (points - 100 * dropped, reading))
    };
    if end < cells.len()
        && let Some(reading) = cut(end)
    {
        return Some(reading);
    }
    // A lone note marker printed last, with its note's text right after it, is no cell either
    // ([`note_marker::is_cited_note_marker`]): only where nothing else reads.
    if whole.is_none()
        && let Some(marker) =
            last_value.filter(|&at| note_marker::is_cited_note_marker(paragraphs, cells, kinds, at))
        && let Some((points, reading)) = cut(marker)
    {
        let at = cells[marker];
        let text = paragraphs[at + 1..].iter().find(|p| !p.is_whitespace()).map_or("", |p| p.text);
        let note = Some((paragraphs[at].text.to_string(), text.to_string(), paragraphs[at].line));
        return Some((points, KindReading { note, ..reading }));
    }
    whole
}

/// The best reading by kinds of `cells` (of kinds `kinds`), with its points.
fn read_cells<'a>(
    paragraphs: &'a [Paragraph<'a>],
    cells: &[usize],
    kinds: &[CellKind],
    widths: std::ops::RangeInclusive<usize>,
    cache: &mut KindsCache<'a>,
) -> Option<(i64, KindReading<'a>)> {
    let narrowest_width = *widths.start();
    let key = |width: usize| (cells.as_ptr(), cells.len(), width);
    let one_width = widths.start() == widths.end();
    if one_width && let Some((_, known)) = cache.narrowest.iter().find(|(at, _)| *at == key(narrowest_width))
    {
        return known.clone();
    }
    let mut best: Option<(i64, KindReading<'a>)> = None;
    // The best at the narrowest width, for the cache (pruned by its own best, not the overall).
    let mut narrowest: Option<(i64, KindReading<'a>)> = None;
    // What a heading says of its column, asked once per heading: every width and every header
    // shape asks it of the same few titles again (keyed by where the text lies; a header's few
    // titles make a list searched in order cheaper than hashing).
    let mut said: Vec<(*const u8, usize, HeadingSays)> = Vec::new();
    let mut heading_says = |heading: &str| {
        if heading.is_empty() {
            return HeadingSays { values: false, figures: false };
        }
        let key = (heading.as_ptr(), heading.len());
        if let Some(&(_, _, known)) = said.iter().find(|(at, len, _)| (*at, *len) == key) {
            return known;
        }
        let says = HeadingSays {
            values: vocabulary::names_a_measure(heading) || names_what_and_when(heading),
            figures: vocabulary::is_period_heading(heading) || names_an_amount_and_year(heading),
        };
        said.push((key.0, key.1, says));
        says
    };
    for convention in [SpaceConvention::OnePerCell, SpaceConvention::TwoMinusOne] {
        let stream = tokens(paragraphs, cells, kinds, convention);
        let opening = Opening::of(paragraphs, &stream);
        let widest = (*widths.end()).min(stream.len()).min(opening.widest_reading());
        for (width, shape) in (*widths.start().max(&3)..=widest).flat_map(|width| {
            header_shapes(paragraphs, &stream, &opening, width).into_iter().map(move |shape| (width, shape))
        }) {
            let body = &stream[shape.taken..];
            // A data column headed by what it measures ("Streefwaarde", "Realisatie 2012") holds
            // values, printed as figures or as texts alike ("0", "Norm 2013", "Maximaal 5,5%";
            // wild page z4_06). Not the first column: that holds the rows' names or codes.
            let says: Vec<HeadingSays> = shape.headings.iter().map(|heading| heading_says(heading)).collect();
            let values: Vec<bool> = (0..width).map(|column| column > 0 && says[column].values).collect();
            // At most one printed cell in fifty out of kind (step 4), four times that before the
            // refinement.
            let most = body.iter().filter(|t| t.kind != CellKind::Empty).count() / 50;
            for candidate in candidate_profiles(body, width) {
                // Only a row that prints a text or code after its name can hold one among
                // the data (the many rows of plain tables are given up here, before any fill).
                // And a row names itself after at most three codes: a window whose first text
                // lies deeper is a row cut a few cells off.
                let name =
                    candidate.iter().position(|&kind| kind == ColumnKind::Text).filter(|&name| name <= 3);
                if !name
                    .is_some_and(|name| candidate[name + 1..].iter().any(|&kind| kind != ColumnKind::Figure))
                {
                    continue;
                }
                let Some(first) = fill(body, &candidate, &values, 4 * most) else { continue };
                let profile = refined(&candidate, &first);
                let Some(filled) = fill(body, &profile, &values, most) else { continue };
                let printed = filled.fitting + filled.mismatches;
                let complete = filled.short.iter().filter(|short| !**short).count();
                let headings = &shape.headings;
                let stub = stub_columns(&profile, headings);
                let text_data = profile[stub..].iter().any(|&kind| kind != ColumnKind::Figure);
                let figures = profile[stub..].contains(&ColumnKind::Figure);
                if complete < 3
                    || !text_data
                    || !figures
                    || filled.mismatches * 50 > printed
                    || stub >= width
                    || profile[stub - 1] != ColumnKind::Text
                    || !names_in_the_stub(&filled, &profile, stub)
                    || (shape.spans_the_code_column && (stub < 2 || profile[0] != ColumnKind::Code))
                {
                    continue;
                }
                // A period heads figures, and so does an amount with its year ("Verplichtingen
                // 2022"): a profile that puts a code, a text or the rows' names under one is cut
                // or turned a cell or two (wild page n2_02). (A status or a target and a year,
                // "Status 2023", "Streefwaarde 2025", may head texts.) Where the header is one
                // cell wider than the rows (`wider_by_one`), such a heading must also stand over a
                // column that prints figures, not over an empty spacer column.
                let prints = |column: usize| {
                    !shape.wider_by_one
                        || filled.rows().any(|row| row[column].is_some_and(|t| t.kind != CellKind::Empty))
                };
                let over_figures = (0..width).all(|column| {
                    !says[column].figures || (profile[column] == ColumnKind::Figure && prints(column))
                });
                if !over_figures {
                    continue;
                }
                // Every column of these documents is headed: at least two data columns, and
                // half of them, must be.
                let headed = headings[stub..].iter().filter(|heading| !heading.is_empty()).count();
                if headed < 2 || headed * 2 < width - stub {
                    continue;
                }
                // Cells fitting count most; of readings that fit alike, the one with more rows
                // complete (not a rotation that cuts every row a few cells off), then the one
                // with more leading code columns (short numbers before the name are codes).
                // A column of codes is headed by the code's word ("Art.") or by nothing, never
                // by a title of three words or more: a reading that stands the table's title
                // over one took the title for a heading ("Artikel 11 Hoofdwatersystemen", wild
                // page b3_08).
                if profile[0] == ColumnKind::Code && vocabulary::has_words(headings[0], 3) {
                    continue;
                }
                // Short numbers before the name are codes, but not where the first row prints
                // none: a column of numbers printed after the figures, each row's taken for the
                // next row's code, leaves the first row without one (wild page b3_08).
                let first_row_coded = filled
                    .rows()
                    .next()
                    .is_some_and(|row| row[0].is_some_and(|token| token.kind != CellKind::Empty));
                let leading_codes = if first_row_coded {
                    profile.iter().take_while(|&&kind| kind == ColumnKind::Code).count()
                } else {
                    0
                };
                let points = 100 * (filled.fitting as i64 - 10 * filled.mismatches as i64)
                    + 10 * complete as i64
                    + leading_codes as i64;
                let beats = |reading: &Option<(i64, KindReading<'a>)>| {
                    reading.as_ref().is_none_or(|(best_points, _)| points > *best_points)
                };
                let at_narrowest = !one_width && width == narrowest_width;
                let beats_best = beats(&best);
                let beats_narrowest = at_narrowest && beats(&narrowest);
                if !beats_best && !beats_narrowest {
                    continue;
                }
                let layout = Layout { stub_columns: stub, columns: width - stub, convention };
                // A title printed once over several columns goes before each one's heading.
                let header = headings
                    .iter()
                    .enumerate()
                    .map(|(column, heading)| match shape.tops.get(column).filter(|top| !top.is_empty()) {
                        Some(top) if !heading.is_empty() => format!("{top} {heading}"),
                        Some(top) => top.to_string(),
                        None => heading.to_string(),
                    })
                    .collect();
                let rows = fitted_rows(paragraphs, &filled, stub);
                let clean = filled.mismatches == 0 && complete * 10 >= 9 * filled.short.len();
                let clean_but_the_last_row =
                    filled.mismatches == 0 && complete * 10 >= 9 * filled.short.len().saturating_sub(1);
                let repeats_a_block = (1..width).filter(|block| width % block == 0).any(|block| {
                    let is_text = |at: usize| profile[at] == ColumnKind::Text;
                    (block..width).all(|at| is_text(at) == is_text(at - block))
                });
                let reading = KindReading {
                    layout,
                    clean,
                    clean_but_the_last_row,
                    rows,
                    header,
                    repeats_a_block,
                    title: None,
                    unit: None,
                    note: None,
                };
                match (beats_best, beats_narrowest) {
                    (true, true) => {
                        narrowest = Some((points, reading.clone()));
                        best = Some((points, reading));
                    }
                    (true, false) => best = Some((points, reading)),
                    (false, _) => narrowest = Some((points, reading)),
                }
            }
        }
    }
    if !one_width {
        cache.narrowest.push((key(narrowest_width), narrowest));
    }
    best
}

/// The fill's rows as the text reader's fitted rows: the first `stub` cells the stub, the rest
/// the data; an empty cell keeps the line of the row's first printed cell.
fn fitted_rows<'a>(paragraphs: &'a [Paragraph<'a>], filled: &Fill, stub: usize) -> Vec<FittedRow<'a>> {
    filled
        .rows()
        .zip(&filled.short)
        .enumerate()
        .map(|(index, (row, &short))| {
            let first = row.iter().flatten().next().map(|t| t.paragraph);
            let line = first.map_or(0, |index| paragraphs[index].line);
            let slot = |token: &Option<Token>| match token {
                Some(token) if token.kind != CellKind::Empty => Slot::printed(paragraphs, token.paragraph),
                _ => Slot::empty(line, first.unwrap_or(0)),
            };
            let mut marks = RowMarks::EXACT;
            if short {
                marks.fit = super::grid::Fit::Short;
            }
            let slot = |column: usize, token: &Option<Token>| {
                let mut slot = slot(token);
                for &(_, _, paragraph) in filled
                    .continued
                    .iter()
                    .filter(|&&(at_row, at_column, _)| at_row == index && at_column == column)
                {
                    slot.join(paragraphs[paragraph].text);
                }
                slot
            };
            FittedRow {
                stub: row[..stub].iter().enumerate().map(|(column, token)| slot(column, token)).collect(),
                data: if short {
                    row[stub..]
                        .iter()
                        .flatten()
                        .filter(|t| t.kind != CellKind::Empty)
                        .map(|t| Slot::printed(paragraphs, t.paragraph))
                        .collect()
                } else {
                    row.iter().enumerate().skip(stub).map(|(column, token)| slot(column, token)).collect()
                },
                marks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::paragraph::paragraphs;

    /// Jaarverslag 2020, Infrastructuurfonds, Tabel 54 Saldibalans (wild page u4_01, lines 6-131):
    /// the activa and the passiva side by side, one cell a line, a group row printed across both
    /// code columns.
    const SALDIBALANS: &str = " \n\nActiva\n\n31-12-2020\n\n31-12-2019\n\n \n\nPassiva\n\n31-12-2020\n\n31-12-2019\n\n        \n\nIntra-comptabele posten\n\n  \n\nIntra-comptabele posten\n\n  \n\n1)\n\nUitgaven ten laste van de begroting\n\n6.371.446\n\n5.760.757\n\n2)\n\nOntvangsten ten gunste van de begroting\n\n6.091.580\n\n5.809.338\n\n3)\n\nLiquide middelen\n\n0\n\n0\n\n   \n\n0\n\n4)\n\nRekening-courant RHB (Rijkshoofdboekhouding)\n\n0\n\n48.582\n\n4a)\n\nRekening-courant RHB\n\n279.866\n\n0\n\n5)\n\nRekening-courant RHB Begrotingsreserve\n\n0\n\n0\n\n5a)\n\nBegrotingsreserves\n\n \n\n0\n\n6)\n\nVorderingen buiten begrotingsverband\n\n \n\n0\n\n7)\n\nSchulden buiten begrotingsverband\n\n \n\n0\n\n8)\n\nKas-transverschillen\n\n \n\n0\n\n    \n \n\nAfrondingsverschil\n\n \n\n0\n\n \n\nAfrondingsverschil\n\n \n\n1";

    /// The reading by kinds of every paragraph, at any width.
    fn read_every_cell<'a>(paragraphs: &'a [Paragraph<'a>]) -> KindReading<'a> {
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        read_by_column_kinds(paragraphs, &cells, 3..=MOST_COLUMNS, &mut KindsCache::default())
            .expect("a reading by kinds")
    }

    fn texts(row: &FittedRow) -> (Vec<String>, Vec<String>) {
        (
            row.stub.iter().map(|slot| slot.text.to_string()).collect(),
            row.data.iter().map(|slot| slot.text.to_string()).collect(),
        )
    }

    #[test]
    fn article_columns_print_lists_and_the_word_diverse_in_lower_case() {
        // Wild page w3_05's "Art." column: "diverse", "3", "1, 3"; the review's "Diverse" row.
        assert!(is_row_code("diverse"));
        assert!(is_row_code("1, 3"));
        assert!(is_row_code("16 + 98"));
        assert!(!is_row_code("Diverse"));
        assert!(!is_row_code("Bijdragen, subsidies"));
    }

    #[test]
    fn the_narrowest_width_read_again_from_the_cache_is_the_width_read_alone() {
        // Every width from 8 on, then 8 alone from the cache, against 8 alone read afresh: the
        // same reading (the text reader reads the usual width again where a wider reading loses).
        let paragraphs = paragraphs(SALDIBALANS);
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        let summary = |reading: Option<KindReading>| {
            reading.map(|reading| (reading.layout.width(), reading.clean, reading.header, reading.rows.len()))
        };
        let mut cache = KindsCache::default();
        let _ = read_by_column_kinds(&paragraphs, &cells, 8..=MOST_COLUMNS, &mut cache);
        let from_cache = summary(read_by_column_kinds(&paragraphs, &cells, 8..=8, &mut cache));
        let afresh = summary(read_by_column_kinds(&paragraphs, &cells, 8..=8, &mut KindsCache::default()));
        assert!(afresh.is_some());
        assert_eq!(from_cache, afresh);
        assert!(!cache.narrowest.is_empty());
    }

    #[test]
    fn a_saldibalans_reads_both_sides_into_one_row() {
        let paragraphs = paragraphs(SALDIBALANS);
        let reading = read_every_cell(&paragraphs);
        assert_eq!((reading.layout.stub_columns, reading.layout.columns), (2, 6));
        assert_eq!(
            reading.header,
            ["", "Activa", "31-12-2020", "31-12-2019", "", "Passiva", "31-12-2020", "31-12-2019"]
        );
        assert!(heads_two_sides(&reading.header));
        let rows: Vec<_> = reading.rows.iter().map(texts).collect();
        // The spacer, then the group row across both code columns.
        assert_eq!(rows[1].0, ["", "Intra-comptabele posten"]);
        assert_eq!(rows[1].1, ["", "", "", "Intra-comptabele posten", "", ""]);
        assert_eq!(rows[2].0, ["1)", "Uitgaven ten laste van de begroting"]);
        assert_eq!(
            rows[2].1,
            [
                "6.371.446",
                "5.760.757",
                "2)",
                "Ontvangsten ten gunste van de begroting",
                "6.091.580",
                "5.809.338"
            ]
        );
        // "Liquide middelen" has no passiva entry: three empty cells, then its 2019 figure.
        assert_eq!(rows[3].1, ["0", "0", "", "", "", "0"]);
    }

    #[test]
    fn two_sides_need_a_period_printed_twice_with_a_title_between() {
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(heads_two_sides(&header(&[
            "Activa",
            "31-12-2020",
            "31-12-2019",
            "Passiva",
            "31-12-2020",
            "31-12-2019"
        ])));
        assert!(!heads_two_sides(&header(&["Artikel", "2021", "2022", "2023"])));
        assert!(!heads_two_sides(&header(&["2021", "2021"])));
        // Wild page x2_01 (JV 2010 V): the unit alone over each side's amounts.
        assert!(heads_two_sides(&header(&["", "", "x EUR 1 000", "", "", "x EUR 1 000"])));
        assert!(!heads_two_sides(&header(&["", "Omschrijving", "", "Omschrijving"])));
    }

    /// OWB 2023, Nationaal Groeifonds, Tabel 28 (wild page t2_02, lines 11-122): article and
    /// round codes, the project's name, then its department, a text among the figures.
    const PROJECTS: &str = "Artikel\n\nRonde\n\nProject\n\nDepartement\n\nTotaal\n\n2021\n\n2022\n\n2023\n\n2024\n\n2025\n\n2026\n\n2027\n\n2028\n\n2029\n\n2030\n\n2031\n\n2032\n\n                 \n\nDefinitieve toekenningen\n\n1\n\n1\n\nVersterking Infrastructuur Leven Lang Ontwikkelen\n\nOCW\n\n28,5\n\n \n\n3,4\n\n11,0\n\n7,5\n\n5,3\n\n1,3\n\n      \n   \n\nSZW\n\n16,2\n\n \n\n2,9\n\n5,8\n\n5,8\n\n1,6\n\n       \n\n1\n\n1\n\nNationaal Onderwijslab\n\nEZK\n\n79,6\n\n \n\n5,5\n\n5,6\n\n6,0\n\n6,4\n\n13,8\n\n6,6\n\n6,7\n\n6,8\n\n6,9\n\n15,4\n\n ";

    #[test]
    fn a_department_column_among_the_figures_keeps_its_place() {
        let paragraphs = paragraphs(PROJECTS);
        let reading = read_every_cell(&paragraphs);
        assert_eq!((reading.layout.stub_columns, reading.layout.columns), (3, 14));
        assert_eq!(reading.header[..5], ["Artikel", "Ronde", "Project", "Departement", "Totaal"]);
        assert!(reading.clean);
        let rows: Vec<_> = reading.rows.iter().map(texts).collect();
        // The spacer, the group row whose empty cells vanished, then the first project.
        assert_eq!(rows[1].0, ["", "", "Definitieve toekenningen"]);
        assert_eq!(rows[2].0, ["1", "1", "Versterking Infrastructuur Leven Lang Ontwikkelen"]);
        assert_eq!(rows[2].1[..8], ["OCW", "28,5", "", "3,4", "11,0", "7,5", "5,3", "1,3"]);
        // Its second department, on a row of its own under empty stub cells.
        assert_eq!(rows[3].0, ["", "", ""]);
        assert_eq!(rows[3].1[..4], ["SZW", "16,2", "", "2,9"]);
        assert_eq!(rows[4].0, ["1", "1", "Nationaal Onderwijslab"]);
        assert_eq!(rows[4].1[..3], ["EZK", "79,6", ""]);
        assert_eq!(rows[4].1[13], "");
    }

    /// Review of session 25: a status column ends the table; its last cell is the last row's,
    /// not a heading after the table.
    const STATUSES: &str = "Project\n\n2024\n\n2025\n\nStatus\n\nProject A\n\n1.200\n\n1.300\n\ngereed\n\nProject B\n\n300\n\n310\n\nloopt\n\nProject C\n\n50\n\n60\n\ngestart\n\nProject D\n\n5\n\n6\n\ngereed\n";

    #[test]
    fn a_text_that_completes_the_last_row_stays_in_it() {
        let paragraphs = paragraphs(STATUSES);
        let reading = read_every_cell(&paragraphs);
        assert_eq!(reading.header, ["Project", "2024", "2025", "Status"]);
        assert!(reading.clean);
        let rows: Vec<_> = reading.rows.iter().map(texts).collect();
        assert_eq!(
            rows.last().map(|row| row.1.clone()),
            Some(vec!["5".to_string(), "6".into(), "gereed".into()])
        );
    }
}
