//! Cutting work into slices of about [`SLICE_MS`] and yielding to the browser between them.

use super::fetch::call;
use super::*;
use wasm_bindgen::JsValue;

/// Loading work is cut into slices of about [`SLICE_MS`]: marks the start of a task (after a yield,
/// or when a network promise resolves).
pub(super) fn task_started() {
    SLICE_START.with(|t| t.set(now()));
}

/// Whether the current task has run long enough to yield.
pub(super) fn slice_due() -> bool {
    now() - SLICE_START.with(Cell::get) >= SLICE_MS
}

/// Yields to the browser; the next slice starts when it resumes.
pub(crate) async fn pause() {
    yield_to_browser().await;
    task_started();
}

pub(super) async fn pause_if_due() {
    if slice_due() {
        pause().await;
    }
}

/// Lets the browser run other tasks (paint, input) before the next slice of work: `scheduler.yield()`
/// where there is one, else a message to itself (unlike a timeout, not slowed down to one a second in
/// a background tab), else a zero-delay timeout.
pub(super) async fn yield_to_browser() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let scheduler =
        js_sys::Reflect::get(&window, &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    let promise = scheduler
        .is_object()
        .then(|| call(&scheduler, "yield").ok())
        .flatten()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .unwrap_or_else(|| {
            js_sys::Promise::new(&mut |resolve, _reject| {
                if post_to_self(&window, &resolve).is_err()
                    && window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                        .is_err()
                {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            })
        });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `then` from a new task, through a `MessageChannel`.
pub(super) fn post_to_self(
    window: &web_sys::Window,
    then: &js_sys::Function,
) -> Result<(), JsValue> {
    let channel =
        js_sys::Reflect::get(window, &"MessageChannel".into())?.dyn_into::<js_sys::Function>()?;
    let channel = js_sys::Reflect::construct(&channel, &js_sys::Array::new())?;
    let receiver = js_sys::Reflect::get(&channel, &"port1".into())?;
    js_sys::Reflect::set(&receiver, &"onmessage".into(), then)?;
    let sender = js_sys::Reflect::get(&channel, &"port2".into())?;
    js_sys::Reflect::get(&sender, &"postMessage".into())?
        .dyn_into::<js_sys::Function>()?
        .call1(&sender, &JsValue::NULL)?;
    Ok(())
}

pub(super) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
