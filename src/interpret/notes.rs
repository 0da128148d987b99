//! Notes printed with a table, read from their text: the marker each starts with and its text.
//!
//! Owns the reading of note texts into [`Note`]s, the same for every format: a note row inside a
//! table, a table foot, the paragraphs under an HTML table, a CALS table's notes. Finding those
//! texts is the readers' job; linking markers to notes is the footnote stage's.
//!
//! A run of [`Piece`]s is read as notes line by line (a line ends at a [`Piece::Break`]), in
//! this order:
//! 1. a line that starts with a marker the format sets apart ([`Piece::Marker`]) starts a note
//!    with that marker;
//! 2. a line that starts with a printed marker — one to three stars, a number of one or two digits,
//!    or one lower-case letter, optionally followed by ")" or ".", then a space — starts a note
//!    ("1 Het aantal …", "a) Exclusief …", "* Voorlopig"), but not two digits, a space and a group
//!    of three: a kamerstuk's dossier number ("32 620 Beleidsdoelstellingen …");
//! 3. a line that is only a marker ("1") starts a note whose text is the next line (the layout of a
//!    marker in its own box next to the note);
//! 4. any other line continues the open note, or, when no note is open, means the text is not a
//!    list of notes.
//!
//! Known failures: a paragraph under a table that happens to start with a small number and a space
//! ("2 ministeries hebben …") is read as note "2"; a note list whose first line has no marker is
//! not recognised at all.

use std::sync::LazyLock;

use regex::Regex;

use super::grid::{Piece, join_text};
use crate::table::Note;

/// Reads pieces as notes (rules 1–4 of the module doc). `None` when they are not a list of notes.
pub(crate) fn notes_in(pieces: &[Piece], line: Option<usize>) -> Option<Vec<Note>> {
    // A marker before the note's text, or the word "Noot" and its number ("Noot 1: …").
    static PRINTED_MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(\*{1,3}|[0-9]{1,2}|[a-z])[).]?|[Nn]oot\s+([0-9]{1,2})[:.])\s+(\S.*)$")
            .expect("valid regex")
    });
    static MARKER_ALONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\(?(\*{1,3}|\d{1,2}|[a-z])[).]?$").expect("valid regex"));
    let mut notes: Vec<Note> = Vec::new();
    let mut waiting_for_text = false;
    for line_pieces in pieces.split(|piece| *piece == Piece::Break) {
        let text = join_text(line_pieces);
        let leading_marker = line_pieces.iter().find_map(|piece| match piece {
            Piece::Text(text) if text.trim().is_empty() => None,
            Piece::Marker(marker) => Some(Some(marker.clone())),
            _ => Some(None),
        });
        if let Some(Some(marker)) = leading_marker {
            notes.push(Note { marker, text: text.clone(), line });
            waiting_for_text = text.is_empty();
            continue;
        }
        if text.is_empty() {
            continue;
        }
        if waiting_for_text {
            if let Some(note) = notes.last_mut() {
                note.text = text;
            }
            waiting_for_text = false;
        } else if let Some(captures) = MARKER_ALONE.captures(&text) {
            notes.push(Note { marker: captures[1].to_string(), text: String::new(), line });
            waiting_for_text = true;
        } else if let Some(captures) = PRINTED_MARKER.captures(&text)
            && !opens_a_space_grouped_number(&text)
        {
            let marker = captures.get(1).or_else(|| captures.get(2)).map_or("", |m| m.as_str());
            notes.push(Note { marker: marker.to_string(), text: captures[3].to_string(), line });
        } else if let Some(note) = notes.last_mut() {
            note.text = format!("{} {text}", note.text).trim().to_string();
        } else {
            return None;
        }
    }
    (!notes.is_empty()).then_some(notes)
}

/// True when a line opens with a number grouped by a space, a kamerstuk's dossier number ("32 620
/// Beleidsdoelstellingen …"): two digits, one space and a group of exactly three, then a space or
/// the end. Not a note "1 250 scholen …" (one digit) nor "12) 250 …" (a marker's bracket).
fn opens_a_space_grouped_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 6
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && bytes[2] == b' '
        && bytes[3..6].iter().all(u8::is_ascii_digit)
        && bytes.get(6).is_none_or(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str) -> Piece {
        Piece::Text(text.to_string())
    }

    #[test]
    fn notes_under_their_word_and_number() {
        // As wild page e2_02 prints its note; the same note in HTML reads the same way.
        let pieces = [
            text("Noot 1: noot: In deze tabel wordt het begrip externe inhuur ruimer opgevat"),
            Piece::Break,
            text("2) Bron: CBS"),
        ];
        let notes = notes_in(&pieces, Some(9)).expect("two notes");
        let read: Vec<(&str, &str)> = notes.iter().map(|n| (n.marker.as_str(), n.text.as_str())).collect();
        assert_eq!(
            read,
            [("1", "noot: In deze tabel wordt het begrip externe inhuur ruimer opgevat"), ("2", "Bron: CBS")]
        );
        // "Noot" without a number names no note.
        assert_eq!(notes_in(&[text("Noot: zie de toelichting")], None), None);
    }

    #[test]
    fn a_dossier_number_is_no_note() {
        // Wild page q1_04, line 6, under the page-information table: the dossier's number and
        // title, not note 32.
        assert_eq!(
            notes_in(&[text("32 620 Beleidsdoelstellingen op het gebied van Volksgezondheid")], None),
            None
        );
        let notes = notes_in(&[text("32 gevallen zijn niet meegeteld")], None).expect("a note");
        assert_eq!(notes[0].marker, "32");
        // One digit before the group is a note: "1 250 scholen" is note 1 about 250 schools.
        let notes = notes_in(
            &[text("1 250 scholen ontvingen een bijdrage"), Piece::Break, text("2 Exclusief btw.")],
            None,
        )
        .expect("two notes");
        assert_eq!(notes.iter().map(|n| n.marker.as_str()).collect::<Vec<_>>(), ["1", "2"]);
    }
}
