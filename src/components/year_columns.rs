//! A dataset card's small chart: its projects by commitment year as columns, placed by the explorer's
//! chart layout ([`bridges_charts::layout`]) and drawn as SVG rectangles (no text inside the drawing:
//! the first and last year and the peak are written under it as text, in the page's language).

use bridges_charts::{layout, Orientation};
use bridges_core::explore::Bar;
use bridges_core::i18n::tf;
use bridges_core::query::Measure;
use leptos::prelude::*;

use crate::i18n::{count, fill, use_lang};

/// The drawing's box in its own units; the SVG is scaled to the card's width.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 90.0;

/// Columns of projects by year, with a caption, the year range under it and an accessible summary.
/// Test contract: `data-testid="year-columns"` with `data-years` (bars) and `data-total` (projects with
/// a year).
#[component]
pub fn YearColumns(
    /// One bar per year, first to last (see [`bridges_core::front::year_bars`]).
    bars: Vec<Bar>,
    /// Records without a commitment year (not drawn; said under the chart).
    unknown: usize,
    /// The unit of the data's amounts (the layout writes values in it; the columns count projects).
    unit: bridges_core::money::Unit,
) -> impl IntoView {
    let lang = use_lang();
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else {
        return ().into_any();
    };
    let (first, last) = (first.label.clone(), last.label.clone());
    let peak = bars
        .iter()
        .max_by_key(|b| b.group.count)
        .map(|b| (b.label.clone(), b.group.count))
        .unwrap_or_default();
    let total: u64 = bars.iter().map(|b| u64::from(b.group.count)).sum();
    // Placed once: the drawing scales with the card, so its marks do not depend on the card's width.
    let l = layout(
        &bars,
        Measure::Count,
        &unit,
        Orientation::Vertical,
        WIDTH,
        HEIGHT,
        12.0,
        bridges_core::i18n::Lang::En,
    );
    let p = l.plot;
    let view_box = format!("{:.1} {:.1} {:.1} {:.1}", p.x, p.y, p.w, p.h);
    let marks = l
        .placed
        .iter()
        .filter(|m| m.mark.h > 0.0)
        .map(|m| {
            view! {
                <rect x=format!("{:.2}", m.mark.x) y=format!("{:.2}", m.mark.y)
                    width=format!("{:.2}", m.mark.w.max(0.5)) height=format!("{:.2}", m.mark.h)/>
            }
        })
        .collect_view();
    let n_years = bars.len();
    let alt = {
        let (first, last) = (first.clone(), last.clone());
        move || {
            let l = lang.get();
            fill(
                tf(l).chart_alt,
                &[
                    ("from", &first),
                    ("to", &last),
                    ("peak", &peak.0),
                    ("n", &count(l, u64::from(peak.1))),
                ],
            )
        }
    };
    view! {
        <figure class="year-columns" data-testid="year-columns" data-years=n_years.to_string() data-total=total.to_string()>
            <figcaption>{move || tf(lang.get()).chart_caption}</figcaption>
            <svg viewBox=view_box preserveAspectRatio="none" role="img" aria-label=alt focusable="false">
                {marks}
            </svg>
            <p class="year-columns-axis" aria-hidden="true">
                <span>{first}</span>
                {(unknown > 0).then(|| view! {
                    <span class="year-columns-unknown">{move || fill(tf(lang.get()).chart_unknown, &[("n", &count(lang.get(), unknown as u64))])}</span>
                })}
                <span>{last}</span>
            </p>
        </figure>
    }
    .into_any()
}

/// A dataset that is not loaded: its years as a span on the catalogue's whole span, from the catalogue
/// (nothing is fetched). Test contract: `data-testid="year-span"`.
#[component]
pub fn YearSpan(
    /// The dataset's first and last commitment year.
    years: (i32, i32),
    /// The first and last year of every dataset in the catalogue.
    all: (i32, i32),
) -> impl IntoView {
    let lang = use_lang();
    let width = f64::from((all.1 - all.0).max(0) + 1);
    let x = f64::from(years.0 - all.0) / width * WIDTH;
    let w = f64::from(years.1 - years.0 + 1) / width * WIDTH;
    let alt = move || {
        fill(
            tf(lang.get()).span_alt,
            &[
                ("from", &years.0.to_string()),
                ("to", &years.1.to_string()),
                ("first", &all.0.to_string()),
                ("last", &all.1.to_string()),
            ],
        )
    };
    view! {
        <figure class="year-span" data-testid="year-span">
            <figcaption>{move || tf(lang.get()).span_caption}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} 24") preserveAspectRatio="none" role="img" aria-label=alt focusable="false">
                <rect class="year-span-track" x="0" y="8" width=WIDTH.to_string() height="8"/>
                <rect class="year-span-mark" x=format!("{x:.2}") y="2" width=format!("{w:.2}") height="20"/>
            </svg>
            <p class="year-columns-axis" aria-hidden="true"><span>{all.0}</span><span>{all.1}</span></p>
        </figure>
    }
}
