//! Partners (issue #16): a project page lists the most similar records elsewhere, with reasons, in
//! both languages (test contract: `data-testid="similar"` holds one `data-id` element per project).

mod common;

use common::*;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn a_project_page_lists_similar_projects_with_reasons() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        // A mini-hydropower plant in Myanmar (checked by hand: the Charlotte Falls mini hydropower
        // plant in Sierra Leone is the closest record elsewhere).
        c.goto(&format!("{app}/projects/63507?lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"similar\"] li[data-id]").await;
        let items = c
            .find_all(Locator::Css("[data-testid=\"similar\"] li[data-id]"))
            .await
            .unwrap();
        assert_eq!(items.len(), 10, "{lang}: ten similar projects");
        let ids: Vec<String> = futures_ids(&items).await;
        assert!(ids.contains(&"22211".to_string()), "{lang}: {ids:?}");
        assert!(!ids.contains(&"63507".to_string()), "not itself");
        let text = items[0].text().await.unwrap();
        let why = if lang == "en" {
            "both mention"
        } else {
            "都提到"
        };
        assert!(text.contains(why), "{lang}: reasons in words: {text}");
        // Each is a link to its own page.
        let href = attr(
            &c.find(Locator::Css("[data-testid=\"similar\"] li[data-id] a"))
                .await
                .unwrap(),
            "href",
        )
        .await;
        assert!(href.contains("/projects/"), "{href}");
    }
    assert_no_errors(&c, "similar projects").await;
    c.close().await.unwrap();
}

/// Following a similar project's link (an in-app navigation from one project page to another) shows
/// that project: its title in the heading and its own similar projects, not the previous page's.
#[tokio::test(flavor = "multi_thread")]
async fn following_a_similar_project_shows_that_project() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/projects/63507?lang={lang}"))
            .await
            .unwrap();
        let first = wait_for(&c, "[data-testid=\"similar\"] li[data-id]").await;
        let id = attr(&first, "data-id").await;
        let title = first
            .find(Locator::Css("a"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        first
            .find(Locator::Css("a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let mut heading = String::new();
        for _ in 0..50 {
            heading = wait_for(&c, "h1").await.text().await.unwrap_or_default();
            if heading == title {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(heading, title, "{lang}: the heading after following {id}");
        let url = c.current_url().await.unwrap();
        assert!(url.path().ends_with(&format!("/projects/{id}")), "{url}");
        let page_lang = eval(&c, "return document.documentElement.lang").await;
        assert!(
            page_lang.as_str().unwrap_or("").starts_with(lang),
            "{lang}: the page's language after following the link: {page_lang}"
        );
        // Its own similar projects, not the previous page's (which held this record).
        let items = c
            .find_all(Locator::Css("[data-testid=\"similar\"] li[data-id]"))
            .await
            .unwrap();
        let ids = futures_ids(&items).await;
        assert!(
            !ids.contains(&id),
            "{lang}: {id} listed as similar to itself: {ids:?}"
        );
        assert_eq!(ids.len(), 10, "{lang}: {ids:?}");
    }
    assert_no_errors(&c, "following similar projects").await;
    c.close().await.unwrap();
}

async fn futures_ids(items: &[fantoccini::elements::Element]) -> Vec<String> {
    let mut out = Vec::new();
    for i in items {
        out.push(attr(i, "data-id").await);
    }
    out
}

/// The built-in data as JSON, to count what a page should show independently of the app's code.
fn projects() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(repo().join("public/data/projects.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["projects"].as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn actor_pages_and_the_partner_finder_answer_from_the_records() {
    let all = projects();
    let by_china = all
        .iter()
        .filter(|p| {
            p["providers"]
                .as_array()
                .is_some_and(|v| v.iter().any(|c| c == "CHN"))
        })
        .count();
    let energy = all.iter().filter(|p| p["sector"]["code"] == 230).count();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        // A provider's page: its headline counts its records.
        c.goto(&format!("{app}/actors/CHN?lang={lang}"))
            .await
            .unwrap();
        wait_for(
            &c,
            "[data-testid=\"actor\"] [data-testid=\"project-count\"]",
        )
        .await;
        assert_eq!(
            data_value(&c, "project-count").await,
            by_china.to_string(),
            "{lang}: China's records"
        );

        // "We are Nepal and want to work on energy": the field's records, ranked actors, each a link
        // to a profile that opens.
        c.goto(&format!(
            "{app}/partners?country=NPL&sector=230&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "[data-testid=\"partner-results\"] [data-actor]").await;
        let status = text_at(&c, ".finder-count").await;
        let n = if lang == "en" {
            format!("{} records", energy)
        } else {
            format!("{}条记录", energy)
        };
        let n = n.replace(&energy.to_string(), &with_commas(energy, lang));
        assert!(status.contains(&n), "{lang}: {status} names {n}");
        let actors = c
            .find_all(Locator::Css(
                "[data-testid=\"partner-results\"] > li[data-actor]",
            ))
            .await
            .unwrap();
        assert!(actors.len() >= 2, "{lang}: several actors ranked");
        // What the data cannot say sits next to the answer.
        assert!(
            !text_at(&c, ".finder-limits").await.is_empty(),
            "{lang}: limits shown"
        );
        // Follow the second actor (an agency) by keyboard-free navigation to its href.
        let link = c
            .find(Locator::Css(
                "[data-testid=\"partner-results\"] > li[data-actor]:nth-child(2) > a",
            ))
            .await
            .unwrap();
        let href = attr(&link, "href").await;
        assert!(href.contains("/actors/"), "{href}");
        link.click().await.unwrap();
        wait_for(
            &c,
            "[data-testid=\"actor\"] [data-testid=\"project-count\"]",
        )
        .await;
        let count: usize = data_value(&c, "project-count").await.parse().unwrap();
        assert!(count > 0, "{lang}: the agency has records");
        // The agency is a facet of the explorer (`agency=`): the same records, counted by the
        // crossfilter instead of the actor index.
        c.find(Locator::Css("[data-testid=\"actor-explore\"]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"facet-agency\"] input:checked").await;
        wait_count(&c, count).await;
        assert!(
            query_of(&c).await.contains("agency="),
            "{lang}: the explorer's URL names the agency"
        );
    }
    assert_no_errors(&c, "partners").await;
    c.close().await.unwrap();
}

/// `n` as the app writes a count in `lang` (thousands separated in English only).
fn with_commas(n: usize, lang: &str) -> String {
    let s = n.to_string();
    if lang != "en" || s.len() <= 3 {
        return s;
    }
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "Projects like these elsewhere" for a filter: as `/embed/similar` and in the explorer, the records
/// outside the filtered set (checked against the data file), with their reasons, in both languages.
#[tokio::test(flavor = "multi_thread")]
async fn projects_like_these_elsewhere_for_a_filter() {
    let all = projects();
    let inside = |id: &str| {
        all.iter().any(|p| {
            p["id"] == id
                && p["sector"]["code"] == 230
                && p["recipients"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|c| c == "NPL"))
        })
    };
    let known = |id: &str| all.iter().any(|p| p["id"] == id);
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for (lang, title) in [
        ("en", "Projects like these elsewhere"),
        ("zh", "其他地方与这些相似的项目"),
    ] {
        c.goto(&format!(
            "{app}/embed/similar?sector=230&country=NPL&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "[data-testid=\"similar\"] li[data-id]").await;
        assert_eq!(text_at(&c, ".embed-title").await, title, "{lang}");
        let items = c
            .find_all(Locator::Css("[data-testid=\"similar\"] li[data-id]"))
            .await
            .unwrap();
        assert!(items.len() >= 5, "{lang}: {} records", items.len());
        for li in &items {
            let id = attr(li, "data-id").await;
            assert!(known(&id), "{lang}: {id} is a record of the data");
            assert!(!inside(&id), "{lang}: {id} is outside the filter");
            let why = li
                .find(Locator::Css(".why"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(!why.trim().is_empty(), "{lang}: {id} says why");
        }
        // The explorer has the same list in a disclosure, computed when opened.
        c.goto(&format!("{app}/explore?sector=230&country=NPL&lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        let summary = wait_for(&c, ".like-these-box > summary").await;
        assert_eq!(summary.text().await.unwrap(), title, "{lang}");
        summary.click().await.unwrap();
        let first = wait_for(&c, ".like-these-box [data-testid=\"similar\"] li[data-id]").await;
        assert!(!inside(&attr(&first, "data-id").await), "{lang}");
    }
    assert_no_errors(&c, "like these").await;
    c.close().await.unwrap();
}
