//! One file per route.

pub mod about;
pub mod actor;
pub mod bench;
pub mod console;
pub mod embed;
pub mod explore;
pub mod map;
pub mod not_found;
pub mod overview;
pub mod partners;
pub mod present;
pub mod project;
pub mod stories;
pub mod table;

use leptos::prelude::*;

use crate::lazy::lazy_view;

/// `lazy_page!(route, page, preload => Page)` defines `pub fn route() -> AnyView`, the route's view, whose
/// code (the `lazy_fn!` `page`) loads the first time the route opens.
macro_rules! lazy_page {
    ($($route:ident, $name:ident, $preload:ident, $group:ident => $page:path;)*) => {$(
        lazy_fn! {
            fn $name() -> AnyView { $page().into_any() }
            preload: $preload, in: $group;
        }
        pub fn $route() -> AnyView {
            lazy_view($name, $preload)
        }
    )*};
}

lazy_page! {
    explore_view, explore_page, __preload_explore_page, explore_page => explore::Explore;
    map_view, map_page, __preload_map_page, map_page => map::MapPage;
    table_view, table_page, __preload_table_page, table_page => table::TablePage;
    project_view, project_page, __preload_project_page, project_page => project::ProjectPage;
    actor_view, actor_page, __preload_actor_page, partners_page => actor::ActorPage;
    partners_view, partners_page, __preload_partners_page, partners_page => partners::PartnersPage;
    about_view, about_page, __preload_about_page, about_page => about::About;
    bench_view, bench_page, __preload_bench_page, bench_page => bench::Bench;
    embed_view, embed_page, __preload_embed_page, embed_page => embed::EmbedPage;
    stories_view, stories_page, __preload_stories_page, present => stories::StoriesPage;
    present_view, present_page, __preload_present_page, present => present::PresentPage;
    console_view, console_page, __preload_console_page, present => console::ConsolePage;
}

lazy_fn! {
    fn overview_page() -> AnyView { overview::Overview().into_any() }
    preload: __preload_overview_page, in: overview_page;
}

/// `/`: the front page. Its first screen (the title and the built-in data's headline,
/// [`overview::first_screen`]) is start code, so that a first visit's headline waits neither for the
/// page's code nor for the data; the rest ([`overview::Overview`]) loads on demand. As a split of its
/// own, fetched beside the page's, the first screen needed 33 small chunks (50 KB raw) that were
/// instantiated between the data's tasks, and its headline was painted 452–572 ms after navigation,
/// against 272–364 ms as start code, which costs 10 KB of brotli at start (cold visits of the two builds
/// alternated, a playwright-core script reading Element Timing, 2026-12-04).
pub fn overview_view() -> AnyView {
    provide_context(crate::components::headline::FrontSummary::default());
    view! {
        {overview::first_screen()}
        {lazy_view(overview_page, __preload_overview_page)}
    }
    .into_any()
}
