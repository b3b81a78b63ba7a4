use bridges_core::query::Notice;
use leptos::prelude::*;

/// Lists URL parameters that could not be used (shown as text, never markup).
#[component]
pub fn Notices(
    /// Notices from the URL codec.
    #[prop(into)]
    notices: Signal<Vec<Notice>>,
) -> impl IntoView {
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="banner" role="status" data-testid="url-notices">
                    <p>"Some parts of this link could not be used and were ignored:"</p>
                    <ul>{list.into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
