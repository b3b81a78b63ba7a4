use bridges_core::query::{parse, to_query};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::paths::href;

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
    let links = [
        ("/", "Overview", false),
        ("/explore", "Explore", true),
        ("/map", "Map", true),
        ("/table", "Table", true),
        ("/about", "About", false),
    ];
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                " Bridges"
            </A>
            <nav aria-label="Main">
                <ul>
                    {links.into_iter().map(|(path, label, keep)| view! {
                        <li><A href=link(path, keep) exact=true>{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <crate::components::share::ShareButton/>
        </header>
    }
}
