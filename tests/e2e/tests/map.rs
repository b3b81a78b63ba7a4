//! Map end to end: one shape per country, click and keyboard selection set `country=` and the
//! headline follows the data; zoom and layers live in the URL.

use crate::common::*;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

/// Opens "Map options", where the measure, layers, regions, list and downloads are.
async fn open_map_menu(c: &fantoccini::Client) {
    let open = eval(
        c,
        "const d = document.querySelector('details.map-menu'); return d ? d.open : null",
    )
    .await;
    if open == false {
        wait_for(c, "details.map-menu > summary")
            .await
            .click()
            .await
            .unwrap();
    }
}

fn recipients_count(iso: &str) -> usize {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/projects.json")).unwrap(),
    )
    .unwrap();
    v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["recipients"].as_array().unwrap().iter().any(|r| r == iso))
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn click_and_keyboard_select_countries() {
    let world: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/world.json")).unwrap(),
    )
    .unwrap();
    let shapes = world["countries"].as_array().unwrap().len();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    c.goto(&format!("{app}/map")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    let all = c
        .find_all(Locator::Css("[data-testid=\"map\"] [data-iso3]"))
        .await
        .unwrap();
    assert_eq!(all.len(), shapes, "one element per country");
    for iso in ["MUS", "TON", "CPV"] {
        c.find(Locator::Css(&format!(
            "[data-testid=\"map\"] [data-iso3=\"{iso}\"] circle"
        )))
        .await
        .expect("small islands get a marker");
    }

    // Click Angola where a person would: on its centroid (the middle of its bounding box, which
    // includes the Cabinda exclave, lies in the Democratic Republic of the Congo).
    let ago = world["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["iso3"] == "AGO")
        .unwrap();
    let point = eval(
        &c,
        &format!(
            "const svg = document.querySelector('svg.world'); svg.scrollIntoView({{block: 'center'}}); const p = svg.createSVGPoint(); p.x = {}; p.y = {}; \
             const q = p.matrixTransform(svg.getScreenCTM()); return [q.x, q.y];",
            ago["cx"], ago["cy"]
        ),
    )
    .await;
    let (x, y) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    c.perform_actions(mouse).await.unwrap();
    wait_query(&c, "country=AGO").await;
    let angola = recipients_count("AGO");
    wait_count(&c, angola).await;
    let ago = c.find(Locator::Css("[data-iso3=\"AGO\"]")).await.unwrap();
    assert_eq!(attr(&ago, "aria-pressed").await, "true");
    // Crossfilter: the other countries still show their projects.
    let zmb = c.find(Locator::Css("[data-iso3=\"ZMB\"]")).await.unwrap();
    assert_eq!(attr(&zmb, "role").await, "button");

    // Keyboard: Enter on the focused country clears Angola, an arrow moves, Enter selects.
    eval(
        &c,
        "document.querySelector('[data-iso3=\"AGO\"]').focus(); return true",
    )
    .await;
    let focused = c.active_element().await.unwrap();
    focused
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    wait_query(&c, "").await;
    focused
        .send_keys(&char::from(Key::Right).to_string())
        .await
        .unwrap();
    let next = c.active_element().await.unwrap();
    let iso = attr(&next, "data-iso3").await;
    assert!(
        !iso.is_empty() && iso != "AGO",
        "the arrow moved focus to another country: {iso}"
    );
    next.send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    wait_query(&c, &format!("country={iso}")).await;
    wait_count(&c, recipients_count(&iso)).await;

    assert_no_errors(&c, "map after clicks and keys").await;

    // The list instead of the map lists the same countries.
    open_map_menu(&c).await;
    c.find(Locator::XPath(
        "//button[contains(., 'List instead of map')]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let rows = c
        .find_all(Locator::Css("[data-testid=\"map-list\"] tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 144, "every recipient country with projects");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn zoom_presets_and_layers_live_in_the_url() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/map")).await.unwrap();
    wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"AGO\"]").await;
    open_map_menu(&c).await;
    c.find(Locator::XPath("//button[normalize-space(.)='Africa']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The preset fits the whole continent (core::map::Preset), from Tunis to Cape Town.
    wait_query(&c, "zoom=1.5&lon=16&lat=1").await;
    let vb = attr(&c.find(Locator::Css("svg.world")).await.unwrap(), "viewBox").await;
    let w: f64 = vb.split(' ').nth(2).unwrap().parse().unwrap();
    assert!((w - 1000.0 / 1.5).abs() < 0.01, "{vb}");
    for (iso, what) in [
        ("ZAF", "South Africa"),
        ("TUN", "Tunisia"),
        ("EGY", "Egypt"),
        ("SEN", "Senegal"),
    ] {
        let inside = eval(
            &c,
            &format!(
                "const m = document.querySelector('[data-testid=map]').getBoundingClientRect();
                 const r = document.querySelector('[data-iso3={iso}]').getBoundingClientRect();
                 return r.top >= m.top - 1 && r.bottom <= m.bottom + 1 && r.left >= m.left - 1 && r.right <= m.right + 1"
            ),
        )
        .await;
        assert_eq!(inside, true, "{what} is inside the Africa view");
    }
    c.find(Locator::XPath(
        "//label[contains(., 'Project locations')]/input",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_query(&c, "zoom=1.5&lon=16&lat=1&layer=countries~points").await;
    let points = c.find_all(Locator::Css("g.points circle")).await.unwrap();
    assert!(!points.is_empty());
    c.find(Locator::XPath("//button[normalize-space(.)='World']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_query(&c, "layer=countries~points").await;
    c.close().await.unwrap();
}
