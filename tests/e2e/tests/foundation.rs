//! Foundation end to end: the release build, served over HTTP, in headless Chromium.

use crate::common::*;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn overview_headline_matches_the_dataset_file() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;
    c.goto(&format!("{app}/")).await.unwrap();

    let want = expected_from_file("public/data/projects.json", "constant 2021");
    assert_eq!(want.projects, 9404);
    assert_eq!(
        data_value(&c, "project-count").await,
        want.projects.to_string()
    );
    assert_eq!(
        data_value(&c, "amount-total").await,
        format!("{:.0}", want.amount_total)
    );
    assert_eq!(
        data_value(&c, "amount-unknown").await,
        want.amount_unknown.to_string()
    );
    assert_eq!(want.amount_unknown, 3781);
    assert_eq!(eval(&c, "return document.documentElement.lang").await, "en");
    // The source's own doubtful values are listed (kept, not hidden): five completion-before-start years.
    let issues = wait_for(&c, "[data-testid=\"data-issues\"]").await;
    assert_eq!(attr(&issues, "data-count").await, "5");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_records_are_listed_and_valid_ones_load() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;
    c.goto(&format!("{app}/?data=fixtures/broken-records.json"))
        .await
        .unwrap();

    assert_eq!(data_value(&c, "project-count").await, "7");
    assert_eq!(data_value(&c, "amount-unknown").await, "4");
    assert_eq!(
        data_value(&c, "amount-total").await,
        "1250000",
        "only the constant-2021 amounts are added"
    );
    let issues = wait_for(&c, "[data-testid=\"data-issues\"]").await;
    assert_eq!(attr(&issues, "data-count").await, "10");
    let text = issues.text().await.unwrap();
    for needle in [
        "amount.value",
        "recipients[0]",
        "\"XXX\"",
        "sources[0].url",
        "record skipped",
        "no-title",
    ] {
        assert!(
            text.contains(needle),
            "the problems list should mention {needle}: {text}"
        );
    }
    let banner = wait_for(&c, "[data-testid=\"custom-data-banner\"]").await;
    assert!(banner
        .text()
        .await
        .unwrap()
        .contains("fixtures/broken-records.json"));
    // A title holding <script> is shown as text and never runs.
    assert_eq!(eval(&c, "return window.__pwned === undefined").await, true);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn unreadable_datasets_show_a_located_error_page() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 390, 844).await;

    c.goto(&format!("{app}/?data=fixtures/truncated.json"))
        .await
        .unwrap();
    let err = wait_for(&c, "[data-testid=\"load-error\"]").await;
    let text = err.text().await.unwrap();
    assert!(
        text.contains("fixtures/truncated.json") && text.contains("line 1, column"),
        "{text}"
    );

    c.goto(&format!("{app}/?data=fixtures/wrong-schema.json"))
        .await
        .unwrap();
    let text = text_at(&c, "[data-testid=\"load-error\"]").await;
    assert!(
        text.contains("bridges/1") && text.contains("bridges/9"),
        "{text}"
    );

    c.goto(&format!("{app}/?data=fixtures/no-such-file.json"))
        .await
        .unwrap();
    let text = text_at(&c, "[data-testid=\"load-error\"]").await;
    assert!(text.contains("404"), "{text}");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn routes_deep_links_and_navigation() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;

    // Deep link straight to a project page.
    c.goto(&format!("{app}/projects/4")).await.unwrap();
    let project = wait_for(&c, "[data-testid=\"project\"]").await;
    let text = project.text().await.unwrap();
    assert!(text.contains("Luanda General Hospital"), "{text}");
    assert!(
        text.contains("Angola") && text.contains("Health (OECD CRS 120)"),
        "{text}"
    );

    // A project without an amount says "unknown", not zero (record 13 in the source has no amount).
    c.goto(&format!("{app}/projects/13")).await.unwrap();
    let amount = wait_for(&c, "[data-testid=\"project-amount\"]").await;
    assert_eq!(amount.text().await.unwrap(), "unknown");

    // The table, then a click through to a project.
    c.goto(&format!("{app}/table")).await.unwrap();
    wait_for(&c, "[data-testid=\"results-table\"] tr[data-id]").await;
    let rows = c
        .find_all(Locator::Css(
            "[data-testid=\"results-table\"] tbody tr[data-id]",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 50);
    // The first row (file order) links to its project page.
    let first = attr(&rows[0], "data-id").await;
    assert!(!first.is_empty());
    c.find(Locator::Css(&format!("tr[data-id=\"{first}\"] a")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        &c,
        &format!("[data-testid=\"project\"][data-id=\"{first}\"]"),
    )
    .await;
    assert!(c
        .current_url()
        .await
        .unwrap()
        .path()
        .ends_with(&format!("/projects/{first}")));

    // Header navigation and the about page with its citations.
    c.find(Locator::Css("nav[aria-label=\"Main\"] a[href$=\"/about\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let about = wait_for(&c, "article.about").await.text().await.unwrap();
    assert!(
        about.contains("ODC-By 1.0")
            && about.contains("Natural Earth")
            && about.contains("i18n-iso-countries"),
        "{about}"
    );

    // The map route renders the map; unknown paths get a helpful 404.
    c.goto(&format!("{app}/map")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3]").await;
    c.goto(&format!("{app}/no/such/page")).await.unwrap();
    let nf = wait_for(&c, "[data-testid=\"not-found\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(nf.contains("/no/such/page"), "{nf}");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn works_under_a_sub_path() {
    let driver = chromedriver();
    let app = serve_dist("/atlas/", "BRIDGES_DIST_ATLAS", "target/dist-atlas");
    assert!(app.ends_with("/atlas"));
    let c = browser(&driver, 1280, 800).await;

    c.goto(&format!("{app}/")).await.unwrap();
    assert_eq!(data_value(&c, "project-count").await, "9404");
    c.find(Locator::Css("nav[aria-label=\"Main\"] a[href$=\"/table\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"results-table\"] tr[data-id]").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/atlas/table");

    c.goto(&format!("{app}/projects/4")).await.unwrap();
    wait_for(&c, "[data-testid=\"project\"][data-id=\"4\"]").await;

    // A workbook is read by the worker (sheet_worker_loader.js), found under the sub-path too: its two
    // sheets are offered.
    c.goto(&format!("{app}/about?lang=en")).await.unwrap();
    choose_file(&c, &fixture("sheets/made-by-test.xlsx")).await;
    let select = wait_for(&c, "[data-testid=\"sheet-select\"]").await;
    let sheets = select.text().await.unwrap();
    assert!(
        sheets.contains("项目") && sheets.contains("Notes"),
        "{sheets}"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_local_file_replaces_the_dataset_and_is_named() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/about")).await.unwrap();
    let input = wait_for(&c, "[data-testid=\"open-file\"] input[type=\"file\"]").await;
    let path = repo()
        .join("tests/fixtures/broken-records.json")
        .canonicalize()
        .unwrap();
    input.send_keys(&path.to_string_lossy()).await.unwrap();
    let about = text_at(&c, "[data-testid=\"custom-data-about\"]").await;
    assert!(
        about.contains("broken-records.json (local file)")
            && about.contains("Fixture with broken records"),
        "{about}"
    );
    let banner = text_at(&c, "[data-testid=\"custom-data-banner\"]").await;
    assert!(banner.contains("broken-records.json"), "{banner}");
    assert_eq!(
        attr(
            &wait_for(&c, "[data-testid=\"data-issues\"]").await,
            "data-count"
        )
        .await,
        "10"
    );
    // Every view now shows the file's data.
    c.find(fantoccini::Locator::Css(
        "nav[aria-label=\"Main\"] a[href$=\"/explore\"]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_count(&c, 7).await;
    c.close().await.unwrap();
}
