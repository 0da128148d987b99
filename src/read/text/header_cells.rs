//! How a header's paragraphs become its cells, before the header rules of [`super::header`]
//! count them: a column's number or formula, its year, or the rest of its title printed as a
//! paragraph of its own joins the cell it belongs to, where the count of cells says so. Owns only
//! the joining; which reading of the joined cells wins is the header rules' call.

use super::grid::Layout;
use super::place;
use super::printed;
use crate::interpret::vocabulary;

/// A column's number or formula printed as a paragraph of its own between two header titles
/// ("Stand 1e suppletoire begroting", "(5 = 3+4)", "Mutatie 2015") is the rest of the title
/// before it, not a header cell of its own: it is joined to it. A row of such formulas ("(1)",
/// "(2)", "(3)=(1+2)") is a header row and stays.
pub(super) fn join_lone_column_formulas(header: &mut Vec<String>) {
    let mut at = 1;
    while at < header.len() {
        let lone = place::is_column_formula(&header[at])
            && !header[at - 1].is_empty()
            && !place::is_column_formula(&header[at - 1])
            && !header[at - 1].contains('(')
            && header.get(at + 1).is_none_or(|next| !place::is_column_formula(next));
        if lone {
            let formula = header.remove(at);
            header[at - 1] = format!("{} {formula}", header[at - 1]);
        } else {
            at += 1;
        }
    }
}

/// A column's year printed as a paragraph of its own after its title ("Realisatie", "2013";
/// "Oorspronkelijk vastgestelde begroting", "2013") is the rest of that title when the header
/// prints more cells than its rows can hold: every year right after a title without a year (not
/// a column formula, not empty) is joined to it, but only when that makes the count fit full
/// rows (stub and data cells) or rows of data cells; a count that fits only rows of data cells
/// is joined when that makes it fit full rows. A header whose count fits full rows keeps
/// its years as cells ("Omschrijving", "2013", "2014" is a stub header and two year columns),
/// and the header's first text takes none (a heading or stub header over year columns). The
/// mirror habit, a title right after a bare year ("2018", "1e suppletoire begroting") joined to
/// the year, is tried on the same terms, first when the header opens with a year ("2017 Stand
/// Slotwet", "2018", "1e suppletoire begroting", "2019", …), second otherwise.
pub(super) fn join_lone_years_where_too_many(header: &mut Vec<String>, layout: Layout) {
    let width = layout.width();
    let c = layout.columns;
    let full_rows = |n: usize| n > 0 && n.is_multiple_of(width);
    let fits = |n: usize| full_rows(n) || (n > 0 && c >= 2 && n.is_multiple_of(c));
    if full_rows(header.len()) {
        return;
    }
    // The first text may be the table's heading or the stub header over year columns ("H2A
    // Staten-Generaal - Uitgaven", "2022", …): it takes no year.
    let first_text = header.iter().position(|cell| !cell.is_empty());
    let titles_then_years = join_years_to_titles(header, first_text);
    let years_then_titles = join_titles_to_years(header);
    // Rows of data cells only are the weaker reading: joined full rows beat them.
    let better = |joined: &[String]| {
        joined.len() < header.len()
            && if fits(header.len()) { full_rows(joined.len()) } else { fits(joined.len()) }
    };
    // A header that opens with a year prints its titles after their years ("2017 Stand
    // Slotwet", "2018", "1e suppletoire begroting"); any other prints them before.
    let opens_with_year = first_text.is_some_and(|first| {
        header[first].split_whitespace().next().is_some_and(vocabulary::is_year_heading)
    });
    let (first, second) = if opens_with_year {
        (years_then_titles, titles_then_years)
    } else {
        (titles_then_years, years_then_titles)
    };
    if let Some(joined) = [first, second].into_iter().find(|joined| better(joined)) {
        *header = joined;
    }
}

/// Every year right after a title without a year (see [`join_lone_years_where_too_many`]).
fn join_years_to_titles(header: &[String], first_text: Option<usize>) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(header.len());
    for (at, cell) in header.iter().enumerate() {
        let after_first_text = first_text.is_some_and(|first| at > first + 1);
        match joined.last_mut() {
            Some(title)
                if after_first_text && is_title_without_year(title) && vocabulary::is_year_heading(cell) =>
            {
                *title = format!("{title} {cell}");
            }
            _ => joined.push(cell.clone()),
        }
    }
    joined
}

/// The mirror habit: a year, then its column's title as a paragraph of its own ("2018", "1e
/// suppletoire begroting"; "2014", "Stand Slotwet"): every title without a year right after a
/// bare year and right before the next year is joined to the year before it.
fn join_titles_to_years(header: &[String]) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(header.len());
    for (at, cell) in header.iter().enumerate() {
        let year_before = joined.last().is_some_and(|year| vocabulary::is_year_heading(year));
        // The next column's year follows (a group row's label after the header does not).
        let year_after = header.get(at + 1).is_some_and(|next| vocabulary::is_year_heading(next));
        match joined.last_mut() {
            Some(year) if year_before && year_after && is_title_without_year(cell) => {
                *year = format!("{year} {cell}");
            }
            _ => joined.push(cell.clone()),
        }
    }
    joined
}

/// A header cell that can take a year: a title, not empty, no column formula, with no year in it.
fn is_title_without_year(cell: &str) -> bool {
    !cell.is_empty()
        && !place::is_column_formula(cell)
        && !printed::is_year_like(cell)
        && !cell.split_whitespace().any(vocabulary::is_year_heading)
}

/// A header cell printed over two paragraphs, the second opening in lower case ("Verschil
/// realisatie en oorspronkelijk", "vastgestelde begroting"): joined, where the first ends in a
/// word, not a number or bracket. Taken only when the caller's header rule `reads` the joined
/// cells (a full bottom row under a row of column numbers): column titles in lower case
/// ("kamerstuk", "bedrag verplichtingen") are cells of their own, and a header of word fragments
/// that happen to fill full rows once joined ("instel-", "ling", …) is no header read right.
pub(super) fn join_lower_case_continuations(header: &mut Vec<String>, reads: impl Fn(&[String]) -> bool) {
    let mut joined: Vec<String> = Vec::with_capacity(header.len());
    for cell in header.iter() {
        let continues = cell.starts_with(|c: char| c.is_lowercase())
            && !place::is_column_formula(cell)
            && printed::unit_line(cell).is_none();
        match joined.last_mut() {
            Some(title) if continues && title.ends_with(|c: char| c.is_alphabetic()) => {
                *title = format!("{title} {cell}");
            }
            _ => joined.push(cell.clone()),
        }
    }
    if joined.len() < header.len() && reads(&joined) {
        *header = joined;
    }
}
