use bridges_core::query::{parse, to_query};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{t, use_lang, LangSwitch};
use crate::paths::href;
use crate::tr;

/// The site header: name and the main navigation. Links to the data views carry the current filters,
/// so moving between explorer, map and table keeps the selection. `A` marks the current page.
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
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                " Bridges"
            </A>
            <nav aria-label=tr!(lang, nav_main)>
                <ul>
                    {links.into_iter().map(|(path, label, keep)| view! {
                        <li><A href=link(path, keep) exact=true>{move || label(t(lang.get()))}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <crate::pages::story_builder::AddSlideButton/>
            <crate::components::share::ShareButton/>
            <LangSwitch/>
        </header>
    }
}
