//! The map's part of the view state (zoom, centre, layers): a leaf that the URL codec, the map and
//! the presets all use, so the codec does not depend on the map's drawing logic.

use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    Choropleth,
    Points,
    Flows,
}

impl Layer {
    pub const ALL: [Layer; 3] = [Layer::Choropleth, Layer::Points, Layer::Flows];

    pub fn code(self) -> &'static str {
        match self {
            Layer::Choropleth => "countries",
            Layer::Points => "points",
            Layer::Flows => "flows",
        }
    }

    pub fn from_code(s: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// Map view: zoom 1 shows the world; the centre is a longitude and latitude.
#[derive(Clone, Debug, PartialEq)]
pub struct MapView {
    pub zoom: f64,
    pub lon: f64,
    pub lat: f64,
    pub layers: BTreeSet<Layer>,
}

pub const MAX_ZOOM: f64 = 16.0;

impl Default for MapView {
    fn default() -> MapView {
        MapView {
            zoom: 1.0,
            lon: 0.0,
            lat: 0.0,
            layers: BTreeSet::from([Layer::Choropleth]),
        }
    }
}

impl Eq for MapView {}
