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

async fn futures_ids(items: &[fantoccini::elements::Element]) -> Vec<String> {
    let mut out = Vec::new();
    for i in items {
        out.push(attr(i, "data-id").await);
    }
    out
}
