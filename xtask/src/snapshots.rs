//! The built-in datasets' snapshots (`bridges_core::snapshot`), written into Trunk's staging directory
//! by a post_build hook (`cargo xtask snapshots`): for each dataset of `data/catalog.json`, what this
//! build's validator reads from its JSON file, gzip-compressed. They are built, not kept in git, so a
//! snapshot is never older than its file or its format.
//!
//! Why gzip here, not by the server: static hosts compress JSON but serve an unknown binary type as it
//! is; the app inflates it with the browser's `DecompressionStream` (no inflater in the wasm), and reads
//! a snapshot a server or proxy has already inflated as well.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use bridges_core::catalog::Catalog;
use bridges_core::{parse_dataset, reference::parse_reference, snapshot};

/// One snapshot written: its path in the app, its size and its JSON file's size (bytes).
pub struct Written {
    pub path: String,
    pub bytes: usize,
    pub json_bytes: usize,
}

/// Runs the hook in Trunk's environment (`TRUNK_STAGING_DIR`).
pub fn write_staged_snapshots() -> Result<Vec<Written>> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context("TRUNK_STAGING_DIR is not set: snapshots runs as Trunk's post_build hook")?;
    write_snapshots(&staging)
}

/// Writes the snapshot of every catalogue dataset of the app in `dir`.
pub fn write_snapshots(dir: &Path) -> Result<Vec<Written>> {
    let read = |rel: &str| {
        let path = dir.join(rel);
        std::fs::read_to_string(&path).with_context(|| path.display().to_string())
    };
    let catalog = Catalog::parse(&read("data/catalog.json")?).map_err(anyhow::Error::msg)?;
    let reference = parse_reference("data/reference.json", &read("data/reference.json")?)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut written = Vec::new();
    for entry in &catalog.datasets {
        let Some(path) = snapshot::path_of(&entry.file) else {
            continue;
        };
        let text = read(&entry.file)?;
        // A built-in dataset the validator cannot read at all is a broken build, not a visitor's problem.
        let loaded = parse_dataset(&entry.file, &text, &reference)
            .map_err(|e| anyhow::anyhow!("{}: {e}", entry.file))?;
        let bytes = gzip(&snapshot::write(&loaded))?;
        let out = dir.join(&path);
        std::fs::write(&out, &bytes).with_context(|| out.display().to_string())?;
        written.push(Written {
            path,
            bytes: bytes.len(),
            json_bytes: text.len(),
        });
    }
    Ok(written)
}

/// Deterministic gzip (no file name, time 0): the same data gives the same bytes.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// The snapshots of the repository's own data read back as exactly what its JSON files give.
    #[test]
    fn snapshots_of_the_built_in_data_say_what_their_files_say() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let dir = std::env::temp_dir().join(format!("bridges-snapshots-{}", std::process::id()));
        let data = dir.join("data");
        std::fs::create_dir_all(&data).unwrap();
        for f in [
            "catalog.json",
            "reference.json",
            "projects.json",
            "aims.json",
        ] {
            std::fs::copy(root.join("public/data").join(f), data.join(f)).unwrap();
        }
        let written = write_snapshots(&dir).unwrap();
        let reference = parse_reference(
            "data/reference.json",
            &std::fs::read_to_string(data.join("reference.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(written.len(), 2);
        for w in &written {
            let file = w.path.replace(".bsnap", ".json");
            let text = std::fs::read_to_string(dir.join(&file)).unwrap();
            let expected = parse_dataset(&file, &text, &reference).unwrap();
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(&std::fs::read(dir.join(&w.path)).unwrap()[..])
                .read_to_end(&mut raw)
                .unwrap();
            let read = snapshot::read(&raw, &file).unwrap();
            assert!(read == expected, "{} differs from {file}", w.path);
            println!(
                "{}: {} bytes gzip, {} raw; {file}: {} bytes",
                w.path,
                w.bytes,
                raw.len(),
                w.json_bytes
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
