//! Bridges: the Leptos shell. It loads data through the pure core (`bridges_core`) and routes pages.

#[macro_use]
pub mod lazy;
pub mod after_paint;
pub mod app_data;
pub mod components;
pub mod download;
pub mod i18n;
pub mod marks;
pub mod pages;
pub mod paths;
pub mod storage;
pub mod view_state;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::app_data::{load, DataSource, LoadResult};
use crate::components::site_header::SiteHeader;
use crate::pages::not_found::NotFound;

/// The dataset as a resource every page can read; `None` while loading.
#[derive(Clone, Copy)]
pub struct DataResource(pub LocalResource<LoadResult>);

/// Which dataset is shown; setting it (e.g. to a dropped file) reloads every view.
#[derive(Clone, Copy)]
pub struct DataChoice(pub RwSignal<DataSource>);

/// What the query string asks to load: `data=URL` (a file), `dataset=a~b` (built-in datasets, by
/// catalogue id), or the built-in default.
fn requested_source(search: &str) -> DataSource {
    named_source(search).unwrap_or(DataSource::Url(None))
}

/// The source the query string names, if it names one.
fn named_source(search: &str) -> Option<DataSource> {
    let params = web_sys::UrlSearchParams::new_with_str(search).ok();
    let url = params
        .as_ref()
        .and_then(|p| p.get("data"))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if url.is_some() {
        return Some(DataSource::Url(url));
    }
    let datasets = bridges_core::query::parse(search).0.datasets;
    (!datasets.is_empty()).then_some(DataSource::Datasets(datasets))
}

/// The query string the page was opened with.
fn opening_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Choosing another dataset in the URL (the dataset picker, a shared link followed in the app)
/// loads it; a file the visitor opened stays until the URL names another source.
fn follow_data_source() {
    let location = leptos_router::hooks::use_location();
    let DataChoice(choice) = expect_context::<DataChoice>();
    let requested = Memo::new(move |_| requested_source(&location.search.get()));
    Effect::new(move |prev: Option<DataSource>| {
        let want = requested.get();
        if prev.as_ref().is_some_and(|p| *p != want) && choice.with_untracked(|c| *c != want) {
            choice.set(want.clone());
        }
        want
    });
}

/// `theme=light|dark|projector` in the URL sets `data-theme` on `<html>` (embeds set their own).
fn follow_theme() {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let search = location.search.get();
        if location.pathname.get().contains("/embed/") {
            return;
        }
        let theme = bridges_core::query::parse(&search).0.theme;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = match theme {
                Some(t) => el.set_attribute("data-theme", t.code()),
                None => el.remove_attribute("data-theme"),
            };
        }
    });
}

/// Turns the projector theme on or off for the current view (`theme=projector` in the URL).
#[component]
fn ProjectorSwitch() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let lang = i18n::use_lang();
    let on = move || {
        bridges_core::query::parse(&location.search.get()).0.theme
            == Some(bridges_core::query::Theme::Projector)
    };
    let href = move || {
        let q = paths::query_with(
            &location.search.get(),
            &[("theme", if on() { "" } else { "projector" })],
        );
        let path = paths::same_site_path(&location.pathname.get());
        if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        }
    };
    view! {
        <a href=href data-testid="projector-switch">
            {move || if on() { i18n::t(lang.get()).projector_off } else { i18n::t(lang.get()).present_projector }}
        </a>
    }
}

/// Moves focus to the element `id` without following the link: `href="#main"` would resolve against
/// `<base href>` and load the overview, losing the page and its filters.
pub fn skip_to(ev: web_sys::MouseEvent, id: &str) {
    ev.prevent_default();
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// After following a link to another page, focus goes to the new page's heading (a screen reader then
/// reads where it is), not left on `<body>`. The heading may arrive a little later (its code or data
/// loading), so this looks for it for up to two seconds. Not on the first page of a visit.
fn focus_heading_on_navigation() {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.as_ref().is_some_and(|p| *p != path) {
            focus_heading(0);
        }
        path
    });
}

fn focus_heading(attempt: u32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Until the new page's heading holds focus: the old page's heading can still be there for a
    // moment, and a heading that is replaced drops focus back to <body>. A visitor who has moved focus
    // themselves keeps it.
    let active = doc.active_element();
    let on_body = active.as_ref().is_none_or(|a| a.tag_name() == "BODY");
    if on_body {
        if let Some(h) = doc.query_selector("main h1").ok().flatten() {
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                let _ = h.focus();
            }
        }
    }
    if attempt < 20 {
        set_timeout(
            move || focus_heading(attempt + 1),
            std::time::Duration::from_millis(100),
        );
    }
}

/// What the footer says of the data: the built-in dataset's source, or the loaded file's own title.
#[component]
fn FooterData() -> impl IntoView {
    let lang = i18n::use_lang();
    let DataResource(resource) = expect_context::<DataResource>();
    move || match resource.get() {
        Some(Ok(d)) if !d.is_default => {
            let title = d.loaded.dataset.meta.title.clone();
            // The file's own title, quoted as it is (in whatever language the file is written).
            view! { {tr!(lang, footer_data_of)} " “" <span translate="no">{title}</span> "”" }
                .into_any()
        }
        _ => view! { {tr!(lang, footer_data)} }.into_any(),
    }
}

/// Site chrome (header, footer) that embeds and presentations leave out.
#[component]
fn Chrome(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let base = paths::base_path();
    let (embed, present) = (format!("{base}/embed/"), format!("{base}/present/"));
    move || {
        let path = location.pathname.get();
        (!path.starts_with(&embed) && !path.starts_with(&present)).then(|| children())
    }
}

/// The whole app: header, routes, footer. The dataset starts loading at once.
#[component]
pub fn App() -> impl IntoView {
    let choice = RwSignal::new(requested_source(&opening_search()));
    let resource = LocalResource::new(move || load(choice.get()));
    provide_context(DataResource(resource));
    provide_context(DataChoice(choice));
    provide_context(view_state::PendingView::default());
    let base = paths::base_path();
    view! {
        <Router base=base>
            <i18n::LangProvider>
            <Shell/>
            </i18n::LangProvider>
        </Router>
    }
}

/// What a page adds to its document title (a project's title, a story's): set by that page, cleared
/// when it goes.
#[derive(Clone, Copy)]
pub struct TitleDetail(pub RwSignal<Option<String>>);

/// Gives `detail` to the document title while the calling component lives.
pub fn use_title_detail(detail: impl Fn() -> Option<String> + Send + Sync + 'static) {
    if let Some(TitleDetail(d)) = use_context::<TitleDetail>() {
        Effect::new(move |_| d.set(detail()));
        on_cleanup(move || {
            let _ = d.try_set(None);
        });
    }
}

/// Every route has its own document title, in the page's language (embeds set their own).
fn follow_title() {
    let location = leptos_router::hooks::use_location();
    let lang = i18n::use_lang();
    let detail = RwSignal::new(None::<String>);
    provide_context(TitleDetail(detail));
    Effect::new(move |_| {
        let path = location.pathname.get();
        let base = paths::base_path();
        let page = bridges_core::route::Page::from_path(path.strip_prefix(&base).unwrap_or(&path));
        if matches!(page, bridges_core::route::Page::Embed(_)) {
            return;
        }
        let title = page.document_title(detail.get().as_deref(), lang.get());
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });
}

/// Header, routes and footer, inside the router and the language provider.
#[component]
fn Shell() -> impl IntoView {
    let lang = i18n::use_lang();
    follow_theme();
    follow_title();
    follow_data_source();
    focus_heading_on_navigation();
    paths::follow_escaped_links();
    view! {
            <Chrome>
                <a class="skip-link" href="#main" on:click=|ev| skip_to(ev, "main")>{tr!(lang, skip_to_content)}</a>
                <SiteHeader/>
            </Chrome>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=pages::overview_view/>
                    <Route path=path!("/explore") view=pages::explore_view/>
                    <Route path=path!("/map") view=pages::map_view/>
                    <Route path=path!("/table") view=pages::table_view/>
                    <Route path=path!("/projects/:id") view=pages::project_view/>
                    <Route path=path!("/actors/:id") view=pages::actor_view/>
                    <Route path=path!("/partners") view=pages::partners_view/>
                    <Route path=path!("/about") view=pages::about_view/>
                    <Route path=path!("/bench") view=pages::bench_view/>
                    <Route path=path!("/embed/:view") view=pages::embed_view/>
                    <Route path=path!("/present") view=pages::stories_view/>
                    <Route path=path!("/present/:story") view=pages::present_view/>
                    <Route path=path!("/present/:story/console") view=pages::console_view/>
                </Routes>
            </main>
            <Chrome>
                <footer class="site-footer">
                    <p>
                        <FooterData/> " "
                        <a href=paths::href("/about")>{tr!(lang, footer_sources)}</a>
                        " · "
                        <ProjectorSwitch/>
                    </p>
                </footer>
            </Chrome>
    }
}
