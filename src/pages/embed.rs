//! `/embed/:view`: one view for a partner's page, with minimal chrome, a source line and a link to the
//! full view. It reports its height to the parent page (`public/embed.js` applies it):
//! `{ "type": "bridges:resize", "version": 1, "id": <the embed= parameter>, "height": <px> }`.
//! Options: `theme=light|dark|auto`, `controls=0|1`, `cards=1` (the headline as cards instead of one
//! line), `accent=RRGGBB`, `height=N` (fixed), `lang=en|zh` (read by the language provider; without it
//! the visitor's browser language), plus every filter parameter of the explorer.
//!
//! The view leads: a one-line title that says what the chart shows ("Health projects by commitment
//! year", also the frame's document title), the headline as one line, the chart or map at a size that
//! fits the default 480 px frame, and a footer with the source, a link to the full view and — instead
//! of the problems table, which belongs to the app and not to a partner's article — a "data notes" link.

use std::sync::Arc;

use bridges_charts::Orientation;
use bridges_core::embed_view::EmbedView;
use bridges_core::explore::View;
use bridges_core::query::to_query;
use bridges_core::titles::{chart_title, Subject};
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_use::use_element_size;

use crate::app_data::AppData;
use crate::components::chart_card::ChartCard;
use crate::components::data_gate::DataGate;
use crate::components::headline::{Headline, HeadlineStrip};
use crate::i18n::fill_view;
use crate::i18n::{tm, use_lang, Lang};
use crate::lazy::lazy_view;
use crate::paths::href;
use crate::view_state::{
    use_aggregates, use_bars, use_filtered_summary, use_select, use_view_state,
};

fn valid_accent(s: &str) -> Option<String> {
    let hex = s.trim_start_matches('#');
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit())).then(|| format!("#{hex}"))
}

/// Applies theme and accent to the document (embeds only).
fn apply_look(theme: &str, accent: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-embed", "");
    let _ = root.set_attribute(
        "data-theme",
        if matches!(theme, "light" | "dark" | "projector") {
            theme
        } else {
            "auto"
        },
    );
    if let Some(a) = accent {
        let _ = web_sys::HtmlElement::style(wasm_bindgen::JsCast::unchecked_ref::<
            web_sys::HtmlElement,
        >(&root))
        .set_property("--accent", a);
    }
}

/// Sends the content height to the parent page, if there is one and it gave an id.
fn post_height(id: &str, height: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let msg = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&msg, &k.into(), &v);
    };
    set("type", "bridges:resize".into());
    set("version", 1.into());
    set("id", id.into());
    set("height", height.ceil().into());
    // The message holds nothing secret; the partner script checks that it comes from this origin.
    let _ = parent.post_message(&msg, "*");
}

/// The embed page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let name = params.read_untracked().get("view").unwrap_or_default();
    let q = query.read_untracked();
    let theme = q.get("theme").unwrap_or_else(|| "auto".into());
    let accent = q.get("accent").and_then(|a| valid_accent(&a));
    let options = EmbedOptions {
        controls: q.get("controls").as_deref() != Some("0"),
        cards: q.get("cards").as_deref() == Some("1"),
    };
    let fixed_height = q
        .get("height")
        .and_then(|h| h.parse::<u32>().ok())
        .filter(|h| (100..=5000).contains(h));
    let id = q
        .get("embed")
        .filter(|i| i.len() <= 64 && i.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    drop(q);
    apply_look(&theme, accent.as_deref());

    let root = NodeRef::<Div>::new();
    let size = use_element_size(root);
    let last = StoredValue::new(0.0f64);
    Effect::new(move |_| {
        // The observer reports the content box; the parent needs the whole element (with padding).
        let _ = size.height.get();
        let h = root
            .get()
            .map(|r| r.get_bounding_client_rect().height())
            .unwrap_or(0.0);
        let Some(id) = id.as_deref() else { return };
        // Only real changes are sent, so a parent that resizes the iframe cannot start a loop.
        if h > 0.0 && (h - last.get_value()).abs() >= 1.0 && fixed_height.is_none() {
            last.set_value(h);
            post_height(id, h);
        }
    });

    let known = EmbedView::from_code(&name).is_some();
    let lang = use_lang();
    let view_name = name.clone();
    view! {
        <div class="embed-root" class:embed-fixed=fixed_height.is_some() data-testid="embed-root" data-view=view_name node_ref=root
            style:height=fixed_height.map(|h| format!("{h}px"))>
            {if known {
                view! { <DataGate no_issues=true children=move |data| view! { <EmbedBody data=data name=name.clone() options=options/> }/> }.into_any()
            } else {
                // The asked-for name and the view names are URL codes, not words of the interface.
                let asked = bridges_core::issue::truncate(&name, 40).to_string();
                view! {
                    <div role="alert"><h1 class="embed-error">
                        {move || {
                            let l = lang.get();
                            let asked = asked.clone();
                            fill_view(tm(l).embed_invalid_view, move |key| match key {
                                "name" => Some(view! { <code lang="en">{asked.clone()}</code> }.into_any()),
                                "views" => Some(EmbedView::ALL.iter().enumerate().map(|(i, v)| view! {
                                    {(i > 0).then(|| tm(l).list_sep)}<code lang="en">{v.code()}</code>
                                }).collect_view().into_any()),
                                _ => None,
                            })
                        }}
                    </h1></div>
                }.into_any()
            }}
        </div>
    }
}

/// What a partner chose to show around the view.
#[derive(Clone, Copy, Debug)]
struct EmbedOptions {
    /// Chart tools (table switch, downloads) in a menu.
    controls: bool,
    /// The headline as cards (`cards=1`) rather than one line.
    cards: bool,
}

lazy_fn! {
    fn embed_map(data: Arc<AppData>) -> AnyView {
        view! { <crate::components::world_map::EmbeddedMap data=data/> }.into_any()
    }
    preload: __preload_embed_map, in: embed_map;
}

/// Sets the frame's document title, so the page inside the iframe says what it shows.
fn follow_title(title: Memo<String>) {
    Effect::new(move |_| {
        let title = title.get();
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&title);
        }
    });
}

#[component]
fn EmbedBody(data: Arc<AppData>, name: String, options: EmbedOptions) -> impl IntoView {
    let state = use_view_state();
    let lang = use_lang();
    let agg = use_aggregates(Arc::clone(&data), state);
    let summary = use_filtered_summary(Arc::clone(&data), state, agg);
    let measure = Signal::derive(move || state.get().0.measure);
    let subject = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            state.with(|(s, _)| Subject::of(&s.filters, &data.reference, lang.get()))
        })
    };
    let full_path = match name.as_str() {
        "map" => "/map",
        _ => "/explore",
    };
    let with_query = move |path: &str, keep_filters: bool| {
        let mut s = if keep_filters {
            state.get().0
        } else {
            bridges_core::query::ViewState {
                data: state.get().0.data,
                ..Default::default()
            }
        };
        s.page = 1;
        // The full view opens in the embed's language, also when that came from the browser.
        if s.lang.is_none() && lang.get() == Lang::Zh {
            s.lang = Some(Lang::Zh);
        }
        let q = to_query(&s);
        href(&if q.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{q}")
        })
    };
    let full = move || with_query(full_path, true);
    let notes = move || with_query("/about", false) + "#data-issues";
    let view_kind = EmbedView::from_code(&name).and_then(EmbedView::chart);
    let is_map = name == "map";
    let is_similar = name == "similar";
    let title = Memo::new(move |_| {
        let l = lang.get();
        match view_kind {
            Some(v) => chart_title(v, measure.get(), &subject.get(), l),
            None if is_map => bridges_core::titles::map_title(measure.get(), &subject.get(), l),
            None if is_similar => crate::i18n::t(l).like_these_title.to_string(),
            None => tm(l).embed_headline_title.to_string(),
        }
    });
    follow_title(title);
    let body = match view_kind {
        Some(view) => {
            let orientation = if view == View::Timeline {
                Orientation::Vertical
            } else {
                Orientation::Horizontal
            };
            // Enough rows to read, few enough that the chart fits the default 480 px frame.
            let limit = match view {
                View::Recipients | View::Sector => Some(10),
                _ => None,
            };
            view! {
                <ChartCard view=view total=summary bars=use_bars(Arc::clone(&data), state, agg, view, limit) measure=measure unit=data.unit()
                    orientation=orientation on_select=use_select(state, view) compact=!options.controls height=280.0
                    embedded=true subject=Signal::from(subject)/>
            }
            .into_any()
        }
        None if name == "map" => {
            // The map's code is its own split: a chart embed does not download it.
            let data = StoredValue::new_local(Arc::clone(&data));
            lazy_view(move || embed_map(data.get_value()), __preload_embed_map)
        }
        None if is_similar => {
            view! { <crate::components::similar_projects::LikeThese data=Arc::clone(&data) heading=false/> }
                .into_any()
        }
        None => view! { <Headline summary=summary/> }.into_any(),
    };
    let headline = (view_kind.is_some() || is_map || is_similar).then(|| {
        if options.cards {
            view! { <Headline summary=summary/> }.into_any()
        } else {
            view! { <HeadlineStrip summary=summary/> }.into_any()
        }
    });
    let issue_count = data.loaded.issues.len();
    // A built-in dataset is named by its catalogue title in the page's language; a foreign file by its
    // own title.
    let source = if data.is_default {
        None
    } else if !data.builtin.is_empty() {
        let names = data.builtin.clone();
        Some(Signal::derive(move || {
            names
                .iter()
                .map(|n| match lang.get() {
                    Lang::En => n.en.clone(),
                    Lang::Zh => n.zh.clone(),
                })
                .collect::<Vec<_>>()
                .join(" + ")
        }))
    } else {
        let title = data.loaded.dataset.meta.title.clone();
        Some(Signal::derive(move || title.clone()))
    };
    view! {
        <header class="embed-head">
            <h1 class="embed-title">{move || title.get()}</h1>
            {headline}
        </header>
        <div class="embed-view">{body}</div>
        <p class="embed-source">
            {match source {
                None => view! { {move || tm(lang.get()).embed_source} }.into_any(),
                Some(title) => view! { {move || tm(lang.get()).embed_source_of} " " <span>{move || title.get()}</span> " · " }.into_any(),
            }}
            <a href=full target="_blank" rel="noopener noreferrer">{move || tm(lang.get()).embed_open_full}</a>
            {(issue_count > 0).then(|| view! {
                " · "
                <a href=notes target="_blank" rel="noopener noreferrer" data-testid="embed-data-notes">
                    {move || crate::i18n::fill(tm(lang.get()).embed_data_notes, &[("n", &crate::i18n::count(lang.get(), issue_count as u64))])}
                </a>
            })}
        </p>
    }
}
