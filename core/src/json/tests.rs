use super::*;

fn keys(path: &[Seg]) -> String {
    path_text(path)
}

fn fixes(text: &str, depth: usize) -> (Value, Vec<(String, Fix)>) {
    let p = parse(text, depth).unwrap();
    let fixes = p
        .repairs
        .into_iter()
        .map(|r| (keys(&r.path), r.fix))
        .collect();
    (p.value, fixes)
}

#[test]
fn ordinary_json_needs_no_care() {
    assert!(!needs_care(
        br#"{"a":[1,2.5,-3,"x\u00e9\n"],"b":{"c":null,"t":true}}"#,
        0
    ));
    assert!(!needs_care(b"[2004.0, 12.345678901234]", 0));
    assert!(needs_care(b"[1e2]", 0));
    assert!(needs_care(b"[1234567890123456]", 0));
    assert!(needs_care(br#"["\ud800"]"#, 0));
    assert!(needs_care(br#"["\uD834\uDD1E"]"#, 0));
    assert!(!needs_care(br#"["1e309 \\ud800"]"#, 0), "inside strings");
    assert!(needs_care("[".repeat(127).as_bytes(), 1));
    assert!(!needs_care("[".repeat(127).as_bytes(), 0));
}

#[test]
fn numbers_beyond_f64_become_null() {
    let big = "9".repeat(400);
    let text = format!(r#"{{"a":1e309,"b":[-1e309, {big}],"c":1.7976931348623157e308}}"#);
    let (v, f) = fixes(&text, 0);
    assert_eq!(v["a"], Value::Null);
    assert_eq!(v["b"], serde_json::json!([null, null]));
    assert_eq!(v["c"].as_f64(), Some(f64::MAX));
    assert_eq!(f[0], ("a".into(), Fix::OutOfRange("1e309".into())));
    assert_eq!(f[1], ("b[0]".into(), Fix::OutOfRange("-1e309".into())));
    assert_eq!(f[2], ("b[1]".into(), Fix::OutOfRange(big)));
    assert_eq!(f[3].0, "c");
    assert!(matches!(f[3].1, Fix::Exact(Some(_))));
}

#[test]
fn lone_surrogates_become_replacement_characters() {
    let (v, f) = fixes(
        r#"{"t":"\ud800","u":"\udc00x","ok":"\ud834\udd1e","k\ud800":"\ud800\u0041","w":["a","\uDBFF\uDBFF"]}"#,
        0,
    );
    assert_eq!(v["t"], "\u{fffd}");
    assert_eq!(v["u"], "\u{fffd}x");
    assert_eq!(v["ok"], "𝄞");
    assert_eq!(v["k\u{fffd}"], "\u{fffd}A");
    assert_eq!(v["w"][1], "\u{fffd}\u{fffd}");
    let paths: Vec<&str> = f.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["t", "u", "k\u{fffd}", "k\u{fffd}", "w[1]"]);
    assert_eq!(f[0].1, Fix::Surrogate("\"\\ud800\"".into()));
}

#[test]
fn values_nested_too_deep_are_dropped_at_the_records_field() {
    for n in [125, 126, 200, 10_000] {
        // document → projects → record → field "x" → n lists.
        let text = format!(
            r#"{{"projects":[{{"id":1,"x":{{"y":{}1{}}},"z":1e999}}],"after":"\ud800"}}"#,
            "[".repeat(n),
            "]".repeat(n)
        );
        let (v, f) = fixes(&text, 0);
        let record = &v["projects"][0];
        assert_eq!(record["id"], 1);
        if n + 4 > MAX_NESTING {
            assert_eq!(record["x"], Value::Null, "{n}");
            assert_eq!(f[0], ("projects[0].x".into(), Fix::TooDeep));
        } else {
            assert!(record["x"]["y"].is_array());
        }
        assert_eq!(f.last().unwrap().0, "after");
        // The same record on its own, two containers deep, gives the same record and paths.
        let start = text.find("{\"id\"").unwrap();
        let end = text.find("],\"after\"").unwrap();
        let (alone, g) = fixes(&text[start..end], 2);
        assert_eq!(&alone, record);
        assert_eq!(g.len() + 1, f.len());
        assert_eq!(g[0].0, if n + 4 > MAX_NESTING { "x" } else { "z" });
    }
}

#[test]
fn a_repair_inside_a_dropped_value_goes_with_it() {
    let text = format!(
        r#"[[[{{"a":1e999,"b":{}{}}}]]]"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let (v, f) = fixes(&text, 0);
    assert_eq!(v, serde_json::json!([[[null]]]));
    assert_eq!(f, [("[0][0][0]".into(), Fix::TooDeep)]);
}

#[test]
fn errors_keep_their_place() {
    for text in [
        "{\"a\":1e309,\n \"b\":[1,}",
        "{\"a\":\"\\ud800\",\n \"b\":tru}",
        "[1e309 2]",
        "{\"a\":\"\\ud800\"",
    ] {
        let original = serde_json::from_str::<Value>(
            &text.replace("1e309", "0    ").replace("\\ud800", "\\ufffd"),
        )
        .unwrap_err();
        let ours = parse(text, 0).unwrap_err();
        assert_eq!(
            (ours.line(), ours.column()),
            (original.line(), original.column()),
            "{text}"
        );
    }
    // Unterminated deep nesting stays an error (serde_json's recursion limit), never a crash.
    assert!(parse(&"[".repeat(100_000), 0).is_err());
    assert!(parse(&format!("{}1{}x", "[".repeat(300), "]".repeat(300)), 0).is_err());
}

#[test]
fn exact_integers_from_number_text() {
    for (text, want) in [
        ("1.0", Some("1")),
        ("2e0", Some("2")),
        ("1e2", Some("100")),
        ("1.50e1", Some("15")),
        ("-0.0", Some("0")),
        ("2004.000", Some("2004")),
        ("12345678901234567890123", Some("12345678901234567890123")),
        ("1.5", None),
        ("999999999999999.9", None),
        ("2004.0000000000000001", None),
        ("1e-400", None),
        ("5E-1", None),
        ("-7e1", Some("-70")),
    ] {
        assert_eq!(exact_integer(text).as_deref(), want, "{text}");
    }
}
