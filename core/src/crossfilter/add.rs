//! Phase two of a pass over the masks ([`Engine::add_rows`]): the rows the masks put in views,
//! added to them.
//!
//! Block by block, in two steps. The first lists the block's rows to add and where each goes
//! (`row << 4 | bucket`: the one filter it fails, [`PASS`] or [`MANY`]), skipping four rows at a time
//! whose masks show none to add ([`quad`]). The second adds them: grouped by bucket when they are
//! few and far apart, in row order otherwise.
//!
//! Why grouped: a loop that chose each row's view by its mask as it went mispredicted a branch at
//! nearly every row it added when those were scattered, and each misprediction threw away the column
//! reads under way, so rows scattered over millions cost 150–270 ns each on the host (5M rows,
//! 2026-12-05), waiting for memory one read at a time. A bucket's loop has no branch that depends on
//! the data, and the processor keeps several rows' reads in flight. Rows close together share cache
//! lines; grouping them would read those lines once per bucket, so they are added in row order.

use crate::columns::*;

use super::acc::{counted, Val};
use super::sinks::Sinks;
use super::{dim, Engine};

impl Engine {
    /// Phase two of a pass over the masks: the passing rows added (`complement == false`) or the
    /// failing rows removed from the snapshot (`true`), and every row failing one filter added to
    /// that filter's own view (see the module doc).
    pub(super) fn add_rows(&mut self, complement: bool) {
        let c = &self.cols;
        let mut picked = std::mem::take(&mut self.picked);
        let mut sorted = std::mem::take(&mut self.sorted);
        let mut s = Sinks::new(
            c,
            &mut self.views,
            &mut self.geo_all,
            &mut self.combo,
            &mut self.geo_only,
            0,
        );
        let add = |m: u32| if complement { m != 0 } else { counted(m) };
        for (block, masks) in self.mask[..c.len].chunks(BLOCK).enumerate() {
            let first = block * BLOCK;
            picked.clear();
            let pick = |picked: &mut Vec<u32>, j: usize, m: u16| {
                let m = m as u32;
                if add(m) {
                    picked.push(((first + j) as u32) << 4 | bucket(m));
                }
            };
            // Listed four rows at a time, skipping those with none to add, until they turn out to
            // be close together.
            let limit = masks.len() / SPARSE;
            let mut listed = 0;
            for (q, m4) in masks.chunks_exact(4).enumerate() {
                if let [a, b, c, d] = *m4 {
                    if quad(a, b, c, d, complement) != 0 {
                        for (j, m) in [a, b, c, d].into_iter().enumerate() {
                            pick(&mut picked, q * 4 + j, m);
                        }
                        if picked.len() > limit {
                            listed = q * 4 + 4;
                            break;
                        }
                    }
                }
            }
            let grouped = picked.len() <= limit;
            if grouped {
                let tail = masks.len() - masks.len() % 4;
                for (j, &m) in masks.iter().enumerate().skip(tail) {
                    pick(&mut picked, j, m);
                }
                // A counting sort by bucket: each bucket stays in row order.
                let mut start = [0usize; 17];
                for &e in &picked {
                    start[(e & 15) as usize + 1] += 1;
                }
                for b in 0..16 {
                    start[b + 1] += start[b];
                }
                sorted.clear();
                sorted.resize(picked.len(), 0);
                for &e in &picked {
                    let at = &mut start[(e & 15) as usize];
                    if let Some(slot) = sorted.get_mut(*at) {
                        *slot = e;
                    }
                    *at += 1;
                }
            } else {
                // Close together: the rest of the block listed as well, all added in row order
                // (the recipients' reader goes on from the previous row).
                for (j, &m) in masks.iter().enumerate().skip(listed) {
                    pick(&mut picked, j, m);
                }
            }
            // One loop adds the rows either way, so that the code adding a row is inlined once
            // (the engine is in the presenter's first load, whose size has a budget).
            let mut bucket = u32::MAX;
            for &e in if grouped { &sorted } else { &picked } {
                let (i, b) = ((e >> 4) as usize, e & 15);
                if grouped && b != bucket {
                    // Each bucket visits the block's rows from its start again.
                    bucket = b;
                    s.countries = RowCountries::from_row(c, first);
                }
                add_row(&mut s, c, i, b, complement);
            }
        }
        self.picked = picked;
        self.sorted = sorted;
    }
}

/// Buckets of `add_rows` beyond the dimensions: rows failing no filter, and rows failing several.
/// A listed row is `row << 4 | bucket` in a `u32`, so rows below 2^28: the columns take over 30
/// bytes a row, and 2^28 rows would need more than the 4 GiB a wasm32 module can address.
const PASS: u32 = 14;
const MANY: u32 = 15;
/// `add_rows` works through the masks in blocks of this many rows: a block's columns stay in the
/// cache while its rows are added bucket by bucket.
const BLOCK: usize = 1 << 14;
/// A block's rows to add are grouped by bucket when fewer than one in `SPARSE`.
const SPARSE: usize = 16;
// Masks use bits 0 to 12: bit 15 of each is free for `quad`.
const _: () = assert!(dim::COUNT <= 15);

/// Where a row with mask `m` goes: the one filter it fails, [`PASS`] or [`MANY`].
#[inline(always)]
fn bucket(m: u32) -> u32 {
    if counted(m) {
        (m | 1 << PASS).trailing_zeros()
    } else {
        MANY
    }
}

/// Row `i` of bucket `b` added (or, for the complement, removed from the snapshot and added to its
/// own view).
#[inline(always)]
fn add_row(s: &mut Sinks, c: &Columns, i: usize, b: u32, complement: bool) {
    let v = Val::of(c.amount[i], c.amount_class[i]);
    // One call of each kind, so that the code adding a row is inlined once here (the engine is in
    // the presenter's first load, whose size has a budget).
    let every = if complement {
        Some(v.neg())
    } else {
        (b == PASS).then_some(v)
    };
    if let Some(every) = every {
        s.every_view(c, i, &every);
    }
    if b < dim::COUNT {
        s.own_view(c, i, b, &v);
    }
}

/// Of four rows' masks, those with a row to add, as bit 15 of each 16 bits: failing anything for
/// the complement, failing at most one filter for the direct pass. Four masks at once in a `u64`
/// (wasm has 64-bit integers but, without `simd128`, no vectors). For a mask `m` below 2^15,
/// `(m | 2^15) - 1` has bit 15 set exactly when `m` is not zero, and the bit set keeps the
/// subtraction from borrowing across masks; `((m | 2^15) - 1) & m` is `m & (m - 1)`, zero exactly
/// when `m` fails at most one filter.
#[inline(always)]
fn quad(a: u16, b: u16, c: u16, d: u16, complement: bool) -> u64 {
    const HIGH: u64 = 0x8000_8000_8000_8000;
    const ONE: u64 = 0x0001_0001_0001_0001;
    let w = u64::from(a) | u64::from(b) << 16 | u64::from(c) << 32 | u64::from(d) << 48;
    let nonzero = |w: u64| ((w | HIGH) - ONE) & HIGH;
    if complement {
        nonzero(w)
    } else {
        !nonzero(((w | HIGH) - ONE) & w) & HIGH
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_masks_at_once_agree_with_one_at_a_time() {
        // Masks failing nothing, one filter, two, and every filter, in every position.
        let masks = [0u16, 1, 2, 1 << 12, 3, 0b1010, (1 << 13) - 1, 1 << 14];
        for &a in &masks {
            for &b in &masks {
                for &c in &masks {
                    for &d in &masks {
                        let m = [a, b, c, d];
                        for complement in [false, true] {
                            let n = m.iter().filter(|&&x| {
                                let x = x as u32;
                                if complement {
                                    x != 0
                                } else {
                                    x & x.wrapping_sub(1) == 0
                                }
                            });
                            let [a, b, c, d] = m;
                            assert_eq!(
                                quad(a, b, c, d, complement).count_ones() as usize,
                                n.count(),
                                "{m:?} {complement}"
                            );
                        }
                    }
                }
            }
        }
    }
}
