//! Every message the validator and the URL codec produce on the hostile corpus, the fixtures and a
//! set of bad links has a Chinese translation (core/src/i18n/messages.rs).

use std::path::PathBuf;

use bridges_core::i18n::{messages::message, Lang};
use bridges_core::issue::LoadError;
use bridges_core::parse_dataset;
use bridges_core::reference::parse_reference;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check(what: &str, text: &str, missing: &mut Vec<String>) {
    if message(Lang::Zh, text).is_none() {
        missing.push(format!("{what}: {text:?}"));
    }
}

#[test]
fn every_validation_and_url_message_is_translated() {
    let reference = parse_reference(
        "reference.json",
        &std::fs::read_to_string(root().join("public/data/reference.json")).unwrap(),
    )
    .unwrap();
    let mut missing = Vec::new();
    let mut seen = 0;
    for dir in ["tests/hostile", "tests/fixtures"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            match parse_dataset(&name, &String::from_utf8_lossy(&bytes), &reference) {
                Ok(loaded) => {
                    for i in &loaded.issues {
                        seen += 1;
                        // What was expected is typed (`Expected`), rendered in both languages by the
                        // core; what was found is described in English and translated.
                        if let Some(found) = &i.found {
                            check(&name, found, &mut missing);
                        }
                    }
                }
                Err(LoadError::Shape {
                    expected, found, ..
                }) => {
                    seen += 1;
                    check(&name, &expected, &mut missing);
                    check(&name, &found, &mut missing);
                }
                Err(_) => {}
            }
        }
    }
    for entry in std::fs::read_dir(root().join("tests/hostile/stories")).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let name = path.display().to_string();
        let (issues, error) = match bridges_core::story::parse_story("story", &text) {
            Ok((_, issues)) => (issues, None),
            Err(e) => (e.issues.clone(), Some(e)),
        };
        for i in issues {
            seen += 1;
            check(&name, &i.expected, &mut missing);
            check(&name, &i.found, &mut missing);
        }
        if let Some(e) = error {
            seen += 1;
            check(&name, &e.expected, &mut missing);
            // A parser's own message (not JSON) is shown as code, untranslated.
            if e.kind != bridges_core::story::StoryErrorKind::NotJson {
                check(&name, &e.found, &mut missing);
            }
        }
    }
    let links = [
        "country=xx~AGO&region=9&income=Q&sector=5&sdg=99&status=done&flow=gift&provider=c",
        "from=abc&to=3000&min=-1&max=lots&measure=sum&stack=year&sort=size&page=0",
        "zoom=99&lon=500&lat=-100&layer=rivers&lang=fr&theme=neon&what=ever",
    ];
    for q in links {
        for n in bridges_core::query::parse(q).1 {
            seen += 1;
            check(q, &n.reason, &mut missing);
        }
    }
    assert!(seen > 60, "only {seen} messages seen");
    assert!(
        missing.is_empty(),
        "{} without a translation:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
