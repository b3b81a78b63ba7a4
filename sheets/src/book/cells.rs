//! A workbook's cell as text, with the issues a cell can raise (an error value, a formula without a
//! saved value).

use calamine::Data;

use crate::error::{Action, Issue, IssueKind};

/// A cell as text. Whole numbers lose Excel's `.0`; dates become `YYYY-MM-DD` (with the time if any).
pub(super) fn text(
    v: &Data,
    row: usize,
    column: &mut dyn FnMut() -> String,
    issues: &mut Vec<Issue>,
    formula: impl FnOnce() -> Option<String>,
) -> String {
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            issues.push(
                Issue::new(IssueKind::ErrorValue, Action::ValueIgnored)
                    .at(row, &column())
                    .value(&e.to_string()),
            );
            String::new()
        }
        Data::Empty => {
            if let Some(f) = formula().filter(|f| !f.is_empty()) {
                issues.push(
                    Issue::new(
                        IssueKind::FormulaWithoutValue {
                            formula: crate::error::quote(&f),
                        },
                        Action::ValueIgnored,
                    )
                    .at(row, &column()),
                );
            }
            String::new()
        }
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
