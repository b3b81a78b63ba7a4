use super::*;
use crate::world::{parse_world, Shape};

/// A square country of side `side` map units centred at (cx, cy).
fn shape(iso3: &str, cx: f64, cy: f64, side: f64) -> Shape {
    let h = side / 2.0;
    Shape {
        iso3: iso3.into(),
        d: format!("M{},{}h{side}v{side}h-{side}z", cx - h, cy - h),
        cx,
        cy,
        bbox: [cx - h, cy - h, cx + h, cy + h],
        area: side * side,
        detail: "110m".into(),
    }
}

fn world(countries: Vec<Shape>) -> World {
    World {
        generated_by: "test".into(),
        schema: crate::world::WORLD_SCHEMA.into(),
        projection: "equal-earth".into(),
        width: 1000.0,
        height: 486.7,
        countries,
    }
}

/// The built-in geometry, as the app loads it.
fn real_world() -> World {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/world.json");
    let text = std::fs::read_to_string(path).expect("public/data/world.json");
    parse_world(path, &text).expect("the built-in world parses")
}

fn contains(vb: (f64, f64, f64, f64), (x, y): (f64, f64)) -> bool {
    x >= vb.0 && x <= vb.0 + vb.2 && y >= vb.1 && y <= vb.1 + vb.3
}

fn aspect(vb: (f64, f64, f64, f64)) -> f64 {
    vb.2 / vb.3
}

#[test]
fn a_country_is_fitted_with_a_margin_at_16_to_10() {
    let w = world(vec![
        shape("AAA", 500.0, 200.0, 100.0),
        shape("FAR", 100.0, 100.0, 10.0),
    ]);
    let m = fit(&w, &["AAA".into()], &[], &[]).unwrap();
    let vb = m.view_box;
    assert_eq!(m.fitted, Fitted::Zoomed);
    assert!((aspect(vb) - ASPECT).abs() < 1e-9, "{vb:?}");
    // The 100-unit square with a fifth on each side: 140 high, so 224 wide, centred on it.
    assert!(
        (vb.3 - 140.0).abs() < 1e-9 && (vb.2 - 224.0).abs() < 1e-9,
        "{vb:?}"
    );
    assert!((vb.0 + vb.2 / 2.0 - 500.0).abs() < 1e-9 && (vb.1 + vb.3 / 2.0 - 200.0).abs() < 1e-9);
    assert_eq!(m.highlighted, vec!["AAA".to_string()]);
    // Only the shapes that meet the view are drawn.
    assert_eq!(m.shapes, vec![0]);
}

#[test]
fn one_point_is_not_blown_up() {
    let w = world(vec![shape("AAA", 500.0, 200.0, 100.0)]);
    let m = fit(&w, &[], &[(10.0, 10.0)], &[]).unwrap();
    let vb = m.view_box;
    assert!(
        (vb.2 - 1000.0 * 0.055).abs() < 1e-9,
        "the minimum width: {vb:?}"
    );
    assert!((aspect(vb) - ASPECT).abs() < 1e-9);
    assert_eq!(m.own.len(), 1);
    assert_eq!(m.own_points, 1);
    assert!(contains(vb, (m.own[0].x, m.own[0].y)));
    assert!(m.highlighted.is_empty());
}

#[test]
fn nothing_to_place_gives_no_map() {
    let w = world(vec![shape("AAA", 500.0, 200.0, 100.0)]);
    assert_eq!(
        fit(&w, &["ZZZ".into()], &[], &[(1.0, 2.0)]),
        Err(NoMiniMap::NothingToPlace),
        "an unknown country and no own point"
    );
    // Coordinates that are not coordinates are not points.
    assert_eq!(
        fit(&w, &[], &[(f64::NAN, 0.0), (200.0, 0.0), (0.0, -91.0)], &[]),
        Err(NoMiniMap::NothingToPlace)
    );
}

#[test]
fn nearby_similar_points_widen_the_view_far_ones_are_counted() {
    let w = world(vec![shape("AAA", 500.0, 200.0, 40.0)]);
    let space = MapSpace::new(1000.0);
    let (lon, lat) = space.invert(500.0, 200.0);
    let near = (lon + 25.0, lat);
    let far = (lon - 150.0, lat);
    let without = fit(&w, &["AAA".into()], &[], &[]).unwrap();
    let m = fit(&w, &["AAA".into()], &[], &[near, far, far]).unwrap();
    assert!(
        m.view_box.2 > without.view_box.2,
        "widened: {:?}",
        m.view_box
    );
    assert!(m.view_box.2 <= 1000.0 * MAX_SIMILAR_SPAN + 1e-9);
    assert_eq!((m.similar_in_view, m.similar_elsewhere), (1, 2));
    assert_eq!(m.similar.len(), 1);
    assert!(contains(m.view_box, (m.similar[0].x, m.similar[0].y)));
    assert_eq!(m.fitted, Fitted::Zoomed);
}

#[test]
fn countries_all_over_the_world_give_the_world() {
    let w = world(vec![
        shape("AAA", 100.0, 100.0, 20.0),
        shape("BBB", 900.0, 380.0, 20.0),
    ]);
    let m = fit(&w, &["AAA".into(), "BBB".into(), "AAA".into()], &[], &[]).unwrap();
    assert_eq!(m.fitted, Fitted::World);
    assert_eq!(m.view_box, (0.0, 0.0, 1000.0, shown_height(1000.0)));
    assert_eq!(m.highlighted, vec!["AAA".to_string(), "BBB".to_string()]);
    assert_eq!(m.shapes.len(), 2);
}

#[test]
fn points_in_one_cell_are_one_mark() {
    let w = world(vec![shape("AAA", 500.0, 200.0, 100.0)]);
    let space = MapSpace::new(1000.0);
    let (lon, lat) = space.invert(500.0, 200.0);
    let pts = vec![(lon, lat); 500];
    let m = fit(&w, &["AAA".into()], &pts, &[]).unwrap();
    assert_eq!(m.own.len(), 1);
    assert_eq!(m.own[0].n, 500);
    assert_eq!(m.own_points, 500);
}

#[test]
fn myanmar_is_zoomed_and_a_world_spanning_country_is_fitted_by_its_centroid() {
    let w = real_world();
    // Ayeyarwady Region, Myanmar (record 63507's location).
    let m = fit(&w, &["MMR".into()], &[(95.2, 17.0)], &[]).unwrap();
    assert_eq!(m.fitted, Fitted::Zoomed);
    let mmr = w.shape("MMR").unwrap().bbox;
    let vb = m.view_box;
    assert!(
        contains(vb, (mmr[0], mmr[1])) && contains(vb, (mmr[2], mmr[3])),
        "{vb:?} holds Myanmar {mmr:?}"
    );
    assert!(vb.2 < 200.0, "zoomed in: {vb:?}");
    assert!(
        m.shapes.len() > 5 && m.shapes.len() < 40,
        "{}",
        m.shapes.len()
    );
    // Fiji's box spans the antimeridian (the whole map): fitted by its centroid, not the world.
    let m = fit(&w, &["FJI".into()], &[], &[]).unwrap();
    assert_eq!(m.fitted, Fitted::Zoomed);
    assert!(m.view_box.2 < 100.0, "{:?}", m.view_box);
    // A small island state gets the minimum view, not a blur.
    let m = fit(&w, &["MDV".into()], &[], &[]).unwrap();
    assert!((m.view_box.2 - 55.0).abs() < 1e-6, "{:?}", m.view_box);
}
