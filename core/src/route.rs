//! The app's routes as a type: every place that names a page (the router's titles, the story builder,
//! the presenter, links to projects) goes through [`Page`], so a path is written in one place and an id
//! that needs escaping (`a/b`, `a?b`, `../x`, spaces, Chinese) is escaped in one place.

use crate::i18n::{t, Lang};

/// A page of the app, parsed from the path below the app's base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Explore,
    Map,
    Table,
    /// A project, by its id (decoded).
    Project(String),
    /// `/actors/<code>`: an actor's profile (see `partners::ActorId::code`).
    Actor(String),
    /// `/partners`: the partner finder.
    Partners,
    About,
    Bench,
    /// An embed, by its view name.
    Embed(String),
    /// The list of stories and the story builder.
    Stories,
    /// A story's audience view, by story id.
    Present(String),
    /// A story's speaker console, by story id.
    Console(String),
    NotFound,
}

/// Escapes a path segment: everything but unreserved ASCII (RFC 3986) is percent-encoded, so an id
/// never adds a path level, a query or a fragment to the link it is put in.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    // "." and ".." are path steps, not names: escape their dots too.
    if out == "." || out == ".." {
        out = out.replace('.', "%2E");
    }
    out
}

/// Undoes [`encode_segment`] (and any other percent-encoding); invalid UTF-8 becomes U+FFFD.
pub fn decode_segment(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Page {
    /// The page at `path` (below the base, starting with `/`; no query).
    pub fn from_path(path: &str) -> Page {
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Page::Overview,
            ["explore"] => Page::Explore,
            ["map"] => Page::Map,
            ["table"] => Page::Table,
            ["about"] => Page::About,
            ["bench"] => Page::Bench,
            ["present"] => Page::Stories,
            ["projects", id] if !id.is_empty() => Page::Project(decode_segment(id)),
            ["actors", id] if !id.is_empty() => Page::Actor(decode_segment(id)),
            ["partners"] => Page::Partners,
            ["embed", view] if !view.is_empty() => Page::Embed(decode_segment(view)),
            ["present", story] if !story.is_empty() => Page::Present(decode_segment(story)),
            ["present", story, "console"] if !story.is_empty() => {
                Page::Console(decode_segment(story))
            }
            _ => Page::NotFound,
        }
    }

    /// The page's path below the base, ids escaped.
    pub fn path(&self) -> String {
        match self {
            Page::Overview | Page::NotFound => "/".into(),
            Page::Explore => "/explore".into(),
            Page::Map => "/map".into(),
            Page::Table => "/table".into(),
            Page::About => "/about".into(),
            Page::Bench => "/bench".into(),
            Page::Stories => "/present".into(),
            Page::Project(id) => format!("/projects/{}", encode_segment(id)),
            Page::Actor(id) => format!("/actors/{}", encode_segment(id)),
            Page::Partners => "/partners".into(),
            Page::Embed(v) => format!("/embed/{}", encode_segment(v)),
            Page::Present(s) => format!("/present/{}", encode_segment(s)),
            Page::Console(s) => format!("/present/{}/console", encode_segment(s)),
        }
    }

    /// The page's name in `lang`, as the navigation and a new slide's title say it.
    pub fn name(&self, lang: Lang) -> &'static str {
        let tx = t(lang);
        match self {
            Page::Overview => tx.nav_overview,
            Page::Explore => tx.nav_explore,
            Page::Map => tx.nav_map,
            Page::Table => tx.nav_table,
            Page::Project(_) => tx.page_project,
            Page::Actor(_) => tx.page_actor,
            Page::Partners => tx.page_partners,
            Page::About => tx.nav_about,
            Page::Bench => tx.page_bench,
            Page::Embed(_) => tx.page_embed,
            Page::Stories => tx.nav_present,
            Page::Present(_) => tx.page_presenting,
            Page::Console(_) => tx.page_console,
            Page::NotFound => tx.not_found_title,
        }
    }

    /// The document title: the page, then the site (`Explore · Bridges`). `detail` (a project's title,
    /// a story's title) goes first when the page has one.
    pub fn document_title(&self, detail: Option<&str>, lang: Lang) -> String {
        let site = t(lang).site_name;
        match (self, detail) {
            (Page::Overview, _) => t(lang).overview_title.to_string(),
            (_, Some(d)) if !d.trim().is_empty() => {
                let d = if d.chars().count() > 120 {
                    let cut: String = d.chars().take(119).collect();
                    format!("{}…", cut.trim_end())
                } else {
                    d.to_string()
                };
                format!("{d} · {} · {site}", self.name(lang))
            }
            _ => format!("{} · {site}", self.name(lang)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_with_awkward_ids() {
        for id in [
            "22211",
            "a/b",
            "a?b",
            "a#b",
            "../x",
            "..",
            "a b",
            "水电站",
            "%41",
            "a+b&c=d",
        ] {
            let page = Page::Project(id.to_string());
            let path = page.path();
            assert!(
                !path["/projects/".len()..].contains(['/', '?', '#']),
                "{path}"
            );
            assert_eq!(Page::from_path(&path), page, "{id} → {path}");
        }
        assert_eq!(Page::Project("..".into()).path(), "/projects/%2E%2E");
    }

    #[test]
    fn every_route_parses() {
        assert_eq!(Page::from_path("/"), Page::Overview);
        assert_eq!(Page::from_path("/explore/"), Page::Explore);
        assert_eq!(Page::from_path("/present"), Page::Stories);
        assert_eq!(
            Page::from_path("/present/two-decades/console"),
            Page::Console("two-decades".into())
        );
        assert_eq!(
            Page::from_path("/embed/sector"),
            Page::Embed("sector".into())
        );
        assert_eq!(Page::from_path("/nope/x"), Page::NotFound);
        assert_eq!(Page::from_path("/projects/"), Page::NotFound);
    }

    #[test]
    fn document_titles_name_the_page_in_its_language() {
        assert_eq!(Page::Map.document_title(None, Lang::En), "Map · Bridges");
        assert_eq!(Page::Map.document_title(None, Lang::Zh), "地图 · Bridges");
        assert_eq!(
            Page::Project("1".into()).document_title(Some("A dam"), Lang::En),
            "A dam · Project · Bridges"
        );
    }
}
