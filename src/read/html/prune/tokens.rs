//! The tokenizer's side of the prune scan: text between tags, comments and the doctype, one
//! tag read through its attributes as the HTML tokenizer reads it, and the raw text of `script`
//! and its kind skipped to its end tag. Each gives up (`None`) where the tokenizer would do
//! something the scan does not model (see the parent module's list, step 1).

use super::super::byte_search::{find_byte, find_end_tag};
use super::{CUT_MARKER, Phase, Scan, TablePart};

/// A tag as the tokenizer reads it.
pub(super) struct Tag {
    /// Where its name is in the source.
    pub(super) name: (usize, usize),
    /// Offset just past its `>`.
    pub(super) end: usize,
}

impl<'a> Scan<'a> {
    /// Text between tags.
    pub(super) fn text(&mut self, from: usize, to: usize) -> Option<()> {
        if from == to {
            return Some(());
        }
        let text = &self.bytes[from..to];
        if text.contains(&0) {
            return None;
        }
        let blank = text.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        if blank {
            return Some(());
        }
        match self.phase {
            Phase::Initial | Phase::BeforeHead | Phase::InHead | Phase::AfterHead => {
                self.phase = Phase::InBody;
            }
            Phase::InBody => {}
            Phase::AfterBody => return None,
        }
        if self.tables.last() == Some(&TablePart::Structure) {
            // Text between cells is foster-parented out of the table.
            return None;
        }
        for candidate in &mut self.candidates {
            candidate.has_text = true;
        }
        Some(())
    }

    /// `<!--…-->` or `<!DOCTYPE …>`; anything else starting with `<!` gives up.
    pub(super) fn markup_declaration(&mut self, lt: usize) -> Option<()> {
        let rest = &self.html[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            if body.starts_with('>') || body.starts_with("->") {
                return None;
            }
            let end = body.find("-->")?;
            let comment = &body[..end];
            if comment.contains("--!") || comment == CUT_MARKER {
                return None;
            }
            self.at = lt + 4 + end + 3;
            return Some(());
        }
        if rest.len() >= 9
            && rest.as_bytes()[2..9].eq_ignore_ascii_case(b"doctype")
            && self.phase == Phase::Initial
        {
            self.at = lt + rest.find('>')? + 1;
            return Some(());
        }
        None
    }

    /// Reads a tag whose name starts at `name_start`, through its attributes to its `>`, as the
    /// tokenizer does (a quote only opens a value right after `=`).
    pub(super) fn tag(&self, name_start: usize) -> Option<Tag> {
        let bytes = self.bytes;
        let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
        let mut at = name_start;
        while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
            if bytes[at] == 0 {
                return None;
            }
            at += 1;
        }
        let name = (name_start, at);
        #[derive(PartialEq)]
        enum State {
            BeforeName,
            Name,
            AfterName,
            BeforeValue,
            Quoted(u8),
            Unquoted,
            AfterQuoted,
        }
        let mut state = State::BeforeName;
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            if b == 0 {
                return None;
            }
            state = match state {
                State::BeforeName | State::AfterQuoted if b == b'>' => break,
                State::BeforeName if is_space(b) || b == b'/' => State::BeforeName,
                State::BeforeName => State::Name,
                State::AfterQuoted if is_space(b) || b == b'/' => State::BeforeName,
                State::AfterQuoted => State::Name,
                State::Name | State::AfterName if b == b'>' => break,
                State::Name if is_space(b) => State::AfterName,
                State::Name if b == b'/' => State::BeforeName,
                State::Name if b == b'=' => State::BeforeValue,
                State::Name => State::Name,
                State::AfterName if is_space(b) => State::AfterName,
                State::AfterName if b == b'/' => State::BeforeName,
                State::AfterName if b == b'=' => State::BeforeValue,
                State::AfterName => State::Name,
                State::BeforeValue if is_space(b) => State::BeforeValue,
                State::BeforeValue if b == b'>' => break,
                State::BeforeValue if b == b'"' || b == b'\'' => State::Quoted(b),
                State::BeforeValue => State::Unquoted,
                State::Quoted(quote) if b == quote => State::AfterQuoted,
                State::Quoted(quote) => {
                    at = find_byte(bytes, at, quote)?;
                    State::Quoted(quote)
                }
                State::Unquoted if is_space(b) => State::BeforeName,
                State::Unquoted if b == b'>' => break,
                State::Unquoted => State::Unquoted,
            };
        }
        Some(Tag { name, end: at })
    }

    pub(super) fn name(&self, name: (usize, usize)) -> &'a [u8] {
        &self.bytes[name.0..name.1]
    }

    /// Skips the raw text of `name` to its end tag (which is then read as a tag).
    pub(super) fn skip_raw_text(&mut self, name: &[u8], script: bool) -> Option<()> {
        let mut from = self.at;
        loop {
            let found = find_end_tag(self.html.as_bytes(), from, name)?;
            let after = found + 2 + name.len();
            let delimited =
                matches!(self.bytes.get(after), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'));
            if delimited {
                if script && self.html[self.at..found].contains("<!--") {
                    return None;
                }
                let tag = self.tag(found + 2)?;
                self.at = tag.end;
                return Some(());
            }
            from = found + 2;
        }
    }
}
