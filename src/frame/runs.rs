//! A string column builder for the long format's repeated strings: the document's id, hash,
//! path and address on every cell of the document, the table's title on every cell of the
//! table, the row's label and kind on every cell of the row.
//!
//! Such a value comes in runs of equal cells. Arrow's string views let many cells point at the
//! same bytes, so a run is stored once and every cell of it costs one 16-byte view instead of a
//! copy of the string (polars-arrow's `extend_constant` does exactly that). The column's content
//! is the same as a plain builder's, cell for cell; only the bytes behind it are shared.

use polars::prelude::{Column, IntoColumn, PlSmallStr, StringChunked};
use polars_arrow::array::MutableBinaryViewArray;

/// A string column that stores each run of equal values once.
pub(super) struct RunStrings {
    name: PlSmallStr,
    array: MutableBinaryViewArray<str>,
    /// The run being counted: its value (`None` for a run of nulls) and length.
    run_value: Option<String>,
    run_length: usize,
}

impl RunStrings {
    pub(super) fn new(name: &str, capacity: usize) -> RunStrings {
        RunStrings {
            name: name.into(),
            array: MutableBinaryViewArray::with_capacity(capacity),
            run_value: None,
            run_length: 0,
        }
    }

    /// Appends one cell's value.
    pub(super) fn push(&mut self, value: Option<&str>) {
        if self.run_length > 0 && value == self.run_value.as_deref() {
            self.run_length += 1;
            return;
        }
        self.end_run();
        match value {
            Some(text) => {
                // The buffer of the run before is reused: no allocation per run once it is large
                // enough.
                let run = self.run_value.get_or_insert_with(String::new);
                run.clear();
                run.push_str(text);
            }
            None => self.run_value = None,
        }
        self.run_length = 1;
    }

    /// Stores the run being counted: its value once, a view of it per cell.
    fn end_run(&mut self) {
        if self.run_length == 0 {
            return;
        }
        match &self.run_value {
            Some(text) => self.array.extend_constant(self.run_length, Some(text.as_str())),
            None => self.array.extend_null(self.run_length),
        }
        self.run_length = 0;
    }

    /// The column, every run stored.
    pub(super) fn finish(mut self) -> Column {
        self.end_run();
        StringChunked::with_chunk(self.name, self.array.freeze()).into_column()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_stored_once_and_read_back_cell_for_cell() {
        // The seed's document id on four cells, a null, then two labels of its table.
        let id = "veiligheidsagenda-owb-2022-VI.txt";
        let values = [
            Some(id),
            Some(id),
            Some(id),
            Some(id),
            None,
            Some("Aantal aangepakte CSV's"),
            Some("Totale inzet"),
        ];
        let mut column = RunStrings::new("doc_id", 2);
        for value in values {
            column.push(value);
        }
        let column = column.finish();
        let strings = column.str().unwrap();
        assert_eq!(strings.iter().collect::<Vec<_>>(), values);
        let bytes_behind: usize = strings
            .downcast_iter()
            .map(|array| array.data_buffers().iter().map(|b| b.len()).sum::<usize>())
            .sum();
        assert_eq!(
            bytes_behind,
            id.len() + "Aantal aangepakte CSV's".len(),
            "the id once; 'Totale inzet' is 12 bytes, short enough to live in its view"
        );
    }
}
