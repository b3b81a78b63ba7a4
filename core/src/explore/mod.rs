//! From crossfilter groups to what the explorer shows: labelled bars for each chart and facet, and the
//! headline of the filtered view. Pure, so the labels, orders and selections are tested on the host.

mod bars;
mod captions;
mod headline;
mod selection;
mod stack;

#[cfg(test)]
mod tests;

pub use bars::{bars, income_label, Bar, View};
pub use captions::sentence;
pub use headline::{headline, unfiltered_headline};
pub use selection::select;
pub use stack::{stack_series, Series, STACK_SERIES};
