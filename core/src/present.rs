//! The presenter's rules, kept out of the browser shell so plain `cargo test` covers them: which key
//! does what, and when a kiosk moves on.

/// What a key press asks of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    /// Go to slide n (1-based; the deck clamps it).
    Go(usize),
    Last,
    /// A digit typed towards "number + Enter".
    Digit(char),
    /// Enter: go to the typed number, if any.
    Jump,
    Blank,
    Fullscreen,
    /// Esc: clear a typed number, or leave for the live view.
    Escape,
}

/// The action for `key` (a `KeyboardEvent.key`). Inside a control (an input, a chart, the map) the
/// arrows, Space and Enter belong to that control; PageUp/PageDown, what clickers send, always work.
pub fn key_action(key: &str, in_control: bool) -> Option<Action> {
    match key {
        "PageDown" => Some(Action::Next),
        "PageUp" => Some(Action::Prev),
        _ if in_control => None,
        "ArrowRight" | "ArrowDown" | " " | "n" | "N" => Some(Action::Next),
        "ArrowLeft" | "ArrowUp" | "p" | "P" | "Backspace" => Some(Action::Prev),
        "Home" => Some(Action::Go(1)),
        "End" => Some(Action::Last),
        "Enter" => Some(Action::Jump),
        "b" | "B" | "." => Some(Action::Blank),
        "f" | "F" => Some(Action::Fullscreen),
        "Escape" => Some(Action::Escape),
        d => {
            let mut chars = d.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_digit() => Some(Action::Digit(c)),
                _ => None,
            }
        }
    }
}

/// The slide a typed number asks for: at most four digits, at least 1.
pub fn typed_slide(typed: &str) -> Option<usize> {
    typed.parse::<usize>().ok().filter(|n| *n >= 1)
}

/// A kiosk's clock: advance every `interval` ms, pause after an interaction, back to the first slide
/// once `idle` ms pass without one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kiosk {
    pub interval: f64,
    pub idle: f64,
    last_step: f64,
    last_touch: Option<f64>,
}

impl Kiosk {
    pub fn new(interval_ms: f64, idle_ms: f64, now: f64) -> Kiosk {
        Kiosk {
            interval: interval_ms,
            idle: idle_ms,
            last_step: now,
            last_touch: None,
        }
    }

    /// Someone touched the screen, a key or the wheel.
    pub fn touched(&mut self, now: f64) {
        self.last_touch = Some(now);
    }

    /// The slide to go to at `now`, if any, for a deck of `len` slides showing slide `index`.
    pub fn tick(&mut self, now: f64, index: usize, len: usize) -> Option<usize> {
        match self.last_touch {
            Some(t) if now - t < self.idle => None,
            Some(_) => {
                self.last_touch = None;
                self.last_step = now;
                Some(1)
            }
            None if now - self.last_step >= self.interval => {
                self.last_step = now;
                Some(if index >= len { 1 } else { index + 1 })
            }
            None => None,
        }
    }
}

/// A kiosk time from the URL, in seconds: 0.5 s to a day, else the default.
pub fn kiosk_seconds(value: Option<&str>, default: f64) -> f64 {
    value
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.5 && *v <= 86_400.0)
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clickers_always_work_arrows_belong_to_controls() {
        assert_eq!(key_action("PageDown", true), Some(Action::Next));
        assert_eq!(key_action("PageUp", true), Some(Action::Prev));
        assert_eq!(key_action("ArrowRight", true), None);
        assert_eq!(key_action("ArrowRight", false), Some(Action::Next));
        assert_eq!(key_action(" ", false), Some(Action::Next));
        assert_eq!(key_action("Backspace", false), Some(Action::Prev));
        assert_eq!(key_action("Home", false), Some(Action::Go(1)));
        assert_eq!(key_action("End", false), Some(Action::Last));
        assert_eq!(key_action("7", false), Some(Action::Digit('7')));
        assert_eq!(key_action("77", false), None);
        assert_eq!(key_action(".", false), Some(Action::Blank));
        assert_eq!(key_action("F", false), Some(Action::Fullscreen));
        assert_eq!(key_action("Escape", false), Some(Action::Escape));
        assert_eq!(key_action("x", false), None);
        assert_eq!(typed_slide("10"), Some(10));
        assert_eq!(typed_slide("0"), None);
        assert_eq!(typed_slide(""), None);
    }

    #[test]
    fn kiosk_advances_pauses_and_returns() {
        let mut k = Kiosk::new(1000.0, 3000.0, 0.0);
        assert_eq!(k.tick(500.0, 1, 3), None);
        assert_eq!(k.tick(1000.0, 1, 3), Some(2));
        assert_eq!(k.tick(2000.0, 3, 3), Some(1), "wraps after the last slide");
        k.touched(2500.0);
        assert_eq!(k.tick(4000.0, 1, 3), None, "paused");
        assert_eq!(k.tick(5400.0, 2, 3), None, "still paused");
        assert_eq!(k.tick(5500.0, 2, 3), Some(1), "idle: back to the start");
        assert_eq!(k.tick(6000.0, 1, 3), None);
        assert_eq!(k.tick(6500.0, 1, 3), Some(2), "and plays on");
        assert_eq!(kiosk_seconds(Some("2"), 20.0), 2.0);
        assert_eq!(kiosk_seconds(Some("0"), 20.0), 20.0);
        assert_eq!(kiosk_seconds(Some("NaN"), 20.0), 20.0);
        assert_eq!(kiosk_seconds(None, 60.0), 60.0);
    }
}
