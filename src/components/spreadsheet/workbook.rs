//! The page's side of reading a workbook in the worker (`sheet-worker/`, the conversation in
//! `bridges_sheets::wire`): the page never runs calamine, so opening a 50,000-row .xlsx is no long task
//! here. Each reply is parsed when it arrives (its own task: a slice of 2,000 rows); the rows are put
//! together by the engine ([`super::engine::received_sheet`]).
//!
//! Written with web-sys rather than a crate: leptos-use's `use_web_worker` posts and receives through
//! its own codec, one message for one answer, while a read here is one request answered by many
//! messages, and the file's bytes must be transferred, not copied.

use std::cell::RefCell;

use bridges_sheets::wire::{Reply, Request};
use bridges_sheets::{Issue, Row};
use futures::channel::mpsc::{unbounded, UnboundedReceiver};
use futures::StreamExt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::convert::problem;
use super::model::SheetProblem;

/// The worker's loader, next to index.html (Trunk writes it: `data-loader-shim` in index.html).
const LOADER: &str = "sheet_worker_loader.js";

type Received = Result<Reply, String>;

/// One worker, for one file: dropped (and the worker ended) when another file is opened.
pub struct WorkbookReader {
    worker: web_sys::Worker,
    replies: RefCell<Option<UnboundedReceiver<Received>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

fn failed(detail: impl Into<String>) -> SheetProblem {
    SheetProblem::Read {
        detail: detail.into(),
    }
}

impl WorkbookReader {
    pub fn start() -> Result<WorkbookReader, SheetProblem> {
        // Relative to <base href>, so a build under /atlas/ finds its own worker.
        let worker = web_sys::Worker::new(LOADER)
            .map_err(|e| failed(format!("the workbook reader could not start ({e:?})")))?;
        let (tx, rx) = unbounded::<Received>();
        let on_message = {
            let tx = tx.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let reply = match ev.data().as_string() {
                    Some(text) => serde_json::from_str::<Reply>(&text).map_err(|e| e.to_string()),
                    None => Err("a message that is not text".into()),
                };
                let _ = tx.unbounded_send(reply);
            })
        };
        // A worker that fails to load or panics says so here; the read in progress ends with it.
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                let _ = tx.unbounded_send(Err(ev.message()));
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkbookReader {
            worker,
            replies: RefCell::new(Some(rx)),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn send(&self, request: &Request, bytes: Option<Vec<u8>>) -> Result<(), SheetProblem> {
        let text = serde_json::to_string(request).map_err(|e| failed(e.to_string()))?;
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
        set("request", &JsValue::from_str(&text)).map_err(|e| failed(format!("{e:?}")))?;
        let transfer = js_sys::Array::new();
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            drop(bytes);
            transfer.push(&array.buffer());
            set("bytes", &array).map_err(|e| failed(format!("{e:?}")))?;
        }
        self.worker
            .post_message_with_transfer(&msg, &transfer)
            .map_err(|e| failed(format!("the workbook reader did not take the file ({e:?})")))
    }

    /// Takes the replies' receiver for one conversation (one at a time: the panel awaits each).
    fn replies(&self) -> Result<UnboundedReceiver<Received>, SheetProblem> {
        self.replies
            .borrow_mut()
            .take()
            .ok_or_else(|| failed("the workbook reader is busy"))
    }

    /// Opens the workbook: its sheets' names. Called once, first: the worker's `Ready` is read here.
    pub async fn open(&self, name: String, bytes: Vec<u8>) -> Result<Vec<String>, SheetProblem> {
        let mut rx = self.replies()?;
        let result = async {
            // The worker's first word is that it listens; a request sent earlier would be lost.
            match next(&mut rx).await? {
                Reply::Ready => {}
                other => return Err(failed(format!("unexpected reply {other:?}"))),
            }
            self.send(&Request::Open { name }, Some(bytes))?;
            match next(&mut rx).await? {
                Reply::Opened { sheets } => Ok(sheets),
                Reply::Failed { error } => Err(problem(error)),
                other => Err(failed(format!("unexpected reply {other:?}"))),
            }
        }
        .await;
        *self.replies.borrow_mut() = Some(rx);
        result
    }

    /// Reads sheet `index` to the end; `progress` hears the rows read so far. Returns the sheet's name,
    /// its rows and the issues found reading it.
    pub async fn read(
        &self,
        index: usize,
        mut progress: impl FnMut(usize),
    ) -> Result<(String, Vec<Row>, Vec<Issue>), SheetProblem> {
        let mut rx = self.replies()?;
        let result = async {
            self.send(&Request::Read { sheet: index }, None)?;
            let mut all = Vec::new();
            loop {
                match next(&mut rx).await? {
                    Reply::Rows { rows, read, .. } => {
                        all.extend(rows);
                        progress(read);
                    }
                    Reply::Done { sheet, issues } => return Ok((sheet, all, issues)),
                    Reply::Failed { error } => return Err(problem(error)),
                    other => return Err(failed(format!("unexpected reply {other:?}"))),
                }
            }
        }
        .await;
        *self.replies.borrow_mut() = Some(rx);
        result
    }
}

async fn next(rx: &mut UnboundedReceiver<Received>) -> Result<Reply, SheetProblem> {
    match rx.next().await {
        Some(Ok(reply)) => Ok(reply),
        Some(Err(e)) => Err(failed(format!("the workbook reader stopped: {e}"))),
        None => Err(failed("the workbook reader stopped")),
    }
}

impl Drop for WorkbookReader {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
