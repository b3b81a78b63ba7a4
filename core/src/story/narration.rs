//! Narration: the [`Facts`] of a slide's filtered view and the placeholders [`narrate`] fills from them.

use crate::columns::Name;
use crate::crossfilter::Engine;
use crate::i18n::{self, Lang};
use crate::state::{Filters, Stack};

use super::Bilingual;

/// Figures about a slide's filtered view, for its narration. `None` is unknown (rendered "unknown" /
/// "未知"), never zero: [`Facts::default`] is a view about which nothing is known yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Projects in the view.
    pub count: Option<u64>,
    /// Sum of the known amounts (headline currency and price base); `None` if no project has one.
    pub amount: Option<f64>,
    /// Projects with a known amount in the headline currency and price base.
    pub amount_known: Option<u64>,
    /// The currency of `amount`, e.g. `USD`.
    pub currency: String,
    /// Recipient countries with projects in the view.
    pub countries: Option<u64>,
    /// Earliest and latest commitment year in the view.
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The sector, recipient country and region with the most projects in the view (by count; a
    /// selection on that dimension limits the choice to the selected codes; ties go to the name first in
    /// English alphabetical order). Regions are the UN M49 top-level regions unless the view selects
    /// regions or sub-regions.
    pub top_sector: Option<Bilingual>,
    pub top_country: Option<Bilingual>,
    pub top_region: Option<Bilingual>,
}

/// The name with the most projects among `candidates` (name, count), count > 0.
fn top(candidates: impl Iterator<Item = (Bilingual, u32)>) -> Option<Bilingual> {
    candidates
        .filter(|(_, count)| *count > 0)
        .max_by(|(a, x), (b, y)| x.cmp(y).then_with(|| b.en.cmp(&a.en)))
        .map(|(name, _)| name)
}

/// Computes the [`Facts`] of the view `filters` with the crossfilter (as the explorer's headline does).
/// `currency` is the headline currency the columns were built with.
pub fn facts(engine: &mut Engine, filters: &Filters, currency: &str) -> Facts {
    engine.run(filters, Stack::None);
    let (agg, cols) = (&engine.agg, &engine.cols);
    let t = agg.total;
    // Years: the year view counts projects the year filter leaves out, so keep to the range.
    let mut years: Option<(i32, i32)> = None;
    for code in 1..cols.year_codes {
        let Some(y) = cols.year_of_code(code) else {
            continue;
        };
        let inside = filters.from.is_none_or(|a| y >= a) && filters.to.is_none_or(|b| y <= b);
        if agg.by_year.get(code).is_some_and(|g| g.count > 0) && inside {
            years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
        }
    }
    // Each view also counts what its own filter leaves out, so a selection limits the candidates.
    let country_ok = |iso: &String| filters.countries.is_empty() || filters.countries.contains(iso);
    let countries = cols
        .countries
        .iter()
        .enumerate()
        .filter(|(i, iso)| agg.by_country.get(*i).is_some_and(|g| g.count > 0) && country_ok(iso))
        .count();
    let name_of = |name: Option<&Name>, code: String| {
        name.map(Bilingual::from)
            .unwrap_or_else(|| Bilingual::new(code.clone(), code))
    };
    let top_country = top(cols
        .countries
        .iter()
        .enumerate()
        .filter(|(_, iso)| country_ok(iso))
        .map(|(i, iso)| {
            (
                name_of(cols.names.countries.get(iso), iso.clone()),
                agg.by_country.get(i).map_or(0, |g| g.count),
            )
        }));
    let top_sector = top(cols
        .sectors
        .iter()
        .enumerate()
        .filter(|(_, code)| filters.sectors.is_empty() || filters.sectors.contains(code))
        .map(|(i, code)| {
            (
                name_of(cols.names.sectors.get(code), code.to_string()),
                agg.by_sector.get(i).map_or(0, |g| g.count),
            )
        }));
    let top_region = top(cols
        .regions
        .iter()
        .enumerate()
        .filter(|(_, code)| {
            if filters.regions.is_empty() {
                cols.names.top_regions.contains(*code)
            } else {
                filters.regions.contains(*code)
            }
        })
        .map(|(i, code)| {
            (
                name_of(cols.names.regions.get(code), code.clone()),
                agg.by_region.get(i).map_or(0, |g| g.count),
            )
        }));
    Facts {
        count: Some(t.count as u64),
        amount: (t.known > 0).then_some(t.sum),
        amount_known: Some(t.known as u64),
        currency: currency.to_string(),
        countries: Some(countries as u64),
        first_year: years.map(|y| y.0),
        last_year: years.map(|y| y.1),
        top_sector,
        top_country,
        top_region,
    }
}

/// Fills a narration's placeholders from `facts` in `lang`. Numbers follow the language
/// ([`crate::i18n::count`], [`crate::i18n::money`]); a missing fact reads "unknown" / "未知"; an
/// unknown placeholder stays as written.
pub fn narrate(template: &str, facts: &Facts, lang: Lang) -> String {
    let unknown = match lang {
        Lang::En => "unknown",
        Lang::Zh => "未知",
    };
    let number = |n: Option<u64>| n.map_or_else(|| unknown.to_string(), |n| i18n::count(lang, n));
    let year = |y: Option<i32>| y.map_or_else(|| unknown.to_string(), |y| y.to_string());
    let name = |b: &Option<Bilingual>| {
        b.as_ref()
            .map(|b| b.get(lang))
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(unknown)
            .to_string()
    };
    let amount = facts.amount.filter(|v| v.is_finite()).map_or_else(
        || unknown.to_string(),
        |v| i18n::money(lang, v, &facts.currency),
    );
    let values = [
        ("count", number(facts.count)),
        ("amount", amount),
        ("amount_known", number(facts.amount_known)),
        ("countries", number(facts.countries)),
        ("first_year", year(facts.first_year)),
        ("last_year", year(facts.last_year)),
        ("top_sector", name(&facts.top_sector)),
        ("top_country", name(&facts.top_country)),
        ("top_region", name(&facts.top_region)),
    ];
    let args: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::fill(template, &args)
}
