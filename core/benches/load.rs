//! `cargo bench -p bridges-core --bench load`: loading the built-in dataset as the app does, on the host
//! (release build): the streamed reader with its validation, then the column store. Median and minimum
//! of 15 runs after one warm-up, so that a change to the reader can be measured without a browser's
//! noise (the browser's figures are `bench_load_100k_projects`'s).

use std::path::PathBuf;
use std::time::Instant;

use bridges_core::columns::Columns;
use bridges_core::incremental::DatasetReader;
use bridges_core::reference::parse_reference;

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
    let bytes = read("public/data/projects.json");
    let (mut reading, mut columns) = (Vec::new(), Vec::new());
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
        if run > 0 {
            reading.push(read_ms);
            columns.push(cols_ms);
        }
    }
    let mb = bytes.len() as f64 / 1e6;
    report(
        &format!("built-in dataset ({mb:.1} MB): read and validated"),
        reading,
    );
    report("built-in dataset: column store", columns);
}
