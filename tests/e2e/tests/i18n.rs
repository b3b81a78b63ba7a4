//! Two languages: every route walked in Chinese and in English, checking the visible text against the
//! catalogue both ways; the switch keeps the view; `<html lang>` follows; the browser's language is
//! used on a first visit; Chinese numbers.

use std::time::Duration;

use crate::common::*;
use fantoccini::Locator;
use serde_json::{json, Value};

/// Walks every text node and the text attributes people meet (aria-label, placeholder, alt, title
/// where visible as a tooltip is irrelevant, so not title), with the language that applies to each:
/// the nearest `lang` attribute. Returns `[{lang, text}]`.
const COLLECT: &str = r#"
const out = [];
const langOf = (el) => { const l = el && el.closest('[lang]'); return l ? l.getAttribute('lang') : ''; };
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let n;
while ((n = walker.nextNode())) {
  const el = n.parentElement;
  // Code, file names, ids and URLs are the same in every language (marked <code> or translate="no").
  if (!el || el.closest('script,style,template,noscript,code,kbd,[translate="no"]')) continue;
  const t = n.textContent.trim();
  if (t) out.push({ lang: langOf(el), text: t });
}
for (const el of document.body.querySelectorAll('[aria-label],[placeholder],[alt]')) {
  if (el.closest('[translate="no"]')) continue;
  for (const a of ['aria-label', 'placeholder', 'alt']) {
    const v = el.getAttribute(a);
    if (v && v.trim()) out.push({ lang: langOf(el), text: v.trim(), attr: a });
  }
}
for (const o of document.body.querySelectorAll('option')) {
  out.push({ lang: langOf(o), text: o.textContent.trim() });
}
return out;
"#;

/// Names and codes that are the same in both languages (products, standards, file formats, sources
/// cited under their own names).
const PROPER: &[&str] = &[
    "Bridges",
    "AidData",
    // The recipient governments' Aid Information Management Systems, the AIMS releases' own name.
    "AIMS",
    "GCDF",
    "SDGs",
    "SDG",
    "CSV",
    // Spreadsheet programs and formats, named as they name themselves.
    "Excel",
    "OpenDocument",
    "JSON",
    "Schema",
    "SVG",
    "PNG",
    "URL",
    "ISO",
    "ODC-By",
    "ODC-PDDL",
    "OECD",
    "CRS",
    "ADM1",
    "ADM2",
    "USD",
    "Natural Earth",
    "Equal Earth",
    "OpenStreetMap",
    "ODbL",
    "geoBoundaries",
    "datasets/country-codes",
    "Unicode CLDR",
    "i18n-iso-countries",
    "open-sdg/sdg-translations",
    "docs/dataset.md",
    "world-atlas",
    "bridges/1",
    "MIT",
    "ISC",
    "CC BY",
    "ODA",
    "OOF",
    "M49",
    "English",
    "Tab",
    "Shift",
    "Enter",
    "Esc",
];

fn is_zh(lang: &str) -> bool {
    lang.to_ascii_lowercase().starts_with("zh")
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

/// English words left once proper names and quotations (a visitor's search, a record's words, shown
/// verbatim in “ ”) are removed.
fn latin_words(s: &str) -> Vec<String> {
    let mut rest = String::new();
    let mut quoted = false;
    for ch in s.chars() {
        match ch {
            '“' => quoted = true,
            '”' => quoted = false,
            _ if !quoted => rest.push(ch),
            _ => {}
        }
    }
    for p in PROPER {
        rest = rest.replace(p, " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .map(str::to_string)
        .collect()
}

fn with_lang(route: &str, lang: &str) -> String {
    let sep = if route.contains('?') { '&' } else { '?' };
    format!("{route}{sep}lang={lang}")
}

#[tokio::test(flavor = "multi_thread")]
async fn every_visible_string_is_in_the_pages_language() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    // English catalogue values that differ from their translation: seeing one in the Chinese UI means
    // a string was not translated, and the other way round.
    let pairs: Vec<(&str, &str)> = bridges_core::i18n::entries()
        // The language switch is written in the language it switches to, on purpose.
        .filter(|(key, en, zh)| en != zh && !key.starts_with("lang_switch"))
        .map(|(_, en, zh)| (*en, *zh))
        .collect();
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for (route, ready) in ROUTES {
        for lang in ["zh", "en"] {
            let url = format!("{app}{}", with_lang(route, lang));
            c.goto(&url).await.unwrap();
            wait_for(&c, ready).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            let html_lang = eval(&c, "return document.documentElement.lang").await;
            let want = if lang == "zh" { "zh-Hans" } else { "en" };
            if html_lang != json!(want) {
                failures.push(format!("{route} [{lang}]: <html lang={html_lang}>"));
            }
            let nodes = eval(&c, COLLECT).await;
            for node in nodes.as_array().unwrap() {
                let text = node["text"].as_str().unwrap_or("");
                let node_lang = node["lang"].as_str().unwrap_or("");
                checked += 1;
                if is_zh(node_lang) {
                    let words = latin_words(text);
                    if !words.is_empty() {
                        failures.push(format!(
                            "{route} [zh]: English in Chinese UI: {text:?} ({words:?})"
                        ));
                    }
                    if let Some((en, _)) = pairs.iter().find(|(en, _)| *en == text) {
                        failures.push(format!("{route} [zh]: untranslated key {en:?}"));
                    }
                } else {
                    if has_cjk(text) {
                        failures.push(format!(
                            "{route} [{lang}, lang={node_lang:?}]: Chinese outside a Chinese element: {text:?}"
                        ));
                    }
                    if node_lang.is_empty() || node_lang.starts_with("en") {
                        if let Some((_, zh)) = pairs.iter().find(|(_, zh)| *zh == text) {
                            failures.push(format!(
                                "{route} [{lang}]: Chinese key {zh:?} in English text"
                            ));
                        }
                    }
                }
            }
            assert_no_errors(&c, &url).await;
        }
    }
    c.close().await.unwrap();
    eprintln!(
        "checked {checked} strings on {} routes × 2 languages",
        ROUTES.len()
    );
    assert!(checked > 2000, "the walk saw too little text: {checked}");
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_switch_keeps_the_view_and_numbers_follow_the_language() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!(
        "{app}/explore?sector=230&from=2005&measure=amount"
    ))
    .await
    .unwrap();
    wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
    assert_eq!(
        eval(&c, "return document.documentElement.lang").await,
        json!("en")
    );
    let count_en = data_value(&c, "project-count").await;
    let amount_en = text_at(&c, "[data-testid=\"amount-total\"] .value").await;
    assert!(
        amount_en.starts_with('$') && amount_en.contains("billion"),
        "{amount_en}"
    );

    let switch = wait_for(&c, "[data-testid=\"lang-switch\"]").await;
    eval(&c, "window.__samePage = true; return 1").await;
    switch.click().await.unwrap();
    wait_query(&c, "sector=230&from=2005&measure=amount&lang=zh").await;
    assert_eq!(
        eval(&c, "return window.__samePage === true").await,
        json!(true),
        "switching language does not reload the page"
    );
    assert_eq!(
        eval(&c, "return document.documentElement.lang").await,
        json!("zh-Hans")
    );
    // Same view, same figures, Chinese words and numbers.
    assert_eq!(data_value(&c, "project-count").await, count_en);
    let amount_zh = text_at(&c, "[data-testid=\"amount-total\"] .value").await;
    assert!(amount_zh.ends_with("亿美元"), "{amount_zh}");
    // The title follows the measure (amounts here).
    assert_eq!(
        text_at(&c, "#chart-sector-title").await,
        "项目已知金额（按部门）"
    );
    let chips = text_at(&c, "[data-testid=\"filter-chips\"]").await;
    assert!(chips.contains("部门：能源"), "{chips}");

    // Moving to another view keeps the language (the nav carries the state, lang included).
    c.find(Locator::Css(".site-header nav a[href*=\"/map\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3]").await;
    assert!(query_of(&c).await.contains("lang=zh"));
    assert_eq!(
        eval(&c, "return document.documentElement.lang").await,
        json!("zh-Hans")
    );
    // A plain link without `lang` remembers the choice.
    c.goto(&format!("{app}/about")).await.unwrap();
    wait_for(&c, "article.about table").await;
    assert_eq!(text_at(&c, "article.about h1").await, "关于数据");

    // And back: the switch now reads "English".
    let switch = wait_for(&c, "[data-testid=\"lang-switch\"]").await;
    assert_eq!(switch.text().await.unwrap(), "English");
    switch.click().await.unwrap();
    wait_query(&c, "lang=en").await;
    assert_eq!(text_at(&c, "article.about h1").await, "About the data");
    assert_no_errors(&c, "switching languages").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_chinese_browser_gets_chinese_on_the_first_visit() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser_with(
        &driver,
        1280,
        900,
        &["--lang=zh-CN", "--accept-lang=zh-CN,zh"],
    )
    .await;
    c.goto(&format!("{app}/")).await.unwrap();
    wait_for(&c, "[data-testid=\"project-count\"]").await;
    let langs: Value = eval(&c, "return navigator.languages").await;
    assert_eq!(
        eval(&c, "return document.documentElement.lang").await,
        json!("zh-Hans"),
        "navigator.languages = {langs}"
    );
    assert_eq!(
        text_at(&c, ".site-header nav a[href$=\"/map\"]").await,
        "地图"
    );
    c.close().await.unwrap();

    // An English browser gets English.
    let c = browser_with(
        &driver,
        1280,
        900,
        &["--lang=en-GB", "--accept-lang=en-GB,en"],
    )
    .await;
    c.goto(&format!("{app}/")).await.unwrap();
    wait_for(&c, "[data-testid=\"project-count\"]").await;
    assert_eq!(
        eval(&c, "return document.documentElement.lang").await,
        json!("en")
    );
    c.close().await.unwrap();
}
