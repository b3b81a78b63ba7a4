//! What the mapper shows and edits, as plain data: the engine (bridges-sheets, in a chunk loaded on
//! demand) fills it, the views read it. Nothing here names a bridges-sheets type, so the page's own code
//! never pulls the engine into its chunk.

use bridges_core::i18n::SheetText;

/// A string of the spreadsheet catalogue as a value: `|t| t.field_title`.
pub type Label = fn(&SheetText) -> &'static str;

/// Every Bridges field a column can fill: the mapping's JSON code (bridges-sheets' `Field`, snake_case)
/// and its label in the catalogue.
pub const FIELDS: [(&str, Label); 26] = [
    ("id", |t| t.field_id),
    ("title", |t| t.field_title),
    ("title_zh", |t| t.field_title_zh),
    ("description", |t| t.field_description),
    ("status", |t| t.field_status),
    ("sector_code", |t| t.field_sector_code),
    ("sector_name", |t| t.field_sector_name),
    ("recipients", |t| t.field_recipients),
    ("regional", |t| t.field_regional),
    ("providers", |t| t.field_providers),
    ("commitment_year", |t| t.field_commitment_year),
    ("start_year", |t| t.field_start_year),
    ("completion_year", |t| t.field_completion_year),
    ("commitment_date", |t| t.field_commitment_date),
    ("start_date", |t| t.field_start_date),
    ("completion_date", |t| t.field_completion_date),
    ("amount", |t| t.field_amount),
    ("currency", |t| t.field_currency),
    ("price_base", |t| t.field_price_base),
    ("flow_class", |t| t.field_flow_class),
    ("flow_type", |t| t.field_flow_type),
    ("infrastructure", |t| t.field_infrastructure),
    ("latitude", |t| t.field_latitude),
    ("longitude", |t| t.field_longitude),
    ("sources", |t| t.field_sources),
    ("sdgs", |t| t.field_sdgs),
];

/// One value of a column, as the sheet shows it (at most 80 characters).
#[derive(Clone, Debug, PartialEq)]
pub struct SampleValue {
    /// Row number in the sheet (1-based, as a spreadsheet program shows it).
    pub row: usize,
    pub value: String,
}

/// A column of the sheet: its header and up to five distinct values.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub samples: Vec<SampleValue>,
}

/// The mapping's explicit conventions, with bridges-sheets' JSON codes for its settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conventions {
    /// `point` or `comma`.
    pub decimal: String,
    /// `year_month_day`, `day_month_year` or `month_day_year`.
    pub dates: String,
    /// `iso3`, `iso2` or `names`.
    pub recipients: String,
    pub providers: String,
    pub currency: String,
    pub price_base: String,
    pub scale: f64,
}

/// A read sheet with the engine's proposal: what the mapper opens with.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    pub file: String,
    pub sheet: String,
    pub rows: usize,
    pub columns: Vec<Column>,
    /// The proposed field code of each column (`None`: not read).
    pub fields: Vec<Option<&'static str>>,
    pub conventions: Conventions,
    /// Currency and price base were not in the sheet: the defaults need confirming.
    pub currency_defaulted: bool,
    pub price_base_defaulted: bool,
    /// Cells reading cost (formula without a value, cut cells…), listed after the import.
    pub read_issues: usize,
}

/// The field code `code` as this module's static string (`None` for a code Bridges does not know).
pub fn field_code(code: &str) -> Option<&'static str> {
    FIELDS.iter().find(|(c, _)| *c == code).map(|(c, _)| *c)
}

/// Why a sheet could not be opened, read or imported.
#[derive(Clone, Debug, PartialEq)]
pub enum SheetProblem {
    TooLarge {
        name: String,
    },
    /// "Read the pasted table" with nothing pasted.
    EmptyPaste,
    /// The browser could not read the file (or the engine's code could not be loaded).
    Read {
        detail: String,
    },
    EmptyFile,
    EmptySheet {
        sheet: String,
    },
    NoRows {
        sheet: String,
    },
    PasswordProtected,
    Corrupt {
        format: String,
        detail: String,
    },
    UnknownFormat {
        detail: String,
    },
    Csv {
        line: u64,
        detail: String,
    },
    NoSuchSheet,
    MappingJson {
        detail: String,
    },
    MappingVersion {
        found: u32,
    },
    MissingColumn {
        header: String,
    },
}

impl SheetProblem {
    /// The message in the catalogue's words, and a technical detail (English, from a library) if any.
    pub fn message(&self, t: &SheetText) -> (String, Option<String>) {
        use bridges_core::i18n::fill;
        match self {
            SheetProblem::TooLarge { name } => (fill(t.err_too_large, &[("name", name)]), None),
            SheetProblem::Read { detail } => (t.err_read.into(), Some(detail.clone())),
            SheetProblem::EmptyPaste => (t.err_paste_empty.into(), None),
            SheetProblem::EmptyFile => (t.err_empty_file.into(), None),
            SheetProblem::EmptySheet { sheet } => {
                (fill(t.err_empty_sheet, &[("sheet", sheet)]), None)
            }
            SheetProblem::NoRows { sheet } => (fill(t.err_no_rows, &[("sheet", sheet)]), None),
            SheetProblem::PasswordProtected => (t.err_password.into(), None),
            SheetProblem::Corrupt { format, detail } => (
                fill(t.err_corrupt, &[("format", format)]),
                Some(detail.clone()),
            ),
            SheetProblem::UnknownFormat { detail } => {
                (t.err_unknown_format.into(), Some(detail.clone()))
            }
            SheetProblem::Csv { line, detail } => (
                fill(t.err_csv, &[("line", &line.to_string())]),
                Some(detail.clone()),
            ),
            SheetProblem::NoSuchSheet => (t.err_no_sheet.into(), None),
            SheetProblem::MappingJson { detail } => {
                (t.err_mapping_json.into(), Some(detail.clone()))
            }
            SheetProblem::MappingVersion { found } => (
                fill(t.err_mapping_version, &[("found", &found.to_string())]),
                None,
            ),
            SheetProblem::MissingColumn { header } => {
                (fill(t.err_missing_column, &[("header", header)]), None)
            }
        }
    }
}

/// The result of importing with a mapping.
#[derive(Clone, Debug)]
pub struct ImportResult {
    /// The `bridges/2` dataset.
    pub json: std::sync::Arc<str>,
    pub projects: usize,
    /// Reading and import problems, located by sheet row and column header.
    pub issues: Vec<bridges_core::DataIssue>,
}
