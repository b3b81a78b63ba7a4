//! Building [`Columns`] from a validated dataset: the dictionaries of what occurs (sectors, years,
//! providers, agencies), then the rows a batch at a time, then the single-value shortcuts.

use foldhash::{HashMap, HashMapExt};

use super::{
    Columns, Name, AMOUNT_HEADLINE, AMOUNT_OTHER, AMOUNT_UNKNOWN, FLOW_UNKNOWN, INCOME_UNKNOWN,
    MULTI, NO_REGION, N_FLOW, N_STATUS, STATUS_UNKNOWN,
};
use crate::model::{Dataset, FlowClass, Status};
use crate::reference::ReferenceIndex;
use crate::text::fold;

impl Columns {
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
        self.multi_rows.clear();
        self.multi_off.clear();
        self.multi_ids.clear();
        self.multi_off.push(0);
        for (i, w) in self.country_off.windows(2).enumerate() {
            if w[1] - w[0] > 1 {
                self.multi_rows.push(i as u32);
                self.multi_ids
                    .extend_from_slice(&self.country_ids[w[0] as usize..w[1] as usize]);
                self.multi_off.push(self.multi_ids.len() as u32);
            }
        }
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
    /// Each agency spelling met so far and its code (`None`: a spelling with an empty key). The
    /// same few hundred spellings recur over thousands of records, and a key takes a fold, a split
    /// and a join.
    spellings: HashMap<&'a str, Option<u32>>,
    /// The searchable names of each recipient code and of each sector code (empty when the
    /// reference tables do not know it), folded once rather than once a record.
    country_text: HashMap<&'a str, String>,
    sector_text: HashMap<u16, String>,
    /// The next row to add.
    next: usize,
}

/// The code of `key` in `codes`, or `next` of their number for a new key: without copying a key that
/// is already there.
fn code<T: Copy>(codes: &mut HashMap<String, T>, key: &str, next: impl FnOnce(usize) -> T) -> T {
    if let Some(&id) = codes.get(key) {
        return id;
    }
    let id = next(codes.len());
    codes.insert(key.to_string(), id);
    id
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
            spellings: HashMap::new(),
            country_text: HashMap::new(),
            sector_text: HashMap::new(),
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
        let (spellings, country_text, sector_text) = (
            &mut self.spellings,
            &mut self.country_text,
            &mut self.sector_text,
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
                let id = code(country_idx, iso, |n| n as u16);
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
                let id = code(provider_idx, iso, |n| n as u16);
                if id as usize == c.providers.len() {
                    c.providers.push(iso.clone());
                }
                c.provider_ids.push(id);
            }
            c.provider_off.push(c.provider_ids.len() as u32);
            let first = c.agency_ids.len();
            let a = &p.agencies;
            for raw in a.funding.iter().chain(&a.receiving).chain(&a.implementing) {
                let id = *spellings.entry(raw.as_str()).or_insert_with(|| {
                    let key = crate::agency::agency_key(raw);
                    if key.is_empty() {
                        return None;
                    }
                    let id = code(agency_idx, &key, |n| n as u32);
                    if id as usize == c.agencies.len() {
                        c.agencies.push(key);
                        c.agency_names.push(raw.trim().to_string());
                    }
                    Some(id)
                });
                let Some(id) = id else {
                    continue;
                };
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
            let names = |en: &str, zh: &str| format!("\n{} {zh}", fold(en));
            for iso in &p.recipients {
                text.push_str(country_text.entry(iso.as_str()).or_insert_with(|| {
                    reference
                        .country(iso)
                        .map(|country| names(&country.name_en, &country.name_zh))
                        .unwrap_or_default()
                }));
            }
            if let Some(s) = &p.sector {
                text.push_str(sector_text.entry(s.code).or_insert_with(|| {
                    reference
                        .sector(s.code)
                        .map(|info| names(&info.name_en, &info.name_zh))
                        .unwrap_or_default()
                }));
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
