//! Reading the source CSV rows: sectors, statuses, dates, commitments and precision levels.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use anyhow::{bail, Context, Result};
use bridges_core::model::*;

use super::{release, CONSTANT_2011, CURRENT};

/// The sector groups of Bridges' reference table (the OECD CRS three-digit codes in xtask/src/sectors.rs).
pub(super) fn sector_name(code: u16) -> Option<&'static str> {
    crate::sectors::SECTORS
        .iter()
        .find(|s| s.1 == code)
        .map(|s| s.2)
}

/// One source sector code (AidData/CRS: 3-digit sector such as `311`, or 5-digit purpose such as
/// `99810`) → the reference sector: its first three digits if the reference has them (`998`), else
/// their CRS group (`311` → `310`, `151` → `150`); anything else is unknown.
pub fn sector_group(code: &str) -> Option<u16> {
    let c = code.trim();
    if !(c.len() == 3 || c.len() == 5) || !c.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let three: u16 = c[..3].parse().ok()?;
    [three, three / 10 * 10]
        .into_iter()
        .find(|g| sector_name(*g).is_some())
}

/// The `ad_sector_codes` field (`|`-separated) → one sector, when every code falls in the same group.
/// Several groups, or a code without one, is unknown: Bridges never picks one.
pub fn sector_of(field: &str) -> Option<u16> {
    let codes: Vec<&str> = field.split('|').filter(|c| !c.trim().is_empty()).collect();
    let groups: Option<BTreeSet<u16>> = codes.iter().map(|c| sector_group(c)).collect();
    match groups {
        Some(g) if g.len() == 1 => g.into_iter().next(),
        _ => None,
    }
}

/// The source's status → `bridges/1`. `Pipeline/identification` and `Unspecified` have no counterpart
/// (the schema's pipeline statuses are pledge and commitment): unknown. Anything else stops the build.
pub fn status(s: &str) -> Result<Option<Status>> {
    Ok(match s.trim() {
        "Implementation" => Some(Status::Implementation),
        "Completion" => Some(Status::Completed),
        "Suspended" => Some(Status::Suspended),
        "Cancelled" => Some(Status::Cancelled),
        "Pipeline/identification" | "Unspecified" | "" => None,
        other => bail!("AIMS status {other:?} has no rule: add one to aims::status"),
    })
}

/// A whole `YYYY-MM-DD` date, else nothing.
pub(super) fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| s.to_string())
}

pub(super) fn year_of(date: &Option<String>) -> Option<i32> {
    date.as_ref().and_then(|d| d[..4].parse().ok())
}

type Row = HashMap<String, String>;

pub(super) fn read_csv(path: &Path) -> Result<Vec<Row>> {
    let mut r = csv::Reader::from_path(path).with_context(|| path.display().to_string())?;
    let headers = r.headers()?.clone();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.with_context(|| path.display().to_string())?;
        out.push(
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect(),
        );
    }
    Ok(out)
}

pub(super) fn get<'a>(row: &'a Row, key: &str) -> &'a str {
    row.get(key).map(String::as_str).unwrap_or("")
}

/// The commitments (`C`) of one project, split at the release's last deflated year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Commitments {
    pub constant: f64,
    pub current: f64,
    pub first_year: Option<i32>,
}

pub(super) fn commitments(raw: &Path) -> Result<HashMap<(String, String), Commitments>> {
    let mut out: HashMap<(String, String), Commitments> = HashMap::new();
    for t in read_csv(&raw.join("aiddata-aims/source_transactions.csv"))? {
        if get(&t, "transaction_value_code") != "C" {
            continue;
        }
        let r = release(get(&t, "release"))?;
        if get(&t, "transaction_currency") != "USD" {
            bail!("transaction {} is not in USD", get(&t, "transaction_id"));
        }
        let year: i32 = get(&t, "transaction_year")
            .trim()
            .parse()
            .with_context(|| format!("transaction {} has no year", get(&t, "transaction_id")))?;
        let value: f64 = get(&t, "transaction_value").trim().parse()?;
        let c = out
            .entry((r.name.to_string(), get(&t, "project_id").to_string()))
            .or_default();
        if year <= r.constant_until {
            c.constant += value;
        } else {
            c.current += value;
        }
        if value > 0.0 {
            c.first_year = Some(c.first_year.map_or(year, |y| y.min(year)));
        }
    }
    Ok(out)
}

/// The amount of a project: its commitments, in the one price base they share. Commitments in both
/// price bases are not added (the amount is unknown and the description gives both parts); no
/// commitment (or only zeros) is unknown, not zero.
pub fn amount(c: &Commitments) -> Option<Amount> {
    let usd = |value: f64, base: &str| Amount {
        value,
        currency: "USD".into(),
        price_base: base.into(),
    };
    match (c.constant > 0.0, c.current > 0.0) {
        (true, false) => Some(usd(c.constant, CONSTANT_2011)),
        (false, true) => Some(usd(c.current, CURRENT)),
        _ => None,
    }
}

/// UCDP/AidData precision codes kept as points, with the `level` Bridges writes. 6 (the whole country)
/// and 8 (unknown) say no more than the recipient and are not points.
pub fn level(precision: &str) -> Option<&'static str> {
    match precision.trim() {
        "1" => Some("precise"),
        "2" => Some("near"),
        "3" => Some("adm2"),
        "4" => Some("adm1"),
        "5" => Some("estimated"),
        _ => None,
    }
}

pub(super) fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
