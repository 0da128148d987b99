//! Rows where fewer cells survived than there are columns: where do the survivors go?
//!
//! The text does not say (an empty cell that vanished leaves no trace), so this module never
//! guesses silently: every row placed here is flagged `column_inferred`, carries
//! [`crate::table::Placement::Inferred`] with its rule and surviving texts, and gets a warning.
//!
//! The rule, [`LEFT_FILL_RULE`]: the surviving cells, whitespace cells included, fill the
//! columns from the left in print order; the columns left over are empty. It is right when
//! empty cells vanish at the end of a row (seed page: "Comensha" 975, 490 and "complexe
//! onderzoeken" 39, 7) and wrong when an empty cell vanished before a printed one ("Conservatoir
//! beslag": 180 belongs to Norm 2021). An overrides file settles those rows.

use crate::table::{Cell, Row, Table};

use super::grid::Slot;

/// The placement rule for short rows, in words (stored in `Placement::Inferred::rule`).
pub const LEFT_FILL_RULE: &str =
    "left fill: surviving cells fill the columns from the left in print order, the rest are empty";

/// Places the surviving slots of a short row into `columns` cells by [`LEFT_FILL_RULE`].
pub fn place_short_row(
    surviving: &[Slot],
    columns: usize,
    _table: &Table,
    _row: &Row,
) -> (Vec<Cell>, String) {
    let mut cells: Vec<Cell> = surviving
        .iter()
        .take(columns)
        .map(|slot| {
            if slot.text.is_empty() {
                Cell::empty(Some(slot.line))
            } else {
                Cell::printed(slot.text.clone(), Some(slot.line))
            }
        })
        .collect();
    cells.resize_with(columns, || Cell::empty(None));
    (cells, LEFT_FILL_RULE.to_string())
}
