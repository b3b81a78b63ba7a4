//! The `aims.json` file's metadata and the dataset catalog `catalog.json`, with computed counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::Result;
use bridges_core::model::*;
use bridges_core::write::{dataset_with_meta, meta_to_json};
use serde_json::{json, Value};

use super::{
    amount, co_financier_of, commitments, get, provider_of, read_csv, release, sector_of, Kind,
    HEADER, RELEASES,
};

pub const TITLE_EN: &str =
    "Southern providers in 13 recipient governments' aid databases (AidData AIMS releases)";
/// Bridges' translation.
pub const TITLE_ZH: &str = "13个受援国政府援助数据库中的南方提供方（AidData AIMS 数据集）";
pub const NOTE: &str = "Amounts are whole-project totals across all listed donors (Southern and others), not the \
Southern provider's share. They are constant 2011 USD for years AidData deflated and current USD for later years \
(per release: see price_base); the two are never added. Southern multilaterals (Islamic Development Bank, BADEA, \
OPEC Fund) are providers too, declared as actors (bridges/2).";

pub fn citation() -> String {
    let names: Vec<String> = RELEASES
        .iter()
        .map(|r| {
            let version = r.name.rsplit('_').next().unwrap_or_default();
            let country = r.name.split('_').next().unwrap_or_default();
            format!("{country} {version} ({})", r.cited)
        })
        .collect();
    format!(
        "AidData. 2016–2017. <Release>_GeocodedResearchRelease_Level1 geocoded datasets: {}. Williamsburg, VA and \
         Washington, DC: AidData. http://aiddata.org/research-datasets. Data from each recipient government's aid \
         information management system. Amounts are whole-project totals across all listed donors, not the \
         Southern provider's share.",
        names.join(", ")
    )
}

pub(super) fn meta(price_base: Option<String>) -> Meta {
    Meta {
        title: TITLE_EN.into(),
        publisher: Some("AidData, William & Mary".into()),
        citation: Some(citation()),
        licence: Some("ODC-By 1.0".into()),
        url: Some("https://github.com/AidData-WM/public_datasets".into()),
        generated_by: None,
        price_base,
    }
}

/// The `bridges/2` file (its providers include Southern multilaterals, declared as actors): the same
/// writer as projects.json (one record a line), with two more `meta` keys that readers may ignore:
/// `title_zh` and `note`.
pub fn to_json(dataset: &Dataset) -> String {
    let mut meta = meta_to_json(&dataset.meta);
    if let Value::Object(m) = &mut meta {
        m.insert("title_zh".into(), json!(TITLE_ZH));
        m.insert("note".into(), json!(NOTE));
    }
    dataset_with_meta(dataset, HEADER, &meta)
}

/// The totals the UI compares to. Providers are keyed by ISO-3 or multilateral code, sectors by CRS
/// code (`unknown` when there is none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub projects: usize,
    pub per_provider: BTreeMap<String, usize>,
    pub per_recipient: BTreeMap<String, usize>,
    pub per_sector: BTreeMap<String, usize>,
    pub per_price_base: BTreeMap<String, usize>,
    /// Projects per co-financing country (`co_financier` partners).
    pub per_co_financier: BTreeMap<String, usize>,
}

/// The counts, straight from the source CSVs (not from aims.json).
pub fn counts_from_source(raw: &Path) -> Result<Counts> {
    let money = commitments(raw)?;
    let mut c = Counts::default();
    for row in read_csv(&raw.join("aiddata-aims/source_projects.csv"))? {
        let r = release(get(&row, "release"))?;
        let found: BTreeSet<&str> = get(&row, "donors")
            .split('|')
            .filter_map(|d| provider_of(d, r.recipient))
            .map(|h| h.0)
            .collect();
        if found.is_empty() {
            continue;
        }
        c.projects += 1;
        for p in found {
            *c.per_provider.entry(p.into()).or_default() += 1;
        }
        *c.per_recipient
            .entry(get(&row, "recipients_iso3").trim().into())
            .or_default() += 1;
        let sector = sector_of(get(&row, "ad_sector_codes"))
            .map_or("unknown".to_string(), |s| s.to_string());
        *c.per_sector.entry(sector).or_default() += 1;
        let key = (r.name.to_string(), get(&row, "project_id").to_string());
        if let Some(a) = money.get(&key).and_then(amount) {
            *c.per_price_base.entry(a.price_base).or_default() += 1;
        }
        let co: BTreeSet<&str> = get(&row, "donors")
            .split('|')
            .filter_map(|d| co_financier_of(d, r.recipient))
            .collect();
        for f in co {
            *c.per_co_financier.entry(f.into()).or_default() += 1;
        }
    }
    Ok(c)
}

/// The same counts, read from a dataset (its providers: countries and multilaterals).
pub fn counts_of(d: &Dataset) -> Counts {
    let mut c = Counts {
        projects: d.projects.len(),
        ..Counts::default()
    };
    for p in &d.projects {
        let found: BTreeSet<&String> = p.providers.iter().collect();
        for f in found {
            *c.per_provider.entry(f.clone()).or_default() += 1;
        }
        for r in &p.recipients {
            *c.per_recipient.entry(r.clone()).or_default() += 1;
        }
        let sector = p
            .sector
            .as_ref()
            .map_or("unknown".to_string(), |s| s.code.to_string());
        *c.per_sector.entry(sector).or_default() += 1;
        if let Some(a) = &p.amount {
            *c.per_price_base.entry(a.price_base.clone()).or_default() += 1;
        }
        let co: BTreeSet<&String> = p
            .partners
            .iter()
            .filter(|x| x.role == PartnerRole::CoFinancier)
            .map(|x| &x.actor)
            .collect();
        for f in co {
            *c.per_co_financier.entry(f.clone()).or_default() += 1;
        }
    }
    c
}

/// One catalog entry, its counts computed from the dataset as Bridges reads it.
fn catalog_entry(id: &str, title_zh: &str, file: &str, d: &Dataset, extra: Value) -> Value {
    let s = bridges_core::Summary::of_dataset(d);
    let providers: BTreeSet<&str> = d
        .projects
        .iter()
        .flat_map(|p| p.providers.iter().map(String::as_str))
        .collect();
    let recipients: BTreeSet<&str> = d
        .projects
        .iter()
        .flat_map(|p| p.recipients.iter().map(String::as_str))
        .collect();
    let price_bases: BTreeSet<&str> = d
        .projects
        .iter()
        .filter_map(|p| p.amount.as_ref().map(|a| a.price_base.as_str()))
        .collect();
    let mut e = json!({
        "id": id,
        "title_en": d.meta.title,
        "title_zh": title_zh,
        "file": file,
        "licence": d.meta.licence,
        "citation": d.meta.citation,
        "counts": { "projects": d.projects.len(), "providers": providers.len(), "recipients": recipients.len() },
        "years": s.years.map(|(a, b)| vec![a, b]),
        "price_bases": price_bases,
    });
    if let (Value::Object(m), Value::Object(x)) = (&mut e, extra) {
        m.extend(x);
    }
    e
}

/// `public/data/catalog.json`: the datasets Bridges offers, with computed counts. `years` are the first
/// and last commitment years; `counts.providers` counts the providers, countries and multilaterals.
pub fn catalog_json(gcdf: &Dataset, aims: &Dataset) -> Result<String> {
    let multilaterals: BTreeSet<&str> = aims
        .projects
        .iter()
        .flat_map(|p| p.agencies.funding.iter())
        .filter_map(|f| match provider_of(f, "") {
            Some((code, Kind::Multilateral)) => Some(code),
            _ => None,
        })
        .collect();
    let catalog = json!({
        "schema": "bridges-catalog/1",
        "datasets": [
            catalog_entry("gcdf3", "AidData 全球中国发展融资数据集 3.0（有地理位置的项目）", "data/projects.json", gcdf, json!({})),
            catalog_entry("aims", TITLE_ZH, "data/aims.json", aims, json!({
                "multilateral_providers": multilaterals,
                "note": NOTE,
            })),
        ]
    });
    let mut s = serde_json::to_string_pretty(&catalog)?;
    s.push('\n');
    Ok(s)
}
