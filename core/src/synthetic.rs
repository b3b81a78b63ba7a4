//! Seeded synthetic datasets for scale tests and benchmarks (100k and 1M projects), built straight into
//! columns, and a fixed sequence of filter changes shared by the host and browser benchmarks.

use std::collections::BTreeSet;

use crate::columns::*;
use crate::model::{FlowClass, Status};
use crate::reference::ReferenceIndex;
use crate::state::Filters;

/// xorshift64*: small, fast, deterministic across platforms.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Skewed towards small indices, like real recipients and sectors.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u) * n as f64) as usize % n.max(1)
    }
}

/// `n` synthetic projects over the real reference tables (countries, regions, income groups).
/// Distributions are shaped like the AidData data: ~40 % unknown amounts, ~3 % unknown years,
/// a few multi-country projects. Titles are left out (text search is benchmarked separately).
pub fn columns(n: usize, seed: u64, reference: &ReferenceIndex) -> Columns {
    columns_with_providers(n, seed, reference, 4)
}

/// [`columns`] with `providers` providers. Up to 4, rows have China or (one in 20) one of three
/// other countries, as in [`columns`]. Above 4 (issue #15's 500 actors), each row has one provider
/// drawn with a skew (a few large providers, a long tail), and one row in ten a second one (a
/// co-financier); the providers are named `actor-001`, `actor-002`, ….
pub fn columns_with_providers(
    n: usize,
    seed: u64,
    reference: &ReferenceIndex,
    providers: usize,
) -> Columns {
    let mut rng = Rng::new(seed);
    let mut c = Columns::with_reference(reference);
    c.sectors = reference.tables.sectors.iter().map(|s| s.code).collect();
    let sector_sdgs: Vec<u32> = reference
        .tables
        .sectors
        .iter()
        .map(|s| s.sdgs.iter().fold(0, |m, g| m | (1 << g)))
        .collect();
    let recipients: Vec<u16> = (0..c.countries.len())
        .filter(|&i| c.country_region[i] != NO_REGION)
        .map(|i| i as u16)
        .collect();
    c.year0 = 2000;
    c.year_codes = 23;
    let many = providers > 4;
    c.providers = if many {
        (1..=providers).map(|k| format!("actor-{k:03}")).collect()
    } else {
        vec!["CHN".into(), "BRA".into(), "IND".into(), "ZAF".into()]
    };
    c.len = n;
    for _ in 0..n {
        c.year.push(if rng.below(100) < 3 {
            0
        } else {
            1 + rng.below(22) as u16
        });
        let s = rng.skewed(c.sectors.len());
        c.sector.push(s as u16);
        c.sdgs.push(sector_sdgs[s]);
        c.status.push(match rng.below(10) {
            0 => STATUS_UNKNOWN,
            1..=6 => 3,
            7 | 8 => 2,
            _ => 1,
        });
        c.flow.push(if rng.below(3) == 0 {
            rng.below(FlowClass::ALL.len()) as u8
        } else {
            FLOW_UNKNOWN
        });
        if rng.below(100) < 40 {
            c.amount.push(0.0);
            c.amount_class.push(AMOUNT_UNKNOWN);
        } else {
            c.amount.push((10f64.powf(5.0 + 4.0 * rng.unit())).round());
            c.amount_class.push(AMOUNT_HEADLINE);
        }
        let k = if rng.below(50) == 0 { 2 } else { 1 };
        for _ in 0..k {
            c.country_ids.push(recipients[rng.skewed(recipients.len())]);
        }
        c.country_off.push(c.country_ids.len() as u32);
        if many {
            let first = rng.skewed(providers) as u16;
            c.provider_ids.push(first);
            if rng.below(10) == 0 {
                let second = rng.below(providers) as u16;
                if second != first {
                    c.provider_ids.push(second);
                }
            }
        } else {
            c.provider_ids.push(if rng.below(20) == 0 {
                1 + rng.below(3) as u16
            } else {
                0
            });
        }
        c.provider_off.push(c.provider_ids.len() as u32);
    }
    c.finish();
    c
}

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, v: T) {
    if !set.remove(&v) {
        set.insert(v);
    }
}

/// A fixed sequence of `n` filter states, each one click away from the previous: toggling a sector,
/// country, region, status, flow class or SDG (or provider, with many), brushing a year range,
/// clearing a facet.
pub fn filter_sequence(c: &Columns, n: usize, seed: u64) -> Vec<Filters> {
    let mut rng = Rng::new(seed);
    let mut f = Filters::default();
    let mut out = Vec::with_capacity(n);
    let recipients: Vec<&String> = c
        .countries
        .iter()
        .enumerate()
        .filter(|(i, _)| c.country_region[*i] != NO_REGION)
        .map(|(_, s)| s)
        .take(60)
        .collect();
    let regions: Vec<&String> = c.regions.iter().collect();
    // With many providers (issue #15's benchmark), one click in eleven toggles a provider; with
    // the default four the sequence is the one every earlier figure was measured on.
    let providers: Vec<&String> = c.providers.iter().collect();
    let kinds = if providers.len() > 4 { 11 } else { 10 };
    for _ in 0..n {
        match rng.below(kinds) {
            10 => toggle(
                &mut f.providers,
                providers[rng.skewed(providers.len())].clone(),
            ),
            0 | 1 => toggle(&mut f.sectors, c.sectors[rng.skewed(c.sectors.len())]),
            2 => toggle(
                &mut f.countries,
                recipients[rng.skewed(recipients.len())].clone(),
            ),
            3 => toggle(&mut f.regions, regions[rng.below(regions.len())].clone()),
            4 => toggle(&mut f.statuses, Status::ALL[1 + rng.below(3)]),
            5 => toggle(&mut f.flows, FlowClass::ALL[rng.below(3)]),
            6 => toggle(&mut f.sdgs, 1 + rng.below(17) as u8),
            7 => {
                let a = 2000 + rng.below(22) as i32;
                let b = (a + rng.below(8) as i32).min(2021);
                f.from = Some(a);
                f.to = Some(b);
            }
            8 => {
                f.from = None;
                f.to = None;
            }
            _ => match rng.below(kinds - 6) {
                0 => f.sectors.clear(),
                1 => f.countries.clear(),
                2 => f.regions.clear(),
                4 => f.providers.clear(),
                _ => f.statuses.clear(),
            },
        }
        out.push(f.clone());
    }
    out
}

/// The `p` quantile (0–1) of sorted timings, by nearest rank; NaN for none. Shared by the host and
/// browser benchmarks so they report the same statistic.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}
