//! Explorer end to end: URL state, crossfilter, chart clicks and keys, back/forward, the table.

use crate::common::*;
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::Value;

fn projects() -> Vec<Value> {
    let text = std::fs::read_to_string(repo().join("public/data/projects.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["projects"].as_array().unwrap().clone()
}

fn sector(p: &Value) -> u64 {
    p["sector"]["code"].as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn sector_filter_timeline_click_back_and_reopen() {
    let all = projects();
    let health: Vec<&Value> = all.iter().filter(|p| sector(p) == 120).collect();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    c.goto(&format!("{app}/explore?sector=120")).await.unwrap();
    wait_count(&c, health.len()).await;
    assert_eq!(health.len(), 1767);
    let chips = wait_for(&c, "[data-testid=\"filter-chips\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(chips.contains("Sector: Health"), "{chips}");
    for id in [
        "chart-timeline",
        "chart-sector",
        "chart-recipients",
        "chart-region",
        "chart-sdg",
        "chart-status",
    ] {
        wait_for(&c, &format!("[data-testid=\"{id}\"] canvas")).await;
    }
    let summary_sel = "[data-testid=\"chart-status\"] [data-testid=\"chart-summary\"]";
    let status_before = wait_for(&c, summary_sel).await.text().await.unwrap();

    // Click the middle of the timeline: whatever year is there becomes from=to=year.
    let canvas = wait_for(&c, "[data-testid=\"chart-timeline\"] canvas").await;
    canvas.click().await.unwrap();
    let q = query_until(&c, |q| q.contains("from=")).await;
    let year: i64 = q
        .split('&')
        .find_map(|kv| kv.strip_prefix("from="))
        .expect(&q)
        .parse()
        .unwrap();
    assert!(
        q.contains(&format!("to={year}")) && q.contains("sector=120"),
        "{q}"
    );
    let in_year = health
        .iter()
        .filter(|p| commitment_year(p) == Some(year))
        .count();
    wait_count(&c, in_year).await;
    let status_after = wait_for(&c, summary_sel).await.text().await.unwrap();
    assert_ne!(
        status_before, status_after,
        "the other charts follow the year selection"
    );
    let chips = wait_for(&c, "[data-testid=\"filter-chips\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(chips.contains(&format!("Year: {year}")), "{chips}");

    // Back restores the previous state.
    c.back().await.unwrap();
    wait_count(&c, health.len()).await;
    assert_eq!(query_of(&c).await, "sector=120");
    c.forward().await.unwrap();
    wait_count(&c, in_year).await;

    // A copied URL reopens the same state in a fresh page.
    let url = c.current_url().await.unwrap().to_string();
    c.goto(&format!("{app}/about")).await.unwrap();
    c.goto(&url).await.unwrap();
    wait_count(&c, in_year).await;

    assert_no_errors(&c, "explorer after clicks, back and forward").await;

    // Removing the chip clears that filter.
    c.find(Locator::Css(
        "[data-testid=\"filter-chips\"] .chip button[aria-label^=\"Remove filter Year\"]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_count(&c, health.len()).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_facets_and_bad_parameters() {
    let all = projects();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    // Keyboard on a chart: Home focuses the first (largest) sector, Enter filters to it.
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_count(&c, 9404).await;
    let canvas = wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
    canvas
        .send_keys(&format!(
            "{}{}",
            char::from(Key::Home),
            char::from(Key::Enter)
        ))
        .await
        .unwrap();
    wait_count(&c, all.iter().filter(|p| sector(p) == 120).count()).await;
    // The history entry is written in the task after the frame that shows the change.
    wait_query(&c, "sector=120").await;

    // A facet checkbox adds a region; counts follow the data.
    c.find(Locator::Css("#facet-region-002"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/reference.json")).unwrap(),
    )
    .unwrap();
    let african: std::collections::HashSet<&str> = reference["countries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["region"] == "002")
        .map(|c| c["iso3"].as_str().unwrap())
        .collect();
    let want = all
        .iter()
        .filter(|p| {
            sector(p) == 120
                && p["recipients"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| african.contains(r.as_str().unwrap()))
        })
        .count();
    wait_count(&c, want).await;
    wait_query(&c, "region=002&sector=120").await;

    // Unknown or malformed parameters are ignored with a visible notice.
    c.goto(&format!("{app}/explore?sector=abc&colour=red&country=AGO"))
        .await
        .unwrap();
    let notices = wait_for(&c, "[data-testid=\"url-notices\"]")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        notices.contains("sector=abc") && notices.contains("colour=red"),
        "{notices}"
    );
    wait_count(
        &c,
        all.iter()
            .filter(|p| {
                p["recipients"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r == "AGO")
            })
            .count(),
    )
    .await;
    c.close().await.unwrap();
}

/// The recipients facet lists the top 25 under the other filters, so its options change places when
/// another filter changes (its rows are kept by position): each row's checkbox id and label still
/// name one country, and ticking the row filters to that country.
#[tokio::test(flavor = "multi_thread")]
async fn facet_rows_follow_their_options() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/data/reference.json")).unwrap(),
    )
    .unwrap();
    let names: std::collections::HashMap<String, String> = reference["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["iso3"].as_str().unwrap().to_string(),
                c["name_en"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let rows = "return [...document.querySelectorAll('[data-testid=\"facet-country\"] li')].map(li => [li.querySelector('input').id, li.querySelector('label').htmlFor, li.querySelector('.facet-label').textContent])";
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_count(&c, 9404).await;
    let before = eval(&c, rows).await;
    // In the app, not by loading a new address: the facet's rows are updated in place.
    c.find(Locator::Css("#facet-sector-120"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let all = projects();
    wait_count(&c, all.iter().filter(|p| sector(p) == 120).count()).await;
    let after = eval(&c, rows).await;
    let after = after.as_array().unwrap();
    assert!(
        after.len() > 5
            && before
                .as_array()
                .unwrap()
                .iter()
                .zip(after)
                .any(|(a, b)| a[0] != b[0]),
        "the sector changes the recipients' order: {before} → {after:?}"
    );
    for row in after {
        let id = row[0].as_str().unwrap();
        let iso = id.strip_prefix("facet-country-").unwrap_or_default();
        assert_eq!(row[1], row[0], "the label is for its checkbox: {row}");
        assert_eq!(
            names.get(iso).map(String::as_str),
            row[2].as_str(),
            "the row's id and label name the same country: {row}"
        );
    }
    let pick = after[3][0].as_str().unwrap().to_string();
    c.find(Locator::Css(&format!("#{pick}")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let iso = pick.strip_prefix("facet-country-").unwrap();
    wait_query(&c, &format!("country={iso}&sector=120")).await;
    assert_no_errors(&c, "facet rows").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn table_follows_filters_and_sorts() {
    let all = projects();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;

    c.goto(&format!("{app}/table?sector=230&sort=amount-desc"))
        .await
        .unwrap();
    let energy: Vec<&Value> = all.iter().filter(|p| sector(p) == 230).collect();
    wait_count(&c, energy.len()).await;
    wait_for(&c, "[data-testid=\"results-table\"] tbody tr[data-id]").await;
    let rows = c
        .find_all(Locator::Css(
            "[data-testid=\"results-table\"] tbody tr[data-id]",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 50);
    let top = energy
        .iter()
        .filter(|p| !p["amount"].is_null())
        .max_by(|a, b| {
            a["amount"]["value"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["amount"]["value"].as_f64().unwrap())
        })
        .unwrap();
    assert_eq!(attr(&rows[0], "data-id").await, top["id"].as_str().unwrap());

    // The header keeps the filters when moving to the explorer.
    c.find(Locator::Css(
        "nav[aria-label=\"Main\"] a[href*=\"/explore\"]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for(&c, "[data-testid=\"chart-sector\"]").await;
    assert_eq!(query_of(&c).await, "sector=230");
    wait_count(&c, energy.len()).await;
    c.close().await.unwrap();
}

/// A click on a bar renames every chart ("Government and civil society projects by region") and
/// rewrites its summary. Neither may move the charts: the bar under the pointer stays there, and the
/// next click lands where the person aims. Clicks the sector chart's first eight bars, long sector
/// names among them, from the first screen without any filter.
#[tokio::test(flavor = "multi_thread")]
async fn clicks_on_bars_do_not_move_the_charts() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-flow\"] canvas").await;
    let tops = "document.querySelector('[data-testid=\"chart-sector\"] canvas').scrollIntoView({ block: 'center' });
         return [...document.querySelectorAll('.chart-card')].map(c => c.dataset.testid + ' ' + Math.round(c.getBoundingClientRect().top + scrollY)).join(', ');";
    let before = eval(&c, tops).await;
    let mut sectors = Vec::new();
    for row in 0..8 {
        let at = eval(
            &c,
            &format!(
                "const r = document.querySelector('[data-testid=\"chart-sector\"] canvas').getBoundingClientRect();
                 return [r.left + r.width * 0.55, r.top + 4 + {row} * 24 + 12];"
            ),
        )
        .await;
        let (x, y) = (at[0].as_f64().unwrap_or(0.0), at[1].as_f64().unwrap_or(0.0));
        let was = query_of(&c).await;
        click_at(&c, x, y).await;
        let q = query_until(&c, |q| q != was && q.contains("sector=")).await;
        sectors.push(q.clone());
        // The URL is written after the click's frame is on screen: by now the title names the sector.
        let chips = text_at(&c, "[data-testid=\"filter-chips\"]").await;
        let name = chips
            .trim_start_matches("Sector: ")
            .split('\n')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let title = text_at(&c, "[data-testid=\"chart-timeline\"] h2").await;
        assert!(
            !name.is_empty() && title.starts_with(&name),
            "row {row}: the timeline's title names the sector ({title}; chips {chips})"
        );
        assert_eq!(
            eval(&c, tops).await,
            before,
            "row {row}: the charts stay where they were ({q})"
        );
    }
    sectors.dedup();
    assert_eq!(sectors.len(), 8, "eight different sectors: {sectors:?}");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn url_text_is_shown_as_text_never_run() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let payload = "%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E";
    c.goto(&format!(
        "{app}/explore?q={payload}&country=%3Cscript%3E&zoom=%3Csvg%20onload%3Dalert(1)%3E"
    ))
    .await
    .unwrap();
    let chips = text_at(&c, "[data-testid=\"filter-chips\"]").await;
    assert!(
        chips.contains("<img src=x onerror=\"window.__pwned=1\">"),
        "the query is shown as text: {chips}"
    );
    let notices = text_at(&c, "[data-testid=\"url-notices\"]").await;
    assert!(
        notices.contains("country=<script>") && notices.contains("zoom="),
        "{notices}"
    );
    wait_count(&c, 0).await;
    assert_eq!(eval(&c, "return window.__pwned === undefined && document.querySelectorAll('main img').length === 0").await, true);
    c.close().await.unwrap();
}

/// The commitment year as the schema defines it (docs/dataset.md): `years.commitment`, or when the file
/// leaves it out, the year of `dates.commitment`. Read here from the raw JSON, independently of the core.
fn commitment_year(p: &Value) -> Option<i64> {
    p["years"]["commitment"].as_i64().or_else(|| {
        p["dates"]["commitment"]
            .as_str()
            .and_then(|d| d.get(..4)?.parse().ok())
    })
}

/// A click repaints every chart in its own task, those out of view too (whose rendering the browser
/// skips until they come near: `.chart-pixels` in style/main.css): before the click's frame, the
/// chart far below already shows the click, and it ends up exactly as a fresh page of the same URL
/// paints it, whether it is scrolled to later or at once.
#[tokio::test(flavor = "multi_thread")]
async fn charts_out_of_view_are_painted_after_a_click() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let flow = "const c = document.querySelector('[data-testid=\"chart-flow\"] canvas'); return c.toDataURL();";
    let flow_in_view = "const c = document.querySelector('[data-testid=\"chart-flow\"] canvas');
         c.scrollIntoView({ block: 'center' });
         return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(c.toDataURL()), 300))));";
    // Whether the flow chart is out of view is read from its card: a canvas whose rendering the
    // browser skips has no box of its own.
    let sector_row = |row: usize| {
        format!(
            "const s = document.querySelector('[data-testid=\"chart-sector\"] canvas');
             s.scrollIntoView({{ block: 'center' }});
             const r = s.getBoundingClientRect();
             const f = document.querySelector('[data-testid=\"chart-flow\"]').getBoundingClientRect();
             return [r.left + r.width * 0.55, r.top + 4 + {row} * 24 + 12, f.top > innerHeight];"
        )
    };
    // A fresh page's paint of the flow chart for the URL the explorer shows now.
    let fresh = async |c: &fantoccini::Client| {
        let url = c.current_url().await.unwrap();
        c.goto(url.as_str()).await.unwrap();
        wait_for(c, "[data-testid=\"chart-flow\"] canvas").await;
        eval(c, flow_in_view).await
    };

    // Later: a person's click on the first sector, the flow chart far below.
    c.goto(&format!("{app}/explore")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-flow\"] canvas").await;
    let at = eval(&c, &sector_row(0)).await;
    assert_eq!(at[2], Value::Bool(true), "the flow chart is out of view");
    let before = eval(&c, flow).await;
    let was = query_of(&c).await;
    click_at(
        &c,
        at[0].as_f64().unwrap_or(0.0),
        at[1].as_f64().unwrap_or(0.0),
    )
    .await;
    query_until(&c, |q| q != was && q.contains("sector=")).await;
    let painted = eval(
        &c,
        &format!(
            "const c = document.querySelector('[data-testid=\"chart-flow\"] canvas');
             return new Promise(done => {{ const t = performance.now(); const wait = () => c.toDataURL() !== {before} ? done(true) : performance.now() - t > 5000 ? done(false) : setTimeout(wait, 50); wait(); }});"
        ),
    )
    .await;
    assert_eq!(
        painted,
        Value::Bool(true),
        "the flow chart out of view is repainted"
    );
    let later = eval(&c, flow_in_view).await;
    assert!(
        later == fresh(&c).await,
        "scrolled to later, the flow chart is as a fresh page paints it"
    );

    // At once: a click on the third sector and the flow chart scrolled into view in the same task.
    let at = eval(&c, &sector_row(2)).await;
    assert_eq!(
        at[2],
        Value::Bool(true),
        "the flow chart is out of view again"
    );
    let at_once = eval(
        &c,
        &format!(
            "const s = document.querySelector('[data-testid=\"chart-sector\"] canvas');
             s.dispatchEvent(new MouseEvent('click', {{ clientX: {}, clientY: {}, bubbles: true }}));
             {flow_in_view}",
            at[0], at[1]
        ),
    )
    .await;
    let q = query_of(&c).await;
    assert!(q.contains("sector="), "the click filtered: {q}");
    assert!(
        at_once == fresh(&c).await,
        "scrolled to at once, the flow chart is as a fresh page paints it ({q})"
    );

    // In the click's task: a click on the fourth sector, the flow chart far below read in the first
    // animation frame after it, before the browser renders the click.
    let at = eval(&c, &sector_row(3)).await;
    assert_eq!(at[2], Value::Bool(true), "the flow chart is out of view");
    let before = eval(&c, flow).await;
    let was = query_of(&c).await;
    let in_its_frame = eval(
        &c,
        &format!(
            "const s = document.querySelector('[data-testid=\"chart-sector\"] canvas');
             const c = document.querySelector('[data-testid=\"chart-flow\"] canvas');
             s.dispatchEvent(new MouseEvent('click', {{ clientX: {}, clientY: {}, bubbles: true }}));
             return new Promise(done => requestAnimationFrame(() => done(c.toDataURL())));",
            at[0], at[1]
        ),
    )
    .await;
    assert!(
        in_its_frame != before,
        "the flow chart out of view is repainted before the click's frame"
    );
    let q = query_until(&c, |q| q != was && q.contains("sector=")).await;
    assert!(
        in_its_frame == fresh(&c).await,
        "repainted in the click's task, the flow chart is as a fresh page paints it ({q})"
    );
    c.close().await.unwrap();
}

/// A second after the explorer's first frame, the click on the sector chart's top bar is rehearsed
/// and thrown away (`src/components/explore/rehearsal.rs`): nothing a person sees changes, and a
/// real click afterwards filters as it should.
#[tokio::test(flavor = "multi_thread")]
async fn the_rehearsed_click_changes_nothing() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/explore?region=002")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-flow\"] canvas").await;
    let seen = "return [location.search, document.querySelector('[data-testid=\"project-count\"]').textContent,
         ...[...document.querySelectorAll('.chart-card')].map(c => c.querySelector('[data-testid=\"chart-summary\"]').textContent + c.querySelector('canvas').toDataURL())];";
    let before = eval(&c, seen).await;
    // The rehearsal runs a second after the first frame is on screen.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert!(
        eval(&c, seen).await == before,
        "the URL, the headline, the charts' sentences and pixels are as they were"
    );
    let was = query_of(&c).await;
    let at = eval(
        &c,
        "const s = document.querySelector('[data-testid=\"chart-sector\"] canvas');
         s.scrollIntoView({ block: 'center' });
         const r = s.getBoundingClientRect();
         return [r.left + r.width * 0.55, r.top + 4 + 12];",
    )
    .await;
    click_at(
        &c,
        at[0].as_f64().unwrap_or(0.0),
        at[1].as_f64().unwrap_or(0.0),
    )
    .await;
    let q = query_until(&c, |q| q != was && q.contains("sector=")).await;
    assert!(
        q.contains("region=002"),
        "the click adds to the URL's filters: {q}"
    );
    let clicked = eval(&c, seen).await;
    let url = c.current_url().await.unwrap();
    c.goto(url.as_str()).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-flow\"] canvas").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        eval(&c, seen).await == clicked,
        "after the click the page is as a fresh page of its URL ({q})"
    );
    c.close().await.unwrap();
}
