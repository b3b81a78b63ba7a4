//! Mounts the app; everything else lives in the library so tests can mount its parts.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(bridges::App);
}
