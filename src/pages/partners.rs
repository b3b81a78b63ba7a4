//! `/partners`: "We are <country> and want to work on <sector / goal / words>". Shows who has done it
//! (actors ranked by records in contexts like the asking country's), the countries that received such
//! projects (peers to learn from) and the projects themselves, with what the data cannot say next to
//! the answer. The question is the URL (`country=`, `sector=`, `sdg=`, `q=`, the atlas's own filter
//! parameters), so every answer can be shared. Ranking: `core::partners::finder`.
//! Test contract: `data-testid="partner-results"` with one `data-actor="<id>"` element per actor.

use std::sync::Arc;

use bridges_core::partners::{question, Field};
use bridges_core::query::ViewState;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::partner_answer::{use_finding, PartnerAnswer};
use crate::i18n::{tp, use_lang, Lang};
use crate::view_state::{use_set_view_with, use_view_state};

#[component]
pub fn PartnersPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1 class="page-title">{move || tp(lang.get()).finder_title}</h1>
        <p class="lede">{move || tp(lang.get()).finder_intro}</p>
        <DataGate children=move |data| view! { <Finder data=data/> }/>
    }
}

#[component]
fn Finder(data: Arc<AppData>) -> impl IntoView {
    let lang = use_lang();
    let state = use_view_state();
    let replace = use_set_view_with(true);
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

    let answer = use_finding(Arc::clone(&data), state);
    let picked_country = move || question(&state.get().0.filters).0.unwrap_or_default();
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
                let (country, field) = question(&state.get().0.filters);
                if country.is_some() && field != Field::default() {
                    view! { <p class="note" role="status">{move || tp(lang.get()).loading}</p> }.into_any()
                } else {
                    view! { <p class="note">{move || tp(lang.get()).ask_first}</p> }.into_any()
                }
            }
            Some(f) => view! { <PartnerAnswer data=Arc::clone(&data) f=f/> }.into_any(),
        }}
    }
}
