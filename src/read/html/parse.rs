//! Parsing a page into scraper's tree, with the tree's node vector sized for the page up front.
//!
//! Owns one thing: [`parse_document`], scraper's `Html::parse_document` with the node vector
//! given a capacity from the page's tag count. Grown by doubling instead, the vector of a page
//! that is one large table is copied at every doubling and can end up to twice the size it needs
//! (a node is over a hundred bytes; a table has about two nodes a cell).

use ego_tree::Tree;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink, Node};

/// Parses `html` as a document, as `Html::parse_document` does (the same tree, node for node).
pub(super) fn parse_document(html: &str) -> Html {
    let mut document = Html::new_document();
    document.tree = Tree::with_capacity(Node::Document, expected_nodes(html));
    driver::parse_document(HtmlTreeSink::new(document), ParseOpts::default()).one(html)
}

/// About how many nodes the tree of `html` holds: one a tag (an element opens with one tag and
/// closes with another, and the text between two tags is one node), plus the document and the
/// elements a parser adds when a page leaves them out (html, head, body, tbody).
fn expected_nodes(html: &str) -> usize {
    memchr::memchr_iter(b'<', html.as_bytes()).count() + 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_the_one_scraper_builds() {
        for html in [
            "<table><tr><td>1.522</td><td> 13.553,7 </td></tr></table>",
            "<p>Tabel 2<br>Veiligheidsagenda<sup>1</sup></p><table><td>x</table><!-- c -->",
            "tekst zonder tags",
            "",
        ] {
            let ours = parse_document(html);
            let scrapers = Html::parse_document(html);
            assert_eq!(ours.tree, scrapers.tree, "{html}");
            assert_eq!(ours.root_element().html(), scrapers.root_element().html());
        }
    }
}
