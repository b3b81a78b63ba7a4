use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::headline::Headline;

/// `/explore`: the linked filters and charts are not built yet; the page says so and shows the headline.
#[component]
pub fn Explore() -> impl IntoView {
    view! {
        <h1>"Explore"</h1>
        <p class="placeholder" role="note">
            "Not built yet: linked filters and charts (by year, sector, recipient, region, SDG and status) "
            "will appear here. Until then, the headline below covers the whole dataset."
        </p>
        <DataGate children=|data| view! { <Headline summary=data.summary.clone()/> }/>
    }
}
