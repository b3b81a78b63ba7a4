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
use super::bits::{clear_bits, set_geo_bits};
use super::sinks::Sinks;
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
            return clear_bits(mask, keep);
        }
        let mut passing = 0;
        // The three geographic bits come from one lookup (of the recipient, or of each recipient).
        let geo = bits & 0b111;
        if geo != 0 {
            passing = set_geo_bits(t, c, mask, keep, geo);
            keep = !0;
            bits &= !0b111;
        }
        while bits != 0 {
            let d = bits.trailing_zeros();
            bits &= bits - 1;
            passing = match tb.set_code_bits(c, d, mask, keep) {
                Some(passing) => passing,
                None => tb.with_fails(
                    c,
                    d,
                    SetBit {
                        mask: &mut *mask,
                        keep,
                        d,
                    },
                ),
            };
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
        // Only rows passing every filter are added: no row goes to `geo_only`.
        let mut geo_only = Default::default();
        let mut s = Sinks::new(c, &mut views, &mut geo_all, &mut combo, &mut geo_only, 0);
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
pub(super) fn set_bits(mask: &mut [u16], keep: u16, bits: impl Fn(usize) -> u16) -> usize {
    let mut passing = 0;
    for (i, m) in mask.iter_mut().enumerate() {
        let v = (*m & keep) | bits(i);
        *m = v;
        passing += (v == 0) as usize;
    }
    passing
}
