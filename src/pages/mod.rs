//! One file per route.

pub mod about;
pub mod bench;
pub mod embed;
pub mod explore;
pub mod map;
pub mod not_found;
pub mod overview;
pub mod present;
pub mod project;
pub mod story_builder;
pub mod table;
