//! The interface language. The URL's `lang=` wins; without it the visitor's last choice (kept in
//! localStorage) and, on a first visit, the browser's language. `<html lang>` follows. Strings come from
//! the core's typed catalogue ([`bridges_core::i18n`]).

pub use bridges_core::i18n::{count, currency_name, fill, money, price_base, t, tm, tp, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

const STORAGE_KEY: &str = "bridges-lang";

/// The current language, provided by [`LangProvider`].
#[derive(Clone, Copy)]
pub struct UiLang(pub Signal<Lang>);

/// The language for a component: from context, English outside the provider (component tests).
pub fn use_lang() -> Signal<Lang> {
    use_context::<UiLang>()
        .map(|l| l.0)
        .unwrap_or_else(|| Signal::stored(Lang::En))
}

/// A reactive catalogue string: `tr!(lang, nav_explore)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:ident) => {{
        let lang = $lang;
        move || $crate::i18n::t(lang.get()).$key
    }};
}

/// The stored choice, else the first supported language of `navigator.languages`.
fn preferred() -> Lang {
    if let Some(l) = crate::storage::local()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
    {
        return l;
    }
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::from_preferences(list.iter().map(String::as_str))
}

/// The `lang` parameter of a query string, if it names a supported language.
pub fn lang_in_query(search: &str) -> Option<Lang> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get("lang")
        .and_then(|v| Lang::parse(&v))
}

/// A validator or URL message in `lang`, with the `lang` attribute of the text actually shown
/// (English when no translation exists yet).
pub fn message(lang: Lang, english: &str) -> (String, &'static str) {
    match bridges_core::i18n::messages::message(lang, english) {
        Some(text) => (text, lang.tag()),
        None => (english.to_string(), "en"),
    }
}

/// A message as a view: `<span lang=…>`, with `backticked` codes shown as `<code>`.
pub fn message_view(lang: Lang, english: &str) -> impl IntoView {
    let (text, tag) = message(lang, english);
    coded_view(text, tag)
}

/// What the validator expected, in `lang` (rendered by the core, no translation by pattern).
pub fn expected_view(lang: Lang, expected: bridges_core::issue::Expected) -> impl IntoView {
    coded_view(expected.text(lang), lang.tag())
}

/// `text` in a `<span lang=tag>`, with `backticked` codes shown as `<code>`.
fn coded_view(text: String, tag: &'static str) -> impl IntoView {
    let parts = text
        .split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part.to_string()}</code> }.into_any()
            } else {
                part.to_string().into_any()
            }
        })
        .collect_view();
    view! { <span lang=tag>{parts}</span> }
}

/// A catalogue template with `{name}` placeholders as a view: text between the placeholders as it is,
/// each placeholder replaced by `arg(name)` (kept as written if that is `None`). For templates whose
/// values need markup of their own, such as `lang="en"` on a code or a message from the browser.
pub fn fill_view(template: &str, mut arg: impl FnMut(&str) -> Option<AnyView>) -> Vec<AnyView> {
    use bridges_core::i18n::Part;
    bridges_core::i18n::parts(template)
        .into_iter()
        .map(|part| match part {
            Part::Text(t) => t.to_string().into_any(),
            Part::Slot(name) => arg(name).unwrap_or_else(|| format!("{{{name}}}").into_any()),
        })
        .collect()
}

/// Provides the language to everything inside and keeps `<html lang>` and the stored choice in step.
#[component]
pub fn LangProvider(children: Children) -> impl IntoView {
    let location = use_location();
    let fallback = RwSignal::new(preferred());
    let lang = Memo::new(move |_| lang_in_query(&location.search.get()).unwrap_or(fallback.get()));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", l.tag());
        }
        // An explicit choice in a link is remembered, except inside a partner's embed.
        let in_embed = location.pathname.get_untracked().contains("/embed/");
        if !in_embed && lang_in_query(&location.search.get_untracked()).is_some() {
            fallback.set(l);
            if let Some(s) = crate::storage::local() {
                let _ = s.set_item(STORAGE_KEY, l.code());
            }
        }
    });
    provide_context(UiLang(lang.into()));
    children()
}

/// Switches to the other language, keeping the whole view (path and every parameter).
/// Test contract: `data-testid="lang-switch"`.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let location = use_location();
    let lang = use_lang();
    let href = move || {
        let other = lang.get().other();
        format!(
            "{}?{}",
            crate::paths::same_site_path(&location.pathname.get()),
            crate::paths::query_with(&location.search.get(), &[("lang", other.code())])
        )
    };
    view! {
        <a class="lang-switch" data-testid="lang-switch" href=href
            lang=move || lang.get().other().tag() hreflang=move || lang.get().other().tag()
            title=tr!(lang, lang_switch_title)>
            {tr!(lang, lang_switch_label)}
        </a>
    }
}
