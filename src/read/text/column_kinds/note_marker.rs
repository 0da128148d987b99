//! A note marker printed alone after a table's last row, which the reading by kinds cuts off
//! with its note's text instead of fitting it as a cell ([`is_cited_note_marker`]): "1" after the
//! last row of wild page w3_03, whose caption reads "Overzicht coronasteunmaatregelen1".

use super::CellKind;
use crate::read::text::paragraph::Paragraph;
use crate::read::text::printed;

/// How many paragraphs before a region's first cell may hold the caption citing a note marker
/// printed after the table's last row.
const CITING_PARAGRAPHS: usize = 4;

/// True when the cell at `at` (of `cells`, of kinds `kinds`) is a note marker and no cell: a
/// small number other than "0" that the caption cites glued to a word (a cell does not count:
/// "Verbreding A1" names a road), with its note's text printed right after it, and after cells
/// that make whole rows as wide as the header without it (no whitespace line among them: the
/// header's titles, the first row's name after them, then rows of as many cells), so that the
/// marker completes no row (a last column of small counts ends in a "1").
pub(super) fn is_cited_note_marker(
    paragraphs: &[Paragraph],
    cells: &[usize],
    kinds: &[CellKind],
    at: usize,
) -> bool {
    let marker = paragraphs[cells[at]].text;
    let header = kinds.iter().take_while(|&&kind| kind == CellKind::Text).count().saturating_sub(1);
    let whole_rows_before = !kinds[..at].contains(&CellKind::Empty)
        && header >= 2
        && at > header
        && (at - header).is_multiple_of(header);
    whole_rows_before
        && kinds[at] == CellKind::Short
        && marker != "0"
        && printed::is_note_marker(marker)
        && paragraphs[cells[at] + 1..]
            .iter()
            .find(|next| !next.is_whitespace())
            .is_some_and(|next| next.is_text())
        && paragraphs[cells[0].saturating_sub(CITING_PARAGRAPHS)..cells[0]]
            .iter()
            .any(|above| above.is_text() && cites(above.text, marker))
}

/// True when `text` glues `marker` to the end of a word ("Overzicht coronasteunmaatregelen1
/// (bedragen x € 1 miljoen)" cites "1").
fn cites(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(at, _)| {
        text[..at].ends_with(char::is_alphabetic)
            && !text[at + marker.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_cited_glued_to_the_end_of_a_word() {
        assert!(cites("Tabel 5 Overzicht coronasteunmaatregelen1 (bedragen x € 1 miljoen)", "1"));
        assert!(cites("Rekening-courant RHB1", "1"));
        // Not inside a number, nor before more digits or letters.
        assert!(!cites("Tabel 5 Overzicht 2021 (bedragen x € 1 miljoen)", "1"));
        assert!(!cites("Tabel 5 artikel12", "1"));
        assert!(!cites("Tabel 5 A1b", "1"));
    }
}
