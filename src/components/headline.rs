use bridges_core::{format, Summary};
use leptos::prelude::*;

/// The headline figures of the current view: projects, known amount, unknown amounts, years, countries.
/// Test contract: `project-count`, `amount-total`, `amount-unknown` carry exact integers in `data-value`.
#[component]
pub fn Headline(
    /// Figures to show.
    #[prop(into)]
    summary: Signal<Summary>,
) -> impl IntoView {
    let s = move || summary.get();
    let announcement = move || {
        let s = s();
        let amount = s
            .amount
            .as_ref()
            .map(|a| format!(", {} known", format::money(a.total, &a.currency)))
            .unwrap_or_default();
        format!(
            "Showing {} projects{amount}; {} with unknown amount.",
            format::int(s.projects as u64),
            format::int(s.amount_unknown as u64)
        )
    };
    view! {
        <p class="sr-only" role="status" aria-live="polite" data-testid="live-status">{announcement}</p>
        <section class="headline" aria-label="Headline figures">
            <div class="figure" data-testid="project-count" data-value=move || s().projects.to_string()>
                <span class="value">{move || format::int(s().projects as u64)}</span>
                <span class="label">"projects"</span>
            </div>
            <div class="figure" data-testid="amount-total"
                data-value=move || format!("{:.0}", s().amount.map_or(0.0, |a| a.total))>
                <span class="value">{move || s().amount.map_or("—".into(), |a| format::money(a.total, &a.currency))}</span>
                <span class="label">{move || match s().amount {
                    Some(a) => format!("known amount, {} {} ({} projects)", a.price_base, a.currency, format::int(a.projects as u64)),
                    None => "no project has a known amount".to_string(),
                }}</span>
            </div>
            <div class="figure" data-testid="amount-unknown" data-value=move || s().amount_unknown.to_string()>
                <span class="value">{move || format::int(s().amount_unknown as u64)}</span>
                <span class="label">"projects with unknown amount (not counted as zero)"</span>
            </div>
            <div class="figure" data-testid="year-range">
                <span class="value">{move || s().years.map_or("—".into(), |(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") })}</span>
                <span class="label">{move || match s().year_unknown {
                    0 => "commitment years".to_string(),
                    n => format!("commitment years ({} unknown)", format::int(n as u64)),
                }}</span>
            </div>
            <div class="figure" data-testid="country-count" data-value=move || s().countries.to_string()>
                <span class="value">{move || format::int(s().countries as u64)}</span>
                <span class="label">{move || match s().without_country {
                    0 => "recipient countries".to_string(),
                    n => format!("recipient countries, plus {} regional projects", format::int(n as u64)),
                }}</span>
            </div>
            {move || (s().amount_other_groups > 0).then(|| view! {
                <p class="note">{format!(
                    "{} projects have amounts in another currency or price base; they are not added to the total.",
                    format::int(s().amount_other_groups as u64)
                )}</p>
            })}
        </section>
    }
}

/// The headline of the current URL's filters (every view shows it).
#[component]
pub fn FilteredHeadline(
    /// The loaded dataset.
    data: std::sync::Arc<crate::app_data::AppData>,
) -> impl IntoView {
    use crate::view_state::{filtered_summary, use_aggregates, use_view_state};
    let state = use_view_state();
    let agg = use_aggregates(std::sync::Arc::clone(&data), state);
    let summary = Signal::derive(move || filtered_summary(&data, &agg.get(), &state.get().0));
    view! { <Headline summary=summary/> }
}
