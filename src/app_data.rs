//! Loading the reference tables and a project dataset over HTTP, then handing them to the pure core.
//!
//! A large file (100,000 projects is about 90 MB) is read without freezing the page: the dataset is
//! validated a slice of records at a time ([`DatasetReader`]) and its columns built a slice of rows at
//! a time ([`ColumnsBuilder`]), yielding to the browser between slices so that it can paint the
//! progress and answer input. [`load_progress`] tells how far the load is.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex};

use bridges_core::columns::ColumnsBuilder;
use bridges_core::crossfilter::Engine;
use bridges_core::incremental::DatasetReader;
use bridges_core::issue::LoadError;
use bridges_core::model::Project;
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::{Loaded, Summary};
use gloo_net::http::Request;
use leptos::prelude::{ArcRwSignal, Set};
use wasm_bindgen::{JsCast, JsValue};

/// The built-in dataset, relative to the app's base URL.
pub const DEFAULT_DATA: &str = "data/projects.json";
pub const REFERENCE_DATA: &str = "data/reference.json";

/// Longest stretch of loading work between two yields to the browser, in milliseconds. Long tasks
/// are those over 50 ms; a slice overshoots this by at most one batch.
const SLICE_MS: f64 = 30.0;
/// Records validated (or column rows built) between two looks at the clock.
const BATCH: usize = 100;

/// Everything the pages read: the validated dataset, its problems, the reference tables.
pub struct AppData {
    pub source: String,
    pub is_default: bool,
    pub reference: ReferenceIndex,
    pub loaded: Loaded,
    pub summary: Summary,
    /// The crossfilter over the dataset's columns (built once; each filter change reuses its buffers).
    pub engine: Mutex<Engine>,
    /// The amount group the headline totals (currency, price base).
    pub currency: String,
    pub price_base: String,
    /// The similar-projects index, built the first time a page asks for it ([`similar_index`]).
    pub similar: std::sync::OnceLock<Arc<bridges_core::similar::SimilarIndex>>,
    /// Who worked on which records (providers, agencies), built the first time a page asks ([`actors`]).
    pub actors: std::sync::OnceLock<Arc<bridges_core::partners::Actors>>,
}

impl AppData {
    /// The unit of the headline's amounts: every chart, legend, caption and table writes its sums in it.
    pub fn unit(&self) -> bridges_core::money::Unit {
        bridges_core::money::Unit::new(&self.currency, &self.price_base)
    }
}

impl Drop for AppData {
    /// Freeing 100,000 projects (each a few dozen allocations) and their search texts at once was a
    /// task of about 100 ms when a file replaced a large dataset: they are handed to a task that frees
    /// them a slice at a time instead.
    fn drop(&mut self) {
        let projects = std::mem::take(&mut self.loaded.dataset.projects);
        let text = match self.engine.get_mut() {
            Ok(e) => std::mem::take(&mut e.cols.text),
            Err(_) => Vec::new(),
        };
        if projects.len() + text.len() > 10 * BATCH {
            wasm_bindgen_futures::spawn_local(free_in_slices(projects, text));
        }
    }
}

/// Drops `projects` and `text` from the end, ten batches between looks at the clock, yielding to the
/// browser every [`SLICE_MS`].
async fn free_in_slices(mut projects: Vec<Project>, mut text: Vec<String>) {
    task_started();
    while !projects.is_empty() || !text.is_empty() {
        projects.truncate(projects.len().saturating_sub(10 * BATCH));
        text.truncate(text.len().saturating_sub(10 * BATCH));
        if slice_due() {
            pause().await;
        }
    }
}

pub type LoadResult = Result<Arc<AppData>, LoadError>;

/// What a load is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadPhase {
    /// Downloading (or reading the local file).
    #[default]
    Fetching,
    /// Validating records.
    Reading,
    /// Building the columns the views filter.
    Indexing,
    Done,
}

/// How far the current load is, for the loading state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    pub phase: LoadPhase,
    /// Records read so far (kept or skipped).
    pub records: usize,
    /// Bytes of the file downloaded (while fetching) or read (after), and the file's size (while
    /// fetching: as the server announced it, 0 if it did not).
    pub bytes_read: usize,
    pub total_bytes: usize,
    /// Column rows built so far, of `records` kept.
    pub rows_indexed: usize,
    pub rows: usize,
}

impl LoadProgress {
    /// The share of the work done, from 0 to 1: downloading counts for a fifth, reading records for
    /// seven tenths, indexing for the last tenth. `None` while downloading a file of unknown size.
    pub fn fraction(&self) -> Option<f64> {
        let part = |done: usize, total: usize| {
            if total == 0 {
                1.0
            } else {
                (done as f64 / total as f64).min(1.0)
            }
        };
        match self.phase {
            LoadPhase::Fetching => {
                (self.total_bytes > 0).then(|| 0.2 * part(self.bytes_read, self.total_bytes))
            }
            LoadPhase::Reading => Some(0.2 + 0.7 * part(self.bytes_read, self.total_bytes)),
            LoadPhase::Indexing => Some(0.9 + 0.1 * part(self.rows_indexed, self.rows)),
            LoadPhase::Done => Some(1.0),
        }
    }
}

thread_local! {
    static PROGRESS: ArcRwSignal<LoadProgress> = ArcRwSignal::new(LoadProgress::default());
    /// Bumped by every load, so that a load replaced by a newer one stops reporting progress.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// When the current slice of loading work started (ms since navigation).
    static SLICE_START: Cell<f64> = const { Cell::new(0.0) };
    /// When each phase of the last load ended (ms since navigation), for [`report_load`].
    static MARKS: RefCell<Vec<(&'static str, f64)>> = const { RefCell::new(Vec::new()) };
}

fn mark(phase: &'static str) {
    let t = now();
    MARKS.with(|m| m.borrow_mut().push((phase, t)));
}

/// The progress of the current load (reactive: reading it in a view re-renders as it changes).
pub fn load_progress() -> ArcRwSignal<LoadProgress> {
    PROGRESS.with(Clone::clone)
}

/// Reports progress for the load of generation `generation`, if it is still the current one.
fn report(generation: u64, progress: LoadProgress) {
    if GENERATION.with(Cell::get) == generation {
        PROGRESS.with(|p| p.set(progress));
    }
}

async fn fetch_response(url: &str) -> Result<gloo_net::http::Response, LoadError> {
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
fn read_error(source: &str, e: JsValue) -> LoadError {
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
async fn fetch_bytes(url: &str, on_progress: impl Fn(usize, usize)) -> Result<Vec<u8>, LoadError> {
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
async fn read_stream(
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
fn call(object: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(object, &name.into())?
        .dyn_into::<js_sys::Function>()?
        .call0(object)
}

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    /// The built-in dataset, or another one named by `?data=URL`.
    Url(Option<String>),
    /// A file the visitor opened or dropped: read in the browser, never uploaded.
    File { name: String, file: LocalFile },
    /// Built-in datasets by catalogue id (`dataset=gcdf3~aims`): one, or their union.
    Datasets(Vec<String>),
    /// A spreadsheet the visitor imported through the column mapper (issue #17): the `bridges/1` text
    /// the mapping made, and the sheet's own problems (located by sheet row and column), listed first.
    Imported {
        name: String,
        json: Arc<str>,
        issues: Arc<Vec<bridges_core::DataIssue>>,
    },
}

/// The catalogue of built-in datasets.
pub const CATALOG: &str = "data/catalog.json";

/// The files of the catalogue's datasets `ids`, as (id, file); a located error for an unknown id.
async fn catalogue_files(ids: &[String]) -> Result<Vec<(String, String)>, LoadError> {
    let text = fetch_text(CATALOG).await?;
    let catalog = bridges_core::catalog::Catalog::parse(&text).map_err(|e| LoadError::Shape {
        source: CATALOG.into(),
        expected: "a catalogue of datasets".into(),
        found: e,
    })?;
    ids.iter()
        .map(|id| match catalog.get(id) {
            Some(e) => Ok((id.clone(), e.file.clone())),
            None => Err(LoadError::Shape {
                source: CATALOG.into(),
                expected: format!("a dataset id of the catalogue ({})", catalog.ids()),
                found: format!("\"{id}\""),
            }),
        })
        .collect()
}

/// A file the visitor chose. The page has one thread, so the wrapper (which lets it sit in a signal)
/// is never crossed; two are equal when they are the same `File` object.
#[derive(Clone, Debug)]
pub struct LocalFile(pub send_wrapper::SendWrapper<web_sys::File>);

impl PartialEq for LocalFile {
    fn eq(&self, other: &Self) -> bool {
        *self.0 == *other.0
    }
}

/// Fetches the reference tables and the dataset (at once) and validates them, yielding to the browser
/// every few tens of milliseconds.
pub async fn load(choice: DataSource) -> LoadResult {
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let mut progress = LoadProgress::default();
    report(generation, progress);
    MARKS.with(|m| m.borrow_mut().clear());
    mark("start");
    task_started();
    // What to read: one file or URL, an imported sheet, or the files of built-in datasets (their union).
    let mut sheet = None;
    let (source, data_url, file, datasets) = match choice {
        DataSource::Url(url) => (
            url.clone().unwrap_or_else(|| DEFAULT_DATA.to_string()),
            url,
            None,
            None,
        ),
        DataSource::File { name, file } => {
            (format!("{name} (local file)"), Some(name), Some(file), None)
        }
        DataSource::Imported { name, json, issues } => {
            sheet = Some((json, issues));
            (format!("{name} (spreadsheet)"), Some(name), None, None)
        }
        DataSource::Datasets(ids) => {
            let is_default = ids.len() == 1 && ids[0] == "gcdf3";
            let files = catalogue_files(&ids).await?;
            let label = files
                .iter()
                .map(|f| f.1.clone())
                .collect::<Vec<_>>()
                .join(" + ");
            (
                label,
                (!is_default).then(|| ids.join("~")),
                None,
                Some(files),
            )
        }
    };
    let files: Vec<(String, String)> = match &datasets {
        Some(files) => files.clone(),
        None => vec![(String::new(), source.clone())],
    };
    let on_progress = |received, expected| {
        let mut p = progress;
        p.bytes_read = received;
        p.total_bytes = expected;
        report(generation, p);
    };
    // A browser decoding a body as text drops a byte-order mark (the reader then allows one more):
    // the offset of the text in the bytes.
    let fetch_data = async {
        let mut out = Vec::new();
        for (_, name) in &files {
            let bytes = match (&file, &sheet) {
                (Some(file), _) => file_bytes(name, &file.0, on_progress).await,
                (None, Some((json, _))) => Ok(json.as_bytes().to_vec()),
                (None, None) => fetch_bytes(name, on_progress).await,
            }?;
            let skip = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            out.push((bytes, skip));
        }
        Ok::<_, LoadError>(out)
    };
    let (reference_text, data) = futures::join!(fetch_text(REFERENCE_DATA), fetch_data);
    mark("fetched");
    let reference = parse_reference(REFERENCE_DATA, &reference_text?)?;
    let mut parts = Vec::new();
    for ((id, name), (data, skip)) in files.iter().zip(data?) {
        let bytes = data.get(skip..).unwrap_or_default();
        progress.phase = LoadPhase::Reading;
        progress.total_bytes = bytes.len();
        report(generation, progress);
        let mut reader = DatasetReader::new(name, bytes, &reference);
        while !reader.step(BATCH) {
            if slice_due() {
                progress.records = reader.records_read();
                progress.bytes_read = reader.bytes_read();
                report(generation, progress);
                pause().await;
            }
        }
        progress.records = reader.records_read();
        progress.bytes_read = reader.bytes_read();
        parts.push((id.clone(), reader.finish()?));
    }
    let mut loaded = bridges_core::catalog::union(parts);
    if let Some((_, issues)) = &sheet {
        loaded.issues.splice(0..0, issues.iter().cloned());
    }
    mark("parsed");
    // The summary is one pass over every project (about 30 ms for 100,000): a slice of its own.
    pause().await;

    let summary = Summary::of_dataset(&loaded.dataset);
    let (currency, price_base) = summary
        .amount
        .as_ref()
        .map(|a| (a.currency.clone(), a.price_base.clone()))
        .unwrap_or_else(|| ("USD".into(), String::new()));
    progress.phase = LoadPhase::Indexing;
    progress.rows = loaded.dataset.projects.len();
    report(generation, progress);
    mark("summary");
    pause_if_due().await;

    let mut builder = ColumnsBuilder::new(&loaded.dataset, &reference, &currency, &price_base);
    while !builder.step(BATCH) {
        if slice_due() {
            progress.rows_indexed = builder.rows_done();
            report(generation, progress);
            pause().await;
        }
    }
    let engine = Mutex::new(Engine::new(builder.finish()));
    mark("columns");
    progress.phase = LoadPhase::Done;
    report(generation, progress);
    report_load();
    Ok(Arc::new(AppData {
        source,
        is_default: data_url.is_none(),
        reference,
        loaded,
        summary,
        engine,
        currency,
        price_base,
        similar: std::sync::OnceLock::new(),
        actors: std::sync::OnceLock::new(),
    }))
}

/// The dataset's similar-projects index: built once, a slice of records at a time between yields to
/// the browser (about 90 ms of work for the built-in data, 1 s for 100,000 records), then kept.
pub async fn similar_index(data: Arc<AppData>) -> Option<Arc<bridges_core::similar::SimilarIndex>> {
    if let Some(ix) = data.similar.get() {
        return Some(Arc::clone(ix));
    }
    // The columns are read once, under the lock, when the builder starts; the lock is not held
    // across a yield.
    let mut builder = {
        let engine = data.engine.lock().ok()?;
        bridges_core::similar::IndexBuilder::new(&data.loaded.dataset, &engine.cols)
    };
    task_started();
    while !builder.step(BATCH) {
        pause_if_due().await;
    }
    let ix = Arc::new(builder.finish());
    Some(Arc::clone(data.similar.get_or_init(|| ix)))
}

/// The dataset's actors (providers and the agencies its records name): built once, a slice of records
/// at a time between yields to the browser, then kept.
pub async fn actors(data: Arc<AppData>) -> Option<Arc<bridges_core::partners::Actors>> {
    if let Some(a) = data.actors.get() {
        return Some(Arc::clone(a));
    }
    // The builder reads only the provider columns: those are copied out of the lock once, so the lock
    // is never held across a yield (and the search texts are not copied).
    let cols = {
        let e = data.engine.lock().ok()?;
        bridges_core::columns::Columns {
            len: e.cols.len,
            providers: e.cols.providers.clone(),
            provider_off: e.cols.provider_off.clone(),
            provider_ids: e.cols.provider_ids.clone(),
            ..Default::default()
        }
    };
    let mut builder = bridges_core::partners::ActorsBuilder::new(&data.loaded.dataset, &cols);
    task_started();
    while !builder.step(BATCH) {
        pause_if_due().await;
    }
    let a = Arc::new(builder.finish());
    Some(Arc::clone(data.actors.get_or_init(|| a)))
}

/// Loading work is cut into slices of about [`SLICE_MS`]: marks the start of a task (after a yield,
/// or when a network promise resolves).
fn task_started() {
    SLICE_START.with(|t| t.set(now()));
}

/// Whether the current task has run long enough to yield.
fn slice_due() -> bool {
    now() - SLICE_START.with(Cell::get) >= SLICE_MS
}

/// Yields to the browser; the next slice starts when it resumes.
pub(crate) async fn pause() {
    yield_to_browser().await;
    task_started();
}

async fn pause_if_due() {
    if slice_due() {
        pause().await;
    }
}

/// Lets the browser run other tasks (paint, input) before the next slice of work: `scheduler.yield()`
/// where there is one, else a message to itself (unlike a timeout, not slowed down to one a second in
/// a background tab), else a zero-delay timeout.
async fn yield_to_browser() {
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
fn post_to_self(window: &web_sys::Window, then: &js_sys::Function) -> Result<(), JsValue> {
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

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// For the benchmarks (tests/e2e/tests/bench.rs): `window.__bridgesLoad` holds the load's phases (ms
/// since navigation) and the size of the wasm memory once loaded, in bytes.
fn report_load() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let o = js_sys::Object::new();
    for (name, t) in MARKS.with(|m| m.borrow().clone()) {
        let _ = js_sys::Reflect::set(&o, &name.into(), &t.into());
    }
    let bytes = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| b.byte_length() as f64);
    let _ = js_sys::Reflect::set(&o, &"wasmMemoryBytes".into(), &bytes.into());
    let _ = js_sys::Reflect::set(&window, &"__bridgesLoad".into(), &o);
}
