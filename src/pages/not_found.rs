use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::use_lang;
use crate::paths::href;
use crate::tr;

/// Any path no route matches: says which path, and offers the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    let lang = use_lang();
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{tr!(lang, not_found_title)}</h1>
            <p>{tr!(lang, not_found_no_page)} " " <code>{move || location.pathname.get()}</code></p>
            <ul>
                <li><a href=href("/")>{tr!(lang, nav_overview)}</a></li>
                <li><a href=href("/table")>{tr!(lang, not_found_table)}</a></li>
                <li><a href=href("/about")>{tr!(lang, footer_sources)}</a></li>
            </ul>
        </section>
    }
}
