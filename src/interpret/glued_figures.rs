//! Rows that run their label and figures together with no separator between the figures, as
//! the pre-2010 pages of rijksbegroting.nl print their tables one row a line: figures with a
//! fixed number of decimals ("Uitgaven9,08,38,4"), and whole figures with a space as thousands
//! separator ("opbrengst derden47 93574 396…"). Owns only the cutting of one printed line into
//! its label and a given number of figures, and whether the cut is certain; how many figures a
//! line holds comes from the lines around it ([`crate::read::text`]).

use super::run_together::{RunTogether, most_even_cut};
use super::vocabulary::{is_sign, is_year};

/// What the glued cuts read of a line: its content (trailing white space cut off) and one
/// one-character range a trailing space (or no-break space) for each empty cell after the last
/// figure. `None` for fewer than two columns, a prose-length line (over 160 characters), a pipe
/// line, or as many trailing spaces as columns (no figure left).
fn content_and_trailing_empties(line: &str, columns: usize) -> Option<(&str, Vec<std::ops::Range<usize>>)> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let content = body.trim_end();
    if columns < 2 || content.chars().count() > 160 || content.contains('|') {
        return None;
    }
    let empties: Vec<std::ops::Range<usize>> = body[content.len()..]
        .char_indices()
        .filter(|(_, c)| matches!(c, ' ' | '\u{a0}'))
        .map(|(at, c)| content.len() + at..content.len() + at + c.len_utf8())
        .collect();
    (empties.len() < columns).then_some((content, empties))
}

/// Splits a row that runs its label and figures together with no separator at all, every figure
/// printing the same number of decimals, each trailing space an empty cell: "Uitgaven9,08,38,4"
/// with three columns is 9,0, 8,3 and 8,4; "4Dividend– 0,16– 0,37" is – 0,16 and – 0,37;
/// "1Bruto aankoopbedrag– 9,91    " with five columns is – 9,91 and four empty cells (as the
/// pre-2010 pages of rijksbegroting.nl print their tables, one row a line). Where one figure's
/// decimals end the next figure begins, so the decimals of the last figure and the column count
/// decide every cut.
///
/// What the print leaves open is flagged (`certain` false), never guessed in silence:
/// - digits the label may end in: a first figure that follows a blank rather than a letter or
///   ")" ("Artikel 123,54,1": "Artikel 12" and 3,5, or "Artikel" and 123,5), or whose whole part
///   has more digits than any other figure of the row ("Uitgaven19,08,3": a footnote marker 1 and
///   9,0, or 19,0);
/// - a year of the label glued to the first figure: a whole part whose first group has five or
///   more digits and opens with a year ("Stand Miljoenennota 20065,75,7", "20081.234,5") gives
///   the year back to the label.
///
/// `None` (the line is left to the coverage audit) when the cut is not the print's: fewer than
/// two columns, or not exactly `columns` cells; decimals that differ between figures (the cut
/// would come out wrong); a dash glued to a figure's decimals with no space after it ("0,1-0,2":
/// a sign, or a dash for an empty cell); thousands groups of other than three digits; a
/// prose-length line (over 160 characters).
///
/// Known limit: a row whose figures print different numbers of decimals ("1,251,5": 1,25 and
/// 1,5) is cut by the last figure's (1,2 and 51,5) without a flag; the tables this rule is for
/// print one precision throughout.
pub fn split_glued_decimals(line: &str, columns: usize) -> Option<RunTogether> {
    let (content, empties) = content_and_trailing_empties(line, columns)?;
    let wanted = columns - empties.len();
    let core = content.strip_suffix(')').unwrap_or(content);
    let decimals = core.len() - core.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&decimals) || !core[..core.len() - decimals].ends_with(',') {
        return None;
    }
    let label_minimum =
        content.char_indices().filter(|(_, c)| c.is_alphabetic()).nth(1).map(|(at, c)| at + c.len_utf8())?;
    let (start, mut figures) = content.char_indices().find_map(|(start, c)| {
        let opens = c.is_ascii_digit() || c == '(' || is_sign(c);
        let after_number = content[..start].ends_with(|b: char| b.is_ascii_digit() || b == '.' || b == ',');
        if start < label_minimum || !opens || after_number {
            return None;
        }
        let figures = glued_figures(&content[start..], decimals)?;
        let figures: Vec<_> = figures.into_iter().map(|f| f.start + start..f.end + start).collect();
        (figures.len() == wanted).then_some((start, figures))
    })?;
    let whole_of = |range: &std::ops::Range<usize>| {
        let figure = content[range.clone()].trim_start_matches(|c: char| c == '(' || c == ' ' || is_sign(c));
        figure.split(',').next().unwrap_or_default().to_string()
    };
    let first_whole = whole_of(&figures[0]);
    let first_group = first_whole.split(['.', ' ']).next().unwrap_or_default().to_string();
    // Thousands groups after the first are three digits; a first group of four or more digits
    // before a thousands dot is no figure as these pages print them, unless a year of the label
    // runs into it.
    let year_glued = first_group.len() >= 5 && first_group.get(..4).is_some_and(is_year);
    if first_group.len() >= 4 && !year_glued && first_whole.contains(['.', ' ']) {
        return None;
    }
    let mut label_end = start;
    let mut certain = true;
    if year_glued {
        label_end = figures[0].start + 4;
        figures[0].start = label_end;
        certain = false;
    } else {
        let digits = |whole: &str| whole.bytes().filter(u8::is_ascii_digit).count();
        let others_most = figures[1..].iter().map(|range| digits(&whole_of(range))).max();
        let after_blank = content[..start].ends_with(char::is_whitespace);
        if after_blank && first_whole.len() >= 2
            || others_most.is_some_and(|most| digits(&first_whole) > most)
        {
            certain = false;
        }
    }
    let label = content[..label_end].trim_end();
    figures.extend(empties);
    Some(RunTogether { label: 0..label.len(), figures, certain, grouping_certain: true })
}

/// Splits a row that runs its label and whole figures together with no separator at all, the
/// thousands printed with a space, each trailing space an empty cell, into exactly `columns`
/// figures: "opbrengst derden47 93574 39678 206…" with seven columns is 47 935, 74 396, 78 206, …;
/// "RBG-eng– 101 523– 91 9969 528" with three is – 101 523, – 91 996 and 9 528 (as the pre-2010
/// pages of rijksbegroting.nl print their statements, one row a line).
///
/// A figure is an optional sign (and one space), then "0" or a lead of one to three digits
/// without a leading zero followed by groups of a space and three digits; a "%" may close it,
/// with decimals before it ("0,2%0,4%"). A space only ever separates thousands, so each group
/// belongs to the lead before it, and where a group's three digits end the next figure begins
/// ("7 8236 342" is 7 823 and 6 342); a run of bare digits is cut into figures of at most three
/// ("290200200" is 290, 200, 200 when the column count says three).
///
/// What the print leaves open is flagged, never guessed in silence:
/// - more than one cut gives `columns` figures ("– 1 600– 5131 087": – 513 and 1 087, or – 51
///   and 31 087): the most even cut (least sum of squared digit counts) is taken and
///   `grouping_certain` is false;
/// - no cut does, but one does when a bare figure may have four digits ("13 8642007": 13 864 and
///   2007, printed without its thousands space): taken, and `grouping_certain` is false;
/// - the figures start after a blank (the label may end in a number), or the first one is glued
///   to the label with a lead of one or two digits before a thousands group (a footnote marker
///   or the label's own digit may open it: "derden47 935", "CO21 234"): `certain` is false;
/// - no cut does, but one does when a single space may also part two figures, as some of these
///   pages print some of their cells ("149 365149 337 149 309"): the most even such cut is
///   taken, and `grouping_certain` is false (a space there is a thousands space or a cell edge).
///
/// `None` when no cut gives `columns` figures, when the figures hold no glued pair (other
/// splits read spaced figures), for fewer than two columns and for prose-length lines.
pub fn split_glued_wholes(line: &str, columns: usize) -> Option<RunTogether> {
    let (content, empties) = content_and_trailing_empties(line, columns)?;
    let wanted = columns - empties.len();
    // The figures are the longest tail of digits, spaces, signs, "," and "%".
    let run_start = content
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ' ' | ',' | '%') || is_sign(*c) && *c != '+')
        .last()
        .map(|(at, _)| at)?;
    let run_start = run_start + (content[run_start..].len() - content[run_start..].trim_start().len());
    let label_minimum =
        content.char_indices().filter(|(_, c)| c.is_alphabetic()).nth(1).map(|(at, c)| at + c.len_utf8())?;
    if run_start < label_minimum {
        return None;
    }
    let after_blank = content[..run_start].ends_with(char::is_whitespace);
    for (strict, spaced) in [(true, false), (false, false), (true, true)] {
        let Some((figures, unique)) = cut_glued_wholes(&content[run_start..], wanted, strict, spaced) else {
            continue;
        };
        let glued_pair = figures.windows(2).any(|pair| pair[0].end == pair[1].start);
        if !glued_pair {
            return None;
        }
        let mut figures: Vec<_> =
            figures.into_iter().map(|f| f.start + run_start..f.end + run_start).collect();
        // A first figure glued to the label whose lead has one or two digits before a thousands
        // group may begin with a footnote marker or the label's own digit ("derden47 935": 47 935,
        // or marker 4 and 7 935; "CO21 234": CO2 and 1 234), as [`super::run_together`] judges
        // such a figure too.
        let first = &content[figures[0].clone()];
        let lead_digits = first.bytes().take_while(u8::is_ascii_digit).count();
        let marker_doubt =
            !after_blank && (1..=2).contains(&lead_digits) && first[lead_digits..].starts_with(' ');
        let label = content[..run_start].trim_end();
        figures.extend(empties);
        return Some(RunTogether {
            label: 0..label.len(),
            figures,
            certain: !after_blank && !marker_doubt,
            grouping_certain: unique && strict && !spaced,
        });
    }
    None
}

/// True when the line shows two figures printed against each other: a thousands group (a digit,
/// a space and three digits) with a digit or minus right after it ("1 8461 858", "101 523– 91"),
/// or a "%" with a digit or minus right after it ("0,2%0,4%"). A label's own digits
/// ("Veiligheid14", "in 200627"), a year range ("2021–2025") or a date ("31-12-2023") show none
/// of these, so only such lines are
/// cut by a count that does not come from a heading.
pub fn shows_glued_figures(line: &str) -> bool {
    // By bytes: the digits, the space and "%" are ASCII; a minus opens with '-' or a dash's
    // first UTF-8 byte, read whole by `minus`.
    let bytes = line.trim_end().as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let minus = |at: usize| {
        line.get(at..).and_then(|rest| rest.chars().next()).is_some_and(|c| is_sign(c) && c != '+')
    };
    // A thousands group: a digit, a space and three digits, the space at `at`.
    let group = |at: usize| at > 0 && bytes[at] == b' ' && digit(at - 1) && (1..=3).all(|k| digit(at + k));
    (0..bytes.len()).any(|at| {
        group(at) && (digit(at + 4) || minus(at + 4)) || bytes[at] == b'%' && (digit(at + 1) || minus(at + 1))
    })
}

/// Cuts a run of whole figures printed without separators into exactly `wanted` figures (the
/// grammar of [`split_glued_wholes`]; `strict` false lets a bare figure have four digits). The
/// figures' byte ranges in `run` of the most even cut, and whether it is the only one; `None`
/// when no cut reads the run to its end.
fn cut_glued_wholes(
    run: &str,
    wanted: usize,
    strict: bool,
    spaced: bool,
) -> Option<(Vec<std::ops::Range<usize>>, bool)> {
    let bytes = run.as_bytes();
    let n = run.len();
    // (No more figures than bytes: a count from a long blank line allocates nothing.)
    if wanted == 0 || n > 480 || wanted > n {
        return None;
    }
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    // Every end of a figure that starts at `at`, with its digit count.
    let ends_from = |at: usize| -> Vec<(usize, usize)> {
        let mut ends = Vec::new();
        // Where spaces may also part two figures, one may stand before a figure (not the first).
        let mut lead = if spaced && at > 0 && bytes[at] == b' ' { at + 1 } else { at };
        if let Some(sign) =
            run.get(lead..).and_then(|rest| rest.chars().next()).filter(|&c| is_sign(c) && c != '+')
        {
            lead += sign.len_utf8();
            if bytes.get(lead) == Some(&b' ') {
                lead += 1;
            }
        }
        if !digit(lead) {
            return ends;
        }
        let push = |end: usize, digits: usize, ends: &mut Vec<(usize, usize)>| {
            ends.push((end, digits));
            // A percent closes a figure, with or without decimals before it.
            let mut at = end;
            if bytes.get(at) == Some(&b',') {
                at += 1;
                let decimals_start = at;
                while digit(at) {
                    at += 1;
                }
                if at == decimals_start || bytes.get(at) != Some(&b'%') {
                    return;
                }
            }
            if bytes.get(at) == Some(&b'%') {
                ends.push((at + 1, digits));
            }
        };
        if bytes[lead] == b'0' {
            // Where spaces part figures, a digit right after a zero makes the zero the head of
            // a thousands group ("5 092"), not a figure of its own.
            if !(spaced && digit(lead + 1)) {
                push(lead + 1, 1, &mut ends);
            }
            return ends;
        }
        let longest_lead = if strict { 3 } else { 4 };
        for lead_digits in 1..=longest_lead {
            if !(0..lead_digits).all(|k| digit(lead + k)) {
                break;
            }
            let mut end = lead + lead_digits;
            let mut digits = lead_digits;
            push(end, digits, &mut ends);
            if lead_digits == 4 {
                break;
            }
            while bytes.get(end) == Some(&b' ') && (1..=3).all(|k| digit(end + k)) {
                end += 4;
                digits += 3;
                push(end, digits, &mut ends);
            }
        }
        ends
    };
    // Where spaces part figures, two are glued only where three digits (a thousands group or a
    // full lead) or a "%" close the first ("149 365149 337", "970250 200"); "1 286" is never 1,
    // 2 and 86.
    let ends = |at: usize| -> Vec<(usize, usize)> {
        if !run.is_char_boundary(at) {
            return Vec::new();
        }
        let mut ends = ends_from(at);
        ends.retain(|&(end, digits)| !(spaced && digit(end) && digits < 3 && bytes[end - 1] != b'%'));
        ends
    };
    let (cut, unique) = most_even_cut(n, wanted, ends)?;
    // (A figure after a parting space starts after it.)
    let figures = cut
        .into_iter()
        .map(|(start, end)| if bytes[start] == b' ' { start + 1 } else { start }..end)
        .collect();
    Some((figures, unique))
}

/// The figures of a run printed without separators, each with exactly `decimals` decimals:
/// an optional "(", an optional sign and one space, digits with thousands dots, ",", the
/// decimals, and ")" when one opened. `None` when the run does not read that way to its end.
fn glued_figures(run: &str, decimals: usize) -> Option<Vec<std::ops::Range<usize>>> {
    let bytes = run.as_bytes();
    let mut figures = Vec::new();
    let mut at = 0;
    while at < run.len() {
        let start = at;
        let opened = run[at..].starts_with('(');
        if opened {
            at += 1;
        }
        if let Some(sign) = run[at..].chars().next().filter(|&c| is_sign(c)) {
            at += sign.len_utf8();
            if run[at..].starts_with(' ') {
                at += 1;
            } else if start > 0 && !opened {
                // A dash glued to the previous figure's decimals: a sign, or a dash for an empty
                // cell. The print does not say which.
                return None;
            }
        }
        let whole_start = at;
        // Thousands printed with a dot or a space ("1.234,5", "1 234,5"): a space only before
        // three digits, inside the figure.
        let thousands_space = |at: usize| {
            at > whole_start
                && bytes.get(at) == Some(&b' ')
                && (1..=3).all(|k| bytes.get(at + k).is_some_and(u8::is_ascii_digit))
        };
        while bytes.get(at).is_some_and(|b| b.is_ascii_digit() || *b == b'.') || thousands_space(at) {
            at += 1;
        }
        if at == whole_start || !bytes[whole_start].is_ascii_digit() || bytes.get(at) != Some(&b',') {
            return None;
        }
        // Thousands groups after the first are three digits ("1.234"); the first group's length is
        // judged by the caller (a label's year may run into it).
        if run[whole_start..at].split(['.', ' ']).skip(1).any(|group| group.len() != 3) {
            return None;
        }
        at += 1;
        for _ in 0..decimals {
            if !bytes.get(at).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            at += 1;
        }
        if opened {
            if bytes.get(at) != Some(&b')') {
                return None;
            }
            at += 1;
        }
        figures.push(start..at);
    }
    Some(figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interpret::run_together::split_fewest_space_grouped;

    fn glued_wholes(line: &str, columns: usize) -> Option<(String, Vec<String>, bool, bool)> {
        let split = split_glued_wholes(line, columns)?;
        let figures = split.figures.iter().map(|range| line[range.clone()].to_string()).collect();
        Some((line[split.label].to_string(), figures, split.certain, split.grouping_certain))
    }

    #[test]
    fn glued_whole_figures_are_cut_where_a_group_ends() {
        // Lines 12, 14, 23 and 25 of fixtures/wild/dev/j2_04.txt (seven year columns).
        let (label, figures, certain, grouping) =
            glued_wholes("opbrengst moederdepartement282 654283 443248 624226 945215 470214 196214 169", 7)
                .unwrap();
        assert_eq!(label, "opbrengst moederdepartement");
        assert_eq!(figures, ["282 654", "283 443", "248 624", "226 945", "215 470", "214 196", "214 169"]);
        assert!(certain && grouping);
        let (_, figures, _, grouping) = glued_wholes("rentebaten290200200200200200200", 7).unwrap();
        assert_eq!(figures, ["290", "200", "200", "200", "200", "200", "200"]);
        assert!(grouping, "21 digits in seven figures of at most three: one cut");
        assert_eq!(
            glued_wholes("\u{2013} materieel7 8236 3426 3686 0936 3146 8356 635", 7).unwrap().1[1],
            "6 342"
        );
        assert_eq!(
            glued_wholes("dotaties voorzieningen1 678000000", 7).unwrap().1,
            ["1 678", "0", "0", "0", "0", "0", "0"]
        );
        // Lines 11, 13, 18 and 26 of fixtures/wild/dev/j2_03.txt (three columns).
        let (label, figures, certain, grouping) =
            glued_wholes("1. Netto-uitgaven onder het kader RBG-eng\u{2013} 101 523\u{2013} 91 9969 528", 3)
                .unwrap();
        assert_eq!(label, "1. Netto-uitgaven onder het kader RBG-eng");
        assert_eq!(figures, ["\u{2013} 101 523", "\u{2013} 91 996", "9 528"]);
        assert!(certain && grouping);
        assert_eq!(
            glued_wholes("3. Netto begrotingsgefinancierde uitgaven BKZ0\u{2013} 2 047\u{2013} 2 047", 3)
                .unwrap()
                .1,
            ["0", "\u{2013} 2 047", "\u{2013} 2 047"]
        );
        let (label, figures, _, _) = glued_wholes("7. Overig**1 8461 85812", 3).unwrap();
        assert_eq!(
            (label.as_str(), figures),
            ("7. Overig**", vec!["1 846".to_string(), "1 858".into(), "12".into()])
        );
        assert_eq!(glued_wholes("EMU-saldo in %BBP0,2%0,4%0,2%", 3).unwrap().1, ["0,2%", "0,4%", "0,2%"]);
    }

    #[test]
    fn glued_whole_figures_that_cut_more_ways_than_one_are_flagged() {
        // Line 21 of fixtures/wild/dev/j2_03.txt: – 513 and 1 087, or – 51 and 31 087.
        let (_, figures, _, grouping) =
            glued_wholes("9. EMU-saldoLokale Overheid\u{2013} 1 600\u{2013} 5131 087", 3).unwrap();
        assert_eq!(figures, ["\u{2013} 1 600", "\u{2013} 513", "1 087"], "the most even cut");
        assert!(!grouping);
        // Line 12: the difference 2007 is printed without its thousands space.
        let (_, figures, _, grouping) = glued_wholes(
            "2. Netto begrotingsgefinancierde uitgaven SZA\u{2013} 15 872\u{2013} 13 8642007",
            3,
        )
        .unwrap();
        assert_eq!(figures, ["\u{2013} 15 872", "\u{2013} 13 864", "2007"]);
        assert!(!grouping, "a bare four-digit figure is read only when nothing else reads");
        // Trailing spaces are empty cells; spaced figures are for the other splits.
        assert_eq!(glued_wholes("Saldo5 842   ", 4).map(|split| split.1.len()), None, "no glued pair");
        assert_eq!(glued_wholes("Saldo5 8421 000  ", 4).unwrap().1, ["5 842", "1 000", " ", " "]);
        assert_eq!(glued_wholes("Uitgaven 1 522 1 529", 2), None);
        assert_eq!(glued_wholes("Uitgaven1 522", 3), None);
        // Lines 33, 31 and 32 of fixtures/wild/dev/g1_04.txt: some cells parted by a space.
        let (label, figures, _, grouping) =
            glued_wholes("Totaal baten 229 937 260 250 257 913251 094 237 135 237 117 237 099", 7).unwrap();
        assert_eq!(label, "Totaal baten");
        assert_eq!(figures, ["229 937", "260 250", "257 913", "251 094", "237 135", "237 117", "237 099"]);
        assert!(!grouping, "a space parts cells or thousands");
        assert_eq!(glued_wholes("rentebaten 970250 200 200 200 200 200", 7).unwrap().1[..2], ["970", "250"]);
        assert_eq!(glued_wholes("bijzondere baten25 5 092 1 286 2 919", 7), None, "four figures, not seven");
        let fewest = split_fewest_space_grouped("bijzondere baten25 5 092 1 286 2 919", 7).unwrap();
        let line = "bijzondere baten25 5 092 1 286 2 919";
        let figures: Vec<&str> = fewest.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(
            (&line[fewest.label.clone()], figures),
            ("bijzondere baten", vec!["25", "5 092", "1 286", "2 919"])
        );
        assert!(!fewest.grouping_certain);
        assert!(shows_glued_figures("7. Overig**1 8461 85812"));
        assert!(shows_glued_figures("BKZ0\u{2013} 2 047\u{2013} 2 047"));
        assert!(shows_glued_figures("BBP0,2%0,4%0,2%"));
        assert!(!shows_glued_figures("1.3.Veiligheid14"));
        assert!(!shows_glued_figures("2.1.De Nederlandse economie in 200627"));
        assert!(!shows_glued_figures("Uitgaven 1 522 1 529"));
        assert!(!shows_glued_figures("Looptijd 2021–2025"));
        assert!(!shows_glued_figures("Stand per 31-12-2023"));
        // A first figure glued to the label whose lead has one or two digits may open with a
        // marker or the label's own digit: flagged (line 13 of j2_04; a hand-made "CO2" label).
        assert!(
            !split_glued_wholes("opbrengst derden47 93574 39678 20677 34778 40779 60779 607", 7)
                .unwrap()
                .certain
        );
        assert!(!split_glued_wholes("Uitstoot CO21 2345 678", 2).unwrap().certain);
    }

    fn glued(line: &str, columns: usize) -> Option<(String, Vec<String>, bool)> {
        let split = split_glued_decimals(line, columns)?;
        let figures = split.figures.iter().map(|range| line[range.clone()].trim().to_string()).collect();
        Some((line[split.label].to_string(), figures, split.certain))
    }

    #[test]
    fn figures_glued_without_separators_are_cut_where_their_decimals_end() {
        let texts = |texts: &[&str]| texts.iter().map(|text| text.to_string()).collect::<Vec<_>>();
        // Wild page f1_02 (Miljoenennota 2006, horizontale toelichting), lines 28 and 32, under
        // the heading " 200520062007200820092010" (six columns).
        assert_eq!(
            glued("totaal uitgaven119,4113,3113,1112,0111,5111,0", 6),
            Some((
                "totaal uitgaven".into(),
                texts(&["119,4", "113,3", "113,1", "112,0", "111,5", "111,0"]),
                true
            ))
        );
        assert_eq!(
            glued("Uitgaven9,08,38,48,48,48,3", 6),
            Some(("Uitgaven".into(), texts(&["9,0", "8,3", "8,4", "8,4", "8,4", "8,3"]), true))
        );
        // Wild page f1_01 (Voorjaarsnota 2005), lines 11, 15 and 17 (five columns): a sign and a
        // space open a figure, brackets hold one, and each trailing space is an empty cell.
        assert_eq!(
            glued("1Bruto aankoopbedrag– 9,91    ", 5),
            Some(("1Bruto aankoopbedrag".into(), texts(&["– 9,91", "", "", "", ""]), true))
        );
        assert_eq!(
            glued("2Netto-aankoopbedrag(-2,78)    ", 5),
            Some(("2Netto-aankoopbedrag".into(), texts(&["(-2,78)", "", "", "", ""]), true))
        );
        assert_eq!(
            glued("4Dividend– 0,16– 0,37– 0,34– 0,31– 0,28", 5),
            Some(("4Dividend".into(), texts(&["– 0,16", "– 0,37", "– 0,34", "– 0,31", "– 0,28"]), true))
        );
        // Wild page f2_04 (Miljoenennota 2007), line 24: the label's year runs into the first
        // figure; the year goes back to the label and the cut is flagged.
        assert_eq!(
            glued("Stand Miljoenennota 20065,75,75,75,75,7 ", 6),
            Some(("Stand Miljoenennota 2006".into(), texts(&["5,7", "5,7", "5,7", "5,7", "5,7", ""]), false))
        );
        // Not cut: a count that does not come out, decimals that differ, one column, a dash
        // glued to the decimals before it, a thousands group of two digits.
        // Hand-made: thousands printed with a space, as the whole-figure rows of these pages do.
        assert_eq!(
            glued("Uitgaven1 234,52 345,6– 12,0", 3),
            Some((
                "Uitgaven".to_string(),
                vec!["1 234,5".to_string(), "2 345,6".into(), "– 12,0".into()],
                true
            ))
        );
        assert_eq!(glued("Uitgaven9,08,38,4", 6), None);
        assert_eq!(glued("Uitgaven9,08,38,45", 3), None);
        assert_eq!(glued("Uitgaven9,0", 1), None);
        assert_eq!(glued("Saldo0,1-0,2 ", 3), None);
        assert_eq!(glued("Saldo1.23,41,0", 2), None);
        // Cut, but flagged: digits the label may end in (a number, a footnote marker), a year
        // that runs into a figure with thousands dots.
        assert_eq!(glued("Artikel 123,54,1", 2).map(|(_, _, certain)| certain), Some(false));
        assert_eq!(glued("Uitgaven19,08,3", 2).map(|(_, _, certain)| certain), Some(false));
        assert_eq!(
            glued("Stand Miljoenennota 20081.234,51.100,0", 2),
            Some(("Stand Miljoenennota 2008".into(), texts(&["1.234,5", "1.100,0"]), false))
        );
    }
}
