//! The caption of a flattened-text table: its number, title and unit, and the lines right under
//! it that continue it.
//!
//! Caption rule: "Tabel N rest" gives the number; the rest, joined with caption lines attached to
//! it by a single newline, is the title once a unit in it ("(bedragen x € 1.000)") is cut out; a
//! unit line right under the caption gives the unit. In a region where every line is attached
//! (no blank line anywhere) a single newline says nothing, and only a line that opens in lower
//! case continues the caption. (A table without a caption takes its title
//! from above its header: [`super::header`].)

use super::paragraph::{self, Paragraph};
use super::printed;
use super::region::Region;

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
pub(super) fn split_unit(title: &str) -> (String, Option<String>) {
    match printed::find_unit(title) {
        Some((start, end, unit)) => {
            let after = title[end..].trim();
            let after = if printed::is_note_marker(after) { "" } else { after };
            let joined = format!("{} {}", title[..start].trim(), after);
            (clean_title(&joined), Some(unit))
        }
        None => (clean_title(title), None),
    }
}

/// A title with its whitespace collapsed and a trailing "," ":" or ";" cut off.
pub(super) fn clean_title(title: &str) -> String {
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
    // A heading that names a table of contents is the title as printed.
    let (number, rest) = printed::caption(paragraphs[caption_index].text)
        .unwrap_or_else(|| (String::new(), paragraphs[caption_index].text.to_string()));
    let mut title = rest;
    let mut consumed = 0;
    let mut previous = caption_index;
    // A region printed one cell a line without a blank line anywhere (every line attached): the
    // single newline after the caption marks no continuation, the header's cells follow it; only
    // a line that opens in lower case continues the caption there ("… artikel 2 Nominaal en" /
    // "onvoorzien").
    let lines_are_cells = region.cells.len() > 1 && region.cells.iter().all(|&i| paragraphs[i].attached);
    for &index in &region.cells {
        let paragraph = &paragraphs[index];
        let continues = !lines_are_cells || paragraph.text.starts_with(char::is_lowercase);
        if continues
            && index == previous + 1
            && paragraph.attached
            && paragraph.is_text()
            && paragraph::whole_line(paragraphs, index)
        {
            title = format!("{title} {}", paragraph.text);
            consumed += 1;
            previous = index;
        } else {
            break;
        }
    }
    let (title, mut unit) = split_unit(&title);
    while let Some(&index) = region.cells.get(consumed) {
        match printed::unit_line(paragraphs[index].text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_with_unit_and_marker() {
        assert_eq!(
            split_unit("Opbouw van de rentelasten, 2010–2015 (x € 1 mln.) 1"),
            ("Opbouw van de rentelasten, 2010–2015".to_string(), Some("x € 1 mln.".to_string()))
        );
    }
}
