//! What the HTML parsing rules say about an element, by its tag name: void elements, raw-text
//! elements, headings, table parts, head content, the tree builder's "special" elements and the
//! start tags that close an open `<p>`; the elements the prune scan refuses and those a cut block may
//! stand in; and tag names lowered without allocating.
//!
//! Owns these lists once for the byte scans of the page (`prune`, `depth`, `source_lines`) and
//! the page walk, so they cannot drift apart. Names are compared in lower case ([`lower`]).

/// A tag name in lower case, kept on the stack: every name the lists here hold is short ASCII.
pub(super) struct LowerName {
    bytes: [u8; 12],
    len: usize,
}

impl LowerName {
    /// The name, or "" for a name no list here holds (too long, or not ASCII): an ordinary element.
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

pub(super) fn lower(name: &[u8]) -> LowerName {
    let mut lowered = LowerName { bytes: [0; 12], len: 0 };
    if name.len() <= lowered.bytes.len() && name.is_ascii() {
        lowered.bytes[..name.len()].copy_from_slice(name);
        lowered.bytes[..name.len()].make_ascii_lowercase();
        lowered.len = name.len();
    }
    lowered
}

pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

pub(super) fn is_heading_bytes(name: &[u8]) -> bool {
    name.len() == 2 && name[0].eq_ignore_ascii_case(&b'h') && (b'1'..=b'6').contains(&name[1])
}

pub(super) fn is_table_part(name: &str) -> bool {
    matches!(name, "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr")
}

pub(super) fn is_head_content(name: &str) -> bool {
    matches!(
        name,
        "meta"
            | "link"
            | "base"
            | "basefont"
            | "bgsound"
            | "title"
            | "style"
            | "script"
            | "noscript"
            | "noframes"
    )
}

pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content the tokenizer reads as text up to their end tag.
pub(super) fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "title" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
    )
}

/// Start tags that close an open `<p>` (in button scope).
pub(super) fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "header"
                | "hgroup"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "search"
                | "section"
                | "summary"
                | "ul"
                | "pre"
                | "listing"
                | "form"
                | "table"
                | "hr"
                | "xmp"
                | "li"
                | "dd"
                | "dt"
                | "plaintext"
        )
}

/// The tree builder's "special" elements.
pub(super) fn is_special(name: &str) -> bool {
    is_heading(name)
        || is_void(name)
        || is_table_part(name)
        || matches!(
            name,
            "address"
                | "applet"
                | "article"
                | "aside"
                | "blockquote"
                | "body"
                | "button"
                | "center"
                | "details"
                | "dir"
                | "div"
                | "dl"
                | "dd"
                | "dt"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "frame"
                | "frameset"
                | "head"
                | "header"
                | "hgroup"
                | "html"
                | "iframe"
                | "li"
                | "listing"
                | "main"
                | "marquee"
                | "menu"
                | "nav"
                | "noembed"
                | "noframes"
                | "noscript"
                | "object"
                | "ol"
                | "p"
                | "plaintext"
                | "pre"
                | "script"
                | "search"
                | "section"
                | "select"
                | "style"
                | "summary"
                | "table"
                | "template"
                | "textarea"
                | "title"
                | "ul"
                | "xmp"
        )
}

/// Elements whose effect on the tree builder the prune scan does not model.
pub(super) fn is_refused(name: &str) -> bool {
    matches!(
        name,
        "frameset"
            | "frame"
            | "template"
            | "svg"
            | "math"
            | "select"
            | "option"
            | "optgroup"
            | "plaintext"
            | "applet"
            | "marquee"
            | "object"
            | "image"
            | "isindex"
            | "nobr"
    )
}

/// Plain containers a cut block may stand in: no heading (whose blocks are headings), no
/// formatting element, no `<sup>`, nothing hidden by its name.
pub(super) fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "main"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "figure"
            | "blockquote"
            | "address"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dd"
            | "dt"
    )
}
