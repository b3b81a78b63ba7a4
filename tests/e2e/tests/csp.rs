//! The built app under the strict Content-Security-Policy partners are told to use (README), served as
//! a header: every route works and the browser reports no violation.

use crate::common::*;
use xtask::serve::{self, ServeConfig};

pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                       img-src 'self' data: blob:; connect-src 'self' https:";

#[tokio::test(flavor = "multi_thread")]
async fn strict_csp_works_with_no_violations() {
    let dist = repo().join(std::env::var("BRIDGES_DIST").unwrap_or_else(|_| "dist".into()));
    let cfg = ServeConfig {
        root: dist,
        base: "/".into(),
        mounts: vec![],
        headers: vec![("Content-Security-Policy".into(), CSP.into())],
    };
    let app = serve::start(cfg, "127.0.0.1:0").unwrap().url();
    let driver = chromedriver();
    let c = browser(&driver, 1280, 900).await;
    for (route, ready) in [
        ("/", "[data-testid=\"project-count\"]"),
        (
            "/explore?sector=120&stack=sector",
            "[data-testid=\"chart-status\"] canvas",
        ),
        ("/map?layer=countries~points~flows", "g.points circle"),
        ("/table", "[data-testid=\"results-table\"] tr[data-id]"),
        (
            "/embed/sector?accent=e67e22&theme=dark",
            "[data-testid=\"embed-root\"] canvas",
        ),
    ] {
        c.goto(&format!("{app}{route}")).await.unwrap();
        wait_for(&c, ready).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let violations = eval(&c, "return window.__cspViolations").await;
        assert_eq!(violations, serde_json::json!([]), "{route}: {violations}");
    }
    // The share dialog (QR code as a data: image) too.
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_for(&c, ".share-button").await.click().await.unwrap();
    wait_for(&c, "[data-testid=\"qr-code\"]").await;
    assert_eq!(
        eval(&c, "return window.__cspViolations").await,
        serde_json::json!([])
    );
    // A workbook, read by the worker (its script and wasm are served under the same policy).
    c.goto(&format!("{app}/about?lang=en")).await.unwrap();
    choose_file(&c, &fixture("sheets/made-by-test.xlsx")).await;
    wait_for(&c, "[data-testid=\"sheet-select\"]").await;
    assert_eq!(
        eval(&c, "return window.__cspViolations").await,
        serde_json::json!([])
    );
    // The check can fail: an inline style attribute is a violation the page records.
    eval(
        &c,
        "document.body.setAttribute('style', 'color: red'); return true",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let v = eval(&c, "return window.__cspViolations.length").await;
    assert_eq!(
        v,
        serde_json::json!(1),
        "a planted inline style is reported"
    );
    c.close().await.unwrap();
}
