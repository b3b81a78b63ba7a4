//! Indexes built the first time a page asks for them (similar projects, actors), a slice at a time.

use super::slices::*;
use super::*;
/// The dataset's similar-projects index: built once, a slice of records at a time between yields to
/// the browser (about 90 ms of work for the built-in data, 1 s for 100,000 records), then kept.
pub async fn similar_index(data: Arc<AppData>) -> Option<Arc<bridges_core::similar::SimilarIndex>> {
    if let Some(ix) = data.similar.get() {
        return Some(Arc::clone(ix));
    }
    // The columns are read once, under the lock, when the builder starts; the lock is not held
    // across a yield.
    let t = crate::marks::now();
    let mut builder = {
        let engine = data.engine.lock().ok()?;
        bridges_core::similar::IndexBuilder::new(&data.loaded.dataset, &engine.cols)
    };
    task_started();
    while !builder.step(BATCH) {
        pause_if_due().await;
    }
    let ix = Arc::new(builder.finish());
    // Wall time from the first slice to the index, yields included (read by scripts/bench).
    crate::marks::push("__bridgesSimilarIndexMs", crate::marks::now() - t);
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
