//! Two languages, one catalogue. Every UI string is a field of [`Text`]; the [`catalogue!`] macro takes
//! each key with its English and Chinese side by side, so a key cannot exist in one language only and a
//! misspelt key is a compile error (`t(lang).nav_explore`). Templates use `{name}` placeholders filled by
//! [`fill`]. Numbers go through [`count`] and [`money`], which follow the language's conventions
//! (`1.2 billion` / `12亿`).
//!
//! Written by hand rather than with leptos_i18n or Fluent: this is a struct and a macro, costs nothing at
//! run time, needs no build script or ICU data in the wasm, and the pure core (chart titles, sentences,
//! story narration) uses the same catalogue as the Leptos shell.

use crate::format;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used in the URL (`lang=zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// `en`, `zh`, `zh-Hans`, `zh-CN`, `en-GB`… (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first supported language in the browser's preference list, English if none.
    pub fn from_preferences<'a>(langs: impl IntoIterator<Item = &'a str>) -> Lang {
        langs.into_iter().find_map(Lang::parse).unwrap_or_default()
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// A count of things: `9,404` in English; `9404`, `1.2万`, `12亿` in Chinese.
pub fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => format::int(n),
        Lang::Zh => format::int_zh(n),
    }
}

/// A compact amount: `$350 million` / `3.5亿美元`.
pub fn money(lang: Lang, value: f64, currency: &str) -> String {
    match lang {
        Lang::En => format::money(value, currency),
        Lang::Zh => format::money_zh(value, currency),
    }
}

/// A price base as people read it: `constant 2021` → `2021年不变价` in Chinese; other text as it is.
pub fn price_base(lang: Lang, base: &str) -> String {
    match (lang, base.strip_prefix("constant ")) {
        (Lang::Zh, Some(year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            format!("{year}年不变价")
        }
        _ => base.to_string(),
    }
}

/// A currency code as people read it: `USD` → `美元` in Chinese; other codes as they are. The empty
/// code is a file that states no currency because it has no amounts.
pub fn currency_name(lang: Lang, code: &str) -> &str {
    match (lang, code) {
        (Lang::En, "") => "no currency (the data has no amounts)",
        (Lang::Zh, "") => "无币种（数据中没有金额）",
        (Lang::Zh, "USD") => "美元",
        (Lang::Zh, "CNY") => "人民币",
        (Lang::Zh, "EUR") => "欧元",
        _ => code,
    }
}

/// `name` with a note in brackets, as each language writes it: "Norway (co-financier)",
/// "挪威（联合出资方）".
pub fn with_note(lang: Lang, name: &str, note: &str) -> String {
    match lang {
        Lang::En => format!("{name} ({note})"),
        Lang::Zh => format!("{name}（{note}）"),
    }
}

/// Fills `{name}` placeholders. Unknown placeholders stay as written, so a mistake is visible.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for part in parts(template) {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Slot(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// A piece of a template: text as written, or the name of a `{name}` placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a template into text and placeholders; an unclosed `{` is text. [`fill`] and the
/// interface's template-to-view function both read templates through this.
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if open > 0 {
            out.push(Part::Text(&rest[..open]));
        }
        out.push(Part::Slot(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    out
}

/// Defines one catalogue area: a struct with one `&'static str` field per key, its English and Chinese
/// instances and a `(key, English, Chinese)` table.
macro_rules! catalogue {
    ($name:ident, $en_name:ident, $zh_name:ident, $entries:ident; $( $key:ident : $en:literal , $zh:literal ; )*) => {
        /// UI strings, one field per key.
        pub struct $name { $( pub $key: &'static str, )* }
        pub const $en_name: $name = $name { $( $key: $en, )* };
        pub const $zh_name: $name = $name { $( $key: $zh, )* };
        /// `(key, English, Chinese)` for every key, for tests that walk the UI.
        pub const $entries: &[(&str, &str, &str)] = &[ $( (stringify!($key), $en, $zh), )* ];
    };
}

mod front;
mod map;
pub mod messages;
mod partners;
mod sheets;
mod ui;

pub use front::FrontText;
pub use map::MapText;
pub use partners::PartnersText;
pub use sheets::SheetText;
pub use ui::Text;

/// The source's flow types (GCDF's `flow_type`), in `lang`; `None` for one Bridges does not know.
pub fn flow_type_label(source: &str, lang: Lang) -> Option<&'static str> {
    const TYPES: [(&str, &str); 7] = [
        ("Grant", "赠款"),
        ("Loan", "贷款"),
        ("Export Buyer's Credit", "出口买方信贷"),
        ("Free-standing technical assistance", "独立技术援助"),
        (
            "Supplier's Credit/Export Seller's Credit",
            "供应商信贷/出口卖方信贷",
        ),
        ("Vague TBD", "性质不明（待定）"),
        (
            "Scholarships/training in the donor country",
            "在提供方国家的奖学金/培训",
        ),
    ];
    TYPES
        .iter()
        .find(|(en, _)| *en == source.trim())
        .map(|(en, zh)| match lang {
            Lang::En => *en,
            Lang::Zh => *zh,
        })
}

/// A key of the general catalogue as a value: `|t| t.nav_map`.
pub type Key = fn(&'static Text) -> &'static str;

/// The general catalogue for a language: `t(lang).nav_explore`.
pub fn t(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &ui::EN,
        Lang::Zh => &ui::ZH,
    }
}

/// The map page's catalogue.
pub fn tm(lang: Lang) -> &'static MapText {
    match lang {
        Lang::En => &map::EN,
        Lang::Zh => &map::ZH,
    }
}

/// The front page's catalogue.
pub fn tf(lang: Lang) -> &'static FrontText {
    match lang {
        Lang::En => &front::EN,
        Lang::Zh => &front::ZH,
    }
}

/// The spreadsheet import's catalogue.
pub fn ts(lang: Lang) -> &'static SheetText {
    match lang {
        Lang::En => &sheets::EN,
        Lang::Zh => &sheets::ZH,
    }
}

/// The catalogue of actor profiles and the partner finder.
pub fn tp(lang: Lang) -> &'static PartnersText {
    match lang {
        Lang::En => &partners::EN,
        Lang::Zh => &partners::ZH,
    }
}

/// Every `(key, English, Chinese)` of every area.
pub fn entries() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    ui::ENTRIES
        .iter()
        .chain(map::ENTRIES.iter())
        .chain(partners::ENTRIES.iter())
        .chain(sheets::ENTRIES.iter())
        .chain(front::ENTRIES.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_take_each_language_s_brackets() {
        assert_eq!(
            with_note(Lang::En, "Norway", "co-financier"),
            "Norway (co-financier)"
        );
        assert_eq!(
            with_note(Lang::Zh, "挪威", "联合出资方"),
            "挪威（联合出资方）"
        );
    }

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("ZH_hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::from_preferences(["fr-FR", "zh-TW", "en"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["fr"]), Lang::En);
    }

    #[test]
    fn price_bases_and_currencies() {
        assert_eq!(price_base(Lang::Zh, "constant 2021"), "2021年不变价");
        assert_eq!(price_base(Lang::En, "constant 2021"), "constant 2021");
        assert_eq!(price_base(Lang::Zh, "current"), "current");
        assert_eq!(currency_name(Lang::Zh, "USD"), "美元");
        assert_eq!(currency_name(Lang::En, "USD"), "USD");
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("{n} projects in {c}", &[("n", "3"), ("c", "Peru")]),
            "3 projects in Peru"
        );
        assert_eq!(fill("{missing} {n", &[("n", "3")]), "{missing} {n");
        assert_eq!(fill("共{n}个项目", &[("n", "1.2万")]), "共1.2万个项目");
    }

    #[test]
    fn splits_templates() {
        assert_eq!(
            parts("{n}个项目，{x"),
            vec![Part::Slot("n"), Part::Text("个项目，{x")]
        );
        assert_eq!(
            parts("a {b} c"),
            vec![Part::Text("a "), Part::Slot("b"), Part::Text(" c")]
        );
        assert_eq!(parts(""), vec![]);
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(count(Lang::En, 12_000), "12,000");
        assert_eq!(count(Lang::Zh, 12_000), "1.2万");
        assert_eq!(money(Lang::En, 350e6, "USD"), "$350 million");
        assert_eq!(money(Lang::Zh, 350e6, "USD"), "3.5亿美元");
        assert_eq!(money(Lang::Zh, 1.2e9, "USD"), "12亿美元");
    }

    #[test]
    fn every_key_is_translated_and_placeholders_match() {
        for (key, en, zh) in entries() {
            assert!(
                !en.trim().is_empty() && !zh.trim().is_empty(),
                "{key} is empty"
            );
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(en),
                names(zh),
                "{key}: placeholders differ between languages"
            );
        }
    }
}
