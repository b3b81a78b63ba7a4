//! A record's countries: provider and recipient codes, partners and locations.

use serde_json::{Map, Value};

use crate::issue::{truncate, Expected};
use crate::model::*;
use crate::reference::ReferenceIndex;

use super::record::RecordReader;

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

    pub(super) fn partners(
        &mut self,
        m: &Map<String, Value>,
        reference: &ReferenceIndex,
    ) -> Vec<Partner> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "partners").iter().enumerate() {
            let Some(country) = v
                .get("country")
                .and_then(|c| self.country_code(&format!("partners[{i}].country"), c, reference))
            else {
                if v.get("country").is_none() {
                    self.bad(&format!("partners[{i}]"), Expected::PartnerObject, v);
                }
                continue;
            };
            match v
                .get("role")
                .and_then(Value::as_str)
                .and_then(PartnerRole::from_code)
            {
                Some(role) => out.push(Partner { country, role }),
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
