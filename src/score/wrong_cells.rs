//! What went wrong with each wrong cell of a row found by its label ([`WrongCellKind`]), so that
//! a split can be studied by its totals without opening its pages.

/// How many [`WrongCellKind`]s there are.
pub const WRONG_CELL_KINDS: usize = 8;

/// What went wrong with a cell of a row found by its label, for studying a split by its totals
/// without opening its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrongCellKind {
    /// The row has more cells than the truth's columns, and every text of the truth's row
    /// stands in it in order (a column added: an empty one, a code, a label's piece).
    RowWiderTextsKept,
    /// The row has more cells than the truth's columns, and some truth text is not in it
    /// (a cell cut in two).
    RowWiderTextsChanged,
    /// The row has fewer cells than the truth's columns, and every text of the truth's row
    /// stands in it in order (mostly an empty column dropped; a text the truth does not have
    /// is not ruled out).
    RowNarrowerTextsKept,
    /// The row has fewer cells than the truth's columns, and some truth text is not in it
    /// (cells run together, or a figure taken into the label).
    RowNarrowerTextsChanged,
    /// The truth's text stands in another cell of the row (cells shifted).
    Shifted,
    /// The truth's cell is empty and ours is not, or the other way round.
    EmptyOrFilled,
    /// The texts differ only in spacing, dashes, signs or marks around the figures.
    Printing,
    /// Anything else.
    Other,
}

pub(super) const WRONG_CELL_KIND_NAMES: [&str; WRONG_CELL_KINDS] = [
    "row wider, texts kept",
    "row wider, texts changed",
    "row narrower, texts kept",
    "row narrower, texts changed",
    "shifted in its row",
    "empty against filled",
    "printing only",
    "other",
];

/// True when every non-empty text of `expected` stands in `got`, in the same order.
fn every_text_in_order(expected: &[String], got: &[String]) -> bool {
    let mut rest = got.iter();
    expected.iter().filter(|text| !text.is_empty()).all(|text| rest.any(|have| have == text))
}

/// The kind of each wrong cell of a found row (one entry per wrong cell).
pub(super) fn wrong_cell_kinds(expected: &[String], got: &[String]) -> Vec<WrongCellKind> {
    if got.len() != expected.len() {
        let texts_kept = every_text_in_order(expected, got);
        let kind = match (got.len() > expected.len(), texts_kept) {
            (true, true) => WrongCellKind::RowWiderTextsKept,
            (true, false) => WrongCellKind::RowWiderTextsChanged,
            (false, true) => WrongCellKind::RowNarrowerTextsKept,
            (false, false) => WrongCellKind::RowNarrowerTextsChanged,
        };
        return vec![kind; expected.len()];
    }
    // Spacing, marks and the kind of dash dropped; a sign kept (a lost minus is a wrong value).
    let printing_key = |text: &str| -> String {
        text.chars()
            .filter_map(|c| match c {
                '‒' | '–' | '—' | '−' => Some('-'),
                c if c.is_alphanumeric() || c == ',' || c == '-' => Some(c),
                _ => None,
            })
            .collect()
    };
    expected
        .iter()
        .zip(got)
        .enumerate()
        .filter(|(_, (want, have))| want != have)
        .map(|(position, (want, have))| {
            if want.is_empty() != have.is_empty() {
                if !want.is_empty() && got.iter().enumerate().any(|(i, g)| i != position && g == want) {
                    WrongCellKind::Shifted
                } else {
                    WrongCellKind::EmptyOrFilled
                }
            } else if got.iter().enumerate().any(|(i, g)| i != position && g == want) {
                WrongCellKind::Shifted
            } else if printing_key(want) == printing_key(have) {
                WrongCellKind::Printing
            } else {
                WrongCellKind::Other
            }
        })
        .collect()
}

/// Writes per-kind counts as an object keyed by the kind's printed name, each `{"all", "silent"}`,
/// so that a report read later does not depend on the order of the kinds.
pub(super) fn serialize_by_name<S: serde::Serializer>(
    counts: &[(usize, usize); WRONG_CELL_KINDS],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(WRONG_CELL_KINDS))?;
    for (name, (all, silent)) in WRONG_CELL_KIND_NAMES.iter().zip(counts) {
        map.serialize_entry(name, &serde_json::json!({ "all": all, "silent": silent }))?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_cells_are_told_apart_by_what_went_wrong() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        use WrongCellKind::*;
        // The seed's "Comensha" row, 2019-2022, as printed and read one cell to the right.
        let truth = row(&["1.522", "1.522", "1.522", "1.522"]);
        assert_eq!(
            wrong_cell_kinds(&truth, &row(&["1.522", "1.522", "1.522"])),
            vec![RowNarrowerTextsChanged; 4]
        );
        // An empty 2019 cell dropped, or an empty column added before it.
        let truth = row(&["", "1.522", "1.522"]);
        assert_eq!(wrong_cell_kinds(&truth, &row(&["1.522", "1.522"])), vec![RowNarrowerTextsKept; 3]);
        assert_eq!(wrong_cell_kinds(&truth, &row(&["", "", "1.522", "1.522"])), vec![RowWiderTextsKept; 3]);
        // "13.553,7" cut into two cells.
        assert_eq!(wrong_cell_kinds(&row(&["13.553,7"]), &row(&["13.553", "7"])), vec![RowWiderTextsChanged]);
        let truth = row(&["", "3.000", "1.500", "4.000"]);
        assert_eq!(
            wrong_cell_kinds(&truth, &row(&["3.000", "1.500", "4.000", ""])),
            vec![EmptyOrFilled, Shifted, Shifted, Shifted]
        );
        assert_eq!(
            wrong_cell_kinds(&row(&["‒ 21,7", "51%", "0"]), &row(&["-21,7", "51 %", ""])),
            vec![Printing, Printing, EmptyOrFilled]
        );
        assert_eq!(wrong_cell_kinds(&row(&["13.553,7"]), &row(&["13.553"])), vec![Other]);
        assert_eq!(wrong_cell_kinds(&row(&["‒ 21,7"]), &row(&["21,7"])), vec![Other]);
        assert!(wrong_cell_kinds(&truth, &truth).is_empty());
    }

    #[test]
    fn kinds_are_written_by_name() {
        let mut counts = [(0, 0); WRONG_CELL_KINDS];
        counts[WrongCellKind::RowNarrowerTextsKept as usize] = (3, 2);
        let mut out = Vec::new();
        serialize_by_name(&counts, &mut serde_json::Serializer::new(&mut out)).expect("written");
        let written: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(written["row narrower, texts kept"], serde_json::json!({"all": 3, "silent": 2}));
        assert_eq!(written["other"], serde_json::json!({"all": 0, "silent": 0}));
    }
}
