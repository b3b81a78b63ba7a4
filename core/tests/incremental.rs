//! The incremental reader (`bridges_core::incremental`) gives exactly what the one-shot reader
//! (`parse_dataset_whole`) gives: on the real data, the fixtures, the hostile corpus, hand-made edge
//! cases, every truncation and many corruptions of a small file, and random documents, whatever the
//! batch size. Valid files are read incrementally (not handed to the one-shot reader).

#![cfg(not(target_arch = "wasm32"))]

mod counted;

use std::path::PathBuf;

use bridges_core::incremental::DatasetReader;
use bridges_core::issue::LoadError;
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::validate::parse_dataset_whole;
use bridges_core::Loaded;
use proptest::prelude::*;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn reference() -> ReferenceIndex {
    let text = std::fs::read_to_string(root().join("public/data/reference.json")).unwrap();
    parse_reference("reference.json", &text).unwrap()
}

type Outcome = Result<Loaded, LoadError>;

/// Reads `bytes` `batch` records at a time, checking the progress figures on the way; returns the
/// result and whether the file was handed to the one-shot reader.
fn incremental(r: &ReferenceIndex, name: &str, bytes: &[u8], batch: usize) -> (Outcome, bool) {
    let mut reader = DatasetReader::new(name, bytes, r);
    assert_eq!(reader.total_bytes(), bytes.len());
    let (mut records, mut scanned) = (0, 0);
    let mut steps = 0usize;
    while !reader.step(batch) {
        assert!(reader.records_read() >= records && reader.bytes_read() >= scanned);
        assert!(
            reader.records_read() - records <= batch.max(1),
            "{name}: a step reads at most its batch"
        );
        assert!(reader.bytes_read() <= bytes.len());
        (records, scanned) = (reader.records_read(), reader.bytes_read());
        steps += 1;
        assert!(
            steps <= bytes.len() + 2,
            "{name}: the reader makes progress"
        );
    }
    assert_eq!(reader.bytes_read(), bytes.len());
    let whole = reader.read_whole();
    // Once done, more steps change nothing.
    assert!(reader.step(batch));
    (reader.finish(), whole)
}

/// Where two outcomes first differ, for a readable failure.
fn first_difference(a: &Outcome, b: &Outcome) -> String {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            if a.dataset.meta != b.dataset.meta {
                return format!("meta: {:?} vs {:?}", a.dataset.meta, b.dataset.meta);
            }
            if let Some(i) = (0..a.dataset.projects.len().max(b.dataset.projects.len()))
                .find(|&i| a.dataset.projects.get(i) != b.dataset.projects.get(i))
            {
                return format!(
                    "project {i}: {:?} vs {:?}",
                    a.dataset.projects.get(i),
                    b.dataset.projects.get(i)
                );
            }
            if let Some(i) = (0..a.issues.len().max(b.issues.len()))
                .find(|&i| a.issues.get(i) != b.issues.get(i))
            {
                return format!("issue {i}: {:?} vs {:?}", a.issues.get(i), b.issues.get(i));
            }
            "no difference".into()
        }
        (a, b) => format!(
            "{:?} vs {:?}",
            a.as_ref().map(|l| l.dataset.projects.len()),
            b.as_ref().map(|l| l.dataset.projects.len())
        ),
    }
}

/// Checks that every batch size gives the one-shot result; returns whether any run fell back to it.
fn same(r: &ReferenceIndex, name: &str, bytes: &[u8], batches: &[usize]) -> bool {
    let expected = parse_dataset_whole(name, &String::from_utf8_lossy(bytes), r);
    let mut whole = false;
    for &batch in batches {
        let (got, w) = incremental(r, name, bytes, batch);
        assert!(
            got == expected,
            "{name}, {batch} records a step: {}",
            first_difference(&got, &expected)
        );
        whole |= w;
    }
    whole
}

#[test]
fn real_data_in_batches_equals_one_shot() {
    let r = reference();
    let bytes = std::fs::read(root().join("public/data/projects.json")).unwrap();
    let whole = same(&r, "data/projects.json", &bytes, &[1, 7, 2000, usize::MAX]);
    assert!(!whole, "the default data is read incrementally");
    // 2,000 records a step: five steps for 9,404 records (and the parse_dataset convenience agrees).
    let mut reader = DatasetReader::new("data/projects.json", &bytes, &r);
    let mut steps = 1;
    while !reader.step(2000) {
        steps += 1;
    }
    assert_eq!(steps, 5);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        reader.finish() == bridges_core::parse_dataset("data/projects.json", &text, &r),
        "parse_dataset is the incremental reader run to the end"
    );
}

/// `outcome` hands over the result of a reader stepped to its end without reading anything (the
/// app's start code calls it; the stepping code is a split chunk): the one-shot result, and nothing
/// before the end.
#[test]
fn outcome_is_the_result_once_stepped_to_the_end() {
    let r = reference();
    let bytes = std::fs::read(root().join("public/data/aims.json")).unwrap();
    let expected = parse_dataset_whole("data/aims.json", &String::from_utf8_lossy(&bytes), &r);
    let mut early = DatasetReader::new("data/aims.json", &bytes, &r);
    assert!(!early.step(10), "more than ten records");
    assert!(early.outcome().is_none(), "no result before the end");
    let mut reader = DatasetReader::new("data/aims.json", &bytes, &r);
    while !reader.step(100) {}
    let got = reader.outcome().expect("a result once stepped to the end");
    assert!(
        got == expected,
        "outcome: {}",
        first_difference(&got, &expected)
    );
}

/// Columns built a few rows at a time are the columns built in one go.
#[test]
fn columns_in_batches_equal_columns_in_one_go() {
    use bridges_core::columns::{Columns, ColumnsBuilder};
    let r = reference();
    let text = std::fs::read_to_string(root().join("public/data/projects.json")).unwrap();
    let d = bridges_core::parse_dataset("data/projects.json", &text, &r)
        .unwrap()
        .dataset;
    for (currency, price_base) in [("USD", "constant 2021"), ("USD", "current")] {
        let one = Columns::build(&d, &r, currency, price_base);
        for rows in [1, 7, 2000] {
            let mut b = ColumnsBuilder::new(&d, &r, currency, price_base);
            let mut steps = 1;
            while !b.step(rows) {
                assert_eq!(b.rows_done(), steps * rows);
                steps += 1;
            }
            assert_eq!(steps, d.projects.len().div_ceil(rows));
            let c = b.finish();
            assert_eq!(c.len, one.len);
            assert_eq!((c.year0, c.year_codes), (one.year0, one.year_codes));
            assert_eq!(c.countries, one.countries);
            assert_eq!(c.country_region, one.country_region);
            assert_eq!(c.country_subregion, one.country_subregion);
            assert_eq!(c.country_income, one.country_income);
            assert_eq!(c.regions, one.regions);
            assert_eq!(c.sectors, one.sectors);
            assert_eq!(c.providers, one.providers);
            assert_eq!(c.year, one.year);
            assert_eq!(c.sector, one.sector);
            assert_eq!(c.status, one.status);
            assert_eq!(c.flow, one.flow);
            assert_eq!(c.sdgs, one.sdgs);
            assert_eq!(c.amount, one.amount);
            assert_eq!(c.amount_class, one.amount_class);
            assert_eq!(c.country_off, one.country_off);
            assert_eq!(c.country_ids, one.country_ids);
            assert_eq!(c.provider_off, one.provider_off);
            assert_eq!(c.provider_ids, one.provider_ids);
            assert_eq!(c.country1, one.country1);
            assert_eq!(c.provider1, one.provider1);
            assert_eq!(c.combo, one.combo);
            assert_eq!(c.text, one.text);
            assert_eq!(c.name_pairs, one.name_pairs);
            assert_eq!(c.names.countries, one.names.countries);
            assert_eq!(c.names.sectors, one.names.sectors);
        }
    }
    // An empty dataset: one step, and the same shortcuts.
    let empty = bridges_core::Dataset::default();
    let mut b = ColumnsBuilder::new(&empty, &r, "USD", "");
    assert!(b.step(10));
    let c = b.finish();
    assert_eq!((c.len, c.combo.len(), c.country_off.len()), (0, 0, 1));
}

/// The default projects three times over, with new ids and some duplicates: 28,000 records.
#[test]
fn large_synthetic_file_equals_one_shot() {
    let r = reference();
    let text = std::fs::read_to_string(root().join("public/data/projects.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let base = v["projects"].as_array().unwrap().clone();
    let all: Vec<Value> = (0..28_000)
        .map(|i| {
            let mut p = base[i % base.len()].clone();
            // Every 1,000th id repeats an earlier one: skipped as a duplicate.
            p["id"] = Value::from(format!("s{}", if i % 1000 == 999 { i - 1 } else { i }));
            p
        })
        .collect();
    v["projects"] = Value::Array(all);
    let bytes = serde_json::to_vec_pretty(&v).unwrap();
    let whole = same(&r, "big.json", &bytes, &[2000]);
    assert!(!whole);
}

#[test]
fn corpus_and_fixtures_equal_one_shot() {
    let r = reference();
    let mut files = Vec::new();
    for dir in ["tests/hostile", "tests/fixtures"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 48);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let whole = same(&r, &name, &bytes, &[1, 2, 1000]);
        let loads = parse_dataset_whole(&name, &String::from_utf8_lossy(&bytes), &r).is_ok();
        assert!(
            !(loads && whole),
            "{name}: a file that loads is read incrementally"
        );
    }
}

/// Small documents around every branch of the scanner.
#[test]
fn edge_documents_equal_one_shot() {
    let r = reference();
    let rec = r#"{"id":"a","title":"A \"quoted\" ] } [ { title","recipients":["AGO"]}"#;
    let rec2 = r#"{"id":"b","title":"B","x":[[{"y":"\\"}]]}"#;
    let deep = |n: usize| {
        format!(
            r#"{{"schema":"bridges/1","projects":[{{"id":"d","title":"t","x":{}1{}}}]}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let mut docs: Vec<Vec<u8>> = [
        format!(r#"{{"schema":"bridges/1","projects":[{rec},{rec2}]}}"#),
        format!(r#"{{"projects":[{rec},{rec2}],"schema":"bridges/1","meta":{{"title":"M"}}}}"#),
        format!(" \r\n\t{{ \"schema\" : \"bridges/1\" , \"projects\" : [ {rec} ,\n {rec2} ] }} \n"),
        format!(r#"{{"schema":"bridges/1","proj\u0065cts":[{rec}]}}"#),
        format!(r#"{{"schema":"bridges/1","projects":[{rec}],"projects":[{rec2}]}}"#),
        format!(r#"{{"schema":"bridges/1","projects":[{rec}],"proj\u0065cts":[]}}"#),
        format!(r#"{{"schema":"bridges/1","projects":[{rec}],"\u00":[]}}"#),
        r#"{"schema":"bridges/1","projects":{}}"#.into(),
        r#"{"schema":"bridges/1","projects":null}"#.into(),
        r#"{"schema":"bridges/1"}"#.into(),
        r#"{}"#.into(),
        r#"{"schema":"bridges/3","projects":[]}"#.into(),
        r#"{"schema":"bridges/3","projects":[1,2,]}"#.into(),
        r#"{"projects":[],"schema":"bridges/3"}"#.into(),
        r#"{"schema":"bridges/1","projects":[]}"#.into(),
        r#"{"schema":"bridges/1","projects":[ ]}"#.into(),
        r#"{"schema":"bridges/1","projects":[,]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1,]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1 2]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1,,2]}"#.into(),
        r#"{"schema":"bridges/1","projects":[]],}"#.into(),
        r#"{"schema":"bridges/1","projects":[],}"#.into(),
        r#"{"schema":"bridges/1","projects":[]}}"#.into(),
        r#"{"schema":"bridges/1","projects":[]} x"#.into(),
        r#"{"schema":"bridges/1","projects":[] "meta":{}}"#.into(),
        r#"{"schema":"bridges/1" "projects":[]}"#.into(),
        r#"{"schema":"bridges/1","projects"[]}"#.into(),
        r#"{"schema":"bridges/1",projects:[]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1,"x",null,true,false,-0.5e3,[],{},"\u00e9"]}"#.into(),
        r#"{"schema":"bridges/1","projects":[tru]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1e400]}"#.into(),
        r#"{"schema":"bridges/1","projects":[-]}"#.into(),
        r#"{"schema":"bridges/1","projects":[01]}"#.into(),
        r#"{"schema":"bridges/1","projects":[1x]}"#.into(),
        r#"{"schema":"bridges/1","projects":[{"id":"a","title":"t"}}]}"#.into(),
        r#"{"schema":"bridges/1","projects":[{"id":"a","title":"t"]]}"#.into(),
        r#"{"schema":"bridges/1","projects":[{"id":"a","title":"t\x"}]}"#.into(),
        "{\"schema\":\"bridges/1\",\"projects\":[{\"id\":\"a\",\"title\":\"t\u{1}\"}]}".into(),
        r#"{"schema":"bridges/1","meta":{"a":[}],"projects":[]}"#.into(),
        r#"{"schema":"bridges/1","meta":"x","projects":[{"id":1,"title":"t"}]}"#.into(),
        "\u{feff}{\"schema\":\"bridges/1\",\"projects\":[]}".into(),
        "\u{feff}\u{feff}{\"schema\":\"bridges/1\",\"projects\":[]}".into(),
        "\u{a0}".into(),
        "".into(),
        "   ".into(),
        "[]".into(),
        "null".into(),
        "\"projects\"".into(),
        deep(90),
        deep(97),
        deep(98),
        deep(123),
        deep(124),
        deep(125),
        deep(126),
        deep(200),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    // Invalid UTF-8 inside a string, outside strings, and cut in the middle of a sequence.
    docs.push(
        b"{\"schema\":\"bridges/1\",\"projects\":[{\"id\":\"a\",\"title\":\"t\xff\xfe\"}]}"
            .to_vec(),
    );
    docs.push(b"{\"schema\":\"bridges/1\",\"projects\":[\xff]}".to_vec());
    docs.push(
        b"{\"schema\":\"bridges/1\",\"projects\":[{\"id\":\"a\",\"title\":\"\xe6\x97\"}]}".to_vec(),
    );
    docs.push(b"{\"schema\":\"bridges/1\",\"\xff\":1,\"projects\":[]}".to_vec());
    docs.push(b"\xef\xbb{}".to_vec());
    for (i, doc) in docs.iter().enumerate() {
        same(&r, &format!("edge-{i}.json"), doc, &[1, 2, 100]);
    }
    // Valid documents are read incrementally, whatever their layout.
    for i in [0, 1, 2, 3, 14, 15, 28, 39, 40, 48, 49] {
        let (result, whole) = incremental(&r, "x.json", &docs[i], 1);
        assert!(result.is_ok() && !whole, "edge-{i}");
    }
}

/// A small file cut at every byte, and with every byte deleted or replaced by JSON punctuation.
#[test]
fn every_truncation_and_corruption_of_a_small_file_equals_one_shot() {
    let r = reference();
    let doc = json!({
        "schema": "bridges/1",
        "meta": {"title": "T [x]", "price_base": "constant 2021"},
        "projects": [
            {"id": "a", "title": "A \"q\" {", "recipients": ["AGO", "KEN"], "amount": {"value": 5, "currency": "USD", "price_base": "constant 2021"}},
            7,
            {"id": "b", "title": "B", "sdgs": [1, 99], "years": {"commitment": 2004.0}},
            {"id": "a", "title": "dup"}
        ],
        "z": [{"k": "]"}]
    })
    .to_string()
    .into_bytes();
    assert!(!incremental(&r, "doc.json", &doc, 1).1);
    for cut in 0..=doc.len() {
        same(&r, "cut.json", &doc[..cut], &[1, 3]);
    }
    for i in 0..doc.len() {
        let mut deleted = doc.clone();
        deleted.remove(i);
        same(&r, "deleted.json", &deleted, &[1]);
        for c in [
            b'{', b'}', b'[', b']', b',', b':', b'"', b'\\', b' ', b'x', b'1', 0xff,
        ] {
            let mut changed = doc.clone();
            changed[i] = c;
            same(&r, "changed.json", &changed, &[2]);
        }
    }
}

/// A small file with what the tolerant JSON reader repairs (numbers beyond f64, lone surrogates,
/// nesting too deep, whole numbers written as 2e0), cut at every byte and with every byte deleted or
/// replaced: both readers agree, on the repairs of a valid file and on the error of a broken one.
#[test]
fn every_truncation_and_corruption_of_a_file_with_repairs_equals_one_shot() {
    let r = reference();
    let deep = format!("{}1{}", "[".repeat(130), "]".repeat(130));
    let doc = format!(
        "{{\"schema\": \"bridges/1\", \"meta\": {{\"title\": \"M\\ud800\", \"n\": 1e999}},\n\"projects\": [\n\
         {{\"id\": 2e0, \"title\": \"T\\udc00\", \"amount\": {{\"value\": 1e309, \"currency\": \"USD\", \"price_base\": \"current\"}}, \"x\": {deep}}},\n\
         {{\"id\": \"b\", \"title\": \"B\", \"sdgs\": [1.0, 999999999999999.9], \"years\": {{\"start\": 2.004e3}}}},\n\
         1e400],\n\"z\": [{deep}]}}"
    )
    .into_bytes();
    let (result, whole) = incremental(&r, "doc.json", &doc, 1);
    assert!(!whole);
    let loaded = result.unwrap();
    assert_eq!(loaded.dataset.projects.len(), 2);
    assert_eq!(loaded.dataset.projects[0].id, "2");
    same(&r, "doc.json", &doc, &[1, 2, 100]);
    for cut in 0..=doc.len() {
        same(&r, "cut.json", &doc[..cut], &[1, 2]);
    }
    for i in 0..doc.len() {
        let mut deleted = doc.clone();
        deleted.remove(i);
        same(&r, "deleted.json", &deleted, &[1]);
        for c in [b'{', b']', b',', b'"', b'\\', b'e', b'9', b'\n', 0xff] {
            let mut changed = doc.clone();
            changed[i] = c;
            same(&r, "changed.json", &changed, &[2]);
        }
    }
}

/// The same, pretty-printed over many lines with multi-byte text and a number serde_json refuses after
/// the list: a broken file's error (found on a copy with the records read blanked out) has the same
/// line and column as the one-shot reader's.
#[test]
fn every_truncation_and_corruption_of_a_pretty_file_equals_one_shot() {
    let r = reference();
    let pretty = serde_json::to_string_pretty(&json!({
        "schema": "bridges/1",
        "projects": [
            {"id": "a", "title": "小水电 é", "recipients": ["AGO"]},
            {"id": "b", "title": "B\nline", "locations": [{"lon": 1.5, "lat": 2.5}]},
            {"id": "c", "title": "缅甸"}
        ],
        "meta": {"title": "M"}
    }))
    .unwrap();
    let big_number = pretty.replacen("\"M\"", "\"M\", \"n\": 1e999", 1);
    for doc in [pretty.into_bytes(), big_number.into_bytes()] {
        for cut in 0..=doc.len() {
            same(&r, "cut.json", &doc[..cut], &[1, 2]);
        }
        for i in 0..doc.len() {
            let mut deleted = doc.clone();
            deleted.remove(i);
            same(&r, "deleted.json", &deleted, &[1]);
            for c in [b'{', b']', b',', b'"', b'\n', 0xff] {
                let mut changed = doc.clone();
                changed[i] = c;
                same(&r, "changed.json", &changed, &[1]);
            }
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z\"\\\\\\[\\]{},: é\u{0}]{0,8}".prop_map(Value::from),
        prop_oneof![
            Just("AGO"),
            Just("completed"),
            Just("USD"),
            Just("projects")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("title".to_string()),
                    Just("amount".to_string()),
                    Just("value".to_string()),
                    Just("recipients".to_string()),
                    Just("projects".to_string()),
                    "[a-z\"\\]]{0,4}"
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A record that usually validates, sometimes not.
fn arb_record() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => ("[a-c]{1,2}", "[A-Za-z \"\\\\]{0,6}", prop::option::of(arb_json())).prop_map(|(id, title, extra)| {
            json!({"id": id, "title": title, "recipients": ["AGO"], "extra": extra})
        }),
        1 => arb_json(),
    ]
}

/// A document: top-level members in any order, optional meta and extra fields, any whitespace.
fn arb_document() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(arb_record(), 0..6),
        prop::option::of(arb_json()),
        prop::option::of(arb_json()),
        0usize..6,
        any::<bool>(),
        prop_oneof![Just(""), Just(" "), Just("\n  "), Just("\t\r\n")],
    )
        .prop_map(|(records, meta, extra, order, pretty, ws)| {
            let list = if pretty {
                serde_json::to_string_pretty(&records).unwrap()
            } else {
                serde_json::to_string(&records).unwrap()
            };
            let mut members = vec![
                format!("\"schema\":{ws}\"bridges/1\""),
                format!("\"projects\"{ws}:{ws}{list}"),
            ];
            if let Some(m) = meta {
                members.push(format!("\"meta\":{m}"));
            }
            if let Some(x) = extra {
                members.push(format!("\"x\":{ws}{x}"));
            }
            let n = members.len();
            members.rotate_left(order % n);
            format!("{ws}{{{ws}{}{ws}}}{ws}", members.join(&format!(",{ws}"))).into_bytes()
        })
}

const CASES: u32 = 1500;

/// Random documents, as written and then damaged: the same result as the one-shot reader.
#[test]
fn random_documents_equal_one_shot() {
    let r = reference();
    let byte = prop_oneof![
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b']'),
        Just(b','),
        Just(b'"'),
        Just(b'\\'),
        Just(b'x'),
        Just(0xc3)
    ];
    counted::run(
        file!(),
        "random_documents_equal_one_shot",
        CASES,
        (
            arb_document(),
            0usize..4,
            any::<prop::sample::Index>(),
            byte,
            1usize..4,
        ),
        |(doc, damage, at, byte, batch)| {
            assert!(
                !incremental(&r, "doc.json", &doc, batch).1,
                "{}",
                String::from_utf8_lossy(&doc)
            );
            let mut doc = doc;
            let i = at.index(doc.len().max(1)).min(doc.len());
            match damage {
                1 => doc.truncate(i),
                2 if i < doc.len() => {
                    doc.remove(i);
                }
                3 => doc.insert(i, byte),
                _ => {}
            }
            same(&r, "doc.json", &doc, &[batch]);
            Ok(())
        },
    );
}

/// Any text: the same result as the one-shot reader (and no panic).
#[test]
fn arbitrary_text_equals_one_shot() {
    let r = reference();
    counted::run(
        file!(),
        "arbitrary_text_equals_one_shot",
        CASES,
        "[{}\\[\\]\",:a-z0-9 \\\\\u{feff}é]{0,60}",
        |s: String| {
            let wrapped = format!("{{\"schema\":\"bridges/1\",\"projects\":[{s}]}}");
            same(&r, "fuzz.json", s.as_bytes(), &[1]);
            same(&r, "fuzz.json", wrapped.as_bytes(), &[1]);
            Ok(())
        },
    );
}
