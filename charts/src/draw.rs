//! Drawing a laid-out chart on any plotters backend: a canvas on screen, an SVG string for downloads
//! and golden tests.

use bridges_core::explore::Bar;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::axis::{short_value, small_px, text_width};
use crate::layout::{Layout, Orientation};
use crate::theme::{parse_hex, series_colour, Theme};

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
