//! Overrides: a person's settled placement of cells the reader could only infer (placeholder).

use std::path::Path;

use crate::error::{Error, Warning};
use crate::table::Table;

/// A set of override entries loaded from a human-editable file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {}

impl Overrides {
    /// Loads an overrides file.
    pub fn load(_path: &Path) -> Result<Overrides, Error> {
        Ok(Overrides::default())
    }

    /// Applies the entries for one document to its tables; returns warnings.
    pub fn apply(&self, _doc_id: &str, _tables: &mut [Table]) -> Vec<Warning> {
        Vec::new()
    }
}
