//! The columnar builder: cells go straight from documents into polars column builders, without a
//! [`super::CellRecord`] (and its fifteen string copies) per cell. This is what the writers use; the
//! records are for tests, `check` and library users. Strings that repeat over a document, table
//! or row are stored once a run ([`RunStrings`]).

use polars::prelude::*;

use super::runs::RunStrings;
use super::{CellView, Document, for_each_cell};

fn strings(name: &str, capacity: usize) -> StringChunkedBuilder {
    StringChunkedBuilder::new(name.into(), capacity)
}

fn lists(name: &str, capacity: usize) -> ListStringChunkedBuilder {
    ListStringChunkedBuilder::new(name.into(), capacity, capacity)
}

/// Column builders for the documented schema (docs/schema.md), in column order.
pub struct FrameBuilder {
    rows: usize,
    capacity: usize,
    doc_id: RunStrings,
    doc_sha256: RunStrings,
    source: RunStrings,
    url: RunStrings,
    year: PrimitiveChunkedBuilder<Int32Type>,
    doc_type: RunStrings,
    chapter: RunStrings,
    dossier: RunStrings,
    stuk: RunStrings,
    section: RunStrings,
    table_index: PrimitiveChunkedBuilder<UInt32Type>,
    table_number: RunStrings,
    table_title: RunStrings,
    row_index: PrimitiveChunkedBuilder<UInt32Type>,
    row_label: RunStrings,
    row_code: RunStrings,
    row_article: RunStrings,
    row_stub: ListStringChunkedBuilder,
    row_group: RunStrings,
    row_kind: RunStrings,
    parent_row_index: PrimitiveChunkedBuilder<UInt32Type>,
    column_index: PrimitiveChunkedBuilder<UInt32Type>,
    column_header: StringChunkedBuilder,
    column_path: ListStringChunkedBuilder,
    column_year: PrimitiveChunkedBuilder<Int32Type>,
    column_measure: RunStrings,
    raw: StringChunkedBuilder,
    value: PrimitiveChunkedBuilder<Float64Type>,
    value_kind: StringChunkedBuilder,
    value_scaled: PrimitiveChunkedBuilder<Float64Type>,
    unit: RunStrings,
    unit_multiplier: PrimitiveChunkedBuilder<Int64Type>,
    unit_currency: RunStrings,
    unit_kind: RunStrings,
    footnote_markers: ListStringChunkedBuilder,
    footnote_texts: ListStringChunkedBuilder,
    flags: ListStringChunkedBuilder,
    line: PrimitiveChunkedBuilder<UInt32Type>,
}

impl FrameBuilder {
    /// Builders sized for `capacity` rows.
    pub fn new(capacity: usize) -> FrameBuilder {
        FrameBuilder {
            rows: 0,
            capacity,
            doc_id: RunStrings::new("doc_id", capacity),
            doc_sha256: RunStrings::new("doc_sha256", capacity),
            source: RunStrings::new("source", capacity),
            url: RunStrings::new("url", capacity),
            year: PrimitiveChunkedBuilder::new("year".into(), capacity),
            doc_type: RunStrings::new("doc_type", capacity),
            chapter: RunStrings::new("chapter", capacity),
            dossier: RunStrings::new("dossier", capacity),
            stuk: RunStrings::new("stuk", capacity),
            section: RunStrings::new("section", capacity),
            table_index: PrimitiveChunkedBuilder::new("table_index".into(), capacity),
            table_number: RunStrings::new("table_number", capacity),
            table_title: RunStrings::new("table_title", capacity),
            row_index: PrimitiveChunkedBuilder::new("row_index".into(), capacity),
            row_label: RunStrings::new("row_label", capacity),
            row_code: RunStrings::new("row_code", capacity),
            row_article: RunStrings::new("row_article", capacity),
            row_stub: lists("row_stub", capacity),
            row_group: RunStrings::new("row_group", capacity),
            row_kind: RunStrings::new("row_kind", capacity),
            parent_row_index: PrimitiveChunkedBuilder::new("parent_row_index".into(), capacity),
            column_index: PrimitiveChunkedBuilder::new("column_index".into(), capacity),
            column_header: strings("column_header", capacity),
            column_path: lists("column_path", capacity),
            column_year: PrimitiveChunkedBuilder::new("column_year".into(), capacity),
            column_measure: RunStrings::new("column_measure", capacity),
            raw: strings("raw", capacity),
            value: PrimitiveChunkedBuilder::new("value".into(), capacity),
            value_kind: strings("value_kind", capacity),
            value_scaled: PrimitiveChunkedBuilder::new("value_scaled".into(), capacity),
            unit: RunStrings::new("unit", capacity),
            unit_multiplier: PrimitiveChunkedBuilder::new("unit_multiplier".into(), capacity),
            unit_currency: RunStrings::new("unit_currency", capacity),
            unit_kind: RunStrings::new("unit_kind", capacity),
            footnote_markers: lists("footnote_markers", capacity),
            footnote_texts: lists("footnote_texts", capacity),
            flags: lists("flags", capacity),
            line: PrimitiveChunkedBuilder::new("line".into(), capacity),
        }
    }

    /// Rows appended since the last [`FrameBuilder::take_frame`].
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row was appended since the last frame.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends every cell of a document (the same rows, in the same order, as
    /// [`super::cell_records`]), calling `full` whenever `limit` rows are buffered so the caller
    /// can write them out; a million-cell document never sits in the builders whole.
    pub fn push_document<E>(
        &mut self,
        document: &Document,
        limit: usize,
        mut full: impl FnMut(&mut FrameBuilder) -> Result<(), E>,
    ) -> Result<usize, E> {
        for_each_cell(document, |cell| {
            self.push_cell(cell);
            if self.rows >= limit { full(self) } else { Ok(()) }
        })
    }

    fn push_cell(&mut self, cell: &CellView) {
        self.doc_id.push(Some(cell.doc_id));
        self.doc_sha256.push(Some(cell.doc_sha256));
        self.source.push(Some(cell.source));
        self.url.push(cell.url);
        self.year.append_option(cell.year);
        self.doc_type.push(cell.doc_type);
        self.chapter.push(cell.chapter);
        self.dossier.push(cell.dossier);
        self.stuk.push(cell.stuk);
        self.section.push(cell.section);
        self.table_index.append_value(cell.table_index);
        self.table_number.push(cell.table_number);
        self.table_title.push(cell.table_title);
        self.row_index.append_value(cell.row_index);
        self.row_label.push(Some(cell.row_label));
        self.row_code.push(cell.row_code);
        self.row_article.push(cell.row_article);
        self.row_stub.append_values_iter(cell.row_stub.iter().copied());
        self.row_group.push(cell.row_group);
        self.row_kind.push(Some(cell.row_kind));
        self.parent_row_index.append_option(cell.parent_row_index);
        self.column_index.append_value(cell.column_index);
        self.column_header.append_value(cell.column_header);
        self.column_path.append_values_iter(cell.column_path.iter().map(String::as_str));
        self.column_year.append_option(cell.column_year);
        self.column_measure.push(cell.column_measure);
        self.raw.append_value(cell.raw);
        self.value.append_option(cell.value);
        self.value_kind.append_value(cell.value_kind);
        self.value_scaled.append_option(cell.value_scaled);
        self.unit.push(cell.unit);
        self.unit_multiplier.append_option(cell.unit_multiplier);
        self.unit_currency.push(cell.unit_currency);
        self.unit_kind.push(cell.unit_kind);
        self.footnote_markers.append_values_iter(cell.footnote_markers.iter().copied());
        self.footnote_texts.append_values_iter(cell.footnote_texts.iter().copied());
        self.flags.append_values_iter(cell.flags.iter().copied());
        self.line.append_option(cell.line);
        self.rows += 1;
    }

    /// The buffered rows as a frame of the documented schema; the builders start afresh.
    pub fn take_frame(&mut self) -> PolarsResult<DataFrame> {
        let full = std::mem::replace(self, FrameBuilder::new(self.capacity));
        let rows = full.rows;
        let mut row_stub = full.row_stub;
        let mut column_path = full.column_path;
        let mut footnote_markers = full.footnote_markers;
        let mut footnote_texts = full.footnote_texts;
        let mut flags = full.flags;
        let columns: Vec<Column> = vec![
            full.doc_id.finish(),
            full.doc_sha256.finish(),
            full.source.finish(),
            full.url.finish(),
            full.year.finish().into_column(),
            full.doc_type.finish(),
            full.chapter.finish(),
            full.dossier.finish(),
            full.stuk.finish(),
            full.section.finish(),
            full.table_index.finish().into_column(),
            full.table_number.finish(),
            full.table_title.finish(),
            full.row_index.finish().into_column(),
            full.row_label.finish(),
            full.row_code.finish(),
            full.row_article.finish(),
            list_of_strings(row_stub.finish()),
            full.row_group.finish(),
            full.row_kind.finish(),
            full.parent_row_index.finish().into_column(),
            full.column_index.finish().into_column(),
            full.column_header.finish().into_column(),
            list_of_strings(column_path.finish()),
            full.column_year.finish().into_column(),
            full.column_measure.finish(),
            full.raw.finish().into_column(),
            full.value.finish().into_column(),
            full.value_kind.finish().into_column(),
            full.value_scaled.finish().into_column(),
            full.unit.finish(),
            full.unit_multiplier.finish().into_column(),
            full.unit_currency.finish(),
            full.unit_kind.finish(),
            list_of_strings(footnote_markers.finish()),
            list_of_strings(footnote_texts.finish()),
            list_of_strings(flags.finish()),
            full.line.finish().into_column(),
        ];
        DataFrame::new(rows, columns)
    }
}

/// A list column of strings, typed List(String) even when every list is empty.
fn list_of_strings(list: ListChunked) -> Column {
    let wanted = DataType::List(Box::new(DataType::String));
    let column = list.into_column();
    if column.dtype() == &wanted {
        column
    } else {
        column.cast(&wanted).expect("empty lists cast to List(String)")
    }
}
