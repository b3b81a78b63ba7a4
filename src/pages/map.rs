use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::headline::FilteredHeadline;

/// `/map`: the world map is not built yet; the page says so.
#[component]
pub fn MapPage() -> impl IntoView {
    view! {
        <h1>"Map"</h1>
        <p class="placeholder" role="note">
            "Not built yet: a world map of projects by recipient country, with admin-area locations, will appear here. "
            "Its borders will be Natural Earth's de-facto lines."
        </p>
        <DataGate children=|data| view! { <FilteredHeadline data=data/> }/>
    }
}
