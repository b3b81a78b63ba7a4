use std::sync::Arc;

use bridges_core::format;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::headline::Headline;
use crate::pages::project::{amount_text, recipients_text};
use crate::paths::href;

const PAGE: usize = 50;

/// `/table`: every project, fifty to a page (`?page=N`), each linking to its own page.
#[component]
pub fn TablePage() -> impl IntoView {
    view! {
        <h1>"Projects"</h1>
        <DataGate children=|data| view! { <Headline summary=data.summary.clone()/> <ProjectTable data=data/> }/>
    }
}

#[component]
fn ProjectTable(data: Arc<AppData>) -> impl IntoView {
    let query = use_query_map();
    let total = data.loaded.dataset.projects.len();
    let pages = total.div_ceil(PAGE).max(1);
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, pages)
    });
    let rows = {
        let data = Arc::clone(&data);
        move || {
            let start = (page.get() - 1) * PAGE;
            data.loaded.dataset.projects[start..(start + PAGE).min(total)]
                .iter()
                .map(|p| {
                    let year = p.years.commitment.map(|y| y.to_string()).unwrap_or_else(|| "unknown".into());
                    view! {
                        <tr data-id=p.id.clone()>
                            <td><a href=href(&format!("/projects/{}", p.id))>{p.title.clone()}</a></td>
                            <td>{recipients_text(&data, p)}</td>
                            <td>{p.sector.as_ref().map(|s| s.name.clone()).unwrap_or_else(|| "unknown".into())}</td>
                            <td class="num">{year}</td>
                            <td class="num">{amount_text(p)}</td>
                            <td>{p.status.map(|s| s.label_en()).unwrap_or("unknown")}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let page_link = move |n: usize| href(&format!("/table?page={n}"));
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Projects">
            <table class="projects" data-testid="results-table">
                <caption>{move || format!(
                    "Projects {}–{} of {}",
                    format::int(((page.get() - 1) * PAGE + 1) as u64),
                    format::int((page.get() * PAGE).min(total) as u64),
                    format::int(total as u64)
                )}</caption>
                <thead><tr>
                    <th scope="col">"Title"</th><th scope="col">"Recipient"</th><th scope="col">"Sector"</th>
                    <th scope="col">"Committed"</th><th scope="col">"Amount"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label="Pages">
            <a href=move || page_link(page.get().saturating_sub(1).max(1)) aria-disabled=move || (page.get() == 1).to_string()>"← Previous"</a>
            <span>{move || format!("Page {} of {}", page.get(), pages)}</span>
            <a href=move || page_link((page.get() + 1).min(pages)) aria-disabled=move || (page.get() == pages).to_string()>"Next →"</a>
        </nav>
    }
}
