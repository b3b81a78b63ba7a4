//! The dataset as dense integer columns, built once after loading, so that a filter change touches a
//! few narrow arrays and no strings.
//!
//! - `mod.rs`: [`Columns`], the codes its columns use, and what a row holds;
//! - `dictionaries.rs`: the names of countries, regions, sectors and datasets by code, from the
//!   reference tables ([`Name`], [`Names`], `Columns::with_reference`);
//! - `builder.rs`: the columns of a validated dataset, built a batch of rows at a time
//!   ([`ColumnsBuilder`], `Columns::build`, `Columns::finish`).

mod builder;
mod dictionaries;

pub use builder::ColumnsBuilder;
pub use dictionaries::{Name, Names};

use crate::model::{FlowClass, Income, Status};

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
    /// The ids of the datasets loaded together ([`crate::model::Dataset::parts`]); empty for one
    /// dataset.
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
}
