//! Fixture tests: the real reference tables, broken datasets, and the default dataset itself.

use std::path::PathBuf;

use bridges_core::issue::{Consequence, LoadError};
use bridges_core::reference::parse_reference;
use bridges_core::write::dataset_to_string;
use bridges_core::{parse_dataset, ReferenceIndex, Summary};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn reference() -> ReferenceIndex {
    parse_reference("data/reference.json", &read("public/data/reference.json"))
        .expect("reference parses")
}

#[test]
fn broken_records_are_located_and_valid_ones_kept() {
    let r = reference();
    let loaded = parse_dataset(
        "broken.json",
        &read("tests/fixtures/broken-records.json"),
        &r,
    )
    .expect("file is readable");
    let ids: Vec<&str> = loaded
        .dataset
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "ok-1",
            "bad-country",
            "negative",
            "far-future",
            "script",
            "backwards",
            "17"
        ]
    );

    let find = |record: usize, field: &str| {
        loaded
            .issues
            .iter()
            .find(|i| i.record == Some(record) && i.field.as_deref() == Some(field))
            .unwrap_or_else(|| {
                panic!(
                    "no issue for record {record} field {field}: {:#?}",
                    loaded.issues
                )
            })
    };
    assert_eq!(find(1, "id").consequence, Consequence::RecordSkipped);
    assert_eq!(find(2, "title").consequence, Consequence::RecordSkipped);
    assert_eq!(find(2, "title").id.as_deref(), Some("no-title"));
    let dup = find(3, "id");
    assert_eq!(dup.consequence, Consequence::RecordSkipped);
    assert!(dup.expected.to_string().contains("unique"));
    let bad_country = find(4, "recipients[0]");
    assert_eq!(bad_country.consequence, Consequence::ValueIgnored);
    assert_eq!(bad_country.found.as_deref(), Some("\"XXX\""));
    assert_eq!(find(5, "amount.value").found.as_deref(), Some("-5"));
    assert_eq!(find(6, "years.commitment").found.as_deref(), Some("99999"));
    assert!(loaded.issues.iter().any(|i| i.record == Some(7)
        && i.field.is_none()
        && i.consequence == Consequence::RecordSkipped));
    assert_eq!(
        find(8, "sources[0].url").found.as_deref(),
        Some("\"javascript:alert(1)\"")
    );
    assert_eq!(find(9, "years.completion").consequence, Consequence::Kept);
    assert_eq!(find(9, "status").found.as_deref(), Some("\"finished\""));
    assert_eq!(loaded.issues.len(), 10, "{:#?}", loaded.issues);
    assert_eq!(loaded.skipped(), 4);

    let p = |id: &str| loaded.dataset.projects.iter().find(|p| p.id == id).unwrap();
    assert_eq!(p("bad-country").recipients, ["ZMB"]);
    assert!(
        p("negative").amount.is_none(),
        "a bad amount is unknown, not zero"
    );
    assert_eq!(p("far-future").years.commitment, None);
    assert_eq!(
        p("script").title,
        "<script>window.__pwned = true</script>",
        "text is kept verbatim; the UI renders it as text"
    );
    assert_eq!(p("script").sources.len(), 1);

    // The headline never mixes price bases and never counts unknown as zero.
    let s = Summary::of_dataset(&loaded.dataset);
    assert_eq!(s.projects, 7);
    let a = s.amount.unwrap();
    assert_eq!(
        (a.total, a.projects, a.price_base.as_str()),
        (1_250_000.0, 2, "constant 2021")
    );
    assert_eq!(s.amount_other_groups, 1);
    assert_eq!(s.amount_unknown, 4);
}

#[test]
fn unreadable_files_are_load_errors() {
    let r = reference();
    match parse_dataset("truncated.json", &read("tests/fixtures/truncated.json"), &r) {
        Err(LoadError::NotJson {
            line: 1, column, ..
        }) => assert!(column > 40),
        other => panic!("{other:?}"),
    }
    match parse_dataset("wrong.json", &read("tests/fixtures/wrong-schema.json"), &r) {
        Err(e @ LoadError::Schema { .. }) => assert!(e.to_string().contains("bridges/1")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        parse_dataset("e.json", "", &r),
        Err(LoadError::Shape { .. })
    ));
    assert!(matches!(
        parse_dataset("a.json", "[1,2]", &r),
        Err(LoadError::Shape { .. })
    ));
    assert!(matches!(
        parse_dataset("p.json", r#"{"schema":"bridges/1","projects":{}}"#, &r),
        Err(LoadError::Shape { .. })
    ));
    // A byte-order mark is not an error.
    assert!(parse_dataset(
        "bom.json",
        "\u{feff}{\"schema\":\"bridges/1\",\"projects\":[]}",
        &r
    )
    .is_ok());
}

#[test]
fn default_dataset_loads_cleanly_and_round_trips() {
    let r = reference();
    let text = read("public/data/projects.json");
    let loaded = parse_dataset("data/projects.json", &text, &r).expect("default data parses");
    // AidData's own data has five records whose completion year is before the start year: they are
    // kept as the source has them and reported, not silently fixed.
    assert_eq!(loaded.issues.len(), 5, "{:?}", loaded.issues);
    assert!(loaded
        .issues
        .iter()
        .all(|i| i.field.as_deref() == Some("years.completion")
            && i.consequence == Consequence::Kept));
    let d = &loaded.dataset;
    assert_eq!(d.projects.len(), 9404);
    assert_eq!(
        d.projects.iter().filter(|p| p.amount.is_none()).count(),
        3781,
        "unknown amounts stay unknown"
    );
    assert_eq!(
        d.projects
            .iter()
            .filter(|p| p.recipients.is_empty())
            .count(),
        19,
        "regional rows"
    );
    let s = Summary::of_dataset(d);
    assert_eq!(s.years, Some((2000, 2021)));
    assert_eq!(
        s.countries, 144,
        "145 ISO-3 values in the source, one of them blank"
    );
    // Writing the parsed dataset back gives the same bytes: the writer and the reader agree.
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    let header = raw["generated_by"].as_str().unwrap();
    assert_eq!(dataset_to_string(d, header), text);
}

#[test]
fn a_year_left_out_comes_from_the_date_and_a_given_year_wins() {
    let r = reference();
    let text = r#"{"schema":"bridges/1","meta":{"title":"t"},"projects":[
      {"id":"a","title":"dates only","recipients":["AGO"],"providers":["CHN"],"amount":null,
       "dates":{"commitment":"2004-05-06","start":"2005-01-01","completion":"2003-12-31"}},
      {"id":"b","title":"year and date differ","recipients":["AGO"],"providers":["CHN"],"amount":null,
       "years":{"commitment":2001},"dates":{"commitment":"2004-05-06"}},
      {"id":"c","title":"bad year, good date","recipients":["AGO"],"providers":["CHN"],"amount":null,
       "years":{"commitment":"soon"},"dates":{"commitment":"2004-05-06"}},
      {"id":"d","title":"implausible date","recipients":["AGO"],"providers":["CHN"],"amount":null,
       "dates":{"commitment":"1850-01-01"}}
    ]}"#;
    let loaded = parse_dataset("years.json", text, &r).expect("readable");
    let y: Vec<_> = loaded.dataset.projects.iter().map(|p| p.years).collect();
    assert_eq!(
        (y[0].commitment, y[0].start, y[0].completion),
        (Some(2004), Some(2005), Some(2003))
    );
    assert_eq!(y[1].commitment, Some(2001), "a given year is kept");
    assert_eq!(y[2].commitment, None, "a wrong year stays unknown");
    assert_eq!(y[3].commitment, None, "1850 is outside 1900–2100");
    let fields: Vec<(&str, &str)> = loaded
        .issues
        .iter()
        .map(|i| {
            (
                i.id.as_deref().unwrap_or(""),
                i.field.as_deref().unwrap_or(""),
            )
        })
        .collect();
    // The derived years are checked like given ones: completion before start is reported.
    assert_eq!(
        fields,
        [("a", "years.completion"), ("c", "years.commitment")]
    );
    // Written back, a year the date gives is left out and one that differs is kept.
    let written = dataset_to_string(&loaded.dataset, "h");
    assert!(
        written.contains(r#""years":{"commitment":2001}"#),
        "{written}"
    );
    assert_eq!(written.matches(r#""years""#).count(), 1, "{written}");
    let again = parse_dataset("again.json", &written, &r).expect("readable");
    let y2: Vec<_> = again.dataset.projects.iter().map(|p| p.years).collect();
    assert_eq!((y2[0], y2[1], y2[3]), (y[0], y[1], y[3]));
    // The wrong value is not written back, so on a second reading the date gives that year.
    assert_eq!(y2[2].commitment, Some(2004));
}

/// The unit every sum is written in comes from the data (issue #14): the euro fixture's is current EUR,
/// the built-in data's constant 2021 USD, and a file without amounts states none — it is never a
/// currency chosen by hand.
#[test]
fn the_unit_of_sums_comes_from_the_data() {
    use bridges_core::i18n::Lang;
    use bridges_core::money::Unit;
    let r = reference();
    let unit_of = |rel: &str| {
        let l = parse_dataset(rel, &read(rel), &r).expect("loads");
        Summary::of_dataset(&l.dataset).unit()
    };
    assert_eq!(
        unit_of("tests/fixtures/eur.json"),
        Unit::new("EUR", "current")
    );
    assert_eq!(
        unit_of("public/data/projects.json"),
        Unit::new("USD", "constant 2021")
    );
    let none = unit_of("tests/fixtures/no-amounts.json");
    assert_eq!(none, Unit::unstated());
    for lang in [Lang::En, Lang::Zh] {
        let written = format!("{} {}", none.amount(lang, 3.5e8), none.name(lang));
        for sign in ["$", "USD", "美元", "EUR"] {
            assert!(!written.contains(sign), "{lang:?}: {written}");
        }
    }
}

/// A problem does not carry its own copy of the file's name or `?data=` URL (issue #14: problems × a
/// long URL reached gigabytes): every problem of a file shares one, with both readers.
#[test]
fn problems_share_one_copy_of_their_source() {
    use bridges_core::incremental::DatasetReader;
    use std::sync::Arc;
    let r = reference();
    let url = format!("https://example.org/data.json?{}", "x".repeat(10_000));
    let text = read("tests/fixtures/broken-records.json");
    let whole = parse_dataset(&url, &text, &r).expect("file is readable");
    let mut reader = DatasetReader::new(&url, text.as_bytes(), &r);
    while !reader.step(1) {}
    let sliced = reader.finish().expect("file is readable");
    for l in [whole, sliced] {
        assert!(l.issues.len() >= 5, "{}", l.issues.len());
        let first = &l.issues[0].source;
        assert_eq!(&**first, url.as_str());
        assert!(l.issues.iter().all(|i| Arc::ptr_eq(&i.source, first)));
    }
}

/// The headline totals the currency most projects use (not the first in alphabetical order) and
/// counts the others apart; a story's narration writes its sums in that unit, in both languages.
#[test]
fn the_headline_and_narration_use_the_currency_most_projects_use() {
    use bridges_core::columns::Columns;
    use bridges_core::crossfilter::Engine;
    use bridges_core::i18n::Lang;
    use bridges_core::money::Unit;
    use bridges_core::state::Filters;
    use bridges_core::story::{facts, narrate};
    let r = reference();
    let rec = |id: &str, value: u64, currency: &str| {
        format!(
            r#"{{"id": "{id}", "title": "T {id}", "recipients": ["KEN"], "amount": {{"value": {value}, "currency": "{currency}", "price_base": "current"}}}}"#
        )
    };
    let text = format!(
        r#"{{"schema": "bridges/1", "meta": {{"title": "mixed"}}, "projects": [{}, {}, {}]}}"#,
        rec("a", 9_000_000_000, "AUD"),
        rec("b", 1_200_000_000, "EUR"),
        rec("c", 300_000_000, "EUR"),
    );
    let l = parse_dataset("mixed.json", &text, &r).expect("loads");
    let s = Summary::of_dataset(&l.dataset);
    assert_eq!(s.unit(), Unit::new("EUR", "current"));
    assert_eq!(s.amount.as_ref().map(|a| a.total), Some(1.5e9));
    assert_eq!(s.amount_other_groups, 1);
    let unit = s.unit();
    let mut engine = Engine::new(Columns::build(
        &l.dataset,
        &r,
        &unit.currency,
        &unit.price_base,
    ));
    let f = facts(&mut engine, &Filters::default(), &unit.currency);
    assert_eq!(narrate("{amount}", &f, Lang::En), "EUR 1.5 billion");
    assert_eq!(narrate("{amount}", &f, Lang::Zh), "15亿欧元");
    // The same when the file declares the price base both currencies use.
    let declared = text.replace(
        r#""title": "mixed""#,
        r#""title": "mixed", "price_base": "current""#,
    );
    let l = parse_dataset("mixed.json", &declared, &r).expect("loads");
    assert_eq!(l.dataset.meta.price_base.as_deref(), Some("current"));
    assert_eq!(
        Summary::of_dataset(&l.dataset).unit(),
        Unit::new("EUR", "current")
    );
}

/// The AIMS file is `bridges/2`: its Southern multilaterals are declared actors that records name as
/// providers; it loads without a problem, and writing it out and reading it again gives the same dataset.
#[test]
fn the_aims_file_declares_its_multilaterals_and_round_trips() {
    let r = reference();
    let text = read("public/data/aims.json");
    let loaded = parse_dataset("data/aims.json", &text, &r).expect("aims.json loads");
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    let d = &loaded.dataset;
    let ids: Vec<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["BADEA", "ISDB", "OFID"]);
    assert!(d.actors.iter().all(|a| a.southern && a.name_zh.is_some()));
    let isdb = d
        .projects
        .iter()
        .filter(|p| p.providers.iter().any(|x| x == "ISDB"))
        .count();
    assert_eq!(isdb, 51, "as counted from the source (xtask/tests/aims.rs)");
    let written = dataset_to_string(d, "h");
    assert!(written.contains("\"schema\":\"bridges/2\""));
    let again = parse_dataset("again.json", &written, &r).expect("reads again");
    assert!(again.issues.is_empty(), "{:#?}", again.issues);
    assert_eq!(again.dataset.actors, d.actors);
    assert_eq!(again.dataset.projects, d.projects);
}

/// Partners that are actors (`{"actor": …}`) and the `bridges/2` roles are written back as they were read.
#[test]
fn partner_actors_and_their_roles_round_trip() {
    let r = reference();
    let text = r#"{"schema": "bridges/2", "meta": {"title": "t"},
      "projects": [{"id": "1", "title": "A triangular project", "recipients": ["MOZ"], "providers": ["BRA"],
        "partners": [{"actor": "JICA-X", "role": "co_financier"}, {"country": "JPN", "role": "implementing"}]}],
      "actors": [{"id": "JICA-X", "name_en": "An agency", "kind": "agency", "country": "JPN", "southern": false}]}"#;
    let loaded = parse_dataset("t.json", text, &r).expect("loads");
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
    let written = dataset_to_string(&loaded.dataset, "h");
    assert!(
        written.contains(r#"{"actor":"JICA-X","role":"co_financier"}"#),
        "{written}"
    );
    assert!(
        written.contains(r#"{"country":"JPN","role":"implementing"}"#),
        "{written}"
    );
    let again = parse_dataset("again.json", &written, &r).expect("reads again");
    assert_eq!(again.dataset, loaded.dataset);
}
