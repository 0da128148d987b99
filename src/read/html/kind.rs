//! What a table is for: data, page layout (left out), or a table of contents.
//!
//! Owns the two decisions the reader makes about a whole table once its grid is built: whether it
//! is a layout or navigation table that is not content at all, and whether a kept table is a table
//! of contents (`TableKind::Contents`) rather than budget data. Leaves everything inside the table
//! to the structure module.

use ego_tree::NodeRef;
use scraper::Node;

use super::content::{self, NestedTables};
use super::grid::Grid;
use super::structure;
use crate::table::Table;

/// Why a table is taken for page layout, not data ([`layout_reason`] tries the rules in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LayoutReason {
    /// Rule 1: the markup says so (`role="presentation"` or `"none"`).
    Declared,
    /// Rule 2: fewer than two columns or two rows with text.
    TooSmall,
    /// Rule 3: no figures, and a wrapper around a table or a menu of links.
    WrapperOrMenu,
}

/// The rule that makes a table page layout, or `None` for a content table. In this order:
/// 1. `role="presentation"` or `role="none"`;
/// 2. fewer than two columns, or fewer than two rows with text: nothing tabular;
/// 3. no figure anywhere right of the first column, and either a table nested in one of its cells
///    (a wrapper around the real table) or mostly link text (a menu).
///
/// Known failure: a real two-row table (a header and one row of figures) is kept, but a
/// one-column list of figures is dropped by rule 2 (the reader keeps it as an unrecovered table
/// with a `table_not_read` warning, so it is not lost).
pub(super) fn layout_reason(table: NodeRef<'_, Node>, grid: &Grid) -> Option<LayoutReason> {
    let element = table.value().as_element();
    if element
        .and_then(|e| e.attr("role"))
        .is_some_and(|role| role.eq_ignore_ascii_case("presentation") || role.eq_ignore_ascii_case("none"))
    {
        return Some(LayoutReason::Declared);
    }
    let rows_with_text =
        (0..grid.rows.len()).filter(|&r| (0..grid.width).any(|c| !grid.text_at(r, c).is_empty())).count();
    if grid.width < 2 || rows_with_text < 2 {
        return Some(LayoutReason::TooSmall);
    }
    let has_figure = grid.cells.iter().any(|cell| cell.column >= 1 && structure::is_figure(&cell.text));
    if has_figure {
        return None;
    }
    let holds_table = grid.cells.iter().any(|cell| {
        table.tree().get(cell.node).is_some_and(|node| {
            node.descendants().skip(1).any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
        })
    });
    let cells_with_text: Vec<_> = grid.cells.iter().filter(|cell| !cell.text.is_empty()).collect();
    let link_cells = cells_with_text
        .iter()
        .filter(|cell| table.tree().get(cell.node).is_some_and(|node| mostly_links(node, &cell.text)))
        .count();
    (holds_table || link_cells * 2 > cells_with_text.len()).then_some(LayoutReason::WrapperOrMenu)
}

/// True when at least 80% of an element's text is link text.
fn mostly_links(node: NodeRef<'_, Node>, text: &str) -> bool {
    let link_chars: usize = node
        .descendants()
        .filter(|d| d.value().as_element().is_some_and(|e| e.name() == "a"))
        .map(|a| content::join_text(&content::pieces_of(a, NestedTables::Skip)).chars().count())
        .sum();
    let total = text.chars().count();
    total > 0 && link_chars * 5 >= total * 4
}

/// True for a table of contents: titled or headed "Inhoud"/"Inhoudsopgave", marked as one by its
/// class or id ("toc", "inhoud"), or with a column headed "blz." / "pagina" (page numbers).
pub(super) fn is_contents(node: NodeRef<'_, Node>, table: &Table) -> bool {
    let named = |text: &Option<String>| {
        text.as_deref().is_some_and(|t| {
            let lowered = t.trim().to_lowercase();
            lowered.starts_with("inhoudsopgave") || lowered == "inhoud"
        })
    };
    let marked = node.value().as_element().is_some_and(|e| {
        let id = e.id().unwrap_or_default().to_ascii_lowercase();
        let classes: Vec<String> = e.classes().map(|c| c.to_ascii_lowercase()).collect();
        id.contains("toc")
            || id.contains("inhoud")
            || classes.iter().any(|c| c == "toc" || c.contains("inhoud"))
    });
    let page_column = table.columns.iter().any(|column| {
        column
            .path
            .iter()
            .any(|part| matches!(part.trim().to_lowercase().as_str(), "blz." | "blz" | "pagina" | "pag."))
    });
    named(&table.title) || named(&table.stub_header) || marked || page_column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_by_name_mark_or_page_column() {
        let titled = Table { title: Some("Inhoudsopgave".into()), ..Table::default() };
        let document = scraper::Html::parse_fragment("<table class=\"toc\"></table><table></table>");
        let tables: Vec<_> = document
            .tree
            .nodes()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
            .collect();
        assert!(is_contents(tables[1], &titled));
        assert!(is_contents(tables[0], &Table::default()));
        assert!(!is_contents(tables[1], &Table::default()));
    }
}
