//! Reading a sheet in slices: [`SheetReader::step`] reads at most a budget of rows, so the shell can
//! call it between animation frames and a 50,000-row sheet never blocks the page for long.

use std::io::Cursor;

use serde::{Deserialize, Serialize};

#[cfg(feature = "workbooks")]
use crate::book::{self, Workbook};
use crate::decode::{decode, TextEncoding};
use crate::error::{Action, Issue, IssueKind, SheetError};
use crate::header::column_name;

/// Longest cell kept: Excel's own limit (32,767 characters). A longer cell is cut, with an issue.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most columns read. Real project sheets have tens (AidData's widest release about 130); a sheet
/// filled out to Excel's 16,384 columns is cut here, with an issue, instead of costing memory.
pub const MAX_COLUMNS: usize = 512;
/// The name of a pasted table (its sheet, and the file name the app shows and downloads under).
pub const PASTED: &str = "pasted-table";

/// Explicit reading settings; `None` means "detect".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadOptions {
    pub encoding: Option<TextEncoding>,
    /// Field separator of a text file (`,` `;` or tab).
    pub delimiter: Option<char>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub rows_read: usize,
    /// Known for workbooks once the sheet is parsed; a text file's row count is not known in advance.
    pub total_rows: Option<usize>,
    pub done: bool,
}

/// A sheet read to the end: header, rows, and what reading it cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    /// Row number of the header in the sheet (1-based).
    pub header_row: usize,
    pub rows: Vec<Row>,
    pub issues: Vec<Issue>,
    /// For text files: the encoding the bytes were read as.
    pub encoding: Option<TextEncoding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// 1-based row number as the spreadsheet (or a CSV viewer) shows it.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(String::as_str).unwrap_or("")
    }
}

impl Sheet {
    /// A sheet from rows read elsewhere (all of them, in order, with the issues found reading them):
    /// finds the header as [`SheetReader::finish`] does.
    pub fn from_rows(
        name: String,
        rows: Vec<Row>,
        issues: Vec<Issue>,
    ) -> Result<Sheet, SheetError> {
        crate::header::assemble(name, rows, issues, None)
    }
}

enum Source {
    Text {
        rdr: Box<csv::Reader<Cursor<Vec<u8>>>>,
        record: csv::StringRecord,
        count: usize,
    },
    #[cfg(feature = "workbooks")]
    Book(Box<Workbook>),
}

pub struct SheetReader {
    source: Source,
    sheets: Vec<String>,
    chosen: usize,
    raw: Vec<Row>,
    /// Rows read, counting those already taken out ([`SheetReader::take_rows`]).
    count: usize,
    issues: Vec<Issue>,
    encoding: Option<TextEncoding>,
    capped: bool,
    done: bool,
}

impl SheetReader {
    /// Opens a file by its name (for the extension) and bytes. Workbooks are recognised by their
    /// content; anything else is read as delimited text.
    pub fn open(name: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Self, SheetError> {
        if bytes.is_empty() {
            return Err(SheetError::EmptyFile);
        }
        #[cfg(not(feature = "workbooks"))]
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(SheetError::UnknownFormat {
                detail: "a workbook; this build reads text files only".into(),
            });
        }
        #[cfg(feature = "workbooks")]
        if let Some(kind) = book::kind_of(&bytes, name) {
            let book = book::open(bytes, kind)?;
            let sheets = book.sheet_names().to_vec();
            if sheets.is_empty() {
                return Err(SheetError::EmptySheet { sheet: name.into() });
            }
            return Ok(Self::with(Source::Book(Box::new(book)), sheets, None));
        }
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xlsx") || lower.ends_with(".ods") || lower.ends_with(".xls") {
            // Named as a workbook but without a workbook's signature: damaged, not text.
            return Err(SheetError::Corrupt {
                format: if lower.ends_with(".ods") {
                    "ODS"
                } else {
                    "Excel"
                }
                .into(),
                detail: "the file does not start like a workbook".into(),
            });
        }
        let tab = lower.ends_with(".tsv") || lower.ends_with(".tab");
        Self::text(name, &bytes, opts, tab.then_some('\t'))
    }

    /// Text pasted from a spreadsheet (the clipboard holds tab-separated rows), or a CSV pasted from a
    /// text editor: tab-separated when its first line has a tab, else the separator is detected as for
    /// a file. The sheet is named [`PASTED`].
    pub fn pasted(text: &str) -> Result<Self, SheetError> {
        if text.trim().is_empty() {
            return Err(SheetError::EmptyFile);
        }
        let opts = ReadOptions::default();
        let tab = first_line(text).contains('\t');
        Self::text(PASTED, text.as_bytes(), &opts, tab.then_some('\t'))
    }

    fn text(
        name: &str,
        bytes: &[u8],
        opts: &ReadOptions,
        default: Option<char>,
    ) -> Result<Self, SheetError> {
        let d = decode(bytes, opts.encoding);
        // A PDF, an image or a zip renamed .csv decodes to control characters, not a table.
        let head: Vec<char> = d.text.chars().take(4096).collect();
        let control = head
            .iter()
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
            .count();
        if control * 20 > head.len() {
            return Err(SheetError::UnknownFormat {
                detail: format!(
                    "{control} control characters in the first {} characters",
                    head.len()
                ),
            });
        }
        let delimiter = opts
            .delimiter
            .or(default)
            .unwrap_or_else(|| sniff_delimiter(&d.text));
        let mut issues = Vec::new();
        if d.had_errors {
            issues.push(Issue::new(IssueKind::BadEncoding, Action::Noted));
        }
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(u8::try_from(delimiter).unwrap_or(b','))
            .from_reader(Cursor::new(d.text.into_bytes()));
        let mut r = Self::with(
            Source::Text {
                rdr: Box::new(rdr),
                record: csv::StringRecord::new(),
                count: 0,
            },
            vec![name.to_string()],
            Some(d.encoding),
        );
        r.issues = issues;
        Ok(r)
    }

    fn with(source: Source, sheets: Vec<String>, encoding: Option<TextEncoding>) -> Self {
        SheetReader {
            source,
            sheets,
            chosen: 0,
            raw: Vec::new(),
            count: 0,
            issues: Vec::new(),
            encoding,
            capped: false,
            done: false,
        }
    }

    /// The sheets of a workbook (one, named after the file, for text).
    pub fn sheets(&self) -> &[String] {
        &self.sheets
    }

    /// Reads sheet `index` instead (from the start).
    pub fn choose_sheet(&mut self, index: usize) -> Result<(), SheetError> {
        if index >= self.sheets.len() {
            return Err(SheetError::NoSuchSheet {
                index,
                count: self.sheets.len(),
            });
        }
        #[cfg(feature = "workbooks")]
        if let Source::Book(book) = &mut self.source {
            book.reset();
            self.chosen = index;
            self.raw.clear();
            self.count = 0;
            self.issues.clear();
            self.capped = false;
            self.done = false;
        }
        Ok(())
    }

    /// Reads up to `budget_rows` more rows.
    pub fn step(&mut self, budget_rows: usize) -> Result<Progress, SheetError> {
        let mut taken = 0;
        while !self.done && taken < budget_rows.max(1) {
            let next = match &mut self.source {
                Source::Text { rdr, record, count } => match rdr.read_record(record) {
                    Ok(false) => None,
                    Ok(true) => {
                        *count += 1;
                        Some((*count, record.iter().map(str::to_string).collect()))
                    }
                    Err(e) => {
                        return Err(SheetError::Csv {
                            line: e.position().map(|p| p.line()).unwrap_or(0),
                            detail: e.to_string(),
                        })
                    }
                },
                #[cfg(feature = "workbooks")]
                Source::Book(book) => {
                    if !book.is_loaded() {
                        let name = self.sheets.get(self.chosen).cloned().unwrap_or_default();
                        book.load(&name)?;
                        // Opening the sheet (an .ods or .xls one: parsing it whole) was this step's work.
                        return Ok(self.progress());
                    }
                    book.next_row(&mut self.issues)?
                }
            };
            match next {
                Some((number, cells)) => self.push(number, cells),
                None => self.done = true,
            }
            taken += 1;
        }
        Ok(self.progress())
    }

    fn progress(&self) -> Progress {
        let total_rows = match &self.source {
            #[cfg(feature = "workbooks")]
            Source::Book(book) => book.height(),
            _ => None,
        };
        Progress {
            rows_read: self.count,
            total_rows,
            done: self.done,
        }
    }

    /// Caps a row's width and its cells' length; an empty row is dropped (it is not data).
    fn push(&mut self, number: usize, mut cells: Vec<String>) {
        if cells.len() > MAX_COLUMNS {
            let columns = cells.len();
            let cut = cells[MAX_COLUMNS..].iter().any(|c| !c.trim().is_empty());
            if cut && !self.capped {
                self.capped = true;
                self.issues.push(
                    Issue::new(
                        IssueKind::TooManyColumns {
                            columns,
                            kept: MAX_COLUMNS,
                        },
                        Action::ColumnsDropped,
                    )
                    .row(number),
                );
            }
            cells.truncate(MAX_COLUMNS);
        }
        // A cell of at most MAX_CELL_CHARS bytes has at most as many characters: only longer ones are
        // counted (counting every cell's characters was a third of a CSV step in a browser profile).
        for (i, c) in cells
            .iter_mut()
            .enumerate()
            .filter(|(_, c)| c.len() > MAX_CELL_CHARS)
        {
            if let Some((cut, _)) = c.char_indices().nth(MAX_CELL_CHARS) {
                let chars = c.chars().count();
                self.issues.push(
                    Issue::new(
                        IssueKind::CellTooLong {
                            chars,
                            kept: MAX_CELL_CHARS,
                        },
                        Action::ValueTruncated,
                    )
                    .at(number, &column_name(i))
                    .value(c),
                );
                c.truncate(cut);
            }
        }
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if !cells.is_empty() {
            self.raw.push(Row { number, cells });
            self.count += 1;
        }
    }

    /// The rows read since the last call, to send elsewhere (the worker that reads workbooks sends them
    /// to the page a slice at a time; [`Sheet::from_rows`] puts them together there).
    pub fn take_rows(&mut self) -> Vec<Row> {
        std::mem::take(&mut self.raw)
    }

    /// The issues found so far, to send elsewhere with the last rows.
    pub fn take_issues(&mut self) -> Vec<Issue> {
        std::mem::take(&mut self.issues)
    }

    /// The name of the sheet being read.
    pub fn sheet_name(&self) -> &str {
        self.sheets.get(self.chosen).map_or("", String::as_str)
    }

    /// Reads to the end and finds the header.
    pub fn finish(mut self) -> Result<Sheet, SheetError> {
        while !self.done {
            self.step(usize::MAX)?;
        }
        let name = self.sheets.get(self.chosen).cloned().unwrap_or_default();
        crate::header::assemble(name, self.raw, self.issues, self.encoding)
    }
}

/// The first line of a text that is neither blank nor a `#` comment.
fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start_matches(['"', '\u{feff}']).starts_with('#'))
        .unwrap_or("")
}

/// The separator of a delimited text: whichever of tab, `;` and `,` is most common on the first line
/// that is not a `#` comment (European Excel writes `;`).
fn sniff_delimiter(text: &str) -> char {
    let line = first_line(text);
    let count = |c: char| line.matches(c).count();
    let mut best = (',', count(','));
    for c in ['\t', ';'] {
        if count(c) > best.1 {
            best = (c, count(c));
        }
    }
    best.0
}
