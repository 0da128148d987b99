"""Every table of Dutch central-government budget documents as tidy long-format data.

`begroting` reads ontwerpbegrotingen, suppletoire begrotingen, jaarverslagen, Miljoenennota and
the other budget documents as HTML pages, flattened text or the government's own publication XML,
finds every table and returns one row per data cell with where it came from (the columns of
docs/schema.md, the same rows as the `begroting` command's ``cells.parquet``).

    >>> import begroting
    >>> cells = begroting.extract("fixtures/corpus")              # polars DataFrame
    >>> result = begroting.run("fixtures/corpus")                 # cells, documents, warnings
    >>> result.documents.filter(status="failed")

One bad document never stops the others: it is a ``failed`` row of ``run(...).documents`` (and
``extract`` says so with a :class:`DocumentsFailed` warning). An exception means the call itself
is wrong: an overrides file or manifest that cannot be read, inputs that hold no document at all,
an unknown option.

The cells cross from the extractor by the Arrow C stream interface, not row by row. Extraction
runs with the GIL released, on all cores unless ``jobs`` says otherwise. ``begroting.spark``
runs the same extractor inside Spark's executors.
"""
from __future__ import annotations

import json
import os
import warnings as _warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

import polars as pl
import pyarrow as pa

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "BegrotingError",
    "CheckResult",
    "DocumentsFailed",
    "Extraction",
    "check",
    "extract",
    "extract_arrow",
    "extract_batches",
    "extract_bytes",
    "expand_row",
    "read_tables",
    "run",
]

__version__: str = _native.version()

PathLike = Union[str, "os.PathLike[str]"]
Paths = Union[PathLike, Sequence[PathLike]]


class BegrotingError(Exception):
    """A call the extractor refused, or (from :func:`extract_bytes`) a document it could not read.

    Attributes: ``path`` (the file concerned), ``kind`` (a stable name: ``read``, ``empty``,
    ``binary``, ``too_large``, ``unsupported_format``, ``unsupported_xml``, ``config``, ``panic``,
    …), ``line`` (1-based, when the error names one) and ``message`` (the whole sentence, which
    also names the file and place).
    """

    def __init__(self, message: str, *, path: Optional[str] = None, kind: Optional[str] = None,
                 line: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.kind = kind
        self.line = line

    @classmethod
    def _from_native(cls, error: Exception) -> "BegrotingError":
        payload = json.loads(str(error.args[0]))
        return cls(payload["message"], path=payload.get("file"), kind=payload.get("kind"),
                   line=payload.get("line"))


class DocumentsFailed(UserWarning):
    """Issued by :func:`extract` when some inputs failed; the others' cells are returned.

    ``failures`` holds one ``(source, error)`` pair per failed input. :func:`run` gives the same
    as data (``run(...).documents``), without a warning.
    """

    def __init__(self, message: str, failures: list) -> None:
        super().__init__(message)
        self.failures = failures


# The per-input report (report.json's entries) and the warnings, as frames of fixed types.
_DOCUMENT_SCHEMA = {
    "source": pl.String,
    "status": pl.String,
    "tables": pl.Int64,
    "cells": pl.Int64,
    "warnings": pl.Int64,
    "error": pl.String,
    "error_kind": pl.String,
    "content_hash": pl.String,
}
_WARNING_SCHEMA = {
    "doc_id": pl.String,
    "source": pl.String,
    "kind": pl.String,
    "line": pl.Int64,
    "table_index": pl.Int64,
    "row_index": pl.Int64,
    "column_index": pl.Int64,
    "message": pl.String,
}
_FINDING_SCHEMA = {
    "rule": pl.String,
    "severity": pl.String,
    "doc_id": pl.String,
    "line": pl.Int64,
    "table_index": pl.Int64,
    "row_index": pl.Int64,
    "column_index": pl.Int64,
    "message": pl.String,
}


@dataclass(frozen=True)
class Extraction:
    """A whole run: ``cells`` (the long format), ``documents`` (one row per input, in input
    order: ``source``, ``status`` ok/failed/skipped, ``tables``, ``cells``, ``warnings``,
    ``error``, ``error_kind``, ``content_hash``) and ``warnings`` (one row per warning: ``doc_id``, ``source``,
    ``kind``, ``line``, ``table_index``, ``row_index``, ``column_index``, ``message``)."""

    cells: pl.DataFrame
    documents: pl.DataFrame
    warnings: pl.DataFrame

    @property
    def failed(self) -> pl.DataFrame:
        """The inputs that failed, with their errors."""
        return self.documents.filter(pl.col("status") == "failed")


@dataclass(frozen=True)
class CheckResult:
    """What :func:`check` found. ``ok`` is the command's exit status as a boolean: False exactly
    when ``begroting check`` would exit 1 (a finding at or above ``fail_on``).

    ``findings`` and ``accepted`` (findings an expectation file accepts) are frames with
    ``rule``, ``severity``, ``doc_id``, ``line``, ``table_index``, ``row_index``,
    ``column_index`` and ``message``."""

    findings: pl.DataFrame
    accepted: pl.DataFrame
    ok: bool
    documents: int


def _path_list(paths: Paths) -> list:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fsdecode(os.fspath(path)) for path in paths]
    if "-" in paths:
        raise ValueError("'-' (standard input) is the command's; pass the bytes to begroting.extract_bytes")
    return paths


def _optional_path(path: Optional[PathLike]) -> Optional[str]:
    return None if path is None else os.fspath(path)


def _native_call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except _native.NativeError as error:
        raise BegrotingError._from_native(error) from None


def _arrow(stream: Any) -> pa.Table:
    return pa.RecordBatchReader.from_stream(stream).read_all()


def _polars(stream: Any) -> pl.DataFrame:
    """The cells handed over as polars' own string views (``views=True``): polars takes them
    through the Arrow PyCapsule interface without a copy."""
    return pl.DataFrame(stream)


def _documents_frame(report_json: str) -> pl.DataFrame:
    rows = [
        {
            "source": entry["source"],
            "status": entry["status"],
            "tables": entry["tables"],
            "cells": entry["cells"],
            "warnings": len(entry["warnings"]),
            "error": entry.get("error"),
            "error_kind": entry.get("error_kind"),
            "content_hash": entry.get("content_hash"),
        }
        for entry in json.loads(report_json)
    ]
    return pl.DataFrame(rows, schema=_DOCUMENT_SCHEMA)


def _warnings_frame(warnings_json: str) -> pl.DataFrame:
    return pl.DataFrame(json.loads(warnings_json), schema=_WARNING_SCHEMA)


def _run_native(paths: Paths, overrides, manifest, jobs, progress, max_document_mb, keep_tables=False,
                views=False):
    listed = _path_list(paths)
    result = _native_call(
        _native.extract_files,
        listed,
        overrides=_optional_path(overrides),
        manifest=_optional_path(manifest),
        jobs=jobs,
        progress=progress,
        keep_tables=keep_tables,
        max_document_mb=max_document_mb,
        views=views,
    )
    documents = [entry for entry in json.loads(result[1]) if entry["input"] == "document"]
    if all(entry["status"] == "skipped" for entry in documents):
        # As the command: nothing to read is a mistake in the call, not an empty result.
        raise BegrotingError(
            f"no document found in {', '.join(listed)} (it reads .html, .htm, .xhtml, .xml and .txt, "
            "also gzip-compressed as .gz)", path=listed[0], kind="no_document")
    return result


def run(paths: Paths, *, overrides: Optional[PathLike] = None, manifest: Optional[PathLike] = None,
        jobs: Optional[int] = None, progress: bool = False,
        max_document_mb: Optional[int] = None) -> Extraction:
    """Extracts files and folders and returns everything: cells, per-input outcome, warnings.

    ``paths``: a file, a folder (walked recursively in sorted order, as the command walks it) or a
    list of them. ``.html``, ``.htm``, ``.xhtml``, ``.xml`` and ``.txt`` are read, also
    gzip-compressed. ``overrides``: an overrides file settling inferred placements (docs/check.md).
    ``manifest``: a CSV of ``path,url`` lines giving documents their page addresses. ``jobs``:
    worker threads (default all cores). ``progress``: a progress bar on standard error.
    ``max_document_mb``: the per-document size limit (default 64).
    """
    stream, report, warnings, _ = _run_native(paths, overrides, manifest, jobs, progress, max_document_mb,
                                              views=True)
    return Extraction(cells=_polars(stream), documents=_documents_frame(report),
                      warnings=_warnings_frame(warnings))


def _warn_failures(report_json: str, stacklevel: int) -> None:
    """One DocumentsFailed warning naming the failed inputs, pointing at the user's call
    (``stacklevel`` counts the frames between it and here)."""
    failures = [(entry["source"], entry.get("error")) for entry in json.loads(report_json)
                if entry["status"] == "failed"]
    if failures:
        listed = "; ".join(f"{error}" for _, error in failures[:5])
        more = f" (and {len(failures) - 5} more)" if len(failures) > 5 else ""
        _warnings.warn(DocumentsFailed(
            f"{len(failures)} input(s) failed and have no cells: {listed}{more}; "
            "begroting.run(...).documents lists every input's outcome", failures), stacklevel=stacklevel)


class CellBatches:
    """The cells of a run, extracted as they are read: iterate it for one frame per window of
    documents (a few documents per thread), so that memory holds one window however many
    documents there are. ``documents`` and ``warnings`` (as in :class:`Extraction`) cover the
    inputs read so far, and all of them once the iteration has ended. Iterate it once."""

    def __init__(self, native: Any, as_pandas: bool) -> None:
        self._native = native
        self._as_pandas = as_pandas

    def __iter__(self):
        for batch in pa.RecordBatchReader.from_stream(self._native):
            yield batch.to_pandas() if self._as_pandas else pl.from_arrow(batch)

    def _report(self):
        return self._native.report()

    @property
    def documents(self) -> pl.DataFrame:
        """One row per input handled so far (see :class:`Extraction`)."""
        return _documents_frame(self._report()[0])

    @property
    def warnings(self) -> pl.DataFrame:
        """The warnings of the inputs handled so far (see :class:`Extraction`)."""
        return _warnings_frame(self._report()[1])

    @property
    def finished(self) -> bool:
        """True once every input was handled."""
        return self._report()[2]


def extract_batches(paths: Paths, *, overrides: Optional[PathLike] = None,
                    manifest: Optional[PathLike] = None, jobs: Optional[int] = None,
                    as_pandas: bool = False, max_document_mb: Optional[int] = None) -> CellBatches:
    """Like :func:`extract`, but a window of documents at a time: for runs too large to hold in
    memory at once. Yields polars frames (pandas with ``as_pandas=True``) whose rows, joined,
    are exactly :func:`extract`'s, in the same order::

        for cells in begroting.extract_batches("downloads/"):
            cells.write_parquet(...)

    Failed inputs are rows of ``.documents``; nothing is raised for them.
    """
    listed = _path_list(paths)
    native = _native_call(_native.extract_windows, listed, overrides=_optional_path(overrides),
                          manifest=_optional_path(manifest), jobs=jobs, max_document_mb=max_document_mb)
    return CellBatches(native, as_pandas)


def _extract_arrow(paths, overrides, manifest, jobs, progress, max_document_mb, stacklevel) -> pa.Table:
    stream, report, _, _ = _run_native(paths, overrides, manifest, jobs, progress, max_document_mb)
    _warn_failures(report, stacklevel + 1)
    return _arrow(stream)


def extract_arrow(paths: Paths, *, overrides: Optional[PathLike] = None,
                  manifest: Optional[PathLike] = None, jobs: Optional[int] = None,
                  progress: bool = False, max_document_mb: Optional[int] = None) -> pa.Table:
    """Like :func:`extract`, as a pyarrow Table with ``cells.parquet``'s own Arrow schema."""
    return _extract_arrow(paths, overrides, manifest, jobs, progress, max_document_mb, stacklevel=3)


def extract(paths: Paths, *, overrides: Optional[PathLike] = None, manifest: Optional[PathLike] = None,
            jobs: Optional[int] = None, progress: bool = False, as_pandas: bool = False,
            max_document_mb: Optional[int] = None) -> Union[pl.DataFrame, "pd.DataFrame"]:
    """Extracts every table of the documents into one long-format DataFrame.

    One row per data cell (docs/schema.md): the same rows, in the same order and with the same
    types, as ``cells.parquet`` of ``begroting extract`` over the same inputs. Returns a polars
    DataFrame, or a pandas one with ``as_pandas=True`` (the types ``pandas.read_parquet`` gives).

    Inputs that fail do not stop the others; they have no cells, and a :class:`DocumentsFailed`
    warning names them (``run`` returns every input's outcome as data instead). See :func:`run`
    for the arguments.
    """
    if as_pandas:
        return _extract_arrow(paths, overrides, manifest, jobs, progress, max_document_mb, stacklevel=3).to_pandas()
    stream, report, _, _ = _run_native(paths, overrides, manifest, jobs, progress, max_document_mb, views=True)
    _warn_failures(report, stacklevel=3)
    return _polars(stream)


def extract_bytes(data: bytes, name: str, *, url: Optional[str] = None,
                  overrides: Optional[PathLike] = None, as_pandas: bool = False,
                  max_document_mb: Optional[int] = None) -> Union[pl.DataFrame, "pd.DataFrame"]:
    """Extracts one document already in memory (what a Spark executor or a web handler has).

    ``name`` names the document (its ``source``; its file name is the ``doc_id``) and, by its
    extension, picks the reader when the content does not decide (``.html``, ``.txt``, ``.xml``;
    gzip is unpacked). ``url`` is the page address. Raises :class:`BegrotingError` naming the
    document when it cannot be read (empty, binary, too large, …).
    """
    # The name is no file: no `.url` sidecar is looked for beside it.
    stream, report, _, _ = _native_call(
        _native.extract_held, [(name, None, bytes(data), url, False)], overrides=_optional_path(overrides),
        jobs=1, max_document_mb=max_document_mb, views=not as_pandas)
    entry = json.loads(report)[0]
    if entry["status"] != "ok":
        raise BegrotingError(entry.get("error") or "the document failed", path=name,
                             kind=entry.get("error_kind"))
    return _arrow(stream).to_pandas() if as_pandas else _polars(stream)


def read_tables(paths: Paths, *, overrides: Optional[PathLike] = None,
                manifest: Optional[PathLike] = None, jobs: Optional[int] = None) -> list:
    """The nested tables of documents, as ``tables.json`` holds them: one dict per document that
    was read (``doc_id``, ``source``, ``url``, ``meta``, ``tables`` with their columns, rows,
    notes, confidence and warnings, ``warnings``), in input order; defaults are left out as in
    the file. Rows are compact as in the file (docs/schema.md, "Rows"): a cell is ``None``
    (empty), a ``str`` (text only), a ``[text, value]`` list (a number; whole values are ints)
    or a dict; a cell's ``line`` is left out where it keeps the row's ``line_step``, and a row's
    ``label`` where it is the last non-empty stub cell. Inputs that fail are left out with a
    :class:`DocumentsFailed` warning."""
    _, report, _, tables = _run_native(paths, overrides, manifest, jobs, False, None, keep_tables=True)
    _warn_failures(report, stacklevel=3)
    return json.loads(tables)


def expand_row(row: dict) -> dict:
    """A row of ``tables.json`` (or of :func:`read_tables`) with everything the compact form
    leaves out written back (docs/schema.md, "Rows"): ``label``, and every stub and data cell as
    a dict with ``text``, ``line``, ``span_origin``, ``markers``, ``value`` (a float or None),
    ``value_kind`` and ``flags``. A cell's line, when the file leaves it out, is the row's
    ``line`` for the first stub cell and the line of the cell before it plus the row's
    ``line_step`` for every later one."""
    step = row.get("line_step", 0)
    expected = row.get("line")
    expanded = {key: value for key, value in row.items() if key not in ("stub", "cells", "line_step")}

    def cell_of(written: Any, expected_line: Optional[int]) -> dict:
        if written is None:
            fields: dict = {}
        elif isinstance(written, str):
            fields = {"text": written}
        elif isinstance(written, list):
            fields = {"text": written[0], "value": written[1], "value_kind": "number"}
        else:
            fields = written
        value = fields.get("value")
        return {
            "text": fields.get("text", ""),
            "line": fields["line"] if "line" in fields else expected_line,
            "span_origin": fields.get("span_origin"),
            "markers": list(fields.get("markers", [])),
            "value": None if value is None else float(value),
            "value_kind": fields.get("value_kind", "empty"),
            "flags": list(fields.get("flags", [])),
        }

    for part in ("stub", "cells"):
        cells = []
        for written in row.get(part, []):
            cell = cell_of(written, expected)
            cells.append(cell)
            expected = None if cell["line"] is None else cell["line"] + step
        expanded[part] = cells
    if "label" not in row:
        texts = [cell["text"] for cell in expanded["stub"] if cell["text"]]
        expanded["label"] = texts[-1] if texts else ""
    return expanded


def _findings_frame(findings_json: str) -> pl.DataFrame:
    rows = []
    for finding in json.loads(findings_json):
        location = finding.get("location") or {}
        rows.append({
            "rule": finding["rule"],
            "severity": finding["severity"],
            "doc_id": finding["doc_id"],
            "line": location.get("line"),
            "table_index": location.get("table_index"),
            "row_index": location.get("row_index"),
            "column_index": location.get("column_index"),
            "message": finding["message"],
        })
    return pl.DataFrame(rows, schema=_FINDING_SCHEMA)


def check(inputs: Paths, *, expect: Iterable[PathLike] = (), overrides: Optional[PathLike] = None,
          fail_on: str = "error") -> CheckResult:
    """Runs ``begroting check``: documents (extracted now) or output directories of ``begroting
    extract`` (read as written) judged by the built-in rules and the expectation files
    (docs/check.md). ``fail_on``: ``"error"`` or ``"warning"``. ``ok`` is False exactly when
    the command would exit 1. Raises :class:`BegrotingError` where the command exits 2: an input
    that does not exist, an expectation or overrides file that cannot be read, an output directory
    that is not whole."""
    listed = _path_list(inputs)
    missing = [path for path in listed if not os.path.exists(path)]
    if missing:
        raise BegrotingError(f"input not found: {', '.join(missing)}", path=missing[0], kind="read")
    findings, accepted, failed, documents = _native_call(
        _native.check_inputs, listed, expect=_path_list(expect),
        overrides=_optional_path(overrides), fail_on=fail_on)
    return CheckResult(findings=_findings_frame(findings), accepted=_findings_frame(accepted),
                       ok=not failed, documents=documents)
