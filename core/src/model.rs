//! The typed dataset: what the rest of Bridges works with once a file has been validated.
//!
//! Every value that a source may not know is an `Option` or an empty list: unknown is never zero.

/// The schema identifier of a project dataset whose providers and partners are countries.
pub const SCHEMA: &str = "bridges/1";
/// The schema step that adds `actors`: providers and partners that are not countries (a multilateral
/// bank, an agency, an NGO), which records name by id. A reader takes both.
pub const SCHEMA_2: &str = "bridges/2";
/// The schema identifier of the reference tables (countries, regions, SDGs, sectors).
pub const REFERENCE_SCHEMA: &str = "bridges-reference/1";

/// Where a project stands, following AidData's six status categories.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Status {
    PipelinePledge,
    PipelineCommitment,
    Implementation,
    Completed,
    Suspended,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::PipelinePledge,
        Status::PipelineCommitment,
        Status::Implementation,
        Status::Completed,
        Status::Suspended,
        Status::Cancelled,
    ];

    /// The stable code used in dataset files and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Status::PipelinePledge => "pipeline_pledge",
            Status::PipelineCommitment => "pipeline_commitment",
            Status::Implementation => "implementation",
            Status::Completed => "completed",
            Status::Suspended => "suspended",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = crate::i18n::t(lang);
        match self {
            Status::PipelinePledge => t.status_pipeline_pledge,
            Status::PipelineCommitment => t.status_pipeline_commitment,
            Status::Implementation => t.status_implementation,
            Status::Completed => t.status_completed,
            Status::Suspended => t.status_suspended,
            Status::Cancelled => t.status_cancelled,
        }
    }
}

/// OECD-DAC style flow class, as AidData codes it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FlowClass {
    OdaLike,
    OofLike,
    VagueOfficialFinance,
    /// "CA" as coded in GCDF 2.0 (kept as the source has it).
    Ca,
    Military,
}

impl FlowClass {
    pub const ALL: [FlowClass; 5] = [
        FlowClass::OdaLike,
        FlowClass::OofLike,
        FlowClass::VagueOfficialFinance,
        FlowClass::Ca,
        FlowClass::Military,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FlowClass::OdaLike => "oda_like",
            FlowClass::OofLike => "oof_like",
            FlowClass::VagueOfficialFinance => "vague_of",
            FlowClass::Ca => "ca",
            FlowClass::Military => "military",
        }
    }

    pub fn from_code(code: &str) -> Option<FlowClass> {
        FlowClass::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = crate::i18n::t(lang);
        match self {
            FlowClass::OdaLike => t.flow_oda_like,
            FlowClass::OofLike => t.flow_oof_like,
            FlowClass::VagueOfficialFinance => t.flow_vague,
            FlowClass::Ca => t.flow_ca,
            FlowClass::Military => t.flow_military,
        }
    }
}

/// A World Bank income group (FY2023 classification), as recipient countries carry it in the reference
/// tables. The codes are the URL's (`income=L~LM`) and reference.json's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Income {
    Low,
    LowerMiddle,
    UpperMiddle,
    High,
}

// Ordered by code, as the URL lists them (`income=H~L~LM~UM`): sets of income groups write the same
// links as when they were sets of codes.
impl Ord for Income {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Income {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Income {
    /// From the poorest group to the richest, the order the income facet shows.
    pub const ALL: [Income; 4] = [
        Income::Low,
        Income::LowerMiddle,
        Income::UpperMiddle,
        Income::High,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Income::Low => "L",
            Income::LowerMiddle => "LM",
            Income::UpperMiddle => "UM",
            Income::High => "H",
        }
    }

    pub fn from_code(code: &str) -> Option<Income> {
        Income::ALL.into_iter().find(|g| g.code() == code)
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = crate::i18n::t(lang);
        match self {
            Income::Low => t.income_l,
            Income::LowerMiddle => t.income_lm,
            Income::UpperMiddle => t.income_um,
            Income::High => t.income_h,
        }
    }
}

pub use crate::actor::{is_actor_id, Actor, ActorKind};

/// A partner's role: the triangular roles, and (`bridges/2`) co-financing or implementing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PartnerRole {
    Provider,
    Pivot,
    Beneficiary,
    CoFinancier,
    Implementing,
}

impl PartnerRole {
    pub const ALL: [PartnerRole; 5] = [
        PartnerRole::Provider,
        PartnerRole::Pivot,
        PartnerRole::Beneficiary,
        PartnerRole::CoFinancier,
        PartnerRole::Implementing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PartnerRole::Provider => "provider",
            PartnerRole::Pivot => "pivot",
            PartnerRole::Beneficiary => "beneficiary",
            PartnerRole::CoFinancier => "co_financier",
            PartnerRole::Implementing => "implementing",
        }
    }

    pub fn from_code(code: &str) -> Option<PartnerRole> {
        PartnerRole::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The role's name in `lang` ("co-financier", "联合出资方").
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        let t = crate::i18n::tp(lang);
        match self {
            PartnerRole::Provider => t.partner_provider,
            PartnerRole::Pivot => t.partner_pivot,
            PartnerRole::Beneficiary => t.partner_beneficiary,
            PartnerRole::CoFinancier => t.partner_co_financier,
            PartnerRole::Implementing => t.partner_implementing,
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sector {
    /// OECD CRS three-digit sector code.
    pub code: u16,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Partner {
    /// An ISO-3 country code, or (`bridges/2`) the id of one of the dataset's [`Actor`]s.
    pub actor: String,
    pub role: PartnerRole,
}

/// Years; each may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Years {
    pub commitment: Option<i32>,
    pub start: Option<i32>,
    pub completion: Option<i32>,
}

/// Exact dates (ISO 8601 `YYYY-MM-DD`) where the source has them.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dates {
    pub commitment: Option<String>,
    pub start: Option<String>,
    pub completion: Option<String>,
}

/// A money amount with what it is measured in. A project without one has `amount: None`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    pub value: f64,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// e.g. `constant 2021`; amounts of different price bases are never added together.
    pub price_base: String,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Agencies {
    pub funding: Vec<String>,
    pub receiving: Vec<String>,
    pub implementing: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Location {
    pub lon: f64,
    pub lat: f64,
    /// `adm1`, `adm2`, `precise`, … as the source states.
    pub level: Option<String>,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SourceLink {
    pub url: String,
    pub label: Option<String>,
}

/// Values that came from another release of the source, and which fields they fill.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Enrichment {
    pub source: String,
    pub fields: Vec<String>,
}

/// `Default` is an empty record (no id, no title): for tests that set only what they check.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Project {
    pub id: String,
    pub title: String,
    pub title_zh: Option<String>,
    pub description: Option<String>,
    pub status: Option<Status>,
    pub sector: Option<Sector>,
    /// Indicative SDG numbers (1–17).
    pub sdgs: Vec<u8>,
    /// ISO 3166-1 alpha-3 codes of recipient countries.
    pub recipients: Vec<String>,
    /// Label of a regional (multi-country) project, e.g. "Africa, regional".
    pub regional: Option<String>,
    /// ISO-3 codes of provider countries, and (`bridges/2`) ids of the dataset's [`Actor`]s.
    pub providers: Vec<String>,
    pub partners: Vec<Partner>,
    pub years: Years,
    pub dates: Dates,
    pub amount: Option<Amount>,
    pub flow_class: Option<FlowClass>,
    pub flow_type: Option<String>,
    pub agencies: Agencies,
    pub infrastructure: Option<bool>,
    pub locations: Vec<Location>,
    pub sources: Vec<SourceLink>,
    pub enrichment: Option<Enrichment>,
}

/// Dataset-level facts: where it comes from and how to cite it.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: String,
    pub publisher: Option<String>,
    pub citation: Option<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    pub generated_by: Option<String>,
    /// The price base most amounts use; the headline reports that one.
    pub price_base: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dataset {
    pub meta: Meta,
    pub projects: Vec<Project>,
    /// The actors a `bridges/2` file declares (providers and partners that records name by id).
    pub actors: Vec<Actor>,
    /// When several datasets were loaded as one (the catalogue's `union`): each one's id, title and
    /// first record, in record order, so that every record keeps its source. Empty for one dataset.
    pub parts: Vec<Part>,
}

/// One of several datasets loaded together: its records are `projects[start..]` up to the next
/// part's `start`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Part {
    /// The catalogue id (`gcdf3`), as in `dataset=` and `source=`.
    pub id: String,
    pub title: String,
    /// The catalogue's Chinese title, when the app knows it.
    pub title_zh: Option<String>,
    pub start: usize,
}

impl Dataset {
    /// The declared actor `id`, if any.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The part record `i` comes from, by its position in [`Dataset::parts`]; `None` for one dataset.
    pub fn part_of(&self, i: usize) -> Option<usize> {
        match self.parts.partition_point(|p| p.start <= i) {
            0 => None,
            k => Some(k - 1),
        }
    }
}
