use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::project_table::ProjectTable;
use crate::i18n::use_lang;
use crate::tr;

/// `/table`: the projects of the current filters, sortable (`sort=amount-desc`), fifty to a page.
#[component]
pub fn TablePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{tr!(lang, col_projects)}</h1>
        <DataGate children=|data| view! { <ProjectTable data=data/> }/>
    }
}
