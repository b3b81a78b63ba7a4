//! Workbooks (.xlsx, .ods, and legacy .xls for free) through calamine. An .xlsx sheet is streamed:
//! calamine's cell reader parses its XML a slice of rows at a time ([`Stream`]), so a large sheet never
//! blocks the page in one piece. An .ods or .xls sheet is parsed whole on the first step (calamine has
//! no cell reader for them); its rows are then turned into text a slice at a time.

use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::{open_workbook_from_rs, Data, Dimensions, Ods, Range, Reader, Sheets, Xls, Xlsx};

use crate::error::{Action, Issue, IssueKind, SheetError};
use crate::header::column_name;

/// The file's bytes, shared by calamine's reader and the look for merged cells ([`has_merges`]).
type Bytes = Cursor<Arc<[u8]>>;

pub(crate) type Book = Sheets<Bytes>;

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

pub(crate) fn open(bytes: Vec<u8>, kind: BookKind) -> Result<Workbook, SheetError> {
    let bytes = Arc::<[u8]>::from(bytes);
    open_book(Cursor::new(Arc::clone(&bytes)), kind).map(|book| Workbook::new(book, bytes))
}

fn open_book(cur: Bytes, kind: BookKind) -> Result<Book, SheetError> {
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
pub(crate) fn stream(book: Book, bytes: &Arc<[u8]>, name: &str) -> Result<Stream, Box<Book>> {
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
    fn finish(self, issues: &mut Vec<Issue>) -> Book {
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

/// A workbook and the sheet being read from it.
pub(crate) struct Workbook {
    /// `None` while a sheet is streamed (the stream holds the workbook).
    book: Option<Book>,
    bytes: Arc<[u8]>,
    sheets: Vec<String>,
    loaded: Option<Loaded>,
}

enum Loaded {
    Stream(Box<Stream>),
    Whole(Whole),
    Done,
}

impl Workbook {
    fn new(book: Book, bytes: Arc<[u8]>) -> Self {
        let sheets = book.sheet_names();
        Workbook {
            book: Some(book),
            bytes,
            sheets,
            loaded: None,
        }
    }

    pub(crate) fn sheet_names(&self) -> &[String] {
        &self.sheets
    }

    pub(crate) fn is_loaded(&self) -> bool {
        self.loaded.is_some()
    }

    /// Starts reading sheet `name`: streamed for .xlsx, else parsed whole.
    pub(crate) fn load(&mut self, name: &str) -> Result<(), SheetError> {
        let book = self.book.take().ok_or(SheetError::NoSuchSheet {
            index: 0,
            count: self.sheets.len(),
        })?;
        let mut book = match stream(book, &self.bytes, name) {
            Ok(s) => {
                self.loaded = Some(Loaded::Stream(Box::new(s)));
                return Ok(());
            }
            Err(book) => *book,
        };
        let whole = load(&mut book, name);
        self.book = Some(book);
        let whole = whole?;
        if whole.is_empty() {
            return Err(SheetError::EmptySheet { sheet: name.into() });
        }
        self.loaded = Some(Loaded::Whole(whole));
        Ok(())
    }

    /// Forgets the sheet read so far (to read another).
    pub(crate) fn reset(&mut self) {
        if let Some(Loaded::Stream(s)) = self.loaded.take() {
            self.book = Some(s.into_book());
        }
    }

    /// Rows in the sheet, when known (a streamed sheet's declared dimensions).
    pub(crate) fn height(&self) -> Option<usize> {
        match &self.loaded {
            Some(Loaded::Stream(s)) => Some(s.height()),
            Some(Loaded::Whole(w)) => Some(w.height()),
            _ => None,
        }
    }

    pub(crate) fn next_row(
        &mut self,
        issues: &mut Vec<Issue>,
    ) -> Result<Option<(usize, Vec<String>)>, SheetError> {
        match &mut self.loaded {
            Some(Loaded::Whole(w)) => Ok(w.next_row(issues)),
            Some(Loaded::Stream(s)) => {
                if let Some(row) = s.next_row(issues)? {
                    return Ok(Some(row));
                }
                if let Some(Loaded::Stream(s)) = self.loaded.replace(Loaded::Done) {
                    self.book = Some(s.finish(issues));
                }
                Ok(None)
            }
            Some(Loaded::Done) | None => Ok(None),
        }
    }
}

/// One sheet, parsed whole, being turned into text rows.
pub(crate) struct Whole {
    values: Range<Data>,
    formulas: Range<String>,
    merges: Vec<Dimensions>,
    next: usize,
}

fn load(book: &mut Book, name: &str) -> Result<Whole, SheetError> {
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
