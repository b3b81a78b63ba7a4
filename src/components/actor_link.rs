//! How an actor is named and linked, wherever it appears (actor pages, the partner finder, project
//! pages).

use bridges_core::partners::ActorId;
use bridges_core::route::Page;

use crate::app_data::AppData;
use crate::i18n::Lang;
use crate::paths::href;

/// An actor's name for display: a provider country's name in `lang`, an agency's most used spelling.
pub fn actor_name(data: &AppData, id: &ActorId, display: &str, lang: Lang) -> String {
    match id {
        ActorId::Provider(iso) => data.reference.country_name(iso, lang).to_string(),
        ActorId::Agency(_) if display.is_empty() => id.code().to_string(),
        ActorId::Agency(_) => display.to_string(),
    }
}

/// The link to an actor's page.
pub fn actor_href(id: &ActorId) -> String {
    href(&Page::Actor(id.code().to_string()).path())
}

/// The language of an actor's name: agencies keep the source's spelling (English), a provider
/// country is named in the page's language (`None`).
pub fn actor_lang(id: &ActorId) -> Option<&'static str> {
    matches!(id, ActorId::Agency(_)).then_some("en")
}
