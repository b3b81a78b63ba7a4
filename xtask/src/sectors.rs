//! AidData sector names → OECD CRS three-digit codes, Bridges' English and Chinese names, and the
//! project's own *indicative* SDG mapping. There is no official sector-to-SDG mapping for these
//! records; docs/dataset.md explains each choice and the app labels SDGs as indicative.

/// (AidData sector name, CRS code, English name, Chinese name, indicative SDGs)
pub const SECTORS: &[(&str, u16, &str, &str, &[u8])] = &[
    ("EDUCATION", 110, "Education", "教育", &[4]),
    ("HEALTH", 120, "Health", "卫生", &[3]),
    (
        "POPULATION POLICIES/PROGRAMMES AND REPRODUCTIVE HEALTH",
        130,
        "Population policies and reproductive health",
        "人口政策与生殖健康",
        &[3, 5],
    ),
    (
        "WATER SUPPLY AND SANITATION",
        140,
        "Water supply and sanitation",
        "供水与卫生设施",
        &[6],
    ),
    (
        "GOVERNMENT AND CIVIL SOCIETY",
        150,
        "Government and civil society",
        "政府与公民社会",
        &[16],
    ),
    (
        "OTHER SOCIAL INFRASTRUCTURE AND SERVICES",
        160,
        "Other social infrastructure and services",
        "其他社会基础设施与服务",
        &[1, 11],
    ),
    (
        "TRANSPORT AND STORAGE",
        210,
        "Transport and storage",
        "运输与仓储",
        &[9, 11],
    ),
    ("COMMUNICATIONS", 220, "Communications", "通信", &[9]),
    ("ENERGY", 230, "Energy", "能源", &[7]),
    (
        "BANKING AND FINANCIAL SERVICES",
        240,
        "Banking and financial services",
        "银行与金融服务",
        &[8],
    ),
    (
        "BUSINESS AND OTHER SERVICES",
        250,
        "Business and other services",
        "商业及其他服务",
        &[8],
    ),
    (
        "AGRICULTURE, FORESTRY, FISHING",
        310,
        "Agriculture, forestry, fishing",
        "农业、林业、渔业",
        &[2],
    ),
    (
        "INDUSTRY, MINING, CONSTRUCTION",
        320,
        "Industry, mining, construction",
        "工业、采矿、建筑",
        &[8, 9],
    ),
    (
        "TRADE POLICIES AND REGULATIONS",
        330,
        "Trade policies and regulations",
        "贸易政策与法规",
        &[17],
    ),
    (
        "GENERAL ENVIRONMENTAL PROTECTION",
        410,
        "General environmental protection",
        "一般环境保护",
        &[13, 15],
    ),
    (
        "OTHER MULTISECTOR",
        430,
        "Other multisector",
        "其他多部门",
        &[11],
    ),
    (
        "GENERAL BUDGET SUPPORT",
        510,
        "General budget support",
        "一般预算支持",
        &[17],
    ),
    (
        "DEVELOPMENTAL FOOD AID/FOOD SECURITY ASSISTANCE",
        520,
        "Development food assistance",
        "发展性粮食援助",
        &[2],
    ),
    (
        "OTHER COMMODITY ASSISTANCE",
        530,
        "Other commodity assistance",
        "其他商品援助",
        &[1],
    ),
    (
        "ACTION RELATING TO DEBT",
        600,
        "Action relating to debt",
        "债务相关行动",
        &[17],
    ),
    (
        "EMERGENCY RESPONSE",
        720,
        "Emergency response",
        "紧急救援",
        &[1, 11],
    ),
    (
        "RECONSTRUCTION RELIEF AND REHABILITATION",
        730,
        "Reconstruction relief and rehabilitation",
        "重建救济与恢复",
        &[11],
    ),
    (
        "DISASTER PREVENTION AND PREPAREDNESS",
        740,
        "Disaster prevention and preparedness",
        "防灾与备灾",
        &[11, 13],
    ),
    (
        "UNALLOCATED/UNSPECIFIED",
        998,
        "Unallocated / unspecified",
        "未分配/未指明",
        &[],
    ),
];

pub fn by_aiddata_name(
    name: &str,
) -> Option<&'static (&'static str, u16, &'static str, &'static str, &'static [u8])> {
    SECTORS.iter().find(|s| s.0 == name)
}
