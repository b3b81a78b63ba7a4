//! One chart card: a canvas drawn by plotters, its hit-testing, tooltip and keyboard, the summary
//! sentence and title. `look.rs`: the chart theme; `paint.rs`: painting the canvas; `tools.rs`: the
//! table switch and downloads; `table.rs`: the chart as a table, and the legend.

mod look;
mod paint;
mod table;
mod tools;

use bridges_charts::{hit, layout_with, to_svg, Layout, Orientation};
use bridges_core::explore::{sentence, Bar, Series, View};
use bridges_core::query::Measure;
use bridges_core::titles::{chart_title, Subject};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use leptos_use::{use_device_pixel_ratio, use_element_size};

use crate::download::{click_link, download_text};
use crate::i18n::{count, fill, t, use_lang};
use look::use_look;
use table::{ChartLegend, ChartTable};
use tools::ChartTools;

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
    let look = use_look();
    let lang = use_lang();
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
    // The layout reads the box's height only for columns that fill it; otherwise only its width.
    let laid_out_height = fill_height && orientation == Orientation::Vertical;
    let placed: Memo<Option<Layout>> = Memo::new(move |_| {
        let width = size.width.get();
        let height = if laid_out_height {
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

    // The box size the last paint was laid out for: a paint whose box did not change was caused by
    // new data, a focus or a look, not by the ResizeObserver. Only what the layout reads counts: the
    // box's height follows the canvas's own (a click that adds bars makes it taller), and counted, it
    // put the next click's paint of that chart a frame later.
    let painted_box = StoredValue::new((0.0f64, 0.0f64));
    Effect::new(move |_| {
        let (Some(layout), Some(el)) = (placed.get(), canvas.get()) else {
            return;
        };
        let now_box = (
            size.width.get_untracked(),
            if laid_out_height {
                size.height.get_untracked()
            } else {
                0.0
            },
        );
        let box_changed = painted_box.get_value() != now_box;
        painted_box.set_value(now_box);
        // On a scaled slide stage the canvas is drawn at the scaled resolution, so it stays sharp.
        let ratio = dpr.get().max(1.0) * stage_scale.get().max(0.1);
        let bars = bars.get();
        let focus = focus.get();
        // Everything the paint needs is taken now: the component may be gone by the next frame.
        let Some(theme) = look.try_get().map(|l| sized(l.theme())) else {
            return;
        };
        paint::Job {
            el,
            layout,
            bars,
            theme,
            ratio,
            focus,
            box_changed,
            in_flow: !fill_height,
        }
        .run();
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
    // The tooltip is one element while the pointer is over bars: its text changes with the bar (or
    // the bar's figures) and its place with the pointer. Built anew on every pointer move, as it
    // was, it cost a layout between the press and the click's own work (about 1 ms of a click's
    // time to the next paint, Chromium trace, 2026-12-05).
    let point = move |ev: &web_sys::PointerEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let now = at(x, y).map(|i| (i, x, y));
        if hover.try_get_untracked() != Some(now) {
            hover.set(now);
        }
    };
    let hovered = Memo::new(move |_| hover.with(|h| h.map(|(i, _, _)| i)));
    let tip = Memo::new(move |_| hovered.get().and_then(describe));
    let tip_shown = Memo::new(move |_| tip.with(Option::is_some));
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
    let download_svg = move |()| {
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
    let download_png = move |()| {
        if let Some(url) = canvas.get_untracked().and_then(|c| c.to_data_url().ok()) {
            let _ = click_link(&format!("bridges-{}.png", view.param()), &url);
        }
    };
    // Read by the sentence under the title and by the canvas's label: computed once a change.
    let summary = Memo::new(move |_| {
        let whole = total.map(|t| {
            t.with(|s| match measure.get() {
                Measure::Count => s.projects as f64,
                Measure::Amount => s.amount.as_ref().map_or(0.0, |a| a.total),
            })
        });
        bars.with(|b| unit.with_value(|u| sentence(view, b, measure.get(), u, whole, lang.get())))
    });
    let title = Signal::derive(move || {
        let subject = subject.map(|s| s.get()).unwrap_or_default();
        chart_title(view, measure.get(), &subject, lang.get())
    });
    let title_id = format!("{}-title", view.testid());

    view! {
        <figure class="chart-card" data-testid=view.testid() aria-labelledby=title_id.clone()>
            <div class="chart-head" class:chart-head-embedded=embedded>
                <h2 id=title_id.clone() class:sr-only=embedded>{title}</h2>
                {(!compact).then(|| view! {
                    <ChartTools as_table=as_table title=title embedded=embedded
                        on_svg=Callback::new(download_svg) on_png=Callback::new(download_png)/>
                })}
            </div>
            {controls.map(|c| view! { <div class="chart-controls">{c()}</div> })}
            <p class="chart-summary" class:sr-only=embedded data-testid="chart-summary">{summary}</p>
            <div class="chart-canvas" class:chart-fill=fill_height node_ref=wrap class:hidden=move || as_table.get()>
                // The canvas alone in a box the browser may skip rendering while it is far from view
                // (`.chart-pixels` in style/main.css); the tooltip and live region stay outside it.
                <div class="chart-pixels">
                <canvas node_ref=canvas tabindex="0" role="img"
                    aria-label=move || fill(t(lang.get()).chart_aria, &[("title", &title.get()), ("summary", &summary.get())])
                    on:pointermove=move |ev: web_sys::PointerEvent| point(&ev)
                    on:pointerdown=move |ev: web_sys::PointerEvent| point(&ev)
                    on:pointerleave=move |_| hover.set(None)
                    on:click=move |ev: web_sys::MouseEvent| {
                        if let Some(key) = at(ev.offset_x() as f64, ev.offset_y() as f64).and_then(key_of) {
                            on_select.run((key, ev.shift_key() || ev.ctrl_key() || ev.meta_key()));
                        }
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| focus.set(None)
                ></canvas>
                </div>
                {move || tip_shown.get().then(|| view! {
                    <div class="tooltip" role="tooltip"
                        style:left=move || hover.with(|h| h.map(|(_, x, _)| format!("{}px", x + 12.0)))
                        style:top=move || hover.with(|h| h.map(|(_, _, y)| format!("{}px", y + 12.0)))
                    >{move || tip.get().unwrap_or_default()}</div>
                })}
                <p class="sr-only" aria-live="polite">{move || focus.get().and_then(describe)}</p>
            </div>
            {legend.map(|series| view! { <ChartLegend series=series/> })}
            {move || as_table.get().then(|| view! {
                <ChartTable bars=bars title=title unit=unit on_select=on_select/>
            })}
        </figure>
    }
}
