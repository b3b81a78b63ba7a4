//! Workbooks (.xlsx, .ods, and legacy .xls for free) through calamine. A sheet is parsed whole on the
//! first step (calamine has no row-by-row reader for every format); the rows are then turned into text
//! a slice at a time, so the shell can still show progress and stay responsive between slices.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Dimensions, Ods, Range, Reader, Sheets, Xls, Xlsx};

use crate::error::{Action, Issue, IssueKind, SheetError};
use crate::header::column_name;

pub(crate) type Book = Sheets<Cursor<Vec<u8>>>;

/// Which workbook format the bytes hold, from their magic number (the extension may lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BookKind {
    /// A zip: .xlsx, or .ods when the extension says so.
    Zip { ods: bool },
    /// An OLE compound file: legacy .xls, or an encrypted (password-protected) .xlsx.
    Compound,
}

pub(crate) fn kind_of(bytes: &[u8], name: &str) -> Option<BookKind> {
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        Some(BookKind::Zip {
            ods: lower.ends_with(".ods"),
        })
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(BookKind::Compound)
    } else {
        None
    }
}

pub(crate) fn open(bytes: Vec<u8>, kind: BookKind) -> Result<Book, SheetError> {
    let cur = Cursor::new(bytes);
    match kind {
        BookKind::Zip { ods: true } => open_workbook_from_rs::<Ods<_>, _>(cur)
            .map(Sheets::Ods)
            .map_err(|e| match e {
                calamine::OdsError::Password => SheetError::PasswordProtected,
                e => corrupt("ODS", e),
            }),
        BookKind::Zip { ods: false } => match open_workbook_from_rs::<Xlsx<_>, _>(cur.clone()) {
            Ok(x) => Ok(Sheets::Xlsx(x)),
            // A zip named .xlsx that is really an OpenDocument file still opens.
            Err(e) => open_workbook_from_rs::<Ods<_>, _>(cur)
                .map(Sheets::Ods)
                .map_err(|_| corrupt("XLSX", e)),
        },
        BookKind::Compound => match open_workbook_from_rs::<Xlsx<_>, _>(cur.clone()) {
            Err(calamine::XlsxError::Password) => Err(SheetError::PasswordProtected),
            _ => open_workbook_from_rs::<Xls<_>, _>(cur)
                .map(Sheets::Xls)
                .map_err(|e| match e {
                    calamine::XlsError::Password => SheetError::PasswordProtected,
                    e => corrupt("XLS", e),
                }),
        },
    }
}

fn corrupt(format: &'static str, e: impl std::fmt::Display) -> SheetError {
    SheetError::Corrupt {
        format,
        detail: e.to_string(),
    }
}

/// One sheet, parsed, being turned into text rows.
pub(crate) struct Loaded {
    values: Range<Data>,
    formulas: Range<String>,
    merges: Vec<Dimensions>,
    next: usize,
}

pub(crate) fn load(book: &mut Book, name: &str) -> Result<Loaded, SheetError> {
    let values = book.worksheet_range(name).map_err(|e| match e {
        calamine::Error::Xlsx(calamine::XlsxError::Password)
        | calamine::Error::Ods(calamine::OdsError::Password)
        | calamine::Error::Xls(calamine::XlsError::Password) => SheetError::PasswordProtected,
        e => corrupt("workbook", e),
    })?;
    // Formulas only tell which empty cells were formulas without a saved value; a workbook whose
    // formulas cannot be read still has its values.
    let formulas = book.worksheet_formula(name).unwrap_or_default();
    let merges = match book {
        Sheets::Xlsx(x) => x
            .worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    Ok(Loaded {
        values,
        formulas,
        merges,
        next: 0,
    })
}

impl Loaded {
    pub(crate) fn height(&self) -> usize {
        self.values.height()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The next row as text cells with its 1-based sheet row number, or `None` at the end.
    pub(crate) fn next_row(&mut self, issues: &mut Vec<Issue>) -> Option<(usize, Vec<String>)> {
        let (r0, c0) = self.values.start()?;
        let width = self.values.width();
        let i = self.next;
        if i >= self.values.height() {
            return None;
        }
        self.next += 1;
        let row = r0 + i as u32;
        // Merged regions that cover this row: their value is stored in the top-left cell only.
        let merges: Vec<&Dimensions> = self
            .merges
            .iter()
            .filter(|d| d.start.0 <= row && row <= d.end.0)
            .collect();
        // Columns left of the used range are empty cells, so that a cell's index is its spreadsheet
        // column (A = 0) whatever the range: issues then name the right header.
        let mut cells = vec![String::new(); c0 as usize];
        cells.reserve(width);
        for j in 0..width {
            let col = c0 + j as u32;
            let mut v = self.values.get_value((row, col)).unwrap_or(&Data::Empty);
            if matches!(v, Data::Empty) {
                if let Some(d) = merges.iter().find(|d| d.contains(row, col)) {
                    v = self.values.get_value(d.start).unwrap_or(&Data::Empty);
                }
            }
            let number = row as usize + 1;
            cells.push(text(
                v,
                number,
                &mut || column_name(col as usize),
                issues,
                || self.formulas.get_value((row, col)).cloned(),
            ));
        }
        Some((row as usize + 1, cells))
    }
}

/// A cell as text. Whole numbers lose Excel's `.0`; dates become `YYYY-MM-DD` (with the time if any).
fn text(
    v: &Data,
    row: usize,
    column: &mut dyn FnMut() -> String,
    issues: &mut Vec<Issue>,
    formula: impl FnOnce() -> Option<String>,
) -> String {
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            issues.push(
                Issue::new(IssueKind::ErrorValue, Action::ValueIgnored)
                    .at(row, &column())
                    .value(&e.to_string()),
            );
            String::new()
        }
        Data::Empty => {
            if let Some(f) = formula().filter(|f| !f.is_empty()) {
                issues.push(
                    Issue::new(
                        IssueKind::FormulaWithoutValue {
                            formula: crate::error::quote(&f),
                        },
                        Action::ValueIgnored,
                    )
                    .at(row, &column()),
                );
            }
            String::new()
        }
    }
}

pub(crate) fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
