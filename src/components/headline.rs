use bridges_core::Summary;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::i18n::{count, fill, money, t, use_lang};
use crate::tr;

/// The headline figures of the current view: projects, known amount, unknown amounts, years, countries.
/// `elementtiming="headline"` on the count lets the benchmarks read when it was first painted (the
/// browser's Element Timing API).
/// Test contract: `project-count`, `amount-total`, `amount-unknown` carry exact integers in `data-value`.
#[component]
pub fn Headline(
    /// Figures to show.
    #[prop(into)]
    summary: Signal<Summary>,
) -> impl IntoView {
    let lang = use_lang();
    let s = move || summary.get();
    let n = move |v: usize| count(lang.get(), v as u64);
    let announcement = move || {
        let (s, l) = (s(), lang.get());
        let tx = t(l);
        let amount = s
            .amount
            .as_ref()
            .map(|a| {
                fill(
                    tx.live_known,
                    &[("amount", &money(l, a.total, &a.currency))],
                )
            })
            .unwrap_or_default();
        fill(
            tx.live_status,
            &[
                ("n", &count(l, s.projects as u64)),
                ("known", &amount),
                ("unknown", &count(l, s.amount_unknown as u64)),
            ],
        )
    };
    view! {
        <p class="sr-only" role="status" aria-live="polite" data-testid="live-status">{announcement}</p>
        <section class="headline" aria-label=tr!(lang, headline_label)>
            <div class="figure" data-testid="project-count" data-value=move || s().projects.to_string()>
                <span class="value" {..custom_attribute("elementtiming", "headline")}>{move || n(s().projects)}</span>
                <span class="label">{tr!(lang, headline_projects)}</span>
            </div>
            <div class="figure" data-testid="amount-total"
                data-value=move || format!("{:.0}", s().amount.map_or(0.0, |a| a.total))>
                <span class="value">{move || s().amount.map_or("—".into(), |a| money(lang.get(), a.total, &a.currency))}</span>
                <span class="label">{move || match s().amount {
                    Some(a) => fill(t(lang.get()).headline_known_amount, &[
                        ("base", &crate::i18n::price_base(lang.get(), &a.price_base)),
                        ("currency", crate::i18n::currency_name(lang.get(), &a.currency)),
                        ("n", &n(a.projects)),
                    ]),
                    None => t(lang.get()).headline_no_known_amount.to_string(),
                }}</span>
            </div>
            <div class="figure" data-testid="amount-unknown" data-value=move || s().amount_unknown.to_string()>
                <span class="value">{move || n(s().amount_unknown)}</span>
                <span class="label">{tr!(lang, headline_unknown_amount)}</span>
            </div>
            <div class="figure" data-testid="year-range">
                <span class="value">{move || s().years.map_or("—".into(), |(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") })}</span>
                <span class="label">{move || match s().year_unknown {
                    0 => t(lang.get()).headline_years.to_string(),
                    u => fill(t(lang.get()).headline_years_unknown, &[("n", &n(u))]),
                }}</span>
            </div>
            <div class="figure" data-testid="country-count" data-value=move || s().countries.to_string()>
                <span class="value">{move || n(s().countries)}</span>
                <span class="label">{move || match s().without_country {
                    0 => t(lang.get()).headline_countries.to_string(),
                    r => fill(t(lang.get()).headline_countries_regional, &[("n", &n(r))]),
                }}</span>
            </div>
            {move || (s().amount_other_groups > 0).then(|| view! {
                <p class="note">{fill(t(lang.get()).headline_other_groups, &[("n", &n(s().amount_other_groups))])}</p>
            })}
        </section>
    }
}

/// The headline of the current URL's filters (every view shows it).
#[component]
pub fn FilteredHeadline(
    /// The loaded dataset.
    data: std::sync::Arc<crate::app_data::AppData>,
    /// One line instead of cards (where a map or chart is the point of the page).
    #[prop(optional)]
    strip: bool,
) -> impl IntoView {
    use crate::view_state::{use_aggregates, use_filtered_summary, use_view_state};
    let state = use_view_state();
    let agg = use_aggregates(std::sync::Arc::clone(&data), state);
    let summary = use_filtered_summary(data, state, agg);
    if strip {
        view! { <HeadlineStrip summary=summary/> }.into_any()
    } else {
        view! { <Headline summary=summary/> }.into_any()
    }
}

/// The headline as one line of text, for places where the view is the point (embeds, phones):
/// "1,767 projects · $35.2 billion known · 612 without an amount". The same test ids and exact
/// `data-value`s as [`Headline`]; the currency and price base are in the line's title and its
/// accessible text.
#[component]
pub fn HeadlineStrip(
    /// Figures to show.
    #[prop(into)]
    summary: Signal<Summary>,
) -> impl IntoView {
    let lang = use_lang();
    let s = move || summary.get();
    let n = move |v: usize| count(lang.get(), v as u64);
    let unit = move || {
        s().amount.map(|a| {
            let l = lang.get();
            fill(
                t(l).strip_unit,
                &[
                    ("base", &crate::i18n::price_base(l, &a.price_base)),
                    ("currency", crate::i18n::currency_name(l, &a.currency)),
                ],
            )
        })
    };
    view! {
        <p class="headline-strip" aria-label=tr!(lang, headline_label)>
            <span data-testid="project-count" data-value=move || s().projects.to_string()>
                <b {..custom_attribute("elementtiming", "headline")}>{move || n(s().projects)}</b>" "{tr!(lang, headline_projects)}
            </span>
            <span class="sep" aria-hidden="true">" · "</span>
            <span data-testid="amount-total" data-value=move || format!("{:.0}", s().amount.map_or(0.0, |a| a.total))
                title=unit>
                {move || match s().amount {
                    Some(a) => view! {
                        <b>{money(lang.get(), a.total, &a.currency)}</b>" "{tr!(lang, strip_known)}
                        <span class="sr-only">{unit}</span>
                    }.into_any(),
                    None => view! { {tr!(lang, headline_no_known_amount)} }.into_any(),
                }}
            </span>
            <span class="sep" aria-hidden="true">" · "</span>
            <span data-testid="amount-unknown" data-value=move || s().amount_unknown.to_string()>
                <b>{move || n(s().amount_unknown)}</b>" "{tr!(lang, strip_unknown)}
            </span>
        </p>
    }
}
