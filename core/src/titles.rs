//! What a chart is called: its title follows the measure ("Known amount by sector" over a dollar axis,
//! not "Projects by …") and, where the filters pick one sector or one place, names them ("Health projects
//! by commitment year"), so an embed's frame and a download say what they show.

use crate::explore::View;
use crate::i18n::{fill, t, Lang};
use crate::reference::ReferenceIndex;
use crate::state::{Filters, Measure};

/// The dimension a chart is drawn along, in `lang` ("commitment year", "sector"…).
pub fn dimension(view: View, lang: Lang) -> &'static str {
    let tx = t(lang);
    match view {
        View::Timeline => tx.dim_year,
        View::Sector => tx.dim_sector,
        View::Recipients => tx.dim_recipient,
        View::Region => tx.dim_region,
        View::Subregion => tx.dim_subregion,
        View::Provider => tx.dim_provider,
        View::Dataset => tx.dim_dataset,
        View::Agency => tx.dim_agency,
        View::Sdg => tx.dim_sdg,
        View::Status => tx.dim_status,
        View::Flow => tx.dim_flow,
        View::Income => tx.dim_income,
    }
}

/// What the filters narrow the projects to, when that can be said in a few words: one sector
/// ("Health"), one recipient or region ("in Angola"). `None` parts are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    pub sector: Option<String>,
    pub place: Option<String>,
}

impl Subject {
    /// The subject of `filters`: a single sector and a single country (else a single region).
    pub fn of(filters: &Filters, reference: &ReferenceIndex, lang: Lang) -> Subject {
        let one = |n: usize| n == 1;
        let sector = one(filters.sectors.len())
            .then(|| filters.sectors.iter().next().copied())
            .flatten()
            .map(|code| reference.sector_name(code, lang));
        let place = if one(filters.countries.len()) {
            filters
                .countries
                .iter()
                .next()
                .map(|c| reference.country_name(c, lang).to_string())
        } else if filters.countries.is_empty() && one(filters.regions.len()) {
            filters
                .regions
                .iter()
                .next()
                .map(|r| reference.region_name(r, lang).to_string())
        } else {
            None
        };
        Subject { sector, place }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A chart's title: what it measures, of which projects, along which dimension.
/// `Projects by sector`, `Known amount by commitment year`, `Health projects in Angola by status`;
/// `按部门统计的项目`, `安哥拉卫生项目已知金额（按承诺年份）`.
pub fn chart_title(view: View, measure: Measure, subject: &Subject, lang: Lang) -> String {
    // A chart shows its own dimension's selection highlighted, not filtered away: it does not name it.
    let mut subject = subject.clone();
    match view {
        View::Sector => subject.sector = None,
        View::Recipients | View::Region | View::Subregion => subject.place = None,
        _ => {}
    }
    title(view, dimension(view, lang), measure, &subject, lang)
}

/// The map's title: projects or known amount by recipient country, of one sector if one is chosen.
pub fn map_title(measure: Measure, subject: &Subject, lang: Lang) -> String {
    let subject = Subject {
        place: None,
        ..subject.clone()
    };
    title(View::Timeline, t(lang).dim_country, measure, &subject, lang)
}

fn title(view: View, dim: &str, measure: Measure, subject: &Subject, lang: Lang) -> String {
    let tx = t(lang);
    let template = match (view, measure) {
        (View::Recipients, Measure::Count) => tx.title_top_recipients_count,
        (View::Recipients, Measure::Amount) => tx.title_top_recipients_amount,
        (_, Measure::Count) => tx.title_count_by,
        (_, Measure::Amount) => tx.title_amount_by,
    };
    let sector = subject
        .sector
        .as_deref()
        .map(|s| fill(tx.title_sector_part, &[("sector", s)]))
        .unwrap_or_default();
    let sector_of = subject
        .sector
        .as_deref()
        .map(|s| fill(tx.title_sector_of_part, &[("sector", s)]))
        .unwrap_or_default();
    let place = subject
        .place
        .as_deref()
        .map(|p| fill(tx.title_place_part, &[("place", p)]))
        .unwrap_or_default();
    let text = fill(
        template,
        &[
            ("sector", &sector),
            ("sector_of", &sector_of),
            ("place", &place),
            ("dim", dim),
        ],
    );
    capitalise(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(sector: Option<&str>, place: Option<&str>) -> Subject {
        Subject {
            sector: sector.map(str::to_string),
            place: place.map(str::to_string),
        }
    }

    #[test]
    fn titles_follow_the_measure() {
        let none = Subject::default();
        assert_eq!(
            chart_title(View::Sector, Measure::Count, &none, Lang::En),
            "Projects by sector"
        );
        assert_eq!(
            chart_title(View::Timeline, Measure::Amount, &none, Lang::En),
            "Known amount by commitment year"
        );
        assert_eq!(
            chart_title(View::Recipients, Measure::Amount, &none, Lang::En),
            "Top recipients by known amount"
        );
        assert_eq!(
            chart_title(View::Timeline, Measure::Count, &none, Lang::Zh),
            "按承诺年份统计的项目"
        );
    }

    #[test]
    fn a_chart_does_not_name_its_own_selection() {
        let s = subject(Some("Health"), Some("Angola"));
        assert_eq!(
            chart_title(View::Sector, Measure::Count, &s, Lang::En),
            "Projects in Angola by sector"
        );
        assert_eq!(
            chart_title(View::Recipients, Measure::Count, &s, Lang::En),
            "Top recipients by projects"
        );
        assert_eq!(
            map_title(Measure::Count, &s, Lang::En),
            "Health projects by recipient country"
        );
        assert_eq!(
            map_title(Measure::Amount, &Subject::default(), Lang::Zh),
            "项目已知金额（按受援国）"
        );
    }

    #[test]
    fn titles_name_one_sector_and_one_place() {
        let s = subject(Some("Health"), Some("Angola"));
        assert_eq!(
            chart_title(View::Timeline, Measure::Count, &s, Lang::En),
            "Health projects in Angola by commitment year"
        );
        assert_eq!(
            chart_title(View::Status, Measure::Amount, &s, Lang::En),
            "Known amount of Health projects in Angola by status"
        );
        let z = subject(Some("卫生"), Some("安哥拉"));
        assert_eq!(
            chart_title(View::Timeline, Measure::Count, &z, Lang::Zh),
            "按承诺年份统计的安哥拉卫生项目"
        );
        assert_eq!(
            chart_title(View::Status, Measure::Amount, &z, Lang::Zh),
            "安哥拉卫生项目已知金额（按状态）"
        );
    }
}
