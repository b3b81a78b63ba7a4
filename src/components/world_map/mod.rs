//! The world map: a choropleth of projects or known amounts per recipient, admin-area points and flows,
//! linked to every filter; keyboard-operable (one Tab stop, arrows inside), with a list instead of the
//! map. Its controls sit over the map (zoom) and in a menu (measure, layers, regions, list, downloads),
//! so the map itself is the first thing on the screen, on a phone and in a partner's column.
//! What can be computed without a browser lives in `bridges_core::map` (fills, presets, flows,
//! gestures, keys); this module only wires it to the DOM.
//!
//! One file because the map is one reactive graph whose handlers
//! (pointer gestures, keys, clicks, hover, focus) and layers (shapes, flows, points) share a dozen
//! signals (the live view during a gesture, the focused and hovered country, the fills); the parts that
//! only read or report (legend, list, menu, details, tooltip text, loading) are their own modules.

mod detail;
mod legend;
mod list;
mod load;
mod menu;
mod tooltip;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use bridges_charts::map::{fill_colour, is_small, map_svg, PATTERN_DEF, SELECTED};
use bridges_core::explore::{select, View};
use bridges_core::geo::MapSpace;
use bridges_core::map::flows::{
    flows, providers_in_view, providers_not_drawn, top_sectors, FlowStyle,
};
use bridges_core::map::gesture::{map_key, Gesture, MapKey, Pointers};
use bridges_core::map::{
    cluster, fills, neighbour, shown_height, view_box, Layer, MapView, Preset, MAX_ZOOM,
};
use bridges_core::query::{Measure, ViewState};
use bridges_core::world::World;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app_data::AppData;
use crate::components::facets::Chips;
use crate::components::notices::Notices;
use crate::download::{download_text, svg_to_png};
use crate::i18n::{tm, use_lang};
use crate::view_state::{use_aggregates, use_set_view, use_set_view_with, use_view_state};
use detail::MapDetail;
use legend::MapLegend;
use list::MapList;
pub use load::{load_world, world_error_view, WorldError};
use menu::MapMenu;
use tooltip::tooltip_text;

/// The map alone, loading its geometry (embeds and slides): zoom over the map, no menu.
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
        Some(Ok(w)) => view! { <WorldMap data=Arc::clone(&data) world=w compact=true/> }.into_any(),
    }
    }
}

/// The country element an event happened in (the map listens once, on the countries' group).
fn country_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-iso3]").ok().flatten())
}

/// The linked world map.
#[component]
pub fn WorldMap(
    data: Arc<AppData>,
    world: Arc<World>,
    /// In an embed or on a slide: only the zoom buttons and the legend around the map.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_view_state();
    let set_view = use_set_view();
    let replace_view = use_set_view_with(true);
    let lang = use_lang();
    let agg = use_aggregates(Arc::clone(&data), state);
    let (width, height) = (world.width, world.height);
    let shown = shown_height(width).min(height);
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
    // Providers the view has records of, countries on the map: marked as providers, not as "no projects".
    let providers: Memo<BTreeSet<String>> = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let (s, _) = state.get();
            let a = agg.get();
            match data.engine.lock() {
                Ok(e) => providers_in_view(&a, &e.cols, &s.filters),
                Err(_) => BTreeSet::new(),
            }
        })
    };
    // Providers of the view the map cannot draw (multilaterals, Singapore): named under the legend.
    let not_drawn: Memo<Vec<(String, u32)>> = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        Memo::new(move |_| {
            let (s, _) = state.get();
            let a = agg.get();
            match data.engine.lock() {
                Ok(e) => providers_not_drawn(&a, &e.cols, &s.filters, &world),
                Err(_) => Vec::new(),
            }
        })
    };
    let names = Arc::clone(&data);
    let not_drawn = Signal::derive(move || {
        let l = lang.get();
        not_drawn
            .get()
            .into_iter()
            .map(|(code, n)| (names.reference.country_name(&code, l).to_string(), n))
            .collect::<Vec<_>>()
    });
    // Whether the data names providers at all (the legend's "provider" swatch).
    let has_provider = data
        .engine
        .lock()
        .is_ok_and(|e| !e.cols.providers.is_empty());
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

    // Countries with projects, for keyboard moves; the focused one holds the map's single Tab stop.
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
        let has = |iso: &str| with_projects.with(|c| c.iter().any(|x| x.0 == iso));
        focused.get().filter(|f| has(f)).or_else(|| {
            with_projects.with(|c| {
                c.iter()
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|c| c.0.clone())
            })
        })
    });
    let hover: RwSignal<Option<(String, f64, f64)>> = RwSignal::new(None);
    let container = NodeRef::<Div>::new();
    // A phone has no hover: a tap selects the country and opens its details in a panel over the
    // map's lower edge instead of a tooltip under the finger.
    let phone = leptos_use::use_media_query("(max-width: 40rem)");
    let detail: RwSignal<Option<String>> = RwSignal::new(None);

    let top_sectors_of = {
        let data = Arc::clone(&data);
        move |iso: &str| -> Vec<(u16, u32)> {
            let (s, _) = state.get_untracked();
            let mut f = s.filters.clone();
            f.countries = [iso.to_string()].into();
            let rows = match data.engine.lock() {
                Ok(mut e) => e.matching(&f),
                Err(_) => return vec![],
            };
            top_sectors(&data.loaded.dataset.projects, &rows, 3)
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
    // The rows the filters keep, for the points and the flows: matched once a filter change, not once
    // per layer and not again when the map zooms.
    let matched = {
        let data = Arc::clone(&data);
        Memo::new(move |_| {
            let on = layers.with(|l| l.contains(&Layer::Points) || l.contains(&Layer::Flows));
            if !on {
                return Arc::new(Vec::new());
            }
            let (s, _) = state.get();
            match data.engine.lock() {
                Ok(mut e) => Arc::new(e.matching(&s.filters)),
                Err(_) => Arc::new(Vec::new()),
            }
        })
    };
    let points = {
        let data = Arc::clone(&data);
        let projected = Arc::clone(&projected);
        Memo::new(move |_| {
            if !layers.get().contains(&Layer::Points) {
                return Vec::new();
            }
            let zoom = zoom.get();
            let mut keep = vec![false; data.loaded.dataset.projects.len()];
            matched.with(|rows| {
                for &r in rows.iter() {
                    if let Some(k) = keep.get_mut(r as usize) {
                        *k = true;
                    }
                }
            });
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
    let flow_lines = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        Memo::new(move |_| {
            if !layers.get().contains(&Layer::Flows) {
                return Vec::new();
            }
            let (f, _) = fill_data.get();
            let (s, _) = state.get();
            let rows = matched.get();
            let around = match data.engine.lock() {
                Ok(mut e) => {
                    let mut others = s.filters;
                    others.countries.clear();
                    e.matching(&others)
                }
                Err(_) => return Vec::new(),
            };
            let from = providers.get();
            flows(
                &world,
                &f,
                &from,
                &data.loaded.dataset.projects,
                &around,
                &rows,
            )
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
    let gesture: StoredValue<Option<Gesture>> = StoredValue::new(None);
    let now_pointers =
        move || pointers.with_value(|p| Pointers::of(&p.values().copied().collect::<Vec<_>>()));
    let client_width = move || {
        container
            .get_untracked()
            .map(|c| c.client_width() as f64)
            .unwrap_or(1.0)
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
        gesture.set_value(Some(Gesture {
            view: view.get_untracked(),
            view_box: vb.get_untracked(),
            start: now_pointers(),
        }));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !pointers.with_value(|p| p.contains_key(&ev.pointer_id())) {
            return;
        }
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f64, ev.client_y() as f64),
            );
        });
        let moved = gesture.with_value(|g| {
            g.as_ref()
                .and_then(|g| g.moved(now_pointers(), client_width(), &space))
        });
        if let Some(m) = moved {
            hover.set(None);
            live.set(Some(m));
        }
    };
    let on_up = {
        let commit = commit.clone();
        move |ev: web_sys::PointerEvent| {
            pointers.update_value(|p| {
                p.remove(&ev.pointer_id());
            });
            if pointers.with_value(|p| p.is_empty()) {
                gesture.set_value(None);
                if let Some(m) = live.get_untracked() {
                    live.set(None);
                    commit(m);
                }
            } else {
                gesture.set_value(Some(Gesture {
                    view: view.get_untracked(),
                    view_box: vb.get_untracked(),
                    start: now_pointers(),
                }));
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

    // One listener on the countries' group for keys, clicks, focus and hover: a country without projects
    // carries no listener and no tabindex, so it is never a Tab stop.
    let on_key = {
        let choose = choose.clone();
        let zoom_by = zoom_by.clone();
        let pan_by = pan_by.clone();
        let world = Arc::clone(&world);
        move |ev: web_sys::KeyboardEvent| {
            let Some(el) = country_of(&ev) else { return };
            let Some(iso) = el.get_attribute("data-iso3") else {
                return;
            };
            match map_key(&ev.key(), ev.shift_key()) {
                Some(MapKey::Move(dir)) => {
                    ev.prevent_default();
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
                            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                                let _ = el.focus();
                            }
                        }
                    }
                }
                Some(MapKey::Pan(dx, dy)) => {
                    ev.prevent_default();
                    pan_by(dx, dy);
                }
                Some(MapKey::Select) => {
                    ev.prevent_default();
                    if el.has_attribute("tabindex") {
                        choose(iso, ev.shift_key() || ev.ctrl_key() || ev.meta_key());
                    }
                }
                Some(MapKey::ZoomIn) => zoom_by(1.5),
                Some(MapKey::ZoomOut) => zoom_by(1.0 / 1.5),
                None => {}
            }
        }
    };
    let on_click = {
        let choose = choose.clone();
        move |ev: web_sys::MouseEvent| {
            if let Some(el) = country_of(&ev).filter(|e| e.has_attribute("tabindex")) {
                if let Some(iso) = el.get_attribute("data-iso3") {
                    if !compact && phone.get_untracked() {
                        hover.set(None);
                        detail.set(Some(iso.clone()));
                    }
                    choose(iso, ev.shift_key() || ev.ctrl_key() || ev.meta_key());
                }
            }
        }
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        if let Some(iso) = country_of(&ev).and_then(|e| e.get_attribute("data-iso3")) {
            focused.set(Some(iso));
        }
    };
    let tip_text = RwSignal::new(String::new());
    let on_over = {
        let data = Arc::clone(&data);
        let top_sectors_of = top_sectors_of.clone();
        move |ev: web_sys::PointerEvent| {
            // A touch has no hover: its details go to the panel (see `detail`).
            if !pointers.with_value(HashMap::is_empty) || ev.pointer_type() == "touch" {
                return;
            }
            let Some(iso) = country_of(&ev).and_then(|e| e.get_attribute("data-iso3")) else {
                hover.set(None);
                return;
            };
            if hover.with_untracked(|h| h.as_ref().is_some_and(|h| h.0 == iso)) {
                return;
            }
            let f = fill_data.with_untracked(|(f, _)| f.get(&iso).cloned());
            let sectors = if f.as_ref().is_some_and(|x| x.count > 0) {
                top_sectors_of(&iso)
            } else {
                vec![]
            };
            let text = tooltip_text(&data, &iso, f.as_ref(), &sectors, lang.get_untracked());
            let rect = container
                .get_untracked()
                .map(|c| c.get_bounding_client_rect());
            let (ox, oy) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
            hover.set(Some((
                iso,
                ev.client_x() as f64 - ox,
                ev.client_y() as f64 - oy,
            )));
            tip_text.set(text);
        }
    };

    let shapes = {
        let data = Arc::clone(&data);
        let world = Arc::clone(&world);
        move || {
            let (f, legend) = fill_data.get();
            let providers = providers.get();
            let l = lang.get();
            let classes = legend.ranges.len();
            world
                .countries
                .iter()
                .map(|s| {
                    // Antarctica (below the crop) would show under a map taller than the world.
                    let below = s.cy > shown;
                    let fill = f.get(&s.iso3);
                    let has = fill.is_some_and(|x| x.count > 0);
                    let provider = !has && providers.contains(&s.iso3);
                    let selected = fill.is_some_and(|x| x.selected);
                    // The provider's and the borders' colours follow the theme (CSS); these are the light theme's.
                    let colour = if provider { "#c9b8e8" } else { fill_colour(fill, classes) };
                    let label = has.then(|| tooltip_text(&data, &s.iso3, fill, &[], l));
                    let iso_tab = s.iso3.clone();
                    let marker = is_small(s).then(|| {
                        view! { <circle cx=s.cx cy=s.cy r="2.5" fill=colour stroke=if selected { SELECTED } else { "#4a5566" } stroke-width="1" vector-effect="non-scaling-stroke"/> }
                    });
                    view! {
                        <g class="country" class:below-crop=below class:has-projects=has class:provider=provider class:selected=selected data-iso3=s.iso3.clone()
                            role=has.then_some("button")
                            tabindex=move || has.then(|| if tab_stop.get().as_deref() == Some(iso_tab.as_str()) { "0" } else { "-1" })
                            aria-label=label
                            aria-pressed=has.then(|| selected.to_string())>
                            <path d=s.d.clone() fill=colour stroke=if selected { SELECTED } else { "#ffffff" }
                                stroke-width=if selected { "2" } else { "0.5" } vector-effect="non-scaling-stroke"/>
                            {marker}
                        </g>
                    }
                })
                .collect_view()
        }
    };

    let as_list = RwSignal::new(false);
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
    let download = {
        let world = Arc::clone(&world);
        let amount_unit = data.unit();
        move |png: bool| {
            let (f, legend) = fill_data.get_untracked();
            let l = lang.get_untracked();
            let svg = map_svg(&world, &f, &legend, tm(l).download_title, &amount_unit, l);
            if png {
                let _ = svg_to_png(&svg, world.width, world.height + 70.0, "bridges-map.png");
            } else {
                let _ = download_text("bridges-map.svg", "image/svg+xml", &svg);
            }
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
    let unit = data.unit();

    let menu = (!compact).then(|| {
        let toggle_layer = toggle_layer.clone();
        let commit = commit.clone();
        view! {
            <MapMenu
                measure=Signal::derive(move || state.get().0.measure)
                on_measure=Callback::new(set_measure)
                layers=Signal::from(layers)
                on_layer=Callback::new(toggle_layer)
                on_preset=Callback::new(move |p: Preset| {
                    let layers = view.get_untracked().layers;
                    commit(p.view(width, height, layers));
                })
                as_list=as_list
                on_download=Callback::new(download)/>
        }
    });

    let detail_panel = (!compact).then(|| {
        let data = Arc::clone(&data);
        let top_sectors_of = top_sectors_of.clone();
        // The country's text, with its top sectors under the current filters.
        let describe = Callback::new(move |iso: String| {
            let l = lang.get();
            let f = fill_data.with(|(f, _)| f.get(&iso).cloned());
            let sectors = if f.as_ref().is_some_and(|x| x.count > 0) {
                top_sectors_of(&iso)
            } else {
                vec![]
            };
            tooltip_text(&data, &iso, f.as_ref(), &sectors, l)
        });
        view! { <MapDetail country=detail describe=describe/> }
    });
    let list_data = Arc::clone(&data);
    let list_world = Arc::clone(&world);
    let choose_for_list = {
        let choose = choose.clone();
        Callback::new(move |iso: String| choose(iso, true))
    };
    view! {
        <div class="world-map" class:world-map-compact=compact>
        {(!compact).then(|| view! {
            <Notices notices=Signal::derive(move || state.get().1)/>
            <Chips data=Arc::clone(&data) state=Signal::derive(move || state.get().0) on_change=go empty_hint=|t| t.map_no_filters/>
        })}
        <div class="map-stage" class:map-compact=compact>
            <div class="map-wrap" data-testid="map" node_ref=container class:hidden=move || as_list.get()
                style:aspect-ratio=format!("{width} / {shown:.1}")
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone() on:pointercancel=on_up on:wheel=on_wheel
                on:keydown=on_key on:click=on_click on:focusin=on_focus on:pointerover=on_over>
                // On the page the world hangs from the top (under the controls on a phone), so a
                // tapped country's details below it do not cover it.
                <svg class="world" viewBox=move || { let (x, y, w, h) = vb.get(); format!("{x} {y} {w} {h}") }
                    preserveAspectRatio=(!compact).then_some("xMidYMin meet")
                    role="group" aria-label=move || tm(lang.get()).svg_aria>
                    <defs inner_html=PATTERN_DEF></defs>
                    // Listeners sit on the HTML wrapper: Chromium makes an SVG element with a focus
                    // listener a Tab stop.
                    <g class="countries" class:faded=move || !layers.get().contains(&Layer::Choropleth)
                        on:pointerleave=move |_| hover.set(None)>{shapes}</g>
                    <g class="flows" aria-hidden="true">
                        {move || flow_lines.get().into_iter().map(|f| view! {
                            // A partner's line (pivot, beneficiary, co-financier) is few records but must show its dash
                            // pattern: at least 1.2 px, and more opaque than the many provider lines.
                            <path d=f.d fill="none" stroke=if f.selected { SELECTED } else { "#9a5a00" }
                                stroke-opacity=if f.selected { "0.9" } else if f.style != FlowStyle::Provider { "0.8" } else { "0.35" }
                                stroke-width=if f.style == FlowStyle::Provider { f.width } else { f.width.max(1.2) }
                                stroke-dasharray=(f.style != FlowStyle::Provider).then_some(f.style.dash()) vector-effect="non-scaling-stroke"/>
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
                {move || hover.get().map(|(_, x, y)| view! {
                    <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 14.0) style:top=format!("{}px", y + 14.0)>{move || tip_text.get()}</div>
                })}
            </div>
            <div class="map-zoom" class:hidden=move || as_list.get() role="group" aria-label=move || tm(lang.get()).zoom>
                <button type="button" aria-label=move || tm(lang.get()).zoom_in on:click=zoom_in>"+"</button>
                <button type="button" aria-label=move || tm(lang.get()).zoom_out on:click=zoom_out>"−"</button>
                <button type="button" on:click=reset>{move || tm(lang.get()).world}</button>
            </div>
            {menu}
            {(!compact).then(|| view! {
                <div class="map-below" class:hidden=move || as_list.get()>
                    {detail_panel}
                    <MapLegend legend=Signal::derive(move || fill_data.get().1) layers=Signal::from(layers) has_provider=has_provider not_drawn=not_drawn unit=unit.clone()/>
                </div>
            })}
        </div>
        {compact.then(|| view! {
            <MapLegend legend=Signal::derive(move || fill_data.get().1) layers=Signal::from(layers) has_provider=has_provider not_drawn=not_drawn unit=unit.clone()/>
        })}
        {move || as_list.get().then(|| view! {
            <MapList data=Arc::clone(&list_data) world=Arc::clone(&list_world) fills=Signal::derive(move || fill_data.get().0) choose=choose_for_list/>
        })}
        {(!compact).then(|| view! { <p class="note">{move || tm(lang.get()).note}</p> })}
        </div>
    }
}
