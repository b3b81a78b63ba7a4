//! `cargo xtask split-wasm`: the first part of Trunk's post_build hook (`cargo xtask post-build`). Splits
//! the app's wasm at its `#[lazy]` pages into a main module and chunks that load on demand, so a visitor
//! downloads the code of the page they open and not the presenter, the story builder or the benchmark page
//! too.
//!
//! Trunk 0.21 runs cargo, wasm-bindgen and wasm-opt itself and cannot split. This hook takes the raw wasm
//! cargo built (linked with `--emit-relocs` by the `split` feature, see build.rs), splits it with
//! `wasm_split_cli_support` (the splitter cargo-leptos uses), runs wasm-bindgen on the main module (and
//! gives its imports from the glue short names, split/glue_names.rs) and wasm-opt on every module, writes
//! the chunk loader's chunks as a table (split/loader_table.rs), and puts the results where Trunk staged
//! its own (same file names, so index.html's script tag stays right; the subresource-integrity hashes in
//! index.html are recomputed).
//!
//! Staged layout, `<stem>` being Trunk's hashed name (`bridges-<hash>`):
//! - `<stem>.js`, `<stem>_bg.wasm`: wasm-bindgen's glue and the main module;
//! - `<stem>-split/__wasm_split.js`: the chunk loader the main module imports;
//! - `<stem>-split/*.wasm`: the chunks (the folder carries the build's hash, so no stale chunk is mixed
//!   with a newer main module);
//! - `<stem>-split/files.json`: `{"files": [...], "splits": {"<split>": [<files it needs>]}}`, read by
//!   sw.js (to precache every chunk for offline use) and by `cargo xtask size`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha384};

use crate::packs::{
    deps_with_packs, load_from_packs, pack, pack_file, plan_packs, without_comments,
};

mod glue_names;
mod loader_table;
mod tools;
use tools::{optimize_all, run, Tools};

/// What the hook produced, for its summary line and for tests.
#[derive(Debug)]
pub struct SplitReport {
    pub stem: String,
    /// File name (inside the split folder) and size in bytes of each chunk.
    pub chunks: Vec<(String, u64)>,
    pub main_bytes: u64,
}

/// Runs the hook in Trunk's environment (`TRUNK_STAGING_DIR`, `TRUNK_PROFILE`).
pub fn split_wasm(root: &Path) -> Result<SplitReport> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("TRUNK_STAGING_DIR is not set: split-wasm runs as Trunk's post_build hook")?;
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let profile = if release { "release" } else { "debug" };
    let input = target_dir
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("bridges.wasm");
    let work = target_dir.join("wasm-split").join(profile);
    let tools = Tools::find(root, &target_dir)?;
    let report = split_staged(&staging, &input, &work, release, &tools);
    tools.prune_cache();
    report
}

/// The context of a file operation's error: the path (`{:#}` shows `path: error`).
fn at(path: &Path) -> String {
    path.display().to_string()
}

/// The hashed stem of the app's files in the staging folder: `bridges-<hex>` from `bridges-<hex>.js`.
pub fn staged_stem(staging: &Path) -> Result<String> {
    let mut stems = Vec::new();
    for entry in std::fs::read_dir(staging).with_context(|| at(staging))? {
        let name = entry
            .with_context(|| at(staging))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(hash) = name
            .strip_prefix("bridges-")
            .and_then(|n| n.strip_suffix(".js"))
        {
            if !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                stems.push(format!("bridges-{hash}"));
            }
        }
    }
    match stems.as_slice() {
        [stem] => Ok(stem.clone()),
        [] => bail!("no bridges-<hash>.js in {}", staging.display()),
        _ => bail!(
            "several bridges-<hash>.js in {}: {stems:?}",
            staging.display()
        ),
    }
}

fn split_staged(
    staging: &Path,
    input: &Path,
    work: &Path,
    release: bool,
    tools: &Tools,
) -> Result<SplitReport> {
    let stem = staged_stem(staging)?;
    let split_name = format!("{stem}-split");
    let input_wasm = std::fs::read(input).with_context(|| at(input))?;

    if work.exists() {
        std::fs::remove_dir_all(work).with_context(|| at(work))?;
    }
    let out = work.join("out");
    let link_dir = out.join(&split_name);
    std::fs::create_dir_all(&link_dir).with_context(|| at(&link_dir))?;
    let main_out = work.join("main.wasm");
    // The main module imports the loader by this path, relative to `<stem>.js`; the loader imports
    // `initSync` from the glue, relative to itself.
    let link_name = format!("./{split_name}/__wasm_split.js");
    let main_module = format!("../{stem}.js");
    let split = {
        let mut opts = wasm_split_cli_support::Options::new(&input_wasm);
        opts.output_dir = &out;
        opts.main_out_path = &main_out;
        opts.link_name = &link_name;
        opts.main_module = &main_module;
        opts.target.web();
        wasm_split_cli_support::transform(opts)
            .map_err(|e| anyhow!("splitting {}: {e:?}", input.display()))?
    };

    // wasm-bindgen on the main module, as Trunk calls it (index.html: data-weak-refs), keeping the exports
    // the chunks link against.
    let bindgen = work.join("bindgen");
    run(Command::new(&tools.wasm_bindgen)
        .arg("--target=web")
        .arg(format!("--out-dir={}", bindgen.display()))
        .arg(format!("--out-name={stem}"))
        .args([
            "--no-typescript",
            "--weak-refs",
            "--keep-lld-exports",
            "--no-demangle",
        ])
        .arg(&main_out))?;
    shorten_glue_names(&bindgen, &stem)?;

    // The chunks go next to the loader, which fetches them relative to itself.
    let split_dir = staging.join(&split_name);
    if split_dir.exists() {
        std::fs::remove_dir_all(&split_dir).with_context(|| at(&split_dir))?;
    }
    std::fs::create_dir_all(&split_dir).with_context(|| at(&split_dir))?;
    let main_wasm = staging.join(format!("{stem}_bg.wasm"));
    let mut jobs = vec![(bindgen.join(format!("{stem}_bg.wasm")), main_wasm.clone())];
    let mut files = vec!["__wasm_split.js".to_string()];
    for path in &split.split_modules {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        jobs.push((path.clone(), split_dir.join(&name)));
        files.push(name);
    }
    optimize_all(&jobs, release, tools)?;
    let mut chunks = Vec::new();
    for (name, (_, dest)) in files[1..].iter().zip(&jobs[1..]) {
        chunks.push((name.clone(), file_len(dest)?));
    }
    chunks.sort();
    copy(
        &link_dir.join("__wasm_split.js"),
        &split_dir.join("__wasm_split.js"),
    )?;
    copy(
        &bindgen.join(format!("{stem}.js")),
        &staging.join(format!("{stem}.js")),
    )?;
    if bindgen.join("snippets").exists() {
        bail!("wasm-bindgen wrote snippets/, which split-wasm does not copy yet");
    }

    let splits: BTreeMap<String, Vec<String>> = split
        .prefetch_map
        .into_iter()
        .map(|(split, mut deps)| {
            deps.iter_mut().for_each(|d| d.push_str(".wasm"));
            deps.sort();
            (split, deps)
        })
        .collect();
    // Each split's small chunks in one pack, and the loader taught to read them from it.
    let sizes: BTreeMap<String, u64> = chunks.iter().cloned().collect();
    let packs = plan_packs(&splits, &sizes);
    for (name, packed) in &packs {
        let file = pack_file(name);
        let bytes = pack(&split_dir, packed)?;
        std::fs::write(split_dir.join(&file), bytes).with_context(|| at(&split_dir.join(&file)))?;
        files.push(file);
    }
    let splits = deps_with_packs(&splits, &packs);
    let loader_path = split_dir.join("__wasm_split.js");
    let loader = std::fs::read_to_string(&loader_path).with_context(|| at(&loader_path))?;
    std::fs::write(
        &loader_path,
        loader_table::tabulate(&load_from_packs(&without_comments(&loader), &packs)?)?,
    )
    .with_context(|| at(&loader_path))?;
    files.sort();
    let manifest = serde_json::json!({ "files": files, "splits": splits });
    let manifest_path = split_dir.join("files.json");
    std::fs::write(&manifest_path, manifest.to_string()).with_context(|| at(&manifest_path))?;

    update_integrity(
        &staging.join("index.html"),
        staging,
        &[format!("{stem}.js"), format!("{stem}_bg.wasm")],
    )?;
    Ok(SplitReport {
        main_bytes: file_len(&main_wasm)?,
        stem,
        chunks,
    })
}

/// The main module's imports from the glue get short names, in the wasm and in the glue
/// ([`glue_names`]).
fn shorten_glue_names(bindgen: &Path, stem: &str) -> Result<()> {
    let wasm_path = bindgen.join(format!("{stem}_bg.wasm"));
    let js_path = bindgen.join(format!("{stem}.js"));
    let wasm = std::fs::read(&wasm_path).with_context(|| at(&wasm_path))?;
    let js = std::fs::read_to_string(&js_path).with_context(|| at(&js_path))?;
    let (wasm, renamed) = glue_names::shorten_imports(&wasm, &format!("./{stem}_bg.js"))
        .with_context(|| at(&wasm_path))?;
    if renamed.is_empty() {
        bail!("{}: no import from ./{stem}_bg.js", wasm_path.display());
    }
    let js = glue_names::rename_in_glue(&js, &renamed).with_context(|| at(&js_path))?;
    std::fs::write(&wasm_path, wasm).with_context(|| at(&wasm_path))?;
    std::fs::write(&js_path, js).with_context(|| at(&js_path))
}

fn file_len(path: &Path) -> Result<u64> {
    Ok(std::fs::metadata(path).with_context(|| at(path))?.len())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)
        .map(drop)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))
}

/// The `integrity="sha384-…"` of every tag in index.html that names one of `files` is recomputed from the
/// file's new content (Trunk computed it before this hook replaced the file).
pub(crate) fn update_integrity(index: &Path, staging: &Path, files: &[String]) -> Result<()> {
    let mut html = std::fs::read_to_string(index).with_context(|| at(index))?;
    for file in files {
        let path = staging.join(file);
        let bytes = std::fs::read(&path).with_context(|| at(&path))?;
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes));
        html = set_integrity(&html, file, &format!("sha384-{digest}"));
    }
    std::fs::write(index, html).with_context(|| at(index))
}

/// Rewrites the `integrity` attribute of each tag whose `href` ends in `/file` or is `file`.
pub fn set_integrity(html: &str, file: &str, integrity: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag_len = rest[start..]
            .find('>')
            .map_or(rest.len() - start, |e| e + 1);
        let tag = &rest[start..start + tag_len];
        let names_file = ["href=\"", "src=\""].iter().any(|attr| {
            tag.split(attr).skip(1).any(|v| {
                let value = v.split('"').next().unwrap_or_default();
                value == file || value.ends_with(&format!("/{file}"))
            })
        });
        match (names_file, tag.find("integrity=\"")) {
            (true, Some(at)) => {
                let value_start = at + "integrity=\"".len();
                let value_end = tag[value_start..]
                    .find('"')
                    .map_or(tag.len(), |e| value_start + e);
                out.push_str(&tag[..value_start]);
                out.push_str(integrity);
                out.push_str(&tag[value_end..]);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[start + tag_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_replaced_only_on_the_named_file() {
        let html = r#"<link rel="modulepreload" href="/atlas/bridges-ab.js" integrity="sha384-old"><link rel="stylesheet" href="/main-1.css" integrity="sha384-css"/>"#;
        let out = set_integrity(html, "bridges-ab.js", "sha384-new");
        assert_eq!(
            out,
            r#"<link rel="modulepreload" href="/atlas/bridges-ab.js" integrity="sha384-new"><link rel="stylesheet" href="/main-1.css" integrity="sha384-css"/>"#
        );
        // A file whose name only ends like the target's is not touched.
        assert_eq!(set_integrity(html, "ab.js", "sha384-x"), html);
    }

    #[test]
    fn the_stem_is_the_one_hashed_glue_file() {
        let dir = std::env::temp_dir().join(format!("bridges-split-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("bridges-0a1b.js"), "").unwrap();
        std::fs::write(dir.join("boot.js"), "").unwrap();
        std::fs::write(dir.join("bridges-0a1b_bg.wasm"), "").unwrap();
        assert_eq!(staged_stem(&dir).unwrap(), "bridges-0a1b");
        std::fs::write(dir.join("bridges-ffff.js"), "").unwrap();
        assert!(staged_stem(&dir)
            .unwrap_err()
            .to_string()
            .contains("several"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
