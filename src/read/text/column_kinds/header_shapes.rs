//! The header a reading by column kinds may take ([`header_shapes`]): one row as wide as the
//! rows, one cell fewer with its first title over the stub's code and name columns, or a top row
//! of side titles over the empty runs of a full bottom row; and when the first cells of the stream
//! can make a header at all ([`is_header`]).

use super::{CellKind, Token};
use crate::interpret::vocabulary;
use crate::read::text::paragraph::Paragraph;

/// True when the first `count` cells of the stream can make a header (step 1 of the module doc):
/// titles, periods and empty cells only, two printed or more, ending at a cell's end and not
/// followed by a period (the header would go on).
fn is_header(paragraphs: &[Paragraph], tokens: &[Token], count: usize) -> bool {
    let Some(header) = tokens.get(..count) else { return false };
    let printed = header.iter().filter(|t| t.kind != CellKind::Empty).count();
    let only_titles = header.iter().all(|t| match t.kind {
        CellKind::Empty | CellKind::Text => true,
        _ => {
            let text = paragraphs[t.paragraph].text;
            vocabulary::is_period_heading(text)
        }
    });
    // The header must end at a cell's end: a whitespace line may not straddle it.
    let Some(last) = header.last().map(|t| t.paragraph) else { return false };
    let next_is_other = tokens.get(count).is_none_or(|t| t.paragraph != last);
    // A period right after it, a unit ("x EUR 1 000" over each side, wild page x2_01), or a
    // title the header prints already (the bottom row's "Uitgaven | Ontvangsten" under each of
    // two titles, wild page m1_02), means the header goes on.
    let body_opens_with_a_period =
        tokens[count..].iter().find(|t| t.kind != CellKind::Empty).is_some_and(|t| {
            let text = paragraphs[t.paragraph].text;
            vocabulary::is_period_heading(text)
                || (t.kind == CellKind::Text && super::super::printed::unit_line(text).is_some())
                || (t.kind == CellKind::Text
                    && header
                        .iter()
                        .any(|h| h.kind == CellKind::Text && paragraphs[h.paragraph].text == text))
        });
    printed >= 2 && only_titles && next_is_other && !body_opens_with_a_period
}

/// A header a reading may take: how many cells of the stream it takes, and one heading per column
/// ("" for none).
pub(super) struct HeaderShape<'a> {
    pub taken: usize,
    pub headings: Vec<&'a str>,
    /// True when the header's first title spans the stub's code and name columns: the reading
    /// must have a code column before the names.
    pub spans_the_code_column: bool,
}

/// The headers of `width` columns the stream can open with (step 1 of the module doc):
/// - one row of `width` cells;
/// - one row of one cell less, whose first title heads the stub's code and name columns
///   together (the activa side's "Activa" over its item numbers and names, wild page w4_06);
/// - a top row of side titles (words, at most three, no digits) printed once over several
///   columns, then a full bottom row, when the bottom row leaves as many runs of empty headings
///   as the top row prints titles: each title heads its run ("Activa" and "Passiva" over the empty cells above each side's code and name
///   columns, the dates beside them; wild page w4_02).
pub(super) fn header_shapes<'a>(
    paragraphs: &'a [Paragraph<'a>],
    tokens: &[Token],
    width: usize,
) -> Vec<HeaderShape<'a>> {
    let text =
        |token: &Token| if token.kind == CellKind::Empty { "" } else { paragraphs[token.paragraph].text };
    let mut shapes = Vec::new();
    if is_header(paragraphs, tokens, width) {
        shapes.push(HeaderShape {
            taken: width,
            headings: tokens[..width].iter().map(text).collect(),
            spans_the_code_column: false,
        });
    }
    if width >= 4
        && tokens.first().is_some_and(|t| t.kind == CellKind::Text)
        && is_header(paragraphs, tokens, width - 1)
    {
        shapes.push(HeaderShape {
            taken: width - 1,
            headings: std::iter::once("").chain(tokens[..width - 1].iter().map(text)).collect(),
            spans_the_code_column: true,
        });
    }
    for top in 1..width {
        // The rows part where a cell ends.
        let parts = tokens[top - 1].paragraph != tokens[top].paragraph;
        if !parts || !is_header(paragraphs, tokens, top + width) {
            continue;
        }
        let titles: Vec<&str> =
            tokens[..top].iter().filter(|t| t.kind != CellKind::Empty).map(text).collect();
        let bottom: Vec<&str> = tokens[top..top + width].iter().map(text).collect();
        let printed_below = bottom.iter().filter(|heading| !heading.is_empty()).count();
        let empty_runs =
            (0..width).filter(|&at| bottom[at].is_empty() && (at == 0 || !bottom[at - 1].is_empty())).count();
        // Side titles are words ("Activa", "DEBET"), not a page's headings.
        let side_titles = titles.iter().all(|title| {
            title.split_whitespace().count() <= 3 && !title.contains(|c: char| c.is_ascii_digit())
        });
        if titles.is_empty() || !side_titles || printed_below < 2 || empty_runs != titles.len() {
            continue;
        }
        let mut next_title = titles.iter();
        let mut current = "";
        let headings = (0..width)
            .map(|at| {
                if !bottom[at].is_empty() {
                    return bottom[at];
                }
                if at == 0 || !bottom[at - 1].is_empty() {
                    current = next_title.next().copied().unwrap_or("");
                }
                current
            })
            .collect();
        shapes.push(HeaderShape { taken: top + width, headings, spans_the_code_column: false });
    }
    shapes
}
