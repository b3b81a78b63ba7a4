//! The map's options menu: measure, layers, region presets, list instead of map, downloads. It only
//! reports what was chosen; the map owns its state.

use std::collections::BTreeSet;

use bridges_core::i18n::MapText;
use bridges_core::map::{Layer, Preset};
use bridges_core::query::Measure;
use leptos::prelude::*;

use crate::i18n::{tm, use_lang};

/// A preset's name in `lang`.
fn preset_name(p: Preset, t: &'static MapText) -> &'static str {
    match p {
        Preset::Africa => t.preset_africa,
        Preset::Asia => t.preset_asia,
        Preset::LatinAmerica => t.preset_latin_america,
        Preset::Oceania => t.preset_oceania,
        Preset::Europe => t.preset_europe,
    }
}

/// The "Map options" menu over the map's upper right corner.
#[component]
pub fn MapMenu(
    /// What the map measures.
    measure: Signal<Measure>,
    on_measure: Callback<Measure>,
    /// Which layers are on.
    layers: Signal<BTreeSet<Layer>>,
    /// Turns a layer on or off.
    on_layer: Callback<Layer>,
    /// Moves the map to a region.
    on_preset: Callback<Preset>,
    /// Whether the list is shown instead of the map.
    as_list: RwSignal<bool>,
    /// Downloads the map: `true` as PNG, `false` as SVG.
    on_download: Callback<bool>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="map-menu">
            <summary>{move || tm(lang.get()).options}</summary>
            <div class="map-menu-body">
                <div class="map-toolbar" role="group" aria-label=move || tm(lang.get()).controls>
                    <span>{move || tm(lang.get()).measure}</span>
                    <button type="button" aria-pressed=move || (measure.get() == Measure::Count).to_string() on:click=move |_| on_measure.run(Measure::Count)>{move || tm(lang.get()).measure_count}</button>
                    <button type="button" aria-pressed=move || (measure.get() == Measure::Amount).to_string() on:click=move |_| on_measure.run(Measure::Amount)>{move || tm(lang.get()).measure_amount}</button>
                </div>
                <div class="map-toolbar" role="group" aria-label=move || tm(lang.get()).layers>
                    {Layer::ALL.into_iter().map(|l| {
                        let label = move || {
                            let t = tm(lang.get());
                            match l { Layer::Choropleth => t.layer_countries, Layer::Points => t.layer_points, Layer::Flows => t.layer_flows }
                        };
                        view! {
                            <label class="layer"><input type="checkbox" prop:checked=move || layers.get().contains(&l) on:change=move |_| on_layer.run(l)/>{label}</label>
                        }
                    }).collect_view()}
                </div>
                <div class="map-toolbar" role="group" aria-label=move || tm(lang.get()).region>
                    {Preset::ALL.into_iter().map(|p| view! {
                        <button type="button" on:click=move |_| on_preset.run(p)>{move || preset_name(p, tm(lang.get()))}</button>
                    }).collect_view()}
                </div>
                <div class="map-toolbar">
                    <button type="button" aria-pressed=move || as_list.get().to_string() on:click=move |_| as_list.update(|v| *v = !*v)>
                        {move || if as_list.get() { tm(lang.get()).show_map } else { tm(lang.get()).show_list }}
                    </button>
                    <button type="button" on:click=move |_| on_download.run(false)>"SVG"</button>
                    <button type="button" on:click=move |_| on_download.run(true)>"PNG"</button>
                </div>
            </div>
        </details>
    }
}
