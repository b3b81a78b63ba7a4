//! Who took part and where a record comes from: agencies, source links and enrichment.

use serde_json::{Map, Value};

use crate::issue::{truncate, Expected};
use crate::model::*;

use super::is_web_url;
use super::record::RecordReader;

impl RecordReader<'_> {
    fn string_list(&mut self, field: &str, v: Option<&Value>) -> Vec<String> {
        match v {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, s)| match s.as_str().map(str::trim) {
                    Some(s) if !s.is_empty() => Some(truncate(s, 500)),
                    _ => {
                        self.bad(&format!("{field}[{i}]"), Expected::Name, s);
                        None
                    }
                })
                .collect(),
            Some(v) => {
                self.bad(field, Expected::Names, v);
                Vec::new()
            }
        }
    }

    pub(super) fn agencies(&mut self, m: &Map<String, Value>) -> Agencies {
        let Some(a) = m.get("agencies").filter(|v| !v.is_null()) else {
            return Agencies::default();
        };
        Agencies {
            funding: self.string_list("agencies.funding", a.get("funding")),
            receiving: self.string_list("agencies.receiving", a.get("receiving")),
            implementing: self.string_list("agencies.implementing", a.get("implementing")),
        }
    }
    pub(super) fn sources(&mut self, m: &Map<String, Value>) -> Vec<SourceLink> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "sources").iter().enumerate() {
            match v
                .get("url")
                .and_then(Value::as_str)
                .filter(|u| is_web_url(u))
            {
                Some(url) => out.push(SourceLink {
                    url: truncate(url.trim(), 2000),
                    label: v
                        .get("label")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 200)),
                }),
                None => {
                    let found = v.get("url").cloned().unwrap_or_else(|| v.clone());
                    self.bad(&format!("sources[{i}].url"), Expected::WebAddress, &found)
                }
            }
        }
        out
    }

    pub(super) fn enrichment(&mut self, m: &Map<String, Value>) -> Option<Enrichment> {
        let e = m.get("enrichment").filter(|v| !v.is_null())?;
        match e.get("source").and_then(Value::as_str) {
            Some(source) => Some(Enrichment {
                source: truncate(source, 100),
                fields: self.string_list("enrichment.fields", e.get("fields")),
            }),
            None => {
                self.bad("enrichment", Expected::Enrichment, e);
                None
            }
        }
    }
}
