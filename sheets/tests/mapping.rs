//! Proposals from headers and samples, explicit conventions, and what the import does with each row.

mod common;

use bridges_sheets::convert::{DateOrder, DecimalMark};
use bridges_sheets::countries::CountryForm;
use bridges_sheets::mapping::{MappingError, MAPPING_VERSION};
use bridges_sheets::{Action, Field, IssueKind, Mapping};

fn sheet(csv: &str) -> bridges_sheets::Sheet {
    common::sheet("t.csv", csv.as_bytes().to_vec())
}

#[test]
fn chinese_headers_names_and_units() {
    let env = common::env();
    let s = sheet(
        "项目名称,受援国,金额（万美元）,年份,行业,状态\n\
         医院,肯尼亚、坦桑尼亚,1200,2019,卫生,已完成\n\
         学校,老挝,30,2020,教育,实施中\n",
    );
    let p = env.propose(&s);
    let m = &p.mapping;
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(Field::Title),
            Some(Field::Recipients),
            Some(Field::Amount),
            Some(Field::CommitmentYear),
            Some(Field::SectorName),
            Some(Field::Status)
        ]
    );
    assert_eq!(m.conventions.recipients, CountryForm::Names);
    assert_eq!(
        (m.conventions.currency.as_str(), m.conventions.scale),
        ("USD", 1e4)
    );
    assert!(p.ids_from_row_numbers);
    assert_eq!(p.columns[1].samples[0].reads, "KEN;TZA");
    assert_eq!(p.columns[4].samples[0].reads, "120 Health");
    let (out, loaded) = env.import(&s, m);
    let d = &loaded.dataset.projects;
    assert_eq!(d[0].recipients, ["KEN", "TZA"]);
    assert_eq!(d[0].amount.as_ref().map(|a| a.value), Some(12e6));
    assert_eq!(d[1].id, "3");
    assert_eq!(out.issues[0].kind, IssueKind::RowNumbersAsIds);
}

#[test]
fn english_headers_and_samples() {
    let env = common::env();
    let s = sheet(
        "Project ID,Title,Recipient,Amount (USD),Year,CRS code,Status,Latitude,Longitude\n\
         P1,Road,Kenya,\"1,500,000\",2018,21020,Completed,-1.28,36.82\n\
         P2,Port,Ghana / Togo,250000,2019,210,Implementation,5.6,-0.2\n\
         P3,Dam,Zambia,,2020,230,Pipeline: Pledge,,\n\
         P4,Clinic,Malawi,10,2021,120,Cancelled,,\n\
         P5,Farm,Uganda,20,2022,311,Suspended,,\n\
         P6,Mine,Peru,30,2023,320,Completion,,\n",
    );
    let p = env.propose(&s);
    let m = &p.mapping;
    assert_eq!(m.field_of("Project ID"), Some(Field::Id));
    assert_eq!(m.field_of("CRS code"), Some(Field::SectorCode));
    assert_eq!(m.field_of("Latitude"), Some(Field::Latitude));
    assert_eq!(m.conventions.decimal, DecimalMark::Point);
    assert!(p.columns.iter().all(|c| c.samples.len() <= 5));
    assert_eq!(p.columns[1].samples.len(), 5);
    assert_eq!(p.columns[5].samples[0].reads, "210 Transport and storage");
    let (out, loaded) = env.import(&s, m);
    assert!(out.issues.is_empty(), "{:#?}", out.issues);
    let d = &loaded.dataset.projects;
    assert_eq!(d.len(), 6);
    assert_eq!(d[0].amount.as_ref().map(|a| a.value), Some(1.5e6));
    assert!(
        d[2].amount.is_none(),
        "an empty amount is unknown, never zero"
    );
    assert_eq!(d[1].recipients, ["GHA", "TGO"]);
    assert_eq!(d[0].locations.len(), 1);
}

#[test]
fn unmatched_countries_are_listed_with_did_you_mean() {
    let env = common::env();
    let s = sheet("title,recipient\nA,Keyna\nB,Atlantis\nC,Africa regional\n");
    let (out, loaded) = env.import(&s, &env.propose(&s).mapping);
    let hint = |v: &str| {
        out.issues
            .iter()
            .find(|i| i.value.as_deref() == Some(v))
            .map(|i| i.kind.clone())
    };
    assert_eq!(
        hint("Keyna"),
        Some(IssueKind::UnknownCountry {
            did_you_mean: Some("kenya (KEN)".into())
        })
    );
    assert_eq!(
        hint("Atlantis"),
        Some(IssueKind::UnknownCountry { did_you_mean: None })
    );
    let d = &loaded.dataset.projects;
    assert_eq!(
        d.len(),
        3,
        "an unknown country costs the value, not the row"
    );
    assert_eq!(d[2].regional.as_deref(), Some("Africa regional"));
}

#[test]
fn conventions_are_explicit_decimal_comma_and_day_first_dates() {
    let env = common::env();
    let s = sheet(
        "Title;Amount (EUR);Start date (DD/MM/YYYY)\nA;1.234,5;03/05/2020\nB;12,25;31/12/2019\n",
    );
    let p = env.propose(&s);
    assert_eq!(p.mapping.conventions.decimal, DecimalMark::Comma);
    assert_eq!(p.mapping.conventions.dates, DateOrder::DayMonthYear);
    assert_eq!(p.mapping.conventions.currency, "EUR");
    let (_, loaded) = env.import(&s, &p.mapping);
    let d = &loaded.dataset.projects;
    assert_eq!(d[0].amount.as_ref().map(|a| a.value), Some(1234.5));
    assert_eq!(d[0].dates.start.as_deref(), Some("2020-05-03"));
    // The same sheet under the other settings reads differently: nothing is guessed per row.
    let mut m = p.mapping.clone();
    m.conventions.dates = DateOrder::MonthDayYear;
    let (out, loaded) = env.import(&s, &m);
    assert_eq!(
        loaded.dataset.projects[0].dates.start.as_deref(),
        Some("2020-03-05")
    );
    assert!(out
        .issues
        .iter()
        .any(|i| i.kind == IssueKind::NotADate && i.row == Some(3)));
}

#[test]
fn only_rows_without_a_title_are_skipped() {
    let env = common::env();
    let s = sheet("id,title,amount,year\n1,A,-5,1800\n2,,10,2020\n1,C,x,2021\n");
    let (out, loaded) = env.import(&s, &env.propose(&s).mapping);
    let ids: Vec<&str> = loaded
        .dataset
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["1", "1 (row 4)"]);
    let find = |k: &IssueKind| out.issues.iter().find(|i| &i.kind == k).expect("issue");
    assert_eq!(find(&IssueKind::NoTitle).row, Some(3));
    assert_eq!(find(&IssueKind::NoTitle).action, Action::RowSkipped);
    let neg = find(&IssueKind::Negative);
    assert_eq!(
        (neg.row, neg.column.as_deref(), neg.value.as_deref()),
        (Some(2), Some("amount"), Some("-5"))
    );
    assert_eq!(find(&IssueKind::NotAYear).value.as_deref(), Some("1800"));
    assert_eq!(find(&IssueKind::NotANumber).row, Some(4));
    assert_eq!(find(&IssueKind::DuplicateId { first_row: 2 }).row, Some(4));
    assert!(loaded.dataset.projects[0].amount.is_none());
}

#[test]
fn mapping_saves_and_loads_with_its_version() {
    let env = common::env();
    let s = sheet("title,recipient\nA,Kenya\n");
    let m = env.propose(&s).mapping;
    let text = m.to_json();
    assert!(text.contains("\"version\": 1"));
    assert_eq!(Mapping::from_json(&text), Ok(m.clone()));
    let newer = text.replace("\"version\": 1", "\"version\": 9");
    assert_eq!(
        Mapping::from_json(&newer),
        Err(MappingError::Version { found: 9 })
    );
    assert!(matches!(
        Mapping::from_json("{"),
        Err(MappingError::Json(_))
    ));
    assert_eq!(MAPPING_VERSION, 1);
    // A saved mapping applied to a sheet without one of its columns.
    let other = sheet("title\nA\n");
    let err = bridges_sheets::apply(&other, &m, &env.countries, &env.r, "x").err();
    assert_eq!(
        err,
        Some(MappingError::MissingColumn {
            header: "recipient".into()
        })
    );
    // The output records the mapping.
    let (out, loaded) = env.import(&s, &m);
    assert!(loaded
        .dataset
        .meta
        .generated_by
        .as_deref()
        .is_some_and(|g| g.contains("\"recipients\":\"names\"")));
    assert!(out.json.starts_with("{\"generated_by\":\"bridges-sheets"));
    // Written in the current schema, which bridges-core reads back without a problem.
    assert!(
        out.json.contains("\n\"schema\":\"bridges/2\",\n"),
        "{}",
        &out.json[..200]
    );
    assert!(loaded.issues.is_empty(), "{:#?}", loaded.issues);
}

#[test]
fn an_amount_too_large_after_scaling_is_an_issue_not_infinity() {
    let env = common::env();
    let s = sheet("title,Amount (USD billions)\nA,1e308\nB,2\n");
    let (out, loaded) = env.import(&s, &env.propose(&s).mapping);
    assert_eq!(out.issues[1].kind, IssueKind::OutOfRange);
    assert!(loaded.dataset.projects[0].amount.is_none());
    assert_eq!(
        loaded.dataset.projects[1].amount.as_ref().map(|a| a.value),
        Some(2e9)
    );
}

#[test]
fn proposals_and_issues_serialise_for_the_shell() {
    let env = common::env();
    let s = sheet("title,recipient,year\nA,Keyna,20x0\n");
    let p = env.propose(&s);
    let (out, _) = env.import(&s, &p.mapping);
    let issues = serde_json::to_value(&out.issues).expect("issues as JSON");
    let country = issues
        .as_array()
        .and_then(|a| a.iter().find(|i| i["kind"] == "unknown_country"))
        .expect("country issue");
    assert_eq!(country["row"], 2);
    assert_eq!(country["column"], "recipient");
    assert_eq!(country["value"], "Keyna");
    assert_eq!(country["did_you_mean"], "kenya (KEN)");
    assert_eq!(country["action"], "value_ignored");
    let proposal = serde_json::to_value(&p).expect("proposal as JSON");
    assert_eq!(proposal["columns"][1]["field"], "recipients");
    assert_eq!(
        proposal["columns"][2]["samples"][0]["reads"],
        "not read: not a year between 1900 and 2100"
    );
}
