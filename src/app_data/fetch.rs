//! Fetching a file over HTTP or reading a local one, with progress, as bytes or text.

use super::slices::*;
use super::*;
use gloo_net::http::Request;
use wasm_bindgen::JsValue;

pub(super) async fn fetch_response(url: &str) -> Result<gloo_net::http::Response, LoadError> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Fetch {
            source: url.to_string(),
            message: e.to_string(),
        })?;
    if !resp.ok() {
        return Err(LoadError::Http {
            source: url.to_string(),
            status: resp.status(),
        });
    }
    Ok(resp)
}

pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    fetch_response(url)
        .await?
        .text()
        .await
        .map_err(|e| LoadError::Fetch {
            source: url.to_string(),
            message: e.to_string(),
        })
}

/// The error of a failed read of `source`, with the JavaScript error's message.
pub(super) fn read_error(source: &str, e: JsValue) -> LoadError {
    let message = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    LoadError::Fetch {
        source: source.to_string(),
        message,
    }
}

/// The body as bytes. A large file never becomes one JavaScript string or one `ArrayBuffer` (decoding
/// the one and assembling the other are long tasks at 90 MB): its chunks are kept as they arrive, then
/// copied into wasm memory a few at a time. A file too large for memory is an error, not a crash.
/// `on_progress(received, expected)` follows the download (`expected` is 0 when the server does not
/// say).
pub(super) async fn fetch_bytes(
    url: &str,
    on_progress: impl Fn(usize, usize),
) -> Result<Vec<u8>, LoadError> {
    let resp = fetch_response(url).await?;
    task_started();
    let expected = resp
        .headers()
        .get("content-length")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let stream = resp.body().map(JsValue::from);
    let whole = || web_sys::Response::from(resp).array_buffer();
    read_stream(url, stream, whole, expected, on_progress).await
}

/// A local file's bytes, read the same way as a download: through its stream, chunk by chunk, so that
/// opening or dropping a 90 MB file does not block the page while it is read (before, `File.text()`
/// decoded it into one string in a single long task).
pub(crate) async fn file_bytes(
    source: &str,
    file: &web_sys::File,
    on_progress: impl Fn(usize, usize),
) -> Result<Vec<u8>, LoadError> {
    let stream = call(file, "stream").ok().filter(JsValue::is_object);
    let whole = || Ok(file.array_buffer());
    read_stream(source, stream, whole, file.size() as usize, on_progress).await
}

/// Reads a `ReadableStream` of bytes (or, when there is none, `whole()` in one piece) into wasm memory.
pub(super) async fn read_stream(
    source: &str,
    stream: Option<JsValue>,
    whole: impl FnOnce() -> Result<js_sys::Promise, JsValue>,
    expected: usize,
    on_progress: impl Fn(usize, usize),
) -> Result<Vec<u8>, LoadError> {
    let js_error = |e: JsValue| read_error(source, e);
    on_progress(0, expected);
    let chunks = js_sys::Array::new();
    let mut len = 0usize;
    let reader = stream
        .and_then(|s| call(&s, "getReader").ok())
        .filter(JsValue::is_object);
    match reader {
        Some(reader) => loop {
            let read = call(&reader, "read")
                .and_then(|p| p.dyn_into::<js_sys::Promise>())
                .map_err(js_error)?;
            let result = wasm_bindgen_futures::JsFuture::from(read)
                .await
                .map_err(js_error)?;
            task_started();
            let done = js_sys::Reflect::get(&result, &"done".into())
                .map_err(js_error)?
                .as_bool()
                .unwrap_or(true);
            if done {
                break;
            }
            let chunk = js_sys::Reflect::get(&result, &"value".into())
                .map_err(js_error)?
                .dyn_into::<js_sys::Uint8Array>()
                .map_err(js_error)?;
            len = len.saturating_add(chunk.length() as usize);
            chunks.push(&chunk);
            on_progress(len, expected);
        },
        // No readable stream (an empty body, an old browser): the body in one piece.
        None => {
            let buffer = wasm_bindgen_futures::JsFuture::from(whole().map_err(js_error)?)
                .await
                .map_err(js_error)?;
            task_started();
            let chunk = js_sys::Uint8Array::new(&buffer);
            len = chunk.length() as usize;
            chunks.push(&chunk);
        }
    }
    mark("downloaded");
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len).map_err(|_| LoadError::Fetch {
        source: source.to_string(),
        message: format!("the file is too large to open here ({len} bytes)"),
    })?;
    for chunk in chunks.iter() {
        let chunk = js_sys::Uint8Array::from(chunk);
        let start = bytes.len();
        let end = start.saturating_add(chunk.length() as usize).min(len);
        bytes.resize(end, 0);
        if let Some(dst) = bytes.get_mut(start..end) {
            if dst.len() == chunk.length() as usize {
                chunk.copy_to(dst);
            }
        }
        pause_if_due().await;
    }
    Ok(bytes)
}

/// Calls the method `name` of a JavaScript object, without arguments.
pub(super) fn call(object: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(object, &name.into())?
        .dyn_into::<js_sys::Function>()?
        .call0(object)
}
