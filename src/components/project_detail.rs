//! One project, everything the dataset says about it: the project page shows it, and so does a slide.

use std::sync::Arc;

use bridges_core::Project;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::i18n::{currency_name, fill, money, price_base, t, tm, use_lang, Lang};
use crate::paths::href;

/// The amount as people read it, or "unknown" (never zero) when the source has none.
pub fn amount_text(p: &Project, lang: Lang) -> String {
    match &p.amount {
        Some(a) => {
            let base = price_base(lang, &a.price_base);
            let currency = currency_name(lang, &a.currency);
            match lang {
                Lang::En => format!("{} ({base} {currency})", money(lang, a.value, &a.currency)),
                Lang::Zh => format!("{}（{base}{currency}）", money(lang, a.value, &a.currency)),
            }
        }
        None => t(lang).unknown.into(),
    }
}

/// Recipient country names in `lang`, or the dataset's regional label for regional projects.
pub fn recipients_text(data: &AppData, p: &Project, lang: Lang) -> String {
    bridges_core::table::recipients_label_in(p, &data.reference, lang)
}

/// The sector's name in `lang` from the reference table, else the name the dataset gives.
pub fn sector_text(data: &AppData, p: &Project, lang: Lang) -> String {
    match &p.sector {
        Some(s) if data.reference.sector(s.code).is_some() => {
            data.reference.sector_name(s.code, lang)
        }
        Some(s) => s.name.clone(),
        None => t(lang).unknown.into(),
    }
}

fn year_text(y: Option<i32>, lang: Lang) -> String {
    y.map(|y| y.to_string())
        .unwrap_or_else(|| t(lang).unknown.into())
}

/// Everything a record says, with its sources and citation.
#[component]
pub fn ProjectDetail(
    /// The loaded dataset.
    data: Arc<AppData>,
    /// The record.
    p: Project,
    /// Shown beside the facts (below them on a narrow screen): the project page's mini-map.
    #[prop(optional, into)]
    aside: Option<ViewFn>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let tx = t(l);
        let unknown = tx.unknown;
        let sdgs = p
            .sdgs
            .iter()
            .filter_map(|g| data.reference.sdg(*g))
            .map(|s| {
                let name = data.reference.sdg_name(s.goal, l).unwrap_or_default().to_string();
                view! { <li class="sdg" style:border-color=s.colour.clone()>{if l == Lang::En { format!("SDG {}: {name}", s.goal) } else { format!("SDG {}：{name}", s.goal) }}</li> }
            })
            .collect_view();
        let locations = p
            .locations
            .iter()
            .map(|loc| {
                let level = loc
                    .level
                    .clone()
                    .map(|v| v.to_uppercase())
                    .unwrap_or_else(|| tx.location.into());
                let coords = format!(" ({level}): {:.3}, {:.3}", loc.lat, loc.lon);
                match loc.name.clone() {
                    Some(name) => {
                        view! { <li><span lang="en">{name}</span>{coords}</li> }.into_any()
                    }
                    None => view! { <li>{tx.unnamed_area}{coords}</li> }.into_any(),
                }
            })
            .collect_view();
        let sources = p
            .sources
            .iter()
            .map(|s| {
                let label = s.label.clone().unwrap_or_else(|| s.url.clone());
                view! { <li><a href=s.url.clone() rel="external noopener noreferrer" target="_blank"><span lang="en">{label}</span> " — " <span translate="no">{s.url.clone()}</span></a></li> }
            })
            .collect_view();
        let agencies = [
            (tx.agencies_funding, &p.agencies.funding),
            (tx.agencies_receiving, &p.agencies.receiving),
            (tx.agencies_implementing, &p.agencies.implementing),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            // Each agency links to its profile (names grouped by the same key as there).
            let links = v
                .iter()
                .filter(|n| !bridges_core::text::is_blank(n))
                .enumerate()
                .map(|(i, n)| {
                    let id = bridges_core::partners::ActorId::Agency(bridges_core::partners::agency_key(n));
                    view! { {(i > 0).then_some("; ")}<a href=crate::components::actor_link::actor_href(&id)>{n.trim().to_string()}</a> }
                })
                .collect_view();
            view! { <dt>{k}</dt><dd lang="en">{links}</dd> }
        })
        .collect_view();
        let enrichment = p.enrichment.clone().map(|e| {
            view! { <p class="note">{fill(tx.enrichment, &[("source", &e.source)])} " " <code>{e.fields.join(", ")}</code></p> }
        });
        let meta = data.loaded.dataset.meta.clone();
        let providers = p
            .providers
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let id = bridges_core::partners::ActorId::Provider(c.clone());
                view! { {(i > 0).then_some(tm(l).list_sep)}<a href=crate::components::actor_link::actor_href(&id)>{data.reference.country_name(c, l).to_string()}</a> }
            })
            .collect_view();
        // The record's partners with their roles (the AIMS records' co-financing countries, triangular
        // partners): names from the reference tables or the dataset's actors.
        let partners = (!p.partners.is_empty()).then(|| {
            let text = p
                .partners
                .iter()
                .map(|x| {
                    bridges_core::i18n::with_note(
                        l,
                        data.reference.country_name(&x.actor, l),
                        x.role.label(l),
                    )
                })
                .collect::<Vec<_>>()
                .join(tm(l).list_sep);
            view! { <dt>{bridges_core::i18n::tp(l).partners_dt}</dt><dd data-testid="project-partners">{text}</dd> }
        });
        let finder = {
            let mut s = bridges_core::query::ViewState::default();
            if let Some(c) = p.recipients.first() {
                s.filters.countries.insert(c.clone());
            }
            if let Some(sec) = &p.sector {
                s.filters.sectors.insert(sec.code);
            }
            href(&format!("/partners?{}", bridges_core::query::to_query(&s)))
        };
        let (title, title_lang, other_title) = match (l, p.title_zh.clone()) {
            (Lang::Zh, Some(zh)) => (zh, "zh-Hans", Some((p.title.clone(), "en"))),
            (_, zh) => (p.title.clone(), "en", zh.map(|z| (z, "zh-Hans"))),
        };
        let sector = match &p.sector {
            Some(s) => format!("{} (OECD CRS {})", sector_text(&data, &p, l), s.code),
            None => unknown.into(),
        };
        view! {
            <article class="project" data-testid="project" data-id=p.id.clone()>
                <p class="breadcrumb"><a href=href("/table")>{tx.col_projects}</a> " / " {record_label(tx.record_n, &p.id)}</p>
                <h1 lang=title_lang>{title}</h1>
                {other_title.map(|(t, lang)| view! { <p lang=lang class="title-zh">{t}</p> })}
                {p.description.clone().map(|d| view! { <p class="description" lang="en">{d}</p> })}
                <div class="facts-wrap" class:with-aside=aside.is_some()>
                <dl class="facts">
                    <dt>{tx.col_recipient}</dt><dd lang=p.recipients.is_empty().then_some("en")>{recipients_text(&data, &p, l)}</dd>
                    <dt>{tx.facet_provider}</dt><dd>{providers}</dd>
                    {partners}
                    <dt>{tx.facet_sector}</dt><dd>{sector}</dd>
                    <dt>{tx.facet_status}</dt><dd>{p.status.map(|s| s.label(l)).unwrap_or(unknown)}</dd>
                    <dt>{tx.col_amount}</dt><dd data-testid="project-amount">{amount_text(&p, l)}</dd>
                    <dt>{tx.col_committed}</dt><dd>{year_text(p.years.commitment, l)}</dd>
                    <dt>{tx.started}</dt><dd>{year_text(p.years.start, l)}</dd>
                    <dt>{tx.completed}</dt><dd>{year_text(p.years.completion, l)}</dd>
                    <dt>{tx.flow_class}</dt><dd>{p.flow_class.map(|f| f.label(l)).unwrap_or(unknown)}</dd>
                    {p.flow_type.clone().map(|f| {
                        // The source's own words for its flow types, translated where Bridges knows them.
                        let (text, tag) = match bridges_core::i18n::flow_type_label(&f, l) {
                            Some(t) => (t.to_string(), l.tag()),
                            None => (f, "en"),
                        };
                        view! { <dt>{tx.flow_type}</dt><dd lang=tag>{text}</dd> }
                    })}
                    {agencies}
                </dl>
                {aside.as_ref().map(ViewFn::run)}
                </div>
                <p><a href=finder>{bridges_core::i18n::tp(l).find_partners_link}</a></p>
                {enrichment}
                {(!p.sdgs.is_empty()).then(|| view! {
                    <h2>{tx.indicative_sdgs}</h2>
                    <p class="note">{tx.sdg_derived_note}</p>
                    <ul class="sdgs">{sdgs}</ul>
                })}
                {(!p.locations.is_empty()).then(|| view! {
                    <h2>{tx.locations}</h2>
                    <p class="note">{tx.locations_note}</p>
                    <ul class="locations">{locations}</ul>
                })}
                {(!p.sources.is_empty()).then(|| view! { <h2>{tx.sources}</h2><ul class="sources">{sources}</ul> })}
                <h2>{tx.citation}</h2>
                <p class="citation" lang="en">{meta.citation.unwrap_or_else(|| meta.title.clone())} {meta.licence.map(|l| format!(" Licence: {l}."))}</p>
            </article>
        }
    }
}

/// "Record NPL-8723883713": the id is the source's code, in Latin letters whatever the page's language,
/// marked so (`lang="en"`, not translated) inside the translated words around it.
fn record_label(template: &'static str, id: &str) -> impl IntoView {
    let (before, after) = template.split_once("{id}").unwrap_or((template, ""));
    view! { {before}<span lang="en" translate="no">{id.to_string()}</span>{after} }
}
