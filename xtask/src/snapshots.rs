//! The built-in datasets' snapshots (`bridges_core::snapshot`), written into Trunk's staging directory
//! by the second part of Trunk's post_build hook (`cargo xtask snapshots`, after `split-wasm`): for each
//! dataset of `data/catalog.json`, what this build's validator reads from its JSON file, gzip-compressed.
//! They are built, not kept in git, so a snapshot is never older than its file or its format.
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
        if entry.file == DEFAULT_DATA {
            write_headline(dir, loaded, &reference)?;
        }
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

/// The app's built-in default dataset (`src/app_data/mod.rs`: `DEFAULT_DATA`).
pub const DEFAULT_DATA: &str = "data/projects.json";

/// The name of the `<meta>` of index.html that holds the default dataset's unfiltered headline.
pub const HEADLINE_META: &str = "bridges-headline";

/// Writes the unfiltered headline of the default dataset into `dir/index.html` as
/// `<meta name="bridges-headline" content="…">` ([`bridges_core::Summary::to_text`]): the front page shows
/// it while the data and the code that reads it are still on their way. It is computed as the app
/// computes it from what it reads (the union of one dataset, its actors named, the column store, an
/// unfiltered pass), so the figures are the ones the page shows once the data is read; the end-to-end
/// test `early_headline` checks that they are. Nothing is written when there is no index.html.
fn write_headline(
    dir: &Path,
    loaded: bridges_core::Loaded,
    reference: &bridges_core::reference::ReferenceIndex,
) -> Result<()> {
    let index = dir.join("index.html");
    if !index.exists() {
        return Ok(());
    }
    let mut reference = reference.clone();
    let loaded = bridges_core::catalog::union(vec![(String::new(), loaded)]);
    reference.add_actors(&loaded.dataset.actors);
    let text = bridges_core::explore::unfiltered_headline(&loaded, &reference).to_text();
    let html = std::fs::read_to_string(&index).with_context(|| index.display().to_string())?;
    let html = with_meta(&html, HEADLINE_META, &text)
        .context("index.html has no </head> to put the headline's <meta> in")?;
    std::fs::write(&index, html).with_context(|| index.display().to_string())
}

/// `html` with `<meta name="{name}" content="{content}">` (the content escaped for an attribute) at the
/// end of its head, replacing a meta of that name already there; `None` when it has no `</head>`.
fn with_meta(html: &str, name: &str, content: &str) -> Option<String> {
    let content = content
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let tag = format!("<meta name=\"{name}\" content=\"{content}\">");
    let open = format!("<meta name=\"{name}\" ");
    let mut html = html.to_string();
    if let Some(start) = html.find(&open) {
        let end = start + html[start..].find('>')? + 1;
        html.replace_range(start..end, &tag);
        return Some(html);
    }
    let at = html.find("</head>")?;
    html.insert_str(at, &format!("{tag}\n"));
    Some(html)
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
        std::fs::write(
            dir.join("index.html"),
            "<html><head><title>t</title></head><body></body></html>",
        )
        .unwrap();
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
        // The default dataset's unfiltered headline, in a <meta> of index.html that reads back as the
        // headline of what its JSON file gives.
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let start = html
            .find("<meta name=\"bridges-headline\" content=\"")
            .unwrap()
            + 39;
        let content = &html[start..start + html[start..].find('"').unwrap()];
        let shown = bridges_core::Summary::from_text(&content.replace("&amp;", "&")).unwrap();
        let file = DEFAULT_DATA;
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let loaded = parse_dataset(file, &text, &reference).unwrap();
        assert_eq!(
            shown,
            bridges_core::explore::unfiltered_headline(&loaded, &reference)
        );
        assert_eq!(shown.projects, loaded.dataset.projects.len());
        assert!(html.contains("</title><meta name=\"bridges-headline\""));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_meta_is_added_once_and_escaped() {
        let html = "<html><head></head></html>";
        let once = with_meta(html, "m", "a\"<b>&c").unwrap();
        assert_eq!(
            once,
            "<html><head><meta name=\"m\" content=\"a&quot;&lt;b&gt;&amp;c\">\n</head></html>"
        );
        let twice = with_meta(&once, "m", "d").unwrap();
        assert_eq!(
            twice,
            "<html><head><meta name=\"m\" content=\"d\">\n</head></html>"
        );
        assert_eq!(with_meta("<p>no head</p>", "m", "d"), None);
    }
}
