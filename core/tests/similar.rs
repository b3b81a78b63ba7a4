//! Similar projects and linked records on the real built-in data (AidData GCDF 3.0).

use std::path::PathBuf;
use std::sync::OnceLock;

use bridges_core::columns::Columns;
use bridges_core::reference::parse_reference;
use bridges_core::similar::{self, Reason, SimilarIndex, Weights};
use bridges_core::{parse_dataset, Dataset};

struct Real {
    d: Dataset,
    cols: Columns,
    ix: SimilarIndex,
}

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn real() -> &'static Real {
    static REAL: OnceLock<Real> = OnceLock::new();
    REAL.get_or_init(|| {
        let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
        let d = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
            .unwrap()
            .dataset;
        let cols = Columns::build(&d, &r, "USD", "constant 2021");
        let ix = SimilarIndex::build(&d, &cols);
        Real { d, cols, ix }
    })
}

fn row(id: &str) -> u32 {
    real().d.projects.iter().position(|p| p.id == id).unwrap() as u32
}

fn show(id: &str) {
    let r = real();
    let s = similar::similar(&r.ix, &r.cols, row(id), 10, &Weights::default());
    let p = |row: u32| &r.d.projects[row as usize];
    println!(
        "\n== {} {:?} {}",
        id,
        p(row(id)).recipients,
        p(row(id)).title
    );
    for l in &s.linked {
        println!(
            "  link {:?} {} {}",
            l.direction,
            p(l.row).id,
            p(l.row).title
        );
    }
    println!("  missing {:?}", s.missing);
    for m in &s.similar {
        println!(
            "  {:.2} {} {:?} {}\n       {:?}",
            m.score,
            p(m.row).id,
            p(m.row).recipients,
            p(m.row).title,
            m.reasons
        );
    }
}

fn titles(ms: &[similar::Match]) -> Vec<String> {
    ms.iter()
        .map(|m| real().d.projects[m.row as usize].title.to_lowercase())
        .collect()
}

fn similar_to(id: &str) -> similar::Similar {
    let r = real();
    similar::similar(&r.ix, &r.cols, row(id), 10, &Weights::default())
}

#[test]
fn small_hydropower_finds_small_hydropower() {
    // 63507 "Mini Hydro Power Project in Ayeyarwady Region" (Myanmar): the only other mini hydropower
    // record elsewhere is 22211 "Charlotte Falls Mini Hydropower Project" (Sierra Leone).
    let s = similar_to("63507");
    assert_eq!(real().d.projects[s.similar[0].row as usize].id, "22211");
    assert!(s.similar[0].reasons.contains(&Reason::SameSector(230)));
    let Some(Reason::SharedWords(w)) = s.similar[0]
        .reasons
        .iter()
        .find(|r| matches!(r, Reason::SharedWords(_)))
    else {
        panic!("{:?}", s.similar[0].reasons)
    };
    assert_eq!(w, &["mini", "hydropower"]);
    // And the way back. the third small one (49940, Myanmar) is in the same country, so ranks lower
    // but is still among the ten.
    let back: Vec<&str> = similar_to("22211")
        .similar
        .iter()
        .map(|m| real().d.projects[m.row as usize].id.as_str())
        .collect();
    // Musonda Falls (Zambia) shares "falls" and "hydropower" and ranks above it: both rare words.
    assert!(back[..5].contains(&"63507"), "{back:?}");
    // Every one of the ten is a hydropower plant ("hydroelectric" and "hydro power" count).
    for t in titles(&similar_to("49940").similar) {
        assert!(t.contains("hydro"), "{t}");
    }
}

#[test]
fn hospitals_find_hospitals_elsewhere() {
    // 1267 Nairobi East District Hospital (Kenya): ten hospitals, none in Kenya, first a district one.
    let s = similar_to("1267");
    assert_eq!(s.similar.len(), 10);
    for (m, t) in s.similar.iter().zip(titles(&s.similar)) {
        assert!(t.contains("hospital"), "{t}");
        assert!(!real().d.projects[m.row as usize]
            .recipients
            .contains(&"KEN".to_string()));
        assert!(
            m.reasons.contains(&Reason::SameSector(120)),
            "{:?}",
            m.reasons
        );
    }
    assert!(titles(&s.similar)[0].contains("district hospital"));
    // 34174 anti-malaria centre at Kenyatta Hospital: anti-malaria centres elsewhere, Rwanda's first.
    let s = similar_to("34174");
    assert_eq!(real().d.projects[s.similar[0].row as usize].id, "34176");
    assert!(titles(&s.similar).iter().all(|t| t.contains("malaria")));
    // Schools for war orphans (Afghanistan): orphan schools first, then schools.
    let t = titles(&similar_to("34507").similar);
    assert!(t[0].contains("orphan") && t[1].contains("orphan"), "{t:?}");
    assert!(
        t.iter().filter(|t| t.contains("school")).count() >= 8,
        "{t:?}"
    );
}

#[test]
fn reasons_are_true_of_the_records() {
    let r = real();
    for id in ["1267", "63507", "34507", "43230", "36096"] {
        let q = &r.d.projects[row(id) as usize];
        for m in similar_to(id).similar {
            let p = &r.d.projects[m.row as usize];
            assert!(m.score > 0.0);
            for reason in &m.reasons {
                match reason {
                    Reason::SameSector(c) => {
                        assert_eq!(
                            (
                                q.sector.as_ref().unwrap().code,
                                p.sector.as_ref().unwrap().code
                            ),
                            (*c, *c)
                        )
                    }
                    Reason::SharedWords(ws) => {
                        assert!(!ws.is_empty() && ws.len() <= 4);
                        // Both titles use each word (folded, singular, hydro spellings as one).
                        for w in ws {
                            let w = if w == "hydropower" {
                                "hydro"
                            } else {
                                w.as_str()
                            };
                            let w = w.trim_end_matches('y');
                            assert!(
                                q.title.to_lowercase().contains(w)
                                    && p.title.to_lowercase().contains(w),
                                "{w}: {} / {}",
                                q.title,
                                p.title
                            );
                        }
                    }
                    Reason::SameCountry(c) => {
                        assert!(q.recipients.contains(c) && p.recipients.contains(c))
                    }
                    Reason::CloseYear(y) => {
                        assert_eq!(p.years.commitment, Some(*y));
                        assert!((q.years.commitment.unwrap() - y).abs() <= 2);
                    }
                    Reason::SimilarSize => assert!(q.amount.is_some() && p.amount.is_some()),
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn linked_records_come_first_and_missing_ids_are_listed() {
    let r = real();
    let id = |row: u32| r.d.projects[row as usize].id.as_str();
    // "(linked to #60169)" and 60169's own note links back: listed once, as this record's link.
    let s = similar_to("1267");
    assert_eq!(s.linked.len(), 1);
    assert_eq!(
        (id(s.linked[0].row), s.linked[0].direction),
        ("60169", similar::LinkDirection::LinksTo)
    );
    assert!(
        s.similar.iter().all(|m| id(m.row) != "60169"),
        "not repeated among the similar"
    );
    // 34507 names nothing; 38828's title says "(Linked to Project ID#34507)".
    let s = similar_to("34507");
    assert_eq!(
        (id(s.linked[0].row), s.linked[0].direction),
        ("38828", similar::LinkDirection::LinkedFrom)
    );
    // 49940 names #34448, which is not in the data.
    let s = similar_to("49940");
    assert!(s.linked.is_empty());
    assert_eq!(s.missing, ["34448"]);
}

#[test]
fn every_link_note_in_the_real_titles_is_read() {
    let r = real();
    let (mut notes, mut ids, mut missing) = (0, 0, 0);
    for (i, p) in r.d.projects.iter().enumerate() {
        let t = p.title.to_lowercase();
        let note = [
            "linked to",
            "linked with",
            "link to",
            "linked #",
            "linked project",
            "linked wth",
            "subproject of",
        ]
        .iter()
        .any(|n| t.contains(n));
        let links = r.ix.links(i as u32);
        let parsed = similar::parse_links(&p.title);
        if note {
            notes += 1;
            assert!(!parsed.is_empty(), "no id read from {:?}", p.title);
        }
        ids += parsed.iter().filter(|l| l.id != p.id).count();
        missing += links
            .iter()
            .filter(|l| matches!(l.target, similar::LinkTarget::Missing(_)))
            .count();
        for l in &parsed {
            assert!(
                l.id.bytes().all(|b| b.is_ascii_digit()),
                "{:?} from {:?}",
                l.id,
                p.title
            );
            assert!(p.title.contains(&l.id), "{:?}", p.title);
        }
    }
    println!("{notes} notes, {ids} ids, {missing} not in the data");
    // The geolocated release holds a subset of GCDF 3.0, so about a third of the named records are
    // elsewhere in the source: they are reported as missing, not dropped.
    assert_eq!((notes, ids, missing), (3561, 6478, 2288));
}

#[test]
fn like_these_elsewhere() {
    let r = real();
    // Health records in Kenya: like them, elsewhere, are health records outside Kenya.
    let kenya_health: Vec<u32> = (0..r.d.projects.len() as u32)
        .filter(|&i| {
            let p = &r.d.projects[i as usize];
            p.recipients == ["KEN"] && p.sector.as_ref().is_some_and(|s| s.code == 120)
        })
        .collect();
    assert_eq!(kenya_health.len(), 9);
    let ms = similar::like_these(&r.ix, &r.cols, &kenya_health, 10, &Weights::default());
    assert_eq!(ms.len(), 10);
    for m in &ms {
        let p = &r.d.projects[m.row as usize];
        assert!(!kenya_health.contains(&m.row));
        assert!(!p.recipients.contains(&"KEN".to_string()), "{}", p.title);
        assert!(
            m.reasons.contains(&Reason::SameSector(120)),
            "{:?}",
            m.reasons
        );
    }
    assert!(similar::like_these(&r.ix, &r.cols, &[], 10, &Weights::default()).is_empty());
}

#[test]
fn batched_build_equals_whole_build() {
    let r = real();
    let mut b = similar::IndexBuilder::new(&r.d, &r.cols);
    let mut steps = 0;
    while !b.step(777) {
        steps += 1;
        assert_eq!(b.rows_done(), steps * 777);
    }
    let ix = b.finish();
    let a = similar::similar(&ix, &r.cols, row("1267"), 10, &Weights::default());
    assert_eq!(a, similar_to("1267"));
    // A row past the end answers nothing, without panicking.
    let none = similar::similar(&ix, &r.cols, u32::MAX, 10, &Weights::default());
    assert!(none.linked.is_empty() && none.similar.is_empty());
}

#[test]
#[ignore]
fn print_links() {
    for p in &real().d.projects {
        let l = similar::parse_links(&p.title);
        if !l.is_empty() {
            println!(
                "{:?} <- {}",
                l.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
                p.title
            );
        }
    }
}

#[test]
#[ignore]
fn print_examples() {
    for id in ["49940", "63507", "1267", "36096", "34174", "34507", "43230"] {
        show(id);
    }
}
