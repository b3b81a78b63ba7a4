//! One record read field by field: the reader, its issue helpers, the id, title, texts, codes and SDGs.
//! The other fields are read in the sibling modules, each an `impl RecordReader` of its own.

use serde_json::{Map, Value};

use crate::issue::{describe, truncate, Consequence, DataIssue, Expected};
use crate::model::*;
use crate::reference::ReferenceIndex;
use crate::text::is_blank;

use super::MAX_TEXT;

pub(super) struct RecordReader<'a> {
    pub(super) source: &'a std::sync::Arc<str>,
    pub(super) index: usize,
    pub(super) id: Option<String>,
    pub(super) issues: &'a mut Vec<DataIssue>,
    /// Whole numbers read exactly from the text, by field path ([`json::Fix::Exact`]).
    pub(super) exact: &'a [(String, Option<String>)],
    /// Paths of values the tolerant JSON reader replaced with `null`.
    pub(super) replaced: &'a [String],
    /// Actor ids this record names (`providers`, `partners[].actor`), checked against the file's
    /// `actors` once the whole file is read (they may come after the projects).
    pub(super) refs: &'a mut Vec<ActorRef>,
}

/// An actor id a record names, to be checked against the declared actors.
pub(crate) struct ActorRef {
    pub(super) record: usize,
    pub(super) id: Option<String>,
    /// `providers[2]` or `partners[0].actor`.
    pub(super) field: String,
    pub(super) value: String,
    /// The record's place in the dataset's projects, once it is kept.
    pub(super) project: usize,
}

impl RecordReader<'_> {
    /// The whole number `v` is, in decimal, read exactly as written: `7`, and also `7.0`, `7e0` or
    /// `0.7e1` (JSON Schema's integers); not `7.5`, nor `999999999999999.9` (which an f64 rounds to
    /// 1e15).
    pub(super) fn whole(&self, field: &str, v: &Value) -> Option<String> {
        let Value::Number(n) = v else {
            return None;
        };
        if let Some(u) = n.as_u64() {
            return Some(u.to_string());
        }
        if let Some(i) = n.as_i64() {
            return Some(i.to_string());
        }
        // A number whose f64 may not be exact (an exponent, 16 digits or more) was noted with its
        // exact value; any other is exactly its f64.
        if let Some((_, exact)) = self.exact.iter().find(|(p, _)| p == field) {
            return exact.clone();
        }
        let f = n.as_f64()?;
        (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then(|| format!("{}", f as i64))
    }

    pub(super) fn issue(
        &mut self,
        field: &str,
        expected: Expected,
        found: Option<String>,
        consequence: Consequence,
    ) {
        self.issues.push(DataIssue {
            source: std::sync::Arc::clone(self.source),
            record: Some(self.index),
            id: self.id.clone(),
            field: (!field.is_empty()).then(|| field.to_string()),
            expected,
            found,
            consequence,
        });
    }

    pub(super) fn bad(&mut self, field: &str, expected: Expected, found: &Value) {
        self.issue(
            field,
            expected,
            Some(describe(found)),
            Consequence::ValueIgnored,
        );
    }

    pub(super) fn project(&mut self, record: Value, reference: &ReferenceIndex) -> Option<Project> {
        let Value::Object(m) = record else {
            self.issue(
                "",
                Expected::ProjectObject,
                Some(describe(&record)),
                Consequence::RecordSkipped,
            );
            return None;
        };
        // Ids are kept and compared whole: two ids that differ only in their 1000th character are
        // two records (only messages shorten them).
        let whole_id = m.get("id").and_then(|v| self.whole("id", v));
        let id = match (m.get("id"), whole_id) {
            (Some(Value::String(s)), _) if !is_blank(s) => s.trim().to_string(),
            (Some(Value::Number(_)), Some(n)) => n,
            (Some(v), _) => {
                self.issue(
                    "id",
                    Expected::IdValue,
                    Some(describe(v)),
                    Consequence::RecordSkipped,
                );
                return None;
            }
            (None, _) => {
                self.issue(
                    "id",
                    Expected::Id,
                    Some("nothing".into()),
                    Consequence::RecordSkipped,
                );
                return None;
            }
        };
        self.id = Some(truncate(&id, 200));
        // A title of invisible characters only (zero-width spaces, the braille blank, bidi controls)
        // looks empty, so it is a missing title.
        let title = match m.get("title") {
            Some(Value::String(s)) if !is_blank(s) => self.text("title", s),
            Some(v) => {
                self.issue(
                    "title",
                    Expected::VisibleTitle,
                    Some(describe(v)),
                    Consequence::RecordSkipped,
                );
                return None;
            }
            None => {
                self.issue(
                    "title",
                    Expected::Title,
                    Some("nothing".into()),
                    Consequence::RecordSkipped,
                );
                return None;
            }
        };

        let dates = self.dates(&m);
        let years = self.years(&m, &dates);
        Some(Project {
            id,
            title,
            title_zh: self.opt_text(&m, "title_zh"),
            description: self.opt_text(&m, "description"),
            status: self.code(&m, "status", Status::from_code, Expected::StatusCode),
            sector: self.sector(&m),
            sdgs: self.sdgs(&m),
            recipients: self.countries(&m, "recipients", reference),
            regional: self.opt_text(&m, "regional"),
            providers: self.providers(&m, reference),
            partners: self.partners(&m, reference),
            years,
            dates,
            amount: self.amount(&m),
            flow_class: self.code(
                &m,
                "flow_class",
                FlowClass::from_code,
                Expected::FlowClassCode,
            ),
            flow_type: self.opt_text(&m, "flow_type"),
            agencies: self.agencies(&m),
            infrastructure: match m.get("infrastructure") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(v) => {
                    self.bad("infrastructure", Expected::Boolean, v);
                    None
                }
            },
            locations: self.locations(&m),
            sources: self.sources(&m),
            enrichment: self.enrichment(&m),
        })
    }

    pub(super) fn text(&mut self, field: &str, s: &str) -> String {
        let t = s.trim();
        if t.chars().count() > MAX_TEXT {
            self.issue(
                field,
                Expected::AtMostChars(MAX_TEXT),
                Some(format!("{} characters", t.chars().count())),
                Consequence::Kept,
            );
        }
        truncate(t, MAX_TEXT)
    }

    fn opt_text(&mut self, m: &Map<String, Value>, field: &str) -> Option<String> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(self.text(field, s)),
            Some(v) => {
                self.bad(field, Expected::Text, v);
                None
            }
        }
    }

    pub(super) fn code<T>(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        parse: fn(&str) -> Option<T>,
        expected: Expected,
    ) -> Option<T> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match parse(s.trim()) {
                Some(v) => Some(v),
                None => {
                    self.bad(field, expected, &Value::String(s.clone()));
                    None
                }
            },
            Some(v) => {
                self.bad(field, expected, v);
                None
            }
        }
    }

    fn sector(&mut self, m: &Map<String, Value>) -> Option<Sector> {
        let v = m.get("sector")?;
        if v.is_null() {
            return None;
        }
        let code = v
            .get("code")
            .and_then(|c| self.whole("sector.code", c))
            .and_then(|c| c.parse::<u16>().ok())
            .filter(|c| (100..=999).contains(c));
        let Some(code) = code else {
            let found = v.get("code").map(describe).unwrap_or_else(|| describe(v));
            self.issue(
                "sector.code",
                Expected::SectorCode,
                Some(found),
                Consequence::ValueIgnored,
            );
            return None;
        };
        let name = match v.get("name") {
            Some(Value::String(s)) if !s.trim().is_empty() => self.text("sector.name", s),
            _ => String::new(),
        };
        Some(Sector { code, name })
    }

    pub(super) fn list<'v>(&mut self, m: &'v Map<String, Value>, field: &str) -> &'v [Value] {
        match m.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(v) => {
                self.bad(field, Expected::List, v);
                &[]
            }
        }
    }

    fn sdgs(&mut self, m: &Map<String, Value>) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "sdgs").iter().enumerate() {
            let field = format!("sdgs[{i}]");
            match self
                .whole(&field, v)
                .and_then(|g| g.parse::<u64>().ok())
                .filter(|g| (1..=17).contains(g))
            {
                Some(g) if !out.contains(&(g as u8)) => out.push(g as u8),
                Some(_) => {}
                None => self.bad(&field, Expected::Sdg, v),
            }
        }
        out
    }
}
