//! The actors of a `bridges/2` dataset: providers and partners that are not countries (a multilateral
//! bank, an agency, an NGO, a private actor), declared once and named by id in the records.

/// What kind of actor a `bridges/2` dataset declares.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ActorKind {
    Country,
    Multilateral,
    Agency,
    Ngo,
    Private,
}

impl ActorKind {
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Country,
        ActorKind::Multilateral,
        ActorKind::Agency,
        ActorKind::Ngo,
        ActorKind::Private,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Multilateral => "multilateral",
            ActorKind::Agency => "agency",
            ActorKind::Ngo => "ngo",
            ActorKind::Private => "private",
        }
    }

    pub fn from_code(code: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What a provider that is not a country is, in `lang` (shown after its name); none for a country.
    pub fn label(self, lang: crate::i18n::Lang) -> Option<&'static str> {
        let t = crate::i18n::tp(lang);
        match self {
            ActorKind::Country => None,
            ActorKind::Multilateral => Some(t.kind_multilateral),
            ActorKind::Agency => Some(t.kind_agency_actor),
            ActorKind::Ngo => Some(t.kind_ngo),
            ActorKind::Private => Some(t.kind_private),
        }
    }
}

/// A provider or partner that a `bridges/2` dataset names by id (`"providers": ["ISDB"]`).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    /// 2–40 capital letters, digits, `_` or `-` ([`is_actor_id`]), e.g. `ISDB`.
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    /// Where the Chinese name comes from (e.g. "Bridges' translation" when no source writes one).
    pub name_zh_source: Option<String>,
    pub kind: ActorKind,
    /// ISO-3 code of its seat (or of the country it is).
    pub country: Option<String>,
    /// Whether it is a Southern actor (a developing country's, or an institution of them).
    pub southern: bool,
}

/// Whether `s` can be an actor's id: 2–40 capital letters, digits, `_` or `-`, with a capital letter,
/// and not three capital letters, so that an id never reads as an ISO-3 country code nor as an agency's
/// key (those are lower case: `/actors/<code>` tells them apart).
pub fn is_actor_id(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && s.bytes().any(|b| b.is_ascii_uppercase())
        && !(s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()))
}
