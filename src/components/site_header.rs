use bridges_core::query::{parse, to_query};
use bridges_core::route::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{t, use_lang, LangSwitch};
use crate::paths::{base_path, href};
use crate::tr;

/// The site header, one row at every width: name, navigation, share, language. On a phone the
/// navigation (and "add this view as a slide") fold into a menu named after the current page, so the
/// header stays one line and the page starts at once. Links to the data views carry the current
/// filters, so moving between explorer, map and table keeps the selection. `A` marks the current page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    let filters = Memo::new(move |_| {
        let (mut state, _) = parse(&location.search.get());
        state.page = 1;
        state.sort = Default::default();
        to_query(&state)
    });
    let link = move |path: &'static str, keep: bool| {
        move || {
            let q = filters.get();
            if keep && !q.is_empty() {
                href(&format!("{path}?{q}"))
            } else {
                href(path)
            }
        }
    };
    let lang = use_lang();
    let links: [(&'static str, bridges_core::i18n::Key, bool); 6] = [
        ("/", |t| t.nav_overview, false),
        ("/explore", |t| t.nav_explore, true),
        ("/map", |t| t.nav_map, true),
        ("/table", |t| t.nav_table, true),
        ("/present", |t| t.nav_present, false),
        ("/about", |t| t.nav_about, false),
    ];
    let open = RwSignal::new(false);
    // The menu closes when the page changes.
    Effect::new(move |_| {
        let _ = location.pathname.get();
        open.set(false);
    });
    let page = Memo::new(move |_| {
        let path = location.pathname.get();
        let base = base_path();
        Page::from_path(path.strip_prefix(&base).unwrap_or(&path))
    });
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                <span class="brand-name">" Bridges"</span>
            </A>
            <button type="button" class="menu-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="site-menu" on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { open.set(false) }>
                <span class="sr-only">{tr!(lang, nav_menu)} ": "</span>
                {move || page.get().name(lang.get())}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="site-menu" id="site-menu" class:open=move || open.get()
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { open.set(false) }>
                <nav aria-label=tr!(lang, nav_main)>
                    <ul>
                        {links.into_iter().map(|(path, label, keep)| view! {
                            <li><A href=link(path, keep) exact=true>{move || label(t(lang.get()))}</A></li>
                        }).collect_view()}
                    </ul>
                </nav>
                <crate::components::story::builder::AddSlideButton/>
            </div>
            <div class="header-actions">
                <crate::components::share::ShareButton/>
                <LangSwitch/>
            </div>
        </header>
    }
}
