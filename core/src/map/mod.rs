//! The map's state in the URL (zoom, centre, layers) and what each country shows: its class,
//! whether it has projects at all, whether its amounts are all unknown. Pure, so the SVG download, the
//! golden test and the interactive map agree.

use std::collections::HashMap;

use crate::bins::{class_of, class_ranges, count_ranges, quantile_bounds};
use crate::columns::Columns;
use crate::crossfilter::Aggregates;
use crate::state::{Filters, Measure};

pub use crate::map_view::{Layer, MapView, MAX_ZOOM};

pub mod flows;
pub mod gesture;
pub mod mini;
pub mod presets;

pub use presets::Preset;

/// The map stops at this latitude: Antarctica has no recipients, and drawing it would give a fifth of
/// the map's height to it.
pub const SOUTH: f64 = -58.0;

/// The height of the part of a `width`-wide map that is shown (down to [`SOUTH`]).
pub fn shown_height(width: f64) -> f64 {
    crate::geo::MapSpace::new(width).project(0.0, SOUTH).1
}

/// The viewBox (x, y, w, h) in map units for a view of a `width` × `height` map, without Antarctica.
pub fn view_box(view: &MapView, width: f64, height: f64) -> (f64, f64, f64, f64) {
    let space = crate::geo::MapSpace::new(width);
    let height = shown_height(width).min(height);
    let (cx, cy) = space.project(view.lon, view.lat);
    let z = view.zoom.clamp(1.0, MAX_ZOOM);
    let (w, h) = (width / z, height / z);
    // Keep the view on the map.
    let x = (cx - w / 2.0).clamp(0.0, width - w);
    let y = (cy - h / 2.0).clamp(0.0, height - h);
    (x, y, w, h)
}

/// What one country shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    pub count: u32,
    pub known: u32,
    pub sum: f64,
    /// Quantile class of the measure; `None` when the country has no projects (or, for amounts, no
    /// known amount: see `unknown_only`).
    pub class: Option<usize>,
    /// Has projects, but none with a known amount (amount measure only): drawn hatched, never as zero.
    pub unknown_only: bool,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    pub measure: Measure,
    /// (from, to) per class.
    pub ranges: Vec<(f64, f64)>,
}

/// Fills for every country of the columns' dictionary (crossfiltered: the map's own country filter
/// does not hide other countries, it marks the selected ones).
pub fn fills(
    agg: &Aggregates,
    cols: &Columns,
    filters: &Filters,
    measure: Measure,
    classes: usize,
) -> (HashMap<String, Fill>, Legend) {
    let value = |i: usize| match measure {
        Measure::Count => agg.by_country[i].count as f64,
        Measure::Amount => agg.by_country[i].sum,
    };
    let values: Vec<f64> = (0..cols.countries.len()).map(value).collect();
    let bounds = quantile_bounds(&values, classes);
    let ranges = match measure {
        Measure::Count => count_ranges(&values, &bounds),
        Measure::Amount => class_ranges(&values, &bounds),
    };
    let map = cols
        .countries
        .iter()
        .enumerate()
        .map(|(i, iso)| {
            let g = agg.by_country[i];
            let unknown_only = measure == Measure::Amount && g.count > 0 && g.known == 0;
            let fill = Fill {
                count: g.count,
                known: g.known,
                sum: g.sum,
                class: class_of(values[i], &bounds),
                unknown_only,
                selected: filters.countries.contains(iso),
            };
            (iso.clone(), fill)
        })
        .collect();
    (map, Legend { measure, ranges })
}

/// Clusters points (map units) into cells `cell` units wide: (x, y, count) at each cell's mean.
pub fn cluster(points: &[(f64, f64)], cell: f64) -> Vec<(f64, f64, u32)> {
    let mut cells: HashMap<(i64, i64), (f64, f64, u32)> = HashMap::new();
    for &(x, y) in points {
        let key = ((x / cell).floor() as i64, (y / cell).floor() as i64);
        let c = cells.entry(key).or_insert((0.0, 0.0, 0));
        c.0 += x;
        c.1 += y;
        c.2 += 1;
    }
    let mut out: Vec<(f64, f64, u32)> = cells
        .into_values()
        .map(|(x, y, n)| (x / n as f64, y / n as f64, n))
        .collect();
    out.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then(a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_box_stays_on_the_map() {
        let v = MapView {
            zoom: 4.0,
            lon: 179.0,
            lat: 0.0,
            ..MapView::default()
        };
        let (x, _, w, h) = view_box(&v, 1000.0, 486.0);
        let shown = shown_height(1000.0);
        assert!(shown < 486.0, "Antarctica is left out: {shown}");
        assert!((w - 250.0).abs() < 1e-9 && (h - shown / 4.0).abs() < 1e-9);
        assert!((x + w - 1000.0).abs() < 1e-9, "clamped at the east edge");
        let (_, y, _, _) = view_box(
            &MapView {
                zoom: 4.0,
                lon: 0.0,
                lat: 89.0,
                ..MapView::default()
            },
            1000.0,
            486.0,
        );
        assert!(y.abs() < 1e-9, "clamped at the top");
        assert_eq!(
            view_box(&MapView::default(), 1000.0, 486.0),
            (0.0, 0.0, 1000.0, shown)
        );
    }

    #[test]
    fn clusters_sum_to_the_points() {
        let pts = [(1.0, 1.0), (2.0, 2.0), (50.0, 50.0)];
        let c = cluster(&pts, 10.0);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0], (1.5, 1.5, 2));
        assert_eq!(c.iter().map(|x| x.2).sum::<u32>(), 3);
    }
}

/// Arrow-key directions on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

/// The country to move to from `from` (map units) in `dir`: the nearest candidate in that direction,
/// straight lines preferred (the cross-axis distance counts three times).
pub fn neighbour(
    from: (f64, f64),
    candidates: &[(String, f64, f64)],
    dir: Direction,
) -> Option<&str> {
    // First look within a cone around the direction; only if that is empty, anywhere that way.
    neighbour_within(from, candidates, dir, 2.0)
        .or_else(|| neighbour_within(from, candidates, dir, f64::INFINITY))
}

fn neighbour_within(
    from: (f64, f64),
    candidates: &[(String, f64, f64)],
    dir: Direction,
    cone: f64,
) -> Option<&str> {
    candidates
        .iter()
        .filter_map(|(iso, x, y)| {
            let (dx, dy) = (x - from.0, y - from.1);
            let (along, across) = match dir {
                Direction::Right => (dx, dy),
                Direction::Left => (-dx, dy),
                Direction::Down => (dy, dx),
                Direction::Up => (-dy, dx),
            };
            (along > 0.5 && across.abs() <= along * cone)
                .then_some((iso.as_str(), along + 3.0 * across.abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(iso, _)| iso)
}

#[cfg(test)]
mod neighbour_tests {
    use super::*;

    #[test]
    fn arrows_move_to_the_nearest_country_that_way() {
        let c = vec![
            ("A".to_string(), 0.0, 0.0),
            ("B".to_string(), 10.0, 1.0),
            ("C".to_string(), 5.0, 30.0),
            ("D".to_string(), 40.0, 0.0),
        ];
        assert_eq!(neighbour((0.0, 0.0), &c, Direction::Right), Some("B"));
        assert_eq!(neighbour((10.0, 1.0), &c, Direction::Right), Some("D"));
        assert_eq!(neighbour((10.0, 1.0), &c, Direction::Left), Some("A"));
        assert_eq!(neighbour((0.0, 0.0), &c, Direction::Down), Some("C"));
        assert_eq!(neighbour((0.0, 0.0), &c, Direction::Up), None);
    }
}
