//! Tables printed one after another under the same header, each under its own title: a reader
//! that sees no border between them rebuilds one long table, with the second title as a row of
//! its own and the header printed again below it (wild page f1_03, a Financieel Jaarverslag
//! annex: "DEFENSIEMATERIEELBEGROTINGSFONDS: UITGAVEN", its rows, then
//! "DEFENSIEMATERIEELBEGROTINGSFONDS: NIET-BELASTINGONTVANGSTEN" and "2021" again).
//!
//! The rule, the same for every format: a row that prints only a label, directly followed by a
//! repeated header row, is the title of a new table. The rows below the header are that table's;
//! it keeps the columns. A header printed again on its own (a table continued on a new page) has
//! no title row above it and stays where it is.
//!
//! When the first table's header paths all open with one and the same text that the repeated
//! header does not print (only the bottom level comes back), that text stood where the second
//! table prints its title: it is the first table's title, not a header level.

use crate::error::Warning;
use crate::interpret::vocabulary;
use crate::table::{Row, RowKind, Table};

/// Splits every table at each titled repeat of its header, and moves the warnings of the rows
/// that moved along with them. Table indices are renumbered in print order.
pub fn split_at_titled_repeats(tables: &mut Vec<Table>, warnings: &mut [Warning]) {
    let mut position = 0;
    while position < tables.len() {
        if let Some(header_row) = titled_repeat(&tables[position]) {
            let second = split_off(&mut tables[position], header_row);
            for warning in warnings.iter_mut() {
                let location = &mut warning.location;
                match location.table_index {
                    Some(index) if index > position => location.table_index = Some(index + 1),
                    Some(index) if index == position => {
                        if let Some(row) = location.row_index.filter(|&row| row + 1 >= header_row) {
                            location.table_index = Some(position + 1);
                            location.row_index = row.checked_sub(header_row + 1);
                        }
                    }
                    _ => {}
                }
            }
            tables.insert(position + 1, second);
        }
        position += 1;
    }
    for (index, table) in tables.iter_mut().enumerate() {
        table.index = index;
    }
}

/// The index of the first repeated header row that has a title row directly above it.
fn titled_repeat(table: &Table) -> Option<usize> {
    (2..table.rows.len())
        .find(|&row| is_repeated_header(&table.rows[row]) && is_title_row(&table.rows[row - 1]))
}

/// A header row printed again in the body: so marked by the reader, or a row of years without a
/// label (as normalization will mark it).
fn is_repeated_header(row: &Row) -> bool {
    let mut printed =
        row.cells.iter().map(|cell| cell.text.as_str()).filter(|text| !text.is_empty()).peekable();
    row.kind == RowKind::Header
        || (row.printed_label().is_empty() && printed.peek().is_some() && printed.all(vocabulary::is_year))
}

/// A row that prints a label and nothing else.
fn is_title_row(row: &Row) -> bool {
    matches!(row.kind, RowKind::Data | RowKind::Group)
        && !row.printed_label().is_empty()
        && row.cells.iter().all(|cell| cell.text.is_empty())
}

/// Cuts `table` before the title row above `header_row`, and returns the table the title opens.
fn split_off(table: &mut Table, header_row: usize) -> Table {
    let mut rows = table.rows.split_off(header_row - 1);
    let title_row = rows.remove(0);
    let repeated_header = rows.remove(0);
    let title_line = title_row.line;
    take_title_from_header_paths(table, &repeated_header);
    let notes = match title_line {
        Some(line) => {
            let (above, below): (Vec<_>, Vec<_>) = std::mem::take(&mut table.notes)
                .into_iter()
                .partition(|note| note.line.is_none_or(|l| l < line));
            table.notes = above;
            below
        }
        None => Vec::new(),
    };
    let last_line = |rows: &[Row]| rows.iter().rev().find_map(|row| row.line);
    let end = table.lines.map(|(_, end)| end);
    let second = Table {
        index: table.index + 1,
        title: Some(title_row.printed_label().to_string()),
        section: table.section.clone(),
        kind: table.kind,
        stub_header: table.stub_header.clone(),
        stub_columns: table.stub_columns,
        columns: table.columns.iter().map(|column| column_without_top(column, &repeated_header)).collect(),
        notes,
        lines: title_line.zip(end),
        truncated: table.truncated,
        rows,
        ..Table::default()
    };
    table.truncated = false;
    if let (Some((start, _)), Some(end)) = (table.lines, last_line(&table.rows)) {
        table.lines = Some((start, end));
    }
    second
}

/// The first table's title, where it stood as the top level of every header path (see the
/// module doc): taken out of the paths when the repeated header prints only the levels below.
fn take_title_from_header_paths(table: &mut Table, repeated_header: &Row) {
    let Some(top) = table.columns.first().and_then(|column| column.path.first()).cloned() else {
        return;
    };
    let every_column_opens_with_it =
        table.columns.iter().all(|column| column.path.len() >= 2 && column.path[0] == top);
    let repeat_lacks_it = repeated_header.cells.iter().all(|cell| cell.text != top);
    if every_column_opens_with_it && repeat_lacks_it && table.title.is_none() {
        for column in &mut table.columns {
            column.path.remove(0);
        }
        table.title = Some(top);
    }
}

/// A column of the second table: the first table's, less a top level its repeated header does
/// not print.
fn column_without_top(column: &crate::table::Column, repeated_header: &Row) -> crate::table::Column {
    let mut column = column.clone();
    let printed: Vec<&str> = repeated_header.cells.iter().map(|cell| cell.text.as_str()).collect();
    while column.path.len() >= 2 && !printed.contains(&column.path[0].as_str()) {
        column.path.remove(0);
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Location, WarningKind};
    use crate::table::Column;

    /// Wild page f1_03's two tables as one, the way the text reader first rebuilt them.
    fn two_funds_as_one() -> Table {
        let caption = "DEFENSIEMATERIEELBEGROTINGSFONDS: UITGAVEN";
        let mut rows = vec![
            Row::printed("Stand Miljoenennota 2021 (excl. IS)", &["4.610,30"]),
            Row::printed("Stand Financieel Jaarverslag van het Rijk 2021", &["4.607,00"]),
            Row::printed("DEFENSIEMATERIEELBEGROTINGSFONDS: NIET-BELASTINGONTVANGSTEN", &[""]),
            Row::printed("", &["2021"]),
            Row::printed("Diversen", &["5,2"]),
        ];
        for (row, line) in rows.iter_mut().zip([10, 128, 132, 135, 150]) {
            row.line = Some(line);
        }
        Table {
            columns: vec![Column {
                path: vec![caption.to_string(), "2021".to_string()],
                ..Column::default()
            }],
            stub_columns: 1,
            rows,
            lines: Some((5, 150)),
            ..Table::default()
        }
    }

    #[test]
    fn a_title_row_above_a_repeated_header_opens_a_new_table() {
        let mut tables = vec![two_funds_as_one()];
        let mut warnings = vec![Warning::new(
            WarningKind::ColumnInferred,
            Location { line: Some(150), table_index: Some(0), row_index: Some(4), column_index: None },
            "row Diversen",
        )];
        split_at_titled_repeats(&mut tables, &mut warnings);
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].title.as_deref(), Some("DEFENSIEMATERIEELBEGROTINGSFONDS: UITGAVEN"));
        assert_eq!(tables[0].columns[0].path, ["2021"]);
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[0].lines, Some((5, 128)));
        assert_eq!(
            tables[1].title.as_deref(),
            Some("DEFENSIEMATERIEELBEGROTINGSFONDS: NIET-BELASTINGONTVANGSTEN")
        );
        assert_eq!(tables[1].columns[0].path, ["2021"]);
        assert_eq!((tables[1].index, tables[1].lines), (1, Some((132, 150))));
        assert_eq!(tables[1].rows[0].cells[0].text, "5,2");
        assert_eq!((warnings[0].location.table_index, warnings[0].location.row_index), (Some(1), Some(0)));
    }

    #[test]
    fn a_header_repeated_without_a_title_continues_the_table() {
        let mut table = two_funds_as_one();
        table.rows[2].cells[0].text = "12,0".to_string();
        let mut tables = vec![table];
        split_at_titled_repeats(&mut tables, &mut []);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].columns[0].path.len(), 2, "nothing says the top level is a title");
    }
}
