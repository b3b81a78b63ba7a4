//! Colours, type and strokes of a chart, and the colours of stacked series.

use plotters::style::RGBColor;

/// Colours, type and strokes. Contrast of text and bars against the background is at least 4.5:1 / 3:1
/// (the projector theme: text 15:1 and more, bars 7:1).
#[derive(Clone, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub bar: RGBColor,
    pub bar_selected: RGBColor,
    /// Bars outside a selection on the chart's own dimension: still shown, lighter.
    pub bar_dimmed: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub font: &'static str,
    /// Type size in CSS pixels; pass it to the layout ([`layout_with`] does).
    pub font_px: f64,
    /// Width of the value axis line in CSS pixels; 1 is a hairline (one device pixel at any scale).
    pub axis_px: f64,
    /// Width of gridlines in CSS pixels; 1 is a hairline.
    pub grid_px: f64,
    /// Width of the outline round selected bars, in CSS pixels.
    pub selected_px: f64,
    /// Width of the keyboard-focus ring, in CSS pixels.
    pub focus_px: f64,
    /// An outline round every stacked segment, so neighbouring colours (and pale ones on the
    /// background) stay apart without relying on hue.
    pub segment_outline: Option<RGBColor>,
    /// Opacity of dimmed marks that carry their own colour (stacks, SDGs); `None`: 0.3 for stacks,
    /// 0.35 for bars.
    pub dimmed_opacity: Option<f64>,
    /// Labels drawn on: every column shows its value (the total of a stack) without hovering, and
    /// values are set in bold ink. Bars across always show their values.
    pub value_labels: bool,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            bar: RGBColor(11, 92, 173),
            bar_selected: RGBColor(191, 54, 12),
            bar_dimmed: RGBColor(164, 188, 214),
            text: RGBColor(27, 36, 48),
            muted: RGBColor(74, 85, 102),
            grid: RGBColor(213, 219, 227),
            font: "sans-serif",
            font_px: 12.0,
            axis_px: 1.0,
            grid_px: 1.0,
            selected_px: 1.5,
            focus_px: 2.0,
            segment_outline: None,
            dimmed_opacity: None,
            value_labels: false,
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(17, 22, 29),
            bar: RGBColor(124, 183, 255),
            bar_selected: RGBColor(255, 159, 102),
            bar_dimmed: RGBColor(60, 84, 110),
            text: RGBColor(231, 235, 240),
            muted: RGBColor(179, 188, 200),
            grid: RGBColor(51, 64, 80),
            font: "sans-serif",
            font_px: 12.0,
            axis_px: 1.0,
            grid_px: 1.0,
            selected_px: 1.5,
            focus_px: 2.0,
            segment_outline: None,
            dimmed_opacity: None,
            value_labels: false,
        }
    }

    /// For a projector in a lit room: black on white, large type, thick strokes and bigger marks,
    /// colour-blind-safe colours (Okabe–Ito blue and vermilion for bars and the selection, the
    /// Okabe–Ito series for stacks, outlined), selection shown by a thick outline as well as colour,
    /// and every value drawn on the chart.
    pub fn projector() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            // A darkened Okabe–Ito blue: 7.8:1 on white.
            bar: RGBColor(0, 84, 147),
            // Okabe–Ito vermilion (3.9:1), always with a thick black outline.
            bar_selected: RGBColor(213, 94, 0),
            // Grey-blue, 3.4:1 on white: still readable when washed out.
            bar_dimmed: RGBColor(125, 140, 160),
            text: RGBColor(0, 0, 0),
            muted: RGBColor(34, 34, 34),
            grid: RGBColor(150, 150, 150),
            font: "sans-serif",
            font_px: 16.0,
            axis_px: 2.0,
            grid_px: 1.0,
            selected_px: 3.5,
            focus_px: 3.0,
            segment_outline: Some(RGBColor(0, 0, 0)),
            dimmed_opacity: Some(0.45),
            value_labels: true,
        }
    }
}

pub(crate) fn parse_hex(s: &str) -> Option<RGBColor> {
    let s = s.strip_prefix('#')?;
    if s.len() != 6 {
        return None;
    }
    let n = u32::from_str_radix(s, 16).ok()?;
    Some(RGBColor((n >> 16) as u8, (n >> 8) as u8, n as u8))
}

/// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; grey for "Other".
pub const SERIES: [(u8, u8, u8); 7] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
];
pub const OTHER: (u8, u8, u8) = (128, 128, 128);

/// Colour of series `k` of `n` (the last of a full set is "Other").
pub fn series_colour(k: usize, n: usize) -> RGBColor {
    let (r, g, b) = if n > SERIES.len() - 1 && k == n - 1 {
        OTHER
    } else {
        SERIES[k % SERIES.len()]
    };
    RGBColor(r, g, b)
}
