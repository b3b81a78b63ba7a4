//! `/partners`: "We are <country> and want to work on <sector / goal / words>". Shows who has done it
//! (actors ranked by records in contexts like the asking country's), the countries that received such
//! projects (peers to learn from) and the projects themselves, with what the data cannot say next to
//! the answer. The question is the URL (`country=`, `sector=`, `sdg=`, `q=`, the atlas's own filter
//! parameters), so every answer can be shared. Ranking: `core::partners::finder`.
//! Test contract: `data-testid="partner-results"` with one `data-actor="<id>"` element per actor.

use std::sync::Arc;

use bridges_core::partners::{field_rows, find, Field, Finding, Gap};
use bridges_core::query::{to_query, ViewState};
use leptos::prelude::*;

use crate::app_data::{actors, AppData};
use crate::components::actor_link::{actor_href, actor_lang, actor_name};
use crate::components::data_gate::DataGate;
use crate::components::record_list::RecordList;
use crate::download::download_text;
use crate::i18n::{count, fill, tp, use_lang, Lang};
use crate::paths::href;
use crate::view_state::{use_set_view_with, use_view_state};

/// Actors and peers shown; the CSV has every actor.
const SHOWN: usize = 20;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1 class="page-title">{move || tp(lang.get()).finder_title}</h1>
        <p class="lede">{move || tp(lang.get()).finder_intro}</p>
        <DataGate children=move |data| view! { <Finder data=data/> }/>
    }
}

/// The question's parts from the URL's state.
fn question(s: &ViewState) -> (Option<String>, Field) {
    (
        s.filters.countries.iter().next().cloned(),
        Field {
            sectors: s.filters.sectors.clone(),
            sdgs: s.filters.sdgs.clone(),
            words: s.filters.q.clone(),
        },
    )
}

#[component]
fn Finder(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let replace = use_set_view_with(true);
    let index = {
        let data = Arc::clone(&data);
        LocalResource::new(move || actors(Arc::clone(&data)))
    };
    // Countries (every one of the reference tables: the asking country may have received nothing
    // yet) and the sectors the data has, named in the page's language.
    let countries = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let l = lang.get();
            let mut c: Vec<(String, String)> = data
                .reference
                .tables
                .countries
                .iter()
                .map(|c| {
                    (
                        c.iso3.clone(),
                        data.reference.country_name(&c.iso3, l).to_string(),
                    )
                })
                .collect();
            c.sort_by(|a, b| a.1.cmp(&b.1));
            c
        })
    };
    let sectors = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let l = lang.get();
            let codes = data
                .engine
                .lock()
                .map(|e| e.cols.sectors.clone())
                .unwrap_or_default();
            let mut c: Vec<(u16, String)> = codes
                .into_iter()
                .filter(|&c| c != 0)
                .map(|c| (c, data.reference.sector_name(c, l)))
                .collect();
            c.sort_by(|a, b| a.1.cmp(&b.1));
            c.dedup_by_key(|x| x.0);
            c
        })
    };
    let set = {
        let replace = replace.clone();
        move |f: &dyn Fn(&mut ViewState)| {
            let mut s = state.get_untracked().0;
            f(&mut s);
            replace(s);
        }
    };
    let on_country = {
        let set = set.clone();
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev);
            set(&|s: &mut ViewState| {
                s.filters.countries = std::iter::once(v.clone())
                    .filter(|v| !v.is_empty())
                    .collect();
            })
        }
    };
    let on_sector = {
        let set = set.clone();
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev).parse::<u16>().ok();
            set(&|s: &mut ViewState| s.filters.sectors = v.into_iter().collect())
        }
    };
    let on_sdg = {
        let set = set.clone();
        move |ev: web_sys::Event| {
            let v = event_target_value(&ev).parse::<u8>().ok();
            set(&|s: &mut ViewState| s.filters.sdgs = v.into_iter().collect())
        }
    };
    let on_words = move |ev: web_sys::Event| {
        let v = event_target_value(&ev);
        set(&|s: &mut ViewState| s.filters.q = v.trim().to_string())
    };

    let answer = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let (country, field) = question(&state.get().0);
            let country = country?;
            if field == Field::default() {
                return None;
            }
            let all = index.get().flatten()?;
            let mut engine = data.engine.lock().ok()?;
            let rows = field_rows(&mut engine, &field);
            Some(Arc::new(find(&engine.cols, &all, &country, &rows)))
        })
    };
    let picked_country = move || question(&state.get().0).0.unwrap_or_default();
    let picked_sector = move || {
        state
            .get()
            .0
            .filters
            .sectors
            .iter()
            .next()
            .map_or_else(String::new, u16::to_string)
    };
    let picked_sdg = move || {
        state
            .get()
            .0
            .filters
            .sdgs
            .iter()
            .next()
            .map_or_else(String::new, u8::to_string)
    };

    let d = Arc::clone(&data);
    view! {
        <form class="finder-form" on:submit=|ev| ev.prevent_default()>
            <label>{move || tp(lang.get()).we_are} " "
                <select on:change=on_country prop:value=picked_country data-testid="finder-country">
                    <option value="">{move || tp(lang.get()).choose_country}</option>
                    {move || countries.get().into_iter().map(|(iso, name)| {
                        let selected = picked_country() == iso;
                        view! { <option value=iso selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move || tp(lang.get()).want_sector} " "
                <select on:change=on_sector prop:value=picked_sector data-testid="finder-sector">
                    <option value="">{move || tp(lang.get()).any_sector}</option>
                    {move || sectors.get().into_iter().map(|(code, name)| {
                        let selected = picked_sector() == code.to_string();
                        view! { <option value=code.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move || tp(lang.get()).want_sdg} " "
                <select on:change=on_sdg prop:value=picked_sdg data-testid="finder-sdg">
                    <option value="">{move || tp(lang.get()).any_sdg}</option>
                    {move || {
                        let l = lang.get();
                        (1u8..=17).map(|g| {
                            let name = d.reference.sdg(g).map_or_else(|| g.to_string(), |s| format!("{g}. {}", if l == Lang::Zh { &s.name_zh } else { &s.name_en }));
                            let selected = picked_sdg() == g.to_string();
                            view! { <option value=g.to_string() selected=selected>{name}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <label>{move || tp(lang.get()).want_words} " "
                <input type="search" prop:value=move || state.get().0.filters.q on:change=on_words
                    placeholder=move || tp(lang.get()).words_placeholder data-testid="finder-words"/>
            </label>
        </form>
        {move || match answer.get() {
            None => {
                let (country, field) = question(&state.get().0);
                if country.is_some() && field != Field::default() {
                    view! { <p class="note" role="status">{move || tp(lang.get()).loading}</p> }.into_any()
                } else {
                    view! { <p class="note">{move || tp(lang.get()).ask_first}</p> }.into_any()
                }
            }
            Some(f) => view! { <Answer data=Arc::clone(&data) f=f/> }.into_any(),
        }}
    }
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

#[component]
fn Answer(data: Arc<AppData>, f: Arc<Finding>) -> impl IntoView {
    let lang = use_lang();
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
        f.actors.iter().take(SHOWN).map(|a| {
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
                        fill(tp(l).actor_line, &[
                            ("n", &count(l, p.total as u64)),
                            ("countries", &count(l, countries as u64)),
                            ("region", &count(l, p.same_region as u64)),
                            ("income", &count(l, p.same_income as u64)),
                        ])
                    }}</span>
                    <RecordList data=Arc::clone(&data) rows=examples limit=3 keep_order=true uncounted=true/>
                </li>
            }
        }).collect_view()
    };
    let peers_view = {
        let data = Arc::clone(&data);
        f.peers.iter().take(SHOWN).cloned().map(|p| {
            let data = Arc::clone(&data);
            view! {
                <li data-country=p.country.clone()>
                    {{ let iso = p.country.clone(); move || data.reference.country_name(&iso, lang.get()).to_string() }}
                    " · " {move || { let l = lang.get(); fill(tp(l).peer_line, &[("n", &count(l, p.projects as u64))]) }}
                    {p.same_region.then(|| view! { " · " <span class="tag">{move || tp(lang.get()).same_region}</span> })}
                    {p.same_income.then(|| view! { " · " <span class="tag">{move || tp(lang.get()).same_income}</span> })}
                </li>
            }
        }).collect_view()
    };
    let has_actors = !f.actors.is_empty();
    view! {
        <p class="finder-count" role="status">{move || { let l = lang.get(); fill(tp(l).found, &[("n", &count(l, total as u64))]) }}</p>
        {(!f.gaps.is_empty()).then(|| view! {
            <section class="finder-limits" aria-labelledby="finder-limits">
                <h2 id="finder-limits">{move || tp(lang.get()).limits_title}</h2>
                <ul>{gaps}</ul>
            </section>
        })}
        <section aria-labelledby="finder-actors">
            <h2 id="finder-actors">{move || tp(lang.get()).actors_title}</h2>
            {(!has_actors).then(|| view! { <p>{move || tp(lang.get()).actors_none}</p> })}
            <ol class="finder-actors" data-testid="partner-results">{actors_view}</ol>
            <button type="button" on:click=download>{move || tp(lang.get()).download_csv}</button>
        </section>
        <section aria-labelledby="finder-peers">
            <h2 id="finder-peers">{move || tp(lang.get()).peers_title}</h2>
            <ol class="finder-peers" data-testid="partner-peers">{peers_view}</ol>
        </section>
        <section aria-labelledby="finder-projects">
            <h2 id="finder-projects">{move || tp(lang.get()).projects_title}</h2>
            <RecordList data=Arc::clone(&data) rows=f.rows.clone() limit=20 keep_order=true/>
            <p><a href=table>{move || { let l = lang.get(); fill(tp(l).all_in_table, &[("n", &count(l, total as u64))]) }}</a></p>
        </section>
    }
}
