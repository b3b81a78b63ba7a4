//! Screenshots of the views people use, to look at (not a test of anything by itself):
//! `cargo test -p bridges-e2e --test e2e -- --ignored screens::` writes PNGs to `target/screens/`
//! (or `$BRIDGES_SCREENS`). Set `SCREENS_ONLY=<substring>` to take only the matching ones.

use std::time::Duration;

use crate::common::*;

/// (name, path, width, height, ready selector)
const VIEWS: &[(&str, &str, u32, u32, &str)] = &[
    (
        "overview-390",
        "/",
        390,
        844,
        "[data-testid=\"project-count\"]",
    ),
    (
        "overview-1280",
        "/",
        1280,
        800,
        "[data-testid=\"project-count\"]",
    ),
    (
        "explore-390",
        "/explore",
        390,
        844,
        "[data-testid=\"chart-timeline\"] canvas",
    ),
    (
        "explore-768",
        "/explore",
        768,
        1024,
        "[data-testid=\"chart-timeline\"] canvas",
    ),
    (
        "explore-1024",
        "/explore",
        1024,
        768,
        "[data-testid=\"chart-timeline\"] canvas",
    ),
    (
        "overview-768",
        "/",
        768,
        1024,
        "[data-testid=\"project-count\"]",
    ),
    (
        "map-768",
        "/map",
        768,
        1024,
        "[data-testid=\"map\"] [data-iso3=\"AGO\"]",
    ),
    (
        "map-1024",
        "/map",
        1024,
        768,
        "[data-testid=\"map\"] [data-iso3=\"AGO\"]",
    ),
    ("share-390", "/explore", 390, 844, "tap:.share-button"),
    (
        "explore-1280",
        "/explore",
        1280,
        800,
        "[data-testid=\"chart-timeline\"] canvas",
    ),
    (
        "map-390",
        "/map",
        390,
        844,
        "[data-testid=\"map\"] [data-iso3=\"AGO\"]",
    ),
    (
        "map-1280",
        "/map",
        1280,
        800,
        "[data-testid=\"map\"] [data-iso3=\"AGO\"]",
    ),
    (
        "table-390",
        "/table",
        390,
        844,
        "[data-testid=\"results-table\"] tr[data-id]",
    ),
    (
        "project-390",
        "/projects/4",
        390,
        844,
        "[data-testid=\"project\"]",
    ),
    ("about-1280", "/about", 1280, 800, "article.about table"),
    (
        "embed-sector-680",
        "/embed/sector?sector=120",
        680,
        480,
        "[data-testid=\"embed-root\"] canvas",
    ),
    (
        "embed-timeline-390",
        "/embed/timeline?sector=120",
        390,
        480,
        "[data-testid=\"embed-root\"] canvas",
    ),
    (
        "embed-map-680",
        "/embed/map",
        680,
        480,
        "[data-testid=\"map\"] [data-iso3=\"AGO\"]",
    ),
    (
        "slide2-1280",
        "/present/two-decades?slide=2",
        1280,
        720,
        "[data-testid=\"slide\"] canvas",
    ),
    (
        "slide3-1920-projector",
        "/present/two-decades?slide=3&theme=projector",
        1920,
        1080,
        "[data-testid=\"slide\"] canvas",
    ),
    (
        "slide5-1280",
        "/present/two-decades?slide=5",
        1280,
        720,
        "[data-testid=\"slide\"] [data-iso3=\"AGO\"]",
    ),
    (
        "slide1-1920",
        "/present/two-decades?slide=1",
        1920,
        1080,
        "[data-testid=\"slide\"] [data-testid=\"project-count\"]",
    ),
    (
        "console-1280",
        "/present/two-decades/console?slide=2",
        1280,
        800,
        "[data-testid=\"console\"] canvas",
    ),
    (
        "console-390",
        "/present/two-decades/console?slide=2",
        390,
        844,
        "[data-testid=\"console\"]",
    ),
    // "tap:" taps the element once it is there (a phone's details panel).
    (
        "map-tap-390",
        "/map",
        390,
        844,
        "tap:[data-testid=\"map\"] [data-iso3=\"BRA\"] path",
    ),
    (
        "present-390",
        "/present",
        390,
        844,
        "[data-testid=\"story-link\"]",
    ),
];

#[tokio::test(flavor = "multi_thread")]
#[ignore = "takes screenshots to look at; run by hand"]
async fn take_screenshots() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let out = std::env::var("BRIDGES_SCREENS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| repo().join("target/screens"));
    std::fs::create_dir_all(&out).unwrap();
    let only = std::env::var("SCREENS_ONLY").unwrap_or_default();
    for (name, path, w, h, ready) in VIEWS {
        for lang in ["en", "zh"] {
            let file = format!("{name}-{lang}.png");
            if !only.is_empty() && !file.contains(&only) {
                continue;
            }
            let c = browser_exact(&driver, *w, *h).await;
            let sep = if path.contains('?') { '&' } else { '?' };
            c.goto(&format!("{app}{path}{sep}lang={lang}"))
                .await
                .unwrap();
            match ready.strip_prefix("tap:") {
                Some(css) => {
                    let e = wait_for(&c, css).await;
                    c.execute(
                        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                        vec![serde_json::to_value(&e).unwrap()],
                    )
                    .await
                    .unwrap();
                }
                None => {
                    wait_for(&c, ready).await;
                }
            }
            tokio::time::sleep(Duration::from_millis(3000)).await;
            let png = c.screenshot().await.unwrap();
            std::fs::write(out.join(&file), png).unwrap();
            c.close().await.unwrap();
        }
    }
}
