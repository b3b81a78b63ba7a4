//! Web crates named in `core/Cargo.toml`.

use anyhow::{Context, Result};

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
