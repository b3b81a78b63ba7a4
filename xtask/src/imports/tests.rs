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
    for dir in ["charts/src", "sheets/src", "xtask/src"] {
        write(&format!("{dir}/lib.rs"), "");
    }
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
        (
            "f.rs",
            "use crate::a::Z;\n#[cfg(test)]\nmod tests { use crate::f; }",
        ),
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

/// A temporary workspace with every checked folder, removed when dropped.
struct Workspace(std::path::PathBuf);

impl Workspace {
    fn new(name: &str) -> Workspace {
        let root = std::env::temp_dir().join(format!("bridges-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let ws = Workspace(root);
        ws.write("core/Cargo.toml", b"[dependencies]\n");
        for dir in CHECKED {
            ws.write(&format!("{dir}/lib.rs"), b"");
        }
        ws
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `n` lines of code after `head`.
fn lines(head: &str, n: usize) -> String {
    let mut s = head.to_string();
    while s.lines().count() < n {
        s.push_str("fn f() {}\n");
    }
    s
}

#[test]
fn a_long_file_needs_a_reason() {
    let ws = Workspace::new("lengths");
    // At the limit: fine.
    ws.write(
        "charts/src/at_limit.rs",
        lines("//! A chart.\n", MAX_LINES).as_bytes(),
    );
    assert_eq!(check(&ws.0).unwrap(), Vec::<String>::new());
    // Over it, in any checked folder, without a reason: reported.
    let long = lines("//! The explorer.\n\nuse x;\n", MAX_LINES + 1);
    ws.write("src/pages/explore.rs", long.as_bytes());
    ws.write("core/src/columns/mod.rs", long.as_bytes());
    assert_eq!(
        check(&ws.0).unwrap(),
        [
            "core/src/columns/mod.rs: 401 lines (over 400), and its module doc does not say why it \
             must be one file (\"One file because …\")",
            "src/pages/explore.rs: 401 lines (over 400), and its module doc does not say why it must \
             be one file (\"One file because …\")",
        ]
    );
    // The phrase in a plain comment or after the first item is no reason.
    let late = lines(
        "//! The map.\n// One file because it is one graph.\nuse x;\n//! One file because it is one.\n",
        MAX_LINES + 1,
    );
    ws.write("src/pages/explore.rs", late.as_bytes());
    ws.write("core/src/columns/mod.rs", b"");
    assert_eq!(check(&ws.0).unwrap().len(), 1);
    // A module doc that says why (the phrase may be broken across its lines): fine.
    let justified = lines(
        "#![allow(dead_code)]\n//! The map.\n//!\n//! One file\n//!   because the map is one reactive graph.\n\nuse x;\n",
        MAX_LINES + 50,
    );
    ws.write("src/pages/explore.rs", justified.as_bytes());
    assert_eq!(check(&ws.0).unwrap(), Vec::<String>::new());
}

#[test]
fn module_docs() {
    assert_eq!(
        module_doc("\n//! One\n//!  two\n#![deny(x)]\n// note\n//! three\nuse a;\n//! four"),
        "One two three"
    );
    assert_eq!(module_doc("use a;\n//! One"), "");
}

#[test]
fn files_that_cannot_be_read_are_reported() {
    let ws = Workspace::new("unreadable");
    // Not UTF-8: cannot be read as text.
    ws.write("sheets/src/book/cells.rs", b"fn f() {}\n\xff\xfe\n");
    fs::remove_dir_all(ws.0.join("xtask/src")).unwrap();
    let found = check(&ws.0).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("sheets/src/book/cells.rs: cannot be read ("),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("xtask/src/: cannot be read ("),
        "{found:?}"
    );
    // The rest is still checked.
    ws.write("xtask/src/main.rs", lines("", MAX_LINES + 1).as_bytes());
    let found = check(&ws.0).unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[1].starts_with("xtask/src/main.rs: 401 lines"),
        "{found:?}"
    );
}
