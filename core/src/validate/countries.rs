//! A record's countries: provider and recipient codes, partners and locations.

use serde_json::{Map, Value};

use crate::issue::{truncate, Expected};
use crate::model::*;
use crate::reference::ReferenceIndex;

use super::record::{ActorRef, RecordReader};

impl RecordReader<'_> {
    fn country_code(
        &mut self,
        field: &str,
        v: &Value,
        reference: &ReferenceIndex,
    ) -> Option<String> {
        match v.as_str().map(str::trim) {
            Some(code) if reference.country(code).is_some() => Some(code.to_string()),
            _ => {
                self.bad(field, Expected::CountryCode, v);
                None
            }
        }
    }

    pub(super) fn countries(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        reference: &ReferenceIndex,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in self.list(m, field).iter().enumerate() {
            if let Some(code) = self.country_code(&format!("{field}[{i}]"), v, reference) {
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    /// A known ISO-3 code, or an actor id (`bridges/2`), kept and checked against the file's
    /// `actors` at its end.
    fn actor_or_country(
        &mut self,
        field: &str,
        v: &Value,
        reference: &ReferenceIndex,
    ) -> Option<String> {
        match v.as_str().map(str::trim) {
            Some(id) if is_actor_id(id) => {
                self.refs.push(ActorRef {
                    record: self.index,
                    id: self.id.clone(),
                    field: field.to_string(),
                    value: id.to_string(),
                    project: usize::MAX,
                });
                Some(id.to_string())
            }
            _ => self.country_code(field, v, reference),
        }
    }

    pub(super) fn providers(
        &mut self,
        m: &Map<String, Value>,
        reference: &ReferenceIndex,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in self.list(m, "providers").iter().enumerate() {
            if let Some(code) = self.actor_or_country(&format!("providers[{i}]"), v, reference) {
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    pub(super) fn partners(
        &mut self,
        m: &Map<String, Value>,
        reference: &ReferenceIndex,
    ) -> Vec<Partner> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "partners").iter().enumerate() {
            // A country by its ISO-3 code, or (bridges/2) an actor by its id.
            let named = match (v.get("country"), v.get("actor")) {
                (Some(c), _) => self.country_code(&format!("partners[{i}].country"), c, reference),
                (None, Some(a)) if a.as_str().is_some_and(|a| is_actor_id(a.trim())) => {
                    self.actor_or_country(&format!("partners[{i}].actor"), a, reference)
                }
                (None, Some(a)) => {
                    self.bad(&format!("partners[{i}].actor"), Expected::ActorId, a);
                    None
                }
                (None, None) => {
                    self.bad(&format!("partners[{i}]"), Expected::PartnerObject, v);
                    None
                }
            };
            let Some(actor) = named else {
                continue;
            };
            match v
                .get("role")
                .and_then(Value::as_str)
                .and_then(PartnerRole::from_code)
            {
                Some(role) => out.push(Partner { actor, role }),
                None => {
                    let found = v.get("role").cloned().unwrap_or(Value::Null);
                    self.bad(
                        &format!("partners[{i}].role"),
                        Expected::PartnerRole,
                        &found,
                    )
                }
            }
        }
        out
    }

    pub(super) fn locations(&mut self, m: &Map<String, Value>) -> Vec<Location> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "locations").iter().enumerate() {
            let lon = v
                .get("lon")
                .and_then(Value::as_f64)
                .filter(|x| (-180.0..=180.0).contains(x));
            let lat = v
                .get("lat")
                .and_then(Value::as_f64)
                .filter(|y| (-90.0..=90.0).contains(y));
            match (lon, lat) {
                (Some(lon), Some(lat)) => out.push(Location {
                    lon,
                    lat,
                    level: v
                        .get("level")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 40)),
                    name: v
                        .get("name")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 200)),
                }),
                _ => self.bad(&format!("locations[{i}]"), Expected::Location, v),
            }
        }
        out
    }
}
