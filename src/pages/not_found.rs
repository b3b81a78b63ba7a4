use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::paths::href;

/// Any path no route matches: says which path, and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{move || location.pathname.get()}</code> "."</p>
            <p>
                "Try the " <a href=href("/")>"overview"</a> ", the " <a href=href("/table")>"table of all projects"</a>
                " or the " <a href=href("/about")>"sources"</a> "."
            </p>
        </section>
    }
}
