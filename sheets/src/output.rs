//! Applying a mapping: every titled row becomes a project; the result is a `bridges/2` text that
//! bridges-core's parser reads, plus located issues (sheet row, column, value, what Bridges did).

use std::collections::HashMap;

use bridges_core::model::*;
use bridges_core::write::{meta_to_json, DatasetWriter};
use bridges_core::ReferenceIndex;
use serde_json::{json, Value};

use crate::countries::Countries;
use crate::error::{Action, Issue, IssueKind};
use crate::field::Field;
use crate::fill::{blank, Carried, Cx};
use crate::mapping::{Mapping, MappingError};
use crate::read::{Row, Sheet};

/// The import's result.
#[derive(Debug)]
pub struct Imported {
    /// A `bridges/2` dataset.
    pub json: String,
    pub projects: usize,
    pub issues: Vec<Issue>,
}

/// Imports `sheet` with `mapping`. `source` names the file in `generated_by`. The same as an [`Import`]
/// run to the end in one call.
pub fn apply(
    sheet: &Sheet,
    mapping: &Mapping,
    countries: &Countries,
    r: &ReferenceIndex,
    source: &str,
) -> Result<Imported, MappingError> {
    let mut import = Import::new(sheet, mapping)?;
    while !import.step(sheet, mapping, countries, r, usize::MAX) {}
    Ok(import.finish(sheet, mapping, source))
}

/// An import a slice of rows at a time ([`Import::step`]), so that the shell can give the browser its
/// turn between slices. Every call must pass the same sheet and mapping as [`Import::new`].
pub struct Import {
    /// Mapped columns: index in the sheet, field, header.
    cols: Vec<(usize, Field, String)>,
    title_col: Option<usize>,
    carried: Carried,
    projects: Vec<Project>,
    seen: HashMap<String, usize>,
    next: usize,
    /// The text, once writing has started ([`Import::write_step`]), and the projects written.
    writer: Option<DatasetWriter>,
}

impl Import {
    pub fn new(sheet: &Sheet, mapping: &Mapping) -> Result<Self, MappingError> {
        let mut cols: Vec<(usize, Field, String)> = Vec::new();
        for c in &mapping.columns {
            let Some(f) = c.field else { continue };
            let i = sheet
                .headers
                .iter()
                .position(|h| *h == c.header)
                .ok_or_else(|| MappingError::MissingColumn {
                    header: c.header.clone(),
                })?;
            cols.push((i, f, c.header.clone()));
        }
        let title_col = cols
            .iter()
            .find(|c| c.1 == Field::Title)
            .or_else(|| cols.iter().find(|c| c.1 == Field::TitleZh))
            .map(|c| c.0);
        let mut issues = Vec::new();
        if !cols.iter().any(|c| c.1 == Field::Id) {
            issues.push(Issue::new(IssueKind::RowNumbersAsIds, Action::Noted));
        }
        Ok(Import {
            cols,
            title_col,
            carried: (issues, HashMap::new()),
            projects: Vec::with_capacity(sheet.rows.len()),
            seen: HashMap::new(),
            next: 0,
            writer: None,
        })
    }

    /// Imports up to `budget_rows` more rows; `true` when every row is done.
    pub fn step(
        &mut self,
        sheet: &Sheet,
        mapping: &Mapping,
        countries: &Countries,
        r: &ReferenceIndex,
        budget_rows: usize,
    ) -> bool {
        let end = self
            .next
            .saturating_add(budget_rows.max(1))
            .min(sheet.rows.len());
        let rows = sheet.rows.get(self.next..end).unwrap_or_default();
        let carried = std::mem::take(&mut self.carried);
        let mut cx = Cx::resume(&mapping.conventions, countries, r, carried);
        let cols: Vec<(usize, Field, &str)> = self
            .cols
            .iter()
            .map(|(i, f, h)| (*i, *f, h.as_str()))
            .collect();
        for row in rows {
            if let Some(p) = project(&mut cx, row, &cols, self.title_col, &mut self.seen) {
                self.projects.push(p);
            }
        }
        self.carried = cx.suspend();
        self.next = end.max(self.next);
        self.next >= sheet.rows.len()
    }

    /// Rows of the sheet imported so far.
    pub fn rows_done(&self) -> usize {
        self.next
    }

    /// Writes up to `budget` more projects of the imported rows into the `bridges/2` text (after the
    /// last [`Import::step`]); `true` when all are written. Writing 50,000 projects at once was a
    /// 0.4 s task in the browser.
    pub fn write_step(
        &mut self,
        sheet: &Sheet,
        mapping: &Mapping,
        source: &str,
        budget: usize,
    ) -> bool {
        let w = self
            .writer
            .get_or_insert_with(|| writer(mapping, sheet, source));
        let from = w.projects();
        let to = from.saturating_add(budget.max(1)).min(self.projects.len());
        for p in self.projects.get(from..to).unwrap_or_default() {
            w.push(p);
        }
        to >= self.projects.len()
    }

    /// The `bridges/2` text and the issues. `source` names the file in `generated_by`.
    pub fn finish(mut self, sheet: &Sheet, mapping: &Mapping, source: &str) -> Imported {
        while !self.write_step(sheet, mapping, source, usize::MAX) {}
        let n = self.projects.len();
        let json = self.writer.map(DatasetWriter::finish).unwrap_or_default();
        Imported {
            json,
            projects: n,
            issues: self.carried.0,
        }
    }
}

fn project(
    cx: &mut Cx,
    row: &Row,
    cols: &[(usize, Field, &str)],
    title_col: Option<usize>,
    seen: &mut HashMap<String, usize>,
) -> Option<Project> {
    let title = title_col.map(|i| row.cell(i).trim()).unwrap_or("");
    if bridges_core::text::is_blank(title) {
        cx.issues
            .push(Issue::new(IssueKind::NoTitle, Action::RowSkipped).row(row.number));
        return None;
    }
    let mut p = blank(row.number.to_string(), title.to_string());
    for &(i, f, header) in cols {
        let v = row.cell(i);
        if f == Field::Id && bridges_core::text::is_blank(v) {
            cx.issue(
                IssueKind::RowNumbersAsIds,
                Action::Noted,
                row.number,
                header,
                v,
            );
            continue;
        }
        cx.fill(&mut p, f, v, row.number, header);
    }
    cx.finish_row(&mut p);
    if p.title.is_empty() {
        p.title = title.to_string();
    }
    // A repeated id would make bridges-core skip the row; it is kept under a distinct id instead.
    if let Some(&first_row) = seen.get(&p.id) {
        let header = cols.iter().find(|c| c.1 == Field::Id).map_or("", |c| c.2);
        cx.issue(
            IssueKind::DuplicateId { first_row },
            Action::Noted,
            row.number,
            header,
            &p.id.clone(),
        );
        p.id = format!("{} (row {})", p.id, row.number);
    }
    seen.insert(p.id.clone(), row.number);
    Some(p)
}

/// The writer of an import's text: `bridges/2`, its `meta.generated_by` recording the mapping.
fn writer(mapping: &Mapping, sheet: &Sheet, source: &str) -> DatasetWriter {
    let mut meta = meta_to_json(&Meta {
        title: format!("{source} ({})", sheet.name),
        price_base: Some(mapping.conventions.price_base.clone()),
        ..Meta::default()
    });
    let mapping_json = serde_json::to_string(mapping).unwrap_or_default();
    if let Value::Object(m) = &mut meta {
        m.insert(
            "generated_by".into(),
            json!(format!(
                "Bridges spreadsheet import of {source}, sheet {}, with mapping {mapping_json}",
                sheet.name
            )),
        );
    }
    let header = format!("bridges-sheets {}", env!("CARGO_PKG_VERSION"));
    DatasetWriter::new(&header, SCHEMA_2, &meta, &[])
}
