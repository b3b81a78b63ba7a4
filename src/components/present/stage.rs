//! A slide's stage: a fixed 1280 × 720 (16:9) area on which every slide is laid out, scaled to fit the
//! window or a miniature, as reveal.js and Keynote do. A slide therefore looks the same at 1280 × 720, at
//! 1920 × 1080 and on a projector of any resolution: type, charts and the map keep their proportions,
//! and nothing is laid out twice. Canvases read [`StageScale`] to draw at the scaled resolution, so a
//! slide scaled up stays sharp.

use leptos::prelude::*;

/// The stage's logical width, in CSS pixels.
pub const STAGE_W: f64 = 1280.0;
/// The stage's logical height, in CSS pixels.
pub const STAGE_H: f64 = 720.0;

/// How much the stage around a component is scaled (1 outside a stage).
#[derive(Clone, Copy)]
pub struct StageScale(pub Signal<f64>);

/// The scale of the stage this component is on, 1 when it is on none.
pub fn use_stage_scale() -> f64 {
    use_context::<StageScale>().map_or(1.0, |s| s.0.get())
}

/// The largest scale at which the stage fits `width` × `height`.
pub fn fit(width: f64, height: f64) -> f64 {
    let k = (width / STAGE_W).min(height / STAGE_H);
    // Before a box is measured (0 × 0) the stage is drawn tiny rather than at full size.
    if k.is_finite() && k > 0.0 {
        k
    } else {
        0.01
    }
}

/// A 16:9 stage scaled by `scale`, in a frame of the scaled size (centred by its parent).
#[component]
pub fn Stage(
    /// Scale from the stage's 1280 × 720 to the screen.
    #[prop(into)]
    scale: Signal<f64>,
    /// The slide.
    children: Children,
) -> impl IntoView {
    provide_context(StageScale(scale));
    view! {
        <div class="stage-frame"
            style:width=move || format!("{:.2}px", STAGE_W * scale.get())
            style:height=move || format!("{:.2}px", STAGE_H * scale.get())>
            <div class="stage" style:transform=move || format!("scale({:.5})", scale.get())>
                {children()}
            </div>
        </div>
    }
}
