//! Work that can wait until a change is on screen: it runs once the browser has shown the frame
//! that the change's first effects are in.
//!
//! A click on a bar has one frame's worth of work to show the new charts and headline before the
//! browser paints (what INP, Interaction to Next Paint, measures). Updating the counts of the
//! explorer's ten facets in that same task added their rows to the click's style and layout (about
//! half of the page's layout objects). They follow a few frames later instead, as a dashboard's
//! secondary panels do.

use leptos::prelude::*;

/// Runs `f` in a task once the next frame is on screen, as far as a page can tell: after the
/// rendering of the second frame after it has begun (three animation frames: the first runs in the
/// frame that shows the change). The main thread's paint is not the end of a frame: the compositor,
/// the raster threads and the GPU process still have to present it, a frame or so later, and on a
/// machine with few cores a task run meanwhile competes with them. A CPU profile of 40 trusted
/// clicks on the explorer, counting only what ran between each click and its next paint (by Event
/// Timing), found the history entry in that window when written one animation frame after the
/// click (5.1 ms a click, `history.pushState` 3.7 ms of it) and still when written two frames after
/// (2.4 and 4.8 ms a click in two runs); three frames after, 0.02 and 0.03 ms.
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(f));
}

/// One copy of the frame chain for every caller (a closure type of its own each would be a copy).
fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO))
        })
    });
}

/// `src`, but taking each new value once the frame that follows the change is on screen
/// ([`after_paint`]). When several values come before then, only the last is taken. A hidden page paints no frame
/// (and runs no animation frames): it takes each value at once.
pub fn use_after_paint<T>(src: Memo<T>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let later = RwSignal::new(src.get_untracked());
    // Each change's number: a scheduled update takes its value only if no later change came since.
    let changes = StoredValue::new(0u64);
    Effect::new(move |_| {
        src.track();
        changes.update_value(|n| *n += 1);
        let mine = changes.get_value();
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.hidden());
        let take = move || {
            if changes.try_get_value() == Some(mine) {
                if let Some(v) = src.try_get_untracked() {
                    later.try_set(v);
                }
            }
        };
        if hidden {
            take();
        } else {
            after_paint(take);
        }
    });
    Memo::new(move |_| later.get())
}
