//! One dimension's bit in every row's mask with wasm SIMD (`simd128`), 8 or 16 rows an instruction,
//! for the codes where a vector does the lookup: one-byte codes with at most 16 (status, flow: a
//! byte shuffle is the table), and codes whose passing values form one range (a year range, one
//! sector: two comparisons). Everything else takes the scalar loop of `bits`. Also the bits of
//! filters turned off cleared from every row's mask ([`keep_bits`]).
//!
//! Why by hand: the scalar loop looks each row's code up in a table, a gather that wasm has no
//! vector instruction for, so the compiler cannot vectorise it; the shuffle and the comparisons
//! are what make it vectorisable. Over 5M rows, V8 (node 2026-12-05, opt-level "s", as the app
//! builds the engine): the scalar loop 10.2-11.4 ms, the shuffle 1.1-1.3 ms, the comparisons
//! 1.7 ms.
//!
//! Only the functions here carry `#[target_feature(enable = "simd128")]`. A module with SIMD
//! instructions does not load at all in an engine without wasm SIMD (Chrome and Edge before 91,
//! Firefox before 89, Safari before 16.4); every browser Bridges supports has it (issue #19).
//! The loads and stores are unaligned (`v128_load` takes any address), of exactly one chunk of
//! `chunks_exact`.

use core::arch::wasm32::*;

use super::bits::code_bits;
use super::full::set_bits;

/// Vectors a [`Zeros`] counts before adding up its lanes (each a `u16`, gaining at most 1 a vector).
const FLUSH: usize = 60_000;

/// Counts the masks that are zero (the rows passing every filter), a vector of eight at a time.
struct Zeros {
    lanes: v128,
    since: usize,
    total: usize,
}

impl Zeros {
    #[target_feature(enable = "simd128")]
    fn new() -> Zeros {
        Zeros {
            lanes: u16x8_splat(0),
            since: 0,
            total: 0,
        }
    }

    /// Counts the lanes of `m` that are zero.
    #[target_feature(enable = "simd128")]
    #[inline]
    fn add(&mut self, m: v128) {
        // A lane comparing equal is all ones (-1): subtracting it counts the row.
        self.lanes = i16x8_sub(self.lanes, i16x8_eq(m, u16x8_splat(0)));
        self.since += 1;
        if self.since == FLUSH {
            self.total += lanes(self.lanes);
            self.lanes = u16x8_splat(0);
            self.since = 0;
        }
    }

    #[target_feature(enable = "simd128")]
    fn total(&self) -> usize {
        self.total + lanes(self.lanes)
    }
}

/// The one range of codes that pass, when the codes that pass are one range `lo..=hi` (or none):
/// `fail[code] == 0` exactly for `lo <= code <= hi`, codes beyond the table reading its last entry.
fn passing_range(fail: &[u8]) -> Option<(u16, u16)> {
    let first = fail.iter().position(|&f| f == 0);
    let Some(lo) = first else {
        // Nothing passes: an empty range.
        return Some((1, 0));
    };
    let hi = fail.iter().rposition(|&f| f == 0).unwrap_or(lo);
    if fail[lo..=hi].iter().any(|&f| f != 0) {
        return None;
    }
    Some((u16::try_from(lo).ok()?, u16::try_from(hi).ok()?))
}

/// The sum of a vector's eight `u16` lanes.
#[target_feature(enable = "simd128")]
fn lanes(v: v128) -> usize {
    let w = u32x4_extadd_pairwise_u16x8(v);
    (u32x4_extract_lane::<0>(w)
        + u32x4_extract_lane::<1>(w)
        + u32x4_extract_lane::<2>(w)
        + u32x4_extract_lane::<3>(w)) as usize
}

/// Bit `d` of every row's mask set from one-byte `codes` and their table `fail` (at most 16
/// entries), keeping the bits `keep`: how many rows then pass every filter, or `None` (having
/// changed nothing) when the table is longer. As the scalar loop, a code beyond the table reads its
/// last entry.
#[target_feature(enable = "simd128")]
pub(super) fn byte_codes(
    mask: &mut [u16],
    keep: u16,
    codes: &[u8],
    fail: &[u8],
    d: u32,
) -> Option<usize> {
    let last = fail.len().checked_sub(1)?;
    if last >= 16 || mask.len() != codes.len() {
        return None;
    }
    let mut table = [0u8; 16];
    for (t, &f) in table.iter_mut().zip(fail) {
        *t = (f != 0) as u8;
    }
    // SAFETY: `table` is 16 bytes.
    let table = unsafe { v128_load(table.as_ptr() as *const v128) };
    let top = u8x16_splat(last as u8);
    let keep_v = u16x8_splat(keep);
    let mut zeros = Zeros::new();
    let mut rows = mask.chunks_exact_mut(16);
    let mut bytes = codes.chunks_exact(16);
    for (m, c) in (&mut rows).zip(&mut bytes) {
        // SAFETY: `c` is 16 bytes and `m` 16 `u16`s (32 bytes): two vectors.
        let (c, m0, m1) = unsafe {
            (
                v128_load(c.as_ptr() as *const v128),
                v128_load(m.as_ptr() as *const v128),
                v128_load(m.as_ptr().add(8) as *const v128),
            )
        };
        let f = u8x16_swizzle(table, u8x16_min(c, top));
        let m0 = v128_or(
            v128_and(m0, keep_v),
            u16x8_shl(u16x8_extend_low_u8x16(f), d),
        );
        let m1 = v128_or(
            v128_and(m1, keep_v),
            u16x8_shl(u16x8_extend_high_u8x16(f), d),
        );
        // SAFETY: as the loads.
        unsafe {
            v128_store(m.as_mut_ptr() as *mut v128, m0);
            v128_store(m.as_mut_ptr().add(8) as *mut v128, m1);
        }
        zeros.add(m0);
        zeros.add(m1);
    }
    Some(zeros.total() + code_bits(rows.into_remainder(), keep, bytes.remainder(), fail, d))
}

/// Bit `d` of every row's mask set from two-byte `codes` and their table `fail`, keeping the bits
/// `keep`, when the codes that pass are one range (a year range, one sector): how many rows then
/// pass every filter, or `None` (having changed nothing) otherwise. As the scalar loop, a code
/// beyond the table reads its last entry.
#[target_feature(enable = "simd128")]
pub(super) fn range_codes(
    mask: &mut [u16],
    keep: u16,
    codes: &[u16],
    fail: &[u8],
    d: u32,
) -> Option<usize> {
    let last = fail.len().checked_sub(1)?;
    let top = u16::try_from(last).ok()?;
    let (lo, hi) = passing_range(fail)?;
    if mask.len() != codes.len() {
        return None;
    }
    let (lo_v, hi_v, top_v) = (u16x8_splat(lo), u16x8_splat(hi), u16x8_splat(top));
    let bit = u16x8_splat(1 << d);
    let keep_v = u16x8_splat(keep);
    let mut zeros = Zeros::new();
    let mut rows = mask.chunks_exact_mut(8);
    let mut pairs = codes.chunks_exact(8);
    for (m, c) in (&mut rows).zip(&mut pairs) {
        // SAFETY: `m` and `c` are 8 `u16`s each: one vector.
        let (c, m0) = unsafe {
            (
                v128_load(c.as_ptr() as *const v128),
                v128_load(m.as_ptr() as *const v128),
            )
        };
        let c = u16x8_min(c, top_v);
        let inside = v128_and(u16x8_ge(c, lo_v), u16x8_le(c, hi_v));
        let m0 = v128_or(v128_and(m0, keep_v), v128_andnot(bit, inside));
        // SAFETY: as the load.
        unsafe { v128_store(m.as_mut_ptr() as *mut v128, m0) };
        zeros.add(m0);
    }
    Some(zeros.total() + code_bits(rows.into_remainder(), keep, pairs.remainder(), fail, d))
}

/// Keeps the bits `keep` of every row's mask, clearing the others: how many rows then pass every
/// filter.
#[target_feature(enable = "simd128")]
pub(super) fn keep_bits(mask: &mut [u16], keep: u16) -> usize {
    let keep_v = u16x8_splat(keep);
    let mut zeros = Zeros::new();
    let mut rows = mask.chunks_exact_mut(8);
    for m in &mut rows {
        // SAFETY: `m` is 8 `u16`s: one vector.
        let m0 = v128_and(unsafe { v128_load(m.as_ptr() as *const v128) }, keep_v);
        // SAFETY: as the load.
        unsafe { v128_store(m.as_mut_ptr() as *mut v128, m0) };
        zeros.add(m0);
    }
    zeros.total() + set_bits(rows.into_remainder(), keep, |_| 0)
}
