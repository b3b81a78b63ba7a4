//! The spreadsheet panel, once a file is chosen (the `sheets_ui` split): what it is doing (reading,
//! choosing a sheet, mapping, importing), the calls into the engine, and the result loaded as the
//! current dataset. Its views are in `steps.rs` and `mapping_files.rs`.

use std::rc::Rc;
use std::sync::Arc;

use bridges_sheets::wire::is_workbook;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::engine::{
    choose_sheet, finish_import, open_pasted, open_sheet, propose_sheet, received_sheet,
    sheet_readings, start_import, step_import, step_sheet, write_import,
};
use super::mapper::ColumnMapper;
use super::mapping_files::MappingFiles;
use super::model::{Conventions, Proposed, SheetProblem};
use super::steps::{SheetChoice, SheetDone, SheetError, SheetReading};
use super::workbook::WorkbookReader;
use super::Chosen;
use crate::app_data::{DataSource, REFERENCE_DATA};
use crate::lazy::LoadFailed;
use crate::{DataChoice, DataResource};

/// Largest file read in the browser (as for JSON files).
const MAX_BYTES: f64 = 100.0 * 1024.0 * 1024.0;
/// Rows read between two looks at the clock.
const ROWS_PER_STEP: usize = 2_000;

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
pub(super) fn flat<T>(r: Result<Result<T, SheetProblem>, LoadFailed>) -> Result<T, SheetProblem> {
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
    crate::app_data::read_reference(text)
        .await
        .map_err(|e| SheetProblem::Read {
            detail: e.to_string(),
        })
}

/// `projects.xlsx` → `projects`.
pub(super) fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(s, _)| s)
}

pub(super) fn panel(chosen: RwSignal<Option<Chosen>>) -> AnyView {
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

    // The worker reading the open workbook, if the file is one (`None` for text).
    let workbook = StoredValue::new_local(None::<Rc<WorkbookReader>>);

    // Reads sheet `index` to the end, a slice at a time, then shows the proposal. A workbook's sheet is
    // read by the worker; a text file's here, with the browser's turn between slices.
    let read_to_end = move |file: String, index: usize| async move {
        let reading = |rows| {
            stage.set(Stage::Reading {
                file: file.clone(),
                rows,
            })
        };
        if let Some(book) = workbook.get_value() {
            let (sheet, rows, issues) = book.read(index, reading).await?;
            flat(received_sheet(file.clone(), sheet, rows, issues).await)?;
        } else {
            flat(choose_sheet(index).await)?;
            loop {
                let (rows, finished) = flat(step_sheet(ROWS_PER_STEP).await)?;
                reading(rows);
                if finished {
                    break;
                }
                crate::app_data::pause().await;
            }
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
                // The previous file's worker, if any, ends here.
                workbook.set_value(None);
                let (name, sheets) = match input {
                    Chosen::File(file) => {
                        let bytes = crate::app_data::file_bytes(&name, &file, |_, _| {})
                            .await
                            .map_err(|e| SheetProblem::Read {
                                detail: e.to_string(),
                            })?;
                        let sheets = if is_workbook(&bytes) {
                            let book = Rc::new(WorkbookReader::start()?);
                            workbook.set_value(Some(Rc::clone(&book)));
                            book.open(name.clone(), bytes).await?
                        } else {
                            flat(open_sheet(name.clone(), bytes).await)?
                        };
                        (name, sheets)
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
                read_to_end(name.clone(), 0).await
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
            let result = read_to_end(file, index).await;
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
                // The text is written a slice at a time too (at once it was a 0.4 s task).
                while !flat(write_import(ROWS_PER_STEP).await)? {
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

    let download_json = Callback::new(move |()| {
        if let Some(d) = done.get_untracked() {
            let name = format!("{}.bridges.json", stem(&d.file));
            if let Err(e) = crate::download::download_text(&name, "application/json", &d.json) {
                problem.set(Some(SheetProblem::Read { detail: e }));
            }
        }
    });

    let read_sheet = Callback::new(read_chosen);
    let stage_view = move || {
        match stage.get() {
        Stage::Idle => None,
        Stage::Reading { file, rows } => Some(view! { <SheetReading file=file rows=rows/> }.into_any()),
        Stage::Choose { file, sheets } => Some(
            view! { <SheetChoice file=file sheets=sheets chosen=chosen_sheet on_read=read_sheet/> }
                .into_any(),
        ),
        Stage::Mapping(p) => Some(
            view! {
                <ColumnMapper proposed=Arc::clone(&p) fields=fields conventions=conventions
                    reads=reads busy=busy on_apply=apply/>
                <MappingFiles file=p.file.clone() fields=fields conventions=conventions problem=problem note=note/>
            }
            .into_any(),
        ),
    }
    };

    view! {
        <div class="spreadsheet-panel">
            {move || problem.get().map(|p| view! { <SheetError problem=p/> })}
            {stage_view}
            {move || done.get().map(|d| view! { <SheetDone file=d.file projects=d.projects on_download=download_json/> })}
        </div>
    }
    .into_any()
}
