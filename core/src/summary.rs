//! The headline figures of a set of projects: how many, how much (known), how much is unknown.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Dataset, Project};
use crate::money::Unit;

/// Known amounts of one currency and price base; never mixed with another.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountGroup {
    pub currency: String,
    pub price_base: String,
    pub total: f64,
    pub projects: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub projects: usize,
    /// The amount group the headline reports: the dataset's declared price base, else the largest group.
    pub amount: Option<AmountGroup>,
    /// Projects with a known amount in another currency or price base (not added to `amount`).
    pub amount_other_groups: usize,
    /// Projects whose amount is unknown (not zero).
    pub amount_unknown: usize,
    /// Range of commitment years, where known.
    pub years: Option<(i32, i32)>,
    pub year_unknown: usize,
    /// Distinct recipient countries.
    pub countries: usize,
    /// Projects with no recipient country (regional or multi-region).
    pub without_country: usize,
}

impl Summary {
    pub fn of<'a>(
        projects: impl IntoIterator<Item = &'a Project>,
        preferred_price_base: Option<&str>,
    ) -> Summary {
        let mut n = 0;
        let mut groups: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
        let mut unknown = 0;
        let mut years: Option<(i32, i32)> = None;
        let mut year_unknown = 0;
        let mut countries = BTreeSet::new();
        let mut without_country = 0;
        for p in projects {
            n += 1;
            match &p.amount {
                Some(a) => {
                    let g = groups
                        .entry((a.currency.clone(), a.price_base.clone()))
                        .or_insert((0.0, 0));
                    g.0 += a.value;
                    g.1 += 1;
                }
                None => unknown += 1,
            }
            match p.years.commitment {
                Some(y) => years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y)))),
                None => year_unknown += 1,
            }
            if p.recipients.is_empty() {
                without_country += 1;
            }
            countries.extend(p.recipients.iter().map(String::as_str));
        }
        // The declared price base's group that most projects use (several currencies may share a
        // price base: never the first in alphabetical order), else the largest group.
        let chosen = groups
            .iter()
            .filter(|((_, pb), _)| Some(pb.as_str()) == preferred_price_base)
            .max_by_key(|(_, (_, count))| *count)
            .or_else(|| groups.iter().max_by_key(|(_, (_, count))| *count))
            .map(|((currency, price_base), (total, projects))| AmountGroup {
                currency: currency.clone(),
                price_base: price_base.clone(),
                total: *total,
                projects: *projects,
            });
        let in_chosen = chosen.as_ref().map_or(0, |g| g.projects);
        let known: usize = groups.values().map(|g| g.1).sum();
        Summary {
            projects: n,
            amount: chosen,
            amount_other_groups: known - in_chosen,
            amount_unknown: unknown,
            years,
            year_unknown,
            countries: countries.len(),
            without_country,
        }
    }

    pub fn of_dataset(d: &Dataset) -> Summary {
        Summary::of(&d.projects, d.meta.price_base.as_deref())
    }

    /// The unit every sum of this data is written in: the headline's amount group's currency and price
    /// base, from the data itself; [`Unit::unstated`] when no project has an amount (never a currency
    /// chosen by hand).
    pub fn unit(&self) -> Unit {
        self.amount
            .as_ref()
            .map_or_else(Unit::unstated, |a| Unit::new(&a.currency, &a.price_base))
    }
}
