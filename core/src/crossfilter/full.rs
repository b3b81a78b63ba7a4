//! The full pass: every row's fail mask recomputed and stored, every view rebuilt.
//!
//! Two phases. The first computes every row's mask and counts the rows passing every filter. Rows
//! passing every filter are the bulk of the work (they count in every view), so the second phase
//! takes whichever side is smaller:
//! - **direct**: add the passing rows into every view;
//! - **complement**: start from the views of all rows (the [`AllRows`] snapshot, taken once per
//!   dataset and timeline stack) and subtract the rows failing any filter.
//!
//! Sums are exact integers (`acc`), so both give bit-identical views; a wide filter state (one facet
//! just cleared, most rows passing) then costs the few rows it leaves out, not the many it keeps.
//! Passing rows go into two small accumulators (per recipient, per sector × status × flow code) that
//! are rolled up into their views at the end; rows with several recipients, and the views of rows
//! failing one filter, are added directly.

use crate::columns::*;
use crate::state::{Filters, Stack};

use super::acc::{reset, Acc, Val, Views};
use super::tables::{agency_fails, dataset_fails, geo_fail_in_order, provider_fails, RowLoop};
use super::{dim, Aggregates, Engine, Fingerprint, N_FLOW, N_STATUS};

/// Every row's contribution to every view, before the roll-up: what a direct pass with no filter
/// leaves in the views and accumulators. Valid for the columns and stack it was taken for.
pub(super) struct AllRows {
    views: Views,
    geo_all: Vec<Acc>,
    combo: Vec<Acc>,
    stack: Stack,
    cols: Fingerprint,
}

/// The accumulators rows are added to (or, negated, removed from): the views, and the per-recipient
/// and per-code accumulators that [`Engine::roll_up`] turns into views.
pub(super) struct Sinks<'a> {
    pub w: &'a mut Views,
    pub geo_all: &'a mut [Acc],
    pub combo: &'a mut [Acc],
    /// Rows failing only the country, region or income filter, by recipient.
    pub geo_only: &'a mut [Vec<Acc>; 3],
    /// The recipients of rows with several (read in order when rows are added in order).
    pub countries: RowCountries<'a>,
    pub several: bool,
    pub any_agency: bool,
    /// Bits of the dimensions whose own view is left as it is (a rebuild keeps the view of the one
    /// filter that changed: it does not depend on that filter).
    pub keep: u32,
}

impl Sinks<'_> {
    /// Row `i`, passing every filter, into every view (but those in `keep`).
    #[inline(always)]
    pub(super) fn every_view(&mut self, c: &Columns, i: usize, v: &Val) {
        let k = c.country1[i];
        let combo = c.combo[i] as usize;
        let keep = self.keep;
        let on = |d: u32| keep & (1 << d) == 0;
        if k != MULTI {
            self.geo_all[k as usize].add(v);
        } else {
            self.w.add_geo(c, self.countries.of(i), 0b111 & !keep, v);
        }
        self.combo[combo].add(v);
        if on(dim::SDG) {
            self.w.add_sdgs(c.sdgs[i], v);
        }
        if on(dim::PROVIDER) {
            self.w.add_providers(c, i, v);
        }
        if self.several && on(dim::DATASET) {
            self.w.add_dataset(c, i, v);
        }
        if self.any_agency && on(dim::AGENCY) {
            self.w.add_agencies(c, i, v);
        }
        if on(dim::YEAR) {
            self.w.add_year(c.year[i] as usize, combo, v);
        }
    }

    /// Row `i`, failing only dimension `view`'s filter, into that filter's own view.
    #[inline(always)]
    pub(super) fn own_view(&mut self, c: &Columns, i: usize, view: u32, v: &Val) {
        let k = c.country1[i];
        let combo = c.combo[i] as usize;
        let w = &mut *self.w;
        match view {
            dim::COUNTRY | dim::REGION | dim::INCOME => {
                if k != MULTI {
                    self.geo_only[view as usize][k as usize].add(v);
                } else {
                    w.add_geo(c, self.countries.of(i), 1 << view, v);
                }
            }
            dim::SECTOR => w.sector[combo / (N_STATUS * N_FLOW)].add(v),
            dim::SDG => w.add_sdgs(c.sdgs[i], v),
            dim::STATUS => w.status[combo / N_FLOW % N_STATUS].add(v),
            dim::FLOW => w.flow[combo % N_FLOW].add(v),
            dim::PROVIDER => w.add_providers(c, i, v),
            dim::DATASET => w.add_dataset(c, i, v),
            dim::AGENCY => w.add_agencies(c, i, v),
            dim::YEAR => {
                let year = c.year[i] as usize;
                w.add_year(year, combo, v);
                w.excluded_year += (year == 0) as u32;
            }
            dim::AMOUNT => w.excluded_amount += (c.amount_class[i] != AMOUNT_HEADLINE) as u32,
            _ => {}
        }
    }
}

impl Engine {
    /// Rebuilds the mask and every view for the prepared tables.
    pub(super) fn full(&mut self, stack: Stack) {
        let passing = self.masks();
        self.views_from_masks(stack, self.prefer_complement(passing));
    }

    /// Brings the masks to the prepared tables by recomputing only the bits of the dimensions in
    /// `dims` (the others are unchanged since the last pass), then rebuilds every view from the
    /// masks: a full pass without its most expensive half when one or two filters changed.
    pub(super) fn remask(&mut self, dims: u32) {
        let passing = self.refresh_bits(dims);
        let stack = self.views.stack;
        self.views_from_masks(stack, self.prefer_complement(passing));
    }

    /// The complement visits the failing rows, the direct pass the passing ones (and both visit the
    /// rows failing one filter).
    fn prefer_complement(&self, passing: usize) -> bool {
        passing * 2 > self.cols.len
    }

    /// Both ways of rebuilding the views from a full pass's masks, direct and complement: what the
    /// tests compare (each way is otherwise taken only on one side of half the rows passing).
    #[doc(hidden)]
    pub fn full_pass_both_ways(&mut self, f: &Filters, stack: Stack) -> [Aggregates; 2] {
        self.t.prepare(&self.cols, f);
        self.applied = None;
        self.masks();
        [false, true].map(|complement| {
            self.views_from_masks(stack, complement);
            let mut a = Aggregates::default();
            self.views.publish(&mut a);
            a
        })
    }

    /// Every view from the masks, by the direct pass or by the complement. The complement's snapshot,
    /// when missing, costs one direct pass with no filter, once per dataset and stack.
    fn views_from_masks(&mut self, stack: Stack, complement: bool) {
        if complement {
            self.ensure_all_rows(stack);
        }
        self.reset_accumulators();
        match self.all_rows.as_ref().filter(|_| complement) {
            Some(a) => {
                self.views.clone_from(&a.views);
                self.geo_all.clone_from(&a.geo_all);
                self.combo.clone_from(&a.combo);
            }
            None => self.views.reset(&self.cols, stack),
        }
        self.add_rows(complement);
        self.roll_up(0);
    }

    /// Empties the accumulators that [`Engine::roll_up`] turns into views.
    pub(super) fn reset_accumulators(&mut self) {
        let c = &self.cols;
        let n_geo = c.countries.len() + 1;
        for g in &mut self.geo_only {
            reset(g, n_geo);
        }
        reset(&mut self.geo_all, n_geo);
        reset(&mut self.combo, (c.sectors.len() + 1) * N_STATUS * N_FLOW);
    }

    /// Recomputes bits `dims` of every row's mask; returns how many rows pass every filter.
    fn refresh_bits(&mut self, dims: u32) -> usize {
        let c = &self.cols;
        let tb = &self.t;
        let t = &tb.codes;
        let mask = &mut self.mask[..c.len];
        // The first step clears every changed bit (those of filters now off stay clear); each step
        // then sets one dimension's bits by its own loop, with its lookup inlined.
        let mut keep = !(dims as u16);
        let mut bits = dims & t.active;
        if bits == 0 {
            return set_bits(mask, keep, |_| 0);
        }
        let mut passing = 0;
        // The three geographic bits come from one lookup (of the recipient, or of each recipient).
        let geo = bits & 0b111;
        if geo != 0 {
            let countries = RowCountries::new(c);
            passing = set_bits(mask, keep, |i| {
                (geo_fail_in_order(t, c, &countries, i) & geo) as u16
            });
            keep = !0;
            bits &= !0b111;
        }
        while bits != 0 {
            let d = bits.trailing_zeros();
            bits &= bits - 1;
            passing = tb.with_fails(
                c,
                d,
                SetBit {
                    mask: &mut *mask,
                    keep,
                    d,
                },
            );
            keep = !0;
        }
        passing
    }
    /// Takes the [`AllRows`] snapshot for `stack` if it is not there yet (one pass over the rows).
    pub(super) fn ensure_all_rows(&mut self, stack: Stack) {
        let c = &self.cols;
        if self
            .all_rows
            .as_ref()
            .is_some_and(|a| a.stack == stack && a.cols == Fingerprint::of(c))
        {
            return;
        }
        let n_sectors = c.sectors.len() + 1;
        let mut views = Views::default();
        views.reset(c, stack);
        let mut geo_all = Vec::new();
        reset(&mut geo_all, c.countries.len() + 1);
        let mut combo = Vec::new();
        reset(&mut combo, n_sectors * N_STATUS * N_FLOW);
        let mut s = Sinks {
            w: &mut views,
            geo_all: &mut geo_all,
            combo: &mut combo,
            // Only rows passing every filter are added.
            geo_only: &mut Default::default(),
            several: !c.datasets.is_empty(),
            any_agency: !c.agencies.is_empty(),
            countries: RowCountries::new(c),
            keep: 0,
        };
        for i in 0..c.len {
            s.every_view(c, i, &Val::of(c.amount[i], c.amount_class[i]));
        }
        self.all_rows = Some(AllRows {
            views,
            geo_all,
            combo,
            stack,
            cols: Fingerprint::of(c),
        });
    }

    /// Phase one: every row's fail mask; returns how many rows pass every filter.
    fn masks(&mut self) -> usize {
        let c = &self.cols;
        let tables = &self.t;
        let t = &tables.codes;
        self.mask.clear();
        self.mask.resize(c.len, 0);
        let sdg_on = t.on(dim::SDG);
        let provider_on = t.on(dim::PROVIDER);
        let dataset_on = t.on(dim::DATASET);
        let agency_on = t.on(dim::AGENCY);
        let amount_on = t.on(dim::AMOUNT);
        let text_on = t.on(dim::TEXT);
        let mut passing = 0;
        let countries = RowCountries::new(c);
        for (i, m) in self.mask[..c.len].iter_mut().enumerate() {
            let geo = geo_fail_in_order(t, c, &countries, i);
            // Sector, status and flow are one combined code: one load and one lookup for three tests.
            let mut fail = geo
                | t.combo_fail[c.combo[i] as usize]
                | (t.year_fail[c.year[i] as usize] as u32) << dim::YEAR;
            if sdg_on && c.sdgs[i] & t.sdg_mask == 0 {
                fail |= 1 << dim::SDG;
            }
            if provider_on && provider_fails(&t.provider_fail, c, i) {
                fail |= 1 << dim::PROVIDER;
            }
            if dataset_on && dataset_fails(&t.dataset_fail, c, i) {
                fail |= 1 << dim::DATASET;
            }
            if agency_on && agency_fails(&t.agency_fail, c, i) {
                fail |= 1 << dim::AGENCY;
            }
            // The incremental path needs every bit of every row, even of rows already out of every view.
            if amount_on && tables.amount_fails(c, i) {
                fail |= 1 << dim::AMOUNT;
            }
            if text_on && tables.text_fails(i) {
                fail |= 1 << dim::TEXT;
            }
            *m = fail as u16;
            passing += (fail == 0) as usize;
        }
        passing
    }

    /// Phase two: the passing rows added (`complement == false`) or the failing rows removed from
    /// the snapshot (`true`), and every row failing one filter added to that filter's own view.
    fn add_rows(&mut self, complement: bool) {
        let c = &self.cols;
        let mut s = Sinks {
            several: !c.datasets.is_empty(),
            any_agency: !c.agencies.is_empty(),
            w: &mut self.views,
            geo_all: &mut self.geo_all,
            combo: &mut self.combo,
            geo_only: &mut self.geo_only,
            countries: RowCountries::new(c),
            keep: 0,
        };
        for (i, &m) in self.mask[..c.len].iter().enumerate() {
            let fail = m as u32;
            if fail == 0 {
                if !complement {
                    s.every_view(c, i, &Val::of(c.amount[i], c.amount_class[i]));
                }
                continue;
            }
            let single = fail & (fail - 1) == 0;
            if !single && !complement {
                continue; // fails two or more filters: in no view
            }
            let v = Val::of(c.amount[i], c.amount_class[i]);
            if complement {
                s.every_view(c, i, &v.neg());
            }
            if single {
                s.own_view(c, i, fail.trailing_zeros(), &v);
            }
        }
    }

    /// The accumulators rolled up into the views, but for the views of the dimensions in `keep`.
    pub(super) fn roll_up(&mut self, keep: u32) {
        let c = &self.cols;
        let w = &mut self.views;
        let on = |d: u32| keep & (1 << d) == 0;
        let n_sectors = c.sectors.len() + 1;
        for s in 0..n_sectors {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    let g = self.combo[(s * N_STATUS + st) * N_FLOW + fl];
                    if g.count() > 0 {
                        w.total.merge(&g);
                        if on(dim::SECTOR) {
                            w.sector[s].merge(&g);
                        }
                        if on(dim::STATUS) {
                            w.status[st].merge(&g);
                        }
                        if on(dim::FLOW) {
                            w.flow[fl].merge(&g);
                        }
                    }
                }
            }
        }
        w.without_country = self.geo_all[c.countries.len()].count();
        for k in 0..c.countries.len() {
            let all = self.geo_all[k];
            if on(dim::COUNTRY) {
                let mut g = all;
                g.merge(&self.geo_only[0][k]);
                w.country[k].merge(&g);
            }
            let mut g = all;
            g.merge(&self.geo_only[1][k]);
            if on(dim::REGION) && g.count() > 0 {
                for r in [c.country_region[k], c.country_subregion[k]] {
                    if r != NO_REGION {
                        w.region[r as usize].merge(&g);
                    }
                }
            }
            if on(dim::INCOME) {
                let mut g = all;
                g.merge(&self.geo_only[2][k]);
                w.income[c.country_income[k] as usize].merge(&g);
            }
        }
    }
}

/// [`set_bits`] with one dimension's bit from its fail test.
struct SetBit<'a> {
    mask: &'a mut [u16],
    keep: u16,
    d: u32,
}

impl RowLoop for SetBit<'_> {
    type Out = usize;
    #[inline(always)]
    fn run(self, fails: impl Fn(usize) -> bool) -> usize {
        let d = self.d;
        set_bits(self.mask, self.keep, |i| (fails(i) as u16) << d)
    }
}

/// Keeps the bits `keep` of every row's mask and sets those `bits` returns; returns how many rows
/// then pass every filter.
#[inline(always)]
fn set_bits(mask: &mut [u16], keep: u16, bits: impl Fn(usize) -> u16) -> usize {
    let mut passing = 0;
    for (i, m) in mask.iter_mut().enumerate() {
        let v = (*m & keep) | bits(i);
        *m = v;
        passing += (v == 0) as usize;
    }
    passing
}
