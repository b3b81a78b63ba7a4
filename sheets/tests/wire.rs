//! The worker's side of reading a workbook (`wire::WorkbookService`), with every reply sent through
//! JSON as it crosses to the page: the page puts the rows back together into the same sheet as a
//! reader on the page would have read, issues and row numbers included.

mod common;

use bridges_sheets::wire::{is_workbook, Reply, Request, WorkbookService};
use bridges_sheets::{Issue, Row, Sheet, SheetError};

/// Sends `request` and returns the replies as the page receives them (through JSON).
fn ask(service: &mut WorkbookService, request: Request, bytes: Vec<u8>) -> Vec<Reply> {
    let mut replies = Vec::new();
    service.handle(request, bytes, &mut |r| {
        let text = serde_json::to_string(&r).expect("a reply serialises");
        replies.push(serde_json::from_str::<Reply>(&text).expect("and reads back"));
    });
    replies
}

/// The page's side: rows put together, in order, when `Done` comes.
fn assemble(replies: Vec<Reply>) -> Result<Sheet, SheetError> {
    let mut rows: Vec<Row> = Vec::new();
    for r in replies {
        match r {
            Reply::Rows {
                rows: more, read, ..
            } => {
                rows.extend(more);
                assert_eq!(read, rows.len(), "`read` counts every row sent so far");
            }
            Reply::Done { sheet, issues } => return Sheet::from_rows(sheet, rows, issues),
            Reply::Failed { error } => return Err(error),
            other => panic!("{other:?} does not answer Read"),
        }
    }
    panic!("no Done")
}

#[test]
fn a_workbook_read_in_the_worker_is_the_sheet_the_page_would_read() {
    let bytes = common::bytes("tests/fixtures/sheets/made-by-test.xlsx");
    assert!(is_workbook(&bytes));
    let direct = common::sheet("made-by-test.xlsx", bytes.clone());
    let mut service = WorkbookService::default();
    let opened = ask(
        &mut service,
        Request::Open {
            name: "made-by-test.xlsx".into(),
        },
        bytes,
    );
    let [Reply::Opened { sheets }] = opened.as_slice() else {
        panic!("{opened:?}")
    };
    let index = sheets
        .iter()
        .position(|s| *s == direct.name)
        .expect("the sheet read directly is among those the worker lists");
    let sheet = assemble(ask(
        &mut service,
        Request::Read { sheet: index },
        Vec::new(),
    ))
    .expect("the sheet reads");
    assert_eq!(sheet, direct);
    // Read again (another sheet chosen, then this one): the same.
    let again = assemble(ask(
        &mut service,
        Request::Read { sheet: index },
        Vec::new(),
    ))
    .expect("reads again");
    assert_eq!(again, direct);
}

#[test]
fn a_large_sheet_comes_in_slices_with_its_issues_located() {
    // 5,000 rows and one error cell: three slices, and the issue names the column by its header.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Title").expect("header");
    ws.write_string(0, 1, "Amount").expect("header");
    for r in 1..=5_000u32 {
        ws.write_string(r, 0, format!("Project {r}"))
            .expect("title");
        ws.write_number(r, 1, f64::from(r)).expect("amount");
    }
    ws.write_formula(
        77,
        1,
        rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!"),
    )
    .expect("formula");
    let bytes = wb.save_to_buffer().expect("xlsx");
    let mut service = WorkbookService::default();
    ask(
        &mut service,
        Request::Open {
            name: "big.xlsx".into(),
        },
        bytes,
    );
    let replies = ask(&mut service, Request::Read { sheet: 0 }, Vec::new());
    let slices = replies
        .iter()
        .filter(|r| matches!(r, Reply::Rows { .. }))
        .count();
    assert_eq!(slices, 3, "5,001 rows in slices of 2,000");
    let sheet = assemble(replies).expect("reads");
    assert_eq!(sheet.rows.len(), 5_000);
    assert_eq!(sheet.rows[4_999].cell(0), "Project 5000");
    let located: Vec<&Issue> = sheet.issues.iter().filter(|i| i.row == Some(78)).collect();
    assert_eq!(located.len(), 1, "{:?}", sheet.issues);
    assert_eq!(located[0].column.as_deref(), Some("Amount"));
}

#[test]
fn failures_are_replies_not_panics() {
    let mut service = WorkbookService::default();
    // Read before any Open.
    let r = ask(&mut service, Request::Read { sheet: 0 }, Vec::new());
    assert!(matches!(r.as_slice(), [Reply::Failed { .. }]), "{r:?}");
    // A damaged workbook.
    let mut bytes = common::bytes("tests/fixtures/sheets/made-by-test.xlsx");
    bytes.truncate(bytes.len() / 2);
    let r = ask(
        &mut service,
        Request::Open {
            name: "cut.xlsx".into(),
        },
        bytes,
    );
    assert!(
        matches!(
            r.as_slice(),
            [Reply::Failed {
                error: SheetError::Corrupt { .. }
            }]
        ),
        "{r:?}"
    );
    // A sheet that is not there.
    let bytes = common::bytes("tests/fixtures/sheets/made-by-test.xlsx");
    ask(
        &mut service,
        Request::Open {
            name: "ok.xlsx".into(),
        },
        bytes,
    );
    let r = ask(&mut service, Request::Read { sheet: 99 }, Vec::new());
    assert!(
        matches!(
            r.as_slice(),
            [Reply::Failed {
                error: SheetError::NoSuchSheet { .. }
            }]
        ),
        "{r:?}"
    );
    assert!(!is_workbook(b"Title,Amount\n"));
}
