use std::sync::Arc;

use bridges_core::issue::LoadError;
use leptos::prelude::*;

use crate::app_data::{AppData, DEFAULT_DATA};
use crate::components::data_issues::{DataIssues, IssuesShown};
use crate::i18n::use_lang;
use crate::paths::href;
use crate::tr;
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
    /// How the problems list is shown: one line (most pages) or the whole table (About).
    #[prop(optional)]
    issues_shown: IssuesShown,
    /// Leave out the problems list but not the banner (embeds link to the list instead).
    #[prop(optional)]
    no_issues: bool,
) -> impl IntoView
where
    F: Fn(Arc<AppData>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let DataResource(resource) = expect_context::<DataResource>();
    let lang = use_lang();
    let progress = crate::app_data::load_progress();
    move || {
        match resource.get() {
        None if quiet => ().into_any(),
        None => view! {
            <div class="loading" role="status" data-testid="loading">
                <progress aria-label=tr!(lang, loading_dataset) max="1"
                    value={let p = progress.clone(); move || p.get().fraction().map(|f| format!("{f:.3}"))}></progress>
                <p>{tr!(lang, loading_dataset)}</p>
                <p class="note" aria-hidden="true">{let p = progress.clone(); move || {
                    let n = p.get().records;
                    (n > 0).then(|| crate::i18n::fill(crate::i18n::t(lang.get()).loading_records, &[("n", &crate::i18n::count(lang.get(), n as u64))]))
                }}</p>
            </div>
        }
        .into_any(),
        Some(Err(_)) if quiet => ().into_any(),
        Some(Err(err)) => view! { <LoadErrorPage err=err/> }.into_any(),
        Some(Ok(data)) => {
            let banner = (!data.is_default && !quiet)
                .then(|| view! { <DatasetBanner source=data.source.clone() builtin=data.builtin.clone()/> });
            let issues = if quiet || no_issues {
                Vec::new()
            } else {
                data.loaded.issues.clone()
            };
            view! {
                {banner}
                {children(data)}
                <DataIssues issues=issues shown=issues_shown/>
            }
            .into_any()
        }
    }
    }
}

/// Says which file the page shows when it is not the built-in dataset, with the way back.
/// Test contract: `data-testid="custom-data-banner"`.
#[component]
pub fn DatasetBanner(
    /// The file's name or URL, shown as text.
    source: String,
    /// The titles of the built-in datasets shown instead of the default one (`dataset=aims`).
    #[prop(optional)]
    builtin: Vec<bridges_core::columns::Name>,
) -> impl IntoView {
    let lang = use_lang();
    if !builtin.is_empty() {
        // Built-in data, not a stranger's file: named by the catalogue, with the way back to the default.
        let titles = move || {
            builtin
                .iter()
                .map(|n| match lang.get() {
                    crate::i18n::Lang::En => n.en.clone(),
                    crate::i18n::Lang::Zh => n.zh.clone(),
                })
                .collect::<Vec<_>>()
                .join(" + ")
        };
        return view! {
            <p class="banner" role="note" data-testid="custom-data-banner">
                {tr!(lang, builtin_data_before)} " " <strong>{titles}</strong>
                {move || if lang.get() == crate::i18n::Lang::Zh { "。" } else { ". " }}
                <a href=href("/") rel="external">{tr!(lang, back_to_default)}</a>
            </p>
        }
        .into_any();
    }
    view! {
        <p class="banner" role="note" data-testid="custom-data-banner">
            {tr!(lang, custom_data_before)} " " <code>{source}</code> " "
            {tr!(lang, custom_data_after)} " "
            <a href=href("/") rel="external">{tr!(lang, back_to_builtin)}</a>
        </p>
    }
    .into_any()
}

/// A load error in the page's language: file names and parser details stay as code; what was
/// expected and found is translated where a translation exists.
pub(crate) fn load_error_view(lang: crate::i18n::Lang, err: &LoadError) -> AnyView {
    use crate::i18n::fill_view;
    use crate::i18n::{t, Lang};
    if lang == Lang::En {
        return view! { <span>{err.to_string()}</span> }.into_any();
    }
    let tx = t(lang);
    let code = |s: String| Some(view! { <code>{s}</code> }.into_any());
    let translated = |s: &str| Some(crate::i18n::message_view(lang, s).into_any());
    let source = err.source_name().to_string();
    let parts = match err.clone() {
        LoadError::Fetch {
            message: detail, ..
        } => fill_view(tx.load_fetch, |k| match k {
            "source" => code(source.clone()),
            "detail" => code(detail.clone()),
            _ => None,
        }),
        LoadError::Http { status, .. } => fill_view(tx.load_http, |k| match k {
            "source" => code(source.clone()),
            "status" => Some(status.to_string().into_any()),
            _ => None,
        }),
        LoadError::NotJson {
            line,
            column,
            message: detail,
            ..
        } => fill_view(tx.load_not_json, |k| match k {
            "source" => code(source.clone()),
            "line" => Some(line.to_string().into_any()),
            "column" => Some(column.to_string().into_any()),
            "detail" => code(detail.clone()),
            _ => None,
        }),
        LoadError::Shape {
            expected, found, ..
        } => fill_view(tx.load_shape, |k| match k {
            "source" => code(source.clone()),
            "expected" => translated(&expected),
            "found" => translated(&found),
            _ => None,
        }),
        LoadError::Schema {
            expected, found, ..
        } => fill_view(tx.load_schema, |k| match k {
            "source" => code(source.clone()),
            "expected" => code(expected.clone()),
            "found" => code(found.clone()),
            _ => None,
        }),
    };
    parts.into_iter().collect_view().into_any()
}

/// The page shown when a dataset cannot be used at all: which file, what went wrong, what to do.
#[component]
fn LoadErrorPage(err: LoadError) -> impl IntoView {
    let source = err.source_name().to_string();
    let err_for_view = err.clone();
    let is_default = source == DEFAULT_DATA;
    let lang = use_lang();
    view! {
        <section class="load-error" data-testid="load-error" role="alert">
            <h1>{tr!(lang, load_error_title)}</h1>
            <p>{tr!(lang, source_label)} " " <code>{source}</code></p>
            <p class="message">{move || load_error_view(lang.get(), &err_for_view)}</p>
            <p>
                {tr!(lang, load_error_schema)} " " <code>"bridges/1"</code> " "
                <a href=href("/schema/bridges-1.schema.json") rel="external">{tr!(lang, see_json_schema)}</a>
            </p>
            {(!is_default).then(|| view! { <p><a href=href("/") rel="external">{tr!(lang, open_builtin_instead)}</a></p> })}
        </section>
    }
}
