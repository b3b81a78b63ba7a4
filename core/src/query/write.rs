//! Writing a [`ViewState`] as a query string: defaults omitted, fixed order.

use std::collections::BTreeSet;

use crate::state::{Measure, Sort, Stack, ViewState};

use super::round2;
use super::LIST_SEP;

fn join<T>(set: &BTreeSet<T>, f: impl Fn(&T) -> String) -> String {
    set.iter()
        .map(f)
        .collect::<Vec<_>>()
        .join(&LIST_SEP.to_string())
}

/// The query string for a state, without `?`; empty for the default view. Order is fixed, so equal
/// states give equal URLs.
pub fn to_query(state: &ViewState) -> String {
    let f = &state.filters;
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut put = |k: &str, v: String| {
        if !v.is_empty() {
            out.append_pair(k, &v);
        }
    };
    put("country", join(&f.countries, String::clone));
    put("region", join(&f.regions, String::clone));
    put("income", join(&f.income, |g| g.code().to_string()));
    put("sector", join(&f.sectors, u16::to_string));
    put("sdg", join(&f.sdgs, u8::to_string));
    put("status", join(&f.statuses, |s| s.code().to_string()));
    put("flow", join(&f.flows, |s| s.code().to_string()));
    put("provider", join(&f.providers, String::clone));
    put("source", join(&f.datasets, String::clone));
    put("agency", join(&f.agencies, String::clone));
    put("from", f.from.map(|y| y.to_string()).unwrap_or_default());
    put("to", f.to.map(|y| y.to_string()).unwrap_or_default());
    put(
        "min",
        f.amount_min.map(|v| v.to_string()).unwrap_or_default(),
    );
    put(
        "max",
        f.amount_max.map(|v| v.to_string()).unwrap_or_default(),
    );
    put("q", f.q.trim().to_string());
    if state.measure != Measure::default() {
        put("measure", state.measure.code().into());
    }
    if state.stack != Stack::default() {
        put("stack", state.stack.code().into());
    }
    if state.sort != Sort::default() {
        put(
            "sort",
            format!(
                "{}-{}",
                state.sort.key.code(),
                if state.sort.descending { "desc" } else { "asc" }
            ),
        );
    }
    if state.page > 1 {
        put("page", state.page.to_string());
    }
    let m = &state.map;
    let d = crate::map_view::MapView::default();
    if m.zoom != d.zoom {
        put("zoom", format!("{}", round2(m.zoom)));
    }
    if m.lon != d.lon || m.lat != d.lat {
        put("lon", format!("{}", round2(m.lon)));
        put("lat", format!("{}", round2(m.lat)));
    }
    if m.layers != d.layers {
        put("layer", join(&m.layers, |l| l.code().to_string()));
    }
    put("data", state.data.clone().unwrap_or_default());
    put("dataset", state.datasets.join("~"));
    put(
        "lang",
        state.lang.map(|l| l.code().to_string()).unwrap_or_default(),
    );
    put(
        "theme",
        state
            .theme
            .map(|t| t.code().to_string())
            .unwrap_or_default(),
    );
    let s = out.finish();
    // `~` needs no escaping in a query string; keeping it readable keeps shared links readable.
    s.replace("%7E", "~")
}
