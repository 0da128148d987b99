//! What is printed between the caption and the body: the header rows, and the column paths
//! built from them (the caption itself is [`super::caption`]'s). A table without caption takes
//! its title from the text above its header: the text before its unit line, or the line holding
//! the unit with the unit cut out (a title line ending in a comma is joined with the one after
//! it).
//!
//! Header rule ([`build_columns`]), on the header cells with whitespace lines expanded, after a
//! column's number or formula printed as a paragraph of its own between two titles ("Stand 1e
//! suppletoire begroting", "(5 = 3+4)") is joined to the title before it
//! ([`super::header_cells`], with the other paragraphs that join the cell they belong to):
//! 0. A code-column word ("Art.nr.") printed as the last header cell of a table with a code stub
//!    column heads the stub, not a column of figures: it is taken out first and becomes the stub
//!    header (`split_trailing_code_header`).
//! 1. A count that is a multiple of the row width (stub + data columns): that many full rows; the
//!    stub header is the last non-empty stub cell of the top row that has one. A count that is a
//!    multiple of the data columns: rows without stub cells (not when the header opens with the
//!    code column's word, "Art.", in a table with a code stub column: that word heads the stub). A
//!    leading whitespace line that spoils both is dropped first (it is the rest of a unit row), and
//!    so is a trailing one (an empty cell closing the header row). A count of `c` + a multiple of
//!    the row width whose cell after the first `c` is empty, and whose first `c` cells are titles,
//!    one repeated side by side, is a top row of per-column titles printed without its top-left
//!    cells over full rows ("Realisatie | Realisatie | … | Verschil" over " " | 2007 | … | " "): it
//!    gets them back.
//! 2. Otherwise the last `c` cells are the bottom row; of the non-empty cells above them, up to
//!    `k` are stub header cells (all of them when there are no more than `k`, the first `k`
//!    otherwise), and the remaining top cells span the bottom ones: where the bottom row repeats
//!    one run of headings once per top cell, each top cell spans one run ("Vastgestelde
//!    begroting (1)", "Mutaties 1e suppletoire begroting (2)", … each over Verplichtingen,
//!    Uitgaven, Ontvangsten); otherwise the first top cell covers the columns the others leave
//!    over, each other one covers one column ("Vastgestelde begroting" over Verplichtingen,
//!    Uitgaven, Ontvangsten).
//!
//!    Without caption or unit, texts in front of a last full row that opens with the empty
//!    top-left cell and holds years are headings, the last one the title: when they do not fill
//!    full rows, or when they fill two rows or more with every stub cell printed (a header
//!    prints its stub header once; wild page g1_07's document title and headline figures).
//! 3. After 1 or 2: where the bottom row prints one heading twice side by side ("2012 | 2012"
//!    under "Realisatie" and "Raming"), the top titles span up to each repeat instead
//!    (`titles_span_to_repeated_headings`).
//!
//! Before rule 2, a bottom row that repeats one run under the first top titles and stops short
//! of the last columns, after the second row's own stub header cell, gives each of those titles
//! one run and each title left over one column (`runs_then_single_columns`, wild page s3_05).
//!
//! Before the count rules of 1: the stub's empty cells, then titles one more than the data
//! columns, the top ones numbered up to their own count ("… (1)", "… (2)", "Mutaties 2e
//! suppletoire begroting (3)", "… (4)=(2+3)"), then two or more unnumbered titles (after the
//! stub's empty cells again or not): a bottom row under the one top cell that shares a word with
//! each of them (`bottom_row_under_one_numbered_cell`; wild pages p1_07, p1_08).
//!
//! Known failure: any other spanning top cell that is not the first (page 020, "Mutaties 2e
//! suppletoire begroting" over two columns after three single ones, its columns not numbered so)
//! gets the wrong span; the data cells are unaffected.

use super::caption::{clean_title, split_unit};
use super::grid::{self, Layout};
use super::header_cells;
use super::header_spans::{
    bottom_row_under_one_numbered_cell, numbers_over_a_full_bottom_row, rows_of_titles_over_runs,
    runs_then_single_columns, spanned_columns, titles_span_to_repeated_headings,
};
use super::paragraph::Paragraph;
use super::place;
use super::printed;
use super::region;
use crate::interpret::vocabulary;
use crate::interpret::vocabulary::has_words;
use crate::table::Column;

/// Moves the start of the body back from the first row's label over rows that belong to the
/// body although they hold no figure: an empty or code cell right before the label, spacer rows
/// (a whitespace line of a full row or of the data columns), and group rows (a text followed by
/// a whitespace line of the data columns, or a text ending in a colon followed by any whitespace
/// line). Stops at anything else (a year of the header, a header text).
pub fn extend_body_back(
    paragraphs: &[Paragraph],
    cells: &[usize],
    label_position: usize,
    layout: Layout,
) -> usize {
    let cells_of = |index: usize| paragraphs[index].empty_cells(layout.convention);
    let full = |count: usize| count == layout.width() || count == layout.columns;
    let mut start = label_position;
    // The first row's own empty code cell or code, unless the row already starts with its code.
    let starts_with_label = cells.get(start).is_some_and(|&i| paragraphs[i].is_text());
    if layout.stub_columns >= 2
        && starts_with_label
        && let Some(&before) = start.checked_sub(1).and_then(|i| cells.get(i))
    {
        let p = &paragraphs[before];
        let empty_code = p.is_whitespace() && cells_of(before) < layout.stub_columns;
        let code = !p.is_year_like() && grid::code_like(p.text);
        if empty_code || code {
            start -= 1;
        }
    }
    loop {
        // The whitespace run right before the start (one line, or one cell each in a pipe table).
        let run_start =
            cells[..start].iter().rposition(|&i| !paragraphs[i].is_whitespace()).map_or(0, |i| i + 1);
        if run_start == start {
            break;
        }
        // A short text ending in a colon leads into the rows below it ("Vorderingen
        // kasbeheerders Rijksdiensten:", wild page e1_06): a group row whatever its empty cells
        // count, with its code before it in a layout with a code column. Not a sentence ("De
        // uitgaven zijn als volgt samengesteld:" introduces the table from above), and no figure
        // in it (a sentence naming an amount, "De € 27 484 645 … is als volgt samengesteld:").
        let lead_in = run_start.checked_sub(1).filter(|&i| {
            let p = &paragraphs[cells[i]];
            p.is_text()
                && p.text.ends_with(':')
                && !vocabulary::is_sentence(p.text)
                && !p.text.contains(|c: char| c.is_ascii_digit())
        });
        if let Some(label) = lead_in {
            start = label;
            let code_before = start.checked_sub(1).map(|i| &paragraphs[cells[i]]);
            if layout.stub_columns >= 2
                && code_before.is_some_and(|p| !p.is_year_like() && grid::code_like(p.text))
            {
                start -= 1;
            }
            continue;
        }
        let run_cells: usize = cells[run_start..start].iter().map(|&i| cells_of(i)).sum();
        if !full(run_cells) {
            break;
        }
        let group_label = run_start
            .checked_sub(1)
            .filter(|&i| paragraphs[cells[i]].is_text() && run_cells == layout.columns);
        if let Some(label) = group_label {
            // A group row: a text followed by one empty cell per data column.
            start = label;
        } else if run_cells == layout.width() {
            // A spacer row.
            start = run_start;
        } else {
            break;
        }
    }
    start
}

/// The header rows, the stub header, and — for a table without caption — its title and unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuiltHeader {
    /// One column per data column.
    pub columns: Vec<Column>,
    /// The top-left header cell.
    pub stub_header: Option<String>,
    /// The title found above the header (tables without caption).
    pub title: Option<String>,
    /// The unit found above the header (tables without caption).
    pub unit: Option<String>,
}

/// A table's title and unit printed above its header, without caption.
pub struct TitleAbove {
    pub title: Option<String>,
    pub unit: Option<String>,
    /// How many of the cells they take.
    pub cells: usize,
}

/// The title and unit a table without caption prints before its header: the leading texts up to
/// the last one holding a unit (a caption printed twice in other words holds one each), the unit
/// cut out of its line; the texts before it join the title when the line is the unit alone or
/// ends in a comma. `None` when no leading text holds a unit.
pub fn title_and_unit_above(paragraphs: &[Paragraph], cells: &[usize]) -> Option<TitleAbove> {
    let leading_texts = cells.iter().take_while(|&&i| paragraphs[i].is_text()).count();
    let position =
        cells[..leading_texts].iter().rposition(|&i| printed::find_unit(paragraphs[i].text).is_some())?;
    let text = &paragraphs[cells[position]].text;
    let (rest, unit) = split_unit(text);
    let unit = printed::unit_line(text).or(unit);
    let mut title_parts: Vec<String> = Vec::new();
    if printed::unit_line(text).is_none() && !rest.is_empty() {
        title_parts.push(rest);
    }
    let mut back = position;
    while let Some(previous) = back.checked_sub(1) {
        let p = &paragraphs[cells[previous]];
        let joins = title_parts.is_empty() || p.text.ends_with(',');
        if p.is_text() && joins && !region::is_numbered_heading(p.text)
            || (title_parts.is_empty() && p.is_text())
        {
            title_parts.insert(0, p.text.to_string());
            back = previous;
        } else {
            break;
        }
    }
    let title = clean_title(&title_parts.join(" "));
    Some(TitleAbove { title: (!title.is_empty()).then_some(title), unit, cells: position + 1 })
}

/// Builds the column paths from the cells between the caption and the body (rules 1–2 of the
/// module doc). Always returns exactly `layout.columns` columns.
pub fn build_columns(paragraphs: &[Paragraph], cells: &[usize], layout: Layout) -> BuiltHeader {
    let mut built = BuiltHeader::default();
    // Title and unit of a table without caption: the leading texts up to the last one holding a
    // unit (a caption printed twice in other words holds one each).
    let mut header_start = 0;
    if let Some(leading) = title_and_unit_above(paragraphs, cells) {
        built.title = leading.title;
        built.unit = leading.unit;
        header_start = leading.cells;
    } else if let Some((title, unit, after)) = title_row_beside_unit(paragraphs, cells, layout) {
        built.title = Some(title);
        built.unit = Some(unit);
        header_start = after;
    }
    // A text glued by a single newline to the whitespace line after it, the empty top-left cell
    // of the header row below (a single newline starts a row): a row of its own above the
    // header, the table's title ("I DE KONING", " ", then the years; wild pages z1_07, g2_03).
    // Not where every line is glued so (then a single newline says nothing).
    // Headings above that title (a page's "De Koning") are left out with it.
    let texts = cells[header_start..].iter().take(3).take_while(|&&i| paragraphs[i].is_text()).count();
    if built.title.is_none()
        && texts >= 1
        && let [top_left, next, ..] = &cells[header_start + texts..]
        && paragraphs[*top_left].is_whitespace()
        && paragraphs[*top_left].attached
        && !paragraphs[*next].attached
    {
        let title = cells[header_start + texts - 1];
        built.title = Some(clean_title(paragraphs[title].text));
        header_start += texts;
    }
    let (header_paragraphs, code_header) =
        split_trailing_code_header(paragraphs, &cells[header_start..], layout);
    fill_columns(paragraphs, header_paragraphs, layout, &mut built);
    titles_span_to_repeated_headings(&mut built.columns);
    if let Some(code_header) = code_header {
        built.stub_header.get_or_insert(code_header);
    }
    built
}

/// A first header row that holds the table's title in its stub cell and only a unit in its last
/// cell, its cells between empty ("Staat van baten en lasten", "     ", "Bedragen x € 1.000"
/// over the row "Omschrijving", "Oorspronkelijk", …): a caption printed as a table row, by the
/// test every reader shares ([`crate::interpret::caption::unit_beside_title`]), in a row no wider
/// than a full row. Returns the title, the unit and where the header rows start.
fn title_row_beside_unit(
    paragraphs: &[Paragraph],
    cells: &[usize],
    layout: Layout,
) -> Option<(String, String, usize)> {
    let (&first, rest) = cells.split_first()?;
    let title = &paragraphs[first];
    let blanks = rest.iter().take_while(|&&i| paragraphs[i].is_whitespace()).count();
    let &unit_cell = rest.get(blanks)?;
    if !title.is_text() {
        return None;
    }
    let unit = crate::interpret::caption::unit_beside_title(title.text, paragraphs[unit_cell].text)?;
    let empty_cells: usize =
        rest[..blanks].iter().map(|&i| paragraphs[i].empty_cells(layout.convention)).sum();
    (blanks > 0 && empty_cells + 2 <= layout.width()).then(|| (clean_title(title.text), unit, blanks + 2))
}

/// A code column's header printed after the column headers: the last header cell, right before
/// the body, is a code-column word ("Art.nr.", "Artikelnr.", "Art.": see
/// [`vocabulary::is_code_column_header`]) in a table whose stub has a code column (two stub
/// columns or more). Such a word names the codes in the stub, not a column of figures, so it is
/// taken out before the other header cells are fitted to the columns, and becomes the stub
/// header. Left in, it fills a full row with the top-left cell and shifts every column header
/// one to the left: the first year ends up in the stub and the word heads the last column of
/// figures.
///
/// Only the last cell is taken: a code word followed by more header cells ("Artikelnr." between
/// two "2015"s) heads a text column printed after the figures, which is a data column. Known
/// failure: a table whose code column really is its last data column *and* whose layout has a
/// code stub column as well would lose that column's header.
fn split_trailing_code_header<'c>(
    paragraphs: &[Paragraph],
    header: &'c [usize],
    layout: Layout,
) -> (&'c [usize], Option<String>) {
    let Some((&last, rest)) = header.split_last() else { return (header, None) };
    let word = &paragraphs[last];
    let others = rest.iter().any(|&i| paragraphs[i].is_text() || paragraphs[i].is_value());
    if layout.stub_columns >= 2 && others && word.is_text() && vocabulary::is_code_column_header(word.text) {
        (rest, Some(word.text.to_string()))
    } else {
        (header, None)
    }
}

/// The column paths and stub header from the header cells (rules 1–2 of the module doc), into
/// `built`, which already holds the title and unit found above the header.
fn fill_columns(
    paragraphs: &[Paragraph],
    header_paragraphs: &[usize],
    layout: Layout,
    built: &mut BuiltHeader,
) {
    let width = layout.width();
    let c = layout.columns;
    let k = layout.stub_columns;
    // A lone text above a body without header, in a table without caption: its title.
    if built.title.is_none()
        && header_paragraphs.len() == 1
        && paragraphs[header_paragraphs[0]].is_text()
        && has_words(paragraphs[header_paragraphs[0]].text, 3)
    {
        built.title = Some(paragraphs[header_paragraphs[0]].text.to_string());
        built.columns = vec![Column::default(); c];
        return;
    }
    if let Some((stub_header, columns)) = columns_opened_by_numbers(paragraphs, header_paragraphs, layout) {
        built.stub_header = stub_header;
        built.columns = columns;
        return;
    }
    if let Some((stub_header, columns)) = paired_header_cells(paragraphs, header_paragraphs, layout) {
        built.stub_header = stub_header;
        built.columns = columns;
        return;
    }
    if let Some((stub_header, columns)) =
        header_rows_split_by_single_newlines(paragraphs, header_paragraphs, layout)
    {
        built.stub_header = stub_header;
        built.columns = columns;
        return;
    }
    let mut header: Vec<String> = Vec::new();
    let mut leading_whitespace = 0;
    for (n, &index) in header_paragraphs.iter().enumerate() {
        let p = &paragraphs[index];
        if p.is_whitespace() {
            let count = p.empty_cells(layout.convention);
            if n == 0 {
                leading_whitespace = count;
            }
            header.extend(std::iter::repeat_n(String::new(), count));
        } else {
            header.push(p.text.to_string());
        }
    }
    header_cells::join_lone_column_formulas(&mut header);
    header_cells::join_lone_years_where_too_many(&mut header, layout);
    header_cells::join_lower_case_continuations(&mut header, |joined| {
        numbers_over_a_full_bottom_row(joined, layout).is_some()
    });
    // A top row printed without its top-left cells over full rows that have them: the count is
    // c + m × width, the cell after the first c (the next row's top-left) is empty, and the
    // first c cells are one title per column, a title repeated side by side ("Realisatie",
    // "Realisatie", …): a row of per-column titles, not stub headers beside a spanning title.
    let top_row_without_stub = |header: &[String]| {
        let n = header.len();
        c >= 2
            && n > c
            && (n - c).is_multiple_of(width)
            && header[c..c + k].iter().all(String::is_empty)
            && header[..c].iter().all(|cell| !cell.is_empty())
            && header[..c].windows(2).any(|pair| pair[0] == pair[1])
    };
    let fits = |n: usize| n > 0 && (n.is_multiple_of(width) || (c >= 2 && n.is_multiple_of(c)));
    if top_row_without_stub(&header) && !fits(header.len()) {
        let mut padded: Vec<String> = vec![String::new(); k];
        padded.append(&mut header);
        header = padded;
    }
    if let Some(columns) = bottom_row_under_one_numbered_cell(&header, layout) {
        built.columns = columns;
        return;
    }
    if !fits(header.len()) && leading_whitespace > 0 && fits(header.len() - leading_whitespace) {
        header.drain(..leading_whitespace);
    }
    // Likewise a trailing whitespace line: an empty cell closing the header row, one more than
    // the columns ("Omschrijving | Ontwerpbegroting 2021 (1) | … | Mutatie 2025 | ' '").
    let trailing_whitespace = header_paragraphs
        .last()
        .map(|&index| &paragraphs[index])
        .filter(|p| p.is_whitespace())
        .map_or(0, |p| p.empty_cells(layout.convention));
    if !fits(header.len())
        && trailing_whitespace > 0
        && header.len() > trailing_whitespace
        && fits(header.len() - trailing_whitespace)
    {
        header.truncate(header.len() - trailing_whitespace);
    }
    if header.is_empty() {
        built.columns = vec![Column::default(); c];
        return;
    }
    // Without caption or unit, texts in front of full header rows that start with the empty
    // top-left cell and hold years are headings: the last is the title.
    if built.title.is_none() && header.len() > width && !header.len().is_multiple_of(width) {
        let leading_texts = header.iter().take_while(|cell| !cell.is_empty()).count();
        let titles = (1..=leading_texts).find(|&t| {
            (header.len() - t).is_multiple_of(width)
                && header.len() > t
                && header[t].is_empty()
                && header[t..].iter().any(|cell| printed::is_year_like(cell))
        });
        if let Some(titles) = titles {
            built.title = header.drain(..titles).next_back();
        }
    }
    // Likewise when the count fits full rows, but only as two rows or more of texts alone (every
    // cell printed) above a last row that opens with the empty top-left cell and holds years: a
    // header prints its stub header once, so rows that fill every stub cell are headings above
    // the table (a document's title lines, headline figures, then the table's own title).
    let rows_of_texts = header.len() / width.max(1);
    if built.title.is_none()
        && header.len().is_multiple_of(width)
        && rows_of_texts >= 3
        && header[header.len() - width..header.len() - width + k].iter().all(String::is_empty)
        && header[header.len() - width + k..].iter().any(|cell| printed::is_year_like(cell))
        && header[..header.len() - width].iter().all(|cell| !cell.is_empty())
    {
        let titles = header.len() - width;
        built.title = header.drain(..titles).next_back();
    }
    // A full bottom row (the stub header and one title per column) under a row of column
    // numbers printed one per column from the left, where the last ones may have vanished ("(1)", "(2)",
    // "(3)=(2)-(1)" over four titles): numbers do not span.
    if let Some((stub_header, columns)) = numbers_over_a_full_bottom_row(&header, layout) {
        built.stub_header = Some(stub_header);
        built.columns = columns;
        return;
    }
    let rows: Vec<&[String]> = if header.len().is_multiple_of(width) {
        header.chunks(width).collect()
    } else if c >= 2
        && header.len().is_multiple_of(c)
        && header.len() / c <= 3
        && !(k >= 2 && vocabulary::is_code_column_header(&header[0]))
    {
        // (Rows of data cells only: unless the header opens with the code column's word, "Art.",
        // which heads the stub, not a column of figures.)
        let rows: Vec<&[String]> = header.chunks(c).collect();
        built.columns = (0..c)
            .map(|j| Column { path: rows.iter().map(|row| row[j].clone()).collect(), ..Column::default() })
            .collect();
        return;
    } else {
        Vec::new()
    };
    if !rows.is_empty() {
        built.stub_header =
            rows.iter().find_map(|row| row[..k].iter().rev().find(|s| !s.is_empty())).cloned();
        built.columns = (0..c)
            .map(|j| Column {
                path: rows.iter().map(|row| row[k + j].clone()).collect(),
                ..Column::default()
            })
            .collect();
        return;
    }
    if let Some((stub_header, columns)) = rows_of_titles_over_runs(&header, layout) {
        built.stub_header = stub_header;
        built.columns = columns;
        return;
    }
    if let Some((stub_header, columns)) = runs_then_single_columns(&header, layout) {
        built.stub_header = Some(stub_header);
        built.columns = columns;
        return;
    }
    // Rule 2: a bottom row under spanning top cells.
    let split = header.len().saturating_sub(c);
    let bottom: Vec<String> = header[split..].to_vec();
    if let Some((unit, columns)) = unit_opening_the_bottom_row(&header[..split], &bottom, layout) {
        built.stub_header = Some(unit);
        built.columns = columns;
        return;
    }
    // A top row that prints its stub cells empty, as the bottom row does ("", "Realisatie",
    // "Vastgestelde begroting", "Verschil", then "" and the years; wild page u1_08): every title
    // heads columns, none the stub, so the empty stub cells stay to say so.
    // The whitespace lines before and after the titles may count more empty cells than the
    // stub has (wild pages u2_05, s2_03: "       ", the titles, " ").
    let above = &header[..split];
    let titles = above.iter().filter(|cell| !cell.is_empty()).count();
    let first_title = above.iter().position(|cell| !cell.is_empty());
    // Taken only over a bottom row of periods (years, "t-1", and the budget year "t" among
    // them), whose titles stand above.
    let stub_printed_empty = (1..=c).contains(&titles)
        && bottom.iter().any(|cell| vocabulary::is_period_heading(cell))
        && bottom.iter().all(|cell| cell.is_empty() || vocabulary::is_period_heading(cell) || cell == "t")
        && first_title.is_some_and(|first| {
            // The first title heads columns, not the stub: no unit and no word of the stub
            // ("Bedragen x € 1.000", "Omschrijving", "Artikelonderdeel": a stub heading after a
            // whitespace line).
            let title = above[first].trim();
            let heads_the_stub = printed::unit_line(title).is_some()
                || vocabulary::heads_name_column(title)
                || vocabulary::is_code_column_header(title)
                || title.to_lowercase().starts_with("artikel");
            first >= k
                && !heads_the_stub
                && above.len() > first + titles
                && above[first..first + titles].iter().all(|cell| !cell.is_empty())
        });
    let top: Vec<String> = above
        .iter()
        .enumerate()
        .filter(|(at, cell)| !cell.is_empty() || (stub_printed_empty && *at < k))
        .map(|(_, cell)| cell.clone())
        .collect();
    let (stub_header, columns) = spanned_columns(top, bottom, layout);
    built.stub_header = stub_header;
    built.columns = columns;
}

/// A unit printed right before a bottom row of one heading a column ("(x € 1.000)" before
/// 2009 … 2013, 2013, 2013) is that row's stub cell, where the stub header stands, not a title of
/// the top row: the top row opens with its empty stub cells and then prints only titles
/// ("Realisatie", "Oorspronkelijk Vastgestelde begroting", "Verschil"; wild page v2_03, lines
/// 9-31), which span the bottom row's columns (the first covers what the others leave; a year
/// printed twice side by side then moves the spans, [`titles_span_to_repeated_headings`]).
/// Returns the unit and the columns.
fn unit_opening_the_bottom_row(
    above: &[String],
    bottom: &[String],
    layout: Layout,
) -> Option<(String, Vec<Column>)> {
    let k = layout.stub_columns;
    let (unit, top_row) = above.split_last()?;
    printed::unit_line(unit)?;
    let opening = top_row.iter().take_while(|cell| cell.is_empty()).count();
    let titles = &top_row[opening..];
    if k == 0
        || opening < k
        || titles.len() < 2
        // As many titles as stub columns or fewer would be read as the stub's headers.
        || titles.len() <= k
        || titles.len() > layout.columns
        || titles.iter().any(|title| title.is_empty() || printed::is_year_like(title))
        || printed::is_year_like(unit)
        || bottom.len() != layout.columns
    {
        return None;
    }
    let mut top = vec![String::new(); k];
    top.extend(titles.iter().cloned());
    let (_, columns) = spanned_columns(top, bottom.to_vec(), layout);
    Some((unit.clone(), columns))
}

/// Header cells printed as a title and, in a paragraph of its own after it, its column formula
/// ("Stand ontwerpbegroting 2010", "(1)"; "Verschil realisatie en vastgestelde begroting",
/// "(3 = 2 – 1)"), where some columns may print none ("Realisatie (4) 2014"): after `k` stub
/// texts (or none), every text that does not start with "(" opens a column and every one that
/// does closes it. Applies when that gives exactly `c` columns and at least two formulas. Failing
/// that, titles over several paragraphs ("Oorspronkelijk", "Vastgestelde", "begroting", "(1)"):
/// consecutive texts join into one title, and every one of the `c` columns must be closed by its
/// formula. Returns the stub header (the last stub text) and one path [title, formula] per column
/// ([title] for a column without formula).
fn paired_header_cells(
    paragraphs: &[Paragraph],
    header: &[usize],
    layout: Layout,
) -> Option<(Option<String>, Vec<Column>)> {
    let c = layout.columns;
    let texts: Vec<&str> =
        header.iter().map(|&i| &paragraphs[i]).skip_while(|p| p.is_whitespace()).map(|p| p.text).collect();
    if c < 2 || texts.iter().any(|text| text.is_empty()) {
        return None;
    }
    let formula = |text: &str| text.starts_with('(');
    let skips = [layout.stub_columns, 0].into_iter().filter(|&skip| skip <= texts.len());
    // First every text a title of its own; then titles over several paragraphs, each column
    // closed by its formula.
    [false, true]
        .into_iter()
        .flat_map(|joined_titles| skips.clone().map(move |skip| (joined_titles, skip)))
        .find_map(|(joined_titles, skip)| {
            let mut columns: Vec<Column> = Vec::new();
            let mut formulas = 0;
            for (at, text) in texts[skip..].iter().enumerate() {
                let previous = (at > 0).then(|| texts[skip + at - 1]);
                if formula(text) {
                    let previous_is_title = previous.is_some_and(|previous| !formula(previous));
                    let column = columns.last_mut().filter(|_| previous_is_title)?;
                    column.path.push(text.to_string());
                    formulas += 1;
                } else if joined_titles
                    && let Some(column) = columns.last_mut().filter(|_| previous.is_some_and(|p| !formula(p)))
                {
                    let title = &mut column.path[0];
                    *title = format!("{title} {text}");
                } else {
                    columns.push(Column { path: vec![text.to_string()], ..Column::default() });
                }
            }
            let stub_header = texts[..skip].last().map(|text| text.to_string());
            let enough_formulas = if joined_titles { formulas == c } else { formulas >= 2 };
            (columns.len() == c && enough_formulas).then_some((stub_header, columns))
        })
}

/// Header cells printed as each column's number first and its title after it, in paragraphs of
/// their own ("(1)", "Stand na ISB", "(2)", "Mutaties 1e", "suppletoire begroting 2018", …,
/// "(4)=(1)+(2)+", "(3)", "Totaal geraamd", …, "(6)=(5)–(4)", "Slotverschillen", "(+ of –)"): a
/// paragraph opening with the next column number, "(n)" or "(n)=…", opens a column, unless the
/// paragraph before ends in an operator (then it is the rest of that formula); everything else
/// joins the open column's title. Texts before "(1)" are the stub header. Applies when the
/// numbers run 1 to `c` and every column has a title (a row of numbers above a row of titles,
/// "(1)", "(2)", "(3)", "Omschrijving", …, is two header rows). Returns the stub header and one
/// path of one level per column ("(1) Stand na ISB").
fn columns_opened_by_numbers(
    paragraphs: &[Paragraph],
    header: &[usize],
    layout: Layout,
) -> Option<(Option<String>, Vec<Column>)> {
    let c = layout.columns;
    let texts: Vec<&str> = header
        .iter()
        .map(|&i| &paragraphs[i])
        .filter(|p| p.is_text() || p.is_value())
        .map(|p| p.text)
        .collect();
    // A paragraph that is only a column's number or formula, and the number it gives its column.
    let number_of = |text: &str| {
        place::is_column_formula(text)
            .then(|| vocabulary::column_number(text))
            .flatten()
            .and_then(|number| usize::try_from(number).ok())
    };
    let first = texts.iter().position(|text| number_of(text) == Some(1))?;
    if c < 2 || first > layout.stub_columns {
        return None;
    }
    let mut titles: Vec<Vec<&str>> = Vec::new();
    let mut titled: Vec<bool> = Vec::new();
    for (at, text) in texts.iter().enumerate().skip(first) {
        let continues_formula = at > first && texts[at - 1].ends_with(['+', '-', '–', '=', '×', '/']);
        if number_of(text) == Some(titles.len() + 1) && !continues_formula {
            titles.push(vec![text]);
            titled.push(false);
        } else {
            titles.last_mut()?.push(text);
            if !continues_formula {
                *titled.last_mut()? = true;
            }
        }
    }
    if titles.len() != c || titled.iter().any(|&titled| !titled) {
        return None;
    }
    let stub_header = (first > 0).then(|| texts[..first].join(" "));
    let columns =
        titles.into_iter().map(|parts| Column { path: vec![parts.join(" ")], ..Column::default() }).collect();
    Some((stub_header, columns))
}

/// Header rows told apart by the single newline that joins the first cell of a row to the last
/// cell of the row above (page 010: a top row "Realisatie", "Begroting", "Verschil" printed once
/// over the years below). Applies when there are two or more such rows and the last one is a
/// full row (stub and data cells, or data cells only). The top row's first whitespace line is
/// its top-left cell, however many spaces it has; its other cells span the bottom row.
fn header_rows_split_by_single_newlines(
    paragraphs: &[Paragraph],
    header: &[usize],
    layout: Layout,
) -> Option<(Option<String>, Vec<Column>)> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for (n, &index) in header.iter().enumerate() {
        if n == 0 || paragraphs[index].attached {
            rows.push(Vec::new());
        }
        if let Some(row) = rows.last_mut() {
            row.push(index);
        }
    }
    // The top row opens with its whitespace top-left cell; heading lines above a header do not.
    if rows.len() < 2 || !header.first().is_some_and(|&i| paragraphs[i].is_whitespace()) {
        return None;
    }
    let expand = |row: &[usize]| -> Vec<String> {
        row.iter()
            .flat_map(|&i| {
                let p = &paragraphs[i];
                if p.is_whitespace() {
                    vec![String::new(); p.empty_cells(layout.convention)]
                } else {
                    vec![p.text.to_string()]
                }
            })
            .collect()
    };
    let bottom = expand(rows.last()?);
    let bottom = if bottom.len() == layout.width() {
        bottom[layout.stub_columns..].to_vec()
    } else if bottom.len() == layout.columns {
        bottom
    } else {
        return None;
    };
    let mut top: Vec<String> = Vec::new();
    for (n, row) in rows[..rows.len() - 1].iter().enumerate() {
        for (m, &index) in row.iter().enumerate() {
            let p = &paragraphs[index];
            if n == 0 && m == 0 && p.is_whitespace() {
                continue;
            }
            top.extend(expand(&[index]));
        }
    }
    let first_text = top.iter().position(|cell| !cell.is_empty())?;
    let top = top.split_off(first_text);
    if top.len() > layout.columns {
        return None;
    }
    let spans_left = layout.columns + 1 - top.len();
    let mut columns = Vec::new();
    for (n, cell) in top.iter().enumerate() {
        let span = if n == 0 { spans_left } else { 1 };
        for _ in 0..span {
            let bottom_cell = bottom.get(columns.len()).cloned().unwrap_or_default();
            columns.push(Column { path: vec![cell.clone(), bottom_cell], ..Column::default() });
        }
    }
    Some((None, columns))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::header_spans::least_columns_under_runs;
    use crate::read::text::paragraph::{SpaceConvention, paragraphs};

    /// The stub header and the column headers `build_columns` reads from `text`, every paragraph
    /// a header cell, under a layout of `stub_columns` and `columns`.
    fn stub_and_headers(text: &str, stub_columns: usize, columns: usize) -> (Option<String>, Vec<String>) {
        let paragraphs = paragraphs(text);
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        let layout = Layout { stub_columns, columns, convention: SpaceConvention::TwoMinusOne };
        let built = build_columns(&paragraphs, &cells, layout);
        (built.stub_header, built.columns.iter().map(Column::header).collect())
    }

    #[test]
    fn a_unit_before_the_bottom_row_is_its_stub_cell() {
        // Round v page v2_03 (JV 2013 VII, Tabel 11.1), lines 9-31: a whitespace line, three
        // titles, the unit, then seven years of which 2013 three times.
        let text = "Tabel 11.1 Centraal apparaat\n           \n\nRealisatie\n\nOorspronkelijk Vastgestelde begroting\n\n\
                    Verschil\n\n(x € 1.000)\n\n2009\n\n2010\n\n2011\n\n2012\n\n2013\n\n2013\n\n2013\n";
        let paragraphs = paragraphs(text);
        let cells: Vec<usize> = (1..paragraphs.len()).collect();
        // Its stub: a code and a name ("11.1", "Apparaat (excl. AIVD)").
        let layout = Layout { stub_columns: 2, columns: 7, convention: SpaceConvention::TwoMinusOne };
        let built = build_columns(&paragraphs, &cells, layout);
        let (stub_header, headers): (Option<String>, Vec<String>) =
            (built.stub_header, built.columns.iter().map(Column::header).collect());
        assert_eq!(stub_header.as_deref(), Some("(x € 1.000)"));
        assert_eq!(
            headers,
            [
                "Realisatie 2009",
                "Realisatie 2010",
                "Realisatie 2011",
                "Realisatie 2012",
                "Realisatie 2013",
                "Oorspronkelijk Vastgestelde begroting 2013",
                "Verschil 2013"
            ]
        );
    }

    #[test]
    fn repeated_runs_under_titles_with_one_left_over_give_the_least_width() {
        // Wild page s3_05 (Infrastructuurfonds 1SUPP 2021), Tabel 19, lines 7-33: four titles over
        // "huidig", "vorig" three times, the last title over both rows, then a group row's label.
        let header = [
            "Realisatieprogramma hoofdwegennet (12.03.01)",
            "Kasbudget 2021",
            "Projectbudget",
            "Openstelling",
            "Toelichting",
            "Projectomschrijving",
            "huidig",
            "vorig",
            "huidig",
            "vorig",
            "huidig",
            "vorig",
            "",
            "Projecten Nationaal",
        ];
        assert_eq!(least_columns_under_runs(&header), 7);
        // Each title over one run, none left over: the runs' own count says nothing more.
        assert_eq!(least_columns_under_runs(&["Omschrijving", "A", "B", "Art.", "x", "y", "x", "y"]), 0);
        // No run repeated: nothing.
        assert_eq!(least_columns_under_runs(&["Omschrijving", "2019", "2020", "2021"]), 0);
    }

    #[test]
    fn header_printed_once_over_subcolumns() {
        let text = "Art.\n\nOmschrijving\n\nVastgestelde begroting\n\n   \n\nVerplichtingen\n\nUitgaven\n\nOntvangsten";
        let (stub_header, headers) = stub_and_headers(text, 2, 3);
        assert_eq!(stub_header.as_deref(), Some("Omschrijving"));
        assert_eq!(
            headers,
            [
                "Vastgestelde begroting Verplichtingen",
                "Vastgestelde begroting Uitgaven",
                "Vastgestelde begroting Ontvangsten"
            ]
        );
    }

    /// Wild page r4_03 (nota van wijziging 2023, VWS), lines 19-39: "Art.", "Omschrijving", two
    /// titles, a whitespace line, then Verplichtingen, Uitgaven, Ontvangsten twice. (The page
    /// glues a note marker to each title, "begroting1"; left out here, the header rule is about
    /// the titles.) A stub of three columns (an indent column, the code, the name) must not take
    /// "Vastgestelde begroting" for its header: the bottom row's two runs take the last two
    /// titles, one each.
    #[test]
    fn the_bottom_rows_runs_take_the_last_titles_whatever_the_stubs_width() {
        let text = "Art.\n\nOmschrijving\n\nVastgestelde begroting\n\nMutaties 1e suppletoire begroting\n\n   \n\nVerplichtingen\n\nUitgaven\n\nOntvangsten\n\nVerplichtingen\n\nUitgaven\n\nOntvangsten";
        let (stub_header, headers) = stub_and_headers(text, 3, 6);
        assert_eq!(stub_header.as_deref(), Some("Omschrijving"));
        assert_eq!(
            headers,
            [
                "Vastgestelde begroting Verplichtingen",
                "Vastgestelde begroting Uitgaven",
                "Vastgestelde begroting Ontvangsten",
                "Mutaties 1e suppletoire begroting Verplichtingen",
                "Mutaties 1e suppletoire begroting Uitgaven",
                "Mutaties 1e suppletoire begroting Ontvangsten",
            ]
        );
    }

    #[test]
    fn a_bottom_row_under_the_numbered_cell_whose_words_it_shares() {
        // Wild page p1_08 (2SUPP 2016 IXA), lines 9-23 verbatim: the top row's four titles, the
        // bottom row's empty stub cell, then its two titles under "Mutaties … (3)".
        let text = " \n\nVastgestelde begroting\n\nStand 1ste suppletoire begroting (2)\n\nMutaties 2e suppletoire begroting (3)\n\nStand 2e suppletoire begroting (4=2+3)\n\n \n\nMutaties Miljoenennota\n\nOverige mutaties 2e suppletoire begroting\n";
        let paragraphs = paragraphs(text);
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        let layout = Layout { stub_columns: 1, columns: 5, convention: SpaceConvention::TwoMinusOne };
        let built = build_columns(&paragraphs, &cells, layout);
        assert_eq!(built.stub_header, None);
        let headers: Vec<String> = built.columns.iter().map(Column::header).collect();
        assert_eq!(
            headers,
            [
                "Vastgestelde begroting",
                "Stand 1ste suppletoire begroting (2)",
                "Mutaties 2e suppletoire begroting (3) Mutaties Miljoenennota",
                "Mutaties 2e suppletoire begroting (3) Overige mutaties 2e suppletoire begroting",
                "Stand 2e suppletoire begroting (4=2+3)"
            ]
        );
    }
}
