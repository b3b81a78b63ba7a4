//! A card's tools: "show as table" and the SVG and PNG downloads; in a menu on a phone and in embeds.

use leptos::prelude::*;

use crate::i18n::{fill, t, use_lang};
use crate::tr;

/// The table switch and the downloads, named after the chart's `title` for screen readers.
#[component]
pub(super) fn ChartTools(
    /// Whether the card shows its table instead of the chart.
    as_table: RwSignal<bool>,
    /// The chart's title.
    title: Signal<String>,
    /// In a menu whatever the width (embeds).
    embedded: bool,
    on_svg: Callback<()>,
    on_png: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    // On a phone the tools fold into a menu, so the chart follows its title at once.
    let narrow = leptos_use::use_media_query("(max-width: 40rem)");
    move || {
        let tools = view! {
            <button type="button" aria-pressed=move || as_table.get().to_string()
                on:click=move |_| as_table.update(|t| *t = !*t)>
                {move || if as_table.get() { t(lang.get()).show_as_chart } else { t(lang.get()).show_as_table }}
            </button>
            <button type="button" on:click=move |_| on_svg.run(()) aria-label=move || fill(t(lang.get()).download_as, &[("what", &title.get()), ("format", "SVG")])>"SVG"</button>
            <button type="button" on:click=move |_| on_png.run(()) aria-label=move || fill(t(lang.get()).download_as, &[("what", &title.get()), ("format", "PNG")])>"PNG"</button>
        };
        if embedded || narrow.get() {
            view! {
                <details class="chart-menu">
                    <summary><span aria-hidden="true">"⋯"</span><span class="sr-only">{tr!(lang, chart_menu_label)}</span></summary>
                    <div class="chart-menu-items">{tools}</div>
                </details>
            }.into_any()
        } else {
            view! { <div class="chart-tools">{tools}</div> }.into_any()
        }
    }
}
