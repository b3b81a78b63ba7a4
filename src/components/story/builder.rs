//! Making a story in the app: "add this view as a slide" (in the header of the data views), then edit
//! titles, narration and notes in both languages, reorder, download the story JSON, or load one from
//! a file. The draft lives in this browser's localStorage and is presented at `/present/draft`.

use bridges_core::query::{parse, to_query};
use bridges_core::route::Page;
use bridges_core::story::{self, Bilingual, Slide, Story, StoryIssue, MAX_SLIDES};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::story::draft::{draft_text, save_draft, DRAFT_ID, DRAFT_KEY};
use crate::download::download_text;
use crate::i18n::{fill, t, use_lang, Lang};
use crate::paths::{base_path, current_page, href, href_keeping_source, slide_href};
use crate::tr;

/// Writes one edited text into the story.
type Setter = Box<dyn Fn(&mut Story, String) + Send + Sync>;

fn load_draft() -> Option<Story> {
    draft_text().and_then(|text| story::parse_story(DRAFT_ID, &text).ok().map(|(s, _)| s))
}

fn empty_story() -> Story {
    Story {
        id: DRAFT_ID.into(),
        title: Bilingual::new(
            t(Lang::En).builder_default_title,
            t(Lang::Zh).builder_default_title,
        ),
        description: None,
        dataset: None,
        slides: Vec::new(),
    }
}

/// The views a slide can show (the story format's allowed routes). A project's page is named by its
/// id as the browser's address holds it, decoded once and escaped again the one way the app writes it
/// (the router's own path lost `..%2F` of the id `../x` in the e2e test, so the address is read).
fn slide_path(pathname: &str) -> Option<String> {
    if let Page::Project(id) = current_page() {
        let path = Page::Project(id).path();
        return story::check_view(&path).ok().map(|_| path);
    }
    let path = pathname.strip_prefix(&base_path()).unwrap_or(pathname);
    let path = if path.is_empty() { "/" } else { path };
    story::check_view(path).ok().map(|_| path.to_string())
}

/// "Add this view as a slide": appends the current view (path and filters, without language or
/// theme) to the draft story.
#[component]
pub fn AddSlideButton() -> impl IntoView {
    let location = use_location();
    let lang = use_lang();
    let status = RwSignal::new(None::<usize>);
    // The story code could not be downloaded (see crate::lazy): said next to the button.
    let failed = RwSignal::new(false);
    let add = move |_| {
        let Some(view) = slide_path(&location.pathname.get_untracked()) else {
            return;
        };
        let (mut state, _) = parse(&location.search.get_untracked());
        state.lang = None;
        state.theme = None;
        state.page = 1;
        // The dataset is the story's, not a slide's: the first slide's names it (see add_slide).
        let dataset = (!state.datasets.is_empty()).then(|| state.datasets.join("~"));
        state.datasets.clear();
        let query = to_query(&state);
        leptos::task::spawn_local(async move {
            match add_slide(view, query, dataset).await {
                Ok(Some(n)) => {
                    failed.try_set(false);
                    status.try_set(Some(n));
                }
                Ok(None) => {}
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    };
    let shown =
        move || slide_path(&location.pathname.get()).is_some_and(|p| p != "/" && p != "/about");
    view! {
        {move || shown().then(|| view! {
            <button type="button" class="add-slide" data-testid="add-slide" on:click=add
                on:pointerenter=move |_| crate::lazy::preload(__preload_add_slide)
                on:focus=move |_| crate::lazy::preload(__preload_add_slide)>{tr!(lang, builder_add)}</button>
        })}
        <p class="sr-only" role="status">{move || status.get().map(|n| fill(t(lang.get()).builder_added, &[("n", &n.to_string())]))}</p>
        {move || failed.get().then(|| view! {
            <span class="add-slide-failed" role="alert">{tr!(lang, code_load_failed)}</span>
        })}
        {move || status.get().map(|n| view! {
            <a class="add-slide-done" href=href("/present#builder")>{fill(t(lang.get()).builder_added, &[("n", &n.to_string())])}</a>
        })}
    }
}

lazy_fn! {
    /// Appends a slide to the draft story; the number of slides after it, or `None` when the draft is
    /// full or could not be saved. The story code loads on the first press (the button is on every
    /// data view).
    fn add_slide(view: String, query: String, dataset: Option<String>) -> Option<usize> {
        let mut s = load_draft().unwrap_or_else(empty_story);
        if s.slides.len() >= MAX_SLIDES {
            return None;
        }
        if s.slides.is_empty() {
            // A story is told on one choice of built-in data: the one its first slide was made on.
            s.dataset = dataset;
        }
        let (en, zh) = (t(Lang::En), t(Lang::Zh));
        s.slides.push(Slide {
            title: Bilingual::new(Page::from_path(&view).name(Lang::En), Page::from_path(&view).name(Lang::Zh)),
            view,
            query,
            narration: Bilingual::new(en.builder_default_narration, zh.builder_default_narration),
            notes: Bilingual::default(),
        });
        save_draft(&s).then_some(s.slides.len())
    }
    preload: __preload_add_slide, in: add_slide;
}

async fn read_file(file: web_sys::File) -> Option<String> {
    if file.size() > 5.0 * 1024.0 * 1024.0 {
        return None;
    }
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The draft story editor.
#[component]
pub fn StoryBuilder() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let draft = RwSignal::new(load_draft());
    let issues = RwSignal::new(Vec::<StoryIssue>::new());
    let error = RwSignal::new(None::<String>);
    let edit = move |f: &dyn Fn(&mut Story)| {
        let mut s = draft.get_untracked().unwrap_or_else(empty_story);
        f(&mut s);
        save_draft(&s);
        draft.set(Some(s));
    };
    let download = move |_| {
        if let Some(s) = draft.get_untracked() {
            let _ = download_text("story.json", "application/json", &story::to_json(&s));
        }
    };
    let load = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            let Some(text) = read_file(file).await else {
                error.set(Some(t(lang.get_untracked()).builder_unreadable.into()));
                return;
            };
            match story::parse_story(DRAFT_ID, &text) {
                Ok((s, found)) => {
                    save_draft(&s);
                    draft.set(Some(s));
                    issues.set(found);
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let text_field = move |label: bridges_core::i18n::Key,
                           value: String,
                           long: bool,
                           set: Setter| {
        let set = std::sync::Arc::new(set);
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let set = std::sync::Arc::clone(&set);
            edit(&move |s: &mut Story| set(s, v.clone()));
        };
        if long {
            view! { <label class="builder-field">{move || label(t(lang.get()))}<textarea rows="3" prop:value=value on:change=on_change></textarea></label> }.into_any()
        } else {
            view! { <label class="builder-field">{move || label(t(lang.get()))}<input type="text" prop:value=value on:change=on_change/></label> }.into_any()
        }
    };
    let slides = move || {
        let Some(s) = draft.get() else {
            return view! { <p>{tr!(lang, builder_empty)}</p> }.into_any();
        };
        let n = s.slides.len();
        view! {
            {text_field(|t| t.builder_story_title_en, s.title.en.clone(), false, Box::new(|s, v| s.title.en = v))}
            {text_field(|t| t.builder_story_title_zh, s.title.zh.clone(), false, Box::new(|s, v| s.title.zh = v))}
            <ol class="builder-slides">
                {s.slides.iter().enumerate().map(|(i, slide)| {
                    let at = move |f: fn(&mut Slide, String)| -> Setter {
                        Box::new(move |s: &mut Story, v: String| { if let Some(x) = s.slides.get_mut(i) { f(x, v) } })
                    };
                    view! {
                        <li class="builder-slide" data-testid="builder-slide">
                            // On the data this page names, as the draft is presented.
                            <p><a href=slide_href(&slide.view, &slide.query, &location.search.get_untracked(), None)><code>{slide.href()}</code></a></p>
                            {text_field(|t| t.builder_title_en, slide.title.en.clone(), false, at(|x, v| x.title.en = v))}
                            {text_field(|t| t.builder_title_zh, slide.title.zh.clone(), false, at(|x, v| x.title.zh = v))}
                            {text_field(|t| t.builder_narration_en, slide.narration.en.clone(), true, at(|x, v| x.narration.en = v))}
                            {text_field(|t| t.builder_narration_zh, slide.narration.zh.clone(), true, at(|x, v| x.narration.zh = v))}
                            {text_field(|t| t.builder_notes_en, slide.notes.en.clone(), true, at(|x, v| x.notes.en = v))}
                            {text_field(|t| t.builder_notes_zh, slide.notes.zh.clone(), true, at(|x, v| x.notes.zh = v))}
                            <div class="builder-actions">
                                <button type="button" disabled={i == 0} on:click=move |_| edit(&|s: &mut Story| s.slides.swap(i, i - 1))>{tr!(lang, builder_up)}</button>
                                <button type="button" disabled={i + 1 >= n} on:click=move |_| edit(&|s: &mut Story| s.slides.swap(i, i + 1))>{tr!(lang, builder_down)}</button>
                                <button type="button" on:click=move |_| edit(&|s: &mut Story| { s.slides.remove(i); })>{tr!(lang, builder_remove)}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }.into_any()
    };
    let has_slides = move || draft.get().is_some_and(|s| !s.slides.is_empty());
    view! {
        <section class="builder" id="builder" data-testid="story-builder" aria-labelledby="builder-title">
            <h2 id="builder-title">{tr!(lang, builder_title)}</h2>
            <p class="note">{tr!(lang, builder_lede)}</p>
            {slides}
            <div class="builder-actions">
                {move || has_slides().then(|| view! {
                    <a class="button" href=move || href_keeping_source(&format!("/present/{DRAFT_ID}"), &location.search.get()) data-testid="present-draft">{tr!(lang, builder_present)}</a>
                    <button type="button" on:click=download>{tr!(lang, builder_download)}</button>
                    <button type="button" on:click=move |_| { storage_clear(); draft.set(None); }>{tr!(lang, builder_clear)}</button>
                })}
                <label class="builder-load">{tr!(lang, builder_load)} " "
                    <input type="file" accept=".json,application/json" on:change=load/>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="load-error" role="alert" lang="en">{e}</p> })}
            // A loaded file's problems, bounded as in the presentation (a file may hold hundreds of
            // thousands: the first ones, the count, and all of them as CSV).
            {move || view! { <crate::components::story::file::StoryIssues issues=issues.get()/> }}
        </section>
    }
}

fn storage_clear() -> Option<()> {
    crate::storage::local()?.remove_item(DRAFT_KEY).ok()
}
