//! Figures that stayed unsplit: a row label whose end is figures run into it ("Beginsaldo00000000",
//! "RBG-eng0,0– 1,1–"), a cell of digit groups that make no one number ("2015 13") or hold more
//! digits than any figure, a column heading or title holding a row's figures, a figure glued after
//! a star. Owns telling such texts from labels, codes, markers, years and dates, and naming them:
//! one `figure_not_read` warning per table, with the doubt as flags on the rows' cells
//! (`split_uncertain`, `unreadable_number`). Part of the no-silent-loss audit
//! ([`super::coverage`], which calls [`name_labels_with_unsplit_digits`] once the tables are read).

use crate::error::{Location, Warning, WarningKind};
use crate::interpret::vocabulary::{self, FIGURES_OF_A_ROW, is_sign, is_year, split_trailing_digits};
use crate::table::{CellFlag, Row, Table, TableKind};

use super::coverage::first_five;

/// True for a row label that ends in three digits or more glued to a word of two letters or more
/// whose last letter is lower case, not a year ("Beginsaldo00000000": a row whose figures ran
/// into its label and were not cut off). A footnote marker glued to a label has one or two digits
/// ("Comensha1"), codes and standards end in capitals ("U0111", "IB0111", "ISO27001",
/// "NEN7510"), and a year glued to a word is a heading's ("Stand2019").
///
/// Also for a label whose end after its last letter (glued to it or after a space) is figures
/// alone that either hold more than [`MOST_DIGITS_OF_A_FIGURE`] digits ("– Rente4 2624
/// 00020002000200020002000": seven years' figures run together and into the label; "Stand
/// rentelasten per 20 juli 2006  8 3887 4756 6745 6834 7024 067"; "… 20067 5503,75%142283283283")
/// or print a sign between two figures ("RBG-eng0,0– 1,1–", "kader2– 15 267– 11 999–": figures
/// printed one after another with their minus signs, never cut apart). A tail of years alone
/// ("2019–2022", "2019 2020 2021") is a heading's.
fn ends_in_unsplit_digits(label: &str) -> bool {
    let label = label.trim_end();
    let (before, digits) = split_trailing_digits(label);
    let glued = digits.len() >= 3
        && before.chars().next_back().is_some_and(char::is_lowercase)
        && before.chars().rev().take_while(|c| c.is_alphabetic()).nth(1).is_some()
        && !is_year(digits);
    glued || {
        let tail_start = label
            .rfind(char::is_alphabetic)
            .map_or(0, |at| at + label[at..].chars().next().map_or(1, char::len_utf8));
        let (before, tail) = label.split_at(tail_start);
        let spaced = tail.starts_with(char::is_whitespace);
        let tail = tail.trim_start();
        // Most labels end in a letter: nothing more to look at (this runs on every row).
        if !tail.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        // A figure followed by its sign ("Fondsen204– 1 593": the sign of the next figure, which
        // was cut off; wild page u2_02): a label never ends in a minus sign.
        let signed = signs_between_figures(tail)
            || tail.ends_with(|c: char| is_sign(c) && c != '-' && c != '+')
                && tail.chars().all(is_figure_character)
                && !spaced;
        // Glued to a lower-case word, or to any word when signs stand between the figures (codes
        // print no signs: "SZA0,0– 0,1–").
        let after_a_word = if spaced {
            before.chars().count() >= 2
        } else {
            before.ends_with(char::is_lowercase) || signed && before.ends_with(char::is_alphabetic)
        };
        after_a_word
            && !tail
                .split(|c: char| c.is_whitespace() || is_sign(c))
                .filter(|part| !part.is_empty())
                .all(is_year)
            && (is_run_of_figures(tail) || signed)
    }
}

/// True for a text of figures alone (digits, spaces, separators, signs, per cent signs) in which
/// a minus sign other than the hyphen stands between two figures and a figure prints decimals or
/// a thousands group ("0,0– 1,1– 1,1", "2– 15 267– 11 999"). A hyphen joins dates and ranges
/// ("31-12-2022", "55-65", "1 - 10"), and a range of small numbers has no separator.
fn signs_between_figures(text: &str) -> bool {
    if !text.chars().all(is_figure_character) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let sign_between = chars.iter().enumerate().any(|(at, &c)| {
        is_sign(c)
            && c != '-'
            && c != '+'
            && chars[..at].iter().rev().find(|c| !c.is_whitespace()).is_some_and(char::is_ascii_digit)
            && chars[at + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(char::is_ascii_digit)
    });
    let decimals = chars.windows(2).any(|pair| pair[0] == ',' && pair[1].is_ascii_digit());
    let thousands = chars.windows(5).any(|window| {
        window[0].is_ascii_digit()
            && matches!(window[1], ' ' | '.')
            && window[2..].iter().all(char::is_ascii_digit)
    });
    sign_between && (decimals || thousands)
}

/// The most digits a figure of these documents prints: the whole state budget in euros has twelve.
/// A run of more is figures printed together that nobody cut apart.
const MOST_DIGITS_OF_A_FIGURE: usize = 13;

/// True for a text of digit groups alone (spaces, dots, commas and signs between them) that holds
/// more digits than any figure ([`MOST_DIGITS_OF_A_FIGURE`]): a row's figures run together into
/// one cell ("484 170 130 160 250 365 365").
fn is_run_of_figures(text: &str) -> bool {
    let text = text.trim();
    // Decimals after a comma at the end are cents, not more of the amount ("123.456.789.012,34").
    let whole = match text.rsplit_once(',') {
        Some((whole, decimals))
            if (1..=3).contains(&decimals.len()) && decimals.bytes().all(|b| b.is_ascii_digit()) =>
        {
            whole
        }
        _ => text,
    };
    text.chars().all(is_figure_character)
        && whole.chars().filter(char::is_ascii_digit).count() > MOST_DIGITS_OF_A_FIGURE
}

/// A character a text of figures alone prints: digits, spaces, separators, per cent and signs.
fn is_figure_character(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ',' | '%') || is_sign(c)
}

/// True for a cell of two or more groups of digits, separated by spaces, that read as no one
/// number ("2015 13": a contents entry's year and its page; a thousands group has three digits):
/// figures printed side by side that no reading cut apart.
fn is_figures_not_one_number(text: &str) -> bool {
    let text = text.trim();
    text.contains(char::is_whitespace)
        && text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
        && crate::normalize::number::parse_dutch_number(text).value.is_none()
}

/// The most words a row's label holds before a figure ([`ends_in_a_spaced_decimal_figure`]).
const MOST_WORDS_OF_A_LABEL: usize = 10;

/// True for a label whose last word, after a space, is an amount with decimals ("3. VWS-bijdrage
/// aan VWA 25 14,8", wild page b3_04): in a row that prints no figure, the row's figure kept in
/// its label (its code too, perhaps), where no split was certain enough to make.
fn ends_in_a_spaced_decimal_figure(label: &str) -> bool {
    // A sentence that ends in a figure ("… ruwweg 24,4") is prose read into a table, no row's
    // label: a label names its row in a few words.
    if label.split_whitespace().nth(MOST_WORDS_OF_A_LABEL).is_some() {
        return false;
    }
    let Some((before, last)) = label.trim_end().rsplit_once(' ') else { return false };
    !before.trim().is_empty()
        && last.contains(',')
        && crate::normalize::number::dutch_number_kind(last) == crate::table::ValueKind::Number
}

/// Names, in one `figure_not_read` warning per table, the rows whose figures ran into their label
/// and were never cut off ([`ends_in_unsplit_digits`]), or ran together into one cell
/// ([`is_run_of_figures`]); tables of contents glue page numbers to titles by design and are left
/// out. The doubt is data on the rows too: every cell of a row whose label kept figures carries
/// `split_uncertain` (where its label ends is open), a cell of figures run together
/// `unreadable_number`.
pub(super) fn name_labels_with_unsplit_digits(tables: &mut [Table], warnings: &mut Vec<Warning>) {
    for (table_index, table) in tables.iter_mut().enumerate().filter(|(_, t)| t.kind != TableKind::Contents) {
        let mut glued: Vec<&Row> = Vec::new();
        for row in &mut table.rows {
            let label_kept_figures = ends_in_unsplit_digits(row.printed_label())
                || !row.cells.is_empty()
                    && row.cells.iter().all(|cell| cell.text.trim().is_empty())
                    && ends_in_a_spaced_decimal_figure(row.printed_label());
            let mut figures_run_together = false;
            for cell in &mut row.cells {
                if label_kept_figures {
                    cell.flag(CellFlag::SplitUncertain);
                }
                if is_run_of_figures(&cell.text) || is_figures_not_one_number(&cell.text) {
                    cell.flag(CellFlag::UnreadableNumber);
                    figures_run_together = true;
                }
            }
            if label_kept_figures || figures_run_together {
                glued.push(row);
            }
        }
        // A row of figures run into its label can land in the header too ("Stand
        // ontwerpbegroting 2006454454454454454454454" over a column, wild page t1_04).
        // So can a row whose figure is glued to its star ("e. Durfkapitaalregeling*23", read as
        // the stub's heading; wild page u2_07).
        let glued_headings: Vec<&str> = table
            .columns
            .iter()
            .flat_map(|column| column.path.iter())
            .map(String::as_str)
            .filter(|part| {
                ends_in_unsplit_digits(part)
                    || is_run_of_figures(part) && !part.split_whitespace().all(is_year)
            })
            .chain(table.stub_header.as_deref().filter(|heading| figure_after_a_star(heading)))
            .collect();
        if let Some(first) = glued.first() {
            let named = first_five(glued.iter().map(|row| match row.line {
                Some(line) => format!("line {line} \"{}\"", row.printed_label()),
                None => format!("\"{}\"", row.printed_label()),
            }));
            warnings.push(Warning::new(
                WarningKind::FigureNotRead,
                Location::table(table_index, first.line),
                format!(
                    "{} row(s) hold digits glued to a word, or figures run together into one cell, that may be figures nobody split apart: {named}",
                    glued.len()
                ),
            ));
        }
        // Rows glued into one paragraph can land in the title too ("… (x € miljard) MN
        // 2007FJR 2007Verschil Belastingen en premies volksverzekeringen163,7167,84,1 …", wild
        // page u2_01): the table read from what is left is in doubt.
        if let Some(token) = table
            .title
            .as_deref()
            .and_then(|title| token_of_glued_decimals(title).or_else(|| first_of_a_row_of_figures(title)))
        {
            let token = token.to_string();
            for cell in table.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
                cell.flag(CellFlag::SplitUncertain);
            }
            warnings.push(Warning::new(
                WarningKind::FigureNotRead,
                Location::table(table_index, table.lines.map(|(first, _)| first)),
                format!("the table's title holds figures run together or a row of figures, that may be rows read into the caption: \"{token}\""),
            ));
        }
        if let Some(heading) = glued_headings.first() {
            warnings.push(Warning::new(
                WarningKind::FigureNotRead,
                Location::table(table_index, table.lines.map(|(first, _)| first)),
                format!(
                    "a column heading holds digits glued to a word, or figures run together, that may be a row's figures read into the header: \"{heading}\""
                ),
            ));
        }
    }
}

/// True for a contents entry whose title holds two pages or more of other entries, each between
/// two words and before a capitalised one: entries run together on one line ("3
/// Beleidsprioriteiten 104 Beleidsartikelen 144.1 Financiering Staatsschuld 144.2 Kasbeheer 285
/// …", wild page x4_02, line 46: pages 10, 14, 14, 28 and 33 glued to the next entries'
/// numbers).
fn holds_contents_entries(label: &str) -> bool {
    // A number after the word it numbers is part of a title ("Artikel 11 Koninkrijksrelaties",
    // "Bijlage 2 Toezeggingen"), and so is a year ("Begroting 2024 Ministerie").
    let words: Vec<&str> = label.split_whitespace().collect();
    let pages = words
        .windows(3)
        .filter(|words| {
            words[0].ends_with(char::is_alphabetic)
                && !vocabulary::asks_for_a_number(words[0])
                && !vocabulary::names_a_numbered_item(words[0])
                && !is_year(words[1])
                && words[1].starts_with(|c: char| c.is_ascii_digit())
                && words[1].chars().all(|c| c.is_ascii_digit() || c == '.')
                && words[1].len() <= 6
                && words[2].starts_with(char::is_uppercase)
        })
        .count();
    pages >= 2
}

/// Names, in one `figure_not_read` warning per table of contents, the entries whose title holds
/// other entries and their pages run together ([`holds_contents_entries`]), their cells flagged
/// `split_uncertain`: those pages landed in no cell.
pub(super) fn name_contents_entries_run_together(tables: &mut [Table], warnings: &mut Vec<Warning>) {
    for (table_index, table) in tables.iter_mut().enumerate().filter(|(_, t)| t.kind == TableKind::Contents) {
        let mut run_together: Vec<(Option<usize>, String)> = Vec::new();
        for row in &mut table.rows {
            if holds_contents_entries(row.printed_label()) {
                row.cells.iter_mut().for_each(|cell| cell.flag(CellFlag::SplitUncertain));
                run_together.push((row.line, row.printed_label().to_string()));
            }
        }
        if let Some((line, _)) = run_together.first() {
            let named = first_five(run_together.iter().map(|(line, label)| match line {
                Some(line) => format!("line {line} \"{label}\""),
                None => format!("\"{label}\""),
            }));
            warnings.push(Warning::new(
                WarningKind::FigureNotRead,
                Location::table(table_index, *line),
                format!(
                    "{} contents entr(ies) hold other entries and their pages run together, pages no cell holds: {named}",
                    run_together.len()
                ),
            ));
        }
    }
}

/// True for a text ending in a word, a star and a figure of two digits or more
/// ("Durfkapitaalregeling*23"): a heading never prints one.
fn figure_after_a_star(text: &str) -> bool {
    let text = text.trim_end();
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &text[..text.len() - digits];
    digits >= 2 && before.ends_with('*') && before.trim_end_matches('*').ends_with(char::is_alphabetic)
}

/// The first word of `text` whose figures after its last letter print two decimal commas or
/// more ("volksverzekeringen163,7167,84,1", "131,6135,94,4"): figures run together, since one
/// figure prints at most one decimal comma.
fn token_of_glued_decimals(text: &str) -> Option<&str> {
    text.split_whitespace().find(|token| {
        let tail_start = token
            .rfind(char::is_alphabetic)
            .map_or(0, |at| at + token[at..].chars().next().map_or(1, char::len_utf8));
        let tail = &token[tail_start..];
        // Glued to a word: a list of numbers on its own ("artikelen 11,12,13") is none.
        tail_start > 0
            && tail.starts_with(|c: char| c.is_ascii_digit())
            && tail.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && tail.matches(',').count() >= 2
            && tail.split(',').skip(1).all(|part| part.starts_with(|c: char| c.is_ascii_digit()))
            // A decimal and the next figure's whole digits between two commas (a list "2,5,7"
            // has one digit there).
            && tail.split(',').skip(1).take(tail.matches(',').count() - 1).any(|part| part.len() >= 2)
    })
}

/// The first figure of a title that prints [`FIGURES_OF_A_ROW`] figures or more
/// that group digits or print decimals ("15.8572", "13.0841": an amount, its marker glued or
/// not), years and bare numbers left out ("artikelen 1, 2, 3, 4 en 5", "2019, 2020", "35 300
/// VII, nr. 2" are no row) ("Back-upfaciliteit ING 0 15.8572 13.0841 10.2641 7.6551 2.7221 …",
/// wild page t1_08, line 12: a row of the table taken for its caption).
fn first_of_a_row_of_figures(text: &str) -> Option<&str> {
    let figures: Vec<&str> = text
        .split_whitespace()
        .map(|word| word.trim_end_matches([',', ';', ':', ')']))
        .filter(|word| {
            let inner = word.get(1..word.len().saturating_sub(1)).unwrap_or("");
            word.starts_with(|c: char| c.is_ascii_digit())
                && !is_year(word)
                && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                && inner.contains(['.', ','])
        })
        .collect();
    (figures.len() >= FIGURES_OF_A_ROW).then(|| figures[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_with_figures_run_into_it_is_told_from_markers_codes_and_years() {
        // Wild page l1_01 (1SUPP 2006 F), line 25: eight empty cells printed as zeros.
        assert!(ends_in_a_spaced_decimal_figure("3. VWS-bijdrage aan VWA 25 14,8"));
        assert!(ends_in_a_spaced_decimal_figure("Bijdrage 1.234,56"));
        assert!(!ends_in_a_spaced_decimal_figure("Leningen 4,25%"));
        assert!(!ends_in_a_spaced_decimal_figure("Artikel 12"));
        assert!(!ends_in_a_spaced_decimal_figure("14,8"));
        assert!(!ends_in_a_spaced_decimal_figure(
            "In 2012 kwam het EMU-saldo van de hele overheid uit op – 4,1 procent bbp, ruwweg 24,4"
        ));
        assert!(ends_in_unsplit_digits("Beginsaldo00000000"));
        assert!(ends_in_unsplit_digits("Ontvangsten12345"));
        assert!(!ends_in_unsplit_digits("Comensha1"));
        assert!(!ends_in_unsplit_digits("Stichting12"));
        assert!(!ends_in_unsplit_digits("U0111"));
        assert!(!ends_in_unsplit_digits("Stand2019"));
        assert!(!ends_in_unsplit_digits("Artikel 123"));
        assert!(!ends_in_unsplit_digits("Beveiliging volgens ISO27001"));
        assert!(!ends_in_unsplit_digits("Getoetst aan NEN7510"));
        assert!(!ends_in_unsplit_digits("IB0111"));
        // Wild page s1_04 (OWB 2007 VI, agency DJI), line 17: seven years' figures glued together
        // and into the label; a label ending in a space-grouped amount is no run.
        assert!(ends_in_unsplit_digits("– Rente4 2624 00020002000200020002000"));
        assert!(!ends_in_unsplit_digits("Stand ontwerpbegroting 2007 1 631"));
        assert!(!ends_in_unsplit_digits("Artikel 12 345"));
        // Wild page t1_01 (OWB 2007 IXA, Tabel 1, lines 16-17): a row's figures after a space, and
        // an amount, a rate and six years' figures glued together.
        assert!(ends_in_unsplit_digits("Stand rentelasten per 20 juli 2006  8 3887 4756 6745 6834 7024 067"));
        assert!(ends_in_unsplit_digits(
            "Rentelasten resterend kapitaalmarktberoep 20067 5503,75%142283283283283283"
        ));
        // Wild pages t1_07 (FJR 2007, lines 20-23) and t1_06 (MN 2006, line 14): figures printed
        // one after another with their minus signs, the last one cut off into a cell.
        assert!(ends_in_unsplit_digits("RBG-eng0,0– 1,1–"));
        assert!(ends_in_unsplit_digits("3.Netto uitgaven niet relevant voor enig kader2– 15 267– 11 999–"));
        // A range or run of years ends a heading's label; one amount after a space is a label's.
        assert!(!ends_in_unsplit_digits("Bijdrage 2019–2022"));
        assert!(!ends_in_unsplit_digits("Raming 2019 2020 2021 2022"));
        assert!(!ends_in_unsplit_digits("Leningen 4,25%"));
        // A capital before signed figures (t1_07 line 21); dates and ranges are no figures run
        // together.
        assert!(ends_in_unsplit_digits("SZA0,0– 0,1–"));
        assert!(!ends_in_unsplit_digits("Stand per 31-12-2022"));
        assert!(!ends_in_unsplit_digits("Stand per 1-1"));
        assert!(!ends_in_unsplit_digits("Leeftijd 55-65"));
        assert!(!ends_in_unsplit_digits("Schaal 1 - 10"));
        assert!(!ends_in_unsplit_digits("Leeftijd 55–65"));
        // Wild page u2_02 (MN 2007, Tabel 1.1, line 22: "9. EMU-saldoSociale Fondsen204– 1 593"):
        // a figure and the sign of the next one, cut off into the cells; an open range of
        // years ends a heading.
        assert!(ends_in_unsplit_digits("9. EMU-saldoSociale Fondsen204–"));
        assert!(!ends_in_unsplit_digits("Meerjarenraming 2019–"));
        assert!(!ends_in_unsplit_digits("Saldo 204 –"));
    }

    #[test]
    fn a_contents_title_holding_other_entries_and_their_pages_is_told() {
        // Wild page x4_02 (JV 2008 IXA, PDF transcript, line 46).
        assert!(holds_contents_entries(
            "3 Beleidsprioriteiten 104 Beleidsartikelen 144.1 Financiering Staatsschuld 144.2 Kasbeheer 285 Niet-beleidsartikel 336 Bedrijfsvoeringsparagraaf"
        ));
        assert!(!holds_contents_entries("3.1 Artikel 12 Rijkswegen"));
        assert!(!holds_contents_entries("Bijlage 4 Moties en toezeggingen"));
        assert!(!holds_contents_entries("Beleidsprioriteiten 2005"));
        // Review of session 25: numbered titles and years are no pages.
        assert!(!holds_contents_entries("Artikel 11 Koninkrijksrelaties en artikel 12 BES-fonds"));
        assert!(!holds_contents_entries("Bijlage 1 Moties en Bijlage 2 Toezeggingen"));
        assert!(!holds_contents_entries("Bijlage 3 Overzicht artikel 1 Wegen en artikel 2 Spoor"));
        assert!(!holds_contents_entries("Hoofdstuk 2 Begroting 2024 Ministerie van Financiën"));
    }

    #[test]
    fn a_cell_of_digit_groups_that_make_no_one_number_is_figures_not_read() {
        // Wild page t1_05 (FJR 2015, contents, line 38): a title's year and its page in one cell.
        assert!(is_figures_not_one_number("2015 13"));
        assert!(is_figures_not_one_number("188 67"));
        assert!(!is_figures_not_one_number("1 569 535"));
        assert!(!is_figures_not_one_number("13"));
        assert!(!is_figures_not_one_number("n.v.t."));
    }

    #[test]
    fn a_cell_of_figures_run_together_holds_more_digits_than_any_figure() {
        // Wild page s1_05 (OWB 2007 XIII, Agentschap Telecom), line 23: "rentelasten484 170 130
        // 160 250 365 365", seven years in one cell.
        assert!(is_run_of_figures("484 170 130 160 250 365 365"));
        assert!(!is_run_of_figures("1 569 535"));
        assert!(!is_run_of_figures("425.678.901.234"));
        assert!(!is_run_of_figures("123.456.789.012,34"));
        assert!(!is_run_of_figures("Regio 2024 2025 2026 2027"));
    }

    #[test]
    fn a_title_holding_figures_run_together_is_named() {
        // FJR 2007, Tabel 3.1 (wild page u2_01, lines 9-15): the header and rows glued into the
        // caption's paragraph.
        let title = "Ontwikkeling van de opbrengst belastingen en premies op EMU-basis MN 2007FJR \
                     2007Verschil Belastingen en premies volksverzekeringen163,7167,84,1 wv belastingen131,6135,94,4";
        assert_eq!(token_of_glued_decimals(title), Some("volksverzekeringen163,7167,84,1"));
        for plain in [
            "Budgettaire kerngegevens 2006-2007 (x € miljoen)",
            "Groei van 1,5 en 2,0 procent",
            "Tabel 3.1 Kerncijfers 2,5,7",
            "Uitgaven artikelen 11,12,13",
            "Kerncijfers 2020,2021,2022",
            "Groeipercentages 1,5,2,25,3,0",
        ] {
            assert_eq!(token_of_glued_decimals(plain), None, "{plain}");
        }
        // A row taken for the caption: wild page t1_08, line 12.
        let row = "Back-upfaciliteit ING 0 15.8572 13.0841 10.2641 7.6551 2.7221 00 00 00 0 0 0";
        assert_eq!(first_of_a_row_of_figures(row), Some("15.8572"));
        for caption in [
            "Tabel 3.1 Uitgaven 2019 2020 2021 2022 2023 (x € 1.000)",
            "Uitgaven artikelen 11 en 12 (bedragen x € 1 mln)",
            // Review of session 24: lists of articles and years, Kamerstuk numbers.
            "Tabel 4.2 Budgettaire gevolgen van beleid artikelen 1, 2, 3, 4 en 5 (bedragen x € 1 000)",
            "Tabel 7 Intensiveringen 2019, 2020, 2021, 2022, 2023, 2024 en 2025",
            "Mutaties (Kamerstukken 35 300 VII, nr. 2 en 35 350 VII, nr. 1)",
        ] {
            assert_eq!(first_of_a_row_of_figures(caption), None, "{caption}");
        }
        // Belastingplan 2009, bijlage 2 (wild page u2_07, line 18).
        assert!(figure_after_a_star("e. Durfkapitaalregeling*23"));
        assert!(!figure_after_a_star("Totaal*1"));
        assert!(!figure_after_a_star("Stand 2023"));
    }
}
