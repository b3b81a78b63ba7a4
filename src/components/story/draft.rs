//! The story made in the app ("add this view as a slide"), kept in this browser's localStorage.

use bridges_core::story::{self, Story};

/// The story made in the app ("add this view as a slide"), kept in localStorage.
pub const DRAFT_ID: &str = "draft";
pub const DRAFT_KEY: &str = "bridges-story-draft";

/// The draft's JSON, if there is one.
pub fn draft_text() -> Option<String> {
    crate::storage::local()?.get_item(DRAFT_KEY).ok().flatten()
}

/// Saves the draft; `false` when the browser would not store it.
pub fn save_draft(story: &Story) -> bool {
    crate::storage::local()
        .map(|s| s.set_item(DRAFT_KEY, &story::to_json(story)).is_ok())
        .unwrap_or(false)
}
