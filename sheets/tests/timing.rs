//! Timing of a 50,000-row sheet, CSV and .xlsx: read, propose, import, and core's parse of the output.
//! Run on purpose: `cargo test --release -p bridges-sheets --test timing -- --ignored --nocapture`.
//! With `BRIDGES_BIG_SHEETS=DIR` it also writes the two files there (`big.csv`, `big.xlsx`), for the
//! browser's timing (`tests/e2e/tests/spreadsheet/main.rs`, `fifty_thousand_rows_in_the_browser`).

mod common;

use std::time::Instant;

use bridges_sheets::{ReadOptions, SheetReader};
use rust_xlsxwriter::Workbook;

const N: usize = 50_000;
const ISO: [&str; 8] = ["AGO", "KEN", "PAK", "LAO", "BRA", "ZMB", "NPL", "PER"];

fn row(i: usize) -> [String; 7] {
    [
        format!("P{i}"),
        format!("Project number {i}: a hospital, a road or a school"),
        ISO[i % 8].to_string(),
        ["120", "210", "230", "110"][i % 4].to_string(),
        (2000 + i % 22).to_string(),
        if i.is_multiple_of(5) {
            String::new()
        } else {
            format!("{}", i * 1000 + 7)
        },
        ["Completion", "Implementation"][i % 2].to_string(),
    ]
}

const HEADER: [&str; 7] = [
    "project_id",
    "title",
    "recipients_iso3",
    "ad_sector_codes",
    "Year",
    "Amount (USD)",
    "status",
];

fn run(name: &str, bytes: Vec<u8>) {
    if let Some(dir) = std::env::var_os("BRIDGES_BIG_SHEETS") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(dir.join(name), &bytes).expect("write");
    }
    let env = common::env();
    let t = Instant::now();
    let mut r = SheetReader::open(name, bytes, &ReadOptions::default()).expect("opens");
    let open = t.elapsed();
    let mut slowest = std::time::Duration::ZERO;
    loop {
        let s = Instant::now();
        let p = r.step(2_000).expect("step");
        slowest = slowest.max(s.elapsed());
        if p.done {
            break;
        }
    }
    let sheet = r.finish().expect("sheet");
    let read = t.elapsed();
    let t = Instant::now();
    let p = env.propose(&sheet);
    let propose = t.elapsed();
    let t = Instant::now();
    let out =
        bridges_sheets::apply(&sheet, &p.mapping, &env.countries, &env.r, name).expect("maps");
    let import = t.elapsed();
    let t = Instant::now();
    let loaded = bridges_core::parse_dataset("x.json", &out.json, &env.r).expect("parses");
    let parse = t.elapsed();
    assert_eq!(loaded.dataset.projects.len(), N);
    assert_eq!(out.projects, N);
    println!(
        "{name}: read {read:?} (opening {open:?}, slowest step of 2,000 rows {slowest:?}), propose {propose:?}, import {import:?}, \
         total {:?}; then bridges-core parses the output in {parse:?}; {} issues",
        read + propose + import,
        out.issues.len()
    );
    println!("{:?}", out.issues.first());
}

#[test]
#[ignore]
fn fifty_thousand_rows() {
    let mut csv = HEADER.join(",") + "\n";
    for i in 0..N {
        let cells: Vec<String> = row(i).iter().map(|c| format!("\"{c}\"")).collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    run("big.csv", csv.into_bytes());

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for i in 0..N {
        for (c, v) in row(i).iter().enumerate() {
            match v.parse::<f64>() {
                Ok(x) if c != 0 => ws.write_number(i as u32 + 1, c as u16, x),
                _ => ws.write_string(i as u32 + 1, c as u16, v),
            }
            .expect("cell");
        }
    }
    run("big.xlsx", wb.save_to_buffer().expect("xlsx"));
}
