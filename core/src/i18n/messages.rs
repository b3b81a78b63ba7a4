//! URL, story and load-error messages in Chinese. The URL codec, the story reader and the load errors
//! write their "expected" texts (and `describe`'s "found" texts) in English, as data in `DataIssue`'s
//! `found`, `query::Notice` and `StoryIssue`; the interface translates them here. Each entry is an
//! English pattern with at most one `{}` slot and its Chinese template; a test runs the hostile corpus
//! and the URL codec and fails on any message without a translation. In the Chinese templates,
//! `backticks` mark codes (field names, parameter values) that the interface shows as code.
//!
//! What the validator expected of a project's value is not here: it is typed (`issue::Expected`) and
//! rendered in each language where it is defined.

use super::Lang;

/// `(English, Chinese)`: exact phrases, or patterns whose `{}` stands for a number, code or name that
/// is carried over unchanged.
const PHRASES: &[(&str, &str)] = &[
    // Dataset files.
    ("a JSON document", "JSON 文档"),
    ("an empty file", "空文件"),
    ("\"projects\" to be a list of project records", "“projects”为项目记录列表"),
    ("a \"projects\" list", "“projects”列表"),
    ("no \"projects\" field", "没有“projects”字段"),
    ("an object with \"schema\": \"{}\" and a \"projects\" list", "含有“schema”: “{}”和“projects”列表的对象"),
    ("a non-empty string", "非空字符串"),
    ("at most {} characters", "不超过{}个字符"),
    ("a string", "字符串"),
    ("an SDG number from 1 to 17", "1 至 17 的可持续发展目标编号"),
    ("a year from {}", "{}年份"),
    // What the tolerant JSON reader changed (the found texts of `json` and `repairs`).
    ("a number written with {} characters", "写成{}个字符的数"),
    ("deeper nesting", "更深的嵌套"),
    // Spreadsheet import (bridges-sheets' `describe`): a cell that was not read as it stands.
    ("formula {} has no saved value", "公式 {} 没有保存的值"),
    ("a spreadsheet error value", "电子表格错误值"),
    ("bytes invalid in the file's encoding", "文件编码中的无效字节"),
    ("no title", "没有名称"),
    ("same id as row {}", "与第 {} 行的编号相同"),
    ("no id: the row number is the id", "没有编号：以行号作为编号"),
    ("not a number", "不是数字"),
    ("a negative amount", "金额为负数"),
    ("not a year between 1900 and 2100", "不是 1900 至 2100 年之间的年份"),
    ("not a date in the chosen format", "不是所选格式的日期"),
    ("not a known status", "不是已知的状态"),
    ("not a known sector", "不是已知的部门"),
    ("not a known flow class", "不是已知的资金类别"),
    ("not a known country (did you mean {}?)", "不是已知的国家（是否为 {}？）"),
    ("not a known country", "不是已知的国家"),
    ("not yes or no", "不是“是”或“否”"),
    ("out of range", "超出范围"),
    ("not an http(s) link", "不是 `http(s)` 链接"),
    // Story files.
    ("an in-app path such as /explore, not an address with a scheme", "应用内路径，例如 `/explore`，而不是带协议的地址"),
    ("an in-app path such as /explore, not an address (no //)", "应用内路径，例如 `/explore`，而不是地址（不能含 `//`）"),
    ("an in-app path without ..", "不含 `..` 的应用内路径"),
    ("one of /, /explore, /map, /table, /about, /partners or /projects/<id>", "`/`、`/explore`、`/map`、`/table`、`/about`、`/partners` 或 `/projects/<id>` 之一"),
    ("/projects/ followed by a project id of 1–200 characters, escaped as one path segment (a%2Fb for a/b)", "`/projects/` 后接 1–200 个字符的项目编号，按一个路径段转义（`a/b` 写作 `a%2Fb`）"),
    ("the path alone; the URL state goes in \"query\"", "只写路径；网址状态写在“query”中"),
    ("a query string without # (no fragment)", "不含 `#` 的查询字符串"),
    ("built-in dataset ids such as \"aims\" or \"gcdf3~aims\"", "内置数据集编号，例如 \"aims\" 或 \"gcdf3~aims\""),
    ("a query string such as \"sector=230&from=2000&to=2009\"", "查询字符串，例如“sector=230&from=2000&to=2009”"),
    ("no language, theme, dataset, slide or embed parameter in a slide (the presenter chooses them)", "幻灯片中不能有语言、主题、数据集、幻灯片编号或嵌入参数（由演示者选择）"),
    ("a known placeholder: {count}, {amount}, {amount_known}, {countries}, {first_year}, {last_year}, {top_sector}, {top_country} or {top_region}", "已知的占位符：`{count}`、`{amount}`、`{amount_known}`、`{countries}`、`{first_year}`、`{last_year}`、`{top_sector}`、`{top_country}` 或 `{top_region}`"),
    ("a plain string (used as the English text)", "纯字符串（用作英文文本）"),
    ("an object {\"en\": …, \"zh\": …}", "对象 `{\"en\": …, \"zh\": …}`"),
    ("an object with \"format\": \"bridges-story/1\" and a \"slides\" list", "含有“format”: “bridges-story/1”和“slides”列表的对象"),
    ("an empty list", "空列表"),
    ("at least one usable slide", "至少一张可用的幻灯片"),
    ("{} slides, none usable", "{}张幻灯片，均不可用"),
    ("a slide object with view, query, title, narration and notes", "含有 `view`、`query`、`title`、`narration`、`notes` 的幻灯片对象"),
    // `describe`: what was found.
    ("nothing", "无"),
    ("null", "`null`"),
    ("an object", "对象"),
    ("a list of {} items", "含{}项的列表"),
    ("a list of {} item", "含{}项的列表"),
    // URL parameters.
    ("unknown parameter", "未知参数"),
    ("expected {}", "应为{}"),
    ("a whole amount such as 1000000", "整数金额，例如 1000000"),
    ("count or amount", "`count` 或 `amount`"),
    ("none, sector or status", "`none`、`sector` 或 `status`"),
    ("id, title, recipient, sector, year, amount or status, with -asc or -desc", "`id`、`title`、`recipient`、`sector`、`year`、`amount` 或 `status`，加 `-asc` 或 `-desc`"),
    ("a page number from 1", "从 1 开始的页码"),
    ("a zoom from 1 to {}", "1 至 {} 的缩放级别"),
    ("a number from {}", "{}之间的数"),
    ("en or zh", "`en` 或 `zh`"),
    ("light, dark, auto or projector", "`light`、`dark`、`auto` 或 `projector`"),
    ("an ISO-3 code such as AGO", "ISO 三字母代码，例如 `AGO`"),
    ("a country code in Bridges' reference tables", "Bridges 参考表中的国家代码"),
    ("a country code in Bridges' reference tables, or an actor the data declares", "Bridges 参考表中的国家代码，或数据声明的行为体"),
    ("a UN M49 region or sub-region in Bridges' reference tables", "Bridges 参考表中的联合国 M49 地区或次区域"),
    ("an OECD CRS sector code in Bridges' reference tables", "Bridges 参考表中的经合组织 CRS 部门代码"),
    ("an ISO-3 code such as CHN", "ISO 三字母代码，例如 `CHN`"),
    ("an ISO-3 code such as CHN, or an actor id such as ISDB", "ISO 三字母代码（例如 `CHN`）或行为体 id（例如 `ISDB`）"),
    ("a UN M49 code such as 002", "联合国 M49 代码，例如 002"),
    ("one of L, LM, UM, H", "`L`、`LM`、`UM`、`H` 之一"),
    ("a three-digit OECD CRS code", "三位数的经合组织 CRS 代码"),
    ("a status code such as completed", "状态代码，例如 `completed`"),
    ("a flow class such as oda_like", "资金类别代码，例如 `oda_like`"),
    ("countries, points or flows", "`countries`、`points` 或 `flows`"),
];

/// The message in `lang`, or `None` for Chinese when there is no translation (the caller then shows
/// the English, marked as English).
pub fn message(lang: Lang, english: &str) -> Option<String> {
    if lang == Lang::En {
        return Some(english.to_string());
    }
    for (en, zh) in PHRASES {
        if let Some((before, after)) = en.split_once("{}") {
            if english.len() >= before.len() + after.len()
                && english.starts_with(before)
                && english.ends_with(after)
            {
                let slot = &english[before.len()..english.len() - after.len()];
                // The slot is a value (a number, code or range), never more words to translate…
                // except "expected {}", whose slot is itself a phrase.
                if *en == "expected {}" {
                    return message(lang, slot).map(|inner| zh.replacen("{}", &inner, 1));
                }
                if !slot.is_empty() && !slot.contains(' ')
                    || before == "a year from "
                    || before == "a number from "
                    // A suggested country: a name (of several words) and its code.
                    || before == "not a known country (did you mean "
                {
                    let slot = slot.replace(" to ", " 至 ");
                    return Some(zh.replacen("{}", &slot, 1));
                }
            }
        } else if *en == english {
            return Some((*zh).to_string());
        }
    }
    // Found values that are the file's own text (quoted), numbers and booleans stay as they are.
    let verbatim = english.starts_with('"')
        || english.parse::<f64>().is_ok()
        || english == "true"
        || english == "false";
    verbatim.then(|| {
        if english.starts_with('"') {
            english.to_string()
        } else {
            format!("`{english}`")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_phrases_and_patterns() {
        assert_eq!(
            message(Lang::Zh, "a list of 3 items").as_deref(),
            Some("含3项的列表")
        );
        assert_eq!(
            message(Lang::Zh, "a year from 1900 to 2100").as_deref(),
            Some("1900 至 2100年份")
        );
        assert_eq!(
            message(Lang::Zh, "expected en or zh").as_deref(),
            Some("应为`en` 或 `zh`")
        );
        assert_eq!(
            message(Lang::Zh, "not a known country (did you mean kenya (KEN)?)").as_deref(),
            Some("不是已知的国家（是否为 kenya (KEN)？）")
        );
        assert_eq!(message(Lang::Zh, "\"lots\"").as_deref(), Some("\"lots\""));
        assert_eq!(message(Lang::Zh, "something new"), None);
        assert_eq!(
            message(Lang::En, "something new").as_deref(),
            Some("something new")
        );
    }
}
