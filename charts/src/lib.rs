//! Bridges charts in two layers. [`layout`] turns bars into placed marks for given bounds (pure, so
//! hit-testing and golden tests need no browser); [`draw`] renders placed marks on any plotters
//! backend: a canvas on screen, an SVG string for downloads and golden tests.

mod axis;
mod draw;
mod layout;
pub mod map;
mod theme;

pub use axis::{
    fit_label, nice_step, short_value, small_px, text_width, ColumnLabels, LABELS_ABOVE_BELOW, ROW,
};
pub use draw::{draw, to_svg};
pub use layout::{hit, layout, layout_with, Layout, Orientation, Placed, Rect, Tick};
pub use theme::{series_colour, Theme, OTHER, SERIES};
