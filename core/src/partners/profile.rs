//! An actor's profile: its records, countries, sectors, years, known amounts and the actors it
//! worked with, each count traceable to rows. Unknown values are counted apart, never as zero.

use std::collections::BTreeMap;

use crate::columns::{Columns, AMOUNT_HEADLINE, AMOUNT_OTHER};
use crate::similar::Row;

use super::actors::{ActorId, Actors, Role};

/// Known and unknown amounts of a group of records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Amounts {
    /// Sum of the amounts in the headline currency and price base.
    pub known_sum: f64,
    pub known: u32,
    /// Records with an amount in another currency or price base (not added).
    pub other_currency: u32,
    /// Records whose amount is unknown (not zero).
    pub unknown: u32,
}

impl Amounts {
    pub fn add(&mut self, cols: &Columns, row: Row) {
        let i = row as usize;
        match cols.amount_class.get(i).copied() {
            Some(AMOUNT_HEADLINE) => {
                self.known += 1;
                self.known_sum += cols.amount.get(i).copied().unwrap_or(0.0);
            }
            Some(AMOUNT_OTHER) => self.other_currency += 1,
            _ => self.unknown += 1,
        }
    }
}

/// A count with the rows it counts (every number can be opened).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    pub count: u32,
    pub rows: Vec<Row>,
}

impl Counted {
    fn add(&mut self, row: Row) {
        self.count += 1;
        self.rows.push(row);
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActorProfile {
    pub id: ActorId,
    pub display: String,
    /// Raw spellings grouped under this actor, with counts (see [`super::actors::agency_key`]).
    pub spellings: Vec<(String, u32)>,
    pub rows: Vec<Row>,
    /// Records per role.
    pub roles: BTreeMap<Role, Counted>,
    /// Records per recipient country (ISO-3); a record with two recipients counts in both.
    pub countries: BTreeMap<String, Counted>,
    /// Records without a recipient country (regional records).
    pub no_country: Counted,
    /// Records per sector code; `None` is an unknown sector.
    pub sectors: BTreeMap<Option<u16>, Counted>,
    /// Records per commitment year; `None` is an unknown year.
    pub years: BTreeMap<Option<i32>, Counted>,
    pub amounts: Amounts,
    /// Other actors on the same records, most shared records first (the rows are the shared ones).
    pub partners: Vec<(ActorId, Counted)>,
}

/// The profile of the actor `id`, or `None` if no record names it.
pub fn profile(actors: &Actors, cols: &Columns, id: &ActorId) -> Option<ActorProfile> {
    let me = actors.index_of(id)?;
    let actor = actors.list.get(me)?;
    let mut p = ActorProfile {
        id: actor.id.clone(),
        display: actor.display.clone(),
        spellings: actor.spellings.clone(),
        rows: actor.rows.iter().map(|r| r.0).collect(),
        roles: BTreeMap::new(),
        countries: BTreeMap::new(),
        no_country: Counted::default(),
        sectors: BTreeMap::new(),
        years: BTreeMap::new(),
        amounts: Amounts::default(),
        partners: Vec::new(),
    };
    let mut partners: BTreeMap<u32, Counted> = BTreeMap::new();
    for &(row, bits) in &actor.rows {
        let i = row as usize;
        for role in Role::ALL {
            if super::actors::Actor::has_role(bits, role) {
                p.roles.entry(role).or_default().add(row);
            }
        }
        let countries = cols.row_countries(i);
        if countries.is_empty() {
            p.no_country.add(row);
        }
        for &k in countries {
            if let Some(iso) = cols.countries.get(k as usize) {
                p.countries.entry(iso.clone()).or_default().add(row);
            }
        }
        let sector = cols
            .sector
            .get(i)
            .and_then(|&s| cols.sectors.get(s as usize))
            .copied();
        p.sectors.entry(sector).or_default().add(row);
        let year = cols
            .year
            .get(i)
            .and_then(|&y| cols.year_of_code(y as usize));
        p.years.entry(year).or_default().add(row);
        p.amounts.add(cols, row);
        for &other in actors.of_row(row) {
            if other as usize != me {
                partners.entry(other).or_default().add(row);
            }
        }
    }
    let mut partners: Vec<(ActorId, Counted)> = partners
        .into_iter()
        .filter_map(|(idx, c)| Some((actors.list.get(idx as usize)?.id.clone(), c)))
        .collect();
    partners.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    p.partners = partners;
    Some(p)
}
