//! `/actors/<code>`: an actor's profile — a provider country or an agency the records name: its
//! projects (headline), roles, recipient countries, sectors, years, the actors it worked with, the
//! raw spellings grouped under it, and its records. Counts come from `core::partners::profile`, each
//! traceable to records. Test contract: `data-testid="actor"` and the headline test ids.

use std::sync::Arc;

use bridges_core::partners::{profile, ActorId, ActorProfile, Actors, Role};
use bridges_core::query::{to_query, ViewState};
use bridges_core::summary::Summary;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app_data::{actors, AppData};
use crate::components::actor_link::{actor_href, actor_lang, actor_name};
use crate::components::data_gate::DataGate;
use crate::components::headline::Headline;
use crate::components::mini_map::{MiniMap, MiniMapOf};
use crate::components::record_list::RecordList;
use crate::i18n::{count, fill, tm, tp, use_lang, Lang};
use crate::paths::href;

/// Rows kept in each list of the page (countries, sectors, partners): the rest are counted.
const TOP: usize = 12;

#[component]
pub fn ActorPage() -> impl IntoView {
    let location = use_location();
    let lang = use_lang();
    view! {
        <DataGate children=move |data| {
            // Re-read when the route changes (the router's path: the address changes later), the id
            // decoded once.
            let code = match crate::paths::page_at(&location.pathname.get()) {
                bridges_core::route::Page::Actor(id) => id,
                _ => String::new(),
            };
            let index = {
                let data = Arc::clone(&data);
                LocalResource::new(move || actors(Arc::clone(&data)))
            };
            move || {
                let Some(all) = index.get().flatten() else {
                    return view! { <p class="note" role="status">{move || tp(lang.get()).loading}</p> }.into_any();
                };
                let id = ActorId::from_code(&code);
                let found = data.engine.lock().ok().and_then(|e| profile(&all, &e.cols, &id));
                match found {
                    Some(p) => view! { <Profile data=Arc::clone(&data) actors=Arc::clone(&all) p=p/> }.into_any(),
                    None => view! {
                        <section class="not-found" data-testid="actor-not-found">
                            <h1>{move || tp(lang.get()).no_such_actor}</h1>
                            <p>{move || tp(lang.get()).no_actor_with_id} " " <code>{code.clone()}</code></p>
                        </section>
                    }.into_any(),
                }
            }
        }/>
    }
}

#[component]
fn Profile(data: Arc<AppData>, actors: Arc<Actors>, p: ActorProfile) -> impl IntoView {
    let lang = use_lang();
    let projects = &data.loaded.dataset.projects;
    let summary = Summary::of(
        p.rows.iter().filter_map(|&r| projects.get(r as usize)),
        Some(&data.unit.price_base),
    );
    let name = {
        let data = Arc::clone(&data);
        let (id, display) = (p.id.clone(), p.display.clone());
        move || actor_name(&data, &id, &display, lang.get())
    };
    let title = name.clone();
    crate::use_title_detail(move || Some(title()));
    let is_provider = matches!(p.id, ActorId::Provider(_));
    let kind = data.reference.actor(p.id.code()).map(|a| a.kind);
    // Providers and agencies are both filters of the explorer (`provider=`, `agency=`).
    let explorer = {
        let mut s = ViewState::default();
        match &p.id {
            ActorId::Provider(iso) => s.filters.providers.insert(iso.clone()),
            ActorId::Agency(key) => s.filters.agencies.insert(key.clone()),
        };
        Some(href(&format!("/explore?{}", to_query(&s))))
    };
    let roles = p
        .roles
        .iter()
        .map(|(role, c)| (*role, c.count))
        .collect::<Vec<_>>();
    let countries = {
        let mut c: Vec<(String, u32)> = p
            .countries
            .iter()
            .map(|(k, v)| (k.clone(), v.count))
            .collect();
        c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c
    };
    let map_countries: Vec<String> = countries.iter().map(|(iso, _)| iso.clone()).collect();
    let sectors = {
        let mut c: Vec<(Option<u16>, u32)> = p.sectors.iter().map(|(k, v)| (*k, v.count)).collect();
        c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c
    };
    let known_years: Vec<i32> = p.years.keys().filter_map(|y| *y).collect();
    let unknown_years = p.years.get(&None).map_or(0, |c| c.count);
    let partners: Vec<(ActorId, String, u32)> = p
        .partners
        .iter()
        .filter_map(|(id, c)| {
            let a = actors.get(id)?;
            (!a.placeholder).then(|| (id.clone(), a.display.clone(), c.count))
        })
        .collect();
    let amounts = p.amounts.clone();
    let spellings = p.spellings.clone();
    let regional = p.no_country.count;
    let d = Arc::clone(&data);
    view! {
        <article class="actor" data-testid="actor">
            <p class="eyebrow">{move || {
                let l = lang.get();
                // A provider that is not a country (a bridges/2 actor) says what it is.
                match (is_provider, kind) {
                    (true, Some(kind)) => kind.label(l).map_or(tp(l).kind_provider.to_string(), |k| fill(tp(l).kind_provider_other, &[("kind", k)])),
                    (true, None) => tp(l).kind_provider.to_string(),
                    (false, _) => tp(l).kind_agency.to_string(),
                }
            }}</p>
            <h1 class="page-title" lang=actor_lang(&p.id)>{name}</h1>
            <Headline summary=Signal::derive(move || summary.clone())/>
            <p class="note">{move || {
                let l = lang.get();
                fill(tp(l).amounts_line, &[
                    ("amount", &d.unit.amount(l, amounts.known_sum)),
                    ("known", &count(l, amounts.known as u64)),
                    ("unknown", &count(l, amounts.unknown as u64)),
                    ("other", &count(l, amounts.other_currency as u64)),
                ])
            }}</p>
            {explorer.map(|url| view! { <p><a href=url data-testid="actor-explore">{move || tp(lang.get()).in_explorer}</a></p> })}
            <section aria-labelledby="actor-roles">
                <h2 id="actor-roles">{move || tp(lang.get()).roles_title}</h2>
                <ul class="roles">
                    {roles.into_iter().map(|(role, n)| view! {
                        <li>{move || {
                            let l = lang.get();
                            let tx = tp(l);
                            let key = match role {
                                Role::Provider => tx.role_provider,
                                Role::Funding => tx.role_funding,
                                Role::Receiving => tx.role_receiving,
                                Role::Implementing => tx.role_implementing,
                            };
                            fill(key, &[("n", &count(l, n as u64))])
                        }}</li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="mini-map-section" aria-labelledby="actor-map">
                <h2 id="actor-map">{move || tm(lang.get()).mini_title}</h2>
                <MiniMap countries=map_countries of=MiniMapOf::Actor/>
            </section>
            <div class="actor-grid">
                <CountTable data=Arc::clone(&data) caption=|l| tp(l).countries_title head=|l| tp(l).col_country
                    rows=countries.into_iter().map(|(iso, n)| (Key::Country(iso), n)).collect()/>
                <CountTable data=Arc::clone(&data) caption=|l| tp(l).sectors_title head=|l| tp(l).col_sector
                    rows=sectors.into_iter().map(|(code, n)| (Key::Sector(code), n)).collect()/>
            </div>
            {(regional > 0).then(|| view! { <p class="note">{move || { let l = lang.get(); fill(tp(l).regional_records, &[("n", &count(l, regional as u64))]) }}</p> })}
            <section aria-labelledby="actor-years">
                <h2 id="actor-years">{move || tp(lang.get()).years_title}</h2>
                <p>{move || {
                    let l = lang.get();
                    match (known_years.first(), known_years.last()) {
                        (Some(a), Some(b)) => fill(tp(l).years_range, &[("from", &a.to_string()), ("to", &b.to_string()), ("unknown", &count(l, unknown_years as u64))]),
                        _ => fill(tp(l).years_range, &[("from", "?"), ("to", "?"), ("unknown", &count(l, unknown_years as u64))]),
                    }
                }}</p>
            </section>
            <section aria-labelledby="actor-partners">
                <h2 id="actor-partners">{move || tp(lang.get()).partners_title}</h2>
                {if partners.is_empty() {
                    view! { <p>{move || tp(lang.get()).partners_none}</p> }.into_any()
                } else {
                    let more = partners.len().saturating_sub(TOP);
                    let data = Arc::clone(&data);
                    view! {
                        <ul class="partners-list">
                            {partners.into_iter().take(TOP).map(|(id, display, n)| {
                                let data = Arc::clone(&data);
                                let url = actor_href(&id);
                                let code = id.code().to_string();
                                let name_lang = actor_lang(&id);
                                view! {
                                    <li data-actor=code><a href=url lang=name_lang>{move || actor_name(&data, &id, &display, lang.get())}</a>
                                        " · " {move || { let l = lang.get(); fill(tp(l).shared_records, &[("n", &count(l, n as u64))]) }}</li>
                                }
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p class="note">{move || { let l = lang.get(); fill(tp(l).more_not_shown, &[("n", &count(l, more as u64))]) }}</p> })}
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="actor-records">
                <h2 id="actor-records">{move || tp(lang.get()).records_title}</h2>
                <RecordList data=Arc::clone(&data) rows=p.rows.clone() limit=20/>
            </section>
            {(!is_provider).then(|| {
                let n = spellings.len();
                view! {
                    <details class="spellings">
                        <summary>{move || { let l = lang.get(); fill(tp(l).spellings_title, &[("n", &count(l, n as u64))]) }}</summary>
                        <p class="note">{move || tp(lang.get()).spellings_note}</p>
                        <ul>
                            {spellings.into_iter().take(100).map(|(s, n)| view! { <li><span lang="en">{s}</span> " (" {n} ")"</li> }).collect_view()}
                        </ul>
                    </details>
                }
            })}
        </article>
    }
}

/// What a row of a count table names.
#[derive(Clone)]
enum Key {
    Country(String),
    Sector(Option<u16>),
}

/// A table of counts (most first, [`TOP`] rows, the rest counted).
#[component]
fn CountTable(
    data: Arc<AppData>,
    caption: fn(Lang) -> &'static str,
    head: fn(Lang) -> &'static str,
    rows: Vec<(Key, u32)>,
) -> impl IntoView {
    let lang = use_lang();
    let more = rows.len().saturating_sub(TOP);
    view! {
        <div>
        <table class="count-table">
            <caption>{move || caption(lang.get())}</caption>
            <thead><tr><th scope="col">{move || head(lang.get())}</th><th scope="col" class="num">{move || tp(lang.get()).col_records}</th></tr></thead>
            <tbody>
                {rows.into_iter().take(TOP).map(|(key, n)| {
                    let data = Arc::clone(&data);
                    view! {
                        <tr>
                            <td>{move || {
                                let l = lang.get();
                                match &key {
                                    Key::Country(iso) => data.reference.country_name(iso, l).to_string(),
                                    Key::Sector(Some(code)) => data.reference.sector_name(*code, l),
                                    Key::Sector(None) => tp(l).unknown_sector.to_string(),
                                }
                            }}</td>
                            <td class="num">{move || count(lang.get(), n as u64)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(more > 0).then(|| view! { <p class="note">{move || { let l = lang.get(); fill(tp(l).more_not_shown, &[("n", &count(l, more as u64))]) }}</p> })}
        </div>
    }
}
