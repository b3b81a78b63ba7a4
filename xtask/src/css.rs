//! The stylesheets' minification, run by `cargo xtask split-wasm` after the split (part of Trunk's
//! post_build hook, `cargo xtask post-build`): drops the comments and extra white space of the staged
//! stylesheets (`main-<hash>.css`, `present-<hash>.css`) and recomputes their integrity hashes in
//! index.html. The stylesheets are start code: their comments, which explain the design choices in
//! style/, were 2.3 KB of the start's brotli.
//!
//! Trunk 0.21 minifies CSS only with its global `minify` switch, which also minifies index.html (bare
//! attribute values that sw.js and this build's hooks would have to parse) and the worker's glue with the
//! minify-js crate. lightningcss as a dependency would add a large compile to every cold CI run for what
//! this needs: comments out, white space runs as one space, none around `{ } ; ,` (strings kept as
//! they are).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The stylesheet without comments and with white space reduced; text in quotes is kept.
pub fn minify(css: &str) -> String {
    let b = css.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(css.len());
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = css[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            space = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let tight = |x: u8| matches!(x, b'{' | b'}' | b';' | b',');
        if space && !out.is_empty() && !tight(c) && !out.last().is_some_and(|&l| tight(l)) {
            out.push(b' ');
        }
        space = false;
        if c == b'"' || c == b'\'' {
            // A string, escapes included, up to its closing quote.
            let start = i;
            i += 1;
            while i < b.len() && b[i] != c {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out.extend_from_slice(&b[start..i]);
            continue;
        }
        out.push(c);
        i += 1;
    }
    // Only ASCII bytes were dropped or added, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| css.to_string())
}

/// Minifies the staged stylesheets (Trunk's `TRUNK_STAGING_DIR`) and updates index.html's hashes.
pub fn minify_staged() -> Result<Vec<(String, usize, usize)>> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .context(
            "TRUNK_STAGING_DIR is not set: the stylesheets are minified in Trunk's post_build hook",
        )?;
    minify_dir(&staging)
}

fn minify_dir(dir: &Path) -> Result<Vec<(String, usize, usize)>> {
    let mut done = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "css") || !path.is_file() {
            continue;
        }
        let css = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
        let small = minify(&css);
        std::fs::write(&path, &small).with_context(|| path.display().to_string())?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        done.push((name, css.len(), small.len()));
    }
    done.sort();
    let names: Vec<String> = done.iter().map(|d| d.0.clone()).collect();
    crate::split::update_integrity(&dir.join("index.html"), dir, &names)?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_space_go_strings_and_selectors_stay() {
        let css = "/* head */\n:root {\n  --font: system-ui, \"Segoe UI\" ,  sans-serif;\n}\n.a  .b > c::after { content: \" ▾ /* not a comment */\"; margin: 0 1rem }\n@media (max-width: 40rem) { .x { top: 0 } }\n";
        assert_eq!(
            minify(css),
            ":root{--font: system-ui,\"Segoe UI\",sans-serif;}.a .b > c::after{content: \" ▾ /* not a comment */\";margin: 0 1rem}@media (max-width: 40rem){.x{top: 0}}"
        );
        assert_eq!(minify("a{content:'it\\'s'}/* open"), "a{content:'it\\'s'}");
        assert_eq!(minify(""), "");
    }

    #[test]
    fn the_project_stylesheets_keep_every_rule() {
        for file in ["style/main.css", "style/present.css"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(file);
            let css = std::fs::read_to_string(&path).unwrap();
            let small = minify(&css);
            assert!(small.len() < css.len() * 9 / 10, "{file}");
            // Same braces, same declarations: nothing but comments and space went.
            let without_comments = {
                let mut s = css.clone();
                while let Some(a) = s.find("/*") {
                    let b = s[a..].find("*/").map_or(s.len(), |e| a + e + 2);
                    s.replace_range(a..b, " ");
                }
                s
            };
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&small), squash(&without_comments), "{file}");
        }
    }
}
