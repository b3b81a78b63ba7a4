//! Kiosk mode for a booth: the clock is pure (`bridges_core::present::Kiosk`), this feeds it time and
//! interaction.

use bridges_core::present::{kiosk_seconds, Kiosk};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::present::deck::{now_ms, param, Deck};

/// Kiosk mode: advance every `interval` seconds, pause on interaction, back to the first slide after
/// `idle` seconds without one.
pub fn kiosk(deck: &Deck) {
    let location = use_location();
    let search = location.search.get_untracked();
    if param(&search, "kiosk").as_deref() != Some("1") {
        return;
    }
    let seconds = |key: &str, default: f64| kiosk_seconds(param(&search, key).as_deref(), default);
    let clock = StoredValue::new(Kiosk::new(
        seconds("interval", 20.0) * 1000.0,
        seconds("idle", 60.0) * 1000.0,
        now_ms(),
    ));
    let touched = move || clock.update_value(|k| k.touched(now_ms()));
    let h1 = window_event_listener(leptos::ev::pointerdown, move |_| touched());
    let h2 = window_event_listener(leptos::ev::keydown, move |_| touched());
    let h3 = window_event_listener(leptos::ev::wheel, move |_| touched());
    let deck = deck.clone();
    let tick = move || {
        let (index, len) = (deck.index.get_untracked(), deck.len());
        let mut to = None;
        clock.update_value(|k| to = k.tick(now_ms(), index, len));
        if let Some(n) = to {
            deck.go.run(n);
        }
    };
    let timer = set_interval_with_handle(tick, std::time::Duration::from_millis(200)).ok();
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
        if let Some(t) = timer {
            t.clear();
        }
    });
}
