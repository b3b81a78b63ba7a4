//! What the presenter's routes are made of: the deck (which slide, kept in the URL), the channel that
//! keeps the audience window and the console on the same slide, the keys and the kiosk clock, one
//! slide's live view, and the control bar that hides while the presenter talks.

pub mod channel;
pub mod controls;
pub mod deck;
pub mod keys;
pub mod kiosk;
pub mod slide;
pub mod stage;
