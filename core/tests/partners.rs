//! Partner finder and actor profiles on the real built-in data, checked against direct counts.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::partners::{self, agency_key, ActorId, Actors, Field, Gap, Role};
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::{parse_dataset, Dataset, Project};

struct Real {
    d: Dataset,
    r: ReferenceIndex,
    cols: Columns,
    actors: Actors,
}

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn real() -> &'static Real {
    static REAL: OnceLock<Real> = OnceLock::new();
    REAL.get_or_init(|| {
        let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
        let d = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
            .unwrap()
            .dataset;
        let cols = Columns::build(&d, &r, "USD", "constant 2021");
        let actors = Actors::build(&d, &cols);
        Real { d, r, cols, actors }
    })
}

fn rows_of(field: &Field) -> Vec<u32> {
    let mut engine = Engine::new(real().cols.clone());
    partners::field_rows(&mut engine, field)
}

/// Whether a record names the actor, by reading the record itself.
fn names(p: &Project, id: &ActorId) -> bool {
    match id {
        ActorId::Provider(iso) => p.providers.contains(iso),
        ActorId::Agency(key) => {
            let a = &p.agencies;
            a.funding
                .iter()
                .chain(&a.receiving)
                .chain(&a.implementing)
                .any(|n| &agency_key(n) == key)
        }
    }
}

fn energy() -> Field {
    Field {
        sectors: BTreeSet::from([230]),
        ..Field::default()
    }
}

#[test]
fn kenya_energy_actors_have_the_counts_of_the_records() {
    let r = real();
    let rows = rows_of(&energy());
    let direct: Vec<u32> = (0..r.d.projects.len() as u32)
        .filter(|&i| {
            r.d.projects[i as usize]
                .sector
                .as_ref()
                .is_some_and(|s| s.code == 230)
        })
        .collect();
    assert_eq!(rows, direct);
    let f = partners::find(&r.cols, &r.actors, "KEN", &rows);
    let region = |iso: &String| r.r.country(iso).and_then(|c| c.region.clone());
    let income = |iso: &String| r.r.country(iso).and_then(|c| c.income.clone());
    let ken = r.r.country("KEN").unwrap();
    assert_eq!(
        (ken.region.as_deref(), ken.income.as_deref()),
        (Some("002"), Some("LM"))
    );
    for a in f.actors.iter().take(25) {
        let mine: Vec<&Project> = rows
            .iter()
            .map(|&i| &r.d.projects[i as usize])
            .filter(|p| names(p, &a.id))
            .collect();
        let in_africa = mine
            .iter()
            .filter(|p| {
                p.recipients
                    .iter()
                    .any(|c| region(c).as_deref() == Some("002"))
            })
            .count();
        let lower_middle = mine
            .iter()
            .filter(|p| {
                p.recipients
                    .iter()
                    .any(|c| income(c).as_deref() == Some("LM"))
            })
            .count();
        let in_kenya = mine
            .iter()
            .filter(|p| p.recipients.contains(&"KEN".to_string()))
            .count();
        assert_eq!(
            (
                a.projects.total as usize,
                a.projects.same_region as usize,
                a.projects.same_income as usize,
                a.projects.in_country as usize
            ),
            (mine.len(), in_africa, lower_middle, in_kenya),
            "{}",
            a.display
        );
        // Every example is one of its records in the field.
        for &e in &a.examples {
            assert!(rows.contains(&e) && names(&r.d.projects[e as usize], &a.id));
        }
    }
    // The ranking key: records, plus two for Africa, plus one for lower-middle income.
    assert!(f.actors.windows(2).all(|w| w[0].score >= w[1].score));
    let top: Vec<&str> = f
        .actors
        .iter()
        .take(6)
        .map(|a| a.display.as_str())
        .collect();
    println!("{top:?}");
    assert_eq!(top[0], "CHN", "the one provider of the built-in data");
    assert!(top.contains(&"Export-Import Bank of China"), "{top:?}");
    assert!(
        f.actors
            .iter()
            .all(|a| !a.display.starts_with("Unspecified")),
        "placeholders are gaps, not actors"
    );
    let sinohydro = f.actors.iter().find(|a| a.display == "SinoHydro").unwrap();
    assert!(sinohydro.roles.contains_key(&Role::Implementing));
}

#[test]
fn kenya_energy_peers_and_gaps() {
    let r = real();
    let rows = rows_of(&energy());
    let f = partners::find(&r.cols, &r.actors, "KEN", &rows);
    assert!(
        f.peers.iter().all(|p| p.country != "KEN"),
        "peers are other countries"
    );
    for peer in f.peers.iter().take(10) {
        let n = rows
            .iter()
            .filter(|&&i| r.d.projects[i as usize].recipients.contains(&peer.country))
            .count();
        assert_eq!(peer.projects as usize, n, "{}", peer.country);
        assert_eq!(
            peer.amounts.known + peer.amounts.other_currency + peer.amounts.unknown,
            peer.projects
        );
    }
    // African lower-middle-income peers first (weight 4 a record), then others by their records.
    let first = &f.peers[0];
    assert!(first.same_region, "{}", first.country);
    // Records: closest context first.
    let p0 = &r.d.projects[f.rows[0] as usize];
    assert!(p0
        .recipients
        .iter()
        .any(|c| r.r.country(c).and_then(|c| c.region.as_deref()) == Some("002")));
    assert_eq!(f.rows.len(), rows.len());
    // What it cannot know, counted over the same records.
    let ps: Vec<&Project> = rows.iter().map(|&i| &r.d.projects[i as usize]).collect();
    let unknown = ps.iter().filter(|p| p.amount.is_none()).count() as u32;
    let no_agency = ps
        .iter()
        .filter(|p| {
            p.agencies.funding.is_empty()
                && p.agencies.receiving.is_empty()
                && p.agencies.implementing.is_empty()
        })
        .count() as u32;
    assert!(
        f.gaps.contains(&Gap::AmountUnknown(unknown)),
        "{:?}",
        f.gaps
    );
    assert!(f.gaps.contains(&Gap::NoAgency(no_agency)), "{:?}", f.gaps);
    assert!(f.gaps.contains(&Gap::SingleProvider("CHN".into())));
    assert!(unknown > 0 && no_agency > 0);
    println!("{:?}", f.gaps);
}

#[test]
fn chinese_words_reach_english_records() {
    let r = real();
    let field = Field {
        words: "水电".into(),
        ..Field::default()
    };
    let rows = rows_of(&field);
    assert!(rows.len() > 50, "{}", rows.len());
    assert!(rows.iter().all(|&i| {
        let t = r.d.projects[i as usize].title.to_lowercase();
        t.contains("hydro")
    }));
    let f = partners::find(&r.cols, &r.actors, "NPL", &rows);
    assert!(f.actors.iter().any(|a| a.display == "SinoHydro"));
}

#[test]
fn unknown_country_and_empty_field_are_gaps_not_panics() {
    let r = real();
    let f = partners::find(&r.cols, &r.actors, "XXX", &rows_of(&energy()));
    assert!(f.gaps.contains(&Gap::UnknownCountry("XXX".into())));
    assert!(f.actors[0].projects.same_region == 0);
    let f = partners::find(&r.cols, &r.actors, "KEN", &[]);
    assert_eq!(f.gaps, [Gap::NoRecords]);
    assert!(partners::find(&r.cols, &r.actors, "KEN", &[u32::MAX])
        .rows
        .is_empty());
}

#[test]
fn actor_profile_counts_and_spellings() {
    let r = real();
    let id = ActorId::Agency(agency_key("Export-Import Bank of China"));
    let p = partners::profile(&r.actors, &r.cols, &id).unwrap();
    let direct: Vec<u32> = (0..r.d.projects.len() as u32)
        .filter(|&i| names(&r.d.projects[i as usize], &id))
        .collect();
    assert_eq!(p.rows, direct);
    let a = &p.amounts;
    assert_eq!(
        (a.known + a.other_currency + a.unknown) as usize,
        direct.len()
    );
    let known: Vec<f64> = direct
        .iter()
        .filter_map(|&i| r.d.projects[i as usize].amount.as_ref().map(|a| a.value))
        .collect();
    assert_eq!(a.known as usize + a.other_currency as usize, known.len());
    assert!(
        a.unknown > 0,
        "unknown amounts are counted, not added as zero"
    );
    assert!((a.known_sum - known.iter().sum::<f64>()).abs() < 1.0);
    let kenya = p.countries.get("KEN").unwrap();
    assert_eq!(kenya.count as usize, kenya.rows.len());
    assert!(kenya.rows.iter().all(|&i| r.d.projects[i as usize]
        .recipients
        .contains(&"KEN".to_string())));
    let years: u32 = p.years.values().map(|c| c.count).sum();
    assert_eq!(years as usize, direct.len());
    assert!(p
        .partners
        .iter()
        .any(|(id, _)| id == &ActorId::Provider("CHN".into())));
    for (other, c) in &p.partners {
        assert!(c
            .rows
            .iter()
            .all(|&i| names(&r.d.projects[i as usize], other) && direct.contains(&i)));
    }
    // Two raw spellings of one company: grouped under one key, both listed with their counts.
    let id = ActorId::Agency(agency_key("China Railway 25th Bureau Group Co Ltd."));
    let p = partners::profile(&r.actors, &r.cols, &id).unwrap();
    let spellings: Vec<&str> = p.spellings.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(spellings.len(), 2, "{spellings:?}");
    assert!(spellings.contains(&"China Railway 25th Bureau Group Co.,Ltd."));
    assert_eq!(
        p.spellings.iter().map(|s| s.1).sum::<u32>() as usize,
        p.rows.len()
    );
    assert!(partners::profile(&r.actors, &r.cols, &ActorId::Agency("nobody".into())).is_none());
}

#[test]
fn every_agency_mention_is_an_actor_row() {
    let r = real();
    let mut mentions = 0usize;
    for (i, p) in r.d.projects.iter().enumerate() {
        let a = &p.agencies;
        let keys: BTreeSet<String> = a
            .funding
            .iter()
            .chain(&a.receiving)
            .chain(&a.implementing)
            .map(|n| agency_key(n))
            .collect();
        mentions += keys.len();
        for k in keys {
            let actor = r.actors.get(&ActorId::Agency(k)).unwrap();
            assert!(actor.rows.iter().any(|x| x.0 == i as u32));
        }
    }
    let rows: usize = r
        .actors
        .list
        .iter()
        .filter(|a| matches!(a.id, ActorId::Agency(_)))
        .map(|a| a.rows.len())
        .sum();
    assert_eq!(rows, mentions);
    let no_agency =
        r.d.projects
            .iter()
            .filter(|p| p.agencies == Default::default())
            .count();
    assert_eq!(r.actors.rows_without_agency.len(), no_agency);
}

#[test]
fn batched_build_equals_whole_build() {
    let r = real();
    let mut b = partners::ActorsBuilder::new(&r.d, &r.cols);
    while !b.step(1_000) {
        assert_eq!(b.rows_done() % 1_000, 0);
    }
    let a = b.finish();
    assert_eq!(a.list, r.actors.list);
    assert_eq!(a.rows_without_agency, r.actors.rows_without_agency);
    assert_eq!(a.of_row(5), r.actors.of_row(5));
}
