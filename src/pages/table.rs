use std::sync::Arc;

use bridges_core::format;
use bridges_core::query::{Sort, SortKey, ViewState};
use bridges_core::table::sort_rows;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::facets::Chips;
use crate::components::headline::Headline;
use crate::components::notices::Notices;
use crate::pages::project::recipients_text;
use crate::paths::href;
use crate::view_state::{filtered_summary, use_aggregates, use_set_view, use_view_state};

const PAGE: usize = 50;

/// `/table`: the projects of the current filters, sortable (`sort=amount-desc`), fifty to a page.
#[component]
pub fn TablePage() -> impl IntoView {
    view! {
        <h1>"Projects"</h1>
        <DataGate children=|data| view! { <ProjectTable data=data/> }/>
    }
}

#[component]
fn ProjectTable(data: Arc<AppData>) -> impl IntoView {
    let state = use_view_state();
    let set_view = use_set_view();
    let agg = use_aggregates(Arc::clone(&data), state);
    let rows = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let (s, _) = state.get();
            let mut rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&s.filters),
                Err(_) => Vec::new(),
            };
            sort_rows(
                &data.loaded.dataset.projects,
                &data.reference,
                &mut rows,
                s.sort,
            );
            rows
        })
    };
    let summary = {
        let data = Arc::clone(&data);
        Signal::derive(move || filtered_summary(&data, &agg.get(), &state.get().0))
    };
    let go = {
        let set_view = set_view.clone();
        Callback::new(move |next: ViewState| set_view(next))
    };
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE).max(1));
    let page = move || state.get().0.page.clamp(1, pages());
    let header = move |key: SortKey, label: &'static str, numeric: bool| {
        let sort_state = move || {
            let s = state.get().0.sort;
            if s.key != key {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=sort_state class="table-sort">
                <button type="button" on:click=move |_| {
                    let mut s = state.get_untracked().0;
                    s.sort = if s.sort.key == key { Sort { key, descending: !s.sort.descending } } else { Sort { key, descending: matches!(key, SortKey::Amount | SortKey::Year) } };
                    s.page = 1;
                    go.run(s);
                }>
                    {label}
                    {move || match sort_state() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}
                </button>
            </th>
        }
    };
    let body = {
        let data = Arc::clone(&data);
        move || {
            let start = (page() - 1) * PAGE;
            rows.with(|r| {
                r.iter()
                    .skip(start)
                    .take(PAGE)
                    .map(|&i| {
                        let p = &data.loaded.dataset.projects[i as usize];
                        let amount = p.amount.as_ref().map(|a| format::money(a.value, &a.currency)).unwrap_or_else(|| "unknown".into());
                        view! {
                            <tr data-id=p.id.clone()>
                                <td><a href=href(&format!("/projects/{}", p.id))>{p.title.clone()}</a></td>
                                <td>{recipients_text(&data, p)}</td>
                                <td>{p.sector.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into())}</td>
                                <td class="num">{p.years.commitment.map(|y| y.to_string()).unwrap_or_else(|| "unknown".into())}</td>
                                <td class="num">{amount}</td>
                                <td>{p.status.map(|s| s.label_en()).unwrap_or("unknown")}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let to_page = move |n: usize| {
        let mut s = state.get_untracked().0;
        s.page = n;
        go.run(s);
    };
    view! {
        <Notices notices=Signal::derive(move || state.get().1)/>
        <Headline summary=summary/>
        <Chips data=Arc::clone(&data) state=Signal::derive(move || state.get().0) on_change=go/>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Projects">
            <table class="projects" data-testid="results-table">
                <caption>{move || {
                    let total = rows.with(Vec::len);
                    if total == 0 {
                        "No project matches the current filters.".to_string()
                    } else {
                        format!(
                            "Projects {}–{} of {} (amounts in constant 2021 USD)",
                            format::int(((page() - 1) * PAGE + 1) as u64),
                            format::int((page() * PAGE).min(total) as u64),
                            format::int(total as u64)
                        )
                    }
                }}</caption>
                <thead><tr>
                    {header(SortKey::Title, "Title", false)}
                    {header(SortKey::Recipient, "Recipient", false)}
                    {header(SortKey::Sector, "Sector", false)}
                    {header(SortKey::Year, "Committed", true)}
                    {header(SortKey::Amount, "Amount", true)}
                    {header(SortKey::Status, "Status", false)}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label="Pages">
            <button type="button" disabled=move || { page() == 1 } on:click=move |_| to_page(page() - 1)>"← Previous"</button>
            <span>{move || format!("Page {} of {}", page(), pages())}</span>
            <button type="button" disabled=move || { page() >= pages() } on:click=move |_| to_page(page() + 1)>"Next →"</button>
        </nav>
    }
}
