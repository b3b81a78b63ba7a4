//! Loading the reference tables and a project dataset over HTTP, then handing them to the pure core.

use std::sync::{Arc, Mutex};

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::issue::LoadError;
use bridges_core::reference::{parse_reference, ReferenceIndex};
use bridges_core::{parse_dataset, Loaded, Summary};
use gloo_net::http::Request;

/// The built-in dataset, relative to the app's base URL.
pub const DEFAULT_DATA: &str = "data/projects.json";
pub const REFERENCE_DATA: &str = "data/reference.json";

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
}

pub type LoadResult = Result<Arc<AppData>, LoadError>;

pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
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
    resp.text().await.map_err(|e| LoadError::Fetch {
        source: url.to_string(),
        message: e.to_string(),
    })
}

/// Where the dataset comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum DataSource {
    /// The built-in dataset, or another one named by `?data=URL`.
    Url(Option<String>),
    /// A file the visitor opened or dropped: read in the browser, never uploaded.
    File { name: String, text: String },
}

/// Fetches the reference tables and the dataset (at once) and validates them.
pub async fn load(choice: DataSource) -> LoadResult {
    let (source, data_url, file_text) = match choice {
        DataSource::Url(url) => (
            url.clone().unwrap_or_else(|| DEFAULT_DATA.to_string()),
            url,
            None,
        ),
        DataSource::File { name, text } => (format!("{name} (local file)"), Some(name), Some(text)),
    };
    let fetch_data = async {
        match file_text {
            Some(text) => Ok(text),
            None => fetch_text(&source).await,
        }
    };
    let (reference_text, data_text) = futures::join!(fetch_text(REFERENCE_DATA), fetch_data);
    let reference = parse_reference(REFERENCE_DATA, &reference_text?)?;
    let loaded = parse_dataset(&source, &data_text?, &reference)?;
    let summary = Summary::of_dataset(&loaded.dataset);
    let (currency, price_base) = summary
        .amount
        .as_ref()
        .map(|a| (a.currency.clone(), a.price_base.clone()))
        .unwrap_or_else(|| ("USD".into(), String::new()));
    let engine = Mutex::new(Engine::new(Columns::build(
        &loaded.dataset,
        &reference,
        &currency,
        &price_base,
    )));
    Ok(Arc::new(AppData {
        source,
        is_default: data_url.is_none(),
        reference,
        loaded,
        summary,
        engine,
        currency,
        price_base,
    }))
}
