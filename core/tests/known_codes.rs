//! Codes that name nothing are dropped with a notice; real codes with no projects stay filters.

use bridges_core::known_codes::drop_unknown_codes;
use bridges_core::query::parse;
use bridges_core::reference::parse_reference;

fn reference() -> bridges_core::ReferenceIndex {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/reference.json");
    parse_reference("reference.json", &std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn unknown_codes_are_dropped_with_a_notice() {
    let r = reference();
    let (mut state, notices) =
        parse("country=ZZZ~AGO~FRA&region=999~002&sector=120~777&provider=QQQ");
    assert!(
        notices.is_empty(),
        "well-formed codes pass the codec: {notices:?}"
    );
    let dropped = drop_unknown_codes(&mut state, &r);
    let f = &state.filters;
    assert_eq!(
        f.countries.iter().collect::<Vec<_>>(),
        ["AGO", "FRA"],
        "FRA is real, though without projects"
    );
    assert_eq!(f.regions.iter().collect::<Vec<_>>(), ["002"]);
    assert_eq!(f.sectors.iter().collect::<Vec<_>>(), [&120]);
    assert!(f.providers.is_empty());
    let said: Vec<String> = dropped
        .iter()
        .map(|n| format!("{}={}", n.param, n.value))
        .collect();
    assert_eq!(
        said,
        ["country=ZZZ", "provider=QQQ", "region=999", "sector=777"]
    );
    for n in &dropped {
        assert!(
            bridges_core::i18n::messages::message(bridges_core::i18n::Lang::Zh, &n.reason)
                .is_some(),
            "{} has a Chinese translation",
            n.reason
        );
    }
}
