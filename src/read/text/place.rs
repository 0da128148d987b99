//! Rows where fewer cells survived than there are columns: where do the survivors go?
//!
//! An empty cell that vanished leaves no trace in the text, so every row placed here is flagged
//! `column_inferred`, carries [`Placement::Inferred`] with its rule and surviving texts, and gets
//! a warning (added by the caller). Three rules, tried in this order:
//!
//! 1. **The table's own arithmetic** ([`resolve_by_arithmetic`]). Relations between columns
//!    that hold on every complete row of the table (column 3 = column 2 − column 1, say; at least
//!    three rows must show it and none may break it), and totals ("Totaal …" rows equal to the
//!    sum of the data rows above them since the previous total or spacer row). Every order-keeping
//!    placement of the surviving figures is tried; when exactly one placement (or one combination
//!    for the short rows of one total's block) satisfies them all, it is taken. Rule text:
//!    [`ARITHMETIC_RULE`].
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
pub const ARITHMETIC_RULE: &str = "arithmetic: the only placement of the surviving figures for which the table's column relations and totals hold";

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
    let label = row.stub.iter().rev().find(|c| !c.text.is_empty()).map_or("", |c| c.text.as_str());
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

fn starts_with_total(label: &str) -> bool {
    let lowered = label.trim().to_lowercase();
    lowered.starts_with("totaal") || lowered.starts_with("totale")
}

fn label_of(row: &Row) -> String {
    row.stub.iter().rev().find(|c| !c.text.is_empty()).map_or(String::new(), |c| c.text.clone())
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
            .collect();
        if !options.is_empty() {
            candidates.push((row_index, options));
        }
    }
    let mut chosen: Vec<(usize, Vec<String>)> = Vec::new();
    let mut undecided: Vec<(usize, Vec<Vec<String>>)> = Vec::new();
    for (row_index, options) in candidates {
        if options.len() == 1 && !relations.is_empty() {
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
        let combinations: usize = in_block.iter().map(|(_, options)| options.len()).product();
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
        let mut fitting: Vec<Vec<usize>> = Vec::new();
        let mut choice = vec![0usize; in_block.len()];
        loop {
            let mut rows: Vec<&Vec<String>> = fixed.iter().collect();
            for (slot, (_, options)) in choice.iter().zip(&in_block) {
                rows.push(&options[*slot]);
            }
            if adds_up(&rows, &total) {
                fitting.push(choice.clone());
            }
            // Next combination.
            let mut position = 0;
            while position < choice.len() {
                choice[position] += 1;
                if choice[position] < in_block[position].1.len() {
                    break;
                }
                choice[position] = 0;
                position += 1;
            }
            if position == choice.len() {
                break;
            }
        }
        if fitting.len() == 1 {
            for (slot, (row_index, options)) in fitting[0].iter().zip(&in_block) {
                chosen.push((*row_index, options[*slot].clone()));
            }
        }
    }
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
        } else if starts_with_total(&label) && has_figure {
            out.push((std::mem::take(&mut current), index));
        } else if row.kind == RowKind::Data
            && !label.is_empty()
            && !crate::normalize::rows::is_waarvan_label(&label)
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
    fn placements_keep_order() {
        assert_eq!(placements(2, 3), vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
        assert!(placements(4, 3).is_empty());
    }
}
