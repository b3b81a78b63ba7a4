//! Bring your spreadsheet (issue #17): the pure engine behind importing a partner's own sheet.
//!
//! 1. [`SheetReader`] reads CSV, TSV, pasted text, .xlsx and .ods in slices ([`SheetReader::step`]).
//! 2. [`propose`] suggests a [`Mapping`]: a Bridges [`Field`] per column, and explicit conventions.
//! 3. [`apply`] turns the rows into a `bridges/2` dataset text plus located [`Issue`]s.
//!
//! Nothing here touches a browser; the shell drives it between animation frames.

#[cfg(feature = "workbooks")]
mod book;
pub mod convert;
pub mod countries;
pub mod decode;
pub mod error;
pub mod field;
mod fill;
mod header;
pub mod mapping;
pub mod output;
pub mod read;
pub mod wire;

pub use convert::{DateOrder, DecimalMark};
pub use countries::Countries;
pub use countries::CountryForm;
pub use decode::TextEncoding;
pub use error::{Action, Issue, IssueKind, SheetError};
pub use field::Field;
pub use fill::reading;
pub use header::column_name;
pub use mapping::{propose, Mapping, Proposal};
pub use output::{apply, Import, Imported};
pub use read::{Progress, ReadOptions, Row, Sheet, SheetReader};
