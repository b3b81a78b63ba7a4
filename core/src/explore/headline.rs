//! The headline of the filtered view.

use crate::columns::Columns;
use crate::crossfilter::Aggregates;
use crate::state::Filters;
use crate::summary::{AmountGroup, Summary};

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
        amount: (t.known > 0).then(|| AmountGroup {
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

/// The headline a page shows for `loaded` with no filter, computed as the app computes it once the data
/// is read: the summary's unit, the column store, an unfiltered crossfilter pass, [`headline`]. The build
/// writes it for the built-in default dataset (`cargo xtask snapshots`), so that the front page can show
/// the figures before the data and the reader's code have arrived ([`Summary::to_text`]).
pub fn unfiltered_headline(
    loaded: &crate::Loaded,
    reference: &crate::reference::ReferenceIndex,
) -> Summary {
    let unit = Summary::of_dataset(&loaded.dataset).unit();
    let mut builder = crate::columns::ColumnsBuilder::new(
        &loaded.dataset,
        reference,
        &unit.currency,
        &unit.price_base,
    );
    while !builder.step(usize::MAX) {}
    let mut engine = crate::crossfilter::Engine::new(builder.finish());
    let filters = Filters::default();
    let agg = engine.run(&filters, crate::state::Stack::None).clone();
    headline(
        &agg,
        &engine.cols,
        &filters,
        &unit.currency,
        &unit.price_base,
    )
}
