//! The hostile-input corpus (`tests/hostile/`, 52 files) and generated extremes: every file gives a
//! clear, located result, valid records still load, and nothing panics. Property tests throw random
//! records and query strings at the parser and the URL codec.

#![cfg(not(target_arch = "wasm32"))]

mod counted;

use std::path::PathBuf;

use bridges_core::issue::{Consequence, LoadError};
use bridges_core::json::parse_json;
use bridges_core::query::{parse, to_query};
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::validate::MAX_TEXT;
use bridges_core::{parse_dataset, Loaded};
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn reference() -> ReferenceIndex {
    let text = std::fs::read_to_string(root().join("public/data/reference.json")).unwrap();
    parse_reference("reference.json", &text).unwrap()
}

/// As a browser hands the app a file: bytes decoded as UTF-8 with replacement characters.
fn load(r: &ReferenceIndex, name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    parse_dataset(name, &String::from_utf8_lossy(bytes), r)
}

#[test]
fn corpus() {
    let r = reference();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        // `stories/` holds the story corpus (core/tests/stories.rs).
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} cases", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let unreadable = ["40-", "41-", "42-", "43-", "44-", "45-", "48-", "49-"]
            .iter()
            .any(|p| name.starts_with(p));
        match load(&r, &name, &bytes) {
            Err(e) => {
                assert!(unreadable, "{name}: unexpected load error {e}");
                let msg = e.to_string();
                assert!(
                    msg.starts_with(&name) && msg.len() > name.len() + 10,
                    "{name}: message not located: {msg}"
                );
            }
            Ok(loaded) => {
                assert!(!unreadable, "{name}: should not load");
                let ids: Vec<&str> = loaded
                    .dataset
                    .projects
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                assert_eq!(
                    ids.first(),
                    Some(&"ok"),
                    "{name}: the valid record is kept ({ids:?})"
                );
                for issue in &loaded.issues {
                    assert_eq!(&*issue.source, name.as_str());
                    assert!(
                        issue.record.is_some() || issue.field.is_some(),
                        "{name}: unlocated {issue}"
                    );
                    assert!(!issue.expected.to_string().is_empty());
                }
                let skipped = loaded
                    .issues
                    .iter()
                    // A left-out actor (bridges/2) is located by its field, not a record.
                    .filter(|i| i.consequence == Consequence::RecordSkipped && i.record.is_some())
                    .count();
                assert_eq!(
                    loaded.dataset.projects.len() + skipped,
                    count_records(&bytes),
                    "{name}: a record was lost silently"
                );
                check_specific(&name, &loaded);
            }
        }
    }
}

fn count_records(bytes: &[u8]) -> usize {
    // Tolerant JSON, as Bridges reads it: numbers beyond f64, lone surrogates, deep nesting.
    let v = parse_json("count", &String::from_utf8_lossy(bytes)).unwrap();
    v["projects"].as_array().unwrap().len()
}

/// The issue of `l` about record `record` (0-based) and `field`.
fn issue<'a>(l: &'a Loaded, record: usize, field: &str) -> &'a bridges_core::DataIssue {
    l.issues
        .iter()
        .find(|i| i.record == Some(record) && i.field.as_deref() == Some(field))
        .unwrap_or_else(|| {
            panic!(
                "no issue for record {record} field {field}: {:#?}",
                l.issues
            )
        })
}

fn ids(l: &Loaded) -> Vec<&str> {
    l.dataset.projects.iter().map(|p| p.id.as_str()).collect()
}

fn check_specific(name: &str, l: &Loaded) {
    let second = l.dataset.projects.get(1);
    match &name[..2] {
        "36" => {
            // The declared actor is kept once; every bad one is left out, located by its place.
            let actors: Vec<&str> = l.dataset.actors.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(actors, ["ISDB", "SEAT"], "{name}");
            let seat = &l.dataset.actors[1];
            assert_eq!(
                (seat.country.as_deref(), seat.name_zh.as_deref()),
                (None, None)
            );
            for field in [
                "actors[1].id",
                "actors[2].kind",
                "actors[3].southern",
                "actors[4].country",
                "actors[4].name_zh",
                "actors[5].id",
                "actors[6]",
                "actors[7].name_en",
            ] {
                assert!(
                    l.issues.iter().any(|i| i.field.as_deref() == Some(field)),
                    "{name}: nothing about {field}: {:#?}",
                    l.issues
                );
            }
            let first = &l.dataset.projects[0];
            assert_eq!(first.providers, ["SAU", "ISDB"]);
            assert_eq!(first.partners.len(), 1);
            // The undeclared id and the malformed values cost those values only.
            let a = second.unwrap();
            assert_eq!(a.providers, ["ISDB"]);
            assert!(a.partners.is_empty());
            assert_eq!(
                issue(l, 1, "providers[0]").found.as_deref(),
                Some("\"NOBODY\"")
            );
            issue(l, 1, "providers[1]");
            issue(l, 1, "partners[0].actor");
            issue(l, 1, "partners[1].role");
        }
        "06" => assert!(
            second.unwrap().recipients.is_empty(),
            "lower-case or unknown codes are not guessed"
        ),
        "07" | "08" | "09" | "28" | "29" => assert!(
            second.unwrap().amount.is_none(),
            "{name}: a bad amount is unknown"
        ),
        "10" => assert_eq!(
            second.unwrap().amount.as_ref().map(|a| a.value),
            Some(0.0),
            "a zero amount is known"
        ),
        "56" => {
            let a = second.unwrap().amount.as_ref().map(|a| a.value);
            assert_eq!(
                a.map(|v| v.to_string()).as_deref(),
                Some("0"),
                "-0 is 0, not -0"
            );
        }
        "16" | "17" | "19" => assert!(
            second.unwrap().title.contains('<'),
            "text is kept verbatim (the UI renders text)"
        ),
        "18" => assert!(
            second.unwrap().sources.is_empty(),
            "no javascript: or data: link survives"
        ),
        "23" => assert_eq!(second.unwrap().sdgs, [3]),
        "24" => assert_eq!(second.unwrap().locations.len(), 1),
        "13" => assert!(l
            .issues
            .iter()
            .any(|i| i.field.as_deref() == Some("years.completion"))),
        "47" => assert!(
            l.dataset.projects[0].title.contains('\u{fffd}'),
            "invalid UTF-8 shows as replacement characters"
        ),
        "50" => {
            assert_eq!(l.dataset.projects.len(), 3, "ids are compared whole");
            assert_eq!(
                l.dataset.projects[1].id.chars().count(),
                260,
                "ids are kept whole"
            );
            assert!(l.issues.is_empty(), "{:?}", l.issues);
        }
        "52" => {
            // Numbers beyond an f64: that value is unknown, the record loads; an id beyond it skips
            // its record; inside an ignored field, the value is reported and nothing else changes.
            assert_eq!(ids(l), ["ok", "a", "b", "c"]);
            let a = &l.dataset.projects[1];
            assert!(a.amount.is_none() && a.years.start.is_none());
            assert_eq!(a.dates.start.as_deref(), Some("2004-05-06"));
            let i = issue(l, 1, "amount.value");
            assert_eq!(i.found.as_deref(), Some("1e309"));
            assert_eq!(i.expected.to_string(), "a number from 0 to 10^15");
            assert_eq!(i.consequence, Consequence::ValueIgnored);
            assert_eq!(issue(l, 1, "years.start").found.as_deref(), Some("1e400"));
            assert_eq!(issue(l, 1, "extra.n").found.as_deref(), Some("-1e309"));
            assert_eq!(
                issue(l, 1, "extra.big").found.as_deref(),
                Some("a number written with 400 characters")
            );
            let i = issue(l, 2, "id");
            assert_eq!(
                (i.found.as_deref(), i.consequence),
                (Some("1e309"), Consequence::RecordSkipped)
            );
            let b = &l.dataset.projects[2];
            assert_eq!(b.sdgs, [3]);
            assert!(b.sector.is_none() && b.locations.is_empty());
            assert_eq!(issue(l, 3, "sdgs[0]").found.as_deref(), Some("1e999"));
            assert_eq!(
                issue(l, 3, "sector.code").expected.to_string(),
                "a three-digit OECD CRS sector code (100–999)"
            );
            assert_eq!(
                issue(l, 3, "locations[0].lon").found.as_deref(),
                Some("1e309")
            );
            assert_eq!(issue(l, 4, "ignored[2]").found.as_deref(), Some("1E+999"));
            assert_eq!(l.skipped(), 1);
        }
        "53" => {
            // Lone surrogate escapes: U+FFFD, the record kept, the field reported.
            assert_eq!(ids(l), ["ok", "s1", "s2", "s3", "s4\u{fffd}"]);
            let p = &l.dataset.projects;
            assert_eq!(p[1].title, "Dam \u{fffd} north");
            assert_eq!(p[1].recipients, ["AGO"]);
            assert_eq!(p[2].title, "\u{fffd}x");
            assert_eq!(p[2].description.as_deref(), Some("a\u{fffd}A"));
            assert_eq!(p[3].title, "pair 😀 ok");
            let i = issue(l, 1, "title");
            assert_eq!(
                (i.found.as_deref(), i.consequence),
                (Some("\"\\ud800\""), Consequence::Kept)
            );
            issue(l, 2, "description");
            issue(l, 2, "x\u{fffd}");
            issue(l, 4, "id");
            assert!(
                l.issues.iter().all(|i| i.record != Some(3)),
                "a valid pair is no problem"
            );
        }
        "54" => {
            // Deep nesting: the record's field holding it is dropped, the record loads.
            assert_eq!(ids(l), ["ok", "d1", "d2", "d3", "d5"]);
            for (record, field) in [(1, "extra"), (2, "recipients"), (3, "x")] {
                let i = issue(l, record, field);
                assert_eq!(i.expected.to_string(), "at most 127 levels of nesting");
                assert_eq!(i.consequence, Consequence::ValueIgnored);
            }
            assert!(l.dataset.projects[2].recipients.is_empty());
            assert_eq!(l.dataset.projects[2].sdgs, [4]);
            assert_eq!(
                l.skipped(),
                1,
                "the record inside 500 lists is not a project object"
            );
            assert!(l.issues.iter().all(|i| i.record != Some(5)));
        }
        "55" => {
            // Whole numbers written with a fraction part or an exponent are whole numbers; the
            // number's text is read exactly.
            assert_eq!(
                ids(l),
                [
                    "ok",
                    "1",
                    "2",
                    "100",
                    "y",
                    "12345678901234567890123",
                    "12345678901234567890000"
                ]
            );
            let y = &l.dataset.projects[4];
            assert_eq!(y.sector.as_ref().map(|s| s.code), Some(230));
            assert_eq!(y.sdgs, [3, 17, 2]);
            assert_eq!(issue(l, 4, "sdgs[2]").found.as_deref(), Some("1.5"));
            assert_eq!(y.years.commitment, Some(2004));
            assert_eq!(
                y.years.start, None,
                "2004.0000000000000001 is not a whole number"
            );
            assert_eq!(y.years.completion, Some(2005));
            issue(l, 4, "years.start");
            assert_eq!(issue(l, 5, "id").consequence, Consequence::RecordSkipped);
            assert_eq!(issue(l, 6, "id").consequence, Consequence::RecordSkipped);
            assert_eq!(l.skipped(), 2);
        }
        "51" => {
            assert_eq!(
                l.dataset.projects.len(),
                1,
                "invisible titles are missing titles"
            );
            assert_eq!(l.skipped(), 4);
            assert!(l.issues.iter().all(|i| i.field.as_deref() == Some("title")));
        }
        _ => {}
    }
}

#[test]
fn generated_extremes() {
    let r = reference();
    // A 1 MB title is cut to MAX_TEXT characters, and the cut is reported.
    let long = format!(
        r#"{{"schema":"bridges/1","projects":[{{"id":"ok","title":"{}"}}]}}"#,
        "x".repeat(1 << 20)
    );
    let l = load(&r, "long.json", long.as_bytes()).unwrap();
    assert_eq!(
        l.dataset.projects[0].title.chars().count(),
        MAX_TEXT + 1,
        "cut, with an ellipsis"
    );
    assert!(l.issues.iter().any(|i| i.field.as_deref() == Some("title")));
    // Deep nesting is refused by the JSON parser's recursion limit, not by a stack overflow.
    let deep = format!(
        r#"{{"schema":"bridges/1","projects":[{}]}}"#,
        "[".repeat(100_000)
    );
    assert!(matches!(
        load(&r, "deep.json", deep.as_bytes()),
        Err(LoadError::NotJson { .. })
    ));
    // Closed but 100,000 levels deep, in a field Bridges ignores: that field is dropped and reported,
    // the record loads (the tolerant reader uses no recursion).
    let deep_closed = format!(
        r#"{{"schema":"bridges/1","projects":[{{"id":"ok","title":"t","extra":{}1{}}},{{"id":"b","title":"t"}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let l = load(&r, "deep3.json", deep_closed.as_bytes()).unwrap();
    assert_eq!(l.dataset.projects.len(), 2);
    assert_eq!(l.issues.len(), 1);
    assert_eq!(l.issues[0].field.as_deref(), Some("extra"));
    let deep_field = format!(
        r#"{{"schema":"bridges/1","projects":[{{"id":"ok","title":"t","extra":{}1{}}}]}}"#,
        "[".repeat(120),
        "]".repeat(120)
    );
    assert!(
        load(&r, "deep2.json", deep_field.as_bytes()).is_ok(),
        "moderately deep unknown fields are ignored"
    );
    // A 50 MB file: one record with a 50 MB description, cut and reported.
    let big = format!(
        r#"{{"schema":"bridges/1","projects":[{{"id":"ok","title":"t","description":"{}"}}]}}"#,
        "y".repeat(50 << 20)
    );
    let l = load(&r, "big.json", big.as_bytes()).unwrap();
    assert_eq!(l.dataset.projects.len(), 1);
    assert!(l
        .issues
        .iter()
        .any(|i| i.field.as_deref() == Some("description")));
    // NaN and Infinity are not JSON.
    assert!(load(
        &r,
        "nan.json",
        br#"{"schema":"bridges/1","projects":[{"id":"ok","title":"t","amount":{"value":NaN}}]}"#
    )
    .is_err());
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
        prop_oneof![
            Just("AGO"),
            Just("completed"),
            Just("oda_like"),
            Just("https://x.org"),
            Just("javascript:x")
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("title".to_string()),
                    Just("amount".to_string()),
                    Just("value".to_string()),
                    Just("years".to_string()),
                    Just("recipients".to_string()),
                    Just("sector".to_string()),
                    Just("code".to_string()),
                    Just("locations".to_string()),
                    Just("sources".to_string()),
                    Just("url".to_string()),
                    Just("partners".to_string()),
                    ".{0,6}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

const CASES: u32 = 3000;

/// Any records: no panic, and every record is either kept or listed as skipped.
#[test]
fn parser_never_panics_and_loses_nothing() {
    let r = reference();
    counted::run(
        file!(),
        "parser_never_panics_and_loses_nothing",
        CASES,
        prop::collection::vec(arb_json(), 0..8),
        |records| {
            let text = serde_json::json!({"schema": "bridges/1", "projects": records}).to_string();
            let l = parse_dataset("fuzz.json", &text, &r).unwrap();
            let skipped = l
                .issues
                .iter()
                .filter(|i| i.consequence == Consequence::RecordSkipped)
                .count();
            prop_assert_eq!(l.dataset.projects.len() + skipped, records.len());
            for p in &l.dataset.projects {
                prop_assert!(p
                    .sources
                    .iter()
                    .all(|s| s.url.to_ascii_lowercase().starts_with("http")));
                prop_assert!(p
                    .amount
                    .as_ref()
                    .is_none_or(|a| a.value >= 0.0 && a.value.is_finite()));
            }
            Ok(())
        },
    );
}

/// Any bytes as a file: a dataset or a located error, never a panic.
#[test]
fn parser_survives_arbitrary_text() {
    let r = reference();
    counted::run(
        file!(),
        "parser_survives_arbitrary_text",
        CASES,
        ".{0,200}",
        |s: String| {
            let _ = parse_dataset("fuzz.json", &s, &r);
            Ok(())
        },
    );
}

/// Any query string: parsing never panics, and the canonical query round-trips.
#[test]
fn url_codec_round_trips() {
    counted::run(
        file!(),
        "url_codec_round_trips",
        CASES,
        "[a-z=&~%0-9A-Z<>.\\-]{0,80}",
        |q: String| {
            let (state, _) = parse(&q);
            let canonical = to_query(&state);
            let (again, notices) = parse(&canonical);
            prop_assert_eq!(&again, &state);
            prop_assert!(
                notices.is_empty(),
                "the canonical form has no notices: {}",
                canonical
            );
            prop_assert_eq!(to_query(&again), canonical);
            Ok(())
        },
    );
}
