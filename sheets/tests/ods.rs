//! OpenDocument spreadsheets (LibreOffice, WPS): a hand-made .ods with two sheets, a date cell, a
//! formula with its saved value and Chinese text.

mod common;

use std::io::{Cursor, Write};

use bridges_sheets::{Field, SheetReader};

fn cell(v: &str) -> String {
    if let Some(d) = v.strip_prefix("date:") {
        format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#
        )
    } else if let Some(f) = v.strip_prefix("formula:") {
        let (formula, value) = f.split_once('=').expect("formula=value");
        format!(
            r#"<table:table-cell table:formula="of:={formula}" office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        )
    } else if v.parse::<f64>().is_ok() {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
        )
    } else {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    }
}

fn table(name: &str, rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            format!(
                "<table:table-row>{}</table:table-row>",
                r.iter().map(|v| cell(v)).collect::<String>()
            )
        })
        .collect();
    format!(r#"<table:table table:name="{name}">{rows}</table:table>"#)
}

fn ods() -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{}{}</office:spreadsheet></office:body></office:document-content>"#,
        table("说明", &[&["只是说明"]]),
        table(
            "项目",
            &[
                &["项目名称", "受援国", "开始日期", "金额", "金额 (2)"],
                &["医院", "KEN", "date:2020-03-15", "12", "formula:[.D2]*1=12"],
                &[
                    "学校",
                    "NPL",
                    "date:2021-09-01",
                    "3.5",
                    "formula:[.D3]*1=3.5"
                ],
            ]
        ),
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        z.start_file(name, opts).expect("zip entry");
        z.write_all(text.as_bytes()).expect("zip write");
    }
    z.finish().expect("zip").into_inner()
}

#[test]
fn ods_sheets_dates_and_formulas() {
    let mut r = SheetReader::open("projects.ods", ods(), &Default::default()).expect("opens");
    assert_eq!(r.sheets(), ["说明", "项目"]);
    r.choose_sheet(1).expect("sheet");
    let p = r.step(1).expect("parse step");
    assert_eq!((p.rows_read, p.total_rows, p.done), (0, Some(3), false));
    let sheet = r.finish().expect("reads");
    assert_eq!(
        sheet.headers,
        ["项目名称", "受援国", "开始日期", "金额", "金额 (2)"]
    );
    assert_eq!(sheet.rows[0].cells[2], "2020-03-15");
    assert_eq!(sheet.rows[1].cells[4], "3.5", "a formula's saved value");
    let env = common::env();
    let m = env.propose(&sheet).mapping;
    assert_eq!(m.field_of("开始日期"), Some(Field::StartDate));
    assert_eq!(m.field_of("金额"), Some(Field::Amount));
    let (_, loaded) = env.import(&sheet, &m);
    let d = &loaded.dataset.projects;
    assert_eq!(d[1].recipients, ["NPL"]);
    assert_eq!(d[1].amount.as_ref().map(|a| a.value), Some(3.5));
    assert_eq!(d[0].dates.start.as_deref(), Some("2020-03-15"));
}

#[test]
fn choosing_a_sheet_that_does_not_exist_is_an_error() {
    let mut r = SheetReader::open("projects.ods", ods(), &Default::default()).expect("opens");
    assert_eq!(
        r.choose_sheet(5),
        Err(bridges_sheets::SheetError::NoSuchSheet { index: 5, count: 2 })
    );
}
