//! An .xlsx sheet streamed: calamine's cell reader parses its XML a slice of rows at a time, merged
//! regions are filled in as their rows come, and formulas without a saved value are reported at the end.

use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::{Data, Dimensions, Reader, Sheets, Xlsx};

use super::cells::text;
use super::{corrupt, Book, Bytes};
use crate::error::{Action, Issue, IssueKind, SheetError};
use crate::header::column_name;

/// A cell of a streamed sheet: its (row, column) and value.
type At = ((u32, u32), Data);

/// The next cell of a streamed sheet.
type NextCell<'a> = Box<dyn FnMut() -> Result<Option<At>, calamine::XlsxError> + 'a>;

/// An .xlsx workbook with calamine's cell reader over one of its sheets (the reader borrows the
/// workbook: its shared strings and its zip).
#[ouroboros::self_referencing]
struct XlsxCells {
    book: Xlsx<Bytes>,
    #[borrows(mut book)]
    #[not_covariant]
    next: NextCell<'this>,
}

/// An .xlsx sheet read a row at a time.
pub(crate) struct Stream {
    cells: XlsxCells,
    name: String,
    height: usize,
    merges: Vec<Dimensions>,
    /// Top-left values of the merged regions met so far (a region's other cells take its value).
    merge_values: Vec<At>,
    /// A cell already read that starts the next row.
    pending: Option<At>,
    /// Cells written without a value: formulas whose result was never saved (calamine's reader skips
    /// cells that are empty and nothing else).
    valueless: Vec<(u32, u32)>,
    ended: bool,
}

/// Whether any worksheet of an .xlsx zip has a `<mergeCell` tag: its XML inflated a block at a time and
/// searched, which costs a fraction of parsing it. When in doubt (a zip that does not read), yes.
fn has_merges(bytes: &Arc<[u8]>) -> bool {
    const TAG: &[u8] = b"<mergeCell";
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(Arc::clone(bytes))) else {
        return true;
    };
    let finder = memchr::memmem::Finder::new(TAG);
    let mut block = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else {
            return true;
        };
        if !(f.name().starts_with("xl/worksheets/") && f.name().ends_with(".xml")) {
            continue;
        }
        // The tail of the previous block is kept, so that a tag cut by a block's end is found.
        let mut kept = 0;
        loop {
            let n = match f.read(&mut block[kept..]) {
                Ok(0) => break,
                Ok(n) => n,
                Err(_) => return true,
            };
            let end = kept + n;
            if finder.find(&block[..end]).is_some() {
                return true;
            }
            kept = (TAG.len() - 1).min(end);
            block.copy_within(end - kept..end, 0);
        }
    }
    false
}

/// Starts streaming sheet `name` of an .xlsx workbook, or gives the workbook back if that cannot be
/// done (calamine's error is then found again, and reported, by the whole-sheet reader).
pub(super) fn stream(book: Book, bytes: &Arc<[u8]>, name: &str) -> Result<Stream, Box<Book>> {
    let Sheets::Xlsx(mut x) = book else {
        return Err(Box::new(book));
    };
    // Merged regions are listed after the sheet's cells. calamine finds them with a pass over the
    // whole XML, which costs a large sheet as much as a long task; so it runs only for a workbook
    // whose XML has a merged cell at all.
    let merges = if has_merges(bytes) {
        x.worksheet_merge_cells(name)
            .and_then(Result::ok)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut height = 0;
    let cells = XlsxCellsTryBuilder {
        book: x,
        next_builder: |b: &mut Xlsx<Bytes>| -> Result<NextCell<'_>, calamine::XlsxError> {
            let mut r = b.worksheet_cells_reader(name)?;
            let d = r.dimensions();
            height = (d.end.0.saturating_sub(d.start.0) as usize).saturating_add(1);
            Ok(Box::new(move || {
                r.next_cell()
                    .map(|c| c.map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
            }))
        },
    }
    .try_build_or_recover();
    match cells {
        Ok(cells) => Ok(Stream {
            cells,
            name: name.to_string(),
            height,
            merges,
            merge_values: Vec::new(),
            pending: None,
            valueless: Vec::new(),
            ended: false,
        }),
        Err((_, heads)) => Err(Box::new(Sheets::Xlsx(heads.book))),
    }
}

impl Stream {
    /// The workbook, to read another sheet.
    pub(crate) fn into_book(self) -> Book {
        Sheets::Xlsx(self.cells.into_heads().book)
    }

    pub(crate) fn height(&self) -> usize {
        self.height
    }

    fn next_cell(&mut self) -> Result<Option<At>, SheetError> {
        if let Some(c) = self.pending.take() {
            return Ok(Some(c));
        }
        if self.ended {
            return Ok(None);
        }
        let c = self
            .cells
            .with_next_mut(|next| next())
            .map_err(|e| corrupt("XLSX", e))?;
        self.ended = c.is_none();
        Ok(c)
    }

    /// The next row with a cell, as text cells, with its 1-based sheet row number; `None` at the end.
    pub(crate) fn next_row(
        &mut self,
        issues: &mut Vec<Issue>,
    ) -> Result<Option<(usize, Vec<String>)>, SheetError> {
        let Some(first) = self.next_cell()? else {
            return Ok(None);
        };
        let row = first.0 .0;
        let mut values: Vec<At> = vec![first];
        while let Some(c) = self.next_cell()? {
            if c.0 .0 != row {
                self.pending = Some(c);
                break;
            }
            values.push(c);
        }
        let width = values
            .iter()
            .map(|((_, col), _)| *col as usize + 1)
            .max()
            .unwrap_or(0);
        let mut cells = vec![String::new(); width];
        let merges: Vec<Dimensions> = self
            .merges
            .iter()
            .filter(|d| d.start.0 <= row && row <= d.end.0)
            .copied()
            .collect();
        let number = row as usize + 1;
        for (pos, v) in &values {
            if matches!(v, Data::Empty) {
                self.valueless.push(*pos);
            }
            if merges.iter().any(|d| d.start == *pos) {
                self.merge_values.push((*pos, v.clone()));
            }
            if let Some(cell) = cells.get_mut(pos.1 as usize) {
                *cell = text(
                    v,
                    number,
                    &mut || column_name(pos.1 as usize),
                    issues,
                    || None,
                );
            }
        }
        // Merged regions covering this row below or right of their top-left cell.
        for d in &merges {
            let Some((_, v)) = self.merge_values.iter().find(|(p, _)| *p == d.start) else {
                continue;
            };
            let value = text(v, number, &mut String::new, &mut Vec::new(), || None);
            for col in d.start.1..=d.end.1 {
                let col = col as usize;
                if col >= cells.len() && col < crate::read::MAX_COLUMNS {
                    cells.resize(col + 1, String::new());
                }
                if let Some(c) = cells.get_mut(col).filter(|c| c.is_empty()) {
                    c.clone_from(&value);
                }
            }
        }
        Ok(Some((number, cells)))
    }

    /// The workbook back, after reporting the cells written without a value: their formulas are
    /// read in one more pass over the sheet, only when there are such cells (Excel and LibreOffice
    /// save every formula's result; some generators do not).
    pub(super) fn finish(self, issues: &mut Vec<Issue>) -> Book {
        let mut book = self.cells.into_heads().book;
        if !self.valueless.is_empty() {
            let formulas = book.worksheet_formula(&self.name).unwrap_or_default();
            for (row, col) in self.valueless {
                formula_issue(formulas.get_value((row, col)).cloned(), row, col, issues);
            }
        }
        Sheets::Xlsx(book)
    }
}

fn formula_issue(formula: Option<String>, row: u32, col: u32, issues: &mut Vec<Issue>) {
    if let Some(f) = formula.filter(|f| !f.is_empty()) {
        issues.push(
            Issue::new(
                IssueKind::FormulaWithoutValue {
                    formula: crate::error::quote(&f),
                },
                Action::ValueIgnored,
            )
            .at(row as usize + 1, &column_name(col as usize)),
        );
    }
}
