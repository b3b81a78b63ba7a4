//! Reusable pieces of the interface, one file each.

pub mod data_gate;
pub mod data_issues;
pub mod headline;
pub mod site_header;
