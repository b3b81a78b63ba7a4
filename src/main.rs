//! Mounts the app; everything else lives in the library so tests can mount its parts.

fn main() {
    console_error_panic_hook::set_once();
    // The static skeleton of index.html stands in until the app is mounted.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot-skeleton"))
    {
        el.remove();
    }
    leptos::mount::mount_to_body(bridges::App);
}
