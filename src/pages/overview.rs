//! `/`: what Bridges is, the loaded data's headline, the datasets at a glance (one card each, linked into
//! the explorer), the stories to present and the way to bring your own data.

use bridges_core::i18n::tf;
use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::dataset_cards::DatasetCards;
use crate::components::dataset_picker::DatasetPicker;
use crate::components::headline::{FrontHeadline, PublishHeadline};
use crate::components::spreadsheet::OpenSpreadsheet;
use crate::components::story_shelf::StoryShelf;
use crate::i18n::use_lang;
use crate::paths::{href, href_keeping_source};
use crate::tr;
use bridges_core::i18n::ts;

/// On a phone the headline is one line, so the datasets' cards start on the first screen.
fn narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 640.0)
}

/// The title and lede.
#[component]
fn Hero() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="hero front-hero">
            <h1>{tr!(lang, overview_title)}</h1>
            <p class="lede">{move || tf(lang.get()).lede}</p>
        </section>
    }
}

/// The front page's first screen: the title and the headline ([`FrontHeadline`]: from the build until
/// the data is read, for the built-in data with no filter).
pub fn first_screen() -> AnyView {
    view! {
        <Hero/>
        <FrontHeadline strip=narrow()/>
    }
    .into_any()
}

/// `/`: the front page after its [`first_screen`].
#[component]
pub fn Overview() -> impl IntoView {
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let f = move || tf(lang.get());
    view! {
        <DataGate children=move |data| {
            view! {
                <PublishHeadline data=std::sync::Arc::clone(&data)/>
                <p class="dataset-line"><DatasetPicker/> " " <a href=href("/about")>{tr!(lang, about_the_data)}</a></p>
                <section class="front-datasets" aria-labelledby="front-datasets-title">
                    <h2 id="front-datasets-title">{move || f().datasets_title}</h2>
                    <DatasetCards data=data/>
                </section>
            }
        }/>
        <div class="front-more">
            <section aria-labelledby="front-stories-title">
                <h2 id="front-stories-title">{move || f().stories_title}</h2>
                <StoryShelf/>
                <p><a href=href("/present")>{move || f().all_stories}</a></p>
            </section>
            // Outside the gates: importing a sheet replaces the data, which rebuilds what they hold, and
            // the import's own view (its downloads) must stay.
            <section aria-labelledby="front-own-title">
                <h2 id="front-own-title">{move || f().own_title}</h2>
                <p>{move || f().own_before} " " <code>"?data=https://…/projects.json"</code> " " {move || f().own_after} " "
                    <a href=href("/schema/bridges-1.schema.json") rel="external">{move || f().schema}</a></p>
                <details class="own-sheet" data-testid="picker-spreadsheet">
                    <summary>{move || ts(lang.get()).picker_open}</summary>
                    <OpenSpreadsheet/>
                </details>
            </section>
        </div>
        <DataGate quiet=true children=move |_| {
            view! {
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
