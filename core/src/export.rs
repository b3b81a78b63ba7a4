//! Downloads of the filtered projects: CSV (UTF-8 with a byte-order mark, so Excel reads Chinese text
//! correctly) and JSON in the `bridges/1` schema, both citing the source and licence.

use std::borrow::Cow;

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

/// A text cell that a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM`, or
/// one starting with a tab or carriage return) gets a leading `'`, as OWASP recommends against CSV
/// injection; the cell then shows as text. Bridges' own numeric columns are never negative.
fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// CSV lines ending in `\n`; a cell is quoted only where it needs to be (a comma, quote or line break).
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new())
}

/// Any table as CSV (a header line, then the rows), every text cell neutralised: problem lists and the
/// like, downloaded whole when the page shows only their first lines.
pub fn table_csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = writer();
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| neutralise(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The partner finder's ranking as CSV: one line per actor, with the record ids its examples are.
/// `name` gives an actor's display name; `ids` a row's record id. `query` names the question asked.
pub fn ranking_csv(
    f: &crate::partners::Finding,
    name: impl Fn(&crate::partners::ActorId, &str) -> String,
    ids: impl Fn(u32) -> Option<String>,
    query: &str,
) -> String {
    let mut w = writer();
    let _ = w.write_record([neutralise(&format!(
        "# Partner finder ranking exported from Bridges with ?{query}. Score: each record counts 1, +2 in the asking country's region, +1 in its income group."
    ))
    .as_bytes()]);
    let _ = w.write_record([
        "rank",
        "actor_id",
        "actor",
        "score",
        "records",
        "in_country",
        "same_region",
        "same_income",
        "countries",
        "example_ids",
    ]);
    for (i, a) in f.actors.iter().enumerate() {
        let examples = a
            .examples
            .iter()
            .filter_map(|&r| ids(r))
            .collect::<Vec<_>>()
            .join(";");
        let _ = w.write_record([
            (i + 1).to_string(),
            neutralise(a.id.code()).into_owned(),
            neutralise(&name(&a.id, &a.display)).into_owned(),
            a.score.to_string(),
            a.projects.total.to_string(),
            a.projects.in_country.to_string(),
            a.projects.same_region.to_string(),
            a.projects.same_income.to_string(),
            a.countries.to_string(),
            neutralise(&examples).into_owned(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The projects at `rows` as CSV. `query` names the filters used (the URL's query string).
pub fn csv(d: &Dataset, rows: &[u32], reference: &ReferenceIndex, query: &str) -> String {
    let mut w = writer();
    // Writing to a Vec cannot fail; a failure would only drop a row, never panic.
    let _ = w.write_record([neutralise(&format!(
        "# {} Exported from Bridges{}.",
        cite(&d.meta),
        if query.is_empty() {
            String::new()
        } else {
            format!(" with ?{query}")
        }
    ))
    .as_bytes()]);
    let _ = w.write_record(HEADER);
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
        let _ = w.write_record(fields.iter().map(|f| neutralise(f).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('\u{feff}');
    // Every cell was a `&str`, so the bytes are UTF-8.
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

const HEADER: [&str; 18] = [
    "id",
    "title",
    "title_zh",
    "recipients",
    "recipient_names",
    "regional",
    "sector_code",
    "sector",
    "indicative_sdgs",
    "status",
    "flow_class",
    "commitment_year",
    "start_year",
    "completion_year",
    "amount",
    "currency",
    "price_base",
    "sources",
];

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
            // The actors these projects name (a bridges/2 file), none if they name none.
            actors: d
                .actors
                .iter()
                .filter(|a| {
                    projects.iter().any(|p| {
                        p.providers.contains(&a.id) || p.partners.iter().any(|x| x.actor == a.id)
                    })
                })
                .cloned()
                .collect(),
            projects,
            parts: Vec::new(),
        },
        &header,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_csv_with_formulas_neutralised() {
        let csv = table_csv(
            &["slide", "found"],
            [
                vec!["1".to_string(), "=HYPERLINK(\"x\")".to_string()],
                vec!["2".to_string(), "a, b".to_string()],
            ],
        );
        assert_eq!(
            csv,
            "slide,found\n1,\"'=HYPERLINK(\"\"x\"\")\"\n2,\"a, b\"\n"
        );
    }
    use crate::incremental::parse_dataset;
    use crate::reference::Reference;

    fn export(projects: &str) -> String {
        let r = ReferenceIndex::new(Reference {
            generated_by: String::new(),
            schema: String::new(),
            countries: Vec::new(),
            regions: Vec::new(),
            sdgs: Vec::new(),
            sectors: Vec::new(),
        });
        let text = format!(
            r#"{{"schema":"bridges/1","meta":{{"title":"T, with a comma","licence":"CC"}},"projects":[{projects}]}}"#
        );
        let d = parse_dataset("t.json", &text, &r).unwrap().dataset;
        let rows: Vec<u32> = (0..d.projects.len() as u32).collect();
        csv(&d, &rows, &r, "q=x")
    }

    #[test]
    fn csv_keeps_its_bom_comment_and_header() {
        let out = export(
            r#"{"id":"1","title":"水电站, \"big\"","amount":{"value":5,"currency":"USD","price_base":"current"}}"#,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "\u{feff}\"# Source: T, with a comma Licence: CC. Exported from Bridges with ?q=x.\""
        );
        assert!(lines[1].starts_with("id,title,title_zh,recipients,"));
        assert_eq!(
            lines[2],
            "1,\"水电站, \"\"big\"\"\",,,,,,,,,,,,,5,USD,current,"
        );
        assert_eq!(lines.len(), 3);
        assert!(!out.contains('\r'));
    }

    #[test]
    fn csv_neutralises_formulas() {
        let out = export(
            r#"{"id":"-5","title":"=HYPERLINK(\"http://x.test\",\"click\")","title_zh":"+1","description":"d","regional":"@SUM(A1)"},
               {"id":"2","title":"\tTab","title_zh":"-1+2","regional":"a=b"}"#,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[2],
            "'-5,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\",'+1,,,'@SUM(A1),,,,,,,,,,,,"
        );
        // Titles are trimmed when read, so this one's tab is gone by now.
        assert!(lines[3].starts_with("2,Tab,"), "{}", lines[3]);
        assert!(lines[3].contains(",'-1+2,"), "{}", lines[3]);
        assert!(lines[3].ends_with(",a=b,,,,,,,,,,,,"), "{}", lines[3]);
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("水=1"), "水=1");
    }
}
