//! The URL is the single source of truth for what a visitor sees. This module is its codec:
//! query string ⇄ [`ViewState`], defaults omitted, stable codes, a version number, and a notice (never a
//! panic) for every parameter it cannot use.
//!
//! Public contract (README "URL parameters"): `country=AGO~ZMB`, `region=002`, `income=L~LM`,
//! `sector=120~230`, `sdg=3~7`, `status=completed`, `flow=oda_like`, `provider=CHN`, `from=2005&to=2015`,
//! `min=1000000&max=5000000`, `q=hydropower`, `measure=amount`, `stack=sector`, `sort=amount-desc`,
//! `page=2`, `v=1`. Lists are joined with `~`.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::{FlowClass, Income, Status};

/// The most datasets one view unites.
pub const MAX_DATASETS: usize = 8;

/// A catalogue id: 1–32 lower-case letters, digits or hyphens.
pub fn is_dataset_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An agency key as `partners::agency_key` writes it: folded letters and digits in single-spaced
/// words, at most 200 characters.
pub fn is_agency_key(key: &str) -> bool {
    !key.is_empty()
        && key.chars().count() <= 200
        && !key.starts_with(' ')
        && !key.ends_with(' ')
        && !key.contains("  ")
        && key.chars().all(|c| c == ' ' || c.is_alphanumeric())
        && crate::text::fold(key) == key
}

/// The version of the query format. Links without `v` are read as version 1.
pub const QUERY_VERSION: u32 = 1;
pub(crate) const LIST_SEP: char = '~';

/// A parameter the codec could not use, shown to the visitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ignored {}={}: {}",
            self.param,
            crate::issue::truncate(&self.value, 40),
            self.reason
        )
    }
}

/// Parameters owned by other parts of the app (language, map, presenter); the codec leaves them alone.
const FOREIGN: &[&str] = &["view", "slide", "controls", "accent", "height", "embed"];

fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_m49(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut state = ViewState {
        page: 1,
        ..ViewState::default()
    };
    let mut notices = Vec::new();
    let mut note = |param: &str, value: &str, reason: &str| {
        notices.push(Notice {
            param: param.into(),
            value: value.into(),
            reason: reason.into(),
        })
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (key, value) = (key.trim().to_string(), value.trim().to_string());
        let items = || {
            value
                .split(LIST_SEP)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let f = &mut state.filters;
        match key.as_str() {
            "v" => {
                if value.parse::<u32>().ok() != Some(QUERY_VERSION) {
                    note(
                        &key,
                        &value,
                        &format!("this version of Bridges reads links of version {QUERY_VERSION}"),
                    );
                }
            }
            "country" => collect(
                &key,
                items(),
                &mut f.countries,
                |s| is_iso3(s).then(|| s.to_string()),
                "an ISO-3 code such as AGO",
                &mut note,
            ),
            "region" => collect(
                &key,
                items(),
                &mut f.regions,
                |s| is_m49(s).then(|| s.to_string()),
                "a UN M49 code such as 002",
                &mut note,
            ),
            "income" => collect(
                &key,
                items(),
                &mut f.income,
                Income::from_code,
                "one of L, LM, UM, H",
                &mut note,
            ),
            "sector" => collect(
                &key,
                items(),
                &mut f.sectors,
                |s| s.parse::<u16>().ok().filter(|c| (100..=999).contains(c)),
                "a three-digit OECD CRS code",
                &mut note,
            ),
            "sdg" => collect(
                &key,
                items(),
                &mut f.sdgs,
                |s| s.parse::<u8>().ok().filter(|g| (1..=17).contains(g)),
                "an SDG number from 1 to 17",
                &mut note,
            ),
            "status" => collect(
                &key,
                items(),
                &mut f.statuses,
                Status::from_code,
                "a status code such as completed",
                &mut note,
            ),
            "flow" => collect(
                &key,
                items(),
                &mut f.flows,
                FlowClass::from_code,
                "a flow class such as oda_like",
                &mut note,
            ),
            "provider" => collect(
                &key,
                items(),
                &mut f.providers,
                |s| (is_iso3(s) || crate::model::is_actor_id(s)).then(|| s.to_string()),
                "an ISO-3 code such as CHN, or an actor id such as ISDB",
                &mut note,
            ),
            "agency" => collect(
                &key,
                items(),
                &mut f.agencies,
                |s| is_agency_key(s).then(|| s.to_string()),
                "an agency key as on its actor page, such as china eximbank",
                &mut note,
            ),
            "source" => collect(
                &key,
                items(),
                &mut f.datasets,
                |s| is_dataset_id(s).then(|| s.to_string()),
                "dataset ids such as gcdf3 or aims",
                &mut note,
            ),
            "from" | "to" => match value
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
            {
                Some(y) if key == "from" => f.from = Some(y),
                Some(y) => f.to = Some(y),
                None => note(&key, &value, "expected a year from 1900 to 2100"),
            },
            "min" | "max" => match value.parse::<u64>() {
                Ok(v) if key == "min" => f.amount_min = Some(v),
                Ok(v) => f.amount_max = Some(v),
                Err(_) => note(&key, &value, "expected a whole amount such as 1000000"),
            },
            "q" => f.q = crate::issue::truncate(&value, 200),
            "measure" => match Measure::from_code(&value) {
                Some(m) => state.measure = m,
                None => note(&key, &value, "expected count or amount"),
            },
            "stack" => match Stack::from_code(&value) {
                Some(s) => state.stack = s,
                None => note(&key, &value, "expected none, sector or status"),
            },
            "sort" => {
                let (code, descending) = match value.strip_suffix("-desc") {
                    Some(c) => (c, true),
                    None => (value.strip_suffix("-asc").unwrap_or(&value), false),
                };
                match SortKey::ALL.into_iter().find(|k| k.code() == code) {
                    Some(key) => state.sort = Sort { key, descending },
                    None => note(&key, &value, "expected id, title, recipient, sector, year, amount or status, with -asc or -desc"),
                }
            }
            "page" => match value.parse::<usize>().ok().filter(|p| *p >= 1) {
                Some(p) => state.page = p,
                None => note(&key, &value, "expected a page number from 1"),
            },
            "data" => state.data = Some(value.clone()).filter(|v| !v.is_empty()),
            "dataset" => {
                let ids: Vec<String> = value.split('~').map(str::to_string).collect();
                if ids.iter().all(|id| is_dataset_id(id)) && ids.len() <= MAX_DATASETS {
                    let mut seen = std::collections::BTreeSet::new();
                    state.datasets = ids
                        .into_iter()
                        .filter(|id| seen.insert(id.clone()))
                        .collect();
                } else {
                    note(
                        &key,
                        &value,
                        "expected dataset ids such as gcdf3 or gcdf3~aims",
                    );
                }
            }
            "zoom" => match value
                .parse::<f64>()
                .ok()
                .filter(|z| z.is_finite() && (1.0..=crate::map_view::MAX_ZOOM).contains(z))
            {
                Some(z) => state.map.zoom = round2(z),
                None => note(
                    &key,
                    &value,
                    &format!("expected a zoom from 1 to {}", crate::map_view::MAX_ZOOM),
                ),
            },
            "lon" | "lat" => {
                let limit = if key == "lon" { 180.0 } else { 90.0 };
                match value
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && v.abs() <= limit)
                {
                    Some(v) if key == "lon" => state.map.lon = round2(v),
                    Some(v) => state.map.lat = round2(v),
                    None => note(
                        &key,
                        &value,
                        &format!("expected a number from -{limit} to {limit}"),
                    ),
                }
            }
            "layer" => {
                let mut layers = BTreeSet::new();
                collect(
                    &key,
                    items(),
                    &mut layers,
                    crate::map_view::Layer::from_code,
                    "countries, points or flows",
                    &mut note,
                );
                if !layers.is_empty() {
                    state.map.layers = layers;
                }
            }
            "lang" => match crate::i18n::Lang::parse(&value) {
                Some(l) if value.len() <= 8 => state.lang = Some(l),
                _ => note(&key, &value, "expected en or zh"),
            },
            "theme" => match Theme::ALL.into_iter().find(|t| t.code() == value) {
                Some(t) => state.theme = Some(t),
                None if value == "auto" => {}
                None => note(&key, &value, "expected light, dark, auto or projector"),
            },
            k if FOREIGN.contains(&k) => {}
            _ => note(&key, &value, "unknown parameter"),
        }
    }
    if let (Some(a), Some(b)) = (state.filters.from, state.filters.to) {
        if a > b {
            state.filters.from = Some(b);
            state.filters.to = Some(a);
        }
    }
    if let (Some(a), Some(b)) = (state.filters.amount_min, state.filters.amount_max) {
        if a > b {
            state.filters.amount_min = Some(b);
            state.filters.amount_max = Some(a);
        }
    }
    (state, notices)
}

/// Map positions are kept to two decimals, as links write them, so that a link round-trips exactly.
pub(crate) fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn collect<'a, T: Ord>(
    key: &str,
    items: impl Iterator<Item = &'a str>,
    into: &mut BTreeSet<T>,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
    note: &mut impl FnMut(&str, &str, &str),
) {
    for item in items {
        match parse(item) {
            Some(v) => {
                into.insert(v);
            }
            None => note(key, item, &format!("expected {expected}")),
        }
    }
}

mod write;

#[cfg(test)]
mod tests;

pub use crate::state::{Filters, Measure, Sort, SortKey, Stack, Theme, ViewState};
pub use write::to_query;
