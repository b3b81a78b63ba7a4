use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::open_file::OpenFile;

/// `/about`: sources, licences, citations, and the project's own indicative sector → SDG mapping.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <article class="about">
            <h1>"About the data"</h1>
            <DataGate quiet=true children=|data| {
                (!data.is_default).then(|| {
                    let m = data.loaded.dataset.meta.clone();
                    view! {
                        <section class="banner" data-testid="custom-data-about">
                            <h2>"The dataset you are looking at"</h2>
                            <p>{format!("Source: {}", data.source)}</p>
                            <p>{format!("Title: {}", m.title)}</p>
                            {m.publisher.map(|p| view! { <p>{format!("Publisher: {p}")}</p> })}
                            {m.citation.map(|c| view! { <p>{format!("Citation: {c}")}</p> })}
                            {m.licence.map(|l| view! { <p>{format!("Licence: {l}")}</p> })}
                            {m.url.map(|u| view! { <p>"Web: " <a href=u.clone() rel="external noopener noreferrer">{u.clone()}</a></p> })}
                            <p class="note">"The sections below describe the built-in data and the reference tables."</p>
                        </section>
                    }
                })
            }/>
            <h2>"Projects"</h2>
            <p>
                "The built-in dataset is AidData's Global Chinese Development Finance Dataset, Version 3.0: the 9,404 "
                "projects that have a geolocation, with the centroids of the first- and second-level administrative "
                "areas they touch. Where a record also appears in Version 2.0, its flow class, flow type and agencies "
                "are taken from there and marked as such. Amounts are in constant 2021 US dollars; a project without "
                "an amount is shown as unknown, never as zero."
            </p>
            <p class="citation">
                "AidData. 2023. Global Chinese Development Finance Dataset, Version 3.0. "
                <a href="https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0" rel="external">"aiddata.org"</a>
                ". Goodman, S., Zhang, S., Malik, A.A., Parks, B.C., Hall, J. 2024. AidData's Geospatial Global Chinese "
                "Development Finance Dataset. Scientific Data 11. doi:10.1038/s41597-024-03341-w."
            </p>
            <p>"Licence: Open Data Commons Attribution License (ODC-By 1.0). OpenStreetMap links: ODbL, © OpenStreetMap contributors. Administrative-area names: geoBoundaries."</p>
            <h2>"Countries, regions and income groups"</h2>
            <ul>
                <li>"Country codes, UN M49 regions and LDC / LLDC / SIDS flags: datasets/country-codes (ODC-PDDL) and the UN Statistics Division's M49 tables (Chinese region names)."</li>
                <li>"Short country names in English and Chinese: i18n-iso-countries (MIT licence)."</li>
                <li>"Income groups: World Bank country classification, fiscal year 2023 (CC BY 4.0)."</li>
            </ul>
            <h2>"Map geometry"</h2>
            <p>"Natural Earth 4.1.0 (public domain) via the world-atlas package (ISC licence). Borders are Natural Earth's de-facto lines and imply no position on any dispute."</p>
            <h2>"Sustainable Development Goals"</h2>
            <p>"Goal names and colours from the United Nations; English titles from open-sdg/sdg-translations (MIT licence); Chinese short names as on the UN's Chinese goal icons."</p>
            <h2 id="sdg-mapping">"Sector → SDG mapping (indicative)"</h2>
            <p>
                "The source does not code SDGs. Bridges assigns each OECD CRS sector one or more goals of its own "
                "choosing, documented in the project's docs/dataset.md. Read SDG figures as indicative."
            </p>
            <DataGate children=|data| {
                let rows = data.reference.tables.sectors.iter().map(|s| {
                    let goals = s.sdgs.iter()
                        .filter_map(|g| data.reference.sdg(*g))
                        .map(|g| format!("{} {}", g.goal, g.name_en))
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! { <tr><td class="num">{s.code}</td><td>{s.name_en.clone()}</td><td lang="zh-Hans">{s.name_zh.clone()}</td><td>{if goals.is_empty() { "none".to_string() } else { goals }}</td></tr> }
                }).collect_view();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Sector to SDG mapping">
                        <table>
                            <thead><tr><th scope="col">"CRS code"</th><th scope="col">"Sector"</th><th scope="col">"中文"</th><th scope="col">"Indicative SDGs"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }/>
            <h2>"Use your own data"</h2>
            <p>"Any file in the bridges/1 format (see the project's docs/dataset.md and the JSON Schema) can be explored here. Invalid records are listed, valid ones load."</p>
            <OpenFile/>
        </article>
    }
}
