//! One cell read as one field of a project, under the mapping's conventions. The proposal's samples
//! and the import use the same code, so what the proposal shows is what the import does.

use std::collections::HashMap;

use bridges_core::model::*;
use bridges_core::ReferenceIndex;

use crate::convert::{self, DecimalMark};
use crate::countries::{Countries, CountryForm};
use crate::error::{Action, Issue, IssueKind};
use crate::field::Field;
use crate::mapping::Conventions;

/// What `field` reads in `value`, in words, for the proposal's samples.
pub fn reading(
    field: Field,
    value: &str,
    c: &Conventions,
    countries: &Countries,
    r: &ReferenceIndex,
) -> String {
    let mut cx = Cx::new(c, countries, r);
    let mut p = blank(String::new(), String::new());
    cx.fill(&mut p, field, value, 0, "");
    cx.finish_row(&mut p);
    if let Some(i) = cx.issues.first() {
        return format!("not read: {}", crate::error::describe(&i.kind));
    }
    let shown = match field {
        Field::Id => p.id,
        Field::Title => p.title,
        Field::TitleZh => p.title_zh.unwrap_or_default(),
        Field::Description => p.description.unwrap_or_default(),
        Field::Status => p.status.map(|s| s.code().to_string()).unwrap_or_default(),
        Field::SectorCode | Field::SectorName => p
            .sector
            .map(|s| format!("{} {}", s.code, s.name))
            .unwrap_or_default(),
        Field::Recipients => {
            p.recipients.join(";")
                + &p.regional
                    .map(|x| format!("regional: {x}"))
                    .unwrap_or_default()
        }
        Field::Regional => p.regional.unwrap_or_default(),
        Field::Providers => p.providers.join(";"),
        Field::CommitmentYear | Field::StartYear | Field::CompletionYear => {
            let y = p.years;
            y.commitment
                .or(y.start)
                .or(y.completion)
                .map(|y| y.to_string())
                .unwrap_or_default()
        }
        Field::CommitmentDate | Field::StartDate | Field::CompletionDate => {
            let d = p.dates;
            d.commitment
                .or(d.start)
                .or(d.completion)
                .unwrap_or_default()
        }
        Field::Amount => p
            .amount
            .map(|a| format!("{} {} {}", a.value, a.currency, a.price_base))
            .unwrap_or_default(),
        Field::Currency | Field::PriceBase => value.trim().to_string(),
        Field::FlowClass => p
            .flow_class
            .map(|f| f.code().to_string())
            .unwrap_or_default(),
        Field::FlowType => p.flow_type.unwrap_or_default(),
        Field::Infrastructure => p.infrastructure.map(|b| b.to_string()).unwrap_or_default(),
        Field::Latitude | Field::Longitude => convert::number(value, DecimalMark::Point)
            .ok()
            .flatten()
            .map(|v| v.to_string())
            .unwrap_or_default(),
        Field::Sources => p
            .sources
            .iter()
            .map(|s| s.url.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Field::Sdgs => p
            .sdgs
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(";"),
    };
    if shown.is_empty() {
        "unknown".into()
    } else {
        shown
    }
}

pub(crate) fn blank(id: String, title: String) -> Project {
    Project {
        id,
        title,
        title_zh: None,
        description: None,
        status: None,
        sector: None,
        sdgs: Vec::new(),
        recipients: Vec::new(),
        regional: None,
        providers: Vec::new(),
        partners: Vec::new(),
        years: Years::default(),
        dates: Dates::default(),
        amount: None,
        flow_class: None,
        flow_type: None,
        agencies: Agencies::default(),
        infrastructure: None,
        locations: Vec::new(),
        sources: Vec::new(),
        enrichment: None,
    }
}

/// The state of one import: conventions, lookups, and the issues found so far.
const MAX_HINTS: usize = 1_000;

/// The issues and country suggestions carried from one slice of rows to the next.
pub(crate) type Carried = (Vec<Issue>, HashMap<String, Option<String>>);

pub(crate) struct Cx<'a> {
    c: &'a Conventions,
    countries: &'a Countries,
    r: &'a ReferenceIndex,
    pub(crate) issues: Vec<Issue>,
    /// Per-row values that combine with others: amount, currency, price base, coordinates.
    amount: Option<f64>,
    currency: Option<String>,
    price_base: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    /// Suggestions already computed, so 50,000 rows with the same unknown name cost one search.
    hints: HashMap<String, Option<String>>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(c: &'a Conventions, countries: &'a Countries, r: &'a ReferenceIndex) -> Self {
        Cx {
            c,
            countries,
            r,
            issues: Vec::new(),
            amount: None,
            currency: None,
            price_base: None,
            lat: None,
            lon: None,
            hints: HashMap::new(),
        }
    }

    /// A context that goes on from an earlier slice of rows: its issues and country suggestions.
    pub(crate) fn resume(
        c: &'a Conventions,
        countries: &'a Countries,
        r: &'a ReferenceIndex,
        (issues, hints): Carried,
    ) -> Self {
        Cx {
            issues,
            hints,
            ..Cx::new(c, countries, r)
        }
    }

    /// What the next slice of rows goes on from.
    pub(crate) fn suspend(self) -> Carried {
        (self.issues, self.hints)
    }

    pub(crate) fn issue(
        &mut self,
        kind: IssueKind,
        action: Action,
        row: usize,
        col: &str,
        value: &str,
    ) {
        self.issues
            .push(Issue::new(kind, action).at(row, col).value(value));
    }

    fn countries(
        &mut self,
        v: &str,
        form: CountryForm,
        row: usize,
        col: &str,
    ) -> (Vec<String>, Option<String>) {
        let mut res = self.countries.resolve(v, form);
        let mut regional = None;
        for text in std::mem::take(&mut res.unmatched) {
            // AidData writes regional projects as "Africa, regional" in the recipient column.
            // ("Multi-Region" in GCDF 3.0.)
            if text.to_lowercase().contains("region") {
                regional = Some(text);
                continue;
            }
            let hint = match self.hints.get(&text) {
                Some(h) => h.clone(),
                // A column of free text mapped as countries would cost a search per row; past this
                // many distinct names the issues still list every value, without a suggestion.
                None if self.hints.len() >= MAX_HINTS => None,
                None => {
                    let h = self.countries.suggest(&text);
                    self.hints.insert(text.clone(), h.clone());
                    h
                }
            };
            self.issue(
                IssueKind::UnknownCountry { did_you_mean: hint },
                Action::ValueIgnored,
                row,
                col,
                &text,
            );
        }
        (res.codes, regional)
    }

    /// Reads `v` into `p` as `field`; a value it cannot read is an issue and stays unknown.
    pub(crate) fn fill(&mut self, p: &mut Project, field: Field, v: &str, row: usize, col: &str) {
        let text = || Some(v.trim().to_string()).filter(|s| !bridges_core::text::is_blank(s));
        let res: Result<(), IssueKind> = (|| {
            match field {
                Field::Id => p.id = v.trim().to_string(),
                Field::Title => p.title = v.trim().to_string(),
                Field::TitleZh => p.title_zh = text(),
                Field::Description => p.description = text(),
                // A country's name in a regional column is not a region: that column may be the
                // recipients' names beside their codes.
                Field::Regional => {
                    let r = self.countries.resolve(v, CountryForm::Names);
                    if r.codes.is_empty() || !r.unmatched.is_empty() {
                        p.regional = p.regional.take().or_else(text);
                    }
                }
                Field::FlowType => p.flow_type = text(),
                Field::Status => p.status = convert::status(v)?,
                Field::SectorCode | Field::SectorName => {
                    let s = if field == Field::SectorCode {
                        convert::sector_code(v, self.r)?
                    } else {
                        convert::sector_name(v, self.r)?
                    };
                    p.sector = s.map(|(code, name)| Sector { code, name });
                }
                Field::CommitmentYear => p.years.commitment = convert::year(v)?,
                Field::StartYear => p.years.start = convert::year(v)?,
                Field::CompletionYear => p.years.completion = convert::year(v)?,
                Field::CommitmentDate => p.dates.commitment = convert::date(v, self.c.dates)?,
                Field::StartDate => p.dates.start = convert::date(v, self.c.dates)?,
                Field::CompletionDate => p.dates.completion = convert::date(v, self.c.dates)?,
                Field::Amount => {
                    self.amount = match convert::number(v, self.c.decimal)? {
                        Some(x) if x < 0.0 => return Err(IssueKind::Negative),
                        // A huge value times the scale must not become infinity (written as null).
                        Some(x) if !(x * self.c.scale).is_finite() => {
                            return Err(IssueKind::OutOfRange)
                        }
                        x => x.map(|x| x * self.c.scale),
                    }
                }
                Field::Currency => self.currency = text().map(|s| s.to_uppercase()),
                Field::PriceBase => self.price_base = text(),
                Field::FlowClass => p.flow_class = convert::flow_class(v)?,
                Field::Infrastructure => p.infrastructure = convert::yes_no(v)?,
                Field::Latitude | Field::Longitude => {
                    let x = convert::number(v, self.c.decimal)?;
                    let limit = if field == Field::Latitude {
                        90.0
                    } else {
                        180.0
                    };
                    if x.is_some_and(|x: f64| x.abs() > limit) {
                        return Err(IssueKind::OutOfRange);
                    }
                    if field == Field::Latitude {
                        self.lat = x
                    } else {
                        self.lon = x
                    }
                }
                Field::Sdgs => p.sdgs = convert::sdgs(v)?,
                Field::Sources => {
                    // Words between links are their labels ("Ifrane: https://…"), not errors; a
                    // cell without any http(s) link is.
                    let links = convert::links(v);
                    if links.is_empty() && !v.trim().is_empty() {
                        return Err(IssueKind::NotALink);
                    }
                    p.sources = links
                        .into_iter()
                        .map(|url| SourceLink { url, label: None })
                        .collect();
                }
                Field::Recipients | Field::Providers => {}
            }
            Ok(())
        })();
        if let Err(kind) = res {
            self.issue(kind, Action::ValueIgnored, row, col, v);
        }
        match field {
            Field::Recipients => {
                let (codes, regional) = self.countries(v, self.c.recipients, row, col);
                p.recipients = codes;
                if p.regional.is_none() {
                    p.regional = regional;
                }
            }
            Field::Providers => {
                let form = self.c.providers;
                p.providers = self.countries(v, form, row, col).0;
            }
            _ => {}
        }
    }

    /// Combines the per-row parts into the project and resets them for the next row.
    pub(crate) fn finish_row(&mut self, p: &mut Project) {
        if let Some(value) = self.amount.take() {
            p.amount = Some(Amount {
                value,
                currency: self
                    .currency
                    .take()
                    .unwrap_or_else(|| self.c.currency.clone()),
                price_base: self
                    .price_base
                    .take()
                    .unwrap_or_else(|| self.c.price_base.clone()),
            });
        }
        if let (Some(lat), Some(lon)) = (self.lat.take(), self.lon.take()) {
            p.locations.push(Location {
                lon,
                lat,
                level: None,
                name: None,
            });
        }
        self.currency = None;
        self.price_base = None;
    }
}
