//! Rows by code, per dimension: which rows a change of one code of a filter can affect, and how the
//! codes of a filter state compare with another's.

use crate::columns::*;

use super::dim;
use super::tables::Codes;

/// Rows by code: those of code `k` are `rows[off[k]..off[k + 1]]`, ascending. A row with several
/// codes (recipients, providers, SDGs) is listed under each.
#[derive(Default)]
pub(super) struct Index {
    off: Vec<u32>,
    rows: Vec<u32>,
}

impl Index {
    pub(super) fn rows(&self, k: usize) -> &[u32] {
        match (self.off.get(k), self.off.get(k + 1)) {
            (Some(&a), Some(&b)) => self.rows.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    pub(super) fn n_codes(&self) -> usize {
        self.off.len().saturating_sub(1)
    }

    pub(super) fn len(&self, k: usize) -> usize {
        self.rows(k).len()
    }

    /// Counting sort of the rows by `codes(i)` (each below `n_codes`).
    fn build<I: IntoIterator<Item = usize>>(
        n_rows: usize,
        n_codes: usize,
        codes: impl Fn(usize) -> I,
    ) -> Index {
        let mut off = vec![0u32; n_codes + 1];
        for i in 0..n_rows {
            for k in codes(i) {
                if let Some(x) = off.get_mut(k + 1) {
                    *x += 1;
                }
            }
        }
        for k in 0..n_codes {
            off[k + 1] += off[k];
        }
        let mut next = off.clone();
        let mut rows = vec![0u32; off[n_codes] as usize];
        for i in 0..n_rows {
            for k in codes(i) {
                if let Some(at) = next.get_mut(k) {
                    rows[*at as usize] = i as u32;
                    *at += 1;
                }
            }
        }
        Index { off, rows }
    }
}

/// The dimensions with an index, and which index each uses (the three geographic ones share one).
pub(super) const INDEXED: [(u32, usize); 11] = [
    (dim::COUNTRY, 0),
    (dim::REGION, 0),
    (dim::INCOME, 0),
    (dim::SECTOR, 1),
    (dim::STATUS, 2),
    (dim::FLOW, 3),
    (dim::YEAR, 4),
    (dim::PROVIDER, 5),
    (dim::SDG, 6),
    (dim::DATASET, 7),
    (dim::AGENCY, 8),
];
pub(super) const N_INDEXES: usize = 9;

pub(super) fn build_index(c: &Columns, which: usize) -> Index {
    let none_country = c.countries.len();
    let none_provider = c.providers.len();
    // A code repeated in a row's list is listed once: a rebuild adds a row at its first passing code.
    fn list(ids: &[u16], none: usize) -> impl Iterator<Item = usize> + '_ {
        let none = ids.is_empty().then_some(none);
        none.into_iter().chain(
            (0..ids.len())
                .filter(move |&j| !ids[..j].contains(&ids[j]))
                .map(move |j| ids[j] as usize),
        )
    }
    match which {
        0 => Index::build(c.len, none_country + 1, |i| {
            list(c.row_countries(i), none_country)
        }),
        1 => Index::build(c.len, c.sectors.len() + 1, |i| [c.sector[i] as usize]),
        2 => Index::build(c.len, super::N_STATUS, |i| [c.status[i] as usize]),
        3 => Index::build(c.len, super::N_FLOW, |i| [c.flow[i] as usize]),
        4 => Index::build(c.len, c.year_codes, |i| [c.year[i] as usize]),
        5 => Index::build(c.len, none_provider + 1, |i| {
            list(c.row_providers(i), none_provider)
        }),
        7 => Index::build(c.len, c.datasets.len() + 1, |i| {
            [c.dataset.get(i).map_or(c.datasets.len(), |&k| k as usize)]
        }),
        // A row's agencies are distinct already; a row naming none under the last code.
        8 => Index::build(c.len, c.agencies.len() + 1, |i| {
            let ids = c.row_agencies(i);
            let none = ids.is_empty().then_some(c.agencies.len());
            none.into_iter().chain(ids.iter().map(|&k| k as usize))
        }),
        // SDGs by bit; a row without one under 0.
        _ => Index::build(c.len, 32, |i| {
            let b = c.sdgs[i];
            (0..32usize).filter(move |&g| if b == 0 { g == 0 } else { b >> g & 1 != 0 })
        }),
    }
}

/// Whether code `k` of dimension `d` has a different fail-table entry in `old` and `new`.
pub(super) fn changed(d: u32, old: &Codes, new: &Codes, k: usize) -> bool {
    let diff = |a: &[u8], b: &[u8]| a.get(k) != b.get(k);
    match d {
        dim::COUNTRY | dim::REGION | dim::INCOME => {
            let a = old.geo_fail.get(k).copied().unwrap_or(0);
            let b = new.geo_fail.get(k).copied().unwrap_or(0);
            (a ^ b) >> d & 1 != 0
        }
        dim::SECTOR => diff(&old.sector_fail, &new.sector_fail),
        dim::STATUS => diff(&old.status_fail, &new.status_fail),
        dim::FLOW => diff(&old.flow_fail, &new.flow_fail),
        dim::YEAR => diff(&old.year_fail, &new.year_fail),
        dim::PROVIDER => diff(&old.provider_fail, &new.provider_fail),
        dim::DATASET => diff(&old.dataset_fail, &new.dataset_fail),
        dim::AGENCY => diff(&old.agency_fail, &new.agency_fail),
        // With the filter on before and after (checked by the caller), a row's outcome changes only
        // if one of its SDGs was selected or deselected.
        _ => k < 32 && ((old.sdg_mask ^ new.sdg_mask) >> k) & 1 != 0,
    }
}

/// Whether code `k` of dimension `d` passes the filter in `t`.
pub(super) fn passes(d: u32, t: &Codes, k: usize) -> bool {
    let pass = |table: &[u8]| table.get(k) == Some(&0);
    match d {
        dim::COUNTRY | dim::REGION | dim::INCOME => {
            t.geo_fail.get(k).is_some_and(|g| g >> d & 1 == 0)
        }
        dim::SECTOR => pass(&t.sector_fail),
        dim::STATUS => pass(&t.status_fail),
        dim::FLOW => pass(&t.flow_fail),
        dim::YEAR => pass(&t.year_fail),
        dim::PROVIDER => pass(&t.provider_fail),
        dim::DATASET => pass(&t.dataset_fail),
        dim::AGENCY => pass(&t.agency_fail),
        _ => !t.on(d) || (k > 0 && k < 32 && t.sdg_mask >> k & 1 != 0),
    }
}

/// For a row with several codes in dimension `d`, the first that passes (in the order the index
/// lists them); `None` for a row with one code.
#[inline]
pub(super) fn first_passing(c: &Columns, t: &Codes, d: u32, i: usize) -> Option<usize> {
    match d {
        dim::COUNTRY | dim::REGION | dim::INCOME if c.country1[i] == MULTI => c
            .row_countries(i)
            .iter()
            .map(|&k| k as usize)
            .find(|&k| passes(d, t, k)),
        dim::PROVIDER if c.provider1[i] == MULTI => c
            .row_providers(i)
            .iter()
            .map(|&k| k as usize)
            .find(|&k| passes(d, t, k)),
        dim::AGENCY if c.row_agencies(i).len() > 1 => c
            .row_agencies(i)
            .iter()
            .map(|&k| k as usize)
            .find(|&k| passes(d, t, k)),
        dim::SDG if c.sdgs[i].count_ones() > 1 => {
            let hit = c.sdgs[i] & t.sdg_mask;
            (hit != 0).then_some(hit.trailing_zeros() as usize)
        }
        _ => None,
    }
}

pub(super) fn dim_changed(d: u32, old: &Codes, new: &Codes) -> bool {
    let on_changed = (old.active ^ new.active) & (1 << d) != 0;
    on_changed
        || match d {
            dim::COUNTRY | dim::REGION | dim::INCOME => old
                .geo_fail
                .iter()
                .zip(&new.geo_fail)
                .any(|(a, b)| (a ^ b) >> d & 1 != 0),
            dim::SECTOR => old.sector_fail != new.sector_fail,
            dim::STATUS => old.status_fail != new.status_fail,
            dim::FLOW => old.flow_fail != new.flow_fail,
            dim::YEAR => old.year_fail != new.year_fail,
            dim::PROVIDER => old.provider_fail != new.provider_fail,
            dim::DATASET => old.dataset_fail != new.dataset_fail,
            dim::AGENCY => old.agency_fail != new.agency_fail,
            _ => old.sdg_mask != new.sdg_mask,
        }
}
