//! Embeds on a partner page of another origin, sized by the partner script; the share dialog.

use std::time::Duration;

use crate::common::*;
use fantoccini::Locator;
use xtask::serve::{self, ServeConfig};

/// A partner page on its own origin (another port) embedding `embed` with the Bridges script.
fn partner_page(app: &str, embed: &str) -> String {
    // Under target/ (Cargo's folder for integration tests' files), not left in the system's /tmp.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "partner-{}-{}",
        std::process::id(),
        embed.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Partner</title></head>\
         <body style=\"margin:0;font-family:sans-serif\"><h1>A partner's article</h1>\
         <div data-bridges-embed=\"{app}{embed}\" data-title=\"Health projects\"></div>\
         <p id=\"after\">The article goes on.</p><script src=\"{app}/embed.js\"></script></body></html>"
    );
    std::fs::write(dir.join("index.html"), html).unwrap();
    let running = serve::start(
        ServeConfig {
            root: dir,
            base: "/".into(),
            mounts: vec![],
            headers: vec![],
        },
        "127.0.0.1:0",
    )
    .unwrap();
    running.url()
}

/// Iframe height in the partner page and content height inside the iframe, once they agree or time out.
async fn heights(c: &fantoccini::Client) -> (f64, f64) {
    let mut last = (0.0, -1.0);
    for _ in 0..60 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let outer = eval(
            c,
            "return document.querySelector('iframe').getBoundingClientRect().height",
        )
        .await
        .as_f64()
        .unwrap();
        c.enter_frame(0).await.unwrap();
        let inner = eval(c, "const r = document.querySelector('[data-testid=\"embed-root\"]'); return r ? r.getBoundingClientRect().height : -1").await.as_f64().unwrap();
        c.enter_parent_frame().await.unwrap();
        if inner > 0.0 && (outer - inner).abs() <= 3.0 && last == (outer, inner) {
            return (outer, inner);
        }
        last = (outer, inner);
    }
    last
}

#[tokio::test(flavor = "multi_thread")]
async fn embed_sizes_itself_on_another_origin_and_ignores_bad_messages() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let partner = partner_page(&app, "/embed/sector?sector=120");
    assert_ne!(app, partner, "a different origin");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{partner}/")).await.unwrap();
    wait_for(&c, "iframe").await;

    let (outer, inner) = heights(&c).await;
    assert!(
        (outer - inner).abs() <= 3.0,
        "desktop: iframe {outer} px, content {inner} px"
    );
    c.enter_frame(0).await.unwrap();
    assert_eq!(
        data_value(&c, "project-count").await,
        "1767",
        "the embed honours sector=120"
    );
    assert!(
        c.find(Locator::Css("header.site-header")).await.is_err(),
        "no site chrome in an embed"
    );
    c.enter_parent_frame().await.unwrap();

    c.set_window_size(420, 900).await.unwrap();
    let (outer2, inner2) = heights(&c).await;
    assert!(
        (outer2 - inner2).abs() <= 3.0,
        "phone: iframe {outer2} px, content {inner2} px"
    );
    assert!(
        inner2 > inner,
        "the narrow layout is taller ({inner2} vs {inner})"
    );

    // A message of the right shape from the partner page itself (wrong origin and source) is ignored.
    let src = eval(&c, "return document.querySelector('iframe').src").await;
    let id = src
        .as_str()
        .unwrap()
        .split("embed=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    eval(&c, &format!("window.postMessage({{type: 'bridges:resize', version: 1, id: '{id}', height: 5}}, '*'); return true")).await;
    // From the iframe: a wrong version and an absurd height are ignored too.
    c.enter_frame(0).await.unwrap();
    eval(&c, &format!("parent.postMessage({{type: 'bridges:resize', version: 2, id: '{id}', height: 7}}, '*'); parent.postMessage({{type: 'bridges:resize', version: 1, id: '{id}', height: 1e9}}, '*'); return true")).await;
    c.enter_parent_frame().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = eval(
        &c,
        "return document.querySelector('iframe').getBoundingClientRect().height",
    )
    .await
    .as_f64()
    .unwrap();
    assert!(
        (after - outer2).abs() <= 1.0,
        "bad messages changed the height to {after}"
    );
    // The host page keeps its scroll position and focus.
    assert_eq!(
        eval(
            &c,
            "return [window.scrollY, document.activeElement === document.body]"
        )
        .await,
        serde_json::json!([0, true])
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn share_dialog_and_bad_embed_urls() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    c.goto(&format!("{app}/explore?sector=120")).await.unwrap();
    wait_count(&c, 1767).await;
    c.find(Locator::Css(".share-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let qr = wait_for(
        &c,
        "[data-testid=\"share-dialog\"] [data-testid=\"qr-code\"]",
    )
    .await;
    let url = c.current_url().await.unwrap().to_string();
    assert_eq!(
        attr(&qr, "data-payload").await,
        url,
        "the QR code encodes this view's URL"
    );
    assert!(attr(&qr, "src").await.starts_with("data:image/svg+xml"));
    let iframe = attr(
        &wait_for(&c, "[data-testid=\"share-iframe\"]").await,
        "value",
    )
    .await;
    let iframe = if iframe.is_empty() {
        eval(
            &c,
            "return document.querySelector('[data-testid=\"share-iframe\"]').value",
        )
        .await
        .as_str()
        .unwrap()
        .to_string()
    } else {
        iframe
    };
    assert!(
        iframe.contains(&format!("{app}/embed/timeline?sector=120")),
        "{iframe}"
    );
    if let Ok(png) = c.screenshot().await {
        let dir = repo().join("target/screenshots");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("share-dialog.png"), png);
    }
    let script = eval(
        &c,
        "return document.querySelector('[data-testid=\"share-script\"]').value",
    )
    .await;
    assert!(script.as_str().unwrap().contains("/embed.js"));
    // Esc closes the dialog.
    c.active_element()
        .await
        .unwrap()
        .send_keys(&char::from(fantoccini::key::Key::Escape).to_string())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        eval(
            &c,
            "return document.querySelector('[data-testid=\"share-dialog\"]').open"
        )
        .await,
        false
    );

    c.goto(&format!("{app}/embed/nonsense")).await.unwrap();
    let msg = text_at(&c, "[data-testid=\"embed-root\"] .embed-error").await;
    assert!(
        msg.contains("cannot embed") && msg.contains("sector"),
        "{msg}"
    );
    c.close().await.unwrap();
}
