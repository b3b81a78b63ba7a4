//! Choropleth classes. Counts and amounts per country are heavily skewed (a few countries have
//! hundreds of projects, many have a handful), so equal-interval classes would paint almost every
//! country the same. Quantile classes over the countries that have any value put about the same
//! number of countries in each class; the legend states the ranges.

/// Upper bounds of `k` quantile classes over the positive values (the last bound is the maximum).
/// Fewer classes come back when there are fewer distinct values.
pub fn quantile_bounds(values: &[f64], k: usize) -> Vec<f64> {
    let mut v: Vec<f64> = values
        .iter()
        .copied()
        .filter(|x| *x > 0.0 && x.is_finite())
        .collect();
    if v.is_empty() || k == 0 {
        return Vec::new();
    }
    v.sort_by(f64::total_cmp);
    // Fewer classes than a few countries each would split equal neighbours apart: at least three
    // countries a class.
    let k = k.min(v.len().div_ceil(3)).max(1);
    let mut bounds: Vec<f64> = (1..=k)
        .map(|i| {
            let idx = ((i as f64 / k as f64) * v.len() as f64).ceil() as usize;
            v[idx.clamp(1, v.len()) - 1]
        })
        .collect();
    bounds.dedup();
    bounds
}

/// The class of `value` (0-based), or `None` for zero or nothing.
pub fn class_of(value: f64, bounds: &[f64]) -> Option<usize> {
    if value <= 0.0 || !value.is_finite() {
        return None;
    }
    Some(
        bounds
            .iter()
            .position(|b| value <= *b)
            .unwrap_or(bounds.len().saturating_sub(1)),
    )
}

/// The lower edge of each class: just above the previous bound (the first starts at the minimum).
pub fn class_ranges(values: &[f64], bounds: &[f64]) -> Vec<(f64, f64)> {
    let min = values
        .iter()
        .copied()
        .filter(|x| *x > 0.0 && x.is_finite())
        .fold(f64::INFINITY, f64::min);
    bounds
        .iter()
        .enumerate()
        .map(|(i, b)| (if i == 0 { min } else { bounds[i - 1] }, *b))
        .collect()
}

/// As [`class_ranges`], for whole numbers (project counts): a class starts at the integer after the
/// previous bound, so the legend reads "1–24, 25–46", never "1–24, 24–46".
pub fn count_ranges(values: &[f64], bounds: &[f64]) -> Vec<(f64, f64)> {
    class_ranges(values, bounds)
        .into_iter()
        .enumerate()
        .map(|(i, (lo, hi))| {
            if i == 0 {
                (lo, hi)
            } else {
                (lo.floor() + 1.0, hi)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_classes_do_not_overlap() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let b = quantile_bounds(&values, 5);
        let r = count_ranges(&values, &b);
        assert_eq!(r[0], (1.0, 20.0));
        assert_eq!(r[1], (21.0, 40.0));
    }

    #[test]
    fn few_countries_get_few_classes() {
        assert_eq!(quantile_bounds(&[1.0, 2.0, 3.0, 4.0], 5).len(), 2);
        assert_eq!(quantile_bounds(&[7.0], 5), [7.0]);
    }

    #[test]
    fn quantiles_split_countries_evenly() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let b = quantile_bounds(&values, 5);
        assert_eq!(b, [20.0, 40.0, 60.0, 80.0, 100.0]);
        let counts: Vec<usize> = (0..5)
            .map(|c| {
                values
                    .iter()
                    .filter(|v| class_of(**v, &b) == Some(c))
                    .count()
            })
            .collect();
        assert_eq!(counts, [20; 5]);
        assert_eq!(
            class_of(0.0, &b),
            None,
            "no projects is not the lowest class"
        );
    }

    #[test]
    fn skewed_and_tiny_inputs() {
        // Five countries make two classes (at least three countries a class).
        let b = quantile_bounds(&[1.0, 1.0, 1.0, 2.0, 500.0, 0.0], 5);
        assert_eq!(b, [1.0, 500.0]);
        assert_eq!(class_of(500.0, &b), Some(1));
        let b = quantile_bounds(&[1.0, 1.0, 1.0, 2.0, 500.0, 3.0, 4.0, 5.0, 6.0], 5);
        assert_eq!(b, [1.0, 4.0, 500.0]);
        assert!(quantile_bounds(&[0.0, f64::NAN], 5).is_empty());
        assert_eq!(
            class_ranges(&[3.0, 9.0], &[3.0, 9.0]),
            [(3.0, 3.0), (3.0, 9.0)]
        );
    }
}
