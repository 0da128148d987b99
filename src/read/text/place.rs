//! Rows where fewer cells survived than there are columns: where do the survivors go?
//!
//! An empty cell that vanished leaves no trace in the text, so every row placed here is flagged
//! `column_inferred`, carries [`Placement::Inferred`] with its rule and surviving texts, and gets
//! a warning (added by the caller). Three rules, tried in this order:
//!
//! 1. **The table's own arithmetic** ([`resolve_by_arithmetic`]). Formulas the column headers
//!    print ("Stand vastgestelde begroting (3=1+2)", "(4)=(1)+(2)+(3) Totaal geraamd": an empty
//!    term counts as 0, rounding allowed per term; the computed column is printed wherever a term
//!    is, "0" when they cancel, so it is never empty under printed terms), relations between columns
//!    that hold on every complete row of the table (column 3 = column 2 − column 1, say; at least
//!    three rows must show it and none may break it), and totals ("Totaal …" rows equal to the
//!    sum of the data rows above them since the previous total or spacer row). Every order-keeping
//!    placement of the surviving figures is tried; when exactly one placement (or one combination
//!    for the short rows of one total's block) satisfies them all, it is taken. Last, subtotals
//!    ([`resolve_by_subtotals`]): a complete row right above two or more sub-rows that it equals
//!    the sum of in exactly one combination of their placements. Rule text: [`ARITHMETIC_RULE`].
//! 2. **Extrapolation** ([`EXTRAPOLATION_RULE`], [`resolve_extrapolation`]): a row labelled
//!    "Extrapolatie" extends the multi-year estimates by the one year that enters the table, so
//!    its single printed figure belongs to the last column. Where the page keeps a trace of the
//!    vanished cells (wild pages c2_14 and c7_05 print a whitespace line of five empty cells
//!    before it) the figure stands there; without a trace (page 038, c2_06) left fill put it
//!    in the first year. Still flagged `column_inferred`: the rule reads the label, not the print.
//! 3. **Left fill** ([`LEFT_FILL_RULE`]): the surviving cells, whitespace cells included, fill the
//!    columns from the left in print order; the columns left over are empty. It is right when
//!    empty cells vanish at the end of a row (seed page: "Comensha" 975, 490 and "complexe
//!    onderzoeken" 39, 7) and wrong when an empty cell vanished before a printed one
//!    ("Conservatoir beslag": 180 belongs to Norm 2021). An overrides file settles those rows.
//!
//! Known failures: arithmetic cannot help a row whose figures are explained only by a row far
//! below it (page 038's "Extrapolatie", explained by a subtotal two rows down, which rule 2
//! places), nor a table where two placements both add up; both fall to left fill.

use crate::error::{Location, Warning, WarningKind};
use crate::normalize::number::{parse_dutch_number, printed_decimals};
use crate::table::{Cell, Placement, Row, RowKind, Table};

/// The placement rule for short rows, in words (stored in `Placement::Inferred::rule`).
pub const LEFT_FILL_RULE: &str =
    "left fill: surviving cells fill the columns from the left in print order, the rest are empty";

/// The rule text for rows placed by the table's arithmetic.
pub const ARITHMETIC_RULE: &str = "arithmetic: the only placement of the surviving figures for which the table's column formulas, column relations and totals hold";

/// The rule text for an extrapolation row's figure placed in the last column.
pub const EXTRAPOLATION_RULE: &str = "extrapolation: a row that extends the estimates by one year prints the figure of the new last year only, so its one figure goes to the last column";

/// Rule 2 of the module doc: short rows still placed by left fill whose label is an
/// extrapolation ([`crate::interpret::vocabulary::is_extrapolation_label`]) and whose only
/// surviving cell is one figure get that figure in the last column. Returns the rows it moved.
pub fn resolve_extrapolation(table: &mut Table, short: &[usize]) -> Vec<usize> {
    let columns = table.columns.len();
    let mut moved = Vec::new();
    for &row_index in short {
        let row = &mut table.rows[row_index];
        let label = label_of(row);
        let Placement::Inferred { rule, surviving } = &mut row.placement else { continue };
        let one_figure =
            surviving.len() == 1 && number(&surviving[0]).is_some() && !surviving[0].trim().is_empty();
        if rule.as_str() != LEFT_FILL_RULE
            || !one_figure
            || columns < 2
            || !crate::interpret::vocabulary::is_extrapolation_label(&label)
        {
            continue;
        }
        let Some(first) = row.cells.iter().position(|cell| !cell.text.is_empty()) else { continue };
        let figure = std::mem::replace(&mut row.cells[first], Cell::empty(None));
        let flags = figure.flags.clone();
        row.cells[first].flags = flags;
        row.cells[columns - 1] = figure;
        *rule = EXTRAPOLATION_RULE.to_string();
        moved.push(row_index);
    }
    moved
}

/// The most placements tried for one block of short rows.
const MAX_COMBINATIONS: usize = 20_000;

/// The `column_inferred` warning of a row placed by rule: its label, its surviving cells and
/// the rule, from its [`Placement::Inferred`]; `None` for a row the source placed. `row_word`
/// names the row as the reader saw it ("row", "pipe row") and `survived` how its cells came
/// through ("survived", "printed").
pub fn column_inferred_warning(
    table_index: usize,
    row_index: usize,
    row: &Row,
    columns: usize,
    row_word: &str,
    survived: &str,
) -> Option<Warning> {
    let Placement::Inferred { rule, surviving } = &row.placement else { return None };
    let label = row.printed_label();
    Some(Warning::new(
        WarningKind::ColumnInferred,
        Location::table(table_index, row.line).with_row(row_index),
        format!(
            "{row_word} \"{label}\": {} of {columns} cells {survived} ({}); placed by rule: {rule}",
            surviving.len(),
            surviving.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", "),
        ),
    ))
}

/// Places surviving cells by [`LEFT_FILL_RULE`] into exactly `columns` cells.
pub fn left_fill(surviving: Vec<Cell>, columns: usize) -> Vec<Cell> {
    let mut cells: Vec<Cell> = surviving.into_iter().take(columns).collect();
    cells.resize_with(columns, || Cell::empty(None));
    cells
}

/// A cell's number for arithmetic: empty and nil count as 0; text is `None`.
fn number(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    if trimmed.is_empty() || matches!(trimmed, "-" | "–" | "‒") {
        return Some(0.0);
    }
    parse_dutch_number(trimmed).value
}

fn tolerance(texts: &[&str]) -> f64 {
    let most = texts.iter().map(|t| printed_decimals(t) as i32).max().unwrap_or(0);
    1.01 * 10f64.powi(-most)
}

/// `column = left + sign × right`, found on the complete rows.
#[derive(Debug, Clone, Copy)]
struct Relation {
    column: usize,
    left: usize,
    right: usize,
    sign: f64,
}

fn holds(relation: Relation, cells: &[String]) -> Option<bool> {
    let get = |j: usize| cells.get(j).and_then(|t| number(t));
    let (c, l, r) = (get(relation.column)?, get(relation.left)?, get(relation.right)?);
    let texts =
        [cells[relation.column].as_str(), cells[relation.left].as_str(), cells[relation.right].as_str()];
    Some((c - (l + relation.sign * r)).abs() <= tolerance(&texts))
}

fn relations(complete: &[Vec<String>], columns: usize) -> Vec<Relation> {
    let mut found = Vec::new();
    for column in 0..columns {
        for left in 0..columns {
            for right in 0..columns {
                if left == right || column == left || column == right {
                    continue;
                }
                for sign in [1.0, -1.0] {
                    if sign > 0.0 && right < left {
                        continue;
                    }
                    let relation = Relation { column, left, right, sign };
                    let mut support = 0;
                    let mut broken = false;
                    for row in complete {
                        let nonzero =
                            [column, left, right].iter().any(|&j| number(&row[j]).is_some_and(|v| v != 0.0));
                        match holds(relation, row) {
                            Some(true) if nonzero => support += 1,
                            Some(false) => broken = true,
                            _ => {}
                        }
                    }
                    if !broken && support >= 3 {
                        found.push(relation);
                    }
                }
            }
        }
    }
    found
}

/// `column = Σ sign × term`, as a column's header prints it: "(3=1+2)", "(5 = 3+4)",
/// "(4)=(1)+(2)+(3)", "(6)=(5)-(4)", "(3 = 2 – 1)" (columns numbered as their headers number
/// them: "(1)", "(2)").
#[derive(Debug, Clone, PartialEq)]
struct HeaderFormula {
    column: usize,
    terms: Vec<(usize, f64)>,
}

/// A column's number or formula printed on its own ("(5 = 3+4)", "(3)=(1)+(2)", "(4)"): the
/// characters of the header formulas [`header_formulas`] reads, and nothing else.
pub(super) fn is_column_formula(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('(')
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '=' | '+' | '-' | '–' | ' '))
}

/// The formulas the column headers print, with the numbers mapped to the columns that carry
/// them; a formula naming a number no column carries (or one two columns carry) is left out, and
/// none is used unless at least three columns are numbered, side by side and one up from left
/// to right.
fn header_formulas(table: &Table) -> Vec<HeaderFormula> {
    use std::sync::LazyLock;
    static FORMULA: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\(?\s*(\d{1,2})\s*\)?\s*=\s*\(?\s*(\d{1,2}(?:\s*\)?\s*[+\-–−]\s*\(?\s*\d{1,2})+)")
            .expect("valid regex")
    });
    static TERM: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"([+\-–−]?)\s*\(?\s*(\d{1,2})").expect("valid regex"));
    let headers: Vec<String> = table.columns.iter().map(|column| column.header()).collect();
    let numbers: Vec<Option<usize>> = headers
        .iter()
        .map(|header| crate::interpret::vocabulary::column_number(header).map(|number| number as usize))
        .collect();
    // Trust the numbering only as tables print it: numbered columns side by side, numbered one up
    // from left to right ("(1)", "(2)", "(3=1+2)"). A header misread into the wrong columns shows
    // gaps or a broken order, and its formulas would place figures wrongly.
    let numbered: Vec<(usize, usize)> =
        numbers.iter().enumerate().filter_map(|(j, n)| n.map(|n| (j, n))).collect();
    let in_order = numbered.windows(2).all(|pair| pair[1].0 == pair[0].0 + 1 && pair[1].1 == pair[0].1 + 1);
    if numbered.len() < 3 || !in_order {
        return Vec::new();
    }
    let column_of = |number: usize| {
        let mut found = numbers.iter().enumerate().filter(|(_, n)| **n == Some(number)).map(|(j, _)| j);
        match (found.next(), found.next()) {
            (Some(j), None) => Some(j),
            _ => None,
        }
    };
    let mut formulas = Vec::new();
    for header in &headers {
        let Some(captures) = FORMULA.captures(header) else { continue };
        let Some(column) = captures[1].parse().ok().and_then(column_of) else { continue };
        let terms: Option<Vec<(usize, f64)>> = TERM
            .captures_iter(&captures[2])
            .map(|term| {
                let sign = if term[1].is_empty() || &term[1] == "+" { 1.0 } else { -1.0 };
                term[2].parse().ok().and_then(column_of).map(|j| (j, sign))
            })
            .collect();
        if let Some(terms) = terms.filter(|terms| terms.len() >= 2 && terms.iter().all(|(j, _)| *j != column))
        {
            formulas.push(HeaderFormula { column, terms });
        }
    }
    formulas
}

/// A code printed at the end of a row is the next row's, when the column formulas say so: a row
/// of figures that ends in a code-like whole number ("1", "2") and breaks a formula its header
/// prints, followed by a row whose code cell is empty, gives that number to the next row as
/// its code; its other figures become a short row (flagged, placed by rule, and re-placed by
/// arithmetic where it decides: [`resolve_by_arithmetic`]). Wild page c3_01: "Uitgaven" 39.987,
/// 39.987, 90, 40.077, 57, 55, 55, 52, then "1" before "Grondwettelijke uitkering …": as nine
/// figures, (3=1+2) fails (90 ≠ 39.987 + 39.987); the "1" is the next article's code. Returns the
/// rows made short.
pub fn return_trailing_codes_by_formulas(table: &mut Table) -> Vec<usize> {
    let formulas = header_formulas(table);
    let columns = table.columns.len();
    let mut made_short = Vec::new();
    if formulas.is_empty() || columns < 2 {
        return made_short;
    }
    let keeps_all = |cells: &[String]| formulas.iter().all(|f| keeps_formula(f, cells) != Some(false));
    for index in 0..table.rows.len().saturating_sub(1) {
        let (row, next) = (&table.rows[index], &table.rows[index + 1]);
        // The next row has an empty code cell, or (a table read without a code column) a label
        // alone.
        let next_lacks_code = match next.stub.as_slice() {
            [label] => !label.text.trim().is_empty(),
            [code, rest @ ..] => {
                code.text.trim().is_empty() && rest.iter().any(|c| !c.text.trim().is_empty())
            }
            [] => false,
        };
        let Some(last) = row.cells.last() else { continue };
        let code_like = crate::interpret::vocabulary::is_short_whole_number(&last.text);
        if row.placement != Placement::Exact || row.kind != RowKind::Data || !next_lacks_code || !code_like {
            continue;
        }
        let texts: Vec<String> = row.cells.iter().map(|cell| cell.text.clone()).collect();
        if keeps_all(&texts) {
            continue;
        }
        // Only when the row's other figures, one short, can keep every formula.
        let figures = &texts[..texts.len() - 1];
        let fits = placements(figures.len(), columns).into_iter().any(|positions| {
            let mut cells = vec![String::new(); columns];
            for (figure, position) in figures.iter().zip(positions) {
                cells[position] = figure.clone();
            }
            keeps_all(&cells)
        });
        if !fits {
            continue;
        }
        let row = &mut table.rows[index];
        let code = row.cells.pop().unwrap_or_default();
        let surviving: Vec<String> = row.cells.iter().map(|cell| cell.text.clone()).collect();
        row.cells = left_fill(std::mem::take(&mut row.cells), columns);
        for cell in &mut row.cells {
            cell.flag(crate::table::CellFlag::ColumnInferred);
        }
        row.placement = Placement::Inferred { rule: LEFT_FILL_RULE.to_string(), surviving };
        let next = &mut table.rows[index + 1];
        next.line = code.line.or(next.line);
        let code = Cell { flags: Vec::new(), ..code };
        if next.stub.len() == 1 {
            next.stub.insert(0, code);
        } else {
            next.stub[0] = code;
        }
        made_short.push(index);
    }
    // A table read without a code column that gave rows their codes now has one: every row's
    // stub gets its (empty) code cell, so the stubs stay even.
    if !made_short.is_empty() && table.stub_columns <= 1 {
        for row in &mut table.rows {
            if row.stub.len() == 1 {
                row.stub.insert(0, Cell::empty(row.line));
            }
        }
        table.stub_columns = 2;
    }
    made_short
}

/// Whether a row's cells keep a header formula; `None` when a cell it names holds text.
fn keeps_formula(formula: &HeaderFormula, cells: &[String]) -> Option<bool> {
    let get = |j: usize| cells.get(j).and_then(|t| number(t));
    let mut sum = 0.0;
    let mut texts = vec![cells.get(formula.column)?.as_str()];
    for &(j, sign) in &formula.terms {
        sum += sign * get(j)?;
        texts.push(cells[j].as_str());
    }
    // A column the header computes is printed wherever a term of it is ("0" when they cancel):
    // left empty under printed terms, the formula is not kept.
    if texts[0].trim().is_empty() && texts[1..].iter().any(|text| !text.trim().is_empty()) {
        return Some(false);
    }
    let slack = tolerance(&texts) * formula.terms.len() as f64;
    Some((get(formula.column)? - sum).abs() <= slack)
}

/// Every combination of the open rows' placements (one option index per open row) with which
/// the fixed rows and the open rows add up to `total` in every column. The caller bounds the
/// number of combinations ([`combination_count`]).
fn combinations_adding_up(
    fixed: &[Vec<String>],
    open: &[&(usize, Vec<Vec<String>>)],
    total: &[String],
) -> Vec<Vec<usize>> {
    let mut fitting = Vec::new();
    let mut choice = vec![0usize; open.len()];
    loop {
        let mut rows: Vec<&Vec<String>> = fixed.iter().collect();
        for (slot, (_, options)) in choice.iter().zip(open) {
            rows.push(&options[*slot]);
        }
        if adds_up(&rows, total) {
            fitting.push(choice.clone());
        }
        // The next combination, counting like an odometer.
        let mut position = 0;
        while position < choice.len() {
            choice[position] += 1;
            if choice[position] < open[position].1.len() {
                break;
            }
            choice[position] = 0;
            position += 1;
        }
        if position == choice.len() {
            return fitting;
        }
    }
}

/// How many combinations the option counts make, saturating (a product of several counts of up
/// to [`MAX_COMBINATIONS`] each would overflow).
fn combination_count(counts: impl Iterator<Item = usize>) -> usize {
    counts.fold(1usize, |product, count| product.saturating_mul(count))
}

/// Every order-keeping placement of `figures` (texts with their cells) into `columns` slots.
fn placements(figures: usize, columns: usize) -> Vec<Vec<usize>> {
    fn walk(start: usize, left: usize, columns: usize, current: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if out.len() > MAX_COMBINATIONS {
            return;
        }
        if left == 0 {
            out.push(current.clone());
            return;
        }
        for position in start..=columns.saturating_sub(left) {
            current.push(position);
            walk(position + 1, left - 1, columns, current, out);
            current.pop();
        }
    }
    let mut out = Vec::new();
    if figures <= columns {
        walk(0, figures, columns, &mut Vec::new(), &mut out);
    }
    out
}

fn label_of(row: &Row) -> String {
    row.printed_label().to_string()
}

/// Re-places short rows by the table's arithmetic where exactly one placement fits (rule 1 of
/// the module doc). `short` lists the indices of short rows; their cells are left-filled on
/// entry. Returns the indices of the rows it re-placed.
pub fn resolve_by_arithmetic(table: &mut Table, short: &[usize]) -> Vec<usize> {
    let columns = table.columns.len();
    if short.is_empty() || columns < 2 {
        return Vec::new();
    }
    let texts = |row: &Row| -> Vec<String> { row.cells.iter().map(|c| c.text.clone()).collect() };
    let complete: Vec<Vec<String>> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(i, row)| !short.contains(i) && row.kind == RowKind::Data)
        .map(|(_, row)| texts(row))
        .filter(|cells| cells.iter().all(|t| number(t).is_some()) && cells.iter().any(|t| !t.is_empty()))
        .collect();
    let relations = relations(&complete, columns);
    let formulas = header_formulas(table);
    // Candidate placements per short row: those keeping every column relation.
    let mut candidates: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for &row_index in short {
        let figures: Vec<String> =
            table.rows[row_index].cells.iter().map(|c| c.text.clone()).filter(|t| !t.is_empty()).collect();
        if figures.is_empty() || figures.iter().any(|t| number(t).is_none()) {
            continue;
        }
        let options: Vec<Vec<String>> = placements(figures.len(), columns)
            .into_iter()
            .map(|positions| {
                let mut cells = vec![String::new(); columns];
                for (figure, position) in figures.iter().zip(positions) {
                    cells[position] = figure.clone();
                }
                cells
            })
            .filter(|cells| relations.iter().all(|&relation| holds(relation, cells) != Some(false)))
            .filter(|cells| formulas.iter().all(|formula| keeps_formula(formula, cells) != Some(false)))
            .collect();
        if !options.is_empty() {
            candidates.push((row_index, options));
        }
    }
    let mut chosen: Vec<(usize, Vec<String>)> = Vec::new();
    let mut undecided: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (row_index, options) in candidates {
        if options.len() == 1 && (!relations.is_empty() || !formulas.is_empty()) {
            chosen.push((row_index, options.into_iter().next().unwrap_or_default()));
        } else {
            undecided.push((row_index, options));
        }
    }
    // Totals: the short rows of one block, jointly.
    let decided: Vec<(usize, Vec<String>)> = chosen.clone();
    for (block, total_index) in blocks(table) {
        let in_block: Vec<&(usize, Vec<Vec<String>>)> =
            undecided.iter().filter(|(i, _)| block.contains(i)).collect();
        if in_block.is_empty() {
            continue;
        }
        let combinations = combination_count(in_block.iter().map(|(_, options)| options.len()));
        if combinations == 0 || combinations > MAX_COMBINATIONS {
            continue;
        }
        let total = texts(&table.rows[total_index]);
        let fixed: Vec<Vec<String>> = block
            .iter()
            .filter(|i| !in_block.iter().any(|(j, _)| j == *i))
            .map(|&i| {
                decided
                    .iter()
                    .find(|(j, _)| *j == i)
                    .map_or_else(|| texts(&table.rows[i]), |(_, c)| c.clone())
            })
            .collect();
        let fitting = combinations_adding_up(&fixed, &in_block, &total);
        if fitting.len() == 1 {
            for (slot, (row_index, options)) in fitting[0].iter().zip(&in_block) {
                chosen.push((*row_index, options[*slot].clone()));
            }
        }
    }
    // Subtotals: a complete row right above its sub-rows that equals their sum.
    let undecided: Vec<(usize, Vec<Vec<String>>)> =
        undecided.into_iter().filter(|(i, _)| !chosen.iter().any(|(j, _)| j == i)).collect();
    chosen.extend(resolve_by_subtotals(table, &undecided, &chosen, short));
    let mut replaced = Vec::new();
    for (row_index, cells) in chosen {
        let row = &mut table.rows[row_index];
        let mut printed: Vec<Cell> = row.cells.iter().filter(|c| !c.text.is_empty()).cloned().collect();
        printed.reverse();
        let flags = row.cells.first().map(|c| c.flags.clone()).unwrap_or_default();
        row.cells = cells
            .iter()
            .map(|text| {
                let mut cell =
                    if text.is_empty() { Cell::empty(None) } else { printed.pop().unwrap_or_default() };
                for flag in &flags {
                    cell.flag(*flag);
                }
                cell
            })
            .collect();
        if let Placement::Inferred { rule, .. } = &mut row.placement {
            *rule = ARITHMETIC_RULE.to_string();
        }
        replaced.push(row_index);
    }
    replaced
}

/// How far above a short row its subtotal row is looked for, and how many sub-rows a subtotal
/// may have.
const SUBTOTAL_REACH: usize = 8;

/// Short rows placed by a subtotal: a complete row (every cell a number or empty) directly
/// followed by two or more data or waarvan rows that it equals the sum of, column by column,
/// in exactly one combination of the short rows' placements ("Overige lasten" '', 599, 599, 41
/// over "– Dotaties voorzieningen" 40, 40, 0 and "– Bijzondere lasten" '', 559, 559, 41: the 40
/// can only stand in the second column). Every run of rows that starts right below a complete
/// row and ends at or below the short row is tried; the short row is placed only when every run
/// that adds up in exactly one way puts it the same way, and at least one does. `undecided`
/// holds the short rows arithmetic left open with their placements, `decided` those it placed.
fn resolve_by_subtotals(
    table: &Table,
    undecided: &[(usize, Vec<Vec<String>>)],
    decided: &[(usize, Vec<String>)],
    short: &[usize],
) -> Vec<(usize, Vec<String>)> {
    let texts = |index: usize| -> Vec<String> {
        decided.iter().find(|(j, _)| *j == index).map_or_else(
            || table.rows[index].cells.iter().map(|c| c.text.clone()).collect(),
            |(_, c)| c.clone(),
        )
    };
    let sub_row = |index: usize| {
        let row = &table.rows[index];
        matches!(row.kind, RowKind::Data | RowKind::Waarvan)
            && !label_of(row).is_empty()
            && !crate::interpret::vocabulary::is_total_label(&label_of(row))
    };
    let complete = |index: usize| {
        let cells = texts(index);
        (!short.contains(&index) || decided.iter().any(|(j, _)| *j == index))
            && cells.iter().all(|t| number(t).is_some())
            && cells.iter().any(|t| !t.trim().is_empty())
    };
    let mut placed = Vec::new();
    // The combinations tried over the whole table, so many short rows cannot make it slow.
    let mut budget = MAX_COMBINATIONS * 10;
    for (row_index, _) in undecided {
        let mut verdict: Option<Option<Vec<String>>> = None;
        for parent in row_index.saturating_sub(SUBTOTAL_REACH)..*row_index {
            if !complete(parent) || !table.rows[parent].kind.carries_data() {
                continue;
            }
            for end in *row_index..(parent + 1 + SUBTOTAL_REACH).min(table.rows.len()) {
                let children: Vec<usize> = (parent + 1..=end).collect();
                if children.len() < 2 || !children.iter().all(|&i| sub_row(i)) {
                    continue;
                }
                let open: Vec<&(usize, Vec<Vec<String>>)> =
                    undecided.iter().filter(|(i, _)| children.contains(i)).collect();
                let combinations = combination_count(open.iter().map(|(_, options)| options.len()));
                if combinations == 0 || combinations > MAX_COMBINATIONS || combinations > budget {
                    continue;
                }
                budget -= combinations;
                // A short row no placement fits (left-filled, not placed) fixes nothing.
                let unplaced = |i: &usize| {
                    short.contains(i)
                        && !open.iter().any(|(j, _)| j == i)
                        && !decided.iter().any(|(j, _)| j == i)
                };
                if children.iter().any(unplaced) {
                    continue;
                }
                let fixed: Vec<Vec<String>> = children
                    .iter()
                    .filter(|i| !open.iter().any(|(j, _)| j == *i))
                    .map(|&i| texts(i))
                    .collect();
                if fixed.iter().any(|cells| cells.iter().any(|t| number(t).is_none())) {
                    continue;
                }
                let total = texts(parent);
                let fitting = combinations_adding_up(&fixed, &open, &total);
                if let [only] = fitting.as_slice() {
                    let at = open.iter().position(|(j, _)| j == row_index).unwrap_or(0);
                    let cells = open[at].1[only[at]].clone();
                    verdict = match verdict {
                        None => Some(Some(cells)),
                        Some(Some(before)) if before == cells => Some(Some(before)),
                        _ => Some(None),
                    };
                }
            }
        }
        if let Some(Some(cells)) = verdict {
            placed.push((*row_index, cells));
        }
    }
    placed
}

/// The data rows summed by each total row: since the previous total or spacer row, group,
/// waarvan and label-less rows left out. Returns (rows, total row index).
fn blocks(table: &Table) -> Vec<(Vec<usize>, usize)> {
    let mut out = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        let label = label_of(row);
        let has_figure = row.cells.iter().any(|c| !c.text.is_empty());
        if row.kind == RowKind::Spacer {
            current.clear();
        } else if crate::interpret::vocabulary::is_total_label(&label) && has_figure {
            out.push((std::mem::take(&mut current), index));
        } else if row.kind == RowKind::Data
            && !label.is_empty()
            && !crate::interpret::vocabulary::is_waarvan_label(&label)
        {
            current.push(index);
        }
    }
    out
}

/// True when, in every column, the rows add up to the total (empty counts as 0). The rounding
/// tolerance grows with the figures printed in the column, not with the rows of the block: an
/// empty cell (a group row, a vanished cell) carries no rounding.
fn adds_up(rows: &[&Vec<String>], total: &[String]) -> bool {
    total.iter().enumerate().all(|(j, total_text)| {
        let Some(expected) = number(total_text) else { return true };
        let mut sum = 0.0;
        let mut texts: Vec<&str> = vec![total_text];
        let mut printed = 0usize;
        for row in rows {
            let Some(text) = row.get(j) else { return false };
            let Some(value) = number(text) else { return true };
            sum += value;
            texts.push(text);
            printed += usize::from(!text.trim().is_empty());
        }
        (sum - expected).abs() <= tolerance(&texts) * (printed as f64).max(1.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Column;

    fn row(label: &str, cells: &[&str]) -> Row {
        Row {
            stub: vec![Cell::printed(label, None)],
            cells: cells.iter().map(|t| Cell::printed(*t, None)).collect(),
            ..Row::default()
        }
    }

    #[test]
    fn column_relation_places_a_vanished_cell() {
        // Column 3 = column 2 − column 1 on the complete rows (page 008, Staat van baten en lasten).
        let mut table = Table {
            columns: vec![Column::default(); 4],
            rows: vec![
                row("Opbrengst moederdepartement", &["8 647", "15 305", "6 658", "7 391"]),
                row("Opbrengst overige departementen", &["35 067", "35 501", "434", "49 318"]),
                row("Opbrengst derden", &["550", "– 550", "499", ""]),
                row("Vrijval uit voorzieningen", &["0", "680", "680", "127"]),
                row("Totaal baten", &["44 274", "51 815", "7 541", "57 335"]),
            ],
            ..Table::default()
        };
        let replaced = resolve_by_arithmetic(&mut table, &[2]);
        assert_eq!(replaced, vec![2]);
        let texts: Vec<&str> = table.rows[2].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["550", "", "– 550", "499"]);
    }

    #[test]
    fn a_subtotal_row_places_a_vanished_cell_of_its_sub_rows() {
        // Wild page e2_02 (staat van baten en lasten, "(3 = 2–1)"): "– Dotaties voorzieningen"
        // prints 40, 40, 0 of four cells; as 40, 40, 0, "" the formula holds too, but only
        // "", 40, 40, 0 adds up with "– Bijzondere lasten" to "Overige lasten" above them.
        let mut table =
            table_headed(&["(1) Begroting", "(2) Realisatie", "(3 = 2–1) Verschil", "Realisatie 2017"]);
        table.rows = vec![
            row("Afschrijvingskosten", &["3.500", "1.082", "– 2.418", "871"]),
            row("Overige lasten", &["", "599", "599", "41"]),
            row("– Dotaties voorzieningen", &["40", "40", "0", ""]),
            row("– Bijzondere lasten", &["", "559", "559", "41"]),
            row("Totaal lasten", &["43.500", "54.100", "9.850", "49.123"]),
        ];
        for row in &mut table.rows {
            row.kind = RowKind::Data;
        }
        table.rows[2].placement = Placement::Inferred { rule: LEFT_FILL_RULE.into(), surviving: vec![] };
        assert_eq!(resolve_by_arithmetic(&mut table, &[2]), vec![2]);
        let texts: Vec<&str> = table.rows[2].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["", "40", "40", "0"]);
        assert!(
            matches!(&table.rows[2].placement, Placement::Inferred { rule, .. } if rule == ARITHMETIC_RULE)
        );
        // Without the sub-row that completes the sum, nothing decides: the row stays as it was.
        table.rows[2].cells = ["40", "40", "0", ""].iter().map(|t| Cell::printed(*t, None)).collect();
        table.rows.remove(3);
        assert!(resolve_by_arithmetic(&mut table, &[2]).is_empty());
    }

    #[test]
    fn placements_keep_order() {
        assert_eq!(placements(2, 3), vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
        assert!(placements(4, 3).is_empty());
    }

    fn table_headed(headers: &[&str]) -> Table {
        Table {
            columns: headers
                .iter()
                .map(|h| crate::table::Column { path: vec![h.to_string()], ..Default::default() })
                .collect(),
            ..Table::default()
        }
    }

    #[test]
    fn header_formulas_as_tables_print_them() {
        // The slotwet headers of wild page c7_03 and the 1SUPP headers of c3_01.
        let slotwet = table_headed(&[
            "(1) Stand vastgestelde begroting",
            "(2) Mutaties 1e suppletoire begroting",
            "(3) Mutaties 2e suppletoire begroting",
            "(4)=(1)+(2)+(3) Totaal geraamd",
            "(5) Realisatie",
            "(6)=(5)-(4) Slotverschillen",
        ]);
        assert_eq!(
            header_formulas(&slotwet),
            vec![
                HeaderFormula { column: 3, terms: vec![(0, 1.0), (1, 1.0), (2, 1.0)] },
                HeaderFormula { column: 5, terms: vec![(4, 1.0), (3, -1.0)] },
            ]
        );
        let supp = table_headed(&[
            "Stand ontwerp- begroting (1)",
            "Mutaties via NvW (2)",
            "Stand vastgestelde begroting (3=1+2)",
            "Mutaties 1e suppletoire begroting (4)",
            "Stand 1e suppletoire begroting (5 = 3+4)",
            "Mutatie 2015",
        ]);
        assert_eq!(header_formulas(&supp).len(), 2);
        let cells = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let formula = &header_formulas(&supp)[1];
        assert_eq!(
            keeps_formula(formula, &cells(&["39.987", "", "39.987", "90", "40.077", "57"])),
            Some(true)
        );
        assert_eq!(
            keeps_formula(formula, &cells(&["39.987", "39.987", "90", "40.077", "57", "55"])),
            Some(false)
        );
        // A computed column left empty under printed terms does not keep its formula (wild page
        // e2_02, "(3 = 2–1)": 1.452, 1.452, 1.889 of four cells is "", 1.452, 1.452, 1.889, not
        // 1.452, 1.452, "", 1.889, though 1.452 − 1.452 = 0).
        let verschil =
            table_headed(&["(1) Begroting", "(2) Realisatie", "(3 = 2–1) Verschil", "Realisatie 2017"]);
        let formula = &header_formulas(&verschil)[0];
        assert_eq!(keeps_formula(formula, &cells(&["1.452", "1.452", "", "1.889"])), Some(false));
        assert_eq!(keeps_formula(formula, &cells(&["", "1.452", "1.452", "1.889"])), Some(true));
        assert_eq!(keeps_formula(formula, &cells(&["", "", "", "1.889"])), Some(true));
        // Numbers out of order (a header read into the wrong columns): no formula is trusted.
        let misread =
            table_headed(&["(4) Realisatie", "(1) Omschrijving", "(2) Begroting", "(3)=(2)-(1) Verschil"]);
        assert!(header_formulas(&misread).is_empty());
    }
}
