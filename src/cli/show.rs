//! `begroting show`: each rebuilt table as an aligned grid a person can hold next to the source.
//!
//! Group rows stand flush left, rows under a group are indented two spaces, waarvan rows four;
//! a cell whose column was inferred is marked `?`, an overridden one `!`, a cut-off one `~`;
//! markers are shown as `[1]`. Notes and unresolved markers are listed under the table.

use std::fmt::Write as _;
use std::path::PathBuf;

use begroting::pipeline::extract_path;
use begroting::table::{CellFlag, RowKind, Table, TableKind};

use super::{EXIT_ERROR, EXIT_OK, extract_options};

#[derive(Debug, clap::Args)]
pub struct ShowArguments {
    /// The document to show.
    file: PathBuf,
    /// Only the table with this index (from 0).
    #[arg(long)]
    table: Option<usize>,
    /// Overrides file settling the placement of inferred cells.
    #[arg(long)]
    overrides: Option<PathBuf>,
}

pub fn run(arguments: ShowArguments) -> u8 {
    let options = match extract_options(arguments.overrides.as_ref()) {
        Ok(options) => options,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    let document = match extract_path(&arguments.file, None, &options) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("begroting: {error}");
            return EXIT_ERROR;
        }
    };
    if let Some(wanted) = arguments.table
        && !document.tables.iter().any(|table| table.index == wanted)
    {
        eprintln!(
            "begroting: {} has no table {wanted} (it has {} tables, numbered from 0)",
            arguments.file.display(),
            document.tables.len()
        );
        return EXIT_ERROR;
    }
    let mut out = String::new();
    let meta = &document.meta;
    let _ = writeln!(
        out,
        "{}  year {}  type {}  chapter {}  ({} tables)",
        document.source,
        meta.year.map_or("?".to_string(), |y| y.to_string()),
        meta.doc_type.as_deref().unwrap_or("?"),
        meta.chapter.as_deref().unwrap_or("?"),
        document.tables.len()
    );
    for table in &document.tables {
        if arguments.table.is_some_and(|wanted| wanted != table.index) {
            continue;
        }
        out.push('\n');
        out.push_str(&render_table(table));
        for warning in document.warnings.iter().filter(|w| w.location.table_index == Some(table.index)) {
            let _ = writeln!(out, "  warning: {warning}");
        }
    }
    if arguments.table.is_none() {
        for warning in document.warnings.iter().filter(|w| w.location.table_index.is_none()) {
            let _ = writeln!(out, "warning: {warning}");
        }
    }
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(error) => {
            eprintln!("begroting: cannot write to stdout: {error}");
            EXIT_ERROR
        }
    }
}

fn markers(list: &[String]) -> String {
    list.iter().map(|m| format!("[{m}]")).collect()
}

/// Renders one table as text.
pub fn render_table(table: &Table) -> String {
    let mut out = String::new();
    let heading = [
        table.number.as_ref().map(|n| format!("Tabel {n}")),
        table.title.clone(),
        table.unit.as_ref().map(|u| format!("({u})")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let kind = match table.kind {
        TableKind::Budget => String::new(),
        TableKind::Contents => "  [table of contents: not budget data]".to_string(),
        TableKind::Unrecovered => "  [structure not recovered: raw lines kept]".to_string(),
    };
    let lines = table.lines.map(|(from, to)| format!("  lines {from}-{to}")).unwrap_or_default();
    let truncated = if table.truncated { "  [TRUNCATED: the input ends inside this table]" } else { "" };
    let _ = writeln!(out, "#{} {}{}{}{}", table.index, heading, lines, kind, truncated);
    if let Some(section) = &table.section {
        let _ = writeln!(out, "   section: {section}");
    }
    if table.kind == TableKind::Unrecovered {
        for line in &table.raw_lines {
            let _ = writeln!(out, "   | {line}");
        }
        return out;
    }
    let depth = table.columns.iter().map(|c| c.path.len()).max().unwrap_or(0).max(1);
    let mut grid: Vec<Vec<String>> = Vec::new();
    for level in 0..depth {
        let mut line = vec![if level + 1 == depth {
            table.stub_header.clone().unwrap_or_default()
        } else {
            String::new()
        }];
        for column in &table.columns {
            let part = column.path.get(level).cloned().unwrap_or_default();
            let tail = if level + 1 == column.path.len() { markers(&column.markers) } else { String::new() };
            line.push(format!("{part}{tail}"));
        }
        grid.push(line);
    }
    let header_rows = grid.len();
    for row in &table.rows {
        let indent = match (row.kind, row.group.is_some()) {
            (RowKind::Group, true) => "  ",
            (RowKind::Group, false)
            | (RowKind::Spacer, _)
            | (RowKind::Header, _)
            | (RowKind::Footnote, _) => "",
            (RowKind::Waarvan, _) => "    ",
            (_, true) => "  ",
            (_, false) => "",
        };
        let code = row.code.as_ref().map(|c| format!("{c} ")).unwrap_or_default();
        let label = if row.kind == RowKind::Footnote {
            row.stub.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
        } else {
            row.label.clone()
        };
        let role = match row.kind {
            RowKind::Total => " (total)",
            RowKind::Header => " (header)",
            RowKind::Footnote => " (note)",
            _ => "",
        };
        let mut line = vec![format!("{indent}{code}{label}{}{role}", markers(&row.markers))];
        for cell in &row.cells {
            let mut text = if cell.text.is_empty() { "·".to_string() } else { cell.text.clone() };
            text.push_str(&markers(&cell.markers));
            for (flag, mark) in
                [(CellFlag::ColumnInferred, "?"), (CellFlag::Overridden, "!"), (CellFlag::CutCell, "~")]
            {
                if cell.flags.contains(&flag) {
                    text.push_str(mark);
                }
            }
            line.push(text);
        }
        grid.push(line);
    }
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| grid.iter().filter_map(|line| line.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    for (index, line) in grid.iter().enumerate() {
        let mut text = String::from("   ");
        for (c, cell) in line.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str(" | ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
        if index + 1 == header_rows {
            let _ = writeln!(
                out,
                "   {}",
                "-".repeat(widths.iter().sum::<usize>() + 3 * widths.len().saturating_sub(1))
            );
        }
    }
    for note in &table.notes {
        let _ = writeln!(out, "   [{}] {}", note.marker, note.text);
    }
    if let Some(confidence) = table.confidence.as_ref().filter(|c| c.is_low()) {
        let _ = writeln!(out, "   LOW CONFIDENCE {}: {}", confidence.score, confidence.reasons.join("; "));
    }
    for text in &table.texts_not_placed {
        let _ = writeln!(out, "   not placed: line {} \"{}\"", text.line, text.text);
    }
    out
}
