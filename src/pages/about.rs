use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::open_file::OpenFile;
use crate::components::spreadsheet::OpenSpreadsheet;
use crate::i18n::{t, use_lang};
use crate::tr;

/// `/about`: sources, licences, citations, and the project's own indicative sector → SDG mapping.
#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    view! {
        <article class="about">
            <h1>{tr!(lang, about_the_data)}</h1>
            <DataGate quiet=true children=move |data| {
                (!data.is_default).then(|| {
                    let m = data.loaded.dataset.meta.clone();
                    let row = move |label: bridges_core::i18n::Key, value: String| view! {
                        <p>{move || label(t(lang.get()))} " " <span lang="en">{value}</span></p>
                    };
                    view! {
                        <section class="banner" data-testid="custom-data-about">
                            <h2>{tr!(lang, about_your_dataset)}</h2>
                            {row(|t| t.source_label, data.source.clone())}
                            {row(|t| t.title_label, m.title.clone())}
                            {m.publisher.map(|p| row(|t| t.publisher_label, p))}
                            {m.citation.map(|c| row(|t| t.citation_label, c))}
                            {m.licence.map(|l| row(|t| t.licence_label, l))}
                            {m.url.map(|u| view! { <p>{tr!(lang, web_label)} " " <a href=u.clone() rel="external noopener noreferrer">{u.clone()}</a></p> })}
                            <p class="note">{tr!(lang, about_sections_below)}</p>
                        </section>
                    }
                })
            }/>
            <h2>{tr!(lang, col_projects)}</h2>
            <p>{tr!(lang, about_projects)}</p>
            <p class="citation" lang="en">
                "AidData. 2023. Global Chinese Development Finance Dataset, Version 3.0. "
                <a href="https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0" rel="external">"aiddata.org"</a>
                ". Goodman, S., Zhang, S., Malik, A.A., Parks, B.C., Hall, J. 2024. AidData's Geospatial Global Chinese "
                "Development Finance Dataset. Scientific Data 11. doi:10.1038/s41597-024-03341-w."
            </p>
            <p>{tr!(lang, about_licence)}</p>
            <h2>{tr!(lang, about_countries_title)}</h2>
            <ul>
                <li>{tr!(lang, about_countries_codes)}</li>
                <li>{tr!(lang, about_countries_names)}</li>
                <li>{tr!(lang, about_countries_income)}</li>
            </ul>
            <h2>{tr!(lang, about_geometry_title)}</h2>
            <p>{tr!(lang, about_geometry)}</p>
            <h2>{tr!(lang, about_sdg_title)}</h2>
            <p>{tr!(lang, about_sdg)}</p>
            <h2 id="sdg-mapping">{tr!(lang, about_mapping_title)}</h2>
            <p>{tr!(lang, about_mapping)}</p>
            <DataGate issues_shown=crate::components::data_issues::IssuesShown::Full children=move |data| {
                let rows = move || {
                    let l = lang.get();
                    data.reference.tables.sectors.iter().map(|s| {
                        let goals = s.sdgs.iter()
                            .filter_map(|g| data.reference.sdg_name(*g, l).map(|name| format!("{g} {name}")))
                            .collect::<Vec<_>>()
                            .join(crate::i18n::tm(l).list_sep);
                        view! { <tr><td class="num">{s.code}</td><td lang="en">{s.name_en.clone()}</td><td lang="zh-Hans">{s.name_zh.clone()}</td><td>{if goals.is_empty() { t(l).none.to_string() } else { goals }}</td></tr> }
                    }).collect_view()
                };
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tr!(lang, about_mapping_title)>
                        <table>
                            <thead><tr>
                                <th scope="col">{tr!(lang, crs_code)}</th><th scope="col" lang="en">"Sector"</th>
                                <th scope="col" lang="zh-Hans">"部门"</th><th scope="col">{tr!(lang, indicative_sdgs)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }/>
            <h2>{tr!(lang, about_own_data_title)}</h2>
            <p>{tr!(lang, about_own_data)}</p>
            <OpenFile/>
            <OpenSpreadsheet/>
        </article>
    }
}
