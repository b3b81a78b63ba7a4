use std::sync::Arc;

use bridges_core::issue::LoadError;
use leptos::prelude::*;

use crate::app_data::{AppData, DEFAULT_DATA};
use crate::components::data_issues::DataIssues;
use crate::paths::href;
use crate::DataResource;

/// Shows a progress state while the dataset loads, a clear error page if it cannot be read at all,
/// and otherwise renders `children` with the data (plus the list of problems found while loading).
#[component]
pub fn DataGate<F, V>(
    /// Renders the page once the data is there.
    children: F,
    /// Leave out the banner and the problems list (when another gate on the page shows them).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    F: Fn(Arc<AppData>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let DataResource(resource) = expect_context::<DataResource>();
    move || match resource.get() {
        None if quiet => ().into_any(),
        None => view! {
            <div class="loading" role="status" data-testid="loading">
                <progress aria-label="Loading the dataset"></progress>
                <p>"Loading the dataset…"</p>
            </div>
        }
        .into_any(),
        Some(Err(_)) if quiet => ().into_any(),
        Some(Err(err)) => view! { <LoadErrorPage err=err/> }.into_any(),
        Some(Ok(data)) => {
            let banner = (!data.is_default && !quiet).then(|| {
                let source = data.source.clone();
                view! {
                    <p class="banner" role="note" data-testid="custom-data-banner">
                        "You are looking at data from " <code>{source}</code>
                        ", not the built-in AidData dataset. "
                        <a href=href("/") rel="external">"Back to the built-in data"</a>
                    </p>
                }
            });
            let issues = if quiet {
                Vec::new()
            } else {
                data.loaded.issues.clone()
            };
            view! {
                {banner}
                {children(data)}
                <DataIssues issues=issues/>
            }
            .into_any()
        }
    }
}

/// The page shown when a dataset cannot be used at all: which file, what went wrong, what to do.
#[component]
fn LoadErrorPage(err: LoadError) -> impl IntoView {
    let source = err.source_name().to_string();
    let message = err.to_string();
    let is_default = source == DEFAULT_DATA;
    view! {
        <section class="load-error" data-testid="load-error" role="alert">
            <h1>"The dataset could not be loaded"</h1>
            <p>"Source: " <code>{source}</code></p>
            <p class="message">{message}</p>
            <p>
                "Bridges reads files in the " <code>"bridges/1"</code> " schema; "
                <a href=href("/schema/bridges-1.schema.json") rel="external">"see the JSON Schema"</a> "."
            </p>
            {(!is_default).then(|| view! { <p><a href=href("/") rel="external">"Open the built-in dataset instead"</a></p> })}
        </section>
    }
}
