//! An .xlsx written by a real xlsx writer reads right: a merged title row, a header merged over two
//! columns, date cells, a formula column (its saved values), Chinese headers. The file is committed
//! to tests/fixtures/sheets/ so the shell's tests (and people) can open it too.

mod common;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use bridges_sheets::{Field, SheetReader};

const FIXTURE: &str = "tests/fixtures/sheets/made-by-test.xlsx";

fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("项目").expect("name");
    ws.merge_range(
        0,
        0,
        0,
        6,
        "Ministry of Commerce — projects 2020",
        &Format::new(),
    )
    .expect("merge");
    for (c, h) in [
        "项目名称",
        "受援国",
        "Year",
        "Start date",
        "Amount (USD millions)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("header");
    }
    // "Amount (USD millions)" is merged over two columns: the value, then a check total.
    ws.merge_range(1, 4, 1, 5, "Amount (USD millions)", &Format::new())
        .expect("merge");
    ws.write_string(1, 6, "Sector").expect("header");
    let rows = [
        (
            "Hospital in Luanda",
            "安哥拉",
            2019,
            (2020, 3, 15),
            12.5,
            "Health",
        ),
        (
            "Rail link",
            "Kenya; 坦桑尼亚",
            2020,
            (2021, 1, 4),
            300.0,
            "Transport and storage",
        ),
        ("School", "Nepal", 2021, (2021, 9, 1), 0.75, "教育"),
    ];
    for (i, (title, rec, year, (y, m, d), amount, sector)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string(r, 0, *title).expect("cell");
        ws.write_string(r, 1, *rec).expect("cell");
        ws.write_number(r, 2, *year).expect("cell");
        let dt = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
        ws.write_datetime_with_format(r, 3, &dt, &date)
            .expect("cell");
        ws.write_number(r, 4, *amount).expect("cell");
        ws.write_formula(
            r,
            5,
            Formula::new(format!("=E{}*1", r + 1)).set_result(amount.to_string()),
        )
        .expect("formula");
        ws.write_string(r, 6, *sector).expect("cell");
    }
    let other = wb.add_worksheet();
    other.set_name("Notes").expect("name");
    other.write_string(0, 0, "nothing to import").expect("cell");
    wb.save_to_buffer().expect("xlsx")
}

#[test]
fn xlsx_made_now_reads_right() {
    let bytes = workbook();
    // BRIDGES_WRITE_FIXTURES=1 refreshes the committed copy (the writer stamps a date, so it is not
    // rewritten on every run).
    if std::env::var_os("BRIDGES_WRITE_FIXTURES").is_some() {
        std::fs::write(common::root().join(FIXTURE), &bytes).expect("write fixture");
    }
    check(bytes);
}

#[test]
fn committed_xlsx_reads_right() {
    check(common::bytes(FIXTURE));
}

fn check(bytes: Vec<u8>) {
    let mut r = SheetReader::open("projects.xlsx", bytes, &Default::default()).expect("opens");
    assert_eq!(r.sheets(), ["项目", "Notes"]);
    r.choose_sheet(0).expect("sheet");
    let sheet = r.finish().expect("reads");
    assert_eq!(sheet.header_row, 2);
    assert_eq!(
        sheet.headers,
        [
            "项目名称",
            "受援国",
            "Year",
            "Start date",
            "Amount (USD millions)",
            "Amount (USD millions) (2)",
            "Sector"
        ]
    );
    assert_eq!(sheet.rows[0].cells[3], "2020-03-15");
    assert_eq!(sheet.rows[0].cells[5], "12.5", "the formula's saved value");
    assert!(sheet.issues.is_empty(), "{:#?}", sheet.issues);

    let env = common::env();
    let p = env.propose(&sheet);
    let m = &p.mapping;
    assert_eq!(m.field_of("项目名称"), Some(Field::Title));
    assert_eq!(m.field_of("受援国"), Some(Field::Recipients));
    assert_eq!(m.field_of("Start date"), Some(Field::StartDate));
    assert_eq!(m.field_of("Amount (USD millions)"), Some(Field::Amount));
    assert_eq!(m.field_of("Amount (USD millions) (2)"), None);
    assert_eq!(m.conventions.scale, 1e6);
    assert!(p.ids_from_row_numbers);
    let (out, loaded) = env.import(&sheet, m);
    assert!(out
        .issues
        .iter()
        .any(|i| i.kind == bridges_sheets::IssueKind::RowNumbersAsIds));
    let d = &loaded.dataset.projects;
    assert_eq!(d.len(), 3);
    assert_eq!(d[0].id, "3");
    assert_eq!(d[0].recipients, ["AGO"]);
    assert_eq!(d[1].recipients, ["KEN", "TZA"]);
    assert_eq!(d[2].sector.as_ref().map(|s| s.code), Some(110));
    assert_eq!(d[0].dates.start.as_deref(), Some("2020-03-15"));
    assert_eq!(d[0].years.commitment, Some(2019));
    assert_eq!(d[1].amount.as_ref().map(|a| a.value), Some(300e6));
}
