//! Host unit tests of the similarity scoring, on small hand-made datasets over the real reference
//! tables (so that regions and income groups are the real ones).

use std::path::PathBuf;

use bridges_core::columns::Columns;
use bridges_core::reference::parse_reference;
use bridges_core::similar::{self, amount_band, AmountBand, Reason, SimilarIndex, Weights};
use bridges_core::{parse_dataset, Dataset};

fn load(projects: &str) -> (Dataset, Columns, SimilarIndex) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/data/reference.json");
    let r = parse_reference("reference.json", &std::fs::read_to_string(path).unwrap()).unwrap();
    let text =
        format!(r#"{{"schema":"bridges/1","meta":{{"title":"t"}},"projects":[{projects}]}}"#);
    let d = parse_dataset("t.json", &text, &r).unwrap().dataset;
    let cols = Columns::build(&d, &r, "USD", "constant 2021");
    let ix = SimilarIndex::build(&d, &cols);
    (d, cols, ix)
}

/// A record: id, title, recipient, sector, year, amount (`null` for unknown).
fn rec(id: &str, title: &str, country: &str, sector: u16, year: i32, amount: &str) -> String {
    let amount = if amount == "null" {
        "null".to_string()
    } else {
        format!(r#"{{"value":{amount},"currency":"USD","price_base":"constant 2021"}}"#)
    };
    format!(
        r#"{{"id":"{id}","title":"{title}","recipients":["{country}"],"providers":["CHN"],"sector":{{"code":{sector},"name":"s"}},"years":{{"commitment":{year}}},"amount":{amount}}}"#
    )
}

/// Filler records, so that the words compared are rare enough to count (BM25 idf).
fn filler(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            rec(
                &format!("f{i}"),
                &format!("Scholarship programme number {i} batch"),
                "PER",
                110,
                2001,
                "null",
            )
        })
        .collect()
}

fn ids(d: &Dataset, ms: &[similar::Match]) -> Vec<String> {
    ms.iter()
        .map(|m| d.projects[m.row as usize].id.clone())
        .collect()
}

fn run(records: Vec<String>, k: usize, w: &Weights) -> (Dataset, similar::Similar) {
    let (d, cols, ix) = load(&records.join(","));
    let s = similar::similar(&ix, &cols, 0, k, w);
    (d, s)
}

#[test]
fn shared_title_words_outrank_a_shared_sector_alone() {
    let mut r = vec![
        rec(
            "q",
            "Hydropower station on the Tana river",
            "KEN",
            230,
            2010,
            "1000000",
        ),
        rec(
            "words",
            "Hydropower station rehabilitation",
            "ZMB",
            140,
            2018,
            "null",
        ),
        rec("sector", "Coal power plant", "TZA", 230, 2010, "1000000"),
    ];
    r.extend(filler(30));
    let (d, s) = run(r, 10, &Weights::default());
    // The filler shares only the time: it is not chosen.
    assert_eq!(ids(&d, &s.similar), ["words", "sector"]);
    // Without shared words, the sector decides.
    let (d, s) = run(
        vec![
            rec("q", "Tana", "KEN", 230, 2010, "1000000"),
            rec("sector", "Coal", "TZA", 230, 2010, "1000000"),
            rec("other", "Schools", "TZA", 110, 2010, "1000000"),
        ],
        10,
        &Weights::default(),
    );
    assert_eq!(ids(&d, &s.similar), ["sector"]);
    let reasons = &s.similar[0].reasons;
    assert!(reasons.contains(&Reason::SameSector(230)));
    assert!(
        reasons.contains(&Reason::SameSubregion("202".into())),
        "{reasons:?}"
    );
    assert!(reasons.contains(&Reason::SimilarSize) && reasons.contains(&Reason::CloseYear(2010)));
}

#[test]
fn other_countries_come_before_the_same_country() {
    let mut r = vec![
        rec("q", "Maternity hospital", "KEN", 120, 2010, "null"),
        rec("same", "Maternity hospital", "KEN", 120, 2010, "null"),
        rec("else", "Maternity hospital", "UGA", 120, 2010, "null"),
    ];
    r.extend(filler(20));
    let (d, s) = run(r, 10, &Weights::default());
    assert_eq!(ids(&d, &s.similar), ["else", "same"]);
    assert!(s.similar[1]
        .reasons
        .contains(&Reason::SameCountry("KEN".into())));
    assert!(!s.similar[0]
        .reasons
        .iter()
        .any(|r| matches!(r, Reason::SameCountry(_))));
    let words = s.similar[0].reasons.iter().find_map(|r| match r {
        Reason::SharedWords(w) => Some(w.clone()),
        _ => None,
    });
    assert_eq!(words.unwrap(), ["hospital", "maternity"]);
    // With no penalty, the tie goes to the earlier row.
    let w = Weights {
        same_country: 1.0,
        ..Weights::default()
    };
    let (d, s) = run(
        vec![
            rec("q", "Maternity hospital", "KEN", 120, 2010, "null"),
            rec("same", "Maternity hospital", "KEN", 120, 2010, "null"),
            rec("else", "Maternity hospital", "UGA", 120, 2010, "null"),
        ],
        10,
        &w,
    );
    assert_eq!(ids(&d, &s.similar), ["same", "else"]);
}

#[test]
fn unknown_amounts_are_their_own_band_and_never_similar() {
    let mut r = vec![
        rec("q", "Stadium", "KEN", 160, 2010, "null"),
        rec("unknown", "Stadium", "UGA", 160, 2010, "null"),
        rec("tiny", "Stadium", "UGA", 160, 2010, "0"),
    ];
    r.extend(filler(20));
    let (d, cols, ix) = load(&r.join(","));
    assert_eq!(amount_band(&cols, 0), AmountBand::Unknown);
    assert_eq!(amount_band(&cols, 2), AmountBand::Known(0));
    let s = similar::similar(&ix, &cols, 0, 10, &Weights::default());
    for m in &s.similar {
        assert!(
            !m.reasons.contains(&Reason::SimilarSize),
            "{}",
            d.projects[m.row as usize].id
        );
    }
    // Known amounts within half a decade are similar; ten times larger is not.
    let (d, s) = run(
        vec![
            rec("q", "Stadium", "KEN", 160, 2010, "10000000"),
            rec("near", "Stadium", "UGA", 160, 2010, "20000000"),
            rec("far", "Stadium", "UGA", 160, 2010, "200000000"),
        ],
        10,
        &Weights::default(),
    );
    let size = |id: &str| {
        s.similar
            .iter()
            .find(|m| d.projects[m.row as usize].id == id)
            .unwrap()
            .reasons
            .contains(&Reason::SimilarSize)
    };
    assert!(size("near") && !size("far"));
}

#[test]
fn a_chinese_title_finds_english_records_through_the_glossary() {
    let mut r = vec![
        rec("q", "水电站", "KEN", 230, 2010, "null"),
        rec("en", "Small hydropower plant", "NPL", 230, 2012, "null"),
        rec("no", "Solar plant", "NPL", 230, 2012, "null"),
    ];
    r.extend(filler(20));
    let (d, s) = run(r, 10, &Weights::default());
    // The same-sector solar plant follows: it shares no word.
    assert_eq!(ids(&d, &s.similar), ["en", "no"]);
    assert!(s.similar[0]
        .reasons
        .contains(&Reason::SharedWords(vec!["hydropower".into()])));
}

#[test]
fn like_these_leaves_out_the_set_and_k_caps_the_answer() {
    let mut r: Vec<String> = (0..6)
        .map(|i| {
            rec(
                &format!("h{i}"),
                "Friendship hospital",
                ["KEN", "UGA", "TZA"][i % 3],
                120,
                2010,
                "null",
            )
        })
        .collect();
    r.extend(filler(20));
    let (d, cols, ix) = load(&r.join(","));
    let ms = similar::like_these(&ix, &cols, &[0, 1], 3, &Weights::default());
    assert_eq!(ms.len(), 3);
    assert!(ms.iter().all(|m| m.row >= 2 && m.row < 6));
    // TZA is outside the set's countries (KEN, UGA): it comes first.
    assert_eq!(d.projects[ms[0].row as usize].recipients, ["TZA"]);
    assert!(similar::similar(&ix, &cols, 0, 0, &Weights::default())
        .similar
        .is_empty());
}

#[test]
fn hostile_records_cost_linear_time() {
    // A title of thousands of ids and words, and thousands of agency names: the index and the actors
    // are built without quadratic work (this runs in well under a second even unoptimised).
    let ids: Vec<String> = (0..1_000).map(|i| format!("#{i}")).collect();
    let words: Vec<String> = (0..300).map(|i| format!("w{i}x")).collect();
    let title = format!("{} (Linked to {})", words.join(" "), ids.join(", "));
    let agencies: Vec<String> = (0..20_000)
        .map(|i| format!("\"Agency {} Co.\"", i % 5_000))
        .collect();
    let record = format!(
        r#"{{"id":"h","title":"{title}","recipients":["KEN"],"providers":["CHN"],"amount":null,"agencies":{{"funding":[{}]}}}}"#,
        agencies.join(",")
    );
    let t = std::time::Instant::now();
    let (d, cols, ix) = load(&[record, rec("1", "w1x", "UGA", 120, 2010, "null")].join(","));
    let actors = bridges_core::partners::Actors::build(&d, &cols);
    assert!(t.elapsed().as_secs() < 20);
    // (Titles are cut at 10,000 characters by the reader; this one fits.)
    assert_eq!(
        ix.links(0).len(),
        1_000,
        "one of them is in the data, the rest missing"
    );
    assert_eq!(actors.list.len(), 5_001);
    let s = similar::similar(&ix, &cols, 0, 10, &Weights::default());
    assert_eq!(s.missing.len(), 999);
}
