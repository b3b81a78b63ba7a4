//! What a story is: its texts, slides, the views a slide may show, and the problems met reading one.

use std::fmt;

use serde::Serialize;

use crate::columns::Name;
use crate::i18n::Lang;
use crate::state::Filters;

use super::{FORMAT, MAX_ID, MAX_PROJECT_ID, VIEWS};

/// A text in English and Chinese. Either may be empty; [`Bilingual::get`] then falls back to the other.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Bilingual {
        Bilingual {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `lang`, or in the other language if that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// Both languages empty.
    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }
}

impl From<&Name> for Bilingual {
    fn from(n: &Name) -> Bilingual {
        Bilingual::new(n.en.clone(), n.zh.clone())
    }
}

/// A story: its id (the file name), title, optional description and slides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub title: Bilingual,
    pub description: Option<Bilingual>,
    /// The built-in datasets the story is told on (`aims`, `gcdf3~aims`: ids of `data/catalog.json`,
    /// as in the app's `dataset=`); `None`: whatever data the presenter has loaded.
    pub dataset: Option<String>,
    pub slides: Vec<Slide>,
}

/// One slide: a view of the app and what to say about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Slide {
    /// In-app path: `/`, `/explore`, `/map`, `/table`, `/about` or `/projects/<id>`.
    pub view: String,
    /// The view's URL state in the app's codec ([`crate::query::parse`]), canonical form, no `?`.
    pub query: String,
    pub title: Bilingual,
    /// What the presenter says (or the audience reads); may hold [`PLACEHOLDERS`].
    pub narration: Bilingual,
    /// Speaker notes, shown to the presenter only.
    pub notes: Bilingual,
}

impl Slide {
    /// The in-app address of the slide: `view`, then `?query` if there is one.
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            self.view.clone()
        } else {
            format!("{}?{}", self.view, self.query)
        }
    }

    /// The slide's filters, as the app reads its query.
    pub fn filters(&self) -> Filters {
        crate::query::parse(&self.query).0.filters
    }
}

/// The filters a slide of `view` counts its narration's figures on: the view's own filters, except on
/// the partner finder, whose query is a question (the asking country is not a filter: the finder counts
/// the field's records in every country), so its figures are the field's.
pub fn narration_filters(view: &str, filters: &Filters) -> Filters {
    if view == "/partners" {
        crate::partners::question(filters).1.filters()
    } else {
        filters.clone()
    }
}

/// What happened because of a problem in a story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryConsequence {
    /// The slide cannot be shown and was left out.
    SlideSkipped,
    /// The story has too many slides: this one and all later ones were left out.
    RestSkipped,
    /// The value was not used (the field is empty, or the parameter removed from the query).
    ValueIgnored,
    /// The text was too long and was cut (ending in "…").
    TextCut,
    /// The value was kept as written (e.g. an unknown placeholder is shown verbatim).
    Kept,
}

impl StoryConsequence {
    pub fn text(self) -> &'static str {
        match self {
            StoryConsequence::SlideSkipped => "slide skipped",
            StoryConsequence::RestSkipped => "this and later slides skipped",
            StoryConsequence::ValueIgnored => "value ignored",
            StoryConsequence::TextCut => "text cut",
            StoryConsequence::Kept => "kept as written",
        }
    }
}

/// A located problem in a story that did not stop it from loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryIssue {
    /// 1-based slide number (position in the file's `slides` list); `None` for the story's own fields.
    pub slide: Option<usize>,
    /// Field path inside the slide or story, e.g. `view`, `narration.zh`, `query.sector`; empty for a
    /// whole slide.
    pub field: String,
    /// What was expected, in English.
    pub expected: String,
    /// A short, plain-text excerpt of what was found (truncated).
    pub found: String,
    pub consequence: StoryConsequence,
}

impl StoryIssue {
    /// Where the problem is, e.g. `slide 3, field view`.
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.slide {
            parts.push(format!("slide {s}"));
        }
        if !self.field.is_empty() {
            parts.push(format!("field {}", self.field));
        }
        if parts.is_empty() {
            "story".into()
        } else {
            parts.join(", ")
        }
    }
}

impl fmt::Display for StoryIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, found {} ({})",
            self.location(),
            self.expected,
            self.found,
            self.consequence.text()
        )
    }
}

/// Why a story could not be loaded at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryErrorKind {
    /// The story id (the file name) is not `[a-z0-9][a-z0-9-]{0,63}`.
    Id,
    /// The text is not JSON (see `line` and `column`), or is empty.
    NotJson,
    /// The JSON is not a story object, or `slides` is not a list.
    Shape,
    /// `format` is missing or is not `bridges-story/1`.
    Format,
    /// No slide could be used (see `issues`).
    NoSlides,
}

/// A problem that stops a whole story from being used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    pub kind: StoryErrorKind,
    /// The story id as given (truncated).
    pub id: String,
    /// The field at fault (`format`, `slides`), empty for the whole file or the id.
    pub field: String,
    pub expected: String,
    pub found: String,
    /// 1-based position of a JSON syntax error.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// For [`StoryErrorKind::NoSlides`]: why each slide was left out.
    pub issues: Vec<StoryIssue>,
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == StoryErrorKind::Id {
            return write!(
                f,
                "story id: expected {}, found {}",
                self.expected, self.found
            );
        }
        write!(f, "story \"{}\"", self.id)?;
        if !self.field.is_empty() {
            write!(f, ", field {}", self.field)?;
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ": not valid JSON at line {line}, column {column}")?;
            return write!(f, ": {}", self.found);
        }
        write!(f, ": expected {}, found {}", self.expected, self.found)?;
        if self.kind == StoryErrorKind::Format {
            write!(f, "; this version of Bridges reads {FORMAT} stories")?;
        }
        Ok(())
    }
}

impl std::error::Error for StoryError {}

/// Whether `id` is a valid story id: `[a-z0-9][a-z0-9-]{0,63}`.
pub fn is_story_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID
        && b[0] != b'-'
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Whether `view` is a path a slide may show (see [`VIEWS`]); `Err` says what is wrong with it.
///
/// A project's id is one path segment, percent-encoded where it needs it (`/projects/a%2Fb` is the
/// record `a/b`, `/projects/%E6%B0%B4` the record `水`): any id a data file may hold, so a story can show
/// it. The segment may hold nothing but unreserved characters and `%` escapes, so it never adds a path
/// level, a query, a fragment or a scheme; `.` and `..` are refused, as browsers read even their escaped
/// forms as path steps.
pub fn check_view(view: &str) -> Result<(), &'static str> {
    if VIEWS.contains(&view) {
        return Ok(());
    }
    if let Some(segment) = view.strip_prefix("/projects/") {
        return project_id(segment).map(|_| ());
    }
    if view.contains(':') {
        return Err("an in-app path such as /explore, not an address with a scheme");
    }
    if view.contains("//") {
        return Err("an in-app path such as /explore, not an address (no //)");
    }
    if view.contains("..") {
        return Err("an in-app path without ..");
    }
    if view.contains('?') || view.contains('#') {
        return Err("the path alone; the URL state goes in \"query\"");
    }
    Err("one of /, /explore, /map, /table, /about, /partners or /projects/<id>")
}

/// The project id a `/projects/` view's segment names, decoded.
fn project_id(segment: &str) -> Result<String, &'static str> {
    const EXPECTED: &str = "/projects/ followed by a project id of 1–200 characters, escaped as one path segment (a%2Fb for a/b)";
    let b = segment.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            bytes.push(c);
            i += 1;
            continue;
        }
        let hex = b
            .get(i + 1..i + 3)
            .filter(|h| c == b'%' && h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(v) => bytes.push(v),
            None => return Err(EXPECTED),
        }
        i += 3;
    }
    let decoded = String::from_utf8(bytes).map_err(|_| EXPECTED)?;
    let chars = decoded.chars().count();
    if chars == 0
        || chars > MAX_PROJECT_ID
        || decoded.chars().any(char::is_control)
        || decoded == "."
        || decoded == ".."
    {
        return Err(EXPECTED);
    }
    Ok(decoded)
}

/// `view` in the one spelling the app writes: a project's id escaped as [`crate::route::Page::path`]
/// escapes it (`/projects/a%2fb` → `/projects/a%2Fb`, `/projects/%41` → `/projects/A`). Other views,
/// and views [`check_view`] refuses, are returned as they are.
pub fn canonical_view(view: &str) -> String {
    match view.strip_prefix("/projects/").map(project_id) {
        Some(Ok(id)) => crate::route::Page::Project(id).path(),
        _ => view.to_string(),
    }
}
