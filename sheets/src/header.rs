//! Finding the header row: lines above it that are `#` comments (Bridges' own CSV export starts with
//! one) or a title (one value, perhaps merged across the row) are skipped.

use std::collections::HashSet;

use crate::book::column_name;
use crate::decode::TextEncoding;
use crate::error::{Issue, SheetError};
use crate::read::{Row, Sheet};

pub(crate) fn assemble(
    name: String,
    mut raw: Vec<Row>,
    issues: Vec<Issue>,
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
    Ok(Sheet {
        name,
        headers: names(&header.cells, width),
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
