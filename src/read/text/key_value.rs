//! Key and value printed on one line, a space between them: a site's small information table
//! whose two cells per row lost their separator when the text was taken out ("Documentdatum
//! 20-05-2020", "Kenmerk 35470 X, nr. 1", "Officiële titel Jaarverslag en slotwet …", the
//! "Kerngegevens" block of parlementairemonitor.nl copies of Kamerstukken).
//!
//! Owns finding such a block and rewriting its lines as pipe rows without a header ("Documentdatum
//! | 20-05-2020 |"), so that the pipe reading ([`super::pipe`]) reads them as any other table, and
//! naming the lines whose cut the print leaves open.
//!
//! A block is a run of at least [`MIN_ROWS`] lines without a blank line between them, under a
//! short heading line that stands alone (a blank line above and below it), ending at a blank line
//! or the text's edge. Every line of it opens with a capital, holds two words or more, no pipe, no
//! run of spaces and no full stop at its end, and is at most [`MAX_LINE_BYTES`] long. Where a
//! key ends is decided by the words: the key is the first word and the lower-case words after it,
//! the value starts at the first later word that opens with a capital or a digit ("Officiële
//! titel | Jaarverslag …", "Documentdatum | 20-05-2020"). What makes such lines a table and not a
//! list is the evidence of at least [`MIN_FIGURE_VALUES`] lines whose key is one word and whose
//! value opens with a digit without being a figure (a date, a dossier number: "20-05-2020",
//! "35470 X, nr. 1"); a list of phrases has no such lines, and a line whose value is figures
//! alone ("Uitgaven 1.234 2.345", "Leeswijzer 5") is a row of a table printed one row a line,
//! which the block is not.
//!
//! Known limit: a line whose words after the key are all lower-case ("Externe link origineel
//! bericht") or whose value may be part of the key ("Originele document in PDF") does not say
//! where its key ends. It is read by the rule (the whole line as key, or the cut at the capital)
//! and named as uncertain, so its cells carry `split_uncertain`.

use std::borrow::Cow;

use super::pipe::{PipeBlock, with_lines_replaced};
use crate::interpret::run_together::is_figure_token;

/// The fewest lines of a block.
const MIN_ROWS: usize = 4;

/// The most lines of a block: these are a site's small tables.
const MAX_ROWS: usize = 30;

/// The longest line, in bytes, read as a key and its value: a document's official title runs to
/// a few hundred characters ("Officiële titel Wijziging van de begrotingsstaat van het
/// Deltafonds … (wijziging samenhangende met de Voorjaarsnota)", 307 bytes, wild page y4_07).
const MAX_LINE_BYTES: usize = 1000;

/// A line longer than this, in bytes, is a key and value only when it holds no sentence break
/// (a full stop, a space, a capital).
const LONG_LINE_BYTES: usize = 300;

/// The longest heading over a block, in characters.
const MAX_HEADING_CHARS: usize = 40;

/// The fewest lines whose key is one word and whose value opens with a digit.
const MIN_FIGURE_VALUES: usize = 3;

/// A block of key/value lines rewritten as pipe rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyValueBlock {
    /// First line of the block, 1-based.
    pub first_line: usize,
    /// Last line of the block, 1-based, inclusive.
    pub last_line: usize,
    /// The block's lines as pipe rows ("key | value |"), in order.
    pub rows: Vec<String>,
    /// Lines (1-based) whose cut between key and value the print leaves open.
    pub uncertain_lines: Vec<usize>,
}

/// `text` with every key/value block's lines rewritten as pipe rows ("Documentdatum |
/// 20-05-2020 |"), line numbers unchanged; the blocks as pipe blocks read without a header line;
/// and the lines (1-based) whose cut between key and value the print leaves open. The text itself
/// when there are none.
pub(super) fn as_pipe_rows(text: Cow<'_, str>) -> (Cow<'_, str>, Vec<PipeBlock>, Vec<usize>) {
    let lines: Vec<&str> = text.lines().collect();
    let found = find_blocks(&lines);
    if found.is_empty() {
        return (text, Vec::new(), Vec::new());
    }
    let mut replacements = Vec::new();
    let mut blocks = Vec::with_capacity(found.len());
    let mut open_cuts = Vec::new();
    for block in found {
        replacements.extend(
            block.rows.into_iter().enumerate().map(|(offset, row)| (block.first_line - 1 + offset, row)),
        );
        blocks.push(PipeBlock {
            first_line: block.first_line,
            last_line: block.last_line,
            separator: 0,
            key_value: true,
        });
        open_cuts.extend(block.uncertain_lines);
    }
    let rewritten = with_lines_replaced(&text, &replacements);
    (Cow::Owned(rewritten), blocks, open_cuts)
}

/// Every key/value block of the text, in print order.
fn find_blocks(lines: &[&str]) -> Vec<KeyValueBlock> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index + 2 < lines.len() {
        let heading_alone = is_heading(lines[index])
            && (index == 0 || lines[index - 1].trim().is_empty())
            && lines[index + 1].trim().is_empty();
        if !heading_alone {
            index += 1;
            continue;
        }
        let first = index + 2;
        let end = lines[first..]
            .iter()
            .position(|line| line.trim().is_empty())
            .map_or(lines.len(), |at| first + at);
        match read_block(&lines[first..end], first + 1) {
            Some(block) => {
                blocks.push(block);
                index = end;
            }
            None => index += 1,
        }
    }
    blocks
}

/// A short line without figures or closing punctuation: the heading over a block.
fn is_heading(line: &str) -> bool {
    let trimmed = line.trim();
    // (Bytes first: a character takes at most four, and most lines are far longer.)
    !trimmed.is_empty()
        && trimmed.len() <= 4 * MAX_HEADING_CHARS
        && trimmed.chars().count() <= MAX_HEADING_CHARS
        && trimmed.starts_with(char::is_uppercase)
        && !trimmed.chars().any(|c| c.is_ascii_digit() || c == '|')
        && !trimmed.ends_with(['.', ':', ';', ','])
}

/// The block of `lines` (the first one is line `first_line`, 1-based), or `None` when they are
/// not key/value lines.
fn read_block(lines: &[&str], first_line: usize) -> Option<KeyValueBlock> {
    if !(MIN_ROWS..=MAX_ROWS).contains(&lines.len()) {
        return None;
    }
    let mut rows = Vec::with_capacity(lines.len());
    let mut uncertain_lines = Vec::new();
    let mut figure_values = 0;
    for (offset, line) in lines.iter().enumerate() {
        let (key, value, certain) = key_and_value(line)?;
        // A value of figures alone is a row of a table printed one row a line ("Uitgaven 1.234
        // 2.345", "Leeswijzer 5", "Voorjaarsnota april 2024"): not a key/value block.
        if !value.is_empty() && value.split_whitespace().all(is_figure_token) {
            return None;
        }
        if !key.contains(' ') && value.starts_with(|c: char| c.is_ascii_digit()) {
            figure_values += 1;
        }
        if !certain {
            uncertain_lines.push(first_line + offset);
        }
        rows.push(format!("{key} | {value} |"));
    }
    (figure_values >= MIN_FIGURE_VALUES).then(|| KeyValueBlock {
        first_line,
        last_line: first_line + lines.len() - 1,
        rows,
        uncertain_lines,
    })
}

/// A line cut into its key and its value, and whether the words decide the cut; `None` when
/// the line is not a key and a value.
fn key_and_value(line: &str) -> Option<(&str, &str, bool)> {
    let line = line.trim_end();
    // A sentence's end, maybe with a note marker glued after it ("… over het jaar.4"): prose
    // (a number's point, "versie 1.2", is none).
    let marker = line.bytes().rev().take_while(u8::is_ascii_digit).count();
    let sentence_end = line.ends_with('.')
        || ((1..=2).contains(&marker)
            && line[..line.len() - marker]
                .strip_suffix('.')
                .is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_digit())));
    // A long line holding two sentences is prose, however it ends; a title of hundreds of
    // characters has none ("…; Nota van wijziging; 36120-J Nota van wijziging inzake …").
    let sentences = line.len() > LONG_LINE_BYTES
        && line.match_indices(". ").any(|(at, _)| line[at + 2..].starts_with(char::is_uppercase));
    if line.len() > MAX_LINE_BYTES
        || line.starts_with(char::is_whitespace)
        || line.contains(['|', '\t'])
        || line.contains("  ")
        || sentence_end
        || sentences
        || !line.starts_with(char::is_uppercase)
    {
        return None;
    }
    let mut words = line.match_indices(' ').map(|(at, _)| at + 1);
    // The value opens at the first word after the key's first word that opens with a capital
    // or a digit; the key's other words are lower-case.
    let first_space = line.find(' ')?;
    let value_start =
        words.find(|&at| line[at..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    match value_start {
        Some(at) => {
            let key = line[..at].trim_end();
            let value = &line[at..];
            // One lower-case word or none between: "Officiële titel | Jaarverslag …". A value
            // of one word after a longer key ("Originele document in | PDF") may be the key's.
            let certain = key.matches(' ').count() <= 1 && (value.contains(' ') || at == first_space + 1);
            Some((key, value, certain))
        }
        None => Some((line, "", false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines 7-15 of wild page p1_02 (parlementairemonitor.nl copy of the Defensie jaarverslag
    /// 2019, kst-35470-X-1), as printed.
    const KERNGEGEVENS: &str = "1.\n\nKerngegevens\n\nOfficiële titel Jaarverslag en slotwet Ministerie van Defensie 2019; Jaarverslag; Jaarverslag Ministerie van Defensie 2019\nDocumentdatum 20-05-2020\nPublicatiedatum 20-05-2020\nNummer KST35470X1\nKenmerk 35470 X, nr. 1\nExterne link origineel bericht\nOriginele document in PDF\n\n2.\n";

    #[test]
    fn a_kerngegevens_block_is_cut_into_keys_and_values() {
        let lines: Vec<&str> = KERNGEGEVENS.lines().collect();
        let blocks = find_blocks(&lines);
        assert_eq!(blocks.len(), 1);
        let block = &blocks[0];
        assert_eq!((block.first_line, block.last_line), (5, 11));
        assert_eq!(
            block.rows,
            vec![
                "Officiële titel | Jaarverslag en slotwet Ministerie van Defensie 2019; Jaarverslag; Jaarverslag Ministerie van Defensie 2019 |",
                "Documentdatum | 20-05-2020 |",
                "Publicatiedatum | 20-05-2020 |",
                "Nummer | KST35470X1 |",
                "Kenmerk | 35470 X, nr. 1 |",
                "Externe link origineel bericht |  |",
                "Originele document in | PDF |",
            ]
        );
        // The two link lines do not say where their key ends: the truth of p1_02 keys them as
        // "Externe link" | "origineel bericht" and "Originele document in PDF" | "", which the
        // rule reads otherwise; they are flagged, not right.
        assert_eq!(block.uncertain_lines, vec![10, 11]);
    }

    #[test]
    fn an_official_title_of_hundreds_of_characters_keeps_its_block() {
        // Wild page y4_07 (eumonitor.nl copy of kst-36120-J-3), lines 7-14: the official title's
        // line is 307 bytes; read as prose, "Documentdatum 04-07-2022" lost its year to a figure
        // column in silence.
        let title = "Officiële titel Wijziging van de begrotingsstaat van het Deltafonds voor het jaar 2022 \
                     (wijziging samenhangende met de Voorjaarsnota); Nota van wijziging; 36120-J Nota van wijziging \
                     inzake wijziging van de begrotingsstaat van het Deltafonds voor het jaar 2022 (wijziging \
                     samenhangende met de Voorjaarsnota)";
        assert_eq!(title.len(), 307);
        let text = format!(
            "1.\n\nKerngegevens\n\n{title}\nDocumentdatum 04-07-2022\nPublicatiedatum 04-07-2022\n\
             Nummer KST36120J3\nKenmerk 36120 J, nr. 3\nCommissie(s) Infrastructuur en Waterstaat (I&W)\n\n2.\n"
        );
        let lines: Vec<&str> = text.lines().collect();
        let blocks = find_blocks(&lines);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].rows[1], "Documentdatum | 04-07-2022 |");
        assert!(blocks[0].rows[0].starts_with("Officiële titel | Wijziging van de begrotingsstaat"));
    }

    #[test]
    fn prose_of_long_lines_with_markers_after_their_full_stops_is_no_block() {
        // Review of session 26: paragraphs of 330-400 bytes on lines of their own, each ending
        // in a note marker after its full stop and opening with "In 2021", "Op 1 juli" (a word
        // and a value opening with a digit), under a heading standing alone.
        let sentence = "is de uitvoering van de regeling verder verbeterd. De middelen zijn besteed aan \
                        projecten in alle provincies en de resultaten worden gevolgd door een onafhankelijke \
                        commissie die jaarlijks rapporteert aan de minister over de voortgang en de knelpunten \
                        die zich bij de uitvoering voordoen, en over de evaluatie van de regeling";
        let text = format!(
            "Toelichting op de uitgaven\n\nIn 2021 {sentence}.1\nOp 1 juli 2021 {sentence}.2\n\
             Vanaf 2022 {sentence}.3\nSinds 2019 {sentence}.4\n"
        );
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[2].len() > 300);
        assert!(find_blocks(&lines).is_empty());
        // Without the markers the lines end in full stops; without the full stops inside, a
        // long line is no prose for that reason alone (the official title above).
        assert_eq!(key_and_value("Versie 1.2 van de regeling").map(|(key, _, _)| key), Some("Versie"));
    }

    /// Lines that print a label and figures a space apart are rows of a table, not keys and
    /// values: a budget table printed one row a line, a table of contents, a planning list.
    #[test]
    fn rows_of_figures_are_no_key_value_block() {
        for text in [
            "Budgettaire gevolgen van beleid\n\nVerplichtingen 1.234 2.345 3.456\nUitgaven 1.234 2.345 3.456\nProgramma-uitgaven 1.000 2.000 3.000\nApparaatsuitgaven 234 345 456\nOntvangsten 12 13 14\n",
            "Inhoudsopgave\n\nLeeswijzer 5\nBeleidsagenda 7\nBeleidsartikelen 12\nBijlagen 40\n",
            "Planning\n\nVoorjaarsnota april 2024\nKamerbrief 15 mei\nStemming 20 juni\nWetsvoorstel 1 juli\nEvaluatie 2026\n",
            "Maatregelen\n\nVerhoging 5 procent\nVerlaging 3 procent\nBevriezing 2 jaar\nAfschaffing per 2026\n",
        ] {
            let lines: Vec<&str> = text.lines().collect();
            assert!(find_blocks(&lines).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_list_of_phrases_under_a_heading_is_not_a_block() {
        let lines = [
            "Doelstellingen",
            "",
            "Verbeteren van de veiligheid",
            "Versterken van de rechtsstaat",
            "Minder recidive in 2025",
            "Snellere afhandeling van zaken",
        ];
        assert!(find_blocks(&lines).is_empty());
    }

    #[test]
    fn a_block_needs_a_heading_standing_alone() {
        let text: Vec<&str> = KERNGEGEVENS.lines().collect();
        let mut glued = text.clone();
        glued.remove(3); // the blank line under "Kerngegevens"
        assert!(find_blocks(&glued).is_empty());
    }

    #[test]
    fn prose_lines_are_not_keys() {
        assert_eq!(key_and_value("Het kabinet trekt 20 miljoen uit."), None);
        assert_eq!(key_and_value("Bedragen  in euro"), None);
        assert_eq!(key_and_value("Documentdatum 24-04-2020"), Some(("Documentdatum", "24-04-2020", true)));
        assert_eq!(
            key_and_value("Commissie(s) Financiën (FIN)"),
            Some(("Commissie(s)", "Financiën (FIN)", true))
        );
    }
}
