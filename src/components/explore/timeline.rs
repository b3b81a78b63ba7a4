//! The timeline's controls: what its columns are stacked by, and "play years", which steps the year
//! filter through the data's years.

use bridges_core::query::{Stack, ViewState};
use leptos::prelude::*;

use super::{edit_view, UrlState};
use crate::i18n::{t, use_lang};
use crate::tr;
use crate::view_state::use_set_view_with;

/// "Stack by" (nothing, sector, status) and the year player, in the timeline card's header.
#[component]
pub fn TimelineControls(
    /// The URL state.
    state: UrlState,
    /// First year of the data.
    year0: i32,
    /// Last year of the data.
    year1: i32,
    /// Goes to a view state.
    go: Callback<ViewState>,
) -> impl IntoView {
    let lang = use_lang();
    let stack = Memo::new(move |_| state.with(|(s, _)| s.stack));
    let set_stack = move |stack: Stack| edit_view(state, go, |s| s.stack = stack);
    view! {
        <label>{tr!(lang, stack_by)} " "
            <select on:change=move |ev| set_stack(match event_target_value(&ev).as_str() {
                "sector" => Stack::Sector,
                "status" => Stack::Status,
                _ => Stack::None,
            })>
                <option value="none" selected=move || stack.get() == Stack::None>{tr!(lang, stack_nothing)}</option>
                <option value="sector" selected=move || stack.get() == Stack::Sector>{tr!(lang, stack_sector)}</option>
                <option value="status" selected=move || stack.get() == Stack::Status>{tr!(lang, stack_status)}</option>
            </select>
        </label>
        <Player state=state year0=year0 year1=year1/>
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
    state: UrlState,
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
        let Some((mut s, _)) = state.try_get_untracked() else {
            return;
        };
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
