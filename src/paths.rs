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
    page_at(&path)
}

/// The page a path names (with the site's base path, as the router's `use_location().pathname`
/// and the browser's address hold it), its id decoded exactly once. A page that follows the route
/// reads the router's path: during an in-app navigation the router has moved on before the
/// browser's address changes (it pushes the address once the new route is ready), so the address
/// still names the previous page. The router's path is exact: links with an escape are followed as
/// written ([`follow_escaped_links`]), the others have nothing `decodeURI` would change.
pub fn page_at(path: &str) -> bridges_core::route::Page {
    let base = base_path();
    bridges_core::route::Page::from_path(path.strip_prefix(&base).unwrap_or(path))
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

/// A slide's live view (`view` and its stored `query`) as a link that keeps the data source the
/// current URL names (`data=`, `dataset=`): a story is shown on the data the presenter loaded, so
/// its slides' views must open on it too (a project of a `?data=` file names nothing in the built-in
/// data). The language is `lang` when given, else the current URL's.
pub fn slide_href(
    view: &str,
    query: &str,
    search: &str,
    lang: Option<bridges_core::i18n::Lang>,
) -> String {
    let (mut state, _) = bridges_core::query::parse(query);
    let (now, _) = bridges_core::query::parse(search);
    state.data = now.data;
    state.datasets = now.datasets;
    state.lang = lang.or(now.lang);
    let q = bridges_core::query::to_query(&state);
    if q.is_empty() {
        href(view)
    } else {
        href(&format!("{view}?{q}"))
    }
}

/// Follows in-app links whose path holds an escape (`/projects/%E6%B0%B4%20%2520`) with that path
/// exactly as written. The router's own link handling passes a clicked link's path through
/// `decodeURI` before it pushes it, which turns `%25` back into `%` (the record `水电 站 %20` would
/// open as `水电 站  `) and `%5C` into `\` (which the browser then reads as `/`). Every other link,
/// and any click the router would leave to the browser (another site, a new tab, a download, a
/// modifier key), is left as it was. Call once, inside the router.
pub fn follow_escaped_links() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let navigate = leptos_router::hooks::use_navigate();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !a.target().is_empty()
            || a.has_attribute("download")
            || a.rel().split_whitespace().any(|r| r == "external")
        {
            return;
        }
        let Ok(url) = web_sys::Url::new(&a.href()) else {
            return;
        };
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let path = url.pathname();
        if url.origin() != origin || !path.contains('%') || !path.starts_with(&base_path()) {
            return;
        }
        ev.prevent_default();
        navigate(
            &format!("{path}{}{}", url.search(), url.hash()),
            leptos_router::NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        );
    });
    // In the capture phase, so it runs before the router's listener (which then sees the click handled).
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the app.
    on_click.forget();
}
