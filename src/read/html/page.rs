//! The page around the tables: which `<table>` elements there are, in print order, and the
//! headings and text blocks above each one.
//!
//! Owns one walk over the whole document that turns it into a list of [`Event`]s: a text block
//! (the text between two block edges, tagged with the innermost table it sits in, and whether it is
//! a heading) or the start of a table (tagged with the table it is nested in). Invisible content
//! (see [`super::content`]) is skipped, and so is every table inside it. `<br>` reads as a space
//! here (a caption "Tabel 2<br>Titel" stays one block), and `<sup>` markers are left out of blocks
//! (a caption's marker has no place in the model).
//!
//! On a pruned page (see [`super::prune`]) a cut block is an [`Event::Cut`]: the walk cannot say
//! which text blocks stood there, only that none was a heading or a table, so a question about
//! the blocks above a table that reaches a cut has no answer ([`Page::blocks_above`] gives `None`).
//!
//! The blocks inside a table that holds no table of its own are forgotten once the walk is done
//! (but for headings): no question asks for them, and a page that is one large table would
//! otherwise keep each cell's text here a second time.
//!
//! Leaves reading the blocks (captions, units) to [`super::caption`].

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::content;
use super::element_kind::is_heading;
use super::prune::CutMarkers;
use crate::interpret::caption::{self, BlockAbove};

/// One thing seen on the page, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Event {
    /// A block of text.
    Block {
        /// Its text, whitespace collapsed.
        text: String,
        /// True inside `<h1>`–`<h6>`.
        is_heading: bool,
        /// The innermost table it sits in, if any.
        table: Option<NodeId>,
    },
    /// The start of a visible table.
    Table {
        /// The `<table>` element.
        node: NodeId,
        /// The table it is nested in, if any.
        parent: Option<NodeId>,
    },
    /// Where a block was cut out of a pruned page: text blocks that were neither headings nor in a
    /// table, or none at all.
    Cut,
}

/// The page as a list of events.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The events, in document order: every one, but the text blocks no question reads (see
    /// [`Page::walk`]).
    pub events: Vec<Event>,
}

impl Page {
    /// Walks the document once; `cuts` says whether [`super::prune::CUT_MARKER`] comments mark
    /// cut blocks or are comments like any other.
    pub fn walk(document: &Html, cuts: CutMarkers) -> Page {
        let mut walk = Walk { cuts, ..Walk::default() };
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => walk.open(node),
                Edge::Close(node) => walk.close(node),
            }
        }
        walk.flush();
        let mut page = Page { events: walk.events };
        page.forget_unreachable_blocks();
        page
    }

    /// Drops the text blocks no question can reach: the blocks inside a table that holds no
    /// table of its own, except headings. [`Page::blocks_above`] reads the blocks of the table a
    /// nested table sits in, and [`Page::section_above`] reads headings anywhere; a cell of a
    /// table is a block of its own, so a page that is one large table would otherwise keep its
    /// every cell's text here a second time.
    fn forget_unreachable_blocks(&mut self) {
        let mut holding_tables: Vec<NodeId> = self
            .events
            .iter()
            .filter_map(|event| match event {
                Event::Table { parent: Some(parent), .. } => Some(*parent),
                _ => None,
            })
            .collect();
        holding_tables.sort_unstable();
        holding_tables.dedup();
        self.events.retain(|event| match event {
            Event::Block { is_heading: false, table: Some(table), .. } => {
                holding_tables.binary_search(table).is_ok()
            }
            _ => true,
        });
        self.events.shrink_to_fit();
    }

    /// The visible tables, in print order (a nested table right after the table holding it).
    pub fn tables(&self) -> impl Iterator<Item = (usize, NodeId, Option<NodeId>)> + '_ {
        self.events.iter().enumerate().filter_map(|(at, event)| match event {
            Event::Table { node, parent } => Some((at, *node, *parent)),
            Event::Block { .. } | Event::Cut => None,
        })
    }

    /// The text blocks above the table whose event is at `at`, nearest first, that sit where the
    /// table sits (on the page, or in the same enclosing table), back to the previous table there.
    /// `None` when a cut stands among them (fewer than `limit` found before it).
    pub fn blocks_above(&self, at: usize, parent: Option<NodeId>, limit: usize) -> Option<Vec<BlockAbove>> {
        let mut blocks = Vec::new();
        for event in self.events[..at].iter().rev() {
            match event {
                Event::Table { node, parent: other } => {
                    if *other == parent || Some(*node) == parent {
                        break;
                    }
                }
                Event::Block { text, is_heading, table } if *table == parent => {
                    blocks.push(BlockAbove { text: text.clone(), is_heading: *is_heading });
                    if blocks.len() == limit {
                        break;
                    }
                }
                Event::Block { .. } => {}
                Event::Cut => return None,
            }
        }
        Some(blocks)
    }

    /// The nearest heading above the event at `at` that is not itself a "Tabel N" caption.
    pub fn section_above(&self, at: usize) -> Option<String> {
        self.events[..at].iter().rev().find_map(|event| match event {
            Event::Block { text, is_heading: true, .. } if caption::tabel_number(text).is_none() => {
                Some(text.clone())
            }
            _ => None,
        })
    }
}

#[derive(Default)]
struct Walk {
    cuts: CutMarkers,
    events: Vec<Event>,
    buffer: String,
    skipping: Option<NodeId>,
    tables: Vec<NodeId>,
    heading_depth: usize,
}

impl Walk {
    fn open(&mut self, node: NodeRef<'_, Node>) {
        if self.skipping.is_some() {
            return;
        }
        match node.value() {
            Node::Text(text) => self.buffer.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                if content::is_not_content(element) {
                    self.skipping = Some(node.id());
                } else if name == "sup" {
                    let text: String = node
                        .descendants()
                        .filter_map(|d| d.value().as_text())
                        .map(|t| t.to_string())
                        .collect();
                    if content::marker_of(&text).is_some() {
                        self.skipping = Some(node.id());
                    }
                } else if name == "br" {
                    self.buffer.push(' ');
                } else if name == "table" {
                    self.flush();
                    self.events.push(Event::Table { node: node.id(), parent: self.tables.last().copied() });
                    self.tables.push(node.id());
                } else if content::is_block(name) {
                    self.flush();
                    if is_heading(name) {
                        self.heading_depth += 1;
                    }
                }
            }
            Node::Comment(comment) if self.cuts.is_cut(comment) => {
                self.flush();
                self.events.push(Event::Cut);
            }
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if self.skipping == Some(node.id()) {
            self.skipping = None;
            return;
        }
        if self.skipping.is_some() {
            return;
        }
        let Node::Element(element) = node.value() else { return };
        let name = element.name();
        if name == "table" {
            self.flush();
            self.tables.pop();
        } else if content::is_block(name) && name != "br" {
            self.flush();
            if is_heading(name) {
                self.heading_depth = self.heading_depth.saturating_sub(1);
            }
        }
    }

    fn flush(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        let text = crate::normalize::collapse_whitespace(&self.buffer);
        self.buffer.clear();
        if !text.is_empty() {
            self.events.push(Event::Block {
                text,
                is_heading: self.heading_depth > 0,
                table: self.tables.last().copied(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_above_stay_in_their_place() {
        let document = Html::parse_document(
            "<h2>2.2 Veiligheidsagenda</h2><p>Proza.</p><p>Tabel 2<br>Titel<sup>1</sup></p>\
             <table><tr><td>Tabel 9 in een cel<table><tr><td>x</td></tr></table></td></tr></table>\
             <div hidden><table><tr><td>weg</td></tr></table></div>",
        );
        let page = Page::walk(&document, CutMarkers::Absent);
        let tables: Vec<_> = page.tables().collect();
        assert_eq!(tables.len(), 2);
        let (outer_at, outer, _) = tables[0];
        let above = page.blocks_above(outer_at, None, 3).unwrap();
        assert_eq!(above[0], BlockAbove { text: "Tabel 2 Titel".into(), is_heading: false });
        assert_eq!(above.len(), 3);
        assert_eq!(page.section_above(outer_at).as_deref(), Some("2.2 Veiligheidsagenda"));
        let (inner_at, _, inner_parent) = tables[1];
        assert_eq!(inner_parent, Some(outer));
        assert_eq!(page.blocks_above(inner_at, inner_parent, 3).unwrap()[0].text, "Tabel 9 in een cel");
    }

    #[test]
    fn blocks_of_a_table_that_holds_no_table_are_forgotten_but_its_headings() {
        let document = Html::parse_document(
            "<p>Tabel 1</p><table><tr><td><h3>Kop in een cel</h3></td><td>1.522</td></tr></table>\
             <table><tr><td>Tabel 9 in een cel<table><tr><td>x</td></tr></table></td></tr></table>",
        );
        let page = Page::walk(&document, CutMarkers::Absent);
        let blocks: Vec<&str> = page
            .events
            .iter()
            .filter_map(|event| match event {
                Event::Block { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        // The first table's cell "1.522" and the inner table's "x" are gone; the heading in a
        // cell and the outer table's cell above the inner table stay.
        assert_eq!(blocks, ["Tabel 1", "Kop in een cel", "Tabel 9 in een cel"]);
    }
}
