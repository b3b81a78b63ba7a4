//! A click on a bar, answered once while the visitor reads and thrown away, so that the first real
//! click does not pay for the browser compiling the code that answers it.
//!
//! Chromium compiles a wasm function on its first call, in a baseline tier, and optimises it later.
//! The first click of a visit took 12–15 ms of handlers against 3–4 ms for later ones; with the
//! browser's `--no-wasm-lazy-compilation --no-liftoff` it took 5–6 ms (README, 2026-12-05). A page
//! cannot set those flags. A second after the explorer's first frame is on screen, the engine here
//! answers a click on the sector chart's top bar, the charts' bars, sentences and headline are made
//! for it, and the engine goes back to the URL's filters. No signal is set: nothing on the page
//! changes, and the aggregates the page shows are its own copy.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use bridges_core::explore::{bars, headline, select, sentence, View};
use bridges_core::i18n::Lang;
use leptos::prelude::*;

use super::{UrlState, LONG_CHART_BARS};
use crate::after_paint::after_paint;
use crate::app_data::AppData;

/// The charts the explorer always shows (`charts.rs`), with the bars each shows (`None`: all).
const CHARTS: [(View, Option<usize>); 7] = [
    (View::Timeline, None),
    (View::Sector, None),
    (View::Recipients, LONG_CHART_BARS),
    (View::Region, None),
    (View::Sdg, None),
    (View::Status, None),
    (View::Flow, None),
];

/// Rehearses a click once the explorer's first frame has been on screen for a second.
pub fn rehearse_a_click(data: Arc<AppData>, state: UrlState, lang: Signal<Lang>) {
    after_paint(move || {
        set_timeout(
            move || {
                if let Some(lang) = lang.try_get_untracked() {
                    rehearse(&data, state, lang);
                }
            },
            Duration::from_secs(1),
        );
    });
}

fn rehearse(data: &AppData, state: UrlState, lang: Lang) {
    // The page may be gone, or its engine poisoned: then there is nothing to rehearse.
    let Some((now, _)) = state.try_get_untracked() else {
        return;
    };
    let Ok(mut engine) = data.engine.lock() else {
        return;
    };
    engine.run(&now.filters, now.stack);
    let top = bars(
        View::Sector,
        &engine.agg,
        &engine.cols,
        &data.reference,
        &now.filters,
        now.measure,
        None,
        lang,
    )
    .into_iter()
    .next();
    let Some(top) = top else {
        return;
    };
    let next = select(&now, View::Sector, &top.key, false);
    black_box(bridges_core::query::to_query(&next));
    engine.run(&next.filters, next.stack);
    for (view, limit) in CHARTS {
        let b = bars(
            view,
            &engine.agg,
            &engine.cols,
            &data.reference,
            &next.filters,
            next.measure,
            limit,
            lang,
        );
        black_box(sentence(view, &b, next.measure, &data.unit, None, lang));
        black_box(b);
    }
    black_box(headline(
        &engine.agg,
        &engine.cols,
        &next.filters,
        &data.unit.currency,
        &data.unit.price_base,
    ));
    // Back to the URL's filters: the engine's next answer starts from them, as it would have.
    engine.run(&now.filters, now.stack);
}
