//! Keyboard only: filter to a sector, select a country on the map, open a project page — with Tab,
//! arrows, Space and Enter, never a click — and a visible focus on every stop. Reflow: no page scrolls
//! sideways at 320 CSS px (what 400 % zoom of 1280 px gives; 200 % is 640 px).

use std::time::Duration;

use crate::common::*;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::Value;

async fn press(c: &Client, key: Key) {
    let k: char = key.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    c.perform_actions(actions).await.expect("key press");
    tokio::time::sleep(Duration::from_millis(30)).await;
}

/// What has focus: a short description, and whether its focus is visible (an outline or a drawn
/// focus style of at least 2 px).
const ACTIVE: &str = r#"
const a = document.activeElement;
if (!a || a === document.body) return { desc: 'body', visible: false };
const s = getComputedStyle(a);
const own = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
const drawn = a.matches(':focus-visible') && (own || a.closest('[data-iso3]') !== null);
return {
  desc: a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (a.getAttribute('data-iso3') ? '[' + a.getAttribute('data-iso3') + ']' : '')
        + (a.getAttribute('href') ? ' ' + a.getAttribute('href') : ''),
  id: a.id || '', iso3: a.getAttribute('data-iso3') || '', href: a.getAttribute('href') || '',
  inTable: a.closest('[data-testid="results-table"]') !== null,
  visible: drawn,
};
"#;

/// Tabs forward until `want` holds for the focused element; checks every stop's focus is visible.
async fn tab_until(c: &Client, max: usize, want: impl Fn(&Value) -> bool) -> Value {
    let mut seen = Vec::new();
    for _ in 0..max {
        press(c, Key::Tab).await;
        let a = eval(c, ACTIVE).await;
        assert_eq!(
            a["visible"],
            Value::Bool(true),
            "focus is not visible on {} (after {:?})",
            a["desc"],
            seen.last()
        );
        if want(&a) {
            return a;
        }
        seen.push(a["desc"].as_str().unwrap_or("").to_string());
    }
    panic!("never reached the target in {max} tabs: {seen:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn filter_select_and_open_by_keyboard_alone() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    // 1. Filter to a sector: tab to the Energy checkbox (CRS 230) and press Space.
    c.goto(&format!("{app}/explore?lang=en")).await.unwrap();
    wait_for(&c, "#facet-sector-230").await;
    tab_until(&c, 200, |a| a["id"] == "facet-sector-230").await;
    press(&c, Key::Space).await;
    wait_query(&c, "sector=230&lang=en").await;
    let energy = data_value(&c, "project-count").await;

    // 2. Select a country on the map: tab into the map (one tab stop), arrow to a neighbour, Enter.
    c.goto(&format!("{app}/map?lang=en")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    let first = tab_until(&c, 80, |a| !a["iso3"].as_str().unwrap_or("").is_empty()).await;
    press(&c, Key::Right).await;
    let moved = eval(&c, ACTIVE).await;
    let iso3 = moved["iso3"].as_str().unwrap_or("").to_string();
    assert!(
        !iso3.is_empty(),
        "arrow keys keep focus on countries: {moved}"
    );
    assert_ne!(
        moved["iso3"], first["iso3"],
        "the right arrow moved to another country"
    );
    press(&c, Key::Enter).await;
    wait_query(&c, &format!("country={iso3}&lang=en")).await;

    // 3. Open a project page from the table: tab to the first project link and press Enter.
    c.goto(&format!("{app}/table?sector=230&lang=en"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
    assert_eq!(data_value(&c, "project-count").await, energy);
    let link = tab_until(&c, 120, |a| {
        a["inTable"] == Value::Bool(true) && !a["href"].as_str().unwrap_or("").is_empty()
    })
    .await;
    press(&c, Key::Enter).await;
    let page = wait_for(&c, "[data-testid=\"project\"]").await;
    let id = attr(&page, "data-id").await;
    assert!(
        link["href"]
            .as_str()
            .unwrap_or("")
            .ends_with(&format!("/projects/{id}")),
        "opened {id} from {link}"
    );
    assert_no_errors(&c, "keyboard walk").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_scrolls_sideways_at_320_px() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 320, 700).await;
    let routes = [
        ("/", "[data-testid=\"project-count\"]"),
        ("/explore", "[data-testid=\"chart-status\"] canvas"),
        ("/map", "[data-testid=\"map\"] [data-iso3=\"AGO\"]"),
        ("/table", "[data-testid=\"results-table\"] tr[data-id]"),
        ("/projects/4", "[data-testid=\"project\"]"),
        ("/about", "article.about table"),
        ("/embed/sector", "[data-testid=\"embed-root\"] canvas"),
    ];
    let mut failures = Vec::new();
    for (route, ready) in routes {
        for lang in ["en", "zh"] {
            c.goto(&format!("{app}{route}?lang={lang}")).await.unwrap();
            wait_for(&c, ready).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let v = eval(
                &c,
                "return [document.documentElement.scrollWidth, window.innerWidth]",
            )
            .await;
            let (scroll, inner) = (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0));
            if scroll > inner + 1.0 {
                failures.push(format!(
                    "{route} [{lang}]: {scroll} px wide in a {inner} px window"
                ));
            }
        }
    }
    c.close().await.unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Issue #14's keyboard findings, in both languages: the skip link keeps the page and its filters and
/// moves focus into `<main>`; "skip to the charts" reaches the charts in a few Tabs; the map is one Tab
/// stop; following a link moves focus to the new page's heading; the share dialog's live preview
/// cannot take focus, so Escape always closes the dialog.
#[tokio::test(flavor = "multi_thread")]
async fn skip_links_one_map_stop_and_focus_after_navigation() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/explore?sector=230&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        // The first Tab stop is the skip link; Enter moves focus into main and stays on the page.
        let first = tab_until(&c, 1, |a| a["href"] == "#main").await;
        assert_eq!(first["href"], "#main");
        press(&c, Key::Enter).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(eval(&c, "return document.activeElement.id").await, "main");
        assert_eq!(query_of(&c).await, format!("sector=230&lang={lang}"));
        assert!(eval(&c, "return location.pathname")
            .await
            .as_str()
            .is_some_and(|p| p.ends_with("/explore")));
        // "Skip to the charts" is the first stop inside main, and the next Tab is in the charts.
        let skip = tab_until(&c, 3, |a| a["href"] == "#charts").await;
        assert_eq!(skip["href"], "#charts");
        press(&c, Key::Enter).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(eval(&c, "return document.activeElement.id").await, "charts");
        let stops = eval(
            &c,
            "return document.querySelectorAll('#charts canvas').length",
        )
        .await;
        assert!(stops.as_u64().unwrap_or(0) >= 7, "{stops}");
        let sector = tab_until(&c, 30, |a| {
            a["desc"].as_str().is_some_and(|d| d.starts_with("canvas"))
        })
        .await;
        assert!(sector["desc"].as_str().unwrap_or("").starts_with("canvas"));

        // The map is one Tab stop, however many countries it draws.
        c.goto(&format!("{app}/map?lang={lang}")).await.unwrap();
        wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
        let stops = eval(
            &c,
            "return [...document.querySelectorAll('[data-testid=map] *')].filter(e => e.tabIndex >= 0).length",
        )
        .await;
        assert_eq!(stops, 1, "{lang}: one Tab stop in the map");
        // …and Tab reaches that stop, the arrows move inside the map, and the next Tab leaves it.
        let stop = tab_until(&c, 80, |a| !a["iso3"].as_str().unwrap_or("").is_empty()).await;
        press(&c, Key::Right).await;
        let moved = eval(&c, ACTIVE).await;
        assert!(
            !moved["iso3"].as_str().unwrap_or("").is_empty() && moved["iso3"] != stop["iso3"],
            "{lang}: the right arrow moves to another country: {stop} → {moved}"
        );
        press(&c, Key::Tab).await;
        let after = eval(&c, ACTIVE).await;
        assert_eq!(
            eval(
                &c,
                "return document.activeElement.closest('[data-testid=map] svg') === null"
            )
            .await,
            true,
            "{lang}: one Tab leaves the map: {after}"
        );

        // Following a link to a project moves focus to its heading.
        c.goto(&format!("{app}/table?sector=230&lang={lang}"))
            .await
            .unwrap();
        let link = wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
        link.send_keys(&char::from(Key::Enter).to_string())
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"project\"]").await;
        let mut focused = Value::Null;
        for _ in 0..30 {
            focused = eval(&c, "return document.activeElement.tagName").await;
            if focused == "H1" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(focused, "H1", "{lang}: focus on the project's heading");

        // The share dialog's preview is inert: focus cannot enter it, Escape closes the dialog.
        c.goto(&format!("{app}/explore?lang={lang}")).await.unwrap();
        wait_for(&c, ".share-button").await.click().await.unwrap();
        wait_for(&c, ".share-preview iframe").await;
        assert_eq!(
            eval(
                &c,
                "return document.querySelector('.share-preview iframe').inert"
            )
            .await,
            true,
            "the preview is inert"
        );
        let last = tab_until(&c, 40, |a| {
            a["desc"].as_str().is_some_and(|d| {
                d.starts_with("button")
                    || d.starts_with("input")
                    || d.starts_with("textarea")
                    || d.starts_with("select")
            })
        })
        .await;
        assert!(!last["desc"].is_null());
        // Focus cannot enter the live preview: not by Tab (a full round of the dialog never lands in
        // it), nor by script or a click.
        for _ in 0..40 {
            press(&c, Key::Tab).await;
            assert_eq!(
                eval(&c, "return document.activeElement.tagName !== 'IFRAME'").await,
                true,
                "{lang}: Tab never enters the preview"
            );
        }
        assert_eq!(
            eval(
                &c,
                "const f = document.querySelector('.share-preview iframe'); f.focus(); \
                 return document.activeElement !== f"
            )
            .await,
            true,
            "{lang}: the preview refuses focus"
        );
        press(&c, Key::Escape).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(
            eval(
                &c,
                "return document.querySelector('[data-testid=share-dialog]').open"
            )
            .await,
            false,
            "{lang}: Escape closes the dialog"
        );
    }
    assert_no_errors(&c, "keyboard skips").await;
    c.close().await.unwrap();
}
