//! "Bring your spreadsheet" (issue #17): open a CSV, TSV, .xlsx or .ods file, choose a sheet, check the
//! proposed mapping of its columns, and load the result as the current dataset. The engine
//! (bridges-sheets) is code loaded on demand ([`engine`]); this module is the page's shell around it.

pub mod engine;
pub mod mapper;
pub mod model;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app_data::{DataSource, REFERENCE_DATA};
use crate::i18n::{count, fill, fill_view, use_lang};
use crate::lazy::{lazy_view, preload, LoadFailed};
use crate::{DataChoice, DataResource};
use bridges_core::i18n::ts;
use engine::{
    __preload_open_sheet, choose_sheet, finish_import, load_mapping, mapping_text, open_pasted,
    open_sheet, propose_sheet, sheet_readings, start_import, step_import, step_sheet,
};
use mapper::ColumnMapper;
use model::{Conventions, Proposed, SheetProblem};

/// Largest file read in the browser (as for JSON files).
const MAX_BYTES: f64 = 100.0 * 1024.0 * 1024.0;
/// Rows read between two looks at the clock.
const ROWS_PER_STEP: usize = 2_000;
/// Sheets offered in the choice (a workbook with more is unusual; the rest are not listed).
const MOST_SHEETS: usize = 200;

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading { file: String, rows: usize },
    Choose { file: String, sheets: Vec<String> },
    Mapping(Arc<Proposed>),
}

/// What the last import gave, for its downloads.
#[derive(Clone)]
struct Done {
    file: String,
    projects: usize,
    json: Arc<str>,
}

fn code_missing(e: LoadFailed) -> SheetProblem {
    SheetProblem::Read {
        detail: format!("the spreadsheet reader's code could not be loaded ({e:?})"),
    }
}

/// A lazily loaded engine call's result, with a failed code download as a problem.
fn flat<T>(r: Result<Result<T, SheetProblem>, LoadFailed>) -> Result<T, SheetProblem> {
    r.map_err(code_missing)?
}

/// The reference tables: those of the loaded data, else fetched.
async fn reference(
    resource: Option<DataResource>,
) -> Result<bridges_core::ReferenceIndex, SheetProblem> {
    if let Some(Ok(data)) = resource.and_then(|r| r.0.get_untracked()) {
        return Ok(data.reference.clone());
    }
    let text = crate::app_data::fetch_text(REFERENCE_DATA)
        .await
        .map_err(|e| SheetProblem::Read {
            detail: e.to_string(),
        })?;
    bridges_core::reference::parse_reference(REFERENCE_DATA, &text).map_err(|e| {
        SheetProblem::Read {
            detail: e.to_string(),
        }
    })
}

/// `projects.xlsx` → `projects`.
fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

/// What the visitor gave: a file chosen in the input, or a table pasted in the box. The page has one
/// thread, so the file's wrapper (which lets it sit in a signal) is never crossed.
#[derive(Clone)]
pub enum Chosen {
    File(send_wrapper::SendWrapper<web_sys::File>),
    Pasted(Arc<str>),
}

/// Open a spreadsheet or paste a table, map its columns, load it. Test contract:
/// `data-testid="open-spreadsheet"` on the file input, `paste-spreadsheet` on the paste box and
/// `paste-read` on its button; the mapper's own ids are in [`ColumnMapper`]. Only these controls are the
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
        panel(chosen)
    }
    preload: __preload_spreadsheet_panel, in: sheets_ui;
}

fn panel(chosen: RwSignal<Option<Chosen>>) -> AnyView {
    let lang = use_lang();
    let stage = RwSignal::new(Stage::Idle);
    let problem = RwSignal::new(None::<SheetProblem>);
    let fields = RwSignal::new(Vec::<Option<&'static str>>::new());
    let conventions = RwSignal::new(Conventions::default());
    let reads = RwSignal::new(Vec::<Vec<String>>::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<Done>);
    let note = RwSignal::new(None::<String>);
    let chosen_sheet = RwSignal::new(0usize);
    let choice = use_context::<DataChoice>();
    let resource = use_context::<DataResource>();

    // Reads the chosen sheet to the end, a slice at a time, then shows the proposal.
    let read_to_end = move |file: String| async move {
        loop {
            let (rows, finished) = flat(step_sheet(ROWS_PER_STEP).await)?;
            stage.set(Stage::Reading {
                file: file.clone(),
                rows,
            });
            if finished {
                break;
            }
            crate::app_data::pause().await;
        }
        let p = flat(propose_sheet(reference(resource).await?).await)?;
        fields.set(p.fields.clone());
        conventions.set(p.conventions.clone());
        reads.set(Vec::new());
        stage.set(Stage::Mapping(Arc::new(p)));
        Ok::<(), SheetProblem>(())
    };

    let open = move |input: Chosen| {
        problem.set(None);
        done.set(None);
        note.set(None);
        let (name, size) = match &input {
            Chosen::File(file) => (file.name(), file.size()),
            Chosen::Pasted(text) if text.trim().is_empty() => {
                stage.set(Stage::Idle);
                problem.set(Some(SheetProblem::EmptyPaste));
                return;
            }
            // Already in the page's memory: the limit on files does not apply.
            Chosen::Pasted(_) => (String::new(), 0.0),
        };
        if size > MAX_BYTES {
            stage.set(Stage::Idle);
            problem.set(Some(SheetProblem::TooLarge { name }));
            return;
        }
        stage.set(Stage::Reading {
            file: name.clone(),
            rows: 0,
        });
        spawn_local(async move {
            let result = async {
                let (name, sheets) = match input {
                    Chosen::File(file) => {
                        let bytes = crate::app_data::file_bytes(&name, &file, |_, _| {})
                            .await
                            .map_err(|e| SheetProblem::Read {
                                detail: e.to_string(),
                            })?;
                        (name.clone(), flat(open_sheet(name, bytes).await)?)
                    }
                    Chosen::Pasted(text) => {
                        let sheets = flat(open_pasted(text.to_string()).await)?;
                        (sheets.first().cloned().unwrap_or_default(), sheets)
                    }
                };
                if sheets.len() > 1 {
                    chosen_sheet.set(0);
                    stage.set(Stage::Choose {
                        file: name.clone(),
                        sheets,
                    });
                    return Ok(());
                }
                read_to_end(name.clone()).await
            }
            .await;
            if let Err(e) = result {
                stage.set(Stage::Idle);
                problem.set(Some(e));
            }
        });
    };

    let read_chosen = move |file: String| {
        let index = chosen_sheet.get_untracked();
        problem.set(None);
        stage.set(Stage::Reading {
            file: file.clone(),
            rows: 0,
        });
        spawn_local(async move {
            let result = async {
                flat(choose_sheet(index).await)?;
                read_to_end(file).await
            }
            .await;
            if let Err(e) = result {
                stage.set(Stage::Idle);
                problem.set(Some(e));
            }
        });
    };

    // What the samples read as follows the mapping (the engine's code is loaded by then).
    Effect::new(move |_| {
        let (f, c) = (fields.get(), conventions.get());
        if f.is_empty() {
            return;
        }
        spawn_local(async move {
            if let Ok(r) = sheet_readings(f, c).await {
                reads.try_set(r);
            }
        });
    });

    let apply = Callback::new(move |()| {
        let Stage::Mapping(p) = stage.get_untracked() else {
            return;
        };
        busy.set(true);
        problem.set(None);
        let (f, c) = (fields.get_untracked(), conventions.get_untracked());
        spawn_local(async move {
            // A slice of rows at a time, with the browser's turn between slices.
            let imported = async {
                flat(start_import(f, c).await)?;
                while !flat(step_import(ROWS_PER_STEP).await)?.1 {
                    crate::app_data::pause().await;
                }
                flat(finish_import().await)
            };
            match imported.await {
                Ok(r) => {
                    done.set(Some(Done {
                        file: p.file.clone(),
                        projects: r.projects,
                        json: Arc::clone(&r.json),
                    }));
                    if let Some(DataChoice(choice)) = choice {
                        choice.set(DataSource::Imported {
                            name: p.file.clone(),
                            json: r.json,
                            issues: Arc::new(r.issues),
                        });
                    }
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.try_set(false);
        });
    });

    // Each file chosen in the input (or table pasted) is opened here, the first one as soon as this
    // code has loaded.
    Effect::new(move |_| {
        if let Some(c) = chosen.get() {
            open(c);
        }
    });

    let save_mapping = move |_| {
        let Stage::Mapping(p) = stage.get_untracked() else {
            return;
        };
        let (f, c) = (fields.get_untracked(), conventions.get_untracked());
        spawn_local(async move {
            match flat(mapping_text(f, c).await) {
                Ok(text) => {
                    let name = format!("{}.mapping.json", stem(&p.file));
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

    let download_json = move |_| {
        if let Some(d) = done.get_untracked() {
            let name = format!("{}.bridges.json", stem(&d.file));
            if let Err(e) = crate::download::download_text(&name, "application/json", &d.json) {
                problem.set(Some(SheetProblem::Read { detail: e }));
            }
        }
    };

    let stage_view = move || {
        match stage.get() {
        Stage::Idle => None,
        Stage::Reading { file, rows } => Some(
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
            .into_any(),
        ),
        Stage::Choose { file, sheets } => {
            let n = sheets.len();
            let f = file.clone();
            Some(
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
                            if let Ok(i) = ev.target().value().parse::<usize>() { chosen_sheet.set(i) }
                        }>
                            {sheets.into_iter().take(MOST_SHEETS).enumerate().map(|(i, s)| view! {
                                <option value=i.to_string() translate="no">{s}</option>
                            }).collect_view()}
                        </select>" "
                        <button type="button" data-testid="sheet-read" on:click=move |_| read_chosen(file.clone())>
                            {move || ts(lang.get()).read_sheet}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        Stage::Mapping(p) => Some(
            view! {
                <ColumnMapper proposed=p fields=fields conventions=conventions
                    reads=reads busy=busy on_apply=apply/>
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
            .into_any(),
        ),
    }
    };

    view! {
        <div class="spreadsheet-panel">
            {move || problem.get().map(|p| {
                let (msg, detail) = p.message(ts(lang.get()));
                view! {
                    <div class="load-error" role="alert" data-testid="sheet-error">
                        <p>{msg}</p>
                        {detail.map(|d| view! { <p class="note" lang="en">{fill(ts(lang.get()).err_detail, &[("detail", &d)])}</p> })}
                    </div>
                }
            })}
            {stage_view}
            {move || done.get().map(|d| view! {
                <div class="sheet-done" role="status" data-testid="sheet-imported">
                    <p>{move || {
                        let (f, l) = (d.file.clone(), lang.get());
                        let n = d.projects;
                        fill_view(ts(l).applied, move |slot| match slot {
                            "file" => Some(view! { <code translate="no">{f.clone()}</code> }.into_any()),
                            "n" => Some(count(l, n as u64).into_any()),
                            _ => None,
                        })
                    }}</p>
                    <button type="button" data-testid="download-bridges-json" on:click=download_json>
                        {move || ts(lang.get()).download_json}
                    </button>
                </div>
            })}
        </div>
    }
    .into_any()
}
