//! The unit an amount is in: a currency and a price base ("constant 2021" USD, "current" EUR). A figure
//! Bridges draws or writes carries its unit with it, so no chart, legend, caption or table can print a
//! sum with another currency's sign (before this type, "USD" was written by hand in a dozen places).

use crate::i18n::{self, Lang};

/// A currency (ISO 4217) and a price base, as the dataset's amounts declare them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unit {
    pub currency: String,
    /// "constant 2021", "current", or empty when the data does not say.
    pub price_base: String,
}

impl Unit {
    pub fn new(currency: &str, price_base: &str) -> Unit {
        Unit {
            currency: currency.to_string(),
            price_base: price_base.to_string(),
        }
    }

    /// The unit of a file that has no amounts at all: it states no currency, so nothing is written with
    /// a currency's sign (a bare number) and the unit's name says so.
    pub fn unstated() -> Unit {
        Unit::new("", "")
    }

    /// `value` in this unit, compact: `$350 million`, `EUR 1.2 billion`, `3.5亿美元`.
    pub fn amount(&self, lang: Lang, value: f64) -> String {
        i18n::money(lang, value, &self.currency)
    }

    /// The unit's name: `constant 2021 USD`, `2021年不变价美元`, `EUR` (no price base given).
    pub fn name(&self, lang: Lang) -> String {
        let currency = i18n::currency_name(lang, &self.currency);
        let base = i18n::price_base(lang, &self.price_base);
        match (lang, base.is_empty()) {
            (_, true) => currency.to_string(),
            (Lang::Zh, false) => format!("{base}{currency}"),
            (Lang::En, false) => format!("{base} {currency}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_name_and_write_their_own_currency() {
        let usd = Unit::new("USD", "constant 2021");
        assert_eq!(usd.name(Lang::En), "constant 2021 USD");
        assert_eq!(usd.name(Lang::Zh), "2021年不变价美元");
        assert_eq!(usd.amount(Lang::En, 350e6), "$350 million");
        let eur = Unit::new("EUR", "current");
        assert_eq!(eur.name(Lang::En), "current EUR");
        assert_eq!(eur.amount(Lang::En, 1.2e9), "EUR 1.2 billion");
        assert_eq!(eur.amount(Lang::Zh, 1.2e9), "12亿欧元");
        assert_eq!(Unit::new("GBP", "").name(Lang::En), "GBP");
    }

    #[test]
    fn a_unit_the_data_does_not_state_has_no_sign() {
        let none = Unit::unstated();
        assert_eq!(none.amount(Lang::En, 0.0), "0");
        assert_eq!(none.amount(Lang::En, 1.2e9), "1.2 billion");
        assert_eq!(none.amount(Lang::Zh, 1.2e9), "12亿");
        assert_eq!(none.name(Lang::En), "no currency (the data has no amounts)");
        assert_eq!(none.name(Lang::Zh), "无币种（数据中没有金额）");
    }
}
