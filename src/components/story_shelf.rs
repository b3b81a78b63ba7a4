//! The stories that ship, for the front page: each story's title and number of slides, read the way
//! `/present` reads them (`stories/index.json`, then each story's file), linking to `/present/<id>`.
//! Test contract: `data-testid="front-story"` with `data-slides` on each link.

use bridges_core::i18n::tf;
use bridges_core::story;
use leptos::prelude::*;

use crate::app_data::fetch_text;
use crate::components::story::file::load_story;
use crate::i18n::{count, fill, use_lang};
use crate::paths::href;

/// The list of stories (nothing while it loads or when the index cannot be read: `/present` says why).
#[component]
pub fn StoryShelf() -> impl IntoView {
    let lang = use_lang();
    let stories = LocalResource::new(|| async {
        let text = fetch_text(&href("/stories/index.json")).await.ok()?;
        let (entries, _) = story::parse_index(&text).ok()?;
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            // A story that cannot be read is still listed (its page says what is wrong), without a count.
            let slides = load_story(e.id.clone())
                .await
                .ok()
                .map(|(s, _)| s.slides.len());
            out.push((e, slides));
        }
        Some(out)
    });
    move || {
        let list = stories.get().flatten()?;
        Some(view! {
            <ul class="story-shelf" role="list">
                {list.into_iter().map(|(e, slides)| {
                    let title = e.title.clone();
                    view! {
                        <li>
                            <a href=href(&format!("/present/{}", e.id)) data-testid="front-story"
                                data-slides=slides.map(|n| n.to_string())>
                                <span class="story-title">{move || title.get(lang.get()).to_string()}</span>
                                {slides.map(|n| view! {
                                    <span class="story-slides">{move || {
                                        let l = lang.get();
                                        if n == 1 { tf(l).slide_one.to_string() } else { fill(tf(l).slides_n, &[("n", &count(l, n as u64))]) }
                                    }}</span>
                                })}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}
