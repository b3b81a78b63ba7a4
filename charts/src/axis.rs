//! Axis ticks and the labels drawn on a chart: fitting names, value labels, year columns.

use bridges_core::explore::Bar;
use bridges_core::i18n::{self, Lang};
use bridges_core::money::Unit;
use bridges_core::query::Measure;

/// Below this width (CSS pixels) a bar chart puts its labels above its bars: a 390 px phone, not a
/// half-width card on a slide.
pub const LABELS_ABOVE_BELOW: f64 = 420.0;

/// `s` cut to about `room` pixels at `font_px`, with an ellipsis where it was cut.
pub fn fit_label(s: &str, room: f64, font_px: f64) -> String {
    if text_width(s, font_px) <= room {
        return s.to_string();
    }
    let ellipsis = text_width("…", font_px);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]), font_px);
        if w + cw + ellipsis > room {
            break;
        }
        out.push(c);
        w += cw;
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// How a column chart's values are drawn on: above their columns, level when they fit the column's
/// width, else turned upright; on every `every`th column when columns are thinner than the type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColumnLabels {
    pub upright: bool,
    pub every: usize,
    pub font_px: f64,
    /// Room reserved above the plot, in CSS pixels.
    pub room: f64,
}

/// Axis ticks and year labels: a pixel smaller than the labels, never under 12 px (Chinese characters
/// are unreadable smaller).
pub fn small_px(font_px: f64) -> f64 {
    (font_px - 1.0).max(12.0)
}

/// Bold figures are about this much wider than regular ones.
pub(crate) const BOLD: f64 = 1.08;

/// A value as drawn on a column: `$350 million` → `$350M`, shorter words for narrow marks.
pub fn short_value(s: &str) -> String {
    s.replace(" trillion", "T")
        .replace(" billion", "B")
        .replace(" million", "M")
}

pub(crate) fn column_labels<'a>(
    labels: impl Iterator<Item = &'a str>,
    band: f64,
    font_px: f64,
) -> ColumnLabels {
    let f = small_px(font_px);
    let widest = labels
        .map(|l| text_width(&short_value(l), f) * BOLD)
        .fold(0.0, f64::max);
    if widest + 4.0 <= band {
        ColumnLabels {
            upright: false,
            every: 1,
            font_px: f,
            room: f + 6.0,
        }
    } else {
        ColumnLabels {
            upright: true,
            every: ((f * 1.1 / band.max(1.0)).ceil() as usize).max(1),
            font_px: f,
            room: widest + 8.0,
        }
    }
}

/// Height of one row in a horizontal bar chart (rows grow with larger type).
pub const ROW: f64 = 24.0;

/// Rough text width for a sans-serif face: enough to reserve label room without font metrics.
pub fn text_width(s: &str, font_px: f64) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum::<f64>()
        * font_px
}

pub(crate) fn value_label(b: &Bar, measure: Measure, unit: &Unit, lang: Lang) -> String {
    match measure {
        Measure::Count => i18n::count(lang, b.group.count as u64),
        Measure::Amount => unit.amount(lang, b.group.sum),
    }
}

/// "Nice" tick step: 1, 2 or 5 × 10^k, giving at most about `target` ticks.
pub fn nice_step(max: f64, target: usize) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    step * mag
}

pub(crate) fn ticks(
    max: f64,
    target: usize,
    measure: Measure,
    unit: &Unit,
    lang: Lang,
) -> (f64, Vec<(f64, String)>) {
    let step = nice_step(max, target);
    let top = (max / step).ceil().max(1.0) * step;
    let n = (top / step).round() as usize;
    let label = |v: f64| match measure {
        Measure::Count => i18n::count(lang, v as u64),
        Measure::Amount => unit.amount(lang, v),
    };
    (
        top,
        (0..=n)
            .map(|i| (i as f64 * step, label(i as f64 * step)))
            .collect(),
    )
}
