//! JSON as a browser's `JSON.parse` reads it, where serde_json is stricter: a number too large for an
//! f64 (`1e309`, a 400-digit integer), a lone surrogate escape (`"\ud800"`) and nesting deeper than
//! serde_json's limit would each make a whole file "not valid JSON". Here they cost one value:
//!
//! - a number beyond the f64 range becomes `null` (unknown);
//! - a lone surrogate escape becomes `\ufffd` (U+FFFD, the replacement character) and the text is kept;
//! - a value nested deeper than [`MAX_NESTING`] containers is dropped (`null`) together with its
//!   ancestor at depth [`CUT_DEPTH`] (for a record, the field of the record that holds it).
//!
//! Each change is a [`Repair`], located by its path. The rewrite keeps every byte offset and line
//! (replacements are padded with spaces; line breaks stay), so serde_json's error for a broken file is
//! at the line and column of the original. Anything the rewriter does not recognise as JSON it leaves
//! as it is, and serde_json reports it: serde_json stays the judge of syntax.
//!
//! A number written with an exponent or 16 or more digits may not be exactly the f64 serde_json makes
//! of it (`999999999999999.9` reads as 1e15): its exact integer value, if it has one, is noted as a
//! [`Fix::Exact`], for fields that must be whole numbers.
//!
//! Text is first scanned by [`needs_care`] (a cheap pass); only text that may need a change is
//! rewritten, so ordinary files cost one quick scan more.

use serde_json::Value;

use crate::issue::LoadError;

/// Most objects and lists open at once, counted from the document's top: serde_json refuses the 128th.
pub const MAX_NESTING: usize = 127;
/// A value nested too deep is dropped with its ancestor at this depth: the document (0), the
/// `projects` list (1) and a record (2) enclose a record's fields (3).
pub const CUT_DEPTH: usize = 3;
/// A number with this many digits (and dot) or more may not be exactly its f64.
const LONG_NUMBER: usize = 16;

/// One step of a path: an object's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// What was changed (or noted) at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fix {
    /// A number beyond the range of an f64 (its text): now `null`.
    OutOfRange(String),
    /// A string (or key) with lone surrogate escapes (the first one): each is now U+FFFD.
    Surrogate(String),
    /// A value nested deeper than [`MAX_NESTING`]: now `null`.
    TooDeep,
    /// A number that may not be exactly its f64: the whole number it is, written in decimal, or
    /// `None` if it is not whole. Not a change.
    Exact(Option<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub path: Vec<Seg>,
    pub fix: Fix,
    /// For a document (depth 0) that is an object: which of its members (0-based) holds the path.
    pub member: Option<usize>,
}

/// A parsed value with its repairs, in document order.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    pub repairs: Vec<Repair>,
    /// For a document that is an object: the index of its last member named `projects` (the one
    /// serde_json keeps).
    pub projects_member: Option<usize>,
}

/// Parses `text`, a JSON value enclosed by `depth` containers, with the tolerances above; the error
/// is serde_json's.
pub fn parse(text: &str, depth: usize) -> Result<Parsed, serde_json::Error> {
    parse_with(text, depth, needs_care(text.as_bytes(), depth))
}

/// [`parse`], when whether the text [`needs_care`] is known (from [`value_extent`]).
pub(crate) fn parse_with(
    text: &str,
    depth: usize,
    care: bool,
) -> Result<Parsed, serde_json::Error> {
    if !care {
        return Ok(Parsed {
            value: serde_json::from_str(text)?,
            repairs: Vec::new(),
            projects_member: None,
        });
    }
    let mut r = Rewriter::new(text.as_bytes(), depth);
    r.run();
    let rewritten = std::str::from_utf8(&r.out).unwrap_or(text);
    let value = serde_json::from_str(rewritten)?;
    Ok(Parsed {
        value,
        repairs: r.repairs,
        projects_member: r.projects_member,
    })
}

/// Whether `b` (enclosed by `depth` containers) may hold something [`parse`] changes or notes: a
/// surrogate escape, a number with an exponent or [`LONG_NUMBER`] digits, or nesting beyond
/// [`MAX_NESTING`]. May say yes for text that needs nothing, never no for text that does.
pub fn needs_care(b: &[u8], depth: usize) -> bool {
    let mut care = Care::new(depth);
    let mut i = 0;
    while i < b.len() {
        i = care.byte(b, i);
        if care.found {
            return true;
        }
    }
    false
}

/// The scan of [`needs_care`], a byte at a time.
struct Care {
    depth: usize,
    run: usize,
    prev: u8,
    found: bool,
}

impl Care {
    fn new(depth: usize) -> Care {
        Care {
            depth,
            run: 0,
            prev: b' ',
            found: false,
        }
    }

    /// Looks at the byte at `i` (outside strings; a string is looked at whole) and returns the
    /// index of the next byte to look at.
    fn byte(&mut self, b: &[u8], i: usize) -> usize {
        let c = b[i];
        match c {
            b'"' => {
                self.run = 0;
                self.prev = c;
                let (end, surrogate, _) = scan_string(b, i);
                self.found |= surrogate;
                return end;
            }
            b'0'..=b'9' | b'.' => {
                self.run += 1;
                self.found |= self.run >= LONG_NUMBER;
            }
            b'e' | b'E' => {
                self.found |= self.prev.is_ascii_digit() || self.prev == b'.';
                self.run = 0;
            }
            b'[' | b'{' => {
                self.depth += 1;
                self.found |= self.depth > MAX_NESTING;
                self.run = 0;
            }
            b']' | b'}' => {
                self.depth = self.depth.saturating_sub(1);
                self.run = 0;
            }
            _ => self.run = 0,
        }
        self.prev = c;
        i + 1
    }
}

/// Just after the JSON value starting at `start` (found by matching brackets outside strings; its
/// syntax is checked when it is parsed), and whether it [`needs_care`] when enclosed by `depth`
/// containers: one pass for both. `None` if it never ends or is empty.
pub(crate) fn value_extent(b: &[u8], start: usize, depth: usize) -> Option<(usize, bool)> {
    let mut care = Care::new(depth);
    match *b.get(start)? {
        b'"' => {
            let (end, surrogate, closed) = scan_string(b, start);
            closed.then_some((end, surrogate))
        }
        b'{' | b'[' => {
            let mut level = 0usize;
            let mut i = start;
            loop {
                match *b.get(i)? {
                    b'"' => {
                        let (end, surrogate, closed) = scan_string(b, i);
                        if !closed {
                            return None;
                        }
                        care.found |= surrogate;
                        care.run = 0;
                        care.prev = b'"';
                        i = end;
                        continue;
                    }
                    b'{' | b'[' => level += 1,
                    b'}' | b']' => level = level.checked_sub(1)?,
                    _ => {}
                }
                i = care.byte(b, i);
                if level == 0 {
                    return Some((i, care.found));
                }
            }
        }
        // A number or a literal: up to the next delimiter.
        _ => {
            let mut i = start;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b']' | b'}' | b' ' | b'\n' | b'\t' | b'\r'))
            {
                i = care.byte(b, i);
            }
            (i > start).then_some((i, care.found))
        }
    }
}

/// Just after the string starting with the `"` at `start` (or the end of `b`), whether it has a
/// `\u` escape of a surrogate (`\uD800`–`\uDFFF`, paired or not), and whether it is closed.
fn scan_string(b: &[u8], start: usize) -> (usize, bool, bool) {
    let mut i = start + 1;
    let mut surrogate = false;
    // From one quote or backslash to the next (memchr reads a word at a time): most of a project
    // file's bytes are inside strings, and a byte at a time was a tenth of reading the built-in data.
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        i += off;
        if b.get(i) == Some(&b'"') {
            return (i + 1, surrogate, true);
        }
        if b.get(i + 1) == Some(&b'u')
            && matches!(b.get(i + 2), Some(b'd' | b'D'))
            && matches!(b.get(i + 3), Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
        {
            surrogate = true;
        }
        i += 2;
    }
    (b.len(), surrogate, false)
}

/// A path as the validator names fields: `amount.value`, `sdgs[2]`, `x[0].y`.
pub fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(&crate::issue::truncate(k, 40));
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

mod number;
mod rewrite;

pub use number::exact_integer;
use rewrite::Rewriter;

#[cfg(test)]
mod tests;

/// Parses JSON, turning serde's error into a located [`LoadError`]. A UTF-8 byte-order mark is allowed.
/// Numbers beyond an f64, lone surrogate escapes and nesting too deep are tolerated ([`crate::json`]).
pub fn parse_json(source: &str, text: &str) -> Result<Value, LoadError> {
    parse_document(source, text).map(|p| p.value)
}

/// [`parse_json`], with what the tolerant reader changed.
pub(crate) fn parse_document(source: &str, text: &str) -> Result<Parsed, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Shape {
            source: source.into(),
            expected: "a JSON document".into(),
            found: "an empty file".into(),
        });
    }
    parse(text, 0).map_err(|e| LoadError::NotJson {
        source: source.into(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}
