//! Numbers for people: grouped integers and compact money amounts (English; Chinese comes with i18n).

/// `9404` → `9,404`.
pub fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Compact amount with a currency: `$843.1 billion`, `$1.23 trillion`, `$950,000`.
pub fn money(value: f64, currency: &str) -> String {
    let prefix = if currency == "USD" {
        "$".to_string()
    } else {
        format!("{currency} ")
    };
    if !value.is_finite() {
        return "unknown".into();
    }
    let (scaled, word) = if value >= 1e12 {
        (value / 1e12, " trillion")
    } else if value >= 1e9 {
        (value / 1e9, " billion")
    } else if value >= 1e6 {
        (value / 1e6, " million")
    } else {
        return format!("{prefix}{}", int(value.round() as u64));
    };
    let digits = if scaled >= 100.0 {
        0
    } else if scaled >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{scaled:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    format!("{prefix}{s}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(9404), "9,404");
        assert_eq!(int(1_234_567), "1,234,567");
    }

    #[test]
    fn compact_money() {
        assert_eq!(money(950_000.4, "USD"), "$950,000");
        assert_eq!(money(350e6, "USD"), "$350 million");
        assert_eq!(money(1.2e9, "USD"), "$1.2 billion");
        assert_eq!(money(843.14e9, "USD"), "$843 billion");
        assert_eq!(money(84.31e9, "USD"), "$84.3 billion");
        assert_eq!(money(1.234e12, "USD"), "$1.23 trillion");
        assert_eq!(money(5e6, "EUR"), "EUR 5 million");
    }
}
