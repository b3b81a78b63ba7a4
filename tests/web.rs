//! Component tests in headless Chromium (wasm-bindgen-test): mount, let Leptos render, read the DOM.
#![cfg(target_arch = "wasm32")]

use bridges::components::data_issues::DataIssues;
use bridges::components::headline::Headline;
use bridges_core::issue::{Consequence, DataIssue};
use bridges_core::summary::{AmountGroup, Summary};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn by_testid(root: &web_sys::HtmlElement, id: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
}

fn summary(projects: usize, total: f64, unknown: usize) -> Summary {
    Summary {
        projects,
        amount: Some(AmountGroup {
            currency: "USD".into(),
            price_base: "constant 2021".into(),
            total,
            projects: projects - unknown,
        }),
        amount_other_groups: 0,
        amount_unknown: unknown,
        years: Some((2000, 2021)),
        year_unknown: 0,
        countries: 3,
        without_country: 1,
    }
}

#[wasm_bindgen_test]
async fn headline_shows_exact_figures_and_follows_its_signal() {
    let root = container();
    let s = RwSignal::new(summary(9404, 831_000_000_000.0, 3781));
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <Headline summary=s/> });
    tick().await;
    let count = by_testid(&root, "project-count").unwrap();
    assert_eq!(count.get_attribute("data-value").as_deref(), Some("9404"));
    assert!(count.text_content().unwrap().contains("9,404"));
    let total = by_testid(&root, "amount-total").unwrap();
    assert_eq!(
        total.get_attribute("data-value").as_deref(),
        Some("831000000000")
    );
    assert!(total.text_content().unwrap().contains("$831 billion"));
    assert_eq!(
        by_testid(&root, "amount-unknown")
            .unwrap()
            .get_attribute("data-value")
            .as_deref(),
        Some("3781")
    );

    s.set(summary(12, 5_000_000.0, 2));
    tick().await;
    assert_eq!(
        by_testid(&root, "project-count")
            .unwrap()
            .get_attribute("data-value")
            .as_deref(),
        Some("12")
    );
    assert!(by_testid(&root, "amount-total")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("$5 million"));
}

fn issue(record: usize, field: &str, consequence: Consequence) -> DataIssue {
    DataIssue {
        source: "mine.json".into(),
        record: Some(record),
        id: Some(format!("p{record}")),
        field: Some(field.into()),
        expected: "something else".into(),
        found: Some("\"<img src=x onerror=alert(1)>\"".into()),
        consequence,
    }
}

#[wasm_bindgen_test]
async fn data_issues_lists_located_problems_as_text() {
    let root = container();
    let issues: Vec<DataIssue> = (0..60)
        .map(|i| {
            issue(
                i,
                "amount.value",
                if i == 0 {
                    Consequence::RecordSkipped
                } else {
                    Consequence::ValueIgnored
                },
            )
        })
        .collect();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <DataIssues issues=issues.clone()/> },
    );
    tick().await;
    let section = by_testid(&root, "data-issues").unwrap();
    assert_eq!(section.get_attribute("data-count").as_deref(), Some("60"));
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        50,
        "the first 50 are listed"
    );
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "found values are text, never markup"
    );
    assert!(section
        .text_content()
        .unwrap()
        .contains("1 records were skipped"));
    let button = root
        .query_selector("details button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    button.click();
    tick().await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 60);
}

#[wasm_bindgen_test]
async fn no_problems_renders_nothing() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || view! { <DataIssues issues=vec![]/> });
    tick().await;
    assert!(by_testid(&root, "data-issues").is_none());
}

#[wasm_bindgen_test]
async fn headline_follows_the_language() {
    use bridges::i18n::{Lang, UiLang};
    let root = container();
    let lang = RwSignal::new(Lang::Zh);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(UiLang(lang.into()));
        view! { <Headline summary=summary(12_345, 1_200_000_000.0, 45)/> }
    });
    tick().await;
    let text = |id: &str| by_testid(&root, id).unwrap().text_content().unwrap();
    assert!(
        text("project-count").contains("1.23万"),
        "{}",
        text("project-count")
    );
    assert!(
        text("amount-total").contains("12亿美元"),
        "{}",
        text("amount-total")
    );
    assert!(
        text("amount-total").contains("2021年不变价美元"),
        "{}",
        text("amount-total")
    );
    assert!(
        text("live-status").starts_with("显示1.23万个项目"),
        "{}",
        text("live-status")
    );
    // The same figures in English, from the same component, when the language changes.
    lang.set(Lang::En);
    tick().await;
    assert!(text("project-count").contains("12,345"));
    assert!(text("amount-total").contains("$1.2 billion"));
    assert!(text("live-status").starts_with("Showing 12,345 projects"));
}

#[wasm_bindgen_test]
async fn data_issues_frame_is_translated_and_details_stay_located() {
    use bridges::i18n::{Lang, UiLang};
    let root = container();
    let issues = vec![issue(3, "amount.value", Consequence::ValueIgnored)];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(UiLang(Signal::stored(Lang::Zh)));
        view! { <DataIssues issues=issues.clone()/> }
    });
    tick().await;
    let section = by_testid(&root, "data-issues").unwrap();
    let text = section.text_content().unwrap();
    assert!(text.contains("数据中发现的问题：1"), "{text}");
    assert!(text.contains("保留记录，该值按未知处理"), "{text}");
    // Which record and field: unchanged, as code.
    let row = section
        .query_selector("tr[data-record=\"3\"]")
        .unwrap()
        .unwrap();
    assert!(row.text_content().unwrap().contains("amount.value"));
}
