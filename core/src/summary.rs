//! The headline figures of a set of projects: how many, how much (known), how much is unknown.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Dataset, Project};
use crate::money::Unit;

/// Known amounts of one currency and price base; never mixed with another.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountGroup {
    pub currency: String,
    pub price_base: String,
    pub total: f64,
    pub projects: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub projects: usize,
    /// The amount group the headline reports: the dataset's declared price base, else the largest group.
    pub amount: Option<AmountGroup>,
    /// Projects with a known amount in another currency or price base (not added to `amount`).
    pub amount_other_groups: usize,
    /// Projects whose amount is unknown (not zero).
    pub amount_unknown: usize,
    /// Range of commitment years, where known.
    pub years: Option<(i32, i32)>,
    pub year_unknown: usize,
    /// Distinct recipient countries.
    pub countries: usize,
    /// Projects with no recipient country (regional or multi-region).
    pub without_country: usize,
}

impl Summary {
    pub fn of<'a>(
        projects: impl IntoIterator<Item = &'a Project>,
        preferred_price_base: Option<&str>,
    ) -> Summary {
        let mut n = 0;
        let mut groups: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
        let mut unknown = 0;
        let mut years: Option<(i32, i32)> = None;
        let mut year_unknown = 0;
        let mut countries = BTreeSet::new();
        let mut without_country = 0;
        for p in projects {
            n += 1;
            match &p.amount {
                Some(a) => {
                    let g = groups
                        .entry((a.currency.clone(), a.price_base.clone()))
                        .or_insert((0.0, 0));
                    g.0 += a.value;
                    g.1 += 1;
                }
                None => unknown += 1,
            }
            match p.years.commitment {
                Some(y) => years = Some(years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y)))),
                None => year_unknown += 1,
            }
            if p.recipients.is_empty() {
                without_country += 1;
            }
            countries.extend(p.recipients.iter().map(String::as_str));
        }
        // The declared price base's group that most projects use (several currencies may share a
        // price base: never the first in alphabetical order), else the largest group.
        let chosen = groups
            .iter()
            .filter(|((_, pb), _)| Some(pb.as_str()) == preferred_price_base)
            .max_by_key(|(_, (_, count))| *count)
            .or_else(|| groups.iter().max_by_key(|(_, (_, count))| *count))
            .map(|((currency, price_base), (total, projects))| AmountGroup {
                currency: currency.clone(),
                price_base: price_base.clone(),
                total: *total,
                projects: *projects,
            });
        let in_chosen = chosen.as_ref().map_or(0, |g| g.projects);
        let known: usize = groups.values().map(|g| g.1).sum();
        Summary {
            projects: n,
            amount: chosen,
            amount_other_groups: known - in_chosen,
            amount_unknown: unknown,
            years,
            year_unknown,
            countries: countries.len(),
            without_country,
        }
    }

    pub fn of_dataset(d: &Dataset) -> Summary {
        Summary::of(&d.projects, d.meta.price_base.as_deref())
    }

    /// The unit every sum of this data is written in: the headline's amount group's currency and price
    /// base, from the data itself; [`Unit::unstated`] when no project has an amount (never a currency
    /// chosen by hand).
    pub fn unit(&self) -> Unit {
        self.amount
            .as_ref()
            .map_or_else(Unit::unstated, |a| Unit::new(&a.currency, &a.price_base))
    }
}

/// The text form of a summary, `key=value` pairs joined by `;` (`bridges-headline/1;projects=9404;…`),
/// for the headline the build writes into index.html (the explorer's `unfiltered_headline`). Text
/// values are percent-escaped (`%`, `;`, `=`); a total is written as Rust writes an `f64` (the shortest
/// text that reads back to the same number), so the figures read back exactly.
impl Summary {
    const TEXT_VERSION: &'static str = "bridges-headline/1";

    pub fn to_text(&self) -> String {
        fn esc(s: &str) -> String {
            s.replace('%', "%25")
                .replace(';', "%3B")
                .replace('=', "%3D")
        }
        let mut out = vec![
            Self::TEXT_VERSION.to_string(),
            format!("projects={}", self.projects),
        ];
        if let Some(a) = &self.amount {
            out.push(format!("currency={}", esc(&a.currency)));
            out.push(format!("price_base={}", esc(&a.price_base)));
            out.push(format!("total={:?}", a.total));
            out.push(format!("known={}", a.projects));
        }
        out.push(format!("other_groups={}", self.amount_other_groups));
        out.push(format!("unknown={}", self.amount_unknown));
        if let Some((a, b)) = self.years {
            out.push(format!("years={a}..{b}"));
        }
        out.push(format!("year_unknown={}", self.year_unknown));
        out.push(format!("countries={}", self.countries));
        out.push(format!("without_country={}", self.without_country));
        out.join(";")
    }

    /// Reads [`Summary::to_text`]'s form back; `None` for anything else (another version, a missing,
    /// repeated, unknown or misplaced key, a value that is not what its key needs), never a panic.
    pub fn from_text(text: &str) -> Option<Summary> {
        fn unesc(s: &str) -> Option<String> {
            let mut out = String::new();
            let mut rest = s;
            while let Some(i) = rest.find('%') {
                out.push_str(&rest[..i]);
                let code = rest.get(i + 1..i + 3)?;
                out.push(match code {
                    "25" => '%',
                    "3B" => ';',
                    "3D" => '=',
                    _ => return None,
                });
                rest = &rest[i + 3..];
            }
            out.push_str(rest);
            Some(out)
        }
        // The fields in the order `to_text` writes them; the amount's four and the years may be absent.
        let mut parts = text.split(';').peekable();
        if parts.next()? != Self::TEXT_VERSION {
            return None;
        }
        let mut field = |key: &str| {
            let value = parts.peek()?.strip_prefix(key)?.strip_prefix('=')?;
            parts.next();
            Some(value)
        };
        let int = |v: Option<&str>| v?.parse::<usize>().ok();
        let projects = int(field("projects"))?;
        let amount = match field("currency") {
            None => None,
            Some(c) => Some(AmountGroup {
                currency: unesc(c)?,
                price_base: unesc(field("price_base")?)?,
                total: field("total")?
                    .parse::<f64>()
                    .ok()
                    .filter(|t| t.is_finite())?,
                projects: int(field("known"))?,
            }),
        };
        let amount_other_groups = int(field("other_groups"))?;
        let amount_unknown = int(field("unknown"))?;
        let years = match field("years") {
            None => None,
            Some(v) => {
                let (a, b) = v.split_once("..")?;
                Some((a.parse().ok()?, b.parse().ok()?))
            }
        };
        let summary = Summary {
            projects,
            amount,
            amount_other_groups,
            amount_unknown,
            years,
            year_unknown: int(field("year_unknown"))?,
            countries: int(field("countries"))?,
            without_country: int(field("without_country"))?,
        };
        parts.next().is_none().then_some(summary)
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;

    fn sample() -> Summary {
        Summary {
            projects: 9404,
            amount: Some(AmountGroup {
                currency: "USD;=%".into(),
                price_base: "constant 2021".into(),
                total: 1_234_567_890.123_456_7,
                projects: 7000,
            }),
            amount_other_groups: 3,
            amount_unknown: 2401,
            years: Some((2000, 2021)),
            year_unknown: 0,
            countries: 144,
            without_country: 12,
        }
    }

    #[test]
    fn a_summary_reads_back_exactly_from_its_text() {
        let s = sample();
        assert_eq!(Summary::from_text(&s.to_text()), Some(s.clone()));
        let bare = Summary {
            amount: None,
            years: None,
            ..s
        };
        assert_eq!(Summary::from_text(&bare.to_text()), Some(bare));
        // Totals that decimal text would round: the shortest round-trip form keeps every bit.
        for total in [0.1 + 0.2, 1e300, 5e-324, 35_212_345_678.9] {
            let mut s = sample();
            if let Some(a) = s.amount.as_mut() {
                a.total = total;
            }
            assert_eq!(Summary::from_text(&s.to_text()), Some(s));
        }
    }

    #[test]
    fn anything_else_is_no_summary() {
        let text = sample().to_text();
        for bad in [
            String::new(),
            "bridges-headline/2;projects=1".to_string(),
            text.replace("projects=9404", "projects=-1"),
            text.replace("projects=9404", "projects=9404;projects=9404"),
            text.replace(";countries=144", ""),
            text.replace(";total=", ";totals="),
            text.replace(";price_base=constant 2021", ""),
            text.replace(
                "countries=144;without_country=12",
                "without_country=12;countries=144",
            ),
            text.replace("known=7000", "known=x"),
            text.replace("years=2000..2021", "years=2000"),
            text.replace("USD%3B", "USD%3"),
            text.replace("USD%3B", "USD%zz"),
            format!("{text};extra=1"),
            format!("{text};novalue"),
            text.replace("total=", "total=inf;x="),
        ] {
            assert_eq!(Summary::from_text(&bad), None, "{bad}");
        }
    }
}
