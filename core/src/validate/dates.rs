//! A record's years and dates.

use serde_json::{Map, Value};

use crate::issue::{Consequence, Expected};
use crate::model::*;

use super::record::RecordReader;
use super::YEAR_RANGE;

impl RecordReader<'_> {
    fn year(&mut self, field: &str, v: Option<&Value>) -> Option<i32> {
        let v = v?;
        if v.is_null() {
            return None;
        }
        // Whole numbers only; `2004.0` (as AidData writes years) or `2.004e3` is 2004.
        let year = self.whole(field, v).and_then(|y| y.parse::<i64>().ok());
        match year.filter(|y| (YEAR_RANGE.0 as i64..=YEAR_RANGE.1 as i64).contains(y)) {
            Some(y) => Some(y as i32),
            None => {
                self.bad(field, Expected::Year(YEAR_RANGE.0, YEAR_RANGE.1), v);
                None
            }
        }
    }

    /// The `years` object; a year it leaves out (or gives as `null`) comes from the date of the same
    /// name, so a file need not write a year twice. A year that is given but wrong stays unknown.
    pub(super) fn years(&mut self, m: &Map<String, Value>, dates: &Dates) -> Years {
        let y = m.get("years").filter(|v| !v.is_null());
        if let Some(y) = y.filter(|y| !y.is_object()) {
            self.bad("years", Expected::YearsObject, y);
            return Years::default();
        }
        // The field's name written out (`years.start`), not formatted: this runs three times a record.
        let year = |this: &mut Self, field: &str, date: &Option<String>| {
            let key = field.strip_prefix("years.").unwrap_or(field);
            match y.and_then(|y| y.get(key)).filter(|v| !v.is_null()) {
                Some(v) => this.year(field, Some(v)),
                // A year given but unreadable (a number beyond f64, now null) is not left out: it
                // stays unknown rather than come from the date.
                None if this.replaced.iter().any(|r| r.as_str() == field) => {
                    this.bad(
                        field,
                        Expected::Year(YEAR_RANGE.0, YEAR_RANGE.1),
                        &Value::Null,
                    );
                    None
                }
                None => date.as_deref().and_then(year_of_date),
            }
        };
        let years = Years {
            commitment: year(self, "years.commitment", &dates.commitment),
            start: year(self, "years.start", &dates.start),
            completion: year(self, "years.completion", &dates.completion),
        };
        if let (Some(s), Some(c)) = (years.start, years.completion) {
            if s > c {
                self.issue(
                    "years.completion",
                    Expected::CompletionNotBefore(s),
                    Some(c.to_string()),
                    Consequence::Kept,
                );
            }
        }
        years
    }

    fn date(&mut self, field: &str, v: Option<&Value>) -> Option<String> {
        let v = v.filter(|v| !v.is_null())?;
        match v.as_str().filter(|s| is_iso_date(s)) {
            Some(s) => Some(s.to_string()),
            None => {
                self.bad(field, Expected::Date, v);
                None
            }
        }
    }

    pub(super) fn dates(&mut self, m: &Map<String, Value>) -> Dates {
        let Some(d) = m.get("dates").filter(|v| !v.is_null()) else {
            return Dates::default();
        };
        if !d.is_object() {
            self.bad("dates", Expected::DatesObject, d);
            return Dates::default();
        }
        Dates {
            commitment: self.date("dates.commitment", d.get("commitment")),
            start: self.date("dates.start", d.get("start")),
            completion: self.date("dates.completion", d.get("completion")),
        }
    }
}

/// The year of a `YYYY-MM-DD` date, when it is a plausible project year.
pub(crate) fn year_of_date(date: &str) -> Option<i32> {
    date.get(..4)?
        .parse()
        .ok()
        .filter(|y| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(y))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}
