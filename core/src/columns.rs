//! The dataset as dense integer columns, built once after loading, so that a filter change touches a
//! few narrow arrays and no strings.

use std::collections::{HashMap, HashSet};

use crate::model::{Dataset, FlowClass, Income, Status};
use crate::reference::ReferenceIndex;
use crate::text::fold;

/// `amount_class` values.
pub const AMOUNT_UNKNOWN: u8 = 0;
/// Known, in the headline currency and price base: added to totals.
pub const AMOUNT_HEADLINE: u8 = 1;
/// Known, but in another currency or price base: never added to the headline's totals.
pub const AMOUNT_OTHER: u8 = 2;

/// Most sectors a dataset can have: every three-digit CRS code (100–999, all the validator lets
/// through). A row's sector is a `u16` index, and the index after the last sector means "unknown", so
/// every distinct sector of a file keeps its own code (none is merged into "unknown").
pub const MAX_SECTORS: usize = 900;

/// Status and flow codes, with unknown (the combined code in [`Columns::combo`] uses these).
pub const N_STATUS: usize = Status::ALL.len() + 1;
pub const N_FLOW: usize = FlowClass::ALL.len() + 1;

// The combined sector × status × flow code of every row fits the `u16` of [`Columns::combo`].
const _: () = assert!((MAX_SECTORS + 1) * N_STATUS * N_FLOW <= u16::MAX as usize);
/// `country1` / `provider1` value for a row with several countries (read the compressed list).
pub const MULTI: u16 = u16::MAX;
pub const STATUS_UNKNOWN: u8 = Status::ALL.len() as u8;
pub const FLOW_UNKNOWN: u8 = FlowClass::ALL.len() as u8;
/// The income groups' codes, in the order of [`Income::ALL`] (a country's `country_income` indexes both).
pub const INCOME_CODES: [&str; Income::ALL.len()] = {
    let mut out = [""; Income::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = Income::ALL[i].code();
        i += 1;
    }
    out
};
pub const INCOME_UNKNOWN: u8 = INCOME_CODES.len() as u8;
pub const NO_REGION: u8 = u8::MAX;

#[derive(Clone, Debug, Default)]
pub struct Columns {
    pub len: usize,
    // Dictionaries: a row stores the index.
    /// ISO-3 codes: the reference table's countries, then any others met (should be none).
    pub countries: Vec<String>,
    pub country_region: Vec<u8>,
    pub country_subregion: Vec<u8>,
    pub country_income: Vec<u8>,
    /// UN M49 codes of regions and sub-regions.
    pub regions: Vec<String>,
    /// OECD CRS codes of the sectors that occur, ascending.
    pub sectors: Vec<u16>,
    pub providers: Vec<String>,
    /// Agencies (funding, receiving, implementing) by their normalised key
    /// ([`crate::agency::agency_key`]), in the order first met.
    pub agencies: Vec<String>,
    /// The first spelling met of each agency, for display.
    pub agency_names: Vec<String>,
    /// The ids of the datasets loaded together ([`Dataset::parts`]); empty for one dataset.
    pub datasets: Vec<String>,
    /// Commitment year of `year` code 1; code 0 is unknown.
    pub year0: i32,
    /// Number of year codes, including 0 for unknown.
    pub year_codes: usize,
    // One entry per project.
    pub year: Vec<u16>,
    /// Index into `sectors`; `sectors.len()` is unknown. A `u16`: a file may hold up to
    /// [`MAX_SECTORS`] distinct sectors, more than a `u8` codes.
    pub sector: Vec<u16>,
    pub status: Vec<u8>,
    pub flow: Vec<u8>,
    /// Bit g set for SDG g (1–17).
    pub sdgs: Vec<u32>,
    /// Value in the headline group, else 0.
    pub amount: Vec<f64>,
    pub amount_class: Vec<u8>,
    /// Recipients as a compressed list: row i's are `country_ids[country_off[i]..country_off[i+1]]`.
    pub country_off: Vec<u32>,
    pub country_ids: Vec<u16>,
    pub provider_off: Vec<u32>,
    pub provider_ids: Vec<u16>,
    /// A row's distinct agencies, whatever their role: `agency_ids[agency_off[i]..agency_off[i+1]]`
    /// (indices into `agencies`; a `u32`: a file may name more agencies than a `u16` codes).
    pub agency_off: Vec<u32>,
    pub agency_ids: Vec<u32>,
    /// The row's only recipient; `countries.len()` when it has none, [`MULTI`] when it has several.
    pub country1: Vec<u16>,
    /// The same for providers.
    pub provider1: Vec<u16>,
    /// Per row, the dataset it comes from (an index into `datasets`; `datasets.len()` when there is
    /// only one dataset).
    pub dataset: Vec<u8>,
    /// `(sector × N_STATUS + status) × N_FLOW + flow`: three columns the crossfilter reads together.
    pub combo: Vec<u16>,
    /// Folded title and description, for search.
    pub text: Vec<String>,
    /// (Chinese name, folded English name) of countries and sectors, for Chinese queries.
    pub name_pairs: Vec<(String, String)>,
    /// English and Chinese names by code, for sentences made from the columns alone (story narration).
    pub names: Names,
}

/// A name in English and Chinese, as the reference tables give it (`zh` may be empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Name {
    pub en: String,
    pub zh: String,
}

/// Names of countries, regions and sectors by code, from the reference tables. A code the tables do
/// not know has no entry (callers show the code).
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub countries: HashMap<String, Name>,
    pub regions: HashMap<String, Name>,
    /// M49 codes of the top-level regions (those without a parent), e.g. "002" Africa.
    pub top_regions: HashSet<String>,
    pub sectors: HashMap<u16, Name>,
    /// The titles of [`Columns::datasets`], in their order.
    pub datasets: Vec<Name>,
}

impl Columns {
    pub fn row_countries(&self, i: usize) -> &[u16] {
        &self.country_ids[self.country_off[i] as usize..self.country_off[i + 1] as usize]
    }

    /// The title of dataset `id` of a union in `lang`; `None` when no loaded dataset has that id.
    pub fn dataset_name(&self, id: &str, lang: crate::i18n::Lang) -> Option<&str> {
        let k = self.datasets.iter().position(|x| x == id)?;
        self.names.datasets.get(k).map(|n| match lang {
            crate::i18n::Lang::En => n.en.as_str(),
            crate::i18n::Lang::Zh => n.zh.as_str(),
        })
    }

    pub fn row_agencies(&self, i: usize) -> &[u32] {
        match (self.agency_off.get(i), self.agency_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self
                .agency_ids
                .get(a as usize..b as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    pub fn row_providers(&self, i: usize) -> &[u16] {
        &self.provider_ids[self.provider_off[i] as usize..self.provider_off[i + 1] as usize]
    }

    pub fn year_of_code(&self, code: usize) -> Option<i32> {
        (code > 0).then(|| self.year0 + code as i32 - 1)
    }

    pub fn country_index(&self, iso3: &str) -> Option<usize> {
        self.countries.iter().position(|c| c == iso3)
    }

    pub fn sector_index(&self, code: u16) -> Option<usize> {
        self.sectors.iter().position(|&c| c == code)
    }

    /// Dictionaries from the reference tables, shared by real and synthetic data.
    pub fn with_reference(reference: &ReferenceIndex) -> Columns {
        let mut c = Columns::default();
        let t = &reference.tables;
        c.regions = t.regions.iter().map(|r| r.code.clone()).collect();
        let region_idx = |code: &Option<String>| {
            code.as_ref()
                .and_then(|code| t.regions.iter().position(|r| &r.code == code))
                .map_or(NO_REGION, |i| i as u8)
        };
        for country in &t.countries {
            c.countries.push(country.iso3.clone());
            c.country_region.push(region_idx(&country.region));
            c.country_subregion.push(region_idx(&country.subregion));
            c.country_income.push(
                country
                    .income
                    .as_deref()
                    .and_then(|g| INCOME_CODES.iter().position(|x| *x == g))
                    .map_or(INCOME_UNKNOWN, |i| i as u8),
            );
        }
        c.country_off.push(0);
        c.provider_off.push(0);
        c.agency_off.push(0);
        c.name_pairs = t
            .countries
            .iter()
            .map(|x| (x.name_zh.clone(), fold(&x.name_en)))
            .chain(
                t.sectors
                    .iter()
                    .map(|x| (x.name_zh.clone(), fold(&x.name_en))),
            )
            .collect();
        let name = |en: &str, zh: &str| Name {
            en: en.to_string(),
            zh: zh.to_string(),
        };
        c.names = Names {
            countries: t
                .countries
                .iter()
                .map(|x| (x.iso3.clone(), name(&x.name_en, &x.name_zh)))
                .collect(),
            regions: t
                .regions
                .iter()
                .map(|x| (x.code.clone(), name(&x.name_en, &x.name_zh)))
                .collect(),
            top_regions: t
                .regions
                .iter()
                .filter(|x| x.parent.is_none())
                .map(|x| x.code.clone())
                .collect(),
            sectors: t
                .sectors
                .iter()
                .map(|x| (x.code, name(&x.name_en, &x.name_zh)))
                .collect(),
            datasets: Vec::new(),
        };
        c
    }

    /// Builds the columns of a validated dataset. `price_base` picks the headline amount group.
    pub fn build(
        d: &Dataset,
        reference: &ReferenceIndex,
        currency: &str,
        price_base: &str,
    ) -> Columns {
        ColumnsBuilder::new(d, reference, currency, price_base).finish()
    }

    /// Derives the single-value shortcuts from the compressed lists.
    pub fn finish(&mut self) {
        let single = |off: &[u32], ids: &[u16], none: u16| -> Vec<u16> {
            off.windows(2)
                .map(|w| match w[1] - w[0] {
                    0 => none,
                    1 => ids[w[0] as usize],
                    _ => MULTI,
                })
                .collect()
        };
        self.country1 = single(
            &self.country_off,
            &self.country_ids,
            self.countries.len() as u16,
        );
        self.provider1 = single(
            &self.provider_off,
            &self.provider_ids,
            self.providers.len() as u16,
        );
        // Rows pushed without a dataset code (synthetic or hand-built columns) come from "none".
        let none = self.datasets.len().min(u8::MAX as usize) as u8;
        self.dataset.resize(self.len, none);
        // Rows pushed without agencies (synthetic columns) have none.
        let last = self.agency_off.last().copied().unwrap_or(0);
        if self.agency_off.is_empty() {
            self.agency_off.push(0);
        }
        self.agency_off.resize(self.len + 1, last);
        self.combo = (0..self.len)
            .map(|i| {
                ((self.sector[i] as usize * N_STATUS + self.status[i] as usize) * N_FLOW
                    + self.flow[i] as usize) as u16
            })
            .collect();
    }
}

/// Builds [`Columns`] a batch of rows at a time, so that a browser can paint between batches of a
/// large dataset. [`Columns::build`] is this run to the end.
pub struct ColumnsBuilder<'a> {
    d: &'a Dataset,
    reference: &'a ReferenceIndex,
    currency: &'a str,
    price_base: &'a str,
    c: Columns,
    country_idx: HashMap<String, u16>,
    provider_idx: HashMap<String, u16>,
    agency_idx: HashMap<String, u32>,
    /// The next row to add.
    next: usize,
}

impl<'a> ColumnsBuilder<'a> {
    /// The dictionaries (from the reference tables and one pass over the dataset), and no rows yet.
    pub fn new(
        d: &'a Dataset,
        reference: &'a ReferenceIndex,
        currency: &'a str,
        price_base: &'a str,
    ) -> ColumnsBuilder<'a> {
        let mut c = Columns::with_reference(reference);
        let country_idx: HashMap<String, u16> = c
            .countries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u16))
            .collect();
        let mut sectors: Vec<u16> = d
            .projects
            .iter()
            .filter_map(|p| p.sector.as_ref().map(|s| s.code))
            .collect();
        sectors.sort_unstable();
        sectors.dedup();
        // Every sector keeps its own code (the validator admits at most MAX_SECTORS codes).
        c.sectors = sectors;
        let years: Vec<i32> = d
            .projects
            .iter()
            .filter_map(|p| p.years.commitment)
            .collect();
        c.year0 = years.iter().copied().min().unwrap_or(2000);
        let max = years.iter().copied().max().unwrap_or(c.year0);
        c.year_codes = (max - c.year0 + 2) as usize;

        let n = d.projects.len();
        c.len = n;
        c.year.reserve_exact(n);
        c.sector.reserve_exact(n);
        c.status.reserve_exact(n);
        c.flow.reserve_exact(n);
        c.sdgs.reserve_exact(n);
        c.amount.reserve_exact(n);
        c.amount_class.reserve_exact(n);
        c.country_off.reserve_exact(n);
        c.provider_off.reserve_exact(n);
        c.text.reserve_exact(n);
        c.dataset.reserve_exact(n);
        // At most MAX_DATASETS parts (the URL's limit, far below u8): a part past u8 counts as none.
        c.datasets = d.parts.iter().map(|p| p.id.clone()).collect();
        c.names.datasets = d
            .parts
            .iter()
            .map(|p| Name {
                en: p.title.clone(),
                zh: p.title_zh.clone().unwrap_or_else(|| p.title.clone()),
            })
            .collect();
        ColumnsBuilder {
            d,
            reference,
            currency,
            price_base,
            c,
            country_idx,
            provider_idx: HashMap::new(),
            agency_idx: HashMap::new(),
            next: 0,
        }
    }

    /// Rows added so far.
    pub fn rows_done(&self) -> usize {
        self.next
    }

    /// Adds up to `rows` more rows (at least one); returns `true` once every row is in.
    pub fn step(&mut self, rows: usize) -> bool {
        let projects = &self.d.projects;
        let end = self.next.saturating_add(rows.max(1)).min(projects.len());
        let (reference, currency, price_base) = (self.reference, self.currency, self.price_base);
        let (c, country_idx, provider_idx, agency_idx) = (
            &mut self.c,
            &mut self.country_idx,
            &mut self.provider_idx,
            &mut self.agency_idx,
        );
        let (d, first) = (self.d, self.next);
        for (j, p) in projects
            .get(self.next..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let none = c.datasets.len();
            let part = d
                .part_of(first + j)
                .filter(|&k| k < none && k < u8::MAX as usize);
            c.dataset
                .push(part.unwrap_or(none.min(u8::MAX as usize)) as u8);
            c.year
                .push(p.years.commitment.map_or(0, |y| (y - c.year0 + 1) as u16));
            c.sector.push(
                p.sector
                    .as_ref()
                    .and_then(|s| c.sectors.binary_search(&s.code).ok())
                    .unwrap_or(c.sectors.len()) as u16,
            );
            c.status.push(
                p.status
                    .and_then(|s| Status::ALL.iter().position(|x| *x == s))
                    .map_or(STATUS_UNKNOWN, |i| i as u8),
            );
            c.flow.push(
                p.flow_class
                    .and_then(|f| FlowClass::ALL.iter().position(|x| *x == f))
                    .map_or(FLOW_UNKNOWN, |i| i as u8),
            );
            c.sdgs
                .push(p.sdgs.iter().fold(0u32, |bits, g| bits | (1 << g)));
            match &p.amount {
                Some(a) if a.currency == currency && a.price_base == price_base => {
                    c.amount.push(a.value);
                    c.amount_class.push(AMOUNT_HEADLINE);
                }
                Some(_) => {
                    c.amount.push(0.0);
                    c.amount_class.push(AMOUNT_OTHER);
                }
                None => {
                    c.amount.push(0.0);
                    c.amount_class.push(AMOUNT_UNKNOWN);
                }
            }
            for iso in &p.recipients {
                let next = country_idx.len() as u16;
                let id = *country_idx.entry(iso.clone()).or_insert(next);
                if id as usize == c.countries.len() {
                    c.countries.push(iso.clone());
                    c.country_region.push(NO_REGION);
                    c.country_subregion.push(NO_REGION);
                    c.country_income.push(INCOME_UNKNOWN);
                }
                c.country_ids.push(id);
            }
            c.country_off.push(c.country_ids.len() as u32);
            for iso in &p.providers {
                let next = provider_idx.len() as u16;
                let id = *provider_idx.entry(iso.clone()).or_insert(next);
                if id as usize == c.providers.len() {
                    c.providers.push(iso.clone());
                }
                c.provider_ids.push(id);
            }
            c.provider_off.push(c.provider_ids.len() as u32);
            let first = c.agency_ids.len();
            let a = &p.agencies;
            for raw in a.funding.iter().chain(&a.receiving).chain(&a.implementing) {
                let key = crate::agency::agency_key(raw);
                if key.is_empty() {
                    continue;
                }
                let next = agency_idx.len() as u32;
                let id = *agency_idx.entry(key.clone()).or_insert(next);
                if id as usize == c.agencies.len() {
                    c.agencies.push(key);
                    c.agency_names.push(raw.trim().to_string());
                }
                if !c.agency_ids[first..].contains(&id) {
                    c.agency_ids.push(id);
                }
            }
            c.agency_off.push(c.agency_ids.len() as u32);
            // Titles plus the recipients' and sector's names in English and Chinese, so that a search
            // for 安哥拉 or "Angola" or 卫生 finds the project (crate::glossary).
            let mut text = fold(&p.title);
            for extra in [&p.title_zh, &p.description, &p.regional]
                .into_iter()
                .flatten()
            {
                text.push('\n');
                text.push_str(&fold(extra));
            }
            for iso in &p.recipients {
                if let Some(country) = reference.country(iso) {
                    text.push('\n');
                    text.push_str(&fold(&country.name_en));
                    text.push(' ');
                    text.push_str(&country.name_zh);
                }
            }
            if let Some(info) = p.sector.as_ref().and_then(|s| reference.sector(s.code)) {
                text.push('\n');
                text.push_str(&fold(&info.name_en));
                text.push(' ');
                text.push_str(&info.name_zh);
            }
            c.text.push(text);
        }
        self.next = end;
        end == projects.len()
    }

    /// Adds whatever rows are left and derives the shortcuts: the columns.
    pub fn finish(mut self) -> Columns {
        while !self.step(usize::MAX) {}
        self.c.finish();
        self.c
    }
}
