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
    } else if currency.is_empty() {
        // No currency stated (a file without amounts): a bare number, never another unit's sign.
        String::new()
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

/// Chinese compact numbers: `12000` → `1.2万`, `1200000000` → `12亿`, `1.23e12` → `1.23万亿`.
pub fn int_zh(n: u64) -> String {
    if n < 10_000 {
        return n.to_string();
    }
    compact_zh(n as f64)
}

/// A non-negative number in 万, 亿 or 万亿 (which then carries as many digits as it needs: a total
/// above `u64::MAX`, 1.8e19, is 1845万亿 and more, never a clamp).
fn compact_zh(v: f64) -> String {
    let (scaled, unit) = if v >= 1e12 {
        (v / 1e12, "万亿")
    } else if v >= 1e8 {
        (v / 1e8, "亿")
    } else if v >= 1e4 {
        (v / 1e4, "万")
    } else {
        return format!("{}", v.round());
    };
    format!("{}{unit}", trim_decimals(scaled))
}

/// Chinese compact money: `350e6` USD → `3.5亿美元`, `831e9` → `8310亿美元`.
pub fn money_zh(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "未知".into();
    }
    let unit = match currency {
        "USD" => "美元".to_string(),
        "CNY" => "元人民币".to_string(),
        "EUR" => "欧元".to_string(),
        "" => String::new(),
        other => format!(" {other}"),
    };
    format!("{}{unit}", compact_zh(value.round().max(0.0)))
}

/// Up to three significant digits, trailing zeros removed: 3.50 → 3.5, 8310.0 → 8310.
fn trim_decimals(x: f64) -> String {
    let digits = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod zh_tests {
    use super::*;

    #[test]
    fn chinese_compact_numbers() {
        assert_eq!(int_zh(9404), "9404");
        assert_eq!(int_zh(12_000), "1.2万");
        assert_eq!(int_zh(1_200_000_000), "12亿");
        assert_eq!(int_zh(1_230_000_000_000), "1.23万亿");
        assert_eq!(money_zh(350e6, "USD"), "3.5亿美元");
        assert_eq!(money_zh(830_896_560_501.0, "USD"), "8309亿美元");
        assert_eq!(money_zh(f64::NAN, "USD"), "未知");
        assert_eq!(money_zh(9_999.4, "USD"), "9999美元");
        assert_eq!(money_zh(0.0, "USD"), "0美元");
    }

    #[test]
    fn totals_above_u64_max_are_not_clamped() {
        assert_eq!(int_zh(u64::MAX), "18446744万亿");
        // 1e20 is 100,000,000 万亿 and 5.5e22 is 55,000,000,000 万亿, not a clamp at u64::MAX.
        assert_eq!(money_zh(1e20, "USD"), "100000000万亿美元");
        assert_eq!(money_zh(5.5e22, "CNY"), "55000000000万亿元人民币");
        assert_eq!(money(1e20, "USD"), "$100000000 trillion");
    }
}
