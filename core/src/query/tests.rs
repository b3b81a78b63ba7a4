use super::*;
use crate::model::Income;

#[test]
fn language_and_theme_round_trip() {
    let (s, notices) = parse("lang=zh&theme=projector&sector=230");
    assert!(notices.is_empty());
    assert_eq!(s.lang, Some(crate::i18n::Lang::Zh));
    assert_eq!(s.theme, Some(Theme::Projector));
    assert_eq!(to_query(&s), "sector=230&lang=zh&theme=projector");
    let (s, notices) = parse("lang=xx&theme=%3Cscript%3E");
    assert_eq!((s.lang, s.theme), (None, None));
    assert_eq!(notices.len(), 2);
    assert_eq!(parse("theme=auto").1, vec![]);
}

#[test]
fn default_view_is_the_empty_query() {
    let (s, notices) = parse("");
    assert!(notices.is_empty());
    assert_eq!(
        s,
        ViewState {
            page: 1,
            ..ViewState::default()
        }
    );
    assert_eq!(to_query(&s), "");
    assert_eq!(
        to_query(&parse("?v=1&page=1&measure=count&stack=none&sort=id-asc").0),
        ""
    );
}

#[test]
fn documented_parameters_round_trip() {
    let q = "country=AGO~ZMB&region=002&income=L~LM&sector=120~230&sdg=3~7&status=completed~implementation\
             &flow=oda_like&provider=CHN&from=2005&to=2015&min=1000&max=5000000&q=small+hydro&measure=amount\
             &stack=sector&sort=amount-desc&page=3&zoom=2.5&lon=18&lat=2&layer=countries~points\
             &data=https%3A%2F%2Fexample.org%2Fd.json";
    let (s, notices) = parse(q);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        s.filters.countries.iter().collect::<Vec<_>>(),
        ["AGO", "ZMB"]
    );
    assert_eq!(
        s.filters.sectors.iter().copied().collect::<Vec<_>>(),
        [120, 230]
    );
    assert_eq!(s.filters.q, "small hydro");
    assert_eq!(
        s.sort,
        Sort {
            key: SortKey::Amount,
            descending: true
        }
    );
    assert_eq!(s.data.as_deref(), Some("https://example.org/d.json"));
    assert_eq!(
        (s.map.zoom, s.map.lon, s.map.lat, s.map.layers.len()),
        (2.5, 18.0, 2.0, 2)
    );
    let again = to_query(&s);
    assert_eq!(parse(&again).0, s);
    // Canonical: same order whatever order the link had.
    assert_eq!(
        to_query(&parse("sector=230~120&country=ZMB~AGO").0),
        "country=AGO~ZMB&sector=120~230"
    );
}

#[test]
fn bad_parameters_become_notices_not_panics() {
    let (s, notices) = parse("country=AGO~ago~<script>&sdg=0~18~3&from=abc&to=99999&measure=weight&colour=red&sort=x&page=0&v=7");
    assert_eq!(s.filters.countries.iter().collect::<Vec<_>>(), ["AGO"]);
    assert_eq!(s.filters.sdgs.iter().copied().collect::<Vec<_>>(), [3]);
    assert_eq!(s.filters.from, None);
    let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
    assert_eq!(
        params,
        [
            "country", "country", "sdg", "sdg", "from", "to", "measure", "colour", "sort", "page",
            "v"
        ]
    );
    assert!(
        notices[1].to_string().contains("<script>"),
        "the notice is text; the UI escapes it"
    );
}

#[test]
fn reversed_ranges_are_swapped_and_foreign_params_kept_quiet() {
    let (s, notices) = parse("from=2015&to=2005&min=9&max=1&lang=zh&zoom=3");
    assert!(notices.is_empty());
    assert_eq!((s.filters.from, s.filters.to), (Some(2005), Some(2015)));
    assert_eq!(
        (s.filters.amount_min, s.filters.amount_max),
        (Some(1), Some(9))
    );
}

#[test]
fn map_positions_round_trip_at_two_decimals() {
    let (s, _) = parse("zoom=2.345&lon=18.123456&lat=-2.005");
    assert_eq!(to_query(&s), "zoom=2.35&lon=18.12&lat=-2.01");
    assert_eq!(parse(&to_query(&s)).0, s);
}

#[test]
fn arbitrary_bytes_never_panic() {
    for q in [
        "%",
        "%%%",
        "a=%ZZ",
        "=&=&",
        "country=%E6%B0%B4",
        "\u{0}=\u{0}",
        "q=\u{1F600}",
        "sort=-desc",
        "page=99999999999999999999",
    ] {
        let (s, _) = parse(q);
        let _ = to_query(&s);
    }
}

#[test]
fn measure_and_stack_codes_round_trip() {
    for m in Measure::ALL {
        assert_eq!(Measure::from_code(m.code()), Some(m));
    }
    for s in Stack::ALL {
        assert_eq!(Stack::from_code(s.code()), Some(s));
    }
    assert_eq!(
        to_query(&parse("measure=amount&stack=status").0),
        "measure=amount&stack=status"
    );
    assert_eq!(to_query(&parse("measure=count&stack=none").0), "");
}

#[test]
fn income_groups_are_typed_and_written_in_code_order() {
    let (s, notices) = parse("income=UM~H~L~X");
    assert_eq!(
        s.filters.income.iter().copied().collect::<Vec<_>>(),
        [Income::High, Income::Low, Income::UpperMiddle]
    );
    assert_eq!(notices.len(), 1);
    assert_eq!(to_query(&s), "income=H~L~UM");
}

#[test]
fn agencies_round_trip_and_bad_keys_are_noticed() {
    let (s, notices) = parse("agency=export%20import%20bank%20of%20china~sinohydro%20corporation");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        s.filters.agencies.iter().collect::<Vec<_>>(),
        ["export import bank of china", "sinohydro corporation"]
    );
    assert_eq!(parse(&to_query(&s)).0, s);
    for bad in ["agency=Sinohydro", "agency=a%3Cb", "agency=a%20%20b"] {
        let (s, notices) = parse(bad);
        assert!(s.filters.agencies.is_empty(), "{bad}");
        assert_eq!(notices.len(), 1, "{bad}");
    }
}

#[test]
fn datasets_round_trip_and_bad_ids_are_noticed() {
    let (s, notices) = parse("dataset=gcdf3~aims");
    assert!(notices.is_empty());
    assert_eq!(s.datasets, ["gcdf3", "aims"]);
    assert_eq!(to_query(&s), "dataset=gcdf3~aims");
    assert_eq!(parse("dataset=aims~aims").0.datasets, ["aims"]);
    // `source=` filters a union by dataset; it is a filter like the others.
    let (s, notices) = parse("dataset=gcdf3~aims&source=aims");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.filters.datasets.iter().collect::<Vec<_>>(), ["aims"]);
    assert_eq!(to_query(&s), "source=aims&dataset=gcdf3~aims");
    let (s, notices) = parse("source=AIMS~aims");
    assert_eq!(s.filters.datasets.len(), 1);
    assert_eq!(notices.len(), 1);
    for bad in ["dataset=", "dataset=AIMS", "dataset=a/b", "dataset=..%2Fx"] {
        let (s, notices) = parse(bad);
        assert!(s.datasets.is_empty(), "{bad}");
        assert_eq!(notices.len(), 1, "{bad}");
    }
}
