use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app_data::{DataSource, LocalFile};
use crate::i18n::{fill, t, use_lang, Lang};
use crate::tr;
use crate::DataChoice;

/// Largest file read in the browser.
const MAX_BYTES: f64 = 100.0 * 1024.0 * 1024.0;

/// The dataset source for a chosen file; it is read (as a stream, in slices) by the loader.
fn choose(file: web_sys::File, lang: Lang) -> Result<DataSource, String> {
    let name = file.name();
    if file.size() > MAX_BYTES {
        return Err(fill(t(lang).file_too_large, &[("name", &name)]));
    }
    Ok(DataSource::File {
        name,
        file: LocalFile(send_wrapper::SendWrapper::new(file)),
    })
}

/// Open or drop a `bridges/1` JSON file: it is read in the browser (never uploaded) and replaces the
/// built-in dataset until the page is reloaded. Problems in it are listed like any other dataset's.
#[component]
pub fn OpenFile() -> impl IntoView {
    let DataChoice(choice) = expect_context::<DataChoice>();
    let error = RwSignal::new(None::<String>);
    let over = RwSignal::new(false);
    let lang = use_lang();
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        match choose(file, lang.get_untracked()) {
            Ok(source) => {
                error.set(None);
                choice.set(source);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="open-file" class:over=move || over.get() data-testid="open-file"
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                take(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
            }>
            <label>
                {tr!(lang, open_file_label)} " "
                <input type="file" accept=".json,application/json" on:change=move |ev| {
                    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                    take(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
                }/>
            </label>
            <p class="note">{tr!(lang, open_file_note)}</p>
            {move || error.get().map(|e| view! { <p class="load-error" role="alert">{e}</p> })}
        </div>
    }
}
