//! The dictionaries of [`Columns`]: a row stores an index, the dictionary the code (ISO-3 countries,
//! M49 regions) and the names in English and Chinese, from the reference tables.

use std::collections::{HashMap, HashSet};

use super::{Columns, INCOME_CODES, INCOME_UNKNOWN, NO_REGION};
use crate::reference::ReferenceIndex;
use crate::text::fold;

/// A name in English and Chinese, as the reference tables give it (`zh` may be empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    pub en: String,
    pub zh: String,
}

/// Names of countries, regions and sectors by code, from the reference tables. A code the tables do
/// not know has no entry (callers show the code).
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub countries: HashMap<String, Name>,
    pub regions: HashMap<String, Name>,
    /// M49 codes of the top-level regions (those without a parent), e.g. "002" Africa.
    pub top_regions: HashSet<String>,
    pub sectors: HashMap<u16, Name>,
    /// The titles of [`Columns::datasets`], in their order.
    pub datasets: Vec<Name>,
}

impl Columns {
    /// Dictionaries from the reference tables, shared by real and synthetic data.
    pub fn with_reference(reference: &ReferenceIndex) -> Columns {
        let mut c = Columns::default();
        let t = &reference.tables;
        c.regions = t.regions.iter().map(|r| r.code.clone()).collect();
        let region_idx = |code: &Option<String>| {
            code.as_ref()
                .and_then(|code| t.regions.iter().position(|r| &r.code == code))
                .map_or(NO_REGION, |i| i as u8)
        };
        for country in &t.countries {
            c.countries.push(country.iso3.clone());
            c.country_region.push(region_idx(&country.region));
            c.country_subregion.push(region_idx(&country.subregion));
            c.country_income.push(
                country
                    .income
                    .as_deref()
                    .and_then(|g| INCOME_CODES.iter().position(|x| *x == g))
                    .map_or(INCOME_UNKNOWN, |i| i as u8),
            );
        }
        c.country_off.push(0);
        c.provider_off.push(0);
        c.agency_off.push(0);
        c.name_pairs = t
            .countries
            .iter()
            .map(|x| (x.name_zh.clone(), fold(&x.name_en)))
            .chain(
                t.sectors
                    .iter()
                    .map(|x| (x.name_zh.clone(), fold(&x.name_en))),
            )
            .collect();
        let name = |en: &str, zh: &str| Name {
            en: en.to_string(),
            zh: zh.to_string(),
        };
        c.names = Names {
            countries: t
                .countries
                .iter()
                .map(|x| (x.iso3.clone(), name(&x.name_en, &x.name_zh)))
                .collect(),
            regions: t
                .regions
                .iter()
                .map(|x| (x.code.clone(), name(&x.name_en, &x.name_zh)))
                .collect(),
            top_regions: t
                .regions
                .iter()
                .filter(|x| x.parent.is_none())
                .map(|x| x.code.clone())
                .collect(),
            sectors: t
                .sectors
                .iter()
                .map(|x| (x.code, name(&x.name_en, &x.name_zh)))
                .collect(),
            datasets: Vec::new(),
        };
        c
    }
}
