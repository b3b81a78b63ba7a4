//! Where the app is served from. Partners host `dist/` under a sub-path (`trunk build --public-url
//! /atlas/`), so every link and data URL is made relative to the document's `<base href>`.

/// The path the app is served under, without a trailing slash: `""` at the root, `"/atlas"` below it.
pub fn base_path() -> String {
    let base_uri = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let path = web_sys::Url::new(&base_uri)
        .map(|u| u.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// An in-app link: `href("/about")` → `/atlas/about` under a sub-path.
pub fn href(path: &str) -> String {
    format!("{}{}", base_path(), path)
}
