//! The filtered projects as CSV or JSON, written by the core's exporters with the view's URL in them.

use std::sync::Arc;

use bridges_core::query::to_query;
use leptos::prelude::*;

use super::UrlState;
use crate::app_data::AppData;
use crate::download::download_text;
use crate::i18n::use_lang;
use crate::tr;

/// Which file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// Writes the projects the URL's filters keep as a file the browser downloads.
fn download(data: &AppData, state: UrlState, format: Format) {
    let Some((s, _)) = state.try_get_untracked() else {
        return;
    };
    let rows = match data.engine.lock() {
        Ok(mut e) => e.matching(&s.filters),
        Err(_) => return,
    };
    let q = to_query(&s);
    let d = &data.loaded.dataset;
    let _ = match format {
        Format::Csv => download_text(
            "bridges-projects.csv",
            "text/csv;charset=utf-8",
            &bridges_core::export::csv(d, &rows, &data.reference, &q),
        ),
        Format::Json => download_text(
            "bridges-projects.json",
            "application/json",
            &bridges_core::export::json(d, &rows, &q),
        ),
    };
}

/// "Download CSV" and "Download JSON": two buttons, or on a phone a menu, so that the first chart
/// starts a row higher.
#[component]
pub fn Downloads(
    data: Arc<AppData>,
    /// The URL state (its filters choose the projects; its query is written into the files).
    state: UrlState,
) -> impl IntoView {
    let lang = use_lang();
    let narrow = leptos_use::use_media_query("(max-width: 40rem)");
    let download_csv = {
        let data = Arc::clone(&data);
        move |_| download(&data, state, Format::Csv)
    };
    let download_json = move |_| download(&data, state, Format::Json);
    move || {
        let (download_csv, download_json) = (download_csv.clone(), download_json.clone());
        if narrow.get() {
            view! {
                <details class="chart-menu download-menu">
                    <summary>{tr!(lang, download_label)} <span aria-hidden="true">" ▾"</span></summary>
                    <div class="chart-menu-items">
                        <button type="button" on:click=download_csv>{tr!(lang, download_csv)}</button>
                        <button type="button" on:click=download_json>{tr!(lang, download_json)}</button>
                    </div>
                </details>
            }
            .into_any()
        } else {
            view! {
                <button type="button" on:click=download_csv>{tr!(lang, download_csv)}</button>
                <button type="button" on:click=download_json>{tr!(lang, download_json)}</button>
            }
            .into_any()
        }
    }
}
