//! The mini-map of a project page and an actor's profile: the world map's own drawing
//! (`data/world.json`), zoomed to the page's countries and points by `bridges_core::map::mini::fit`, as
//! a static picture (no focus, no gestures) with a short legend. The recipients are filled, the
//! project's locations are round dots, the similar projects' locations diamonds of another colour.
//! Test contract: `data-testid="mini-map"` on the SVG (its `aria-label` says what it shows), each
//! mark `data-kind="own"` or `data-kind="similar"`, each highlighted country `class="recipient"` with
//! `data-iso3`.

use std::sync::Arc;

use bridges_core::map::mini::{fit, Fitted, MiniMap as Fit, NoMiniMap};
use bridges_core::world::World;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::components::world_map::{load_world, world_error_view, WorldError};
use crate::i18n::{count, fill, tm, use_lang, Lang};

/// Whose mini-map it is: the words of its legend and accessible name.
#[derive(Clone)]
pub enum MiniMapOf {
    /// A project: its recipients (or its regional label) as people read them.
    Project { place: Signal<String> },
    /// An actor: the countries it worked in.
    Actor,
}

/// The map's accessible name in `lang`.
fn label(of: &MiniMapOf, m: &Fit, lang: Lang) -> String {
    let tx = tm(lang);
    let n = |k: usize| count(lang, k as u64);
    match of {
        MiniMapOf::Actor => fill(tx.mini_aria_actor, &[("n", &n(m.highlighted.len()))]),
        MiniMapOf::Project { place } => {
            let own = match m.own_points {
                0 => tx.mini_no_locations.to_string(),
                1 => tx.mini_one_location.to_string(),
                k => fill(tx.mini_locations, &[("n", &n(k))]),
            };
            let mut s = fill(
                tx.mini_aria_project,
                &[("places", &place.get()), ("own", &own)],
            );
            if m.similar_in_view + m.similar_elsewhere > 0 {
                s += &fill(tx.mini_aria_similar, &[("n", &n(m.similar_in_view))]);
            }
            if m.similar_elsewhere > 0 {
                s += &fill(tx.mini_aria_elsewhere, &[("n", &n(m.similar_elsewhere))]);
            }
            s
        }
    }
}

/// A diamond of half-diagonal `r` at (x, y), as path data.
fn diamond(x: f64, y: f64, r: f64) -> String {
    format!(
        "M{x:.2},{:.2}L{:.2},{y:.2}L{x:.2},{:.2}L{:.2},{y:.2}Z",
        y - r,
        x + r,
        y + r,
        x - r
    )
}

/// A mark's radius: the view's width sets the size, a cluster is a little larger.
fn radius(base: f64, n: u32) -> f64 {
    base * (1.0 + (n as f64).sqrt().min(4.0) * 0.15)
}

/// The drawing and its legend.
fn draw(world: &World, m: &Fit, of: &MiniMapOf, lang: Lang) -> impl IntoView {
    let tx = tm(lang);
    let (x, y, w, h) = m.view_box;
    let base = w / 110.0;
    let shapes = m
        .shapes
        .iter()
        .filter_map(|&i| world.countries.get(i))
        .map(|s| {
            let on = m.highlighted.contains(&s.iso3);
            // A small state would be a speck at this scale: a ring marks it.
            let ring = (on && s.area < 4.0).then(|| {
                view! { <circle class="recipient-ring" cx=s.cx cy=s.cy r=base * 2.5 vector-effect="non-scaling-stroke"/> }
            });
            view! {
                <path d=s.d.clone() class="land" class:recipient=on data-iso3=on.then(|| s.iso3.clone()) vector-effect="non-scaling-stroke"/>
                {ring}
            }
        })
        .collect_view();
    let similar = m
        .similar
        .iter()
        .map(|k| view! { <path class="mark similar" data-kind="similar" d=diamond(k.x, k.y, radius(base * 1.25, k.n)) vector-effect="non-scaling-stroke"/> })
        .collect_view();
    let own = m
        .own
        .iter()
        .map(|k| view! { <circle class="mark own" data-kind="own" cx=k.x cy=k.y r=radius(base, k.n) vector-effect="non-scaling-stroke"/> })
        .collect_view();
    let is_project = matches!(of, MiniMapOf::Project { .. });
    let swatch_land = view! { <svg class="swatch-svg" viewBox="0 0 14 14" aria-hidden="true"><rect class="land recipient" x="1" y="1" width="12" height="12"/></svg> };
    let elsewhere = m.similar_elsewhere;
    view! {
        <svg class="mini-map" data-testid="mini-map" data-fitted=match m.fitted { Fitted::Zoomed => "zoomed", Fitted::World => "world" }
            role="img" aria-label=label(of, m, lang)
            viewBox=format!("{x:.2} {y:.2} {w:.2} {h:.2}") style:aspect-ratio=format!("{w:.2} / {h:.2}")
            preserveAspectRatio="xMidYMid meet">
            <g class="mini-land">{shapes}</g>
            <g class="mini-marks">{similar}{own}</g>
        </svg>
        <ul class="mini-legend">
            <li>{swatch_land}{if is_project { tx.mini_legend_recipient } else { tx.mini_legend_worked_in }}</li>
            {(is_project && m.own_points > 0).then(|| view! {
                <li><svg class="swatch-svg" viewBox="0 0 14 14" aria-hidden="true"><circle class="mark own" cx="7" cy="7" r="5"/></svg>{tx.mini_legend_own}</li>
            })}
            {(m.similar_in_view > 0).then(|| view! {
                <li><svg class="swatch-svg" viewBox="0 0 14 14" aria-hidden="true"><path class="mark similar" d="M7,1L13,7L7,13L1,7Z"/></svg>{tx.mini_legend_similar}</li>
            })}
        </ul>
        {(elsewhere > 0).then(|| view! { <p class="note mini-elsewhere">{fill(tx.mini_legend_elsewhere, &[("n", &count(lang, elsewhere as u64))])}</p> })}
    }
}

/// Points, (longitude, latitude), `None` while they are still being computed.
pub type PointsLater = Signal<Option<Vec<(f64, f64)>>>;

thread_local! {
    /// The geometry once loaded: a mini-map built again (another language, the next page) draws at once.
    static WORLD: std::cell::RefCell<Option<Arc<World>>> = const { std::cell::RefCell::new(None) };
}

async fn world_once() -> Result<Arc<World>, WorldError> {
    if let Some(w) = WORLD.with(|c| c.borrow().clone()) {
        return Ok(w);
    }
    let w = load_world().await?;
    WORLD.with(|c| *c.borrow_mut() = Some(Arc::clone(&w)));
    Ok(w)
}

/// A small static map of `countries` (highlighted) and the page's points, fitted to them. Its code
/// (the geometry's reader, the fitting, the drawing: its split is 49.8 KB brotli) is its own split, loaded after
/// the page's own.
#[component]
pub fn MiniMap(
    /// Country codes (ISO-3) to highlight and fit.
    countries: Vec<String>,
    /// The page's own points, (longitude, latitude).
    #[prop(optional)]
    own: Vec<(f64, f64)>,
    /// The similar projects' points, (longitude, latitude), `None` while they are computed (the map
    /// waits for them, so that its view is fitted once). Without this prop, there are none.
    #[prop(optional, into)]
    similar: Option<PointsLater>,
    /// Whose map it is (its legend and accessible name).
    of: MiniMapOf,
) -> impl IntoView {
    let args = StoredValue::new_local((countries, own, similar, of));
    view! {
        <figure class="mini-map-figure">
            {crate::lazy::lazy_view(
                move || {
                    let (countries, own, similar, of) = args.get_value();
                    mini_map_code(countries, own, similar, of)
                },
                __preload_mini_map,
            )}
        </figure>
    }
}

lazy_fn! {
    fn mini_map_code(
        countries: Vec<String>,
        own: Vec<(f64, f64)>,
        similar: Option<PointsLater>,
        of: MiniMapOf,
    ) -> AnyView {
        view! { <MiniMapNow countries=countries own=own similar=similar of=of/> }.into_any()
    }
    preload: __preload_mini_map, in: mini_map;
}

/// [`MiniMap`] once its code is there.
#[component]
fn MiniMapNow(
    /// Country codes (ISO-3) to highlight and fit.
    countries: Vec<String>,
    /// The page's own points, (longitude, latitude).
    #[prop(optional)]
    own: Vec<(f64, f64)>,
    /// As [`MiniMap`]'s.
    similar: Option<PointsLater>,
    /// Whose map it is (its legend and accessible name).
    of: MiniMapOf,
) -> impl IntoView {
    let lang = use_lang();
    let cached = WORLD.with(|c| c.borrow().clone());
    let world = LocalResource::new(world_once);
    let countries = Arc::new(countries);
    let own = Arc::new(own);
    let similar = move || similar.map_or(Some(Vec::new()), |s| s.get());
    view! {
        {move || match (cached.clone().map(Ok).or_else(|| world.get()), similar()) {
            // The map's box keeps its place while the geometry loads: nothing jumps when it comes.
            (None, _) | (Some(Ok(_)), None) => view! { <div class="mini-map-wait" role="status"><span class="sr-only">{tm(lang.get()).loading}</span></div> }.into_any(),
            (Some(Err(e)), _) => view! { <p class="note" role="alert" data-testid="mini-map-error">{move || world_error_view(&e, lang.get())}</p> }.into_any(),
            (Some(Ok(w)), Some(points)) => match fit(&w, &countries, &own, &points) {
                Ok(m) => draw(&w, &m, &of, lang.get()).into_any(),
                Err(NoMiniMap::NothingToPlace) => view! { <p class="note" data-testid="mini-map-none">{tm(lang.get()).mini_none}</p> }.into_any(),
            },
        }}
    }
}

/// The locations of the records at `rows` (rows of the dataset), as (longitude, latitude).
pub fn project_points(data: &AppData, rows: impl IntoIterator<Item = u32>) -> Vec<(f64, f64)> {
    rows.into_iter()
        .filter_map(|r| data.loaded.dataset.projects.get(r as usize))
        .flat_map(|p| p.locations.iter().map(|l| (l.lon, l.lat)))
        .collect()
}
