//! A card's chart as a table (its "show as table" view) and its legend.

use bridges_core::explore::{Bar, Series};
use bridges_core::money::Unit;
use leptos::prelude::*;

use crate::i18n::{count, fill, t, use_lang};
use crate::tr;

/// The bars as rows: label, projects, known amount, unknown amounts, and a button that selects the
/// bar as a click on it would.
#[component]
pub(super) fn ChartTable(
    bars: Signal<Vec<Bar>>,
    /// The chart's title, the first column's heading.
    title: Signal<String>,
    /// The unit of the amounts.
    unit: StoredValue<Unit>,
    /// Called with the bar's key and whether the click adds to the selection.
    on_select: Callback<(String, bool)>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-scroll">
            <table class="chart-table">
                <thead><tr>
                    <th scope="col">{title}</th>
                    <th scope="col" class="num">{tr!(lang, col_projects)}</th>
                    <th scope="col" class="num">{move || fill(t(lang.get()).col_known_amount_in, &[("unit", &unit.with_value(|u| u.name(lang.get())))])}</th>
                    <th scope="col" class="num">{tr!(lang, col_amount_unknown)}</th>
                    <th scope="col">{tr!(lang, col_filter)}</th>
                </tr></thead>
                <tbody>
                    {move || bars.get().into_iter().map(|b| {
                        let key = b.key.clone();
                        view! {
                            <tr class:selected=b.selected>
                                <th scope="row">{b.label.clone()}</th>
                                <td class="num">{count(lang.get(), b.group.count as u64)}</td>
                                <td class="num">{unit.with_value(|u| u.amount(lang.get(), b.group.sum))}</td>
                                <td class="num">{count(lang.get(), b.group.unknown() as u64)}</td>
                                <td><button type="button" aria-pressed=b.selected.to_string()
                                    on:click=move |ev: web_sys::MouseEvent| on_select.run((key.clone(), ev.shift_key() || ev.ctrl_key() || ev.meta_key()))>
                                    {if b.selected { t(lang.get()).selected } else { t(lang.get()).select }}
                                </button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The series of a stacked chart, each with its colour; nothing when there are none.
#[component]
pub(super) fn ChartLegend(series: Signal<Vec<Series>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        Some(series.get()).filter(|l| !l.is_empty()).map(|labels| {
            view! {
                <ul class="legend" aria-label=tr!(lang, legend)>
                    {labels.into_iter().map(|s| {
                        let (r, g, b) = s.colour;
                        view! { <li><span class="swatch" style:background=format!("rgb({r},{g},{b})")></span>{s.label}</li> }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
