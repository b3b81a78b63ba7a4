//! Timing of the similarity index, similar projects and the partner finder, on the real data and on the
//! real records repeated to 100k. Host, release build:
//! `cargo test -p bridges-core --release --test timing_similar -- --ignored --nocapture`

use std::path::PathBuf;
use std::time::Instant;

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::partners::{self, Actors, Field};
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::similar::{self, Weights};
use bridges_core::{parse_dataset, Dataset};

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn reference() -> ReferenceIndex {
    parse_reference("reference.json", &read("public/data/reference.json")).unwrap()
}

/// The real records repeated up to `n`: copies get new ids and their recipients move to other
/// countries, so posting lists grow with `n` (the vocabulary does not: the titles are the same).
fn scaled(base: &Dataset, n: usize) -> Dataset {
    let countries: Vec<String> = reference()
        .tables
        .countries
        .iter()
        .map(|c| c.iso3.clone())
        .collect();
    let mut d = Dataset {
        actors: base.actors.clone(),
        meta: base.meta.clone(),
        projects: Vec::with_capacity(n),
        parts: Vec::new(),
    };
    for i in 0..n {
        let mut p = base.projects[i % base.projects.len()].clone();
        let copy = i / base.projects.len();
        if copy > 0 {
            p.id = format!("{}-{copy}", p.id);
            for (j, c) in p.recipients.iter_mut().enumerate() {
                *c = countries[(i * 7 + j * 13 + copy) % countries.len()].clone();
            }
        }
        d.projects.push(p);
    }
    d
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

#[test]
#[ignore]
fn timing() {
    let r = reference();
    let real = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
        .unwrap()
        .dataset;
    let big = scaled(&real, 100_000);
    for (name, d) in [("real 9,404", &real), ("scaled 100k", &big)] {
        let cols = Columns::build(d, &r, "USD", "constant 2021");
        let t = Instant::now();
        let mut b = similar::IndexBuilder::new(d, &cols);
        let mut worst_step = 0.0f64;
        loop {
            let s = Instant::now();
            let done = b.step(2_000);
            worst_step = worst_step.max(ms(s));
            if done {
                break;
            }
        }
        let s = Instant::now();
        let ix = b.finish();
        let finish = ms(s);
        println!(
            "{name}: index built in {:.1} ms (longest 2,000-row step {worst_step:.1} ms, finish {finish:.1} ms), {} words",
            ms(t),
            ix.terms_len()
        );
        let w = Weights::default();
        let mut times: Vec<f64> = (0..200u32)
            .map(|i| {
                let row = (i * 7919) % d.projects.len() as u32;
                let s = Instant::now();
                std::hint::black_box(similar::similar(&ix, &cols, row, 10, &w));
                ms(s)
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "  similar(): median {:.2} ms, p95 {:.2} ms, max {:.2} ms over 200 records",
            times[100], times[190], times[199]
        );
        let africa: Vec<u32> = (0..cols.len as u32)
            .filter(|&i| {
                cols.row_countries(i as usize).iter().any(|&k| {
                    cols.regions
                        .get(cols.country_region[k as usize] as usize)
                        .is_some_and(|r| r == "002")
                })
            })
            .collect();
        let s = Instant::now();
        std::hint::black_box(similar::like_these(&ix, &cols, &africa, 10, &w));
        println!(
            "  like_these() over {} African rows: {:.2} ms",
            africa.len(),
            ms(s)
        );
        let s = Instant::now();
        let actors = Actors::build(d, &cols);
        println!(
            "  Actors::build: {:.1} ms, {} actors",
            ms(s),
            actors.list.len()
        );
        let mut engine = Engine::new(cols.clone());
        let field = Field {
            sectors: [230].into(),
            ..Field::default()
        };
        let s = Instant::now();
        let rows = partners::field_rows(&mut engine, &field);
        let matching = ms(s);
        let s = Instant::now();
        let f = partners::find(&cols, &actors, "KEN", &rows);
        println!(
            "  partner finder KEN/energy: {} rows matched in {matching:.2} ms, ranked in {:.2} ms ({} actors, {} peers)",
            rows.len(),
            ms(s),
            f.actors.len(),
            f.peers.len()
        );
        let eximbank =
            partners::ActorId::Agency(partners::agency_key("Export-Import Bank of China"));
        let s = Instant::now();
        std::hint::black_box(partners::profile(&actors, &cols, &eximbank));
        println!("  profile(Export-Import Bank of China): {:.2} ms", ms(s));
    }
}
