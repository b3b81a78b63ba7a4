//! Linked crossfilter over [`Columns`]: one pass over the rows computes every view's groups, each view
//! counting with every filter except its own (so a facet still shows its alternatives, with live counts).
//!
//! Each row gets a bit mask of the filters it fails. A row failing none counts in every view; a row
//! failing exactly one filter counts only in that filter's own view; any other row counts nowhere.
//! Results are written into buffers owned by the engine: no allocation per filter change.
//!
//! One file because the pass is one piece: [`Engine::run`]'s loop, the fail-mask bits of [`dim`] it sets
//! and the `add_*` helpers it calls for every row are read, measured and changed together (the release
//! profile's `opt-level` for this crate was chosen on this loop); split, the hot loop would be spread
//! over several files.

use crate::columns::*;
use crate::model::{FlowClass, Income, Status};
use crate::state::{Filters, Stack};
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
#[derive(Clone, Debug, Default, PartialEq)]
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
    /// What the stack keys are.
    pub stack: Stack,
    /// Projects that pass every other filter but are left out by the year filter for an unknown year.
    pub excluded_unknown_year: u32,
    /// The same for the amount filter and unknown (or other-currency) amounts.
    pub excluded_unknown_amount: u32,
    /// Projects passing every filter that have no recipient country (regional projects).
    pub without_country: u32,
}

/// Crossfilter state: the columns, per-change lookup tables and result buffers.
pub struct Engine {
    pub cols: Columns,
    pub agg: Aggregates,
    // Per-change tables: 1 where a code fails its filter (all 0 when the filter is off).
    /// Per country (plus a last entry for "no recipient"): bit 0 country, bit 1 region, bit 2 income.
    geo_fail: Vec<u8>,
    sector_fail: Vec<u8>,
    status_fail: Vec<u8>,
    flow_fail: Vec<u8>,
    provider_fail: Vec<u8>,
    year_fail: Vec<u8>,
    /// Per sector × status × flow code: the fail bits of those three dimensions.
    combo_fail: Vec<u32>,
    region_sel: Vec<bool>,
    text_query: String,
    text_mask: Vec<bool>,
    // Accumulators for single-country rows, rolled up into the country, region and income views.
    geo_all: Vec<Group>,
    geo_only: [Vec<Group>; 3],
    /// Rows passing every filter, by sector × status × flow, rolled up into those three views.
    combo: Vec<Group>,
}

fn reset(v: &mut Vec<Group>, n: usize) {
    v.clear();
    v.resize(n, Group::default());
}

// N_STATUS and N_FLOW size the combined code of a row; they live with the columns that build it.
pub use crate::columns::{N_FLOW, N_STATUS};

impl Engine {
    pub fn new(cols: Columns) -> Engine {
        Engine {
            agg: Aggregates::default(),
            geo_fail: vec![0; cols.countries.len() + 1],
            sector_fail: vec![0; cols.sectors.len() + 1],
            status_fail: vec![0; N_STATUS],
            flow_fail: vec![0; N_FLOW],
            provider_fail: vec![0; cols.providers.len() + 1],
            year_fail: vec![0; cols.year_codes],
            combo_fail: vec![0; (cols.sectors.len() + 1) * N_STATUS * N_FLOW],
            region_sel: vec![false; cols.regions.len()],
            text_query: String::new(),
            text_mask: Vec::new(),
            geo_all: Vec::new(),
            geo_only: [Vec::new(), Vec::new(), Vec::new()],
            combo: Vec::new(),
            cols,
        }
    }

    /// Fills the per-change tables; returns the mask of active filters.
    fn prepare(&mut self, f: &Filters) -> u32 {
        let c = &self.cols;
        let mut active = 0u32;
        for (d, on) in [
            (dim::COUNTRY, !f.countries.is_empty()),
            (dim::REGION, !f.regions.is_empty()),
            (dim::INCOME, !f.income.is_empty()),
            (dim::SECTOR, !f.sectors.is_empty()),
            (dim::SDG, !f.sdgs.is_empty()),
            (dim::STATUS, !f.statuses.is_empty()),
            (dim::FLOW, !f.flows.is_empty()),
            (dim::PROVIDER, !f.providers.is_empty()),
            (dim::YEAR, f.from.is_some() || f.to.is_some()),
            (
                dim::AMOUNT,
                f.amount_min.is_some() || f.amount_max.is_some(),
            ),
            (dim::TEXT, !f.q.trim().is_empty()),
        ] {
            active |= (on as u32) << d;
        }
        let on = |d: u32| active & (1 << d) != 0;
        for (i, code) in c.regions.iter().enumerate() {
            self.region_sel[i] = f.regions.contains(code);
        }
        let region_hit = |r: u8| r != NO_REGION && self.region_sel[r as usize];
        for k in 0..c.countries.len() {
            let country = on(dim::COUNTRY) && !f.countries.contains(&c.countries[k]);
            let region = on(dim::REGION)
                && !(region_hit(c.country_region[k]) || region_hit(c.country_subregion[k]));
            let income = on(dim::INCOME)
                && !Income::ALL
                    .get(c.country_income[k] as usize)
                    .is_some_and(|g| f.income.contains(g));
            self.geo_fail[k] = country as u8 | (region as u8) << 1 | (income as u8) << 2;
        }
        // A project without a recipient fails every active geographic filter.
        self.geo_fail[c.countries.len()] = (active & 0b111) as u8;
        self.sector_fail.iter_mut().enumerate().for_each(|(i, x)| {
            *x = (on(dim::SECTOR)
                && !c
                    .sectors
                    .get(i)
                    .is_some_and(|code| f.sectors.contains(code))) as u8
        });
        for i in 0..N_STATUS {
            self.status_fail[i] = (on(dim::STATUS)
                && !Status::ALL.get(i).is_some_and(|s| f.statuses.contains(s)))
                as u8;
        }
        for i in 0..N_FLOW {
            self.flow_fail[i] = (on(dim::FLOW)
                && !FlowClass::ALL.get(i).is_some_and(|x| f.flows.contains(x)))
                as u8;
        }
        for i in 0..=c.providers.len() {
            self.provider_fail[i] = (on(dim::PROVIDER)
                && !c.providers.get(i).is_some_and(|p| f.providers.contains(p)))
                as u8;
        }
        for sector in 0..=c.sectors.len() {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    self.combo_fail[(sector * N_STATUS + st) * N_FLOW + fl] =
                        (self.sector_fail[sector] as u32) << dim::SECTOR
                            | (self.status_fail[st] as u32) << dim::STATUS
                            | (self.flow_fail[fl] as u32) << dim::FLOW;
                }
            }
        }
        for code in 0..c.year_codes {
            let y = c.year_of_code(code);
            let inside =
                y.is_some_and(|y| f.from.is_none_or(|a| y >= a) && f.to.is_none_or(|b| y <= b));
            self.year_fail[code] = (on(dim::YEAR) && !inside) as u8;
        }
        let q = fold(f.q.trim());
        if !q.is_empty() && (q != self.text_query || self.text_mask.len() != c.len) {
            let terms = crate::glossary::search_terms_with(&q, &c.name_pairs);
            self.text_mask = (0..c.len)
                .map(|i| {
                    c.text
                        .get(i)
                        .is_some_and(|t| crate::glossary::matches(t, &terms))
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
        let n_sectors = c.sectors.len() + 1;
        let n_geo = c.countries.len() + 1;
        let a = &mut self.agg;
        reset(&mut a.by_country, c.countries.len());
        reset(&mut a.by_region, c.regions.len());
        reset(&mut a.by_income, INCOME_CODES.len() + 1);
        reset(&mut a.by_sector, n_sectors);
        reset(&mut a.by_sdg, 18);
        reset(&mut a.by_status, N_STATUS);
        reset(&mut a.by_flow, N_FLOW);
        reset(&mut a.by_provider, c.providers.len());
        reset(&mut a.by_year, c.year_codes);
        a.stack_keys = match stack {
            Stack::None => 0,
            Stack::Sector => n_sectors,
            Stack::Status => N_STATUS,
        };
        a.stack = stack;
        reset(&mut a.by_year_stack, c.year_codes * a.stack_keys);
        a.excluded_unknown_year = 0;
        a.excluded_unknown_amount = 0;
        reset(&mut self.geo_all, n_geo);
        for g in &mut self.geo_only {
            reset(g, n_geo);
        }
        reset(&mut self.combo, n_sectors * N_STATUS * N_FLOW);

        let lo_amount = f.amount_min.map_or(0.0, |v| v as f64);
        let hi_amount = f.amount_max.map_or(f64::INFINITY, |v| v as f64);
        let sdg_mask: u32 = f.sdgs.iter().fold(0, |m, g| m | (1 << g));
        let sdg_on = active & (1 << dim::SDG) != 0;
        let amount_on = active & (1 << dim::AMOUNT) != 0;
        let text_on = active & (1 << dim::TEXT) != 0;
        let provider_on = active & (1 << dim::PROVIDER) != 0;
        let stack_keys = a.stack_keys;

        for i in 0..c.len {
            let k = c.country1[i];
            let geo = if k != MULTI {
                self.geo_fail[k as usize] as u32
            } else {
                multi_geo_fail(&self.geo_fail, c.row_countries(i))
            };
            // Sector, status and flow are one combined code: one load and one lookup for three tests.
            let combo = c.combo[i] as usize;
            let year = c.year[i] as usize;
            let mut fail =
                geo | self.combo_fail[combo] | (self.year_fail[year] as u32) << dim::YEAR;
            if sdg_on && c.sdgs[i] & sdg_mask == 0 {
                fail |= 1 << dim::SDG;
            }
            let p = c.provider1[i];
            if provider_on {
                let provider_fail = if p != MULTI {
                    self.provider_fail[p as usize]
                } else {
                    c.row_providers(i)
                        .iter()
                        .all(|&x| self.provider_fail[x as usize] == 1) as u8
                };
                fail |= (provider_fail as u32) << dim::PROVIDER;
            }
            if fail & fail.wrapping_sub(1) != 0 && !amount_on && !text_on {
                continue; // fails two or more filters: in no view
            }
            let amount = c.amount[i];
            let class = c.amount_class[i];
            if amount_on && (class != AMOUNT_HEADLINE || amount < lo_amount || amount > hi_amount) {
                fail |= 1 << dim::AMOUNT;
            }
            if text_on && !self.text_mask[i] {
                fail |= 1 << dim::TEXT;
            }
            if fail & fail.wrapping_sub(1) != 0 {
                continue;
            }
            let s = combo / (N_STATUS * N_FLOW);
            let st = combo / N_FLOW % N_STATUS;
            let fl = combo % N_FLOW;
            let view = if fail == 0 {
                u32::MAX
            } else {
                fail.trailing_zeros()
            };
            let add_year = |a: &mut Aggregates| {
                a.by_year[year].add(amount, class);
                if stack_keys > 0 {
                    let key = if matches!(stack, Stack::Sector) {
                        s
                    } else {
                        st
                    };
                    a.by_year_stack[year * stack_keys + key].add(amount, class);
                }
            };
            match view {
                u32::MAX => {
                    if k != MULTI {
                        self.geo_all[k as usize].add(amount, class);
                    } else {
                        add_multi_geo(a, c, c.row_countries(i), 0b111, amount, class);
                    }
                    self.combo[combo].add(amount, class);
                    add_sdgs(a, c.sdgs[i], amount, class);
                    add_providers(a, c, i, p, amount, class);
                    add_year(a);
                }
                dim::COUNTRY | dim::REGION | dim::INCOME => {
                    if k != MULTI {
                        self.geo_only[view as usize][k as usize].add(amount, class);
                    } else {
                        add_multi_geo(a, c, c.row_countries(i), 1 << view, amount, class);
                    }
                }
                dim::SECTOR => a.by_sector[s].add(amount, class),
                dim::SDG => add_sdgs(a, c.sdgs[i], amount, class),
                dim::STATUS => a.by_status[st].add(amount, class),
                dim::FLOW => a.by_flow[fl].add(amount, class),
                dim::PROVIDER => add_providers(a, c, i, p, amount, class),
                dim::YEAR => {
                    add_year(a);
                    a.excluded_unknown_year += (year == 0) as u32;
                }
                dim::AMOUNT => a.excluded_unknown_amount += (class != AMOUNT_HEADLINE) as u32,
                _ => {}
            }
        }

        // Roll the accumulators up into the views.
        a.total = Group::default();
        for s in 0..n_sectors {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    let g = self.combo[(s * N_STATUS + st) * N_FLOW + fl];
                    if g.count > 0 {
                        a.total.merge(&g);
                        a.by_sector[s].merge(&g);
                        a.by_status[st].merge(&g);
                        a.by_flow[fl].merge(&g);
                    }
                }
            }
        }
        a.without_country = self.geo_all[c.countries.len()].count;
        for k in 0..c.countries.len() {
            let all = self.geo_all[k];
            let mut g = all;
            g.merge(&self.geo_only[0][k]);
            a.by_country[k].merge(&g);
            let mut g = all;
            g.merge(&self.geo_only[1][k]);
            if g.count > 0 {
                for r in [c.country_region[k], c.country_subregion[k]] {
                    if r != NO_REGION {
                        a.by_region[r as usize].merge(&g);
                    }
                }
            }
            let mut g = all;
            g.merge(&self.geo_only[2][k]);
            a.by_income[c.country_income[k] as usize].merge(&g);
        }
        &self.agg
    }
}

impl Group {
    fn merge(&mut self, o: &Group) {
        self.count += o.count;
        self.known += o.known;
        self.other += o.other;
        self.sum += o.sum;
    }
}

impl Engine {
    /// Rows passing every filter in `f`, in dataset order (for the table and downloads).
    pub fn matching(&mut self, f: &Filters) -> Vec<u32> {
        let active = self.prepare(f);
        let c = &self.cols;
        let sdg_mask: u32 = f.sdgs.iter().fold(0, |m, g| m | (1 << g));
        let lo = f.amount_min.map_or(0.0, |v| v as f64);
        let hi = f.amount_max.map_or(f64::INFINITY, |v| v as f64);
        let on = |d: u32| active & (1 << d) != 0;
        (0..c.len)
            .filter(|&i| {
                let k = c.country1[i];
                let geo = if k != MULTI {
                    self.geo_fail[k as usize] as u32
                } else {
                    multi_geo_fail(&self.geo_fail, c.row_countries(i))
                };
                let provider_ok = c
                    .row_providers(i)
                    .iter()
                    .any(|&x| self.provider_fail[x as usize] == 0)
                    || (!on(dim::PROVIDER));
                geo == 0
                    && self.sector_fail[c.sector[i] as usize] == 0
                    && (!on(dim::SDG) || c.sdgs[i] & sdg_mask != 0)
                    && self.status_fail[c.status[i] as usize] == 0
                    && self.flow_fail[c.flow[i] as usize] == 0
                    && provider_ok
                    && self.year_fail[c.year[i] as usize] == 0
                    && (!on(dim::AMOUNT)
                        || (c.amount_class[i] == AMOUNT_HEADLINE
                            && c.amount[i] >= lo
                            && c.amount[i] <= hi))
                    && (!on(dim::TEXT) || self.text_mask[i])
            })
            .map(|i| i as u32)
            .collect()
    }
}

/// Geographic fail bits of a row with several recipients: a filter passes if any recipient passes it.
fn multi_geo_fail(geo_fail: &[u8], countries: &[u16]) -> u32 {
    let mut pass = 0u8;
    for &k in countries {
        pass |= !geo_fail[k as usize] & 0b111;
    }
    (!pass & 0b111) as u32
}

#[inline]
fn add_sdgs(a: &mut Aggregates, sdgs: u32, amount: f64, class: u8) {
    let mut bits = sdgs;
    while bits != 0 {
        a.by_sdg[bits.trailing_zeros() as usize].add(amount, class);
        bits &= bits - 1;
    }
}

#[inline]
fn add_providers(a: &mut Aggregates, c: &Columns, i: usize, p: u16, amount: f64, class: u8) {
    if p != MULTI {
        if let Some(g) = a.by_provider.get_mut(p as usize) {
            g.add(amount, class);
        }
    } else {
        for &x in c.row_providers(i) {
            a.by_provider[x as usize].add(amount, class);
        }
    }
}

/// A row with several recipients, into the geographic views named by `views` (bits 0–2). A project in
/// two countries of one region (or income group) counts once there.
fn add_multi_geo(
    a: &mut Aggregates,
    c: &Columns,
    countries: &[u16],
    views: u32,
    amount: f64,
    class: u8,
) {
    let mut regions: Vec<u8> = Vec::new();
    let mut incomes = 0u32;
    for &k in countries {
        let k = k as usize;
        if views & 1 != 0 {
            a.by_country[k].add(amount, class);
        }
        if views & 2 != 0 {
            for r in [c.country_region[k], c.country_subregion[k]] {
                if r != NO_REGION && !regions.contains(&r) {
                    regions.push(r);
                    a.by_region[r as usize].add(amount, class);
                }
            }
        }
        if views & 4 != 0 {
            let g = c.country_income[k];
            if incomes & (1 << g) == 0 {
                incomes |= 1 << g;
                a.by_income[g as usize].add(amount, class);
            }
        }
    }
}
