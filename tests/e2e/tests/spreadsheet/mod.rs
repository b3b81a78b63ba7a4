//! Bring your spreadsheet (issue #17), end to end: a file chosen on /about is read in the browser, its
//! columns mapped (the proposal checked, then accepted), and the result becomes the dataset every page
//! shows. Hostile files give a message, never a panic. The other ways in (a pasted table, the overview's
//! dataset picker) and the downloads are in `entry.rs`.

mod entry;

use std::time::Duration;

use crate::common::*;
use fantoccini::{Client, Locator};
use serde_json::Value;

/// The value of the mapper's select for column `header`.
async fn mapped(c: &Client, header: &str) -> Value {
    let js = format!(
        "const s = [...document.querySelectorAll('[data-testid=\"column-mapper\"] select[data-column]')]\
           .find(s => s.dataset.column === {}); return s ? s.value : null;",
        serde_json::to_string(header).unwrap()
    );
    eval(c, &js).await
}

async fn click(c: &Client, css: &str) {
    wait_for(c, css).await.click().await.expect("clicked");
}

/// Goes to the overview through the main navigation (a reload would drop the imported data, as it
/// drops an opened file).
async fn to_overview(c: &Client) {
    click(c, ".site-menu nav li:first-child a").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_is_mapped_checked_and_loaded() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/about")).await.unwrap();
    // The built-in data first, so that the import visibly replaces it.
    wait_for(&c, "article.about table").await;
    choose_file(&c, &fixture("sheets/partner-projects.csv")).await;
    let mapper = wait_for(&c, "[data-testid=\"column-mapper\"]").await;

    // One select per column, the proposal chosen in each.
    let selects = mapper
        .find_all(Locator::Css("select[data-column]"))
        .await
        .unwrap();
    assert_eq!(selects.len(), 7);
    for (header, field) in [
        ("Project ID", "id"),
        ("Title", "title"),
        ("Recipient", "recipients"),
        ("Sector code", "sector_code"),
        ("Year", "commitment_year"),
        ("Amount (USD)", "amount"),
        ("Status", "status"),
    ] {
        assert_eq!(mapped(&c, header).await, Value::from(field), "{header}");
    }
    // At most five sample values per column; every control has a label.
    let most_samples = eval(
        &c,
        "return Math.max(...[...document.querySelectorAll('.mapper-samples')].map(u => u.children.length))",
    )
    .await;
    assert_eq!(most_samples, Value::from(5));
    let unlabelled = eval(
        &c,
        "return [...document.querySelectorAll('[data-testid=\"spreadsheet\"] select, [data-testid=\"spreadsheet\"] input')]\
           .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.outerHTML.slice(0, 80))",
    )
    .await;
    assert_eq!(unlabelled, Value::Array(vec![]));
    assert_eq!(
        eval(&c, "return document.getElementById('map-currency').value").await,
        Value::from("USD")
    );

    click(&c, "[data-testid=\"mapping-apply\"]").await;
    let about = text_at(&c, "[data-testid=\"custom-data-about\"]").await;
    assert!(
        about.contains("partner-projects.csv (spreadsheet)"),
        "{about}"
    );
    // The sheet's problems, located by sheet row and column: row 7 has no title (skipped), "Keyna" in
    // row 6 is no country.
    let issues = wait_for(&c, "[data-testid=\"data-issues\"]").await;
    assert_eq!(attr(&issues, "data-count").await, "2");
    let table = issues.text().await.unwrap();
    assert!(
        table.contains("Keyna") && table.contains("Recipient"),
        "{table}"
    );
    assert!(
        wait_for(&c, "[data-testid=\"data-issues\"] tr[data-record=\"6\"]")
            .await
            .text()
            .await
            .unwrap()
            .contains("no title"),
        "row 7 is record 6 (zero-based)"
    );

    to_overview(&c).await;
    wait_count(&c, 7).await;
    assert_eq!(data_value(&c, "amount-total").await, "18200000");
    assert_eq!(data_value(&c, "amount-unknown").await, "1");
    let banner = text_at(&c, "[data-testid=\"custom-data-banner\"]").await;
    assert!(banner.contains("partner-projects.csv"), "{banner}");
    assert_no_errors(&c, "after importing a CSV").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workbook_asks_for_its_sheet_then_maps_chinese_headers() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/about?lang=zh")).await.unwrap();
    choose_file(&c, &fixture("sheets/made-by-test.xlsx")).await;
    let select = wait_for(&c, "[data-testid=\"sheet-select\"]").await;
    let options = select.find_all(Locator::Css("option")).await.unwrap();
    assert_eq!(options.len(), 2);
    click(&c, "[data-testid=\"sheet-read\"]").await;
    wait_for(&c, "[data-testid=\"column-mapper\"]").await;
    assert_eq!(mapped(&c, "项目名称").await, Value::from("title"));
    assert_eq!(mapped(&c, "受援国").await, Value::from("recipients"));
    assert_eq!(
        mapped(&c, "Amount (USD millions)").await,
        Value::from("amount")
    );
    // The mapper speaks the page's language.
    let button = text_at(&c, "[data-testid=\"mapping-apply\"]").await;
    assert_eq!(button, "载入这些项目");
    click(&c, "[data-testid=\"mapping-apply\"]").await;
    wait_for(&c, "[data-testid=\"custom-data-about\"]").await;
    to_overview(&c).await;
    wait_count(&c, 3).await;
    assert_no_errors(&c, "after importing an xlsx").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_files_give_a_message_not_a_panic() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/about")).await.unwrap();
    let dir = repo().join("target/e2e-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "corrupt.xlsx",
            b"PK\x03\x04 this is not a zip at all",
            "not a readable XLSX file",
        ),
        ("empty.csv", b"", "The file is empty"),
        ("header-only.csv", b"Title,Recipient\n", "no rows below it"),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        choose_file(&c, &path.canonicalize().unwrap()).await;
        let mut text = String::new();
        for _ in 0..100 {
            if let Ok(e) = c.find(Locator::Css("[data-testid=\"sheet-error\"]")).await {
                text = e.text().await.unwrap_or_default();
                if text.contains(want) {
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(text.contains(want), "{name}: {text:?}");
    }
    assert_no_errors(&c, "after hostile spreadsheets").await;
    c.close().await.unwrap();
}

/// The round trip of issue #17: the built-in data in the app's own "Download CSV" format, imported with
/// the proposed mapping unchanged, gives the same headline figures.
#[tokio::test(flavor = "multi_thread")]
async fn the_apps_own_csv_round_trips() {
    let read = |rel: &str| std::fs::read_to_string(repo().join(rel)).expect("file");
    let reference = bridges_core::reference::parse_reference(
        "reference.json",
        &read("public/data/reference.json"),
    )
    .expect("reference");
    let loaded = bridges_core::parse_dataset(
        "projects.json",
        &read("public/data/projects.json"),
        &reference,
    )
    .expect("dataset");
    let rows: Vec<u32> = (0..loaded.dataset.projects.len() as u32).collect();
    let csv = bridges_core::export::csv(&loaded.dataset, &rows, &reference, "");
    let dir = repo().join("target/e2e-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bridges-export.csv");
    std::fs::write(&path, csv).unwrap();

    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/")).await.unwrap();
    let before = [
        data_value(&c, "project-count").await,
        data_value(&c, "amount-total").await,
        data_value(&c, "amount-unknown").await,
    ];
    click(&c, "a[href$=\"/about\"]").await;
    choose_file(&c, &path.canonicalize().unwrap()).await;
    wait_for(&c, "[data-testid=\"column-mapper\"]").await;
    click(&c, "[data-testid=\"mapping-apply\"]").await;
    let about = text_at(&c, "[data-testid=\"custom-data-about\"]").await;
    assert!(about.contains("bridges-export.csv"), "{about}");
    to_overview(&c).await;
    wait_count(&c, before[0].parse().unwrap()).await;
    let after = [
        data_value(&c, "project-count").await,
        data_value(&c, "amount-total").await,
        data_value(&c, "amount-unknown").await,
    ];
    assert_eq!(before, after);
    assert_no_errors(&c, "after the round trip").await;
    c.close().await.unwrap();
}

/// Screenshots of the mapper to look at (not a test): `cargo test -p bridges-e2e --test e2e --
/// --ignored screenshots` writes `target/screens/sheets-{en,zh}-{390,1280}-{picker,paste,columns,conventions}.png`.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn screenshots() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let dir = repo().join("target/screens");
    std::fs::create_dir_all(&dir).unwrap();
    for (w, h) in [(390, 844), (1280, 800)] {
        for lang in ["en", "zh"] {
            let c = browser(&driver, w, h).await;
            // The overview's way in, opened.
            c.goto(&format!("{app}/?lang={lang}")).await.unwrap();
            click(&c, "[data-testid=\"picker-spreadsheet\"] > summary").await;
            eval(
                &c,
                "document.querySelector('[data-testid=\"picker-spreadsheet\"]').scrollIntoView(); return 0",
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let png = c.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("sheets-{lang}-{w}-picker.png")), png).unwrap();
            c.goto(&format!("{app}/about?lang={lang}")).await.unwrap();
            // The file input and the paste box, a table pasted.
            wait_for(&c, "[data-testid=\"paste-spreadsheet\"]").await;
            c.execute(
                "const a = document.querySelector('[data-testid=\"paste-spreadsheet\"]'); a.focus(); \
                 document.execCommand('insertText', false, 'Title\\tRecipient\\tYear\\nSolar pumps\\tKenya\\t2020\\n'); \
                 document.querySelector('.open-spreadsheet').scrollIntoView(); return 0",
                vec![],
            )
            .await
            .unwrap();
            tokio::time::sleep(Duration::from_millis(300)).await;
            let png = c.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("sheets-{lang}-{w}-paste.png")), png).unwrap();
            choose_file(&c, &fixture("sheets/partner-projects.csv")).await;
            wait_for(&c, "[data-testid=\"column-mapper\"]").await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            for (part, css) in [
                ("columns", "[data-testid=\"column-mapper\"]"),
                ("conventions", ".mapper-conventions"),
            ] {
                eval(
                    &c,
                    &format!("document.querySelector('{css}').scrollIntoView(); return 0"),
                )
                .await;
                tokio::time::sleep(Duration::from_millis(200)).await;
                let png = c.screenshot().await.unwrap();
                std::fs::write(dir.join(format!("sheets-{lang}-{w}-{part}.png")), png).unwrap();
            }
            c.close().await.unwrap();
        }
    }
}

/// Records, in the page, when a spreadsheet is chosen and when the mapper shows, when "Load these projects"
/// is pressed and when the imported data is shown, and every long task (over 50 ms) meanwhile.
const TIMING: &str = r#"
window.__sheet = { lt: [] };
new PerformanceObserver(l => { for (const e of l.getEntries()) window.__sheet.lt.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask' });
document.addEventListener('change', e => { if (e.target.dataset.testid === 'open-spreadsheet') window.__sheet.chosen = performance.now(); }, true);
document.addEventListener('click', e => { if (e.target.closest('[data-testid="mapping-apply"]')) window.__sheet.apply = performance.now(); }, true);
new MutationObserver(() => {
  const s = window.__sheet;
  if (!s.mapper && document.querySelector('[data-testid="column-mapper"]')) s.mapper = performance.now();
  if (s.apply && !s.shown && document.querySelector('[data-testid="custom-data-about"]')) s.shown = performance.now();
}).observe(document.body, { childList: true, subtree: true });
return 0;
"#;

/// The browser's figures for the README: a 50,000-row CSV and .xlsx (written by
/// `BRIDGES_BIG_SHEETS=target/generated cargo test --release -p bridges-sheets --test timing -- --ignored`),
/// opened, mapped with the proposal and loaded. Prints the time from choosing the file to the mapper, from
/// "Load" to the data shown, the longest main-thread task of each, and the wasm memory after.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn fifty_thousand_rows_in_the_browser() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    for name in ["big.csv", "big.xlsx"] {
        let path = repo().join("target/generated").join(name);
        let path = path
            .canonicalize()
            .unwrap_or_else(|_| panic!("{}: write it first (see above)", path.display()));
        let c = browser(&driver, 1280, 900).await;
        c.goto(&format!("{app}/about")).await.unwrap();
        wait_for(&c, "article.about table").await;
        eval(&c, TIMING).await;
        choose_file(&c, &path).await;
        let mapper = c
            .wait()
            .at_most(Duration::from_secs(120))
            .for_element(Locator::Css("[data-testid=\"column-mapper\"]"))
            .await;
        assert!(mapper.is_ok(), "{name}: no mapper");
        click(&c, "[data-testid=\"mapping-apply\"]").await;
        let shown = c
            .wait()
            .at_most(Duration::from_secs(120))
            .for_element(Locator::Css("[data-testid=\"custom-data-about\"]"))
            .await;
        assert!(shown.is_ok(), "{name}: not loaded");
        tokio::time::sleep(Duration::from_millis(500)).await;
        let s = eval(
            &c,
            "const s = window.__sheet; \
             const longest = (a, b) => Math.max(0, ...s.lt.filter(([t, d]) => t + d > a && t < b).map(([, d]) => d)); \
             return { to_mapper: s.mapper - s.chosen, longest_read: longest(s.chosen, s.mapper), \
               to_shown: s.shown - s.apply, longest_import: longest(s.apply, s.shown), \
               wasm_memory_mb: (window.__bridgesLoad || {}).wasmMemoryBytes / 1048576 }",
        )
        .await;
        println!("{name}: {s}");
        c.close().await.unwrap();
    }
}

/// axe-core with every rule on, as `a11y.rs` runs it on every route (kept in step with that file).
const AXE: &str = r#"
const done = arguments[arguments.length - 1];
const run = () => axe.run(document, { rules: Object.fromEntries(axe.getRules().map(r => [r.ruleId, { enabled: true }])) })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
  .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
if (window.axe) run();
else {
  const s = document.createElement('script');
  s.src = '/vendor/axe-core/axe.min.js';
  s.onload = run;
  s.onerror = () => done([{ id: 'axe-missing', help: 'axe-core not found: scripts/setup --test installs it', nodes: [] }]);
  document.head.appendChild(s);
}
"#;

/// The mapper, the sheet choice and an error, scanned by axe at desktop and phone widths in both
/// languages: zero violations.
#[tokio::test(flavor = "multi_thread")]
async fn the_mapper_passes_axe() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let dir = repo().join("target/e2e-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("axe-empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let mut failures = Vec::new();
    for (w, h) in [(1280, 900), (390, 844)] {
        for lang in ["en", "zh"] {
            let c = browser(&driver, w, h).await;
            script_timeout(&c, 60).await;
            for (file, ready) in [
                (
                    fixture("sheets/partner-projects.csv"),
                    "[data-testid=\"column-mapper\"]",
                ),
                (
                    fixture("sheets/made-by-test.xlsx"),
                    "[data-testid=\"sheet-choice\"]",
                ),
                (
                    empty.canonicalize().unwrap(),
                    "[data-testid=\"sheet-error\"]",
                ),
            ] {
                c.goto(&format!("{app}/about?lang={lang}")).await.unwrap();
                choose_file(&c, &file).await;
                wait_for(&c, ready).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let v: Value = c.execute_async(AXE, vec![]).await.unwrap();
                for violation in v.as_array().unwrap() {
                    failures.push(format!("{w}px {lang} {}: {violation}", file.display()));
                }
            }
            c.close().await.unwrap();
        }
    }
    assert!(
        failures.is_empty(),
        "{} axe violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
