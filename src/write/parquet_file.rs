//! `cells.parquet` (and each partition's file): polars' own page encoders and compressors, under a
//! schema of ours that declares the columns the frame never leaves null as Parquet `REQUIRED`.
//!
//! polars declares every column `OPTIONAL`, so a reader cannot tell "never null" from "null
//! here and there" without scanning the data. The frame module says which columns are never null
//! ([`NEVER_NULL_COLUMNS`]); this writer turns that into the file's schema (the Parquet
//! repetition and the embedded Arrow schema's `nullable`), and refuses a batch that breaks it
//! instead of writing a file that lies. Everything else (encodings, statistics, compression, the
//! page layout) is what polars' batched writer does.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use polars::io::parquet::write::{
    BatchedWriter, KeyValueMetadata, ParquetCompression, StatisticsOptions, get_encodings,
};
use polars::prelude::*;
use polars_parquet::read::ParquetError;
use polars_parquet::write::{
    CompressionOptions, Compressor, DynIter, DynStreamingIterator, Encoding, FallibleStreamingIterator,
    FileWriter, ParquetType, RowGroupIterColumns, Version, WriteOptions, array_to_columns,
};
use rayon::prelude::*;

use super::pending::{PendingFile, write_error};
use crate::error::Error;
use crate::frame::NEVER_NULL_COLUMNS;

/// One Parquet file being written, staged until [`ParquetOut::finish`].
pub(super) struct ParquetOut {
    pending: PendingFile,
    writer: BatchedWriter<BufWriter<File>>,
    encodings: Vec<Vec<Encoding>>,
    /// The Parquet schema's fields, in column order (what each column is encoded as).
    fields: Vec<ParquetType>,
    options: WriteOptions,
    /// Positions of the frame's never-null columns, checked in every batch.
    required: Vec<usize>,
}

impl ParquetOut {
    /// Stages `path` for frames of `schema`.
    pub(super) fn create(path: &Path, schema: &Schema) -> Result<ParquetOut, Error> {
        let pending = PendingFile::create(path)?;
        let mut arrow = schema.to_arrow(CompatLevel::newest());
        let mut required = Vec::new();
        for (position, name) in schema.iter_names().enumerate() {
            if NEVER_NULL_COLUMNS.contains(&name.as_str()) {
                required.push(position);
                if let Some(field) = arrow.get_mut(name) {
                    field.is_nullable = false;
                }
            }
        }
        let options = WriteOptions {
            statistics: StatisticsOptions::default(),
            compression: CompressionOptions::from(ParquetCompression::Zstd(None)),
            version: Version::V1,
            data_page_size: None,
        };
        let encodings = get_encodings(&arrow).to_vec();
        let file = FileWriter::try_new(BufWriter::new(pending.handle()?), arrow, options)
            .map_err(|error| write_error(path, error))?;
        let mut writer = BatchedWriter::new(
            std::sync::Mutex::new(file),
            encodings.clone().into(),
            options,
            false,
            Some(parquet_metadata(schema)),
        );
        let fields = writer.parquet_schema().fields().to_vec();
        Ok(ParquetOut { pending, writer, encodings, fields, options, required })
    }

    /// Writes `frame` as row groups (one per chunk).
    pub(super) fn write(&mut self, frame: &DataFrame) -> Result<(), Error> {
        let path = self.pending.final_path().to_path_buf();
        for &position in &self.required {
            let column = &frame.columns()[position];
            if column.null_count() > 0 {
                return Err(write_error(
                    &path,
                    format!("column {} holds a null, but the schema declares it never null", column.name()),
                ));
            }
        }
        let fields = &self.fields;
        let parallel = rayon::current_num_threads() > 1;
        let mut groups = Vec::new();
        for batch in frame.iter_chunks(CompatLevel::newest(), false) {
            if batch.is_empty() {
                continue;
            }
            let encode = |((array, field), encoding): ((&_, &_), &Vec<Encoding>)| {
                encoded_column(array, field, encoding, self.options)
            };
            let columns: Vec<_> = if parallel {
                batch.columns().par_iter().zip(fields).zip(&self.encodings).map(encode).collect()
            } else {
                batch.columns().iter().zip(fields).zip(&self.encodings).map(encode).collect()
            };
            let columns = columns
                .into_iter()
                .collect::<PolarsResult<Vec<_>>>()
                .map_err(|error| write_error(&path, error))?;
            let group: RowGroupIterColumns<'static, PolarsError> =
                DynIter::new(columns.into_iter().flatten());
            groups.push(group);
        }
        self.writer.write_row_groups(groups).map_err(|error| write_error(&path, error))
    }

    /// Writes the footer and commits the file.
    pub(super) fn finish(self) -> Result<(), Error> {
        let path = self.pending.final_path().to_path_buf();
        self.writer.finish().map_err(|error| write_error(&path, error))?;
        drop(self.writer);
        self.pending.commit()
    }
}

type CompressedPages =
    PolarsResult<DynStreamingIterator<'static, polars_parquet::write::CompressedPage, PolarsError>>;

/// One column of one batch as compressed pages (a nested column gives one per leaf).
fn encoded_column(
    array: &ArrayRef,
    field: &ParquetType,
    encoding: &[Encoding],
    options: WriteOptions,
) -> PolarsResult<Vec<CompressedPages>> {
    let pages = array_to_columns(array, field.clone(), options, encoding)?;
    Ok(pages
        .into_iter()
        .map(|column| {
            let column =
                column.map(|page| page.map_err(|error| ParquetError::FeatureNotSupported(error.to_string())));
            let compressed =
                Compressor::new_from_vec(column, options.compression, vec![]).map_err(PolarsError::from);
            Ok(DynStreamingIterator::new(compressed))
        })
        .collect())
}

/// File metadata with our own embedded Arrow schema. The one polars embeds declares strings as
/// Arrow string views, which pandas cannot turn into lists of strings (pyarrow 26: "Not
/// implemented type for Arrow list to pandas: string_view"); this one uses the oldest Arrow
/// types (large strings), which pyarrow, pandas, polars, DuckDB and Spark all read, and marks the
/// never-null columns as not nullable. The data pages are the same either way: UTF8 byte arrays,
/// INT32/UINT32, DOUBLE and LISTs of UTF8.
fn parquet_metadata(schema: &Schema) -> KeyValueMetadata {
    let arrow = crate::frame::arrow_stream::cells_arrow_schema(schema);
    let arrow_schema = polars_parquet::write::schema_to_metadata_key(&arrow);
    KeyValueMetadata::from_static(vec![
        (arrow_schema.key, arrow_schema.value.unwrap_or_default()),
        ("begroting:schema".to_string(), "docs/schema.md, version 1".to_string()),
        ("begroting:version".to_string(), env!("CARGO_PKG_VERSION").to_string()),
    ])
}
