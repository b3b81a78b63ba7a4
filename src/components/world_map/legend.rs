//! The map's legend: the classes (never overlapping), "no projects", unknown amounts, the provider, and
//! — when those layers are on — what a dot's size and a flow's width mean.

use bridges_charts::map::{class_colour, range_label};
use bridges_core::map::flows::flow_width;
use bridges_core::map::{Layer, Legend};
use bridges_core::query::Measure;
use leptos::prelude::*;

use crate::i18n::{tm, use_lang};

/// The legend of the current fills and layers.
#[component]
pub fn MapLegend(
    /// The classes of the current fills.
    #[prop(into)]
    legend: Signal<Legend>,
    /// Which layers are on.
    #[prop(into)]
    layers: Signal<std::collections::BTreeSet<Layer>>,
    /// Whether the dataset names a provider country drawn on the map.
    has_provider: bool,
    /// The view's providers the map cannot draw, named, with their records.
    #[prop(into)]
    not_drawn: Signal<Vec<(String, u32)>>,
    /// The unit of the amounts (its name titles the amount legend: "constant 2021 USD").
    unit: bridges_core::money::Unit,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let legend = legend.get();
        let l = lang.get();
        let t = tm(l);
        let classes = legend.ranges.len();
        let m = legend.measure;
        let layers = layers.get();
        let title = if m == Measure::Count {
            t.legend_count.to_string()
        } else {
            crate::i18n::fill(t.legend_amount_in, &[("unit", &unit.name(l))])
        };
        view! {
            <div class="map-legend" role="group" aria-label=t.legend data-testid="map-legend">
                <span class="legend-title">{title}</span>
                <ul class="legend">
                    {legend.ranges.iter().enumerate().map(|(i, (a, b))| view! {
                        <li><span class="swatch" style:background=class_colour(i, classes)></span>{range_label(m, *a, *b, &unit, l)}</li>
                    }).collect_view()}
                    <li><span class="swatch none"></span>{t.legend_none}</li>
                    {(m == Measure::Amount).then(|| view! { <li><span class="swatch hatched"></span>{t.legend_unknown}</li> })}
                    {has_provider.then(|| view! { <li><span class="swatch provider"></span>{t.legend_provider}</li> })}
                </ul>
                {
                    let off = not_drawn.get();
                    (!off.is_empty()).then(|| view! {
                        <p class="legend-not-drawn" data-testid="map-not-drawn">
                            {t.legend_not_drawn}" "
                            {not_drawn_text(&off, l)}
                        </p>
                    })
                }
                {layers.contains(&Layer::Points).then(|| view! {
                    <ul class="legend legend-dots" aria-label=t.legend_dots>
                        <li class="legend-sub">{t.legend_dots}</li>
                        {[1u32, 10, 100].into_iter().map(|n| {
                            let r = 0.9 + (n as f64).sqrt() * 0.35;
                            let px = (r * 2.0 * 2.2).max(4.0);
                            view! { <li><span class="dot" style:width=format!("{px:.1}px") style:height=format!("{px:.1}px")></span>{crate::i18n::count(l, n as u64)}</li> }
                        }).collect_view()}
                    </ul>
                })}
                {layers.contains(&Layer::Flows).then(|| view! {
                    <ul class="legend legend-flows" aria-label=t.legend_flows>
                        <li class="legend-sub">{t.legend_flows}</li>
                        {[1u32, 10, 100].into_iter().map(|n| {
                            let w = flow_width(n) * 3.0;
                            view! { <li><span class="line" style:height=format!("{w:.1}px")></span>{crate::i18n::count(l, n as u64)}</li> }
                        }).collect_view()}
                        <li><span class="line dashed"></span>{t.legend_pivot}</li>
                        <li><span class="line dotted"></span>{t.legend_beneficiary}</li>
                        <li><span class="line dashdot"></span>{t.legend_co_financier}</li>
                    </ul>
                })}
            </div>
        }
    }
}

/// At most this many providers are named under the map; the rest are counted.
const NOT_DRAWN_NAMED: usize = 12;

/// "Islamic Development Bank 51 · OPEC Fund 34 · +3": bounded, whatever the dataset declares.
fn not_drawn_text(off: &[(String, u32)], l: bridges_core::i18n::Lang) -> String {
    let mut parts: Vec<String> = off
        .iter()
        .take(NOT_DRAWN_NAMED)
        .map(|(name, n)| format!("{name} {}", crate::i18n::count(l, *n as u64)))
        .collect();
    if off.len() > NOT_DRAWN_NAMED {
        parts.push(format!("+{}", off.len() - NOT_DRAWN_NAMED));
    }
    parts.join(" · ")
}
