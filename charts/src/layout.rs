//! Placing bars: pixels for given bounds, and the bar under a pointer. Pure, so hit-testing and golden
//! tests need no browser.

use bridges_core::explore::Bar;
use bridges_core::i18n::Lang;
use bridges_core::money::Unit;
use bridges_core::query::Measure;

use crate::axis::{
    column_labels, fit_label, text_width, ticks, value_label, ColumnLabels, BOLD,
    LABELS_ABOVE_BELOW, ROW,
};
use crate::theme::Theme;

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

/// Places bars for a chart `width` pixels wide. Horizontal charts grow with their rows; vertical ones
/// take `height`.
// A chart is placed from its bars, what they measure and in which unit, its box, its type and its
// language: eight inputs a caller always has at hand; a struct for them would only be unpacked here.
#[allow(clippy::too_many_arguments)]
pub fn layout(
    bars: &[Bar],
    measure: Measure,
    unit: &Unit,
    orientation: Orientation,
    width: f64,
    height: f64,
    font_px: f64,
    lang: Lang,
) -> Layout {
    place(
        bars,
        measure,
        unit,
        orientation,
        (width, height),
        font_px,
        false,
        lang,
    )
}

/// As [`layout`], for `theme`: its type size, and room for values drawn on the columns when the theme
/// draws them (column charts then grow taller than `height` by that room, keeping their plot).
// A chart is placed from its bars, what they measure and in which unit, its box, its type and its
// language: eight inputs a caller always has at hand; a struct for them would only be unpacked here.
#[allow(clippy::too_many_arguments)]
pub fn layout_with(
    bars: &[Bar],
    measure: Measure,
    unit: &Unit,
    orientation: Orientation,
    width: f64,
    height: f64,
    theme: &Theme,
    lang: Lang,
) -> Layout {
    place(
        bars,
        measure,
        unit,
        orientation,
        (width, height),
        theme.font_px,
        theme.value_labels,
        lang,
    )
}

// A chart is placed from its bars, what they measure and in which unit, its box, its type and its
// language: eight inputs a caller always has at hand; a struct for them would only be unpacked here.
#[allow(clippy::too_many_arguments)]
fn place(
    bars: &[Bar],
    measure: Measure,
    unit: &Unit,
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
                    .map(|b| text_width(&value_label(b, measure, unit, lang), font_px) * bold)
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
            let (top, tick_values) = ticks(max, 4, measure, unit, lang);
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
                        value_label: value_label(b, measure, unit, lang),
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
            let (top, tick_values) = ticks(max, 4, measure, unit, lang);
            let axis_w = tick_values
                .iter()
                .map(|(_, l)| text_width(l, font_px))
                .fold(0.0, f64::max)
                + 10.0;
            let plot_w = (width - axis_w - 16.0).max(20.0);
            let band = plot_w / bars.len().max(1) as f64;
            let column_labels = value_labels.then(|| {
                let labels: Vec<String> = bars
                    .iter()
                    .map(|b| value_label(b, measure, unit, lang))
                    .collect();
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
                        value_label: value_label(b, measure, unit, lang),
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
