#!/usr/bin/env python3
"""The benchmark: begroting against pandas.read_html on the same synthetic pages, in one run.

    python3 benches/run.py [--pages 2000] [--dense-pages 600] [--corpus /tmp/begroting-bench]
                           [--skip-pandas] [--scale-pages 10000]

Generates the corpus (benches/generate_corpus.py) unless it is already there, builds the release
binary, then times, each on the same files:
  - begroting extract on the HTML pages with --jobs 1 and --jobs 2 (the default output: cells.parquet,
    tables.json, report.json);
  - begroting extract on the flattened text pages with --jobs 1;
  - begroting extract (--jobs 1) and the pandas peer on a second, dense corpus of --dense-pages
    pages (generate_corpus.py --dense: twice as many, longer tables a page; 0 skips it);
  - the pandas peer (benches/pandas_peer.py: read_html with lxml, melt, Parquet), run in a
    virtual environment the script makes itself on first use (target/bench-venv: pandas, lxml,
    pyarrow from pip).
For each it prints wall time, MB/s, pages/s and peak resident memory (the child's max RSS), then
the ratios the targets are stated in (with the size of each run's tables.json against its input), and each target of issue 4 as met or not. With
--scale-pages N it also runs the HTML extraction (--jobs 2) on an N-page corpus and compares its
peak memory with the 2,000-page run's. `--jobs 1` runs everything on one thread (one core);
`--jobs 2` runs two workers and a writer thread. Timings belong here, never in tests.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command, cwd=ROOT):
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stdout, stderr = process.stdout.read().decode(), process.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0,):
        print(f"command failed ({code}): {' '.join(command)}\n{stderr[-2000:]}", file=sys.stderr)
        sys.exit(1)
    return seconds, usage.ru_maxrss / 1024, stdout + stderr


def peer_python():
    """A Python with the pandas peer's packages (pandas, lxml, pyarrow): a virtual environment in
    target/bench-venv, made and filled with pip on first use, so the benchmark needs nothing set up."""
    venv = os.path.join(ROOT, "target", "bench-venv")
    python = os.path.join(venv, "bin", "python")
    ready = os.path.join(venv, "installed")  # written only after pip succeeded
    if not os.path.exists(ready):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "pandas", "lxml", "pyarrow"], check=True)
        open(ready, "w").close()
    return python


def directory_bytes(path):
    return sum(os.path.getsize(os.path.join(path, name)) for name in os.listdir(path) if not name.endswith(".url"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--corpus", default="/tmp/begroting-bench")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--scale-pages", type=int, default=0)
    parser.add_argument("--dense-pages", type=int, default=600)
    arguments = parser.parse_args()

    def corpus_of(pages, dense=False):
        corpus = f"{arguments.corpus}-{'dense-' if dense else ''}{pages}"
        if not os.path.isdir(os.path.join(corpus, "html")):
            subprocess.run([sys.executable, os.path.join(ROOT, "benches", "generate_corpus.py"), corpus,
                            "--pages", str(pages)] + (["--dense"] if dense else []), check=True)
        return corpus

    corpus = corpus_of(arguments.pages)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "begroting")
    html, text = os.path.join(corpus, "html"), os.path.join(corpus, "text")
    html_mb, text_mb = directory_bytes(html) / 1e6, directory_bytes(text) / 1e6
    out = os.path.join(corpus, "out")
    rows = []
    tables_json = {}  # run name -> (tables.json bytes, input bytes)

    def run(name, command, megabytes, pages=arguments.pages):
        shutil.rmtree(out, ignore_errors=True)
        seconds, rss, _ = measure(command)
        rows.append((name, seconds, megabytes / seconds, pages / seconds, rss))
        written = os.path.join(out, "tables.json")
        if os.path.exists(written):
            tables_json[name] = (os.path.getsize(written), megabytes * 1e6)
        return seconds

    html_1 = run("begroting html --jobs 1", [binary, "extract", html, "-o", out, "--quiet", "--jobs", "1"], html_mb)
    html_2 = run("begroting html --jobs 2", [binary, "extract", html, "-o", out, "--quiet", "--jobs", "2"], html_mb)
    run("begroting text --jobs 1", [binary, "extract", text, "-o", out, "--quiet", "--jobs", "1"], text_mb)
    pandas = None
    if not arguments.skip_pandas:
        pandas = run("pandas.read_html peer", [peer_python(), os.path.join(ROOT, "benches", "pandas_peer.py"), html,
                                               os.path.join(corpus, "pandas.parquet")], html_mb)
    dense_1 = dense_pandas = None
    if arguments.dense_pages:
        dense_html = os.path.join(corpus_of(arguments.dense_pages, dense=True), "html")
        dense_mb = directory_bytes(dense_html) / 1e6
        dense_1 = run("dense: begroting --jobs 1",
                      [binary, "extract", dense_html, "-o", out, "--quiet", "--jobs", "1"], dense_mb,
                      arguments.dense_pages)
        if not arguments.skip_pandas:
            dense_pandas = run("dense: pandas peer", [peer_python(), os.path.join(ROOT, "benches", "pandas_peer.py"),
                                                      dense_html, out + "-pandas.parquet"], dense_mb, arguments.dense_pages)
    print(f"\n{arguments.pages} pages: {html_mb:.1f} MB HTML, {text_mb:.1f} MB text  ({corpus})")
    if arguments.dense_pages:
        print(f"dense corpus: {arguments.dense_pages} pages, {dense_mb:.1f} MB HTML ({os.path.dirname(dense_html)})")
    print(f"{'run':<26} {'seconds':>8} {'MB/s':>8} {'pages/s':>8} {'peak RSS MB':>12}")
    for name, seconds, rate, pages, rss in rows:
        print(f"{name:<26} {seconds:>8.2f} {rate:>8.1f} {pages:>8.1f} {rss:>12.0f}")
    scale_rss = None
    if arguments.scale_pages:
        scale_corpus = corpus_of(arguments.scale_pages)
        scale_html = os.path.join(scale_corpus, "html")
        scale_out = os.path.join(scale_corpus, "out")
        shutil.rmtree(scale_out, ignore_errors=True)
        seconds, scale_rss, _ = measure([binary, "extract", scale_html, "-o", scale_out, "--quiet", "--jobs", "2"])
        shutil.rmtree(scale_out, ignore_errors=True)
        print(f"{'begroting html --jobs 2':<26} {seconds:>8.2f} {directory_bytes(scale_html) / 1e6 / seconds:>8.1f} "
              f"{arguments.scale_pages / seconds:>8.1f} {scale_rss:>12.0f}   ({arguments.scale_pages} pages)")

    def verdict(ok):
        return "met" if ok else "NOT met"

    rss = {name: peak for name, _, _, _, peak in rows}
    text_rate = next(rate for name, _, rate, _, _ in rows if name.startswith("begroting text"))
    peak_2000 = max(rss["begroting html --jobs 1"], rss["begroting html --jobs 2"], rss["begroting text --jobs 1"])
    print("\ntarget                                     goal        now")
    if pandas:
        print(f"HTML, 1 job vs pandas                      >= 15x   {pandas / html_1:>7.1f}x  {verdict(pandas / html_1 >= 15)}")
    if dense_pandas:
        print(f"dense HTML, 1 job vs pandas                >= 15x   {dense_pandas / dense_1:>7.1f}x  "
              f"{verdict(dense_pandas / dense_1 >= 15)}")
    print(f"HTML, 2 jobs vs 1 job                      >= 1.8x  {html_1 / html_2:>7.2f}x  {verdict(html_1 / html_2 >= 1.8)}")
    print(f"text, 1 job (one core)                     >= 100   {text_rate:>7.1f} MB/s  {verdict(text_rate >= 100)}")
    print(f"peak memory, {arguments.pages} pages                  < 200 MB {peak_2000:>7.0f} MB  {verdict(peak_2000 < 200)}")
    for name, (written, read) in tables_json.items():
        label = f"tables.json vs input, {name.replace('begroting ', '')}"
        print(f"{label:<42} <= 1.0x  {written / read:>7.2f}x  {verdict(written <= read)}  "
              f"({written / 1e6:.1f} of {read / 1e6:.1f} MB)")
    if scale_rss:
        growth = scale_rss / rss["begroting html --jobs 2"] - 1
        print(f"peak memory, {arguments.scale_pages} vs {arguments.pages} pages (2 jobs)   <= +10%  {growth:>+7.0%}   "
              f"{verdict(growth <= 0.10)}")


if __name__ == "__main__":
    main()
