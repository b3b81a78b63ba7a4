//! Text files: encodings (BOMs, UTF-16, GBK, Windows-1252), separators, pasted text, and reading in
//! slices.

mod common;

use bridges_sheets::{ReadOptions, SheetReader, TextEncoding};

const CSV: &str = "项目名称,受援国,金额\n医院,肯尼亚,12\nCôte d'Ivoire school,Côte d'Ivoire,3\n";

fn read(bytes: Vec<u8>) -> bridges_sheets::Sheet {
    common::sheet("t.csv", bytes)
}

#[test]
fn utf8_with_and_without_bom() {
    for bytes in [
        CSV.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF", CSV.as_bytes()].concat(),
    ] {
        let s = read(bytes);
        assert_eq!(s.headers, ["项目名称", "受援国", "金额"]);
        assert_eq!(s.encoding, Some(TextEncoding::Utf8));
        assert_eq!(s.rows[1].cells[1], "Côte d'Ivoire");
    }
}

#[test]
fn utf16_both_byte_orders_with_bom() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(CSV.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(CSV.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (bytes, enc) in [(le, TextEncoding::Utf16Le), (be, TextEncoding::Utf16Be)] {
        let s = read(bytes);
        assert_eq!(s.encoding, Some(enc));
        assert_eq!(s.headers, ["项目名称", "受援国", "金额"]);
        assert_eq!(s.rows[0].cells[1], "肯尼亚");
    }
}

#[test]
fn gbk_from_chinese_excel_is_detected() {
    let text = "项目名称,受援国,金额\n医院,肯尼亚,12\n学校,坦桑尼亚,3\n";
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let s = read(bytes.into_owned());
    assert_eq!(s.encoding, Some(TextEncoding::Gbk));
    assert_eq!(s.rows[1].cells[1], "坦桑尼亚");
    assert!(s.issues.is_empty());
}

#[test]
fn western_legacy_csv_is_not_taken_for_gbk() {
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1252.encode("title,recipient\nÉcole,Côte d'Ivoire\nSaúde,São Tomé\n");
    let s = read(bytes.into_owned());
    assert_eq!(s.encoding, Some(TextEncoding::Windows1252));
    assert_eq!(s.rows[0].cells, ["École", "Côte d'Ivoire"]);
}

#[test]
fn a_forced_encoding_wins() {
    let (bytes, _, _) = encoding_rs::GBK.encode("标题\n医院\n");
    let opts = ReadOptions {
        encoding: Some(TextEncoding::Gbk),
        delimiter: None,
    };
    let s = SheetReader::open("x.csv", bytes.into_owned(), &opts)
        .expect("opens")
        .finish()
        .expect("reads");
    assert_eq!(s.rows[0].cells[0], "医院");
}

#[test]
fn separators_semicolon_tab_and_pasted() {
    let s = read(b"Titel;Betrag\nA;1.234,5\n".to_vec());
    assert_eq!(s.headers, ["Titel", "Betrag"]);
    assert_eq!(s.rows[0].cells[1], "1.234,5");
    let s = common::sheet("t.tsv", b"title\tyear\nA, B\t2020\n".to_vec());
    assert_eq!(s.rows[0].cells, ["A, B", "2020"]);
    let s = SheetReader::pasted("Title\tRecipient\r\nClinic\tKenya\r\n")
        .expect("paste")
        .finish()
        .expect("reads");
    assert_eq!(s.rows[0].cells, ["Clinic", "Kenya"]);
    assert_eq!(s.name, bridges_sheets::read::PASTED);
    // A CSV pasted from a text editor: no tab on its first line, so its separator is detected.
    let s = SheetReader::pasted("Title,Recipient\n\"Clinic, rural\",Kenya\n")
        .expect("paste")
        .finish()
        .expect("reads");
    assert_eq!(s.headers, ["Title", "Recipient"]);
    assert_eq!(s.rows[0].cells, ["Clinic, rural", "Kenya"]);
    let s = SheetReader::pasted("Titel;Betrag\nA;1.234,5\n")
        .expect("paste")
        .finish()
        .expect("reads");
    assert_eq!(s.rows[0].cells, ["A", "1.234,5"]);
}

#[test]
fn bridges_export_comment_line_is_skipped() {
    let s = read(
        "\u{feff}\"# Source: AidData, GCDF 3.0. Licence: CC BY 4.0.\"\nid,title\n1,A\n"
            .as_bytes()
            .to_vec(),
    );
    assert_eq!(s.headers, ["id", "title"]);
    assert_eq!(s.header_row, 2);
    assert_eq!(s.rows[0].number, 3);
}

#[test]
fn fifty_thousand_rows_in_slices() {
    let mut csv = String::from("title,year,amount\n");
    for i in 0..50_000 {
        csv.push_str(&format!("Project {i},{},{}\n", 2000 + i % 20, i * 10));
    }
    let mut r =
        SheetReader::open("big.csv", csv.into_bytes(), &ReadOptions::default()).expect("opens");
    let mut steps = 0;
    let mut last = 0;
    loop {
        let p = r.step(2_000).expect("step");
        assert!(p.rows_read - last <= 2_000);
        last = p.rows_read;
        steps += 1;
        if p.done {
            break;
        }
    }
    assert!(steps >= 25, "{steps} steps");
    let s = r.finish().expect("sheet");
    assert_eq!(s.rows.len(), 50_000);
    assert_eq!(s.rows[49_999].number, 50_001);
}
