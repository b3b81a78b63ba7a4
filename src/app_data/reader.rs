//! The code that turns what a load fetched into the app's data: the built-in datasets' snapshots, the
//! reference tables, the catalogue of built-in datasets, the union of several datasets, the summary and
//! the column store. It is one split chunk (`reader`), fetched while the data
//! downloads, so that none of it is code at start: the app's first paint waits for less code, and the
//! reader is compiled while the bytes it reads are still on their way. (The JSON reader, needed only for
//! a file that is not a built-in dataset, is a chunk of its own: `json.rs`.)

use bridges_core::catalog::Catalog;
use bridges_core::columns::{Columns, ColumnsBuilder};
use bridges_core::model::Dataset;

use super::*;

lazy_fn! {
    /// Reads a snapshot's (inflated) bytes ([`bridges_core::snapshot::read`]).
    pub(super) fn read_snapshot(bytes: Vec<u8>, file: String) -> Result<Loaded, String> {
        bridges_core::snapshot::read(&bytes, &file).map_err(|e| e.to_string())
    }
    preload: preload_reader_code, in: reader;

    /// Reads the reference tables' JSON text ([`parse_reference`]).
    fn reference(text: String) -> Result<ReferenceIndex, LoadError> {
        parse_reference(REFERENCE_DATA, &text)
    }
    preload: preload_reference, in: reader;

    /// Reads the catalogue's JSON text ([`Catalog::parse`]).
    fn catalog(text: String) -> Result<Catalog, String> {
        Catalog::parse(&text)
    }
    preload: preload_catalog, in: reader;

    /// The union of the datasets read (`(catalogue id, records)`, [`bridges_core::catalog::union`]),
    /// with the providers that are not countries (bridges/2 actors) named in `reference` wherever a
    /// provider is.
    fn union(parts: Vec<(String, Loaded)>, reference: &mut ReferenceIndex) -> Loaded {
        let loaded = bridges_core::catalog::union(parts);
        reference.add_actors(&loaded.dataset.actors);
        loaded
    }
    preload: preload_union, in: reader;

    /// The dataset's summary: one pass over every project ([`Summary::of_dataset`]).
    fn summary(dataset: &Dataset) -> Summary {
        Summary::of_dataset(dataset)
    }
    preload: preload_summary, in: reader;

    /// The column store's builder: its dictionaries, no rows yet ([`ColumnsBuilder::new`]).
    fn columns_builder<'a>(
        dataset: &'a Dataset,
        reference: &'a ReferenceIndex,
        currency: &'a str,
        price_base: &'a str,
    ) -> ColumnsBuilder<'a> {
        ColumnsBuilder::new(dataset, reference, currency, price_base)
    }
    preload: preload_columns_builder, in: reader;

    /// Adds up to `rows` more rows; `true` once every row is in ([`ColumnsBuilder::step`]).
    fn columns_step(builder: &mut ColumnsBuilder<'_>, rows: usize) -> bool {
        builder.step(rows)
    }
    preload: preload_columns_step, in: reader;

    /// The columns of a builder that has every row ([`ColumnsBuilder::finish`]).
    fn columns_finish(builder: ColumnsBuilder<'_>) -> Columns {
        builder.finish()
    }
    preload: preload_columns_finish, in: reader;
}

/// Starts fetching the reader's code (a load calls this first, whatever it reads).
pub(super) fn preload() {
    crate::lazy::preload(preload_reader_code);
}

/// The load's error when the reader's code could not be downloaded (the network failed before the
/// offline pack was stored).
pub(super) fn code_missing(source: &str) -> impl Fn(crate::lazy::LoadFailed) -> LoadError + '_ {
    move |e| LoadError::Fetch {
        source: source.to_string(),
        message: format!("the code that reads the data could not be downloaded ({e:?})"),
    }
}

/// Reads the reference tables' text (`data/reference.json`).
pub async fn read_reference(text: String) -> Result<ReferenceIndex, LoadError> {
    reference(text)
        .await
        .map_err(code_missing(REFERENCE_DATA))?
}

/// The catalogue of built-in datasets (`data/catalog.json`), fetched and read; a located error when it
/// cannot be.
pub async fn read_catalogue() -> Result<Catalog, LoadError> {
    let text = fetch_text(CATALOG).await?;
    catalog(text)
        .await
        .map_err(code_missing(CATALOG))?
        .map_err(|found| LoadError::Shape {
            source: CATALOG.into(),
            expected: "a catalogue of datasets".into(),
            found,
        })
}

/// The union of the datasets read, their actors named in `reference` ([`union`]).
pub(super) async fn union_of(
    parts: Vec<(String, Loaded)>,
    reference: &mut ReferenceIndex,
    source: &str,
) -> Result<Loaded, LoadError> {
    union(parts, reference).await.map_err(code_missing(source))
}

/// The dataset's summary ([`summary`]).
pub(super) async fn summary_of(dataset: &Dataset, source: &str) -> Result<Summary, LoadError> {
    summary(dataset).await.map_err(code_missing(source))
}

/// Builds the column store of `dataset`, a batch of rows at a time, yielding to the browser when a
/// slice of time is used up; `progress` is told the rows done before each pause.
pub(super) async fn build_columns(
    dataset: &Dataset,
    reference: &ReferenceIndex,
    currency: &str,
    price_base: &str,
    source: &str,
    mut progress: impl FnMut(usize),
) -> Result<Columns, LoadError> {
    let missing = code_missing(source);
    let mut builder = columns_builder(dataset, reference, currency, price_base)
        .await
        .map_err(&missing)?;
    while !columns_step(&mut builder, BATCH).await.map_err(&missing)? {
        if slice_due() {
            progress(builder.rows_done());
            pause().await;
        }
    }
    columns_finish(builder).await.map_err(&missing)
}
