use crate::query::{parse, to_query};

use super::*;

#[test]
fn clicks_select_add_and_clear() {
    let s = parse("").0;
    let s = select(&s, View::Sector, "120", false);
    assert_eq!(to_query(&s), "sector=120");
    let s2 = select(&s, View::Sector, "230", false);
    assert_eq!(to_query(&s2), "sector=230", "a plain click replaces");
    let s3 = select(&s, View::Sector, "230", true);
    assert_eq!(to_query(&s3), "sector=120~230", "shift-click adds");
    assert_eq!(
        to_query(&select(&s3, View::Sector, "120", true)),
        "sector=230",
        "and removes"
    );
    assert_eq!(
        to_query(&select(&s, View::Sector, "120", false)),
        "",
        "clicking the only selection clears it"
    );
    let y = select(&parse("page=4").0, View::Timeline, "2008", false);
    assert_eq!(
        to_query(&y),
        "from=2008&to=2008",
        "a filter change returns to page 1"
    );
    assert_eq!(
        to_query(&select(&y, View::Timeline, "2012", true)),
        "from=2008&to=2012"
    );
    assert_eq!(to_query(&select(&y, View::Timeline, "2008", false)), "");
    assert_eq!(
        to_query(&select(&y, View::Status, "completed", false)),
        "status=completed&from=2008&to=2008"
    );
}
