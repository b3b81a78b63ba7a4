//! Reusable pieces of the interface, one file each.

pub mod actor_link;
pub mod chart_card;
pub mod data_gate;
pub mod data_issues;
pub mod dataset_cards;
pub mod dataset_picker;
pub mod explore;
pub mod facets;
pub mod headline;
pub mod mini_map;
pub mod notices;
pub mod open_file;
pub mod partner_answer;
pub mod present;
pub mod project_detail;
pub mod project_table;
pub mod record_list;
pub mod share;
pub mod similar_projects;
pub mod site_header;
pub mod spreadsheet;
pub mod story;
pub mod story_shelf;
pub mod world_map;
pub mod year_columns;
