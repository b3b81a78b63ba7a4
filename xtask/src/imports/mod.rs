//! `cargo xtask check-imports`: the house rules of issue #18 (layering, file length), checked from the
//! sources.
//! - No import cycle between the modules of `core/src`: every `crate::…` path in a module's files (a
//!   `use`, a path in code, a group `crate::{a, b::c}`, a name re-exported by lib.rs) is an edge to the
//!   top-level module it names; a submodule counts as its parent (`i18n::ui` is `i18n`), test code
//!   (`#[cfg(test)]` items) does not count, and lib.rs, which declares every module, is no node.
//! - No page imports another page: `crate::pages::<other>` or `super::<other>` in `src/pages/<page>.rs`
//!   (or a file under `src/pages/<page>/`); the registry, `src/pages/mod.rs`, may name them all.
//! - No web crate in `core/Cargo.toml` (any dependency table, renamed or not): leptos, web-sys, js-sys,
//!   gloo, wasm-bindgen, or a crate of their families (`leptos_router`, `gloo-net`, `wasm-bindgen-futures`…).
//!
//! - No file over 400 lines in `core/src`, `charts/src`, `sheets/src`, `src` or `xtask/src` unless its
//!   module doc says why it must be one file ("One file because …", [`lengths`]).
//! - No file there that cannot be read: it is reported, not skipped.
//!
//! Comments and string literals are blanked out before the paths are read, so a path in a doc comment
//! or a message is no import.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// A source file: its path relative to the folder scanned (`i18n/mod.rs`) and its text.
pub type Source = (String, String);

/// The folders whose `.rs` files are read: each is checked for long and unreadable files; `core/src`
/// also for import cycles, `src` (its `pages/`) for pages importing pages.
pub const CHECKED: [&str; 5] = ["core/src", "charts/src", "sheets/src", "src", "xtask/src"];

/// Every problem found under the workspace `root`, one line each, file paths relative to `root`.
pub fn check(root: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut files_found = Vec::new();
    let mut read: BTreeMap<&str, Vec<Source>> = BTreeMap::new();
    for dir in CHECKED {
        let sources = rs_files(&root.join(dir));
        for (file, why) in &sources.unreadable {
            files_found.push(format!("{dir}/{file}: cannot be read ({why})"));
        }
        for long in long_files(&sources.files) {
            files_found.push(format!(
                "{dir}/{}: {} lines (over {MAX_LINES}), and its module doc does not say why it must \
                 be one file (\"{JUSTIFIED} …\")",
                long.file, long.lines
            ));
        }
        read.insert(dir, sources.files);
    }
    let core = read.remove("core/src").unwrap_or_default();
    for cycle in core_cycles(&core) {
        found.push(cycle.report("core/src/"));
    }
    let pages: Vec<Source> = read
        .remove("src")
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(file, text)| Some((file.strip_prefix("pages/")?.to_string(), text)))
        .collect();
    for import in page_imports(&pages) {
        found.push(format!(
            "src/pages/{}:{}: page {} imports page {} ({})",
            import.file, import.line, import.page, import.other, import.path
        ));
    }
    let manifest = root.join("core/Cargo.toml");
    let text = fs::read_to_string(&manifest).with_context(|| manifest.display().to_string())?;
    for (table, name) in web_crates(&text).with_context(|| manifest.display().to_string())? {
        found.push(format!(
            "core/Cargo.toml: [{table}] {name} is a web crate (the core runs without a browser)"
        ));
    }
    found.extend(files_found);
    Ok(found)
}

/// The `.rs` files under a folder: those read, and those that could not be.
#[derive(Debug, Default, PartialEq)]
pub struct Sources {
    /// Sorted, with paths relative to the folder (`/` separated).
    pub files: Vec<Source>,
    /// (path relative to the folder, why): a file or folder that could not be read (the folder itself
    /// is the empty path). Nothing is skipped silently.
    pub unreadable: Vec<(String, String)>,
}

/// The `.rs` files under `dir`.
pub fn rs_files(dir: &Path) -> Sources {
    fn walk(dir: &Path, rel: &str, out: &mut Sources) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return out.unreadable.push((rel.to_string(), e.to_string())),
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    out.unreadable.push((rel.to_string(), e.to_string()));
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let rel = format!("{rel}{name}");
            if path.is_dir() {
                walk(&path, &format!("{rel}/"), out);
            } else if name.ends_with(".rs") {
                match fs::read_to_string(&path) {
                    Ok(text) => out.files.push((rel, text)),
                    Err(e) => out.unreadable.push((rel, e.to_string())),
                }
            }
        }
    }
    let mut out = Sources::default();
    walk(dir, "", &mut out);
    out.files.sort();
    out.unreadable.sort();
    out
}

mod cycles;
mod lengths;
mod pages;
mod scan;
mod web_crates;

#[cfg(test)]
mod tests;

use cycles::module_of;
pub use cycles::{core_cycles, Cycle};
pub use lengths::{long_files, module_doc, LongFile, JUSTIFIED, MAX_LINES};
pub use pages::{page_imports, PageImport};
pub use scan::{code_only, paths_after, use_paths, without_tests, FoundPath};
pub use web_crates::{web_crates, WEB_CRATES};
