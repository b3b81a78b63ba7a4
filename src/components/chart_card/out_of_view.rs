//! A card's paints while it is out of the viewport: they wait for the frame that shows the change, or
//! for the card to come into view if sooner.
//!
//! A click on a bar repaints all seven charts of the explorer, of which two or three are in view on
//! a 1280×900 screen. Painted in the click's task, the others added their drawing, their canvases'
//! upload and the compositor's work to the click's next paint; painted a few frames later (about
//! 50 ms, [`after_paint`]) they are out of its way, and a card scrolled into view before then is
//! painted as soon as the browser reports it.
//!
//! The browser's IntersectionObserver is used by hand rather than through leptos-use's
//! `use_intersection_observer`: its generic targets, options and pause/resume controls, with a
//! signal and an effect of their own per card, added about 3 KB brotli to every page with charts
//! (`xtask size`, 2026-12-05), and the presenter's first load is held to a budget. A card needs one
//! observer on one canvas, made at its first paint.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::paint::Job;
use crate::after_paint::after_paint;

#[derive(Default)]
struct Inner {
    /// What the browser last reported: `None` before its first report.
    in_view: Cell<Option<bool>>,
    /// The newest paint not yet made.
    waiting: RefCell<Option<Job>>,
    observer: RefCell<Option<web_sys::IntersectionObserver>>,
}

/// The paints of one card. Cloning shares them.
#[derive(Clone, Default)]
pub(super) struct Paints(Rc<Inner>);

impl Paints {
    /// Paints `job` now, unless the card is known to be out of view on a page that shows frames:
    /// then once the change's frame is on screen (outside any ResizeObserver delivery, so a new box
    /// size may be painted then too).
    pub(super) fn paint(&self, job: Job) {
        self.observe(&job.el);
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_none_or(|d| d.hidden());
        if self.0.in_view.get() == Some(false) && !hidden {
            let first = self.0.waiting.borrow_mut().replace(job).is_none();
            if first {
                let later = self.clone();
                after_paint(move || later.flush());
            }
        } else {
            self.0.waiting.borrow_mut().take();
            job.run();
        }
    }

    /// Makes the paint that waits, if one does.
    pub(super) fn flush(&self) {
        let job = self.0.waiting.borrow_mut().take();
        if let Some(job) = job {
            job.run();
        }
    }

    /// Stops watching the card (it is gone).
    pub(super) fn stop(&self) {
        if let Some(observer) = self.0.observer.borrow_mut().take() {
            observer.disconnect();
        }
    }

    /// Watches `el` from the first paint on.
    fn observe(&self, el: &web_sys::HtmlCanvasElement) {
        if self.0.observer.borrow().is_some() {
            return;
        }
        // Owned by the observer on the JavaScript side (freed with it), so no report reaches a
        // dropped closure; it holds the card's paints weakly, so they do not keep each other alive.
        let paints: Weak<Inner> = Rc::downgrade(&self.0);
        let report = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(inner) = paints.upgrade() else {
                return;
            };
            // The newest entry is the last; a report always has one.
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<web_sys::IntersectionObserverEntry>() {
                let in_view = entry.is_intersecting();
                inner.in_view.set(Some(in_view));
                if in_view {
                    Paints(inner).flush();
                }
            }
        })
        .into_js_value();
        if let Ok(observer) = web_sys::IntersectionObserver::new(report.unchecked_ref()) {
            observer.observe(el);
            *self.0.observer.borrow_mut() = Some(observer);
        }
    }
}
