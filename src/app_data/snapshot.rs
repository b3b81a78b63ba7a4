//! The built-in datasets' snapshots (`bridges_core::snapshot`, written by the build): fetched instead of
//! their JSON file and read in one short task, where validating the JSON takes a few hundred
//! milliseconds. Whenever a snapshot is missing, damaged or of another format, the JSON file is read
//! as before (the reason goes to the console): the snapshot only ever saves time. The snapshot reader
//! is part of the `reader` chunk (`reader.rs`).

use super::fetch::fetch_bytes;
use super::*;
use wasm_bindgen::JsValue;

/// What a built-in dataset file gives: its snapshot read, or the JSON file's bytes (and the offset of
/// its text after a byte-order mark) to validate.
pub(super) enum Fetched {
    Read(Box<Loaded>),
    Json(Vec<u8>, usize),
}

impl Fetched {
    /// A JSON file's bytes. A browser decoding a body as text drops a byte-order mark (the reader
    /// then allows one more): the text starts after it.
    pub(super) fn json(bytes: Vec<u8>) -> Fetched {
        let skip = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        Fetched::Json(bytes, skip)
    }
}

/// Built-in dataset file `file`: its snapshot when there is a usable one, else the file's bytes.
pub(super) async fn fetch_builtin(
    file: &str,
    on_progress: impl Fn(usize, usize) + Copy,
) -> Result<Fetched, LoadError> {
    match snapshot_of(file, on_progress).await {
        Ok(loaded) => return Ok(Fetched::Read(Box::new(loaded))),
        Err(why) => web_sys::console::warn_1(
            &format!("{file}: reading the JSON file, not its snapshot ({why})").into(),
        ),
    }
    Ok(Fetched::json(fetch_bytes(file, on_progress).await?))
}

async fn snapshot_of(file: &str, on_progress: impl Fn(usize, usize)) -> Result<Loaded, String> {
    let path = bridges_core::snapshot::path_of(file).ok_or("no snapshot for this file")?;
    let bytes = fetch_bytes(&path, on_progress)
        .await
        .map_err(|e| e.to_string())?;
    // The build gzips a snapshot (hosts compress JSON, not an unknown binary type); a server or proxy
    // may have inflated it already.
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        inflate(&bytes).await.map_err(|e| format!("{e:?}"))?
    } else {
        bytes
    };
    task_started();
    let loaded = super::reader::read_snapshot(bytes, file.to_string())
        .await
        .map_err(|e| format!("{e:?}"))??;
    Ok(loaded)
}

// web-sys has `DecompressionStream` only behind `web_sys_unstable_apis` (a flag for the whole build);
// these three bindings are all the app needs of it.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Inflates gzip bytes with the browser's `DecompressionStream` (no inflater in the wasm).
async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let inflater = DecompressionStream::new("gzip")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let inflated = blob.stream().pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&inflated))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
