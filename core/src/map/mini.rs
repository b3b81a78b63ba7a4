//! The mini-map of a project page or an actor's profile: the world map's own drawing, zoomed to what the
//! page is about. Given the world, the countries to highlight and the page's own points (and, on a
//! project page, the similar projects' points), [`fit`] says what to draw: a view box fitted around the
//! countries and own points (with a margin, a minimum size so one point or a small state is not a blur,
//! and a fixed 16:10 aspect), widened to take in nearby similar points, the shapes that fall in it, and
//! the points in map space, clustered so that the DOM stays bounded.

use crate::geo::MapSpace;
use crate::world::World;

use super::{cluster, shown_height};

/// Width ÷ height of a fitted view.
pub const ASPECT: f64 = 1.6;
/// Margin on each side, as a share of the fitted span.
const MARGIN: f64 = 0.2;
/// The narrowest view, as a share of the map's width (about 20° of longitude at the equator): a single
/// point or a small state is shown with its neighbours around it.
const MIN_WIDTH: f64 = 0.055;
/// Similar points widen the view up to this share of the map's width, no further.
const MAX_SIMILAR_SPAN: f64 = 0.35;
/// A view at least this wide shows the whole world instead.
const WORLD_WIDTH: f64 = 0.75;
/// A country whose bounding box is wider than this share of the map (crossing the antimeridian, or with
/// far territories) is fitted by its centroid.
const WIDE_COUNTRY: f64 = 0.4;
/// Points closer than this share of the view's width are drawn as one mark.
const CLUSTER_CELL: f64 = 1.0 / 70.0;

/// What the view was fitted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fitted {
    /// The countries and own points (with nearby similar points).
    Zoomed,
    /// Too spread out for a zoomed view: the whole map.
    World,
}

/// One mark: a point or a cluster of `n` points, in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub n: u32,
}

/// What a mini-map draws.
#[derive(Clone, Debug, PartialEq)]
pub struct MiniMap {
    /// (x, y, w, h) in map units.
    pub view_box: (f64, f64, f64, f64),
    pub fitted: Fitted,
    /// Indices into `world.countries` of the shapes that meet the view box.
    pub shapes: Vec<usize>,
    /// The asked-for countries that the world has, in the order asked.
    pub highlighted: Vec<String>,
    pub own: Vec<Mark>,
    pub similar: Vec<Mark>,
    /// Own points with usable coordinates (all are in the view).
    pub own_points: usize,
    /// Similar points in the view, and outside it.
    pub similar_in_view: usize,
    pub similar_elsewhere: usize,
}

/// Why there is no mini-map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoMiniMap {
    /// No country on the map and no point with coordinates: nothing to place.
    NothingToPlace,
}

/// A bounding box (x0, y0, x1, y1) being grown.
#[derive(Clone, Copy, Debug)]
struct Bounds(f64, f64, f64, f64);

impl Bounds {
    fn point(x: f64, y: f64) -> Bounds {
        Bounds(x, y, x, y)
    }
    fn union(self, o: Bounds) -> Bounds {
        Bounds(
            self.0.min(o.0),
            self.1.min(o.1),
            self.2.max(o.2),
            self.3.max(o.3),
        )
    }
    /// The span a view of this box needs at [`ASPECT`], in map units of width.
    fn span(self) -> f64 {
        (self.2 - self.0).max((self.3 - self.1) * ASPECT)
    }
}

/// Longitude/latitude pairs → map points; pairs that are not coordinates are dropped.
fn project_all(space: &MapSpace, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    points
        .iter()
        .filter(|(lon, lat)| {
            lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0
        })
        .map(|&(lon, lat)| space.project(lon, lat))
        .collect()
}

/// Fits the mini-map: `countries` (ISO-3) highlighted, `own` and `similar` points as (longitude,
/// latitude) in degrees.
pub fn fit(
    world: &World,
    countries: &[String],
    own: &[(f64, f64)],
    similar: &[(f64, f64)],
) -> Result<MiniMap, NoMiniMap> {
    let width = world.width;
    let shown = shown_height(width).min(world.height);
    let space = MapSpace::new(width);
    let own = project_all(&space, own);
    let similar = project_all(&space, similar);

    let mut highlighted = Vec::new();
    let mut bounds: Option<Bounds> = None;
    let mut grow = |b: Bounds| bounds = Some(bounds.map_or(b, |a| a.union(b)));
    for iso in countries {
        let Some(s) = world.shape(iso) else { continue };
        if !highlighted.contains(iso) {
            highlighted.push(iso.clone());
        }
        let [x0, y0, x1, y1] = s.bbox;
        grow(if x1 - x0 > width * WIDE_COUNTRY {
            Bounds::point(s.cx, s.cy)
        } else {
            Bounds(x0, y0, x1, y1)
        });
    }
    for &(x, y) in &own {
        grow(Bounds::point(x, y));
    }
    let mut b = bounds.ok_or(NoMiniMap::NothingToPlace)?;

    // Take in the similar points nearest the centre first, while the view stays regional.
    let (cx, cy) = ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
    let mut near: Vec<(f64, f64)> = similar.clone();
    near.sort_by(|p, q| {
        let d = |(x, y): (f64, f64)| (x - cx).powi(2) + (y - cy).powi(2);
        d(*p).total_cmp(&d(*q))
    });
    for &(x, y) in &near {
        let wider = b.union(Bounds::point(x, y));
        if wider.span() * (1.0 + 2.0 * MARGIN) <= width * MAX_SIMILAR_SPAN {
            b = wider;
        }
    }

    // Margin, minimum size, aspect.
    let mut w = ((b.2 - b.0) * (1.0 + 2.0 * MARGIN)).max(width * MIN_WIDTH);
    let mut h = ((b.3 - b.1) * (1.0 + 2.0 * MARGIN)).max(width * MIN_WIDTH / ASPECT);
    if w / h < ASPECT {
        w = h * ASPECT;
    } else {
        h = w / ASPECT;
    }
    let (view_box, fitted) = if w >= width * WORLD_WIDTH || h >= shown {
        ((0.0, 0.0, width, shown), Fitted::World)
    } else {
        let x = ((b.0 + b.2) / 2.0 - w / 2.0).clamp(0.0, width - w);
        let y = ((b.1 + b.3) / 2.0 - h / 2.0).clamp(0.0, shown - h);
        ((x, y, w, h), Fitted::Zoomed)
    };

    let (x, y, w, h) = view_box;
    let inside = |&(px, py): &(f64, f64)| px >= x && px <= x + w && py >= y && py <= y + h;
    let shapes = world
        .countries
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            let [x0, y0, x1, y1] = s.bbox;
            x0 <= x + w && x1 >= x && y0 <= y + h && y1 >= y
        })
        .map(|(i, _)| i)
        .collect();
    let in_view: Vec<(f64, f64)> = similar.iter().copied().filter(inside).collect();
    let marks = |pts: &[(f64, f64)]| {
        cluster(pts, w * CLUSTER_CELL)
            .into_iter()
            .map(|(x, y, n)| Mark { x, y, n })
            .collect::<Vec<_>>()
    };
    Ok(MiniMap {
        view_box,
        fitted,
        shapes,
        highlighted,
        own: marks(&own),
        similar: marks(&in_view),
        own_points: own.len(),
        similar_in_view: in_view.len(),
        similar_elsewhere: similar.len() - in_view.len(),
    })
}

#[cfg(test)]
#[path = "mini_tests.rs"]
mod tests;
