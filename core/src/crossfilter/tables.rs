//! Per-change lookup tables: for each code of each dimension, whether it fails its filter. Filling them
//! costs a few thousand steps (one per country, sector, status × flow …); the row loops then test a
//! row with a table load instead of a set lookup.

use crate::columns::*;
use crate::model::{FlowClass, Income, Status};
use crate::state::Filters;
use crate::text::fold;

use super::{dim, N_FLOW, N_STATUS};

/// Everything about a filter state that decides which rows fail which filter, apart from the text
/// mask. Two states with equal `Codes` (and equal text queries) give every row the same fail mask,
/// which is what the incremental path compares.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Codes {
    /// Bit `d` set when the filter of dimension `d` is on.
    pub active: u32,
    /// Per country (plus a last entry for "no recipient"): bit 0 country, bit 1 region, bit 2 income.
    pub geo_fail: Vec<u8>,
    pub sector_fail: Vec<u8>,
    pub status_fail: Vec<u8>,
    pub flow_fail: Vec<u8>,
    pub provider_fail: Vec<u8>,
    /// Per dataset code (plus a last entry for "only one dataset").
    pub dataset_fail: Vec<u8>,
    /// Per agency code (plus a last entry for "no agency named").
    pub agency_fail: Vec<u8>,
    pub year_fail: Vec<u8>,
    /// Per sector × status × flow code: the fail bits of those three dimensions.
    pub combo_fail: Vec<u32>,
    /// Selected SDGs as bits (0 when the filter is off).
    pub sdg_mask: u32,
    pub lo_amount: f64,
    pub hi_amount: f64,
    /// Folded query ("" when off).
    pub text_query: String,
}

impl Codes {
    pub fn on(&self, d: u32) -> bool {
        self.active & (1 << d) != 0
    }
}

/// [`Codes`] and the text mask, refilled for each filter state.
#[derive(Default)]
pub(super) struct Tables {
    pub codes: Codes,
    region_sel: Vec<bool>,
    /// Per row, whether it matches `text_mask_query` (kept while the query is unchanged: searching
    /// the text is the one step here that costs as much as a pass over the rows).
    pub text_mask: Vec<bool>,
    text_mask_query: String,
}

impl Tables {
    pub fn new(c: &Columns) -> Tables {
        Tables {
            codes: Codes {
                geo_fail: vec![0; c.countries.len() + 1],
                sector_fail: vec![0; c.sectors.len() + 1],
                status_fail: vec![0; N_STATUS],
                flow_fail: vec![0; N_FLOW],
                provider_fail: vec![0; c.providers.len() + 1],
                dataset_fail: vec![0; c.datasets.len() + 1],
                agency_fail: vec![0; c.agencies.len() + 1],
                year_fail: vec![0; c.year_codes],
                combo_fail: vec![0; (c.sectors.len() + 1) * N_STATUS * N_FLOW],
                ..Codes::default()
            },
            region_sel: vec![false; c.regions.len()],
            ..Tables::default()
        }
    }

    /// Fills the tables for `f`.
    pub fn prepare(&mut self, c: &Columns, f: &Filters) {
        let t = &mut self.codes;
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
            (dim::DATASET, !f.datasets.is_empty()),
            (dim::AGENCY, !f.agencies.is_empty()),
            (dim::YEAR, f.from.is_some() || f.to.is_some()),
            (
                dim::AMOUNT,
                f.amount_min.is_some() || f.amount_max.is_some(),
            ),
            (dim::TEXT, !f.q.trim().is_empty()),
        ] {
            active |= (on as u32) << d;
        }
        t.active = active;
        let on = |d: u32| active & (1 << d) != 0;
        // Resized in case `cols` was replaced after `Engine::new`: a stale length would index out of
        // bounds.
        self.region_sel.resize(c.regions.len(), false);
        for (i, code) in c.regions.iter().enumerate() {
            self.region_sel[i] = f.regions.contains(code);
        }
        let region_sel = &self.region_sel;
        let region_hit = |r: u8| r != NO_REGION && region_sel.get(r as usize) == Some(&true);
        t.geo_fail.resize(c.countries.len() + 1, 0);
        for k in 0..c.countries.len() {
            let country = on(dim::COUNTRY) && !f.countries.contains(&c.countries[k]);
            let region = on(dim::REGION)
                && !(region_hit(c.country_region[k]) || region_hit(c.country_subregion[k]));
            let income = on(dim::INCOME)
                && !Income::ALL
                    .get(c.country_income[k] as usize)
                    .is_some_and(|g| f.income.contains(g));
            t.geo_fail[k] = country as u8 | (region as u8) << 1 | (income as u8) << 2;
        }
        // A project without a recipient fails every active geographic filter.
        t.geo_fail[c.countries.len()] = (active & 0b111) as u8;
        t.sector_fail.resize(c.sectors.len() + 1, 0);
        t.sector_fail.iter_mut().enumerate().for_each(|(i, x)| {
            *x = (on(dim::SECTOR)
                && !c
                    .sectors
                    .get(i)
                    .is_some_and(|code| f.sectors.contains(code))) as u8
        });
        for i in 0..N_STATUS {
            t.status_fail[i] = (on(dim::STATUS)
                && !Status::ALL.get(i).is_some_and(|s| f.statuses.contains(s)))
                as u8;
        }
        for i in 0..N_FLOW {
            t.flow_fail[i] = (on(dim::FLOW)
                && !FlowClass::ALL.get(i).is_some_and(|x| f.flows.contains(x)))
                as u8;
        }
        t.dataset_fail.resize(c.datasets.len() + 1, 0);
        for i in 0..=c.datasets.len() {
            t.dataset_fail[i] = (on(dim::DATASET)
                && !c.datasets.get(i).is_some_and(|p| f.datasets.contains(p)))
                as u8;
        }
        t.agency_fail.resize(c.agencies.len() + 1, 0);
        for i in 0..=c.agencies.len() {
            t.agency_fail[i] = (on(dim::AGENCY)
                && !c.agencies.get(i).is_some_and(|a| f.agencies.contains(a)))
                as u8;
        }
        t.provider_fail.resize(c.providers.len() + 1, 0);
        for i in 0..=c.providers.len() {
            t.provider_fail[i] = (on(dim::PROVIDER)
                && !c.providers.get(i).is_some_and(|p| f.providers.contains(p)))
                as u8;
        }
        t.combo_fail
            .resize((c.sectors.len() + 1) * N_STATUS * N_FLOW, 0);
        for sector in 0..=c.sectors.len() {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    t.combo_fail[(sector * N_STATUS + st) * N_FLOW + fl] =
                        (t.sector_fail[sector] as u32) << dim::SECTOR
                            | (t.status_fail[st] as u32) << dim::STATUS
                            | (t.flow_fail[fl] as u32) << dim::FLOW;
                }
            }
        }
        t.year_fail.resize(c.year_codes, 0);
        for code in 0..c.year_codes {
            let y = c.year_of_code(code);
            let inside =
                y.is_some_and(|y| f.from.is_none_or(|a| y >= a) && f.to.is_none_or(|b| y <= b));
            t.year_fail[code] = (on(dim::YEAR) && !inside) as u8;
        }
        // An SDG outside 0–31 selects nothing rather than overflowing the shift.
        t.sdg_mask = f
            .sdgs
            .iter()
            .fold(0u32, |m, &g| m | 1u32.checked_shl(g as u32).unwrap_or(0));
        t.lo_amount = f.amount_min.map_or(0.0, |v| v as f64);
        t.hi_amount = f.amount_max.map_or(f64::INFINITY, |v| v as f64);
        let q = fold(f.q.trim());
        if !q.is_empty() && (q != self.text_mask_query || self.text_mask.len() != c.len) {
            let terms = crate::glossary::search_terms_with(&q, &c.name_pairs);
            self.text_mask = (0..c.len)
                .map(|i| {
                    c.text
                        .get(i)
                        .is_some_and(|t| crate::glossary::matches(t, &terms))
                })
                .collect();
            self.text_mask_query.clone_from(&q);
        }
        t.text_query = q;
    }

    /// Whether row `i` fails the text filter (a row the mask does not cover fails it).
    #[inline]
    pub fn text_fails(&self, i: usize) -> bool {
        self.codes.on(dim::TEXT) && self.text_mask.get(i) != Some(&true)
    }

    /// Whether row `i` fails the amount filter.
    #[inline]
    pub fn amount_fails(&self, c: &Columns, i: usize) -> bool {
        let t = &self.codes;
        t.on(dim::AMOUNT)
            && (c.amount_class[i] != AMOUNT_HEADLINE
                || c.amount[i] < t.lo_amount
                || c.amount[i] > t.hi_amount)
    }

    /// Whether row `i` fails the filter of dimension `d` (one of the dimensions with a code table:
    /// geographic, sector, SDG, status, flow, provider, year).
    #[inline]
    pub fn fails(&self, c: &Columns, d: u32, i: usize) -> bool {
        let t = &self.codes;
        match d {
            dim::COUNTRY | dim::REGION | dim::INCOME => geo_fail(t, c, i) >> d & 1 != 0,
            dim::SECTOR => t.sector_fail[c.sector[i] as usize] != 0,
            dim::STATUS => t.status_fail[c.status[i] as usize] != 0,
            dim::FLOW => t.flow_fail[c.flow[i] as usize] != 0,
            dim::YEAR => t.year_fail[c.year[i] as usize] != 0,
            dim::SDG => t.on(dim::SDG) && c.sdgs[i] & t.sdg_mask == 0,
            dim::PROVIDER => t.on(dim::PROVIDER) && provider_fails(&t.provider_fail, c, i),
            dim::DATASET => dataset_fails(&t.dataset_fail, c, i),
            dim::AGENCY => t.on(dim::AGENCY) && agency_fails(&t.agency_fail, c, i),
            dim::AMOUNT => self.amount_fails(c, i),
            _ => self.text_fails(i),
        }
    }
}

/// A loop over every row that needs one dimension's fail test: [`Tables::with_fails`] hands it the test as
/// a closure of its own type per dimension, so that each dimension's loop is compiled with its lookup
/// inlined (a `dyn Fn` or a `match` inside the loop would cost a call or a branch a row).
pub(super) trait RowLoop {
    type Out;
    fn run(self, fails: impl Fn(usize) -> bool) -> Self::Out;
}

impl Tables {
    /// Runs `l` with dimension `d`'s per-row fail test under the prepared tables: the SDGs and the
    /// provider each with their own closure, the others through [`Tables::fails`]. `l` calls the
    /// test for rows in ascending order. The geographic and one-code dimensions' bits are set
    /// without it (`bits`), and only an amount or text change
    /// sweeps the masks listing the rows it moves.
    #[inline(always)]
    pub(super) fn with_fails<L: RowLoop>(&self, c: &Columns, d: u32, l: L) -> L::Out {
        let t = &self.codes;
        match d {
            dim::SDG => {
                let on = t.on(dim::SDG);
                l.run(|i| on && c.sdgs[i] & t.sdg_mask == 0)
            }
            dim::PROVIDER => {
                let on = t.on(dim::PROVIDER);
                l.run(
                    #[inline(always)]
                    |i| on && provider_fails(&t.provider_fail, c, i),
                )
            }
            _ => l.run(|i| self.fails(c, d, i)),
        }
    }
}

/// A row fails the provider filter when every one of its providers fails it (and when it has none).
#[inline]
pub(super) fn provider_fails(provider_fail: &[u8], c: &Columns, i: usize) -> bool {
    let p = c.provider1[i];
    if p != MULTI {
        provider_fail[p as usize] == 1
    } else {
        c.row_providers(i)
            .iter()
            .all(|&x| provider_fail[x as usize] == 1)
    }
}

/// A row fails the agency filter when every agency it names fails it (and when it names none).
#[inline]
pub(super) fn agency_fails(agency_fail: &[u8], c: &Columns, i: usize) -> bool {
    let none = c.agencies.len();
    let ids = c.row_agencies(i);
    if ids.is_empty() {
        agency_fail.get(none).is_some_and(|&x| x != 0)
    } else {
        ids.iter()
            .all(|&k| agency_fail.get(k as usize).is_some_and(|&x| x != 0))
    }
}

/// Whether row `i`'s dataset fails the dataset filter (a row without a code counts as "none").
#[inline]
pub(super) fn dataset_fails(dataset_fail: &[u8], c: &Columns, i: usize) -> bool {
    let k = c.dataset.get(i).map_or(c.datasets.len(), |&k| k as usize);
    dataset_fail.get(k).is_some_and(|&x| x != 0)
}

/// Row `i`'s geographic fail bits (bit 0 country, 1 region, 2 income).
#[inline(always)]
pub(super) fn geo_fail(t: &Codes, c: &Columns, i: usize) -> u32 {
    let k = c.country1[i];
    if k != MULTI {
        t.geo_fail[k as usize] as u32
    } else {
        multi_geo_fail(&t.geo_fail, c.row_countries(i))
    }
}

/// [`geo_fail`] for rows visited in ascending order.
#[inline(always)]
pub(super) fn geo_fail_in_order(t: &Codes, c: &Columns, countries: &RowCountries, i: usize) -> u32 {
    let k = c.country1[i];
    if k != MULTI {
        t.geo_fail[k as usize] as u32
    } else {
        multi_geo_fail(&t.geo_fail, countries.of(i))
    }
}

/// Geographic fail bits of a row with several recipients: a filter passes if any recipient passes it.
#[inline]
pub(super) fn multi_geo_fail(geo_fail: &[u8], countries: &[u16]) -> u32 {
    let mut pass = 0u8;
    for &k in countries {
        pass |= !geo_fail[k as usize] & 0b111;
    }
    (!pass & 0b111) as u32
}
