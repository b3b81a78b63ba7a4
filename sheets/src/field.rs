//! The Bridges fields a column can fill, and which header names suggest them (English, Chinese, and
//! the snake_case / dotted names of AidData's releases).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Title,
    TitleZh,
    Description,
    Status,
    /// OECD CRS code: three digits, or a five-digit purpose code (its first three digits are read).
    SectorCode,
    /// A sector name in English or Chinese, matched to the reference sectors.
    SectorName,
    Recipients,
    Regional,
    Providers,
    CommitmentYear,
    StartYear,
    CompletionYear,
    CommitmentDate,
    StartDate,
    CompletionDate,
    Amount,
    Currency,
    PriceBase,
    FlowClass,
    FlowType,
    Infrastructure,
    Latitude,
    Longitude,
    Sources,
    Sdgs,
}

/// Header rules, most specific first: every word must occur (ASCII words whole, Chinese as a
/// substring). The first rule that matches names the field.
const RULES: &[(&[&str], Field)] = &[
    (&["id"], Field::Id),
    (&["identifier"], Field::Id),
    (&["编号"], Field::Id),
    (&["序号"], Field::Id),
    (&["title", "zh"], Field::TitleZh),
    (&["chinese", "title"], Field::TitleZh),
    (&["中文名称"], Field::TitleZh),
    (&["中文标题"], Field::TitleZh),
    (&["commitment", "date"], Field::CommitmentDate),
    (&["start", "date"], Field::StartDate),
    (&["start", "isodate"], Field::StartDate),
    (&["completion", "date"], Field::CompletionDate),
    (&["end", "date"], Field::CompletionDate),
    (&["end", "isodate"], Field::CompletionDate),
    (&["开始日期"], Field::StartDate),
    (&["开工日期"], Field::StartDate),
    (&["完成日期"], Field::CompletionDate),
    (&["竣工日期"], Field::CompletionDate),
    (&["date"], Field::CommitmentDate),
    (&["日期"], Field::CommitmentDate),
    (&["start", "year"], Field::StartYear),
    (&["completion", "year"], Field::CompletionYear),
    (&["end", "year"], Field::CompletionYear),
    (&["开始年份"], Field::StartYear),
    (&["完成年份"], Field::CompletionYear),
    (&["year"], Field::CommitmentYear),
    (&["年份"], Field::CommitmentYear),
    (&["年度"], Field::CommitmentYear),
    (&["年"], Field::CommitmentYear),
    (&["currency"], Field::Currency),
    (&["币种"], Field::Currency),
    (&["货币"], Field::Currency),
    (&["price", "base"], Field::PriceBase),
    (&["amount"], Field::Amount),
    (&["commitments"], Field::Amount),
    (&["金额"], Field::Amount),
    (&["总额"], Field::Amount),
    (&["承诺额"], Field::Amount),
    (&["sector", "code"], Field::SectorCode),
    (&["sector", "codes"], Field::SectorCode),
    (&["crs"], Field::SectorCode),
    (&["purpose", "code"], Field::SectorCode),
    (&["代码"], Field::SectorCode),
    (&["sector"], Field::SectorName),
    (&["sectors"], Field::SectorName),
    (&["行业"], Field::SectorName),
    (&["领域"], Field::SectorName),
    (&["部门"], Field::SectorName),
    (&["recipient"], Field::Recipients),
    (&["recipients"], Field::Recipients),
    (&["受援国"], Field::Recipients),
    (&["受援方"], Field::Recipients),
    (&["country"], Field::Recipients),
    (&["国家"], Field::Recipients),
    (&["regional"], Field::Regional),
    (&["provider"], Field::Providers),
    (&["providers"], Field::Providers),
    (&["donor"], Field::Providers),
    (&["donors"], Field::Providers),
    (&["援助方"], Field::Providers),
    (&["提供方"], Field::Providers),
    (&["status"], Field::Status),
    (&["状态"], Field::Status),
    (&["flow", "class"], Field::FlowClass),
    (&["flow", "type"], Field::FlowType),
    (&["资金类型"], Field::FlowType),
    (&["infrastructure"], Field::Infrastructure),
    (&["基础设施"], Field::Infrastructure),
    (&["lat"], Field::Latitude),
    (&["latitude"], Field::Latitude),
    (&["纬度"], Field::Latitude),
    (&["lon"], Field::Longitude),
    (&["lng"], Field::Longitude),
    (&["longitude"], Field::Longitude),
    (&["经度"], Field::Longitude),
    (&["sdg"], Field::Sdgs),
    (&["sdgs"], Field::Sdgs),
    (&["可持续发展目标"], Field::Sdgs),
    (&["description"], Field::Description),
    (&["summary"], Field::Description),
    (&["描述"], Field::Description),
    (&["简介"], Field::Description),
    (&["source"], Field::Sources),
    (&["sources"], Field::Sources),
    (&["url"], Field::Sources),
    (&["link"], Field::Sources),
    (&["来源"], Field::Sources),
    (&["链接"], Field::Sources),
    (&["title"], Field::Title),
    (&["project", "name"], Field::Title),
    (&["name"], Field::Title),
    (&["名称"], Field::Title),
    (&["标题"], Field::Title),
    (&["项目"], Field::Title),
];

/// Headers that name a field only in the company of others: "indicative_sdgs" is Bridges' own
/// export; a second amount (disbursements) is not the amount.
const NOT_A_FIELD: &[&str] = &["disbursements", "recipient names", "sector name zh"];

/// The field a header suggests, if any.
pub fn from_header(header: &str) -> Option<Field> {
    let norm = normalise(header);
    if NOT_A_FIELD.iter().any(|n| norm.contains(n)) {
        return None;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    RULES
        .iter()
        .find(|(tokens, _)| {
            tokens.iter().all(|t| {
                if t.is_ascii() {
                    words.contains(t)
                } else {
                    norm.contains(t)
                }
            })
        })
        .map(|(_, f)| *f)
}

/// Lower case, with every run of ASCII punctuation, `_` or space (and full-width brackets) as one
/// space: "Amount.(Constant.USD.2021)" → "amount constant usd 2021", "project_id" → "project id".
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && !"（）：，、".contains(c) {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// Words in an amount header that say its unit: currency, price base and scale.
pub(crate) struct AmountHeader {
    pub currency: Option<&'static str>,
    pub price_base: Option<String>,
    pub scale: Option<f64>,
}

pub(crate) fn amount_header(header: &str) -> AmountHeader {
    let norm = normalise(header);
    let words: Vec<&str> = norm.split(' ').collect();
    let currency = [
        ("usd", "USD"),
        ("美元", "USD"),
        ("eur", "EUR"),
        ("cny", "CNY"),
        ("rmb", "CNY"),
        ("人民币", "CNY"),
        ("gbp", "GBP"),
        ("inr", "INR"),
        ("brl", "BRL"),
        ("zar", "ZAR"),
    ]
    .iter()
    .find(|(w, _)| words.contains(w) || (!w.is_ascii() && norm.contains(w)))
    .map(|(_, c)| *c);
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y)));
    let price_base = if words.contains(&"constant") || norm.contains("不变价") {
        Some(match year {
            Some(y) => format!("constant {y}"),
            None => "constant".to_string(),
        })
    } else if words.contains(&"current") || norm.contains("现价") {
        Some("current".to_string())
    } else {
        None
    };
    let scale = [
        ("thousand", 1e3),
        ("thousands", 1e3),
        ("000s", 1e3),
        ("million", 1e6),
        ("millions", 1e6),
        ("mn", 1e6),
        ("billion", 1e9),
        ("billions", 1e9),
        ("bn", 1e9),
        ("亿", 1e8),
        ("百万", 1e6),
        ("万", 1e4),
        ("千", 1e3),
    ]
    .iter()
    .find(|(w, _)| words.contains(w) || (!w.is_ascii() && norm.contains(w)))
    .map(|(_, s)| *s);
    AmountHeader {
        currency,
        price_base,
        scale,
    }
}
