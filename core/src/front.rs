//! The front page's figures: a loaded dataset's projects by commitment year (each dataset card's small
//! chart), read from the records themselves so the chart is the data's, not the catalogue's.

use std::ops::Range;

use crate::crossfilter::Group;
use crate::explore::Bar;
use crate::model::Part;

/// Projects by commitment year (the known years of the records), one bar for every year from the first
/// to the last: years without a project are bars of 0, so the axis is time.
pub fn year_bars(years: impl Iterator<Item = i32> + Clone) -> Vec<Bar> {
    let (Some(first), Some(last)) = (years.clone().min(), years.clone().max()) else {
        return Vec::new();
    };
    let mut counts = vec![0u32; (last - first + 1) as usize];
    for y in years {
        counts[(y - first) as usize] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let year = (first + i as i32).to_string();
            Bar {
                key: year.clone(),
                label: year,
                group: Group {
                    count,
                    ..Group::default()
                },
                selected: false,
                colour: None,
                segments: Vec::new(),
                segment_colours: Vec::new(),
            }
        })
        .collect()
}

/// The records of built-in dataset `id` in loaded data of `len` records made of `parts`: all of them
/// when one dataset is loaded (`single` names it), its part of a union otherwise; `None` when it is
/// not loaded.
pub fn records_of(
    parts: &[Part],
    len: usize,
    id: &str,
    single: Option<&str>,
) -> Option<Range<usize>> {
    if parts.is_empty() {
        return (single == Some(id)).then_some(0..len);
    }
    let i = parts.iter().position(|p| p.id == id)?;
    let end = parts.get(i + 1).map_or(len, |next| next.start);
    Some(parts[i].start..end.max(parts[i].start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_from_first_to_last_with_its_count() {
        let bars = year_bars([2003, 2001, 2003, 2001, 2003].into_iter());
        let got: Vec<(&str, u32)> = bars
            .iter()
            .map(|b| (b.key.as_str(), b.group.count))
            .collect();
        assert_eq!(got, [("2001", 2), ("2002", 0), ("2003", 3)]);
        assert!(year_bars(std::iter::empty()).is_empty());
    }

    #[test]
    fn a_dataset_s_records_alone_or_in_a_union() {
        assert_eq!(records_of(&[], 5, "gcdf3", Some("gcdf3")), Some(0..5));
        assert_eq!(records_of(&[], 5, "aims", Some("gcdf3")), None);
        assert_eq!(records_of(&[], 5, "aims", None), None);
        let part = |id: &str, start| Part {
            id: id.to_string(),
            title: String::new(),
            title_zh: None,
            start,
        };
        let parts = [part("gcdf3", 0), part("aims", 3)];
        assert_eq!(records_of(&parts, 5, "gcdf3", None), Some(0..3));
        assert_eq!(records_of(&parts, 5, "aims", None), Some(3..5));
        assert_eq!(records_of(&parts, 5, "other", None), None);
    }
}
