//! The worker that reads workbooks off the page's thread (issue #17): calamine opens a large .xlsx in
//! one call that reads the whole shared-string table (157–174 ms for 50,000 rows), too long for the
//! page. Trunk builds this as `sheet_worker.js` and `sheet_worker_bg.wasm`, started through
//! `sheet_worker_loader.js` (index.html); the page's side is `src/components/spreadsheet/workbook.rs`.
//! What is said, and this side of it, is `bridges_sheets::wire` (tested with plain `cargo test`); this
//! file only carries the messages.

use std::cell::RefCell;

use bridges_sheets::wire::{Reply, Request, WorkbookService};
use bridges_sheets::SheetError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static SERVICE: RefCell<WorkbookService> = RefCell::default();
}

/// A message is `{request: "<wire::Request as JSON>", bytes?: Uint8Array}`; every reply is a
/// `wire::Reply` as JSON text.
fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let out = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
            let request = field("request").and_then(|r| r.as_string());
            let bytes = field("bytes")
                .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|b| b.to_vec())
                .unwrap_or_default();
            let mut send = |reply: Reply| {
                if let Ok(text) = serde_json::to_string(&reply) {
                    let _ = out.post_message(&JsValue::from_str(&text));
                }
            };
            match request.as_deref().map(serde_json::from_str::<Request>) {
                Some(Ok(request)) => {
                    SERVICE.with(|s| s.borrow_mut().handle(request, bytes, &mut send))
                }
                _ => send(Reply::Failed {
                    error: SheetError::UnknownFormat {
                        detail: "the page sent the workbook reader a message it does not read"
                            .into(),
                    },
                }),
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Messages posted before this point were lost: the page waits for this before its first.
    if let Ok(text) = serde_json::to_string(&Reply::Ready) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
    // The handler lives as long as the worker.
    on_message.forget();
}
