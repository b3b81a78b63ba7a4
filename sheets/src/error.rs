//! What can go wrong: errors that stop a file from being read at all, and located issues that cost a
//! value, a cell or a row but never the file.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A file Bridges cannot read as a sheet. Everything else is an [`Issue`]. Serialisable, to cross from
/// the worker that reads workbooks ([`crate::wire`]).
#[derive(Debug, Clone, PartialEq, Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum SheetError {
    #[error("the file is empty")]
    EmptyFile,
    #[error("sheet \"{sheet}\" has no cells with values")]
    EmptySheet { sheet: String },
    #[error("sheet \"{sheet}\" has a header row but no rows below it")]
    NoRows { sheet: String },
    #[error("the workbook is password-protected; save an unprotected copy (or export it as CSV) and try again")]
    PasswordProtected,
    #[error("this is not a readable {format} file (damaged or another format): {detail}")]
    Corrupt {
        /// "XLSX", "ODS", "XLS", "Excel".
        format: String,
        detail: String,
    },
    #[error("this does not look like a spreadsheet or CSV file ({detail})")]
    UnknownFormat { detail: String },
    #[error("there is no sheet number {index} (the workbook has {count})")]
    NoSuchSheet { index: usize, count: usize },
    #[error("CSV line {line}: {detail}")]
    Csv { line: u64, detail: String },
}

/// What Bridges did about an issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The row is not a project in the output.
    RowSkipped,
    /// The value is unknown in the output (never zero).
    ValueIgnored,
    /// The value was shortened.
    ValueTruncated,
    /// Columns past the cap were not read.
    ColumnsDropped,
    /// The value was read; this is a note (e.g. row numbers used as ids).
    Noted,
}

/// Why a cell, row or column was not read as it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IssueKind {
    /// A formula cell with no value saved by the spreadsheet program.
    FormulaWithoutValue {
        formula: String,
    },
    /// A spreadsheet error value such as `#DIV/0!`.
    ErrorValue,
    CellTooLong {
        chars: usize,
        kept: usize,
    },
    TooManyColumns {
        columns: usize,
        kept: usize,
    },
    /// The text was not valid in the detected encoding; bad bytes became U+FFFD.
    BadEncoding,
    NoTitle,
    DuplicateId {
        first_row: usize,
    },
    /// The sheet has no id column: each project's id is its row number.
    RowNumbersAsIds,
    NotANumber,
    Negative,
    NotAYear,
    NotADate,
    UnknownStatus,
    UnknownSector,
    UnknownFlowClass,
    UnknownCountry {
        did_you_mean: Option<String>,
    },
    NotAYesNo,
    OutOfRange,
    NotALink,
}

/// One located problem. `row` is the row number as the spreadsheet shows it (1-based, counting the
/// header and any lines above it); `column` is the header text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub value: Option<String>,
    #[serde(flatten)]
    pub kind: IssueKind,
    pub action: Action,
}

/// Longest value quoted in an issue: enough to recognise it, never a megabyte.
const QUOTE: usize = 80;

impl Issue {
    pub fn new(kind: IssueKind, action: Action) -> Self {
        Issue {
            row: None,
            column: None,
            value: None,
            kind,
            action,
        }
    }

    pub fn at(mut self, row: usize, column: &str) -> Self {
        self.row = Some(row);
        self.column = Some(column.to_string());
        self
    }

    pub fn row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }

    pub fn value(mut self, v: &str) -> Self {
        self.value = Some(quote(v));
        self
    }
}

/// The first [`QUOTE`] characters of `v`, with `…` when cut.
pub fn quote(v: &str) -> String {
    match v.char_indices().nth(QUOTE) {
        Some((i, _)) => format!("{}…", &v[..i]),
        None => v.to_string(),
    }
}

/// An issue kind in words, for the proposal's samples and for messages.
pub fn describe(kind: &IssueKind) -> String {
    match kind {
        IssueKind::FormulaWithoutValue { formula } => {
            format!("formula {formula} has no saved value")
        }
        IssueKind::ErrorValue => "a spreadsheet error value".into(),
        IssueKind::CellTooLong { chars, kept } => format!("{chars} characters, cut to {kept}"),
        IssueKind::TooManyColumns { columns, kept } => {
            format!("{columns} columns, only {kept} read")
        }
        IssueKind::BadEncoding => "bytes invalid in the file's encoding".into(),
        IssueKind::NoTitle => "no title".into(),
        IssueKind::DuplicateId { first_row } => format!("same id as row {first_row}"),
        IssueKind::RowNumbersAsIds => "no id: the row number is the id".into(),
        IssueKind::NotANumber => "not a number".into(),
        IssueKind::Negative => "a negative amount".into(),
        IssueKind::NotAYear => "not a year between 1900 and 2100".into(),
        IssueKind::NotADate => "not a date in the chosen format".into(),
        IssueKind::UnknownStatus => "not a known status".into(),
        IssueKind::UnknownSector => "not a known sector".into(),
        IssueKind::UnknownFlowClass => "not a known flow class".into(),
        IssueKind::UnknownCountry {
            did_you_mean: Some(h),
        } => format!("not a known country (did you mean {h}?)"),
        IssueKind::UnknownCountry { did_you_mean: None } => "not a known country".into(),
        IssueKind::NotAYesNo => "not yes or no".into(),
        IssueKind::OutOfRange => "out of range".into(),
        IssueKind::NotALink => "not an http(s) link".into(),
    }
}
