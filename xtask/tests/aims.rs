//! The AIMS dataset (public/data/aims.json) as Bridges reads it, against counts computed from the
//! source CSVs in data/raw/aiddata-aims (not from the generated file).

use std::collections::{BTreeMap, BTreeSet};
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
    assert_eq!(l.dataset.projects.len(), 437);
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
    assert_eq!(c.projects, 437);
    assert_eq!(
        c.per_provider,
        map(&[
            ("ARE", 3),
            ("ARG", 4),
            ("AZE", 2),
            ("BADEA", 38),
            ("BOL", 1),
            ("BRA", 29),
            ("CHL", 4),
            ("CHN", 166),
            ("CRI", 1),
            ("ECU", 1),
            ("EGY", 2),
            ("GTM", 1),
            ("HND", 1),
            ("IDN", 1),
            ("IND", 55),
            ("ISDB", 51),
            ("KWT", 18),
            ("MAR", 1),
            ("MDG", 1),
            ("MEX", 10),
            ("NGA", 1),
            ("OFID", 34),
            ("SAU", 19),
            ("SGP", 1),
            ("THA", 4),
            ("TUR", 6),
            ("URY", 5),
            ("ZAF", 12),
        ])
    );
    assert_eq!(
        c.per_recipient,
        map(&[
            ("BDI", 14),
            ("BGD", 25),
            ("COD", 90),
            ("COL", 55),
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
    assert_eq!(
        c.per_sector,
        map(&[
            ("110", 22),
            ("120", 48),
            ("140", 16),
            ("150", 82),
            ("160", 17),
            ("210", 48),
            ("220", 11),
            ("230", 33),
            ("250", 6),
            ("310", 50),
            ("320", 15),
            ("330", 2),
            ("410", 6),
            ("430", 15),
            ("510", 11),
            ("600", 2),
            ("720", 10),
            ("730", 1),
            ("998", 36),
            ("unknown", 6),
        ])
    );
    assert_eq!(
        c.per_price_base,
        map(&[("constant 2011", 273), ("current", 42)])
    );
    // Co-financing countries (21 projects): the donors listed beside a Southern provider.
    assert_eq!(
        c.per_co_financier,
        map(&[
            ("AUS", 4),
            ("AUT", 1),
            ("BEL", 8),
            ("CAN", 4),
            ("CHE", 7),
            ("DEU", 6),
            ("DNK", 2),
            ("ESP", 2),
            ("FIN", 3),
            ("FRA", 3),
            ("GBR", 9),
            ("GRC", 2),
            ("IRL", 1),
            ("ITA", 5),
            ("JPN", 6),
            ("KOR", 1),
            ("LUX", 2),
            ("NLD", 4),
            ("NOR", 9),
            ("RUS", 1),
            ("SVN", 1),
            ("SWE", 6),
            ("USA", 5),
        ])
    );
}

/// The reference derivation (build_ssc_subset.py → ssc_projects.csv): every project of it is here with
/// the same Southern providers, except that Bridges also names Nigeria in one Uganda project; Bridges
/// adds 13 Colombia projects whose donor is a Southern country the reference's list lacks.
#[test]
fn differs_from_the_reference_derivation_only_where_documented() {
    let l = loaded();
    let path = root().join("data/raw/aiddata-aims/ssc_projects.csv");
    let mut text = csv::Reader::from_path(path).expect("ssc_projects.csv");
    let headers = text.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (rel, pid, codes) = (
        col("release"),
        col("project_id"),
        col("southern_provider_codes"),
    );
    let mut reference_ids = BTreeSet::new();
    for row in text.records() {
        let row = row.expect("row");
        let r = aims::release(&row[rel]).expect("release");
        let id = format!("{}-{}", r.recipient, &row[pid]);
        let p = l.dataset.projects.iter().find(|p| p.id == id);
        let p = p.unwrap_or_else(|| panic!("{id} missing"));
        // Countries and (bridges/2 actors) the Southern multilaterals.
        let mut ours: Vec<String> = p.providers.clone();
        if id == "UGA-8729922664" {
            ours.retain(|c| c != "NGA");
        }
        ours.sort();
        let theirs: Vec<&str> = row[codes].split('|').collect();
        assert_eq!(ours, theirs, "{id}");
        reference_ids.insert(id);
    }
    let added: Vec<&str> = l
        .dataset
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !reference_ids.contains(*id))
        .collect();
    let expected: Vec<String> = [
        578, 584, 585, 586, 607, 608, 609, 610, 621, 622, 623, 624, 625,
    ]
    .iter()
    .map(|n| format!("COL-COL{n}"))
    .collect();
    assert_eq!(added, expected);
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

#[test]
fn aims_json_stays_compact_and_outside_the_default_data_budget() {
    let text = read("public/data/aims.json");
    let brotli = xtask::size::brotli_len(text.as_bytes());
    assert!(brotli < 40 * 1024, "aims.json is {brotli} bytes brotli");
    assert_eq!(aims::ON_DEMAND, ["aims.json"]);
    assert!(read("public/data/catalog.json").contains("\"file\": \"data/aims.json\""));
}
