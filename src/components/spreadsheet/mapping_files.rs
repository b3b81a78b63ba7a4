//! A mapping as a file: save the columns' mapping to use again with the next release of the same
//! spreadsheet, or load one saved before.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::engine::{load_mapping, mapping_text};
use super::model::{Conventions, SheetProblem};
use super::panel::{flat, stem};
use crate::i18n::{fill_view, use_lang};
use bridges_core::i18n::ts;

/// "Save mapping" and "Load mapping" under the mapper: `<file>.mapping.json` from the current fields
/// and conventions, or those of a mapping file chosen (then `note` names it).
#[component]
pub(super) fn MappingFiles(
    /// The spreadsheet's file name (the saved mapping is named after it).
    file: String,
    /// The Bridges field of each column.
    fields: RwSignal<Vec<Option<&'static str>>>,
    conventions: RwSignal<Conventions>,
    /// Where a problem is reported.
    problem: RwSignal<Option<SheetProblem>>,
    /// The name of the mapping file loaded last.
    note: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let save_mapping = move |_| {
        let (f, c) = (fields.get_untracked(), conventions.get_untracked());
        let name = format!("{}.mapping.json", stem(&file));
        spawn_local(async move {
            match flat(mapping_text(f, c).await) {
                Ok(text) => {
                    if let Err(e) = crate::download::download_text(&name, "application/json", &text)
                    {
                        problem.set(Some(SheetProblem::Read { detail: e }));
                    }
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };

    let on_mapping_file = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        problem.set(None);
        note.set(None);
        spawn_local(async move {
            let name = file.name();
            let result = async {
                if file.size() > 1024.0 * 1024.0 {
                    return Err(SheetProblem::TooLarge { name: name.clone() });
                }
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .ok_or_else(|| SheetProblem::Read {
                        detail: name.clone(),
                    })?;
                flat(load_mapping(text).await)
            }
            .await;
            match result {
                Ok((f, c)) => {
                    fields.set(f);
                    conventions.set(c);
                    note.set(Some(name));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };

    view! {
        <div class="mapper-files">
            <button type="button" data-testid="save-mapping" on:click=save_mapping>{move || ts(lang.get()).save_mapping}</button>
            <label>{move || ts(lang.get()).load_mapping}" "
                <input type="file" accept=".json,application/json" data-testid="load-mapping" on:change=on_mapping_file/>
            </label>
            {move || note.get().map(|f| view! {
                <p class="note" role="status">{move || {
                    let f = f.clone();
                    fill_view(ts(lang.get()).mapping_loaded, move |_| Some(view! { <code translate="no">{f.clone()}</code> }.into_any()))
                }}</p>
            })}
        </div>
    }
}
