//! The slide deck of one window: which slide (the URL's `slide=`), blanked or not, and how to move.

use std::sync::Arc;

use bridges_core::deck_sync::DeckSync;
use bridges_core::story::Story;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::present::channel::{sync_windows, Channel};
use crate::paths::query_with;

/// The 1-based slide in the URL, clamped to the story.
pub fn slide_param(search: &str, n: usize) -> usize {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|p| p.get("slide"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, n.max(1))
}

pub fn param(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|p| p.get(key))
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The slide deck of one window: which slide, blanked or not, and how to move.
#[derive(Clone)]
pub struct Deck {
    pub story: Arc<Story>,
    pub id: String,
    /// The slide the URL shows.
    pub index: Memo<usize>,
    pub blank: RwSignal<bool>,
    /// Moves this window (and, through the channel, the story's other windows) to a slide.
    pub go: Callback<usize>,
    sync: StoredValue<DeckSync, LocalStorage>,
}

impl Deck {
    pub fn is_empty(&self) -> bool {
        self.story.slides.is_empty()
    }
    pub fn len(&self) -> usize {
        self.story.slides.len()
    }
    /// The slide this window shows or is on its way to (the router writes the URL asynchronously, so two
    /// quick clicks count from here, not from the URL).
    pub fn current(&self) -> usize {
        self.sync
            .try_with_value(DeckSync::current)
            .unwrap_or_else(|| self.index.get_untracked())
    }
    pub fn next(&self) {
        let i = self.current();
        if i < self.len() {
            self.go.run(i + 1);
        }
    }
    pub fn prev(&self) {
        let i = self.current();
        if i > 1 {
            self.go.run(i - 1);
        }
    }
}

/// The deck of `story` in this window, kept in step with the story's other windows.
pub fn use_deck(story: Arc<Story>, id: String) -> Deck {
    let location = use_location();
    let navigate = use_navigate();
    let n = story.slides.len();
    let index = Memo::new(move |_| slide_param(&location.search.get(), n));
    let sync = StoredValue::new_local(DeckSync::new(window_id(), index.get_untracked()));
    // Writes the slide into the URL; announcing it is the caller's business.
    let show = Callback::new(move |to: usize| {
        let search = location.search.get_untracked();
        let q = query_with(&search, &[("slide", &to.to_string())]);
        navigate(
            &format!("{}?{q}", location.pathname.get_untracked()),
            NavigateOptions {
                resolve: false,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let channel = Channel::open(&id);
    let go = {
        let channel = channel.clone();
        Callback::new(move |to: usize| {
            let to = to.clamp(1, n.max(1));
            if let Some(change) = sync.try_update_value(|s| s.go(to)).flatten() {
                channel.announce(&change);
                show.run(to);
            }
        })
    };
    let deck = Deck {
        story,
        id,
        index,
        blank: RwSignal::new(false),
        go,
        sync,
    };
    sync_windows(&deck, sync, channel, show);
    deck
}

/// A random id for this window, to tell its own messages from the others' and to break ties.
fn window_id() -> String {
    format!(
        "{:013x}",
        (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64
    )
}
