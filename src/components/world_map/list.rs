//! The map as a table: every recipient with projects, sortable by nothing but projects, each a button
//! that filters like a click on the map.

use std::collections::HashMap;
use std::sync::Arc;

use bridges_core::map::Fill;
use bridges_core::world::World;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::i18n::{count, tm, use_lang};

/// The recipients with projects, most first.
#[component]
pub fn MapList(
    data: Arc<AppData>,
    world: Arc<World>,
    /// The current fills.
    #[prop(into)]
    fills: Signal<HashMap<String, Fill>>,
    /// Filters to a country (additive).
    choose: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let f = fills.get();
        let l = lang.get();
        let t = tm(l);
        let mut rows: Vec<(String, Fill)> = world
            .countries
            .iter()
            .filter_map(|s| {
                f.get(&s.iso3)
                    .filter(|x| x.count > 0)
                    .map(|x| (s.iso3.clone(), x.clone()))
            })
            .collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
        view! {
            <div class="table-scroll">
                <table data-testid="map-list">
                    <caption>{t.list_caption}</caption>
                    <thead><tr><th scope="col">{t.list_country}</th><th scope="col" class="num">{t.list_projects}</th><th scope="col" class="num">{t.list_known}</th><th scope="col" class="num">{t.list_unknown}</th><th scope="col">{t.list_filter}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(iso, x)| {
                            let name = data.reference.country_name(&iso, l).to_string();
                            view! {
                                <tr class:selected=x.selected>
                                    <th scope="row">{name}</th>
                                    <td class="num">{count(l, x.count as u64)}</td>
                                    <td class="num">{if x.known > 0 { data.unit.amount(l, x.sum) } else { t.list_amount_unknown.into() }}</td>
                                    <td class="num">{count(l, (x.count - x.known) as u64)}</td>
                                    <td><button type="button" aria-pressed=x.selected.to_string() on:click=move |_| choose.run(iso.clone())>{if x.selected { t.list_selected } else { t.list_select }}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}
