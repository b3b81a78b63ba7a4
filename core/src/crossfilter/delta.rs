//! The incremental path: when a filter changes, only rows whose membership in that filter changed
//! are touched, like crossfilter's reduce add/remove.
//!
//! Every row's fail mask is kept. A change of dimension `d` flips bit `d` of some rows; the views a row
//! counts in depend only on its mask ([`super::acc::changes_views`]), so a flipped row is removed from the
//! views it left and added to those it entered, and a row failing two other filters is skipped. The
//! rows that can flip are found through a per-dimension index (rows by code, built the first time the
//! dimension changes): those of the codes whose entry in the dimension's fail table changed. Several
//! changed dimensions are applied one after the other (each step leaves a consistent state).
//!
//! When only one dimension changed and few rows pass its new filter (the first value picked in a
//! facet, a year range narrowed), a rebuild is cheaper: every other view holds only rows passing that
//! filter, so those views are rebuilt from those rows, and the dimension's own view is kept.
//!
//! When an amount or text filter changed (no index on those), a scan streams every row's mask, sets
//! the bit, and moves the rows whose views changed, if a sample of every 64th row says they are few.
//!
//! Otherwise the changed filters' bits are recomputed in every row's mask (one lookup a row per
//! changed dimension, not thirteen) and every view is rebuilt from the masks (`full::remask`).
//!
//! Whichever of deltas, rebuild, scan and remask costs least by a per-row cost model is taken; all
//! are exact. A full pass is the only way for a new stack or new columns.

use super::acc::{changes_views, counted, Val};
use super::bits::set_geo_bits;
use super::index::{build_index, changed, dim_changed, first_passing, passes, INDEXED};
use super::sinks::Sinks;
use super::tables::{Codes, RowLoop};
use super::{dim, Engine};
use crate::columns::RowCountries;

/// How a change was applied.
#[derive(PartialEq)]
pub(super) enum Path {
    Delta,
    Rebuild,
    Scan,
    /// The changed dimensions' bits recomputed for every row, then every view from the masks.
    Remask,
    Full,
}

/// Sets bit `d` of every row from its fail test; with `moved`, collects the rows whose views change.
struct Sweep<'a> {
    mask: &'a mut [u16],
    d: u32,
    moved: Option<&'a mut Vec<(u32, u16)>>,
}

impl RowLoop for Sweep<'_> {
    type Out = ();
    #[inline(always)]
    fn run(self, fails: impl Fn(usize) -> bool) {
        let Sweep { mask, d, moved } = self;
        let keep = !(1u16 << d);
        match moved {
            None => {
                for (i, m) in mask.iter_mut().enumerate() {
                    *m = (*m & keep) | (fails(i) as u16) << d;
                }
            }
            Some(moved) => {
                for (i, m) in mask.iter_mut().enumerate() {
                    let old = *m;
                    let now = (old & keep) | (fails(i) as u16) << d;
                    if now != old {
                        *m = now;
                        if changes_views(old as u32, now as u32) {
                            moved.push((i as u32, old));
                        }
                    }
                }
            }
        }
    }
}

impl Engine {
    /// Brings the mask and views from the `applied` state to the prepared tables by row deltas or a
    /// rebuild; [`Path::Full`] (having changed nothing) when a full pass is needed or cheaper.
    pub(super) fn try_delta(&mut self) -> Path {
        let Some(applied) = self.applied.take() else {
            return Path::Full;
        };
        let done = self.delta_from(&applied.codes);
        self.applied = Some(applied);
        done
    }

    fn delta_from(&mut self, old: &Codes) -> Path {
        let new = &self.t.codes;
        let c = &self.cols;
        if old.geo_fail.len() != new.geo_fail.len() {
            return Path::Full;
        }
        // Dimensions without an index: only a scan applies.
        let amount_changed = old.on(dim::AMOUNT) != new.on(dim::AMOUNT)
            || (new.on(dim::AMOUNT)
                && (old.lo_amount != new.lo_amount || old.hi_amount != new.hi_amount));
        let unindexed = (amount_changed as u32) << dim::AMOUNT
            | ((old.text_query != new.text_query) as u32) << dim::TEXT;
        // Rows whose bit may flip (for the row deltas), and rows passing the changed filter (for a
        // rebuild from those), summed over the changed dimensions.
        let (mut candidates, mut passing) = (0usize, 0usize);
        let mut dims = 0u32;
        let mut last = (0, 0);
        for (d, which) in INDEXED {
            if !dim_changed(d, old, new) {
                continue;
            }
            dims |= 1 << d;
            last = (d, which);
            let index = self.index[which].get_or_insert_with(|| build_index(c, which));
            for k in 0..index.n_codes() {
                if changed(d, old, new, k) {
                    candidates += index.len(k);
                }
                if passes(d, new, k) {
                    passing += index.len(k);
                }
            }
            if d == dim::SDG && old.on(d) != new.on(d) {
                // Turned on or off, every row's outcome may change, not only those of changed codes.
                candidates = usize::MAX / 4;
            }
        }
        // Relative costs per row (guesses, checked against the host benchmark as a whole, not one by
        // one): a streamed row of the full pass was 10, a delta (removal and addition, scattered) 25, a
        // row added in a rebuild 15 (60 for a recipient), a row's bit set in the rebuild's streamed pass over the masks 2.
        // A scan streams every row's mask and moves the rows whose views change (estimated on every
        // 64th row). It is only tried where no index applies (an amount or text change): in the
        // benchmark, scans chosen over full passes for filters turned off (with a cost of 3 a row)
        // cost about as much as full passes, and scans chosen over deltas and rebuilds were slower
        // than those, so the median per change doubled.
        let n = c.len;
        let all = dims | unindexed;
        let delta = if unindexed == 0 {
            candidates.saturating_mul(25)
        } else {
            usize::MAX
        };
        let (d, which) = last;
        let rebuild = if all.count_ones() == 1 && unindexed == 0 && new.on(d) {
            // A geographic rebuild reads the rows of many codes' lists, jumping through the
            // columns: about four times a sector's per row when measured at 1M rows. Since rows
            // go through the full pass's accumulators, 40 was tried: it chose two more rebuilds in
            // the host benchmark, which made its 5M p95 worse (21.7–22.4 against 17.7–18.5 ms).
            let per_row = if which == 0 { 150 } else { 30 };
            passing.saturating_mul(per_row).saturating_add(2 * n)
        } else {
            usize::MAX
        };
        let scan = if all.count_ones() == 1 && unindexed != 0 {
            let moved = self.sample_moves(all.trailing_zeros(), 64);
            moved.saturating_mul(64 * 25).saturating_add(6 * n)
        } else {
            usize::MAX
        };
        // Recomputing the changed bits streams the rows once per changed dimension (a lookup each),
        // then rebuilds every view from the masks as a full pass's second half does (a streamed mask,
        // plus the rows passing or failing one filter, or the complement's rows). A full pass
        // recomputes all thirteen bits: it is only needed for a new stack or new columns.
        // The rows it adds are estimated by the previous state's passing rows (or, for the
        // complement, failing rows) at 10 each.
        let before = self.views.total.count() as usize;
        let remask = (4 + 2 * all.count_ones() as usize)
            .saturating_mul(n)
            .saturating_add(10 * before.min(n.saturating_sub(before)));
        let best = delta.min(rebuild).min(scan).min(remask);
        if delta == best {
            self.apply_deltas(old, dims);
            Path::Delta
        } else if rebuild == best {
            self.rebuild_others(d, which);
            Path::Rebuild
        } else if scan == best {
            self.scan(all.trailing_zeros());
            Path::Scan
        } else {
            self.remask(all);
            Path::Remask
        }
    }

    /// Of every `step`-th row, how many would change views if bit `d` took its prepared value.
    fn sample_moves(&self, d: u32, step: usize) -> usize {
        let c = &self.cols;
        (0..c.len)
            .step_by(step)
            .filter(|&i| {
                let m = self.mask.get(i).map_or(0, |&m| m as u32);
                let now = (m & !(1 << d)) | (self.t.fails(c, d, i) as u32) << d;
                changes_views(m, now)
            })
            .count()
    }

    /// Row deltas: for each changed dimension, the bit of every row listed under a changed code
    /// set, and the rows whose views changed moved ([`Engine::move_rows`]).
    fn apply_deltas(&mut self, old: &Codes, dims: u32) {
        self.reset_accumulators();
        let mut moved = std::mem::take(&mut self.moved);
        for (d, which) in INDEXED {
            if dims & (1 << d) == 0 {
                continue;
            }
            // Taken out while its rows are updated (the update borrows the engine mutably).
            let Some(index) = self.index[which].take() else {
                continue;
            };
            // A row has one sector, status, flow, year and dataset: every row listed under a code
            // takes that code's outcome, read once for all of them, not tested row by row.
            let one_code = matches!(
                d,
                dim::SECTOR | dim::STATUS | dim::FLOW | dim::YEAR | dim::DATASET
            );
            moved.clear();
            for k in 0..index.n_codes() {
                if changed(d, old, &self.t.codes, k) {
                    if one_code {
                        let fails = !passes(d, &self.t.codes, k);
                        for &i in index.rows(k) {
                            self.set_bit(d, i as usize, fails, &mut moved);
                        }
                    } else {
                        for &i in index.rows(k) {
                            let fails = self.t.fails(&self.cols, d, i as usize);
                            self.set_bit(d, i as usize, fails, &mut moved);
                        }
                    }
                }
            }
            self.index[which] = Some(index);
            // Moved now, before the next dimension's bits change their masks again.
            self.move_rows(&moved);
        }
        self.moved = moved;
        self.roll_up(0);
    }

    /// Rows `moved` (with their mask before) taken out of the views of that mask and put in those
    /// of their mask now, through the pass's accumulators: zeroed before, rolled up into the views
    /// after (a row failing nothing is one addition to its recipient's and its sector × status ×
    /// flow's accumulators, not one to each of a dozen views).
    fn move_rows(&mut self, moved: &[(u32, u16)]) {
        let c = &self.cols;
        let mask = &self.mask;
        let mut s = Sinks::new(
            c,
            &mut self.views,
            &mut self.geo_all,
            &mut self.combo,
            &mut self.geo_only,
            0,
        );
        let mut last = 0;
        for &(i, before) in moved {
            let i = i as usize;
            if i < last {
                // The next code's rows: the recipients' reader starts again from there.
                s.countries = RowCountries::from_row(c, i);
            }
            last = i;
            let now = mask.get(i).map_or(0, |&m| m as u32);
            let v = Val::of(c.amount[i], c.amount_class[i]);
            // Out of the views of its mask before, into those of its mask now: one call, so that
            // the code adding a row is inlined once.
            for (m, v) in [(before as u32, v.neg()), (now, v)] {
                s.by_mask(c, i, m, &v);
            }
        }
    }

    /// When only dimension `d` changed and few rows pass its new filter: every other view holds only
    /// rows passing `d`, so those views are rebuilt from these rows alone; `d`'s own view does not
    /// depend on `d`'s filter and is kept. Bit `d` of every row is set in one streamed pass. The rows
    /// go through the full pass's accumulators (a row passing every filter is one addition per
    /// recipient and one per sector × status × flow code, rolled up at the end), not view by view.
    fn rebuild_others(&mut self, d: u32, which: usize) {
        self.sweep(d, None);
        self.views.reset_except(d);
        self.reset_accumulators();
        let c = &self.cols;
        let t = &self.t.codes;
        let mut s = Sinks::new(
            c,
            &mut self.views,
            &mut self.geo_all,
            &mut self.combo,
            &mut self.geo_only,
            1 << d,
        );
        let Some(index) = self.index[which].take() else {
            return;
        };
        for k in 0..index.n_codes() {
            if !passes(d, t, k) {
                continue;
            }
            for &i in index.rows(k) {
                let i = i as usize;
                // A row listed under several passing codes is added at the first of them only.
                if first_passing(c, t, d, i).is_some_and(|first| first != k) {
                    continue;
                }
                // The row passes `d`: it is in every other view when it fails nothing else, in one
                // when it fails one other filter, in none otherwise.
                let m = self.mask[i] as u32;
                if !counted(m) {
                    continue;
                }
                let v = Val::of(c.amount[i], c.amount_class[i]);
                if m == 0 {
                    s.every_view(c, i, &v);
                } else {
                    s.own_view(c, i, m.trailing_zeros(), &v);
                }
            }
        }
        self.index[which] = Some(index);
        self.roll_up(1 << d);
        if d == dim::YEAR {
            // The year's view is kept, but its count of excluded unknown years depends on the year
            // filter: with the filter on, every unknown-year row of that view is one.
            self.views.excluded_year = self.views.year.first().map_or(0, |g| g.count());
        }
    }

    /// Sets bit `d` of every row to its prepared value, in one streamed pass; with `moved`, collects
    /// the rows whose views change, with their previous mask.
    fn sweep(&mut self, d: u32, moved: Option<&mut Vec<(u32, u16)>>) {
        let c = &self.cols;
        let mask = &mut self.mask[..c.len];
        if moved.is_none() {
            // The geographic and one-code dimensions by a loop without branches (see those).
            if d <= dim::INCOME {
                set_geo_bits(&self.t.codes, c, mask, !(1 << d), 1 << d);
                return;
            }
            if self.t.set_code_bits(c, d, mask, !(1 << d)).is_some() {
                return;
            }
        }
        self.t.with_fails(c, d, Sweep { mask, d, moved });
    }

    /// One streamed pass over the masks for dimension `d`, then the rows that moved, moved.
    fn scan(&mut self, d: u32) {
        let mut moved = std::mem::take(&mut self.moved);
        moved.clear();
        self.sweep(d, Some(&mut moved));
        self.reset_accumulators();
        self.move_rows(&moved);
        self.roll_up(0);
        self.moved = moved;
    }

    /// Row `i`'s bit `d` set to `fails`; the row is listed in `moved`, with its mask before, when
    /// its views change. A row met twice (listed under two changed codes) is already up to date the
    /// second time.
    #[inline]
    fn set_bit(&mut self, d: u32, i: usize, fails: bool, moved: &mut Vec<(u32, u16)>) {
        let Some(m) = self.mask.get_mut(i) else {
            return;
        };
        let before = *m as u32;
        let now = (before & !(1 << d)) | (fails as u32) << d;
        if now != before {
            *m = now as u16;
            if changes_views(before, now) {
                moved.push((i as u32, before as u16));
            }
        }
    }
}
