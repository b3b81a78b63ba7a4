//! The projects table: row labels and sorting, kept here so the rules (unknown amounts sort last in both
//! directions; they are not zero) are tested without a browser.

use std::cmp::Ordering;

use crate::model::Project;
use crate::reference::ReferenceIndex;
use crate::state::{Sort, SortKey};

/// Recipient country names (English), or the regional label of a regional project.
pub fn recipients_label(p: &Project, reference: &ReferenceIndex) -> String {
    recipients_label_in(p, reference, crate::i18n::Lang::En)
}

/// As [`recipients_label`], with country names in `lang` (a regional label is the dataset's own text).
pub fn recipients_label_in(
    p: &Project,
    reference: &ReferenceIndex,
    lang: crate::i18n::Lang,
) -> String {
    if p.recipients.is_empty() {
        return p
            .regional
            .clone()
            .unwrap_or_else(|| crate::i18n::t(lang).unknown.into());
    }
    let sep = match lang {
        crate::i18n::Lang::En => ", ",
        crate::i18n::Lang::Zh => "、",
    };
    p.recipients
        .iter()
        .map(|c| reference.country_name(c, lang).to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Sorts row indices into `projects` by `sort`. Stable: equal keys keep dataset order.
pub fn sort_rows(projects: &[Project], reference: &ReferenceIndex, rows: &mut [u32], sort: Sort) {
    let p = |i: &u32| &projects[*i as usize];
    match sort.key {
        SortKey::Id => {}
        SortKey::Title => rows.sort_by_cached_key(|i| p(i).title.to_lowercase()),
        SortKey::Recipient => rows.sort_by_cached_key(|i| recipients_label(p(i), reference)),
        SortKey::Sector => {
            rows.sort_by_cached_key(|i| p(i).sector.as_ref().map(|s| s.name.clone()))
        }
        SortKey::Year => rows.sort_by_key(|i| p(i).years.commitment),
        SortKey::Status => rows.sort_by_key(|i| p(i).status),
        SortKey::Amount => rows.sort_by(|a, b| {
            match (
                p(a).amount.as_ref().map(|m| m.value),
                p(b).amount.as_ref().map(|m| m.value),
            ) {
                (Some(x), Some(y)) if sort.descending => y.total_cmp(&x),
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }),
    }
    if sort.descending && sort.key != SortKey::Amount {
        rows.reverse();
    }
}
