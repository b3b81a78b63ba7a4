//! `cargo xtask <task>`: prepare-data [--check] · serve [DIR] [--port N] [--base /atlas/] · size [DIR]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xtask::{prepare, serve, size};

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
        _ => Err("usage: cargo xtask prepare-data [--check] | serve [DIR] [--port N] [--base /atlas/] | size [DIR] [--budget]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn prepare_data(root: &Path, check: bool) -> Result<(), String> {
    let out = prepare::prepare(&root.join("data/raw")).map_err(|e| e.to_string())?;
    let targets = [
        (root.join("public/data/projects.json"), &out.projects_json),
        (root.join("public/data/reference.json"), &out.reference_json),
        (root.join("public/data/world.json"), &out.world_json),
    ];
    for (path, text) in targets {
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if &current != text {
                return Err(format!(
                    "{} is out of date: run `cargo xtask prepare-data`",
                    path.display()
                ));
            }
        } else {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
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

fn serve_dist(root: &Path, args: &[String]) -> Result<(), String> {
    let mut dir = root.join("dist");
    let mut port = "8080".to_string();
    let mut base = "/".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => port = it.next().cloned().ok_or("--port needs a number")?,
            "--base" => base = it.next().cloned().ok_or("--base needs a path")?,
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

/// Brotli budgets CI enforces (`cargo xtask size --budget`), in KB. The data budget is the issue's
/// 600 KB target; the app-code budget sits just above today's weight (480.7 KB) so that growth fails
/// the build, while the 250 KB target is printed next to it and is not met yet.
const APP_BUDGET_KB: f64 = 490.0;
const DATA_BUDGET_KB: f64 = 600.0;
const APP_TARGET_KB: f64 = 250.0;
const DATA_TARGET_KB: f64 = 600.0;

fn print_size(dist: &Path, budget: bool) -> Result<(), String> {
    let (app, files) = size::weigh(dist, &["wasm", "js", "css"])
        .map_err(|e| format!("{}: {e}", dist.display()))?;
    for (name, w) in &files {
        println!(
            "{name:<40} {:>10} raw {:>10} brotli",
            size::kb(w.raw),
            size::kb(w.brotli)
        );
    }
    println!(
        "app code (wasm + js + css): {} raw, {} brotli",
        size::kb(app.raw),
        size::kb(app.brotli)
    );
    let (data, _) = size::weigh(&dist.join("data"), &["json"])
        .map_err(|e| format!("{}/data: {e}", dist.display()))?;
    println!(
        "default data (data/*.json): {} raw, {} brotli",
        size::kb(data.raw),
        size::kb(data.brotli)
    );
    if !budget {
        return Ok(());
    }
    let mut over = Vec::new();
    for (what, brotli, limit, target) in [
        ("app code", app.brotli, APP_BUDGET_KB, APP_TARGET_KB),
        ("default data", data.brotli, DATA_BUDGET_KB, DATA_TARGET_KB),
    ] {
        let kb = brotli as f64 / 1024.0;
        println!(
            "budget {what}: {kb:.1} KB brotli, budget {limit:.0} KB ({}), target {target:.0} KB ({})",
            if kb <= limit { "ok" } else { "OVER" },
            if kb <= target { "met" } else { "not met" }
        );
        if kb > limit {
            over.push(format!(
                "{what} is {kb:.1} KB brotli, over its {limit:.0} KB budget"
            ));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}
