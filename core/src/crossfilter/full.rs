//! The full pass: every row's fail mask recomputed and stored, every view rebuilt from zero.
//!
//! Rows passing every filter are the bulk of the work, so they go into two small accumulators
//! (per recipient, per sector × status × flow code) that are rolled up into their views at the end;
//! rows with several recipients, and the views of rows failing one filter, are added directly.

use crate::columns::*;
use crate::state::Stack;

use super::acc::{reset, Val};
use super::tables::{agency_fails, dataset_fails, multi_geo_fail, provider_fails};
use super::{dim, Engine, N_FLOW, N_STATUS};

impl Engine {
    /// Rebuilds the mask and every view for the prepared tables.
    pub(super) fn full(&mut self, stack: Stack) {
        let c = &self.cols;
        let tables = &self.t;
        let t = &tables.codes;
        let w = &mut self.views;
        let n_sectors = c.sectors.len() + 1;
        let n_geo = c.countries.len() + 1;
        w.reset(c, stack);
        reset(&mut self.geo_all, n_geo);
        for g in &mut self.geo_only {
            reset(g, n_geo);
        }
        reset(&mut self.combo, n_sectors * N_STATUS * N_FLOW);
        self.mask.clear();
        self.mask.resize(c.len, 0);

        let sdg_on = t.on(dim::SDG);
        let provider_on = t.on(dim::PROVIDER);
        let dataset_on = t.on(dim::DATASET);
        let several = !c.datasets.is_empty();
        let agency_on = t.on(dim::AGENCY);
        let any_agency = !c.agencies.is_empty();
        let amount_on = t.on(dim::AMOUNT);
        let text_on = t.on(dim::TEXT);
        let mask = &mut self.mask[..c.len];
        for (i, m) in mask.iter_mut().enumerate() {
            let k = c.country1[i];
            let geo = if k != MULTI {
                t.geo_fail[k as usize] as u32
            } else {
                multi_geo_fail(&t.geo_fail, c.row_countries(i))
            };
            // Sector, status and flow are one combined code: one load and one lookup for three tests.
            let combo = c.combo[i] as usize;
            let year = c.year[i] as usize;
            let mut fail = geo | t.combo_fail[combo] | (t.year_fail[year] as u32) << dim::YEAR;
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
            if fail & fail.wrapping_sub(1) != 0 {
                continue; // fails two or more filters: in no view
            }
            let class = c.amount_class[i];
            let v = Val::of(c.amount[i], class);
            let view = if fail == 0 {
                u32::MAX
            } else {
                fail.trailing_zeros()
            };
            match view {
                u32::MAX => {
                    if k != MULTI {
                        self.geo_all[k as usize].add(&v);
                    } else {
                        w.add_geo(c, c.row_countries(i), 0b111, &v);
                    }
                    self.combo[combo].add(&v);
                    w.add_sdgs(c.sdgs[i], &v);
                    w.add_providers(c, i, &v);
                    if several {
                        w.add_dataset(c, i, &v);
                    }
                    if any_agency {
                        w.add_agencies(c, i, &v);
                    }
                    w.add_year(year, combo, &v);
                }
                dim::COUNTRY | dim::REGION | dim::INCOME => {
                    if k != MULTI {
                        self.geo_only[view as usize][k as usize].add(&v);
                    } else {
                        w.add_geo(c, c.row_countries(i), 1 << view, &v);
                    }
                }
                dim::SECTOR => w.sector[combo / (N_STATUS * N_FLOW)].add(&v),
                dim::SDG => w.add_sdgs(c.sdgs[i], &v),
                dim::STATUS => w.status[combo / N_FLOW % N_STATUS].add(&v),
                dim::FLOW => w.flow[combo % N_FLOW].add(&v),
                dim::PROVIDER => w.add_providers(c, i, &v),
                dim::DATASET => w.add_dataset(c, i, &v),
                dim::AGENCY => w.add_agencies(c, i, &v),
                dim::YEAR => {
                    w.add_year(year, combo, &v);
                    w.excluded_year += (year == 0) as u32;
                }
                dim::AMOUNT => w.excluded_amount += (class != AMOUNT_HEADLINE) as u32,
                _ => {}
            }
        }

        // Roll the accumulators up into the views.
        for s in 0..n_sectors {
            for st in 0..N_STATUS {
                for fl in 0..N_FLOW {
                    let g = self.combo[(s * N_STATUS + st) * N_FLOW + fl];
                    if g.count() > 0 {
                        w.total.merge(&g);
                        w.sector[s].merge(&g);
                        w.status[st].merge(&g);
                        w.flow[fl].merge(&g);
                    }
                }
            }
        }
        w.without_country = self.geo_all[c.countries.len()].count();
        for k in 0..c.countries.len() {
            let all = self.geo_all[k];
            let mut g = all;
            g.merge(&self.geo_only[0][k]);
            w.country[k].merge(&g);
            let mut g = all;
            g.merge(&self.geo_only[1][k]);
            if g.count() > 0 {
                for r in [c.country_region[k], c.country_subregion[k]] {
                    if r != NO_REGION {
                        w.region[r as usize].merge(&g);
                    }
                }
            }
            let mut g = all;
            g.merge(&self.geo_only[2][k]);
            w.income[c.country_income[k] as usize].merge(&g);
        }
    }
}
