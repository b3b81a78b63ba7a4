//! Reading one cell as one field's value, under the mapping's explicit conventions. The proposal shows
//! these readings next to the samples; the import uses the very same functions.

use bridges_core::model::{FlowClass, Status};
use bridges_core::ReferenceIndex;
use serde::{Deserialize, Serialize};

use crate::error::IssueKind;

/// How numbers are written: `1,234.5` or `1.234,5`. Spaces, no-break spaces and `'` always group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    Point,
    Comma,
}

/// Order of day, month and year in dates like `03/05/2020`. ISO dates (`2020-05-03`), Chinese dates
/// (`2020年5月3日`) and spreadsheet date cells are unambiguous and read under every setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    YearMonthDay,
    DayMonthYear,
    MonthDayYear,
}

pub fn number(s: &str, mark: DecimalMark) -> Result<Option<f64>, IssueKind> {
    let t = s.trim();
    if t.is_empty() || t == "-" {
        return Ok(None);
    }
    // Currency signs and codes around the number are not part of it.
    let t = t.trim_matches(|c: char| "$¥€£ ".contains(c) || c.is_ascii_alphabetic());
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match (c, mark) {
            (' ' | '\u{a0}' | '\u{202f}' | '\'', _) => {}
            (',', DecimalMark::Point) | ('.', DecimalMark::Comma) => {}
            (',', DecimalMark::Comma) => out.push('.'),
            (c, _) => out.push(c),
        }
    }
    match out.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(IssueKind::NotANumber),
    }
}

/// A year: `2004`, `2004.0` (AidData), or the year of a date.
pub fn year(s: &str) -> Result<Option<i32>, IssueKind> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let y = match t.strip_suffix(".0").unwrap_or(t).parse::<i32>() {
        Ok(y) => y,
        Err(_) => match date(t, DateOrder::YearMonthDay) {
            Ok(Some(d)) => d.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0),
            _ => return Err(IssueKind::NotAYear),
        },
    };
    if (1900..=2100).contains(&y) {
        Ok(Some(y))
    } else {
        Err(IssueKind::NotAYear)
    }
}

/// A date as `YYYY-MM-DD`.
pub fn date(s: &str, order: DateOrder) -> Result<Option<String>, IssueKind> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    // A time after the date (spreadsheets' date-times) is not kept.
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 || parts.len() != 3 {
        return Err(IssueKind::NotADate);
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else {
        match order {
            DateOrder::DayMonthYear => (n[2], n[1], n[0]),
            DateOrder::MonthDayYear => (n[2], n[0], n[1]),
            DateOrder::YearMonthDay => return Err(IssueKind::NotADate),
        }
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(IssueKind::NotADate),
    };
    if !(1900..=2100).contains(&y) || d == 0 || d > days {
        return Err(IssueKind::NotADate);
    }
    Ok(Some(format!("{y:04}-{m:02}-{d:02}")))
}

/// AidData's status labels and codes, Bridges' codes, and common Chinese words.
pub fn status(s: &str) -> Result<Option<Status>, IssueKind> {
    let t = crate::field::normalise(s);
    let st = match t.as_str() {
        "" | "unspecified" | "unknown" | "未知" => return Ok(None),
        "completion" | "completed" | "complete" | "closed" | "已完成" | "完成" | "竣工" => {
            Status::Completed
        }
        "implementation" | "ongoing" | "active" | "实施中" | "在建" | "执行中" => {
            Status::Implementation
        }
        "pipeline commitment" | "committed" | "已承诺" | "已签约" => {
            Status::PipelineCommitment
        }
        "pipeline pledge"
        | "pledge"
        | "pledged"
        | "pipeline identification"
        | "pipeline"
        | "identification"
        | "已认捐"
        | "规划中" => Status::PipelinePledge,
        "suspended" | "暂停" | "中止" => Status::Suspended,
        "cancelled" | "canceled" | "取消" | "已取消" => Status::Cancelled,
        other => match Status::from_code(&other.replace(' ', "_")) {
            Some(st) => st,
            None => return Err(IssueKind::UnknownStatus),
        },
    };
    Ok(Some(st))
}

/// A CRS code: three digits, or a five-digit purpose code (`99810` → 998); several codes in a cell
/// (`|` or `;`) give the first. A code the reference lacks is tried at its group (`311` → 310).
pub fn sector_code(s: &str, r: &ReferenceIndex) -> Result<Option<(u16, String)>, IssueKind> {
    let Some(first) = s
        .split(['|', ';', ',', '/'])
        .map(str::trim)
        .find(|p| !p.is_empty())
    else {
        return Ok(None);
    };
    let first = first.strip_suffix(".0").unwrap_or(first);
    let code: u16 = match (first.len(), first.parse::<u32>()) {
        (3, Ok(c)) => c as u16,
        (5, Ok(c)) => (c / 100) as u16,
        _ => return Err(IssueKind::UnknownSector),
    };
    for c in [code, code / 10 * 10] {
        if let Some(info) = r.sector(c) {
            return Ok(Some((c, info.name_en.clone())));
        }
    }
    if (100..=999).contains(&code) {
        Ok(Some((code, format!("CRS {code}"))))
    } else {
        Err(IssueKind::UnknownSector)
    }
}

/// Sector names of AidData's releases that differ from the reference tables' names.
const SECTOR_ALIASES: &[(&str, u16)] = &[
    (
        "population policies programmes and reproductive health",
        130,
    ),
    ("developmental food aid food security assistance", 520),
    ("unallocated unspecified", 998),
    ("sectors not specified", 998),
];

pub fn sector_name(s: &str, r: &ReferenceIndex) -> Result<Option<(u16, String)>, IssueKind> {
    let t = crate::countries::normalise(s);
    if t.is_empty() {
        return Ok(None);
    }
    let found = r.tables.sectors.iter().find(|x| {
        crate::countries::normalise(&x.name_en) == t || crate::countries::normalise(&x.name_zh) == t
    });
    if let Some(x) = found {
        return Ok(Some((x.code, x.name_en.clone())));
    }
    SECTOR_ALIASES
        .iter()
        .find(|(n, _)| *n == t)
        .and_then(|(_, c)| r.sector(*c))
        .map(|x| Some((x.code, x.name_en.clone())))
        .ok_or(IssueKind::UnknownSector)
}

pub fn yes_no(s: &str) -> Result<Option<bool>, IssueKind> {
    match crate::field::normalise(s).as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" | "是" | "x" => Ok(Some(true)),
        "no" | "n" | "false" | "0" | "否" => Ok(Some(false)),
        _ => Err(IssueKind::NotAYesNo),
    }
}

pub fn flow_class(s: &str) -> Result<Option<FlowClass>, IssueKind> {
    let t = crate::field::normalise(s);
    if t.is_empty() {
        return Ok(None);
    }
    let code = match t.as_str() {
        "oda like" => "oda_like",
        "oof like" => "oof_like",
        "vague official finance" | "vague of" => "vague_of",
        other => other,
    };
    FlowClass::from_code(code)
        .map(Some)
        .ok_or(IssueKind::UnknownFlowClass)
}

/// The http(s) links in a cell, separated by spaces (also no-break spaces), `;`, `,` or `|`; text
/// glued before a link (`0https://…`, a stray digit in GCDF 3.0) is dropped, a repeated link kept once.
pub fn links(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in s.split(|c: char| c.is_whitespace() || ";,|".contains(c)) {
        let Some(start) = piece.find("http") else {
            continue;
        };
        let url = &piece[start..];
        if bridges_core::validate::is_web_url(url) && !out.iter().any(|u| u == url) {
            out.push(url.to_string());
        }
    }
    out
}

pub fn sdgs(s: &str) -> Result<Vec<u8>, IssueKind> {
    let mut out = Vec::new();
    for p in s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
    {
        match p.parse::<u8>() {
            Ok(g) if (1..=17).contains(&g) => out.push(g),
            _ => return Err(IssueKind::OutOfRange),
        }
    }
    Ok(out)
}
