//! The hostile-input corpus (`tests/hostile/`, 45 files) and generated extremes: every file gives a
//! clear, located result, valid records still load, and nothing panics. Property tests throw random
//! records and query strings at the parser and the URL codec.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use bridges_core::issue::{Consequence, LoadError};
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
                    assert_eq!(issue.source, name);
                    assert!(
                        issue.record.is_some() || issue.field.is_some(),
                        "{name}: unlocated {issue}"
                    );
                    assert!(!issue.expected.is_empty());
                }
                let skipped = loaded
                    .issues
                    .iter()
                    .filter(|i| i.consequence == Consequence::RecordSkipped)
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
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(bytes).trim_start_matches('\u{feff}'))
            .unwrap();
    v["projects"].as_array().unwrap().len()
}

fn check_specific(name: &str, l: &Loaded) {
    let second = l.dataset.projects.get(1);
    match &name[..2] {
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    /// Any records: no panic, and every record is either kept or listed as skipped.
    #[test]
    fn parser_never_panics_and_loses_nothing(records in prop::collection::vec(arb_json(), 0..8)) {
        let r = reference();
        let text = serde_json::json!({"schema": "bridges/1", "projects": records}).to_string();
        let l = parse_dataset("fuzz.json", &text, &r).unwrap();
        let skipped = l.issues.iter().filter(|i| i.consequence == Consequence::RecordSkipped).count();
        prop_assert_eq!(l.dataset.projects.len() + skipped, records.len());
        for p in &l.dataset.projects {
            prop_assert!(p.sources.iter().all(|s| s.url.to_ascii_lowercase().starts_with("http")));
            prop_assert!(p.amount.as_ref().is_none_or(|a| a.value >= 0.0 && a.value.is_finite()));
        }
    }

    /// Any bytes as a file: a dataset or a located error, never a panic.
    #[test]
    fn parser_survives_arbitrary_text(s in ".{0,200}") {
        let r = reference();
        let _ = parse_dataset("fuzz.json", &s, &r);
    }

    /// Any query string: parsing never panics, and the canonical query round-trips.
    #[test]
    fn url_codec_round_trips(q in "[a-z=&~%0-9A-Z<>.\\-]{0,80}") {
        let (state, _) = parse(&q);
        let canonical = to_query(&state);
        let (again, notices) = parse(&canonical);
        prop_assert_eq!(&again, &state);
        prop_assert!(notices.is_empty(), "the canonical form has no notices: {}", canonical);
        prop_assert_eq!(to_query(&again), canonical);
    }
}
