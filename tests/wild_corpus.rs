//! The corpus of real pages nobody tuned for (`fixtures/wild`): its shape (size, splits kept
//! apart, two independent labellings per page), the scores of both splits at or above their
//! floors, and no silent loss: every figure of the hand-made truth is somewhere in the output or
//! named in a warning.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use begroting::error::WarningKind;
use begroting::normalize::collapse_whitespace;
use begroting::pipeline::{Document, ExtractOptions, extract_path};
use begroting::score::{ScoreReport, score_pages};
use serde_json::Value;

fn wild(split: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/wild").join(split)
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    pages_with_extension(dir, "txt")
}

/// The pages of `dir` with this extension that have a truth file beside them.
fn pages_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == extension) && path.with_extension("json").is_file()
        })
        .collect();
    pages.sort();
    pages
}

fn truth(page: &Path) -> Value {
    let text = std::fs::read_to_string(page.with_extension("json")).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", page.display()))
}

fn settled_tables(truth: &Value) -> usize {
    truth["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t.get("uncertain") != Some(&Value::Bool(true)))
        .count()
}

#[test]
fn the_corpus_is_large_split_by_publication_and_labelled_twice() {
    let dev = pages(&wild("dev"));
    let validation = pages(&wild("validation"));
    assert!(dev.len() + validation.len() >= 100, "{} pages", dev.len() + validation.len());
    assert!(validation.len() >= 30, "{} validation pages", validation.len());
    let tables: usize = dev.iter().chain(&validation).map(|page| settled_tables(&truth(page))).sum();
    assert!(tables >= 130, "{tables} settled tables");

    // A publication (year, type, chapter of the truth) lies in one split only.
    let publication = |page: &PathBuf| {
        let doc = truth(page)["doc"].clone();
        format!("{} {} {}", doc["year"], doc["doc_type"], doc["chapter"])
    };
    let dev_publications: HashSet<String> = dev.iter().map(publication).collect();
    for page in &validation {
        assert!(
            !dev_publications.contains(&publication(page)),
            "{} shares its publication with dev",
            page.display()
        );
    }

    // Every page has both independent labellings and a reconciliation record.
    let labels = wild("labels");
    for page in dev.iter().chain(&validation) {
        let id = page.file_stem().unwrap().to_string_lossy();
        for labeller in ["a", "b"] {
            assert!(
                labels.join(format!("{id}.{labeller}.json")).is_file(),
                "{id}: labelling {labeller} missing"
            );
        }
        assert!(
            truth(page).get("reconciliation").is_some_and(Value::is_array),
            "{id}: no reconciliation record"
        );
    }
}

fn report(split: &str) -> ScoreReport {
    score_pages(&wild(split)).expect("the split reads")
}

/// Floors, not targets: just under the scores measured at the end of the latest session, so that
/// a change that reads these pages worse fails. Session 20: a sixteenth round, a fifth fair
/// sample of 27 pages (609 cells, 84.4% when it joined, 90.6% at the end), joins dev, which reads
/// 94.6% at the end. Session 19: a fifteenth round, a fourth fair
/// sample of 14 pages (350 cells, 87.4% when it joined, 94.0% at the end), joins dev, which reads
/// 94.6% at the end. Session 18: a fourteenth round, a fair sample of
/// 17 pages (868 cells, 85.0% when it joined, 98.8% at the end), joins dev, which reads 94.5% at
/// the end. Session 17: four rounds join dev (32 pages, 1547
/// cells; 71.7%, 96.3%, 73.2% and 99.7% when they joined), which reads 94.1% at the end; the
/// floor follows it down to 0.93. Session 16: dev 95.2% of cells, 96.2% on the
/// pages before the ninth round joined (7 pages, 366 cells, read 70.5% when they joined).
/// Session 15: dev 96.0% of cells, after rules
/// for statements printed one row a line (glued whole figures, one space a cell) took the
/// third, fifth and eighth rounds to 98.5%, 97.0% and 93.4%. Session 13: dev 91.1% of cells and 94.2% of
/// tables, after three rounds of 16 pages joined it (the fifth read 66.7% of its cells when it
/// joined, 93 of its 153 wrong cells in silence; the sixth, ordinary pages, 99.6%; the seventh
/// 53.5%, 200 of its 223 wrong cells flagged). Session 11: dev 91.4% of cells and 94.9% of
/// tables, after the 12 pages of the fourth round joined it (60% when they joined, all 187 of
/// their wrong cells in silence: rows printed one a line with their figures glued together, no
/// separator; 80% once such rows were cut by their decimals). Session 10: 92.3% and 95.0% over
/// 129 pages. The validation floor stays under the score it had when first measured (69.1% and
/// 78.6%), since nothing is tuned on it. History: the first validation split (33 pages) sat at
/// 85.7% for three sessions while dev rose to 94.9%; it was then retired into dev (it had been
/// scored too often to stay untouched) and 40 freshly labelled pages of 40 publications no other
/// page shares became the validation split, scored before any change was made for them.
/// The targets (99%) are in `begroting::score::targets`; `begroting score fixtures/wild/dev`
/// shows the distance, page by page.
/// Session 21: the seventeenth round (`s`, 32 pages chosen for layout variety the way the
/// validation split was chosen, not a fair sample) joins dev at 55.9% of its 1760 cells (506 wrong
/// in silence: indented three-column stubs read as extra data columns, a two-row header with a
/// stub-header cell in each row, tables whose values are partly text); dev falls from 94.6% to
/// 89.9%. After the session's rules (a stub of levels printed as indents, labels that are figures
/// lowering a reading's confidence, a stub header glued to a heading of glued years, a header's
/// repeated runs giving its least width and its columns) the round reads 86.8% and dev 93.6%; the
/// floor stays at 0.93.
/// Session 22: the eighteenth round (`t`, 32 pages chosen for layout variety by the same four
/// families of layout) joins dev at 50.3% of its 2226 cells (512 wrong in silence, 52 truth
/// figures lost without a warning: older pages whose rows glue a rate and six years' figures
/// into the label, a contents entry's year in its page cell, article numbers run into amounts);
/// dev falls from 93.6% to 87.9% and its floor follows it to 0.87. The session's warnings name
/// every one of those figures; at its end the round reads 51.9% (44 wrong in silence), dev 88.1%.
/// Session 23: the nineteenth round (`u`, 32 pages of the validation split's families) joins dev
/// at 73.5% of its 1206 cells (41 wrong in silence). After the session's marker rules and the
/// reading by column kinds (a saldibalans's two sides in one row, a department column among the
/// figures) the round reads 82.9% (floor 0.82), the eighteenth 56.9% (floor 0.56 from 0.50) and
/// dev 88.5% (floor 0.88).
/// Session 24: the twentieth round (`v`, tables whose rows and header print different numbers
/// of cells) joins at 88.4% and reads 92.2% at the session's end (floor 0.92); the twenty-first
/// (`w`, empty and unheaded columns, references beside the figures, two-sided balances) joins
/// at 61.0% of its 1638 cells (82 wrong in silence) and reads 61.4%; dev falls to 86.8% and its
/// floor follows it to 0.86.
/// Session 25: the twenty-second round (`x`, text columns among the figures, balances, headers of
/// spanning titles, and a broad sample) joins at 85.3% of its 2102 cells with the session's rules
/// (79.5% with the binary the session started from; every rule was written before the round was
/// scored); after rules made on round `x` and the session's review it reads 87.4% (floor 0.87),
/// round `w` 81.3% (floor 0.78 from 0.61), dev 88.2% (floor 0.87).
#[test]
fn both_splits_score_at_or_above_their_floors_and_no_page_fails() {
    for (split, cell_floor, table_floor) in [("dev", 0.88, 0.93), ("validation", 0.69, 0.78)] {
        let report = report(split);
        let rendered = report.render();
        assert_eq!(report.failed_pages(), 0, "{split}\n{rendered}");
        assert!(report.cell_accuracy() >= cell_floor, "{split}: cell accuracy below its floor\n{rendered}");
        assert!(report.table_recall() >= table_floor, "{split}: table recall below its floor\n{rendered}");
    }
}

/// Floors per round of the development split, so that pages joining dev cannot hide a
/// regression on the pages already there: each round just under its score at the end of session
/// 11 (the fourth round's raised in session 12, when it read 90.2%; the fifth's set in session 13
/// at 74.8%, the sixth's at 99.6% and the seventh's at 53.5%, what they read when they joined;
/// the eighth's in session 14 at 51.4%). Rounds are told by their page prefixes: `c` (the first
/// round, and the first validation split retired into dev), `e` (the third), `f` (the fourth),
/// `g` (the fifth), `h` (the sixth), `i` (the seventh), `j` (the eighth), `k` (the ninth, joined
/// in session 16 at 70.5% of its cells, every wrong cell flagged), `l` (the tenth, joined in
/// session 17 at 71.7%, 105 of its 190 wrong cells in silence, 90 of them one balance sheet), `m`
/// (the eleventh, joined in session 17 at 96.3%), `n` (the twelfth, a fair sample of plain
/// queries, joined in session 17 at 73.2%, 63 of its wrong cells in silence), `o` (the
/// thirteenth, a second fair sample, joined in session 17 at 99.7%), `p` (the fourteenth, a third
/// fair sample, joined in session 18 at 85.0%), `q` (the fifteenth, a fourth, joined in session 19
/// at 87.4%, 94.0% at its end), `r` (the sixteenth, a fifth, joined in session 20 at 84.4%, 90.6%
/// at its end), `s` (the seventeenth, chosen for layout variety, joined in session 21 at 55.9%, 86.8% at its end),
/// `t` (the eighteenth, chosen for layout variety, joined in session 22 at 50.3%), `u` (the
/// nineteenth, chosen for the validation split's families of layout, joined in session 23 at
/// 73.5%), `v` (the twentieth, chosen for tables whose rows and header print different numbers
/// of cells, joined in session 24 at 88.4%), `w` (the twenty-first, chosen for empty and
/// unheaded columns, joined in session 24 at 61.0%), `x` (the twenty-second, chosen for text
/// columns among the figures, balances, spanning header titles and a broad sample, joined in
/// session 25 at 85.3%), `y` (the twenty-third, chosen for wide tables with empty cells,
/// indicator tables, older publications and under-represented document types and funds, joined
/// in session 26 at 88.0%, 89.2% at its end; session 26 raised `w` to 0.84 and `x` to 0.88),
/// `z` (the twenty-fourth, chosen for code stubs, text values, flattened and run-together rows,
/// captions and funds, joined in session 27 at 74.6%, 89.6% at its end; session 27 set `w` to
/// 0.85, `t` to 0.62 and `x` to 0.93), `b` (the twenty-fifth, a fair sample, annual reports
/// and agencies, older flattened publications and uneven rows, joined in session 28 at 74.3%,
/// 94.2% at its end), `a` (the twenty-sixth, 60 pages in two batches: a fair sample, tables
/// with empty cells, the less common documents and headers of several rows, joined in session
/// 29 at 64.8%; then budget figure tables, article numbers in the stub header, text columns and
/// older publications at 83.8%; 82.1% at the session's end).
/// Session 17 raised the ninth's floor to 0.86
/// (glued markers in a series, bounds as norms, a staat printed one cell a line) and set the
/// tenth's at 0.73.
#[test]
fn each_round_of_the_development_split_keeps_its_floor() {
    let all = report("dev");
    for (round, prefix, floor) in [
        ("first", "c", 0.95),
        ("third", "e", 0.97),
        ("fourth", "f", 0.98),
        ("fifth", "g", 0.96),
        ("sixth", "h", 0.99),
        ("seventh", "i", 0.83),
        ("eighth", "j", 0.92),
        ("ninth", "k", 0.86),
        ("tenth", "l", 0.73),
        ("eleventh", "m", 0.95),
        ("twelfth", "n", 0.72),
        ("thirteenth", "o", 0.99),
        ("fourteenth", "p", 0.98),
        ("fifteenth", "q", 0.93),
        ("sixteenth", "r", 0.90),
        ("seventeenth", "s", 0.86),
        ("eighteenth", "t", 0.62),
        ("nineteenth", "u", 0.82),
        ("twentieth", "v", 0.92),
        ("twenty-first", "w", 0.85),
        ("twenty-second", "x", 0.93),
        ("twenty-third", "y", 0.89),
        ("twenty-fourth", "z", 0.89),
        ("twenty-fifth", "b", 0.93),
        ("twenty-sixth", "a", 0.80),
    ] {
        let pages = all.pages.iter().filter(|page| page.page.starts_with(prefix)).cloned().collect();
        let round_report = ScoreReport { pages };
        assert!(!round_report.pages.is_empty(), "no page of the {round} round");
        assert!(
            round_report.cell_accuracy() >= floor,
            "the {round} round of dev reads {:.4} of its cells, under its floor {floor}\n{}",
            round_report.cell_accuracy(),
            round_report.render()
        );
    }
}

/// A floor for the metadata of the development split, just under the 110 of 119 pages measured
/// when the splits were redrawn (83 of the first 86 dev pages since the page's own words began to
/// refine its address, `src/meta/refine.rs`). The validation split has no floor here: nothing
/// was tuned on it, and `begroting score fixtures/wild/validation` reports it.
#[test]
fn the_development_split_keeps_its_metadata() {
    let report = report("dev");
    assert!(report.meta_pages_right() >= 110, "dev: metadata below its floor\n{}", report.render());
}

/// Every text the output holds for a document: cells, stubs, header parts, captions, notes, the
/// raw lines of unrecovered tables; with and without footnote markers.
fn texts_of(document: &Document) -> HashSet<String> {
    let mut texts = HashSet::new();
    let mut add = |text: &str| {
        texts.insert(collapse_whitespace(text.trim()));
    };
    for table in &document.tables {
        for row in &table.rows {
            for cell in row.stub.iter().chain(&row.cells) {
                add(&cell.text);
                add(&format!("{}{}", cell.text, cell.markers.join(",")));
                add(&format!("{}{}", cell.text, cell.markers.concat()));
            }
        }
        for column in &table.columns {
            column.path.iter().for_each(|part| add(part));
        }
        for line in &table.raw_lines {
            add(line);
            line.split('|').for_each(&mut add);
        }
        table.notes.iter().for_each(|note| add(&note.text));
    }
    texts
}

/// No silent loss, held against the hand-made truth rather than the tool's own idea of a figure
/// (flattened text of fixtures/wild and fixtures/corpus, and the real Kamerstukken of
/// fixtures/xml): every figure of every settled truth row is a text of the output, or lies on a line the output
/// names in a `table_not_read`, `figure_not_read` or `split_uncertain` warning, or inside an
/// unrecovered table.
#[test]
fn every_truth_figure_is_in_the_output_or_named_in_a_warning() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus/pages");
    let mut checked = 0;
    let mut lost = Vec::new();
    let publications =
        pages_with_extension(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/xml"), "xml");
    assert_eq!(publications.len(), 2, "both real Kamerstukken with a truth");
    for page in pages(&wild("dev"))
        .iter()
        .chain(&pages(&wild("validation")))
        .chain(&pages(&corpus))
        .chain(&publications)
    {
        let document = extract_path(page, None, &ExtractOptions::default()).unwrap();
        let texts = texts_of(&document);
        let warned_tables: BTreeSet<usize> = document
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::TableNotRead | WarningKind::FigureNotRead))
            .filter_map(|w| w.location.table_index)
            .collect();
        // A figure split off a run-together row where the split point is open is named too.
        let uncertain_lines: BTreeSet<usize> = document
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::SplitUncertain)
            .filter_map(|w| w.location.line)
            .collect();
        let covered_lines: Vec<(usize, usize)> = document
            .tables
            .iter()
            .filter(|t| warned_tables.contains(&t.index) || !t.raw_lines.is_empty())
            .filter_map(|t| t.lines)
            .collect();
        for table in truth(page)["tables"].as_array().unwrap() {
            if table.get("uncertain") == Some(&Value::Bool(true)) {
                continue;
            }
            for row in table["rows"].as_array().unwrap() {
                let Some(cells) = row.get("cells").and_then(Value::as_array) else { continue };
                let line = row.get("line").and_then(Value::as_u64).unwrap_or(0) as usize;
                for cell in cells {
                    let text = collapse_whitespace(cell.as_str().unwrap_or_default().trim());
                    if !begroting::interpret::vocabulary::is_figure(&text) {
                        continue;
                    }
                    checked += 1;
                    let in_output = texts.contains(&text);
                    let warned = covered_lines.iter().any(|&(first, last)| (first..=last).contains(&line))
                        || uncertain_lines.contains(&line);
                    if !in_output && !warned {
                        lost.push(format!(
                            "{}: line {line} \"{text}\"",
                            page.file_name().unwrap().to_string_lossy()
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 5000, "only {checked} truth figures checked");
    assert!(
        lost.is_empty(),
        "{} of {checked} truth figures lost in silence:\n{}",
        lost.len(),
        lost.join("\n")
    );
}
