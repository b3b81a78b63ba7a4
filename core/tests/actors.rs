//! `bridges/2` actors on the AIMS data: multilaterals are providers like countries in the engine (the
//! provider facet, `provider=ISDB`), named in both languages, and listed under the map rather than drawn.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::i18n::Lang;
use bridges_core::known_codes::drop_unknown_codes;
use bridges_core::map::flows::providers_not_drawn;
use bridges_core::query::{parse, Stack};
use bridges_core::reference::parse_reference;
use bridges_core::world::parse_world;
use bridges_core::{parse_dataset, Dataset, ReferenceIndex};

fn read(rel: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn load() -> (Dataset, ReferenceIndex) {
    let mut r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let d = parse_dataset("aims.json", &read("public/data/aims.json"), &r)
        .unwrap()
        .dataset;
    r.add_actors(&d.actors);
    (d, r)
}

#[test]
fn a_multilateral_is_a_provider_filter_named_in_both_languages() {
    let (d, r) = load();
    assert_eq!(r.country_name("ISDB", Lang::En), "Islamic Development Bank");
    assert_eq!(r.country_name("ISDB", Lang::Zh), "伊斯兰开发银行");
    assert_eq!(r.country_name("IND", Lang::Zh), "印度");
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2011"));
    let (mut s, _) = parse("provider=ISDB~ZZ9");
    let notices = drop_unknown_codes(&mut s, &r);
    // A declared actor stays a filter; an id nobody declares is dropped with a notice.
    assert_eq!(s.filters.providers.len(), 1);
    assert_eq!(notices.len(), 1);
    let n = engine.run(&s.filters, Stack::None).total.count;
    let by_hand = d
        .projects
        .iter()
        .filter(|p| p.providers.iter().any(|x| x == "ISDB"))
        .count();
    assert_eq!(n as usize, by_hand);
    assert_eq!(
        n, 51,
        "as counted from the source CSVs (xtask/tests/aims.rs)"
    );
}

#[test]
fn the_map_lists_the_providers_it_cannot_draw() {
    // The multilaterals, and Singapore (no shape at world scale).
    let (d, r) = load();
    let world = parse_world("world.json", &read("public/data/world.json")).unwrap();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2011"));
    let (s, _) = parse("");
    let agg = engine.run(&s.filters, Stack::None).clone();
    let listed = providers_not_drawn(&agg, &engine.cols, &s.filters, &world);
    let expected: Vec<(String, u32)> = [("BADEA", 38), ("ISDB", 51), ("OFID", 34), ("SGP", 1)]
        .iter()
        .map(|(c, n)| (c.to_string(), *n))
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    // Filtered to a country provider, nothing is listed.
    let (s, _) = parse("provider=IND");
    let agg = engine.run(&s.filters, Stack::None).clone();
    assert!(providers_not_drawn(&agg, &engine.cols, &s.filters, &world).is_empty());
}

/// The provider chart's bars for the whole AIMS file, unfiltered, counted in projects.
fn provider_bars(limit: Option<usize>, lang: Lang) -> Vec<bridges_core::explore::Bar> {
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2011"));
    let (s, _) = parse("");
    let agg = engine.run(&s.filters, Stack::None).clone();
    bridges_core::explore::bars(
        bridges_core::explore::View::Provider,
        &agg,
        &engine.cols,
        &r,
        &s.filters,
        bridges_core::query::Measure::Count,
        limit,
        lang,
    )
}

#[test]
fn the_provider_chart_says_what_a_provider_that_is_not_a_country_is() {
    let labels = |lang| {
        provider_bars(None, lang)
            .into_iter()
            .map(|b| (b.key, b.label, b.group.count))
            .collect::<Vec<_>>()
    };
    let en = labels(Lang::En);
    assert!(
        en.contains(&(
            "ISDB".into(),
            "Islamic Development Bank (multilateral)".into(),
            51
        )),
        "{en:?}"
    );
    assert!(en.iter().any(|b| b.0 == "IND" && b.1 == "India"), "{en:?}");
    let zh = labels(Lang::Zh);
    assert!(
        zh.contains(&(
            "BADEA".into(),
            "阿拉伯非洲经济开发银行（多边机构）".into(),
            38
        )),
        "{zh:?}"
    );
}

#[test]
fn the_provider_chart_lists_countries_then_the_others_each_largest_first() {
    let keys: Vec<(String, u32)> = provider_bars(None, Lang::En)
        .into_iter()
        .map(|b| (b.key, b.group.count))
        .collect();
    assert_eq!(keys[0], ("CHN".to_string(), 166));
    let tail: Vec<&str> = keys[keys.len() - 3..]
        .iter()
        .map(|k| k.0.as_str())
        .collect();
    assert_eq!(tail, ["ISDB", "BADEA", "OFID"], "{keys:?}");
    let countries: Vec<u32> = keys[..keys.len() - 3].iter().map(|k| k.1).collect();
    assert!(countries.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
    // Cut to the chart's eight largest, the multilaterals are kept by size (ISDB 51 is the third
    // largest provider, BADEA 38 the fourth, OFID 34 the fifth), then grouped after the countries.
    let top: Vec<String> = provider_bars(Some(8), Lang::En)
        .into_iter()
        .map(|b| b.key)
        .collect();
    assert_eq!(
        top,
        ["CHN", "IND", "BRA", "SAU", "KWT", "ISDB", "BADEA", "OFID"],
        "{keys:?}"
    );
}

/// The JSON Schema of `bridges/2` lists the roles and kinds the reader knows, no more, no fewer.
#[test]
fn the_json_schema_names_the_roles_and_kinds_the_reader_knows() {
    use bridges_core::model::{ActorKind, PartnerRole};
    let s: serde_json::Value =
        serde_json::from_str(&read("public/schema/bridges-2.schema.json")).unwrap();
    assert_eq!(s["properties"]["schema"]["const"], "bridges/2");
    let roles =
        &s["$defs"]["project"]["properties"]["partners"]["items"]["properties"]["role"]["enum"];
    let codes: Vec<&str> = PartnerRole::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(roles, &serde_json::json!(codes));
    let kinds = &s["$defs"]["actor"]["properties"]["kind"]["enum"];
    let codes: Vec<&str> = ActorKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(kinds, &serde_json::json!(codes));
}

/// A partner dropped for its role is reported once: its undeclared actor id is not listed as well.
#[test]
fn a_partner_with_a_bad_role_is_reported_once() {
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let text = r#"{"schema":"bridges/2","meta":{"title":"t"},"actors":[],"projects":[
        {"id":"a","title":"A","recipients":["NPL"],"providers":["IND"],
         "partners":[{"actor":"NOBODY","role":"sponsor"},{"country":"NOR","role":"co_financier"}]}]}"#;
    let l = parse_dataset("t.json", text, &r).unwrap();
    let fields: Vec<String> = l.issues.iter().filter_map(|i| i.field.clone()).collect();
    assert_eq!(fields, ["partners[0].role"], "{:#?}", l.issues);
    let p = &l.dataset.projects[0];
    assert_eq!(p.partners.len(), 1, "the good partner is kept");
    assert_eq!(p.partners[0].actor, "NOR");
}

/// The AIMS records' co-financing countries (Northern donors listed beside a Southern provider) draw
/// the map's co-financier style: real data for the triangular flow styles.
#[test]
fn co_financing_countries_draw_their_own_flows() {
    use bridges_core::map::flows::{flows, FlowStyle};
    let (d, r) = load();
    let world = parse_world("world.json", &read("public/data/world.json")).unwrap();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2011"));
    let (s, _) = parse("country=NPL");
    let agg = engine.run(&s.filters, Stack::None).clone();
    let rows: Vec<u32> = (0..d.projects.len() as u32)
        .filter(|&i| d.projects[i as usize].recipients.iter().any(|c| c == "NPL"))
        .collect();
    let providers = bridges_core::map::flows::providers_in_view(&agg, &engine.cols, &s.filters);
    let lines = flows(
        &world,
        &Default::default(),
        &providers,
        &d.projects,
        &rows,
        &rows,
    );
    let co = lines
        .iter()
        .filter(|f| f.style == FlowStyle::CoFinancier)
        .count();
    let expected: std::collections::BTreeSet<&str> = rows
        .iter()
        .flat_map(|&i| d.projects[i as usize].partners.iter())
        .filter(|p| p.role == bridges_core::model::PartnerRole::CoFinancier)
        .map(|p| p.actor.as_str())
        .collect();
    assert!(
        !expected.is_empty(),
        "Nepal's AIMS records name co-financing countries"
    );
    assert_eq!(
        co,
        expected.len(),
        "one line per co-financing country into Nepal"
    );
}

/// A dataset without actors whose partners have a role `bridges/1` lacks is written as `bridges/2`
/// (what the AIMS data cut to country providers is), and reads back the same.
#[test]
fn a_co_financier_is_written_in_the_schema_that_has_it() {
    let (d, r) = load();
    let mut cut = d.clone();
    cut.actors.clear();
    cut.projects
        .retain(|p| p.providers.iter().all(|x| x.len() == 3) && !p.partners.is_empty());
    assert!(!cut.projects.is_empty());
    let text = bridges_core::write::dataset_to_string(&cut, "test");
    assert!(text.contains("\"schema\":\"bridges/2\""));
    let back = parse_dataset("cut.json", &text, &r).unwrap();
    assert!(back.issues.is_empty(), "{:#?}", back.issues);
    assert_eq!(back.dataset.projects, cut.projects);
    cut.projects.iter_mut().for_each(|p| p.partners.clear());
    let text = bridges_core::write::dataset_to_string(&cut, "test");
    assert!(
        text.contains("\"schema\":\"bridges/1\""),
        "the oldest schema that holds it"
    );
}
