//! Painting a card's canvas with plotters, at the device pixel ratio (and a slide stage's scale).

use bridges_charts::{draw, Layout, Theme};
use bridges_core::explore::Bar;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Counts canvas paints in `window.__bridgesDraws`, so the latency benchmark can tell when every
/// chart has repainted after a click.
fn count_draw() {
    if let Some(w) = web_sys::window() {
        let key = wasm_bindgen::JsValue::from_str("__bridgesDraws");
        let n = js_sys::Reflect::get(&w, &key)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let _ = js_sys::Reflect::set(&w, &key, &wasm_bindgen::JsValue::from_f64(n + 1.0));
    }
}

/// Paints `bars` placed by `l` on `el` at `ratio` device pixels per CSS pixel, `focus` outlined;
/// `box_changed` when the card's box has a new size (the ResizeObserver's report). Everything the
/// paint needs is passed in: the card may be gone by the next frame.
pub(super) fn paint(
    el: web_sys::HtmlCanvasElement,
    l: Layout,
    bars: Vec<Bar>,
    theme: Theme,
    ratio: f64,
    focus: Option<usize>,
    box_changed: bool,
) {
    let (w, h) = (
        (l.width * ratio).round() as u32,
        (l.height * ratio).round() as u32,
    );
    let css_height = format!("{}px", l.height);
    let same_size = el.width() == w
        && el.height() == h
        && web_sys::HtmlElement::style(&el)
            .get_property_value("height")
            .is_ok_and(|v| v == css_height);
    let paint = move || {
        if !same_size {
            el.set_width(w);
            el.set_height(h);
            let _ = web_sys::HtmlElement::style(&el).set_property("height", &css_height);
        }
        if let Some(backend) = CanvasBackend::with_canvas_object(el) {
            let root = backend.into_drawing_area();
            let _ = draw(&root, &l, &bars, &theme, ratio, focus);
            count_draw();
        }
    };
    // A new box size is painted in the next frame: resizing the canvas inside the ResizeObserver's
    // delivery would make the observer report again in the same frame ("ResizeObserver loop"
    // errors). New data (a click on a bar) is painted now, a frame sooner, even when it makes the
    // chart taller: a click is not inside that delivery.
    if same_size || !box_changed {
        paint();
    } else {
        leptos::prelude::request_animation_frame(paint);
    }
}
