//! Keeps the audience window and the console on the same slide through a BroadcastChannel.
//!
//! Written by hand rather than with leptos-use's `use_broadcast_channel`: that hook is not among the
//! features this app builds leptos-use with, and the protocol here (a `hello` that asks the other
//! windows where they are, answered by `state`) needs the raw message events anyway.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::present::deck::Deck;

/// Keeps every window of the same story on the same slide: each change is posted on a
/// BroadcastChannel; a window that opens asks the others where they are.
pub fn sync_windows(deck: &Deck) {
    let Ok(channel) = web_sys::BroadcastChannel::new(&format!("bridges-present:{}", deck.id))
    else {
        return;
    };
    let (index, blank, go) = (deck.index, deck.blank, deck.go);
    let post = {
        let channel = channel.clone();
        move |kind: &str| {
            let msg = serde_json::json!({
                "type": kind, "v": 1,
                "slide": index.get_untracked(), "blank": blank.get_untracked(),
            });
            let _ = channel.post_message(&JsValue::from_str(&msg.to_string()));
        }
    };
    let on_message = {
        let post = post.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            let Ok(msg) = serde_json::from_str::<serde_json::Value>(&text) else {
                return;
            };
            if msg["v"] != 1 {
                return;
            }
            match msg["type"].as_str() {
                Some("hello") => post("state"),
                Some("state") | Some("slide") => {
                    if let Some(s) = msg["slide"].as_u64() {
                        if s as usize != index.get_untracked() {
                            go.run(s as usize);
                        }
                    }
                    if let Some(b) = msg["blank"].as_bool() {
                        if b != blank.get_untracked() {
                            blank.set(b);
                        }
                    }
                }
                _ => {}
            }
        })
    };
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Changes made here are announced; the first run only asks where the others are.
    let announce = post.clone();
    Effect::new(move |prev: Option<(usize, bool)>| {
        let now = (index.get(), blank.get());
        if prev.is_some_and(|p| p != now) {
            announce("slide");
        }
        now
    });
    post("hello");
    let handle = StoredValue::new_local(Some((channel, on_message)));
    on_cleanup(move || {
        if let Some(Some((c, _cb))) = handle.try_update_value(|h| h.take()) {
            c.set_onmessage(None);
            c.close();
        }
    });
}
