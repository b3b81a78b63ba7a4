//! The map with many providers (issue #15): it marks the providers of the view, and draws the AIMS
//! records' co-financing countries in their own style, named on the project page too.

use crate::common::*;

/// With many providers (issue #15) the map marks as providers the countries the view has records of:
/// filtered to Saudi Arabia and Kuwait, those two, not every provider of the dataset.
#[tokio::test(flavor = "multi_thread")]
async fn the_map_marks_the_providers_of_the_view() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let marked = "return [...document.querySelectorAll('[data-testid=\"map\"] .country.provider')].map(e => e.getAttribute('data-iso3')).sort()";
    c.goto(&format!("{app}/map?dataset=aims&provider=KWT~SAU&lang=en"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] .country.has-projects").await;
    assert_eq!(
        eval(&c, marked).await,
        serde_json::json!(["KWT", "SAU"]),
        "only the selected providers"
    );
    c.goto(&format!("{app}/map?dataset=aims&lang=en"))
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"map\"] .country.has-projects").await;
    let all = eval(&c, marked).await;
    let n = all.as_array().map_or(0, Vec::len);
    assert!(n > 10, "every provider of the data unfiltered: {all}");
    assert_no_errors(&c, "map providers").await;
    c.close().await.unwrap();
}

/// Triangular cooperation in real records (issue #15): the AIMS records' co-financing countries (donors
/// listed beside a Southern provider) draw the map's co-financier style into their recipient, the
/// legend names that style, and the project page names them with their role; in both languages.
#[tokio::test(flavor = "multi_thread")]
async fn co_financiers_are_drawn_and_named() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let dashdot = "return document.querySelectorAll('[data-testid=\"map\"] g.flows path[stroke-dasharray=\"7 2 1.5 2\"]').length";
    for (lang, legend, role, swiss) in [
        (
            "en",
            "co-financier",
            "co-financier",
            "Switzerland (co-financier)",
        ),
        ("zh", "联合出资方", "联合出资方", "瑞士（联合出资方）"),
    ] {
        c.goto(&format!(
            "{app}/map?dataset=aims&country=NPL&layer=countries~flows&lang={lang}"
        ))
        .await
        .unwrap();
        wait_for(&c, "[data-testid=\"map\"] .country.has-projects").await;
        let text = wait_for(&c, ".legend-flows").await.text().await.unwrap();
        assert!(text.contains(legend), "{lang}: {text}");
        // Nepal's records name Switzerland, the United Kingdom and Japan as co-financiers (the
        // source's donor strings, docs/dataset.md): one line from each.
        let mut n = 0;
        for _ in 0..50 {
            n = eval(&c, dashdot).await.as_u64().unwrap_or(0);
            if n > 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(n, 3, "{lang}: co-financier lines into Nepal");
        c.goto(&format!(
            "{app}/projects/NPL-8723883713?dataset=aims&lang={lang}"
        ))
        .await
        .unwrap();
        let partners = wait_for(&c, "[data-testid=\"project-partners\"]")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            partners.contains(swiss) && partners.contains(role),
            "{lang}: {partners}"
        );
    }
    assert_no_errors(&c, "co-financiers").await;
    c.close().await.unwrap();
}
