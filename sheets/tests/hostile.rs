//! Hostile sheets: each gives a typed, located error or issue, and nothing panics.

mod common;

use std::io::{Cursor, Write};

use bridges_sheets::read::{MAX_CELL_CHARS, MAX_COLUMNS};
use bridges_sheets::{Action, IssueKind, ReadOptions, SheetError, SheetReader};

fn read(name: &str, bytes: Vec<u8>) -> Result<bridges_sheets::Sheet, SheetError> {
    SheetReader::open(name, bytes, &ReadOptions::default())?.finish()
}

/// A minimal .xlsx written by hand, so that cells can be what no writer library makes: a formula
/// without a saved value, an error value.
fn xlsx(sheet_data: &str) -> Vec<u8> {
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#)),
    ];
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        z.start_file(name, opts).expect("zip entry");
        z.write_all(text.as_bytes()).expect("zip write");
    }
    z.finish().expect("zip").into_inner()
}

fn s(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn formula_without_saved_value_and_error_cells_are_located() {
    let data = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}<c r="B2"><f>SUM(X1:X9)</f></c><c r="C2" t="e"><v>#DIV/0!</v></c></row><row r="3">{}<c r="B3"><f>1+1</f><v>2</v></c>{}</row>"#,
        s("A1", "Title"),
        s("B1", "Amount"),
        s("C1", "Year"),
        s("A2", "Clinic"),
        s("A3", "School"),
        s("C3", "2020"),
    );
    let sheet = read("f.xlsx", xlsx(&data)).expect("reads");
    assert_eq!(
        sheet.rows[1].cells[1], "2",
        "a formula's saved value is read"
    );
    let f = sheet
        .issues
        .iter()
        .find(|i| matches!(i.kind, IssueKind::FormulaWithoutValue { .. }))
        .expect("formula issue");
    assert_eq!((f.row, f.column.as_deref()), (Some(2), Some("Amount")));
    assert_eq!(f.action, Action::ValueIgnored);
    let e = sheet
        .issues
        .iter()
        .find(|i| i.kind == IssueKind::ErrorValue)
        .expect("error issue");
    assert_eq!((e.row, e.value.as_deref()), (Some(2), Some("#DIV/0!")));
}

#[test]
fn a_sheet_starting_in_column_c_names_the_right_columns() {
    let data = format!(
        r#"<row r="2">{}{}</row><row r="3">{}<c r="D3"><f>1/0</f></c></row><row r="4">{}{}</row>"#,
        s("C2", "Title"),
        s("D2", "Amount"),
        s("C3", "Clinic"),
        s("C4", "School"),
        s("D4", "5"),
    );
    let sheet = read("c.xlsx", xlsx(&data)).expect("reads");
    assert_eq!(sheet.headers, ["Column A", "Column B", "Title", "Amount"]);
    assert_eq!(sheet.header_row, 2);
    let f = &sheet.issues[0];
    assert_eq!((f.row, f.column.as_deref()), (Some(3), Some("Amount")));
}

#[test]
fn a_megabyte_cell_is_cut_with_an_issue() {
    let big = "x".repeat(1 << 20);
    let csv = format!("title,description\nA,{big}\nB,short\n");
    let sheet = read("big.csv", csv.into_bytes()).expect("reads");
    assert_eq!(sheet.rows[0].cells[1].chars().count(), MAX_CELL_CHARS);
    let i = &sheet.issues[0];
    assert_eq!(
        i.kind,
        IssueKind::CellTooLong {
            chars: 1 << 20,
            kept: MAX_CELL_CHARS
        }
    );
    assert_eq!((i.row, i.column.as_deref()), (Some(2), Some("description")));
    assert!(
        i.value.as_ref().is_some_and(|v| v.len() < 200),
        "the issue quotes, not copies"
    );
}

#[test]
fn sixteen_thousand_columns_are_capped() {
    let header: Vec<String> = (0..16_384).map(|i| format!("c{i}")).collect();
    let row: Vec<String> = (0..16_384).map(|i| i.to_string()).collect();
    let csv = format!("{}\n{}\n", header.join(","), row.join(","));
    let sheet = read("wide.csv", csv.into_bytes()).expect("reads");
    assert_eq!(sheet.headers.len(), MAX_COLUMNS);
    assert_eq!(sheet.issues.len(), 1);
    assert_eq!(
        sheet.issues[0].kind,
        IssueKind::TooManyColumns {
            columns: 16_384,
            kept: MAX_COLUMNS
        }
    );
    assert_eq!(sheet.issues[0].action, Action::ColumnsDropped);
}

#[test]
fn empty_files_and_sheets_are_typed_errors() {
    assert_eq!(read("e.csv", Vec::new()).err(), Some(SheetError::EmptyFile));
    assert!(matches!(
        read("e.csv", b"\n\n , \n".to_vec()),
        Err(SheetError::EmptySheet { .. })
    ));
    assert!(matches!(
        read("e.csv", b"title,year\n".to_vec()),
        Err(SheetError::NoRows { .. })
    ));
    assert!(matches!(
        read("e.xlsx", xlsx("")),
        Err(SheetError::EmptySheet { .. })
    ));
    assert_eq!(
        SheetReader::pasted("  \n").err(),
        Some(SheetError::EmptyFile)
    );
}

#[test]
fn password_protected_workbook_is_named_as_such() {
    // An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream.
    let mut cfb = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    cfb.create_stream("/EncryptionInfo")
        .expect("stream")
        .write_all(&[4, 0, 4, 0])
        .expect("w");
    cfb.create_stream("/EncryptedPackage")
        .expect("stream")
        .write_all(&[0; 64])
        .expect("w");
    cfb.flush().expect("flush");
    let bytes = cfb.into_inner().into_inner();
    assert_eq!(
        read("secret.xlsx", bytes).err(),
        Some(SheetError::PasswordProtected)
    );
}

#[test]
fn corrupted_workbooks_are_errors_not_panics() {
    let good = xlsx(&format!(
        r#"<row r="1">{}</row><row r="2">{}</row>"#,
        s("A1", "Title"),
        s("A2", "x")
    ));
    assert!(read("ok.xlsx", good.clone()).is_ok());
    assert!(matches!(
        read("bad.xlsx", b"PK\x03\x04garbage".to_vec()),
        Err(SheetError::Corrupt { .. })
    ));
    assert!(matches!(
        read("bad.xlsx", b"just text".to_vec()),
        Err(SheetError::Corrupt { .. })
    ));
    assert!(matches!(
        read("bad.ods", b"PK\x03\x04garbage".to_vec()),
        Err(SheetError::Corrupt { .. })
    ));
    // Every truncation and a flipped byte at many places: an error or a sheet, never a panic.
    for cut in (0..good.len()).step_by(7) {
        let _ = read("cut.xlsx", good[..cut].to_vec());
        let mut flipped = good.clone();
        flipped[cut] ^= 0x5a;
        let _ = read("flip.xlsx", flipped);
    }
    let real = common::bytes("tests/fixtures/sheets/made-by-test.xlsx");
    for cut in (0..real.len()).step_by(97) {
        let _ = read("cut.xlsx", real[..cut].to_vec());
    }
}

#[test]
fn binary_data_named_csv_is_not_a_table() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0u8..=255).cycle().take(2_000));
    assert!(matches!(
        read("photo.csv", png),
        Err(SheetError::UnknownFormat { .. })
    ));
}

#[test]
fn a_broken_csv_quote_is_read_not_fatal() {
    // An unclosed quote swallows the rest of the file into one cell, as spreadsheets do.
    let sheet = read("q.csv", b"title,year\n\"open,2020\nB,2021\n".to_vec()).expect("reads");
    assert_eq!(sheet.rows.len(), 1);
}

#[test]
fn fifty_thousand_unknown_countries_stay_fast() {
    // Titles mapped as recipients by hand: every cell is a different unknown "country".
    let env = common::env();
    let mut csv = String::from("title,recipient\n");
    for i in 0..50_000 {
        csv.push_str(&format!("P{i},Republic of Nowhere {i}\n"));
    }
    let sheet = read("many.csv", csv.into_bytes()).expect("reads");
    let t = std::time::Instant::now();
    let (out, loaded) = env.import(&sheet, &env.propose(&sheet).mapping);
    assert_eq!(loaded.dataset.projects.len(), 50_000);
    let unknown = out
        .issues
        .iter()
        .filter(|i| matches!(i.kind, IssueKind::UnknownCountry { .. }));
    assert_eq!(unknown.count(), 50_000);
    // Generous even for an unoptimised build; without the cap this took minutes.
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}

/// An .xlsx sheet is parsed a slice at a time: the rows before a damaged row arrive in earlier steps
/// (a reader that parsed the whole sheet first would fail on its first step), then the damage is a
/// typed error.
#[test]
fn an_xlsx_sheet_is_parsed_a_slice_at_a_time() {
    let mut data = String::new();
    for i in 1..=20 {
        let title = if i == 1 { "Title" } else { "Clinic" };
        data += &format!(
            r#"<row r="{i}">{}{}</row>"#,
            s(&format!("A{i}"), title),
            s(&format!("B{i}"), "Kenya")
        );
    }
    data += r#"<row r="21"><c r="A21"><v>1</c></row>"#;
    let mut r =
        SheetReader::open("damaged.xlsx", xlsx(&data), &ReadOptions::default()).expect("opens");
    let mut seen = Vec::new();
    let err = loop {
        match r.step(5) {
            Ok(p) => {
                assert!(!p.done);
                seen.push(p.rows_read);
            }
            Err(e) => break e,
        }
    };
    assert!(seen.len() >= 4 && seen.iter().any(|&n| n >= 15), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[1] - w[0] <= 5), "{seen:?}");
    assert!(matches!(err, SheetError::Corrupt { .. }), "{err:?}");
}
