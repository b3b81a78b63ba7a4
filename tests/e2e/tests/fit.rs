//! What a person sees on the first screen, where each user meets Bridges (issue #20): a slide fits its
//! 16:9 stage at 1280×720 and 1920×1080 and the presenter's controls get out of the way; an embed leads
//! with its chart or map inside the default 480 px frame; a phone shows a chart on the first screen with
//! a one-row header; headline values never overflow their cards; every route has its own title.

use std::time::Duration;

use crate::common::*;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, Locator};
use serde_json::Value;

/// The bounding box of the first element matching `css`: [top, bottom, left, right, height], or null.
async fn rect(c: &Client, css: &str) -> Value {
    eval(
        c,
        &format!(
            "const e = document.querySelector({css:?}); if (!e) return null; const r = e.getBoundingClientRect();
             return [r.top, r.bottom, r.left, r.right, r.height];"
        ),
    )
    .await
}

async fn displayed(c: &Client, css: &str) -> bool {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
}

/// Waits until every canvas of the page has been painted once (its width attribute set).
async fn charts_drawn(c: &Client, css: &str) {
    for _ in 0..100 {
        let ok = eval(
            c,
            &format!(
                "const cs = [...document.querySelectorAll({css:?})]; return cs.length > 0 && cs.every(x => x.width > 0 && x.getBoundingClientRect().height > 0)"
            ),
        )
        .await;
        if ok == true {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never painted");
}

#[tokio::test(flavor = "multi_thread")]
async fn slides_fit_a_16_9_stage_and_the_controls_get_out_of_the_way() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let story: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/stories/two-decades.json")).unwrap(),
    )
    .unwrap();
    let slides = story["slides"].as_array().unwrap().len();
    let mut failures = Vec::new();
    for (w, h) in [(1280u32, 720u32), (1920, 1080)] {
        let c = browser_exact(&driver, w, h).await;
        for i in 1..=slides {
            c.goto(&format!("{app}/present/two-decades?lang=en&slide={i}"))
                .await
                .unwrap();
            let css = format!("[data-testid=\"slide\"][data-index=\"{i}\"]");
            wait_for(&c, &css).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            // The stage is 16:9 and inside the window; the slide's content does not spill out of it.
            let stage = rect(&c, ".stage-frame").await;
            let (top, bottom, left, right) = (
                stage[0].as_f64().unwrap(),
                stage[1].as_f64().unwrap(),
                stage[2].as_f64().unwrap(),
                stage[3].as_f64().unwrap(),
            );
            let ratio = (right - left) / (bottom - top);
            if (ratio - 16.0 / 9.0).abs() > 0.01 || top < -0.5 || bottom > h as f64 + 0.5 {
                failures.push(format!("{w}x{h} slide {i}: stage {stage}"));
            }
            let spill = eval(
                &c,
                &format!(
                    "const s = document.querySelector('{}'); const f = document.querySelector('.stage-frame').getBoundingClientRect();
                     const out = [...s.querySelectorAll('.chart-card, .map-wrap, .headline, .headline-strip, h1, .narration, .legend, .finder-actors > li, .finder-limits')]
                       .filter(e => {{ const r = e.getBoundingClientRect(); return r.height > 0 && (r.bottom > f.bottom + 1 || r.right > f.right + 1); }})
                       .map(e => e.className || e.tagName);
                     return out;",
                    css.replace('\'', "\\'")
                ),
            )
            .await;
            if spill.as_array().is_some_and(|a| !a.is_empty()) {
                failures.push(format!(
                    "{w}x{h} slide {i}: spills out of the stage: {spill}"
                ));
            }
            // A stacked timeline says what its colours are.
            let stacked = story["slides"][i - 1]["query"]
                .as_str()
                .is_some_and(|q| q.contains("stack="));
            if stacked {
                let n = eval(
                    &c,
                    "return document.querySelectorAll('.slide .legend li').length",
                )
                .await;
                if n.as_u64().unwrap_or(0) < 2 {
                    failures.push(format!(
                        "{w}x{h} slide {i}: a stacked chart without a legend"
                    ));
                }
            }
        }
        // The control bar is there when the presenter reaches for it and gone after two idle seconds.
        let bar = "[data-testid=\"presenter-controls\"]";
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: (w / 2) as f64,
            y: (h / 3) as f64,
        });
        c.perform_actions(mouse).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(
            displayed(&c, bar).await,
            "{w}x{h}: the bar shows on a pointer move"
        );
        tokio::time::sleep(Duration::from_millis(2800)).await;
        assert!(
            !displayed(&c, bar).await,
            "{w}x{h}: the bar hides after 2 s idle"
        );
        let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: (w / 3) as f64,
            y: (h / 2) as f64,
        });
        c.perform_actions(mouse).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(displayed(&c, bar).await, "{w}x{h}: and comes back");
        assert_no_errors(&c, "slides").await;
        c.close().await.unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_embed_leads_with_its_view_in_the_default_frame() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    // The README's iframe is 480 px high; partners' article columns are about 680 px, phones 390.
    for (w, h) in [(680u32, 480u32), (390, 480)] {
        let c = browser_exact(&driver, w, h).await;
        for (path, view, title) in [
            (
                "/embed/timeline?sector=120",
                "[data-testid=\"embed-root\"] canvas",
                "Health projects by commitment year",
            ),
            (
                "/embed/sector?sector=120~230",
                "[data-testid=\"embed-root\"] canvas",
                "Projects by sector",
            ),
            (
                "/embed/map",
                "[data-testid=\"map\"]",
                "Projects by recipient country",
            ),
        ] {
            c.goto(&format!("{app}{path}")).await.unwrap();
            wait_for(&c, view).await;
            if view.ends_with("canvas") {
                charts_drawn(&c, view).await;
            } else {
                wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            let r = rect(&c, view).await;
            let (top, bottom) = (r[0].as_f64().unwrap(), r[1].as_f64().unwrap());
            assert!(
                top < 130.0,
                "{w}x{h} {path}: the view starts at {top} px, under at most a title and one line"
            );
            assert!(
                bottom <= h as f64,
                "{w}x{h} {path}: the view ends at {bottom} px, below the {h} px frame"
            );
            assert_eq!(
                eval(&c, "return document.title").await,
                title,
                "{path}: the frame says what it shows"
            );
            assert!(
                c.find(Locator::Css("[data-testid=\"data-issues\"]"))
                    .await
                    .is_err(),
                "{path}: no problems table inside a partner's page"
            );
            let notes = attr(
                &wait_for(&c, "[data-testid=\"embed-data-notes\"]").await,
                "href",
            )
            .await;
            assert!(notes.contains("/about"), "{notes}");
        }
        c.goto(&format!("{app}/embed/timeline?sector=120&lang=zh"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"embed-root\"] canvas").await;
        let zh = eval(&c, "return document.title").await;
        assert!(
            zh.as_str()
                .is_some_and(|t| t.contains("卫生") && t.contains("承诺年份")),
            "{zh}"
        );
        assert_no_errors(&c, "embeds").await;
        c.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_shows_a_chart_and_a_map_on_the_first_screen() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 390, 844).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/explore?lang={lang}")).await.unwrap();
        charts_drawn(&c, "[data-testid=\"chart-timeline\"] canvas").await;
        let header = rect(&c, "header.site-header").await;
        assert!(
            header[4].as_f64().unwrap() <= 64.0,
            "{lang}: the header is one row: {header}"
        );
        let chart = rect(&c, "[data-testid=\"chart-timeline\"] canvas").await;
        assert!(
            chart[1].as_f64().unwrap() <= 844.0,
            "{lang}: the timeline is on the first screen: {chart}"
        );
        // The filters wait behind a button; the sheet opens over the charts and closes again.
        assert!(
            !displayed(&c, "aside.facets").await,
            "{lang}: filters folded away"
        );
        let button = wait_for(&c, ".filters-button").await;
        assert!(button.is_displayed().await.unwrap());
        button.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(
            displayed(&c, "aside.facets").await,
            "{lang}: the sheet opens"
        );
        c.find(Locator::Css(".facet input[type=\"checkbox\"]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        // The first region listed is Africa, the region with the most projects.
        wait_query(&c, &format!("region=002&lang={lang}")).await;
        wait_for(&c, ".sheet-close").await.click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(!displayed(&c, "aside.facets").await, "{lang}: and closes");
        let label = text_at(&c, ".filters-button").await;
        assert!(
            label.contains("(1)"),
            "{lang}: the button counts the filter: {label}"
        );

        c.goto(&format!("{app}/map?lang={lang}")).await.unwrap();
        wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
        let map = rect(&c, "[data-testid=\"map\"]").await;
        assert!(
            map[1].as_f64().unwrap() <= 844.0 && map[0].as_f64().unwrap() < 200.0,
            "{lang}: the map comes first, on the first screen: {map}"
        );
        assert!(
            map[4].as_f64().unwrap() >= 0.5 * 844.0,
            "{lang}: the map takes over half the screen's height: {map}"
        );
        // Its controls and legend lie over it, not in rows around it.
        for part in [
            ".map-zoom",
            ".map-menu > summary",
            "[data-testid=\"map-legend\"]",
        ] {
            let r = rect(&c, part).await;
            assert!(
                r[0].as_f64().unwrap() >= map[0].as_f64().unwrap()
                    && r[1].as_f64().unwrap() <= map[1].as_f64().unwrap(),
                "{lang}: {part} lies over the map: {r} in {map}"
            );
        }
        // A tap selects the country and opens its details in a panel (there is no hover on a phone).
        let centre = eval(
            &c,
            "const r = document.querySelector('[data-testid=\"map\"] [data-iso3=\"BRA\"] path').getBoundingClientRect();
             return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];",
        )
        .await;
        let (x, y) = (centre[0].as_f64().unwrap(), centre[1].as_f64().unwrap());
        c.perform_actions(
            fantoccini::actions::TouchActions::new("finger".into())
                .then(PointerAction::MoveTo {
                    duration: None,
                    x,
                    y,
                })
                .then(PointerAction::Down { button: 0 })
                .then(PointerAction::Up { button: 0 }),
        )
        .await
        .unwrap();
        let panel = wait_for(&c, "[data-testid=\"map-detail\"]").await;
        let text = panel.text().await.unwrap();
        let brazil = if lang == "en" { "Brazil" } else { "巴西" };
        assert!(
            text.contains(brazil),
            "{lang}: the panel names the country: {text}"
        );
        wait_query(&c, &format!("country=BRA&lang={lang}")).await;
        let r = rect(&c, "[data-testid=\"map-detail\"]").await;
        assert!(
            r[1].as_f64().unwrap() <= 844.0,
            "{lang}: the details are on the screen: {r}"
        );
        assert!(
            !displayed(&c, "[data-testid=\"map\"] .tooltip").await,
            "{lang}: no tooltip under the finger"
        );
        c.find(Locator::Css(".map-detail-close"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            !displayed(&c, "[data-testid=\"map-detail\"]").await,
            "{lang}: the panel closes"
        );
    }
    assert_no_errors(&c, "phone").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn headline_values_never_overflow_their_cards() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let mut failures = Vec::new();
    for (w, h) in [(390u32, 844u32), (768, 1024), (1024, 768), (1280, 800)] {
        let c = browser_exact(&driver, w, h).await;
        for lang in ["en", "zh"] {
            for theme in ["", "&theme=projector"] {
                c.goto(&format!("{app}/explore?lang={lang}{theme}"))
                    .await
                    .unwrap();
                wait_for(&c, "[data-testid=\"amount-total\"] .value").await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let cut = eval(
                    &c,
                    "return [...document.querySelectorAll('.headline .figure .value')]
                       .filter(v => v.scrollWidth > v.clientWidth + 1 || v.getBoundingClientRect().right > v.parentElement.getBoundingClientRect().right + 1)
                       .map(v => v.textContent)",
                )
                .await;
                if cut.as_array().is_some_and(|a| !a.is_empty()) {
                    failures.push(format!("{w}x{h} {lang}{theme}: {cut}"));
                }
            }
        }
        c.close().await.unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_has_its_own_title_and_the_problems_are_one_line() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 800).await;
    for (path, en, zh) in [
        ("/explore", "Explore · Bridges", "探索 · Bridges"),
        ("/map", "Map · Bridges", "地图 · Bridges"),
        ("/table", "Table · Bridges", "列表 · Bridges"),
        ("/about", "About · Bridges", "关于 · Bridges"),
        ("/present", "Present · Bridges", "演示 · Bridges"),
    ] {
        for (lang, want) in [("en", en), ("zh", zh)] {
            c.goto(&format!("{app}{path}?lang={lang}")).await.unwrap();
            let mut title = Value::Null;
            for _ in 0..50 {
                title = eval(&c, "return document.title").await;
                if title == want {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert_eq!(title, want, "{path} in {lang}");
        }
    }
    c.goto(&format!("{app}/projects/4")).await.unwrap();
    wait_for(&c, "[data-testid=\"project\"]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let title = eval(&c, "return document.title").await;
    assert!(
        title
            .as_str()
            .is_some_and(|t| t.contains("Luanda General Hospital")),
        "{title}"
    );
    // The problems list is one line on the overview, the whole table on the About page.
    c.goto(&format!("{app}/?lang=en")).await.unwrap();
    let issues = wait_for(&c, "[data-testid=\"data-issues\"]").await;
    assert_eq!(attr(&issues, "data-count").await, "5");
    assert_eq!(
        eval(
            &c,
            "return document.querySelector('[data-testid=data-issues]').open"
        )
        .await,
        false
    );
    let r = rect(&c, "[data-testid=\"data-issues\"]").await;
    assert!(r[4].as_f64().unwrap() < 70.0, "one line: {r}");
    c.goto(&format!("{app}/about")).await.unwrap();
    wait_for(&c, "[data-testid=\"data-issues\"] tbody tr").await;
    assert_eq!(
        eval(
            &c,
            "return document.querySelector('[data-testid=data-issues]').open"
        )
        .await,
        true
    );
    c.close().await.unwrap();
}
