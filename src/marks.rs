//! Figures the in-browser benchmarks read from the page: timings pushed onto `window.__bridges…`
//! arrays. Writing them costs a property lookup; nothing in the app reads them.

use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since navigation (0 where there is no clock).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Appends `ms` to the array `window[key]`, creating it the first time.
pub fn push(key: &str, ms: f64) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(key);
    // `Array::from` would copy (it is `Array.from`): the array itself is cast.
    let list = match js_sys::Reflect::get(&w, &key).map(|v| v.dyn_into::<js_sys::Array>()) {
        Ok(Ok(list)) => list,
        _ => {
            let a = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&w, &key, &a);
            a
        }
    };
    list.push(&JsValue::from_f64(ms));
}
