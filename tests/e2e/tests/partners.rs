//! Partners (issue #16): a project page lists the most similar records elsewhere, with reasons, in
//! both languages (test contract: `data-testid="similar"` holds one `data-id` element per project).

use crate::common::*;
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

async fn press(c: &fantoccini::Client, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    c.perform_actions(actions).await.expect("key press");
    tokio::time::sleep(std::time::Duration::from_millis(40)).await;
}

/// The focused element: its test id, value, href, whether it sits in the ranking, and whether its
/// focus is visible (`:focus-visible` with an outline of at least 2 px).
const FOCUSED: &str = r#"
const a = document.activeElement;
if (!a || a === document.body) return { testid: '', visible: false, desc: 'body' };
const s = getComputedStyle(a);
return {
  testid: a.getAttribute('data-testid') || '', value: a.value || '', href: a.getAttribute('href') || '',
  ranked: a.closest('[data-testid="partner-results"] > li[data-actor]') !== null,
  visible: a.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
  desc: a.tagName.toLowerCase() + ' ' + (a.getAttribute('data-testid') || a.getAttribute('href') || a.textContent.slice(0, 30)),
};
"#;

/// Tabs until `want` holds for the focused element, checking that every stop's focus is visible.
async fn tab_to(
    c: &fantoccini::Client,
    max: usize,
    want: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let mut seen = Vec::new();
    for _ in 0..max {
        press(c, fantoccini::key::Key::Tab.into()).await;
        let a = eval(c, FOCUSED).await;
        assert_eq!(
            a["visible"],
            serde_json::Value::Bool(true),
            "focus not visible on {} after {seen:?}",
            a["desc"]
        );
        if want(&a) {
            return a;
        }
        seen.push(a["desc"].as_str().unwrap_or("").to_string());
    }
    panic!("never reached the target in {max} tabs: {seen:?}");
}

/// Arrows down a focused `<select>` (as a keyboard user does: a closed select changes on each arrow)
/// until it holds `want`.
async fn arrow_to(c: &fantoccini::Client, want: &str) {
    for _ in 0..300 {
        let v = eval(c, "return document.activeElement.value").await;
        if v == want {
            return;
        }
        press(c, fantoccini::key::Key::Down.into()).await;
    }
    panic!("the select never reached {want}");
}

/// The partner finder by keyboard alone (issue #16), in both languages: Tab to the country and the
/// sector, choose them with the arrow keys, Tab into the ranking and open an actor with Enter. Every
/// stop shows its focus; the question lands in the URL; the answer is read aloud as a status.
#[tokio::test(flavor = "multi_thread")]
async fn the_partner_finder_by_keyboard_alone() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/partners?lang={lang}"))
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"finder-sector\"] option[value=\"230\"]").await;
        tab_to(&c, 60, |a| a["testid"] == "finder-country").await;
        arrow_to(&c, "NPL").await;
        tab_to(&c, 3, |a| a["testid"] == "finder-sector").await;
        arrow_to(&c, "230").await;
        wait_query(&c, &format!("country=NPL&sector=230&lang={lang}")).await;
        wait_for(&c, "[data-testid=\"partner-results\"] > li[data-actor]").await;
        let status = eval(
            &c,
            "const s = document.querySelector('.finder-count'); return [s.getAttribute('role'), s.textContent]",
        )
        .await;
        assert_eq!(status[0], "status", "{lang}: the answer is announced");
        let want = if lang == "en" { "records" } else { "条记录" };
        assert!(
            status[1].as_str().unwrap_or("").contains(want),
            "{lang}: {status}"
        );
        // Into the ranking: the first actor's link, then Enter opens its profile.
        let first = tab_to(&c, 40, |a| a["ranked"] == true && a["href"] != "").await;
        let href = first["href"].as_str().unwrap_or("").to_string();
        assert!(href.contains("/actors/"), "{lang}: {href}");
        press(&c, fantoccini::key::Key::Enter.into()).await;
        wait_for(
            &c,
            "[data-testid=\"actor\"] [data-testid=\"project-count\"]",
        )
        .await;
        let url = c.current_url().await.unwrap();
        assert!(href.ends_with(url.path()), "{lang}: {href} opened {url}");
        let n: usize = data_value(&c, "project-count").await.parse().unwrap();
        assert!(n > 0, "{lang}: the actor has records");
    }
    assert_no_errors(&c, "partner finder by keyboard").await;
    c.close().await.unwrap();
}

/// The partner finder as a story slide (issue #16): the shipped story asks "who could help Nepal with
/// small hydropower?"; the slide shows the ranked actors (at most five, readable on a projector) and
/// what the data cannot say, inside the 16:9 stage, and its narration counts the field's records in
/// every country, as the finder does (checked against the data file). On the finder page, "Add this
/// view as a slide" is offered.
#[tokio::test(flavor = "multi_thread")]
async fn the_partner_finder_is_a_story_slide() {
    let story: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("public/stories/two-decades.json")).unwrap(),
    )
    .unwrap();
    let index = story["slides"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["view"] == "/partners")
        .expect("the shipped story has a finder slide")
        + 1;
    let hydro = projects()
        .iter()
        .filter(|p| {
            p["sector"]["code"] == 230 && {
                let text = format!("{} {}", p["title"], p["description"]).to_lowercase();
                text.contains("hydro")
            }
        })
        .count();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser_exact(&driver, 1280, 720).await;
    for lang in ["en", "zh"] {
        c.goto(&format!(
            "{app}/present/two-decades?lang={lang}&slide={index}"
        ))
        .await
        .unwrap();
        let slide = format!("[data-testid=\"slide\"][data-index=\"{index}\"]");
        wait_for(
            &c,
            &format!("{slide} [data-testid=\"partner-results\"] > li[data-actor]"),
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let narration = text_at(&c, &format!("{slide} [data-testid=\"narration\"]")).await;
        assert!(
            narration.contains(&hydro.to_string()),
            "{lang}: the narration counts the {hydro} hydro energy records: {narration}"
        );
        let seen = eval(
            &c,
            &format!(
                "const s = document.querySelector('{}'); const f = document.querySelector('.stage-frame').getBoundingClientRect();
                 const inside = e => {{ const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= f.top - 1 && r.bottom <= f.bottom + 1 && r.right <= f.right + 1; }};
                 const actors = [...s.querySelectorAll('[data-testid=\"partner-results\"] > li[data-actor]')];
                 const limits = s.querySelector('.finder-limits');
                 return {{ actors: actors.length, shown: actors.filter(inside).length,
                           limits: limits !== null && inside(limits), font: parseFloat(getComputedStyle(actors[0]).fontSize) }};",
                slide.replace('"', "\\\"")
            ),
        )
        .await;
        let actors = seen["actors"].as_u64().unwrap_or(0);
        assert!((2..=5).contains(&actors), "{lang}: {seen}");
        assert_eq!(
            seen["shown"], seen["actors"],
            "{lang}: every actor on the stage: {seen}"
        );
        assert_eq!(
            seen["limits"], true,
            "{lang}: the limits on the stage: {seen}"
        );
        assert!(
            seen["font"].as_f64().unwrap_or(0.0) >= 17.0,
            "{lang}: readable from the back of a room: {seen}"
        );
    }
    // The finder page offers to add its answer to the story being made.
    let c2 = browser(&driver, 1280, 900).await;
    c2.goto(&format!("{app}/partners?country=NPL&sector=230&lang=en"))
        .await
        .unwrap();
    wait_for(&c2, "[data-testid=\"partner-results\"] > li[data-actor]").await;
    wait_for(&c2, "[data-testid=\"add-slide\"]").await;
    assert_no_errors(&c, "finder slide").await;
    c.close().await.unwrap();
    c2.close().await.unwrap();
}
