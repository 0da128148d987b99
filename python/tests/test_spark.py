"""The Spark path in local mode against the command's own output, row for row."""
import os
import sys

import pytest

from conftest import FIXTURES, run_cli

pyspark = pytest.importorskip("pyspark")

import begroting.spark  # noqa: E402

# Every folder of documents the command reads under fixtures/ but the wild corpus (its 190 pages
# add time, not coverage of the path).
FOLDERS = ["corpus", "encodings", "html", "pruning", "text", "xml"]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers must run this Python (the one the package is installed in), not the first
    # `python3` on the PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("begroting-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.pyspark.python", sys.executable)
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def documents(spark, paths):
    return (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
            .option("pathGlobFilter", "*.{html,htm,xhtml,xml,txt,gz}").load(paths))


@pytest.fixture(scope="module")
def cli_output_absolute(tmp_path_factory):
    """`begroting extract FIXTURES/corpus FIXTURES/encodings ...` with absolute folder paths, as
    Spark's binaryFile source names files."""
    out = tmp_path_factory.mktemp("cli-abs")
    done = run_cli("extract", *[str(FIXTURES / folder) for folder in FOLDERS], "-o", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


def test_spark_extract_gives_the_rows_of_the_commands_cells(spark, cli_output_absolute):
    # Spark keeps no order across partitions: the rows are compared as a multiset (each row as
    # often on both sides), with equal counts.
    written = spark.read.parquet(str(cli_output_absolute / "cells.parquet"))
    found = documents(spark, [str(FIXTURES / folder) for folder in FOLDERS])
    # The command names each file by its path below the folder it was given.
    per_folder = [begroting.spark.extract(found.filter(found.path.contains(f"/fixtures/{folder}/")),
                                          root=str(FIXTURES / folder)) for folder in FOLDERS]
    cells = per_folder[0]
    for more in per_folder[1:]:
        cells = cells.unionByName(more)
    assert cells.schema == written.schema
    assert cells.count() == written.count() > 3_000
    assert cells.exceptAll(written).count() == 0
    assert written.exceptAll(cells).count() == 0


def test_one_bad_document_never_fails_the_job(spark, tmp_path):
    (tmp_path / "leeg.txt").write_text("  \n")
    (tmp_path / "plaatje.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    page = FIXTURES / "text" / "veiligheidsagenda-owb-2022-VI.txt"
    (tmp_path / page.name).write_bytes(page.read_bytes())
    found = documents(spark, str(tmp_path))
    cells = begroting.spark.extract(found, root=str(tmp_path))
    assert [row["doc_id"] for row in cells.select("doc_id").distinct().collect()] == [page.name]
    # Tabel 2 of the seed, "Aantal aangepakte CSV's", 2019: 1.522 (line 43 of the page).
    row = cells.filter((cells.row_label == "Aantal aangepakte CSV's") & (cells.column_index == 0)).collect()
    assert [(r["raw"], r["line"]) for r in row] == [("1.522", 43)]
    report = {r["doc_id"]: r for r in begroting.spark.report(found, root=str(tmp_path)).collect()}
    assert report["leeg.txt"]["status"] == "failed" and report["leeg.txt"]["error_kind"] == "empty"
    assert report["plaatje.html"]["error_kind"] == "binary"
    assert report[page.name]["status"] == "ok" and report[page.name]["cells"] > 0
