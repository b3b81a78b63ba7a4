//! Writing projects back out in the `bridges/1` schema (`bridges/2` when the dataset needs it, and for
//! spreadsheet imports):
//! the data-preparation command uses it for the built-in datasets, and it is the inverse of
//! [`crate::incremental::parse_dataset`].

use serde_json::{json, Map, Value};

use crate::model::*;

/// One project as a `bridges/1` record. Unknown values are omitted, except `amount`, which is written
/// as `null` so that a reader sees it is unknown, not forgotten.
pub fn project_to_json(p: &Project) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(p.id));
    m.insert("title".into(), json!(p.title));
    put_opt(&mut m, "title_zh", p.title_zh.as_deref());
    put_opt(&mut m, "description", p.description.as_deref());
    put_opt(&mut m, "status", p.status.map(Status::code));
    if let Some(s) = &p.sector {
        m.insert("sector".into(), json!({ "code": s.code, "name": s.name }));
    }
    if !p.sdgs.is_empty() {
        m.insert("sdgs".into(), json!(p.sdgs));
    }
    m.insert("recipients".into(), json!(p.recipients));
    put_opt(&mut m, "regional", p.regional.as_deref());
    m.insert("providers".into(), json!(p.providers));
    if !p.partners.is_empty() {
        let partners: Vec<Value> = p
            .partners
            .iter()
            .map(|x| {
                // A country by its ISO-3 code, any other actor by its id (`bridges/2`).
                let key = if is_actor_id(&x.actor) {
                    "actor"
                } else {
                    "country"
                };
                json!({ key: x.actor, "role": x.role.code() })
            })
            .collect();
        m.insert("partners".into(), Value::Array(partners));
    }
    // A year the date of the same name gives is left out: the reader takes it from the date.
    let mut years = Map::new();
    let y = &p.years;
    let d = &p.dates;
    for (key, year, date) in [
        ("commitment", y.commitment, &d.commitment),
        ("start", y.start, &d.start),
        ("completion", y.completion, &d.completion),
    ] {
        let given = date.as_deref().and_then(crate::validate::year_of_date);
        if year != given {
            put_opt(&mut years, key, year);
        }
    }
    if !years.is_empty() {
        m.insert("years".into(), Value::Object(years));
    }
    let mut dates = Map::new();
    put_opt(&mut dates, "commitment", p.dates.commitment.as_deref());
    put_opt(&mut dates, "start", p.dates.start.as_deref());
    put_opt(&mut dates, "completion", p.dates.completion.as_deref());
    if !dates.is_empty() {
        m.insert("dates".into(), Value::Object(dates));
    }
    m.insert(
        "amount".into(),
        match &p.amount {
            Some(a) => json!({ "value": number(a.value), "currency": a.currency, "price_base": a.price_base }),
            None => Value::Null,
        },
    );
    put_opt(&mut m, "flow_class", p.flow_class.map(FlowClass::code));
    put_opt(&mut m, "flow_type", p.flow_type.as_deref());
    let a = &p.agencies;
    if !(a.funding.is_empty() && a.receiving.is_empty() && a.implementing.is_empty()) {
        let mut ag = Map::new();
        for (k, v) in [
            ("funding", &a.funding),
            ("receiving", &a.receiving),
            ("implementing", &a.implementing),
        ] {
            if !v.is_empty() {
                ag.insert(k.into(), json!(v));
            }
        }
        m.insert("agencies".into(), Value::Object(ag));
    }
    put_opt(&mut m, "infrastructure", p.infrastructure);
    if !p.locations.is_empty() {
        let locs: Vec<Value> = p
            .locations
            .iter()
            .map(|l| {
                let mut o = Map::new();
                o.insert("lon".into(), json!(l.lon));
                o.insert("lat".into(), json!(l.lat));
                put_opt(&mut o, "level", l.level.as_deref());
                put_opt(&mut o, "name", l.name.as_deref());
                Value::Object(o)
            })
            .collect();
        m.insert("locations".into(), Value::Array(locs));
    }
    if !p.sources.is_empty() {
        let srcs: Vec<Value> = p
            .sources
            .iter()
            .map(|s| {
                let mut o = Map::new();
                o.insert("url".into(), json!(s.url));
                put_opt(&mut o, "label", s.label.as_deref());
                Value::Object(o)
            })
            .collect();
        m.insert("sources".into(), Value::Array(srcs));
    }
    if let Some(e) = &p.enrichment {
        m.insert(
            "enrichment".into(),
            json!({ "source": e.source, "fields": e.fields }),
        );
    }
    Value::Object(m)
}

/// Dataset metadata as the `meta` object of a `bridges/1` file.
pub fn meta_to_json(meta: &Meta) -> Value {
    let mut m = Map::new();
    m.insert("title".into(), json!(meta.title));
    put_opt(&mut m, "publisher", meta.publisher.as_deref());
    put_opt(&mut m, "citation", meta.citation.as_deref());
    put_opt(&mut m, "licence", meta.licence.as_deref());
    put_opt(&mut m, "url", meta.url.as_deref());
    put_opt(&mut m, "price_base", meta.price_base.as_deref());
    Value::Object(m)
}

/// A whole dataset file, one project per line so that diffs stay readable.
/// `header` is written first, as the file's `generated_by` note.
pub fn dataset_to_string(dataset: &Dataset, header: &str) -> String {
    dataset_with_meta(dataset, header, &meta_to_json(&dataset.meta))
}

/// [`dataset_to_string`] with the `meta` object given (one with more keys than [`Meta`] has). The
/// schema is the oldest that holds the dataset: `bridges/2` when it declares actors or a partner has a
/// role `bridges/1` lacks (co-financier, implementing), else `bridges/1`.
pub fn dataset_with_meta(dataset: &Dataset, header: &str, meta: &Value) -> String {
    let v2 = !dataset.actors.is_empty()
        || dataset.projects.iter().any(|p| {
            p.partners
                .iter()
                .any(|x| matches!(x.role, PartnerRole::CoFinancier | PartnerRole::Implementing))
        });
    write_dataset(dataset, header, meta, if v2 { SCHEMA_2 } else { SCHEMA })
}

fn write_dataset(dataset: &Dataset, header: &str, meta: &Value, schema: &str) -> String {
    let mut w = DatasetWriter::new(header, schema, meta, &dataset.actors);
    for p in &dataset.projects {
        w.push(p);
    }
    w.finish()
}

/// A dataset file written a project at a time, so that a caller in the browser can give it its turn
/// between slices (a 50,000-row spreadsheet import): the same text as [`dataset_to_string`].
pub struct DatasetWriter {
    out: String,
    projects: usize,
}

impl DatasetWriter {
    /// Starts the file: `generated_by`, `schema`, `meta` and (before the projects, so that a reader
    /// streaming the file meets them first) the actors.
    pub fn new(header: &str, schema: &str, meta: &Value, actors: &[Actor]) -> Self {
        let mut out = String::new();
        out.push_str("{\"generated_by\":");
        out.push_str(&json!(header).to_string());
        out.push_str(",\n\"schema\":");
        out.push_str(&json!(schema).to_string());
        out.push_str(",\n\"meta\":");
        out.push_str(&meta.to_string());
        if !actors.is_empty() {
            out.push_str(",\n\"actors\":[\n");
            for (i, a) in actors.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&actor_to_json(a).to_string());
            }
            out.push_str("\n]");
        }
        out.push_str(",\n\"projects\":[\n");
        DatasetWriter { out, projects: 0 }
    }

    pub fn push(&mut self, p: &Project) {
        if self.projects > 0 {
            self.out.push_str(",\n");
        }
        self.out.push_str(&project_to_json(p).to_string());
        self.projects += 1;
    }

    /// Projects written so far.
    pub fn projects(&self) -> usize {
        self.projects
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("\n]}\n");
        self.out
    }
}

/// One of a `bridges/2` dataset's actors.
pub fn actor_to_json(a: &Actor) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(a.id));
    m.insert("name_en".into(), json!(a.name_en));
    put_opt(&mut m, "name_zh", a.name_zh.as_deref());
    put_opt(&mut m, "name_zh_source", a.name_zh_source.as_deref());
    m.insert("kind".into(), json!(a.kind.code()));
    put_opt(&mut m, "country", a.country.as_deref());
    m.insert("southern".into(), json!(a.southern));
    Value::Object(m)
}

/// Whole numbers are written without a trailing `.0`.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

fn put_opt<T: serde::Serialize>(m: &mut Map<String, Value>, key: &str, v: Option<T>) {
    if let Some(v) = v {
        m.insert(key.into(), json!(v));
    }
}
