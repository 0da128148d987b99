//! What a table is for: data, page layout (left out), or a table of contents.
//!
//! Owns the two decisions the reader makes about a whole table once its grid is built: whether it
//! is a layout or navigation table that is not content at all, and whether a kept table is a table
//! of contents (`TableKind::Contents`) rather than budget data. Leaves everything inside the table
//! to the structure module.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::content::{self, NestedTables};
use crate::interpret::grid::Grid;
use crate::interpret::vocabulary;

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
pub(super) fn layout_reason(
    table: NodeRef<'_, Node>,
    grid: &Grid,
    elements: &[NodeId],
) -> Option<LayoutReason> {
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
    let has_figure =
        grid.cells.iter().any(|cell| cell.column >= 1 && vocabulary::stands_for_figure(&cell.text));
    if has_figure {
        return None;
    }
    let holds_table = grid.cells.iter().any(|cell| {
        elements.get(cell.origin).and_then(|&id| table.tree().get(id)).is_some_and(|node| {
            node.descendants().skip(1).any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
        })
    });
    let cells_with_text: Vec<_> = grid.cells.iter().filter(|cell| !cell.text.is_empty()).collect();
    let link_cells = cells_with_text
        .iter()
        .filter(|cell| {
            elements
                .get(cell.origin)
                .and_then(|&id| table.tree().get(id))
                .is_some_and(|node| mostly_links(node, &cell.text))
        })
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

/// True for a table the page marks as a table of contents by its class or id ("toc",
/// "inhoud"); what its title and columns say is judged by [`crate::interpret::assemble`].
pub(super) fn is_marked_contents(node: NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(|e| {
        let id = e.id().unwrap_or_default().to_ascii_lowercase();
        let classes: Vec<String> = e.classes().map(|c| c.to_ascii_lowercase()).collect();
        id.contains("toc")
            || id.contains("inhoud")
            || classes.iter().any(|c| c == "toc" || c.contains("inhoud"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_marked_by_class_or_id() {
        let document = scraper::Html::parse_fragment(
            "<table class=\"toc\"></table><table id=\"Inhoud-1\"></table><table></table>",
        );
        let tables: Vec<_> = document
            .tree
            .nodes()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
            .collect();
        assert!(is_marked_contents(tables[0]));
        assert!(is_marked_contents(tables[1]));
        assert!(!is_marked_contents(tables[2]));
    }
}
