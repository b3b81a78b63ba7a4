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

/// The current path as a link target that stays on this site: a path opened as `//evil.example/` (a
/// server that answers every path with the app) would otherwise become a protocol-relative link to
/// another site. Leading slashes and backslashes collapse to one slash.
pub fn same_site_path(pathname: &str) -> String {
    let rest = pathname.trim_start_matches(['/', '\\']);
    format!("/{rest}")
}

/// A query string with some parameters set (an empty value removes one); the others are kept as they are.
pub fn query_with(search: &str, set: &[(&str, &str)]) -> String {
    let Ok(p) = web_sys::UrlSearchParams::new_with_str(search) else {
        return String::new();
    };
    for (k, v) in set {
        if v.is_empty() {
            p.delete(k);
        } else {
            p.set(k, v);
        }
    }
    String::from(p.to_string()).replace("%7E", "~")
}

/// The page the browser's address names, its id decoded exactly once. The router decodes its path
/// (`decodeURI`) and then each parameter again, so an id with a literal `%20` in it would lose it:
/// pages that look a record up by its id read it here.
pub fn current_page() -> bridges_core::route::Page {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let base = base_path();
    bridges_core::route::Page::from_path(path.strip_prefix(&base).unwrap_or(&path))
}

/// A link to a project's page that keeps the data source the current URL names (`data=`, `dataset=`):
/// the page it opens can be reloaded, opened in a new tab or shared and still shows that project (an
/// id from another file names nothing in the built-in data).
pub fn project_href(id: &str) -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    href_keeping_source(
        &bridges_core::route::Page::Project(id.to_string()).path(),
        &search,
    )
}

/// An in-app link that keeps the data source the current URL names (`data=`, `dataset=`), so a view
/// reached by it can be shared and shows the same data.
pub fn href_keeping_source(path: &str, search: &str) -> String {
    let (state, _) = bridges_core::query::parse(search);
    let keep = bridges_core::query::ViewState {
        data: state.data,
        datasets: state.datasets,
        ..Default::default()
    };
    let q = bridges_core::query::to_query(&keep);
    if q.is_empty() {
        href(path)
    } else {
        href(&format!("{path}?{q}"))
    }
}
