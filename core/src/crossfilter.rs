//! Linked crossfilter over [`Columns`]: one pass over the rows computes every view's groups, each view
//! counting with every filter except its own (so a facet still shows its alternatives, with live counts).
//!
//! Each row gets a bit mask of the filters it fails. A row failing none counts in every view; a row
//! failing exactly one filter counts only in that filter's own view; any other row counts nowhere.
//! Results are written into buffers owned by the engine: no allocation per filter change.

use crate::columns::*;
use crate::model::{FlowClass, Status};
use crate::query::{Filters, Stack};
use crate::text::fold;

/// Dimensions, as bit positions in a row's fail mask.
pub mod dim {
    pub const COUNTRY: u32 = 0;
    pub const REGION: u32 = 1;
    pub const INCOME: u32 = 2;
    pub const SECTOR: u32 = 3;
    pub const SDG: u32 = 4;
    pub const STATUS: u32 = 5;
    pub const FLOW: u32 = 6;
    pub const PROVIDER: u32 = 7;
    pub const YEAR: u32 = 8;
    pub const AMOUNT: u32 = 9;
    pub const TEXT: u32 = 10;
}

/// Projects in one bar, slice or cell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Group {
    pub count: u32,
    /// Projects with an amount in the headline currency and price base.
    pub known: u32,
    /// Projects with an amount in another currency or price base.
    pub other: u32,
    /// Sum of the `known` amounts.
    pub sum: f64,
}

impl Group {
    #[inline(always)]
    fn add(&mut self, amount: f64, class: u8) {
        self.count += 1;
        self.known += (class == AMOUNT_HEADLINE) as u32;
        self.other += (class == AMOUNT_OTHER) as u32;
        self.sum += amount;
    }

    /// Projects whose amount is unknown (not zero).
    pub fn unknown(&self) -> u32 {
        self.count - self.known - self.other
    }
}

/// Every view's groups for one filter state.
#[derive(Clone, Debug, Default)]
pub struct Aggregates {
    /// Projects passing every filter: the headline.
    pub total: Group,
    pub by_country: Vec<Group>,
    pub by_region: Vec<Group>,
    /// `INCOME_CODES` order, then unknown.
    pub by_income: Vec<Group>,
    /// Sector dictionary order, then unknown.
    pub by_sector: Vec<Group>,
    /// Index = SDG number (0 unused).
    pub by_sdg: Vec<Group>,
    /// `Status::ALL` order, then unknown.
    pub by_status: Vec<Group>,
    /// `FlowClass::ALL` order, then unknown.
    pub by_flow: Vec<Group>,
    pub by_provider: Vec<Group>,
    /// Index = year code (0 = unknown year).
    pub by_year: Vec<Group>,
    /// Year × stack key (sector or status, with unknown last), row-major by year, when stacked.
    pub by_year_stack: Vec<Group>,
    pub stack_keys: usize,
    /// Projects that pass every other filter but are left out by the year filter for an unknown year.
    pub excluded_unknown_year: u32,
    /// The same for the amount filter and unknown (or other-currency) amounts.
    pub excluded_unknown_amount: u32,
}

/// Crossfilter state: the columns, per-change lookup tables and result buffers.
pub struct Engine {
    pub cols: Columns,
    pub agg: Aggregates,
    country_sel: Vec<bool>,
    region_sel: Vec<bool>,
    income_sel: Vec<bool>,
    sector_sel: Vec<bool>,
    status_sel: Vec<bool>,
    flow_sel: Vec<bool>,
    provider_sel: Vec<bool>,
    text_query: String,
    text_mask: Vec<bool>,
}

fn reset(v: &mut Vec<Group>, n: usize) {
    v.clear();
    v.resize(n, Group::default());
}

impl Engine {
    pub fn new(cols: Columns) -> Engine {
        Engine {
            agg: Aggregates::default(),
            country_sel: vec![false; cols.countries.len()],
            region_sel: vec![false; cols.regions.len() + 1],
            income_sel: vec![false; INCOME_CODES.len() + 1],
            sector_sel: vec![false; 256],
            status_sel: vec![false; Status::ALL.len() + 1],
            flow_sel: vec![false; FlowClass::ALL.len() + 1],
            provider_sel: vec![false; cols.providers.len()],
            text_query: String::new(),
            text_mask: Vec::new(),
            cols,
        }
    }

    fn prepare(&mut self, f: &Filters) -> u32 {
        let c = &self.cols;
        let mut active = 0u32;
        let mut set = |flag: u32, on: bool| {
            if on {
                active |= 1 << flag;
            }
        };
        set(dim::COUNTRY, !f.countries.is_empty());
        set(dim::REGION, !f.regions.is_empty());
        set(dim::INCOME, !f.income.is_empty());
        set(dim::SECTOR, !f.sectors.is_empty());
        set(dim::SDG, !f.sdgs.is_empty());
        set(dim::STATUS, !f.statuses.is_empty());
        set(dim::FLOW, !f.flows.is_empty());
        set(dim::PROVIDER, !f.providers.is_empty());
        set(dim::YEAR, f.from.is_some() || f.to.is_some());
        set(
            dim::AMOUNT,
            f.amount_min.is_some() || f.amount_max.is_some(),
        );
        set(dim::TEXT, !f.q.trim().is_empty());

        for (i, iso) in c.countries.iter().enumerate() {
            self.country_sel[i] = f.countries.contains(iso);
        }
        for (i, code) in c.regions.iter().enumerate() {
            self.region_sel[i] = f.regions.contains(code);
        }
        for (i, code) in INCOME_CODES.iter().enumerate() {
            self.income_sel[i] = f.income.contains(*code);
        }
        self.sector_sel.iter_mut().for_each(|s| *s = false);
        for (i, code) in c.sectors.iter().enumerate() {
            self.sector_sel[i] = f.sectors.contains(code);
        }
        for (i, s) in Status::ALL.iter().enumerate() {
            self.status_sel[i] = f.statuses.contains(s);
        }
        for (i, fl) in FlowClass::ALL.iter().enumerate() {
            self.flow_sel[i] = f.flows.contains(fl);
        }
        for (i, iso) in c.providers.iter().enumerate() {
            self.provider_sel[i] = f.providers.contains(iso);
        }
        let q = fold(f.q.trim());
        if !q.is_empty() && (q != self.text_query || self.text_mask.len() != c.len) {
            let words: Vec<&str> = q.split_whitespace().collect();
            self.text_mask = (0..c.len)
                .map(|i| {
                    c.text
                        .get(i)
                        .is_some_and(|t| words.iter().all(|w| t.contains(w)))
                })
                .collect();
        }
        self.text_query = q;
        active
    }

    /// Recomputes every view for `f`. `stack` chooses the timeline's second dimension.
    pub fn run(&mut self, f: &Filters, stack: Stack) -> &Aggregates {
        let active = self.prepare(f);
        let c = &self.cols;
        let a = &mut self.agg;
        reset(&mut a.by_country, c.countries.len());
        reset(&mut a.by_region, c.regions.len());
        reset(&mut a.by_income, INCOME_CODES.len() + 1);
        reset(&mut a.by_sector, c.sectors.len() + 1);
        reset(&mut a.by_sdg, 18);
        reset(&mut a.by_status, Status::ALL.len() + 1);
        reset(&mut a.by_flow, FlowClass::ALL.len() + 1);
        reset(&mut a.by_provider, c.providers.len());
        reset(&mut a.by_year, c.year_codes);
        a.stack_keys = match stack {
            Stack::None => 0,
            Stack::Sector => c.sectors.len() + 1,
            Stack::Status => Status::ALL.len() + 1,
        };
        reset(&mut a.by_year_stack, c.year_codes * a.stack_keys);
        a.total = Group::default();
        a.excluded_unknown_year = 0;
        a.excluded_unknown_amount = 0;

        let lo_year = match f.from {
            Some(y) if y > c.year0 + c.year_codes as i32 - 2 => c.year_codes as u16, // after the data: none
            Some(y) => c.year_code(y.max(c.year0)).unwrap_or(1) as u16,
            None => 1,
        };
        let hi_year = match f.to {
            Some(y) if y < c.year0 => 0,
            Some(y) => c.year_code(y).unwrap_or(c.year_codes - 1) as u16,
            None => (c.year_codes - 1) as u16,
        };
        let lo_amount = f.amount_min.map_or(0.0, |v| v as f64);
        let hi_amount = f.amount_max.map_or(f64::INFINITY, |v| v as f64);
        let sdg_mask: u32 = f.sdgs.iter().fold(0, |m, g| m | (1 << g));
        let on = |d: u32| active & (1 << d) != 0;
        let (country_on, region_on, income_on) =
            (on(dim::COUNTRY), on(dim::REGION), on(dim::INCOME));
        let (sector_on, sdg_on, status_on, flow_on) = (
            on(dim::SECTOR),
            on(dim::SDG),
            on(dim::STATUS),
            on(dim::FLOW),
        );
        let (provider_on, year_on, amount_on, text_on) = (
            on(dim::PROVIDER),
            on(dim::YEAR),
            on(dim::AMOUNT),
            on(dim::TEXT),
        );

        for i in 0..c.len {
            let countries = c.row_countries(i);
            let mut fail = 0u32;
            if country_on && !countries.iter().any(|&k| self.country_sel[k as usize]) {
                fail |= 1 << dim::COUNTRY;
            }
            if region_on
                && !countries.iter().any(|&k| {
                    self.region_sel
                        [c.country_region[k as usize].min(c.regions.len() as u8) as usize]
                        || self.region_sel
                            [c.country_subregion[k as usize].min(c.regions.len() as u8) as usize]
                })
            {
                fail |= 1 << dim::REGION;
            }
            if income_on
                && !countries
                    .iter()
                    .any(|&k| self.income_sel[c.country_income[k as usize] as usize])
            {
                fail |= 1 << dim::INCOME;
            }
            if sector_on && !self.sector_sel[c.sector[i] as usize] {
                fail |= 1 << dim::SECTOR;
            }
            if sdg_on && c.sdgs[i] & sdg_mask == 0 {
                fail |= 1 << dim::SDG;
            }
            if status_on && !self.status_sel[c.status[i] as usize] {
                fail |= 1 << dim::STATUS;
            }
            if flow_on && !self.flow_sel[c.flow[i] as usize] {
                fail |= 1 << dim::FLOW;
            }
            if provider_on
                && !c
                    .row_providers(i)
                    .iter()
                    .any(|&k| self.provider_sel[k as usize])
            {
                fail |= 1 << dim::PROVIDER;
            }
            let year = c.year[i];
            if year_on && (year == 0 || year < lo_year || year > hi_year) {
                fail |= 1 << dim::YEAR;
            }
            let amount = c.amount[i];
            let class = c.amount_class[i];
            if amount_on && (class != AMOUNT_HEADLINE || amount < lo_amount || amount > hi_amount) {
                fail |= 1 << dim::AMOUNT;
            }
            if text_on && !self.text_mask[i] {
                fail |= 1 << dim::TEXT;
            }
            if fail & (fail.wrapping_sub(1)) != 0 {
                continue; // fails two or more filters: in no view
            }
            let all = fail == 0;
            let only = |d: u32| all || fail == 1 << d;
            if all {
                a.total.add(amount, class);
            }
            if only(dim::COUNTRY) {
                for &k in countries {
                    a.by_country[k as usize].add(amount, class);
                }
            }
            if only(dim::REGION) {
                add_regions(a, c, countries, amount, class);
            }
            if only(dim::INCOME) {
                match countries {
                    [k] => a.by_income[c.country_income[*k as usize] as usize].add(amount, class),
                    _ => {
                        let mut seen = 0u32;
                        for &k in countries {
                            let g = c.country_income[k as usize];
                            if seen & (1 << g) == 0 {
                                seen |= 1 << g;
                                a.by_income[g as usize].add(amount, class);
                            }
                        }
                    }
                }
            }
            if only(dim::SECTOR) {
                let s = (c.sector[i] as usize).min(c.sectors.len());
                a.by_sector[s].add(amount, class);
            }
            if only(dim::SDG) {
                let mut bits = c.sdgs[i];
                while bits != 0 {
                    let g = bits.trailing_zeros() as usize;
                    a.by_sdg[g].add(amount, class);
                    bits &= bits - 1;
                }
            }
            if only(dim::STATUS) {
                a.by_status[c.status[i] as usize].add(amount, class);
            }
            if only(dim::FLOW) {
                a.by_flow[c.flow[i] as usize].add(amount, class);
            }
            if only(dim::PROVIDER) {
                for &k in c.row_providers(i) {
                    a.by_provider[k as usize].add(amount, class);
                }
            }
            if only(dim::YEAR) {
                // The year view skips the year filter: unknown years land in bucket 0.
                a.by_year[year as usize].add(amount, class);
                if a.stack_keys > 0 {
                    let key = match stack {
                        Stack::Sector => (c.sector[i] as usize).min(c.sectors.len()),
                        _ => c.status[i] as usize,
                    };
                    a.by_year_stack[year as usize * a.stack_keys + key].add(amount, class);
                }
                if fail == 1 << dim::YEAR && year == 0 {
                    a.excluded_unknown_year += 1;
                }
            }
            if fail == 1 << dim::AMOUNT && class != AMOUNT_HEADLINE {
                a.excluded_unknown_amount += 1;
            }
        }
        &self.agg
    }
}

#[inline]
fn add_regions(a: &mut Aggregates, c: &Columns, countries: &[u16], amount: f64, class: u8) {
    // A project in two countries of one region counts once for that region.
    let mut seen: [u8; 32] = [NO_REGION; 32];
    let mut n = 0;
    for &k in countries {
        for r in [
            c.country_region[k as usize],
            c.country_subregion[k as usize],
        ] {
            if r == NO_REGION || seen[..n].contains(&r) {
                continue;
            }
            if n < seen.len() {
                seen[n] = r;
                n += 1;
            }
            a.by_region[r as usize].add(amount, class);
        }
    }
}
