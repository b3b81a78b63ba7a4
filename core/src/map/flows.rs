//! What the map draws besides the fills: flows from providers (and triangular partners) to recipients,
//! and a country's top sectors for its tooltip. Pure, typed, and tested without a browser.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::columns::Columns;
use crate::crossfilter::Aggregates;
use crate::map::Fill;
use crate::model::{PartnerRole, Project};
use crate::state::Filters;
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
    /// From a co-financing country (a donor listed beside the Southern provider): dash-dot.
    CoFinancier,
}

impl FlowStyle {
    /// The SVG dash pattern, empty for a solid line.
    pub fn dash(self) -> &'static str {
        match self {
            FlowStyle::Provider => "",
            FlowStyle::Pivot => "6 3",
            FlowStyle::Beneficiary => "2 3",
            FlowStyle::CoFinancier => "7 2 1.5 2",
        }
    }

    /// The line a partner of `role` draws: implementers draw none (they carry a project out where it
    /// is; the project page names them).
    fn of(role: PartnerRole) -> Option<FlowStyle> {
        match role {
            PartnerRole::Provider => Some(FlowStyle::Provider),
            PartnerRole::Pivot => Some(FlowStyle::Pivot),
            PartnerRole::Beneficiary => Some(FlowStyle::Beneficiary),
            PartnerRole::CoFinancier => Some(FlowStyle::CoFinancier),
            PartnerRole::Implementing => None,
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

/// Flows from each provider to its recipients, one line per (provider, recipient) pair with the pair's
/// projects among `around` (the view's rows without its country filter, so unselected recipients keep
/// their lines and selected ones are marked, as the fills are); then from triangular partners of the
/// matching `rows`. A record without a provider draws no provider line; with many providers (several
/// datasets, Southern providers) each line starts at the provider that has those records, and only at
/// the view's `providers` ([`providers_in_view`]: a record co-funded by a provider not selected draws
/// no line from it).
pub fn flows(
    world: &World,
    fills: &HashMap<String, Fill>,
    providers: &BTreeSet<String>,
    projects: &[Project],
    around: &[u32],
    rows: &[u32],
) -> Vec<Flow> {
    let mut out = Vec::new();
    let mut sent: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for &r in around {
        let Some(p) = projects.get(r as usize) else {
            continue;
        };
        for from in p.providers.iter().filter(|c| providers.contains(*c)) {
            for to in &p.recipients {
                *sent.entry((from, to)).or_default() += 1;
            }
        }
    }
    for ((from, to), n) in sent {
        if let (Some(a), Some(b)) = (world.shape(from), world.shape(to)) {
            out.push(Flow {
                d: curve((a.cx, a.cy), (b.cx, b.cy)),
                width: flow_width(n),
                selected: fills.get(to).is_some_and(|f| f.selected),
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
            let Some(style) = FlowStyle::of(partner.role) else {
                continue;
            };
            for rec in &p.recipients {
                *pairs.entry((&partner.actor, rec, style)).or_default() += 1;
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

/// The providers the view has records of, marked on the map as providers: those with projects under
/// the view's other filters and, when providers are selected, only the selected ones.
pub fn providers_in_view(agg: &Aggregates, cols: &Columns, filters: &Filters) -> BTreeSet<String> {
    cols.providers
        .iter()
        .enumerate()
        .filter(|(i, code)| {
            agg.by_provider.get(*i).is_some_and(|g| g.count > 0)
                && (filters.providers.is_empty() || filters.providers.contains(*code))
        })
        .map(|(_, code)| code.clone())
        .collect()
}

/// The providers of the view that the map cannot draw, with their records in the view: those that are
/// not countries (a `bridges/2` dataset's multilaterals, agencies…) and countries without a shape at
/// world scale (Singapore), listed under the map instead.
pub fn providers_not_drawn(
    agg: &Aggregates,
    cols: &Columns,
    filters: &Filters,
    world: &World,
) -> Vec<(String, u32)> {
    cols.providers
        .iter()
        .enumerate()
        .filter(|(_, code)| world.shape(code).is_none())
        .filter(|(_, code)| filters.providers.is_empty() || filters.providers.contains(*code))
        .filter_map(|(i, code)| {
            let n = agg.by_provider.get(i)?.count;
            (n > 0).then(|| (code.clone(), n))
        })
        .collect()
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

    fn shape(iso3: &str, cx: f64) -> crate::world::Shape {
        crate::world::Shape {
            iso3: iso3.into(),
            d: String::new(),
            cx,
            cy: 10.0,
            bbox: [cx, 10.0, cx, 10.0],
            area: 1.0,
            detail: "110m".into(),
        }
    }

    /// A world of `codes`, each a point 10 units right of the one before.
    fn world(codes: &[&str]) -> World {
        World {
            generated_by: String::new(),
            schema: String::new(),
            projection: String::new(),
            width: 100.0,
            height: 50.0,
            countries: codes
                .iter()
                .enumerate()
                .map(|(i, c)| shape(c, i as f64 * 10.0))
                .collect(),
        }
    }

    fn project(providers: &[&str], recipients: &[&str]) -> Project {
        Project {
            recipients: recipients.iter().map(|s| s.to_string()).collect(),
            providers: providers.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    /// With several providers (issue #15), each line starts at the provider whose records it counts;
    /// a record without a provider draws none; a selected recipient's lines are marked.
    #[test]
    fn provider_lines_start_at_the_provider_of_the_records() {
        let world = world(&["IND", "BGD", "NPL", "BRA", "COL", "CHN"]);
        let projects = vec![
            project(&["IND"], &["BGD"]),
            project(&["IND"], &["BGD"]),
            project(&["IND"], &["NPL"]),
            project(&["BRA"], &["COL"]),
            project(&["BRA", "CHN"], &["COL"]),
            project(&[], &["COL"]),
        ];
        let mut fills = HashMap::new();
        fills.insert(
            "NPL".to_string(),
            Fill {
                count: 1,
                known: 0,
                sum: 0.0,
                class: Some(0),
                unknown_only: false,
                selected: true,
            },
        );
        let all: Vec<u32> = (0..6).collect();
        let view: BTreeSet<String> = ["IND", "BRA"].iter().map(|s| s.to_string()).collect();
        let lines = flows(&world, &fills, &view, &projects, &all, &[2]);
        let from_to: Vec<(String, bool, f64)> = lines
            .iter()
            .map(|f| (f.d.clone(), f.selected, f.width))
            .collect();
        assert_eq!(
            from_to,
            vec![
                (curve((30.0, 10.0), (40.0, 10.0)), false, flow_width(2)),
                (curve((0.0, 10.0), (10.0, 10.0)), false, flow_width(2)),
                (curve((0.0, 10.0), (20.0, 10.0)), true, flow_width(1)),
            ],
            "BRA→COL (two records), IND→BGD (two), IND→NPL (selected); none from nowhere to COL, none \
             from CHN (not in the view), none IND→COL"
        );
    }

    /// Co-financing countries (the AIMS records' Northern donors) draw their own style from the
    /// matching rows; implementers and actors without a shape draw nothing.
    #[test]
    fn co_financiers_draw_their_own_style() {
        use crate::model::Partner;
        let world = world(&["IND", "NPL", "NOR"]);
        let mut p = project(&["IND"], &["NPL"]);
        p.partners = vec![
            Partner {
                actor: "NOR".into(),
                role: PartnerRole::CoFinancier,
            },
            Partner {
                actor: "NOR".into(),
                role: PartnerRole::Implementing,
            },
            Partner {
                actor: "UNDP".into(),
                role: PartnerRole::CoFinancier,
            },
        ];
        let projects = vec![p.clone(), p];
        let view: BTreeSet<String> = ["IND".to_string()].into();
        let lines = flows(&world, &HashMap::new(), &view, &projects, &[0, 1], &[0, 1]);
        let styles: Vec<(String, FlowStyle, f64)> = lines
            .iter()
            .map(|f| (f.d.clone(), f.style, f.width))
            .collect();
        assert_eq!(
            styles,
            vec![
                (
                    curve((0.0, 10.0), (10.0, 10.0)),
                    FlowStyle::Provider,
                    flow_width(2)
                ),
                (
                    curve((20.0, 10.0), (10.0, 10.0)),
                    FlowStyle::CoFinancier,
                    flow_width(2)
                ),
            ]
        );
        assert_eq!(FlowStyle::CoFinancier.dash(), "7 2 1.5 2");
        // Not matching: no co-financier line either.
        let lines = flows(&world, &HashMap::new(), &view, &projects, &[0, 1], &[]);
        assert!(lines.iter().all(|f| f.style == FlowStyle::Provider));
    }

    #[test]
    fn curves_bow_upwards() {
        assert_eq!(curve((0.0, 10.0), (100.0, 10.0)), "M0,10Q50,-13 100,10");
    }
}
