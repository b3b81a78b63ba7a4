//! `/present`: the stories that ship, the one being made here, and the presenter's keys.

use bridges_core::story;
use leptos::prelude::*;

use crate::app_data::fetch_text;
use crate::components::story::builder::StoryBuilder;
use crate::i18n::t;
use crate::i18n::use_lang;
use crate::paths::href;
use crate::tr;

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
            <StoryBuilder/>
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
