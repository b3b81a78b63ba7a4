//! The partner finder's answer (issue #16): the actors ranked by experience in the field, the
//! countries that received such projects and the projects themselves, with what the data cannot say
//! beside them. Shown by `/partners` under its question and, compact, on a story slide of the finder.

use std::sync::Arc;

use bridges_core::partners::{field_rows, find, question, Field, Finding, Gap};
use bridges_core::query::{to_query, Notice, ViewState};
use leptos::prelude::*;

use crate::app_data::{actors, AppData};
use crate::components::actor_link::{actor_href, actor_lang, actor_name};
use crate::components::record_list::RecordList;
use crate::download::download_text;
use crate::i18n::{count, fill, tp, use_lang, Lang};
use crate::paths::href;
use crate::view_state::use_view_state;

/// Actors and peers shown on the page; the CSV has every actor.
const SHOWN: usize = 20;
/// Actors and peers shown on a slide, readable from the back of a room.
const SHOWN_ON_SLIDE: usize = 5;

/// The answer to the question the view state asks: `None` until a country and a field are chosen (or
/// while the actors' index is being built, in slices, at first use).
pub fn use_finding(
    data: Arc<AppData>,
    state: Memo<(ViewState, Vec<Notice>)>,
) -> Memo<Option<Arc<Finding>>> {
    let index = {
        let data = Arc::clone(&data);
        LocalResource::new(move || actors(Arc::clone(&data)))
    };
    Memo::new(move |_| {
        let (country, field) = question(&state.get().0.filters);
        let country = country?;
        if field == Field::default() {
            return None;
        }
        let all = index.get().flatten()?;
        let mut engine = data.engine.lock().ok()?;
        let rows = field_rows(&mut engine, &field);
        Some(Arc::new(find(&engine.cols, &all, &country, &rows)))
    })
}

/// A gap in words.
fn gap_text(data: &AppData, g: &Gap, lang: Lang) -> String {
    let tx = tp(lang);
    let n = |v: &u32| count(lang, *v as u64);
    match g {
        Gap::NoRecords => tx.gap_no_records.to_string(),
        Gap::UnknownCountry(c) => fill(
            tx.gap_unknown_country,
            &[("code", data.reference.country_name(c, lang))],
        ),
        Gap::NoContext(c) => fill(
            tx.gap_no_context,
            &[("code", data.reference.country_name(c, lang))],
        ),
        Gap::AmountUnknown(v) => fill(tx.gap_amount_unknown, &[("n", &n(v))]),
        Gap::AmountOtherCurrency(v) => fill(tx.gap_other_currency, &[("n", &n(v))]),
        Gap::NoAgency(v) => fill(tx.gap_no_agency, &[("n", &n(v))]),
        Gap::PlaceholderAgency(v) => fill(tx.gap_placeholder, &[("n", &n(v))]),
        Gap::NoRecipient(v) => fill(tx.gap_no_recipient, &[("n", &n(v))]),
        Gap::YearUnknown(v) => fill(tx.gap_year_unknown, &[("n", &n(v))]),
        Gap::SingleProvider(p) => fill(
            tx.gap_single_provider,
            &[("provider", data.reference.country_name(p, lang))],
        ),
    }
}

/// The answer. `compact` (a slide): the five first actors and peers, without examples, beside what the
/// data cannot say; no projects list, no download.
#[component]
pub fn PartnerAnswer(
    data: Arc<AppData>,
    f: Arc<Finding>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    let shown = if compact { SHOWN_ON_SLIDE } else { SHOWN };
    let state = use_view_state();
    let total = f.rows.len();
    let gaps = {
        let data = Arc::clone(&data);
        let f = Arc::clone(&f);
        move || {
            let l = lang.get();
            f.gaps
                .iter()
                .map(|g| view! { <li>{gap_text(&data, g, l)}</li> })
                .collect_view()
        }
    };
    let download = {
        let data = Arc::clone(&data);
        let f = Arc::clone(&f);
        move |_| {
            let l = lang.get_untracked();
            let projects = &data.loaded.dataset.projects;
            let csv = bridges_core::export::ranking_csv(
                &f,
                |id, display| actor_name(&data, id, display, l),
                |r| projects.get(r as usize).map(|p| p.id.clone()),
                &to_query(&state.get_untracked().0),
            );
            let _ = download_text("bridges-partners.csv", "text/csv;charset=utf-8", &csv);
        }
    };
    let table = move || {
        let mut s = state.get().0;
        s.filters.countries.clear();
        href(&format!("/table?{}", to_query(&s)))
    };
    let actors_view = {
        let data = Arc::clone(&data);
        f.actors.iter().take(shown).map(|a| {
            let data = Arc::clone(&data);
            let url = actor_href(&a.id);
            let code = a.id.code().to_string();
            let name_lang = actor_lang(&a.id);
            let (id, display) = (a.id.clone(), a.display.clone());
            let examples = a.examples.clone();
            let p = a.projects;
            let countries = a.countries;
            view! {
                <li data-actor=code>
                    <a href=url lang=name_lang>{{ let data = Arc::clone(&data); move || actor_name(&data, &id, &display, lang.get()) }}</a>
                    <span class="why">{move || {
                        let l = lang.get();
                        let template = match (p.total, countries) {
                            (1, _) => tp(l).actor_line_one,
                            (_, 1) => tp(l).actor_line_one_country,
                            _ => tp(l).actor_line,
                        };
                        fill(template, &[
                            ("n", &count(l, p.total as u64)),
                            ("countries", &count(l, countries as u64)),
                            ("region", &count(l, p.same_region as u64)),
                            ("income", &count(l, p.same_income as u64)),
                        ])
                    }}</span>
                    {(!compact).then(|| view! { <RecordList data=Arc::clone(&data) rows=examples limit=3 keep_order=true uncounted=true/> })}
                </li>
            }
        }).collect_view()
    };
    let peers_view = {
        let data = Arc::clone(&data);
        f.peers.iter().take(shown).cloned().map(|p| {
            let data = Arc::clone(&data);
            view! {
                <li data-country=p.country.clone()>
                    {{ let iso = p.country.clone(); move || data.reference.country_name(&iso, lang.get()).to_string() }}
                    " · " {move || { let l = lang.get(); fill(if p.projects == 1 { tp(l).peer_line_one } else { tp(l).peer_line }, &[("n", &count(l, p.projects as u64))]) }}
                    {p.same_region.then(|| view! { " · " <span class="tag">{move || tp(lang.get()).same_region}</span> })}
                    {p.same_income.then(|| view! { " · " <span class="tag">{move || tp(lang.get()).same_income}</span> })}
                </li>
            }
        }).collect_view()
    };
    let has_actors = !f.actors.is_empty();
    let found = move || {
        let l = lang.get();
        fill(tp(l).found, &[("n", &count(l, total as u64))])
    };
    let limits = (!f.gaps.is_empty()).then(|| {
        view! {
            <section class="finder-limits" aria-labelledby="finder-limits">
                <h2 id="finder-limits">{move || tp(lang.get()).limits_title}</h2>
                <ul>{gaps}</ul>
            </section>
        }
    });
    let actors_section = view! {
        <section class="finder-ranked" aria-labelledby="finder-actors">
            <h2 id="finder-actors">{move || tp(lang.get()).actors_title}</h2>
            {(!has_actors).then(|| view! { <p>{move || tp(lang.get()).actors_none}</p> })}
            <ol class="finder-actors" data-testid="partner-results">{actors_view}</ol>
            {(!compact).then(|| view! { <button type="button" on:click=download>{move || tp(lang.get()).download_csv}</button> })}
        </section>
    };
    let peers_section = view! {
        <section class="finder-ranked" aria-labelledby="finder-peers">
            <h2 id="finder-peers">{move || tp(lang.get()).peers_title}</h2>
            <ol class="finder-peers" data-testid="partner-peers">{peers_view}</ol>
        </section>
    };
    if compact {
        return view! {
            <div class="finder-slide">
                <p class="finder-count" role="status">{found}</p>
                <div class="finder-slide-columns">{actors_section} {peers_section} {limits}</div>
            </div>
        }
        .into_any();
    }
    view! {
        <p class="finder-count" role="status">{found}</p>
        {limits}
        {actors_section}
        {peers_section}
        <section aria-labelledby="finder-projects">
            <h2 id="finder-projects">{move || tp(lang.get()).projects_title}</h2>
            <RecordList data=Arc::clone(&data) rows=f.rows.clone() limit=20 keep_order=true/>
            <p><a href=table>{move || { let l = lang.get(); fill(tp(l).all_in_table, &[("n", &count(l, total as u64))]) }}</a></p>
        </section>
    }
    .into_any()
}
