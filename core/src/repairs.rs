//! What the tolerant JSON reader ([`crate::json`]) changed, as located [`DataIssue`]s: shared by both
//! readers of a project file, so that they report exactly the same.

use crate::issue::{truncate, Consequence, DataIssue, Expected};
use crate::json::{path_text, Fix, Parsed, Repair, Seg, MAX_NESTING};

/// "found" of a value nested too deep.
pub const DEEPER: &str = "deeper nesting";

/// The repairs of a document: those outside the `projects` list serde_json keeps (in document
/// order), and those inside each of its records (paths relative to the record). Repairs inside an
/// earlier `projects` member (which serde_json drops) are dropped with it.
pub fn split(parsed: &mut Parsed) -> (Vec<Repair>, Vec<Vec<Repair>>) {
    let mut root = Vec::new();
    let mut records: Vec<Vec<Repair>> = Vec::new();
    for r in std::mem::take(&mut parsed.repairs) {
        let in_projects = matches!(r.path.first(), Some(Seg::Key(k)) if k == "projects");
        let kept_list = r.member.is_some() && r.member == parsed.projects_member;
        match (in_projects, kept_list, r.path.get(1)) {
            (true, true, Some(Seg::Index(i))) => {
                let i = *i;
                if records.len() <= i {
                    records.resize_with(i + 1, Vec::new);
                }
                records[i].push(Repair {
                    path: r.path[2..].to_vec(),
                    ..r
                });
            }
            (true, false, _) => {}
            _ => root.push(r),
        }
    }
    (root, records)
}

/// What to say about a repair: expected, found, consequence. `None` for a note ([`Fix::Exact`]).
fn words(fix: &Fix) -> Option<(Expected, String, Consequence)> {
    match fix {
        Fix::OutOfRange(text) => {
            let n = text.chars().count();
            let found = if n <= 40 {
                text.clone()
            } else {
                format!("a number written with {n} characters")
            };
            Some((Expected::NumberInRange, found, Consequence::ValueIgnored))
        }
        Fix::Surrogate(escape) => Some((
            Expected::NoLoneSurrogates,
            truncate(escape, 40),
            Consequence::Kept,
        )),
        Fix::TooDeep => Some((
            Expected::AtMostNesting(MAX_NESTING),
            DEEPER.into(),
            Consequence::ValueIgnored,
        )),
        Fix::Exact(_) => None,
    }
}

/// Issues for repairs outside the records (in `meta` or another member of the document).
pub fn document_issues(source: &str, repairs: &[Repair], issues: &mut Vec<DataIssue>) {
    for r in repairs {
        if let Some((expected, found, consequence)) = words(&r.fix) {
            let field = path_text(&r.path);
            issues.push(DataIssue {
                source: source.into(),
                record: None,
                id: None,
                field: (!field.is_empty()).then_some(field),
                expected,
                found: Some(found),
                consequence,
            });
        }
    }
}

/// Adds a record's repairs to its issues (`issues`, those the validator gave it). A value replaced with
/// `null` that the validator reported (as `null`) is that report, with the value as found; any other
/// repair is an issue of its own. A skipped record is reported once, with the reason it was skipped.
pub fn record_issues(
    source: &str,
    record: usize,
    id: Option<String>,
    repairs: &[Repair],
    issues: &mut [DataIssue],
) -> Vec<DataIssue> {
    let skipped = issues
        .iter()
        .any(|i| i.consequence == Consequence::RecordSkipped);
    let mut extra = Vec::new();
    for r in repairs {
        let Some((expected, found, consequence)) = words(&r.fix) else {
            continue;
        };
        let field = path_text(&r.path);
        if !matches!(r.fix, Fix::Surrogate(_)) {
            let reported = issues.iter_mut().find(|i| {
                i.field.as_deref().unwrap_or("") == field && i.found.as_deref() == Some("null")
            });
            if let Some(issue) = reported {
                issue.found = Some(found);
                continue;
            }
        }
        if !skipped {
            extra.push(DataIssue {
                source: source.into(),
                record: Some(record),
                id: id.clone(),
                field: (!field.is_empty()).then_some(field),
                expected,
                found: Some(found),
                consequence,
            });
        }
    }
    extra
}

/// What the validator needs to know of a record's repairs: the exact whole numbers noted, by field
/// path, and the paths of the values replaced with `null`.
#[allow(clippy::type_complexity)]
pub fn notes(repairs: &[Repair]) -> (Vec<(String, Option<String>)>, Vec<String>) {
    let mut exact = Vec::new();
    let mut replaced = Vec::new();
    for r in repairs {
        match &r.fix {
            Fix::Exact(n) => exact.push((path_text(&r.path), n.clone())),
            Fix::OutOfRange(_) | Fix::TooDeep => replaced.push(path_text(&r.path)),
            Fix::Surrogate(_) => {}
        }
    }
    (exact, replaced)
}
