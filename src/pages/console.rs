//! `/present/:story/console`: the speaker's window: a live miniature of the current and the next slide,
//! the notes, a clock and the time elapsed, and big Previous / Next buttons that a phone can reach. It
//! follows the audience window through a BroadcastChannel, and drives it.

use std::sync::Arc;

use bridges_core::story::Story;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_use::use_element_size;

use crate::components::data_gate::DataGate;
use crate::components::present::deck::{now_ms, use_deck, Deck};
use crate::components::present::keys::use_keys;
use crate::components::present::slide::SlideBody;
use crate::components::present::stage::{fit, Stage, STAGE_H, STAGE_W};
use crate::components::story::file::{StoryIssues, WithStory};
use crate::i18n::{fill, t, use_lang};
use crate::tr;

/// `/present/:story/console`: current and next slide, speaker notes, a timer and a clock.
#[component]
pub fn ConsolePage() -> impl IntoView {
    view! {
        <WithStory children=|s, issues, id| view! {
            <Console story=s id=id.clone()/>
            <StoryIssues issues=issues/>
        }/>
    }
}

fn clock_text(ms: f64) -> String {
    let s = (ms / 1000.0).max(0.0) as u64;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

#[component]
fn Console(story: Arc<Story>, id: String) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let deck = use_deck(Arc::clone(&story), id.clone());
    let leave = Callback::new(move |_: ()| {});
    use_keys(deck.clone(), leave);
    let (index, blank) = (deck.index, deck.blank);
    let n = deck.len();
    // Elapsed time (pausable) and the wall clock, ticking once a second.
    let started = RwSignal::new(now_ms());
    let paused_at = RwSignal::new(None::<f64>);
    let now = RwSignal::new(now_ms());
    if let Ok(h) = set_interval_with_handle(
        move || now.set(now_ms()),
        std::time::Duration::from_millis(1000),
    ) {
        on_cleanup(move || h.clear());
    }
    let elapsed = move || clock_text(paused_at.get().unwrap_or(now.get()) - started.get());
    let clock = move || {
        let _ = now.get();
        let d = js_sys::Date::new_0();
        format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
    };
    let audience_url = move || {
        let path = location.pathname.get();
        format!(
            "{}?{}",
            path.trim_end_matches("/console"),
            location.search.get().trim_start_matches('?')
        )
    };
    let notes = {
        let story = Arc::clone(&story);
        move || {
            story
                .slides
                .get(index.get().wrapping_sub(1))
                .map(|s| s.notes.get(lang.get()).to_string())
        }
    };
    let (d1, d2) = (deck.clone(), deck.clone());
    let story_title = story.title.clone();
    view! {
        <div class="console" data-testid="console">
            <header class="console-head">
                <h1>{move || story_title.get(lang.get()).to_string()}</h1>
                <span class="slide-counter" data-testid="slide-counter">
                    {move || fill(t(lang.get()).present_counter, &[("i", &index.get().to_string()), ("n", &n.to_string())])}
                </span>
                <dl class="console-clocks">
                    <div><dt>{tr!(lang, present_clock)}</dt><dd class="console-clock">{clock}</dd></div>
                    <div><dt>{tr!(lang, present_elapsed)}</dt><dd class="console-timer" data-testid="timer">{elapsed}</dd></div>
                </dl>
                <button type="button" on:click=move |_| {
                    match paused_at.get_untracked() {
                        Some(p) => { started.update(|s| *s += now_ms() - p); paused_at.set(None); }
                        None => paused_at.set(Some(now_ms())),
                    }
                }>{move || if paused_at.get().is_some() { t(lang.get()).present_resume } else { t(lang.get()).present_pause }}</button>
                <button type="button" on:click=move |_| { started.set(now_ms()); paused_at.set(None); }>{tr!(lang, present_reset)}</button>
            </header>
            <nav class="console-bar" aria-label=tr!(lang, present_controls)>
                <button type="button" class="console-step" on:click=move |_| d1.prev()>"← " {tr!(lang, present_prev)}</button>
                <button type="button" class="console-step" on:click=move |_| d2.next()>{tr!(lang, present_next)} " →"</button>
                <button type="button" aria-pressed=move || blank.get().to_string() on:click=move |_| blank.update(|b| *b = !*b)>
                    {tr!(lang, present_blank)}
                </button>
                <a href=audience_url target="bridges-audience">{tr!(lang, present_open_audience)}</a>
            </nav>
            <div class="console-grid">
                <section class="console-current" data-testid="slide" data-index=move || index.get().to_string()>
                    <h2>{tr!(lang, present_current)}</h2>
                    <Miniature deck=deck.clone() offset=0/>
                </section>
                <section class="console-next">
                    <h2>{tr!(lang, present_up_next)}</h2>
                    <Miniature deck=deck.clone() offset=1/>
                </section>
                <section class="console-notes">
                    <h2>{tr!(lang, present_notes)}</h2>
                    <div class="notes" data-testid="presenter-notes">{notes}</div>
                </section>
            </div>
        </div>
    }
}

/// A live miniature of the slide `offset` after the current one (the audience's stage, scaled to the
/// miniature's width), or "the end" past the last slide.
#[component]
fn Miniature(deck: Deck, offset: usize) -> impl IntoView {
    let lang = use_lang();
    let frame = NodeRef::<Div>::new();
    let size = use_element_size(frame);
    let scale = Signal::derive(move || fit(size.width.get(), size.width.get() * STAGE_H / STAGE_W));
    let story = Arc::clone(&deck.story);
    let index = deck.index;
    view! {
        <div class="console-mini" node_ref=frame>
            <DataGate quiet=true children=move |data| {
                let story = Arc::clone(&story);
                move || {
                    let i = index.get() + offset;
                    match story.slides.get(i - 1).cloned() {
                        Some(slide) => {
                            let data = Arc::clone(&data);
                            view! {
                                <Stage scale=scale><SlideBody data=data slide=slide index=i mini=true/></Stage>
                            }.into_any()
                        }
                        None => view! { <p class="console-end">{tr!(lang, present_end)}</p> }.into_any(),
                    }
                }
            }/>
        </div>
    }
}
