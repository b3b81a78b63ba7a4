//! Similar projects (issue #16): for one record, the records most like it in the loaded data, each
//! with the reasons it was chosen; the source's own links between records; and "projects like these
//! elsewhere" for a set of rows. docs/similarity.md describes the scoring.
//!
//! Build a [`SimilarIndex`] once per dataset (in batches with [`IndexBuilder::step`]), then ask
//! [`similar`] or [`like_these`]. Rows are dataset positions; `dataset.projects[row].id` is the id.

pub mod index;
pub mod links;
pub mod profile;
pub mod rank;
pub mod words;

pub use index::{IndexBuilder, LinkTarget, OutLink, Row, SimilarIndex};
pub use links::{parse_links, LinkNote};
pub use profile::{amount_band, AmountBand, Profile};
pub use rank::{Match, Reason, Weights};

use crate::columns::Columns;

/// How many similar records a query returns by default.
pub const DEFAULT_K: usize = 10;

/// How a linked record is linked to the one asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkDirection {
    /// This record's note names the other.
    LinksTo,
    /// The other record's note names this one.
    LinkedFrom,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Linked {
    pub row: Row,
    pub direction: LinkDirection,
    /// The note said "possible link".
    pub possible: bool,
}

/// The answer for one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Similar {
    /// "Linked records": the source's own links, this record's notes first, then records naming it.
    pub linked: Vec<Linked>,
    /// Ids this record's notes name that are not in the loaded data.
    pub missing: Vec<String>,
    /// The most similar other records, best first (linked records are not repeated here).
    pub similar: Vec<Match>,
}

/// Linked records and the `k` records most similar to `row`, preferring other recipient countries.
pub fn similar(ix: &SimilarIndex, cols: &Columns, row: Row, k: usize, w: &Weights) -> Similar {
    let mut linked: Vec<Linked> = Vec::new();
    let mut missing = Vec::new();
    for l in ix.links(row) {
        match &l.target {
            LinkTarget::Row(r) => linked.push(Linked {
                row: *r,
                direction: LinkDirection::LinksTo,
                possible: l.possible,
            }),
            LinkTarget::Missing(id) => missing.push(id.clone()),
        }
    }
    for &from in ix.backlinks(row) {
        if !linked.iter().any(|l| l.row == from) {
            let possible = ix
                .links(from)
                .iter()
                .any(|l| l.target == LinkTarget::Row(row) && l.possible);
            linked.push(Linked {
                row: from,
                direction: LinkDirection::LinkedFrom,
                possible,
            });
        }
    }
    if (row as usize) >= cols.len.min(ix.len()) {
        return Similar {
            linked,
            missing,
            similar: Vec::new(),
        };
    }
    let profile = Profile::of_rows(ix, cols, &[row]);
    let similar = rank::rank(ix, cols, &profile, w, k, |r| {
        r == row || linked.iter().any(|l| l.row == r)
    });
    Similar {
        linked,
        missing,
        similar,
    }
}

/// "Projects like these elsewhere": the `k` records outside `rows` most like them as a whole,
/// preferring records outside their recipient countries.
pub fn like_these(
    ix: &SimilarIndex,
    cols: &Columns,
    rows: &[Row],
    k: usize,
    w: &Weights,
) -> Vec<Match> {
    let mut inside = vec![false; cols.len];
    for &r in rows {
        if let Some(x) = inside.get_mut(r as usize) {
            *x = true;
        }
    }
    let profile = Profile::of_rows(ix, cols, rows);
    rank::rank(ix, cols, &profile, w, k, |r| {
        inside.get(r as usize).copied().unwrap_or(true)
    })
}
