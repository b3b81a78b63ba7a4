//! Writing a story back as a `bridges-story/1` file (the story builder's download).

use serde::Serialize;

use super::{Bilingual, Slide, Story, FORMAT};

#[derive(Serialize)]
struct StoryFile<'a> {
    format: &'static str,
    title: &'a Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Bilingual>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dataset: Option<&'a str>,
    slides: &'a [Slide],
}

/// The story as a `bridges-story/1` file (pretty-printed, ending in a newline), for the story builder's
/// download. The id is the file name, so it is not written. Reading it back with [`parse_story`] gives
/// the same story.
pub fn to_json(story: &Story) -> String {
    let file = StoryFile {
        format: FORMAT,
        title: &story.title,
        description: story.description.as_ref(),
        dataset: story.dataset.as_deref(),
        slides: &story.slides,
    };
    match serde_json::to_string_pretty(&file) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Serialising plain strings cannot fail; an empty result would be refused by parse_story.
        Err(_) => String::new(),
    }
}
