use std::collections::HashMap;
use std::sync::Arc;

use bridges_charts::map::{
    class_colour, fill_colour, is_small, map_svg, range_label, PATTERN_DEF, SELECTED,
};
use bridges_core::explore::{select, View};
use bridges_core::geo::MapSpace;
use bridges_core::map::{
    cluster, fills, neighbour, view_box, Direction, Fill, Layer, MapView, MAX_ZOOM, PRESETS,
};
use bridges_core::query::{Measure, ViewState};
use bridges_core::world::{parse_world, World};
use gloo_net::http::Request;
use leptos::html::Div;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::data_gate::DataGate;
use crate::components::facets::Chips;
use crate::components::headline::FilteredHeadline;
use crate::components::notices::Notices;
use crate::download::{download_text, svg_to_png};
use crate::i18n::{count, fill, fill_view, money, tm, use_lang, Lang};
use crate::view_state::{use_aggregates, use_set_view, use_set_view_with, use_view_state};
use bridges_core::i18n::MapText;

const WORLD: &str = "data/world.json";

/// Where a drag or pinch began: the view, its viewBox, the pointers' centre and spread.
type Gesture = (MapView, (f64, f64, f64, f64), f64, f64, f64);

/// Why the map geometry could not be loaded.
#[derive(Clone, Debug)]
enum WorldError {
    /// The server answered with this HTTP status.
    Status(u16),
    /// A network or parse error, as the browser or the parser (in English) put it.
    Other(String),
}

async fn load_world() -> Result<Arc<World>, WorldError> {
    let resp = Request::get(WORLD)
        .send()
        .await
        .map_err(|e| WorldError::Other(format!("{WORLD}: {e}")))?;
    if !resp.ok() {
        return Err(WorldError::Status(resp.status()));
    }
    let text = resp
        .text()
        .await
        .map_err(|e| WorldError::Other(format!("{WORLD}: {e}")))?;
    parse_world(WORLD, &text)
        .map(Arc::new)
        .map_err(|e| WorldError::Other(e.to_string()))
}

/// The load error in the interface language; the file name and any English detail are marked as such.
fn world_error_view(e: &WorldError, lang: Lang) -> Vec<AnyView> {
    let t = tm(lang);
    match e.clone() {
        WorldError::Status(status) => fill_view(t.load_http, move |k| match k {
            "file" => Some(view! { <code lang="en">{WORLD}</code> }.into_any()),
            "status" => Some(status.to_string().into_any()),
            _ => None,
        }),
        // The detail, from the browser or the parser, names the file and is in English.
        WorldError::Other(detail) => fill_view(t.load_other, move |k| {
            (k == "detail").then(|| view! { <span lang="en">{detail.clone()}</span> }.into_any())
        }),
    }
}

/// A preset's name in `lang` (the core names them in English).
fn preset_name(name: &'static str, t: &'static MapText) -> &'static str {
    match name {
        "Africa" => t.preset_africa,
        "Asia" => t.preset_asia,
        "Latin America and the Caribbean" => t.preset_latin_america,
        "Oceania" => t.preset_oceania,
        "Europe" => t.preset_europe,
        other => other,
    }
}

/// `/map`: a choropleth of projects or known amounts per recipient, admin-area points and flows,
/// linked to every filter; keyboard-operable, with a list instead of the map.
#[component]
pub fn MapPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{move || tm(lang.get()).title}</h1>
        <DataGate children=move |data| {
            let world = LocalResource::new(load_world);
            view! {
                <FilteredHeadline data=Arc::clone(&data)/>
                {move || match world.get() {
                    None => view! { <p role="status" class="loading">{move || tm(lang.get()).loading}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="load-error" role="alert" data-testid="map-error">{move || world_error_view(&e, lang.get())}</p> }.into_any(),
                    Some(Ok(w)) => view! { <WorldMap data=Arc::clone(&data) world=w/> }.into_any(),
                }}
            }
        }/>
    }
}

/// The map alone (for embeds): loads the geometry and draws the linked map.
#[component]
pub fn EmbeddedMap(
    /// The loaded dataset.
    data: Arc<AppData>,
) -> impl IntoView {
    let world = LocalResource::new(load_world);
    let lang = use_lang();
    move || {
        match world.get() {
        None => view! { <p role="status">{move || tm(lang.get()).loading}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="embed-error" role="alert">{move || world_error_view(&e, lang.get())}</p> }.into_any(),
        Some(Ok(w)) => view! { <WorldMap data=Arc::clone(&data) world=w/> }.into_any(),
    }
    }
}

/// A country's tooltip and accessible name in `lang`: projects, known amount, unknown amounts and,
/// when given, the top sectors (by code).
fn tooltip_text(
    data: &AppData,
    iso: &str,
    fill_: Option<&Fill>,
    top_sectors: &[(u16, u32)],
    lang: Lang,
) -> String {
    let t = tm(lang);
    let name = data.reference.country_name(iso, lang);
    match fill_ {
        Some(f) if f.count > 0 => {
            let amount = if f.known > 0 {
                money(lang, f.sum, "USD")
            } else {
                t.tip_no_amount.into()
            };
            let unknown = f.count - f.known;
            let sectors = if top_sectors.is_empty() {
                String::new()
            } else {
                let list = top_sectors
                    .iter()
                    .map(|(code, n)| {
                        fill(
                            t.tip_sector,
                            &[
                                ("sector", &data.reference.sector_name(*code, lang)),
                                ("n", &count(lang, *n as u64)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(t.list_sep);
                fill(t.tip_top_sectors, &[("sectors", &list)])
            };
            let mut text = fill(
                t.tip_projects,
                &[
                    ("name", name),
                    ("count", &count(lang, f.count as u64)),
                    ("amount", &amount),
                    ("unknown", &count(lang, unknown as u64)),
                ],
            );
            text.push_str(&sectors);
            text
        }
        _ => fill(t.tip_no_projects, &[("name", name)]),
    }
}

#[component]
fn WorldMap(data: Arc<AppData>, world: Arc<World>) -> impl IntoView {
    let state = use_view_state();
    let set_view = use_set_view();
    let replace_view = use_set_view_with(true);
    let lang = use_lang();
    let agg = use_aggregates(Arc::clone(&data), state);
    let (width, height) = (world.width, world.height);
    let space = MapSpace::new(width);

    let fill_data = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let (s, _) = state.get();
            let a = agg.get();
            match data.engine.lock() {
                Ok(e) => fills(&a, &e.cols, &s.filters, s.measure, 5),
                Err(_) => (
                    HashMap::new(),
                    bridges_core::map::Legend {
                        measure: s.measure,
                        ranges: vec![],
                    },
                ),
            }
        })
    };
    // While dragging or pinching, the view lives here; it is written to the URL when the gesture ends.
    let live: RwSignal<Option<MapView>> = RwSignal::new(None);
    let view = Memo::new(move |_| live.get().unwrap_or_else(|| state.get().0.map));
    let vb = Memo::new(move |_| view_box(&view.get(), width, height));
    let layers = Memo::new(move |_| view.get().layers);
    // Points depend on the zoom only: panning moves the viewBox and redraws nothing else.
    let zoom = Memo::new(move |_| view.get().zoom);
    let commit = {
        let replace_view = replace_view.clone();
        move |m: MapView| {
            let mut s = state.get_untracked().0;
            s.map = m;
            replace_view(s);
        }
    };
    let go = {
        let set_view = set_view.clone();
        Callback::new(move |next: ViewState| set_view(next))
    };
    let choose = {
        let set_view = set_view.clone();
        move |iso: String, additive: bool| {
            set_view(select(
                &state.get_untracked().0,
                View::Recipients,
                &iso,
                additive,
            ))
        }
    };

    // Countries with projects, for keyboard moves; the focused one holds tabindex 0.
    let with_projects = {
        let world = Arc::clone(&world);
        Memo::new(move |_| {
            let (f, _) = fill_data.get();
            world
                .countries
                .iter()
                .filter(|s| f.get(&s.iso3).is_some_and(|x| x.count > 0))
                .map(|s| (s.iso3.clone(), s.cx, s.cy))
                .collect::<Vec<_>>()
        })
    };
    let focused: RwSignal<Option<String>> = RwSignal::new(None);
    let tab_stop = Memo::new(move |_| {
        focused.get().or_else(|| {
            with_projects.with(|c| {
                c.iter()
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|c| c.0.clone())
            })
        })
    });
    let hover: RwSignal<Option<(String, f64, f64)>> = RwSignal::new(None);
    let container = NodeRef::<Div>::new();

    let top_sectors = {
        let data = Arc::clone(&data);
        move |iso: &str| -> Vec<(u16, u32)> {
            let (s, _) = state.get_untracked();
            let mut f = s.filters.clone();
            f.countries = [iso.to_string()].into();
            let rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&f),
                Err(_) => return vec![],
            };
            let mut counts: HashMap<u16, u32> = HashMap::new();
            for i in rows {
                if let Some(sector) = &data.loaded.dataset.projects[i as usize].sector {
                    *counts.entry(sector.code).or_default() += 1;
                }
            }
            let mut v: Vec<(u16, u32)> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(3);
            v
        }
    };

    // Points: every location of every project, projected once; the filtered ones are clustered.
    let projected: Arc<Vec<(u32, f64, f64, bool)>> = Arc::new(
        data.loaded
            .dataset
            .projects
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.locations.iter().map(move |l| {
                    let (x, y) = space.project(l.lon, l.lat);
                    (i as u32, x, y, l.level.as_deref() == Some("adm2"))
                })
            })
            .collect(),
    );
    let points = {
        let data = Arc::clone(&data);
        let projected = Arc::clone(&projected);
        Memo::new(move |_| {
            if !layers.get().contains(&Layer::Points) {
                return Vec::new();
            }
            let (s, _) = state.get();
            let zoom = zoom.get();
            let rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&s.filters),
                Err(_) => return Vec::new(),
            };
            let mut keep = vec![false; data.loaded.dataset.projects.len()];
            for r in rows {
                keep[r as usize] = true;
            }
            // ADM1 centroids at world scale, ADM2 once zoomed in.
            let fine = zoom >= 4.0;
            let pts: Vec<(f64, f64)> = projected
                .iter()
                .filter(|(r, _, _, adm2)| keep[*r as usize] && *adm2 == fine)
                .map(|(_, x, y, _)| (*x, *y))
                .collect();
            cluster(&pts, 10.0 / zoom)
        })
    };
    let flows = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        Memo::new(move |_| {
            if !layers.get().contains(&Layer::Flows) {
                return Vec::new();
            }
            let (f, _) = fill_data.get();
            let (s, _) = state.get();
            let curve = |(px, py): (f64, f64), (qx, qy): (f64, f64)| {
                let (mx, my) = (
                    (px + qx) / 2.0,
                    (py + qy) / 2.0 - ((qx - px).abs() * 0.15 + 8.0),
                );
                format!("M{px},{py}Q{mx},{my} {qx},{qy}")
            };
            let (providers, rows) = match data.engine.lock() {
                Ok(mut e) => {
                    let p: Vec<(f64, f64)> = e
                        .cols
                        .providers
                        .iter()
                        .filter_map(|p| world.shape(p))
                        .map(|s| (s.cx, s.cy))
                        .collect();
                    (p, e.matching(&s.filters))
                }
                Err(_) => return Vec::new(),
            };
            // Provider → recipient: solid, width by the number of projects.
            let mut out = Vec::new();
            for from in providers {
                for shape in &world.countries {
                    let Some(fill) = f.get(&shape.iso3).filter(|x| x.count > 0) else {
                        continue;
                    };
                    let w = 0.3 + (fill.count as f64).log2().max(0.0) * 0.18;
                    out.push((curve(from, (shape.cx, shape.cy)), w, fill.selected, ""));
                }
            }
            // Triangular partners → recipients: dashed for a pivot, dotted for a beneficiary partner.
            let mut pairs: HashMap<(String, String, &'static str), u32> = HashMap::new();
            for r in rows {
                let p = &data.loaded.dataset.projects[r as usize];
                for partner in &p.partners {
                    let dash = match partner.role {
                        bridges_core::model::PartnerRole::Provider => "",
                        bridges_core::model::PartnerRole::Pivot => "6 3",
                        bridges_core::model::PartnerRole::Beneficiary => "2 3",
                    };
                    for rec in &p.recipients {
                        *pairs
                            .entry((partner.country.clone(), rec.clone(), dash))
                            .or_default() += 1;
                    }
                }
            }
            let mut pairs: Vec<_> = pairs.into_iter().collect();
            pairs.sort();
            for ((from, to, dash), n) in pairs {
                if let (Some(a), Some(b)) = (world.shape(&from), world.shape(&to)) {
                    out.push((
                        curve((a.cx, a.cy), (b.cx, b.cy)),
                        0.3 + (n as f64).log2().max(0.0) * 0.18,
                        false,
                        dash,
                    ));
                }
            }
            out
        })
    };
    let zoom_by = {
        let commit = commit.clone();
        move |factor: f64| {
            let mut m = view.get_untracked();
            m.zoom = (m.zoom * factor).clamp(1.0, MAX_ZOOM);
            commit(m);
        }
    };
    let pan_by = {
        let commit = commit.clone();
        move |dx: f64, dy: f64| {
            let m = view.get_untracked();
            let (x, y, w, h) = vb.get_untracked();
            let (lon, lat) = space.invert(x + w / 2.0 + dx * w, y + h / 2.0 + dy * h);
            commit(MapView {
                lon: lon.clamp(-180.0, 180.0),
                lat: lat.clamp(-85.0, 85.0),
                ..m
            });
        }
    };

    // Pointer gestures: drag to pan, two pointers to pinch; the wheel zooms.
    let pointers: StoredValue<HashMap<i32, (f64, f64)>> = StoredValue::new(HashMap::new());
    let gesture_start: StoredValue<Option<Gesture>> = StoredValue::new(None);
    let client_width = move || {
        container
            .get_untracked()
            .map(|c| c.client_width() as f64)
            .unwrap_or(1.0)
            .max(1.0)
    };
    let spread = move |p: &HashMap<i32, (f64, f64)>| -> (f64, f64, f64) {
        let n = p.len().max(1) as f64;
        let (cx, cy) = p
            .values()
            .fold((0.0, 0.0), |a, v| (a.0 + v.0 / n, a.1 + v.1 / n));
        let d = if p.len() >= 2 {
            let v: Vec<&(f64, f64)> = p.values().collect();
            ((v[0].0 - v[1].0).powi(2) + (v[0].1 - v[1].1).powi(2)).sqrt()
        } else {
            0.0
        };
        (cx, cy, d)
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f64, ev.client_y() as f64),
            );
        });
        let (cx, cy, d) = pointers.with_value(|p| spread(p));
        gesture_start.set_value(Some((view.get_untracked(), vb.get_untracked(), cx, cy, d)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let known = pointers.with_value(|p| p.contains_key(&ev.pointer_id()));
        if !known {
            return;
        }
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f64, ev.client_y() as f64),
            );
        });
        let Some((m0, (x, y, w, h), sx, sy, sd)) = gesture_start.get_value() else {
            return;
        };
        let (cx, cy, d) = pointers.with_value(|p| spread(p));
        let k = w / client_width();
        let zoom = if sd > 0.0 && d > 0.0 {
            (m0.zoom * d / sd).clamp(1.0, MAX_ZOOM)
        } else {
            m0.zoom
        };
        let (lon, lat) = space.invert(x + w / 2.0 - (cx - sx) * k, y + h / 2.0 - (cy - sy) * k);
        if (cx - sx).abs() + (cy - sy).abs() > 3.0 || (zoom - m0.zoom).abs() > 1e-6 {
            hover.set(None);
            live.set(Some(MapView {
                zoom,
                lon: lon.clamp(-180.0, 180.0),
                lat: lat.clamp(-85.0, 85.0),
                ..m0
            }));
        }
    };
    let on_up = {
        let commit = commit.clone();
        move |ev: web_sys::PointerEvent| {
            pointers.update_value(|p| {
                p.remove(&ev.pointer_id());
            });
            if pointers.with_value(|p| p.is_empty()) {
                gesture_start.set_value(None);
                if let Some(m) = live.get_untracked() {
                    live.set(None);
                    commit(m);
                }
            } else {
                let (cx, cy, d) = pointers.with_value(|p| spread(p));
                gesture_start.set_value(Some((
                    view.get_untracked(),
                    vb.get_untracked(),
                    cx,
                    cy,
                    d,
                )));
            }
        }
    };
    let on_wheel = {
        let zoom_by = zoom_by.clone();
        move |ev: web_sys::WheelEvent| {
            ev.prevent_default();
            zoom_by(if ev.delta_y() < 0.0 { 1.25 } else { 0.8 });
        }
    };

    let on_key = {
        let choose = choose.clone();
        let zoom_by = zoom_by.clone();
        let pan_by = pan_by.clone();
        let world = Arc::clone(&world);
        move |ev: web_sys::KeyboardEvent, iso: String| {
            let key = ev.key();
            let dir = match key.as_str() {
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                _ => None,
            };
            if let Some(dir) = dir {
                ev.prevent_default();
                if ev.shift_key() {
                    let (dx, dy) = match dir {
                        Direction::Left => (-0.2, 0.0),
                        Direction::Right => (0.2, 0.0),
                        Direction::Up => (0.0, -0.2),
                        Direction::Down => (0.0, 0.2),
                    };
                    pan_by(dx, dy);
                    return;
                }
                let Some(s) = world.shape(&iso) else { return };
                let next = with_projects
                    .with_untracked(|c| neighbour((s.cx, s.cy), c, dir).map(str::to_string));
                if let Some(next) = next {
                    focused.set(Some(next.clone()));
                    if let Some(el) = container.get_untracked().and_then(|c| {
                        c.query_selector(&format!("[data-iso3=\"{next}\"]"))
                            .ok()
                            .flatten()
                    }) {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                            let _ = el.focus();
                        }
                    }
                }
                return;
            }
            match key.as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    choose(iso, ev.shift_key() || ev.ctrl_key() || ev.meta_key());
                }
                "+" | "=" => zoom_by(1.5),
                "-" | "_" => zoom_by(1.0 / 1.5),
                _ => {}
            }
        }
    };

    let shapes = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        let choose = choose.clone();
        let top_sectors = top_sectors.clone();
        move || {
            let (f, legend) = fill_data.get();
            let l = lang.get();
            let classes = legend.ranges.len();
            world
                .countries
                .iter()
                .map(|s| {
                    let fill = f.get(&s.iso3).cloned();
                    let has = fill.as_ref().is_some_and(|x| x.count > 0);
                    let selected = fill.as_ref().is_some_and(|x| x.selected);
                    let colour = fill_colour(fill.as_ref(), classes);
                    let label = tooltip_text(&data, &s.iso3, fill.as_ref(), &[], l);
                    let iso = s.iso3.clone();
                    let iso_click = iso.clone();
                    let iso_key = iso.clone();
                    let iso_hover = iso.clone();
                    let iso_focus = iso.clone();
                    let iso_tab = iso.clone();
                    let choose = choose.clone();
                    let on_key = on_key.clone();
                    let data = Arc::clone(&data);
                    let top_sectors = top_sectors.clone();
                    let fill_hover = fill.clone();
                    let marker = is_small(s).then(|| {
                        view! { <circle cx=s.cx cy=s.cy r="2.5" fill=colour stroke=if selected { SELECTED } else { "#4a5566" } stroke-width="1" vector-effect="non-scaling-stroke"/> }
                    });
                    view! {
                        <g class="country" class:has-projects=has class:selected=selected data-iso3=iso
                            role=has.then_some("button")
                            tabindex=move || if !has { None } else if tab_stop.get().as_deref() == Some(iso_tab.as_str()) { Some("0") } else { Some("-1") }
                            aria-label=has.then_some(label)
                            aria-pressed=has.then(|| selected.to_string())
                            on:click=move |ev: web_sys::MouseEvent| {
                                if has {
                                    choose(iso_click.clone(), ev.shift_key() || ev.ctrl_key() || ev.meta_key());
                                }
                            }
                            on:keydown=move |ev| on_key(ev, iso_key.clone())
                            on:focus=move |_| focused.set(Some(iso_focus.clone()))
                            on:pointerenter=move |ev: web_sys::PointerEvent| {
                                let sectors = if fill_hover.as_ref().is_some_and(|x| x.count > 0) { top_sectors(&iso_hover) } else { vec![] };
                                let text = tooltip_text(&data, &iso_hover, fill_hover.as_ref(), &sectors, lang.get_untracked());
                                let rect = container.get_untracked().map(|c| c.get_bounding_client_rect());
                                let (ox, oy) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
                                hover.set(Some((text, ev.client_x() as f64 - ox, ev.client_y() as f64 - oy)));
                            }
                            on:pointerleave=move |_| hover.set(None)>
                            <path d=s.d.clone() fill=colour stroke=if selected { SELECTED } else { "#ffffff" }
                                stroke-width=if selected { "2" } else { "0.5" } vector-effect="non-scaling-stroke"/>
                            {marker}
                        </g>
                    }
                })
                .collect_view()
        }
    };

    let legend_view = move || {
        let (_, legend) = fill_data.get();
        let l = lang.get();
        let t = tm(l);
        let classes = legend.ranges.len();
        let m = legend.measure;
        view! {
            <div class="map-legend" aria-label=t.legend>
                <span class="legend-title">{if m == Measure::Count { t.legend_count } else { t.legend_amount }}</span>
                <ul class="legend">
                    {legend.ranges.iter().enumerate().map(|(i, (a, b))| view! {
                        <li><span class="swatch" style:background=class_colour(i, classes)></span>{range_label(m, *a, *b, l)}</li>
                    }).collect_view()}
                    <li><span class="swatch none"></span>{t.legend_none}</li>
                    {(m == Measure::Amount).then(|| view! { <li><span class="swatch hatched"></span>{t.legend_unknown}</li> })}
                </ul>
            </div>
        }
    };

    let as_list = RwSignal::new(false);
    let list_view = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        let choose = choose.clone();
        move || {
            let (f, _) = fill_data.get();
            let l = lang.get();
            let t = tm(l);
            let mut rows: Vec<(String, Fill)> = world
                .countries
                .iter()
                .filter_map(|s| {
                    f.get(&s.iso3)
                        .filter(|x| x.count > 0)
                        .map(|x| (s.iso3.clone(), x.clone()))
                })
                .collect();
            rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
            view! {
                <div class="table-scroll">
                    <table data-testid="map-list">
                        <caption>{t.list_caption}</caption>
                        <thead><tr><th scope="col">{t.list_country}</th><th scope="col" class="num">{t.list_projects}</th><th scope="col" class="num">{t.list_known}</th><th scope="col" class="num">{t.list_unknown}</th><th scope="col">{t.list_filter}</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(iso, x)| {
                                let choose = choose.clone();
                                let name = data.reference.country_name(&iso, l).to_string();
                                view! {
                                    <tr class:selected=x.selected>
                                        <th scope="row">{name}</th>
                                        <td class="num">{count(l, x.count as u64)}</td>
                                        <td class="num">{if x.known > 0 { money(l, x.sum, "USD") } else { t.list_amount_unknown.into() }}</td>
                                        <td class="num">{count(l, (x.count - x.known) as u64)}</td>
                                        <td><button type="button" aria-pressed=x.selected.to_string() on:click=move |_| choose(iso.clone(), true)>{if x.selected { t.list_selected } else { t.list_select }}</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        }
    };

    let toggle_layer = {
        let commit = commit.clone();
        move |layer: Layer| {
            let mut m = view.get_untracked();
            if !m.layers.remove(&layer) {
                m.layers.insert(layer);
            }
            commit(m);
        }
    };
    let set_measure = move |m: Measure| {
        let mut s = state.get_untracked().0;
        s.measure = m;
        go.run(s);
    };
    let download_svg = {
        let world = Arc::clone(&world);
        move |_| {
            let (f, legend) = fill_data.get_untracked();
            let l = lang.get_untracked();
            let _ = download_text(
                "bridges-map.svg",
                "image/svg+xml",
                &map_svg(&world, &f, &legend, tm(l).download_title, l),
            );
        }
    };
    let download_png = {
        let world = Arc::clone(&world);
        move |_| {
            let (f, legend) = fill_data.get_untracked();
            let l = lang.get_untracked();
            let svg = map_svg(&world, &f, &legend, tm(l).download_title, l);
            let _ = svg_to_png(&svg, world.width, world.height + 70.0, "bridges-map.png");
        }
    };
    let reset = {
        let commit = commit.clone();
        move |_| {
            let layers = view.get_untracked().layers;
            commit(MapView {
                layers,
                ..MapView::default()
            });
        }
    };
    let zoom_in = {
        let zoom_by = zoom_by.clone();
        move |_| zoom_by(1.5)
    };
    let zoom_out = move |_| zoom_by(1.0 / 1.5);

    view! {
        <Notices notices=Signal::derive(move || state.get().1)/>
        <Chips data=Arc::clone(&data) state=Signal::derive(move || state.get().0) on_change=go/>
        <div class="map-toolbar" role="group" aria-label=move || tm(lang.get()).controls>
            <span>{move || tm(lang.get()).measure}</span>
            <button type="button" aria-pressed=move || (state.get().0.measure == Measure::Count).to_string() on:click=move |_| set_measure(Measure::Count)>{move || tm(lang.get()).measure_count}</button>
            <button type="button" aria-pressed=move || (state.get().0.measure == Measure::Amount).to_string() on:click=move |_| set_measure(Measure::Amount)>{move || tm(lang.get()).measure_amount}</button>
            <span class="sep"></span>
            {Layer::ALL.into_iter().map(|l| {
                let toggle_layer = toggle_layer.clone();
                let label = move || {
                    let t = tm(lang.get());
                    match l { Layer::Choropleth => t.layer_countries, Layer::Points => t.layer_points, Layer::Flows => t.layer_flows }
                };
                view! {
                    <label class="layer"><input type="checkbox" prop:checked=move || layers.get().contains(&l) on:change=move |_| toggle_layer(l)/>{label}</label>
                }
            }).collect_view()}
        </div>
        <div class="map-toolbar" role="group" aria-label=move || tm(lang.get()).zoom>
            <button type="button" aria-label=move || tm(lang.get()).zoom_in on:click=zoom_in>"+"</button>
            <button type="button" aria-label=move || tm(lang.get()).zoom_out on:click=zoom_out>"−"</button>
            <button type="button" on:click=reset>{move || tm(lang.get()).world}</button>
            {PRESETS.into_iter().map(|(name, lon, lat, zoom)| {
                let commit = commit.clone();
                view! { <button type="button" on:click=move |_| {
                    let layers = view.get_untracked().layers;
                    commit(MapView { zoom, lon, lat, layers });
                }>{move || preset_name(name, tm(lang.get()))}</button> }
            }).collect_view()}
            <span class="sep"></span>
            <button type="button" aria-pressed=move || as_list.get().to_string() on:click=move |_| as_list.update(|v| *v = !*v)>
                {move || if as_list.get() { tm(lang.get()).show_map } else { tm(lang.get()).show_list }}
            </button>
            <button type="button" on:click=download_svg>"SVG"</button>
            <button type="button" on:click=download_png>"PNG"</button>
        </div>
        <div class="map-wrap" data-testid="map" node_ref=container class:hidden=move || as_list.get()
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone() on:pointercancel=on_up on:wheel=on_wheel>
            <svg class="world" viewBox=move || { let (x, y, w, h) = vb.get(); format!("{x} {y} {w} {h}") }
                role="group" aria-label=move || tm(lang.get()).svg_aria>
                <defs inner_html=PATTERN_DEF></defs>
                <g class="countries" class:faded=move || !layers.get().contains(&Layer::Choropleth)>{shapes}</g>
                <g class="flows" aria-hidden="true">
                    {move || flows.get().into_iter().map(|(d, w, sel, dash)| view! {
                        <path d=d fill="none" stroke=if sel { SELECTED } else { "#9a5a00" } stroke-opacity=if sel { "0.9" } else { "0.35" }
                            stroke-width=w stroke-dasharray=(!dash.is_empty()).then_some(dash) vector-effect="non-scaling-stroke"/>
                    }).collect_view()}
                </g>
                <g class="points" aria-hidden="true">
                    {move || {
                        let z = zoom.get();
                        points.get().into_iter().map(|(x, y, n)| view! {
                            <circle cx=x cy=y r=(0.9 + (n as f64).sqrt() * 0.35) / z.sqrt() fill="#d55e00" fill-opacity="0.7" stroke="#ffffff" stroke-width="0.6" vector-effect="non-scaling-stroke"/>
                        }).collect_view()
                    }}
                </g>
            </svg>
            {move || hover.get().map(|(text, x, y)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 14.0) style:top=format!("{}px", y + 14.0)>{text}</div>
            })}
        </div>
        {legend_view}
        {move || as_list.get().then(list_view.clone())}
        <p class="note">{move || tm(lang.get()).note}</p>
    }
}
