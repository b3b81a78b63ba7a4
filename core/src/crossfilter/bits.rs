//! One dimension's bit set in every row's mask, for the dimensions where a loop without branches
//! does it: those whose rows have one code each (sector, status, flow, year) and the geographic ones.
//! A remask's first half and a rebuild's sweep; the others go through [`Tables::with_fails`].

use crate::columns::Columns;

use super::dim;
use super::tables::{multi_geo_fail, Codes, Tables};

impl Tables {
    /// Bit `d` of every row's mask set from the prepared tables, keeping the bits `keep`, for the
    /// dimensions whose rows have one code each (sector, status, flow, year): how many rows then
    /// pass every filter; `None` (having changed nothing) for the others.
    pub(super) fn set_code_bits(
        &self,
        c: &Columns,
        d: u32,
        mask: &mut [u16],
        keep: u16,
    ) -> Option<usize> {
        let t = &self.codes;
        // Each with wasm SIMD where it applies, else the scalar loop.
        Some(match d {
            dim::SECTOR => vector_range(mask, keep, &c.sector, &t.sector_fail, d)
                .unwrap_or_else(|| code_bits(mask, keep, &c.sector, &t.sector_fail, d)),
            dim::STATUS => vector_bytes(mask, keep, &c.status, &t.status_fail, d)
                .unwrap_or_else(|| code_bits(mask, keep, &c.status, &t.status_fail, d)),
            dim::FLOW => vector_bytes(mask, keep, &c.flow, &t.flow_fail, d)
                .unwrap_or_else(|| code_bits(mask, keep, &c.flow, &t.flow_fail, d)),
            dim::YEAR => vector_range(mask, keep, &c.year, &t.year_fail, d)
                .unwrap_or_else(|| code_bits(mask, keep, &c.year, &t.year_fail, d)),
            _ => return None,
        })
    }
}

/// Keeps the bits `keep` of every row's mask and clears the others (the bits of filters turned off):
/// how many rows then pass every filter. 8 rows at a time with wasm SIMD.
pub(super) fn clear_bits(mask: &mut [u16], keep: u16) -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        super::simd::keep_bits(mask, keep)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        super::full::set_bits(mask, keep, |_| 0)
    }
}

// With wasm SIMD, where it applies: [`code_bits`] for one-byte codes with at most 16, 16 rows at a
// time (`vector_bytes`), and for two-byte codes whose passing values are one range, 8 rows at a time
// (`vector_range`). `None`, having changed nothing, where they do not apply, and always off wasm.
#[cfg(target_arch = "wasm32")]
use super::simd::{byte_codes as vector_bytes, range_codes as vector_range};

#[cfg(not(target_arch = "wasm32"))]
fn vector_bytes(_: &mut [u16], _: u16, _: &[u8], _: &[u8], _: u32) -> Option<usize> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn vector_range(_: &mut [u16], _: u16, _: &[u16], _: &[u8], _: u32) -> Option<usize> {
    None
}

/// Sets bit `d` of every row's mask to whether its code fails (`fail[code] != 0`), keeping the bits
/// `keep`; returns how many rows then pass every filter. The table holds the bit itself and the code
/// is clamped to it, so that the loop has no branch (through the generic row loop, with its bounds
/// checks, a year or status filter's bits took 7–9 ms over 5M rows on the host; this way, 4 ms).
pub(super) fn code_bits<T: Copy + Into<usize>>(
    mask: &mut [u16],
    keep: u16,
    codes: &[T],
    fail: &[u8],
    d: u32,
) -> usize {
    let tab: Vec<u16> = fail.iter().map(|&f| ((f != 0) as u16) << d).collect();
    let last = tab.len().saturating_sub(1);
    let mut passing = 0usize;
    for (m, &k) in mask.iter_mut().zip(codes) {
        let v = (*m & keep) | tab.get(k.into().min(last)).copied().unwrap_or(0);
        *m = v;
        passing += (v == 0) as usize;
    }
    passing
}

/// Sets the geographic bits `geo` (of `0b111`) of every row's mask from its recipients, keeping the
/// bits `keep`; returns how many rows then pass every filter. A pass over the rows in order looks up
/// each row's one recipient without a branch (a row with several looks up an extra entry that fails
/// nothing), then the rows with several, about one in fifty, are corrected from their compact lists.
/// With the test for several recipients inside the pass, a country or region filter's bits took
/// 10–12 ms over 5M rows on the host; this way, 5–6 ms.
pub(super) fn set_geo_bits(t: &Codes, c: &Columns, mask: &mut [u16], keep: u16, geo: u32) -> usize {
    let mut tab: Vec<u16> = t
        .geo_fail
        .iter()
        .map(|&f| (f as u32 & geo) as u16)
        .collect();
    tab.push(0);
    let last = tab.len() - 1;
    let mut passing = 0usize;
    for (m, &k) in mask.iter_mut().zip(&c.country1) {
        let v = (*m & keep) | tab.get((k as usize).min(last)).copied().unwrap_or(0);
        *m = v;
        passing += (v == 0) as usize;
    }
    for (j, &r) in c.multi_rows.iter().enumerate() {
        let (Some(&a), Some(&b)) = (c.multi_off.get(j), c.multi_off.get(j + 1)) else {
            continue;
        };
        let (Some(ids), Some(m)) = (
            c.multi_ids.get(a as usize..b as usize),
            mask.get_mut(r as usize),
        ) else {
            continue;
        };
        let before = *m;
        let now = before | (multi_geo_fail(&t.geo_fail, ids) & geo) as u16;
        *m = now;
        passing = passing + (now == 0) as usize - (before == 0) as usize;
    }
    passing
}
