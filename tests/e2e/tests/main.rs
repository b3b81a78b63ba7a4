//! The end-to-end tests of the release build, in one test binary: one compile and link instead of one per
//! file, and one pool of test threads, so that a long test (the axe scan of every route) runs beside the
//! others instead of after them. `cargo test -p bridges-e2e --test e2e -- fit::` runs one file's tests.
//! The benchmarks (`bench.rs`, not tests) and the soak run (`soak.rs`, long with `SOAK=`) stay binaries
//! of their own.

mod common;

mod a11y;
mod csp;
mod currency;
mod datasets;
mod embed;
mod explore;
mod fit;
mod foreign;
mod foundation;
mod front;
mod i18n;
mod keyboard;
mod map;
mod minimap;
mod offline;
mod partners;
mod present;
mod providers_map;
mod screens;
mod split;
mod spreadsheet;
