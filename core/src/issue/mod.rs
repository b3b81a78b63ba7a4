//! Every problem Bridges can report about input, in one place, located and phrased for people.

use std::fmt;

mod expected;

pub use expected::Expected;

/// What happened to the record because of a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Consequence {
    /// The record could not be used and was left out (it is listed, not lost silently).
    RecordSkipped,
    /// The record was kept; this one value is treated as unknown.
    ValueIgnored,
    /// The record was kept as it is; the value looks doubtful.
    Kept,
}

/// A located problem in a dataset: which source, which record, which field, what was expected.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DataIssue {
    /// The file or URL the record came from: shared by every issue of the file, so a file with
    /// 200,000 problems and a long `?data=` URL holds one copy of it, not 200,000.
    pub source: std::sync::Arc<str>,
    /// Zero-based position in the `projects` array.
    pub record: Option<usize>,
    pub id: Option<String>,
    /// Dotted path of the field inside the record, e.g. `amount.value`.
    pub field: Option<String>,
    pub expected: Expected,
    /// A short excerpt of what was found (truncated, plain text).
    pub found: Option<String>,
    pub consequence: Consequence,
}

impl DataIssue {
    /// Where the problem is, e.g. `record 12 (id "A-7"), field amount.value`.
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = self.record {
            // People count from 1; the record number matches the position in the file's list.
            let mut s = format!("record {}", r + 1);
            if let Some(id) = &self.id {
                s.push_str(&format!(" (id \"{id}\")"));
            }
            parts.push(s);
        }
        if let Some(f) = &self.field {
            parts.push(format!("field {f}"));
        }
        parts.join(", ")
    }

    pub fn consequence_text(&self) -> &'static str {
        match self.consequence {
            Consequence::RecordSkipped => "record skipped",
            Consequence::ValueIgnored => "record kept, value treated as unknown",
            Consequence::Kept => "record kept",
        }
    }
}

impl fmt::Display for DataIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: expected {}",
            self.source,
            self.location(),
            self.expected
        )?;
        if let Some(found) = &self.found {
            write!(f, ", found {found}")?;
        }
        write!(f, " ({})", self.consequence_text())
    }
}

/// A problem that stops a whole file from being used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched (network, CORS, …).
    Fetch { source: String, message: String },
    /// The server answered with an error status.
    Http { source: String, status: u16 },
    /// The bytes are not JSON; line and column are 1-based.
    NotJson {
        source: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not have the shape of the expected file.
    Shape {
        source: String,
        expected: String,
        found: String,
    },
    /// The file declares a schema this version of Bridges does not read.
    Schema {
        source: String,
        expected: String,
        found: String,
    },
}

impl LoadError {
    pub fn source_name(&self) -> &str {
        match self {
            LoadError::Fetch { source, .. }
            | LoadError::Http { source, .. }
            | LoadError::NotJson { source, .. }
            | LoadError::Shape { source, .. }
            | LoadError::Schema { source, .. } => source,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Fetch { source, message } => {
                write!(f, "{source}: could not be fetched ({message})")
            }
            LoadError::Http { source, status } => {
                write!(f, "{source}: the server answered HTTP {status}")
            }
            LoadError::NotJson {
                source,
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "{source}: not valid JSON at line {line}, column {column}: {message}"
                )
            }
            LoadError::Shape {
                source,
                expected,
                found,
            } => {
                write!(f, "{source}: expected {expected}, found {found}")
            }
            LoadError::Schema {
                source,
                expected,
                found,
            } => write!(
                f,
                "{source}: expected \"schema\": \"{expected}\", found {found}; \
                 this version of Bridges reads {expected} files"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Describes a JSON value briefly and safely for messages: its type and a truncated excerpt.
pub fn describe(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => truncate(&n.to_string(), 40),
        Value::String(s) => format!("\"{}\"", truncate(s, 40)),
        Value::Array(a) => format!(
            "a list of {} item{}",
            a.len(),
            if a.len() == 1 { "" } else { "s" }
        ),
        Value::Object(_) => "an object".into(),
    }
}

/// Cuts a string to at most `max` characters, marking the cut with an ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    // No more bytes than `max` is no more characters: most texts are not counted.
    if s.len() <= max || s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_reads_as_a_sentence() {
        let issue = DataIssue {
            source: "data/projects.json".into(),
            record: Some(11),
            id: Some("A-7".into()),
            field: Some("amount.value".into()),
            expected: Expected::AmountValue,
            found: Some("\"lots\"".into()),
            consequence: Consequence::ValueIgnored,
        };
        assert_eq!(
            issue.to_string(),
            "data/projects.json: record 12 (id \"A-7\"), field amount.value: expected a number from 0 to 10^15, \
             found \"lots\" (record kept, value treated as unknown)"
        );
    }

    #[test]
    fn long_strings_are_truncated_in_messages() {
        let long = "x".repeat(1_000_000);
        let d = describe(&serde_json::Value::String(long));
        assert!(d.chars().count() < 50, "{d}");
        assert!(d.ends_with("…\""));
    }
}
