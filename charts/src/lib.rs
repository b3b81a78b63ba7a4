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

/// Colours and type. Contrast of text and bars against the background is at least 4.5:1 / 3:1.
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
    pub font_px: f64,
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
}

/// Height of one row in a horizontal bar chart.
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
    let max = bars.iter().map(|b| b.value(measure)).fold(0.0, f64::max);
    let has_selection = bars.iter().any(|b| b.selected);
    match orientation {
        Orientation::Horizontal => {
            let longest = bars
                .iter()
                .map(|b| text_width(&b.label, font_px))
                .fold(0.0, f64::max);
            let label_w = longest.clamp(60.0, (width * 0.42).max(60.0)) + 8.0;
            let value_w = 8.0 + text_width("$999.9 billion", font_px);
            let plot = Rect {
                x: label_w,
                y: 4.0,
                w: (width - label_w - value_w).max(20.0),
                h: bars.len() as f64 * ROW,
            };
            let (top, tick_values) = ticks(max, 4, measure, lang);
            let placed = bars
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let y = plot.y + i as f64 * ROW;
                    let w = if top > 0.0 {
                        b.value(measure) / top * plot.w
                    } else {
                        0.0
                    };
                    Placed {
                        index: i,
                        segments: Vec::new(),
                        mark: Rect {
                            x: plot.x,
                            y: y + 4.0,
                            w,
                            h: ROW - 8.0,
                        },
                        band: Rect {
                            x: 0.0,
                            y,
                            w: width,
                            h: ROW,
                        },
                        label: b.label.clone(),
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
            }
        }
        Orientation::Vertical => {
            let (top, tick_values) = ticks(max, 4, measure, lang);
            let axis_w = tick_values
                .iter()
                .map(|(_, l)| text_width(l, font_px))
                .fold(0.0, f64::max)
                + 10.0;
            let plot = Rect {
                x: axis_w,
                y: 8.0,
                w: (width - axis_w - 16.0).max(20.0),
                h: (height - 8.0 - 2.0 * font_px - 6.0).max(20.0),
            };
            let band = plot.w / bars.len().max(1) as f64;
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
    root.fill(&theme.background)?;
    let p = layout.plot;
    for t in &layout.ticks {
        match layout.orientation {
            Orientation::Horizontal => {
                root.draw(&PathElement::new(
                    vec![(px(t.pos), px(p.y)), (px(t.pos), px(p.y + p.h))],
                    theme.grid.stroke_width(1),
                ))?;
            }
            Orientation::Vertical => {
                root.draw(&PathElement::new(
                    vec![(px(p.x), px(t.pos)), (px(p.x + p.w), px(t.pos))],
                    theme.grid.stroke_width(1),
                ))?;
                root.draw(&Text::new(
                    t.label.clone(),
                    (px(p.x - 6.0), px(t.pos)),
                    font(theme.font_px - 1.0, &theme.muted, HPos::Right, VPos::Center),
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
                let c = series_colour(k, placed.segments.len());
                let style = if dim { c.mix(0.3).filled() } else { c.filled() };
                root.draw(&Rectangle::new(
                    [
                        (px(seg.x), px(seg.y)),
                        (px(seg.x + seg.w), px(seg.y + seg.h)),
                    ],
                    style,
                ))?;
            }
        } else if m.w > 0.0 && m.h > 0.0 {
            let dim = bar.colour.is_some() && layout.has_selection && !bar.selected;
            let style = if dim {
                colour.mix(0.35).filled()
            } else {
                colour.filled()
            };
            root.draw(&Rectangle::new(
                [(px(m.x), px(m.y)), (px(m.x + m.w), px(m.y + m.h))],
                style,
            ))?;
        }
        if bar.selected {
            root.draw(&Rectangle::new(
                [
                    (px(m.x) - 1, px(m.y) - 1),
                    (px(m.x + m.w.max(2.0)) + 1, px(m.y + m.h) + 1),
                ],
                theme
                    .text
                    .stroke_width((1.5 * scale).round().max(1.0) as u32),
            ))?;
        }
        if focus == Some(placed.index) {
            let b = placed.band;
            root.draw(&Rectangle::new(
                [
                    (px(b.x + 1.0), px(b.y + 1.0)),
                    (px(b.x + b.w - 1.0), px(b.y + b.h - 1.0)),
                ],
                theme.bar.stroke_width((2.0 * scale) as u32),
            ))?;
        }
        match layout.orientation {
            Orientation::Horizontal => {
                let cy = m.y + m.h / 2.0;
                root.draw(&Text::new(
                    placed.label.clone(),
                    (px(p.x - 8.0), px(cy)),
                    font(theme.font_px, &theme.text, HPos::Right, VPos::Center),
                ))?;
                root.draw(&Text::new(
                    placed.value_label.clone(),
                    (px(m.x + m.w + 6.0), px(cy)),
                    font(theme.font_px, &theme.muted, HPos::Left, VPos::Center),
                ))?;
            }
            Orientation::Vertical => {
                if placed.index % every == 0 {
                    let cx = placed.band.x + placed.band.w / 2.0;
                    root.draw(&Text::new(
                        placed.label.clone(),
                        (px(cx), px(p.y + p.h + 4.0)),
                        font(theme.font_px - 1.0, &theme.muted, HPos::Center, VPos::Top),
                    ))?;
                }
            }
        }
    }
    root.draw(&PathElement::new(
        match layout.orientation {
            Orientation::Horizontal => vec![(px(p.x), px(p.y)), (px(p.x), px(p.y + p.h))],
            Orientation::Vertical => vec![(px(p.x), px(p.y + p.h)), (px(p.x + p.w), px(p.y + p.h))],
        },
        theme.text.stroke_width(1),
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
