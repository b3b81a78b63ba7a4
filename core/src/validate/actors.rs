//! A `bridges/2` file's `actors`: the providers and partners that records name by id. A bad actor is
//! left out with a located problem (`actors[3].kind`), and the records naming it then lose that id.

use std::sync::Arc;

use serde_json::Value;

use crate::issue::{describe, truncate, Consequence, DataIssue, Expected};
use crate::model::*;
use crate::reference::ReferenceIndex;

use super::MAX_TEXT;

/// The declared actors, in file order, ids unique.
pub(super) fn read_actors(
    source: &Arc<str>,
    actors: Option<&Value>,
    reference: &ReferenceIndex,
    issues: &mut Vec<DataIssue>,
) -> Vec<Actor> {
    let mut problem = |field: String, expected: Expected, found: &Value, consequence| {
        issues.push(DataIssue {
            source: Arc::clone(source),
            record: None,
            id: None,
            field: Some(field),
            expected,
            found: Some(describe(found)),
            consequence,
        })
    };
    let list = match actors {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => {
            problem(
                "actors".into(),
                Expected::List,
                other,
                Consequence::ValueIgnored,
            );
            return Vec::new();
        }
    };
    let mut out: Vec<Actor> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let at = |f: &str| format!("actors[{i}].{f}");
        let text = |f: &str| {
            v.get(f)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| truncate(s, MAX_TEXT))
        };
        let Value::Object(_) = v else {
            problem(
                format!("actors[{i}]"),
                Expected::ActorObject,
                v,
                Consequence::RecordSkipped,
            );
            continue;
        };
        let id = v.get("id").and_then(Value::as_str).map(str::trim);
        let Some(id) = id.filter(|id| is_actor_id(id) && !out.iter().any(|a| a.id == *id)) else {
            let found = v.get("id").unwrap_or(&Value::Null);
            problem(
                at("id"),
                Expected::ActorId,
                found,
                Consequence::RecordSkipped,
            );
            continue;
        };
        let Some(name_en) = text("name_en") else {
            let found = v.get("name_en").unwrap_or(&Value::Null);
            problem(
                at("name_en"),
                Expected::ActorObject,
                found,
                Consequence::RecordSkipped,
            );
            continue;
        };
        let Some(kind) = v
            .get("kind")
            .and_then(Value::as_str)
            .and_then(ActorKind::from_code)
        else {
            let found = v.get("kind").unwrap_or(&Value::Null);
            problem(
                at("kind"),
                Expected::ActorKind,
                found,
                Consequence::RecordSkipped,
            );
            continue;
        };
        // Unknown is not "no": an actor without `southern` is left out, not taken as Northern.
        let Some(southern) = v.get("southern").and_then(Value::as_bool) else {
            let found = v.get("southern").unwrap_or(&Value::Null);
            problem(
                at("southern"),
                Expected::Boolean,
                found,
                Consequence::RecordSkipped,
            );
            continue;
        };
        let country = match v.get("country") {
            None | Some(Value::Null) => None,
            Some(c) => match c.as_str().map(str::trim) {
                Some(code) if reference.country(code).is_some() => Some(code.to_string()),
                _ => {
                    problem(
                        at("country"),
                        Expected::CountryCode,
                        c,
                        Consequence::ValueIgnored,
                    );
                    None
                }
            },
        };
        for f in ["name_zh", "name_zh_source"] {
            if let Some(x) = v.get(f).filter(|x| !x.is_null() && !x.is_string()) {
                problem(at(f), Expected::Text, x, Consequence::ValueIgnored);
            }
        }
        out.push(Actor {
            id: id.to_string(),
            name_en,
            name_zh: text("name_zh"),
            name_zh_source: text("name_zh_source"),
            kind,
            country,
            southern,
        });
    }
    out
}
