//! Applying a mapping: every titled row becomes a project; the result is a `bridges/1` text that
//! bridges-core's parser reads, plus located issues (sheet row, column, value, what Bridges did).

use std::collections::HashMap;

use bridges_core::model::*;
use bridges_core::write::{meta_to_json, project_to_json};
use bridges_core::ReferenceIndex;
use serde_json::{json, Value};

use crate::countries::Countries;
use crate::error::{Action, Issue, IssueKind};
use crate::field::Field;
use crate::fill::{blank, Cx};
use crate::mapping::{Mapping, MappingError};
use crate::read::{Row, Sheet};

/// The import's result.
#[derive(Debug)]
pub struct Imported {
    /// A `bridges/1` dataset.
    pub json: String,
    pub projects: usize,
    pub issues: Vec<Issue>,
}

/// Imports `sheet` with `mapping`. `source` names the file in `generated_by`.
pub fn apply(
    sheet: &Sheet,
    mapping: &Mapping,
    countries: &Countries,
    r: &ReferenceIndex,
    source: &str,
) -> Result<Imported, MappingError> {
    let mut cols: Vec<(usize, Field, &str)> = Vec::new();
    for c in &mapping.columns {
        let Some(f) = c.field else { continue };
        let i = sheet
            .headers
            .iter()
            .position(|h| *h == c.header)
            .ok_or_else(|| MappingError::MissingColumn {
                header: c.header.clone(),
            })?;
        cols.push((i, f, c.header.as_str()));
    }
    let has = |f: Field| cols.iter().any(|c| c.1 == f);
    let title_col = cols
        .iter()
        .find(|c| c.1 == Field::Title)
        .or_else(|| cols.iter().find(|c| c.1 == Field::TitleZh))
        .map(|c| c.0);
    let mut cx = Cx::new(&mapping.conventions, countries, r);
    if !has(Field::Id) {
        cx.issues
            .push(Issue::new(IssueKind::RowNumbersAsIds, Action::Noted));
    }
    let mut projects = Vec::with_capacity(sheet.rows.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &sheet.rows {
        if let Some(p) = project(&mut cx, row, &cols, title_col, &mut seen) {
            projects.push(p);
        }
    }
    let n = projects.len();
    Ok(Imported {
        json: write(projects, mapping, sheet, source),
        projects: n,
        issues: cx.issues,
    })
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

fn write(projects: Vec<Project>, mapping: &Mapping, sheet: &Sheet, source: &str) -> String {
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
    let mut out = String::new();
    out.push_str("{\"generated_by\":");
    out.push_str(&json!(format!("bridges-sheets {}", env!("CARGO_PKG_VERSION"))).to_string());
    out.push_str(",\n\"schema\":\"bridges/1\",\n\"meta\":");
    out.push_str(&meta.to_string());
    out.push_str(",\n\"projects\":[\n");
    for (i, p) in projects.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&project_to_json(p).to_string());
    }
    out.push_str("\n]}\n");
    out
}
