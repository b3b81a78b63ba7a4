//! `/explore`: linked facets and charts over the whole dataset; every state is a URL. The page holds
//! the view state, the aggregates and the headline; the filters and the charts are
//! `components::explore`.

use std::sync::Arc;

use bridges_core::query::ViewState;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::explore::{filter_values, rehearse_a_click, ExploreCharts, ExploreFilters};
use crate::components::facets::Chips;
use crate::components::headline::Headline;
use crate::components::notices::Notices;
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;
use crate::view_state::{use_aggregates, use_filtered_summary, use_set_view, use_view_state};

/// `/explore`: linked facets and charts over the whole dataset; every state is a URL.
#[component]
pub fn Explore() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{tr!(lang, nav_explore)}</h1>
        <DataGate children=|data| view! { <Explorer data=data/> }/>
    }
}

#[component]
fn Explorer(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let set_view = use_set_view();
    let agg = use_aggregates(Arc::clone(&data), state);
    let view_state = Signal::derive(move || state.get().0);
    let summary = use_filtered_summary(Arc::clone(&data), state, agg);
    let counts = data.column_counts();
    let go = Callback::new(move |next: ViewState| set_view(next));
    rehearse_a_click(Arc::clone(&data), state, lang);
    let sheet = RwSignal::new(false);
    // How many filter values are set, for the phone's "Filters (n)" button.
    let active = Memo::new(move |_| state.with(|(s, _)| filter_values(&s.filters)));
    let excluded = move || {
        let (year, amount) = agg.with(|a| (a.excluded_unknown_year, a.excluded_unknown_amount));
        let l = lang.get();
        let mut notes = Vec::new();
        if year > 0 {
            notes.push(fill(t(l).excluded_year, &[("n", &count(l, year as u64))]));
        }
        if amount > 0 {
            notes.push(fill(
                t(l).excluded_amount,
                &[("n", &count(l, amount as u64))],
            ));
        }
        notes
            .into_iter()
            .map(|n| view! { <p class="note" data-testid="excluded-note">{n}</p> })
            .collect_view()
    };
    view! {
        <a class="skip-link" href="#charts" on:click=|ev| crate::skip_to(ev, "charts")>{tr!(lang, skip_to_charts)}</a>
        <Notices notices=Signal::derive(move || state.get().1)/>
        <Headline summary=summary/>
        {excluded}
        <Chips data=Arc::clone(&data) state=view_state on_change=go empty_hint=|t| t.no_filters/>
        // On a phone the filters are a sheet over the charts, opened from a button that stays in view.
        <button type="button" class="filters-button" aria-expanded=move || sheet.get().to_string()
            aria-controls="filters" on:click=move |_| sheet.set(true)>
            {move || {
                let n = active.get();
                if n == 0 { t(lang.get()).filters_button.to_string() } else { format!("{} ({})", t(lang.get()).filters_button, count(lang.get(), n as u64)) }
            }}
        </button>
        <div class="explore" class:sheet-open=move || sheet.get()>
            <ExploreFilters data=Arc::clone(&data) state=state agg=agg summary=summary counts=counts sheet=sheet go=go/>
            <ExploreCharts data=Arc::clone(&data) state=state agg=agg summary=summary counts=counts go=go/>
        </div>
    }
}
