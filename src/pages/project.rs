use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::data_gate::DataGate;
use crate::components::mini_map::{project_points, MiniMap, MiniMapOf};
use crate::components::project_detail::recipients_text;
use crate::components::project_detail::ProjectDetail;
use crate::components::similar_projects::{use_similar, SimilarProjects};
use crate::i18n::{tm, use_lang};
use crate::paths::href;
use crate::tr;

/// `/projects/:id`: one record, everything the dataset says about it, and where it comes from.
#[component]
pub fn ProjectPage() -> impl IntoView {
    let location = use_location();
    let lang = use_lang();
    view! {
        <DataGate children=move |data| {
            // Re-read when the route changes (the router's path: the address changes later), the id
            // decoded once.
            let id = match crate::paths::page_at(&location.pathname.get()) {
                bridges_core::route::Page::Project(id) => id,
                _ => String::new(),
            };
            let found = data.loaded.dataset.projects.iter().find(|p| p.id == id).cloned();
            match found {
                Some(p) => {
                    let title = p.title.clone();
                    crate::use_title_detail(move || Some(title.clone()));
                    let row = data.loaded.dataset.projects.iter().position(|x| x.id == p.id);
                    // Computed once: the similar list and the mini-map's second layer read it.
                    let answer = row.map(|r| use_similar(Arc::clone(&data), r as u32));
                    let similar = {
                        let data = Arc::clone(&data);
                        Signal::derive(move || {
                            answer
                                .and_then(|a| a.get())
                                .map(|s| project_points(&data, s.similar.iter().map(|m| m.row)))
                                // No row, no similar projects: nothing to wait for.
                                .or(answer.is_none().then(Vec::new))
                        })
                    };
                    let place = {
                        let (data, p) = (Arc::clone(&data), p.clone());
                        Signal::derive(move || recipients_text(&data, &p, lang.get()))
                    };
                    let own: Vec<(f64, f64)> = p.locations.iter().map(|l| (l.lon, l.lat)).collect();
                    let countries = p.recipients.clone();
                    // Beside the facts on a wide screen, below them on a phone.
                    let aside = move || view! {
                        <section class="mini-map-section" aria-labelledby="mini-map-title">
                            <h2 id="mini-map-title">{move || tm(lang.get()).mini_title}</h2>
                            <MiniMap countries=countries.clone() own=own.clone() similar=similar of=MiniMapOf::Project { place }/>
                        </section>
                    };
                    view! {
                        <ProjectDetail data=Arc::clone(&data) p=p aside=aside/>
                        {answer.map(|a| view! { <SimilarProjects data=Arc::clone(&data) answer=a/> })}
                    }.into_any()
                }
                None => view! {
                    <section class="not-found" data-testid="project-not-found">
                        <h1>{tr!(lang, no_such_project)}</h1>
                        <p>{tr!(lang, no_project_with_id)} " " <code>{id}</code> " "
                           <a href=href("/table")>{tr!(lang, browse_all_projects)}</a></p>
                    </section>
                }.into_any(),
            }
        }/>
    }
}
