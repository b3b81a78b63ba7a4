//! The views `/embed/:view` can show, by their name in the URL (a public contract: partners' pages
//! link to them).

use crate::explore::View;

/// An embeddable view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedView {
    Headline,
    Timeline,
    Sector,
    Recipients,
    Region,
    Sdg,
    Status,
    Flow,
    Map,
    /// By provider (issue #15): the atlas holds many.
    Provider,
    /// By dataset, for several datasets loaded together.
    Dataset,
    /// Projects like the filtered ones, elsewhere (issue #16).
    Similar,
}

impl EmbedView {
    pub const ALL: [EmbedView; 12] = [
        EmbedView::Headline,
        EmbedView::Timeline,
        EmbedView::Sector,
        EmbedView::Recipients,
        EmbedView::Region,
        EmbedView::Sdg,
        EmbedView::Status,
        EmbedView::Flow,
        EmbedView::Map,
        EmbedView::Provider,
        EmbedView::Dataset,
        EmbedView::Similar,
    ];

    /// The name in `/embed/<name>`.
    pub fn code(self) -> &'static str {
        match self {
            EmbedView::Headline => "headline",
            EmbedView::Timeline => "timeline",
            EmbedView::Sector => "sector",
            EmbedView::Recipients => "recipients",
            EmbedView::Region => "region",
            EmbedView::Sdg => "sdg",
            EmbedView::Status => "status",
            EmbedView::Flow => "flow",
            EmbedView::Map => "map",
            EmbedView::Provider => "provider",
            EmbedView::Dataset => "dataset",
            EmbedView::Similar => "similar",
        }
    }

    pub fn from_code(s: &str) -> Option<EmbedView> {
        EmbedView::ALL.into_iter().find(|v| v.code() == s)
    }

    /// The chart it shows, if it is a chart.
    pub fn chart(self) -> Option<View> {
        Some(match self {
            EmbedView::Timeline => View::Timeline,
            EmbedView::Sector => View::Sector,
            EmbedView::Recipients => View::Recipients,
            EmbedView::Region => View::Region,
            EmbedView::Sdg => View::Sdg,
            EmbedView::Status => View::Status,
            EmbedView::Flow => View::Flow,
            EmbedView::Provider => View::Provider,
            EmbedView::Dataset => View::Dataset,
            EmbedView::Headline | EmbedView::Map | EmbedView::Similar => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for v in EmbedView::ALL {
            assert_eq!(EmbedView::from_code(v.code()), Some(v));
        }
        assert_eq!(EmbedView::from_code("nope"), None);
    }
}
