//! Text folding for search: case- and accent-insensitive, so `boumerdes` finds "Boumerdès".
//!
//! Written by hand rather than with unicode-normalization: the data's accented letters are all in
//! Latin-1 and Latin Extended-A, and a 190-character table costs a few hundred bytes of wasm where the
//! normalization tables cost tens of kilobytes.

/// Base letters for U+00C0..=U+017F, one char each; `\0` keeps the character as it is.
const LATIN: &str = "AAAAAAACEEEEIIII\0NOOOOO\0OUUUUY\0saaaaaaaceeeeiiii\0nooooo\0ouuuuy\0yAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi\0\0JjKk\0LlLlLlLlLlNnNnNn\0\0\0OoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz\0";

fn fold_char(c: char) -> char {
    let code = c as u32;
    if (0xC0..=0x17F).contains(&code) {
        if let Some(base) = LATIN.chars().nth((code - 0xC0) as usize) {
            if base != '\0' {
                return base.to_ascii_lowercase();
            }
        }
    }
    match c {
        '\u{a0}' => ' ',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Lower-cases and strips Latin accents; other scripts (Chinese) pass through unchanged.
pub fn fold(s: &str) -> String {
    // Most titles and names are ASCII: lower-cased a byte at a time, the same result as a character at
    // a time (which was half the columns' build time for the built-in data).
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(fold_char).collect()
}

/// Characters that show nothing: zero-width spaces and joiners, word joiners and invisible
/// operators, bidirectional controls, the byte-order mark, the braille blank, Hangul fillers,
/// variation selectors, tag characters and the like. With whitespace and control characters, they
/// make a text that looks empty (a title made of them is a missing title).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether a text shows nothing at all (see [`is_invisible`]).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// Whether a character is a Chinese (CJK unified) ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_folds_as_each_character_would() {
        let every: String = (0u8..128).map(char::from).collect();
        for s in [
            every.as_str(),
            "Small Hydropower PLANT No. 3",
            "",
            "MIXED case\tTAB",
        ] {
            assert_eq!(
                fold(s),
                s.chars().map(fold_char).collect::<String>(),
                "{s:?}"
            );
        }
        assert_eq!(fold("Boumerdès ÉCOLE"), "boumerdes ecole");
    }

    #[test]
    fn invisible_text_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(
            " \u{200B}\u{200D}\u{2800}\u{202E}\u{2066}\u{FEFF}\u{3164}\u{E0041}\t"
        ));
        assert!(!is_blank("\u{200B}a"));
        assert!(!is_blank("水"));
        assert!(!is_blank("\u{200D}👩"));
    }

    #[test]
    fn table_covers_the_whole_range() {
        assert_eq!(LATIN.chars().count(), 0x17F - 0xC0 + 1);
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Boumerdès"), "boumerdes");
        assert_eq!(fold("CÔTE D'IVOIRE"), "cote d'ivoire");
        assert_eq!(fold("São Tomé and Príncipe"), "sao tome and principe");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("水电站 Hydro"), "水电站 hydro");
    }
}
