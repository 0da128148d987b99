//! A bound on how deeply a page's elements nest, applied before the page is parsed.
//!
//! The HTML tree builder checks the stack of open elements for every start tag, so a page of
//! 100,000 nested `<div>`s costs time quadratic in its size. Browsers bound the depth of the tree
//! they build (Blink at 512); this module does the same on the source text: a start tag that would
//! open an element deeper than [`MAX_NESTING_DEPTH`] is dropped (its content stays, as text of the
//! element at the limit), and so is its end tag. Pages that stay within the bound are returned
//! untouched.
//!
//! The scan, in one pass: comments, doctypes and processing instructions are skipped; the text of
//! `script`, `style`, `textarea` and `title` is skipped to its end tag; void elements and
//! self-closing tags open nothing; a `td`/`th` closes an open cell of its row, a `tr` an open row of
//! its table section, a `p` an open `p`, an `li` an open `li` of its list (the end tags HTML lets
//! pages leave out, so that a long table without `</td>` does not look deep); an end tag closes the
//! nearest open element of its name. Known limit: other omitted end tags (`option`, `dd`) still
//! count as depth, so a list of 512 unclosed `option`s loses its deepest tags.

use super::byte_search::{find_byte, find_end_tag};
use super::element_kind::{is_raw_text, is_void, lower};

/// The deepest an element may nest (as in Blink's tree builder).
pub const MAX_NESTING_DEPTH: usize = 512;

/// Returns the page with the tags beyond [`MAX_NESTING_DEPTH`] removed and how many start tags
/// were dropped, or `None` when the page stays within the bound.
///
/// The stack of open elements never holds more than [`MAX_NESTING_DEPTH`] names (borrowed from
/// the page, compared without case), so every search in it is bounded and nothing is allocated
/// per tag. Elements opened beyond the bound are only counted; while any are open, an end tag is
/// taken as closing the deepest of them (in the deeply nested part of a page, tags nest properly).
pub fn limit_nesting(html: &str) -> Option<(String, usize)> {
    let bytes = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut dropped_open = 0usize;
    let mut dropped = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0usize;
    while let Some(start) = find_byte(bytes, at, b'<') {
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = find_byte(bytes, start, b'>').map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let Some(end) = find_byte(bytes, start, b'>').map(|end| end - start) else { break };
        let tag_end = start + end + 1;
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name_length =
            rest[name_start..end].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
        if name_length == 0 {
            at = start + 1;
            continue;
        }
        let name = &rest[name_start..name_start + name_length];
        let kind = Kind::of(name);
        let mut drop_tag = false;
        if closing {
            if dropped_open > 0 {
                dropped_open -= 1;
                drop_tag = true;
            } else if let Some(position) = stack.iter().rposition(|open| open.eq_ignore_ascii_case(name)) {
                stack.truncate(position);
            }
        } else {
            close_implied(kind, &mut stack);
            let self_closing = rest[..end].ends_with('/');
            if kind != Kind::Void && !self_closing {
                if stack.len() >= MAX_NESTING_DEPTH {
                    dropped_open += 1;
                    dropped += 1;
                    drop_tag = true;
                } else {
                    stack.push(name);
                }
            }
        }
        if drop_tag {
            cuts.push((start, tag_end));
        }
        at = tag_end;
        if !closing && kind == Kind::RawText {
            at = find_end_tag(bytes, at, name.as_bytes()).unwrap_or(bytes.len());
        }
    }
    if dropped == 0 {
        return None;
    }
    let mut kept = String::with_capacity(html.len());
    let mut copied_to = 0;
    for (start, end) in cuts {
        kept.push_str(&html[copied_to..start]);
        copied_to = end;
    }
    kept.push_str(&html[copied_to..]);
    Some((kept, dropped))
}

/// What the scan needs to know of an element, by its name (any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Opens nothing (a void element).
    Void,
    /// Its text is not markup (a raw-text element).
    RawText,
    /// A `td` or `th`.
    Cell,
    /// A `tr`.
    Row,
    /// A `thead`, `tbody` or `tfoot`.
    RowGroup,
    /// An `li`.
    ListItem,
    /// A `p`.
    Paragraph,
    /// Any other element.
    Other,
}

impl Kind {
    fn of(name: &str) -> Kind {
        let lowered = lower(name.as_bytes());
        match lowered.as_str() {
            "td" | "th" => Kind::Cell,
            "tr" => Kind::Row,
            "thead" | "tbody" | "tfoot" => Kind::RowGroup,
            "li" => Kind::ListItem,
            "p" => Kind::Paragraph,
            name if is_void(name) => Kind::Void,
            name if is_raw_text(name) => Kind::RawText,
            _ => Kind::Other,
        }
    }
}

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|candidate| candidate.eq_ignore_ascii_case(name))
}

/// Closes the elements whose end tag HTML lets a page leave out, when an element of `kind`
/// starts: the nearest open element named in `targets`, with everything above it, unless a
/// `boundaries` element stands in between (a `td` never closes a cell of an outer table).
fn close_implied(kind: Kind, stack: &mut Vec<&str>) {
    let (targets, boundaries): (&[&str], &[&str]) = match kind {
        Kind::Cell => (&["td", "th"], &["tr", "table"]),
        Kind::Row => (&["tr"], &["table", "thead", "tbody", "tfoot"]),
        Kind::RowGroup => (&["thead", "tbody", "tfoot"], &["table"]),
        Kind::ListItem => (&["li"], &["ul", "ol"]),
        Kind::Paragraph => {
            if stack.last().is_some_and(|open| open.eq_ignore_ascii_case("p")) {
                stack.pop();
            }
            return;
        }
        _ => return,
    };
    let Some(position) =
        stack.iter().rposition(|open| is_one_of(open, targets) || is_one_of(open, boundaries))
    else {
        return;
    };
    if is_one_of(stack[position], targets) {
        stack.truncate(position);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><table><tr><td>a<td>1<tr><td>b<td>2</table><p>x<p>y</body></html>";
        assert!(limit_nesting(page).is_none());
        let many_rows: String = (0..5000).map(|i| format!("<tr><td>r{i}<td>{i}")).collect();
        assert!(
            limit_nesting(&format!("<table>{many_rows}</table>")).is_none(),
            "omitted </td> and </tr> are not depth"
        );
        let script = format!("<script>{}</script><p>ok", "<div>".repeat(10_000));
        assert!(limit_nesting(&script).is_none(), "tags inside a script are text");
    }

    #[test]
    fn tags_beyond_the_limit_are_dropped_with_their_end_tags() {
        let deep = format!(
            "{}<table><tr><td>a</td><td>1</td></tr></table>{}",
            "<div>".repeat(600),
            "</div>".repeat(600)
        );
        let (kept, dropped) = limit_nesting(&deep).unwrap();
        // 512 divs stay open; the 88 deeper divs and the table's 4 elements (table, tr, 2 td) go.
        assert_eq!(dropped, 600 - MAX_NESTING_DEPTH + 4);
        assert_eq!(kept.matches("<div>").count(), MAX_NESTING_DEPTH);
        assert_eq!(kept.matches("</div>").count(), MAX_NESTING_DEPTH);
        assert!(kept.contains("a1"), "the content stays, as text");
    }
}
