//! Work that can wait for the frame after a change: it runs once the browser has painted what the
//! change shows first.
//!
//! A click on a bar has one frame's worth of work to show the new charts and headline before the
//! browser paints (what INP, Interaction to Next Paint, measures). Updating the counts of the
//! explorer's ten facets in that same task added their rows to the click's style and layout (about
//! half of the page's layout objects). They follow a frame later instead, as a dashboard's
//! secondary panels do.

use leptos::prelude::*;

/// Runs `f` in a task after the next frame has painted: an animation frame callback runs before
/// that frame's paint, and a timeout set from it runs after.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// `src`, but taking each new value in a task after the frame that follows the change has painted.
/// When several values come within one frame, only the last is taken. A hidden page paints no frame
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
