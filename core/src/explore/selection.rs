//! What a click on a bar selects.

use crate::model::{FlowClass, Income, Status};

use super::View;

/// The state after a click on bar `key` of `view`. A plain click selects only that bar (or clears the
/// selection if it was the only one); shift/ctrl-click adds or removes it. On the timeline a click picks
/// one year and shift-click stretches the range to the clicked year. Filter changes go back to page 1.
pub fn select(
    state: &crate::state::ViewState,
    view: View,
    key: &str,
    additive: bool,
) -> crate::state::ViewState {
    use std::collections::BTreeSet;
    fn apply<T: Ord + Clone>(set: &mut BTreeSet<T>, v: Option<T>, additive: bool) {
        let Some(v) = v else { return };
        if additive {
            if !set.remove(&v) {
                set.insert(v);
            }
        } else if set.len() == 1 && set.contains(&v) {
            set.clear();
        } else {
            set.clear();
            set.insert(v);
        }
    }
    let mut next = state.clone();
    next.page = 1;
    let f = &mut next.filters;
    match view {
        View::Timeline => {
            let Ok(y) = key.parse::<i32>() else {
                return next;
            };
            match (additive, f.from, f.to) {
                (false, Some(a), Some(b)) if a == y && b == y => {
                    f.from = None;
                    f.to = None;
                }
                (true, Some(a), Some(b)) => {
                    f.from = Some(a.min(y));
                    f.to = Some(b.max(y));
                }
                _ => {
                    f.from = Some(y);
                    f.to = Some(y);
                }
            }
        }
        View::Sector => apply(&mut f.sectors, key.parse().ok(), additive),
        View::Recipients => apply(&mut f.countries, Some(key.to_string()), additive),
        View::Region | View::Subregion => apply(&mut f.regions, Some(key.to_string()), additive),
        View::Provider => apply(&mut f.providers, Some(key.to_string()), additive),
        View::Dataset => apply(&mut f.datasets, Some(key.to_string()), additive),
        View::Agency => apply(&mut f.agencies, Some(key.to_string()), additive),
        View::Sdg => apply(&mut f.sdgs, key.parse().ok(), additive),
        View::Status => apply(&mut f.statuses, Status::from_code(key), additive),
        View::Flow => apply(&mut f.flows, FlowClass::from_code(key), additive),
        View::Income => apply(&mut f.income, Income::from_code(key), additive),
    }
    next
}
