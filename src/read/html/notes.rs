//! Notes printed under an HTML table: the note paragraphs or lists right after it.
//!
//! Owns finding those elements (climbing out of wrappers, stopping at prose, headings and tables,
//! numbering `<ol>` items). Reading a text as notes is [`crate::interpret::notes`]'s job; note
//! rows and table feet are read by the structure stage.

use ego_tree::NodeRef;
use scraper::Node;

use super::content::{self, NestedTables};
use super::prune::CutMarkers;
use crate::interpret::notes::notes_in;
use crate::table::Note;

/// Elements that may hold notes under a table.
const NOTE_HOLDERS: &[&str] = &["p", "div", "ol", "ul", "dl", "small", "span", "section", "aside", "footer"];

/// The notes printed right under a table: the consecutive note elements that follow it, climbing
/// out of wrapper elements the table is the last content of (at most three levels, never out of a
/// table cell or the body, and not once notes were found inside the wrapper). `line` is given to every note found (the reader has no position for
/// paragraphs).
///
/// An `<ol>` numbers its items (from its `start` attribute) when they print no marker themselves.
/// The walk stops at the first element with text that is not a note, at a heading and at a table.
///
/// `None` when the walk meets a cut block of a pruned page (see [`super::prune`]): what was there
/// could have been a note.
pub(super) fn notes_after(table: NodeRef<'_, Node>, cuts: CutMarkers) -> Option<Vec<Note>> {
    let mut notes = Vec::new();
    let mut anchor = table;
    for _ in 0..4 {
        let mut sibling = anchor.next_sibling();
        while let Some(node) = sibling {
            sibling = node.next_sibling();
            match node.value() {
                Node::Text(text) if text.trim().is_empty() => continue,
                Node::Comment(comment) if cuts.is_cut(comment) => return None,
                Node::Comment(_) => continue,
                Node::Element(element) if content::is_not_content(element) => {
                    // Hidden itself, but a cut that starts inside it may run past its end and
                    // hold the siblings that follow.
                    if cuts.any_in(node) {
                        return None;
                    }
                    continue;
                }
                Node::Element(element) if NOTE_HOLDERS.contains(&element.name()) => {
                    if cuts.any_in(node) {
                        return None;
                    }
                    let found = if matches!(element.name(), "ol" | "ul") { list_notes(node) } else { None };
                    let pieces = content::pieces_of(node, NestedTables::Include);
                    if content::join_text(&pieces).is_empty() {
                        continue;
                    }
                    if has_table_inside(node) {
                        return Some(notes);
                    }
                    match found.or_else(|| notes_in(&pieces, None)) {
                        Some(found) => notes.extend(found),
                        None => return Some(notes),
                    }
                }
                _ => return Some(notes),
            }
        }
        if !notes.is_empty() {
            // The notes ended with their wrapper: what follows the wrapper is the page again.
            break;
        }
        let Some(parent) = anchor.parent() else { break };
        let Some(element) = parent.value().as_element() else { break };
        if !matches!(element.name(), "div" | "section" | "figure" | "article" | "span") {
            break;
        }
        anchor = parent;
    }
    Some(notes)
}

fn has_table_inside(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
}

/// An `<ol>`/`<ul>` of notes: each item is a note, numbered by the list unless it prints a marker.
fn list_notes(list: NodeRef<'_, Node>) -> Option<Vec<Note>> {
    let element = list.value().as_element()?;
    let ordered = element.name() == "ol";
    let mut number: i64 = element.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
    let mut notes = Vec::new();
    for item in list.children() {
        let Some(item_element) = item.value().as_element() else { continue };
        if item_element.name() != "li" || content::is_not_content(item_element) {
            continue;
        }
        let pieces = content::pieces_of(item, NestedTables::Include);
        match notes_in(&pieces, None) {
            Some(found) => notes.extend(found),
            None if ordered => {
                notes.push(Note { marker: number.to_string(), text: content::join_text(&pieces), line: None })
            }
            None => return None,
        }
        number += 1;
    }
    (!notes.is_empty()).then_some(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn after_table(html: &str) -> Vec<(String, String)> {
        let document = Html::parse_document(html);
        let table = document
            .tree
            .nodes()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
            .unwrap();
        notes_after(table, CutMarkers::Absent)
            .unwrap()
            .into_iter()
            .map(|note| (note.marker, note.text))
            .collect()
    }

    #[test]
    fn sup_printed_and_boxed_markers() {
        let notes = after_table(
            "<div><table><tr><td>a</td></tr></table></div><p><sup>1</sup> Het aantal<br>loopt door.</p>\
             <div class=fn><span>2</span><p>Voor 2020 e.v.</p></div><p>* Voorlopig</p><p>Gewone tekst.</p><p>3 Niet meer</p>",
        );
        assert_eq!(
            notes,
            [
                ("1".to_string(), "Het aantal loopt door.".to_string()),
                ("2".to_string(), "Voor 2020 e.v.".to_string()),
                ("*".to_string(), "Voorlopig".to_string())
            ]
        );
    }

    #[test]
    fn ordered_lists_number_their_items() {
        let notes =
            after_table("<table><tr><td>a</td></tr></table><ol start=3><li>Eerste</li><li>Tweede</li></ol>");
        assert_eq!(notes, [("3".to_string(), "Eerste".to_string()), ("4".to_string(), "Tweede".to_string())]);
        assert!(
            after_table("<table><tr><td>a</td></tr></table><p>In de tabel staat</p><p>1 later</p>")
                .is_empty()
        );
    }
}
