//! Structure confidence: how far to trust the way a table was rebuilt, as a number a user can
//! route on, and the `low_confidence` cell flag below [`LOW_CONFIDENCE_THRESHOLD`].
//!
//! A table's score is the product of five shares, each from 0 to 1, the first four over its data
//! rows (data, total and waarvan rows):
//! 1. **column coherence**: in each data column, the share of non-empty cells that are of the
//!    column's majority sort (figure-like: numbers, percentages, nil, pm, n.v.t.; or text; a
//!    short whole number of at most three digits sides with either, being a small figure or a
//!    reference), averaged over the columns weighted by their non-empty cells. A column that
//!    mixes figures and text is the usual sign of cells put in the wrong column or labels read
//!    as data (Pytheas' column coherence, ExtracTable's consistency). Two more kinds of
//!    incoherence multiply it by a share: the code column of a two-column stub that is mostly
//!    codes but holds words beside a name ("alle", "Div": cells of a column printed after the
//!    figures, cut into the next row's code; a label printed across both columns leaves the
//!    name empty and does not count), as the share of its cells that are codes; and data rows
//!    that hold only years, three or more one apart, but for at most one other cell ("2016 |
//!    2017 | 2018": a header row read as data), as the share of data rows that do not.
//!    Each of these signs of a header or grid put together wrongly halves it, since then every
//!    cell carries a wrong column header however right its text:
//!    - a data column headed by the word for article codes ("Artikelnr.", or with the table's
//!      period, "Artikelnr. 2016") that holds amounts or nothing at all (the header is cut one
//!      column off);
//!    - a data column headed by the word for the rows' names ("Omschrijving",
//!      "Projectomschrijving") that holds numbers or nothing (a row read into the header);
//!    - a header that numbers its columns ("(1)", "(3)=(1)+(2)") out of order;
//!    - years heading the columns that step back against their direction twice or more, not as
//!      blocks of one shape ("2014, 2012, 2015, 2012, 2016, 2017": cells of other columns);
//!    - a year or date in the labels' header ("Vastgestelde begroting 2019", "31-12-2020": a
//!      period heads figures, so the header is cut one column off);
//!    - a data cell, or a line inside the table that landed nowhere, that reads as a column
//!      heading ("Streefwaarde 2024": the header was cut short);
//!    - a period heading (a year, year range or date: "31-12-2019") printed above the rows that
//!      landed nowhere (the header prints more columns than were read: a balance with its debit
//!      and credit sides side by side, read as one side);
//!    - a column headed by the same period twice, one header row over the other (the two sides'
//!      header rows stacked);
//!    - a column headed by two titles that each name a measure, the upper heading it alone
//!      ("Stand na suppletoire begroting" over "Mutatie 2022": one row of titles stacked);
//!    - group rows that each head exactly one row, after a first data row (the cells of a
//!      text column printed after the figures, each cut into a row of its own): two or more
//!      of them with no exception, or three or more of which only the last heads none (cut
//!      off); or two or more group rows, most of them named by a bare reference code, not a
//!      year ("2)", "4a)": a row's first cell cut from its name and figures);
//!    - a row named by the word that heads a page column ("Blz."): the header read as a row;
//!    - a column heading that holds a row: five figures or more among its words, a bare
//!      short number repeating another's under top headings of one column each, or a bottom
//!      heading that is a row's reference code ("1)", "4a)"; columns are numbered "(1)").
//!
//!    And where the header names some data columns but leaves two or more without a word, it is
//!    multiplied by the share of headed columns: every column of these documents is headed, so
//!    the header was lost or the grid scrambled (a transposed table of officials); where it
//!    heads none of two or more filled columns it is halved (what the figures are is not printed
//!    or was not found; tables of contents excepted).
//!    And it is multiplied by the share of row labels that are no figure or year, unless four
//!    in five labels or more are (a table named by years) ("83.778,8" or "2022" named a row: the rows were cut one cell off).
//! 2. **placed**: the share of data rows whose cells the source placed (not `column_inferred`,
//!    not `split_uncertain`; an override counts as placed).
//! 3. **unpadded**: the share of cells not added or dropped to keep the grid rectangular.
//! 4. **labelled**: the share of data rows that have a label or are totals: a row of figures
//!    without a name is data a user cannot use without looking.
//! 5. **texts placed**: of the lines printed inside the table (flattened text, counted by
//!    [`crate::interpret::coverage`]), the share that landed in a cell, header, label, caption or
//!    note. A table that leaves a third of its texts lying about (a text-valued table read as
//!    one column, a header row dropped) was not understood, however coherent what it kept is.
//!
//! A table with no data row, or one that was not recovered, scores 0. The reasons behind a score
//! below 1 are kept next to it, in words. Runs after normalization (it needs value kinds and row
//! roles) and never changes a cell's text or value.

use serde::Serialize;

use crate::interpret::vocabulary::{
    FIGURES_OF_A_ROW, column_number, heads_code_column, heads_name_column, is_code, is_measure_year_heading,
    is_not_available_mark, is_period_heading, is_short_whole_number, is_year,
};
use crate::normalize::number::parse_dutch_number;
use crate::table::{CellFlag, Placement, RowKind, Table, TableKind, ValueKind};

/// Below this score every data cell of the table is flagged `low_confidence`. At 0.75 a table
/// passes with one row in five placed by rule, or one column cell in four of the other sort, but
/// not with both.
pub const LOW_CONFIDENCE_THRESHOLD: f64 = 0.75;

/// A table's structure confidence and what went into it (in `tables.json` as `confidence`).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct StructureConfidence {
    /// The product of the five shares, from 0 (do not trust) to 1, rounded to three decimals.
    pub score: f64,
    /// Share 1: how well the data columns cohere.
    pub column_coherence: f64,
    /// Share 2: data rows placed by the source (or an override) rather than by rule.
    pub placed: f64,
    /// Share 3: cells not padded or clamped.
    pub unpadded: f64,
    /// Share 4: data rows with a label, or totals.
    pub labelled: f64,
    /// Share 5: lines printed inside the table that landed somewhere (1 when not counted).
    #[serde(default = "one")]
    pub texts_placed: f64,
    /// Why the score is below 1, one sentence per cause (left out when there is none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

fn one() -> f64 {
    1.0
}

/// How many group rows the table has when they look like cells cut into rows of their own: a
/// data row comes before the first, and either there are two or more and each heads exactly one
/// row (spacers aside), or there are three or more, each heading one row but the last, which
/// heads none (the table was cut off after it), or at least two and most of them are named by a
/// bare reference code, not a year ("2)", "4a)", "13":
/// a group is named by words; a code alone is the first cell of a row whose name and figures
/// were cut into the next); 0 otherwise.
fn groups_of_one_row(table: &Table) -> usize {
    // A text column's cell follows its row, so the table opens with a data row; a grouped table
    // opens with its first group. A table of contents groups its entries its own way.
    let opens_with_data = table
        .rows
        .iter()
        .find(|row| row.kind != RowKind::Spacer)
        .is_some_and(|row| row.kind != RowKind::Group);
    if !opens_with_data || table.kind == TableKind::Contents {
        return 0;
    }
    let mut rows_under_groups: Vec<usize> = Vec::new();
    let mut bare_codes = 0;
    for row in table.rows.iter().filter(|row| row.kind != RowKind::Spacer) {
        if row.kind == RowKind::Group {
            rows_under_groups.push(0);
            if is_bare_reference_code(&row.label) {
                bare_codes += 1;
            }
        } else if let Some(count) = rows_under_groups.last_mut() {
            *count += 1;
        }
    }
    let groups = rows_under_groups.len();
    let heading_one = rows_under_groups.iter().filter(|&&count| count == 1).count();
    let each_heads_one = groups >= 2 && heading_one == groups;
    // The last group may head none: the table was cut off right after it (wild page t2_06).
    let nearly_each_heads_one = groups >= 3
        && rows_under_groups[..groups - 1].iter().all(|&count| count == 1)
        && rows_under_groups[groups - 1] == 0;
    let named_by_codes = groups >= 2 && bare_codes * 2 > groups;
    if each_heads_one || nearly_each_heads_one || named_by_codes { groups } else { 0 }
}

/// A reference code standing alone as a row's name: a code ("13", "4a", "1.2") perhaps closed
/// by a parenthesis ("2)", "4a)"); not a year (a group per year is a group).
fn is_bare_reference_code(label: &str) -> bool {
    let label = label.trim();
    let code = label.strip_suffix(')').unwrap_or(label);
    !code.is_empty() && code.starts_with(|c: char| c.is_ascii_digit()) && is_code(code) && !is_year(code)
}

impl StructureConfidence {
    /// Below [`LOW_CONFIDENCE_THRESHOLD`]: the table's cells carry `low_confidence`.
    pub fn is_low(&self) -> bool {
        self.score < LOW_CONFIDENCE_THRESHOLD
    }
}

/// No score (0) and no share read yet but `texts_placed`, which is 1 when nothing was counted
/// (as `tables.json` of earlier versions, which has no such field, reads).
impl Default for StructureConfidence {
    fn default() -> StructureConfidence {
        StructureConfidence {
            score: 0.0,
            column_coherence: 0.0,
            placed: 0.0,
            unpadded: 0.0,
            labelled: 0.0,
            texts_placed: 1.0,
            reasons: Vec::new(),
        }
    }
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

/// Scores one table (see the module doc).
pub fn score_table(table: &Table) -> StructureConfidence {
    let data_rows: Vec<&crate::table::Row> =
        table.rows.iter().filter(|row| row.kind.carries_data()).collect();
    if table.kind == TableKind::Unrecovered || data_rows.is_empty() || table.columns.is_empty() {
        let reason = if table.kind == TableKind::Unrecovered {
            "the table's structure was not recovered"
        } else {
            "no row of data was read"
        };
        return StructureConfidence { reasons: vec![reason.to_string()], ..StructureConfidence::default() };
    }
    let mut reasons = Vec::new();

    let mut coherent_cells = 0;
    let mut filled_cells = 0;
    for column_index in 0..table.columns.len() {
        let cells: Vec<&crate::table::Cell> = data_rows
            .iter()
            .filter_map(|row| row.cells.get(column_index))
            .filter(|cell| cell.value_kind != ValueKind::Empty)
            .collect();
        // A not-available mark ("...") stands in a figure's place: it counts as figure-like. A
        // short whole number ("4", "12") sides with either sort: a small figure among figures, a
        // reference or code among texts ("Toelichting", "4", "a").
        let codes = cells.iter().filter(|cell| is_short_whole_number(&cell.text)).count();
        let text = cells
            .iter()
            .filter(|cell| {
                cell.value_kind == ValueKind::Text
                    && !is_not_available_mark(&cell.text)
                    && !is_short_whole_number(&cell.text)
            })
            .count();
        let figures = cells.len() - text - codes;
        coherent_cells += (text + codes).max(figures + codes);
        filled_cells += cells.len();
        if text > 0 && figures > 0 && text.min(figures) * 10 >= cells.len() {
            reasons.push(format!(
                "column {column_index} (\"{}\") mixes figures ({}) and text ({text})",
                table.columns[column_index].header(),
                figures + codes
            ));
        }
    }
    // The code column of a stub with two or more columns: when most of its cells are codes, a
    // word among them ("alle", "Div") is a cell of another column that the cut put there.
    let code_column_coherence = if table.stub_columns >= 2 {
        let firsts: Vec<&str> = data_rows
            .iter()
            .filter(|row| row.kind != RowKind::Total)
            // A label printed across the code and name columns stands in the code column with
            // the name cell empty: no code is missing there.
            .filter(|row| row.stub.get(1).is_some_and(|name| !name.text.trim().is_empty()))
            .filter_map(|row| row.stub.first())
            .map(|cell| cell.text.trim())
            .filter(|text| !text.is_empty())
            .collect();
        let codes = firsts.iter().filter(|text| is_code(text)).count();
        let words = firsts.len() - codes;
        if codes > words && words > 0 {
            reasons.push(format!(
                "the code column holds {words} word(s) among {codes} codes (\"{}\")",
                firsts.iter().find(|text| !is_code(text)).copied().unwrap_or_default()
            ));
        }
        if codes > words { share(codes, firsts.len()) } else { 1.0 }
    } else {
        1.0
    };
    // A data row of years only (three or more, one apart; one other cell may stand beside them)
    // is a header row read as data.
    let year_rows = data_rows
        .iter()
        .filter(|row| {
            let filled: Vec<&str> =
                row.cells.iter().map(|cell| cell.text.trim()).filter(|text| !text.is_empty()).collect();
            let years: Vec<i64> =
                filled.iter().filter(|text| is_year(text)).filter_map(|text| text.parse().ok()).collect();
            // One other cell may stand beside them (a column number, a marker). Three or more
            // years one apart: two years ("2021 | 2022") may be a start and an end.
            years.len() >= 3 && filled.len() <= years.len() + 1 && years.windows(2).all(|w| w[1] == w[0] + 1)
        })
        .count();
    if year_rows > 0 {
        reasons.push(format!("{year_rows} data row(s) hold only years, rising: a header row read as data"));
    }
    // The labels cohere too: where most rows are named by words, a label that is an amount or a
    // year ("83.778,8", "2022") is a cell or a header cell the grid put in the stub (the rows were
    // cut one cell off). Codes ("12", "12.01") name rows and do not count.
    let labels: Vec<&str> =
        data_rows.iter().map(|row| row.printed_label().trim()).filter(|label| !label.is_empty()).collect();
    let figure_labels = labels.iter().filter(|label| is_year(label) || is_amount(label)).count();
    // A table named by years or figures (four in five labels or more) is coherent as it is.
    let label_coherence = if labels.len() >= 4 && figure_labels * 5 < labels.len() * 4 {
        if figure_labels > 0 {
            reasons.push(format!(
                "{figure_labels} of {} row labels are figures or years: cells cut into the labels",
                labels.len()
            ));
        }
        share(labels.len() - figure_labels, labels.len())
    } else {
        1.0
    };
    // A data cell that reads as a column heading ("Streefwaarde 2024", "Realisatie 2024"): the
    // header was cut short and the rest of it read as rows or lost (a text-valued table whose header
    // the reading could not tell from its cells).
    // So is such a heading printed inside the table that landed nowhere.
    let heading_in_body = data_rows
        .iter()
        .flat_map(|row| &row.cells)
        .map(|cell| cell.text.trim())
        .chain(table.texts_not_placed.iter().map(|text| text.text.trim()))
        .find(|text| crate::interpret::vocabulary::is_column_heading_text(text));
    if let Some(heading) = heading_in_body {
        reasons
            .push(format!("a data cell reads as a column heading (\"{heading}\"): the header was cut short"));
    }
    // A row named by the page column's word ("Blz.", "pagina"): that word heads a column, so the
    // header was read as a row (wild page a3_04, a contents without its heading read together
    // with the page's head above it).
    let page_word_row = data_rows
        .iter()
        .map(|row| row.label.trim())
        .find(|label| crate::interpret::contents::is_page_word(label));
    if let Some(label) = page_word_row {
        reasons.push(format!(
            "a row is named by a column's heading (\"{label}\"): the header was read as a row"
        ));
    }
    // A period that heads a column (a year, a year range, a date: "31-12-2019") printed above
    // the first row and landed nowhere: the header prints more columns than the table was read
    // with, so the columns it has are not the printed ones (a balance printed with its debit and
    // credit sides next to each other, read as one side).
    let first_row_line = table.rows.iter().filter_map(|row| row.line).min();
    let lost_period_heading = table
        .texts_not_placed
        .iter()
        .find(|text| {
            first_row_line.is_some_and(|first| text.line < first) && is_period_heading(text.text.trim())
        })
        .map(|text| text.text.trim().to_string());
    if let Some(heading) = &lost_period_heading {
        reasons.push(format!(
            "a column heading printed above the rows (\"{heading}\") heads no column: the table has more columns than were read"
        ));
    }
    // Two or more group rows, each heading exactly one row: a group heads several rows, so these
    // are more likely the cells of a text column printed after the figures ("Relevante
    // Kamerstukken"), each cut into a row of its own.
    let single_row_groups = groups_of_one_row(table);
    if single_row_groups > 0 {
        reasons.push(format!(
            "{single_row_groups} group rows each head one row or are named by a bare code: they may be cells cut into rows of their own"
        ));
    }
    // A data column headed by the word for article codes ("Artikelnr.", "Art.") that holds
    // amounts, or nothing at all: its header belongs to another column (the header row was cut
    // one column off; a code column holds codes, and a column left empty in every row is no
    // column of the print).
    let misnamed_columns = columns_headed_over_figures(table, &data_rows, heads_code_column, is_amount);
    // A data column headed by the word for the rows' names ("Omschrijving", "Projectomschrijving")
    // that holds numbers, or nothing at all: the stub's heading stands over the figures, so the
    // header was cut one column off or took a row into it.
    let names_over_figures = columns_headed_over_figures(table, &data_rows, heads_name_column, |text| {
        parse_dutch_number(text).kind == ValueKind::Number
    });
    if names_over_figures > 0 {
        reasons.push(format!(
            "{names_over_figures} column(s) headed by the word for the rows' names hold numbers or nothing: the header is cut one column off"
        ));
    }
    if misnamed_columns > 0 {
        reasons.push(format!(
            "{misnamed_columns} column(s) headed by the word for article codes hold amounts or nothing: the header is cut one column off"
        ));
    }
    // Columns the header numbers ("(1)", "(3)=(1)+(2)") stand in the order of their numbers: a
    // header whose numbers run out of order was put together wrongly, and every cell under it
    // carries a wrong column header.
    let numbers: Vec<u32> =
        table.columns.iter().filter_map(|column| column_number(&column.header())).collect();
    let header_in_order = numbers_in_order(&numbers);
    if !header_in_order {
        let printed: Vec<String> = numbers.iter().map(|n| format!("({n})")).collect();
        reasons.push(format!(
            "the header numbers its columns out of order ({}): the header was put together wrongly",
            printed.join(", ")
        ));
    }
    // The years heading the columns, read left to right, rise or fall with at most one step
    // back ("2022 … 2028, 2023": a difference column after the years; a base year among
    // realisations), or repeat one shape block by block (a balance's two sides "2020, 2019,
    // 2020, 2019"; pairs "2025, 2024, 2026, 2025"). Two steps back or more: a header put
    // together from other columns' cells.
    let column_years: Vec<i32> =
        table.columns.iter().filter_map(|column| last_year(&column.header())).collect();
    let years_in_order = years_in_order(&column_years);
    if !years_in_order {
        let printed: Vec<String> = column_years.iter().take(6).map(i32::to_string).collect();
        reasons.push(format!(
            "the years heading the columns run out of order ({}{}): the header was put together from other columns",
            printed.join(", "),
            if column_years.len() > 6 { ", …" } else { "" }
        ));
    }
    // A year, or a measure and a year ("Vastgestelde begroting 2019", "2014"), as the stub's
    // header heads a column of figures, never the labels: the header was cut one column off. (A
    // label column may name its year: "Activiteiten 2011".)
    let year_over_labels = table
        .stub_header
        .as_deref()
        .is_some_and(|header| is_period_heading(header.trim()) || is_measure_year_heading(header));
    if year_over_labels {
        reasons.push(format!(
            "the labels' header names a year (\"{}\"): the header is cut one column off",
            table.stub_header.as_deref().unwrap_or_default()
        ));
    }
    // A column headed by the same period twice, one header row over the other ("31-12-2015" over
    // "31-12-2015"): a period heads one column, so the header rows were printed side by side (a
    // balance's two sides) and were stacked here. (A range over a year, "2019-2022" over "2019",
    // is a header of its own.)
    let stacked_periods = table
        .columns
        .iter()
        .find(|column| {
            let periods: Vec<&str> =
                column.path.iter().map(|part| part.trim()).filter(|part| is_period_heading(part)).collect();
            periods.iter().enumerate().any(|(at, period)| periods[at + 1..].contains(period))
        })
        .map(|column| column.header());
    if let Some(header) = &stacked_periods {
        reasons.push(format!(
            "a column is headed by the same period twice (\"{header}\"): header rows printed side by side were stacked"
        ));
    }
    // A column headed by two titles one over the other that each name a measure ("Stand na
    // suppletoire begroting" over "Mutatie 2022"), the upper one heading this column alone (a
    // spanning "Mutaties 2e suppletoire begroting" over "Mutaties Miljoenennota" and "Overige
    // mutaties" heads two): one row of titles, each a column's own, stacked into two rows (wild
    // page y1_03: eight titles over rows that print four figures).
    let stacked_titles = table
        .columns
        .iter()
        .enumerate()
        .find(|(at, column)| {
            let parts: Vec<(usize, &str)> = column
                .path
                .iter()
                .map(|part| part.trim())
                .enumerate()
                .filter(|(_, part)| !part.is_empty())
                .collect();
            let shared = |level: usize, part: &str| {
                let same =
                    |other: &crate::table::Column| other.path.get(level).is_some_and(|p| p.trim() == part);
                at.checked_sub(1).is_some_and(|before| same(&table.columns[before]))
                    || table.columns.get(at + 1).is_some_and(same)
            };
            parts.len() >= 2
                && parts.iter().all(|(_, part)| crate::interpret::vocabulary::names_a_measure(part))
                && !shared(parts[0].0, parts[0].1)
                && parts[0].1 != parts[1].1
        })
        .map(|(_, column)| column.header());
    if let Some(header) = &stacked_titles {
        reasons.push(format!(
            "a column is headed by two titles that each name a measure (\"{header}\"): a row of titles stacked into two"
        ));
    }
    // A column heading that holds a row: five figures or more among its words ("1 De Koning 40
    // 41 1 2A Staten-Generaal 137 141 4", wild page t1_05; a bracket "Schijf 2 € 73.031 - €
    // 100.000" or a formula "Verschil 3 = 2 - 1" prints fewer), or a bottom heading that is a
    // bare short number repeating another's under top headings of one column each ("1" under
    // "2030" and under "2031": the next row's codes read into the header, wild page t2_02).
    let row_in_header = table
        .columns
        .iter()
        .map(|column| column.header())
        .find(|heading| figures_among_words(heading) >= FIGURES_OF_A_ROW)
        .or_else(|| {
            // Only columns whose top heading heads them alone: numbers under one top heading that
            // spans several columns number those columns ("1 2 3" under "Verplichtingen" and
            // again under "Uitgaven").
            let alone = |column: &crate::table::Column| {
                table.columns.iter().filter(|other| other.path.first() == column.path.first()).count() == 1
            };
            let bare: Vec<&str> = table
                .columns
                .iter()
                .filter(|column| column.path.len() >= 2 && alone(column))
                .filter_map(|column| column.path.last().map(|part| part.trim()))
                .filter(|part| is_short_whole_number(part))
                .collect();
            bare.iter()
                .enumerate()
                .find(|(at, part)| bare[..*at].contains(part))
                .map(|(_, part)| part.to_string())
        })
        .or_else(|| {
            // A bottom heading that is a row's reference code closed by its parenthesis ("1)",
            // "4a)"): columns are numbered "(1)", never "1)", which numbers a saldibalans's rows;
            // the first row's code was read into the header (wild page a2_06, its two sides read
            // as one). Not the marker of a note the table holds ("1)" under "Realisatie 2023",
            // its note printed below the table).
            let a_note_s_marker = |part: &str| {
                let marker = part.trim_end_matches(')');
                table.notes.iter().any(|note| note.marker.trim_end_matches(')') == marker)
            };
            table
                .columns
                .iter()
                .filter_map(|column| {
                    column.path.iter().rev().map(|part| part.trim()).find(|part| !part.is_empty())
                })
                .find(|part| {
                    part.ends_with(')')
                        && !part.starts_with('(')
                        && is_bare_reference_code(part)
                        && !a_note_s_marker(part)
                })
                .map(str::to_string)
        });
    if let Some(heading) = &row_in_header {
        reasons.push(format!(
            "a column heading holds a row's figures or codes (\"{heading}\"): a row was read into the header"
        ));
    }
    // Every data column of these documents is headed: where the header names some columns and
    // leaves two or more without a word, the header was lost or the grid scrambled (a transposed
    // table of officials read row-wise). One unnamed column is allowed (notes or references
    // printed after the figures). A table that heads none of two or more filled columns says
    // nothing of what its figures are: its header was not found (a header printed as a pipe
    // table's first lines and lost, header lines taken for prose), or it never printed one; a
    // user must look either way, so the share is halved.
    // A column with nothing in it (a spacer column) is not counted either way.
    let holds_something = |index: usize| {
        data_rows.iter().any(|row| row.cells.get(index).is_some_and(|c| !c.text.trim().is_empty()))
    };
    let unheaded = (0..table.columns.len())
        .filter(|&index| table.columns[index].header().trim().is_empty() && holds_something(index))
        .count();
    let headed = table.columns.iter().filter(|column| !column.header().trim().is_empty()).count();
    let header_coverage = if headed > 0 && unheaded >= 2 {
        reasons.push(format!("{unheaded} of {} data columns have no header", headed + unheaded));
        share(headed, headed + unheaded)
    } else if headed == 0 && unheaded >= 2 && table.kind != TableKind::Contents {
        reasons.push(format!("none of the {unheaded} data columns has a header: what the figures are is not printed or was not found"));
        0.5
    } else {
        1.0
    };
    // Each sign of a header or grid put together wrongly halves the share (module doc): such a
    // header names every column wrongly, not just one.
    let wrong_header_signs = [
        !header_in_order,
        !years_in_order,
        year_over_labels,
        stacked_periods.is_some(),
        stacked_titles.is_some(),
        single_row_groups > 0,
        heading_in_body.is_some(),
        lost_period_heading.is_some(),
        misnamed_columns > 0,
        names_over_figures > 0,
        row_in_header.is_some(),
        page_word_row.is_some(),
    ]
    .into_iter()
    .filter(|&sign| sign)
    .count();
    let column_coherence = 0.5_f64.powi(wrong_header_signs as i32)
        * header_coverage
        * share(coherent_cells, filled_cells)
        * code_column_coherence
        * share(data_rows.len() - year_rows, data_rows.len())
        * label_coherence;

    let inferred = data_rows
        .iter()
        .filter(|row| {
            matches!(row.placement, Placement::Inferred { .. })
                || row.cells.iter().any(|cell| cell.flags.contains(&CellFlag::SplitUncertain))
        })
        .count();
    if inferred > 0 {
        reasons
            .push(format!("{inferred} of {} data rows placed by rule, not by the source", data_rows.len()));
    }
    let placed = share(data_rows.len() - inferred, data_rows.len());

    let all_cells: usize = table.rows.iter().map(|row| row.cells.len()).sum();
    let padded =
        table.rows.iter().flat_map(|row| &row.cells).filter(|c| c.flags.contains(&CellFlag::Padded)).count();
    if padded > 0 {
        reasons.push(format!("{padded} of {all_cells} cells padded or clamped to keep the grid rectangular"));
    }
    let unpadded = share(all_cells - padded, all_cells);

    let unlabelled =
        data_rows.iter().filter(|row| row.label.trim().is_empty() && row.kind != RowKind::Total).count();
    if unlabelled > 0 {
        reasons.push(format!("{unlabelled} of {} data rows have no label", data_rows.len()));
    }
    let labelled = share(data_rows.len() - unlabelled, data_rows.len());

    let not_placed = table.texts_not_placed.len();
    if not_placed > 0 {
        let first = &table.texts_not_placed[0];
        reasons.push(format!(
            "{not_placed} of {} lines printed inside the table landed in no cell, header, label or note (line {} \"{}\"{})",
            table.texts_printed,
            first.line,
            first.text,
            if not_placed > 1 { ", …" } else { "" }
        ));
    }
    let texts_placed = share(table.texts_printed.saturating_sub(not_placed), table.texts_printed);

    StructureConfidence {
        score: round3(column_coherence * placed * unpadded * labelled * texts_placed),
        column_coherence: round3(column_coherence),
        placed: round3(placed),
        unpadded: round3(unpadded),
        labelled: round3(labelled),
        texts_placed: round3(texts_placed),
        reasons,
    }
}

fn figures_among_words(heading: &str) -> usize {
    if !heading.chars().any(char::is_alphabetic) {
        return 0;
    }
    heading
        .split_whitespace()
        .filter(|word| {
            word.starts_with(|c: char| c.is_ascii_digit())
                && !is_year(word)
                && crate::normalize::number::parse_dutch_number(word).value.is_some()
        })
        .count()
}

/// An amount, never an article code: a number (as the Dutch number reader reads it) that is
/// negative, has decimals, or is 1,000 or more ("28.800", "‒ 956.075", "13,5"). "12.01" (no
/// number: its dot groups no thousands) and "2" are codes.
/// How many data columns are headed (at any level) by a heading `heads` accepts, the stub's
/// word ("Art.", "Omschrijving"), while holding nothing in every data row or mostly texts
/// `figure` accepts: a stub's heading standing over figures.
fn columns_headed_over_figures(
    table: &Table,
    data_rows: &[&crate::table::Row],
    heads: fn(&str) -> bool,
    figure: impl Fn(&str) -> bool,
) -> usize {
    (0..table.columns.len())
        .filter(|&column_index| {
            table.columns[column_index].path.iter().any(|part| heads(part)) && {
                let filled: Vec<&str> = data_rows
                    .iter()
                    .filter_map(|row| row.cells.get(column_index))
                    .map(|cell| cell.text.trim())
                    .filter(|text| !text.is_empty())
                    .collect();
                let figures = filled.iter().filter(|text| figure(text)).count();
                (filled.is_empty() && !data_rows.is_empty()) || figures * 2 > filled.len()
            }
        })
        .count()
}

fn is_amount(text: &str) -> bool {
    let parsed = parse_dutch_number(text);
    parsed.kind == ValueKind::Number
        && parsed.value.is_some_and(|value| value < 0.0 || value.fract() != 0.0 || value.abs() >= 1000.0)
}

/// Column numbers read left to right are in order: a number printed once over several columns
/// repeats ("(1)" over Verplichtingen, Uitgaven, Ontvangsten), and a table may number each group
/// of columns from (1) again; within a group the numbers rise, and when groups restart at (1),
/// every group starts there. Fewer than three numbered columns say nothing.
fn numbers_in_order(numbers: &[u32]) -> bool {
    let mut distinct: Vec<u32> = numbers.to_vec();
    distinct.dedup();
    if numbers.len() < 3 {
        return true;
    }
    let mut starts = vec![0];
    starts.extend((1..distinct.len()).filter(|&at| distinct[at] == 1));
    let blocks: Vec<&[u32]> = starts
        .iter()
        .enumerate()
        .map(|(index, &from)| &distinct[from..starts.get(index + 1).copied().unwrap_or(distinct.len())])
        .collect();
    let rising = blocks.iter().all(|block| block.windows(2).all(|pair| pair[0] < pair[1]));
    rising && (blocks.len() == 1 || blocks.iter().all(|block| block.first() == Some(&1)))
}

/// The last year a column heading names as a word of its own ("Realisatie 2019" → 2019,
/// "(2019)" → 2019; not "2019/2020" or "2019-2020", which are periods of their own).
fn last_year(heading: &str) -> Option<i32> {
    heading
        .split_whitespace()
        .filter_map(|word| {
            let bare = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ':' | '*'));
            if is_year(bare) { bare.parse().ok() } else { None }
        })
        .next_back()
}

/// Years read left to right that step against their own direction at most once, or that
/// repeat one shape block by block (module doc and `score_table`). The direction is the one
/// most steps take; a step back is a base year or a difference column after the years
/// ("2016, 2017, 2018, 2012, 2021": realisations, a base year, a target), two are a header put
/// together from other columns' cells ("2014, 2012, 2015, 2012, 2016, 2017").
fn years_in_order(years: &[i32]) -> bool {
    let steps: Vec<i32> =
        years.windows(2).map(|pair| (pair[1] - pair[0]).signum()).filter(|&s| s != 0).collect();
    let rising = steps.iter().filter(|&&step| step > 0).count();
    let falling = steps.len() - rising;
    if rising.min(falling) < 2 {
        return true;
    }
    (2..=years.len() / 2).filter(|&block| years.len().is_multiple_of(block)).any(|block| {
        let shape = |at: usize| -> Vec<i32> { years[at..at + block].iter().map(|y| y - years[at]).collect() };
        (block..years.len()).step_by(block).all(|at| shape(at) == shape(0))
    })
}

/// Scores every table and flags the data cells of tables below [`LOW_CONFIDENCE_THRESHOLD`].
pub fn score_tables(tables: &mut [Table]) {
    for table in tables {
        let confidence = score_table(table);
        if confidence.is_low() && table.kind == TableKind::Budget {
            for row in table.rows.iter_mut().filter(|row| row.kind.carries_data()) {
                for cell in &mut row.cells {
                    cell.flag(CellFlag::LowConfidence);
                }
            }
        }
        table.confidence = Some(confidence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::rows::normalize_tables;
    use crate::table::{Column, PrintedText, Row};

    fn table(rows: Vec<Row>, columns: usize) -> Table {
        let mut table = Table {
            columns: (0..columns)
                .map(|i| Column { path: vec![format!("{}", 2019 + i)], ..Column::default() })
                .collect(),
            rows,
            stub_columns: 1,
            ..Table::default()
        };
        normalize_tables(std::slice::from_mut(&mut table));
        table
    }

    /// The structure confidence of one table, scored alone.
    fn confidence_of(table: Table) -> StructureConfidence {
        let mut tables = vec![table];
        score_tables(&mut tables);
        tables.remove(0).confidence.expect("scored")
    }

    #[test]
    fn a_clean_table_scores_one_and_is_not_flagged() {
        let mut tables = vec![table(
            vec![Row::printed("Politie", &["1.522", "1.529"]), Row::printed("Totaal", &["3", "4"])],
            2,
        )];
        score_tables(&mut tables);
        let confidence = tables[0].confidence.clone().unwrap();
        assert_eq!(confidence.score, 1.0);
        assert!(confidence.reasons.is_empty());
        assert!(!tables[0].rows[0].cells[0].flags.contains(&CellFlag::LowConfidence));
    }

    #[test]
    fn labels_that_are_figures_among_named_rows_lower_the_score() {
        // Wild page s4_05 read one cell off: the header's last year and a row's last figure
        // named two rows ("2022", "83.778,8"); codes ("12") name rows and do not count.
        let mut rows: Vec<Row> = ["Anw", "Aow", "Iow", "Iva", "Kinderbijslag", "2022", "83.778,8", "12"]
            .iter()
            .map(|label| Row::printed(label, &["– 21,4", "– 22,3"]))
            .collect();
        let confidence = confidence_of(table(rows.clone(), 2));
        assert!((confidence.column_coherence - 6.0 / 8.0).abs() < 0.01, "{confidence:?}");
        rows.truncate(5);
        assert_eq!(confidence_of(table(rows, 2)).column_coherence, 1.0);
        // Half the labels figures still lowers it (review of session 21: a reading cut worse
        // must not score better); a table named by years does not.
        let half: Vec<Row> =
            ["Anw", "Aow", "Iow", "Iva", "Wlz", "16.911", "79.780", "19.737", "27.519", "54.293"]
                .iter()
                .map(|label| Row::printed(label, &["– 21,4", "– 22,3"]))
                .collect();
        assert!((confidence_of(table(half, 2)).column_coherence - 0.5).abs() < 0.01);
        let years: Vec<Row> = ["2016", "2017", "2018", "2019", "Totaal"]
            .iter()
            .map(|label| Row::printed(label, &["– 21,4", "– 22,3"]))
            .collect();
        assert_eq!(confidence_of(table(years, 2)).column_coherence, 1.0);
    }

    #[test]
    fn a_date_heading_above_the_rows_that_heads_no_column_halves_the_score() {
        // The FJR 2020 saldibalans (wild page l2_03): debit and credit printed side by side, read
        // as the debit side's columns; the credit side's "31-12-2019" (line 11) landed nowhere.
        let mut rows = vec![
            Row::printed("Uitgaven ten laste van de begroting", &["288.987", "251.386"]),
            Row::printed("Ontvangsten ten gunste van de begroting", &["297.423", "249.067"]),
        ];
        rows[0].line = Some(47);
        rows[1].line = Some(57);
        let mut lost = table(rows, 2);
        lost.texts_printed = 40;
        lost.texts_not_placed = vec![PrintedText { line: 11, text: "31-12-2019".into() }];
        // The same text below the first row is a cell that went astray, not a lost column.
        let mut below = lost.clone();
        below.texts_not_placed[0].line = 60;
        let lost = confidence_of(lost);
        assert!(lost.score < LOW_CONFIDENCE_THRESHOLD, "{lost:?}");
        assert!(lost.reasons.iter().any(|r| r.contains("\"31-12-2019\") heads no column")), "{lost:?}");
        let below = confidence_of(below);
        assert!(below.score > LOW_CONFIDENCE_THRESHOLD, "{below:?}");
    }

    #[test]
    fn a_column_headed_by_two_periods_or_labels_headed_by_a_date_halve_the_score() {
        // Departmental saldibalansen (JV 2015 VI, JV 2020 VIII on rijksfinancien.nl): "Activa" and
        // "Passiva" side by side, each over "31-12-2015 | 31-12-2014"; read as one side, the two
        // header rows stack over the same columns, or a date lands over the labels.
        let rows = vec![
            Row::printed("Uitgaven ten laste van de begroting", &["12.718.103", "12.624.885"]),
            Row::printed("Ontvangsten ten gunste van de begroting", &["1.377.078", "1.444.147"]),
        ];
        let mut stacked = table(rows, 2);
        stacked.columns[0].path = vec!["31-12-2015".into(), "31-12-2015".into()];
        stacked.columns[1].path = vec!["31-12-2014".into(), "31-12-2014".into()];
        let mut dated_labels = stacked.clone();
        dated_labels.columns[0].path = vec!["31-12-2019".into()];
        dated_labels.columns[1].path = vec!["Passiva".into()];
        dated_labels.stub_header = Some("31-12-2020".into());
        let mut realisation = stacked.clone();
        realisation.columns[0].path = vec!["Realisatie".into(), "2015".into()];
        realisation.columns[1].path = vec!["Realisatie".into(), "2014".into()];
        // A range over a year is a header of its own.
        let mut range = stacked.clone();
        range.columns[0].path = vec!["2019-2022".into(), "2019".into()];
        range.columns[1].path = vec!["2019-2022".into(), "2020".into()];
        let scores: Vec<f64> =
            [stacked, dated_labels, realisation, range].into_iter().map(|t| confidence_of(t).score).collect();
        assert!(scores[0] < LOW_CONFIDENCE_THRESHOLD && scores[1] < LOW_CONFIDENCE_THRESHOLD, "{scores:?}");
        assert_eq!(scores[2..], [1.0, 1.0]);
    }

    #[test]
    fn a_column_headed_by_two_titles_that_each_name_a_measure_halves_the_score() {
        // Round y page y1_03 (ISB 2020, Diergezondheidsfonds): eight titles printed one a line
        // over rows of four figures, read as two header rows of four ("Stand na suppletoire
        // begroting (inclusief ISB's)" over "Mutatie 2022"). A spanning title over two columns
        // ("Mutaties 2e suppletoire begroting (3)" over "Mutaties Miljoenennota" and "Overige
        // mutaties", wild page y4_05) is a header of its own, and so is "Realisatie" over a year.
        let rows = vec![
            Row::printed("Verplichtingen", &["36.357", "35.837", "72.194"]),
            Row::printed("Uitgaven", &["36.357", "35.837", "72.194"]),
        ];
        let mut stacked = table(rows, 3);
        stacked.columns[0].path =
            vec!["Stand na suppletoire begroting (inclusief ISB's)".into(), "Mutatie 2022".into()];
        stacked.columns[1].path = vec!["Mutaties 4e ISB".into(), "Mutatie 2023".into()];
        stacked.columns[2].path = vec!["Stand 4e ISB".into(), "Mutatie 2024".into()];
        let mut spanning = stacked.clone();
        spanning.columns[0].path = vec!["Stand 1e suppletoire begroting (2)".into()];
        spanning.columns[1].path =
            vec!["Mutaties 2e suppletoire begroting (3)".into(), "Mutaties Miljoenennota".into()];
        spanning.columns[2].path = vec![
            "Mutaties 2e suppletoire begroting (3)".into(),
            "Overige mutaties 2e suppletoire begroting".into(),
        ];
        let mut realisation = stacked.clone();
        for (column, year) in realisation.columns.iter_mut().zip(["2019", "2020", "2021"]) {
            column.path = vec!["Realisatie".into(), year.into()];
        }
        let scores: Vec<f64> =
            [stacked, spanning, realisation].into_iter().map(|t| confidence_of(t).score).collect();
        assert!(scores[0] < LOW_CONFIDENCE_THRESHOLD, "{scores:?}");
        assert_eq!(scores[1..], [1.0, 1.0]);
    }

    #[test]
    fn a_row_code_under_a_heading_halves_the_score() {
        // Wild page a2_06 (saldibalans of the Deltafonds 2016, lines 11-44): "Activa:", "Passiva:",
        // the dates "31-12-2016", "31-12-2015" per side, then the first row "1)", "Uitgaven ten
        // laste van de begroting", "1.147.373", "1.165.466". Read as one side, the row's code
        // "1)" became the bottom heading of a date column. A column number "(1)" is no sign.
        let row = Row::printed("Uitgaven ten laste van de begroting", &["1.147.373", "1.165.466"]);
        let headed = |bottom: &str| {
            let mut table = table(vec![row.clone()], 2);
            table.columns[0].path = vec!["31-12-2015".into()];
            table.columns[1].path = vec!["31-12-2016".into(), bottom.into()];
            confidence_of(table)
        };
        let coded = headed("1)");
        assert!(coded.score < LOW_CONFIDENCE_THRESHOLD, "{:?}", coded.reasons);
        assert!(coded.reasons.iter().any(|reason| reason.contains("(\"1)\")")), "{:?}", coded.reasons);
        assert_eq!(headed("(1)").score, 1.0);
        // A "1)" that marks a note the table holds is that note's marker under its heading
        // (review: "Realisatie 2023" over "1)", the note "1) Realisatie volgens …" below).
        let mut noted = table(vec![row.clone()], 2);
        noted.columns[0].path = vec!["31-12-2015".into()];
        noted.columns[1].path = vec!["31-12-2016".into(), "1)".into()];
        noted.notes.push(crate::table::Note {
            marker: "1".into(),
            text: "Realisatie volgens het jaarverslag.".into(),
            line: None,
        });
        assert_eq!(confidence_of(noted).score, 1.0);
    }

    #[test]
    fn a_row_named_by_the_page_word_halves_the_score() {
        // Wild page a3_04 (Miljoenennota 2018, lines 12-22): "Bijlagen", "   ", "Blz.", then "1.",
        // "Uitgaven en niet-belastingontvangsten", "4", read with the page's head above it: a row
        // "Blz." with the first entry's number "1." as its figure.
        let rows = vec![
            Row::printed("Blz.", &["1."]),
            Row::printed("Uitgaven en niet-belastingontvangsten", &["4"]),
            Row::printed("2. De Belasting- en premieontvangsten", &["16"]),
        ];
        let scored = confidence_of(table(rows.clone(), 1));
        assert!(scored.reasons.iter().any(|reason| reason.contains("(\"Blz.\")")), "{:?}", scored.reasons);
        let mut without = rows;
        without.remove(0);
        let plain = confidence_of(table(without, 1));
        assert!(!plain.reasons.iter().any(|reason| reason.contains("named by a column's heading")));
    }

    #[test]
    fn years_heading_the_columns_out_of_order_halve_the_score() {
        // Wild page c7_13 (Gemeentefonds, Tabel B2, one cell a line): "Stand ontwerp-begroting
        // 2012 (1)", "Mutaties … 2012 (2)", "Stand … 2012 (3)=(1+2)", "Mutatie 2013" … "Mutatie
        // 2017" over the row "Verplichtingen"; its header cells put together from other columns
        // read 2014, 2012, 2015, 2012, 2016, 2017.
        let row = Row::printed(
            "Verplichtingen",
            &["18 334 127", "– 176 387", "18 157 740", "– 255 966", "– 249 023", "– 249 773"],
        );
        let headed = |years: &[&str]| {
            let mut table = table(vec![row.clone()], 6);
            for (column, year) in table.columns.iter_mut().zip(years) {
                column.path = vec![format!("Mutatie {year}")];
            }
            confidence_of(table)
        };
        let scrambled = headed(&["2014", "2012 (1)", "2015", "2012 (2)", "2016", "2017"]);
        assert_eq!(scrambled.column_coherence, 0.5, "{:?}", scrambled.reasons);
        assert!(scrambled.reasons.iter().any(|r| r.contains("2014, 2012, 2015, 2012, 2016, 2017")));
        // As printed; a difference column after the years turns once ("2022 … 2028, 2023", wild
        // h2_08); a balance's two sides repeat one shape; pairs of one shape (wild j1_06).
        for years in [
            ["2012 (1)", "2012 (2)", "2012", "2013", "2014", "2015"],
            ["2022", "2023", "2024", "2025", "2026", "2023"],
            ["2020", "2019", "2020", "2019", "2020", "2019"],
            ["2025", "2024", "2026", "2025", "2027", "2026"],
            // Realisations, a base year and a target; two blocks of different lengths.
            ["2016", "2017", "2018", "2012", "2021", "2022"],
            ["2018", "2019", "2020", "2019", "2020", "2021"],
        ] {
            assert_eq!(headed(&years).score, 1.0, "{years:?}");
        }
    }

    #[test]
    fn an_empty_data_column_headed_by_the_code_word_halves_the_score() {
        // An RBV model template (wild page n1_07): the header "Art." over a data column that holds
        // nothing; the header was read one column off, and the rows with it.
        let rows = vec![
            Row::printed("Beleidsartikel 02", &["", "0"]),
            Row::printed("Niet-beleidsartikel", &["", "0"]),
        ];
        let mut empty_code_column = table(rows, 2);
        empty_code_column.columns[0].path = vec!["Art.".into(), "Uitgaven".into()];
        let confidence = confidence_of(empty_code_column);
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        assert!(confidence.reasons.iter().any(|r| r.contains("hold amounts or nothing")), "{confidence:?}");
    }

    #[test]
    fn amounts_under_the_code_word_and_a_year_halve_the_score() {
        // A Najaarsnota overview (2SUPP 2016 XV, round v page v1_03): headings "Uitgaven 2016"
        // and "Artikelnr. 2016", rows "Stand ontwerpbegroting 2016", "31.867.150", "alle", … read
        // with "Uitgaven 2016" over the labels and "Artikelnr. 2016" over the amounts.
        let rows = vec![
            Row::printed("Stand ontwerpbegroting 2016", &["31.867.150"]),
            Row::printed("1e suppletoire begroting", &["362.362"]),
            Row::printed("Vastgestelde begroting", &["32.229.512"]),
        ];
        let mut cut_off = table(rows, 1);
        cut_off.columns[0].path = vec!["Artikelnr. 2016".into()];
        let confidence = confidence_of(cut_off.clone());
        assert_eq!(confidence.column_coherence, 0.5, "{confidence:?}");
        // The same amounts under "Uitgaven 2016", or a code word beside words, are no sign.
        for heading in ["Uitgaven 2016", "Artikelnr. en omschrijving"] {
            let mut headed = cut_off.clone();
            headed.columns[0].path = vec![heading.into()];
            assert_eq!(confidence_of(headed).score, 1.0, "{heading}");
        }
    }

    #[test]
    fn group_rows_that_each_head_one_row_halve_the_score() {
        // A 2SUPP 2022 B corona table (wild page n2_02): its last column of Kamerstuk references
        // cut into rows of their own, each read as a group over the next measure.
        let reference = "Kamerstukken II 2020/21, 35420, nr. 207";
        let rows = vec![
            Row::printed("Bijzondere bijstand", &["15", "15"]),
            Row::printed(reference, &["", ""]),
            Row::printed("Gemeentelijk schuldenbeleid", &["30", "30"]),
            Row::printed(reference, &["", ""]),
            Row::printed("Re-integratie", &["15", "15"]),
        ];
        let confidence = confidence_of(table(rows, 2));
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        // Groups that open the table head their rows, even one each (indicators per sector).
        let rows = vec![
            Row::printed("Bedrijven", &["", ""]),
            Row::printed("Tijdig ontvangen", &["95,3%", "94,9%"]),
            Row::printed("Burgers", &["", ""]),
            Row::printed("Nalevingstekort", &["1,1%", "1,0%"]),
        ];
        assert_eq!(confidence_of(table(rows, 2)).score, 1.0);
        // A group over two rows is a group.
        let rows = vec![
            Row::printed("Apparaat", &["", ""]),
            Row::printed("Personeel", &["15", "15"]),
            Row::printed("Materieel", &["30", "30"]),
            Row::printed("Programma", &["", ""]),
            Row::printed("Subsidies", &["15", "15"]),
            Row::printed("Opdrachten", &["15", "15"]),
        ];
        assert_eq!(confidence_of(table(rows, 2)).score, 1.0);
    }

    #[test]
    fn groups_named_by_bare_codes_or_nearly_all_over_one_row_halve_the_score() {
        // The BZK saldibalans of JV 2012 (wild page s1_08, lines 15-35): every entry printed as
        // code, name and amount one to a line, debit and credit side by side; read as one column,
        // each code ("2)", "3)") became a group over the next name and its amount.
        let rows = vec![
            Row::printed("Uitgaven 2012:", &["5.028.288"]),
            Row::printed("2)", &[""]),
            Row::printed("Ontvangsten 2012:", &["701.140"]),
            Row::printed("3)", &[""]),
            Row::printed("Liquide middelen:", &["21.051"]),
            Row::printed("4a)", &[""]),
            Row::printed("Rekening-courant RHB Nationale Hypotheekgarantie:", &["50.000"]),
            Row::printed("", &["1.201.899"]),
        ];
        let confidence = confidence_of(table(rows, 1));
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        // Five groups named by words after a first data row: one over two rows makes a grouped
        // table; each over one row but the last, over none (cut off), does not (wild page t2_06).
        let grouped = |rows_under: [usize; 5]| {
            let mut rows = vec![Row::printed("Totaal", &["10", "20"])];
            for (group, under) in
                ["Personeel", "Materieel", "Huisvesting", "ICT", "Overig"].iter().zip(rows_under)
            {
                rows.push(Row::printed(group, &["", ""]));
                for _ in 0..under {
                    rows.push(Row::printed("R S", &["1", "2"]));
                }
            }
            confidence_of(table(rows, 2)).score
        };
        assert!(grouped([1, 1, 1, 1, 0]) < LOW_CONFIDENCE_THRESHOLD);
        assert_eq!(grouped([1, 1, 1, 1, 2]), 1.0);
        assert_eq!(grouped([2, 1, 1, 1, 1]), 1.0);
        // Groups named by years are groups.
        let rows = vec![
            Row::printed("Totaal", &["10", "20"]),
            Row::printed("2021", &["", ""]),
            Row::printed("Uitgaven", &["1", "2"]),
            Row::printed("Ontvangsten", &["1", "2"]),
            Row::printed("2022", &["", ""]),
            Row::printed("Uitgaven", &["1", "2"]),
            Row::printed("Ontvangsten", &["1", "2"]),
        ];
        assert_eq!(confidence_of(table(rows, 2)).score, 1.0);
    }

    #[test]
    fn a_row_read_into_the_header_halves_the_score() {
        let scored = |paths: Vec<Vec<&str>>| {
            let cells: Vec<&str> = vec!["12"; paths.len()];
            let mut table =
                table(vec![Row::printed("Politie", &cells), Row::printed("Justitie", &cells)], paths.len());
            for (column, path) in table.columns.iter_mut().zip(paths) {
                column.path = path.into_iter().map(String::from).collect();
            }
            confidence_of(table).score
        };
        // FJR 2015 (wild page t1_05): the first rows' figures in the headings.
        assert!(
            scored(vec![vec!["1 De Koning 40 41 1 2A Staten-Generaal 137 141 4"], vec!["FJR 2015"]]) < 0.75
        );
        // NGF projects (wild page t2_02): the next row's codes "1", "1" under two years.
        assert!(scored(vec![vec!["2030", "1"], vec!["2031", "1"]]) < 0.75);
        // Numbered columns, numbers restarting under a spanning top heading, brackets and
        // formulas are headings.
        assert_eq!(scored(vec![vec!["Realisatie", "1"], vec!["Raming", "2"]]), 1.0);
        assert_eq!(
            scored(vec![vec!["Verplichtingen", "1"], vec!["Verplichtingen", "2"], vec!["Uitgaven", "1"]]),
            1.0
        );
        assert_eq!(scored(vec![vec!["Schijf 2 € 73.031 - € 100.000"], vec!["Verschil 3 = 2 - 1"]]), 1.0);
        assert_eq!(
            scored(vec![vec!["Stand 1e suppletoire begroting 2023 (3)=(1+2)"], vec!["Verschil 2023"]]),
            1.0
        );
    }

    #[test]
    fn labels_read_as_data_make_a_mixed_column_and_a_low_score() {
        // An unheaded label column read as data: the labels sit in column 0 beside figures.
        let rows = vec![
            Row::printed("", &["Politie", "1.522"]),
            Row::printed("", &["Rechtspraak", "30"]),
            Row::printed("", &["1.230", "40"]),
        ];
        let mut tables = vec![table(rows, 2)];
        score_tables(&mut tables);
        let confidence = tables[0].confidence.clone().unwrap();
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        assert!(
            confidence.reasons.iter().any(|r| r.contains("mixes figures (1) and text (2)")),
            "{confidence:?}"
        );
        assert!(tables[0].rows[0].cells[1].flags.contains(&CellFlag::LowConfidence));
    }

    #[test]
    fn columns_left_without_a_header_beside_headed_ones_lower_the_score() {
        // A transposed table of officials read row-wise (wild page c4_02): one row of a
        // person's figures under a header that names two columns of six.
        let rows =
            vec![Row::printed("Bestuurslid", &["0,84", "128.129", "6.458", "13.561", "148.148", "149.520"])];
        let mut scrambled = table(rows.clone(), 6);
        for column in &mut scrambled.columns[..4] {
            column.path = vec![String::new()];
        }
        let confidence = score_table(&scrambled);
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        assert!(confidence.reasons.iter().any(|r| r.contains("4 of 6 data columns have no header")));
        // One unnamed column (notes after the figures) is fine.
        let mut one_unnamed = table(rows.clone(), 6);
        one_unnamed.columns[5].path = vec![String::new()];
        assert_eq!(score_table(&one_unnamed).score, 1.0);
    }

    #[test]
    fn a_table_heading_none_of_its_columns_is_doubtful() {
        // Rijksgebouwendienst 2015 (wild page c7_15): the header lines "Streefwaarde 2015",
        // "Realisatie 2015" were left above the table, whose two columns came out unnamed.
        let rows = vec![Row::printed("Gebruiksgraad monumenten", &["95%", "98%"])];
        let mut none_named = table(rows.clone(), 2);
        none_named.columns.iter_mut().for_each(|column| column.path = vec![String::new()]);
        let confidence = score_table(&none_named);
        assert!(confidence.score < LOW_CONFIDENCE_THRESHOLD, "{confidence:?}");
        assert!(confidence.reasons.iter().any(|r| r.contains("none of the 2 data columns has a header")));
        // A table of contents heads its page numbers or not, as it likes.
        let mut contents = none_named.clone();
        contents.kind = TableKind::Contents;
        assert_eq!(score_table(&contents).score, 1.0);
        // One unnamed column alone (a list of page numbers, a key and its value) is fine.
        let mut one_column = table(vec![Row::printed("Inleiding", &["5"])], 1);
        one_column.columns[0].path = vec![String::new()];
        assert_eq!(score_table(&one_column).score, 1.0);
    }

    #[test]
    fn a_short_number_read_as_text_counts_once() {
        // Fuzz input "2\n9": a cell cut off by the end of the input keeps its text "9" but is
        // not given a value; it must count once, as a short number, not as text and number both.
        let mut table = table(vec![Row::printed("", &["9"])], 1);
        table.rows[0].cells[0].value_kind = ValueKind::Text;
        let confidence = score_table(&table);
        assert_eq!(confidence.column_coherence, 1.0);
    }

    #[test]
    fn a_text_valued_table_is_coherent() {
        let rows =
            vec![Row::printed("Indicator A", &["CBS", "75%"]), Row::printed("Indicator B", &["RIVM", "80%"])];
        let mut tables = vec![table(rows, 2)];
        score_tables(&mut tables);
        assert_eq!(tables[0].confidence.as_ref().unwrap().column_coherence, 1.0);
    }

    #[test]
    fn column_numbers_may_repeat_under_a_spanning_header_and_restart_per_group() {
        // "(1)" printed once over Verplichtingen, Uitgaven and Ontvangsten repeats in each path.
        assert!(numbers_in_order(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(numbers_in_order(&[1, 2, 3, 1, 2, 3]));
        // Wild page c4_07 as read: (4) over the first column.
        assert!(!numbers_in_order(&[4, 1, 2, 3]));
        assert!(!numbers_in_order(&[4, 6, 2]));
        assert!(numbers_in_order(&[2, 1]), "two numbers say nothing");
    }

    #[test]
    fn amounts_are_told_from_article_codes() {
        // Wild page c3_11 (lines 20-58): amounts, and the codes of its "Artikelnr." column; "12.01"
        // is an article code as c7_20 prints it.
        for amount in ["32.421.680", "– 956.075", "28.800", "4.711"] {
            assert!(is_amount(amount), "{amount}");
        }
        for code in ["2", "99", "alle", "Div", "12.01"] {
            assert!(!is_amount(code), "{code}");
        }
    }

    #[test]
    fn an_unrecovered_table_scores_zero() {
        let unrecovered = Table { kind: TableKind::Unrecovered, ..Table::default() };
        assert_eq!(score_table(&unrecovered).score, 0.0);
    }
}
