//! Which chart theme a card draws with: the URL's `theme=` (embeds, the projector switch), the page's
//! `<html data-theme>`, then the visitor's dark-mode preference.

use bridges_charts::Theme;
use bridges_core::query::Theme as UrlTheme;
use leptos::prelude::*;

use crate::view_state::use_view_state;

/// The page's theme, `<html data-theme>`: set from the URL's `theme=` (embeds, the projector switch).
fn data_theme() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"))
}

fn prefers_dark() -> bool {
    // A theme set on the page (an embed's theme=, the projector) wins over the visitor's preference.
    match data_theme().as_deref() {
        Some("dark") => return true,
        Some("light" | "projector") => return false,
        _ => {}
    }
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Which chart theme a card draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Look {
    Light,
    Dark,
    Projector,
}

impl Look {
    /// `url` is the URL's `theme=`, so the projector look does not wait for the page to apply it; a
    /// `data-theme="projector"` on the page counts too unless the URL asks for another theme.
    fn current(url: Option<UrlTheme>) -> Look {
        match url {
            Some(UrlTheme::Projector) => Look::Projector,
            None if data_theme().as_deref() == Some("projector") => Look::Projector,
            _ if prefers_dark() => Look::Dark,
            _ => Look::Light,
        }
    }

    pub(super) fn theme(self) -> Theme {
        match self {
            Look::Light => Theme::light(),
            Look::Dark => Theme::dark(),
            Look::Projector => Theme::projector(),
        }
    }
}

/// The card's look, following the URL's theme= (the projector switch) without reloading: the page
/// applies it to `<html data-theme>` in its own effect, so the card looks again a frame later.
pub(super) fn use_look() -> RwSignal<Look> {
    let state = use_view_state();
    let url_theme = Memo::new(move |_| state.with(|(s, _)| s.theme));
    let look = RwSignal::new(Look::current(url_theme.get_untracked()));
    Effect::new(move |_| {
        let url = url_theme.get();
        request_animation_frame(move || {
            let now = Look::current(url);
            if look.try_get_untracked().is_some_and(|l| l != now) {
                look.try_set(now);
            }
        });
    });
    look
}
