//! The spreadsheet engine (bridges-sheets: csv, encoding_rs; workbooks come from the worker) behind functions whose code loads
//! on demand (the `sheets` split, [`crate::lazy`]): a visitor who never opens a spreadsheet never
//! downloads it. The reader, the read sheet and its proposal stay here, between calls, in one
//! thread-local; the views get plain data ([`super::model`]).

use std::cell::RefCell;
use std::sync::Arc;

use bridges_core::ReferenceIndex;
use bridges_sheets::mapping::{ColumnProposal, Mapping};
use bridges_sheets::{Countries, Import, Issue, ReadOptions, Row, Sheet, SheetError, SheetReader};
use serde_json::{json, Value};

use super::convert::{code_of, conventions_of, data_issue, mapping_problem, problem};
use super::model::{Column, Conventions, ImportResult, Proposed, SampleValue, SheetProblem};

/// One sheet being imported: the reader until it is read, then the sheet and what the proposal saw.
#[derive(Default)]
struct Session {
    file: String,
    reader: Option<SheetReader>,
    sheet: Option<Sheet>,
    columns: Vec<ColumnProposal>,
    reference: Option<(ReferenceIndex, Countries)>,
    /// The import under way, with its mapping.
    import: Option<(Import, Mapping)>,
}

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::default());
}

lazy_fn! {
    /// Opens a file's bytes; returns its sheets' names (one, the file's, for text).
    pub fn open_sheet(name: String, bytes: Vec<u8>) -> Result<Vec<String>, SheetProblem> {
        open(name, bytes)
    }
    preload: __preload_open_sheet, in: sheets;

    /// Opens a pasted table; returns its one sheet's name (bridges-sheets' `read::PASTED`).
    pub fn open_pasted(text: String) -> Result<Vec<String>, SheetProblem> {
        opened(bridges_sheets::read::PASTED.to_string(), SheetReader::pasted(&text))
    }
    preload: __preload_open_pasted, in: sheets;

    /// Reads sheet `index` of the open workbook instead (from its start).
    pub fn choose_sheet(index: usize) -> Result<(), SheetProblem> {
        SESSION.with(|s| match s.borrow_mut().reader.as_mut() {
            Some(r) => r.choose_sheet(index).map_err(problem),
            None => Err(SheetProblem::NoSuchSheet),
        })
    }
    preload: __preload_choose_sheet, in: sheets;

    /// Reads up to `rows` more rows: `(rows read so far, done)`.
    pub fn step_sheet(rows: usize) -> Result<(usize, bool), SheetProblem> {
        SESSION.with(|s| match s.borrow_mut().reader.as_mut() {
            Some(r) => r.step(rows).map(|p| (p.rows_read, p.done)).map_err(problem),
            None => Err(SheetProblem::NoSuchSheet),
        })
    }
    preload: __preload_step_sheet, in: sheets;

    /// A workbook read by the worker ([`super::workbook`]): its rows put together as the sheet to map.
    pub fn received_sheet(file: String, sheet: String, rows: Vec<Row>, issues: Vec<Issue>) -> Result<(), SheetProblem> {
        received(file, sheet, rows, issues)
    }
    preload: __preload_received_sheet, in: sheets;

    /// Finishes reading and proposes a mapping.
    pub fn propose_sheet(reference: ReferenceIndex) -> Result<Proposed, SheetProblem> {
        propose(reference)
    }
    preload: __preload_propose_sheet, in: sheets;

    /// What each column's samples read as under a mapping (the proposal's "what Bridges reads").
    pub fn sheet_readings(fields: Vec<Option<&'static str>>, conventions: Conventions) -> Vec<Vec<String>> {
        readings(&fields, &conventions)
    }
    preload: __preload_sheet_readings, in: sheets;

    /// Starts importing the sheet with a mapping (rows then go a slice at a time: [`step_import`]).
    pub fn start_import(fields: Vec<Option<&'static str>>, conventions: Conventions) -> Result<(), SheetProblem> {
        start(&fields, &conventions)
    }
    preload: __preload_start_import, in: sheets;

    /// Imports up to `rows` more rows: `(rows imported so far, done)`.
    pub fn step_import(rows: usize) -> Result<(usize, bool), SheetProblem> {
        step(rows)
    }
    preload: __preload_step_import, in: sheets;

    /// Writes up to `projects` more imported projects into the dataset's text: `true` when all are.
    pub fn write_import(projects: usize) -> Result<bool, SheetProblem> {
        write(projects)
    }
    preload: __preload_write_import, in: sheets;

    /// The import's result: a `bridges/2` dataset and its located problems.
    pub fn finish_import() -> Result<ImportResult, SheetProblem> {
        finish()
    }
    preload: __preload_finish_import, in: sheets;

    /// The mapping as the JSON a partner saves.
    pub fn mapping_text(fields: Vec<Option<&'static str>>, conventions: Conventions) -> Result<String, SheetProblem> {
        mapping(&fields, &conventions).map(|m| m.to_json())
    }
    preload: __preload_mapping_text, in: sheets;

    /// A saved mapping for the read sheet: each column's field, and the conventions.
    pub fn load_mapping(text: String) -> Result<(Vec<Option<&'static str>>, Conventions), SheetProblem> {
        load(&text)
    }
    preload: __preload_load_mapping, in: sheets;
}

fn open(name: String, bytes: Vec<u8>) -> Result<Vec<String>, SheetProblem> {
    // The previous file's reader and sheet are freed first, before this one's bytes are parsed.
    forget();
    let reader = SheetReader::open(&name, bytes, &ReadOptions::default());
    opened(name, reader)
}

fn forget() {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        s.reader = None;
        s.sheet = None;
        s.import = None;
        s.columns.clear();
    })
}

/// A new file (or paste) replaces the previous one.
fn opened(
    name: String,
    reader: Result<SheetReader, SheetError>,
) -> Result<Vec<String>, SheetProblem> {
    forget();
    let reader = reader.map_err(problem)?;
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let sheets = reader.sheets().to_vec();
        s.reader = Some(reader);
        s.file = name;
        Ok(sheets)
    })
}

fn received(
    file: String,
    sheet: String,
    rows: Vec<Row>,
    issues: Vec<Issue>,
) -> Result<(), SheetProblem> {
    forget();
    let sheet = Sheet::from_rows(sheet, rows, issues).map_err(problem)?;
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        s.file = file;
        s.sheet = Some(sheet);
        Ok(())
    })
}

fn propose(reference: ReferenceIndex) -> Result<Proposed, SheetProblem> {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        // A text file's reader is read to its end here; a workbook's sheet came from the worker.
        let sheet = match (s.reader.take(), s.sheet.take()) {
            (Some(reader), _) => reader.finish().map_err(problem)?,
            (None, Some(sheet)) => sheet,
            (None, None) => return Err(SheetProblem::NoSuchSheet),
        };
        let countries = Countries::new(&reference);
        let proposal = bridges_sheets::propose(&sheet, &countries, &reference);
        let fields = proposal
            .columns
            .iter()
            .map(|c| c.field.and_then(code_of))
            .collect();
        let defaulted = |c: bridges_sheets::mapping::Convention| proposal.defaulted.contains(&c);
        let out = Proposed {
            file: s.file.clone(),
            sheet: sheet.name.clone(),
            rows: sheet.rows.len(),
            columns: proposal
                .columns
                .iter()
                .map(|c| Column {
                    header: c.header.clone(),
                    samples: c
                        .samples
                        .iter()
                        .map(|v| SampleValue {
                            row: v.row,
                            value: v.value.clone(),
                        })
                        .collect(),
                })
                .collect(),
            fields,
            conventions: conventions_of(&proposal.mapping.conventions),
            currency_defaulted: defaulted(bridges_sheets::mapping::Convention::Currency),
            price_base_defaulted: defaulted(bridges_sheets::mapping::Convention::PriceBase),
            read_issues: sheet.issues.len(),
        };
        s.columns = proposal.columns;
        s.sheet = Some(sheet);
        s.reference = Some((reference, countries));
        Ok(out)
    })
}

/// The mapping the mapper shows, for the read sheet's headers.
fn mapping(fields: &[Option<&'static str>], c: &Conventions) -> Result<Mapping, SheetProblem> {
    SESSION.with(|s| {
        let s = s.borrow();
        let columns: Vec<Value> = s
            .columns
            .iter()
            .zip(fields)
            .map(|(col, f)| json!({ "header": col.header, "field": f }))
            .collect();
        let scale = if c.scale.is_finite() && c.scale > 0.0 {
            c.scale
        } else {
            1.0
        };
        let v = json!({
            "version": bridges_sheets::mapping::MAPPING_VERSION,
            "columns": columns,
            "conventions": {
                "decimal": c.decimal,
                "dates": c.dates,
                "recipients": c.recipients,
                "providers": c.providers,
                "currency": c.currency.trim().to_ascii_uppercase(),
                "price_base": c.price_base.trim(),
                "scale": scale,
            }
        });
        serde_json::from_value(v).map_err(|e| SheetProblem::MappingJson {
            detail: e.to_string(),
        })
    })
}

fn readings(fields: &[Option<&'static str>], c: &Conventions) -> Vec<Vec<String>> {
    let Ok(m) = mapping(fields, c) else {
        return Vec::new();
    };
    SESSION.with(|s| {
        let s = s.borrow();
        let Some((reference, countries)) = &s.reference else {
            return Vec::new();
        };
        s.columns
            .iter()
            .map(|col| {
                let field = m.field_of(&col.header);
                col.samples
                    .iter()
                    .map(|v| match field {
                        Some(f) => bridges_sheets::reading(
                            f,
                            &v.value,
                            &m.conventions,
                            countries,
                            reference,
                        ),
                        None => String::new(),
                    })
                    .collect()
            })
            .collect()
    })
}

fn start(fields: &[Option<&'static str>], c: &Conventions) -> Result<(), SheetProblem> {
    let m = mapping(fields, c)?;
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let sheet = s.sheet.as_ref().ok_or(SheetProblem::NoSuchSheet)?;
        let import = Import::new(sheet, &m).map_err(mapping_problem)?;
        s.import = Some((import, m));
        Ok(())
    })
}

fn step(rows: usize) -> Result<(usize, bool), SheetProblem> {
    SESSION.with(|s| {
        let s = &mut *s.borrow_mut();
        let (Some(sheet), Some((reference, countries)), Some((import, m))) =
            (&s.sheet, &s.reference, &mut s.import)
        else {
            return Err(SheetProblem::NoSuchSheet);
        };
        let done = import.step(sheet, m, countries, reference, rows);
        Ok((import.rows_done(), done))
    })
}

fn write(projects: usize) -> Result<bool, SheetProblem> {
    SESSION.with(|s| {
        let s = &mut *s.borrow_mut();
        let (Some(sheet), Some((import, m))) = (&s.sheet, &mut s.import) else {
            return Err(SheetProblem::NoSuchSheet);
        };
        Ok(import.write_step(sheet, m, &s.file, projects))
    })
}

fn finish() -> Result<ImportResult, SheetProblem> {
    SESSION.with(|s| {
        let s = &mut *s.borrow_mut();
        let (Some(sheet), Some((import, m))) = (&s.sheet, s.import.take()) else {
            return Err(SheetProblem::NoSuchSheet);
        };
        let imported = import.finish(sheet, &m, &s.file);
        let source = if sheet.name == s.file {
            s.file.clone()
        } else {
            format!("{} ({})", s.file, sheet.name)
        };
        let issues = sheet
            .issues
            .iter()
            .chain(&imported.issues)
            .map(|i| data_issue(&source, i))
            .collect();
        Ok(ImportResult {
            json: Arc::from(imported.json),
            projects: imported.projects,
            issues,
        })
    })
}

fn load(text: &str) -> Result<(Vec<Option<&'static str>>, Conventions), SheetProblem> {
    let m = Mapping::from_json(text).map_err(mapping_problem)?;
    SESSION.with(|s| {
        let s = s.borrow();
        if let Some(missing) = m
            .columns
            .iter()
            .find(|c| c.field.is_some() && !s.columns.iter().any(|col| col.header == c.header))
        {
            return Err(SheetProblem::MissingColumn {
                header: missing.header.clone(),
            });
        }
        let fields = s
            .columns
            .iter()
            .map(|col| m.field_of(&col.header).and_then(code_of))
            .collect();
        Ok((fields, conventions_of(&m.conventions)))
    })
}
