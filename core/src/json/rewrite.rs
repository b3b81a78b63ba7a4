//! The rewriter of [`super::parse`]: one pass over the bytes, with an explicit stack (no recursion,
//! so any depth is safe), changing bytes in place in a copy.

use serde_json::Value;

use super::{exact_integer, Fix, Repair, Seg, CUT_DEPTH, LONG_NUMBER, MAX_NESTING};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// A value is expected.
    Value,
    /// After `{`: a key or `}`.
    ObjectFirst,
    /// After a member's value: `,` or `}`.
    ObjectNext,
    /// After `[`: a value or `]`.
    ListFirst,
    /// After an element: `,` or `]`.
    ListNext,
    /// After a key: `:` then a value.
    Colon,
    /// After the top-level value: only whitespace.
    End,
}

/// An open object or list that is not being dropped.
struct Frame {
    object: bool,
    start: usize,
    /// Members or elements before the current one.
    index: usize,
    /// The current member's key (with its quotes) in `out`.
    key: (usize, usize),
    /// Repairs made before it opened (those made inside it go if it is dropped).
    repairs: usize,
}

pub(super) struct Rewriter<'a> {
    b: &'a [u8],
    pub(super) out: Vec<u8>,
    depth: usize,
    frames: Vec<Frame>,
    /// While a value is being dropped: its frame's index, path and member; and the kinds (object or
    /// not) of the containers open inside the frames beyond [`MAX_NESTING`].
    cut: Option<(usize, Vec<Seg>, Option<usize>)>,
    deep: Vec<bool>,
    pub(super) repairs: Vec<Repair>,
    pub(super) projects_member: Option<usize>,
}

impl<'a> Rewriter<'a> {
    pub(super) fn new(b: &'a [u8], depth: usize) -> Rewriter<'a> {
        Rewriter {
            b,
            out: b.to_vec(),
            depth,
            frames: Vec::new(),
            cut: None,
            deep: Vec::new(),
            repairs: Vec::new(),
            projects_member: None,
        }
    }

    /// Rewrites `out` up to the end, or up to the first thing that is not JSON (left to serde_json).
    pub(super) fn run(&mut self) {
        let mut i = skip_ws(self.b, 0);
        let mut state = State::Value;
        while let Some(next) = self.step(&mut i, state) {
            state = next;
        }
    }

    /// Where the value at `frames` stands: path and top-level member.
    fn here(&self, frames: usize) -> (Vec<Seg>, Option<usize>) {
        let path = self.frames[..frames]
            .iter()
            .map(|f| {
                if f.object {
                    Seg::Key(decode_key(
                        self.out.get(f.key.0..f.key.1).unwrap_or_default(),
                    ))
                } else {
                    Seg::Index(f.index)
                }
            })
            .collect();
        let member = match self.frames.first() {
            Some(f) if self.depth == 0 && f.object && frames > 0 => Some(f.index),
            _ => None,
        };
        (path, member)
    }

    fn repair(&mut self, fix: Fix) {
        if self.cut.is_none() {
            let (path, member) = self.here(self.frames.len());
            self.repairs.push(Repair { path, fix, member });
        }
    }

    /// The state after a value ends at `i` (where `i` is left).
    fn after_value(&self) -> State {
        match self.deep.last() {
            Some(true) => State::ObjectNext,
            Some(false) => State::ListNext,
            None => match self.frames.last() {
                Some(f) if f.object => State::ObjectNext,
                Some(_) => State::ListNext,
                None => State::End,
            },
        }
    }

    fn open(&mut self, i: usize, object: bool) {
        let open = self.depth + self.frames.len() + self.deep.len() + 1;
        if self.cut.is_none() && open > MAX_NESTING {
            let k = CUT_DEPTH.saturating_sub(self.depth).min(self.frames.len());
            let (path, member) = self.here(k);
            self.cut = Some((k, path, member));
        }
        let cut_here = matches!(&self.cut, Some((k, _, _)) if *k == self.frames.len());
        if self.cut.is_some() && open > MAX_NESTING && !cut_here {
            self.deep.push(object);
        } else {
            self.frames.push(Frame {
                object,
                start: i,
                index: 0,
                key: (0, 0),
                repairs: self.repairs.len(),
            });
        }
    }

    /// Closes the innermost container, whose last byte is at `i`.
    fn close(&mut self, i: usize) {
        if self.deep.pop().is_some() {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if let Some((k, _, _)) = &self.cut {
            if *k == self.frames.len() {
                let Some((_, path, member)) = self.cut.take() else {
                    return;
                };
                blank(&mut self.out[frame.start..=i]);
                self.repairs.truncate(frame.repairs);
                self.repairs.push(Repair {
                    path,
                    fix: Fix::TooDeep,
                    member,
                });
            }
        }
    }

    fn step(&mut self, i: &mut usize, state: State) -> Option<State> {
        let b = self.b;
        let c = *b.get(*i)?;
        let next = match state {
            State::Value => match c {
                b'{' | b'[' => {
                    self.open(*i, c == b'{');
                    *i += 1;
                    if c == b'{' {
                        State::ObjectFirst
                    } else {
                        State::ListFirst
                    }
                }
                b'"' => {
                    let (end, lone) = self.string(*i)?;
                    if let Some(escape) = lone {
                        self.repair(Fix::Surrogate(escape));
                    }
                    *i = end;
                    self.after_value()
                }
                b'-' | b'0'..=b'9' => {
                    *i = self.number(*i)?;
                    self.after_value()
                }
                _ => {
                    let word = [&b"true"[..], b"false", b"null"]
                        .into_iter()
                        .find(|w| b[*i..].starts_with(w))?;
                    *i += word.len();
                    self.after_value()
                }
            },
            State::ObjectFirst | State::ObjectNext => match c {
                b'}' => {
                    self.close(*i);
                    *i += 1;
                    self.after_value()
                }
                b',' if state == State::ObjectNext => {
                    *i = skip_ws(b, *i + 1);
                    self.key(i)?
                }
                b'"' if state == State::ObjectFirst => self.key(i)?,
                _ => return None,
            },
            State::ListFirst | State::ListNext => match c {
                b']' => {
                    self.close(*i);
                    *i += 1;
                    self.after_value()
                }
                b',' if state == State::ListNext => {
                    if self.deep.is_empty() {
                        if let Some(f) = self.frames.last_mut() {
                            f.index += 1;
                        }
                    }
                    *i += 1;
                    State::Value
                }
                _ if state == State::ListFirst => State::Value,
                _ => return None,
            },
            State::Colon => {
                if c != b':' {
                    return None;
                }
                *i += 1;
                State::Value
            }
            State::End => return None,
        };
        *i = skip_ws(b, *i);
        Some(next)
    }

    /// A member's key at `i` (after `{` or `,`); the state after it.
    fn key(&mut self, i: &mut usize) -> Option<State> {
        if self.b.get(*i) != Some(&b'"') {
            return None;
        }
        let start = *i;
        let (end, lone) = self.string(start)?;
        if self.deep.is_empty() {
            let root = self.depth == 0 && self.frames.len() == 1;
            if let Some(f) = self.frames.last_mut() {
                if f.key != (0, 0) {
                    f.index += 1;
                }
                f.key = (start, end);
                if root && decode_key(&self.out[start..end]) == "projects" {
                    self.projects_member = Some(f.index);
                }
            }
        }
        if let Some(escape) = lone {
            self.repair(Fix::Surrogate(escape));
        }
        *i = end;
        Some(State::Colon)
    }

    /// The string at `start`: just after it, with its lone surrogate escapes replaced (the first one,
    /// quoted, is returned). `None` if it is not a JSON string.
    fn string(&mut self, start: usize) -> Option<(usize, Option<String>)> {
        let b = self.b;
        let mut i = start + 1;
        let mut lone: Option<String> = None;
        loop {
            match *b.get(i)? {
                b'"' => break,
                b'\\' => match *b.get(i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        let unit = hex4(b, i + 2)?;
                        let paired = (0xD800..0xDC00).contains(&unit)
                            && b.get(i + 6) == Some(&b'\\')
                            && b.get(i + 7) == Some(&b'u')
                            && hex4(b, i + 8).is_some_and(|u| (0xDC00..0xE000).contains(&u));
                        if paired {
                            i += 12;
                        } else {
                            if (0xD800..0xE000).contains(&unit) {
                                if lone.is_none() {
                                    lone = Some(String::from_utf8_lossy(&b[i..i + 6]).into());
                                }
                                self.out[i..i + 6].copy_from_slice(b"\\ufffd");
                            }
                            i += 6;
                        }
                    }
                    _ => return None,
                },
                0..=0x1f => return None,
                _ => i += 1,
            }
        }
        Some((i + 1, lone.map(|e| format!("\"{e}\""))))
    }

    /// The number at `start`: just after it; replaced with `null` if beyond an f64, noted if it may
    /// not be exactly its f64. `None` if it is not a JSON number.
    fn number(&mut self, start: usize) -> Option<usize> {
        let b = self.b;
        let digits = |mut i: usize| {
            let from = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            (i > from).then_some(i)
        };
        let mut i = start + usize::from(b[start] == b'-');
        i = match b.get(i)? {
            b'0' => i + 1,
            b'1'..=b'9' => digits(i)?,
            _ => return None,
        };
        if b.get(i) == Some(&b'.') {
            i = digits(i + 1)?;
        }
        let mantissa = i - start - usize::from(b[start] == b'-');
        let exponent = matches!(b.get(i), Some(b'e' | b'E'));
        if exponent {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            i = digits(i)?;
        }
        if (exponent || mantissa >= LONG_NUMBER) && self.cut.is_none() {
            let text = std::str::from_utf8(&b[start..i]).unwrap_or_default();
            if serde_json::from_str::<Value>(text).is_err() {
                let text = text.to_string();
                blank(&mut self.out[start..i]);
                self.repair(Fix::OutOfRange(text));
            } else {
                self.repair(Fix::Exact(exact_integer(text)));
            }
        }
        Some(i)
    }
}

/// Replaces a region with `null` and spaces, keeping its line breaks (so that lines and columns
/// after it do not move). Every region is at least four bytes long.
fn blank(region: &mut [u8]) {
    for (j, c) in region.iter_mut().enumerate() {
        if *c != b'\n' {
            *c = b"null".get(j).copied().unwrap_or(b' ');
        }
    }
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let h = std::str::from_utf8(b.get(i..i + 4)?).ok()?;
    if !h.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(h, 16).ok()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        i += 1;
    }
    i
}

/// A key (with its quotes, lone surrogates already replaced) as text.
fn decode_key(raw: &[u8]) -> String {
    serde_json::from_slice::<String>(raw).unwrap_or_else(|_| {
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
        String::from_utf8_lossy(inner).into_owned()
    })
}
