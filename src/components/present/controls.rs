//! The presenter's control bar: there when the presenter reaches for it (pointer moved, a key, focus
//! inside it), gone after two seconds of stillness so that it never covers the slide while they talk.
//! Test contract: `data-testid="presenter-controls"`, not visible when idle.

use leptos::prelude::*;
use leptos_use::use_idle;

/// How long the bar stays after the last pointer move or key, in milliseconds.
pub const IDLE_MS: u64 = 2000;

/// A control bar that hides itself when the presenter is idle.
#[component]
pub fn PresenterControls(
    /// The bar's accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The controls.
    children: Children,
) -> impl IntoView {
    let idle = use_idle(IDLE_MS).idle;
    // Kept while the pointer is over the bar or focus is inside it (a keyboard user tabbed there).
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let hidden = move || idle.get() && !hovered.get() && !focused.get();
    view! {
        <nav class="present-bar" class:idle=hidden data-testid="presenter-controls" aria-label=move || label.get()
            on:pointerenter=move |_| hovered.set(true) on:pointerleave=move |_| hovered.set(false)
            on:focusin=move |_| focused.set(true) on:focusout=move |_| focused.set(false)>
            {children()}
        </nav>
    }
}
