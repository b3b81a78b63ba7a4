//! The front page's datasets at a glance: one card per dataset of `data/catalog.json`, with its title,
//! years, counts and price bases, a small chart of its records when it is loaded (else its years from
//! the catalogue: a dataset not chosen is never fetched here) and a link into the explorer on it.
//! Test contract: `data-testid="dataset-card"` with `data-dataset` (the id) and `data-loaded`;
//! `data-testid="explore-dataset"` on each card's link.

use std::sync::Arc;

use bridges_core::catalog::Entry;
use bridges_core::i18n::tf;
use leptos::prelude::*;

use crate::app_data::{read_catalogue, AppData};
use crate::components::year_columns::{YearColumns, YearSpan};
use crate::i18n::{count, fill, price_base, use_lang, Lang};
use crate::paths::href;

/// A card per catalogue dataset; those in the loaded data (alone or in a union) show a chart of it.
#[component]
pub fn DatasetCards(
    /// The loaded data.
    data: Arc<AppData>,
) -> impl IntoView {
    let lang = use_lang();
    let catalog = LocalResource::new(read_catalogue);
    move || {
        let c = match catalog.get()? {
            Ok(c) => c,
            Err(_) => {
                return Some(
                    view! { <p class="note">{move || tf(lang.get()).catalogue_error}</p> }
                        .into_any(),
                )
            }
        };
        let all = c.datasets.iter().filter_map(|d| d.years).fold(
            None,
            |acc: Option<(i32, i32)>, (a, b)| {
                Some(acc.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))))
            },
        );
        let cards = c
            .datasets
            .into_iter()
            .map(|e| view! { <DatasetCard entry=e data=Arc::clone(&data) all=all/> })
            .collect_view();
        Some(view! { <ul class="dataset-cards" role="list">{cards}</ul> }.into_any())
    }
}

/// A price base in the page's language (`current` is 现价 in Chinese).
fn base_name(lang: Lang, base: &str) -> String {
    match (lang, base) {
        (Lang::Zh, "current") => "现价".to_string(),
        _ => price_base(lang, base),
    }
}

#[component]
fn DatasetCard(
    entry: Entry,
    data: Arc<AppData>,
    /// The catalogue's whole span of years.
    all: Option<(i32, i32)>,
) -> impl IntoView {
    let lang = use_lang();
    let d = &data.loaded.dataset;
    // One built-in dataset alone (the default, or `dataset=<id>`) is named by its file; a union by its
    // parts; an outside file by neither.
    let alone = (data.is_default || data.builtin.len() == 1) && data.source == entry.file;
    let records = bridges_core::front::records_of(
        &d.parts,
        d.projects.len(),
        &entry.id,
        alone.then_some(entry.id.as_str()),
    );
    let visual = match (&records, entry.years, all) {
        (Some(r), _, _) => {
            let rows = d.projects.get(r.clone()).unwrap_or_default();
            let bars =
                bridges_core::front::year_bars(rows.iter().filter_map(|p| p.years.commitment));
            let unknown = rows.iter().filter(|p| p.years.commitment.is_none()).count();
            view! { <YearColumns bars=bars unknown=unknown unit=data.unit()/> }.into_any()
        }
        (None, Some(years), Some(all)) => view! { <YearSpan years=years all=all/> }.into_any(),
        _ => ().into_any(),
    };
    let loaded = records.is_some();
    let (en, zh) = (entry.title_en.clone(), entry.title_zh.clone());
    let title = Signal::derive(move || match (lang.get(), &zh) {
        (Lang::Zh, Some(zh)) => zh.clone(),
        _ => en.clone(),
    });
    let counts = entry.counts;
    let n = move |v: usize| count(lang.get(), v as u64);
    let years = entry.years;
    let bases = entry.price_bases.clone();
    let link = href(&format!("/explore?dataset={}", entry.id));
    view! {
        <li class="dataset-card" data-testid="dataset-card" data-dataset=entry.id.clone() data-loaded=loaded.to_string()>
            <h3>{title}</h3>
            {loaded.then(|| view! { <p class="dataset-shown">{move || tf(lang.get()).shown}</p> })}
            <p class="dataset-counts">
                <span><b>{move || n(counts.projects)}</b>" "{move || tf(lang.get()).projects_n}</span>
                <span><b>{move || n(counts.providers)}</b>" "{move || if counts.providers == 1 { tf(lang.get()).provider_one } else { tf(lang.get()).providers_n }}</span>
                <span><b>{move || n(counts.recipients)}</b>" "{move || tf(lang.get()).recipients_n}</span>
            </p>
            <p class="dataset-meta">
                {years.map(|(a, b)| view! {
                    <span>{move || fill(tf(lang.get()).years, &[("from", &a.to_string()), ("to", &b.to_string())])}</span>
                })}
                {(!bases.is_empty()).then(|| view! {
                    <span>{move || {
                        let l = lang.get();
                        let names = bases.iter().map(|b| base_name(l, b)).collect::<Vec<_>>().join(tf(l).price_bases_sep);
                        fill(tf(l).price_bases, &[("bases", &names)])
                    }}</span>
                })}
            </p>
            {visual}
            <a class="dataset-explore" href=link data-testid="explore-dataset"
                aria-label=move || fill(tf(lang.get()).explore_named, &[("title", &title.get())])>
                {move || tf(lang.get()).explore} " →"
            </a>
        </li>
    }
}
