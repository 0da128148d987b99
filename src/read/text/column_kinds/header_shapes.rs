//! The header a reading by column kinds may take ([`header_shapes`]): one row as wide as the
//! rows, one cell fewer with its first title over the stub's code and name columns, or a top row
//! of side titles over the empty runs of a full bottom row; and when the first cells of the stream
//! can make a header at all ([`is_header`]).

use super::{CellKind, Token};
use crate::interpret::vocabulary;
use crate::read::text::paragraph::Paragraph;

/// What the stream's opening cells can make of a header, worked out once for every width the
/// reading tries (asking each width's shapes anew cost the cube of the stream's length).
pub(super) struct Opening {
    /// How many cells the stream opens with that a header may hold: titles, periods and empty
    /// cells. No header is longer.
    titles: usize,
    /// `printed[count]`: how many of the first `count` cells are printed (not empty).
    printed: Vec<usize>,
    /// `goes_on[count]`: the first printed cell from `count` on is a period or a unit line, so a
    /// header of `count` cells would go on.
    goes_on: Vec<bool>,
    /// `periods[at]`: the opening's cell `at` is a period ("31-12-2020").
    periods: Vec<bool>,
    /// The whole opening may be two side titles each over its side's code and name columns
    /// ([`sides_over_code_and_name`]), a header two cells narrower than its rows.
    sides_over_pairs: bool,
}

impl Opening {
    pub(super) fn of(paragraphs: &[Paragraph], tokens: &[Token]) -> Opening {
        let titles = tokens
            .iter()
            .take_while(|t| match t.kind {
                CellKind::Empty | CellKind::Text => true,
                // A period, or a unit line printed as a heading ("Bedragen x € 1.000" over the
                // names of a saldibalans' activa; wild page z4_04), which holds a figure.
                _ => {
                    let text = paragraphs[t.paragraph].text;
                    vocabulary::is_period_heading(text) || super::super::printed::unit_line(text).is_some()
                }
            })
            .count();
        let printed = std::iter::once(0)
            .chain(tokens[..titles].iter().scan(0, |printed, t| {
                *printed += usize::from(t.kind != CellKind::Empty);
                Some(*printed)
            }))
            .collect();
        // Backwards from the first printed cell after the titles: whether the first printed
        // cell from each position on is a period or a unit line.
        let goes_on_from = |token: Option<&Token>| {
            token.is_some_and(|t| {
                let text = paragraphs[t.paragraph].text;
                vocabulary::is_period_heading(text)
                    || (t.kind == CellKind::Text && super::super::printed::unit_line(text).is_some())
            })
        };
        let mut goes_on = vec![false; titles + 1];
        let mut next = goes_on_from(tokens[titles..].iter().find(|t| t.kind != CellKind::Empty));
        for count in (0..=titles).rev() {
            if let Some(token) = tokens.get(count).filter(|t| count < titles && t.kind != CellKind::Empty) {
                next = goes_on_from(Some(token));
            }
            goes_on[count] = next;
        }
        let periods = tokens[..titles]
            .iter()
            .map(|t| vocabulary::is_period_heading(paragraphs[t.paragraph].text))
            .collect();
        let width = titles + 2;
        let sides_over_pairs = width >= 6
            && width.is_multiple_of(2)
            && [0, width / 2 - 1].iter().all(|&at| is_side_title(paragraphs, &tokens[at]));
        Opening { titles, printed, goes_on, periods, sides_over_pairs }
    }

    /// The widest reading a header can open: as wide as its titles, or one wider when its first
    /// title spans the code and name columns, or two when each of two side titles does.
    pub(super) fn widest_reading(&self) -> usize {
        self.titles + if self.sides_over_pairs { 2 } else { 1 }
    }
}

/// True when the first `count` cells of the stream can make a header (step 1 of the module doc):
/// titles, periods and empty cells only, two printed or more, ending at a cell's end and not
/// followed by a period (the header would go on).
fn is_header(paragraphs: &[Paragraph], tokens: &[Token], opening: &Opening, count: usize) -> bool {
    // Titles, periods and empty cells only, two printed or more.
    if count > opening.titles || opening.printed[count] < 2 {
        return false;
    }
    let header = &tokens[..count];
    // The header must end at a cell's end: a whitespace line may not straddle it.
    let Some(last) = header.last().map(|t| t.paragraph) else { return false };
    let next_is_other = tokens.get(count).is_none_or(|t| t.paragraph != last);
    // A period right after it, a unit ("x EUR 1 000" over each side, wild page x2_01), or a
    // title the header prints already (the bottom row's "Uitgaven | Ontvangsten" under each of
    // two titles, wild page m1_02), means the header goes on.
    let body_opens_with_a_period = opening.goes_on[count]
        || tokens[count..].iter().find(|t| t.kind != CellKind::Empty).is_some_and(|t| {
            t.kind == CellKind::Text && {
                let text = paragraphs[t.paragraph].text;
                header.iter().any(|h| h.kind == CellKind::Text && paragraphs[h.paragraph].text == text)
            }
        });
    next_is_other && !body_opens_with_a_period
}

/// A header a reading may take: how many cells of the stream it takes, and one heading per column
/// ("" for none).
pub(super) struct HeaderShape<'a> {
    pub taken: usize,
    pub headings: Vec<&'a str>,
    /// True when the header's first title spans the stub's code and name columns: the reading
    /// must have a code column before the names.
    pub spans_the_code_column: bool,
    /// True for a header one cell wider than the rows, read without one of its empty cells: its
    /// periods must stand over columns that print figures.
    pub wider_by_one: bool,
    /// Titles printed once over several columns, one per column ("" for none), to put before
    /// `headings` in the table's header; empty when the shape has none.
    pub tops: Vec<&'a str>,
}

/// The headers of `width` columns the stream can open with (step 1 of the module doc):
/// - one row of `width` cells;
/// - one row of one cell less, whose first title heads the stub's code and name columns
///   together (the activa side's "Activa" over its item numbers and names, wild page w4_06);
/// - two cells fewer, each of a saldibalans' two side titles over its side's code and name
///   columns ([`sides_over_code_and_name`]);
/// - a top row of side titles (words, at most three, no digits) printed once over several
///   columns, then a full bottom row, when the bottom row leaves as many runs of empty headings
///   as the top row prints titles: each title heads its run ("Activa" and "Passiva" over the empty cells above each side's code and name
///   columns, the dates beside them; wild page w4_02).
pub(super) fn header_shapes<'a>(
    paragraphs: &'a [Paragraph<'a>],
    tokens: &[Token],
    opening: &Opening,
    width: usize,
) -> Vec<HeaderShape<'a>> {
    let text =
        |token: &Token| if token.kind == CellKind::Empty { "" } else { paragraphs[token.paragraph].text };
    let mut shapes = Vec::new();
    if is_header(paragraphs, tokens, opening, width) {
        shapes.push(HeaderShape {
            taken: width,
            headings: tokens[..width].iter().map(text).collect(),
            spans_the_code_column: false,
            wider_by_one: false,
            tops: Vec::new(),
        });
    }
    if width >= 4
        && tokens.first().is_some_and(|t| t.kind == CellKind::Text)
        && is_header(paragraphs, tokens, opening, width - 1)
    {
        shapes.push(HeaderShape {
            taken: width - 1,
            headings: std::iter::once("").chain(tokens[..width - 1].iter().map(text)).collect(),
            spans_the_code_column: true,
            wider_by_one: false,
            tops: Vec::new(),
        });
    }
    // One cell wider than the rows: the two sides of a saldibalans, each headed alike ("Activa",
    // "", "31-12-2020", "", "31-12-2019"), with one more empty cell printed between them (eleven
    // cells over rows of ten; wild page t2_01). Read without the one empty cell whose leaving out
    // makes the two halves alike; when several would, the input does not decide: not read so.
    if width >= 4 && width.is_multiple_of(2) && is_header(paragraphs, tokens, opening, width + 1) {
        let full = |at: usize| text(&tokens[at]);
        let periods = &opening.periods;
        // Where the heading at `at` stands in the full row when the cell at `left_out` is left
        // out (looked at in place, nothing copied).
        let place = |left_out: usize, at: usize| if at < left_out { at } else { at + 1 };
        let alike = |left_out: usize| {
            let half = width / 2;
            (0..half).any(|at| periods[place(left_out, at)])
                && (0..half).all(|at| {
                    let (one, other) = (place(left_out, at), place(left_out, at + half));
                    same_place_in_a_half((full(one), periods[one]), (full(other), periods[other]))
                })
        };
        let mut left_outs =
            (0..=width).filter(|&at| tokens[at].kind == CellKind::Empty).filter(|&at| alike(at));
        if let (Some(left_out), None) = (left_outs.next(), left_outs.next()) {
            shapes.push(HeaderShape {
                taken: width + 1,
                headings: (0..width).map(|at| full(place(left_out, at))).collect(),
                spans_the_code_column: false,
                wider_by_one: true,
                tops: Vec::new(),
            });
        }
    }
    // Two side titles, each printed once over its half, then a bottom row whose empty cell opening
    // each half spans that side's code and name columns ("Activa", "Passiva", " ", "31-12-2015",
    // "31-12-2014", " ", "31-12-2015", "31-12-2014" over rows of eight; wild page x2_04): the
    // halves alike, each side's title over its four columns.
    if let Some(shape) = sides_over_spanned_pairs(paragraphs, tokens, opening, width) {
        shapes.push(shape);
    }
    // Two cells fewer than the rows: each side's title over its code and name columns, then its
    // dates ("Activa", "31-12-2014", "31-12-2013", "Passiva", "31-12-2014", "31-12-2013" over rows
    // of eight; wild page a2_07).
    if let Some(shape) = sides_over_code_and_name(paragraphs, tokens, opening, width) {
        shapes.push(shape);
    }
    // A header of `top + width` cells holds titles only.
    for top in 1..=width.min(opening.titles.saturating_sub(width)) {
        // The rows part where a cell ends.
        let parts = tokens[top - 1].paragraph != tokens[top].paragraph;
        if !parts || !is_header(paragraphs, tokens, opening, top + width) {
            continue;
        }
        let titles: Vec<&str> =
            tokens[..top].iter().filter(|t| t.kind != CellKind::Empty).map(text).collect();
        let bottom: Vec<&str> = tokens[top..top + width].iter().map(text).collect();
        let printed_below = bottom.iter().filter(|heading| !heading.is_empty()).count();
        let empty_runs =
            (0..width).filter(|&at| bottom[at].is_empty() && (at == 0 || !bottom[at - 1].is_empty())).count();
        // Side titles are words ("Activa", "DEBET"), not a page's headings.
        let side_titles = titles.iter().all(|title| reads_as_side_title(title));
        if titles.is_empty() || !side_titles || printed_below < 2 || empty_runs != titles.len() {
            continue;
        }
        // A top row as wide as the rows places each title over its own column ("", "Activa", "",
        // "", "", "Passiva", "", "" over the code, name and two dates of each side; wild page
        // z4_01), where the bottom row leaves that column's heading empty.
        let top_row: Vec<&str> = tokens[..top].iter().map(text).collect();
        let headings = if top == width && (0..width).all(|at| top_row[at].is_empty() || bottom[at].is_empty())
        {
            (0..width).map(|at| if bottom[at].is_empty() { top_row[at] } else { bottom[at] }).collect()
        } else {
            let mut next_title = titles.iter();
            let mut current = "";
            (0..width)
                .map(|at| {
                    if !bottom[at].is_empty() {
                        return bottom[at];
                    }
                    if at == 0 || !bottom[at - 1].is_empty() {
                        current = next_title.next().copied().unwrap_or("");
                    }
                    current
                })
                .collect()
        };
        shapes.push(HeaderShape {
            taken: top + width,
            headings,
            spans_the_code_column: false,
            wider_by_one: false,
            tops: Vec::new(),
        });
    }
    shapes
}

/// A side's title: a text of at most three words and no digits ("Activa", "DEBET"), not a
/// page's heading.
fn is_side_title(paragraphs: &[Paragraph], token: &Token) -> bool {
    token.kind == CellKind::Text && reads_as_side_title(paragraphs[token.paragraph].text)
}

/// The words of [`is_side_title`]: at most three, no digits.
fn reads_as_side_title(text: &str) -> bool {
    text.split_whitespace().count() <= 3 && !text.contains(|c: char| c.is_ascii_digit())
}

/// The header of [`header_shapes`]' two side titles each over its side's code and name columns,
/// if the stream opens with one for rows of `width`: `width - 2` cells, the two halves alike
/// once each side's code column is given an empty heading.
fn sides_over_code_and_name<'a>(
    paragraphs: &'a [Paragraph<'a>],
    tokens: &[Token],
    opening: &Opening,
    width: usize,
) -> Option<HeaderShape<'a>> {
    if width < 6 || !width.is_multiple_of(2) {
        return None;
    }
    let half = width / 2;
    let taken = width - 2;
    let sides = [0, half - 1];
    if !sides.iter().all(|&at| tokens.get(at).is_some_and(|token| is_side_title(paragraphs, token)))
        || !is_header(paragraphs, tokens, opening, taken)
    {
        return None;
    }
    let text =
        |token: &Token| if token.kind == CellKind::Empty { "" } else { paragraphs[token.paragraph].text };
    let headings: Vec<&'a str> = std::iter::once("")
        .chain(tokens[..half - 1].iter().map(text))
        .chain(std::iter::once(""))
        .chain(tokens[half - 1..taken].iter().map(text))
        .collect();
    if !halves_alike(&headings) {
        return None;
    }
    Some(HeaderShape { taken, headings, spans_the_code_column: true, wider_by_one: false, tops: Vec::new() })
}

/// The header of [`header_shapes`]' two side titles over a bottom row of spanned pairs, if the
/// stream opens with one for rows of `width`.
fn sides_over_spanned_pairs<'a>(
    paragraphs: &'a [Paragraph<'a>],
    tokens: &[Token],
    opening: &Opening,
    width: usize,
) -> Option<HeaderShape<'a>> {
    const SIDES: usize = 2;
    let text = |token: &Token| paragraphs[token.paragraph].text;
    let side_title = |token: &Token| is_side_title(paragraphs, token);
    // Cheap tests first: the bottom row opens with the activa side's empty pair.
    if width < 6
        || !width.is_multiple_of(SIDES)
        || tokens.get(SIDES)?.kind != CellKind::Empty
        || !tokens.get(..SIDES)?.iter().all(side_title)
    {
        return None;
    }
    // The bottom row: each empty cell two columns, every other cell one.
    let mut bottom: Vec<&'a str> = Vec::new();
    let mut taken = SIDES;
    while bottom.len() < width {
        let token = tokens.get(taken)?;
        if token.kind == CellKind::Empty {
            bottom.extend(["", ""]);
        } else {
            bottom.push(text(token));
        }
        taken += 1;
    }
    let empties = tokens[SIDES..taken].iter().filter(|t| t.kind == CellKind::Empty).count();
    let half = width / SIDES;
    if bottom.len() != width
        || empties != SIDES
        || !bottom[0].is_empty()
        || !bottom[half].is_empty()
        || !halves_alike(&bottom)
        || !is_header(paragraphs, tokens, opening, taken)
    {
        return None;
    }
    let tops = (0..width).map(|column| text(&tokens[column / half])).collect();
    Some(HeaderShape { taken, headings: bottom, spans_the_code_column: false, wider_by_one: false, tops })
}

/// True when `headings` make two halves alike: an empty heading where the other half has one,
/// a period where the other half has the same period, and one period at least (each side of a
/// saldibalans: its title, then its dates).
fn halves_alike(headings: &[&str]) -> bool {
    let half = headings.len() / 2;
    let (first, second) = headings.split_at(half);
    headings.len().is_multiple_of(2)
        && first.iter().any(|heading| vocabulary::is_period_heading(heading))
        && first.iter().zip(second).all(|(one, other)| {
            same_place_in_a_half(
                (one, vocabulary::is_period_heading(one)),
                (other, vocabulary::is_period_heading(other)),
            )
        })
}

/// True when two headings at the same place in two halves, each with whether it is a period,
/// are alike ([`halves_alike`]): both empty or both printed, and the same period where one is a
/// period.
fn same_place_in_a_half((one, one_is_period): (&str, bool), (other, other_is_period): (&str, bool)) -> bool {
    one.is_empty() == other.is_empty() && one_is_period == other_is_period && (!one_is_period || one == other)
}
