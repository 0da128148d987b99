//! Notes of an HTML table: the note paragraphs or lists right after it, and notes elsewhere on the
//! page that a marker in the table links to (`<sup><a class="nootnum" href="#ID">1</a></sup>`
//! into `div#noten`, as officielebekendmakingen.nl prints them).
//!
//! Owns finding those elements (climbing out of wrappers, stopping at prose, headings and tables,
//! numbering `<ol>` items; following a marker's `href` to the element with that id). Reading a
//! text as notes is [`crate::interpret::notes`]'s job; note rows and table feet are read by the
//! structure stage.

use std::cell::OnceCell;
use std::collections::HashMap;

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

/// Notes that markers in the table link to by `href="#ID"` (a `<sup>` holding an `<a>`, or an
/// `<a>` holding a `<sup>`), wherever on the page the element with that id stands: its text, or
/// the text of the paragraph, list item or block that holds it when the id sits on the marker's
/// own anchor there; a `<dt>` holding it gives the `<dd>` after it. The marker is the link's text;
/// a marker printed again at the start of the note's text is dropped. Markers with a note under
/// the table already (`known`) are not looked up again. Links whose target is missing, empty or
/// holds a table give no note (the marker stays unlinked, as any marker without a note).
///
/// `None` on a pruned page when a target is missing: the cut may have taken it.
///
/// `targets` holds the page's ids by element, built on the first link of any table of the page.
pub(super) fn linked_notes<'d>(
    table: NodeRef<'d, Node>,
    document: &'d scraper::Html,
    targets: &OnceCell<HashMap<&'d str, NodeRef<'d, Node>>>,
    known: &[Note],
    cuts: CutMarkers,
) -> Option<Vec<Note>> {
    let mut notes: Vec<Note> = Vec::new();
    for link in table.descendants() {
        let Some(element) = link.value().as_element() else { continue };
        let Some(id) = element.attr("href").and_then(|href| href.strip_prefix('#')) else { continue };
        if element.name() != "a" || id.is_empty() {
            continue;
        }
        let in_sup =
            link.ancestors().take(3).any(|a| a.value().as_element().is_some_and(|e| e.name() == "sup"))
                || link.descendants().any(|d| d.value().as_element().is_some_and(|e| e.name() == "sup"));
        // The marker as the cell's `<sup>` reading gives it, so that the two meet.
        let text = content::join_text(&content::pieces_of(link, NestedTables::Include));
        let Some(marker) = content::marker_of(&text).filter(|_| in_sup) else { continue };
        let marker = marker.as_str();
        if known.iter().chain(&notes).any(|note| note.marker == marker) {
            continue;
        }
        let targets = targets.get_or_init(|| ids_of(document));
        let Some(&target) = targets.get(id) else {
            if cuts == CutMarkers::Present {
                return None;
            }
            continue;
        };
        if cuts.any_in(target) {
            return None;
        }
        if let Some(text) = note_text(target, marker) {
            notes.push(Note { marker: marker.to_string(), text, line: None });
        }
    }
    Some(notes)
}

/// Every element with an `id` (or an `<a name>`), by that id; the first one wins.
fn ids_of(document: &scraper::Html) -> HashMap<&str, NodeRef<'_, Node>> {
    let mut ids = HashMap::new();
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else { continue };
        let id =
            element.attr("id").or_else(|| (element.name() == "a").then(|| element.attr("name")).flatten());
        if let Some(id) = id {
            ids.entry(id).or_insert(node);
        }
    }
    ids
}

/// The text of the note a link points at (see [`linked_notes`]).
fn note_text(target: NodeRef<'_, Node>, marker: &str) -> Option<String> {
    let mut holder = target;
    // An anchor, marker or span: the block that holds it is the note.
    while holder
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "a" | "sup" | "span" | "b" | "strong"))
    {
        holder = holder.parent()?;
    }
    if holder.value().as_element().is_some_and(|e| e.name() == "dt") {
        holder = holder.next_siblings().find(|s| s.value().as_element().is_some_and(|e| e.name() == "dd"))?;
    }
    if has_table_inside(holder)
        || holder.value().as_element().is_some_and(|e| matches!(e.name(), "body" | "html"))
    {
        return None;
    }
    let text = content::join_text(&content::pieces_of(holder, NestedTables::Include));
    let text = text.trim();
    let text =
        text.strip_prefix(marker).map_or(text, |rest| rest.trim_start_matches([')', '.', ' ']).trim_start());
    (!text.is_empty()).then(|| text.to_string())
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

    fn first_table(document: &Html) -> NodeRef<'_, Node> {
        document.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "table")).unwrap()
    }

    fn after_table(html: &str) -> Vec<(String, String)> {
        let document = Html::parse_document(html);
        notes_after(first_table(&document), CutMarkers::Absent)
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

    fn linked(html: &str) -> Vec<(String, String)> {
        let document = Html::parse_document(html);
        linked_notes(first_table(&document), &document, &OnceCell::new(), &[], CutMarkers::Absent)
            .unwrap()
            .into_iter()
            .map(|note| (note.marker, note.text))
            .collect()
    }

    #[test]
    fn links_into_the_page_find_their_notes_or_nothing() {
        let table = "<table><tr><td>a<sup><a href=\"#n1\">1</a></sup></td><td>b<sup><a href=\"#gone\">2</a></sup></td>\
                     <td>c<sup><a href=\"#n3\">3</a></sup></td><td><a href=\"#n1\">zie noot</a></td></tr></table>";
        let notes = linked(&format!(
            "{table}<p>Tekst.</p><div id=noten><p id=n1><sup>1</sup> Eerste noot.</p><div id=n3><table><tr><td>x</td></tr></table></div></div>"
        ));
        // "2" links nowhere, "3" to a block holding a table, the last link is no marker.
        assert_eq!(notes, [("1".to_string(), "Eerste noot.".to_string())]);
        // A marker printed in parentheses is the marker the cell's `<sup>` gives: "4", not "(4)".
        let notes = linked(
            "<table><tr><td>a<sup><a href=\"#n4\">(4)</a></sup></td></tr></table><p id=n4>Vierde noot.</p>",
        );
        assert_eq!(notes, [("4".to_string(), "Vierde noot.".to_string())]);
    }
}
