//! The small partner sheet the browser's end-to-end test imports (tests/fixtures/sheets/partner-projects.csv):
//! what the proposal and the import give, so the e2e test's expectations have a host-side twin.

mod common;

use bridges_sheets::{Field, IssueKind};

#[test]
fn partner_sheet_proposes_and_imports_every_titled_row() {
    let env = common::env();
    let sheet = common::sheet(
        "partner-projects.csv",
        common::bytes("tests/fixtures/sheets/partner-projects.csv"),
    );
    let p = env.propose(&sheet);
    let m = &p.mapping;
    assert_eq!(m.field_of("Project ID"), Some(Field::Id));
    assert_eq!(m.field_of("Title"), Some(Field::Title));
    assert_eq!(m.field_of("Recipient"), Some(Field::Recipients));
    assert_eq!(m.field_of("Sector code"), Some(Field::SectorCode));
    assert_eq!(m.field_of("Year"), Some(Field::CommitmentYear));
    assert_eq!(m.field_of("Amount (USD)"), Some(Field::Amount));
    assert_eq!(m.field_of("Status"), Some(Field::Status));
    assert_eq!(m.conventions.currency, "USD");
    let (out, loaded) = env.import(&sheet, m);
    // Row 7 has no title: skipped. "Keyna" (row 6) is not a country: did you mean Kenya (KEN)?
    assert_eq!(out.projects, 7);
    assert_eq!(loaded.dataset.projects.len(), 7);
    let sum: f64 = loaded
        .dataset
        .projects
        .iter()
        .filter_map(|p| p.amount.as_ref().map(|a| a.value))
        .sum();
    assert_eq!(sum, 18_200_000.0);
    assert!(out
        .issues
        .iter()
        .any(|i| i.row == Some(7) && i.kind == IssueKind::NoTitle));
    assert!(out.issues.iter().any(|i| i.row == Some(6)
        && i.column.as_deref() == Some("Recipient")
        && matches!(&i.kind, IssueKind::UnknownCountry { did_you_mean: Some(s) } if s.contains("KEN"))));
}

/// The import a few rows at a time (as the browser runs it, yielding between slices) gives exactly
/// what one call gives: the same text, projects and issues, with country suggestions carried across.
#[test]
fn an_import_in_slices_equals_one_call() {
    let env = common::env();
    for rel in [
        "tests/fixtures/sheets/partner-projects.csv",
        "tests/fixtures/sheets/aims-ssc-projects.csv",
    ] {
        let sheet = common::sheet("s.csv", common::bytes(rel));
        let m = env.propose(&sheet).mapping;
        let whole =
            bridges_sheets::apply(&sheet, &m, &env.countries, &env.r, "s.csv").expect("maps");
        let mut import = bridges_sheets::Import::new(&sheet, &m).expect("maps");
        let mut steps = 1;
        while !import.step(&sheet, &m, &env.countries, &env.r, 3) {
            assert_eq!(import.rows_done(), 3 * steps, "{rel}");
            steps += 1;
        }
        assert_eq!(steps, sheet.rows.len().div_ceil(3), "{rel}");
        // The text too is written a slice at a time, the same as at once.
        let mut writes = 1;
        while !import.write_step(&sheet, &m, "s.csv", 4) {
            writes += 1;
        }
        assert_eq!(writes, whole.projects.div_ceil(4).max(1), "{rel}");
        let sliced = import.finish(&sheet, &m, "s.csv");
        assert_eq!(sliced.projects, whole.projects, "{rel}");
        assert_eq!(sliced.issues, whole.issues, "{rel}");
        assert_eq!(sliced.json, whole.json, "{rel}");
        assert!(!whole.issues.is_empty(), "{rel}: a fixture with problems");
    }
}
