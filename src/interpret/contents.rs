//! Tables of contents: which tables are one, and how their printed habits are read, the same for
//! every format (HTML, CALS XML, pipe tables and flattened text).
//!
//! A table is a table of contents ([`is_contents`]) when, in this order:
//! 1. the format marks it so (a navigation class, the reader's own knowledge), or the heading
//!    printed right above or in it opens with "Inhoud" ("Inhoudsopgave", "INHOUDSOPGAVE blz.");
//! 2. its title or stub header opens with "Inhoud";
//! 3. a column is headed by a page word ("blz.", "blz", "pag.", "pagina");
//! 4. it has one data column of page numbers: at least five rows print one, each a whole number,
//!    never decreasing and not all the same.
//!
//! Its habits ([`read_contents_habits`], run by normalization on tables of contents only): the
//! page column's header glued to the caption ("INHOUDSOPGAVE blz."), or read as the stub's header
//! because flattened text prints it first, before the empty cells of the header row ("blz.", " "):
//! the page word leaves the title or the stub header and heads the page column when that column
//! has no header of its own; a text that is no page word over the one page column of a contents
//! without a title is the heading printed above it ("B. BEGROTINGSTOELICHTING"), and becomes its
//! title. An entry's number printed in the same cell as its title ("1. Leeswijzer") stays in the
//! label, as in every table; one glued to its title with no space ("A.ALGEMEEN", "11Nederlandse
//! rechtsorde") is where its own cell met the title's when the page was flattened, and is the
//! row's code (`entry_number` in `crate::normalize::rows`).

use crate::table::{Table, TableKind};

/// The words that head a column of page numbers.
const PAGE_WORDS: &[&str] = &["blz.", "blz", "pag.", "pagina", "bladzijde"];

/// True for a page word ("blz.", "Blz.", "pagina").
pub(crate) fn is_page_word(text: &str) -> bool {
    PAGE_WORDS.iter().any(|word| word.eq_ignore_ascii_case(text.trim()))
}

/// True for a text that opens with "Inhoud" ("Inhoudsopgave", "INHOUD", "Inhoud blz.").
pub fn opens_with_contents_word(text: &str) -> bool {
    text.trim().as_bytes().get(..6).is_some_and(|start| start.eq_ignore_ascii_case(b"inhoud"))
}

/// Rules 1–4 of the module doc; `marked` is rule 1's answer from the format or the page.
pub fn is_contents(table: &Table, marked: bool) -> bool {
    let named = |text: &Option<String>| text.as_deref().is_some_and(opens_with_contents_word);
    let page_column = table.columns.iter().any(|column| column.path.iter().any(|part| is_page_word(part)));
    marked || named(&table.title) || named(&table.stub_header) || page_column || has_page_numbers(table)
}

/// Rule 4: one data column of page numbers.
fn has_page_numbers(table: &Table) -> bool {
    if table.columns.len() != 1 {
        return false;
    }
    let printed: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|row| row.cells.first())
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
        .collect();
    let pages: Vec<u32> = printed.iter().filter_map(|text| text.parse::<u32>().ok()).collect();
    pages.len() >= 5
        && pages.len() == printed.len()
        && pages.windows(2).all(|pair| pair[0] <= pair[1])
        && pages.first() < pages.last()
}

/// The habits of the module doc, on a table of contents whose rows have their labels set.
pub fn read_contents_habits(table: &mut Table) {
    if table.kind != TableKind::Contents {
        return;
    }
    page_word_glued_to_the_caption(table);
    page_word_over_the_stub(table);
    heading_over_the_page_column(table);
}

/// A table of contents without a title whose one column of pages is headed by a text that is no
/// page word: the heading printed above the contents ("B. BEGROTINGSTOELICHTING" over a
/// suppletoire's contents, read as the header of the page column because nothing else stood
/// there; wild pages r2_06, r3_05). A page column is headed by a page word or by nothing, so the
/// text becomes the table's title and the column is left without a header.
fn heading_over_the_page_column(table: &mut Table) {
    if table.title.is_some() || table.columns.len() != 1 || !has_page_numbers(table) {
        return;
    }
    let column = &mut table.columns[0];
    let parts: Vec<&String> = column.path.iter().filter(|part| !part.trim().is_empty()).collect();
    let heading = match parts.as_slice() {
        [only] if !is_page_word(only) && only.chars().filter(|c| c.is_alphabetic()).count() >= 3 => {
            (*only).clone()
        }
        _ => return,
    };
    table.title = Some(heading.trim().to_string());
    column.path.clear();
}

fn page_word_over_the_stub(table: &mut Table) {
    let Some(header) = table.stub_header.clone() else { return };
    if is_page_word(&header) && heads_the_page_column(table, &header) {
        table.stub_header = None;
    }
}

fn page_word_glued_to_the_caption(table: &mut Table) {
    let Some(title) = table.title.clone() else { return };
    let Some((rest, last)) = title.trim_end().rsplit_once(' ') else { return };
    if !is_page_word(last) {
        return;
    }
    if heads_the_page_column(table, last) {
        table.title = Some(rest.trim_end().to_string());
    }
}

/// Puts the page word over the page column (the last) when that column has no header of its
/// own; true when it did.
fn heads_the_page_column(table: &mut Table, page_word: &str) -> bool {
    let Some(column) = table.columns.last_mut() else { return false };
    let headless = column.path.iter().all(|part| part.trim().is_empty());
    if headless {
        column.path = vec![page_word.trim().to_string()];
    }
    headless
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, Row};

    fn contents(title: &str, rows: Vec<Row>) -> Table {
        let mut table = Table {
            title: Some(title.to_string()),
            columns: vec![Column::default()],
            rows,
            stub_columns: 1,
            kind: TableKind::Contents,
            ..Table::default()
        };
        crate::normalize::rows::normalize_tables(std::slice::from_mut(&mut table));
        table
    }

    /// Wild page r3_05 (1SUPP 2013 Deltafonds), lines 15-39: "B. BEGROTINGSTOELICHTING" above
    /// a contents printed one cell a line, read as its page column's header.
    #[test]
    fn a_heading_over_the_page_column_is_the_title() {
        let rows = vec![
            Row::printed("Leeswijzer", &["2"]),
            Row::printed("De producten", &["2"]),
            Row::printed("Overzicht belangrijkste uitgaven- en ontvangstenmutaties", &["2"]),
            Row::printed("De productartikelen", &["5"]),
            Row::printed("Beleidsartikelen", &["7"]),
        ];
        let mut table = contents("", rows.clone());
        table.title = None;
        table.columns[0].path = vec!["B. BEGROTINGSTOELICHTING".to_string()];
        read_contents_habits(&mut table);
        assert_eq!(table.title.as_deref(), Some("B. BEGROTINGSTOELICHTING"));
        assert!(table.columns[0].path.is_empty());
        // A page word stays the column's header.
        let mut table = contents("", rows);
        table.title = None;
        table.columns[0].path = vec!["blz.".to_string()];
        read_contents_habits(&mut table);
        assert_eq!((table.title, table.columns[0].path.clone()), (None, vec!["blz.".to_string()]));
    }

    #[test]
    fn a_page_word_read_as_the_stub_header_heads_the_page_column() {
        // Slotwet 2017 J (wild page c6_08): "Inhoudsopgave", "blz.", " ", "1.", "Leeswijzer", "2".
        let mut table = contents("Inhoudsopgave", vec![Row::printed("Leeswijzer", &["2"])]);
        table.stub_header = Some("blz.".to_string());
        read_contents_habits(&mut table);
        assert_eq!((table.stub_header, table.columns[0].path.clone()), (None, vec!["blz.".to_string()]));
    }

    #[test]
    fn a_page_word_glued_to_the_caption_heads_the_page_column() {
        // JV 2009 IV: "INHOUDSOPGAVE blz." above "A. Algemeen 6".
        let table = contents(
            "INHOUDSOPGAVE blz.",
            vec![Row::printed("A. Algemeen", &["6"]), Row::printed("Leeswijzer", &["9"])],
        );
        assert_eq!(table.title.as_deref(), Some("INHOUDSOPGAVE"));
        assert_eq!(table.columns[0].path, ["blz."]);
        assert_eq!(table.rows[0].label, "A. Algemeen");
    }

    #[test]
    fn page_numbers_make_a_table_of_contents() {
        let rows = ["3", "5", "5", "9", "16"].iter().map(|page| Row::printed("x", &[page])).collect();
        let table = Table { columns: vec![Column::default()], rows, ..Table::default() };
        assert!(is_contents(&table, false));
        let rows = ["3", "5", "1.200", "9", "16"].iter().map(|page| Row::printed("x", &[page])).collect();
        let table = Table { columns: vec![Column::default()], rows, ..Table::default() };
        assert!(!is_contents(&table, false));
    }
}
