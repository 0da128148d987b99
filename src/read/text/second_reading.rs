//! The second reading of a region: when the usual reading is in doubt (rows placed by rule,
//! rows of figures without a label, a column mixing figures and text, a year over the labels, a
//! heading among the cells), the region is read again by width (`rhythm`), and that reading
//! replaces the usual one where its structure confidence is at least as high and it does not
//! put a heading of the stub over the data (a reading turned a cell).

use super::paragraph::Paragraph;
use super::region::Region;
use super::{caption, printed, rhythm};
use crate::error::Warning;
use crate::table::{Placement, RowKind, Table, TableKind};

/// A cheap first look, before the structure confidence is computed on a copy: a table with no
/// row placed by rule, no row of figures without a label, no column that mixes figures and text
/// and no data column headed by the word for article codes ("Artikel": over amounts it is a
/// header cut one column off; over article numbers the table is merely scored twice) is not read
/// again. (Not every table that passes scores 1, but reading those
/// again by width turned right tables wrong: c3_18.)
fn looks_doubtful(table: &Table) -> bool {
    if table.kind != TableKind::Budget {
        return true;
    }
    let rows = || table.rows.iter().filter(|row| row.kind == RowKind::Data);
    let inferred = rows().any(|row| matches!(row.placement, Placement::Inferred { .. }));
    let unlabelled = rows().any(|row| {
        row.stub.iter().all(|c| c.text.is_empty()) && row.cells.iter().any(|c| !c.text.is_empty())
    });
    let mixed = (0..table.columns.len()).any(|column| {
        let (mut figures, mut texts) = (false, false);
        for cell in rows().filter_map(|row| row.cells.get(column)).filter(|c| !c.text.is_empty()) {
            if printed::is_value(&cell.text) {
                figures = true;
            } else {
                texts = true;
            }
        }
        figures && texts
    });
    // A data column headed by the word for article codes (whatever it holds: the structure
    // confidence tells whether it holds amounts): the header may be cut one column off.
    let code_word_over_data = table
        .columns
        .iter()
        .any(|column| column.path.iter().any(|part| crate::interpret::vocabulary::heads_code_column(part)));
    // A data cell that reads as a column heading: the header was cut short.
    let heading_in_body = rows()
        .flat_map(|row| &row.cells)
        .any(|cell| crate::interpret::vocabulary::is_column_heading_text(&cell.text));
    inferred || unlabelled || mixed || code_word_over_data || heading_in_body || year_over_labels(table)
}

/// A year or a date heads a data column, never the labels: one read as the stub header means the
/// header was cut one column short, whatever the rows look like.
fn year_over_labels(table: &Table) -> bool {
    table.stub_header.as_deref().is_some_and(|header| {
        printed::is_year_like(header) || crate::interpret::vocabulary::is_period_heading(header)
    })
}

/// The table read by width ([`rhythm`]) when it explains the region better than the usual reading:
/// when the usual reading placed rows by rule, left rows without a label, mixed figures and text
/// in a column, read a year as the stub header, or gave no table at all, and the reading by width
/// scores at least as high a structure confidence. Keeps the caption, section, notes and lines of
/// the usual reading; the warnings are the reading by width's own (rows cut off by the end of the
/// input, a truncated table, a cut cell).
pub(super) fn read_by_width_if_better(
    paragraphs: &[Paragraph],
    region: &Region,
    built: Option<&Table>,
    table_index: usize,
    ends_mid_paragraph: bool,
) -> Option<(Table, Vec<Warning>)> {
    use crate::interpret::confidence::score_table;
    use crate::normalize::rows::normalize_tables;
    let confidence_of = |table: &Table| {
        let mut clone = table.clone();
        normalize_tables(std::slice::from_mut(&mut clone));
        score_table(&clone).score
    };
    if built.is_some_and(|table| table.kind == TableKind::Contents || !looks_doubtful(table)) {
        return None;
    }
    let usual =
        built.map_or(0.0, |table| if table.kind == TableKind::Budget { confidence_of(table) } else { 0.0 });
    if usual >= 1.0 && !built.is_some_and(year_over_labels) {
        return None;
    }
    let caption = caption::read_caption(paragraphs, region);
    let cells = &region.cells[caption.consumed.min(region.cells.len())..];
    let read = rhythm::read_by_width(paragraphs, cells, region.runs_to_end)?;
    let mut table = built.cloned().unwrap_or_else(|| Table {
        index: table_index,
        number: caption.number,
        title: caption.title,
        unit: caption.unit,
        section: region.section.map(|i| paragraphs[i].text.to_string()),
        ..Table::default()
    });
    table.kind = TableKind::Budget;
    table.raw_lines.clear();
    read.fill(&mut table);
    let cut_row = read.rows.last().is_some_and(|row| row.len() < read.width);
    table.truncated = region.runs_to_end && (ends_mid_paragraph || cut_row || table.truncated);
    let mut warnings = Vec::new();
    if table.truncated && ends_mid_paragraph {
        super::flag_cut_cell(&mut table, paragraphs.last().map(|p| p.line), &mut warnings);
    }
    // A heading the usual reading gave the stub ("Omschrijving" beside "Art." over a code and a
    // name column) heads no column of figures: a reading by width that puts it over one has
    // rotated the rows a cell (each row's code read as the last figure of the row above; wild
    // page x4_06, whose usual reading was in doubt only for its last row, cut off by the page).
    // Likewise the usual stub heading whole, a word without digits, over a column of texts: the
    // rows' names moved into the data ("Maatregel" over the names of corona measures, the text
    // column "Relevante Kamerstukken" after the figures read as each next row's name; wild page
    // a7_03). Over figures it heads a side of a saldibalans ("Activa", wild page x2_05).
    let names_under_the_stub_heading =
        built.and_then(|usual| usual.stub_header.as_deref()).is_some_and(|stub| {
            let the_stub_s_word = !stub.contains(|c: char| c.is_ascii_digit()) && !stub.contains(' ');
            the_stub_s_word
                && table.columns.iter().enumerate().any(|(index, column)| {
                    let printed: Vec<&str> = table
                        .rows
                        .iter()
                        .filter_map(|row| row.cells.get(index))
                        .map(|cell| cell.text.as_str())
                        .filter(|text| !text.is_empty())
                        .collect();
                    column.path.iter().any(|part| part == stub)
                        && !printed.is_empty()
                        && printed.iter().all(|text| !printed::is_value(text))
                })
        });
    let stub_heading_over_data = built.and_then(|usual| usual.stub_header.as_deref()).is_some_and(|stub| {
        table.columns.iter().flat_map(|column| &column.path).any(|part| {
            let names_the_stub = crate::interpret::vocabulary::is_name_column_header(part)
                || crate::interpret::vocabulary::is_code_column_header(part);
            names_the_stub && stub.split_whitespace().any(|word| word == part)
        })
    }) || names_under_the_stub_heading;
    // As confident is enough: the usual reading is in doubt (placed rows by rule, left labels
    // out, mixed a column, or cut its header short), and the reading by width puts every cell
    // where the print's rhythm puts it.
    (!stub_heading_over_data && confidence_of(&table) >= usual).then_some((table, warnings))
}
