//! The split build: a page downloads its own code and not the others' (README "Size"). Each route's
//! page, the share dialog and the map of a map embed are chunks under `bridges-<hash>-split/`.

mod common;

use std::time::{Duration, Instant};

use common::*;
use fantoccini::{Client, Locator};

/// The split modules this page has fetched so far, by name without hash (`overview_page`, …), sorted.
async fn splits_fetched(c: &Client) -> Vec<String> {
    let v = eval(
        c,
        "return performance.getEntriesByType('resource')
           .map((e) => new URL(e.name).pathname)
           .filter((p) => /-split\\/split_[a-z_]+_[0-9]+\\.wasm$/.test(p))
           .map((p) => p.replace(/^.*\\/split_/, '').replace(/_[0-9]+\\.wasm$/, ''));",
    )
    .await;
    let mut names: Vec<String> = serde_json::from_value(v).unwrap();
    names.sort();
    names.dedup();
    names
}

async fn wait_fetched(c: &Client, name: &str) -> Vec<String> {
    let start = Instant::now();
    loop {
        let names = splits_fetched(c).await;
        if names.iter().any(|n| n == name) {
            return names;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{name} was never fetched: {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn each_page_downloads_its_own_code() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;

    // The overview: its own code only.
    c.goto(&format!("{app}/")).await.unwrap();
    wait_count(&c, 9404).await;
    assert_eq!(splits_fetched(&c).await, vec!["overview_page"]);
    // boot.js preloads the built-in data with the app's code; the app's own fetch takes that response
    // (one download each, started by the preload link).
    let data = eval(
        &c,
        "return performance.getEntriesByType('resource')
           .filter((e) => /\\/data\\/(projects|reference)\\.json$/.test(e.name))
           .map((e) => e.name.split('/').pop() + ' ' + e.initiatorType).sort();",
    )
    .await;
    assert_eq!(
        data,
        serde_json::json!(["projects.json link", "reference.json link"])
    );

    // Following the header's link to the map (no reload): the map's code arrives then.
    c.find(Locator::Css("nav a[href$=\"/map\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    assert_eq!(splits_fetched(&c).await, vec!["map_page", "overview_page"]);

    // The share dialog's code: fetched when the pointer reaches the button, before it is pressed.
    let share = c.find(Locator::Css(".share-button")).await.unwrap();
    c.execute(
        "arguments[0].dispatchEvent(new PointerEvent('pointerenter'))",
        vec![serde_json::to_value(&share).unwrap()],
    )
    .await
    .unwrap();
    wait_fetched(&c, "share_dialog").await;
    share.click().await.unwrap();
    wait_for(
        &c,
        "[data-testid=\"share-dialog\"] [data-testid=\"qr-code\"]",
    )
    .await;

    // With `?data=`, the built-in data is not preloaded.
    c.goto(&format!("{app}/?data=fixtures/broken-records.json"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"data-issues\"]").await;
    let preloaded = eval(
        &c,
        "return performance.getEntriesByType('resource').filter((e) => /\\/data\\/projects\\.json$/.test(e.name)).length",
    )
    .await;
    assert_eq!(preloaded, serde_json::json!(0));

    // A chart embed does not download the map's code (the map embed's own chunk, or the map page's).
    c.goto(&format!("{app}/embed/timeline")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-timeline\"] canvas").await;
    let names = splits_fetched(&c).await;
    assert_eq!(names, vec!["embed_page"], "a fresh page: {names:?}");
    c.goto(&format!("{app}/embed/map")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    assert_eq!(splits_fetched(&c).await, vec!["embed_map", "embed_page"]);

    assert_no_errors(&c, "split").await;
    c.close().await.unwrap();
}
