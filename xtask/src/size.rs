//! `cargo xtask size`: the app's weight as a visitor downloads it, raw and brotli-compressed.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Size of `bytes` after brotli at quality 11 (what a static host serving `.br` files sends).
pub fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = w.write_all(bytes);
    }
    out.len()
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Weight {
    pub raw: usize,
    pub brotli: usize,
}

/// Sums files in `dir` (not recursive) whose extension is one of `exts`.
pub fn weigh(dir: &Path, exts: &[&str]) -> Result<(Weight, Vec<(String, Weight)>)> {
    let mut total = Weight::default();
    let mut files = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| dir.display().to_string())?
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if p.is_file() && exts.contains(&ext) {
            let bytes = fs::read(&p).with_context(|| p.display().to_string())?;
            let w = Weight {
                raw: bytes.len(),
                brotli: brotli_len(&bytes),
            };
            total.raw += w.raw;
            total.brotli += w.brotli;
            files.push((e.file_name().to_string_lossy().into_owned(), w));
        }
    }
    Ok((total, files))
}

pub fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

/// The code a build split off (xtask/src/split.rs): the loader, every chunk, and which chunks each split
/// (a page, the share dialog, …) needs.
#[derive(Debug, Default)]
pub struct SplitWeights {
    pub loader: Weight,
    pub chunks: Weight,
    pub chunk_count: usize,
    /// The packs (each split's small chunks in one file), which repeat chunks.
    pub packs: Weight,
    /// Split name (without its hash suffix) and the brotli weight of the chunks it needs, with the
    /// reader's (which every page loads).
    pub splits: Vec<(String, Weight)>,
}

/// Weighs `dist/bridges-<hash>-split/` from its `files.json`; `None` for a build without one.
pub fn weigh_split(dist: &Path) -> Result<Option<SplitWeights>> {
    let dir = fs::read_dir(dist)
        .with_context(|| dist.display().to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with("-split"))
        });
    let Some(dir) = dir else { return Ok(None) };
    let manifest_path = dir.join("files.json");
    let shown = manifest_path.display();
    let text = fs::read_to_string(&manifest_path).with_context(|| shown.to_string())?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).with_context(|| shown.to_string())?;
    let mut weights = std::collections::BTreeMap::new();
    let mut out = SplitWeights::default();
    for file in manifest["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f.as_str())
    {
        let path = dir.join(file);
        let bytes = fs::read(&path).with_context(|| path.display().to_string())?;
        let w = Weight {
            raw: bytes.len(),
            brotli: brotli_len(&bytes),
        };
        if file.ends_with(".wasm") {
            out.chunks.raw += w.raw;
            out.chunks.brotli += w.brotli;
            out.chunk_count += 1;
        } else if file.starts_with("pack_") {
            // A split's small chunks again, in one file (split.rs): counted in that split's first load.
            out.packs.raw += w.raw;
            out.packs.brotli += w.brotli;
        } else {
            out.loader.raw += w.raw;
            out.loader.brotli += w.brotli;
        }
        weights.insert(file.to_string(), w);
    }
    // Every page loads the reader of the data beside its own code (packs.rs, COMPANION): a page's
    // first load is its files and the reader's, each file once.
    let files_of = |split: &str| -> Vec<&str> {
        manifest["splits"][split]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
            .collect()
    };
    let companion = files_of(crate::packs::COMPANION);
    for split in manifest["splits"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k)
    {
        let mut files = files_of(split);
        files.extend(&companion);
        files.sort_unstable();
        files.dedup();
        let mut w = Weight::default();
        for file in files {
            let f = weights
                .get(file)
                .with_context(|| format!("{shown}: {file} is not in files"))?;
            w.raw += f.raw;
            w.brotli += f.brotli;
        }
        out.splits.push((split_label(split).to_string(), w));
    }
    out.splits.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some(out))
}

/// `overview_page_1664159939947230091` → `overview_page` (Leptos adds a hash of the definition's place).
pub fn split_label(name: &str) -> &str {
    match name.rsplit_once('_') {
        Some((label, hash)) if !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_digit()) => {
            label
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_labels_lose_only_a_numeric_suffix() {
        assert_eq!(
            split_label("overview_page_1664159939947230091"),
            "overview_page"
        );
        assert_eq!(split_label("share_dialog"), "share_dialog");
        assert_eq!(split_label("map_page_x1"), "map_page_x1");
    }
}
