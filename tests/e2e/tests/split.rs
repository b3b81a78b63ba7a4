//! The split build: a page downloads its own code and not the others' (README "Size"). Each route's
//! page, the share dialog and the map of a map embed are chunks under `bridges-<hash>-split/`.

use std::time::{Duration, Instant};

use crate::common::*;
use fantoccini::{Client, Locator};

/// The split modules this page has fetched so far, by name without hash (`overview_page`, …), sorted.
async fn splits_fetched(c: &Client) -> Vec<String> {
    let v = eval(
        c,
        "return performance.getEntriesByType('resource')
           .map((e) => new URL(e.name).pathname)
           .filter((p) => /-split\\/split_[a-z_]+(_[0-9]+)?\\.wasm$/.test(p))
           .map((p) => p.replace(/^.*\\/split_/, '').replace(/(_[0-9]+)?\\.wasm$/, ''));",
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
    // The reader (snapshots, reference tables, the column store: its own chunk) is fetched while the
    // built-in data downloads.
    assert_eq!(splits_fetched(&c).await, vec!["overview_page", "reader"]);
    // Of the split code, the front page downloads the files the build lists for it and for the reader,
    // each once: no chunk a pack holds is fetched again on its own (packs.rs: the reader's pack holds the
    // chunks it shares with the pages, and is started by whichever asks first).
    let dir = std::fs::read_dir(dist_dir("BRIDGES_DIST", "dist"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-split"))
        .expect("a split build");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("files.json")).unwrap()).unwrap();
    let mut listed: Vec<String> = ["overview_page", "reader"]
        .iter()
        .flat_map(|s| manifest["splits"][s].as_array().unwrap().clone())
        .map(|f| f.as_str().unwrap().to_string())
        .chain(["__wasm_split.js".to_string()])
        .collect();
    listed.sort();
    listed.dedup();
    let fetched = eval(
        &c,
        "return performance.getEntriesByType('resource')
           .map((e) => new URL(e.name).pathname)
           .filter((p) => /-split\\//.test(p))
           .map((p) => p.replace(/^.*-split\\//, ''));",
    )
    .await;
    let mut fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
    fetched.sort();
    assert_eq!(fetched, listed, "the front page's split files");
    // boot.js preloads the built-in data with the app's code; the app's own fetch takes that response
    // (one download each, started by the preload link). The default dataset comes as its snapshot: its
    // JSON file is not downloaded at all.
    let data = eval(
        &c,
        "return performance.getEntriesByType('resource')
           .filter((e) => /\\/data\\/(projects|reference)\\.(json|bsnap)$/.test(e.name))
           .map((e) => e.name.split('/').pop() + ' ' + e.initiatorType).sort();",
    )
    .await;
    assert_eq!(
        data,
        serde_json::json!(["projects.bsnap link", "reference.json link"])
    );

    // Following the header's link to the map (no reload): the map's code arrives then.
    c.find(Locator::Css("nav a[href$=\"/map\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    assert_eq!(
        splits_fetched(&c).await,
        vec!["map_page", "overview_page", "reader"]
    );

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
        "return performance.getEntriesByType('resource').filter((e) => /\\/data\\/projects\\.(json|bsnap)$/.test(e.name)).length",
    )
    .await;
    assert_eq!(preloaded, serde_json::json!(0));

    // A chart embed does not download the map's code (the map embed's own chunk, or the map page's).
    c.goto(&format!("{app}/embed/timeline")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-timeline\"] canvas").await;
    let names = splits_fetched(&c).await;
    assert_eq!(
        names,
        vec!["embed_page", "reader"],
        "a fresh page: {names:?}"
    );
    c.goto(&format!("{app}/embed/map")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    assert_eq!(
        splits_fetched(&c).await,
        vec!["embed_map", "embed_page", "reader"]
    );

    assert_no_errors(&c, "split").await;
    c.close().await.unwrap();
}

/// A page whose code cannot be downloaded (a flaky network before the offline pack is in place): a
/// message with a retry button where the page would be, not a panic; the retry loads it.
#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_code_fails_to_download_can_be_retried() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;
    c.goto(&format!("{app}/?lang=zh")).await.unwrap();
    wait_count(&c, 9404).await;
    // The network is slow, then fails, for the map page's own module, as the chunk loader fetches it.
    eval(
        &c,
        "window.__realFetch = window.fetch;
         window.fetch = (input, init) => String(input).includes('/split_map_page')
           ? new Promise((_, reject) => setTimeout(() => reject(new TypeError('Failed to fetch')), 1500))
           : window.__realFetch(input, init);
         return true;",
    )
    .await;
    c.find(Locator::Css("nav a[href$=\"/map\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // While it waits, "Loading…" (in the page's language), visible once the wait is noticeable.
    let loading = wait_for(&c, "[data-testid=\"code-loading\"]").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(loading.text().await.unwrap(), "正在加载…");
    assert_eq!(attr(&loading, "role").await, "status");
    let failed = wait_for(&c, "[data-testid=\"code-load-failed\"]").await;
    assert!(c
        .find(Locator::Css("[data-testid=\"code-loading\"]"))
        .await
        .is_err());
    let text = failed.text().await.unwrap();
    assert!(text.contains("未能下载") && text.contains("重试"), "{text}");
    assert_eq!(attr(&failed, "role").await, "alert");
    // The loader reports the failed fetch; nothing panicked and the rest of the page still works.
    let errors = eval(&c, "return window.__errors").await;
    let errors: Vec<String> = serde_json::from_value(errors).unwrap();
    assert!(
        errors
            .iter()
            .all(|e| !e.contains("panicked") && !e.contains("unreachable")),
        "{errors:?}"
    );
    assert!(c.find(Locator::Css("header.site-header nav")).await.is_ok());

    // The network is back: the retry button loads the map.
    eval(
        &c,
        "window.fetch = window.__realFetch; window.__errors = []; return true;",
    )
    .await;
    failed
        .find(Locator::Css("button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    assert!(c
        .find(Locator::Css("[data-testid=\"code-load-failed\"]"))
        .await
        .is_err());
    assert_no_errors(&c, "after the retry").await;
    c.close().await.unwrap();
}
