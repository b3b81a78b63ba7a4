//! Pointer gestures and keys on the map, as pure functions: where a drag or pinch takes the view, and
//! what a key means. The shell only feeds them pointer positions and key names.

use crate::geo::MapSpace;
use crate::map::{Direction, MapView, MAX_ZOOM};

/// The centre and the spread (distance between the first two) of the pointers on the map, in client
/// pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointers {
    pub x: f64,
    pub y: f64,
    /// 0 with a single pointer.
    pub spread: f64,
}

impl Pointers {
    /// Of the given pointer positions.
    pub fn of(points: &[(f64, f64)]) -> Pointers {
        let n = points.len().max(1) as f64;
        let (x, y) = points
            .iter()
            .fold((0.0, 0.0), |a, v| (a.0 + v.0 / n, a.1 + v.1 / n));
        let spread = match points {
            [a, b, ..] => ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt(),
            _ => 0.0,
        };
        Pointers { x, y, spread }
    }
}

/// Where a gesture began: the view, its viewBox and the pointers.
#[derive(Clone, Debug, PartialEq)]
pub struct Gesture {
    pub view: MapView,
    pub view_box: (f64, f64, f64, f64),
    pub start: Pointers,
}

impl Gesture {
    /// The view the gesture has reached with the pointers at `now`, on a map `client_width` pixels
    /// wide; `None` while the pointers have moved less than a tap's slack.
    pub fn moved(&self, now: Pointers, client_width: f64, space: &MapSpace) -> Option<MapView> {
        let (x, y, w, h) = self.view_box;
        let k = w / client_width.max(1.0);
        let zoom = if self.start.spread > 0.0 && now.spread > 0.0 {
            (self.view.zoom * now.spread / self.start.spread).clamp(1.0, MAX_ZOOM)
        } else {
            self.view.zoom
        };
        let (dx, dy) = (now.x - self.start.x, now.y - self.start.y);
        if dx.abs() + dy.abs() <= 3.0 && (zoom - self.view.zoom).abs() <= 1e-6 {
            return None;
        }
        let (lon, lat) = space.invert(x + w / 2.0 - dx * k, y + h / 2.0 - dy * k);
        Some(MapView {
            zoom,
            lon: lon.clamp(-180.0, 180.0),
            lat: lat.clamp(-85.0, 85.0),
            ..self.view.clone()
        })
    }
}

/// What a key does on a focused country.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapKey {
    /// Focus the nearest country with projects that way.
    Move(Direction),
    /// Pan by a share of the view (shift + arrows).
    Pan(f64, f64),
    /// Filter to the country (shift/ctrl: add to the selection).
    Select,
    ZoomIn,
    ZoomOut,
}

/// The meaning of `key` (a `KeyboardEvent.key`) on the map.
pub fn map_key(key: &str, shift: bool) -> Option<MapKey> {
    let dir = match key {
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        _ => None,
    };
    if let Some(d) = dir {
        return Some(if shift {
            let (dx, dy) = match d {
                Direction::Left => (-0.2, 0.0),
                Direction::Right => (0.2, 0.0),
                Direction::Up => (0.0, -0.2),
                Direction::Down => (0.0, 0.2),
            };
            MapKey::Pan(dx, dy)
        } else {
            MapKey::Move(d)
        });
    }
    match key {
        "Enter" | " " => Some(MapKey::Select),
        "+" | "=" => Some(MapKey::ZoomIn),
        "-" | "_" => Some(MapKey::ZoomOut),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::view_box;

    #[test]
    fn a_tap_is_not_a_drag() {
        let space = MapSpace::new(1000.0);
        let view = MapView::default();
        let g = Gesture {
            view_box: view_box(&view, 1000.0, 486.7),
            view,
            start: Pointers::of(&[(100.0, 100.0)]),
        };
        assert_eq!(
            g.moved(Pointers::of(&[(101.0, 101.0)]), 500.0, &space),
            None
        );
        let moved = g.moved(Pointers::of(&[(50.0, 100.0)]), 500.0, &space);
        assert!(
            moved.is_some_and(|v| v.lon > 0.0),
            "dragging left moves the view east"
        );
    }

    #[test]
    fn pinching_out_zooms_in() {
        let space = MapSpace::new(1000.0);
        let view = MapView::default();
        let g = Gesture {
            view_box: view_box(&view, 1000.0, 486.7),
            view,
            start: Pointers::of(&[(100.0, 100.0), (200.0, 100.0)]),
        };
        let v = g
            .moved(
                Pointers::of(&[(50.0, 100.0), (250.0, 100.0)]),
                500.0,
                &space,
            )
            .map(|v| v.zoom);
        assert_eq!(v, Some(2.0));
    }

    #[test]
    fn keys() {
        assert_eq!(
            map_key("ArrowLeft", false),
            Some(MapKey::Move(Direction::Left))
        );
        assert_eq!(map_key("ArrowUp", true), Some(MapKey::Pan(0.0, -0.2)));
        assert_eq!(map_key("Enter", false), Some(MapKey::Select));
        assert_eq!(map_key("x", false), None);
    }
}
