use bridges_core::query::Notice;
use leptos::prelude::*;

/// Notices listed; the rest are counted.
const SHOWN: usize = 20;

/// Lists URL parameters that could not be used (shown as text, never markup).
#[component]
pub fn Notices(
    /// Notices from the URL codec.
    #[prop(into)]
    notices: Signal<Vec<Notice>>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    move || {
        let list = notices.get();
        // A URL can carry thousands of bad parameters: the first few are listed, the rest counted.
        let more = list.len().saturating_sub(SHOWN);
        (!list.is_empty()).then(|| {
            view! {
                <div class="banner" role="status" data-testid="url-notices">
                    <p>{crate::tr!(lang, notices_intro)}</p>
                    <ul>{list.into_iter().take(SHOWN).map(|n| view! {
                        <li><code>{format!("{}={}", n.param, bridges_core::issue::truncate(&n.value, 40))}</code>
                            "  " {let r = n.reason.clone(); move || crate::i18n::message_view(lang.get(), &r)}</li>
                    }).collect_view()}</ul>
                    {(more > 0).then(|| view! {
                        <p>{move || crate::i18n::fill(crate::i18n::t(lang.get()).notices_more, &[("n", &more.to_string())])}</p>
                    })}
                </div>
            }
        })
    }
}
