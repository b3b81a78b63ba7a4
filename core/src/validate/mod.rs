//! Reading a `bridges/1` project file: tolerant of what can be tolerated, precise about the rest.
//!
//! Each record is checked on its own, so one bad record never costs the others. A record without a
//! usable `id` or `title` is skipped; any other bad value is dropped to "unknown" and the record kept.
//! Every decision is reported as a located [`DataIssue`].

use serde_json::{Map, Value};

use crate::issue::{describe, Consequence, DataIssue, LoadError};
use crate::json::parse_document;
use crate::model::*;
use crate::reference::ReferenceIndex;
use crate::repairs;

/// Earliest and latest plausible years for a cooperation project.
pub const YEAR_RANGE: (i32, i32) = (1900, 2100);
/// Longest text kept from a title or description; longer text is cut (and reported).
pub const MAX_TEXT: usize = 10_000;

/// A dataset as loaded: the valid records, and every problem met on the way.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    pub dataset: Dataset,
    pub issues: Vec<DataIssue>,
}

impl Loaded {
    pub fn skipped(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.consequence == Consequence::RecordSkipped)
            .count()
    }
}

/// Reads a project file in one go: the whole text as one JSON value, then every record. This is the
/// definition of what a file means; [`DatasetReader`] reaches the same result without holding the
/// whole document as JSON values, and falls back to this for any file that is not valid JSON with a
/// `"projects"` list (so that errors are reported exactly as here).
pub fn parse_dataset_whole(
    source: &str,
    text: &str,
    reference: &ReferenceIndex,
) -> Result<Loaded, LoadError> {
    let mut parsed = parse_document(source, text)?;
    let (root_repairs, mut record_repairs) = repairs::split(&mut parsed);
    let mut root = root_object(source, parsed.value)?;
    let projects = match root.remove("projects") {
        Some(Value::Array(a)) => a,
        Some(other) => {
            return Err(LoadError::Shape {
                source: source.into(),
                expected: "\"projects\" to be a list of project records".into(),
                found: describe(&other),
            })
        }
        None => {
            return Err(LoadError::Shape {
                source: source.into(),
                expected: "a \"projects\" list".into(),
                found: "no \"projects\" field".into(),
            })
        }
    };
    let mut records = Records::new(source, reference);
    for (i, record) in projects.into_iter().enumerate() {
        records.push(
            record,
            record_repairs
                .get_mut(i)
                .map(std::mem::take)
                .unwrap_or_default(),
        );
    }
    Ok(records.finish(&root, &root_repairs))
}

/// Checks that the document is an object declaring the `bridges/1` or `bridges/2` schema, and returns it.
pub(crate) fn root_object(source: &str, value: Value) -> Result<Map<String, Value>, LoadError> {
    let Value::Object(root) = value else {
        return Err(LoadError::Shape {
            source: source.into(),
            expected: format!("an object with \"schema\": \"{SCHEMA}\" and a \"projects\" list"),
            found: describe(&value),
        });
    };
    let schema = root.get("schema").unwrap_or(&Value::Null);
    if schema.as_str() != Some(SCHEMA) && schema.as_str() != Some(SCHEMA_2) {
        return Err(LoadError::Schema {
            source: source.into(),
            expected: format!("{SCHEMA} or {SCHEMA_2}"),
            found: describe(schema),
        });
    }
    Ok(root)
}

mod actors;
mod amount;
mod countries;
mod dates;
mod provenance;
mod record;
mod records;

pub(crate) use dates::year_of_date;
pub use records::is_web_url;
pub(crate) use records::Records;
