//! One presenter window's side of keeping the audience window and the console on the same slide.
//!
//! Windows tell each other about changes over a BroadcastChannel. Two things make a naive "post every
//! change, follow every post" protocol go wrong, and this state machine is there for them:
//! - **Echoes.** A window that follows a change must not announce it again. The router writes the URL
//!   asynchronously, so a follower that re-announced what it showed could send an old slide after the
//!   other window had moved on, and pull it back (the full e2e run of 2026-12-02 17:12 saw this).
//! - **Crossing changes.** When both windows change at once, both must end on the same state. Every
//!   change carries a Lamport clock and the window's id; the later `(clock, id)` wins in every window.
//!
//! A navigation in flight counts: `current` is where the window is going, so two quick clicks move two
//! slides, not one.

/// A change another window announced, or this one announces.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub slide: usize,
    pub blank: bool,
    pub clock: u64,
    pub from: String,
}

/// What a window does with a message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Follow {
    /// Navigate to this slide (without announcing it).
    pub slide: Option<usize>,
    /// Set blank to this.
    pub blank: Option<bool>,
}

#[derive(Clone, Debug)]
pub struct DeckSync {
    id: String,
    shown: usize,
    heading: Option<usize>,
    blank: bool,
    clock: u64,
}

impl DeckSync {
    /// A window with id `id` (unique among the windows; random) showing `slide`.
    pub fn new(id: String, slide: usize) -> DeckSync {
        DeckSync {
            id,
            shown: slide,
            heading: None,
            blank: false,
            clock: 0,
        }
    }

    /// The slide this window is on or on its way to: what "next" counts from.
    pub fn current(&self) -> usize {
        self.heading.unwrap_or(self.shown)
    }

    /// The state to tell a window that asks where the others are.
    pub fn state(&self) -> Change {
        Change {
            slide: self.current(),
            blank: self.blank,
            clock: self.clock,
            from: self.id.clone(),
        }
    }

    /// Someone here asked for slide `to`: the change to announce, or `None` when the window is already
    /// there or on its way.
    pub fn go(&mut self, to: usize) -> Option<Change> {
        if to == self.current() {
            return None;
        }
        self.heading = Some(to);
        Some(self.tick())
    }

    /// Blank was set to `blank` in this window (by a key, a button, or by `receive`): the change to
    /// announce, or `None` when it was a followed change.
    pub fn blanked(&mut self, blank: bool) -> Option<Change> {
        if blank == self.blank {
            return None;
        }
        self.blank = blank;
        Some(self.tick())
    }

    /// The URL now shows `slide`. Announces it only when no navigation of this window led there (the
    /// browser's back and forward buttons); the end of a navigation, or a step on its way, is silent.
    pub fn shown(&mut self, slide: usize) -> Option<Change> {
        let changed = slide != self.shown;
        self.shown = slide;
        match self.heading {
            Some(h) if h == slide => {
                self.heading = None;
                None
            }
            Some(_) => None,
            None if changed => Some(self.tick()),
            None => None,
        }
    }

    /// A change from another window. `answer` marks the reply to this window's question where the
    /// others are: a window that has not changed anything yet takes it even when its clock is not later.
    pub fn receive(&mut self, change: &Change, answer: bool) -> Follow {
        if change.from == self.id {
            return Follow::default();
        }
        let later = (change.clock, change.from.as_str()) > (self.clock, self.id.as_str());
        if !(later || answer && self.clock == 0) {
            return Follow::default();
        }
        self.clock = self.clock.max(change.clock);
        let slide = (change.slide != self.current()).then(|| {
            self.heading = Some(change.slide);
            change.slide
        });
        let blank = (change.blank != self.blank).then(|| {
            self.blank = change.blank;
            change.blank
        });
        Follow { slide, blank }
    }

    fn tick(&mut self) -> Change {
        self.clock += 1;
        self.state()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Delivers `msg` to `to` and applies what it asks (the navigation lands at once).
    fn deliver(to: &mut DeckSync, msg: &Change) {
        let f = to.receive(msg, false);
        if let Some(s) = f.slide {
            assert_eq!(to.shown(s), None, "a followed slide is not announced again");
        }
        if let Some(b) = f.blank {
            assert_eq!(
                to.blanked(b),
                None,
                "a followed blank is not announced again"
            );
        }
    }

    #[test]
    fn a_follower_does_not_echo_and_late_steps_are_silent() {
        let mut console = DeckSync::new("c".into(), 1);
        let mut audience = DeckSync::new("a".into(), 1);
        let two = console.go(2).unwrap();
        console.shown(2);
        let three = console.go(3).unwrap();
        console.shown(3);
        // The audience gets both before its router has moved.
        assert_eq!(audience.receive(&two, false).slide, Some(2));
        assert_eq!(audience.receive(&three, false).slide, Some(3));
        // Its URL passes slide 2 on the way, then lands on 3: neither is announced.
        assert_eq!(audience.shown(2), None);
        assert_eq!(audience.shown(3), None);
        // A clicker on the audience window wins over nothing older.
        let four = audience.go(4).unwrap();
        assert_eq!(console.receive(&four, false).slide, Some(4));
        assert_eq!(console.shown(4), None);
        // An old message arriving late changes nothing.
        assert_eq!(console.receive(&two, false), Follow::default());
        assert_eq!(audience.receive(&two, false), Follow::default());
    }

    #[test]
    fn two_quick_steps_move_two_slides() {
        let mut w = DeckSync::new("w".into(), 1);
        assert!(w.go(w.current() + 1).is_some());
        assert!(w.go(w.current() + 1).is_some());
        assert_eq!(w.current(), 3);
        assert_eq!(w.go(3), None, "already on the way there");
    }

    #[test]
    fn crossing_changes_end_on_the_same_slide_in_both_windows() {
        let mut a = DeckSync::new("a".into(), 5);
        let mut b = DeckSync::new("b".into(), 5);
        let from_a = a.go(6).unwrap();
        let from_b = b.go(4).unwrap();
        a.shown(6);
        b.shown(4);
        deliver(&mut a, &from_b);
        deliver(&mut b, &from_a);
        assert_eq!(a.current(), b.current());
        assert_eq!(a.current(), 4, "equal clocks: the larger id wins");
    }

    #[test]
    fn history_moves_are_announced_and_a_new_window_takes_the_others_state() {
        let mut a = DeckSync::new("a".into(), 1);
        // Back/forward: the URL changed without a navigation of ours.
        let back = a.shown(7).unwrap();
        assert_eq!(back.slide, 7);
        assert_eq!(a.shown(7), None);
        let blank = a.blanked(true).unwrap();
        assert!(blank.blank && blank.clock > back.clock);
        // A window that opens later, with another slide in its URL, follows the answer to its hello.
        let mut b = DeckSync::new("b".into(), 2);
        let answer = a.state();
        let f = b.receive(&answer, true);
        assert_eq!(f.slide, Some(7));
        assert_eq!(f.blank, Some(true));
        // Its own later change is later than everything it has seen.
        b.shown(7);
        let next = b.go(8).unwrap();
        assert!(next.clock > answer.clock);
        assert_eq!(a.receive(&next, false).slide, Some(8));
        // Its own messages, coming back, are ignored.
        assert_eq!(b.receive(&next, false), Follow::default());
    }

    #[test]
    fn two_fresh_windows_agree_without_moving() {
        let a = DeckSync::new("a".into(), 1);
        let mut b = DeckSync::new("b".into(), 1);
        assert_eq!(b.receive(&a.state(), true), Follow::default());
    }
}
