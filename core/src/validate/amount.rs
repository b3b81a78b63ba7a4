//! A record's amount.

use serde_json::{Map, Value};

use crate::issue::{truncate, Expected};
use crate::model::*;

use super::record::RecordReader;

impl RecordReader<'_> {
    pub(super) fn amount(&mut self, m: &Map<String, Value>) -> Option<Amount> {
        let a = m.get("amount").filter(|v| !v.is_null())?;
        if !a.is_object() {
            self.bad("amount", Expected::Amount, a);
            return None;
        }
        let value = a
            .get("value")
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite() && *v >= 0.0 && *v < 1e15);
        let Some(value) = value else {
            let found = a.get("value").cloned().unwrap_or(Value::Null);
            self.bad("amount.value", Expected::AmountValue, &found);
            return None;
        };
        let currency = a
            .get("currency")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()));
        let Some(currency) = currency else {
            let found = a.get("currency").cloned().unwrap_or(Value::Null);
            self.bad("amount.currency", Expected::Currency, &found);
            return None;
        };
        let price_base = match a.get("price_base") {
            Some(Value::String(s)) if !s.trim().is_empty() => truncate(s.trim(), 100),
            other => {
                self.bad(
                    "amount.price_base",
                    Expected::PriceBase,
                    other.unwrap_or(&Value::Null),
                );
                return None;
            }
        };
        Some(Amount {
            // -0 is 0 (never written "-0", which a spreadsheet would read as a formula's sign).
            value: if value == 0.0 { 0.0 } else { value },
            currency: currency.to_string(),
            price_base,
        })
    }
}
