//! Flattened text → tables (placeholder; built in the text reader work).

use crate::table::ReadOutcome;

/// Finds every table in flattened text (one paragraph per cell) and rebuilds its grid.
pub fn read_text(_text: &str) -> ReadOutcome {
    ReadOutcome::default()
}
