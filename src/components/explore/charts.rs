//! The explorer's charts: the measure switch and downloads, the timeline (stackable, "play years") and
//! a chart per grouping, what to do when nothing matches, and projects like the filtered ones.

use std::sync::Arc;

use bridges_charts::Orientation;
use bridges_core::crossfilter::Aggregates;
use bridges_core::explore::{stack_series, View};
use bridges_core::query::{Measure, ViewState};
use bridges_core::Summary;
use leptos::prelude::*;

use super::{edit_view, Downloads, TimelineControls, UrlState, LONG_CHART_BARS};
use crate::app_data::{AppData, ColumnCounts};
use crate::components::chart_card::ChartCard;
use crate::i18n::{fill, t, use_lang};
use crate::tr;
use crate::view_state::{use_bars, use_select};

/// The charts column (`id="charts"`, the skip link's target).
#[component]
pub fn ExploreCharts(
    data: Arc<AppData>,
    /// The URL state.
    state: UrlState,
    /// Every view's groups for the URL's filters.
    agg: Memo<Aggregates>,
    /// The headline of the current filters (each chart's sentence gives a share of it).
    summary: Signal<Summary>,
    /// What the data has (a dataset chart when several are loaded, a provider chart when several).
    counts: ColumnCounts,
    /// Goes to a view state.
    go: Callback<ViewState>,
) -> impl IntoView {
    let lang = use_lang();
    // Memos, not derived signals: every chart reads them several times a change.
    let measure = Signal::from(Memo::new(move |_| state.with(|(s, _)| s.measure)));
    let bars_of = {
        let data = Arc::clone(&data);
        move |view: View, limit: Option<usize>| use_bars(Arc::clone(&data), state, agg, view, limit)
    };
    let select_on = move |view: View| use_select(state, view);
    let like_open = RwSignal::new(false);
    // A shorter timeline on a phone, so that it is on the first screen under the headline.
    let timeline_height = if web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 640.0)
    {
        170.0
    } else {
        220.0
    };
    let subject = {
        let data = Arc::clone(&data);
        Signal::from(Memo::new(move |_| {
            state.with(|(s, _)| {
                bridges_core::titles::Subject::of(&s.filters, &data.reference, lang.get())
            })
        }))
    };
    let set_measure = move |m: Measure| edit_view(state, go, |s| s.measure = m);
    let legend = {
        let data = Arc::clone(&data);
        Signal::from(Memo::new(move |_| {
            let lang = lang.get();
            let (stack, measure) = state.with(|(s, _)| (s.stack, s.measure));
            agg.with(|a| match data.engine.lock() {
                Ok(e) => stack_series(a, &e.cols, &data.reference, stack, measure, lang).0,
                Err(_) => Vec::new(),
            })
        }))
    };
    let (year0, year1) = (counts.first_year, counts.last_year);
    let timeline_controls =
        move || view! { <TimelineControls state=state year0=year0 year1=year1 go=go/> }.into_any();
    let unit = data.unit();
    view! {
        <section class="charts" id="charts" tabindex="-1" aria-label=tr!(lang, charts_label)>
            <div class="chart-controls" role="group" aria-label=tr!(lang, measure)>
                <span>{tr!(lang, measure)} " "</span>
                <button type="button" aria-pressed=move || (measure.get() == Measure::Count).to_string()
                    on:click=move |_| set_measure(Measure::Count)>{tr!(lang, col_projects)}</button>
                <button type="button" aria-pressed=move || (measure.get() == Measure::Amount).to_string()
                    on:click=move |_| set_measure(Measure::Amount)>{tr!(lang, known_amount)}</button>
                <span class="spacer"></span>
                <Downloads data=Arc::clone(&data) state=state/>
            </div>
            <EmptyResult state=state summary=summary go=go/>
            <div class="chart-list" class:hidden=move || summary.get().projects == 0>
            <ChartCard view=View::Timeline total=summary bars=bars_of(View::Timeline, None) measure=measure unit=data.unit() orientation=Orientation::Vertical
                height=timeline_height
                on_select=select_on(View::Timeline) legend=legend controls=Arc::new(timeline_controls) subject=subject/>
            <div class="chart-grid">
                {(counts.datasets > 1).then(|| view! {
                    <ChartCard view=View::Dataset total=summary bars=bars_of(View::Dataset, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Dataset) subject=subject/>
                })}
                // Providers get a chart when the data has more than one (one bar says nothing).
                {(counts.providers > 1).then(|| view! {
                    <ChartCard view=View::Provider total=summary bars=bars_of(View::Provider, LONG_CHART_BARS) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Provider) subject=subject/>
                })}
                <ChartCard view=View::Sector total=summary bars=bars_of(View::Sector, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Sector) subject=subject/>
                <ChartCard view=View::Recipients total=summary bars=bars_of(View::Recipients, LONG_CHART_BARS) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Recipients) subject=subject/>
                <ChartCard view=View::Region total=summary bars=bars_of(View::Region, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Region) subject=subject/>
                <ChartCard view=View::Sdg total=summary bars=bars_of(View::Sdg, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Sdg) subject=subject/>
                <ChartCard view=View::Status total=summary bars=bars_of(View::Status, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Status) subject=subject/>
                <ChartCard view=View::Flow total=summary bars=bars_of(View::Flow, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Flow) subject=subject/>
            </div>
            </div>
            <p class="note">{move || fill(t(lang.get()).explore_note, &[("unit", &unit.name(lang.get()))])}</p>
            // Computed only once opened: scoring every record against the filtered ones is not
            // needed on every click.
            <details class="like-these-box" on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                like_open.set(open);
            }>
                <summary>{tr!(lang, like_these_title)}</summary>
                {let data = Arc::clone(&data); move || like_open.get().then(|| view! {
                    <crate::components::similar_projects::LikeThese data=Arc::clone(&data) heading=false/>
                })}
            </details>
        </section>
    }
}

/// When no project matches: say so, and offer to clear the search or every filter.
#[component]
fn EmptyResult(
    state: UrlState,
    summary: Signal<Summary>,
    go: Callback<ViewState>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        (summary.get().projects == 0).then(|| {
            let s = state.get().0;
            let searching = !s.filters.q.trim().is_empty();
            let mut no_search = s.clone();
            no_search.filters.q.clear();
            let mut none = s;
            none.filters = Default::default();
            view! {
                <div class="empty-result" role="status" data-testid="empty-result">
                    <h2>{tr!(lang, empty_title)}</h2>
                    <p>
                        {searching.then(|| view! { <button type="button" on:click=move |_| go.run(no_search.clone())>{tr!(lang, empty_clear_search)}</button> " " })}
                        <button type="button" on:click=move |_| go.run(none.clone())>{tr!(lang, empty_clear_all)}</button>
                    </p>
                </div>
            }
        })
    }
}
