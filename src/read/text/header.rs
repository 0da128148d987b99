//! What is printed above the body: the caption (number, title, unit), the header rows, and the
//! column paths built from them.
//!
//! Caption rule: "Tabel N rest" gives the number; the rest, joined with caption lines attached to
//! it by a single newline, is the title once a unit in it ("(bedragen x € 1.000)") is cut out; a
//! unit line right under the caption gives the unit. A table without caption takes its title
//! from the text above its header: the text before its unit line, or the line holding the unit
//! with the unit cut out (a title line ending in a comma is joined with the one after it).
//!
//! Header rule ([`build_columns`]), on the header cells with whitespace lines expanded:
//! 1. A count that is a multiple of the row width (stub + data columns): that many full rows;
//!    the stub header is the last non-empty stub cell of the top row. A count that is a multiple
//!    of the data columns: rows without stub cells. A leading whitespace line that spoils both is
//!    dropped first (it is the rest of a unit row).
//! 2. Otherwise the last `c` cells are the bottom row; of the non-empty cells above them, up to
//!    `k` are stub header cells (all of them when there are no more than `k`, the first `k`
//!    otherwise), and the remaining top cells span the bottom ones: the first top cell covers the columns the others leave over, each other one
//!    covers one column ("Vastgestelde begroting" over Verplichtingen, Uitgaven, Ontvangsten).
//!
//! Known failure: a spanning top cell that is not the first (page 020, "Mutaties 2e suppletoire
//! begroting" over two columns after three single ones) gets the wrong span; the data cells are
//! unaffected.

use super::grid::{self, Layout};
use super::paragraph::{self, Paragraph};
use super::region::{self, Region};
use crate::table::Column;

/// What the caption and the lines right under it say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Caption {
    /// The N of "Tabel N".
    pub number: Option<String>,
    /// The title, unit cut out.
    pub title: Option<String>,
    /// The unit.
    pub unit: Option<String>,
    /// How many of the region's cells the caption used (continuation lines, unit lines).
    pub consumed: usize,
}

/// Cuts a unit out of a title; returns the title (without a footnote marker left dangling after
/// the unit) and the unit.
fn split_unit(title: &str) -> (String, Option<String>) {
    match paragraph::find_unit(title) {
        Some((start, end, unit)) => {
            let after = title[end..].trim();
            let after = if paragraph::is_note_marker(after) { "" } else { after };
            let joined = format!("{} {}", title[..start].trim(), after);
            (clean_title(&joined), Some(unit))
        }
        None => (clean_title(title), None),
    }
}

fn clean_title(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', ':', ';'])
        .trim()
        .to_string()
}

/// Reads the caption of a region (see the module doc).
pub fn read_caption(paragraphs: &[Paragraph], region: &Region) -> Caption {
    let Some(caption_index) = region.caption else { return Caption::default() };
    let (number, rest) = paragraph::caption(&paragraphs[caption_index].text).unwrap_or_default();
    let mut title = rest;
    let mut consumed = 0;
    let mut previous = caption_index;
    for &index in &region.cells {
        let paragraph = &paragraphs[index];
        if index == previous + 1 && paragraph.attached && paragraph.is_text() {
            title = format!("{title} {}", paragraph.text);
            consumed += 1;
            previous = index;
        } else {
            break;
        }
    }
    let (title, mut unit) = split_unit(&title);
    while let Some(&index) = region.cells.get(consumed) {
        match paragraph::unit_line(&paragraphs[index].text) {
            Some(found) if paragraphs[index].is_text() => {
                unit.get_or_insert(found);
                consumed += 1;
            }
            _ => break,
        }
    }
    Caption {
        number: (!number.is_empty()).then_some(number),
        title: (!title.is_empty()).then_some(title),
        unit,
        consumed,
    }
}

/// Moves the start of the body back from the first row's label over rows that belong to the
/// body although they hold no figure: an empty or code cell right before the label, spacer rows
/// (a whitespace line of a full row or of the data columns), and group rows (a text followed by
/// a whitespace line of the data columns). Stops at anything else (a year of the header, a
/// header text).
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
        let code = !paragraph::is_year_like(&p.text) && grid::code_like(&p.text);
        if empty_code || code {
            start -= 1;
        }
    }
    while let Some(&before) = start.checked_sub(1).and_then(|i| cells.get(i)) {
        let p = &paragraphs[before];
        if p.is_whitespace() && full(cells_of(before)) {
            // A group row: a text followed by this whitespace line.
            let group_label = start
                .checked_sub(2)
                .and_then(|i| cells.get(i))
                .filter(|&&i| paragraphs[i].is_text() && cells_of(before) == layout.columns);
            if let Some(_label) = group_label {
                start -= 2;
            } else if cells_of(before) == layout.width() {
                start -= 1;
            } else {
                break;
            }
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

/// Builds the column paths from the cells between the caption and the body (rules 1–2 of the
/// module doc). Always returns exactly `layout.columns` columns.
pub fn build_columns(paragraphs: &[Paragraph], cells: &[usize], layout: Layout) -> BuiltHeader {
    let mut built = BuiltHeader::default();
    // Title and unit of a table without caption: everything up to the line holding a unit.
    let mut header_start = 0;
    if let Some(position) = cells
        .iter()
        .position(|&i| paragraphs[i].is_text() && paragraph::find_unit(&paragraphs[i].text).is_some())
    {
        let text = &paragraphs[cells[position]].text;
        let (rest, unit) = split_unit(text);
        built.unit = paragraph::unit_line(text).or(unit);
        let mut title_parts: Vec<String> = Vec::new();
        if paragraph::unit_line(text).is_none() && !rest.is_empty() {
            title_parts.push(rest);
        }
        let mut back = position;
        while let Some(previous) = back.checked_sub(1) {
            let p = &paragraphs[cells[previous]];
            let joins = title_parts.is_empty() || p.text.ends_with(',');
            if p.is_text() && joins && !region::is_numbered_heading(&p.text)
                || (title_parts.is_empty() && p.is_text())
            {
                title_parts.insert(0, p.text.clone());
                back = previous;
            } else {
                break;
            }
        }
        let title = clean_title(&title_parts.join(" "));
        built.title = (!title.is_empty()).then_some(title);
        header_start = position + 1;
    }
    let mut header: Vec<String> = Vec::new();
    let mut leading_whitespace = 0;
    for (n, &index) in cells[header_start..].iter().enumerate() {
        let p = &paragraphs[index];
        if p.is_whitespace() {
            let count = p.empty_cells(layout.convention);
            if n == 0 {
                leading_whitespace = count;
            }
            header.extend(std::iter::repeat_n(String::new(), count));
        } else {
            header.push(p.text.clone());
        }
    }
    let width = layout.width();
    let c = layout.columns;
    let k = layout.stub_columns;
    let fits = |n: usize| n > 0 && (n.is_multiple_of(width) || n.is_multiple_of(c));
    if !fits(header.len()) && leading_whitespace > 0 && fits(header.len() - leading_whitespace) {
        header.drain(..leading_whitespace);
    }
    if header.is_empty() {
        built.columns = vec![Column::default(); c];
        return built;
    }
    // Without caption or unit, texts in front of full header rows that start with the empty
    // top-left cell and hold years are headings: the last is the title.
    if built.title.is_none() && header.len() > width && !header.len().is_multiple_of(width) {
        let leading_texts = header.iter().take_while(|cell| !cell.is_empty()).count();
        let titles = (1..=leading_texts).find(|&t| {
            (header.len() - t).is_multiple_of(width)
                && header.len() > t
                && header[t].is_empty()
                && header[t..].iter().any(|cell| paragraph::is_year_like(cell))
        });
        if let Some(titles) = titles {
            built.title = header.drain(..titles).next_back();
        }
    }
    let rows: Vec<&[String]> = if header.len().is_multiple_of(width) {
        header.chunks(width).collect()
    } else if header.len().is_multiple_of(c) {
        let rows: Vec<&[String]> = header.chunks(c).collect();
        built.columns = (0..c)
            .map(|j| Column { path: rows.iter().map(|row| row[j].clone()).collect(), ..Column::default() })
            .collect();
        return built;
    } else {
        Vec::new()
    };
    if !rows.is_empty() {
        built.stub_header = rows[0][..k].iter().rev().find(|s| !s.is_empty()).cloned();
        built.columns = (0..c)
            .map(|j| Column {
                path: rows.iter().map(|row| row[k + j].clone()).collect(),
                ..Column::default()
            })
            .collect();
        return built;
    }
    // Rule 2: a bottom row under spanning top cells.
    let split = header.len().saturating_sub(c);
    let bottom: Vec<String> = header[split..].to_vec();
    let mut top: Vec<String> = header[..split].iter().filter(|s| !s.is_empty()).cloned().collect();
    if top.len() <= k {
        // Only stub header cells above the bottom row ("Onderdeel" over code and name).
        built.stub_header = top.last().cloned();
        top.clear();
    } else {
        built.stub_header = top.get(k - 1).cloned();
        top.drain(..k);
    }
    top.truncate(c);
    let spans: Vec<usize> = (0..top.len()).map(|j| if j == 0 { c + 1 - top.len() } else { 1 }).collect();
    let mut top_of_column: Vec<String> = Vec::new();
    for (cell, span) in top.iter().zip(&spans) {
        top_of_column.extend(std::iter::repeat_n(cell.clone(), *span));
    }
    let offset = c.saturating_sub(bottom.len());
    built.columns = (0..c)
        .map(|j| {
            let mut path = Vec::new();
            if let Some(top) = top_of_column.get(j) {
                path.push(top.clone());
            }
            if let Some(bottom) = j.checked_sub(offset).and_then(|b| bottom.get(b)) {
                path.push(bottom.clone());
            }
            Column { path, ..Column::default() }
        })
        .collect();
    built
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::paragraph::{SpaceConvention, paragraphs};

    #[test]
    fn header_printed_once_over_subcolumns() {
        let text = "Art.\n\nOmschrijving\n\nVastgestelde begroting\n\n   \n\nVerplichtingen\n\nUitgaven\n\nOntvangsten";
        let paragraphs = paragraphs(text);
        let cells: Vec<usize> = (0..paragraphs.len()).collect();
        let layout = Layout { stub_columns: 2, columns: 3, convention: SpaceConvention::TwoMinusOne };
        let built = build_columns(&paragraphs, &cells, layout);
        assert_eq!(built.stub_header.as_deref(), Some("Omschrijving"));
        let headers: Vec<String> = built.columns.iter().map(Column::header).collect();
        assert_eq!(
            headers,
            [
                "Vastgestelde begroting Verplichtingen",
                "Vastgestelde begroting Uitgaven",
                "Vastgestelde begroting Ontvangsten"
            ]
        );
    }

    #[test]
    fn caption_with_unit_and_marker() {
        assert_eq!(
            split_unit("Opbouw van de rentelasten, 2010–2015 (x € 1 mln.) 1"),
            ("Opbouw van de rentelasten, 2010–2015".to_string(), Some("x € 1 mln.".to_string()))
        );
    }
}
