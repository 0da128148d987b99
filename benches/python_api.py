#!/usr/bin/env python3
"""The Python package and its Spark path against the command, on the benchmark corpus.

    python3 benches/python_api.py [--pages 2000] [--corpus /tmp/begroting-bench] [--skip-spark]

Sets up what it needs itself: a virtual environment in target/python-venv (maturin, polars,
pyarrow, pandas, pyspark, pytest from pip; the one .ci/run uses), the package built into it with
`maturin develop --release`, the release binary, and the corpus (benches/generate_corpus.py, the
same pages as benches/run.py). Then, each in a child process so that its wall time and peak memory
(max RSS) are its own:
  - `begroting extract HTML -o OUT` (default output: cells.parquet, tables.json, report.json) and
    `begroting.extract(HTML)` (a polars DataFrame), with --jobs 1 and 2;
  - `begroting.extract_batches(HTML)` read to its end, a window at a time, with 1 and 2 jobs;
  - `begroting.spark.extract` over `binaryFile` on local[1] and local[2], timing only the job
    (the cells written to Spark's `noop` sink), not the JVM's start, with how many of the
    machine's cores the job kept busy (the JVM's threads and the Python workers together).
Prints the ratios issue 14 states its targets in. Timings belong here, never in tests.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "python-venv")
PYTHON = os.path.join(VENV, "bin", "python")
PACKAGES = ["maturin", "pytest", "polars", "pyarrow", "pandas", "pyspark"]


def python_environment():
    """target/python-venv with the packages, made on first use (a marker file says pip finished)."""
    ready = os.path.join(VENV, "installed")
    if not os.path.exists(ready):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PACKAGES],
                       check=True)
        open(ready, "w").close()
    environment = dict(os.environ, VIRTUAL_ENV=VENV, PATH=os.path.join(VENV, "bin") + os.pathsep + os.environ["PATH"])
    subprocess.run([os.path.join(VENV, "bin", "maturin"), "develop", "--release", "--quiet", "-m",
                    os.path.join(ROOT, "python", "Cargo.toml")], cwd=ROOT, env=environment, check=True)
    return environment


def measure(command, environment=None):
    """Wall time, peak memory (max RSS, MB) and standard output of a child process. Its output
    goes to temporary files, not pipes, so a chatty child (Spark's JVM) never blocks on a full pipe
    while we wait for it."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"command failed: {' '.join(command)}\n{stderr[-3000:]}", file=sys.stderr)
        sys.exit(1)
    return seconds, usage.ru_maxrss / 1024, stdout


PYTHON_EXTRACT = """
import sys, begroting
cells = begroting.extract(sys.argv[1], jobs=int(sys.argv[2]))
print(cells.height)
"""

PYTHON_BATCHES = """
import sys, begroting
print(sum(cells.height for cells in begroting.extract_batches(sys.argv[1], jobs=int(sys.argv[2]))))
"""

SPARK_JOB = """
import os, sys, time
from pyspark.sql import SparkSession
os.environ["PYSPARK_PYTHON"] = sys.executable
import begroting.spark
cores, folder = sys.argv[1], sys.argv[2]
spark = (SparkSession.builder.master(f"local[{cores}]").config("spark.ui.enabled", "false")
         # binaryFile counts every file as at least openCostInBytes (default 4 MB): left so, each
         # 57 KB page is a task of its own and task overhead is the run time.
         .config("spark.sql.files.maxPartitionBytes", str(8 << 20))
         .config("spark.sql.files.openCostInBytes", str(64 << 10)).getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
documents = spark.read.format("binaryFile").option("pathGlobFilter", "*.html").load(folder)
documents.count()  # list the files before the clock starts
def busy_and_total():
    # The machine's CPU time, busy and all (/proc/stat, in clock ticks), to tell how many cores
    # the job kept busy: the JVM's threads and the Python workers together.
    fields = [int(value) for value in open("/proc/stat").readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)
busy_before, total_before = busy_and_total()
started = time.perf_counter()
begroting.spark.extract(documents, root=folder).write.format("noop").mode("overwrite").save()
seconds = time.perf_counter() - started
busy_after, total_after = busy_and_total()
cores = os.cpu_count() or 1
print(f"{seconds:.3f} {cores * (busy_after - busy_before) / max(1, total_after - total_before):.2f}")
spark.stop()
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--corpus", default="/tmp/begroting-bench")
    parser.add_argument("--skip-spark", action="store_true")
    arguments = parser.parse_args()

    corpus = f"{arguments.corpus}-{arguments.pages}"
    if not os.path.isdir(os.path.join(corpus, "html")):
        subprocess.run([sys.executable, os.path.join(ROOT, "benches", "generate_corpus.py"), corpus,
                        "--pages", str(arguments.pages)], check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    environment = python_environment()
    binary = os.path.join(ROOT, "target", "release", "begroting")
    html = os.path.join(corpus, "html")
    out = os.path.join(corpus, "out-python-bench")

    rows = []
    for jobs in (1, 2):
        cli_seconds, cli_rss, _ = measure([binary, "extract", html, "-o", out, "--quiet", "--force", "--jobs", str(jobs)])
        py_seconds, py_rss, printed = measure([PYTHON, "-c", PYTHON_EXTRACT, html, str(jobs)], environment)
        rows.append((jobs, cli_seconds, cli_rss, py_seconds, py_rss, int(printed.strip())))
    print(f"corpus: {corpus} ({arguments.pages} HTML pages)")
    print(f"{'jobs':>4} {'CLI s':>7} {'CLI MB':>7} {'Python s':>9} {'Python MB':>9} {'cells':>8}  Python/CLI time")
    for jobs, cli_seconds, cli_rss, py_seconds, py_rss, cells in rows:
        ratio = py_seconds / cli_seconds
        verdict = "met" if ratio <= 1.10 else "NOT met"
        print(f"{jobs:>4} {cli_seconds:7.2f} {cli_rss:7.0f} {py_seconds:9.2f} {py_rss:9.0f} {cells:8}  "
              f"{ratio:.2f} (target <= 1.10: {verdict})")

    for jobs in (1, 2):
        seconds, rss, printed = measure([PYTHON, "-c", PYTHON_BATCHES, html, str(jobs)], environment)
        print(f"begroting.extract_batches, jobs {jobs}: {seconds:.2f} s, peak {rss:.0f} MB, "
              f"{int(printed.strip())} cells read a window at a time")

    if not arguments.skip_spark:
        seconds = {}
        for cores in (1, 2):
            _, rss, printed = measure([PYTHON, "-c", SPARK_JOB, str(cores), html], environment)
            job_seconds, busy_cores = printed.strip().splitlines()[-1].split()
            seconds[cores] = float(job_seconds)
            print(f"spark local[{cores}]: {seconds[cores]:.2f} s for the job, "
                  f"{arguments.pages / seconds[cores]:.0f} pages/s, {busy_cores} of {os.cpu_count()} cores busy "
                  f"(driver process peak {rss:.0f} MB)")
        speedup = seconds[1] / seconds[2]
        print(f"spark local[2] / local[1] throughput: {speedup:.2f} (target >= 1.6: "
              f"{'met' if speedup >= 1.6 else 'NOT met'})")


if __name__ == "__main__":
    main()
