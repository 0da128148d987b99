//! The cells frame handed over by the Arrow C stream interface, with `cells.parquet`'s own Arrow
//! schema: what crosses into Python (pyarrow, polars, pandas) and Spark without a row being
//! serialized.
//!
//! Owns the exported types: the oldest Arrow types (large strings, large lists of large strings),
//! which every consumer reads and which are the types the Parquet file embeds, and the columns the
//! frame never leaves null declared not nullable, as in the file. So a frame read from
//! `cells.parquet` and one taken from this stream have equal schemas.

use polars::prelude::*;
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::ArrowDataType;
pub use polars_arrow::ffi::ArrowArrayStream;

use super::NEVER_NULL_COLUMNS;

/// The Arrow schema of the long format as `cells.parquet` embeds it.
pub fn cells_arrow_schema(schema: &Schema) -> ArrowSchema {
    let mut arrow = schema.to_arrow(CompatLevel::oldest());
    for name in NEVER_NULL_COLUMNS {
        if let Some(field) = arrow.get_mut(name) {
            field.is_nullable = false;
        }
    }
    arrow
}

/// The frame as an Arrow C stream of record batches (one per chunk), each a struct array of the
/// columns. The stream owns the data; the consumer releases it.
pub fn cells_arrow_stream(cells: &DataFrame) -> ArrowArrayStream {
    let schema = cells_arrow_schema(cells.schema());
    let fields: Vec<ArrowField> = schema.iter_values().cloned().collect();
    let dtype = ArrowDataType::Struct(fields);
    let mut cells = cells.clone();
    cells.align_chunks_par();
    let batches: Vec<PolarsResult<Box<dyn Array>>> = cells
        .iter_chunks(CompatLevel::oldest(), false)
        .map(|batch| {
            let length = batch.height();
            StructArray::try_new(dtype.clone(), length, batch.into_arrays(), None)
                .map(|array| Box::new(array) as Box<dyn Array>)
        })
        .collect();
    polars_arrow::ffi::export_iterator(
        Box::new(batches.into_iter()),
        ArrowField::new("".into(), dtype, false),
    )
}
