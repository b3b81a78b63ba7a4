use std::sync::Arc;

use bridges_charts::Orientation;
use bridges_core::explore::{stack_series, View};
use bridges_core::query::{to_query, Measure, Stack, ViewState};
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::chart_card::ChartCard;
use crate::components::data_gate::DataGate;
use crate::components::facets::{Chips, Facet};
use crate::components::headline::Headline;
use crate::components::notices::Notices;
use crate::download::download_text;
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;
use crate::view_state::{
    use_aggregates, use_bars, use_filtered_summary, use_select, use_set_view, use_set_view_with,
    use_view_state,
};

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
    let measure = Signal::derive(move || state.get().0.measure);

    let bars_of = {
        let data = Arc::clone(&data);
        move |view: View, limit: Option<usize>| use_bars(Arc::clone(&data), state, agg, view, limit)
    };
    let summary = use_filtered_summary(Arc::clone(&data), state, agg);
    let providers = data.engine.lock().map_or(0, |e| e.cols.providers.len());
    // Datasets loaded together (`dataset=gcdf3~aims`) get a facet and a chart; one dataset has neither.
    let datasets = data.engine.lock().map_or(0, |e| e.cols.datasets.len());
    let agencies = data.engine.lock().map_or(0, |e| e.cols.agencies.len());
    let like_open = RwSignal::new(false);

    let go = {
        let set_view = set_view.clone();
        Callback::new(move |next: ViewState| set_view(next))
    };
    let select_on = move |view: View| use_select(state, view);
    let sheet = RwSignal::new(false);
    // "GCDF 2.0" names the built-in data's source; another file gets the plain name.
    let flow_legend: bridges_core::i18n::Key = if data.is_default {
        |t| t.facet_flow
    } else {
        |t| t.facet_flow_plain
    };
    let narrow = leptos_use::use_media_query("(max-width: 40rem)");
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
    // How many filter values are set, for the phone's "Filters (n)" button.
    let active = Memo::new(move |_| {
        state.with(|(s, _)| {
            let f = &s.filters;
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
        })
    });
    let subject = {
        let data = Arc::clone(&data);
        Signal::derive(move || {
            state.with(|(s, _)| {
                bridges_core::titles::Subject::of(&s.filters, &data.reference, lang.get())
            })
        })
    };
    let toggle_on = move |view: View| {
        let select = select_on(view);
        Callback::new(move |key: String| select.run((key, true)))
    };
    let set_measure = move |m: Measure| {
        let mut s = state.get_untracked().0;
        s.measure = m;
        go.run(s);
    };
    let set_years = move |from: Option<i32>, to: Option<i32>| {
        let mut s = state.get_untracked().0;
        s.filters.from = from;
        s.filters.to = to;
        s.page = 1;
        go.run(s);
    };
    let (year0, year1) = match data.engine.lock() {
        Ok(e) => (e.cols.year0, e.cols.year0 + e.cols.year_codes as i32 - 2),
        Err(_) => (2000, 2021),
    };
    let excluded = move || {
        let a = agg.get();
        let l = lang.get();
        let mut notes = Vec::new();
        if a.excluded_unknown_year > 0 {
            notes.push(fill(
                t(l).excluded_year,
                &[("n", &count(l, a.excluded_unknown_year as u64))],
            ));
        }
        if a.excluded_unknown_amount > 0 {
            notes.push(fill(
                t(l).excluded_amount,
                &[("n", &count(l, a.excluded_unknown_amount as u64))],
            ));
        }
        notes
            .into_iter()
            .map(|n| view! { <p class="note" data-testid="excluded-note">{n}</p> })
            .collect_view()
    };
    let download = {
        let data = Arc::clone(&data);
        move |kind: &'static str| {
            let (s, _) = state.get_untracked();
            let rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&s.filters),
                Err(_) => return,
            };
            let q = to_query(&s);
            let d = &data.loaded.dataset;
            let _ = match kind {
                "csv" => download_text(
                    "bridges-projects.csv",
                    "text/csv;charset=utf-8",
                    &bridges_core::export::csv(d, &rows, &data.reference, &q),
                ),
                _ => download_text(
                    "bridges-projects.json",
                    "application/json",
                    &bridges_core::export::json(d, &rows, &q),
                ),
            };
        }
    };
    let download_csv = {
        let download = download.clone();
        move |_| download("csv")
    };
    let download_json = move |_| download("json");

    let legend = {
        let data = Arc::clone(&data);
        Signal::derive(move || {
            let (s, _) = state.get();
            let a = agg.get();
            match data.engine.lock() {
                Ok(e) => {
                    stack_series(&a, &e.cols, &data.reference, s.stack, s.measure, lang.get()).0
                }
                Err(_) => Vec::new(),
            }
        })
    };
    let set_stack = move |stack: Stack| {
        let mut s = state.get_untracked().0;
        s.stack = stack;
        go.run(s);
    };
    let timeline_controls = move || {
        view! {
            <label>{tr!(lang, stack_by)} " "
                <select on:change=move |ev| set_stack(match event_target_value(&ev).as_str() {
                    "sector" => Stack::Sector,
                    "status" => Stack::Status,
                    _ => Stack::None,
                })>
                    <option value="none" selected=move || state.get().0.stack == Stack::None>{tr!(lang, stack_nothing)}</option>
                    <option value="sector" selected=move || state.get().0.stack == Stack::Sector>{tr!(lang, stack_sector)}</option>
                    <option value="status" selected=move || state.get().0.stack == Stack::Status>{tr!(lang, stack_status)}</option>
                </select>
            </label>
            <Player state=state year0=year0 year1=year1/>
        }
        .into_any()
    };
    let years: Vec<i32> = (year0..=year1).collect();
    let years_to = years.clone();
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
            <aside class="facets" id="filters" aria-label=tr!(lang, filters_label)
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { sheet.set(false) }>
                <div class="sheet-head">
                    <button type="button" class="sheet-close" on:click=move |_| sheet.set(false)>
                        {move || fill(t(lang.get()).filters_close, &[])} " (" {move || count(lang.get(), summary.get().projects as u64)} ")"
                    </button>
                </div>
                <label class="search">
                    <span>{tr!(lang, search_label)}</span>
                    <input type="search" placeholder=tr!(lang, search_placeholder) prop:value=move || state.get().0.filters.q
                        on:change=move |ev| {
                            let mut s = state.get_untracked().0;
                            s.filters.q = event_target_value(&ev);
                            s.page = 1;
                            go.run(s);
                        }/>
                </label>
                <fieldset class="facet years">
                    <legend>{tr!(lang, years_legend)}</legend>
                    <label>{tr!(lang, year_from)} " "
                        <select on:change=move |ev| {
                            let from = event_target_value(&ev).parse().ok();
                            set_years(from, state.get_untracked().0.filters.to);
                        }>
                            <option value="" selected=move || state.get().0.filters.from.is_none()>{tr!(lang, any)}</option>
                            {years.into_iter().map(|y| view! { <option value=y.to_string() selected=move || state.get().0.filters.from == Some(y)>{y}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>" " {tr!(lang, year_to)} " "
                        <select on:change=move |ev| {
                            let to = event_target_value(&ev).parse().ok();
                            set_years(state.get_untracked().0.filters.from, to);
                        }>
                            <option value="" selected=move || state.get().0.filters.to.is_none()>{tr!(lang, any)}</option>
                            {years_to.into_iter().map(|y| view! { <option value=y.to_string() selected=move || state.get().0.filters.to == Some(y)>{y}</option> }).collect_view()}
                        </select>
                    </label>
                </fieldset>
                // Datasets loaded together: which one a record comes from is the first question.
                {(datasets > 1).then(|| view! {
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
                {(agencies > 0).then(|| view! {
                    <Facet view=View::Agency legend=|t| t.facet_agency bars=bars_of(View::Agency, Some(25)) on_toggle=toggle_on(View::Agency)/>
                })}
                <fieldset class="facet amount">
                    <legend>{{ let unit = data.unit(); move || crate::i18n::fill(crate::i18n::t(lang.get()).col_known_amount_in, &[("unit", &unit.name(lang.get()))]) }}</legend>
                    <label>{tr!(lang, at_least)} " "
                        <input type="number" min="0" step="1000000" inputmode="numeric" placeholder="0"
                            prop:value=move || state.get().0.filters.amount_min.map(|v| v.to_string()).unwrap_or_default()
                            on:change=move |ev| {
                                let mut s = state.get_untracked().0;
                                s.filters.amount_min = event_target_value(&ev).trim().parse::<f64>().ok().filter(|v| *v >= 0.0 && v.is_finite()).map(|v| v as u64);
                                s.page = 1;
                                go.run(s);
                            }/>
                    </label>
                    <label>{tr!(lang, at_most)} " "
                        <input type="number" min="0" step="1000000" inputmode="numeric" placeholder=tr!(lang, no_limit)
                            prop:value=move || state.get().0.filters.amount_max.map(|v| v.to_string()).unwrap_or_default()
                            on:change=move |ev| {
                                let mut s = state.get_untracked().0;
                                s.filters.amount_max = event_target_value(&ev).trim().parse::<f64>().ok().filter(|v| *v >= 0.0 && v.is_finite()).map(|v| v as u64);
                                s.page = 1;
                                go.run(s);
                            }/>
                    </label>
                    <p class="note">{tr!(lang, amount_range_note)}</p>
                </fieldset>
            </aside>
            <section class="charts" id="charts" tabindex="-1" aria-label=tr!(lang, charts_label)>
                <div class="chart-controls" role="group" aria-label=tr!(lang, measure)>
                    <span>{tr!(lang, measure)} " "</span>
                    <button type="button" aria-pressed=move || (measure.get() == Measure::Count).to_string()
                        on:click=move |_| set_measure(Measure::Count)>{tr!(lang, col_projects)}</button>
                    <button type="button" aria-pressed=move || (measure.get() == Measure::Amount).to_string()
                        on:click=move |_| set_measure(Measure::Amount)>{tr!(lang, known_amount)}</button>
                    <span class="spacer"></span>
                    {move || {
                    let (download_csv, download_json) = (download_csv.clone(), download_json.clone());
                    if narrow.get() {
                        // On a phone the downloads wait in a menu, so the first chart starts a row higher.
                        view! {
                            <details class="chart-menu download-menu">
                                <summary>{tr!(lang, download_label)} <span aria-hidden="true">" ▾"</span></summary>
                                <div class="chart-menu-items">
                                    <button type="button" on:click=download_csv>{tr!(lang, download_csv)}</button>
                                    <button type="button" on:click=download_json>{tr!(lang, download_json)}</button>
                                </div>
                            </details>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" on:click=download_csv>{tr!(lang, download_csv)}</button>
                            <button type="button" on:click=download_json>{tr!(lang, download_json)}</button>
                        }.into_any()
                    }
                    }}
                </div>
                {move || (summary.get().projects == 0).then(|| {
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
                })}
                <div class="chart-list" class:hidden=move || summary.get().projects == 0>
                <ChartCard view=View::Timeline total=summary bars=bars_of(View::Timeline, None) measure=measure unit=data.unit() orientation=Orientation::Vertical
                    height=timeline_height
                    on_select=select_on(View::Timeline) legend=legend controls=std::sync::Arc::new(timeline_controls) subject=subject/>
                <div class="chart-grid">
                    {(datasets > 1).then(|| view! {
                        <ChartCard view=View::Dataset total=summary bars=bars_of(View::Dataset, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Dataset) subject=subject/>
                    })}
                    // Providers get a chart when the data has more than one (one bar says nothing).
                    {(providers > 1).then(|| view! {
                        <ChartCard view=View::Provider total=summary bars=bars_of(View::Provider, Some(15)) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Provider) subject=subject/>
                    })}
                    <ChartCard view=View::Sector total=summary bars=bars_of(View::Sector, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Sector) subject=subject/>
                    <ChartCard view=View::Recipients total=summary bars=bars_of(View::Recipients, Some(15)) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Recipients) subject=subject/>
                    <ChartCard view=View::Region total=summary bars=bars_of(View::Region, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Region) subject=subject/>
                    <ChartCard view=View::Sdg total=summary bars=bars_of(View::Sdg, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Sdg) subject=subject/>
                    <ChartCard view=View::Status total=summary bars=bars_of(View::Status, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Status) subject=subject/>
                    <ChartCard view=View::Flow total=summary bars=bars_of(View::Flow, None) measure=measure unit=data.unit() orientation=Orientation::Horizontal on_select=select_on(View::Flow) subject=subject/>
                </div>
                </div>
                <p class="note">{{ let unit = data.unit(); move || crate::i18n::fill(crate::i18n::t(lang.get()).explore_note, &[("unit", &unit.name(lang.get()))]) }}</p>
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
        </div>
    }
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Steps the year filter through the years: an animation every 0.8 s, or, when the visitor prefers
/// reduced motion, one year per press of "Next year". Steps replace the history entry.
#[component]
fn Player(
    /// The URL state.
    state: Memo<(ViewState, Vec<bridges_core::query::Notice>)>,
    /// First year of the data.
    year0: i32,
    /// Last year of the data.
    year1: i32,
) -> impl IntoView {
    let step_view = use_set_view_with(true);
    let reduced = prefers_reduced_motion();
    let lang = use_lang();
    let handle = StoredValue::new(None::<IntervalHandle>);
    let playing = RwSignal::new(false);
    let step = move || {
        let mut s = state.get_untracked().0;
        let next = match s.filters.from {
            Some(y) if s.filters.to == Some(y) && y < year1 => y + 1,
            Some(y) if s.filters.to == Some(y) => {
                if let Some(h) = handle.get_value() {
                    h.clear();
                }
                handle.set_value(None);
                playing.set(false);
                return;
            }
            _ => year0,
        };
        s.filters.from = Some(next);
        s.filters.to = Some(next);
        s.page = 1;
        step_view(s);
    };
    let toggle = move |_| {
        if reduced {
            step();
            return;
        }
        if let Some(h) = handle.get_value() {
            h.clear();
            handle.set_value(None);
            playing.set(false);
            return;
        }
        step();
        let tick = step.clone();
        if let Ok(h) = set_interval_with_handle(tick, std::time::Duration::from_millis(800)) {
            handle.set_value(Some(h));
            playing.set(true);
        }
    };
    on_cleanup(move || {
        if let Some(h) = handle.get_value() {
            h.clear();
        }
    });
    view! {
        <button type="button" data-testid="play" aria-pressed=move || playing.get().to_string() on:click=toggle>
            {move || {
                let tx = t(lang.get());
                if reduced { tx.next_year } else if playing.get() { tx.pause } else { tx.play_years }
            }}
        </button>
    }
}
