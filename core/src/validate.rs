//! Reading a `bridges/1` project file: tolerant of what can be tolerated, precise about the rest.
//!
//! Each record is checked on its own, so one bad record never costs the others. A record without a
//! usable `id` or `title` is skipped; any other bad value is dropped to "unknown" and the record kept.
//! Every decision is reported as a located [`DataIssue`].

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::issue::{describe, truncate, Consequence, DataIssue, LoadError};
use crate::json::{parse_document, Repair};
use crate::model::*;
use crate::reference::ReferenceIndex;
use crate::repairs;
use crate::text::is_blank;

/// Earliest and latest plausible years for a cooperation project.
pub const YEAR_RANGE: (i32, i32) = (1900, 2100);
/// Longest text kept from a title or description; longer text is cut (and reported).
pub const MAX_TEXT: usize = 10_000;

/// A dataset as loaded: the valid records, and every problem met on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub issues: Vec<DataIssue>,
}

impl Loaded {
    pub fn skipped(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.consequence == Consequence::RecordSkipped)
            .count()
    }
}

/// Reads a project file in one go: the whole text as one JSON value, then every record. This is the
/// definition of what a file means; [`DatasetReader`] reaches the same result without holding the
/// whole document as JSON values, and falls back to this for any file that is not valid JSON with a
/// `"projects"` list (so that errors are reported exactly as here).
pub fn parse_dataset_whole(
    source: &str,
    text: &str,
    reference: &ReferenceIndex,
) -> Result<Loaded, LoadError> {
    let mut parsed = parse_document(source, text)?;
    let (root_repairs, mut record_repairs) = repairs::split(&mut parsed);
    let mut root = root_object(source, parsed.value)?;
    let projects = match root.remove("projects") {
        Some(Value::Array(a)) => a,
        Some(other) => {
            return Err(LoadError::Shape {
                source: source.into(),
                expected: "\"projects\" to be a list of project records".into(),
                found: describe(&other),
            })
        }
        None => {
            return Err(LoadError::Shape {
                source: source.into(),
                expected: "a \"projects\" list".into(),
                found: "no \"projects\" field".into(),
            })
        }
    };
    let mut records = Records::new(source, reference);
    for (i, record) in projects.into_iter().enumerate() {
        records.push(
            record,
            record_repairs
                .get_mut(i)
                .map(std::mem::take)
                .unwrap_or_default(),
        );
    }
    Ok(records.finish(&root, &root_repairs))
}

/// Checks that the document is an object declaring the `bridges/1` schema, and returns it.
pub(crate) fn root_object(source: &str, value: Value) -> Result<Map<String, Value>, LoadError> {
    let Value::Object(root) = value else {
        return Err(LoadError::Shape {
            source: source.into(),
            expected: format!("an object with \"schema\": \"{SCHEMA}\" and a \"projects\" list"),
            found: describe(&value),
        });
    };
    let schema = root.get("schema").unwrap_or(&Value::Null);
    if schema.as_str() != Some(SCHEMA) {
        return Err(LoadError::Schema {
            source: source.into(),
            expected: SCHEMA.into(),
            found: describe(schema),
        });
    }
    Ok(root)
}

/// The records of the `projects` list, validated one at a time in file order (each on its own, ids
/// unique): shared by [`parse_dataset_whole`] and [`DatasetReader`].
pub(crate) struct Records<'a> {
    source: &'a str,
    reference: &'a ReferenceIndex,
    seen: HashSet<String>,
    seen_records: usize,
    projects: Vec<Project>,
    issues: Vec<DataIssue>,
}

impl<'a> Records<'a> {
    pub(crate) fn new(source: &'a str, reference: &'a ReferenceIndex) -> Records<'a> {
        Records {
            source,
            reference,
            seen: HashSet::new(),
            seen_records: 0,
            projects: Vec::new(),
            issues: Vec::new(),
        }
    }

    /// Validates the next record of the list, with what the tolerant JSON reader changed in it.
    pub(crate) fn push(&mut self, record: Value, repairs: Vec<Repair>) {
        let start = self.issues.len();
        let (exact, replaced) = repairs::notes(&repairs);
        let mut r = RecordReader {
            source: self.source,
            index: self.seen_records,
            id: None,
            issues: &mut self.issues,
            exact: &exact,
            replaced: &replaced,
        };
        self.seen_records += 1;
        if let Some(p) = r.project(record, self.reference) {
            if self.seen.insert(p.id.clone()) {
                self.projects.push(p);
            } else {
                r.issue(
                    "id",
                    "a unique id (an earlier record has this id)",
                    Some(format!("\"{}\"", truncate(&p.id, 40))),
                    Consequence::RecordSkipped,
                );
            }
        }
        if !repairs.is_empty() {
            let id = r.id.clone();
            let index = self.seen_records - 1;
            let extra =
                repairs::record_issues(self.source, index, id, &repairs, &mut self.issues[start..]);
            self.issues.extend(extra);
        }
    }

    /// What was read, to be thrown away (by a reader that found the file broken): the projects and
    /// the ids seen, so that the caller can free them a batch at a time.
    pub(crate) fn into_garbage(self) -> (Vec<Project>, Vec<String>) {
        (self.projects, self.seen.into_iter().collect())
    }

    /// The dataset, with the document's `meta` (read from `root`); its problems come first, then
    /// what the tolerant JSON reader changed outside the records (`repairs`).
    pub(crate) fn finish(self, root: &Map<String, Value>, repairs: &[Repair]) -> Loaded {
        let mut issues = Vec::new();
        let meta = read_meta(self.source, root.get("meta"), &mut issues);
        repairs::document_issues(self.source, repairs, &mut issues);
        issues.extend(self.issues);
        Loaded {
            dataset: Dataset {
                meta,
                projects: self.projects,
            },
            issues,
        }
    }
}

fn read_meta(source: &str, meta: Option<&Value>, issues: &mut Vec<DataIssue>) -> Meta {
    let Some(Value::Object(m)) = meta else {
        if let Some(v) = meta {
            issues.push(DataIssue {
                source: source.into(),
                record: None,
                id: None,
                field: Some("meta".into()),
                expected: "an object describing the dataset".into(),
                found: Some(describe(v)),
                consequence: Consequence::ValueIgnored,
            });
        }
        return Meta {
            title: source.to_string(),
            ..Meta::default()
        };
    };
    let text = |k: &str| {
        m.get(k)
            .and_then(Value::as_str)
            .map(|s| truncate(s.trim(), MAX_TEXT))
            .filter(|s| !s.is_empty())
    };
    Meta {
        title: text("title").unwrap_or_else(|| source.to_string()),
        publisher: text("publisher"),
        citation: text("citation"),
        licence: text("licence"),
        url: text("url").filter(|u| is_web_url(u)),
        generated_by: text("generated_by"),
        price_base: text("price_base"),
    }
}

/// Only http(s) links are ever turned into anchors; anything else (`javascript:`, `data:`) is refused.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !s.chars().any(|c| c.is_control() || c == ' ')
}

struct RecordReader<'a> {
    source: &'a str,
    index: usize,
    id: Option<String>,
    issues: &'a mut Vec<DataIssue>,
    /// Whole numbers read exactly from the text, by field path ([`json::Fix::Exact`]).
    exact: &'a [(String, Option<String>)],
    /// Paths of values the tolerant JSON reader replaced with `null`.
    replaced: &'a [String],
}

impl RecordReader<'_> {
    /// The whole number `v` is, in decimal, read exactly as written: `7`, and also `7.0`, `7e0` or
    /// `0.7e1` (JSON Schema's integers); not `7.5`, nor `999999999999999.9` (which an f64 rounds to
    /// 1e15).
    fn whole(&self, field: &str, v: &Value) -> Option<String> {
        let Value::Number(n) = v else {
            return None;
        };
        if let Some(u) = n.as_u64() {
            return Some(u.to_string());
        }
        if let Some(i) = n.as_i64() {
            return Some(i.to_string());
        }
        // A number whose f64 may not be exact (an exponent, 16 digits or more) was noted with its
        // exact value; any other is exactly its f64.
        if let Some((_, exact)) = self.exact.iter().find(|(p, _)| p == field) {
            return exact.clone();
        }
        let f = n.as_f64()?;
        (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then(|| format!("{}", f as i64))
    }

    fn issue(
        &mut self,
        field: &str,
        expected: &str,
        found: Option<String>,
        consequence: Consequence,
    ) {
        self.issues.push(DataIssue {
            source: self.source.to_string(),
            record: Some(self.index),
            id: self.id.clone(),
            field: (!field.is_empty()).then(|| field.to_string()),
            expected: expected.to_string(),
            found,
            consequence,
        });
    }

    fn bad(&mut self, field: &str, expected: &str, found: &Value) {
        self.issue(
            field,
            expected,
            Some(describe(found)),
            Consequence::ValueIgnored,
        );
    }

    fn project(&mut self, record: Value, reference: &ReferenceIndex) -> Option<Project> {
        let Value::Object(m) = record else {
            self.issue(
                "",
                "a project object",
                Some(describe(&record)),
                Consequence::RecordSkipped,
            );
            return None;
        };
        // Ids are kept and compared whole: two ids that differ only in their 1000th character are
        // two records (only messages shorten them).
        let whole_id = m.get("id").and_then(|v| self.whole("id", v));
        let id = match (m.get("id"), whole_id) {
            (Some(Value::String(s)), _) if !is_blank(s) => s.trim().to_string(),
            (Some(Value::Number(_)), Some(n)) => n,
            (Some(v), _) => {
                self.issue(
                    "id",
                    "a non-empty string or whole number",
                    Some(describe(v)),
                    Consequence::RecordSkipped,
                );
                return None;
            }
            (None, _) => {
                self.issue(
                    "id",
                    "an id",
                    Some("nothing".into()),
                    Consequence::RecordSkipped,
                );
                return None;
            }
        };
        self.id = Some(truncate(&id, 200));
        // A title of invisible characters only (zero-width spaces, the braille blank, bidi controls)
        // looks empty, so it is a missing title.
        let title = match m.get("title") {
            Some(Value::String(s)) if !is_blank(s) => self.text("title", s),
            Some(v) => {
                self.issue(
                    "title",
                    "a non-empty string with visible characters",
                    Some(describe(v)),
                    Consequence::RecordSkipped,
                );
                return None;
            }
            None => {
                self.issue(
                    "title",
                    "a title",
                    Some("nothing".into()),
                    Consequence::RecordSkipped,
                );
                return None;
            }
        };

        let dates = self.dates(&m);
        let years = self.years(&m, &dates);
        Some(Project {
            id,
            title,
            title_zh: self.opt_text(&m, "title_zh"),
            description: self.opt_text(&m, "description"),
            status: self.code(&m, "status", Status::from_code, "one of pipeline_pledge, pipeline_commitment, implementation, completed, suspended, cancelled"),
            sector: self.sector(&m),
            sdgs: self.sdgs(&m),
            recipients: self.countries(&m, "recipients", reference),
            regional: self.opt_text(&m, "regional"),
            providers: self.countries(&m, "providers", reference),
            partners: self.partners(&m, reference),
            years,
            dates,
            amount: self.amount(&m),
            flow_class: self.code(&m, "flow_class", FlowClass::from_code, "one of oda_like, oof_like, vague_of, ca, military"),
            flow_type: self.opt_text(&m, "flow_type"),
            agencies: self.agencies(&m),
            infrastructure: match m.get("infrastructure") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(v) => {
                    self.bad("infrastructure", "true or false", v);
                    None
                }
            },
            locations: self.locations(&m),
            sources: self.sources(&m),
            enrichment: self.enrichment(&m),
        })
    }

    fn text(&mut self, field: &str, s: &str) -> String {
        let t = s.trim();
        if t.chars().count() > MAX_TEXT {
            self.issue(
                field,
                &format!("at most {MAX_TEXT} characters"),
                Some(format!("{} characters", t.chars().count())),
                Consequence::Kept,
            );
        }
        truncate(t, MAX_TEXT)
    }

    fn opt_text(&mut self, m: &Map<String, Value>, field: &str) -> Option<String> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(self.text(field, s)),
            Some(v) => {
                self.bad(field, "a string", v);
                None
            }
        }
    }

    fn code<T>(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        parse: fn(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        match m.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match parse(s.trim()) {
                Some(v) => Some(v),
                None => {
                    self.bad(field, expected, &Value::String(s.clone()));
                    None
                }
            },
            Some(v) => {
                self.bad(field, expected, v);
                None
            }
        }
    }

    fn sector(&mut self, m: &Map<String, Value>) -> Option<Sector> {
        let v = m.get("sector")?;
        if v.is_null() {
            return None;
        }
        let code = v
            .get("code")
            .and_then(|c| self.whole("sector.code", c))
            .and_then(|c| c.parse::<u16>().ok())
            .filter(|c| (100..=999).contains(c));
        let Some(code) = code else {
            let found = v.get("code").map(describe).unwrap_or_else(|| describe(v));
            self.issue(
                "sector.code",
                "a three-digit OECD CRS sector code (100–999)",
                Some(found),
                Consequence::ValueIgnored,
            );
            return None;
        };
        let name = match v.get("name") {
            Some(Value::String(s)) if !s.trim().is_empty() => self.text("sector.name", s),
            _ => String::new(),
        };
        Some(Sector { code, name })
    }

    fn list<'v>(&mut self, m: &'v Map<String, Value>, field: &str) -> &'v [Value] {
        match m.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(v) => {
                self.bad(field, "a list", v);
                &[]
            }
        }
    }

    fn sdgs(&mut self, m: &Map<String, Value>) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "sdgs").iter().enumerate() {
            let field = format!("sdgs[{i}]");
            match self
                .whole(&field, v)
                .and_then(|g| g.parse::<u64>().ok())
                .filter(|g| (1..=17).contains(g))
            {
                Some(g) if !out.contains(&(g as u8)) => out.push(g as u8),
                Some(_) => {}
                None => self.bad(&field, "an SDG number from 1 to 17", v),
            }
        }
        out
    }

    fn country_code(
        &mut self,
        field: &str,
        v: &Value,
        reference: &ReferenceIndex,
    ) -> Option<String> {
        match v.as_str().map(str::trim) {
            Some(code) if reference.country(code).is_some() => Some(code.to_string()),
            _ => {
                self.bad(
                    field,
                    "an ISO 3166-1 alpha-3 country code known to Bridges (e.g. \"AGO\")",
                    v,
                );
                None
            }
        }
    }

    fn countries(
        &mut self,
        m: &Map<String, Value>,
        field: &str,
        reference: &ReferenceIndex,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in self.list(m, field).iter().enumerate() {
            if let Some(code) = self.country_code(&format!("{field}[{i}]"), v, reference) {
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    fn partners(&mut self, m: &Map<String, Value>, reference: &ReferenceIndex) -> Vec<Partner> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "partners").iter().enumerate() {
            let Some(country) = v
                .get("country")
                .and_then(|c| self.country_code(&format!("partners[{i}].country"), c, reference))
            else {
                if v.get("country").is_none() {
                    self.bad(
                        &format!("partners[{i}]"),
                        "an object with \"country\" and \"role\"",
                        v,
                    );
                }
                continue;
            };
            match v
                .get("role")
                .and_then(Value::as_str)
                .and_then(PartnerRole::from_code)
            {
                Some(role) => out.push(Partner { country, role }),
                None => {
                    let found = v.get("role").cloned().unwrap_or(Value::Null);
                    self.bad(
                        &format!("partners[{i}].role"),
                        "one of provider, pivot, beneficiary",
                        &found,
                    )
                }
            }
        }
        out
    }

    fn year(&mut self, field: &str, v: Option<&Value>) -> Option<i32> {
        let v = v?;
        if v.is_null() {
            return None;
        }
        // Whole numbers only; `2004.0` (as AidData writes years) or `2.004e3` is 2004.
        let year = self.whole(field, v).and_then(|y| y.parse::<i64>().ok());
        match year.filter(|y| (YEAR_RANGE.0 as i64..=YEAR_RANGE.1 as i64).contains(y)) {
            Some(y) => Some(y as i32),
            None => {
                self.bad(
                    field,
                    &format!("a year from {} to {}", YEAR_RANGE.0, YEAR_RANGE.1),
                    v,
                );
                None
            }
        }
    }

    /// The `years` object; a year it leaves out (or gives as `null`) comes from the date of the same
    /// name, so a file need not write a year twice. A year that is given but wrong stays unknown.
    fn years(&mut self, m: &Map<String, Value>, dates: &Dates) -> Years {
        let y = m.get("years").filter(|v| !v.is_null());
        if let Some(y) = y.filter(|y| !y.is_object()) {
            self.bad(
                "years",
                "an object with commitment, start and completion years",
                y,
            );
            return Years::default();
        }
        let year = |this: &mut Self, key: &str, date: &Option<String>| {
            let field = format!("years.{key}");
            match y.and_then(|y| y.get(key)).filter(|v| !v.is_null()) {
                Some(v) => this.year(&field, Some(v)),
                // A year given but unreadable (a number beyond f64, now null) is not left out: it
                // stays unknown rather than come from the date.
                None if this.replaced.contains(&field) => {
                    let expected = format!("a year from {} to {}", YEAR_RANGE.0, YEAR_RANGE.1);
                    this.bad(&field, &expected, &Value::Null);
                    None
                }
                None => date.as_deref().and_then(year_of_date),
            }
        };
        let years = Years {
            commitment: year(self, "commitment", &dates.commitment),
            start: year(self, "start", &dates.start),
            completion: year(self, "completion", &dates.completion),
        };
        if let (Some(s), Some(c)) = (years.start, years.completion) {
            if s > c {
                self.issue(
                    "years.completion",
                    &format!("a completion year not before the start year {s}"),
                    Some(c.to_string()),
                    Consequence::Kept,
                );
            }
        }
        years
    }

    fn date(&mut self, field: &str, v: Option<&Value>) -> Option<String> {
        let v = v.filter(|v| !v.is_null())?;
        match v.as_str().filter(|s| is_iso_date(s)) {
            Some(s) => Some(s.to_string()),
            None => {
                self.bad(field, "a date written YYYY-MM-DD", v);
                None
            }
        }
    }

    fn dates(&mut self, m: &Map<String, Value>) -> Dates {
        let Some(d) = m.get("dates").filter(|v| !v.is_null()) else {
            return Dates::default();
        };
        if !d.is_object() {
            self.bad(
                "dates",
                "an object with commitment, start and completion dates",
                d,
            );
            return Dates::default();
        }
        Dates {
            commitment: self.date("dates.commitment", d.get("commitment")),
            start: self.date("dates.start", d.get("start")),
            completion: self.date("dates.completion", d.get("completion")),
        }
    }

    fn amount(&mut self, m: &Map<String, Value>) -> Option<Amount> {
        let a = m.get("amount").filter(|v| !v.is_null())?;
        if !a.is_object() {
            self.bad(
                "amount",
                "null (unknown) or an object with value, currency and price_base",
                a,
            );
            return None;
        }
        let value = a
            .get("value")
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite() && *v >= 0.0 && *v < 1e15);
        let Some(value) = value else {
            let found = a.get("value").cloned().unwrap_or(Value::Null);
            self.bad("amount.value", "a number from 0 to 10^15", &found);
            return None;
        };
        let currency = a
            .get("currency")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()));
        let Some(currency) = currency else {
            let found = a.get("currency").cloned().unwrap_or(Value::Null);
            self.bad(
                "amount.currency",
                "an ISO 4217 currency code such as \"USD\"",
                &found,
            );
            return None;
        };
        let price_base = match a.get("price_base") {
            Some(Value::String(s)) if !s.trim().is_empty() => truncate(s.trim(), 100),
            other => {
                self.bad(
                    "amount.price_base",
                    "a price base such as \"constant 2021\" or \"current\"",
                    other.unwrap_or(&Value::Null),
                );
                return None;
            }
        };
        Some(Amount {
            // -0 is 0 (never written "-0", which a spreadsheet would read as a formula's sign).
            value: if value == 0.0 { 0.0 } else { value },
            currency: currency.to_string(),
            price_base,
        })
    }

    fn string_list(&mut self, field: &str, v: Option<&Value>) -> Vec<String> {
        match v {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .filter_map(|(i, s)| match s.as_str().map(str::trim) {
                    Some(s) if !s.is_empty() => Some(truncate(s, 500)),
                    _ => {
                        self.bad(&format!("{field}[{i}]"), "a name", s);
                        None
                    }
                })
                .collect(),
            Some(v) => {
                self.bad(field, "a list of names", v);
                Vec::new()
            }
        }
    }

    fn agencies(&mut self, m: &Map<String, Value>) -> Agencies {
        let Some(a) = m.get("agencies").filter(|v| !v.is_null()) else {
            return Agencies::default();
        };
        Agencies {
            funding: self.string_list("agencies.funding", a.get("funding")),
            receiving: self.string_list("agencies.receiving", a.get("receiving")),
            implementing: self.string_list("agencies.implementing", a.get("implementing")),
        }
    }

    fn locations(&mut self, m: &Map<String, Value>) -> Vec<Location> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "locations").iter().enumerate() {
            let lon = v
                .get("lon")
                .and_then(Value::as_f64)
                .filter(|x| (-180.0..=180.0).contains(x));
            let lat = v
                .get("lat")
                .and_then(Value::as_f64)
                .filter(|y| (-90.0..=90.0).contains(y));
            match (lon, lat) {
                (Some(lon), Some(lat)) => out.push(Location {
                    lon,
                    lat,
                    level: v
                        .get("level")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 40)),
                    name: v
                        .get("name")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 200)),
                }),
                _ => self.bad(
                    &format!("locations[{i}]"),
                    "lon from -180 to 180 and lat from -90 to 90",
                    v,
                ),
            }
        }
        out
    }

    fn sources(&mut self, m: &Map<String, Value>) -> Vec<SourceLink> {
        let mut out = Vec::new();
        for (i, v) in self.list(m, "sources").iter().enumerate() {
            match v
                .get("url")
                .and_then(Value::as_str)
                .filter(|u| is_web_url(u))
            {
                Some(url) => out.push(SourceLink {
                    url: truncate(url.trim(), 2000),
                    label: v
                        .get("label")
                        .and_then(Value::as_str)
                        .map(|s| truncate(s, 200)),
                }),
                None => {
                    let found = v.get("url").cloned().unwrap_or_else(|| v.clone());
                    self.bad(
                        &format!("sources[{i}].url"),
                        "an http:// or https:// address",
                        &found,
                    )
                }
            }
        }
        out
    }

    fn enrichment(&mut self, m: &Map<String, Value>) -> Option<Enrichment> {
        let e = m.get("enrichment").filter(|v| !v.is_null())?;
        match e.get("source").and_then(Value::as_str) {
            Some(source) => Some(Enrichment {
                source: truncate(source, 100),
                fields: self.string_list("enrichment.fields", e.get("fields")),
            }),
            None => {
                self.bad("enrichment", "an object with \"source\" and \"fields\"", e);
                None
            }
        }
    }
}

/// The year of a `YYYY-MM-DD` date, when it is a plausible project year.
pub(crate) fn year_of_date(date: &str) -> Option<i32> {
    date.get(..4)?
        .parse()
        .ok()
        .filter(|y| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(y))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}
