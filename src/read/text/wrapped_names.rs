//! Names wrapped over two lines in a copy of a printed page: a row that prints only a name
//! breaking a word at its end, followed by a row whose name goes on in lower case, is one row
//! ([`join_wrapped_names`]); where the hyphen stays and where it goes is [`join_at_hyphen`]'s.
//! The region stage keeps such a broken line in its table (`region`, `wraps_into_a_row`).

use super::grid;

/// A row that prints only a name breaking a word at its end ("2.1.1 Informatiebeveiligingsbeleid
/// voldoet nog niet aan wet-"), followed by a row whose name goes on in lower case ("en
/// regelgeving", "7"): one row wrapped over two lines in a copy of a printed page (wild page
/// a3_07; "Investeren in zoetwatervoorzie-", "ning", wild page y4_07). The two names are joined
/// in the first row's place ([`join_at_hyphen`]), with the second row's cells.
pub(super) fn join_wrapped_names(fitted: &mut Vec<grid::FittedRow>) {
    let name = |row: &grid::FittedRow| row.stub.iter().rposition(|slot| !slot.is_empty());
    let mut at = 0;
    while at + 1 < fitted.len() {
        let (first, second) = (&fitted[at], &fitted[at + 1]);
        let breaks_a_word = first.data.iter().all(|slot| slot.is_empty())
            && name(first).is_some_and(|index| {
                first.stub[index + 1..].iter().all(|slot| slot.is_empty())
                    && first.stub[index]
                        .text
                        .strip_suffix('-')
                        .is_some_and(|rest| rest.ends_with(|c: char| c.is_alphabetic()))
            });
        let goes_on = name(second).is_some_and(|index| {
            second.stub[..index].iter().all(|slot| slot.is_empty())
                && second.stub[index].text.starts_with(|c: char| c.is_lowercase())
        });
        if breaks_a_word && goes_on {
            let second = fitted.remove(at + 1);
            let (Some(into), Some(from)) = (name(&fitted[at]), name(&second)) else { continue };
            let first = &mut fitted[at];
            let joined = join_at_hyphen(&first.stub[into].text, &second.stub[from].text);
            first.stub[into].text = std::borrow::Cow::Owned(joined);
            first.data = second.data;
            first.marks = second.marks;
        }
        at += 1;
    }
}

/// A name broken at a hyphen and its rest on the next line, put together: before a word that
/// joins two parts ("wet-" and "en regelgeving", "en/of", "tot", "t/m") the shared part's hyphen
/// and a space stay ("wet- en regelgeving"); after a capital or a digit ("BES-", "ICT-") or a
/// prefix that keeps it ("niet-", "oud-", "ex-", "vice-") the hyphen stays without a space
/// ("BES-eilanden", "niet-beleidsartikelen"); else it broke the word and goes
/// ("zoetwatervoorzie-" and "ning": "zoetwatervoorziening").
fn join_at_hyphen(broken: &str, rest: &str) -> String {
    const JOINING: &[&str] = &["en", "of", "en/of", "tot", "t/m"];
    const KEEPS_ITS_HYPHEN: &[&str] = &["niet", "oud", "ex", "vice"];
    let before = &broken[..broken.len() - 1];
    let last_word = before.rsplit(|c: char| c.is_whitespace() || c == '-').next().unwrap_or("");
    if JOINING.contains(&rest.split(' ').next().unwrap_or("")) {
        format!("{broken} {rest}")
    } else if before.ends_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || KEEPS_ITS_HYPHEN.iter().any(|prefix| last_word.eq_ignore_ascii_case(prefix))
    {
        format!("{broken}{rest}")
    } else {
        format!("{before}{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphen_at_a_line_break_stays_where_it_is_printed_as_part_of_the_name() {
        // Wild pages y4_07 and a3_07, and the review's cases: a word broken by the line, the
        // shared part of "wet- en regelgeving", abbreviations and "niet-" that keep their hyphen.
        assert_eq!(
            join_at_hyphen("Investeren in zoetwatervoorzie-", "ning"),
            "Investeren in zoetwatervoorziening"
        );
        assert_eq!(
            join_at_hyphen("voldoet niet aan wet-", "en regelgeving"),
            "voldoet niet aan wet- en regelgeving"
        );
        assert_eq!(
            join_at_hyphen("Bijdragen aan wet-", "en/of regelgeving"),
            "Bijdragen aan wet- en/of regelgeving"
        );
        assert_eq!(
            join_at_hyphen("regionale water-", "tot zoetwatersystemen"),
            "regionale water- tot zoetwatersystemen"
        );
        assert_eq!(join_at_hyphen("openbare lichamen BES-", "eilanden"), "openbare lichamen BES-eilanden");
        assert_eq!(join_at_hyphen("Investeren in ICT-", "voorzieningen"), "Investeren in ICT-voorzieningen");
        assert_eq!(
            join_at_hyphen("Overzicht uitgaven niet-", "beleidsartikelen"),
            "Overzicht uitgaven niet-beleidsartikelen"
        );
    }
}
