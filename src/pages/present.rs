//! `/present/:story?slide=N`: a story as live slides, each laid out on a 16:9 stage scaled to the
//! window. Keys: → ← Space PageUp PageDown, Home, End, a number and Enter, B or . to blank, F for full
//! screen, Esc to leave to the slide's live view. Kiosk mode (`kiosk=1&interval=20&idle=60`) advances by
//! itself, pauses on interaction and returns to the first slide after `idle` seconds without one. The
//! console (`/present/:story/console`) follows through a BroadcastChannel.
//!
//! Test contract: `data-testid="slide"` with `data-index` (1-based, as in `slide=`) on the current
//! slide; `data-testid="presenter-controls"`, hidden after two idle seconds.

use std::sync::Arc;

use bridges_core::story::{Story, StoryIssue};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use leptos_use::use_window_size;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::present::controls::PresenterControls;
use crate::components::present::deck::{param, slide_param, use_deck};
use crate::components::present::keys::{toggle_fullscreen, use_keys};
use crate::components::present::kiosk::kiosk;
use crate::components::present::slide::SlideBody;
use crate::components::present::stage::{fit, Stage};
use crate::components::story::file::{StoryIssues, WithStory};
use crate::i18n::{fill, t, use_lang};
use crate::paths::{query_with, slide_href};
use crate::tr;

/// `/present/:story`: the audience view.
#[component]
pub fn PresentPage() -> impl IntoView {
    view! {
        <WithStory children=|s, issues, id| view! {
            <DataGate children=move |data| view! {
                <Audience data=data story=Arc::clone(&s) id=id.clone() issues=issues.clone()/>
            }/>
        }/>
    }
}

#[component]
fn Audience(
    data: Arc<AppData>,
    story: Arc<Story>,
    id: String,
    /// Problems in the story file, listed in a corner of the presentation.
    issues: Vec<StoryIssue>,
) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let deck = use_deck(Arc::clone(&story), id.clone());
    let projector =
        Memo::new(move |_| param(&location.search.get(), "theme").as_deref() == Some("projector"));
    let leave = {
        let story = Arc::clone(&story);
        Callback::new(move |_: ()| {
            let i = slide_param(&location.search.get_untracked(), story.slides.len());
            if let Some(slide) = story.slides.get(i - 1) {
                // On the data the story is presented on, in the presenter's language.
                let url = slide_href(
                    &slide.view,
                    &slide.query,
                    &location.search.get_untracked(),
                    Some(lang.get_untracked()),
                );
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_href(&url);
                }
            }
        })
    };
    use_keys(deck.clone(), leave);
    kiosk(&deck);
    let (index, blank) = (deck.index, deck.blank);
    let n = deck.len();
    let console_url = move || {
        format!(
            "{}/console?{}",
            location.pathname.get(),
            location.search.get().trim_start_matches('?')
        )
    };
    let navigate = use_navigate();
    let toggle_theme = move |_| {
        let search = location.search.get_untracked();
        let next = if projector.get_untracked() {
            ""
        } else {
            "projector"
        };
        let q = query_with(&search, &[("theme", next)]);
        navigate(
            &format!("{}?{q}", location.pathname.get_untracked()),
            NavigateOptions {
                resolve: false,
                scroll: false,
                replace: true,
                ..Default::default()
            },
        );
    };
    let slides = Arc::clone(&story);
    let next_deck = deck.clone();
    let prev_deck = deck.clone();
    // The stage fills the window at the largest 16:9 size that fits.
    let window = use_window_size();
    let scale = Signal::derive(move || fit(window.width.get(), window.height.get()));
    let current = move || {
        let i = index.get();
        // Re-created per slide and per theme: charts read the theme when they are made.
        let _ = projector.get();
        slides.slides.get(i - 1).cloned().map(|slide| {
            view! {
                <SlideBody data=Arc::clone(&data) slide=slide index=i/>
            }
        })
    };
    view! {
        <div class="present" class:blank=move || blank.get() data-testid="present">
            <Stage scale=scale>{current}</Stage>
            <div class="present-blank" aria-hidden=move || (!blank.get()).to_string()></div>
            <StoryIssues issues=issues/>
            <PresenterControls label=Signal::derive(move || t(lang.get()).present_controls.to_string())>
                <button type="button" class="present-step" on:click=move |_| prev_deck.prev() aria-label=tr!(lang, present_prev)>"←"</button>
                <span class="slide-counter" data-testid="slide-counter" aria-live="polite">
                    {move || fill(t(lang.get()).present_counter, &[("i", &index.get().to_string()), ("n", &n.to_string())])}
                </span>
                <button type="button" class="present-step" on:click=move |_| next_deck.next() aria-label=tr!(lang, present_next)>"→"</button>
                <button type="button" aria-pressed=move || projector.get().to_string() on:click=toggle_theme data-testid="projector-switch">
                    {tr!(lang, present_projector)}
                </button>
                <button type="button" on:click=move |_| toggle_fullscreen()>{tr!(lang, present_fullscreen)}</button>
                <a href=console_url target="bridges-console" data-testid="open-console">{tr!(lang, present_console)}</a>
            </PresenterControls>
        </div>
    }
}
