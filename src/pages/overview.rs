use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::headline::FilteredHeadline;
use crate::paths::href;

/// `/`: what Bridges is and the headline of the loaded dataset.
#[component]
pub fn Overview() -> impl IntoView {
    view! {
        <section class="hero">
            <h1>"Bridges: an atlas of South–South and triangular cooperation"</h1>
            <p class="lede">
                "Where cooperation projects are, what they build and what they cost, from open data, "
                "in your browser. Every figure links back to the record it comes from."
            </p>
        </section>
        <DataGate children=|data| {
            let title = data.loaded.dataset.meta.title.clone();
            view! {
                <FilteredHeadline data=data/>
                <p class="dataset-line">"Dataset: " {title} ". " <a href=href("/about")>"About the data"</a></p>
                <nav class="cards" aria-label="Views">
                    <a class="card" href=href("/explore")><h2>"Explore"</h2><p>"Filter by region, country, sector, year and SDG, with linked charts."</p></a>
                    <a class="card" href=href("/map")><h2>"Map"</h2><p>"Where the projects are: by country, admin-area locations and flows."</p></a>
                    <a class="card" href=href("/table")><h2>"Table"</h2><p>"Every project, with a page for each record."</p></a>
                </nav>
            }
        }/>
    }
}
