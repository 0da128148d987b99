#!/usr/bin/env python3
"""Generates a realistic synthetic corpus of budget pages for benchmarks, deterministically.

    python3 benches/generate_corpus.py OUT_DIR --pages 2000 [--seed 1] [--dense]

Writes OUT_DIR/html/NNNNN.html (about 60 KB each: site navigation boilerplate, prose, and 2-6
budget tables with two-row headers, colspan/rowspan, group rows, "waarvan" rows, totals, <sup>
footnote markers with notes, Dutch numbers, empty cells) and OUT_DIR/text/NNNNN.txt, the same
pages flattened the way text exports flatten them (every cell its own paragraph, empty cells as
whitespace lines), each with a NAME.url sidecar.

With --dense the pages are about as large but hold what a Miljoenennota annex holds: twice as many
tables (4-12), each longer (3-5 groups of 3-9 rows), with little prose between them, so a page
has two to three times the cells.
"""
import argparse
import os
import random

CHAPTERS = ["VI", "VII", "VIII", "IXB", "X", "XII", "XIII", "XIV", "XV", "XVI", "B", "C", "J", "K"]
TYPES = ["OWB", "1SUPP", "2SUPP", "JV"]
WORDS = ("begroting uitgaven ontvangsten artikel beleid verplichtingen mutaties apparaat programma "
         "subsidies bijdragen agentschap opdrachten inkomensoverdrachten leningen garanties "
         "veiligheid onderwijs zorg infrastructuur water defensie justitie politie rechtspraak "
         "toelichting raming realisatie norm doelstelling indicator prestatie kerncijfers").split()
GROUPS = ["Ondermijning", "Mensenhandel", "Cybercrime", "Apparaatsuitgaven", "Programma-uitgaven",
          "Subsidies", "Opdrachten", "Bijdragen aan agentschappen", "Inkomensoverdrachten"]


def sentence(rng, words=18):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def dutch(value, decimals=0):
    negative = value < 0
    text = f"{abs(value):,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return ("‒ " if negative else "") + text


def make_table(rng, number, dense=False):
    kind = rng.choice(["budget", "indicator"])
    if kind == "budget":
        top = ["Realisatie"] * 2 + ["Raming"] * 3
        years = [2019 + i for i in range(5)]
        unit = "(bedragen x € 1.000)"
    else:
        top = ["Realisatie"] * 2 + ["Norm"] * 2
        years = [2019 + i for i in range(4)]
        unit = None
    rows = []  # (label, kind, cells, marker)
    for _ in range(rng.randint(3, 5) if dense else rng.randint(2, 4)):
        rows.append((rng.choice(GROUPS), "group", [""] * len(years), None))
        total = [0] * len(years)
        for _ in range(rng.randint(3, 9) if dense else rng.randint(2, 6)):
            values = [rng.randint(-500, 250_000) for _ in years]
            cells = [dutch(v) if rng.random() > 0.08 else "" for v in values]
            marker = str(rng.randint(1, 2)) if rng.random() < 0.1 else None
            label = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize()
            rows.append((label, "data", cells, marker))
            total = [t + v for t, v in zip(total, values)]
            if rng.random() < 0.2:
                rows.append(("waarvan " + rng.choice(WORDS), "waarvan", [dutch(v // 3) for v in values], None))
        rows.append(("Totaal", "total", [dutch(t) for t in total], None))
    return {"number": str(number), "title": " ".join(rng.choice(WORDS) for _ in range(4)).capitalize(),
            "unit": unit, "top": top, "years": years, "rows": rows,
            "notes": {"1": sentence(rng, 12), "2": sentence(rng, 10)}}


def html_table(table):
    out = ['<table class="table">']
    caption = f'Tabel {table["number"]} {table["title"]}'
    if table["unit"]:
        caption += f' {table["unit"]}'
    out.append(f"<caption>{caption}</caption><thead><tr>")
    out.append('<th rowspan="2">Omschrijving</th>')
    previous, span = None, 0
    spans = []
    for top in table["top"]:
        if top == previous:
            spans[-1][1] += 1
        else:
            spans.append([top, 1])
        previous = top
    for top, span in spans:
        out.append(f'<th colspan="{span}">{top}</th>')
    out.append("</tr><tr>")
    out.extend(f"<th>{year}</th>" for year in table["years"])
    out.append("</tr></thead><tbody>")
    for label, kind, cells, marker in table["rows"]:
        sup = f"<sup>{marker}</sup>" if marker else ""
        css = ' class="group"' if kind == "group" else ""
        out.append(f"<tr{css}><td>{label}{sup}</td>" + "".join(f"<td>{c if c else '&nbsp;'}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table>")
    out.append('<div class="footnotes">' + "".join(
        f"<p><sup>{m}</sup> {t}</p>" for m, t in table["notes"].items()) + "</div>")
    return "\n".join(out)


def text_table(table):
    lines = [f'Tabel {table["number"]} {table["title"]}' + (f' {table["unit"]}' if table["unit"] else ""), ""]
    lines += ["Omschrijving", ""]
    for top in table["top"]:
        lines += [top, ""]
    lines += ["\u00a0 ", ""]
    for year in table["years"]:
        lines += [str(year), ""]
    for label, kind, cells, marker in table["rows"]:
        lines += [label + (marker or ""), ""]
        if kind == "group":
            lines += ["\u00a0 " * len(cells), ""]
            continue
        for cell in cells:
            lines += [cell if cell else "\u00a0 ", ""]
    for marker, text in table["notes"].items():
        lines += [marker, "", text, ""]
    return "\n".join(lines)


NAV = "\n".join(f'<li><a href="/begroting/{i}">{" ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(3))}</a></li>' for i in range(260))


def make_page(rng, index, dense=False):
    year = rng.randint(2012, 2025)
    doc_type = rng.choice(TYPES)
    chapter = rng.choice(CHAPTERS)
    url = f"https://www.rijksfinancien.nl/memorie-van-toelichting/{year}/{doc_type}/{chapter}/onderdeel/{100000 + index}"
    tables = [make_table(rng, n + 1, dense) for n in range(rng.randint(4, 12) if dense else rng.randint(2, 6))]
    html = ["<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Rijksfinanciën</title>",
            "<style>body{font-family:sans-serif} .hidden{display:none}</style>",
            "<script>window.dataLayer=[];function track(){return 1}</script></head><body>",
            f'<header><nav><ul class="menu">{NAV}</ul></nav></header><main>']
    text = ["Base description which applies to whole site", ""]
    for number, table in enumerate(tables, start=1):
        heading = f"2.{number} " + " ".join(rng.choice(WORDS) for _ in range(3)).capitalize()
        html.append(f"<h2>{heading}</h2>")
        text += [heading, ""]
        for _ in range(rng.randint(0, 1) if dense else rng.randint(4, 8)):
            paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
            html.append(f"<p>{paragraph}</p>")
            text += [paragraph, ""]
        html.append(html_table(table))
        text += [text_table(table), ""]
    html.append(f'</main><footer><ul>{NAV[:6000]}</ul><p>Licence</p></footer></body></html>')
    text.append("Licence")
    return url, "\n".join(html), "\n".join(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dense", action="store_true", help="pages with twice as many, longer tables")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    for kind in ("html", "text"):
        os.makedirs(os.path.join(arguments.out, kind), exist_ok=True)
    html_bytes = 0
    for index in range(arguments.pages):
        url, html, text = make_page(rng, index, arguments.dense)
        name = f"{index:05d}"
        for kind, extension, content in (("html", "html", html), ("text", "txt", text)):
            with open(os.path.join(arguments.out, kind, f"{name}.{extension}"), "w", encoding="utf-8") as f:
                f.write(content)
            with open(os.path.join(arguments.out, kind, f"{name}.url"), "w", encoding="utf-8") as f:
                f.write(url + "\n")
        html_bytes += len(html.encode("utf-8"))
    print(f"{arguments.pages} pages, {html_bytes / 1e6:.1f} MB of HTML in {arguments.out}")


if __name__ == "__main__":
    main()
