//! Keeps the audience window and the console on the same slide through a BroadcastChannel. What to
//! announce and what to follow is decided by `bridges_core::deck_sync` (no echoes, later change wins);
//! this carries its messages.
//!
//! Written by hand rather than with leptos-use's `use_broadcast_channel`: that hook is not among the
//! features this app builds leptos-use with, and the protocol here (a `hello` that asks the other
//! windows where they are, answered by `state`) needs the raw message events anyway.

use bridges_core::deck_sync::{Change, DeckSync};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::present::deck::Deck;

/// The story's channel, or nothing where the browser has no BroadcastChannel (the deck then works
/// alone).
#[derive(Clone)]
pub struct Channel(StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>);

impl Channel {
    pub fn open(story: &str) -> Channel {
        let channel = web_sys::BroadcastChannel::new(&format!("bridges-present:{story}")).ok();
        Channel(StoredValue::new_local(channel))
    }

    fn post(&self, kind: &str, change: Option<&Change>) {
        let msg = match change {
            Some(c) => serde_json::json!({
                "type": kind, "v": 2, "slide": c.slide, "blank": c.blank,
                "clock": c.clock, "from": c.from,
            }),
            None => serde_json::json!({ "type": kind, "v": 2 }),
        };
        self.0.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&JsValue::from_str(&msg.to_string()));
            }
        });
    }

    /// Tells the other windows about a change made here.
    pub fn announce(&self, change: &Change) {
        self.post("slide", Some(change));
    }
}

/// A message from another window: its kind and the change it carries, if it is one this version reads.
fn read(text: &str) -> Option<(String, Option<Change>)> {
    let msg = serde_json::from_str::<serde_json::Value>(text).ok()?;
    if msg["v"] != 2 {
        return None;
    }
    let kind = msg["type"].as_str()?.to_string();
    let change = (|| {
        Some(Change {
            slide: usize::try_from(msg["slide"].as_u64()?).ok()?,
            blank: msg["blank"].as_bool()?,
            clock: msg["clock"].as_u64()?,
            from: msg["from"].as_str()?.to_string(),
        })
    })();
    Some((kind, change))
}

/// Keeps every window of the same story on the same slide: changes made here are announced, changes
/// made elsewhere followed (`show` moves the URL without announcing); a window that opens asks the
/// others where they are.
pub fn sync_windows(
    deck: &Deck,
    sync: StoredValue<DeckSync, LocalStorage>,
    channel: Channel,
    show: Callback<usize>,
) {
    let (index, blank) = (deck.index, deck.blank);
    let on_message = {
        let channel = channel.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some((kind, change)) = ev.data().as_string().as_deref().and_then(read) else {
                return;
            };
            match (kind.as_str(), change) {
                ("hello", _) => {
                    if let Some(state) = sync.try_with_value(DeckSync::state) {
                        channel.post("state", Some(&state));
                    }
                }
                (k @ ("state" | "slide"), Some(change)) => {
                    let Some(follow) = sync.try_update_value(|s| s.receive(&change, k == "state"))
                    else {
                        return;
                    };
                    if let Some(b) = follow.blank {
                        blank.set(b);
                    }
                    if let Some(s) = follow.slide {
                        show.run(s);
                    }
                }
                _ => {}
            }
        })
    };
    channel.0.with_value(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
    });
    // Changes that no click here asked for: the browser's back and forward buttons, blank keys.
    let (by_url, by_blank) = (channel.clone(), channel.clone());
    Effect::new(move |_| {
        let now = index.get();
        if let Some(Some(change)) = sync.try_update_value(|s| s.shown(now)) {
            by_url.announce(&change);
        }
    });
    Effect::new(move |_| {
        let now = blank.get();
        if let Some(Some(change)) = sync.try_update_value(|s| s.blanked(now)) {
            by_blank.announce(&change);
        }
    });
    channel.post("hello", None);
    let handle = StoredValue::new_local(Some(on_message));
    on_cleanup(move || {
        let _callback = handle.try_update_value(Option::take);
        channel.0.try_update_value(|c| {
            if let Some(c) = c.take() {
                c.set_onmessage(None);
                c.close();
            }
        });
    });
}
