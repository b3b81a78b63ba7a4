use bridges_core::{Consequence, DataIssue};
use leptos::prelude::*;

use crate::i18n::{count, fill, t, use_lang};
use crate::tr;

lazy_fn! {
    /// Every problem as CSV (cells neutralised against formulas).
    fn problems_csv(issues: std::sync::Arc<Vec<DataIssue>>) -> String {
        bridges_core::export::table_csv(
            &["source", "record", "id", "field", "expected", "found", "consequence"],
            issues.iter().map(|i| {
                vec![
                    i.source.to_string(),
                    i.record.map_or_else(String::new, |r| (r + 1).to_string()),
                    i.id.clone().unwrap_or_default(),
                    i.field.clone().unwrap_or_default(),
                    i.expected.to_string(),
                    i.found.clone().unwrap_or_default(),
                    format!("{:?}", i.consequence),
                ]
            }),
        )
    }
    preload: __preload_problems_csv, in: problems_csv;
}

/// How many problems are listed before "show more" is needed.
const FIRST: usize = 50;
/// The most rows the page ever holds: a file can produce hundreds of thousands of problems.
const MOST: usize = 500;

/// How much of the problems list a page shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IssuesShown {
    /// One line with the count; the table opens on request. Open from the start when records were
    /// skipped, since then the visitor is not seeing all of the file.
    #[default]
    Line,
    /// The table, open (the About page, where the data's quality is the point).
    Full,
}

/// Lists problems found while loading a dataset: where (source, record, id, field), what was expected,
/// what was found and what Bridges did. Renders nothing when there are none. On most pages it is one line
/// with the count ([`IssuesShown::Line`]), so the data's notes never push the page's content away.
/// Test contract: `data-testid="data-issues"` with `data-count`.
#[component]
pub fn DataIssues(
    /// The problems, in file order.
    issues: Vec<DataIssue>,
    /// One line, or the whole table.
    #[prop(optional)]
    shown: IssuesShown,
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
    let issues = std::sync::Arc::new(issues);
    // Every problem, not only those the page lists; the CSV writer is code of its own, downloaded with
    // the first click (it would otherwise weigh on every page's start).
    let download = {
        let issues = std::sync::Arc::clone(&issues);
        move |_| {
            let issues = std::sync::Arc::clone(&issues);
            leptos::task::spawn_local(async move {
                if let Ok(csv) = problems_csv(issues).await {
                    let _ = crate::download::download_text(
                        "bridges-problems.csv",
                        "text/csv;charset=utf-8",
                        &csv,
                    );
                }
            });
        }
    };
    let rows = move || {
        let n = if show_all.get() {
            MOST.min(total)
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
                        <td>{let e = i.expected; move || crate::i18n::expected_view(lang.get(), e)}</td>
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
    let open = shown == IssuesShown::Full || skipped > 0;
    view! {
        <details class="data-issues" id="data-issues" data-testid="data-issues" data-count=total.to_string() open=open>
            <summary>
                <h2 id="issues-title">{move || fill(t(lang.get()).issues_title, &[("n", &count(lang.get(), total as u64))])}</h2>
                <span class="data-issues-more">{move || if skipped > 0 {
                    fill(t(lang.get()).issues_skipped_short, &[("n", &count(lang.get(), skipped as u64))])
                } else {
                    t(lang.get()).issues_none_skipped.to_string()
                }}</span>
            </summary>
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
                    {move || {
                        let (l, tx) = (lang.get(), t(lang.get()));
                        if show_all.get() {
                            tx.show_fewer.to_string()
                        } else if total > MOST {
                            fill(tx.show_first_n, &[("n", &count(l, MOST as u64)), ("total", &count(l, total as u64))])
                        } else {
                            fill(tx.show_all_n, &[("n", &count(l, total as u64))])
                        }
                    }}
                </button>
            })}
            <button type="button" class="issues-download" on:click=download>{move || t(lang.get()).issues_download}</button>
        </details>
    }
    .into_any()
}
