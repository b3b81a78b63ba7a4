//! Loading the reference tables and a project dataset over HTTP, then handing them to the pure core.
//!
//! A large file (100,000 projects is about 90 MB) is read without freezing the page: the dataset is
//! validated a slice of records at a time ([`DatasetReader`]) and its columns built a slice of rows at
//! a time ([`bridges_core::columns::ColumnsBuilder`]), yielding to the browser between slices so that it can paint the
//! progress and answer input. [`load_progress`] tells how far the load is.

mod fetch;
mod indexes;
mod json;
mod load;
mod progress;
mod reader;
mod slices;
mod snapshot;

pub use fetch::fetch_text;
pub(crate) use fetch::file_bytes;
pub use indexes::{actors, similar_index};
pub use load::{load, DataSource, LocalFile, CATALOG};
use progress::*;
pub use progress::{load_progress, LoadPhase, LoadProgress};
pub use reader::{read_catalogue, read_reference};
pub(crate) use slices::pause;
use slices::{slice_due, task_started};

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex};

use bridges_core::crossfilter::Engine;
use bridges_core::incremental::DatasetReader;
use bridges_core::issue::LoadError;
use bridges_core::model::Project;
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::{Loaded, Summary};
use leptos::prelude::{ArcRwSignal, Set};
use wasm_bindgen::JsCast;

/// The built-in dataset, relative to the app's base URL.
pub const DEFAULT_DATA: &str = "data/projects.json";
pub const REFERENCE_DATA: &str = "data/reference.json";

/// Longest stretch of loading work between two yields to the browser, in milliseconds. Long tasks
/// are those over 50 ms; a slice overshoots this by at most one batch.
pub(super) const SLICE_MS: f64 = 30.0;
/// Records validated (or column rows built) between two looks at the clock.
pub(super) const BATCH: usize = 100;

/// Everything the pages read: the validated dataset, its problems, the reference tables.
pub struct AppData {
    pub source: String,
    pub is_default: bool,
    /// The catalogue titles of the built-in datasets shown (`dataset=`), in English and Chinese; empty
    /// for a file or URL.
    pub builtin: Vec<bridges_core::columns::Name>,
    pub reference: ReferenceIndex,
    pub loaded: Loaded,
    pub summary: Summary,
    /// The crossfilter over the dataset's columns (built once; each filter change reuses its buffers).
    pub engine: Mutex<Engine>,
    /// The unit of the amount group the headline totals (currency, price base), from the data.
    pub unit: bridges_core::money::Unit,
    /// The similar-projects index, built the first time a page asks for it ([`similar_index`]).
    pub similar: std::sync::OnceLock<Arc<bridges_core::similar::SimilarIndex>>,
    /// Who worked on which records (providers, agencies), built the first time a page asks ([`actors`]).
    pub actors: std::sync::OnceLock<Arc<bridges_core::partners::Actors>>,
}

impl AppData {
    /// The unit of the headline's amounts: every chart, legend, caption and table writes its sums in it.
    pub fn unit(&self) -> bridges_core::money::Unit {
        self.unit.clone()
    }

    /// The sizes of the columns' dictionaries and the data's years, read under one lock of the engine
    /// (the explorer's facets and charts depend on them).
    pub fn column_counts(&self) -> ColumnCounts {
        match self.engine.lock() {
            Ok(e) => ColumnCounts {
                providers: e.cols.providers.len(),
                datasets: e.cols.datasets.len(),
                agencies: e.cols.agencies.len(),
                first_year: e.cols.year0,
                last_year: e.cols.year0 + e.cols.year_codes as i32 - 2,
            },
            Err(_) => ColumnCounts {
                providers: 0,
                datasets: 0,
                agencies: 0,
                first_year: 2000,
                last_year: 2021,
            },
        }
    }
}

/// How many providers, datasets and agencies the loaded data has, and its years
/// ([`AppData::column_counts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnCounts {
    /// Provider countries (the explorer charts them when there are several).
    pub providers: usize,
    /// Datasets loaded together (`dataset=gcdf3~aims`: a facet and a chart); 0 for one dataset.
    pub datasets: usize,
    /// Agencies the records name (a facet when there is any).
    pub agencies: usize,
    /// The first and last commitment years.
    pub first_year: i32,
    pub last_year: i32,
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
pub(super) async fn free_in_slices(mut projects: Vec<Project>, mut text: Vec<String>) {
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
