//! Region presets as geographic bounds, fitted to the map: a preset shows its whole region (all of
//! Africa, from Tunis to Cape Town), whatever the projection does to its shape.

use std::collections::BTreeSet;

use crate::geo::MapSpace;
use crate::map::{shown_height, Layer, MapView, MAX_ZOOM};

/// A region the map can jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Africa,
    Asia,
    LatinAmerica,
    Oceania,
    Europe,
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::Africa,
        Preset::Asia,
        Preset::LatinAmerica,
        Preset::Oceania,
        Preset::Europe,
    ];

    /// The region's name in English (the interface translates it).
    pub fn name_en(self) -> &'static str {
        match self {
            Preset::Africa => "Africa",
            Preset::Asia => "Asia",
            Preset::LatinAmerica => "Latin America and the Caribbean",
            Preset::Oceania => "Oceania",
            Preset::Europe => "Europe",
        }
    }

    /// West, south, east and north edges in degrees: the recipients of the region, with their islands.
    pub fn bounds(self) -> (f64, f64, f64, f64) {
        match self {
            Preset::Africa => (-26.0, -35.5, 58.0, 38.0),
            Preset::Asia => (26.0, -11.0, 150.0, 56.0),
            Preset::LatinAmerica => (-118.0, -56.0, -33.0, 33.0),
            Preset::Oceania => (112.0, -48.0, 180.0, 2.0),
            Preset::Europe => (-25.0, 34.0, 45.0, 71.0),
        }
    }

    /// The view that shows the whole region on a `width` × `height` map, with a little margin. Centre
    /// and zoom are rounded (whole degrees, tenths of a zoom step, never up) so links stay short.
    pub fn view(self, width: f64, height: f64, layers: BTreeSet<Layer>) -> MapView {
        let space = MapSpace::new(width);
        let (w, s, e, n) = self.bounds();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        // The edges of the box, one degree apart: meridians curve in this projection.
        let steps = 64;
        for i in 0..=steps {
            let f = i as f64 / steps as f64;
            for (lon, lat) in [
                (w + (e - w) * f, s),
                (w + (e - w) * f, n),
                (w, s + (n - s) * f),
                (e, s + (n - s) * f),
            ] {
                let (x, y) = space.project(lon, lat);
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x);
                y1 = y1.max(y);
            }
        }
        let margin = 1.06;
        let shown = shown_height(width).min(height);
        let zoom = (width / ((x1 - x0) * margin))
            .min(shown / ((y1 - y0) * margin))
            .clamp(1.0, MAX_ZOOM);
        let zoom = (zoom * 10.0).floor() / 10.0;
        let (lon, lat) = space.invert((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        MapView {
            zoom,
            lon: lon.round(),
            lat: lat.round(),
            layers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::view_box;

    #[test]
    fn a_preset_shows_its_whole_region() {
        let (width, height) = (1000.0, 486.7);
        let space = MapSpace::new(width);
        for p in Preset::ALL {
            let v = p.view(width, height, BTreeSet::new());
            let (x, y, w, h) = view_box(&v, width, height);
            let (west, south, east, north) = p.bounds();
            for (lon, lat) in [
                (west, south),
                (east, north),
                (west, north),
                (east, south),
                (20.0, south.max(-35.0)),
            ] {
                let (lon, lat) = (lon.clamp(west, east), lat);
                let (px, py) = space.project(lon, lat);
                assert!(
                    px >= x - 0.5 && px <= x + w + 0.5 && py >= y - 0.5 && py <= y + h + 0.5,
                    "{p:?}: ({lon}, {lat}) outside {x} {y} {w} {h} at zoom {}",
                    v.zoom
                );
            }
        }
    }

    #[test]
    fn africa_includes_the_cape_and_the_mediterranean() {
        let (width, height) = (1000.0, 486.7);
        let v = Preset::Africa.view(width, height, BTreeSet::new());
        let (_, y, _, h) = view_box(&v, width, height);
        let space = MapSpace::new(width);
        assert!(space.project(18.5, -34.4).1 <= y + h, "Cape Town");
        assert!(space.project(10.2, 36.8).1 >= y, "Tunis");
    }
}
#[cfg(test)]
mod link_tests {
    use super::Preset;

    /// The presets' links: short, and changed only on purpose (shared links and stories use them).
    #[test]
    fn preset_links_are_stable() {
        let got: Vec<(f64, f64, f64)> = Preset::ALL
            .iter()
            .map(|p| {
                let v = p.view(1000.0, 486.7, Default::default());
                (v.zoom, v.lon, v.lat)
            })
            .collect();
        assert_eq!(
            got,
            [
                (1.5, 16.0, 1.0),
                (1.7, 88.0, 20.0),
                (1.3, -72.0, -9.0),
                (2.3, 142.0, -22.0),
                (4.0, 11.0, 50.0)
            ]
        );
    }
}
