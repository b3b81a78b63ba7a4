//! The mapping: which Bridges field each column fills, and the conventions its values are written in.
//! It is plain JSON with a version, so a partner can save it and load it for next year's sheet.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::convert::{DateOrder, DecimalMark};
use crate::countries::{Countries, CountryForm};
use crate::field::{self, Field};
use crate::read::Sheet;

/// The version [`Mapping::to_json`] writes and [`Mapping::from_json`] reads.
pub const MAPPING_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub version: u32,
    /// One entry per column, matched to the sheet by header text (so a reordered sheet still maps).
    pub columns: Vec<ColumnMapping>,
    pub conventions: Conventions,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub header: String,
    /// `None`: the column is not read.
    pub field: Option<Field>,
}

/// Units and writing conventions: explicit settings, never guessed while importing. The proposal
/// fills them from headers and samples; [`Proposal::defaulted`] lists those it could not tell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conventions {
    pub decimal: DecimalMark,
    pub dates: DateOrder,
    pub recipients: CountryForm,
    pub providers: CountryForm,
    /// ISO 4217 code of amounts, unless a currency column says otherwise for a row.
    pub currency: String,
    /// e.g. `constant 2021` or `current`, unless a price-base column says otherwise for a row.
    pub price_base: String,
    /// Amounts are multiplied by this: 1e6 for "Amount (USD millions)", 1e4 for "金额（万美元）".
    pub scale: f64,
}

/// A convention the proposal could not read from the sheet and set to a default: the user should
/// confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    Currency,
    PriceBase,
}

#[derive(Debug, Error, PartialEq)]
pub enum MappingError {
    #[error("the mapping is not valid JSON for a mapping: {0}")]
    Json(String),
    #[error(
        "mapping version {found} is not supported (this Bridges reads version {MAPPING_VERSION})"
    )]
    Version { found: u32 },
    #[error("the sheet has no column \"{header}\", which the mapping reads")]
    MissingColumn { header: String },
}

impl Mapping {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Mapping, MappingError> {
        let m: Mapping =
            serde_json::from_str(text).map_err(|e| MappingError::Json(e.to_string()))?;
        if m.version != MAPPING_VERSION {
            return Err(MappingError::Version { found: m.version });
        }
        Ok(m)
    }

    pub fn field_of(&self, header: &str) -> Option<Field> {
        self.columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.field)
    }

    /// Sets the field of the column named `header` (a manual change in the UI).
    pub fn set(&mut self, header: &str, field: Option<Field>) {
        if let Some(c) = self.columns.iter_mut().find(|c| c.header == header) {
            c.field = field;
        }
    }
}

/// What the proposal shows per column: the field, five sample values and what Bridges reads in them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnProposal {
    pub header: String,
    pub field: Option<Field>,
    pub samples: Vec<Sample>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sample {
    pub row: usize,
    pub value: String,
    /// What the field reads from it, e.g. "AGO", "15087226.6 USD constant 2021", "not read: not a year".
    pub reads: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    pub mapping: Mapping,
    pub columns: Vec<ColumnProposal>,
    pub defaulted: Vec<Convention>,
    /// No column is the id: each project's id will be its row number.
    pub ids_from_row_numbers: bool,
}

const SAMPLES: usize = 5;

/// Distinct non-empty values of column `i`, up to `n`, with their row numbers. A column with fewer
/// than `n` distinct values (a status, a year) is read to its end, so each value is compared with the
/// at most `n` kept ones rather than hashed: in wasm, hashing every cell of a 50,000-row sheet made the
/// proposal a long task.
pub(crate) fn samples(sheet: &Sheet, i: usize, n: usize) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for r in &sheet.rows {
        let v = r.cell(i).trim();
        if !v.is_empty() && !out.iter().any(|(_, s)| *s == v) {
            out.push((r.number, v));
            if out.len() == n {
                break;
            }
        }
    }
    out
}

/// Proposes a mapping from the headers and the first values of each column.
pub fn propose(
    sheet: &Sheet,
    countries: &Countries,
    reference: &bridges_core::ReferenceIndex,
) -> Proposal {
    let mut fields: Vec<Option<Field>> = sheet
        .headers
        .iter()
        .map(|h| field::from_header(h))
        .collect();
    // Country columns: the form is the one most samples read in; of several recipient columns (names
    // and codes side by side) the best-reading one is kept.
    let best_form = |i: usize| {
        let s: Vec<&str> = samples(sheet, i, 20).into_iter().map(|(_, v)| v).collect();
        [CountryForm::Iso3, CountryForm::Iso2, CountryForm::Names]
            .into_iter()
            // On a tie, codes beat names: they need no spelling to agree.
            .map(|f| {
                (
                    countries.score(&s, f) + if f == CountryForm::Iso3 { 1e-3 } else { 0.0 },
                    f,
                )
            })
            .fold(
                (-1.0, CountryForm::Names),
                |a, b| if b.0 > a.0 { b } else { a },
            )
    };
    let mut forms = (CountryForm::Names, CountryForm::Names);
    for (target, slot) in [(Field::Recipients, 0), (Field::Providers, 1)] {
        let candidates: Vec<usize> = (0..fields.len())
            .filter(|&i| fields[i] == Some(target))
            .collect();
        let best = candidates.iter().map(|&i| (best_form(i), i)).fold(
            None,
            |a: Option<((f64, CountryForm), usize)>, b| match a {
                Some(a) if a.0 .0 >= b.0 .0 => Some(a),
                _ => Some(b),
            },
        );
        if let Some(((_, form), keep)) = best {
            // A second recipient column (names beside codes, as in GCDF 3.0) still carries the
            // labels of regional projects ("Africa, regional") where the codes are blank.
            let regional_free = !fields.contains(&Some(Field::Regional));
            for (n, i) in candidates.into_iter().filter(|&i| i != keep).enumerate() {
                fields[i] = (slot == 0 && n == 0 && regional_free).then_some(Field::Regional);
            }
            if slot == 0 {
                forms.0 = form
            } else {
                forms.1 = form
            }
        }
    }
    // Every other field is filled by its first column only.
    let mut taken = HashSet::new();
    for f in fields.iter_mut() {
        if let Some(x) = *f {
            if !taken.insert(x) {
                *f = None;
            }
        }
    }
    // With a sector code column, a sector name column is only a label.
    if taken.contains(&Field::SectorCode) {
        for f in fields.iter_mut().filter(|f| **f == Some(Field::SectorName)) {
            *f = None;
        }
    }
    // A sheet with only a Chinese title: that is the title.
    if !taken.contains(&Field::Title) {
        for f in fields.iter_mut().filter(|f| **f == Some(Field::TitleZh)) {
            *f = Some(Field::Title);
        }
    }
    let conventions = conventions(sheet, &fields, forms);
    let mut defaulted = Vec::new();
    let amount_header = fields
        .iter()
        .position(|f| *f == Some(Field::Amount))
        .map(|i| field::amount_header(&sheet.headers[i]));
    if !taken.contains(&Field::Currency)
        && amount_header.as_ref().and_then(|a| a.currency).is_none()
    {
        defaulted.push(Convention::Currency);
    }
    if !taken.contains(&Field::PriceBase)
        && amount_header
            .as_ref()
            .and_then(|a| a.price_base.clone())
            .is_none()
    {
        defaulted.push(Convention::PriceBase);
    }
    let mapping = Mapping {
        version: MAPPING_VERSION,
        columns: sheet
            .headers
            .iter()
            .zip(&fields)
            .map(|(h, f)| ColumnMapping {
                header: h.clone(),
                field: *f,
            })
            .collect(),
        conventions,
    };
    let columns = sheet
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| ColumnProposal {
            header: h.clone(),
            field: fields[i],
            samples: samples(sheet, i, SAMPLES)
                .into_iter()
                .map(|(row, v)| Sample {
                    row,
                    value: crate::error::quote(v),
                    reads: fields[i]
                        .map(|f| {
                            crate::fill::reading(f, v, &mapping.conventions, countries, reference)
                        })
                        .unwrap_or_else(|| "not read".into()),
                })
                .collect(),
        })
        .collect();
    Proposal {
        ids_from_row_numbers: !taken.contains(&Field::Id),
        mapping,
        columns,
        defaulted,
    }
}

fn conventions(
    sheet: &Sheet,
    fields: &[Option<Field>],
    forms: (CountryForm, CountryForm),
) -> Conventions {
    let col = |f: Field| fields.iter().position(|x| *x == Some(f));
    let header = col(Field::Amount).map(|i| field::amount_header(&sheet.headers[i]));
    // A decimal comma shows as a comma followed by one or two digits at the end, with no point after it
    // ("12,5", "1.234,56"); a thousands comma is followed by three.
    let decimal = col(Field::Amount)
        .map(|i| samples(sheet, i, 50))
        .filter(|s| {
            s.iter().any(|(_, v)| {
                v.rfind(',').is_some_and(|p| {
                    let tail = &v[p + 1..];
                    (1..=2).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_digit())
                })
            })
        })
        .map_or(DecimalMark::Point, |_| DecimalMark::Comma);
    let date_header = [
        Field::CommitmentDate,
        Field::StartDate,
        Field::CompletionDate,
    ]
    .into_iter()
    .filter_map(col)
    .map(|i| sheet.headers[i].to_ascii_uppercase())
    .collect::<Vec<_>>()
    .join(" ");
    let dates = if date_header.contains("MM/DD") || date_header.contains("M/D") {
        DateOrder::MonthDayYear
    } else if date_header.contains("DD/MM")
        || date_header.contains("D/M")
        || date_header.contains("DD.MM")
    {
        DateOrder::DayMonthYear
    } else {
        DateOrder::YearMonthDay
    };
    Conventions {
        decimal,
        dates,
        recipients: forms.0,
        providers: forms.1,
        currency: header
            .as_ref()
            .and_then(|h| h.currency)
            .unwrap_or("USD")
            .to_string(),
        price_base: header
            .as_ref()
            .and_then(|h| h.price_base.clone())
            .unwrap_or_else(|| "unstated".into()),
        scale: header.and_then(|h| h.scale).unwrap_or(1.0),
    }
}
