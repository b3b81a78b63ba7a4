//! An .ods or .xls sheet (or an .xlsx one that cannot be streamed), parsed whole on the first step,
//! then turned into text rows a slice at a time.

use calamine::{Data, Dimensions, Range, Reader, Sheets};

use super::cells::text;
use super::{corrupt, Book};
use crate::error::{Issue, SheetError};
use crate::header::column_name;

/// One sheet, parsed whole, being turned into text rows.
pub(crate) struct Whole {
    values: Range<Data>,
    formulas: Range<String>,
    merges: Vec<Dimensions>,
    next: usize,
}

pub(super) fn load(book: &mut Book, name: &str) -> Result<Whole, SheetError> {
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
    Ok(Whole {
        values,
        formulas,
        merges,
        next: 0,
    })
}

impl Whole {
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
