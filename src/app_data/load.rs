//! Where the data comes from (a URL, a local file, an imported sheet, built-in datasets) and the load
//! itself: fetch, read a slice of records at a time, build the columns a slice of rows at a time.

use super::fetch::*;
use super::json::{preload_reader as preload_json_reader, read_json};
use super::reader::{build_columns, read_reference, summary_of, union_of};
use super::slices::*;
use super::snapshot::{fetch_builtin, Fetched};
use super::*;

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    /// The built-in dataset, or another one named by `?data=URL`.
    Url(Option<String>),
    /// A file the visitor opened or dropped: read in the browser, never uploaded.
    File { name: String, file: LocalFile },
    /// Built-in datasets by catalogue id (`dataset=gcdf3~aims`): one, or their union.
    Datasets(Vec<String>),
    /// A spreadsheet the visitor imported through the column mapper (issue #17): the `bridges/2` text
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
pub(super) async fn catalogue_files(
    ids: &[String],
) -> Result<Vec<bridges_core::catalog::Entry>, LoadError> {
    let catalog = super::read_catalogue().await?;
    ids.iter()
        .map(|id| match catalog.get(id) {
            Some(e) => Ok(e.clone()),
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
    // The reference tables are fetched at the same time as the catalogue and every data file (boot.js
    // has usually started them already): one round trip after another cost the union ~0.5 s.
    let mut sheet = None;
    let mut ids = None;
    let (source, data_url, file) = match choice {
        DataSource::Url(url) => (
            url.clone().unwrap_or_else(|| DEFAULT_DATA.to_string()),
            url,
            None,
        ),
        DataSource::File { name, file } => (format!("{name} (local file)"), Some(name), Some(file)),
        DataSource::Imported { name, json, issues } => {
            sheet = Some((json, issues));
            (format!("{name} (spreadsheet)"), Some(name), None)
        }
        DataSource::Datasets(named) => {
            let is_default = named.len() == 1 && named[0] == "gcdf3";
            let joined = named.join("~");
            ids = Some(named);
            (String::new(), (!is_default).then_some(joined), None)
        }
    };
    let on_progress = |received, expected| {
        let mut p = progress;
        p.bytes_read = received;
        p.total_bytes = expected;
        report(generation, p);
    };
    let builtin = ids.is_some() || data_url.is_none() && file.is_none() && sheet.is_none();
    // The code that reads what is fetched (split chunks, fetched while the data downloads): the reader
    // of snapshots, reference tables and columns, and for a file that is not a built-in dataset the
    // JSON reader.
    super::reader::preload();
    if !builtin {
        preload_json_reader();
    }
    let fetch_data = async {
        match (&ids, &file, &sheet) {
            (Some(ids), _, _) => {
                let entries = catalogue_files(ids).await?;
                let data = futures::future::try_join_all(
                    entries.iter().map(|e| fetch_builtin(&e.file, on_progress)),
                )
                .await?;
                Ok::<_, LoadError>((Some(entries), data))
            }
            (None, Some(file), _) => Ok((
                None,
                vec![Fetched::json(
                    file_bytes(&source, &file.0, on_progress).await?,
                )],
            )),
            (None, None, Some((json, _))) => {
                Ok((None, vec![Fetched::Json(json.as_bytes().to_vec(), 0)]))
            }
            (None, None, None) if builtin => {
                Ok((None, vec![fetch_builtin(&source, on_progress).await?]))
            }
            (None, None, None) => Ok((
                None,
                vec![Fetched::json(fetch_bytes(&source, on_progress).await?)],
            )),
        }
    };
    let (reference_text, data) = futures::join!(fetch_text(REFERENCE_DATA), fetch_data);
    mark("fetched");
    let (datasets, data) = data?;
    let files: Vec<(String, String)> = match &datasets {
        Some(entries) => entries
            .iter()
            .map(|e| (e.id.clone(), e.file.clone()))
            .collect(),
        None => vec![(String::new(), source.clone())],
    };
    let source = match &datasets {
        Some(entries) => entries
            .iter()
            .map(|e| e.file.clone())
            .collect::<Vec<_>>()
            .join(" + "),
        None => source,
    };
    let mut reference = read_reference(reference_text?).await?;
    let mut parts = Vec::new();
    for ((id, name), fetched) in files.iter().zip(data) {
        let (data, skip) = match fetched {
            Fetched::Read(loaded) => {
                progress.records += loaded.dataset.projects.len();
                parts.push((id.clone(), *loaded));
                continue;
            }
            Fetched::Json(data, skip) => (data, skip),
        };
        let bytes = data.get(skip..).unwrap_or_default();
        progress.phase = LoadPhase::Reading;
        progress.total_bytes = bytes.len();
        report(generation, progress);
        let reader = DatasetReader::new(name, bytes, &reference);
        let read = read_json(reader, BATCH, name, |reader| {
            progress.records = reader.records_read();
            progress.bytes_read = reader.bytes_read();
            report(generation, progress);
        })
        .await?;
        parts.push((id.clone(), read));
    }
    // Providers that are not countries (bridges/2 actors) are named wherever a provider is.
    let mut loaded = union_of(parts, &mut reference, &source).await?;
    // Each dataset of a union is named by its catalogue titles (the dataset chart's bars).
    for part in &mut loaded.dataset.parts {
        if let Some(e) = datasets.iter().flatten().find(|e| e.id == part.id) {
            part.title = e.title_en.clone();
            part.title_zh = e.title_zh.clone();
        }
    }
    if let Some((_, issues)) = &sheet {
        loaded.issues.splice(0..0, issues.iter().cloned());
    }
    mark("parsed");
    // The summary is one pass over every project (about 30 ms for 100,000): a slice of its own.
    pause().await;

    let summary = summary_of(&loaded.dataset, &source).await?;
    let unit = summary.unit();
    progress.phase = LoadPhase::Indexing;
    progress.rows = loaded.dataset.projects.len();
    report(generation, progress);
    mark("summary");
    pause_if_due().await;

    let columns = build_columns(
        &loaded.dataset,
        &reference,
        &unit.currency,
        &unit.price_base,
        &source,
        |rows| {
            progress.rows_indexed = rows;
            report(generation, progress);
        },
    )
    .await?;
    let engine = Mutex::new(Engine::new(columns));
    mark("columns");
    progress.phase = LoadPhase::Done;
    report(generation, progress);
    report_load();
    Ok(Arc::new(AppData {
        source,
        is_default: data_url.is_none(),
        builtin: datasets
            .iter()
            .flatten()
            .map(|e| bridges_core::columns::Name {
                en: e.title_en.clone(),
                zh: e.title_zh.clone().unwrap_or_else(|| e.title_en.clone()),
            })
            .collect(),
        reference,
        loaded,
        summary,
        engine,
        unit,
        similar: std::sync::OnceLock::new(),
        actors: std::sync::OnceLock::new(),
    }))
}
