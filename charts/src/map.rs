//! The world map as a static SVG document (downloads, golden tests). The interactive map in the app
//! uses the same fills and colours ([`fill_colour`]), drawn as Leptos SVG for focus and ARIA.

use bridges_core::money::Unit;
use std::collections::HashMap;
use std::fmt::Write;

use bridges_core::i18n::{count, tm, Lang};
use bridges_core::map::{Fill, Legend};
use bridges_core::query::Measure;
use bridges_core::world::World;

/// ColorBrewer "Blues", 5 classes: sequential and safe for colour-vision deficiencies.
pub const CLASS_COLOURS: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
pub const NO_PROJECTS: &str = "#ececec";
pub const BORDER: &str = "#ffffff";
pub const SELECTED: &str = "#bf360c";
/// Fill reference for countries whose projects all have unknown amounts.
pub const UNKNOWN_PATTERN: &str = "url(#unknown-amount)";

/// The colour of class `class` of `classes`.
pub fn class_colour(class: usize, classes: usize) -> &'static str {
    if classes <= 1 {
        return CLASS_COLOURS[CLASS_COLOURS.len() - 1];
    }
    let i = class * (CLASS_COLOURS.len() - 1) / (classes - 1);
    CLASS_COLOURS[i.min(CLASS_COLOURS.len() - 1)]
}

pub fn fill_colour(fill: Option<&Fill>, classes: usize) -> &'static str {
    match fill {
        Some(f) if f.unknown_only => UNKNOWN_PATTERN,
        Some(Fill { class: Some(c), .. }) => class_colour(*c, classes),
        _ => NO_PROJECTS,
    }
}

/// Shapes too small to see or click at world scale get a marker at their centroid.
pub fn is_small(shape: &bridges_core::world::Shape) -> bool {
    shape.area < 4.0
}

/// The hatch pattern definition used by [`UNKNOWN_PATTERN`].
pub const PATTERN_DEF: &str = r##"<pattern id="unknown-amount" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ececec"/><line x1="0" y1="0" x2="0" y2="4" stroke="#6b7a8c" stroke-width="1.5"/></pattern>"##;

/// A legend class's range in `lang`: `1–5`, `$2 million–$35 million` / `200万美元–3500万美元`.
pub fn range_label(measure: Measure, from: f64, to: f64, unit: &Unit, lang: Lang) -> String {
    let f = |v: f64| match measure {
        Measure::Count => count(lang, v.round() as u64),
        Measure::Amount => unit.amount(lang, v),
    };
    if (from - to).abs() < 1e-9 {
        f(to)
    } else {
        format!("{}–{}", f(from), f(to))
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The width a legend label takes at font size 10: Latin text at about 5.6 units a byte (as the
/// English golden files were laid out), CJK at a full em.
fn label_width(text: &str, lang: Lang) -> f64 {
    match lang {
        Lang::En => text.len() as f64 * 5.6,
        Lang::Zh => text
            .chars()
            .map(|c| if c.is_ascii() { 5.6 } else { 10.0 })
            .sum(),
    }
}

/// A standalone SVG of the choropleth with its legend and the borders note, its text in `lang`.
pub fn map_svg(
    world: &World,
    fills: &HashMap<String, Fill>,
    legend: &Legend,
    title: &str,
    unit: &Unit,
    lang: Lang,
) -> String {
    let text = tm(lang);
    let classes = legend.ranges.len();
    let legend_h = 70.0;
    let (w, h) = (world.width, world.height + legend_h);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="sans-serif"><title>{}</title><defs>{PATTERN_DEF}</defs><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
        escape(title)
    );
    for shape in &world.countries {
        let fill = fills.get(&shape.iso3);
        let selected = fill.is_some_and(|f| f.selected);
        let (stroke, sw) = if selected {
            (SELECTED, 1.6)
        } else {
            (BORDER, 0.4)
        };
        let _ = write!(
            s,
            r##"<path data-iso3="{}" d="{}" fill="{}" stroke="{stroke}" stroke-width="{sw}"/>"##,
            escape(&shape.iso3),
            shape.d,
            fill_colour(fill, classes)
        );
        if is_small(shape) {
            let _ = write!(
                s,
                r##"<circle cx="{}" cy="{}" r="2.5" fill="{}" stroke="{}" stroke-width="0.8"/>"##,
                shape.cx,
                shape.cy,
                fill_colour(fill, classes),
                if selected { SELECTED } else { "#4a5566" }
            );
        }
    }
    let y = world.height + 14.0;
    let label = match legend.measure {
        Measure::Count => text.legend_count.to_string(),
        Measure::Amount => {
            bridges_core::i18n::fill(text.legend_amount_in, &[("unit", &unit.name(lang))])
        }
    };
    let _ = write!(
        s,
        r##"<text x="10" y="{y}" font-size="11" fill="#1b2430">{}</text>"##,
        escape(&label)
    );
    let mut x = 10.0;
    for (i, (from, to)) in legend.ranges.iter().enumerate() {
        let range = range_label(legend.measure, *from, *to, unit, lang);
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{}" width="14" height="10" fill="{}"/><text x="{}" y="{}" font-size="10" fill="#1b2430">{}</text>"##,
            y + 6.0,
            class_colour(i, classes),
            x + 18.0,
            y + 15.0,
            escape(&range)
        );
        x += 26.0 + label_width(&range, lang);
    }
    let _ = write!(
        s,
        r##"<rect x="{x}" y="{}" width="14" height="10" fill="{NO_PROJECTS}" stroke="#bbb"/><text x="{}" y="{}" font-size="10" fill="#1b2430">{}</text>"##,
        y + 6.0,
        x + 18.0,
        y + 15.0,
        escape(text.legend_none)
    );
    x += 90.0;
    if legend.measure == Measure::Amount {
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{}" width="14" height="10" fill="{UNKNOWN_PATTERN}"/><text x="{}" y="{}" font-size="10" fill="#1b2430">{}</text>"##,
            y + 6.0,
            x + 18.0,
            y + 15.0,
            escape(text.legend_unknown)
        );
    }
    let _ = write!(
        s,
        r##"<text x="10" y="{}" font-size="9" fill="#4a5566">{}</text></svg>"##,
        y + 40.0,
        escape(text.svg_footer)
    );
    s
}
