//! The AIMS dataset (public/data/aims.json) as Bridges reads it, against counts computed from the
//! source CSVs in data/raw/aiddata-aims (not from the generated file).

use std::collections::BTreeMap;
use std::path::PathBuf;

use bridges_core::parse_dataset;
use bridges_core::reference::parse_reference;
use xtask::aims;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn loaded() -> bridges_core::Loaded {
    let reference = parse_reference("data/reference.json", &read("public/data/reference.json"))
        .expect("reference parses");
    parse_dataset("data/aims.json", &read("public/data/aims.json"), &reference)
        .expect("aims.json is readable")
}

#[test]
fn aims_json_loads_without_a_single_issue() {
    let l = loaded();
    assert_eq!(l.skipped(), 0, "{:#?}", l.issues);
    assert!(l.issues.is_empty(), "{:#?}", l.issues);
    assert_eq!(l.dataset.projects.len(), 424);
    assert!(l
        .dataset
        .meta
        .citation
        .as_deref()
        .unwrap()
        .contains("AidData"));
    assert_eq!(l.dataset.meta.licence.as_deref(), Some("ODC-By 1.0"));
    assert!(read("public/data/aims.json").contains("whole-project totals across all listed donors"));
}

#[test]
fn counts_from_the_source_equal_what_aims_json_contains() {
    let from_source = aims::counts_from_source(&root().join("data/raw")).expect("source counts");
    let from_file = aims::counts_of(&loaded().dataset);
    assert_eq!(from_source, from_file);
    let c = from_source;
    let map = |pairs: &[(&str, usize)]| -> BTreeMap<String, usize> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    };
    assert_eq!(c.projects, 424);
    assert_eq!(
        c.per_provider,
        map(&[
            ("ARE", 3),
            ("ARG", 4),
            ("BADEA", 38),
            ("BRA", 29),
            ("CHL", 4),
            ("CHN", 166),
            ("EGY", 2),
            ("IDN", 1),
            ("IND", 55),
            ("ISDB", 51),
            ("KWT", 18),
            ("MAR", 1),
            ("MEX", 10),
            ("NGA", 1),
            ("OFID", 34),
            ("SAU", 19),
            ("SGP", 1),
            ("THA", 4),
            ("TUR", 6),
            ("ZAF", 12),
        ])
    );
    assert_eq!(
        c.per_recipient,
        map(&[
            ("BDI", 14),
            ("BGD", 25),
            ("COD", 90),
            ("COL", 42),
            ("HND", 11),
            ("IRQ", 1),
            ("NPL", 39),
            ("SEN", 66),
            ("SLE", 29),
            ("SOM", 6),
            ("TLS", 32),
            ("UGA", 69),
        ])
    );
    assert_eq!(c.per_sector.values().sum::<usize>(), 424);
    assert_eq!(
        c.per_price_base.values().sum::<usize>() + 109,
        424,
        "109 amounts unknown"
    );
}

#[test]
fn the_committed_file_is_what_the_rules_give() {
    let known = |c: &str| read("public/data/reference.json").contains(&format!("\"iso3\":\"{c}\""));
    let built = aims::build(&root().join("data/raw"), &known).expect("build");
    assert_eq!(aims::to_json(&built.dataset), read("public/data/aims.json"));
    // Never two price bases in one amount; each amount carries its own.
    let l = loaded();
    for p in &l.dataset.projects {
        if let Some(a) = &p.amount {
            assert!(a.price_base == aims::CONSTANT_2011 || a.price_base == aims::CURRENT);
            assert_eq!(a.currency, "USD");
        }
    }
    let mixed = l
        .dataset
        .projects
        .iter()
        .filter(|p| p.description.is_some())
        .count();
    assert!(
        mixed > 0
            && l.dataset
                .projects
                .iter()
                .all(|p| p.description.is_none() || p.amount.is_none())
    );
}
