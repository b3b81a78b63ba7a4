//! Reading `stories/index.json`, the list of stories the presenter offers.

use serde_json::{Map, Value};

use crate::issue::describe;

use super::model::is_story_id;
use super::reader::{error, Reader};
use super::{
    Bilingual, StoryConsequence, StoryError, StoryErrorKind, StoryIssue, INDEX_FORMAT, MAX_TITLE,
};

/// One entry of `stories/index.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    pub id: String,
    pub title: Bilingual,
}

/// Reads `stories/index.json` (`{"format": "bridges-story-index/1", "stories": [{"id", "title"}]}`).
/// Entries with a bad id are skipped and reported (`slide` is then the entry's 1-based position).
#[allow(clippy::result_large_err)]
pub fn parse_index(text: &str) -> Result<(Vec<IndexEntry>, Vec<StoryIssue>), StoryError> {
    const NAME: &str = "index";
    let value = match crate::json::parse_json(NAME, text) {
        Ok(v) => v,
        Err(e) => {
            let mut err = error(
                StoryErrorKind::NotJson,
                NAME,
                "",
                "a JSON document",
                "an empty file",
            );
            if let crate::issue::LoadError::NotJson {
                line,
                column,
                message,
                ..
            } = e
            {
                err.found = crate::issue::truncate(&message, 200);
                err.line = Some(line);
                err.column = Some(column);
            }
            return Err(err);
        }
    };
    let format = value.get("format").cloned().unwrap_or(Value::Null);
    if format.as_str() != Some(INDEX_FORMAT) {
        return Err(error(
            StoryErrorKind::Format,
            NAME,
            "format",
            format!("\"{INDEX_FORMAT}\""),
            describe(&format),
        ));
    }
    let Some(list) = value.get("stories").and_then(Value::as_array) else {
        return Err(error(
            StoryErrorKind::Shape,
            NAME,
            "stories",
            "a list of stories",
            value
                .get("stories")
                .map_or_else(|| "nothing".to_string(), describe),
        ));
    };
    let mut r = Reader { issues: Vec::new() };
    let mut out: Vec<IndexEntry> = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let empty = Map::new();
        let m = entry.as_object().unwrap_or(&empty);
        match m.get("id").and_then(Value::as_str) {
            Some(id) if is_story_id(id) && !out.iter().any(|e| e.id == id) => {
                let title = r.bilingual(Some(i + 1), "title", m.get("title"), MAX_TITLE, true);
                out.push(IndexEntry {
                    id: id.to_string(),
                    title,
                });
            }
            _ => r.issue(
                Some(i + 1),
                "id",
                "a unique story id (lower-case letters, digits and hyphens)",
                m.get("id").map_or_else(|| describe(entry), describe),
                StoryConsequence::SlideSkipped,
            ),
        }
    }
    Ok((out, r.issues))
}
