//! Actors: who worked on which records. For now an actor is a provider country (ISO-3, from
//! `project.providers`) or an agency named in `project.agencies` (funding, receiving, implementing).
//!
//! Agency names are written by hand in the source, so one agency has several spellings
//! ("China Railway 25th Bureau Group Co.,Ltd." and "… Co Ltd."). They are grouped under a normalised
//! key (folded, punctuation and Chinese glosses dropped, trailing legal forms dropped), and every
//! raw spelling is kept with its count, so a grouping is always visible, never a silent merge.

use std::collections::HashMap;

use crate::columns::Columns;
use crate::model::Dataset;
use crate::similar::Row;

/// An actor's identity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorId {
    /// A provider: a country (ISO-3) or a declared actor (`bridges/2`, e.g. `ISDB`).
    Provider(String),
    /// An agency, by its normalised key ([`agency_key`]).
    Agency(String),
}

impl ActorId {
    /// The id in URLs (`/actors/<code>`, `data-actor`): a provider's ISO-3 code (upper case), an
    /// agency's key (folded, so never upper case): the two cannot be mistaken for each other.
    pub fn code(&self) -> &str {
        match self {
            ActorId::Provider(iso) | ActorId::Agency(iso) => iso,
        }
    }

    /// The actor a [`ActorId::code`] names: a provider country's ISO-3 code or a declared actor's id
    /// (`ISDB`: both upper case), else an agency's key.
    pub fn from_code(code: &str) -> ActorId {
        let iso3 = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        if iso3 || crate::model::is_actor_id(code) {
            ActorId::Provider(code.to_string())
        } else {
            ActorId::Agency(code.to_string())
        }
    }
}

/// What an actor did on a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Provider,
    Funding,
    Receiving,
    Implementing,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Provider,
        Role::Funding,
        Role::Receiving,
        Role::Implementing,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

pub use crate::agency::{agency_key, is_placeholder};

/// One actor and its records.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: ActorId,
    /// The most used raw spelling (or the ISO-3 code of a provider).
    pub display: String,
    /// Every raw spelling with how many records use it, most used first.
    pub spellings: Vec<(String, u32)>,
    /// (row, roles as bits of [`Role`]) in row order.
    pub rows: Vec<(Row, u8)>,
    /// The source's placeholder for an unknown agency: counted as unknown, never ranked.
    pub placeholder: bool,
}

impl Actor {
    /// Whether the actor had `role` on the record with those role bits.
    pub fn has_role(bits: u8, role: Role) -> bool {
        bits & role.bit() != 0
    }
}

/// Every actor of a dataset, and the actors of every row.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    pub list: Vec<Actor>,
    by_id: HashMap<ActorId, u32>,
    /// Row i's actors are `row_actors[row_off[i]..row_off[i + 1]]` (indices into `list`).
    row_off: Vec<u32>,
    row_actors: Vec<u32>,
    /// Rows without any agency named (providers do not count).
    pub rows_without_agency: Vec<Row>,
}

impl Actors {
    /// Collects the actors of every record at once (see [`ActorsBuilder`] for batches).
    pub fn build(d: &Dataset, cols: &Columns) -> Actors {
        ActorsBuilder::new(d, cols).finish()
    }

    pub fn index_of(&self, id: &ActorId) -> Option<usize> {
        self.by_id.get(id).map(|&i| i as usize)
    }

    pub fn get(&self, id: &ActorId) -> Option<&Actor> {
        self.index_of(id).and_then(|i| self.list.get(i))
    }

    /// Indices (into `list`) of a row's actors.
    pub fn of_row(&self, row: Row) -> &[u32] {
        let i = row as usize;
        match (self.row_off.get(i), self.row_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.row_actors.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Builds [`Actors`] a batch of records at a time, so that a browser can paint between batches.
pub struct ActorsBuilder<'a> {
    d: &'a Dataset,
    cols: &'a Columns,
    a: Actors,
    /// Per actor: raw spelling → records using it.
    spellings: Vec<HashMap<String, u32>>,
    /// Raw spelling → key, so that each spelling is folded once.
    keys: HashMap<String, String>,
    next: usize,
}

impl<'a> ActorsBuilder<'a> {
    pub fn new(d: &'a Dataset, cols: &'a Columns) -> ActorsBuilder<'a> {
        let mut a = Actors::default();
        a.row_off.reserve_exact(d.projects.len() + 1);
        a.row_off.push(0);
        ActorsBuilder {
            d,
            cols,
            a,
            spellings: Vec::new(),
            keys: HashMap::new(),
            next: 0,
        }
    }

    /// Records done so far.
    pub fn rows_done(&self) -> usize {
        self.next
    }

    /// The index of an actor, added if new.
    fn actor(&mut self, id: ActorId) -> u32 {
        let next = self.a.list.len() as u32;
        let idx = *self.a.by_id.entry(id.clone()).or_insert(next);
        if idx == next {
            let placeholder = matches!(&id, ActorId::Agency(k) if is_placeholder(k));
            self.a.list.push(Actor {
                id,
                display: String::new(),
                spellings: Vec::new(),
                rows: Vec::new(),
                placeholder,
            });
            self.spellings.push(HashMap::new());
        }
        idx
    }

    /// Adds up to `rows` more records (at least one); returns `true` once every record is in.
    pub fn step(&mut self, rows: usize) -> bool {
        let projects = &self.d.projects;
        let end = self.next.saturating_add(rows.max(1)).min(projects.len());
        for i in self.next..end {
            let Some(p) = projects.get(i) else { break };
            let row = i as Row;
            // (actor, role bits, raw spellings used on this record), with a map to find an actor's
            // entry: a hostile record may name thousands of agencies.
            let mut here: Vec<(u32, u8, Vec<&str>)> = Vec::new();
            let mut at: HashMap<u32, usize> = HashMap::new();
            let mut mention = |b: &mut Self, id: ActorId, raw: &'a str, role: Role| {
                let idx = b.actor(id);
                let slot = *at.entry(idx).or_insert(here.len());
                match here.get_mut(slot) {
                    Some(h) => {
                        h.1 |= role.bit();
                        h.2.push(raw);
                    }
                    None => here.push((idx, role.bit(), vec![raw])),
                }
            };
            for &k in self.cols.row_providers(i) {
                if let Some(iso) = self.cols.providers.get(k as usize) {
                    mention(self, ActorId::Provider(iso.clone()), iso, Role::Provider);
                }
            }
            let ag = &p.agencies;
            for (names, role) in [
                (&ag.funding, Role::Funding),
                (&ag.receiving, Role::Receiving),
                (&ag.implementing, Role::Implementing),
            ] {
                for raw in names.iter().filter(|n| !crate::text::is_blank(n)) {
                    let raw = raw.trim();
                    let key = match self.keys.get(raw) {
                        Some(k) => k.clone(),
                        None => {
                            let k = agency_key(raw);
                            self.keys.insert(raw.to_string(), k.clone());
                            k
                        }
                    };
                    mention(self, ActorId::Agency(key), raw, role);
                }
            }
            let a = &mut self.a;
            let agency = |idx: u32| {
                a.list
                    .get(idx as usize)
                    .is_some_and(|x| matches!(x.id, ActorId::Agency(_)))
            };
            if !here.iter().any(|h| agency(h.0)) {
                a.rows_without_agency.push(row);
            }
            for (idx, bits, mut raws) in here {
                raws.sort_unstable();
                raws.dedup();
                if let Some(actor) = a.list.get_mut(idx as usize) {
                    actor.rows.push((row, bits));
                }
                // Every spelling a record uses counts once for that record.
                if let Some(s) = self.spellings.get_mut(idx as usize) {
                    for raw in raws {
                        *s.entry(raw.to_string()).or_default() += 1;
                    }
                }
                a.row_actors.push(idx);
            }
            a.row_off.push(a.row_actors.len() as u32);
        }
        self.next = end;
        end == projects.len()
    }

    /// Adds whatever records are left; picks each actor's display spelling (the most used).
    pub fn finish(mut self) -> Actors {
        while !self.step(usize::MAX) {}
        let mut a = self.a;
        for (actor, counts) in a.list.iter_mut().zip(self.spellings) {
            let mut s: Vec<(String, u32)> = counts.into_iter().collect();
            s.sort_by(|x, y| {
                y.1.cmp(&x.1)
                    .then(x.0.len().cmp(&y.0.len()))
                    .then(x.0.cmp(&y.0))
            });
            actor.display = s.first().map_or_else(String::new, |x| x.0.clone());
            actor.spellings = s;
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_round_trip() {
        for id in [
            ActorId::Provider("CHN".into()),
            ActorId::Agency("export import bank of china".into()),
            ActorId::Agency("chn".into()),
            ActorId::Agency(agency_key("中国进出口银行")),
        ] {
            assert_eq!(ActorId::from_code(id.code()), id);
        }
    }

    #[test]
    fn keys_group_spellings_that_differ_only_in_punctuation_and_legal_form() {
        let k = agency_key;
        assert_eq!(
            k("China Railway 25th Bureau Group Co.,Ltd."),
            k("China Railway 25th Bureau Group Co Ltd.")
        );
        assert_eq!(
            k("Central Térmica Loma de la Lata S.A"),
            k("Central Térmica Loma de la Lata S.A.")
        );
        assert_eq!(
            k("Shanxi Zhongxu International Trade Industrial Co., Ltd (山西中旭国际贸易公司)"),
            k("Shanxi Zhongxu International Trade Industrial Co., Ltd.")
        );
        assert_eq!(
            k("Export-Import Bank of China"),
            "export import bank of china"
        );
        assert_ne!(k("Bank of China (BOC)"), k("Export-Import Bank of China"));
        assert_eq!(
            k("S.A."),
            "s",
            "a name of legal forms only keeps its first word"
        );
        assert!(is_placeholder(&k(
            "Unspecified Chinese Government Institution"
        )));
    }
}
