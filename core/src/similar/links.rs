//! The source's own links between records. GCDF titles end with notes such as
//! "(Linked to Project ID#2258, #53053)", written by hand in many ways: "Linked to #123 and #456",
//! "link to project ID #38403", "Linked to Umbrella Project #123, ETCA #456", "Linked to Project
//! ID#1, 2, 3", "(possible link to project ID #54817)", "[Subproject of #37704]", sometimes cut off or closed with "]".
//!
//! A note is read as: the word "link"/"linked"/"subproject" (any case), then only connecting words ("to", "with",
//! "project", "ID", "umbrella", "and", "&", …), punctuation and numbers, up to the first other word or
//! closing bracket. Every number in that run is a linked record's id. Stopping at any other word keeps
//! a title such as "Missing Link Section of Trans-Asia Railway" from yielding links.

/// One id named in a link note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkNote {
    /// The id as written (digits only).
    pub id: String,
    /// The note says "possible link": the source itself is not sure.
    pub possible: bool,
}

/// Words that may sit between "linked" and the ids, and between ids.
const CONNECTORS: &[&str] = &[
    "to",
    "with",
    "wth",
    "project",
    "projects",
    "id",
    "ids",
    "projectid",
    "umbrella",
    "etca",
    "etcas",
    "and",
    "no",
    "nos",
    "of",
];

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    Number(&'a str),
    /// Punctuation that continues a list: , . & # : ; { and spaces.
    Joiner,
    /// Anything else, including closing brackets: the note ends.
    Stop,
}

fn tokens(s: &str) -> impl Iterator<Item = (usize, Token<'_>)> + '_ {
    let mut rest = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = rest.next()?;
        let run = |rest: &mut std::iter::Peekable<std::str::CharIndices>, f: fn(char) -> bool| {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = rest.peek() {
                if !f(n) {
                    break;
                }
                end = i + n.len_utf8();
                rest.next();
            }
            end
        };
        let token = if c.is_ascii_digit() {
            Token::Number(&s[start..run(&mut rest, |n| n.is_ascii_digit())])
        } else if c.is_alphabetic() {
            Token::Word(&s[start..run(&mut rest, char::is_alphabetic)])
        } else if c.is_whitespace() || matches!(c, ',' | '.' | '&' | '#' | ':' | ';' | '{') {
            Token::Joiner
        } else {
            Token::Stop
        };
        Some((start, token))
    })
}

/// The ids that link notes in `text` name, in order, without repeats.
pub fn parse_links(text: &str) -> Vec<LinkNote> {
    let mut out: Vec<LinkNote> = Vec::new();
    // A set, not a search of `out`: a hostile title may name thousands of ids.
    let mut seen = std::collections::HashSet::new();
    let mut in_note = false;
    let mut possible = false;
    let mut previous_word = "";
    for (_, token) in tokens(text) {
        match token {
            Token::Word(w) => {
                let lower = w.to_ascii_lowercase();
                if matches!(lower.as_str(), "link" | "linked" | "subproject") {
                    in_note = true;
                    possible = previous_word.eq_ignore_ascii_case("possible");
                } else if in_note && !CONNECTORS.contains(&lower.as_str()) {
                    in_note = false;
                }
                previous_word = w;
            }
            Token::Number(n) if in_note => {
                // Kept as written (ids are compared whole); "ID12345" without '#' reads as ID, 12345.
                if seen.insert(n) {
                    out.push(LinkNote {
                        id: n.to_string(),
                        possible,
                    });
                }
            }
            Token::Number(_) | Token::Joiner => {}
            Token::Stop => in_note = false,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<String> {
        parse_links(s).into_iter().map(|l| l.id).collect()
    }

    #[test]
    fn reads_the_sources_variants() {
        assert_eq!(
            ids("Dam (Linked to Project ID#2258, #53053)"),
            ["2258", "53053"]
        );
        assert_eq!(
            ids("x (Linked to Project ID#1, 2. 3, and 4)"),
            ["1", "2", "3", "4"]
        );
        assert_eq!(
            ids("x (Linked to #5, Umbrella Project #6, ETCA ID#7)"),
            ["5", "6", "7"]
        );
        assert_eq!(ids("x (linked #60167 and #60174)"), ["60167", "60174"]);
        assert_eq!(ids("x (Linked to Project ID#8 & #9) [BRI]"), ["8", "9"]);
        assert_eq!(ids("x (Linked to Project ID##10, #11))"), ["10", "11"]);
        assert_eq!(ids("x (Linked to Project ID12, #13)"), ["12", "13"]);
        assert_eq!(
            ids("x (Linked to #14] Chinese embassy donates 20 beds"),
            ["14"]
        );
        assert_eq!(
            ids("x (Linked to Project ID#15, #16, #17,"),
            ["15", "16", "17"]
        );
        assert_eq!(ids("x（link to #18)"), ["18"]);
        assert_eq!(
            ids("farm (linked to projects #1, #2) [Subproject of #3]"),
            ["1", "2", "3"]
        );
        assert_eq!(
            ids("x (Linked to Project ID#19, #20, and #21)N, #22)"),
            ["19", "20", "21"]
        );
    }

    #[test]
    fn other_uses_of_link_are_not_notes() {
        assert!(ids("Missing Link Section of Trans-Asia Railway 2009").is_empty());
        assert!(ids("Laamu Atoll Link Road Project Phase 2").is_empty());
        assert!(ids("Kathmandu rail link").is_empty());
    }

    #[test]
    fn possible_links_are_marked() {
        let l = parse_links("Santiago (possible link to project ID #54817)");
        assert_eq!(
            l,
            [LinkNote {
                id: "54817".into(),
                possible: true
            }]
        );
        assert!(!parse_links("(Linked to #1)")[0].possible);
    }
}
