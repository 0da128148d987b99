//! Truth pages printed as official publication XML (KOOP "officiele-publicatie", the XML behind
//! zoek.officielebekendmakingen.nl), with their tables as CALS tables, following two real budget
//! Kamerstukken (kst-37020-X-1, kst-35470-XIV-4) and the notes of a real letter (kst-28844-269).
//!
//! The document: the XML prolog; `<officiele-publicatie>` with a `<metadata>` record naming the
//! publication; a `<kamerstuk>` with its `<kamerstukkop>` (vergaderjaar, chamber), its `<dossier>`
//! (`dossiernummer/dossiernr`, a `begrotingshoofdstuk` when the truth has a chapter, the dossier
//! `titel`) and its `<stuk>` (`stuknr`, `titel`, then `algemeen/vrije-tekst/divisie` with a
//! `kop/titel` and the page's opening paragraphs as `<al>`s). Each table follows a paragraph of
//! prose; a table with a section heading sits in a `divisie` of its own under a `kop/titel`.
//!
//! The head is written from the truth's `doc` (year, type, chapter) the way such a Kamerstuk
//! heads itself ([`head_of`]): "Vaststelling van de begrotingsstaten van het Ministerie van …
//! (VI) voor het jaar 2022" with "MEMORIE VAN TOELICHTING" for an OWB, "Jaarverslag en slotwet …
//! 2010" for a JV, "Miljoenennota 2023" for the MN, and so on. The dossier and stuk numbers come
//! from the truth's address when it is a kamerstuk id (`kst-35925-VII-50`); otherwise the dossier
//! number is the made-up "99 999" (nothing scores it).
//!
//! A table, in either [`CalsStyle`]:
//! - `<table>` with a `<title>` "Tabel N Title (bedragen x € 1.000)" (the unit as "bedragen …"
//!   when it starts with "x", left out when the stub header says it; no `title` when the truth
//!   has neither number, title nor unit), then `<tgroup cols="N">` with a `colspec` per column;
//! - every cell an `<entry>` naming its column (`colname="colK"`), a span over columns as
//!   `namest`/`nameend`, a span down as `morerows`; cell text in `<al>`s (a stub name printed over
//!   two lines is two `<al>`s); an empty cell a self-closing `<entry colname="colK"/>`; stub
//!   entries carry `thscope="row"` and figure entries `align="right"`, as the real files do;
//! - totals (every cell) and group labels in `<nadruk type="vet">`; a group row is its label and
//!   empty entries; a spacer row all empty entries (kst-37020-X-1);
//! - a footnote marker is the note itself, `<noot id="…" type="tabel"><noot.nr>1</noot.nr>
//!   <noot.al>text</noot.al></noot>`, at the marker's first use in the table (title, then header
//!   rows, then body rows, in print order), and `<nootref refid="…"/>` at every later use; the
//!   note text stands directly in `noot.al`, as in kst-28844-269 (no `al` inside). A marker the
//!   truth prints no note for (the seed's "*") is `<sup>*</sup>`: there is no note to print. A note
//!   the table never refers to (no page has one) is printed in the title, after the caption, so
//!   every note text of the truth is printed once.
//!
//! Text is printed as the truth has it (U+2012 minus signs and all); `&`, `<` and `>` are escaped.

use std::fmt::Write as _;

use super::layout::{
    HeadCell, ShortHeaders, SpanningLabel, caption_text, header_rows, repeated_header, stub_cells,
    unit_in_caption,
};
use super::truth::{RowRole, TruthPage, TruthTable};

/// How a table's header is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalsStyle {
    /// Header rows in a `<thead>`, a part shorter than the header spanning down (`morerows`), a
    /// label over several stub columns in the last stub column after empty entries
    /// (kst-37020-X-1).
    Thead,
    /// No `<thead>`: the header rows are the first rows of the `<tbody>`, their text bold
    /// (`nadruk type="vet"`), a part shorter than the header in the bottom row under empty
    /// entries (kst-35470-XIV-4); a label over several stub columns as one entry with
    /// `namest`/`nameend`.
    HeaderInBody,
}

impl CalsStyle {
    /// Every style.
    pub const ALL: [CalsStyle; 2] = [CalsStyle::Thead, CalsStyle::HeaderInBody];

    /// A short name for reports and file names.
    pub fn name(self) -> &'static str {
        match self {
            CalsStyle::Thead => "cals-thead",
            CalsStyle::HeaderInBody => "cals-header-in-body",
        }
    }
}

/// Escapes text for XML content and attribute values.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The whole publication in [`CalsStyle::Thead`].
pub fn render_publication(page: &TruthPage) -> String {
    render_publication_in(page, CalsStyle::Thead)
}

/// The head of the Kamerstuk a page is printed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// "35 925".
    pub dossier: String,
    /// The budget chapter, when the truth has one.
    pub chapter: Option<String>,
    /// The dossier's title.
    pub title: String,
    /// The stuk number.
    pub stuk: String,
    /// The stuk's heading.
    pub heading: String,
    /// "2021‒2022".
    pub vergaderjaar: String,
}

/// What a budget chapter is called, and whether its budget is a ministry's (whose budget is
/// "de begrotingsstaten van het Ministerie van …") or one budget statement ("de begrotingsstaat
/// van het Gemeentefonds").
fn chapter_name(chapter: &str) -> (&'static str, bool) {
    match chapter {
        "I" => ("de Koning", false),
        "IIA" => ("de Staten-Generaal", false),
        "IIB" => {
            ("de overige Hoge Colleges van Staat, de Kabinetten van de Gouverneurs en de Kiesraad", false)
        }
        "III" => ("Algemene Zaken", true),
        "IV" => ("Koninkrijksrelaties", false),
        "V" => ("Buitenlandse Zaken", true),
        "VI" => ("Justitie en Veiligheid", true),
        "VII" => ("Binnenlandse Zaken en Koninkrijksrelaties", true),
        "VIII" => ("Onderwijs, Cultuur en Wetenschap", true),
        "IX" | "IXB" => ("Financiën", true),
        "IXA" => ("de Nationale Schuld", false),
        "X" => ("Defensie", true),
        "XII" => ("Infrastructuur en Waterstaat", true),
        "XIII" => ("Economische Zaken en Klimaat", true),
        "XIV" => ("Landbouw, Natuur en Voedselkwaliteit", true),
        "XV" => ("Sociale Zaken en Werkgelegenheid", true),
        "XVI" => ("Volksgezondheid, Welzijn en Sport", true),
        "XVII" => ("Buitenlandse Handel en Ontwikkelingssamenwerking", true),
        "XVIII" => ("Volkshuisvesting en Ruimtelijke Ordening", true),
        "XIX" => ("Klimaat en Groene Groei", true),
        "A" => ("het Infrastructuurfonds", false),
        "B" => ("het Gemeentefonds", false),
        "C" => ("het Provinciefonds", false),
        "F" => ("het Diergezondheidsfonds", false),
        "H" => ("het BES-fonds", false),
        "J" => ("het Deltafonds", false),
        "K" => ("het Defensiematerieelbegrotingsfonds", false),
        _ => ("de begroting", false),
    }
}

/// "begrotingsstaten van het Ministerie van Defensie (X)" or "begrotingsstaat van het
/// Gemeentefonds (B)".
fn budget_of(chapter: Option<&str>) -> String {
    let Some(chapter) = chapter else { return "begrotingsstaat van het Rijk".to_string() };
    match chapter_name(chapter) {
        (name, true) => format!("begrotingsstaten van het Ministerie van {name} ({chapter})"),
        (name, false) => format!("begrotingsstaat van {name} ({chapter})"),
    }
}

/// "Ministerie van Defensie" or "Gemeentefonds", as a jaarverslag's title names it.
fn reporter(chapter: Option<&str>) -> String {
    let Some(chapter) = chapter else { return "het Rijk".to_string() };
    match chapter_name(chapter) {
        (name, true) => format!("Ministerie van {name}"),
        (name, false) => name.trim_start_matches("het ").trim_start_matches("de ").to_string(),
    }
}

/// The dossier, chapter and stuk number of a kamerstuk id in the address (`kst-35925-VII-50`).
fn kamerstuk_id(url: &str) -> Option<(String, Option<String>, String)> {
    let id = url.split('/').find_map(|part| part.strip_prefix("kst-"))?;
    let id = id.split('.').next()?;
    let parts: Vec<&str> = id.split('-').collect();
    let (dossier, chapter, stuk) = match parts.as_slice() {
        [dossier, stuk] => (*dossier, None, *stuk),
        [dossier, chapter, stuk, ..] => (*dossier, Some(chapter.to_string()), *stuk),
        _ => return None,
    };
    if dossier.len() != 5 || !dossier.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((format!("{} {}", &dossier[..2], &dossier[2..]), chapter, stuk.to_string()))
}

/// The Kamerstuk head a page is printed under, from its truth `doc` (see the module doc).
pub fn head_of(page: &TruthPage) -> Head {
    let doc = page.scored.get("doc");
    let field = |key: &str| doc.and_then(|doc| doc.get(key)).and_then(|v| v.as_str()).map(str::to_string);
    let year = doc.and_then(|doc| doc.get("year")).and_then(|v| v.as_i64()).unwrap_or(2000);
    let doc_type = field("doc_type").unwrap_or_default();
    let chapter = field("chapter");
    let chapter_ref = chapter.as_deref();
    let mvt = "MEMORIE VAN TOELICHTING".to_string();
    // The session the paper is printed in: a budget and its notes in the autumn before the year,
    // the spring suppletoire and the Voorjaarsnota during it, reports and the autumn suppletoire
    // in the session after.
    let session_start = match doc_type.as_str() {
        "JV" | "slotwet" | "FJR" | "2SUPP" | "NJN" => year,
        _ => year - 1,
    };
    let (title, heading, stuk) = match doc_type.as_str() {
        "OWB" => (format!("Vaststelling van de {} voor het jaar {year}", budget_of(chapter_ref)), mvt, "2"),
        "NvW" => (
            format!("Vaststelling van de {} voor het jaar {year}", budget_of(chapter_ref)),
            "NOTA VAN WIJZIGING".to_string(),
            "6",
        ),
        "1SUPP" => (
            format!(
                "Wijziging van de {} voor het jaar {year} (wijziging samenhangende met de Voorjaarsnota)",
                budget_of(chapter_ref)
            ),
            mvt,
            "2",
        ),
        "2SUPP" => (
            format!(
                "Wijziging van de {} voor het jaar {year} (wijziging samenhangende met de Najaarsnota)",
                budget_of(chapter_ref)
            ),
            mvt,
            "2",
        ),
        "JV" => (
            format!("Jaarverslag en slotwet {} {year}", reporter(chapter_ref)),
            format!("JAARVERSLAG VAN {}", reporter(chapter_ref).to_uppercase()),
            "1",
        ),
        "slotwet" => (format!("Jaarverslag en slotwet {} {year}", reporter(chapter_ref)), mvt, "2"),
        "FJR" => (
            format!("Financieel jaarverslag van het Rijk {year}"),
            "FINANCIEEL JAARVERSLAG VAN HET RIJK".to_string(),
            "1",
        ),
        "MN" => (format!("Miljoenennota {year}"), format!("MILJOENENNOTA {year}"), "2"),
        "VJN" => (format!("Voorjaarsnota {year}"), "BRIEF VAN DE MINISTER VAN FINANCIËN".to_string(), "1"),
        "NJN" => (format!("Najaarsnota {year}"), "BRIEF VAN DE MINISTER VAN FINANCIËN".to_string(), "1"),
        other => panic!("{}: no Kamerstuk head for document type {other:?}", page.name),
    };
    let (dossier, stuk) = match kamerstuk_id(&page.url) {
        Some((dossier, _, stuk)) => (dossier, stuk),
        None => ("99 999".to_string(), stuk.to_string()),
    };
    Head {
        dossier,
        chapter,
        title,
        stuk,
        heading,
        vergaderjaar: format!("{session_start}\u{2012}{}", session_start + 1),
    }
}

/// One page as an official publication in `style` (see the module doc).
pub fn render_publication_in(page: &TruthPage, style: CalsStyle) -> String {
    let head = head_of(page);
    let identifier = format!(
        "kst-{}{}-{}",
        head.dossier.replace(' ', ""),
        head.chapter.as_deref().map(|c| format!("-{c}")).unwrap_or_default(),
        head.stuk
    );
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(
        "<officiele-publicatie xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"https://repository.officiele-overheidspublicaties.nl/Schema/OP/2012-04-13/xsd/op-xsd-2012-04-13.xsd\">\n",
    );
    let _ = writeln!(
        xml,
        "  <metadata>\n    <meta name=\"OVERHEIDop.externMetadataRecord\" scheme=\"\" content=\"https://zoek.officielebekendmakingen.nl/{identifier}/metadata.xml\" />\n  </metadata>"
    );
    xml.push_str("  <kamerstuk>\n    <kamerstukkop>\n");
    let _ = writeln!(
        xml,
        "      <tekstregel inhoud=\"vergaderjaar\">Vergaderjaar {}</tekstregel>",
        esc(&head.vergaderjaar)
    );
    xml.push_str(
        "      <tekstregel inhoud=\"kameraanduiding\">Tweede Kamer der Staten-Generaal</tekstregel>\n\
         \x20     <tekstregel inhoud=\"kamernummer\">2</tekstregel>\n\
         \x20     <tekstregel inhoud=\"documenttype\">Kamerstukken</tekstregel>\n    </kamerstukkop>\n",
    );
    xml.push_str("    <dossier>\n      <dossiernummer>\n");
    let _ = writeln!(xml, "        <dossiernr>{}</dossiernr>", esc(&head.dossier));
    if let Some(chapter) = &head.chapter {
        let _ = writeln!(xml, "        <begrotingshoofdstuk>{}</begrotingshoofdstuk>", esc(chapter));
    }
    let _ =
        writeln!(xml, "      </dossiernummer>\n      <titel>{}</titel>\n    </dossier>", esc(&head.title));
    let _ = writeln!(
        xml,
        "    <stuk>\n      <stuknr>Nr. <ondernummer kamer=\"2\">{}</ondernummer></stuknr>\n      <titel>{}</titel>",
        esc(&head.stuk),
        esc(&head.heading)
    );
    xml.push_str("      <algemeen>\n        <vrije-tekst>\n          <divisie opmaak=\"default\">\n");
    let (heading, paragraphs) = match page.opening.split_first() {
        Some((first, rest)) => (first.clone(), rest),
        None => (head.heading.clone(), &[][..]),
    };
    let _ = writeln!(
        xml,
        "            <kop font-kleur=\"6\" kopopmaak=\"vet\">\n              <titel>{}</titel>\n            </kop>",
        esc(&heading)
    );
    for paragraph in paragraphs {
        let _ = writeln!(xml, "            <al>{}</al>", esc(paragraph));
    }
    for (index, table) in page.tables.iter().enumerate() {
        let indent = if table.section.is_some() { "              " } else { "            " };
        if let Some(section) = &table.section {
            let _ = writeln!(
                xml,
                "            <divisie opmaak=\"default\">\n              <kop font-kleur=\"6\" kopopmaak=\"vet\">\n                <titel>{}</titel>\n              </kop>",
                esc(section)
            );
        }
        let _ = writeln!(
            xml,
            "{indent}<al>Hieronder volgt overzicht {} van deze pagina, met een toelichting.</al>",
            index + 1
        );
        let mut printer = TablePrinter::new(table, index, style, indent);
        printer.table();
        xml.push_str(&printer.xml);
        if table.section.is_some() {
            xml.push_str("            </divisie>\n");
        }
    }
    xml.push_str(
        "          </divisie>\n        </vrije-tekst>\n      </algemeen>\n    </stuk>\n  </kamerstuk>\n</officiele-publicatie>\n",
    );
    xml
}

/// The notes of a table the table never refers to: no marker in its caption, header or rows.
pub fn unreferenced_notes(table: &TruthTable) -> Vec<(String, String)> {
    let mut used: Vec<&String> = table.caption_markers.iter().collect();
    used.extend(table.columns.iter().flat_map(|column| &column.markers));
    used.extend(table.rows.iter().flat_map(|row| &row.markers));
    table.notes.iter().filter(|(marker, _)| !used.contains(&marker)).cloned().collect()
}

/// A marker as an id part ("*" is "ster1").
fn marker_id(marker: &str) -> String {
    if marker.chars().all(|c| c == '*') {
        format!("ster{}", marker.len())
    } else {
        marker.chars().filter(char::is_ascii_alphanumeric).collect()
    }
}

/// Prints one table, keeping track of which notes are printed already.
struct TablePrinter<'t> {
    table: &'t TruthTable,
    index: usize,
    style: CalsStyle,
    indent: &'static str,
    /// Markers whose note is printed (later uses are `nootref`s).
    printed: Vec<String>,
    xml: String,
}

impl<'t> TablePrinter<'t> {
    fn new(table: &'t TruthTable, index: usize, style: CalsStyle, indent: &'static str) -> TablePrinter<'t> {
        TablePrinter { table, index, style, indent, printed: Vec::new(), xml: String::new() }
    }

    fn line(&mut self, depth: usize, text: &str) {
        self.xml.push_str(self.indent);
        for _ in 0..depth {
            self.xml.push_str("  ");
        }
        self.xml.push_str(text);
        self.xml.push('\n');
    }

    /// The note of `marker`: the note itself at its first use, a reference after; `<sup>` for a
    /// marker without a note.
    fn marker(&mut self, marker: &str) -> String {
        let Some((_, text)) = self.table.notes.iter().find(|(known, _)| known == marker) else {
            return format!("<sup>{}</sup>", esc(marker));
        };
        let id = format!("ID-t{}-n{}", self.index + 1, marker_id(marker));
        if self.printed.iter().any(|known| known == marker) {
            return format!("<nootref refid=\"{id}\"/>");
        }
        self.printed.push(marker.to_string());
        format!(
            "<noot id=\"{id}\" type=\"tabel\"><noot.nr>{}</noot.nr><noot.al>{}</noot.al></noot>",
            esc(marker),
            esc(text)
        )
    }

    fn markers(&mut self, markers: &[String]) -> String {
        markers.iter().map(|marker| self.marker(marker)).collect()
    }

    /// "(bedragen x € 1.000)", or the unit in parentheses when it is not an amount.
    fn unit(&self) -> Option<String> {
        let unit = unit_in_caption(self.table)?;
        let inner = unit.trim_start_matches('(').trim_end_matches(')');
        Some(if inner.starts_with(['x', '×']) { format!("(bedragen {inner})") } else { unit })
    }

    fn table(&mut self) {
        let table = self.table;
        self.line(
            0,
            "<table rowsep=\"0\" colsep=\"0\" tabstyle=\"kio2\" frame=\"topbot\" pgwide=\"1\" pdf-table-positioning=\"normaal\" tablebreak=\"yes\">",
        );
        let mut caption = esc(&caption_text(table));
        if let Some(unit) = self.unit() {
            if !caption.is_empty() {
                caption.push(' ');
            }
            caption.push_str(&esc(&unit));
        }
        let mut title_markers = table.caption_markers.clone();
        title_markers.extend(unreferenced_notes(table).into_iter().map(|(marker, _)| marker));
        if !caption.is_empty() || !title_markers.is_empty() {
            let markers = self.markers(&title_markers);
            self.line(1, &format!("<title>{caption}{markers}</title>"));
        }
        let width = table.width();
        self.line(1, &format!("<tgroup tgroupstyle=\"kio2\" cols=\"{width}\">"));
        let stub_width = 40 / table.stub_columns.max(1);
        let figure_width = if table.columns.is_empty() { 0 } else { 60 / table.columns.len() };
        for column in 1..=width {
            let colwidth = if column <= table.stub_columns { stub_width } else { figure_width.max(1) };
            self.line(
                2,
                &format!("<colspec colnum=\"{column}\" colname=\"col{column}\" colwidth=\"{colwidth}*\" />"),
            );
        }
        let (short, bold_header) = match self.style {
            CalsStyle::Thead => (ShortHeaders::SpanDown, false),
            CalsStyle::HeaderInBody => (ShortHeaders::Bottom, true),
        };
        let header = header_rows(table, short);
        match self.style {
            CalsStyle::Thead if !header.is_empty() => {
                self.line(2, "<thead>");
                self.header(&header, bold_header);
                self.line(2, "</thead>");
                self.line(2, "<tbody>");
            }
            CalsStyle::Thead => self.line(2, "<tbody>"),
            CalsStyle::HeaderInBody => {
                self.line(2, "<tbody>");
                self.header(&header, bold_header);
            }
        }
        for row in &table.rows {
            self.row(row);
        }
        self.line(2, "</tbody>");
        self.line(1, "</tgroup>");
        self.line(0, "</table>");
    }

    /// An entry: where it starts and how far it spans, its paragraphs (already marked up) and
    /// whether it is a stub or figure entry.
    fn entry(
        &mut self,
        start: usize,
        colspan: usize,
        rowspan: usize,
        paragraphs: &[String],
        kind: EntryKind,
    ) {
        let mut attributes = String::from("colsep=\"0\" rotate=\"0\"");
        if kind == EntryKind::Stub {
            attributes.push_str(" thscope=\"row\"");
        }
        if colspan > 1 {
            let _ = write!(attributes, " namest=\"col{}\" nameend=\"col{}\"", start + 1, start + colspan);
        } else {
            let _ = write!(attributes, " colname=\"col{}\"", start + 1);
        }
        if rowspan > 1 {
            let _ = write!(attributes, " morerows=\"{}\"", rowspan - 1);
        }
        attributes.push_str(" valign=\"top\"");
        if kind == EntryKind::Figure {
            attributes.push_str(" align=\"right\"");
        }
        if paragraphs.is_empty() {
            self.line(4, &format!("<entry {attributes} />"));
            return;
        }
        self.line(4, &format!("<entry {attributes}>"));
        for paragraph in paragraphs {
            self.line(5, &format!("<al>{paragraph}</al>"));
        }
        self.line(4, "</entry>");
    }

    /// The header rows, each cell at the column its row's spans from above leave it.
    fn header(&mut self, rows: &[Vec<HeadCell>], bold: bool) {
        let width = self.table.width();
        let mut covered = vec![0_usize; width];
        for row in rows {
            self.line(3, "<row rowsep=\"1\">");
            let mut column = 0;
            for cell in row {
                while column < width && covered[column] > 0 {
                    column += 1;
                }
                let mut text = esc(&cell.text);
                if bold && !text.is_empty() {
                    text = format!("<nadruk type=\"vet\">{text}</nadruk>");
                }
                text.push_str(&self.markers(&cell.markers));
                let paragraphs = if text.is_empty() { Vec::new() } else { vec![text] };
                let kind = if cell.stub { EntryKind::Stub } else { EntryKind::Header };
                self.entry(column, cell.colspan, cell.rowspan, &paragraphs, kind);
                for slot in covered.iter_mut().skip(column).take(cell.colspan) {
                    *slot = cell.rowspan;
                }
                column += cell.colspan;
            }
            for slot in &mut covered {
                *slot = slot.saturating_sub(1);
            }
            self.line(3, "</row>");
        }
    }

    fn row(&mut self, row: &super::truth::TruthRow) {
        let table = self.table;
        let width = table.width();
        match row.role {
            RowRole::Spacer => {
                self.line(3, "<row rowsep=\"0\">");
                for column in 0..width {
                    let kind = if column < table.stub_columns { EntryKind::Stub } else { EntryKind::Figure };
                    self.entry(column, 1, 1, &[], kind);
                }
                self.line(3, "</row>");
                return;
            }
            RowRole::RepeatedHeader => {
                let (stub, cells) = repeated_header(table);
                self.line(3, "<row rowsep=\"1\">");
                for (column, text) in stub.iter().chain(&cells).enumerate() {
                    let paragraphs = if text.is_empty() { Vec::new() } else { vec![esc(text)] };
                    let kind = if column < table.stub_columns { EntryKind::Stub } else { EntryKind::Header };
                    self.entry(column, 1, 1, &paragraphs, kind);
                }
                self.line(3, "</row>");
                return;
            }
            _ => {}
        }
        let bold_label = matches!(row.role, RowRole::Total | RowRole::Group);
        let bold_figures = row.role == RowRole::Total;
        let vet = |text: String, bold: bool| {
            if bold && !text.is_empty() { format!("<nadruk type=\"vet\">{text}</nadruk>") } else { text }
        };
        let spanning = match self.style {
            CalsStyle::Thead => SpanningLabel::LastColumn,
            CalsStyle::HeaderInBody => SpanningLabel::Colspan,
        };
        self.line(3, "<row rowsep=\"0\">");
        let mut column = 0;
        for cell in stub_cells(table, row, spanning) {
            let mut paragraphs: Vec<String> =
                cell.paragraphs.iter().map(|text| vet(esc(text), bold_label)).collect();
            if !cell.markers.is_empty() {
                let markers = self.markers(&cell.markers);
                match paragraphs.last_mut() {
                    Some(last) => last.push_str(&markers),
                    None => paragraphs.push(markers),
                }
            }
            self.entry(column, cell.colspan, 1, &paragraphs, EntryKind::Stub);
            column += cell.colspan;
        }
        for (at, column) in (column..width).enumerate() {
            let text = match row.role {
                RowRole::Group => String::new(),
                _ => row.cells.get(at).map(|text| vet(esc(text), bold_figures)).unwrap_or_default(),
            };
            let paragraphs = if text.is_empty() { Vec::new() } else { vec![text] };
            self.entry(column, 1, 1, &paragraphs, EntryKind::Figure);
        }
        self.line(3, "</row>");
    }
}

/// Which kind of column an entry stands in (for the attributes real entries carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Stub,
    Header,
    Figure,
}
