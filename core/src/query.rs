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

use crate::model::{FlowClass, Status};

/// The version of the query format. Links without `v` are read as version 1.
pub const QUERY_VERSION: u32 = 1;
const LIST_SEP: char = '~';

/// Which filters are active. Empty sets and `None` mean "no filter on this dimension".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub countries: BTreeSet<String>,
    pub regions: BTreeSet<String>,
    pub income: BTreeSet<String>,
    pub sectors: BTreeSet<u16>,
    pub sdgs: BTreeSet<u8>,
    pub statuses: BTreeSet<Status>,
    pub flows: BTreeSet<FlowClass>,
    pub providers: BTreeSet<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Amount range in whole units of the headline currency.
    pub amount_min: Option<u64>,
    pub amount_max: Option<u64>,
    pub q: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// What the charts measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Count,
    Amount,
}

/// How the timeline is stacked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Stack {
    #[default]
    None,
    Sector,
    Status,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// File order (by id for the built-in data).
    #[default]
    Id,
    Title,
    Recipient,
    Sector,
    Year,
    Amount,
    Status,
}

impl SortKey {
    const ALL: [SortKey; 7] = [
        SortKey::Id,
        SortKey::Title,
        SortKey::Recipient,
        SortKey::Sector,
        SortKey::Year,
        SortKey::Amount,
        SortKey::Status,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Title => "title",
            SortKey::Recipient => "recipient",
            SortKey::Sector => "sector",
            SortKey::Year => "year",
            SortKey::Amount => "amount",
            SortKey::Status => "status",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Everything in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filters: Filters,
    pub measure: Measure,
    pub stack: Stack,
    pub sort: Sort,
    /// 1-based table page; 1 is the default.
    pub page: usize,
    /// A dataset URL (`data=`), carried along unchanged.
    pub data: Option<String>,
    /// The map's zoom, centre and layers.
    pub map: crate::map_view::MapView,
    /// The interface language (`lang=en|zh`); `None` follows the visitor's preference.
    pub lang: Option<crate::i18n::Lang>,
    /// The colour theme (`theme=light|dark|projector`); `None` follows the system.
    pub theme: Option<Theme>,
}

/// A colour theme chosen in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// High contrast, large type, thick strokes, colour-blind-safe palette, labels drawn on.
    Projector,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }
}

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
                |s| matches!(s, "L" | "LM" | "UM" | "H").then(|| s.to_string()),
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
                |s| is_iso3(s).then(|| s.to_string()),
                "an ISO-3 code such as CHN",
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
            "measure" => match value.as_str() {
                "count" => state.measure = Measure::Count,
                "amount" => state.measure = Measure::Amount,
                _ => note(&key, &value, "expected count or amount"),
            },
            "stack" => match value.as_str() {
                "none" => state.stack = Stack::None,
                "sector" => state.stack = Stack::Sector,
                "status" => state.stack = Stack::Status,
                _ => note(&key, &value, "expected none, sector or status"),
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
fn round2(v: f64) -> f64 {
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

fn join<T>(set: &BTreeSet<T>, f: impl Fn(&T) -> String) -> String {
    set.iter()
        .map(f)
        .collect::<Vec<_>>()
        .join(&LIST_SEP.to_string())
}

/// The query string for a state, without `?`; empty for the default view. Order is fixed, so equal
/// states give equal URLs.
pub fn to_query(state: &ViewState) -> String {
    let f = &state.filters;
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut put = |k: &str, v: String| {
        if !v.is_empty() {
            out.append_pair(k, &v);
        }
    };
    put("country", join(&f.countries, String::clone));
    put("region", join(&f.regions, String::clone));
    put("income", join(&f.income, String::clone));
    put("sector", join(&f.sectors, u16::to_string));
    put("sdg", join(&f.sdgs, u8::to_string));
    put("status", join(&f.statuses, |s| s.code().to_string()));
    put("flow", join(&f.flows, |s| s.code().to_string()));
    put("provider", join(&f.providers, String::clone));
    put("from", f.from.map(|y| y.to_string()).unwrap_or_default());
    put("to", f.to.map(|y| y.to_string()).unwrap_or_default());
    put(
        "min",
        f.amount_min.map(|v| v.to_string()).unwrap_or_default(),
    );
    put(
        "max",
        f.amount_max.map(|v| v.to_string()).unwrap_or_default(),
    );
    put("q", f.q.trim().to_string());
    if state.measure == Measure::Amount {
        put("measure", "amount".into());
    }
    match state.stack {
        Stack::None => {}
        Stack::Sector => put("stack", "sector".into()),
        Stack::Status => put("stack", "status".into()),
    }
    if state.sort != Sort::default() {
        put(
            "sort",
            format!(
                "{}-{}",
                state.sort.key.code(),
                if state.sort.descending { "desc" } else { "asc" }
            ),
        );
    }
    if state.page > 1 {
        put("page", state.page.to_string());
    }
    let m = &state.map;
    let d = crate::map_view::MapView::default();
    if m.zoom != d.zoom {
        put("zoom", format!("{}", round2(m.zoom)));
    }
    if m.lon != d.lon || m.lat != d.lat {
        put("lon", format!("{}", round2(m.lon)));
        put("lat", format!("{}", round2(m.lat)));
    }
    if m.layers != d.layers {
        put("layer", join(&m.layers, |l| l.code().to_string()));
    }
    put("data", state.data.clone().unwrap_or_default());
    put(
        "lang",
        state.lang.map(|l| l.code().to_string()).unwrap_or_default(),
    );
    put(
        "theme",
        state
            .theme
            .map(|t| t.code().to_string())
            .unwrap_or_default(),
    );
    let s = out.finish();
    // `~` needs no escaping in a query string; keeping it readable keeps shared links readable.
    s.replace("%7E", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_and_theme_round_trip() {
        let (s, notices) = parse("lang=zh&theme=projector&sector=230");
        assert!(notices.is_empty());
        assert_eq!(s.lang, Some(crate::i18n::Lang::Zh));
        assert_eq!(s.theme, Some(Theme::Projector));
        assert_eq!(to_query(&s), "sector=230&lang=zh&theme=projector");
        let (s, notices) = parse("lang=xx&theme=%3Cscript%3E");
        assert_eq!((s.lang, s.theme), (None, None));
        assert_eq!(notices.len(), 2);
        assert_eq!(parse("theme=auto").1, vec![]);
    }

    #[test]
    fn default_view_is_the_empty_query() {
        let (s, notices) = parse("");
        assert!(notices.is_empty());
        assert_eq!(
            s,
            ViewState {
                page: 1,
                ..ViewState::default()
            }
        );
        assert_eq!(to_query(&s), "");
        assert_eq!(
            to_query(&parse("?v=1&page=1&measure=count&stack=none&sort=id-asc").0),
            ""
        );
    }

    #[test]
    fn documented_parameters_round_trip() {
        let q = "country=AGO~ZMB&region=002&income=L~LM&sector=120~230&sdg=3~7&status=completed~implementation\
                 &flow=oda_like&provider=CHN&from=2005&to=2015&min=1000&max=5000000&q=small+hydro&measure=amount\
                 &stack=sector&sort=amount-desc&page=3&zoom=2.5&lon=18&lat=2&layer=countries~points\
                 &data=https%3A%2F%2Fexample.org%2Fd.json";
        let (s, notices) = parse(q);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            s.filters.countries.iter().collect::<Vec<_>>(),
            ["AGO", "ZMB"]
        );
        assert_eq!(
            s.filters.sectors.iter().copied().collect::<Vec<_>>(),
            [120, 230]
        );
        assert_eq!(s.filters.q, "small hydro");
        assert_eq!(
            s.sort,
            Sort {
                key: SortKey::Amount,
                descending: true
            }
        );
        assert_eq!(s.data.as_deref(), Some("https://example.org/d.json"));
        assert_eq!(
            (s.map.zoom, s.map.lon, s.map.lat, s.map.layers.len()),
            (2.5, 18.0, 2.0, 2)
        );
        let again = to_query(&s);
        assert_eq!(parse(&again).0, s);
        // Canonical: same order whatever order the link had.
        assert_eq!(
            to_query(&parse("sector=230~120&country=ZMB~AGO").0),
            "country=AGO~ZMB&sector=120~230"
        );
    }

    #[test]
    fn bad_parameters_become_notices_not_panics() {
        let (s, notices) = parse("country=AGO~ago~<script>&sdg=0~18~3&from=abc&to=99999&measure=weight&colour=red&sort=x&page=0&v=7");
        assert_eq!(s.filters.countries.iter().collect::<Vec<_>>(), ["AGO"]);
        assert_eq!(s.filters.sdgs.iter().copied().collect::<Vec<_>>(), [3]);
        assert_eq!(s.filters.from, None);
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(
            params,
            [
                "country", "country", "sdg", "sdg", "from", "to", "measure", "colour", "sort",
                "page", "v"
            ]
        );
        assert!(
            notices[1].to_string().contains("<script>"),
            "the notice is text; the UI escapes it"
        );
    }

    #[test]
    fn reversed_ranges_are_swapped_and_foreign_params_kept_quiet() {
        let (s, notices) = parse("from=2015&to=2005&min=9&max=1&lang=zh&zoom=3");
        assert!(notices.is_empty());
        assert_eq!((s.filters.from, s.filters.to), (Some(2005), Some(2015)));
        assert_eq!(
            (s.filters.amount_min, s.filters.amount_max),
            (Some(1), Some(9))
        );
    }

    #[test]
    fn map_positions_round_trip_at_two_decimals() {
        let (s, _) = parse("zoom=2.345&lon=18.123456&lat=-2.005");
        assert_eq!(to_query(&s), "zoom=2.35&lon=18.12&lat=-2.01");
        assert_eq!(parse(&to_query(&s)).0, s);
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        for q in [
            "%",
            "%%%",
            "a=%ZZ",
            "=&=&",
            "country=%E6%B0%B4",
            "\u{0}=\u{0}",
            "q=\u{1F600}",
            "sort=-desc",
            "page=99999999999999999999",
        ] {
            let (s, _) = parse(q);
            let _ = to_query(&s);
        }
    }
}
