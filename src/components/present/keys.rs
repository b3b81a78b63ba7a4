//! The presenter's keys, for both windows: the key map is pure (`bridges_core::present`), this wires
//! the window's keydown to it.

use bridges_core::present::{key_action, typed_slide, Action};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::present::deck::Deck;

/// Full screen on, or off when it is on.
pub fn toggle_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = doc.document_element() {
        let _ = el.request_fullscreen();
    }
}

/// Keys for both windows. Inside an input, a chart or the map, arrows and Enter belong to that
/// control; PageUp/PageDown (what clickers send) always change the slide.
pub fn use_keys(deck: Deck, leave: Callback<()>) {
    let typed = StoredValue::new(String::new());
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let in_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| {
                e.closest("input, textarea, select, button, a, canvas, [data-iso3], [role=button]")
                    .ok()
                    .flatten()
            })
            .is_some();
        let Some(action) = key_action(&ev.key(), in_control) else {
            return;
        };
        let handled = match action {
            Action::Next => {
                deck.next();
                true
            }
            Action::Prev => {
                deck.prev();
                true
            }
            Action::Go(n) => {
                deck.go.run(n);
                true
            }
            Action::Last => {
                deck.go.run(deck.len());
                true
            }
            Action::Digit(d) => {
                typed.update_value(|t| {
                    if t.len() < 4 {
                        t.push(d)
                    }
                });
                true
            }
            Action::Jump => {
                let t = typed.get_value();
                typed.set_value(String::new());
                typed_slide(&t).map(|n| deck.go.run(n)).is_some()
            }
            Action::Blank => {
                deck.blank.update(|b| *b = !*b);
                true
            }
            Action::Fullscreen => {
                toggle_fullscreen();
                true
            }
            Action::Escape => {
                if typed.get_value().is_empty() {
                    leave.run(());
                } else {
                    typed.set_value(String::new());
                }
                true
            }
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
