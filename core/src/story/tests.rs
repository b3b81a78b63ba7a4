use crate::i18n::Lang;

use super::*;

const VALID: &str = r#"{
    "format": "bridges-story/1",
    "title": {"en": "A story", "zh": "一个故事"},
    "slides": [
        {"view": "/explore", "query": "sector=230&from=2000&to=2009&stack=sector",
         "title": {"en": "Energy", "zh": "能源"},
         "narration": {"en": "{count} projects", "zh": "{count}个项目"},
         "notes": {"en": "Say hello.", "zh": "问好。"}},
        {"view": "/projects/22211", "title": {"en": "A record", "zh": "一条记录"}}
    ]
}"#;

fn ok(text: &str) -> (Story, Vec<StoryIssue>) {
    parse_story("test", text).unwrap_or_else(|e| panic!("{e}"))
}

fn story_with(slide: &str) -> String {
    format!(
        r#"{{"format":"bridges-story/1","title":{{"en":"t","zh":"t"}},"slides":[
            {{"view":"/","title":{{"en":"first","zh":"第一"}}}}, {slide}]}}"#
    )
}

#[test]
fn reads_a_valid_story() {
    let (s, issues) = ok(VALID);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(s.id, "test");
    assert_eq!(s.title.get(Lang::Zh), "一个故事");
    assert_eq!(s.slides.len(), 2);
    assert_eq!(
        s.slides[0].query, "sector=230&from=2000&to=2009&stack=sector",
        "canonical order"
    );
    assert_eq!(
        s.slides[0].href(),
        "/explore?sector=230&from=2000&to=2009&stack=sector"
    );
    assert_eq!(s.slides[1].query, "");
    assert_eq!(s.slides[1].narration, Bilingual::default());
    assert_eq!(s.description, None);
}

#[test]
fn bilingual_falls_back() {
    let b = Bilingual::new("Energy", "");
    assert_eq!(b.get(Lang::Zh), "Energy");
    let b = Bilingual::new(" ", "能源");
    assert_eq!(b.get(Lang::En), "能源");
    assert_eq!(Bilingual::default().get(Lang::En), "");
}

#[test]
fn bad_slides_are_skipped_and_located() {
    for (view, expected) in [
        ("javascript:alert(1)", "scheme"),
        ("//evil.com", "//"),
        ("https://evil.com/explore", "scheme"),
        ("/explore/../admin", ".."),
        ("/explore?sector=230", "query"),
        ("/settings", "one of"),
        ("/projects/", "project id"),
        ("/projects/a b", "project id"),
        ("/projects/1/2", "project id"),
    ] {
        let text = story_with(&format!(
            r#"{{"view":{},"title":{{"en":"x"}}}}"#,
            serde_json::to_string(view).unwrap()
        ));
        let (s, issues) = ok(&text);
        assert_eq!(s.slides.len(), 1, "{view}: the bad slide is skipped");
        assert_eq!(issues.len(), 1, "{view}: {issues:?}");
        let i = &issues[0];
        assert_eq!(
            (i.slide, i.field.as_str(), i.consequence),
            (Some(2), "view", StoryConsequence::SlideSkipped)
        );
        assert!(i.expected.contains(expected), "{view}: {}", i.expected);
        assert!(
            i.to_string().starts_with("slide 2, field view: expected"),
            "{i}"
        );
    }
    for bad in [
        r#"[1]"#,
        r#"{"title":{"en":"no view"}}"#,
        r#"{"view":7}"#,
        r#"{"view":"/map","query":"a#b"}"#,
        r#"{"view":"/map","query":{"sector":230}}"#,
    ] {
        let (s, issues) = ok(&story_with(bad));
        assert_eq!(s.slides.len(), 1, "{bad}");
        assert!(
            issues
                .iter()
                .any(|i| i.slide == Some(2) && i.consequence == StoryConsequence::SlideSkipped),
            "{bad}: {issues:?}"
        );
    }
}

#[test]
fn query_notices_and_presenter_params_are_issues_not_failures() {
    let (s, issues) = ok(&story_with(
        r#"{"view":"/map","query":"?country=SLE~sle&lang=zh&theme=dark&slide=3&data=https%3A%2F%2Fx.org&colour=red&zoom=3","title":{"en":"x"}}"#,
    ));
    assert_eq!(s.slides[1].query, "country=SLE&zoom=3");
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "query.lang",
            "query.theme",
            "query.slide",
            "query.data",
            "query.country",
            "query.colour"
        ]
    );
    assert!(issues
        .iter()
        .all(|i| i.slide == Some(2) && i.consequence == StoryConsequence::ValueIgnored));
    assert_eq!(issues[4].found, "\"country=sle\"");
    assert!(!issues[4].expected.starts_with("expected"));
    assert!(issues[5].expected.contains("parameter"));
}

#[test]
fn long_texts_are_cut_and_reported() {
    let long = "x".repeat(MAX_TITLE + 50);
    let (s, issues) = ok(&story_with(&format!(
        r#"{{"view":"/","title":{{"en":"{long}","zh":"标题"}},"notes":{{"zh":"{}"}}}}"#,
        "注".repeat(MAX_NOTES + 1)
    )));
    assert_eq!(s.slides[1].title.en.chars().count(), MAX_TITLE);
    assert!(s.slides[1].title.en.ends_with('…'));
    assert_eq!(s.slides[1].notes.zh.chars().count(), MAX_NOTES);
    let cut: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.field.as_str(), i.found.as_str()))
        .collect();
    assert_eq!(
        cut,
        [
            ("title.en", "250 characters"),
            ("notes.zh", "5001 characters")
        ]
    );
    // Cutting is idempotent: the written story reads back the same, without new issues.
    let (again, issues) = ok(&to_json(&s));
    assert_eq!(again, s);
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn html_is_kept_verbatim_as_text() {
    let (s, issues) = ok(&story_with(
        r#"{"view":"/","title":{"en":"<script>alert(1)</script>"},"narration":{"en":"<img src=x onerror=alert(1)> {count}"}}"#,
    ));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(s.slides[1].title.en, "<script>alert(1)</script>");
    let facts = Facts {
        count: Some(3),
        ..Facts::default()
    };
    assert_eq!(
        narrate(&s.slides[1].narration.en, &facts, Lang::En),
        "<img src=x onerror=alert(1)> 3"
    );
}

#[test]
fn unknown_placeholders_are_reported_and_left_verbatim() {
    let (s, issues) = ok(&story_with(
        r#"{"view":"/","title":{"en":"x"},"narration":{"en":"{count} in {contry}","zh":"{总数}"}}"#,
    ));
    let found: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.field.as_str(), i.found.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("narration.en", "\"{contry}\""),
            ("narration.zh", "\"{总数}\"")
        ]
    );
    assert!(issues
        .iter()
        .all(|i| i.consequence == StoryConsequence::Kept));
    let facts = Facts {
        count: Some(9404),
        ..Facts::default()
    };
    assert_eq!(
        narrate(&s.slides[1].narration.en, &facts, Lang::En),
        "9,404 in {contry}"
    );
}

#[test]
fn whole_file_failures() {
    let kind = |id: &str, text: &str| parse_story(id, text).map(|_| ()).unwrap_err().kind;
    assert_eq!(kind("Bad_Id", VALID), StoryErrorKind::Id);
    assert_eq!(kind("-x", VALID), StoryErrorKind::Id);
    assert_eq!(kind(&"a".repeat(65), VALID), StoryErrorKind::Id);
    assert!(parse_story(&"a".repeat(64), VALID).is_ok());
    assert_eq!(kind("t", ""), StoryErrorKind::NotJson);
    assert_eq!(kind("t", r#"{"format": "#), StoryErrorKind::NotJson);
    assert_eq!(kind("t", "[]"), StoryErrorKind::Shape);
    assert_eq!(kind("t", r#"{"slides":[]}"#), StoryErrorKind::Format);
    assert_eq!(
        kind("t", r#"{"format":"bridges-story/2","slides":[]}"#),
        StoryErrorKind::Format
    );
    assert_eq!(
        kind("t", r#"{"format":"bridges-story/1","slides":{}}"#),
        StoryErrorKind::Shape
    );
    assert_eq!(
        kind("t", r#"{"format":"bridges-story/1","slides":[]}"#),
        StoryErrorKind::NoSlides
    );
    let e = parse_story(
        "t",
        r#"{"format":"bridges-story/1","slides":[{"view":"javascript:x"},3]}"#,
    )
    .unwrap_err();
    assert_eq!(e.kind, StoryErrorKind::NoSlides);
    let skipped: Vec<Option<usize>> = e
        .issues
        .iter()
        .filter(|i| i.consequence == StoryConsequence::SlideSkipped)
        .map(|i| i.slide)
        .collect();
    assert_eq!(
        skipped,
        [Some(1), Some(2)],
        "the reasons travel with the error"
    );
    assert_eq!(
        e.to_string(),
        "story \"t\", field slides: expected at least one usable slide, found 2 slides, none usable"
    );
    let e = parse_story("t", "{\"format\": \"bridges-story/1\",\n  \"slides\": [").unwrap_err();
    assert_eq!((e.line, e.kind), (Some(2), StoryErrorKind::NotJson));
    assert!(
        e.to_string()
            .starts_with("story \"t\": not valid JSON at line 2, column"),
        "{e}"
    );
    let e = parse_story("t", r#"{"format":"bridges-story/9","slides":[]}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "story \"t\", field format: expected \"bridges-story/1\", found \"bridges-story/9\"; \
         this version of Bridges reads bridges-story/1 stories"
    );
    let e = parse_story("../../etc/passwd", VALID).unwrap_err();
    assert!(e.to_string().starts_with("story id: expected"), "{e}");
}

#[test]
fn too_many_slides_are_cut_at_the_limit() {
    let slide = r#"{"view":"/","title":{"en":"s"}}"#;
    let text = format!(
        r#"{{"format":"bridges-story/1","title":{{"en":"t"}},"slides":[{}]}}"#,
        vec![slide; MAX_SLIDES + 5].join(",")
    );
    let (s, issues) = ok(&text);
    assert_eq!(s.slides.len(), MAX_SLIDES);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].slide, Some(MAX_SLIDES + 1));
    assert_eq!(issues[0].consequence, StoryConsequence::RestSkipped);
}

#[test]
fn wrong_types_and_missing_titles() {
    let (s, issues) = ok(
        r#"{"format":"bridges-story/1","title":"Plain","description":5,"slides":[
            {"view":"/","title":{"en":7,"zh":"标题"},"narration":["x"],"notes":null}]}"#,
    );
    assert_eq!(s.title, Bilingual::new("Plain", ""));
    assert_eq!(s.description, None);
    assert_eq!(s.slides[0].title, Bilingual::new("", "标题"));
    let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["title", "description", "title.en", "narration"]);
    let (s, issues) = ok(r#"{"format":"bridges-story/1","slides":[{"view":"/map"}]}"#);
    assert_eq!(
        s.title.get(Lang::Zh),
        "test",
        "a story without a title shows its id"
    );
    let located: Vec<(Option<usize>, &str)> =
        issues.iter().map(|i| (i.slide, i.field.as_str())).collect();
    assert_eq!(located, [(None, "title"), (Some(1), "title")]);
    assert_eq!(
        issues[0].to_string(),
        "field title: expected a text in English or Chinese, found nothing (kept as written)"
    );
}

#[test]
fn to_json_round_trips() {
    let (s, _) = ok(VALID);
    let mut s = s;
    s.description = Some(Bilingual::new("About \"quotes\"\nand lines", "说明"));
    let text = to_json(&s);
    assert!(
        text.starts_with("{\n  \"format\": \"bridges-story/1\",\n  \"title\""),
        "{text}"
    );
    let (again, issues) = ok(&text);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(again, s);
}

#[test]
fn narration_fills_facts_and_says_unknown() {
    let facts = Facts {
        count: Some(12_000),
        amount: Some(350e6),
        amount_known: Some(7),
        currency: "USD".into(),
        countries: Some(3),
        first_year: Some(2000),
        last_year: Some(2021),
        top_sector: Some(Bilingual::new("Energy", "能源")),
        top_country: Some(Bilingual::new("Angola", "")),
        top_region: None,
    };
    let t = "{count}|{amount}|{amount_known}|{countries}|{first_year}|{last_year}|{top_sector}|{top_country}|{top_region}|{other}";
    assert_eq!(
        narrate(t, &facts, Lang::En),
        "12,000|$350 million|7|3|2000|2021|Energy|Angola|unknown|{other}"
    );
    assert_eq!(
        narrate(t, &facts, Lang::Zh),
        "1.2万|3.5亿美元|7|3|2000|2021|能源|Angola|未知|{other}"
    );
    let nothing = Facts::default();
    assert_eq!(
        narrate("{count} / {amount} / {first_year}", &nothing, Lang::En),
        "unknown / unknown / unknown",
        "missing is not zero"
    );
    assert_eq!(narrate("{amount}", &nothing, Lang::Zh), "未知");
    assert_eq!(
        narrate("{count", &facts, Lang::En),
        "{count",
        "an open brace is text"
    );
}

#[test]
fn index_reads_and_reports() {
    let (entries, issues) = parse_index(
        r#"{"format":"bridges-story-index/1","stories":[
            {"id":"two-decades","title":{"en":"T","zh":"二"}},{"id":"../x"},{"id":"two-decades"},3]}"#,
    )
    .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].title.get(Lang::Zh), "二");
    assert_eq!(issues.len(), 3);
    assert!(parse_index("[]").is_err());
    assert!(parse_index("").is_err());
}
