//! Reading a `bridges-story/1` file: a bad slide is skipped, a bad value dropped or cut, each a
//! located [`StoryIssue`].

use serde_json::Value;

use crate::issue::describe;
use crate::query::{is_dataset_id, MAX_DATASETS};

use super::model::{canonical_view, check_view, is_story_id};
use super::reader::{error, excerpt, Reader};
use super::{
    Slide, Story, StoryConsequence, StoryError, StoryErrorKind, StoryIssue, FORMAT,
    MAX_DESCRIPTION, MAX_NARRATION, MAX_NOTES, MAX_QUERY, MAX_SLIDES, MAX_TITLE, PRESENTER_PARAMS,
};

impl Reader {
    /// The story's `dataset`: ids of built-in datasets joined with `~`, as the app's `dataset=`.
    fn dataset(&mut self, v: Option<&Value>) -> Option<String> {
        const EXPECTED: &str = "built-in dataset ids such as \"aims\" or \"gcdf3~aims\"";
        let text = match v {
            None | Some(Value::Null) => return None,
            Some(Value::String(s)) => s.trim(),
            Some(other) => {
                self.issue(
                    None,
                    "dataset",
                    EXPECTED,
                    describe(other),
                    StoryConsequence::ValueIgnored,
                );
                return None;
            }
        };
        let ids: Vec<&str> = text.split('~').collect();
        if text.is_empty() || ids.len() > MAX_DATASETS || !ids.iter().all(|id| is_dataset_id(id)) {
            self.issue(
                None,
                "dataset",
                EXPECTED,
                excerpt(text),
                StoryConsequence::ValueIgnored,
            );
            return None;
        }
        let mut seen = std::collections::BTreeSet::new();
        let ids: Vec<&str> = ids.into_iter().filter(|id| seen.insert(*id)).collect();
        Some(ids.join("~"))
    }

    /// A slide's query: checked, presenter parameters removed, decoded with the app's codec and
    /// written back in canonical form. `None` if the slide cannot be used.
    fn query(&mut self, slide: usize, v: Option<&Value>) -> Option<String> {
        let raw = match v {
            None | Some(Value::Null) => return Some(String::new()),
            Some(Value::String(s)) => s.trim(),
            Some(other) => {
                self.issue(
                    Some(slide),
                    "query",
                    "a query string such as \"sector=230&from=2000&to=2009\"",
                    describe(other),
                    StoryConsequence::SlideSkipped,
                );
                return None;
            }
        };
        let raw = raw.strip_prefix('?').unwrap_or(raw);
        let n = raw.chars().count();
        if n > MAX_QUERY {
            self.issue(
                Some(slide),
                "query",
                format!("a query string of at most {MAX_QUERY} characters"),
                format!("{n} characters"),
                StoryConsequence::SlideSkipped,
            );
            return None;
        }
        if raw.contains('#') {
            self.issue(
                Some(slide),
                "query",
                "a query string without # (no fragment)",
                excerpt(raw),
                StoryConsequence::SlideSkipped,
            );
            return None;
        }
        let mut kept = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let k = key.trim();
            if PRESENTER_PARAMS.contains(&k) {
                self.issue(
                    Some(slide),
                    &format!("query.{k}"),
                    "no language, theme, dataset, slide or embed parameter in a slide \
                     (the presenter chooses them)",
                    excerpt(&format!("{k}={value}")),
                    StoryConsequence::ValueIgnored,
                );
            } else {
                kept.append_pair(&key, &value);
            }
        }
        let (state, notices) = crate::query::parse(&kept.finish());
        for notice in notices {
            let expected = match notice.reason.strip_prefix("expected ") {
                Some(rest) => rest.to_string(),
                None if notice.reason == "unknown parameter" => {
                    "a parameter the app reads (docs/stories.md lists them)".to_string()
                }
                None => notice.reason.clone(),
            };
            self.issue(
                Some(slide),
                &format!("query.{}", notice.param),
                expected,
                excerpt(&format!("{}={}", notice.param, notice.value)),
                StoryConsequence::ValueIgnored,
            );
        }
        Some(crate::query::to_query(&state))
    }

    fn slide(&mut self, index: usize, v: &Value) -> Option<Slide> {
        let n = index + 1;
        let Value::Object(m) = v else {
            self.issue(
                Some(n),
                "",
                "a slide object with view, query, title, narration and notes",
                describe(v),
                StoryConsequence::SlideSkipped,
            );
            return None;
        };
        let view = match m.get("view") {
            Some(Value::String(s)) => {
                let view = s.trim();
                if let Err(expected) = check_view(view) {
                    self.issue(
                        Some(n),
                        "view",
                        expected,
                        excerpt(view),
                        StoryConsequence::SlideSkipped,
                    );
                    return None;
                }
                canonical_view(view)
            }
            Some(other) => {
                self.issue(
                    Some(n),
                    "view",
                    "an in-app path such as \"/explore\"",
                    describe(other),
                    StoryConsequence::SlideSkipped,
                );
                return None;
            }
            None => {
                self.issue(
                    Some(n),
                    "view",
                    "an in-app path such as \"/explore\"",
                    "nothing",
                    StoryConsequence::SlideSkipped,
                );
                return None;
            }
        };
        let query = self.query(n, m.get("query"))?;
        let title = self.bilingual(Some(n), "title", m.get("title"), MAX_TITLE, true);
        let narration = self.bilingual(
            Some(n),
            "narration",
            m.get("narration"),
            MAX_NARRATION,
            false,
        );
        self.check_placeholders(Some(n), "narration", &narration);
        let notes = self.bilingual(Some(n), "notes", m.get("notes"), MAX_NOTES, false);
        Some(Slide {
            view,
            query,
            title,
            narration,
            notes,
        })
    }
}

/// Reads a `bridges-story/1` file named `id` (its file name without `.json`).
// The error carries the reasons for every slide; it is made once per story load, so its size is no cost.
#[allow(clippy::result_large_err)]
pub fn parse_story(id: &str, text: &str) -> Result<(Story, Vec<StoryIssue>), StoryError> {
    if !is_story_id(id) {
        return Err(error(
            StoryErrorKind::Id,
            id,
            "",
            "1–64 lower-case letters, digits and hyphens, starting with a letter or digit",
            excerpt(id),
        ));
    }
    let value = match crate::json::parse_json(id, text) {
        Ok(v) => v,
        Err(crate::issue::LoadError::NotJson {
            line,
            column,
            message,
            ..
        }) => {
            let mut e = error(
                StoryErrorKind::NotJson,
                id,
                "",
                "a JSON document",
                crate::issue::truncate(&message, 200),
            );
            e.line = Some(line);
            e.column = Some(column);
            return Err(e);
        }
        Err(_) => {
            return Err(error(
                StoryErrorKind::NotJson,
                id,
                "",
                "a JSON document",
                "an empty file",
            ))
        }
    };
    let Value::Object(root) = value else {
        return Err(error(
            StoryErrorKind::Shape,
            id,
            "",
            format!("an object with \"format\": \"{FORMAT}\" and a \"slides\" list"),
            describe(&value),
        ));
    };
    match root.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            return Err(error(
                StoryErrorKind::Format,
                id,
                "format",
                format!("\"{FORMAT}\""),
                describe(other),
            ))
        }
        None => {
            return Err(error(
                StoryErrorKind::Format,
                id,
                "format",
                format!("\"{FORMAT}\""),
                "no \"format\" field",
            ))
        }
    }
    let slides = match root.get("slides") {
        Some(Value::Array(a)) => a,
        Some(other) => {
            return Err(error(
                StoryErrorKind::Shape,
                id,
                "slides",
                "a list of slides",
                describe(other),
            ))
        }
        None => {
            return Err(error(
                StoryErrorKind::Shape,
                id,
                "slides",
                "a list of slides",
                "no \"slides\" field",
            ))
        }
    };
    let mut r = Reader { issues: Vec::new() };
    let mut title = r.bilingual(None, "title", root.get("title"), MAX_TITLE, true);
    if title.is_empty() {
        // A story always has something to show as its title: its id.
        title.en = id.to_string();
    }
    let description = Some(r.bilingual(
        None,
        "description",
        root.get("description"),
        MAX_DESCRIPTION,
        false,
    ))
    .filter(|d| !d.is_empty());
    let dataset = r.dataset(root.get("dataset"));
    let mut out = Vec::new();
    for (index, v) in slides.iter().enumerate() {
        if index >= MAX_SLIDES {
            r.issue(
                Some(index + 1),
                "slides",
                format!("at most {MAX_SLIDES} slides"),
                format!("{} slides", slides.len()),
                StoryConsequence::RestSkipped,
            );
            break;
        }
        if let Some(s) = r.slide(index, v) {
            out.push(s);
        }
    }
    if out.is_empty() {
        let mut e = error(
            StoryErrorKind::NoSlides,
            id,
            "slides",
            "at least one usable slide",
            if slides.is_empty() {
                "an empty list".to_string()
            } else {
                format!(
                    "{} slide{}, none usable",
                    slides.len(),
                    if slides.len() == 1 { "" } else { "s" }
                )
            },
        );
        e.issues = r.issues;
        return Err(e);
    }
    Ok((
        Story {
            id: id.to_string(),
            title,
            description,
            dataset,
            slides: out,
        },
        r.issues,
    ))
}
