//! Figures carry their unit (issue #14): a file whose amounts are in euros shows EUR — never "$" or
//! "USD" — on the headline, chart axes and values, captions, the amount facet, the table and the map
//! legend, in both languages.

mod common;

use common::*;

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
