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
    headline_view(use_url_headline(data), strip)
}

/// The headline of `data` under the URL's filters.
fn use_url_headline(data: std::sync::Arc<crate::app_data::AppData>) -> Signal<Summary> {
    use crate::view_state::{use_aggregates, use_filtered_summary, use_view_state};
    let state = use_view_state();
    let agg = use_aggregates(std::sync::Arc::clone(&data), state);
    use_filtered_summary(data, state, agg)
}

/// [`HeadlineStrip`] when `strip`, else [`Headline`].
fn headline_view(summary: Signal<Summary>, strip: bool) -> AnyView {
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

/// The headline the build wrote for the unfiltered default dataset (`<meta name="bridges-headline">` in
/// index.html, by `cargo xtask snapshots`), read once; `None` when the page has none or it does not read.
fn written_headline() -> Option<Summary> {
    thread_local! {
        static WRITTEN: Option<Summary> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name=\"bridges-headline\"]").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .and_then(|text| Summary::from_text(&text));
    }
    WRITTEN.with(Clone::clone)
}

/// The front page's headline as the loaded data gives it, published by the part of the page that has
/// the data ([`PublishHeadline`]) to the one that shows it ([`FrontHeadline`]), which is on the page
/// before the data and its code are. Provided by the route.
#[derive(Clone, Copy, Default)]
pub struct FrontSummary(pub RwSignal<Option<Summary>>);

/// The front page's headline: the loaded data's, once [`PublishHeadline`] has it; until then, for the
/// built-in default dataset with no filter in the URL, the figures the build computed from that dataset
/// as the page computes them once it has read it (the end-to-end test `early_headline` checks that they
/// are the same). A first visit sees the figures as soon as this small piece of code runs, before the
/// data, the code that reads it and the page's own code have arrived; when the data's own figures come,
/// the same element stays, with the same text. Never another view's figures: with a filter in the URL,
/// another dataset or a load that failed, it waits for the data.
#[component]
pub fn FrontHeadline(
    /// One line instead of cards (a phone).
    strip: bool,
) -> impl IntoView {
    let crate::DataResource(resource) = expect_context::<crate::DataResource>();
    let crate::DataChoice(choice) = expect_context::<crate::DataChoice>();
    let FrontSummary(published) = use_context::<FrontSummary>().unwrap_or_default();
    let location = leptos_router::hooks::use_location();
    let written = written_headline();
    let early = move || {
        let default_data = choice.with(|c| *c == crate::app_data::DataSource::Url(None))
            && resource.with(|r| {
                r.as_ref()
                    .is_none_or(|r| r.as_ref().is_ok_and(|d| d.is_default))
            });
        let unfiltered = location
            .search
            .with(|q| bridges_core::query::parse(q).0.filters.is_empty());
        written.clone().filter(|_| default_data && unfiltered)
    };
    let summary = Memo::new(move |_| published.get().or_else(&early));
    let shown = Memo::new(move |_| summary.with(Option::is_some));
    let figures = Signal::derive(move || summary.get().unwrap_or_default());
    move || shown.get().then(|| headline_view(figures, strip))
}

/// Gives the front page's [`FrontHeadline`] the headline of the loaded data under the URL's filters,
/// while this is on the page.
#[component]
pub fn PublishHeadline(
    /// The loaded dataset.
    data: std::sync::Arc<crate::app_data::AppData>,
) -> impl IntoView {
    let FrontSummary(published) = use_context::<FrontSummary>().unwrap_or_default();
    let summary = use_url_headline(data);
    // Set while rendering (not in an effect, which runs a tick later): the headline keeps its element.
    // The effect then follows changes (its first run would set the same value again).
    published.set(Some(summary.get_untracked()));
    Effect::new(move |first: Option<()>| {
        let now = summary.get();
        if first.is_some() {
            published.set(Some(now));
        }
    });
    on_cleanup(move || {
        published.try_set(None);
    });
}
