//! Partner finder: "we are <country> and want to work on <sector / SDG / words>". Ranks (a) actors
//! with experience in that field, (b) recipient countries that received such projects (peers to learn
//! from) and (c) the projects themselves, preferring contexts like the asking country's (same region,
//! same income group). Every count comes with the rows it counts; what the data cannot say is
//! returned as [`Gap`]s.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::columns::{Columns, INCOME_CODES, INCOME_UNKNOWN, NO_REGION};
use crate::crossfilter::Engine;
use crate::similar::Row;
use crate::state::Filters;

use super::actors::{Actor, ActorId, Actors, Role};
use super::profile::Amounts;

/// The field of work. Empty parts do not narrow; all given parts must hold (as in the atlas's
/// filters: any of the sectors, any of the SDGs, every word, Chinese words through the glossary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Field {
    pub sectors: BTreeSet<u16>,
    pub sdgs: BTreeSet<u8>,
    pub words: String,
}

impl Field {
    /// The atlas filters that select the field's records.
    pub fn filters(&self) -> Filters {
        Filters {
            sectors: self.sectors.clone(),
            sdgs: self.sdgs.clone(),
            q: self.words.clone(),
            ..Filters::default()
        }
    }
}

/// The finder's question as the URL holds it (the atlas's own filter parameters): the asking country
/// is the first of `country=`, the field is `sector=`, `sdg=` and `q=`; every other filter is not part
/// of the question.
pub fn question(filters: &Filters) -> (Option<String>, Field) {
    (
        filters.countries.iter().next().cloned(),
        Field {
            sectors: filters.sectors.clone(),
            sdgs: filters.sdgs.clone(),
            words: filters.q.clone(),
        },
    )
}

/// The field's records, exactly as the atlas's filters would select them.
pub fn field_rows(engine: &mut Engine, field: &Field) -> Vec<Row> {
    engine.matching(&field.filters())
}

/// How many of a group's records are in contexts like the asking country's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Contexts {
    pub total: u32,
    /// In the asking country itself.
    pub in_country: u32,
    /// In a country of the asking country's region (itself included).
    pub same_region: u32,
    /// In a country of the asking country's income group (itself included).
    pub same_income: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorRank {
    pub id: ActorId,
    pub display: String,
    /// The sum of the records' context weights ([`context_weight`]): the ranking key.
    pub score: u32,
    pub projects: Contexts,
    /// Records per role the actor had in them.
    pub roles: BTreeMap<Role, u32>,
    /// Recipient countries of its records in the field.
    pub countries: u32,
    /// Up to [`EXAMPLES`] of its records, closest context first.
    pub examples: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PeerRank {
    /// ISO-3.
    pub country: String,
    pub score: u32,
    pub projects: u32,
    pub same_region: bool,
    pub same_income: bool,
    pub amounts: Amounts,
    pub examples: Vec<Row>,
}

/// What the answer cannot know, with how many matched records each limit touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// No record is in the field.
    NoRecords,
    /// The asking country is not in the reference tables: contexts cannot be compared.
    UnknownCountry(String),
    /// The asking country has no region or income group in the tables.
    NoContext(String),
    /// Records whose amount is unknown (not zero).
    AmountUnknown(u32),
    /// Records with an amount in another currency or price base (not added).
    AmountOtherCurrency(u32),
    /// Records that name no agency at all.
    NoAgency(u32),
    /// Records whose only agency is the source's placeholder ("Unspecified …").
    PlaceholderAgency(u32),
    /// Records without a recipient country (regional).
    NoRecipient(u32),
    YearUnknown(u32),
    /// Every record has this one provider: the data only knows this provider's projects.
    SingleProvider(String),
}

/// Examples kept per actor and per peer.
pub const EXAMPLES: usize = 5;

/// The answer: every list is traceable to rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub actors: Vec<ActorRank>,
    pub peers: Vec<PeerRank>,
    /// The field's records, closest context first, then most recent.
    pub rows: Vec<Row>,
    pub projects: Contexts,
    pub gaps: Vec<Gap>,
}

/// A record counts 1, plus 2 if it is in the asking country's region, plus 1 if in its income group:
/// experience in a similar context is worth more, but experience elsewhere still counts.
pub fn context_weight(same_region: bool, same_income: bool) -> u32 {
    1 + 2 * same_region as u32 + same_income as u32
}

struct Asking {
    country: Option<usize>,
    region: u8,
    income: u8,
}

/// Where a record is, compared with the asking country.
#[derive(Clone, Copy)]
struct Place {
    here: bool,
    region: bool,
    income: bool,
}

fn context(cols: &Columns, a: &Asking, row: usize) -> Place {
    let (mut here, mut region, mut income) = (false, false, false);
    for &k in cols.row_countries(row) {
        let k = k as usize;
        here |= a.country == Some(k);
        region |= a.region != NO_REGION && cols.country_region.get(k) == Some(&a.region);
        income |= a.income != INCOME_UNKNOWN && cols.country_income.get(k) == Some(&a.income);
    }
    Place {
        here,
        region,
        income,
    }
}

/// Ranks actors, peer countries and records of the field's `rows` for the country `iso3`.
pub fn find(cols: &Columns, actors: &Actors, iso3: &str, rows: &[Row]) -> Finding {
    let country = cols.country_index(iso3);
    let asking = Asking {
        country,
        region: country
            .and_then(|k| cols.country_region.get(k).copied())
            .unwrap_or(NO_REGION),
        income: country
            .and_then(|k| cols.country_income.get(k).copied())
            .unwrap_or(INCOME_UNKNOWN),
    };
    let mut gaps = Vec::new();
    if country.is_none() {
        gaps.push(Gap::UnknownCountry(iso3.to_string()));
    } else if asking.region == NO_REGION || asking.income == INCOME_UNKNOWN {
        gaps.push(Gap::NoContext(iso3.to_string()));
    }
    let rows: Vec<Row> = rows
        .iter()
        .copied()
        .filter(|&r| (r as usize) < cols.len)
        .collect();
    let mut weighted: Vec<(u32, i32, Row, Place)> = rows
        .iter()
        .map(|&r| {
            let c = context(cols, &asking, r as usize);
            let year = cols
                .year
                .get(r as usize)
                .and_then(|&y| cols.year_of_code(y as usize));
            (
                context_weight(c.region, c.income),
                year.unwrap_or(i32::MIN),
                r,
                c,
            )
        })
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));

    let mut projects = Contexts::default();
    let mut by_actor: HashMap<u32, ActorRank> = HashMap::new();
    let mut actor_countries: HashMap<u32, BTreeSet<u16>> = HashMap::new();
    let mut by_peer: BTreeMap<u16, PeerRank> = BTreeMap::new();
    let (mut amounts, mut no_agency, mut placeholder_only, mut no_recipient, mut no_year) =
        (Amounts::default(), 0, 0, 0, 0);
    let mut providers: BTreeSet<Vec<u16>> = BTreeSet::new();
    for &(
        weight,
        year,
        row,
        Place {
            here,
            region,
            income,
        },
    ) in &weighted
    {
        let i = row as usize;
        count(&mut projects, here, region, income);
        amounts.add(cols, row);
        no_year += (year == i32::MIN) as u32;
        providers.insert(cols.row_providers(i).to_vec());
        let mut agencies = 0;
        let mut real_agencies = 0;
        for &idx in actors.of_row(row) {
            let Some(actor) = actors.list.get(idx as usize) else {
                continue;
            };
            if matches!(actor.id, ActorId::Agency(_)) {
                agencies += 1;
                real_agencies += !actor.placeholder as u32;
            }
            if actor.placeholder {
                continue;
            }
            let bits = actor
                .rows
                .binary_search_by_key(&row, |r| r.0)
                .ok()
                .and_then(|j| actor.rows.get(j))
                .map_or(0, |r| r.1);
            let rank = by_actor.entry(idx).or_insert_with(|| new_rank(actor));
            rank.score += weight;
            count(&mut rank.projects, here, region, income);
            for role in Role::ALL {
                if Actor::has_role(bits, role) {
                    *rank.roles.entry(role).or_default() += 1;
                }
            }
            if rank.examples.len() < EXAMPLES {
                rank.examples.push(row);
            }
            actor_countries
                .entry(idx)
                .or_default()
                .extend(cols.row_countries(i));
        }
        no_agency += (agencies == 0) as u32;
        placeholder_only += (agencies > 0 && real_agencies == 0) as u32;
        let countries = cols.row_countries(i);
        no_recipient += countries.is_empty() as u32;
        for &k in countries {
            if Some(k as usize) == country {
                continue;
            }
            let Some(iso) = cols.countries.get(k as usize) else {
                continue;
            };
            let same_region = asking.region != NO_REGION
                && cols.country_region.get(k as usize) == Some(&asking.region);
            let same_income = asking.income != INCOME_UNKNOWN
                && cols.country_income.get(k as usize) == Some(&asking.income);
            let peer = by_peer.entry(k).or_insert_with(|| PeerRank {
                country: iso.clone(),
                score: 0,
                projects: 0,
                same_region,
                same_income,
                amounts: Amounts::default(),
                examples: Vec::new(),
            });
            peer.score += context_weight(same_region, same_income);
            peer.projects += 1;
            peer.amounts.add(cols, row);
            if peer.examples.len() < EXAMPLES {
                peer.examples.push(row);
            }
        }
    }
    let mut actors_ranked: Vec<ActorRank> = by_actor
        .into_iter()
        .map(|(idx, mut r)| {
            r.countries = actor_countries.get(&idx).map_or(0, |c| c.len() as u32);
            r
        })
        .collect();
    actors_ranked.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.projects.total.cmp(&a.projects.total))
            .then(a.id.cmp(&b.id))
    });
    let mut peers: Vec<PeerRank> = by_peer.into_values().collect();
    peers.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.projects.cmp(&a.projects))
            .then(a.country.cmp(&b.country))
    });

    if weighted.is_empty() {
        gaps.push(Gap::NoRecords);
    }
    let n = |v: u32, gap: fn(u32) -> Gap| (v > 0).then(|| gap(v));
    gaps.extend(n(amounts.unknown, Gap::AmountUnknown));
    gaps.extend(n(amounts.other_currency, Gap::AmountOtherCurrency));
    gaps.extend(n(no_agency, Gap::NoAgency));
    gaps.extend(n(placeholder_only, Gap::PlaceholderAgency));
    gaps.extend(n(no_recipient, Gap::NoRecipient));
    gaps.extend(n(no_year, Gap::YearUnknown));
    if let [only] = providers.iter().collect::<Vec<_>>()[..] {
        if let [k] = only[..] {
            gaps.extend(
                cols.providers
                    .get(k as usize)
                    .cloned()
                    .map(Gap::SingleProvider),
            );
        }
    }
    Finding {
        actors: actors_ranked,
        peers,
        rows: weighted.into_iter().map(|w| w.2).collect(),
        projects,
        gaps,
    }
}

fn count(c: &mut Contexts, here: bool, region: bool, income: bool) {
    c.total += 1;
    c.in_country += here as u32;
    c.same_region += region as u32;
    c.same_income += income as u32;
}

fn new_rank(actor: &Actor) -> ActorRank {
    ActorRank {
        id: actor.id.clone(),
        display: actor.display.clone(),
        score: 0,
        projects: Contexts::default(),
        roles: BTreeMap::new(),
        countries: 0,
        examples: Vec::new(),
    }
}

/// The asking country's income group code, if known (for the UI's sentence).
pub fn income_code(cols: &Columns, iso3: &str) -> Option<&'static str> {
    let k = cols.country_index(iso3)?;
    INCOME_CODES
        .get(*cols.country_income.get(k)? as usize)
        .copied()
}
