//! The story reader's tools: located issues, texts cut to their limits, bilingual fields and
//! placeholders. Slides and the whole file are read in `parse.rs`, the index in `index.rs`.

use serde_json::Value;

use crate::issue::describe;

use super::{
    Bilingual, StoryConsequence, StoryError, StoryErrorKind, StoryIssue, MAX_ID, PLACEHOLDERS,
};

/// Cuts text to at most `max` characters, the last being "…" when cut. Idempotent, so a cut text
/// written back by [`to_json`] reads the same.
pub(super) fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

pub(super) fn excerpt(s: &str) -> String {
    describe(&Value::String(s.to_string()))
}

/// The `{name}` placeholders of a template, as [`crate::i18n::fill`] reads them (a `{` up to the next
/// `}`), with their names.
pub(super) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

pub(super) struct Reader {
    pub(super) issues: Vec<StoryIssue>,
}

impl Reader {
    pub(super) fn issue(
        &mut self,
        slide: Option<usize>,
        field: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
        consequence: StoryConsequence,
    ) {
        self.issues.push(StoryIssue {
            slide,
            field: field.to_string(),
            expected: expected.into(),
            found: found.into(),
            consequence,
        });
    }

    /// One language of a text: trimmed and cut to `max`.
    pub(super) fn text(
        &mut self,
        slide: Option<usize>,
        field: &str,
        v: Option<&Value>,
        max: usize,
    ) -> String {
        match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => {
                let t = s.trim();
                let n = t.chars().count();
                if n > max {
                    self.issue(
                        slide,
                        field,
                        format!("at most {max} characters"),
                        format!("{n} characters"),
                        StoryConsequence::TextCut,
                    );
                }
                cut(t, max)
            }
            Some(other) => {
                self.issue(
                    slide,
                    field,
                    "a string",
                    describe(other),
                    StoryConsequence::ValueIgnored,
                );
                String::new()
            }
        }
    }

    /// A `{"en": …, "zh": …}` text. A bare string is accepted as the English text (and reported).
    /// `required`: a missing or empty text is reported.
    pub(super) fn bilingual(
        &mut self,
        slide: Option<usize>,
        field: &str,
        v: Option<&Value>,
        max: usize,
        required: bool,
    ) -> Bilingual {
        let before = self.issues.len();
        let out = match v {
            None | Some(Value::Null) => Bilingual::default(),
            Some(Value::Object(m)) => Bilingual {
                en: self.text(slide, &format!("{field}.en"), m.get("en"), max),
                zh: self.text(slide, &format!("{field}.zh"), m.get("zh"), max),
            },
            Some(s @ Value::String(_)) => {
                self.issue(
                    slide,
                    field,
                    "an object {\"en\": …, \"zh\": …}",
                    "a plain string (used as the English text)",
                    StoryConsequence::Kept,
                );
                Bilingual {
                    en: self.text(slide, &format!("{field}.en"), Some(s), max),
                    zh: String::new(),
                }
            }
            Some(other) => {
                self.issue(
                    slide,
                    field,
                    "an object {\"en\": …, \"zh\": …}",
                    describe(other),
                    StoryConsequence::ValueIgnored,
                );
                Bilingual::default()
            }
        };
        // A wrong value is reported once: an empty text is only news if nothing else was said.
        if required && out.is_empty() && self.issues.len() == before {
            self.issue(
                slide,
                field,
                "a text in English or Chinese",
                if v.is_none() {
                    "nothing"
                } else {
                    "an empty text"
                },
                StoryConsequence::Kept,
            );
        }
        out
    }

    /// Reports placeholders that [`narrate`] does not know; they are shown as written.
    pub(super) fn check_placeholders(
        &mut self,
        slide: Option<usize>,
        field: &str,
        text: &Bilingual,
    ) {
        for (lang, t) in [("en", &text.en), ("zh", &text.zh)] {
            for name in placeholders(t) {
                if !PLACEHOLDERS.contains(&name) {
                    self.issue(
                        slide,
                        &format!("{field}.{lang}"),
                        "a known placeholder: {count}, {amount}, {amount_known}, {countries}, \
                         {first_year}, {last_year}, {top_sector}, {top_country} or {top_region}",
                        excerpt(&format!("{{{name}}}")),
                        StoryConsequence::Kept,
                    );
                }
            }
        }
    }
}

pub(super) fn error(
    kind: StoryErrorKind,
    id: &str,
    field: &str,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> StoryError {
    StoryError {
        kind,
        id: crate::issue::truncate(id, MAX_ID),
        field: field.into(),
        expected: expected.into(),
        found: found.into(),
        line: None,
        column: None,
        issues: Vec::new(),
    }
}
