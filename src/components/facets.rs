use bridges_core::explore::{income_label_en, Bar, View};
use bridges_core::format;
use bridges_core::query::ViewState;
use leptos::prelude::*;

use crate::app_data::AppData;

/// A facet: checkboxes with live counts (every filter applied except this facet's own).
#[component]
pub fn Facet(
    /// Which dimension.
    view: View,
    /// Legend text.
    legend: &'static str,
    /// Options with their counts, in display order.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// Toggles an option (always additive: checkboxes combine).
    on_toggle: Callback<String>,
) -> impl IntoView {
    view! {
        <fieldset class="facet" data-testid=format!("facet-{}", view.param())>
            <legend>{legend}</legend>
            <ul>
                {move || bars.get().into_iter().map(|b| {
                    let key = b.key.clone();
                    let id = format!("facet-{}-{}", view.param(), b.key);
                    view! {
                        <li class:empty=b.group.count == 0>
                            <input type="checkbox" id=id.clone() prop:checked=b.selected
                                on:change=move |_| on_toggle.run(key.clone())/>
                            <label for=id>
                                <span class="facet-label">{b.label.clone()}</span>
                                <span class="facet-count">{format::int(b.group.count as u64)}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// One removable chip per active filter, and "clear all".
#[component]
pub fn Chips(
    /// Labels come from the reference tables.
    data: std::sync::Arc<AppData>,
    /// The current view state.
    #[prop(into)]
    state: Signal<ViewState>,
    /// Called with the state to go to.
    on_change: Callback<ViewState>,
) -> impl IntoView {
    let chips = move || {
        let s = state.get();
        let f = &s.filters;
        let r = &data.reference;
        let mut out: Vec<(String, ViewState)> = Vec::new();
        let mut push = |label: String, edit: &dyn Fn(&mut ViewState)| {
            let mut next = s.clone();
            next.page = 1;
            edit(&mut next);
            out.push((label, next));
        };
        for c in &f.countries {
            push(format!("Country: {}", r.country_name_en(c)), &|n| {
                n.filters.countries.remove(c);
            });
        }
        for c in &f.regions {
            let name = r
                .region(c)
                .map(|x| x.name_en.clone())
                .unwrap_or_else(|| c.clone());
            push(format!("Region: {name}"), &|n| {
                n.filters.regions.remove(c);
            });
        }
        for g in &f.income {
            push(format!("Income: {}", income_label_en(g)), &|n| {
                n.filters.income.remove(g);
            });
        }
        for code in &f.sectors {
            let name = r
                .sector(*code)
                .map(|x| x.name_en.clone())
                .unwrap_or_else(|| code.to_string());
            push(format!("Sector: {name}"), &|n| {
                n.filters.sectors.remove(code);
            });
        }
        for g in &f.sdgs {
            push(format!("SDG {g}"), &|n| {
                n.filters.sdgs.remove(g);
            });
        }
        for st in &f.statuses {
            push(format!("Status: {}", st.label_en()), &|n| {
                n.filters.statuses.remove(st);
            });
        }
        for fl in &f.flows {
            push(format!("Flow: {}", fl.label_en()), &|n| {
                n.filters.flows.remove(fl);
            });
        }
        for p in &f.providers {
            push(format!("Provider: {}", r.country_name_en(p)), &|n| {
                n.filters.providers.remove(p);
            });
        }
        if f.from.is_some() || f.to.is_some() {
            let label = match (f.from, f.to) {
                (Some(a), Some(b)) if a == b => format!("Year: {a}"),
                (a, b) => format!(
                    "Years: {}–{}",
                    a.map_or("…".into(), |y| y.to_string()),
                    b.map_or("…".into(), |y| y.to_string())
                ),
            };
            push(label, &|n| {
                n.filters.from = None;
                n.filters.to = None;
            });
        }
        if f.amount_min.is_some() || f.amount_max.is_some() {
            let label = format!(
                "Amount: {}–{}",
                f.amount_min
                    .map_or("0".into(), |v| format::money(v as f64, "USD")),
                f.amount_max
                    .map_or("…".into(), |v| format::money(v as f64, "USD"))
            );
            push(label, &|n| {
                n.filters.amount_min = None;
                n.filters.amount_max = None;
            });
        }
        if !f.q.trim().is_empty() {
            push(format!("Search: “{}”", f.q.trim()), &|n| {
                n.filters.q.clear()
            });
        }
        out
    };
    view! {
        <div class="chips" data-testid="filter-chips" aria-label="Active filters" role="group">
            {move || {
                let list = chips();
                if list.is_empty() {
                    return view! { <p class="note">"No filters: showing every project. Click a bar or tick a box to filter."</p> }.into_any();
                }
                let mut cleared = state.get();
                cleared.filters = Default::default();
                cleared.page = 1;
                view! {
                    <ul>
                        {list.into_iter().map(|(label, next)| {
                            let aria = format!("Remove filter {label}");
                            view! {
                                <li class="chip">{label}
                                    <button type="button" aria-label=aria on:click=move |_| on_change.run(next.clone())>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="clear-all" on:click=move |_| on_change.run(cleared.clone())>"Clear all"</button>
                }.into_any()
            }}
        </div>
    }
}
