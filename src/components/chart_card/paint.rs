//! Painting a card's canvas with plotters, at the device pixel ratio (and a slide stage's scale).

use bridges_charts::{draw, Layout, Theme};
use bridges_core::explore::Bar;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Counts canvas paints in `window.__bridgesDraws`, so the latency benchmark can tell when every
/// chart has repainted after a click, and adds the canvas to `window.__bridgesPainted` when the
/// benchmark has put an array there (to tell the charts in view from the others).
fn count_draw(el: &web_sys::HtmlCanvasElement) {
    if let Some(w) = web_sys::window() {
        let key = wasm_bindgen::JsValue::from_str("__bridgesDraws");
        let n = js_sys::Reflect::get(&w, &key)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let _ = js_sys::Reflect::set(&w, &key, &wasm_bindgen::JsValue::from_f64(n + 1.0));
        let painted =
            js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str("__bridgesPainted"));
        if let Some(list) = painted
            .ok()
            .and_then(|v| wasm_bindgen::JsCast::dyn_into::<js_sys::Array>(v).ok())
        {
            list.push(el);
        }
    }
}

/// Everything one paint needs, taken when the change came: the card may be gone by the time it runs.
pub(super) struct Job {
    pub el: web_sys::HtmlCanvasElement,
    pub layout: Layout,
    pub bars: Vec<Bar>,
    pub theme: Theme,
    /// Device pixels per CSS pixel (and a slide stage's scale).
    pub ratio: f64,
    /// The bar outlined by the keyboard.
    pub focus: Option<usize>,
    /// The card's box has a new size (the ResizeObserver's report).
    pub box_changed: bool,
    /// The canvas sits in the page's flow, not filling a box (a slide's cell).
    pub in_flow: bool,
}

impl Job {
    /// Paints the bars on the canvas, at once or, for a new box size, in the next frame.
    pub(super) fn run(self) {
        let Job {
            el,
            layout: l,
            bars,
            theme,
            ratio,
            focus,
            box_changed,
            in_flow,
        } = self;
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
                // In the page's flow, its box (`.chart-pixels`) takes the same height, which it
                // keeps while the browser skips rendering it: skipped, a box's height is otherwise
                // its last rendered one, stale once the chart has grown or shrunk out of view.
                if in_flow {
                    if let Some(pixels) = el.parent_element().and_then(|p| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(p).ok()
                    }) {
                        let _ = pixels.style().set_property("height", &css_height);
                    }
                }
            }
            if let Some(backend) = CanvasBackend::with_canvas_object(el.clone()) {
                let root = backend.into_drawing_area();
                let _ = draw(&root, &l, &bars, &theme, ratio, focus);
                count_draw(&el);
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
}
