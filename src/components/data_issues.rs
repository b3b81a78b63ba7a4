use bridges_core::{format, Consequence, DataIssue};
use leptos::prelude::*;

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
    let rows = move || {
        let n = if show_all.get() {
            total
        } else {
            FIRST.min(total)
        };
        issues[..n]
            .iter()
            .map(|i| {
                view! {
                    <tr data-record=i.record.map(|r| r.to_string())>
                        <td>{i.source.clone()}</td>
                        <td>{i.record.map(|r| (r + 1).to_string()).unwrap_or_default()}</td>
                        <td>{i.id.clone().unwrap_or_default()}</td>
                        <td><code>{i.field.clone().unwrap_or_default()}</code></td>
                        <td>{i.expected.clone()}</td>
                        <td>{i.found.clone().unwrap_or_default()}</td>
                        <td>{i.consequence_text()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="data-issues" data-testid="data-issues" data-count=total.to_string() aria-labelledby="issues-title">
            <h2 id="issues-title">{format!("Problems found in the data: {}", format::int(total as u64))}</h2>
            <p>{format!(
                "{} records were skipped; the others were kept, with any unusable value treated as unknown.",
                format::int(skipped as u64)
            )}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Problems found in the data">
                <table>
                    <thead><tr>
                        <th scope="col">"Source"</th><th scope="col">"Record"</th><th scope="col">"Id"</th>
                        <th scope="col">"Field"</th><th scope="col">"Expected"</th><th scope="col">"Found"</th>
                        <th scope="col">"Result"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(total > FIRST).then(|| view! {
                <button type="button" on:click=move |_| show_all.update(|v| *v = !*v)>
                    {move || if show_all.get() { "Show fewer".to_string() } else { format!("Show all {}", format::int(total as u64)) }}
                </button>
            })}
        </section>
    }
    .into_any()
}
