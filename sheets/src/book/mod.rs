//! Workbooks (.xlsx, .ods, and legacy .xls for free) through calamine. An .xlsx sheet is streamed:
//! calamine's cell reader parses its XML a slice of rows at a time ([`Stream`]), so a large sheet never
//! blocks the page in one piece. An .ods or .xls sheet is parsed whole on the first step (calamine has
//! no cell reader for them); its rows are then turned into text a slice at a time.
//!
//! `mod.rs`: the format, opening a workbook and reading its sheets ([`Workbook`]); `stream.rs`: an .xlsx
//! sheet streamed; `whole.rs`: a sheet parsed whole; `cells.rs`: a cell as text.

mod cells;
mod stream;
mod whole;

use stream::{stream, Stream};
use whole::{load, Whole};

use std::io::Cursor;
use std::sync::Arc;

use calamine::{open_workbook_from_rs, Ods, Reader, Sheets, Xls, Xlsx};

use crate::error::{Issue, SheetError};

/// The file's bytes, shared by calamine's reader and the look for merged cells (`stream.rs`).
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
        format: format.into(),
        detail: e.to_string(),
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
