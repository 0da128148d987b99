//! Truth tables printed as HTML pages, in the markup styles budget tables are published in.
//!
//! Each [`Style`] combines the variations the way one kind of site does (the page furniture of
//! the real sites — menus, scripts — is left out: other fixtures test that):
//! - [`Style::Rijksfinancien`]: each table in a `div.table-container` with its caption in a
//!   `p.table-title` above it ("Tabel N Title (unit)"); a `<thead>` of `<th>`s, a part shorter than
//!   the header spanning down (`rowspan`); stub and figures in `<td>`s; a label over several stub
//!   columns as one `colspan` cell; group and spacer rows padded with empty cells; totals and
//!   group labels in `<strong>`; markers as `<sup>`; notes as paragraphs in a `div` under the
//!   table.
//! - [`Style::Bekendmakingen`] (officielebekendmakingen.nl): a `<caption>`; no `<thead>`, the header
//!   rows are `<td>` rows at the top of the `<tbody>`, a part shorter than the header printed in
//!   the bottom row; every cell's text in a `<p>`; a group row is one `<td>` from its label to the
//!   end of the row; a spacer row one empty `<td>` spanning it; a label over several stub columns
//!   sits in the last, after empty stub cells; markers as
//!   `<sup><a class="nootnum" href="#…">…</a></sup>`, linked to notes in a `div.tabelnoten` under
//!   the table, each note a marker link and a paragraph.
//! - [`Style::WordExport`] (a table saved from Word): a numbered caption as a `p.MsoCaption` above
//!   the table with the unit as a paragraph under it (a caption without a number as an `<h4>`);
//!   header rows as `<td>`s in bold; every cell a `<p class=MsoNormal><span>` with widths and
//!   Word's inline styles, an empty cell an `&nbsp;` paragraph; a label over several stub columns
//!   as one `colspan` cell; totals bold (`<b>`); markers as `<sup>`; notes in a `<tfoot>` cell;
//!   Word's row of empty width cells at the end of the body.
//! - [`Style::Plain`]: an `<h3>` above a bare `<table border=1>`; no `<thead>`, the header rows are
//!   `<th>` rows; the stub cells are row headers (`<th scope=row>`), a label over several stub
//!   columns in the last; group and spacer rows padded with empty cells; markers as plain
//!   `<sup>`; notes as paragraphs that print their marker as text ("1 Het aantal …").
//!
//! A table without any header text prints no header row. The unit follows the title in
//! parentheses unless the stub header already says it. A title with neither a number nor a unit
//! in the first style's paragraph does not read as a caption (a paragraph is one only with
//! "Tabel N" or a unit): those tables are found by their rows, as the scorer allows.

use std::fmt::Write as _;

use super::layout::{
    ShortHeaders, SpanningLabel, caption_text, caption_with_unit, header_rows, repeated_header, stub_cells,
    unit_in_caption, unit_line,
};
use super::truth::{RowRole, TruthPage, TruthTable};

/// A markup style (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// rijksfinancien.nl.
    Rijksfinancien,
    /// officielebekendmakingen.nl.
    Bekendmakingen,
    /// A table exported from Word.
    WordExport,
    /// A minimal hand-written table.
    Plain,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 4] =
        [Style::Rijksfinancien, Style::Bekendmakingen, Style::WordExport, Style::Plain];

    /// A short name for reports and file names.
    pub fn name(self) -> &'static str {
        match self {
            Style::Rijksfinancien => "rijksfinancien",
            Style::Bekendmakingen => "bekendmakingen",
            Style::WordExport => "word-export",
            Style::Plain => "plain",
        }
    }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One page in `style`: the page's opening paragraphs, then every table of the truth page with
/// its caption and notes, a paragraph of prose before each (so a table's notes end where the next
/// table's text starts).
pub fn render_page(page: &TruthPage, style: Style) -> String {
    let mut html = String::new();
    let title = page.opening.first().unwrap_or(&page.name);
    match style {
        Style::WordExport => {
            let _ = write!(
                html,
                "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" \
                 xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n<head>\n\
                 <meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n\
                 <meta name=Generator content=\"Microsoft Word 15 (filtered)\">\n<title>{}</title>\n\
                 <style>\n<!--\n p.MsoNormal {{margin:0cm; font-size:11.0pt;}}\n p.MsoCaption {{font-size:9.0pt; color:#44546A;}}\n-->\n</style>\n\
                 </head>\n<body lang=NL>\n<div class=WordSection1>\n",
                esc(title)
            );
            for paragraph in &page.opening {
                let _ = writeln!(html, "<p class=MsoNormal>{}</p>", esc(paragraph));
            }
        }
        _ => {
            let _ = write!(
                html,
                "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n<main>\n",
                esc(title)
            );
            for paragraph in &page.opening {
                let _ = writeln!(html, "<p>{}</p>", esc(paragraph));
            }
        }
    }
    for (index, table) in page.tables.iter().enumerate() {
        if let Some(section) = &table.section {
            let _ = writeln!(html, "<h2>{}</h2>", esc(section));
        }
        let _ = writeln!(
            html,
            "<p>Hieronder volgt overzicht {} van deze pagina, met een toelichting.</p>",
            index + 1
        );
        match style {
            Style::Rijksfinancien => rijksfinancien(&mut html, table),
            Style::Bekendmakingen => bekendmakingen(&mut html, table, index),
            Style::WordExport => word_export(&mut html, table),
            Style::Plain => plain(&mut html, table),
        }
    }
    html.push_str(match style {
        Style::WordExport => "</div>\n</body>\n</html>\n",
        _ => "</main>\n</body>\n</html>\n",
    });
    html
}

/// `colspan`/`rowspan` attributes, only where they are not 1.
fn spans(colspan: usize, rowspan: usize) -> String {
    let mut out = String::new();
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
    if rowspan > 1 {
        let _ = write!(out, " rowspan=\"{rowspan}\"");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// rijksfinancien.nl

fn sup_plain(markers: &[String]) -> String {
    markers.iter().map(|m| format!("<sup>{}</sup>", esc(m))).collect()
}

fn rijksfinancien(html: &mut String, table: &TruthTable) {
    html.push_str("<div class=\"table-container\">\n");
    let caption = caption_with_unit(table);
    if !caption.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"table-title\">{}{}</p>",
            esc(&caption),
            sup_plain(&table.caption_markers)
        );
    }
    html.push_str("<table class=\"table table--financial\">\n");
    let header = header_rows(table, ShortHeaders::SpanDown);
    if !header.is_empty() {
        html.push_str("<thead>\n");
        for row in &header {
            html.push_str("<tr>");
            for cell in row {
                let _ = write!(
                    html,
                    "<th scope=\"col\"{}>{}{}</th>",
                    spans(cell.colspan, cell.rowspan),
                    esc(&cell.text),
                    sup_plain(&cell.markers)
                );
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</thead>\n");
    }
    html.push_str("<tbody>\n");
    for row in &table.rows {
        match row.role {
            RowRole::Spacer => {
                html.push_str("<tr class=\"spacer\">");
                for _ in 0..table.width() {
                    html.push_str("<td>&nbsp;</td>");
                }
                html.push_str("</tr>\n");
                continue;
            }
            RowRole::RepeatedHeader => {
                let (stub, cells) = repeated_header(table);
                html.push_str("<tr class=\"header-repeat\">");
                for text in stub.iter().chain(&cells) {
                    let _ = write!(html, "<th>{}</th>", esc(text));
                }
                html.push_str("</tr>\n");
                continue;
            }
            _ => {}
        }
        let strong = row.role == RowRole::Total || row.role == RowRole::Group;
        let wrap = |text: &str| {
            if strong && !text.is_empty() { format!("<strong>{text}</strong>") } else { text.to_string() }
        };
        let class = match row.role {
            RowRole::Total => " class=\"total\"",
            RowRole::Group => " class=\"group\"",
            RowRole::Waarvan => " class=\"waarvan\"",
            _ => "",
        };
        let _ = write!(html, "<tr{class}>");
        for cell in stub_cells(table, row, SpanningLabel::Colspan) {
            let _ = write!(
                html,
                "<td{}>{}{}</td>",
                spans(cell.colspan, 1),
                wrap(&esc(&cell.paragraphs.join(" "))),
                sup_plain(&cell.markers)
            );
        }
        if row.role == RowRole::Group {
            for _ in 0..table.columns.len() {
                html.push_str("<td></td>");
            }
        } else {
            for text in &row.cells {
                let _ = write!(html, "<td class=\"text-right\">{}</td>", wrap(&esc(text)));
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    if !table.notes.is_empty() {
        html.push_str("<div class=\"table-footnotes\">\n");
        for (marker, text) in &table.notes {
            let _ = writeln!(html, "<p><sup>{}</sup> {}</p>", esc(marker), esc(text));
        }
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n");
}

// ---------------------------------------------------------------------------------------------
// officielebekendmakingen.nl

/// A marker linked to its note, as officielebekendmakingen prints it; `table` keeps the ids of
/// two tables on a page apart.
fn sup_linked(markers: &[String], table: usize) -> String {
    markers
        .iter()
        .map(|m| format!("<sup><a class=\"nootnum\" href=\"#t{table}n{}\">{}</a></sup>", note_id(m), esc(m)))
        .collect()
}

/// A marker as an id ("*" is "ster1").
fn note_id(marker: &str) -> String {
    if marker.chars().all(|c| c == '*') { format!("ster{}", marker.len()) } else { marker.to_string() }
}

fn bekendmakingen(html: &mut String, table: &TruthTable, index: usize) {
    let _ = writeln!(html, "<div class=\"tabel\" id=\"tabel{index}\">");
    html.push_str("<table class=\"tabel kio2 frame-topbot\">\n");
    let caption = caption_with_unit(table);
    if !caption.is_empty() {
        let _ = writeln!(
            html,
            "<caption class=\"tabeltitel\">{}{}</caption>",
            esc(&caption),
            sup_linked(&table.caption_markers, index)
        );
    }
    let width = table.width();
    html.push_str("<tbody>\n");
    let p = |text: &str| {
        format!("<p>{}</p>", if text.is_empty() { "&nbsp;".to_string() } else { text.to_string() })
    };
    for row in header_rows(table, ShortHeaders::Bottom) {
        html.push_str("<tr class=\"kop\">");
        for cell in row {
            let _ = write!(
                html,
                "<td{}>{}</td>",
                spans(cell.colspan, cell.rowspan),
                p(&format!("{}{}", esc(&cell.text), sup_linked(&cell.markers, index)))
            );
        }
        html.push_str("</tr>\n");
    }
    for row in &table.rows {
        match row.role {
            RowRole::Spacer => {
                let _ = writeln!(html, "<tr><td colspan=\"{width}\">{}</td></tr>", p(""));
                continue;
            }
            RowRole::RepeatedHeader => {
                let (stub, cells) = repeated_header(table);
                html.push_str("<tr class=\"kop\">");
                for text in stub.iter().chain(&cells) {
                    let _ = write!(html, "<td>{}</td>", p(&esc(text)));
                }
                html.push_str("</tr>\n");
                continue;
            }
            _ => {}
        }
        html.push_str("<tr>");
        let stub = stub_cells(table, row, SpanningLabel::LastColumn);
        let last_stub = stub.len() - 1;
        for (at, cell) in stub.into_iter().enumerate() {
            // A group row is one cell from its label to the end of the row.
            let colspan = if row.role == RowRole::Group && at == last_stub {
                cell.colspan + table.columns.len()
            } else {
                cell.colspan
            };
            let mut content: String = cell.paragraphs.iter().map(|text| p(&esc(text))).collect();
            if cell.paragraphs.is_empty() {
                content = p("");
            }
            if !cell.markers.is_empty() {
                // The marker goes inside the label's last paragraph.
                let at_end = content.rfind("</p>").expect("a paragraph");
                content.insert_str(at_end, &sup_linked(&cell.markers, index));
            }
            if row.role == RowRole::Group {
                content = content.replace("<p>", "<p><i>").replace("</p>", "</i></p>");
            }
            let _ = write!(html, "<td{}>{content}</td>", spans(colspan, 1));
        }
        if row.role != RowRole::Group {
            for text in &row.cells {
                let _ = write!(html, "<td class=\"rechts\">{}</td>", p(&esc(text)));
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    if !table.notes.is_empty() {
        let _ = writeln!(html, "<div class=\"tabelnoten\" id=\"noten{index}\">");
        for (marker, text) in &table.notes {
            let _ = writeln!(
                html,
                "<div class=\"noot\" id=\"t{index}n{}\"><a class=\"nootnum\" href=\"#t{index}r{}\">{}</a><p>{}</p></div>",
                note_id(marker),
                note_id(marker),
                esc(marker),
                esc(text)
            );
        }
        html.push_str("</div>\n");
    }
    html.push_str("</div>\n");
}

// ---------------------------------------------------------------------------------------------
// Word

/// A Word cell: a width, Word's inline style, and the text in a `p.MsoNormal` and a `span`.
fn word_cell(text_html: &str, colspan: usize, rowspan: usize, width_pt: usize, right: bool) -> String {
    let align = if right { ";text-align:right" } else { "" };
    let content = if text_html.is_empty() {
        "<o:p>&nbsp;</o:p>".to_string()
    } else {
        format!("<span style='font-size:9.0pt;font-family:\"Arial\",sans-serif'>{text_html}</span>")
    };
    format!(
        "<td width={}{} valign=top style='width:{width_pt}.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal{align}'>{content}</p>\n </td>",
        width_pt * 4 / 3,
        spans(colspan, rowspan).replace('"', ""),
    )
}

fn word_export(html: &mut String, table: &TruthTable) {
    let caption = caption_text(table);
    let unit = unit_in_caption(table);
    if table.number.is_some() {
        let _ = writeln!(
            html,
            "<p class=MsoCaption style='keep-next'>{}{}</p>",
            esc(&caption),
            sup_plain(&table.caption_markers)
        );
        if let (Some(unit), Some(_)) = (&table.unit, &unit) {
            let _ = writeln!(html, "<p class=MsoNormal>{}</p>", esc(&unit_line(unit)));
        }
    } else if !caption.is_empty() || unit.is_some() {
        let text = caption_with_unit(table);
        let _ = writeln!(html, "<h4>{}{}</h4>", esc(&text), sup_plain(&table.caption_markers));
    }
    html.push_str(
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\n",
    );
    let stub_width = 170;
    let figure_width = 60;
    let mut irow = 0;
    let tr = |html: &mut String, irow: &mut usize| {
        let _ = write!(html, " <tr style='mso-yfti-irow:{irow}'>\n ");
        *irow += 1;
    };
    for row in header_rows(table, ShortHeaders::SpanDown) {
        tr(html, &mut irow);
        for cell in &row {
            let text = if cell.text.is_empty() {
                String::new()
            } else {
                format!("<b>{}</b>{}", esc(&cell.text), sup_plain(&cell.markers))
            };
            let width = if cell.stub { stub_width } else { figure_width * cell.colspan };
            html.push_str(&word_cell(&text, cell.colspan, cell.rowspan, width, !cell.stub));
        }
        html.push_str("\n </tr>\n");
    }
    for row in &table.rows {
        tr(html, &mut irow);
        match row.role {
            RowRole::Spacer => {
                for at in 0..table.width() {
                    html.push_str(&word_cell(
                        "",
                        1,
                        1,
                        if at < table.stub_columns { stub_width } else { figure_width },
                        false,
                    ));
                }
            }
            RowRole::RepeatedHeader => {
                let (stub, cells) = repeated_header(table);
                for (at, text) in stub.iter().chain(&cells).enumerate() {
                    let text = if text.is_empty() { String::new() } else { format!("<b>{}</b>", esc(text)) };
                    html.push_str(&word_cell(&text, 1, 1, figure_width, at >= table.stub_columns));
                }
            }
            _ => {
                let bold = |text: String| {
                    if row.role == RowRole::Total && !text.is_empty() {
                        format!("<b>{text}</b>")
                    } else {
                        text
                    }
                };
                for cell in stub_cells(table, row, SpanningLabel::Colspan) {
                    let mut text = bold(esc(&cell.paragraphs.join(" ")));
                    if row.role == RowRole::Group && !text.is_empty() {
                        text = format!("<i>{text}</i>");
                    }
                    text.push_str(&sup_plain(&cell.markers));
                    html.push_str(&word_cell(&text, cell.colspan, 1, stub_width, false));
                }
                if row.role == RowRole::Group {
                    for _ in 0..table.columns.len() {
                        html.push_str(&word_cell("", 1, 1, figure_width, true));
                    }
                } else {
                    for text in &row.cells {
                        html.push_str(&word_cell(&bold(esc(text)), 1, 1, figure_width, true));
                    }
                }
            }
        }
        html.push_str("\n </tr>\n");
    }
    // Word ends a table with a row of empty cells that only carry the column widths.
    html.push_str(" <![if !supportMisalignedColumns]>\n <tr height=0>\n");
    for at in 0..table.width() {
        let _ = writeln!(
            html,
            "  <td width={} style='border:none'></td>",
            if at < table.stub_columns { stub_width } else { figure_width }
        );
    }
    html.push_str(" </tr>\n <![endif]>\n");
    if !table.notes.is_empty() {
        let _ = write!(html, " <tfoot>\n <tr>\n  <td colspan={} style='border:none'>\n", table.width());
        for (marker, text) in &table.notes {
            let _ = writeln!(
                html,
                "  <p class=MsoNormal><span style='font-size:8.0pt'><sup>{}</sup> {}</span></p>",
                esc(marker),
                esc(text)
            );
        }
        html.push_str("  </td>\n </tr>\n </tfoot>\n");
    }
    html.push_str("</table>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n");
}

// ---------------------------------------------------------------------------------------------
// Plain

fn plain(html: &mut String, table: &TruthTable) {
    let caption = caption_with_unit(table);
    if !caption.is_empty() {
        let _ = writeln!(html, "<h3>{}{}</h3>", esc(&caption), sup_plain(&table.caption_markers));
    }
    html.push_str("<table border=\"1\">\n");
    for row in header_rows(table, ShortHeaders::Bottom) {
        html.push_str("<tr>");
        for cell in row {
            let _ = write!(
                html,
                "<th{}>{}{}</th>",
                spans(cell.colspan, cell.rowspan),
                esc(&cell.text),
                sup_plain(&cell.markers)
            );
        }
        html.push_str("</tr>\n");
    }
    for row in &table.rows {
        html.push_str("<tr>");
        match row.role {
            RowRole::Spacer => {
                for _ in 0..table.width() {
                    html.push_str("<td></td>");
                }
            }
            RowRole::RepeatedHeader => {
                let (stub, cells) = repeated_header(table);
                for text in stub.iter().chain(&cells) {
                    let _ = write!(html, "<th>{}</th>", esc(text));
                }
            }
            _ => {
                for cell in stub_cells(table, row, SpanningLabel::LastColumn) {
                    let text = cell.paragraphs.iter().map(|t| esc(t)).collect::<Vec<_>>().join("<br>");
                    let _ = write!(
                        html,
                        "<th scope=\"row\"{}>{text}{}</th>",
                        spans(cell.colspan, 1),
                        sup_plain(&cell.markers)
                    );
                }
                if row.role == RowRole::Group {
                    for _ in 0..table.columns.len() {
                        html.push_str("<td></td>");
                    }
                } else {
                    for text in &row.cells {
                        let _ = write!(html, "<td>{}</td>", esc(text));
                    }
                }
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    for (marker, text) in &table.notes {
        let _ = writeln!(html, "<p>{} {}</p>", esc(marker), esc(text));
    }
}
