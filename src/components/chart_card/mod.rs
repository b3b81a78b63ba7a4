use bridges_charts::{draw, hit, layout_with, to_svg, Layout, Orientation, Theme};
use bridges_core::explore::{sentence, Bar, Series, View};
use bridges_core::query::{Measure, Theme as UrlTheme};
use bridges_core::titles::{chart_title, Subject};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use::{use_device_pixel_ratio, use_element_size};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::download::{click_link, download_text};
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;
use crate::view_state::use_view_state;

/// Counts canvas paints in `window.__bridgesDraws`, so the latency benchmark can tell when every
/// chart has repainted after a click.
fn count_draw() {
    if let Some(w) = web_sys::window() {
        let key = wasm_bindgen::JsValue::from_str("__bridgesDraws");
        let n = js_sys::Reflect::get(&w, &key)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let _ = js_sys::Reflect::set(&w, &key, &wasm_bindgen::JsValue::from_f64(n + 1.0));
    }
}

/// The page's theme, `<html data-theme>`: set from the URL's `theme=` (embeds, the projector switch).
fn data_theme() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"))
}

fn prefers_dark() -> bool {
    // A theme set on the page (an embed's theme=, the projector) wins over the visitor's preference.
    match data_theme().as_deref() {
        Some("dark") => return true,
        Some("light" | "projector") => return false,
        _ => {}
    }
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Which chart theme a card draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Look {
    Light,
    Dark,
    Projector,
}

impl Look {
    /// `url` is the URL's `theme=`, so the projector look does not wait for the page to apply it; a
    /// `data-theme="projector"` on the page counts too unless the URL asks for another theme.
    fn current(url: Option<UrlTheme>) -> Look {
        match url {
            Some(UrlTheme::Projector) => Look::Projector,
            None if data_theme().as_deref() == Some("projector") => Look::Projector,
            _ if prefers_dark() => Look::Dark,
            _ => Look::Light,
        }
    }

    fn theme(self) -> Theme {
        match self {
            Look::Light => Theme::light(),
            Look::Dark => Theme::dark(),
            Look::Projector => Theme::projector(),
        }
    }
}

/// One chart of the explorer: a canvas drawn by plotters once its width is known (crisp at the device
/// pixel ratio, redrawn on resize), a tooltip on hover or tap, click or Enter to filter, arrow keys to
/// move between bars, a one-sentence summary, a "show as table" switch and SVG/PNG downloads.
#[component]
pub fn ChartCard(
    /// Which chart (title, test id, URL parameter).
    view: View,
    /// The bars, in display order.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// Projects or amount.
    #[prop(into)]
    measure: Signal<Measure>,
    /// The unit of the amounts (the headline's currency and price base).
    unit: bridges_core::money::Unit,
    /// Bars across (categories) or columns up (years).
    orientation: Orientation,
    /// Height in CSS pixels for column charts (bar charts grow with their rows).
    #[prop(default = 220.0)]
    height: f64,
    /// Column charts take the height their box is given by the layout (a slide's grid cell) instead of
    /// `height`.
    #[prop(optional)]
    fill_height: bool,
    /// Called with the bar's key and whether the click adds to the selection.
    on_select: Callback<(String, bool)>,
    /// Series of a stacked chart, shown as a legend.
    #[prop(optional, into)]
    legend: Option<Signal<Vec<Series>>>,
    /// Extra controls shown in the card's header (stacking, play).
    #[prop(optional)]
    controls: Option<ChildrenFn>,
    /// Hide the table switch and downloads (embeds with `controls=0`).
    #[prop(optional)]
    compact: bool,
    /// Inside an embed: the frame's own heading names the chart, the summary sentence is for screen
    /// readers, and the tools are in a menu, so the chart takes the frame.
    #[prop(optional)]
    embedded: bool,
    /// One sector or place the filters narrow the chart to, named in its title.
    #[prop(optional, into)]
    subject: Option<Signal<Subject>>,
    /// The headline of the current filters: the summary sentence gives the leading bar's share of it.
    #[prop(optional, into)]
    total: Option<Signal<bridges_core::Summary>>,
) -> impl IntoView {
    let wrap = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = use_element_size(wrap);
    let dpr = use_device_pixel_ratio();
    let focus = RwSignal::new(None::<usize>);
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let as_table = RwSignal::new(false);
    // The theme follows the URL's theme= (the projector switch) without reloading: the page applies
    // it to <html data-theme> in its own effect, so the card looks again a frame later.
    let state = use_view_state();
    let url_theme = Memo::new(move |_| state.with(|(s, _)| s.theme));
    let look = RwSignal::new(Look::current(url_theme.get_untracked()));
    Effect::new(move |_| {
        let url = url_theme.get();
        request_animation_frame(move || {
            let now = Look::current(url);
            if look.try_get_untracked().is_some_and(|l| l != now) {
                look.try_set(now);
            }
        });
    });
    let lang = use_lang();
    // On a phone the tools fold into a menu, so the chart follows its title at once.
    let narrow = leptos_use::use_media_query("(max-width: 40rem)");
    let stage = use_context::<crate::components::present::stage::StageScale>();
    let stage_scale = stage.map_or_else(|| Signal::stored(1.0), |s| s.0);
    // On a slide the chart's type is read from the back of the room: at least 15 stage pixels.
    let on_stage = stage.is_some();
    let sized = move |mut theme: bridges_charts::Theme| {
        if on_stage {
            theme.font_px = theme.font_px.max(15.0);
        }
        theme
    };

    // Copy, so the closures that read it stay Copy.
    let unit = StoredValue::new(unit);
    let placed: Memo<Option<Layout>> = Memo::new(move |_| {
        let width = size.width.get();
        let height = if fill_height && orientation == Orientation::Vertical {
            size.height.get()
        } else {
            height
        };
        (width > 0.0 && height > 0.0).then(|| {
            let (b, m, th, l) = (
                bars.get(),
                measure.get(),
                sized(look.get().theme()),
                lang.get(),
            );
            let u = unit.get_value();
            let placed = layout_with(&b, m, &u, orientation, width, height, &th, l);
            // Values drawn above the columns add room on top; a chart that fills a box gives it back.
            if fill_height && placed.height > height + 0.5 {
                let inner = (height - (placed.height - height)).max(40.0);
                layout_with(&b, m, &u, orientation, width, inner, &th, l)
            } else {
                placed
            }
        })
    });

    Effect::new(move |_| {
        let (Some(l), Some(el)) = (placed.get(), canvas.get()) else {
            return;
        };
        // On a scaled slide stage the canvas is drawn at the scaled resolution, so it stays sharp.
        let ratio = dpr.get().max(1.0) * stage_scale.get().max(0.1);
        let b = bars.get();
        let f = focus.get();
        // Everything the paint needs is taken now: the component may be gone by the next frame.
        let Some(t) = look.try_get().map(|l| sized(l.theme())) else {
            return;
        };
        let (w, h) = (
            (l.width * ratio).round() as u32,
            (l.height * ratio).round() as u32,
        );
        let css_height = format!("{}px", l.height);
        let same_size = el.width() == w
            && el.height() == h
            && web_sys::HtmlElement::style(&el)
                .get_property_value("height")
                .is_ok_and(|v| v == css_height);
        let paint = move || {
            if !same_size {
                el.set_width(w);
                el.set_height(h);
                let _ = web_sys::HtmlElement::style(&el).set_property("height", &css_height);
            }
            if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                let root = backend.into_drawing_area();
                let _ = draw(&root, &l, &b, &t, ratio, f);
                count_draw();
            }
        };
        // A new size is painted in the next frame: resizing the canvas inside the ResizeObserver's
        // delivery would make the observer report again in the same frame ("ResizeObserver loop"
        // errors). New data at the same size (a click on a bar) is painted now, a frame sooner.
        if same_size {
            paint();
        } else {
            request_animation_frame(paint);
        }
    });

    let at = move |x: f64, y: f64| placed.with(|l| l.as_ref().and_then(|l| hit(l, x, y)));
    let key_of = move |i: usize| bars.with(|b| b.get(i).map(|b| b.key.clone()));
    let describe = move |i: usize| {
        let l = lang.get();
        let tx = t(l);
        bars.with(|b| {
            b.get(i).map(|b| {
                let amount = if b.group.known > 0 {
                    unit.with_value(|u| u.amount(l, b.group.sum))
                } else {
                    tx.no_known_amount.into()
                };
                fill(
                    tx.bar_description,
                    &[
                        ("label", &b.label),
                        ("n", &count(l, b.group.count as u64)),
                        ("amount", &amount),
                        ("unknown", &count(l, b.group.unknown() as u64)),
                        ("selected", if b.selected { tx.bar_selected } else { "" }),
                    ],
                )
            })
        })
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let n = bars.with(Vec::len);
        if n == 0 {
            return;
        }
        let cur = focus.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => Some(cur.map_or(0, |i| (i + 1).min(n - 1))),
            "ArrowUp" | "ArrowLeft" => Some(cur.map_or(0, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(n - 1),
            "Enter" | " " => {
                if let Some(key) = cur.and_then(key_of) {
                    on_select.run((key, ev.shift_key() || ev.ctrl_key() || ev.meta_key()));
                }
                ev.prevent_default();
                return;
            }
            "Escape" => {
                focus.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus.set(next);
    };
    let download_svg = move |_| {
        if let Some(l) = placed.get_untracked() {
            let svg = to_svg(
                &l,
                &bars.get_untracked(),
                &sized(look.get_untracked().theme()),
            );
            let _ = download_text(
                &format!("bridges-{}.svg", view.param()),
                "image/svg+xml",
                &svg,
            );
        }
    };
    let download_png = move |_| {
        if let Some(url) = canvas.get_untracked().and_then(|c| c.to_data_url().ok()) {
            let _ = click_link(&format!("bridges-{}.png", view.param()), &url);
        }
    };
    let summary = move || {
        let whole = total.map(|t| {
            t.with(|s| match measure.get() {
                Measure::Count => s.projects as f64,
                Measure::Amount => s.amount.as_ref().map_or(0.0, |a| a.total),
            })
        });
        unit.with_value(|u| sentence(view, &bars.get(), measure.get(), u, whole, lang.get()))
    };
    let title = move || {
        let subject = subject.map(|s| s.get()).unwrap_or_default();
        chart_title(view, measure.get(), &subject, lang.get())
    };
    let title_id = format!("{}-title", view.testid());

    view! {
        <figure class="chart-card" data-testid=view.testid() aria-labelledby=title_id.clone()>
            <div class="chart-head" class:chart-head-embedded=embedded>
                <h2 id=title_id.clone() class:sr-only=embedded>{title}</h2>
                {move || (!compact).then(|| {
                    let tools = view! {
                        <button type="button" aria-pressed=move || as_table.get().to_string()
                            on:click=move |_| as_table.update(|t| *t = !*t)>
                            {move || if as_table.get() { t(lang.get()).show_as_chart } else { t(lang.get()).show_as_table }}
                        </button>
                        <button type="button" on:click=download_svg aria-label=move || fill(t(lang.get()).download_as, &[("what", &title()), ("format", "SVG")])>"SVG"</button>
                        <button type="button" on:click=download_png aria-label=move || fill(t(lang.get()).download_as, &[("what", &title()), ("format", "PNG")])>"PNG"</button>
                    };
                    if embedded || narrow.get() {
                        view! {
                            <details class="chart-menu">
                                <summary><span aria-hidden="true">"⋯"</span><span class="sr-only">{tr!(lang, chart_menu_label)}</span></summary>
                                <div class="chart-menu-items">{tools}</div>
                            </details>
                        }.into_any()
                    } else {
                        view! { <div class="chart-tools">{tools}</div> }.into_any()
                    }
                })}
            </div>
            {controls.map(|c| view! { <div class="chart-controls">{c()}</div> })}
            <p class="chart-summary" class:sr-only=embedded data-testid="chart-summary">{summary}</p>
            <div class="chart-canvas" class:chart-fill=fill_height node_ref=wrap class:hidden=move || as_table.get()>
                <canvas node_ref=canvas tabindex="0" role="img"
                    aria-label=move || fill(t(lang.get()).chart_aria, &[("title", &title()), ("summary", &summary())])
                    on:pointermove=move |ev: web_sys::PointerEvent| {
                        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
                        hover.set(at(x, y).map(|i| (i, x, y)));
                    }
                    on:pointerdown=move |ev: web_sys::PointerEvent| {
                        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
                        hover.set(at(x, y).map(|i| (i, x, y)));
                    }
                    on:pointerleave=move |_| hover.set(None)
                    on:click=move |ev: web_sys::MouseEvent| {
                        if let Some(key) = at(ev.offset_x() as f64, ev.offset_y() as f64).and_then(key_of) {
                            on_select.run((key, ev.shift_key() || ev.ctrl_key() || ev.meta_key()));
                        }
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| focus.set(None)
                ></canvas>
                {move || hover.get().and_then(|(i, x, y)| describe(i).map(|text| view! {
                    <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>{text}</div>
                }))}
                <p class="sr-only" aria-live="polite">{move || focus.get().and_then(describe)}</p>
            </div>
            {move || legend.map(|l| l.get()).filter(|l| !l.is_empty()).map(|labels| {
                view! {
                    <ul class="legend" aria-label=tr!(lang, legend)>
                        {labels.into_iter().map(|s| {
                            let (r, g, b) = s.colour;
                            view! { <li><span class="swatch" style:background=format!("rgb({r},{g},{b})")></span>{s.label}</li> }
                        }).collect_view()}
                    </ul>
                }
            })}
            {move || as_table.get().then(|| view! {
                <div class="table-scroll">
                    <table class="chart-table">
                        <thead><tr>
                            <th scope="col">{title}</th>
                            <th scope="col" class="num">{tr!(lang, col_projects)}</th>
                            <th scope="col" class="num">{move || fill(t(lang.get()).col_known_amount_in, &[("unit", &unit.with_value(|u| u.name(lang.get())))])}</th>
                            <th scope="col" class="num">{tr!(lang, col_amount_unknown)}</th>
                            <th scope="col">{tr!(lang, col_filter)}</th>
                        </tr></thead>
                        <tbody>
                            {bars.get().into_iter().map(|b| {
                                let key = b.key.clone();
                                view! {
                                    <tr class:selected=b.selected>
                                        <th scope="row">{b.label.clone()}</th>
                                        <td class="num">{count(lang.get(), b.group.count as u64)}</td>
                                        <td class="num">{unit.with_value(|u| u.amount(lang.get(), b.group.sum))}</td>
                                        <td class="num">{count(lang.get(), b.group.unknown() as u64)}</td>
                                        <td><button type="button" aria-pressed=b.selected.to_string()
                                            on:click=move |ev: web_sys::MouseEvent| on_select.run((key.clone(), ev.shift_key() || ev.ctrl_key() || ev.meta_key()))>
                                            {if b.selected { t(lang.get()).selected } else { t(lang.get()).select }}
                                        </button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </figure>
    }
}
