//! Real releases: AidData's GCDF 3.0 CSV (the source of the built-in data) and the AIMS South–South
//! subset import with the proposed mapping plus the few manual changes docs/spreadsheets.md lists.

mod common;

use std::collections::BTreeMap;

use bridges_core::{parse_dataset, Dataset};
use bridges_sheets::{Field, IssueKind};

/// Counts per sector, recipient, commitment year, status and regional label.
fn counts(d: &Dataset) -> BTreeMap<String, usize> {
    let mut c = BTreeMap::new();
    for p in &d.projects {
        let sector = p.sector.as_ref().map(|s| s.code);
        *c.entry(format!("sector {sector:?}")).or_default() += 1;
        for r in &p.recipients {
            *c.entry(format!("recipient {r}")).or_default() += 1;
        }
        *c.entry(format!("year {:?}", p.years.commitment))
            .or_default() += 1;
        *c.entry(format!("status {:?}", p.status)).or_default() += 1;
        *c.entry(format!("regional {:?}", p.regional)).or_default() += 1;
    }
    c
}

fn sum(d: &Dataset) -> (usize, f64) {
    let a: Vec<f64> = d
        .projects
        .iter()
        .filter_map(|p| p.amount.as_ref().map(|a| a.value))
        .collect();
    (a.len(), a.iter().sum())
}

#[test]
fn gcdf3_csv_imports_with_the_proposal_unchanged() {
    let env = common::env();
    let sheet = common::sheet(
        "gcdf3.csv",
        common::bytes("data/raw/aiddata/gcdf3-projects-with-locations.csv"),
    );
    let p = env.propose(&sheet);
    let m = &p.mapping;
    assert_eq!(m.field_of("AidData.Record.ID"), Some(Field::Id));
    assert_eq!(m.field_of("Recipient.ISO-3"), Some(Field::Recipients));
    assert_eq!(m.field_of("Recipient"), Some(Field::Regional));
    assert_eq!(m.field_of("Sector.Name"), Some(Field::SectorName));
    assert_eq!(m.conventions.currency, "USD");
    assert_eq!(m.conventions.price_base, "constant 2021");
    assert!(p.defaulted.is_empty());
    let (out, loaded) = env.import(&sheet, m);
    // The only issues: a few OSM cells without "https://" (the built-in data drops them too).
    assert!(
        out.issues.len() < 10,
        "{:#?}",
        &out.issues[..out.issues.len().min(5)]
    );
    assert!(out
        .issues
        .iter()
        .all(|i| i.kind == IssueKind::NotALink && i.column.as_deref() == Some("OSM.link")));

    let text = String::from_utf8(common::bytes("public/data/projects.json")).expect("UTF-8");
    let builtin = parse_dataset("projects.json", &text, &env.r).expect("built-in data parses");
    assert_eq!(
        loaded.dataset.projects.len(),
        builtin.dataset.projects.len()
    );
    assert_eq!(counts(&loaded.dataset), counts(&builtin.dataset));
    let ((n0, s0), (n1, s1)) = (sum(&builtin.dataset), sum(&loaded.dataset));
    assert_eq!(n0, n1);
    // The built-in data rounds each amount to whole dollars.
    assert!((s0 - s1).abs() <= n0 as f64 * 0.5, "{s0} vs {s1}");
}

#[test]
fn aims_subset_imports_with_two_manual_changes() {
    let env = common::env();
    let sheet = common::sheet(
        "ssc_projects.csv",
        common::bytes("tests/fixtures/sheets/aims-ssc-projects.csv"),
    );
    let p = env.propose(&sheet);
    let mut m = p.mapping.clone();
    assert_eq!(m.field_of("project_id"), Some(Field::Id));
    assert_eq!(m.field_of("recipients_iso3"), Some(Field::Recipients));
    assert_eq!(m.field_of("ad_sector_codes"), Some(Field::SectorCode));
    assert_eq!(m.field_of("total_commitments"), Some(Field::Amount));
    assert_eq!(
        m.field_of("transactions_start_year"),
        Some(Field::StartYear)
    );
    // The two changes (docs/spreadsheets.md): the first transaction year stands for the commitment
    // year, and the price base AidData states for these releases.
    m.set("transactions_start_year", Some(Field::CommitmentYear));
    m.conventions.price_base = "constant 2011 to 2012, current after (AIMS)".into();
    let (out, loaded) = env.import(&sheet, &m);
    let d = &loaded.dataset;
    assert_eq!(d.projects.len(), 424);
    assert!(d.projects.iter().all(|p| !p.recipients.is_empty()));
    assert!(d.projects.iter().all(|p| p.sector.is_some()));
    assert!(
        d.projects
            .iter()
            .filter(|p| p.years.commitment.is_some())
            .count()
            > 300
    );
    let with_amount = sheet
        .rows
        .iter()
        .filter(|r| !r.cell(17).trim().is_empty())
        .count();
    assert_eq!(sum(d).0, with_amount);
    // Non-country providers (development banks: ISDB, OFID, BADEA) are reported, not guessed.
    assert!(out
        .issues
        .iter()
        .all(|i| matches!(i.kind, IssueKind::UnknownCountry { .. })
            && i.column.as_deref() == Some("southern_provider_codes")));
    assert!(out
        .issues
        .iter()
        .any(|i| i.value.as_deref() == Some("ISDB")));
}
