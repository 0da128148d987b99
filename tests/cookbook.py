#!/usr/bin/env python3
"""Runs every snippet of docs/cookbook.md against an output folder of `begroting extract` and
checks the answers. Usage (after `cargo run --release -- extract fixtures/ -o output/`):

    python3 tests/cookbook.py output/

The code is taken from the markdown itself (the fenced ```sql and ```python blocks of each
numbered recipe), so the doc is the single source of the recipes. For each recipe it checks that
DuckDB, polars and pandas give the same answer, that the answer equals the expected values below,
and that the answer table printed in the doc shows those values. Exits 1 naming the recipe and the
engine on any mismatch.

The expected values are not copied from the tool's output: each figure is written down from the
fixture page that prints it, through `printed(FILE, LINE, TEXT)`, which also checks at run time
that line LINE of fixtures/FILE really holds TEXT. Sums are worked out here from such cited
figures. Needs duckdb, polars, pandas and pyarrow (what .ci/run installs), nothing else.
"""
import contextlib
import hashlib
import io
import math
import pathlib
import re
import sys
import tempfile

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
COOKBOOK = ROOT / "docs" / "cookbook.md"
FIXTURES = ROOT / "fixtures"

# ---------------------------------------------------------------------------------------------
# Citations: every expected figure goes through printed(), and check_citations() reads the lines.

CITED = []  # (path under fixtures/, line from 1, text the line must contain)


def printed(path, line, text):
    """`text` as printed on `line` (counted from 1) of fixtures/`path`; returns `text`."""
    CITED.append((path, line, text))
    return text


def nl(text):
    """A Dutch number as printed ("1.522", "‒ 9,9", "13.553,7", "51%") as a float."""
    t = text.strip().rstrip("%")
    sign = -1.0 if t[:1] in "‒–-" else 1.0
    t = t.lstrip("‒–- ").replace(" ", "").replace(".", "").replace(",", ".")
    return sign * float(t)


def decode(data):
    """The text of a fixture, whatever its encoding (the encodings/ fixtures use several)."""
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def check_citations():
    failures = []
    lines_of = {}
    for path, line, text in CITED:
        if path not in lines_of:
            lines_of[path] = re.split(r"\r\n|\r|\n", decode((FIXTURES / path).read_bytes()))
        lines = lines_of[path]
        held = lines[line - 1] if 0 < line <= len(lines) else "<no such line>"
        if text not in held:
            failures.append(f"citation fixtures/{path}:{line} should print {text!r}, holds {held.strip()!r}")
    return failures


# ---------------------------------------------------------------------------------------------
# Expected answers, recipe number -> (columns, rows), each figure cited from its source page.

EXPECTED = {}
THOUSAND = 1000  # "x € 1.000"
SEED = "text/veiligheidsagenda-owb-2022-VI.txt"

# 1. Realised obligations per year and chapter, FJR Tabel 1.1.
printed("corpus/pages/002.txt", 9, "Tabel 1.1 Verplichtingen 2018")
printed("corpus/pages/002.txt", 9, "( x €1000)")
printed("corpus/pages/002.txt", 15, "Realisatie")
printed("corpus/pages/002.url", 1, "/financieel-jaarverslag/2018/")
printed("corpus/pages/005.txt", 11, "Tabel 1.1 Verplichtingen 2017")
printed("corpus/pages/005.txt", 11, "(x € 1.000)")
printed("corpus/pages/005.txt", 18, "Realisatie")
printed("corpus/pages/005.url", 1, "rijksbegroting.minfin.nl/2017/")
EXPECTED[1] = (["year", "chapter", "realised_eur"], [
    # the code line above each label gives the chapter; the realisation is the 2nd figure
    (2017, printed("corpus/pages/005.txt", 22, "I"), nl(printed("corpus/pages/005.txt", 28, "42.037")) * THOUSAND),
    (2017, printed("corpus/pages/005.txt", 32, "IIA"), nl(printed("corpus/pages/005.txt", 38, "154.424")) * THOUSAND),
    (2017, printed("corpus/pages/005.txt", 42, "IIB"), nl(printed("corpus/pages/005.txt", 48, "109.918")) * THOUSAND),
    (2017, printed("corpus/pages/005.txt", 52, "III"), nl(printed("corpus/pages/005.txt", 58, "61.570")) * THOUSAND),
    (2017, printed("corpus/pages/005.txt", 62, "IV"), nl(printed("corpus/pages/005.txt", 68, "185.717")) * THOUSAND),
    # 005.txt:72 "V", then the page is cut inside the label ("Buitenlandse Z"): no figures
    (2018, printed("corpus/pages/002.txt", 19, "I"), nl(printed("corpus/pages/002.txt", 25, "42.813")) * THOUSAND),
    (2018, printed("corpus/pages/002.txt", 29, "IIA"), nl(printed("corpus/pages/002.txt", 35, "154.783")) * THOUSAND),
    (2018, printed("corpus/pages/002.txt", 39, "IIB"), nl(printed("corpus/pages/002.txt", 47, "127.843")) * THOUSAND),
    (2018, printed("corpus/pages/002.txt", 51, "III"), nl(printed("corpus/pages/002.txt", 57, "64.473")) * THOUSAND),
    (2018, printed("corpus/pages/002.txt", 61, "IV"), nl(printed("corpus/pages/002.txt", 67, "434.458")) * THOUSAND),
    (2018, printed("corpus/pages/002.txt", 71, "V"), nl(printed("corpus/pages/002.txt", 77, "8.956.155")) * THOUSAND),
])

# 2. Every table 2 of 2022: the reference page and its copies. Each prints the caption and has a
# .url of the 2022 OWB of chapter VI.
SEED_COPIES = [
    ("encodings/seed_cr_line_endings.txt", 15),
    ("encodings/seed_crlf_line_endings.txt", 15),
    ("encodings/seed_declared_iso88591_but_utf8.html", 42),
    ("encodings/seed_iso88591_http_equiv.html", 42),
    ("encodings/seed_utf16be_bom.txt", 15),
    ("encodings/seed_utf16le_bom.html", 42),
    ("encodings/seed_utf16le_bom.txt", 15),
    ("encodings/seed_utf8_bom.txt", 15),
    ("encodings/seed_windows1252_meta_charset.html", 42),
    ("encodings/seed_windows1252_undeclared.txt", 15),
    ("html/veiligheidsagenda-owb-2022-VI.html", 42),
    (SEED, 15),
]
CAPTION = {
    "txt": "Tabel 2 Veiligheidsagenda 2019-2022",
    "html": '<span class="table-number">Tabel 2</span> <span class="table-title">Veiligheidsagenda 2019-2022</span>',
}
for path, line in SEED_COPIES:
    printed(path, line, CAPTION[path.rsplit(".", 1)[1]])
    printed(path.rsplit(".", 1)[0] + ".url", 1, "/memorie-van-toelichting/2022/OWB/VI/")
EXPECTED[2] = (["doc_id", "doc_type", "chapter", "table_title"], [
    (path, "OWB", "VI", "Veiligheidsagenda 2019-2022") for path, _ in SEED_COPIES
])

# 3. Chapter IX 2016, article 1: the 1SUPP's "Stand ontwerpbegroting (1)" (1st figure of a row)
# against its "Stand 1ste suppletoire begroting (5=3+4)" (5th figure), x € 1.000.
printed("corpus/pages/001.url", 1, "/2016/1SUPP/IX/")
printed("corpus/pages/001.txt", 7, "Artikel 1 Belastingen")
printed("corpus/pages/001.txt", 9, "Bedragen x € 1.000")
printed("corpus/pages/001.txt", 12, "Stand ontwerpbegroting (1)")
printed("corpus/pages/001.txt", 20, "Stand 1ste suppletoire begroting (5=3+4)")
# Unchanged rows, left out by the recipe: Garantieprocesrisico's 245/245 (lines 58, 66),
# Bekostiging 5.914/5.914 (166, 174), Proceskosten 3.536/3.536 (186, 194), Overige
# programma-uitgaven 2.378/2.378 (206, 214). Personele uitgaven: 2.090.805 (250), then the page
# is cut inside "2.357." (258): no value, so no comparison.
CHANGES_1SUPP = [  # label line, label, OWB line, OWB figure, 1SUPP line, 1SUPP figure
    (30, "Verplichtingen", 32, "3.102.765", 40, "3.329.432"),
    (71, "Uitgaven (1) + (2)", 73, "3.102.765", 81, "3.329.432"),
    (93, "(1) Programma-uitgaven", 95, "238.304", 103, "162.004"),
    (122, "Rente", 124, "232.390", 132, "156.090"),
    (142, "Belasting- en invorderingsrente", 144, "232.390", 152, "156.090"),
    (226, "(2) Apparaatsuitgaven", 228, "2.864.461", 236, "3.167.428"),
]
EXPECTED[3] = (["row_label", "ontwerpbegroting_eur", "suppletoire_1_eur", "change_eur"], [
    (
        printed("corpus/pages/001.txt", label_line, label),
        nl(printed("corpus/pages/001.txt", owb_line, owb)) * THOUSAND,
        nl(printed("corpus/pages/001.txt", supp_line, supp)) * THOUSAND,
        (nl(supp) - nl(owb)) * THOUSAND,
    )
    for label_line, label, owb_line, owb, supp_line, supp in CHANGES_1SUPP
])

# 4. The footnotes of Tabel 2 of the reference page.
printed(SEED, 61, "Aantal gemelde slachtoffers bij Comensha1")  # marker 1 glued to the label
printed(SEED, 208, "1")
printed(SEED, 131, "Aantal high tech crime onderzoeken*")  # "*": no note on the page (208-214)
printed(SEED, 199, "Positief afgedane dossiers2")
printed(SEED, 212, "2")
EXPECTED[4] = (["marker", "row_label", "note"], [
    ("*", "Aantal high tech crime onderzoeken", ""),
    ("1", "Aantal gemelde slachtoffers bij Comensha", printed(SEED, 210, (
        "Het aantal door de politie gemelde slachtoffers bij Comensha betreft het definitieve "
        "aantal voor 2020 (vastgesteld door Comensha april 2021)."))),
    ("2", "Positief afgedane dossiers", printed(SEED, 214, (
        "Voor 2020 e.v. zijn met de politie nieuwe prestatieafspraken gemaakt over de "
        "tenuitvoerlegging van vrijheidsstraffen, i.c. het opsporen van onvindbare "
        "veroordeelden."))),
])

# 5. Flagged cells of the corpus pages. column_inferred: a row printing fewer figures than the
# table has columns (every cell of the row is flagged); low_confidence: every data cell of a
# table whose structure score is below 0.75 (the score is the tool's; the count is the table's).
printed("corpus/pages/001.txt", 248, "Personele uitgaven")  # 9 columns (12-28), 5 figures (250-258)
printed("corpus/pages/008.txt", 41, "Opbrengst derden")  # 4 columns (9-15); 3 figures (43-47)
printed("corpus/pages/008.txt", 49, "Rentebaten")  # 3 figures (51-55)
printed("corpus/pages/008.txt", 67, "Bijzondere baten")  # 3 figures (69-73)
printed("corpus/pages/008.txt", 129, "– materieel")  # 1 figure (131)
printed("corpus/pages/008.txt", 139, "– dotaties voorzieningen")  # 3 figures (141-145)
printed("corpus/pages/008.txt", 147, "– bijzondere lasten")  # 2 figures (149-151)
# 008's table: 15 rows of figures (21-159, "Opbrengst moederdepartement" to "Saldo van baten en
# lasten") x 4 columns = 60 cells; 6 of its 15 rows placed by rule gives a score of 0.6.
printed("corpus/pages/011.txt", 147, "Verplichtingen")  # 7 columns, 4 figures, cut at 155
printed("corpus/pages/011.txt", 155, "20.471.98")
printed("corpus/pages/026.txt", 395, "Mutatie vlottende schuld")  # 9 columns, 4 cells (397-403)
# 028's one low_confidence cell is not a table cell at all: the number of the footnote of
# "Toelichting58" (line 88), printed alone on line 94 below the table, read as a one-cell table
# without a label. The flag routes it to review, as it should.
printed("corpus/pages/028.txt", 88, "Toelichting58")
printed("corpus/pages/028.txt", 94, "58")
printed("corpus/pages/038.txt", 231, "Extrapolatie")  # 6 columns (9-19), one figure (233)
printed("corpus/pages/038.txt", 233, "10.415,0")
printed("corpus/pages/038.txt", 407, "0,0")  # unlabelled subtotal: 2 figures, cut after 409
printed("corpus/pages/038.txt", 409, "113,6")
# 038's second table (from line 292): 7 rows of figures x 6 columns = 42 cells, score 0.71.
printed("corpus/pages/038.txt", 292, "V BUITENLANDSE ZAKEN: NIET-BELASTINGONTVANGSTEN")
printed("corpus/pages/046.txt", 233, "15.03.02 Verkenningen en planuitwerkingen")  # 8 columns, 7 figures
# 020's table: the page prints "Vastgestelde begroting 2019" over the first of its 7 columns of
# figures (line 13); read as the labels' header, it shifts every header one column left, and a
# year over the labels is a documented low-confidence reason. 18 rows of figures x 7 columns, from
# VERPLICHTINGEN (line 29) to the row whose last figure is 3.500 (line 310); "Opdrachten" (line
# 314) is cut off by the page's end with no figure.
printed("corpus/pages/020.txt", 13, "Vastgestelde begroting 2019")
printed("corpus/pages/020.txt", 29, "VERPLICHTINGEN")
printed("corpus/pages/020.txt", 310, "3.500")
printed("corpus/pages/020.txt", 314, "Opdrachten")
EXPECTED[5] = (["doc_id", "flag", "cells"], [
    ("corpus/pages/001.txt", "column_inferred", 1 * 9),
    ("corpus/pages/008.txt", "column_inferred", 6 * 4),
    ("corpus/pages/008.txt", "low_confidence", 15 * 4),
    ("corpus/pages/011.txt", "column_inferred", 1 * 7),
    ("corpus/pages/011.txt", "low_confidence", 1 * 7),
    ("corpus/pages/020.txt", "low_confidence", 18 * 7),
    ("corpus/pages/026.txt", "column_inferred", 1 * 9),
    ("corpus/pages/028.txt", "low_confidence", 1),
    ("corpus/pages/038.txt", "column_inferred", 2 * 6),
    ("corpus/pages/038.txt", "low_confidence", 7 * 6),
    ("corpus/pages/046.txt", "column_inferred", 1 * 8),
])

# 6. Rows against printed totals. Reference page: the columns are Realisatie 2019, Realisatie
# 2020, Norm 2021, Norm 2022 (lines 19-35); Norm 2022 is empty in every row.
SEED_COLUMNS = ["Realisatie 2019", "Realisatie 2020", "Norm 2021"]
SEED_GROUPS = [  # total label, its line, the data rows' first-figure lines, the total's
    ("Totaal aantal onderzoeken", 141, [93, 113, 133], 143),  # Cybercrime, waarvan rows left out
    ("Totale inzet", 185, [157, 167, 177], 187),  # Online seksueel kindermisbruik
]
printed(SEED, 91, "Aantal cybercrime regulier")
printed(SEED, 111, "Aantal fenomeenonderzoeken")
printed(SEED, 131, "Aantal high tech crime onderzoeken")
printed(SEED, 155, "Inzet gericht op misbruikers / vervaardigers")
printed(SEED, 165, "Inzet gericht op keyplayers (/ netwerken)")
printed(SEED, 175, "Inzet gericht op bezitters / verspreiders")
SEED_FIGURES = {  # line -> figure as printed, the three figures of a row on lines n, n+2, n+4
    93: "381", 95: "468", 97: "310", 113: "21", 115: "39", 117: "41", 133: "19", 135: "12",
    137: "20", 143: "421", 145: "519", 147: "371", 157: "193", 159: "113", 161: "100", 167: "15",
    169: "14", 171: "15", 177: "632", 179: "315", 181: "400", 187: "840", 189: "478", 191: "515",
}


def seed_figure(line):
    return nl(printed(SEED, line, SEED_FIGURES[line]))


EXPECTED_6 = []
for label, label_line, row_lines, total_line in SEED_GROUPS:
    printed(SEED, label_line, label)
    for offset, column in enumerate(SEED_COLUMNS):
        rows_sum = sum(seed_figure(line + 2 * offset) for line in row_lines)
        total = seed_figure(total_line + 2 * offset)
        EXPECTED_6.append((SEED, label, column, rows_sum, total, rows_sum - total))
# The one that does not add up is real: the page prints 113 + 14 + 315 = 442 above a total of
# 478 for Realisatie 2020 (lines 159, 169, 179, 189).

# The slotwet of chapter XIV for 2019, one table per article, € mln with one decimal; the total
# row is printed first, the instrument rows after it. Ontvangsten: only the total has a figure.
SLOTWET = "xml/kst-35470-XIV-4.xml"
printed(SLOTWET, 153, "Slotverschillen Artikel 11 per instrument (Bedragen x € 1 mln)")
printed(SLOTWET, 319, "Slotverschillen Artikel 12 per instrument (Bedragen x € 1 mln)")
SLOTWET_TABLES = [  # total label (line), {column: (total line, total, [(line, figure), ...])}
    (("Totaal Art. 11", 181), {
        "Verplichtingen": (186, "‒ 9,9", [(215, "23,9"), (227, "7"), (239, "‒ 33,7"), (251, "0,2"),
                                           (263, "‒ 6,8"), (275, "‒ 1,3"), (287, "0,7")]),
        "Uitgaven": (191, "‒ 9,5", [(218, "6,6"), (230, "‒ 9,3"), (242, "‒ 0,3"), (254, "‒ 0,3"),
                                     (266, "‒ 6,8"), (278, "‒ 0,1"), (290, "0,7")]),
    }),
    (("Totaal Art. 12", 347), {
        "Verplichtingen": (352, "60,2", [(381, "72,9"), (393, "17,3"), (405, "‒ 1"), (417, "0,5"),
                                          (429, "‒ 1"), (441, "‒ 26,8"), (453, "‒ 1,6")]),
        "Uitgaven": (357, "‒ 0,3", [(384, "0,4"), (396, "2,3"), (408, "‒ 1"), (420, "0"),
                                     (432, "‒ 1"), (444, "‒ 0,1"), (456, "‒ 0,7")]),
    }),
]
for (label, label_line), columns in SLOTWET_TABLES:
    printed(SLOTWET, label_line, label)
    for column, (total_line, total, figures) in sorted(columns.items()):
        rows_sum = round(sum(nl(printed(SLOTWET, line, figure)) for line, figure in figures), 3)
        total = nl(printed(SLOTWET, total_line, total))
        EXPECTED_6.append((SLOTWET, label, column, rows_sum, total, round(rows_sum - total, 3)))
EXPECTED_6.sort(key=lambda row: (row[0], row[1], row[2]))
EXPECTED[6] = (["doc_id", "total_row", "column_header", "rows_sum", "printed_total", "difference"],
               EXPECTED_6)

# 7. Waarvan rows of the jaarverslag 2019 of chapter A, "Realisatie 2019" (5th figure of a row).
printed("corpus/pages/046.url", 1, "/jaarverslag/2019/A/")
printed("corpus/pages/046.txt", 7, "(bedragen x € 1.000)")
printed("corpus/pages/046.txt", 27, "2019")  # under "Realisatie" (line 10), 5th year column
WAARVAN = [  # parent line, parent, its figure's line, figure; the same for the waarvan row
    (71, "15.01 Verkeersmanagement", 81, "8.830", 89, 99, "8.830"),
    (125, "15.02.01 Beheer en onderhoud", 135, "313.815", 143, 153, "309.713"),
    (161, "15.02.04 Vervanging", 171, "39.759", 179, 189, "0"),
]
EXPECTED[7] = (["parent", "waarvan", "parent_eur", "waarvan_eur", "share_pct"], [
    (
        printed("corpus/pages/046.txt", parent_line, parent),
        printed("corpus/pages/046.txt", waarvan_line, "- Waarvan bijdrage aan agentschap RWS"),
        nl(printed("corpus/pages/046.txt", parent_figure_line, parent_figure)) * THOUSAND,
        nl(printed("corpus/pages/046.txt", waarvan_figure_line, waarvan_figure)) * THOUSAND,
        round(100 * nl(waarvan_figure) / nl(parent_figure), 1),  # 100.0, 98.7, 0.0
    )
    for parent_line, parent, parent_figure_line, parent_figure, waarvan_line, waarvan_figure_line,
    waarvan_figure in WAARVAN
])

# 8. The percentages of the reference page and its copies: the row "Positief afgedane dossiers"
# prints 51% (Realisatie 2019), 26% (Realisatie 2020) and 40% (Norm 2021), in every copy.
for path, _ in SEED_COPIES:
    if path.endswith(".txt"):
        printed(path, 199, "Positief afgedane dossiers2")
        printed(path, 201, "51%")
        printed(path, 203, "26%")
        printed(path, 205, "40%")
    else:
        printed(path, 45, '<th colspan="2">Realisatie</th><th colspan="2">Norm</th>')
        printed(path, 48, "<th>2019</th><th>2020</th><th>2021</th><th>2022</th>")
        printed(path, 113, 'Positief afgedane dossiers<sup>2</sup></td><td class="number">51%</td>'
                           '<td class="number">26%</td><td class="number">40%</td>')
EXPECTED[8] = (["row_label", "column_header", "column_measure", "value", "documents"], [
    ("Positief afgedane dossiers", "Norm 2021", "norm", 40.0, len(SEED_COPIES)),
    ("Positief afgedane dossiers", "Realisatie 2019", "realisatie", 51.0, len(SEED_COPIES)),
    ("Positief afgedane dossiers", "Realisatie 2020", "realisatie", 26.0, len(SEED_COPIES)),
])

# 9. New and changed documents. The previous run is made here from the current one: without
# DROPPED and with other bytes (a made-up hash) for CHANGED. The hashes are those of the fixture
# files (`sha256sum fixtures/xml/kst-37020-X-1.xml`), checked in check_hashes().
DROPPED = "xml/kst-37020-X-1.xml"
CHANGED = SEED
SHA256 = {
    DROPPED: "e59ab208bb8ca134f6fedd587febeb90ac3cb400d72f8d35de1a6ec9b47dc450",
    CHANGED: "6035f9a1a18a8c7638db18520236c3c3acfcc7ef1354c306d46d50a2265e5d0e",
}
EXPECTED[9] = (["doc_id", "status", "doc_sha256"], [
    (SEED, "changed", SHA256[SEED]),
    (DROPPED, "new", SHA256[DROPPED]),
])

# 10. The begrotingsstaat of Defensie 2027: article (code cell), name, group row, Uitgaven.
DEFENSIE = "xml/kst-37020-X-1.xml"
printed(DEFENSIE, 18, "Vaststelling van de begrotingsstaten van het ministerie van Defensie (X) voor het jaar 2027")
printed(DEFENSIE, 81, "(bedragen x € 1.000)")
printed(DEFENSIE, 107, "Uitgaven")
ARTICLES = [  # code line, code, name; the Uitgaven figure is printed 9 lines below the code
    (158, "1", "Inzet", "2.856.815"),
    (175, "2", "Koninklijke Marine", "1.306.560"),
    (192, "3", "Koninklijke Landmacht", "2.311.020"),
    (209, "4", "Koninklijke Luchtmacht", "1.187.916"),
    (226, "5", "Koninklijke Marechaussee", "901.296"),
    (243, "7", "Commando Materieel en IT", "1.096.519"),
    (260, "8", "Defensie Ondersteuningscommando", "2.106.629"),
    (295, "9", "Algemeen", "338.349"),
    (312, "10", "Apparaat kerndepartement", "1.770.273"),
    (329, "11", "Geheim", "21.764"),
    (346, "12", "Nog onverdeeld", "895.006"),
]
GROUP_OF = {"1": 149, "9": 286}  # "Beleidsartikelen" above article 1, "Niet-beleidsartikelen" above 9
printed(DEFENSIE, GROUP_OF["1"], "Beleidsartikelen")
printed(DEFENSIE, GROUP_OF["9"], "Niet-beleidsartikelen")
EXPECTED[10] = (["article", "row_label", "row_group", "uitgaven_eur"], [
    (
        int(printed(DEFENSIE, line, f"<al>{code}</al>")[4:-5]),
        printed(DEFENSIE, line + 3, name),
        "Beleidsartikelen" if int(code) < 9 else "Niet-beleidsartikelen",
        nl(printed(DEFENSIE, line + 9, figure)) * THOUSAND,
    )
    for line, code, name, figure in ARTICLES
])
# The articles add up to the table's printed total (bold, first body row).
assert sum(nl(figure) for *_, figure in ARTICLES) == nl(printed(DEFENSIE, 129, "14.792.147")), \
    "recipe 10: the cited articles do not add up to the printed total"


def check_hashes():
    failures = []
    for doc_id, expected in SHA256.items():
        actual = hashlib.sha256((FIXTURES / doc_id).read_bytes()).hexdigest()
        if actual != expected:
            failures.append(f"fixtures/{doc_id} has SHA-256 {actual}, the test expects {expected}")
    return failures


# ---------------------------------------------------------------------------------------------
# Reading the recipes out of the markdown.

ENGINES = ("duckdb", "polars", "pandas")


def recipes(markdown):
    """{number: (title, {engine: code}, answer table rows as lists of cell strings)}."""
    found = {}
    current = None
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^## (\d+)\. (.+)$", line)
        if heading:
            current = int(heading.group(1))
            found[current] = (heading.group(2), {}, [])
        elif line.startswith("## "):
            current = None
        elif line.startswith("```") and current is not None:
            info = line[3:].strip()
            end = lines.index("```", i + 1)
            code = "\n".join(lines[i + 1:end]) + "\n"
            engine = engine_of(info, code)
            if engine in found[current][1]:
                raise SystemExit(f"docs/cookbook.md recipe {current}: two {engine} snippets")
            found[current][1][engine] = code
            i = end
        elif line.startswith("|") and current is not None:
            found[current][2].append(table_cells(line))
        i += 1
    return found


def table_cells(line):
    """The cells of one markdown table line, trimmed."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def engine_of(info, code):
    if info == "sql":
        return "duckdb"
    if info == "python" and "import polars as pl" in code:
        return "polars"
    if info == "python" and "import pandas as pd" in code:
        return "pandas"
    raise SystemExit(f"docs/cookbook.md: a code block ```{info} that is no recipe engine:\n{code}")


# ---------------------------------------------------------------------------------------------
# Running the snippets.

def run(engine, code, cells, previous_cells):
    """(columns, rows) of one snippet's answer."""
    if engine == "duckdb":
        sql = code.replace("'output/", f"'{cells.parent}/").replace("'previous/", f"'{previous_cells.parent}/")
        relation = duckdb.connect().sql(sql)
        return list(relation.columns), relation.fetchall()
    namespace = {"CELLS": str(cells), "PREVIOUS_CELLS": str(previous_cells), "__name__": "cookbook"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, f"docs/cookbook.md ({engine})", "exec"), namespace)
    answer = namespace["answer"]
    if engine == "polars":
        assert isinstance(answer, pl.DataFrame), f"answer is a {type(answer).__name__}, not a polars DataFrame"
        return list(answer.columns), answer.rows()
    assert isinstance(answer, pd.DataFrame), f"answer is a {type(answer).__name__}, not a pandas DataFrame"
    return list(answer.columns), list(answer.itertuples(index=False, name=None))


def normal(value):
    """One comparable form for a cell whatever the engine: numbers as floats, nulls as None."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return round(float(value), 6) + 0.0
    return value


def normal_rows(rows):
    return [tuple(normal(value) for value in row) for row in rows]


def shown(value):
    """A cell as the doc's answer table shows it."""
    value = normal(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def markdown_table(columns, rows):
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(shown(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def first_difference(got, expected):
    for index, (a, b) in enumerate(zip(got, expected)):
        if a != b:
            return f"row {index}: got {a}, expected {b}"
    return f"{len(got)} rows, expected {len(expected)}"


def previous_run(cells, folder):
    """A copy of the run without DROPPED and with another hash for CHANGED, as folder/cells.parquet."""
    table = pq.read_table(cells)
    table = table.filter(pc.not_equal(table["doc_id"], DROPPED))
    changed = pc.equal(table["doc_id"], CHANGED)
    hashes = pc.if_else(changed, pa.scalar("0" * 64), table["doc_sha256"])
    table = table.set_column(table.schema.get_field_index("doc_sha256"), "doc_sha256", hashes)
    path = folder / "cells.parquet"
    pq.write_table(table, path)
    return path


def check_recipe(number, title, snippets, cells, previous_cells, expected):
    failures = []
    name = f"recipe {number} ({title})"
    missing = [engine for engine in ENGINES if engine not in snippets]
    if missing:
        return [f"{name}: no {', '.join(missing)} snippet"]
    columns, rows = expected
    expected_rows = normal_rows(rows)
    answers = {}
    for engine in ENGINES:
        try:
            got_columns, got_rows = run(engine, snippets[engine], cells, previous_cells)
        except Exception as error:  # the message names the recipe and engine, then the error
            failures.append(f"{name}, {engine}: the snippet fails: {type(error).__name__}: {error}")
            continue
        answers[engine] = (got_columns, normal_rows(got_rows))
    # (a) the engines agree with each other
    if "duckdb" in answers:
        for engine in ("polars", "pandas"):
            if engine in answers and answers[engine] != answers["duckdb"]:
                a, b = answers[engine], answers["duckdb"]
                what = f"columns {a[0]} vs {b[0]}" if a[0] != b[0] else first_difference(a[1], b[1])
                failures.append(f"{name}: {engine} and duckdb disagree: {what}")
    # (b) each answer is the expected one
    for engine, (got_columns, got_rows) in answers.items():
        if got_columns != columns:
            failures.append(f"{name}, {engine}: columns {got_columns}, expected {columns}")
        elif got_rows != expected_rows:
            failures.append(f"{name}, {engine}: {first_difference(got_rows, expected_rows)}")
    return failures


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage: python3 tests/cookbook.py OUTPUT_DIR")
    cells = pathlib.Path(argv[1]).resolve() / "cells.parquet"
    if not cells.is_file():
        raise SystemExit(f"{cells} is not there: run `begroting extract fixtures/ -o {argv[1]}` first")
    needed = {"doc_id", "doc_sha256", "row_kind", "parent_row_index", "column_measure", "value_scaled",
              "footnote_markers", "footnote_texts", "flags"}
    lacking = needed - set(pq.read_schema(cells).names)
    if lacking:
        raise SystemExit(f"{cells} has no column {', '.join(sorted(lacking))}: written by an older "
                         f"begroting? Extract again.")
    failures = check_citations() + check_hashes()
    found = recipes(COOKBOOK.read_text(encoding="utf-8"))
    if sorted(found) != sorted(EXPECTED):
        failures.append(f"docs/cookbook.md has recipes {sorted(found)}, the test expects {sorted(EXPECTED)}")
    with tempfile.TemporaryDirectory() as folder:
        previous_cells = previous_run(cells, pathlib.Path(folder))
        for number in sorted(set(found) & set(EXPECTED)):
            title, snippets, doc_table = found[number]
            failures += check_recipe(number, title, snippets, cells, previous_cells, EXPECTED[number])
            table = markdown_table(*EXPECTED[number])
            if doc_table != [table_cells(line) for line in table.splitlines()]:
                failures.append(f"recipe {number} ({title}): the answer table in docs/cookbook.md is not "
                                f"the expected answer, which is:\n{table}")
        # Recipe 9 against the same run twice: nothing is new or changed.
        if 9 in found:
            failures += check_recipe(9, found[9][0] + " [same run twice]", found[9][1], cells, cells,
                                     (EXPECTED[9][0], []))
    if failures:
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"{len(found)} recipes x {len(ENGINES)} engines: all agree with each other and with the "
          f"{len(CITED)} cited source lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
