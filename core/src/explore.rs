//! From crossfilter groups to what the explorer shows: labelled bars for each chart and facet, and the
//! headline of the filtered view. Pure, so the labels, orders and selections are tested on the host.

use crate::columns::{Columns, INCOME_CODES};
use crate::crossfilter::{Aggregates, Group};
use crate::i18n::{t, Lang};
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
    /// A stacked timeline's segments, in the measure, one per series of [`stack_series`].
    pub segments: Vec<f64>,
    /// The segments' colours: each series keeps its sector's or status's own colour ([`crate::palette`]).
    pub segment_colours: Vec<crate::palette::Rgb>,
}

/// Most series a stacked timeline shows; the rest are summed as "Other".
pub const STACK_SERIES: usize = 7;

/// One series of a stacked chart, as its legend shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    /// The sector's or status's own colour; grey for "Other".
    pub colour: crate::palette::Rgb,
}

/// The series of a stacked timeline: the largest stack keys (by the measure over all years), then
/// "Other". Returns (the series, for each stack key the series index it belongs to).
pub fn stack_series(
    agg: &Aggregates,
    cols: &Columns,
    reference: &ReferenceIndex,
    stack: crate::query::Stack,
    measure: Measure,
    lang: Lang,
) -> (Vec<Series>, Vec<usize>) {
    let k = agg.stack_keys;
    if k == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut totals: Vec<(usize, f64)> = (0..k)
        .map(|key| {
            let v: f64 = (0..cols.year_codes)
                .map(|y| {
                    let g = &agg.by_year_stack[y * k + key];
                    match measure {
                        Measure::Count => g.count as f64,
                        Measure::Amount => g.sum,
                    }
                })
                .sum();
            (key, v)
        })
        .filter(|(_, v)| *v > 0.0)
        .collect();
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    let label = |key: usize| match stack {
        crate::query::Stack::Sector => Series {
            label: cols
                .sectors
                .get(key)
                .map(|code| reference.sector_name(*code, lang))
                .unwrap_or_else(|| t(lang).unknown_sector.into()),
            colour: cols.sectors.get(key).map_or(crate::palette::OTHER, |code| {
                crate::palette::sector_colour(*code)
            }),
        },
        _ => Series {
            label: Status::ALL
                .get(key)
                .map(|s| s.label(lang).to_string())
                .unwrap_or_else(|| t(lang).unknown_status.into()),
            colour: crate::palette::status_colour(key),
        },
    };
    let shown = if totals.len() > STACK_SERIES {
        STACK_SERIES - 1
    } else {
        totals.len()
    };
    let mut labels: Vec<Series> = totals[..shown].iter().map(|(key, _)| label(*key)).collect();
    let mut series = vec![usize::MAX; k];
    for (i, (key, _)) in totals.iter().enumerate() {
        series[*key] = i.min(shown);
    }
    if totals.len() > shown {
        labels.push(Series {
            label: t(lang).other.into(),
            colour: crate::palette::OTHER,
        });
    }
    for s in series.iter_mut() {
        if *s == usize::MAX {
            *s = shown.min(labels.len().saturating_sub(1));
        }
    }
    (labels, series)
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
            View::Subregion => "chart-subregion",
            View::Provider => "chart-provider",
            View::Sdg => "chart-sdg",
            View::Status => "chart-status",
            View::Flow => "chart-flow",
            View::Income => "chart-income",
        }
    }

    pub fn title_en(self) -> &'static str {
        self.title(Lang::En)
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
            View::Sdg => "sdg",
            View::Status => "status",
            View::Flow => "flow",
            View::Income => "income",
        }
    }
}

pub fn income_label_en(code: &str) -> &'static str {
    income_label(code, Lang::En)
}

/// An income group's label in `lang`.
pub fn income_label(code: &str, lang: Lang) -> &'static str {
    let t = t(lang);
    match code {
        "L" => t.income_l,
        "LM" => t.income_lm,
        "UM" => t.income_um,
        "H" => t.income_h,
        _ => t.income_none,
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
                bar(
                    iso.clone(),
                    reference.country_name(iso, lang).to_string(),
                    agg.by_provider[i],
                    filters.providers.contains(iso),
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
        View::Income => INCOME_CODES
            .iter()
            .enumerate()
            .map(|(i, g)| {
                bar(
                    g.to_string(),
                    income_label(g, lang).into(),
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

/// The state after a click on bar `key` of `view`. A plain click selects only that bar (or clears the
/// selection if it was the only one); shift/ctrl-click adds or removes it. On the timeline a click picks
/// one year and shift-click stretches the range to the clicked year. Filter changes go back to page 1.
pub fn select(
    state: &crate::query::ViewState,
    view: View,
    key: &str,
    additive: bool,
) -> crate::query::ViewState {
    use std::collections::BTreeSet;
    fn apply<T: Ord + Clone>(set: &mut BTreeSet<T>, v: Option<T>, additive: bool) {
        let Some(v) = v else { return };
        if additive {
            if !set.remove(&v) {
                set.insert(v);
            }
        } else if set.len() == 1 && set.contains(&v) {
            set.clear();
        } else {
            set.clear();
            set.insert(v);
        }
    }
    let mut next = state.clone();
    next.page = 1;
    let f = &mut next.filters;
    match view {
        View::Timeline => {
            let Ok(y) = key.parse::<i32>() else {
                return next;
            };
            match (additive, f.from, f.to) {
                (false, Some(a), Some(b)) if a == y && b == y => {
                    f.from = None;
                    f.to = None;
                }
                (true, Some(a), Some(b)) => {
                    f.from = Some(a.min(y));
                    f.to = Some(b.max(y));
                }
                _ => {
                    f.from = Some(y);
                    f.to = Some(y);
                }
            }
        }
        View::Sector => apply(&mut f.sectors, key.parse().ok(), additive),
        View::Recipients => apply(&mut f.countries, Some(key.to_string()), additive),
        View::Region | View::Subregion => apply(&mut f.regions, Some(key.to_string()), additive),
        View::Provider => apply(&mut f.providers, Some(key.to_string()), additive),
        View::Sdg => apply(&mut f.sdgs, key.parse().ok(), additive),
        View::Status => apply(&mut f.statuses, Status::from_code(key), additive),
        View::Flow => apply(&mut f.flows, FlowClass::from_code(key), additive),
        View::Income => apply(&mut f.income, Some(key.to_string()), additive),
    }
    next
}

/// One sentence that says what a chart shows, for screen readers and as a caption.
/// The chart in one sentence: its largest bar and, where `total` (the filtered headline in the measure)
/// is given and the chart shows exactly the filtered projects (nothing selected on its own dimension), the
/// bar's share of that total.
pub fn sentence(
    view: View,
    bars: &[Bar],
    measure: Measure,
    total: Option<f64>,
    lang: Lang,
) -> String {
    let tx = t(lang);
    let value = |g: &Group| match measure {
        Measure::Count => crate::i18n::fill(
            tx.n_projects,
            &[("n", &crate::i18n::count(lang, g.count as u64))],
        ),
        Measure::Amount => crate::i18n::fill(
            tx.amount_of_known,
            &[("amount", &crate::i18n::money(lang, g.sum, "USD"))],
        ),
    };
    let Some(top) = bars
        .iter()
        .max_by(|a, b| a.value(measure).total_cmp(&b.value(measure)))
    else {
        return tx.no_match.into();
    };
    if top.value(measure) <= 0.0 {
        return tx.no_match.into();
    }
    // A selection on the chart's own dimension shows bars outside the filtered total: no share then.
    let own_selection = bars.iter().any(|b| b.selected);
    let share = match total {
        Some(whole) if whole > 0.0 && !own_selection => {
            let pct = format!("{:.0}", 100.0 * top.value(measure) / whole);
            match measure {
                Measure::Count => crate::i18n::fill(
                    tx.share_of_total_count,
                    &[
                        ("pct", &pct),
                        ("n", &crate::i18n::count(lang, whole.round() as u64)),
                    ],
                ),
                Measure::Amount => crate::i18n::fill(tx.share_of_total_amount, &[("pct", &pct)]),
            }
        }
        _ => String::new(),
    };
    let template = match view {
        View::Timeline => tx.sentence_peak_year,
        _ => tx.sentence_leads,
    };
    crate::i18n::fill(
        template,
        &[
            ("label", &top.label),
            ("value", &value(&top.group)),
            ("share", &share),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{parse, to_query};

    #[test]
    fn clicks_select_add_and_clear() {
        let s = parse("").0;
        let s = select(&s, View::Sector, "120", false);
        assert_eq!(to_query(&s), "sector=120");
        let s2 = select(&s, View::Sector, "230", false);
        assert_eq!(to_query(&s2), "sector=230", "a plain click replaces");
        let s3 = select(&s, View::Sector, "230", true);
        assert_eq!(to_query(&s3), "sector=120~230", "shift-click adds");
        assert_eq!(
            to_query(&select(&s3, View::Sector, "120", true)),
            "sector=230",
            "and removes"
        );
        assert_eq!(
            to_query(&select(&s, View::Sector, "120", false)),
            "",
            "clicking the only selection clears it"
        );
        let y = select(&parse("page=4").0, View::Timeline, "2008", false);
        assert_eq!(
            to_query(&y),
            "from=2008&to=2008",
            "a filter change returns to page 1"
        );
        assert_eq!(
            to_query(&select(&y, View::Timeline, "2012", true)),
            "from=2008&to=2012"
        );
        assert_eq!(to_query(&select(&y, View::Timeline, "2008", false)), "");
        assert_eq!(
            to_query(&select(&y, View::Status, "completed", false)),
            "status=completed&from=2008&to=2008"
        );
    }
}
