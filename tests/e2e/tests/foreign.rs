//! Other people's data (issue #14), the parts a browser shows: ids that need escaping work where they
//! are linked, links built from the current path stay on this site, codes that name nothing are
//! ignored with a notice, the built-in data's wording stays with the built-in data, and a file with
//! thousands of problems lists a bounded number of them. Both languages.

use std::time::Duration;

use crate::common::*;
use fantoccini::actions::InputSource;
use serde_json::Value;

const ODD_IDS: [&str; 5] = ["a/b", "a?b", "a#b", "../x", "水电 站 %20"];

/// Each id that needs escaping is a link in the table that opens its own page, and the share link of
/// that page opens it again.
#[tokio::test(flavor = "multi_thread")]
async fn ids_that_need_escaping_work_where_they_are_linked() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        c.goto(&format!(
            "{app}/table?data=fixtures/odd-ids.json&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
        wait_count(&c, ODD_IDS.len()).await;
        let links = eval(
            &c,
            "return [...document.querySelectorAll('[data-testid=\"results-table\"] tr[data-id]')]\
             .map(tr => [tr.getAttribute('data-id'), tr.querySelector('a').href])",
        )
        .await;
        let links = links.as_array().cloned().unwrap_or_default();
        assert_eq!(links.len(), ODD_IDS.len(), "{lang}: {links:?}");
        for pair in links {
            let (id, href) = (
                pair[0].as_str().unwrap_or_default().to_string(),
                pair[1].as_str().unwrap_or_default().to_string(),
            );
            assert!(ODD_IDS.contains(&id.as_str()), "{lang}: {id}");
            c.goto(&href).await.unwrap();
            let page = wait_for(&c, "[data-testid=\"project\"]").await;
            assert_eq!(attr(&page, "data-id").await, id, "{lang}: {href}");
            // The share link names the same project.
            wait_for(&c, ".share-button").await.click().await.unwrap();
            let link = wait_for(&c, "[data-testid=\"share-link\"]").await;
            let mut shared = String::new();
            for _ in 0..30 {
                shared = link.prop("value").await.unwrap().unwrap_or_default();
                if !shared.is_empty() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            c.goto(&shared).await.unwrap();
            let page = wait_for(&c, "[data-testid=\"project\"]").await;
            assert_eq!(attr(&page, "data-id").await, id, "{lang}: shared {shared}");
        }
    }
    assert_no_errors(&c, "odd ids").await;
    c.close().await.unwrap();
}

/// A page opened at a path that starts with `//` (a server that answers every path with the app)
/// builds its language switch, projector switch, share link and embed snippets (iframe and script)
/// on this site, never as a protocol-relative link to `evil.example`, and offers no "add this view
/// as a slide" for that path (the story builder takes only the app's own views).
#[tokio::test(flavor = "multi_thread")]
async fn links_from_the_current_path_stay_on_this_site() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}//evil.example/explore?lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"lang-switch\"]").await;
        let path = eval(&c, "return location.pathname").await;
        assert_eq!(
            path, "//evil.example/explore",
            "{lang}: the page was opened at that path"
        );
        wait_for(&c, ".share-button").await.click().await.unwrap();
        wait_for(&c, "[data-testid=\"share-link\"]").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let off = eval(
            &c,
            "const anchors = [...document.querySelectorAll('[data-testid=lang-switch], [data-testid=projector-switch]')];\
             const urls = anchors.map(a => a.href);\
             urls.push(document.querySelector('[data-testid=share-link]').value);\
             const snippets = ['share-iframe', 'share-script']\
               .map(id => document.querySelector('[data-testid=' + id + ']').value).join(' ');\
             const embedded = [...snippets.matchAll(/(?:src|data-bridges-embed)=\"([^\"]*)\"/g)].map(m => m[1]);\
             return urls.concat(embedded).filter(u => new URL(u, location.href).origin !== location.origin)\
               .concat(anchors.map(a => a.getAttribute('href')).filter(h => /^[\\/\\\\]{2}/.test(h)))\
               .concat(embedded.filter(u => !/^https?:\\/\\/[^\\/]/.test(u)).map(u => 'not absolute: ' + u))\
               .concat(urls.length < 3 ? ['missing links: ' + urls.length] : [])\
               .concat(embedded.length < 3 ? ['missing snippet URLs: ' + embedded.length] : [])\
               .concat(document.querySelectorAll('[data-testid=add-slide]').length ? ['a slide of this path can be added'] : []);",
        )
        .await;
        assert_eq!(off, Value::Array(vec![]), "{lang}: off-site links");
    }
    c.close().await.unwrap();
}

/// `country=ZZZ` and `region=999` name nothing: they are ignored (every project is counted) with a
/// visible notice; a real code without projects (`country=FRA`) filters to 0 without one.
#[tokio::test(flavor = "multi_thread")]
async fn codes_that_name_nothing_are_ignored_with_a_notice() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/explore?lang=en")).await.unwrap();
    wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
    let all = data_value(&c, "project-count").await;
    assert_ne!(all, "0");
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/explore?country=ZZZ&region=999&lang={lang}"))
            .await
            .unwrap();
        let notices = wait_for(&c, "[data-testid=\"url-notices\"]").await;
        let text = notices.text().await.unwrap();
        assert!(
            text.contains("country=ZZZ") && text.contains("region=999"),
            "{lang}: {text}"
        );
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        assert_eq!(
            data_value(&c, "project-count").await,
            all,
            "{lang}: not a filter"
        );

        c.goto(&format!("{app}/explore?country=FRA&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        wait_count(&c, 0).await;
        let notices = eval(
            &c,
            "return document.querySelectorAll('[data-testid=url-notices]').length",
        )
        .await;
        assert_eq!(notices, 0, "{lang}: FRA is a real code");
    }
    assert_no_errors(&c, "unknown codes").await;
    c.close().await.unwrap();
}

/// A URL with thousands of parameters that cannot be used lists the first 20 and counts the rest,
/// in both languages: the notices stay a few dozen elements, whatever the URL carries.
#[tokio::test(flavor = "multi_thread")]
async fn thousands_of_url_notices_list_twenty_and_count_the_rest() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let junk: String = (0..3000).map(|i| format!("&junk{i}=x")).collect();
    for (lang, more) in [("en", "and 2980 more"), ("zh", "另有2980个")] {
        c.goto(&format!("{app}/explore?lang={lang}{junk}"))
            .await
            .unwrap();
        let notices = wait_for(&c, "[data-testid=\"url-notices\"]").await;
        let text = notices.text().await.unwrap();
        let items = eval(
            &c,
            "return document.querySelectorAll('[data-testid=url-notices] li').length",
        )
        .await;
        assert_eq!(items, 20, "{lang}: listed notices");
        assert!(
            text.contains("junk0=x") && text.contains("junk19=x"),
            "{lang}: {text}"
        );
        assert!(
            !text.contains("junk20=x"),
            "{lang}: the 21st is counted, not listed"
        );
        assert!(text.contains(more), "{lang}: the rest counted: {text}");
        // The page itself still works under them.
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        assert_ne!(data_value(&c, "project-count").await, "0", "{lang}");
    }
    assert_no_errors(&c, "thousands of URL notices").await;
    c.close().await.unwrap();
}

/// "GCDF 2.0" (the built-in data's source) titles the flow facet only for the built-in data; a file
/// gets the neutral label, and the About page shows the file's own title and publisher.
#[tokio::test(flavor = "multi_thread")]
async fn a_foreign_file_gets_neutral_labels_and_its_own_meta() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let main_text = "return document.querySelector('main').innerText";
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/explore?lang={lang}")).await.unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        let text = eval(&c, main_text).await;
        assert!(
            text.as_str().unwrap_or_default().contains("GCDF 2.0"),
            "{lang}: the built-in data names its source"
        );
        c.goto(&format!(
            "{app}/explore?data=fixtures/odd-ids.json&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        wait_count(&c, ODD_IDS.len()).await;
        let text = eval(&c, main_text).await;
        let text = text.as_str().unwrap_or_default();
        assert!(!text.contains("GCDF"), "{lang}: {text}");
        c.goto(&format!(
            "{app}/about?data=fixtures/odd-ids.json&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "article.about").await;
        let mut text = String::new();
        for _ in 0..50 {
            text = eval(&c, main_text)
                .await
                .as_str()
                .unwrap_or_default()
                .to_string();
            if text.contains("Fixture publisher") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            text.contains("Fixture: ids that need escaping in a URL")
                && text.contains("Fixture publisher"),
            "{lang}: the file's own meta: {text}"
        );
    }
    assert_no_errors(&c, "neutral labels").await;
    c.close().await.unwrap();
}

/// A file saved with a byte-order mark (as Windows editors save UTF-8) loads like the same file
/// without one: every record, no problem reported for the mark.
#[tokio::test(flavor = "multi_thread")]
async fn a_file_with_a_byte_order_mark_loads() {
    let dir = repo().join("target/generated");
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(fixture("odd-ids.json")).unwrap());
    std::fs::write(dir.join("odd-ids-bom.json"), bytes).unwrap();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/explore?data=generated/odd-ids-bom.json"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
    wait_count(&c, ODD_IDS.len()).await;
    let issues = eval(
        &c,
        "const d = document.querySelector('[data-testid=\"data-issues\"]'); return d ? d.innerText : null",
    )
    .await;
    assert!(issues.is_null(), "no problem reported: {issues}");
    assert_no_errors(&c, "byte-order mark").await;
    c.close().await.unwrap();
}

/// `target/generated/problems-3k.json`: 1,500 records with two bad values each.
fn problems_3k() -> std::path::PathBuf {
    let dir = repo().join("target/generated");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("problems-3k.json");
    let mut s = String::from(
        r#"{"schema": "bridges/1", "meta": {"title": "3,000 problems"}, "projects": ["#,
    );
    for i in 0..1500 {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id": "p{i}", "title": "Record {i}", "recipients": ["KEN"], "status": "halfway", "amount": "a lot"}}"#
        ));
    }
    s.push_str("]}");
    std::fs::write(&path, s).unwrap();
    path
}

/// 3,000 problems: every record loads, the page shows at most 500 rows of the list with the whole
/// count, and offers the whole list as CSV.
#[tokio::test(flavor = "multi_thread")]
async fn thousands_of_problems_list_a_bounded_number() {
    problems_3k();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let rows = "return document.querySelectorAll('[data-testid=\"data-issues\"] tbody tr').length";
    for lang in ["en", "zh"] {
        c.goto(&format!(
            "{app}/about?data=generated/problems-3k.json&lang={lang}"
        ))
        .await
        .unwrap();
        let issues = wait_for(&c, "[data-testid=\"data-issues\"]").await;
        assert_eq!(attr(&issues, "data-count").await, "3000", "{lang}");
        let shown = eval(&c, rows).await.as_u64().unwrap_or(u64::MAX);
        assert!((1..=500).contains(&shown), "{lang}: {shown} rows");
        // "Show the first 500 of 3,000": still at most 500 rows.
        let more = eval(
            &c,
            "const b = [...document.querySelectorAll('[data-testid=\"data-issues\"] button')]\
               .find(b => !b.classList.contains('issues-download')); if (b) b.click(); return !!b",
        )
        .await;
        assert_eq!(more, true, "{lang}: a button shows more");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let shown = eval(&c, rows).await.as_u64().unwrap_or(u64::MAX);
        assert_eq!(shown, 500, "{lang}: the first 500");
        let download = eval(
            &c,
            "return document.querySelectorAll('[data-testid=\"data-issues\"] .issues-download').length",
        )
        .await;
        assert_eq!(download, 1, "{lang}: the whole list as CSV");
    }
    assert_no_errors(&c, "bounded problems").await;
    c.close().await.unwrap();
}

/// The odd-id fixture's titles by id, read from the file itself.
fn odd_titles() -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/odd-ids.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Waits for a project page (not a project shown inside a slide) and gives its id and its heading.
async fn project_page(c: &fantoccini::Client) -> (String, String) {
    for _ in 0..100 {
        let got = eval(
            c,
            "const p = [...document.querySelectorAll('[data-testid=\"project\"]')]\
               .find(p => !p.closest('[data-testid=slide]') && p.querySelector('h1'));\
             return p ? [p.getAttribute('data-id'), p.querySelector('h1').textContent] : null",
        )
        .await;
        if let Some([id, heading]) = got.as_array().map(Vec::as_slice) {
            return (
                id.as_str().unwrap_or_default().to_string(),
                heading.as_str().unwrap_or_default().to_string(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no project page at {:?}", c.current_url().await);
}

/// The links in the results table: (id, href) per row.
async fn table_links(c: &fantoccini::Client) -> Vec<(String, String)> {
    let links = eval(
        c,
        "return [...document.querySelectorAll('[data-testid=\"results-table\"] tr[data-id]')]\
         .map(tr => [tr.getAttribute('data-id'), tr.querySelector('a').href])",
    )
    .await;
    links
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap_or_default().to_string(),
                p[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The map's way to a project, on a phone: a tap on Mozambique opens its details, whose link lists
/// its projects in the table (on the same file, in the same language); each id there that needs
/// escaping opens its own page, headed by its own title. Both languages.
#[tokio::test(flavor = "multi_thread")]
async fn the_map_leads_to_projects_whose_ids_need_escaping() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser_exact(&driver, 390, 844).await;
    let titles = odd_titles();
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/map?data=fixtures/odd-ids.json&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"map\"] [data-iso3=\"MOZ\"] path").await;
        wait_count(&c, ODD_IDS.len()).await;
        let centre = eval(
            &c,
            "const r = document.querySelector('[data-testid=\"map\"] [data-iso3=\"MOZ\"] path').getBoundingClientRect();
             return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];",
        )
        .await;
        let (x, y) = (
            centre[0].as_f64().unwrap_or_default(),
            centre[1].as_f64().unwrap_or_default(),
        );
        c.perform_actions(
            fantoccini::actions::TouchActions::new("finger".into())
                .then(fantoccini::actions::PointerAction::MoveTo {
                    duration: None,
                    x,
                    y,
                })
                .then(fantoccini::actions::PointerAction::Down { button: 0 })
                .then(fantoccini::actions::PointerAction::Up { button: 0 }),
        )
        .await
        .unwrap();
        let panel = wait_for(&c, "[data-testid=\"map-detail\"]").await;
        let text = panel.text().await.unwrap_or_default();
        let name = if lang == "en" {
            "Mozambique"
        } else {
            "莫桑比克"
        };
        assert!(text.contains(name), "{lang}: the panel names it: {text}");
        // Its link, followed as a person would.
        panel
            .find(fantoccini::Locator::Css("a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
        wait_count(&c, 3).await;
        let links = table_links(&c).await;
        let mut ids: Vec<&str> = links.iter().map(|(id, _)| id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            ["../x", "a#b", "水电 站 %20"],
            "{lang}: Mozambique's projects"
        );
        let table = c.current_url().await.unwrap().to_string();
        assert!(
            table.contains("data=fixtures") && table.contains(&format!("lang={lang}")),
            "{lang}: the table keeps the file and the language: {table}"
        );
        for (id, _) in &links {
            c.goto(&table).await.unwrap();
            wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
            // A click on the row's link (the router's navigation, not a typed address).
            c.execute(
                "[...document.querySelectorAll('[data-testid=\"results-table\"] tr[data-id]')]\
                 .find(tr => tr.getAttribute('data-id') === arguments[0]).querySelector('a').click()",
                vec![Value::String(id.clone())],
            )
            .await
            .unwrap();
            let (shown, heading) = project_page(&c).await;
            assert_eq!(&shown, id, "{lang}");
            assert_eq!(Some(&heading), titles.get(id), "{lang}: {id}'s heading");
            // Reloaded (the address names the same project on the same file).
            c.refresh().await.unwrap();
            let (shown, heading) = project_page(&c).await;
            assert_eq!(&shown, id, "{lang}: reloaded");
            assert_eq!(Some(&heading), titles.get(id), "{lang}: {id} reloaded");
        }
    }
    assert_no_errors(&c, "map to odd ids").await;
    c.close().await.unwrap();
}

/// A story can show a project whose id needs escaping: "Add this view as a slide" on each one's page
/// (a `?data=` file), then on that file the builder's link to each slide opens the project, the draft
/// presented shows each project under its own title, and Escape from a slide opens its live view.
/// Both languages.
#[tokio::test(flavor = "multi_thread")]
async fn story_slides_show_projects_whose_ids_need_escaping() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let titles = odd_titles();
    let data = "data=fixtures/odd-ids.json";
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/table?{data}&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"results-table\"] tr[data-id] a").await;
        wait_count(&c, ODD_IDS.len()).await;
        eval(
            &c,
            "localStorage.removeItem('bridges-story-draft'); localStorage.clear(); return 0",
        )
        .await;
        let links = table_links(&c).await;
        assert_eq!(links.len(), ODD_IDS.len(), "{lang}");
        let mut order = Vec::new();
        for (id, href) in &links {
            c.goto(href).await.unwrap();
            let (shown, _) = project_page(&c).await;
            assert_eq!(&shown, id, "{lang}");
            wait_for(&c, "[data-testid=\"add-slide\"]")
                .await
                .click()
                .await
                .unwrap();
            wait_for(&c, ".add-slide-done").await;
            order.push(id.clone());
        }
        // The builder, on the same file: each slide's link opens its project.
        c.goto(&format!("{app}/present?{data}&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"builder-slide\"] a").await;
        let hrefs = eval(
            &c,
            "return [...document.querySelectorAll('[data-testid=\"builder-slide\"] a')].map(a => a.href)",
        )
        .await;
        let hrefs: Vec<String> = hrefs
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|h| h.as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(hrefs.len(), order.len(), "{lang}: one slide per project");
        for (href, id) in hrefs.iter().zip(&order) {
            c.goto(href).await.unwrap();
            let (shown, heading) = project_page(&c).await;
            assert_eq!(&shown, id, "{lang}: builder link {href}");
            assert_eq!(Some(&heading), titles.get(id), "{lang}: {href}");
        }
        // The draft presented on the file.
        c.goto(&format!("{app}/present?{data}&lang={lang}"))
            .await
            .unwrap();
        let present = wait_for(&c, "[data-testid=\"present-draft\"]").await;
        let present = attr(&present, "href").await;
        assert!(
            present.contains("data=fixtures%2Fodd-ids.json"),
            "{lang}: presents on the file: {present}"
        );
        for (i, id) in order.iter().enumerate() {
            let sep = if present.contains('?') { '&' } else { '?' };
            c.goto(&format!("{app}{present}{sep}lang={lang}&slide={}", i + 1))
                .await
                .unwrap();
            // The slide fades in: WebDriver reads no text while it is transparent, so wait for it.
            let mut heading = String::new();
            for _ in 0..50 {
                heading = text_at(&c, "[data-testid=\"slide\"] [data-testid=\"project\"] h1").await;
                if !heading.is_empty() {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(Some(&heading), titles.get(id), "{lang}: slide {}", i + 1);
            // Escape leaves the slide for its live view.
            c.find(fantoccini::Locator::Css("body"))
                .await
                .unwrap()
                .send_keys("\u{E00C}")
                .await
                .unwrap();
            let (shown, heading) = project_page(&c).await;
            assert_eq!(&shown, id, "{lang}: slide {} left", i + 1);
            assert_eq!(
                Some(&heading),
                titles.get(id),
                "{lang}: slide {} left",
                i + 1
            );
        }
    }
    assert_no_errors(&c, "story slides with odd ids").await;
    c.close().await.unwrap();
}

/// A story whose every narration is unknown placeholders (200 slides × 2 languages × 666 `{x}`:
/// hundreds of thousands of problems) is presented without a panic, and lists its first 200
/// problems with the count and the rest to download, never one element per problem. Both languages.
#[tokio::test(flavor = "multi_thread")]
async fn a_story_with_hundreds_of_thousands_of_problems_lists_a_bounded_number() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let braces = "{x}".repeat(666);
    let slides: Vec<Value> = (0..200)
        .map(|i| {
            serde_json::json!({
                "view": "/",
                "title": {"en": format!("Slide {i}"), "zh": format!("第{i}张")},
                "narration": {"en": braces, "zh": braces},
            })
        })
        .collect();
    let story = serde_json::json!({
        "format": "bridges-story/1",
        "title": {"en": "Braces", "zh": "括号"},
        "slides": slides,
    })
    .to_string();
    let file = std::env::temp_dir().join(format!("bridges-braces-{}.json", std::process::id()));
    std::fs::write(&file, &story).unwrap();
    let bounded = "const d = document.querySelector('[data-testid=\"story-issues\"]');\
         return [d.querySelectorAll('li').length, d.querySelector('summary').textContent,\
                 d.textContent.length, document.getElementsByTagName('*').length]";
    for lang in ["en", "zh"] {
        // Loaded from a file into the story builder, as a person would.
        c.goto(&format!("{app}/present?lang={lang}")).await.unwrap();
        wait_for(&c, "[data-testid=\"story-builder\"]").await;
        wait_for(&c, ".builder-load input[type=file]")
            .await
            .send_keys(&file.to_string_lossy())
            .await
            .unwrap();
        wait_for(
            &c,
            "[data-testid=\"story-builder\"] [data-testid=\"story-issues\"]",
        )
        .await;
        let shown = eval(&c, bounded).await;
        assert_eq!(
            shown[0], 200,
            "{lang}: the builder lists the first 200: {shown}"
        );
        assert!(
            shown[3].as_u64().unwrap_or(u64::MAX) < 20_000,
            "{lang}: the builder's page stays small: {shown}"
        );
        // Presented.
        c.goto(&format!("{app}/present/draft?lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"slide\"]").await;
        let issues = wait_for(&c, "[data-testid=\"story-issues\"]").await;
        let shown = eval(&c, bounded).await;
        assert_eq!(shown[0], 200, "{lang}: the first 200 problems: {shown}");
        let summary = shown[1].as_str().unwrap_or_default();
        let n: u64 = summary
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or_default();
        assert!(n >= 200_000, "{lang}: counts them all: {summary}");
        assert!(
            shown[3].as_u64().unwrap_or(u64::MAX) < 20_000,
            "{lang}: the page stays small: {shown}"
        );
        let text = issues.text().await.unwrap_or_default();
        let more = (n - 200).to_string();
        assert!(
            eval(
                &c,
                "return document.querySelector('[data-testid=\"story-issues\"]').textContent"
            )
            .await
            .as_str()
            .unwrap_or_default()
            .contains(&more),
            "{lang}: says how many more: {text}"
        );
    }
    let _ = std::fs::remove_file(&file);
    assert_no_errors(&c, "a story with hundreds of thousands of problems").await;
    c.close().await.unwrap();
}
