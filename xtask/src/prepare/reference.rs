//! `public/data/reference.json`: countries (UN M49, ISO 3166, names, World Bank income groups), regions,
//! sectors and SDGs.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use bridges_core::model::*;
use bridges_core::reference::{Country, Reference, Region, Sdg, SectorInfo};
use serde_json::Value;

use crate::sectors;

use super::{clean, col, read_csv, REFERENCE_HEADER};

/// The income group of a World Bank "Income group" cell, as its code.
fn income_code(group: &str) -> Option<String> {
    let g = match group.trim() {
        "Low income" => Income::Low,
        "Lower middle income" => Income::LowerMiddle,
        "Upper middle income" => Income::UpperMiddle,
        "High income" => Income::High,
        _ => return None,
    };
    Some(g.code().to_string())
}

/// i18n-iso-countries lists several names for some countries; the first is the package's default.
fn i18n_names(path: &Path) -> Result<HashMap<String, String>> {
    let v: Value = serde_json::from_str(&fs::read_to_string(path)?)?;
    let mut out = HashMap::new();
    if let Some(Value::Object(m)) = v.get("countries") {
        for (alpha2, name) in m {
            let name = match name {
                Value::String(s) => s.clone(),
                Value::Array(a) => a
                    .first()
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                _ => continue,
            };
            out.insert(alpha2.clone(), name);
        }
    }
    Ok(out)
}

pub(super) fn build_reference(raw: &Path) -> Result<Reference> {
    let countries_dir = raw.join("countries");
    let en = i18n_names(&countries_dir.join("i18n-iso-countries-en.json"))?;
    let zh = i18n_names(&countries_dir.join("i18n-iso-countries-zh.json"))?;
    let income: HashMap<String, String> =
        read_csv(&countries_dir.join("worldbank-income-class-fy2023.csv"))?
            .into_iter()
            .filter_map(|r| {
                income_code(col(&r, "Income group")).map(|g| (col(&r, "Code").to_string(), g))
            })
            .collect();
    let mut zh_area: HashMap<String, String> = HashMap::new();
    for r in read_csv(&countries_dir.join("unsd-m49-zh.csv"))? {
        for (code, name) in [
            ("Region Code", "Region Name"),
            ("Sub-region Code", "Sub-region Name"),
        ] {
            if !col(&r, code).is_empty() {
                zh_area.insert(col(&r, code).to_string(), clean(col(&r, name)));
            }
        }
    }

    let mut countries = Vec::new();
    let mut regions: BTreeMap<String, Region> = BTreeMap::new();
    for r in read_csv(&countries_dir.join("country-codes.csv"))? {
        let iso3 = clean(col(&r, "ISO3166-1-Alpha-3"));
        let iso2 = clean(col(&r, "ISO3166-1-Alpha-2"));
        if iso3.len() != 3 || iso2.len() != 2 {
            continue;
        }
        let numeric = col(&r, "ISO3166-1-numeric")
            .trim()
            .parse::<u16>()
            .map(|n| format!("{n:03}"))
            .unwrap_or_default();
        let pad = |s: &str| s.trim().parse::<u16>().ok().map(|n| format!("{n:03}"));
        let region = pad(col(&r, "Region Code"));
        let subregion = pad(col(&r, "Sub-region Code"));
        if let Some(code) = &region {
            regions.entry(code.clone()).or_insert_with(|| Region {
                code: code.clone(),
                name_en: clean(col(&r, "Region Name")),
                name_zh: zh_area.get(code).cloned().unwrap_or_default(),
                parent: None,
            });
        }
        if let Some(code) = &subregion {
            regions.entry(code.clone()).or_insert_with(|| Region {
                code: code.clone(),
                name_en: clean(col(&r, "Sub-region Name")),
                name_zh: zh_area.get(code).cloned().unwrap_or_default(),
                parent: region.clone(),
            });
        }
        // Short English names, as charts and tooltips have room for and people say them ("Laos",
        // "Tanzania"): CLDR's display names, except the two Congos, which CLDR tells apart by their
        // capitals; then i18n-iso-countries.
        let name_en = match iso3.as_str() {
            "COD" => Some("DR Congo".to_string()),
            "COG" => Some("Congo".to_string()),
            _ => Some(clean(col(&r, "CLDR display name"))).filter(|s| !s.is_empty()),
        }
        .or_else(|| en.get(&iso2).cloned())
        .unwrap_or_else(|| iso3.clone());
        let name_zh = zh
            .get(&iso2)
            .cloned()
            .or_else(|| Some(clean(col(&r, "UNTERM Chinese Short"))).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| name_en.clone());
        countries.push(Country {
            income: income.get(&iso3).cloned(),
            ldc: col(&r, "Least Developed Countries (LDC)").trim() == "x",
            lldc: col(&r, "Land Locked Developing Countries (LLDC)").trim() == "x",
            sids: col(&r, "Small Island Developing States (SIDS)").trim() == "x",
            iso3,
            iso2,
            numeric,
            name_en,
            name_zh,
            region,
            subregion,
        });
    }
    countries.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    countries.dedup_by(|a, b| a.iso3 == b.iso3);

    let sdg_json: Value =
        serde_json::from_str(&fs::read_to_string(raw.join("sdg/sdg_goals.json"))?)?;
    let mut sdgs = Vec::new();
    for g in sdg_json
        .as_array()
        .context("sdg_goals.json: expected a list")?
    {
        let s = |k: &str| {
            g.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        sdgs.push(Sdg {
            goal: g
                .get("goal")
                .and_then(Value::as_u64)
                .context("sdg_goals.json: goal")? as u8,
            colour: s("color_hex"),
            name_en: s("short_en"),
            name_zh: s("short_zh_un_icon"),
            title_en: s("title_en"),
        });
    }
    sdgs.sort_by_key(|s| s.goal);
    let sectors = sectors::SECTORS
        .iter()
        .map(|(_, code, en, zh, sdgs)| SectorInfo {
            code: *code,
            name_en: en.to_string(),
            name_zh: zh.to_string(),
            sdgs: sdgs.to_vec(),
        })
        .collect();

    Ok(Reference {
        schema: REFERENCE_SCHEMA.into(),
        generated_by: REFERENCE_HEADER.into(),
        countries,
        regions: regions.into_values().collect(),
        sdgs,
        sectors,
    })
}
