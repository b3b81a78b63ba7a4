//! Reference tables shipped with Bridges: countries, UN M49 regions, SDGs and OECD CRS sectors.
//! They are the same for every dataset, so a partner's project file only carries codes.

use crate::i18n::Lang;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::issue::{describe, LoadError};
use crate::model::REFERENCE_SCHEMA;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub iso3: String,
    pub iso2: String,
    /// ISO 3166-1 numeric, zero-padded ("024"): the id used by world-atlas geometry.
    pub numeric: String,
    pub name_en: String,
    pub name_zh: String,
    /// UN M49 region code ("002" Africa), if the UN assigns one.
    pub region: Option<String>,
    pub subregion: Option<String>,
    /// World Bank income group: `L`, `LM`, `UM` or `H`.
    pub income: Option<String>,
    pub ldc: bool,
    pub lldc: bool,
    pub sids: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// UN M49 code, e.g. "002" (Africa) or "014" (Eastern Africa).
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    /// The region a sub-region belongs to; `None` for a region.
    pub parent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sdg {
    pub goal: u8,
    /// Official colour, `#RRGGBB`.
    pub colour: String,
    pub name_en: String,
    /// Short name as on the UN's Chinese goal icons.
    pub name_zh: String,
    pub title_en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectorInfo {
    /// OECD CRS three-digit code.
    pub code: u16,
    pub name_en: String,
    pub name_zh: String,
    /// Bridges' own indicative sector → SDG mapping (docs/dataset.md).
    pub sdgs: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub generated_by: String,
    pub schema: String,
    pub countries: Vec<Country>,
    pub regions: Vec<Region>,
    pub sdgs: Vec<Sdg>,
    pub sectors: Vec<SectorInfo>,
}

/// Reference tables with lookups by code.
#[derive(Clone, Debug)]
pub struct ReferenceIndex {
    pub tables: Reference,
    by_iso3: HashMap<String, usize>,
    by_region: HashMap<String, usize>,
    /// The loaded dataset's declared actors (`bridges/2`), by id: providers and partners that are not
    /// countries, named wherever a provider is ([`Self::country_name`]).
    actors: HashMap<String, crate::model::Actor>,
}

impl ReferenceIndex {
    pub fn new(tables: Reference) -> Self {
        let by_iso3 = tables
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i))
            .collect();
        let by_region = tables
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.clone(), i))
            .collect();
        ReferenceIndex {
            tables,
            by_iso3,
            by_region,
            actors: HashMap::new(),
        }
    }

    /// Adds a dataset's declared actors (an id already known as a country code is never one: see
    /// [`crate::model::is_actor_id`]).
    pub fn add_actors(&mut self, actors: &[crate::model::Actor]) {
        for a in actors {
            self.actors.insert(a.id.clone(), a.clone());
        }
    }

    /// The declared actor `id`, if the loaded dataset has one.
    pub fn actor(&self, id: &str) -> Option<&crate::model::Actor> {
        self.actors.get(id)
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.tables.countries[i])
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.by_region.get(code).map(|&i| &self.tables.regions[i])
    }

    pub fn sector(&self, code: u16) -> Option<&SectorInfo> {
        self.tables.sectors.iter().find(|s| s.code == code)
    }

    pub fn sdg(&self, goal: u8) -> Option<&Sdg> {
        self.tables.sdgs.iter().find(|s| s.goal == goal)
    }

    /// English short name of a country, or the code itself if the table does not know it.
    pub fn country_name_en<'a>(&'a self, iso3: &'a str) -> &'a str {
        self.country_name(iso3, Lang::En)
    }

    /// A country's name in `lang` (or a declared actor's: a provider that is not a country), or the
    /// code itself if neither is known. An actor without a Chinese name is named in English.
    pub fn country_name<'a>(&'a self, iso3: &'a str, lang: Lang) -> &'a str {
        if let Some(c) = self.country(iso3) {
            return pick(&c.name_en, &c.name_zh, lang);
        }
        match self.actors.get(iso3) {
            Some(a) => pick(&a.name_en, a.name_zh.as_deref().unwrap_or_default(), lang),
            None => iso3,
        }
    }

    /// A region's or sub-region's name in `lang`, or its code.
    pub fn region_name<'a>(&'a self, code: &'a str, lang: Lang) -> &'a str {
        self.region(code)
            .map(|r| pick(&r.name_en, &r.name_zh, lang))
            .unwrap_or(code)
    }

    /// A sector's name in `lang`, or `Sector 230` / `部门 230`.
    pub fn sector_name(&self, code: u16, lang: Lang) -> String {
        match self.sector(code) {
            Some(s) => pick(&s.name_en, &s.name_zh, lang).to_string(),
            None => crate::i18n::fill(
                crate::i18n::t(lang).sector_code,
                &[("code", &code.to_string())],
            ),
        }
    }

    /// A goal's short name (as on the UN icons) in `lang`.
    pub fn sdg_name(&self, goal: u8, lang: Lang) -> Option<&str> {
        self.sdg(goal).map(|s| pick(&s.name_en, &s.name_zh, lang))
    }
}

/// The name in `lang`, falling back to English where a table has no Chinese name.
fn pick<'a>(en: &'a str, zh: &'a str, lang: Lang) -> &'a str {
    match lang {
        Lang::Zh if !zh.trim().is_empty() => zh,
        _ => en,
    }
}

/// Parses `reference.json`. The file ships with the app, but is still read without panicking.
pub fn parse_reference(source: &str, text: &str) -> Result<ReferenceIndex, LoadError> {
    let value: serde_json::Value = crate::json::parse_json(source, text)?;
    let schema = value
        .get("schema")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    if schema.as_str() != Some(REFERENCE_SCHEMA) {
        return Err(LoadError::Schema {
            source: source.into(),
            expected: REFERENCE_SCHEMA.into(),
            found: describe(&schema),
        });
    }
    let tables: Reference = serde_json::from_value(value).map_err(|e| LoadError::Shape {
        source: source.into(),
        expected: "the reference tables (countries, regions, sdgs, sectors)".into(),
        found: e.to_string(),
    })?;
    Ok(ReferenceIndex::new(tables))
}
