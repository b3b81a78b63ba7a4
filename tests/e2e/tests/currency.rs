//! Figures carry their unit (issue #14): a file whose amounts are in euros shows EUR — never "$" or
//! "USD" — on the headline, chart axes and values, captions, the amount facet, the table and the map
//! legend, in both languages.

use std::time::Duration;

use crate::common::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_euro_file_shows_euros_everywhere() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let pages = [
        (
            "/explore?measure=amount",
            "[data-testid=\"chart-sector\"] canvas",
        ),
        ("/table", "[data-testid=\"results-table\"] tr[data-id]"),
        ("/map?measure=amount", "[data-testid=\"map-legend\"]"),
    ];
    for lang in ["en", "zh"] {
        let euro = if lang == "en" { "EUR" } else { "欧元" };
        for (path, ready) in pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            c.goto(&format!(
                "{app}{path}{sep}data=fixtures/eur.json&lang={lang}"
            ))
            .await
            .unwrap();
            wait_for(&c, ready).await;
            wait_count(&c, 4).await;
            // The page's text and the charts' own text (their SVG downloads draw the same labels).
            let text = eval(&c, "return document.querySelector('main').innerText").await;
            let text = text.as_str().unwrap_or_default().to_string();
            assert!(text.contains(euro), "{lang} {path}: names the euro: {text}");
            for dollar in ["$", "USD", "美元"] {
                assert!(
                    !text.contains(dollar),
                    "{lang} {path}: no {dollar:?} anywhere: {text}"
                );
            }
        }
    }
    assert_no_errors(&c, "euros").await;
    c.close().await.unwrap();
}

/// A file without a single amount states no currency, so nothing may be written in one (the app once
/// fell back to a hand-written "USD"): the pages that name the unit say the data has no amounts, in both
/// languages, and no "$", "USD" or "美元" appears.
#[tokio::test(flavor = "multi_thread")]
async fn a_file_without_amounts_names_no_currency() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let pages = [
        (
            "/explore?measure=amount",
            "[data-testid=\"chart-sector\"] canvas",
        ),
        ("/table", "[data-testid=\"results-table\"] tr[data-id]"),
        ("/map?measure=amount", "[data-testid=\"map-legend\"]"),
    ];
    for lang in ["en", "zh"] {
        let none = if lang == "en" {
            "no currency (the data has no amounts)"
        } else {
            "无币种（数据中没有金额）"
        };
        for (path, ready) in pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            c.goto(&format!(
                "{app}{path}{sep}data=fixtures/no-amounts.json&lang={lang}"
            ))
            .await
            .unwrap();
            wait_for(&c, ready).await;
            wait_count(&c, 3).await;
            let text = eval(&c, "return document.querySelector('main').innerText").await;
            let text = text.as_str().unwrap_or_default().to_string();
            assert!(
                text.contains(none),
                "{lang} {path}: says there is no currency: {text}"
            );
            for dollar in ["$", "USD", "美元"] {
                assert!(
                    !text.contains(dollar),
                    "{lang} {path}: no {dollar:?} anywhere: {text}"
                );
            }
        }
    }
    assert_no_errors(&c, "no amounts").await;
    c.close().await.unwrap();
}

/// Every embed of a euro file (`/embed/<view>?data=…&measure=amount`) says EUR, never "$", "USD",
/// "US$" or "美元", in both languages: the frame's visible text and title, every accessible name (the
/// canvas's summary, a map country's tooltip text), a chart bar's description (what its tooltip
/// says, reached with an arrow key), the chart as a table, and the chart's SVG download (the labels
/// the canvas draws).
#[tokio::test(flavor = "multi_thread")]
async fn every_embed_of_a_euro_file_shows_euros() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let charts = [
        "timeline",
        "sector",
        "recipients",
        "region",
        "sdg",
        "status",
        "flow",
        "provider",
        "dataset",
    ];
    let mut failures = Vec::new();
    for lang in ["en", "zh"] {
        let euro: &[&str] = if lang == "en" {
            &["EUR", "€"]
        } else {
            &["欧元"]
        };
        let mut views: Vec<(String, &str)> = charts
            .iter()
            .map(|v| (format!("/embed/{v}?measure=amount"), "canvas"))
            .collect();
        views.push((
            "/embed/headline".into(),
            "[data-testid=\"amount-total\"] .value",
        ));
        views.push(("/embed/map?measure=amount".into(), "[data-iso3=\"KEN\"]"));
        views.push((
            "/embed/similar?country=KEN".into(),
            "[data-testid=\"similar\"]",
        ));
        for (path, ready) in &views {
            let sep = if path.contains('?') { '&' } else { '?' };
            c.goto(&format!(
                "{app}{path}{sep}data=fixtures/eur.json&lang={lang}"
            ))
            .await
            .unwrap();
            wait_for(&c, &format!("[data-testid=\"embed-root\"] {ready}")).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let mut seen = Vec::new();
            // What the frame shows and names: its text, its title, every accessible name and title.
            seen.push(
                eval(
                    &c,
                    "return [document.body.innerText, document.title]\
                       .concat([...document.querySelectorAll('[aria-label], [title]')]\
                         .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || '')))\
                       .join('\\n')",
                )
                .await
                .as_str()
                .unwrap_or_default()
                .to_string(),
            );
            if *ready == "canvas" {
                // A bar's description, as its tooltip and the live region say it.
                let canvas = wait_for(&c, "[data-testid=\"embed-root\"] canvas").await;
                canvas.send_keys("\u{E014}").await.unwrap();
                tokio::time::sleep(Duration::from_millis(200)).await;
                let bar = eval(
                    &c,
                    "return [...document.querySelectorAll('.chart-canvas [aria-live]')].map(e => e.textContent).join(' ')",
                )
                .await;
                let bar = bar.as_str().unwrap_or_default().to_string();
                let described = !bar.trim().is_empty();
                seen.push(bar);
                // The chart's menu: as a table, and its SVG download (captured, not saved).
                eval(
                    &c,
                    "window.__svg = [];\
                     const make = URL.createObjectURL;\
                     URL.createObjectURL = b => { window.__svg.push(b); return make(b); };\
                     HTMLAnchorElement.prototype.click = function () {};\
                     document.querySelector('.chart-menu').open = true; return 0",
                )
                .await;
                let svg = c
                    .execute(
                        "const b = [...document.querySelectorAll('.chart-menu-items button')].find(b => b.textContent === 'SVG');\
                         b.click();\
                         return window.__svg.length ? window.__svg[0].text() : 'no SVG download';",
                        vec![],
                    )
                    .await
                    .unwrap();
                let svg = svg.as_str().unwrap_or_default().to_string();
                if !svg.contains("<svg") {
                    failures.push(format!("{lang} {path}: SVG: {svg}"));
                }
                seen.push(svg);
                eval(
                    &c,
                    "document.querySelector('.chart-menu-items button[aria-pressed]').click(); return 0",
                )
                .await;
                let table = wait_for(&c, "[data-testid=\"embed-root\"] table.chart-table").await;
                seen.push(table.text().await.unwrap_or_default());
                // A chart with bars describes the one an arrow key reaches (the file has no flow
                // classes, and one data source: those charts have no bar).
                let bars = eval(
                    &c,
                    "return document.querySelectorAll('[data-testid=\"embed-root\"] table.chart-table tbody tr').length",
                )
                .await;
                if bars.as_u64().unwrap_or_default() > 0 && !described {
                    failures.push(format!(
                        "{lang} {path}: no bar description after an arrow key"
                    ));
                }
            }
            let seen = seen.join("\n");
            if !euro.iter().any(|e| seen.contains(e)) {
                failures.push(format!("{lang} {path}: never names the euro: {seen}"));
            }
            for dollar in ["$", "USD", "美元"] {
                if seen.contains(dollar) {
                    failures.push(format!("{lang} {path}: {dollar:?} in: {seen}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_no_errors(&c, "euro embeds").await;
    c.close().await.unwrap();
}
