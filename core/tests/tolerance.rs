//! Other people's data (issue #14): whole documents with numbers beyond f64, lone surrogate escapes,
//! deep nesting and invalid values mixed into valid records. Through both readers (the one-shot
//! `parse_dataset_whole` and the incremental `DatasetReader`, in batches of 1 and 3), which give
//! identical results: every valid record loads, every invalid record is skipped and listed, every bad
//! value is listed at its record and field, nothing panics.

#![cfg(not(target_arch = "wasm32"))]

use std::cell::Cell;
use std::path::PathBuf;

use bridges_core::incremental::DatasetReader;
use bridges_core::issue::Consequence;
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::validate::parse_dataset_whole;
use bridges_core::Loaded;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases the property test runs (printed when it ends).
const CASES: u32 = 2000;

fn reference() -> ReferenceIndex {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("public/data/reference.json")).unwrap();
    parse_reference("reference.json", &text).unwrap()
}

/// Something odd put into a valid record: the member's JSON text, the field an issue must name (if
/// any), and a check of the loaded project.
#[derive(Clone, Debug)]
enum Hazard {
    /// A number beyond f64 in a field Bridges does not read.
    BigIgnored(String),
    /// A value nested `n` lists deep in a field Bridges does not read.
    DeepIgnored(usize),
    /// A lone surrogate escape in the title (kept, with U+FFFD).
    SurrogateTitle(&'static str),
    /// An amount beyond f64 (unknown).
    BigAmount,
    /// A year beyond f64 (unknown, not taken from the date).
    BigYear,
    /// Recipients nested too deep (none).
    DeepRecipients(usize),
    /// An SDG that is not a whole number (dropped).
    FractionSdg,
    /// A sector code written with an exponent (accepted: 230).
    ExponentSector,
    /// An unknown country code (dropped).
    UnknownCountry,
}

impl Hazard {
    fn member(&self, k: usize) -> String {
        match self {
            Hazard::BigIgnored(n) => format!(r#""x{k}": {n}"#),
            Hazard::DeepIgnored(n) => format!(r#""x{k}": {}1{}"#, "[".repeat(*n), "]".repeat(*n)),
            Hazard::SurrogateTitle(e) => format!(r#""title": "T{e}""#),
            Hazard::BigAmount => {
                r#""amount": {"value": 1e309, "currency": "USD", "price_base": "current"}"#.into()
            }
            Hazard::BigYear => {
                r#""years": {"start": -1e400}, "dates": {"start": "2004-01-01"}"#.into()
            }
            Hazard::DeepRecipients(n) => {
                format!(r#""recipients": {}"AGO"{}"#, "[".repeat(*n), "]".repeat(*n))
            }
            Hazard::FractionSdg => r#""sdgs": [1.5, 3]"#.into(),
            Hazard::ExponentSector => r#""sector": {"code": 2.3e2}"#.into(),
            Hazard::UnknownCountry => r#""recipients": ["XXX", "AGO"]"#.into(),
        }
    }

    /// The field of the issue it must give, if any.
    fn field(&self, k: usize) -> Option<String> {
        match self {
            Hazard::BigIgnored(_) | Hazard::DeepIgnored(_) => Some(format!("x{k}")),
            Hazard::SurrogateTitle(_) => Some("title".into()),
            Hazard::BigAmount => Some("amount.value".into()),
            Hazard::BigYear => Some("years.start".into()),
            Hazard::DeepRecipients(_) => Some("recipients".into()),
            Hazard::FractionSdg => Some("sdgs[0]".into()),
            Hazard::ExponentSector => None,
            Hazard::UnknownCountry => Some("recipients[0]".into()),
        }
    }

    fn check(&self, p: &bridges_core::Project) -> bool {
        match self {
            Hazard::SurrogateTitle(_) => p.title.starts_with("T\u{fffd}"),
            Hazard::BigAmount => p.amount.is_none(),
            Hazard::BigYear => p.years.start.is_none(),
            Hazard::DeepRecipients(_) => p.recipients.is_empty(),
            Hazard::FractionSdg => p.sdgs == [3],
            Hazard::ExponentSector => p.sector.as_ref().map(|s| s.code) == Some(230),
            Hazard::UnknownCountry => p.recipients == ["AGO"],
            Hazard::BigIgnored(_) | Hazard::DeepIgnored(_) => true,
        }
    }
}

/// A record of the generated document.
#[derive(Clone, Debug)]
enum Record {
    /// Valid, with hazards that cost at most a value each (at most one per field: they do not clash).
    Valid(Vec<Hazard>),
    /// Not loadable: its JSON text (the id is filled in; `DEEP` is a record inside 130 lists).
    Invalid(&'static str),
}

fn hazard() -> impl Strategy<Value = Hazard> {
    prop_oneof![
        prop_oneof![
            Just("1e309".to_string()),
            Just("-1E+400".to_string()),
            (309..420usize).prop_map(|n| "7".repeat(n)),
            // 310 digits: 1.1e309 (309 ones, 1.1e308, is still an f64).
            (310..400usize).prop_map(|n| format!("-{}.5", "1".repeat(n))),
        ]
        .prop_map(Hazard::BigIgnored),
        (125..2000usize).prop_map(Hazard::DeepIgnored),
        prop_oneof![
            Just(r"\ud800"),
            Just(r"\udc00x"),
            Just(r"\uDBFF\u0041"),
            Just(r"\udfff\ud800")
        ]
        .prop_map(Hazard::SurrogateTitle),
        Just(Hazard::BigAmount),
        Just(Hazard::BigYear),
        (125..600usize).prop_map(Hazard::DeepRecipients),
        Just(Hazard::FractionSdg),
        Just(Hazard::ExponentSector),
        Just(Hazard::UnknownCountry),
    ]
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        3 => prop::collection::vec(hazard(), 0..4).prop_map(Record::Valid),
        1 => prop_oneof![
            Just(r#"{"id": 1e309, "title": "id beyond f64"}"#),
            Just(r#"{"id": 1.5, "title": "id not whole"}"#),
            Just(r#"{"id": 999999999999999.9, "title": "id not whole, read exactly"}"#),
            Just(r#"{"id": "ID", "title": "\u200b\u2800"}"#),
            Just(r#"{"id": "ID", "title": 1e999}"#),
            Just("1e999"),
            Just("DEEP"),
        ]
        .prop_map(Record::Invalid),
    ]
}

/// A document: the records, a separator between them, and odd values in `meta` and another member.
fn document() -> impl Strategy<Value = (Vec<Record>, String, bool)> {
    (
        prop::collection::vec(record(), 0..8),
        prop_oneof![Just(","), Just(",\n  "), Just(" ,\r\n")],
        any::<bool>(),
    )
        .prop_map(|(records, sep, odd_meta)| (records, sep.to_string(), odd_meta))
}

fn text(records: &[Record], sep: &str, odd_meta: bool) -> String {
    let mut items = Vec::new();
    for (i, r) in records.iter().enumerate() {
        items.push(match r {
            Record::Valid(hazards) => {
                let mut members = vec![format!(r#""id": "r{i}""#)];
                if !hazards
                    .iter()
                    .any(|h| matches!(h, Hazard::SurrogateTitle(_)))
                {
                    members.push(r#""title": "Valid""#.into());
                }
                let mut seen = Vec::new();
                for (k, h) in hazards.iter().enumerate() {
                    let member = h.member(k);
                    let key = member.split(':').next().unwrap_or_default().to_string();
                    // One hazard per field: a later one on the same field would replace it.
                    if !seen.contains(&key) {
                        seen.push(key);
                        members.push(member);
                    }
                }
                format!("{{{}}}", members.join(", "))
            }
            Record::Invalid("DEEP") => format!(
                r#"{}{{"id": "r{i}", "title": "deep record"}}{}"#,
                "[".repeat(130),
                "]".repeat(130)
            ),
            Record::Invalid(t) => t.replace("ID", &format!("r{i}")),
        });
    }
    let meta = if odd_meta {
        format!(
            r#"{{"title": "M\ud800", "n": 1e999, "deep": [{}{}]}}"#,
            "[".repeat(130),
            "]".repeat(130)
        )
    } else {
        r#"{"title": "M"}"#.to_string()
    };
    format!(
        "{{\"schema\": \"bridges/1\", \"meta\": {meta}, \"projects\": [{}], \"z\": [1e309]}}",
        items.join(sep)
    )
}

fn incremental(r: &ReferenceIndex, bytes: &[u8], batch: usize) -> Loaded {
    let mut reader = DatasetReader::new("gen.json", bytes, r);
    while !reader.step(batch) {}
    assert!(
        !reader.read_whole(),
        "a valid document is read incrementally"
    );
    reader.finish().expect("the document loads")
}

#[test]
fn hostile_documents_lose_only_their_bad_values() {
    let r = reference();
    let cases = Cell::new(0u32);
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        // A runner made by hand knows no source file to keep failures beside.
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&document(), |(records, sep, odd_meta)| {
        cases.set(cases.get() + 1);
        let doc = text(&records, &sep, odd_meta);
        let whole = parse_dataset_whole("gen.json", &doc, &r).expect("the document loads");
        for batch in [1, 3] {
            let got = incremental(&r, doc.as_bytes(), batch);
            prop_assert!(
                got == whole,
                "batch {batch} differs from the one-shot reader"
            );
        }
        let l = whole;
        // Valid records are exactly the loaded ones, in order; the others are skipped and listed.
        let valid: Vec<String> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Record::Valid(_)))
            .map(|(i, _)| format!("r{i}"))
            .collect();
        let loaded: Vec<&str> = l.dataset.projects.iter().map(|p| p.id.as_str()).collect();
        prop_assert_eq!(&loaded, &valid);
        for (i, rec) in records.iter().enumerate() {
            let at = |field: &str| {
                l.issues
                    .iter()
                    .any(|x| x.record == Some(i) && x.field.as_deref() == Some(field))
            };
            match rec {
                Record::Invalid(_) => {
                    // Skipped, and listed once, with the reason.
                    let listed: Vec<_> = l.issues.iter().filter(|x| x.record == Some(i)).collect();
                    prop_assert!(
                        listed.len() == 1 && listed[0].consequence == Consequence::RecordSkipped,
                        "record {} skipped and listed once: {:?}",
                        i,
                        listed
                    )
                }
                Record::Valid(hazards) => {
                    let p = l.dataset.projects.iter().find(|p| p.id == format!("r{i}"));
                    let p = p.expect("loaded");
                    let mut fields = Vec::new();
                    let mut bad_values = 0;
                    for (k, h) in hazards.iter().enumerate() {
                        let key = h
                            .member(k)
                            .split(':')
                            .next()
                            .unwrap_or_default()
                            .to_string();
                        if fields.contains(&key) {
                            continue;
                        }
                        fields.push(key);
                        if let Some(field) = h.field(k) {
                            prop_assert!(
                                at(&field),
                                "record {} field {} listed: {:?}",
                                i,
                                field,
                                l.issues
                            );
                            bad_values += 1;
                        }
                        prop_assert!(h.check(p), "record {}: {:?} gives {:?}", i, h, p);
                    }
                    // One issue per bad value: none twice, none for a value read well.
                    let listed = l.issues.iter().filter(|x| x.record == Some(i)).count();
                    prop_assert_eq!(listed, bad_values, "record {}: {:?}", i, l.issues);
                }
            }
        }
        prop_assert_eq!(l.skipped(), records.len() - valid.len());
        // The document's own odd values are listed too, with their fields.
        for field in ["z[0]"].into_iter().chain(
            odd_meta
                .then_some(["meta.title", "meta.n", "meta.deep[0]"])
                .into_iter()
                .flatten(),
        ) {
            prop_assert!(
                l.issues
                    .iter()
                    .any(|x| x.record.is_none() && x.field.as_deref() == Some(field)),
                "{} listed",
                field
            );
        }
        Ok(())
    });
    // The line scripts/test adds up (core/tests/counted/mod.rs).
    println!(
        "proptest cases: hostile_documents_lose_only_their_bad_values: {} (configured {CASES})",
        cases.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(cases.get() >= CASES);
}
