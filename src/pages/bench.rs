//! `/bench`: the in-browser benchmark. Builds a seeded synthetic dataset (`?n=1000000`, default 1M;
//! `&providers=500` for a provider dimension of 500 actors, issue #15) over the real reference
//! tables, runs the fixed 100-change filter sequence through the crossfilter
//! (filter + every view's groups per change) and shows the median and p95 per change.
//!
//! It also exposes the same rows and sequence to JavaScript (`window.__bridgesBench`) so that the
//! end-to-end benchmark can run crossfilter2 on identical input in the same browser; `&expose=0`
//! leaves that copy out (the 5M run, whose memory is reported: wasm memory before the rows are built,
//! after, and after the 100 changes).

use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::query::{Filters, Stack};
use bridges_core::synthetic;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::data_gate::DataGate;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Positions of `items` in `dict`, as a JS array.
fn indices<T: PartialEq>(dict: &[T], items: impl Iterator<Item = T>) -> js_sys::Array {
    items
        .filter_map(|x| dict.iter().position(|d| *d == x))
        .map(|i| JsValue::from(i as u32))
        .collect()
}

fn filters_to_js(c: &Columns, f: &Filters) -> JsValue {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v);
    };
    set(
        "countries",
        indices(&c.countries, f.countries.iter().cloned()).into(),
    );
    set(
        "regions",
        indices(&c.regions, f.regions.iter().cloned()).into(),
    );
    set(
        "sectors",
        indices(&c.sectors, f.sectors.iter().copied()).into(),
    );
    set(
        "statuses",
        indices(
            &bridges_core::model::Status::ALL,
            f.statuses.iter().copied(),
        )
        .into(),
    );
    set(
        "flows",
        indices(
            &bridges_core::model::FlowClass::ALL,
            f.flows.iter().copied(),
        )
        .into(),
    );
    set(
        "providers",
        indices(&c.providers, f.providers.iter().cloned()).into(),
    );
    set(
        "sdgs",
        f.sdgs
            .iter()
            .map(|g| JsValue::from(*g))
            .collect::<js_sys::Array>()
            .into(),
    );
    // Year codes as stored in the `year` column (1 = year0).
    set(
        "from",
        f.from
            .map_or(JsValue::NULL, |y| JsValue::from(y - c.year0 + 1)),
    );
    set(
        "to",
        f.to.map_or(JsValue::NULL, |y| JsValue::from(y - c.year0 + 1)),
    );
    o.into()
}

fn expose(c: &Columns, seq: &[Filters]) {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v);
    };
    set("n", JsValue::from(c.len as u32));
    set("year", js_sys::Uint16Array::from(&c.year[..]).into());
    set("sector", js_sys::Uint16Array::from(&c.sector[..]).into());
    set("status", js_sys::Uint8Array::from(&c.status[..]).into());
    set("flow", js_sys::Uint8Array::from(&c.flow[..]).into());
    set("sdgs", js_sys::Uint32Array::from(&c.sdgs[..]).into());
    set("amount", js_sys::Float64Array::from(&c.amount[..]).into());
    set("country", js_sys::Uint16Array::from(&c.country1[..]).into());
    set(
        "countryRegion",
        js_sys::Uint8Array::from(&c.country_region[..]).into(),
    );
    set(
        "countrySubregion",
        js_sys::Uint8Array::from(&c.country_subregion[..]).into(),
    );
    // Each row's providers (offsets into the ids), for an array dimension in crossfilter2.
    set(
        "providerOff",
        js_sys::Uint32Array::from(&c.provider_off[..]).into(),
    );
    set(
        "providerIds",
        js_sys::Uint16Array::from(&c.provider_ids[..]).into(),
    );
    set("providerCount", JsValue::from(c.providers.len() as u32));
    set(
        "sequence",
        seq.iter()
            .map(|f| filters_to_js(c, f))
            .collect::<js_sys::Array>()
            .into(),
    );
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__bridgesBench".into(), &o);
    }
}

/// Which way the engine answered one change.
fn path(
    before: bridges_core::crossfilter::Passes,
    after: bridges_core::crossfilter::Passes,
) -> &'static str {
    if after.full > before.full {
        "full"
    } else if after.remask > before.remask {
        "remask"
    } else if after.rebuild > before.rebuild {
        "rebuild"
    } else if after.scan > before.scan {
        "scan"
    } else {
        "delta"
    }
}

/// Each change's time and path, in sequence order (`window.__bridgesBenchDetail`), so that the
/// benchmark can say which changes make the p95.
fn expose_detail(times: &[f64], paths: &[&str]) {
    let list: js_sys::Array = times
        .iter()
        .zip(paths)
        .map(|(ms, p)| {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"ms".into(), &JsValue::from(*ms));
            let _ = js_sys::Reflect::set(&o, &"path".into(), &JsValue::from(*p));
            JsValue::from(o)
        })
        .collect();
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__bridgesBenchDetail".into(), &list);
    }
}

/// The wasm linear memory in MB (it only grows, so this is the high-water mark so far).
fn wasm_memory_mb() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(f64::NAN, |b| b.byte_length() as f64 / 1_048_576.0)
}

#[derive(Clone, PartialEq)]
struct BenchResult {
    rows: usize,
    build_ms: f64,
    median: f64,
    p95: f64,
    max: f64,
    /// Wasm memory (MB) before the rows were built, after, and after the changes.
    memory: [f64; 3],
}

/// The benchmark page.
#[component]
pub fn Bench() -> impl IntoView {
    let query = use_query_map();
    view! {
        <h1>"Benchmark"</h1>
        <p>"Filter + every view's groups per change, over a seeded synthetic dataset, in this browser."</p>
        <DataGate children=move |data| {
            let n = query.read_untracked().get("n").and_then(|n| n.parse::<usize>().ok()).unwrap_or(1_000_000).clamp(1, 5_000_000);
            let providers = query.read_untracked().get("providers").and_then(|n| n.parse::<usize>().ok()).unwrap_or(4).clamp(4, 2_000);
            let exposed = query.read_untracked().get("expose").as_deref() != Some("0");
            let result = RwSignal::new(None::<BenchResult>);
            let run = move |_| {
                let before = wasm_memory_mb();
                let t = now();
                let cols = synthetic::columns_with_providers(n, 42, &data.reference, providers);
                let build_ms = now() - t;
                let built = wasm_memory_mb();
                let seq = synthetic::filter_sequence(&cols, 100, 7);
                if exposed {
                    expose(&cols, &seq);
                }
                let mut engine = Engine::new(cols);
                for f in &seq {
                    engine.run(f, Stack::None);
                }
                let mut paths = Vec::with_capacity(seq.len());
                let mut times: Vec<f64> = seq
                    .iter()
                    .map(|f| {
                        let before = engine.passes();
                        let t = now();
                        let total = engine.run(f, Stack::None).total.count;
                        std::hint::black_box(total);
                        let ms = now() - t;
                        paths.push(path(before, engine.passes()));
                        ms
                    })
                    .collect();
                expose_detail(&times, &paths);
                times.sort_by(f64::total_cmp);
                result.set(Some(BenchResult {
                    rows: n,
                    build_ms,
                    median: synthetic::percentile(&times, 0.5),
                    p95: synthetic::percentile(&times, 0.95),
                    max: times.last().copied().unwrap_or(f64::NAN),
                    memory: [before, built, wasm_memory_mb()],
                }));
            };
            view! {
                <button type="button" data-testid="bench-run" on:click=run>{format!("Run on {n} synthetic projects ({providers} providers)")}</button>
                {move || result.get().map(|r| view! {
                    <p data-testid="bench-result" data-rows=r.rows.to_string()
                        data-median=format!("{:.3}", r.median) data-p95=format!("{:.3}", r.p95) data-max=format!("{:.3}", r.max)
                        data-memory-before=format!("{:.1}", r.memory[0]) data-memory-built=format!("{:.1}", r.memory[1])
                        data-memory-after=format!("{:.1}", r.memory[2])>
                        {format!(
                            "{} rows (built in {:.0} ms): median {:.2} ms, p95 {:.2} ms, max {:.2} ms per filter change (100 changes). Wasm memory {:.0} MB before the rows, {:.0} MB with them, {:.0} MB after the changes.",
                            r.rows, r.build_ms, r.median, r.p95, r.max, r.memory[0], r.memory[1], r.memory[2]
                        )}
                    </p>
                })}
            }
        }/>
    }
}
