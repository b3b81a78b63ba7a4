//! A tapped country's details, in a panel over the map's lower edge (a phone has no hover): its
//! projects, known amount and top sectors, a link to them in the table, and a close button.

use leptos::prelude::*;

use crate::i18n::{tm, use_lang};
use crate::view_state::use_view_state;

/// The panel of the country in `country`, if any; `describe` gives its text.
#[component]
pub fn MapDetail(
    /// The country whose details are shown (ISO-3); the close button clears it.
    country: RwSignal<Option<String>>,
    /// The country's text (as its tooltip says it, with top sectors).
    describe: Callback<String, String>,
) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    move || {
        let iso = country.get()?;
        let t = tm(lang.get());
        let text = describe.run(iso);
        let table = {
            let mut s = state.get().0;
            s.page = 1;
            crate::paths::href(&format!("/table?{}", bridges_core::query::to_query(&s)))
        };
        Some(view! {
            <section class="map-detail" data-testid="map-detail" aria-label=t.detail>
                <p>{text}</p>
                <div class="map-detail-actions">
                    <a href=table>{t.detail_table}</a>
                    <button type="button" class="map-detail-close" aria-label=t.detail_close
                        on:click=move |_| country.set(None)>"×"</button>
                </div>
            </section>
        })
    }
}
