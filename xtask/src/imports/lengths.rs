//! Files too long to read as one concern: over [`MAX_LINES`] lines, unless the module doc says why the
//! file must be one ("One file because …").

use super::Source;

/// Longest file that needs no reason.
pub const MAX_LINES: usize = 400;

/// What a long file's module doc says, followed by its reason.
pub const JUSTIFIED: &str = "One file because";

/// A file over [`MAX_LINES`] lines whose module doc gives no reason.
#[derive(Debug, PartialEq)]
pub struct LongFile {
    pub file: String,
    pub lines: usize,
}

/// The files over [`MAX_LINES`] lines whose module doc lacks [`JUSTIFIED`].
pub fn long_files(files: &[Source]) -> Vec<LongFile> {
    files
        .iter()
        .filter_map(|(file, src)| {
            let lines = src.lines().count();
            (lines > MAX_LINES && !module_doc(src).contains(JUSTIFIED)).then(|| LongFile {
                file: file.clone(),
                lines,
            })
        })
        .collect()
}

/// The module doc of a file: its `//!` lines before the first item, as one line of words (so that
/// a phrase broken across lines is found). Blank lines, plain comments and inner attributes
/// (`#![…]`) may come between them.
pub fn module_doc(src: &str) -> String {
    let mut words = Vec::new();
    for line in src.lines().map(str::trim) {
        if let Some(doc) = line.strip_prefix("//!") {
            words.extend(doc.split_whitespace());
        } else if !(line.is_empty() || line.starts_with("//") || line.starts_with("#![")) {
            break;
        }
    }
    words.join(" ")
}
