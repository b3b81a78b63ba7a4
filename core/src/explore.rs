//! From crossfilter groups to what the explorer shows: labelled bars for each chart and facet, and the
//! headline of the filtered view. Pure, so the labels, orders and selections are tested on the host.

use crate::columns::{Columns, INCOME_CODES};
use crate::crossfilter::{Aggregates, Group};
use crate::model::{FlowClass, Status};
use crate::query::{Filters, Measure};
use crate::reference::ReferenceIndex;
use crate::summary::{AmountGroup, Summary};

/// One bar of a chart, one row of a facet.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The code used in the URL (ISO-3, M49, CRS, SDG number, status code, year).
    pub key: String,
    pub label: String,
    pub group: Group,
    /// Part of the current selection on this chart's own dimension (highlighted, not filtered away).
    pub selected: bool,
    /// An official colour (SDGs), else the chart's palette is used.
    pub colour: Option<String>,
}

impl Bar {
    pub fn value(&self, measure: Measure) -> f64 {
        match measure {
            Measure::Count => self.group.count as f64,
            Measure::Amount => self.group.sum,
        }
    }
}

/// The charts and facets of the explorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Timeline,
    Sector,
    Recipients,
    Region,
    Sdg,
    Status,
    Flow,
    Income,
}

impl View {
    pub const CHARTS: [View; 6] = [
        View::Timeline,
        View::Sector,
        View::Recipients,
        View::Region,
        View::Sdg,
        View::Status,
    ];

    /// The `data-testid` of the chart's container.
    pub fn testid(self) -> &'static str {
        match self {
            View::Timeline => "chart-timeline",
            View::Sector => "chart-sector",
            View::Recipients => "chart-recipients",
            View::Region => "chart-region",
            View::Sdg => "chart-sdg",
            View::Status => "chart-status",
            View::Flow => "chart-flow",
            View::Income => "chart-income",
        }
    }

    pub fn title_en(self) -> &'static str {
        match self {
            View::Timeline => "Projects by commitment year",
            View::Sector => "By sector",
            View::Recipients => "Top recipients",
            View::Region => "By region",
            View::Sdg => "By indicative SDG",
            View::Status => "By status",
            View::Flow => "By flow class",
            View::Income => "By income group",
        }
    }

    /// The URL parameter this view's clicks set.
    pub fn param(self) -> &'static str {
        match self {
            View::Timeline => "year",
            View::Sector => "sector",
            View::Recipients => "country",
            View::Region => "region",
            View::Sdg => "sdg",
            View::Status => "status",
            View::Flow => "flow",
            View::Income => "income",
        }
    }
}

pub fn income_label_en(code: &str) -> &'static str {
    match code {
        "L" => "Low income",
        "LM" => "Lower middle income",
        "UM" => "Upper middle income",
        "H" => "High income",
        _ => "Not classified",
    }
}

fn sort_desc(bars: &mut [Bar], measure: Measure) {
    bars.sort_by(|a, b| {
        b.value(measure)
            .total_cmp(&a.value(measure))
            .then_with(|| a.label.cmp(&b.label))
    });
}

/// Bars for a view, in the order the chart shows them. `limit` cuts long lists (recipients), always
/// keeping selected bars.
pub fn bars(
    view: View,
    agg: &Aggregates,
    cols: &Columns,
    reference: &ReferenceIndex,
    filters: &Filters,
    measure: Measure,
    limit: Option<usize>,
) -> Vec<Bar> {
    let bar = |key: String, label: String, group: Group, selected: bool| Bar {
        key,
        label,
        group,
        selected,
        colour: None,
    };
    let mut out: Vec<Bar> = match view {
        View::Timeline => (1..cols.year_codes)
            .filter_map(|code| {
                let y = cols.year_of_code(code)?;
                let selected = (filters.from.is_some() || filters.to.is_some())
                    && filters.from.is_none_or(|a| y >= a)
                    && filters.to.is_none_or(|b| y <= b);
                Some(bar(
                    y.to_string(),
                    y.to_string(),
                    agg.by_year[code],
                    selected,
                ))
            })
            .collect(),
        View::Sector => cols
            .sectors
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let label = reference
                    .sector(*code)
                    .map(|s| s.name_en.clone())
                    .unwrap_or_else(|| format!("Sector {code}"));
                bar(
                    code.to_string(),
                    label,
                    agg.by_sector[i],
                    filters.sectors.contains(code),
                )
            })
            .collect(),
        View::Recipients => cols
            .countries
            .iter()
            .enumerate()
            .filter(|(i, iso)| agg.by_country[*i].count > 0 || filters.countries.contains(*iso))
            .map(|(i, iso)| {
                bar(
                    iso.clone(),
                    reference.country_name_en(iso).to_string(),
                    agg.by_country[i],
                    filters.countries.contains(iso),
                )
            })
            .collect(),
        View::Region => cols
            .regions
            .iter()
            .enumerate()
            .filter(|(i, code)| {
                let is_region = reference.region(code).is_some_and(|r| r.parent.is_none());
                is_region && (agg.by_region[*i].count > 0 || filters.regions.contains(*code))
            })
            .map(|(i, code)| {
                let label = reference
                    .region(code)
                    .map(|r| r.name_en.clone())
                    .unwrap_or_else(|| code.clone());
                bar(
                    code.clone(),
                    label,
                    agg.by_region[i],
                    filters.regions.contains(code),
                )
            })
            .collect(),
        View::Sdg => (1..=17u8)
            .map(|g| {
                let sdg = reference.sdg(g);
                let label = sdg
                    .map(|s| format!("{g} {}", s.name_en))
                    .unwrap_or_else(|| format!("SDG {g}"));
                let mut b = bar(
                    g.to_string(),
                    label,
                    agg.by_sdg[g as usize],
                    filters.sdgs.contains(&g),
                );
                b.colour = sdg.map(|s| s.colour.clone());
                b
            })
            .collect(),
        View::Status => Status::ALL
            .iter()
            .enumerate()
            .filter(|(i, s)| agg.by_status[*i].count > 0 || filters.statuses.contains(*s))
            .map(|(i, s)| {
                bar(
                    s.code().into(),
                    s.label_en().into(),
                    agg.by_status[i],
                    filters.statuses.contains(s),
                )
            })
            .collect(),
        View::Flow => FlowClass::ALL
            .iter()
            .enumerate()
            .filter(|(i, f)| agg.by_flow[*i].count > 0 || filters.flows.contains(*f))
            .map(|(i, f)| {
                bar(
                    f.code().into(),
                    f.label_en().into(),
                    agg.by_flow[i],
                    filters.flows.contains(f),
                )
            })
            .collect(),
        View::Income => INCOME_CODES
            .iter()
            .enumerate()
            .map(|(i, g)| {
                bar(
                    g.to_string(),
                    income_label_en(g).into(),
                    agg.by_income[i],
                    filters.income.contains(*g),
                )
            })
            .collect(),
    };
    if matches!(
        view,
        View::Sector | View::Recipients | View::Region | View::Status | View::Flow
    ) {
        sort_desc(&mut out, measure);
    }
    if let Some(n) = limit {
        out = out
            .into_iter()
            .enumerate()
            .filter(|(i, b)| *i < n || b.selected)
            .map(|(_, b)| b)
            .collect();
    }
    out
}

/// The headline of the filtered view, in the same shape as the whole dataset's.
pub fn headline(
    agg: &Aggregates,
    cols: &Columns,
    filters: &Filters,
    currency: &str,
    price_base: &str,
) -> Summary {
    let t = agg.total;
    let year_filter = filters.from.is_some() || filters.to.is_some();
    let mut years: Option<(i32, i32)> = None;
    for code in 1..cols.year_codes {
        let Some(y) = cols.year_of_code(code) else {
            continue;
        };
        let inside = filters.from.is_none_or(|a| y >= a) && filters.to.is_none_or(|b| y <= b);
        if agg.by_year[code].count > 0 && inside {
            years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
        }
    }
    let countries = cols
        .countries
        .iter()
        .enumerate()
        .filter(|(i, iso)| {
            agg.by_country[*i].count > 0
                && (filters.countries.is_empty() || filters.countries.contains(*iso))
        })
        .count();
    Summary {
        projects: t.count as usize,
        amount: (t.known > 0 || t.count > 0).then(|| AmountGroup {
            currency: currency.to_string(),
            price_base: price_base.to_string(),
            total: t.sum,
            projects: t.known as usize,
        }),
        amount_other_groups: t.other as usize,
        amount_unknown: t.unknown() as usize,
        years,
        year_unknown: if year_filter {
            0
        } else {
            agg.by_year.first().map_or(0, |g| g.count as usize)
        },
        countries,
        without_country: agg.without_country as usize,
    }
}
