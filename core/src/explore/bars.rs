//! The bars of each chart and facet: labelled, coloured, sorted, the selection marked.

use crate::columns::Columns;
use crate::crossfilter::{Aggregates, Group};
use crate::i18n::{t, Lang};
use crate::model::{FlowClass, Income, Status};
use crate::reference::ReferenceIndex;
use crate::state::{Filters, Measure};

use super::stack::stack_series;

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
    /// A stacked timeline's segments, in the measure, one per series of [`stack_series`].
    pub segments: Vec<f64>,
    /// The segments' colours: each series keeps its sector's or status's own colour ([`crate::palette`]).
    pub segment_colours: Vec<crate::palette::Rgb>,
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
    /// UN M49 sub-regions (a facet; shares the `region` parameter).
    Subregion,
    Provider,
    /// Which of several datasets loaded together (a facet and chart only then).
    Dataset,
    /// Agencies the records name (a facet).
    Agency,
}

impl View {
    /// The `data-testid` of the chart's container.
    pub fn testid(self) -> &'static str {
        match self {
            View::Timeline => "chart-timeline",
            View::Sector => "chart-sector",
            View::Recipients => "chart-recipients",
            View::Region => "chart-region",
            View::Subregion => "chart-subregion",
            View::Provider => "chart-provider",
            View::Dataset => "chart-dataset",
            View::Agency => "chart-agency",
            View::Sdg => "chart-sdg",
            View::Status => "chart-status",
            View::Flow => "chart-flow",
            View::Income => "chart-income",
        }
    }

    /// The chart's title in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        let t = t(lang);
        match self {
            View::Timeline => t.view_timeline,
            View::Sector => t.view_sector,
            View::Recipients => t.view_recipients,
            View::Region => t.view_region,
            View::Subregion => t.view_subregion,
            View::Provider => t.view_provider,
            View::Dataset => t.view_dataset,
            View::Agency => t.view_agency,
            View::Sdg => t.view_sdg,
            View::Status => t.view_status,
            View::Flow => t.view_flow,
            View::Income => t.view_income,
        }
    }

    /// The URL parameter this view's clicks set.
    pub fn param(self) -> &'static str {
        match self {
            View::Timeline => "year",
            View::Sector => "sector",
            View::Recipients => "country",
            View::Region | View::Subregion => "region",
            View::Provider => "provider",
            View::Dataset => "source",
            View::Agency => "agency",
            View::Sdg => "sdg",
            View::Status => "status",
            View::Flow => "flow",
            View::Income => "income",
        }
    }
}

/// An income group's label in `lang`, from its code; an unknown code is "no income group".
pub fn income_label(code: &str, lang: Lang) -> &'static str {
    Income::from_code(code).map_or(t(lang).income_none, |g| g.label(lang))
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
#[allow(clippy::too_many_arguments)]
pub fn bars(
    view: View,
    agg: &Aggregates,
    cols: &Columns,
    reference: &ReferenceIndex,
    filters: &Filters,
    measure: Measure,
    limit: Option<usize>,
    lang: Lang,
) -> Vec<Bar> {
    let bar = |key: String, label: String, group: Group, selected: bool| Bar {
        key,
        label,
        group,
        selected,
        colour: None,
        segments: Vec::new(),
        segment_colours: Vec::new(),
    };
    let (series_labels, series_of) = if view == View::Timeline {
        stack_series(agg, cols, reference, agg.stack, measure, lang)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut out: Vec<Bar> = match view {
        View::Timeline => (1..cols.year_codes)
            .filter_map(|code| {
                let y = cols.year_of_code(code)?;
                let selected = (filters.from.is_some() || filters.to.is_some())
                    && filters.from.is_none_or(|a| y >= a)
                    && filters.to.is_none_or(|b| y <= b);
                let mut b = bar(y.to_string(), y.to_string(), agg.by_year[code], selected);
                if agg.stack_keys > 0 {
                    b.segments = vec![0.0; series_labels.len()];
                    b.segment_colours = series_labels.iter().map(|s| s.colour).collect();
                    for (key, &series) in series_of.iter().enumerate() {
                        let g = &agg.by_year_stack[code * agg.stack_keys + key];
                        if let Some(v) = b.segments.get_mut(series) {
                            *v += match measure {
                                Measure::Count => g.count as f64,
                                Measure::Amount => g.sum,
                            };
                        }
                    }
                }
                Some(b)
            })
            .collect(),
        View::Sector => cols
            .sectors
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let label = reference.sector_name(*code, lang);
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
                    reference.country_name(iso, lang).to_string(),
                    agg.by_country[i],
                    filters.countries.contains(iso),
                )
            })
            .collect(),
        View::Region | View::Subregion => cols
            .regions
            .iter()
            .enumerate()
            .filter(|(i, code)| {
                let is_region = reference
                    .region(code)
                    .is_some_and(|r| r.parent.is_none() == (view == View::Region));
                is_region && (agg.by_region[*i].count > 0 || filters.regions.contains(*code))
            })
            .map(|(i, code)| {
                let label = reference.region_name(code, lang).to_string();
                bar(
                    code.clone(),
                    label,
                    agg.by_region[i],
                    filters.regions.contains(code),
                )
            })
            .collect(),
        View::Provider => cols
            .providers
            .iter()
            .enumerate()
            .map(|(i, iso)| {
                // A provider that is not a country says what it is: "Islamic Development Bank
                // (multilateral)".
                let name = reference.country_name(iso, lang);
                let label = match reference.actor(iso).and_then(|a| a.kind.label(lang)) {
                    Some(kind) => crate::i18n::with_note(lang, name, kind),
                    None => name.to_string(),
                };
                bar(
                    iso.clone(),
                    label,
                    agg.by_provider[i],
                    filters.providers.contains(iso),
                )
            })
            .collect(),
        View::Dataset => cols
            .datasets
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let label = cols.dataset_name(id, lang).unwrap_or(id);
                bar(
                    id.clone(),
                    label.to_string(),
                    agg.by_dataset.get(i).copied().unwrap_or_default(),
                    filters.datasets.contains(id),
                )
            })
            .collect(),
        // Agencies the current filters leave (live counts), most projects first, and the selected ones.
        View::Agency => cols
            .agencies
            .iter()
            .enumerate()
            .filter(|(i, key)| {
                agg.by_agency.get(*i).is_some_and(|g| g.count > 0)
                    || filters.agencies.contains(*key)
            })
            .map(|(i, key)| {
                let label = cols.agency_names.get(i).unwrap_or(key).clone();
                bar(
                    key.clone(),
                    label,
                    agg.by_agency.get(i).copied().unwrap_or_default(),
                    filters.agencies.contains(key),
                )
            })
            .collect(),
        View::Sdg => (1..=17u8)
            .map(|g| {
                let sdg = reference.sdg(g);
                let label = reference
                    .sdg_name(g, lang)
                    .map(|name| format!("{g} {name}"))
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
                    s.label(lang).into(),
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
                    f.label(lang).into(),
                    agg.by_flow[i],
                    filters.flows.contains(f),
                )
            })
            .collect(),
        View::Income => Income::ALL
            .iter()
            .enumerate()
            .map(|(i, g)| {
                bar(
                    g.code().to_string(),
                    g.label(lang).into(),
                    agg.by_income[i],
                    filters.income.contains(g),
                )
            })
            .collect(),
    };
    if matches!(
        view,
        View::Sector | View::Recipients | View::Region | View::Status | View::Flow | View::Agency
    ) {
        sort_desc(&mut out, measure);
    }
    if view == View::Provider {
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
    if view == View::Provider {
        // The largest providers whatever their kind (a multilateral may be the third largest), then
        // grouped by kind: countries first, then the providers that are not (multilaterals…), each
        // group largest first.
        out.sort_by_key(|b| reference.actor(&b.key).is_some());
    }
    out
}
