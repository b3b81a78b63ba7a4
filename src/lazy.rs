//! Code that loads on demand. In Trunk builds (the `split` feature), a `lazy_fn!` function is a Leptos
//! `#[lazy]` function: its code, and whatever only it uses, is cut out of the main wasm by
//! `cargo xtask split-wasm` (xtask/src/split.rs) and fetched the first time it is called. Elsewhere
//! (component tests, clippy) it is a plain async function that is ready at once.

use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `lazy_fn! { fn name(args) -> T { body } preload: preload_name, in: group; }` defines
/// `async fn name(args) -> T`, whose code loads on first call, and `async fn preload_name()`, which only
/// loads it. Functions of the same `group` share one split module (code only they use is not cut into
/// chunks per combination of them). The body runs untracked: a reactive closure that awaits it must not
/// subscribe to what the body reads.
macro_rules! lazy_fn {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
        preload: $preload:ident, in: $group:ident;
    )*) => {$(
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::lazy($group)]
        $vis fn $name($($arg: $ty),*) -> $ret {
            ::leptos::prelude::untrack(move || $body)
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> $ret {
            ::leptos::prelude::untrack(move || $body)
        }
        #[cfg(not(feature = "split"))]
        #[allow(non_snake_case)]
        $vis async fn $preload() {}
    )*};
}

/// The view at once when its code is loaded; otherwise nothing until it is, then the view. The wait is
/// owned by the caller's reactive owner (a route, a dialog): when that is gone before the code arrives
/// (the visitor moved on), nothing is built, since a view built under a disposed owner would read
/// disposed signals and panic.
pub fn lazy_view<P, F, L, G>(view: P, preload: L) -> AnyView
where
    P: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = AnyView>,
    L: FnOnce() -> G + 'static,
    G: Future<Output = ()> + 'static,
{
    if let Some(view) = view().now_or_never() {
        return view;
    }
    let ready = RwSignal::new(false);
    spawn_local(async move {
        preload().await;
        ready.try_set(true);
    });
    (move || ready.get().then(|| view().now_or_never()).flatten()).into_any()
}

/// Starts loading code that will probably be needed soon (e.g. when the pointer reaches a button).
pub fn preload<L, G>(preload: L)
where
    L: FnOnce() -> G + 'static,
    G: Future<Output = ()> + 'static,
{
    spawn_local(preload());
}
