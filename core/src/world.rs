//! The world map's geometry file (`data/world.json`, schema `bridges-world/1`): countries already
//! projected (Equal Earth) into a map space `width` units wide, as SVG path data, with centroids.

use serde::{Deserialize, Serialize};

use crate::issue::{describe, LoadError};

pub const WORLD_SCHEMA: &str = "bridges-world/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    pub iso3: String,
    /// SVG path data in map units.
    pub d: String,
    /// Centroid of the largest polygon, in map units.
    pub cx: f64,
    pub cy: f64,
    /// [x0, y0, x1, y1] in map units.
    pub bbox: [f64; 4],
    /// Area of the outer rings in square map units.
    #[serde(default)]
    pub area: f64,
    /// Natural Earth scale the shape comes from: "110m", or "50m" for small states missing at 110m.
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct World {
    pub generated_by: String,
    pub schema: String,
    pub projection: String,
    pub width: f64,
    pub height: f64,
    pub countries: Vec<Shape>,
}

impl World {
    pub fn shape(&self, iso3: &str) -> Option<&Shape> {
        self.countries.iter().find(|s| s.iso3 == iso3)
    }
}

pub fn parse_world(source: &str, text: &str) -> Result<World, LoadError> {
    let value = crate::json::parse_json(source, text)?;
    let schema = value
        .get("schema")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    if schema.as_str() != Some(WORLD_SCHEMA) {
        return Err(LoadError::Schema {
            source: source.into(),
            expected: WORLD_SCHEMA.into(),
            found: describe(&schema),
        });
    }
    serde_json::from_value(value).map_err(|e| LoadError::Shape {
        source: source.into(),
        expected: "map geometry (countries with path data)".into(),
        found: e.to_string(),
    })
}
