use leptos::prelude::*;
use leptos_router::components::A;

use crate::paths::href;

/// The site header: name and the main navigation. `A` marks the current page with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let links = [
        ("/", "Overview"),
        ("/explore", "Explore"),
        ("/map", "Map"),
        ("/table", "Table"),
        ("/about", "About"),
    ];
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                " Bridges"
            </A>
            <nav aria-label="Main">
                <ul>
                    {links.into_iter().map(|(path, label)| view! {
                        <li><A href=href(path) exact=true>{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}
