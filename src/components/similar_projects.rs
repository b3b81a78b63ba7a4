//! "Similar projects elsewhere" on a project page: the source's own linked records first (each a link;
//! ids the data does not hold are listed), then the ten records most like this one, preferring other
//! recipient countries, each with the reasons it was chosen, in words. Scoring: `core::similar`
//! (docs/similarity.md). Test contract: `data-testid="similar"` holds one element with
//! `data-id="<record id>"` per similar project.

use std::sync::Arc;

use bridges_core::similar::{like_these, similar, Match, Reason, Similar, Weights, DEFAULT_K};
use leptos::prelude::*;

use crate::app_data::{similar_index, AppData};
use crate::i18n::{fill, t, tm, use_lang, Lang};
use crate::tr;

/// A reason in `lang`.
fn reason_text(data: &AppData, r: &Reason, lang: Lang) -> String {
    let tx = t(lang);
    let sep = tm(lang).list_sep;
    match r {
        Reason::SameSector(code) => fill(
            tx.reason_sector,
            &[("sector", &data.reference.sector_name(*code, lang))],
        ),
        Reason::SharedSdgs(goals) => fill(
            tx.reason_sdgs,
            &[(
                "sdgs",
                &goals
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(sep),
            )],
        ),
        // The records' own words, quoted as they are (titles stay in their source language).
        Reason::SharedWords(words) => fill(
            tx.reason_words,
            &[(
                "words",
                &words
                    .iter()
                    .map(|w| format!("“{w}”"))
                    .collect::<Vec<_>>()
                    .join(sep),
            )],
        ),
        Reason::SameSubregion(code) | Reason::SameRegion(code) => fill(
            tx.reason_region,
            &[("region", data.reference.region_name(code, lang))],
        ),
        Reason::SameIncome(group) => fill(
            tx.reason_income,
            &[("group", bridges_core::explore::income_label(group, lang))],
        ),
        Reason::SimilarSize => tx.reason_size.to_string(),
        Reason::CloseYear(y) => fill(tx.reason_year, &[("year", &y.to_string())]),
        Reason::SameCountry(iso) => fill(
            tx.reason_country,
            &[("country", data.reference.country_name(iso, lang))],
        ),
    }
}

/// The matches as a list: each record's title (a link to its page) and the reasons it was chosen.
fn match_list(data: &Arc<AppData>, matches: &[Match], l: Lang) -> impl IntoView {
    let items = matches
        .iter()
        .filter_map(|m| {
            let p = data.loaded.dataset.projects.get(m.row as usize)?;
            let url = crate::paths::project_href(&p.id);
            let reasons = m
                .reasons
                .iter()
                .map(|r| reason_text(data, r, l))
                .collect::<Vec<_>>()
                .join(tm(l).list_sep);
            Some(view! {
                <li data-id=p.id.clone()>
                    <a href=url lang="en">{p.title.clone()}</a>
                    <span class="why">{reasons}</span>
                </li>
            })
        })
        .collect_view();
    view! { <ol class="similar-list" data-testid="similar">{items}</ol> }
}

/// "Projects like these elsewhere" for the URL's filters (the explorer, `/embed/similar`): the records
/// outside the filtered set most like it as a whole ([`like_these`]). Test contract: as
/// [`SimilarProjects`], `data-testid="similar"` with one `data-id` element per record.
#[component]
pub fn LikeThese(
    data: Arc<AppData>,
    /// Its own heading (not inside a disclosure whose summary already names it).
    #[prop(default = true)]
    heading: bool,
) -> impl IntoView {
    let lang = use_lang();
    let state = crate::view_state::use_view_state();
    let index = {
        let data = Arc::clone(&data);
        LocalResource::new(move || similar_index(Arc::clone(&data)))
    };
    let answer = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let filters = state.with(|(s, _)| s.filters.clone());
            if filters.is_empty() {
                return Some(None);
            }
            let ix = index.get().flatten()?;
            let mut engine = data.engine.lock().ok()?;
            let rows = engine.matching(&filters);
            Some(Some(like_these(
                &ix,
                &engine.cols,
                &rows,
                DEFAULT_K,
                &Weights::default(),
            )))
        })
    };
    view! {
        <section class="similar like-these" aria-label=move || t(lang.get()).like_these_title>
            {heading.then(|| view! { <h2>{tr!(lang, like_these_title)}</h2> })}
            {move || match answer.get() {
                None => view! { <p class="note" role="status">{tr!(lang, similar_loading)}</p> }.into_any(),
                Some(None) => view! { <p class="note">{tr!(lang, like_these_no_filter)}</p> }.into_any(),
                Some(Some(matches)) => view! {
                    <p class="note">{tr!(lang, like_these_intro)}</p>
                    {match_list(&data, &matches, lang.get())}
                }.into_any(),
            }}
        </section>
    }
}

/// The linked and similar records of the record at `row`, once the similarity index is built (`None`
/// until then). One computation per record: the list below and the project page's mini-map both read
/// this memo.
pub fn use_similar(data: Arc<AppData>, row: u32) -> Memo<Option<Similar>> {
    let index = {
        let data = Arc::clone(&data);
        LocalResource::new(move || similar_index(Arc::clone(&data)))
    };
    Memo::new(move |_| {
        let ix = index.get().flatten()?;
        let engine = data.engine.lock().ok()?;
        let t = crate::marks::now();
        let found = similar(&ix, &engine.cols, row, DEFAULT_K, &Weights::default());
        // Read by scripts/bench (issue #16: one record's similar projects in ≤ 30 ms).
        crate::marks::push("__bridgesSimilarMs", crate::marks::now() - t);
        Some(found)
    })
}

/// The linked and similar records of a record ([`use_similar`]).
#[component]
pub fn SimilarProjects(
    /// The loaded dataset.
    data: Arc<AppData>,
    /// The record's linked and similar records, `None` while the index is being built.
    answer: Memo<Option<Similar>>,
) -> impl IntoView {
    let lang = use_lang();
    let data_for_reasons = Arc::clone(&data);
    let link_to = move |r: u32| {
        let p = data.loaded.dataset.projects.get(r as usize)?;
        Some((
            p.id.clone(),
            p.title.clone(),
            crate::paths::project_href(&p.id),
        ))
    };
    view! {
        <section class="similar" aria-labelledby="similar-title">
            <h2 id="similar-title">{tr!(lang, similar_title)}</h2>
            {move || match answer.get() {
                None => view! { <p class="note" role="status">{tr!(lang, similar_loading)}</p> }.into_any(),
                Some(s) => {
                    let l = lang.get();
                    let linked = (!s.linked.is_empty() || !s.missing.is_empty()).then(|| view! {
                        <h3>{t(l).similar_linked}</h3>
                        <ul class="linked" data-testid="linked">
                            {s.linked.iter().filter_map(|k| link_to(k.row)).map(|(id, title, url)| view! {
                                <li data-id=id><a href=url lang="en">{title}</a></li>
                            }).collect_view()}
                        </ul>
                        {(!s.missing.is_empty()).then(|| view! {
                            <p class="note">{t(l).similar_missing} " " <code>{s.missing.join(", ")}</code></p>
                        })}
                    });
                    view! {
                        {linked}
                        {match_list(&data_for_reasons, &s.similar, l)}
                    }.into_any()
                }
            }}
        </section>
    }
}
