//! `/map`: the world map of the current filters, with its headline as one line above it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::headline::FilteredHeadline;
use crate::components::world_map::{load_world, world_error_view, WorldMap};
use crate::i18n::{tm, use_lang};

/// `/map`: a choropleth of projects or known amounts per recipient, admin-area points and flows,
/// linked to every filter; keyboard-operable, with a list instead of the map.
#[component]
pub fn MapPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1 class="page-title">{move || tm(lang.get()).title}</h1>
        <DataGate children=move |data| {
            let world = LocalResource::new(load_world);
            view! {
                <FilteredHeadline data=Arc::clone(&data) strip=true/>
                {move || match world.get() {
                    None => view! { <p role="status" class="loading">{move || tm(lang.get()).loading}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="load-error" role="alert" data-testid="map-error">{move || world_error_view(&e, lang.get())}</p> }.into_any(),
                    Some(Ok(w)) => view! { <WorldMap data=Arc::clone(&data) world=w/> }.into_any(),
                }}
            }
        }/>
    }
}
