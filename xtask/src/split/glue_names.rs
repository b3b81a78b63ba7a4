//! Short names for the main module's imports from wasm-bindgen's glue.
//!
//! wasm-bindgen names each import after its JS function plus a 16-hex-digit hash
//! (`__wbg_remove_8228e91d7ddbc755`): 340 names in the main module's import section and again as the
//! keys of the glue's import object. The hashes do not compress, so the names cost about 4 KB of brotli
//! in the wasm and 3.5 KB in the glue, both start code. This step renames every import of the glue's
//! module to a short name (`a`, `b`, …, `aa`, …) in both files: the wasm's import section is rewritten
//! and every other section copied byte for byte; in the glue each name must occur exactly once (as its
//! key), else the build stops with the name, so a wasm-bindgen that writes its glue differently fails
//! loudly instead of shipping a page that cannot start.
//!
//! Written here rather than with binaryen's `--minify-imports` pass: that pass prints its mapping to
//! stdout for a caller to apply to the JS, which is the part that needs care, and it renames the
//! imports of every module (the chunk loader's included, whose names the loader's exports must keep).

use std::collections::HashMap;

use anyhow::{bail, Context, Result};

/// The `n`th short name: `a`…`z`, `A`…`Z`, then two letters and so on (JS identifiers that cannot
/// collide with `__proto__` or one another).
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    loop {
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

fn read_leb(bytes: &[u8], at: &mut usize) -> Result<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let Some(&b) = bytes.get(*at) else {
            bail!("the wasm ends inside a number at byte {at}")
        };
        *at += 1;
        if shift < 64 {
            value |= u64::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b < 0x80 {
            return Ok(value);
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_name<'a>(bytes: &'a [u8], at: &mut usize) -> Result<&'a str> {
    let len = read_leb(bytes, at)? as usize;
    let end = at.checked_add(len).filter(|&e| e <= bytes.len());
    let Some(end) = end else {
        bail!("a name runs past the end of the wasm at byte {at}")
    };
    let name = std::str::from_utf8(&bytes[*at..end]).context("an import name is not UTF-8")?;
    *at = end;
    Ok(name)
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

/// Skips an import's description (function, table, memory, global or tag).
fn skip_desc(bytes: &[u8], at: &mut usize) -> Result<()> {
    let kind = *bytes.get(*at).context("the wasm ends inside an import")?;
    *at += 1;
    let limits = |at: &mut usize| -> Result<()> {
        let flags = read_leb(bytes, at)?;
        read_leb(bytes, at)?;
        if flags & 1 != 0 {
            read_leb(bytes, at)?;
        }
        Ok(())
    };
    match kind {
        0 => drop(read_leb(bytes, at)?),
        1 => {
            *at += 1; // reference type
            limits(at)?;
        }
        2 => limits(at)?,
        3 => *at += 2, // value type, mutability
        4 => {
            *at += 1;
            read_leb(bytes, at)?;
        }
        other => bail!("unknown import kind {other}"),
    }
    Ok(())
}

/// Old name → new name, in import order.
pub type Renamed = Vec<(String, String)>;

/// Renames the imports of `module` in `wasm` to short names; returns the new wasm and old → new.
pub fn shorten_imports(wasm: &[u8], module: &str) -> Result<(Vec<u8>, Renamed)> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        bail!("not a wasm module (version 1)");
    }
    let mut out = wasm[..8].to_vec();
    let mut renamed = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = read_leb(wasm, &mut at)? as usize;
        let end = at
            .checked_add(size)
            .filter(|&e| e <= wasm.len())
            .context("a section runs past the end of the wasm")?;
        if id != 2 {
            out.push(id);
            write_leb(&mut out, size as u64);
            out.extend_from_slice(&wasm[at..end]);
            at = end;
            continue;
        }
        let section = &wasm[..end];
        let mut body = Vec::new();
        let count = read_leb(section, &mut at)?;
        write_leb(&mut body, count);
        for _ in 0..count {
            let from = read_name(section, &mut at)?;
            let field = read_name(section, &mut at)?;
            let desc = at;
            skip_desc(section, &mut at)?;
            write_name(&mut body, from);
            if from == module {
                let short = short_name(renamed.len());
                write_name(&mut body, &short);
                renamed.push((field.to_string(), short));
            } else {
                write_name(&mut body, field);
            }
            body.extend_from_slice(&section[desc..at]);
        }
        if at != end {
            bail!(
                "the import section has {} bytes after its last import",
                end - at
            );
        }
        out.push(2);
        write_leb(&mut out, body.len() as u64);
        out.extend(body);
    }
    Ok((out, renamed))
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Applies `renamed` to the glue: each old name must occur exactly once as a whole identifier.
pub fn rename_in_glue(js: &str, renamed: &[(String, String)]) -> Result<String> {
    let wanted: HashMap<&str, &str> = renamed
        .iter()
        .map(|(old, new)| (old.as_str(), new.as_str()))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let bytes = js.as_bytes();
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if !is_ident_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_ident_byte(bytes[i]) {
            i += 1;
        }
        let word = &js[start..i];
        if let Some((old, new)) = wanted.get_key_value(word) {
            *seen.entry(old).or_default() += 1;
            out.push_str(&js[copied..start]);
            out.push_str(new);
            copied = i;
        }
    }
    out.push_str(&js[copied..]);
    for (old, _) in renamed {
        match seen.get(old.as_str()) {
            Some(1) => {}
            Some(n) => bail!("the glue names the import {old} {n} times, expected once"),
            None => bail!("the glue does not name the import {old}"),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `f_0123` and `g_4567` from "./glue.js", a memory from "env" and `load` from
    /// "./loader.js", with a type section before and a custom section after.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 4);
        for (m, f) in [("./glue.js", "f_0123"), ("./glue.js", "g_4567")] {
            write_name(&mut imports, m);
            write_name(&mut imports, f);
            imports.extend([0, 0]); // function of type 0
        }
        write_name(&mut imports, "env");
        write_name(&mut imports, "memory");
        imports.extend([2, 1, 1, 2]); // memory, min 1, max 2
        write_name(&mut imports, "./loader.js");
        write_name(&mut imports, "load");
        imports.extend([0, 0]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]); // one type: [] -> []
        wasm.push(2);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend(imports);
        wasm.extend([0, 4, 1, b'x', 7, 7]);
        wasm
    }

    #[test]
    fn only_the_glue_imports_are_renamed_and_the_rest_is_kept() {
        let (wasm, renamed) = shorten_imports(&module(), "./glue.js").unwrap();
        assert_eq!(
            renamed,
            [("f_0123".into(), "a".into()), ("g_4567".into(), "b".into())]
        );
        let mut at = 8;
        let mut sections = Vec::new();
        while at < wasm.len() {
            let id = wasm[at];
            at += 1;
            let size = read_leb(&wasm, &mut at).unwrap() as usize;
            sections.push((id, wasm[at..at + size].to_vec()));
            at += size;
        }
        assert_eq!(sections[0], (1, vec![1, 0x60, 0, 0]));
        assert_eq!(sections[2], (0, vec![1, b'x', 7, 7]));
        let imports = &sections[1].1;
        let mut at = 0;
        assert_eq!(read_leb(imports, &mut at).unwrap(), 4);
        let mut seen = Vec::new();
        for _ in 0..4 {
            let m = read_name(imports, &mut at).unwrap().to_string();
            let f = read_name(imports, &mut at).unwrap().to_string();
            skip_desc(imports, &mut at).unwrap();
            seen.push((m, f));
        }
        assert_eq!(at, imports.len());
        let pairs: Vec<(&str, &str)> = seen.iter().map(|(m, f)| (m.as_str(), f.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("./glue.js", "a"),
                ("./glue.js", "b"),
                ("env", "memory"),
                ("./loader.js", "load")
            ]
        );
    }

    #[test]
    fn the_glue_keys_follow_and_a_name_not_once_stops_the_build() {
        let renamed = vec![("f_0123".to_string(), "a".to_string())];
        let js = "const i = { __proto__: null, f_0123: function() { return xf_0123; } };";
        assert_eq!(
            rename_in_glue(js, &renamed).unwrap(),
            "const i = { __proto__: null, a: function() { return xf_0123; } };"
        );
        let twice = "f_0123: 1, y: f_0123";
        assert!(rename_in_glue(twice, &renamed)
            .unwrap_err()
            .to_string()
            .contains("2 times"));
        assert!(rename_in_glue("nothing", &renamed)
            .unwrap_err()
            .to_string()
            .contains("does not name"));
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        let set: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(set.len(), names.len());
        assert_eq!(names[0], "a");
        assert_eq!(names[52], "aa");
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn a_module_that_is_not_wasm_is_an_error() {
        assert!(shorten_imports(b"not wasm", "./glue.js").is_err());
    }
}
