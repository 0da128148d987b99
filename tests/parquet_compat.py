#!/usr/bin/env python3
"""Opens a cells.parquet written by `begroting extract` in pyarrow/pandas, polars and DuckDB, and
checks that every column has the type docs/schema.md promises. Run by .ci/run; usage:

    python3 tests/parquet_compat.py OUTPUT_DIR/cells.parquet [MIN_ROWS]

Exits non-zero with a message naming the column when a reader disagrees with the schema.
"""
import pathlib
import re
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pyarrow.types as pat

# column -> (pyarrow check, polars dtype, duckdb type)
LIST = "list"
SCHEMA = {
    "doc_id": ("string", pl.String, "VARCHAR"),
    "doc_sha256": ("string", pl.String, "VARCHAR"),
    "source": ("string", pl.String, "VARCHAR"),
    "url": ("string", pl.String, "VARCHAR"),
    "year": ("int32", pl.Int32, "INTEGER"),
    "doc_type": ("string", pl.String, "VARCHAR"),
    "chapter": ("string", pl.String, "VARCHAR"),
    "dossier": ("string", pl.String, "VARCHAR"),
    "stuk": ("string", pl.String, "VARCHAR"),
    "section": ("string", pl.String, "VARCHAR"),
    "table_index": ("uint32", pl.UInt32, "UINTEGER"),
    "table_number": ("string", pl.String, "VARCHAR"),
    "table_title": ("string", pl.String, "VARCHAR"),
    "row_index": ("uint32", pl.UInt32, "UINTEGER"),
    "row_label": ("string", pl.String, "VARCHAR"),
    "row_code": ("string", pl.String, "VARCHAR"),
    "row_article": ("string", pl.String, "VARCHAR"),
    "row_stub": (LIST, pl.List(pl.String), "VARCHAR[]"),
    "row_group": ("string", pl.String, "VARCHAR"),
    "row_kind": ("string", pl.String, "VARCHAR"),
    "parent_row_index": ("uint32", pl.UInt32, "UINTEGER"),
    "column_index": ("uint32", pl.UInt32, "UINTEGER"),
    "column_header": ("string", pl.String, "VARCHAR"),
    "column_path": (LIST, pl.List(pl.String), "VARCHAR[]"),
    "column_year": ("int32", pl.Int32, "INTEGER"),
    "column_measure": ("string", pl.String, "VARCHAR"),
    "raw": ("string", pl.String, "VARCHAR"),
    "value": ("float64", pl.Float64, "DOUBLE"),
    "value_kind": ("string", pl.String, "VARCHAR"),
    "value_scaled": ("float64", pl.Float64, "DOUBLE"),
    "unit": ("string", pl.String, "VARCHAR"),
    "unit_multiplier": ("int64", pl.Int64, "BIGINT"),
    "unit_currency": ("string", pl.String, "VARCHAR"),
    "unit_kind": ("string", pl.String, "VARCHAR"),
    "footnote_markers": (LIST, pl.List(pl.String), "VARCHAR[]"),
    "footnote_texts": (LIST, pl.List(pl.String), "VARCHAR[]"),
    "flags": (LIST, pl.List(pl.String), "VARCHAR[]"),
    "line": ("uint32", pl.UInt32, "UINTEGER"),
}


def documented_nullability():
    """column -> whether docs/schema.md lets it be null (its type says ", null")."""
    schema_md = pathlib.Path(__file__).resolve().parent.parent / "docs" / "schema.md"
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", schema_md.read_text(encoding="utf-8"), re.MULTILINE)
    return {name: "null" in kind for name, kind in rows if name in SCHEMA}


def is_string(t):
    return pat.is_string(t) or pat.is_large_string(t) or (hasattr(pat, "is_string_view") and pat.is_string_view(t))


def arrow_ok(kind, t):
    if kind == "string":
        return is_string(t)
    if kind == LIST:
        return (pat.is_list(t) or pat.is_large_list(t)) and is_string(t.value_type)
    return str(t) == {"int32": "int32", "int64": "int64", "uint32": "uint32", "float64": "double"}[kind]


def main():
    path = sys.argv[1]
    min_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    problems = []

    arrow = pq.read_table(path)
    if arrow.column_names != list(SCHEMA):
        problems.append(f"pyarrow: columns {arrow.column_names} != {list(SCHEMA)}")
    for name, (kind, _, _) in SCHEMA.items():
        if name in arrow.column_names and not arrow_ok(kind, arrow.schema.field(name).type):
            problems.append(f"pyarrow: {name} is {arrow.schema.field(name).type}, expected {kind}")

    # Never-null columns are REQUIRED in the Parquet schema and not nullable in the Arrow one.
    nullable = documented_nullability()
    if set(nullable) != set(SCHEMA):
        problems.append(f"docs/schema.md does not list {sorted(set(SCHEMA) - set(nullable))}")
    parquet_file = pq.ParquetFile(path)
    # Top-level fields of the Parquet schema (two spaces in), as "required binary ... doc_id (String);"
    repetition = dict(
        (name, rep)
        for rep, name in re.findall(r"^  (required|optional) \w+ field_id=-?\d+ (\w+)", str(parquet_file.schema), re.MULTILINE)
    )
    for name, may_be_null in nullable.items():
        field = parquet_file.schema_arrow.field(name)
        if field.nullable != may_be_null:
            problems.append(f"pyarrow: {name} nullable={field.nullable}, docs/schema.md says {may_be_null}")
        if repetition.get(name) != ("optional" if may_be_null else "required"):
            problems.append(f"parquet: {name} is {repetition.get(name)}, docs/schema.md says nullable={may_be_null}")
        if not may_be_null and arrow.column(name).null_count:
            problems.append(f"pyarrow: {name} holds {arrow.column(name).null_count} nulls")

    frame = pd.read_parquet(path)
    if len(frame) < min_rows:
        problems.append(f"pandas: {len(frame)} rows, expected at least {min_rows}")
    if len(frame) and not isinstance(frame["flags"].iloc[0], (list, tuple)) and not hasattr(frame["flags"].iloc[0], "__len__"):
        problems.append("pandas: flags is not a list column")

    polars_frame = pl.read_parquet(path)
    for name, (_, dtype, _) in SCHEMA.items():
        if polars_frame.schema.get(name) != dtype:
            problems.append(f"polars: {name} is {polars_frame.schema.get(name)}, expected {dtype}")

    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    duck_types = {row[0]: row[1] for row in described}
    for name, (_, _, duck) in SCHEMA.items():
        if duck_types.get(name) != duck:
            problems.append(f"duckdb: {name} is {duck_types.get(name)}, expected {duck}")
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0]
    if count != len(frame) or count != polars_frame.height:
        problems.append(f"row counts differ: duckdb {count}, pandas {len(frame)}, polars {polars_frame.height}")

    if problems:
        print(f"{path}: the Parquet file does not match docs/schema.md:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        sys.exit(1)
    print(f"{path}: {count} rows; pyarrow/pandas {pd.__version__}, polars {pl.__version__}, duckdb {duckdb.__version__} agree with docs/schema.md")


if __name__ == "__main__":
    main()
