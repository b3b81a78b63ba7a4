//! What a query looks like, as shares of its rows: one record is a profile whose values all have share
//! 1; a set of records (the current filter) spreads each share over its rows. Scoring a candidate
//! against a profile is then the same for "similar to this record" and "like these, elsewhere".

use crate::columns::{Columns, AMOUNT_HEADLINE, AMOUNT_OTHER, INCOME_CODES, NO_REGION};

use super::index::{Row, SimilarIndex};
use super::words::{for_each_word, is_chinese};

/// Most words a query compares (a record's title has fewer; a set keeps its most telling words).
pub const MAX_TERMS: usize = 32;
/// Words in more than this share of rows are too common to compare (and too slow to walk).
pub const MAX_DF_SHARE: f32 = 0.2;
/// Terms a Chinese word may expand to through the glossary's prefixes ("agricultur").
const MAX_EXPANSION: usize = 12;

/// A record's amount, in bands of half a decade (×3.16). An unknown amount is a band of its own, as
/// is an amount in another currency or price base: neither is compared with known amounts, and two
/// unknown amounts are not "similar size" (nothing says they are).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountBand {
    Unknown,
    OtherCurrency,
    /// `floor(2 × log10(amount))`, amounts under 1 in band 0.
    Known(u8),
}

pub const BANDS: usize = 40;

pub fn amount_band(cols: &Columns, row: Row) -> AmountBand {
    let i = row as usize;
    match cols.amount_class.get(i).copied() {
        Some(AMOUNT_HEADLINE) => {
            let v = cols.amount.get(i).copied().unwrap_or(0.0).max(1.0);
            AmountBand::Known(((2.0 * v.log10()).floor() as usize).min(BANDS - 1) as u8)
        }
        Some(AMOUNT_OTHER) => AmountBand::OtherCurrency,
        _ => AmountBand::Unknown,
    }
}

/// Shares of a query's rows by every compared value, and per-code score tables derived from them.
#[derive(Clone, Debug)]
pub struct Profile {
    /// (term id, weight): a record's words weigh 1; a set's weigh the share of its rows using them.
    pub terms: Vec<(u32, f32)>,
    /// By sector index; the last entry (unknown sector) stays 0: unknown matches nothing.
    pub sector: Vec<f32>,
    /// By SDG number.
    pub sdgs: [f32; 18],
    /// SDGs per row, on average.
    pub sdg_mass: f32,
    /// By region index, for the regions and for the sub-regions of the rows' recipients.
    pub region: Vec<f32>,
    pub subregion: Vec<f32>,
    /// By `INCOME_CODES` index (unknown income stays 0).
    pub income: [f32; INCOME_CODES.len()],
    /// Countries the query's rows are in ("elsewhere" is any other).
    pub country: Vec<bool>,
    /// Year code → closeness to the query's years, 0..1 (unknown years score 0).
    pub year_score: Vec<f32>,
    /// Amount band → closeness to the query's known amounts, 0..1.
    pub band_score: [f32; BANDS],
}

impl Profile {
    /// The profile of `rows` (one row for "similar to this record").
    pub fn of_rows(ix: &SimilarIndex, cols: &Columns, rows: &[Row]) -> Profile {
        let mut p = Profile {
            terms: Vec::new(),
            sector: vec![0.0; cols.sectors.len() + 1],
            sdgs: [0.0; 18],
            sdg_mass: 0.0,
            region: vec![0.0; cols.regions.len()],
            subregion: vec![0.0; cols.regions.len()],
            income: [0.0; INCOME_CODES.len()],
            country: vec![false; cols.countries.len()],
            year_score: vec![0.0; cols.year_codes.max(1)],
            band_score: [0.0; BANDS],
        };
        let rows: Vec<usize> = rows
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| r < cols.len && r < ix.len())
            .collect();
        if rows.is_empty() {
            return p;
        }
        let share = 1.0 / rows.len() as f32;
        let mut year_share = vec![0.0f32; p.year_score.len()];
        let mut band_share = [0.0f32; BANDS];
        let mut term_rows: std::collections::HashMap<u32, f32> = Default::default();
        for &i in &rows {
            if let Some(s) = cols.sector.get(i).map(|&s| s as usize) {
                if s < cols.sectors.len() {
                    p.sector[s] += share;
                }
            }
            let bits = cols.sdgs.get(i).copied().unwrap_or(0);
            for g in 1..=17usize {
                if bits & (1 << g) != 0 {
                    p.sdgs[g] += share;
                    p.sdg_mass += share;
                }
            }
            let countries = cols.row_countries(i);
            let each = share / countries.len().max(1) as f32;
            for &k in countries {
                let k = k as usize;
                if let Some(c) = p.country.get_mut(k) {
                    *c = true;
                }
                let reg = cols.country_region.get(k).copied().unwrap_or(NO_REGION);
                let sub = cols.country_subregion.get(k).copied().unwrap_or(NO_REGION);
                if let Some(x) = p.region.get_mut(reg as usize) {
                    *x += each;
                }
                if let Some(x) = p.subregion.get_mut(sub as usize) {
                    *x += each;
                }
                if let Some(x) = cols
                    .country_income
                    .get(k)
                    .and_then(|&g| p.income.get_mut(g as usize))
                {
                    *x += each;
                }
            }
            if let Some(y) = cols
                .year
                .get(i)
                .and_then(|&y| year_share.get_mut(y as usize))
            {
                *y += share;
            }
            if let AmountBand::Known(b) = amount_band(cols, i as Row) {
                band_share[b as usize] += share;
            }
            for &(t, _) in ix.row_terms(i as Row) {
                *term_rows.entry(t).or_default() += share;
            }
        }
        // Closeness falls by a tenth a year and half per band off.
        for (c, score) in p.year_score.iter_mut().enumerate().skip(1) {
            *score = (1..year_share.len())
                .map(|y| year_share[y] * (1.0 - (c as f32 - y as f32).abs() / 10.0).max(0.0))
                .sum();
        }
        for (b, score) in p.band_score.iter_mut().enumerate() {
            let near = |d: isize| {
                let j = b as isize + d;
                if (0..BANDS as isize).contains(&j) {
                    band_share[j as usize]
                } else {
                    0.0
                }
            };
            *score = (near(0) + 0.5 * (near(-1) + near(1))).min(1.0);
        }
        let max_df = (ix.len() as f32 * MAX_DF_SHARE).max(2.0) as usize;
        // Weights are summed per term: a Chinese word's English equivalents may be words the rows
        // also use, and a term must count once in the text score.
        let mut weights: std::collections::HashMap<u32, f32> = Default::default();
        for (t, w) in term_rows {
            if ix.df(t) <= max_df {
                *weights.entry(t).or_default() += w;
            }
            // A Chinese word also looks for the English words the glossary gives for it.
            if let Some(word) = ix.term(t).filter(|w| is_chinese(w)) {
                let expanded = expand_chinese(ix, word);
                let each = w / expanded.len().max(1) as f32;
                for e in expanded.into_iter().filter(|&e| ix.df(e) <= max_df) {
                    *weights.entry(e).or_default() += each;
                }
            }
        }
        let mut terms: Vec<(u32, f32)> = weights.into_iter().collect();
        // A set keeps the words most of its rows share and few others use.
        terms.sort_by(|a, b| {
            (b.1 * ix.idf(b.0))
                .total_cmp(&(a.1 * ix.idf(a.0)))
                .then(a.0.cmp(&b.0))
        });
        terms.truncate(MAX_TERMS);
        p.terms = terms;
        p
    }
}

/// Terms of the English equivalents of the longest glossary entry in a Chinese word.
pub fn expand_chinese(ix: &SimilarIndex, word: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let alternatives = crate::glossary::search_terms(word);
    for alt in alternatives.iter().flatten().filter(|a| !is_chinese(a)) {
        for_each_word(alt, |w| {
            // Glossary terms are stems ("agricultur", "vaccin"): any word they begin counts.
            let found = ix.terms_with_prefix(&w);
            out.extend(found.iter().take(MAX_EXPANSION));
        });
    }
    out.sort_unstable();
    out.dedup();
    out
}
