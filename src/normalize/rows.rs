//! Row roles: labels, codes, group rows, totals, "waarvan" sub-rows and their parents; and the
//! parsing of every cell's number.
//!
//! Runs after the footnote stage (labels are marker-free) and after overrides (cells are where they
//! belong). Only rows a reader left as `Data` are given a role here; spacer, header and note rows
//! keep the role the reader gave them.
//!
//! The role rule, in this order (the first that applies wins):
//! 1. no label and no value: `Spacer`;
//! 2. a label and no value in any cell: `Group` (even "waarvan garantieverplichtingen": a label
//!    with nothing beside it names the rows below it), unless the label is a total's (rule 4):
//!    an empty total stays a `Total`;
//! 3. a label starting with "waarvan", "wrv", "w.v." (after a leading dash, bullet or parenthesis):
//!    `Waarvan`, whose parent is the nearest row above it that is data or total;
//! 4. a label starting with "totaal", "totale" or "subtotaal", or containing "(som ": `Total`;
//!    a row with values but no label (a subtotal line): `Total` when the table's arithmetic says
//!    so ([`sums_rows_above`]) (or the print did: the structure stage makes a bold label-less row
//!    of figures a `Total` before this stage sees it), a `Header` repeated in the body when every value is a year
//!    ("2021"), and otherwise `Data` with an empty label (never an invented label or role);
//! 5. otherwise `Data`.
//!
//! Groups: a group row opens a group for the rows below it; a group row right below another group
//! row opens a subgroup ("Lasten > Apparaatskosten"); a spacer row closes every open group. Known
//! failure: a subgroup that ends without a spacer ("Rentelasten" after the "Apparaatskosten" rows)
//! is still counted in the subgroup, because the print gives no sign of its end.

use std::sync::LazyLock;

use regex::Regex;

use crate::interpret::vocabulary::{is_chapter_code, is_code, is_total_label, is_waarvan_label, is_year};
use crate::normalize::number::{parse_dutch_number, printed_decimals};
use crate::table::{CellFlag, Row, RowKind, Table, TableKind, ValueKind};

/// Sets labels, codes, values, row roles, groups and parents on every table.
pub fn normalize_tables(tables: &mut [Table]) {
    for table in tables {
        for row in &mut table.rows {
            set_label_and_code(row);
            parse_cells(row);
        }
        split_glued_codes(table);
        crate::interpret::contents::read_contents_habits(table);
        assign_roles(table);
    }
}

/// The label is the last non-empty stub cell; with two or more stub cells, a first cell that
/// is a code ([`is_code`]: "31", "1.1", "IIA", "B", "2.", "A.") is the code, and the label is then the next
/// non-empty cell that is no code (the name column, after the codes of any columns between, the
/// last of which is the row's code: a third column such as "Uitgaven" or "Ontvangsten" qualifies
/// the row but does not name it).
fn set_label_and_code(row: &mut Row) {
    let texts: Vec<&str> =
        row.stub.iter().map(|cell| cell.text.trim()).filter(|text| !text.is_empty()).collect();
    row.label = texts.last().map(|text| text.to_string()).unwrap_or_default();
    row.code = None;
    if texts.len() >= 2 && is_code(texts[0]) {
        // Codes of the stub's next columns come before the name ("1", "1", "Versterking
        // Infrastructuur …": article and round, wild page t2_02; "3", "3.1", "Subsidies"): the
        // name is the first text after the codes, and the last code before it is the row's.
        let name = texts[1..].iter().position(|text| !is_code(text)).map_or(1, |at| at + 1);
        row.code = Some(texts[name - 1].to_string());
        row.label = texts[name].to_string();
    }
}

/// Codes inside labels: first codes kept apart by a run of blanks ([`split_spaced_codes`]), rows
/// numbered in print order ([`split_numbered_rows`]) and Roman chapter codes
/// ([`split_chapter_codes`]); then labels that open with a glued code ([`glued_code`]) give it up
/// as the row's code, unless the table mostly prints its numbers inside its labels with a space
/// ("1. Bewaking van dierziekten", "2. Bestrijding …" next to one "4.Overig"): then the glued one
/// is one more such label. In a table of contents an entry's number glued to its title is its
/// code in more forms ([`entry_number`]). Only where glued codes were split, section numbers
/// glued above their subsections follow ([`split_section_numbers`]).
fn split_glued_codes(table: &mut Table) {
    let spaced = table
        .rows
        .iter()
        .filter(|row| {
            row.code.is_none()
                && row.label.split_once(' ').is_some_and(|(first, _)| first.ends_with('.') && is_code(first))
        })
        .count();
    split_spaced_codes(table);
    split_numbered_rows(table);
    split_chapter_codes(table);
    split_annex_codes(table);
    let contents = table.kind == TableKind::Contents;
    let glued = table
        .rows
        .iter()
        .filter(|row| row.code.is_none() && glued_or_entry_code(&row.label, contents).is_some())
        .count();
    if glued <= spaced {
        return;
    }
    for row in table.rows.iter_mut().filter(|row| row.code.is_none()) {
        if let Some((code, label)) = glued_or_entry_code(&row.label, contents) {
            let (code, label) = (code.to_string(), label.to_string());
            row.code = Some(code);
            row.label = label;
        }
    }
    split_section_numbers(table);
}

/// [`glued_code`], and in a table of contents also [`entry_number`].
fn glued_or_entry_code(label: &str, contents: bool) -> Option<(&str, &str)> {
    glued_code(label).or_else(|| if contents { entry_number(label) } else { None })
}

/// An entry's number glued to its title in a table of contents, where [`glued_code`] is not sure
/// of it: a part letter before a title in capitals ("A.ALGEMEEN", "B.BELEIDSVERSLAG"), a range of
/// articles ("6. en 7.Hoger onderwijs", "18. t/m 20.Ministerie algemeen") or a number without a
/// dot ("01Versterking landelijk gebied", "11Nederlandse rechtsorde", wild pages x4_01 and z3_03). A table of contents numbers its entries, and a number glued to the title is where
/// the entry's number cell met its title cell when the page was flattened (a number that is part
/// of the title is printed with a space: "1. Leeswijzer" stays the label).
fn entry_number(label: &str) -> Option<(&str, &str)> {
    // A part letter, or a range of articles ("6. en 7.", "18. t/m 20.", wild page a1_03).
    static LETTER_OR_RANGE_GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}\.|\d{1,2}\. (?:en|t/m) \d{1,2}\.)(\p{Lu}\p{L}+(?:\s.*)?)$")
            .expect("valid regex")
    });
    if let Some(captures) = LETTER_OR_RANGE_GLUED.captures(label) {
        return Some((captures.get(1)?.as_str(), captures.get(2)?.as_str()));
    }
    number_glued_to_name(label)
}

/// In a table whose codes are glued to their labels, a number without a dot glued to a
/// capitalised word is a section's code when the next coded row numbers a subsection of it:
/// "2Jaarverslag" above "2.1Oordeel over de financiële informatie" (wild page f2_02). Without
/// such a subsection "2Saldibalans" stays a label: nothing says the digit is not the name's.
fn split_section_numbers(table: &mut Table) {
    for index in 0..table.rows.len() {
        if table.rows[index].code.is_some() {
            continue;
        }
        let Some((number, name)) = number_glued_to_name(&table.rows[index].label) else { continue };
        let next_code = table.rows[index + 1..].iter().find_map(|row| row.code.as_deref());
        let subsection =
            next_code.and_then(|code| code.strip_prefix(number)).and_then(|rest| rest.strip_prefix('.'));
        if subsection.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit())) {
            let (number, name) = (number.to_string(), name.to_string());
            let row = &mut table.rows[index];
            row.code = Some(number);
            row.label = name;
        }
    }
}

/// A label that opens with a number of one or two digits glued to a capitalised word
/// ("2Jaarverslag", "6EMU-saldo"): the number and the rest. "1F" (one capital) is no name, nor
/// an ordinal's ending ("1STE SUPPLETOIRE BEGROTING", "2DE").
fn number_glued_to_name(label: &str) -> Option<(&str, &str)> {
    static NUMBER_GLUED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,2})(\p{Lu}\p{L}\S*(?:\s.*)?)$").expect("valid regex"));
    let captures = NUMBER_GLUED.captures(label)?;
    let (number, name) = (captures.get(1)?.as_str(), captures.get(2)?.as_str());
    // An ordinal's ending in a title in capitals is no name: "1STE SUPPLETOIRE BEGROTING", "2DE
    // …" ("2De basis van …" is a number and a name).
    let first_word = name.split(|c: char| c.is_whitespace() || c == '-').next().unwrap_or("");
    if ["STE", "DE", "E"].contains(&first_word) && !name.chars().any(char::is_lowercase) {
        return None;
    }
    Some((number, name))
}

/// Labels that open with a code and a run of two or more blanks before a capitalised word ("1
/// Inleiding" with four spaces, "4.2   Beleidsconclusies", wild page i2_08): a line that keeps its
/// cells apart by runs of spaces printed the code and the name as two cells, and the reader left
/// them in one label. The code is the row's code. One blank is a label's own ("2 Saldibalans" may
/// be the name), so it is not split here; nor is a year ("2019    Realisatie") or a number before
/// a word in lower case ("65  jaar en ouder").
fn split_spaced_codes(table: &mut Table) {
    for row in table.rows.iter_mut().filter(|row| row.code.is_none()) {
        let label = row.label.as_str();
        let Some(code_end) = label.find(char::is_whitespace) else { continue };
        let rest = &label[code_end..];
        let name = rest.trim_start();
        let blanks = rest[..rest.len() - name.len()].chars().count();
        let code = &label[..code_end];
        if blanks >= 2 && is_code(code) && !is_year(code) && name.starts_with(char::is_uppercase) {
            let (code, name) = (code.to_string(), name.to_string());
            row.code = Some(code);
            row.label = name;
        }
    }
}

/// Rows numbered in print order with the number glued to a capitalised label ("1Bruto aankoopbedrag",
/// "2Netto-aankoopbedrag", … "6EMU-saldo", wild page f1_01, where the text lost the cell border): when
/// at least three labels open with an undotted number and the numbers count up by one from 1 in print
/// order (at least twice), starting again at 1 where a new part begins (chapters, then annexes, in a
/// table of contents: wild page j2_05; rows between them, such as "wv BTW", may have none), the numbers
/// are the rows' codes. The label after the number is a word: "1F", "2F", "1S" (reference levels of an
/// indicator) are no numbered rows. A lone "2Saldibalans", or numbers out of sequence, stay part of
/// their labels: nothing but the sequence says they are not.
fn split_numbered_rows(table: &mut Table) {
    // (row, its number, where the label starts after it)
    let numbered: Vec<(usize, u32, usize)> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.code.is_none())
        .filter_map(|(index, row)| {
            let (number, _) = number_glued_to_name(&row.label)?;
            Some((index, number.parse().ok()?, number.len()))
        })
        .collect();
    // Numbering may start again at 1 (chapters, then annexes, in a table of contents).
    let steps_up = numbered.windows(2).filter(|pair| pair[1].1 == pair[0].1 + 1).count();
    let counts_up = numbered.first().is_some_and(|first| first.1 == 1)
        && steps_up >= 2
        && numbered.windows(2).all(|pair| pair[1].1 == pair[0].1 + 1 || pair[1].1 == 1);
    if numbered.len() < 3 || !counts_up {
        return;
    }
    for (index, _, label_start) in numbered {
        let row = &mut table.rows[index];
        let label = row.label.split_off(label_start);
        row.code = Some(std::mem::replace(&mut row.label, label));
    }
}

/// Labels that open with an annex's number and a colon glued to a capitalised name ("Bijlage
/// 1:Toezichtrelaties en ZBO’s/RWT’s", wild page z4_08): a colon glued to the next word's capital
/// is where two cells met when the cell border was lost (prose puts a space after a colon), so
/// "Bijlage 1:" is the row's code, as where the two cells are printed apart (corpus page 004).
/// "Bijlage 1: Verdiepingsbijlage", with its space, is one cell and stays the label. Likewise an
/// article's number and its full stop glued to the name ("Artikel 3.Garanderen van
/// keuzemogelijkheden…", wild page b2_08; "Artikel 3.1" is a number and "Artikel 3.A Bijdrage" a
/// sub-article's letter, no name).
fn split_annex_codes(table: &mut Table) {
    static ANNEX_GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^((?i:bijlage|artikel)\s+[0-9]{1,2}[a-z]?[:.])(\p{Lu}\p{L}.*)$").expect("valid regex")
    });
    for row in table.rows.iter_mut().filter(|row| row.code.is_none()) {
        let Some(captures) = ANNEX_GLUED.captures(&row.label) else { continue };
        let (Some(code), Some(name)) = (captures.get(1), captures.get(2)) else { continue };
        let (code, name) = (code.as_str().to_string(), name.as_str().to_string());
        row.code = Some(code);
        row.label = name;
    }
}

/// Rows whose labels open with a budget chapter's code and a space, as a page that flattens a
/// whole row onto one line prints the code and name cells ("I Huis der Koningin", "IIa
/// Staten-Generaal", "IXb Financiën (excl. belastingen)", wild page e1_02): when at least three
/// labels and at least half of the labelled rows open with a Roman numeral (a part's letter "a"
/// or "b" after it allowed, "IXb") followed by a capitalised word, the numerals are the
/// rows' codes. A lone "II Overige" among other labels stays a label.
fn split_chapter_codes(table: &mut Table) {
    // A Roman numeral, perhaps with the letter of a chapter's part ("IIa", "IXB"): "IT" or "IC"
    // is a word.
    let chapter_code = |label: &str| -> Option<usize> {
        if !label.starts_with(['I', 'V', 'X']) {
            return None;
        }
        let (first, rest) = label.split_once(' ')?;
        let numeral = first.strip_suffix(['a', 'b', 'A', 'B']).filter(|n| !n.is_empty()).unwrap_or(first);
        let roman = is_chapter_code(numeral) && numeral.chars().all(|c| "IVX".contains(c));
        (roman && rest.starts_with(|c: char| c.is_uppercase())).then_some(first.len())
    };
    let labelled = table.rows.iter().filter(|row| row.code.is_none() && !row.label.is_empty()).count();
    let coded: Vec<(usize, usize)> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.code.is_none())
        .filter_map(|(index, row)| chapter_code(&row.label).map(|end| (index, end)))
        .collect();
    if coded.len() < 3 || 2 * coded.len() < labelled {
        return;
    }
    for (index, end) in coded {
        let row = &mut table.rows[index];
        let label = row.label[end..].trim_start().to_string();
        row.label.truncate(end);
        row.code = Some(std::mem::replace(&mut row.label, label));
    }
}

/// A label that opens with a dotted code glued to its first, capitalised word, as tables of
/// contents print it without a space ("1.1.Economie en arbeidsmarkt", "2.Saldibalans van het
/// Rijk", "1.1Gunstige uitgangssituatie", and the part letters "A.Algemeen", "C.Jaarrekening"):
/// the code and the label. A code needs a dot here, closing it or inside it, so "2Saldibalans"
/// or "1.5mln" stay labels; a letter code needs a word after it, so "B.V.Nederland" stays one.
fn glued_code(label: &str) -> Option<(&str, &str)> {
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+|\p{Lu}\.)(\p{Lu}\S*(?:\s.*)?)$")
            .expect("valid regex")
    });
    let captures = GLUED.captures(label)?;
    let (code, rest) = (captures.get(1)?.as_str(), captures.get(2)?.as_str());
    let letter_code = code.starts_with(|c: char| !c.is_ascii_digit());
    if letter_code && !rest.chars().nth(1).is_some_and(char::is_lowercase) {
        return None;
    }
    Some((code, rest))
}

fn parse_cells(row: &mut Row) {
    for cell in &mut row.cells {
        if cell.flags.contains(&CellFlag::CutCell) {
            cell.value = None;
            cell.value_kind = if cell.text.is_empty() { ValueKind::Empty } else { ValueKind::Text };
            continue;
        }
        let parsed = parse_dutch_number(&cell.text);
        cell.value = parsed.value;
        cell.value_kind = parsed.kind;
    }
}

/// The role of a row the reader left as `Data` (rules 1–5 of the module doc).
pub fn role_of(label: &str, has_values: bool) -> RowKind {
    role_of_row(label, has_values, false)
}

/// As [`role_of`], knowing whether every non-empty cell is a year ("2021"): a row of years
/// without a label is a header repeated in the body, not a subtotal.
fn role_of_row(label: &str, has_values: bool, all_years: bool) -> RowKind {
    let label = label.trim();
    if label.is_empty() && has_values && all_years {
        return RowKind::Header;
    }
    match (label.is_empty(), has_values) {
        (true, false) => RowKind::Spacer,
        // An empty total ("totaal niet-belastingontvangsten" with nothing printed) is a total
        // that happens to be empty, not a group over the rows below it.
        (false, false) if is_total_label(label) => RowKind::Total,
        (false, false) => RowKind::Group,
        (true, true) => RowKind::Total,
        (false, true) => {
            if is_waarvan_label(label) {
                RowKind::Waarvan
            } else if is_total_label(label) {
                RowKind::Total
            } else {
                RowKind::Data
            }
        }
    }
}

/// True when a row without a label is the sum of the rows above it: walking up past spacers
/// right above it, the data rows up to the previous group, total, header or spacer row (at least
/// two of them; "waarvan" rows are parts of their parent and skipped) add up to its value in every
/// column where it and at least one part print a number, allowing half a unit of the last printed
/// digit per part for rounding. At least one column must be checked.
///
/// Known failure: a subtotal of subtotals (parts that are totals themselves) is not recognised,
/// and stays a data row with an empty label.
pub fn sums_rows_above(table: &Table, row_index: usize) -> bool {
    let mut index = row_index;
    while index > 0 && table.rows[index - 1].kind == RowKind::Spacer {
        index -= 1;
    }
    let mut parts = Vec::new();
    while index > 0 {
        index -= 1;
        let row = &table.rows[index];
        match row.kind {
            RowKind::Waarvan => continue,
            RowKind::Data => parts.push(row),
            _ => break,
        }
    }
    if parts.len() < 2 {
        return false;
    }
    let total_row = &table.rows[row_index];
    let mut checked = 0;
    for (column, cell) in total_row.cells.iter().enumerate() {
        let Some(total) = cell.value else { continue };
        let values: Vec<(f64, &str)> = parts
            .iter()
            .filter_map(|row| row.cells.get(column))
            .filter_map(|cell| cell.value.map(|value| (value, cell.text.as_str())))
            .collect();
        if values.is_empty() {
            continue;
        }
        let sum: f64 = values.iter().map(|(value, _)| value).sum();
        let unit = values
            .iter()
            .map(|(_, text)| 10f64.powi(-(printed_decimals(text) as i32)))
            .chain([10f64.powi(-(printed_decimals(&cell.text) as i32))])
            .fold(0.0, f64::max);
        let tolerance = unit * 0.5 * (values.len() + 1) as f64 + 1e-9;
        if (sum - total).abs() > tolerance {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

fn assign_roles(table: &mut Table) {
    let mut groups: Vec<String> = Vec::new();
    let mut previous_was_group = false;
    let mut last_parent: Option<usize> = None;
    for row_index in 0..table.rows.len() {
        if table.rows[row_index].kind == RowKind::Data {
            let row = &table.rows[row_index];
            let has_values = row.cells.iter().any(|cell| cell.value_kind != ValueKind::Empty);
            let all_years =
                row.cells.iter().filter(|cell| !cell.text.is_empty()).all(|cell| is_year(&cell.text));
            let mut kind = role_of_row(&row.label, has_values, all_years);
            if kind == RowKind::Total && row.label.trim().is_empty() && !sums_rows_above(table, row_index) {
                kind = RowKind::Data;
            }
            table.rows[row_index].kind = kind;
        }
        let row = &mut table.rows[row_index];
        match row.kind {
            RowKind::Spacer => {
                groups.clear();
                previous_was_group = false;
                last_parent = None;
                row.group = None;
                continue;
            }
            RowKind::Group => {
                last_parent = None;
                if !previous_was_group {
                    groups.clear();
                }
                row.group = (!groups.is_empty()).then(|| groups.join(" > "));
                groups.push(row.label.clone());
                previous_was_group = true;
                continue;
            }
            RowKind::Header | RowKind::Footnote => {
                previous_was_group = false;
                continue;
            }
            RowKind::Data | RowKind::Total | RowKind::Waarvan => {}
        }
        previous_was_group = false;
        row.group = (!groups.is_empty()).then(|| groups.join(" > "));
        if row.kind == RowKind::Waarvan {
            row.parent_row_index = last_parent;
        } else {
            row.parent_row_index = None;
            last_parent = Some(row_index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Cell;

    fn row(label: &str, cells: &[&str]) -> Row {
        Row::printed(label, cells)
    }

    #[test]
    fn roles_from_labels_and_values() {
        assert_eq!(role_of("Ondermijning", false), RowKind::Group);
        assert_eq!(role_of("waarvan garantieverplichtingen", false), RowKind::Group);
        assert_eq!(role_of("• waarvan ICT", true), RowKind::Waarvan);
        assert_eq!(role_of("wrv alternatieve of aanvullende interventies", true), RowKind::Waarvan);
        assert_eq!(role_of("- Waarvan bijdrage aan agentschap RWS", true), RowKind::Waarvan);
        assert_eq!(role_of("w.v. Niet-relevante rijksuitgaven", true), RowKind::Waarvan);
        assert_eq!(role_of("Totaal aantal onderzoeken", true), RowKind::Total);
        assert_eq!(role_of("Totale inzet", true), RowKind::Total);
        assert_eq!(role_of("totaal uitgaven", true), RowKind::Total);
        assert_eq!(role_of("Beleidsgevoelig (som 1 t/m 4)", true), RowKind::Total);
        assert_eq!(role_of("", true), RowKind::Total);
        assert_eq!(role_of("", false), RowKind::Spacer);
        assert_eq!(role_of("totaal niet-belastingontvangsten", false), RowKind::Total);
        assert_eq!(role_of_row("", true, true), RowKind::Header);
        assert_eq!(role_of("Totalen per artikel", true), RowKind::Data);
        assert_eq!(role_of("Wrvtest", true), RowKind::Data);
        assert_eq!(role_of("Aantal cybercrime regulier", true), RowKind::Data);
    }

    /// Normalizes rows with these labels (and a page number each, as a table of contents prints
    /// them) and holds each row's code and label to the expected ones.
    fn assert_codes_and_labels(labels: &[&str], expected: &[(Option<&str>, &str)]) {
        let mut table =
            Table { rows: labels.iter().map(|label| row(label, &["5"])).collect(), ..Table::default() };
        normalize_tables(std::slice::from_mut(&mut table));
        let read: Vec<(Option<&str>, &str)> =
            table.rows.iter().map(|r| (r.code.as_deref(), r.label.as_str())).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn codes_kept_apart_by_a_run_of_spaces() {
        // Voorjaarsnota 2020's contents (wild page i2_08): "1    Inleiding    1", cells apart by
        // four spaces, read as the label "1    Inleiding" and the page number.
        assert_codes_and_labels(
            &[
                "1    Inleiding",
                "4.2   Inschatting EMU-saldo en EMU-schuld",
                "2 Saldibalans",
                "Kosten  per fte",
                "2019    2020",
                "2019    Realisatie",
                "65  jaar en ouder",
            ],
            &[
                (Some("1"), "Inleiding"),
                (Some("4.2"), "Inschatting EMU-saldo en EMU-schuld"),
                (None, "2 Saldibalans"),
                (None, "Kosten  per fte"),
                (None, "2019    2020"),
                (None, "2019    Realisatie"),
                (None, "65  jaar en ouder"),
            ],
        );
    }

    #[test]
    fn section_numbers_glued_above_their_subsections() {
        // Rekenkamer report 2009's contents (wild page f2_02), page numbers already split off.
        assert_codes_and_labels(
            &[
                "1.Inleiding",
                "1.2Over dit onderzoek",
                "2Jaarverslag",
                "2.1Oordeel over de financiële informatie",
                "3Saldibalans",
                "4.1Bedrijfsvoering",
            ],
            &[
                (Some("1."), "Inleiding"),
                (Some("1.2"), "Over dit onderzoek"),
                (Some("2"), "Jaarverslag"),
                (Some("2.1"), "Oordeel over de financiële informatie"),
                // The next section is 4.1, not a subsection of 3: the digit may be the name's.
                (None, "3Saldibalans"),
                (Some("4.1"), "Bedrijfsvoering"),
            ],
        );
    }

    #[test]
    fn an_annex_number_glued_to_its_name_by_a_colon_is_the_code() {
        // Defensie jaarverslag 2008's contents (wild page z4_08, lines 48-55), pages split off.
        assert_codes_and_labels(
            &[
                "Bijlage 1:Toezichtrelaties en ZBO’s/RWT’s",
                "Bijlage 2:Aanbevelingen Algemene Rekenkamer",
                // With its space the number is part of one cell: it stays in the label.
                "Bijlage 3: Verdiepingsbijlage",
            ],
            &[
                (Some("Bijlage 1:"), "Toezichtrelaties en ZBO’s/RWT’s"),
                (Some("Bijlage 2:"), "Aanbevelingen Algemene Rekenkamer"),
                (None, "Bijlage 3: Verdiepingsbijlage"),
            ],
        );
    }

    #[test]
    fn an_article_number_glued_to_its_name_by_a_full_stop_is_the_code() {
        // Slotwet 2007 XI's contents (wild page b2_08, lines 12 and 20), pages split off.
        assert_codes_and_labels(
            &[
                "Artikel 3.Garanderen van keuzemogelijkheden en betaalbaarheid op de woningmarkt",
                "Artikel 14.Algemeen (niet beleidsartikel)",
                // A sub-article's number is no name.
                "Artikel 3.1",
                "Artikel 4. Bijdragen",
                // A sub-article's letter is part of the code, not the name's first letter.
                "Artikel 3.A Bijdrage aan agentschappen",
            ],
            &[
                (Some("Artikel 3."), "Garanderen van keuzemogelijkheden en betaalbaarheid op de woningmarkt"),
                (Some("Artikel 14."), "Algemeen (niet beleidsartikel)"),
                (None, "Artikel 3.1"),
                (None, "Artikel 4. Bijdragen"),
                (None, "Artikel 3.A Bijdrage aan agentschappen"),
            ],
        );
    }

    #[test]
    fn codes_glued_to_labels() {
        assert_eq!(glued_code("1.1.Economie en arbeidsmarkt"), Some(("1.1.", "Economie en arbeidsmarkt")));
        assert_eq!(
            glued_code("2.Saldibalans van het Rijk 2006"),
            Some(("2.", "Saldibalans van het Rijk 2006"))
        );
        // Jaarverslag 2008 G's contents (wild page c4_08): the parts A, B and C.
        assert_eq!(glued_code("A.Algemeen"), Some(("A.", "Algemeen")));
        assert_eq!(glued_code("C.Jaarrekening"), Some(("C.", "Jaarrekening")));
        // Miljoenennota 2008's contents (wild page j2_05): a section number without closing dot.
        assert_eq!(
            glued_code("1.1Gunstige uitgangssituatie goed gebruiken"),
            Some(("1.1", "Gunstige uitgangssituatie goed gebruiken"))
        );
        for label in [
            "1.5 Mln",
            "1. Bewaking van dierziekten",
            "2Saldibalans",
            "1.5mln",
            "Overig",
            "12.01",
            "B.V.Nederland",
            "A.B",
        ] {
            assert_eq!(glued_code(label), None, "{label}");
        }
    }

    #[test]
    fn rows_numbered_in_sequence_give_up_their_glued_numbers() {
        // Wild page f1_01 (Voorjaarsnota 2005, bijlage 3): six numbered rows and three "wv" rows.
        let labels = [
            "1Bruto aankoopbedrag",
            "wv BTW",
            "wv Vpb",
            "2Netto-aankoopbedrag",
            "3Gasbaten",
            "4Dividend",
            "5Vpb",
            "6EMU-saldo (= 2 t/m 5) (– = tekortverlaging)",
        ];
        let read = |labels: &[&str]| {
            let mut table = Table {
                rows: labels.iter().map(|label| Row::printed(label, &["1"])).collect(),
                ..Table::default()
            };
            table.rows.iter_mut().for_each(set_label_and_code);
            split_glued_codes(&mut table);
            table.rows.into_iter().map(|row| (row.code, row.label)).collect::<Vec<_>>()
        };
        let rows = read(&labels);
        assert_eq!(rows[0], (Some("1".to_string()), "Bruto aankoopbedrag".to_string()));
        assert_eq!(rows[1], (None, "wv BTW".to_string()));
        assert_eq!(
            rows[7],
            (Some("6".to_string()), "EMU-saldo (= 2 t/m 5) (– = tekortverlaging)".to_string())
        );
        // Two numbered rows, or numbers out of order, are not a sequence.
        assert_eq!(read(&["2Saldibalans", "3Kasbeheer", "Overig"])[0].1, "2Saldibalans");
        assert_eq!(read(&["1Bruto", "3Gasbaten", "2Netto", "4Dividend"])[0].1, "1Bruto");
        // Numbering that starts again at 1 for a new part (wild page j2_05's contents: chapters,
        // then annexes) is still a sequence; "1F", "2F", "1S" (reference levels) are no words.
        let contents = read(&[
            "1Hoofdlijnen",
            "2De basis",
            "3Budgettair beeld",
            "1Budgettaire kerngegevens",
            "2De uitgaven",
        ]);
        assert_eq!(contents[3], (Some("1".to_string()), "Budgettaire kerngegevens".to_string()));
        assert_eq!(read(&["1F", "2F", "1F", "2F", "1S"])[0].1, "1F");
        assert_eq!(read(&["1Ab", "1Cd", "1Ef"])[0].1, "1Ab");
        assert_eq!(read(&["2Saldibalans", "3Kasbeheer", "4Overig"])[0].1, "2Saldibalans");
    }

    #[test]
    fn groups_parents_and_codes() {
        let mut table = Table {
            rows: vec![
                row("Cybercrime", &["", ""]),
                row("Aantal cybercrime regulier", &["381", "468"]),
                row("wrv alternatieve of aanvullende interventies", &["36", "38"]),
                row("Totaal aantal onderzoeken", &["421", "519"]),
                row("", &["", ""]),
                row("Lasten", &["", ""]),
                row("Apparaatskosten", &["", ""]),
                row("– personele kosten", &["1", "2"]),
            ],
            ..Table::default()
        };
        normalize_tables(std::slice::from_mut(&mut table));
        let kinds: Vec<RowKind> = table.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Group,
                RowKind::Data,
                RowKind::Waarvan,
                RowKind::Total,
                RowKind::Spacer,
                RowKind::Group,
                RowKind::Group,
                RowKind::Data
            ]
        );
        assert_eq!(table.rows[1].group.as_deref(), Some("Cybercrime"));
        assert_eq!(table.rows[2].parent_row_index, Some(1));
        assert_eq!(table.rows[3].group.as_deref(), Some("Cybercrime"));
        assert_eq!(table.rows[7].group.as_deref(), Some("Lasten > Apparaatskosten"));
        assert_eq!(table.rows[1].cells[0].value, Some(381.0));

        let mut coded = row("", &["1"]);
        coded.stub = vec![Cell::printed("IIA", None), Cell::printed("Staten-Generaal", None)];
        set_label_and_code(&mut coded);
        assert_eq!(coded.label, "Staten-Generaal");
        assert_eq!(coded.code.as_deref(), Some("IIA"));
        // Corpus page 031: code | name | "Uitgaven".
        let mut qualified = row("", &["1"]);
        qualified.stub = vec![
            Cell::printed("1.01", None),
            Cell::printed("Grote projecten waterveiligheid", None),
            Cell::printed("Uitgaven", None),
        ];
        set_label_and_code(&mut qualified);
        assert_eq!(qualified.label, "Grote projecten waterveiligheid");
        assert_eq!(qualified.code.as_deref(), Some("1.01"));
        // Wild page t2_02 (OWB 2023 L, Tabel 28, lines 49-53): article, round, project.
        let mut two_codes = row("", &["28,5"]);
        two_codes.stub = vec![
            Cell::printed("1", None),
            Cell::printed("1", None),
            Cell::printed("Versterking Infrastructuur Leven Lang Ontwikkelen", None),
        ];
        set_label_and_code(&mut two_codes);
        assert_eq!(two_codes.label, "Versterking Infrastructuur Leven Lang Ontwikkelen");
        assert_eq!(two_codes.code.as_deref(), Some("1"));
        let mut sub_code = row("", &["5"]);
        sub_code.stub =
            vec![Cell::printed("3", None), Cell::printed("3.1", None), Cell::printed("Subsidies", None)];
        set_label_and_code(&mut sub_code);
        assert_eq!((sub_code.code.as_deref(), sub_code.label.as_str()), (Some("3.1"), "Subsidies"));
        // Codes alone: the first is the code, the second the label, as before.
        let mut codes_only = row("", &["5"]);
        codes_only.stub = vec![Cell::printed("3", None), Cell::printed("3.1", None)];
        set_label_and_code(&mut codes_only);
        assert_eq!((codes_only.code.as_deref(), codes_only.label.as_str()), (Some("3"), "3.1"));
    }

    #[test]
    fn an_ordinal_in_capitals_is_no_number_glued_to_a_name() {
        // Review: "1STE SUPPLETOIRE BEGROTING" in a contents list; wild page j2_05's "2De basis
        // van het financieel-economische beleid" is a number and a name.
        assert_eq!(number_glued_to_name("1STE SUPPLETOIRE BEGROTING"), None);
        assert_eq!(number_glued_to_name("2DE SUPPLETOIRE BEGROTING"), None);
        assert_eq!(number_glued_to_name("2De basis van het beleid"), Some(("2", "De basis van het beleid")));
        assert_eq!(entry_number("A.ALGEMEEN"), Some(("A.", "ALGEMEEN")));
        assert_eq!(entry_number("6. en 7.Hoger onderwijs"), Some(("6. en 7.", "Hoger onderwijs")));
        assert_eq!(entry_number("11Nederlandse rechtsorde"), Some(("11", "Nederlandse rechtsorde")));
    }
}
