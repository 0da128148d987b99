//! Rows printed one row a line with one space between their cells and one space for each
//! empty cell ("I Huis der Koningin 6,1   7,0        "), and their header lines, led by one
//! space for each empty stub header cell; also a group row and a header line printed that way
//! under a heading of glued years ("Baten       ", " Realisatie Geactualiseerd     "). Owns
//! only the cut of one printed line; whether the lines around agree on it is for the text
//! reader to say ([`crate::read::text`]).

use super::run_together::RunTogether;
use super::vocabulary::is_sign;

/// The most empty cells a run of spaces may stand for: no table these pages print is wider, and
/// a line of a million spaces gives no million cells.
const MOST_EMPTY_CELLS: usize = 64;

/// Splits a row printed on one line with one space between its cells and one space for each
/// empty cell, as some pages flatten whole rows ("I Huis der Koningin 6,1   7,0        ": 6,1,
/// one empty cell (three spaces: a separator, the cell, a separator), 7,0 and four trailing
/// empty cells (two spaces each)). A label with only trailing spaces ("Begrotingen
/// ") is a row of empty cells. Figures print their decimals (",4") or a "%", which is how a
/// thousands space is told from a cell edge: "13 997,4 0,1" is 13 997,4 and 0,1.
///
/// The cut of one line, with every empty cell as a one-space range; whether it holds is for the
/// lines around to say (they must agree on the count, [`crate::read::text`] checks). `None` for a
/// line that does not read this way: a space run of even length between cells or of odd length
/// after the last, a figure without decimals or "%", no label of two letters, a prose-length
/// line, more than 64 empty cells after the last figure. `certain` is false when the first
/// figure's lead stands right after a label word (it may be the label's number).
pub fn split_spaced_cells(line: &str) -> Option<RunTogether> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let content = body.trim_end_matches(' ');
    let trailing = body.len() - content.len();
    if content.chars().count() > 240
        || content.contains(['|', '\t'])
        || !trailing.is_multiple_of(2)
        || trailing / 2 > MOST_EMPTY_CELLS
    {
        return None;
    }
    // Tokens between runs of spaces, with the length of the run before each.
    let mut tokens: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut at = content.len() - content.trim_start_matches(' ').len();
    if at > 0 {
        return None;
    }
    while at < content.len() {
        let end = content[at..].find(' ').map_or(content.len(), |gap| at + gap);
        let next = end + content[end..].len() - content[end..].trim_start_matches(' ').len();
        tokens.push((0, at..end));
        at = next;
    }
    // The run before token k is between the end of token k-1 and the start of token k.
    for k in 1..tokens.len() {
        let gap = tokens[k].1.start - tokens[k - 1].1.end;
        tokens[k].0 = gap;
    }
    let is_figure_text = |text: &str| {
        let digits = text.trim_start_matches(|c: char| is_sign(c) && c != '+');
        digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'%'))
    };
    let label_tokens = tokens.iter().rposition(|(_, range)| !is_figure_text(&content[range.clone()]))? + 1;
    let label_end = tokens[label_tokens - 1].1.end;
    if content[..label_end].chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let mut figures: Vec<std::ops::Range<usize>> = Vec::new();
    let mut open: Option<std::ops::Range<usize>> = None;
    for (gap, range) in &tokens[label_tokens..] {
        let text = &content[range.clone()];
        // A lead of one to three digits without decimals joins the three digits after it.
        if let Some(lead) = open.take() {
            let group = text.get(..3).is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
                && text[3..].chars().next().is_none_or(|c| matches!(c, ',' | '%'));
            if *gap != 1 || !group {
                return None;
            }
            let joined = lead.start..range.end;
            if text.contains([',', '%']) {
                figures.push(joined);
            } else {
                open = Some(joined);
            }
            continue;
        }
        if *gap % 2 == 0 {
            return None;
        }
        // Empty cells in the run before the figure, one space each, in the run's middle.
        let empties = (gap - 1) / 2;
        figures.extend((0..empties).map(|k| range.start - gap + 1 + 2 * k..range.start - gap + 2 + 2 * k));
        let whole = text.trim_start_matches(|c: char| is_sign(c) && c != '+');
        if text.contains([',', '%']) {
            figures.push(range.clone());
        } else if (1..=3).contains(&whole.len()) && whole.bytes().all(|b| b.is_ascii_digit()) {
            open = Some(range.clone());
        } else {
            return None;
        }
    }
    if open.is_some() {
        return None;
    }
    // A first figure whose lead stands one space after a label word may be the label's number
    // and a figure of its own ("Provinciefonds 3 100,0": 3 100,0, or "Provinciefonds 3" and
    // 100,0); after a bracket or a dash it is no word's.
    let first_joined = figures.first().is_some_and(|first| content[first.clone()].contains(' '));
    let after_word = content[..label_end].ends_with(|c: char| c.is_alphanumeric());
    figures.extend((0..trailing / 2).map(|k| content.len() + 2 * k..content.len() + 2 * k + 1));
    (!figures.is_empty()).then_some(RunTogether {
        label: 0..label_end,
        figures,
        certain: !(first_joined && after_word),
        grouping_certain: true,
    })
}

/// Splits a header line of a table printed one space a cell ([`split_spaced_cells`]): the empty
/// stub header cells lead it, two spaces each ("    2008 2008 2009 2009   2009  " over a code and
/// a name column: 2008, 2008, 2009, 2009, an empty cell, 2009, an empty cell); a cell is one
/// word, or a bracketed phrase ("(% verantwoord bedrag)"). The stub's blank is the label. `None`
/// when the line does not lead with an even run of spaces or a run between cells is even; a
/// header cell of several words ("Verantwoord bedrag") cannot be told from several cells, so the
/// count the caller wants decides.
pub fn split_spaced_header(line: &str) -> Option<RunTogether> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let content = body.trim_end_matches(' ');
    let lead = content.len() - content.trim_start_matches(' ').len();
    let trailing = body.len() - content.len();
    if trailing / 2 > MOST_EMPTY_CELLS
        || lead / 2 > MOST_EMPTY_CELLS
        || lead < 2
        || !lead.is_multiple_of(2)
        || !trailing.is_multiple_of(2)
        || content.chars().count() > 240
    {
        return None;
    }
    let mut figures = Vec::new();
    let mut at = lead;
    let mut gap: usize = 1;
    while at < content.len() {
        if gap.is_multiple_of(2) {
            return None;
        }
        figures.extend((0..(gap - 1) / 2).map(|k| at - gap + 1 + 2 * k..at - gap + 2 + 2 * k));
        // A bracketed cell runs to its closing bracket; any other to the next space.
        let end = if content[at..].starts_with('(') {
            at + content[at..].find(')')? + 1
        } else {
            content[at..].find(' ').map_or(content.len(), |space| at + space)
        };
        figures.push(at..end);
        let next = end + content[end..].len() - content[end..].trim_start_matches(' ').len();
        gap = next - end;
        at = next;
    }
    figures.extend((0..trailing / 2).map(|k| content.len() + 2 * k..content.len() + 2 * k + 1));
    Some(RunTogether { label: 0..lead, figures, certain: true, grouping_certain: true })
}

/// A label followed by exactly `columns` spaces, one a cell, under a heading of glued years
/// ("Baten       " under seven years: a group row's label and its seven empty cells), as the
/// label and the empty cells of a run-together row. `None` for any other line.
pub fn label_and_empty_cells(line: &str, columns: usize) -> Option<RunTogether> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let label = body.trim_end_matches(' ');
    let spaces = body.len() - label.len();
    let words = label.trim_start();
    let readable = words.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !words.ends_with(|c: char| c.is_ascii_digit() || c.is_whitespace());
    (spaces == columns && readable && label.len() == words.len()).then(|| RunTogether {
        label: 0..label.len(),
        figures: (0..columns).map(|k| label.len() + k..label.len() + k + 1).collect(),
        certain: true,
        grouping_certain: true,
    })
}

/// The line right under a heading of glued years that prints more of the header the same way:
/// one space for the stub header's empty cell, one word a cell, one space each empty cell
/// (" Realisatie Geactualiseerd     " under seven years: two words and five spaces). Read so only
/// when the words and the trailing spaces add up to `columns` exactly; `None` otherwise (a cell
/// of two words cannot be told from two cells).
pub fn header_words_and_empty_cells(line: &str, columns: usize) -> Option<RunTogether> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let words = body.strip_prefix(' ')?.trim_end_matches(' ');
    let trailing = body.len() - 1 - words.len();
    let word_ranges: Vec<std::ops::Range<usize>> = words
        .split(' ')
        .map(|word| {
            let at = word.as_ptr() as usize - body.as_ptr() as usize;
            at..at + word.len()
        })
        .collect();
    let all_words = word_ranges.iter().all(|range| {
        let word = &body[range.clone()];
        !word.is_empty() && word.chars().all(char::is_alphabetic)
    });
    let mut figures = word_ranges;
    figures.extend((0..trailing).map(|k| 1 + words.len() + k..2 + words.len() + k));
    (all_words && trailing > 0 && figures.len() == columns).then_some(RunTogether {
        label: 0..1,
        figures,
        certain: true,
        grouping_certain: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spaced(line: &str) -> Option<(String, Vec<String>)> {
        let split = split_spaced_cells(line)?;
        Some((
            line[split.label].to_string(),
            split.figures.iter().map(|range| line[range.clone()].to_string()).collect(),
        ))
    }

    #[test]
    fn rows_with_one_space_a_cell_keep_their_empty_cells() {
        // Lines 13, 14, 20 and 21 of fixtures/wild/dev/e1_02.txt (FJR 2009, Overzicht A).
        let (label, cells) = spaced("I Huis der Koningin 6,1   7,0        ").unwrap();
        assert_eq!(label, "I Huis der Koningin");
        assert_eq!(cells, ["6,1", " ", "7,0", " ", " ", " ", " "]);
        assert_eq!(spaced("Begrotingen              ").unwrap().1, [" "; 7]);
        assert_eq!(
            spaced("IV Koninkrijksrelaties 471,7   671,1 0,1 1,0    ").unwrap().1,
            ["471,7", " ", "671,1", "0,1", "1,0", " ", " "]
        );
        assert_eq!(
            spaced("V Buitenlandse Zaken incl. EU (eigen middelen) 13 997,4 0,1 10 323,3 0,1 8,9 0,0 0,8")
                .unwrap()
                .1,
            ["13 997,4", "0,1", "10 323,3", "0,1", "8,9", "0,0", "0,8"]
        );
        assert!(
            !split_spaced_cells("Provinciefonds 3 100,0 2,0").unwrap().certain,
            "3 100,0, or 3 and 100,0"
        );
        let (label, cells) = spaced("Aandeel in % 12,5 13,1").unwrap();
        assert_eq!((label.as_str(), cells), ("Aandeel in %", vec!["12,5".to_string(), "13,1".into()]));
        assert_eq!(split_spaced_cells(&format!("Ab{}", " ".repeat(1000))), None, "no 500 empty cells");
        // Not this convention: an even run between cells, figures without decimals, an indent.
        assert_eq!(spaced("Uitgaven  6,1 7,0"), None);
        assert_eq!(spaced("Uitgaven 1 522 1 529"), None);
        assert_eq!(spaced("    2008 2008 2009"), None);
        // Its header lines (11 and 12): two empty stub cells lead them.
        let line = "    2008 2008 2009 2009   2009  ";
        let header = split_spaced_header(line).unwrap();
        let cells: Vec<&str> = header.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(cells, ["2008", "2008", "2009", "2009", " ", "2009", " "]);
        let line = "    (€ mln) (% verantwoord bedrag) (€ mln)";
        let header = split_spaced_header(line).unwrap();
        let cells: Vec<&str> = header.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(cells, ["(€ mln)", "(% verantwoord bedrag)", "(€ mln)"]);
        assert_eq!(split_spaced_header("   2008 2009"), None, "an odd lead");
    }

    #[test]
    fn under_glued_years_a_group_row_and_a_header_line_print_one_space_a_cell() {
        // Line 11 of fixtures/wild/dev/j2_04.txt under seven years: "Baten" and seven empty cells.
        let group = label_and_empty_cells("Baten       ", 7).unwrap();
        assert_eq!((group.label, group.figures.len()), (0..5, 7));
        assert_eq!(label_and_empty_cells("Baten      ", 7), None, "six spaces are no seven cells");
        // Line 26 of fixtures/wild/dev/g1_04.txt: the stub's blank, two words, five empty cells.
        let line = " Realisatie Geactualiseerd     ";
        let header = header_words_and_empty_cells(line, 7).unwrap();
        let cells: Vec<&str> = header.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(cells, ["Realisatie", "Geactualiseerd", " ", " ", " ", " ", " "]);
        assert_eq!(header_words_and_empty_cells(line, 8), None);
    }
}
