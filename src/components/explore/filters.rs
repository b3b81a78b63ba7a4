//! The explorer's filters: search, years, a facet per grouping (each counting with every filter but its
//! own), and the known-amount range. On a phone they are a sheet over the charts.

use std::sync::Arc;

use bridges_core::crossfilter::Aggregates;
use bridges_core::explore::View;
use bridges_core::query::{Filters, ViewState};
use bridges_core::Summary;
use leptos::prelude::*;

use super::{edit_filters, UrlState};
use crate::after_paint::use_after_paint;
use crate::app_data::{AppData, ColumnCounts};
use crate::components::facets::Facet;
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;
use crate::view_state::{use_bars, use_select};

/// How many filter values are set (a year range, an amount range and a search count one each), for
/// the phone's "Filters (n)" button.
pub fn filter_values(f: &Filters) -> usize {
    f.countries.len()
        + f.regions.len()
        + f.income.len()
        + f.sectors.len()
        + f.sdgs.len()
        + f.statuses.len()
        + f.flows.len()
        + f.providers.len()
        + f.datasets.len()
        + f.agencies.len()
        + usize::from(f.from.is_some() || f.to.is_some())
        + usize::from(f.amount_min.is_some() || f.amount_max.is_some())
        + usize::from(!f.q.trim().is_empty())
}

/// A known amount typed in a range box: a finite, non-negative number of whole units, else none.
fn amount_bound(text: &str) -> Option<u64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| *v >= 0.0 && v.is_finite())
        .map(|v| v as u64)
}

/// One field of the URL's filters, as a memo (its readers wake only when it changes).
fn field<T: Clone + PartialEq + Send + Sync + 'static>(
    state: UrlState,
    get: fn(&Filters) -> T,
) -> Memo<T> {
    Memo::new(move |_| state.with(|(s, _)| get(&s.filters)))
}

/// The filters column (`id="filters"`); `sheet` is whether it is open as a sheet on a phone.
#[component]
pub fn ExploreFilters(
    data: Arc<AppData>,
    /// The URL state.
    state: UrlState,
    /// Every view's groups for the URL's filters.
    agg: Memo<Aggregates>,
    /// The headline of the current filters (the sheet's close button says how many projects).
    summary: Signal<Summary>,
    /// What the data has (a dataset facet when several are loaded, an agency facet when any).
    counts: ColumnCounts,
    /// Whether the sheet is open (on a phone).
    sheet: RwSignal<bool>,
    /// Goes to a view state.
    go: Callback<ViewState>,
) -> impl IntoView {
    let lang = use_lang();
    // The facets' counts follow a change a frame later (`after_paint`): the click's own frame shows
    // the charts and the headline. State and groups are taken together, so that a facet never shows
    // one change's ticks with another's counts. What an input changes starts from the live state.
    let settled = use_after_paint(Memo::new(move |_| (state.get(), agg.get())));
    let (facet_state, facet_agg) = (
        Memo::new(move |_| settled.with(|(s, _)| s.clone())),
        Memo::new(move |_| settled.with(|(_, a)| a.clone())),
    );
    let bars_of = {
        let data = Arc::clone(&data);
        move |view: View, limit: Option<usize>| {
            use_bars(Arc::clone(&data), facet_state, facet_agg, view, limit)
        }
    };
    let toggle_on = move |view: View| {
        let select = use_select(state, view);
        Callback::new(move |key: String| select.run((key, true)))
    };
    // "GCDF 2.0" names the built-in data's source; another file gets the plain name.
    let flow_legend: bridges_core::i18n::Key = if data.is_default {
        |t| t.facet_flow
    } else {
        |t| t.facet_flow_plain
    };
    let set_years = move |from: Option<i32>, to: Option<i32>| {
        edit_filters(state, go, |f| {
            f.from = from;
            f.to = to;
        })
    };
    // The fields the inputs show, each a memo: a click on a bar changes the state but none of these,
    // and the year lists' fifty options then stay asleep (each read the whole state before).
    let from = field(state, |f| f.from);
    let to = field(state, |f| f.to);
    let amount_min = field(state, |f| f.amount_min);
    let amount_max = field(state, |f| f.amount_max);
    let q = field(state, |f| f.q.clone());
    let years: Vec<i32> = (counts.first_year..=counts.last_year).collect();
    let years_to = years.clone();
    let unit = data.unit();
    view! {
        <aside class="facets" id="filters" aria-label=tr!(lang, filters_label)
            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { sheet.set(false) }>
            <div class="sheet-head">
                <button type="button" class="sheet-close" on:click=move |_| sheet.set(false)>
                    {move || fill(t(lang.get()).filters_close, &[])} " (" {move || count(lang.get(), summary.get().projects as u64)} ")"
                </button>
            </div>
            <label class="search">
                <span>{tr!(lang, search_label)}</span>
                <input type="search" placeholder=tr!(lang, search_placeholder) prop:value=move || q.get()
                    on:change=move |ev| edit_filters(state, go, |f| f.q = event_target_value(&ev))/>
            </label>
            <fieldset class="facet years">
                <legend>{tr!(lang, years_legend)}</legend>
                <label>{tr!(lang, year_from)} " "
                    <select on:change=move |ev| {
                        let from = event_target_value(&ev).parse().ok();
                        if let Some(to) = state.try_with_untracked(|(s, _)| s.filters.to) {
                            set_years(from, to);
                        }
                    }>
                        <option value="" selected=move || from.get().is_none()>{tr!(lang, any)}</option>
                        {years.into_iter().map(|y| view! { <option value=y.to_string() selected=move || from.get() == Some(y)>{y}</option> }).collect_view()}
                    </select>
                </label>
                <label>" " {tr!(lang, year_to)} " "
                    <select on:change=move |ev| {
                        let to = event_target_value(&ev).parse().ok();
                        if let Some(from) = state.try_with_untracked(|(s, _)| s.filters.from) {
                            set_years(from, to);
                        }
                    }>
                        <option value="" selected=move || to.get().is_none()>{tr!(lang, any)}</option>
                        {years_to.into_iter().map(|y| view! { <option value=y.to_string() selected=move || to.get() == Some(y)>{y}</option> }).collect_view()}
                    </select>
                </label>
            </fieldset>
            // Datasets loaded together: which one a record comes from is the first question.
            {(counts.datasets > 1).then(|| view! {
                <Facet view=View::Dataset legend=|t| t.facet_dataset bars=bars_of(View::Dataset, None) on_toggle=toggle_on(View::Dataset)/>
            })}
            <Facet view=View::Region legend=|t| t.facet_region bars=bars_of(View::Region, None) on_toggle=toggle_on(View::Region)/>
            <Facet view=View::Subregion legend=|t| t.facet_subregion bars=bars_of(View::Subregion, None) on_toggle=toggle_on(View::Subregion)/>
            <Facet view=View::Income legend=|t| t.facet_income bars=bars_of(View::Income, None) on_toggle=toggle_on(View::Income)/>
            <Facet view=View::Sector legend=|t| t.facet_sector bars=bars_of(View::Sector, None) on_toggle=toggle_on(View::Sector)/>
            <Facet view=View::Status legend=|t| t.facet_status bars=bars_of(View::Status, None) on_toggle=toggle_on(View::Status)/>
            <Facet view=View::Flow legend=flow_legend bars=bars_of(View::Flow, None) on_toggle=toggle_on(View::Flow)/>
            <Facet view=View::Recipients legend=|t| t.facet_recipient bars=bars_of(View::Recipients, Some(25)) on_toggle=toggle_on(View::Recipients)/>
            <Facet view=View::Provider legend=|t| t.facet_provider bars=bars_of(View::Provider, None) on_toggle=toggle_on(View::Provider)/>
            // Thousands of agencies: the 25 with most projects under the other filters, and any ticked.
            {(counts.agencies > 0).then(|| view! {
                <Facet view=View::Agency legend=|t| t.facet_agency bars=bars_of(View::Agency, Some(25)) on_toggle=toggle_on(View::Agency)/>
            })}
            <fieldset class="facet amount">
                <legend>{move || fill(t(lang.get()).col_known_amount_in, &[("unit", &unit.name(lang.get()))])}</legend>
                <label>{tr!(lang, at_least)} " "
                    <input type="number" min="0" step="1000000" inputmode="numeric" placeholder="0"
                        prop:value=move || amount_min.get().map(|v| v.to_string()).unwrap_or_default()
                        on:change=move |ev| edit_filters(state, go, |f| f.amount_min = amount_bound(&event_target_value(&ev)))/>
                </label>
                <label>{tr!(lang, at_most)} " "
                    <input type="number" min="0" step="1000000" inputmode="numeric" placeholder=tr!(lang, no_limit)
                        prop:value=move || amount_max.get().map(|v| v.to_string()).unwrap_or_default()
                        on:change=move |ev| edit_filters(state, go, |f| f.amount_max = amount_bound(&event_target_value(&ev)))/>
                </label>
                <p class="note">{tr!(lang, amount_range_note)}</p>
            </fieldset>
        </aside>
    }
}
