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

    /// The list `field` of ISO-3 codes (recipients), each checked, without repeats.
    pub(super) fn countries(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        reference: &ReferenceIndex,
    ) -> Vec<String> {
        self.codes(m, field, reference, Self::country_code)
    }

    /// `providers`: ISO-3 codes or (`bridges/2`) actor ids, without repeats.
    pub(super) fn providers(
        &mut self,
        m: &Map<String, Value>,
        reference: &ReferenceIndex,
    ) -> Vec<String> {
        self.codes(m, "providers", reference, Self::actor_or_country)
    }

    /// The list `field`, each value read by `one` (which reports a bad one), without repeats.
    fn codes(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        reference: &ReferenceIndex,
        one: fn(&mut Self, &str, &Value, &ReferenceIndex) -> Option<String>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in self.list(m, field).iter().enumerate() {
            if let Some(code) = one(self, &format!("{field}[{i}]"), v, reference) {
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

    pub(super) fn partners(
        &mut self,
        m: &Map<String, Value>,
        reference: &ReferenceIndex,
    ) -> Vec<Partner> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "partners").iter().enumerate() {
            // The role first: a partner dropped for its role is reported once, and its actor id is not
            // then also listed as undeclared.
            let Some(role) = v
                .get("role")
                .and_then(Value::as_str)
                .and_then(PartnerRole::from_code)
            else {
                let found = v.get("role").cloned().unwrap_or(Value::Null);
                if v.is_object() {
                    self.bad(
                        &format!("partners[{i}].role"),
                        Expected::PartnerRole,
                        &found,
                    );
                } else {
                    self.bad(&format!("partners[{i}]"), Expected::PartnerObject, v);
                }
                continue;
            };
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
            if let Some(actor) = named {
                out.push(Partner { actor, role });
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
