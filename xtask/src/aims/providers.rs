//! Which donors are Southern providers: countries and Southern multilaterals, by their exact donor strings.

/// A Southern provider: a country (written as ISO-3 in `providers`) or a Southern multilateral (written
/// by its actor id, and declared in the file's `actors`: [`MULTILATERALS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Country,
    Multilateral,
}

/// (code, kind, English name, the exact donor strings of the source that name it). A donor string is
/// matched whole, after trimming and turning no-break spaces into spaces; nothing else is a provider.
pub const PROVIDERS: &[(&str, Kind, &str, &[&str])] = &[
    (
        "ARE",
        Kind::Country,
        "United Arab Emirates",
        &["United Arab Emirates"],
    ),
    ("ARG", Kind::Country, "Argentina", &["Argentina"]),
    ("AZE", Kind::Country, "Azerbaijan", &["Azerbaijan"]),
    ("BOL", Kind::Country, "Bolivia", &["Bolivia"]),
    (
        "BRA",
        Kind::Country,
        "Brazil",
        &[
            "BRAZIL",
            "Brazil",
            "Embassy of Brazil",
            "Agência Brasileira de Cooperação (Brazil)",
        ],
    ),
    ("CHL", Kind::Country, "Chile", &["Chile"]),
    ("CRI", Kind::Country, "Costa Rica", &["Costa Rica"]),
    (
        "CHN",
        Kind::Country,
        "China",
        &[
            "China",
            "Chinese Embassy",
            "Chinese Ministry of Foreign Affairs",
            "Embassy of China",
            "Chinese Agency of International Cooperation",
            "The People's Republic of China",
        ],
    ),
    ("ECU", Kind::Country, "Ecuador", &["Ecuador"]),
    ("EGY", Kind::Country, "Egypt", &["Egypt"]),
    ("GTM", Kind::Country, "Guatemala", &["Guatemala"]),
    ("HND", Kind::Country, "Honduras", &["Honduras"]),
    ("IDN", Kind::Country, "Indonesia", &["Indonesia"]),
    (
        "IND",
        Kind::Country,
        "India",
        &[
            "India",
            "Embassy of India",
            "Export-Import Bank of India",
            "Eximbank India",
            "India Exim Bank",
            "Exim Bank (India)",
        ],
    ),
    (
        "KWT",
        Kind::Country,
        "Kuwait",
        &[
            "Kuwait",
            "Kuwait Fund",
            "Kuwait Fund for Arab Economic Development",
            "Kuwait fund for Arab Economic development",
            "Kuwait Fund for Development",
        ],
    ),
    ("MAR", Kind::Country, "Morocco", &["Morocco"]),
    ("MDG", Kind::Country, "Madagascar", &["Madagascar"]),
    ("MEX", Kind::Country, "Mexico", &["Mexico"]),
    ("NGA", Kind::Country, "Nigeria", &["Nigeria"]),
    (
        "SAU",
        Kind::Country,
        "Saudi Arabia",
        &[
            "Saudi Arabia",
            "Saudi Fund",
            "Saudi Fund for Development",
            "Saudi Development Fund",
            "Saudi Ministry of Foreign Affairs",
        ],
    ),
    ("SGP", Kind::Country, "Singapore", &["Singapore"]),
    (
        "THA",
        Kind::Country,
        "Thailand",
        &["Thailand", "Thailand Ministry of Foreign Affairs"],
    ),
    (
        "TUR",
        Kind::Country,
        "Türkiye",
        &[
            "Turkey",
            "Embassy of Turkey",
            "Istanbul Metropolitan Municipality",
            "The Turkish Cooperation and Coordination Agency",
        ],
    ),
    ("URY", Kind::Country, "Uruguay", &["Uruguay"]),
    (
        "ZAF",
        Kind::Country,
        "South Africa",
        &["Embassy of South Africa"],
    ),
    (
        "BADEA",
        Kind::Multilateral,
        "Arab Bank for Economic Development in Africa (BADEA)",
        &[
            "BADEA",
            "Arab Bank of Economic Development in Africa",
            "Arab Bank for Economic Development in Africa",
            "Arab Bank for Economic Development in Africa (BADEA)",
        ],
    ),
    (
        "ISDB",
        Kind::Multilateral,
        "Islamic Development Bank",
        &["Islamic Development Bank", "Islamic Development Bank (IDB)"],
    ),
    (
        "OFID",
        Kind::Multilateral,
        "OPEC Fund for International Development",
        &[
            "OPEC",
            "OPEC Fund for International Development (OFID)",
            "OPEC Fund for Inernational Development",
            "Organization of Petroleum Exporting Countries (OPEC)",
            "Organization of the Petroleum Exporting Countries",
            "Organisation of Petroleum Exporting Countries",
        ],
    ),
];

/// The Southern multilaterals as `bridges/2` actors. Chinese names: 伊斯兰开发银行 as the Ministry of
/// Commerce's site writes it; 欧佩克国际发展基金 as Xinhua and People's Daily write it; no Chinese text by
/// BADEA itself was found, so 阿拉伯非洲经济开发银行 is Bridges' translation (docs/dataset.md).
pub static MULTILATERALS: std::sync::LazyLock<Vec<bridges_core::model::Actor>> =
    std::sync::LazyLock::new(|| {
        use bridges_core::model::{Actor, ActorKind};
        let actor = |id: &str, en: &str, zh: &str, zh_source: &str, seat: &str| Actor {
            id: id.into(),
            name_en: en.into(),
            name_zh: Some(zh.into()),
            name_zh_source: Some(zh_source.into()),
            kind: ActorKind::Multilateral,
            country: Some(seat.into()),
            southern: true,
        };
        vec![
            actor(
                "BADEA",
                "Arab Bank for Economic Development in Africa (BADEA)",
                "阿拉伯非洲经济开发银行",
                "Bridges' translation",
                "SDN",
            ),
            actor(
                "ISDB",
                "Islamic Development Bank",
                "伊斯兰开发银行",
                "Ministry of Commerce of the People's Republic of China",
                "SAU",
            ),
            actor(
                "OFID",
                "OPEC Fund for International Development",
                "欧佩克国际发展基金",
                "Xinhua; People's Daily",
                "AUT",
            ),
        ]
    });

/// Donors that are countries but not Southern providers (DAC members, and Russia): (ISO-3, the exact donor
/// strings of the kept projects that name them). Such a donor, listed on a project beside a Southern
/// provider, is written as a `co_financier` partner: the `donors` field lists the project's funders, so
/// every listed donor funds it. Agencies and embassies are their country's. Multilateral and other
/// co-donors (UNDP, the African Development Fund, a commercial bank…) stay in `agencies.funding` only;
/// ambiguous strings (`DRF UK`) are not matched. docs/dataset.md lists the same table.
pub const CO_FINANCIERS: &[(&str, &[&str])] = &[
    (
        "AUS",
        &[
            "Australia",
            "Australian Agency for International Development",
            "Australian Aid Program",
            "DFAT - Australian Aid Program",
        ],
    ),
    ("AUT", &["Embassy of Austria"]),
    ("BEL", &["Belgium", "Embassy of Belgium"]),
    (
        "CAN",
        &[
            "Canadian International Development Agency (CIDA)",
            "Embassy of Canada",
        ],
    ),
    (
        "CHE",
        &[
            "Embassy of Switzerland",
            "Government of Switzerland",
            "Swiss Agency for Development and Cooperation",
            "Swiss Agency for Development and Cooperation (SDC)",
            "Switzerland",
        ],
    ),
    (
        "DEU",
        &[
            "Embassy of Germany",
            "Federal Ministry for Economic Cooperation and Development",
            "Federal Ministry of Economic Cooperation and Development",
            "Germany",
        ],
    ),
    ("DNK", &["DENMARK Ministry of Foreign Affairs", "Denmark"]),
    ("ESP", &["Embassy of Spain", "Spain"]),
    ("FIN", &["FINLAND Ministry of Foreign Affairs", "Finland"]),
    (
        "FRA",
        &["Embassy of France", "Embassy of France in Burundi"],
    ),
    (
        "GBR",
        &[
            "Department for International Development",
            "Department for International Development (DFID)",
            "Embassy of The United Kingdom",
            "United Kingdom",
        ],
    ),
    ("GRC", &["Greece", "Ministry of Foreign Affairs of Greece"]),
    ("IRL", &["Departement of Foreign Affairs Irland"]),
    ("ITA", &["Embassy of Italy", "Government of Italy", "Italy"]),
    (
        "JPN",
        &[
            "Embassy of Japan",
            "Government Of Japan",
            "Japan",
            "Japan International Cooperation Agency",
            "Japan International Cooperation Agency (JICA)",
        ],
    ),
    ("KOR", &["South Korea"]),
    ("LUX", &["Ministry of Etragères Luxembourgeoises Affairs"]),
    ("NLD", &["Embassy of Netherlands", "Netherlands"]),
    (
        "NOR",
        &[
            "Embassy of Norway",
            "Norway",
            "Norwegian Ministry of Foreign Affairs",
        ],
    ),
    ("RUS", &["Embassy of Russia"]),
    ("SVN", &["Ministry of Etranères Affairs of Slovenia"]),
    (
        "SWE",
        &[
            "Embassy of Sweden",
            "Ministry of Foreign Affairs of Sweden",
            "Sweden",
        ],
    ),
    (
        "USA",
        &[
            "Embassy of The United States",
            "OFDA (office Of Foreign Disaster Assistance)",
            "Office of Food for Peace",
            "United States Agency for International Development",
            "United States Of America",
        ],
    ),
];

/// The co-financing country a donor string names, if any (exact match, see [`CO_FINANCIERS`]); never the
/// release's own recipient.
pub fn co_financier_of(donor: &str, recipient: &str) -> Option<&'static str> {
    listing(CO_FINANCIERS, |(_, names)| names, donor)
        .map(|(code, _)| *code)
        .filter(|code| *code != recipient)
}

/// The entry of `table` whose donor strings (`names`) include `donor`, cleaned: the one lookup of
/// [`provider_of`] and [`co_financier_of`].
fn listing<T>(
    table: &'static [T],
    names: impl Fn(&T) -> &[&str],
    donor: &str,
) -> Option<&'static T> {
    let d = clean(donor);
    table.iter().find(|e| names(e).contains(&d.as_str()))
}

/// A donor string as Bridges keeps it: trimmed, no-break spaces as spaces.
pub fn clean(s: &str) -> String {
    s.replace('\u{a0}', " ").trim().to_string()
}

/// The Southern provider a donor string names, if any (exact match, see [`PROVIDERS`]). A string that
/// names the release's own recipient (domestic counterpart funds) is not a provider.
pub fn provider_of(donor: &str, recipient: &str) -> Option<(&'static str, Kind)> {
    listing(PROVIDERS, |(_, _, _, names)| names, donor)
        .map(|(code, kind, _, _)| (*code, *kind))
        .filter(|(code, _)| *code != recipient)
}

/// The donor strings of a `donors` field, cleaned, in source order, without repeats.
pub fn donors(field: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in field.split('|').map(clean).filter(|d| !d.is_empty()) {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}
