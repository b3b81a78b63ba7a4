//! The records of a file, read one at a time (ids unique), and the file's `meta`.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::issue::{describe, truncate, Consequence, DataIssue, Expected};
use crate::json::Repair;
use crate::model::*;
use crate::reference::ReferenceIndex;
use crate::repairs;

use super::record::{ActorRef, RecordReader};
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
    /// Actor ids the kept records name, checked against `actors` at the end.
    refs: Vec<ActorRef>,
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
            refs: Vec::new(),
        }
    }

    /// Validates the next record of the list, with what the tolerant JSON reader changed in it.
    pub(crate) fn push(&mut self, record: Value, repairs: Vec<Repair>) {
        let start = self.issues.len();
        let refs_before = self.refs.len();
        let (exact, replaced) = repairs::notes(&repairs);
        let mut r = RecordReader {
            source: &self.source,
            index: self.seen_records,
            id: None,
            issues: &mut self.issues,
            exact: &exact,
            replaced: &replaced,
            refs: &mut self.refs,
        };
        self.seen_records += 1;
        let mut kept = false;
        if let Some(p) = r.project(record, self.reference) {
            if self.seen.insert(p.id.clone()) {
                self.projects.push(p);
                kept = true;
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
        // The actor ids of a record left out are not checked; those of a kept one know its place.
        if kept {
            let at = self.projects.len() - 1;
            self.refs[refs_before..]
                .iter_mut()
                .for_each(|r| r.project = at);
        } else {
            self.refs.truncate(refs_before);
        }
    }

    /// What was read, to be thrown away (by a reader that found the file broken): the projects and
    /// the ids seen, so that the caller can free them a batch at a time.
    pub(crate) fn into_garbage(self) -> (Vec<Project>, Vec<String>) {
        (self.projects, self.seen.into_iter().collect())
    }

    /// The dataset, with the document's `meta` (read from `root`); its problems come first, then
    /// what the tolerant JSON reader changed outside the records (`repairs`).
    pub(crate) fn finish(mut self, root: &Map<String, Value>, repairs: &[Repair]) -> Loaded {
        let mut issues = Vec::new();
        let meta = read_meta(&self.source, root.get("meta"), &mut issues);
        // Only a bridges/2 file declares actors; in a bridges/1 file the field is unknown, ignored.
        let actors = if root.get("schema").and_then(Value::as_str) == Some(SCHEMA_2) {
            super::actors::read_actors(
                &self.source,
                root.get("actors"),
                self.reference,
                &mut issues,
            )
        } else {
            Vec::new()
        };
        repairs::document_issues(&self.source, repairs, &mut issues);
        issues.extend(std::mem::take(&mut self.issues));
        self.undeclared_actors(&actors, &mut issues);
        Loaded {
            dataset: Dataset {
                meta,
                actors,
                projects: self.projects,
                parts: Vec::new(),
            },
            issues,
        }
    }

    /// Drops the actor ids that no declared actor has, each with a located problem.
    fn undeclared_actors(&mut self, actors: &[Actor], issues: &mut Vec<DataIssue>) {
        let declared: std::collections::HashSet<&str> =
            actors.iter().map(|a| a.id.as_str()).collect();
        for r in std::mem::take(&mut self.refs) {
            if declared.contains(r.value.as_str()) {
                continue;
            }
            if let Some(p) = self.projects.get_mut(r.project) {
                p.providers.retain(|x| *x != r.value);
                p.partners.retain(|x| x.actor != r.value);
            }
            issues.push(DataIssue {
                source: std::sync::Arc::clone(&self.source),
                record: Some(r.record),
                id: r.id,
                field: Some(r.field),
                expected: Expected::ProviderRef,
                found: Some(format!("\"{}\"", truncate(&r.value, 40))),
                consequence: Consequence::ValueIgnored,
            });
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
