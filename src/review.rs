//! The review page: one self-contained HTML file in which a person compares each rebuilt table
//! with the source lines it came from.
//!
//! Owns the page's markup, style and its small script. Per document: its metadata and warnings;
//! per table: the rebuilt grid (groups flush left, rows under a group indented, waarvan rows
//! indented further, totals bold) beside the numbered source lines of the table, flagged cells
//! highlighted (inferred, overridden, cut off, unresolved footnote), footnote markers linked to
//! their notes, the findings of `check` for that table, and for every row whose placement was
//! inferred a ready-to-paste overrides entry (docs/overrides.md). The page needs no network: the
//! style and script are inline. Reading the sources is the caller's job; this module only renders.

use std::fmt::Write as _;

use crate::check::{Finding, Severity};
use crate::overrides::OverrideEntry;
use crate::pipeline::Document;
use crate::table::{CellFlag, Placement, RowKind, Table, TableKind};

/// One document to show: the document, its decoded source text (when it could be read again),
/// and the findings about it.
pub struct ReviewDocument<'d> {
    /// The extracted document.
    pub document: &'d Document,
    /// The decoded source, for the source-line panes.
    pub source_text: Option<String>,
    /// Findings about this document (from `check`; empty for `extract --html`).
    pub findings: Vec<&'d Finding>,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2.5rem;border-top:2px solid #ccc;padding-top:.8rem}
h3{font-size:1rem;margin:1.5rem 0 .4rem}
.meta,.muted{color:#555;font-size:.9rem}
.confidence.low{color:#a00;font-size:.9rem}
.pair{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}
.pair>div{flex:1 1 28rem;min-width:20rem;overflow:auto}
table.rebuilt{border-collapse:collapse;font-size:.85rem}
table.rebuilt th,table.rebuilt td{border:1px solid #ddd;padding:.15rem .45rem}
table.rebuilt td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.group td.label{font-weight:600;background:#f3f3f3}
tr.total td{font-weight:700}
tr.in-group td.label{padding-left:1.2rem}
tr.waarvan td.label{padding-left:2.4rem;font-style:italic}
tr.spacer td{height:.4rem;background:#fafafa}
td.column_inferred{background:#ffe0b2;outline:2px dashed #e65100}
td.overridden{background:#d6eaff}
td.cut_cell{background:#ffcdd2}
td.unresolved_footnote{box-shadow:inset 0 0 0 2px #8e24aa}
tr.has-finding td.label{border-left:4px solid #c62828}
pre.source{font-size:.75rem;background:#fafafa;border:1px solid #ddd;padding:.4rem;max-height:32rem;overflow:auto}
pre.source span.hit{background:#fff3c4}
pre.override{background:#f5f9ff;border:1px solid #9bc1f5;padding:.4rem;font-size:.8rem;white-space:pre-wrap}
ul.findings li.error{color:#b71c1c} ul.findings li.warning{color:#8d6e00}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem;border:1px solid #ccc}
"#;

/// Counts what the page shows once the browser has loaded it, so a person (and the browser test)
/// sees the totals at the top.
const SCRIPT: &str = r#"
document.addEventListener('DOMContentLoaded', function () {
  var flagged = document.querySelectorAll('tr[data-inferred="true"]').length;
  var findings = document.querySelectorAll('ul.findings li').length;
  var tables = document.querySelectorAll('table.rebuilt').length;
  document.getElementById('count-tables').textContent = tables;
  document.getElementById('count-flagged-rows').textContent = flagged;
  document.getElementById('count-findings').textContent = findings;
});
"#;

/// Renders the whole page.
pub fn render_review(documents: &[ReviewDocument<'_>]) -> String {
    let mut page = String::new();
    page.push_str(
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>begroting review</title>",
    );
    let _ = write!(page, "<style>{STYLE}</style><script>{SCRIPT}</script></head><body>");
    page.push_str("<h1>begroting review</h1>");
    page.push_str(
        "<p class=\"muted\"><span id=\"count-tables\">?</span> tables, <span id=\"count-flagged-rows\">?</span> rows placed by inference, <span id=\"count-findings\">?</span> findings.</p>",
    );
    page.push_str(
        "<p class=\"legend\"><span style=\"background:#ffe0b2\">column inferred</span><span style=\"background:#d6eaff\">overridden</span><span style=\"background:#ffcdd2\">cut off</span><span style=\"box-shadow:inset 0 0 0 2px #8e24aa\">unresolved footnote</span></p>",
    );
    for (document_index, review) in documents.iter().enumerate() {
        render_document(&mut page, document_index, review);
    }
    page.push_str("</body></html>\n");
    page
}

fn render_document(page: &mut String, document_index: usize, review: &ReviewDocument<'_>) {
    let document = review.document;
    let meta = &document.meta;
    let _ = write!(
        page,
        "<section class=\"document\" id=\"d{document_index}\"><h2>{}</h2><p class=\"meta\">year {} · type {} · chapter {}{}</p>",
        escape(&document.source),
        meta.year.map_or("?".to_string(), |y| y.to_string()),
        escape(meta.doc_type.as_deref().unwrap_or("?")),
        escape(meta.chapter.as_deref().unwrap_or("?")),
        document.url.as_deref().map(|u| format!(" · <a href=\"{0}\">{0}</a>", escape(u))).unwrap_or_default()
    );
    let document_findings: Vec<&&Finding> =
        review.findings.iter().filter(|f| f.location.table_index.is_none()).collect();
    let document_warnings: Vec<_> =
        document.warnings.iter().filter(|w| w.location.table_index.is_none()).collect();
    if !document_findings.is_empty() || !document_warnings.is_empty() {
        page.push_str("<ul class=\"findings\">");
        for finding in document_findings {
            render_finding(page, finding);
        }
        page.push_str("</ul>");
        for warning in document_warnings {
            let _ = write!(page, "<p class=\"muted\">warning: {}</p>", escape(&warning.to_string()));
        }
    }
    let source_lines: Option<Vec<&str>> = review.source_text.as_deref().map(|text| text.lines().collect());
    for table in &document.tables {
        render_table(page, document_index, review, table, source_lines.as_deref());
    }
    page.push_str("</section>");
}

fn render_finding(page: &mut String, finding: &Finding) {
    let class = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = write!(
        page,
        "<li class=\"{class}\" data-rule=\"{}\">{}</li>",
        finding.rule,
        escape(&finding.to_string())
    );
}

fn note_id(document_index: usize, table: &Table, marker: &str) -> String {
    let safe: String = marker.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { 's' }).collect();
    format!("d{document_index}-t{}-n{safe}", table.index)
}

fn markers_html(document_index: usize, table: &Table, markers: &[String]) -> String {
    markers
        .iter()
        .map(|marker| {
            if table.notes.iter().any(|note| &note.marker == marker) {
                format!(
                    "<sup><a href=\"#{}\">{}</a></sup>",
                    note_id(document_index, table, marker),
                    escape(marker)
                )
            } else {
                format!("<sup title=\"no note with this marker\">{}</sup>", escape(marker))
            }
        })
        .collect()
}

fn render_table(
    page: &mut String,
    document_index: usize,
    review: &ReviewDocument<'_>,
    table: &Table,
    source_lines: Option<&[&str]>,
) {
    let heading: Vec<String> = [
        table.number.as_ref().map(|n| format!("Tabel {n}")),
        table.title.clone(),
        table.unit.as_ref().map(|u| format!("({u})")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let kind = match table.kind {
        TableKind::Budget => "",
        TableKind::Contents => " — table of contents, not budget data",
        TableKind::Unrecovered => " — structure not recovered",
    };
    let truncated = if table.truncated {
        " — <strong>truncated</strong>: the input ends inside this table"
    } else {
        ""
    };
    let _ = write!(
        page,
        "<h3 id=\"d{document_index}-t{}\">#{} {}{kind}{truncated}</h3>",
        table.index,
        table.index,
        escape(&heading.join(" "))
    );
    if let Some(section) = &table.section {
        let _ = write!(page, "<p class=\"muted\">section: {}</p>", escape(section));
    }
    if let Some(confidence) = &table.confidence {
        let low = confidence.is_low();
        let _ = write!(
            page,
            "<p class=\"{}\">structure confidence {:.2}{}{}</p>",
            if low { "confidence low" } else { "confidence muted" },
            confidence.score,
            if low { " — <strong>low</strong>: route to review" } else { "" },
            if confidence.reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&confidence.reasons.join("; ")))
            }
        );
    }
    let findings: Vec<&&Finding> =
        review.findings.iter().filter(|f| f.location.table_index == Some(table.index)).collect();
    let finding_rows: Vec<usize> = findings.iter().filter_map(|f| f.location.row_index).collect();
    page.push_str("<div class=\"pair\"><div>");
    if table.kind == TableKind::Unrecovered {
        let _ = write!(page, "<pre class=\"source\">{}</pre>", escape(&table.raw_lines.join("\n")));
    } else {
        render_grid(page, document_index, table, &finding_rows);
    }
    if !table.notes.is_empty() {
        page.push_str("<ol class=\"notes\">");
        for note in &table.notes {
            let _ = write!(
                page,
                "<li id=\"{}\" value=\"{}\"><strong>{}</strong> {}</li>",
                note_id(document_index, table, &note.marker),
                note.marker.parse::<u32>().unwrap_or(0),
                escape(&note.marker),
                escape(&note.text)
            );
        }
        page.push_str("</ol>");
    }
    page.push_str("</div><div>");
    render_source(page, table, source_lines);
    page.push_str("</div></div>");
    let table_warnings: Vec<_> =
        review.document.warnings.iter().filter(|w| w.location.table_index == Some(table.index)).collect();
    if !findings.is_empty() {
        page.push_str("<ul class=\"findings\">");
        for finding in findings {
            render_finding(page, finding);
        }
        page.push_str("</ul>");
    }
    if !table_warnings.is_empty() {
        page.push_str("<details><summary class=\"muted\">warnings</summary><ul>");
        for warning in table_warnings {
            let _ = write!(page, "<li class=\"muted\">{}</li>", escape(&warning.to_string()));
        }
        page.push_str("</ul></details>");
    }
    let inferred =
        table.rows.iter().enumerate().filter(|(_, row)| matches!(row.placement, Placement::Inferred { .. }));
    for (row_index, row) in inferred {
        let _ = write!(
            page,
            "<p class=\"muted\">Settle row \"{}\" by pasting this entry into an overrides file and correcting <code>cells</code>:</p><pre class=\"override\">{}</pre>",
            escape(&row.label),
            escape(&override_entry(review.document, table, row_index))
        );
    }
}

/// The overrides entry (docs/overrides.md) for row `row_index`, prefilled with its current
/// placement.
pub fn override_entry(document: &Document, table: &Table, row_index: usize) -> String {
    let why = "Where the true placement comes from (another publication, the prose).";
    serde_json::to_string_pretty(&OverrideEntry::for_row(&document.doc_id, table, row_index, why))
        .unwrap_or_default()
}

fn render_grid(page: &mut String, document_index: usize, table: &Table, finding_rows: &[usize]) {
    page.push_str("<table class=\"rebuilt\"><thead>");
    let depth = table.columns.iter().map(|c| c.path.len()).max().unwrap_or(0).max(1);
    for level in 0..depth {
        page.push_str("<tr>");
        let stub =
            if level + 1 == depth { table.stub_header.clone().unwrap_or_default() } else { String::new() };
        let _ = write!(page, "<th>{}</th>", escape(&stub));
        for column in &table.columns {
            let part = column.path.get(level).cloned().unwrap_or_default();
            let markers = if level + 1 == column.path.len() {
                markers_html(document_index, table, &column.markers)
            } else {
                String::new()
            };
            let _ = write!(page, "<th>{}{markers}</th>", escape(&part));
        }
        page.push_str("</tr>");
    }
    page.push_str("</thead><tbody>");
    for (row_index, row) in table.rows.iter().enumerate() {
        let mut classes = vec![row.kind.name().to_string()];
        if row.group.is_some() {
            classes.push("in-group".to_string());
        }
        if finding_rows.contains(&row_index) {
            classes.push("has-finding".to_string());
        }
        let inferred = matches!(row.placement, Placement::Inferred { .. });
        let _ = write!(
            page,
            "<tr class=\"{}\" data-row=\"{row_index}\" data-inferred=\"{inferred}\" data-line=\"{}\">",
            classes.join(" "),
            row.line.map(|l| l.to_string()).unwrap_or_default()
        );
        let label = if row.kind == RowKind::Footnote {
            row.stub.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ")
        } else {
            row.label.clone()
        };
        let code = row.code.as_ref().map(|c| format!("{} ", escape(c))).unwrap_or_default();
        let _ = write!(
            page,
            "<td class=\"label\">{code}{}{}</td>",
            escape(&label),
            markers_html(document_index, table, &row.markers)
        );
        for cell in &row.cells {
            let mut class = vec!["num".to_string()];
            class.extend(cell.flags.iter().map(|flag| flag.name().to_string()));
            let title: Vec<&str> = cell.flags.iter().map(|flag| flag_title(*flag)).collect();
            let _ = write!(
                page,
                "<td class=\"{}\" title=\"{}\">{}{}</td>",
                class.join(" "),
                escape(&title.join("; ")),
                escape(&cell.text),
                markers_html(document_index, table, &cell.markers)
            );
        }
        page.push_str("</tr>");
    }
    page.push_str("</tbody></table>");
}

fn flag_title(flag: CellFlag) -> &'static str {
    match flag {
        CellFlag::ColumnInferred => "column inferred: the source does not say which column this cell is in",
        CellFlag::Overridden => "placed by an overrides file",
        CellFlag::CutCell => "cut off by the end of the input",
        CellFlag::UnresolvedFootnote => "a footnote marker here has no note",
        CellFlag::TruncatedTable => "the table is cut off",
        CellFlag::Padded => "added to keep the grid rectangular",
        CellFlag::UnreadableNumber => "looks like a number but could not be read",
        CellFlag::SplitUncertain => {
            "printed run together with its label: where the label ends is not certain"
        }
        CellFlag::LowConfidence => "the table's structure confidence is low: check it against the source",
    }
}

fn render_source(page: &mut String, table: &Table, source_lines: Option<&[&str]>) {
    let (Some(lines), Some((first, last))) = (source_lines, table.lines) else {
        page.push_str("<p class=\"muted\">(source lines not available)</p>");
        return;
    };
    let inferred_lines: Vec<usize> = table
        .rows
        .iter()
        .filter(|row| matches!(row.placement, Placement::Inferred { .. }))
        .flat_map(|row| row.stub.iter().chain(&row.cells).filter_map(|cell| cell.line))
        .collect();
    page.push_str("<pre class=\"source\">");
    let last = last.min(lines.len());
    for number in first.max(1)..=last {
        let text = escape(lines[number - 1]).replace('\u{a0}', "·");
        if inferred_lines.contains(&number) {
            let _ = writeln!(page, "<span class=\"hit\">{number:>5}  {text}</span>");
        } else {
            let _ = writeln!(page, "{number:>5}  {text}");
        }
    }
    page.push_str("</pre>");
}
