//! Linked crossfilter over [`Columns`]: every view's groups, each view counting with every filter
//! except its own (so a facet still shows its alternatives, with live counts).
//!
//! Each row has a bit mask of the filters it fails. A row failing none counts in every view; a row
//! failing exactly one filter counts only in that filter's own view; any other row counts nowhere.
//!
//! The engine keeps every row's mask and every view between calls. A change of one or a few filters
//! is applied as deltas to the rows whose membership in the changed filter flipped, or by rebuilding
//! the other views from the rows passing the one changed filter (`delta`), or by recomputing only the
//! changed filters' bits of every row's mask and rebuilding every view from the masks (`remask`); a
//! full pass over the rows (`full`) recomputes every bit, for a new stack or new columns. Rebuilding the
//! views adds the passing rows, or, when most rows pass, subtracts the failing ones from a snapshot of
//! every row's totals. Sums are exact integers in fixed point (`acc`), so every path gives identical
//! results.
//!
//! Module map: `tables` (per-change lookup tables), `bits` (one dimension's bit in every row's mask;
//! `simd`, its loops with wasm SIMD), `acc` (exact groups, the views, one row's
//! contribution), `sinks` (where a pass adds rows, and their roll-up into views), `full` (the full pass,
//! the remask and the complement), `add` (their second phase: the rows the masks put in views,
//! added), `index` (rows by code), `delta` (the incremental paths).
//!
//! Memory beyond the columns: 2 bytes a row for the masks, one copy of the views (the snapshot), and
//! 4 bytes a row (a little more for recipients) for each dimension's row index, built the first time
//! that dimension's filter changes (so that first change costs one more pass over the rows).
//! `add` lists at most one block of rows (16,384) at a time.
//!
//! Passes over every row read each column front to back. The one exception was the recipients of
//! rows with several (about one in fifty), read from `country_off` at that row: a cache miss each, and
//! at 5M rows most of a geographic pass's time. They are read from a compact copy in row order
//! ([`crate::columns::RowCountries`]).
//!
//! wasm SIMD: only the loops of `simd` (compiled for wasm alone) carry
//! `#[target_feature(enable = "simd128")]`: setting one filter's bit in every row's mask where a
//! vector does the lookup (one-byte codes with at most 16, a range of two-byte codes) and clearing
//! the bits of filters turned off, 8 or 16 rows an instruction. The rest of the row loops look
//! values up in tables by each row's codes and add into groups chosen by those codes: gathers and
//! scatters, which simd128 does not have. The flag for a whole build (RUSTFLAGS, or the wasm
//! target's `rustflags` in .cargo/config.toml; per-package flags are unstable) was not needed.
//! Either way a module with SIMD instructions does not load in an engine without wasm SIMD, which
//! every browser Bridges supports has (issue #19).

mod acc;
mod add;
mod bits;
mod delta;
mod full;
mod index;
#[cfg(target_arch = "wasm32")]
mod simd;
mod sinks;
mod tables;

use crate::columns::*;
use crate::state::{Filters, Stack};

/// Dimensions, as bit positions in a row's fail mask.
pub mod dim {
    pub const COUNTRY: u32 = 0;
    pub const REGION: u32 = 1;
    pub const INCOME: u32 = 2;
    pub const SECTOR: u32 = 3;
    pub const SDG: u32 = 4;
    pub const STATUS: u32 = 5;
    pub const FLOW: u32 = 6;
    pub const PROVIDER: u32 = 7;
    pub const YEAR: u32 = 8;
    pub const AMOUNT: u32 = 9;
    pub const TEXT: u32 = 10;
    /// Which of several datasets loaded together a record comes from (`source=`).
    pub const DATASET: u32 = 11;
    /// The agencies a record names, whatever their role (`agency=`).
    pub const AGENCY: u32 = 12;
    /// How many dimensions there are (bits of a row's fail mask).
    pub const COUNT: u32 = 13;
}

/// Projects in one bar, slice or cell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Group {
    pub count: u32,
    /// Projects with an amount in the headline currency and price base.
    pub known: u32,
    /// Projects with an amount in another currency or price base.
    pub other: u32,
    /// Sum of the `known` amounts: the exact sum (amounts to 2^-13 of a unit) rounded once, the same
    /// whichever way the engine reached it.
    pub sum: f64,
}

impl Group {
    /// Projects whose amount is unknown (not zero).
    pub fn unknown(&self) -> u32 {
        self.count - self.known - self.other
    }
}

/// Every view's groups for one filter state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aggregates {
    /// Projects passing every filter: the headline.
    pub total: Group,
    pub by_country: Vec<Group>,
    pub by_region: Vec<Group>,
    /// `INCOME_CODES` order, then unknown.
    pub by_income: Vec<Group>,
    /// Sector dictionary order, then unknown.
    pub by_sector: Vec<Group>,
    /// Index = SDG number (0 unused).
    pub by_sdg: Vec<Group>,
    /// `Status::ALL` order, then unknown.
    pub by_status: Vec<Group>,
    /// `FlowClass::ALL` order, then unknown.
    pub by_flow: Vec<Group>,
    pub by_provider: Vec<Group>,
    /// `Columns::datasets` order (empty for one dataset).
    pub by_dataset: Vec<Group>,
    /// `Columns::agencies` order.
    pub by_agency: Vec<Group>,
    /// Index = year code (0 = unknown year).
    pub by_year: Vec<Group>,
    /// Year × stack key (sector or status, with unknown last), row-major by year, when stacked.
    pub by_year_stack: Vec<Group>,
    pub stack_keys: usize,
    /// What the stack keys are.
    pub stack: Stack,
    /// Projects that pass every other filter but are left out by the year filter for an unknown year.
    pub excluded_unknown_year: u32,
    /// The same for the amount filter and unknown (or other-currency) amounts.
    pub excluded_unknown_amount: u32,
    /// Projects passing every filter that have no recipient country (regional projects).
    pub without_country: u32,
}

/// Crossfilter state: the columns, per-change lookup tables, every row's fail mask and the views.
pub struct Engine {
    /// The dataset. Replacing it is noticed (by its length and buffers) and answered with a full pass;
    /// editing it in place is not supported: build a new engine.
    pub cols: Columns,
    /// The last result of [`Engine::run`].
    pub agg: Aggregates,
    /// Tables of the last filter state prepared (by `run` or `matching`).
    t: tables::Tables,
    /// The state `mask` and `views` reflect, once a pass has run.
    applied: Option<Applied>,
    /// Per row: bit `d` set when it fails dimension `d`'s filter ([`dim::COUNT`] dimensions).
    mask: Vec<u16>,
    views: acc::Views,
    /// Rows by code, per indexed dimension, built the first time that dimension changes.
    index: [Option<index::Index>; index::N_INDEXES],
    // Accumulators of the full pass, rolled up into the views: rows passing every filter by recipient
    // and by sector × status × flow, rows failing only a geographic filter by recipient.
    geo_all: Vec<acc::Acc>,
    geo_only: [Vec<acc::Acc>; 3],
    combo: Vec<acc::Acc>,
    /// Every row in every view, for the full pass's complement (see `full`).
    all_rows: Option<full::AllRows>,
    passes: Passes,
    /// Rows a scan found moving between views, with their previous mask (kept to reuse its buffer).
    moved: Vec<(u32, u16)>,
    /// One block's rows that a rebuild from the masks adds, as `row << 4 | bucket`, and the same
    /// sorted by bucket (kept to reuse their buffers; see `add`).
    picked: Vec<u32>,
    sorted: Vec<u32>,
}

/// How the engine answered its calls so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Passes {
    /// Full passes over the rows.
    pub full: u64,
    /// Row deltas (including calls where nothing changed).
    pub delta: u64,
    /// Rebuilds of the other views from the rows passing the one changed filter.
    pub rebuild: u64,
    /// Scans of every row's mask for one changed filter, with deltas where its bit flipped.
    pub scan: u64,
    /// Recomputations of the changed filters' bits in every row's mask, with every view rebuilt from
    /// the masks.
    pub remask: u64,
}

struct Applied {
    codes: tables::Codes,
    stack: Stack,
    cols: Fingerprint,
}

/// What identifies the columns a state was computed over.
#[derive(PartialEq)]
struct Fingerprint(usize, usize, usize, usize);

impl Fingerprint {
    fn of(c: &Columns) -> Fingerprint {
        Fingerprint(
            c.len,
            c.combo.as_ptr() as usize,
            c.amount.as_ptr() as usize,
            c.country_ids.as_ptr() as usize,
        )
    }
}

// N_STATUS and N_FLOW size the combined code of a row; they live with the columns that build it.
pub use crate::columns::{N_FLOW, N_STATUS};

impl Engine {
    pub fn new(cols: Columns) -> Engine {
        Engine {
            agg: Aggregates::default(),
            t: tables::Tables::new(&cols),
            applied: None,
            mask: Vec::new(),
            views: acc::Views::default(),
            index: Default::default(),
            geo_all: Vec::new(),
            geo_only: [Vec::new(), Vec::new(), Vec::new()],
            combo: Vec::new(),
            all_rows: None,
            passes: Passes::default(),
            moved: Vec::new(),
            picked: Vec::new(),
            sorted: Vec::new(),
            cols,
        }
    }

    /// How the calls to [`Engine::run`] and [`Engine::run_full`] so far were answered.
    pub fn passes(&self) -> Passes {
        self.passes
    }

    /// Every view for `f`. `stack` chooses the timeline's second dimension. Only what changed since
    /// the previous call is recomputed, when that is cheaper than a full pass.
    pub fn run(&mut self, f: &Filters, stack: Stack) -> &Aggregates {
        self.t.prepare(&self.cols, f);
        self.forget_other_columns();
        let same_base = self
            .applied
            .as_ref()
            .is_some_and(|a| a.stack == stack && a.cols == Fingerprint::of(&self.cols))
            && self.mask.len() == self.cols.len;
        match if same_base {
            self.try_delta()
        } else {
            delta::Path::Full
        } {
            delta::Path::Delta => self.passes.delta += 1,
            delta::Path::Rebuild => self.passes.rebuild += 1,
            delta::Path::Scan => self.passes.scan += 1,
            delta::Path::Remask => self.passes.remask += 1,
            delta::Path::Full => {
                self.full(stack);
                self.passes.full += 1;
            }
        }
        self.finish(stack)
    }

    /// Every view for `f` by a full pass, whatever the previous state: the reference the incremental
    /// path is tested against, and the benchmark's "before".
    pub fn run_full(&mut self, f: &Filters, stack: Stack) -> &Aggregates {
        self.t.prepare(&self.cols, f);
        self.forget_other_columns();
        self.full(stack);
        self.passes.full += 1;
        self.finish(stack)
    }

    /// Drops the row indexes and state of columns that `cols` no longer holds.
    fn forget_other_columns(&mut self) {
        let fingerprint = Fingerprint::of(&self.cols);
        if self.applied.as_ref().is_some_and(|a| a.cols != fingerprint) {
            self.applied = None;
            self.index = Default::default();
            self.all_rows = None;
        }
    }

    fn finish(&mut self, stack: Stack) -> &Aggregates {
        match &mut self.applied {
            Some(a) => {
                a.codes.clone_from(&self.t.codes);
                a.stack = stack;
                a.cols = Fingerprint::of(&self.cols);
            }
            None => {
                self.applied = Some(Applied {
                    codes: self.t.codes.clone(),
                    stack,
                    cols: Fingerprint::of(&self.cols),
                })
            }
        }
        self.views.publish(&mut self.agg);
        &self.agg
    }

    /// Rows passing every filter in `f`, in dataset order (for the table and downloads).
    pub fn matching(&mut self, f: &Filters) -> Vec<u32> {
        self.t.prepare(&self.cols, f);
        let c = &self.cols;
        let t = &self.t;
        // When `f` is the state the masks hold, they answer directly.
        if self.mask.len() == c.len
            && self
                .applied
                .as_ref()
                .is_some_and(|a| a.codes == t.codes && a.cols == Fingerprint::of(c))
        {
            return (0..c.len as u32)
                .filter(|&i| self.mask[i as usize] == 0)
                .collect();
        }
        (0..c.len)
            .filter(|&i| (0..dim::COUNT).all(|d| !t.fails(c, d, i)))
            .map(|i| i as u32)
            .collect()
    }
}
