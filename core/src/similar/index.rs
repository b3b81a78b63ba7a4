//! The similarity index: per-record words and an inverted index over them (for BM25), and the
//! source's link notes resolved to rows. Built once per dataset, a batch of rows at a time
//! ([`IndexBuilder::step`]) so that a browser can paint between batches, like the column builder.

use std::collections::HashMap;

use crate::columns::Columns;
use crate::model::Dataset;
use crate::text::fold;

use super::links::parse_links;
use super::words::{for_each_word, CountryWords};

/// A row number: the record's position in the dataset (and in the columns).
pub type Row = u32;

/// Where a link note points.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// A record in the loaded data.
    Row(Row),
    /// An id the note names that the loaded data does not have.
    Missing(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutLink {
    pub target: LinkTarget,
    /// The note said "possible link".
    pub possible: bool,
}

/// Words, postings and links of every row. Immutable once built; queries borrow it.
#[derive(Clone, Debug, Default)]
pub struct SimilarIndex {
    /// Term id → the (folded, singular) word.
    pub(crate) terms: Vec<String>,
    /// Term ids in the order of their words, for prefix look-ups (glossary terms like "agricultur").
    pub(crate) sorted: Vec<u32>,
    /// Term id → rows that have it, with the count, in row order.
    pub(crate) postings: Vec<Vec<(Row, u16)>>,
    /// Row i's terms are `row_terms[row_off[i]..row_off[i + 1]]` (term id, count), by term id.
    pub(crate) row_off: Vec<u32>,
    pub(crate) row_terms: Vec<(u32, u16)>,
    /// Words per row (after skipping), for BM25's length normalisation.
    pub(crate) row_len: Vec<u16>,
    pub(crate) avg_len: f32,
    pub(crate) links: Vec<Vec<OutLink>>,
    /// Rows whose notes link to this row.
    pub(crate) backlinks: Vec<Vec<Row>>,
}

impl SimilarIndex {
    /// Builds the whole index at once (see [`IndexBuilder`] for the batched build).
    pub fn build(d: &Dataset, cols: &Columns) -> SimilarIndex {
        IndexBuilder::new(d, cols).finish()
    }

    pub fn len(&self) -> usize {
        self.row_len.len()
    }

    pub fn is_empty(&self) -> bool {
        self.row_len.is_empty()
    }

    /// How many rows have the term.
    pub(crate) fn df(&self, term: u32) -> usize {
        self.postings.get(term as usize).map_or(0, Vec::len)
    }

    /// Inverse document frequency (BM25's, never negative).
    pub(crate) fn idf(&self, term: u32) -> f32 {
        let n = self.len() as f32;
        let df = self.df(term) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    pub(crate) fn row_terms(&self, row: Row) -> &[(u32, u16)] {
        let i = row as usize;
        match (self.row_off.get(i), self.row_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.row_terms.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Distinct words indexed.
    pub fn terms_len(&self) -> usize {
        self.terms.len()
    }

    pub fn term(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// Every term that starts with `prefix`.
    pub(crate) fn terms_with_prefix(&self, prefix: &str) -> &[u32] {
        let from = self
            .sorted
            .partition_point(|&t| self.terms[t as usize].as_str() < prefix);
        let to = from
            + self.sorted[from..].partition_point(|&t| self.terms[t as usize].starts_with(prefix));
        &self.sorted[from..to]
    }

    /// The link notes of a row, resolved: rows first in the note's order, missing ids kept.
    pub fn links(&self, row: Row) -> &[OutLink] {
        self.links.get(row as usize).map_or(&[], Vec::as_slice)
    }

    /// Rows whose link notes name this row.
    pub fn backlinks(&self, row: Row) -> &[Row] {
        self.backlinks.get(row as usize).map_or(&[], Vec::as_slice)
    }
}

/// Builds a [`SimilarIndex`] a batch of rows at a time.
pub struct IndexBuilder<'a> {
    d: &'a Dataset,
    ix: SimilarIndex,
    by_word: HashMap<String, u32>,
    by_id: HashMap<&'a str, Row>,
    countries: CountryWords,
    /// Words that are country names: not indexed (see [`super::words`]).
    skipped: HashMap<String, bool>,
    next: usize,
    total_len: u64,
}

impl<'a> IndexBuilder<'a> {
    pub fn new(d: &'a Dataset, cols: &Columns) -> IndexBuilder<'a> {
        let n = d.projects.len();
        let mut ix = SimilarIndex::default();
        ix.row_off.reserve_exact(n + 1);
        ix.row_off.push(0);
        ix.row_len.reserve_exact(n);
        ix.links.reserve_exact(n);
        IndexBuilder {
            d,
            ix,
            by_word: HashMap::new(),
            by_id: d
                .projects
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i as Row))
                .collect(),
            countries: CountryWords::new(cols),
            skipped: HashMap::new(),
            next: 0,
            total_len: 0,
        }
    }

    /// Rows indexed so far.
    pub fn rows_done(&self) -> usize {
        self.next
    }

    /// Indexes up to `rows` more rows (at least one); returns `true` once every row is in.
    pub fn step(&mut self, rows: usize) -> bool {
        let projects = &self.d.projects;
        let end = self.next.saturating_add(rows.max(1)).min(projects.len());
        for (offset, p) in projects
            .get(self.next..end)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let row = (self.next + offset) as Row;
            // Term ids, then counted by sorting: linear in the words even for a hostile title.
            let mut ids: Vec<u32> = Vec::new();
            let texts = [Some(&p.title), p.title_zh.as_ref(), p.description.as_ref()];
            for text in texts.into_iter().flatten() {
                for_each_word(&fold(text), |w| {
                    let countries = &self.countries;
                    let country = *self
                        .skipped
                        .entry(w.clone())
                        .or_insert_with(|| countries.contains(&w));
                    if country {
                        return;
                    }
                    let next = self.by_word.len() as u32;
                    let id = *self.by_word.entry(w).or_insert(next);
                    if id == next {
                        self.ix.postings.push(Vec::new());
                    }
                    ids.push(id);
                });
            }
            let len = ids.len() as u32;
            ids.sort_unstable();
            let mut counts: Vec<(u32, u16)> = Vec::new();
            for id in ids {
                match counts.last_mut() {
                    Some((t, c)) if *t == id => *c = c.saturating_add(1),
                    _ => counts.push((id, 1)),
                }
            }
            for &(t, c) in &counts {
                if let Some(list) = self.ix.postings.get_mut(t as usize) {
                    list.push((row, c));
                }
            }
            self.ix.row_terms.extend_from_slice(&counts);
            self.ix.row_off.push(self.ix.row_terms.len() as u32);
            self.ix.row_len.push(len.min(u16::MAX as u32) as u16);
            self.total_len += len as u64;

            let mut links = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let texts = [Some(&p.title), p.description.as_ref()];
            for note in texts.into_iter().flatten().flat_map(|t| parse_links(t)) {
                let target = match self.by_id.get(note.id.as_str()) {
                    Some(&r) if r != row => LinkTarget::Row(r),
                    Some(_) => continue,
                    None => LinkTarget::Missing(note.id),
                };
                if seen.insert(target.clone()) {
                    links.push(OutLink {
                        target,
                        possible: note.possible,
                    });
                }
            }
            self.ix.links.push(links);
        }
        self.next = end;
        end == projects.len()
    }

    /// Indexes whatever rows are left, then the vocabulary order and back-links.
    pub fn finish(mut self) -> SimilarIndex {
        while !self.step(usize::MAX) {}
        let mut ix = self.ix;
        ix.terms = vec![String::new(); self.by_word.len()];
        for (word, id) in self.by_word {
            if let Some(slot) = ix.terms.get_mut(id as usize) {
                *slot = word;
            }
        }
        ix.sorted = (0..ix.terms.len() as u32).collect();
        ix.sorted
            .sort_unstable_by(|&a, &b| ix.terms[a as usize].cmp(&ix.terms[b as usize]));
        ix.avg_len = if ix.row_len.is_empty() {
            1.0
        } else {
            (self.total_len as f32 / ix.row_len.len() as f32).max(1.0)
        };
        ix.backlinks = vec![Vec::new(); ix.row_len.len()];
        for (from, links) in ix.links.iter().enumerate() {
            for l in links {
                if let LinkTarget::Row(to) = l.target {
                    if let Some(b) = ix.backlinks.get_mut(to as usize) {
                        b.push(from as Row);
                    }
                }
            }
        }
        ix
    }
}
