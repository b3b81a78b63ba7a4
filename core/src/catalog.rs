//! The built-in datasets (`data/catalog.json`) and the union of several of them (`dataset=a~b`).
//! A union keeps every record as its dataset has it: records of different datasets may describe the
//! same project (China's projects are in both GCDF and the recipients' aid databases) and are not
//! de-duplicated. Ids stay as they are, so links to a record do not change when a dataset joins; an id
//! that an earlier dataset already has is made unique with its dataset's id (`aims:BGD-1`) and the
//! change is reported.

use serde::Deserialize;

use crate::issue::{Consequence, DataIssue, Expected};
use crate::model::Dataset;
use crate::validate::Loaded;

/// One built-in dataset.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Entry {
    pub id: String,
    /// Path relative to the app (`data/aims.json`).
    pub file: String,
    pub title_en: String,
    #[serde(default)]
    pub title_zh: Option<String>,
    #[serde(default)]
    pub citation: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
    /// What the front page says of a dataset before it is loaded (the catalogue is generated from the
    /// files, so these figures are the files' own).
    #[serde(default)]
    pub counts: Counts,
    /// First and last commitment year.
    #[serde(default)]
    pub years: Option<(i32, i32)>,
    /// The price bases of its amounts (`constant 2021`, `current`).
    #[serde(default)]
    pub price_bases: Vec<String>,
}

/// A dataset's size, as the catalogue gives it (0 when it does not).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Counts {
    #[serde(default)]
    pub projects: usize,
    #[serde(default)]
    pub providers: usize,
    #[serde(default)]
    pub recipients: usize,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Catalog {
    pub datasets: Vec<Entry>,
}

impl Catalog {
    /// Reads `catalog.json`; a located message when it cannot.
    pub fn parse(text: &str) -> Result<Catalog, String> {
        serde_json::from_str(text).map_err(|e| format!("data/catalog.json: {e}"))
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The ids, for messages ("known: gcdf3, aims").
    pub fn ids(&self) -> String {
        self.datasets
            .iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The union of loaded datasets, in the order given: `(dataset id, its records)`.
pub fn union(parts: Vec<(String, Loaded)>) -> Loaded {
    if parts.len() == 1 {
        if let Some((_, one)) = parts.into_iter().next() {
            return one;
        }
        return Loaded {
            dataset: Dataset::default(),
            issues: Vec::new(),
        };
    }
    let mut out = Loaded {
        dataset: Dataset::default(),
        issues: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    let mut titles = Vec::new();
    let mut citations = Vec::new();
    let mut licences = Vec::new();
    let mut bases = Vec::new();
    for (id, part) in parts {
        let meta = part.dataset.meta;
        out.dataset.parts.push(crate::model::Part {
            id: id.clone(),
            title: meta.title.clone(),
            title_zh: None,
            start: out.dataset.projects.len(),
        });
        titles.push(meta.title.clone());
        citations.extend(meta.citation.clone());
        licences.extend(meta.licence.clone());
        bases.push(meta.price_base.clone());
        out.issues.extend(part.issues);
        // Actors of the same id in two datasets are taken to be the same actor (the first one's names).
        for a in part.dataset.actors {
            if out.dataset.actor(&a.id).is_none() {
                out.dataset.actors.push(a);
            }
        }
        for (i, mut p) in part.dataset.projects.into_iter().enumerate() {
            if !seen.insert(p.id.clone()) {
                let renamed = format!("{id}:{}", p.id);
                out.issues.push(DataIssue {
                    source: id.as_str().into(),
                    record: Some(i),
                    id: Some(p.id.clone()),
                    field: Some("id".into()),
                    expected: Expected::UniqueId,
                    found: Some(format!("\"{}\", renamed \"{renamed}\"", p.id)),
                    consequence: Consequence::Kept,
                });
                p.id = renamed;
                seen.insert(p.id.clone());
            }
            out.dataset.projects.push(p);
        }
    }
    let meta = &mut out.dataset.meta;
    meta.title = titles.join(" + ");
    meta.citation = (!citations.is_empty()).then(|| citations.join(" "));
    meta.licence = (!licences.is_empty()).then(|| {
        licences.dedup();
        licences.join("; ")
    });
    // One price base for the headline only when every part declares the same one; otherwise the
    // headline takes the largest group and counts the others apart.
    meta.price_base = match bases.first() {
        Some(first) if bases.iter().all(|b| b == first) => first.clone(),
        _ => None,
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn the_shipped_catalogue_gives_each_dataset_s_figures() {
        let text = include_str!("../../public/data/catalog.json");
        let c = Catalog::parse(text).expect("the shipped catalogue");
        let aims = c.get("aims").expect("aims");
        assert_eq!(
            aims.counts,
            Counts {
                projects: 437,
                providers: 28,
                recipients: 12
            }
        );
        assert_eq!(aims.years, Some((1981, 2013)));
        assert_eq!(aims.price_bases, ["constant 2011", "current"]);
        assert_eq!(c.get("gcdf3").map(|g| g.counts.projects), Some(9404));
        // An older catalogue without the figures still reads.
        let bare = Catalog::parse(r#"{"datasets":[{"id":"x","file":"x.json","title_en":"X"}]}"#)
            .expect("bare");
        assert_eq!(bare.datasets[0].counts, Counts::default());
        assert_eq!(bare.datasets[0].years, None);
    }

    fn loaded(title: &str, ids: &[&str]) -> Loaded {
        let mut d = Dataset::default();
        d.meta.title = title.into();
        d.meta.price_base = Some(format!("base of {title}"));
        d.projects = ids
            .iter()
            .map(|id| Project {
                id: id.to_string(),
                title: format!("Record {id}"),
                ..Default::default()
            })
            .collect();
        Loaded {
            dataset: d,
            issues: Vec::new(),
        }
    }

    #[test]
    fn a_union_keeps_every_record_and_renames_only_repeated_ids() {
        let u = union(vec![
            ("gcdf3".into(), loaded("A", &["1", "2"])),
            ("aims".into(), loaded("B", &["X", "2"])),
        ]);
        let ids: Vec<&str> = u.dataset.projects.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "X", "aims:2"]);
        let sources: Vec<Option<&str>> = (0..5)
            .map(|i| u.dataset.part_of(i).map(|k| u.dataset.parts[k].id.as_str()))
            .collect();
        assert_eq!(
            sources,
            [
                Some("gcdf3"),
                Some("gcdf3"),
                Some("aims"),
                Some("aims"),
                Some("aims")
            ],
            "every record keeps its source (an index past the end belongs to the last part)"
        );
        assert_eq!(u.issues.len(), 1);
        assert_eq!(u.dataset.meta.title, "A + B");
        assert_eq!(
            u.dataset.meta.price_base, None,
            "two price bases: none declared"
        );
    }

    #[test]
    fn the_shipped_catalogue_reads() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../public/data/catalog.json"
        ))
        .unwrap_or_default();
        let c = Catalog::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.get("gcdf3").map(|e| e.file.as_str()),
            Some("data/projects.json")
        );
        assert_eq!(
            c.get("aims").map(|e| e.file.as_str()),
            Some("data/aims.json")
        );
        assert!(Catalog::parse("{").is_err());
    }
}
