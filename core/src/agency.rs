//! Agency names as the data writes them, grouped under a normalised key: a leaf module, so that the
//! columns (the agency facet) and the actors (agency pages) share one key without importing each other.

use crate::text::fold;

/// Legal forms at the end of a company name, dropped from the key ("… Co., Ltd." = "… Co Ltd").
const LEGAL_FORMS: &[&str] = &["co", "ltd", "limited", "inc", "plc", "llc", "sa", "s", "a"];

/// The key agency spellings are grouped under: folded, Chinese characters dropped (some spellings add
/// the Chinese name in brackets), anything not a letter or digit a space, trailing legal forms dropped.
/// An empty key (a name of only punctuation) keeps the folded name itself.
pub fn agency_key(raw: &str) -> String {
    let folded = fold(raw);
    let cleaned: String = folded
        .chars()
        .map(|c| {
            if c.is_alphanumeric() && !crate::text::is_cjk(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(w)) {
        words.pop();
    }
    let key = words.join(" ");
    if key.is_empty() {
        folded.trim().to_string()
    } else {
        key
    }
}

/// Whether an agency name is the source's placeholder for an agency it does not know
/// ("Unspecified Chinese Government Institution").
pub fn is_placeholder(key: &str) -> bool {
    key.starts_with("unspecified") || key.starts_with("unknown")
}
