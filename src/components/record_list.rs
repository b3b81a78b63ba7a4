//! A bounded list of records, newest first, each a link to its project page: what a count on an actor
//! page or in the partner finder is made of.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app_data::AppData;
use crate::i18n::{count, fill, tp, use_lang};

/// Up to `limit` of `rows` (dataset positions), most recent commitment first (or in the order given),
/// with how many there are.
#[component]
pub fn RecordList(
    data: Arc<AppData>,
    rows: Vec<u32>,
    limit: usize,
    /// Keep the rows' order (a ranking) instead of sorting by year.
    #[prop(optional)]
    keep_order: bool,
    /// No "n of total" line (examples under a ranked item, whose count is said there).
    #[prop(optional)]
    uncounted: bool,
) -> impl IntoView {
    let lang = use_lang();
    let projects = &data.loaded.dataset.projects;
    let mut rows: Vec<u32> = rows
        .into_iter()
        .filter(|&r| (r as usize) < projects.len())
        .collect();
    if !keep_order {
        rows.sort_by_key(|&r| std::cmp::Reverse(projects[r as usize].years.commitment));
    }
    let total = rows.len();
    let items: Vec<(String, String, String, String)> = rows
        .iter()
        .take(limit)
        .map(|&r| {
            let p = &projects[r as usize];
            let year = p
                .years
                .commitment
                .map_or_else(String::new, |y| y.to_string());
            (
                p.id.clone(),
                p.title.clone(),
                crate::paths::project_href(&p.id),
                year,
            )
        })
        .collect();
    let shown = items.len();
    view! {
        {(total > shown && !uncounted).then(|| view! {
            <p class="note">{move || {
                let l = lang.get();
                fill(tp(l).records_shown, &[("shown", &count(l, shown as u64)), ("total", &count(l, total as u64))])
            }}</p>
        })}
        <ul class="record-list">
            {items.into_iter().map(|(id, title, url, year)| view! {
                <li data-id=id><a href=url lang="en">{title}</a>{(!year.is_empty()).then(|| view! { <span class="year">" · " {year}</span> })}</li>
            }).collect_view()}
        </ul>
    }
}
