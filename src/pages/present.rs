//! Presenting a story: `/present/<story>?slide=N` (the audience view) and `/present/<story>/console`
//! (the speaker's window), kept in step through a BroadcastChannel. Each slide is a live view of the
//! data (its filters held locally, so clicking in it does not leave the presentation) with a title
//! and a narration whose numbers are computed from that view. Keys: → ← Space PageUp PageDown, Home,
//! End, a number and Enter, B or . to blank, F for full screen, Esc to leave to the live view.
//! Kiosk mode (`kiosk=1&interval=20&idle=60`) advances by itself, pauses on interaction and returns
//! to the first slide after `idle` seconds without one.
//!
//! Test contract: `data-testid="slide"` with `data-index` (1-based, as in `slide=`) on the current
//! slide; `data-testid="presenter-notes"` in the console.

use std::sync::Arc;

use bridges_charts::Orientation;
use bridges_core::explore::View;
use bridges_core::present::{key_action, kiosk_seconds, typed_slide, Action, Kiosk};
use bridges_core::story::{self, Slide, Story, StoryIssue};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app_data::{fetch_text, AppData};
use crate::components::chart_card::ChartCard;
use crate::components::data_gate::DataGate;
use crate::components::headline::Headline;
use crate::i18n::{fill, t, use_lang, Lang};
use crate::paths::{href, query_with};
use crate::tr;
use crate::view_state::{
    filtered_summary, use_aggregates, use_bars, use_select, use_view_state, LocalView,
};

/// The story made in the app ("add this view as a slide"), kept in localStorage.
pub const DRAFT_ID: &str = "draft";
pub const DRAFT_KEY: &str = "bridges-story-draft";

/// Why a story could not be shown.
#[derive(Clone, Debug)]
enum StoryFail {
    NoDraft,
    Fetch(bridges_core::issue::LoadError),
    Story(story::StoryError),
}

type StoryResult = Result<(Arc<Story>, Vec<StoryIssue>), StoryFail>;

/// The draft's JSON, if there is one.
pub fn draft_text() -> Option<String> {
    crate::storage::local()?.get_item(DRAFT_KEY).ok().flatten()
}

pub fn save_draft(story: &Story) -> bool {
    crate::storage::local()
        .map(|s| s.set_item(DRAFT_KEY, &story::to_json(story)).is_ok())
        .unwrap_or(false)
}

async fn load_story(id: String) -> StoryResult {
    // An id that is not a story name is never fetched: the reader reports it.
    let text = if !story::is_story_id(&id) {
        String::new()
    } else if id == DRAFT_ID {
        draft_text().ok_or(StoryFail::NoDraft)?
    } else {
        fetch_text(&href(&format!("/stories/{id}.json")))
            .await
            .map_err(StoryFail::Fetch)?
    };
    story::parse_story(&id, &text)
        .map(|(s, issues)| (Arc::new(s), issues))
        .map_err(StoryFail::Story)
}

/// A problem in a story, located, in the interface's language.
pub fn story_issue_view(lang: Lang, i: &StoryIssue) -> AnyView {
    use crate::i18n::fill_view;
    use crate::i18n::message_view;
    let tx = t(lang);
    let (template, n, field) = match (i.slide, i.field.is_empty()) {
        (Some(n), false) => (tx.story_where_slide_field, n, i.field.clone()),
        (Some(n), true) => (tx.story_where_slide, n, String::new()),
        (None, false) => (tx.story_where_field, 0, i.field.clone()),
        (None, true) => (tx.story_where_story, 0, String::new()),
    };
    let place = move || {
        let field = field.clone();
        fill_view(template, move |k| match k {
            "n" => Some(n.to_string().into_any()),
            "field" => Some(view! { <code>{field.clone()}</code> }.into_any()),
            _ => None,
        })
        .into_iter()
        .collect_view()
        .into_any()
    };
    let result = match i.consequence {
        story::StoryConsequence::SlideSkipped => tx.story_slide_skipped,
        story::StoryConsequence::RestSkipped => tx.story_rest_skipped,
        story::StoryConsequence::ValueIgnored => tx.story_value_ignored,
        story::StoryConsequence::TextCut => tx.story_text_cut,
        story::StoryConsequence::Kept => tx.story_kept,
    };
    let (expected, found) = (i.expected.clone(), i.found.clone());
    fill_view(tx.story_issue, move |k| match k {
        "where" => Some(place()),
        "expected" => Some(message_view(lang, &expected).into_any()),
        "found" => Some(message_view(lang, &found).into_any()),
        "result" => Some(result.into_any()),
        _ => None,
    })
    .into_iter()
    .collect_view()
    .into_any()
}

/// Why a whole story could not be read, in the interface's language.
fn story_fail_view(lang: Lang, fail: &StoryFail) -> AnyView {
    use crate::i18n::fill_view;
    use crate::i18n::message_view;
    let tx = t(lang);
    match fail.clone() {
        StoryFail::NoDraft => tx.present_no_draft.into_any(),
        StoryFail::Fetch(e) => crate::components::data_gate::load_error_view(lang, &e),
        StoryFail::Story(e) => {
            let id = bridges_core::issue::truncate(&e.id, 40);
            let parts = match (e.line, e.column) {
                (Some(line), Some(column)) => fill_view(tx.story_not_json, |k| match k {
                    "id" => Some(view! { <code>{id.clone()}</code> }.into_any()),
                    "line" => Some(line.to_string().into_any()),
                    "column" => Some(column.to_string().into_any()),
                    "detail" => Some(view! { <code>{e.found.clone()}</code> }.into_any()),
                    _ => None,
                }),
                _ => fill_view(tx.story_error, |k| match k {
                    "id" => Some(view! { <code>{id.clone()}</code> }.into_any()),
                    "field" => Some(view! { <code>{e.field.clone()}</code> }.into_any()),
                    "expected" => Some(message_view(lang, &e.expected).into_any()),
                    "found" => Some(message_view(lang, &e.found).into_any()),
                    _ => None,
                }),
            };
            view! {
                {parts.into_iter().collect_view()}
                <ul>{e.issues.iter().map(|i| view! { <li>{story_issue_view(lang, i)}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    }
}

/// The 1-based slide in the URL, clamped to the story.
fn slide_param(search: &str, n: usize) -> usize {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|p| p.get("slide"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, n.max(1))
}

fn param(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()
        .and_then(|p| p.get(key))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The slide deck of one window: which slide, blanked or not, and how to move.
#[derive(Clone)]
struct Deck {
    story: Arc<Story>,
    id: String,
    index: Memo<usize>,
    blank: RwSignal<bool>,
    go: Callback<usize>,
}

impl Deck {
    fn len(&self) -> usize {
        self.story.slides.len()
    }
    fn next(&self) {
        let i = self.index.get_untracked();
        if i < self.len() {
            self.go.run(i + 1);
        }
    }
    fn prev(&self) {
        let i = self.index.get_untracked();
        if i > 1 {
            self.go.run(i - 1);
        }
    }
}

fn use_deck(story: Arc<Story>, id: String) -> Deck {
    let location = use_location();
    let navigate = use_navigate();
    let n = story.slides.len();
    let index = Memo::new(move |_| slide_param(&location.search.get(), n));
    let go = Callback::new(move |to: usize| {
        let to = to.clamp(1, n.max(1));
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
    let deck = Deck {
        story,
        id,
        index,
        blank: RwSignal::new(false),
        go,
    };
    sync_windows(&deck);
    deck
}

/// Keeps every window of the same story on the same slide: each change is posted on a
/// BroadcastChannel; a window that opens asks the others where they are.
fn sync_windows(deck: &Deck) {
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

fn toggle_fullscreen() {
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
fn use_keys(deck: Deck, leave: Callback<()>) {
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

/// Loads the story named in the route, then renders `child` with it (or a located error).
#[component]
fn WithStory<F, V>(children: F) -> impl IntoView
where
    F: Fn(Arc<Story>, Vec<StoryIssue>, String) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let params = use_params_map();
    let lang = use_lang();
    let id = Memo::new(move |_| params.read().get("story").unwrap_or_default());
    let loaded = LocalResource::new(move || load_story(id.get()));
    move || match loaded.get() {
        None => {
            view! { <p class="loading" role="status">{tr!(lang, present_loading)}</p> }.into_any()
        }
        Some(Err(fail)) => view! {
            <section class="load-error" role="alert" data-testid="story-error">
                <h1>{tr!(lang, present_error)}</h1>
                <div class="message">{move || story_fail_view(lang.get(), &fail)}</div>
                <p><a href=href("/present")>{tr!(lang, present_all_stories)}</a></p>
            </section>
        }
        .into_any(),
        Some(Ok((s, issues))) => children(s, issues, id.get_untracked()).into_any(),
    }
}

/// Problems found in a story file, listed like a dataset's.
#[component]
fn StoryIssues(issues: Vec<StoryIssue>) -> impl IntoView {
    let lang = use_lang();
    let count = issues.len();
    (!issues.is_empty()).then(|| {
        view! {
            <details class="story-issues" data-testid="story-issues">
                <summary>{move || fill(t(lang.get()).present_issues, &[("n", &count.to_string())])}</summary>
                <ul>{issues.iter().map(|i| {
                    let i = i.clone();
                    view! { <li>{move || story_issue_view(lang.get(), &i)}</li> }
                }).collect_view()}</ul>
            </details>
        }
    })
}

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
                let l = lang.get_untracked();
                let target = href(&slide.href());
                let sep = if target.contains('?') { '&' } else { '?' };
                let url = format!("{target}{sep}lang={}", l.code());
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
    view! {
        <div class="present" class:blank=move || blank.get() data-testid="present">
            {move || {
                let i = index.get();
                // Re-created per slide and per theme: charts read the theme when they are made.
                let _ = projector.get();
                slides.slides.get(i - 1).cloned().map(|slide| view! {
                    <SlideBody data=Arc::clone(&data) slide=slide index=i/>
                })
            }}
            <div class="present-blank" aria-hidden=move || (!blank.get()).to_string()></div>
            <StoryIssues issues=issues/>
            <nav class="present-bar" aria-label=tr!(lang, present_controls)>
                <button type="button" on:click=move |_| prev_deck.prev() aria-label=tr!(lang, present_prev)>"←"</button>
                <span class="slide-counter" data-testid="slide-counter" aria-live="polite">
                    {move || fill(t(lang.get()).present_counter, &[("i", &index.get().to_string()), ("n", &n.to_string())])}
                </span>
                <button type="button" on:click=move |_| next_deck.next() aria-label=tr!(lang, present_next)>"→"</button>
                <button type="button" aria-pressed=move || projector.get().to_string() on:click=toggle_theme data-testid="projector-switch">
                    {tr!(lang, present_projector)}
                </button>
                <button type="button" on:click=move |_| toggle_fullscreen()>{tr!(lang, present_fullscreen)}</button>
                <a href=console_url target="bridges-console" data-testid="open-console">{tr!(lang, present_console)}</a>
            </nav>
        </div>
    }
}

/// Kiosk mode: advance every `interval` seconds, pause on interaction, back to the first slide after
/// `idle` seconds without one.
fn kiosk(deck: &Deck) {
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

/// One slide: its title, its narration filled from its live view, and the view.
#[component]
fn SlideBody(data: Arc<AppData>, slide: Slide, index: usize) -> impl IntoView {
    let lang = use_lang();
    provide_context(LocalView(RwSignal::new(slide.query.clone())));
    let state = use_view_state();
    let narration = {
        let data = Arc::clone(&data);
        let template = slide.narration.clone();
        move || {
            let filters = state.get().0.filters;
            let facts = match data.engine.lock() {
                Ok(mut e) => story::facts(&mut e, &filters, &data.currency),
                Err(_) => story::Facts::default(),
            };
            story::narrate(template.get(lang.get()), &facts, lang.get())
        }
    };
    let title = slide.title.clone();
    let body = slide_view(Arc::clone(&data), &slide.view);
    view! {
        <article class="slide" data-testid="slide" data-index=index.to_string() data-view=slide.view.clone()>
            <header class="slide-head">
                <h1>{move || title.get(lang.get()).to_string()}</h1>
                <p class="narration" data-testid="narration">{narration}</p>
            </header>
            <div class="slide-view">{body}</div>
        </article>
    }
}

/// The live view a slide shows, sized for a screen: the explorer as a headline and three charts.
fn slide_view(data: Arc<AppData>, view: &str) -> AnyView {
    match view {
        "/explore" => view! { <SlideCharts data=data/> }.into_any(),
        "/map" => view! { <crate::pages::map::EmbeddedMap data=data/> }.into_any(),
        "/table" => view! { <crate::pages::table::ProjectTable data=data/> }.into_any(),
        "/about" => view! { <SlideHeadline data=data/> }.into_any(),
        "/" => view! { <SlideHeadline data=data/> }.into_any(),
        other => match other.strip_prefix("/projects/") {
            Some(id) => match data.loaded.dataset.projects.iter().find(|p| p.id == id).cloned() {
                Some(p) => view! { <crate::pages::project::ProjectDetail data=data p=p/> }.into_any(),
                None => view! { <p class="load-error" role="alert"><code>{other.to_string()}</code></p> }.into_any(),
            },
            None => ().into_any(),
        },
    }
}

#[component]
fn SlideHeadline(data: Arc<AppData>) -> impl IntoView {
    let state = use_view_state();
    let agg = use_aggregates(Arc::clone(&data), state);
    let summary = Signal::derive(move || filtered_summary(&data, &agg.get(), &state.get().0));
    view! { <Headline summary=summary/> }
}

#[component]
fn SlideCharts(data: Arc<AppData>) -> impl IntoView {
    let state = use_view_state();
    let agg = use_aggregates(Arc::clone(&data), state);
    let measure = Signal::derive(move || state.get().0.measure);
    let summary = {
        let data = Arc::clone(&data);
        Signal::derive(move || filtered_summary(&data, &agg.get(), &state.get().0))
    };
    let bars = move |view: View, limit: Option<usize>| {
        use_bars(Arc::clone(&data), state, agg, view, limit)
    };
    let legend = Signal::derive(Vec::new);
    view! {
        <Headline summary=summary/>
        <div class="slide-charts">
            <ChartCard view=View::Timeline bars=bars(View::Timeline, None) measure=measure orientation=Orientation::Vertical
                on_select=use_select(state, View::Timeline) legend=legend compact=true/>
            <ChartCard view=View::Sector bars=bars(View::Sector, Some(8)) measure=measure orientation=Orientation::Horizontal
                on_select=use_select(state, View::Sector) compact=true/>
            <ChartCard view=View::Recipients bars=bars(View::Recipients, Some(8)) measure=measure orientation=Orientation::Horizontal
                on_select=use_select(state, View::Recipients) compact=true/>
        </div>
    }
}

/// `/present/:story/console`: current and next slide, speaker notes, a timer and a clock.
#[component]
pub fn ConsolePage() -> impl IntoView {
    view! {
        <WithStory children=|s, issues, id| view! {
            <Console story=s id=id/>
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
    // Timer (pausable) and wall clock, ticking once a second.
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
    let slide_at = {
        let story = Arc::clone(&story);
        move |i: usize| story.slides.get(i.wrapping_sub(1)).cloned()
    };
    let current = {
        let slide_at = slide_at.clone();
        move || slide_at(index.get())
    };
    let next = move || slide_at(index.get() + 1);
    let current_notes = current.clone();
    let (d1, d2) = (deck.clone(), deck.clone());
    let story_title = story.title.clone();
    view! {
        <div class="console" data-testid="console">
            <header class="console-head">
                <h1>{move || story_title.get(lang.get()).to_string()}</h1>
                <span class="slide-counter" data-testid="slide-counter">
                    {move || fill(t(lang.get()).present_counter, &[("i", &index.get().to_string()), ("n", &n.to_string())])}
                </span>
                <span class="console-clock" aria-label=tr!(lang, present_clock)>{clock}</span>
                <span class="console-timer" data-testid="timer" aria-label=tr!(lang, present_timer)>{elapsed}</span>
                <button type="button" on:click=move |_| {
                    match paused_at.get_untracked() {
                        Some(p) => { started.update(|s| *s += now_ms() - p); paused_at.set(None); }
                        None => paused_at.set(Some(now_ms())),
                    }
                }>{move || if paused_at.get().is_some() { t(lang.get()).present_resume } else { t(lang.get()).present_pause }}</button>
                <button type="button" on:click=move |_| { started.set(now_ms()); paused_at.set(None); }>{tr!(lang, present_reset)}</button>
            </header>
            <div class="console-grid">
                <section class="console-current" data-testid="slide" data-index=move || index.get().to_string()>
                    <h2>{tr!(lang, present_current)}</h2>
                    {move || current().map(|s| view! {
                        <p class="console-title">{s.title.get(lang.get()).to_string()}</p>
                        <p class="console-view"><code>{s.href()}</code></p>
                    })}
                </section>
                <section class="console-next">
                    <h2>{tr!(lang, present_up_next)}</h2>
                    {move || match next() {
                        Some(s) => view! { <p class="console-title">{s.title.get(lang.get()).to_string()}</p> }.into_any(),
                        None => view! { <p>{tr!(lang, present_end)}</p> }.into_any(),
                    }}
                </section>
                <section class="console-notes">
                    <h2>{tr!(lang, present_notes)}</h2>
                    <div class="notes" data-testid="presenter-notes">
                        {move || current_notes().map(|s| s.notes.get(lang.get()).to_string())}
                    </div>
                </section>
            </div>
            <nav class="console-bar" aria-label=tr!(lang, present_controls)>
                <button type="button" on:click=move |_| d1.prev()>{tr!(lang, present_prev)}</button>
                <button type="button" on:click=move |_| d2.next()>{tr!(lang, present_next)}</button>
                <button type="button" aria-pressed=move || blank.get().to_string() on:click=move |_| blank.update(|b| *b = !*b)>
                    {tr!(lang, present_blank)}
                </button>
                <a href=audience_url target="bridges-audience">{tr!(lang, present_open_audience)}</a>
            </nav>
        </div>
    }
}

/// `/present`: the stories that ship, and the one made here.
#[component]
pub fn StoriesPage() -> impl IntoView {
    let lang = use_lang();
    let index = LocalResource::new(|| async {
        let text = fetch_text(&href("/stories/index.json"))
            .await
            .map_err(|e| e.to_string())?;
        story::parse_index(&text)
            .map(|(e, _)| e)
            .map_err(|e| e.to_string())
    });
    view! {
        <article class="stories">
            <h1>{tr!(lang, present_stories)}</h1>
            <p>{tr!(lang, present_stories_lede)}</p>
            {move || match index.get() {
                None => view! { <p role="status">{tr!(lang, present_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="load-error" role="alert" lang="en">{e}</p> }.into_any(),
                Some(Ok(entries)) => view! {
                    <ul class="story-list">
                        {entries.into_iter().map(|e| {
                            let present = href(&format!("/present/{}", e.id));
                            let console = href(&format!("/present/{}/console", e.id));
                            let title = e.title.clone();
                            view! {
                                <li>
                                    <a href=present.clone() data-testid="story-link">{move || title.get(lang.get()).to_string()}</a>
                                    " · " <a href=format!("{present}?theme=projector")>{tr!(lang, present_projector)}</a>
                                    " · " <a href=console>{tr!(lang, present_console)}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <crate::pages::story_builder::StoryBuilder/>
            <h2>{tr!(lang, present_keys_title)}</h2>
            <dl class="keys">
                {KEYS.iter().map(|(keys, what)| view! {
                    <dt>{keys.iter().map(|k| view! { <kbd>{*k}</kbd> " " }).collect_view()}</dt>
                    <dd>{move || what(t(lang.get()))}</dd>
                }).collect_view()}
            </dl>
            <p>{tr!(lang, key_kiosk)} " " <code>"?kiosk=1&interval=20&idle=60"</code></p>
        </article>
    }
}

/// The presenter's keys (key caps are the same in every language) and what they do.
const KEYS: [(&[&str], bridges_core::i18n::Key); 7] = [
    (&["→", "Space", "Page Down"], |t| t.key_next),
    (&["←", "Page Up"], |t| t.key_prev),
    (&["Home", "End"], |t| t.key_first_last),
    (&["1…9", "Enter"], |t| t.key_jump),
    (&["B", "."], |t| t.key_blank),
    (&["F"], |t| t.key_fullscreen),
    (&["Esc"], |t| t.key_leave),
];

/// `lang` for the builder when a new slide title is made from the current page.
pub fn page_title(path: &str, lang: Lang) -> &'static str {
    let tx = t(lang);
    match path {
        "/explore" => tx.nav_explore,
        "/map" => tx.nav_map,
        "/table" => tx.nav_table,
        "/about" => tx.nav_about,
        p if p.starts_with("/projects/") => tx.col_projects,
        _ => tx.nav_overview,
    }
}
