//! How far a load is: its phases and counts for the progress bar, and the marks the benchmarks read.

use super::slices::now;
use super::*;

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
    pub(super) static PROGRESS: ArcRwSignal<LoadProgress> = ArcRwSignal::new(LoadProgress::default());
    /// Bumped by every load, so that a load replaced by a newer one stops reporting progress.
    pub(super) static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// When the current slice of loading work started (ms since navigation).
    pub(super) static SLICE_START: Cell<f64> = const { Cell::new(0.0) };
    /// When each phase of the last load ended (ms since navigation), for [`report_load`].
    pub(super) static MARKS: RefCell<Vec<(&'static str, f64)>> = const { RefCell::new(Vec::new()) };
}

pub(super) fn mark(phase: &'static str) {
    let t = now();
    MARKS.with(|m| m.borrow_mut().push((phase, t)));
}

/// The progress of the current load (reactive: reading it in a view re-renders as it changes).
pub fn load_progress() -> ArcRwSignal<LoadProgress> {
    PROGRESS.with(Clone::clone)
}

/// Reports progress for the load of generation `generation`, if it is still the current one.
pub(super) fn report(generation: u64, progress: LoadProgress) {
    if GENERATION.with(Cell::get) == generation {
        PROGRESS.with(|p| p.set(progress));
    }
}

/// For the benchmarks (tests/e2e/tests/bench.rs): `window.__bridgesLoad` holds the load's phases (ms
/// since navigation) and the size of the wasm memory once loaded, in bytes. Then a `bridges-loaded`
/// event on the window: boot.js stores the offline pack after it, not while the first view is built.
pub(super) fn report_load() {
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
    if let Ok(event) = web_sys::Event::new("bridges-loaded") {
        let _ = window.dispatch_event(&event);
    }
}
