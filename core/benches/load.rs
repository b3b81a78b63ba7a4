//! `cargo bench -p bridges-core --bench load`: loading the built-in dataset as the app does, on the host
//! (release build): the streamed reader with its validation, then the column store; and a first visit's
//! path: the reference tables, reading the dataset's snapshot (written here from the reader's result,
//! as the build writes `data/projects.bsnap`; the browser's inflating is not timed), its summary, the
//! column store. Median and minimum of 15 runs after one warm-up, so that a change to the reader can
//! be measured without a browser's noise (the browser's figures are `bench_load_100k_projects`'s).

use std::path::PathBuf;
use std::time::Instant;

use bridges_core::columns::Columns;
use bridges_core::incremental::DatasetReader;
use bridges_core::reference::parse_reference;
use bridges_core::{snapshot, Summary};

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(rel),
    )
    .expect(rel)
}

fn report(what: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.1} ms, min {:.1} ms ({} runs)",
        ms[ms.len() / 2],
        ms[0],
        ms.len()
    );
}

fn main() {
    let text = String::from_utf8(read("public/data/reference.json")).expect("UTF-8");
    let reference = parse_reference("reference.json", &text).expect("reference");
    let tables: Vec<f64> = (0..16)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(parse_reference("reference.json", &text).expect("reference"));
            t.elapsed().as_secs_f64() * 1e3
        })
        .skip(1)
        .collect();
    report("first visit: reference tables", tables);
    let bytes = read("public/data/projects.json");
    let (mut reading, mut columns) = (Vec::new(), Vec::new());
    let mut snap = Vec::new();
    for run in 0..16 {
        let t = Instant::now();
        let mut reader = DatasetReader::new("projects.json", &bytes, &reference);
        while !reader.step(500) {}
        let loaded = reader.finish().expect("the built-in dataset reads");
        let read_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let cols = Columns::build(&loaded.dataset, &reference, "USD", "constant 2021");
        let cols_ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(cols.text.len(), loaded.dataset.projects.len());
        // What a first visit does instead of reading the JSON: the build's snapshot of the same
        // result (written here from it, as the build does), read back, summarised, put in columns.
        let bytes = snapshot::write(&loaded);
        let t = Instant::now();
        let back = snapshot::read(&bytes, "projects.json").expect("the snapshot reads back");
        let snap_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let summary = Summary::of_dataset(&back.dataset);
        let summary_ms = t.elapsed().as_secs_f64() * 1e3;
        let unit = summary.unit();
        let t = Instant::now();
        let cols = Columns::build(&back.dataset, &reference, &unit.currency, &unit.price_base);
        let snap_cols_ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(cols.len, back.dataset.projects.len());
        if run > 0 {
            reading.push(read_ms);
            columns.push(cols_ms);
            snap.push((snap_ms, summary_ms, snap_cols_ms));
        }
    }
    report(
        "first visit: snapshot read",
        snap.iter().map(|s| s.0).collect(),
    );
    report("first visit: summary", snap.iter().map(|s| s.1).collect());
    report(
        "first visit: column store",
        snap.iter().map(|s| s.2).collect(),
    );
    let mb = bytes.len() as f64 / 1e6;
    report(
        &format!("built-in dataset ({mb:.1} MB): read and validated"),
        reading,
    );
    report("built-in dataset: column store", columns);
}
