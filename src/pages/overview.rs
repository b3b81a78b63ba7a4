use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::dataset_picker::DatasetPicker;
use crate::components::headline::FilteredHeadline;
use crate::components::spreadsheet::OpenSpreadsheet;
use crate::i18n::use_lang;
use crate::paths::{href, href_keeping_source};
use crate::tr;
use bridges_core::i18n::ts;

/// `/`: what Bridges is and the headline of the loaded dataset.
#[component]
pub fn Overview() -> impl IntoView {
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    view! {
        <section class="hero">
            <h1>{tr!(lang, overview_title)}</h1>
            <p class="lede">{tr!(lang, overview_lede)}</p>
        </section>
        <DataGate children=move |data| {
            view! {
                <FilteredHeadline data=data/>
                <p class="dataset-line"><DatasetPicker/> " " <a href=href("/about")>{tr!(lang, about_the_data)}</a></p>
            }
        }/>
        // Outside the gates: importing a sheet replaces the data, which rebuilds what they hold, and the
        // import's own view (its downloads) must stay.
        <details class="own-sheet" data-testid="picker-spreadsheet">
            <summary>{move || ts(lang.get()).picker_open}</summary>
            <OpenSpreadsheet/>
        </details>
        <DataGate quiet=true children=move |data| {
            let title = data.loaded.dataset.meta.title.clone();
            view! {
                <p class="note">{tr!(lang, dataset_label)} " " <cite lang="en">{title}</cite></p>
                <nav class="cards" aria-label=tr!(lang, views_label)>
                    <a class="card" href=move || href_keeping_source("/explore", &location.search.get())><h2>{tr!(lang, nav_explore)}</h2><p>{tr!(lang, card_explore)}</p></a>
                    <a class="card" href=move || href_keeping_source("/map", &location.search.get())><h2>{tr!(lang, nav_map)}</h2><p>{tr!(lang, card_map)}</p></a>
                    <a class="card" href=move || href_keeping_source("/table", &location.search.get())><h2>{tr!(lang, nav_table)}</h2><p>{tr!(lang, card_table)}</p></a>
                    <a class="card" href=move || href_keeping_source("/partners", &location.search.get())><h2>{tr!(lang, page_partners)}</h2><p>{tr!(lang, card_partners)}</p></a>
                </nav>
            }
        }/>
    }
}
