//! Loading a story file (or the draft) and saying, located and translated, what was wrong with it.

use std::sync::Arc;

use bridges_core::story::{self, Story, StoryIssue};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::app_data::fetch_text;
use crate::components::story::draft::{draft_text, DRAFT_ID};
use crate::i18n::{fill, t, use_lang, Lang};
use crate::paths::{href, query_with, same_site_path};
use crate::tr;

/// Why a story could not be shown.
#[derive(Clone, Debug)]
pub enum StoryFail {
    NoDraft,
    Fetch(bridges_core::issue::LoadError),
    Story(story::StoryError),
}

type StoryResult = Result<(Arc<Story>, Vec<StoryIssue>), StoryFail>;

pub async fn load_story(id: String) -> StoryResult {
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
pub fn story_fail_view(lang: Lang, fail: &StoryFail) -> AnyView {
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

/// Loads the story named in the route, then renders `child` with it (or a located error).
#[component]
pub fn WithStory<F, V>(children: F) -> impl IntoView
where
    F: Fn(Arc<Story>, Vec<StoryIssue>, String) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let params = use_params_map();
    let lang = use_lang();
    let id = Memo::new(move |_| params.read().get("story").unwrap_or_default());
    let loaded = LocalResource::new(move || load_story(id.get()));
    follow_story_dataset(loaded);
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

/// A story told on built-in datasets (`"dataset": "aims"`) is shown on them: the address gets their
/// `dataset=` (replacing the entry, so Back leaves the story), which loads them like the dataset picker
/// does. A file the presenter opened (`data=`) is kept: it is the presenter's choice.
fn follow_story_dataset(loaded: LocalResource<StoryResult>) {
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(Ok((s, _))) = loaded.get() else {
            return;
        };
        let Some(want) = s.dataset.clone() else {
            return;
        };
        let search = location.search.get_untracked();
        let state = bridges_core::query::parse(&search).0;
        if state.data.is_some() || state.datasets.join("~") == want {
            return;
        }
        let q = query_with(&search, &[("dataset", &want)]);
        let path = same_site_path(&location.pathname.get_untracked());
        navigate(
            &format!("{path}?{q}"),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
}

/// Story problems listed on the page; a file may produce hundreds of thousands, so the rest are
/// counted and downloadable, never rendered.
const ISSUES_SHOWN: usize = 200;

/// Problems found in a story file, listed like a dataset's (the first [`ISSUES_SHOWN`], and all of
/// them as CSV).
#[component]
pub fn StoryIssues(issues: Vec<StoryIssue>) -> impl IntoView {
    let lang = use_lang();
    let count = issues.len();
    let more = count.saturating_sub(ISSUES_SHOWN);
    let all = Arc::new(issues);
    let download = {
        let all = Arc::clone(&all);
        move |_| {
            let csv = bridges_core::export::table_csv(
                &["slide", "field", "expected", "found", "consequence"],
                all.iter().map(|i| {
                    vec![
                        i.slide.map_or_else(String::new, |n| n.to_string()),
                        i.field.clone(),
                        i.expected.clone(),
                        i.found.clone(),
                        format!("{:?}", i.consequence),
                    ]
                }),
            );
            let _ = crate::download::download_text(
                "bridges-story-problems.csv",
                "text/csv;charset=utf-8",
                &csv,
            );
        }
    };
    (count > 0).then(|| {
        view! {
            <details class="story-issues" data-testid="story-issues">
                <summary>{move || fill(t(lang.get()).present_issues, &[("n", &count.to_string())])}</summary>
                <ul>{all.iter().take(ISSUES_SHOWN).map(|i| {
                    let i = i.clone();
                    view! { <li>{move || story_issue_view(lang.get(), &i)}</li> }
                }).collect_view()}</ul>
                {(more > 0).then(|| view! {
                    <p>{move || fill(t(lang.get()).issues_more, &[("n", &more.to_string())])}</p>
                })}
                <button type="button" on:click=download>{move || t(lang.get()).issues_download}</button>
            </details>
        }
    })
}
