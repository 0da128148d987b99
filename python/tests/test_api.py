"""The Python API against the command's own output, on the bundled fixtures."""
import gzip
import json
import re
import warnings

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from polars.testing import assert_frame_equal

import begroting

from conftest import FIXTURES, run_cli

# docs/schema.md's long format, as polars types (tests/parquet_compat.py holds the same list for
# the Parquet file).
SCHEMA_POLARS = {
    "doc_id": pl.String, "doc_sha256": pl.String, "source": pl.String, "url": pl.String,
    "year": pl.Int32, "doc_type": pl.String, "chapter": pl.String, "dossier": pl.String,
    "stuk": pl.String, "section": pl.String, "table_index": pl.UInt32, "table_number": pl.String,
    "table_title": pl.String, "row_index": pl.UInt32, "row_label": pl.String, "row_code": pl.String,
    "row_article": pl.String, "row_stub": pl.List(pl.String), "row_group": pl.String,
    "row_kind": pl.String, "parent_row_index": pl.UInt32, "column_index": pl.UInt32,
    "column_header": pl.String, "column_path": pl.List(pl.String), "column_year": pl.Int32,
    "column_measure": pl.String, "raw": pl.String, "value": pl.Float64, "value_kind": pl.String,
    "value_scaled": pl.Float64, "unit": pl.String, "unit_multiplier": pl.Int64,
    "unit_currency": pl.String, "unit_kind": pl.String, "footnote_markers": pl.List(pl.String),
    "footnote_texts": pl.List(pl.String), "flags": pl.List(pl.String), "line": pl.UInt32,
}


def test_extract_gives_exactly_the_rows_of_the_commands_cells_parquet(cli_output, in_repo):
    cells = begroting.extract("fixtures/")
    written = pl.read_parquet(cli_output / "cells.parquet")
    assert cells.height > 10_000
    assert_frame_equal(cells, written)


def test_polars_types_are_the_documented_ones(in_repo):
    cells = begroting.extract("fixtures/text")
    assert dict(cells.schema) == SCHEMA_POLARS


def test_pandas_frame_equals_pandas_reading_the_parquet_file(cli_output, in_repo):
    frame = begroting.extract("fixtures/", as_pandas=True)
    written = pd.read_parquet(cli_output / "cells.parquet")
    pd.testing.assert_frame_equal(frame, written)


def test_extract_arrow_has_the_files_arrow_schema_nullability_included(cli_output, in_repo):
    table = begroting.extract_arrow("fixtures/")
    assert isinstance(table, pa.Table)
    assert table.schema.equals(pq.read_schema(cli_output / "cells.parquet"), check_metadata=False)
    assert not table.schema.field("doc_id").nullable
    assert table.schema.field("url").nullable


def test_seed_figures_arrive_as_printed(in_repo):
    # ../shared/seed, copied as fixtures/text/veiligheidsagenda-owb-2022-VI.txt, lines 15-45:
    # Tabel 2 Veiligheidsagenda 2019-2022, header "Realisatie" over "2019", row "Aantal aangepakte
    # CSV's" (group Ondermijning) prints 1.522, then 1.529 under 2020.
    cells = begroting.extract("fixtures/text/veiligheidsagenda-owb-2022-VI.txt")
    row = cells.filter((pl.col("table_number") == "2") & (pl.col("row_label") == "Aantal aangepakte CSV's"))
    assert row["column_header"].to_list()[:2] == ["Realisatie 2019", "Realisatie 2020"]
    assert row["raw"].to_list()[:2] == ["1.522", "1.529"]
    assert row["value"].to_list()[:2] == [1522.0, 1529.0]
    assert row["row_group"][0] == "Ondermijning"
    assert row["line"][0] == 43


def test_a_bad_document_is_a_failed_row_and_the_others_are_kept(in_repo, tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("   \n")
    missing = tmp_path / "weg.html"
    result = begroting.run(["fixtures/text", str(empty), str(missing)])
    statuses = dict(zip(result.documents["source"], result.documents["status"]))
    assert statuses[str(empty)] == "failed"
    assert statuses[str(missing)] == "failed"
    assert result.failed.filter(pl.col("source") == str(empty))["error_kind"][0] == "empty"
    assert result.cells.filter(pl.col("doc_id") == "veiligheidsagenda-owb-2022-VI.txt").height > 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cells = begroting.extract(["fixtures/text", str(empty)])
    assert cells.height == result.cells.height
    failed = [w for w in caught if issubclass(w.category, begroting.DocumentsFailed)]
    assert len(failed) == 1 and failed[0].message.failures[0][0] == str(empty)


def test_extract_bytes_reads_a_document_in_memory_and_raises_on_a_bad_one(in_repo):
    page = FIXTURES / "text" / "veiligheidsagenda-owb-2022-VI.txt"
    from_file = begroting.extract(str(page))
    url = page.with_suffix(".url").read_text().strip()
    held = begroting.extract_bytes(page.read_bytes(), "veiligheidsagenda-owb-2022-VI.txt", url=url)
    assert_frame_equal(held.drop("source", "url"), from_file.drop("source", "url"))
    with pytest.raises(begroting.BegrotingError) as raised:
        begroting.extract_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "plaatje.html")
    assert raised.value.kind == "binary"
    assert raised.value.path == "plaatje.html"
    assert "plaatje.html" in str(raised.value)


def test_a_malformed_overrides_file_raises_with_its_file_and_line(in_repo, tmp_path):
    overrides = tmp_path / "overrides.json"
    overrides.write_text("{\n  \"documents\": [\n")
    with pytest.raises(begroting.BegrotingError) as raised:
        begroting.extract("fixtures/text", overrides=overrides)
    assert raised.value.path == str(overrides)
    assert str(overrides) in str(raised.value)


def test_warnings_are_a_frame_not_printed(cli_output, in_repo, capfd):
    result = begroting.run("fixtures/")
    begroting.extract("fixtures/corpus")
    assert capfd.readouterr().err == ""
    assert set(result.warnings.columns) >= {"doc_id", "kind", "line", "table_index", "message"}
    # The same warnings as report.json holds, document by document.
    written = json.loads((cli_output / "report.json").read_text())
    written = {entry["source"]: len(entry["warnings"]) for entry in written if entry["input"] == "document"}
    counted = dict(result.warnings.group_by("source").len().iter_rows())
    assert sum(written.values()) == result.warnings.height > 100
    assert {source: count for source, count in written.items() if count} == counted


def test_read_tables_is_the_content_of_tables_json(cli_output, in_repo):
    written = {entry["doc_id"]: entry for entry in json.loads((cli_output / "tables.json").read_text())}
    documents = begroting.read_tables("fixtures/")
    assert len(documents) == len(written)
    for document in documents:
        assert document == written[document["doc_id"]]


def test_expanded_rows_give_every_cells_line_and_value_as_the_long_format_does(cli_output, in_repo):
    # The seed as flattened text: "Aantal aangepakte CSV's" on line 41, its figures on lines 43,
    # 45 and 47, the empty fourth cell (a no-break space) on line 49.
    seed = begroting.read_tables("fixtures/text/veiligheidsagenda-owb-2022-VI.txt")[0]
    row = next(r for r in seed["tables"][0]["rows"] if r.get("line") == 41)
    expanded = begroting.expand_row(row)
    assert expanded["label"] == "Aantal aangepakte CSV's"
    assert expanded["stub"][0]["line"] == 41
    assert [(c["text"], c["line"], c["value"]) for c in expanded["cells"]] == [
        ("1.522", 43, 1522.0), ("1.529", 45, 1529.0), ("1.370", 47, 1370.0), ("", 49, None)]
    # Every cell of the long format, over all fixtures, has the line (the cell's, else its
    # row's, as docs/schema.md says of the column), value and kind that the expanded row of
    # tables.json gives it.
    cells = pl.read_parquet(cli_output / "cells.parquet").select(
        "doc_id", "table_index", "row_index", "column_index", "line", "value", "value_kind")
    expected = {}
    for document in json.loads((cli_output / "tables.json").read_text()):
        for table in document["tables"]:
            for index, written in enumerate(table["rows"]):
                row = begroting.expand_row(written)
                for column, cell in enumerate(row["cells"]):
                    key = (document["doc_id"], table.get("index", 0), index, column)
                    line = cell["line"] if cell["line"] is not None else row.get("line")
                    expected[key] = (line, cell["value"], cell["value_kind"])
    checked = 0
    for doc_id, table, row_index, column, line, value, kind in cells.iter_rows():
        assert expected[(doc_id, table, row_index, column)] == (line, value, kind), (doc_id, table, row_index, column)
        checked += 1
    assert checked == cells.height > 10_000


@pytest.mark.parametrize("folder", ["fixtures/corpus", "fixtures/text"])
def test_check_has_the_commands_verdict(in_repo, folder):
    result = begroting.check(folder)
    done = run_cli("check", folder, "--quiet")
    # The command exits 0 when the check passes and 1 when it fails (2 is a usage error).
    assert done.returncode in (0, 1), done.stderr
    assert result.ok == (done.returncode == 0)
    assert result.documents > 0
    errors = result.findings.filter(pl.col("severity") == "error").height
    assert re.search(rf"\b{errors} errors", done.stderr), done.stderr


def test_check_with_the_projects_expectations_passes_as_in_ci(in_repo):
    expect = sorted(str(path) for path in (FIXTURES / "expect").glob("*.toml"))
    # The folders and files of .ci/run's `begroting check` step.
    folders = ["fixtures/corpus", "fixtures/encodings", "fixtures/html", "fixtures/pruning", "fixtures/text",
               "fixtures/xml"]
    result = begroting.check(folders, expect=expect,
                             overrides="fixtures/overrides/veiligheidsagenda-owb-2022-VI.json")
    assert result.ok, result.findings
    assert result.accepted.height > 0


def test_help_reads_well():
    assert "long-format" in begroting.extract.__doc__
    assert begroting.__version__


def test_gzip_and_a_manifest_and_one_job(in_repo, tmp_path):
    page = FIXTURES / "text" / "veiligheidsagenda-owb-2022-VI.txt"
    packed = tmp_path / "owb-2022-VI.txt.gz"
    packed.write_bytes(gzip.compress(page.read_bytes()))
    manifest = tmp_path / "manifest.csv"
    address = "https://www.rijksfinancien.nl/memorie-van-toelichting/2022/OWB/VI/onderdeel/1059466"
    manifest.write_text(f"path,url\n{packed},{address}\n")
    cells = begroting.extract(str(packed), manifest=manifest, jobs=1)
    plain = begroting.extract(str(page))
    assert cells["raw"].to_list() == plain["raw"].to_list()
    assert cells["url"].unique().to_list() == [address]
    assert cells["year"].unique().to_list() == [2022]


def test_the_cell_stream_is_taken_once():
    stream, _, _, _ = begroting._native.extract_held([], jobs=1)
    first = pa.RecordBatchReader.from_stream(stream)
    assert first.read_all().num_rows == 0
    with pytest.raises(RuntimeError, match="already consumed"):
        stream.__arrow_c_stream__()
    # A capsule that is never read releases its stream when dropped.
    unread, _, _, _ = begroting._native.extract_held([], jobs=1)
    unread.__arrow_c_stream__()
    del unread


def test_inputs_with_no_document_raise_as_the_command_refuses_them(in_repo, tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(begroting.BegrotingError) as raised:
        begroting.extract(str(tmp_path))
    assert raised.value.kind == "no_document"
    with pytest.raises(begroting.BegrotingError) as raised:
        begroting.check(str(tmp_path / "weg"))
    assert raised.value.path == str(tmp_path / "weg")
    with pytest.raises(ValueError):
        begroting.extract("-")


def test_an_overrides_entry_naming_no_document_is_reported(in_repo, tmp_path):
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"overrides": [
        {"document": "no-such-page", "table": "2", "row": "Totaal", "cells": ["1"], "why": "a misspelt name"}]}))
    result = begroting.run("fixtures/text", overrides=overrides)
    first = result.documents.row(0, named=True)
    assert first["source"] == str(overrides) and first["warnings"] == 1
    assert result.warnings.filter(pl.col("kind") == "unused_override")["message"][0].count("no-such-page") == 1


def test_extract_bytes_reads_no_file_beside_its_name(in_repo, monkeypatch):
    # fixtures/text/veiligheidsagenda-owb-2022-VI.url sits beside the page: a name is no path.
    monkeypatch.chdir(FIXTURES / "text")
    page = FIXTURES / "text" / "veiligheidsagenda-owb-2022-VI.txt"
    cells = begroting.extract_bytes(page.read_bytes(), "veiligheidsagenda-owb-2022-VI.txt")
    assert cells["url"].null_count() == cells.height


def test_check_fails_on_warnings_when_asked(in_repo):
    strict = begroting.check("fixtures/corpus", fail_on="warning")
    done = run_cli("check", "fixtures/corpus", "--fail-on", "warning", "--quiet")
    assert strict.ok == (done.returncode == 0)
    assert strict.findings.filter(pl.col("severity") == "warning").height > 0
    assert not strict.ok


def test_extract_batches_gives_the_same_rows_a_window_at_a_time(cli_output, in_repo, tmp_path):
    (tmp_path / "leeg.txt").write_text(" \n")
    batches = begroting.extract_batches(["fixtures/", str(tmp_path / "leeg.txt")], jobs=1)
    frames = list(batches)
    assert len(frames) > 1
    written = pl.read_parquet(cli_output / "cells.parquet")
    assert_frame_equal(pl.concat(frames), written)
    assert batches.finished
    statuses = dict(zip(batches.documents["source"], batches.documents["status"]))
    assert statuses[str(tmp_path / "leeg.txt")] == "failed"
    whole = begroting.run("fixtures/")
    assert_frame_equal(batches.documents.filter(pl.col("source") != str(tmp_path / "leeg.txt")), whole.documents)
    assert_frame_equal(batches.warnings, whole.warnings)
