//! One slide: its title, its narration filled from its live view, and the view, laid out for a 16:9
//! stage.

use std::sync::Arc;

use bridges_charts::Orientation;
use bridges_core::explore::{stack_series, View};
use bridges_core::partners::{question, Field};
use bridges_core::story::{self, Slide};
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::chart_card::ChartCard;
use crate::components::headline::{Headline, HeadlineStrip};
use crate::components::partner_answer::{use_finding, PartnerAnswer};
use crate::components::project_detail::ProjectDetail;
use crate::components::project_table::ProjectTable;
use crate::components::world_map::EmbeddedMap;
use crate::i18n::{tp, use_lang};
use crate::view_state::{
    use_aggregates, use_bars, use_filtered_summary, use_select, use_view_state, LocalView,
};

/// One slide: its title, its narration filled from its live view, and the view.
/// One slide on the stage: title, narration (its numbers computed from the slide's own view), then the
/// view in the room that is left. `mini` is a console's miniature (no test id, not focusable).
#[component]
pub fn SlideBody(
    data: Arc<AppData>,
    slide: Slide,
    /// 1-based, as in `slide=`.
    index: usize,
    /// A miniature in the console rather than the audience's slide.
    #[prop(optional)]
    mini: bool,
) -> impl IntoView {
    let lang = use_lang();
    provide_context(LocalView(RwSignal::new(slide.query.clone())));
    let state = use_view_state();
    let narration = {
        let data = Arc::clone(&data);
        let template = slide.narration.clone();
        let view = slide.view.clone();
        move || {
            let filters = story::narration_filters(&view, &state.get().0.filters);
            let facts = match data.engine.lock() {
                Ok(mut e) => story::facts(&mut e, &filters, &data.unit.currency),
                Err(_) => story::Facts::default(),
            };
            story::narrate(template.get(lang.get()), &facts, lang.get())
        }
    };
    let title = slide.title.clone();
    let kind = SlideKind::of(&slide.view);
    let body = slide_view(Arc::clone(&data), &slide.view);
    view! {
        <article class=format!("slide {}", kind.class()) data-testid=(!mini).then_some("slide") data-index=index.to_string()
            data-view=slide.view.clone() inert=mini>
            <header class="slide-head">
                <h1>{move || title.get(lang.get()).to_string()}</h1>
                <p class="narration" data-testid=(!mini).then_some("narration")>{narration}</p>
            </header>
            <div class="slide-view">{body}</div>
        </article>
    }
}

/// How a slide is laid out on the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SlideKind {
    /// Three charts: the timeline on the left, sectors and recipients on the right.
    Charts,
    /// The map, filling the room below the title.
    Map,
    /// Big headline figures.
    Headline,
    /// A table or a project: text, scrolled inside the slide if it is long.
    Text,
    /// The partner finder's answer: ranked actors and peers side by side, with what the data cannot say.
    Finder,
}

impl SlideKind {
    fn of(view: &str) -> SlideKind {
        match view {
            "/explore" => SlideKind::Charts,
            "/map" => SlideKind::Map,
            "/" | "/about" => SlideKind::Headline,
            "/partners" => SlideKind::Finder,
            _ => SlideKind::Text,
        }
    }

    fn class(self) -> &'static str {
        match self {
            SlideKind::Charts => "slide-charts-kind",
            SlideKind::Map => "slide-map-kind",
            SlideKind::Headline => "slide-headline-kind",
            SlideKind::Text => "slide-text-kind",
            SlideKind::Finder => "slide-finder-kind",
        }
    }
}

/// The live view a slide shows, laid out for the stage.
fn slide_view(data: Arc<AppData>, view: &str) -> AnyView {
    match view {
        "/explore" => view! { <SlideCharts data=data/> }.into_any(),
        "/map" => {
            // The map's code is its own split (shared with map embeds): a deck of chart slides does not
            // download it, and the presenter's first load stays within its budget.
            let data = StoredValue::new_local(data);
            crate::lazy::lazy_view(move || slide_map(data.get_value()), __preload_slide_map)
        }
        "/table" => view! { <ProjectTable data=data/> }.into_any(),
        "/about" => view! { <SlideHeadline data=data/> }.into_any(),
        "/" => view! { <SlideHeadline data=data/> }.into_any(),
        "/partners" => {
            // The finder's code (the actors' index, the ranking) is the partners page's split: a deck
            // without a finder slide never downloads it.
            let data = StoredValue::new_local(data);
            crate::lazy::lazy_view(move || slide_finder(data.get_value()), __preload_slide_finder)
        }
        // The view names the project by its escaped id (`/projects/a%2Fb` is `a/b`).
        other => match bridges_core::route::Page::from_path(other) {
            bridges_core::route::Page::Project(id) => match data.loaded.dataset.projects.iter().find(|p| p.id == id).cloned() {
                Some(p) => view! { <ProjectDetail data=data p=p/> }.into_any(),
                None => view! { <p class="load-error" role="alert"><code>{other.to_string()}</code></p> }.into_any(),
            },
            _ => ().into_any(),
        },
    }
}

#[component]
fn SlideHeadline(data: Arc<AppData>) -> impl IntoView {
    let state = use_view_state();
    let agg = use_aggregates(Arc::clone(&data), state);
    let summary = use_filtered_summary(data, state, agg);
    view! { <Headline summary=summary/> }
}

/// The partner finder's answer to the slide's question (its query), compact.
#[component]
fn SlideFinder(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let finding = use_finding(Arc::clone(&data), state);
    move || match finding.get() {
        Some(f) => view! { <PartnerAnswer data=Arc::clone(&data) f=f compact=true/> }.into_any(),
        // Loading the actors' index, or a question without a country or a field (a hand-written story).
        None => {
            let (country, field) = question(&state.get().0.filters);
            let asked = country.is_some() && field != Field::default();
            view! { <p class="note" role="status">{move || if asked { tp(lang.get()).loading } else { tp(lang.get()).ask_first }}</p> }.into_any()
        }
    }
}

lazy_fn! {
    fn slide_finder(data: Arc<AppData>) -> AnyView {
        view! { <SlideFinder data=data/> }.into_any()
    }
    preload: __preload_slide_finder, in: partners_page;
}

lazy_fn! {
    fn slide_map(data: Arc<AppData>) -> AnyView {
        view! { <SlideStrip data=Arc::clone(&data)/> <EmbeddedMap data=data/> }.into_any()
    }
    preload: __preload_slide_map, in: embed_map;
}

/// The headline as one line: context for a chart or map slide, not its point.
#[component]
fn SlideStrip(data: Arc<AppData>) -> impl IntoView {
    let state = use_view_state();
    let agg = use_aggregates(Arc::clone(&data), state);
    let summary = use_filtered_summary(data, state, agg);
    view! { <HeadlineStrip summary=summary/> }
}

#[component]
fn SlideCharts(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let agg = use_aggregates(Arc::clone(&data), state);
    let measure = Signal::derive(move || state.get().0.measure);
    let summary = use_filtered_summary(Arc::clone(&data), state, agg);
    let bars = {
        let data = Arc::clone(&data);
        move |view: View, limit: Option<usize>| use_bars(Arc::clone(&data), state, agg, view, limit)
    };
    let unit = data.unit();
    // A stacked timeline has its legend, in each series' own colour.
    let legend = Signal::derive(move || {
        let (s, _) = state.get();
        let a = agg.get();
        match data.engine.lock() {
            Ok(e) => stack_series(&a, &e.cols, &data.reference, s.stack, s.measure, lang.get()).0,
            Err(_) => Vec::new(),
        }
    });
    view! {
        <HeadlineStrip summary=summary/>
        <div class="slide-charts">
            <ChartCard view=View::Timeline total=summary bars=bars(View::Timeline, None) measure=measure unit=unit.clone() orientation=Orientation::Vertical
                on_select=use_select(state, View::Timeline) legend=legend compact=true fill_height=true/>
            <ChartCard view=View::Sector total=summary bars=bars(View::Sector, Some(5)) measure=measure unit=unit.clone() orientation=Orientation::Horizontal
                on_select=use_select(state, View::Sector) compact=true/>
            <ChartCard view=View::Recipients total=summary bars=bars(View::Recipients, Some(5)) measure=measure unit=unit.clone() orientation=Orientation::Horizontal
                on_select=use_select(state, View::Recipients) compact=true/>
        </div>
    }
}
