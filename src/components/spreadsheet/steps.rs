//! What the panel shows at each step: the reading progress, the choice of a sheet, a problem, and the
//! import's result with its download.

use leptos::prelude::*;

use super::model::SheetProblem;
use crate::i18n::{count, fill, fill_view, use_lang};
use bridges_core::i18n::ts;

/// Sheets offered in the choice (a workbook with more is unusual; the rest are not listed).
const MOST_SHEETS: usize = 200;

/// "Reading `file`: n rows".
#[component]
pub(super) fn SheetReading(file: String, rows: usize) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="sheet-progress" role="status" data-testid="sheet-reading">{move || {
            let (f, l) = (file.clone(), lang.get());
            fill_view(ts(l).reading, move |slot| match slot {
                "file" => Some(view! { <code translate="no">{f.clone()}</code> }.into_any()),
                "n" => Some(count(l, rows as u64).into_any()),
                _ => None,
            })
        }}</p>
    }
}

/// A workbook with several sheets: which one to read (`chosen`, an index), read on `on_read`.
#[component]
pub(super) fn SheetChoice(
    file: String,
    sheets: Vec<String>,
    chosen: RwSignal<usize>,
    /// Called with the file's name to read the chosen sheet.
    on_read: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let n = sheets.len();
    let f = file.clone();
    view! {
        <div class="sheet-choice" data-testid="sheet-choice">
            <p>{move || {
                let (f, l) = (f.clone(), lang.get());
                fill_view(ts(l).choose_sheet, move |slot| match slot {
                    "file" => Some(view! { <code translate="no">{f.clone()}</code> }.into_any()),
                    "n" => Some(count(l, n as u64).into_any()),
                    _ => None,
                })
            }}</p>
            <label for="sheet-select">{move || ts(lang.get()).sheet_label}</label>" "
            <select id="sheet-select" data-testid="sheet-select" on:change:target=move |ev| {
                if let Ok(i) = ev.target().value().parse::<usize>() { chosen.set(i) }
            }>
                {sheets.into_iter().take(MOST_SHEETS).enumerate().map(|(i, s)| view! {
                    <option value=i.to_string() translate="no">{s}</option>
                }).collect_view()}
            </select>" "
            <button type="button" data-testid="sheet-read" on:click=move |_| on_read.run(file.clone())>
                {move || ts(lang.get()).read_sheet}
            </button>
        </div>
    }
}

/// A problem with the file, the sheet, the mapping or the import, in the page's language.
#[component]
pub(super) fn SheetError(problem: SheetProblem) -> impl IntoView {
    let lang = use_lang();
    move || {
        let (msg, detail) = problem.message(ts(lang.get()));
        view! {
            <div class="load-error" role="alert" data-testid="sheet-error">
                <p>{msg}</p>
                {detail.map(|d| view! { <p class="note" lang="en">{fill(ts(lang.get()).err_detail, &[("detail", &d)])}</p> })}
            </div>
        }
    }
}

/// "`file`: n projects loaded", and the `bridges/1` file to download.
#[component]
pub(super) fn SheetDone(file: String, projects: usize, on_download: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="sheet-done" role="status" data-testid="sheet-imported">
            <p>{move || {
                let (f, l) = (file.clone(), lang.get());
                fill_view(ts(l).applied, move |slot| match slot {
                    "file" => Some(view! { <code translate="no">{f.clone()}</code> }.into_any()),
                    "n" => Some(count(l, projects as u64).into_any()),
                    _ => None,
                })
            }}</p>
            <button type="button" data-testid="download-bridges-json" on:click=move |_| on_download.run(())>
                {move || ts(lang.get()).download_json}
            </button>
        </div>
    }
}
