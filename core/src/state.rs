//! The view state the URL carries: filters, measure, stack, sort, theme and map view. A leaf module:
//! the URL codec (`query`), the crossfilter and the views all read these types, and they
//! depend on nothing but the model's codes.

use std::collections::BTreeSet;

use crate::model::{FlowClass, Income, Status};

/// Which filters are active. Empty sets and `None` mean "no filter on this dimension".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub countries: BTreeSet<String>,
    pub regions: BTreeSet<String>,
    pub income: BTreeSet<Income>,
    pub sectors: BTreeSet<u16>,
    pub sdgs: BTreeSet<u8>,
    pub statuses: BTreeSet<Status>,
    pub flows: BTreeSet<FlowClass>,
    pub providers: BTreeSet<String>,
    /// Ids of the datasets to show, when several are loaded together (`source=`).
    pub datasets: BTreeSet<String>,
    /// Agencies by their normalised key (`agency=`).
    pub agencies: BTreeSet<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Amount range in whole units of the headline currency.
    pub amount_min: Option<u64>,
    pub amount_max: Option<u64>,
    pub q: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// What the charts measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Count,
    Amount,
}

impl Measure {
    pub const ALL: [Measure; 2] = [Measure::Count, Measure::Amount];

    /// The code in the URL (`measure=amount`).
    pub fn code(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Amount => "amount",
        }
    }

    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// How the timeline is stacked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Stack {
    #[default]
    None,
    Sector,
    Status,
}

impl Stack {
    pub const ALL: [Stack; 3] = [Stack::None, Stack::Sector, Stack::Status];

    /// The code in the URL (`stack=sector`); the explorer's select uses the same values.
    pub fn code(self) -> &'static str {
        match self {
            Stack::None => "none",
            Stack::Sector => "sector",
            Stack::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<Stack> {
        Stack::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// File order (by id for the built-in data).
    #[default]
    Id,
    Title,
    Recipient,
    Sector,
    Year,
    Amount,
    Status,
}

impl SortKey {
    pub(crate) const ALL: [SortKey; 7] = [
        SortKey::Id,
        SortKey::Title,
        SortKey::Recipient,
        SortKey::Sector,
        SortKey::Year,
        SortKey::Amount,
        SortKey::Status,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Title => "title",
            SortKey::Recipient => "recipient",
            SortKey::Sector => "sector",
            SortKey::Year => "year",
            SortKey::Amount => "amount",
            SortKey::Status => "status",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Everything in the query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filters: Filters,
    pub measure: Measure,
    pub stack: Stack,
    pub sort: Sort,
    /// 1-based table page; 1 is the default.
    pub page: usize,
    /// A dataset URL (`data=`), carried along unchanged.
    pub data: Option<String>,
    /// Built-in datasets by catalogue id (`dataset=gcdf3`, `dataset=gcdf3~aims` for their union);
    /// empty is the default dataset. Ids are checked against the catalogue when it is loaded.
    pub datasets: Vec<String>,
    /// The map's zoom, centre and layers.
    pub map: crate::map_view::MapView,
    /// The interface language (`lang=en|zh`); `None` follows the visitor's preference.
    pub lang: Option<crate::i18n::Lang>,
    /// The colour theme (`theme=light|dark|projector`); `None` follows the system.
    pub theme: Option<Theme>,
}

impl ViewState {
    /// Makes `change` to the filters. A change of the filters starts the table on its first page:
    /// the page the visitor was on may not exist in the new list.
    pub fn edit_filters(&mut self, change: impl FnOnce(&mut Filters)) {
        change(&mut self.filters);
        self.page = 1;
    }
}

/// A colour theme chosen in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// High contrast, large type, thick strokes, colour-blind-safe palette, labels drawn on.
    Projector,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_the_filters_starts_the_table_on_its_first_page() {
        let mut s = ViewState {
            page: 7,
            measure: Measure::Amount,
            ..ViewState::default()
        };
        s.edit_filters(|f| f.q = "hydropower".into());
        assert_eq!(
            (s.page, s.filters.q.as_str(), s.measure),
            (1, "hydropower", Measure::Amount)
        );
    }
}
