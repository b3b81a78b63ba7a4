//! What the validator expected of a value, as a type: each variant is rendered in English (the
//! [`DataIssue`](super::DataIssue)'s `Display`, the logs and tests) and in Chinese (the interface) here,
//! in one place, instead of translating English sentences by pattern. In the Chinese texts,
//! `backticks` mark codes (field names, values) that the interface shows as code.

use std::fmt;

use crate::i18n::Lang;

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    /// A member of `projects` that is not an object.
    ProjectObject,
    /// An `id` of another type, or blank.
    IdValue,
    /// A missing `id`.
    Id,
    /// An `id` an earlier record already has.
    UniqueId,
    /// A `title` of spaces and invisible characters only.
    VisibleTitle,
    /// A missing `title`.
    Title,
    /// A text longer than the limit (in characters).
    AtMostChars(usize),
    Text,
    StatusCode,
    FlowClassCode,
    Boolean,
    SectorCode,
    List,
    Sdg,
    CountryCode,
    /// A provider or partner actor: a known ISO-3 code or the id of a declared actor.
    ProviderRef,
    /// An `actors[].id`: the id syntax, unique.
    ActorId,
    /// An `actors[]` member with its required fields.
    ActorObject,
    ActorKind,
    PartnerObject,
    PartnerRole,
    Location,
    /// A year outside the plausible range (first, last).
    Year(i32, i32),
    /// A completion year before the start year (given).
    CompletionNotBefore(i32),
    YearsObject,
    Date,
    DatesObject,
    Amount,
    AmountValue,
    Currency,
    PriceBase,
    Name,
    Names,
    WebAddress,
    Enrichment,
    /// A `meta` that is not an object.
    Meta,
    /// A number beyond the range of an f64 (the tolerant JSON reader replaced it).
    NumberInRange,
    /// A string with lone surrogate escapes (each became U+FFFD).
    NoLoneSurrogates,
    /// Nesting deeper than the limit (the tolerant JSON reader cut it).
    AtMostNesting(usize),
    /// A spreadsheet cell the column mapping can read (what was wrong is in `found`).
    SheetCell,
}

impl Expected {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Zh => self.zh(),
        }
    }

    fn en(self) -> String {
        let fixed = match self {
            Expected::SheetCell => "a cell the column mapping can read",
            Expected::ProjectObject => "a project object",
            Expected::IdValue => "a non-empty string or whole number",
            Expected::Id => "an id",
            Expected::UniqueId => "a unique id (an earlier record has this id)",
            Expected::VisibleTitle => "a non-empty string with visible characters",
            Expected::Title => "a title",
            Expected::Text => "a string",
            Expected::StatusCode => "one of pipeline_pledge, pipeline_commitment, implementation, completed, suspended, cancelled",
            Expected::FlowClassCode => "one of oda_like, oof_like, vague_of, ca, military",
            Expected::Boolean => "true or false",
            Expected::SectorCode => "a three-digit OECD CRS sector code (100–999)",
            Expected::List => "a list",
            Expected::Sdg => "an SDG number from 1 to 17",
            Expected::CountryCode => "an ISO 3166-1 alpha-3 country code known to Bridges (e.g. \"AGO\")",
            Expected::ProviderRef => "a country code known to Bridges, or the id of an actor the file declares in \"actors\" (bridges/2)",
            Expected::ActorId => "a unique actor id of 2 to 40 capital letters, digits, _ or - (three capital letters are a country code)",
            Expected::ActorObject => "an actor with id, name_en, kind and southern",
            Expected::ActorKind => "one of country, multilateral, agency, ngo, private",
            Expected::PartnerObject => "an object with \"country\" (or \"actor\") and \"role\"",
            Expected::PartnerRole => "one of provider, pivot, beneficiary, co_financier, implementing",
            Expected::Location => "lon from -180 to 180 and lat from -90 to 90",
            Expected::YearsObject => "an object with commitment, start and completion years",
            Expected::Date => "a date written YYYY-MM-DD",
            Expected::DatesObject => "an object with commitment, start and completion dates",
            Expected::Amount => "null (unknown) or an object with value, currency and price_base",
            Expected::AmountValue => "a number from 0 to 10^15",
            Expected::Currency => "an ISO 4217 currency code such as \"USD\"",
            Expected::PriceBase => "a price base such as \"constant 2021\" or \"current\"",
            Expected::Name => "a name",
            Expected::Names => "a list of names",
            Expected::WebAddress => "an http:// or https:// address",
            Expected::Enrichment => "an object with \"source\" and \"fields\"",
            Expected::Meta => "an object describing the dataset",
            Expected::NumberInRange => {
                "a number within the range of a 64-bit float (at most about 1.8 × 10^308)"
            }
            Expected::NoLoneSurrogates => {
                "text without lone surrogate escapes such as \\ud800 (each became U+FFFD)"
            }
            Expected::AtMostChars(n) => return format!("at most {n} characters"),
            Expected::Year(first, last) => return format!("a year from {first} to {last}"),
            Expected::CompletionNotBefore(start) => {
                return format!("a completion year not before the start year {start}")
            }
            Expected::AtMostNesting(n) => return format!("at most {n} levels of nesting"),
        };
        fixed.to_string()
    }

    fn zh(self) -> String {
        let fixed = match self {
            Expected::SheetCell => "列映射可以读取的单元格",
            Expected::ProjectObject => "项目对象",
            Expected::IdValue => "非空字符串或整数",
            Expected::Id => "编号",
            Expected::UniqueId => "唯一编号（前面的记录已使用此编号）",
            Expected::VisibleTitle => "含可见字符的非空字符串",
            Expected::Title => "名称",
            Expected::Text => "字符串",
            Expected::StatusCode => "`pipeline_pledge`、`pipeline_commitment`、`implementation`、`completed`、`suspended`、`cancelled` 之一",
            Expected::FlowClassCode => "`oda_like`、`oof_like`、`vague_of`、`ca`、`military` 之一",
            Expected::Boolean => "`true` 或 `false`",
            Expected::SectorCode => "三位数的经合组织 CRS 部门代码（100–999）",
            Expected::List => "列表",
            Expected::Sdg => "1 至 17 的可持续发展目标编号",
            Expected::CountryCode => "Bridges 已知的 ISO 3166-1 三字母国家代码（例如“AGO”）",
            Expected::ProviderRef => "Bridges 已知的国家代码，或文件在 `actors` 中声明的行为体 id（bridges/2）",
            Expected::ActorId => "唯一的行为体 id：2 至 40 个大写字母、数字、`_` 或 `-`（三个大写字母是国家代码）",
            Expected::ActorObject => "含有 `id`、`name_en`、`kind` 和 `southern` 的行为体",
            Expected::ActorKind => "`country`、`multilateral`、`agency`、`ngo`、`private` 之一",
            Expected::PartnerObject => "含有“country”（或“actor”）和“role”的对象",
            Expected::PartnerRole => "`provider`、`pivot`、`beneficiary`、`co_financier`、`implementing` 之一",
            Expected::Location => "经度 -180 至 180、纬度 -90 至 90",
            Expected::YearsObject => "含有 `commitment`、`start`、`completion` 年份的对象",
            Expected::Date => "`YYYY-MM-DD` 格式的日期",
            Expected::DatesObject => "含有 `commitment`、`start`、`completion` 日期的对象",
            Expected::Amount => "`null`（未知）或含有 `value`、`currency`、`price_base` 的对象",
            Expected::AmountValue => "0 至 10^15 之间的数",
            Expected::Currency => "ISO 4217 货币代码，例如“USD”",
            Expected::PriceBase => "价格基准，例如“constant 2021”或“current”",
            Expected::Name => "名称",
            Expected::Names => "名称列表",
            Expected::WebAddress => "`http://` 或 `https://` 地址",
            Expected::Enrichment => "含有“source”和“fields”的对象",
            Expected::Meta => "描述数据集的对象",
            Expected::NumberInRange => "64 位浮点数范围内的数（最大约 1.8 × 10^308）",
            Expected::NoLoneSurrogates => {
                "不含孤立代理项转义（如 `\\ud800`）的文本（每个已替换为 U+FFFD）"
            }
            Expected::AtMostChars(n) => return format!("不超过{n}个字符"),
            Expected::Year(first, last) => return format!("{first} 至 {last}年份"),
            Expected::CompletionNotBefore(start) => {
                return format!("不早于开工年份{start}的完工年份")
            }
            Expected::AtMostNesting(n) => return format!("最多{n}层嵌套"),
        };
        fixed.to_string()
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_both_languages() {
        assert_eq!(
            Expected::CompletionNotBefore(2004).text(Lang::En),
            "a completion year not before the start year 2004"
        );
        assert_eq!(
            Expected::CompletionNotBefore(2004).text(Lang::Zh),
            "不早于开工年份2004的完工年份"
        );
        assert_eq!(
            Expected::Year(1900, 2100).text(Lang::Zh),
            "1900 至 2100年份"
        );
        assert_eq!(
            Expected::StatusCode.to_string(),
            Expected::StatusCode.text(Lang::En)
        );
        let all = [
            Expected::ProjectObject,
            Expected::IdValue,
            Expected::Id,
            Expected::UniqueId,
            Expected::VisibleTitle,
            Expected::Title,
            Expected::AtMostChars(10),
            Expected::Text,
            Expected::StatusCode,
            Expected::FlowClassCode,
            Expected::Boolean,
            Expected::SectorCode,
            Expected::List,
            Expected::Sdg,
            Expected::CountryCode,
            Expected::ProviderRef,
            Expected::ActorId,
            Expected::ActorObject,
            Expected::ActorKind,
            Expected::PartnerObject,
            Expected::PartnerRole,
            Expected::Location,
            Expected::Year(1900, 2100),
            Expected::CompletionNotBefore(2004),
            Expected::YearsObject,
            Expected::Date,
            Expected::DatesObject,
            Expected::Amount,
            Expected::AmountValue,
            Expected::Currency,
            Expected::PriceBase,
            Expected::Name,
            Expected::Names,
            Expected::WebAddress,
            Expected::Enrichment,
            Expected::Meta,
            Expected::NumberInRange,
            Expected::NoLoneSurrogates,
            Expected::AtMostNesting(127),
        ];
        for e in all {
            let (en, zh) = (e.text(Lang::En), e.text(Lang::Zh));
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
            assert_eq!(
                zh.matches('`').count() % 2,
                0,
                "{e:?}: unbalanced backticks"
            );
        }
    }
}
