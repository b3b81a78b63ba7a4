//! Bridges' own CSV export, re-imported with the proposed mapping unchanged, gives the same data.

mod common;

use std::collections::BTreeMap;

use bridges_core::{parse_dataset, Dataset};
use bridges_sheets::{Field, SheetReader};

fn counts(d: &Dataset) -> (usize, f64, BTreeMap<String, usize>) {
    let mut c = BTreeMap::new();
    let mut sum = 0.0;
    for p in &d.projects {
        if let Some(a) = &p.amount {
            sum += a.value;
        }
        let sector = p
            .sector
            .as_ref()
            .map(|s| s.code.to_string())
            .unwrap_or_default();
        *c.entry(format!("sector {sector}")).or_default() += 1;
        for r in &p.recipients {
            *c.entry(format!("recipient {r}")).or_default() += 1;
        }
        *c.entry(format!("regional {:?}", p.regional)).or_default() += 1;
        *c.entry(format!("year {:?}", p.years.commitment))
            .or_default() += 1;
        *c.entry(format!("status {:?}", p.status)).or_default() += 1;
    }
    (d.projects.len(), sum, c)
}

#[test]
fn export_csv_reimports_with_the_proposed_mapping() {
    let env = common::env();
    let text = String::from_utf8(common::bytes("public/data/projects.json")).expect("UTF-8");
    let original = parse_dataset("projects.json", &text, &env.r).expect("built-in data parses");
    let rows: Vec<u32> = (0..original.dataset.projects.len() as u32).collect();
    let csv = bridges_core::export::csv(&original.dataset, &rows, &env.r, "");

    let sheet = SheetReader::open("bridges-export.csv", csv.into_bytes(), &Default::default())
        .expect("opens")
        .finish()
        .expect("reads");
    let proposal = env.propose(&sheet);
    let m = &proposal.mapping;
    assert_eq!(m.field_of("id"), Some(Field::Id));
    assert_eq!(m.field_of("recipients"), Some(Field::Recipients));
    assert_eq!(m.field_of("recipient_names"), None);
    assert_eq!(m.field_of("sector_code"), Some(Field::SectorCode));
    assert_eq!(m.field_of("amount"), Some(Field::Amount));
    assert!(!proposal.ids_from_row_numbers);

    let (out, loaded) = env.import(&sheet, m);
    assert_eq!(out.projects, original.dataset.projects.len());
    let (n0, sum0, c0) = counts(&original.dataset);
    let (n1, sum1, c1) = counts(&loaded.dataset);
    assert_eq!(n0, n1);
    assert!((sum0 - sum1).abs() < 1.0, "{sum0} vs {sum1}");
    assert_eq!(c0, c1);
    let unexpected: Vec<_> = out.issues.iter().take(5).collect();
    assert!(out.issues.is_empty(), "{unexpected:#?}");
}
