//! `cargo bench -p bridges-core`: filter + every view's aggregates, per filter change, over the default
//! dataset and seeded synthetic datasets of 100k and 1M projects. Prints median and p95 per change over
//! the fixed 100-change sequence (`synthetic::filter_sequence`), after one warm-up pass.

use std::path::PathBuf;
use std::time::Instant;

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::query::Stack;
use bridges_core::reference::parse_reference;
use bridges_core::{parse_dataset, synthetic};

fn read(rel: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(rel),
    )
    .expect(rel)
}

fn bench(name: &str, cols: Columns) {
    let seq = synthetic::filter_sequence(&cols, 100, 7);
    let rows = cols.len;
    let mut engine = Engine::new(cols);
    for f in &seq {
        engine.run(f, Stack::None);
    }
    let mut times: Vec<f64> = seq
        .iter()
        .map(|f| {
            let t = Instant::now();
            let total = engine.run(f, Stack::None).total.count;
            std::hint::black_box(total);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{name:<28} {rows:>9} rows   median {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms",
        synthetic::percentile(&times, 0.5),
        synthetic::percentile(&times, 0.95),
        times[times.len() - 1]
    );
}

fn main() {
    let reference =
        parse_reference("reference.json", &read("public/data/reference.json")).expect("reference");
    let t = Instant::now();
    let loaded = parse_dataset(
        "projects.json",
        &read("public/data/projects.json"),
        &reference,
    )
    .expect("dataset");
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let cols = Columns::build(&loaded.dataset, &reference, "USD", "constant 2021");
    println!(
        "default dataset: parse + validate {parse_ms:.0} ms, columns {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("filter + all views, per change (100 changes, host, release build):");
    bench("default (AidData GCDF 3.0)", cols);
    bench(
        "synthetic 100k",
        synthetic::columns(100_000, 42, &reference),
    );
    bench(
        "synthetic 1M",
        synthetic::columns(1_000_000, 42, &reference),
    );
}
