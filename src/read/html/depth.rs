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

use std::collections::HashMap;

/// The deepest an element may nest (as in Blink's tree builder).
pub const MAX_NESTING_DEPTH: usize = 512;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

struct Open {
    name: String,
    dropped: bool,
}

/// Returns the page with the tags beyond [`MAX_NESTING_DEPTH`] removed and how many start tags
/// were dropped, or `None` when the page stays within the bound.
pub fn limit_nesting(html: &str) -> Option<(String, usize)> {
    let bytes = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut open_names: HashMap<String, usize> = HashMap::new();
    let mut kept = String::with_capacity(html.len());
    let mut dropped = 0usize;
    let mut copied_to = 0usize;
    let mut at = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |end| start + end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = rest.find('>').map_or(bytes.len(), |end| start + end + 1);
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag_end = start + end + 1;
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..end]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            at = start + 1;
            continue;
        }
        let mut drop_tag = false;
        if closing {
            if open_names.get(&name).copied().unwrap_or(0) > 0 {
                while let Some(open) = stack.pop() {
                    decrement(&mut open_names, &open.name);
                    if open.name == name {
                        drop_tag = open.dropped;
                        break;
                    }
                }
            }
        } else {
            close_implied(&name, &mut stack, &mut open_names);
            let self_closing = rest[..end].ends_with('/');
            if !VOID.contains(&name.as_str()) && !self_closing {
                let too_deep = stack.len() >= MAX_NESTING_DEPTH;
                drop_tag = too_deep;
                dropped += usize::from(too_deep);
                *open_names.entry(name.clone()).or_insert(0) += 1;
                stack.push(Open { name: name.clone(), dropped: too_deep });
            }
        }
        if drop_tag {
            kept.push_str(&html[copied_to..start]);
            copied_to = tag_end;
        }
        at = tag_end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            at = find_ascii_case_insensitive(&html[at..], &close).map_or(bytes.len(), |found| at + found);
        }
    }
    if dropped == 0 {
        return None;
    }
    kept.push_str(&html[copied_to..]);
    Some((kept, dropped))
}

fn decrement(open_names: &mut HashMap<String, usize>, name: &str) {
    if let Some(count) = open_names.get_mut(name) {
        *count = count.saturating_sub(1);
    }
}

/// Closes the elements whose end tag HTML lets a page leave out, when `name` starts: the nearest
/// open element named in `targets`, with everything above it, unless a `boundaries` element
/// stands in between (a `td` never closes a cell of an outer table).
fn close_implied(name: &str, stack: &mut Vec<Open>, open_names: &mut HashMap<String, usize>) {
    let (targets, boundaries): (&[&str], &[&str]) = match name {
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr"], &["table", "thead", "tbody", "tfoot"]),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot"], &["table"]),
        "li" => (&["li"], &["ul", "ol"]),
        "p" => {
            if stack.last().is_some_and(|open| open.name == "p") {
                let open = stack.pop().expect("checked");
                decrement(open_names, &open.name);
            }
            return;
        }
        _ => return,
    };
    if !targets.iter().any(|target| open_names.get(*target).copied().unwrap_or(0) > 0) {
        return;
    }
    let Some(position) = stack
        .iter()
        .rposition(|open| targets.contains(&open.name.as_str()) || boundaries.contains(&open.name.as_str()))
    else {
        return;
    };
    if !targets.contains(&stack[position].name.as_str()) {
        return;
    }
    while stack.len() > position {
        if let Some(open) = stack.pop() {
            decrement(open_names, &open.name);
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle))
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
