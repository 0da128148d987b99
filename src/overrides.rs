//! Overrides: a person's settled placement of cells a reader could only infer.
//!
//! When fewer cells of a row survive than its table has columns and nothing in the text decides
//! where they go, the reader places them by a documented rule and flags them `column_inferred`.
//! A person who knows the true placement (from another publication, say) writes it in an
//! overrides file; this stage re-places the row's printed cells accordingly. It never invents
//! text: the cells keep their printed text, markers and source line, only their columns change.
//!
//! The file is JSON (described in `docs/overrides.md`):
//!
//! ```json
//! { "overrides": [
//!   { "document": "veiligheidsagenda-owb-2022-VI", "table": "2",
//!     "row": "Conservatoir beslag (in mln. euro’s)", "cells": ["", "", "180", ""],
//!     "why": "the prose above the table sets the 180 mln target from 2021" } ] }
//! ```
//!
//! Matching, in this order:
//! - **document**: with extensions ignored, the entry's `document` and the document id are equal,
//!   or one is a path suffix of the other made of whole folder names (case counts); so
//!   `veiligheidsagenda-owb-2022-VI` and `fixtures/text/veiligheidsagenda-owb-2022-VI.txt` both
//!   match the document with id `text/veiligheidsagenda-owb-2022-VI.txt` (found under
//!   `fixtures`). An entry that names no document of the run gives an `unused_override` warning
//!   too ([`entries_matching_no_document`]).
//! - **table**: `"#N"` is the table index (from 0); otherwise the table's number ("2", "1.1"),
//!   else its title (case and spacing ignored).
//! - **row**: the row label with footnote markers removed (the stage runs after footnote
//!   splitting): the last non-empty stub cell. `occurrence` (from 1) picks one of several rows
//!   with the same label.
//! - **cells**: one text per data column; the non-empty ones must be exactly the row's printed
//!   non-empty cells in the same order, or the entry is not applied.
//!
//! An entry of this document that matches no row gives an `unused_override` warning.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Location, Warning, WarningKind};
use crate::normalize::collapse_whitespace;
use crate::table::{Cell, CellFlag, Placement, Row, Table};

/// One override: the true cells of one row of one table of one document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideEntry {
    /// The document: an id, a path suffix or a file stem (see the module doc).
    pub document: String,
    /// The table: "#N" for the index, else the number, else the title.
    pub table: String,
    /// The row label, footnote markers removed.
    pub row: String,
    /// Which row with this label, from 1, when the label repeats.
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub occurrence: usize,
    /// The true cells, one per data column ("" for an empty cell).
    pub cells: Vec<String>,
    /// Why this placement is right (for people; not used).
    #[serde(default)]
    pub why: Option<String>,
}

fn first() -> usize {
    1
}

fn is_first(occurrence: &usize) -> bool {
    *occurrence == 1
}

impl OverrideEntry {
    /// The entry that states row `row_index` of `table` as it stands now, with `why` to be filled
    /// in: what the review page offers to paste and correct. Its `occurrence` picks this row
    /// among rows with the same label, by the rule entries are applied with.
    pub fn for_row(document_id: &str, table: &Table, row_index: usize, why: &str) -> OverrideEntry {
        let row = &table.rows[row_index];
        let label = label_of(row).map(collapse_whitespace);
        let occurrence = table.rows[..=row_index]
            .iter()
            .filter(|other| label.is_some() && label_of(other).map(collapse_whitespace) == label)
            .count()
            .max(1);
        OverrideEntry {
            document: Path::new(document_id)
                .file_name()
                .map_or_else(|| document_id.to_string(), |name| name.to_string_lossy().into_owned()),
            table: table.number.clone().unwrap_or_else(|| format!("#{}", table.index)),
            row: label_of(row).unwrap_or_default().to_string(),
            occurrence,
            cells: row.cells.iter().map(|cell| cell.text.clone()).collect(),
            why: Some(why.to_string()),
        }
    }
}

/// The label entries match a row by: its last non-empty stub cell.
fn label_of(row: &Row) -> Option<&str> {
    row.stub.iter().rev().find(|cell| !cell.text.trim().is_empty()).map(|cell| cell.text.as_str())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverridesFile {
    overrides: Vec<OverrideEntry>,
}

/// A set of override entries loaded from a human-editable file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// Where the entries came from, to name it in placements and warnings.
    pub file: PathBuf,
    /// The entries, in file order.
    pub entries: Vec<OverrideEntry>,
}

impl Overrides {
    /// Loads an overrides file. A malformed file is an error naming its line.
    pub fn load(path: &Path) -> Result<Overrides, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| Error::new(path, ErrorKind::Read { message: error.to_string() }))?;
        Overrides::parse(path, &text)
    }

    /// Parses the text of an overrides file; `path` only names the file in errors and sources.
    pub fn parse(path: &Path, text: &str) -> Result<Overrides, Error> {
        let parsed: OverridesFile = serde_json::from_str(text).map_err(|error| {
            Error::new(
                path,
                ErrorKind::Config {
                    file: path.to_path_buf(),
                    line: error.line(),
                    message: error.to_string(),
                },
            )
        })?;
        for (index, entry) in parsed.overrides.iter().enumerate() {
            if entry.occurrence == 0 {
                return Err(Error::new(
                    path,
                    ErrorKind::Config {
                        file: path.to_path_buf(),
                        line: 0,
                        message: format!("entry {}: occurrence counts from 1", index + 1),
                    },
                ));
            }
        }
        Ok(Overrides { file: path.to_path_buf(), entries: parsed.overrides })
    }

    /// Applies the entries for one document to its tables (see the module doc for matching);
    /// returns warnings for entries of this document that matched nothing.
    pub fn apply(&self, doc_id: &str, tables: &mut [Table]) -> Vec<Warning> {
        let mut warnings = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            if !document_matches(&entry.document, doc_id) {
                continue;
            }
            let source = format!("{}, entry {}", self.file.display(), index + 1);
            if let Err(why) = apply_entry(entry, &source, tables) {
                warnings.push(Warning::new(
                    WarningKind::UnusedOverride,
                    Location::default(),
                    format!(
                        "override {source} (table \"{}\", row \"{}\") was not applied: {why}",
                        entry.table, entry.row
                    ),
                ));
            }
        }
        warnings
    }
}

/// The id without extension and with `/` separators.
fn clean_id(id: &str) -> String {
    let id = id.replace('\\', "/");
    let name_start = id.rfind('/').map_or(0, |slash| slash + 1);
    match id[name_start..].rfind('.') {
        Some(dot) if dot > 0 && !id[name_start + dot + 1..].contains(' ') => {
            id[..name_start + dot].to_string()
        }
        _ => id,
    }
}

/// True when an entry's `document` names this document id: with extensions ignored and `/` as
/// the separator, one is the other's path suffix, whole folder names only (case counts, as in
/// file names): `veiligheidsagenda-owb-2022-VI`, `text/veiligheidsagenda-owb-2022-VI.txt` and
/// `fixtures/text/veiligheidsagenda-owb-2022-VI.txt` all name the document whose id is
/// `text/veiligheidsagenda-owb-2022-VI.txt` (found under `fixtures`), but `agenda-owb-2022-VI`
/// does not.
pub fn document_matches(document: &str, doc_id: &str) -> bool {
    let wanted = clean_id(document.trim());
    let id = clean_id(doc_id);
    let wanted = wanted.trim_start_matches("./").trim_start_matches('/');
    let id = id.trim_start_matches("./").trim_start_matches('/');
    if wanted.is_empty() || id.is_empty() {
        return false;
    }
    let (short, long) = if wanted.len() <= id.len() { (wanted, id) } else { (id, wanted) };
    long == short || long.ends_with(&format!("/{short}"))
}

/// An `unused_override` warning for every entry whose `document` names no document of the run
/// (`doc_ids`): a misspelt name, or a document not given this time. Each names the entry.
pub fn entries_matching_no_document(overrides: &Overrides, doc_ids: &[String]) -> Vec<Warning> {
    overrides
        .entries
        .iter()
        .enumerate()
        .filter(|(_, entry)| !doc_ids.iter().any(|id| document_matches(&entry.document, id)))
        .map(|(index, entry)| {
            Warning::new(
                WarningKind::UnusedOverride,
                Location::default(),
                format!(
                    "override {}, entry {} (document \"{}\", table \"{}\", row \"{}\") matches no document of this run",
                    overrides.file.display(),
                    index + 1,
                    entry.document,
                    entry.table,
                    entry.row
                ),
            )
        })
        .collect()
}

fn table_matches(key: &str, table: &Table) -> bool {
    if let Some(index) = key.strip_prefix('#') {
        return index.trim().parse::<usize>().is_ok_and(|index| index == table.index);
    }
    table.number.as_deref() == Some(key)
        || table
            .title
            .as_deref()
            .is_some_and(|title| collapse_whitespace(title).eq_ignore_ascii_case(&collapse_whitespace(key)))
}

fn apply_entry(entry: &OverrideEntry, source: &str, tables: &mut [Table]) -> Result<(), String> {
    let table = tables
        .iter_mut()
        .find(|table| table_matches(&entry.table, table))
        .ok_or_else(|| "no table with that number, title or index".to_string())?;
    let columns = table.columns.len();
    if entry.cells.len() != columns {
        return Err(format!("it states {} cells but the table has {columns} columns", entry.cells.len()));
    }
    let wanted = collapse_whitespace(&entry.row);
    let row = table
        .rows
        .iter_mut()
        .filter(|row| label_of(row).is_some_and(|label| collapse_whitespace(label) == wanted))
        .nth(entry.occurrence - 1)
        .ok_or_else(|| "no row with that label".to_string())?;
    let printed: Vec<Cell> = row.cells.iter().filter(|cell| !cell.text.trim().is_empty()).cloned().collect();
    let stated: Vec<String> =
        entry.cells.iter().map(|text| collapse_whitespace(text)).filter(|text| !text.is_empty()).collect();
    let printed_texts: Vec<String> = printed.iter().map(|cell| collapse_whitespace(&cell.text)).collect();
    if printed_texts != stated {
        return Err(format!("the row prints {printed_texts:?}, the entry states {stated:?}"));
    }
    let mut printed = printed.into_iter();
    let kept_flags: Vec<CellFlag> = row
        .cells
        .iter()
        .flat_map(|cell| cell.flags.iter().copied())
        .filter(|flag| matches!(flag, CellFlag::TruncatedTable))
        .collect();
    row.cells = entry
        .cells
        .iter()
        .map(|text| {
            let mut cell =
                if text.trim().is_empty() { Cell::empty(None) } else { printed.next().unwrap_or_default() };
            cell.flags.retain(|flag| *flag != CellFlag::ColumnInferred && *flag != CellFlag::Padded);
            for flag in &kept_flags {
                cell.flag(*flag);
            }
            cell.flag(CellFlag::Overridden);
            cell
        })
        .collect();
    row.placement = Placement::Overridden { source: source.to_string() };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, Row};

    fn seed_table() -> Table {
        Table {
            number: Some("2".into()),
            columns: vec![Column::default(); 4],
            rows: vec![Row {
                stub: vec![Cell::printed("Conservatoir beslag (in mln. euro’s)", Some(51))],
                cells: vec![
                    Cell { flags: vec![CellFlag::ColumnInferred], ..Cell::printed("180", Some(53)) },
                    Cell { flags: vec![CellFlag::ColumnInferred], ..Cell::empty(Some(55)) },
                    Cell { flags: vec![CellFlag::ColumnInferred], ..Cell::empty(None) },
                    Cell { flags: vec![CellFlag::ColumnInferred], ..Cell::empty(None) },
                ],
                placement: Placement::Inferred {
                    rule: "left fill".into(),
                    surviving: vec!["180".into(), "".into()],
                },
                ..Row::default()
            }],
            ..Table::default()
        }
    }

    const FILE: &str = r#"{ "overrides": [
        { "document": "fixtures/text/veiligheidsagenda-owb-2022-VI.txt", "table": "2",
          "row": "Conservatoir beslag (in mln. euro’s)", "cells": ["", "", "180", ""] },
        { "document": "veiligheidsagenda-owb-2022-VI", "table": "2", "row": "Bestaat niet", "cells": ["", "", "", "1"] }
    ] }"#;

    #[test]
    fn re_places_cells_and_warns_for_unused_entries() {
        let overrides = Overrides::parse(Path::new("o.json"), FILE).unwrap();
        let mut tables = vec![seed_table()];
        let warnings = overrides.apply("/elsewhere/fixtures/text/veiligheidsagenda-owb-2022-VI", &mut tables);
        let row = &tables[0].rows[0];
        assert_eq!(row.cells[2].text, "180");
        assert_eq!(row.cells[2].line, Some(53));
        assert_eq!(row.cells[0].text, "");
        assert!(row.cells.iter().all(|c| c.flags == vec![CellFlag::Overridden]));
        assert_eq!(row.placement, Placement::Overridden { source: "o.json, entry 1".into() });
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].kind, WarningKind::UnusedOverride);
    }

    #[test]
    fn documents_match_by_id_suffix_or_stem() {
        assert!(document_matches(
            "veiligheidsagenda-owb-2022-VI",
            "fixtures/text/veiligheidsagenda-owb-2022-VI"
        ));
        assert!(document_matches(
            "text/veiligheidsagenda-owb-2022-VI.txt",
            "/a/fixtures/text/veiligheidsagenda-owb-2022-VI"
        ));
        assert!(!document_matches("agenda-owb-2022-VI", "fixtures/text/veiligheidsagenda-owb-2022-VI"));
        assert!(!document_matches("other", "fixtures/text/veiligheidsagenda-owb-2022-VI"));
        // Ids are relative to the folder named: a longer path in the entry still names it.
        assert!(document_matches(
            "fixtures/text/veiligheidsagenda-owb-2022-VI.txt",
            "text/veiligheidsagenda-owb-2022-VI.txt"
        ));
        assert!(!document_matches(
            "fixtures/html/veiligheidsagenda-owb-2022-VI",
            "text/veiligheidsagenda-owb-2022-VI.txt"
        ));
        assert!(!document_matches("Veiligheidsagenda-owb-2022-VI", "veiligheidsagenda-owb-2022-VI.txt"));
    }

    #[test]
    fn an_entry_for_no_document_of_the_run_is_named() {
        let overrides = Overrides::parse(
            Path::new("o.json"),
            r#"{"overrides": [
                {"document": "veiligheidsagenda-owb-2022-VI", "table": "2", "row": "X", "cells": []},
                {"document": "veiligheidsagneda-owb-2022-VI", "table": "2", "row": "X", "cells": []}]}"#,
        )
        .unwrap();
        let ids = vec!["text/veiligheidsagenda-owb-2022-VI.txt".to_string()];
        let warnings = entries_matching_no_document(&overrides, &ids);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("entry 2 (document \"veiligheidsagneda-owb-2022-VI\""));
        assert_eq!(warnings[0].kind, WarningKind::UnusedOverride);
    }

    /// The entry the review page offers for a row whose label repeats names which one it is,
    /// and pasted into a file, settles that row and not the first one with the label.
    #[test]
    fn an_offered_entry_settles_its_own_row_when_labels_repeat() {
        let mut table = seed_table();
        let mut second = table.rows[0].clone();
        second.cells[0] = Cell { flags: vec![CellFlag::ColumnInferred], ..Cell::printed("7", Some(61)) };
        table.rows.push(second);
        let entry = OverrideEntry::for_row("fixtures/text/veiligheidsagenda-owb-2022-VI", &table, 1, "test");
        assert_eq!(entry.occurrence, 2);
        assert_eq!(entry.document, "veiligheidsagenda-owb-2022-VI");
        assert_eq!(entry.table, "2");
        assert_eq!(entry.row, "Conservatoir beslag (in mln. euro’s)");
        assert_eq!(entry.cells, vec!["7", "", "", ""]);
        let mut settled = OverrideEntry { cells: vec!["".into(), "7".into(), "".into(), "".into()], ..entry };
        let file = format!("{{ \"overrides\": [ {} ] }}", serde_json::to_string(&settled).unwrap());
        let overrides = Overrides::parse(Path::new("o.json"), &file).unwrap();
        let mut tables = vec![table];
        let warnings = overrides.apply("fixtures/text/veiligheidsagenda-owb-2022-VI", &mut tables);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(tables[0].rows[0].cells[0].text, "180", "the first row is left alone");
        assert_eq!(tables[0].rows[1].cells[1].text, "7");
        // The first row's entry leaves `occurrence` out, as a hand-written entry would.
        settled = OverrideEntry::for_row("x", &tables[0], 0, "test");
        assert!(!serde_json::to_string(&settled).unwrap().contains("occurrence"));
    }

    #[test]
    fn malformed_files_name_their_line() {
        let error = Overrides::parse(Path::new("o.json"), "{\n \"overrides\": [ { \"document\": 1 } ]\n}")
            .unwrap_err();
        assert!(matches!(error.kind, ErrorKind::Config { line: 2, .. }));
    }
}
