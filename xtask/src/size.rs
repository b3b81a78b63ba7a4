//! `cargo xtask size`: the app's weight as a visitor downloads it, raw and brotli-compressed.

use std::fs;
use std::io::Write;
use std::path::Path;

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
pub fn weigh(dir: &Path, exts: &[&str]) -> std::io::Result<(Weight, Vec<(String, Weight)>)> {
    let mut total = Weight::default();
    let mut files = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
        if p.is_file() && exts.contains(&ext) {
            let bytes = fs::read(&p)?;
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
