//! One table from its grid and what the format says around it: the step every grid reader (HTML,
//! CALS XML, pipe tables of text) ends with.
//!
//! Owns the order in which a table's name, unit, notes and kind are taken from their possible
//! places, so that a caption means the same in every format:
//! 1. the structure of the grid ([`super::structure`]): header rows, stub columns, row kinds, note
//!    rows, and caption rows printed inside the table;
//! 2. the caption: the format's own caption (HTML `<caption>`, CALS `<title>`) when it has one,
//!    else the caption rows, else the text blocks above the table ([`super::caption`]); a unit
//!    found in any of them, or over the stub or a column, is the table's unit, in that order;
//! 3. the notes printed under the table, after any read from note rows inside it;
//! 4. the kind: a table of contents is titled or headed "Inhoud"/"Inhoudsopgave", marked as one by
//!    the format, or has a column headed "blz."/"pagina";
//! 5. no silent loss: every figure printed in the grid that landed in no cell, header, label or
//!    note is named in a [`WarningKind::FigureNotRead`] warning.
//!
//! Leaves source lines of the table, truncation and the table's index among the page's tables to
//! the reader.

use super::caption::{self, BlockAbove, Caption};
use super::contents;
use super::coverage;
use super::grid::Grid;
use super::structure;
use crate::error::{Location, Warning, WarningKind};
use crate::table::{Note, Table, TableKind};

/// What a format says about a table outside its grid.
pub(crate) struct Surroundings<'a> {
    /// The format's own caption text (HTML `<caption>`, CALS `<title>`), when it has one.
    pub caption: Option<String>,
    /// The text blocks above the table, nearest first; asked for only when neither the format's
    /// caption nor caption rows name the table. `None` from it gives `None` from [`assemble`]
    /// (the reader could not see that far).
    pub blocks_above: &'a mut dyn FnMut() -> Option<Vec<BlockAbove>>,
    /// The notes printed under the table, outside its grid.
    pub notes_after: Vec<Note>,
    /// The section heading the table stands under.
    pub section: Option<String>,
    /// The format marks the table a table of contents (an HTML class or id "toc").
    pub marked_as_contents: bool,
}

/// A table read from its grid, and its warnings (rows and columns in the table's coordinates, no
/// table index yet).
pub(crate) struct Assembled {
    /// The table, with index 0 and no source lines.
    pub table: Table,
    /// Its warnings.
    pub warnings: Vec<Warning>,
}

/// Steps 1–5 of the module doc. `None` when the blocks above were needed and could not be seen.
pub(crate) fn assemble(grid: &Grid, surroundings: Surroundings<'_>) -> Option<Assembled> {
    let built = structure::structure(grid);
    let mut table = built.table;
    let caption = match surroundings.caption {
        Some(text) => caption::read_caption(&text),
        None if built.caption.number.is_some() || built.caption.title.is_some() => built.caption.clone(),
        None => {
            let mut from_blocks: Caption = caption::caption_from_blocks(&(surroundings.blocks_above)()?);
            from_blocks.unit = from_blocks.unit.or(built.caption.unit.clone());
            from_blocks
        }
    };
    table.number = caption.number;
    table.title = caption.title;
    table.unit = caption.unit.or(built.caption.unit).or(table.unit.take());
    table.section = surroundings.section;
    table.notes.extend(surroundings.notes_after);
    if contents::is_contents(&table, surroundings.marked_as_contents) {
        table.kind = TableKind::Contents;
    }
    let mut warnings = built.warnings;
    let printed: Vec<&str> = grid.cells.iter().map(|cell| cell.text.as_str()).collect();
    let missing = coverage::figures_missing_from(&printed, &table);
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(8).map(|text| format!("\"{text}\"")).collect();
        warnings.push(Warning::new(
            WarningKind::FigureNotRead,
            Location::default(),
            format!(
                "{} figure(s) printed in this table landed in no cell, header, label or note: {}",
                missing.len(),
                shown.join(", ")
            ),
        ));
    }
    Some(Assembled { table, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_by_name_or_page_column() {
        let titled = Table { title: Some("Inhoudsopgave".into()), ..Table::default() };
        assert!(contents::is_contents(&titled, false));
        let paged = Table {
            columns: vec![crate::table::Column {
                path: vec!["Blz.".into()],
                markers: vec![],
                ..Default::default()
            }],
            ..Table::default()
        };
        assert!(contents::is_contents(&paged, false));
        assert!(!contents::is_contents(&Table::default(), false));
    }
}
