//! The chunk loader's chunks as a table.
//!
//! The splitter writes one six-line `makeLoad` block per chunk (367 of them) and lists each split's
//! chunks by name (`[__chunk_20, __chunk_21, …]`). Brotli shrinks the repetition but not the numbers:
//! 5.5 KB of the start's brotli. Here the blocks become one table (the packs that hold each chunk, by
//! index into a list of distinct holder lists; `-1` for a chunk fetched on its own) and one function
//! that makes each chunk's loader exactly as the block did, and the lists become ranges
//! (`chunkList("20-42,85")`). Every block must have the expected shape and no `__chunk_` name may be
//! left, else the build stops: a splitter that writes its loader differently fails loudly.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};

const CHUNK_TABLE_JS: &str = r#"const chunkLoad = (n, h) => makeLoad(() => {
    const file = `chunk_${n}.wasm`;
    const src = h < 0 ? fetch(new URL(`./${file}`, import.meta.url)) : chunkSource(file, chunkHolders[h]);
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
const chunks = [];
chunkHolderOf.forEach((h, i) => { if (h !== null) chunks[chunkFirst + i] = chunkLoad(chunkFirst + i, h); });
const chunkList = (spec) => spec.split(",").filter((r) => r).flatMap((r) => {
    const [a, b = a] = r.split("-").map(Number);
    return Array.from({ length: b - a + 1 }, (_, i) => chunks[a + i]);
});
"#;

/// One chunk's block: its number and how it is fetched (`None`: on its own; `Some(holders)`: the JS
/// list of the packs that hold it, e.g. `"reader"` or `"a", "b"`).
fn parse_block(lines: &[&str]) -> Result<(u32, Option<String>)> {
    let [head, src, catch, ret, close, deps] = lines else {
        bail!("a chunk's block is cut short")
    };
    let n: u32 = head
        .strip_prefix("const __chunk_")
        .and_then(|r| r.strip_suffix(" = makeLoad(() => {"))
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("unexpected chunk line: {head}"))?;
    let fixed = [
        (*catch, "    src.catch(() => {});"),
        (
            *ret,
            "    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));",
        ),
        (*close, "}"),
        (*deps, ", []);"),
    ];
    for (line, want) in fixed {
        if line != want {
            bail!("chunk {n}: expected `{want}`, found `{line}`");
        }
    }
    let own = format!("    const src = fetch(new URL(\"./chunk_{n}.wasm\", import.meta.url));");
    if *src == own {
        return Ok((n, None));
    }
    let holders = src
        .strip_prefix(&format!(
            "    const src = chunkSource(\"chunk_{n}.wasm\", ["
        ))
        .and_then(|r| r.strip_suffix("]);"))
        .with_context(|| format!("chunk {n}: unexpected source line: {src}"))?;
    Ok((n, Some(holders.to_string())))
}

/// The chunks of a list (`__chunk_1, __chunk_2, __chunk_7` → 1, 2, 7).
fn chunk_numbers(list: &str) -> Result<Vec<u32>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            item.strip_prefix("__chunk_")
                .and_then(|n| n.parse().ok())
                .with_context(|| format!("unexpected item in a chunk list: {item}"))
        })
        .collect()
}

/// 1, 2, 3, 7 → `1-3,7`.
fn ranges(numbers: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        out.push(if j > i {
            format!("{}-{}", numbers[i], numbers[j])
        } else {
            numbers[i].to_string()
        });
        i = j + 1;
    }
    out.join(",")
}

/// The loader with its chunk blocks as a table and its chunk lists as ranges.
pub fn tabulate(loader: &str) -> Result<String> {
    let lines: Vec<&str> = loader.lines().collect();
    let mut blocks: BTreeMap<u32, Option<String>> = BTreeMap::new();
    let mut rest: Vec<String> = Vec::new();
    let mut table_at = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].starts_with("const __chunk_") {
            let (n, holders) = parse_block(lines.get(i..i + 6).unwrap_or(&lines[i..]))?;
            if blocks.insert(n, holders).is_some() {
                bail!("chunk {n} is defined twice");
            }
            table_at.get_or_insert(rest.len());
            i += 6;
        } else {
            rest.push(lines[i].to_string());
            i += 1;
        }
    }
    let (Some(table_at), Some(&first), Some(&last)) =
        (table_at, blocks.keys().next(), blocks.keys().last())
    else {
        return Ok(loader.to_string());
    };
    let mut holder_lists: Vec<&str> = Vec::new();
    let mut holder_of = Vec::new();
    for n in first..=last {
        holder_of.push(match blocks.get(&n) {
            None => "null".to_string(),
            Some(None) => "-1".to_string(),
            Some(Some(h)) => {
                let at = holder_lists.iter().position(|x| x == h).unwrap_or_else(|| {
                    holder_lists.push(h);
                    holder_lists.len() - 1
                });
                at.to_string()
            }
        });
    }
    let mut table = String::new();
    table.push_str("const chunkHolders = [");
    table.push_str(
        &holder_lists
            .iter()
            .map(|h| format!("[{h}]"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    table.push_str("];\n");
    table.push_str(&format!("const chunkFirst = {first};\n"));
    table.push_str(&format!(
        "const chunkHolderOf = [{}];\n",
        holder_of.join(",")
    ));
    table.push_str(CHUNK_TABLE_JS);
    rest.insert(table_at, table.trim_end().to_string());

    // The splits' chunk lists: `, [__chunk_…]` closing each split's `makeLoad`.
    for line in rest.iter_mut().skip(table_at + 1) {
        let Some(start) = line.find("[__chunk_") else {
            continue;
        };
        let end = line[start..]
            .find(']')
            .map(|e| start + e)
            .context("a chunk list does not end")?;
        let numbers = chunk_numbers(&line[start + 1..end])?;
        if let Some(n) = numbers.iter().find(|n| !blocks.contains_key(n)) {
            bail!("a split needs chunk {n}, which the loader does not define");
        }
        line.replace_range(start..=end, &format!("chunkList(\"{}\")", ranges(&numbers)));
    }
    let out = rest.join("\n") + "\n";
    if out.contains("__chunk_") {
        bail!("the chunk loader still names a chunk by its variable after tabulating");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(n: u32, src: &str) -> String {
        format!(
            "const __chunk_{n} = makeLoad(() => {{\n    const src = {src};\n    src.catch(() => {{}});\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}}\n, []);\n"
        )
    }

    fn loader() -> String {
        let mut s = String::from("import { initSync } from \"../x.js\";\nfunction makeLoad() {}\n");
        s += &block(3, "chunkSource(\"chunk_3.wasm\", [\"reader\"])");
        s += &block(4, "chunkSource(\"chunk_4.wasm\", [\"a\", \"b\"])");
        s += &block(5, "chunkSource(\"chunk_5.wasm\", [\"reader\"])");
        s += &block(7, "fetch(new URL(\"./chunk_7.wasm\", import.meta.url))");
        s += "export const __wasm_split_load_a = wrapAsyncCb(makeLoad(() => {\n    const src = fetch(new URL(\"./split_a.wasm\", import.meta.url));\n}\n, [__chunk_3, __chunk_4, __chunk_5, __chunk_7]));\n";
        s += "export const __wasm_split_load_b = wrapAsyncCb(makeLoad(() => {\n}\n, []));\n";
        s
    }

    #[test]
    fn blocks_become_a_table_and_lists_become_ranges() {
        let out = tabulate(&loader()).unwrap();
        assert!(out.starts_with("import { initSync } from \"../x.js\";\nfunction makeLoad() {}\nconst chunkHolders = [[\"reader\"], [\"a\", \"b\"]];\nconst chunkFirst = 3;\nconst chunkHolderOf = [0,1,0,null,-1];\nconst chunkLoad"));
        assert!(out.contains(", chunkList(\"3-5,7\")));\n"));
        assert!(out.contains(", []));\n"), "an empty list stays");
        assert!(!out.contains("__chunk_"));
    }

    #[test]
    fn an_unexpected_block_or_an_unknown_chunk_stops_the_build() {
        let odd = loader().replace("    src.catch(() => {});\n", "    src.catch(() => 0);\n");
        assert!(tabulate(&odd).unwrap_err().to_string().contains("expected"));
        let unknown = loader().replace("__chunk_7]", "__chunk_8]");
        assert!(tabulate(&unknown)
            .unwrap_err()
            .to_string()
            .contains("chunk 8"));
    }

    #[test]
    fn ranges_join_consecutive_numbers() {
        let numbers =
            chunk_numbers("__chunk_1, __chunk_2, __chunk_3, __chunk_9, __chunk_11, __chunk_12")
                .unwrap();
        assert_eq!(ranges(&numbers), "1-3,9,11-12");
        assert_eq!(ranges(&chunk_numbers("").unwrap()), "");
        assert!(chunk_numbers("__chunk_1, x").is_err());
    }

    #[test]
    fn a_loader_without_chunks_is_unchanged() {
        let s = "import x;\nexport const a = 1;\n";
        assert_eq!(tabulate(s).unwrap(), s);
    }
}
