//! Bridges charts in two layers. [`layout`] turns bars into placed marks for given bounds (pure, so
//! hit-testing and golden tests need no browser); [`draw`] renders placed marks on any plotters
//! backend: a canvas on screen, an SVG string for downloads and golden tests.

pub mod map;

use bridges_core::explore::Bar;
use bridges_core::i18n::{self, Lang};
use bridges_core::query::Measure;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Categories down the side, bars to the right (sectors, recipients, regions, SDGs, status).
    Horizontal,
    /// Years along the bottom, columns upwards (the timeline).
    Vertical,
}

/// A bar in pixels: the mark, the whole band it owns (for pointer hits), and its labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub index: usize,
    pub mark: Rect,
    /// Stacked segments of the mark, bottom up, one per series.
    pub segments: Vec<Rect>,
    pub band: Rect,
    pub label: String,
    pub value_label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: String,
}

/// Everything the renderer needs, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    pub plot: Rect,
    pub placed: Vec<Placed>,
    /// Value-axis gridlines.
    pub ticks: Vec<Tick>,
    /// Whether any bar is selected (others are then dimmed).
    pub has_selection: bool,
    /// Values drawn above the columns of a column chart (themes with `value_labels`).
    pub column_labels: Option<ColumnLabels>,
    /// Bars across on a narrow chart: each label on its own line above its bar, so long names
    /// ("Government and civil society") keep their words instead of a column that cuts them.
    pub labels_above: bool,
}

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
const BOLD: f64 = 1.08;

/// A value as drawn on a column: `$350 million` → `$350M`, shorter words for narrow marks.
pub fn short_value(s: &str) -> String {
    s.replace(" trillion", "T")
        .replace(" billion", "B")
        .replace(" million", "M")
}

fn column_labels<'a>(
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

fn value_label(b: &Bar, measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Count => i18n::count(lang, b.group.count as u64),
        Measure::Amount => i18n::money(lang, b.group.sum, "USD"),
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

fn ticks(max: f64, target: usize, measure: Measure, lang: Lang) -> (f64, Vec<(f64, String)>) {
    let step = nice_step(max, target);
    let top = (max / step).ceil().max(1.0) * step;
    let n = (top / step).round() as usize;
    let label = |v: f64| match measure {
        Measure::Count => i18n::count(lang, v as u64),
        Measure::Amount => i18n::money(lang, v, "USD"),
    };
    (
        top,
        (0..=n)
            .map(|i| (i as f64 * step, label(i as f64 * step)))
            .collect(),
    )
}

/// Places bars for a chart `width` pixels wide. Horizontal charts grow with their rows; vertical ones
/// take `height`.
pub fn layout(
    bars: &[Bar],
    measure: Measure,
    orientation: Orientation,
    width: f64,
    height: f64,
    font_px: f64,
    lang: Lang,
) -> Layout {
    place(
        bars,
        measure,
        orientation,
        (width, height),
        font_px,
        false,
        lang,
    )
}

/// As [`layout`], for `theme`: its type size, and room for values drawn on the columns when the theme
/// draws them (column charts then grow taller than `height` by that room, keeping their plot).
pub fn layout_with(
    bars: &[Bar],
    measure: Measure,
    orientation: Orientation,
    width: f64,
    height: f64,
    theme: &Theme,
    lang: Lang,
) -> Layout {
    place(
        bars,
        measure,
        orientation,
        (width, height),
        theme.font_px,
        theme.value_labels,
        lang,
    )
}

fn place(
    bars: &[Bar],
    measure: Measure,
    orientation: Orientation,
    (width, height): (f64, f64),
    font_px: f64,
    value_labels: bool,
    lang: Lang,
) -> Layout {
    let max = bars.iter().map(|b| b.value(measure)).fold(0.0, f64::max);
    let has_selection = bars.iter().any(|b| b.selected);
    match orientation {
        Orientation::Horizontal => {
            let above = width < LABELS_ABOVE_BELOW;
            // Rows grow with the type (24 px up to 13.7 px type); with labels above, a line of text
            // and a bar.
            let bar_h = (font_px * 0.9).max(10.0).round();
            let row = if above {
                (font_px * 1.3).round() + bar_h + 8.0
            } else {
                ROW.max((font_px * 1.75).round())
            };
            let longest = bars
                .iter()
                .map(|b| text_width(&b.label, font_px))
                .fold(0.0, f64::max);
            // Room for the widest value actually shown (bold where the theme draws values bold).
            let bold = if value_labels { BOLD } else { 1.0 };
            let value_w = 8.0
                + bars
                    .iter()
                    .map(|b| text_width(&value_label(b, measure, lang), font_px) * bold)
                    .fold(text_width("9", font_px), f64::max);
            let label_w = if above {
                2.0
            } else {
                // The labels take what the bars (at least a third of the width) and values leave.
                longest.clamp(40.0, (width * 0.65 - value_w).max(60.0)) + 8.0
            };
            let label_room = if above { width - 4.0 } else { label_w - 8.0 };
            let plot = Rect {
                x: label_w,
                y: 4.0,
                w: (width - label_w - value_w).max(20.0),
                h: bars.len() as f64 * row,
            };
            let (top, tick_values) = ticks(max, 4, measure, lang);
            let placed = bars
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let y = plot.y + i as f64 * row;
                    let w = if top > 0.0 {
                        b.value(measure) / top * plot.w
                    } else {
                        0.0
                    };
                    let mark = if above {
                        Rect {
                            x: plot.x,
                            y: y + row - bar_h - 4.0,
                            w,
                            h: bar_h,
                        }
                    } else {
                        Rect {
                            x: plot.x,
                            y: y + 4.0,
                            w,
                            h: row - 8.0,
                        }
                    };
                    Placed {
                        index: i,
                        segments: Vec::new(),
                        mark,
                        band: Rect {
                            x: 0.0,
                            y,
                            w: width,
                            h: row,
                        },
                        label: fit_label(&b.label, label_room, font_px),
                        value_label: value_label(b, measure, lang),
                    }
                })
                .collect();
            let ticks = tick_values
                .into_iter()
                .map(|(v, label)| Tick {
                    pos: plot.x + v / top * plot.w,
                    label,
                })
                .collect();
            Layout {
                width,
                height: plot.y + plot.h + 8.0,
                orientation,
                plot,
                placed,
                ticks,
                has_selection,
                column_labels: None,
                labels_above: above,
            }
        }
        Orientation::Vertical => {
            let (top, tick_values) = ticks(max, 4, measure, lang);
            let axis_w = tick_values
                .iter()
                .map(|(_, l)| text_width(l, font_px))
                .fold(0.0, f64::max)
                + 10.0;
            let plot_w = (width - axis_w - 16.0).max(20.0);
            let band = plot_w / bars.len().max(1) as f64;
            let column_labels = value_labels.then(|| {
                let labels: Vec<String> =
                    bars.iter().map(|b| value_label(b, measure, lang)).collect();
                column_labels(labels.iter().map(String::as_str), band, font_px)
            });
            let room = column_labels.map_or(0.0, |c| c.room);
            let height = height + room;
            let plot = Rect {
                x: axis_w,
                y: 8.0 + room,
                w: plot_w,
                h: (height - room - 8.0 - 2.0 * font_px - 6.0).max(20.0),
            };
            let placed = bars
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let h = if top > 0.0 {
                        b.value(measure) / top * plot.h
                    } else {
                        0.0
                    };
                    let x = plot.x + i as f64 * band;
                    let gap = (band * 0.15).min(4.0);
                    let mut base = plot.y + plot.h;
                    let segments = b
                        .segments
                        .iter()
                        .map(|v| {
                            let sh = if top > 0.0 { v / top * plot.h } else { 0.0 };
                            base -= sh;
                            Rect {
                                x: x + gap / 2.0,
                                y: base,
                                w: band - gap,
                                h: sh,
                            }
                        })
                        .collect();
                    Placed {
                        index: i,
                        segments,
                        mark: Rect {
                            x: x + gap / 2.0,
                            y: plot.y + plot.h - h,
                            w: band - gap,
                            h,
                        },
                        band: Rect {
                            x,
                            y: 0.0,
                            w: band,
                            h: height,
                        },
                        label: b.label.clone(),
                        value_label: value_label(b, measure, lang),
                    }
                })
                .collect();
            let ticks = tick_values
                .into_iter()
                .map(|(v, label)| Tick {
                    pos: plot.y + plot.h - v / top * plot.h,
                    label,
                })
                .collect();
            Layout {
                width,
                height,
                orientation,
                plot,
                placed,
                ticks,
                has_selection,
                column_labels,
                labels_above: false,
            }
        }
    }
}

/// The bar under a pointer at (x, y), in CSS pixels.
pub fn hit(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    layout
        .placed
        .iter()
        .find(|p| p.band.contains(x, y))
        .map(|p| p.index)
}

fn parse_hex(s: &str) -> Option<RGBColor> {
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

/// A stroke width in backend pixels: `css` CSS pixels at `scale`, where 1 means a hairline (one backend
/// pixel at any scale).
fn stroke_px(css: f64, scale: f64) -> u32 {
    if css <= 1.0 {
        1
    } else {
        (css * scale).round() as u32
    }
}

/// How often to label years so labels do not collide.
fn label_every(layout: &Layout, font_px: f64) -> usize {
    let band = layout.plot.w / layout.placed.len().max(1) as f64;
    let need = text_width("2000", font_px) + 6.0;
    ((need / band).ceil() as usize).max(1)
}

/// Draws a laid-out chart. `scale` maps CSS pixels to backend pixels (the device pixel ratio on canvas).
/// `focus` outlines one bar (keyboard focus).
pub fn draw<'t, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    bars: &[Bar],
    theme: &'t Theme,
    scale: f64,
    focus: Option<usize>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64, colour: &'t RGBColor, h: HPos, v: VPos| -> TextStyle<'t> {
        TextStyle::from((theme.font, size * scale).into_font())
            .color(colour)
            .pos(Pos::new(h, v))
    };
    // Values drawn on: bold ink in themes that draw them on every mark.
    let value_font = |size: f64, h: HPos, v: VPos| -> TextStyle<'t> {
        if theme.value_labels {
            TextStyle::from((theme.font, size * scale, FontStyle::Bold).into_font())
                .color(&theme.text)
                .pos(Pos::new(h, v))
        } else {
            font(size, &theme.muted, h, v)
        }
    };
    let grid = theme.grid.stroke_width(stroke_px(theme.grid_px, scale));
    root.fill(&theme.background)?;
    let p = layout.plot;
    for t in &layout.ticks {
        match layout.orientation {
            Orientation::Horizontal => {
                root.draw(&PathElement::new(
                    vec![(px(t.pos), px(p.y)), (px(t.pos), px(p.y + p.h))],
                    grid,
                ))?;
            }
            Orientation::Vertical => {
                root.draw(&PathElement::new(
                    vec![(px(p.x), px(t.pos)), (px(p.x + p.w), px(t.pos))],
                    grid,
                ))?;
                root.draw(&Text::new(
                    t.label.clone(),
                    (px(p.x - 6.0), px(t.pos)),
                    font(
                        small_px(theme.font_px),
                        &theme.muted,
                        HPos::Right,
                        VPos::Center,
                    ),
                ))?;
            }
        }
    }
    let every = label_every(layout, theme.font_px);
    for placed in &layout.placed {
        let bar = &bars[placed.index];
        let colour = match (&bar.colour, bar.selected, layout.has_selection) {
            (_, true, _) if bar.colour.is_none() => theme.bar_selected,
            (_, false, true) if bar.colour.is_none() => theme.bar_dimmed,
            (Some(hex), _, _) => parse_hex(hex).unwrap_or(theme.bar),
            _ => theme.bar,
        };
        let m = placed.mark;
        if !placed.segments.is_empty() {
            let dim = layout.has_selection && !bar.selected;
            for (k, seg) in placed.segments.iter().enumerate() {
                if seg.h <= 0.0 {
                    continue;
                }
                let c = match bar.segment_colours.get(k) {
                    Some(&(r, g, b)) => RGBColor(r, g, b),
                    None => series_colour(k, placed.segments.len()),
                };
                let alpha = theme.dimmed_opacity.unwrap_or(0.3);
                let style = if dim {
                    c.mix(alpha).filled()
                } else {
                    c.filled()
                };
                let corners = [
                    (px(seg.x), px(seg.y)),
                    (px(seg.x + seg.w), px(seg.y + seg.h)),
                ];
                root.draw(&Rectangle::new(corners, style))?;
                if let Some(o) = theme.segment_outline {
                    let o = if dim { o.mix(alpha) } else { o.to_rgba() };
                    root.draw(&Rectangle::new(corners, o.stroke_width(1)))?;
                }
            }
        } else if m.w > 0.0 && m.h > 0.0 {
            let dim = bar.colour.is_some() && layout.has_selection && !bar.selected;
            let style = if dim {
                colour.mix(theme.dimmed_opacity.unwrap_or(0.35)).filled()
            } else {
                colour.filled()
            };
            root.draw(&Rectangle::new(
                [(px(m.x), px(m.y)), (px(m.x + m.w), px(m.y + m.h))],
                style,
            ))?;
        }
        if bar.selected {
            // Outside the mark by about half the stroke (1 backend pixel for the thin outline).
            let off = 1 + ((theme.selected_px - 1.5) / 2.0 * scale).round().max(0.0) as i32;
            let (x0, y0) = (px(m.x) - off, px(m.y) - off);
            let (x1, y1) = (px(m.x + m.w.max(2.0)) + off, px(m.y + m.h) + off);
            let style = theme
                .text
                .stroke_width((theme.selected_px * scale).round().max(1.0) as u32);
            if theme.selected_px > 1.5 {
                // A closed path: SVG rectangles do not carry a stroke width. Once round and on to the
                // second corner again, so every corner is joined.
                root.draw(&PathElement::new(
                    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0), (x1, y0)],
                    style,
                ))?;
            } else {
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], style))?;
            }
        }
        if focus == Some(placed.index) {
            let b = placed.band;
            root.draw(&Rectangle::new(
                [
                    (px(b.x + 1.0), px(b.y + 1.0)),
                    (px(b.x + b.w - 1.0), px(b.y + b.h - 1.0)),
                ],
                theme.bar.stroke_width((theme.focus_px * scale) as u32),
            ))?;
        }
        match layout.orientation {
            Orientation::Horizontal => {
                let cy = m.y + m.h / 2.0;
                if layout.labels_above {
                    root.draw(&Text::new(
                        placed.label.clone(),
                        (px(p.x), px(m.y - 3.0)),
                        font(theme.font_px, &theme.text, HPos::Left, VPos::Bottom),
                    ))?;
                } else {
                    root.draw(&Text::new(
                        placed.label.clone(),
                        (px(p.x - 8.0), px(cy)),
                        font(theme.font_px, &theme.text, HPos::Right, VPos::Center),
                    ))?;
                }
                root.draw(&Text::new(
                    placed.value_label.clone(),
                    // Clear of a thick selection outline.
                    (
                        px(m.x
                            + m.w
                            + 6.0
                            + if bar.selected {
                                theme.selected_px - 1.5
                            } else {
                                0.0
                            }),
                        px(cy),
                    ),
                    value_font(theme.font_px, HPos::Left, VPos::Center),
                ))?;
            }
            Orientation::Vertical => {
                if placed.index % every == 0 {
                    let cx = placed.band.x + placed.band.w / 2.0;
                    root.draw(&Text::new(
                        placed.label.clone(),
                        (px(cx), px(p.y + p.h + 4.0)),
                        font(
                            small_px(theme.font_px),
                            &theme.muted,
                            HPos::Center,
                            VPos::Top,
                        ),
                    ))?;
                }
                if let Some(c) = layout.column_labels.filter(|c| placed.index % c.every == 0) {
                    let cx = placed.band.x + placed.band.w / 2.0;
                    // Above the column, clear of a selection outline.
                    let top = m.y
                        - if bar.selected {
                            theme.selected_px + 3.0
                        } else {
                            3.0
                        };
                    let text = short_value(&placed.value_label);
                    if c.upright {
                        root.draw(&Text::new(
                            text,
                            (px(cx), px(top)),
                            value_font(c.font_px, HPos::Left, VPos::Center)
                                .transform(FontTransform::Rotate270),
                        ))?;
                    } else {
                        root.draw(&Text::new(
                            text,
                            (px(cx), px(top)),
                            value_font(c.font_px, HPos::Center, VPos::Bottom),
                        ))?;
                    }
                }
            }
        }
    }
    root.draw(&PathElement::new(
        match layout.orientation {
            Orientation::Horizontal => vec![(px(p.x), px(p.y)), (px(p.x), px(p.y + p.h))],
            Orientation::Vertical => vec![(px(p.x), px(p.y + p.h)), (px(p.x + p.w), px(p.y + p.h))],
        },
        theme.text.stroke_width(stroke_px(theme.axis_px, scale)),
    ))?;
    root.present()
}

/// The chart as an SVG document (downloads, golden tests).
pub fn to_svg(layout: &Layout, bars: &[Bar], theme: &Theme) -> String {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(
            &mut out,
            (layout.width.ceil() as u32, layout.height.ceil() as u32),
        );
        let root = backend.into_drawing_area();
        // Drawing into a string cannot fail.
        let _ = draw(&root, layout, bars, theme, 1.0, None);
    }
    out
}
