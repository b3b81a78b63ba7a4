//! The sheets crate's answers as the views' plain data ([`super::model`]): its errors as
//! [`SheetProblem`]s, its fields and conventions as codes, its issues as the data's located problems.
//! Called only from the `sheets` split's functions ([`super::engine`]), so its code loads with them.

use bridges_core::{Consequence, DataIssue};
use bridges_sheets::mapping::MappingError;
use bridges_sheets::SheetError;
use serde_json::Value;

use super::model::{field_code, Conventions, SheetProblem};

pub(super) fn problem(e: SheetError) -> SheetProblem {
    match e {
        SheetError::EmptyFile => SheetProblem::EmptyFile,
        SheetError::EmptySheet { sheet } => SheetProblem::EmptySheet { sheet },
        SheetError::NoRows { sheet } => SheetProblem::NoRows { sheet },
        SheetError::PasswordProtected => SheetProblem::PasswordProtected,
        SheetError::Corrupt { format, detail } => SheetProblem::Corrupt { format, detail },
        SheetError::UnknownFormat { detail } => SheetProblem::UnknownFormat { detail },
        SheetError::NoSuchSheet { .. } => SheetProblem::NoSuchSheet,
        SheetError::Csv { line, detail } => SheetProblem::Csv { line, detail },
    }
}

pub(super) fn mapping_problem(e: MappingError) -> SheetProblem {
    match e {
        MappingError::Json(detail) => SheetProblem::MappingJson { detail },
        MappingError::Version { found } => SheetProblem::MappingVersion { found },
        MappingError::MissingColumn { header } => SheetProblem::MissingColumn { header },
    }
}

/// A field's JSON code, as [`super::model::FIELDS`] spells it.
pub(super) fn code_of(f: bridges_sheets::Field) -> Option<&'static str> {
    match serde_json::to_value(f) {
        Ok(Value::String(code)) => field_code(&code),
        _ => None,
    }
}

fn text_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

pub(super) fn conventions_of(c: &bridges_sheets::mapping::Conventions) -> Conventions {
    let v = serde_json::to_value(c).unwrap_or(Value::Null);
    Conventions {
        decimal: text_of(&v["decimal"]),
        dates: text_of(&v["dates"]),
        recipients: text_of(&v["recipients"]),
        providers: text_of(&v["providers"]),
        currency: c.currency.clone(),
        price_base: c.price_base.clone(),
        scale: c.scale,
    }
}

/// A sheet's issue in the data's problems list: the record number is the sheet's row number, the field
/// the column's header.
pub(super) fn data_issue(source: &str, i: &bridges_sheets::Issue) -> DataIssue {
    use bridges_sheets::Action;
    DataIssue {
        source: source.into(),
        record: i.row.map(|r| r.saturating_sub(1)),
        id: None,
        field: i.column.clone(),
        expected: bridges_core::issue::Expected::SheetCell,
        // What was wrong, translated by the message table; the file's own text quoted after it.
        found: Some(match &i.value {
            Some(v) => format!("{} — \"{v}\"", bridges_sheets::error::describe(&i.kind)),
            None => bridges_sheets::error::describe(&i.kind),
        }),
        consequence: match i.action {
            Action::RowSkipped => Consequence::RecordSkipped,
            Action::ValueIgnored | Action::ValueTruncated | Action::ColumnsDropped => {
                Consequence::ValueIgnored
            }
            Action::Noted => Consequence::Kept,
        },
    }
}
