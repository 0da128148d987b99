//! The head of a Kamerstuk as its XML states it: dossier number and budget chapter, the dossier's
//! title, the stuk's number and heading, the vergaderjaar, and the publication's identifier.
//!
//! Owns which element holds which fact, in both dialects:
//!
//! | fact | officiele-publicatie | kamerwrk (before about 2009) |
//! |---|---|---|
//! | dossier number | `dossiernummer/dossiernr` ("35 470") | `onderw/nummer` |
//! | budget chapter | `dossiernummer/begrotingshoofdstuk` ("XIV") | (in the dossier title only) |
//! | dossier title | `dossier/titel` | `onderw/naam` |
//! | stuk number | `stuk/stuknr` ("Nr. 4") | `stuk/nummer` |
//! | stuk heading | `stuk/titel` ("MEMORIE VAN TOELICHTING") | `stuk/titel` |
//! | vergaderjaar | `tekstregel inhoud="vergaderjaar"` | `vergjaar` |
//! | identifier | `meta name="OVERHEIDop.externMetadataRecord"` content's path ("kst-35470-XIV-4") | the same |
//!
//! What the facts mean (year, document type) is left to [`crate::meta`], which reads the head
//! as the printed head of a Kamerstuk ([`PublicationHead::as_printed_head`]), the same rules as for
//! HTML and text.

use quick_xml::events::BytesStart;

/// What a Kamerstuk's XML head states; every field `None` when the document does not state it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicationHead {
    /// The dossier number without spaces ("35470").
    pub dossier: Option<String>,
    /// The budget chapter of the dossier ("XIV").
    pub chapter: Option<String>,
    /// The dossier's title ("Jaarverslag en slotwet … 2019").
    pub dossier_title: Option<String>,
    /// The stuk number ("4").
    pub stuk: Option<String>,
    /// The stuk's heading ("MEMORIE VAN TOELICHTING").
    pub stuk_title: Option<String>,
    /// The vergaderjaar as printed ("2019–2020").
    pub vergaderjaar: Option<String>,
    /// The publication identifier ("kst-35470-XIV-4").
    pub identifier: Option<String>,
}

impl PublicationHead {
    /// The head as a Kamerstuk prints it, for the metadata rules that read printed heads:
    /// "35 470 XIV Jaarverslag en slotwet … 2019", a blank line, "Nr. 4 MEMORIE VAN TOELICHTING".
    /// Empty when the document states no dossier title.
    pub fn as_printed_head(&self) -> String {
        let Some(title) = &self.dossier_title else { return String::new() };
        let mut head = String::new();
        if let Some(vergaderjaar) = &self.vergaderjaar {
            head.push_str(&format!("Vergaderjaar {vergaderjaar}\n\n"));
        }
        let dossier = self.dossier.as_deref().map(spaced_dossier).unwrap_or_default();
        let chapter = self.chapter.as_deref().unwrap_or("");
        let first = [dossier.as_str(), chapter, title.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        head.push_str(&first);
        head.push_str("\n\n");
        if let Some(stuk) = &self.stuk {
            head.push_str(&format!("Nr. {stuk}"));
            if let Some(heading) = &self.stuk_title {
                head.push(' ');
                head.push_str(heading);
            }
            head.push('\n');
        }
        head
    }

    /// The address of the publication on zoek.officielebekendmakingen.nl, from its identifier.
    pub fn address(&self) -> Option<String> {
        let identifier = self.identifier.as_deref()?;
        Some(format!("https://zoek.officielebekendmakingen.nl/{identifier}.xml"))
    }
}

/// "35470" → "35 470", as dossier numbers are printed.
fn spaced_dossier(dossier: &str) -> String {
    if dossier.len() == 5 && dossier.bytes().all(|b| b.is_ascii_digit()) {
        format!("{} {}", &dossier[..2], &dossier[2..])
    } else {
        dossier.to_string()
    }
}

/// Which fact an element's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Dossier,
    Chapter,
    DossierTitle,
    Stuk,
    StukTitle,
    Vergaderjaar,
}

/// Collects the head while the reader walks the document.
#[derive(Debug, Default)]
pub(super) struct HeadReader {
    /// The field being read and the depth of its element.
    open: Option<(Field, usize)>,
    texts: Vec<(Field, String)>,
    identifier: Option<String>,
}

impl HeadReader {
    /// An element opens; `stack` holds its ancestors.
    pub(super) fn open(&mut self, name: &str, start: &BytesStart<'_>, stack: &[String]) {
        if name == "meta"
            && self.identifier.is_none()
            && super::attribute(start, "name").as_deref() == Some("OVERHEIDop.externMetadataRecord")
            && let Some(content) = super::attribute(start, "content")
        {
            let path = content.trim_end_matches("/metadata.xml");
            let identifier = path.rsplit('/').next().unwrap_or("");
            if !identifier.is_empty() && !identifier.contains(':') {
                self.identifier = Some(identifier.to_string());
            }
        }
        if self.open.is_some() || stack.iter().any(|open| open == "table") {
            return;
        }
        let parent = stack.last().map(String::as_str).unwrap_or("");
        let field = match (parent, name) {
            ("dossiernummer", "dossiernr") | ("onderw", "nummer") => Some(Field::Dossier),
            ("dossiernummer", "begrotingshoofdstuk") => Some(Field::Chapter),
            ("dossier", "titel") | ("onderw", "naam") => Some(Field::DossierTitle),
            ("stuk", "stuknr") | ("stuk", "nummer") => Some(Field::Stuk),
            ("stuk", "titel") => Some(Field::StukTitle),
            (_, "vergjaar") => Some(Field::Vergaderjaar),
            (_, "tekstregel") if super::attribute(start, "inhoud").as_deref() == Some("vergaderjaar") => {
                Some(Field::Vergaderjaar)
            }
            _ => None,
        };
        if let Some(field) = field
            && !self.texts.iter().any(|(known, _)| *known == field)
        {
            self.open = Some((field, stack.len()));
            self.texts.push((field, String::new()));
        }
    }

    /// An element closes; `stack` no longer holds it.
    pub(super) fn close(&mut self, stack: &[String]) {
        if self.open.is_some_and(|(_, depth)| depth == stack.len()) {
            self.open = None;
        }
    }

    /// Text outside tables and notes.
    pub(super) fn text(&mut self, text: &str) {
        if let Some((field, _)) = self.open
            && let Some((_, collected)) = self.texts.iter_mut().rev().find(|(known, _)| *known == field)
        {
            collected.push_str(text);
        }
    }

    /// The head read.
    pub(super) fn finish(self) -> PublicationHead {
        let get = |field: Field| {
            self.texts
                .iter()
                .find(|(known, _)| *known == field)
                .map(|(_, text)| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|text| !text.is_empty())
        };
        let dossier = get(Field::Dossier).map(|text| text.chars().filter(|c| !c.is_whitespace()).collect());
        let stuk = get(Field::Stuk).map(|text| {
            let text = text.trim_start_matches("Nr.").trim_start_matches("nr.").trim();
            text.trim_end_matches('.').trim().to_string()
        });
        let vergaderjaar =
            get(Field::Vergaderjaar).map(|text| text.trim_start_matches("Vergaderjaar").trim().to_string());
        PublicationHead {
            dossier,
            chapter: get(Field::Chapter),
            dossier_title: get(Field::DossierTitle),
            stuk: stuk.filter(|stuk| !stuk.is_empty()),
            stuk_title: get(Field::StukTitle),
            vergaderjaar,
            identifier: self.identifier,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_head_spaces_the_dossier_number() {
        let head = PublicationHead {
            dossier: Some("35470".into()),
            chapter: Some("XIV".into()),
            dossier_title: Some("Jaarverslag en slotwet Ministerie van LNV 2019".into()),
            stuk: Some("4".into()),
            stuk_title: Some("MEMORIE VAN TOELICHTING".into()),
            vergaderjaar: Some("2019–2020".into()),
            identifier: Some("kst-35470-XIV-4".into()),
        };
        assert_eq!(
            head.as_printed_head(),
            "Vergaderjaar 2019–2020\n\n35 470 XIV Jaarverslag en slotwet Ministerie van LNV 2019\n\nNr. 4 MEMORIE VAN TOELICHTING\n"
        );
        assert_eq!(
            head.address().as_deref(),
            Some("https://zoek.officielebekendmakingen.nl/kst-35470-XIV-4.xml")
        );
    }
}
