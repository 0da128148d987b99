//! What of an element a reader sees: its visible text, its `<sup>` footnote markers and its line
//! breaks, as a flat list of [`Piece`]s.
//!
//! Owns the answer to "is this content?": scripts, styles, templates, `<noscript>`, the document
//! head and hidden elements (a `hidden` attribute, an inline style with `display:none` or
//! `visibility:hidden`, `<input type=hidden>`) are not; `aria-hidden` alone is (screen readers skip
//! it, eyes do not). Also owns the choice between a `<sup>` that is a footnote marker and one that
//! is part of the text. Leaves whitespace to [`join_text`] and the meaning of pieces to the caller.
//!
//! The `<sup>` rule, in this order:
//! 1. a `<sup>` whose text is "2" or "3" right after "m" ("m<sup>2</sup>", "km<sup>3</sup>") is an
//!    exponent and reads as "²" / "³";
//! 2. a `<sup>` holding one or more letters right after a digit ("1<sup>e</sup>", "2<sup>de</sup>")
//!    is an ordinal and reads as text;
//! 3. a `<sup>` holding a marker — one to three stars, a number of one or two digits or a list of
//!    them ("1,2"), or one lower-case letter, optionally in parentheses — is a [`Piece::Marker`];
//! 4. any other `<sup>` is text.
//!
//! Known failure: "CO<sub>2</sub>" is fine (a `<sub>`), but a page that prints an exponent other
//! than m²/m³ in a `<sup>` ("10<sup>6</sup>") gets a marker "6".
//!
//! Everything here walks the tree without recursion, so any depth of nesting is safe.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

pub(super) use crate::interpret::grid::{Piece, join_text};

/// How a nested `<table>` inside the walked element is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NestedTables {
    /// Left out: the inner table is a table of its own (used for cells).
    Skip,
    /// Read as text like any other element (used for captions and notes).
    Include,
}

/// True when an element's name is one of the block elements whose edges break a line.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "br"
            | "caption"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// True for elements whose content is never shown.
fn is_never_shown(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "select"
            | "object"
    )
}

/// True when an element is hidden by its own markup (not by a style sheet, which is not read).
pub(super) fn is_hidden(element: &Element) -> bool {
    // One pass over the attributes (most elements have none or one).
    let is_input = element.name() == "input";
    element.attrs().any(|(name, value)| match name {
        "hidden" => true,
        "type" => is_input && value.eq_ignore_ascii_case("hidden"),
        "style" => style_hides(value),
        _ => false,
    })
}

/// True for a style attribute that hides its element: "display: none" or "visibility: hidden",
/// blanks and case aside.
fn style_hides(style: &str) -> bool {
    let compact: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// True for an element that is never content: a script, a style, a hidden element, and the like.
pub(super) fn is_not_content(element: &Element) -> bool {
    is_never_shown(element.name()) || is_hidden(element)
}

/// The visible content of `root` (its own tag included in the walk), as pieces.
pub(super) fn pieces_of(root: NodeRef<'_, Node>, nested: NestedTables) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => pieces.push(Piece::Text(text.to_string())),
                    Node::Element(element) => {
                        let name = element.name();
                        let nested_table = name == "table" && node.id() != root.id();
                        if is_not_content(element) || (nested_table && nested == NestedTables::Skip) {
                            skipping = Some(node.id());
                            if nested_table {
                                pieces.push(Piece::Break);
                            }
                        } else if name == "sup" {
                            pieces.push(read_sup(node, &pieces));
                            skipping = Some(node.id());
                        } else if is_block(name) {
                            pieces.push(Piece::Break);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(element) = node.value()
                    && is_block(element.name())
                {
                    pieces.push(Piece::Break);
                }
            }
        }
    }
    pieces
}

/// The plain visible text of a `<sup>` (its own hidden parts left out).
fn sup_text(sup: NodeRef<'_, Node>) -> String {
    let mut text = String::new();
    for piece in pieces_of_plain(sup) {
        text.push_str(&piece);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text nodes under `root` that are content, ignoring `<sup>` rules (used inside a `<sup>`).
fn pieces_of_plain(root: NodeRef<'_, Node>) -> Vec<String> {
    let mut texts = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => texts.push(text.to_string()),
                Node::Element(element) if is_not_content(element) => skipping = Some(node.id()),
                _ => {}
            },
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            _ => {}
        }
    }
    texts
}

/// Applies the `<sup>` rule of the module doc, given the pieces read so far.
fn read_sup(sup: NodeRef<'_, Node>, before: &[Piece]) -> Piece {
    let text = sup_text(sup);
    let previous = before.iter().rev().find_map(|piece| match piece {
        Piece::Text(text) if !text.is_empty() => text.chars().next_back(),
        Piece::Text(_) => None,
        _ => Some(' '),
    });
    if (text == "2" || text == "3") && previous == Some('m') {
        return Piece::Text(if text == "2" { "²".to_string() } else { "³".to_string() });
    }
    if previous.is_some_and(|c| c.is_ascii_digit())
        && !text.is_empty()
        && text.chars().all(char::is_alphabetic)
    {
        return Piece::Text(text);
    }
    match marker_of(&text) {
        Some(marker) => Piece::Marker(marker),
        None => Piece::Text(text),
    }
}

/// The marker a `<sup>` text stands for: "1", "12", "1,2", "*", "***", "a", with or without
/// parentheses around it. `None` for anything else.
pub(super) fn marker_of(text: &str) -> Option<String> {
    let inner = text.trim();
    let inner = inner.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(inner).trim();
    let stars = !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c == '*');
    let numbers = !inner.is_empty()
        && inner.split(',').all(|part| {
            let part = part.trim();
            !part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit())
        });
    let letter = inner.len() == 1 && inner.chars().all(|c| c.is_ascii_lowercase());
    (stars || numbers || letter).then(|| inner.split(',').map(str::trim).collect::<Vec<_>>().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interpret::grid::markers_of;
    use scraper::Html;

    fn pieces(html: &str) -> Vec<Piece> {
        let document = Html::parse_fragment(html);
        pieces_of(*document.root_element(), NestedTables::Skip)
    }

    #[test]
    fn sup_markers_exponents_and_ordinals() {
        let read = pieces(
            "<p>Comensha<sup>1</sup> en m<sup>2</sup>, de 1<sup>e</sup> suppletoire<sup>(*)</sup></p>",
        );
        assert_eq!(join_text(&read), "Comensha en m², de 1e suppletoire");
        assert_eq!(markers_of(&read), vec!["1", "*"]);
        assert_eq!(marker_of("1,2"), Some("1,2".to_string()));
        assert_eq!(marker_of("2019"), None);
        assert_eq!(marker_of("bis"), None);
    }

    #[test]
    fn hidden_scripts_breaks_and_nbsp() {
        let read = pieces(
            "<div>Bedragen<br>x € 1.000<script>var a = 1;</script> <span style=\"display: none\">weg</span>\
             <span aria-hidden=\"true\">zichtbaar</span><span hidden>ook weg</span>&nbsp;</div>",
        );
        assert_eq!(join_text(&read), "Bedragen x € 1.000 zichtbaar");
        assert_eq!(join_text(&pieces("<p>&nbsp;</p>")), "");
    }
}
