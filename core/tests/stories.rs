//! Stories: the hostile story corpus (`tests/hostile/stories/`), property tests of the reader (no panic on
//! any text, on mutated valid stories; `to_json` round-trips), and the shipped stories in
//! `public/stories/` against the default dataset: no issues, canonical queries, live facts for every slide.

#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;
use std::path::PathBuf;

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::i18n::Lang;
use bridges_core::query;
use bridges_core::reference::parse_reference;
use bridges_core::story::*;
use bridges_core::{parse_dataset, Dataset};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn two_decades() -> String {
    read("public/stories/two-decades.json")
}

// ---------------------------------------------------------------------------------------------------
// The hostile corpus.

/// What a corpus file must give.
enum Expect {
    /// The whole story fails with this kind of error.
    Fails(StoryErrorKind),
    /// The story loads; among the issues is one at (slide, field) with this consequence.
    Issue(Option<usize>, &'static str, StoryConsequence),
    /// The story loads without issues.
    Clean,
}

fn expectation(name: &str) -> Expect {
    use Expect::*;
    use StoryConsequence::*;
    match &name[..2] {
        "01" | "19" => Fails(StoryErrorKind::NotJson),
        "02" | "03" | "07" | "15" | "16" | "17" => Issue(Some(2), "view", SlideSkipped),
        "04" | "21" => Clean,
        "05" => Issue(Some(2), "narration.en", Kept),
        "06" => Issue(Some(2), "narration.en", ValueIgnored),
        "08" | "18" => Issue(Some(2), "query", SlideSkipped),
        "09" => Issue(Some(2), "query.data", ValueIgnored),
        "10" => Issue(Some(2), "query.country", ValueIgnored),
        "11" => Fails(StoryErrorKind::Format),
        "12" => Fails(StoryErrorKind::Shape),
        "13" | "14" => Fails(StoryErrorKind::NoSlides),
        "20" => Issue(Some(2), "", SlideSkipped),
        "22" => Issue(None, "dataset", ValueIgnored),
        _ => panic!("{name}: add an expectation for this corpus file"),
    }
}

#[test]
fn hostile_story_corpus() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/hostile/stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus has {} cases", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let id = name.trim_end_matches(".json");
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
        let result = parse_story(id, &text);
        match (expectation(&name), result) {
            (Expect::Fails(kind), Err(e)) => {
                assert_eq!(e.kind, kind, "{name}: {e}");
                let msg = e.to_string();
                assert!(
                    msg.starts_with(&format!("story \"{id}\"")) && msg.len() > id.len() + 20,
                    "{name}: message not located: {msg}"
                );
                if kind == StoryErrorKind::NotJson && name.starts_with("01") {
                    assert!(e.line.is_some() && e.column.is_some(), "{name}: {e:?}");
                }
                if kind == StoryErrorKind::NoSlides && name.starts_with("14") {
                    assert_eq!(e.issues.len(), 3, "{name}: every slide's reason: {e:?}");
                }
            }
            (Expect::Fails(_), Ok(_)) => panic!("{name}: should not load"),
            (_, Err(e)) => panic!("{name}: unexpected error {e}"),
            (expect, Ok((story, issues))) => {
                assert_eq!(
                    story.slides.first().map(|s| s.title.en.as_str()),
                    Some("ok"),
                    "{name}: the valid slide is kept"
                );
                for i in &issues {
                    assert!(
                        i.slide.is_some() || !i.field.is_empty(),
                        "{name}: unlocated {i}"
                    );
                    assert!(!i.expected.is_empty() && !i.found.is_empty(), "{name}: {i}");
                    assert!(
                        i.found.chars().count() <= 60,
                        "{name}: found is an excerpt: {i}"
                    );
                    assert!(i.to_string().contains("expected"), "{name}: {i}");
                }
                match expect {
                    Expect::Clean => assert!(issues.is_empty(), "{name}: {issues:#?}"),
                    Expect::Issue(slide, field, consequence) => assert!(
                        issues.iter().any(|i| i.slide == slide
                            && i.field == field
                            && i.consequence == consequence),
                        "{name}: no {consequence:?} issue at slide {slide:?} field {field}: {issues:#?}"
                    ),
                    Expect::Fails(_) => unreachable!(),
                }
                check_specific(&name, &story, &issues);
            }
        }
    }
}

fn check_specific(name: &str, story: &Story, issues: &[StoryIssue]) {
    let second = story.slides.get(1);
    match &name[..2] {
        "02" | "03" | "07" | "08" | "15" | "16" | "17" | "18" | "20" => {
            assert_eq!(story.slides.len(), 1, "{name}: the bad slide is skipped")
        }
        "04" => {
            let s = second.unwrap();
            assert_eq!(s.title.en, "<img src=x onerror=alert(1)>");
            assert_eq!(s.narration.zh, "<script>alert(1)</script>");
            assert_eq!(s.notes.en, "</textarea><script>alert(2)</script>");
            let facts = Facts {
                count: Some(2),
                ..Facts::default()
            };
            assert_eq!(
                narrate(&s.narration.en, &facts, Lang::En),
                "<script>alert(1)</script> 2",
                "HTML is text: kept verbatim, the UI renders text only"
            );
        }
        "05" => {
            let s = second.unwrap();
            let facts = Facts {
                count: Some(2),
                ..Facts::default()
            };
            assert_eq!(narrate(&s.narration.en, &facts, Lang::En), "2 in {contry}");
            assert!(issues
                .iter()
                .any(|i| i.field == "narration.zh" && i.found.contains("{constructor}")));
        }
        "06" => {
            let s = second.unwrap();
            assert_eq!(s.view, "/table");
            assert!(s.title.is_empty() && s.narration.is_empty());
            assert_eq!(s.notes.en, "plain", "a bare string is the English text");
            assert_eq!(story.description, None);
            let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
            assert_eq!(
                fields,
                [
                    "description",
                    "title",
                    "narration.en",
                    "narration.zh",
                    "notes"
                ]
            );
        }
        "09" => {
            let s = second.unwrap();
            assert_eq!(
                s.query, "country=SLE",
                "the language, theme and dataset are the presenter's"
            );
            let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
            assert_eq!(fields, ["query.lang", "query.theme", "query.data"]);
        }
        "10" => {
            let s = second.unwrap();
            assert_eq!(s.query, "", "every value was unusable");
            assert_eq!(issues.len(), 4, "{issues:#?}");
            assert!(issues.iter().all(|i| i.field.starts_with("query.")));
        }
        _ => {}
    }
}

#[test]
fn generated_extremes() {
    // A 1 MB title is cut to MAX_TITLE characters (ending in "…"), and the cut is reported.
    let text = format!(
        r#"{{"format":"bridges-story/1","title":{{"en":"{}"}},"slides":[{{"view":"/","title":{{"en":"{}"}}}}]}}"#,
        "x".repeat(1 << 20),
        "<".repeat(1 << 20)
    );
    let (story, issues) = parse_story("big", &text).unwrap();
    assert_eq!(story.title.en.chars().count(), MAX_TITLE);
    assert!(story.title.en.ends_with('…'));
    assert_eq!(story.slides[0].title.en.chars().count(), MAX_TITLE);
    let located: Vec<(Option<usize>, &str, &str)> = issues
        .iter()
        .map(|i| (i.slide, i.field.as_str(), i.found.as_str()))
        .collect();
    assert_eq!(
        located,
        [
            (None, "title.en", "1048576 characters"),
            (Some(1), "title.en", "1048576 characters")
        ]
    );
    // A 1 MB narration full of braces: cut, and every unknown placeholder reported as an excerpt.
    let text = format!(
        r#"{{"format":"bridges-story/1","slides":[{{"view":"/","narration":{{"en":"{}"}}}}]}}"#,
        "{x}".repeat(1 << 18)
    );
    let (story, issues) = parse_story("braces", &text).unwrap();
    assert_eq!(story.slides[0].narration.en.chars().count(), MAX_NARRATION);
    assert!(issues.len() < MAX_NARRATION, "bounded by the cut text");
    // A 1 MB query makes the slide unusable rather than being cut.
    let text = format!(
        r#"{{"format":"bridges-story/1","slides":[{{"view":"/"}},{{"view":"/map","query":"q={}"}}]}}"#,
        "a".repeat(1 << 20)
    );
    let (story, issues) = parse_story("long-query", &text).unwrap();
    assert_eq!(story.slides.len(), 1);
    assert!(issues
        .iter()
        .any(|i| i.slide == Some(2) && i.field == "query"));
    // Deep nesting is refused by the JSON parser's recursion limit, not by a stack overflow.
    let deep = format!(
        r#"{{"format":"bridges-story/1","slides":[{}]}}"#,
        "[".repeat(100_000)
    );
    assert_eq!(
        parse_story("deep", &deep).unwrap_err().kind,
        StoryErrorKind::NotJson
    );
    // 10,000 slides: the first MAX_SLIDES are read, the rest reported once.
    let text = format!(
        r#"{{"format":"bridges-story/1","slides":[{}]}}"#,
        vec![r#"{"view":"/about","title":{"en":"a"}}"#; 10_000].join(",")
    );
    let (story, issues) = parse_story("many", &text).unwrap();
    assert_eq!(story.slides.len(), MAX_SLIDES);
    assert_eq!(
        issues
            .iter()
            .filter(|i| i.consequence == StoryConsequence::RestSkipped)
            .count(),
        1
    );
    // Hostile ids never reach a file path.
    for id in [
        "", "..", "../x", "a/b", "A", "a.json", "-a", "a b", "\u{0}", "ａ",
    ] {
        assert_eq!(
            parse_story(id, &two_decades()).unwrap_err().kind,
            StoryErrorKind::Id,
            "{id:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Property tests, run with an explicit runner so that the number of cases is printed.

const CASES_ARBITRARY: u32 = 3000;
const CASES_MUTATED: u32 = 1500;
const CASES_ROUND_TRIP: u32 = 1000;

fn run<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> TestCaseResult)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let ran = Cell::new(0u32);
    let result = runner.run(&strategy, |v| {
        ran.set(ran.get() + 1);
        test(v)
    });
    // The line scripts/test adds up (core/tests/counted/mod.rs).
    println!("proptest cases: {name}: {} (configured {cases})", ran.get());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

/// A parsed story written back and read again is the same story (the reader is idempotent).
fn idempotent(id: &str, story: &Story) -> TestCaseResult {
    let text = to_json(story);
    match parse_story(id, &text) {
        Ok((again, _)) => prop_assert_eq!(&again, story),
        Err(e) => prop_assert!(false, "written story does not read back: {}\n{}", e, text),
    }
    Ok(())
}

fn check_loaded(story: &Story, issues: &[StoryIssue]) -> TestCaseResult {
    prop_assert!(!story.slides.is_empty() && story.slides.len() <= MAX_SLIDES);
    for s in &story.slides {
        prop_assert!(check_view(&s.view).is_ok(), "view {:?}", s.view);
        prop_assert!(!s.query.contains('#'));
        let (_, notices) = query::parse(&s.query);
        prop_assert!(
            notices.is_empty(),
            "stored queries are canonical: {}",
            s.query
        );
        prop_assert!(s.title.en.chars().count() <= MAX_TITLE);
        prop_assert!(s.narration.zh.chars().count() <= MAX_NARRATION);
        prop_assert!(s.notes.en.chars().count() <= MAX_NOTES);
    }
    for i in issues {
        prop_assert!(i.slide.is_some() || !i.field.is_empty(), "unlocated {}", i);
        prop_assert!(i.found.chars().count() <= 80, "long excerpt {}", i);
    }
    Ok(())
}

#[test]
fn reader_survives_arbitrary_text() {
    run(
        "reader_survives_arbitrary_text",
        CASES_ARBITRARY,
        (
            ".{0,12}",
            prop_oneof![".{0,300}", "[\\[\\]{}\":,a-z0-9/ ]{0,300}"],
        ),
        |(id, text)| {
            match parse_story(&id, &text) {
                Ok((story, issues)) => {
                    check_loaded(&story, &issues)?;
                    idempotent(&id, &story)?;
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            Ok(())
        },
    );
}

/// Mutations of the real story's text: a cut, a deletion, an insertion at a random place.
#[test]
fn reader_survives_mutated_text() {
    let base: Vec<char> = two_decades().chars().collect();
    let n = base.len();
    run(
        "reader_survives_mutated_text",
        CASES_MUTATED,
        (0..n, 0..40usize, "[\\[\\]{}\":,/.#a-z0-9\\\\ ]{0,12}"),
        |(at, del, insert)| {
            let end = (at + del).min(n);
            let text: String = base[..at]
                .iter()
                .chain(insert.chars().collect::<Vec<_>>().iter())
                .chain(base[end..].iter())
                .collect();
            if let Ok((story, issues)) = parse_story("two-decades", &text) {
                check_loaded(&story, &issues)?;
                idempotent("two-decades", &story)?;
            }
            Ok(())
        },
    );
}

fn arb_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop_oneof![
            Just("/"),
            Just("/explore"),
            Just("//evil.com"),
            Just("javascript:alert(1)"),
            Just("/projects/../x"),
            Just("sector=230&lang=zh"),
            Just("country=SLE#x"),
            Just("{count} {nope}"),
            Just("<script>alert(1)</script>"),
            Just("bridges-story/1"),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("en".to_string()),
                    Just("zh".to_string()),
                    Just("view".to_string()),
                    Just("query".to_string()),
                    ".{0,4}"
                ],
                inner,
                0..3
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Structural mutations of the real story: any field of any slide (or the story) replaced by any value.
#[test]
fn reader_survives_mutated_fields() {
    let base: serde_json::Value = serde_json::from_str(&two_decades()).unwrap();
    let n_slides = base["slides"].as_array().unwrap().len();
    let keys = [
        "view",
        "query",
        "title",
        "narration",
        "notes",
        "format",
        "slides",
        "description",
    ];
    run(
        "reader_survives_mutated_fields",
        CASES_MUTATED,
        prop::collection::vec((0..n_slides + 1, 0..keys.len(), arb_value()), 1..4),
        |mutations| {
            let mut v = base.clone();
            for (slide, key, value) in mutations {
                let key = keys[key];
                let target = if slide == n_slides {
                    Some(&mut v)
                } else {
                    v.get_mut("slides").and_then(|s| s.get_mut(slide))
                };
                if let Some(serde_json::Value::Object(m)) = target {
                    m.insert(key.to_string(), value);
                }
            }
            if let Ok((story, issues)) = parse_story("two-decades", &v.to_string()) {
                check_loaded(&story, &issues)?;
                idempotent("two-decades", &story)?;
            }
            Ok(())
        },
    );
}

fn arb_text(max: usize) -> impl Strategy<Value = String> {
    prop::string::string_regex(&format!("[^{{}}]{{0,{max}}}"))
        .unwrap()
        .prop_map(|s| s.trim().to_string())
}

fn arb_bilingual(required: bool) -> impl Strategy<Value = Bilingual> {
    (arb_text(40), arb_text(40))
        .prop_map(|(en, zh)| Bilingual { en, zh })
        .prop_filter("a required text is not empty", move |b| {
            !required || !b.is_empty()
        })
}

fn arb_slide() -> impl Strategy<Value = Slide> {
    let view = prop_oneof![
        prop::sample::select(VIEWS.to_vec()).prop_map(String::from),
        "[A-Za-z0-9_-]{1,12}".prop_map(|id| format!("/projects/{id}")),
        // Any id a data file may hold (`a/b`, `../x`, `水电 站 %20`), escaped as the app links it.
        "\\PC{1,12}"
            .prop_filter("not a path step", |id| id != "." && id != "..")
            .prop_map(|id| bridges_core::route::Page::Project(id).path()),
    ];
    let param = prop::sample::select(vec![
        "country=AGO~SLE",
        "region=002",
        "sector=230",
        "sdg=7",
        "status=completed",
        "from=2000&to=2009",
        "q=small+hydro",
        "q=%E6%B0%B4%E7%94%B5",
        "measure=amount",
        "stack=sector",
        "sort=year-asc",
        "page=2",
        "zoom=2.4&lon=18&lat=2",
        "layer=countries~points",
        "min=1000&max=5000000",
    ]);
    let query = prop::collection::vec(param, 0..5).prop_map(|ps| {
        // The stored form of a query is the codec's canonical one.
        query::to_query(&query::parse(&ps.join("&")).0)
    });
    (
        view,
        query,
        arb_bilingual(true),
        arb_bilingual(false),
        arb_bilingual(false),
    )
        .prop_map(|(view, query, title, narration, notes)| Slide {
            view,
            query,
            title,
            narration,
            notes,
        })
}

/// Any valid story written by `to_json` (the story builder's download) reads back identical, with no
/// issues.
#[test]
fn to_json_round_trips() {
    let story = (
        "[a-z0-9][a-z0-9-]{0,20}",
        arb_bilingual(true),
        prop::option::of(arb_bilingual(true)),
        prop::collection::vec(arb_slide(), 1..8),
        prop::option::of("[a-z0-9]{1,8}(~[a-z][a-z0-9]{0,6}){0,2}"),
    )
        .prop_map(|(id, title, description, slides, dataset)| Story {
            id,
            title,
            description,
            dataset: dataset.map(|d| {
                // Written once each, as the reader keeps them.
                let mut seen = std::collections::BTreeSet::new();
                d.split('~')
                    .filter(|x| seen.insert(x.to_string()))
                    .collect::<Vec<_>>()
                    .join("~")
            }),
            slides,
        });
    run("to_json_round_trips", CASES_ROUND_TRIP, story, |story| {
        let text = to_json(&story);
        match parse_story(&story.id, &text) {
            Ok((again, issues)) => {
                prop_assert_eq!(&again, &story);
                prop_assert!(issues.is_empty(), "{:?}", issues);
            }
            Err(e) => prop_assert!(false, "{}\n{}", e, text),
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------------
// The shipped stories.

fn load() -> (Dataset, Engine) {
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let d = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
        .unwrap()
        .dataset;
    let engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    (d, engine)
}

fn story_files() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root().join("public/stories"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n != "index.json")
        .map(|n| {
            n.strip_suffix(".json")
                .unwrap_or_else(|| panic!("public/stories/{n}: only .json files belong here"))
                .to_string()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn index_lists_exactly_the_story_files() {
    let (entries, issues) = parse_index(&read("public/stories/index.json")).unwrap();
    assert!(issues.is_empty(), "{issues:#?}");
    let mut listed: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    listed.sort();
    assert_eq!(
        listed,
        story_files(),
        "every story file is in the index, every index entry has a file"
    );
    for e in &entries {
        let (story, issues) = parse_story(&e.id, &read(&format!("public/stories/{}.json", e.id)))
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(issues.is_empty(), "{}: {issues:#?}", e.id);
        assert_eq!(
            story.title, e.title,
            "{}: the index repeats the title",
            e.id
        );
    }
}

#[test]
fn shipped_stories_are_clean_canonical_and_bilingual() {
    for id in story_files() {
        let text = read(&format!("public/stories/{id}.json"));
        let (story, issues) = parse_story(&id, &text).unwrap_or_else(|e| panic!("{e}"));
        assert!(issues.is_empty(), "{id}: {issues:#?}");
        assert_eq!(
            to_json(&story),
            text,
            "{id}: the file is in to_json's form (canonical queries, field order)"
        );
        // Each slide's query, as written in the file, decodes with no notice and is canonical.
        let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (i, s) in raw["slides"].as_array().unwrap().iter().enumerate() {
            let q = s["query"].as_str().unwrap_or("");
            let (state, notices) = query::parse(q);
            assert!(notices.is_empty(), "{id} slide {}: {notices:?}", i + 1);
            assert_eq!(query::to_query(&state), q, "{id} slide {}", i + 1);
        }
        let both = |what: &str, b: &Bilingual| {
            assert!(
                !b.en.trim().is_empty() && !b.zh.trim().is_empty(),
                "{id}: {what} needs English and Chinese"
            );
        };
        both("title", &story.title);
        both(
            "description",
            story.description.as_ref().expect("a description"),
        );
        for (i, s) in story.slides.iter().enumerate() {
            both(&format!("slide {} title", i + 1), &s.title);
            both(&format!("slide {} narration", i + 1), &s.narration);
            both(&format!("slide {} notes", i + 1), &s.notes);
            // The two languages use the same placeholders.
            let names = |t: &str| {
                let mut v: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(&s.narration.en),
                names(&s.narration.zh),
                "{id} slide {}: placeholders differ between languages",
                i + 1
            );
        }
    }
}

#[test]
fn two_decades_on_the_default_dataset() {
    let (d, mut engine) = load();
    let (story, issues) = parse_story("two-decades", &two_decades()).unwrap();
    assert!(issues.is_empty());
    let views: Vec<&str> = story.slides.iter().map(|s| s.view.as_str()).collect();
    for v in ["/", "/explore", "/map", "/table", "/about", "/partners"] {
        assert!(views.contains(&v), "the story visits {v}");
    }
    let mut cases = Vec::new();
    for (i, slide) in story.slides.iter().enumerate() {
        let n = i + 1;
        let filters = narration_filters(&slide.view, &slide.filters());
        let f = facts(&mut engine, &filters, "USD");
        let count = f.count.unwrap();
        assert!(count > 0, "slide {n} ({}): an empty view", slide.href());
        assert_eq!(
            count as usize,
            engine.matching(&filters).len(),
            "slide {n}: facts agree with the table's rows"
        );
        assert!(f.first_year.is_some() && f.last_year.is_some(), "slide {n}");
        for lang in Lang::ALL {
            let text = narrate(slide.narration.get(lang), &f, lang);
            assert!(
                !text.contains('{') && !text.contains('}'),
                "slide {n}: {text}"
            );
            eprintln!("slide {n} [{}] {}", lang.code(), text);
        }
        if let Some(id) = slide.view.strip_prefix("/projects/") {
            let project = d
                .projects
                .iter()
                .position(|p| p.id == id)
                .unwrap_or_else(|| panic!("slide {n}: project {id} is not in the dataset"));
            // A case slide's query narrows the view to its record, so the placeholders describe it.
            assert_eq!(
                engine.matching(&filters),
                [project as u32],
                "slide {n}: the query selects exactly the record shown"
            );
            let p = &d.projects[project];
            assert_eq!(f.first_year, p.years.commitment, "slide {n}");
            assert_eq!(
                f.amount,
                p.amount.as_ref().map(|a| a.value),
                "slide {n}: unknown stays unknown"
            );
            let en = narrate(&slide.narration.en, &f, Lang::En);
            assert!(
                en.contains(&p.title[..p.title.find(" (Linked").unwrap_or(p.title.len())]),
                "slide {n}: the narration quotes the record's title"
            );
            cases.push((id.to_string(), p.recipients.clone()));
        }
    }
    let ids: Vec<&str> = cases.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["22211", "49940", "63507"]);
    // Each case's country also has a map slide filtered to it: record ↔ map ↔ charts.
    for (id, recipients) in &cases {
        let iso = &recipients[0];
        assert!(
            story.slides.iter().any(|s| s.view == "/map"
                && s.filters().countries.contains(iso)
                && s.filters().sectors.contains(&230)),
            "no map slide for {iso} (case {id})"
        );
        let on_map = story
            .slides
            .iter()
            .find(|s| s.view == "/map" && s.filters().countries.contains(iso))
            .unwrap();
        let rows = engine.matching(&on_map.filters());
        let row = d.projects.iter().position(|p| &p.id == id).unwrap() as u32;
        assert!(
            rows.contains(&row),
            "the map slide for {iso} shows record {id}"
        );
    }
    // The Charlotte Falls record has no amount: the narration says unknown, not zero.
    let charlotte = story
        .slides
        .iter()
        .find(|s| s.view == "/projects/22211")
        .unwrap();
    let f = facts(&mut engine, &charlotte.filters(), "USD");
    assert_eq!(f.amount, None);
    assert!(narrate(&charlotte.narration.en, &f, Lang::En).contains("Amount: unknown"));
    assert!(narrate(&charlotte.narration.zh, &f, Lang::Zh).contains("金额：未知"));
}

#[test]
fn facts_name_things_in_both_languages() {
    let (_, mut engine) = load();
    let (state, _) = query::parse("country=SLE&sector=230&q=hydro");
    let f = facts(&mut engine, &state.filters, "USD");
    assert_eq!(f.count, Some(4));
    assert_eq!(
        f.top_country,
        Some(Bilingual::new("Sierra Leone", "塞拉利昂"))
    );
    assert_eq!(f.top_sector, Some(Bilingual::new("Energy", "能源")));
    assert_eq!(f.top_region, Some(Bilingual::new("Africa", "非洲")));
    assert_eq!(f.countries, Some(1));
    // A region selection limits the top region to the selection, even where other regions also count.
    let (state, _) = query::parse("region=002");
    let f = facts(&mut engine, &state.filters, "USD");
    assert_eq!(f.top_region, Some(Bilingual::new("Africa", "非洲")));
    // An empty view: counts are zero (known), names and years unknown.
    let (state, _) = query::parse("q=zzzzzz-no-such-project");
    let f = facts(&mut engine, &state.filters, "USD");
    assert_eq!((f.count, f.amount, f.first_year), (Some(0), None, None));
    assert_eq!(
        narrate("{count} {amount} {top_country} {first_year}", &f, Lang::Zh),
        "0 未知 未知 未知"
    );
}

/// The messages in docs/stories.md are the reader's own, verbatim.
#[test]
fn messages_read_as_documented() {
    let docs = read("docs/stories.md");
    let ok = r#"{"view":"/","title":{"en":"ok"}}"#;
    let story = |before: usize, bad: &str| {
        let mut slides = vec![ok; before];
        slides.push(bad);
        format!(
            r#"{{"format":"bridges-story/1","title":{{"en":"t"}},"slides":[{}]}}"#,
            slides.join(",")
        )
    };
    let issues = |text: &str| parse_story("two-decades", text).unwrap().1;
    let mut messages: Vec<String> = Vec::new();
    for (before, bad) in [
        (1, r#"{"view":"javascript:alert(1)"}"#),
        (1, r#"{"view":"//evil.com/explore"}"#),
        (2, r#"{"view":"/map","query":"country=SLE#x"}"#),
        (2, r#"{"view":"/map","query":"lang=zh","title":{"en":"x"}}"#),
        (
            2,
            r#"{"view":"/map","query":"sector=abc","title":{"en":"x"}}"#,
        ),
        (
            3,
            r#"{"view":"/map","title":{"en":"x"},"narration":{"en":"{contry}"}}"#,
        ),
    ] {
        messages.extend(issues(&story(before, bad)).iter().map(|i| i.to_string()));
    }
    let long = format!(
        r#"{{"format":"bridges-story/1","title":{{"en":"t"}},"slides":[{{"view":"/","title":{{"en":"{}"}}}}]}}"#,
        "x".repeat(1 << 20)
    );
    messages.extend(issues(&long).iter().map(|i| i.to_string()));
    let many = story(249, ok);
    messages.extend(issues(&many).iter().map(|i| i.to_string()));
    for (id, text) in [
        ("../etc", "{}"),
        ("two-decades", r#"{"format":"bridges-story/2","slides":[]}"#),
        (
            "two-decades",
            r#"{"format":"bridges-story/1","slides":[1,2,3]}"#,
        ),
    ] {
        messages.push(parse_story(id, text).unwrap_err().to_string());
    }
    assert_eq!(messages.len(), 11, "{messages:#?}");
    for m in messages {
        assert!(docs.contains(&m), "docs/stories.md does not show: {m}");
    }
}

/// The JSON Schema states the reader's own limits and views.
#[test]
fn schema_agrees_with_the_reader() {
    let schema: serde_json::Value =
        serde_json::from_str(&read("public/schema/bridges-story-1.schema.json")).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], FORMAT);
    let slides = &schema["properties"]["slides"];
    assert_eq!(slides["maxItems"], MAX_SLIDES);
    let slide = &schema["$defs"]["slide"]["properties"];
    assert_eq!(
        slide["view"]["anyOf"][0]["enum"],
        serde_json::json!(VIEWS.to_vec())
    );
    assert_eq!(slide["query"]["maxLength"], MAX_QUERY);
    let described = slide["narration"]["description"].as_str().unwrap();
    for p in PLACEHOLDERS {
        assert!(described.contains(&format!("{{{p}}}")), "{p}");
    }
    let query = slide["query"]["description"].as_str().unwrap();
    for p in PRESENTER_PARAMS {
        assert!(query.contains(p), "{p}");
    }
}

/// "Southern providers beyond China" (issue #15) is told on the AIMS dataset: it says so (`dataset`),
/// every slide shows records of it, its narration has no figure typed in (every placeholder filled from
/// the data) and its claims hold on the data ("all … in {top_country}" is one country; the map's Gulf
/// providers are in more than one).
#[test]
fn southern_providers_on_the_aims_dataset() {
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let d = parse_dataset("aims.json", &read("public/data/aims.json"), &r)
        .unwrap()
        .dataset;
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2011"));
    let (story, issues) = parse_story(
        "southern-providers",
        &read("public/stories/southern-providers.json"),
    )
    .unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(story.dataset.as_deref(), Some("aims"));
    for (i, slide) in story.slides.iter().enumerate() {
        let n = i + 1;
        let filters = narration_filters(&slide.view, &slide.filters());
        let f = facts(&mut engine, &filters, "USD");
        assert!(f.count.unwrap_or(0) > 0, "slide {n}: an empty view");
        for lang in Lang::ALL {
            let template = slide.narration.get(lang);
            assert!(
                !template.contains("{amount"),
                "slide {n}: amounts of two price bases are never summed in a sentence"
            );
            let text = narrate(template, &f, lang);
            assert!(
                !text.contains('{') && !text.contains('}'),
                "slide {n}: {text}"
            );
            eprintln!("slide {n} [{}] {}", lang.code(), text);
        }
        let providers = &slide.filters().providers;
        if providers.iter().any(|p| p == "ZAF") {
            assert_eq!(f.countries, Some(1), "slide {n}: all in one country");
        }
        if providers.iter().any(|p| p == "SAU") {
            assert!(f.countries.unwrap_or(0) > 1, "slide {n}");
        }
    }
    let index = parse_index(&read("public/stories/index.json")).unwrap().0;
    assert!(index.iter().any(|e| e.id == "southern-providers"));
}
