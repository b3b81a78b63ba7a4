//! The other ways into the import (a table pasted on /about, the overview's dataset picker), what comes
//! out of it (the Bridges JSON, the saved mapping and loading it again), and hostile text files that
//! still read (UTF-16, GBK, a 1 MB cell, 16,384 columns).

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{key::Key, Client, Locator};
use serde_json::Value;

use super::{click, fixture, mapped, to_overview};
use crate::common::*;

/// What a spreadsheet program puts on the clipboard: tab-separated rows. No id column; a recipient
/// named in Chinese; one amount left empty.
const PASTED_TSV: &str = "Title\tRecipient\tYear\tAmount (USD)\n\
    Solar pumps\tKenya\t2020\t1000\n\
    Rural school\t老挝\t2021\t\n\
    Feeder road\tPeru\t2019\t500\n";

/// Records the Blobs the page offers as downloads and stops the downloads themselves.
const CAPTURE_DOWNLOADS: &str = r#"
window.__blobs = [];
window.__downloads = [];
const create = URL.createObjectURL.bind(URL);
URL.createObjectURL = b => { window.__blobs.push(b); return create(b); };
HTMLAnchorElement.prototype.click = function () { window.__downloads.push(this.download); };
return 0;
"#;

/// The last download offered: its file name and its text.
async fn last_download(c: &Client) -> (String, String) {
    for _ in 0..50 {
        if eval(c, "return window.__blobs.length").await != 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let name = eval(
        c,
        "return window.__downloads[window.__downloads.length - 1]",
    )
    .await;
    let text = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.__blobs[window.__blobs.length - 1].text().then(done);",
            vec![],
        )
        .await
        .expect("blob read");
    (
        name.as_str().unwrap_or_default().to_string(),
        text.as_str().unwrap_or_default().to_string(),
    )
}

/// Presses a key, as the keyboard does (to whatever has the focus).
async fn press(c: &Client, key: Key) {
    let k: char = key.into();
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: k })
        .then(KeyAction::Up { value: k });
    c.perform_actions(actions).await.expect("key press");
    tokio::time::sleep(Duration::from_millis(30)).await;
}

/// Waits for `[data-testid="sheet-error"]` to say `want`.
async fn sheet_error(c: &Client, want: &str) -> String {
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
    text
}

/// A table pasted into the box (as a paste inserts it, tabs included) is read from the keyboard alone:
/// Tab from the box to its button, Enter. Its columns are proposed like a file's and it loads.
#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_table_is_read_with_the_keyboard() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/about")).await.unwrap();
    wait_for(&c, "article.about table").await;

    // Nothing pasted: a message, not a read.
    click(&c, "[data-testid=\"paste-read\"]").await;
    let text = sheet_error(&c, "Nothing has been pasted").await;
    assert!(text.contains("Nothing has been pasted"), "{text:?}");

    let area = wait_for(&c, "textarea[data-testid=\"paste-spreadsheet\"]").await;
    area.click().await.unwrap();
    // insertText is what a paste does to the box (a synthetic paste event would not insert anything).
    let inserted = c
        .execute(
            "const a = document.querySelector('textarea[data-testid=\"paste-spreadsheet\"]'); a.focus(); \
             return document.execCommand('insertText', false, arguments[0]) && a.value === arguments[0];",
            vec![Value::from(PASTED_TSV)],
        )
        .await
        .unwrap();
    assert_eq!(inserted, Value::Bool(true));
    press(&c, Key::Tab).await;
    assert_eq!(
        eval(&c, "return document.activeElement.dataset.testid").await,
        Value::from("paste-read"),
        "Tab goes from the box to its button"
    );
    press(&c, Key::Enter).await;
    let mapper = wait_for(&c, "[data-testid=\"column-mapper\"]").await;
    assert_eq!(
        mapper
            .find_all(Locator::Css("select[data-column]"))
            .await
            .unwrap()
            .len(),
        4
    );
    for (header, field) in [
        ("Title", "title"),
        ("Recipient", "recipients"),
        ("Year", "commitment_year"),
        ("Amount (USD)", "amount"),
    ] {
        assert_eq!(mapped(&c, header).await, Value::from(field), "{header}");
    }
    assert!(
        mapper.text().await.unwrap().contains("row number"),
        "without an id column the mapper says ids are row numbers"
    );
    click(&c, "[data-testid=\"mapping-apply\"]").await;
    let about = text_at(&c, "[data-testid=\"custom-data-about\"]").await;
    assert!(about.contains("pasted-table (spreadsheet)"), "{about}");
    to_overview(&c).await;
    wait_count(&c, 3).await;
    assert_eq!(data_value(&c, "amount-total").await, "1500");
    assert_eq!(data_value(&c, "amount-unknown").await, "1");

    // A CSV typed (or pasted from a text editor): commas, no tab, read as CSV.
    click(&c, "a[href$=\"/about\"]").await;
    let area = wait_for(&c, "textarea[data-testid=\"paste-spreadsheet\"]").await;
    area.send_keys("Title,Recipient\n\"Clinic, rural\",Kenya\nWells,Mali\n")
        .await
        .unwrap();
    click(&c, "[data-testid=\"paste-read\"]").await;
    wait_for(&c, "[data-testid=\"column-mapper\"]").await;
    assert_eq!(mapped(&c, "Recipient").await, Value::from("recipients"));
    let samples = text_at(&c, "[data-testid=\"column-mapper\"]").await;
    assert!(samples.contains("Clinic, rural"), "{samples}");
    assert_no_errors(&c, "after pasted tables").await;
    c.close().await.unwrap();
}

/// The overview's dataset picker has the same import beside it. Loading a sheet there replaces the data
/// the overview shows while the import's downloads stay: the Bridges JSON records the file and the
/// mapping; the saved mapping loads back into the mapper, and one naming a missing column is refused.
#[tokio::test(flavor = "multi_thread")]
async fn the_dataset_picker_opens_a_spreadsheet_and_its_downloads_record_the_mapping() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    c.goto(&format!("{app}/")).await.unwrap();
    wait_for(&c, "[data-testid=\"dataset-picker\"]").await;
    click(&c, "[data-testid=\"picker-spreadsheet\"] > summary").await;
    let input = wait_for(
        &c,
        "[data-testid=\"picker-spreadsheet\"] input[data-testid=\"open-spreadsheet\"]",
    )
    .await;
    input
        .send_keys(&fixture("sheets/partner-projects.csv").to_string_lossy())
        .await
        .unwrap();
    wait_for(&c, "[data-testid=\"column-mapper\"]").await;
    eval(&c, CAPTURE_DOWNLOADS).await;

    // The saved mapping: version 1, each column by its header.
    click(&c, "[data-testid=\"save-mapping\"]").await;
    let (name, text) = last_download(&c).await;
    assert_eq!(name, "partner-projects.mapping.json");
    let mut saved: Value = serde_json::from_str(&text).expect("mapping JSON");
    assert_eq!(saved["version"], 1);
    let year = saved["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["header"] == "Year")
        .expect("Year in the mapping");
    assert_eq!(saved["columns"][year]["field"], "commitment_year");

    // Loaded back with one change (Year not read): the mapper follows it.
    let dir = repo().join("target/e2e-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    saved["columns"][year]["field"] = Value::Null;
    let edited = dir.join("edited.mapping.json");
    std::fs::write(&edited, saved.to_string()).unwrap();
    wait_for(&c, "input[data-testid=\"load-mapping\"]")
        .await
        .send_keys(&edited.canonicalize().unwrap().to_string_lossy())
        .await
        .unwrap();
    for _ in 0..50 {
        if mapped(&c, "Year").await == "" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(mapped(&c, "Year").await, Value::from(""));
    assert_eq!(mapped(&c, "Title").await, Value::from("title"));

    // A mapping that reads a column this sheet lacks is refused, by the column's name.
    let mut other = saved.clone();
    other["columns"][year]["header"] = Value::from("Fiscal year");
    other["columns"][year]["field"] = Value::from("commitment_year");
    let other_path = dir.join("other.mapping.json");
    std::fs::write(&other_path, other.to_string()).unwrap();
    wait_for(&c, "input[data-testid=\"load-mapping\"]")
        .await
        .send_keys(&other_path.canonicalize().unwrap().to_string_lossy())
        .await
        .unwrap();
    let text = sheet_error(&c, "Fiscal year").await;
    assert!(text.contains("has no column “Fiscal year”"), "{text:?}");

    // Loaded on the overview itself: its headline now counts the sheet, and the import's view stays.
    click(&c, "[data-testid=\"mapping-apply\"]").await;
    wait_count(&c, 7).await;
    assert_eq!(data_value(&c, "amount-total").await, "18200000");
    let banner = text_at(&c, "[data-testid=\"custom-data-banner\"]").await;
    assert!(banner.contains("partner-projects.csv"), "{banner}");
    click(&c, "[data-testid=\"download-bridges-json\"]").await;
    let (name, text) = last_download(&c).await;
    assert_eq!(name, "partner-projects.bridges.json");
    let json: Value = serde_json::from_str(&text).expect("Bridges JSON");
    assert_eq!(
        json["schema"], "bridges/2",
        "the current schema (issue #17)"
    );
    assert!(
        json["generated_by"]
            .as_str()
            .unwrap()
            .starts_with("bridges-sheets "),
        "{}",
        json["generated_by"]
    );
    assert_eq!(json["projects"].as_array().unwrap().len(), 7);
    // The mapping as loaded (Year not read), recorded beside the file it read.
    let by = json["meta"]["generated_by"].as_str().unwrap();
    assert!(by.contains("partner-projects.csv"), "{by}");
    assert!(
        by.contains(r#"{"header":"Recipient","field":"recipients"}"#)
            && by.contains(r#"{"header":"Year","field":null}"#),
        "{by}"
    );
    assert!(json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["years"]["commitment"].is_null()));
    assert_no_errors(&c, "after importing from the dataset picker").await;
    c.close().await.unwrap();
}

/// A CSV saved by Chinese Excel (GBK): "项目名称,受援国,年份" and two rows.
const GBK_CSV: &[u8] =
    b"\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,\xca\xdc\xd4\xae\xb9\xfa,\xc4\xea\xb7\xdd\n\
\xcc\xab\xd1\xf4\xc4\xdc\xb5\xe7\xd5\xbe,\xbf\xcf\xc4\xe1\xd1\xc7,2019\n\
\xcf\xe7\xb4\xe5\xb5\xc0\xc2\xb7,\xc0\xcf\xce\xce,2020\n";

/// Hostile text files that are still tables: UTF-16 (with its BOM) and GBK are decoded, a 1 MB cell
/// is cut at Excel's limit and listed among the problems by its sheet row and column, 16,384 columns
/// are cut to 512 with one problem. Each reads to the mapper, loads, and logs no error.
#[tokio::test(flavor = "multi_thread")]
async fn hostile_text_files_read_with_located_problems() {
    let driver = chromedriver();
    let app = serve_dist("/", "BRIDGES_DIST", "dist");
    let c = browser(&driver, 1280, 900).await;
    let dir = repo().join("target/e2e-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    let utf16: Vec<u8> = "\u{feff}Title,Recipient\nSolar pumps,Kenya\nFeeder road,Peru\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let big_cell = format!(
        "Title,Recipient\n{},Kenya\nFeeder road,Peru\n",
        "x".repeat(1 << 20)
    );
    let wide = {
        let header: Vec<String> = (0..16_384).map(|i| format!("C{i}")).collect();
        let mut row: Vec<String> = (0..16_384).map(|i| i.to_string()).collect();
        row[0] = "Clinic".into();
        format!("Title,{}\n{}\n", header[1..].join(","), row.join(","))
    };
    // (file, bytes, a header the mapper must show, a problem the import must list)
    let cases: [(&str, Vec<u8>, &str, Option<&str>); 4] = [
        ("utf16.csv", utf16, "Recipient", None),
        ("gbk.csv", GBK_CSV.to_vec(), "受援国", None),
        (
            "megabyte-cell.csv",
            big_cell.into_bytes(),
            "Title",
            Some("1048576 characters, cut to 32767"),
        ),
        (
            "16384-columns.csv",
            wide.into_bytes(),
            "Title",
            Some("16384 columns, only 512 read"),
        ),
    ];
    for (name, bytes, header, problem) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        c.goto(&format!("{app}/about")).await.unwrap();
        wait_for(&c, "article.about table").await;
        wait_for(&c, "input[data-testid=\"open-spreadsheet\"]")
            .await
            .send_keys(&path.canonicalize().unwrap().to_string_lossy())
            .await
            .unwrap();
        wait_for(&c, "[data-testid=\"column-mapper\"]").await;
        assert!(mapped(&c, header).await.is_string(), "{name}: {header}");
        if name == "gbk.csv" {
            assert_eq!(mapped(&c, "项目名称").await, Value::from("title"));
            assert_eq!(mapped(&c, "受援国").await, Value::from("recipients"));
            let text = text_at(&c, "[data-testid=\"column-mapper\"]").await;
            assert!(text.contains("太阳能电站"), "GBK decoded: {text}");
        }
        click(&c, "[data-testid=\"mapping-apply\"]").await;
        wait_for(&c, "[data-testid=\"custom-data-about\"]").await;
        if let Some(problem) = problem {
            let issues = text_at(&c, "[data-testid=\"data-issues\"]").await;
            assert!(issues.contains(problem), "{name}: {issues}");
        }
        assert_no_errors(&c, name).await;
    }
    c.close().await.unwrap();
}
