//! Accessibility: axe-core 4.14 (npm, installed by scripts/setup) on every route at desktop and phone
//! widths, in English and Chinese, with every rule it has turned on (best practices and experimental
//! rules included). Zero violations.

use std::time::Duration;

use crate::common::*;
use serde_json::Value;

const AXE: &str = r#"
const done = arguments[arguments.length - 1];
const run = () => axe.run(document, { rules: Object.fromEntries(axe.getRules().map(r => [r.ruleId, { enabled: true }])) })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
if (window.axe) run();
else {
  const s = document.createElement('script');
  s.src = '/vendor/axe-core/axe.min.js';
  s.onload = run;
  s.onerror = () => done([{ id: 'axe-missing', help: 'axe-core not found: scripts/setup --test installs it', nodes: [] }]);
  document.head.appendChild(s);
}
"#;

/// Every route in both languages at one window size: no violation.
async fn every_route_passes_axe_at(w: u32, h: u32) {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let mut failures = Vec::new();
    let c = browser(&driver, w, h).await;
    script_timeout(&c, 60).await;
    for (route, ready) in ROUTES {
        for lang in ["en", "zh"] {
            let sep = if route.contains('?') { '&' } else { '?' };
            let route = format!("{route}{sep}lang={lang}");
            c.goto(&format!("{app}{route}")).await.unwrap();
            wait_for(&c, ready).await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let v: Value = c.execute_async(AXE, vec![]).await.unwrap();
            for violation in v.as_array().unwrap() {
                failures.push(format!("{w}px {route}: {violation}"));
            }
        }
    }
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "{} axe violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// The two sizes are two tests, so that they run side by side (each scan is one browser's main thread).
#[tokio::test(flavor = "multi_thread")]
async fn every_route_passes_axe_on_a_desktop() {
    every_route_passes_axe_at(1280, 900).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_passes_axe_on_a_phone() {
    every_route_passes_axe_at(390, 844).await;
}

/// The scan itself can fail: an image without alternative text is reported.
#[tokio::test(flavor = "multi_thread")]
async fn axe_reports_a_planted_violation() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    script_timeout(&c, 60).await;
    c.goto(&format!("{app}/about")).await.unwrap();
    wait_for(&c, "article.about").await;
    eval(&c, "const i = document.createElement('img'); i.src = 'data:,'; document.body.appendChild(i); return true").await;
    let v: Value = c.execute_async(AXE, vec![]).await.unwrap();
    assert!(
        v.as_array().unwrap().iter().any(|x| x["id"] == "image-alt"),
        "{v}"
    );
    c.close().await.unwrap();
}
