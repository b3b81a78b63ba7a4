//! Project tasks for Bridges, as a library so the end-to-end tests can start the same server.

pub mod aims;
pub mod css;
pub mod imports;
pub mod packs;
pub mod prepare;
pub mod sectors;
pub mod serve;
pub mod size;
pub mod snapshots;
pub mod split;
pub mod world;
