//! Tables printed one after another under the same header, each under its own title: a reader
//! that sees no border between them rebuilds one long table, with the second title as a row of
//! its own and the header printed again below it (wild page f1_03, a Financieel Jaarverslag
//! annex: "DEFENSIEMATERIEELBEGROTINGSFONDS: UITGAVEN", its rows, then
//! "DEFENSIEMATERIEELBEGROTINGSFONDS: NIET-BELASTINGONTVANGSTEN" and "2021" again).
//!
//! The rule, the same for every format: a row that prints only a title, directly followed by a
//! header row printed again and by at least one more row, opens a new table. A title is printed in
//! capitals ("DEFENSIEMATERIEELBEGROTINGSFONDS: …"), opens with the same word as the first table's
//! title, or states a unit ("Inkomsten van het Rijk op EMU-basis in 2011 (in miljarden euro)": a
//! group row never does; wild page g1_07); a row label in ordinary case ("Ondermijning",
//! "Verplichtingen:") is a group whose rows continue on a new page under the header printed again,
//! and stays where it is, as does a header printed again with no title above it. The new table
//! takes the rows below the header and the header as printed there (the first table's columns where
//! it prints the same texts), and the unit its title states, else the unit of the first.
//!
//! When the first table's header paths all open with one and the same text in the title's style
//! that the repeated header does not print (only the bottom level comes back), that text stood
//! where the second table prints its title: it is the first table's title, not a header level.

use crate::error::Warning;
use crate::interpret::vocabulary::has_words;
use crate::interpret::{caption, vocabulary};
use crate::table::{Column, Row, RowKind, Table};

/// Splits every table at each titled repeat of its header, and moves the warnings of the rows
/// that moved along with them (and those of no row that point at a line of the new table).
/// Table indices are renumbered in print order.
pub fn split_at_titled_repeats(tables: &mut Vec<Table>, warnings: &mut [Warning]) {
    let mut position = 0;
    while position < tables.len() {
        if let Some(header_row) = titled_repeat(&tables[position]) {
            let second = split_off(&mut tables[position], header_row);
            let second_starts = second.lines.map(|(start, _)| start);
            for warning in warnings.iter_mut() {
                let location = &mut warning.location;
                match location.table_index {
                    Some(index) if index > position => location.table_index = Some(index + 1),
                    Some(index) if index == position => match location.row_index {
                        Some(row) if row + 1 >= header_row => {
                            location.table_index = Some(position + 1);
                            location.row_index = row.checked_sub(header_row + 1);
                        }
                        None if location
                            .line
                            .zip(second_starts)
                            .is_some_and(|(line, start)| line >= start) =>
                        {
                            location.table_index = Some(position + 1);
                        }
                        _ => {}
                    },
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

/// The index of the first repeated header row that has a title row directly above it and a row
/// below it.
fn titled_repeat(table: &Table) -> Option<usize> {
    (2..table.rows.len().saturating_sub(1))
        .find(|&row| is_repeated_header(table, &table.rows[row]) && is_title_row(table, &table.rows[row - 1]))
}

/// A header row printed again in the body: so marked by the reader, or a row without a label
/// whose every cell is a year (as normalization will mark it).
fn is_repeated_header(table: &Table, row: &Row) -> bool {
    match row.kind {
        RowKind::Header => true,
        RowKind::Data => {
            row.printed_label().is_empty()
                && row.cells.len() == table.columns.len()
                && row.cells.iter().all(|cell| vocabulary::is_year(&cell.text))
        }
        _ => false,
    }
}

/// A row that prints a title and nothing else (see the module doc).
fn is_title_row(table: &Table, row: &Row) -> bool {
    let label = row.printed_label();
    let first_title = table
        .title
        .as_deref()
        .or_else(|| table.columns.first().and_then(|column| column.path.first()).map(String::as_str));
    let same_first_word = first_title.zip(label.split_whitespace().next()).is_some_and(|(title, word)| {
        title.split_whitespace().next() == Some(word)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 4
    });
    matches!(row.kind, RowKind::Data | RowKind::Group)
        && !label.is_empty()
        && row.cells.iter().all(|cell| cell.text.is_empty())
        && (in_capitals(label) || same_first_word || title_with_unit(label))
}

/// A title that states its table's unit ("Inkomsten van het Rijk op EMU-basis in 2011 (in
/// miljarden euro)"): three words or more and a unit. A group row never states a unit; its rows
/// are in the table's.
fn title_with_unit(label: &str) -> bool {
    let (title, unit) = caption::split_unit(label);
    unit.is_some() && has_words(&title, 3)
}

/// A text printed in capitals: eight letters or more, none of them lower case.
fn in_capitals(text: &str) -> bool {
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    letters().count() >= 8 && letters().all(|c| !c.is_lowercase())
}

/// Cuts `table` before the title row above `header_row`, and returns the table the title opens.
fn split_off(table: &mut Table, header_row: usize) -> Table {
    let mut rows = table.rows.split_off(header_row - 1);
    let title_row = rows.remove(0);
    let repeated_header = rows.remove(0);
    let title_line = title_row.line;
    take_title_from_header_paths(table, &repeated_header, title_row.printed_label());
    let columns = columns_as_printed_again(table, &repeated_header);
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
    let (title, unit) = caption::split_unit(title_row.printed_label());
    let second = Table {
        index: table.index + 1,
        title: Some(title),
        section: table.section.clone(),
        kind: table.kind,
        stub_header: table.stub_header.clone(),
        stub_columns: table.stub_columns,
        unit: unit.or_else(|| table.unit.clone()),
        columns,
        notes,
        lines: title_line.zip(end),
        truncated: table.truncated,
        rows,
        ..Table::default()
    };
    if table.truncated {
        // The input ends inside the second table, not the first.
        table.truncated = false;
        for cell in table.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
            cell.flags.retain(|flag| *flag != crate::table::CellFlag::TruncatedTable);
        }
    }
    if let (Some((start, _)), Some(end)) = (table.lines, last_line(&table.rows)) {
        table.lines = Some((start, end));
    }
    second
}

/// The first table's title, where it stood as the top level of every header path (see the
/// module doc): taken out of the paths when the repeated header prints only the levels below and
/// the text is printed in the second title's style (capitals, or a colon, as that title has).
fn take_title_from_header_paths(table: &mut Table, repeated_header: &Row, second_title: &str) {
    let Some(top) = table.columns.first().and_then(|column| column.path.first()).cloned() else {
        return;
    };
    let every_column_opens_with_it =
        table.columns.iter().all(|column| column.path.len() >= 2 && column.path[0] == top);
    let repeat_lacks_it = repeated_header.cells.iter().all(|cell| cell.text != top);
    let style = |text: &str| (in_capitals(text), text.contains(':'));
    let titled_alike = style(&top) == style(second_title) && style(&top) != (false, false);
    if every_column_opens_with_it && repeat_lacks_it && titled_alike && table.title.is_none() {
        for column in &mut table.columns {
            column.path.remove(0);
        }
        table.title = Some(top);
    }
}

/// The second table's columns: the first table's where the repeat prints the same bottom level
/// for every column, else the repeat's own texts.
fn columns_as_printed_again(table: &Table, repeated_header: &Row) -> Vec<Column> {
    let printed: Vec<&str> = repeated_header.cells.iter().map(|cell| cell.text.as_str()).collect();
    let same_bottom = table.columns.len() == printed.len()
        && table
            .columns
            .iter()
            .zip(&printed)
            .all(|(column, text)| column.path.last().map(String::as_str) == Some(*text));
    if !same_bottom {
        return printed
            .iter()
            .map(|text| Column { path: vec![text.to_string()], ..Column::default() })
            .collect();
    }
    table.columns.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Location, WarningKind};

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
    fn the_second_table_keeps_the_unit_the_truncation_and_the_years_it_prints() {
        let mut table = two_funds_as_one();
        table.unit = Some("x € 1 mln".to_string());
        table.truncated = true;
        for cell in table.rows.iter_mut().flat_map(|row| row.cells.iter_mut()) {
            cell.flag(crate::table::CellFlag::TruncatedTable);
        }
        table.rows[3].cells[0].text = "2022".to_string();
        let mut tables = vec![table];
        let mut warnings = vec![
            Warning::new(
                WarningKind::TruncatedTable,
                Location { line: Some(150), table_index: Some(0), row_index: None, column_index: None },
                "ends at the end of the input",
            ),
            Warning::new(
                WarningKind::ColumnInferred,
                Location { line: Some(10), table_index: Some(0), row_index: Some(0), column_index: None },
                "row Stand Miljoenennota",
            ),
        ];
        split_at_titled_repeats(&mut tables, &mut warnings);
        assert_eq!(tables[1].unit.as_deref(), Some("x € 1 mln"));
        assert_eq!(tables[1].columns[0].path, ["2022"], "the years printed again, not the first table's");
        assert_eq!(tables[0].columns[0].path, ["2021"]);
        assert!(tables[1].truncated && !tables[0].truncated);
        assert!(tables[0].rows.iter().flat_map(|row| &row.cells).all(|cell| cell.flags.is_empty()));
        assert_eq!(warnings[0].location.table_index, Some(1), "the truncation is the second table's");
        assert_eq!((warnings[1].location.table_index, warnings[1].location.row_index), (Some(0), Some(0)));
    }

    #[test]
    fn a_group_above_a_header_printed_again_stays_in_its_table() {
        // A group row at the foot of a page, the header again at the top of the next.
        let mut table = two_funds_as_one();
        table.columns[0].path = vec!["Realisatie".to_string(), "2021".to_string()];
        table.rows[2].stub[0].text = "Ondermijning".to_string();
        let mut tables = vec![table];
        split_at_titled_repeats(&mut tables, &mut []);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].columns[0].path, ["Realisatie", "2021"]);
        // A title in capitals does split, but a measure word over the years stays a header level.
        let mut table = two_funds_as_one();
        table.columns[0].path = vec!["Realisatie".to_string(), "2021".to_string()];
        let mut tables = vec![table];
        split_at_titled_repeats(&mut tables, &mut []);
        assert_eq!(tables.len(), 2);
        assert_eq!((tables[0].title.as_deref(), tables[0].columns[0].path.len()), (None, 2));
        assert_eq!(tables[1].columns[0].path, ["Realisatie", "2021"], "the same layout, continued");
        // A header printed again as the last row opens no empty table.
        let mut table = two_funds_as_one();
        table.rows.truncate(4);
        let mut tables = vec![table];
        split_at_titled_repeats(&mut tables, &mut []);
        assert_eq!(tables.len(), 1);
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
