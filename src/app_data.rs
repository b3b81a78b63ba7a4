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

async fn fetch_text(url: &str) -> Result<String, LoadError> {
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

/// Fetches both files at once and validates them. `data_url` is `None` for the built-in dataset.
pub async fn load(data_url: Option<String>) -> LoadResult {
    let source = data_url.clone().unwrap_or_else(|| DEFAULT_DATA.to_string());
    let (reference_text, data_text) =
        futures::join!(fetch_text(REFERENCE_DATA), fetch_text(&source));
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
