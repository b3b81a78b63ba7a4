//! The view state lives in the URL. Pages read it through [`use_view_state`] and change it through
//! [`use_set_view`], which pushes a history entry (so back/forward replay filter changes) without
//! scrolling to the top.

use std::sync::Arc;

use bridges_core::crossfilter::Aggregates;
use bridges_core::query::{parse, to_query, Notice, ViewState};
use bridges_core::Summary;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::app_data::AppData;

/// A view state held by a component instead of the address bar: a slide shows a live view inside the
/// presenter, and clicks in it change the slide's view without leaving the presentation.
#[derive(Clone, Copy)]
pub struct LocalView(pub RwSignal<String>);

/// The parsed query string and the notices for parameters that could not be used. Once the data is
/// loaded, codes the reference tables do not know (`country=ZZZ`) are dropped with a notice too.
pub fn use_view_state() -> Memo<(ViewState, Vec<Notice>)> {
    let data = use_context::<crate::DataResource>();
    let checked = move |query: &str| {
        let (mut state, mut notices) = parse(query);
        if let Some(Ok(d)) = data.and_then(|d| d.0.get()) {
            notices.extend(bridges_core::known_codes::drop_unknown_codes(
                &mut state,
                &d.reference,
            ));
        }
        (state, notices)
    };
    if let Some(LocalView(query)) = use_context::<LocalView>() {
        return Memo::new(move |_| checked(&query.get()));
    }
    let location = use_location();
    Memo::new(move |_| checked(&location.search.get()))
}

/// Navigates to the current path with `state` as its query string.
pub fn use_set_view() -> impl Fn(ViewState) + Clone + Send + Sync + 'static {
    use_set_view_with(false)
}

/// As [`use_set_view`]; `replace` rewrites the current history entry instead (animation steps).
pub fn use_set_view_with(replace: bool) -> impl Fn(ViewState) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    let location = use_location();
    let local = use_context::<LocalView>();
    move |state: ViewState| {
        let q = to_query(&state);
        if let Some(LocalView(query)) = local {
            query.set(q);
            return;
        }
        let path = location.pathname.get_untracked();
        let url = if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        };
        // `resolve: false`: the pathname already carries the base path.
        navigate(
            &url,
            NavigateOptions {
                resolve: false,
                scroll: false,
                replace,
                ..Default::default()
            },
        );
    }
}

/// Every view's groups for the URL's filters, recomputed when they change.
pub fn use_aggregates(
    data: Arc<AppData>,
    state: Memo<(ViewState, Vec<Notice>)>,
) -> Memo<Aggregates> {
    Memo::new(move |_| {
        let (s, _) = state.get();
        match data.engine.lock() {
            Ok(mut engine) => engine.run(&s.filters, s.stack).clone(),
            Err(_) => Aggregates::default(),
        }
    })
}

/// The headline of the filtered view.
/// The headline of the current filters, as a memo: the headline and every chart's summary sentence
/// read it, and a derived signal would compute it again for each reader on every change.
pub fn use_filtered_summary(
    data: Arc<AppData>,
    state: Memo<(ViewState, Vec<Notice>)>,
    agg: Memo<Aggregates>,
) -> Signal<Summary> {
    Memo::new(move |_| {
        let s = state.get().0;
        agg.with(|a| filtered_summary(&data, a, &s))
    })
    .into()
}

pub fn filtered_summary(data: &AppData, agg: &Aggregates, state: &ViewState) -> Summary {
    match data.engine.lock() {
        Ok(engine) => bridges_core::explore::headline(
            agg,
            &engine.cols,
            &state.filters,
            &data.unit.currency,
            &data.unit.price_base,
        ),
        Err(_) => data.summary.clone(),
    }
}

/// The bars of one view for the URL's state.
pub fn use_bars(
    data: Arc<AppData>,
    state: Memo<(ViewState, Vec<Notice>)>,
    agg: Memo<Aggregates>,
    view: bridges_core::explore::View,
    limit: Option<usize>,
) -> Signal<Vec<bridges_core::explore::Bar>> {
    let lang = crate::i18n::use_lang();
    // A memo, not a derived signal: a chart reads its bars from several places (layout, paint, summary,
    // tooltip, table), and each read of a derived signal would compute them again.
    let bars = Memo::new(move |_| {
        let (s, _) = state.get();
        let lang = lang.get();
        // Read in place: cloning every view's totals for each of the page's charts and facets was a
        // visible share of a click's time.
        agg.with(|a| match data.engine.lock() {
            Ok(engine) => bridges_core::explore::bars(
                view,
                a,
                &engine.cols,
                &data.reference,
                &s.filters,
                s.measure,
                limit,
                lang,
            ),
            Err(_) => Vec::new(),
        })
    });
    bars.into()
}

/// A callback that applies a click on a bar of `view` (plain or additive) to the URL.
pub fn use_select(
    state: Memo<(ViewState, Vec<Notice>)>,
    view: bridges_core::explore::View,
) -> Callback<(String, bool)> {
    let set_view = use_set_view();
    Callback::new(move |(key, additive): (String, bool)| {
        set_view(bridges_core::explore::select(
            &state.get_untracked().0,
            view,
            &key,
            additive,
        ))
    })
}
