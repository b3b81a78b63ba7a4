//! Several datasets (issue #15): `dataset=` loads a built-in dataset of `data/catalog.json` or the
//! union of several; the picker switches between them. Counts are checked against the catalogue,
//! which `cargo xtask prepare-data` computes from the source files, not from the app.

use crate::common::*;
use fantoccini::Locator;

/// What catalogue entry `id` holds at `pointer` (a JSON pointer: `/title_en`, `/counts/projects`), read
/// from the file (not from the app).
fn catalogue(id: &str, pointer: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(repo().join("public/data/catalog.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .and_then(|d| d.pointer(pointer))
        .unwrap_or_else(|| panic!("catalog.json: dataset {id} has no {pointer}"))
        .clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn datasets_load_alone_and_together() {
    let projects = |id| catalogue(id, "/counts/projects").as_u64().unwrap() as usize;
    let (gcdf, aims) = (projects("gcdf3"), projects("aims"));
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for (query, want) in [
        ("dataset=aims", aims),
        ("dataset=gcdf3", gcdf),
        ("dataset=gcdf3~aims", gcdf + aims),
        ("", gcdf),
    ] {
        c.goto(&format!("{app}/?{query}")).await.unwrap();
        wait_count(&c, want).await;
    }
    // The picker: choosing the second dataset changes the URL and the figures, in both languages.
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/explore?lang={lang}")).await.unwrap();
        wait_count(&c, gcdf).await;
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        assert!(
            c.find(fantoccini::Locator::Css("[data-testid=\"chart-provider\"]"))
                .await
                .is_err(),
            "{lang}: one provider, no provider chart"
        );
        c.goto(&format!("{app}/?lang={lang}")).await.unwrap();
        let picker = wait_for(&c, "[data-testid=\"dataset-picker\"]").await;
        picker
            .find(Locator::Css("option[value=\"aims\"]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_query(&c, &format!("dataset=aims&lang={lang}")).await;
        assert_no_errors(&c, "after picking").await;
        wait_count(&c, aims).await;
        // Moving on keeps the dataset.
        c.find(Locator::Css("a.card[href*=\"/explore\"]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"chart-sector\"] canvas").await;
        wait_count(&c, aims).await;
        // Many providers: a provider chart.
        wait_for(&c, "[data-testid=\"chart-provider\"] canvas").await;
        assert!(
            query_of(&c).await.contains("dataset=aims"),
            "{lang}: the explorer's URL names the dataset"
        );
        // A link that names no dataset (the about page) keeps the loaded data.
        c.goto(&format!("{app}/?dataset=aims&lang={lang}"))
            .await
            .unwrap();
        wait_count(&c, aims).await;
    }
    // Together: a dataset chart and facet, whose counts are each catalogue's, and `source=` keeps one.
    for (lang, legend) in [("en", "Dataset"), ("zh", "数据集")] {
        c.goto(&format!("{app}/explore?dataset=gcdf3~aims&lang={lang}"))
            .await
            .unwrap();
        wait_count(&c, gcdf + aims).await;
        wait_for(&c, "[data-testid=\"chart-dataset\"] canvas").await;
        let facet = wait_for(&c, "[data-testid=\"facet-source\"]").await;
        assert_eq!(
            facet
                .find(Locator::Css("legend"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
            legend
        );
        for (id, want) in [("gcdf3", gcdf), ("aims", aims)] {
            let label = facet
                .find(Locator::Css(&format!("label[for=\"facet-source-{id}\"]")))
                .await
                .unwrap();
            let shown: String = label
                .find(Locator::Css(".facet-count"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(shown, want.to_string(), "{lang}: {id} in the dataset facet");
            assert!(
                !label.text().await.unwrap().trim().is_empty(),
                "{lang}: {id} has a name"
            );
        }
        facet
            .find(Locator::Css("#facet-source-aims"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_count(&c, aims).await;
        // The history entry follows the frame that shows the change.
        let query = query_until(&c, |q| q.contains("source=aims")).await;
        assert!(
            query.contains("source=aims"),
            "{lang}: the filter is in the URL"
        );
        // The shared link reopens the same view.
        c.goto(&format!(
            "{app}/explore?dataset=gcdf3~aims&source=gcdf3&lang={lang}"
        ))
        .await
        .unwrap();
        wait_count(&c, gcdf).await;
    }
    // The provider and dataset charts embed, like every chart (`/embed/provider`, `/embed/dataset`).
    for (path, testid) in [
        ("/embed/provider?dataset=aims", "chart-provider"),
        ("/embed/dataset?dataset=gcdf3~aims", "chart-dataset"),
    ] {
        c.goto(&format!("{app}{path}")).await.unwrap();
        wait_for(
            &c,
            &format!("[data-testid=\"embed-root\"] [data-testid=\"{testid}\"] canvas"),
        )
        .await;
    }
    // A built-in dataset other than the default is named by its catalogue title, not by a file path.
    for (lang, field) in [("en", "title_en"), ("zh", "title_zh")] {
        c.goto(&format!("{app}/?dataset=aims&lang={lang}"))
            .await
            .unwrap();
        wait_count(&c, aims).await;
        let banner = wait_for(&c, "[data-testid=\"custom-data-banner\"]")
            .await
            .text()
            .await
            .unwrap();
        let title = catalogue("aims", &format!("/{field}"))
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            banner.contains(&title),
            "{lang}: {banner:?} names {title:?}"
        );
        assert!(!banner.contains("data/aims.json"), "{lang}: {banner:?}");
    }
    assert_no_errors(&c, "datasets").await;
    c.close().await.unwrap();
}

/// The story of Southern providers beyond China (issue #15) is told on the AIMS dataset: opening it
/// adds `dataset=aims` to the address and its slides count AIMS records (checked against the data
/// file, not the app), in both languages; the presenter keeps `dataset=` from slide to slide.
#[tokio::test(flavor = "multi_thread")]
async fn the_southern_providers_story_is_told_on_its_dataset() {
    let text = std::fs::read_to_string(repo().join("public/data/aims.json")).unwrap();
    let aims: serde_json::Value = serde_json::from_str(&text).unwrap();
    let records = aims["projects"].as_array().unwrap();
    let india = records
        .iter()
        .filter(|p| {
            p["providers"]
                .as_array()
                .is_some_and(|v| v.iter().any(|c| c == "IND"))
        })
        .count();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser_exact(&driver, 1280, 720).await;
    for lang in ["en", "zh"] {
        c.goto(&format!("{app}/present/southern-providers?lang={lang}"))
            .await
            .unwrap();
        let query = query_until(&c, |q| q.contains("dataset=aims")).await;
        assert!(query.contains("dataset=aims"), "{lang}: {query}");
        let first = "[data-testid=\"slide\"][data-index=\"1\"] [data-testid=\"narration\"]";
        // Read by script, not through an element handle: the slide is drawn again when the AIMS data
        // arrives, and a handle taken just before would be stale.
        let read = |css: &str| {
            format!(
                "const e = document.querySelector('{}'); return e ? e.innerText : ''",
                css.replace('\'', "\\'")
            )
        };
        let mut narration = String::new();
        for _ in 0..100 {
            narration = eval(&c, &read(first))
                .await
                .as_str()
                .unwrap_or("")
                .to_string();
            if narration.contains(&records.len().to_string()) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(
            narration.contains(&records.len().to_string()),
            "{lang}: slide 1 counts the {} AIMS records: {narration}",
            records.len()
        );
        // On to India's slide by keyboard: the dataset stays.
        for _ in 0..2 {
            use fantoccini::actions::{InputSource, KeyAction, KeyActions};
            let right: char = fantoccini::key::Key::Right.into();
            let keys = KeyActions::new("keyboard".into())
                .then(KeyAction::Down { value: right })
                .then(KeyAction::Up { value: right });
            c.perform_actions(keys).await.unwrap();
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        let third = "[data-testid=\"slide\"][data-index=\"3\"] [data-testid=\"narration\"]";
        wait_for(&c, third).await;
        let mut text = String::new();
        for _ in 0..100 {
            text = eval(&c, &read(third))
                .await
                .as_str()
                .unwrap_or("")
                .to_string();
            if text.contains(&india.to_string()) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(
            text.contains(&india.to_string()),
            "{lang}: India's {india} records: {text}"
        );
        assert!(query_of(&c).await.contains("dataset=aims"), "{lang}");
    }
    assert_no_errors(&c, "southern providers story").await;
    c.close().await.unwrap();
}

/// The AIMS counts (all, a country provider, a multilateral provider, a recipient, a sector) equal the
/// ones xtask computes from the source CSVs (`data/raw/aiddata-aims`), not from the app's JSON; a
/// multilateral (a `bridges/2` actor) is a provider like a country: a filter, a named actor page, and
/// listed under the map, which cannot draw it; in both languages.
#[tokio::test(flavor = "multi_thread")]
async fn aims_counts_equal_the_source_and_multilaterals_are_providers() {
    let counts = xtask::aims::counts_from_source(&repo().join("data/raw")).unwrap();
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    for (query, want) in [
        ("", counts.projects),
        ("&provider=ISDB", counts.per_provider["ISDB"]),
        ("&provider=IND", counts.per_provider["IND"]),
        ("&provider=ISDB~OFID~BADEA", {
            // Projects naming any of the three (a project may name two): from the catalogue's source
            // counts per provider this is not a sum, so it is read from the union of their rows.
            let d = bridges_core::parse_dataset(
                "aims.json",
                &std::fs::read_to_string(repo().join("public/data/aims.json")).unwrap(),
                &bridges_core::reference::parse_reference(
                    "reference.json",
                    &std::fs::read_to_string(repo().join("public/data/reference.json")).unwrap(),
                )
                .unwrap(),
            )
            .unwrap()
            .dataset;
            d.projects
                .iter()
                .filter(|p| {
                    p.providers
                        .iter()
                        .any(|x| ["ISDB", "OFID", "BADEA"].contains(&x.as_str()))
                })
                .count()
        }),
        ("&country=UGA", counts.per_recipient["UGA"]),
        ("&sector=150", counts.per_sector["150"]),
    ] {
        c.goto(&format!("{app}/explore?dataset=aims{query}"))
            .await
            .unwrap();
        wait_count(&c, want).await;
    }
    for (lang, name, kind) in [
        ("en", "Islamic Development Bank", "multilateral"),
        ("zh", "伊斯兰开发银行", "多边机构"),
    ] {
        // The provider facet names it and says what it is.
        c.goto(&format!("{app}/explore?dataset=aims&lang={lang}"))
            .await
            .unwrap();
        wait_count(&c, counts.projects).await;
        let facet = wait_for(&c, "[data-testid=\"facet-provider\"]").await;
        let text = facet.text().await.unwrap();
        assert!(text.contains(name) && text.contains(kind), "{lang}: {text}");
        // Its actor page.
        c.goto(&format!("{app}/actors/ISDB?dataset=aims&lang={lang}"))
            .await
            .unwrap();
        let page = wait_for(&c, "[data-testid=\"actor\"] h1").await;
        assert_eq!(page.text().await.unwrap(), name, "{lang}");
        wait_count(&c, counts.per_provider["ISDB"]).await;
        let eyebrow = wait_for(&c, "[data-testid=\"actor\"] .eyebrow")
            .await
            .text()
            .await
            .unwrap();
        assert!(eyebrow.contains(kind), "{lang}: {eyebrow}");
        // The map lists it (it has no place to be drawn from), with its records.
        c.goto(&format!("{app}/map?dataset=aims&provider=ISDB&lang={lang}"))
            .await
            .unwrap();
        let listed = wait_for(&c, "[data-testid=\"map-not-drawn\"]")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            listed.contains(&format!("{name} {}", counts.per_provider["ISDB"])),
            "{lang}: {listed}"
        );
    }
    assert_no_errors(&c, "multilateral providers").await;
    c.close().await.unwrap();
}
