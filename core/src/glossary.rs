//! Chinese-aware search. A Chinese query term is looked up in this glossary of domain terms and
//! searched as any of its English equivalents, so 水电 finds "hydropower" and 医院 finds "hospital".
//! Country and sector names need no entry: the searchable text of each project also holds its
//! recipients' and sector's names in English and Chinese (from the reference tables).
//! The table is the project's own; docs/glossary.md lists it. Terms are matched as substrings of
//! folded (lower-case, accent-free) text, so "agricultur" covers agriculture and agricultural.

/// (Chinese term, English equivalents).
pub const GLOSSARY: &[(&str, &[&str])] = &[
    ("水电站", &["hydropower", "hydroelectric", "hydro power"]),
    ("水电", &["hydropower", "hydroelectric", "hydro power"]),
    ("医院", &["hospital"]),
    ("医疗队", &["medical team"]),
    ("医疗", &["medical", "health"]),
    ("农业", &["agricultur", "farm"]),
    (
        "农业示范中心",
        &[
            "agricultural demonstration",
            "agriculture technology demonstration",
        ],
    ),
    ("学校", &["school"]),
    ("大学", &["university"]),
    ("孔子学院", &["confucius"]),
    ("奖学金", &["scholarship"]),
    ("培训", &["training"]),
    ("公路", &["road", "highway"]),
    ("道路", &["road"]),
    ("铁路", &["railway", "railroad", "rail line"]),
    ("桥", &["bridge"]),
    (
        "港口",
        &["seaport", "port of", " port ", "harbor", "harbour"],
    ),
    ("机场", &["airport"]),
    ("电站", &["power plant", "power station"]),
    ("发电厂", &["power plant", "power station"]),
    ("太阳能", &["solar"]),
    ("风电", &["wind power", "wind farm"]),
    ("体育场", &["stadium"]),
    ("粮食援助", &["food aid", "food assistance"]),
    ("地震", &["earthquake"]),
    ("洪水", &["flood"]),
    ("供水", &["water supply"]),
    ("电信", &["telecom"]),
    ("大坝", &["dam"]),
    ("贷款", &["loan"]),
    ("优惠贷款", &["concessional loan"]),
    ("议会", &["parliament"]),
    ("住房", &["housing"]),
    ("疟疾", &["malaria"]),
    ("埃博拉", &["ebola"]),
    ("新冠", &["covid"]),
    ("疫苗", &["vaccin"]),
    ("债务", &["debt"]),
    ("光纤", &["fiber", "fibre"]),
    ("电视", &["television"]),
    ("大使馆", &["embassy"]),
    ("志愿者", &["volunteer"]),
    ("水稻", &["rice"]),
    ("渔业", &["fishing", "fisher"]),
    ("采矿", &["mining"]),
    ("石油", &["oil", "petroleum"]),
    ("天然气", &["natural gas", " gas "]),
    ("水泥", &["cement"]),
    ("纺织", &["textile"]),
    (
        "会议中心",
        &["conference center", "conference centre", "convention"],
    ),
    ("警察", &["police"]),
    ("军事", &["military"]),
    ("图书馆", &["library"]),
    ("灌溉", &["irrigation"]),
    ("紧急援助", &["emergency", "relief"]),
    ("人道主义", &["humanitarian"]),
];

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// The search terms for a query: one list of alternatives per word, all folded. A row matches when,
/// for every word, its text contains one of that word's alternatives. A Chinese word matches itself
/// (titles, country and sector names) or the English equivalents of the longest glossary term in it.
pub fn search_terms(query: &str) -> Vec<Vec<String>> {
    search_terms_with(query, &[])
}

/// As [`search_terms`], with extra (Chinese, folded English) name pairs: a Chinese country or sector
/// name also finds records that mention the English name.
pub fn search_terms_with(query: &str, names: &[(String, String)]) -> Vec<Vec<String>> {
    let folded = crate::text::fold(query);
    folded
        .split_whitespace()
        .map(|word| {
            let mut alternatives = vec![word.to_string()];
            if word.chars().any(is_cjk) {
                if let Some((_, english)) = GLOSSARY
                    .iter()
                    .filter(|(zh, _)| word.contains(zh))
                    .max_by_key(|(zh, _)| zh.chars().count())
                {
                    alternatives.extend(english.iter().map(|e| e.to_string()));
                }
                alternatives.extend(
                    names
                        .iter()
                        .filter(|(zh, _)| !zh.is_empty() && zh == word)
                        .map(|(_, en)| en.clone()),
                );
            }
            alternatives
        })
        .collect()
}

/// Whether folded `text` matches the terms of [`search_terms`].
pub fn matches(text: &str, terms: &[Vec<String>]) -> bool {
    terms
        .iter()
        .all(|alternatives| alternatives.iter().any(|a| text.contains(a.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_terms_expand_and_english_stays_literal() {
        assert_eq!(
            search_terms("Hydropower"),
            vec![vec!["hydropower".to_string()]]
        );
        let t = search_terms("水电站");
        assert!(t[0].contains(&"hydropower".to_string()) && t[0][0] == "水电站");
        assert!(matches("small hydropower station", &search_terms("水电")));
        assert!(matches("angola\n安哥拉", &search_terms("安哥拉")));
        assert!(!matches("a school", &search_terms("医院")));
        assert!(matches("hospital in luanda", &search_terms("医院 luanda")));
    }
}
