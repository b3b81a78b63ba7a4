//! The map's geometry (`data/world.json`, made by `cargo xtask prepare-data`), loaded once per view.

use std::sync::Arc;

use bridges_core::world::{parse_world, World};
use gloo_net::http::Request;
use leptos::prelude::*;

use crate::i18n::{fill_view, tm, Lang};

pub const WORLD: &str = "data/world.json";

/// Why the map geometry could not be loaded.
#[derive(Clone, Debug)]
pub enum WorldError {
    /// The server answered with this HTTP status.
    Status(u16),
    /// A network or parse error, as the browser or the parser (in English) put it.
    Other(String),
}

pub async fn load_world() -> Result<Arc<World>, WorldError> {
    let resp = Request::get(WORLD)
        .send()
        .await
        .map_err(|e| WorldError::Other(format!("{WORLD}: {e}")))?;
    if !resp.ok() {
        return Err(WorldError::Status(resp.status()));
    }
    let text = resp
        .text()
        .await
        .map_err(|e| WorldError::Other(format!("{WORLD}: {e}")))?;
    parse_world(WORLD, &text)
        .map(Arc::new)
        .map_err(|e| WorldError::Other(e.to_string()))
}

/// The load error in the interface language; the file name and any English detail are marked as such.
pub fn world_error_view(e: &WorldError, lang: Lang) -> Vec<AnyView> {
    let t = tm(lang);
    match e.clone() {
        WorldError::Status(status) => fill_view(t.load_http, move |k| match k {
            "file" => Some(view! { <code lang="en">{WORLD}</code> }.into_any()),
            "status" => Some(status.to_string().into_any()),
            _ => None,
        }),
        // The detail, from the browser or the parser, names the file and is in English.
        WorldError::Other(detail) => fill_view(t.load_other, move |k| {
            (k == "detail").then(|| view! { <span lang="en">{detail.clone()}</span> }.into_any())
        }),
    }
}
