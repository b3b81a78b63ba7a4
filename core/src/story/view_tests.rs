//! Which views a slide may show, and project pages whose ids need escaping.

use super::*;

#[test]
fn views_allowed() {
    for v in VIEWS {
        assert!(check_view(v).is_ok());
    }
    assert!(check_view("/projects/22211").is_ok());
    assert!(check_view("/projects/A-7_b").is_ok());
    assert!(check_view("/projects/%2e%2e").is_err());
    assert!(check_view("/Explore").is_err());
    assert!(check_view("").is_err());
    assert!(check_view("explore").is_err());
    assert!(check_view("/embed/map").is_err());
    assert!(check_view("/present/x").is_err());
}

/// A slide may show any record a file holds (issue #14): an id that needs escaping is one escaped
/// path segment, read back whole, stored in the app's own spelling, never a path step, query,
/// fragment or scheme.
#[test]
fn project_views_with_ids_that_need_escaping() {
    use crate::route::Page;
    for id in [
        "a/b",
        "a?b",
        "a#b",
        "../x",
        "水电 站 %20",
        "a:b",
        "x".repeat(200).as_str(),
    ] {
        let view = Page::Project(id.to_string()).path();
        assert!(check_view(&view).is_ok(), "{id} → {view}");
        assert_eq!(canonical_view(&view), view);
        assert_eq!(Page::from_path(&view), Page::Project(id.to_string()));
    }
    assert_eq!(canonical_view("/projects/a%2fb"), "/projects/a%2Fb");
    assert_eq!(canonical_view("/projects/%41"), "/projects/A");
    for bad in [
        "/projects/a/b",
        "/projects/a?b",
        "/projects/a#b",
        "/projects/a b",
        "/projects/javascript:x",
        "/projects/%",
        "/projects/%2",
        "/projects/%+1",
        "/projects/%zz",
        "/projects/%FF",
        "/projects/%00",
        "/projects/.",
        "/projects/..",
        "/projects/%2E%2E",
        "/projects/%2e",
        "/projects/../x",
    ] {
        assert!(check_view(bad).is_err(), "{bad}");
    }
    let long = format!("/projects/{}", "x".repeat(201));
    assert!(check_view(&long).is_err());
    // Read from a story file: kept, and written back the same.
    let text = r#"{"format": "bridges-story/1", "title": {"en": "t", "zh": "t"}, "slides": [
        {"view": "/projects/..%2fx", "title": {"en": "Dot dot", "zh": "点点"}}]}"#;
    let (story, issues) = parse_story("odd", text).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(story.slides[0].view, "/projects/..%2Fx");
    assert_eq!(
        Page::from_path(&story.slides[0].view),
        Page::Project("../x".into())
    );
    assert_eq!(parse_story("odd", &to_json(&story)).unwrap().0, story);
}

/// A partner-finder slide (issue #16) is a question: its narration counts the field's records in every
/// country, not the asking country's; other slides count on their own filters.
#[test]
fn a_partner_finder_slide_counts_the_field_in_every_country() {
    let slide = Slide {
        view: "/partners".into(),
        query: "country=NPL&sector=230&region=002&q=solar".into(),
        ..Slide::default()
    };
    assert!(check_view(&slide.view).is_ok());
    let f = narration_filters(&slide.view, &slide.filters());
    assert!(f.countries.is_empty(), "the asking country is not a filter");
    assert!(
        f.regions.is_empty(),
        "nor is anything else outside the question"
    );
    assert_eq!(f.sectors.iter().copied().collect::<Vec<_>>(), vec![230]);
    assert_eq!(f.q, "solar");
    let explore = Slide {
        view: "/explore".into(),
        ..slide
    };
    assert_eq!(
        narration_filters(&explore.view, &explore.filters()),
        explore.filters()
    );
}
