//! The cells frame handed over by the Arrow C stream interface: what crosses into Python
//! (pyarrow, polars, pandas) and Spark without a row being serialized.
//!
//! Owns the exported types and the order of the hand-over. Two layouts: `cells.parquet`'s own
//! Arrow schema (the oldest Arrow types: large strings, large lists of large strings, which every
//! consumer reads and which the Parquet file embeds), and polars' own string views, which a
//! polars consumer takes without a copy. Either way the columns the frame never leaves null are
//! declared not nullable, as in the file, so a frame read from `cells.parquet` and one taken from
//! the stream have equal schemas. Chunks are converted when the consumer asks for them and
//! dropped once handed over, so the hand-over holds at most one converted chunk besides what the
//! consumer keeps; frames made on demand ([`frames_arrow_stream`]) are made only then too.

use polars::prelude::*;
use polars_arrow::array::{Array, StructArray};
use polars_arrow::datatypes::ArrowDataType;
pub use polars_arrow::ffi::ArrowArrayStream;

use super::NEVER_NULL_COLUMNS;

/// The Arrow schema of the long format as `cells.parquet` embeds it.
pub fn cells_arrow_schema(schema: &Schema) -> ArrowSchema {
    arrow_schema(schema, CompatLevel::oldest())
}

/// The schema's Arrow form at a compatibility level, the never-null columns not nullable.
fn arrow_schema(schema: &Schema, compat: CompatLevel) -> ArrowSchema {
    let mut arrow = schema.to_arrow(compat);
    for name in NEVER_NULL_COLUMNS {
        if let Some(field) = arrow.get_mut(name) {
            field.is_nullable = false;
        }
    }
    arrow
}

/// How strings cross.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringLayout {
    /// Large strings, as `cells.parquet` declares them (pyarrow, pandas, Spark).
    Large,
    /// polars' string views, taken by polars without a copy.
    Views,
}

/// The frame as an Arrow C stream of record batches (one per chunk), each a struct array of the
/// columns. The stream owns the data; the consumer releases it.
pub fn cells_arrow_stream(cells: DataFrame, layout: StringLayout) -> ArrowArrayStream {
    let schema = cells.schema().clone();
    frames_arrow_stream(std::iter::once(Ok::<_, crate::error::Error>(cells)), &schema, layout)
}

/// Frames of the long format, made as the consumer asks for them ([`super::collect::CellWindows`]),
/// as one Arrow C stream of their chunks. A frame that fails ends the stream with its error.
pub fn frames_arrow_stream<E: std::fmt::Display>(
    frames: impl Iterator<Item = Result<DataFrame, E>> + 'static,
    schema: &Schema,
    layout: StringLayout,
) -> ArrowArrayStream {
    let compat = match layout {
        StringLayout::Large => CompatLevel::oldest(),
        StringLayout::Views => CompatLevel::newest(),
    };
    let fields: Vec<ArrowField> = arrow_schema(schema, compat).iter_values().cloned().collect();
    let dtype = ArrowDataType::Struct(fields);
    let struct_type = dtype.clone();
    let batches = frames.flat_map(move |frame| {
        let struct_type = struct_type.clone();
        let chunks: Vec<PolarsResult<DataFrame>> = match frame {
            Ok(mut frame) => frame.split_chunks().filter(|chunk| chunk.height() > 0).map(Ok).collect(),
            Err(error) => vec![Err(PolarsError::ComputeError(error.to_string().into()))],
        };
        chunks.into_iter().map(move |chunk| {
            let batch = chunk?.iter_chunks(compat, false).next().expect("a chunk of one chunk");
            let length = batch.height();
            StructArray::try_new(struct_type.clone(), length, batch.into_arrays(), None)
                .map(|array| Box::new(array) as Box<dyn Array>)
        })
    });
    polars_arrow::ffi::export_iterator(Box::new(batches), ArrowField::new("".into(), dtype, false))
}
