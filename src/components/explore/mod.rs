//! What `/explore` shows beside the headline: the filters (a column on a wide screen, a sheet on a
//! phone) and the charts with their controls. The page (`pages/explore.rs`) holds the view state, the
//! aggregates and the headline, and hands them to these.
//!
//! - `filters.rs`: search, years, the facets, the amount range ([`ExploreFilters`]);
//! - `charts.rs`: measure, the chart list, the empty result, projects like these ([`ExploreCharts`]);
//! - `downloads.rs`: the filtered projects as CSV or JSON ([`Downloads`]);
//! - `timeline.rs`: the timeline's controls, stacking and "play years" ([`TimelineControls`]);
//! - `rehearsal.rs`: a click answered once at idle and thrown away, so the first one is not slow
//!   ([`rehearse_a_click`]).

mod charts;
mod downloads;
mod filters;
mod rehearsal;
mod timeline;

pub use charts::ExploreCharts;
pub use downloads::Downloads;
pub use filters::{filter_values, ExploreFilters};
pub use rehearsal::rehearse_a_click;
pub use timeline::TimelineControls;

use bridges_core::query::{Filters, Notice, ViewState};

/// How many bars the long charts (providers, recipients) show: the explorer's, and the rehearsed
/// click's.
const LONG_CHART_BARS: Option<usize> = Some(15);
use leptos::prelude::{Callable, Callback, GetUntracked, Memo};

/// The URL's view state and its notices, as `use_view_state` gives it.
pub type UrlState = Memo<(ViewState, Vec<Notice>)>;

/// Goes (through `go`) to the current view with `change` made to it; nothing when the page's state is
/// gone (a handler or a timer that outlives its page must not panic: a panic in wasm kills the page).
pub fn edit_view(state: UrlState, go: Callback<ViewState>, change: impl FnOnce(&mut ViewState)) {
    if let Some((mut s, _)) = state.try_get_untracked() {
        change(&mut s);
        go.run(s);
    }
}

/// [`edit_view`] for a change of the filters, which starts the list of projects on its first page.
pub fn edit_filters(state: UrlState, go: Callback<ViewState>, change: impl FnOnce(&mut Filters)) {
    edit_view(state, go, |s| s.edit_filters(change));
}
