//! Saving a file the app made (chart SVG, CSV, JSON) without a server: a Blob and a temporary link.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `filename`. Errors are returned as text for the UI.
pub fn download_text(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let result = click_link(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers a URL (e.g. a canvas's PNG data URL) as a download.
pub fn click_link(filename: &str, href: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(href);
    a.set_download(filename);
    a.set_rel("noopener");
    a.click();
    Ok(())
}

/// Renders an SVG document to a PNG (at twice its size) and offers it as a download.
pub fn svg_to_png(svg: &str, width: f64, height: f64, filename: &str) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let image = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
    let canvas = document
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| "not a canvas".to_string())?;
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let filename = filename.to_string();
    let img = image.clone();
    let onload = Closure::once(move || {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(ctx) = ctx {
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                width * scale,
                height * scale,
            );
            if let Ok(url) = canvas.to_data_url() {
                let _ = click_link(&filename, &url);
            }
        }
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    // The closure must outlive this call; it runs once, when the image has loaded.
    onload.forget();
    let encoded: String = js_sys::encode_uri_component(svg).into();
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    Ok(())
}
