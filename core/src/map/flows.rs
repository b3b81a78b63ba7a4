//! What the map draws besides the fills: flows from providers (and triangular partners) to recipients,
//! and a country's top sectors for its tooltip. Pure, typed, and tested without a browser.

use std::collections::{BTreeMap, HashMap};

use crate::map::Fill;
use crate::model::{PartnerRole, Project};
use crate::world::World;

/// How a flow is drawn: who sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowStyle {
    /// From the dataset's provider: solid.
    Provider,
    /// From a triangular pivot partner: dashed.
    Pivot,
    /// From a beneficiary partner: dotted.
    Beneficiary,
}

impl FlowStyle {
    /// The SVG dash pattern, empty for a solid line.
    pub fn dash(self) -> &'static str {
        match self {
            FlowStyle::Provider => "",
            FlowStyle::Pivot => "6 3",
            FlowStyle::Beneficiary => "2 3",
        }
    }

    fn of(role: PartnerRole) -> FlowStyle {
        match role {
            PartnerRole::Provider => FlowStyle::Provider,
            PartnerRole::Pivot => FlowStyle::Pivot,
            PartnerRole::Beneficiary => FlowStyle::Beneficiary,
        }
    }
}

/// One flow line, in map units.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// The SVG path: a quadratic curve bowed upwards.
    pub d: String,
    /// Stroke width in CSS pixels, growing with the number of projects ([`flow_width`]).
    pub width: f64,
    /// Into a selected country.
    pub selected: bool,
    pub style: FlowStyle,
}

/// A flow's stroke width for `n` projects: 0.3 px, plus 0.18 px for each doubling.
pub fn flow_width(n: u32) -> f64 {
    0.3 + (n.max(1) as f64).log2() * 0.18
}

/// A curve from `p` to `q`, bowed upwards by a share of its length.
pub fn curve((px, py): (f64, f64), (qx, qy): (f64, f64)) -> String {
    let (mx, my) = (
        (px + qx) / 2.0,
        (py + qy) / 2.0 - ((qx - px).abs() * 0.15 + 8.0),
    );
    format!("M{px},{py}Q{mx},{my} {qx},{qy}")
}

/// Flows into every country with projects: from each provider, one line per recipient (width by the
/// recipient's projects), then from triangular partners of the matching `rows`.
pub fn flows(
    world: &World,
    fills: &HashMap<String, Fill>,
    providers: &[String],
    projects: &[Project],
    rows: &[u32],
) -> Vec<Flow> {
    let mut out = Vec::new();
    for from in providers.iter().filter_map(|p| world.shape(p)) {
        for shape in &world.countries {
            let Some(fill) = fills.get(&shape.iso3).filter(|x| x.count > 0) else {
                continue;
            };
            out.push(Flow {
                d: curve((from.cx, from.cy), (shape.cx, shape.cy)),
                width: flow_width(fill.count),
                selected: fill.selected,
                style: FlowStyle::Provider,
            });
        }
    }
    let mut pairs: BTreeMap<(&str, &str, FlowStyle), u32> = BTreeMap::new();
    for &r in rows {
        let Some(p) = projects.get(r as usize) else {
            continue;
        };
        for partner in &p.partners {
            for rec in &p.recipients {
                *pairs
                    .entry((&partner.country, rec, FlowStyle::of(partner.role)))
                    .or_default() += 1;
            }
        }
    }
    for ((from, to, style), n) in pairs {
        if let (Some(a), Some(b)) = (world.shape(from), world.shape(to)) {
            out.push(Flow {
                d: curve((a.cx, a.cy), (b.cx, b.cy)),
                width: flow_width(n),
                selected: false,
                style,
            });
        }
    }
    out
}

/// The `n` sectors with the most projects among `rows`, most first (ties by code): (code, projects).
pub fn top_sectors(projects: &[Project], rows: &[u32], n: usize) -> Vec<(u16, u32)> {
    let mut counts: HashMap<u16, u32> = HashMap::new();
    for &i in rows {
        if let Some(sector) = projects.get(i as usize).and_then(|p| p.sector.as_ref()) {
            *counts.entry(sector.code).or_default() += 1;
        }
    }
    let mut v: Vec<(u16, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_doublings() {
        assert!((flow_width(1) - 0.3).abs() < 1e-9);
        assert!((flow_width(4) - 0.66).abs() < 1e-9);
        assert!(flow_width(0) > 0.0, "never a zero-width line");
    }

    #[test]
    fn curves_bow_upwards() {
        assert_eq!(curve((0.0, 10.0), (100.0, 10.0)), "M0,10Q50,-13 100,10");
    }
}
