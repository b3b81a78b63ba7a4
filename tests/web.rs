//! Component tests in headless Chromium (wasm-bindgen-test): mount, let Leptos render, read the DOM.
#![cfg(target_arch = "wasm32")]

use bridges::components::data_issues::DataIssues;
use bridges::components::headline::Headline;
use bridges_core::issue::{Consequence, DataIssue, Expected};
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
        expected: Expected::Name,
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

#[wasm_bindgen_test]
async fn headline_strip_is_one_line_with_the_same_contract() {
    use bridges::components::headline::HeadlineStrip;
    use bridges::i18n::{Lang, UiLang};
    let root = container();
    let lang = RwSignal::new(Lang::En);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(UiLang(lang.into()));
        view! { <HeadlineStrip summary=summary(1767, 6_220_000_000.0, 1000)/> }
    });
    tick().await;
    let strip = root.query_selector(".headline-strip").unwrap().unwrap();
    assert_eq!(strip.tag_name(), "P", "one paragraph");
    assert_eq!(
        by_testid(&root, "project-count")
            .unwrap()
            .get_attribute("data-value")
            .as_deref(),
        Some("1767")
    );
    let text = strip.text_content().unwrap();
    assert!(
        text.contains("1,767 projects") && text.contains("$6.22 billion known"),
        "{text}"
    );
    assert!(
        text.contains("constant 2021"),
        "the unit is in its accessible text: {text}"
    );
    lang.set(Lang::Zh);
    tick().await;
    let text = strip.text_content().unwrap();
    assert!(text.contains("62.2亿美元"), "{text}");
}

#[wasm_bindgen_test]
async fn data_issues_are_one_line_unless_records_were_skipped() {
    use bridges::components::data_issues::IssuesShown;
    let root = container();
    let kept: Vec<DataIssue> = (0..3)
        .map(|i| issue(i, "amount.value", Consequence::ValueIgnored))
        .collect();
    let _a = leptos::mount::mount_to(
        root.clone(),
        move || view! { <DataIssues issues=kept.clone()/> },
    );
    tick().await;
    let d = by_testid(&root, "data-issues")
        .unwrap()
        .unchecked_into::<web_sys::HtmlDetailsElement>();
    assert!(!d.open(), "closed: one line with the count");
    assert!(d
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("3"));

    let root2 = container();
    let skipped = vec![issue(0, "title", Consequence::RecordSkipped)];
    let _b = leptos::mount::mount_to(
        root2.clone(),
        move || view! { <DataIssues issues=skipped.clone()/> },
    );
    tick().await;
    let d = by_testid(&root2, "data-issues")
        .unwrap()
        .unchecked_into::<web_sys::HtmlDetailsElement>();
    assert!(d.open(), "open when records were skipped");

    // However many problems, the page holds at most 500 rows.
    let root3 = container();
    let many: Vec<DataIssue> = (0..2000)
        .map(|i| issue(i, "amount.value", Consequence::ValueIgnored))
        .collect();
    let _c = leptos::mount::mount_to(root3.clone(), move || {
        view! { <DataIssues issues=many.clone() shown=IssuesShown::Full/> }
    });
    tick().await;
    let button = root3
        .query_selector("details button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert!(
        button.text_content().unwrap().contains("500 of 2,000"),
        "{:?}",
        button.text_content()
    );
    button.click();
    tick().await;
    assert_eq!(root3.query_selector_all("tbody tr").unwrap().length(), 500);
}

fn bar(key: &str, label: &str, count: u32, selected: bool) -> bridges_core::explore::Bar {
    bridges_core::explore::Bar {
        key: key.into(),
        label: label.into(),
        group: bridges_core::crossfilter::Group {
            count,
            known: count,
            other: 0,
            sum: count as f64 * 1_000_000.0,
        },
        selected,
        colour: None,
        segments: Vec::new(),
        segment_colours: Vec::new(),
    }
}

#[wasm_bindgen_test]
async fn a_chart_card_titles_its_measure_and_shows_its_table() {
    use bridges::components::chart_card::ChartCard;
    use bridges_charts::Orientation;
    use bridges_core::explore::View;
    use bridges_core::query::Measure;
    let root = container();
    let measure = RwSignal::new(Measure::Count);
    let picked = RwSignal::new(None::<(String, bool)>);
    let bars = vec![
        bar("120", "Health", 30, false),
        bar("230", "Energy", 10, false),
    ];
    let total = summary(50, 1.0, 0);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        // A chart reads the URL's theme, so it lives inside a router.
        view! {
            <leptos_router::components::Router>
                <ChartCard view=View::Sector bars=Signal::stored(bars.clone()) measure=measure unit=bridges_core::money::Unit::new("USD", "constant 2021") orientation=Orientation::Horizontal
                    on_select=Callback::new(move |k| picked.set(Some(k))) total=Signal::stored(total.clone())/>
            </leptos_router::components::Router>
        }
    });
    tick().await;
    let card = by_testid(&root, "chart-sector").unwrap();
    let title = || {
        card.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(title(), "Projects by sector");
    let sentence = by_testid(&root, "chart-summary")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        sentence.contains("Health leads") && sentence.contains("60% of the 50 projects shown"),
        "{sentence}"
    );
    measure.set(Measure::Amount);
    tick().await;
    assert_eq!(
        title(),
        "Known amount by sector",
        "the title follows the measure"
    );
    // The table view lists every bar, each with a button that selects it.
    let toggle = card
        .query_selector(".chart-tools button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    toggle.click();
    tick().await;
    let rows = card.query_selector_all(".chart-table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    card.query_selector(".chart-table tbody tr button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    assert_eq!(picked.get_untracked().map(|p| p.0), Some("120".to_string()));
}

#[wasm_bindgen_test]
async fn a_facet_lists_counts_and_toggles_its_options() {
    use bridges::components::facets::Facet;
    use bridges_core::explore::View;
    let root = container();
    let toggled = RwSignal::new(Vec::<String>::new());
    let bars = vec![
        bar("002", "Africa", 4158, true),
        bar("142", "Asia", 3036, false),
        bar("009", "Oceania", 0, false),
    ];
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Facet view=View::Region legend=|t| t.facet_region bars=Signal::stored(bars.clone())
                on_toggle=Callback::new(move |k: String| toggled.update(|v| v.push(k)))/>
        }
    });
    tick().await;
    let facet = by_testid(&root, "facet-region").unwrap();
    let boxes = facet.query_selector_all("input[type=checkbox]").unwrap();
    assert_eq!(boxes.length(), 3);
    let africa = boxes
        .item(0)
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>();
    assert!(africa.checked(), "the selection is ticked");
    assert!(facet.text_content().unwrap().contains("4,158"));
    let asia = boxes
        .item(1)
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>();
    asia.click();
    tick().await;
    assert_eq!(toggled.get_untracked(), vec!["142".to_string()]);
    assert!(
        facet.query_selector("li.empty").unwrap().is_some(),
        "an option with no projects is marked, not hidden"
    );
}

/// A facet row writes its own count: a change of language alone rewrites it in that language's
/// numbers (the rows have no per-binding reactivity to do it for them).
#[wasm_bindgen_test]
async fn a_facet_counts_in_the_language_shown() {
    use bridges::components::facets::Facet;
    use bridges::i18n::{Lang, UiLang};
    use bridges_core::explore::View;
    let root = container();
    let lang = RwSignal::new(Lang::En);
    let bars = vec![
        bar("002", "Africa", 41_580, false),
        bar("009", "Oceania", 0, false),
    ];
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_context(UiLang(lang.into()));
        view! {
            <Facet view=View::Region legend=|t| t.facet_region bars=Signal::stored(bars.clone())
                on_toggle=Callback::new(|_: String| {})/>
        }
    });
    tick().await;
    let facet = by_testid(&root, "facet-region").unwrap();
    let first_count = || {
        facet
            .query_selector(".facet-count")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(first_count(), "41,580");
    lang.set(Lang::Zh);
    tick().await;
    assert_eq!(first_count(), "4.16万", "the count in Chinese numbers");
    assert!(
        facet.query_selector("li.empty").unwrap().is_some(),
        "the empty option stays marked"
    );
}

/// A region facet over `bars`, mounted in a new container: its element, and the mount (dropping it
/// unmounts).
async fn mount_region_facet(
    bars: RwSignal<Vec<bridges_core::explore::Bar>>,
) -> (web_sys::Element, impl Sized) {
    use bridges::components::facets::Facet;
    use bridges_core::explore::View;
    let root = container();
    let mount = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Facet view=View::Region legend=|t| t.facet_region bars=bars
                on_toggle=Callback::new(|_: String| {})/>
        }
    });
    tick().await;
    let facet = by_testid(&root, "facet-region").expect("the facet is mounted");
    (facet, mount)
}

/// A facet whose list gets shorter and then longer again shows the options now at each place, with
/// their ids: the rows the shorter list dropped are made anew, and the rows kept show their new
/// options.
#[wasm_bindgen_test]
async fn a_facet_that_shrinks_and_grows_again_shows_every_option() {
    let three = vec![
        bar("002", "Africa", 4158, false),
        bar("142", "Asia", 3036, false),
        bar("009", "Oceania", 12, false),
    ];
    let bars = RwSignal::new(three.clone());
    let (facet, _h) = mount_region_facet(bars).await;
    let labels = || {
        let all = facet.query_selector_all(".facet-label").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i).and_then(|n| n.text_content()))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(), ["Africa", "Asia", "Oceania"]);
    bars.set(vec![bar("142", "Asia", 3036, true)]);
    tick().await;
    assert_eq!(labels(), ["Asia"]);
    let mut again = three;
    again.swap(0, 2);
    bars.set(again);
    tick().await;
    tick().await;
    assert_eq!(labels(), ["Oceania", "Asia", "Africa"]);
    let ids: Vec<String> = {
        let all = facet.query_selector_all("input").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i))
            .map(|n| n.unchecked_into::<web_sys::Element>().id())
            .collect()
    };
    assert_eq!(
        ids,
        ["facet-region-009", "facet-region-142", "facet-region-002"]
    );
}

/// A change of counts that reorders a facet updates its rows in place: the row at each position keeps
/// its element (and a focused checkbox its focus) and shows the option now at that place, with that
/// option's id, label, count and check. Rows are neither moved (the top-25 facets moved two dozen
/// rows a click) nor rebuilt (which re-set every row's attributes and listeners).
#[wasm_bindgen_test]
async fn a_facet_updates_its_rows_in_place_when_its_order_changes() {
    let bars = RwSignal::new(vec![
        bar("002", "Africa", 4158, false),
        bar("142", "Asia", 3036, false),
    ]);
    let (facet, _h) = mount_region_facet(bars).await;
    let top = facet.query_selector("input").unwrap().unwrap();
    assert_eq!(top.id(), "facet-region-002");
    bars.set(vec![
        bar("142", "Asia", 5000, true),
        bar("002", "Africa", 10, false),
    ]);
    tick().await;
    let first = facet.query_selector("input").unwrap().unwrap();
    assert!(first == top, "the top row keeps its element");
    assert_eq!(first.id(), "facet-region-142", "and shows Asia");
    let label = facet.query_selector("label").unwrap().unwrap();
    assert_eq!(
        label.get_attribute("for").as_deref(),
        Some("facet-region-142")
    );
    assert!(label.text_content().unwrap_or_default().contains("Asia"));
    assert!(first
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked());
    let second = facet.query_selector_all("input").unwrap().get(1).unwrap();
    assert_eq!(
        second.unchecked_into::<web_sys::Element>().id(),
        "facet-region-002"
    );
    let text = facet.text_content().unwrap();
    assert!(
        text.find("5,000") < text.find("Africa"),
        "counts follow their rows: {text}"
    );
    assert_eq!(facet.query_selector_all("li").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn the_dataset_banner_names_the_file_as_text() {
    use bridges::components::data_gate::DatasetBanner;
    let root = container();
    let _h = leptos::mount::mount_to(root.clone(), || {
        view! { <DatasetBanner source="<img src=x onerror=alert(1)>.json".to_string()/> }
    });
    tick().await;
    let banner = by_testid(&root, "custom-data-banner").unwrap();
    assert!(
        banner.query_selector("img").unwrap().is_none(),
        "a file name is text"
    );
    assert!(banner
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>.json"));
    assert!(
        banner.query_selector("a").unwrap().is_some(),
        "the way back"
    );
}

#[wasm_bindgen_test]
async fn the_share_dialog_sets_embed_options_with_controls() {
    use bridges::components::share::ShareButton;
    use leptos_router::components::Router;
    let root = container();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <Router><ShareButton/></Router> });
    tick().await;
    root.query_selector(".share-button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    for _ in 0..5 {
        tick().await;
    }
    let dialog = by_testid(&root, "share-dialog").unwrap();
    let iframe = || {
        dialog
            .query_selector("[data-testid=share-iframe]")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    };
    let before = iframe();
    assert!(
        before.contains("/embed/") && before.contains("title=\""),
        "{before}"
    );
    assert!(!before.contains("cards=1"));
    let boxes = dialog
        .query_selector_all(".share-options input[type=checkbox]")
        .unwrap();
    // The second checkbox is "Headline as cards".
    boxes
        .item(1)
        .unwrap()
        .unchecked_into::<web_sys::HtmlInputElement>()
        .click();
    tick().await;
    assert!(iframe().contains("cards=1"), "{}", iframe());
    let preview = dialog
        .query_selector(".share-preview iframe")
        .unwrap()
        .unwrap();
    assert!(
        preview.has_attribute("inert"),
        "focus never enters the live preview"
    );
}

/// A hand-made proposal for the column mapper: three columns, one with five samples, one unmapped.
fn proposed() -> std::sync::Arc<bridges::components::spreadsheet::model::Proposed> {
    use bridges::components::spreadsheet::model::{Column, Conventions, Proposed, SampleValue};
    let samples = |values: &[&str]| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| SampleValue {
                row: i + 2,
                value: v.to_string(),
            })
            .collect()
    };
    std::sync::Arc::new(Proposed {
        file: "projects.csv".into(),
        sheet: "projects.csv".into(),
        rows: 6,
        columns: vec![
            Column {
                header: "项目名称".into(),
                samples: samples(&["A", "B", "C", "D", "<img src=x onerror=alert(1)>"]),
            },
            Column {
                header: "Amount (USD)".into(),
                samples: samples(&["1,250,000"]),
            },
            Column {
                header: "Notes".into(),
                samples: vec![],
            },
        ],
        fields: vec![Some("title"), Some("amount"), None],
        conventions: Conventions {
            decimal: "point".into(),
            dates: "year_month_day".into(),
            recipients: "names".into(),
            providers: "names".into(),
            currency: "USD".into(),
            price_base: "unstated".into(),
            scale: 1.0,
        },
        currency_defaulted: false,
        price_base_defaulted: true,
        read_issues: 0,
    })
}

#[wasm_bindgen_test]
async fn column_mapper_preselects_the_proposal_and_edits_the_mapping() {
    use bridges::components::spreadsheet::mapper::ColumnMapper;
    let root = container();
    let p = proposed();
    let fields = RwSignal::new(p.fields.clone());
    let conventions = RwSignal::new(p.conventions.clone());
    let applied = RwSignal::new(0);
    let reads = Signal::stored(vec![vec!["A".to_string()]]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ColumnMapper proposed=p.clone() fields=fields conventions=conventions reads=reads
                busy=false on_apply=Callback::new(move |()| applied.update(|n| *n += 1))/>
        }
    });
    tick().await;
    let mapper = by_testid(&root, "column-mapper").expect("mapper");
    let select = |header: &str| {
        mapper
            .query_selector(&format!("select[data-column=\"{header}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("a select for {header}"))
            .unchecked_into::<web_sys::HtmlSelectElement>()
    };
    assert_eq!(
        mapper
            .query_selector_all("select[data-column]")
            .unwrap()
            .length(),
        3
    );
    assert_eq!(select("项目名称").value(), "title");
    assert_eq!(select("Amount (USD)").value(), "amount");
    assert_eq!(select("Notes").value(), "");
    // Each select is labelled by its column's header.
    let label = mapper
        .query_selector(&format!("label[for=\"{}\"]", select("项目名称").id()))
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "项目名称");
    // Values from the file are text, never markup.
    assert!(mapper.query_selector("img").unwrap().is_none());
    assert!(mapper
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
    // Five samples at most, and what Bridges reads in them.
    assert_eq!(
        mapper
            .query_selector_all(".mapper-samples li")
            .unwrap()
            .length(),
        5 + 1 + 1
    );
    assert!(mapper.query_selector(".mapper-reads").unwrap().is_some());
    // No id column: the ids will be row numbers, and the mapper says so.
    assert!(by_testid(&root, "ids-from-rows").is_some());

    // Choosing a field updates the mapping; the conventions are controls too.
    let notes = select("Notes");
    notes.set_value("id");
    notes
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(fields.get_untracked()[2], Some("id"));
    assert!(by_testid(&root, "ids-from-rows").is_none());
    let decimal = root
        .query_selector("#map-decimal")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlSelectElement>();
    assert_eq!(decimal.value(), "point");
    decimal.set_value("comma");
    decimal
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(conventions.get_untracked().decimal, "comma");
    // A mapping set from outside (a loaded mapping file) shows in the selects.
    fields.set(vec![None, Some("amount"), Some("title")]);
    tick().await;
    assert_eq!(select("项目名称").value(), "");
    assert_eq!(select("Notes").value(), "title");

    by_testid(&root, "mapping-apply")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(applied.get_untracked(), 1);
}

/// The crossfilter's loops with wasm SIMD (one filter's bit in every row's mask, for status and flow,
/// a year range and one sector; `core/src/crossfilter/simd.rs`) give what a full pass gives after
/// every change of a long sequence. The host's `cargo test` cannot reach them: they are compiled for
/// wasm only. 20,003 rows, so that each loop also ends with rows short of a vector.
#[wasm_bindgen_test]
fn the_engine_with_wasm_simd_matches_a_full_pass_after_every_change() {
    use bridges_core::crossfilter::Engine;
    use bridges_core::query::Stack;
    let r = bridges_core::reference::parse_reference(
        "reference.json",
        include_str!("../public/data/reference.json"),
    )
    .unwrap();
    let cols = bridges_core::synthetic::columns(20_003, 9, &r);
    let seq = bridges_core::synthetic::filter_sequence(&cols, 300, 4);
    let mut engine = Engine::new(cols.clone());
    let mut full = Engine::new(cols);
    for (i, f) in seq.iter().enumerate() {
        let got = engine.run(f, Stack::None).clone();
        let want = full.run_full(f, Stack::None).clone();
        assert!(got == want, "change {i}: {f:?}");
    }
    let p = engine.passes();
    assert!(p.remask > 10 && p.rebuild > 10, "{p:?}");
}
