//! Official publication XML → tables: the CALS tables, notes and document head of a Kamerstuk as
//! the government publishes it (KOOP "officiele-publicatie", the source of
//! zoek.officielebekendmakingen.nl, and the older `kamerwrk` dialect of before about 2009).
//!
//! Owns the XML: reading it as a stream of events (never building a tree, never expanding an
//! entity the document declares, never fetching anything), turning every CALS `table` into the
//! raw grid of [`crate::interpret::grid`], and reading the document's head (dossier, chapter,
//! title, stuk number and heading, vergaderjaar). What the grid means — header rows, stub columns,
//! row kinds, caption and unit, contents tables — is decided by [`crate::interpret`], the same as
//! for HTML; this module only says what the markup says.
//!
//! What the markup says, and how it is passed on:
//! 1. `tgroup cols` is the declared width; `colspec colname`/`colnum` name columns, `spanspec`
//!    names spans; an `entry` starts at its `colname`, `namest` or `spanname` column (else at the
//!    next free one), spans to its `nameend` and down `morerows` more rows;
//! 2. `thead`/`tbody`/`tfoot` are the head, body and foot row groups (a head row's cells are
//!    header cells); header rows printed inside `tbody` are left to the structure stage;
//! 3. a cell's text is the text of its `al` paragraphs (each `al` a line, joined with a space), or
//!    its own text in the old dialect; processing instructions (`<?xpp …?>`) are skipped without
//!    splitting the word they stand in; a cell all in `nadruk type="vet"` is bold;
//! 4. notes: a `noot` (with `noot.nr` and `noot.al`) stands where its marker goes: the marker joins
//!    the cell, the note's text joins the table's notes; a `nootref` repeats the marker of the
//!    note it refers to; the old dialect's `voetref nr` refers to a `voetnoot` printed at the end
//!    of the document. Markers are linked to their notes by the footnote stage as for HTML;
//! 5. the table's `title` is its caption (number, title, unit); without one, the paragraphs and
//!    headings just above it are read as HTML's are; the nearest heading (`kop`, `tussenkop`,
//!    `tuskop`) is its section.
//!
//! Bad input never panics and never stops the reading of what came before it: a document that is
//! not well-formed gives a [`WarningKind::MalformedMarkup`] warning naming the line, the tables
//! read before it are kept and a table it stops inside is marked truncated; an entity the
//! document does not define stays as printed ("&foo;") with a warning; spans and widths are
//! bounded by the grid's limits.

mod head;

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

pub use head::PublicationHead;

use crate::error::{Location, Warning, WarningKind};
use crate::interpret::assemble::{Assembled, Surroundings, assemble};
use crate::interpret::caption::BlockAbove;
use crate::interpret::grid::{self, Piece, RawCell, RawRow, RawTable, RowSpan, Section, join_text};
use crate::table::{CellFlag, Note, ReadOutcome, Table};

/// The root elements this reader reads: the current dialect and the older one.
const ROOTS: &[&str] = &["officiele-publicatie", "kamerwrk"];

/// A Kamerstuk read from its XML: its tables and warnings, and what its head says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct XmlDocument {
    /// The tables in print order, with the reader's warnings.
    pub outcome: ReadOutcome,
    /// The document's head: dossier, chapter, titles, stuk number.
    pub head: PublicationHead,
}

/// The root element of an XML document, when the text is XML (after a prolog, comments, a
/// DOCTYPE and processing instructions); `None` for anything else.
pub fn root_element(text: &str) -> Option<String> {
    let mut reader = Reader::from_str(text);
    for _ in 0..64 {
        match reader.read_event() {
            Ok(Event::Start(start) | Event::Empty(start)) => {
                return Some(String::from_utf8_lossy(start.name().as_ref()).into_owned());
            }
            Ok(Event::Decl(_) | Event::Comment(_) | Event::DocType(_) | Event::PI(_)) => {}
            Ok(Event::Text(text)) if text.iter().all(u8::is_ascii_whitespace) => {}
            _ => return None,
        }
    }
    None
}

/// True when `root` is a root element this reader reads.
pub fn is_publication_root(root: &str) -> bool {
    ROOTS.contains(&root)
}

/// Reads every CALS table of an official publication and its head (the module doc gives the
/// rules). A document whose root is not one of the publication roots gives no tables and an
/// [`WarningKind::MalformedMarkup`] warning naming the root it found.
pub fn read_official_xml(text: &str) -> XmlDocument {
    let mut reading = Reading::new(text);
    match root_element(text) {
        Some(root) if is_publication_root(&root) => {}
        found => {
            let what =
                found.map_or("no root element".to_string(), |root| format!("the root element <{root}>"));
            reading.outcome.warnings.push(Warning::new(
                WarningKind::MalformedMarkup,
                Location::default(),
                format!(
                    "{what} is not an official publication (expected <officiele-publicatie> or <kamerwrk>); nothing was read"
                ),
            ));
            return XmlDocument { outcome: reading.outcome, head: PublicationHead::default() };
        }
    }
    reading.run();
    reading.finish()
}

/// Turns byte offsets into 1-based lines while the reader moves forward: each call counts only
/// the newlines since the one before, so a whole document costs one pass.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter { text: text.as_bytes(), offset: 0, line: 1 }
    }

    /// The 1-based line of a byte offset at or after the last one asked about.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            self.line += self.text[self.offset..offset].iter().filter(|&&byte| byte == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

/// A note as printed: its marker and text, by the id it is referred to with.
#[derive(Debug, Clone)]
struct PrintedNote {
    marker: String,
    text: String,
    line: usize,
}

/// The cell being read.
struct OpenCell {
    cell: RawCell,
    /// Non-blank characters inside bold emphasis, and in all.
    bold_chars: usize,
    all_chars: usize,
}

/// The table being read.
#[derive(Default)]
struct OpenTable {
    /// 1-based line of the `table` start tag.
    line: usize,
    /// The table's own `title`, with the markers of notes printed in it.
    title_pieces: Vec<Piece>,
    /// Inside the table's own `title`.
    in_title: bool,
    declared_width: Option<usize>,
    /// Column names to 0-based columns.
    columns: HashMap<String, usize>,
    /// Span names to their first and last column names.
    spans: HashMap<String, (String, String)>,
    section: Option<Section>,
    group: usize,
    rows: Vec<RawRow>,
    row: Option<RawRow>,
    cell: Option<OpenCell>,
    /// Note ids referred to from inside the table, in order.
    note_ids: Vec<String>,
    /// Entries read so far (each entry's handle in the grid).
    cells_read: usize,
    blocks_above: Vec<BlockAbove>,
    heading: Option<String>,
}

/// Where text outside tables is being collected.
#[derive(Default)]
struct OpenBlock {
    text: String,
    is_heading: bool,
    depth: usize,
}

struct Reading<'t> {
    text: &'t str,
    lines: LineCounter<'t>,
    outcome: ReadOutcome,
    head: head::HeadReader,
    /// Element names from the root down.
    stack: Vec<String>,
    table: Option<OpenTable>,
    /// Depth of `noot` elements being read (their text is the note's, not the cell's).
    note: Option<NoteReading>,
    notes: HashMap<String, PrintedNote>,
    /// Per finished table (index into `outcome.tables`), the note ids it refers to.
    table_note_ids: Vec<(usize, Vec<String>)>,
    /// Text blocks since the last table, nearest last.
    blocks: Vec<BlockAbove>,
    block: Option<OpenBlock>,
    heading: Option<String>,
    /// Open `nadruk` elements, true for bold ones (`type="vet"`).
    emphasis: Vec<bool>,
    undefined_entities: Vec<String>,
}

/// A `noot` or `voetnoot` being read.
struct NoteReading {
    id: Option<String>,
    marker: String,
    text: Vec<Piece>,
    depth: usize,
    in_marker: bool,
    line: usize,
}

fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.as_ref() == name.as_bytes())
        .map(|attribute| String::from_utf8_lossy(&attribute.value).trim().to_string())
}

/// Elements whose edges break a line inside a cell or block.
fn breaks_line(name: &str) -> bool {
    matches!(name, "al" | "p" | "li" | "lijst" | "br" | "regel" | "tekstregel")
}

/// Elements that make a text block outside tables, and whether they are headings.
fn block_kind(name: &str) -> Option<bool> {
    match name {
        "al" | "p" => Some(false),
        "tussenkop" | "tuskop" | "kop" => Some(true),
        _ => None,
    }
}

impl<'t> Reading<'t> {
    fn new(text: &'t str) -> Reading<'t> {
        Reading {
            text,
            lines: LineCounter::new(text),
            outcome: ReadOutcome::default(),
            head: head::HeadReader::default(),
            stack: Vec::new(),
            table: None,
            note: None,
            notes: HashMap::new(),
            table_note_ids: Vec::new(),
            blocks: Vec::new(),
            block: None,
            heading: None,
            emphasis: Vec::new(),
            undefined_entities: Vec::new(),
        }
    }

    fn run(&mut self) {
        let mut reader = Reader::from_str(self.text);
        reader.config_mut().trim_text(false);
        reader.config_mut().check_end_names = true;
        reader.config_mut().expand_empty_elements = false;
        loop {
            let before = reader.buffer_position() as usize;
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let line = self.lines.line_at(reader.error_position() as usize);
                    self.malformed(line, &error.to_string());
                    return;
                }
            };
            // Only tags and entity references need their line; text moves the counter on later.
            let line = match event {
                Event::Start(_) | Event::Empty(_) | Event::GeneralRef(_) => self.lines.line_at(before),
                _ => 0,
            };
            match event {
                Event::Start(start) => self.open(&start, line, false),
                Event::Empty(start) => {
                    self.open(&start, line, true);
                    self.close(start.name().as_ref());
                }
                Event::End(end) => self.close(end.name().as_ref()),
                Event::Text(text) => self.text_piece(&String::from_utf8_lossy(&text)),
                Event::CData(data) => self.text_piece(&String::from_utf8_lossy(&data)),
                Event::GeneralRef(reference) => {
                    let name = String::from_utf8_lossy(&reference).into_owned();
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(character)) => Some(character.to_string()),
                        _ => quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string),
                    };
                    match resolved {
                        Some(text) => self.text_piece(&text),
                        None => {
                            if !self.undefined_entities.contains(&name) {
                                self.undefined_entities.push(name.clone());
                                self.outcome.warnings.push(Warning::new(
                                    WarningKind::MalformedMarkup,
                                    Location { line: Some(line), ..Location::default() },
                                    format!(
                                        "the entity &{name}; is not defined (entities a document declares are never expanded); it is kept as printed"
                                    ),
                                ));
                            }
                            self.text_piece(&format!("&{name};"));
                        }
                    }
                }
                Event::Eof => {
                    if !self.stack.is_empty() {
                        let open = self.stack.last().cloned().unwrap_or_default();
                        let line = self.lines.line_at(self.text.len());
                        self.malformed(line, &format!("the document ends inside <{open}>"));
                    }
                    return;
                }
                // Processing instructions (<?xpp …?>) stand inside words: skipping them leaves the
                // text on either side joined. Comments, the prolog and a DOCTYPE (whose entities
                // are never expanded) carry nothing to read.
                Event::PI(_) | Event::Comment(_) | Event::Decl(_) | Event::DocType(_) => {}
            }
        }
    }

    /// A document that stops being well-formed: the tables before are kept, a table it stops
    /// inside is kept as far as read and marked truncated.
    fn malformed(&mut self, line: usize, what: &str) {
        self.outcome.warnings.push(Warning::new(
            WarningKind::MalformedMarkup,
            Location { line: Some(line), ..Location::default() },
            format!("the XML is not well-formed at line {line} ({what}); what was read before it is kept"),
        ));
        if let Some(mut table) = self.table.take() {
            if let Some(mut row) = table.row.take() {
                if let Some(open) = table.cell.take() {
                    row.cells.push(open.cell);
                }
                table.rows.push(row);
            }
            self.finish_table(table, Some(line));
        }
    }

    fn open(&mut self, start: &BytesStart<'_>, line: usize, empty: bool) {
        let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
        self.head.open(&name, start, &self.stack);
        if name == "nadruk" {
            // Pushed for an empty element too: its close event pops it again.
            self.emphasis.push(attribute(start, "type").as_deref() == Some("vet"));
        }
        // Notes first: their text belongs to the note wherever it stands.
        if matches!(name.as_str(), "noot" | "voetnoot") {
            let marker = attribute(start, "nr").unwrap_or_default();
            self.note = Some(NoteReading {
                id: attribute(start, "id"),
                marker,
                text: Vec::new(),
                depth: self.stack.len(),
                in_marker: false,
                line,
            });
        } else if let Some(note) = &mut self.note {
            if name == "noot.nr" {
                note.in_marker = true;
            } else if breaks_line(&name) || name == "noot.al" {
                note.text.push(Piece::Break);
            }
        } else if matches!(name.as_str(), "nootref" | "voetref") {
            let id = attribute(start, "refid");
            let marker = attribute(start, "nr")
                .or_else(|| id.as_ref().and_then(|id| self.notes.get(id)).map(|note| note.marker.clone()));
            self.reference_note(id, marker);
        } else if name == "table" && self.table.is_none() {
            self.block = None;
            let mut blocks = std::mem::take(&mut self.blocks);
            blocks.reverse();
            self.table = Some(OpenTable {
                line,
                blocks_above: blocks,
                heading: self.heading.clone(),
                ..OpenTable::default()
            });
        } else if let Some(table) = &mut self.table {
            open_in_table(table, &name, start, line, &self.stack);
        } else if let Some(is_heading) = block_kind(&name)
            && self.block.is_none()
        {
            self.block = Some(OpenBlock { text: String::new(), is_heading, depth: self.stack.len() });
        } else if let Some(block) = &mut self.block
            && breaks_line(&name)
        {
            block.text.push(' ');
        }
        if !empty {
            self.stack.push(name);
        }
    }

    /// A marker that refers to a note: into the cell being read, and the note into the table's.
    fn reference_note(&mut self, id: Option<String>, marker: Option<String>) {
        let Some(table) = &mut self.table else { return };
        if let Some(id) = id
            && !table.note_ids.contains(&id)
        {
            table.note_ids.push(id);
        }
        match (&mut table.cell, marker) {
            (Some(open), Some(marker)) => open.cell.pieces.push(Piece::Marker(marker)),
            (None, Some(marker)) if table.in_title => table.title_pieces.push(Piece::Marker(marker)),
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        let name = String::from_utf8_lossy(name).into_owned();
        if self.stack.last() == Some(&name) {
            self.stack.pop();
        }
        self.head.close(&self.stack);
        if name == "nadruk" {
            self.emphasis.pop();
        }
        if let Some(note) = &mut self.note {
            if name == "noot.nr" {
                note.in_marker = false;
                return;
            }
            if matches!(name.as_str(), "noot" | "voetnoot") && self.stack.len() == note.depth {
                let note = self.note.take().expect("a note is open");
                let text = join_text(&note.text);
                let marker = note.marker.trim().to_string();
                if let Some(id) = &note.id {
                    self.notes.insert(
                        id.clone(),
                        PrintedNote { marker: marker.clone(), text: text.clone(), line: note.line },
                    );
                }
                if self.table.is_some() {
                    self.reference_note(note.id.clone(), Some(marker));
                }
            }
            return;
        }
        if name == "table" && self.stack.iter().all(|open| open != "table") {
            if let Some(table) = self.table.take() {
                self.finish_table(table, None);
            }
            return;
        }
        if let Some(table) = &mut self.table {
            close_in_table(table, &name);
            return;
        }
        if let Some(block) = &self.block
            && self.stack.len() == block.depth
            && block_kind(&name).is_some()
        {
            let block = self.block.take().expect("a block is open");
            let text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                if block.is_heading {
                    self.heading = Some(text.clone());
                }
                self.blocks.push(BlockAbove { text, is_heading: block.is_heading });
                if self.blocks.len() > 3 {
                    self.blocks.remove(0);
                }
            }
        }
    }

    fn text_piece(&mut self, text: &str) {
        if let Some(note) = &mut self.note {
            if note.in_marker {
                note.marker.push_str(text);
            } else {
                note.text.push(Piece::Text(text.to_string()));
            }
            return;
        }
        if let Some(table) = &mut self.table {
            if let Some(open) = &mut table.cell {
                let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                open.all_chars += visible;
                if self.emphasis.contains(&true) {
                    open.bold_chars += visible;
                }
                open.cell.pieces.push(Piece::Text(text.to_string()));
            } else if table.in_title {
                table.title_pieces.push(Piece::Text(text.to_string()));
            }
            return;
        }
        if let Some(block) = &mut self.block {
            block.text.push_str(text);
        }
        self.head.text(text);
    }

    /// Lays out a finished table, interprets it, and adds it to the outcome.
    fn finish_table(&mut self, open: OpenTable, stopped_at: Option<usize>) {
        let index = self.outcome.tables.len();
        let raw = RawTable { rows: open.rows, declared_width: open.declared_width };
        let named_width = open.columns.values().max().map_or(0, |last| last + 1);
        let (raw, width_warning) = fit_declared_width(raw, named_width);
        let grid = grid::lay_out(raw);
        let title = Some(join_text(&open.title_pieces)).filter(|text| !text.is_empty());
        let mut blocks = open.blocks_above;
        let surroundings = Surroundings {
            caption: title,
            blocks_above: &mut || Some(std::mem::take(&mut blocks)),
            notes_after: Vec::new(),
            section: open.heading,
            marked_as_contents: false,
        };
        let Some(Assembled { mut table, mut warnings }) = assemble(&grid, surroundings) else { return };
        table.index = index;
        // A note in the title marks the caption.
        for marker in grid::markers_of(&open.title_pieces) {
            if !table.caption_markers.contains(&marker) {
                table.caption_markers.push(marker);
            }
        }
        let last_line =
            stopped_at.unwrap_or_else(|| grid.rows.last().and_then(|row| row.line).unwrap_or(open.line));
        table.lines = Some((open.line, last_line.max(open.line)));
        warnings.extend(width_warning);
        if stopped_at.is_some() {
            mark_truncated(&mut table, &mut warnings);
        }
        for warning in &mut warnings {
            warning.location.table_index = Some(index);
            if warning.location.line.is_none() && warning.location.row_index.is_none() {
                warning.location.line = Some(open.line);
            }
        }
        self.table_note_ids.push((index, open.note_ids));
        self.outcome.warnings.extend(warnings);
        self.outcome.tables.push(table);
        self.blocks.clear();
    }

    fn finish(mut self) -> XmlDocument {
        // Notes are linked once the whole document is read: the old dialect prints them at its end.
        for (index, ids) in std::mem::take(&mut self.table_note_ids) {
            let Some(table) = self.outcome.tables.get_mut(index) else { continue };
            for id in ids {
                let Some(note) = self.notes.get(&id) else { continue };
                if table.notes.iter().any(|known| known.marker == note.marker && known.text == note.text) {
                    continue;
                }
                table.notes.push(Note {
                    marker: note.marker.clone(),
                    text: note.text.clone(),
                    line: Some(note.line),
                });
            }
        }
        let head = self.head.finish();
        XmlDocument { outcome: self.outcome, head }
    }
}

/// Reads the table markup inside a `table` element (rules 1–3 of the module doc).
fn open_in_table(table: &mut OpenTable, name: &str, start: &BytesStart<'_>, line: usize, stack: &[String]) {
    match name {
        "title" if table.cell.is_none() && stack.last().is_some_and(|parent| parent == "table") => {
            table.in_title = true;
        }
        "tgroup" => {
            if let Some(cols) = attribute(start, "cols").and_then(|cols| cols.parse::<usize>().ok()) {
                table.declared_width = Some(table.declared_width.unwrap_or(0).max(cols));
            }
            table.columns.clear();
        }
        "colspec" => {
            let next = table.columns.len();
            let column = attribute(start, "colnum")
                .and_then(|number| number.parse::<usize>().ok())
                .map_or(next, |number| number.saturating_sub(1));
            if let Some(colname) = attribute(start, "colname") {
                table.columns.insert(colname, column);
            }
        }
        "spanspec" => {
            if let (Some(span), Some(first), Some(last)) =
                (attribute(start, "spanname"), attribute(start, "namest"), attribute(start, "nameend"))
            {
                table.spans.insert(span, (first, last));
            }
        }
        "thead" | "tbody" | "tfoot" => {
            table.section = Some(match name {
                "thead" => Section::Head,
                "tfoot" => Section::Foot,
                _ => Section::Body,
            });
            table.group += 1;
        }
        "row" => {
            table.row = Some(RawRow {
                section: table.section.unwrap_or(Section::Body),
                group: table.group,
                line: Some(line),
                cells: Vec::new(),
            });
        }
        "entry" if table.cell.is_none() => {
            let column_of = |name: Option<String>| name.and_then(|name| column_named(&table.columns, &name));
            let spanned = attribute(start, "spanname").and_then(|span| table.spans.get(&span).cloned());
            let (first, last) = match spanned {
                Some((first, last)) => {
                    (column_named(&table.columns, &first), column_named(&table.columns, &last))
                }
                None => (
                    column_of(attribute(start, "namest")).or_else(|| column_of(attribute(start, "colname"))),
                    column_of(attribute(start, "nameend")),
                ),
            };
            let colspan = match (first, last) {
                (Some(first), Some(last)) if last >= first => last - first + 1,
                _ => 1,
            };
            let rowspan = attribute(start, "morerows")
                .and_then(|more| more.parse::<usize>().ok())
                .map_or(1, |more| more.saturating_add(1));
            table.cells_read += 1;
            let is_head = table.section == Some(Section::Head);
            table.cell = Some(OpenCell {
                cell: RawCell {
                    pieces: Vec::new(),
                    is_header_cell: is_head,
                    bold: false,
                    colspan,
                    rowspan: RowSpan::Rows(rowspan),
                    start_column: first,
                    line: Some(line),
                    origin: table.cells_read - 1,
                },
                bold_chars: 0,
                all_chars: 0,
            });
        }
        _ if table.cell.is_some() && breaks_line(name) => {
            if let Some(open) = &mut table.cell {
                open.cell.pieces.push(Piece::Break);
            }
        }
        _ => {}
    }
}

fn close_in_table(table: &mut OpenTable, name: &str) {
    match name {
        "entry" => {
            if let Some(mut open) = table.cell.take() {
                open.cell.bold = open.all_chars > 0 && open.bold_chars == open.all_chars;
                if let Some(row) = &mut table.row {
                    row.cells.push(open.cell);
                }
            }
        }
        "row" => {
            if let Some(row) = table.row.take() {
                table.rows.push(row);
            }
        }
        "title" => table.in_title = false,
        _ if table.cell.is_some() && breaks_line(name) => {
            if let Some(open) = &mut table.cell {
                open.cell.pieces.push(Piece::Break);
            }
        }
        _ => {}
    }
}

/// The 0-based column a column name stands for: a `colspec` name, else the digits it ends in
/// ("col3", "c3" → column 2, as these documents name columns).
fn column_named(columns: &HashMap<String, usize>, name: &str) -> Option<usize> {
    if let Some(&column) = columns.get(name) {
        return Some(column);
    }
    let digits: String =
        name.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse::<usize>().ok().filter(|&number| number >= 1).map(|number| number - 1)
}

/// A declared width wider than any row reaches is cut to what the rows use, with a warning (a
/// `cols` that disagrees with the entries, or a `cols` bomb, must not make empty columns).
///
/// A column is used when an entry starts in it, or when a span ends in it and a `colspec`
/// declares it (`named_width`: the columns the colspecs declare): a span to a column no colspec
/// names ("col999999") widens nothing.
fn fit_declared_width(mut raw: RawTable, named_width: usize) -> (RawTable, Option<Warning>) {
    let Some(declared) = raw.declared_width else { return (raw, None) };
    let mut used = 0;
    for row in &raw.rows {
        let mut column = 0;
        for cell in &row.cells {
            let start = cell.start_column.unwrap_or(column).max(column);
            let end = start.saturating_add(cell.colspan.max(1));
            used = used.max(start + 1);
            if end <= named_width {
                used = used.max(end);
            }
            column = end;
        }
    }
    if used >= declared || raw.rows.is_empty() {
        return (raw, None);
    }
    raw.declared_width = Some(used);
    let warning = Warning::new(
        WarningKind::RaggedRow,
        Location::default(),
        format!(
            "the table declares {declared} columns but its entries use {used}; the empty columns were left out"
        ),
    );
    (raw, Some(warning))
}

/// Marks a table the document stops inside: a warning, and every cell flagged.
fn mark_truncated(table: &mut Table, warnings: &mut Vec<Warning>) {
    table.truncated = true;
    warnings.push(Warning::new(
        WarningKind::TruncatedTable,
        Location::table(table.index, table.lines.map(|(start, _)| start)),
        "the document stops being readable inside this table; the rows read so far are kept",
    ));
    for row in &mut table.rows {
        for cell in &mut row.cells {
            cell.flag(CellFlag::TruncatedTable);
        }
    }
}
