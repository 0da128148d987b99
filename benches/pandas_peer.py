#!/usr/bin/env python3
"""The peer pipeline the benchmark compares against: pandas.read_html (lxml) on every page, each
table melted to long format (one row per data cell, with document, table, row and column), all
written as one Parquet file.

    python3 benches/pandas_peer.py HTML_DIR OUT.parquet
"""
import glob
import io
import os
import sys

import pandas as pd


def main():
    html_dir, out = sys.argv[1], sys.argv[2]
    frames = []
    for path in sorted(glob.glob(os.path.join(html_dir, "*.html"))):
        with open(path, encoding="utf-8") as f:
            html = f.read()
        try:
            tables = pd.read_html(io.StringIO(html), flavor="lxml", thousands=".", decimal=",")
        except ValueError:
            continue
        for table_index, table in enumerate(tables):
            table = table.copy()
            table.columns = [" ".join(str(part) for part in column) if isinstance(column, tuple) else str(column)
                             for column in table.columns]
            label = table.columns[0]
            long = table.melt(id_vars=[label], var_name="column_header", value_name="raw")
            long = long.rename(columns={label: "row_label"})
            long["doc_id"] = os.path.basename(path)
            long["table_index"] = table_index
            long["raw"] = long["raw"].astype(str)
            long["row_label"] = long["row_label"].astype(str)
            frames.append(long)
    result = pd.concat(frames, ignore_index=True)
    result.to_parquet(out)
    print(f"{len(result)} long rows")


if __name__ == "__main__":
    main()
