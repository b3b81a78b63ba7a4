//! The series of a stacked timeline and their legend.

use crate::columns::Columns;
use crate::crossfilter::Aggregates;
use crate::i18n::{t, Lang};
use crate::model::Status;
use crate::reference::ReferenceIndex;
use crate::state::Measure;

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
    stack: crate::state::Stack,
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
        crate::state::Stack::Sector => Series {
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
