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

use std::collections::{BTreeMap, BTreeSet, VecDeque};
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

/// `src` with comments and the contents of string and char literals replaced by spaces; line breaks
/// stay, so byte offsets and line numbers are the source's.
pub fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |e| i + e);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            // Raw strings: r"…", r#"…"#, br#"…"# (not the end of an identifier like `for`).
            b'r' if (i == 0
                || !ident(b[i - 1])
                || (b[i - 1] == b'b' && (i < 2 || !ident(b[i - 2]))))
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let start = i + 2 + hashes;
                let end = src[start..]
                    .find(&close)
                    .map_or(b.len(), |e| start + e + close.len());
                blank(&mut out, start, end.saturating_sub(close.len()).max(start));
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i + 1, j);
                i = j + 1;
            }
            // A char literal ('a', '\n', '\u{1F600}', '"'), not a lifetime ('a) or a label.
            b'\'' => {
                let len = if b.get(i + 1) == Some(&b'\\') {
                    // The escaped character may itself be a quote: `'\''`.
                    b.get(i + 3..)
                        .and_then(|rest| rest.iter().position(|&c| c == b'\''))
                        .map(|p| p + 3)
                } else {
                    src[i + 1..]
                        .chars()
                        .next()
                        .map(char::len_utf8)
                        .filter(|&n| b.get(i + 1 + n) == Some(&b'\''))
                        .map(|n| n + 1)
                };
                match len {
                    Some(n) => {
                        blank(&mut out, i + 1, i + n);
                        i += n + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `code` (from [`code_only`]) with the items gated by `#[cfg(test)]` blanked out.
pub fn without_tests(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(test)]").map(|a| a + from) {
        // The item ends at its first `;` outside braces, or with the brace that closes its body.
        let mut depth = 0usize;
        let mut end = code.len();
        for (j, c) in code.bytes().enumerate().skip(at + "#[cfg(test)]".len()) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        for c in &mut out[at..end] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        from = end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A path found in code: its line (from 1) and its segments after the keyword (`crate::a::{b, c}` gives
/// `a::b` and `a::c`).
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPath {
    pub line: usize,
    pub segments: Vec<String>,
}

/// Every path that starts with `keyword::` (`crate`, `super`; `$crate` counts as `crate`) in `code`.
pub fn paths_after(code: &str, keyword: &str) -> Vec<FoundPath> {
    scan(code, keyword, "::")
}

/// Every path of a `use` item in `code` (`pub use issue::{A, B}` gives `issue::A` and `issue::B`).
pub fn use_paths(code: &str) -> Vec<FoundPath> {
    scan(code, "use", "")
}

/// The paths after each `keyword` then `separator` in `code`.
fn scan(code: &str, keyword: &str, separator: &str) -> Vec<FoundPath> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find(keyword).map(|a| a + from) {
        from = at + keyword.len();
        if at > 0 && ident(b[at - 1]) || b.get(from).is_some_and(|&c| ident(c)) {
            continue;
        }
        let mut p = Parser { b, i: from };
        if !p.eat(separator) {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        for segments in p.tree() {
            if !segments.is_empty() {
                out.push(FoundPath { line, segments });
            }
        }
    }
    out
}

/// Reads a use tree: `a::b`, `a::{b, c::d}`, `{a, b}`, `a as x`, `*`.
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.b[self.i..].starts_with(s.as_bytes()) {
            self.i += s.len();
            true
        } else {
            false
        }
    }

    /// Eats the keyword `word` (not the start of a longer identifier).
    fn eat_word(&mut self, word: &str) -> bool {
        let start = self.i;
        if self.ident().is_some_and(|w| w == word) {
            true
        } else {
            self.i = start;
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.i;
        while self
            .b
            .get(self.i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.i += 1;
        }
        (self.i > start).then(|| String::from_utf8_lossy(&self.b[start..self.i]).into_owned())
    }

    /// The paths of one tree, each as its segments (a `*` or an `as` name is no segment).
    fn tree(&mut self) -> Vec<Vec<String>> {
        if self.eat("{") {
            let mut out = Vec::new();
            loop {
                if self.eat("}") {
                    break;
                }
                let before = self.i;
                out.extend(self.tree());
                if !self.eat(",") && self.i == before {
                    break; // not a use tree after all
                }
            }
            return out;
        }
        if self.eat("*") {
            return vec![vec![]];
        }
        let Some(first) = self.ident() else {
            return vec![];
        };
        if self.eat("::") {
            let rest = self.tree();
            if rest.is_empty() {
                return vec![vec![first]];
            }
            return rest
                .into_iter()
                .map(|r| std::iter::once(first.clone()).chain(r).collect())
                .collect();
        }
        if self.eat_word("as") {
            self.ident();
        }
        vec![vec![first]]
    }
}

/// The module path of a file relative to `src/`: `lib.rs` → [], `a.rs` → [a], `a/mod.rs` → [a],
/// `a/b.rs` → [a, b].
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// An import cycle: the modules in it, one shortest cycle through the first, and the edges between its
/// modules with where each is first seen.
#[derive(Debug, PartialEq)]
pub struct Cycle {
    pub modules: Vec<String>,
    pub path: Vec<String>,
    /// (from, to, file, line).
    pub edges: Vec<(String, String, String, usize)>,
}

impl Cycle {
    /// A multi-line report, file paths prefixed with `dir`.
    pub fn report(&self, dir: &str) -> String {
        let mut s = format!(
            "{}: import cycle between {}: {}",
            dir.trim_end_matches('/'),
            self.modules.join(", "),
            self.path.join(" -> ")
        );
        for (from, to, file, line) in &self.edges {
            s.push_str(&format!("\n  {from} -> {to} ({dir}{file}:{line})"));
        }
        s
    }
}

/// The import cycles between the top-level modules of a crate, from its files (relative to `src/`).
pub fn core_cycles(files: &[Source]) -> Vec<Cycle> {
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(f, _)| module_of(f).first().cloned())
        .collect();
    // Names lib.rs re-exports (`pub use issue::{DataIssue, …}`) lead to their module.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    for (file, src) in files {
        if module_of(file).is_empty() {
            for p in use_paths(&code_only(src)) {
                if let [module, .., name] = p.segments.as_slice() {
                    if modules.contains(module) {
                        reexports.insert(name.clone(), module.clone());
                    }
                }
            }
        }
    }
    let mut edges: BTreeMap<(String, String), (String, usize)> = BTreeMap::new();
    for (file, src) in files {
        let Some(from) = module_of(file).first().cloned() else {
            continue;
        };
        for p in paths_after(&without_tests(&code_only(src)), "crate") {
            let first = &p.segments[0];
            let to = if modules.contains(first) {
                first
            } else if let Some(m) = reexports.get(first) {
                m
            } else {
                continue;
            };
            if *to != from {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert((file.clone(), p.line));
            }
        }
    }
    let graph: BTreeMap<&str, Vec<&str>> = modules
        .iter()
        .map(|m| {
            let next = edges
                .keys()
                .filter(|(a, _)| a == m)
                .map(|(_, b)| b.as_str())
                .collect();
            (m.as_str(), next)
        })
        .collect();
    strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|members| {
            let inside = |m: &str| members.iter().any(|x| x == m);
            Cycle {
                path: shortest_cycle(&graph, &members[0], &inside),
                edges: edges
                    .iter()
                    .filter(|((a, b), _)| inside(a) && inside(b))
                    .map(|((a, b), (f, l))| (a.clone(), b.clone(), f.clone(), *l))
                    .collect(),
                modules: members,
            }
        })
        .collect()
}

/// Tarjan's strongly connected components, each sorted, in the order of their smallest member.
fn strongly_connected(graph: &BTreeMap<&str, Vec<&str>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for &w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for &v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}

/// A shortest cycle from `start` back to it through modules `inside` allows: `[start, …, start]`.
fn shortest_cycle(
    graph: &BTreeMap<&str, Vec<&str>>,
    start: &str,
    inside: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &w in graph.get(v).into_iter().flatten() {
            if w == start {
                let mut path = vec![start.to_string(), v.to_string()];
                let mut at = v;
                while at != start {
                    at = came_from[at];
                    path.push(at.to_string());
                }
                path.reverse();
                return path;
            }
            if inside(w) && !came_from.contains_key(w) && w != start {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    vec![start.to_string()]
}

/// One page importing another.
#[derive(Debug, PartialEq)]
pub struct PageImport {
    pub file: String,
    pub line: usize,
    pub page: String,
    pub other: String,
    /// The path as written, e.g. `crate::pages::project::…`.
    pub path: String,
}

/// Pages that import other pages, from the files of `src/pages/` (relative to it).
pub fn page_imports(files: &[Source]) -> Vec<PageImport> {
    let pages: BTreeSet<String> = files
        .iter()
        .filter_map(|(f, _)| module_of(f).first().cloned())
        .collect();
    let mut out = Vec::new();
    for (file, src) in files {
        let module = module_of(file);
        let Some(page) = module.first() else {
            continue; // mod.rs, the registry
        };
        let code = without_tests(&code_only(src));
        let mut found: Vec<(usize, String, String)> = paths_after(&code, "crate")
            .into_iter()
            .filter(|p| p.segments.len() >= 2 && p.segments[0] == "pages")
            .map(|p| {
                let shown = format!("crate::{}", p.segments.join("::"));
                (p.line, p.segments[1].clone(), shown)
            })
            .collect();
        // `super::` is `crate::pages::` in a file directly under src/pages/.
        if module.len() == 1 {
            found.extend(paths_after(&code, "super").into_iter().map(|p| {
                let shown = format!("super::{}", p.segments.join("::"));
                (p.line, p.segments[0].clone(), shown)
            }));
        }
        found.sort();
        for (line, other, path) in found {
            if other != *page && pages.contains(&other) {
                out.push(PageImport {
                    file: file.clone(),
                    line,
                    page: page.clone(),
                    other,
                    path,
                });
            }
        }
    }
    out
}

/// Crates that need a browser, by family: `leptos` also covers `leptos_router` and `leptos-use`.
pub const WEB_CRATES: &[&str] = &["leptos", "web-sys", "js-sys", "gloo", "wasm-bindgen"];

fn is_web_crate(name: &str) -> bool {
    WEB_CRATES.iter().any(|w| {
        name == *w
            || name
                .strip_prefix(w)
                .is_some_and(|rest| rest.starts_with(['-', '_']))
    })
}

/// The web crates among the dependencies of a Cargo.toml: (table, crate as named there, with its
/// package name if renamed).
pub fn web_crates(cargo_toml: &str) -> Result<Vec<(String, String)>> {
    let doc: toml::Table = cargo_toml.parse().context("not valid TOML")?;
    const KINDS: [&str; 3] = ["dependencies", "dev-dependencies", "build-dependencies"];
    let mut tables: Vec<(String, &toml::Table)> = KINDS
        .iter()
        .filter_map(|k| Some((k.to_string(), doc.get(*k)?.as_table()?)))
        .collect();
    for (cfg, target) in doc
        .get("target")
        .and_then(|t| t.as_table())
        .into_iter()
        .flatten()
    {
        for k in KINDS {
            if let Some(t) = target.get(k).and_then(|t| t.as_table()) {
                tables.push((format!("target.{cfg}.{k}"), t));
            }
        }
    }
    let mut out = Vec::new();
    for (table, deps) in tables {
        for (name, spec) in deps {
            let package = spec.get("package").and_then(|p| p.as_str());
            let crate_name = package.unwrap_or(name);
            if is_web_crate(crate_name) {
                let shown = match package {
                    Some(p) => format!("{name} (package {p})"),
                    None => name.clone(),
                };
                out.push((table.clone(), shown));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<Source> {
        list.iter()
            .map(|(f, s)| (f.to_string(), s.to_string()))
            .collect()
    }

    fn segs(code: &str, keyword: &str) -> Vec<String> {
        paths_after(&code_only(code), keyword)
            .into_iter()
            .map(|p| format!("{}:{}", p.line, p.segments.join("::")))
            .collect()
    }

    #[test]
    fn comments_and_literals_are_no_code() {
        let src = "use crate::a; // crate::b\n/* crate::c /* nested crate::d */ */ let s = \"crate::e \\\" crate::f\";\n\
                   let r = r#\"crate::g \"# ; let c = '\"'; fn f<'a>(x: &'a str) { crate::h::i(x) }\n\
                   let u = \"https://x\"; crate::j";
        let code = code_only(src);
        assert_eq!(code.len(), src.len());
        assert_eq!(code.lines().count(), src.lines().count());
        assert_eq!(segs(src, "crate"), ["1:a", "3:h::i", "4:j"]);
    }

    #[test]
    fn escaped_quotes_end_no_literal_early() {
        let src = "let q = '\\''; let d = '\\\\'; crate::a();\nlet s = \"\\\\\"; crate::b();";
        assert_eq!(segs(src, "crate"), ["1:a", "2:b"]);
    }

    #[test]
    fn checks_a_workspace() {
        let root = std::env::temp_dir().join(format!("bridges-imports-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write("core/Cargo.toml", "[dependencies]\nserde = \"1\"\n");
        write("core/src/lib.rs", "pub mod a;\npub mod b;\n");
        write("core/src/a.rs", "use crate::b::B;\n");
        write("core/src/b.rs", "pub struct B;\n");
        write("src/pages/mod.rs", "pub mod x;\npub mod y;\n");
        write("src/pages/x.rs", "use crate::components::C;\n");
        write("src/pages/y.rs", "");
        assert_eq!(check(&root).unwrap(), Vec::<String>::new());
        write("core/src/b.rs", "pub struct B(crate::a::A);\n");
        write("src/pages/y.rs", "\nuse crate::pages::x::X;\n");
        write("core/Cargo.toml", "[dependencies]\nweb-sys = \"0.3\"\n");
        assert_eq!(
            check(&root).unwrap(),
            [
                "core/src: import cycle between a, b: a -> b -> a\n  a -> b (core/src/a.rs:1)\n  \
                 b -> a (core/src/b.rs:1)",
                "src/pages/y.rs:2: page y imports page x (crate::pages::x::X)",
                "core/Cargo.toml: [dependencies] web-sys is a web crate (the core runs without a browser)",
            ]
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn paths_are_read_from_uses_groups_and_code() {
        let src = "use crate::{a, b::{C, D as E}, c::*};\nuse crate::\n    d::F;\n\
                   let x = crate::e::f::<T>(); $crate::g!(); mycrate::h; crate_::i; crate :: j;";
        assert_eq!(
            segs(src, "crate"),
            ["1:a", "1:b::C", "1:b::D", "1:c", "2:d::F", "4:e::f", "4:g", "4:j"]
        );
        assert_eq!(segs("use super::{x, y::Z};", "super"), ["1:x", "1:y::Z"]);
    }

    #[test]
    fn test_items_do_not_count() {
        let src = "use crate::a;\n#[cfg(test)]\nmod tests {\n    use crate::b;\n    fn f() { crate::c(); }\n}\n\
                   #[cfg(test)]\nuse crate::d;\nfn g() { crate::e(); }";
        let found: Vec<String> = paths_after(&without_tests(&code_only(src)), "crate")
            .into_iter()
            .map(|p| p.segments.join("::"))
            .collect();
        assert_eq!(found, ["a", "e"]);
    }

    #[test]
    fn modules_of_files() {
        assert_eq!(module_of("lib.rs"), Vec::<String>::new());
        assert_eq!(module_of("a.rs"), ["a"]);
        assert_eq!(module_of("a/mod.rs"), ["a"]);
        assert_eq!(module_of("a/b.rs"), ["a", "b"]);
    }

    #[test]
    fn finds_cycles_and_only_cycles() {
        let core = files(&[
            (
                "lib.rs",
                "pub mod a; pub mod b; pub mod c; pub mod d; pub mod e; pub mod f;\npub use d::Thing;",
            ),
            ("a.rs", "use crate::b::X;\nuse crate::a::Me;"),
            ("b.rs", "fn f() {\n crate::c::y()\n}"),
            ("c.rs", "use crate::{a::Z, d};"),
            ("d.rs", "use crate::e::Q; // crate::a"),
            ("e.rs", "use crate::Thing;"),
            ("f.rs", "use crate::a::Z;\n#[cfg(test)]\nmod tests { use crate::f; }"),
        ]);
        let cycles = core_cycles(&core);
        assert_eq!(cycles.len(), 2, "{cycles:?}");
        assert_eq!(cycles[0].modules, ["a", "b", "c"]);
        assert_eq!(cycles[0].path, ["a", "b", "c", "a"]);
        assert_eq!(
            cycles[0].edges,
            [
                ("a".into(), "b".into(), "a.rs".into(), 1),
                ("b".into(), "c".into(), "b.rs".into(), 2),
                ("c".into(), "a".into(), "c.rs".into(), 1),
            ]
        );
        // d -> e through e's import of a name lib.rs re-exports from d.
        assert_eq!(cycles[1].modules, ["d", "e"]);
        assert_eq!(cycles[1].path, ["d", "e", "d"]);
        assert_eq!(
            cycles[1].report("core/src/"),
            "core/src: import cycle between d, e: d -> e -> d\n  d -> e (core/src/d.rs:1)\n  \
             e -> d (core/src/e.rs:1)"
        );
    }

    #[test]
    fn submodules_count_as_their_parent_and_layers_are_no_cycle() {
        let core = files(&[
            ("lib.rs", "pub mod i18n; pub mod format; pub mod model;"),
            (
                "i18n/mod.rs",
                "use crate::format;\nmod ui;\nuse crate::i18n::ui::X;",
            ),
            ("i18n/ui.rs", "use super::Lang; use crate::i18n::Lang;"),
            ("format.rs", "use crate::model::Y;"),
            ("model.rs", ""),
        ]);
        assert_eq!(core_cycles(&core), []);
        // A submodule's import of a module that imports its parent closes a cycle.
        let mut core = core;
        core[3].1.push_str("\nuse crate::i18n::ui::X;");
        let cycles = core_cycles(&core);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].modules, ["format", "i18n"]);
        assert_eq!(cycles[0].edges[1].2, "i18n/mod.rs");
    }

    #[test]
    fn a_long_cycle_is_shown_by_a_shortest_one() {
        let core = files(&[
            ("a.rs", "use crate::b; use crate::d;"),
            ("b.rs", "use crate::c;"),
            ("c.rs", "use crate::a;"),
            ("d.rs", "use crate::a;"),
        ]);
        let cycles = core_cycles(&core);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].modules, ["a", "b", "c", "d"]);
        assert_eq!(cycles[0].path, ["a", "d", "a"]);
        assert_eq!(cycles[0].edges.len(), 5);
    }

    #[test]
    fn pages_importing_pages() {
        let pages = files(&[
            (
                "mod.rs",
                "pub mod a; pub mod b; pub mod c;\nuse crate::pages::a::A;",
            ),
            (
                "a.rs",
                "use crate::pages::b::B;\nuse crate::pages::Registry;\nuse crate::pages::a::Own;\n\
                 use super::{c::C, shared};\n// crate::pages::c::InAComment\nlet s = \"crate::pages::c\";",
            ),
            (
                "b.rs",
                "use crate::components::X;\nfn f() { view! { <crate::pages::c::Big/> } }",
            ),
            ("c/mod.rs", "mod part;"),
            ("c/part.rs", "use super::Inner; use crate::pages::a::A;"),
        ]);
        let found: Vec<String> = page_imports(&pages)
            .iter()
            .map(|i| format!("{}:{} {}->{} {}", i.file, i.line, i.page, i.other, i.path))
            .collect();
        assert_eq!(
            found,
            [
                "a.rs:1 a->b crate::pages::b::B",
                "a.rs:4 a->c super::c::C",
                "b.rs:2 b->c crate::pages::c::Big",
                "c/part.rs:1 c->a crate::pages::a::A",
            ]
        );
    }

    #[test]
    fn web_crates_in_any_dependency_table() {
        let toml = r#"
[package]
name = "core"

[dependencies]
serde = "1"
leptosish = "1"
gloo-net = { version = "0.6" }
dom = { package = "web-sys", version = "0.3" }

[dependencies.leptos_router]
version = "0.8"

[dev-dependencies]
wasm-bindgen-test = "0.3"

[target.'cfg(target_arch = "wasm32")'.dependencies]
js-sys = "0.3"
"#;
        assert_eq!(
            web_crates(toml).unwrap(),
            [
                (
                    "dependencies".to_string(),
                    "dom (package web-sys)".to_string()
                ),
                ("dependencies".into(), "gloo-net".into()),
                ("dependencies".into(), "leptos_router".into()),
                ("dev-dependencies".into(), "wasm-bindgen-test".into()),
                (
                    "target.cfg(target_arch = \"wasm32\").dependencies".into(),
                    "js-sys".into()
                ),
            ]
        );
        assert_eq!(
            web_crates("[dependencies]\nserde = \"1\"\nmemchr = \"2\"").unwrap(),
            []
        );
        assert!(web_crates("[dependencies\n").is_err());
    }
}
