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
    /// The rows with several recipients, ascending, and their recipients again as a compressed list
    /// of their own (`multi_ids[multi_off[j]..multi_off[j + 1]]` for row `multi_rows[j]`): a pass
    /// over the rows reads these front to back ([`RowCountries`]) instead of jumping into
    /// `country_off` once every fifty rows or so, a cache miss each time.
    pub multi_rows: Vec<u32>,
    pub multi_off: Vec<u32>,
    pub multi_ids: Vec<u16>,
    /// The same as `country1` for providers.
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

/// The recipients of rows visited in ascending order (every row, or some of them): those of a row
/// with several are read from the compact lists (`Columns::multi_rows`), which such a visit reads
/// front to back. Rows visited out of order are still answered, from `country_off`.
pub struct RowCountries<'a> {
    c: &'a Columns,
    /// The first entry of `multi_rows` not below the last row asked for.
    next: std::cell::Cell<usize>,
}

impl<'a> RowCountries<'a> {
    pub fn new(c: &'a Columns) -> RowCountries<'a> {
        RowCountries {
            c,
            next: std::cell::Cell::new(0),
        }
    }

    /// The same for a visit whose rows are all `first` or later: it starts there, not at row 0.
    pub fn from_row(c: &'a Columns, first: usize) -> RowCountries<'a> {
        RowCountries {
            c,
            next: std::cell::Cell::new(c.multi_rows.partition_point(|&r| (r as usize) < first)),
        }
    }

    /// Row `i`'s recipients.
    #[inline(always)]
    pub fn of(&self, i: usize) -> &'a [u16] {
        let c = self.c;
        let mut j = self.next.get();
        while c.multi_rows.get(j).is_some_and(|&r| (r as usize) < i) {
            j += 1;
        }
        self.next.set(j);
        if c.multi_rows.get(j) == Some(&(i as u32)) {
            if let (Some(&a), Some(&b)) = (c.multi_off.get(j), c.multi_off.get(j + 1)) {
                if let Some(ids) = c.multi_ids.get(a as usize..b as usize) {
                    return ids;
                }
            }
        }
        c.row_countries(i)
    }
}

impl Columns {
    #[inline]
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

    #[inline]
    pub fn row_agencies(&self, i: usize) -> &[u32] {
        match (self.agency_off.get(i), self.agency_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self
                .agency_ids
                .get(a as usize..b as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    #[inline]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns of rows with 1, 3, 0, 2, 1 and 2 recipients.
    fn columns() -> Columns {
        let lists: [&[u16]; 6] = [&[4], &[1, 2, 3], &[], &[5, 5], &[7], &[8, 9]];
        let mut c = Columns {
            len: lists.len(),
            countries: (0..10).map(|k| format!("C{k}")).collect(),
            sector: vec![0; lists.len()],
            status: vec![0; lists.len()],
            flow: vec![0; lists.len()],
            ..Columns::default()
        };
        c.country_off.push(0);
        for l in lists {
            c.country_ids.extend_from_slice(l);
            c.country_off.push(c.country_ids.len() as u32);
        }
        c.agency_off.push(0);
        c.finish();
        c
    }

    #[test]
    fn rows_with_several_recipients_are_copied_in_row_order() {
        let c = columns();
        assert_eq!(c.multi_rows, [1, 3, 5]);
        assert_eq!(c.multi_off, [0, 3, 5, 7]);
        assert_eq!(c.multi_ids, [1, 2, 3, 5, 5, 8, 9]);
        assert_eq!(c.country1, [4, MULTI, 10, MULTI, 7, MULTI]);
    }

    #[test]
    fn row_countries_in_order_out_of_order_and_twice_agree_with_the_compressed_list() {
        let c = columns();
        let all: Vec<usize> = (0..c.len).collect();
        for visits in [
            all.clone(),
            vec![1, 1, 3, 3, 5],
            vec![5, 3, 1, 0],
            vec![3, 1, 4, 5, 2, 1],
            vec![0, 2, 4],
        ] {
            let r = RowCountries::new(&c);
            for &i in &visits {
                assert_eq!(r.of(i), c.row_countries(i), "row {i} in {visits:?}");
            }
        }
        // Columns whose lists were changed after `finish` are still read right where the copy
        // disagrees in shape (a row no longer listed as having several is read from the lists).
        let mut changed = columns();
        changed.multi_rows.pop();
        let r = RowCountries::new(&changed);
        for i in all {
            assert_eq!(r.of(i), changed.row_countries(i));
        }
    }
}
