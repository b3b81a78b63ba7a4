use bridges_core::{Consequence, DataIssue};
use leptos::prelude::*;

use crate::i18n::{count, fill, t, use_lang};
use crate::tr;

/// How many problems are listed before "show all" is needed.
const FIRST: usize = 50;

/// Lists problems found while loading a dataset: where (source, record, id, field), what was expected,
/// what was found and what Bridges did. Renders nothing when there are none.
/// Test contract: `data-testid="data-issues"` with `data-count`.
#[component]
pub fn DataIssues(
    /// The problems, in file order.
    issues: Vec<DataIssue>,
) -> impl IntoView {
    if issues.is_empty() {
        return ().into_any();
    }
    let total = issues.len();
    let skipped = issues
        .iter()
        .filter(|i| i.consequence == Consequence::RecordSkipped)
        .count();
    let show_all = RwSignal::new(false);
    let lang = use_lang();
    let rows = move || {
        let n = if show_all.get() {
            total
        } else {
            FIRST.min(total)
        };
        issues[..n]
            .iter()
            .map(|i| {
                let consequence = i.consequence;
                view! {
                    <tr data-record=i.record.map(|r| r.to_string())>
                        <td><code>{i.source.clone()}</code></td>
                        <td>{i.record.map(|r| (r + 1).to_string()).unwrap_or_default()}</td>
                        <td><code>{i.id.clone().unwrap_or_default()}</code></td>
                        <td><code>{i.field.clone().unwrap_or_default()}</code></td>
                        <td>{let e = i.expected.clone(); move || crate::i18n::message_view(lang.get(), &e)}</td>
                        <td>{i.found.clone().map(|f| {
                            // The file's own text stays as it is; descriptions ("a list of 3 items") are translated.
                            if f.starts_with('"') {
                                view! { <code>{f}</code> }.into_any()
                            } else {
                                (move || crate::i18n::message_view(lang.get(), &f)).into_any()
                            }
                        })}</td>
                        <td>{move || {
                            let tx = t(lang.get());
                            match consequence {
                                Consequence::RecordSkipped => tx.issue_skipped,
                                Consequence::ValueIgnored => tx.issue_value_ignored,
                                Consequence::Kept => tx.issue_kept,
                            }
                        }}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="data-issues" data-testid="data-issues" data-count=total.to_string() aria-labelledby="issues-title">
            <h2 id="issues-title">{move || fill(t(lang.get()).issues_title, &[("n", &count(lang.get(), total as u64))])}</h2>
            <p>{move || fill(t(lang.get()).issues_skipped, &[("n", &count(lang.get(), skipped as u64))])}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=tr!(lang, issues_region)>
                <table>
                    <thead><tr>
                        <th scope="col">{tr!(lang, col_source)}</th><th scope="col">{tr!(lang, col_record)}</th><th scope="col">{tr!(lang, col_id)}</th>
                        <th scope="col">{tr!(lang, col_field)}</th><th scope="col">{tr!(lang, col_expected)}</th><th scope="col">{tr!(lang, col_found)}</th>
                        <th scope="col">{tr!(lang, col_result)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(total > FIRST).then(|| view! {
                <button type="button" on:click=move |_| show_all.update(|v| *v = !*v)>
                    {move || if show_all.get() { t(lang.get()).show_fewer.to_string() } else { fill(t(lang.get()).show_all_n, &[("n", &count(lang.get(), total as u64))]) }}
                </button>
            })}
        </section>
    }
    .into_any()
}
