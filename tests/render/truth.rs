//! Truth files (`fixtures/corpus/README.md`) read into what a rendering prints: per table its
//! caption, header paths, stub columns, rows and notes; and the truth as the renderings are scored
//! against it.
//!
//! What a rendering can print is decided here, once for every style:
//! - tables marked `"uncertain"` are not rendered (the scorer skips them too);
//! - an ambiguous row (`cells: null`) is printed with its `resolved_cells` when the truth gives
//!   them (the seed's three rows), and its truth row is made an ordinary row with those cells; an
//!   ambiguous row without them has no known placement, so it is left out of the rendering *and*
//!   of the truth it is scored against (an HTML cell always has a place; guessing one would test
//!   the guess); a table all of whose rows are left out is left out too (page 011's Tabel 110,
//!   cut off in its first row: a header alone is not a table);
//! - note rows inside a table body (kind `footnote`) are not printed as rows: their notes are the
//!   table's `footnotes`, which every style prints as notes;
//! - everything else is printed as the truth gives it: labels with their row markers after them,
//!   stub cells, cells, spacer rows, group rows and a repeated header row.
//!
//! Header paths: the truth gives `column_paths` only for the seed; elsewhere a header is the
//! header rows joined, and is split back into a path by [`header_paths`].
//!
//! A page opens with the paragraphs its flattened text has before the first table
//! ([`opening_paragraphs`]), so the metadata has the page's own headings to go on, as it has on
//! the real page.

use std::path::Path;

use serde_json::{Map, Value};

/// One truth page: what to render and what to score against.
#[derive(Debug, Clone)]
pub struct TruthPage {
    /// The page's name ("001", "veiligheidsagenda-owb-2022-VI").
    pub name: String,
    /// The page's address, given to the extraction so its metadata can be scored.
    pub url: String,
    /// The page's opening paragraphs, before its first table (see [`opening_paragraphs`]).
    pub opening: Vec<String>,
    /// The truth as scored: ambiguous rows resolved or left out (see the module doc).
    pub scored: Value,
    /// The tables to render, in print order (uncertain ones left out).
    pub tables: Vec<TruthTable>,
    /// Ambiguous rows printed with their resolved cells.
    pub rows_resolved: usize,
    /// Ambiguous rows left out (no resolved placement).
    pub rows_left_out: usize,
    /// Tables left out because every row of theirs was.
    pub tables_left_out: usize,
}

/// One table as a rendering prints it.
#[derive(Debug, Clone, Default)]
pub struct TruthTable {
    /// The N of "Tabel N".
    pub number: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The unit ("x € 1.000").
    pub unit: Option<String>,
    /// The section heading above the table, when the truth gives one.
    pub section: Option<String>,
    /// Markers printed after the caption.
    pub caption_markers: Vec<String>,
    /// The text over the stub column(s).
    pub stub_header: Option<String>,
    /// How many stub columns every row prints (1 at least).
    pub stub_columns: usize,
    /// The data columns' header paths, top part first, with their markers.
    pub columns: Vec<HeaderPath>,
    /// The rows in print order.
    pub rows: Vec<TruthRow>,
    /// The notes printed with the table: (marker, text), text without its marker.
    pub notes: Vec<(String, String)>,
}

impl TruthTable {
    /// The number of header rows: the longest path (0 when no column and no stub has a header).
    pub fn header_levels(&self) -> usize {
        let deepest = self.columns.iter().map(|c| c.path.len()).max().unwrap_or(0);
        if deepest == 0 && self.stub_header.is_some() { 1 } else { deepest }
    }

    /// All columns of a row: stub columns and data columns.
    pub fn width(&self) -> usize {
        self.stub_columns + self.columns.len()
    }
}

/// A data column's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderPath {
    /// Header parts, top row first; empty for a column without a header.
    pub path: Vec<String>,
    /// Markers printed after the bottom part.
    pub markers: Vec<String>,
}

/// What a row is, as far as printing it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// A row of figures.
    Data,
    /// A total (printed bold where a style prints totals bold).
    Total,
    /// A "waarvan" part of the row above.
    Waarvan,
    /// A label without figures.
    Group,
    /// An empty row.
    Spacer,
    /// The header printed again inside the body.
    RepeatedHeader,
}

/// The stub of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stub {
    /// One label printed over every stub column (in a table of one stub column, the label).
    Spanning(String),
    /// One cell per stub column; each cell is one or more paragraphs (a name printed over two
    /// lines); `label_at` is the cell that holds the label (the markers go after it).
    Columns { cells: Vec<Vec<String>>, label_at: usize },
}

/// One row as printed.
#[derive(Debug, Clone)]
pub struct TruthRow {
    /// What the row is.
    pub role: RowRole,
    /// Its stub.
    pub stub: Stub,
    /// Markers printed after the label.
    pub markers: Vec<String>,
    /// One text per data column (empty for group, spacer and repeated header rows).
    pub cells: Vec<String>,
}

impl TruthRow {
    /// The row's label: the stub's label cell, its paragraphs joined with spaces.
    pub fn label(&self) -> String {
        match &self.stub {
            Stub::Spanning(label) => label.clone(),
            Stub::Columns { cells, label_at } => cells[*label_at].join(" "),
        }
    }
}

fn string(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

/// Reads a truth file. Panics (failing the test) when it is missing or malformed: a missing
/// fixture never skips.
pub fn read_page(path: &Path) -> TruthPage {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let truth: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_stem().expect("a file name").to_string_lossy().into_owned();
    let url = string(&truth, "url").unwrap_or_else(|| panic!("{}: no url", path.display()));
    let flattened = path.with_extension("txt");
    let flattened =
        std::fs::read_to_string(&flattened).unwrap_or_else(|e| panic!("{}: {e}", flattened.display()));
    let empty = Vec::new();
    let truth_tables = truth.get("tables").and_then(Value::as_array).unwrap_or(&empty);
    let opening = truth_tables.first().map(|first| opening_paragraphs(&flattened, first)).unwrap_or_default();
    let mut rows_resolved = 0;
    let mut rows_left_out = 0;
    let mut tables_left_out = 0;
    let mut tables = Vec::new();
    let mut scored_tables = Vec::new();
    for truth_table in truth_tables {
        if truth_table.get("uncertain").and_then(Value::as_bool) == Some(true) {
            // Not rendered; the scorer skips it as well.
            scored_tables.push(truth_table.clone());
            continue;
        }
        let mut scored_table = truth_table.clone();
        let rows = scored_table.get_mut("rows").and_then(Value::as_array_mut).expect("rows");
        let printed_rows = rows.len();
        rows.retain_mut(|row| {
            if row.get("ambiguous").and_then(Value::as_bool) != Some(true) {
                return true;
            }
            let Some(resolved) = row.get("resolved_cells").cloned() else {
                rows_left_out += 1;
                return false;
            };
            rows_resolved += 1;
            let object: &mut Map<String, Value> = row.as_object_mut().expect("a row is an object");
            object.insert("cells".to_string(), resolved);
            object.insert("ambiguous".to_string(), Value::Bool(false));
            true
        });
        if rows.is_empty() && printed_rows > 0 {
            // Every row was left out: a header alone is no table to find.
            tables_left_out += 1;
            continue;
        }
        tables.push(read_table(truth_table, rows));
        scored_tables.push(scored_table);
    }
    let mut scored = truth.clone();
    scored["tables"] = Value::Array(scored_tables);
    TruthPage { name, url, opening, scored, tables, rows_resolved, rows_left_out, tables_left_out }
}

/// The paragraphs of a page's flattened text (`NNN.txt`) before its first table: its headings
/// and prose, which a real page prints above the table too (the metadata reads the chapter,
/// "NOTA VAN WIJZIGING" or "Financieel Jaarverslag van het Rijk" there when the address does not
/// say). They end at the first paragraph that starts with "Tabel", holds the first table's title
/// or is its first column header, stub header or first row label (at most twelve are kept).
pub fn opening_paragraphs(flattened: &str, first_table: &Value) -> Vec<String> {
    let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = string(first_table, "title").map(|t| collapse(&t));
    let ends_opening: Vec<String> = [
        string(first_table, "stub_header"),
        strings(first_table.get("columns")).into_iter().next(),
        first_table.get("rows").and_then(|rows| rows.get(0)).and_then(|row| string(row, "label")),
    ]
    .into_iter()
    .flatten()
    .map(|text| collapse(&text))
    .filter(|text| !text.is_empty())
    .collect();
    flattened
        .split("\n\n")
        .map(collapse)
        .filter(|paragraph| !paragraph.is_empty())
        .take_while(|paragraph| {
            !paragraph.to_lowercase().starts_with("tabel")
                && !title.as_ref().is_some_and(|title| paragraph.contains(title.as_str()))
                && !ends_opening.contains(paragraph)
        })
        .take(12)
        .collect()
}

/// A table from its truth and its scored rows (ambiguous ones already resolved or left out).
fn read_table(truth: &Value, rows: &[Value]) -> TruthTable {
    let footnotes = truth.get("footnotes").and_then(Value::as_object);
    let notes = footnotes
        .map(|notes| {
            notes
                .iter()
                .filter_map(|(marker, text)| {
                    // A note the truth has no text for (`null`) is not printed: its marker stays
                    // without a note, as on a page that prints none.
                    let text = text.as_str()?;
                    let text = text.strip_prefix(marker.as_str()).unwrap_or(text).trim();
                    Some((marker.clone(), text.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let headers: Vec<String> = strings(truth.get("columns"));
    let paths: Vec<Vec<String>> = match truth.get("column_paths").and_then(Value::as_array) {
        Some(paths) => paths.iter().map(|path| strings(Some(path))).collect(),
        None => header_paths(&headers),
    };
    let column_markers = truth.get("column_footnotes").and_then(Value::as_object);
    let columns = headers
        .iter()
        .zip(paths)
        .map(|(header, path)| HeaderPath {
            path,
            markers: strings(column_markers.and_then(|markers| markers.get(header))),
        })
        .collect();
    let mut table = TruthTable {
        number: string(truth, "number"),
        title: string(truth, "title"),
        unit: string(truth, "unit"),
        section: string(truth, "section"),
        caption_markers: strings(truth.get("caption_footnotes")),
        stub_header: string(truth, "stub_header").filter(|s| !s.trim().is_empty()),
        stub_columns: 1,
        columns,
        rows: Vec::new(),
        notes,
    };
    for row in rows {
        let role = match row.get("kind").and_then(Value::as_str) {
            Some("total") => RowRole::Total,
            Some("waarvan") => RowRole::Waarvan,
            Some("group") => RowRole::Group,
            Some("spacer") => RowRole::Spacer,
            Some("header") => RowRole::RepeatedHeader,
            Some("footnote") => continue,
            _ => RowRole::Data,
        };
        let label = string(row, "label").unwrap_or_default();
        let markers = strings(row.get("footnotes"));
        let printed_stub = strings(row.get("stub"));
        let stub = if printed_stub.len() > 1 {
            stub_columns_of(&printed_stub, &label, &markers)
        } else {
            Stub::Spanning(label)
        };
        if let Stub::Columns { cells, .. } = &stub {
            table.stub_columns = table.stub_columns.max(cells.len());
        }
        let cells = strings(row.get("cells"));
        table.rows.push(TruthRow { role, stub, markers, cells });
    }
    table
}

/// The stub cells of a row that prints several: the label's cell is the one that reads as the
/// label once the row's markers are taken off its end; a label printed over two cells (a name
/// over two paragraphs, "Overige Hoge Colleges van" / "Staat en Kabinetten") becomes one cell of
/// two paragraphs.
fn stub_columns_of(stub: &[String], label: &str, markers: &[String]) -> Stub {
    let unmarked = |text: &str| {
        let mut text = text.trim().to_string();
        for marker in markers {
            if let Some(stripped) = text.strip_suffix(marker.as_str()) {
                text = stripped.trim_end().to_string();
            }
        }
        text
    };
    if let Some(at) = stub.iter().position(|cell| unmarked(cell) == label) {
        let cells = stub.iter().map(|cell| vec![unmarked(cell)]).collect();
        return Stub::Columns { cells, label_at: at };
    }
    for start in 0..stub.len() {
        for end in start + 2..=stub.len() {
            let joined: Vec<String> = stub[start..end].iter().map(|cell| unmarked(cell)).collect();
            if joined.join(" ") == label {
                let mut cells: Vec<Vec<String>> =
                    stub[..start].iter().map(|cell| vec![unmarked(cell)]).collect();
                cells.push(joined);
                cells.extend(stub[end..].iter().map(|cell| vec![unmarked(cell)]));
                return Stub::Columns { cells, label_at: start };
            }
        }
    }
    panic!("the label {label:?} is not among the stub cells {stub:?}");
}

/// Header paths from joined headers, the way a page prints them over two rows, in this order:
/// 1. a run of two or more neighbouring headers that begin with the same two or more words and go
///    on after them ("Vastgestelde begroting Verplichtingen", "Vastgestelde begroting Uitgaven")
///    has those words as a top part printed once over the run;
/// 2. a header of words and a year ("Realisatie 2019", "Vastgestelde begroting 2019") has the
///    words on top and the year below (neighbours with the same words share the top part);
/// 3. any other header is one part; an empty header none.
///
/// Joining a path gives the header back, so the truth's `columns` stay what is scored.
pub fn header_paths(headers: &[String]) -> Vec<Vec<String>> {
    let words: Vec<Vec<&str>> = headers.iter().map(|h| h.split_whitespace().collect()).collect();
    let mut paths: Vec<Option<Vec<String>>> = vec![None; headers.len()];
    let mut at = 0;
    while at + 1 < headers.len() {
        let shared = words[at].iter().zip(&words[at + 1]).take_while(|(a, b)| a == b).count();
        let goes_on = |w: &Vec<&str>| w.len() > shared;
        if shared >= 2 && goes_on(&words[at]) && goes_on(&words[at + 1]) {
            let mut end = at + 2;
            while end < headers.len()
                && words[end].len() > shared
                && words[end][..shared] == words[at][..shared]
            {
                end += 1;
            }
            for column in at..end {
                paths[column] =
                    Some(vec![words[column][..shared].join(" "), words[column][shared..].join(" ")]);
            }
            at = end;
        } else {
            at += 1;
        }
    }
    let is_year = |word: &str| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    paths
        .into_iter()
        .zip(&words)
        .map(|(path, words)| {
            path.unwrap_or_else(|| match words.split_last() {
                None => Vec::new(),
                Some((last, rest)) if !rest.is_empty() && is_year(last) => {
                    vec![rest.join(" "), last.to_string()]
                }
                Some(_) => vec![words.join(" ")],
            })
        })
        .collect()
}

#[test]
fn headers_split_into_the_paths_a_page_prints() {
    let split = |headers: &[&str]| header_paths(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    assert_eq!(
        split(&["Realisatie 2018", "Begroting 2018", "Verschil 2018", ""]),
        [vec!["Realisatie", "2018"], vec!["Begroting", "2018"], vec!["Verschil", "2018"], vec![]]
    );
    assert_eq!(
        split(&["Vastgestelde begroting Verplichtingen", "Vastgestelde begroting Uitgaven", "ISB"]),
        [
            vec!["Vastgestelde begroting", "Verplichtingen"],
            vec!["Vastgestelde begroting", "Uitgaven"],
            vec!["ISB"]
        ]
    );
    // One shared word is not enough: "Stand" over two columns is not how the page printed it.
    assert_eq!(
        split(&["Stand vastgestelde begroting", "Stand 1e suppletoire begroting"]),
        [vec!["Stand vastgestelde begroting"], vec!["Stand 1e suppletoire begroting"]]
    );
}
