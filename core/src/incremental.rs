//! Reading a project file a batch of records at a time, so that a browser can paint and answer input
//! between batches: a 100,000-project file is about 90 MB, and reading it in one go blocks a page
//! for seconds.
//!
//! A byte scanner walks the top-level object and cuts its `"projects"` list into one slice per record.
//! Each slice is parsed as JSON on its own and checked by the same record validator as
//! [`parse_dataset_whole`]; the rest of the document (schema, meta, any other field) is parsed as JSON
//! with the list left empty. The whole document is never held as JSON values.
//!
//! The result is always exactly the one [`parse_dataset_whole`] gives. A file the scanner does not
//! recognise as valid JSON with a single `"projects"` list (truncated, malformed, the
//! wrong shape) is handed to [`parse_dataset_whole`] as it is, which then reports the problem, located,
//! as it always has. Only broken files take that path.
//!
//! Each record is parsed with the tolerant rules of [`crate::json`] as if inside the whole document
//! (two containers deep): the same depth limit, the same repairs (numbers beyond f64, lone surrogates,
//! nesting too deep), with paths from the record; the scan that finds a record's end also tells whether
//! it needs them.
//!
//! Input is bytes, decoded as a browser decodes text: invalid UTF-8 becomes U+FFFD. The scanner only
//! cuts next to ASCII punctuation or whitespace, where decoding is never in the middle of a sequence, so
//! decoding each slice on its own gives the same text as decoding the whole file.

use crate::issue::LoadError;
use crate::json;
use crate::json::{parse_document, parse_json};
use crate::model::Project;
use crate::reference::ReferenceIndex;
use crate::repairs;
use crate::validate::{parse_dataset_whole, root_object, Loaded, Records};

/// The UTF-8 byte-order mark, which [`parse_json`] allows at the start.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the scanner is in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the top-level `{`.
    Start,
    /// Inside the top-level object, before a key (or `}` if `first`).
    Key { first: bool },
    /// After a top-level member's value: `,` or `}` follows.
    AfterMember,
    /// Inside the `"projects"` list, before an element (or `]`); `first` if none has been read.
    Element { first: bool },
    /// After the top-level `}`.
    End,
    /// The result has been reached (it is in `outcome` until [`DatasetReader::finish`] takes it).
    Done,
}

/// What one scanner move led to.
enum Flow {
    Continue,
    /// The batch is full.
    Pause,
    Finished(Box<Result<Loaded, LoadError>>),
}

/// Reads a `bridges/1` project file a batch at a time: call [`step`](Self::step) until it returns
/// `true` (yielding to the browser in between), then [`finish`](Self::finish).
pub struct DatasetReader<'a> {
    source: &'a str,
    bytes: &'a [u8],
    reference: &'a ReferenceIndex,
    /// The next byte to scan.
    pos: usize,
    state: State,
    /// The `"projects"` list: offset of its `[`, and just after its `]` once reached.
    list: Option<(usize, usize)>,
    records: Records<'a>,
    /// Records read so far (kept or skipped).
    read: usize,
    /// From the first record read to the end of the last: valid JSON, parsed record by record.
    span: Option<(usize, usize)>,
    /// Records read before the file turned out broken, and their ids: freed a batch at a time (freeing
    /// 100,000 projects at once takes a quarter of a second).
    garbage: (Vec<Project>, Vec<String>),
    /// Whether the file was handed to [`parse_dataset_whole`].
    whole: bool,
    outcome: Option<Result<Loaded, LoadError>>,
}

impl<'a> DatasetReader<'a> {
    /// A reader of `bytes` (the file as fetched), named `source` in every problem it reports.
    pub fn new(
        source: &'a str,
        bytes: &'a [u8],
        reference: &'a ReferenceIndex,
    ) -> DatasetReader<'a> {
        DatasetReader {
            source,
            bytes,
            reference,
            pos: 0,
            state: State::Start,
            list: None,
            records: Records::new(source, reference),
            read: 0,
            span: None,
            garbage: (Vec::new(), Vec::new()),
            whole: false,
            outcome: None,
        }
    }

    /// Reads up to `max_records` more records (at least one); returns `true` once the result is
    /// reached. Each record's work is small, so the time a step takes is about proportional to
    /// `max_records`. A broken file's error is found in the step that finds it broken (without
    /// reading the records again: [`Self::json_error_quickly`]), and the records read until then are
    /// freed in the steps after it, ten times `max_records` a step.
    pub fn step(&mut self, max_records: usize) -> bool {
        let mut budget = max_records.max(1);
        while self.state != State::Done {
            match self.advance(&mut budget) {
                Some(Flow::Continue) => {}
                Some(Flow::Pause) => return false,
                Some(Flow::Finished(result)) => self.done(*result),
                None => {
                    // Not a file this reader understands: the one-shot reader decides, and words
                    // the error exactly as it always has.
                    let read = std::mem::replace(
                        &mut self.records,
                        Records::new(self.source, self.reference),
                    );
                    self.garbage = read.into_garbage();
                    self.whole = true;
                    let result = match self.json_error_quickly() {
                        Some(e) => Err(e),
                        None => {
                            let text = String::from_utf8_lossy(self.bytes);
                            parse_dataset_whole(self.source, &text, self.reference)
                        }
                    };
                    self.done(result);
                }
            }
        }
        // Freeing a record costs a fraction of reading it: ten times as many a step.
        let n = budget.saturating_mul(10);
        let (projects, ids) = &mut self.garbage;
        projects.truncate(projects.len().saturating_sub(n));
        ids.truncate(ids.len().saturating_sub(n));
        projects.is_empty() && ids.is_empty()
    }

    /// Reads whatever is left and returns the dataset, or why it cannot be used.
    pub fn finish(mut self) -> Result<Loaded, LoadError> {
        while !self.step(usize::MAX) {}
        match self.outcome.take() {
            Some(result) => result,
            // Unreachable: `step` returns true only once the outcome is set.
            None => parse_dataset_whole(
                self.source,
                &String::from_utf8_lossy(self.bytes),
                self.reference,
            ),
        }
    }

    /// The result once [`step`](Self::step) has returned `true`; `None` before. Unlike
    /// [`finish`](Self::finish) it reads nothing, so a caller that has stepped to the end needs no
    /// more of the reader's code (the app keeps that code in a split chunk).
    pub fn outcome(mut self) -> Option<Result<Loaded, LoadError>> {
        self.outcome.take()
    }

    /// Records read so far (kept or skipped).
    pub fn records_read(&self) -> usize {
        self.read
    }

    /// Bytes of the file scanned so far.
    pub fn bytes_read(&self) -> usize {
        self.pos.min(self.bytes.len())
    }

    /// Whether the file was read in one go by [`parse_dataset_whole`], because the scanner did not
    /// recognise it as valid JSON with a single `"projects"` list (its error is then reported).
    pub fn read_whole(&self) -> bool {
        self.whole
    }

    /// Size of the file in bytes.
    pub fn total_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// The error the one-shot reader gives for a file that is not valid JSON, found without reading
    /// the records already read into values a second time (for a 90 MB file cut short, a task of a
    /// second). In a copy of the file those records, each valid JSON and parsed on its own, become one
    /// `[]` followed by their newlines, so nothing before the records' end can be an error and serde_json
    /// stops at the same byte and line; after the point where the copy resumes, on that line, it is
    /// short by the bytes of the records' last line, which are added back to the column (serde_json
    /// counts columns in bytes).
    /// `None` when the copy is valid JSON (the file is, and has a shape problem), when the file is not
    /// valid UTF-8 (U+FFFD would move columns) or no record was read: the one-shot reader then decides.
    fn json_error_quickly(&self) -> Option<LoadError> {
        let (a, z) = self.span?;
        let b = self.bytes;
        std::str::from_utf8(b).ok()?;
        let region = b.get(a..z)?;
        // A value that cannot run into what follows it (a `0` would: `05` is an invalid number).
        const STAND_IN: &[u8] = b"[]";
        let newlines = memchr::memchr_iter(b'\n', region).count();
        let short_by = match memchr::memrchr(b'\n', region) {
            Some(last) => (region.len() - last - 1) as i64,
            None => region.len() as i64 - STAND_IN.len() as i64,
        };
        let mut doc = Vec::with_capacity(b.len() - region.len() + newlines + STAND_IN.len());
        doc.extend_from_slice(b.get(..a)?);
        doc.extend_from_slice(STAND_IN);
        doc.resize(doc.len() + newlines, b'\n');
        let resume = doc.len();
        doc.extend_from_slice(b.get(z..)?);
        let before = doc.get(..resume)?;
        let resume_line = 1 + memchr::memchr_iter(b'\n', before).count();
        let resume_column = resume - memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        match parse_json(self.source, std::str::from_utf8(&doc).ok()?) {
            Err(LoadError::NotJson {
                source,
                line,
                column,
                message,
            }) => Some(LoadError::NotJson {
                source,
                line,
                // An error before the records (in a member the scanner skipped) is not moved.
                column: if line == resume_line && column >= resume_column {
                    usize::try_from(column as i64 + short_by).ok()?
                } else {
                    column
                },
                message,
            }),
            _ => None,
        }
    }

    fn done(&mut self, result: Result<Loaded, LoadError>) {
        self.outcome = Some(result);
        self.state = State::Done;
        self.pos = self.bytes.len();
    }

    /// One move of the scanner; `None` when the file is not one it understands.
    fn advance(&mut self, budget: &mut usize) -> Option<Flow> {
        let b = self.bytes;
        match self.state {
            State::Start => {
                let i = skip_ws(b, if b.starts_with(BOM) { BOM.len() } else { 0 });
                if b.get(i) != Some(&b'{') {
                    return None;
                }
                self.pos = i + 1;
                self.state = State::Key { first: true };
            }
            State::Key { first } => {
                let i = skip_ws(b, self.pos);
                match *b.get(i)? {
                    b'}' if first => {
                        self.pos = i + 1;
                        self.state = State::End;
                    }
                    b'"' => {
                        let end = string_end(b, i)?;
                        let is_list = is_projects_key(b.get(i..end)?)?;
                        let colon = skip_ws(b, end);
                        if b.get(colon) != Some(&b':') {
                            return None;
                        }
                        let value = skip_ws(b, colon + 1);
                        if is_list {
                            // A second "projects" (the last one wins) or one that is not a list: the
                            // one-shot reader decides.
                            if self.list.is_some() || b.get(value) != Some(&b'[') {
                                return None;
                            }
                            self.list = Some((value, value));
                            self.pos = value + 1;
                            self.state = State::Element { first: true };
                        } else {
                            self.pos = json::value_extent(b, value, 1)?.0;
                            self.state = State::AfterMember;
                        }
                    }
                    _ => return None,
                }
            }
            State::AfterMember => {
                let i = skip_ws(b, self.pos);
                match *b.get(i)? {
                    b',' => self.state = State::Key { first: false },
                    b'}' => self.state = State::End,
                    _ => return None,
                }
                self.pos = i + 1;
            }
            State::Element { first } => {
                let mut i = skip_ws(b, self.pos);
                match *b.get(i)? {
                    b']' => {
                        let (open, _) = self.list?;
                        self.list = Some((open, i + 1));
                        self.pos = i + 1;
                        self.state = State::AfterMember;
                        return Some(Flow::Continue);
                    }
                    b',' if !first => i = skip_ws(b, i + 1),
                    _ if first => {}
                    _ => return None,
                }
                if *budget == 0 {
                    return Some(Flow::Pause);
                }
                // A record is enclosed by the document and the list: read as inside the whole
                // document (the same depth limit, the same repairs, with paths from the record). The
                // scan that finds its end also tells whether it needs the tolerant rewrite.
                let (end, care) = json::value_extent(b, i, 2)?;
                let text = String::from_utf8_lossy(b.get(i..end)?);
                let record = json::parse_with(&text, 2, care).ok()?;
                self.records.push(record.value, record.repairs);
                self.read += 1;
                self.span = Some((self.span.map_or(i, |(a, _)| a), end));
                *budget -= 1;
                self.pos = end;
                self.state = State::Element { first: false };
            }
            State::End => {
                let (open, close) = self.list?;
                if close <= open {
                    return None;
                }
                // Everything but the list's records, with the list left empty: schema, meta, and the
                // check that nothing is wrong outside the list (trailing text, bad syntax).
                let mut rest = String::from_utf8_lossy(b.get(..open)?).into_owned();
                rest.push_str("[]");
                rest.push_str(&String::from_utf8_lossy(b.get(close..)?));
                let mut parsed = parse_document(self.source, &rest).ok()?;
                // The list is empty here: every repair is outside the records.
                let (repairs, _) = repairs::split(&mut parsed);
                // The whole document is valid JSON by now, so a wrong schema is the error the
                // one-shot reader would give.
                let root = match root_object(self.source, parsed.value) {
                    Ok(root) => root,
                    Err(e) => return Some(Flow::Finished(Box::new(Err(e)))),
                };
                let records =
                    std::mem::replace(&mut self.records, Records::new(self.source, self.reference));
                return Some(Flow::Finished(Box::new(
                    Ok(records.finish(&root, &repairs)),
                )));
            }
            State::Done => return Some(Flow::Pause),
        }
        Some(Flow::Continue)
    }
}

/// The first byte at or after `i` that is not JSON whitespace.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

/// Just after the string starting with the `"` at `start`; `None` if it never ends.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        match *b.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// Whether a top-level key (with its quotes) is `"projects"`, escapes decoded; `None` if it does not
/// decode.
fn is_projects_key(raw: &[u8]) -> Option<bool> {
    if !raw.contains(&b'\\') {
        return Some(raw == b"\"projects\"");
    }
    let key: String = serde_json::from_str(&String::from_utf8_lossy(raw)).ok()?;
    Some(key == "projects")
}

/// Reads a project file against the reference tables.
///
/// This runs [`DatasetReader`] to the end: the same code the app runs a batch at a time. Its result is
/// always the one [`parse_dataset_whole`] gives.
pub fn parse_dataset(
    source: &str,
    text: &str,
    reference: &ReferenceIndex,
) -> Result<Loaded, LoadError> {
    DatasetReader::new(source, text.as_bytes(), reference).finish()
}
