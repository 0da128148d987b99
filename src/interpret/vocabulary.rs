//! What a printed text is, decided once for every stage that only needs to know whether a text
//! is a figure or a year (the coverage audit and the confidence score).
//!
//! The definition rests on [`crate::normalize::number::parse_dutch_number`], the same parser that
//! gives cells their values, so "a figure" here means exactly "a text that gets a value".

use crate::normalize::number::parse_dutch_number;
use crate::table::ValueKind;

/// True when the text is a printed number or percentage ("1.522", "‒ 21,7", "51%", "2019"),
/// also with trailing footnote stars ("1.522*") or a parenthesised remark after it
/// ("47% (2015)"). Nil, "pm", "n.v.t." and words are not figures.
pub fn is_figure(text: &str) -> bool {
    let trimmed = text.trim();
    let without_stars = trimmed.trim_end_matches('*').trim_end();
    let core = match without_stars.find(" (") {
        Some(at) if without_stars.ends_with(')') => &without_stars[..at],
        _ => without_stars,
    };
    matches!(parse_dutch_number(core).kind, ValueKind::Number | ValueKind::Percent)
}

/// True for the words printed in figure columns instead of a figure: nil signs, "pm", "n.v.t.".
pub fn is_figure_placeholder(text: &str) -> bool {
    matches!(parse_dutch_number(text).kind, ValueKind::Nil | ValueKind::Pm | ValueKind::Nvt)
}

/// True for the marks printed in figure columns where a figure is not available: "...", "…",
/// "." and ".." (the CBS convention these tables follow). They stand in a figure's place, so a
/// reader lays them out like figures; they carry no value.
pub fn is_not_available_mark(text: &str) -> bool {
    matches!(text.trim(), "." | ".." | "..." | "…" | ". . .")
}

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
        Some((at, '-' | '–' | '‒' | '−')) => (at, &before[..at]),
        _ => (figure_start, before),
    };
    before.chars().next_back().is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | ':')).then_some(start)
}

/// A plain year from 1900 to 2100 ("2019").
pub fn is_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && matches!(text.parse::<i32>(), Ok(1900..=2100))
}

/// True for a short number on a line of its own that is a note's marker rather than a figure:
/// one to three digits, with the next non-blank line a sentence (eight words or more), as notes
/// are printed in flattened text ("58", a blank line, "Voor de baten-lastenagentschappen …").
pub fn is_note_marker_before_text(line: &str, next_text: Option<&str>) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.len() <= 3
        && line.bytes().all(|b| b.is_ascii_digit())
        && next_text.is_some_and(|text| text.split_whitespace().count() >= 8)
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

    #[test]
    fn figures_are_the_texts_that_get_a_value() {
        for figure in ["1.522", "13.553,7", "1 569 535", "‒ 21,7", "51%", "2019", "1.522*", "47% (2015)"] {
            assert!(is_figure(figure), "{figure}");
        }
        for text in ["", "-", "pm", "n.v.t.", "Politie", "1.5", "Tabel 2"] {
            assert!(!is_figure(text), "{text}");
        }
    }

    #[test]
    fn not_available_marks_are_dots_only() {
        for mark in ["...", "…", ".", ".."] {
            assert!(is_not_available_mark(mark), "{mark}");
        }
        for text in ["1.", "... en meer", "n.v.t.", ""] {
            assert!(!is_not_available_mark(text), "{text}");
        }
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
}
