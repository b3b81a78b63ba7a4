//! Stories: the draft made in the app, reading a story file with located problems, and the builder.

pub mod builder;
pub mod draft;
pub mod file;
