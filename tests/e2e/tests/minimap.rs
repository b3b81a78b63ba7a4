//! Mini-maps (issue #16): a project page shows its locations on the world map's own drawing, zoomed, with
//! the similar projects' locations; an actor's profile shows the countries it worked in. Test contract:
//! `data-testid="mini-map"` (role img, its aria-label in the page's language), marks with
//! `data-kind="own"` / `data-kind="similar"`, highlighted countries `.recipient[data-iso3]`.

use crate::common::*;
use serde_json::Value;

/// Where the mini-map and its marks are, as the visitor sees them.
const MEASURE: &str = r#"
    const svg = document.querySelector('[data-testid="mini-map"]');
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    const style = getComputedStyle(svg);
    const inside = (e) => {
        const b = e.getBoundingClientRect();
        const cx = b.left + b.width / 2, cy = b.top + b.height / 2;
        return b.width > 0 && cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom;
    };
    const marks = (kind) => [...svg.querySelectorAll(`[data-kind="${kind}"]`)];
    return {
        top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
        viewportWidth: innerWidth, viewportHeight: innerHeight,
        visible: style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0,
        role: svg.getAttribute('role'),
        label: svg.getAttribute('aria-label') || '',
        fitted: svg.dataset.fitted,
        own: marks('own').length,
        ownInside: marks('own').filter(inside).length,
        similar: marks('similar').length,
        similarInside: marks('similar').filter(inside).length,
        highlighted: [...svg.querySelectorAll('.recipient[data-iso3]')].map(e => e.dataset.iso3),
        legend: svg.parentElement.querySelector('.mini-legend')?.innerText || '',
    };
"#;

async fn measure(c: &fantoccini::Client) -> Value {
    // The similar projects come from an index built after the page opens: the map waits for them.
    for _ in 0..100 {
        let m = eval(c, MEASURE).await;
        if !m.is_null() {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("no mini-map");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_page_shows_its_locations_and_similar_ones_on_a_mini_map() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    for (w, h) in [(1280, 800), (390, 844)] {
        let c = browser(&driver, w, h).await;
        for lang in ["en", "zh"] {
            c.goto(&format!("{app}/projects/63507?lang={lang}"))
                .await
                .unwrap();
            wait_for(&c, "[data-testid=\"mini-map\"]").await;
            let m = measure(&c).await;
            let at = format!("{w}×{h} {lang}: {m}");
            let f = |k: &str| m[k].as_f64().unwrap_or(f64::NAN);
            assert!(m["visible"] == true && m["role"] == "img", "{at}");
            // Within the page's width, with a useful size: not a sliver, not wider than the screen.
            assert!(
                f("left") >= 0.0 && f("right") <= f("viewportWidth") + 0.5,
                "{at}"
            );
            assert!(f("width") >= 300.0 && f("height") >= 180.0, "{at}");
            if w == 1280 {
                // Beside the facts: on the first screen of a laptop.
                assert!(
                    f("top") >= 0.0 && f("bottom") <= f("viewportHeight"),
                    "{at}"
                );
            }
            assert_eq!(m["fitted"], "zoomed", "{at}");
            assert_eq!(m["highlighted"], serde_json::json!(["MMR"]), "{at}");
            assert!(
                m["own"].as_u64() == Some(1) && m["ownInside"].as_u64() == Some(1),
                "its one location (Ayeyarwady), drawn inside the map: {at}"
            );
            assert!(
                m["similar"].as_u64().unwrap_or(0) >= 1 && m["similarInside"] == m["similar"],
                "similar projects' locations, inside the map: {at}"
            );
            let label = m["label"].as_str().unwrap_or_default();
            let legend = m["legend"].as_str().unwrap_or_default();
            if lang == "en" {
                assert!(label.starts_with("Map of Myanmar: 1 location; "), "{at}");
                assert!(label.contains("locations of similar projects"), "{at}");
                assert!(legend.contains("Similar projects' locations"), "{at}");
            } else {
                assert!(label.starts_with("缅甸地图：1个地点；类似项目的"), "{at}");
                assert!(legend.contains("类似项目的地点"), "{at}");
            }
        }
        assert_no_errors(&c, "mini-map on a project page").await;
        c.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_actor_page_shows_the_countries_it_worked_in() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 390, 844).await;
    for lang in ["en", "zh"] {
        // China, the provider of every record: 100+ recipients, so the whole world.
        c.goto(&format!("{app}/actors/CHN?lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"mini-map\"]").await;
        let m = measure(&c).await;
        let at = format!("{lang}: {m}");
        let n = m["highlighted"].as_array().map_or(0, Vec::len);
        assert!(n > 100, "{at}");
        assert_eq!(m["fitted"], "world", "{at}");
        assert!(m["own"] == 0 && m["similar"] == 0, "{at}");
        assert!(m["width"].as_f64().unwrap_or(0.0) >= 300.0, "{at}");
        let label = m["label"].as_str().unwrap_or_default();
        let want = if lang == "en" {
            format!("Map of the {n} countries it worked in")
        } else {
            format!("其合作的{n}个国家的地图")
        };
        assert_eq!(label, want, "{at}");
    }
    assert_no_errors(&c, "mini-map on an actor page").await;
    c.close().await.unwrap();
}
