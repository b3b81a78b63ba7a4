//! Downloads of the filtered projects: CSV (UTF-8 with a byte-order mark, so Excel reads Chinese text
//! correctly) and JSON in the `bridges/1` schema, both citing the source and licence.

use crate::model::{Dataset, Meta, Project};
use crate::reference::ReferenceIndex;
use crate::write::dataset_to_string;

fn cite(meta: &Meta) -> String {
    let mut s = format!(
        "Source: {}",
        meta.citation.clone().unwrap_or_else(|| meta.title.clone())
    );
    if let Some(l) = &meta.licence {
        s.push_str(&format!(" Licence: {l}."));
    }
    s
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The projects at `rows` as CSV. `query` names the filters used (the URL's query string).
pub fn csv(d: &Dataset, rows: &[u32], reference: &ReferenceIndex, query: &str) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&csv_field(&format!(
        "# {} Exported from Bridges{}.",
        cite(&d.meta),
        if query.is_empty() {
            String::new()
        } else {
            format!(" with ?{query}")
        }
    )));
    out.push('\n');
    out.push_str("id,title,title_zh,recipients,recipient_names,regional,sector_code,sector,indicative_sdgs,status,flow_class,commitment_year,start_year,completion_year,amount,currency,price_base,sources\n");
    for &i in rows {
        let Some(p) = d.projects.get(i as usize) else {
            continue;
        };
        let y = |v: Option<i32>| v.map(|y| y.to_string()).unwrap_or_default();
        let fields = [
            p.id.clone(),
            p.title.clone(),
            p.title_zh.clone().unwrap_or_default(),
            p.recipients.join(";"),
            p.recipients
                .iter()
                .map(|c| reference.country_name_en(c).to_string())
                .collect::<Vec<_>>()
                .join(";"),
            p.regional.clone().unwrap_or_default(),
            p.sector
                .as_ref()
                .map(|s| s.code.to_string())
                .unwrap_or_default(),
            p.sector
                .as_ref()
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            p.sdgs
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(";"),
            p.status.map(|s| s.code().to_string()).unwrap_or_default(),
            p.flow_class
                .map(|f| f.code().to_string())
                .unwrap_or_default(),
            y(p.years.commitment),
            y(p.years.start),
            y(p.years.completion),
            // Unknown stays empty, never 0.
            p.amount
                .as_ref()
                .map(|a| format!("{}", a.value))
                .unwrap_or_default(),
            p.amount
                .as_ref()
                .map(|a| a.currency.clone())
                .unwrap_or_default(),
            p.amount
                .as_ref()
                .map(|a| a.price_base.clone())
                .unwrap_or_default(),
            p.sources
                .iter()
                .map(|s| s.url.clone())
                .collect::<Vec<_>>()
                .join(" "),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// The projects at `rows` as a `bridges/1` file that Bridges (or anyone) can load again.
pub fn json(d: &Dataset, rows: &[u32], query: &str) -> String {
    let projects: Vec<Project> = rows
        .iter()
        .filter_map(|&i| d.projects.get(i as usize).cloned())
        .collect();
    let header = format!(
        "Exported from Bridges{}. {}",
        if query.is_empty() {
            String::new()
        } else {
            format!(" with ?{query}")
        },
        cite(&d.meta)
    );
    dataset_to_string(
        &Dataset {
            meta: d.meta.clone(),
            projects,
        },
        &header,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_keeps_unknown_empty() {
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("水电站"), "水电站");
    }
}
