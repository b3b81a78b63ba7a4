//! Workbooks are read in a Web Worker (`sheet-worker/`), so that calamine's opening of a large .xlsx
//! (it reads the whole shared-string table in one call: 157–174 ms for 50,000 rows) never blocks the
//! page. This module is both sides' common ground, kept out of the browser so plain `cargo test` runs
//! it: the messages, and the worker's part of the conversation ([`WorkbookService`]).
//!
//! The worker says [`Reply::Ready`] once it listens. The page then sends [`Request::Open`] (the file's bytes travel beside it, transferred) and gets
//! [`Reply::Opened`] with the sheet names; then [`Request::Read`] for one sheet, answered by
//! [`Reply::Rows`] a slice at a time and a last [`Reply::Done`] with the issues found reading. The page
//! puts the rows together with [`crate::Sheet::from_rows`]. Any failure is a [`Reply::Failed`].

use serde::{Deserialize, Serialize};

use crate::error::{Issue, SheetError};
use crate::read::{ReadOptions, Row, SheetReader};

/// Rows in one [`Reply::Rows`]: a slice the page parses well within a frame.
pub const ROWS_PER_REPLY: usize = 2_000;

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum Request {
    /// Open the workbook whose bytes come with this message.
    Open { name: String },
    /// Read sheet `sheet` (an index into [`Reply::Opened`]'s names) from its start.
    Read { sheet: usize },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum Reply {
    /// The worker listens: sent once, when it has started (a message posted before that is lost).
    Ready,
    Opened {
        sheets: Vec<String>,
    },
    /// The next rows of the sheet; `read` counts all sent so far, `total` is the sheet's declared
    /// height when the workbook has one.
    Rows {
        rows: Vec<Row>,
        read: usize,
        total: Option<usize>,
    },
    /// The sheet is read: its name, and the issues found reading it.
    Done {
        sheet: String,
        issues: Vec<Issue>,
    },
    Failed {
        error: SheetError,
    },
}

/// True when `bytes` start like a workbook (a zip: .xlsx, .ods; an OLE file: .xls or an encrypted
/// .xlsx), whatever the file is called: these go to the worker, text is read on the page.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The worker's side: the open workbook, kept between requests.
#[derive(Default)]
pub struct WorkbookService {
    reader: Option<SheetReader>,
}

impl WorkbookService {
    /// Answers one request; `bytes` are the file's for [`Request::Open`]. Sends every reply through
    /// `send` (one for `Open`, several for `Read`).
    pub fn handle(&mut self, request: Request, bytes: Vec<u8>, send: &mut dyn FnMut(Reply)) {
        match request {
            Request::Open { name } => {
                // The previous workbook is freed before the next is parsed.
                self.reader = None;
                match SheetReader::open(&name, bytes, &ReadOptions::default()) {
                    Ok(reader) => {
                        send(Reply::Opened {
                            sheets: reader.sheets().to_vec(),
                        });
                        self.reader = Some(reader);
                    }
                    Err(error) => send(Reply::Failed { error }),
                }
            }
            Request::Read { sheet } => {
                if let Err(error) = self.read(sheet, send) {
                    send(Reply::Failed { error });
                }
            }
        }
    }

    fn read(&mut self, sheet: usize, send: &mut dyn FnMut(Reply)) -> Result<(), SheetError> {
        let reader = self.reader.as_mut().ok_or(SheetError::NoSuchSheet {
            index: sheet,
            count: 0,
        })?;
        reader.choose_sheet(sheet)?;
        loop {
            let progress = reader.step(ROWS_PER_REPLY)?;
            let rows = reader.take_rows();
            if !rows.is_empty() {
                send(Reply::Rows {
                    rows,
                    read: progress.rows_read,
                    total: progress.total_rows,
                });
            }
            if progress.done {
                send(Reply::Done {
                    sheet: reader.sheet_name().to_string(),
                    issues: reader.take_issues(),
                });
                return Ok(());
            }
        }
    }
}
