//! Packs: each split's small wasm chunks again as one file, and the chunk loader taught to read them
//! (`cargo xtask split-wasm`, split.rs, writes them). See [`plan_packs`] for why.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

fn at(path: &Path) -> String {
    path.display().to_string()
}

/// Chunks smaller than this go into the pack of every split that needs them; larger ones stay files of
/// their own (worth a request, and cached once for every page that shares them).
const PACK_MAX_BYTES: u64 = 32 * 1024;

/// A split with fewer small chunks than this loads them one by one.
const PACK_MIN_CHUNKS: usize = 4;

/// Why packs: a page's code is its split module plus the chunks it shares with other splits, one chunk per
/// set of splits sharing code. The front page needs 130 of them, most under 2 KB; a browser opens six
/// connections to an HTTP/1.1 host (a test server, many static hosts), so they queued for ~0.5 s ahead of
/// the data a union of datasets fetches. A pack is one request for all of a split's small chunks. The
/// splitter (wasm_split_cli_support) has no option to group chunks, so this is done after it, on its
/// output: the chunks stay as they are, and the loader reads them from a pack when one has them.
///
/// The split every page loads beside its own code: the reader of the data (snapshots, reference
/// tables, the column store; src/app_data/reader.rs). It shares small chunks (common code) with every
/// page, and a chunk in both its pack and a page's was downloaded twice on every first visit (32 KB of
/// the front page's 440 KB once the reader grew). So its pack keeps those chunks and the pages' packs
/// drop them: the loader takes them from the reader's pack, starting it when a page asks first.
pub const COMPANION: &str = "reader";

/// Which chunks each split packs: its dependencies under [`PACK_MAX_BYTES`], when it has at least
/// [`PACK_MIN_CHUNKS`] of them, less those of the [`COMPANION`]'s pack.
pub fn plan_packs(
    splits: &BTreeMap<String, Vec<String>>,
    sizes: &BTreeMap<String, u64>,
) -> BTreeMap<String, Vec<String>> {
    let small = |deps: &[String]| -> Vec<String> {
        deps.iter()
            .filter(|d| d.starts_with("chunk_"))
            .filter(|d| sizes.get(*d).is_some_and(|&n| n < PACK_MAX_BYTES))
            .cloned()
            .collect()
    };
    let companion: Vec<String> = splits
        .get(COMPANION)
        .map(|deps| small(deps))
        .filter(|c| c.len() >= PACK_MIN_CHUNKS)
        .unwrap_or_default();
    splits
        .iter()
        .filter_map(|(name, deps)| {
            let mut packed = small(deps);
            if name != COMPANION {
                packed.retain(|c| !companion.contains(c));
            }
            (packed.len() >= PACK_MIN_CHUNKS).then(|| (name.clone(), packed))
        })
        .collect()
}

/// What each split downloads once the packs are made: its chunks that no pack holds, its own pack, and
/// the [`COMPANION`]'s pack when that holds some of its chunks (files.json: the offline pack, the size
/// report).
pub fn deps_with_packs(
    splits: &BTreeMap<String, Vec<String>>,
    packs: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, Vec<String>> {
    let none = Vec::new();
    let companion = packs.get(COMPANION).unwrap_or(&none);
    splits
        .iter()
        .map(|(name, deps)| {
            let own = packs.get(name).unwrap_or(&none);
            let mut out: Vec<String> = deps
                .iter()
                .map(|d| {
                    if own.contains(d) {
                        pack_file(name)
                    } else if companion.contains(d) {
                        pack_file(COMPANION)
                    } else {
                        d.clone()
                    }
                })
                .collect();
            out.sort();
            out.dedup();
            (name.clone(), out)
        })
        .collect()
}

/// The pack of split `name`.
pub fn pack_file(name: &str) -> String {
    format!("pack_{name}.bin")
}

/// A pack: a little-endian u32, the length of a JSON index `{"chunk_18.wasm": [offset, length], …}`
/// (offsets from the end of the index), the index, then the chunks' bytes one after another.
pub fn pack(dir: &Path, chunks: &[String]) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    let mut index = serde_json::Map::new();
    for chunk in chunks {
        let bytes = std::fs::read(dir.join(chunk)).with_context(|| at(&dir.join(chunk)))?;
        index.insert(chunk.clone(), serde_json::json!([body.len(), bytes.len()]));
        body.extend_from_slice(&bytes);
    }
    let index = serde_json::Value::Object(index).to_string();
    let mut out = Vec::with_capacity(4 + index.len() + body.len());
    out.extend_from_slice(&u32::try_from(index.len())?.to_le_bytes());
    out.extend_from_slice(index.as_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// The loader's code that reads packs: a split that has one starts its pack's download before its
/// chunks are asked for; a chunk is taken from a started pack that holds it (`holders`, the packs the
/// build put it in), else fetched on its own (also when a pack failed to download: the page's retry then
/// fetches the chunks one by one). Only the holders are waited for: waiting for every pack in flight made
/// the snapshot reader's chunks wait for the front page's 228 KB pack, which does not hold them (a cold
/// first visit's data was decoded ~100 ms later).
const PACK_LOADER: &str = r#"
// Packs (xtask/src/split.rs): a split's small chunks in one file, one request instead of a hundred.
const packs = new Map();
function startPack(name) {
    if (packs.has(name)) return;
    packs.set(name, fetch(new URL(`./pack_${name}.bin`, import.meta.url))
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .then((b) => {
            if (!b) return null;
            const n = new DataView(b).getUint32(0, true);
            return { b, base: 4 + n, index: JSON.parse(new TextDecoder().decode(new Uint8Array(b, 4, n))) };
        })
        .catch(() => null));
}
async function chunkSource(file, holders) {
    // A page's chunk that only the reader's pack holds (packs.rs, COMPANION): that pack, even when the
    // page asks before the data's load does.
    if (holders.length === 1 && holders[0] === "reader") startPack("reader");
    for (const name of holders) {
        const pending = packs.get(name);
        if (!pending) continue;
        const pack = await pending;
        const at = pack && pack.index[file];
        if (at) return new Response(new Uint8Array(pack.b, pack.base + at[0], at[1]), { headers: { "Content-Type": "application/wasm" } });
    }
    return fetch(new URL(`./${file}`, import.meta.url));
}
const withPack = (name, load) => () => { startPack(name); return load(); };
"#;

/// The loader without the splitter's comment lines (`/* about_page, add_slide, … */` above each chunk, the
/// splits that need it): 1 KB of the code every visitor downloads at start.
pub fn without_comments(loader: &str) -> String {
    loader
        .lines()
        .filter(|l| !(l.starts_with("/* ") && l.ends_with(" */")))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The splitter's loader, changed to read `packs` (split → its packed chunks): the pack code after the
/// first line (the glue's import), packed chunks read through `chunkSource`, and each split with a pack
/// starting it. Fails when the loader does not have the shape this expects (a new splitter version).
pub fn load_from_packs(loader: &str, packs: &BTreeMap<String, Vec<String>>) -> Result<String> {
    if packs.is_empty() {
        return Ok(loader.to_string());
    }
    let Some(first_line) = loader.find('\n') else {
        bail!("the chunk loader has one line");
    };
    let mut out = String::with_capacity(loader.len() + PACK_LOADER.len() + 4096);
    out.push_str(&loader[..=first_line]);
    out.push_str(PACK_LOADER);
    let mut rest = loader[first_line + 1..].to_string();
    // Each packed chunk and the packs that hold it.
    let mut holders: BTreeMap<&String, Vec<&String>> = BTreeMap::new();
    for (name, chunks) in packs {
        for chunk in chunks {
            holders.entry(chunk).or_default().push(name);
        }
    }
    for (chunk, names) in holders {
        let from = format!("fetch(new URL(\"./{chunk}\", import.meta.url))");
        if !rest.contains(&from) {
            bail!("the chunk loader does not fetch {chunk} as expected ({from})");
        }
        let names = names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        rest = rest.replace(&from, &format!("chunkSource(\"{chunk}\", [{names}])"));
    }
    for name in packs.keys() {
        let from = format!("export const __wasm_split_load_{name} = wrapAsyncCb(makeLoad(");
        let Some(start) = rest.find(&from) else {
            bail!("the chunk loader has no loader for the split {name} ({from})");
        };
        let Some(end) = rest[start..].find("]));").map(|i| start + i) else {
            bail!("the loader of the split {name} does not end as expected");
        };
        rest.replace_range(end..end + 4, "])));");
        rest.replace_range(
            start..start + from.len(),
            &format!(
                "export const __wasm_split_load_{name} = wrapAsyncCb(withPack(\"{name}\", makeLoad("
            ),
        );
    }
    out.push_str(&rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_hold_the_small_chunks_of_splits_with_enough_of_them() {
        let splits: BTreeMap<String, Vec<String>> = [
            (
                "a",
                vec![
                    "chunk_1.wasm",
                    "chunk_2.wasm",
                    "chunk_3.wasm",
                    "chunk_4.wasm",
                    "chunk_9.wasm",
                    "split_a.wasm",
                ],
            ),
            ("b", vec!["chunk_1.wasm", "chunk_9.wasm", "split_b.wasm"]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
        .collect();
        let sizes: BTreeMap<String, u64> = [
            ("chunk_1.wasm", 300),
            ("chunk_2.wasm", 400),
            ("chunk_3.wasm", 500),
            ("chunk_4.wasm", 600),
            ("chunk_9.wasm", 40_000),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let packs = plan_packs(&splits, &sizes);
        // b has one small chunk only; a packs its four small ones, not the large one nor its own module.
        assert_eq!(packs.len(), 1);
        assert_eq!(
            packs["a"],
            [
                "chunk_1.wasm",
                "chunk_2.wasm",
                "chunk_3.wasm",
                "chunk_4.wasm"
            ]
        );
    }

    #[test]
    fn chunks_the_reader_packs_leave_the_pages_packs() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let splits: BTreeMap<String, Vec<String>> = [
            (
                COMPANION,
                list(&[
                    "chunk_1.wasm",
                    "chunk_2.wasm",
                    "chunk_3.wasm",
                    "chunk_4.wasm",
                ]),
            ),
            (
                "page",
                list(&[
                    "chunk_1.wasm",
                    "chunk_2.wasm",
                    "chunk_5.wasm",
                    "chunk_6.wasm",
                    "chunk_7.wasm",
                    "chunk_8.wasm",
                    "split_page.wasm",
                ]),
            ),
            (
                "small",
                list(&[
                    "chunk_1.wasm",
                    "chunk_5.wasm",
                    "chunk_6.wasm",
                    "chunk_7.wasm",
                ]),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let sizes: BTreeMap<String, u64> =
            (1..=8).map(|i| (format!("chunk_{i}.wasm"), 100)).collect();
        let packs = plan_packs(&splits, &sizes);
        assert_eq!(packs[COMPANION].len(), 4);
        // The page packs only what the reader's pack does not hold; "small" has three chunks left: no pack.
        assert_eq!(
            packs["page"],
            [
                "chunk_5.wasm",
                "chunk_6.wasm",
                "chunk_7.wasm",
                "chunk_8.wasm"
            ]
        );
        assert!(!packs.contains_key("small"));
        // Each split's files: the reader's pack stands for the chunks it holds, each pack listed once.
        let deps = deps_with_packs(&splits, &packs);
        assert_eq!(
            deps["page"],
            ["pack_page.bin", "pack_reader.bin", "split_page.wasm"]
        );
        assert_eq!(
            deps["small"],
            [
                "chunk_5.wasm",
                "chunk_6.wasm",
                "chunk_7.wasm",
                "pack_reader.bin"
            ]
        );
        assert_eq!(deps[COMPANION], ["pack_reader.bin"]);
        // The loader starts the reader's pack for a chunk only it holds.
        assert!(PACK_LOADER.contains(&format!(
            "if (holders.length === 1 && holders[0] === \"{COMPANION}\") startPack(\"{COMPANION}\");"
        )));
    }

    #[test]
    fn the_loader_reads_packed_chunks_from_the_pack() {
        let loader = r#"import { initSync } from "../bridges-0.js";
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
}
, []);
const __chunk_9 = makeLoad(() => {
    const src = fetch(new URL("./chunk_9.wasm", import.meta.url));
}
, []);
export const __wasm_split_load_a = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_a.wasm", import.meta.url));
}
, [__chunk_1, __chunk_9]));
export const __wasm_split_load_b = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_b.wasm", import.meta.url));
}
, [__chunk_9]));
"#;
        let packs: BTreeMap<String, Vec<String>> =
            [("a".to_string(), vec!["chunk_1.wasm".to_string()])].into();
        let out = load_from_packs(loader, &packs).unwrap();
        assert!(out.starts_with("import { initSync } from \"../bridges-0.js\";\n\n// Packs"));
        assert!(out.contains(r#"const src = chunkSource("chunk_1.wasm", ["a"]);"#));
        assert!(out.contains(r#"fetch(new URL("./chunk_9.wasm", import.meta.url))"#));
        assert!(out.contains(
            r#"export const __wasm_split_load_a = wrapAsyncCb(withPack("a", makeLoad(() => {"#
        ));
        assert!(out.contains(", [__chunk_1, __chunk_9])));\nexport const __wasm_split_load_b = wrapAsyncCb(makeLoad("));
        assert!(out.ends_with(", [__chunk_9]));\n"));
        // A chunk in two packs waits only for those two (whichever the page started).
        let both: BTreeMap<String, Vec<String>> = [
            ("a".to_string(), vec!["chunk_9.wasm".to_string()]),
            ("b".to_string(), vec!["chunk_9.wasm".to_string()]),
        ]
        .into();
        let out = load_from_packs(loader, &both).unwrap();
        assert!(out.contains(r#"const src = chunkSource("chunk_9.wasm", ["a", "b"]);"#));
        assert!(out.contains(r#"fetch(new URL("./chunk_1.wasm", import.meta.url))"#));
        // A loader of another shape is refused, not half rewritten.
        let other: BTreeMap<String, Vec<String>> =
            [("c".to_string(), vec!["chunk_1.wasm".to_string()])].into();
        assert!(load_from_packs(loader, &other).is_err());
    }

    #[test]
    fn the_loader_loses_only_its_comment_lines() {
        let loader = "import x;\n/* a, b */\nconst y = 1; /* kept */\n";
        assert_eq!(
            without_comments(loader),
            "import x;\nconst y = 1; /* kept */\n"
        );
    }
}
