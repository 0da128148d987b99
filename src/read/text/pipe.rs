//! Pipe tables in flattened text ("a | b | c" lines with a "---|---" separator line): found as
//! blocks of lines, turned into the same grid an HTML table gives, and read by the HTML reader's
//! structure stage, so header rows, stub columns, group rows and notes are decided by the one set
//! of grid rules rather than a second copy.
//!
//! The steps, in this order:
//! 1. A block is a run of consecutive lines that each hold a `|`, with a separator line (only
//!    `-`, `:`, `|`, `+`, `=` and spaces) after at least one line, and at least one line of
//!    cells after the separator (a header and one row is a table too: a Kamerstuk's own
//!    "Datum publicatie | Organisatie | …"); or, without a separator, a run of at least three
//!    lines that each hold two cells or more and end in a pipe (all body rows: tables of
//!    contents are printed so; the last line of a text cut off inside the table may lack its
//!    pipes). A separator line after body rows with a row after it starts the next table, headed
//!    by the line right above it: tables printed one under the other without a blank line come
//!    apart.
//! 2. A line's cells: one leading and one trailing `|` are dropped, the rest split on `|`
//!    ("Rijksbegroting | ||||" gives a label and four empty cells).
//! 3. Rows printed one cell short of the body's usual width lose their top-left cell: a header
//!    row of width − 1 gets an empty first cell (these sites print the header without the stub's
//!    empty header cell). Where most body rows open with a code (or two or more do, when every
//!    coded row ends in a figure and every other row with figures has one right before its empty
//!    last cell, or ends in one a cell short), a row that opens with text and ends in an empty
//!    cell lost its code cell at the front: its cells move one to the right ("Voorwoord | 8 | |").
//!    In a copy that pushes a row's empty cells to its end, a row that prints data cells and ends
//!    in empty ones is left short, to be placed by rule and flagged ([`super::pipe_rows`], where
//!    these body moves live); such a copy is told by its codes and names, or by a row of titles
//!    printed from its first cell with the stub's empty cells at its end (the row then moves
//!    over the data columns, and a row of figures only gets back its empty label cell). A last column that is empty in every row is padding and is dropped.
//!    A header row of full width that opens with a year over a column of labels and ends in an
//!    empty cell over a column of figures was printed without its top-left cell and closed by an
//!    extra pipe ("2019 | … | 2025 | |" over "Verplichtingen | 43.176 | … | 35.372 |"): its cells
//!    move one to the right, since a year heads figures, never the labels. A header row printed
//!    flush left with exactly as many titles as there are figure columns at the right moves over
//!    them ([`super::pipe_header`], where these header moves live); a row that lost its code cell may
//!    also be one cell short; the code column's header word printed as the first body cell
//!    ("Art.nr.") moves up to the empty top-left header cell. A row that lost its code cell and
//!    leaves empty a figure column every other row fills lost a figure cell too (merged or
//!    vanished): it is flagged `column_inferred` ([`LOST_CELL_RULE`]).
//! 4. The lines before the separator become `thead` rows of `th` cells, the rest `tbody` rows,
//!    each on the line it came from, with the paragraphs above the block (caption, unit) as `p`
//!    elements on their own lines, so that every cell keeps its source line.
//!
//! 5. The lines of the blocks, of the captions and units right above them and of the notes they
//!    linked are blanked ([`mask`]) before the rest of the text is read as paragraphs.
//! 6. A row printed with fewer cells than the table is placed by the left-fill rule and flagged.
//!
//! A run of pipe lines most of which hold one cell ("587 |": a pipe table printed one cell per
//! line) is not a block: its lines are flattened text, read as paragraphs.
//!
//! Known failure: a cell that holds a literal `|` is split.

use super::pipe_header;
use super::pipe_rows;
use super::place::{self, LEFT_FILL_RULE};
use super::printed::{caption, is_note_marker, unit_line};
use super::region::is_numbered_heading;
use crate::error::Warning;
use crate::interpret::vocabulary::{
    HeaderValueKind, fits_header_value_kind, header_value_kind, is_code, is_figure,
};
use crate::table::{Cell, CellFlag, Column, Placement, ReadOutcome, Row, RowKind, Table};

/// Reads every pipe block as a grid (steps 3 and 4): tables numbered from 0 in block order,
/// their warnings, with each table's section heading (the last numbered heading above it) and
/// short rows placed by rule.
pub fn read_tables(text: &str, blocks: &[PipeBlock]) -> ReadOutcome {
    let mut outcome = ReadOutcome::default();
    // The section headings above each block, found in one pass over the lines (blocks are in
    // line order).
    let mut lines = text.lines().enumerate();
    let mut section: Option<String> = None;
    for &block in blocks {
        for (_, line) in lines.by_ref().take_while(|(index, _)| index + 1 < block.first_line) {
            if is_numbered_heading(line.trim()) {
                section = Some(line.trim().to_string());
            }
        }
        let read = crate::read::html::read_html(&as_html(text, block, PIPE_CAPTION_CONTEXT));
        let offset = outcome.tables.len();
        for mut warning in read.warnings {
            warning.location.table_index = warning.location.table_index.map(|index| index + offset);
            outcome.warnings.push(warning);
        }
        for mut table in read.tables {
            table.index += offset;
            table.section = table.section.or_else(|| section.clone());
            short_pipe_rows_are_inferred(&mut table, &mut outcome.warnings);
            rows_that_lost_their_code_cell_and_a_figure_are_doubtful(&mut table, &mut outcome.warnings);
            outcome.tables.push(table);
        }
    }
    outcome
}

/// A pipe row printed with fewer cells than the table has columns lost some on the way: unlike
/// a short HTML row, which a browser fills from the left, nothing says where its cells belong.
/// Its cells stay where the grid put them (from the left), and the row is placed by the left-fill
/// rule and flagged `column_inferred`, as a short flattened row is. A row whose only printed cell
/// is its label is a group row and is left alone.
fn short_pipe_rows_are_inferred(table: &mut Table, warnings: &mut Vec<Warning>) {
    let placed_by_kind = short_rows_placed_by_header_value_kinds(table);
    let columns = table.columns.len();
    for (row_index, row) in table.rows.iter_mut().enumerate() {
        if placed_by_kind.contains(&row_index) {
            warnings.extend(inferred_row_warning(table.index, row_index, row, columns));
            continue;
        }
        let padded = row.cells.iter().any(|cell| cell.flags.contains(&CellFlag::Padded));
        let printed: Vec<String> = row
            .cells
            .iter()
            .filter(|cell| !cell.flags.contains(&CellFlag::Padded))
            .map(|cell| cell.text.clone())
            .collect();
        if !padded || printed.iter().all(String::is_empty) {
            continue;
        }
        for cell in &mut row.cells {
            cell.flag(CellFlag::ColumnInferred);
        }
        row.placement = Placement::Inferred { rule: LEFT_FILL_RULE.to_string(), surviving: printed };
        warnings.extend(inferred_row_warning(table.index, row_index, row, columns));
    }
}

/// The placement rule of a short pipe row whose cells only fit one set of columns.
pub const HEADER_VALUE_KIND_RULE: &str = "header value kinds: the printed cells, in print order, fit only one set of columns by what the headers name (a date, a number)";

/// A short data row of a pipe table whose printed cells, kept in print order, fit only one set
/// of columns by what the headers name ([`header_value_kind`]: "Datum publicatie" takes no text
/// of plain words, "Dossier- en ondernummer" neither) is placed there: "Tweede Kamer der
/// Staten-Generaal | 2008-2009 | 31951 nr. 1 |" under "Datum publicatie | Organisatie |
/// Vergaderjaar | Dossier- en ondernummer | Datum brief" can only be Organisatie, Vergaderjaar,
/// Dossier- en ondernummer. The row keeps `column_inferred` (the placement is a reading of the
/// headers, not printed), with this rule. Only rows that print a data cell are placed (a label
/// alone is a group row, a note is a note).
///
/// The stub column counts as a position, under the stub header, but a printed row name is moved
/// out of it only when every row's is: then no row has a name, the table is a record table (a
/// Kamerstuk's own page information) and the stub header becomes the first data column. Returns
/// the rows placed.
fn short_rows_placed_by_header_value_kinds(table: &mut Table) -> Vec<usize> {
    if table.stub_columns > 1 {
        return Vec::new();
    }
    let mut headers: Vec<String> = Vec::new();
    if table.stub_columns == 1 {
        headers.push(table.stub_header.clone().unwrap_or_default());
    }
    headers.extend(table.columns.iter().map(|column| column.header()));
    let kinds: Vec<HeaderValueKind> = headers.iter().map(|header| header_value_kind(header)).collect();
    if kinds.iter().all(|kind| *kind == HeaderValueKind::AnyText) {
        return Vec::new();
    }
    let is_padding = |cell: &Cell| cell.flags.contains(&CellFlag::Padded);
    // The one placement of each short data row, where there is one.
    let mut placements: Vec<(usize, Vec<usize>)> = Vec::new();
    for (row_index, row) in table.rows.iter().enumerate() {
        let short = row.cells.iter().any(is_padding);
        let prints_data = row.cells.iter().any(|cell| !is_padding(cell) && !cell.text.is_empty());
        if row.kind != RowKind::Data || !short || !prints_data {
            continue;
        }
        let printed_texts: Vec<&str> = row
            .stub
            .iter()
            .chain(&row.cells)
            .filter(|cell| !is_padding(cell))
            .map(|cell| cell.text.as_str())
            .collect();
        if let Some(positions) = only_placement_by_kinds(&printed_texts, &kinds) {
            placements.push((row_index, positions));
        }
    }
    // A placement that moves a printed row name out of the stub stands only when every row that
    // prints a name loses it so.
    let named = |row: &Row| row.stub.iter().any(|cell| !is_padding(cell) && !cell.text.is_empty());
    let moves_name = |row_index: usize, positions: &[usize]| {
        table.stub_columns == 1 && named(&table.rows[row_index]) && positions.first() != Some(&0)
    };
    let names_moved =
        placements.iter().filter(|(row_index, positions)| moves_name(*row_index, positions)).count();
    let names_printed = table.rows.iter().filter(|row| named(row)).count();
    if names_moved > 0 && names_moved < names_printed {
        placements.retain(|(row_index, positions)| !moves_name(*row_index, positions));
    }
    let mut placed = Vec::new();
    for (row_index, positions) in placements {
        let row = &mut table.rows[row_index];
        let (printed, mut vanished): (Vec<Cell>, Vec<Cell>) =
            row.stub.drain(..).chain(row.cells.drain(..)).partition(|cell| !is_padding(cell));
        let line = row.line;
        let mut slots: Vec<Cell> = (0..kinds.len())
            .map(|_| {
                let mut empty = vanished.pop().unwrap_or_else(|| Cell::empty(line));
                empty.flag(CellFlag::Padded);
                empty
            })
            .collect();
        for (cell, position) in printed.into_iter().zip(positions) {
            slots[position] = cell;
        }
        for cell in &mut slots {
            cell.flag(CellFlag::ColumnInferred);
        }
        row.cells = slots.split_off(table.stub_columns);
        row.stub = slots;
        placed.push(row_index);
    }
    let stub_holds_nothing = table.stub_columns == 1
        && table.rows.iter().all(|row| row.stub.iter().all(|cell| cell.text.is_empty()));
    if !placed.is_empty()
        && stub_holds_nothing
        && let Some(header) = table.stub_header.take_if(|header| !header.trim().is_empty())
    {
        table.columns.insert(0, Column { path: vec![header], ..Column::default() });
        for row in &mut table.rows {
            let cell = if row.stub.is_empty() { Cell::empty(row.line) } else { row.stub.remove(0) };
            row.cells.insert(0, cell);
            row.stub.clear();
        }
        table.stub_columns = 0;
    }
    // What each placed row printed in its data columns, for the placement and its warning.
    for &row_index in &placed {
        let row = &mut table.rows[row_index];
        let surviving: Vec<String> =
            row.cells.iter().filter(|cell| !is_padding(cell)).map(|cell| cell.text.clone()).collect();
        row.placement = Placement::Inferred { rule: HEADER_VALUE_KIND_RULE.to_string(), surviving };
    }
    placed
}

/// The one way to put `texts` (in print order) into positions whose headers name `kinds`, each
/// non-empty text where it fits; `None` when there is no way or more than one.
fn only_placement_by_kinds(texts: &[&str], kinds: &[HeaderValueKind]) -> Option<Vec<usize>> {
    let (n, p) = (texts.len(), kinds.len());
    if n == 0 || n > p {
        return None;
    }
    let fits = |i: usize, j: usize| texts[i].is_empty() || fits_header_value_kind(kinds[j], texts[i]);
    // ways[i][j]: placements of texts i.. into positions j.., counted up to 2.
    let mut ways = vec![vec![0u8; p + 1]; n + 1];
    ways[n].fill(1);
    for i in (0..n).rev() {
        for j in (0..p).rev() {
            let here = if fits(i, j) { ways[i + 1][j + 1] } else { 0 };
            ways[i][j] = (here + ways[i][j + 1]).min(2);
        }
    }
    if ways[0][0] != 1 {
        return None;
    }
    let mut positions = Vec::with_capacity(n);
    let mut j = 0;
    for i in 0..n {
        while !(fits(i, j) && ways[i + 1][j + 1] == 1) {
            j += 1;
        }
        positions.push(j);
        j += 1;
    }
    Some(positions)
}

/// The `column_inferred` warning of a pipe row placed by rule ([`place::column_inferred_warning`]).
fn inferred_row_warning(table_index: usize, row_index: usize, row: &Row, columns: usize) -> Option<Warning> {
    place::column_inferred_warning(table_index, row_index, row, columns, "pipe row", "printed")
}

/// The placement rule of a row that lost its code cell and leaves a figure column empty.
pub const LOST_CELL_RULE: &str = "lost cell: the row lost its code cell, and a figure column that every other row fills is empty in it, so one of its cells merged with another or vanished; its figures stay in print order";

/// A row without a code in a table whose rows mostly have one (it lost its code cell: the
/// label stands where the code should, step 3 moved it right), which leaves empty a figure
/// column that every other row of figures fills, lost a figure cell too: a merged cell ("Totaal
/// | 113.808 | 5.695 | |" where Verplichtingen and Uitgaven both total 113.808), or one that
/// vanished. Which column lost it is not printed, so the row is flagged `column_inferred` with its
/// surviving figures, unless the table's arithmetic decides it (`place::resolve_by_arithmetic`).
fn rows_that_lost_their_code_cell_and_a_figure_are_doubtful(table: &mut Table, warnings: &mut Vec<Warning>) {
    let columns = table.columns.len();
    let with_figures: Vec<usize> = (0..table.rows.len())
        .filter(|&i| table.rows[i].cells.iter().any(|cell| is_figure(&cell.text)))
        .collect();
    let coded = with_figures
        .iter()
        .filter(|&&i| table.rows[i].stub.len() >= 2 && is_code(&table.rows[i].stub[0].text))
        .count();
    if columns < 2 || with_figures.len() < 4 || coded * 2 <= with_figures.len() {
        return;
    }
    let filled: Vec<usize> = (0..columns)
        .map(|j| {
            with_figures
                .iter()
                .filter(|&&i| table.rows[i].cells.get(j).is_some_and(|c| !c.text.is_empty()))
                .count()
        })
        .collect();
    let mut doubtful = Vec::new();
    for &row_index in &with_figures {
        let row = &table.rows[row_index];
        let lost_code = row.stub.len() >= 2 && row.stub[0].text.is_empty();
        let hole = (0..columns).any(|j| {
            row.cells.get(j).is_some_and(|cell| cell.text.is_empty()) && filled[j] == with_figures.len() - 1
        });
        if lost_code && hole && matches!(row.placement, Placement::Exact) {
            doubtful.push(row_index);
        }
    }
    for &row_index in &doubtful {
        let row = &mut table.rows[row_index];
        let printed: Vec<String> =
            row.cells.iter().filter(|cell| !cell.text.is_empty()).map(|cell| cell.text.clone()).collect();
        for cell in &mut row.cells {
            cell.flag(CellFlag::ColumnInferred);
        }
        row.placement = Placement::Inferred { rule: LOST_CELL_RULE.to_string(), surviving: printed };
    }
    place::resolve_by_arithmetic(table, &doubtful);
    for &row_index in &doubtful {
        warnings.extend(inferred_row_warning(table.index, row_index, &table.rows[row_index], columns));
    }
}

/// How many non-blank lines above a pipe table may hold its caption and unit.
const PIPE_CAPTION_CONTEXT: usize = 3;

/// The text with the lines of every pipe block blanked, and the caption or unit lines right above
/// each and the notes below it (the grid reading took those), so that the paragraph reading does
/// not read them again.
pub fn mask(text: &str, blocks: &[PipeBlock], read: &ReadOutcome) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    // The notes the grid reading linked, and a marker printed on its own line above each.
    for line in read.tables.iter().flat_map(|table| &table.notes).filter_map(|note| note.line) {
        let Some(index) = line.checked_sub(1).filter(|&i| i < lines.len()) else { continue };
        lines[index] = "";
        for above in &mut lines[index.saturating_sub(2)..index] {
            if is_note_marker(above.trim()) {
                *above = "";
            }
        }
    }
    for block in blocks {
        for line in &mut lines[block.first_line - 1..block.last_line] {
            *line = "";
        }
        let mut above = block.first_line - 1;
        let mut taken = 0;
        while above > 0 && taken < 2 {
            above -= 1;
            let source = lines[above].trim();
            if source.is_empty() {
                continue;
            }
            if caption(source).is_some() || unit_line(source).is_some() {
                lines[above] = "";
                taken += 1;
            } else {
                break;
            }
        }
    }
    let mut masked = lines.join("\n");
    if text.ends_with('\n') {
        masked.push('\n');
    }
    masked
}

/// A pipe-table block: its first and last line (1-based, inclusive) and the index of the
/// separator line within the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PipeBlock {
    /// First line of the block, 1-based.
    pub first_line: usize,
    /// Last line of the block, 1-based, inclusive.
    pub last_line: usize,
    /// Position of the (first) separator line within the block, from 0; 0 for a block printed
    /// without one, whose lines are all body rows.
    pub separator: usize,
    /// A block of keys and their values ([`super::key_value`]): it prints no header, so its rows
    /// are read under one empty header row (a table of text would take its first row for one).
    pub key_value: bool,
}

/// `text` with the lines of `replacements` (0-based index, new line) put in place of the printed
/// ones, every other line and the line count kept (so every line number stays the source's), and
/// the text's closing newline if it had one: how lines whose cells lost their separators become
/// the pipe rows they were ([`super::glued`], [`super::key_value`]).
pub(super) fn with_lines_replaced(text: &str, replacements: &[(usize, String)]) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    for (index, line) in replacements {
        lines[*index] = line;
    }
    let mut joined = lines.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    joined
}

/// A line of a pipe table printed one cell per line: the cell's text and one closing pipe
/// ("587 |", "SZW: Verhogen inkomens |"), or pipes alone ("|", "||": empty cells). Such lines
/// are cells of flattened text, not rows: the paragraph reading takes them (see
/// [`super::paragraph::paragraphs`]).
pub fn is_cell_line(line: &str) -> bool {
    let trimmed = line.trim();
    let pipes = trimmed.bytes().filter(|&byte| byte == b'|').count();
    trimmed.ends_with('|') && (pipes == 1 || (pipes <= 3 && trimmed.bytes().all(|byte| byte == b'|')))
}

/// A pipe line that holds a row: at least two cells, closed by a pipe ("Voorwoord | 8 | |",
/// "1.1. | De Nederlandse economie in 2008 | 9 |").
fn is_row_line(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.ends_with('|') && trimmed.bytes().filter(|&byte| byte == b'|').count() >= 2 && !is_separator(line)
}

/// A separator line of a pipe table ("---|---|", "|:--|--:|"): pipes, dashes, colons, plus and
/// equals signs and spaces only.
pub fn is_separator(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.contains('|')
        && trimmed.contains('-')
        && trimmed.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ' | '+' | '='))
}

/// Every pipe-table block of the text (step 1 of the module doc).
pub fn find_blocks(text: &str) -> Vec<PipeBlock> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if !lines[index].contains('|') {
            index += 1;
            continue;
        }
        let start = index;
        while index < lines.len() && lines[index].contains('|') {
            index += 1;
        }
        for (from, to) in tables_of_run(&lines[start..index]) {
            let cut_off = start + to == lines.len();
            if let Some(block) = block_of(&lines[start + from..start + to], start + from, cut_off) {
                blocks.push(block);
            }
        }
    }
    blocks
}

/// The tables in one run of pipe lines, as ranges of it: a separator line after a body row starts
/// a new table whose header is the line right above the separator (a markdown table has one
/// header line), so tables printed one under the other without a blank line come apart.
fn tables_of_run(run: &[&str]) -> Vec<(usize, usize)> {
    let mut tables = Vec::new();
    let mut from = 0;
    let mut separated = false;
    let mut lines_since_separator = 0;
    for (at, line) in run.iter().enumerate() {
        if !is_separator(line) {
            lines_since_separator += 1;
            continue;
        }
        // A body row, then this table's header line above the separator, and a row after it: a
        // separator that closes the block starts nothing. (A markdown table has one separator,
        // under its header line, and the converters that print these pages print no other rules,
        // so a separator under a row of figures is still a header's.)
        let row_follows = run.get(at + 1).is_some_and(|line| !is_separator(line));
        if separated && lines_since_separator >= 2 && row_follows {
            tables.push((from, at - 1));
            from = at - 1;
        }
        separated = true;
        lines_since_separator = 0;
    }
    tables.push((from, run.len()));
    tables
}

/// One table's lines as a block (step 1 of the module doc), or `None` when they are not one;
/// `first` is the 0-based line of the first of them, `cut_off` says the text ends with them.
fn block_of(block: &[&str], first: usize, cut_off: bool) -> Option<PipeBlock> {
    // A table printed one cell per line is flattened text, not a block of rows.
    let cell_lines = block.iter().filter(|line| is_cell_line(line)).count();
    let rows = block.iter().filter(|line| !is_separator(line)).count();
    if cell_lines * 2 > rows {
        return None;
    }
    // The last line of a text that ends inside the table may be cut off before its pipes.
    let rows_closed = block
        .iter()
        .enumerate()
        .all(|(at, line)| is_row_line(line) || (cut_off && at + 1 == block.len() && line.contains('|')));
    let (first_line, last_line) = (first + 1, first + block.len());
    if let Some(separator) = block.iter().position(|line| is_separator(line))
        && separator >= 1
        && block[separator + 1..].iter().any(|line| !is_separator(line))
    {
        Some(PipeBlock { first_line, last_line, separator, key_value: false })
    } else if block.len() >= 3 && rows_closed {
        // Rows without a separator line: a body without header rows.
        Some(PipeBlock { first_line, last_line, separator: 0, key_value: false })
    } else {
        None
    }
}

/// The cells of one pipe line (step 2).
pub fn cells_of(line: &str) -> Vec<String> {
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|cell| cell.trim().to_string()).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The block as an HTML page whose line N is the text's line N (steps 3 and 4): the lines above
/// the block (at most `context` non-blank lines) as `p` elements, then the table, then the lines
/// below it where its notes may be printed.
pub fn as_html(text: &str, block: PipeBlock, context: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let block_lines = &lines[block.first_line - 1..block.last_line];
    let mut rows: Vec<(usize, bool, Vec<String>)> = Vec::new();
    for (offset, line) in block_lines.iter().enumerate() {
        if is_separator(line) {
            continue;
        }
        rows.push((block.first_line + offset, offset < block.separator, cells_of(line)));
    }
    // Step 3: the usual body width, short header rows, an always-empty last column.
    let mut widths: Vec<usize> =
        rows.iter().filter(|(_, head, _)| !head).map(|(_, _, cells)| cells.len()).collect();
    widths.sort_unstable();
    let body_width = widths.get(widths.len() / 2).copied().unwrap_or(0);
    for (_, head, cells) in &mut rows {
        if *head && body_width >= 2 && cells.len() + 1 == body_width {
            cells.insert(0, String::new());
        }
    }
    let pushed_titles = pipe_rows::titles_printed_with_empty_cells_at_the_end(&rows, body_width);
    let code_stub = pipe_rows::empty_code_cells_put_back(&mut rows, body_width);
    pipe_rows::bullet_items_move_under_their_column(&mut rows);
    pipe_header::two_stub_header_cells_over_one_stub_column_join(&mut rows);
    let widest = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
    if widest >= 2 && rows.iter().all(|(_, _, cells)| cells.len() < widest || cells[widest - 1].is_empty()) {
        for (_, _, cells) in &mut rows {
            cells.truncate(widest - 1);
        }
    }
    if let Some(pushed_titles) = &pushed_titles {
        pipe_rows::titles_and_rows_pushed_to_the_end_placed(&mut rows, pushed_titles, code_stub);
    }

    pipe_header::header_rows_without_top_left_cell_move_right(&mut rows);
    pipe_header::flush_left_header_rows_move_over_the_figures(&mut rows);
    if code_stub {
        pipe_header::code_column_header_printed_in_the_body_moves_up(&mut rows);
    }

    let mut html: Vec<String> = vec![String::new(); block.last_line];
    let mut kept = 0;
    for line in (0..block.first_line - 1).rev() {
        let source = lines[line].trim();
        if source.is_empty() {
            continue;
        }
        if kept == context {
            break;
        }
        html[line] = format!("<p>{}</p>", escape(source));
        kept += 1;
    }
    let mut opened_body = false;
    html[block.first_line - 1].push_str("<table><thead>");
    if block.key_value {
        let width = rows.iter().map(|(_, _, cells)| cells.len()).max().unwrap_or(0);
        html[block.first_line - 1]
            .push_str(&format!("<tr>{}</tr></thead><tbody>", "<th></th>".repeat(width)));
        opened_body = true;
    }
    for (line, head, cells) in &rows {
        let slot = &mut html[line - 1];
        if !head && !opened_body {
            slot.push_str("</thead><tbody>");
            opened_body = true;
        }
        let tag = if *head { "th" } else { "td" };
        slot.push_str("<tr>");
        for cell in cells {
            slot.push_str(&format!("<{tag}>{}</{tag}>", escape(cell)));
        }
        slot.push_str("</tr>");
    }
    html[block.last_line - 1].push_str(if opened_body { "</tbody></table>" } else { "</thead></table>" });
    // The paragraphs below the block, where notes are printed, up to the next heading-like line.
    // A marker printed on a line of its own ("1", a blank line, the note's text) is joined to the
    // text, on the text's line, the way notes are printed in markup.
    // A key/value block has no figures to mark: the lines below it are the page's next part.
    let mut kept = 0;
    let mut pending_marker: Option<&str> = None;
    let below: &[&str] = if block.key_value { &[] } else { &lines[block.last_line.min(lines.len())..] };
    for source in below.iter().map(|line| line.trim()) {
        if kept == NOTE_CONTEXT {
            break;
        }
        if source.is_empty() {
            html.push(String::new());
            continue;
        }
        kept += 1;
        if is_note_marker(source) && pending_marker.is_none() {
            pending_marker = Some(source);
            html.push(String::new());
            continue;
        }
        let text = match pending_marker.take() {
            Some(marker) => format!("{marker} {source}"),
            None => source.to_string(),
        };
        html.push(format!("<p>{}</p>", escape(&text)));
    }
    html.join("\n")
}

/// How many non-blank lines below a pipe table are looked at for its notes.
const NOTE_CONTEXT: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_need_a_separator_and_a_row() {
        let text = "Tabel 3 Kader\n\n(in miljarden euro) | 2014 | 2015 |\n---|---|---|\nUitgaven | 106,3 | 107,0 |\nNiveau | 106,4 | 106,3 |\n\nen a | b zonder scheiding\n";
        let blocks = find_blocks(text);
        assert_eq!(blocks, vec![PipeBlock { first_line: 3, last_line: 6, separator: 1, key_value: false }]);
    }

    /// fixtures/wild/dev/c2_09.txt prints three tables one under the other, each with its own
    /// header line and separator, without a blank line between them (its lines 1–4 and 9–11, cut
    /// to two columns). A separator that closes the block starts nothing.
    #[test]
    fn a_separator_after_body_rows_starts_the_next_table() {
        let text = "|   2018  |    2019  |  |\n|---|---|---|\n|   Stand ontwerpbegroting 2018  |    12.212  |  |\n\
                    |   Mutatie amendement 2018  |    0  |  |\n|   2018  |    2019  |  |\n|---|---|---|\n\
                    |   Stand ontwerpbegroting 2018  |    140  |  |\n";
        let blocks = find_blocks(text);
        assert_eq!(
            blocks,
            vec![
                PipeBlock { first_line: 1, last_line: 4, separator: 1, key_value: false },
                PipeBlock { first_line: 5, last_line: 7, separator: 1, key_value: false }
            ]
        );
        let closed = "| | 2018 |\n|---|---|\n| Stand | 12.212 |\n| Mutatie | 0 |\n|---|---|\n";
        assert_eq!(
            find_blocks(closed),
            vec![PipeBlock { first_line: 1, last_line: 5, separator: 1, key_value: false }]
        );
    }

    /// Wild page r4_04 (Infrastructuurfonds 2017, "Mijlpalen"), lines 5-10 cut short: a
    /// modality cell that spanned several rows in the source is printed only on its first, and
    /// the items under it open the row; they are the Project column's, as every named row shows.
    #[test]
    fn bullet_items_under_a_spanned_first_cell_move_to_their_column() {
        let text = "Modaliteit | Project |\n---|---|\nHoofdwegen | – Verkeersmanagement waaronder inzet weginspecteurs. |\n\
                    – Beheer en onderhoud waaronder verhardingsonderhoud. | |\n\
                    – Uitvoering van het programma vervangingen en renovaties. | |\n\
                    Spoorwegen | – Verkeersleiding en capaciteitsmanagement. |\n";
        let blocks = find_blocks(text);
        let html = as_html(text, blocks[0], 3);
        let lines: Vec<&str> = html.lines().collect();
        assert!(
            lines[3].contains("<td></td><td>– Beheer en onderhoud waaronder verhardingsonderhoud.</td>"),
            "{}",
            lines[3]
        );
        assert!(lines[5].contains("<td>Spoorwegen</td><td>– Verkeersleiding"), "{}", lines[5]);
        // Without named rows that print an item beside them, nothing moves.
        let list = "Stap | Toelichting |\n---|---|\n– Eerste stap | |\n– Tweede stap | |\n";
        let html = as_html(list, find_blocks(list)[0], 3);
        assert!(
            html.lines().nth(2).is_some_and(|line| line.contains("<tr><td>– Eerste stap</td><td></td></tr>")),
            "{html}"
        );
        // Nil dashes beside the names are no items: a waarvan row keeps its label.
        let nil = "Omschrijving | 2023 | 2024 |\n---|---|---|\nStand ontwerpbegroting | – | 1.234 |\n\
                   – waarvan programma | | |\nLoonbijstelling | – | 12 |\nPrijsbijstelling | – | 8 |\n";
        let html = as_html(nil, find_blocks(nil)[0], 3);
        assert!(
            html.lines()
                .nth(3)
                .is_some_and(|line| line.contains("<tr><td>– waarvan programma</td><td></td><td></td></tr>")),
            "{html}"
        );
    }

    #[test]
    fn a_copy_that_pushes_empty_cells_to_the_row_end_places_no_data_cell_by_its_pipes() {
        // Wild page v4_03 (JV 2023 XVI, policy reviews), lines 1-11: sub-items in the code slot
        // and every row's empty cells after its printed ones, so "Nee1" may stand under any year
        // or under "Geheel artikel?".
        let text = "Art. | Naam artikel | 2017 | 2018 | 2019 | Geheel artikel? |\n---|---|---|---|---|---|\n\
                    1 | Volksgezondheid | ||||\nGezondheidsbescherming | |||||\nZiektepreventie | |||||\n\
                    2 | Curatieve zorg | Nee1 | |||\nKwaliteit en veiligheid | |||||\n\
                    3 | Langdurige zorg en ondersteuning | ||||\n";
        let read = read_tables(text, &find_blocks(text));
        let table = &read.tables[0];
        let curatieve = table
            .rows
            .iter()
            .find(|row| row.stub.iter().any(|cell| cell.text.contains("Curatieve zorg")))
            .expect("row");
        assert!(matches!(curatieve.placement, Placement::Inferred { .. }), "{:?}", curatieve.placement);
        assert!(curatieve.cells.iter().all(|cell| cell.flags.contains(&CellFlag::ColumnInferred)));
        // A row whose empty cells stand between its printed ones keeps its pipes' placement
        // (then the copy does not push them to the end), and so does a table whose names all
        // stand above its first code (header lines printed in the body, wild page c5_08).
        for text in [
            "Art. | Naam artikel | 2017 | 2018 | 2019 | Geheel artikel? |\n---|---|---|---|---|---|\n\
             1 | Volksgezondheid | ||||\nGezondheidsbescherming | |||||\nZiektepreventie | | | 4 | ||\n\
             2 | Curatieve zorg | Nee1 | |||\nKwaliteit en veiligheid | |||||\n",
            "Onderdeel | Oorspronkelijk | Realisatie | Verschil | |\n---|---|---|---|---|\nvastgestelde | ||||\n\
             begroting | ||||\nI | Koning | 43.252 | 43.900 | 648 |\nIIA | Staten-Generaal | 145.530 | 180.193 | |\n",
            // Review of session 24: group rows whose label fills the code cell, in a copy that
            // keeps a row's empty cells in place ("3 | De Nationale ombudsman |  | 15.461").
            "| Art. | Omschrijving | Verplichtingen | Uitgaven | Ontvangsten |\n|---|---|---|---|---|\n\
             | Beleidsartikelen |  |  |  |  |\n| 1 | Raad van State | 59.034 | 59.034 | 1.950 |\n\
             | 3 | De Nationale ombudsman |  | 15.461 | 2.189 |\n| 4 | Kanselarij der Nederlandse Orden | 3.975 | 3.975 |  |\n\
             | Niet-beleidsartikelen |  |  |  |  |\n| 10 | Nominaal en onvoorzien | 2.753 | 2.753 |  |\n",
        ] {
            let read = read_tables(text, &find_blocks(text));
            assert!(
                read.tables[0].rows.iter().all(|row| matches!(row.placement, Placement::Exact)),
                "{text}"
            );
        }
    }

    #[test]
    fn titles_printed_with_the_stubs_empty_cells_at_their_end_tell_a_copy_that_pushes_them() {
        // Wild page y4_06 (MN 2020, BES-fonds), lines 1-13: the years printed from the first cell
        // with the stub's empty cell at the end; a label-less subtotal "4,5 | … | 1,0 | ||" lost
        // its label cell to the end, and "Extrapolatie | 34,3 | |||||" does not say under which
        // year its one figure stands (the totals say 2024, the pipes 2019).
        let text = "| 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | |\n|---|---|---|---|---|---|---|\n\
                    | Stand Miljoenennota 2019 (excl. IS) | 38,3 | 33,5 | 33,3 | 33,4 | 33,4 | |\n\
                    | Technische mutaties | ||||||\n| Diversen | 4,5 | 8,4 | 1,0 | 1,0 | 1,0 | |\n\
                    | 4,5 | 8,4 | 1,0 | 1,0 | 1,0 | ||\n| Extrapolatie | 34,3 | |||||\n\
                    | Stand Miljoenennota 2020 (subtotaal) | 42,8 | 41,9 | 34,2 | 34,3 | 34,3 | 34,3 | \n";
        let read = read_tables(text, &find_blocks(text));
        let table = &read.tables[0];
        let headers: Vec<&str> = table.columns.iter().map(|column| column.path[0].as_str()).collect();
        assert_eq!(headers, ["2019", "2020", "2021", "2022", "2023", "2024"]);
        let row = |label: &'static str| {
            table.rows.iter().filter(move |row| row.stub.last().is_some_and(|cell| cell.text == label))
        };
        let subtotal = row("").find(|row| row.kind != RowKind::Group).expect("the label-less subtotal");
        let texts: Vec<&str> = subtotal.cells.iter().map(|cell| cell.text.as_str()).collect();
        assert_eq!(texts, ["4,5", "8,4", "1,0", "1,0", "1,0", ""]);
        let extrapolatie = row("Extrapolatie").next().expect("row");
        assert!(matches!(extrapolatie.placement, Placement::Inferred { .. }), "{:?}", extrapolatie.placement);
        assert!(extrapolatie.cells.iter().all(|cell| cell.flags.contains(&CellFlag::ColumnInferred)));
        // A full row stands where its pipes put it.
        let full = row("Stand Miljoenennota 2020 (subtotaal)").next().expect("row");
        assert!(matches!(full.placement, Placement::Exact));

        // Wild page w4_05 (1SUPP 2018 XII, Rijkswaterstaat), lines 3-9: a second row of titles
        // under a header that prints the stub's "Omschrijving" heads the three data columns.
        let text = "Omschrijving | 1 | 2 | 3 = (1) + (2) |\n---|---|---|---|\n\
                    Vastgestelde begroting | Mutaties (+ of –) 1e suppletoire begroting | Totaal geraamd | |\n\
                    Baten | |||\nOmzet IenM | 2.275.607 | – 5.258 | 2.270.349 |\n\
                    Omzet overige departementen | 28.360 | 28.360 | |\n";
        let read = read_tables(text, &find_blocks(text));
        let table = &read.tables[0];
        assert_eq!(table.columns[0].path, ["1", "Vastgestelde begroting"]);
        assert_eq!(table.columns[2].path, ["3 = (1) + (2)", "Totaal geraamd"]);
        let omzet =
            table.rows.iter().find(|row| row.stub[0].text == "Omzet overige departementen").expect("row");
        assert!(matches!(omzet.placement, Placement::Inferred { .. }));
        let full = table.rows.iter().find(|row| row.stub[0].text == "Omzet IenM").expect("row");
        assert!(matches!(full.placement, Placement::Exact));

        // Titles that leave a last column unheaded (a column of note markers, wild page x1_03,
        // lines 3-7: seven years, two empty cells, eight cells of figures and markers) tell
        // nothing: the rows keep their pipes' placement.
        let text = "15. Hoofdvaarwegennet | Realisatie | Begroting | Verschil | |||||\n---|---|---|---|---|---|---|---|---|\n\
                    2011 | 2012 | 2013 | 2014 | 2015 | 2015 | 2015 | ||\n\
                    Verplichtingen | 918.852 | 679.932 | 818.272 | 468.336 | 1.660.126 | 825.542 | 834.584 | 1) |\n\
                    Uitgaven | 829.016 | 823.026 | 864.431 | 894.465 | 871.615 | 883.428 | – 11.813 | |\n";
        let read = read_tables(text, &find_blocks(text));
        let uitgaven = read.tables[0].rows.iter().find(|row| row.stub[0].text == "Uitgaven").expect("row");
        assert!(matches!(uitgaven.placement, Placement::Exact));

        // Review of session 26: a second header row whose stub cell holds the unit and whose last
        // title is not printed (Verschil has no year); a year over a row of titles beside an
        // unheaded column of note markers; a second header row opening with "Nr.". Ordinary
        // tables, read by their pipes.
        for text in [
            "| Omschrijving | Realisatie | Vastgestelde begroting | Verschil |\n|---|---|---|---|\n\
             | x € 1.000 | 2019 | 2019 | |\n| Uitgaven | 100 | 90 | 10 |\n| Ontvangsten | 50 | 50 | |\n\
             | Apparaat | 20 | 25 | – 5 |\n| Subsidies | 70 | 70 | |\n",
            "| 2023 | Begroting | Realisatie | |\n|---|---|---|---|\n| Uitgaven | 100 | 90 | 1) |\n\
             | Ontvangsten | 50 | 50 | |\n| Apparaat | 20 | 25 | 2) |\n| Subsidies | 70 | 70 | |\n",
            "| Art. | Omschrijving | Realisatie | Begroting | Verschil |\n|---|---|---|---|---|\n\
             | Nr. | Bedragen x € 1.000 | 2019 | 2019 | 2019 |\n| 1 | Wonen | 100 | 90 | 10 |\n\
             | 2 | Woningmarkt | 50 | 50 | |\n| 3 | Bouwen | 20 | 25 | – 5 |\n| 4 | Ruimte | 70 | 70 | |\n",
        ] {
            let read = read_tables(text, &find_blocks(text));
            let table = &read.tables[0];
            assert!(table.rows.iter().all(|row| matches!(row.placement, Placement::Exact)), "{text}");
        }
    }

    #[test]
    fn cells_drop_one_outer_pipe_and_keep_empty_cells() {
        assert_eq!(
            cells_of("Rijksbegroting in enge zin | ||||"),
            ["Rijksbegroting in enge zin", "", "", "", ""]
        );
        assert_eq!(cells_of("| a | 1 |"), ["a", "1"]);
    }

    #[test]
    fn the_html_keeps_source_lines_and_fills_the_missing_top_left_cell() {
        let text = "Tabel 3 Kader\n\n2020 | Bron |\n---|---|\nA | 1 | x |\nB | 2 | y |\n";
        let blocks = find_blocks(text);
        let html = as_html(text, blocks[0], 3);
        let lines: Vec<&str> = html.lines().collect();
        assert_eq!(lines[0], "<p>Tabel 3 Kader</p>");
        assert!(lines[2].contains("<th></th><th>2020</th><th>Bron</th>"), "{}", lines[2]);
        assert!(lines[4].contains("<tr><td>A</td><td>1</td><td>x</td></tr>"), "{}", lines[4]);
    }
}
