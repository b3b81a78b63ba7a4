//! The words of a record that similarity compares: its folded title (and description), cut into
//! words, with grammar words, the source's own conventions ("Linked to Project ID#…") and country
//! names left out.
//!
//! Country names are left out because a title names its recipient ("… in Kenya"): counting that word
//! would rank projects in the same country first, where the point is to find comparable projects
//! elsewhere. Geography is scored separately (region, income group), where it can be explained.

use std::collections::HashSet;

use crate::columns::Columns;

/// Words that say nothing about what a project is: English grammar words, the source's conventions
/// for links and money, and the provider (every built-in record is Chinese finance).
const STOP: &[&str] = &[
    "about",
    "after",
    "along",
    "also",
    "among",
    "and",
    "are",
    "around",
    "been",
    "between",
    "but",
    "by",
    "for",
    "from",
    "has",
    "have",
    "into",
    "its",
    "new",
    "not",
    "off",
    "one",
    "other",
    "over",
    "per",
    "the",
    "their",
    "this",
    "that",
    "these",
    "those",
    "three",
    "through",
    "two",
    "under",
    "upon",
    "via",
    "was",
    "were",
    "which",
    "who",
    "will",
    "with",
    "within",
    "worth",
    // The source's linking convention and identifiers.
    "etca",
    "etcas",
    "idn",
    "ids",
    "link",
    "linked",
    "project",
    "projectid",
    "umbrella",
    // Money and the provider: the same in most records, and said better by amount and provider.
    "approximately",
    "billion",
    "china",
    "chinese",
    "dollar",
    "million",
    "prc",
    "rmb",
    "usd",
    "yuan",
];

/// Spellings of one thing that titles mix: "hydro power", "hydroelectric" and "hydropower" plants.
const SAME: &[(&str, &str)] = &[
    ("hydro", "hydropower"),
    ("hydroelectric", "hydropower"),
    ("hydroelectricity", "hydropower"),
];

/// Words of country names that are not names of places by themselves ("Republic", "Islands").
const GENERIC: &[&str] = &[
    "and",
    "arab",
    "british",
    "democratic",
    "east",
    "federal",
    "french",
    "islands",
    "island",
    "new",
    "north",
    "outlying",
    "people",
    "republic",
    "saint",
    "south",
    "territories",
    "the",
    "united",
    "west",
    "western",
    "central",
    "city",
    "coast",
    "costa",
    "great",
    "santo",
];

pub use crate::text::is_cjk;

/// Whether a word is written in Chinese characters (searched through the glossary).
pub fn is_chinese(word: &str) -> bool {
    word.chars().any(is_cjk)
}

/// A plural's singular, roughly: "hospitals" → "hospital", "facilities" → "facility". Only the
/// endings that are nearly always plurals are cut, so that "gas", "bus" and "basis" stay whole.
pub fn stem(word: &str) -> String {
    let n = word.len();
    if n >= 5 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    if n >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// Calls `f` with every comparable word of already folded text, stemmed. Numbers (ids, years,
/// megawatts) and words shorter than three letters are skipped; Chinese runs are kept whole.
pub fn for_each_word(folded: &str, mut f: impl FnMut(String)) {
    for raw in folded.split(|c: char| !c.is_alphanumeric()) {
        let Some(first) = raw.chars().next() else {
            continue;
        };
        if first.is_numeric() {
            continue;
        }
        if !is_chinese(raw) && raw.chars().count() < 3 {
            continue;
        }
        let mut word = stem(raw);
        if let Some((_, canonical)) = SAME.iter().find(|(w, _)| *w == word) {
            word = canonical.to_string();
        }
        if STOP.contains(&word.as_str()) || STOP.contains(&raw) {
            continue;
        }
        f(word);
    }
}

/// Folded words of country names, for [`CountryWords::contains`].
#[derive(Clone, Debug, Default)]
pub struct CountryWords(HashSet<String>);

impl CountryWords {
    /// The words of every country name in the reference tables (English, folded).
    pub fn new(cols: &Columns) -> CountryWords {
        let mut set = HashSet::new();
        for name in cols.names.countries.values() {
            for w in crate::text::fold(&name.en).split(|c: char| !c.is_alphanumeric()) {
                if w.chars().count() >= 3 && !GENERIC.contains(&w) {
                    set.insert(w.to_string());
                }
            }
        }
        CountryWords(set)
    }

    /// Whether `word` is a country's name or its adjective ("kenya", "kenyan", "angolan",
    /// "pakistani"): the name itself or the name with up to three more letters.
    pub fn contains(&self, word: &str) -> bool {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        (0..=3).any(|cut| {
            chars.len() > cut
                && self
                    .0
                    .contains(&word[..chars.get(chars.len() - cut).map_or(word.len(), |c| c.0)])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(&crate::text::fold(s), |w| v.push(w));
        v
    }

    #[test]
    fn words_skip_numbers_conventions_and_grammar() {
        assert_eq!(
            words("China Eximbank provides loan for 10MW Small Hydropower Stations (Linked to Project ID#2258, #53053)"),
            ["eximbank", "provide", "loan", "small", "hydropower", "station"]
        );
        assert_eq!(words("Gas and bus facilities"), ["gas", "bus", "facility"]);
        assert_eq!(
            words("Hydro Power, hydroelectric"),
            ["hydropower", "power", "hydropower"]
        );
        assert_eq!(words("水电站 hospitals"), ["水电站", "hospital"]);
    }

    #[test]
    fn country_words_cover_adjectives_but_not_generic_words() {
        let mut c = CountryWords::default();
        for w in ["kenya", "angola", "pakistan", "sri"] {
            c.0.insert(w.into());
        }
        assert!(c.contains("kenyan") && c.contains("angolan") && c.contains("pakistani"));
        assert!(c.contains("sri") && !c.contains("sr") && !c.contains("hospital"));
        assert!(
            !c.contains("ken") && !c.contains("angolanese"),
            "four more letters is another word"
        );
    }
}
