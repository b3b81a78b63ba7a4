//! "Bring your spreadsheet" (issue #17): open a CSV, TSV, .xlsx or .ods file, choose a sheet, check the
//! proposed mapping of its columns, and load the result as the current dataset. The engine
//! (bridges-sheets) is code loaded on demand ([`engine`]); this module is the page's shell around it:
//! the file input and the paste box here, the rest in the panel loaded on demand (`panel.rs`, its views
//! in `steps.rs` and `mapping_files.rs`; the mapper in [`mapper`], plain data in [`model`]).

mod convert;
pub mod engine;
pub mod mapper;
mod mapping_files;
pub mod model;
mod panel;
mod steps;
mod workbook;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{fill_view, use_lang};
use crate::lazy::{lazy_view, preload};
use bridges_core::i18n::ts;
use engine::__preload_open_sheet;

/// What the visitor gave: a file chosen in the input, or a table pasted in the box. The page has one
/// thread, so the file's wrapper (which lets it sit in a signal) is never crossed.
#[derive(Clone)]
pub enum Chosen {
    File(send_wrapper::SendWrapper<web_sys::File>),
    Pasted(Arc<str>),
}

/// Open a spreadsheet or paste a table, map its columns, load it. Test contract:
/// `data-testid="open-spreadsheet"` on the file input, `paste-spreadsheet` on the paste box and
/// `paste-read` on its button; the mapper's own ids are in [`mapper::ColumnMapper`]. Only these controls are the
/// page's own code: what follows (the `sheets_ui` split) and the reader (the `sheets` split) load on
/// demand, when the pointer or focus reaches a control, or at the latest when a file is chosen.
#[component]
pub fn OpenSpreadsheet() -> impl IntoView {
    let lang = use_lang();
    let chosen = RwSignal::new(None::<Chosen>);
    let paste_box = NodeRef::<leptos::html::Textarea>::new();
    // The panel is built once; later files go to it through `chosen`.
    let has_file = Memo::new(move |_| chosen.with(Option::is_some));
    let warm = move || {
        preload(__preload_spreadsheet_panel);
        preload(__preload_open_sheet);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            chosen.set(Some(Chosen::File(send_wrapper::SendWrapper::new(file))));
        }
    };
    let on_paste_read = move |_| {
        if let Some(area) = paste_box.get_untracked() {
            chosen.set(Some(Chosen::Pasted(Arc::from(area.value()))));
        }
    };
    view! {
        <div class="open-spreadsheet" data-testid="spreadsheet">
            <label class="open-spreadsheet-label" on:pointerenter=move |_| warm() on:focusin=move |_| warm()>
                {move || fill_view(ts(lang.get()).open_label, |_| Some(view! { <code translate="no">".csv .tsv .xlsx .ods"</code> }.into_any()))}
                " "
                <input type="file" data-testid="open-spreadsheet"
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,.ods,.xls,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
                    on:change=on_file/>
            </label>
            <label class="paste-spreadsheet" on:pointerenter=move |_| warm() on:focusin=move |_| warm()>
                <span>{move || ts(lang.get()).paste_label}</span>
                <textarea node_ref=paste_box data-testid="paste-spreadsheet" rows="4" spellcheck="false"
                    autocomplete="off" translate="no"></textarea>
            </label>
            <button type="button" data-testid="paste-read" on:click=on_paste_read>{move || ts(lang.get()).paste_read}</button>
            <p class="note">{move || ts(lang.get()).open_note}</p>
            {move || has_file.get().then(|| lazy_view(move || spreadsheet_panel(chosen), __preload_spreadsheet_panel))}
        </div>
    }
}

lazy_fn! {
    /// Everything after a file is chosen: progress, sheet choice, mapper, import, downloads.
    fn spreadsheet_panel(chosen: RwSignal<Option<Chosen>>) -> AnyView {
        panel::panel(chosen)
    }
    preload: __preload_spreadsheet_panel, in: sheets_ui;
}
