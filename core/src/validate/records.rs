//! The records of a file, read one at a time (ids unique), and the file's `meta`.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::issue::{describe, truncate, Consequence, DataIssue, Expected};
use crate::json::Repair;
use crate::model::*;
use crate::reference::ReferenceIndex;
use crate::repairs;

use super::record::RecordReader;
use super::{Loaded, MAX_TEXT};

/// The records of the `projects` list, validated one at a time in file order (each on its own, ids
/// unique): shared by [`parse_dataset_whole`] and [`DatasetReader`].
pub(crate) struct Records<'a> {
    source: std::sync::Arc<str>,
    reference: &'a ReferenceIndex,
    seen: HashSet<String>,
    seen_records: usize,
    projects: Vec<Project>,
    issues: Vec<DataIssue>,
}

impl<'a> Records<'a> {
    pub(crate) fn new(source: &'a str, reference: &'a ReferenceIndex) -> Records<'a> {
        Records {
            source: source.into(),
            reference,
            seen: HashSet::new(),
            seen_records: 0,
            projects: Vec::new(),
            issues: Vec::new(),
        }
    }

    /// Validates the next record of the list, with what the tolerant JSON reader changed in it.
    pub(crate) fn push(&mut self, record: Value, repairs: Vec<Repair>) {
        let start = self.issues.len();
        let (exact, replaced) = repairs::notes(&repairs);
        let mut r = RecordReader {
            source: &self.source,
            index: self.seen_records,
            id: None,
            issues: &mut self.issues,
            exact: &exact,
            replaced: &replaced,
        };
        self.seen_records += 1;
        if let Some(p) = r.project(record, self.reference) {
            if self.seen.insert(p.id.clone()) {
                self.projects.push(p);
            } else {
                r.issue(
                    "id",
                    Expected::UniqueId,
                    Some(format!("\"{}\"", truncate(&p.id, 40))),
                    Consequence::RecordSkipped,
                );
            }
        }
        if !repairs.is_empty() {
            let id = r.id.clone();
            let index = self.seen_records - 1;
            let extra = repairs::record_issues(
                &self.source,
                index,
                id,
                &repairs,
                &mut self.issues[start..],
            );
            self.issues.extend(extra);
        }
    }

    /// What was read, to be thrown away (by a reader that found the file broken): the projects and
    /// the ids seen, so that the caller can free them a batch at a time.
    pub(crate) fn into_garbage(self) -> (Vec<Project>, Vec<String>) {
        (self.projects, self.seen.into_iter().collect())
    }

    /// The dataset, with the document's `meta` (read from `root`); its problems come first, then
    /// what the tolerant JSON reader changed outside the records (`repairs`).
    pub(crate) fn finish(self, root: &Map<String, Value>, repairs: &[Repair]) -> Loaded {
        let mut issues = Vec::new();
        let meta = read_meta(&self.source, root.get("meta"), &mut issues);
        repairs::document_issues(&self.source, repairs, &mut issues);
        issues.extend(self.issues);
        Loaded {
            dataset: Dataset {
                meta,
                projects: self.projects,
                parts: Vec::new(),
            },
            issues,
        }
    }
}

fn read_meta(source: &str, meta: Option<&Value>, issues: &mut Vec<DataIssue>) -> Meta {
    let Some(Value::Object(m)) = meta else {
        if let Some(v) = meta {
            issues.push(DataIssue {
                source: source.into(),
                record: None,
                id: None,
                field: Some("meta".into()),
                expected: Expected::Meta,
                found: Some(describe(v)),
                consequence: Consequence::ValueIgnored,
            });
        }
        return Meta {
            title: source.to_string(),
            ..Meta::default()
        };
    };
    let text = |k: &str| {
        m.get(k)
            .and_then(Value::as_str)
            .map(|s| truncate(s.trim(), MAX_TEXT))
            .filter(|s| !s.is_empty())
    };
    Meta {
        title: text("title").unwrap_or_else(|| source.to_string()),
        publisher: text("publisher"),
        citation: text("citation"),
        licence: text("licence"),
        url: text("url").filter(|u| is_web_url(u)),
        generated_by: text("generated_by"),
        price_base: text("price_base"),
    }
}

/// Only http(s) links are ever turned into anchors; anything else (`javascript:`, `data:`) is refused.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.chars().any(|c| c.is_control() || c == ' ')
}
