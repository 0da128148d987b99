//! Flattened text → tables.
//!
//! In flattened text every table cell is a paragraph of its own: captions, header cells, labels
//! and figures follow one another separated by blank lines, an empty cell survives as a
//! whitespace-only line (one line can stand for several empty cells) or vanishes. This reader
//! rebuilds the grid; it does not split footnote markers, parse numbers or decide group, total or
//! waarvan rows (later stages do that the same way for every format).
//!
//! The stages, one submodule each:
//! 0. `pipe`: pipe tables ("a | b" lines with a "---|" separator) are taken out first and read
//!    as grids by the HTML reader's structure stage (`pipe_header` moves header rows printed
//!    off their columns back over them); their lines are blanked for the steps below. A header
//!    and a row whose cells were run together without a separator are rewritten as pipe rows
//!    first (`glued`).
//! 1. `paragraph`: lines → classified paragraphs (text, figure, whitespace; attached or not).
//! 2. `region`: where tables start and end; caption, notes, section heading.
//! 3. `grid`: raw rows, the layout (stub and data columns, whitespace convention) that explains
//!    them best, and each row fitted to it (`body_start` chooses where the body starts and which
//!    layout it takes, `layout_search` scores the candidates).
//!    Where that reading explains the body badly, or a wider reading's header heads a balance's
//!    two sides, or an as wide one places every printed cell in a column of its kind,
//!    `column_kinds` reads the body as a stream of cells placed by a profile of column kinds
//!    (code, text, figure), so that texts and codes among the figures keep their place (a
//!    saldibalans's passiva beside its activa, a department column); unlike `rhythm` (6) it lets
//!    a name span the code column before it and a group row's empty cells vanish. The two are
//!    one idea, cutting by width, and are to become one stage.
//! 4. `header`: the caption's number, title and unit, and the header rows → column paths
//!    (`header_cells` first joins the paragraphs that print one header cell over several).
//! 5. `place`: rows where fewer cells survived than there are columns: placed by the table's
//!    own arithmetic where it decides, else by one documented rule, and always flagged.
//! 6. `second_reading` and `rhythm`: when that reading is in doubt (rows placed by rule, rows
//!    without a label, columns mixing figures and text) and every cell survived, the region is
//!    read again by width, and the reading with the higher structure confidence is kept.
//!
//! Never panics, on any input: every index is checked, and a region that cannot be rebuilt
//! becomes an [`TableKind::Unrecovered`] table that keeps its raw lines.

mod body_start;
mod caption;
mod column_kinds;
mod glued;
mod grid;
mod header;
mod header_cells;
mod header_spans;
mod key_value;
mod layout_search;
mod line_splits;
mod paragraph;
mod pipe;
mod pipe_header;
mod pipe_rows;
mod place;
mod printed;
mod region;
mod rhythm;
mod second_reading;
mod wrapped_names;

use crate::error::{Location, Warning, WarningKind};
use crate::interpret::contents;
use crate::table::{
    Cell, CellFlag, Column, Note, Placement, ReadOutcome, Row, RowKind, Table, TableKind,
    renumber_in_print_order,
};

use grid::{Fit, FittedRow, Layout, Slot};
use paragraph::Paragraph;
use region::Region;

/// The most empty, headerless last columns dropped from a layout as padding.
const MAX_PADDING_COLUMNS: usize = 4;

/// The most data columns a layout may have; wider tables are not printed in these documents.
const MAX_COLUMNS: usize = 30;

/// Finds every table in flattened text (one paragraph per cell) and rebuilds its grid.
///
/// Text without tables gives no tables and no warnings. Problems (inferred placements, cut
/// cells, truncated or unrecovered tables) are warnings with the line, table and row.
pub fn read_text(text: &str) -> ReadOutcome {
    // Rows whose cells were run together are read as the pipe rows they were (see `glued`), and
    // so are lines that print a key and its value a space apart (see `key_value`).
    let (piped, glued_blocks) = glued::as_pipe_rows(text);
    let (piped, key_value_blocks, open_keys) = key_value::as_pipe_rows(piped);
    let mut blocks = pipe::find_blocks(&piped);
    if blocks.is_empty() && glued_blocks.is_empty() && key_value_blocks.is_empty() {
        return read_paragraphs(text, text);
    }
    blocks.extend(glued_blocks);
    // A key/value block's rewritten lines are pipe lines that `find_blocks` finds too.
    blocks.retain(|block| {
        !key_value_blocks
            .iter()
            .any(|own| block.first_line <= own.last_line && own.first_line <= block.last_line)
    });
    blocks.extend(key_value_blocks);
    blocks.sort_by_key(|block| block.first_line);
    // Pipe tables are read as grids (see `pipe`); the rest of the text, with their lines blanked
    // (line numbers kept), as paragraphs.
    let pipe_tables = pipe::read_tables(&piped, &blocks);
    let masked = pipe::mask(&piped, &blocks, &pipe_tables);
    let mut outcome = read_paragraphs(&masked, text);
    let offset = outcome.tables.len();
    for mut table in pipe_tables.tables {
        table.index += offset;
        outcome.tables.push(table);
    }
    for mut warning in pipe_tables.warnings {
        warning.location.table_index = warning.location.table_index.map(|index| index + offset);
        outcome.warnings.push(warning);
    }
    if !open_keys.is_empty() {
        flag_open_cuts(&mut outcome, &open_keys, OpenCut::KeyAndValue);
    }
    renumber_in_print_order(&mut outcome.tables, &mut outcome.warnings);
    outcome
}

/// The paragraph reading of `text` (`source` is the unmasked text, for how the input ends).
fn read_paragraphs(text: &str, source: &str) -> ReadOutcome {
    let paragraphs = paragraph::paragraphs(text);
    let regions = region::find_regions(&paragraphs);
    let ends_mid_paragraph = !source.ends_with('\n');
    let mut outcome = ReadOutcome::default();
    let uncertain_splits: Vec<usize> =
        paragraphs.iter().filter(|p| p.split_uncertain).map(|p| p.line).collect();
    let uncertain_groupings: Vec<usize> =
        paragraphs.iter().filter(|p| p.grouping_uncertain).map(|p| p.line).collect();
    for region in &regions {
        let index = outcome.tables.len();
        let mut warnings = Vec::new();
        let built = build_table(&paragraphs, region, index, ends_mid_paragraph, &mut warnings);
        match second_reading::read_by_width_if_better(
            &paragraphs,
            region,
            built.as_ref(),
            index,
            ends_mid_paragraph,
        ) {
            Some((mut table, mut width_warnings)) => {
                let rows: Vec<usize> = (0..table.rows.len()).collect();
                warn_inferred_and_truncated(&mut table, &rows, &mut width_warnings);
                outcome.warnings.append(&mut width_warnings);
                outcome.tables.push(table);
            }
            None => {
                outcome.warnings.append(&mut warnings);
                outcome.tables.extend(built);
            }
        }
    }
    if !uncertain_splits.is_empty() {
        flag_open_cuts(&mut outcome, &uncertain_splits, OpenCut::LabelAndFigures);
    }
    if !uncertain_groupings.is_empty() {
        flag_open_cuts(&mut outcome, &uncertain_groupings, OpenCut::FigureGroups);
    }
    outcome
}

/// How a row's figures were cut out of a line that printed them run together, where the line
/// allows another cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenCut {
    /// Label and figures ran together ("Rentebaten1 204"): the first figure may have lost a digit
    /// to the label, or taken one from it.
    LabelAndFigures,
    /// Figures with spaces between thousands and between figures alike: every figure of the line
    /// may be cut otherwise.
    FigureGroups,
    /// A key and its value a space apart ("Externe link origineel bericht"): the words do not
    /// say where the key ends (see `key_value`).
    KeyAndValue,
}

/// Flags `split_uncertain` the figures that came from lines (`lines`) where the cut is open (the
/// first figure for [`OpenCut::LabelAndFigures`], every figure for [`OpenCut::FigureGroups`]),
/// with a warning per row that names them.
fn flag_open_cuts(outcome: &mut ReadOutcome, lines: &[usize], cut: OpenCut) {
    let lines: std::collections::HashSet<usize> = lines.iter().copied().collect();
    for table in &mut outcome.tables {
        for (row_index, row) in table.rows.iter_mut().enumerate() {
            let mut figures = Vec::new();
            let mut line = None;
            for cell in &mut row.cells {
                let on_line = cell.line.is_some_and(|at| lines.contains(&at));
                // A key read as the whole line leaves its value empty: that cell is the doubt.
                if !on_line || (cell.text.is_empty() && cut != OpenCut::KeyAndValue) {
                    continue;
                }
                cell.flag(CellFlag::SplitUncertain);
                figures.push(format!("\"{}\"", cell.text));
                line = line.or(cell.line);
                if cut != OpenCut::FigureGroups {
                    break;
                }
            }
            if figures.is_empty() {
                continue;
            }
            let label = row.printed_label();
            let figures = figures.join(", ");
            let message = match cut {
                OpenCut::LabelAndFigures => format!(
                    "row \"{label}\" ran its label and figures together; read as \"{label}\" and {figures}, but a digit glued to the label (a footnote marker, say) would read the same: check the source"
                ),
                OpenCut::FigureGroups => format!(
                    "row \"{label}\" printed its figures with spaces between thousands and between figures alike; read as {figures}, the most even cut into the table's columns, but other cuts are possible: check the source"
                ),
                OpenCut::KeyAndValue => format!(
                    "row \"{label}\" printed its key and value on one line, a space apart; read as \"{label}\" and {figures}, but the words do not say where the key ends: check the source"
                ),
            };
            outcome.warnings.push(Warning::new(
                WarningKind::SplitUncertain,
                Location::table(table.index, line).with_row(row_index),
                message,
            ));
        }
    }
}

/// Flags the last printed cell of a truncated table's last row when the input ends inside it
/// (on `last_line`, without a newline: "2.357."), with a `cut_cell` warning.
pub(super) fn flag_cut_cell(table: &mut Table, last_line: Option<usize>, warnings: &mut Vec<Warning>) {
    let table_index = table.index;
    let Some((row_index, row)) = table.rows.iter_mut().enumerate().next_back() else { return };
    let label = row.printed_label().to_string();
    if let Some(cell) = row.cells.iter_mut().rev().find(|cell| !cell.text.is_empty())
        && cell.line.is_some()
        && cell.line == last_line
    {
        warnings.push(cut_cell(cell, &label, table_index, row_index));
    }
}

/// Flags a cell cut off by the end of the input ("2.357.") and gives its `cut_cell` warning.
fn cut_cell(cell: &mut Cell, label: &str, table_index: usize, row_index: usize) -> Warning {
    cell.flag(CellFlag::CutCell);
    Warning::new(
        WarningKind::CutCell,
        Location::table(table_index, cell.line).with_row(row_index),
        format!("cell \"{}\" of row \"{label}\" is cut off by the end of the input", cell.text),
    )
}

/// The layout search's reading of a body from `label_position`: the body start moved back over
/// rows without figures, the header's columns, the fitted rows; at most a few padding columns
/// dropped, each with a refit (an indented source adds one or two, and a hostile input must not
/// make this quadratic).
fn read_ordinary<'a>(
    paragraphs: &'a [Paragraph<'a>],
    cells: &[usize],
    label_position: usize,
    mut layout: Layout,
) -> (Layout, header::BuiltHeader, Vec<grid::FittedRow<'a>>, usize) {
    let mut padding_dropped = 0;
    loop {
        let body_start = header::extend_body_back(paragraphs, cells, label_position, layout);
        let built = header::build_columns(paragraphs, &cells[..body_start], layout);
        let raw = grid::raw_rows(paragraphs, &cells[body_start..]);
        let fitted = grid::fit_rows(paragraphs, &raw, layout);
        // A last column with no header that no row prints anything in is padding (whitespace
        // lines of an indented source, a spacer cell), not a column of the table.
        let padding = layout.columns > 1
            && built
                .columns
                .last()
                .is_some_and(|column| column.path.iter().all(|part| part.trim().is_empty()))
            && fitted.iter().all(|row| row.data.get(layout.columns - 1).is_none_or(Slot::is_empty));
        if !padding || padding_dropped == MAX_PADDING_COLUMNS {
            return (layout, built, fitted, body_start);
        }
        padding_dropped += 1;
        layout = Layout { columns: layout.columns - 1, ..layout };
    }
}

/// True when the layout search left a quarter or more of a body's rows short or split off: the
/// rows fell apart (as where texts and codes follow figures in a row).
fn explained_badly(fitted: &[grid::FittedRow]) -> bool {
    let rows = fitted.iter().filter(|row| !row.marks.note).count();
    let broken = fitted
        .iter()
        .filter(|row| {
            !row.marks.note && (row.marks.fit == Fit::Short || row.marks.split_off || row.marks.alone)
        })
        .count();
    rows == 0 || broken * 4 >= rows
}

/// True when a wider reading's header row (`wider`, one text per column) heads a column with a
/// title the usual reading's header cells (`header_cells`) print but its header (`usual`) left
/// out, keeps every title the usual header has, and takes no line of its title or unit: w3_06's "voorkeursbeslissing",
/// over a column of years and "nnb" before an unheaded empty last column, which the usual reading
/// dropped as it read the table two columns narrow (the years became header rows). A wider
/// reading that lays the usual header's rows side by side, or takes a body's first group row or a
/// title for a heading, heads no title the usual header cells left out.
fn heads_what_the_header_left_out(
    wider: &[String],
    usual: &header::BuiltHeader,
    paragraphs: &[Paragraph],
    header_cells: &[usize],
) -> bool {
    let usual_titles: Vec<&str> = usual
        .stub_header
        .iter()
        .chain(usual.title.iter())
        .chain(usual.unit.iter())
        .chain(usual.columns.iter().flat_map(|column| column.path.iter()))
        .map(|title| title.trim())
        .filter(|title| !title.is_empty())
        .collect();
    let placed = |text: &str| usual_titles.iter().any(|title| title.contains(text));
    let left_out: Vec<&str> = header_cells
        .iter()
        .map(|&index| paragraphs[index].text.trim())
        .filter(|text| !text.is_empty() && !placed(text))
        .collect();
    let wider_titles: Vec<&str> = wider.iter().map(|title| title.trim()).filter(|t| !t.is_empty()).collect();
    // The usual reading's title or unit as a heading: the wider reading took the caption's
    // lines for a header row.
    let takes_the_caption = usual
        .title
        .iter()
        .chain(usual.unit.iter())
        .any(|caption| wider_titles.iter().any(|title| title.contains(caption.trim())));
    !takes_the_caption
        && left_out.iter().any(|text| wider_titles.contains(text))
        && usual_titles
            .iter()
            .filter(|title| usual.title.as_deref() != Some(**title) && usual.unit.as_deref() != Some(**title))
            .all(|title| wider_titles.contains(title))
}

/// Rebuilds one region into a table, or `None` when the region turns out to hold no table.
fn build_table(
    paragraphs: &[Paragraph],
    region: &Region,
    table_index: usize,
    ends_mid_paragraph: bool,
    warnings: &mut Vec<Warning>,
) -> Option<Table> {
    let mut table = Table { index: table_index, ..Table::default() };
    table.section = region.section.map(|i| paragraphs[i].text.to_string());
    table.notes = region
        .notes
        .iter()
        .map(|(marker, text, line)| Note { marker: marker.clone(), text: text.clone(), line: Some(*line) })
        .collect();
    let first_line = region.caption.or(region.cells.first().copied()).map(|i| paragraphs[i].line);
    let last_line = region.cells.last().map(|&i| paragraphs[i].line).or(first_line);
    let note_lines = region.notes.iter().map(|n| n.2).max();
    table.lines = first_line.map(|first| (first, last_line.max(note_lines).unwrap_or(first)));

    let caption = caption::read_caption(paragraphs, region);
    table.number = caption.number;
    table.title = caption.title;
    table.unit = caption.unit;
    let cells = &region.cells[caption.consumed..];

    let Some(first_figure) = cells.iter().position(|&i| region::is_figure(&paragraphs[i])) else {
        return text_table(paragraphs, region, table, cells, warnings);
    };
    let ordinary = body_start::choose_body_start(paragraphs, region, cells, first_figure)
        .map(|(label_position, layout)| read_ordinary(paragraphs, cells, label_position, layout));
    // The reading by the kinds of the columns (`column_kinds`) replaces the layout search's
    // where that one explains the body badly (its rows cut apart where texts follow figures),
    // at any width; where it is wider and its header heads two sides with the same periods (a
    // saldibalans, its sides read as rows of their own by a layout as wide as one side); and
    // where, as wide, every printed cell fits its column (a department column among the
    // figures); and where it is wider, fits every printed cell and heads a column with a title
    // the usual header left out (`heads_what_the_header_left_out`). Only the widths that can win
    // are tried.
    let by_kinds = match &ordinary {
        Some((layout, built, fitted, body_start)) if !explained_badly(fitted) => {
            let same = layout.width();
            let accepted = |reading: &column_kinds::KindReading| {
                // A table the input ends inside may end in a row cut short.
                let clean = reading.clean || (region.runs_to_end && reading.clean_but_the_last_row);
                if reading.layout.width() == same {
                    clean
                } else {
                    column_kinds::heads_two_sides(&reading.header)
                        || (clean
                            && !reading.repeats_a_block
                            && heads_what_the_header_left_out(
                                &reading.header,
                                built,
                                paragraphs,
                                &cells[..*body_start],
                            ))
                }
            };
            let mut cache = column_kinds::KindsCache::default();
            match column_kinds::read_by_column_kinds(
                paragraphs,
                cells,
                same..=column_kinds::MOST_COLUMNS,
                &mut cache,
            ) {
                Some(reading) if accepted(&reading) => Some(reading),
                // A wider reading that cannot win does not hide one as wide as the usual
                // reading (wild page b3_08: the page's headings read as a header over the
                // rows turned one cell, each row's note number taken for the next row's code).
                Some(reading) if reading.layout.width() > same => {
                    column_kinds::read_by_column_kinds(paragraphs, cells, same..=same, &mut cache)
                        .filter(accepted)
                }
                _ => None,
            }
        }
        // Where the layout search explains the body badly, only a reading that places every
        // printed cell (a reading that only nearly fits may be a rotation of the rows), all
        // rows complete but perhaps the last (a table whose copy ends inside its last row).
        _ => column_kinds::read_by_column_kinds(
            paragraphs,
            cells,
            3..=column_kinds::MOST_COLUMNS,
            &mut column_kinds::KindsCache::default(),
        )
        .filter(|reading| reading.clean_but_the_last_row),
    };
    let (layout, built, mut fitted) = match (by_kinds, ordinary) {
        (Some(mut reading), ordinary) => {
            // The note marker printed after the last row is the table's note, not a cell.
            if let Some((marker, text, line)) = reading.note.take()
                && !table.notes.iter().any(|note| note.marker == marker)
            {
                table.notes.push(Note { marker, text, line: Some(line) });
            }
            // The line the usual reading took for the table's title is no heading (h1_05's
            // "Infrastructuurfonds in cijfers – realisatie 2012", glued to the empty top-left cell
            // by one newline).
            let usual_title = ordinary.and_then(|(_, built, _, _)| built.title);
            if let Some(title) = &usual_title
                && let Some(heading) = reading.header.iter_mut().find(|heading| *heading == title)
            {
                heading.clear();
                reading.title.get_or_insert_with(|| title.clone());
            }
            let stub = reading.layout.stub_columns;
            // A title over the code and name columns heads the stub once.
            let mut stub_header: Vec<&str> =
                reading.header[..stub].iter().map(String::as_str).filter(|text| !text.is_empty()).collect();
            stub_header.dedup();
            let built = header::BuiltHeader {
                columns: reading.header[stub..]
                    .iter()
                    .map(|text| crate::table::Column { path: vec![text.clone()], ..Default::default() })
                    .collect(),
                stub_header: (!stub_header.is_empty()).then(|| stub_header.join(" ")),
                title: reading.title,
                unit: reading.unit,
            };
            (reading.layout, built, reading.rows)
        }
        (None, Some((layout, built, fitted, _))) => (layout, built, fitted),
        (None, None) => return Some(unrecovered(paragraphs, region, table, warnings)),
    };
    table.stub_header = built.stub_header;
    table.columns = built.columns;
    if table.title.is_none() {
        table.title = built.title;
    }
    if table.unit.is_none() {
        table.unit = built.unit;
    }
    table.stub_columns = layout.stub_columns;

    // Text-only rows at the end of a table that goes on with prose are the next headings.
    if !region.runs_to_end {
        while fitted.last().is_some_and(|row| {
            row.data.is_empty()
                && !row.marks.note
                && row.stub.iter().all(|s| s.is_empty() || paragraphs[s.paragraph].is_text())
        }) {
            fitted.pop();
        }
    }
    let truncated = region.runs_to_end
        && (ends_mid_paragraph || fitted.last().is_some_and(|row| row.data.len() < layout.columns));
    table.truncated = truncated;
    wrapped_names::join_wrapped_names(&mut fitted);
    let bottom_headers: Vec<String> =
        table.columns.iter().map(|column| column.path.last().cloned().unwrap_or_default()).collect();
    let last_paragraph = paragraphs.len().checked_sub(1);
    let row_count = fitted.len();
    for (row_index, fitted_row) in fitted.into_iter().enumerate() {
        let is_last = row_index + 1 == row_count;
        let row = make_row(
            fitted_row,
            RowContext {
                table_index,
                row_index,
                layout,
                cut_off: is_last && truncated,
                ends_mid_paragraph,
                last_paragraph,
                bottom_headers: &bottom_headers,
            },
            warnings,
        );
        table.rows.push(row);
    }
    // A table of contents, by the shared rules; the heading that says so may be printed among
    // the region's first cells ("Inhoudsopgave", then the entries).
    let heading_says_contents =
        cells.iter().take(8).any(|&i| contents::opens_with_contents_word(paragraphs[i].text));
    if contents::is_contents(&table, heading_says_contents) {
        table.kind = TableKind::Contents;
    }
    place::return_trailing_codes_by_formulas(&mut table);
    let short: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| matches!(row.placement, Placement::Inferred { .. }))
        .map(|(index, _)| index)
        .collect();
    place::resolve_by_arithmetic(&mut table, &short);
    place::resolve_extrapolation(&mut table, &short);
    warn_inferred_and_truncated(&mut table, &short, warnings);
    Some(table)
}

/// The `column_inferred` warning of every row among `rows` still placed by rule, and when the
/// table is truncated, the `truncated_table` warning and its flag on every cell.
fn warn_inferred_and_truncated(table: &mut Table, rows: &[usize], warnings: &mut Vec<Warning>) {
    let table_index = table.index;
    let columns = table.columns.len();
    for &row_index in rows {
        let row = &table.rows[row_index];
        warnings.extend(place::column_inferred_warning(
            table_index,
            row_index,
            row,
            columns,
            "row",
            "survived",
        ));
    }
    if table.truncated {
        warnings.push(Warning::new(
            WarningKind::TruncatedTable,
            Location::table(table_index, table.lines.map(|l| l.1)),
            format!(
                "table {} ends at the end of the input: it may be cut off",
                table.number.as_deref().or(table.title.as_deref()).unwrap_or("without caption")
            ),
        ));
        for row in &mut table.rows {
            for cell in &mut row.cells {
                cell.flag(CellFlag::TruncatedTable);
            }
        }
    }
}
struct RowContext<'a> {
    table_index: usize,
    row_index: usize,
    layout: Layout,
    cut_off: bool,
    ends_mid_paragraph: bool,
    last_paragraph: Option<usize>,
    bottom_headers: &'a [String],
}

fn cell_of(slot: &Slot) -> Cell {
    if slot.text.is_empty() {
        Cell::empty(Some(slot.line))
    } else {
        // `Cell::printed` without its intermediate copy: the trimmed text is copied once.
        Cell { text: slot.text.trim().to_string(), line: Some(slot.line), ..Cell::default() }
    }
}

fn make_row(fitted: FittedRow, context: RowContext<'_>, warnings: &mut Vec<Warning>) -> Row {
    let columns = context.layout.columns;
    let stub: Vec<Cell> = fitted.stub.iter().map(cell_of).collect();
    // The row's line is that of its first printed stub cell (a code, or the empty code cell
    // before a label), else of its first cell.
    let line = fitted
        .stub
        .iter()
        .map(|s| s.line)
        .filter(|&line| line > 0)
        .min()
        .or_else(|| fitted.data.iter().map(|s| s.line).find(|&line| line > 0));
    let label =
        fitted.stub.iter().rev().find(|s| !s.is_empty()).map_or(String::new(), |s| s.text.to_string());
    let mut row = Row { stub, line, ..Row::default() };
    let has_text = |slots: &[Slot]| slots.iter().any(|s| !s.is_empty());
    row.kind = if fitted.marks.note {
        RowKind::Footnote
    } else if !has_text(&fitted.stub) && !has_text(&fitted.data) {
        RowKind::Spacer
    } else if is_repeated_header(&fitted, context.bottom_headers) {
        RowKind::Header
    } else {
        RowKind::Data
    };
    let short = fitted.marks.fit == Fit::Short || (context.cut_off && fitted.data.len() < columns);
    if short {
        let surviving: Vec<String> = fitted.data.iter().map(|s| s.text.to_string()).collect();
        row.cells = place::left_fill(fitted.data.iter().map(cell_of).collect(), columns);
        for cell in &mut row.cells {
            cell.flag(CellFlag::ColumnInferred);
        }
        row.placement = Placement::Inferred { rule: place::LEFT_FILL_RULE.to_string(), surviving };
    } else {
        row.cells = fitted.data.iter().map(cell_of).collect();
        row.cells.resize_with(columns, || Cell::empty(None));
    }
    // A cell cut off by the end of the input ("2.357.").
    if context.cut_off && context.ends_mid_paragraph {
        let cut = row.cells.iter_mut().rev().find(|cell| !cell.text.is_empty());
        let last_slot = fitted.data.last().map(|s| s.paragraph);
        if let Some(cell) = cut
            && last_slot.is_some()
            && last_slot == context.last_paragraph
        {
            warnings.push(cut_cell(cell, &label, context.table_index, context.row_index));
        }
    }
    row
}

/// A body row that repeats the bottom header row (the years, say): a header printed again.
fn is_repeated_header(fitted: &FittedRow, bottom_headers: &[String]) -> bool {
    let printed: Vec<&Slot> = fitted.data.iter().filter(|s| !s.is_empty()).collect();
    printed.len() >= 2
        && fitted.data.len() == bottom_headers.len()
        && fitted
            .data
            .iter()
            .zip(bottom_headers)
            .all(|(slot, header)| slot.is_empty() || slot.text == header.as_str())
}

/// A region without figures: a captioned text table (header row, then rows of the same width)
/// or, when that does not work out, an unrecovered table.
fn text_table(
    paragraphs: &[Paragraph],
    region: &Region,
    mut table: Table,
    cells: &[usize],
    warnings: &mut Vec<Warning>,
) -> Option<Table> {
    region.caption?;
    let texts: Vec<usize> = cells.iter().copied().filter(|&i| !paragraphs[i].is_whitespace()).collect();
    // The header is one stub cell and one data cell; every row after it is a label and a text.
    if texts.len() >= 4 && texts.len().is_multiple_of(2) {
        table.stub_columns = 1;
        table.stub_header = Some(paragraphs[texts[0]].text.to_string());
        table.columns =
            vec![Column { path: vec![paragraphs[texts[1]].text.to_string()], ..Column::default() }];
        for pair in texts[2..].chunks(2) {
            let label = &paragraphs[pair[0]];
            let value = &paragraphs[pair[1]];
            table.rows.push(Row {
                stub: vec![Cell::printed(label.text.to_string(), Some(label.line))],
                cells: vec![Cell::printed(value.text.to_string(), Some(value.line))],
                line: Some(label.line),
                ..Row::default()
            });
        }
        return Some(table);
    }
    Some(unrecovered(paragraphs, region, table, warnings))
}

/// A table whose grid could not be rebuilt: its raw lines are kept and a warning says where.
fn unrecovered(
    paragraphs: &[Paragraph],
    region: &Region,
    mut table: Table,
    warnings: &mut Vec<Warning>,
) -> Table {
    table.kind = TableKind::Unrecovered;
    table.raw_lines =
        region.caption.iter().chain(region.cells.iter()).map(|&i| paragraphs[i].raw.to_string()).collect();
    table.truncated = region.runs_to_end;
    let (first, last) = table.lines.unwrap_or((0, 0));
    warnings.push(Warning::new(
        WarningKind::UnrecoveredTable,
        Location::table(table.index, Some(first)),
        format!(
            "lines {first}–{last} look like a table whose grid could not be rebuilt; the raw lines are kept"
        ),
    ));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_tables_in_prose() {
        let outcome = read_text("Dit is gewoon een zin.\n\nEn nog een zin zonder cijfers.\n");
        assert!(outcome.tables.is_empty());
        assert!(outcome.warnings.is_empty());
        assert!(read_text("").tables.is_empty());
    }

    #[test]
    fn small_captioned_table() {
        let text = "Tabel 1 Voorbeeld (bedragen x € 1.000)\n\nArtikel\n\n2021\n\n2022\n\nUitgaven\n\n1.522\n\n‒ 21,7\n\nLicence\n";
        let outcome = read_text(text);
        assert_eq!(outcome.tables.len(), 1);
        let table = &outcome.tables[0];
        assert_eq!(table.number.as_deref(), Some("1"));
        assert_eq!(table.title.as_deref(), Some("Voorbeeld"));
        assert_eq!(table.unit.as_deref(), Some("x € 1.000"));
        assert_eq!(table.stub_header.as_deref(), Some("Artikel"));
        assert_eq!(table.columns.iter().map(Column::header).collect::<Vec<_>>(), ["2021", "2022"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].cells[1].text, "‒ 21,7");
        assert_eq!(table.rows[0].cells[1].line, Some(13));
        assert!(!table.truncated);
    }
}
