use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::data_gate::DataGate;
use crate::components::project_detail::ProjectDetail;
use crate::components::similar_projects::SimilarProjects;
use crate::i18n::use_lang;
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
                    view! {
                        <ProjectDetail data=Arc::clone(&data) p=p/>
                        {row.map(|r| view! { <SimilarProjects data=Arc::clone(&data) row=r as u32/> })}
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
