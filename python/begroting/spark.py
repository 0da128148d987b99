"""The extractor inside Spark's executors, for when one machine is not enough.

    documents = (spark.read.format("binaryFile")
                 .option("recursiveFileLookup", "true")
                 .option("pathGlobFilter", "*.{html,htm,xhtml,xml,txt,gz}")
                 .load("s3a://bucket/begrotingen/"))
    cells = begroting.spark.extract(documents, root="s3a://bucket/begrotingen")
    cells.write.partitionBy("year").parquet("s3a://bucket/cells/")

:func:`extract` maps each partition of documents to its cells with ``mapInArrow``: every
executor's Python worker runs the same Rust extractor as the command and hands the cells over as
Arrow record batches. The result has the columns and rows of ``cells.parquet`` (docs/schema.md)
with the types Spark gives that file when it reads it (unsigned 32-bit integers become
``bigint``). One bad document never fails the job: it has no cells, and :func:`report` lists every
document's outcome (status, error, warnings) as a DataFrame of its own.

docs/scaling.md shows it on a local session and on a cluster.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

import pyarrow as pa

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["extract", "report", "cells_schema", "report_schema"]

# pyarrow type of cells.parquet -> the type Spark reads it as.
_LONG_UNSIGNED = {pa.uint32(): pa.int64()}


def _spark_arrow_type(arrow_type: pa.DataType) -> pa.DataType:
    if pa.types.is_large_string(arrow_type) or pa.types.is_string(arrow_type):
        return pa.string()
    if pa.types.is_large_list(arrow_type) or pa.types.is_list(arrow_type):
        return pa.list_(_spark_arrow_type(arrow_type.value_type))
    return _LONG_UNSIGNED.get(arrow_type, arrow_type)


def _cells_arrow_schema() -> pa.Schema:
    """cells.parquet's Arrow schema with Spark's types, every field nullable (as Spark reads files)."""
    stream, _, _, _ = _native.extract_held([], jobs=1)
    documented = pa.RecordBatchReader.from_stream(stream).schema
    return pa.schema([pa.field(field.name, _spark_arrow_type(field.type), nullable=True) for field in documented])


def cells_schema() -> "StructType":
    """The Spark schema of :func:`extract`'s result: what ``spark.read.parquet`` gives for
    ``cells.parquet``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_cells_arrow_schema())


_REPORT_ARROW_SCHEMA = pa.schema([
    ("path", pa.string()),
    ("doc_id", pa.string()),
    ("status", pa.string()),
    ("tables", pa.int64()),
    ("cells", pa.int64()),
    ("warnings", pa.list_(pa.string())),
    ("error", pa.string()),
    ("error_kind", pa.string()),
    ("content_hash", pa.string()),
])


def report_schema() -> "StructType":
    """The Spark schema of :func:`report`'s result."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_REPORT_ARROW_SCHEMA)


def _local_path(path: str) -> str:
    """``file:/a/b`` and ``file:///a/b`` -> ``/a/b`` (what the command is given); other schemes
    (``s3a://``, ``hdfs://``, ``dbfs:``) as they are."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if path.startswith("file:"):
        return path[len("file:"):]
    return path


def _doc_id(source: str, root: Optional[str]) -> str:
    """The document id: below ``root``, the path relative to it, as ``begroting extract ROOT``
    gives it; otherwise the whole path, so that two files of one name in different folders
    never share an id (the command, given files one by one, would tell them apart the same way)."""
    if root is not None:
        prefix = _local_path(root).rstrip("/") + "/"
        if source.startswith(prefix):
            return source[len(prefix):]
    return source


def _held(batch: pa.RecordBatch, path_col: str, content_col: str, url_col: Optional[str],
          root: Optional[str]) -> list:
    paths = batch.column(path_col).to_pylist()
    contents = batch.column(content_col).to_pylist()
    urls = batch.column(url_col).to_pylist() if url_col else [None] * len(paths)
    held = []
    for path, content, url in zip(paths, contents, urls):
        source = _local_path(path)
        # A `.url` sidecar is read only beside a local file (executors cannot see object storage).
        local = path.startswith("file:") or path.startswith("/")
        held.append((source, _doc_id(source, root), content if content is not None else b"", url, local))
    return held


def extract(documents: "DataFrame", *, path_col: str = "path", content_col: str = "content",
            url_col: Optional[str] = None, root: Optional[str] = None,
            overrides: Optional[str] = None, max_document_mb: Optional[int] = None) -> "DataFrame":
    """Extracts a Spark DataFrame of documents into a Spark DataFrame of cells.

    ``documents``: one row per document with its path and bytes, as
    ``spark.read.format("binaryFile")`` gives (``path``, ``content``; other columns are ignored).
    ``url_col``: a column with page addresses (else a ``NAME.url`` file beside a local document is
    read, as the command does). ``root``: the folder the documents were found under, so that
    ``doc_id`` is the path below it, as ``begroting extract ROOT`` gives it (without it, or for a
    file outside it, the whole path). ``overrides``: an overrides file readable at that path on
    every executor.

    Each Arrow batch Spark hands a task holds whole documents: keep
    ``spark.sql.execution.arrow.maxRecordsPerBatch`` modest (64 or so) when documents are large.

    Returns the rows of ``cells.parquet``; documents that fail have none (see :func:`report`).
    """
    arrow_schema = _cells_arrow_schema()

    def cells_of(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            held = _held(batch, path_col, content_col, url_col, root)
            # One thread per task: Spark runs as many tasks as the executor has cores.
            stream, _, _, _ = _native.extract_held(held, overrides=overrides, jobs=1,
                                                   max_document_mb=max_document_mb)
            for cells in pa.RecordBatchReader.from_stream(stream):
                yield cells.cast(arrow_schema)

    return documents.mapInArrow(cells_of, cells_schema())


def report(documents: "DataFrame", *, path_col: str = "path", content_col: str = "content",
           url_col: Optional[str] = None, root: Optional[str] = None,
           overrides: Optional[str] = None, max_document_mb: Optional[int] = None) -> "DataFrame":
    """One row per document: ``path``, ``doc_id``, ``status`` (``ok`` or ``failed``),
    ``tables``, ``cells``, ``warnings`` (every warning as a sentence with its place), ``error``,
    ``error_kind``, ``content_hash``: ``report.json``'s entries as a Spark DataFrame. It extracts
    the documents again; cache ``documents`` when you ask for both."""
    import json

    def report_of(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            held = _held(batch, path_col, content_col, url_col, root)
            stream, entries, _, _ = _native.extract_held(held, overrides=overrides, jobs=1,
                                                         max_document_mb=max_document_mb)
            del stream
            rows = []
            for (source, doc_id, _, _, _), entry in zip(held, json.loads(entries)):
                rows.append({
                    "path": source,
                    "doc_id": doc_id,
                    "status": entry["status"],
                    "tables": entry["tables"],
                    "cells": entry["cells"],
                    "warnings": entry["warnings"],
                    "error": entry.get("error"),
                    "error_kind": entry.get("error_kind"),
                    "content_hash": entry.get("content_hash"),
                })
            yield pa.RecordBatch.from_pylist(rows, schema=_REPORT_ARROW_SCHEMA)

    return documents.mapInArrow(report_of, report_schema())
