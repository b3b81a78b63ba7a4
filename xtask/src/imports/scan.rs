//! Reading paths from Rust source: comments and literals blanked, test code dropped, `use` trees and
//! paths in code found with their lines.

/// `src` with comments and the contents of string and char literals replaced by spaces; line breaks
/// stay, so byte offsets and line numbers are the source's.
pub fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to.min(b.len())] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |e| i + e);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            // Raw strings: r"…", r#"…"#, br#"…"# (not the end of an identifier like `for`).
            b'r' if (i == 0
                || !ident(b[i - 1])
                || (b[i - 1] == b'b' && (i < 2 || !ident(b[i - 2]))))
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let start = i + 2 + hashes;
                let end = src[start..]
                    .find(&close)
                    .map_or(b.len(), |e| start + e + close.len());
                blank(&mut out, start, end.saturating_sub(close.len()).max(start));
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i + 1, j);
                i = j + 1;
            }
            // A char literal ('a', '\n', '\u{1F600}', '"'), not a lifetime ('a) or a label.
            b'\'' => {
                let len = if b.get(i + 1) == Some(&b'\\') {
                    // The escaped character may itself be a quote: `'\''`.
                    b.get(i + 3..)
                        .and_then(|rest| rest.iter().position(|&c| c == b'\''))
                        .map(|p| p + 3)
                } else {
                    src[i + 1..]
                        .chars()
                        .next()
                        .map(char::len_utf8)
                        .filter(|&n| b.get(i + 1 + n) == Some(&b'\''))
                        .map(|n| n + 1)
                };
                match len {
                    Some(n) => {
                        blank(&mut out, i + 1, i + n);
                        i += n + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `code` (from [`code_only`]) with the items gated by `#[cfg(test)]` blanked out.
pub fn without_tests(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(at) = code[from..].find("#[cfg(test)]").map(|a| a + from) {
        // The item ends at its first `;` outside braces, or with the brace that closes its body.
        let mut depth = 0usize;
        let mut end = code.len();
        for (j, c) in code.bytes().enumerate().skip(at + "#[cfg(test)]".len()) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        for c in &mut out[at..end] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        from = end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A path found in code: its line (from 1) and its segments after the keyword (`crate::a::{b, c}` gives
/// `a::b` and `a::c`).
#[derive(Debug, Clone, PartialEq)]
pub struct FoundPath {
    pub line: usize,
    pub segments: Vec<String>,
}

/// Every path that starts with `keyword::` (`crate`, `super`; `$crate` counts as `crate`) in `code`.
pub fn paths_after(code: &str, keyword: &str) -> Vec<FoundPath> {
    scan(code, keyword, "::")
}

/// Every path of a `use` item in `code` (`pub use issue::{A, B}` gives `issue::A` and `issue::B`).
pub fn use_paths(code: &str) -> Vec<FoundPath> {
    scan(code, "use", "")
}

/// The paths after each `keyword` then `separator` in `code`.
fn scan(code: &str, keyword: &str, separator: &str) -> Vec<FoundPath> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find(keyword).map(|a| a + from) {
        from = at + keyword.len();
        if at > 0 && ident(b[at - 1]) || b.get(from).is_some_and(|&c| ident(c)) {
            continue;
        }
        let mut p = Parser { b, i: from };
        if !p.eat(separator) {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        for segments in p.tree() {
            if !segments.is_empty() {
                out.push(FoundPath { line, segments });
            }
        }
    }
    out
}

/// Reads a use tree: `a::b`, `a::{b, c::d}`, `{a, b}`, `a as x`, `*`.
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.b[self.i..].starts_with(s.as_bytes()) {
            self.i += s.len();
            true
        } else {
            false
        }
    }

    /// Eats the keyword `word` (not the start of a longer identifier).
    fn eat_word(&mut self, word: &str) -> bool {
        let start = self.i;
        if self.ident().is_some_and(|w| w == word) {
            true
        } else {
            self.i = start;
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let start = self.i;
        while self
            .b
            .get(self.i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.i += 1;
        }
        (self.i > start).then(|| String::from_utf8_lossy(&self.b[start..self.i]).into_owned())
    }

    /// The paths of one tree, each as its segments (a `*` or an `as` name is no segment).
    fn tree(&mut self) -> Vec<Vec<String>> {
        if self.eat("{") {
            let mut out = Vec::new();
            loop {
                if self.eat("}") {
                    break;
                }
                let before = self.i;
                out.extend(self.tree());
                if !self.eat(",") && self.i == before {
                    break; // not a use tree after all
                }
            }
            return out;
        }
        if self.eat("*") {
            return vec![vec![]];
        }
        let Some(first) = self.ident() else {
            return vec![];
        };
        if self.eat("::") {
            let rest = self.tree();
            if rest.is_empty() {
                return vec![vec![first]];
            }
            return rest
                .into_iter()
                .map(|r| std::iter::once(first.clone()).chain(r).collect())
                .collect();
        }
        if self.eat_word("as") {
            self.ident();
        }
        vec![vec![first]]
    }
}
