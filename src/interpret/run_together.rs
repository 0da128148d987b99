//! Lines that run a label and its figures together, cut where the figures start: "Netto-uitgaven
//! buiten het kader– 4 512", "Rentebaten1 204", "Uitgaven 1.522 1.529 1.370", space-grouped rows
//! ("Stand ontwerpbegroting 2009 4 744 138 4 682 192 …") cut into as many figures as the heading
//! has years, and year headings glued together. Owns only the cutting of one printed line and
//! whether the cut is certain; the text reader decides which lines to cut (from their
//! neighbours), the coverage audit uses [`trailing_figures`] to find figures a table left out.

use super::vocabulary::{is_plain_figure, is_sign, is_year};

/// The figures at the end of a line that runs a label and its figures together
/// ("Netto-uitgaven buiten het kader– 4 512" ends in "4 512"; "Uitgaven 1.522 1.529 1.370" in
/// three; "Voorwoord9" in one glued to the label). Returns the byte offset where the figures start and how many whitespace-separated
/// tokens they span, or `None` when the line does not end in a figure, has no letters before it,
/// or reads like prose (it ends with a full stop, or is longer than 160 characters).
///
/// Known limit: a label that itself ends in a number ("Artikel 31") is indistinguishable from a
/// label and one figure, so callers only trust this for runs of several such lines.
pub fn trailing_figures(line: &str) -> Option<(usize, usize)> {
    let trimmed = line.trim_end();
    if trimmed.is_empty() || trimmed.chars().count() > 120 || trimmed.ends_with('.') {
        return None;
    }
    let mut start = trimmed.len();
    let mut tokens = 0;
    let mut rest = trimmed;
    while let Some(at) = rest.rfind(char::is_whitespace) {
        let token = &rest[at..].trim();
        if !is_figure_token(token) {
            break;
        }
        tokens += 1;
        start = at + rest[at..].len() - rest[at..].trim_start().len();
        rest = rest[..at].trim_end();
    }
    if tokens == 0 {
        return glued_trailing_figure(trimmed).map(|start| (start, 1));
    }
    // One year after words is a date or a heading ("Ontvangen 10 november 2021", "voor het
    // jaar 2022"), not a row of figures.
    if tokens == 1 && is_year(&trimmed[start..]) {
        return None;
    }
    let label = &trimmed[..start];
    (label.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some((start, tokens))
}

/// Where a figure glued to the end of a label starts ("Voorwoord9", "Rentebaten1 204" is found
/// by the token rule, "Fondsen969", "BBP-2,3%", "arbeidsmarkt10"): digits with "." "," and a
/// trailing "%", an optional minus sign before them, right after a letter, ")" or ":".
fn glued_trailing_figure(line: &str) -> Option<usize> {
    let figure_start = line
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
        .last()
        .map(|(at, _)| at)?;
    let figure = &line[figure_start..];
    if !figure.starts_with(|c: char| c.is_ascii_digit())
        || figure.chars().filter(char::is_ascii_digit).count() > 6
    {
        return None;
    }
    let before = &line[..figure_start];
    let (start, before) = match before.char_indices().next_back() {
        Some((at, sign)) if is_sign(sign) && sign != '+' => (at, &before[..at]),
        _ => (figure_start, before),
    };
    before.chars().next_back().is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | ':')).then_some(start)
}

/// A line that runs a label and its figures together, split where the figures start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunTogether {
    /// Byte range of the label in the line (trimmed of trailing spaces).
    pub label: std::ops::Range<usize>,
    /// Byte ranges of the figures, left to right.
    pub figures: Vec<std::ops::Range<usize>>,
    /// False when the print leaves the split point open: the first figure is glued to the label
    /// and its first digit group could be a footnote marker or part of the label ("Overig2 578":
    /// "Overig" and 2 578, or "Overig2" and 578).
    pub certain: bool,
    /// False when the figures print their thousands with spaces and the digit groups could be
    /// cut into that many figures in more than one way ([`split_space_grouped`]): every figure
    /// of the line is then in doubt.
    pub grouping_certain: bool,
}

/// Splits a line that runs a label and its figures together ("Netto-uitgaven buiten het kader–
/// 4 512", "Rentebaten1 204", "BBP (in miljarden euro's)476", "Uitgaven 1.522 1.529").
///
/// Steps, in this order:
/// 1. the last figure is the longest suffix that reads as one Dutch number (so "– 4 512" and
///    "1 204" stay whole), with at least two letters before it and not a lone year;
/// 2. more figures before it are whitespace-separated tokens that read as numbers and carry a
///    "." "," or "%" (so a space-separated thousands group is never taken for a figure of its own),
///    and a sign printed apart from the figure after it ("0,0 ‒ 0,1") belongs to that figure (the
///    split is then uncertain: a dash alone may be a nil cell);
/// 3. a label that still ends in a group of one to three digits means figures with space
///    thousands separators ran together ("4 744 138 4 682 192"): the line is not split (a longer
///    number, "Miljoenennota 2010 70,2", is the label's own and the split goes on, uncertain);
/// 4. the split is uncertain when the first figure is glued to the label and begins with a
///    group of one or two digits followed by a space group (a footnote marker glued to the label
///    reads the same way), or its whole part is a run of five or more digits without thousands
///    separators (a year of the label may be in it: "economie in 200627", "Miljoenennota
///    20080,0"), or the label ends in a digit.
///
/// `None` for prose-like lines (longer than 120 characters, ending in a full stop, holding `|`).
/// Several figures that all use spaces as thousands separators ("4 744 138 4 682 192") are not
/// split here: how many figures there are comes from the lines around ([`split_space_grouped`]).
pub fn split_run_together(line: &str) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if trimmed.is_empty() || trimmed.len() > 480 || trimmed.chars().count() > 120 || trimmed.contains('|') {
        return None;
    }
    if trimmed.ends_with('.') && !trimmed.ends_with("..") || ends_in_unit_scale(trimmed) {
        return None;
    }
    // Where the second letter ends: a label needs two letters before its figures.
    let label_minimum =
        trimmed.char_indices().filter(|(_, c)| c.is_alphabetic()).nth(1).map(|(at, c)| at + c.len_utf8())?;
    let letters_before = |end: usize| end >= label_minimum;
    // Only a sign, a euro sign or a digit can open a figure; the figure test runs on those alone.
    // A sign and a space open a figure even right after the label's year: "Najaarsnota 2007– 0,4"
    // is "Najaarsnota 2007" and – 0,4 (not a year range: the figure itself is no year).
    let last_start = trimmed.char_indices().find_map(|(at, c)| {
        let opens = c.is_ascii_digit() || c == '€' || is_sign(c);
        let signed =
            is_sign(c) && trimmed[at + c.len_utf8()..].starts_with(' ') && ends_in_year(&trimmed[..at]);
        let after_number = trimmed[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        (opens && at >= label_minimum && (signed || !after_number) && is_run_figure(&trimmed[at..]))
            .then_some(at)
    })?;
    let last_figure = trimmed[last_start..].trim_start_matches(|c: char| is_sign(c) || c.is_whitespace());
    if is_year(&trimmed[last_start..]) && trimmed[..last_start].ends_with(char::is_whitespace)
        || is_year(last_figure) && ends_in_year(&trimmed[..last_start])
    {
        return None;
    }
    let mut figures = Vec::new();
    figures.push(last_start..trimmed.len());
    let mut label_end = last_start;
    let mut sign_apart = false;
    loop {
        let before = trimmed[..label_end].trim_end();
        let Some((space, blank)) = before.char_indices().rev().find(|(_, c)| c.is_whitespace()) else {
            break;
        };
        // The token starts after the blank, which may be wider than a byte (U+2002, U+00A0).
        let token_start = space + blank.len_utf8();
        let token = &before[token_start..];
        if token.contains(['.', ',', '%']) && is_run_figure(token) && letters_before(space) {
            figures.insert(0, token_start..before.len());
            label_end = token_start;
        } else if token.chars().count() == 1
            && token.chars().all(is_sign)
            && letters_before(space)
            && figures.first().is_some_and(|first| !trimmed[first.clone()].starts_with(is_sign))
        {
            // A sign printed apart from its figure ("0,0 ‒ 0,1 0,0"): the figure's own, though a
            // dash alone can be a nil cell, so the split is in doubt.
            figures[0].start = token_start;
            label_end = token_start;
            sign_apart = true;
        } else {
            break;
        }
    }
    let label = trimmed[..label_end].trim_end();
    // A label that still ends in a number token is a run of figures that use spaces as
    // thousands separators ("4 744 138 4 682 192"): where one ends and the next begins only the
    // table's arithmetic can tell, so the line is not split (and the coverage audit names it).
    let mut tokens = label.split_whitespace();
    let last_token = tokens.next_back().unwrap_or_default();
    let more_tokens = tokens.next().is_some();
    // (A signed figure glued to the label's year, "Najaarsnota 2007– 0,4", is not such a run.)
    let glued_to_year = !trimmed[..figures[0].start].ends_with(char::is_whitespace) && is_year(last_token);
    // Only a group of one to three digits can open such a figure: a longer number ("Miljoenennota
    // 2010 70,2") ends the label, and the label ending in a digit makes the split uncertain.
    if more_tokens && !glued_to_year && super::vocabulary::is_short_whole_number(last_token) {
        return None;
    }
    let mut label_range = 0..label.len();
    let first = &trimmed[figures[0].clone()];
    // Glued digits: a sign between label and figure ("eng– 93 011") keeps them apart.
    let glued = !trimmed[..figures[0].start].ends_with(char::is_whitespace)
        && first.starts_with(|c: char| c.is_ascii_digit());
    let short_first_group = first
        .split_once(' ')
        .is_some_and(|(group, rest)| group.len() <= 2 && rest.starts_with(|c: char| c.is_ascii_digit()));
    let label_ends_in_digit = label.ends_with(|c: char| c.is_ascii_digit());
    // A run of five or more digits without a thousands separator is no figure as these documents
    // print them: it may hold a year of the label and a figure ("economie in 200627").
    let whole = first.split(',').next().unwrap_or_default();
    let long_glued = whole.len() >= 5 && whole.bytes().all(|b| b.is_ascii_digit());
    let certain = !(label_ends_in_digit || long_glued || glued && short_first_group || sign_apart);
    // Such a run that opens with a year and has one to three digits after it is the label's year
    // and a figure ("De Nederlandse economie in 200627": "… in 2006" and 27, a page number): the
    // year goes back to the label. Still uncertain, and flagged: a year and one digit ("20221")
    // may be a year and a footnote marker, but never the figure 20 221, which these documents
    // print with a separator. (Column headings such as "Vastgestelde begroting 20221" never get
    // here: `is_measure_year_heading` keeps them whole.)
    if long_glued
        && figures.len() == 1
        && (5..=7).contains(&whole.len())
        && whole.get(..4).is_some_and(is_year)
    {
        let year_end = figures[0].start + 4;
        label_range = 0..year_end;
        figures[0].start = year_end;
    }
    Some(RunTogether { label: label_range, figures, certain, grouping_certain: true })
}

/// A heading line that runs a label and two or more years together ("2. Politie 2009 2010 2011
/// 2012 2013 2014"): the label and each year, as a run-together row's split. `None` for any
/// other line.
pub fn split_year_heading(line: &str) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if trimmed.len() > 480 || trimmed.contains('|') || !trimmed.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(glued) = glued_years(trimmed) {
        return Some(glued);
    }
    let tokens: Vec<(usize, &str)> = trimmed
        .split_whitespace()
        .map(|token| (token.as_ptr() as usize - trimmed.as_ptr() as usize, token))
        .collect();
    let years = tokens.iter().rev().take_while(|(_, token)| is_year(token)).count();
    if years < 2 || years == tokens.len() {
        return None;
    }
    let first_year = tokens.len() - years;
    let label = trimmed[..tokens[first_year].0].trim_end();
    if label.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let figures = tokens[first_year..].iter().map(|(start, token)| *start..start + token.len()).collect();
    Some(RunTogether { label: 0..label.len(), figures, certain: true, grouping_certain: true })
}

/// A heading of consecutive years glued together with nothing between them
/// (" 20052006200720082009", as the pre-2010 one-row-a-line tables print it), or with single
/// spaces between some of them (" 2008 2009 20102011 2012"): each year, and the blank before
/// them as the stub header's empty cell. Two years at least, one apart, and two of them glued.
/// Takes the line trimmed at its end.
pub fn glued_years(trimmed: &str) -> Option<RunTogether> {
    let digits = trimmed.trim_start();
    let lead = trimmed.len() - digits.len();
    if digits.len() < 8 || !digits.bytes().all(|b| b.is_ascii_digit() || b == b' ') || digits.contains("  ") {
        return None;
    }
    let mut figures = Vec::new();
    let mut glued = false;
    for token in digits.split(' ') {
        let at = token.as_ptr() as usize - trimmed.as_ptr() as usize;
        if token.is_empty() || !token.len().is_multiple_of(4) {
            return None;
        }
        glued |= token.len() > 4;
        figures.extend((0..token.len() / 4).map(|i| at + 4 * i..at + 4 * i + 4));
    }
    let years: Vec<u32> = figures.iter().map(|range| trimmed[range.clone()].parse().unwrap_or(0)).collect();
    let consecutive = years.windows(2).all(|pair| pair[1] == pair[0] + 1);
    if !glued || !consecutive || !is_year(&trimmed[figures[0].clone()]) {
        return None;
    }
    Some(RunTogether { label: 0..lead, figures, certain: true, grouping_certain: true })
}

/// One piece of a run of figures that print their thousands with spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A sign on its own ("–" in "– 76").
    Sign,
    /// A group of one to three digits; `decimals` when it ends in ",5" (nothing may follow it in
    /// its figure).
    Group { digits: usize, decimals: bool },
    /// A figure that is whole on its own ("4,3", "1.522", "12%").
    Whole,
}

/// A piece and its byte range in the line.
type PrintedPiece = (Piece, std::ops::Range<usize>);

/// The pieces of the figure run at the end of a line, with their byte ranges, and where the
/// label ends; `None` when the line does not end in such a run after a label of two letters.
/// Number tokens of four digits or more right after the label's last word belong to the label
/// (a year: "Stand ontwerpbegroting 2009").
fn figure_pieces(line: &str) -> Option<(usize, Vec<PrintedPiece>)> {
    let tokens: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|token| (token.as_ptr() as usize - line.as_ptr() as usize, token))
        .collect();
    let label_token = tokens.iter().rposition(|(_, token)| token.chars().any(char::is_alphabetic))?;
    let (label_start, label_text) = tokens[label_token];
    let mut label_end = label_start + label_text.len();
    let group = |text: &str| -> Option<(usize, bool)> {
        let (whole, decimals) = match text.split_once(',') {
            Some((whole, decimals))
                if !decimals.is_empty() && decimals.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (whole, true)
            }
            Some(_) => return None,
            None => (text, false),
        };
        ((1..=3).contains(&whole.len()) && whole.bytes().all(|b| b.is_ascii_digit()))
            .then_some((whole.len(), decimals))
    };
    let mut pieces = Vec::new();
    for &(start, token) in &tokens[label_token + 1..] {
        let range = start..start + token.len();
        if matches!(token, "-" | "–" | "‒" | "−" | "—" | "+") {
            pieces.push((Piece::Sign, range));
        } else if let Some((digits, decimals)) = group(token) {
            pieces.push((Piece::Group { digits, decimals }, range));
        } else if pieces.is_empty() && token.len() >= 4 && token.bytes().all(|b| b.is_ascii_digit()) {
            label_end = range.end;
        } else if token.contains(['.', ',', '%']) && is_run_figure(token) {
            pieces.push((Piece::Whole, range));
        } else {
            return None;
        }
    }
    let letters = line[..label_end].chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !pieces.is_empty()).then_some((label_end, pieces))
}

/// Splits a line that ends in figures printing their thousands with spaces into its label and
/// exactly `columns` figures ("Stand ontwerpbegroting 2009 4 744 138 4 682 192 …" with six
/// columns: "4 744 138", "4 682 192", …; "Mutatie NvW – 76 – 100" with two: "– 76", "– 100").
///
/// A figure is an optional sign, then a whole figure ("4,3", "1.522"), or a group of one to three
/// digits followed by groups of exactly three (a group with decimals ends it). When more than one cut gives
/// `columns` figures, the most even one (by groups per figure) is taken and `grouping_certain`
/// is false: the reader flags every figure of the row. `None` when no cut gives `columns`
/// figures.
pub fn split_space_grouped(line: &str, columns: usize) -> Option<RunTogether> {
    let trimmed = line.trim_end();
    if columns == 0 || trimmed.len() > 480 || trimmed.contains('|') {
        return None;
    }
    let (label_end, pieces) = figure_pieces(trimmed)?;
    let n = pieces.len();
    if n > 200 || columns > n {
        return None;
    }
    // ways[i][c]: cuts of pieces[i..] into c figures (2 means two or more); cost: the least sum
    // of squared group counts; next: where the first figure of the best cut ends.
    const NONE: usize = usize::MAX;
    let mut ways = vec![vec![0u8; columns + 1]; n + 1];
    let mut cost = vec![vec![NONE; columns + 1]; n + 1];
    let mut next = vec![vec![0usize; columns + 1]; n + 1];
    ways[n][0] = 1;
    cost[n][0] = 0;
    for i in (0..n).rev() {
        // Every end of a figure that starts at piece i, with its group count.
        let mut ends = Vec::new();
        let mut at = i;
        if pieces[at].0 == Piece::Sign {
            at += 1;
        }
        match pieces.get(at).map(|piece| piece.0) {
            Some(Piece::Whole) => ends.push((at + 1, 1)),
            Some(Piece::Group { decimals, .. }) => {
                let mut groups = 1;
                ends.push((at + 1, groups));
                let mut open = !decimals;
                while open {
                    match pieces.get(at + groups).map(|piece| piece.0) {
                        Some(Piece::Group { digits: 3, decimals }) => {
                            groups += 1;
                            ends.push((at + groups, groups));
                            open = !decimals;
                        }
                        _ => break,
                    }
                }
            }
            _ => {}
        }
        for (end, groups) in ends {
            for c in 1..=columns {
                if ways[end][c - 1] == 0 {
                    continue;
                }
                ways[i][c] = (ways[i][c] + ways[end][c - 1]).min(2);
                let total = cost[end][c - 1] + groups * groups;
                if total < cost[i][c] {
                    cost[i][c] = total;
                    next[i][c] = end;
                }
            }
        }
    }
    if ways[0][columns] == 0 {
        return None;
    }
    let mut figures = Vec::with_capacity(columns);
    let (mut i, mut c) = (0, columns);
    while c > 0 {
        let end = next[i][c];
        figures.push(pieces[i].1.start..pieces[end - 1].1.end);
        i = end;
        c -= 1;
    }
    let label = trimmed[..label_end].trim_end();
    Some(RunTogether {
        label: 0..label.len(),
        figures,
        certain: true,
        grouping_certain: ways[0][columns] == 1,
    })
}

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
/// line.
pub fn split_spaced_cells(line: &str) -> Option<RunTogether> {
    let body = line.strip_suffix('\r').unwrap_or(line);
    let content = body.trim_end_matches(' ');
    let trailing = body.len() - content.len();
    if content.chars().count() > 240 || content.contains(['|', '\t']) || !trailing.is_multiple_of(2) {
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
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'%'))
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
    figures.extend((0..trailing / 2).map(|k| content.len() + 2 * k..content.len() + 2 * k + 1));
    (!figures.is_empty()).then_some(RunTogether {
        label: 0..label_end,
        figures,
        certain: true,
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
    if lead < 2 || !lead.is_multiple_of(2) || !trailing.is_multiple_of(2) || content.chars().count() > 240 {
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

/// Splits a line of space-grouped figures that cannot be cut into `columns` figures into the
/// fewest it can be ("bijzondere baten25 5 092 1 286 2 919" under seven years: 25, 5 092, 1 286
/// and 2 919, each space before three digits read as a thousands space): a row that prints fewer
/// figures than the heading has years, whose columns the table's placement then decides. How
/// many figures the print holds is a reading, not a fact: `grouping_certain` is false. `None`
/// when the line cuts into `columns` figures ([`split_space_grouped`] reads it), or into none.
///
/// Digits glued to the label's last word ("baten25") are read as its first figure, and the
/// split point is then in doubt as well (`certain` false: they may be a footnote marker).
pub fn split_fewest_space_grouped(line: &str, columns: usize) -> Option<RunTogether> {
    if split_space_grouped(line, columns).is_some() {
        return None;
    }
    let trimmed = line.trim_end();
    // The label's last word, when digits end it.
    let glued_digits =
        trimmed.split_whitespace().rev().find(|token| token.chars().any(char::is_alphabetic)).and_then(
            |token| {
                let digits = token.len() - token.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let at = token.as_ptr() as usize - trimmed.as_ptr() as usize + token.len() - digits;
                (1..=3).contains(&digits).then_some(at)
            },
        );
    let fewest = |text: &str| (1..columns.min(200)).find_map(|fewer| split_space_grouped(text, fewer));
    if let Some(at) = glued_digits {
        let parted = format!("{} {}", &trimmed[..at], &trimmed[at..]);
        if let Some(split) = fewest(&parted) {
            let back = |offset: usize| if offset > at { offset - 1 } else { offset };
            return Some(RunTogether {
                label: 0..trimmed[..at].trim_end().len(),
                figures: split.figures.iter().map(|range| back(range.start)..back(range.end)).collect(),
                certain: false,
                grouping_certain: false,
            });
        }
    }
    fewest(trimmed).map(|split| RunTogether { grouping_certain: false, ..split })
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
    let body = line.strip_suffix('\r').unwrap_or(line);
    let content = body.trim_end();
    if columns < 2 || content.chars().count() > 160 || content.contains('|') {
        return None;
    }
    // One space (or no-break space) a trailing empty cell.
    let empties: Vec<std::ops::Range<usize>> = body[content.len()..]
        .char_indices()
        .filter(|(_, c)| matches!(c, ' ' | '\u{a0}'))
        .map(|(at, c)| content.len() + at..content.len() + at + c.len_utf8())
        .collect();
    if empties.len() >= columns {
        return None;
    }
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
    let first_group = first_whole.split('.').next().unwrap_or_default().to_string();
    // Thousands groups after the first are three digits; a first group of four or more digits
    // before a thousands dot is no figure as these pages print them, unless a year of the label
    // runs into it.
    let year_glued = first_group.len() >= 5 && first_group.get(..4).is_some_and(is_year);
    if first_group.len() >= 4 && !year_glued && first_whole.contains('.') {
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
/// - the figures start after a blank, or inside digits the label ends in: `certain` is false;
/// - no cut does, but one does when a single space may also part two figures, as some of these
///   pages print some of their cells ("149 365149 337 149 309"): the most even such cut is
///   taken, and `grouping_certain` is false (a space there is a thousands space or a cell edge).
///
/// `None` when no cut gives `columns` figures, when the figures hold no glued pair (other
/// splits read spaced figures), for fewer than two columns and for prose-length lines.
pub fn split_glued_wholes(line: &str, columns: usize) -> Option<RunTogether> {
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
    if empties.len() >= columns {
        return None;
    }
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
    // The label may end in digits (a marker, a number): the figures may start inside them.
    let label_digits_start = content[..run_start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(run_start, |(at, _)| at)
        .max(label_minimum);
    for (strict, spaced) in [(true, false), (false, false), (true, true)] {
        for start in (label_digits_start..=run_start).filter(|&at| content.is_char_boundary(at)) {
            let Some((figures, unique)) = cut_glued_wholes(&content[start..], wanted, strict, spaced) else {
                continue;
            };
            let glued_pair = figures.windows(2).any(|pair| pair[0].end == pair[1].start);
            if !glued_pair {
                return None;
            }
            let mut figures: Vec<_> = figures.into_iter().map(|f| f.start + start..f.end + start).collect();
            let label = content[..start].trim_end();
            figures.extend(empties);
            return Some(RunTogether {
                label: 0..label.len(),
                figures,
                certain: start == run_start && !after_blank,
                grouping_certain: unique && strict && !spaced,
            });
        }
    }
    None
}

/// True when the line shows two figures printed against each other: a thousands group (a digit,
/// a space and three digits) with a digit or sign right after it ("1 8461 858"), a digit with a minus
/// right after it ("523– 91"), or a "%" with a digit or sign right after it ("0,2%0,4%"). A
/// label's own digits ("Veiligheid14", "in 200627") show none of these, so only such lines are
/// cut by a count that does not come from a heading.
pub fn shows_glued_figures(line: &str) -> bool {
    let chars: Vec<char> = line.trim_end().chars().collect();
    let opens = |at: usize| chars.get(at).is_some_and(|&c| c.is_ascii_digit() || is_sign(c) && c != '+');
    (0..chars.len()).any(|at| {
        let group = chars[at] == ' '
            && at > 0
            && chars[at - 1].is_ascii_digit()
            && (1..=3).all(|k| chars.get(at + k).is_some_and(char::is_ascii_digit));
        group && opens(at + 4)
            || chars[at].is_ascii_digit() && chars.get(at + 1).is_some_and(|&c| is_sign(c) && c != '+')
            || chars[at] == '%' && opens(at + 1)
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
    const NONE: usize = usize::MAX;
    let mut ways = vec![vec![0u8; wanted + 1]; n + 1];
    let mut cost = vec![vec![NONE; wanted + 1]; n + 1];
    let mut next = vec![vec![0usize; wanted + 1]; n + 1];
    ways[n][0] = 1;
    cost[n][0] = 0;
    for i in (0..n).rev() {
        if !run.is_char_boundary(i) {
            continue;
        }
        for (end, digits) in ends_from(i) {
            // Where spaces part figures, two are glued only where three digits (a thousands
            // group or a full lead) or a "%" close the first ("149 365149 337", "970250 200");
            // "1 286" is never 1, 2 and 86.
            let full_or_percent = digits >= 3 || bytes[end - 1] == b'%';
            if spaced && digit(end) && !full_or_percent {
                continue;
            }
            for c in 1..=wanted {
                if ways[end][c - 1] == 0 {
                    continue;
                }
                ways[i][c] = (ways[i][c] + ways[end][c - 1]).min(2);
                let total = cost[end][c - 1] + digits * digits;
                if total < cost[i][c] {
                    cost[i][c] = total;
                    next[i][c] = end;
                }
            }
        }
    }
    if ways[0][wanted] == 0 {
        return None;
    }
    let mut figures = Vec::with_capacity(wanted);
    let (mut i, mut c) = (0, wanted);
    while c > 0 {
        let end = next[i][c];
        let start = if bytes[i] == b' ' { i + 1 } else { i };
        figures.push(start..end);
        i = end;
        c -= 1;
    }
    Some((figures, ways[0][wanted] == 1))
}

/// True when a line ends in the scale of a unit phrase: a power of ten from a thousand up after
/// a currency or "x" ("Meerjarige begroting van baten en lasten x € 1000", "Bedragen in €
/// 1 000", "x 1.000"): a caption's unit, never a row's figure.
fn ends_in_unit_scale(trimmed: &str) -> bool {
    let scale_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ' ' | '.'))
        .last()
        .map_or(trimmed.len(), |(at, _)| at);
    let scale: String = trimmed[scale_start..].chars().filter(char::is_ascii_digit).collect();
    let power_of_ten = scale.len() >= 4 && scale.starts_with('1') && scale[1..].bytes().all(|b| b == b'0');
    let before = trimmed[..scale_start].trim_end().to_lowercase();
    power_of_ten && ["€", " x", "eur", "euro", "(x"].iter().any(|word| before.ends_with(word))
}

/// True when the text ends in a year that stands as a word of its own, a dash after it allowed
/// ("Najaarsnota 2007", "Ramingen 2019–").
fn ends_in_year(text: &str) -> bool {
    let text = text.trim_end_matches(|c: char| is_sign(c) || c.is_whitespace());
    is_year(text.rsplit(char::is_whitespace).next().unwrap_or_default())
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
        while bytes.get(at).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
            at += 1;
        }
        if at == whole_start || !bytes[whole_start].is_ascii_digit() || bytes.get(at) != Some(&b',') {
            return None;
        }
        // Thousands groups after the first are three digits ("1.234"); the first group's length is
        // judged by the caller (a label's year may run into it).
        if run[whole_start..at].split('.').skip(1).any(|group| group.len() != 3) {
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

/// A figure of a run-together line: a Dutch figure, but never one ending in a minus ("0,16–"):
/// where figures run together, a minus opens the next figure ("– 0,16– 0,37").
fn is_run_figure(token: &str) -> bool {
    is_plain_figure(token) && !token.trim_end().ends_with(is_sign)
}

/// One whitespace-separated token that can be part of a figure: digits with "." or ",", a
/// percent sign, or a lone minus sign.
fn is_figure_token(token: &str) -> bool {
    let token = token.trim_end_matches('*');
    if token.is_empty() {
        return false;
    }
    if matches!(token, "-" | "–" | "‒" | "—" | "−") {
        return true;
    }
    let digits = token.trim_start_matches(['-', '–', '‒', '—', '−']).trim_end_matches('%');
    !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn space_grouped(line: &str, columns: usize) -> Option<(String, Vec<String>, bool)> {
        split_space_grouped(line, columns).map(|split| {
            let figures = split.figures.iter().map(|range| line[range.clone()].to_string()).collect();
            (line[split.label].to_string(), figures, split.grouping_certain)
        })
    }

    #[test]
    fn a_year_glued_to_a_page_number_goes_back_to_the_label() {
        // Lines 42 and 52 of fixtures/wild/dev/c5_11.txt (FJR 2006, table of contents).
        for (line, label, figure) in [
            ("2.1.De Nederlandse economie in 200627", "2.1.De Nederlandse economie in 2006", "27"),
            (
                "3.1.3.Het gevoerde financieel en materieelbeheer200643",
                "3.1.3.Het gevoerde financieel en materieelbeheer2006",
                "43",
            ),
        ] {
            let split = split_run_together(line).unwrap();
            assert_eq!(&line[split.label.clone()], label);
            assert_eq!(&line[split.figures[0].clone()], figure);
            assert!(!split.certain, "a judgement: flagged");
        }
    }

    #[test]
    fn space_grouped_figures_are_cut_into_the_columns() {
        // Lines of fixtures/wild/dev/c1_02.txt (six year columns).
        assert_eq!(
            space_grouped("2.1 Apparaat 11 553 10 852 9 421 9 358 9 380 9 380", 6),
            Some((
                "2.1 Apparaat".to_string(),
                ["11 553", "10 852", "9 421", "9 358", "9 380", "9 380"].map(String::from).to_vec(),
                true
            ))
        );
        let (label, figures, certain) = space_grouped(
            "Stand ontwerpbegroting 2009 4 744 138 4 682 192 4 683 540 4 693 155 4 685 975 4 672 665",
            6,
        )
        .unwrap();
        assert_eq!(label, "Stand ontwerpbegroting 2009");
        assert_eq!(figures[0], "4 744 138");
        assert!(certain);
        let (_, figures, certain) =
            space_grouped("2.3 Politie op bovenregionaal en landelijk niveau 618 834 617 818 621 839 623 448 625 338 627 177", 6)
                .unwrap();
        assert_eq!(figures, ["618 834", "617 818", "621 839", "623 448", "625 338", "627 177"]);
        assert!(!certain, "twelve groups of three can be cut into six figures in many ways");
        assert_eq!(space_grouped("Mutatie NvW en amendementen – 76 – 100", 2).unwrap().1, ["– 76", "– 100"]);
        // No cut gives the wanted count: not split.
        assert_eq!(space_grouped("2.1 Apparaat 11 553 10 852", 5), None);
        assert_eq!(space_grouped("(x € 1 000)", 1), None);
    }

    fn split(line: &str) -> (String, Vec<String>, bool) {
        let found = split_run_together(line).unwrap_or_else(|| panic!("{line}"));
        (
            line[found.label.clone()].to_string(),
            found.figures.iter().map(|r| line[r.clone()].to_string()).collect(),
            found.certain,
        )
    }

    #[test]
    fn run_together_rows_split_where_the_figures_start() {
        // Budgettaire kerngegevens of the Voorjaarsnota 2005 and 2008 (wild pages c5_01, c5_02).
        assert_eq!(
            split("1. Netto-uitgaven onder het kader RBG-eng– 93 011"),
            ("1. Netto-uitgaven onder het kader RBG-eng".into(), vec!["– 93 011".into()], true)
        );
        assert_eq!(
            split("BBP (in miljarden euro's)476"),
            ("BBP (in miljarden euro's)".into(), vec!["476".into()], true)
        );
        assert_eq!(split("idem, in % BBP-2,3%"), ("idem, in % BBP".into(), vec!["-2,3%".into()], true));
        assert_eq!(split("6. Belastingen 145 518"), ("6. Belastingen".into(), vec!["145 518".into()], true));
        assert_eq!(
            split("Uitgaven 1.522 1.529 ‒ 21,7"),
            ("Uitgaven".into(), vec!["1.522".into(), "1.529".into(), "‒ 21,7".into()], true)
        );
        // "Overig2 578": footnote 2 and 578, or 2 578? The print does not say.
        assert_eq!(split("6. Overig2 578"), ("6. Overig".into(), vec!["2 578".into()], false));
        assert_eq!(split_run_together("Realisatie 2019"), None, "a year heads a column");
        assert_eq!(split_run_together("Realisatie 2010 (2)"), None, "and so does a numbered year");
        assert_eq!(split_run_together("In 2019 stegen de uitgaven met 12."), None);
        assert_eq!(split_run_together("| a | 1 |"), None);
        // Captions' units (line 9 of fixtures/wild/dev/j2_04.txt, line 24 of g1_04.txt).
        assert_eq!(split_run_together("Meerjarige begroting van baten en lasten x € 1000"), None);
        assert_eq!(split_run_together("Agentschap Uitvoering Bedragen in € 1 000"), None);
        assert!(split_run_together("Kosten per inwoner in € 1.522").is_some(), "no power of ten");
        assert_eq!(
            split_run_together("2.1 Bureau 4 744 138 4 682 192"),
            None,
            "only arithmetic splits these"
        );
        assert!(!split("2.1.De Nederlandse economie in 200627").2, "a year may hide in the glued digits");
    }

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
        // Lines 27, 28 and 32 of fixtures/wild/dev/g1_04.txt: some cells parted by a space.
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
        assert!(shows_glued_figures("BKZ0\u{2013} 2 047"));
        assert!(shows_glued_figures("BBP0,2%0,4%0,2%"));
        assert!(!shows_glued_figures("1.3.Veiligheid14"));
        assert!(!shows_glued_figures("2.1.De Nederlandse economie in 200627"));
        assert!(!shows_glued_figures("Uitgaven 1 522 1 529"));
    }

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

    fn glued(line: &str, columns: usize) -> Option<(String, Vec<String>, bool)> {
        let split = split_glued_decimals(line, columns)?;
        let figures = split.figures.iter().map(|range| line[range.clone()].trim().to_string()).collect();
        Some((line[split.label].to_string(), figures, split.certain))
    }

    #[test]
    fn a_sign_printed_apart_from_its_figure_belongs_to_it() {
        // Wild page i2_07 (Miljoenennota 2024 key figures, line 46): "‒ 0,1" among six more.
        let (label, figures, certain) = split(
            "Steunmaatregelen corona relevant voor het EMU-saldo (uitgaven) 11,2 3,0 0,5 0,1 0,0 ‒ 0,1 0,0",
        );
        assert_eq!(label, "Steunmaatregelen corona relevant voor het EMU-saldo (uitgaven)");
        assert_eq!(figures, ["11,2", "3,0", "0,5", "0,1", "0,0", "‒ 0,1", "0,0"]);
        // A dash alone may be a nil cell: the reading is flagged.
        assert!(!certain);
    }

    #[test]
    fn a_signed_figure_after_the_labels_year_keeps_its_sign() {
        // Wild page f1_05 (Najaarsnota 2007), Tabel 2.1, lines 36 and 40.
        let (label, figures, certain) = split("Najaarsnota 2007– 0,4");
        assert_eq!(
            (label.as_str(), figures, certain),
            ("Najaarsnota 2007", vec!["– 0,4".to_string()], false)
        );
        let (label, figures, certain) = split("Miljoenennota 20080,0");
        assert_eq!(
            (label.as_str(), figures, certain),
            ("Miljoenennota 2008", vec!["0,0".to_string()], false)
        );
        // A year range is no label and figure, with or without a space after the dash.
        assert!(split_run_together("Ramingen 2019– 2022").is_none());
        assert!(split_run_together("Ramingen 2019–2022").is_none());
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

    #[test]
    fn glued_years_are_a_heading() {
        // Wild page f1_02, line 18.
        let line = " 200520062007200820092010";
        let heading = split_year_heading(line).expect("a heading");
        let years: Vec<&str> = heading.figures.iter().map(|range| &line[range.clone()]).collect();
        assert_eq!(years, ["2005", "2006", "2007", "2008", "2009", "2010"]);
        assert_eq!(&line[heading.label], " ");
        // Not years one apart, or not a multiple of four digits: no heading.
        assert!(split_year_heading(" 20052007").is_none());
        assert!(split_year_heading(" 2005200").is_none());
    }

    #[test]
    fn trailing_figures_find_where_run_together_figures_start() {
        let line = "Netto-uitgaven buiten het kader– 4 512";
        let (start, tokens) = trailing_figures(line).unwrap();
        assert_eq!(&line[start..], "4 512");
        assert_eq!(tokens, 2);
        let line = "Uitgaven 1.522 1.529 – 1.370";
        let (start, tokens) = trailing_figures(line).unwrap();
        assert_eq!(&line[start..], "1.522 1.529 – 1.370");
        assert_eq!(tokens, 4);
        assert_eq!(trailing_figures("In 2019 stegen de uitgaven met 12."), None);
        assert_eq!(trailing_figures("2019 2020"), None);
        assert_eq!(trailing_figures("Politie"), None);
        assert_eq!(trailing_figures("Ontvangen 10 november 2021"), None);
        let line = "1.1.Economie en arbeidsmarkt10";
        assert_eq!(&line[trailing_figures(line).unwrap().0..], "10");
        let line = "BBP-2,3%";
        assert_eq!(&line[trailing_figures(line).unwrap().0..], "-2,3%");
        assert_eq!(trailing_figures("Voorwoord"), None);
        assert!(trailing_figures("Ontvangsten 2021 2022").is_some());
    }

    fn holds_in_line(line: &str, split: &RunTogether) {
        for range in std::iter::once(&split.label).chain(&split.figures) {
            assert!(range.start <= range.end && range.end <= line.len(), "{line:?}: {range:?}");
            assert!(line.is_char_boundary(range.start) && line.is_char_boundary(range.end), "{line:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]

        /// The cuts of glued and one-space-a-cell rows never panic and give ranges inside the
        /// line, on character boundaries, whatever the line.
        #[test]
        fn cuts_stay_inside_the_line(
            line in "[A-Za-z0-9 ,.%()*\u{2013}\u{20ac}\u{a0}-]{0,60}",
            columns in 0usize..12,
        ) {
            for split in [
                split_glued_wholes(&line, columns),
                split_fewest_space_grouped(&line, columns),
                split_spaced_cells(&line),
                split_spaced_header(&line),
                split_run_together(&line),
                glued_years(line.trim_end()),
            ]
            .into_iter()
            .flatten()
            {
                holds_in_line(&line, &split);
            }
            let _ = shows_glued_figures(&line);
        }
    }
}
