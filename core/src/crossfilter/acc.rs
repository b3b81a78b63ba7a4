//! Exact accumulators and the engine's own copy of every view.
//!
//! Sums are kept in fixed point: each amount becomes `trunc(amount × 2^13)` as an `i64`, and a group
//! adds those in an `i128`. Integer addition is associative and has an exact inverse, so a group that
//! received rows in any order, with any number of additions and removals in between, holds exactly the
//! integer a from-scratch pass would: the incremental path and a full pass give bit-identical `f64`
//! sums (`Group::sum` is that integer rounded once to the nearest `f64`). `f64` running sums would
//! not: `(a + b) - b` need not be `a`, and the error would grow with every filter change.
//!
//! What the fixed point costs: amounts are at most 10^15 (the validator's bound, < 2^50), so
//! `amount × 2^13` fits an `i64`; an amount with a fractional part finer than 2^-13 (≈ 0.000122 of a
//! currency unit) loses that part, which is below a cent, and amounts of 2^39 or more are multiples of
//! 2^-13 already and lose nothing. Whole amounts (the AidData data has only whole dollars) are exact,
//! so a total is the exact sum rounded once — closer than a running `f64` sum, and equal to it while
//! the exact sum stays below 2^53. An `i128` holds 2^32 rows of 2^63 without overflow.

use crate::columns::*;
use crate::state::Stack;

use super::{dim, Aggregates, Group, N_FLOW, N_STATUS};

/// `amount × SCALE` is the fixed-point value of an amount.
const SCALE: f64 = 8192.0;

/// A group as the engine keeps it: counts, and the sum in fixed point.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Acc {
    count: u32,
    known: u32,
    other: u32,
    sum: i128,
}

/// One row's contribution to a group, or its negation (counts then wrap, so adding the negation
/// removes the row).
#[derive(Clone, Copy, Debug)]
pub(super) struct Val {
    n: u32,
    known: u32,
    other: u32,
    sum: i128,
}

impl Val {
    #[inline(always)]
    pub fn of(amount: f64, class: u8) -> Val {
        Val {
            n: 1,
            known: (class == AMOUNT_HEADLINE) as u32,
            other: (class == AMOUNT_OTHER) as u32,
            // `as` saturates (and maps NaN to 0): no panic on any input.
            sum: (amount * SCALE) as i64 as i128,
        }
    }

    /// The row count this adds: 1, or for a negation its wrapping inverse.
    #[inline(always)]
    pub fn count(&self) -> u32 {
        self.n
    }

    #[inline(always)]
    pub fn neg(self) -> Val {
        Val {
            n: self.n.wrapping_neg(),
            known: self.known.wrapping_neg(),
            other: self.other.wrapping_neg(),
            sum: self.sum.wrapping_neg(),
        }
    }
}

impl Acc {
    #[inline(always)]
    pub fn add(&mut self, v: &Val) {
        self.count = self.count.wrapping_add(v.n);
        self.known = self.known.wrapping_add(v.known);
        self.other = self.other.wrapping_add(v.other);
        self.sum = self.sum.wrapping_add(v.sum);
    }

    #[inline(always)]
    pub fn merge(&mut self, o: &Acc) {
        self.count = self.count.wrapping_add(o.count);
        self.known = self.known.wrapping_add(o.known);
        self.other = self.other.wrapping_add(o.other);
        self.sum = self.sum.wrapping_add(o.sum);
    }

    pub fn count(&self) -> u32 {
        self.count
    }

    /// Whether adding this changes nothing. A group of changes (rows added and others removed) can
    /// hold no rows and still a sum.
    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.known == 0 && self.other == 0 && self.sum == 0
    }

    pub fn group(&self) -> Group {
        Group {
            count: self.count,
            known: self.known,
            other: self.other,
            // One rounding (int → float), then an exact division by a power of two.
            sum: self.sum as f64 / SCALE,
        }
    }
}

pub(super) fn reset(v: &mut Vec<Acc>, n: usize) {
    v.clear();
    v.resize(n, Acc::default());
}

// A row's fail mask is a u16.
const _: () = assert!(dim::COUNT <= 16);

/// Whether a row with fail mask `m` counts in any view: it fails at most one filter (failing none,
/// it counts in every view; failing one, in that filter's own view).
#[inline(always)]
pub(super) fn counted(m: u32) -> bool {
    m & m.wrapping_sub(1) == 0
}

/// Whether a row whose fail mask went from `before` to `now` left or entered a view: the views of
/// a mask counted anywhere are its own (every view, or one filter's), and a mask failing two
/// filters or more counts nowhere.
#[inline(always)]
pub(super) fn changes_views(before: u32, now: u32) -> bool {
    before != now && (counted(before) || counted(now))
}

/// The engine's copy of every view, in [`Acc`]s; [`Views::publish`] turns it into [`Aggregates`].
#[derive(Clone, Default)]
pub(super) struct Views {
    pub total: Acc,
    pub country: Vec<Acc>,
    pub region: Vec<Acc>,
    pub income: Vec<Acc>,
    pub sector: Vec<Acc>,
    pub sdg: Vec<Acc>,
    pub status: Vec<Acc>,
    pub flow: Vec<Acc>,
    pub provider: Vec<Acc>,
    pub dataset: Vec<Acc>,
    pub agency: Vec<Acc>,
    pub year: Vec<Acc>,
    pub year_stack: Vec<Acc>,
    pub stack: Stack,
    pub stack_keys: usize,
    pub excluded_year: u32,
    pub excluded_amount: u32,
    pub without_country: u32,
}

impl Views {
    pub fn reset(&mut self, c: &Columns, stack: Stack) {
        let n_sectors = c.sectors.len() + 1;
        self.total = Acc::default();
        reset(&mut self.country, c.countries.len());
        reset(&mut self.region, c.regions.len());
        reset(&mut self.income, INCOME_CODES.len() + 1);
        reset(&mut self.sector, n_sectors);
        reset(&mut self.sdg, 18);
        reset(&mut self.status, N_STATUS);
        reset(&mut self.flow, N_FLOW);
        reset(&mut self.provider, c.providers.len());
        reset(&mut self.dataset, c.datasets.len());
        reset(&mut self.agency, c.agencies.len());
        reset(&mut self.year, c.year_codes);
        self.stack = stack;
        self.stack_keys = match stack {
            Stack::None => 0,
            Stack::Sector => n_sectors,
            Stack::Status => N_STATUS,
        };
        reset(&mut self.year_stack, c.year_codes * self.stack_keys);
        self.excluded_year = 0;
        self.excluded_amount = 0;
        self.without_country = 0;
    }

    /// Zeroes every view but dimension `d`'s own.
    pub fn reset_except(&mut self, d: u32) {
        let zero = |v: &mut Vec<Acc>| v.iter_mut().for_each(|g| *g = Acc::default());
        self.total = Acc::default();
        self.without_country = 0;
        self.excluded_amount = 0;
        for (e, v) in [
            (dim::COUNTRY, &mut self.country),
            (dim::REGION, &mut self.region),
            (dim::INCOME, &mut self.income),
            (dim::SECTOR, &mut self.sector),
            (dim::SDG, &mut self.sdg),
            (dim::STATUS, &mut self.status),
            (dim::FLOW, &mut self.flow),
            (dim::PROVIDER, &mut self.provider),
            (dim::DATASET, &mut self.dataset),
            (dim::AGENCY, &mut self.agency),
            (dim::YEAR, &mut self.year),
            (dim::YEAR, &mut self.year_stack),
        ] {
            if e != d {
                zero(v);
            }
        }
        self.excluded_year = 0;
    }

    /// Copies the views into `a` (reusing its buffers).
    pub fn publish(&self, a: &mut Aggregates) {
        let copy = |to: &mut Vec<Group>, from: &[Acc]| {
            to.clear();
            to.extend(from.iter().map(Acc::group));
        };
        a.total = self.total.group();
        copy(&mut a.by_country, &self.country);
        copy(&mut a.by_region, &self.region);
        copy(&mut a.by_income, &self.income);
        copy(&mut a.by_sector, &self.sector);
        copy(&mut a.by_sdg, &self.sdg);
        copy(&mut a.by_status, &self.status);
        copy(&mut a.by_flow, &self.flow);
        copy(&mut a.by_provider, &self.provider);
        copy(&mut a.by_dataset, &self.dataset);
        copy(&mut a.by_agency, &self.agency);
        copy(&mut a.by_year, &self.year);
        copy(&mut a.by_year_stack, &self.year_stack);
        a.stack_keys = self.stack_keys;
        a.stack = self.stack;
        a.excluded_unknown_year = self.excluded_year;
        a.excluded_unknown_amount = self.excluded_amount;
        a.without_country = self.without_country;
    }

    #[inline]
    pub fn add_year(&mut self, year: usize, combo: usize, v: &Val) {
        self.year[year].add(v);
        if self.stack_keys > 0 {
            let key = if matches!(self.stack, Stack::Sector) {
                combo / (N_STATUS * N_FLOW)
            } else {
                combo / N_FLOW % N_STATUS
            };
            self.year_stack[year * self.stack_keys + key].add(v);
        }
    }

    /// A row into the bar of each agency it names.
    #[inline]
    pub fn add_agencies(&mut self, c: &Columns, i: usize, v: &Val) {
        for &k in c.row_agencies(i) {
            if let Some(g) = self.agency.get_mut(k as usize) {
                g.add(v);
            }
        }
    }

    /// A row into its dataset's bar (none when only one dataset is loaded).
    #[inline]
    pub fn add_dataset(&mut self, c: &Columns, i: usize, v: &Val) {
        if let Some(g) = c
            .dataset
            .get(i)
            .and_then(|&k| self.dataset.get_mut(k as usize))
        {
            g.add(v);
        }
    }

    #[inline]
    pub fn add_sdgs(&mut self, sdgs: u32, v: &Val) {
        let mut bits = sdgs;
        while bits != 0 {
            if let Some(g) = self.sdg.get_mut(bits.trailing_zeros() as usize) {
                g.add(v);
            }
            bits &= bits - 1;
        }
    }

    #[inline]
    pub fn add_providers(&mut self, c: &Columns, i: usize, v: &Val) {
        let p = c.provider1[i];
        if p != MULTI {
            // A row without a provider has the code after the last: no bar.
            if let Some(g) = self.provider.get_mut(p as usize) {
                g.add(v);
            }
        } else {
            for &x in c.row_providers(i) {
                if let Some(g) = self.provider.get_mut(x as usize) {
                    g.add(v);
                }
            }
        }
    }

    /// A row into the geographic views named by `views` (bits 0–2). With one recipient it counts in
    /// its region and sub-region; with several, once per distinct region (and income group), however
    /// many of its recipients share it.
    pub fn add_geo(&mut self, c: &Columns, countries: &[u16], views: u32, v: &Val) {
        let single = countries.len() == 1;
        for (j, &k) in countries.iter().enumerate() {
            let k = k as usize;
            let earlier = &countries[..j];
            if views & 1 != 0 {
                self.country[k].add(v);
            }
            if views & 2 != 0 {
                for (which, r) in [c.country_region[k], c.country_subregion[k]]
                    .into_iter()
                    .enumerate()
                {
                    let seen = !single
                        && (earlier.iter().any(|&e| {
                            c.country_region[e as usize] == r
                                || c.country_subregion[e as usize] == r
                        }) || (which == 1 && c.country_region[k] == r));
                    if r != NO_REGION && !seen {
                        self.region[r as usize].add(v);
                    }
                }
            }
            if views & 4 != 0 {
                let g = c.country_income[k];
                if !earlier.iter().any(|&e| c.country_income[e as usize] == g) {
                    self.income[g as usize].add(v);
                }
            }
        }
    }
}
