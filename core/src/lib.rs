//! The pure core of Bridges: dataset model, validation, reference tables, summaries and formatting.
//! Nothing here touches a browser, so all of it is tested with plain `cargo test`.

pub mod agency;
pub mod bins;
pub mod catalog;
pub mod columns;
pub mod crossfilter;
pub mod embed_view;
pub mod explore;
pub mod export;
pub mod format;
pub mod front;
pub mod geo;
pub mod glossary;
pub mod i18n;
pub mod incremental;
pub mod issue;
pub mod json;
pub mod known_codes;
pub mod map;
pub mod map_view;
pub mod model;
pub mod money;
pub mod palette;
pub mod partners;
pub mod present;
pub mod query;
pub mod reference;
pub mod repairs;
pub mod route;
pub mod similar;
pub mod state;
pub mod story;
pub mod summary;
pub mod synthetic;
pub mod table;
pub mod text;
pub mod titles;
pub mod validate;
pub mod world;
pub mod write;

pub use incremental::parse_dataset;
pub use issue::{Consequence, DataIssue, LoadError};
pub use model::{Dataset, Project};
pub use reference::ReferenceIndex;
pub use summary::Summary;
pub use validate::Loaded;
