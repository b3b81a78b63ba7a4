//! The map's projection and geometry helpers. Equal Earth (Šavrič, Patterson and Jenny, 2018) is
//! equal-area, so a country's size on the map is true to its size on the ground: a choropleth does not
//! inflate high-latitude countries the way Mercator does, and most recipients here are tropical.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

fn m() -> f64 {
    3f64.sqrt() / 2.0
}

/// Equal Earth on the unit sphere: longitude and latitude in degrees → (x, y), y up.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let theta = (m() * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (m() * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// The inverse, by Newton's method on θ: (x, y) → (longitude, latitude) in degrees.
pub fn equal_earth_inverse(x: f64, y: f64) -> (f64, f64) {
    let mut theta = y;
    for _ in 0..12 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let fy = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let fpy = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let delta = fy / fpy;
        theta -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let lambda = m() * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
    let lat = (theta.sin() / m()).asin();
    (lambda.to_degrees(), lat.to_degrees())
}

/// Half the width and height of the whole Equal Earth map on the unit sphere.
pub fn extent() -> (f64, f64) {
    (equal_earth(180.0, 0.0).0, equal_earth(0.0, 90.0).1)
}

/// Projects to the app's map space: `width` units wide, y down, origin at the top left.
#[derive(Clone, Copy, Debug)]
pub struct MapSpace {
    pub width: f64,
    pub height: f64,
    scale: f64,
}

impl MapSpace {
    pub fn new(width: f64) -> MapSpace {
        let (hx, hy) = extent();
        let scale = width / (2.0 * hx);
        MapSpace {
            width,
            height: 2.0 * hy * scale,
            scale,
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon.clamp(-180.0, 180.0), lat.clamp(-90.0, 90.0));
        (
            self.width / 2.0 + x * self.scale,
            self.height / 2.0 - y * self.scale,
        )
    }

    pub fn invert(&self, px: f64, py: f64) -> (f64, f64) {
        equal_earth_inverse(
            (px - self.width / 2.0) / self.scale,
            (self.height / 2.0 - py) / self.scale,
        )
    }
}

/// Signed area and centroid of a closed ring (shoelace formula).
pub fn ring_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in 0..ring.len() {
        let (x0, y0) = ring[w];
        let (x1, y1) = ring[(w + 1) % ring.len()];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    let a = a / 2.0;
    if a.abs() < 1e-12 {
        let n = ring.len().max(1) as f64;
        return (
            0.0,
            (
                ring.iter().map(|p| p.0).sum::<f64>() / n,
                ring.iter().map(|p| p.1).sum::<f64>() / n,
            ),
        );
    }
    (a, (cx / (6.0 * a), cy / (6.0 * a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn extent_matches_the_published_figures() {
        // Šavrič et al. (2018): on the unit sphere the map spans x ±2.70663 and y ±1.31736 (ratio ≈ 2.05:1).
        let (hx, hy) = extent();
        assert!(close(hx, 2.706_63, 1e-5), "{hx}");
        assert!(close(hy, 1.317_36, 1e-4), "{hy}");
        assert!(close(hx / hy, 2.0546, 1e-3));
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
    }

    #[test]
    fn it_is_equal_area() {
        // A 1° × 1° cell has spherical area Δλ·(sin φ2 − sin φ1); Equal Earth's cells keep the ratio
        // projected / spherical constant at every latitude (that constant is 1 on the unit sphere).
        for lat in [0.0, 15.0, 30.0, 45.0, 60.0, 75.0, 88.0] {
            let (lon0, lon1, lat0, lat1) = (10.0f64, 10.01f64, lat, lat + 0.01);
            let ring = [
                equal_earth(lon0, lat0),
                equal_earth(lon1, lat0),
                equal_earth(lon1, lat1),
                equal_earth(lon0, lat1),
            ];
            let (area, _) = ring_centroid(&ring);
            let sphere =
                (lon1 - lon0).to_radians() * (lat1.to_radians().sin() - lat0.to_radians().sin());
            assert!(
                close(area.abs() / sphere, 1.0, 1e-4),
                "lat {lat}: ratio {}",
                area.abs() / sphere
            );
        }
    }

    #[test]
    fn inverse_round_trips() {
        for (lon, lat) in [
            (0.0, 0.0),
            (13.2, -8.8),
            (-70.0, 60.0),
            (179.9, -89.0),
            (100.5, 13.7),
        ] {
            let (x, y) = equal_earth(lon, lat);
            let (lon2, lat2) = equal_earth_inverse(x, y);
            assert!(
                close(lon, lon2, 1e-8) && close(lat, lat2, 1e-8),
                "{lon},{lat} → {lon2},{lat2}"
            );
        }
        let space = MapSpace::new(1000.0);
        let (px, py) = space.project(13.2, -8.8);
        let (lon, lat) = space.invert(px, py);
        assert!(close(lon, 13.2, 1e-8) && close(lat, -8.8, 1e-8));
        assert!(
            close(space.project(-180.0, 0.0).0, 0.0, 1e-9)
                && close(space.project(180.0, 0.0).0, 1000.0, 1e-9)
        );
    }
}
