//! The view state lives in the URL. Pages read it through [`use_view_state`] and change it through
//! [`use_set_view`], which pushes a history entry (so back/forward replay filter changes) without
//! scrolling to the top, once the frame showing the change has been painted ([`PendingView`]).

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

/// A view state chosen on this page whose history entry is not written yet. A click on a bar changes
/// the view at once; `history.pushState` follows once the frame that shows the change is on screen
/// ([`crate::after_paint::after_paint`]).
/// In this Chromium `pushState` took a median 3.4 ms alone and 8.9 ms inside a click (30 clicks on
/// `/explore`, with another test run loading the machine), on the click's path to its next paint.
/// Until the entry is written, [`use_view_state`] reads the state from here; the address bar, links
/// that carry the query and the share dialog follow three frames later. Provided once, by the app.
///
/// A choice holds only while the address it was made at is current: a link, back or forward in the
/// meantime drops it. Choices made before the entry is written become one history entry, the last.
#[derive(Clone, Copy, Default)]
pub struct PendingView(RwSignal<Option<Pending>>);

#[derive(Clone, PartialEq)]
struct Pending {
    /// The path and query it was chosen at.
    at: (String, String),
    query: String,
    /// Whether it replaces the current entry (every choice merged into it did).
    replace: bool,
}

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
    let pending = use_context::<PendingView>();
    Memo::new(move |_| {
        let at = (location.pathname.get(), location.search.get());
        let chosen = pending.and_then(|PendingView(p)| {
            p.with(|v| v.as_ref().filter(|v| v.at == at).map(|v| v.query.clone()))
        });
        checked(chosen.as_deref().unwrap_or(&at.1))
    })
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
    let pending = use_context::<PendingView>();
    move |state: ViewState| {
        let q = to_query(&state);
        if let Some(LocalView(query)) = local {
            query.set(q);
            return;
        }
        // The page that chose may be gone, and its location memos with it: then nothing is written.
        let (Some(path), Some(search)) = (
            location.pathname.try_get_untracked(),
            location.search.try_get_untracked(),
        ) else {
            return;
        };
        let at = (path.clone(), search);
        let url = if q.is_empty() {
            path
        } else {
            format!("{path}?{q}")
        };
        let navigate = navigate.clone();
        // `resolve: false`: the pathname already carries the base path.
        let write = move |replace: bool| {
            navigate(
                &url,
                NavigateOptions {
                    resolve: false,
                    scroll: false,
                    replace,
                    ..Default::default()
                },
            )
        };
        // A hidden page paints no frame to wait for (and runs no animation frames).
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.hidden());
        let Some(PendingView(p)) = pending.filter(|_| !hidden) else {
            write(replace);
            return;
        };
        let earlier = p.with_untracked(|v| v.as_ref().filter(|v| v.at == at).map(|v| v.replace));
        let mine = Pending {
            at,
            query: q,
            replace: replace && earlier.unwrap_or(true),
        };
        p.set(Some(mine.clone()));
        crate::after_paint::after_paint(move || {
            // Only the last choice is written, and only where it was made. The page that made it
            // may be gone by now, and its location memos with it: then it is not written.
            let here = location
                .pathname
                .try_get_untracked()
                .zip(location.search.try_get_untracked());
            let latest = p
                .try_with_untracked(|v| v.as_ref() == Some(&mine))
                .unwrap_or(false);
            if latest && here.as_ref() == Some(&mine.at) {
                write(mine.replace);
            }
            if latest {
                p.try_set(None);
            }
        });
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
    Memo::new(move |_| state.with(|(s, _)| agg.with(|a| filtered_summary(&data, a, s)))).into()
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
        let lang = lang.get();
        // Read in place: cloning every view's totals (or the view state) for each of the page's
        // charts and facets was a visible share of a click's time.
        state.with(|(s, _)| {
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
        // The page may be gone by the time a queued click runs.
        if let Some(next) = state
            .try_with_untracked(|(s, _)| bridges_core::explore::select(s, view, &key, additive))
        {
            set_view(next)
        }
    })
}
