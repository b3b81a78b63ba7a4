use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::headline::FilteredHeadline;
use crate::i18n::use_lang;
use crate::paths::href;
use crate::tr;

/// `/`: what Bridges is and the headline of the loaded dataset.
#[component]
pub fn Overview() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="hero">
            <h1>{tr!(lang, overview_title)}</h1>
            <p class="lede">{tr!(lang, overview_lede)}</p>
        </section>
        <DataGate children=move |data| {
            let title = data.loaded.dataset.meta.title.clone();
            view! {
                <FilteredHeadline data=data/>
                <p class="dataset-line">{tr!(lang, dataset_label)} <cite lang="en">{title}</cite> " " <a href=href("/about")>{tr!(lang, about_the_data)}</a></p>
                <nav class="cards" aria-label=tr!(lang, views_label)>
                    <a class="card" href=href("/explore")><h2>{tr!(lang, nav_explore)}</h2><p>{tr!(lang, card_explore)}</p></a>
                    <a class="card" href=href("/map")><h2>{tr!(lang, nav_map)}</h2><p>{tr!(lang, card_map)}</p></a>
                    <a class="card" href=href("/table")><h2>{tr!(lang, nav_table)}</h2><p>{tr!(lang, card_table)}</p></a>
                    <a class="card" href=href("/partners")><h2>{tr!(lang, page_partners)}</h2><p>{tr!(lang, card_partners)}</p></a>
                </nav>
            }
        }/>
    }
}
