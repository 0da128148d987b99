//! The built-in consistency rules. Each has a stable name and a severity, and every finding
//! names its place.
//!
//! | rule | severity | what it checks |
//! |---|---|---|
//! | `totals` | warning | a total row equals the sum of the rows it totals |
//! | `waarvan` | warning | a "waarvan" value does not exceed its parent's |
//! | `footnotes` | warning | every footnote marker resolves to a note |
//! | `placement` | error | no cell is `column_inferred` unless an override settled it |
//! | `values` | error | no unreadable text in a column of numbers |
//! | `keys` | warning | no two cells share (table, group, parent, row label, column header) |
//! | `years` | error | year headers lie within 15 years of the document's year |
//! | `coverage` | error | every printed figure landed in a cell: no `table_not_read` or `figure_not_read` warning |
//! | `confidence` | warning | no table's structure confidence is below the `low_confidence` threshold |
//!
//! `totals` and `waarvan` find inconsistencies the source itself may hold (the cells were read as
//! printed), so they are warnings; the others point at extraction problems.

use crate::check::{Finding, Severity};
use crate::error::{Location, WarningKind};
use crate::interpret::confidence::LOW_CONFIDENCE_THRESHOLD;
use crate::normalize::number::{parse_dutch_number, printed_decimals};
use crate::pipeline::Document;
use crate::table::{CellFlag, RowKind, Table, TableKind, ValueKind};

/// Runs every rule on one document.
pub fn check_document(document: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for table in document.tables.iter().filter(|table| table.kind == TableKind::Budget) {
        findings.extend(check_totals(document, table));
        findings.extend(check_waarvan(document, table));
        findings.extend(check_footnotes(document, table));
        findings.extend(check_placement(document, table));
        findings.extend(check_values(document, table));
        findings.extend(check_keys(document, table));
        findings.extend(check_years(document, table));
        findings.extend(check_confidence(document, table));
    }
    findings.extend(check_coverage(document));
    findings
}

/// Coverage: a figure the source prints that no table holds is an extraction failure, whatever
/// else passed (see [`crate::interpret::coverage`]).
pub fn check_coverage(document: &Document) -> Vec<Finding> {
    document
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::TableNotRead | WarningKind::FigureNotRead))
        .map(|w| Finding::new("coverage", Severity::Error, document, w.location.clone(), w.message.clone()))
        .collect()
}

/// Confidence: a table scored below [`LOW_CONFIDENCE_THRESHOLD`] wants a person's look; the
/// finding gives the score and its reasons.
pub fn check_confidence(document: &Document, table: &Table) -> Vec<Finding> {
    let Some(confidence) = &table.confidence else { return Vec::new() };
    if !confidence.is_low() {
        return Vec::new();
    }
    vec![Finding::new(
        "confidence",
        Severity::Warning,
        document,
        Location::table(table.index, table.lines.map(|(first, _)| first)),
        format!(
            "structure confidence {:.2} is below {LOW_CONFIDENCE_THRESHOLD}: {}; its cells are flagged low_confidence",
            confidence.score,
            confidence.reasons.join("; ")
        ),
    )]
}

fn cell_location(table: &Table, row_index: usize, column_index: usize) -> Location {
    let row = &table.rows[row_index];
    let line = row.cells.get(column_index).and_then(|cell| cell.line).or(row.line);
    Location::table(table.index, line).with_row(row_index).with_column(column_index)
}

fn column_name(table: &Table, column_index: usize) -> String {
    table.columns.get(column_index).map(|c| c.header()).unwrap_or_else(|| format!("column {column_index}"))
}

fn row_name(table: &Table, row_index: usize) -> String {
    let label = &table.rows[row_index].label;
    if label.is_empty() { format!("row {row_index} (no label)") } else { format!("\"{label}\"") }
}

/// True when the unit says the figures are rounded (thousands, millions, billions).
fn unit_is_rounded(unit: Option<&str>) -> bool {
    let unit = unit.unwrap_or_default().to_lowercase();
    ["1.000", "1 000", "mln", "mld", "miljoen", "miljard", "duizend"].iter().any(|word| unit.contains(word))
}

/// The numeric value a part contributes to a sum: numbers as printed, empty and nil as 0;
/// `None` for text, pm and n.v.t. (the sum cannot be checked then).
fn summable(kind: ValueKind, value: Option<f64>) -> Option<f64> {
    match kind {
        ValueKind::Number => value,
        ValueKind::Empty | ValueKind::Nil => Some(0.0),
        _ => None,
    }
}

/// Totals. Steps, in this order, for each total row and each column:
/// 1. the candidate parts are (a) the data rows since the last group row, spacer or total row;
///    (b) the data rows since the previous total row, across groups; (c) all data rows of the
///    table above it; (d) the total rows above it (a grand total of subtotals); (e) the data rows
///    below it up to the next group row, spacer or total row (a total printed above its parts,
///    as the Miljoenennota does). "Waarvan" rows are never parts; a candidate of one row may show
///    a total consistent (a subtotal of one row) but never inconsistent (one row "totalling"
///    another says nothing about a sum);
/// 2. a column is checked only when the total is a number and some part is a number; empty and
///    nil parts count as 0; a part printed as text, pm or n.v.t. skips that candidate;
/// 3. the tolerance is the rounding of every printed figure: half a unit of the last printed
///    decimal per figure when the figures have decimals or the unit is thousands or millions
///    (the parts were rounded before they were added), else 0 (exact counts);
/// 4. the total is consistent when any candidate sums to it within the tolerance; otherwise one
///    finding names the first candidate that could be summed, and its sum.
///
/// Known limits: a total of rows that are neither contiguous, nor a whole group, nor all rows
/// above (a total of two rows skipping one), and a total over nested groups whose group rows
/// carry their own subtotals, are reported although the source may be right.
pub fn check_totals(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut segment: Vec<usize> = Vec::new();
    let mut since_total: Vec<usize> = Vec::new();
    let mut all_data: Vec<usize> = Vec::new();
    let mut previous_totals: Vec<usize> = Vec::new();
    for (row_index, row) in table.rows.iter().enumerate() {
        match row.kind {
            RowKind::Group | RowKind::Spacer => segment.clear(),
            RowKind::Data => {
                segment.push(row_index);
                since_total.push(row_index);
                all_data.push(row_index);
            }
            RowKind::Total => {
                let below = data_rows_below(table, row_index);
                let candidates =
                    [segment.clone(), since_total.clone(), all_data.clone(), previous_totals.clone(), below];
                for column_index in 0..table.columns.len() {
                    if let Some(finding) =
                        check_total_cell(document, table, row_index, column_index, &candidates)
                    {
                        findings.push(finding);
                    }
                }
                previous_totals.push(row_index);
                segment.clear();
                since_total.clear();
            }
            RowKind::Waarvan | RowKind::Header | RowKind::Footnote => {}
        }
    }
    findings
}

/// The data rows right below a total, up to the next group row, spacer, total or the table's end.
fn data_rows_below(table: &Table, row_index: usize) -> Vec<usize> {
    let mut below = Vec::new();
    for (index, row) in table.rows.iter().enumerate().skip(row_index + 1) {
        match row.kind {
            RowKind::Data => below.push(index),
            RowKind::Waarvan | RowKind::Footnote => {}
            RowKind::Group | RowKind::Spacer | RowKind::Total | RowKind::Header => break,
        }
    }
    below
}

fn check_total_cell(
    document: &Document,
    table: &Table,
    row_index: usize,
    column_index: usize,
    candidates: &[Vec<usize>],
) -> Option<Finding> {
    let total_cell = &table.rows[row_index].cells[column_index];
    if total_cell.value_kind != ValueKind::Number {
        return None;
    }
    let total = total_cell.value?;
    let mut first_failure: Option<(Vec<usize>, f64, f64)> = None;
    for parts in candidates.iter().filter(|parts| !parts.is_empty()) {
        let cells: Vec<_> = parts.iter().map(|&index| &table.rows[index].cells[column_index]).collect();
        if !cells.iter().any(|cell| cell.value_kind == ValueKind::Number) {
            continue;
        }
        let Some(values) =
            cells.iter().map(|cell| summable(cell.value_kind, cell.value)).collect::<Option<Vec<f64>>>()
        else {
            continue;
        };
        let sum: f64 = values.iter().sum();
        let decimals = cells
            .iter()
            .map(|cell| printed_decimals(&cell.text))
            .chain([printed_decimals(&total_cell.text)])
            .max()
            .unwrap_or(0);
        let rounded = decimals > 0 || unit_is_rounded(table.unit.as_deref());
        let step = 10f64.powi(-(decimals as i32));
        let tolerance = if rounded { 0.5 * step * (values.len() + 1) as f64 } else { 0.0 };
        if (total - sum).abs() <= tolerance + 1e-9 * total.abs().max(1.0) {
            return None;
        }
        if first_failure.is_none() && parts.len() >= 2 {
            first_failure = Some((parts.clone(), sum, tolerance));
        }
    }
    let (parts, sum, tolerance) = first_failure?;
    let printed: Vec<String> = parts
        .iter()
        .map(|&index| {
            let text = &table.rows[index].cells[column_index].text;
            if text.is_empty() { "0".to_string() } else { text.clone() }
        })
        .collect();
    let inferred = parts
        .iter()
        .chain([&row_index])
        .any(|&index| table.rows[index].cells[column_index].flags.contains(&CellFlag::ColumnInferred));
    let cause = if inferred {
        "Some of these cells were placed in their column by inference (column_inferred): settle them with an overrides file before trusting this finding."
    } else {
        "The cells were read exactly as printed, so this is an inconsistency in the source document itself, not an extraction error."
    };
    let tolerance_text = if tolerance > 0.0 {
        format!("allowing {} for the rounding of the printed figures", trim_number(tolerance))
    } else {
        "the figures are whole counts, so no rounding difference is allowed".to_string()
    };
    Some(Finding::new(
        "totals",
        Severity::Warning,
        document,
        cell_location(table, row_index, column_index),
        format!(
            "total row {} in column \"{}\" is printed as {}, but the {} rows it totals sum to {} ({}); a difference of {} ({}). {}",
            row_name(table, row_index),
            column_name(table, column_index),
            table.rows[row_index].cells[column_index].text,
            parts.len(),
            trim_number(sum),
            printed.join(" + "),
            trim_number((total - sum).abs()),
            tolerance_text,
            cause
        ),
    ))
}

/// A number without trailing zeros ("442", "0.15").
fn trim_number(value: f64) -> String {
    let text = format!("{value:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Waarvan: a part never exceeds its parent, where both are non-negative numbers of the same kind.
pub fn check_waarvan(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (row_index, row) in table.rows.iter().enumerate() {
        let (RowKind::Waarvan, Some(parent_index)) = (row.kind, row.parent_row_index) else { continue };
        let Some(parent) = table.rows.get(parent_index) else { continue };
        for (column_index, (cell, parent_cell)) in row.cells.iter().zip(&parent.cells).enumerate() {
            let (Some(value), Some(parent_value)) = (cell.value, parent_cell.value) else { continue };
            if cell.value_kind != parent_cell.value_kind || value < 0.0 || parent_value < 0.0 {
                continue;
            }
            if value > parent_value {
                findings.push(Finding::new(
                    "waarvan",
                    Severity::Warning,
                    document,
                    cell_location(table, row_index, column_index),
                    format!(
                        "\"waarvan\" row {} in column \"{}\" is {}, more than its parent row {} ({})",
                        row_name(table, row_index),
                        column_name(table, column_index),
                        cell.text,
                        row_name(table, parent_index),
                        parent_cell.text
                    ),
                ));
            }
        }
    }
    findings
}

/// Footnotes: every marker on a row, column or cell has a note printed with the table.
pub fn check_footnotes(document: &Document, table: &Table) -> Vec<Finding> {
    let has_note = |marker: &str| table.notes.iter().any(|note| note.marker == marker);
    let mut findings = Vec::new();
    for marker in table.caption_markers.iter().filter(|m| !has_note(m)) {
        findings.push(Finding::new(
            "footnotes",
            Severity::Warning,
            document,
            Location::table(table.index, table.lines.map(|(first, _)| first)),
            format!(
                "the caption carries footnote marker \"{marker}\", but the table prints no note \"{marker}\""
            ),
        ));
    }
    for (column_index, column) in table.columns.iter().enumerate() {
        for marker in column.markers.iter().filter(|m| !has_note(m)) {
            findings.push(Finding::new(
                "footnotes",
                Severity::Warning,
                document,
                Location::table(table.index, None).with_column(column_index),
                format!("column \"{}\" carries footnote marker \"{marker}\", but the table prints no note \"{marker}\"", column.header()),
            ));
        }
    }
    for (row_index, row) in table.rows.iter().enumerate() {
        for marker in row.markers.iter().filter(|m| !has_note(m)) {
            findings.push(Finding::new(
                "footnotes",
                Severity::Warning,
                document,
                Location::table(table.index, row.line).with_row(row_index),
                format!(
                    "row {} carries footnote marker \"{marker}\", but the table prints no note \"{marker}\"",
                    row_name(table, row_index)
                ),
            ));
        }
        for (column_index, cell) in row.cells.iter().enumerate() {
            for marker in cell.markers.iter().filter(|m| !has_note(m)) {
                findings.push(Finding::new(
                    "footnotes",
                    Severity::Warning,
                    document,
                    cell_location(table, row_index, column_index),
                    format!(
                        "cell \"{}\" of row {} carries footnote marker \"{marker}\", but the table prints no note \"{marker}\"",
                        cell.text,
                        row_name(table, row_index)
                    ),
                ));
            }
        }
    }
    findings
}

/// Placement: one finding per row whose cells were placed by inference and not overridden.
pub fn check_placement(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (row_index, row) in table.rows.iter().enumerate() {
        if row.cells.iter().any(|cell| cell.flags.contains(&CellFlag::ColumnInferred)) {
            let surviving = match &row.placement {
                crate::table::Placement::Inferred { surviving, rule } => {
                    format!(" Surviving cells: [{}]; placed by the rule: {rule}.", surviving.join(", "))
                }
                _ => String::new(),
            };
            findings.push(Finding::new(
                "placement",
                Severity::Error,
                document,
                Location::table(table.index, row.line).with_row(row_index),
                format!(
                    "row {} has fewer printed cells than the table has columns, and the source does not say which columns they belong to.{surviving} Settle it with an overrides entry (docs/overrides.md).",
                    row_name(table, row_index)
                ),
            ));
        }
    }
    findings
}

/// Values: a cell printed as text in a column where every other cell of the data rows is a number
/// (at least three of them) is probably misread. Cells already flagged `cut_cell` are skipped.
pub fn check_values(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for column_index in 0..table.columns.len() {
        let cells: Vec<(usize, &crate::table::Cell)> = table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.kind.carries_data())
            .filter_map(|(index, row)| row.cells.get(column_index).map(|cell| (index, cell)))
            .filter(|(_, cell)| cell.value_kind != ValueKind::Empty)
            .collect();
        let numbers = cells
            .iter()
            .filter(|(_, c)| matches!(c.value_kind, ValueKind::Number | ValueKind::Percent))
            .count();
        let texts: Vec<_> = cells
            .iter()
            .filter(|(_, c)| c.value_kind == ValueKind::Text && !c.flags.contains(&CellFlag::CutCell))
            .collect();
        if numbers >= 3 && texts.len() == 1 {
            let (row_index, cell) = texts[0];
            let near = parse_dutch_number(&cell.text.replace(' ', ""));
            let hint =
                if near.value.is_some() { " (it reads as a number once its spaces are removed)" } else { "" };
            findings.push(Finding::new(
                "values",
                Severity::Error,
                document,
                cell_location(table, *row_index, column_index),
                format!(
                    "cell \"{}\" of row {} is not a readable number, while the other {numbers} cells of column \"{}\" are{hint}",
                    cell.text,
                    row_name(table, *row_index),
                    column_name(table, column_index)
                ),
            ));
        }
    }
    findings
}

/// Keys: consumers join on (table, group, parent label, row label, column header); two cells with
/// the same key are reported once per duplicate row, and two columns with the same header once.
pub fn check_keys(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen_columns = std::collections::BTreeMap::new();
    for (column_index, column) in table.columns.iter().enumerate() {
        if let Some(first) = seen_columns.insert(column.header(), column_index) {
            findings.push(Finding::new(
                "keys",
                Severity::Warning,
                document,
                Location::table(table.index, None).with_column(column_index),
                format!("columns {first} and {column_index} have the same header \"{}\"", column.header()),
            ));
        }
    }
    let mut seen_rows = std::collections::BTreeMap::new();
    for (row_index, row) in table.rows.iter().enumerate().filter(|(_, row)| row.kind.carries_data()) {
        let parent = row.parent_row_index.map(|index| table.rows[index].label.clone());
        let key = (row.group.clone(), parent, row.label.clone(), row.code.clone());
        if let Some(first) = seen_rows.insert(key, row_index) {
            findings.push(Finding::new(
                "keys",
                Severity::Warning,
                document,
                Location::table(table.index, row.line).with_row(row_index),
                format!(
                    "row {} repeats row {first} under the same group and parent: joining on labels gives two values per column",
                    row_name(table, row_index)
                ),
            ));
        }
    }
    findings
}

/// Years: a column year must lie between 1990 and 2100, and within 15 years before and 15 after
/// the document's own year when that is known (multi-year estimates of the funds reach 14 years
/// ahead).
pub fn check_years(document: &Document, table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (column_index, column) in table.columns.iter().enumerate() {
        let Some(year) = column.year() else { continue };
        let plausible = match document.meta.year {
            Some(document_year) => (document_year - 15..=document_year + 15).contains(&year),
            None => (1990..=2100).contains(&year),
        };
        if !plausible {
            findings.push(Finding::new(
                "years",
                Severity::Error,
                document,
                Location::table(table.index, None).with_column(column_index),
                format!(
                    "column \"{}\" names the year {year}, implausible for a document of {}",
                    column.header(),
                    document.meta.year.map_or("unknown year".to_string(), |y| y.to_string())
                ),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::DocMeta;
    use crate::source::SourceFormat;
    use crate::table::{Column, Row};

    fn row(label: &str, cells: &[&str]) -> Row {
        Row::printed(label, cells)
    }

    fn document(rows: Vec<Row>, unit: Option<&str>) -> Document {
        let mut table = Table {
            unit: unit.map(str::to_string),
            columns: ["Realisatie 2019", "Realisatie 2020", "Norm 2021"]
                .iter()
                .map(|h| Column { path: h.split(' ').map(str::to_string).collect(), ..Column::default() })
                .collect(),
            rows,
            ..Table::default()
        };
        crate::normalize::rows::normalize_tables(std::slice::from_mut(&mut table));
        Document {
            doc_id: "seed".into(),
            sha256: String::new(),
            source: "seed.txt".into(),
            url: None,
            format: SourceFormat::Text,
            encoding: "utf-8".into(),
            meta: DocMeta { year: Some(2022), ..DocMeta::default() },
            tables: vec![table],
            warnings: Vec::new(),
        }
    }

    /// The seed's "Online seksueel kindermisbruik" group: Totale inzet 2020 is printed 478 while
    /// its parts sum to 442 (113 + 14 + 315).
    #[test]
    fn seed_totale_inzet_2020_is_the_one_inconsistency() {
        let document = document(
            vec![
                row("Online seksueel kindermisbruik", &["", "", ""]),
                row("Inzet gericht op misbruikers / vervaardigers", &["193", "113", "100"]),
                row("Inzet gericht op keyplayers (/ netwerken)", &["15", "14", "15"]),
                row("Inzet gericht op bezitters / verspreiders", &["632", "315", "400"]),
                row("Totale inzet", &["840", "478", "515"]),
            ],
            None,
        );
        let findings = check_totals(&document, &document.tables[0]);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].location.row_index, Some(4));
        assert_eq!(findings[0].location.column_index, Some(1));
        assert!(findings[0].message.contains("printed as 478"));
        assert!(findings[0].message.contains("sum to 442 (113 + 14 + 315)"));
        assert!(findings[0].message.contains("inconsistency in the source document itself"));
    }

    #[test]
    fn totals_skip_waarvan_rows_and_allow_rounding() {
        let exact = document(
            vec![
                row("Cybercrime", &["", "", ""]),
                row("Aantal cybercrime regulier", &["381", "468", "310"]),
                row("wrv alternatieve of aanvullende interventies", &["36", "38", "77"]),
                row("Aantal fenomeenonderzoeken", &["21", "39", "41"]),
                row("Aantal high tech crime onderzoeken", &["19", "12", "20"]),
                row("Totaal aantal onderzoeken", &["421", "519", "371"]),
            ],
            None,
        );
        assert!(check_totals(&exact, &exact.tables[0]).is_empty());
        let rounded = document(
            vec![
                row("a", &["1,4", "0", "0"]),
                row("b", &["1,4", "0", "0"]),
                row("Totaal", &["2,9", "0", "0"]),
            ],
            Some("in mln. euro"),
        );
        assert!(check_totals(&rounded, &rounded.tables[0]).is_empty(), "2.8 vs 2.9 is within rounding");
        let millions = document(
            vec![row("a", &["14", "0", "0"]), row("b", &["14", "0", "0"]), row("Totaal", &["29", "0", "0"])],
            Some("x € 1 mln"),
        );
        assert!(check_totals(&millions, &millions.tables[0]).is_empty(), "whole millions are rounded too");
        let counts = document(
            vec![row("a", &["14", "0", "0"]), row("b", &["14", "0", "0"]), row("Totaal", &["29", "0", "0"])],
            None,
        );
        assert_eq!(check_totals(&counts, &counts.tables[0]).len(), 1, "exact counts allow no difference");
        let grand = document(
            vec![
                row("a", &["1", "1", "1"]),
                row("Subtotaal", &["1", "1", "1"]),
                row("", &["", "", ""]),
                row("b", &["2", "2", "2"]),
                row("Subtotaal", &["2", "2", "2"]),
                row("Totaal", &["3", "3", "3"]),
            ],
            None,
        );
        assert!(check_totals(&grand, &grand.tables[0]).is_empty(), "a grand total of subtotals holds");
    }

    #[test]
    fn waarvan_values_and_years() {
        let document = document(
            vec![
                row("Uitgaven", &["10", "10", "10"]),
                row("waarvan apparaat", &["4", "12", "10"]),
                row("Rente", &["1", "x", "2"]),
            ],
            None,
        );
        let table = &document.tables[0];
        let waarvan = check_waarvan(&document, table);
        assert_eq!(waarvan.len(), 1);
        assert_eq!(waarvan[0].location.column_index, Some(1));
        let values = check_values(&document, table);
        assert!(values.is_empty(), "only two other numbers in that column: {values:?}");
        let mut old = document.clone();
        old.meta.year = Some(2045);
        assert_eq!(check_years(&old, &old.tables[0]).len(), 3);
        assert!(check_years(&document, table).is_empty());
    }
}
