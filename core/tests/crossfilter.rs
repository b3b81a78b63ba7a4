//! The crossfilter engine against a plain, obviously-correct reimplementation over `Project` structs,
//! on the real dataset: every view's counts and sums for a series of filter states.

use bridges_core::i18n::Lang;
use std::collections::HashMap;
use std::path::PathBuf;

use bridges_core::columns::{Columns, INCOME_CODES};
use bridges_core::crossfilter::{dim, Aggregates, Engine, Group, Passes};
use bridges_core::model::{FlowClass, Income, Project, Status};
use bridges_core::query::{parse, Filters, Stack};
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::synthetic::Rng;
use bridges_core::text::fold;
use bridges_core::{parse_dataset, Dataset};

fn read(rel: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(rel),
    )
    .unwrap()
}

fn load() -> (Dataset, ReferenceIndex) {
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let d = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
        .unwrap()
        .dataset;
    (d, r)
}

/// Does `p` pass every filter in `f` except dimension `skip`?
fn passes(p: &Project, f: &Filters, r: &ReferenceIndex, skip: Option<u32>) -> bool {
    let on = |d: u32| skip != Some(d);
    let countries = || p.recipients.iter().filter_map(|c| r.country(c));
    (!on(dim::COUNTRY)
        || f.countries.is_empty()
        || p.recipients.iter().any(|c| f.countries.contains(c)))
        && (!on(dim::REGION)
            || f.regions.is_empty()
            || countries().any(|c| {
                c.region.as_ref().is_some_and(|x| f.regions.contains(x))
                    || c.subregion.as_ref().is_some_and(|x| f.regions.contains(x))
            }))
        && (!on(dim::INCOME)
            || f.income.is_empty()
            || countries().any(|c| {
                c.income
                    .as_deref()
                    .and_then(Income::from_code)
                    .is_some_and(|g| f.income.contains(&g))
            }))
        && (!on(dim::SECTOR)
            || f.sectors.is_empty()
            || p.sector
                .as_ref()
                .is_some_and(|s| f.sectors.contains(&s.code)))
        && (!on(dim::SDG) || f.sdgs.is_empty() || p.sdgs.iter().any(|g| f.sdgs.contains(g)))
        && (!on(dim::STATUS)
            || f.statuses.is_empty()
            || p.status.is_some_and(|s| f.statuses.contains(&s)))
        && (!on(dim::FLOW)
            || f.flows.is_empty()
            || p.flow_class.is_some_and(|x| f.flows.contains(&x)))
        && (!on(dim::PROVIDER)
            || f.providers.is_empty()
            || p.providers.iter().any(|c| f.providers.contains(c)))
        && (!on(dim::AGENCY)
            || f.agencies.is_empty()
            || agency_keys(p).iter().any(|k| f.agencies.contains(k)))
        && (!on(dim::YEAR)
            || (f.from.is_none() && f.to.is_none())
            || p.years
                .commitment
                .is_some_and(|y| f.from.is_none_or(|a| y >= a) && f.to.is_none_or(|b| y <= b)))
        && (!on(dim::AMOUNT)
            || (f.amount_min.is_none() && f.amount_max.is_none())
            || p.amount.as_ref().is_some_and(|a| {
                a.price_base == "constant 2021"
                    && f.amount_min.is_none_or(|m| a.value >= m as f64)
                    && f.amount_max.is_none_or(|m| a.value <= m as f64)
            }))
        && (!on(dim::TEXT) || f.q.trim().is_empty() || {
            let t = fold(&p.title);
            fold(&f.q).split_whitespace().all(|w| t.contains(w))
        })
}

/// The keys of the agencies a record names, whatever their role.
fn agency_keys(p: &Project) -> Vec<String> {
    let a = &p.agencies;
    let mut keys: Vec<String> = a
        .funding
        .iter()
        .chain(&a.receiving)
        .chain(&a.implementing)
        .map(|raw| bridges_core::partners::agency_key(raw))
        .filter(|k| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn add(g: &mut Group, p: &Project) {
    g.count += 1;
    if let Some(a) = &p.amount {
        g.known += 1;
        g.sum += a.value;
    }
}

fn group<'a>(ps: impl Iterator<Item = &'a Project>) -> Group {
    let mut g = Group::default();
    ps.for_each(|p| add(&mut g, p));
    g
}

fn check(d: &Dataset, r: &ReferenceIndex, engine: &mut Engine, query: &str) {
    let (state, notices) = parse(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    let f = &state.filters;
    let a = engine.run(f, Stack::Sector).clone();
    let within = |skip| {
        d.projects
            .iter()
            .filter(move |p| passes(p, f, r, Some(skip)))
    };

    assert_eq!(
        a.total,
        group(d.projects.iter().filter(|p| passes(p, f, r, None))),
        "{query}: total"
    );
    let rows: Vec<u32> = d
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| passes(p, f, r, None))
        .map(|(i, _)| i as u32)
        .collect();
    assert_eq!(engine.matching(f), rows, "{query}: matching rows");
    let c = &engine.cols;
    for (i, code) in c.sectors.iter().enumerate() {
        let want =
            group(within(dim::SECTOR).filter(|p| p.sector.as_ref().map(|s| s.code) == Some(*code)));
        assert_eq!(a.by_sector[i], want, "{query}: sector {code}");
    }
    let mut by_country: HashMap<&str, Group> = HashMap::new();
    for p in within(dim::COUNTRY) {
        for iso in &p.recipients {
            add(by_country.entry(iso.as_str()).or_default(), p);
        }
    }
    for (i, iso) in c.countries.iter().enumerate() {
        assert_eq!(
            a.by_country[i],
            by_country.get(iso.as_str()).copied().unwrap_or_default(),
            "{query}: country {iso}"
        );
    }
    let mut by_region: HashMap<&str, Group> = HashMap::new();
    for p in within(dim::REGION) {
        let mut codes: Vec<&str> = p
            .recipients
            .iter()
            .filter_map(|x| r.country(x))
            .flat_map(|x| [x.region.as_deref(), x.subregion.as_deref()])
            .flatten()
            .collect();
        codes.sort();
        codes.dedup();
        for code in codes {
            add(by_region.entry(code).or_default(), p);
        }
    }
    for (i, code) in c.regions.iter().enumerate() {
        assert_eq!(
            a.by_region[i],
            by_region.get(code.as_str()).copied().unwrap_or_default(),
            "{query}: region {code}"
        );
    }
    for (i, g) in INCOME_CODES.iter().enumerate() {
        let want = group(within(dim::INCOME).filter(|p| {
            p.recipients
                .iter()
                .filter_map(|x| r.country(x))
                .any(|x| x.income.as_deref() == Some(g))
        }));
        assert_eq!(a.by_income[i], want, "{query}: income {g}");
    }
    for g in 1..=17u8 {
        assert_eq!(
            a.by_sdg[g as usize],
            group(within(dim::SDG).filter(|p| p.sdgs.contains(&g))),
            "{query}: sdg {g}"
        );
    }
    for (i, s) in Status::ALL.iter().enumerate() {
        assert_eq!(
            a.by_status[i],
            group(within(dim::STATUS).filter(|p| p.status == Some(*s))),
            "{query}: status {s:?}"
        );
    }
    for (i, x) in FlowClass::ALL.iter().enumerate() {
        assert_eq!(
            a.by_flow[i],
            group(within(dim::FLOW).filter(|p| p.flow_class == Some(*x))),
            "{query}: flow {x:?}"
        );
    }
    assert_eq!(
        a.by_flow[FlowClass::ALL.len()],
        group(within(dim::FLOW).filter(|p| p.flow_class.is_none())),
        "{query}: flow unknown"
    );
    let mut by_agency: HashMap<String, Group> = HashMap::new();
    for p in within(dim::AGENCY) {
        for k in agency_keys(p) {
            add(by_agency.entry(k).or_default(), p);
        }
    }
    for (i, key) in c.agencies.iter().enumerate() {
        assert_eq!(
            a.by_agency[i],
            by_agency.get(key).copied().unwrap_or_default(),
            "{query}: agency {key}"
        );
    }
    let mut by_year: HashMap<(Option<i32>, Option<u16>), Group> = HashMap::new();
    for p in within(dim::YEAR) {
        add(by_year.entry((p.years.commitment, None)).or_default(), p);
        add(
            by_year
                .entry((p.years.commitment, p.sector.as_ref().map(|s| s.code)))
                .or_default(),
            p,
        );
    }
    for code in 0..c.year_codes {
        let y = c.year_of_code(code);
        assert_eq!(
            a.by_year[code],
            by_year.get(&(y, None)).copied().unwrap_or_default(),
            "{query}: year {y:?}"
        );
        for (k, sector) in c.sectors.iter().enumerate() {
            let want = by_year
                .get(&(y, Some(*sector)))
                .copied()
                .unwrap_or_default();
            assert_eq!(
                a.by_year_stack[code * a.stack_keys + k],
                want,
                "{query}: year {y:?} sector {sector}"
            );
        }
    }
}

#[test]
fn every_view_matches_a_plain_reimplementation() {
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    for q in [
        "",
        "sector=120",
        "sector=120~230&country=AGO~PAK",
        "region=002&from=2005&to=2015",
        "region=202~035&income=L~LM&status=completed",
        "sdg=3~7&flow=oda_like~oof_like",
        "q=hydropower",
        "q=boumerdes",
        "min=1000000&max=50000000&sector=230",
        "country=MMR&q=hydro&from=2000&to=2010&status=completed~implementation",
        "provider=CHN&to=2003",
        "agency=export%20import%20bank%20of%20china",
        "agency=export%20import%20bank%20of%20china~china%20development%20bank%20cdb&sector=230&from=2010",
        "from=2030",
    ] {
        check(&d, &r, &mut engine, q);
    }
    // The agency facet filters to real records (China Eximbank funds hundreds).
    let (s, _) = parse("agency=export%20import%20bank%20of%20china");
    let n = engine.run(&s.filters, Stack::None).total.count;
    assert!(n > 500, "{n} records name the Export-Import Bank of China");
}

/// A file may use every three-digit sector code: 900 distinct sectors each keep their own code (a `u8`
/// index held 254, and the rest became "unknown" without a word).
#[test]
fn every_distinct_sector_keeps_its_code() {
    let (mut d, r) = load();
    for (i, p) in d.projects.iter_mut().enumerate() {
        if let Some(s) = p.sector.as_mut() {
            s.code = 100 + (i % 900) as u16;
        }
    }
    let cols = Columns::build(&d, &r, "USD", "constant 2021");
    assert_eq!(cols.sectors.len(), 900);
    assert!(cols.sector.iter().all(|&s| (s as usize) <= 900));
    let mut engine = Engine::new(cols);
    for q in [
        "",
        "sector=999",
        "sector=100~354~999&status=completed",
        "sector=998&country=AGO~PAK&from=2005",
    ] {
        check(&d, &r, &mut engine, q);
    }
    let a = engine.run(&Filters::default(), Stack::Sector);
    assert_eq!(a.by_sector.len(), 901);
    assert!(a.by_sector[..900].iter().all(|g| g.count > 0));
}

#[test]
fn crossfilter_keeps_alternatives_and_reports_excluded_unknowns() {
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    let health = engine.cols.sector_index(120).unwrap();
    let a = engine
        .run(&parse("sector=120").0.filters, Stack::None)
        .clone();
    let health_count = d
        .projects
        .iter()
        .filter(|p| p.sector.as_ref().is_some_and(|s| s.code == 120))
        .count() as u32;
    assert_eq!(a.total.count, health_count);
    assert_eq!(a.by_sector[health].count, health_count);
    let education = engine.cols.sector_index(110).unwrap();
    assert!(
        a.by_sector[education].count > 0,
        "the sector view still shows the other sectors"
    );
    assert!(
        a.by_status.iter().map(|g| g.count).sum::<u32>() == health_count,
        "other views are filtered"
    );

    let a = engine.run(&parse("min=1").0.filters, Stack::None).clone();
    assert_eq!(
        a.excluded_unknown_amount, 3781,
        "unknown amounts are excluded by an amount filter, and counted"
    );
    assert_eq!(
        a.total.count,
        9404 - 3781
            - d.projects
                .iter()
                .filter(|p| p.amount.as_ref().is_some_and(|x| x.value < 1.0))
                .count() as u32
    );
}

#[test]
fn explorer_headline_and_bars() {
    use bridges_core::explore::{bars, headline, View};
    use bridges_core::query::Measure;
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));

    // With no filter the explorer's headline equals the dataset summary.
    let f = Filters::default();
    let a = engine.run(&f, Stack::None).clone();
    assert_eq!(
        headline(&a, &engine.cols, &f, "USD", "constant 2021"),
        bridges_core::Summary::of_dataset(&d)
    );

    let (state, _) = parse("sector=120&from=2010&to=2015");
    let f = state.filters;
    let a = engine.run(&f, Stack::None).clone();
    let h = headline(&a, &engine.cols, &f, "USD", "constant 2021");
    let want: Vec<&Project> = d
        .projects
        .iter()
        .filter(|p| {
            p.sector.as_ref().is_some_and(|s| s.code == 120)
                && p.years
                    .commitment
                    .is_some_and(|y| (2010..=2015).contains(&y))
        })
        .collect();
    assert_eq!(h.projects, want.len());
    assert_eq!(
        h.amount_unknown,
        want.iter().filter(|p| p.amount.is_none()).count()
    );
    assert_eq!(h.year_unknown, 0);
    assert_eq!(h.years, Some((2010, 2015)));

    let sectors = bars(
        View::Sector,
        &a,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    assert_eq!(
        sectors
            .iter()
            .filter(|b| b.selected)
            .map(|b| b.key.as_str())
            .collect::<Vec<_>>(),
        ["120"]
    );
    assert!(
        sectors
            .windows(2)
            .all(|w| w[0].group.count >= w[1].group.count),
        "sorted by the measure"
    );
    let years = bars(
        View::Timeline,
        &a,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    assert_eq!(years.first().map(|b| b.key.as_str()), Some("2000"));
    assert_eq!(years.iter().filter(|b| b.selected).count(), 6);
    let sdgs = bars(
        View::Sdg,
        &a,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    assert_eq!(sdgs.len(), 17);
    assert_eq!(
        sdgs[2].colour.as_deref(),
        Some("#4C9F38"),
        "SDG 3 in its official colour"
    );
    let subregions = bars(
        View::Subregion,
        &a,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    assert!(
        subregions.iter().any(|b| b.key == "202") && !subregions.iter().any(|b| b.key == "002"),
        "sub-regions only"
    );
    let providers = bars(
        View::Provider,
        &a,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    assert_eq!(
        providers.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(),
        ["CHN"]
    );
    assert_eq!(
        providers[0].group.count as usize, h.projects,
        "every project has China as provider"
    );
    let top = bars(
        View::Recipients,
        &a,
        &engine.cols,
        &r,
        &parse("country=TON").0.filters,
        Measure::Count,
        Some(5),
        Lang::En,
    );
    assert!(
        top.len() <= 6 && top.iter().any(|b| b.key == "TON" && b.selected),
        "a selected bar is kept beyond the limit"
    );
}

#[test]
fn downloads_hold_exactly_the_filtered_projects() {
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    let f = parse("sector=120&country=AGO").0.filters;
    let rows = engine.matching(&f);
    assert!(!rows.is_empty());
    let csv = bridges_core::export::csv(&d, &rows, &r, "sector=120&country=AGO");
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM so that Excel reads UTF-8"
    );
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].contains("ODC-By 1.0") && lines[0].contains("?sector=120&country=AGO"));
    assert_eq!(lines.len(), rows.len() + 2);
    let json = bridges_core::export::json(&d, &rows, "sector=120&country=AGO");
    let again = parse_dataset("export.json", &json, &r).expect("the export loads in Bridges again");
    assert!(again.issues.is_empty());
    assert_eq!(again.dataset.projects.len(), rows.len());
    assert!(again
        .dataset
        .projects
        .iter()
        .all(|p| p.recipients == ["AGO"] && p.sector.as_ref().unwrap().code == 120));
}

#[test]
fn chinese_queries_find_english_records() {
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    let mut rows = |q: &str| -> std::collections::BTreeSet<u32> {
        let f = Filters {
            q: q.to_string(),
            ..Default::default()
        };
        engine.matching(&f).into_iter().collect()
    };
    let pairs = [
        ("水电", "hydropower"),
        ("水电站", "hydroelectric"),
        ("医院", "hospital"),
        ("农业", "agricultur"),
        ("学校", "school"),
        ("大学", "university"),
        ("孔子学院", "confucius"),
        ("奖学金", "scholarship"),
        ("医疗", "medical"),
        ("铁路", "railway"),
        ("桥", "bridge"),
        ("机场", "airport"),
        ("太阳能", "solar"),
        ("体育场", "stadium"),
        ("地震", "earthquake"),
        ("洪水", "flood"),
        ("贷款", "loan"),
        ("议会", "parliament"),
        ("疟疾", "malaria"),
        ("大使馆", "embassy"),
        ("安哥拉", "angola"),
        ("缅甸", "myanmar"),
        ("塞拉利昂", "leone"),
        ("巴基斯坦", "pakistan"),
        ("卫生", "health"),
        ("能源", "energy"),
    ];
    for (zh, en) in pairs {
        let (z, e) = (rows(zh), rows(en));
        assert!(!e.is_empty(), "{en} finds nothing");
        assert!(
            z.is_superset(&e),
            "{zh} misses {} of the {} projects {en} finds",
            e.difference(&z).count(),
            e.len()
        );
    }
    // Country names in Chinese find exactly that country's projects.
    let angola: std::collections::BTreeSet<u32> = d
        .projects
        .iter()
        .enumerate()
        .filter(|(_, p)| p.recipients == ["AGO"])
        .map(|(i, _)| i as u32)
        .collect();
    assert!(rows("安哥拉").is_superset(&angola));
    // Combining a Chinese term with a place narrows: small hydropower in Myanmar.
    let both = rows("水电 缅甸");
    assert!(
        !both.is_empty()
            && both
                .iter()
                .all(|&i| d.projects[i as usize].recipients == ["MMR"])
    );
}

#[test]
fn the_glossary_page_lists_every_term() {
    let doc = read("docs/glossary.md");
    for (zh, english) in bridges_core::glossary::GLOSSARY {
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| {zh} |")))
            .unwrap_or_else(|| panic!("docs/glossary.md lacks {zh}"));
        assert!(
            english.iter().all(|e| row.contains(e.trim())),
            "docs/glossary.md row for {zh} is out of date"
        );
    }
}

#[test]
fn table_sort_keeps_unknown_amounts_last_both_ways() {
    use bridges_core::query::{Sort, SortKey};
    use bridges_core::table::{recipients_label, sort_rows};
    let (d, r) = load();
    let mut engine = Engine::new(Columns::build(&d, &r, "USD", "constant 2021"));
    let rows = engine.matching(&parse("country=AGO").0.filters);
    let known = rows
        .iter()
        .filter(|&&i| d.projects[i as usize].amount.is_some())
        .count();
    assert!(known > 0 && known < rows.len());
    for descending in [false, true] {
        let mut sorted = rows.clone();
        sort_rows(
            &d.projects,
            &r,
            &mut sorted,
            Sort {
                key: SortKey::Amount,
                descending,
            },
        );
        let values: Vec<Option<f64>> = sorted
            .iter()
            .map(|&i| d.projects[i as usize].amount.as_ref().map(|a| a.value))
            .collect();
        assert!(
            values[..known].iter().all(Option::is_some)
                && values[known..].iter().all(Option::is_none),
            "unknown last"
        );
        let v: Vec<f64> = values[..known].iter().flatten().copied().collect();
        assert!(v.windows(2).all(|w| if descending {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }));
    }
    let mut by_title = rows.clone();
    sort_rows(
        &d.projects,
        &r,
        &mut by_title,
        Sort {
            key: SortKey::Title,
            descending: false,
        },
    );
    let titles: Vec<String> = by_title
        .iter()
        .map(|&i| d.projects[i as usize].title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    let regional = d.projects.iter().find(|p| p.recipients.is_empty()).unwrap();
    assert_eq!(
        recipients_label(regional, &r),
        regional.regional.clone().unwrap()
    );
    let luanda_hospital = d.projects.iter().find(|p| p.id == "4").unwrap();
    assert_eq!(recipients_label(luanda_hospital, &r), "Angola");
}

/// One random click-like change to `f` (or to `stack`): a value toggled in a facet, a facet cleared, a
/// year or amount range set or cleared, a search typed or cleared, the timeline's stack switched —
/// touching one dimension, or now and then several at once.
fn random_change(rng: &mut Rng, c: &Columns, f: &mut Filters, stack: &mut Stack, with_text: bool) {
    fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, v: T) {
        if !set.remove(&v) {
            set.insert(v);
        }
    }
    let touches = if rng.below(10) == 0 {
        2 + rng.below(3)
    } else {
        1
    };
    for _ in 0..touches {
        match rng.below(25) {
            0..=3 => toggle(&mut f.sectors, c.sectors[rng.skewed(c.sectors.len())]),
            4..=6 => toggle(
                &mut f.countries,
                c.countries[rng.skewed(c.countries.len())].clone(),
            ),
            7 | 8 => toggle(
                &mut f.regions,
                c.regions[rng.below(c.regions.len())].clone(),
            ),
            9 => toggle(&mut f.income, Income::ALL[rng.below(Income::ALL.len())]),
            10 | 11 => toggle(&mut f.statuses, Status::ALL[rng.below(Status::ALL.len())]),
            12 => toggle(
                &mut f.flows,
                FlowClass::ALL[rng.below(FlowClass::ALL.len())],
            ),
            13 | 14 => toggle(&mut f.sdgs, 1 + rng.below(17) as u8),
            15 => toggle(
                &mut f.providers,
                c.providers[rng.below(c.providers.len())].clone(),
            ),
            16 | 17 => {
                let a = c.year0 + rng.below(c.year_codes) as i32 - 1;
                f.from = (rng.below(4) != 0).then_some(a);
                f.to = (rng.below(4) != 0).then_some(a + rng.below(10) as i32);
            }
            18 => {
                f.from = None;
                f.to = None;
            }
            19 => {
                if rng.below(2) == 0 {
                    f.amount_min = Some(10u64.pow(rng.below(9) as u32));
                    f.amount_max = (rng.below(2) == 0).then(|| 10u64.pow(6 + rng.below(5) as u32));
                } else {
                    f.amount_min = None;
                    f.amount_max = None;
                }
            }
            20 if with_text => {
                let words = ["", "hydro", "school", "hospital", "road", "水电", "angola"];
                f.q = words[rng.below(words.len())].to_string();
            }
            21 => {
                *stack = [Stack::None, Stack::Sector, Stack::Status][rng.below(3)];
            }
            23 if !c.agencies.is_empty() && rng.below(2) == 0 => {
                if rng.below(5) == 0 {
                    f.agencies.clear();
                } else {
                    toggle(
                        &mut f.agencies,
                        c.agencies[rng.skewed(c.agencies.len())].clone(),
                    );
                }
            }
            22 if !c.datasets.is_empty() => {
                if rng.below(4) == 0 {
                    f.datasets.clear();
                } else {
                    toggle(
                        &mut f.datasets,
                        c.datasets[rng.below(c.datasets.len())].clone(),
                    );
                }
            }
            _ => match rng.below(6) {
                0 => f.sectors.clear(),
                1 => f.countries.clear(),
                2 => f.regions.clear(),
                3 => f.statuses.clear(),
                4 => f.sdgs.clear(),
                _ => f.income.clear(),
            },
        }
    }
}

/// The first view where `a` and `b` differ, for a readable failure.
fn difference(a: &Aggregates, b: &Aggregates) -> String {
    let views: [(&str, &[Group], &[Group]); 13] = [
        (
            "total",
            std::slice::from_ref(&a.total),
            std::slice::from_ref(&b.total),
        ),
        ("country", &a.by_country, &b.by_country),
        ("region", &a.by_region, &b.by_region),
        ("income", &a.by_income, &b.by_income),
        ("sector", &a.by_sector, &b.by_sector),
        ("sdg", &a.by_sdg, &b.by_sdg),
        ("status", &a.by_status, &b.by_status),
        ("flow", &a.by_flow, &b.by_flow),
        ("provider", &a.by_provider, &b.by_provider),
        ("dataset", &a.by_dataset, &b.by_dataset),
        ("agency", &a.by_agency, &b.by_agency),
        ("year", &a.by_year, &b.by_year),
        ("year_stack", &a.by_year_stack, &b.by_year_stack),
    ];
    for (name, x, y) in views {
        if x != y {
            let at = x.iter().zip(y).position(|(p, q)| p != q);
            let show = at.map(|k| format!("[{k}] {:?} vs {:?}", x[k], y[k]));
            return format!("{name} {show:?} (lengths {} vs {})", x.len(), y.len());
        }
    }
    format!(
        "counters {:?} vs {:?}",
        (
            a.excluded_unknown_year,
            a.excluded_unknown_amount,
            a.without_country
        ),
        (
            b.excluded_unknown_year,
            b.excluded_unknown_amount,
            b.without_country
        )
    )
}

/// Replays `steps` random changes through one engine, incrementally, and after every step compares
/// every view (exactly: sums are fixed-point integers in both, see `crossfilter::acc`) and the matching
/// rows with a from-scratch pass on a second engine.
fn replay(c: Columns, steps: usize, seed: u64, with_text: bool) -> Passes {
    let mut rng = Rng::new(seed);
    let mut incremental = Engine::new(c.clone());
    let mut scratch = Engine::new(c.clone());
    let mut both = Engine::new(c.clone());
    let (mut f, mut stack) = (Filters::default(), Stack::None);
    for step in 0..steps {
        let before = (f.clone(), stack, incremental.passes());
        random_change(&mut rng, &c, &mut f, &mut stack, with_text);
        let got = incremental.run(&f, stack).clone();
        let want = scratch.run_full(&f, stack).clone();
        // The full pass's two ways of summing (adding the passing rows, or removing the failing
        // ones from every row's totals) agree, whichever it took.
        let [direct, complement] = both.full_pass_both_ways(&f, stack);
        assert!(
            direct == want && complement == want,
            "step {step}: {f:?} {stack:?}: direct {}; complement {}",
            difference(&direct, &want),
            difference(&complement, &want)
        );
        let want = &want;
        assert!(
            got == *want,
            "step {step}: {f:?} {stack:?}: {}; before {before:?}, after {:?}",
            difference(&got, want),
            incremental.passes()
        );
        if step % 97 == 0 {
            assert_eq!(
                incremental.matching(&f),
                scratch.matching(&f),
                "step {step}"
            );
        }
    }
    incremental.passes()
}

/// Every path must be taken often, or a replay tests little.
fn assert_every_path_taken(p: Passes) {
    println!("paths taken: {p:?}");
    assert!(
        p.delta >= 500 && p.rebuild >= 100 && p.scan >= 40 && p.remask >= 100 && p.full >= 20,
        "{p:?}"
    );
}

// The real and the synthetic replay are two tests, so that they run side by side (each is about 20 s
// of a debug build).
#[test]
fn long_random_change_sequences_on_the_real_data_match_a_full_pass_after_every_step() {
    let (d, r) = load();
    assert_every_path_taken(replay(
        Columns::build(&d, &r, "USD", "constant 2021"),
        2500,
        11,
        true,
    ));
}

#[test]
fn long_random_change_sequences_on_synthetic_data_match_a_full_pass_after_every_step() {
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let mut cols = bridges_core::synthetic::columns(30_000, 5, &r);
    // Some rows list one recipient twice (the validator removes these, but the engine must not count
    // such a row twice in a rebuild from its row index either).
    for i in (0..cols.len).step_by(2) {
        let (a, b) = (
            cols.country_off[i] as usize,
            cols.country_off[i + 1] as usize,
        );
        if b - a == 2 {
            cols.country_ids[a + 1] = cols.country_ids[a];
        }
    }
    // Three datasets loaded together, so that `source=` changes are replayed too.
    cols.datasets = vec!["a".into(), "b".into(), "c".into()];
    cols.dataset = (0..cols.len).map(|i| (i * 7 % 3) as u8).collect();
    cols.finish();
    assert_every_path_taken(replay(cols, 2500, 12, false));
}

/// The second phase of a pass over the masks groups a block's rows by view when they are few (under
/// one in sixteen). The replays cover the direct pass grouped (few rows pass) against the row deltas;
/// here a full pass removing few failing rows from every row's totals (the complement, grouped)
/// agrees with the plain reimplementation, and with the direct pass.
#[test]
fn rows_few_and_far_apart_are_added_as_when_close_together() {
    let (d, r) = load();
    let c = Columns::build(&d, &r, "USD", "constant 2021");
    // All years but the last, or the first: a few hundred of 9,404 rows fail.
    for q in ["to=2020", "from=2001"] {
        let mut engine = Engine::new(c.clone());
        check(&d, &r, &mut engine, q);
        let f = parse(q).0.filters;
        let want = engine.run(&f, Stack::Sector).clone();
        let failing = c.len - engine.matching(&f).len();
        assert!(
            failing > 0 && failing * 16 < c.len,
            "{q}: {failing} of {} fail",
            c.len
        );
        for (way, got) in ["direct", "complement"]
            .iter()
            .zip(engine.full_pass_both_ways(&f, Stack::Sector))
        {
            assert!(got == want, "{q} {way}: {}", difference(&got, &want));
        }
    }
}

/// Replacing `engine.cols` (a public field) drops what the engine knew about the old rows: the next
/// changes give what a new engine over the new columns gives.
#[test]
fn replaced_columns_are_not_read_through_old_indexes() {
    let (_, r) = load();
    let small = bridges_core::synthetic::columns(5_000, 1, &r);
    let other = bridges_core::synthetic::columns(7_000, 2, &r);
    let seq = bridges_core::synthetic::filter_sequence(&small, 60, 3);
    let mut engine = Engine::new(small);
    for f in &seq {
        engine.run(f, Stack::None);
    }
    engine.cols = other.clone();
    let mut fresh = Engine::new(other);
    for f in seq.iter().rev() {
        let got = engine.run(f, Stack::Status).clone();
        assert!(got == *fresh.run_full(f, Stack::Status), "{f:?}");
        assert_eq!(engine.matching(f), fresh.matching(f));
    }
}

/// Two real datasets loaded as one (the app's `dataset=gcdf3~aims`): `source=` keeps the records of
/// the datasets it names, and the dataset view counts each dataset's records under every other
/// filter, as a plain count over the records and their parts says.
#[test]
fn a_union_filters_and_counts_by_dataset() {
    let (gcdf, r) = load();
    let aims = parse_dataset("aims.json", &read("public/data/aims.json"), &r).unwrap();
    let gcdf = bridges_core::Loaded {
        dataset: gcdf,
        issues: Vec::new(),
    };
    let u = bridges_core::catalog::union(vec![("gcdf3".into(), gcdf), ("aims".into(), aims)]);
    let d = &u.dataset;
    let mut engine = Engine::new(Columns::build(d, &r, "USD", "constant 2021"));
    assert_eq!(engine.cols.datasets, ["gcdf3", "aims"]);
    let source = |i: usize| d.part_of(i).map(|k| d.parts[k].id.as_str());
    for q in [
        "",
        "source=aims",
        "source=gcdf3&sector=230",
        "source=aims~gcdf3&country=NPL",
        "sector=230&from=2005",
        "source=aims&region=142",
    ] {
        let (state, notices) = parse(q);
        assert!(notices.is_empty(), "{q}: {notices:?}");
        let f = &state.filters;
        let a = engine.run(f, Stack::None).clone();
        let kept =
            |i: usize| f.datasets.is_empty() || source(i).is_some_and(|s| f.datasets.contains(s));
        let count = |keep: &dyn Fn(usize, &Project) -> bool| {
            d.projects
                .iter()
                .enumerate()
                .filter(|(i, p)| keep(*i, p))
                .count() as u32
        };
        assert_eq!(
            a.total.count,
            count(&|i, p| kept(i) && passes(p, f, &r, None)),
            "{q}: total"
        );
        for (k, id) in engine.cols.datasets.iter().enumerate() {
            assert_eq!(
                a.by_dataset[k].count,
                count(&|i, p| source(i) == Some(id.as_str()) && passes(p, f, &r, None)),
                "{q}: dataset {id}"
            );
        }
        for (k, code) in engine.cols.sectors.iter().enumerate() {
            let want = count(&|i, p| {
                kept(i)
                    && passes(p, f, &r, Some(dim::SECTOR))
                    && p.sector.as_ref().map(|s| s.code) == Some(*code)
            });
            assert_eq!(a.by_sector[k].count, want, "{q}: sector {code}");
        }
    }
    // Each dataset alone has as many records as its own file.
    let (s, _) = parse("source=aims");
    let aims_alone = engine.run(&s.filters, Stack::None).total.count;
    assert_eq!(aims_alone as usize, d.projects.len() - d.parts[1].start);
    // AIMS amounts are in other price bases than the union's headline unit (constant 2021 USD): its
    // records alone have no known amount in that unit, which is not an amount of zero.
    let agg = engine.run(&s.filters, Stack::None).clone();
    let h = bridges_core::explore::headline(&agg, &engine.cols, &s.filters, "USD", "constant 2021");
    assert_eq!(h.amount, None, "{h:?}");
    assert!(h.amount_other_groups > 0, "{h:?}");
}
