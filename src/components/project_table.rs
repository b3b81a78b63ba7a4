//! The filtered projects as a sortable table, fifty to a page: the table page and a table slide.

use std::sync::Arc;

use bridges_core::query::{Sort, SortKey, ViewState};
use bridges_core::table::sort_rows;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::facets::Chips;
use crate::components::headline::Headline;
use crate::components::notices::Notices;
use crate::components::project_detail::{recipients_text, sector_text};
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;
use crate::view_state::{use_aggregates, use_filtered_summary, use_set_view, use_view_state};

const PAGE: usize = 50;

/// The projects of the current filters, sortable, paged.
#[component]
pub fn ProjectTable(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let set_view = use_set_view();
    let agg = use_aggregates(Arc::clone(&data), state);
    let rows = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let (s, _) = state.get();
            let mut rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&s.filters),
                Err(_) => Vec::new(),
            };
            sort_rows(
                &data.loaded.dataset.projects,
                &data.reference,
                &mut rows,
                s.sort,
            );
            rows
        })
    };
    let summary = use_filtered_summary(Arc::clone(&data), state, agg);
    let unit = data.unit();
    let go = {
        let set_view = set_view.clone();
        Callback::new(move |next: ViewState| set_view(next))
    };
    let pages = move || rows.with(|r| r.len().div_ceil(PAGE).max(1));
    let page = move || state.get().0.page.clamp(1, pages());
    let header = move |key: SortKey, label: bridges_core::i18n::Key, numeric: bool| {
        let sort_state = move || {
            let s = state.get().0.sort;
            if s.key != key {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=sort_state class="table-sort">
                <button type="button" on:click=move |_| {
                    let mut s = state.get_untracked().0;
                    s.sort = if s.sort.key == key { Sort { key, descending: !s.sort.descending } } else { Sort { key, descending: matches!(key, SortKey::Amount | SortKey::Year) } };
                    s.page = 1;
                    go.run(s);
                }>
                    {move || label(t(lang.get()))}
                    {move || match sort_state() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}
                </button>
            </th>
        }
    };
    let body = {
        let data = Arc::clone(&data);
        move || {
            let start = (page() - 1) * PAGE;
            rows.with(|r| {
                r.iter()
                    .skip(start)
                    .take(PAGE)
                    .map(|&i| {
                        let p = &data.loaded.dataset.projects[i as usize];
                        let l = lang.get();
                        let unknown = t(l).unknown;
                        let amount = p.amount.as_ref().map(|a| crate::i18n::money(l, a.value, &a.currency)).unwrap_or_else(|| unknown.into());
                        let (title, title_lang) = match (l, &p.title_zh) {
                            (crate::i18n::Lang::Zh, Some(z)) => (z.clone(), "zh-Hans"),
                            _ => (p.title.clone(), "en"),
                        };
                        view! {
                            <tr data-id=p.id.clone()>
                                <td><a href=crate::paths::project_href(&p.id) lang=title_lang>{title}</a></td>
                                <td lang=p.recipients.is_empty().then_some("en")>{recipients_text(&data, p, l)}</td>
                                <td>{sector_text(&data, p, l)}</td>
                                <td class="num">{p.years.commitment.map(|y| y.to_string()).unwrap_or_else(|| unknown.into())}</td>
                                <td class="num">{amount}</td>
                                <td>{p.status.map(|s| s.label(l)).unwrap_or(unknown)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let to_page = move |n: usize| {
        let mut s = state.get_untracked().0;
        s.page = n;
        go.run(s);
    };
    view! {
        <Notices notices=Signal::derive(move || state.get().1)/>
        <Headline summary=summary/>
        <Chips data=Arc::clone(&data) state=Signal::derive(move || state.get().0) on_change=go/>
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr!(lang, col_projects)>
            <table class="projects" data-testid="results-table">
                <caption>{move || {
                    let total = rows.with(Vec::len);
                    let l = lang.get();
                    if total == 0 {
                        t(l).no_match.to_string()
                    } else {
                        fill(t(l).table_caption, &[
                            ("first", &count(l, ((page() - 1) * PAGE + 1) as u64)),
                            ("last", &count(l, (page() * PAGE).min(total) as u64)),
                            ("total", &count(l, total as u64)),
                            ("unit", &unit.name(l)),
                        ])
                    }
                }}</caption>
                <thead><tr>
                    {header(SortKey::Title, |t| t.col_title, false)}
                    {header(SortKey::Recipient, |t| t.col_recipient, false)}
                    {header(SortKey::Sector, |t| t.facet_sector, false)}
                    {header(SortKey::Year, |t| t.col_committed, true)}
                    {header(SortKey::Amount, |t| t.col_amount, true)}
                    {header(SortKey::Status, |t| t.facet_status, false)}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <nav class="pager" aria-label=tr!(lang, pages)>
            <button type="button" disabled=move || { page() == 1 } on:click=move |_| to_page(page() - 1)>{tr!(lang, previous)}</button>
            <span>{move || fill(t(lang.get()).page_of, &[("page", &page().to_string()), ("pages", &pages().to_string())])}</span>
            <button type="button" disabled=move || { page() >= pages() } on:click=move |_| to_page(page() + 1)>{tr!(lang, next)}</button>
        </nav>
    }
}
