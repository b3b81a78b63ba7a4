//! Stories for the "Present" mode: a `bridges-story/1` file is a list of slides, each an in-app view
//! (path and URL state) with a title, a narration and speaker notes in English and Chinese.
//!
//! Reading is tolerant in the way [`crate::validate`] is: the file fails as a whole only when it is not
//! JSON, not an object, declares another format, has an invalid id or has no usable slide. A bad slide
//! is skipped and reported; a bad value inside a good slide is dropped or cut and reported. Every
//! decision is a located [`StoryIssue`]. Nothing here panics on any input.
//!
//! Narration may hold placeholders (`{count}`, `{amount}`, …, see [`PLACEHOLDERS`]) that [`narrate`]
//! fills from [`Facts`] computed live on the slide's filtered view, so a story never types a figure
//! that the data computes. A missing fact reads "unknown" / "未知", never zero.
//!
//! The schema is documented in `docs/stories.md` and `public/schema/bridges-story-1.schema.json`.

/// The format identifier a story file must declare in `"format"`.
pub const FORMAT: &str = "bridges-story/1";
/// The format identifier of `stories/index.json`.
pub const INDEX_FORMAT: &str = "bridges-story-index/1";
/// Most slides a story may have; later ones are skipped (and reported).
pub const MAX_SLIDES: usize = 200;
/// Longest story or slide title, in characters; longer text is cut (and reported).
pub const MAX_TITLE: usize = 200;
/// Longest story description.
pub const MAX_DESCRIPTION: usize = 2000;
/// Longest narration (per language).
pub const MAX_NARRATION: usize = 2000;
/// Longest speaker notes (per language).
pub const MAX_NOTES: usize = 5000;
/// Longest slide query; a longer one makes the slide unusable (a cut URL state means nothing).
pub const MAX_QUERY: usize = 2000;
/// Longest story id.
pub const MAX_ID: usize = 64;
/// Longest project id in a `/projects/<id>` view, in characters (decoded: `a%2Fb` is 3).
pub const MAX_PROJECT_ID: usize = 200;

/// The views a slide may show, besides `/projects/<id>`.
pub const VIEWS: [&str; 6] = ["/", "/explore", "/map", "/table", "/about", "/partners"];

/// Query parameters that belong to the presenter, not to a slide: the language and theme are the
/// audience's choice, the dataset is the one the story is presented on, and `slide`, `view` and the
/// embed options are the presenter's own. They are removed from a slide's query and reported.
pub const PRESENTER_PARAMS: [&str; 9] = [
    "lang", "theme", "data", "slide", "view", "embed", "controls", "accent", "height",
];

/// The placeholders [`narrate`] fills, as written in narration (without braces).
pub const PLACEHOLDERS: [&str; 9] = [
    "count",
    "amount",
    "amount_known",
    "countries",
    "first_year",
    "last_year",
    "top_sector",
    "top_country",
    "top_region",
];

mod index;
mod model;
mod narration;
mod parse;
mod reader;
mod writer;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

pub use index::{parse_index, IndexEntry};
pub use model::{
    canonical_view, check_view, is_story_id, narration_filters, Bilingual, Slide, Story,
    StoryConsequence, StoryError, StoryErrorKind, StoryIssue,
};
pub use narration::{facts, narrate, Facts};
pub use parse::parse_story;
pub use writer::to_json;
