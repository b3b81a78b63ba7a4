//! Scoring candidates against a [`Profile`], and the reasons each chosen record is shown with.

use crate::columns::{Columns, INCOME_CODES, NO_REGION};

use super::index::{Row, SimilarIndex};
use super::profile::{amount_band, AmountBand, Profile};

/// How much each kind of likeness counts (docs/similarity.md explains the choice).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Title words, BM25 normalised to 0..1 against the query's own words.
    pub text: f32,
    pub sector: f32,
    pub sdgs: f32,
    pub region: f32,
    /// Added to `region` when the sub-region matches too.
    pub subregion: f32,
    pub income: f32,
    pub size: f32,
    pub years: f32,
    /// Multiplies the score of a record in one of the query's own countries (prefer elsewhere).
    pub same_country: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            text: 4.0,
            sector: 1.0,
            sdgs: 0.3,
            region: 0.2,
            subregion: 0.2,
            income: 0.2,
            size: 0.2,
            years: 0.2,
            same_country: 0.6,
        }
    }
}

/// BM25's usual parameters.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A value shared by at least this share of a set's rows is a reason ("same sector").
const REASON_SHARE: f32 = 0.3;
/// Shared words shown as a reason, at most.
const MAX_WORDS: usize = 4;

/// Why a record was chosen; the UI phrases each in English or Chinese.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// OECD CRS sector code.
    SameSector(u16),
    /// SDG numbers both have (given only when the sectors differ).
    SharedSdgs(Vec<u8>),
    /// Folded, singular words both titles use, most telling first.
    SharedWords(Vec<String>),
    /// UN M49 code of the shared sub-region.
    SameSubregion(String),
    /// UN M49 code of the shared region (when the sub-region differs).
    SameRegion(String),
    /// World Bank income group code (`L`, `LM`, `UM`, `H`).
    SameIncome(&'static str),
    /// Known amounts within about half a decade of each other.
    SimilarSize,
    /// The candidate's commitment year, within two years of the query's.
    CloseYear(i32),
    /// The candidate is in one of the query's own countries (ISO-3), so it ranks lower.
    SameCountry(String),
}

/// One chosen record.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub row: Row,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

/// The BM25 text score of every row against the profile's words, 0..1.
fn text_scores(ix: &SimilarIndex, p: &Profile) -> Vec<f32> {
    let mut scores = vec![0.0f32; ix.len()];
    let mut norm = 0.0;
    for &(t, w) in &p.terms {
        let idf = ix.idf(t);
        norm += w * idf;
        for &(row, tf) in ix.postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
            let len = ix.row_len.get(row as usize).copied().unwrap_or(1) as f32;
            let tf = tf as f32;
            let part = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / ix.avg_len));
            if let Some(s) = scores.get_mut(row as usize) {
                *s += w * idf * part;
            }
        }
    }
    if norm > 0.0 {
        for s in &mut scores {
            *s = (*s / norm).min(1.0);
        }
    }
    scores
}

/// Scores of one candidate's parts, kept to explain the choice.
struct Parts {
    sector: f32,
    sdgs: f32,
    region: f32,
    subregion: f32,
    income: f32,
    size: f32,
    year: f32,
    same_country: Option<u16>,
}

fn parts(cols: &Columns, p: &Profile, row: usize) -> Parts {
    let sector = cols
        .sector
        .get(row)
        .and_then(|&s| p.sector.get(s as usize))
        .copied()
        .unwrap_or(0.0);
    let bits = cols.sdgs.get(row).copied().unwrap_or(0);
    let (mut shared, mut own) = (0.0, 0.0);
    for g in 1..=17usize {
        if bits & (1 << g) != 0 {
            own += 1.0;
            shared += p.sdgs[g];
        }
    }
    let sdgs = if own > 0.0 {
        shared / f32::max(own, p.sdg_mass)
    } else {
        0.0
    };
    let (mut region, mut subregion, mut income, mut same_country) = (0.0f32, 0.0f32, 0.0f32, None);
    for &k in cols.row_countries(row) {
        let at = |v: &[f32], code: Option<&u8>| {
            code.filter(|&&c| c != NO_REGION)
                .and_then(|&c| v.get(c as usize))
                .copied()
                .unwrap_or(0.0)
        };
        let r = at(&p.region, cols.country_region.get(k as usize));
        let s = at(&p.subregion, cols.country_subregion.get(k as usize));
        if r + s > region + subregion {
            (region, subregion) = (r, s);
        }
        income = income.max(at(&p.income, cols.country_income.get(k as usize)));
        if p.country.get(k as usize).copied().unwrap_or(false) {
            same_country = same_country.or(Some(k));
        }
    }
    let size = match amount_band(cols, row as Row) {
        AmountBand::Known(b) => p.band_score.get(b as usize).copied().unwrap_or(0.0),
        AmountBand::Unknown | AmountBand::OtherCurrency => 0.0,
    };
    let year = cols
        .year
        .get(row)
        .and_then(|&y| p.year_score.get(y as usize))
        .copied()
        .unwrap_or(0.0);
    Parts {
        sector,
        sdgs,
        region,
        subregion,
        income,
        size,
        year,
        same_country,
    }
}

impl Parts {
    fn score(&self, w: &Weights, text: f32) -> f32 {
        let s = w.text * text
            + w.sector * self.sector
            + w.sdgs * self.sdgs
            + w.region * self.region
            + w.subregion * self.subregion
            + w.income * self.income
            + w.size * self.size
            + w.years * self.year;
        if self.same_country.is_some() {
            s * w.same_country
        } else {
            s
        }
    }
}

/// The `k` best rows for a profile, skipping rows `skip` rejects. A row needs some likeness in its
/// words, sector or SDGs: place, size and time alone choose nothing. Words weigh most, so records
/// sharing only the sector fill the list after every record that shares words.
pub fn rank(
    ix: &SimilarIndex,
    cols: &Columns,
    p: &Profile,
    w: &Weights,
    k: usize,
    skip: impl Fn(Row) -> bool,
) -> Vec<Match> {
    let text = text_scores(ix, p);
    let n = cols.len.min(ix.len());
    let mut scored: Vec<(f32, Row)> = Vec::new();
    for (row, &t) in text.iter().enumerate().take(n) {
        if skip(row as Row) {
            continue;
        }
        let parts = parts(cols, p, row);
        if t <= 0.0 && parts.sector <= 0.0 && parts.sdgs <= 0.0 {
            continue;
        }
        scored.push((parts.score(w, t), row as Row));
    }
    let order = |a: &(f32, Row), b: &(f32, Row)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if scored.len() > k && k > 0 {
        scored.select_nth_unstable_by(k - 1, order);
    }
    scored.truncate(k);
    scored.sort_by(order);
    scored
        .into_iter()
        .map(|(score, row)| Match {
            row,
            score,
            reasons: reasons(ix, cols, p, row),
        })
        .collect()
}

/// The reasons a row matches a profile, in the order the UI lists them.
pub fn reasons(ix: &SimilarIndex, cols: &Columns, p: &Profile, row: Row) -> Vec<Reason> {
    let i = row as usize;
    let pt = parts(cols, p, i);
    let mut out = Vec::new();
    let sector = cols
        .sector
        .get(i)
        .and_then(|&s| cols.sectors.get(s as usize));
    if let Some(&code) = sector.filter(|_| pt.sector >= REASON_SHARE) {
        out.push(Reason::SameSector(code));
    } else {
        let bits = cols.sdgs.get(i).copied().unwrap_or(0);
        let shared: Vec<u8> = (1..=17u8)
            .filter(|&g| bits & (1 << g) != 0 && p.sdgs[g as usize] >= REASON_SHARE)
            .collect();
        if !shared.is_empty() {
            out.push(Reason::SharedSdgs(shared));
        }
    }
    // Words in more than a tenth of the rows ("grant", "loan") explain nothing.
    let common = (ix.len() / 10).max(5);
    let mut words: Vec<(f32, &str)> = ix
        .row_terms(row)
        .iter()
        .filter(|(t, _)| ix.df(*t) <= common)
        .filter_map(|&(t, _)| {
            let w = p.terms.iter().find(|q| q.0 == t)?.1;
            Some((w * ix.idf(t), ix.term(t)?))
        })
        .collect();
    words.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    if !words.is_empty() {
        out.push(Reason::SharedWords(
            words
                .iter()
                .take(MAX_WORDS)
                .map(|w| w.1.to_string())
                .collect(),
        ));
    }
    let code = |v: Option<&u8>| v.and_then(|&c| cols.regions.get(c as usize)).cloned();
    let best = cols.row_countries(i).iter().copied().max_by(|&a, &b| {
        let geo = |k: u16| {
            let at = |v: &[f32], c: Option<&u8>| c.and_then(|&c| v.get(c as usize)).copied();
            at(&p.region, cols.country_region.get(k as usize)).unwrap_or(0.0)
                + at(&p.subregion, cols.country_subregion.get(k as usize)).unwrap_or(0.0)
        };
        geo(a).total_cmp(&geo(b))
    });
    if let Some(k) = best.map(|k| k as usize) {
        if pt.subregion >= REASON_SHARE {
            out.extend(code(cols.country_subregion.get(k)).map(Reason::SameSubregion));
        } else if pt.region >= REASON_SHARE {
            out.extend(code(cols.country_region.get(k)).map(Reason::SameRegion));
        }
    }
    if pt.income >= REASON_SHARE {
        let group = cols.row_countries(i).iter().find_map(|&k| {
            let g = *cols.country_income.get(k as usize)? as usize;
            (p.income.get(g).copied().unwrap_or(0.0) >= REASON_SHARE)
                .then_some(INCOME_CODES.get(g)?)
        });
        out.extend(group.map(|g| Reason::SameIncome(g)));
    }
    if pt.size >= 0.5 {
        out.push(Reason::SimilarSize);
    }
    if pt.year >= 0.8 {
        let year = cols
            .year
            .get(i)
            .and_then(|&y| cols.year_of_code(y as usize));
        out.extend(year.map(Reason::CloseYear));
    }
    if let Some(k) = pt.same_country {
        out.extend(
            cols.countries
                .get(k as usize)
                .cloned()
                .map(Reason::SameCountry),
        );
    }
    out
}
