//! Whole numbers read exactly from a JSON number's text.

/// The exact value of a JSON number's text, if it is a whole number: `"2e0"` → `"2"`, `"1.50e1"` →
/// `"15"`, `"-0.0"` → `"0"`; `None` for `"1.5"`, `"999999999999999.9"` or `"1e-400"`. Whole numbers
/// of more than 400 digits count as not whole (they are far beyond any field's range).
pub fn exact_integer(text: &str) -> Option<String> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(k) => (&text[..k], &text[k + 1..]),
        None => (text, "0"),
    };
    let exponent: i64 =
        exponent
            .trim_start_matches('+')
            .parse()
            .unwrap_or(if exponent.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{whole}{fraction}");
    // value = digits × 10^shift
    let shift = exponent.saturating_sub(fraction.len() as i64);
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some("0".into());
    }
    let kept = if shift >= 0 {
        if digits.len() as i64 + shift > 400 {
            return None;
        }
        format!("{digits}{}", "0".repeat(shift as usize))
    } else {
        let cut = shift.unsigned_abs();
        let significant = digits.trim_end_matches('0');
        let zeros = (digits.len() - significant.len()) as u64;
        if zeros < cut {
            return None;
        }
        digits[..digits.len() - cut as usize].to_string()
    };
    Some(if negative { format!("-{kept}") } else { kept })
}
