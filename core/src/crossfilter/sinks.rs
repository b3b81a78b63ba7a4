//! Where rows are added (or, negated, removed): [`Sinks`], the views and the per-recipient and
//! per-code accumulators of a pass, and [`Engine::roll_up`], which turns those accumulators into views.
//! The full pass, the remask and the rebuild all add rows through these.

use crate::columns::*;

use super::acc::{counted, reset, Acc, Val, Views};
use super::{dim, Engine, N_FLOW, N_STATUS};

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

impl<'a> Sinks<'a> {
    /// Sinks over these accumulators for a pass over `c`'s rows in ascending order, leaving the
    /// views of the dimensions in `keep` as they are.
    pub(super) fn new(
        c: &'a Columns,
        w: &'a mut Views,
        geo_all: &'a mut [Acc],
        combo: &'a mut [Acc],
        geo_only: &'a mut [Vec<Acc>; 3],
        keep: u32,
    ) -> Self {
        Sinks {
            w,
            geo_all,
            combo,
            geo_only,
            countries: RowCountries::new(c),
            several: !c.datasets.is_empty(),
            any_agency: !c.agencies.is_empty(),
            keep,
        }
    }

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

    /// Row `i` into the views its fail mask `m` puts it in: every view when it fails nothing, its
    /// one failing filter's own view when it fails one, none otherwise.
    #[inline(always)]
    pub(super) fn by_mask(&mut self, c: &Columns, i: usize, m: u32, v: &Val) {
        if m == 0 {
            self.every_view(c, i, v);
        } else if counted(m) {
            self.own_view(c, i, m.trailing_zeros(), v);
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
                w.excluded_year = w.excluded_year.wrapping_add(v.count() * (year == 0) as u32);
            }
            dim::AMOUNT => {
                let unknown = c.amount_class[i] != AMOUNT_HEADLINE;
                w.excluded_amount = w.excluded_amount.wrapping_add(v.count() * unknown as u32);
            }
            _ => {}
        }
    }
}

impl Engine {
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

    /// The accumulators rolled up into (added to) the views, but for the views of the dimensions in
    /// `keep`.
    pub(super) fn roll_up(&mut self, keep: u32) {
        let c = &self.cols;
        let w = &mut self.views;
        let on = |d: u32| keep & (1 << d) == 0;
        let n_sectors = c.sectors.len() + 1;
        for s in 0..n_sectors {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    let g = self.combo[(s * N_STATUS + st) * N_FLOW + fl];
                    if !g.is_empty() {
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
        // Added, not set: a delta rolls up changes into views that hold every other row.
        w.without_country = w
            .without_country
            .wrapping_add(self.geo_all[c.countries.len()].count());
        for k in 0..c.countries.len() {
            let all = self.geo_all[k];
            if on(dim::COUNTRY) {
                let mut g = all;
                g.merge(&self.geo_only[0][k]);
                w.country[k].merge(&g);
            }
            let mut g = all;
            g.merge(&self.geo_only[1][k]);
            if on(dim::REGION) && !g.is_empty() {
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
