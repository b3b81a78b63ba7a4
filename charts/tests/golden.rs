//! Golden SVG snapshots of charts on the real dataset. A changed chart is written beside its snapshot
//! as `*.new.svg` for review; `UPDATE_GOLDEN=1 cargo test -p bridges-charts` accepts it.

use bridges_core::i18n::Lang;
use std::path::PathBuf;

use bridges_charts::{hit, layout, layout_with, short_value, to_svg, Orientation, Theme};
use bridges_core::columns::Columns;
use bridges_core::crossfilter::Engine;
use bridges_core::explore::{bars, View};
use bridges_core::parse_dataset;
use bridges_core::query::{parse, Measure, Stack};
use bridges_core::reference::parse_reference;

/// The built-in data's unit.
fn usd() -> bridges_core::money::Unit {
    bridges_core::money::Unit::new("USD", "constant 2021")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn engine() -> (Engine, bridges_core::ReferenceIndex) {
    let read = |rel: &str| std::fs::read_to_string(root().join(rel)).unwrap();
    let r = parse_reference("reference.json", &read("public/data/reference.json")).unwrap();
    let d = parse_dataset("projects.json", &read("public/data/projects.json"), &r)
        .unwrap()
        .dataset;
    (
        Engine::new(Columns::build(&d, &r, "USD", "constant 2021")),
        r,
    )
}

fn check(name: &str, svg: &str) {
    let dir = root().join("charts/tests/golden");
    let path = dir.join(format!("{name}.svg"));
    let new = dir.join(format!("{name}.new.svg"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, svg).unwrap();
        let _ = std::fs::remove_file(&new);
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old != svg {
        std::fs::write(&new, svg).unwrap();
        panic!(
            "{name}: the chart changed; review {} and accept with UPDATE_GOLDEN=1",
            new.display()
        );
    }
    let _ = std::fs::remove_file(&new);
}

#[test]
fn golden_charts() {
    let (mut engine, r) = engine();
    let (state, _) = parse("sector=230&from=2005&to=2015");
    let agg = engine.run(&state.filters, Stack::None).clone();
    for (view, measure, orientation, name) in [
        (
            View::Sector,
            Measure::Count,
            Orientation::Horizontal,
            "sector-count-energy-selected",
        ),
        (
            View::Sdg,
            Measure::Amount,
            Orientation::Horizontal,
            "sdg-amount",
        ),
        (
            View::Timeline,
            Measure::Count,
            Orientation::Vertical,
            "timeline-count",
        ),
    ] {
        let limit = (view != View::Timeline).then_some(12);
        let b = bars(
            view,
            &agg,
            &engine.cols,
            &r,
            &state.filters,
            measure,
            limit,
            Lang::En,
        );
        let l = layout(
            &b,
            measure,
            &usd(),
            orientation,
            640.0,
            240.0,
            12.0,
            Lang::En,
        );
        let svg = to_svg(&l, &b, &Theme::light());
        assert!(svg.starts_with("<svg") && svg.contains("</svg>"));
        check(name, &svg);
    }
    // The timeline stacked by sector: the largest six sectors and "Other", in colour-blind-safe colours.
    let agg = engine.run(&parse("").0.filters, Stack::Sector).clone();
    let b = bars(
        View::Timeline,
        &agg,
        &engine.cols,
        &r,
        &parse("").0.filters,
        Measure::Count,
        None,
        Lang::En,
    );
    assert!(b.iter().all(|bar| bar.segments.len() == 7));
    assert!(
        b.iter()
            .all(|bar| (bar.segments.iter().sum::<f64>() - bar.group.count as f64).abs() < 1e-9),
        "segments add up to the column"
    );
    let l = layout(
        &b,
        Measure::Count,
        &usd(),
        Orientation::Vertical,
        640.0,
        240.0,
        12.0,
        Lang::En,
    );
    check("timeline-stacked-sector", &to_svg(&l, &b, &Theme::light()));
    // The same sector chart in Chinese: names from the reference table, 万/亿 amounts on the axis.
    let agg = engine.run(&parse("").0.filters, Stack::None).clone();
    let b = bars(
        View::Sector,
        &agg,
        &engine.cols,
        &r,
        &parse("").0.filters,
        Measure::Amount,
        Some(8),
        Lang::Zh,
    );
    let l = layout(
        &b,
        Measure::Amount,
        &usd(),
        Orientation::Horizontal,
        640.0,
        240.0,
        12.0,
        Lang::Zh,
    );
    let svg = to_svg(&l, &b, &Theme::light());
    assert!(svg.contains("亿美元"), "Chinese amounts on the axis");
    assert!(svg.contains("能源"), "Chinese sector names");
    check("sector-amount-zh", &svg);

    // Amounts carry their unit: the same bars in EUR show EUR on the axis and the values, never "$".
    for lang in [Lang::En, Lang::Zh] {
        let eur = bridges_core::money::Unit::new("EUR", "current");
        let l = layout(
            &b,
            Measure::Amount,
            &eur,
            Orientation::Horizontal,
            640.0,
            240.0,
            12.0,
            lang,
        );
        let svg = to_svg(&l, &b, &Theme::light());
        let sign = if lang == Lang::En { "EUR " } else { "欧元" };
        assert!(svg.contains(sign), "{lang:?}: EUR on the chart");
        assert!(
            !svg.contains('$') && !svg.contains("美元"),
            "{lang:?}: no dollar sign"
        );
        assert!(
            l.placed.iter().all(|p| p.value_label.contains(sign)),
            "{lang:?}: values in EUR"
        );
    }
}

/// The projector theme: large type, thick strokes, outlined selection and stacks, values drawn on.
#[test]
fn golden_projector() {
    let (mut engine, r) = engine();
    let theme = Theme::projector();
    let (state, _) = parse("sector=230&from=2005&to=2015");
    let agg = engine.run(&state.filters, Stack::None).clone();
    for (view, orientation, name) in [
        (View::Sector, Orientation::Horizontal, "sector-projector"),
        (View::Timeline, Orientation::Vertical, "timeline-projector"),
    ] {
        let limit = (view != View::Timeline).then_some(12);
        let b = bars(
            view,
            &agg,
            &engine.cols,
            &r,
            &state.filters,
            Measure::Count,
            limit,
            Lang::En,
        );
        let l = layout_with(
            &b,
            Measure::Count,
            &usd(),
            orientation,
            640.0,
            240.0,
            &theme,
            Lang::En,
        );
        let svg = to_svg(&l, &b, &theme);
        // Nothing needs hovering: every bar's value is on the chart.
        for p in &l.placed {
            assert!(
                svg.contains(&format!(">\n{}\n<", short_value(&p.value_label))),
                "{name}: {} drawn on",
                p.value_label
            );
        }
        assert!(svg.contains("font-weight=\"bold\""));
        if orientation == Orientation::Vertical {
            let plain = layout(
                &b,
                Measure::Count,
                &usd(),
                orientation,
                640.0,
                240.0,
                16.0,
                Lang::En,
            );
            let room = l.column_labels.expect("values on the columns").room;
            assert!(
                (l.height - plain.height - room).abs() < 1e-9,
                "labels add room"
            );
            assert_eq!(l.plot.h, plain.plot.h, "the plot keeps its height");
        } else {
            assert!(
                l.placed[0].mark.h > 16.0,
                "bigger marks than the light theme's"
            );
        }
        check(name, &svg);
    }
    // Stacked amounts: colour-blind-safe series, outlined, the totals on top (short, upright).
    let f = parse("").0.filters;
    let agg = engine.run(&f, Stack::Sector).clone();
    let b = bars(
        View::Timeline,
        &agg,
        &engine.cols,
        &r,
        &f,
        Measure::Amount,
        None,
        Lang::En,
    );
    let l = layout_with(
        &b,
        Measure::Amount,
        &usd(),
        Orientation::Vertical,
        640.0,
        240.0,
        &theme,
        Lang::En,
    );
    assert!(l.column_labels.is_some_and(|c| c.upright));
    check("timeline-stacked-projector", &to_svg(&l, &b, &theme));
}

#[test]
fn pointer_hits_map_back_to_bars() {
    let (mut engine, r) = engine();
    let f = parse("").0.filters;
    let agg = engine.run(&f, Stack::None).clone();
    let b = bars(
        View::Sector,
        &agg,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    let l = layout(
        &b,
        Measure::Count,
        &usd(),
        Orientation::Horizontal,
        640.0,
        0.0,
        12.0,
        Lang::En,
    );
    assert_eq!(hit(&l, 300.0, l.placed[2].band.y + 3.0), Some(2));
    assert_eq!(b[0].label, "Health", "the largest sector comes first");
    let years = bars(
        View::Timeline,
        &agg,
        &engine.cols,
        &r,
        &f,
        Measure::Count,
        None,
        Lang::En,
    );
    let l = layout(
        &years,
        Measure::Count,
        &usd(),
        Orientation::Vertical,
        640.0,
        240.0,
        12.0,
        Lang::En,
    );
    let x = l.placed[5].band.x + 1.0;
    assert_eq!(
        hit(&l, x, 100.0).map(|i| years[i].key.as_str()),
        Some("2005")
    );
    // Bar lengths are proportional to the values.
    let ratio = l.placed[18].mark.h / l.placed[10].mark.h;
    let want = years[18].group.count as f64 / years[10].group.count as f64;
    assert!((ratio - want).abs() < 1e-9);
}

#[test]
fn golden_world_map() {
    use bridges_charts::map::map_svg;
    use bridges_core::map::fills;
    use bridges_core::world::parse_world;
    let (mut engine, _) = engine();
    let world = parse_world(
        "world.json",
        &std::fs::read_to_string(root().join("public/data/world.json")).unwrap(),
    )
    .unwrap();
    for (query, measure, name) in [
        ("country=AGO", Measure::Count, "map-count-angola"),
        ("", Measure::Amount, "map-amount"),
    ] {
        let f = parse(query).0.filters;
        let agg = engine.run(&f, Stack::None).clone();
        let (fill, legend) = fills(&agg, &engine.cols, &f, measure, 5);
        let svg = map_svg(&world, &fill, &legend, "Bridges map", &usd(), Lang::En);
        // The Chinese download has the same shapes, its legend and note in Chinese.
        let zh = map_svg(&world, &fill, &legend, "Bridges 地图", &usd(), Lang::Zh);
        assert_eq!(
            zh.matches("<path data-iso3=").count(),
            world.countries.len()
        );
        assert!(zh.contains("无项目") && zh.contains("等积投影") && !zh.contains("no projects"));
        // One shape per country, every recipient of the data among them.
        assert_eq!(
            svg.matches("<path data-iso3=").count(),
            world.countries.len()
        );
        for iso in ["AGO", "MUS", "TON", "CPV", "PAK"] {
            assert!(svg.contains(&format!("data-iso3=\"{iso}\"")), "{iso}");
        }
        check(name, &svg);
    }
}
