//! Codes in a link that name nothing in the reference tables (`country=ZZZ`, `region=999`) are ignored
//! with a visible notice, like a malformed parameter, instead of becoming a filter that matches
//! nothing. A real code with no projects (`country=FRA`) stays a filter, and shows 0.

use std::collections::BTreeSet;

use crate::query::Notice;
use crate::reference::ReferenceIndex;
use crate::state::ViewState;

/// Removes from `state` the codes the reference tables do not know, and says which.
pub fn drop_unknown_codes(state: &mut ViewState, reference: &ReferenceIndex) -> Vec<Notice> {
    let mut notices = Vec::new();
    let f = &mut state.filters;
    keep_known(
        &mut f.countries,
        "country",
        &mut notices,
        "a country code in Bridges' reference tables",
        |c| reference.country(c).is_some(),
    );
    keep_known(
        &mut f.providers,
        "provider",
        &mut notices,
        "a country code in Bridges' reference tables, or an actor the data declares",
        |c| reference.country(c).is_some() || reference.actor(c).is_some(),
    );
    keep_known(
        &mut f.regions,
        "region",
        &mut notices,
        "a UN M49 region or sub-region in Bridges' reference tables",
        |r| reference.region(r).is_some(),
    );
    let mut sectors: BTreeSet<String> = f.sectors.iter().map(u16::to_string).collect();
    keep_known(
        &mut sectors,
        "sector",
        &mut notices,
        "an OECD CRS sector code in Bridges' reference tables",
        |s| {
            s.parse::<u16>()
                .is_ok_and(|c| reference.sector(c).is_some())
        },
    );
    f.sectors = sectors.iter().filter_map(|s| s.parse().ok()).collect();
    notices
}

fn keep_known(
    codes: &mut BTreeSet<String>,
    param: &str,
    notices: &mut Vec<Notice>,
    expected: &str,
    known: impl Fn(&str) -> bool,
) {
    codes.retain(|c| {
        let ok = known(c);
        if !ok {
            notices.push(Notice {
                param: param.into(),
                value: c.clone(),
                reason: expected.into(),
            });
        }
        ok
    });
}
