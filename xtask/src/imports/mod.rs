//! `cargo xtask check-imports`: the layering rules of issue #18, checked from the sources.
//! - No import cycle between the modules of `core/src`: every `crate::…` path in a module's files (a
//!   `use`, a path in code, a group `crate::{a, b::c}`, a name re-exported by lib.rs) is an edge to the
//!   top-level module it names; a submodule counts as its parent (`i18n::ui` is `i18n`), test code
//!   (`#[cfg(test)]` items) does not count, and lib.rs, which declares every module, is no node.
//! - No page imports another page: `crate::pages::<other>` or `super::<other>` in `src/pages/<page>.rs`
//!   (or a file under `src/pages/<page>/`); the registry, `src/pages/mod.rs`, may name them all.
//! - No web crate in `core/Cargo.toml` (any dependency table, renamed or not): leptos, web-sys, js-sys,
//!   gloo, wasm-bindgen, or a crate of their families (`leptos_router`, `gloo-net`, `wasm-bindgen-futures`…).
//!
//! Comments and string literals are blanked out before the paths are read, so a path in a doc comment
//! or a message is no import.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// A source file: its path relative to the folder scanned (`i18n/mod.rs`) and its text.
pub type Source = (String, String);

/// Every problem found under the workspace `root`, one line each, file paths relative to `root`.
pub fn check(root: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for cycle in core_cycles(&rs_files(&root.join("core/src"))?) {
        found.push(cycle.report("core/src/"));
    }
    for import in page_imports(&rs_files(&root.join("src/pages"))?) {
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
    Ok(found)
}

/// The `.rs` files under `dir`, sorted, with paths relative to it (`/` separated).
pub fn rs_files(dir: &Path) -> Result<Vec<Source>> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<Source>) -> Result<()> {
        let entries = fs::read_dir(dir).with_context(|| dir.display().to_string())?;
        for entry in entries {
            let entry = entry.with_context(|| dir.display().to_string())?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let rel = format!("{rel}{name}");
            if path.is_dir() {
                walk(&path, &format!("{rel}/"), out)?;
            } else if name.ends_with(".rs") {
                let text = fs::read_to_string(&path).with_context(|| path.display().to_string())?;
                out.push((rel, text));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

mod cycles;
mod pages;
mod scan;
mod web_crates;

#[cfg(test)]
mod tests;

use cycles::module_of;
pub use cycles::{core_cycles, Cycle};
pub use pages::{page_imports, PageImport};
pub use scan::{code_only, paths_after, use_paths, without_tests, FoundPath};
pub use web_crates::{web_crates, WEB_CRATES};
