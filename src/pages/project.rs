use std::sync::Arc;

use bridges_core::{format, Project};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::paths::href;

/// The amount as people read it, or "unknown" (never zero) when the source has none.
pub fn amount_text(p: &Project) -> String {
    match &p.amount {
        Some(a) => format!(
            "{} ({} {})",
            format::money(a.value, &a.currency),
            a.price_base,
            a.currency
        ),
        None => "unknown".into(),
    }
}

/// Recipient country names, or the regional label for regional projects.
pub fn recipients_text(data: &AppData, p: &Project) -> String {
    bridges_core::table::recipients_label(p, &data.reference)
}

fn year_text(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_else(|| "unknown".into())
}

/// `/projects/:id`: one record, everything the dataset says about it, and where it comes from.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let params = use_params_map();
    view! {
        <DataGate children=move |data| {
            let id = params.read().get("id").unwrap_or_default();
            let found = data.loaded.dataset.projects.iter().find(|p| p.id == id).cloned();
            match found {
                Some(p) => view! { <ProjectDetail data=data p=p/> }.into_any(),
                None => view! {
                    <section class="not-found" data-testid="project-not-found">
                        <h1>"No such project"</h1>
                        <p>"The dataset has no project with id " <code>{id}</code> ". "
                           <a href=href("/table")>"Browse all projects"</a></p>
                    </section>
                }.into_any(),
            }
        }/>
    }
}

#[component]
fn ProjectDetail(data: Arc<AppData>, p: Project) -> impl IntoView {
    let sdgs = p
        .sdgs
        .iter()
        .filter_map(|g| data.reference.sdg(*g))
        .map(|s| view! { <li class="sdg" style:border-color=s.colour.clone()>{format!("SDG {}: {}", s.goal, s.name_en)}</li> })
        .collect_view();
    let locations = p
        .locations
        .iter()
        .map(|l| {
            let label = format!(
                "{} ({}): {:.3}, {:.3}",
                l.name.clone().unwrap_or_else(|| "unnamed area".into()),
                l.level
                    .clone()
                    .unwrap_or_else(|| "location".into())
                    .to_uppercase(),
                l.lat,
                l.lon
            );
            view! { <li>{label}</li> }
        })
        .collect_view();
    let sources = p
        .sources
        .iter()
        .map(|s| {
            let label = s.label.clone().unwrap_or_else(|| s.url.clone());
            view! { <li><a href=s.url.clone() rel="external noopener noreferrer" target="_blank">{label} " — " {s.url.clone()}</a></li> }
        })
        .collect_view();
    let agencies = [
        ("Funding", &p.agencies.funding),
        ("Receiving", &p.agencies.receiving),
        ("Implementing", &p.agencies.implementing),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| view! { <dt>{format!("{k} agencies")}</dt><dd>{v.join("; ")}</dd> })
    .collect_view();
    let enrichment = p.enrichment.clone().map(|e| {
        view! { <p class="note">{format!("{} from {} (matched on the AidData record id).", e.fields.join(", "), e.source)}</p> }
    });
    let meta = data.loaded.dataset.meta.clone();
    view! {
        <article class="project" data-testid="project" data-id=p.id.clone()>
            <p class="breadcrumb"><a href=href("/table")>"Projects"</a> " / " {format!("Record {}", p.id)}</p>
            <h1>{p.title.clone()}</h1>
            {p.title_zh.clone().map(|t| view! { <p lang="zh-Hans" class="title-zh">{t}</p> })}
            {p.description.clone().map(|d| view! { <p class="description">{d}</p> })}
            <dl class="facts">
                <dt>"Recipient"</dt><dd>{recipients_text(&data, &p)}</dd>
                <dt>"Provider"</dt><dd>{p.providers.iter().map(|c| data.reference.country_name_en(c).to_string()).collect::<Vec<_>>().join(", ")}</dd>
                <dt>"Sector"</dt><dd>{p.sector.as_ref().map(|s| format!("{} (OECD CRS {})", s.name, s.code)).unwrap_or_else(|| "unknown".into())}</dd>
                <dt>"Status"</dt><dd>{p.status.map(|s| s.label_en()).unwrap_or("unknown")}</dd>
                <dt>"Amount"</dt><dd data-testid="project-amount">{amount_text(&p)}</dd>
                <dt>"Committed"</dt><dd>{year_text(p.years.commitment)}</dd>
                <dt>"Started"</dt><dd>{year_text(p.years.start)}</dd>
                <dt>"Completed"</dt><dd>{year_text(p.years.completion)}</dd>
                <dt>"Flow class"</dt><dd>{p.flow_class.map(|f| f.label_en()).unwrap_or("unknown")}</dd>
                {p.flow_type.clone().map(|f| view! { <dt>"Flow type"</dt><dd>{f}</dd> })}
                {agencies}
            </dl>
            {enrichment}
            {(!p.sdgs.is_empty()).then(|| view! {
                <h2>"Indicative SDGs"</h2>
                <p class="note">"Derived from the sector by Bridges' own mapping (see About); not coded by the source."</p>
                <ul class="sdgs">{sdgs}</ul>
            })}
            {(!p.locations.is_empty()).then(|| view! {
                <h2>"Locations"</h2>
                <p class="note">"Centroids of the administrative areas the project touches (latitude, longitude)."</p>
                <ul class="locations">{locations}</ul>
            })}
            {(!p.sources.is_empty()).then(|| view! { <h2>"Sources"</h2><ul class="sources">{sources}</ul> })}
            <h2>"Citation"</h2>
            <p class="citation">{meta.citation.unwrap_or_else(|| meta.title.clone())} {meta.licence.map(|l| format!(" Licence: {l}."))}</p>
        </article>
    }
}
