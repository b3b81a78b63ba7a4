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

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::columns::Name;
use crate::crossfilter::Engine;
use crate::i18n::{self, Lang};
use crate::issue::describe;
use crate::query::{Filters, Stack};

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
/// Longest project id in a `/projects/<id>` view.
pub const MAX_PROJECT_ID: usize = 64;

/// The views a slide may show, besides `/projects/<id>`.
pub const VIEWS: [&str; 5] = ["/", "/explore", "/map", "/table", "/about"];

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
pub fn check_view(view: &str) -> Result<(), &'static str> {
    if VIEWS.contains(&view) {
        return Ok(());
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
    if let Some(id) = view.strip_prefix("/projects/") {
        let ok = !id.is_empty()
            && id.len() <= MAX_PROJECT_ID
            && id
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        return if ok {
            Ok(())
        } else {
            Err("/projects/ followed by a project id of 1–64 letters, digits, _ or -")
        };
    }
    Err("one of /, /explore, /map, /table, /about or /projects/<id>")
}

/// Cuts text to at most `max` characters, the last being "…" when cut. Idempotent, so a cut text
/// written back by [`to_json`] reads the same.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn excerpt(s: &str) -> String {
    describe(&Value::String(s.to_string()))
}

/// The `{name}` placeholders of a template, as [`crate::i18n::fill`] reads them (a `{` up to the next
/// `}`), with their names.
fn placeholders(template: &str) -> Vec<&str> {
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

struct Reader {
    issues: Vec<StoryIssue>,
}

impl Reader {
    fn issue(
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
    fn text(&mut self, slide: Option<usize>, field: &str, v: Option<&Value>, max: usize) -> String {
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
    fn bilingual(
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
    fn check_placeholders(&mut self, slide: Option<usize>, field: &str, text: &Bilingual) {
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
                view.to_string()
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

fn error(
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
            slides: out,
        },
        r.issues,
    ))
}

#[derive(Serialize)]
struct StoryFile<'a> {
    format: &'static str,
    title: &'a Bilingual,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Bilingual>,
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

/// Figures about a slide's filtered view, for its narration. `None` is unknown (rendered "unknown" /
/// "未知"), never zero: [`Facts::default`] is a view about which nothing is known yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Projects in the view.
    pub count: Option<u64>,
    /// Sum of the known amounts (headline currency and price base); `None` if no project has one.
    pub amount: Option<f64>,
    /// Projects with a known amount in the headline currency and price base.
    pub amount_known: Option<u64>,
    /// The currency of `amount`, e.g. `USD`.
    pub currency: String,
    /// Recipient countries with projects in the view.
    pub countries: Option<u64>,
    /// Earliest and latest commitment year in the view.
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The sector, recipient country and region with the most projects in the view (by count; a
    /// selection on that dimension limits the choice to the selected codes; ties go to the name first in
    /// English alphabetical order). Regions are the UN M49 top-level regions unless the view selects
    /// regions or sub-regions.
    pub top_sector: Option<Bilingual>,
    pub top_country: Option<Bilingual>,
    pub top_region: Option<Bilingual>,
}

/// The name with the most projects among `candidates` (name, count), count > 0.
fn top(candidates: impl Iterator<Item = (Bilingual, u32)>) -> Option<Bilingual> {
    candidates
        .filter(|(_, count)| *count > 0)
        .max_by(|(a, x), (b, y)| x.cmp(y).then_with(|| b.en.cmp(&a.en)))
        .map(|(name, _)| name)
}

/// Computes the [`Facts`] of the view `filters` with the crossfilter (as the explorer's headline does).
/// `currency` is the headline currency the columns were built with.
pub fn facts(engine: &mut Engine, filters: &Filters, currency: &str) -> Facts {
    engine.run(filters, Stack::None);
    let (agg, cols) = (&engine.agg, &engine.cols);
    let t = agg.total;
    // Years: the year view counts projects the year filter leaves out, so keep to the range.
    let mut years: Option<(i32, i32)> = None;
    for code in 1..cols.year_codes {
        let Some(y) = cols.year_of_code(code) else {
            continue;
        };
        let inside = filters.from.is_none_or(|a| y >= a) && filters.to.is_none_or(|b| y <= b);
        if agg.by_year.get(code).is_some_and(|g| g.count > 0) && inside {
            years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
        }
    }
    // Each view also counts what its own filter leaves out, so a selection limits the candidates.
    let country_ok = |iso: &String| filters.countries.is_empty() || filters.countries.contains(iso);
    let countries = cols
        .countries
        .iter()
        .enumerate()
        .filter(|(i, iso)| agg.by_country.get(*i).is_some_and(|g| g.count > 0) && country_ok(iso))
        .count();
    let name_of = |name: Option<&Name>, code: String| {
        name.map(Bilingual::from)
            .unwrap_or_else(|| Bilingual::new(code.clone(), code))
    };
    let top_country = top(cols
        .countries
        .iter()
        .enumerate()
        .filter(|(_, iso)| country_ok(iso))
        .map(|(i, iso)| {
            (
                name_of(cols.names.countries.get(iso), iso.clone()),
                agg.by_country.get(i).map_or(0, |g| g.count),
            )
        }));
    let top_sector = top(cols
        .sectors
        .iter()
        .enumerate()
        .filter(|(_, code)| filters.sectors.is_empty() || filters.sectors.contains(code))
        .map(|(i, code)| {
            (
                name_of(cols.names.sectors.get(code), code.to_string()),
                agg.by_sector.get(i).map_or(0, |g| g.count),
            )
        }));
    let top_region = top(cols
        .regions
        .iter()
        .enumerate()
        .filter(|(_, code)| {
            if filters.regions.is_empty() {
                cols.names.top_regions.contains(*code)
            } else {
                filters.regions.contains(*code)
            }
        })
        .map(|(i, code)| {
            (
                name_of(cols.names.regions.get(code), code.clone()),
                agg.by_region.get(i).map_or(0, |g| g.count),
            )
        }));
    Facts {
        count: Some(t.count as u64),
        amount: (t.known > 0).then_some(t.sum),
        amount_known: Some(t.known as u64),
        currency: currency.to_string(),
        countries: Some(countries as u64),
        first_year: years.map(|y| y.0),
        last_year: years.map(|y| y.1),
        top_sector,
        top_country,
        top_region,
    }
}

/// Fills a narration's placeholders from `facts` in `lang`. Numbers follow the language
/// ([`crate::i18n::count`], [`crate::i18n::money`]); a missing fact reads "unknown" / "未知"; an
/// unknown placeholder stays as written.
pub fn narrate(template: &str, facts: &Facts, lang: Lang) -> String {
    let unknown = match lang {
        Lang::En => "unknown",
        Lang::Zh => "未知",
    };
    let number = |n: Option<u64>| n.map_or_else(|| unknown.to_string(), |n| i18n::count(lang, n));
    let year = |y: Option<i32>| y.map_or_else(|| unknown.to_string(), |y| y.to_string());
    let name = |b: &Option<Bilingual>| {
        b.as_ref()
            .map(|b| b.get(lang))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(unknown)
            .to_string()
    };
    let amount = facts.amount.filter(|v| v.is_finite()).map_or_else(
        || unknown.to_string(),
        |v| i18n::money(lang, v, &facts.currency),
    );
    let values = [
        ("count", number(facts.count)),
        ("amount", amount),
        ("amount_known", number(facts.amount_known)),
        ("countries", number(facts.countries)),
        ("first_year", year(facts.first_year)),
        ("last_year", year(facts.last_year)),
        ("top_sector", name(&facts.top_sector)),
        ("top_country", name(&facts.top_country)),
        ("top_region", name(&facts.top_region)),
    ];
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::fill(template, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"{
        "format": "bridges-story/1",
        "title": {"en": "A story", "zh": "一个故事"},
        "slides": [
            {"view": "/explore", "query": "sector=230&from=2000&to=2009&stack=sector",
             "title": {"en": "Energy", "zh": "能源"},
             "narration": {"en": "{count} projects", "zh": "{count}个项目"},
             "notes": {"en": "Say hello.", "zh": "问好。"}},
            {"view": "/projects/22211", "title": {"en": "A record", "zh": "一条记录"}}
        ]
    }"#;

    fn ok(text: &str) -> (Story, Vec<StoryIssue>) {
        parse_story("test", text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn story_with(slide: &str) -> String {
        format!(
            r#"{{"format":"bridges-story/1","title":{{"en":"t","zh":"t"}},"slides":[
                {{"view":"/","title":{{"en":"first","zh":"第一"}}}}, {slide}]}}"#
        )
    }

    #[test]
    fn reads_a_valid_story() {
        let (s, issues) = ok(VALID);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.id, "test");
        assert_eq!(s.title.get(Lang::Zh), "一个故事");
        assert_eq!(s.slides.len(), 2);
        assert_eq!(
            s.slides[0].query, "sector=230&from=2000&to=2009&stack=sector",
            "canonical order"
        );
        assert_eq!(
            s.slides[0].href(),
            "/explore?sector=230&from=2000&to=2009&stack=sector"
        );
        assert_eq!(s.slides[1].query, "");
        assert_eq!(s.slides[1].narration, Bilingual::default());
        assert_eq!(s.description, None);
    }

    #[test]
    fn bilingual_falls_back() {
        let b = Bilingual::new("Energy", "");
        assert_eq!(b.get(Lang::Zh), "Energy");
        let b = Bilingual::new(" ", "能源");
        assert_eq!(b.get(Lang::En), "能源");
        assert_eq!(Bilingual::default().get(Lang::En), "");
    }

    #[test]
    fn bad_slides_are_skipped_and_located() {
        for (view, expected) in [
            ("javascript:alert(1)", "scheme"),
            ("//evil.com", "//"),
            ("https://evil.com/explore", "scheme"),
            ("/explore/../admin", ".."),
            ("/explore?sector=230", "query"),
            ("/settings", "one of"),
            ("/projects/", "project id"),
            ("/projects/a b", "project id"),
            ("/projects/1/2", "project id"),
        ] {
            let text = story_with(&format!(
                r#"{{"view":{},"title":{{"en":"x"}}}}"#,
                serde_json::to_string(view).unwrap()
            ));
            let (s, issues) = ok(&text);
            assert_eq!(s.slides.len(), 1, "{view}: the bad slide is skipped");
            assert_eq!(issues.len(), 1, "{view}: {issues:?}");
            let i = &issues[0];
            assert_eq!(
                (i.slide, i.field.as_str(), i.consequence),
                (Some(2), "view", StoryConsequence::SlideSkipped)
            );
            assert!(i.expected.contains(expected), "{view}: {}", i.expected);
            assert!(
                i.to_string().starts_with("slide 2, field view: expected"),
                "{i}"
            );
        }
        for bad in [
            r#"[1]"#,
            r#"{"title":{"en":"no view"}}"#,
            r#"{"view":7}"#,
            r#"{"view":"/map","query":"a#b"}"#,
            r#"{"view":"/map","query":{"sector":230}}"#,
        ] {
            let (s, issues) = ok(&story_with(bad));
            assert_eq!(s.slides.len(), 1, "{bad}");
            assert!(
                issues
                    .iter()
                    .any(|i| i.slide == Some(2) && i.consequence == StoryConsequence::SlideSkipped),
                "{bad}: {issues:?}"
            );
        }
    }

    #[test]
    fn query_notices_and_presenter_params_are_issues_not_failures() {
        let (s, issues) = ok(&story_with(
            r#"{"view":"/map","query":"?country=SLE~sle&lang=zh&theme=dark&slide=3&data=https%3A%2F%2Fx.org&colour=red&zoom=3","title":{"en":"x"}}"#,
        ));
        assert_eq!(s.slides[1].query, "country=SLE&zoom=3");
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "query.lang",
                "query.theme",
                "query.slide",
                "query.data",
                "query.country",
                "query.colour"
            ]
        );
        assert!(issues
            .iter()
            .all(|i| i.slide == Some(2) && i.consequence == StoryConsequence::ValueIgnored));
        assert_eq!(issues[4].found, "\"country=sle\"");
        assert!(!issues[4].expected.starts_with("expected"));
        assert!(issues[5].expected.contains("parameter"));
    }

    #[test]
    fn long_texts_are_cut_and_reported() {
        let long = "x".repeat(MAX_TITLE + 50);
        let (s, issues) = ok(&story_with(&format!(
            r#"{{"view":"/","title":{{"en":"{long}","zh":"标题"}},"notes":{{"zh":"{}"}}}}"#,
            "注".repeat(MAX_NOTES + 1)
        )));
        assert_eq!(s.slides[1].title.en.chars().count(), MAX_TITLE);
        assert!(s.slides[1].title.en.ends_with('…'));
        assert_eq!(s.slides[1].notes.zh.chars().count(), MAX_NOTES);
        let cut: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.found.as_str()))
            .collect();
        assert_eq!(
            cut,
            [
                ("title.en", "250 characters"),
                ("notes.zh", "5001 characters")
            ]
        );
        // Cutting is idempotent: the written story reads back the same, without new issues.
        let (again, issues) = ok(&to_json(&s));
        assert_eq!(again, s);
        assert!(issues.is_empty(), "{issues:?}");
    }

    #[test]
    fn html_is_kept_verbatim_as_text() {
        let (s, issues) = ok(&story_with(
            r#"{"view":"/","title":{"en":"<script>alert(1)</script>"},"narration":{"en":"<img src=x onerror=alert(1)> {count}"}}"#,
        ));
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.slides[1].title.en, "<script>alert(1)</script>");
        let facts = Facts {
            count: Some(3),
            ..Facts::default()
        };
        assert_eq!(
            narrate(&s.slides[1].narration.en, &facts, Lang::En),
            "<img src=x onerror=alert(1)> 3"
        );
    }

    #[test]
    fn unknown_placeholders_are_reported_and_left_verbatim() {
        let (s, issues) = ok(&story_with(
            r#"{"view":"/","title":{"en":"x"},"narration":{"en":"{count} in {contry}","zh":"{总数}"}}"#,
        ));
        let found: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.field.as_str(), i.found.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("narration.en", "\"{contry}\""),
                ("narration.zh", "\"{总数}\"")
            ]
        );
        assert!(issues
            .iter()
            .all(|i| i.consequence == StoryConsequence::Kept));
        let facts = Facts {
            count: Some(9404),
            ..Facts::default()
        };
        assert_eq!(
            narrate(&s.slides[1].narration.en, &facts, Lang::En),
            "9,404 in {contry}"
        );
    }

    #[test]
    fn whole_file_failures() {
        let kind = |id: &str, text: &str| parse_story(id, text).map(|_| ()).unwrap_err().kind;
        assert_eq!(kind("Bad_Id", VALID), StoryErrorKind::Id);
        assert_eq!(kind("-x", VALID), StoryErrorKind::Id);
        assert_eq!(kind(&"a".repeat(65), VALID), StoryErrorKind::Id);
        assert!(parse_story(&"a".repeat(64), VALID).is_ok());
        assert_eq!(kind("t", ""), StoryErrorKind::NotJson);
        assert_eq!(kind("t", r#"{"format": "#), StoryErrorKind::NotJson);
        assert_eq!(kind("t", "[]"), StoryErrorKind::Shape);
        assert_eq!(kind("t", r#"{"slides":[]}"#), StoryErrorKind::Format);
        assert_eq!(
            kind("t", r#"{"format":"bridges-story/2","slides":[]}"#),
            StoryErrorKind::Format
        );
        assert_eq!(
            kind("t", r#"{"format":"bridges-story/1","slides":{}}"#),
            StoryErrorKind::Shape
        );
        assert_eq!(
            kind("t", r#"{"format":"bridges-story/1","slides":[]}"#),
            StoryErrorKind::NoSlides
        );
        let e = parse_story(
            "t",
            r#"{"format":"bridges-story/1","slides":[{"view":"javascript:x"},3]}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, StoryErrorKind::NoSlides);
        let skipped: Vec<Option<usize>> = e
            .issues
            .iter()
            .filter(|i| i.consequence == StoryConsequence::SlideSkipped)
            .map(|i| i.slide)
            .collect();
        assert_eq!(
            skipped,
            [Some(1), Some(2)],
            "the reasons travel with the error"
        );
        assert_eq!(
            e.to_string(),
            "story \"t\", field slides: expected at least one usable slide, found 2 slides, none usable"
        );
        let e = parse_story("t", "{\"format\": \"bridges-story/1\",\n  \"slides\": [").unwrap_err();
        assert_eq!((e.line, e.kind), (Some(2), StoryErrorKind::NotJson));
        assert!(
            e.to_string()
                .starts_with("story \"t\": not valid JSON at line 2, column"),
            "{e}"
        );
        let e = parse_story("t", r#"{"format":"bridges-story/9","slides":[]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "story \"t\", field format: expected \"bridges-story/1\", found \"bridges-story/9\"; \
             this version of Bridges reads bridges-story/1 stories"
        );
        let e = parse_story("../../etc/passwd", VALID).unwrap_err();
        assert!(e.to_string().starts_with("story id: expected"), "{e}");
    }

    #[test]
    fn too_many_slides_are_cut_at_the_limit() {
        let slide = r#"{"view":"/","title":{"en":"s"}}"#;
        let text = format!(
            r#"{{"format":"bridges-story/1","title":{{"en":"t"}},"slides":[{}]}}"#,
            vec![slide; MAX_SLIDES + 5].join(",")
        );
        let (s, issues) = ok(&text);
        assert_eq!(s.slides.len(), MAX_SLIDES);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].slide, Some(MAX_SLIDES + 1));
        assert_eq!(issues[0].consequence, StoryConsequence::RestSkipped);
    }

    #[test]
    fn wrong_types_and_missing_titles() {
        let (s, issues) = ok(
            r#"{"format":"bridges-story/1","title":"Plain","description":5,"slides":[
                {"view":"/","title":{"en":7,"zh":"标题"},"narration":["x"],"notes":null}]}"#,
        );
        assert_eq!(s.title, Bilingual::new("Plain", ""));
        assert_eq!(s.description, None);
        assert_eq!(s.slides[0].title, Bilingual::new("", "标题"));
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["title", "description", "title.en", "narration"]);
        let (s, issues) = ok(r#"{"format":"bridges-story/1","slides":[{"view":"/map"}]}"#);
        assert_eq!(
            s.title.get(Lang::Zh),
            "test",
            "a story without a title shows its id"
        );
        let located: Vec<(Option<usize>, &str)> =
            issues.iter().map(|i| (i.slide, i.field.as_str())).collect();
        assert_eq!(located, [(None, "title"), (Some(1), "title")]);
        assert_eq!(
            issues[0].to_string(),
            "field title: expected a text in English or Chinese, found nothing (kept as written)"
        );
    }

    #[test]
    fn to_json_round_trips() {
        let (s, _) = ok(VALID);
        let mut s = s;
        s.description = Some(Bilingual::new("About \"quotes\"\nand lines", "说明"));
        let text = to_json(&s);
        assert!(
            text.starts_with("{\n  \"format\": \"bridges-story/1\",\n  \"title\""),
            "{text}"
        );
        let (again, issues) = ok(&text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(again, s);
    }

    #[test]
    fn narration_fills_facts_and_says_unknown() {
        let facts = Facts {
            count: Some(12_000),
            amount: Some(350e6),
            amount_known: Some(7),
            currency: "USD".into(),
            countries: Some(3),
            first_year: Some(2000),
            last_year: Some(2021),
            top_sector: Some(Bilingual::new("Energy", "能源")),
            top_country: Some(Bilingual::new("Angola", "")),
            top_region: None,
        };
        let t = "{count}|{amount}|{amount_known}|{countries}|{first_year}|{last_year}|{top_sector}|{top_country}|{top_region}|{other}";
        assert_eq!(
            narrate(t, &facts, Lang::En),
            "12,000|$350 million|7|3|2000|2021|Energy|Angola|unknown|{other}"
        );
        assert_eq!(
            narrate(t, &facts, Lang::Zh),
            "1.2万|3.5亿美元|7|3|2000|2021|能源|Angola|未知|{other}"
        );
        let nothing = Facts::default();
        assert_eq!(
            narrate("{count} / {amount} / {first_year}", &nothing, Lang::En),
            "unknown / unknown / unknown",
            "missing is not zero"
        );
        assert_eq!(narrate("{amount}", &nothing, Lang::Zh), "未知");
        assert_eq!(
            narrate("{count", &facts, Lang::En),
            "{count",
            "an open brace is text"
        );
    }

    #[test]
    fn index_reads_and_reports() {
        let (entries, issues) = parse_index(
            r#"{"format":"bridges-story-index/1","stories":[
                {"id":"two-decades","title":{"en":"T","zh":"二"}},{"id":"../x"},{"id":"two-decades"},3]}"#,
        )
        .unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].title.get(Lang::Zh), "二");
        assert_eq!(issues.len(), 3);
        assert!(parse_index("[]").is_err());
        assert!(parse_index("").is_err());
    }

    #[test]
    fn views_allowed() {
        for v in VIEWS {
            assert!(check_view(v).is_ok());
        }
        assert!(check_view("/projects/22211").is_ok());
        assert!(check_view("/projects/A-7_b").is_ok());
        assert!(check_view("/projects/%2e%2e").is_err());
        assert!(check_view("/Explore").is_err());
        assert!(check_view("").is_err());
        assert!(check_view("explore").is_err());
        assert!(check_view("/embed/map").is_err());
        assert!(check_view("/present/x").is_err());
    }
}
