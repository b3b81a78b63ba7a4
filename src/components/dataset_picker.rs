//! Which built-in datasets are shown (`dataset=` in the URL): each dataset of `data/catalog.json`, or
//! all of them as one union. Choosing one changes the URL, which loads it (see `follow_data_source`).
//! Test contract: `data-testid="dataset-picker"`.

use bridges_core::catalog::Catalog;
use bridges_core::query::{parse, to_query};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::app_data::read_catalogue;
use crate::i18n::{use_lang, Lang};
use crate::paths::same_site_path;
use crate::tr;

async fn catalogue() -> Option<Catalog> {
    read_catalogue().await.ok()
}

/// A select of the built-in datasets and their union.
#[component]
pub fn DatasetPicker() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    let catalog = LocalResource::new(catalogue);
    let current = Memo::new(move |_| {
        let (s, _) = parse(&location.search.get());
        if s.data.is_some() {
            String::new()
        } else if s.datasets.is_empty() {
            "gcdf3".to_string()
        } else {
            s.datasets.join("~")
        }
    });
    let on_change = move |ev: web_sys::Event| {
        let value = event_target_value(&ev);
        let (mut s, _) = parse(&location.search.get_untracked());
        s.data = None;
        // Codes of one dataset may mean nothing in another: a new dataset starts unfiltered.
        s.filters = Default::default();
        s.page = 1;
        // Named even for the default, so the URL says which data it shows.
        s.datasets = value.split('~').map(str::to_string).collect();
        let q = to_query(&s);
        let path = same_site_path(&location.pathname.get_untracked());
        navigate(
            &if q.is_empty() {
                path
            } else {
                format!("{path}?{q}")
            },
            Default::default(),
        );
    };
    move || {
        let c = catalog.get().flatten()?;
        let l = lang.get();
        let all = c
            .datasets
            .iter()
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
            .join("~");
        let options = c
            .datasets
            .iter()
            .map(|d| {
                let title = match (l, &d.title_zh) {
                    (Lang::Zh, Some(zh)) => zh.clone(),
                    _ => d.title_en.clone(),
                };
                (d.id.clone(), title)
            })
            .chain(
                (c.datasets.len() > 1)
                    .then(|| (all.clone(), crate::i18n::t(l).datasets_all.to_string())),
            )
            .map(|(value, title)| {
                let selected = current.get() == value;
                view! { <option value=value selected=selected>{title}</option> }
            })
            .collect_view();
        Some(view! {
            <label class="dataset-picker">{tr!(lang, dataset_label)} " "
                <select data-testid="dataset-picker" on:change=on_change.clone()>
                    {(current.get().is_empty()).then(|| view! { <option value="" selected=true>{tr!(lang, dataset_other)}</option> })}
                    {options}
                </select>
            </label>
        })
    }
}
