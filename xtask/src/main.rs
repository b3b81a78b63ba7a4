//! `cargo xtask <task>`: prepare-data [--check] · serve [DIR] [--port N] [--base /atlas/] · size [DIR] ·
//! post-build (Trunk's post_build hook: split-wasm, then snapshots; each also runs on its own) ·
//! check-imports

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use xtask::{imports, prepare, serve, size, split};

/// Splits the staged wasm (split.rs), then minifies the staged stylesheets (css.rs): both recompute
/// index.html's integrity hashes.
fn split_and_minify(root: &Path) -> Result<()> {
    let r = split::split_wasm(root)?;
    let chunks: u64 = r.chunks.iter().map(|c| c.1).sum();
    println!(
        "split-wasm: {} main module {:.1} KB, {} chunks {:.1} KB (raw)",
        r.stem,
        r.main_bytes as f64 / 1024.0,
        r.chunks.len(),
        chunks as f64 / 1024.0
    );
    for (name, before, after) in xtask::css::minify_staged()? {
        println!("minify-css: {name} {before} → {after} bytes");
    }
    Ok(())
}

/// The built-in datasets' snapshots and the headline's `<meta>` in index.html (snapshots.rs).
fn snapshots() -> Result<()> {
    for w in xtask::snapshots::write_staged_snapshots()? {
        println!(
            "snapshots: {} {} ({} for the JSON file)",
            w.path,
            size::kb(w.bytes),
            size::kb(w.json_bytes)
        );
    }
    Ok(())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("prepare-data") => prepare_data(&root, args.iter().any(|a| a == "--check")),
        Some("serve") => serve_dist(&root, &args[1..]),
        Some("size") => {
            let budget = args.iter().any(|a| a == "--budget");
            let dir = args
                .iter()
                .skip(1)
                .find(|a| !a.starts_with("--"))
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("dist"));
            print_size(&dir, budget)
        }
        // Trunk runs the hooks of a stage at the same time, and each of these rewrites index.html (the
        // integrity hashes, the headline's <meta>): one hook runs them one after the other.
        Some("post-build") => split_and_minify(&root).and_then(|()| snapshots()),
        Some("split-wasm") => split_and_minify(&root),
        Some("snapshots") => snapshots(),
        Some("check-imports") => check_imports(&root),
        _ => Err(anyhow::anyhow!("usage: cargo xtask prepare-data [--check] | serve [DIR] [--port N] [--base /atlas/] | size [DIR] [--budget] | post-build (Trunk's hook: split-wasm, then snapshots) | check-imports")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn prepare_data(root: &Path, check: bool) -> Result<()> {
    let out = prepare::prepare(&root.join("data/raw"))?;
    let targets = [
        (root.join("public/data/projects.json"), &out.projects_json),
        (root.join("public/data/reference.json"), &out.reference_json),
        (root.join("public/data/world.json"), &out.world_json),
        (root.join("public/data/aims.json"), &out.aims_json),
        (root.join("public/data/catalog.json"), &out.catalog_json),
    ];
    for (path, text) in targets {
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if &current != text {
                bail!(
                    "{} is out of date: run `cargo xtask prepare-data`",
                    path.display()
                );
            }
        } else {
            std::fs::write(&path, text).with_context(|| path.display().to_string())?;
        }
        println!(
            "{} {} ({})",
            if check { "up to date:" } else { "wrote" },
            path.display(),
            size::kb(text.len())
        );
    }
    println!("{}", out.report);
    Ok(())
}

/// Prints every import problem (xtask/src/imports/) and fails if there is one.
fn check_imports(root: &Path) -> Result<()> {
    let found = imports::check(root)?;
    for problem in &found {
        println!("{problem}");
    }
    if !found.is_empty() {
        bail!("check-imports: {} problem(s)", found.len());
    }
    println!(
        "check-imports: no import cycle in core/src, no page imports a page, no web crate in the core, \
         no file over {} lines without a reason, no file that cannot be read",
        imports::MAX_LINES
    );
    Ok(())
}

fn serve_dist(root: &Path, args: &[String]) -> Result<()> {
    let mut dir = root.join("dist");
    let mut port = "8080".to_string();
    let mut base = "/".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => port = it.next().cloned().context("--port needs a number")?,
            "--base" => base = it.next().cloned().context("--base needs a path")?,
            other => dir = PathBuf::from(other),
        }
    }
    let cfg = serve::ServeConfig {
        root: dir.clone(),
        base: base.clone(),
        mounts: vec![],
        headers: vec![],
    };
    let running = serve::start(cfg, &format!("127.0.0.1:{port}"))?;
    println!(
        "Serving {} at {}{}  (Ctrl-C to stop)",
        dir.display(),
        running.url(),
        base
    );
    loop {
        std::thread::park();
    }
}

/// Brotli budgets CI enforces (`cargo xtask size --budget`), in KB.
/// - App code at start: what index.html loads before any page's code (boot.js, wasm-bindgen's glue, the
///   main wasm module, the chunk loader, the CSS, and embed.js and sw.js). Issue #8's target is 250 KB;
///   on 2026-12-01 the start grew to 265.1 KB (the tolerant JSON reader of issue #14, routes as types
///   with per-page titles and focus, the unknown-code check, larger catalogues, CSS), and in the second
///   session of that day to 277.6 KB (the actor, partner-finder and spreadsheet catalogues, whose strings
///   sit in the main module's data; typed validator expectations; the dataset union and picker; amounts
///   with their unit), so the CI budget is 280 KB until the start is brought back under the target
///   (still reported as "not met"). Raising it is a regression, said so in README and the issue notes.
///   In the third session of 2026-12-01 the start grew again, to 282.6 KB, with the dataset and agency
///   dimensions (the column builder's agency keys, the codec's `source=` and `agency=`, the catalogue
///   titles in the banner): the budget was 285 KB. On 2026-12-02 (later session) it reached 288.8 KB: the
///   front page's, mini-map's and finder slide's strings in both languages are data segments of the main
///   module, which wasm-split cannot move into their chunks, and the catalogue's counts, years and price
///   bases are read at start: the budget is 290 KB. Later that day 290.3 KB: the union's files fetched at
///   once (`try_join_all`) and the headline's `elementtiming` mark for the load benchmark, while the packs
///   (split.rs) cut every page's first load by 40–70 KB and its requests from ~130 to a few: 291 KB. Then
///   293.5 KB with `bridges/2` (issue #15): the actors' reader and its located, translated problems are
///   part of the loader, which is start code, and providers that are not countries are named (chart
///   labels, the map's list of providers it cannot draw): 294 KB. Then 294.0 KB with the co-financiers
///   (the map's fourth flow style and its legend, the partners' roles on the project page, in both
///   languages): 295 KB. Then 297.8 KB on 2026-12-03 with the built-in datasets' snapshots (fetching,
///   inflating and falling back to the JSON file; the snapshot reader itself is a 7.4 KB chunk), which take
///   the default data's 250–300 ms validation off the first visit: 298 KB. Then 283.7 KB with the JSON
///   reader (scanner and validator, which built-in data read from snapshots no longer needs) as a chunk
///   fetched beside a `?data=` file, a local file or a sheet; 285.7 KB once the chunk loader names the
///   packs that hold each packed chunk (so a chunk waits only for those, not every pack in flight): 289 KB. On 2026-12-03 (sixth session) the
///   reader of the data became one chunk fetched beside the data (src/app_data/reader.rs: the
///   snapshots, the reference tables and the catalogue, whose serde_json code left the start, the union
///   of datasets, the summary and the column store): 246.3 KB, under issue #8's target. Budget 247 KB.
///   On 2026-12-04 257.1 KB: the front page's first screen (its title and the headline, the figures the
///   build wrote into index.html) became start code, so that a first visit's headline waits neither for
///   the page's code nor for the data (cold visits alternated with the build before, bench_load_100k_projects:
///   painted 308–460 ms after navigation instead of 684–832 ms; as a split of its own, 452–572 ms). Issue
///   #8's 250 KB is not met by 7.1 KB; issue #19's "code before the first headline ≤ 250 KB" went from
///   422.2 KB to these 257.1 KB (257.6 KB in scripts/test on a fresh clone of the same commit). Budget 259 KB.
///   Later that day 246.5 KB, both targets met again: the main module's imports from wasm-bindgen's glue
///   have short names (split/glue_names.rs, −8.1 KB) and the stylesheets lose their comments and extra
///   space (css.rs, −2.5 KB). Budget 248 KB. Then 245.2 KB with the chunk loader's blocks as one table
///   (split/loader_table.rs, −1.3 KB): budget 247 KB. On 2026-12-05 243.0 KB, every module smaller
///   once the engine has wasm SIMD loops (the module's target features include simd128, which
///   wasm-opt reads): budget 245 KB.
/// - The heaviest first load of one page (the start plus the chunks that page needs, and since 2026-12-03
///   the reader's, which every page loads): just above today's
///   (the presenter, 571.6 KB on 2026-12-01; 578.1 KB once the incremental crossfilter of issue #19 came
///   back that evening: its delta paths, row indexes and exact accumulators are in the chunk every data
///   view shares, +6.5 KB; 582.5 KB with the dataset and agency dimensions; 588.0 KB on 2026-12-02 with
///   the remask path and snapshot of the crossfilter, story slides of any project id and the bounded
///   problem list of the story builder: budget 590 KB; 604.6 KB later that day, with the project
///   detail's mini-map wiring (shown on project slides), the story's own dataset (`"dataset"`, which
///   switches the loaded data) and the finder slide's glue, the finder's own code split off (646.9 KB
///   before it was): budget 610 KB; 561.0 KB on 2026-12-03 counted with the reader's files: budget
///   565 KB; 552.7 KB on 2026-12-04 once the start shrank by 10.6 KB: budget 555 KB; 548.9 KB on
///   2026-12-05 with the engine's wasm SIMD loops: budget 551 KB), so that growth
///   fails the build.
/// - The default data: issue #8's 600 KB target.
const APP_BUDGET_KB: f64 = 245.0;
const PAGE_BUDGET_KB: f64 = 551.0;
const DATA_BUDGET_KB: f64 = 600.0;
const APP_TARGET_KB: f64 = 250.0;
const DATA_TARGET_KB: f64 = 600.0;

/// The workbook reader's worker (sheet-worker/, named by Trunk without a hash): started only when a
/// workbook is opened, so not code at start.
const WORKER_PREFIX: &str = "sheet_worker";

fn print_size(dist: &Path, budget: bool) -> Result<()> {
    let (mut app, files) = size::weigh(dist, &["wasm", "js", "css"])?;
    let mut worker = size::Weight::default();
    for (name, w) in &files {
        println!(
            "{name:<40} {:>10} raw {:>10} brotli",
            size::kb(w.raw),
            size::kb(w.brotli)
        );
        if name.starts_with(WORKER_PREFIX) {
            worker.raw += w.raw;
            worker.brotli += w.brotli;
        }
    }
    app.raw -= worker.raw;
    app.brotli -= worker.brotli;
    println!(
        "workbook reader (a worker, started when a workbook is opened): {} raw, {} brotli",
        size::kb(worker.raw),
        size::kb(worker.brotli)
    );
    let split = size::weigh_split(dist)?.unwrap_or_default();
    let start = app.brotli + split.loader.brotli;
    println!(
        "app code at start (wasm + js + css, with the chunk loader): {} raw, {} brotli",
        size::kb(app.raw + split.loader.raw),
        size::kb(start)
    );
    // src/pages/mod.rs: `overview_view`.
    println!(
        "code before the front page's first headline (its first screen is start code, its figures come from index.html): {} brotli",
        size::kb(start)
    );
    println!(
        "code loaded on demand: {} chunks, {} raw, {} brotli (all code: {} brotli)",
        split.chunk_count,
        size::kb(split.chunks.raw),
        size::kb(split.chunks.brotli),
        size::kb(start + split.chunks.brotli)
    );
    println!(
        "  the same small chunks again as packs, one file per split: {} raw, {} brotli",
        size::kb(split.packs.raw),
        size::kb(split.packs.brotli)
    );
    let mut heaviest = ("nothing split", start);
    for (name, w) in &split.splits {
        println!(
            "  first load with {name:<16} {:>10} brotli ({} of its chunks and the reader's)",
            size::kb(start + w.brotli),
            size::kb(w.brotli)
        );
        if start + w.brotli > heaviest.1 {
            heaviest = (name, start + w.brotli);
        }
    }
    let (mut data, data_files) = size::weigh(&dist.join("data"), &["json"])?;
    // Datasets fetched only when chosen (listed in data/catalog.json) are not part of the default data.
    for (name, w) in data_files
        .iter()
        .filter(|(n, _)| xtask::aims::ON_DEMAND.contains(&n.as_str()))
    {
        data.raw -= w.raw;
        data.brotli -= w.brotli;
        println!(
            "data/{name} (fetched only when chosen): {} raw, {} brotli",
            size::kb(w.raw),
            size::kb(w.brotli)
        );
    }
    println!(
        "default data (data/*.json): {} raw, {} brotli",
        size::kb(data.raw),
        size::kb(data.brotli)
    );
    if !budget {
        return Ok(());
    }
    let mut over = Vec::new();
    let heaviest_what = format!("heaviest first load ({})", heaviest.0);
    for (what, brotli, limit, target) in [
        (
            "app code at start",
            start,
            APP_BUDGET_KB,
            Some(APP_TARGET_KB),
        ),
        (heaviest_what.as_str(), heaviest.1, PAGE_BUDGET_KB, None),
        (
            "default data",
            data.brotli,
            DATA_BUDGET_KB,
            Some(DATA_TARGET_KB),
        ),
    ] {
        let kb = brotli as f64 / 1024.0;
        let target = target.map_or(String::new(), |t| {
            format!(
                ", issue #8's target {t:.0} KB ({})",
                if kb <= t { "met" } else { "not met" }
            )
        });
        println!(
            "budget {what}: {kb:.1} KB brotli, budget {limit:.0} KB ({}){target}",
            if kb <= limit { "ok" } else { "OVER" },
        );
        if kb > limit {
            over.push(format!(
                "{what} is {kb:.1} KB brotli, over its {limit:.0} KB budget"
            ));
        }
    }
    if !over.is_empty() {
        bail!("{}", over.join("; "));
    }
    Ok(())
}
