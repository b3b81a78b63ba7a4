//! Finding the header row: lines above it that are `#` comments (Bridges' own CSV export starts with
//! one) or a title (one value, perhaps merged across the row) are skipped.

use std::collections::HashSet;

use crate::decode::TextEncoding;
use crate::error::{Issue, SheetError};
use crate::read::{Row, Sheet};

pub(crate) fn assemble(
    name: String,
    mut raw: Vec<Row>,
    mut issues: Vec<Issue>,
    encoding: Option<TextEncoding>,
) -> Result<Sheet, SheetError> {
    let width = raw.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if width == 0 {
        return Err(SheetError::EmptySheet { sheet: name });
    }
    let mut h = 0;
    while h + 1 < raw.len() && is_preamble(&raw[h], width) {
        h += 1;
    }
    let rest = raw.split_off(h + 1);
    let Some(header) = raw.pop() else {
        return Err(SheetError::EmptySheet { sheet: name });
    };
    if rest.is_empty() {
        return Err(SheetError::NoRows { sheet: name });
    }
    let headers = names(&header.cells, width);
    // Issues found while reading name the column by letter; below the header, its name is clearer.
    for i in issues
        .iter_mut()
        .filter(|i| i.row.is_some_and(|r| r > header.number))
    {
        if let Some(h) = i
            .column
            .as_deref()
            .and_then(column_index)
            .and_then(|c| headers.get(c))
        {
            i.column = Some(h.clone());
        }
    }
    Ok(Sheet {
        name,
        headers,
        header_row: header.number,
        rows: rest,
        issues,
        encoding,
    })
}

/// A comment line, or a title: a row with a single distinct value in a sheet with several columns.
fn is_preamble(row: &Row, width: usize) -> bool {
    let first = row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty());
    if first.is_some_and(|c| c.starts_with('#')) {
        return true;
    }
    let distinct: HashSet<&str> = row
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    width > 1 && distinct.len() <= 1
}

/// Header names: trimmed; an empty one becomes its column letter; a repeated one (a header merged
/// over two columns) gets " (2)", " (3)"… so each column has its own name.
fn names(cells: &[String], width: usize) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    (0..width)
        .map(|i| {
            let base = cells
                .get(i)
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| format!("Column {}", column_name(i)));
            let mut n = base.clone();
            let mut k = 2;
            while !seen.insert(n.clone()) {
                n = format!("{base} ({k})");
                k += 1;
            }
            n
        })
        .collect()
}

/// "A" → 0, "AA" → 26; `None` for anything that is not column letters.
fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Some(
        letters
            .bytes()
            .fold(0, |n, b| n * 26 + usize::from(b - b'A') + 1)
            - 1,
    )
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}
