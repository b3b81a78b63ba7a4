//! Soak: a seeded run of random interactions in one page (facets, chart bars, chips, measure, map
//! zoom, navigation, back/forward, URL edits): no panic, no console error, bounded JS heap.
//! `SOAK` sets the number of interactions (1,000 by default; scripts/bench runs 10,000).

mod common;

use common::*;
use serde_json::Value;

const SOAK: &str = r#"
const [n, seed] = [arguments[0], arguments[1]];
const done = arguments[arguments.length - 1];
let s = seed >>> 0;
const rand = (k) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % k; };
const pick = (sel) => { const all = document.querySelectorAll(sel); return all.length ? all[rand(all.length)] : null; };
const go = (url) => { const a = document.createElement('a'); a.href = url; document.body.appendChild(a); a.click(); a.remove(); depth++; fwd = 0; };
const queries = ['', 'sector=120', 'country=AGO~ZMB', 'region=002&from=2005&to=2015', 'q=hydro', 'q=水电', 'sdg=3~7&measure=amount',
                 'stack=sector', 'status=completed&flow=oda_like', 'min=1000000', 'sort=amount-desc', 'zoom=2&lon=20&lat=0&layer=countries~points',
                 'country=%3Cscript%3E', 'from=abc', 'page=99', 'lang=zh', 'theme=projector&lang=en', 'lang=%3Cb%3E'];
const paths = ['/explore', '/map', '/table', '/', '/explore'];
const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : 0);
// In-app history depth: going back never leaves the app (the tab's first entry is the blank page).
// Warm-up: the first tenth of the run (at least 200 interactions, at most a quarter): the views
// visited fill their caches and wasm-bindgen's table of JS objects grows to its high-water mark.
const warmAt = Math.min(Math.max(200, Math.floor(n / 10)), n >> 2), midAt = Math.floor((warmAt + n) / 2);
let warm = 0, mid = 0, i = 0, depth = 0, fwd = 0;
const step = () => {
  try {
    switch (rand(11)) {
      case 0: case 1: { const c = pick('.facet input[type=checkbox]'); if (c) c.click(); break; }
      case 2: { const cv = pick('.chart-card canvas'); if (cv) { const r = cv.getBoundingClientRect();
                cv.dispatchEvent(new MouseEvent('click', { clientX: r.left + r.width * 0.6, clientY: r.top + 8 + rand(8) * 24, bubbles: true, shiftKey: rand(3) === 0 })); } break; }
      case 3: { const b = pick('.chip button'); if (b) b.click(); break; }
      case 4: go(paths[rand(paths.length)] + '?' + queries[rand(queries.length)]); break;
      case 5: if (depth > 0) { depth--; fwd++; history.back(); } break;
      case 6: if (fwd > 0) { fwd--; depth++; history.forward(); } break;
      case 7: { const b = pick('.map-toolbar button, .chart-controls button'); if (b && !/SVG|PNG|CSV|JSON/.test(b.textContent) && b.dataset.testid !== 'play') b.click(); break; }
      case 8: { const g = pick('[data-iso3].has-projects'); if (g) g.dispatchEvent(new MouseEvent('click', { bubbles: true })); break; }
      case 9: { const l = document.querySelector('[data-testid=lang-switch]'); if (l) { l.click(); depth++; fwd = 0; } break; }
      default: go('/explore?' + queries[rand(queries.length)]);
    }
  } catch (e) { window.__errors.push('soak: ' + e); }
  i++;
  if (i === warmAt) { settle((v) => { warm = v; setTimeout(step, 0); }); return; }
  if (i === midAt) { settle((v) => { mid = v; setTimeout(step, 0); }); return; }
  if (i < n) setTimeout(step, 0);
  else settle((v) => done({ n: i, warmAt, warm, midAt, mid, end: v, errors: window.__errors.slice(0, 10), errorCount: window.__errors.length }));
};
// The heap is measured on the same view after warm-up and at the end (what a page retains depends on
// the page: the map holds more than the table), once it has settled and garbage has been collected.
const settle = (then) => {
  go('/explore?lang=en');
  setTimeout(() => { if (window.gc) window.gc(); then(heap()); }, 500);
};
step();
"#;

#[tokio::test(flavor = "multi_thread")]
async fn random_interactions_leave_no_errors_and_bounded_heap() {
    let n: u64 = std::env::var("SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser_with(
        &driver,
        1280,
        900,
        &["--js-flags=--expose-gc", "--enable-precise-memory-info"],
    )
    .await;
    script_timeout(&c, 1800).await;
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-status\"] canvas").await;
    let r: Value = c
        .execute_async(SOAK, vec![n.into(), 20261128u64.into()])
        .await
        .unwrap();
    let (warm, end) = (
        r["warm"].as_f64().unwrap_or(0.0),
        r["end"].as_f64().unwrap_or(0.0),
    );
    let growth = if warm > 0.0 {
        (end - warm) / warm * 100.0
    } else {
        f64::NAN
    };
    let mid = r["mid"].as_f64().unwrap_or(0.0);
    let second_half = if mid > 0.0 {
        (end - mid) / mid * 100.0
    } else {
        f64::NAN
    };
    println!("SOAK {} interactions: JS heap {:.2} MB after warm-up ({} interactions), {:.2} MB at {}, {:.2} MB at the end ({growth:+.1} % after warm-up, {second_half:+.1} % over the second half), {} console errors", r["n"], warm / 1e6, r["warmAt"], mid / 1e6, r["midAt"], end / 1e6, r["errorCount"]);
    assert_eq!(r["errorCount"], 0, "console errors: {}", r["errors"]);
    assert!(growth < 20.0, "heap grew {growth:.1} % after warm-up");
    // A leak keeps growing; a cache stops: the second half of the run adds little.
    assert!(
        second_half < 10.0,
        "heap grew {second_half:.1} % over the second half"
    );
    // The page still works afterwards.
    c.goto(&format!("{app}/explore?sector=120")).await.unwrap();
    wait_count(&c, 1767).await;
    c.close().await.unwrap();
}
